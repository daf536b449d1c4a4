"""Odd but valid text goes through every stage and every check: no crash, no lost character.

Each case is a real document pair with one kind of oddity, run through the CLI with all checks
(exit 0 or 1, never 3: a check that crashes on it is a bug) and compared with its report: the
report's segments, in order, hold every non-space character of both documents.
"""

from __future__ import annotations

import json
import re

import pytest
from click.testing import CliRunner

from benchmarks.hash_encoder import hash_embed
from qa.align import align_segments, build_pairs
from qa.cli import main
from qa.segment import segment_lines
from qa.textio import read_document

SPACE = re.compile(r"\s+")

CASES = {
    "bidi-controls": (
        "The \u202aUN\u202c envoy met \u2067Hamas\u2069 officials in Gaza. \u202eReversed text\u202c stays.",
        "التقى مبعوث \u202aالأمم المتحدة\u202c مسؤولين من \u2067حماس\u2069 في غزة.\u200f يبقى \u202eالنص\u202c.",
    ),
    "zero-width": (
        "Prices\u200b rose by 3% in\u2060 May. The\ufeff bank agreed.",
        "ارتفعت\u200c الأسعار\u200d بنسبة 3% في مايو.\u200b ووافق\u2060 البنك.",
    ),
    "presentation-forms": (
        "Cairo and Allah are common words. No one came.",
        "\ufe8d\ufedf\ufed8\ufe8e\ufeeb\ufeae\ufe93 \ufdf2 كلمتان شائعتان. \ufefb أحد جاء.",
    ),
    "ornate-parentheses": (  # U+FD3E/FD3F have no decomposition: qa.arabic.fold recursed forever (ADD001 crashed)
        "He quoted the verse at the rally.",
        "واستشهد بالآية \ufd3eجاء الحق\ufd3f في التجمع \ufd3e وهتف الحشد بصوت عال للرئيس الذي وعد بالإصلاحات.",
    ),
    "mixed-scripts": (
        "Putin (Путин) met Xi Jinping (习近平) in Москва on Monday.",
        "التقى بوتين (Путин) مع شي جين بينغ (习近平) في Москва يوم الاثنين.",
    ),
    "emoji": (
        "Fans cheered \U0001f1fa\U0001f1e6 and \U0001f44d\U0001f3fd at the match. \U0001f468\u200d\U0001f469\u200d\U0001f467 came too.",
        "هتف المشجعون \U0001f1fa\U0001f1e6 و\U0001f44d\U0001f3fd في المباراة. وجاءت \U0001f468\u200d\U0001f469\u200d\U0001f467 أيضا.",
    ),
    "no-final-punctuation": (
        "The talks will resume on Monday in Geneva\nOfficials said nothing else",
        "ستستأنف المحادثات يوم الاثنين في جنيف\nولم يقل المسؤولون شيئا آخر",
    ),
    "blank-lines-and-lone-punctuation": (
        "\n\nThe talks resume.\n   \n.\n!!\nThe bank agreed.\n\n",
        "\nستستأنف المحادثات.\n\n.\n؟\nووافق البنك.\n",
    ),
}


@pytest.fixture()
def mtqa(monkeypatch, encoder):
    monkeypatch.setattr("qa.pipeline.open_encoder", lambda model: encoder)
    runner = CliRunner()
    return lambda *args: runner.invoke(main, [str(a) for a in args], catch_exceptions=False)


def squeeze(text: str) -> str:
    return SPACE.sub("", text)


@pytest.mark.parametrize("case", CASES)
def test_odd_text_is_checked_without_a_crash_and_without_losing_a_character(mtqa, tmp_path, case):
    english, arabic = CASES[case]
    src, mt = tmp_path / "a.en.txt", tmp_path / "a.ar.txt"
    src.write_text(english, encoding="utf-8")
    mt.write_text(arabic, encoding="utf-8")
    result = mtqa("check", src, mt, "--format", "json", "--fail-on", "never")
    assert result.exit_code == 0, result.output  # 3 would mean a check crashed on this text
    report = json.loads(result.stdout)
    assert report["failures"] == []
    segments = report["documents"][0]["segments"]
    assert squeeze("".join(s["src"] for s in segments)) == squeeze(english)
    assert squeeze("".join(s["mt"] for s in segments)) == squeeze(arabic)
    for segment in segments:  # every reported span lies on its own text
        for finding in segment["findings"]:
            for key, side in (("src_span", "src"), ("mt_span", "mt")):
                if finding[key] is not None:
                    start, end = finding[key]
                    assert 0 <= start <= end <= len(segment[side])


def test_empty_and_blank_bitext_rows_are_checked_not_dropped(mtqa, tmp_path):
    rows = [{"src": "", "mt": ""}, {"src": "   ", "mt": "نص."}, {"src": "Text.", "mt": ""}, {"src": "\u200b", "mt": "\u200f"}]
    path = tmp_path / "p.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    result = mtqa("check", path, "--format", "json", "--fail-on", "never")
    assert result.exit_code == 0, result.output
    segments = json.loads(result.stdout)["documents"][0]["segments"]
    assert [(s["src"], s["mt"]) for s in segments] == [(r["src"], r["mt"]) for r in rows]


def test_a_100k_character_line_goes_through_the_cli_whole(mtqa, tmp_path, ntrex):
    english = " ".join(en for en, _, _ in ntrex[:40])
    arabic = " ".join(ar for _, ar, _ in ntrex[:40])
    src, mt = tmp_path / "a.en.txt", tmp_path / "a.ar.txt"
    src.write_text(" ".join([english] * (100_000 // len(english) + 1)) + "\n", encoding="utf-8")
    mt.write_text(" ".join([arabic] * (100_000 // len(arabic) + 1)) + "\n", encoding="utf-8")
    result = mtqa("check", src, mt, "--format", "json", "--fail-on", "never", "--select", "FMT,LNG")
    assert result.exit_code == 0, result.output
    segments = json.loads(result.stdout)["documents"][0]["segments"]
    assert squeeze("".join(s["src"] for s in segments)) == squeeze(src.read_text(encoding="utf-8"))
    assert squeeze("".join(s["mt"] for s in segments)) == squeeze(mt.read_text(encoding="utf-8"))


def test_a_1mb_line_is_read_segmented_and_aligned_without_loss(tmp_path, ntrex):
    english = " ".join(en for en, _, _ in ntrex[:200])
    line = " ".join([english] * (1_000_000 // len(english) + 1))
    path = tmp_path / "big.en.txt"
    path.write_text(line + "\n", encoding="utf-8")
    (read,) = read_document(path, "auto")
    assert len(read) >= 1_000_000
    sentences = segment_lines([read], "en")
    assert len(sentences) > 5000
    assert squeeze("".join(s.text for s in sentences)) == squeeze(read)
    target = segment_lines([" ".join(ar for _, ar, _ in ntrex[:200])] * 30, "ar")
    pairs = build_pairs(sentences, target, align_segments(sentences, target, hash_embed))
    assert squeeze("".join(p.src for p in pairs)) == squeeze(read)
    assert squeeze("".join(p.mt for p in pairs)) == squeeze("".join(t.text for t in target))


def test_a_100000_line_document_is_read_and_segmented_line_by_line(tmp_path, ntrex):
    lines = [en if i % 7 else "" for i, (en, _, _) in zip(range(100_000), ntrex * 51)]
    path = tmp_path / "long.en.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    read = read_document(path, "auto")
    assert read == lines
    sentences = segment_lines(read, "en")
    assert {s.line for s in sentences} == {i for i, line in enumerate(lines) if line}
    assert squeeze("".join(s.text for s in sentences)) == squeeze("".join(lines))
