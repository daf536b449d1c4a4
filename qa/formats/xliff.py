"""XLIFF 1.2 and 2.0 (.xlf, .xliff) through translate-toolkit.

The version is read from the root element (`version="2.x"` or the 2.0 namespace). Languages:
XLIFF 1.2 per <file> (`source-language`, `target-language`, or a <target xml:lang>); XLIFF 2.0
on the root (`srcLang`, `trgLang`). Only en→ar units with a non-empty target are pairs; units
marked translate="no" and a PO header converted by po2xliff are skipped. Ids: XLIFF 1.2 the trans-unit `id` (prefixed with its file's
`original` when the same id occurs in two <file>s); XLIFF 2.0 translate-toolkit's unit id
(`unit` or `unit::segment` when a unit has several segments; a unit without the required
`id` gets its 1-based position). Lines are the <source>/<target>
elements' lines in the file.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

from lxml import etree

from qa.formats import Unit, is_pair, no_pairs, read_bytes, to_pairs
from qa.formats.inline import flatten
from qa.formats.xmlsafe import load_store
from qa.model import AlignedPair

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_VERSION_2 = re.compile(rb"<(?:\w+:)?xliff\b[^>]*?(?:\bversion\s*=\s*[\"']2|urn:oasis:names:tc:xliff:document:2)")


def read(path: Path, encoding: str = "utf-8") -> list[AlignedPair]:
    data = read_bytes(path)
    if _VERSION_2.search(data[:65536]):
        from translate.storage.xliff2 import Xliff2File

        store = load_store(path, data, Xliff2File.parsestring)
        return to_pairs(path, _units_2(path, store))
    from translate.storage.xliff import xlifffile

    store = load_store(path, data, xlifffile.parsestring)
    return to_pairs(path, _units_12(path, store))


def _units_12(path: Path, store) -> list[Unit]:
    ns = store.namespace or ""
    found, skipped, rows = set(), 0, []
    for unit in store.units:
        element = unit.xmlelement
        if element.get("translate", "yes").lower() == "no" or element.get("restype") == "x-gettext-domain-header":
            continue
        file_node = next(element.iterancestors(f"{{{ns}}}file"), None)
        attrs = file_node.attrib if file_node is not None else {}
        source, target = element.find(f"{{{ns}}}source"), element.find(f"{{{ns}}}target")
        src_lang = attrs.get("source-language")
        trg_lang = (target.get(XML_LANG) if target is not None else None) or attrs.get("target-language")
        found.add((src_lang, trg_lang))
        if source is None or not is_pair(src_lang, trg_lang):
            continue
        if target is None or not "".join(target.itertext()).strip():
            skipped += 1
            continue
        rows.append((element.get("id") or "", attrs.get("original") or "", source, target))
    if not rows:
        raise no_pairs(path, found, skipped)
    repeated = {uid for uid, n in Counter(uid for uid, *_ in rows).items() if n > 1}
    return [
        _unit(f"{original}/{uid}" if uid in repeated else uid or str(n), source, target)
        for n, (uid, original, source, target) in enumerate(rows, 1)
    ]


def _units_2(path: Path, store) -> list[Unit]:
    root = store.document.getroot()
    src_lang, trg_lang = root.get("srcLang"), root.get("trgLang")
    if not is_pair(src_lang, trg_lang):
        raise no_pairs(path, [(src_lang, trg_lang)])
    ns = store.namespace or ""
    skipped, units = 0, []
    for unit in store.units:
        if not unit.istranslatable():
            continue
        source, target = unit.xmlelement.find(f"{{{ns}}}source"), unit.xmlelement.find(f"{{{ns}}}target")
        if source is None:
            continue
        if target is None or not "".join(target.itertext()).strip():
            skipped += 1
            continue
        units.append(_unit(unit.getid() or str(len(units) + skipped + 1), source, target))
    if not units:
        raise no_pairs(path, [(src_lang, trg_lang)], skipped)
    return units


def _unit(uid: str, source: etree._Element, target: etree._Element) -> Unit:
    src, src_tags = flatten(source)
    mt, mt_tags = flatten(target)
    return Unit(uid, src, mt, line=source.sourceline - 1, mt_line=target.sourceline - 1, src_tags=src_tags, mt_tags=mt_tags)
