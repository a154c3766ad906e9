"""Batch extraction: order and bytes independent of --jobs and Dask, resume after a kill, per-record limits."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from skeldsl.batch import BatchOptions, extract_one, run_jsonl

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "tests/data/neetcode_python_sample.jsonl"
SKEL = Path(sys.executable).parent / "skel"


def _input(tmp_path: Path, copies: int = 3) -> Path:
    rows = [json.loads(line) for line in SAMPLE.read_text().splitlines()]
    records = []
    for copy in range(copies):
        for index, row in enumerate(rows):
            records.append({"id": f"{copy}-{index}", "code": row["code"], "lang": "python"})
    records.insert(5, {"id": "bad-syntax", "code": "def f(:\n", "lang": "python"})
    records.insert(9, {"id": "bad-lang", "code": "x", "lang": "brainfuck"})
    path = tmp_path / "in.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in records) + "not json at all\n")
    return path


def test_jobs_do_not_change_the_bytes(tmp_path) -> None:
    source = _input(tmp_path)
    one, two = tmp_path / "one.jsonl", tmp_path / "two.jsonl"
    options = BatchOptions(id_field="id")
    first = run_jsonl(str(source), str(one), options, jobs=1, progress=False)
    second = run_jsonl(str(source), str(two), options, jobs=2, progress=False)
    assert one.read_bytes() == two.read_bytes()
    lines_in = len(source.read_text().splitlines())
    assert first.records == second.records == lines_in == len(one.read_text().splitlines())
    assert first.failures == 3 and first.failures_by_kind == {"bad_record": 1, "syntax_error": 1,
                                                               "unknown_language": 1}


def test_dask_local_cluster_gives_identical_records(tmp_path) -> None:
    pytest.importorskip("distributed", reason="Dask is an optional extra: pip install skeldsl[dask]")
    source = _input(tmp_path, copies=1)
    plain, dask = tmp_path / "plain.jsonl", tmp_path / "dask.jsonl"
    options = BatchOptions(id_field="id")
    run_jsonl(str(source), str(plain), options, progress=False)
    run_jsonl(str(source), str(dask), options, progress=False, dask="local")
    assert plain.read_bytes() == dask.read_bytes()


def test_dask_bag_library_function() -> None:
    db = pytest.importorskip("dask.bag", reason="Dask is an optional extra")
    from skeldsl.distributed import extract_bag

    lines = SAMPLE.read_text().splitlines()[:6]
    bag = db.from_sequence(lines, npartitions=2)
    records = extract_bag(bag, BatchOptions(default_lang="python")).compute(scheduler="sync")
    assert len(records) == 6 and all(record["skeleton"].startswith("skel 1\n") for record in records)


def test_resume_after_truncation_equals_an_uninterrupted_run(tmp_path) -> None:
    source = _input(tmp_path)
    full, partial = tmp_path / "full.jsonl", tmp_path / "partial.jsonl"
    options = BatchOptions(id_field="id")
    run_jsonl(str(source), str(full), options, progress=False)
    data = full.read_bytes()
    cut = data.index(b"\n", len(data) // 2) + 20  # mid-record: a partial last line
    partial.write_bytes(data[:cut])
    summary = run_jsonl(str(source), str(partial), options, resume=True, progress=False)
    assert partial.read_bytes() == data
    assert summary.skipped > 0


def test_kill_midway_then_resume(tmp_path) -> None:
    source = _input(tmp_path, copies=6)
    full, killed = tmp_path / "full.jsonl", tmp_path / "killed.jsonl"
    run_jsonl(str(source), str(full), BatchOptions(id_field="id"), progress=False)
    process = subprocess.Popen([str(SKEL), "extract", "--jsonl", str(source), "-o", str(killed), "--id-field", "id"],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + 60
    while time.time() < deadline and (not killed.exists() or killed.stat().st_size < 4000):
        time.sleep(0.02)
    process.send_signal(signal.SIGKILL)
    process.wait()
    assert killed.stat().st_size < full.stat().st_size, "the run finished before it could be killed"
    result = subprocess.run([str(SKEL), "extract", "--jsonl", str(source), "-o", str(killed), "--id-field", "id",
                             "--resume"], capture_output=True, text=True)
    assert result.returncode == 1  # the bad records still fail
    assert killed.read_bytes() == full.read_bytes()


def test_resume_without_ids_uses_positions(tmp_path) -> None:
    source = _input(tmp_path, copies=1)
    full, partial = tmp_path / "full.jsonl", tmp_path / "partial.jsonl"
    run_jsonl(str(source), str(full), BatchOptions(), progress=False)
    lines = full.read_text().splitlines(keepends=True)
    partial.write_text("".join(lines[:7]))
    run_jsonl(str(source), str(partial), BatchOptions(), resume=True, progress=False)
    assert partial.read_bytes() == full.read_bytes()


def test_timeout_becomes_an_error_record() -> None:
    code = "def f(xs: list):\n" + "".join(f"    x{i} = [y for y in xs if y in xs]\n" for i in range(3000))
    result = extract_one(code, "python", "slow", timeout_s=0.05)
    assert result["error"]["kind"] == "timeout"


def test_summary_and_progress_are_quiet_in_pipes(tmp_path) -> None:
    source = _input(tmp_path, copies=1)
    result = subprocess.run([str(SKEL), "extract", "--jsonl", str(source), "-o", str(tmp_path / "o.jsonl")],
                            capture_output=True, text=True)
    assert result.returncode == 1
    assert result.stderr.count("\n") == 1 and "records" in result.stderr and "\r" not in result.stderr
