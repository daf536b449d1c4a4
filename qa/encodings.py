"""Bytes of an input file to text: byte order marks, UTF-8, legacy Arabic code pages, refusals.

`decode(data, encoding, path)` is the one decision point (qa.textio.read_text calls it):

- A byte order mark wins, whatever the encoding: UTF-8, UTF-16 LE/BE and UTF-32 LE/BE are
  unambiguous, and Notepad and Excel write them.
- `encoding="auto"` (the CLI default): no BOM -> strict UTF-8; a file that is not UTF-8 is handed
  to charset-normalizer restricted to the Arabic code pages (Windows-1256, ISO-8859-6, DOS 720/864)
  and accepted only when most of its non-ASCII characters then read as Arabic letters. Anything
  else is refused, naming the line, the byte and charset-normalizer's best guess, so the user
  chooses with `--encoding`. A silent wrong guess would turn every check into noise; an Arabic
  code page read as Arabic is not a guess a reviewer would ever want overruled.
- Any other name: that codec, strictly (no replacement characters: a lost letter is lost text).
- NUL bytes (outside UTF-16/32) and text dense with control characters are binary: refused.
- Mojibake (UTF-8 Arabic decoded as Windows-1256 or Latin-1/1252 and saved again: "ط§ظ„" or
  "Ø§Ù„" for "ال") is refused with its line and the iconv command that undoes it: a target in
  mojibake would fail every check for a reason the report cannot explain.

Written by hand around charset-normalizer because no library detects cp1256 mojibake (ftfy
covers the Latin, Cyrillic and Greek code pages only) and the policy is mtqa's own.
"""

from __future__ import annotations

import codecs
import logging
import re
import unicodedata

from qa.errors import InputError, UsageError

AUTO = "auto"
ARABIC_CODEPAGES = ("cp1256", "iso8859_6", "cp720", "cp864")
BOMS = (  # longest first: the UTF-32 LE mark starts with the UTF-16 LE one
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
MAX_CHAOS, MIN_COHERENCE = 0.05, 0.2  # charset-normalizer's measures, for auto's acceptance
CONTROL_SHARE = 0.05  # more C0/C1 control characters than this share of the text: binary
_ALLOWED_CONTROLS = frozenset("\t\n\r\f\v\x1b")  # layout, and ESC (colour codes pasted from a terminal)
log = logging.getLogger("mtqa")


def canonical(encoding: str) -> str:
    """`auto`, or the codec's canonical name; a UsageError for a name Python does not know."""
    if encoding.strip().lower() == AUTO:
        return AUTO
    try:
        return codecs.lookup(encoding).name
    except LookupError:
        raise UsageError(
            f"unknown encoding {encoding!r}: use a Python codec name such as utf-8, cp1256 or iso-8859-6 (or auto)"
        ) from None


def decode(data: bytes, encoding: str, path: object) -> str:
    """The text of a file's bytes, or an InputError naming what is wrong and what to do."""
    codec = canonical(encoding)
    text, used = _decode(data, codec, path)
    _refuse_mojibake(text, used, path)
    _refuse_binary(text, path)
    return text


def _decode(data: bytes, codec: str, path: object) -> tuple[str, str]:
    for bom, name in BOMS:
        if data.startswith(bom):
            return _strict(data[len(bom) :], name, path), name
    if b"\x00" in data and not codec.startswith(("utf-16", "utf-32")):
        line = data.count(b"\n", 0, data.index(b"\x00")) + 1
        raise InputError(
            f"{path}: line {line} has a NUL byte: not a text file (if it is UTF-16 without a byte order mark, "
            "give --encoding utf-16-le or utf-16-be)"
        )
    if codec != AUTO:
        return _strict(data, codec, path), codec
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as exc:
        detected = _arabic_codepage(data, confident=True)
        if detected is None:
            raise _not_valid(data, exc, "utf-8", path, None) from None
    log.warning("mtqa: note: %s is not UTF-8: read as %s (detected; give --encoding to choose)", path, detected)
    return data.decode(detected), detected


def _strict(data: bytes, codec: str, path: object) -> str:
    try:
        return data.decode(codec)
    except UnicodeDecodeError as exc:
        raise _not_valid(data, exc, codec, path, _arabic_codepage(data, confident=False) if codec == "utf-8" else None) from None


def _not_valid(data: bytes, exc: UnicodeDecodeError, codec: str, path: object, arabic: str | None) -> InputError:
    line = data.count(b"\n", 0, exc.start) + 1
    todo = (
        f"it reads as Arabic in {arabic}: give --encoding {arabic} (or --encoding auto)"
        if arabic
        else "give the file's encoding with --encoding, e.g. --encoding cp1256"
    )
    return InputError(f"{path}: line {line} is not valid {codec} (byte 0x{data[exc.start]:02x}): {todo}")


def _arabic_codepage(data: bytes, *, confident: bool) -> str | None:
    """An Arabic code page that reads the bytes as mostly Arabic text, else None.

    `confident` also asks charset-normalizer for clean, coherent Arabic (chaos <= MAX_CHAOS,
    coherence >= MIN_COHERENCE): a few stray high bytes in ASCII also decode to Arabic letters,
    and auto must not take those for a cp1256 file (found by fuzzing). A line of real Arabic
    text scores coherence ~0.4-0.6; stray bytes score 0.
    """
    from charset_normalizer import from_bytes

    best = from_bytes(data, cp_isolation=list(ARABIC_CODEPAGES)).best()
    if best is None or (confident and (best.chaos > MAX_CHAOS or best.coherence < MIN_COHERENCE)):
        return None
    codec = codecs.lookup(best.encoding).name
    try:
        text = data.decode(codec)
    except UnicodeDecodeError:
        return None
    non_ascii = [ch for ch in text if ord(ch) > 0x7F and not ch.isspace()]
    arabic = sum(1 for ch in non_ascii if "\u0600" <= ch <= "\u06ff")
    return codec if non_ascii and arabic >= 0.8 * len(non_ascii) else None


def _refuse_binary(text: str, path: object) -> None:
    if "\x00" in text:
        line = text.count("\n", 0, text.index("\x00")) + 1
        raise InputError(f"{path}: line {line} has a NUL character: not a text file")
    sample = text[:65536]
    controls = sum(1 for ch in sample if ch not in _ALLOWED_CONTROLS and unicodedata.category(ch) == "Cc")
    if sample and controls > CONTROL_SHARE * len(sample):
        raise InputError(
            f"{path}: {controls} of its first {len(sample)} characters are control characters: not a text file"
        )


def _mojibake_class(codec: str) -> tuple[str, str]:
    """The characters a codec shows for UTF-8 Arabic lead bytes (D8-DB) and continuation bytes."""

    def chars(byte_range: range) -> str:
        return "".join(bytes([b]).decode(codec, errors="ignore") for b in byte_range)

    return chars(range(0xD8, 0xDC)), chars(range(0x80, 0xC0))


def _mojibake_pattern() -> re.Pattern[str]:
    alternatives = []
    for codec in ("cp1256", "cp1252", "latin-1"):
        lead, cont = _mojibake_class(codec)
        # Three mis-read Arabic letters in a row (a real word): no genuine text has that run.
        alternatives.append(f"(?:[{re.escape(lead)}][{re.escape(cont)}]){{3,}}")
    return re.compile("|".join(alternatives))


MOJIBAKE = _mojibake_pattern()


def find_mojibake(text: str) -> tuple[int, str, str] | None:
    """(offset, mis-read run, code page it was read as) of the first mojibake run whose bytes are UTF-8 Arabic."""
    for match in MOJIBAKE.finditer(text):
        run = match.group()
        for codec in ("cp1256", "cp1252", "latin-1"):
            try:
                repaired = run.encode(codec).decode("utf-8")
            except UnicodeError:
                continue
            if all("\u0600" <= ch <= "\u06ff" for ch in repaired):
                return match.start(), run, codec
    return None


def _refuse_mojibake(text: str, used: str, path: object) -> None:
    found = find_mojibake(text)
    if found is None:
        return
    offset, run, codec = found
    line = text.count("\n", 0, offset) + 1
    sample = run[:12]
    if used != "utf-8":  # the bytes are UTF-8 and were read with the wrong code page, here
        raise InputError(
            f"{path}: line {line} read as {used} shows UTF-8 Arabic ({sample!r}): the file is UTF-8; "
            "drop --encoding or give --encoding utf-8"
        )
    raise InputError(
        f"{path}: line {line} is mojibake ({sample!r}: UTF-8 Arabic once decoded as {codec} and saved again): "
        f"repair it first, e.g. iconv -f utf-8 -t {codec} {path} > repaired.txt"
    )
