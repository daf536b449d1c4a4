"""Build en_affixal.tsv: English words negated by a prefix or suffix (unable, illegal, homeless).

Such a word often comes out in Arabic with an explicit negation (غير قادر، غير قانوني، بلا مأوى), so
the negation check lets it match an Arabic cue (it is a weak cue: never required to match one).
A word qualifies when its stem without the affix is itself a frequent English word; in-/im-/dis-
are too often not negative (inform, impress, discover) to trust that test, so their words come from
the hand list below. Build-time only (wordfreq is a dev dependency):

    python reference/negation/build.py
"""

from __future__ import annotations

from pathlib import Path

from wordfreq import top_n_list

HERE = Path(__file__).resolve().parent
VOCABULARY = 60_000  # the most frequent English words considered
AUTOMATIC_PREFIXES = ("un", "non", "il", "ir")
NOT_NEGATIVE = {
    "unions", "union", "unit", "units", "united", "unite", "underwent", "unveiled", "unveil", "unfold",
    "unfolded", "unfolding", "iron", "irish", "illness", "illustrate", "unless", "nonetheless", "irony",
}
HAND_LIST = """
inability inaccurate inadequate inappropriate incapable incompetent incomplete inconsistent incorrect
indirect ineffective inefficient inevitable inevitably informal insecure insufficient intolerable invalid
invisible injustice inaction inactive incurable indefinite indefinitely infertile inhumane insignificant
instability impossible impossibility imbalance immoral impartial impatient imperfect improper impractical
implausible impunity dishonest disagree disagreed disagreement disapprove disapproval dislike disliked
disloyal disobey disorder disqualified disqualify distrust
""".split()


def affixal_words(vocabulary: list[str]) -> dict[str, str]:
    known = set(vocabulary)
    out: dict[str, str] = {}
    for word in vocabulary:
        if not word.isalpha() or word in NOT_NEGATIVE:
            continue
        for prefix in AUTOMATIC_PREFIXES:
            stem = word[len(prefix) :]
            if word.startswith(prefix) and len(stem) >= 4 and stem in known:
                if prefix in ("il", "ir") and not stem.startswith(prefix[1]):  # il-legal, ir-regular only
                    continue
                out[word] = f"{prefix}- + {stem}"
                break
        else:
            if word.endswith("less") and len(word) > 6 and word[:-4] in known:
                out[word] = f"{word[:-4]} + -less"
    for word in HAND_LIST:
        out.setdefault(word, "hand list (in-/im-/dis- and others)")
    return out


def main() -> None:
    words = affixal_words(top_n_list("en", VOCABULARY))
    lines = [
        "# English words negated by an affix (weak negation cues). Built by reference/negation/build.py",
        "# from wordfreq's top English words; do not edit by hand. Columns: word <TAB> description",
    ]
    lines += [f"{word}\t{how}" for word, how in sorted(words.items())]
    (HERE / "en_affixal.tsv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(words)} words -> {HERE / 'en_affixal.tsv'}")


if __name__ == "__main__":
    main()
