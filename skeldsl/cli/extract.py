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
@click.option("--id-field", default=None, help="Field naming each record (kept in error messages).")
def extract(paths, lang, output_format, jsonl_in, output, code_field, lang_field, id_field) -> int:
    """Extract canonical efficiency skeletons from PATHS (files, or '-' for stdin).

    Exit status: 0 when every input succeeded, 1 when some failed, 2 for usage errors."""
    if jsonl_in is not None:
        if paths:
            raise click.UsageError("give either PATHS or --jsonl, not both")
        from skeldsl.batch import run_jsonl

        summary = run_jsonl(jsonl_in, output, code_field=code_field, lang_field=lang_field,
                            id_field=id_field, default_lang=lang)
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
