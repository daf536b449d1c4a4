"""TMX (.tmx) through translate-toolkit.

A TMX is multilingual: each <tu> holds one <tuv> per language (`xml:lang`, or `lang` in TMX
1.1). A <tu> is a pair when it has an English (en, en-XX) and an Arabic (ar, ar-XX) <tuv>; the
first of each is used. The id is the <tu>'s `tuid`, else its 1-based position among the <tu>s.
Lines are the <seg> elements' lines in the file.
"""

from __future__ import annotations

from pathlib import Path

from qa.formats import Unit, no_pairs, primary_language, read_bytes, to_pairs
from qa.formats.inline import flatten
from qa.formats.xmlsafe import load_store
from qa.model import AlignedPair

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def read(path: Path, encoding: str = "utf-8") -> list[AlignedPair]:
    from translate.storage.tmx import tmxfile

    store = load_store(path, read_bytes(path), tmxfile.parsestring)
    found, skipped, units = set(), 0, []
    for position, tu in enumerate(unit.xmlelement for unit in store.units):
        segs: dict[str, object] = {}
        langs = []
        for tuv in tu.iterchildren("tuv"):
            lang = tuv.get(XML_LANG) or tuv.get("lang")
            langs.append(lang)
            seg = tuv.find("seg")
            primary = primary_language(lang)
            if seg is not None and primary in ("en", "ar") and primary not in segs:
                segs[primary] = seg
        found.update((s, t) for s in langs for t in langs if s != t and primary_language(s) == "en")
        if "en" not in segs or "ar" not in segs:
            continue
        source, target = segs["en"], segs["ar"]
        src, src_tags = flatten(source)
        mt, mt_tags = flatten(target)
        if not mt.strip():
            skipped += 1
            continue
        uid = tu.get("tuid") or str(position + 1)
        units.append(Unit(uid, src, mt, line=source.sourceline - 1, mt_line=target.sourceline - 1,
                          src_tags=src_tags, mt_tags=mt_tags))
    if not units:
        raise no_pairs(path, found, skipped)
    return to_pairs(path, units)
