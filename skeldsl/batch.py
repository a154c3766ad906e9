"""Streaming JSONL batch extraction: one output record per input record, errors included.

* Records stream through in order; memory stays constant in corpus size (at most ``window`` chunks are
  in flight, whatever the number of workers).
* ``jobs > 1`` uses worker processes; the output order is the input order, so the bytes do not depend on
  the number of workers (``tests/test_batch.py`` checks ``--jobs 1`` == ``--jobs 2`` == Dask).
* ``resume`` continues an interrupted run: complete records already in the output are kept, a trailing
  partial line is dropped, and input records whose id (``id_field``; else their position) is done are
  skipped.  Output is flushed record by record, so a killed run leaves a valid prefix.
* Each record gets a time limit (``timeout_s``) enforced with ``SIGALRM`` inside the process doing the
  work, so one pathological input becomes a ``timeout`` error record instead of stalling the batch.
"""

from __future__ import annotations

import json
import os
import signal
import sys
import threading
import time
from collections import Counter, deque
from dataclasses import dataclass, field
from typing import IO, Iterable, Iterator

DEFAULT_TIMEOUT_S = 20.0
CHUNK = 64


@dataclass(frozen=True)
class BatchOptions:
    code_field: str = "code"
    lang_field: str = "lang"
    id_field: str | None = None
    default_lang: str | None = None
    timeout_s: float = DEFAULT_TIMEOUT_S


@dataclass(frozen=True)
class BatchSummary:
    records: int
    failures: int
    skipped: int = 0
    seconds: float = 0.0
    failures_by_kind: dict = field(default_factory=dict)

    def describe(self) -> str:
        rate = self.records / self.seconds if self.seconds > 0 else 0.0
        kinds = ", ".join(f"{kind}: {count}" for kind, count in sorted(self.failures_by_kind.items())) or "none"
        text = f"{self.records} records, {self.failures} failed ({kinds}), {rate:.1f} records/s"
        if self.skipped:
            text += f", {self.skipped} skipped (already done)"
        return text


class _RecordTimeout(BaseException):
    """A BaseException, so the pipeline's catch-all for bugs (``except Exception``) lets it through."""


def _on_alarm(signum, frame):  # pragma: no cover - runs inside the signal handler
    raise _RecordTimeout()


def _error(kind: str, message: str) -> dict:
    return {"kind": kind, "message": message, "line": None, "column": None}


def extract_one(code: object, lang: object, name: str, timeout_s: float) -> dict:
    """``{"skeleton": ...}`` or ``{"error": ...}`` for one record, under a time limit."""
    from skeldsl.errors import SkelError
    from skeldsl.pipeline import extract
    from skeldsl.printer import print_skeleton

    if not isinstance(code, str):
        return {"error": _error("bad_record", "code field missing or not a string")}
    if not isinstance(lang, str):
        return {"error": _error("bad_record", "language field missing and no --lang given")}
    # SIGALRM works only in a process's main thread; Dask worker threads rely on Dask's own limits.
    use_alarm = timeout_s > 0 and hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
    if use_alarm:
        previous = signal.signal(signal.SIGALRM, _on_alarm)
        signal.setitimer(signal.ITIMER_REAL, timeout_s)
    try:
        return {"skeleton": print_skeleton(extract(code, lang, name))}
    except SkelError as error:
        return {"error": error.to_record()}
    except _RecordTimeout:
        return {"error": _error("timeout", f"extraction took longer than {timeout_s:g}s")}
    finally:
        if use_alarm:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous)


def process_line(raw: bytes | str, line_number: int, options: BatchOptions) -> dict:
    """One JSONL line -> its output record (input fields kept, plus ``skeleton`` or ``error``)."""
    try:
        record = json.loads(raw)
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        return {"line": line_number, "error": _error("bad_record", f"not a JSON object: {error}")}
    if not isinstance(record, dict):
        return {"line": line_number, "error": _error("bad_record", "record is not a JSON object")}
    lang = record.get(options.lang_field) or options.default_lang
    if options.id_field and options.id_field in record:
        name = str(record[options.id_field])
    else:
        name = f"record {line_number}"
    result = extract_one(record.get(options.code_field), lang, name, options.timeout_s)
    out = dict(record)
    out.pop("skeleton", None)
    out.pop("error", None)
    out.update(result)
    return out


def encode(record: dict) -> tuple[str, str | None]:
    """(output line, error kind or None)."""
    error = record.get("error")
    return json.dumps(record, ensure_ascii=False, sort_keys=True) + "\n", error["kind"] if error else None


def _process_chunk(chunk: list[tuple[int, bytes]], options: BatchOptions) -> list[tuple[str, str | None]]:
    return [encode(process_line(raw, number, options)) for number, raw in chunk]


# ------------------------------------------------------------------------------------------- input


def numbered_lines(stream: Iterable[bytes]) -> Iterator[tuple[int, bytes]]:
    """Non-blank lines with their 1-based record number."""
    number = 0
    for raw in stream:
        if raw.strip():
            number += 1
            yield number, raw


def _record_id(raw: bytes, id_field: str | None, number: int) -> str:
    if id_field:
        try:
            record = json.loads(raw)
            if isinstance(record, dict) and id_field in record:
                return json.dumps(record[id_field], sort_keys=True)
        except (UnicodeDecodeError, json.JSONDecodeError):
            pass
    return f"#{number}"


def done_ids(output_path: str, id_field: str | None) -> set[str]:
    """Ids of the complete records in an interrupted output; truncates a trailing partial line."""
    if not os.path.exists(output_path):
        return set()
    with open(output_path, "rb+") as stream:
        data = stream.read()
        end = data.rfind(b"\n") + 1
        if end != len(data):
            stream.truncate(end)
    ids: set[str] = set()
    for number, raw in enumerate(data[:end].splitlines(), start=1):
        ids.add(_record_id(raw, id_field, number))
    return ids


# ------------------------------------------------------------------------------------------ running


class _Progress:
    """A one-line progress report on a terminal; silent in pipes and CI."""

    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled and sys.stderr.isatty() and not os.environ.get("CI")
        self.started = time.perf_counter()
        self.last = 0.0

    def update(self, count: int) -> None:
        if not self.enabled:
            return
        now = time.perf_counter()
        if now - self.last >= 0.2:
            self.last = now
            rate = count / max(now - self.started, 1e-9)
            sys.stderr.write(f"\r{count} records  {rate:.0f}/s")
            sys.stderr.flush()

    def close(self) -> None:
        if self.enabled:
            sys.stderr.write("\n")


def _chunks(lines: Iterable[tuple[int, bytes]], size: int) -> Iterator[list[tuple[int, bytes]]]:
    chunk: list[tuple[int, bytes]] = []
    for item in lines:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _warm_up() -> None:
    """Import the extraction stack once before forking, so workers share it instead of each importing."""
    import skeldsl.normalise  # noqa: F401
    import skeldsl.printer  # noqa: F401


def process_stream(lines: Iterable[tuple[int, bytes]], options: BatchOptions,
                   jobs: int = 1) -> Iterator[tuple[str, str | None]]:
    """(output line, error kind) in input order, computed with ``jobs`` processes."""
    if jobs <= 1:
        for number, raw in lines:
            yield encode(process_line(raw, number, options))
        return
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    _warm_up()
    context = multiprocessing.get_context("fork")
    window = 4 * jobs
    with ProcessPoolExecutor(max_workers=jobs, mp_context=context) as pool:
        pending: deque = deque()
        for chunk in _chunks(lines, CHUNK):
            pending.append(pool.submit(_process_chunk, chunk, options))
            if len(pending) >= window:
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()


def run_jsonl(source: str, destination: str, options: BatchOptions = BatchOptions(), *, jobs: int = 1,
              resume: bool = False, progress: bool = True, dask: str | None = None) -> BatchSummary:
    """Extract every record of the JSONL file ``source`` ('-' = stdin) into ``destination`` ('-' = stdout)."""
    started = time.perf_counter()
    skip: set[str] = set()
    if resume:
        if destination == "-":
            raise ValueError("--resume needs an output file")
        skip = done_ids(destination, options.id_field)
    in_stream: IO[bytes] = sys.stdin.buffer if source == "-" else open(source, "rb")
    out: IO[str] = sys.stdout if destination == "-" else open(destination, "a" if resume else "w",
                                                              encoding="utf-8")
    records = failures = skipped = 0
    kinds: Counter = Counter()
    meter = _Progress(progress)
    try:
        lines = numbered_lines(in_stream)
        if skip:
            lines = _skipping(lines, skip, options.id_field)
        if dask:
            from skeldsl.distributed import process_with_dask

            encoded: Iterable[tuple[str, str | None]] = process_with_dask(lines, options, dask)
        else:
            encoded = process_stream(lines, options, jobs)
        for line, error_kind in encoded:
            out.write(line)
            out.flush()
            records += 1
            if error_kind is not None:
                failures += 1
                kinds[error_kind] += 1
            meter.update(records)
        skipped = len(skip)
    finally:
        meter.close()
        if in_stream is not sys.stdin.buffer:
            in_stream.close()
        if out is not sys.stdout:
            out.close()
    return BatchSummary(records, failures, skipped, time.perf_counter() - started, dict(kinds))


def _skipping(lines: Iterable[tuple[int, bytes]], skip: set[str], id_field: str | None):
    for number, raw in lines:
        if _record_id(raw, id_field, number) not in skip:
            yield number, raw
