"""Inline markup of XLIFF 1.2 / 2.0 and TMX segments: plain text to check, tags kept for display.

translate-toolkit's own flattening (`unit.source`) keeps the native code inside <bpt>/<ept>
(`<b>` shows up as text) and drops XLIFF 2's <cp/> code points, so the walk is done here over
the lxml element translate-toolkit parsed. Elements that wrap translatable text (<g>, <pc>,
<mrk>, <hi>) keep their text and contribute their start and end tags; elements that stand for
native code or a placeholder (<x/>, <ph>, <bpt>, <ept>, <it>, <sc/>, <ec/> ...) are removed
whole, their markup kept as one tag. A tag is (offset into the plain text, markup), so spans
found in the plain text stay valid and `with_tags` rebuilds the segment for display.
"""

from __future__ import annotations

import re
from xml.sax.saxutils import escape, quoteattr

from lxml import etree

# Elements whose content is translatable text, by local name (XLIFF 1.2, XLIFF 2.0, TMX).
WRAPPERS = frozenset({"g", "pc", "mrk", "hi"})
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
# XML white space is these four characters only: a no-break space (U+00A0, XLIFF 2's <cp hex="00A0"/>) is text.
_XML_SPACE_OR_NOT = re.compile(r"(?P<space>[ \t\r\n]+)|[^ \t\r\n]+")

Tags = tuple[tuple[int, str], ...]


def flatten(element: etree._Element) -> tuple[str, Tags]:
    """The element's content as plain text and its inline tags at their offsets in that text."""
    parts: list[str] = []
    tags: list[tuple[int, str]] = []
    length = 0

    def add(text: str | None) -> None:
        nonlocal length
        if text:
            parts.append(text)
            length += len(text)

    def walk(node: etree._Element) -> None:
        add(node.text)
        for child in node:
            if not isinstance(child.tag, str):  # a comment or processing instruction
                add(child.tail)
                continue
            name = etree.QName(child).localname
            if name == "cp":  # XLIFF 2.0: a code point XML cannot hold literally
                add(_code_point(child.get("hex", "")))
            elif name in WRAPPERS:
                tags.append((length, _start(name, child)))
                walk(child)
                tags.append((length, f"</{name}>"))
            else:
                tags.append((length, _whole(name, child)))
            add(child.tail)

    walk(element)
    text = "".join(parts)
    if not _preserves_space(element):
        text, tags = _collapse(text, tags)
    return text, tuple(tags)


def with_tags(text: str, tags: Tags | None) -> str:
    """The plain text with its inline tags put back (for display)."""
    if not tags:
        return text
    out, last = [], 0
    for offset, markup in tags:
        out += [text[last:offset], markup]
        last = offset
    out.append(text[last:])
    return "".join(out)


def _start(name: str, node: etree._Element) -> str:
    attrs = "".join(f" {etree.QName(k).localname}={quoteattr(v)}" for k, v in node.attrib.items())
    return f"<{name}{attrs}>"


def _whole(name: str, node: etree._Element) -> str:
    content = "".join(node.itertext())
    start = _start(name, node)
    return f"{start[:-1]}/>" if not content else f"{start}{escape(content)}</{name}>"


def _code_point(hex_value: str) -> str:
    try:
        return chr(int(hex_value, 16))
    except (ValueError, OverflowError):
        return ""


def _preserves_space(element: etree._Element) -> bool:
    for node in (element, *element.iterancestors()):
        value = node.get(XML_SPACE)
        if value is not None:
            return value == "preserve"
    return False


def _collapse(text: str, tags: list[tuple[int, str]]) -> tuple[str, list[tuple[int, str]]]:
    """xml:space="default": runs of XML white space become one space, none at either end.

    Tag offsets move with the text: new_offset[i] is where old offset i lands.
    """
    out: list[str] = []
    new_offset = [0] * (len(text) + 1)
    pos = 0
    for match in _XML_SPACE_OR_NOT.finditer(text):
        start, end = match.span()
        for i in range(start, end + 1):
            new_offset[i] = pos
        if match.lastgroup == "space":
            if 0 < start and end < len(text):
                out.append(" ")
                pos += 1
                new_offset[end] = pos
        else:
            out.append(match.group())
            for i in range(start, end + 1):
                new_offset[i] = pos + (i - start)
            pos += end - start
    return "".join(out), [(new_offset[offset], markup) for offset, markup in tags]
