"""Facts the normaliser's cheap pre-scans rely on, checked over every golden algorithm in every language.

``lower._constant_tables`` first looks for a literal-table assignment among the statements alone and only
then walks every expression: that is exact only while no IR expression holds a statement (extractors turn
a block lambda's statements into expressions).  ``walk_expr`` reads only the fields a node class can hold
nodes in; it must still meet every node ``ir.field_values`` leads to."""

from __future__ import annotations

from pathlib import Path

import pytest

from skeldsl import ir
from skeldsl.languages import language_for_path
from skeldsl.normalise import _nested_statements, hoist
from skeldsl.normalise import lower

ALGORITHMS = sorted(path for path in (Path(__file__).parent / "data" / "algorithms").iterdir()
                    if path.suffix not in (".skel", ".txt", ".json"))
_STATEMENTS = (ir.Assign, ir.ExprStmt, ir.If, ir.Foreach, ir.CFor, ir.While, ir.Return, ir.Break, ir.Continue,
               ir.Delete, ir.Block, ir.FunctionDef)


def _module(path: Path) -> ir.Module:
    try:
        language = language_for_path(path)
    except Exception:  # noqa: BLE001 - not a source file
        pytest.skip(f"{path.name}: no language")
    return language.extractor_module().extract(path.read_text(encoding="utf-8"), str(path))


def _every_node(root) -> list:
    """Every node below ``root`` through all field values (the reference walk ``walk_expr`` must match)."""
    found, stack = [], [root]
    while stack:
        node = stack.pop()
        if node is None or isinstance(node, (str, int, bool)):
            continue
        if isinstance(node, tuple):
            stack.extend(node)
            continue
        found.append(node)
        stack.extend(ir.field_values(node))
    return found


@pytest.mark.parametrize("path", ALGORITHMS, ids=lambda path: path.name)
def test_expressions_hold_no_statements_and_tables_need_no_expression_walk(path, monkeypatch):
    module = _module(path)
    functions = hoist(module)
    names = {function.name for function, _ in functions}
    for function, _ in functions:
        for stmt in _nested_statements(function.body):
            for value in ir.field_values(stmt):
                for item in value if isinstance(value, tuple) else (value,):
                    if item is None or isinstance(item, (str, int, bool) + _STATEMENTS):
                        continue
                    assert not any(isinstance(node, _STATEMENTS) for node in lower.walk_expr(item)), path.name
        gated = lower._constant_tables(function.body, names)
        with monkeypatch.context() as patch:
            patch.setattr(lower, "_assigns_literal_table", lambda body, functions: True)
            assert lower._constant_tables(function.body, names) == gated


@pytest.mark.parametrize("path", ALGORITHMS, ids=lambda path: path.name)
def test_walk_expr_meets_every_node(path):
    module = _module(path)
    for function in module.functions:
        root = ir.Block(function.body)
        walked = {id(node) for node in lower.walk_expr(root)}
        # every node reachable through fields, except a comprehension's generator objects (their iterables
        # and conditions are walked) and parameters of nested functions' signatures
        expected = {id(node) for node in _every_node(root) if not isinstance(node, ir.Generator)}
        assert expected <= walked | {id(node) for node in _every_node(root) if isinstance(node, ir.Param)}
