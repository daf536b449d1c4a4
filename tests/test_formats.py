"""Bilingual inputs (qa/formats): XLIFF 1.2 / 2.0, TMX, PO and CSV give the pairs, ids and
findings their JSONL equivalent gives.

ACCEPTANCE (#7 line 1): `test_every_format_gives_the_findings_of_the_same_segments_as_jsonl`
(files written by hand to each spec, with inline tags) and
`test_files_written_by_translate_toolkit_give_the_findings_of_jsonl` (files made by
translate-toolkit's own po2xliff / po2tmx converters and Xliff2File class).
"""

from __future__ import annotations

import io
import json
from xml.sax.saxutils import escape

import pytest

from qa.errors import InputError
from qa.formats import read_pairs
from qa.formats.inline import with_tags
from qa.model import AlignedPair
from qa.pipeline import check_pairs
from qa.render.json import report_to_dict, segment_from_dict, segment_to_dict
from qa.textio import read_bitext

# (id, English, Arabic): known errors from the checks' documented examples, and clean pairs.
SEGMENTS = [
    ("kyiv", "Talks must be between Kyiv and Moscow.", "يجب أن تكون المحادثات بين كيف وموسكو."),
    ("progress", 'Trump said he had made "no progress" with Putin.', 'قال ترامب إنه أحرز "أي تقدم" مع بوتين.'),
    ("days", "The war lasted 12 days.", "استمرت الحرب 13 يومًا."),
    ("putin", "Putin spoke to reporters on Friday.", "تحدث ترامب إلى الصحفيين يوم الجمعة."),
    ("english", "The talks will resume on Monday, officials said.", "قال المسؤولون إن the talks will resume يوم الاثنين."),
    ("clean", "The talks will resume on Monday.", "ستستأنف المحادثات يوم الاثنين."),
    ("email", "Write to press@example.org for details & news.", "اكتب إلى press@example.com للحصول على التفاصيل والأخبار."),
]
# The inline markup each format gives the "kyiv" pair: the name wrapped, native bold code around it.
TAGGED = "kyiv"


def jsonl_rows(ids: bool = True) -> str:
    rows = [{"id": i, "src": s, "mt": m} if ids else {"src": s, "mt": m} for i, s, m in SEGMENTS]
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)


def tag(text: str, word: str, before: str, after: str) -> str:
    return escape(text).replace(word, f"{before}{word}{after}", 1)


def xliff12() -> str:
    units = []
    for i, src, mt in SEGMENTS:
        if i == TAGGED:
            src = tag(src, "Kyiv", '<g id="1"><bpt id="2">&lt;b&gt;</bpt>', '<ept id="2">&lt;/b&gt;</ept></g>')
            mt = tag(mt, "كيف", '<g id="1"><bpt id="2">&lt;b&gt;</bpt>', '<ept id="2">&lt;/b&gt;</ept></g><x id="3"/>')
        else:
            src, mt = escape(src), escape(mt)
        units.append(f'   <trans-unit id="{i}">\n    <source>{src}</source>\n    <target state="translated">{mt}</target>\n   </trans-unit>')
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">\n'
        ' <file original="news.txt" source-language="en-GB" target-language="ar-EG" datatype="plaintext">\n  <body>\n'
        + "\n".join(units) + "\n  </body>\n </file>\n</xliff>\n"
    )


def xliff20() -> str:
    units = []
    for i, src, mt in SEGMENTS:
        if i == TAGGED:
            src = tag(src, "Kyiv", '<pc id="1">', "</pc>")
            mt = tag(mt, "كيف", '<pc id="1">', '</pc><ph id="2"/>')
        else:
            src, mt = escape(src), escape(mt)
        units.append(f'  <unit id="{i}"><segment><source>{src}</source><target>{mt}</target></segment></unit>')
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<xliff version="2.0" xmlns="urn:oasis:names:tc:xliff:document:2.0" srcLang="en-US" trgLang="ar">\n <file id="f1">\n'
        + "\n".join(units) + "\n </file>\n</xliff>\n"
    )


def tmx() -> str:
    units = []
    for i, src, mt in SEGMENTS:
        if i == TAGGED:
            src = tag(src, "Kyiv", '<bpt i="1">&lt;b&gt;</bpt>', '<ept i="1">&lt;/b&gt;</ept>')
            mt = tag(mt, "كيف", '<bpt i="1">&lt;b&gt;</bpt>', '<ept i="1">&lt;/b&gt;</ept>')
        else:
            src, mt = escape(src), escape(mt)
        units.append(
            f'  <tu tuid="{i}">\n   <tuv xml:lang="en"><seg>{src}</seg></tuv>\n'
            f'   <tuv xml:lang="fr"><seg>traduction</seg></tuv>\n   <tuv xml:lang="ar-SA"><seg>{mt}</seg></tuv>\n  </tu>'
        )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE tmx SYSTEM "tmx14.dtd">\n<tmx version="1.4">\n'
        ' <header creationtool="hand" creationtoolversion="1" segtype="sentence" o-tmf="none" adminlang="en"'
        ' srclang="*all*" datatype="plaintext"/>\n <body>\n' + "\n".join(units) + "\n </body>\n</tmx>\n"
    )


def po_quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def po() -> str:
    entries = [f"#: news.txt:{n}\nmsgctxt {po_quote(i)}\nmsgid {po_quote(s)}\nmsgstr {po_quote(m)}\n"
               for n, (i, s, m) in enumerate(SEGMENTS, 1)]
    header = 'msgid ""\nmsgstr ""\n"Language: ar\\n"\n"MIME-Version: 1.0\\n"\n"Content-Type: text/plain; charset=UTF-8\\n"\n'
    return "\n".join([header, *entries])


FORMATS = {"xliff12.xlf": xliff12, "xliff20.xliff": xliff20, "memory.tmx": tmx, "strings.po": po}


def comparable(report) -> list[tuple]:
    """Each segment's findings in order, as everything a reader sees of them."""
    return [
        (seg.pair.src, seg.pair.mt, [(f.code, f.severity.value, f.category.value, f.src_span, f.mt_span, f.message, f.suggestion)
                                     for f in seg.findings])
        for seg in report.segments()
    ]


@pytest.fixture(scope="module")
def jsonl_report(tmp_path_factory, encoder):
    path = tmp_path_factory.mktemp("jsonl") / "pairs.jsonl"
    path.write_text(jsonl_rows(), encoding="utf-8")
    return check_pairs(list(read_bitext(path)), encoder=encoder)


def test_the_jsonl_baseline_has_real_findings(jsonl_report):
    found = {(seg.pair.id, f.code, f.severity.value) for seg in jsonl_report.segments() for f in seg.findings}
    assert ("kyiv", "NAM001", "critical") in found
    assert ("progress", "NEG001", "critical") in found or ("progress", "NEG001", "major") in found
    assert any(code == "NUM001" for i, code, _ in found if i == "days")
    assert not [f for seg in jsonl_report.segments() if seg.pair.id == "clean" for f in seg.findings]


@pytest.mark.parametrize("name", sorted(FORMATS))
def test_every_format_gives_the_findings_of_the_same_segments_as_jsonl(name, tmp_path, encoder, jsonl_report):
    path = tmp_path / name
    path.write_text(FORMATS[name](), encoding="utf-8")
    pairs = read_pairs(path)
    report = check_pairs(pairs, encoder=encoder)
    assert comparable(report) == comparable(jsonl_report)
    if not name.endswith(".po"):  # PO has no segment ids: its ids are entry numbers
        assert [p.id for p in pairs] == [i for i, _, _ in SEGMENTS]


def test_inline_tags_are_stripped_for_checking_and_kept_for_display(tmp_path):
    path = tmp_path / "tagged.xlf"
    path.write_text(xliff12(), encoding="utf-8")
    pair = next(p for p in read_pairs(path) if p.id == TAGGED)
    assert pair.src == "Talks must be between Kyiv and Moscow."
    assert with_tags(pair.src, pair.src_tags) == (
        'Talks must be between <g id="1"><bpt id="2">&lt;b&gt;</bpt>Kyiv<ept id="2">&lt;/b&gt;</ept></g> and Moscow.'
    )
    assert with_tags(pair.mt, pair.mt_tags).count('<x id="3"/>') == 1
    assert pair.src_tags[0] == (pair.src.index("Kyiv"), '<g id="1">')


def test_tags_appear_in_the_json_record_only_when_a_segment_has_them(tmp_path, encoder):
    path = tmp_path / "tagged.xliff"
    path.write_text(xliff20(), encoding="utf-8")
    report = check_pairs(read_pairs(path), encoder=encoder)
    records = {s.pair.id: segment_to_dict(s) for s in report.segments()}
    assert records[TAGGED]["src_tags"] == [[22, '<pc id="1">'], [26, "</pc>"]]
    assert "src_tags" not in records["clean"] and "mt_tags" not in records["clean"]
    back = segment_from_dict(json.loads(json.dumps(records[TAGGED])))
    assert back.pair.src_tags == next(s.pair for s in report.segments() if s.pair.id == TAGGED).src_tags
    assert "src_tags" not in json.dumps(report_to_dict(check_pairs([AlignedPair("1", "Hi.", "مرحبا.")], encoder=encoder)))


def test_files_written_by_translate_toolkit_give_the_findings_of_jsonl(tmp_path, encoder):
    from translate.convert.po2tmx import po2tmx
    from translate.convert.po2xliff import po2xliff
    from translate.storage import pypo
    from translate.storage import tmx as tk_tmx
    from translate.storage.xliff2 import Xliff2File

    plain = tmp_path / "plain.jsonl"
    plain.write_text(jsonl_rows(ids=False), encoding="utf-8")
    expected = comparable(check_pairs(list(read_bitext(plain)), encoder=encoder))

    store = pypo.pofile()
    store.updateheader(add=True, Language="ar", Content_Type="text/plain; charset=UTF-8")
    for _, src, mt in SEGMENTS:
        store.addsourceunit(src).target = mt
    po_bytes = bytes(store)
    made = {"converted.po": po_bytes}
    made["po2xliff.xlf"] = bytes(po2xliff().convertstore(pypo.pofile.parsestring(po_bytes)))
    memory = tk_tmx.tmxfile()
    po2tmx().convertfiles(io.BytesIO(po_bytes), memory, sourcelanguage="en", targetlanguage="ar")
    made["po2tmx.tmx"] = bytes(memory)
    xliff2 = Xliff2File()
    xliff2.setsourcelanguage("en")
    xliff2.settargetlanguage("ar")
    for _, src, mt in SEGMENTS:
        xliff2.addsourceunit(src).target = mt
    made["class.xliff"] = bytes(xliff2)
    for name, data in made.items():
        path = tmp_path / name
        path.write_bytes(data)
        assert comparable(check_pairs(read_pairs(path), encoder=encoder)) == expected, name


# -- languages, ids, skipped units ---------------------------------------------------------------


def write(tmp_path, name: str, text: str):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_a_file_without_english_to_arabic_pairs_is_an_input_error_naming_its_languages(tmp_path):
    path = write(tmp_path, "fr.xlf", xliff12().replace('target-language="ar-EG"', 'target-language="fr-FR"'))
    with pytest.raises(InputError, match=r"no English→Arabic segments \(language pairs found: en-GB→fr-FR\)"):
        read_pairs(path)
    path = write(tmp_path, "de.xliff", xliff20().replace('srcLang="en-US"', 'srcLang="de"'))
    with pytest.raises(InputError, match="de→ar"):
        read_pairs(path)
    path = write(tmp_path, "fr.po", po().replace("Language: ar", "Language: fr"))
    with pytest.raises(InputError, match="en→fr"):
        read_pairs(path)


def test_tmx_picks_the_english_and_arabic_variants_among_other_languages(tmp_path):
    text = tmx().replace('xml:lang="en"', 'xml:lang="EN-gb"').replace('xml:lang="ar-SA"', 'xml:lang="ar_EG"')
    pairs = read_pairs(write(tmp_path, "m.tmx", text))
    assert [(p.id, p.src, p.mt) for p in pairs] == [(i, s, m) for i, s, m in SEGMENTS]
    assert all("traduction" not in p.mt for p in pairs)


def test_units_without_a_translation_are_skipped_and_counted_when_nothing_is_left(tmp_path):
    text = xliff12().replace('<target state="translated">', "<target>")
    text = text.replace("<target>", "<target/><!--", 1).replace("</target>", "-->", 1)
    pairs = read_pairs(write(tmp_path, "partial.xlf", text))
    assert [p.id for p in pairs] == [i for i, _, _ in SEGMENTS[1:]]
    empty = '<?xml version="1.0"?><xliff version="2.0" xmlns="urn:oasis:names:tc:xliff:document:2.0" srcLang="en" trgLang="ar"><file id="f"><unit id="u"><segment><source>Hi</source></segment></unit></file></xliff>'
    with pytest.raises(InputError, match="1 en→ar segment"):
        read_pairs(write(tmp_path, "empty.xliff", empty))


def test_xliff2_units_with_several_segments_get_unit_and_segment_ids(tmp_path):
    text = ('<?xml version="1.0"?><xliff version="2.0" xmlns="urn:oasis:names:tc:xliff:document:2.0" srcLang="en" trgLang="ar">'
            '<file id="f"><unit id="u1"><segment id="s1"><source>One.</source><target>واحد.</target></segment>'
            '<segment id="s2"><source>Two <cp hex="00A0"/>x.</source><target>اثنان.</target></segment></unit></file></xliff>')
    pairs = read_pairs(write(tmp_path, "multi.xlf", text))
    assert [(p.id, p.src) for p in pairs] == [("u1::s1", "One."), ("u1::s2", "Two \u00a0x.")]


def test_xliff12_ids_repeated_across_files_are_qualified_by_the_file(tmp_path):
    file_node = ('<file original="{name}" source-language="en" target-language="ar" datatype="plaintext"><body>'
                 '<trans-unit id="1"><source>{src}</source><target>نص</target></trans-unit></body></file>')
    text = ('<?xml version="1.0"?><xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">'
            + file_node.format(name="a.txt", src="First.") + file_node.format(name="b.txt", src="Second.") + "</xliff>")
    assert [p.id for p in read_pairs(write(tmp_path, "two.xlf", text))] == ["a.txt/1", "b.txt/1"]


def test_lines_point_at_the_source_and_target_elements(tmp_path):
    pairs = read_pairs(write(tmp_path, "lines.xlf", xliff12()))
    lines = xliff12().splitlines()
    assert "<source>" in lines[pairs[0].src_lines[0]] and "<target" in lines[pairs[0].mt_lines[0]]


def test_whitespace_in_default_space_mode_is_collapsed_and_tag_offsets_follow(tmp_path):
    text = ('<?xml version="1.0"?><xliff version="2.0" xmlns="urn:oasis:names:tc:xliff:document:2.0" srcLang="en" trgLang="ar">'
            '<file id="f"><unit id="u"><segment><source>\n   The   <pc id="1">talks</pc>\n  resumed.  </source>'
            '<target>استؤنفت المحادثات.</target></segment></unit></file></xliff>')
    pair = read_pairs(write(tmp_path, "ws.xlf", text))[0]
    assert pair.src == "The talks resumed."
    assert pair.src_tags == ((4, '<pc id="1">'), (9, "</pc>"))


def test_po_plural_entry_is_checked_against_the_singular_form_of_its_plural_formula(tmp_path):
    text = ('msgid ""\nmsgstr ""\n"Language: ar\\n"\n"Plural-Forms: nplurals=6; plural=n==0 ? 0 : n==1 ? 1 : n==2 ? 2 : '
            'n%100>=3 && n%100<=10 ? 3 : n%100>=11 ? 4 : 5;\\n"\n\nmsgid "One file"\nmsgid_plural "%d files"\n'
            'msgstr[0] "لا ملفات"\nmsgstr[1] "ملف واحد"\nmsgstr[2] "ملفان"\nmsgstr[3] "%d ملفات"\nmsgstr[4] "%d ملفًا"\nmsgstr[5] "%d ملف"\n\n'
            '#~ msgid "Old"\n#~ msgstr "قديم"\n\nmsgid "Untranslated"\nmsgstr ""\n')
    pairs = read_pairs(write(tmp_path, "ar.po", text))
    assert [(p.id, p.src, p.mt) for p in pairs] == [("1", "One file", "ملف واحد")]


def test_po_without_a_language_header_takes_it_from_the_file_name(tmp_path):
    text = 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\nmsgid "Hello"\nmsgstr "مرحبا"\n'
    assert [p.mt for p in read_pairs(write(tmp_path, "ar_EG.po", text))] == ["مرحبا"]
    with pytest.raises(InputError, match="en→messages"):
        read_pairs(write(tmp_path, "messages.po", text))


# -- CSV ---------------------------------------------------------------------------------------


def test_csv_reads_quoted_fields_with_commas_quotes_and_newlines(tmp_path):
    text = ('id,src,mt,ref,notes\r\n'
            'a,"Prices rose, she said.","ارتفعت الأسعار، قالت.",,x\r\n'
            'b,"He said ""no"".","قال ""لا"".","قال: لا.",\r\n'
            ',"Two\nlines","سطران",,\r\n')
    pairs = list(read_bitext(write(tmp_path, "pairs.csv", text)))
    assert [(p.id, p.src, p.mt, p.ref) for p in pairs] == [
        ("a", "Prices rose, she said.", "ارتفعت الأسعار، قالت.", None),
        ("b", 'He said "no".', 'قال "لا".', "قال: لا."),
        ("3", "Two\nlines", "سطران", None),
    ]
    assert [p.src_lines for p in pairs] == [(0,), (1,), (2,)]


def test_csv_errors_name_the_line(tmp_path):
    with pytest.raises(InputError, match="no 'mt' column"):
        read_bitext(write(tmp_path, "a.csv", "src,target\nHi,مرحبا\n"))
    with pytest.raises(InputError, match="line 3: 1 fields, the header has 2"):
        list(read_bitext(write(tmp_path, "b.csv", "src,mt\nHi,مرحبا\nlonely\n")))
    with pytest.raises(InputError, match="id 'x' is already used"):
        list(read_bitext(write(tmp_path, "c.csv", "id,src,mt\nx,a,ب\nx,c,د\n")))


def test_jsonl_and_tsv_are_still_read_by_textio(tmp_path):
    path = write(tmp_path, "p.tsv", "src\tmt\nHi\tمرحبا\n")
    assert [p.mt for p in read_bitext(path)] == ["مرحبا"]
    with pytest.raises(InputError, match=r"\.jsonl or \.tsv .*\.xlf, \.xliff, \.tmx, \.po, \.csv"):
        read_bitext(write(tmp_path, "p.txt", "x"))
