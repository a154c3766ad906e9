"""``skel eval`` end to end and its wrong usage; CodeNet sample parsing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from skeldsl.cli import main
from skeldsl.evaluation.problem import IOCase
from skeldsl.evaluation.samples import parse_sample_tests

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
FAST = "a, b = map(int, input().split())\nprint(a + b)"
SLOW = "import time\na, b = map(int, input().split())\ntime.sleep(0.05)\nprint(a + b)"
TESTS = [{"input": "1 2\n", "output": "3\n"}]


def _write(path: Path, lines: list) -> Path:
    path.write_text("".join((line if isinstance(line, str) else json.dumps(line)) + "\n" for line in lines))
    return path


@pytest.fixture
def mixed(tmp_path) -> Path:
    return _write(
        tmp_path / "in.jsonl",
        [
            {
                "problem_id": "ok",
                "tests": TESTS,
                "candidates": [FAST, "print(4)"],
                "baseline": SLOW,
                "reference_runtimes": [0.0, 1.0],
            },
            "{not json",
            {"problem_id": "no-tests", "candidates": [FAST]},
            "",
            {"problem_id": 7, "tests": TESTS, "candidates": [SLOW]},
        ],
    )


def test_one_output_record_per_input_record_errors_included(mixed, tmp_path, capsys):
    out, summary, plot = tmp_path / "out.jsonl", tmp_path / "summary.json", tmp_path / "s.png"
    code = main(
        [
            "eval",
            str(mixed),
            "--runs",
            "2",
            "--timeout",
            "2",
            "-k",
            "1",
            "-o",
            str(out),
            "--summary",
            str(summary),
            "--plot",
            str(plot),
        ]
    )
    assert code == 1  # two malformed records
    records = [json.loads(line) for line in out.read_text().splitlines()]
    assert [r["problem_id"] for r in records] == ["ok", None, "no-tests", "7"]
    assert records[0]["error"] is None and records[0]["speedup"] > 2 and records[0]["correct"] == 1
    assert records[1]["error"]["kind"] == "bad_eval_record" and records[1]["line"] == 2
    assert "exactly one" in records[2]["error"]["message"] and records[2]["line"] == 3
    assert records[3]["baseline"] == [] and records[3]["speedup"] is None
    data = json.loads(summary.read_text())
    assert (data["problems"], data["errors"], data["jointly_solved"]) == (2, 2, 1)
    assert data["pass_at"]["1"] == pytest.approx((0.5 + 1.0) / 2)
    assert plot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    table = capsys.readouterr().out
    assert "ERROR line 2" in table and "jointly solved 1: ER 1.000" in table


def test_baseline_file_sets_baselines_and_json_summary(tmp_path, capsys):
    source = _write(tmp_path / "in.jsonl", [{"problem_id": "p", "tests": TESTS, "candidates": [FAST]}])
    baseline = _write(tmp_path / "base.jsonl", [{"problem_id": "p", "candidates": [SLOW]}])
    assert main(["eval", str(source), "--baseline", str(baseline), "--runs", "2", "--json"]) == 0
    summary = json.loads(capsys.readouterr().out)
    assert summary["jointly_solved"] == 1 and summary["efficiency_ratio"] == 1.0
    assert summary["settings"]["runs"] == 2


def test_cpu_clock_and_startup_options_reach_records_and_summary(tmp_path, capsys):
    source = _write(
        tmp_path / "in.jsonl", [{"problem_id": "p", "tests": TESTS, "candidates": [FAST], "baseline": SLOW}]
    )
    out = tmp_path / "out.jsonl"
    argv = ["eval", str(source), "--runs", "2", "--clock", "cpu", "--add-startup", "--json", "-o", str(out)]
    assert main([*argv, "--fresh-per-test"]) == 0
    settings = json.loads(capsys.readouterr().out)["settings"]
    assert settings["clock"] == "cpu" and settings["add_startup"] is True
    assert settings["fresh_per_test"] is True and settings["fresh"] is True
    assert 0.001 < settings["startup_s"] < 2.0
    record = json.loads(out.read_text())
    candidate = record["candidates"][0]
    assert candidate["startup_s"] == settings["startup_s"]
    assert candidate["time_s"] == pytest.approx(sum(candidate["run_times"]) / 2 + settings["startup_s"])
    # SLOW sleeps 10 ms: no CPU, so on the CPU clock it is about as fast as FAST.
    assert record["speedup"] < 1.5


def test_output_to_stdout_moves_the_table_to_stderr(tmp_path, capsys):
    source = _write(tmp_path / "in.jsonl", [{"problem_id": "p", "tests": TESTS, "candidates": [FAST]}])
    assert main(["eval", str(source), "--runs", "1", "-o", "-"]) == 0
    captured = capsys.readouterr()
    assert json.loads(captured.out.strip())["problem_id"] == "p"
    assert "problems 1" in captured.err


@pytest.mark.parametrize(
    "argv",
    [
        ["eval"],
        ["eval", "/nonexistent/in.jsonl"],
        ["eval", "IN", "--runs", "0"],
        ["eval", "IN", "--timeout", "-1"],
        ["eval", "IN", "--jobs", "0"],
        ["eval", "IN", "--statistic", "mode"],
        ["eval", "IN", "--clock", "tsc"],
        ["eval", "IN", "--bogus"],
        ["eval", "IN", "--baseline", "/nonexistent/base.jsonl"],
        ["eval", "IN", "--baseline", "BAD"],
    ],
)
def test_wrong_usage_exits_2(argv, tmp_path, capsys):
    source = _write(tmp_path / "in.jsonl", [{"problem_id": "p", "tests": TESTS, "candidates": [FAST]}])
    bad = _write(tmp_path / "bad.jsonl", [{"problem_id": "p", "baseline": [1]}])
    argv = [str(source) if a == "IN" else str(bad) if a == "BAD" else a for a in argv]
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err and err.strip()


def test_parse_sample_tests_pairs_numbered_and_unnumbered_headings_without_duplicates():
    page = (
        "<h3>入力例 1</h3><pre>1 2\n</pre><h3>出力例 1</h3><pre>3\n</pre>"
        "<h3>Sample Input 1</h3><pre>1 2\n</pre><h3>Sample Output 1</h3><pre>3\n</pre>"
        "<h3>Sample Input 2</h3><pre>\n5 &lt; 6\n</pre><p>note</p><h3>Sample Output 2</h3><pre><var>11</var>\n</pre>"
    )
    assert parse_sample_tests(page) == (IOCase("1 2\n", "3\n"), IOCase("5 < 6\n", "11\n"))
    aizu = "<H2>Sample Input</H2><pre>4\n</pre><H2>Output for the Sample Input</H2><pre>16\n</pre>"
    assert parse_sample_tests(aizu) == (IOCase("4\n", "16\n"),)
    assert parse_sample_tests("<h3>Sample Input 1</h3><p>no pre</p>") == ()


def test_parse_sample_tests_on_a_real_codenet_page():
    page = SHARED / "corpora" / "pairs" / "codenet_problem_descriptions" / "p03371.html"
    if not page.exists():
        pytest.skip(f"shared corpus not present: {page}")
    cases = parse_sample_tests(page.read_text(encoding="utf-8"))
    assert [c.output.strip() for c in cases] == ["7900", "8500", "100000000"]
    assert cases[0].input == "1500 2000 1600 3 2\n"


def test_jobs_keep_input_order_and_results(tmp_path):
    lines = [
        {
            "problem_id": f"p{i}",
            "tests": TESTS,
            "candidates": [FAST if i % 2 else "print(0)"],
            "baseline": FAST,
        }
        for i in range(5)
    ]
    source = _write(tmp_path / "in.jsonl", lines)
    out = tmp_path / "out.jsonl"
    assert main(["eval", str(source), "--runs", "1", "--jobs", "3", "-o", str(out)]) == 0
    records = [json.loads(line) for line in out.read_text().splitlines()]
    assert [r["problem_id"] for r in records] == [f"p{i}" for i in range(5)]
    assert [r["correct"] for r in records] == [0, 1, 0, 1, 0]


def test_plot_labels_are_plain_ratios(tmp_path):
    from skeldsl.evaluation.plot import _ratio_label, plot_speedups

    assert [_ratio_label(v) for v in (0.001, 1.0, 3.16228, 1000.0, 10000.0)] == [
        "0.001x",
        "1x",
        "3.16x",
        "1,000x",
        "10,000x",
    ]
    empty = plot_speedups([], tmp_path / "empty.png")  # no jointly solved problems: still a figure
    assert empty.read_bytes()[:4] == b"\x89PNG"
