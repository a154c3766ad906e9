"""Model -> the one canonical skeleton text.

Layout: a ``skel <version>`` header; functions in order, each followed by nothing else; two spaces of
indentation per block level; one statement a line; ``} else {`` on one line; a final newline.  The parser
reads this back to an equal model, and the printer is the only writer of skeleton text.
"""

from __future__ import annotations

from skeldsl import model

_INDENT = "  "


def print_skeleton(skeleton: model.Skeleton) -> str:
    """The canonical text of ``skeleton`` (layout rules: docs/skeleton-language.md).

    >>> print(print_skeleton(model.Skeleton((model.Function("f0", (), (model.Exit("return"),)),))), end="")
    skel 1
    fn f0() {
      return
    }
    """
    lines = [f"skel {skeleton.version}"]
    for function in skeleton.functions:
        _function(function, lines)
    return "\n".join(lines) + "\n"


def _function(function: model.Function, lines: list[str]) -> None:
    if function.memo:
        lines.append("@memo")
    if function.split:
        lines.append("@split")
    params = ", ".join(f"{param.name}: {param.kind}" for param in function.params)
    lines.append(f"fn {function.name}({params}) {{")
    _block_body(function.body, 1, lines)
    lines.append("}")


def _block_body(body: tuple[model.Stmt, ...], depth: int, lines: list[str]) -> None:
    # An explicit stack instead of recursion: printing never overflows, however deep the nesting.
    stack: list[tuple[str, object, int]] = [("stmts", body, depth)]
    while stack:
        what, item, level = stack.pop()
        pad = _INDENT * level
        if what == "line":
            lines.append(pad + item)  # type: ignore[operator]
            continue
        work: list[tuple[str, object, int]] = []
        for stmt in item:  # type: ignore[union-attr]
            work.extend(_statement(stmt, level))
        stack.extend(reversed(work))


def _statement(stmt: model.Stmt, level: int) -> list[tuple[str, object, int]]:
    if isinstance(stmt, model.Call):
        return [("line", format_call(stmt), level)]
    if isinstance(stmt, model.Assign):
        return [("line", f"{stmt.target} = {format_call(stmt.value)}", level)]
    if isinstance(stmt, model.Exit):
        return [("line", stmt.kind, level)]
    if isinstance(stmt, model.For):
        return [
            ("line", f"for {format_domain(stmt.domain)} {{", level),
            ("stmts", stmt.body, level + 1),
            ("line", "}", level),
        ]
    if isinstance(stmt, model.While):
        head = "while {" if stmt.ref is None else f"while {stmt.ref} {{"
        return [("line", head, level), ("stmts", stmt.body, level + 1), ("line", "}", level)]
    if isinstance(stmt, model.If):
        cond = ", ".join(format_call(call) for call in stmt.cond)
        head = f"if {cond} {{" if cond else "if {"
        parts: list[tuple[str, object, int]] = [("line", head, level), ("stmts", stmt.then, level + 1)]
        if stmt.orelse:
            parts += [("line", "} else {", level), ("stmts", stmt.orelse, level + 1)]
        parts.append(("line", "}", level))
        return parts
    raise TypeError(f"not a statement: {stmt!r}")


def format_call(call: model.Call) -> str:
    return f"{call.op}({call.ref or ''})"


def format_domain(domain: model.Domain) -> str:
    if isinstance(domain, model.Over):
        return domain.ref
    if isinstance(domain, model.Halving):
        return f"log({domain.ref})"
    if isinstance(domain, model.Subsets):
        return f"subsets({domain.ref})"
    return "const"
