"""Run candidates against a problem's tests in the sandbox, time them, and aggregate per problem.

Timing follows the EffiSkel release (``evaluate/metric_time``): every candidate runs the tests ``runs``
times (default 30) with a per-run timeout (default 4 s), after ``warmup`` (default 1) checked but untimed
runs that absorb module imports (or, with ``fresh``, every run in a new process, imports included, as the
release's fork-per-iteration does); a run's time is the mean over the problem's tests;
the candidate's time is the ``statistic`` (default mean, as the release) over runs; per problem the fastest
*correct* candidate counts.  Unlike the release, the time is measured inside the sandboxed child around
the candidate only, so interpreter start-up (~30 ms, larger than most programs) is excluded; see
``_child.py``.  With ``jobs > 1`` candidates run concurrently, which adds noise on a small machine.

Two options make the measurement closer to what judges and PIE record (``docs/evaluation.md``):

* ``clock="cpu"`` times with the child's CPU clock (``time.process_time``) instead of the wall clock: a
  judge charges CPU time, and CPU time barely moves when other processes compete for the cores.
* ``add_startup=True`` adds the start-up of an *empty* program in the same sandbox, measured in the same
  run with the same clock (median of ``STARTUP_PROBES`` runs), to every test execution: a whole-program
  time, as when every test is its own process (PIE, online judges).  It is one constant for all
  programs, so it changes no single ranking of candidates, but it shrinks ratios between programs whose
  work is small next to start-up (0.1 ms vs 1 ms is 10x in-process, ~1.05x as whole programs).
"""

from __future__ import annotations

import json
import statistics
import threading
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from importlib import resources
from typing import Any

from skeldsl.evaluation import metrics
from skeldsl.evaluation.problem import Problem
from skeldsl.sandbox import Limits, run_python

MARKER = "@@SKELDSL-EVAL-RESULT@@"
STARTUP_SLACK_S = 3.0
STARTUP_PROBES = 7
CLOCKS = ("wall", "cpu")


@dataclass(frozen=True)
class EvalSettings:
    """How candidates are run and timed."""

    runs: int = 30
    warmup: int = 1
    timeout_s: float = 4.0
    statistic: str = "mean"
    memory_mb: int = 1024
    threads: int = 8  # extra processes/threads a candidate may start (deep-recursion idioms use threads)
    output_bytes: int = 1_000_000
    ks: tuple[int, ...] = (1, 5, 10)
    fresh: bool = False  # every timed run in a new process: module imports are timed in every run
    fresh_per_test: bool = False  # stdin/stdout: every test of every timed run in its own process
    clock: str = "wall"  # "wall" (perf_counter) or "cpu" (the child's getrusage user + system time)
    add_startup: bool = False  # add an empty program's start-up (same sandbox, same clock) per test
    startup_s: float | None = None  # that start-up; measured on first use when None

    def __post_init__(self) -> None:
        if self.clock not in CLOCKS:
            raise ValueError(f"unknown clock {self.clock!r}; expected one of {', '.join(CLOCKS)}")
        if self.startup_s is not None and not self.startup_s >= 0:
            raise ValueError(f"startup_s must be >= 0, got {self.startup_s}")
        if self.runs < 1 or self.warmup < 0:
            raise ValueError(f"need runs >= 1 and warmup >= 0, got {self.runs}, {self.warmup}")
        if not self.timeout_s > 0:
            raise ValueError(f"timeout must be positive, got {self.timeout_s}")
        if self.statistic not in metrics.STATISTICS:
            raise ValueError(f"unknown statistic {self.statistic!r}")
        if any(k < 1 for k in self.ks):
            raise ValueError(f"k must be >= 1, got {self.ks}")


@dataclass(frozen=True)
class CandidateResult:
    """One candidate on one problem. ``times`` holds per-run lists of per-test seconds."""

    status: str
    message: str = ""
    failed_test: int | None = None
    times: tuple[tuple[float, ...], ...] = ()
    time_s: float | None = None
    startup_s: float = 0.0  # added to every run's mean in ``time_s`` (``add_startup``), not to ``times``

    @property
    def passed(self) -> bool:
        return self.status == "passed"

    def to_record(self) -> dict[str, Any]:
        return {
            "status": self.status,
            "time_s": self.time_s,
            "startup_s": self.startup_s,
            "runs": len(self.times),
            "run_times": [round(sum(t) / len(t), 9) if t else 0.0 for t in self.times],
            "message": self.message,
            "failed_test": self.failed_test,
        }


@dataclass(frozen=True)
class ProblemResult:
    """Everything measured on one problem; ``error`` is set (and the rest empty) for a bad record."""

    problem_id: str | None
    candidates: tuple[CandidateResult, ...] = ()
    baseline: tuple[CandidateResult, ...] = ()
    references: tuple[CandidateResult, ...] = ()
    reference_runtimes: tuple[float, ...] = ()
    error: dict[str, Any] | None = None
    line: int | None = None

    @property
    def n(self) -> int:
        return len(self.candidates)

    @property
    def c(self) -> int:
        return sum(1 for r in self.candidates if r.passed)

    @property
    def best(self) -> int | None:
        return _fastest(self.candidates)

    @property
    def time_s(self) -> float | None:
        best = self.best
        return None if best is None else self.candidates[best].time_s

    @property
    def baseline_time_s(self) -> float | None:
        best = _fastest(self.baseline)
        return None if best is None else self.baseline[best].time_s

    @property
    def speedup(self) -> float | None:
        if self.time_s is None or self.baseline_time_s is None:
            return None
        return metrics.speedup(self.baseline_time_s, self.time_s)

    @property
    def all_reference_runtimes(self) -> tuple[float, ...]:
        measured = tuple(r.time_s for r in self.references if r.passed and r.time_s is not None)
        return self.reference_runtimes + measured

    @property
    def beyond(self) -> float | None:
        return metrics.beyond(self.time_s, self.all_reference_runtimes)

    def pass_at(self, k: int) -> float | None:
        return metrics.pass_at_k(self.n, self.c, k) if self.n >= k else None

    def to_record(self, ks: Iterable[int] = (1,)) -> dict[str, Any]:
        if self.error is not None:
            return {"problem_id": self.problem_id, "line": self.line, "error": self.error}
        return {
            "problem_id": self.problem_id,
            "n": self.n,
            "correct": self.c,
            "pass_at": {str(k): self.pass_at(k) for k in ks},
            "best": self.best,
            "time_s": self.time_s,
            "baseline_time_s": self.baseline_time_s,
            "speedup": self.speedup,
            "beyond": self.beyond,
            "candidates": [r.to_record() for r in self.candidates],
            "baseline": [r.to_record() for r in self.baseline],
            "references": [r.to_record() for r in self.references],
            "error": None,
        }


def _fastest(results: tuple[CandidateResult, ...]) -> int | None:
    timed = [(r.time_s, i) for i, r in enumerate(results) if r.passed and r.time_s is not None]
    return min(timed)[1] if timed else None


@dataclass(frozen=True)
class Summary:
    """Aggregates over problems (errors excluded from every denominator, counted in ``errors``)."""

    problems: int
    errors: int
    solved: int
    pass_at: dict[int, float | None]
    jointly_solved: int
    efficiency_ratio: float | None
    average_speedup: float | None
    median_speedup: float | None
    geometric_mean_speedup: float | None
    beyond: float | None
    beyond_problems: int
    speedups: tuple[tuple[str, float], ...] = field(default=(), repr=False)

    def to_record(self) -> dict[str, Any]:
        record = {k: v for k, v in self.__dict__.items() if k != "speedups"}
        record["pass_at"] = {str(k): v for k, v in self.pass_at.items()}
        return record


def summarise(results: Iterable[ProblemResult], ks: Iterable[int] = (1,)) -> Summary:
    results = list(results)
    good = [r for r in results if r.error is None]
    pass_at: dict[int, float | None] = {}
    for k in ks:
        values = [v for v in (r.pass_at(k) for r in good) if v is not None]
        pass_at[k] = statistics.fmean(values) if values else None
    pairs = [(r.time_s, r.baseline_time_s) for r in good if r.speedup is not None]
    speedups = tuple((r.problem_id, r.speedup) for r in good if r.speedup is not None)
    beyonds = [b for b in (r.beyond for r in good) if b is not None]
    return Summary(
        problems=len(good),
        errors=len(results) - len(good),
        solved=sum(1 for r in good if r.best is not None),
        pass_at=pass_at,
        jointly_solved=len(pairs),
        efficiency_ratio=metrics.efficiency_ratio(pairs),
        average_speedup=metrics.average_speedup(pairs),
        median_speedup=statistics.median([s for _, s in speedups]) if speedups else None,
        geometric_mean_speedup=metrics.geometric_mean_speedup(pairs),
        beyond=statistics.fmean(beyonds) if beyonds else None,
        beyond_problems=len(beyonds),
        speedups=speedups,
    )


_DRIVER: str | None = None


def _driver() -> str:
    global _DRIVER
    if _DRIVER is None:
        _DRIVER = resources.files("skeldsl.evaluation").joinpath("_child.py").read_text(encoding="utf-8")
    return _DRIVER


_SANDBOX_TO_STATUS = {"timeout": "timeout", "memory": "memory", "output_limit": "output_limit"}


def _limits(settings: EvalSettings, runs: int) -> Limits:
    return Limits(
        time_s=settings.timeout_s * runs + STARTUP_SLACK_S,
        memory_mb=settings.memory_mb,
        output_bytes=settings.output_bytes,
        processes=settings.threads,
    )


_STARTUP_CACHE: dict[tuple, float] = {}
_STARTUP_LOCK = threading.Lock()


def measure_startup(settings: EvalSettings = EvalSettings(), probes: int = STARTUP_PROBES) -> float:
    """Start-up of an empty program in the sandbox candidates run in, with ``settings.clock``: the median
    over ``probes`` runs of the child's wall time (fork, sandbox set-up, interpreter start and exit, as a
    parent timing a whole process sees it) or CPU time (user + system of the child, from ``wait4``).

    Measured once per process and clock/limits (cached), i.e. in the same run as the candidates it is
    added to.  Raises ``RuntimeError`` if the sandbox cannot run an empty program at all.
    """
    key = (settings.clock, settings.memory_mb, settings.threads, probes)
    with _STARTUP_LOCK:
        if key not in _STARTUP_CACHE:
            values = []
            for _ in range(probes):
                run = run_python("", limits=_limits(settings, 1))
                if not run.ok:
                    raise RuntimeError(
                        f"the sandbox cannot run an empty program: {run.status}: {run.message}"
                    )
                values.append(run.cpu_s if settings.clock == "cpu" else run.wall_s)
            _STARTUP_CACHE[key] = statistics.median(values)
        return _STARTUP_CACHE[key]


def resolve_startup(settings: EvalSettings) -> EvalSettings:
    """``settings`` with ``startup_s`` filled in (measured) when ``add_startup`` asks for it."""
    if settings.add_startup and settings.startup_s is None:
        return replace(settings, startup_s=measure_startup(settings))
    return settings


def _time_of(times, settings: EvalSettings, startup: float) -> float:
    return metrics.summarise_times(
        [(statistics.fmean(t) if t else 0.0) + startup for t in times], settings.statistic
    )


def run_candidate(problem: Problem, code: str, settings: EvalSettings = EvalSettings()) -> CandidateResult:
    """Run and time one candidate on ``problem``; every failure becomes a status, never an exception.

    With ``settings.fresh`` each timed run is its own sandboxed process (no warm-up), as in the release,
    so one-off costs such as ``import numpy`` count in every run; with ``fresh_per_test`` (stdin/stdout
    problems) every test of every run is, as judges and PIE run programs, so they count in every test
    (other modes run as with ``fresh``); otherwise one process does ``warmup`` untimed runs and then
    ``runs`` timed ones.  With ``add_startup`` the empty-program start-up (``measure_startup``) is added
    to the mean of every run.
    """
    settings = resolve_startup(settings)
    startup = settings.startup_s if settings.add_startup else 0.0
    per_test = settings.fresh_per_test and problem.mode == "stdio"
    if not (settings.fresh or settings.fresh_per_test):
        return _run_in_one_process(problem, code, settings, startup)
    single = replace(settings, runs=1, warmup=0, fresh=False, fresh_per_test=False)
    parts = [replace(problem, tests=(test,)) for test in problem.tests] if per_test else [problem]
    times: list[tuple[float, ...]] = []
    for _ in range(settings.runs):
        run: list[float] = []
        for index, part in enumerate(parts):
            result = _run_in_one_process(part, code, single, startup)
            if not result.passed:
                if per_test and result.failed_test is not None:
                    result = replace(result, failed_test=index)
                return result
            run.extend(result.times[0] if result.times else ())
        times.append(tuple(run))
    return CandidateResult("passed", "", None, tuple(times), _time_of(times, settings, startup), startup)


def _run_in_one_process(
    problem: Problem, code: str, settings: EvalSettings, startup: float
) -> CandidateResult:
    spec = problem.spec()
    spec.update(
        candidate=code,
        runs=settings.runs,
        warmup=settings.warmup,
        timeout=settings.timeout_s,
        clock=settings.clock,
    )
    limits = _limits(settings, settings.runs + settings.warmup)
    run = run_python(_driver(), files={"spec.json": json.dumps(spec)}, limits=limits)
    report = None
    for line in reversed(run.stdout.splitlines()):
        if line.startswith(MARKER):
            try:
                report = json.loads(line[len(MARKER) :])
            except ValueError:
                report = None
            break
    if report is None:
        status = _SANDBOX_TO_STATUS.get(run.status, "crashed")
        return CandidateResult(status=status, message=f"sandbox: {run.status}: {run.message}".strip())
    times = tuple(tuple(float(t) for t in per_run) for per_run in report.get("times", []))
    status = report.get("status", "error")
    message = report.get("message", "")
    if status == "runtime_error" and message.startswith("MemoryError"):
        status = "memory"
    time_s = None
    if status == "passed" and times:
        time_s = _time_of(times, settings, startup)
    return CandidateResult(status, message, report.get("failed_test"), times, time_s, startup)


def evaluate_problem(
    problem: Problem, settings: EvalSettings = EvalSettings(), jobs: int = 1
) -> ProblemResult:
    """Evaluate candidates, baseline and references of one problem."""
    return next(evaluate([problem], settings, jobs))


def evaluate(
    problems: Iterable[Problem | ProblemResult], settings: EvalSettings = EvalSettings(), jobs: int = 1
) -> Iterator[ProblemResult]:
    """Yield one ``ProblemResult`` per input, in input order.

    Items that are already ``ProblemResult`` (error records from parsing) pass through, so callers keep the
    one-output-per-input rule.  Candidates of up to ``2 * jobs`` problems are in flight at once.  With
    ``add_startup`` the start-up is measured once, before any candidate runs.
    """
    settings = resolve_startup(settings)
    with ThreadPoolExecutor(max_workers=max(jobs, 1)) as pool:
        pending: list[tuple[Problem | ProblemResult, dict[str, list[Future]]]] = []
        window = 2 * max(jobs, 1)

        def submit(item):
            if isinstance(item, ProblemResult):
                return item, {}
            futures = {
                role: [pool.submit(run_candidate, item, code, settings) for code in getattr(item, role)]
                for role in ("candidates", "baseline", "references")
            }
            return item, futures

        def collect(item, futures) -> ProblemResult:
            if isinstance(item, ProblemResult):
                return item
            done = {role: tuple(f.result() for f in fs) for role, fs in futures.items()}
            return ProblemResult(
                problem_id=item.problem_id,
                candidates=done["candidates"],
                baseline=done["baseline"],
                references=done["references"],
                reference_runtimes=item.reference_runtimes,
            )

        for item in problems:
            pending.append(submit(item))
            if len(pending) >= window:
                yield collect(*pending.pop(0))
        while pending:
            yield collect(*pending.pop(0))
