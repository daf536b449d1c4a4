"""Which words of an English name the Arabic should spell out, which only count as evidence when
something near their spelling is there, and the spelling to suggest for a word."""

from __future__ import annotations

from qa.names import translit
from qa.names.english import EnglishName
from qa.names.gazetteer import gazetteer
from qa.names.lexicon import known_spelling, name_likeness
from qa.names.matching import model_references, token_references

# A non-gazetteer token must be at least this much a name to be expected in the Arabic
# (lexicon.name_likeness): kavanaugh -0.1 and melrose -0.1 are, baton -0.6 and court -2.4 not.
EXPECT_NAME_LIKENESS = -0.3


def expected_tokens(n: EnglishName) -> list[str]:
    """The words of a non-gazetteer name that should appear spelt out in the Arabic.

    A word is expected when it is more a name than an English word (lexicon.name_likeness), or
    when it has a known name spelling and stands next to such a word: West in Kanye West, Long
    in Long Lartin (but not in Long Island alone).
    """
    if n.spelling is not None:
        return list(n.words)
    if n.acronym:
        return []
    out = []
    for w in n.words:
        clean = translit.clean_english(w)
        if clean in PARTICLES and max(len(n.words), len(n.run)) > 1:
            continue
        if (
            gazetteer().lookup(w) is not None
            or (len(clean) >= 3 and name_likeness(clean) >= EXPECT_NAME_LIKENESS)
            or (len(clean) >= 2 and known_spelling(clean) and _person_run(n.run, w))
        ):
            out.append(w)
    return out


def evidence_tokens(n: EnglishName) -> list[str]:
    """Words of a name that are English words too (West, Sky, Phoenix) but have a known name
    spelling: not expected in the Arabic (a translator may translate them), yet when the Arabic
    has something near their spelling, that is evidence (a distortion, a misreading)."""
    if n.acronym or n.entry is not None:
        return []
    return [w for w in n.words if len(translit.clean_english(w)) >= 3 and translit.clean_english(w) not in PARTICLES and token_references(w)]


def evidence_only(n: EnglishName) -> bool:
    """A name checked on evidence only: outside the gazetteer, not part of a gazetteer name, and
    no word of it expected spelt out (every word is also an English word: Brighton, West)."""
    return n.entry is None and n.spelling is None and not expected_tokens(n)


def _person_run(run: tuple[str, ...], word: str) -> bool:
    return any(
        other != word and len(c := translit.clean_english(other)) >= 3 and name_likeness(c) >= PERSON_RUN_LIKENESS
        for other in run
    )


# Articles and particles of names, usually run into the next word or left out (La Roche-Posay:
# لاروش بوزيه, Al-Moualem: المعلم): not expected on their own.
PARTICLES = frozenset(["al", "el", "la", "le"])
PERSON_RUN_LIKENESS = -0.3  # a neighbour this name-like (kanye, lartin, eden) makes the run a person's name


def suggest(token: str) -> str:
    refs = token_references(token) or model_references(token)
    return refs[0][1] if refs else token
