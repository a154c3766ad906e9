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


def _cost_batch_input(tmp_path) -> Path:
    """Records of every outcome, with blank lines (error records name the file's line numbers)."""
    lines = []
    for index in range(40):
        code = (FAST if index % 2 else SLOW).read_text()
        lines.append(json.dumps({"id": index, "code": code, "lang": "python"}))
        if index % 9 == 3:
            lines += ["", "{broken", "[1, 2]", json.dumps({"id": f"s{index}", "skeleton": "skel 1\nfn f0(p0 {\n"}),
                      json.dumps({"id": f"u{index}", "code": "x", "lang": "cobol"})]
    source = tmp_path / "in.jsonl"
    source.write_bytes(("\n".join(lines) + "\n").encode() + b'\xff\xfe\n{"code": "x = 1"}\n')
    return source


def test_jsonl_jobs_2_gives_the_bytes_of_jobs_1(tmp_path, capsys) -> None:
    source = _cost_batch_input(tmp_path)
    outputs = []
    for jobs in ("1", "2"):
        out = tmp_path / f"out{jobs}.jsonl"
        assert main(["cost", "--jsonl", str(source), "-o", str(out), "--jobs", jobs]) == 1
        outputs.append(out.read_bytes())
        summary = capsys.readouterr().err
        assert summary.startswith("62 records, 22 failed (bad_record: 12, skeleton_syntax: 5, unknown_language: 5),")
    assert outputs[0] == outputs[1]
    records = [json.loads(line) for line in outputs[0].decode().splitlines()]
    assert len(records) == 62  # one per non-blank input line
    assert records[0]["cost"]["class"] == "n^2" and records[1]["cost"]["cost"] == "O(n)"
    bad = [r for r in records if r.get("error", {}).get("kind") == "bad_record"]
    assert bad[0] == {"line": 6, "error": {"kind": "bad_record", "line": None, "column": None,
                                           "message": bad[0]["error"]["message"]}}  # line 5 is blank
    assert bad[-1]["error"]["message"] == "language field missing and no --lang given"
    assert "Traceback" not in summary


def test_jsonl_from_stdin_to_stdout(tmp_path, capsys, monkeypatch) -> None:
    import io

    source = _cost_batch_input(tmp_path)
    out = tmp_path / "out.jsonl"
    assert main(["cost", "--jsonl", str(source), "-o", str(out), "--lang", "python"]) == 1
    capsys.readouterr()
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(source.read_bytes())))
    assert main(["cost", "--jsonl", "-", "--lang", "python", "--jobs", "2"]) == 1
    assert capsys.readouterr().out.encode() == out.read_bytes()


def test_jsonl_unreadable_input_is_a_usage_error(tmp_path) -> None:
    assert main(["cost", "--jsonl", str(tmp_path / "missing.jsonl")]) == 2
