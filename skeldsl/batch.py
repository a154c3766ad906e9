"""Streaming JSONL batches: one output record per input record, errors included.

The machinery (``write_records``, ``map_lines``, ``map_groups``, ``ordered_map``) serves every batch
command: ``skel extract`` (``run_jsonl`` below), ``skel cost`` (one record at a time) and ``skel mine``
(whole groups of records).  For extraction:

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
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from functools import partial
from typing import IO, Any

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


def error_record(kind: str, message: str) -> dict:
    """The ``error`` of an output record for a problem with the record itself (no position in code)."""
    return {"kind": kind, "message": message, "line": None, "column": None}


def read_record(raw: bytes | str, line_number: int) -> tuple[dict | None, dict | None]:
    """(the JSON object on a line, None), or (None, the output record that stands for a line that is not
    a JSON object)."""
    try:
        record = json.loads(raw)
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        return None, {"line": line_number, "error": error_record("bad_record", f"not a JSON object: {error}")}
    if not isinstance(record, dict):
        return None, {"line": line_number, "error": error_record("bad_record", "record is not a JSON object")}
    return record, None


def extract_one(code: object, lang: object, name: str, timeout_s: float) -> dict:
    """``{"skeleton": ...}`` or ``{"error": ...}`` for one record, under a time limit."""
    from skeldsl.errors import SkelError
    from skeldsl.pipeline import extract
    from skeldsl.printer import print_skeleton

    if not isinstance(code, str):
        return {"error": error_record("bad_record", "code field missing or not a string")}
    if not isinstance(lang, str):
        return {"error": error_record("bad_record", "language field missing and no --lang given")}
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
        return {"error": error_record("timeout", f"extraction took longer than {timeout_s:g}s")}
    finally:
        if use_alarm:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous)


def process_line(raw: bytes | str, line_number: int, options: BatchOptions) -> dict:
    """One JSONL line -> its output record (input fields kept, plus ``skeleton`` or ``error``)."""
    record, bad = read_record(raw, line_number)
    if record is None:
        return bad  # type: ignore[return-value]
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


def encode(record: dict, sort_keys: bool = True) -> tuple[str, str | None]:
    """(output line, error kind or None)."""
    error = record.get("error")
    return json.dumps(record, ensure_ascii=False, sort_keys=sort_keys) + "\n", error["kind"] if error else None


def _process_chunk(chunk: list[tuple[int, bytes]], options: BatchOptions) -> list[tuple[str, str | None]]:
    return [encode(process_line(raw, number, options)) for number, raw in chunk]


# ------------------------------------------------------------------------------------------- input


def numbered_lines(stream: Iterable[bytes], physical: bool = False) -> Iterator[tuple[int, bytes]]:
    """Non-blank lines with their 1-based record number (``physical``: their line number in the file)."""
    number = 0
    for line_number, raw in enumerate(stream, start=1):
        if raw.strip():
            number += 1
            yield (line_number if physical else number), raw


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


def chunks(items: Iterable, size: int = CHUNK) -> Iterator[list]:
    """``items`` in lists of ``size`` (the last one shorter): the unit of work sent to a worker process."""
    chunk: list = []
    for item in items:
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


def ordered_map(fn: Callable[[Any], Any], items: Iterable, jobs: int = 1,
                warm_up: Callable[[], None] | None = _warm_up) -> Iterator:
    """``fn(item)`` for every item, in input order.  With ``jobs > 1``, ``jobs`` forked worker processes
    run ``fn`` (a picklable, module-level function or a ``functools.partial`` of one) with at most
    ``4 * jobs`` items in flight, so memory stays bounded whatever the input size; ``warm_up`` runs once
    before forking (imports the workers then share)."""
    if jobs <= 1:
        for item in items:
            yield fn(item)
        return
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    if warm_up is not None:
        warm_up()
    context = multiprocessing.get_context("fork")
    window = 4 * jobs
    with ProcessPoolExecutor(max_workers=jobs, mp_context=context) as pool:
        pending: deque = deque()
        for item in items:
            pending.append(pool.submit(fn, item))
            if len(pending) >= window:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()


def _encode_chunk(chunk: list[tuple[int, bytes]], process: Callable[[bytes, int], dict],
                  sort_keys: bool) -> list[tuple[str, str | None]]:
    return [encode(process(raw, number), sort_keys) for number, raw in chunk]


def map_lines(process: Callable[[bytes, int], dict], lines: Iterable[tuple[int, bytes]], jobs: int = 1, *,
              warm_up: Callable[[], None] | None = _warm_up,
              sort_keys: bool = True) -> Iterator[tuple[str, str | None]]:
    """(output line, error kind) of ``process(raw, number)`` for every numbered line, in input order: one
    by one in this process, or in chunks of ``CHUNK`` lines on ``jobs`` workers (``process`` picklable)."""
    if jobs <= 1:
        for number, raw in lines:
            yield encode(process(raw, number), sort_keys)
        return
    work = partial(_encode_chunk, process=process, sort_keys=sort_keys)
    for encoded in ordered_map(work, chunks(lines), jobs, warm_up):
        yield from encoded


def map_groups(process_group: Callable[[list], list], keyed: Iterable[tuple[str, Any]], last: dict[str, int],
               jobs: int = 1, *, warm_up: Callable[[], None] | None = _warm_up) -> Iterator:
    """Results of work that needs whole groups of records (mining needs every solution of a problem), one
    per item and in input order, without holding the whole input.

    ``keyed`` gives each item with its group key; ``last[key]`` is the position (0-based) of the group's
    last item, known from a first pass over the input.  A group is handed to ``process_group`` (a list of
    items -> a list of results, one per item; picklable for ``jobs > 1``) as soon as its last item has been
    read, and results are released in input order.  Memory holds the groups still open and the results
    waiting for an earlier item, so a corpus sorted by group streams in constant memory."""
    open_groups: dict[str, list[tuple[int, Any]]] = {}

    def complete_groups() -> Iterator[list[tuple[int, Any]]]:
        for position, (key, item) in enumerate(keyed):
            open_groups.setdefault(key, []).append((position, item))
            if last.get(key, position) <= position:
                yield open_groups.pop(key)
        yield from open_groups.values()  # only if ``last`` was wrong: never drop a record

    work = partial(_positioned, process_group=process_group)
    ready: dict[int, Any] = {}
    position = 0
    for results in ordered_map(work, complete_groups(), jobs, warm_up):
        ready.update(results)
        while position in ready:
            yield ready.pop(position)
            position += 1
    yield from (ready[key] for key in sorted(ready))


def _positioned(group: list[tuple[int, Any]], process_group: Callable[[list], list]) -> list[tuple[int, Any]]:
    results = process_group([item for _, item in group])
    return [(position, result) for (position, _), result in zip(group, results)]


def process_stream(lines: Iterable[tuple[int, bytes]], options: BatchOptions,
                   jobs: int = 1) -> Iterator[tuple[str, str | None]]:
    """(output line, error kind) of ``skel extract`` in input order, computed with ``jobs`` processes."""
    return map_lines(partial(process_line, options=options), lines, jobs)


def write_records(in_stream: IO[bytes], out: IO[str],
                  process: Callable[[Iterator[tuple[int, bytes]]], Iterable[tuple[str, str | None]]], *,
                  physical_lines: bool = False, progress: bool = True) -> BatchSummary:
    """The loop every batch command shares: number the input's non-blank lines, let ``process`` turn them
    into (output line, error kind) pairs in input order, write each one as it comes (flushed, so a killed
    run leaves a valid prefix), count failures by kind, and report progress on a terminal."""
    started = time.perf_counter()
    records = failures = 0
    kinds: Counter = Counter()
    meter = _Progress(progress)
    try:
        for line, error_kind in process(numbered_lines(in_stream, physical_lines)):
            out.write(line)
            out.flush()
            records += 1
            if error_kind is not None:
                failures += 1
                kinds[error_kind] += 1
            meter.update(records)
    finally:
        meter.close()
    return BatchSummary(records, failures, 0, time.perf_counter() - started, dict(kinds))


def open_input(source: str) -> IO[bytes]:
    """The JSONL input: a file, or standard input for '-'."""
    return sys.stdin.buffer if source == "-" else open(source, "rb")


def open_output(destination: str, append: bool = False) -> IO[str]:
    """The JSONL output: a file, or standard output for '-'."""
    if destination == "-":
        return sys.stdout
    return open(destination, "a" if append else "w", encoding="utf-8")


def close_streams(*streams: IO) -> None:
    """Close the files among ``streams`` (never standard input or output)."""
    for stream in streams:
        if stream not in (sys.stdin.buffer, sys.stdout):
            stream.close()


def run_jsonl(source: str, destination: str, options: BatchOptions = BatchOptions(), *, jobs: int = 1,
              resume: bool = False, progress: bool = True, dask: str | None = None) -> BatchSummary:
    """Extract every record of the JSONL file ``source`` ('-' = stdin) into ``destination`` ('-' = stdout)."""
    started = time.perf_counter()
    skip: set[str] = set()
    if resume:
        if destination == "-":
            raise ValueError("--resume needs an output file")
        skip = done_ids(destination, options.id_field)

    def process(lines: Iterator[tuple[int, bytes]]) -> Iterable[tuple[str, str | None]]:
        if skip:
            lines = _skipping(lines, skip, options.id_field)
        if dask:
            from skeldsl.distributed import process_with_dask

            return process_with_dask(lines, options, dask)
        return process_stream(lines, options, jobs)

    in_stream = open_input(source)
    out = open_output(destination, append=resume)
    try:
        summary = write_records(in_stream, out, process, progress=progress)
    finally:
        close_streams(in_stream, out)
    return replace(summary, skipped=len(skip), seconds=time.perf_counter() - started)


def _skipping(lines: Iterable[tuple[int, bytes]], skip: set[str], id_field: str | None):
    for number, raw in lines:
        if _record_id(raw, id_field, number) not in skip:
            yield number, raw
