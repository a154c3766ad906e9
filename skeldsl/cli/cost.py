"""``skel cost``: source files, skeleton files (``.skel``) or a JSONL batch -> static big-O per function."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

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
@click.argument("paths", nargs=-1)
@click.option("--lang", help="Source language (default: from each file's extension; 'skel' for skeleton text).")
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--jsonl", "jsonl_in", type=click.Path(dir_okay=False, allow_dash=True),
              help="Batch mode: read JSON lines from this file ('-' for stdin).")
@click.option("-o", "--output", type=click.Path(dir_okay=False, allow_dash=True), default="-",
              help="Batch mode: where to write output records.")
@click.option("--code-field", default="code", show_default=True)
@click.option("--lang-field", default="lang", show_default=True)
@click.option("--skeleton-field", default="skeleton", show_default=True,
              help="Batch mode: records carrying skeleton text here are costed without extraction.")
def cost(paths, lang, output_format, jsonl_in, output, code_field, lang_field, skeleton_field) -> int:
    """Estimate the time complexity of every function in PATHS (source files or .skel files; '-' = stdin).

    Exit status: 0 when every input succeeded, 1 when some failed, 2 for usage errors."""
    if jsonl_in is not None:
        if paths:
            raise click.UsageError("give either PATHS or --jsonl, not both")
        return _batch(jsonl_in, output, lang, code_field, lang_field, skeleton_field)
    if not paths:
        raise click.UsageError("no input: give file paths, '-' for stdin, or --jsonl FILE")
    failures = 0
    items = []
    for path in paths:
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
            record = cost_record(_skeleton_of(data, path, lang))
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


def _batch(source: str, destination: str, lang: str | None, code_field: str, lang_field: str,
           skeleton_field: str) -> int:
    """One output record per input line: the input fields plus ``cost``, or ``error``."""
    records = failures = 0
    stream_in = sys.stdin.buffer if source == "-" else open(source, "rb")  # noqa: SIM115
    stream_out = sys.stdout if destination == "-" else open(destination, "w", encoding="utf-8")  # noqa: SIM115
    try:
        for number, raw in enumerate(stream_in, start=1):
            if not raw.strip():
                continue
            records += 1
            out = _batch_record(raw, number, lang, code_field, lang_field, skeleton_field)
            failures += "error" in out
            stream_out.write(json.dumps(out, ensure_ascii=False, sort_keys=True) + "\n")
            stream_out.flush()
    finally:
        if stream_in is not sys.stdin.buffer:
            stream_in.close()
        if stream_out is not sys.stdout:
            stream_out.close()
    click.echo(f"{records} records, {failures} failed", err=True)
    return 0 if failures == 0 else 1


def _batch_record(raw: bytes, number: int, lang: str | None, code_field: str, lang_field: str,
                  skeleton_field: str) -> dict:
    def error(kind: str, message: str) -> dict:
        return {"kind": kind, "message": message, "line": None, "column": None}

    try:
        record = json.loads(raw)
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        return {"line": number, "error": error("bad_record", f"not a JSON object: {exc}")}
    if not isinstance(record, dict):
        return {"line": number, "error": error("bad_record", "record is not a JSON object")}
    out = dict(record)
    out.pop("cost", None)
    out.pop("error", None)
    name = f"record {number}"
    try:
        text = record.get(skeleton_field)
        if isinstance(text, str):
            from skeldsl.parser import parse_skeleton

            skeleton = parse_skeleton(text, name)
        else:
            code, record_lang = record.get(code_field), record.get(lang_field) or lang
            if not isinstance(code, str):
                out["error"] = error("bad_record", f"neither {skeleton_field!r} nor {code_field!r} is a string")
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
