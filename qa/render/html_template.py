"""The page of the HTML report: its Jinja2 template (autoescaped), style and script.

Kept apart from qa/render/html.py, which builds the plain-data view the template shows. The
script is a constant: its hash goes into the page's Content-Security-Policy, so no other script
can run in the page.
"""

# Filters: a checkbox per severity and per category hides the findings it unticks; a highlight
# shows the worst severity among its visible findings (none: no highlight); "only segments with
# findings" hides rows whose findings are all hidden.
SCRIPT = """
(function () {
  "use strict";
  var rank = {critical: 3, major: 2, minor: 1};
  var boxes = document.querySelectorAll("input[data-filter]");
  var only = document.getElementById("only-findings");
  function apply() {
    var off = {};
    boxes.forEach(function (b) { if (!b.checked) { off[b.dataset.filter + ":" + b.value] = true; } });
    var shown = 0;
    document.querySelectorAll(".finding").forEach(function (f) {
      var hide = off["severity:" + f.dataset.severity] || off["category:" + f.dataset.category];
      f.hidden = !!hide;
      if (!hide) { shown += 1; }
    });
    document.querySelectorAll("mark[data-findings]").forEach(function (m) {
      var best = "";
      m.dataset.findings.split(" ").forEach(function (id) {
        var f = document.getElementById(id);
        if (f && !f.hidden && (!best || rank[f.dataset.severity] > rank[best])) { best = f.dataset.severity; }
      });
      m.dataset.shown = best;
    });
    document.querySelectorAll("tbody.segment").forEach(function (s) {
      s.hidden = only.checked && !s.querySelector(".finding:not([hidden])");
    });
    document.getElementById("shown-count").textContent = String(shown);
  }
  boxes.forEach(function (b) { b.addEventListener("change", apply); });
  only.addEventListener("change", apply);
  apply();
  document.documentElement.classList.add("scripted");  // the filters work: show them
})();
"""

TEMPLATE = """<!DOCTYPE html>
<html lang="en" dir="ltr">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{{ csp }}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="mtqa {{ version }}">
<title>mtqa report: {{ 'passed' if passed else 'failed' }}</title>
<style>
:root { --critical: #c81e1e; --critical-bg: #fbd0d0; --major: #b45309; --major-bg: #fde68a;
        --minor: #1d4ed8; --minor-bg: #c7dafc; --line: #d8dde3; --muted: #5b6470; }
body { font-family: system-ui, "Segoe UI", "DejaVu Sans", Arial, sans-serif; margin: 0 auto; max-width: 1500px;
       padding: 1rem 1.5rem 3rem; color: #1c2128; background: #fff; line-height: 1.5; }
h1 { font-size: 1.5rem; margin: 0 0 .25rem; } h2 { font-size: 1.15rem; margin: 1.5rem 0 .5rem; }
.verdict { display: inline-block; padding: .1rem .6rem; border-radius: .3rem; color: #fff; font-weight: 700; }
.verdict.passed { background: #15803d; } .verdict.failed { background: var(--critical); }
.cards { display: flex; flex-wrap: wrap; gap: .75rem; margin: 1rem 0; align-items: flex-start; }
.card { border: 1px solid var(--line); border-radius: .4rem; padding: .5rem .9rem; min-width: 7rem; }
.card b { display: block; font-size: 1.4rem; }
.card.critical b { color: var(--critical); } .card.major b { color: var(--major); } .card.minor b { color: var(--minor); }
.signature { color: var(--muted); font-size: .8rem; overflow-wrap: anywhere; }
fieldset { display: inline-block; border: 1px solid var(--line); border-radius: .4rem; margin: 0 .5rem .5rem 0; }
label { margin-right: .8rem; white-space: nowrap; }
table.segments { border-collapse: collapse; width: 100%; table-layout: fixed; }
table.segments th { text-align: start; background: #f3f5f7; border-bottom: 2px solid var(--line); padding: .3rem .5rem; }
table.segments td { vertical-align: top; padding: .45rem .5rem; border-top: 1px solid var(--line); overflow-wrap: anywhere; }
col.num { width: 3.5rem; } col.lines { width: 7.5rem; } col.score { width: 4.5rem; }
td.en { font-size: 1rem; }
td.ar { font-family: "Noto Naskh Arabic", "Amiri", "Segoe UI", Tahoma, "DejaVu Sans", serif; font-size: 1.15rem; text-align: right; }
.ref { color: var(--muted); font-size: .95rem; margin-top: .3rem; }
.empty { color: var(--muted); font-style: italic; }
.score.low { color: var(--critical); font-weight: 700; } .score.mid { color: var(--major); font-weight: 700; }
.score.high { color: #15803d; }
mark { background: none; color: inherit; border-radius: .15rem; padding: 0 .05rem; }
mark[data-shown="critical"] { background: var(--critical-bg); box-shadow: inset 0 -2px 0 var(--critical); }
mark[data-shown="major"] { background: var(--major-bg); box-shadow: inset 0 -2px 0 var(--major); }
mark[data-shown="minor"] { background: var(--minor-bg); box-shadow: inset 0 -2px 0 var(--minor); }
tr.findings td { border-top: none; padding-top: 0; }
ul.findings { margin: 0; padding-inline-start: 1.2rem; }
li.finding { margin: .2rem 0; }
.badge { display: inline-block; min-width: 4.2rem; text-align: center; border-radius: .25rem; color: #fff;
         font-size: .75rem; font-weight: 700; text-transform: uppercase; padding: 0 .3rem; }
.badge.critical { background: var(--critical); } .badge.major { background: var(--major); } .badge.minor { background: var(--minor); }
.spans { color: var(--muted); font-size: .9rem; }
bdi.tag { font-family: monospace; font-size: .75rem; color: var(--muted); background: #eef1f4; border-radius: .2rem; padding: 0 .15rem; }
.standing { color: var(--muted); font-style: italic; } ul.gate { color: var(--critical); margin: .3rem 0; }
bdi[lang="ar"] { font-family: "Noto Naskh Arabic", "Amiri", "Segoe UI", Tahoma, "DejaVu Sans", serif; }
svg text { font-size: 11px; fill: #1c2128; }
.bar.low { fill: var(--critical); } .bar.mid { fill: var(--major); } .bar.high { fill: #15803d; }
#filters { display: none; } .scripted #filters { display: block; }
@media print { #filters { display: none; } }
</style>
</head>
<body>
<header>
<h1>mtqa report <span class="verdict {{ 'passed' if passed else 'failed' }}">{{ 'PASSED' if passed else 'FAILED' }}</span></h1>
{% if gate_reasons %}
<ul class="gate">{% for reason in gate_reasons %}<li>{{ reason }}</li>{% endfor %}</ul>
{% endif %}
{% for doc in documents %}
<div>{% if doc.bitext %}<bdi>{{ doc.source }}</bdi>{% else %}<bdi>{{ doc.source }}</bdi> → <bdi>{{ doc.target }}</bdi>{% endif %}</div>
{% endfor %}
</header>
<section id="summary" aria-label="summary">
<div class="cards">
<div class="card"><b>{{ segment_count }}</b>segments</div>
<div class="card"><b>{{ mean_score }}</b>mean score</div>
{% for name, count in severities %}
<div class="card {{ name }}"><b id="count-{{ name }}">{{ count }}</b>{{ name }}</div>
{% endfor %}
<figure class="card" style="margin:0">
<svg id="histogram" role="img" aria-label="histogram of segment scores" width="{{ histogram.width }}" height="{{ histogram.height }}" viewBox="0 0 {{ histogram.width }} {{ histogram.height }}">
<line x1="28" y1="{{ histogram.axis }}" x2="{{ histogram.width - 16 }}" y2="{{ histogram.axis }}" stroke="#5b6470"/>
<text x="0" y="18">{{ histogram.top }}</text>
{% for bar in histogram.bars %}
<rect class="bar {{ bar.band }}" x="{{ bar.x }}" y="{{ bar.y }}" width="{{ bar.width }}" height="{{ bar.height }}"><title>score {{ bar.label }}+: {{ bar.count }} segments</title></rect>
<text x="{{ bar.x }}" y="{{ histogram.axis + 14 }}">{{ bar.label }}</text>
{% if bar.count %}<text x="{{ bar.x + 2 }}" y="{{ bar.y - 2 }}">{{ bar.count }}</text>{% endif %}
{% endfor %}
</svg>
<figcaption>segment scores (0-100)</figcaption>
</figure>
</div>
<div id="filters" role="group" aria-label="filters">
<fieldset><legend>severity</legend>
{% for name, count in severities %}
<label><input type="checkbox" data-filter="severity" value="{{ name }}" checked> <span class="badge {{ name }}">{{ name }}</span> {{ count }}</label>
{% endfor %}
</fieldset>
<fieldset><legend>category</legend>
{% for name, count in categories %}
<label><input type="checkbox" data-filter="category" value="{{ name }}" checked> {{ name }} {{ count }}</label>
{% else %}
<span class="empty">no findings</span>
{% endfor %}
</fieldset>
<fieldset><legend>segments</legend>
<label><input type="checkbox" id="only-findings"> only segments with findings</label>
<span><span id="shown-count">{{ severities | sum(attribute=1) }}</span> findings shown</span>
</fieldset>
</div>
{% if failures %}
<h2>Checks that crashed (results are incomplete)</h2>
<ul>{% for failure in failures %}<li>{{ failure }}</li>{% endfor %}</ul>
{% endif %}
</section>
{% for doc in documents %}
<h2>{% if doc.bitext %}<bdi>{{ doc.source }}</bdi>{% else %}<bdi>{{ doc.target }}</bdi>{% endif %}</h2>
<table class="segments">
<colgroup><col class="num"><col class="lines"><col class="score"><col><col></colgroup>
<thead><tr><th>#</th><th>{{ 'row' if doc.bitext else 'lines' }}</th><th>score</th><th>English</th><th dir="rtl" lang="ar" style="text-align:right">العربية (Arabic)</th></tr></thead>
{% for seg in doc.segments %}
<tbody class="segment" id="segment-{{ loop.index }}" data-segment="{{ seg.id }}">
<tr>
<td>{{ seg.id }}</td>
<td>{{ seg.lines }}</td>
<td class="score {{ seg.band }}">{{ seg.score }}</td>
<td class="en" lang="en" dir="ltr">{% for p in seg.src %}{% if p.tag %}<bdi class="tag" dir="ltr">{{ p.text }}</bdi>{% elif p.findings %}<mark data-findings="{{ p.findings | join(' ') }}" data-shown="{{ p.severity }}" title="{{ p.title }}">{{ p.text }}</mark>{% else %}{{ p.text }}{% endif %}{% else %}<span class="empty">(no English)</span>{% endfor %}</td>
<td class="ar" lang="ar" dir="rtl">{% for p in seg.mt %}{% if p.tag %}<bdi class="tag" dir="ltr">{{ p.text }}</bdi>{% elif p.findings %}<mark data-findings="{{ p.findings | join(' ') }}" data-shown="{{ p.severity }}" title="{{ p.title }}">{{ p.text }}</mark>{% else %}{{ p.text }}{% endif %}{% else %}<span class="empty" dir="ltr" lang="en">(no Arabic)</span>{% endfor %}
{% if seg.ref is not none %}<div class="ref"><span lang="en" dir="ltr">reference:</span> {{ seg.ref }}</div>{% endif %}</td>
</tr>
{% if seg.findings %}
<tr class="findings"><td colspan="3"></td><td colspan="2">
<ul class="findings">
{% for f in seg.findings %}
<li class="finding" id="{{ f.id }}" data-severity="{{ f.severity }}" data-category="{{ f.category }}">
<span class="badge {{ f.severity }}">{{ f.severity }}</span> <code>{{ f.code }}</code> {{ f.check }} · {{ f.category }}{% if f.standing %} <span class="standing">[{{ f.standing }}]</span>{% endif %}:
<span class="message">{% for text, arabic in f.message %}{% if arabic %}<bdi lang="ar" dir="rtl">{{ text }}</bdi>{% else %}{{ text }}{% endif %}{% endfor %}</span>
{% if f.english or f.arabic or f.suggestion %}
<div class="spans">{% if f.english %}English: «<bdi lang="en" dir="ltr">{{ f.english }}</bdi>» {% endif %}{% if f.arabic %}Arabic: «<bdi lang="ar" dir="rtl">{{ f.arabic }}</bdi>» {% endif %}{% if f.suggestion %}suggestion: <bdi class="suggestion">{{ f.suggestion }}</bdi>{% endif %}</div>
{% endif %}
</li>
{% endfor %}
</ul>
</td></tr>
{% endif %}
</tbody>
{% endfor %}
</table>
{% if doc.hidden %}<p class="empty">{{ doc.hidden }} segments without findings are not shown (--show findings).</p>{% endif %}
{% endfor %}
<footer class="signature">mtqa {{ version }} · signature: {{ signature }}</footer>
<script>{{ script }}</script>
</body>
</html>
"""
