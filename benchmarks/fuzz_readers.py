"""Coverage-guided fuzzing (atheris/libFuzzer) of every reader of user files. Not part of CI.

    nice -n 10 python -m benchmarks.fuzz_readers text --seconds 600      # one reader
    nice -n 10 python -m benchmarks.fuzz_readers text jsonl --seconds 600 # these readers in turn
    nice -n 10 python -m benchmarks.fuzz_readers all --seconds 600       # every reader in turn

A reader may refuse its input only with qa.errors.MtqaError (one line, exit 2 in the CLI); any
other exception, a hang past --timeout seconds, or a broken invariant is a crash: libFuzzer stops
and writes the input to $MTQA_FUZZ_DIR (default /tmp/mtqa-fuzz)/crash-*. Every target also encodes what it read as UTF-8
JSON, as the report writer does, so text a report could not hold (lone surrogates) is a crash.
Each run's figures (executions, seconds, crashes) are appended to $MTQA_FUZZ_DIR/results.jsonl.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import atheris

with atheris.instrument_imports(include=["qa", "translate", "defusedxml"]):
    from qa.errors import MtqaError
    from qa.formats import csvfile, po, tmx, xliff  # noqa: F401 - imported here to be instrumented
    from qa.segment import segment_lines
    from qa.textio import read_bitext, read_document, read_glossary

HERE = Path(__file__).resolve().parent
OUT = Path(os.environ.get("MTQA_FUZZ_DIR", Path(tempfile.gettempdir()) / "mtqa-fuzz"))  # corpus, crashes, results
SCRATCH = Path("/dev/shm") if Path("/dev/shm").is_dir() else Path(tempfile.gettempdir())

SEEDS = {
    "text": [
        "The talks will resume on Monday. Mr. Smith said \"no.\"\n\nU.S. officials met in Kyiv.\n",
        "ستستأنف المحادثات يوم الاثنين. قال د. محمد «لن نتراجع.»\n",
        "\ufeffa\u200fb\u202ec\u200bd \ufefb\ufe8d 😀\r\n",
    ],
    "jsonl": [
        '{"src": "The talks resume.", "mt": "ستستأنف المحادثات.", "id": "a"}\n{"src": "x", "mt": "y", "ref": null}\n',
        '{"src": "\\ud83d\\ude00", "mt": "\\u0627", "id": 3}\n',
    ],
    "tsv": ["src\tmt\tref\tid\nThe talks resume.\tستستأنف المحادثات.\t\ta\n", "mt\tsrc\n\"q\"\t'x'\n"],
    "glossary": ["en\tar\tnote\nGeneva\tجنيف\t\n# comment\nKyiv\tكييف\tcity\n"],
    "xliff": [
        ('<?xml version="1.0" encoding="UTF-8"?>\n<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">'
        '<file original="a.txt" source-language="en" target-language="ar" datatype="plaintext"><body>'
        '<trans-unit id="1"><source>Talks in <g id="1">Kyiv</g> resume.</source><target>تستأنف المحادثات في <g id="1">كييف</g>.</target></trans-unit>'
        '<trans-unit id="2"><source>No &amp; yes</source><target>لا</target></trans-unit></body></file></xliff>\n'),
        ('<?xml version="1.0" encoding="UTF-8"?>\n<xliff version="2.0" xmlns="urn:oasis:names:tc:xliff:document:2.0" srcLang="en-US" trgLang="ar">'
        '<file id="f1"><unit id="u1"><segment><source>The <pc id="1">US</pc> agreed.</source><target>وافقت <pc id="1">الولايات المتحدة</pc>.</target>'
        '</segment></unit></file></xliff>\n'),
    ],
    "tmx": [
        ('<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4"><header creationtool="x" creationtoolversion="1" segtype="sentence" '
        'o-tmf="none" adminlang="en" srclang="en" datatype="plaintext"/><body><tu tuid="1"><tuv xml:lang="en"><seg>Talks '
        '<bpt i="1">&lt;b&gt;</bpt>resume<ept i="1">&lt;/b&gt;</ept>.</seg></tuv><tuv xml:lang="ar-SA"><seg>تستأنف المحادثات.</seg></tuv></tu></body></tmx>\n'),
    ],
    "po": [
        ('msgid ""\nmsgstr ""\n"Language: ar\\n"\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n#: a.txt:1\nmsgctxt "s1"\n'
        'msgid "The talks resume."\nmsgstr "تستأنف المحادثات."\n\nmsgid "One file"\nmsgid_plural "%d files"\nmsgstr[0] "ملف"\nmsgstr[1] "ملفان"\n'),
    ],
    "csv": ['src,mt,id\n"He said ""no"".",قال لا,a\nThe talks resume.,تستأنف المحادثات.,b\n'],
}


def _roundtrip(texts) -> None:
    """What a report does with the text it read: JSON, written as UTF-8."""
    json.dumps(list(texts), ensure_ascii=False).encode("utf-8")


def _text(path: Path) -> None:
    lines = read_document(path, "auto")
    for lang in ("en", "ar"):
        for number, line in enumerate(lines):
            kept = "".join(s.text for s in segment_lines([line], lang))
            if re.sub(r"\s+", "", kept) != re.sub(r"\s+", "", line):
                raise AssertionError(f"segmentation lost text on line {number}: {line!r}")
    _roundtrip(lines)


def _bitext(path: Path) -> None:
    pairs = list(read_bitext(path, "auto"))
    _roundtrip([t for p in pairs for t in (p.id, p.src, p.mt, p.ref or "")])


def _glossary(path: Path) -> None:
    _roundtrip([t for row in read_glossary(path, "auto") for t in row])


TARGETS = {
    "text": (".txt", _text), "jsonl": (".jsonl", _bitext), "tsv": (".tsv", _bitext), "glossary": (".tsv", _glossary),
    "xliff": (".xlf", _bitext), "tmx": (".tmx", _bitext), "po": (".po", _bitext), "csv": (".csv", _bitext),
}


def fuzz_one(reader: str) -> None:
    """The libFuzzer loop for one reader, in this process (argv after the reader goes to libFuzzer)."""
    suffix, target = TARGETS[reader]
    fd, name = tempfile.mkstemp(dir=SCRATCH, prefix="mtqa-fuzz-", suffix=suffix)
    os.close(fd)
    path = Path(name)

    def test_one_input(data: bytes) -> None:
        path.write_bytes(data)
        try:
            target(path)
        except MtqaError:
            pass

    logging.getLogger("mtqa").setLevel(logging.ERROR)  # no "read as cp1256" note per input
    atheris.Setup([sys.argv[0], *sys.argv[2:]], test_one_input)
    try:
        atheris.Fuzz()
    finally:
        path.unlink(missing_ok=True)


def run(reader: str, seconds: int, timeout: int) -> dict:
    """One reader's fuzzing in child processes; its figures from libFuzzer's final stats.

    A crash stops libFuzzer: the input is kept, and a new child goes on for the time left (the
    corpus carries over), so a reader is fuzzed for `seconds` whatever it finds.
    """
    corpus = OUT / "corpus" / reader
    corpus.mkdir(parents=True, exist_ok=True)
    for i, seed in enumerate(SEEDS[reader]):
        (corpus / f"seed-{i}").write_text(seed, encoding="utf-8")
    started = time.time()
    executions, crashes, children = 0, [], 0
    while (left := int(seconds - (time.time() - started))) > 5 and len(crashes) < 20:
        args = [
            sys.executable, "-m", "benchmarks.fuzz_readers", "--child", reader,
            f"-max_total_time={left}", f"-timeout={timeout}", "-max_len=8192", "-rss_limit_mb=2048",
            "-print_final_stats=1", f"-artifact_prefix={OUT}/crash-{reader}-", str(corpus),
        ]
        proc = subprocess.run(args, check=False, capture_output=True, text=True, cwd=HERE.parent)
        children += 1
        stats = dict(re.findall(r"^stat::(\w+):\s*(\d+)", proc.stderr, re.MULTILINE))
        executions += int(stats.get("number_of_executed_units", 0))
        found = re.findall(r"Test unit written to (\S+)", proc.stderr)
        if found:
            crashes += found
            with (OUT / f"crash-{reader}.log").open("a", encoding="utf-8") as log:
                log.write(proc.stderr[-8000:])
        elif proc.returncode != 0:
            raise SystemExit(f"fuzzer for {reader} failed (exit {proc.returncode}):\n{proc.stderr[-3000:]}")
        else:
            break
    result = {
        "reader": reader,
        "seconds": round(time.time() - started),
        "executions": executions,
        "children": children,
        "corpus_files": len(list(corpus.iterdir())),
        "crashes": crashes,
        "finished": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
    }
    with (OUT / "results.jsonl").open("a", encoding="utf-8") as handle:
        handle.write(json.dumps(result) + "\n")
    return result


def main() -> None:
    if len(sys.argv) > 2 and sys.argv[1] == "--child":
        sys.argv.pop(1)
        fuzz_one(sys.argv[1])
        return
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("readers", nargs="+", choices=[*TARGETS, "all"])
    parser.add_argument("--seconds", type=int, default=600, help="fuzzing time per reader")
    parser.add_argument("--timeout", type=int, default=10, help="seconds one input may take before it counts as a hang")
    args = parser.parse_args()
    OUT.mkdir(exist_ok=True)
    for reader in TARGETS if "all" in args.readers else args.readers:
        print(json.dumps(run(reader, args.seconds, args.timeout)), flush=True)


if __name__ == "__main__":
    main()
