"""Headless Chromium for the HTML report tests (Debian's chromium package, /usr/bin/chromium).

`require_chromium()` fails when the browser is missing in CI (CI=true: .ci/run installs it), and
skips with the reason elsewhere. Each call gets a fresh profile folder and no network features.
"""

from __future__ import annotations

import html
import json
import os
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

CHROMIUM_FLAGS = (
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync", "--hide-scrollbars",
)
PROBE_RESULT = re.compile(r'<pre id="probe-result">(.*?)</pre>', re.DOTALL)
CSP_META = re.compile(r'<meta http-equiv="Content-Security-Policy"[^>]*>\n?')


def require_chromium() -> str:
    path = shutil.which("chromium") or ("/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None)
    if path is None:
        reason = "Debian's chromium is not installed (/usr/bin/chromium): .ci/run installs it with apt-get"
        if os.environ.get("CI") == "true":
            pytest.fail(reason + "; in CI the browser tests must run")
        pytest.skip(reason)
    return path


def _run(args: list[str]) -> str:
    with tempfile.TemporaryDirectory(prefix="mtqa-chromium-") as profile:
        done = subprocess.run(
            [require_chromium(), *CHROMIUM_FLAGS, f"--user-data-dir={profile}", *args],
            capture_output=True, text=True, timeout=120, check=False,
        )
    assert done.returncode == 0, f"chromium failed ({done.returncode}): {done.stderr[-2000:]}"
    return done.stdout


def dump_dom(page: Path) -> str:
    """The DOM after the page loaded and its scripts and event handlers ran, serialised."""
    return _run(["--virtual-time-budget=3000", "--dump-dom", page.resolve().as_uri()])


def screenshot(page: Path, png: Path, width: int, height: int) -> Path:
    _run([f"--window-size={width},{height}", f"--screenshot={png}", page.resolve().as_uri()])
    return png


def with_probe(page_html: str, probe_js: str) -> str:
    """The page without its Content-Security-Policy (so the probe may run) and with a script that,
    on load, writes JSON.stringify(probe_js's value) into <pre id="probe-result">."""
    script = (
        "<script>window.addEventListener('load', function () { setTimeout(function () {"
        "var pre = document.createElement('pre'); pre.id = 'probe-result';"
        f"pre.textContent = JSON.stringify((function () {{ {probe_js} }})());"
        "document.body.appendChild(pre); }, 0); });</script>"
    )
    without_csp = CSP_META.sub("", page_html, count=1)
    assert without_csp != page_html, "the report has no Content-Security-Policy meta tag"
    return without_csp.replace("</body>", script + "</body>")


def probe(page_html: str, probe_js: str, folder: Path) -> object:
    """Run `probe_js` (a function body returning a JSON-able value) in the loaded page."""
    page = folder / "probed.html"
    page.write_text(with_probe(page_html, probe_js), encoding="utf-8")
    match = PROBE_RESULT.search(dump_dom(page))
    assert match, "the probe did not report (the page's scripts did not run)"
    return json.loads(html.unescape(match.group(1)))
