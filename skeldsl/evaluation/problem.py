"""Evaluation problems: what a candidate is run against, read from one JSONL record.

Record schema (one JSON object per line; ``skel eval --help`` repeats it)::

    {
      "problem_id": "p03371",                      # required, string (numbers are converted)
      "candidates": ["<code>", ...],               # required: the model's samples (may be empty)
      "baseline": "<code>" | ["<code>", ...],      # optional: the baseline set for this problem
      "references": ["<code>", ...],               # optional: reference solutions, timed here
      "reference_runtimes": [0.012, ...],          # optional: reference runtimes in seconds (Beyond)

      # stdin/stdout problems
      "tests": [{"input": "1 2\\n", "output": "3\\n"}, ...],
      "float_tolerance": 1e-6,                     # optional; numeric tokens containing '.'

      # call-based problems (HumanEval / LeetCode style: the whole check(candidate) call is timed)
      "prompt": "from typing import *\\n...",       # optional: code run before the candidate
      "entry_point": "Solution().twoSum",          # required: expression naming the callable
      "test": "def check(candidate):\\n    assert ...",
      # ... or EvalPlus / ENAMEL style (only the calls are timed, on deep copies of the arguments)
      "setup": "cases = [(...), ...]\\nexpected = [...]   # or: def verify(args, output): ..."
    }

In ``setup`` mode ``expected`` alone is compared with ``==``; ``verify(args, output)`` alone decides; with
both, ``verify(args, expected_i, output)`` is called (a checker that knows the answer, as in ENAMEL).

Exactly one of ``tests``, ``test`` and ``setup`` must be present; the mode follows from it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from skeldsl.errors import EvalRecordError

MODES = ("stdio", "check", "cases")


@dataclass(frozen=True)
class IOCase:
    """One stdin/stdout test."""

    input: str
    output: str


@dataclass(frozen=True)
class Problem:
    """A problem with its tests and the code to evaluate on it."""

    problem_id: str
    mode: str
    candidates: tuple[str, ...]
    baseline: tuple[str, ...] = ()
    references: tuple[str, ...] = ()
    reference_runtimes: tuple[float, ...] = ()
    tests: tuple[IOCase, ...] = ()
    float_tolerance: float = 0.0
    prompt: str = ""
    entry_point: str = ""
    test: str = ""
    setup: str = ""

    def __post_init__(self) -> None:
        if self.mode not in MODES:
            raise EvalRecordError(f"unknown mode {self.mode!r}; expected one of {', '.join(MODES)}")
        if self.mode == "stdio" and not self.tests:
            raise EvalRecordError("a stdin/stdout problem needs at least one test")
        if self.mode != "stdio" and not self.entry_point.strip():
            raise EvalRecordError("a call-based problem needs an `entry_point`")

    def spec(self) -> dict[str, Any]:
        """The part of the problem the sandboxed driver needs (without the candidate)."""
        return {
            "mode": self.mode,
            "tests": [{"input": t.input, "output": t.output} for t in self.tests],
            "float_tolerance": self.float_tolerance,
            "prompt": self.prompt,
            "entry_point": self.entry_point,
            "test": self.test,
            "setup": self.setup,
        }


def _code_list(record: dict[str, Any], key: str, *, required: bool = False) -> tuple[str, ...]:
    if key not in record or record[key] is None:
        if required:
            raise EvalRecordError(f"missing field `{key}`")
        return ()
    value = record[key]
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise EvalRecordError(f"`{key}` must be a string or a list of strings")
    return tuple(value)


def _string(record: dict[str, Any], key: str) -> str:
    value = record.get(key, "")
    if value is None:
        return ""
    if not isinstance(value, str):
        raise EvalRecordError(f"`{key}` must be a string")
    return value


def problem_from_record(record: Any) -> Problem:
    """Validate one input record and build its ``Problem``; raises ``EvalRecordError`` naming the field."""
    if not isinstance(record, dict):
        raise EvalRecordError(f"a record must be a JSON object, not {type(record).__name__}")
    problem_id = record.get("problem_id", record.get("task_id"))
    if problem_id is None or isinstance(problem_id, (dict, list, bool)):
        raise EvalRecordError("missing or invalid `problem_id`")
    present = [key for key in ("tests", "test", "setup") if record.get(key)]
    if len(present) != 1:
        raise EvalRecordError(
            "exactly one of `tests` (stdin/stdout), `test` (check(candidate)) or `setup` (cases) is needed; "
            f"found {present or 'none'}"
        )
    runtimes = record.get("reference_runtimes") or []
    if not isinstance(runtimes, list) or not all(
        isinstance(r, (int, float)) and not isinstance(r, bool) and r >= 0 for r in runtimes
    ):
        raise EvalRecordError("`reference_runtimes` must be a list of non-negative numbers (seconds)")
    tests: list[IOCase] = []
    if present[0] == "tests":
        raw = record["tests"]
        if not isinstance(raw, list):
            raise EvalRecordError("`tests` must be a list of {input, output} objects")
        for i, test in enumerate(raw):
            if not (
                isinstance(test, dict)
                and isinstance(test.get("input"), str)
                and isinstance(test.get("output"), str)
            ):
                raise EvalRecordError(f"`tests[{i}]` must be an object with string `input` and `output`")
            tests.append(IOCase(test["input"], test["output"]))
    tolerance = record.get("float_tolerance", 0.0)
    if not isinstance(tolerance, (int, float)) or isinstance(tolerance, bool) or tolerance < 0:
        raise EvalRecordError("`float_tolerance` must be a non-negative number")
    return Problem(
        problem_id=str(problem_id),
        mode={"tests": "stdio", "test": "check", "setup": "cases"}[present[0]],
        candidates=_code_list(record, "candidates", required=True),
        baseline=_code_list(record, "baseline"),
        references=_code_list(record, "references"),
        reference_runtimes=tuple(float(r) for r in runtimes),
        tests=tuple(tests),
        float_tolerance=float(tolerance),
        prompt=_string(record, "prompt"),
        entry_point=_string(record, "entry_point"),
        test=_string(record, "test"),
        setup=_string(record, "setup"),
    )
