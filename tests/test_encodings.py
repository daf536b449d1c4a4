"""Input bytes to text (qa.encodings through qa.textio.read_text): BOMs, cp1256, mojibake, binary."""

from __future__ import annotations

import codecs

import pytest

from qa.encodings import find_mojibake
from qa.errors import InputError, UsageError
from qa.textio import read_document, read_text

ARABIC = "قال المتحدث باسم الحكومة إن المحادثات ستستأنف يوم الاثنين في جنيف بعد توقف دام أسبوعين."
ENGLISH = "The talks will resume on Monday in Geneva, the government spokesman said."


def write(tmp_path, data: bytes, name: str = "doc.txt"):
    path = tmp_path / name
    path.write_bytes(data)
    return path


@pytest.mark.parametrize(
    "bom,codec",
    [
        (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
        (codecs.BOM_UTF32_LE, "utf-32-le"),
    ],
)
@pytest.mark.parametrize("encoding", ["auto", "utf-8"])
def test_a_byte_order_mark_decides_the_encoding_and_is_dropped(tmp_path, bom, codec, encoding):
    text = f"{ENGLISH}\n{ARABIC}\n"
    path = write(tmp_path, bom + text.encode(codec))
    assert read_text(path, encoding) == text


def test_utf8_without_a_bom_is_read_as_is(tmp_path):
    assert read_text(write(tmp_path, f"{ARABIC}\n".encode()), "auto") == f"{ARABIC}\n"


def test_auto_reads_a_windows_1256_arabic_file_and_says_so(tmp_path, caplog):
    path = write(tmp_path, f"{ARABIC}\n{ARABIC}\n".encode("cp1256"))
    assert read_document(path, "auto") == [ARABIC, ARABIC]
    assert f"{path} is not UTF-8: read as cp1256 (detected; give --encoding to choose)" in caplog.text


def test_explicit_utf8_refuses_cp1256_and_names_the_code_page_to_give(tmp_path):
    path = write(tmp_path, f"{ENGLISH}\n{ARABIC}\n".encode("cp1256"))
    with pytest.raises(InputError) as err:
        read_text(path, "utf-8")
    assert str(err.value) == (
        f"{path}: line 2 is not valid utf-8 (byte 0x{ARABIC.encode('cp1256')[0]:02x}): "
        "it reads as Arabic in cp1256: give --encoding cp1256 (or --encoding auto)"
    )
    assert read_text(path, "cp1256") == f"{ENGLISH}\n{ARABIC}\n"


def test_auto_does_not_take_stray_high_bytes_in_ascii_for_arabic(tmp_path):
    # Two stray bytes decode to Arabic letters in cp1256, but nothing here is Arabic text.
    path = write(tmp_path, b'{"src": "The talks resume.", "mt": "x\xd3\xe1y"}\n', "p.jsonl")
    with pytest.raises(InputError, match=r"line 1 is not valid utf-8 \(byte 0xd3\): give the file's encoding with --encoding"):
        read_text(path, "auto")


def test_an_english_windows_1252_file_is_refused_with_the_option_to_name_it(tmp_path):
    path = write(tmp_path, "The \u201ctalks\u201d resumed \u2014 caf\u00e9.\n".encode("cp1252"))
    with pytest.raises(InputError, match=r"line 1 is not valid utf-8 \(byte 0x93\): give the file's encoding with --encoding"):
        read_text(path, "auto")
    assert read_text(path, "cp1252") == "The \u201ctalks\u201d resumed \u2014 caf\u00e9.\n"


def test_utf16_without_a_bom_is_refused_as_nul_bytes_with_the_codec_to_give(tmp_path):
    path = write(tmp_path, f"{ENGLISH}\n".encode("utf-16-le"))
    with pytest.raises(InputError, match="line 1 has a NUL byte: not a text file .*give --encoding utf-16-le or utf-16-be"):
        read_text(path, "auto")
    assert read_text(path, "utf-16-le") == f"{ENGLISH}\n"


def test_a_nul_byte_inside_utf8_text_is_refused_with_its_line(tmp_path):
    path = write(tmp_path, f"{ENGLISH}\n{ENGLISH}\x00\n".encode())
    with pytest.raises(InputError, match=r"line 2 has a NUL byte: not a text file"):
        read_text(path, "utf-8")


def test_a_nul_character_encoded_in_utf16_is_refused_too(tmp_path):
    path = write(tmp_path, codecs.BOM_UTF16_LE + f"{ENGLISH}\x00\n".encode("utf-16-le"))
    with pytest.raises(InputError, match="line 1 has a NUL character: not a text file"):
        read_text(path, "auto")


def test_a_binary_file_is_refused(tmp_path):
    png = bytes.fromhex("89504e470d0a1a0a0000000d49484452") + bytes(range(256)) * 4
    with pytest.raises(InputError, match="not a text file"):
        read_text(write(tmp_path, png, "image.txt"), "auto")


def test_text_dense_with_control_characters_is_refused_as_binary(tmp_path):
    data = ("\x01\x02\x03\x04 abc " * 200).encode()
    with pytest.raises(InputError, match="800 of its first 1800 characters are control characters: not a text file"):
        read_text(write(tmp_path, data), "auto")


def test_a_few_control_characters_in_real_text_are_kept(tmp_path):
    text = f"{ENGLISH}\x07\n\x1b[1m{ENGLISH}\x1b[0m\n"
    assert read_text(write(tmp_path, text.encode()), "auto") == text


@pytest.mark.parametrize("codec,sample", [("cp1256", "ط§ظ„"), ("cp1252", "Ø§Ù„"), ("latin-1", "Ø§Ù\x84")])
def test_mojibake_is_refused_with_its_line_and_the_repair(tmp_path, codec, sample):
    broken = ARABIC.encode("utf-8").decode(codec, errors="ignore" if codec == "cp1252" else "strict")
    assert sample in broken
    path = write(tmp_path, f"{ENGLISH}\n{broken}\n".encode())
    with pytest.raises(InputError) as err:
        read_text(path, "auto")
    message = str(err.value)
    assert message.startswith(f"{path}: line 2 is mojibake (")
    assert f"UTF-8 Arabic once decoded as {codec} and saved again): repair it first, e.g. iconv" in message or (
        codec == "latin-1" and "decoded as cp1252" in message  # Latin-1 and 1252 share these bytes
    )


def test_the_iconv_repair_in_the_message_gives_back_the_arabic():
    broken = ARABIC.encode("utf-8").decode("cp1256")
    offset, run, codec = find_mojibake(broken)
    assert (offset, codec) == (0, "cp1256") and broken.startswith(run)
    assert broken.encode(codec).decode("utf-8") == ARABIC  # what `iconv -f utf-8 -t cp1256` does


def test_a_utf8_file_read_with_a_wrong_code_page_says_to_drop_the_option(tmp_path):
    path = write(tmp_path, f"{ARABIC}\n".encode())
    with pytest.raises(InputError, match=r"line 1 read as cp1256 shows UTF-8 Arabic .*: the file is UTF-8; drop --encoding"):
        read_text(path, "cp1256")


def test_genuine_arabic_never_looks_like_mojibake(ntrex):
    assert all(find_mojibake(ar) is None for _, ar, _ in ntrex)
    assert all(find_mojibake(en) is None for en, _, _ in ntrex)


def test_auto_and_unknown_names_are_checked_before_the_file(tmp_path):
    with pytest.raises(UsageError, match="unknown encoding 'klingon'.*\\(or auto\\)"):
        read_text(tmp_path / "missing.txt", "klingon")
    assert read_text(write(tmp_path, b"x\n"), "AUTO") == "x\n"
