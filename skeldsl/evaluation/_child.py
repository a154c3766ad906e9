"""The driver that runs inside the sandbox: repeats one candidate over a problem's tests and times it.

Why a driver instead of one process per test run: the release runs each candidate 30 times; starting an
interpreter per run would cost ~30 ms each and drown sub-millisecond programs in start-up time.  Here the
interpreter starts once and every run is timed around the candidate only (stdin/stdout redirection,
argument copies and output checks happen outside the timed region), with ``time.perf_counter`` (wall
clock, spec ``"clock": "wall"``) or this process's user + system CPU time from ``getrusage`` (``"clock":
"cpu"``: what a judge charges, and insensitive to other processes competing for the cores).  Not
``time.process_time``: once ``RLIMIT_CPU`` arms the kernel's process CPU timer (the sandbox sets it),
``CLOCK_PROCESS_CPUTIME_ID`` only advances at scheduler ticks (steps of 1-4 ms), while ``getrusage``
sums the threads' exact run times (microsecond resolution, all threads included).  The
first ``warmup`` runs are checked but not timed: they pay the one-off costs (module imports, caches of
the interpreter) that later runs in the same process would not.

Reads ``spec.json`` from the cwd, writes one line ``<MARKER><json>`` to a private duplicate of the original
stdout (fd 1 itself is pointed at /dev/null so that candidates cannot corrupt the report).  Standard
library only; run as a script, never imported by skeldsl.

Result JSON: ``{"status": "passed" | "wrong_answer" | "runtime_error" | "compile_error" | "timeout",
"message": str, "failed_test": int | null, "times": [[seconds per test] per run]}``.
"""

import builtins
import copy
import io
import json
import math
import os
import resource
import signal
import sys
import time
import traceback

MARKER = "@@SKELDSL-EVAL-RESULT@@"


def _cpu_seconds():
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


CLOCKS = {"wall": time.perf_counter, "cpu": _cpu_seconds}
_now = time.perf_counter  # set from the spec's "clock" in main()


class _RunTimeout(BaseException):
    """Raised by SIGALRM when one run exceeds the per-run timeout (BaseException: harder to swallow)."""


def _alarm(signum, frame):
    raise _RunTimeout()


def _tokens_equal(expected, actual, tol):
    """Whitespace-insensitive, token-wise comparison; numeric tokens with a '.' compare within ``tol``."""
    a, b = expected.split(), actual.split()
    if len(a) != len(b):
        return False
    for x, y in zip(a, b):
        if x == y:
            continue
        if tol and ("." in x or "." in y or "e" in x.lower()):
            try:
                fx, fy = float(x), float(y)
            except ValueError:
                return False
            if math.isclose(fx, fy, rel_tol=tol, abs_tol=tol):
                continue
        return False
    return True


def _first_difference(expected, actual):
    a, b = expected.split(), actual.split()
    for i, (x, y) in enumerate(zip(a, b)):
        if x != y:
            return f"token {i + 1}: expected {x[:40]!r}, got {y[:40]!r}"
    return f"expected {len(a)} tokens, got {len(b)}"


def _short_exception(exc):
    lines = traceback.format_exception_only(type(exc), exc)
    return lines[-1].strip()[:500] if lines else type(exc).__name__


class _Failure(Exception):
    def __init__(self, status, message, test=None):
        super().__init__(message)
        self.status, self.message, self.test = status, message, test


def _run_stdio(code, spec, report_times):
    tests = spec["tests"]
    tol = spec.get("float_tolerance", 0.0)
    real_open = builtins.open
    runs = []
    for run in range(spec.get("warmup", 0) + spec["runs"]):
        per_test = []
        signal.setitimer(signal.ITIMER_REAL, spec["timeout"])
        try:
            for index, test in enumerate(tests):
                stdin_bytes = test["input"].encode("utf-8")
                stdin = io.TextIOWrapper(io.BytesIO(stdin_bytes), encoding="utf-8")
                out_buffer = io.BytesIO()
                stdout = io.TextIOWrapper(out_buffer, encoding="utf-8", write_through=True)

                def fake_open(file, *args, _stdin=stdin, _stdout=stdout, **kwargs):
                    # ``open(0)`` / ``open(1)`` idioms of competitive programmers read the redirected streams.
                    if file == 0:
                        mode = args[0] if args else kwargs.get("mode", "r")
                        return _stdin.buffer if "b" in mode else _stdin
                    if file == 1:
                        return _stdout
                    return real_open(file, *args, **kwargs)

                namespace = {"__name__": "__main__", "__builtins__": builtins, "open": fake_open}
                sys.stdin, sys.stdout = stdin, stdout
                start = _now()
                try:
                    exec(code, namespace)  # noqa: S102 - running the code is the point
                except SystemExit as exc:
                    if exc.code not in (None, 0):
                        if not isinstance(exc.code, int):
                            stdout.write(str(exc.code))  # sys.exit("msg") prints msg to stderr
                        else:
                            raise _Failure("runtime_error", f"exit code {exc.code}", index)
                except _RunTimeout:
                    raise
                except BaseException as exc:  # noqa: BLE001 - any candidate failure is a result
                    raise _Failure("runtime_error", _short_exception(exc), index)
                finally:
                    elapsed = _now() - start
                    try:
                        stdout.flush()
                    except Exception:  # noqa: BLE001, S110 - a broken stream leaves the output as is
                        pass
                    sys.stdin, sys.stdout = sys.__stdin__, sys.__stdout__
                per_test.append(elapsed)
                actual = out_buffer.getvalue().decode("utf-8", errors="replace")
                if not _tokens_equal(test["output"], actual, tol):
                    raise _Failure("wrong_answer", _first_difference(test["output"], actual), index)
        except _RunTimeout:
            raise _Failure("timeout", f"run {run + 1} exceeded {spec['timeout']:g} s", None)
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
        if run >= spec.get("warmup", 0):
            runs.append(per_test)
            report_times(runs)
    return runs


def _prepare_call(code, spec):
    namespace = {"__name__": "__skeldsl_candidate__", "__builtins__": builtins}
    try:
        if spec.get("prompt"):
            exec(compile(spec["prompt"], "<prompt>", "exec"), namespace)  # noqa: S102 - running the code is the point
        exec(code, namespace)  # noqa: S102 - running the code is the point
        entry = eval(spec["entry_point"], namespace)
    except _RunTimeout:
        raise
    except BaseException as exc:  # noqa: BLE001
        raise _Failure("runtime_error", "defining the candidate: " + _short_exception(exc))
    return namespace, entry


def _run_check(code, spec, report_times):
    """HumanEval/LeetCode style: ``check(candidate)`` is the test; the whole call is timed."""
    runs = []
    for run in range(spec.get("warmup", 0) + spec["runs"]):
        signal.setitimer(signal.ITIMER_REAL, spec["timeout"])
        try:
            namespace, entry = _prepare_call(code, spec)
            try:
                exec(compile(spec["test"], "<test>", "exec"), namespace)  # noqa: S102 - running the code is the point
                check = namespace["check"]
            except _RunTimeout:
                raise
            except BaseException as exc:  # noqa: BLE001
                raise _Failure(
                    "error", "the test code does not define check(candidate): " + _short_exception(exc)
                )
            start = _now()
            try:
                check(entry)
            except _RunTimeout:
                raise
            except AssertionError as exc:
                raise _Failure("wrong_answer", ("assertion failed: " + str(exc))[:500], 0)
            except BaseException as exc:  # noqa: BLE001
                raise _Failure("runtime_error", _short_exception(exc), 0)
            elapsed = _now() - start
        except _RunTimeout:
            raise _Failure("timeout", f"run {run + 1} exceeded {spec['timeout']:g} s", None)
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
        if run >= spec.get("warmup", 0):
            runs.append([elapsed])
            report_times(runs)
    return runs


def _run_cases(code, spec, report_times):
    """EvalPlus/ENAMEL style: ``setup`` defines ``cases`` (argument tuples) and ``expected`` (compared with
    ``==``), ``verify(args, output)``, or both (``verify(args, expected_i, output)``, a checker with the
    answer); only the calls are timed, each on a fresh deep copy of its arguments."""
    setup_ns = {"__name__": "__skeldsl_setup__", "__builtins__": builtins}
    try:
        if spec.get("prompt"):
            exec(compile(spec["prompt"], "<prompt>", "exec"), setup_ns)  # noqa: S102 - running the code is the point
        exec(compile(spec["setup"], "<setup>", "exec"), setup_ns)  # noqa: S102 - running the code is the point
        cases = [tuple(c) if isinstance(c, (list, tuple)) else (c,) for c in setup_ns["cases"]]
    except BaseException as exc:  # noqa: BLE001
        raise _Failure("error", "the setup code failed or defines no `cases`: " + _short_exception(exc))
    expected = setup_ns.get("expected")
    verify = setup_ns.get("verify")
    if expected is None and verify is None:
        raise _Failure("error", "the setup code defines neither `expected` nor `verify(args, output)`")
    runs = []
    for run in range(spec.get("warmup", 0) + spec["runs"]):
        per_test = []
        signal.setitimer(signal.ITIMER_REAL, spec["timeout"])
        try:
            _, entry = _prepare_call(code, spec)
            for index, args in enumerate(cases):
                call_args = copy.deepcopy(args)
                start = _now()
                try:
                    output = entry(*call_args)
                except _RunTimeout:
                    raise
                except BaseException as exc:  # noqa: BLE001
                    raise _Failure("runtime_error", _short_exception(exc), index)
                per_test.append(_now() - start)
                try:
                    if verify is None:
                        good = output == expected[index]
                    elif expected is None:
                        good = verify(args, output)
                    else:
                        good = verify(args, expected[index], output)
                except _RunTimeout:
                    raise
                except BaseException as exc:  # noqa: BLE001
                    raise _Failure(
                        "wrong_answer", "checker rejected the output: " + _short_exception(exc), index
                    )
                if not good:
                    raise _Failure(
                        "wrong_answer", f"wrong output for case {index}: {repr(output)[:200]}", index
                    )
        except _RunTimeout:
            raise _Failure("timeout", f"run {run + 1} exceeded {spec['timeout']:g} s", None)
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
        if run >= spec.get("warmup", 0):
            runs.append(per_test)
            report_times(runs)
    return runs


def main():
    report_fd = os.dup(1)
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 1)
    sink = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115 - lives as long as the process
    sys.stdout = sys.__stdout__ = sys.stderr = sink  # candidates' prints and debug output vanish
    with open("spec.json", encoding="utf-8") as handle:
        spec = json.load(handle)
    global _now
    _now = CLOCKS[spec.get("clock", "wall")]
    sys.setrecursionlimit(max(sys.getrecursionlimit(), spec.get("recursion_limit", 1000)))
    signal.signal(signal.SIGALRM, _alarm)
    progress = {"times": []}

    def report_times(runs):
        progress["times"] = runs

    result = {"status": "passed", "message": "", "failed_test": None, "times": []}
    try:
        try:
            code = compile(spec["candidate"], "<candidate>", "exec")
        except (SyntaxError, ValueError) as exc:
            raise _Failure("compile_error", _short_exception(exc))
        runner = {"stdio": _run_stdio, "check": _run_check, "cases": _run_cases}[spec["mode"]]
        result["times"] = runner(code, spec, report_times)
    except _Failure as failure:
        result.update(status=failure.status, message=failure.message, failed_test=failure.test)
        result["times"] = progress["times"]
    except _RunTimeout:
        result.update(status="timeout", message=f"exceeded {spec['timeout']:g} s")
    except BaseException as exc:  # noqa: BLE001 - report, never die silently
        result.update(status="runtime_error", message=_short_exception(exc))
    os.write(report_fd, (MARKER + json.dumps(result) + "\n").encode("utf-8"))
    os._exit(0)  # skip interpreter teardown (and candidates' atexit hooks)


if __name__ == "__main__":
    main()
