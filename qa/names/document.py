"""Names across a document: a name the document spells in one sentence and leaves out in another.

A name word that is also an English word (Brighton, Waters, West) is not expected in every
sentence's Arabic, since a translator may translate it; but once the document spells it out
(برايتون), a sentence whose Arabic has no trace of it has most likely dropped it. Works on the
per-pair analyses (qa.names.analysis), so it costs nothing beyond them.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from qa.names.analysis import NameResult, evidence_only
from qa.names.spelling import usual_variant


def dropped_in_document(analyses: Sequence[Sequence[NameResult]], stems: Sequence[Sequence[frozenset[str]]]) -> Iterator[tuple[int, NameResult, NameResult]]:
    """(pair index, the result of the name left out, a result where the document spells it).

    `stems[i]` holds every word's stems of pair i's Arabic (qa.names.arabic_side): a sentence
    that has the spelling, or a usual variant of it, anywhere is not flagged.
    """
    spelt: dict[str, NameResult] = {}
    for results in analyses:
        for r in results:
            if r.status == "found" and r.form and " " not in r.form and evidence_only(r.name):
                spelt.setdefault(r.key, r)
    if not spelt:
        return
    for index, results in enumerate(analyses):
        for r in results:
            elsewhere = spelt.get(r.key)
            if elsewhere is None or r.status != "unchecked" or not evidence_only(r.name):
                continue
            if any(elsewhere.form in word or any(usual_variant(s, elsewhere.form) for s in word) for word in stems[index]):
                continue
            yield index, r, elsewhere
