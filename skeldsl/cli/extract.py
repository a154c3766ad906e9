"""``skel extract``: files, stdin or a JSONL batch -> canonical skeletons."""

from __future__ import annotations

import json

import click

from skeldsl.cli._common import check_mode, jobs_option, progress_option, read_path, report, source_options
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
@source_options("Source language (default: from each file's extension; required for stdin).")
@click.option("--id-field", default=None, help="Field identifying each record (names it in errors; used by --resume).")
@jobs_option
@click.option("--resume", is_flag=True, help="Batch mode: keep records already in the output and do the rest.")
@click.option("--timeout", "timeout_s", type=click.FloatRange(0), default=20.0, show_default=True,
              help="Batch mode: seconds allowed per record (0 = no limit).")
@click.option("--dask", default=None, metavar="local|tcp://HOST:PORT",
              help="Batch mode: run on a Dask cluster (needs skeldsl[dask]).")
@progress_option
def extract(paths, lang, output_format, jsonl_in, output, code_field, lang_field, id_field, jobs, resume,
            timeout_s, dask, progress) -> int:
    """Extract canonical efficiency skeletons from PATHS (files, or '-' for stdin).

    Exit status: 0 when every input succeeded, 1 when some failed, 2 for usage errors."""
    check_mode(paths, jsonl_in)
    if jsonl_in is not None:
        if resume and output == "-":
            raise click.UsageError("--resume needs -o FILE")
        from skeldsl.batch import BatchOptions, run_jsonl

        options = BatchOptions(code_field, lang_field, id_field, lang, timeout_s)
        return report(run_jsonl(jsonl_in, output, options, jobs=jobs, resume=resume, progress=progress,
                                dask=dask))
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
        data = read_path(path, lang)
        language = get_language(lang) if lang else language_for_path(path)
        source = decode_source(data, path)
    except (UnknownLanguageError, SkelError) as error:
        return {"error": error.to_record()}
    return extract_record(source, language.name, path)
