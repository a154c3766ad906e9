"""The program the sandbox runs to profile one solution on one input (standalone: imports no skeldsl).

It reads ``job.json`` from its scratch directory, runs the solution compiled under the file name
``<solution>`` and prints one line ``@@SKELDSL-PROFILE@@ {json}`` with the self time of every solution
line.  Timing is a ``sys.settrace`` tracer: on every line, call and return event of a solution frame the
time since the previous event is charged to the solution line that was executing, so a line's time is
its *self* time plus what it spends in non-solution code it calls (builtins, library functions: ``sorted``
on a hot line is charged to that line); time outside any solution frame (a test harness between calls) is
charged to nobody.  The solution's own stdout goes to a capped buffer; exceeding the cap ends the run.

Modes (``job["mode"]``): ``stdin`` (run the program; its stdin is the sandbox's), ``call`` (run the module,
then ``entry(*args, **kwargs)`` where entry is ``Solution().method`` or a function name), ``check`` (run the
module, then ``check(entry)`` from the given test code, e.g. LeetCode ``def check(candidate): assert ...``).
"""

import io
import json
import os
import sys
import time
import traceback

MARKER = "@@SKELDSL-PROFILE@@"
SOLUTION = "<solution>"


class _CappedOutput(io.TextIOBase):
    def __init__(self, cap, real):
        self.cap, self.size, self.real, self.parts = cap, 0, real, []

    def writable(self):
        return True

    def write(self, text):
        self.size += len(text.encode("utf-8", errors="replace"))
        if self.size > self.cap:
            _emit(self.real, {"error": "output_limit", "message": f"the program printed more than {self.cap} bytes"})
            os._exit(3)
        self.parts.append(text)
        return len(text)


def _emit(stream, payload):
    stream.write(MARKER + " " + json.dumps(payload) + "\n")
    stream.flush()


def _resolve(entry, namespace):
    if entry.startswith("Solution()."):
        return getattr(namespace["Solution"](), entry.split(".", 1)[1])
    target = namespace[entry.split(".")[0]]
    for part in entry.split(".")[1:]:
        target = getattr(target, part)
    return target


def main():
    with open("job.json", encoding="utf-8") as handle:
        job = json.load(handle)
    real_stdout = sys.stdout
    times, hits = {}, {}
    state = {"line": None, "last": 0.0, "stack": []}
    clock = time.perf_counter

    def charge(now):
        line = state["line"]
        if line is not None:
            times[line] = times.get(line, 0.0) + (now - state["last"])
        state["last"] = now

    def local(frame, event, arg):
        now = clock()
        if event == "line":
            charge(now)
            state["line"] = frame.f_lineno
            hits[frame.f_lineno] = hits.get(frame.f_lineno, 0) + 1
        elif event == "return":
            charge(now)
            state["line"] = state["stack"].pop() if state["stack"] else None
        state["last"] = clock()
        return local

    def global_trace(frame, event, arg):
        if frame.f_code.co_filename != SOLUTION:
            return None
        now = clock()
        charge(now)
        state["stack"].append(state["line"])
        state["line"] = None
        state["last"] = clock()
        return local

    namespace = {"__name__": "__main__", "__builtins__": __builtins__}
    if job.get("prelude"):
        exec(compile(job["prelude"], "<prelude>", "exec"), namespace)
    code = compile(job["code"], SOLUTION, "exec")
    sys.stdout = _CappedOutput(int(job.get("output_cap", 1_000_000)), real_stdout)
    error = None
    started = clock()
    sys.settrace(global_trace)
    try:
        exec(code, namespace)
        mode = job.get("mode", "stdin")
        if mode == "call":
            _resolve(job["entry"], namespace)(*job.get("args", []), **job.get("kwargs", {}))
        elif mode == "check":
            exec(compile(job["check"], "<check>", "exec"), namespace)
            namespace["check"](_resolve(job["entry"], namespace))
    except SystemExit as stop:
        if stop.code not in (None, 0):
            error = {"error": "exit", "message": f"the program exited with status {stop.code!r}"}
    except BaseException as exc:  # noqa: BLE001 - report whatever the program raised
        sys.settrace(None)
        line = None
        for frame, lineno in traceback.walk_tb(exc.__traceback__):
            if frame.f_code.co_filename == SOLUTION:
                line = lineno
        kind = "memory" if isinstance(exc, MemoryError) else "raised"
        error = {"error": kind, "message": f"{type(exc).__name__}: {exc}"[:500], "line": line}
    finally:
        sys.settrace(None)
    total = clock() - started
    sys.stdout = real_stdout
    payload = {"times": {str(k): v for k, v in times.items()}, "hits": {str(k): v for k, v in hits.items()},
               "total": total}
    if error:
        payload.update(error)
    _emit(real_stdout, payload)


if __name__ == "__main__":
    main()
