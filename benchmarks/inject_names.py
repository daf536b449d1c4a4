"""Name errors: a name read as a common word, dropped, distorted, or swapped for another name.

Names are found where the English has a capitalised token whose Arabic spelling (Wikidata
person-name tokens from ../shared/data/names, or the place list below) occurs as a word of the
Arabic, through folding and clitic stripping.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from benchmarks.inject_common import Edit, Token, arabic_tokens, delete, english_tokens, replace, split_proclitics
from qa.arabic import fold, strip_clitics

NAMES_TSV = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "names" / "wikidata-en-ar-name-tokens.tsv"

# Places frequent in news, with the spellings Arabic news uses (written for this benchmark).
PLACES = {
    "kyiv": "كييف", "kiev": "كييف", "moscow": "موسكو", "washington": "واشنطن", "london": "لندن", "paris": "باريس",
    "berlin": "برلين", "beijing": "بكين", "tokyo": "طوكيو", "tehran": "طهران", "baghdad": "بغداد", "damascus": "دمشق",
    "cairo": "القاهرة", "riyadh": "الرياض", "dubai": "دبي", "beirut": "بيروت", "jerusalem": "القدس", "gaza": "غزة",
    "ankara": "أنقرة", "istanbul": "إسطنبول اسطنبول", "brussels": "بروكسل", "rome": "روما", "madrid": "مدريد",
    "athens": "أثينا", "vienna": "فيينا", "geneva": "جنيف", "delhi": "دلهي", "mumbai": "مومباي", "kabul": "كابول",
    "seoul": "سول سيول", "sydney": "سيدني", "toronto": "تورنتو تورونتو",
    "chicago": "شيكاغو", "boston": "بوسطن", "texas": "تكساس", "california": "كاليفورنيا", "florida": "فلوريدا",
    "york": "يورك", "manchester": "مانشستر", "liverpool": "ليفربول", "scotland": "اسكتلندا إسكتلندا", "wales": "ويلز",
    "ireland": "أيرلندا إيرلندا", "england": "إنجلترا انجلترا إنكلترا", "britain": "بريطانيا", "france": "فرنسا",
    "germany": "ألمانيا", "italy": "إيطاليا", "spain": "إسبانيا اسبانيا", "russia": "روسيا", "ukraine": "أوكرانيا",
    "china": "الصين", "japan": "اليابان", "india": "الهند", "pakistan": "باكستان", "iran": "إيران", "iraq": "العراق",
    "syria": "سوريا سورية", "turkey": "تركيا", "egypt": "مصر", "israel": "إسرائيل", "lebanon": "لبنان",
    "jordan": "الأردن", "canada": "كندا", "mexico": "المكسيك", "brazil": "البرازيل", "australia": "أستراليا أستراليا",
    "indonesia": "إندونيسيا", "greece": "اليونان", "poland": "بولندا", "sweden": "السويد", "norway": "النرويج",
    "europe": "أوروبا", "africa": "أفريقيا إفريقيا", "asia": "آسيا", "america": "أمريكا أميركا", "korea": "كوريا",
    "afghanistan": "أفغانستان", "yemen": "اليمن", "libya": "ليبيا", "sudan": "السودان", "nigeria": "نيجيريا",
    "kenya": "كينيا", "venezuela": "فنزويلا", "cuba": "كوبا", "palestine": "فلسطين", "qatar": "قطر",
    "kuwait": "الكويت", "oman": "عمان", "bahrain": "البحرين", "morocco": "المغرب", "algeria": "الجزائر",
    "tunisia": "تونس", "belgium": "بلجيكا", "netherlands": "هولندا", "switzerland": "سويسرا", "austria": "النمسا",
    "portugal": "البرتغال", "denmark": "الدنمارك", "finland": "فنلندا", "hungary": "المجر", "serbia": "صربيا",
    "crimea": "القرم", "sochi": "سوتشي", "munich": "ميونيخ", "hamburg": "هامبورغ", "milan": "ميلانو", "barcelona": "برشلونة",
    "lisbon": "لشبونة", "dublin": "دبلن", "edinburgh": "إدنبرة", "glasgow": "غلاسكو", "cardiff": "كارديف",
    "hollywood": "هوليوود", "ohio": "أوهايو", "virginia": "فرجينيا فيرجينيا", "georgia": "جورجيا",
    "alabama": "ألاباما", "arizona": "أريزونا", "nevada": "نيفادا", "oregon": "أوريغون", "michigan": "ميشيغان",
    "pennsylvania": "بنسلفانيا", "carolina": "كارولينا", "tennessee": "تينيسي", "kentucky": "كنتاكي", "alaska": "ألاسكا",
    "hawaii": "هاواي", "seattle": "سياتل", "houston": "هيوستن", "dallas": "دالاس", "atlanta": "أتلانتا", "miami": "ميامي",
    "philadelphia": "فيلادلفيا", "detroit": "ديترويت", "denver": "دنفر", "mosul": "الموصل",
    "aleppo": "حلب", "idlib": "إدلب", "hong": "هونغ", "kong": "كونغ", "taiwan": "تايوان", "vietnam": "فيتنام",
    "thailand": "تايلاند", "malaysia": "ماليزيا", "philippines": "الفلبين", "singapore": "سنغافورة",
}
PREPOSITIONS = {fold(w) for w in ("في", "إلى", "من", "مع", "على", "عن", "لدى", "ضد", "بين")}
ENGLISH_STOP = {
    "the", "a", "an", "he", "she", "it", "they", "we", "i", "but", "and", "in", "on", "at", "mr", "mrs", "ms", "dr",
    "this", "that", "there", "his", "her", "their", "our", "after", "when", "if", "as", "for", "of", "to", "by",
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
    "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "so", "more", "some", "st",
}


@dataclass(frozen=True)
class Mention:
    kind: str  # "person" or "place"
    english: str  # lower-cased token
    src_span: tuple[int, int]
    token: Token  # the Arabic word holding the name
    stem: str  # folded stem of the name in the token (after proclitics)


@dataclass
class NameResources:
    spellings: dict[str, tuple[str, ...]]  # english token -> folded Arabic spellings
    kind: dict[str, str]
    common: frozenset[str]  # the 1,000 commonest Arabic words (folded), never taken for a name
    frequent: frozenset[str]  # the 5,000 commonest (folded): a distorted name must not become one
    common_words: tuple[str, ...]  # frequent Arabic words (original spelling), replacement candidates
    delete_index: dict[str, list[str]]
    english_common: frozenset[str] = frozenset()
    arabic_names: frozenset[str] = frozenset()  # every folded Arabic spelling of a known name

    def __post_init__(self) -> None:
        self.rank = {w: i for i, w in enumerate(self.common_words)}

    __hash__ = object.__hash__  # one instance per process (load_names is cached): hash by identity


@lru_cache(maxsize=1)
def load_names(min_count: int = 1) -> NameResources:
    import wordfreq

    spellings: dict[str, dict[str, int]] = {}
    for line in NAMES_TSV.read_text(encoding="utf-8").splitlines():
        en, ar, count = line.split("\t")
        if int(count) >= min_count:
            spellings.setdefault(en, {})[fold(ar.replace(" ", ""))] = int(count)
    kind = {en: "person" for en in spellings}
    out = {en: tuple(sorted(v, key=lambda a: -v[a])) for en, v in spellings.items()}
    for en, ar in PLACES.items():
        if ar:
            out[en] = tuple(dict.fromkeys(fold(a) for a in ar.split()))
            kind[en] = "place"
    top = wordfreq.top_n_list("ar", 5000)
    common = frozenset(fold(w) for w in top[:1000])
    known_names = {a for values in out.values() for a in values}
    words = tuple(w for w in top if len(w) >= 3 and all("\u0621" <= c <= "\u064a" for c in w) and fold(w) not in known_names)
    index: dict[str, list[str]] = {}
    for w in words:
        for variant in _deletions(fold(w), 2):
            index.setdefault(variant, []).append(w)
    english = frozenset(wordfreq.top_n_list("en", 5000))
    return NameResources(out, kind, common, frozenset(fold(w) for w in top), words, index, english, frozenset(known_names))


def _deletions(word: str, depth: int) -> set[str]:
    out = {word}
    frontier = {word}
    for _ in range(depth):
        frontier = {w[:i] + w[i + 1 :] for w in frontier for i in range(len(w)) if len(w) > 1}
        out |= frontier
    return out


def _levenshtein(a: str, b: str) -> int:
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


def find_mentions(src: str, ar: str, res: NameResources) -> list[Mention]:
    return list(_mentions(src, ar, res))


@lru_cache(maxsize=4096)
def _mentions(src: str, ar: str, res: NameResources) -> tuple[Mention, ...]:
    toks = arabic_tokens(ar)
    readings = [(t, [stem for _, stem in strip_clitics(t.folded)]) for t in toks]
    out, used = [], set()
    for n, et in enumerate(english_tokens(src)):
        if not et.text[0].isupper() or et.folded in ENGLISH_STOP:
            continue
        if n == 0 and et.folded in res.english_common:  # "Father ..." opening a sentence is not a name
            continue
        key = et.folded[:-2] if et.folded.endswith(("'s", "’s")) else et.folded
        spellings = {a for a in res.spellings.get(key, ()) if len(a) >= 3 and a not in res.common}
        # The first word holding a spelling, its bare reading first (وارين is Warren, not و + ارين).
        hit = next(
            (
                (t, stem)
                for t, stems in readings
                if t.start not in used
                for stem in stems
                if stem in spellings or (stem.startswith("ال") and stem[2:] in spellings)
            ),
            None,
        )
        if hit:
            used.add(hit[0].start)
            out.append(Mention(res.kind[key], key, (et.start, et.start + len(key)), hit[0], hit[1]))
    return tuple(out)


def attach(prefix: str, word: str) -> str:
    """Proclitics + a word that may carry the article: ل + الثانية -> للثانية, ال + الثانية -> الثانية."""
    if word.startswith("ال") and fold(prefix).endswith("ال"):
        return prefix + word[2:]
    if word.startswith("ال") and fold(prefix).endswith("ل"):
        return prefix + word[1:]
    return prefix + word


def _swap_stem(ar: str, m: Mention, new: str) -> tuple[str, tuple[int, int]]:
    prefix, _ = split_proclitics(m.token, m.stem)
    return replace(ar, m.token.start, m.token.end, attach(prefix, new))


def similar_common_word(stem: str, res: NameResources) -> str | None:
    """The frequent Arabic word nearest in letters to a name (كييف -> كيف): one edit away for a
    name of up to five letters, two for a longer one; None when no word is that close."""
    candidates = {w for v in _deletions(stem, 2) for w in res.delete_index.get(v, ())}
    scored = sorted((_levenshtein(stem, fold(w)), res.rank[w], w) for w in candidates if fold(w) != stem and len(fold(w)) >= 3)
    if scored and scored[0][0] <= (1 if len(stem) <= 5 else 2):
        return scored[0][2]
    return None


# English names that are English words, and the Arabic of the word: the MT translated the name
# ("Theresa May" -> تيريزا مايو, "Tiger Woods" -> تايجر غابات). Written for this benchmark.
LITERAL = {
    "west": "غرب", "may": "مايو", "waters": "مياه", "woods": "غابات", "cross": "صليب", "rose": "وردة", "hill": "تل",
    "fox": "ثعلب", "long": "طويل", "wade": "يخوض", "snow": "ثلج", "sky": "سماء", "power": "قوة", "park": "حديقة",
    "love": "حب", "lamb": "حمل", "grace": "نعمة", "bush": "شجيرة", "prince": "أمير", "moon": "قمر", "miller": "طحان",
    "hart": "أيل", "grant": "منحة", "church": "كنيسة", "black": "أسود", "young": "شاب", "sun": "شمس", "strong": "قوي",
    "mills": "مطاحن", "mark": "علامة", "major": "رائد", "little": "صغير", "hunter": "صياد", "hall": "قاعة",
    "green": "أخضر", "day": "يوم", "brooks": "جداول", "bill": "فاتورة", "white": "أبيض", "brown": "بني", "rice": "أرز",
    "stone": "حجر", "king": "ملك", "price": "سعر", "bell": "جرس", "gates": "بوابات", "fisher": "صياد", "baker": "خباز",
    "cook": "طباخ", "hope": "أمل", "rich": "غني", "wolf": "ذئب", "sterling": "إسترليني", "post": "بريد",
}
EN_US = re.compile(r"\b(?:US|U\.S\.?)(?![A-Za-z])")
AR_US = re.compile(r"(?<![\w])([وف]?)(لل|بال|ال)ولايات المتحدة(?: الأمريكية| الأميركية)?")


def _us_as_pronoun(src: str, ar: str) -> list[tuple[int, int, str, tuple[int, int], str]]:
    """"US" read as the pronoun "us" (the seed article's error): الولايات المتحدة -> نحن / لنا / بنا."""
    en = EN_US.search(src)
    if not en:
        return []
    out = []
    for m in AR_US.finditer(ar):
        conj, prep = m.group(1), m.group(2)
        word = {"لل": "لنا", "بال": "بنا", "ال": "نحن"}[prep]
        out.append((m.start(), m.end(), conj + word, en.span(), f"place 'us' read as a pronoun: {m.group()!r} -> {conj + word!r}"))
    return out


def name_common_word(src: str, ar: str, rng: random.Random, res) -> Edit | None:
    """A name rendered as a common word: translated literally when the English name is an English
    word (May -> مايو), read as the Arabic word nearest in letters (كييف -> كيف), or US read as
    "us". Names with no such reading are skipped: a random word in a name's place is not an error
    MT makes."""
    sites = _us_as_pronoun(src, ar)
    for m in find_mentions(src, ar, res.names):
        prefix, _ = split_proclitics(m.token, m.stem)
        word = LITERAL.get(m.english) or similar_common_word(m.stem, res.names)
        if word:
            how = "translated" if m.english in LITERAL else "read as a word"
            new = attach(prefix, word)
            sites.append((m.token.start, m.token.end, new, m.src_span, f"{m.kind} {m.english!r} {how}: {m.token.text!r} -> {new!r}"))
    if not sites:
        return None
    start, end, new, src_span, note = rng.choice(sites)
    mt, span = replace(ar, start, end, new)
    return Edit(mt, span, src_span, note)


TITLES = {
    "president", "mr", "mrs", "ms", "dr", "prime", "minister", "secretary", "senator", "sen", "rep", "judge", "gov",
    "governor", "general", "gen", "king", "queen", "prince", "pope", "chancellor", "sir", "lord", "lady", "coach",
    "captain", "justice", "chief", "officer", "det", "sgt", "st", "saint", "professor", "prof", "mayor", "ambassador",
}
COMPASS = {"north": "شمال", "south": "جنوب", "east": "شرق", "west": "غرب"}  # North Korea -> كوريا الشمالية


def _capitalised_runs(src: str) -> list[list]:
    runs, run = [], []
    for t in english_tokens(src):
        if t.text[0].isupper() and (not run or src[run[-1].end : t.start] in (" ", "-")):
            run.append(t)
        else:
            if run:
                runs.append(run)
            run = [t] if t.text[0].isupper() else []
    if run:
        runs.append(run)
    return runs


def name_dropped(src: str, ar: str, rng: random.Random, res) -> Edit | None:
    """The whole name goes: every capitalised English word of it must be found in the Arabic
    (titles aside; North/South/East/West as the Arabic adjective after the place), so no half of
    a name ("Lopez" of "Lopez Obrador") is left behind."""
    mentions = find_mentions(src, ar, res.names)
    by_start = {m.src_span[0]: m for m in mentions}
    sites = []
    for run in _capitalised_runs(src):
        core = [t for t in run if t.folded not in TITLES and t.folded not in ENGLISH_STOP]
        found = [by_start[t.start] for t in core if t.start in by_start]
        if not found:
            continue
        start, end = min(m.token.start for m in found), max(m.token.end for m in found)
        missing = [t for t in core if t.start not in by_start]
        for t in missing:
            adjective = COMPASS.get(t.folded)
            after = re.match(r"\s+([^\s.,،:;؛!?؟\"»”]+)", ar[end:])
            if adjective and after and adjective in fold(after.group(1)):
                end += after.end()
            else:
                break
        else:
            if ar[start:end].count(" ") <= len(core):  # the Arabic words are adjacent
                last = core[-1]
                stop = last.end - 2 if last.folded.endswith(("'s", "’s")) else last.end
                sites.append((start, end, (core[0].start, stop)))
    if not sites:
        return None
    start, end, src_span = rng.choice(sites)
    # A preposition left alone before the gap goes too ("في باريس" is dropped whole).
    before = ar[:start].rstrip(" ")
    last = before.rsplit(" ", 1)[-1]
    if fold(last) in PREPOSITIONS and len(before) < start:
        start = len(before) - len(last)
    dropped = ar[start:end]
    mt, span = delete(ar, start, end)
    return Edit(mt, span, src_span, f"{src[src_span[0]:src_span[1]]!r}: dropped {dropped!r}")


CONFUSABLE = {
    "س": "صث", "ص": "س", "ث": "س", "ت": "طث", "ط": "ت", "د": "ضذ", "ض": "د", "ذ": "زد", "ز": "ذر", "ر": "ز",
    "ك": "ق", "ق": "كغ", "ه": "ح", "ح": "هخ", "خ": "ح", "ج": "غ", "غ": "جق", "ب": "ن", "ن": "بت", "ف": "ق", "ل": "ن", "م": "ن",
}
VOWEL_LETTERS = "اوي"


def distort(word: str, rng: random.Random) -> str:
    """Two edits of the kinds transliteration errors make: a sound-alike or dot-alike letter,
    a long vowel dropped, two adjacent consonants swapped."""
    letters = list(word)
    done = set()
    for _ in range(20):
        if len(done) >= 2:
            break
        i = rng.randrange(1, len(letters)) if len(letters) > 1 else 0
        op = rng.choice(("sub", "sub", "drop", "swap"))
        if i in done:
            continue
        if op == "sub" and letters[i] in CONFUSABLE:
            letters[i] = rng.choice(CONFUSABLE[letters[i]])
        elif op == "drop" and letters[i] in VOWEL_LETTERS and 0 < i < len(letters) - 1:
            letters[i] = ""
        elif op == "swap" and 0 < i < len(letters) - 1 and letters[i] not in VOWEL_LETTERS and letters[i + 1] not in VOWEL_LETTERS and i + 1 not in done:
            letters[i], letters[i + 1] = letters[i + 1], letters[i]
            done.add(i + 1)
        else:
            continue
        done.add(i)
    return "".join(letters)


def name_distorted(src: str, ar: str, rng: random.Random, res) -> Edit | None:
    mentions = [m for m in find_mentions(src, ar, res.names) if len(m.stem) >= 4]
    if not mentions:
        return None
    m = rng.choice(mentions)
    prefix, stem = split_proclitics(m.token, m.stem)
    accepted = set(res.names.spellings.get(m.english, ()))
    for _ in range(10):
        new = distort(stem, rng)
        if fold(new) not in accepted and _levenshtein(fold(new), fold(stem)) >= 2 and fold(new) not in res.names.frequent:
            mt, span = replace(ar, m.token.start, m.token.end, prefix + new)
            return Edit(mt, span, m.src_span, f"{m.kind} {m.english!r}: {stem!r} -> {new!r}")
    return None


def name_swapped(src: str, ar: str, rng: random.Random, res) -> Edit | None:
    mentions = find_mentions(src, ar, res.names)
    if not mentions:
        return None
    m = rng.choice(mentions)
    english = {t.folded for t in english_tokens(src)}
    present = {x.stem for x in mentions}
    pool = [p for p in res.name_pool[m.kind] if p[0] not in english and p[1] not in present]
    if not pool:
        return None
    en, _, spelled = rng.choice(pool)
    mt, span = _swap_stem(ar, m, spelled)
    return Edit(mt, span, m.src_span, f"{m.kind} {m.english!r} -> {en!r}: {m.token.text!r} -> {mt[span[0]:span[1]]!r}")


def name_pool(pairs, res: NameResources) -> dict[str, list[tuple[str, str, str]]]:
    """(english, folded stem, original spelling) of every name mentioned in the pairs, by kind."""
    pool: dict[str, dict[str, tuple[str, str, str]]] = {"person": {}, "place": {}}
    for src, ar in pairs:
        for m in find_mentions(src, ar, res):
            spelled = split_proclitics(m.token, m.stem)[1]
            if m.stem.startswith("ال") and not spelled.startswith("ال"):
                continue
            pool[m.kind].setdefault(m.stem, (m.english, m.stem, spelled))
    return {kind: sorted(v.values()) for kind, v in pool.items()}
