"""JSONL batch extraction: exactly one output record per input record, errors included."""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass
from typing import IO, Iterator


@dataclass(frozen=True)
class BatchSummary:
    records: int
    failures: int


def _open_in(path: str) -> IO[bytes]:
    return sys.stdin.buffer if path == "-" else open(path, "rb")


def _open_out(path: str) -> IO[str]:
    return sys.stdout if path == "-" else open(path, "w", encoding="utf-8")


def process_line(raw: bytes, line_number: int, *, code_field: str, lang_field: str, id_field: str | None,
                 default_lang: str | None) -> dict:
    """One JSONL line -> its output record (input fields kept, plus ``skeleton`` or ``error``)."""
    from skeldsl.cli.extract import extract_record

    try:
        record = json.loads(raw)
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        return {"line": line_number, "error": {"kind": "bad_record", "message": f"not a JSON object: {error}",
                                               "line": None, "column": None}}
    if not isinstance(record, dict):
        return {"line": line_number, "error": {"kind": "bad_record", "message": "record is not a JSON object",
                                               "line": None, "column": None}}
    code = record.get(code_field)
    lang = record.get(lang_field) or default_lang
    name = str(record.get(id_field)) if id_field and id_field in record else f"record {line_number}"
    if not isinstance(code, str):
        result = {"error": {"kind": "bad_record", "message": f"field {code_field!r} missing or not a string",
                            "line": None, "column": None}}
    elif not isinstance(lang, str):
        result = {"error": {"kind": "bad_record", "message": f"field {lang_field!r} missing and no --lang given",
                            "line": None, "column": None}}
    else:
        result = extract_record(code, lang, name)
        result.pop("_model", None)
    out = dict(record)
    out.pop("skeleton", None)
    out.pop("error", None)
    out.update(result)
    return out


def _lines(stream: IO[bytes]) -> Iterator[bytes]:
    for raw in stream:
        if raw.strip():
            yield raw


def run_jsonl(source: str, destination: str, *, code_field: str = "code", lang_field: str = "lang",
              id_field: str | None = None, default_lang: str | None = None) -> BatchSummary:
    records = failures = 0
    stream = _open_in(source)
    out = _open_out(destination)
    try:
        for line_number, raw in enumerate(_lines(stream), start=1):
            result = process_line(raw, line_number, code_field=code_field, lang_field=lang_field,
                                  id_field=id_field, default_lang=default_lang)
            records += 1
            failures += "error" in result
            out.write(json.dumps(result, ensure_ascii=False, sort_keys=True) + "\n")
    finally:
        if stream is not sys.stdin.buffer:
            stream.close()
        if out is not sys.stdout:
            out.close()
    return BatchSummary(records, failures)
