"""Polarity errors: a negation dropped, a negation added, a verb swapped for its antonym.

Hand-written rules over qa.arabic tokens (no Arabic morphological analyser is installable here;
the rules cover the particle + verb shapes news Arabic uses). Each rule fires only where the
English agrees: a dropped negation needs a negated English sentence, an added negation an
affirmative one, an antonym swap the English verb of the swapped meaning.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass

from benchmarks.inject_common import (
    Edit,
    Token,
    arabic_tokens,
    closest_span,
    conj_prefix,
    english_negations,
    replace,
    split_proclitics,
)
from qa.arabic import DROPPED, fold, strip_clitics


def light(word: str) -> str:
    """Diacritics and tatweel removed, hamza kept: verb tables must tell بدأ (began) from بدا (seemed)."""
    return "".join(ch for ch in word if ch not in DROPPED)

# --- negation dropped ----------------------------------------------------------------------
# Particles followed by a fixed expression that is not a negation of the next word's meaning.
NOT_NEGATING_NEXT = {fold(w) for w in ("يزال", "تزال", "يزالون", "زال", "سيما", "بد", "بأس", "شك", "ريب", "يعد", "تعد", "يعودوا", "يزل", "تزل")}
# Jussive forms whose indicative is not the jussive without its ending (hollow verbs).
JUSSIVE_TO_INDICATIVE = {"يكن": "يكون", "تكن": "تكون", "نكن": "نكون", "أكن": "أكون", "يقل": "يقول", "تقل": "تقول", "يتم": "يتم"}
EN_NOT_ONLY = re.compile(r"\bnot (only|just|merely)\b", re.IGNORECASE)
EN_NEGATED_ADJECTIVE = re.compile(
    r"\b(?:un[a-z]{3,}|non-?[a-z]{3,}|illegal\w*|illegitimate|irregular|irrespons\w*|impossib\w*|improper\w*|"
    r"inappropriate|incorrect\w*|ineffective|insufficient\w*|inadequate|incomplete|invalid|indefinite\w*|informal\w*|"
    r"independent\w*|inaccurate|dishonest\w*|disabled)\b",
    re.IGNORECASE,
)
EN_LACK = re.compile(r"\b(?:lack\w*|fail\w*|absence|absent)\b", re.IGNORECASE)
ARABIC_NEGATORS = {fold(w) for w in ("لا", "لم", "لن", "ليس", "ليست", "ليسوا", "لست", "لسنا", "غير", "عدم", "دون", "بدون", "ما", "لما")}


def _imperfect(t: Token) -> bool:
    """A word shaped like an imperfect verb: prefix ي/ت/ن/أ, not a feminine noun in ة."""
    f = t.folded
    return len(f) >= 3 and f[0] in "يتنا" and not t.text.endswith(("ة", "ات")) and f not in NOT_NEGATING_NEXT


def _indicative(jussive: str) -> str:
    if jussive in JUSSIVE_TO_INDICATIVE:
        return JUSSIVE_TO_INDICATIVE[jussive]
    if jussive.endswith("وا"):
        return jussive[:-2] + "ون"
    return jussive


def _drop_sites(ar: str) -> list[tuple[int, int, str, int, str]]:
    """(start, end, replacement, index of the freed word, rule) for each removable negation."""
    toks = arabic_tokens(ar)
    sites = []
    for i, t in enumerate(toks[:-1]):
        nxt = toks[i + 1]
        conj, particle = conj_prefix(t)
        p = fold(particle)
        if p in ("لا", "لن", "لم") and _imperfect(nxt) and ar[t.end : nxt.start] == " ":
            verb = nxt.text
            if p == "لن":
                verb = "س" + _indicative(verb)
            elif p == "لم":
                if nxt.folded in ("يعد", "تعد", "يزل"):
                    continue
                verb = JUSSIVE_TO_PERFECT.get(fold(verb), _indicative(verb))
            sites.append((t.start, nxt.end, conj + verb, i + 1, f"{p} + {'jussive' if p == 'لم' else 'imperfect'}"))
        elif p in {fold(w) for w in ("ليس", "ليست", "ليسوا", "لست", "لسنا")}:
            follow = " ".join(x.folded for x in toks[i + 1 : i + 3])
            if "فقط" in follow:
                continue
            sites.append((t.start, nxt.start, conj, i + 1, "ليس + predicate"))
        elif p == "غير" and not conj and ar[t.end : nxt.start] == " ":
            stem = nxt.folded[2:] if nxt.folded.startswith("ال") else nxt.folded
            adjective = stem.startswith("م") or stem.endswith(("ي", "يه", "يين", "يا"))
            if adjective and len(stem) >= 4 and nxt.folded not in {fold(w) for w in ("أن", "ذلك", "هذا", "هذه", "مرة")}:
                sites.append((t.start, nxt.start, "", i + 1, "غير + adjective"))
        elif p == "عدم" and ar[t.end : nxt.start] == " ":
            sites.append((t.start, nxt.start, conj, i + 1, "عدم + verbal noun"))
    return sites


def negation_dropped(src: str, ar: str, rng: random.Random, res) -> Edit | None:
    negations = english_negations(src)
    if EN_NOT_ONLY.search(src):
        return None
    sites = []
    for site in _drop_sites(ar):
        rule = site[4]
        if rule == "غير + adjective":
            cues = negations + [m.span() for m in EN_NEGATED_ADJECTIVE.finditer(src)]
        elif rule == "عدم + verbal noun":
            cues = negations + [m.span() for m in EN_LACK.finditer(src)]
        else:
            cues = negations
        if cues:
            sites.append((site, cues))
    if not sites:
        return None
    (start, end, repl, _, rule), cues = rng.choice(sites)
    mt, _ = replace(ar, start, end, repl)
    word = re.match(r"[^\s.,،؛:!?؟\"'»”]+", mt[start:])  # the word that is no longer negated
    mt_span = (start, start + (word.end() if word else 0))
    src_span = closest_span(cues, start / max(1, len(ar)), len(src))
    return Edit(mt, mt_span, src_span, f"dropped {rule}: {ar[start:end]!r} -> {repl!r}")


# --- negation added ------------------------------------------------------------------------
# Frequent news verbs in the perfect, with the jussive that follows لم (3rd person m./f./pl.).
PERFECT_TO_JUSSIVE = {
    "قال": "يقل", "قالت": "تقل", "قالوا": "يقولوا", "أعلن": "يعلن", "أعلنت": "تعلن", "أعلنوا": "يعلنوا",
    "أكد": "يؤكد", "أكدت": "تؤكد", "وافق": "يوافق", "وافقت": "توافق", "أضاف": "يضف", "أضافت": "تضف",
    "ذكر": "يذكر", "ذكرت": "تذكر", "أشار": "يشر", "أشارت": "تشر", "طلب": "يطلب", "طلبت": "تطلب",
    "قرر": "يقرر", "قررت": "تقرر", "فاز": "يفز", "فازت": "تفز", "حصل": "يحصل", "حصلت": "تحصل",
    "شارك": "يشارك", "شاركت": "تشارك", "تمكن": "يتمكن", "تمكنت": "تتمكن", "استطاع": "يستطع",
    "وجد": "يجد", "وجدت": "تجد", "عرف": "يعرف", "قام": "يقم", "قامت": "تقم", "تم": "يتم",
    "أصبح": "يصبح", "أصبحت": "تصبح", "بدأ": "يبدأ", "بدأت": "تبدأ", "كشف": "يكشف", "كشفت": "تكشف",
    "أظهر": "يظهر", "أظهرت": "تظهر", "شهد": "يشهد", "شهدت": "تشهد", "ارتفع": "يرتفع", "ارتفعت": "ترتفع",
    "انخفض": "ينخفض", "انخفضت": "تنخفض", "سمح": "يسمح", "سمحت": "تسمح", "نجح": "ينجح", "نجحت": "تنجح",
    "كان": "يكن", "كانت": "تكن", "كانوا": "يكونوا", "وصل": "يصل", "وصلت": "تصل",
    "أدلى": "يدل", "اعترف": "يعترف", "اعترفت": "تعترف", "تلقى": "يتلق", "تلقت": "تتلق", "دفع": "يدفع",
    "أصيب": "يصب", "أصيبت": "تصب", "فقد": "يفقد", "فقدت": "تفقد", "ساعد": "يساعد", "ساعدت": "تساعد",
}
# Speech verbs that open a quotation read oddly negated ("did not say: '...'"): not used to add one.
QUOTATIVE = {fold(w) for w in ("قال", "قالت", "قالوا", "أضاف", "أضافت", "ذكر", "ذكرت", "أشار", "أشارت")}
PERFECT_FOLDED = {light(k): v for k, v in PERFECT_TO_JUSSIVE.items() if fold(k) not in QUOTATIVE}
# لم + jussive read back as the affirmative perfect (لم يكن -> كان), the natural un-negated form.
JUSSIVE_TO_PERFECT = {fold(v): k for k, v in reversed(PERFECT_TO_JUSSIVE.items())}
# Words in ي that are not verbs (months, nouns, names) and must not take لا.
NOT_VERBS = {fold(w) for w in ("يوم", "يوما", "يومي", "يونيو", "يوليو", "يناير", "يد", "يدي", "يمين", "يسار", "يهود", "يهودي", "يهودية", "يورو", "يوسف", "ياسر", "يحيى", "يونس", "يابان", "يمن", "يونايتد", "يزيد")}
# Words after which a negation cannot go (particles), or a perfect is a verbal noun (في قتل: "in killing").
BLOCKING_BEFORE = {fold(w) for w in (
    "أن", "لن", "لم", "لا", "قد", "لقد", "وقد", "فقد", "ولقد", "سوف", "كي", "لكي", "لئلا", "ما", "إن", "لما", "ألا",
    "في", "من", "على", "إلى", "عن", "مع", "بعد", "قبل", "حول", "دون", "بدون",
)}


def _future_stem_ok(stem_folded: str, res) -> bool:
    return stem_folded in res.arabic_vocabulary


def negation_added(src: str, ar: str, rng: random.Random, res) -> Edit | None:
    if english_negations(src) or re.search(r"\b(?:fail\w*|refus\w*|lack\w*|unable|without)\b", src, re.I):
        return None
    toks = arabic_tokens(ar)
    if any(conj_prefix(t)[1] and fold(conj_prefix(t)[1]) in ARABIC_NEGATORS for t in toks):
        return None
    sites = []
    for i, t in enumerate(toks):
        if i and toks[i - 1].folded in BLOCKING_BEFORE:
            continue
        conj, body = conj_prefix(t)
        f = fold(body)
        if light(body) in PERFECT_FOLDED:
            sites.append((t, conj + "لم " + PERFECT_FOLDED[light(body)], "لم + jussive"))
        elif len(f) >= 5 and f[0] == "س" and f[1] in "يتن" and _future_stem_ok(f[1:], res):
            verb = body[1:]
            if verb.endswith("ون") and len(verb) >= 5 and fold(verb[:-2]) in res.arabic_vocabulary:  # يذهبون, not يكون
                verb = verb[:-2] + "وا"
            sites.append((t, conj + "لن " + verb, "لن + subjunctive"))
        elif (
            len(f) >= 4 and f[0] == "ي" and f not in NOT_VERBS and not body.endswith(("ة", "ات"))
            and f in res.arabic_vocabulary and f not in res.names.arabic_names  # يوتا is Utah
        ):
            sites.append((t, conj + "لا " + body, "لا + imperfect"))
    if not sites:
        return None
    t, new, rule = rng.choice(sites)
    mt, span = replace(ar, t.start, t.end, new)
    return Edit(mt, span, None, f"added {rule}: {t.text!r} -> {new!r}")


# --- antonym swap --------------------------------------------------------------------------
@dataclass(frozen=True)
class AntonymPair:
    a: tuple[str, ...]  # forms by slot: perfect 3ms, 3fs, 3mp, imperfect 3ms, 3fs, 3mp, verbal noun
    b: tuple[str, ...]
    en_a: re.Pattern
    en_b: re.Pattern


def _pair(a: str, b: str, en_a: str, en_b: str) -> AntonymPair:
    return AntonymPair(tuple(a.split()), tuple(b.split()), re.compile(rf"\b(?:{en_a})\b", re.I), re.compile(rf"\b(?:{en_b})\b", re.I))


ANTONYMS = (
    _pair("ارتفع ارتفعت ارتفعوا يرتفع ترتفع يرتفعون ارتفاع", "انخفض انخفضت انخفضوا ينخفض تنخفض ينخفضون انخفاض",
          r"ris(?:e|es|en|ing)|rose|climb\w*|jump\w*|soar\w*|surg\w*|higher|up", r"f[ae]ll\w*|declin\w*|drop\w*|decreas\w*|slump\w*|plung\w*|lower|down"),
    _pair("زاد زادت زادوا يزيد تزيد يزيدون زيادة", "نقص نقصت نقصوا ينقص تنقص ينقصون نقص",
          r"increas\w*|grow\w*|grew|rais\w*|more|add\w*", r"decreas\w*|reduc\w*|cut|less|fewer|shortage"),
    _pair("رفض رفضت رفضوا يرفض ترفض يرفضون رفض", "قبل قبلت قبلوا يقبل تقبل يقبلون قبول",
          r"reject\w*|refus\w*|declin\w*|dismiss\w*|turn\w* down", r"accept\w*"),
    _pair("رفض رفضت رفضوا يرفض ترفض يرفضون رفض", "وافق وافقت وافقوا يوافق توافق يوافقون موافقة",
          r"reject\w*|refus\w*|declin\w*|dismiss\w*|vetoe?\w*", r"agree\w*|approv\w*"),
    _pair("فاز فازت فازوا يفوز تفوز يفوزون فوز", "خسر خسرت خسروا يخسر تخسر يخسرون خسارة",
          r"win\w*|won|victor\w*|beat\w*", r"los[et]\w*|losing|defeat\w*"),
    _pair("أكد أكدت أكدوا يؤكد تؤكد يؤكدون تأكيد", "نفى نفت نفوا ينفي تنفي ينفون نفي",
          r"confirm\w*", r"den(?:y|ied|ies|ial)\w*"),
    _pair("سمح سمحت سمحوا يسمح تسمح يسمحون سماح", "منع منعت منعوا يمنع تمنع يمنعون منع",
          r"allow\w*|permit\w*|let|lets|enabl\w*", r"ban\w*|prevent\w*|block\w*|stop\w*|prohibit\w*|barr?\w*"),
    _pair("دعم دعمت دعموا يدعم تدعم يدعمون دعم", "عارض عارضت عارضوا يعارض تعارض يعارضون معارضة",
          r"support\w*|back\w*", r"oppos(?:e|es|ed|ing)"),
    _pair("أيد أيدت أيدوا يؤيد تؤيد يؤيدون تأييد", "عارض عارضت عارضوا يعارض تعارض يعارضون معارضة",
          r"support\w*|back\w*|endors\w*|favou?r\w*", r"oppos(?:e|es|ed|ing)"),
    _pair("نجح نجحت نجحوا ينجح تنجح ينجحون نجاح", "فشل فشلت فشلوا يفشل تفشل يفشلون فشل",
          r"succe\w*|manag\w*", r"fail\w*"),
    _pair("فتح فتحت فتحوا يفتح تفتح يفتحون فتح", "أغلق أغلقت أغلقوا يغلق تغلق يغلقون إغلاق",
          r"open\w*", r"clos\w*|shut\w*"),
    _pair("بدأ بدأت بدأوا يبدأ تبدأ يبدأون بدء", "أنهى أنهت أنهوا ينهي تنهي ينهون إنهاء",
          r"beg[iau]n\w*|start\w*|launch\w*", r"end\w*|finish\w*|conclud\w*"),
    _pair("أفرج أفرجت أفرجوا يفرج تفرج يفرجون إفراج", "اعتقل اعتقلت اعتقلوا يعتقل تعتقل يعتقلون اعتقال",
          r"releas\w*|freed", r"arrest\w*|detain\w*"),
    _pair("أحب أحبت أحبوا يحب تحب يحبون حب", "كره كرهت كرهوا يكره تكره يكرهون كراهية",
          r"lov\w*|lik\w*", r"hat\w*"),
    _pair("أكثر", "أقل", r"more|most|over|greater", r"less|fewer|least|under"),
    _pair("أكبر", "أصغر", r"larg\w*|bigg\w*|great\w*", r"small\w*"),
    _pair("أعلى", "أدنى", r"high\w*|top", r"low\w*"),
)
# Forms too ambiguous to swap FROM: قبل is mostly "before".
AMBIGUOUS_SOURCE = {fold("قبل")}  # compared folded: قبل in any spelling


def _antonym_index():
    index: dict[str, list[tuple[tuple[str, ...], int, re.Pattern]]] = {}
    for pair in ANTONYMS:
        for forms, others, en in ((pair.a, pair.b, pair.en_a), (pair.b, pair.a, pair.en_b)):
            for slot, form in enumerate(forms):
                if fold(form) not in AMBIGUOUS_SOURCE:
                    index.setdefault(light(form), []).append((others, slot, en))
    return index


ANTONYM_INDEX = _antonym_index()
COMPARATIVES = {fold(w) for w in ("أكثر", "أقل", "أكبر", "أصغر", "أعلى", "أدنى")}
VERBAL_NOUN = 6
# Verbal nouns that read badly in a construct after a bare preposition (لسماح for لمنع).
NO_BARE_CONSTRUCT = {"سماح"}


def _target_form(others: tuple[str, ...], slot: int, prefix_folded: str) -> str | None:
    """The antonym in the same slot; after a preposition or the article a perfect-looking form
    (فتح, دعم, منع) is the verbal noun, so the antonym's verbal noun is used."""
    bare = prefix_folded.lstrip("وف")
    article = "ال" in bare or bare.startswith("لل")
    nominal = article or bare[:1] in ("ب", "ك") or (bare[:1] == "ل" and slot <= 2)
    if nominal and len(others) > VERBAL_NOUN:
        slot = VERBAL_NOUN
    if slot == VERBAL_NOUN and bare and not article and others[slot] in NO_BARE_CONSTRUCT:
        return None
    return others[slot] if slot < len(others) else None


def antonym_swap(src: str, ar: str, rng: random.Random, res) -> Edit | None:
    sites = []
    for t in arabic_tokens(ar):
        for prefix, stem in strip_clitics(light(t.text)):
            rows = set()
            for others, slot, en in ANTONYM_INDEX.get(stem, ()):
                cues = [m.span() for m in en.finditer(src)]
                other = _target_form(others, slot, prefix)
                if cues and other and others not in rows:  # the lowest slot of a row: نفى is a verb before a noun
                    rows.add(others)
                    sites.append((t, stem, other, cues))
            if rows:
                break
    # Comparatives (أكثر -> أقل) are the most frequent site by far: prefer a verb or noun when there is one.
    verbs = [s for s in sites if fold(s[2]) not in COMPARATIVES]
    if not verbs and rng.random() < 0.6:  # keep comparative-only pairs from swamping the type
        return None
    sites = verbs or sites
    if not sites:
        return None
    t, stem, other, cues = rng.choice(sites)
    prefix, _ = split_proclitics(t, stem)
    mt, span = replace(ar, t.start, t.end, prefix + other)
    src_span = closest_span(cues, t.start / max(1, len(ar)), len(src))
    return Edit(mt, span, src_span, f"antonym {t.text!r} -> {prefix + other!r}")
