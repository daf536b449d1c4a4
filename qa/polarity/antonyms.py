"""Antonym words of both sides and the reversals between them (rose rendered انخفض).

Every word of the antonym lexicon (reference/negation/antonyms.tsv) stands for a *key*: its concept,
its side and whether a negation governs it. A negated word of a contradictory pair is the other side
("did not win" = lost, "not guilty" = innocent); a negated word of a gradable scale keeps its side
with the negation ("did not rise" is neither "rose" nor "fell"). Arabic words are matched to English
words of the same key by position; an Arabic word no English word of its key explains, in a
sentence whose English uses the opposite key, is a suspected reversal.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from qa.arabic import DROPPED, fold, normalize
from qa.model import Span
from qa.polarity import arabic as ar
from qa.polarity import english as en
from qa.polarity.lexicon import AntonymForm, antonyms, contradictory

SCOPE_EN = 3  # an English negation governs a word up to three words after it, in its clause
# English cues that negate the word they govern besides the strong ones ("unable to increase")
_EN_NEGATORS = frozenset({"not", "n't", "no", "never", "cannot", "without", "nor", "neither", "unable", "incapable"})
_ADDITIVE = frozenset({("not", "only"), ("not", "just"), ("not", "merely")})
# Words that do not count between an Arabic negation and the word it governs (لا يمكن أن يكون من الصواب)
_AR_FUNCTION = frozenset(fold(w) for w in ("أن", "من", "في", "على", "إلى", "عن", "يكون", "تكون", "كان", "كانت", "هناك", "قد", "أي"))
_AR_NEGATOR_KINDS = frozenset({"particle", "copula", "affix", "preposition", "pronoun"})
_PHRASAL = {("grew", "up"), ("grow", "up"), ("grown", "up"), ("growing", "up"), ("grows", "up"),
            ("close", "to"), ("closer", "to")}  # both words are another word ("grew up" = نشأ)
_COMPOUND_TAILS = frozenset({"up", "down", "over", "off", "out"})  # "line-up", "build-up", "take-over"
_END = frozenset({fold("نهاية")})
_WEEK = frozenset({fold("الأسبوع"), fold("الاسبوع")})
_AGE_COMPARATIVES = frozenset({fold("أصغر"), fold("أكبر")})
_AGE = frozenset({fold("سنا"), fold("سناً"), fold("سن")})

Key = tuple[str, int, bool]  # concept, side, negated


@dataclass(frozen=True)
class Word:
    forms: tuple[AntonymForm, ...]
    span: Span  # the whole word
    stem: Span  # the part a swap replaces (Arabic: proclitics and suffixes kept)
    negated: bool
    position: float
    doubtful: bool = False  # a negation earlier in its clause may or may not govern it (ليس لديه تقدم كبير)

    def polarity_keys(self) -> set[Key]:
        pairs = contradictory()
        out = set()
        for f in self.forms:
            if self.negated and f.pair in pairs:
                out.add((f.pair, 1 - f.side, False))
            else:
                out.add((f.pair, f.side, self.negated))
        return out

    @property
    def matchable(self) -> bool:
        return any(f.matchable for f in self.forms)


@dataclass(frozen=True)
class Reversal:
    arabic: Word
    replacement: str  # the form the English calls for, in the Arabic word's slot
    english: Word
    distance: float  # relative distance between the two words
    free: bool  # the English word is explained by no Arabic word of its own key


def english_words(text: str, toks: list[en.Token], cues: list[en.EnglishCue]) -> list[Word]:
    table = antonyms()["en"]
    negators = {
        c.token for c in cues
        if (c.strength == "strong" or set(c.entry.words) & _EN_NEGATORS) and c.entry.words[:2] not in _ADDITIVE
    }
    out = []
    for i, tok in enumerate(toks):
        forms = table.get(tok.lower)
        if not forms or (i + 1 < len(toks) and (tok.lower, toks[i + 1].lower) in _PHRASAL):
            continue
        if i and ((toks[i - 1].lower, tok.lower) in _PHRASAL or (tok.lower in _COMPOUND_TAILS and text[toks[i - 1].end : tok.start] == "-")):
            continue
        negated = False
        for j in range(i - 1, max(-1, i - 1 - SCOPE_EN), -1):
            if en._clause_break(text, toks[j], toks[j + 1]):
                break
            if j in negators:
                negated = True
                break
        span = Span(tok.start, tok.end)
        out.append(Word(tuple(forms), span, span, negated, tok.start / max(1, len(text))))
    return out


def arabic_words(analysis: ar.ArabicText) -> list[Word]:
    table = antonyms()["ar"]
    text, ws = analysis.text, analysis.words
    out = []
    for i, w in enumerate(ws):
        if not _may_be_antonym(w.folded):
            continue
        for pre, stem in ar._clitic_readings(w.folded):
            found = next(((c, table[c]) for c in (stem, *ar._strip_suffix(stem)) if c in table), None)
            if found is None:
                continue
            candidate, forms = found
            if _ta_marbuta_mismatch(w.span.of(text), pre, candidate, forms):
                break  # كرة "ball" is not كره "hated", فكرة "idea" is not ف + كره
            following = ws[i + 1].folded if i + 1 < len(ws) else ""
            if candidate in _END and following in _WEEK:
                break  # نهاية الأسبوع = the weekend
            if candidate in _AGE_COMPARATIVES and following in _AGE:
                break  # أصغر سنا = younger, أكبر سنا = older
            start = w.span.start + len(ar._original_prefix(text, w.span, pre))
            norm = normalize(w.span.of(text))
            stop_at = len(pre) + len(candidate)
            end = w.span.start + (norm.origin[stop_at] if stop_at < len(norm.origin) else len(w.span.of(text)))
            negated, in_scope = _negated(analysis, i), _negated(analysis, i, clause_wide=True)
            out.append(Word(tuple(forms), w.span, Span(start, end), negated, w.span.start / max(1, len(text)), in_scope and not negated))
            break
    return out


@lru_cache(maxsize=65536)
def _may_be_antonym(word: str) -> bool:
    table = antonyms()["ar"]
    return any(stem in table for stem in ar._stems(word))


def _negated(analysis: ar.ArabicText, i: int, clause_wide: bool = False) -> bool:
    """A negation (لم، لا، لن، ليس، غير، دون، عدم) before word i in its clause, with at most one
    content word between ("لم يفز", "لم يكن فائزا", "لا يمكن أن يكون من الصواب"), or anywhere
    before it in its clause (`clause_wide`)."""
    text, ws = analysis.text, analysis.words
    for cue in analysis.cues:
        end = cue.word + cue.width - 1
        strong = cue.strength == "strong" or cue.entry.kind in ("affix", "preposition")
        if not strong or cue.entry.kind not in _AR_NEGATOR_KINDS or end >= i:
            continue
        if any(ar._clause_break(text, ws, k, k + 1) for k in range(end, i)):
            continue
        between = sum(ws[k].folded not in _AR_FUNCTION for k in range(end + 1, i))
        # غير/عدم negate the very next word (فرصة غير عادية لفتح: لفتح is not negated)
        if clause_wide or between <= (0 if cue.entry.kind == "affix" else 1):
            return True
    return False


def _ta_marbuta_mismatch(original: str, pre: str, stem: str, forms) -> bool:
    """Folding merges ة with ه: a word written with a final ة matched a form written with ه, or
    the reverse (pronoun suffixes aside)."""
    letters = [ch for ch in original if ch not in DROPPED]
    at = len(pre) + len(stem) - 1
    if at >= len(letters) or not stem.endswith("ه"):
        return False
    written = letters[at] in ("ة", "ت")  # ت: a ة before a pronoun suffix (براءته)
    return written != any(f.taa for f in forms)


def _explained(english: list[Word], arabic: list[Word]) -> tuple[set[int], set[int]]:
    """Indices of the Arabic and English words matched to a word of the other side with a key in
    common, nearest first (reordering moves words far: "more than one", said Walton -> قال والتون
    ... أكثر من), so an Arabic word stays unexplained only when its key is more frequent in the
    Arabic than in the English."""
    options = sorted(
        (abs(e.position - a.position), i, j)
        for i, e in enumerate(english) for j, a in enumerate(arabic) if e.polarity_keys() & a.polarity_keys()
    )
    used_e, used_a = set(), set()
    for _, i, j in options:
        if i not in used_e and j not in used_a:
            used_e.add(i)
            used_a.add(j)
    return used_a, used_e


def reversals(english: list[Word], arabic: list[Word]) -> list[Reversal]:
    """Arabic words no English word of their key explains, where the English uses the opposite key;
    nearest English word first, English words that nothing explains first."""
    explained_a, explained_e = _explained(english, arabic)
    out = []
    for j, word in enumerate(arabic):
        if j in explained_a or not word.matchable or word.doubtful:
            continue
        best = None
        for form in word.forms:
            if not form.matchable:
                continue
            for key in word.polarity_keys():
                if key[0] != form.pair:
                    continue
                opposite = (key[0], 1 - key[1], key[2])
                for i, e in enumerate(english):
                    if opposite in e.polarity_keys():
                        option = (i not in explained_e, -abs(e.position - word.position))
                        if best is None or option > best[0]:
                            best = (option, form, e)
        if best is not None:
            (free, negative_distance), form, e = best
            out.append(Reversal(word, form.other, e, -negative_distance, free))
    out.sort(key=lambda r: (not r.free, r.distance))
    return out


def absorbed(e_left: list[en.EnglishCue], english: list[Word], arabic: list[Word]) -> set:
    """English negations rendered by the antonym ("did not win" = خسر, "unbeaten" = الفوز): not
    dropped, unless the Arabic word of that key is accounted for by an affirmative English word
    ("lost ... has not won" = خسرت ... فازت: خسرت renders "lost")."""
    a_count = Counter(k for a in arabic for k in a.polarity_keys())
    e_plain = Counter(k for w in english if not w.negated for k in w.polarity_keys())
    _, explained = _explained(english, arabic)
    rendered = {english[i].span for i in explained}
    out = {cue for cue in e_left if cue.span in rendered}  # "unbeaten" rendered الفوز: its own antonym entry
    for cue in e_left:
        for word in english:
            governed = word.negated and cue.head.start <= word.span.start < cue.head.end + 24
            if governed and any(a_count[k] > e_plain[k] for k in word.polarity_keys()):
                out.add(cue)
    return out
