"""Build en_affixal.tsv: English words negated by a prefix or suffix (unable, illegal, homeless).

Such a word often comes out in Arabic with an explicit negation (غير قادر، غير قانوني، بلا مأوى), so
the negation check lets it match an Arabic cue (it is a weak cue: never required to match one).
A word qualifies when its stem without the affix is itself a frequent English word (in-/im- only
on adjective endings: inaccurate, impractical); dis- is too often not negative (discover, dispose)
to trust that test, so its words come from the hand list below, and NOT_NEGATIVE lists the words
the test lets through that negate nothing (reversative unleash, lexicalised unemployment). Build-time only (wordfreq is a dev dependency):

    python reference/negation/build.py
"""

from __future__ import annotations

from pathlib import Path

from wordfreq import top_n_list

HERE = Path(__file__).resolve().parent
STEMS = 60_000  # a stem must be among this many most frequent English words
VOCABULARY = 150_000  # the words considered (rarer affixed words of frequent stems: untroubled)
AUTOMATIC_PREFIXES = ("un", "non", "il", "ir")
# in-/im- negate adjectives of these endings when the rest is a frequent word (inaccurate, impractical)
IN_ENDINGS = ("able", "ible", "ent", "ant", "ive", "ate", "ete", "ect", "al", "ure", "ic")
NOT_NEGATIVE = {
    "unions", "union", "unit", "units", "united", "unite", "underwent", "unveiled", "unveil", "unfold",
    "unfolded", "unfolding", "iron", "irish", "illness", "illustrate", "unless", "nonetheless", "irony",
    # reversative un- verbs: they undo, they do not negate (unleash = أطلق)
    "unleash", "unleashed", "unleashes", "unleashing", "unlock", "unlocked", "unlocking", "unlocks", "undo",
    "undone", "unpack", "unpacked", "unpacking", "unload", "unloaded", "unloading", "unwind", "unwinding",
    "uncover", "uncovered", "uncovering", "uncovers", "unearth", "unearthed", "unearthing", "unveils",
    "unveiling", "unfolds", "unravel", "unraveled", "unravelled", "unraveling", "unravelling", "unseat",
    "unseated", "unplug", "unplugged", "untie", "untied", "unzip", "unwrap", "unwrapped", "unroll", "unrolled",
    "unbuckle", "unbutton", "unscrew", "unsubscribe",
    # words whose usual Arabic is one affirmative word (البطالة، المشردين، للأسف، بغض النظر)
    "unemployment", "unemployed", "homeless", "homelessness", "unfortunately", "unfortunate", "regardless",
    "nevertheless", "doubtless", "countless", "endless", "priceless", "relentless", "relentlessly", "ruthless",
    "tireless", "tirelessly", "restless", "reckless", "recklessly", "wireless", "timeless", "flawless",
    # in-/im- words that do not negate
    "invaluable", "inflammable", "intensive", "interstate", "impact", "imperial", "immigrant", "immigrants",
    "important", "income", "indicate", "innovate", "inspect", "instant", "install", "insure", "intent",
    "intimate", "invent", "invert", "impart", "impose", "imposes", "implant", "implement", "implicate",
    "immune", "immunity", "impress", "indent", "incentive", "influent", "ingredient", "immediate", "immigrate",
    "imposture", "incorporate", "indenture", "independent", "independant", "independently", "informative",
    "ingrate", "inhabitable", "inheritable", "inpatient", "instate", "invertebrate", "inactivate", "invalidate",
    "inclosure", "unwed", "unionization", "unionized", "unionizing", "uniter", "univer", "undine", "undies",
    "unaids", "unalaska", "unconference", "unclos", "unknow", "unfuck", "unisex", "unhrc",
    # lexicalised: their usual Arabic is one affirmative word (حتمي، مذهل، لا يصدق is a choice)
    "inevitable", "inevitably", "incredible", "incredibly", "unbelievable", "unbelievably", "undoubtedly",
    "invariably", "indispensable", "indispensible", "unlike",  # unlike = على عكس، بخلاف
}
HAND_LIST = """
inability inaccurate inadequate inappropriate incapable incompetent incomplete inconsistent incorrect
indirect ineffective inefficient informal insecure insufficient intolerable invalid
invisible injustice inaction inactive incurable indefinite indefinitely infertile inhumane insignificant
instability impossible impossibility imbalance immoral impartial impatient imperfect improper impractical
implausible impunity dishonest disagree disagreed disagreement disapprove disapproval dislike disliked
disloyal disobey disqualified disqualify distrust indisputable indisputably inexorable
incapacitated anonymous anonymously anonymity undue unduly unfit unmet uncut impenetrable mistrust
""".split()


def affixal_words(vocabulary: list[str], stems: set[str]) -> dict[str, str]:
    out: dict[str, str] = {}
    for word in vocabulary:
        if not word.isalpha() or word in NOT_NEGATIVE:
            continue
        for prefix in AUTOMATIC_PREFIXES:
            stem = word[len(prefix) :]
            if word.startswith(prefix) and len(stem) >= 4 and stem in stems:
                if prefix in ("il", "ir") and not stem.startswith(prefix[1]):  # il-legal, ir-regular only
                    continue
                out[word] = f"{prefix}- + {stem}"
                break
        else:
            if word.endswith("less") and len(word) > 6 and word[:-4] in stems:
                out[word] = f"{word[:-4]} + -less"
            elif word.startswith(("in", "im")) and word.endswith(IN_ENDINGS) and len(word) >= 7 and (
                word[2:] in stems or (word.endswith(("able", "ible")) and len(word) >= 12 and {word[2:-4], word[2:-4] + "e"} & stems)
            ):
                if word.startswith("im") and word[2] not in "bmp":  # im- only before b, m, p
                    continue
                out[word] = f"{word[:2]}- + {word[2:]}"
    for word in vocabulary:  # adverbs of the adjectives found: incredibly, unfairly
        if word.isalpha() and word not in out and word not in NOT_NEGATIVE:
            adjective = word[:-1] + "e" if word.endswith("bly") else word[:-2] if word.endswith("ly") else ""
            if adjective in out:
                out[word] = f"{adjective} + -ly"
    for word in HAND_LIST:
        if word not in NOT_NEGATIVE:
            out.setdefault(word, "hand list (in-/im-/dis- and others)")
    return out


def main() -> None:
    vocabulary = top_n_list("en", VOCABULARY)
    words = affixal_words(vocabulary, set(vocabulary[:STEMS]))
    lines = [
        "# English words negated by an affix (weak negation cues). Built by reference/negation/build.py",
        "# from wordfreq's top English words; do not edit by hand. Columns: word <TAB> description",
    ]
    lines += [f"{word}\t{how}" for word, how in sorted(words.items())]
    (HERE / "en_affixal.tsv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(words)} words -> {HERE / 'en_affixal.tsv'}")


if __name__ == "__main__":
    main()
