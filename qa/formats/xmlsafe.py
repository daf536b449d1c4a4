"""Refuse hostile XML before translate-toolkit parses it.

translate-toolkit parses with lxml (`resolve_entities=False, no_network=True`, no huge_tree).
Measured with lxml 6.1 / translate-toolkit 3.20 (tests/test_xml_attacks.py pins each case):
an external entity (`<!ENTITY x SYSTEM "file:///etc/passwd">`) is not read but silently dropped
from the segment, so the text checked is not the text in the file; an internal entity is
expanded; a billion-laughs bomb is stopped by libxml2's amplification limit; attributes and text
nodes over 10 MB are refused. So every file is first streamed (1 MiB at a time, constant memory)
through defusedxml's expat parser with two rules of ours: a DOCTYPE may not have an internal
subset (where entities, the billion laughs and XXE are declared) and may name a DTD only as a
bare file name (TMX's standard `tmx14.dtd`, which nothing loads); no attribute may exceed
MAX_ATTRIBUTE characters. defusedxml's own refusals (any entity declaration, any external
reference) stay as a second layer. Each refusal is an InputError naming the file and line; the
message never quotes the file's content.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar
from xml.parsers.expat import ExpatError

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import DefusedXMLParser
from lxml import etree

from qa.errors import InputError

MAX_ATTRIBUTE = 1 << 20  # 1 MiB: ids, language codes and file names are short; this bounds memory well below lxml's 10 MB
_CHUNK = 1 << 20
_BARE_DTD_NAME = re.compile(r"^[A-Za-z0-9_.-]+\.dtd$")
T = TypeVar("T")
_PLAIN = "mtqa reads plain XLIFF/TMX only (no DTD, no entities, nothing fetched); export the file without them"


class _Refused(Exception):
    pass


class _Scanner(DefusedXMLParser):
    """defusedxml's expat parser (entities and external references forbidden) plus our rules."""

    def __init__(self) -> None:
        super().__init__(target=_NullTarget(), forbid_dtd=False, forbid_entities=True, forbid_external=True)
        self.parser.StartDoctypeDeclHandler = self._check_doctype

    def _check_doctype(self, name, sysid, pubid, has_internal_subset) -> None:
        if has_internal_subset:
            raise _Refused("a DOCTYPE with an internal subset (entity or markup declarations)")
        if sysid is not None and not _BARE_DTD_NAME.match(sysid):
            raise _Refused("a DOCTYPE naming an external DTD by path or URL")


class _NullTarget:
    """Keeps nothing (the scan streams in constant memory) but checks attribute sizes."""

    def start(self, tag, attrib) -> None:
        for value in attrib.values():
            if len(value) > MAX_ATTRIBUTE:
                raise _Refused(f"an attribute longer than {MAX_ATTRIBUTE:,} characters")

    def end(self, tag) -> None:
        pass

    def data(self, text) -> None:
        pass

    def close(self) -> None:
        return None


def check_xml(path: Path, data: bytes) -> None:
    """Raise an InputError when `data` is not well-formed XML or uses a refused construct."""
    scanner = _Scanner()
    try:
        for start in range(0, len(data), _CHUNK):
            scanner.feed(data[start : start + _CHUNK])
        scanner.close()
    except _Refused as exc:
        raise InputError(f"{path}: refused (line {_line(scanner)}): {exc}: {_PLAIN}") from None
    except DefusedXmlException as exc:
        raise InputError(f"{path}: refused (line {_line(scanner)}): {_what(exc)}: {_PLAIN}") from None
    except (LookupError, ValueError) as exc:  # <?xml encoding="UTF-9"?> or a multi-byte one expat cannot read (found by fuzzing)
        raise InputError(f"{path}: the XML declaration names an encoding the parser cannot read ({exc}): save the file as UTF-8") from None
    except (ExpatError, SyntaxError) as exc:
        position = getattr(exc, "position", None)
        where = f" (line {position[0]}, column {position[1] + 1})" if position else ""
        raise InputError(f"{path}: not well-formed XML{where}: {_reason(exc)}") from None


def _line(scanner: _Scanner) -> int:
    return scanner.parser.CurrentLineNumber


def _what(exc: DefusedXmlException) -> str:
    name = type(exc).__name__
    if name == "ExternalReferenceForbidden":
        return "an external reference"
    if getattr(exc, "sysid", None) or getattr(exc, "pubid", None):
        return "an external entity"
    return "an entity declaration"


def _reason(exc: Exception) -> str:
    # expat's message, without the position it repeats; never the offending content
    return str(exc).split(":")[0].strip() or type(exc).__name__


def load_store(path: Path, data: bytes, parse: Callable[[bytes], T]) -> T:
    """check_xml, then translate-toolkit's parse; its failures become one-line InputErrors."""
    check_xml(path, data)
    try:
        return parse(data)
    except etree.XMLSyntaxError as exc:  # e.g. a text node over libxml2's 10 MB limit
        limit = exc.msg.split(", line ")[0].replace(", try XML_PARSE_HUGE", "")  # libxml2's words, no content
        raise InputError(f"{path}: refused (line {exc.lineno}): {limit} (libxml2 caps a text node or attribute at 10 MB)") from None
    except (ValueError, AssertionError, StopIteration) as exc:  # translate-toolkit: wrong root, wrong version
        raise InputError(f"{path}: not a valid {path.suffix.lstrip('.').upper()} file ({str(exc)[:200] or type(exc).__name__})") from None
