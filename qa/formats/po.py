"""Gettext PO (.po) through translate-toolkit.

Languages: the target is the header's `Language` (else the file name, as in `ar.po` or
`ar_EG.po`); the source is `X-Source-Language` when the header has it, else English (msgids are
English by gettext convention). The header entry, obsolete (`#~`) entries and untranslated
entries are skipped; fuzzy entries are checked (their translation is what would ship). A plural
entry is checked once: its msgid against the msgstr form used for n=1, found with the header's
`Plural-Forms` (the other forms are not checked). PO has no segment ids: a pair's id is its
1-based entry number (header excluded), and its lines hold that number - 1.
"""

from __future__ import annotations

import gettext
import re
from pathlib import Path

from qa.errors import InputError
from qa.formats import Unit, is_pair, no_pairs, read_bytes, to_pairs
from qa.model import AlignedPair

_PLURAL = re.compile(r"plural\s*=\s*([^;]+)")


def read(path: Path, encoding: str = "utf-8") -> list[AlignedPair]:
    from translate.storage.poparser import PoParseError
    from translate.storage.pypo import pofile

    try:
        store = pofile.parsestring(read_bytes(path))
    except (PoParseError, UnicodeDecodeError, ValueError, AttributeError) as exc:  # AttributeError: translate-toolkit on some malformed headers (found by fuzzing)
        raise InputError(f"{path}: not a valid PO file ({str(exc)[:200]})") from None
    header = store.parseheader()
    src_lang = header.get("X-Source-Language") or "en"
    trg_lang = header.get("Language") or path.stem
    if not is_pair(src_lang, trg_lang):
        raise no_pairs(path, [(src_lang, trg_lang)])
    singular = _singular_form(path, header.get("Plural-Forms", ""))
    units, skipped, number = [], 0, 0
    for unit in store.units:
        if unit.isheader() or unit.isobsolete():
            continue
        number += 1
        if unit.hasplural():
            forms = [str(form) for form in unit.target.strings]
            mt = forms[singular] if singular < len(forms) else ""
        else:
            mt = str(unit.target or "")
        if not mt.strip():
            skipped += 1
            continue
        units.append(Unit(str(number), str(unit.source), mt, line=number - 1))
    if not units:
        raise no_pairs(path, [(src_lang, trg_lang)], skipped)
    return to_pairs(path, units)


def _singular_form(path: Path, plural_forms: str) -> int:
    """The msgstr index the header's plural formula picks for n=1 (1 for Arabic's six forms)."""
    match = _PLURAL.search(plural_forms)
    if not match:
        return 0
    try:
        return int(gettext.c2py(match.group(1).strip())(1))
    except (ValueError, SyntaxError):
        raise InputError(f"{path}: the Plural-Forms header has a formula gettext cannot read: {match.group(1)[:100]!r}") from None
