"""docs/accuracy.md from the harness's result dict (the JSON is the same dict)."""

from __future__ import annotations

SHORT = {
    "negation_dropped": "neg-drop", "negation_added": "neg-add", "antonym_swap": "antonym",
    "name_common_word": "name→word", "name_dropped": "name-drop", "name_distorted": "name-distort",
    "name_swapped": "name-swap", "number_changed": "number", "clause_dropped": "clause-drop",
}


def _row(cells) -> str:
    return "| " + " | ".join(str(c) for c in cells) + " |"


def _table(head, rows) -> list[str]:
    return [_row(head), _row(["---"] * len(head)), *(_row(r) for r in rows)]


def false_alarm_table(fa: dict, checks: list[dict]) -> list[str]:
    names = {c["code"]: c["name"] for c in checks}
    rows = []

    def add(label, v):
        rows.append([label, f"{v['raw']['critical']:.2f}", f"{v['net']['critical']:.2f}", f"{v['raw']['serious']:.2f}", f"{v['net']['serious']:.2f}"])

    zero = {"critical": 0.0, "serious": 0.0}
    add("**all checks**", fa["overall"])
    for cat in sorted({c["category"] for c in checks} | set(fa["category"])):
        add(f"category `{cat}`", fa["category"].get(cat, {"raw": zero, "net": zero}))
    for code in sorted(set(names) | set(fa["check"])):
        add(f"`{code}` {names.get(code, '')}", fa["check"].get(code, {"raw": zero, "net": zero}))
    return _table(["scope", "critical % raw", "critical % net", "crit+major % raw", "crit+major % net"], rows)


def recall_table(result: dict) -> list[str]:
    rec, base = result["recall"], result["baselines"]
    sim, sim5, chrf = base["similarity_at_system_rate"], base["similarity_at_5pct"], base["chrf_oracle"]
    rows = []
    for t, v in rec.items():
        top = sorted(v["by_check"].items(), key=lambda kv: -kv[1])[:3]
        rows.append([
            f"`{t}`", v["n"], v["category"], f"**{v['recall']:.1f}**", f"{v['recall_critical']:.1f}", f"{v['recall_any']:.1f}",
            f"{v['span_hit']:.1f}", f"{sim['recall'][t]:.1f}", f"{sim5['recall'][t]:.1f}", f"{chrf['median'][t]:.1f}",
            f"{chrf['recall'][t]:.1f}", ", ".join(f"{c} {p:.0f}" for c, p in top) or "—",
        ])
    head = ["error type", "n", "category", "recall %", "critical %", "any check %", "on span %",
            f"similarity @{sim['false_alarm_rate']:.2f}% FA", "similarity @5% FA", "chrF oracle median", "chrF<90 %", "caught by (%)"]
    return _table(head, rows)


def matrix_table(result: dict) -> list[str]:
    rec = result["recall"]
    codes = sorted({c for v in rec.values() for c in v["by_check"]})
    if not codes:
        return ["No check raised a new critical or major finding on any challenge."]
    rows = [[f"`{c}`", *(f"{rec[t]['by_check'].get(c, 0):.0f}" if rec[t]["by_check"].get(c) else "·" for t in rec)] for c in codes]
    return _table(["check", *(SHORT.get(t, t) for t in rec)], rows)


def seed_lines(seed: dict) -> list[str]:
    if "error" in seed:
        return [f"The seed article could not be checked: `{seed['error']}`."]
    rows = [[e["line"], e["category"], e["en"], e["ar"], "yes" if e["caught"] else "**no**", "yes" if e["on_span"] else "no",
             ", ".join(sorted({f"{h['code']} ({h['severity']})" for h in e["findings"]})) or "—"] for e in seed["errors"]]
    out = [f"Required errors caught (critical/major, right category): **{seed['caught']} / {seed['required']}**; "
           f"critical findings on the {seed['clean_lines']} clean lines: **{len(seed['critical_on_clean'])}**.", ""]
    out += _table(["line", "category", "English", "Arabic", "caught", "on span", "by"], rows)
    for a in seed["critical_on_clean"]:
        out.append(f"- false alarm on clean line(s) {a['lines']}: `{a['code']}` {a['message']}")
    return out


def render_markdown(result: dict) -> str:
    fa, ch = result["false_alarms"], result["challenge"]
    sim = result["baselines"]["similarity_at_system_rate"]
    lines = [
        "# Accuracy of the checks",
        "",
        "Produced by the evaluation harness; do not edit by hand. Re-run to refresh (figures and the CI slice):",
        "",
        f"    {result['command']}",
        "",
        f"- date: {result['date']}; run time: {result['seconds']:.0f} s (encoder load, {fa['pairs']} NTREX pairs, "
        f"{sum(ch['counts'].values())} challenges each checked clean and injected, the seed article, the CI slice)",
        f"- run signature: `{result['signature']}`",
        f"- checks: {len(result['checks'])} ({', '.join(c['code'] for c in result['checks'])}); check crashes: {result['check_failures']}",
        f"- challenge set: seed {ch['seed']}, at most {ch['per_type']} per type (docs/challenge.md)",
        "",
        f"## False alarms on human translations (NTREX, {fa['pairs']} pairs, bitext mode)",
        "",
        "Share of pairs with at least one finding of the given severity. *Net* leaves out the findings listed in "
        f"benchmarks/reviewed_reference_errors.tsv ({result['reviewed_reference_errors']} reviewed true errors of the human translation).",
        "",
        *false_alarm_table(fa, result["checks"]),
        "",
        "## Recall on injected errors",
        "",
        "A challenge is caught when a check of its category raises a critical or major finding on the injected pair that "
        "it did not raise on the clean pair (*recall*; *critical* counts critical findings only; *any check* counts any "
        "category). *On span*: among the caught, the finding's Arabic span overlaps the injected change or its English span "
        "the English it contradicts. Baselines: *similarity* flags a pair whose encoder cosine (src, mt) is below the "
        f"threshold that flags the same share of NTREX as all checks do ({sim['false_alarm_rate']:.2f}% crit+major, "
        f"cosine < {sim['threshold']}), and at 5% of NTREX; *chrF oracle* is sentence chrF of the injected Arabic against "
        "the unperturbed Arabic, which needs the reference and scores every clean pair 100, so any change is caught at a "
        "matched false-alarm rate: its median shows how little the surface moves, and the chrF<90 column how many errors a "
        "strict reference-based gate would catch even with a perfect reference.",
        "",
        *recall_table(result),
        "",
        "### Recall by check (% of the type's challenges on which the check raised a new critical/major finding)",
        "",
        *matrix_table(result),
        "",
        "## Seed article (document mode)",
        "",
        *seed_lines(result["seed_article"]),
        "",
        "## CI slice",
        "",
        f"tests/test_accuracy_regression.py re-runs a slice (the first {result['slice']['ntrex_pairs']} NTREX pairs; "
        f"{result['slice']['per_type']} challenges per type from the first {result['slice']['challenge_pairs']} pairs) "
        f"and fails when a check's false-alarm rate rises or a type's recall falls past the tolerances it states. "
        f"Slice figures are in docs/accuracy.json under `slice` (this run: {result['slice']['seconds']:.0f} s).",
        "",
    ]
    return "\n".join(lines)


def print_summary(result: dict) -> None:
    text = render_markdown(result)
    print(text)
