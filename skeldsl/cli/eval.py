"""``skel eval``: run candidate solutions against tests in the sandbox and report efficiency metrics."""

from __future__ import annotations

import gzip
import importlib.util
import io
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

import click

from skeldsl.errors import EvalRecordError, SkelError

SCHEMA_HELP = """
\b
INPUT is JSON Lines (optionally .gz; '-' for stdin), one problem per line:
  {"problem_id": str, "candidates": [code, ...],
   "baseline": code | [code, ...]            (optional; or from --baseline),
   "references": [code, ...]                 (optional; timed here, for Beyond),
   "reference_runtimes": [seconds, ...]      (optional, for Beyond),
   and ONE kind of tests:
   "tests": [{"input": str, "output": str}, ...]         stdin/stdout programs
        ("float_tolerance": 1e-6 optional),
   "prompt": code, "entry_point": "Solution().f", "test": "def check(candidate): ..."
                                                        call-based, whole check() timed,
   "prompt": code, "entry_point": "f", "setup": "cases = [...]; expected = [...]"
                                                        call-based, only calls timed}
\b
--baseline FILE: JSON Lines of {"problem_id": str, "baseline" | "candidates": [code, ...]}; it sets
the baseline set of the problems it names.
\b
Output (--output): one JSON record per input record, errors included. Exit status: 0 all records
evaluated, 1 some records were malformed, 2 usage error.
"""


def _open_text(path: str) -> IO[str]:
    if path == "-":
        return io.TextIOWrapper(sys.stdin.buffer, encoding="utf-8", errors="replace")
    if path.endswith(".gz"):
        return gzip.open(path, "rt", encoding="utf-8", errors="replace")
    return open(path, encoding="utf-8", errors="replace")


def _read_records(path: str) -> Iterator[tuple[int, Any]]:
    """(line number, parsed JSON or the SkelError describing why it is not JSON) for each non-blank line."""
    with _open_text(path) as handle:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            try:
                yield number, json.loads(line)
            except ValueError as exc:
                yield number, EvalRecordError(f"invalid JSON: {exc}", path=path, line=number)


def _read_baselines(path: str) -> dict[str, tuple[str, ...]]:
    baselines: dict[str, tuple[str, ...]] = {}
    for number, record in _read_records(path):
        where = f"{path}:{number}"
        if isinstance(record, SkelError):
            raise click.BadParameter(f"{where}: {record.message}", param_hint="--baseline")
        if not isinstance(record, dict) or "problem_id" not in record:
            raise click.BadParameter(f"{where}: a record needs `problem_id`", param_hint="--baseline")
        codes = record.get("baseline", record.get("candidates"))
        if isinstance(codes, str):
            codes = [codes]
        if not isinstance(codes, list) or not all(isinstance(c, str) for c in codes):
            raise click.BadParameter(
                f"{where}: `baseline` must be a list of code strings", param_hint="--baseline"
            )
        baselines[str(record["problem_id"])] = tuple(codes)
    return baselines


def _fmt(value: float | None, pattern: str) -> str:
    """``value`` formatted with ``pattern``; a dash (padded to the same width) when missing."""
    width = "".join(ch for ch in pattern.split(".")[0] if ch.isdigit())
    return format("-", f">{width}") if value is None else format(value, pattern)


def _table_row(result) -> str:
    if result.error is not None:
        return (
            f"{(result.problem_id or '-')[:24]:<24} ERROR line {result.line}: {result.error['message'][:60]}"
        )
    failures = sorted({r.status for r in result.candidates if not r.passed})
    return (
        f"{result.problem_id[:24]:<24} {result.c:>3}/{result.n:<3} {_fmt(result.time_s, '>10.3g')} "
        f"{_fmt(result.baseline_time_s, '>10.3g')} {_fmt(result.speedup, '>8.2f')} {_fmt(result.beyond, '>6.2f')} "
        f"{','.join(failures)}"
    )


@click.command("eval", epilog=SCHEMA_HELP)
@click.argument("input_path", metavar="INPUT", type=click.Path(dir_okay=False, allow_dash=True))
@click.option(
    "--baseline",
    "baseline_path",
    type=click.Path(exists=True, dir_okay=False),
    help="JSON Lines of baseline solutions per problem_id.",
)
@click.option(
    "--runs",
    default=30,
    show_default=True,
    type=click.IntRange(min=1),
    help="Timed repetitions per candidate.",
)
@click.option(
    "--warmup",
    default=1,
    show_default=True,
    type=click.IntRange(min=0),
    help="Checked but untimed runs before the timed ones (absorb module imports).",
)
@click.option(
    "--fresh",
    is_flag=True,
    help="Run every timed repetition in a new process, so module imports are timed (slower).",
)
@click.option(
    "--fresh-per-test",
    is_flag=True,
    help="Like --fresh, but every test of every run in its own process, as judges run programs "
    "(stdin/stdout problems; others run as with --fresh).",
)
@click.option(
    "--clock",
    default="wall",
    show_default=True,
    type=click.Choice(["wall", "cpu"]),
    help="Time with the wall clock or the child's CPU time (what judges charge; robust to machine load).",
)
@click.option(
    "--add-startup",
    is_flag=True,
    help="Add an empty program's start-up (same sandbox and clock, measured in this run) to every test: "
    "whole-program times, as judges and PIE measure.",
)
@click.option(
    "--timeout",
    default=4.0,
    show_default=True,
    type=click.FloatRange(min=0, min_open=True),
    help="Seconds per run (all tests of one repetition).",
)
@click.option(
    "--statistic",
    default="mean",
    show_default=True,
    type=click.Choice(["mean", "median", "min", "hl"]),
    help="How repeated runs are combined.",
)
@click.option(
    "--jobs",
    "-j",
    default=1,
    show_default=True,
    type=click.IntRange(min=1),
    help="Candidates run concurrently (more is faster but noisier).",
)
@click.option(
    "-k", "ks", multiple=True, type=click.IntRange(min=1), help="pass@k to report (default 1, 5, 10)."
)
@click.option(
    "--memory-mb",
    default=1024,
    show_default=True,
    type=click.IntRange(min=16),
    help="Address-space limit per candidate.",
)
@click.option(
    "--output",
    "-o",
    "output_path",
    type=click.Path(dir_okay=False, allow_dash=True),
    help="Write one JSON record per input record here ('-' = stdout; the table then goes to stderr).",
)
@click.option("--summary", "summary_path", type=click.Path(dir_okay=False), help="Write the summary as JSON.")
@click.option("--json", "as_json", is_flag=True, help="Print the summary as JSON instead of the table.")
@click.option(
    "--plot",
    "plot_path",
    type=click.Path(dir_okay=False),
    help="Save a histogram of per-problem speedups (PNG; needs matplotlib, the `eval` extra).",
)
def eval_(
    input_path,
    baseline_path,
    runs,
    warmup,
    fresh,
    fresh_per_test,
    clock,
    add_startup,
    timeout,
    statistic,
    jobs,
    ks,
    memory_mb,
    output_path,
    summary_path,
    as_json,
    plot_path,
) -> int:
    """Run candidates against tests in the sandbox; report pass@k, ER, AS and Beyond."""
    from skeldsl.evaluation import EvalSettings, ProblemResult, evaluate, problem_from_record, summarise

    if input_path != "-" and not Path(input_path).is_file():
        raise click.BadParameter(f"no such file: {input_path}", param_hint="INPUT")
    if plot_path and importlib.util.find_spec("matplotlib") is None:
        raise click.UsageError("--plot needs matplotlib: pip install 'skeldsl[eval]'")
    baselines = _read_baselines(baseline_path) if baseline_path else {}
    settings = EvalSettings(
        runs=runs,
        warmup=warmup,
        fresh=fresh or fresh_per_test,
        fresh_per_test=fresh_per_test,
        clock=clock,
        add_startup=add_startup,
        timeout_s=timeout,
        statistic=statistic,
        memory_mb=memory_mb,
        ks=tuple(ks) or (1, 5, 10),
    )
    if add_startup:
        from dataclasses import replace as _replace

        from skeldsl.evaluation import measure_startup

        try:
            settings = _replace(settings, startup_s=measure_startup(settings))
        except RuntimeError as exc:
            raise click.ClickException(f"--add-startup: {exc}") from None

    def problems():
        for number, record in _read_records(input_path):
            try:
                if isinstance(record, SkelError):
                    raise record
                problem = problem_from_record(record)
            except SkelError as error:
                problem_id = record.get("problem_id") if isinstance(record, dict) else None
                yield ProblemResult(
                    problem_id=None if problem_id is None else str(problem_id),
                    error={**error.to_record(), "line": number},
                    line=number,
                )
                continue
            if problem.problem_id in baselines:
                from dataclasses import replace

                problem = replace(problem, baseline=baselines[problem.problem_id])
            yield problem

    table_stream = sys.stderr if output_path == "-" else sys.stdout
    out = None
    if output_path:
        out = sys.stdout if output_path == "-" else open(output_path, "w", encoding="utf-8")  # noqa: SIM115
    results = []
    show_table = not as_json
    try:
        if show_table:
            click.echo(
                f"{'problem':<24} {'ok/n':<7} {'time_s':>10} {'base_s':>10} {'speedup':>8} {'beyond':>6} "
                "failures",
                file=table_stream,
            )
        for result in evaluate(problems(), settings, jobs):
            results.append(result)
            if out is not None:
                out.write(json.dumps(result.to_record(settings.ks), sort_keys=True) + "\n")
                out.flush()
            if show_table:
                click.echo(_table_row(result), file=table_stream)
    finally:
        if out is not None and out is not sys.stdout:
            out.close()
    summary = summarise(results, settings.ks)
    record = summary.to_record()
    record["settings"] = {
        "runs": runs,
        "warmup": warmup,
        "fresh": fresh or fresh_per_test,
        "fresh_per_test": fresh_per_test,
        "clock": clock,
        "add_startup": add_startup,
        "startup_s": settings.startup_s,
        "timeout_s": timeout,
        "statistic": statistic,
        "jobs": jobs,
    }
    if summary_path:
        Path(summary_path).write_text(json.dumps(record, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    if as_json:
        click.echo(json.dumps(record, indent=2, sort_keys=True), file=table_stream)
    else:
        passes = "  ".join(f"pass@{k} {_fmt(v, '.3f')}" for k, v in summary.pass_at.items())
        click.echo(
            f"\nproblems {summary.problems} (errors {summary.errors}), solved {summary.solved}; {passes}\n"
            f"jointly solved {summary.jointly_solved}: ER {_fmt(summary.efficiency_ratio, '.3f')}  "
            f"AS {_fmt(summary.average_speedup, '.3f')}x  median {_fmt(summary.median_speedup, '.3f')}x  "
            f"geomean {_fmt(summary.geometric_mean_speedup, '.3f')}x;  "
            f"Beyond {_fmt(summary.beyond, '.3f')} over {summary.beyond_problems} problems",
            file=table_stream,
        )
    if plot_path:
        from skeldsl.evaluation.plot import plot_speedups

        plot_speedups(
            [s for _, s in summary.speedups],
            plot_path,
            title=f"skel eval: {Path(input_path).name}",
            average=summary.average_speedup,
            ratio=summary.efficiency_ratio,
        )
    return 1 if summary.errors else 0
