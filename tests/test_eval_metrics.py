"""Metric math: hand-checked values and the closed form of pass@k."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from skeldsl.evaluation import metrics
from skeldsl.evaluation.harness import CandidateResult, ProblemResult, summarise


@pytest.mark.parametrize(
    ("n", "c", "k", "expected"),
    [(5, 2, 1, 0.4), (5, 2, 2, 0.7), (4, 0, 1, 0.0), (4, 4, 2, 1.0), (10, 3, 1, 0.3), (3, 1, 3, 1.0)],
)
def test_pass_at_k_hand_checked(n, c, k, expected):
    assert metrics.pass_at_k(n, c, k) == pytest.approx(expected)


@given(st.integers(1, 60).flatmap(lambda n: st.tuples(st.just(n), st.integers(0, n), st.integers(1, n))))
def test_pass_at_k_matches_closed_form(args):
    n, c, k = args
    closed = 1.0 - math.comb(n - c, k) / math.comb(n, k)
    assert metrics.pass_at_k(n, c, k) == pytest.approx(closed, abs=1e-12)


@pytest.mark.parametrize(("n", "c", "k"), [(3, 1, 4), (3, 4, 1), (3, -1, 1), (3, 1, 0)])
def test_pass_at_k_rejects_impossible_arguments(n, c, k):
    with pytest.raises(ValueError):
        metrics.pass_at_k(n, c, k)


def test_er_and_as_hand_checked():
    pairs = [(1.0, 2.0), (2.0, 2.0), (4.0, 2.0)]  # (t_model, t_baseline): speedups 2, 1, 0.5
    assert metrics.efficiency_ratio(pairs) == pytest.approx(2 / 3)
    assert metrics.average_speedup(pairs) == pytest.approx(3.5 / 3)
    assert metrics.geometric_mean_speedup(pairs) == pytest.approx(1.0)
    assert metrics.efficiency_ratio([]) is None and metrics.average_speedup([]) is None


def test_speedup_floors_zero_times():
    assert metrics.speedup(1e-3, 0.0) == pytest.approx(1e-3 / metrics.MIN_TIME_S)


@pytest.mark.parametrize(
    ("time_s", "refs", "expected"),
    [
        (1.0, [1.0, 3.0], 1.0),
        (2.0, [1.0, 3.0], 0.5),
        (0.5, [1.0, 3.0], 1.0),
        (5.0, [1.0, 3.0], 0.0),
        (None, [1.0, 3.0], 0.0),
        (2.0, [], None),
        (2.0, [2.0, 2.0], 1.0),
        (3.0, [2.0], 0.0),
        (2.5, [1, 2, 3], 0.25),
    ],
)
def test_beyond_hand_checked(time_s, refs, expected):
    assert metrics.beyond(time_s, refs) == (pytest.approx(expected) if expected is not None else None)


def test_summarise_times_statistics():
    assert metrics.summarise_times([1, 2, 10], "mean") == pytest.approx(13 / 3)
    assert metrics.summarise_times([1, 2, 10], "median") == 2
    assert metrics.summarise_times([1, 2, 10], "min") == 1
    # Hodges-Lehmann (ENAMEL): pairwise means incl. self-pairs 1, 1.5, 5.5, 2, 6, 10 -> median 3.75
    assert metrics.summarise_times([1, 2, 10], "hl") == pytest.approx(3.75)
    with pytest.raises(ValueError):
        metrics.summarise_times([], "mean")
    with pytest.raises(ValueError):
        metrics.summarise_times([1.0], "mode")


def _cand(status: str, time_s: float | None = None) -> CandidateResult:
    return CandidateResult(status=status, times=((time_s,),) if time_s else (), time_s=time_s)


def test_problem_result_picks_fastest_correct_candidate_and_summary():
    first = ProblemResult(
        problem_id="a",
        candidates=(_cand("passed", 0.4), _cand("wrong_answer"), _cand("passed", 0.1), _cand("timeout")),
        baseline=(_cand("passed", 0.5), _cand("passed", 0.2)),
        reference_runtimes=(0.1, 0.3),
    )
    assert (first.n, first.c, first.best, first.time_s, first.baseline_time_s) == (4, 2, 2, 0.1, 0.2)
    assert first.speedup == pytest.approx(2.0)
    assert first.beyond == pytest.approx(1.0)
    assert first.pass_at(1) == pytest.approx(0.5)
    assert first.pass_at(5) is None
    second = ProblemResult(
        problem_id="b",
        candidates=(_cand("passed", 0.3),),
        baseline=(_cand("passed", 0.15),),
        reference_runtimes=(0.1, 0.5),
    )
    unsolved = ProblemResult(
        problem_id="c",
        candidates=(_cand("wrong_answer"),),
        baseline=(_cand("passed", 1.0),),
        reference_runtimes=(0.1, 0.5),
    )
    broken = ProblemResult(problem_id=None, error={"kind": "bad_eval_record", "message": "x"}, line=4)
    summary = summarise([first, second, unsolved, broken], ks=(1, 2))
    assert (summary.problems, summary.errors, summary.solved, summary.jointly_solved) == (3, 1, 2, 2)
    assert summary.pass_at[1] == pytest.approx((0.5 + 1.0 + 0.0) / 3)
    assert summary.pass_at[2] == pytest.approx(
        1 - math.comb(2, 2) / math.comb(4, 2)
    )  # only problem a has n >= 2
    assert summary.efficiency_ratio == pytest.approx(0.5)  # a faster, b slower
    assert summary.average_speedup == pytest.approx((2.0 + 0.5) / 2)
    assert summary.beyond == pytest.approx((1.0 + 0.5 + 0.0) / 3)
    assert summary.beyond_problems == 3
    assert broken.to_record()["error"]["kind"] == "bad_eval_record"
