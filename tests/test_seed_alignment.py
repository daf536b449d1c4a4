"""Acceptance: `mtqa check` on the seed article aligns every line, paragraph 5 with paragraph 5."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from qa.cli import main
from qa.textio import split_lines


@pytest.fixture(scope="module")
def seed_report(shared_data, encoder):
    patch = pytest.MonkeyPatch()
    patch.setattr("qa.pipeline.open_encoder", lambda model: encoder)
    try:
        seed = shared_data / "seed"
        result = CliRunner().invoke(
            main, ["check", str(seed / "article.en.txt"), str(seed / "article.ar.mt.txt"), "--format", "json"]
        )
    finally:
        patch.undo()
    assert result.exit_code in (0, 1), result.output  # 1: the seed has critical errors
    return json.loads(result.stdout)


def lines_of(path) -> list[str]:
    return split_lines(path.read_text(encoding="utf-8"))


def test_every_line_of_both_files_is_in_some_segment(seed_report, shared_data):
    segments = seed_report["documents"][0]["segments"]
    en = lines_of(shared_data / "seed" / "article.en.txt")
    ar = lines_of(shared_data / "seed" / "article.ar.mt.txt")
    assert {n for s in segments for n in s["src_lines"]} == set(range(len(en)))
    assert {n for s in segments for n in s["mt_lines"]} == set(range(len(ar)))


def test_the_three_sentences_of_arabic_line_5_align_with_english_line_5(seed_report, shared_data):
    segments = seed_report["documents"][0]["segments"]
    with_ar5 = [s for s in segments if 5 in s["mt_lines"]]
    with_en5 = [s for s in segments if 5 in s["src_lines"]]
    assert with_ar5 and with_ar5 == with_en5
    assert all(s["src_lines"] == [5] and s["mt_lines"] == [5] for s in with_ar5)
    ar5 = lines_of(shared_data / "seed" / "article.ar.mt.txt")[5]
    assert " ".join(s["mt"] for s in with_ar5).split() == ar5.split()  # all of it, in order
