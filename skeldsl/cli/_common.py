"""What the commands that take files or a JSONL batch share (``skel extract``, ``skel cost``, ``skel mine``):
their input options, reading one input path, and running a batch through ``skeldsl.batch`` (streamed,
in input order, ``--jobs`` workers, one output record per input record, a summary on stderr).

Not a subcommand: ``skeldsl.cli.COMMANDS`` does not list it."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

import click


def source_options(lang_help: str) -> Callable:
    """PATHS, ``--lang``, ``--format text|json`` and the batch input options (``--jsonl``, ``-o``,
    ``--code-field``, ``--lang-field``), in this order in ``--help``."""
    decorators = [
        click.argument("paths", nargs=-1),
        click.option("--lang", help=lang_help),
        click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text",
                     show_default=True),
        click.option("--jsonl", "jsonl_in", type=click.Path(dir_okay=False, allow_dash=True),
                     help="Batch mode: read JSON lines from this file ('-' for stdin)."),
        click.option("-o", "--output", type=click.Path(dir_okay=False, allow_dash=True), default="-",
                     help="Batch mode: where to write output records."),
        click.option("--code-field", default="code", show_default=True),
        click.option("--lang-field", default="lang", show_default=True),
    ]

    def apply(command: Callable) -> Callable:
        for decorator in reversed(decorators):
            command = decorator(command)
        return command

    return apply


jobs_option = click.option("--jobs", "-j", type=click.IntRange(1, 256), default=1, show_default=True,
                           help="Batch mode: worker processes.")
progress_option = click.option("--progress/--no-progress", default=True,
                               help="Progress line on a terminal (never in pipes/CI).")


def check_mode(paths: tuple[str, ...], jsonl_in: str | None) -> None:
    """Files mode or batch mode, exactly one of them."""
    if jsonl_in is not None and paths:
        raise click.UsageError("give either PATHS or --jsonl, not both")
    if jsonl_in is None and not paths:
        raise click.UsageError("no input: give file paths, '-' for stdin, or --jsonl FILE")


def read_path(path: str, lang: str | None) -> bytes:
    """The bytes of one input path ('-' = stdin, which needs ``--lang``); a usage error if it is missing."""
    if path == "-":
        if not lang:
            raise click.UsageError("reading stdin needs --lang")
        return sys.stdin.buffer.read()
    file = Path(path)
    if not file.is_file():
        raise click.UsageError(f"no such file: {path}")
    return file.read_bytes()


Process = Callable[[Iterator[tuple[int, bytes]]], Iterable[tuple[str, "str | None"]]]


def run_batch(source: str, destination: str, process: Process, *, physical_lines: bool = False,
              progress: bool = True) -> int:
    """Stream the JSONL ``source`` through ``process`` into ``destination`` ('-' = stdin / stdout), print
    the summary on stderr, and return the exit status (0 all succeeded, 1 some failed)."""
    from skeldsl.batch import close_streams, open_input, open_output, write_records

    try:
        in_stream = open_input(source)
    except OSError as error:
        raise click.UsageError(f"cannot read {source}: {error.strerror}") from None
    try:
        out = open_output(destination)
    except OSError as error:
        close_streams(in_stream)
        raise click.UsageError(f"cannot write {destination}: {error.strerror}") from None
    try:
        summary = write_records(in_stream, out, process, physical_lines=physical_lines, progress=progress)
    finally:
        close_streams(in_stream, out)
    return report(summary)


def report(summary) -> int:
    """Print a batch summary on stderr; the exit status it implies."""
    click.echo(summary.describe(), err=True)
    return 0 if summary.failures == 0 else 1
