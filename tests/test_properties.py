"""Invariants as property tests (hypothesis): no lost text, no lost sentence, no stray span, no lossy report.

Bounded to run in seconds: max_examples per property below, no per-example deadline (the machine
is shared; a slow example is not a failure), and the database off so runs do not depend on history.
"""

from __future__ import annotations

import itertools
import json
import math
import random
import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from benchmarks.hash_encoder import hash_embed
from qa.align import align_segments, build_pairs
from qa.arabic import fold, normalize, words
from qa.model import (
    AlignedPair,
    Category,
    CheckFailure,
    DocumentResult,
    Finding,
    Report,
    Segment,
    SegmentResult,
    Severity,
    Span,
)
from qa.render import render
from qa.render.json import report_from_json
from qa.segment import segment_lines, split_sentences

BOUNDED = settings(max_examples=200, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])
SPACE = re.compile(r"\s+")

# Text that exercises the segmenter's rules: words of both scripts, abbreviations, numbers,
# every terminal, closer and opener, odd spaces, plus any character at all (no surrogates:
# the readers refuse them, tests/test_bad_inputs.py).
PIECES = st.sampled_from(
    [
        "The", "talks", "resume", "Mr.", "U.S.", "Dr", "No.", "10", "3.5", "e.g.", "Jan.", "p.m.", "A.",
        "قال", "المحادثات", "د.", "عام", "1990", "م.", "ج.م.ع", "هـ",
        ".", "!", "?", "\u061f", "\u2026", "\u06d4", "...", "?!", '"', "'", "\u201d", "\u00bb", ")", "]", "\u201c", "\u00ab", "(", "-",
        " ", "  ", "\t", "\u00a0", "\u2028", "\u200b", "\u200f", "\u202e", "\U0001f44d",
    ]
)
ANY_CHAR = st.characters(exclude_categories=("Cs",), exclude_characters="\n")
LINE = st.lists(st.one_of(PIECES, PIECES.map(lambda p: p + " "), ANY_CHAR), max_size=60).map("".join)


@BOUNDED
@given(line=LINE, lang=st.sampled_from(["en", "ar"]))
def test_segmentation_loses_no_character_and_spans_are_ordered_and_trimmed(line, lang):
    spans = split_sentences(line, lang)
    assert SPACE.sub("", "".join(s.of(line) for s in spans)) == SPACE.sub("", line)
    for before, after in itertools.pairwise(spans):
        assert before.end <= after.start
    for span in spans:
        text = span.of(line)
        assert text and not SPACE.match(text[0]) and not SPACE.match(text[-1])


@BOUNDED
@given(lines=st.lists(LINE, max_size=8), lang=st.sampled_from(["en", "ar"]))
def test_document_segments_point_back_at_their_line(lines, lang):
    for segment in segment_lines(lines, lang):
        assert segment.span.of(lines[segment.line]) == segment.text


SENTENCE = st.text(alphabet=st.characters(exclude_categories=("Cs", "Zs", "Cc", "Zl", "Zp")), min_size=1, max_size=20)


def _segments(texts: list[str], lang: str) -> list[Segment]:
    return [Segment(text=t, lang=lang, line=i, span=Span(0, len(t))) for i, t in enumerate(texts)]


@settings(max_examples=80, deadline=None, database=None)
@given(src=st.lists(SENTENCE, max_size=40), tgt=st.lists(SENTENCE, max_size=40))
def test_every_source_and_target_sentence_is_in_exactly_one_aligned_segment(src, tgt):
    source, target = _segments(src, "en"), _segments(tgt, "ar")
    beads = align_segments(source, target, hash_embed)
    assert sorted(i for b in beads for i in b.src) == list(range(len(src)))
    assert sorted(j for b in beads for j in b.tgt) == list(range(len(tgt)))
    assert all(b.src or b.tgt for b in beads)
    assert all(len(b.src) <= 2 and len(b.tgt) <= 2 for b in beads)
    flat_src = [i for b in beads for i in b.src]  # and in document order
    flat_tgt = [j for b in beads for j in b.tgt]
    assert flat_src == sorted(flat_src) and flat_tgt == sorted(flat_tgt)
    pairs = build_pairs(source, target, beads)
    assert "".join(p.src.replace(" ", "") for p in pairs) == "".join(src).replace(" ", "")
    assert "".join(p.mt.replace(" ", "") for p in pairs) == "".join(tgt).replace(" ", "")


@settings(max_examples=2, deadline=None, database=None)
@given(n=st.integers(2100, 3000), m=st.integers(2100, 3000), seed=st.integers(0, 2**32 - 1))
def test_long_documents_aligned_coarse_to_fine_still_cover_every_sentence_once(n, m, seed):
    # Past FULL_CELLS (n * m > 4M) the band is found on halved documents: the path must still cover all.
    rng = random.Random(seed)
    source = _segments([f"s{rng.randrange(10**6)}" for _ in range(n)], "en")
    target = _segments([f"t{rng.randrange(10**6)}" for _ in range(m)], "ar")
    beads = align_segments(source, target, hash_embed)
    assert [i for b in beads for i in b.src] == list(range(n))
    assert [j for b in beads for j in b.tgt] == list(range(m))


ARABIC_TEXT = st.lists(
    st.one_of(
        st.sampled_from(["أ", "إ", "آ", "ٱ", "ى", "ة", "ؤ", "ئ", "ی", "ک", "ـ", "\u064b", "\u0651", "\u0670", "\u200c", "\u200f", "\u061c"]),
        st.characters(min_codepoint=0x0600, max_codepoint=0x06FF),
        st.characters(min_codepoint=0xFB50, max_codepoint=0xFDFF),
        st.characters(min_codepoint=0xFE70, max_codepoint=0xFEFF),
        st.sampled_from([" ", "Kyiv", "3", "\U0001f44d"]),
    ),
    max_size=40,
).map("".join)


@BOUNDED
@given(text=ARABIC_TEXT, data=st.data())
def test_a_span_of_the_folded_text_maps_back_onto_the_original_characters_it_came_from(text, data):
    folded = normalize(text)
    assert len(folded.text) == len(folded.origin)
    i = data.draw(st.integers(0, len(folded.text)))
    j = data.draw(st.integers(i, len(folded.text)))
    span = folded.span_to_original(i, j)
    assert 0 <= span.start <= span.end <= len(text)
    # the original characters under the span fold to a text that holds the folded span
    assert folded.text[i:j] in normalize(span.of(text)).text
    if i < j:
        assert span.start < span.end


@BOUNDED
@given(text=ARABIC_TEXT)
def test_every_arabic_word_span_is_on_the_original_text_and_folds_to_the_word(text):
    for word in words(text):
        assert fold(word.span.of(text)) == word.folded


# -- the JSON report round-trips -----------------------------------------------------------------

TEXT = st.text(alphabet=st.characters(exclude_categories=("Cs",)), max_size=30)
FLOAT = st.floats(allow_nan=False, allow_infinity=False, width=64)


@st.composite
def spans(draw):
    start = draw(st.integers(0, 10_000))
    return Span(start, start + draw(st.integers(0, 500)))


FINDING = st.builds(
    Finding,
    code=TEXT, check=TEXT, category=st.sampled_from(Category), severity=st.sampled_from(Severity), message=TEXT,
    src_span=st.none() | spans(), mt_span=st.none() | spans(), suggestion=st.none() | TEXT,
)


@st.composite
def segment_results(draw):
    similarity = draw(st.none() | FLOAT)
    pair = AlignedPair(
        id=draw(TEXT), src=draw(TEXT), mt=draw(TEXT), ref=draw(st.none() | TEXT),
        src_lines=tuple(draw(st.lists(st.integers(0, 10**6), max_size=3))),
        mt_lines=tuple(draw(st.lists(st.integers(0, 10**6), max_size=3))),
        similarity=similarity,
    )
    metrics = {"similarity": similarity, **draw(st.dictionaries(TEXT.filter(lambda k: k != "similarity"), st.none() | FLOAT, max_size=3))}
    return SegmentResult(pair, draw(FLOAT), metrics, tuple(draw(st.lists(FINDING, max_size=3))))


JSON_VALUE = st.recursive(
    st.none() | st.booleans() | st.integers() | FLOAT | TEXT,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(TEXT, inner, max_size=3),
    max_leaves=10,
)
REPORT = st.builds(
    Report,
    signature=TEXT,
    tool=st.dictionaries(TEXT, TEXT, max_size=3),
    summary=st.dictionaries(TEXT, JSON_VALUE, max_size=4),
    documents=st.lists(
        st.builds(DocumentResult, source=st.none() | TEXT, target=st.none() | TEXT, segments=st.lists(segment_results(), max_size=4).map(tuple)),
        max_size=3,
    ).map(tuple),
    failures=st.lists(st.builds(CheckFailure, code=TEXT, check=TEXT, pair_id=TEXT, error=TEXT), max_size=2).map(tuple),
)


@settings(max_examples=100, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])
@given(report=REPORT)
def test_the_json_report_round_trips_and_is_valid_utf8_json_for_any_text(report):
    rendered = render(report, "json")
    rendered.encode("utf-8")  # what write_atomic and stdout do with it: no lone surrogate can reach here
    json.loads(rendered, parse_constant=lambda name: math.nan)  # strict JSON parse
    assert report_from_json(rendered) == report
