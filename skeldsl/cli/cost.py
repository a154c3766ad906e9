"""``skel cost``: source files, skeleton files (``.skel``) or a JSONL batch -> static big-O per function."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from functools import partial

import click

from skeldsl.cli._common import check_mode, jobs_option, progress_option, read_path, run_batch, source_options
from skeldsl.errors import SkelError


def _skeleton_of(data: bytes, path: str, lang: str | None):
    """Bytes of one input -> Skeleton: ``.skel`` (or ``--lang skel``) is parsed, anything else extracted."""
    from skeldsl.pipeline import decode_source

    text = decode_source(data, path)
    if lang == "skel" or (lang is None and path.endswith(".skel")):
        from skeldsl.parser import parse_skeleton

        return parse_skeleton(text, path)
    from skeldsl.languages import get_language, language_for_path
    from skeldsl.pipeline import extract

    language = get_language(lang) if lang else language_for_path(path)
    return extract(text, language.name, path)


def cost_record(skeleton) -> dict:
    from skeldsl.cost import estimate

    return estimate(skeleton).to_record()


def _text(path: str, record: dict, many: bool) -> str:
    lines = [f"# {path}"] if many else []
    lines.append(f"program: {record['cost']}" + (f"  (unknown: {record['reason']})" if record["reason"] else ""))
    for item in record["functions"]:
        sizes = ", ".join(f"{letter} = {what}" for letter, what in item["sizes"].items())
        line = f"  {item['function']}: {item['cost']}"
        if item["reason"]:
            line += f"  (unknown: {item['reason']})"
        if sizes:
            line += f"   [{sizes}]"
        lines.append(line)
        lines.extend(f"      - {note}" for note in item["notes"])
    return "\n".join(lines)


@click.command()
@source_options("Source language (default: from each file's extension; 'skel' for skeleton text).")
@click.option("--skeleton-field", default="skeleton", show_default=True,
              help="Batch mode: records carrying skeleton text here are costed without extraction.")
@jobs_option
@progress_option
def cost(paths, lang, output_format, jsonl_in, output, code_field, lang_field, skeleton_field, jobs,
         progress) -> int:
    """Estimate the time complexity of every function in PATHS (source files or .skel files; '-' = stdin).

    Exit status: 0 when every input succeeded, 1 when some failed, 2 for usage errors."""
    check_mode(paths, jsonl_in)
    if jsonl_in is not None:
        fields = BatchFields(lang, code_field, lang_field, skeleton_field)
        return run_batch(jsonl_in, output, partial(_batch, fields=fields, jobs=jobs), physical_lines=True,
                         progress=progress)
    failures = 0
    items = []
    for path in paths:
        try:
            record = cost_record(_skeleton_of(read_path(path, lang), path, lang))
        except SkelError as error:
            failures += 1
            error = error.with_path(path) if not error.path else error
            click.echo(str(error), err=True)
            items.append({"path": path, "error": error.to_record()})
            continue
        items.append({"path": path, "cost": record})
        if output_format == "text":
            click.echo(_text(path, record, len(paths) > 1))
    if output_format == "json":
        payload = items[0] if len(items) == 1 else items
        click.echo(json.dumps(payload, indent=2, sort_keys=True))
    return 0 if failures == 0 else 1


# ------------------------------------------------------------------------------------------- batch


@dataclass(frozen=True)
class BatchFields:
    """Where a batch record keeps its code, language or skeleton text (and the ``--lang`` default)."""

    default_lang: str | None = None
    code_field: str = "code"
    lang_field: str = "lang"
    skeleton_field: str = "skeleton"


def _warm_up() -> None:
    """Imports the workers share when forked (extraction and the estimator)."""
    import skeldsl.cost
    import skeldsl.normalise
    import skeldsl.parser  # noqa: F401


def _batch(lines: Iterator[tuple[int, bytes]], fields: BatchFields, jobs: int):
    """(output line, error kind) per numbered input line, in order, on ``jobs`` processes."""
    from skeldsl.batch import map_lines

    return map_lines(partial(batch_record, fields=fields), lines, jobs, warm_up=_warm_up)


def batch_record(raw: bytes, number: int, fields: BatchFields) -> dict:
    """One JSONL line -> the input fields plus ``cost``, or ``error`` (``number``: its line in the file)."""
    from skeldsl.batch import error_record as error
    from skeldsl.batch import read_record

    record, bad = read_record(raw, number)
    if record is None:
        return bad  # type: ignore[return-value]
    out = dict(record)
    out.pop("cost", None)
    out.pop("error", None)
    name = f"record {number}"
    try:
        text = record.get(fields.skeleton_field)
        if isinstance(text, str):
            from skeldsl.parser import parse_skeleton

            skeleton = parse_skeleton(text, name)
        else:
            code, record_lang = record.get(fields.code_field), record.get(fields.lang_field) or fields.default_lang
            if not isinstance(code, str):
                out["error"] = error("bad_record",
                                     f"neither {fields.skeleton_field!r} nor {fields.code_field!r} is a string")
                return out
            if not isinstance(record_lang, str):
                out["error"] = error("bad_record", "language field missing and no --lang given")
                return out
            from skeldsl.pipeline import extract

            skeleton = extract(code, record_lang, name)
        out["cost"] = cost_record(skeleton)
    except SkelError as exc:
        out["error"] = exc.to_record()
    return out
