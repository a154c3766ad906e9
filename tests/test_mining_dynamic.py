"""Dynamic strategy: line profiles in the sandbox on real pairs/tests, and hostile programs survived."""

from __future__ import annotations

import gzip
import json
import os
import tempfile
from pathlib import Path

import pytest

from skeldsl.errors import SkelError
from skeldsl.mining import MiningOptions, Solution, mine_group
from skeldsl.mining.dynamic import DynamicInput, LineProfile, hot_lines, profile_solution
from skeldsl.sandbox import Limits, isolation

PAIRS = Path(__file__).resolve().parents[1].parent / "shared" / "corpora" / "pairs"


def _pie(n: int) -> list[dict]:
    path = PAIRS / "pie_python_pairs.jsonl.gz"
    if not path.exists():
        pytest.skip("shared corpora absent")
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        return [json.loads(next(handle)) for _ in range(n)]


def test_hot_line_threshold_is_a_share_of_total():
    profile = LineProfile(times={1: 0.01, 2: 0.5, 3: 0.49}, hits={}, total=1.0)
    assert hot_lines(profile, 0.1) == [2, 3]
    assert hot_lines(profile, 0.495) == [2]
    assert hot_lines(profile, 0.1, hot_seconds=0.495) == [2]
    assert hot_lines(LineProfile({}, {}, 0.0)) == []


def test_pie_pair_slow_program_hot_line_is_its_loop():
    record = _pie(1)[0]  # p03371: a 10**5 loop (slow) vs closed form (fast); stdin "A B C X Y"
    inputs = (DynamicInput(stdin="1500 2000 1600 3 2\n"),)
    slow = profile_solution(record["input"], inputs)
    hot = hot_lines(slow, 0.1)
    lines = record["input"].splitlines()
    assert any(lines[h - 1].lstrip().startswith(("for", "s =", "ans = min")) for h in hot)
    assert slow.hits[max(slow.hits, key=slow.hits.get)] >= 10**5
    fast = profile_solution(record["target"], inputs)
    assert max(fast.hits.values()) < 10


def test_dynamic_and_combined_on_pie_pairs_group():
    records = _pie(3)
    # one group per problem in PIE is a pair; mine the fast/slow pair of the first problem
    record = records[0]
    inputs = (DynamicInput(stdin="1500 2000 1600 3 2\n"),)
    sols = [Solution(record["input"]), Solution(record["target"])]
    for strategy in ("dynamic", "combined"):
        out = mine_group(sols, strategy, MiningOptions(inputs=inputs))
        for result in out:
            assert not isinstance(result, SkelError), result
            assert result.extra["hot_lines"]
            assert result.masked.count("<MASK>") <= len(result.text)
        if strategy == "combined":
            syntactic = mine_group(sols, "syntactic")
            assert set(syntactic[0].whitelist) <= set(out[0].whitelist)


def test_leetcode_check_based_profile():
    path = PAIRS / "leetcode_tests.jsonl.gz"
    if not path.exists():
        pytest.skip("shared corpora absent")
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        record = json.loads(next(handle))
    item = DynamicInput(check=record["test"], prelude=record["prompt"])
    out = mine_group([Solution(record["completion"]), Solution(record["completion"])], "dynamic",
                     MiningOptions(inputs=(item,), entry_point=record["entry_point"]))
    assert not isinstance(out[0], SkelError), out[0]
    assert out[0].extra["profile_s"] > 0


def test_call_based_args_and_wrong_answer_is_an_error():
    code = "class Solution:\n    def f(self, a):\n        return sorted(a)[0]\n"
    profile = profile_solution(code, [DynamicInput(args=([3, 1, 2],))], "Solution().f")
    assert 3 in profile.hits
    bad = DynamicInput(check="def check(c):\n    assert c([5, 4]) == 5\n")
    out = mine_group([Solution(code)], "dynamic", MiningOptions(inputs=(bad,), entry_point="Solution().f"))
    assert isinstance(out[0], SkelError) and out[0].kind == "execution_error"
    assert "AssertionError" in out[0].message


HOSTILE = {
    "infinite_loop": "while True:\n    pass\n",
    "memory_hog": "x = []\nwhile True:\n    x.append(' ' * 10**7)\n",
    "fork": "import os\nfor _ in range(50):\n    os.fork()\n",
    "huge_output": "while True:\n    print('y' * 1000)\n",
    "raises": "n = int(input())\nprint(1 // (n - n))\n",
}


def test_hostile_programs_get_clear_errors_and_the_group_survives():
    limits = Limits(time_s=4.0, memory_mb=256, output_bytes=200_000)
    outside = Path(tempfile.mkdtemp(prefix="skeldsl-test-outside-"))
    target = outside / "pwned.txt"
    programs = dict(HOSTILE)
    programs["write_outside"] = f"open({str(target)!r}, 'w').write('x')\nn = int(input())\n"
    good = "n = int(input())\nprint(sum(range(n)))\n"
    sols = [Solution(code, id=name) for name, code in programs.items()] + [Solution(good, id="good")]
    out = mine_group(sols, "dynamic", MiningOptions(inputs=(DynamicInput(stdin="1000\n"),), limits=limits))
    by_name = dict(zip([s.id for s in sols], out))
    assert not isinstance(by_name["good"], SkelError), by_name["good"]
    expected = {"infinite_loop": "timeout", "memory_hog": "memory", "huge_output": "output_limit",
                "raises": "ZeroDivisionError", "fork": ""}
    for name, word in expected.items():
        result = by_name[name]
        assert isinstance(result, SkelError), (name, result)
        assert result.kind == "execution_error" and word in result.message, (name, result.message)
    if isolation() != "rlimits":  # as root the child runs under its own uid and cannot write here
        assert isinstance(by_name["write_outside"], SkelError)
        assert "PermissionError" in by_name["write_outside"].message or "Errno" in by_name["write_outside"].message
    assert not target.exists()
    os.rmdir(outside)


def test_other_languages_are_unsupported_not_silently_mined():
    out = mine_group([Solution("int main() { return 0; }", "cpp"), Solution("x = 1\n")], "dynamic",
                     MiningOptions(inputs=(DynamicInput(stdin=""),)))
    assert isinstance(out[0], SkelError) and out[0].kind == "unsupported"
    assert "Python only" in out[0].message
    assert not isinstance(out[1], SkelError)


def test_no_inputs_is_a_clear_error():
    out = mine_group([Solution("x = 1\n")], "dynamic")
    assert isinstance(out[0], SkelError) and "input" in out[0].message


def test_profiled_programs_do_not_inherit_secrets(monkeypatch):
    monkeypatch.setenv("SKELDSL_TEST_SECRET", "hunter2")
    code = "import os\nassert 'SKELDSL_TEST_SECRET' not in os.environ, 'leaked'\nn = int(input())\n"
    profile = profile_solution(code, [DynamicInput(stdin="3\n")])
    assert profile.hits.get(3) == 1
