"""``skel cost``: source and skeleton files, JSON output, JSONL batch, bad input and exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from skeldsl.cli import main

ROOT = Path(__file__).resolve().parents[1]
FAST = ROOT / "examples/two_sum/fast.py"
SLOW = ROOT / "examples/two_sum/slow.py"


def test_source_files_rank_brute_force_above_hash_map(capsys) -> None:
    assert main(["cost", "--format", "json", str(SLOW), str(FAST)]) == 0
    slow, fast = json.loads(capsys.readouterr().out)
    assert slow["cost"]["class"] == "n^2"
    assert fast["cost"]["class"] == "n"
    assert fast["cost"]["functions"][0]["sizes"]["n"] == "|p0|"


def test_skeleton_file_text_output(tmp_path, capsys) -> None:
    skel = tmp_path / "scan.skel"
    skel.write_text("skel 1\nfn f0(p0: seq) {\n  sort(p0)\n  for p0 {\n  }\n}\n")
    assert main(["cost", str(skel)]) == 0
    out = capsys.readouterr().out
    assert "program: O(n log n)" in out and "f0: O(n log n)" in out


def test_unknown_is_reported_with_its_reason(tmp_path, capsys) -> None:
    skel = tmp_path / "loop.skel"
    skel.write_text("skel 1\nfn f0(p0: num) {\n  while {\n  }\n}\n")
    assert main(["cost", str(skel)]) == 0
    assert "unknown: a `while` loop over numbers" in capsys.readouterr().out


@pytest.mark.parametrize("name, content, kind", [
    ("bad.skel", "skel 1\nfn f0(p0: seq) {\n  sort(p0\n}\n", "skeleton_syntax"),
    ("bad.py", "def f(:\n", "syntax_error"),
    ("bin.py", "\x00\x01", "decode_error"),
])
def test_bad_input_names_the_file_and_exits_1(tmp_path, capsys, name: str, content: str, kind: str) -> None:
    bad = tmp_path / name
    bad.write_text(content)
    assert main(["cost", "--format", "json", str(bad), str(FAST)]) == 1
    captured = capsys.readouterr()
    first, second = json.loads(captured.out)
    assert first["error"]["kind"] == kind and second["cost"]["class"] == "n"
    assert str(bad) in captured.err and "Traceback" not in captured.err


def test_usage_errors_exit_2(tmp_path) -> None:
    assert main(["cost"]) == 2
    assert main(["cost", str(tmp_path / "missing.py")]) == 2
    listing = tmp_path / "in.jsonl"
    listing.write_text("{}\n")
    assert main(["cost", "--jsonl", str(listing), str(FAST)]) == 2


def test_jsonl_batch_one_record_per_input(tmp_path) -> None:
    source = tmp_path / "in.jsonl"
    out = tmp_path / "out.jsonl"
    lines = [
        json.dumps({"id": 1, "code": FAST.read_text(), "lang": "python"}),
        json.dumps({"id": 2, "skeleton": "skel 1\nfn f0(p0: num) {\n  for log(p0) {\n  }\n}\n"}),
        "not json",
        json.dumps({"id": 4, "code": "def f(:\n", "lang": "python"}),
        json.dumps({"id": 5, "code": 3}),
    ]
    source.write_text("\n".join(lines) + "\n")
    assert main(["cost", "--jsonl", str(source), "-o", str(out)]) == 1
    records = [json.loads(line) for line in out.read_text().splitlines()]
    assert len(records) == 5
    assert records[0]["cost"]["cost"] == "O(n)" and records[0]["id"] == 1
    assert records[1]["cost"]["cost"] == "O(log n)"
    assert [r["error"]["kind"] for r in records[2:]] == ["bad_record", "syntax_error", "bad_record"]
    again = tmp_path / "again.jsonl"
    assert main(["cost", "--jsonl", str(source), "-o", str(again)]) == 1
    assert again.read_bytes() == out.read_bytes()  # deterministic
