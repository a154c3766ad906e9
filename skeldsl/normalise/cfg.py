"""Control-flow graphs of skeleton functions (networkx), and the per-function facts built on them.

A visitor threads the current block through each statement (python-graphs' ``ControlFlowVisitor``
style): ``_visit(stmt, current) -> after``; a frame stack gives ``break``/``continue`` their targets and
``return`` goes to the exit node.  Node ids are pre-order statement indexes, so the graph is
deterministic.  Used for reachability (``reachable_statements``: the structural pass in
``passes.prune_unreachable`` is tested to agree with it), loop nesting and early exits.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from skeldsl import model

ENTRY, EXIT = "entry", "exit"


@dataclass(frozen=True)
class FunctionFacts:
    name: str
    params: tuple[str, ...]
    loop_depth: int
    loops: int
    early_exits: int
    recursive: bool
    memo: bool
    operations: tuple[tuple[str, int], ...]
    cfg_nodes: int
    cfg_edges: int
    unreachable: int

    def to_dict(self) -> dict:
        return {
            "name": self.name, "params": list(self.params), "loop_depth": self.loop_depth, "loops": self.loops,
            "early_exits": self.early_exits, "recursive": self.recursive, "memo": self.memo,
            "operations": dict(self.operations), "cfg": {"nodes": self.cfg_nodes, "edges": self.cfg_edges},
            "unreachable_statements": self.unreachable,
        }


class _Builder:
    def __init__(self) -> None:
        import networkx as nx

        self.graph = nx.DiGraph()
        self.graph.add_node(ENTRY)
        self.graph.add_node(EXIT)
        self.counter = 0
        self.loops: list[tuple[int, int]] = []  # (header, after) of enclosing loops

    def node(self, stmt: model.Stmt) -> int:
        index = self.counter
        self.counter += 1
        self.graph.add_node(index, kind=type(stmt).__name__)
        return index

    def block(self, body: tuple[model.Stmt, ...], current: list) -> list:
        for stmt in body:
            current = self.visit(stmt, current)
        return current

    def visit(self, stmt: model.Stmt, current: list) -> list:
        index = self.node(stmt)
        for predecessor in current:
            self.graph.add_edge(predecessor, index)
        if isinstance(stmt, model.Exit):
            if stmt.kind == "return":
                self.graph.add_edge(index, EXIT)
            elif self.loops:
                header, after = self.loops[-1]
                self.graph.add_edge(index, after if stmt.kind == "break" else header)
            return []
        if isinstance(stmt, (model.For, model.While)):
            after = f"after{index}"
            self.graph.add_node(after)
            self.graph.add_edge(index, after)  # the loop may run zero times
            self.loops.append((index, after))
            end = self.block(stmt.body, [index])
            self.loops.pop()
            for predecessor in end:
                self.graph.add_edge(predecessor, index)
            return [after]
        if isinstance(stmt, model.If):
            then_end = self.block(stmt.then, [index])
            else_end = self.block(stmt.orelse, [index]) if stmt.orelse else [index]
            return then_end + else_end
        return [index]


def build_cfg(function: model.Function):
    """The CFG of one function: ``entry`` -> statements (pre-order ids) -> ``exit``."""
    builder = _Builder()
    end = builder.block(function.body, [ENTRY])
    for predecessor in end:
        builder.graph.add_edge(predecessor, EXIT)
    return builder.graph


def reachable_statements(function: model.Function) -> set[int]:
    import networkx as nx

    graph = build_cfg(function)
    return {node for node in nx.descendants(graph, ENTRY) if isinstance(node, int)}


def function_facts(function: model.Function) -> FunctionFacts:
    graph = build_cfg(function)
    import networkx as nx

    reachable = {node for node in nx.descendants(graph, ENTRY) if isinstance(node, int)}
    statements = [node for node in graph.nodes if isinstance(node, int)]
    operations: Counter = Counter()
    loops = early_exits = 0
    recursive = False
    max_depth = 0
    stack: list[tuple[tuple[model.Stmt, ...], int]] = [(function.body, 0)]
    while stack:
        body, depth = stack.pop()
        for stmt in body:
            if isinstance(stmt, (model.For, model.While)):
                loops += 1
                max_depth = max(max_depth, depth + 1)
                stack.append((stmt.body, depth + 1))
            elif isinstance(stmt, model.If):
                operations.update(call.op for call in stmt.cond)
                stack.append((stmt.then, depth))
                stack.append((stmt.orelse, depth))
            elif isinstance(stmt, model.Exit):
                early_exits += 1
            elif isinstance(stmt, model.Call):
                operations[stmt.op] += 1
                recursive = recursive or stmt.op == function.name
            elif isinstance(stmt, model.Assign):
                operations[stmt.value.op] += 1
    return FunctionFacts(
        name=function.name,
        params=tuple(param.kind for param in function.params),
        loop_depth=max_depth,
        loops=loops,
        early_exits=early_exits,
        recursive=recursive,
        memo=function.memo,
        operations=tuple(sorted(operations.items())),
        cfg_nodes=graph.number_of_nodes(),
        cfg_edges=graph.number_of_edges(),
        unreachable=len(statements) - len(reachable),
    )
