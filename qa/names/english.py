"""The names in an English segment: people, places, organisations, acronyms, demonyms.

Capitalised words are candidates; a run of them (with name connectors: of, de, al, bin, van...)
is cut into gazetteer entries, longest first (European Union, Joe Biden, Bank of England); other
capitalised words are names one word at a time (Brett, Kavanaugh), because each of them must be
spelt out in the Arabic. Possessives are cut off (Putin's -> Putin),
hyphenated names are split where each part is a name (Israel-Iran) and kept whole otherwise
(Berners-Lee), titles stand apart (President, Mr). A sentence-initial word, or any word of a
headline set in title case, is a name only if the gazetteer knows it or it is more a name than
an ordinary word (lexicon.name_likeness): "Will" opens a sentence, "Jones" is a name anywhere.
Written by hand: spaCy-size NER models are too slow and too large for a per-segment check, and
the names that matter here are the ones the gazetteer and the transliteration model can verify.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from qa.model import Span
from qa.names.gazetteer import Entry, Gazetteer, english_key
from qa.names.lexicon import is_rare_word, known_spelling, name_likeness

_TOKEN = re.compile(r"(?:[A-Z]\.){2,}|[^\W\d_](?:[^\W_]|['’](?=[^\W\d_])|-(?=[^\W_]))*")
_POSSESSIVE = re.compile(r"['’]s$", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?:;…]['\"”’)\]]*\s*$|^\s*$")
_OPENERS = set("\"“‘'([—–-")

# Generic head nouns of named places, events, bodies and awards, which translators translate
# rather than spell (Hurricane Rosa: إعصار روزا, Lake Titicaca: بحيرة تيتيكاكا, Victoria Cross:
# صليب فيكتوريا, West Sumatra: سومطرة الغربية): their absence beside the rest of the name is no omission (qa.names.analysis).
CLASSIFIERS = frozenset(
    """hurricane typhoon cyclone storm lake river mount mountain mountains island islands bay gulf sea ocean valley
    falls desert forest park gardens garden plaza square street avenue road bridge tower arena stadium hall palace
    castle church cathedral mosque museum cross medal prize award cup league band party club union university college
    school academy institute hospital airport station prison estate reserve county province council ministry
    department agency committee court bank fund foundation center centre company group festival games republic
    kingdom empire army navy force police city town village district canal port harbour harbor coast peninsula
    mall market house north south east west northern southern eastern western central""".split()
)
TITLES = frozenset(
    """mr mrs ms miss dr prof sir dame lord lady president vice prime minister chancellor secretary senator sen rep
    representative congressman congresswoman governor gov mayor judge justice king queen prince princess duke duchess
    pope ayatollah sheikh emir general gen colonel col captain capt lieutenant sergeant admiral commander chief
    officer detective inspector professor ambassador speaker deputy foreign defence defense interior finance home
    state minister's president's st saint sens reps""".split()
)
NOT_NAMES = frozenset(
    """i a an the this that these those he she it we they you his her its our their my your what when where who why how
    there here if but and or so yes no not as at in on of to by for from with after before while
    monday tuesday wednesday thursday friday saturday sunday january february march april may june july august
    september october november december mon tue wed thu fri sat sun jan feb mar apr jun jul aug sep sept oct nov dec
    god ok tv internet web christian christians muslim muslims jewish jew jews catholic catholics protestant
    islamic islamist islamists buddhist hindu sikh sunni shia shiite evangelical""".split()
)
CONNECTORS = frozenset("of de da del della di du des la le al el bin ibn bint van von der den dos y and for on".split())
# A connector only joins two capitalised words into one name when the gazetteer knows the whole.


@dataclass(frozen=True)
class Token:
    text: str  # without a possessive 's
    span: Span
    capital: bool
    initial: bool  # opens a sentence (or a quotation), or stands in a title-case headline
    hyphen_before: bool  # joined to the previous token by a hyphen (Israel-Iran, Berners-Lee)
    headline: bool = False


@dataclass(frozen=True)
class EnglishName:
    text: str
    span: Span
    words: tuple[str, ...]
    entry: Entry | None  # the gazetteer row, when known
    initial: bool
    run: tuple[str, ...] = ()  # the capitalised words around it that make one name (Kanye West)
    group: int = -1  # names cut from one run share it (the run's start offset)
    spelling: tuple[str, str] | None = None  # (folded, written) Arabic known for this word (part of a gazetteer name)

    @property
    def acronym(self) -> bool:
        """All capitals (US, U.N.), also with a plural s (AMs, FAQs)."""
        bare = self.text.replace(".", "").removesuffix("s")
        return bare.isupper() and len(bare) >= 2


def tokens(text: str) -> list[Token]:
    """Word tokens with hyphenated words split into parts and possessives cut off."""
    out: list[Token] = []
    raw = list(_TOKEN.finditer(text))
    headline = _is_headline(text, raw)
    prev_end = 0
    for m in raw:
        gap = text[prev_end : m.start()]
        # a sentence can only start after punctuation: most tokens follow a bare space
        initial = headline or not prev_end or (gap.strip() != "" and _opens_sentence(text[: m.start()]))
        prev_end = m.end()
        word = m.group()
        if "'" in word or "’" in word:
            word = _POSSESSIVE.sub("", word)
        offset = m.start()
        if "-" not in word:
            out.append(Token(word, Span(offset, offset + len(word)), word[0].isupper(), initial, False, headline))
            continue
        for k, part in enumerate(word.split("-")):
            if part:
                out.append(Token(part, Span(offset, offset + len(part)), _capital(part), initial and k == 0, k > 0, headline))
            offset += len(part) + 1
    return out


def _opens_sentence(before: str) -> bool:
    """Nothing but opening quotes since the start or a sentence end (an abbreviation is no end),
    or a quotation opening after a comma or colon (he said, "We...)."""
    stripped = before.rstrip()
    quoted = bool(stripped) and stripped[-1] in "\"“‘'"
    before = stripped.rstrip("".join(_OPENERS)).rstrip()
    if not before:
        return True
    if quoted and before[-1] in ",:":
        return True
    if before[-1] in "\"”’')" and len(before) > 1:
        before = before[:-1]
    if before[-1] not in ".!?:;…":
        return False
    if before[-1] == ".":
        last = re.split(r"[\s(\"“]", before[:-1])[-1]
        if last.lower() in TITLES or re.fullmatch(r"[A-Z]|(?:[A-Z]\.)+[A-Z]", last):
            return False
    return True


def _capital(word: str) -> bool:
    return word[0].isupper()  # an acronym with dots (U.N.) starts with a capital too


def _is_headline(text: str, raw: list[re.Match]) -> bool:
    """Title case across the segment: most words of four letters or more are capitalised."""
    long_words = [m.group() for m in raw if len(m.group()) >= 4]
    if len(long_words) < 3:
        return False
    return sum(1 for w in long_words if w[0].isupper()) / len(long_words) >= 0.7


def _adjacent(text: str, a: Token, b: Token) -> bool:
    """b follows a with only a space or a hyphen between them."""
    return text[a.span.end : b.span.start] in (" ", "-")


def extract(text: str, gaz: Gazetteer) -> list[EnglishName]:
    """The names of an English segment, in order, with spans in `text`."""
    toks = tokens(text)
    names: list[EnglishName] = []
    i = 0
    while i < len(toks):
        tok = toks[i]
        if not tok.capital or tok.text.lower() in NOT_NAMES:
            i += 1
            continue
        hit = _longest_entry(text, toks, i, gaz)
        if hit is not None and not _part_of_person(text, toks, i, hit, gaz):
            end, entry = hit
            names.append(_name(text, toks[i:end], entry))
            i = end
            continue
        if not _candidate(tok):
            i += 1
            continue
        j = i + 1
        while j < len(toks) and toks[j].capital and _adjacent(text, toks[j - 1], toks[j]) and _candidate(toks[j]):
            nxt = _longest_entry(text, toks, j, gaz)
            if nxt is not None and not _part_of_person(text, toks, j, nxt, gaz):
                break
            j += 1
        run = toks[i:j]
        words = tuple(t.text for t in run)
        group = run[0].span.start
        # checked word by word (each must be spelt out); where every word is capitalised (a sentence
        # start, a headline) only the words that are names more than English words
        names += [_name(text, [t], None, words, group) for t in run if not t.initial or _initial_name(t.text, t.headline)]
        i = j
    return names


def _part_of_person(text: str, toks: list[Token], i: int, hit: tuple[int, Entry], gaz: Gazetteer) -> bool:
    """A one-word place or demonym that is a person's first or last name here (Jordan Spieth, Johnny English):
    next to a capitalised word that the gazetteer does not know and that is a name more than a word."""
    end, entry = hit
    if end - i != 1 or entry.kind not in ("country", "city", "state", "region", "place", "demonym"):
        return False

    def person_like(k: int) -> bool:
        t = toks[k]
        return t.capital and _candidate(t) and gaz.lookup(t.text) is None and name_likeness(t.text.lower()) >= PERSON_LIKENESS

    before = i > 0 and _adjacent(text, toks[i - 1], toks[i]) and person_like(i - 1) and not toks[i].initial
    after = end < len(toks) and _adjacent(text, toks[end - 1], toks[end]) and person_like(end)
    return before or after


PERSON_LIKENESS = -0.3  # this name-like, a capitalised word is a name at a sentence start, a neighbour makes
# a place name a person's (Jordan Spieth)
_CONTRACTION = re.compile(r"['’](?:ve|ll|re|d|m|t|s)$", re.IGNORECASE)


HEADLINE_LIKENESS = 0.5  # in a title-case headline every word is capitalised: be stricter (farmer 0.3)


def _initial_name(word: str, headline: bool = False) -> bool:
    """A capitalised word where any word is capitalised (sentence start, headline) is a name only if
    Wikidata knows it as one more than English knows it as a word, or English hardly knows it."""
    low = word.lower()
    if known_spelling(low) is not None:
        return name_likeness(low) >= (HEADLINE_LIKENESS if headline else PERSON_LIKENESS)
    return is_rare_word(low)


def _candidate(tok: Token) -> bool:
    low = _CONTRACTION.sub("", tok.text.lower())
    return low not in NOT_NAMES and low not in TITLES and tok.text.lower() != tok.text


def _longest_entry(text: str, toks: list[Token], i: int, gaz: Gazetteer) -> tuple[int, Entry] | None:
    for length in range(min(gaz.max_words, len(toks) - i), 0, -1):
        window = toks[i : i + length]
        if not (window[-1].capital or window[-1].hyphen_before):
            continue
        if any(not _adjacent(text, a, b) for a, b in zip(window, window[1:])):
            continue
        if any(not t.capital and not t.hyphen_before and t.text.lower() not in CONNECTORS for t in window):
            continue
        surface = text[window[0].span.start : window[-1].span.end]
        entry = gaz.lookup(surface)
        if entry is None and length == 1:
            entry = gaz.lookup(window[0].text)
        if entry is not None:
            if length == 1 and window[0].initial and _ordinary_initial(window[0].text, entry):
                return None
            return i + length, entry
    return None


# Gazetteer names that open a sentence as ordinary words more often than as names.
ORDINARY_AT_START = frozenset("reading bath nice apple amazon fed gulf olympic olympics".split())


def _ordinary_initial(word: str, entry: Entry) -> bool:
    """A sentence-initial word that is an ordinary English word before a name ("Reading the report")."""
    return word.lower() in ORDINARY_AT_START


def _name(text: str, run: list[Token], entry: Entry | None, words: tuple[str, ...] = (), group: int = -1) -> EnglishName:
    span = Span(run[0].span.start, run[-1].span.end)
    return EnglishName(text[span.start : span.end], span, tuple(t.text for t in run), entry, run[0].initial, words, group)


__all__ = ["EnglishName", "Token", "extract", "tokens", "english_key"]
