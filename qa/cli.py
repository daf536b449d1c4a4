"""The `mtqa` command. The only module that imports click.

Library code raises qa.errors.*; here each becomes one line on stderr and an exit code:
0 passed, 1 findings at or above --fail-on, 2 usage or input error, 3 a check crashed (the
report is still written). Heavy modules (the pipeline, encoders, checks) are imported inside
the commands, so `mtqa --help` loads no model and no torch.
"""

from __future__ import annotations

import os
import shutil
import sys
import traceback

import click

from qa import __version__
from qa.errors import MtqaError, UsageError
from qa.render import RENDERERS
from qa.render.options import SHOW_CHOICES

EXIT_PASSED, EXIT_FINDINGS, EXIT_USAGE, EXIT_CRASHED = 0, 1, 2, 3
FAIL_ON = ("critical", "major", "minor", "never")
DEFAULT_MODEL = "use-m3"  # == metrics.encoders.DEFAULT_MODEL (tests/test_cli.py pins it); not imported: no numpy for --help


def _fail(message: str, code: int) -> None:
    click.echo(f"mtqa: error: {message}", err=True)
    sys.exit(code)


class MtqaGroup(click.Group):
    """Turns every expected error into one line on stderr and an exit code, never a traceback."""

    def main(self, args=None, prog_name=None, complete_var=None, standalone_mode=True, **extra):
        try:
            code = super().main(args, prog_name or "mtqa", complete_var, standalone_mode=False, **extra)
        except MtqaError as exc:
            _fail(str(exc), exc.exit_code)
        except click.exceptions.NoArgsIsHelpError as exc:  # plain `mtqa`: the help, as click shows it
            click.echo(exc.format_message(), err=True)
            sys.exit(EXIT_USAGE)
        except click.UsageError as exc:  # click's own: an unknown option, a bad choice, a missing value
            hint = f" (see '{exc.ctx.command_path} --help')" if exc.ctx is not None else ""
            _fail(exc.format_message() + hint, EXIT_USAGE)
        except click.ClickException as exc:
            _fail(exc.format_message(), exc.exit_code)
        except click.Abort:
            _fail("interrupted", 130)
        except BrokenPipeError:
            # The reader went away (`mtqa checks | head`): not an error; keep Python from complaining.
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
            sys.exit(EXIT_PASSED)
        except Exception:  # noqa: BLE001 - a bug in mtqa itself: show it, and exit as a crash, not as "findings"
            traceback.print_exc()
            _fail("mtqa crashed (a bug: please report it with the traceback above)", EXIT_CRASHED)
        sys.exit(code if isinstance(code, int) else EXIT_PASSED)


@click.group(name="mtqa", cls=MtqaGroup, context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, prog_name="mtqa", message="%(prog)s %(version)s")
def main() -> None:
    """Quality checks for English-to-Arabic machine-translated news.

    Aligns the Arabic MT with its English source sentence by sentence, checks names, negation,
    numbers, omissions and untranslated text, scores every sentence and reports.
    """


def _split(values: str) -> tuple[str, ...]:
    return tuple(v.strip() for v in values.split(",") if v.strip())


@main.command("check")
@click.argument("inputs", nargs=-1, metavar="SOURCE TARGET | BITEXT")
@click.option("--ref", "reference", metavar="FILE", help="A reference (human) translation of SOURCE: adds chrF, BLEU and TER.")
@click.option("-f", "--format", "fmt", type=click.Choice(sorted(RENDERERS)), default="text", show_default=True, help="Report format.")
@click.option("-o", "--output", metavar="FILE", help="Write the report to FILE (atomically) instead of stdout.")
@click.option(
    "--fail-on", type=click.Choice(FAIL_ON), default="critical", show_default=True,
    help="Exit 1 when a finding is at least this severe.",
)
@click.option("--model", default=DEFAULT_MODEL, show_default=True, metavar="use-m3|st:PATH", help="Sentence encoder.")
@click.option("--select", default="", metavar="CODES", help="Run only these checks (comma-separated codes, prefixes, names or categories).")
@click.option("--ignore", default="", metavar="CODES", help="Skip these checks (same forms as --select).")
@click.option("--glossary", metavar="FILE.tsv", help="Required term renderings: TSV with a header row en, ar, optional note.")
@click.option(
    "--encoding", default="auto", show_default=True,
    help="Encoding of the input files. auto: a byte order mark, else UTF-8, else an Arabic code page (cp1256) when the bytes read as Arabic.",
)
@click.option(
    "--max-segment-chars", type=click.IntRange(min=1), default=5000, show_default=True, metavar="N",
    help="Refuse input with a sentence (or bitext row) longer than N characters.",
)
@click.option("--show", type=click.Choice(SHOW_CHOICES), default="all", show_default=True, help="Text report: every segment, or only those with findings.")
@click.option("--config", "config_file", metavar="FILE", help="Settings file (default: ./mtqa.toml, else [tool.mtqa] in ./pyproject.toml); flags override it.")
@click.option("--min-score", type=float, metavar="X", help="Exit 1 when the mean segment score (summary.score, 0-100) is below X.")
@click.option("--max-findings", multiple=True, metavar="CATEGORY=N", help="Exit 1 when a category (or 'total') has more than N findings; repeatable.")
@click.option("--baseline", metavar="REPORT.json", help="Fail only on findings not in this earlier JSON report (matched by text, not line).")
@click.option("--suppressions", metavar="FILE.toml", help="Accepted findings, each with a reason ([[suppress]] tables), never failing the run.")
@click.option("--manifest", metavar="FILE.tsv", help="Check the documents listed in FILE (TSV: source, target, optional reference).")
@click.option("-j", "--jobs", type=click.IntRange(min=1), metavar="N", help="Use N processes: N documents at a time (a folder, a manifest), or N for the checks of one input  [default: the cores].")
@click.option("--resume", is_flag=True, help="With --format jsonl --output FILE: skip the documents FILE already holds, append the rest.")
@click.option(
    "--engine", type=click.Choice(("local", "ray")), default="local", show_default=True,
    help="Run here, or on Ray: bitext shards (files, folders, globs) in, result shards in the -o folder out (docs/scale.md).",
)
@click.option("--address", metavar="ADDR", help="--engine ray: the Ray cluster to join (default: start a local instance).")
@click.option("--workers", type=click.IntRange(min=1), metavar="N", help="--engine ray: checking actors (default: one per CPU).")
@click.option("--results", "results_format", type=click.Choice(("jsonl", "parquet")), default="jsonl", show_default=True, help="--engine ray: result shard format.")
def check_command(inputs, reference, fmt, output, fail_on, model, select, ignore, glossary, encoding, max_segment_chars, show,
                  config_file, min_score, max_findings, baseline, suppressions, manifest, jobs, resume,
                  engine, address, workers, results_format) -> int:
    """Check an Arabic MT against its English source.

    \b
    Two documents:  mtqa check SOURCE.en.txt TARGET.ar.txt [--ref REFERENCE.ar.txt]
                    (UTF-8 plain text, one paragraph per line; sentences are aligned)
    One bitext:     mtqa check PAIRS.jsonl   (keys src, mt, optional ref, id)
                    mtqa check PAIRS.tsv     (a header row naming those columns)
                    mtqa check PAIRS.csv     (the same, comma-separated, CSV quoting)
                    mtqa check FILE.xlf|.xliff|.tmx|.po  (XLIFF 1.2/2.0, TMX, PO: en→ar segments)
    A batch:        mtqa check DIR           (NAME.en.txt + NAME.ar.txt [+ NAME.ref.ar.txt],
                                              each bitext file; see docs/batches.md)
                    mtqa check --manifest FILE.tsv

    Exit codes: 0 passed, 1 the gate failed (findings at or above --fail-on, --min-score,
    --max-findings, counting only findings not in --baseline and not suppressed), 2 usage or
    input error, 3 a check crashed (the report is still written).
    """
    from qa.config import Config
    from qa.model import Severity
    from qa.render import RenderOptions, render
    from qa.textio import (
        check_encoding,
        check_writable,
        read_bitext,
        read_glossary,
        write_atomic,
    )

    if engine == "local" and (address or workers):
        raise UsageError("--address and --workers go with --engine ray")
    if engine == "ray" and reference is not None:
        raise UsageError("--engine ray checks bitext shards: give each row a 'ref' instead of --ref")
    if engine == "ray" and (manifest is not None or jobs is not None or resume):
        raise UsageError("--manifest, --jobs and --resume go with the local engine; --engine ray takes shards and --workers")
    if engine == "local" and len(inputs) not in (1, 2) and manifest is None:
        raise UsageError(
            f"expected SOURCE TARGET (two documents), one bitext or translation file, or a folder, got {len(inputs)} paths: "
            "see 'mtqa check --help'"
        )
    if reference is not None and len(inputs) == 1 and not os.path.isdir(inputs[0]):
        raise UsageError("--ref works with two documents; in a bitext file give each row a 'ref' instead")
    check_encoding(encoding)
    if output is not None and engine == "local":
        check_writable(output)
    from qa.configfile import effective, find_config, load_config
    from qa.gate import apply_gate
    from qa.gatefiles import gate_options

    settings_file = find_config(config_file)
    file = load_config(settings_file) if settings_file else None
    ctx = click.get_current_context()
    cli = {"model": model, "select": _split(select), "ignore": _split(ignore), "fail-on": fail_on, "glossary": glossary,
           "min-score": min_score, "max-findings": tuple(max_findings), "baseline": baseline, "suppressions": suppressions}
    given = {key for key in cli if ctx.get_parameter_source(key.replace("-", "_")) == click.core.ParameterSource.COMMANDLINE}
    run = effective(cli, given, file)
    fail_level = None if run["fail-on"] == "never" else Severity(run["fail-on"])
    config = Config(
        model=run["model"],
        select=run["select"],
        ignore=run["ignore"],
        fail_on=fail_level,
        glossary=read_glossary(run["glossary"], encoding) if run["glossary"] else (),
        settings=dict(file.settings) if file else {},
        severities=dict(file.severity) if file else {},
        max_segment_chars=max_segment_chars,
    )
    if engine == "ray":
        if run["min-score"] is not None or run["max-findings"] or run["baseline"] or run["suppressions"]:
            raise UsageError("--engine ray gates on --fail-on only: --min-score, --max-findings, --baseline and --suppressions need the local engine")
        from qa.engines.ray_cli import run_for_cli

        document, account = run_for_cli(
            inputs, output, config, address=address, workers=workers, results=results_format, encoding=encoding
        )
        click.echo(account, nl=False)
        return EXIT_CRASHED if document["failures"] else EXIT_PASSED if document["summary"]["passed"] else EXIT_FINDINGS
    gate = gate_options(fail_level, run["min-score"], run["max-findings"], run["baseline"], run["suppressions"])
    # Every input is read and validated before the encoder loads: a bad row fails in milliseconds.
    from qa.batch_cli import is_batch

    resumed = 0
    if is_batch(inputs, manifest, fmt, resume):  # a folder, a manifest, a stream: qa/batch_cli.py
        from qa.batch_cli import run_batch

        report, resumed = run_batch(inputs, manifest, reference, fmt, output, config, encoding, jobs, resume)
    elif len(inputs) == 2:
        from qa.pipeline import check_documents

        report = check_documents(inputs[0], inputs[1], reference, config, encoding=encoding, processes=jobs)
    else:
        from qa.pipeline import check_pairs

        report = check_pairs(read_bitext(inputs[0], encoding), config, source=inputs[0], processes=jobs)
    report = apply_gate(report, gate)
    if fmt == "jsonl":  # streamed while checking; stdout may be the stream, so the summary goes to stderr
        from qa.batch_cli import summary_line

        click.echo("mtqa: " + summary_line(report, resumed, output), err=True)
        return exit_code(report)

    to_terminal = output is None and sys.stdout.isatty()
    options = RenderOptions(
        color=to_terminal and "NO_COLOR" not in os.environ,
        width=shutil.get_terminal_size().columns if to_terminal else None,
        show=show,
        fail_on=config.fail_on,
    )
    rendered = render(report, fmt, options)
    if output is None:
        click.echo(rendered, nl=False)
    else:
        write_atomic(output, rendered)
    return exit_code(report)


def exit_code(report) -> int:
    """3 when a check crashed (the results are incomplete), else 1 when the run failed, else 0."""
    if report.failures:
        crashed = sorted({f"{f.code} {f.check}" for f in report.failures})
        click.echo(
            f"mtqa: warning: {len(report.failures)} check crash(es) ({', '.join(crashed)}); "
            "the report lists them under failures",
            err=True,
        )
        return EXIT_CRASHED
    return EXIT_PASSED if report.summary.get("passed") else EXIT_FINDINGS


@main.command("check-each", context_settings={"ignore_unknown_options": True, "allow_interspersed_args": False})
@click.argument("args", nargs=-1, type=click.UNPROCESSED, metavar="[CHECK OPTIONS] FILE...")
def check_each_command(args) -> int:
    """Check each bitext file on its own, as `mtqa check FILE` would (for pre-commit hooks).

    Takes every option of `mtqa check`; the model loads once. The exit code is the worst of the
    files' (a file that cannot be read is reported and the others are still checked).
    """
    ctx = check_command.make_context("mtqa check-each", list(args))
    files, params = ctx.params.pop("inputs"), ctx.params
    if not files:
        raise UsageError("no files to check: mtqa check-each [CHECK OPTIONS] FILE...")
    worst = EXIT_PASSED
    with ctx:
        for path in files:
            try:
                # the callback in the parsed context, so flags given keep their source (they override a config file)
                code = ctx.invoke(check_command.callback, inputs=(path,), **params)
            except MtqaError as exc:
                click.echo(f"mtqa: error: {exc}", err=True)
                code = exc.exit_code
            worst = max(worst, code)
    return worst


@main.command("checks")
def checks_command() -> int:
    """List the registered checks: code, name, category and title."""
    from qa.checks.registry import all_checks

    rows = [(c.code, c.name, c.category.value, c.title) for c in all_checks()]
    header = ("code", "name", "category", "title")
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(3)]
    for row in [header, *rows]:
        click.echo("  ".join(cell.ljust(width) for cell, width in zip(row[:3], widths)) + "  " + row[3])
    return EXIT_PASSED


def console() -> None:
    """The `mtqa` command: main(), then the process ends without the interpreter's teardown.

    After a large run, freeing the lexicons, caches and vectors one object at a time takes 0.3-0.5 s
    (measured on NTREX, docs/benchmarks.md), and by then the report is written and closed. A run
    that started Ray exits the normal way, so that Ray's exit handlers stop what it started.
    """
    try:
        main()
        code = EXIT_PASSED
    except SystemExit as exc:
        code = exc.code
    if "ray" in sys.modules or not (code is None or isinstance(code, int)):
        sys.exit(code)
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):  # a closed pipe or stream: nothing more can reach it
            pass
    os._exit(code or 0)


if __name__ == "__main__":  # pragma: no cover
    console()
