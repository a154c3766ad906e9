"""Efficiency evaluation: run candidates against tests in the sandbox, time them as the EffiSkel release
does, and report pass@k, Efficiency Ratio, Average Speedup and Mercury's Beyond.

    >>> from skeldsl.evaluation import metrics
    >>> round(metrics.pass_at_k(n=10, c=3, k=1), 3)
    0.3
"""

from skeldsl.evaluation.harness import (
    CandidateResult,
    EvalSettings,
    ProblemResult,
    Summary,
    evaluate,
    evaluate_problem,
    measure_startup,
    run_candidate,
    summarise,
)
from skeldsl.evaluation.problem import IOCase, Problem, problem_from_record

__all__ = [
    "CandidateResult",
    "EvalSettings",
    "IOCase",
    "Problem",
    "ProblemResult",
    "Summary",
    "evaluate",
    "evaluate_problem",
    "measure_startup",
    "problem_from_record",
    "run_candidate",
    "summarise",
]
