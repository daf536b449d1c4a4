"""Reading documents, bitext and glossaries; writing reports atomically."""

from __future__ import annotations

import json
import os

import pytest

from qa.errors import InputError, OutputError, UsageError
from qa.textio import check_writable, read_bitext, read_document, read_glossary, write_atomic


def write(path, text: str, encoding: str = "utf-8"):
    path.write_bytes(text.encode(encoding))
    return path


# -- documents ---------------------------------------------------------------------------------


def test_document_lines_keep_blank_lines_so_line_numbers_match_an_editor(tmp_path):
    doc = write(tmp_path / "a.txt", "First paragraph.\n\nThird line.\n")
    assert read_document(doc) == ["First paragraph.", "", "Third line."]


def test_crlf_and_a_byte_order_mark_are_dropped(tmp_path):
    doc = tmp_path / "a.txt"
    doc.write_bytes("\ufeffسطر أول\r\nسطر ثان\r\n".encode())
    assert read_document(doc) == ["سطر أول", "سطر ثان"]


def test_only_newline_splits_lines_not_unicode_line_separators(tmp_path):
    doc = write(tmp_path / "a.txt", "one\u2028still one\x0cstill one\nsecond\n")
    assert read_document(doc) == ["one\u2028still one\x0cstill one", "second"]


def test_an_empty_or_blank_document_is_an_input_error(tmp_path):
    for name, text in (("empty.txt", ""), ("blank.txt", "\n  \n\t\n")):
        doc = write(tmp_path / name, text)
        with pytest.raises(InputError, match=f"{name}: is empty: expected text with one paragraph per line"):
            read_document(doc)


def test_a_missing_file_and_a_directory_are_named_as_such(tmp_path):
    with pytest.raises(InputError, match=r"nope\.txt: no such file$"):
        read_document(tmp_path / "nope.txt")
    with pytest.raises(InputError, match="is a directory, not a file"):
        read_document(tmp_path)


def test_non_utf8_bytes_report_the_line_and_suggest_encoding(tmp_path):
    doc = tmp_path / "cp1256.txt"
    doc.write_bytes(b"first line\n" + "سطر عربي".encode("cp1256") + b"\n")
    with pytest.raises(InputError) as err:
        read_document(doc)
    assert str(err.value) == (
        f"{doc}: line 2 is not valid utf-8 (byte 0x{'س'.encode('cp1256')[0]:02x}): "
        "it reads as Arabic in cp1256: give --encoding cp1256 (or --encoding auto)"
    )
    assert read_document(doc, encoding="cp1256") == ["first line", "سطر عربي"]


def test_an_unknown_encoding_name_is_a_usage_error(tmp_path):
    doc = write(tmp_path / "a.txt", "x\n")
    with pytest.raises(UsageError, match="unknown encoding 'klingon'"):
        read_document(doc, encoding="klingon")


# -- bitext ------------------------------------------------------------------------------------


def jsonl(path, rows, extra_lines=()):
    lines = [json.dumps(r, ensure_ascii=False) if not isinstance(r, str) else r for r in rows]
    return write(path, "\n".join([*lines, *extra_lines]) + "\n")


def test_jsonl_rows_become_pairs_numbered_by_row(tmp_path):
    path = jsonl(
        tmp_path / "p.jsonl",
        [{"src": "One.", "mt": "واحد."}, "", {"src": "Two.", "mt": "اثنان.", "ref": "اثنان", "id": "doc1-2"}],
    )
    first, second = read_bitext(path)
    assert (first.id, first.ref, first.src_lines, first.mt_lines) == ("1", None, (0,), (0,))
    assert (second.id, second.ref, second.src_lines, second.mt_lines) == ("doc1-2", "اثنان", (1,), (1,))


def test_integer_ids_are_kept_as_strings(tmp_path):
    path = jsonl(tmp_path / "p.jsonl", [{"src": "a", "mt": "b", "id": 7}])
    assert [p.id for p in read_bitext(path)] == ["7"]


def test_a_jsonl_line_that_is_not_json_is_reported_with_its_line_number(tmp_path):
    path = jsonl(tmp_path / "p.jsonl", [{"src": "a", "mt": "b"}, "", '{"src": "a", "mt": '])
    with pytest.raises(InputError) as err:
        list(read_bitext(path))
    assert str(err.value).startswith(f"{path}, line 3: not JSON (")
    assert str(err.value).endswith("each line must be one JSON object with keys src and mt")


@pytest.mark.parametrize(
    "row,message",
    [
        ('["a", "b"]', "line 1: expected a JSON object with keys src and mt, got list"),
        ('{"src": "a"}', "line 1: no 'mt' key: each row needs src and mt (optional ref, id)"),
        ('{"src": "a", "mt": 3}', "line 1: 'mt' must be a string, got int"),
        ('{"src": "a", "mt": "b", "ref": 1}', "line 1: 'ref' must be a string or null, got int"),
    ],
)
def test_malformed_jsonl_rows_say_what_is_wrong(tmp_path, row, message):
    path = write(tmp_path / "p.jsonl", row + "\n")
    with pytest.raises(InputError) as err:
        list(read_bitext(path))
    assert str(err.value) == f"{path}, {message}"


def test_duplicate_ids_are_rejected_with_both_lines(tmp_path):
    path = jsonl(tmp_path / "p.jsonl", [{"src": "a", "mt": "b", "id": "x"}, {"src": "c", "mt": "d", "id": "x"}])
    with pytest.raises(InputError, match="line 2: id 'x' is already used on line 1: ids must be unique"):
        list(read_bitext(path))


def test_tsv_columns_are_found_by_header_in_any_order_and_quotes_are_text(tmp_path):
    path = write(tmp_path / "p.tsv", 'id\tmt\tsrc\tref\nr1\t"قال"\tHe said "no".\t\n')
    (pair,) = read_bitext(path)
    assert (pair.id, pair.src, pair.mt, pair.ref) == ("r1", 'He said "no".', '"قال"', None)


def test_a_tsv_without_the_needed_columns_names_them(tmp_path):
    path = write(tmp_path / "p.tsv", "en\tar\nHello\tمرحبا\n")
    with pytest.raises(InputError) as err:
        list(read_bitext(path))
    assert str(err.value) == (
        f"{path}: the header row (line 1) has no 'src' column (found: en, ar): "
        "the first line must name the columns src, mt and optionally ref, id, separated by tabs"
    )


def test_a_tsv_row_with_the_wrong_number_of_fields_is_reported(tmp_path):
    path = write(tmp_path / "p.tsv", "src\tmt\na\tb\nc\n")
    with pytest.raises(InputError, match="line 3: 1 tab-separated fields, the header has 2"):
        list(read_bitext(path))


def test_a_tsv_with_only_a_header_has_no_rows(tmp_path):
    path = write(tmp_path / "p.tsv", "src\tmt\n")
    with pytest.raises(InputError, match="has a header but no rows"):
        list(read_bitext(path))


def test_a_single_input_that_is_not_jsonl_or_tsv_explains_both_modes(tmp_path):
    path = write(tmp_path / "p.txt", "x\n")
    with pytest.raises(InputError, match=r"a single input must be a \.jsonl or \.tsv bitext file .*\.xlf.*give SOURCE TARGET"):
        read_bitext(path)


def test_a_missing_bitext_file_fails_before_iteration(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        read_bitext(tmp_path / "p.jsonl")


# -- glossary ----------------------------------------------------------------------------------


def test_glossary_rows_with_and_without_notes(tmp_path):
    path = write(tmp_path / "g.tsv", "# house style\nen\tar\tnote\nKyiv\tكييف\tnot كيف\nNATO\tالناتو\n")
    assert read_glossary(path) == (("Kyiv", "كييف", "not كيف"), ("NATO", "الناتو", ""))


def test_a_glossary_without_an_ar_column_is_an_input_error(tmp_path):
    path = write(tmp_path / "g.tsv", "en\tarabic\nKyiv\tكييف\n")
    with pytest.raises(InputError, match=r"line 1\) has no 'ar' column \(found: en, arabic\)"):
        read_glossary(path)


def test_a_glossary_row_missing_a_term_is_reported(tmp_path):
    path = write(tmp_path / "g.tsv", "en\tar\nKyiv\t\n")
    with pytest.raises(InputError, match="line 2: a glossary row needs both an en and an ar term"):
        read_glossary(path)


# -- atomic writes -----------------------------------------------------------------------------


def test_write_atomic_replaces_the_file_and_leaves_no_temporary(tmp_path):
    target = write(tmp_path / "report.json", "old")
    write_atomic(target, "new report ✓ تقرير")
    assert target.read_text(encoding="utf-8") == "new report ✓ تقرير"
    assert os.listdir(tmp_path) == ["report.json"]


def test_a_failed_write_keeps_the_old_report_and_cleans_up(tmp_path, monkeypatch):
    target = write(tmp_path / "report.json", "old")

    def refuse(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(OutputError, match="cannot write the report \\(No space left on device\\)"):
        write_atomic(target, "new")
    assert target.read_text() == "old"
    assert os.listdir(tmp_path) == ["report.json"]


def test_an_output_path_in_a_missing_folder_or_on_a_directory_fails_early(tmp_path):
    with pytest.raises(OutputError, match="does not exist: create it first"):
        check_writable(tmp_path / "no" / "report.json")
    with pytest.raises(OutputError, match="is a directory: give a file name for the report"):
        check_writable(tmp_path)
