"""Build reference/names/ from its sources: `python reference/names/build.py [--skip-translit]`.

Reproducible: the same sources and library versions give the same files. Needs the dev extra
(babel, wordfreq) and ../shared/data/names (Wikidata name tokens); the product never reads
either at run time. Writes:

  gazetteer.tsv      entities: CLDR territories and time-zone cities (babel) + the hand-curated
                     sources/*.tsv (places, demonyms, organisations, people, traps)
  translit.tsv       learned English/Arabic letter-segment units with costs (train_translit.py)
  name_tokens.tsv    Wikidata English name tokens with their Arabic spelling and entity count
                     (rows whose spelling the learned model finds implausible dropped)
  arabic_words.tsv   folded Arabic words with their wordfreq Zipf frequency (>= 3.5)
  english_words.tsv  English words with their wordfreq Zipf frequency (>= 2.0)

SOURCES.md records where each comes from and its licence.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(HERE))

from qa.arabic import fold  # noqa: E402

WIKIDATA = ROOT.parent / "shared" / "data" / "names" / "wikidata-en-ar-name-tokens.tsv"

# CLDR regions and time-zone cities whose English name is an ordinary word or a person's name
# more often than the place (Center, North Dakota; Darwin), or that are not places (world).
SKIP_CLDR_CODES = {"001", "ZZ", "XA", "XB", "QO", "EZ", "UN", "EU", "021", "019", "057"}
SKIP_TZ_CITIES = {
    "Center", "Oral", "Wake Island", "Christmas Island", "Easter Island", "Swift Current", "Broken Hill",
    "Stanley", "Regina", "Davis", "Casey Station", "Palmer Land", "Troll Station", "Darwin", "Tell City",
    "Knox", "Goose Bay", "Fort Nelson", "Cambridge Bay", "Canton Island", "Lord Howe Island", "Adak", "Dawson",
    "Dawson Creek", "Monticello", "Anchorage", "Marengo", "Vevay", "Winamac", "Vincennes", "Petersburg",
    "Beulah", "New Salem", "Unknown Location", "Saint-Pierre", "Phoenix", "Boise", "Hobart", "Nassau",
}
# CLDR Arabic city spellings that news Arabic does not use, with the usual spelling added first.
CITY_FORMS = {
    "Seoul": ["سيول"], "Perth": ["بيرث"], "Brisbane": ["بريسبان"], "Adelaide": ["أديلايد"],
    "Los Angeles": ["لوس أنجلوس", "لوس أنجليس"], "Winnipeg": ["وينيبيغ"], "Edmonton": ["إدمونتون"],
}
SEP = "|"


class Gazetteer:
    """Entities in insertion order: id -> kind, English surfaces, Arabic forms, traps."""

    def __init__(self) -> None:
        self.entities: dict[str, dict] = {}
        self.owner: dict[str, str] = {}  # English surface (casefolded) -> entity id
        self.collisions: list[str] = []

    def add(self, eid: str, kind: str, surfaces, forms, *, role: str = "name") -> None:
        entity = self.entities.setdefault(eid, {"kind": kind, "rows": {}, "traps": []})
        row = entity["rows"].setdefault(role, {"surfaces": [], "forms": []})
        for s in surfaces:
            s = s.strip()
            if not s:
                continue
            key = s.casefold()
            if key in self.owner and self.owner[key] != eid:
                self.collisions.append(f"{s}: kept {self.owner[key]}, not {eid}")
                continue
            self.owner[key] = eid
            if s not in row["surfaces"]:
                row["surfaces"].append(s)
        for f in forms:
            f = " ".join(f.split())
            if f and f not in row["forms"]:
                row["forms"].append(f)

    def add_forms_for_surface(self, surface: str, forms) -> bool:
        eid = self.owner.get(surface.casefold())
        if eid is None:
            return False
        row = next(iter(self.entities[eid]["rows"].values()))
        row["forms"] += [f for f in forms if f not in row["forms"]]
        return True

    def rows(self):
        for eid, entity in self.entities.items():
            for role, row in entity["rows"].items():
                if row["surfaces"] and row["forms"]:
                    kind = "demonym" if role == "demonym" else entity["kind"]
                    yield eid, kind, row["surfaces"], row["forms"], entity["traps"]


def split_cldr(text: str) -> list[str]:
    """'Myanmar (Burma)' -> ['Myanmar', 'Burma']; 'Bosnia & Herzegovina' -> 'Bosnia and Herzegovina'."""
    text = text.replace("&", "and").replace("’", "'")
    m = re.match(r"^(.*?)\s*\((.*?)\)\s*$", text)
    parts = [m.group(1), m.group(2)] if m else [text]
    out = []
    for part in parts:
        part = part.replace(" - ", " ").strip()
        if part and not re.search(r"SAR|منطقة إدارية|الإدارية", part):
            out.append(part)
    return out or [text]


def read_source(name: str) -> list[list[str]]:
    rows = []
    for line in (HERE / "sources" / name).read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            rows.append(line.split("\t"))
    return rows


def build_gazetteer() -> Gazetteer:
    from babel import Locale

    en, ar = Locale("en"), Locale("ar")
    gaz = Gazetteer()
    # curated places first: they choose which entity owns an ambiguous surface (Georgia, Congo)
    for eid, kind, surfaces, forms in read_source("places.tsv"):
        gaz.add(eid, kind, surfaces.split(SEP), forms.split(SEP))
    for code, name in en.territories.items():
        if code in SKIP_CLDR_CODES or code not in ar.territories:
            continue
        kind = "region" if code.isdigit() else "country"
        arabic = [a for a in split_cldr(ar.territories[code])]
        gaz.add(code, kind, split_cldr(name), arabic)
    for tz, data in ar.time_zones.items():
        if "city" not in data or tz.startswith(("Etc/", "Antarctica/")):
            continue
        city = en.time_zones.get(tz, {}).get("city") or tz.split("/")[-1].replace("_", " ")
        city = city.replace("’", "'")
        if "," in city or city in SKIP_TZ_CITIES:
            continue
        forms = CITY_FORMS.get(city, []) + [data["city"]]
        if not gaz.add_forms_for_surface(city, forms):
            gaz.add(f"TZ:{tz}", "city", [city], forms)
    for eid, surfaces, forms in read_source("demonyms.tsv"):
        kind = gaz.entities.get(eid, {}).get("kind", "group")
        gaz.add(eid, kind, surfaces.split(SEP), forms.split(SEP), role="demonym")
    for eid, kind, surfaces, forms in read_source("organisations.tsv"):
        gaz.add(eid, kind, surfaces.split(SEP), forms.split(SEP))
    for eid, surfaces, forms in read_source("people.tsv"):
        gaz.add(eid, "person", surfaces.split(SEP), forms.split(SEP))
    for surface, wrong, _gloss in read_source("traps.tsv"):
        eid = gaz.owner.get(surface.casefold())
        if eid is None:
            raise SystemExit(f"traps.tsv: {surface!r} is not a gazetteer surface")
        gaz.entities[eid]["traps"] += wrong.split(SEP)
    return gaz


def write_gazetteer(gaz: Gazetteer, path: Path) -> int:
    lines = [
        "# mtqa names gazetteer, built by reference/names/build.py (sources: SOURCES.md). Do not edit by hand.",
        "# entity\tkind\tEnglish surfaces (|)\tArabic forms (|, the first is the standard)\ttraps (|)",
    ]
    n = 0
    for eid, kind, surfaces, forms, traps in gaz.rows():
        lines.append("\t".join([eid, kind, SEP.join(surfaces), SEP.join(forms), SEP.join(traps)]))
        n += 1
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return n


def build_translit(path: Path, processes: int) -> None:
    from train_translit import joint_costs, read_pairs, train

    pairs = read_pairs(WIKIDATA)
    print(f"translit: {len(pairs)} name pairs", flush=True)
    prob = train(pairs, processes=processes, log=lambda s: print("translit:", s, flush=True))
    rows = joint_costs(prob)
    header = "# English segment\tArabic segment (folded)\tcost = -ln P(e, a); learned from Wikidata name tokens (CC0)\n"
    path.write_text(header + "".join(f"{e}\t{a}\t{c}\n" for e, a, c in rows), encoding="utf-8")
    print(f"translit: {len(rows)} units", flush=True)


def build_name_tokens(path: Path, min_count: int = 1, max_excess: float = 12.0) -> int:
    """Wikidata tokens whose spelling the model finds plausible (mis-mined rows dropped)."""
    from train_translit import clean_arabic, clean_english

    from qa.names.translit import TranslitModel

    model = TranslitModel.from_rows([line.split("\t") for line in _data_lines(HERE / "translit.tsv")])
    out = ["# English name token\tArabic spelling\tWikidata entities; derived from Wikidata (CC0), see SOURCES.md"]
    for line in WIKIDATA.read_text(encoding="utf-8").splitlines():
        token, letters, count = line.split("\t")
        en, arabic = clean_english(token), "".join(letters.split())
        if int(count) < min_count or len(en) < 2 or en != token.lower():
            continue
        if model.excess(en, clean_arabic(letters)) > max_excess:
            continue
        out.append(f"{en}\t{arabic}\t{count}")
    path.write_text("\n".join(out) + "\n", encoding="utf-8")
    return len(out) - 1


def build_frequencies(arabic_path: Path, english_path: Path) -> tuple[int, int]:
    from wordfreq import top_n_list, zipf_frequency

    arabic: dict[str, float] = {}
    for word in top_n_list("ar", 200_000):
        z = zipf_frequency(word, "ar")
        if z < 3.5:
            break
        key = fold(word)
        if re.fullmatch(r"[\u0621-\u064a]+", key):
            arabic[key] = max(arabic.get(key, 0.0), z)
    english: dict[str, float] = {}
    for word in top_n_list("en", 500_000):
        z = zipf_frequency(word, "en")
        if z < 2.0:
            break
        if re.fullmatch(r"[a-z]+", word):
            english[word] = z
    from importlib.metadata import version

    note = f"wordfreq {version('wordfreq')} (data CC BY-SA 4.0), see SOURCES.md"

    arabic_path.write_text(
        f"# folded Arabic word\tZipf frequency; {note}\n"
        + "".join(f"{w}\t{z:.2f}\n" for w, z in sorted(arabic.items(), key=lambda x: (-x[1], x[0]))),
        encoding="utf-8",
    )
    english_path.write_text(
        f"# English word\tZipf frequency; {note}\n"
        + "".join(f"{w}\t{z:.2f}\n" for w, z in sorted(english.items(), key=lambda x: (-x[1], x[0]))),
        encoding="utf-8",
    )
    return len(arabic), len(english)


def _data_lines(path: Path) -> list[str]:
    return [line for line in path.read_text(encoding="utf-8").splitlines() if line and not line.startswith("#")]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--skip-translit", action="store_true", help="keep translit.tsv (training takes ~20 min)")
    parser.add_argument("--processes", type=int, default=2)
    args = parser.parse_args()
    started = time.time()
    gaz = build_gazetteer()
    print(f"gazetteer: {write_gazetteer(gaz, HERE / 'gazetteer.tsv')} rows; surface collisions resolved:")
    for line in gaz.collisions:
        print("  ", line)
    if not args.skip_translit:
        build_translit(HERE / "translit.tsv", args.processes)
    print(f"name tokens: {build_name_tokens(HERE / 'name_tokens.tsv')}")
    print("word frequencies (Arabic, English): {} {}".format(*build_frequencies(HERE / "arabic_words.tsv", HERE / "english_words.tsv")))
    print(f"done in {time.time() - started:.0f} s")


if __name__ == "__main__":
    main()
