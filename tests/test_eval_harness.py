"""The evaluation harness end to end in the real sandbox: modes, statuses, timing, picking the fastest."""

from __future__ import annotations

import gzip
import json
from dataclasses import replace
from pathlib import Path

import pytest

from skeldsl.errors import EvalRecordError
from skeldsl.evaluation import (
    EvalSettings,
    evaluate_problem,
    measure_startup,
    problem_from_record,
    run_candidate,
)
from skeldsl.evaluation.metrics import summarise_times

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
QUICK = EvalSettings(runs=2, warmup=1, timeout_s=2.0)
ADD = {
    "problem_id": "add",
    "tests": [{"input": "1 2\n", "output": "3\n"}, {"input": "40 2\n", "output": "42"}],
}


def _stdio(code: str, settings: EvalSettings = QUICK, **extra):
    return run_candidate(problem_from_record({**ADD, "candidates": [], **extra}), code, settings)


@pytest.mark.parametrize(
    "code",
    [
        "a, b = map(int, input().split())\nprint(a + b)",
        "print(sum(map(int, open(0).read().split())))",
        "import sys\nprint(sum(map(int, sys.stdin.buffer.read().split())))",
        "import sys\nsys.stdout.write(str(sum(map(int, sys.stdin.readline().split()))) + '\\n')\nexit()",
        "import sys\nprint('debug', file=sys.stderr)\nprint(  sum(map(int, input().split()))  , end='  \\n\\n')",
    ],
)
def test_stdio_idioms_pass(code):
    result = _stdio(code)
    assert result.status == "passed", result.message
    assert len(result.times) == 2 and all(len(run) == 2 for run in result.times)
    assert result.time_s is not None and 0 <= result.time_s < 0.5


@pytest.mark.parametrize(
    ("code", "status", "fragment"),
    [
        ("print(3)", "wrong_answer", "expected '42', got '3'"),
        ("x = ", "compile_error", "SyntaxError"),
        ("raise KeyError('k')", "runtime_error", "KeyError"),
        ("import sys; sys.exit(4)", "runtime_error", "exit code 4"),
        ("while True:\n    pass", "timeout", "exceeded 0.5 s"),
        ("x = bytearray(3 * 1024 ** 3)", "memory", "MemoryError"),
        (
            'import os\nos.write(1, b\'@@SKELDSL-EVAL-RESULT@@{"status": "passed"}\\n\')\nprint(0)',
            "wrong_answer",
            "",
        ),
    ],
)
def test_stdio_failures_have_clear_statuses(code, status, fragment):
    result = _stdio(code, EvalSettings(runs=2, timeout_s=0.5, memory_mb=512))
    assert result.status == status, result
    assert fragment in result.message
    assert result.time_s is None


def test_float_tolerance_applies_to_decimal_tokens_only():
    record = {"problem_id": "f", "tests": [{"input": "", "output": "0.3333333 7\n"}], "float_tolerance": 1e-6}
    problem = problem_from_record({**record, "candidates": []})
    assert run_candidate(problem, "print(1/3, 7)", QUICK).passed
    assert run_candidate(problem, "print(1/3, 7.0000001)", QUICK).passed  # '.' in the actual token
    assert not run_candidate(problem, "print(0.334, 7)", QUICK).passed


def test_fastest_correct_candidate_counts_and_speedup_is_measured():
    slow = "import time\na, b = map(int, input().split())\ntime.sleep(0.02)\nprint(a + b)"
    fast = "a, b = map(int, input().split())\nprint(a + b)"
    problem = problem_from_record({**ADD, "candidates": [slow, "print(0)", fast], "baseline": [slow]})
    result = evaluate_problem(problem, QUICK)
    assert [c.status for c in result.candidates] == ["passed", "wrong_answer", "passed"]
    assert result.best == 2
    assert result.baseline_time_s >= 0.02
    assert result.speedup > 10
    assert result.to_record((1,))["pass_at"] == {"1": pytest.approx(2 / 3)}


def test_check_mode_with_a_leetcode_record():
    path = SHARED / "corpora" / "pairs" / "leetcode_tests.jsonl.gz"
    if not path.exists():
        pytest.skip(f"shared corpus not present: {path}")
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        record = json.loads(handle.readline())
    assert record["entry_point"] == "Solution().twoSum"
    wrong = "class Solution:\n    def twoSum(self, nums, target):\n        return [0, 0]\n"
    problem = problem_from_record({**record, "candidates": [record["completion"], wrong]})
    result = evaluate_problem(problem, QUICK)
    assert result.candidates[0].status == "passed", result.candidates[0].message
    assert result.candidates[1].status == "wrong_answer"
    assert "assertion failed" in result.candidates[1].message


def test_check_mode_humaneval_style_and_bad_entry_point():
    record = {
        "problem_id": "HumanEval/x",
        "entry_point": "add",
        "test": "def check(candidate):\n    assert candidate(2, 3) == 5\n    assert candidate(-1, 1) == 0\n",
    }
    problem = problem_from_record({**record, "candidates": []})
    assert run_candidate(problem, "def add(a, b):\n    return a + b\n", QUICK).passed
    missing = run_candidate(problem, "def plus(a, b):\n    return a + b\n", QUICK)
    assert missing.status == "runtime_error" and "NameError" in missing.message


@pytest.mark.parametrize(
    "setup",
    [
        "cases = [(i,) for i in range(50)]\nexpected = [i * i for i in range(50)]",
        "cases = [(i,) for i in range(50)]\ndef verify(args, output):\n    return output == args[0] ** 2",
        (
            "cases = [(i,) for i in range(50)]\nexpected = [i * i for i in range(50)]\n"
            "def verify(args, answer, output):\n    return type(output) is int and output == answer"
        ),
    ],
)
def test_cases_mode_times_only_the_calls(setup):
    problem = problem_from_record({"problem_id": "sq", "entry_point": "f", "setup": setup, "candidates": []})
    good = run_candidate(problem, "def f(x):\n    return x * x", QUICK)
    assert good.passed, good.message
    assert len(good.times[0]) == 50
    bad = run_candidate(problem, "def f(x):\n    return x + x", QUICK)
    assert bad.status == "wrong_answer" and bad.failed_test in (0, 1, 3)  # 0+0 == 0*0 and 2+2 == 2*2


def test_cases_mode_arguments_are_copied_per_run():
    setup = "cases = [([3, 1, 2],)]\nexpected = [[1, 2, 3]]"
    problem = problem_from_record({"problem_id": "s", "entry_point": "f", "setup": setup, "candidates": []})
    # A candidate that mutates its input would corrupt later runs without a deep copy per run.
    code = "def f(xs):\n    xs.sort()\n    out = list(xs)\n    xs.append(99)\n    return out"
    assert run_candidate(problem, code, EvalSettings(runs=3, timeout_s=2)).passed


def test_fresh_mode_times_every_run_in_a_new_process():
    result = _stdio(
        "import json, decimal\nprint(sum(map(int, input().split())))",
        EvalSettings(runs=2, fresh=True, timeout_s=2.0),
    )
    assert result.passed and len(result.times) == 2


def test_fresh_per_test_runs_every_test_in_its_own_process():
    # The import is paid once per process: once per run with --fresh, once per test with fresh_per_test.
    marker = (
        "import sys\nfirst = 'skeldsl_probe' not in sys.modules\nsys.modules['skeldsl_probe'] = sys\n"
        "a, b = map(int, input().split())\nprint(a + b if first else -1)"
    )
    per_run = _stdio(marker, EvalSettings(runs=2, timeout_s=2.0, fresh=True))
    assert per_run.status == "wrong_answer" and per_run.failed_test == 1  # test 2 saw test 1's module
    per_test = _stdio(marker, EvalSettings(runs=2, timeout_s=2.0, fresh_per_test=True))
    assert per_test.passed and [len(run) for run in per_test.times] == [2, 2]
    wrong = _stdio("print(3)", EvalSettings(runs=1, timeout_s=2.0, fresh_per_test=True))
    assert wrong.status == "wrong_answer" and wrong.failed_test == 1  # index in the problem's tests


def test_cpu_clock_charges_work_not_sleep_at_microsecond_resolution():
    sleepy = "import time\ntime.sleep(0.05)\nprint(sum(map(int, input().split())))"
    wall = _stdio(sleepy, EvalSettings(runs=2, timeout_s=2.0))
    cpu = _stdio(sleepy, EvalSettings(runs=2, timeout_s=2.0, clock="cpu"))
    assert wall.passed and cpu.passed
    assert min(min(run) for run in wall.times) >= 0.045  # slept: wall time
    assert max(max(run) for run in cpu.times) < 0.02  # slept: no CPU
    # A little real work is measured in every run, and not in scheduler ticks: with RLIMIT_CPU set,
    # time.process_time would step by 1-4 ms and read 0.0 or a multiple of a tick here.
    busy = "x = sum(range(30000))\nprint(sum(map(int, input().split())))"
    work = _stdio(busy, EvalSettings(runs=3, timeout_s=2.0, clock="cpu"))
    values = [t for run in work.times for t in run]
    assert work.passed and all(0 < t < 0.5 for t in values)
    assert not all(round(t * 1e6) % 1000 == 0 for t in values)


def test_cpu_clock_counts_threads_and_fresh_processes():
    threaded = (
        "import threading\n"
        "def main():\n    x = sum(range(300000))\n    print(sum(map(int, input().split())))\n"
        "t = threading.Thread(target=main)\nt.start()\nt.join()"
    )
    result = _stdio(threaded, EvalSettings(runs=2, timeout_s=2.0, clock="cpu", fresh=True))
    assert result.passed and len(result.times) == 2
    assert all(sum(run) > 0.001 for run in result.times)  # the thread's work is charged


def test_add_startup_adds_the_measured_empty_program_start_up_to_every_run():
    settings = EvalSettings(runs=2, timeout_s=2.0, clock="cpu", add_startup=True)
    startup = measure_startup(settings)
    assert 0.001 < startup < 2.0  # a CPython start-up: milliseconds, not zero
    assert measure_startup(settings) == startup  # measured once per run of the process
    result = _stdio("print(sum(map(int, input().split())))", settings)
    assert result.passed and result.startup_s == startup
    means = [sum(run) / len(run) for run in result.times]
    assert result.time_s == pytest.approx(summarise_times([m + startup for m in means]))
    assert result.to_record()["startup_s"] == startup
    # Whole-program times shrink the ratio of two programs whose work is small next to start-up.
    slow = "x = sum(range(100000))\nprint(sum(map(int, input().split())))"
    fast = "print(sum(map(int, input().split())))"
    plain = evaluate_problem(
        problem_from_record({**ADD, "candidates": [fast], "baseline": [slow]}),
        replace(settings, add_startup=False),
    )
    whole = evaluate_problem(problem_from_record({**ADD, "candidates": [fast], "baseline": [slow]}), settings)
    assert plain.speedup > 1 and whole.speedup > 1
    assert whole.speedup < plain.speedup


def test_startup_can_be_given_and_settings_are_validated():
    given = EvalSettings(runs=1, timeout_s=2.0, add_startup=True, startup_s=0.5)
    result = _stdio("print(sum(map(int, input().split())))", given)
    assert result.startup_s == 0.5 and result.time_s >= 0.5
    with pytest.raises(ValueError, match="clock"):
        EvalSettings(clock="tsc")
    with pytest.raises(ValueError, match="startup_s"):
        EvalSettings(startup_s=-1.0)


@pytest.mark.parametrize(
    ("record", "fragment"),
    [
        ([], "JSON object"),
        ({"candidates": []}, "problem_id"),
        ({"problem_id": "a", "candidates": []}, "exactly one"),
        ({"problem_id": "a", "candidates": [], "tests": [{"input": 1}]}, "tests[0]"),
        ({"problem_id": "a", "candidates": "x", "test": "t", "setup": "s"}, "exactly one"),
        (
            {"problem_id": "a", "candidates": [1], "test": "def check(c): pass", "entry_point": "f"},
            "candidates",
        ),
        ({"problem_id": "a", "candidates": [], "test": "def check(c): pass"}, "entry_point"),
        ({"problem_id": "a", **ADD, "candidates": [], "reference_runtimes": [-1]}, "reference_runtimes"),
    ],
)
def test_bad_records_raise_eval_record_errors(record, fragment):
    with pytest.raises(EvalRecordError) as info:
        problem_from_record(record)
    assert fragment in info.value.message
