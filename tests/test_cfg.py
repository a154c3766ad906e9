"""The networkx CFG and the structural reachability pass agree; CFG facts match the skeleton."""

from __future__ import annotations

from hypothesis import given

from skeldsl import extract, model
from skeldsl.normalise.cfg import build_cfg, function_facts, reachable_statements
from skeldsl.testing.strategies import skeletons


def _always_exits(stmt: model.Stmt) -> bool:
    """After pruning, a block that contains an exit ends with it: so a block exits if any statement does."""
    if isinstance(stmt, model.Exit):
        return True
    if isinstance(stmt, model.If):
        return any(map(_always_exits, stmt.then)) and any(map(_always_exits, stmt.orelse))
    return False


def structural_reachable(function: model.Function) -> set[int]:
    """Pre-order ids (as the CFG numbers them) of statements the structural rule keeps: everything except
    what follows an exit, or an ``if`` whose branches all exit, in the same block (the rule of
    ``skeldsl.normalise.passes.prune_unreachable``)."""
    reachable: set[int] = set()
    counter = 0

    def block(body, live: bool) -> None:
        nonlocal counter
        for stmt in body:
            index = counter
            counter += 1
            if live:
                reachable.add(index)
            if isinstance(stmt, (model.For, model.While)):
                block(stmt.body, live)
            elif isinstance(stmt, model.If):
                block(stmt.then, live)
                block(stmt.orelse, live)
            if _always_exits(stmt):
                live = False

    block(function.body, True)
    return reachable


@given(skeletons())
def test_structural_reachability_equals_cfg_reachability(skeleton: model.Skeleton) -> None:
    for function in skeleton.functions:
        assert structural_reachable(function) == reachable_statements(function)


@given(skeletons())
def test_cfg_is_deterministic(skeleton: model.Skeleton) -> None:
    for function in skeleton.functions:
        first, second = build_cfg(function), build_cfg(function)
        assert list(first.edges) == list(second.edges)


def test_facts_of_a_nested_loop_program() -> None:
    code = "def f(xs: list):\n    for a in xs:\n        for b in xs:\n            if a == b:\n                return 1\n"
    (function,) = extract(code).functions
    facts = function_facts(function)
    assert facts.loop_depth == 2 and facts.loops == 2 and facts.early_exits == 1
    assert facts.unreachable == 0 and not facts.recursive


def test_extracted_skeletons_have_no_unreachable_statements() -> None:
    code = "def f(xs: list):\n    if xs:\n        return 1\n    else:\n        return 2\n    xs.sort()\n"
    (function,) = extract(code).functions
    assert function_facts(function).unreachable == 0
    assert "sort" not in str(function)
