"""``skel extract``: files, stdin, JSON facts, JSONL batch, bad input and exit codes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from skeldsl.cli import main

ROOT = Path(__file__).resolve().parents[1]
FAST = ROOT / "examples/two_sum/fast.py"


def test_extract_a_file(capsys) -> None:
    assert main(["extract", str(FAST)]) == 0
    assert capsys.readouterr().out == FAST.with_suffix(".skel").read_text()


def test_json_format_has_facts(capsys) -> None:
    assert main(["extract", "--format", "json", str(FAST)]) == 0
    payload = json.loads(capsys.readouterr().out)
    (function,) = payload["functions"]
    assert payload["skeleton"] == FAST.with_suffix(".skel").read_text()
    assert function["loop_depth"] == 1 and function["early_exits"] == 1
    assert function["operations"] == {"map": 1, "map.get": 1, "map.has": 1, "map.put": 1}


@pytest.mark.parametrize("content, kind", [
    (b"\x00\x01\x02binary", "decode_error"),
    (b"x = '\xff\xfe'\n", "decode_error"),
    (b"def f(:\n", "syntax_error"),
])
def test_bad_files_give_an_error_and_exit_1(tmp_path, capsys, content: bytes, kind: str) -> None:
    bad = tmp_path / "bad.py"
    bad.write_bytes(content)
    assert main(["extract", str(bad), str(FAST)]) == 1
    captured = capsys.readouterr()
    assert "bad.py:" in captured.err and kind in captured.err
    assert "Traceback" not in captured.err
    assert captured.out.startswith("# ")  # the good file is still extracted


def test_usage_errors_exit_2(tmp_path) -> None:
    assert main(["extract"]) == 2
    assert main(["extract", str(tmp_path / "missing.py")]) == 2
    assert main(["extract", "--format", "xml", str(FAST)]) == 2


def test_unknown_extension_is_an_error_record(tmp_path, capsys) -> None:
    odd = tmp_path / "prog.zzz"
    odd.write_text("x")
    assert main(["extract", str(odd)]) == 1
    assert "unknown_language" in capsys.readouterr().err


def test_jsonl_batch_one_record_per_input(tmp_path) -> None:
    records = [
        {"id": 1, "code": FAST.read_text(), "lang": "python"},
        {"id": 2, "code": "def f(:\n", "lang": "python"},
        {"id": 3, "code": "x = 1\n"},
        {"id": 4, "code": 17, "lang": "python"},
        {"id": 5, "code": "x", "lang": "cobol"},
    ]
    source = tmp_path / "in.jsonl"
    lines = [json.dumps(r) for r in records] + ["{not json"]
    source.write_text("\n".join(lines) + "\n")
    out = tmp_path / "out.jsonl"
    assert main(["extract", "--jsonl", str(source), "-o", str(out), "--id-field", "id"]) == 1
    results = [json.loads(line) for line in out.read_text().splitlines()]
    assert len(results) == len(lines)
    assert results[0]["skeleton"] == FAST.with_suffix(".skel").read_text() and results[0]["id"] == 1
    assert results[1]["error"]["kind"] == "syntax_error" and results[1]["error"]["line"] is not None
    assert results[2]["error"]["kind"] == "bad_record"  # no lang and no --lang
    assert results[3]["error"]["kind"] == "bad_record"
    assert results[4]["error"]["kind"] == "unknown_language"
    assert results[5]["error"]["kind"] == "bad_record"


def test_jsonl_default_lang(tmp_path) -> None:
    source = tmp_path / "in.jsonl"
    source.write_text(json.dumps({"code": "def f(xs: list):\n    xs.sort()\n"}) + "\n")
    out = tmp_path / "out.jsonl"
    assert main(["extract", "--jsonl", str(source), "-o", str(out), "--lang", "python"]) == 0
    assert "sort(p0)" in json.loads(out.read_text())["skeleton"]


def test_console_script_reads_stdin() -> None:
    result = subprocess.run([Path(sys.executable).parent / "skel", "extract", "--lang", "python", "-"],
                            input=FAST.read_text(), capture_output=True, text=True)
    assert result.returncode == 0
    assert result.stdout == FAST.with_suffix(".skel").read_text()


def test_languages_lists_the_registry(capsys) -> None:
    assert main(["languages"]) == 0
    out = capsys.readouterr().out
    for name in ("python", "java", "cpp", "go", "rust", "swift", "kotlin", "csharp", "typescript"):
        assert name in out
