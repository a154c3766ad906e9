"""``skel extract``: files, stdin or a JSONL batch -> canonical skeletons."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from skeldsl.errors import SkelError


def _facts(skeleton) -> list[dict]:
    from skeldsl.normalise.cfg import function_facts

    return [function_facts(function).to_dict() for function in skeleton.functions]


def extract_record(source: str, lang: str, path: str | None) -> dict:
    """One input -> ``{"skeleton": text}`` or ``{"error": {...}}``; never raises for bad input."""
    from skeldsl.pipeline import extract
    from skeldsl.printer import print_skeleton

    try:
        skeleton = extract(source, lang, path)
    except SkelError as error:
        return {"error": error.to_record()}
    return {"skeleton": print_skeleton(skeleton), "_model": skeleton}


@click.command()
@click.argument("paths", nargs=-1)
@click.option("--lang", help="Source language (default: from each file's extension; required for stdin).")
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--jsonl", "jsonl_in", type=click.Path(dir_okay=False, allow_dash=True),
              help="Batch mode: read JSON lines from this file ('-' for stdin).")
@click.option("-o", "--output", type=click.Path(dir_okay=False, allow_dash=True), default="-",
              help="Batch mode: where to write output records.")
@click.option("--code-field", default="code", show_default=True)
@click.option("--lang-field", default="lang", show_default=True)
@click.option("--id-field", default=None, help="Field identifying each record (names it in errors; used by --resume).")
@click.option("--jobs", "-j", type=click.IntRange(1, 256), default=1, show_default=True,
              help="Batch mode: worker processes.")
@click.option("--resume", is_flag=True, help="Batch mode: keep records already in the output and do the rest.")
@click.option("--timeout", "timeout_s", type=click.FloatRange(0), default=20.0, show_default=True,
              help="Batch mode: seconds allowed per record (0 = no limit).")
@click.option("--dask", default=None, metavar="local|tcp://HOST:PORT",
              help="Batch mode: run on a Dask cluster (needs skeldsl[dask]).")
@click.option("--progress/--no-progress", default=True, help="Progress line on a terminal (never in pipes/CI).")
def extract(paths, lang, output_format, jsonl_in, output, code_field, lang_field, id_field, jobs, resume,
            timeout_s, dask, progress) -> int:
    """Extract canonical efficiency skeletons from PATHS (files, or '-' for stdin).

    Exit status: 0 when every input succeeded, 1 when some failed, 2 for usage errors."""
    if jsonl_in is not None:
        if paths:
            raise click.UsageError("give either PATHS or --jsonl, not both")
        if resume and output == "-":
            raise click.UsageError("--resume needs -o FILE")
        from skeldsl.batch import BatchOptions, run_jsonl

        options = BatchOptions(code_field, lang_field, id_field, lang, timeout_s)
        summary = run_jsonl(jsonl_in, output, options, jobs=jobs, resume=resume, progress=progress, dask=dask)
        click.echo(summary.describe(), err=True)
        return 0 if summary.failures == 0 else 1
    if not paths:
        raise click.UsageError("no input: give file paths, '-' for stdin, or --jsonl FILE")
    failures = 0
    json_items = []
    for path in paths:
        record = _extract_path(path, lang)
        if "error" in record:
            failures += 1
            error = record["error"]
            where = ":".join(str(x) for x in (path, error.get("line"), error.get("column")) if x is not None)
            click.echo(f"{where}: {error['kind']}: {error['message']}", err=True)
            if output_format == "json":
                json_items.append({"path": path, "error": error})
            continue
        if output_format == "json":
            json_items.append({"path": path, "skeleton": record["skeleton"], "functions": _facts(record["_model"])})
        else:
            if len(paths) > 1:
                click.echo(f"# {path}")
            click.echo(record["skeleton"], nl=False)
    if output_format == "json":
        payload = json_items[0] if len(json_items) == 1 else json_items
        click.echo(json.dumps(payload, indent=2, sort_keys=True))
    return 0 if failures == 0 else 1


def _extract_path(path: str, lang: str | None) -> dict:
    from skeldsl.errors import UnknownLanguageError
    from skeldsl.languages import get_language, language_for_path
    from skeldsl.pipeline import decode_source

    try:
        if path == "-":
            if not lang:
                raise click.UsageError("reading stdin needs --lang")
            data = sys.stdin.buffer.read()
        else:
            file = Path(path)
            if not file.is_file():
                raise click.UsageError(f"no such file: {path}")
            data = file.read_bytes()
        language = get_language(lang) if lang else language_for_path(path)
        source = decode_source(data, path)
    except (UnknownLanguageError, SkelError) as error:
        return {"error": error.to_record()}
    return extract_record(source, language.name, path)
