"""The shared renderer: walks a skeleton and asks a language's templates how to write each piece.

A language module (``python.py``, ``java.py`` ...) subclasses ``LanguageRenderer`` with mostly declarative
tables: templates per ``(collection kind, operation)`` for statements and conditions, constructors per
kind, loop forms, and a few small methods for the syntax of functions, loops and branches.  This module
owns what is the same everywhere:

* **typing** the skeleton's references: a parameter is a grid when its rows (``p0[]``) are iterated, a
  local has the kind of the constructor that built it, loop variables over ranges are integers;
* **scoping**: a local is visible in the block that built it and below (as in block-scoped languages);
* **names**: readable, unique per program, drawn from pools per kind with a seeded ``random.Random``
  (string seeds hash with SHA-512, so names do not depend on ``PYTHONHASHSEED``);
* **placeholder scalar work**: every function keeps an integer accumulator (``acc``) that operations feed
  and that it returns, so typed languages type-check and the program reads like code;
* **style**: per program and per loop, seeded choices among equivalent forms (``for x in xs`` vs
  ``for i in range(len(xs))`` vs ``enumerate``, ``elif`` vs nested ``else: if``, ``and`` vs ``or``),
  all of which extract to the same skeleton.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, field
from typing import Any

from skeldsl import model
from skeldsl.render.capabilities import Capabilities

# Words per kind for generated names (snake_case; languages convert to their convention).
PARAM_NAMES: dict[str, tuple[str, ...]] = {
    "seq": ("nums", "values", "items", "arr", "data", "heights", "costs"),
    "grid": ("grid", "matrix", "board", "rows_of"),
    "str": ("text", "word", "pattern", "line"),
    "map": ("counts", "table", "lookup", "weights"),
    "set": ("allowed", "banned", "pool", "marks"),
    "num": ("n", "limit", "target", "size_k", "bound"),
    "bool": ("strict", "flag_on", "enabled"),
    "node": ("root", "head", "node"),
    "fn": ("key_fn", "mapper", "score_fn"),
    "any": ("extra", "payload", "other"),
}
LOCAL_NAMES: dict[str, tuple[str, ...]] = {
    "map": ("seen", "freq", "memo", "index_of", "tally"),
    "set": ("visited", "used", "present", "uniq"),
    "list": ("res", "out", "buf", "vals", "order"),
    "stack": ("stack", "stk", "pending"),
    "queue": ("queue", "frontier", "todo"),
    "deque": ("window", "dq", "ends"),
    "heap": ("heap", "pq", "min_heap"),
    "tree": ("ordered", "sorted_keys", "tree"),
    "strbuf": ("sb", "builder", "parts"),
    "linked": ("chain", "links"),
    "str": ("piece", "rest", "part"),
}
FUNCTION_NAMES = ("solve", "helper", "dfs", "search", "build", "check", "walk", "process", "explore", "scan")
ACC_NAMES = ("acc", "total", "ans", "best", "score", "result")
INDEX_NAMES = ("i", "j", "k", "m", "t", "u")
ELEMENT_NAMES = ("x", "y", "z", "w", "val", "cur")
FLAG_NAMES = ("changed", "running", "active", "again")


@dataclass
class Binding:
    """How a reference is written in the program, and what kind of collection (or number) it is."""

    expr: str
    kind: str


@dataclass
class Env:
    """The references visible in a block, the integer variables in scope (innermost last), and grid rows
    bound by enclosing loops."""

    refs: dict[str, Binding]
    ints: list[str] = field(default_factory=list)
    rows: dict[str, str] = field(default_factory=dict)
    loops: int = 0

    def child(self, loop: bool = False) -> Env:
        return Env(dict(self.refs), list(self.ints), dict(self.rows), self.loops + (1 if loop else 0))


@dataclass
class FunctionInfo:
    skel: model.Function
    name: str
    params: list[tuple[str, str]]  # (name, kind) with grids as "grid"
    acc: str
    returns: bool = True  # returns a value (the accumulator); else void where the language has it


class Namer:
    def __init__(self, rng: random.Random, reserved: frozenset[str], case) -> None:
        self.rng = rng
        self.used: set[str] = set(reserved)
        self.case = case

    def fresh(self, pool: tuple[str, ...]) -> str:
        base = self.case(self.rng.choice(pool))
        name, n = base, 2
        while name in self.used:
            name, n = f"{base}{n}", n + 1
        self.used.add(name)
        return name


def snake(word: str) -> str:
    return word


def camel(word: str) -> str:
    head, *rest = word.split("_")
    return head + "".join(part[:1].upper() + part[1:] for part in rest)


class LanguageRenderer:
    """Base class of a language's templates; see ``python.py`` for a complete example.

    Template strings are ``str.format`` patterns over: ``r`` (the collection), ``k`` (an integer key or
    value), ``acc`` (the accumulator), ``src`` (a constructor's source), ``n`` (a size), ``name``.
    """

    name = ""
    CAPABILITIES = Capabilities()
    INDENT = "    "
    RESERVED: frozenset[str] = frozenset()
    case = staticmethod(snake)
    AND = (" and ",)
    OR = (" or ",)
    OPS: dict[tuple[str, str], tuple[str, ...]] = {}
    CONDS: dict[tuple[str, str], tuple[str, ...]] = {}
    CONSTRUCT: dict[str, tuple[str, ...]] = {}
    CONSTRUCT_FROM: dict[tuple[str, str], tuple[str, ...]] = {}
    RESULT: dict[tuple[str, str], tuple[str, ...]] = {}
    SCALAR_CONDS = ("{acc} > {lit}", "{acc} % 2 == 0")
    FAMILY = {"seq": "list", "row": "list", "list": "list", "stack": "list"}
    VOID_FUNCTIONS = False  # typed languages: functions whose value nobody reads are void
    OPTIONAL_RETURN = False  # a value-returning function may fall off its end (Python, JavaScript)
    INDENTS: tuple[str, ...] = ("    ", "    ", "  ")  # per program: one level of indentation
    BRACE_STYLES: tuple[str, ...] = ("same",)  # "next": opening braces on their own line (C#, C, C++, Java)
    INDEX_WHEN_CHANGED = False  # loop by index over a collection the body changes (Rust's borrows)
    CALL_STMTS: tuple[str, ...] = ()
    VOID_CALL_STMTS: tuple[str, ...] = ()

    # ---- hooks every language implements -------------------------------------------------------
    def program(self, r: Program, functions: list[list[str]]) -> str:
        raise NotImplementedError

    def function(self, r: Program, fn: FunctionInfo, body: list[str], needs_return: bool) -> list[str]:
        raise NotImplementedError

    # ---- helpers ---------------------------------------------------------------------------------
    def template(self, table: dict, kind: str, op: str) -> tuple[str, ...] | None:
        """Templates for ``op`` on a ``kind``: its own, its family's (a ``seq`` parameter is a list), or
        the operation's own kind's (a list parameter used as a stack takes the stack's templates)."""
        return table.get((kind, op)) or table.get((self.FAMILY.get(kind, kind), op)) \
            or table.get((op.split(".")[0], op))

    def block(self, head: list[str], body: list[str], tail: list[str]) -> list[str]:
        return head + [self.INDENT + line for line in (body or self.empty_body())] + tail

    def empty_body(self) -> list[str]:
        return []

    def key(self, r: Program, env: Env, fn: FunctionInfo) -> str:
        """An integer expression to use as a key or value (the innermost integer loop variable)."""
        return r.key(env)

    def local_kind(self, kind: str, ops: set[str]) -> str:
        """The representation of a local of ``kind`` given every operation applied to it (e.g. a queue
        that is also sliced is written as an array in JavaScript)."""
        return kind

    def fill_extra(self, r: Program) -> dict[str, str]:
        """Extra template values a language needs (e.g. JavaScript's ``let`` or ``const``)."""
        return {}


class Program:
    """One rendering: a skeleton, a language and a seed."""

    def __init__(self, skeleton: model.Skeleton, lang: LanguageRenderer, seed: int) -> None:
        self.skeleton = skeleton
        self.lang = lang
        self.rng = random.Random(f"{lang.name}:{seed}")
        self.names = Namer(self.rng, lang.RESERVED, lang.case)
        self.style: dict[str, Any] = {key: self.rng.choice(options) for key, options in lang.STYLES.items()}
        self.indent = self.rng.choice(lang.INDENTS)  # layout: templates indent by 4, re-indented at the end
        self.braces = self.rng.choice(lang.BRACE_STYLES)  # "same" line (K&R) or "next" line (Allman)
        self.functions: dict[str, FunctionInfo] = {}
        self.used: set[str] = set()  # features the text uses (imports, helper types)
        self.changing = False  # the loop being written changes the collection it runs over
        self.warnings: list[str] = []  # operations on collections of another kind (outside the typed subset)
        for function in skeleton.functions:
            grids = _grid_params(function)
            params = []
            for param in function.params:
                kind = "grid" if param.name in grids else param.kind
                params.append((self.names.fresh(PARAM_NAMES[kind]), kind))
            self.functions[function.name] = FunctionInfo(function, self.names.fresh(FUNCTION_NAMES), params, "")
        if lang.VOID_FUNCTIONS:  # only functions whose value a condition reads return one
            valued = _called_in_conditions(skeleton)
            for name, info in self.functions.items():
                info.returns = name in valued

    def pick(self, options: tuple[str, ...] | list[str]) -> str:
        return options[0] if len(options) == 1 else self.rng.choice(list(options))

    def render(self) -> str:
        out = []
        for info in self.functions.values():
            info.acc = self.names.fresh(ACC_NAMES)
            env = Env({f"p{i}": Binding(name, kind) for i, (name, kind) in enumerate(info.params)})
            body = self.block(info.skel.body, env, info)
            last = info.skel.body[-1] if info.skel.body else None
            # A final ``return`` after ``if c { return }`` would merge with it (``return c ? a : b``), so
            # where the language allows, a function ending in an ``if`` just ends.
            needs_return = info.returns and not (last is not None and _always_exits(last)) \
                and not (self.lang.OPTIONAL_RETURN and ends_in_bare_exit_if(info.skel))
            out.append(self.lang.function(self, info, body, needs_return))
        text = self.lang.program(self, out)
        if self.braces == "next":
            text = _braces_on_own_lines(text)
        return _reindent(text, self.indent)

    # ------------------------------------------------------------------------------- statements
    def block(self, body: tuple[model.Stmt, ...], env: Env, fn: FunctionInfo) -> list[str]:
        lines: list[str] = []
        for stmt in body:
            lines += self.stmt(stmt, env, fn)
        return lines

    def stmt(self, stmt: model.Stmt, env: Env, fn: FunctionInfo) -> list[str]:
        lang = self.lang
        if isinstance(stmt, model.Call):
            if stmt.op in self.functions:
                forms = lang.CALL_STMTS if self.functions[stmt.op].returns else lang.VOID_CALL_STMTS
                return [self.fill(self.pick(forms), env, fn, call=self.user_call(stmt.op, env, fn))]
            binding = self.ref(stmt.ref, env)
            templates = lang.template(lang.OPS, binding.kind, stmt.op)
            self.check_kind(stmt.op, stmt.ref, binding)
            if templates is None:
                raise KeyError(f"{lang.name}: no template for {stmt.op} on a {binding.kind}")
            return self.fill(self.pick(templates), env, fn, r=binding.expr).split("\n")
        if isinstance(stmt, model.Assign):
            return self.assign(stmt, env, fn)
        if isinstance(stmt, model.Exit):
            return [lang.exit(self, stmt.kind, fn)]
        if isinstance(stmt, model.For):
            return self.for_loop(stmt, env, fn)
        if isinstance(stmt, model.While):
            inner = env.child(loop=True)
            if stmt.ref is None:
                flag = self.names.fresh(FLAG_NAMES)
                return lang.while_flag(self, flag, self.block(stmt.body, inner, fn))
            binding = self.ref(stmt.ref, env)
            return lang.while_ref(self, binding, self.block(stmt.body, inner, fn))
        if isinstance(stmt, model.If):
            return self.if_stmt(stmt, env, fn)
        raise TypeError(stmt)

    def if_stmt(self, stmt: model.If, env: Env, fn: FunctionInfo) -> list[str]:
        lang = self.lang
        cond = self.condition(stmt.cond, env, fn)
        then = self.block(stmt.then, env.child(), fn)
        if len(stmt.orelse) == 1 and isinstance(stmt.orelse[0], model.If) and self.rng.random() < 0.5:
            inner = self.if_stmt(stmt.orelse[0], env, fn)
            return lang.if_elif(self, cond, then, inner)
        orelse = self.block(stmt.orelse, env.child(), fn) if stmt.orelse else None
        return lang.if_(self, cond, then, orelse)

    def condition(self, calls: tuple[model.Call, ...], env: Env, fn: FunctionInfo) -> str:
        lang = self.lang
        if not calls:
            return self.fill(self.pick(lang.SCALAR_CONDS), env, fn)
        parts = []
        for call in calls:
            if call.op in self.functions:
                parts.append(self.fill(self.pick(lang.CALL_CONDS), env, fn, call=self.user_call(call.op, env, fn)))
                continue
            binding = self.ref(call.ref, env)
            templates = lang.template(lang.CONDS, binding.kind, call.op)
            self.check_kind(call.op, call.ref, binding)
            if templates is None:
                raise KeyError(f"{lang.name}: no condition template for {call.op} on a {binding.kind}")
            parts.append(self.fill(self.pick(templates), env, fn, r=binding.expr))
        joiner = self.pick(lang.AND if self.rng.random() < 0.7 else lang.OR)
        return joiner.join(parts)

    def assign(self, stmt: model.Assign, env: Env, fn: FunctionInfo) -> list[str]:
        lang = self.lang
        call = stmt.value
        source = self.ref(call.ref, env) if call.ref is not None else None
        if call.op in lang.CAPABILITIES.result_ops:
            assert source is not None
            kind = "str" if source.kind == "str" else "list"
            templates = lang.template(lang.RESULT, source.kind, call.op)
        elif source is not None:  # (a collection of another kind is built like one from a list)
            kind = call.op
            templates = lang.CONSTRUCT_FROM.get((kind, source.kind)) \
                or lang.CONSTRUCT_FROM.get((kind, lang.FAMILY.get(source.kind, source.kind))) \
                or (lang.CONSTRUCT_FROM.get((kind, "list")) if source.kind != "num" else None)
        else:
            kind = call.op
            templates = None
        kind = lang.local_kind(kind, _ops_on(fn.skel.body, stmt.target))
        if source is None:
            templates = lang.CONSTRUCT.get(kind)
        elif call.op not in lang.CAPABILITIES.result_ops and kind != call.op:
            templates = lang.CONSTRUCT_FROM.get((kind, lang.FAMILY.get(source.kind, source.kind))) \
                or (lang.CONSTRUCT_FROM.get((kind, "list")) if source.kind != "num" else None)
        if templates is None:
            raise KeyError(f"{lang.name}: cannot build {call.op} from {source.kind if source else 'nothing'}")
        name = self.names.fresh(LOCAL_NAMES[call.op if call.op in LOCAL_NAMES else "list"])
        env.refs[stmt.target] = Binding(name, kind)
        text = self.fill(self.pick(templates), env, fn, name=name, src=source.expr if source else "",
                         n=lang.size(self, source) if source else "")
        return text.split("\n")

    def for_loop(self, stmt: model.For, env: Env, fn: FunctionInfo) -> list[str]:
        lang = self.lang
        inner = env.child(loop=True)
        domain = stmt.domain
        if isinstance(domain, model.Const):
            var = self.names.fresh(INDEX_NAMES)
            return lang.for_const(self, var, self.block(stmt.body, inner, fn))
        binding = self.ref(domain.ref, env)
        if isinstance(domain, model.Halving):
            var = self.names.fresh(("lo", "low", "left"))
            hi = self.names.fresh(("hi", "high", "right"))
            mid = self.names.fresh(("mid", "middle", "pivot"))
            inner.ints.append(mid)
            return lang.halving(self, binding, var, hi, mid, self.block(stmt.body, inner, fn))
        if isinstance(domain, model.Subsets):
            var = self.names.fresh(("mask", "state", "subset"))
            inner.ints.append(var)
            return lang.for_subsets(self, var, lang.size(self, binding), self.block(stmt.body, inner, fn))
        if binding.kind == "num":
            var = self.names.fresh(INDEX_NAMES)
            inner.ints.append(var)
            return lang.for_range(self, var, binding.expr, self.block(stmt.body, inner, fn))
        forms = lang.loop_forms(binding.kind)
        form = self.pick(forms)
        # whether the body changes the collection (Rust cannot hold a borrow across such a body)
        self.changing = bool(_ops_on(stmt.body, domain.ref))
        if lang.INDEX_WHEN_CHANGED and "index" in forms and self.changing:
            form = "index"
        index = self.names.fresh(INDEX_NAMES) if form in ("index", "enumerate") else None
        element = self.names.fresh(("row", "line_of", "cells") if binding.kind == "grid" else ELEMENT_NAMES) \
            if form in ("each", "enumerate") else None
        if index is not None:
            inner.ints.append(index)
        if binding.kind == "grid":
            ref = domain.ref
            inner.rows[ref] = element if element is not None else lang.index(self, binding, index)
        changing = self.changing
        body = self.block(stmt.body, inner, fn)
        self.changing = changing
        return lang.for_each(self, form, binding, index, element, body)

    # ------------------------------------------------------------------------------- expressions
    def ref(self, ref: str, env: Env) -> Binding:
        base = ref.split("[")[0]
        if base not in env.refs or ref.count("[]") > 1:
            raise KeyError(f"reference {ref} is not a parameter, a grid's row, or a local built earlier in an "
                           "enclosing block (renderable skeletons: see canonical_skeletons())")
        if ref.endswith("[]"):
            grid = env.refs[base]
            row = env.rows.get(base)
            if row is None:
                row = self.lang.index(self, grid, "0")
            return Binding(row, "row")
        return env.refs[ref]

    def check_kind(self, op: str, ref: str, binding: Binding) -> None:
        """Note an operation applied to a collection of another kind (``map.put`` on a ``seq``): the
        program is written anyway, but its extraction may not give the skeleton back."""
        from skeldsl.render.capabilities import OPS_BY_KIND, REDUCIBLE

        kind = binding.kind
        allowed = set(OPS_BY_KIND.get(kind, ()))
        if kind in ("seq", "list", "row"):
            allowed |= set(OPS_BY_KIND["stack"]) | set(OPS_BY_KIND["queue"])
        if kind in REDUCIBLE or kind in ("stack", "queue", "row"):
            allowed |= {"reduce"} | set(OPS_BY_KIND["list"])
        if op not in allowed:
            self.warnings.append(f"{op}({ref}): {ref} is a {kind}; extraction may not give this skeleton back")

    def key(self, env: Env) -> str:
        if env.ints and self.style.get("keys", "var") == "var":
            return env.ints[-1]
        return "0" if not env.ints else env.ints[-1]

    def user_call(self, name: str, env: Env, fn: FunctionInfo) -> str:
        callee = self.functions[name]
        args = [self.lang.argument(self, kind, env) for _, kind in callee.params]
        return self.lang.call(self, fn, callee, args)

    def fill(self, template: str, env: Env, fn: FunctionInfo, **values: str) -> str:
        values.setdefault("acc", fn.acc)
        values.setdefault("k", self.lang.key(self, env, fn))
        values.setdefault("lit", str(self.rng.choice((0, 1, 2, 3, 5, 10))))
        for key, value in self.lang.fill_extra(self).items():
            values.setdefault(key, value)
        return template.format(**values)


def ends_in_bare_exit_if(function: model.Function) -> bool:
    """``if c { return }`` as the last statement: with a final ``return`` after it, the normaliser merges
    the two (``return c ? a : b``), so the function must end without one."""
    last = function.body[-1] if function.body else None
    return isinstance(last, model.If) and not last.cond and not last.orelse \
        and last.then == (model.Exit("return"),)


def _called_in_conditions(skeleton: model.Skeleton) -> set[str]:
    names: set[str] = set()
    for function in skeleton.functions:
        stack: list[Any] = list(function.body)
        while stack:
            stmt = stack.pop()
            if isinstance(stmt, (model.For, model.While)):
                stack.extend(stmt.body)
            elif isinstance(stmt, model.If):
                names.update(call.op for call in stmt.cond if call.ref is None and call.op[0] == "f")
                stack.extend(stmt.then + stmt.orelse)
    return names


def _ops_on(body: tuple[model.Stmt, ...], ref: str) -> set[str]:
    """Every operation applied to ``ref`` in ``body`` (conditions included)."""
    ops: set[str] = set()
    stack: list[Any] = list(body)
    while stack:
        stmt = stack.pop()
        if isinstance(stmt, model.Call) and stmt.ref == ref:
            ops.add(stmt.op)
        elif isinstance(stmt, (model.For, model.While)):
            stack.extend(stmt.body)
        elif isinstance(stmt, model.If):
            stack.extend(stmt.cond + stmt.then + stmt.orelse)
    return ops


def _grid_params(function: model.Function) -> set[str]:
    grids: set[str] = set()
    stack: list[Any] = list(function.body)
    while stack:
        stmt = stack.pop()
        for ref in _refs_of(stmt):
            if ref.endswith("[]"):
                grids.add(ref.split("[")[0])
        if isinstance(stmt, (model.For, model.While)):
            stack.extend(stmt.body)
        elif isinstance(stmt, model.If):
            stack.extend(stmt.cond + stmt.then + stmt.orelse)
    return grids


def _refs_of(stmt: Any) -> list[str]:
    if isinstance(stmt, model.Call):
        return [stmt.ref] if stmt.ref else []
    if isinstance(stmt, model.Assign):
        return [stmt.value.ref] if stmt.value.ref else []
    if isinstance(stmt, model.For) and not isinstance(stmt.domain, model.Const):
        return [stmt.domain.ref]
    if isinstance(stmt, model.While) and stmt.ref:
        return [stmt.ref]
    return []


def _always_exits(stmt: model.Stmt) -> bool:
    if isinstance(stmt, model.Exit):
        return True
    if isinstance(stmt, model.If):
        return bool(stmt.then) and bool(stmt.orelse) and _always_exits(stmt.then[-1]) \
            and _always_exits(stmt.orelse[-1])
    return False


_OPENING = re.compile(r"^(\s*)(.*\S) \{$")


def _braces_on_own_lines(text: str) -> str:
    """Allman layout: a block's ``{`` on its own line, ``} else {`` as three lines."""
    out = []
    for line in text.split("\n"):
        match = _OPENING.match(line)
        if match is None:
            out.append(line)
            continue
        indent, head = match.groups()
        if head.startswith("} else"):
            out += [indent + "}", indent + head[2:]]
        else:
            out.append(indent + head)
        out.append(indent + "{")
    return "\n".join(out)


def _reindent(text: str, indent: str) -> str:
    """``text`` (indented by four spaces a level) with each level written as ``indent``."""
    if indent == "    ":
        return text
    out = []
    for line in text.split("\n"):
        stripped = line.lstrip(" ")
        levels, rest = divmod(len(line) - len(stripped), 4)
        out.append(indent * levels + " " * rest + stripped)
    return "\n".join(out)


def indent_lines(lines: list[str], indent: str) -> list[str]:
    return [indent + line if line else line for line in lines]


_IDENT = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
