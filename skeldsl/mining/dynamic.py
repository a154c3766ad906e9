"""The dynamic strategy (Python only): tokens of *hot* lines, by line-level timing in the sandbox.

Steps, following the release's ``TAS.py`` with the threshold made explicit:

1. **Profile.** Each solution runs once per input inside :func:`skeldsl.sandbox.run_python` (time, memory
   and output limits, scratch directory, scrubbed environment) under a ``sys.settrace`` line timer
   (:mod:`skeldsl.mining.profile_child`); self times per line are summed over the inputs.  Inputs are
   :class:`DynamicInput` s: stdin/stdout programs (``stdin``), call-based ones (``args``/``kwargs`` for
   ``entry_point`` such as ``Solution().twoSum``) or a LeetCode-style ``check`` function.
2. **Hot lines.** A line is hot when its share of the solution's total line time is at least
   ``hot_share`` (default 0.10; the release passes 0.1) *and* its time is at least ``hot_seconds``
   (default 0: the share alone decides).
3. **Common structure.** As in the release, only lines holding an AST shape common to *all* solutions
   count: every ``ast`` node with a line number is written as a shape with names and constants
   abstracted (``BinOp(Name,Add,Const)``); a line qualifies when one of its shapes is in every solution.
4. **Tokens.** On hot, common lines: keywords and operators (tree-sitter anonymous leaves; ``tokenize``
   OP tokens and ``keyword.kwlist`` under ``--compat effiskel``) and tokens whose text occurs in every
   solution.  The solution's whitelist is their texts (per solution, as in the release).
``combined`` = the syntactic whitelist of the group united with each solution's hot-line tokens.

A solution that raises, times out, exceeds a limit or prints too much gets an ``ExecutionError`` record
naming the input and (when known) the line; the rest of the group goes on.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from skeldsl.errors import ExecutionError, SkelError, SourceSyntaxError, UnsupportedError

__all__ = ["DynamicInput", "LineProfile", "profile_solution", "hot_lines", "hot_whitelists"]

MARKER = "@@SKELDSL-PROFILE@@"


@dataclass(frozen=True)
class DynamicInput:
    """One input to run a solution on (exactly one of ``stdin``/``args``/``check`` applies).

    ``prelude`` is code run before the solution in the same namespace (LeetCode's ``prompt`` imports);
    it is not profiled and does not shift the solution's line numbers.
    """

    stdin: str | None = None
    args: tuple = ()
    kwargs: dict = field(default_factory=dict, hash=False)
    check: str | None = None
    prelude: str = ""

    @property
    def mode(self) -> str:
        if self.check is not None:
            return "check"
        if self.stdin is not None:
            return "stdin"
        return "call"

    @classmethod
    def from_record(cls, record: dict) -> "DynamicInput":
        """From JSON: ``{"stdin": ...}``, ``{"args": [...], "kwargs": {...}}`` or ``{"check": ...}``."""
        if not isinstance(record, dict):
            raise ValueError(f"an input must be an object, got {type(record).__name__}")
        unknown = set(record) - {"stdin", "args", "kwargs", "check", "prelude"}
        if unknown:
            raise ValueError(f"unknown input fields: {', '.join(sorted(unknown))}")
        return cls(stdin=record.get("stdin"), args=tuple(record.get("args", ())),
                   kwargs=dict(record.get("kwargs", {})), check=record.get("check"),
                   prelude=record.get("prelude", ""))


@dataclass(frozen=True)
class LineProfile:
    """Self time (seconds) and hit count per 1-based line of the solution, summed over inputs."""

    times: dict[int, float]
    hits: dict[int, int]
    total: float


def _child_source() -> str:
    return (Path(__file__).with_name("profile_child.py")).read_text(encoding="utf-8")


def _default_limits():
    from skeldsl.sandbox import Limits

    return Limits(time_s=10.0, memory_mb=1024, output_bytes=2_000_000)


def profile_solution(code: str, inputs: Sequence[DynamicInput], entry_point: str | None = None,
                     limits=None) -> LineProfile:
    """Profile ``code`` on every input in the sandbox; raises ``ExecutionError`` on the first failure."""
    from skeldsl.sandbox import run_python

    limits = limits or _default_limits()
    if not inputs:
        raise UnsupportedError("the dynamic strategy needs at least one input to run the solutions on")
    times: dict[int, float] = {}
    hits: dict[int, int] = {}
    total = 0.0
    child = _child_source()
    for number, item in enumerate(inputs, 1):
        if item.mode in ("call", "check") and not entry_point:
            raise UnsupportedError("call-based inputs need an entry point (e.g. Solution().twoSum)")
        job = {"code": code, "mode": item.mode, "prelude": item.prelude, "entry": entry_point,
               "args": list(item.args), "kwargs": item.kwargs, "check": item.check,
               "output_cap": max(1, limits.output_bytes // 2)}
        try:
            job_text = json.dumps(job)
        except (TypeError, ValueError) as error:
            raise ExecutionError(f"input {number}: arguments are not JSON data ({error})") from None
        result = run_python(child, stdin=item.stdin or "", limits=limits, files={"job.json": job_text})
        payload = _payload(result.stdout)
        where = f"input {number}"
        if payload is None:
            detail = result.message or (result.stderr.strip().splitlines() or [result.status])[-1]
            raise ExecutionError(f"{where}: {result.status}: {detail}"[:500])
        if "error" in payload:
            raise ExecutionError(f"{where}: {payload['error']}: {payload.get('message', '')}"[:500],
                                 line=payload.get("line"))
        for line, seconds in payload["times"].items():
            times[int(line)] = times.get(int(line), 0.0) + seconds
        for line, count in payload["hits"].items():
            hits[int(line)] = hits.get(int(line), 0) + count
        total += sum(payload["times"].values())
    return LineProfile(times, hits, total)


def _payload(stdout: str) -> dict | None:
    for line in reversed(stdout.splitlines()):
        if line.startswith(MARKER + " "):
            try:
                return json.loads(line[len(MARKER) + 1 :])
            except ValueError:
                return None
    return None


def hot_lines(profile: LineProfile, hot_share: float = 0.1, hot_seconds: float = 0.0) -> list[int]:
    """Lines whose self time is >= ``hot_share`` of the total and >= ``hot_seconds`` (sorted)."""
    if profile.total <= 0:
        return []
    return sorted(line for line, seconds in profile.times.items()
                  if seconds / profile.total >= hot_share and seconds >= hot_seconds)


# ------------------------------------------------------------------------------------- common structure
def _shape(node) -> str:
    import ast

    if isinstance(node, ast.Name):
        return "Name"
    if isinstance(node, ast.Constant):
        return "Const"
    return f"{type(node).__name__}({','.join(_shape(child) for child in ast.iter_child_nodes(node))})"


def _shapes_by_line(code: str) -> dict[int, set[str]]:
    import ast

    try:
        tree = ast.parse(code)
    except SyntaxError as error:
        raise SourceSyntaxError(f"Python does not parse: {error.msg}", line=error.lineno,
                                column=error.offset) from None
    by_line: dict[int, set[str]] = {}
    for node in ast.walk(tree):
        if hasattr(node, "lineno"):
            by_line.setdefault(node.lineno, set()).add(_shape(node))
    return by_line


def hot_whitelists(solutions, parsed, options) -> list[tuple[frozenset[str], dict] | SkelError]:
    """Per solution: (hot-line token texts, info) or an error.  ``parsed`` = tree-sitter parses, or
    ``None`` for the release's ``tokenize`` view (``--compat effiskel``)."""
    codes = [s.code for s in solutions]
    shapes: list[dict[int, set[str]] | SkelError] = []
    for code in codes:
        try:
            shapes.append(_shapes_by_line(code))
        except (SkelError, RecursionError) as error:
            shapes.append(error if isinstance(error, SkelError) else SourceSyntaxError("nesting too deep"))
    valid = [s for s in shapes if not isinstance(s, SkelError)]
    common_shapes = set.intersection(*(set().union(*s.values()) for s in valid)) if valid else set()
    tokens_per_solution = [_tokens(code, parsed[k] if parsed is not None else None) for k, code in enumerate(codes)]
    common_texts = set.intersection(*({t for t, _, _ in toks} for toks in tokens_per_solution)) \
        if tokens_per_solution else set()
    results: list[tuple[frozenset[str], dict] | SkelError] = []
    for k, code in enumerate(codes):
        if isinstance(shapes[k], SkelError):
            results.append(shapes[k])
            continue
        try:
            profile = profile_solution(code, options.inputs, options.entry_point, options.limits)
        except SkelError as error:
            results.append(error)
            continue
        hot = hot_lines(profile, options.hot_share, options.hot_seconds)
        common_lines = {line for line, reps in shapes[k].items() if reps & common_shapes}
        chosen = [line for line in hot if line in common_lines]
        words = frozenset(text for text, line, structural in tokens_per_solution[k]
                          if line in chosen and (structural or text in common_texts))
        info = {"hot_lines": chosen, "profile_s": round(profile.total, 6),
                "line_share": {str(line): round(profile.times[line] / profile.total, 4) for line in hot}}
        results.append((words, info))
    return results


def _tokens(code: str, parsed) -> list[tuple[str, int, bool]]:
    """(text, 1-based line, is keyword/operator) per token of one solution."""
    if parsed is None:
        import io
        import keyword
        import tokenize

        out = []
        skip = {tokenize.NL, tokenize.NEWLINE, tokenize.INDENT, tokenize.DEDENT, tokenize.COMMENT}
        try:
            for token in tokenize.generate_tokens(io.StringIO(code).readline):
                if token.type in skip:
                    continue
                structural = token.type == tokenize.OP or token.string in keyword.kwlist
                out.append((token.string, token.start[0], structural))
        except (tokenize.TokenError, SyntaxError):
            pass
        return out
    from bisect import bisect_right

    newlines = [index for index, char in enumerate(parsed.text) if char == "\n"]
    out = []
    for token in parsed.tokens:
        if token.comment:
            continue
        structural = token.kind == token.text  # anonymous leaves: keywords, operators, punctuation
        out.append((token.text, bisect_right(newlines, token.start - 1) + 1, structural))
    return out
