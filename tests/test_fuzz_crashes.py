"""Inputs the fuzzer (benchmarks/fuzz_readers.py) found crashing a reader, each now a one-line refusal.

Each was a traceback (exit 3) before its fix; docs/reliability.md lists them with the fuzzing figures.
"""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from qa.cli import main

XLIFF = (
    '<?xml version="1.0" encoding="{encoding}"?>\n<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">'
    '<file original="a.txt" source-language="en" target-language="ar" datatype="plaintext"><body>'
    '<trans-unit id="1"><source>The talks resume.</source><target>تستأنف المحادثات.</target></trans-unit></body></file></xliff>\n'
)
TMX = (
    '<?xml version="1.0" encoding="{encoding}"?>\n<tmx version="1.4"><header creationtool="x" creationtoolversion="1" '
    'segtype="sentence" o-tmf="none" adminlang="en" srclang="en" datatype="plaintext"/><body><tu tuid="1">'
    '<tuv xml:lang="en"><seg>The talks resume.</seg></tuv><tuv xml:lang="ar"><seg>تستأنف المحادثات.</seg></tuv></tu></body></tmx>\n'
)
# A mutated PO file on which translate-toolkit's parser raises AttributeError ('str' object has no attribute 'strings').
PO = (
    b'msgid ""\nmsgstr ""\n"Language: ar\\n"8-\n\n#: a.txt:1\nmsgctxt "sset=UTF- \xd8\xa7\xd9\x84\xd9\x85\xd8\xad\xd8\xa7\xd8\xaf\xd8\xab'
    b'\xd8\xa7\xd8\xaa."\n\nmsgid "One file"\nmsgid_plural "%d files"\nmsgstr[\\n"\n\n#mms/"\xd9\x85\xd9\x84\xd9\x81\xd8\xa7\xd9\x86"\n'
)


def refused(tmp_path, name: str, data: bytes, *fragments: str) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    result = CliRunner().invoke(main, ["check", str(path)], catch_exceptions=False)
    assert result.exit_code == 2, result.output
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"mtqa: error: {path}"), result.stderr
    assert "Traceback" not in result.output
    for fragment in fragments:
        assert fragment in lines[0]


@pytest.mark.parametrize("template,name", [(XLIFF, "a.xlf"), (TMX, "a.tmx")])
@pytest.mark.parametrize("encoding,reason", [("UTF-9", "unknown encoding: UTF-9"), ("cp932", "multi-byte encodings are not supported")])
def test_an_xml_declaration_naming_an_unreadable_encoding_is_refused(tmp_path, template, name, encoding, reason):
    refused(
        tmp_path, name, template.format(encoding=encoding).encode(),
        f"the XML declaration names an encoding the parser cannot read ({reason}): save the file as UTF-8",
    )


def test_a_po_file_that_breaks_translate_toolkits_parser_is_refused(tmp_path):
    refused(tmp_path, "a.po", PO, "not a valid PO file ('str' object has no attribute 'strings')")
