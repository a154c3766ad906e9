"""Python templates: lists, dicts, sets, ``collections.deque``, ``heapq``, ``bisect``, ``SortedList``.

Style choices: module functions or ``class Solution`` methods, ``typing`` or builtin generics, the memo
decorator (``@cache``, ``@lru_cache(maxsize=None)``, ``@functools.cache``), loop forms (``for x in xs``,
``for i in range(len(xs))``, ``enumerate``), ``elif`` or nested ``else: if``.
Python cannot express ``heap.top`` (``h[0]`` is plain indexing), ``list.popfront`` (the extractor reads
``xs.pop(0)`` as ``list.pop``), string builders or linked lists.
"""

from __future__ import annotations

import keyword
from dataclasses import replace

from skeldsl.render.capabilities import FULL, RESULT_OPS
from skeldsl.render.core import FunctionInfo, LanguageRenderer, Program

_L = "list"
_OPS: dict[tuple[str, str], tuple[str, ...]] = {
    (_L, "list.append"): ("{r}.append({k})",),
    (_L, "list.pop"): ("{r}.pop()", "{acc} += {r}.pop()"),
    (_L, "list.insert"): ("{r}.insert(0, {k})",),
    (_L, "list.popfront"): ("{r}.pop(0)", "{acc} += {r}.pop(0)"),
    (_L, "list.has"): ("{acc} += {k} in {r}",),
    (_L, "list.find"): ("{acc} = {r}.index({k})", "{acc} += {r}.index({k})"),
    (_L, "list.del"): ("{r}.remove({k})", "del {r}[0]"),
    (_L, "list.extend"): ("{r}.extend([{k}, {acc}])", "{r} += [{k}]"),
    (_L, "sort"): ("{r}.sort()", "{r}.sort(reverse=True)"),
    (_L, "bsearch"): ("{acc} = bisect_left({r}, {k})", "{acc} += bisect.bisect_right({r}, {k})"),
    (_L, "copy"): ("{r}.copy()", "{acc} += len({r}.copy())"),
    (_L, "slice"): ("{acc} += len({r}[1:])", "{r}[:{k}]"),
    (_L, "reverse"): ("{r}.reverse()",),
    (_L, "stack.push"): ("{r}.append({k})",),
    (_L, "stack.pop"): ("{r}.pop()", "{acc} += {r}.pop()"),
    (_L, "queue.push"): ("{r}.append({k})",),
    (_L, "queue.pop"): ("{r}.pop(0)", "{acc} += {r}.pop(0)"),
    ("deque", "copy"): ("{r}.copy()",),
    ("queue", "copy"): ("{r}.copy()",),
    ("str", "str.concat"): ("{r} += 'x'", "{r} = {r} + 'ab'"),
    ("str", "str.find"): ("{acc} += {r}.find('a')", "{acc} = {r}.index('b')"),
    ("str", "str.split"): ("{acc} += len({r}.split())", "{r}.split(',')"),
    ("str", "str.replace"): ("{r}.replace('a', 'b')", "{acc} += len({r}.replace('a', ''))"),
    ("str", "slice"): ("{acc} += len({r}[1:])", "{r}[:{k}]"),
    ("map", "map.get"): ("{acc} += {r}.get({k}, 0)", "{acc} += {r}[{k}]"),
    ("map", "map.put"): ("{r}[{k}] = {acc}", "{r}.setdefault({k}, 0)"),
    ("map", "map.has"): ("{acc} += {k} in {r}",),
    ("map", "map.del"): ("del {r}[{k}]", "{r}.pop({k}, None)"),
    ("map", "copy"): ("{r}.copy()",),
    ("set", "set.add"): ("{r}.add({k})",),
    ("set", "set.has"): ("{acc} += {k} in {r}",),
    ("set", "set.del"): ("{r}.discard({k})", "{r}.remove({k})"),
    ("set", "copy"): ("{r}.copy()",),
    ("stack", "stack.push"): ("{r}.append({k})",),
    ("stack", "stack.pop"): ("{r}.pop()", "{acc} += {r}.pop()"),
    ("queue", "queue.push"): ("{r}.append({k})",),
    ("queue", "queue.pop"): ("{r}.popleft()", "{acc} += {r}.popleft()"),
    ("deque", "deque.push"): ("{r}.append({k})",),
    ("deque", "deque.pushfront"): ("{r}.appendleft({k})",),
    ("deque", "deque.pop"): ("{r}.pop()", "{acc} += {r}.pop()"),
    ("deque", "deque.popfront"): ("{r}.popleft()",),
    ("heap", "heap.push"): ("heappush({r}, {k})", "heapq.heappush({r}, -{k})"),
    ("heap", "heap.pop"): ("heappop({r})", "{acc} += heapq.heappop({r})"),
    ("tree", "tree.put"): ("{r}.add({k})",),
    ("tree", "tree.get"): ("{acc} += {r}[0]", "{acc} += {r}[-1]"),
    ("tree", "tree.has"): ("{acc} += {k} in {r}",),
    ("tree", "tree.del"): ("{r}.discard({k})", "{r}.remove({k})"),
    ("tree", "tree.near"): ("{acc} += {r}.bisect_left({k})", "{acc} = {r}.bisect_right({k})"),
}
_CONDS: dict[tuple[str, str], tuple[str, ...]] = {
    (_L, "list.pop"): ("{r}.pop() > {acc}",),
    (_L, "list.popfront"): ("{r}.pop(0) == {k}",),
    (_L, "list.has"): ("{k} in {r}", "{k} not in {r}"),
    (_L, "list.find"): ("{r}.index({k}) > {acc}",),
    (_L, "bsearch"): ("bisect_left({r}, {k}) < len({r})", "bisect.bisect_right({r}, {acc}) > 0"),
    (_L, "reduce"): ("sum({r}) > {acc}", "max({r}) > {k}", "min({r}) < {lit}", "any({r})"),
    (_L, "stack.pop"): ("{r}.pop() > {acc}",),
    (_L, "queue.pop"): ("{r}.pop(0) > {acc}",),
    ("str", "str.find"): ("'a' in {r}", "{r}.find('a') >= 0", "{r}.startswith('ab')"),
    ("map", "map.get"): ("{r}.get({k}, 0) > {acc}", "{r}[{k}] == {acc}"),
    ("map", "map.has"): ("{k} in {r}", "{k} not in {r}"),
    ("set", "set.has"): ("{k} in {r}", "{k} not in {r}"),
    ("stack", "stack.pop"): ("{r}.pop() > {acc}",),
    ("queue", "queue.pop"): ("{r}.popleft() > {acc}",),
    ("deque", "deque.pop"): ("{r}.pop() > {acc}",),
    ("deque", "deque.popfront"): ("{r}.popleft() == {k}",),
    ("heap", "heap.pop"): ("heappop({r}) > {acc}", "-heapq.heappop({r}) < {k}"),
    ("tree", "tree.get"): ("{r}[0] > {acc}",),
    ("tree", "tree.has"): ("{k} in {r}",),
    ("tree", "tree.near"): ("{r}.bisect_left({k}) > 0",),
}

_ANNOTATIONS = {
    "typing": {"seq": "List[int]", "grid": "List[List[int]]", "str": "str", "map": "Dict[int, int]",
               "set": "Set[int]", "num": "int", "bool": "bool", "node": "Optional[TreeNode]",
               "fn": "Callable[[int], int]"},
    "builtin": {"seq": "list[int]", "grid": "list[list[int]]", "str": "str", "map": "dict[int, int]",
                "set": "set[int]", "num": "int", "bool": "bool", "node": "TreeNode",
                "fn": "Callable[[int], int]"},
}
_MEMO = {"cache": "@cache", "lru_cache": "@lru_cache(maxsize=None)", "functools": "@functools.cache"}
_IMPORTS = (  # (text that needs it, import line)
    ("functools.", "import functools"), ("@cache", "from functools import cache"),
    ("@lru_cache", "from functools import lru_cache"), ("heapq.", "import heapq"),
    ("bisect.", "import bisect"), ("bisect_left(", "from bisect import bisect_left"),
    ("heappush(", "from heapq import heappush"), ("heappop(", "from heapq import heappop"),
    ("heapify(", "from heapq import heapify"), ("deque(", "from collections import deque"),
    ("Counter(", "from collections import Counter"), ("defaultdict(", "from collections import defaultdict"),
    ("SortedList(", "from sortedcontainers import SortedList"),
)


class PythonRenderer(LanguageRenderer):
    name = "python"
    CAPABILITIES = replace(FULL.without(ops=("heap.top", "list.popfront"), constructors=("strbuf", "linked")),
                           result_ops={k: v for k, v in RESULT_OPS.items() if k != "reverse"})
    INDENT = "    "
    RESERVED = frozenset(keyword.kwlist) | frozenset({
        "len", "range", "list", "dict", "set", "sorted", "min", "max", "sum", "any", "all", "map", "filter",
        "zip", "enumerate", "print", "heapq", "bisect", "deque", "Counter", "defaultdict", "OrderedDict",
        "SortedList", "SortedDict", "SortedSet", "cache", "lru_cache", "functools", "List", "Dict", "Set",
        "Optional", "Callable", "TreeNode", "self", "int", "str", "bool", "id", "next", "iter", "object",
        "type", "abs", "pow", "round", "hash", "insort", "heappush", "heappop", "heapify", "heappushpop",
        "heapreplace", "nlargest", "nsmallest", "bisect_left", "bisect_right", "Solution", "math", "tuple",
        "reversed", "input", "open", "format", "vars", "dir", "annotations",
    })
    STYLES = {"layout": ("functions", "class"), "annotations": ("typing", "builtin"),
              "memo": tuple(_MEMO), "keys": ("var", "var", "lit")}
    OPS = _OPS
    CONDS = _CONDS
    CONSTRUCT = {
        "map": ("{name} = {{}}", "{name} = dict()", "{name} = defaultdict(int)", "{name} = Counter()"),
        "set": ("{name} = set()",), "list": ("{name} = []", "{name} = list()"), "stack": ("{name} = []",),
        "queue": ("{name} = deque()",), "deque": ("{name} = deque()",),
        "heap": ("{name} = []\nheapify({name})",), "tree": ("{name} = SortedList()",),
    }
    CONSTRUCT_FROM = {
        ("list", "list"): ("{name} = list({src})",),
        ("list", "num"): ("{name} = [0] * {src}", "{name} = [0 for _ in range({src})]",
                          "{name} = list(range({src}))"),
        ("set", "list"): ("{name} = set({src})",),
        ("deque", "list"): ("{name} = deque({src})",),
        ("stack", "list"): ("{name} = list({src})",),
        ("queue", "list"): ("{name} = deque({src})",),
        ("stack", "num"): ("{name} = [0] * {src}",),
        ("queue", "num"): ("{name} = deque([0] * {src})",),
    }
    RESULT = {
        ("list", "sort"): ("{name} = sorted({src})",),
        ("list", "copy"): ("{name} = {src}.copy()",),
        ("list", "slice"): ("{name} = {src}[1:]", "{name} = {src}[:{k}]"),
        ("str", "slice"): ("{name} = {src}[1:]", "{name} = {src}[:{k}]"),
    }
    SCALAR_CONDS = ("{acc} > {lit}", "{acc} % 2 == 0", "{k} < {acc}")
    CALL_STMTS = ("{call}", "{acc} += {call}")
    OPTIONAL_RETURN = True
    CALL_CONDS = ("{call} > {acc}", "{call} == {lit}")

    def empty_body(self) -> list[str]:
        return ["pass"]

    # ---- expressions -------------------------------------------------------------------------------
    def size(self, r: Program, binding) -> str:
        return binding.expr if binding.kind == "num" else f"len({binding.expr})"

    def index(self, r: Program, binding, i: str) -> str:
        return f"{binding.expr}[{i}]"

    def argument(self, r: Program, kind: str, env) -> str:
        return {"num": "0", "bool": "True"}.get(kind, "None")

    def call(self, r: Program, caller: FunctionInfo, callee: FunctionInfo, args: list[str]) -> str:
        prefix = "self." if r.style["layout"] == "class" else ""
        return f"{prefix}{callee.name}({', '.join(args)})"

    # ---- statements --------------------------------------------------------------------------------
    def exit(self, r: Program, kind: str, fn: FunctionInfo) -> str:
        return f"return {fn.acc}" if kind == "return" else kind

    def loop_forms(self, kind: str) -> tuple[str, ...]:
        if kind in ("seq", "list", "row", "grid", "str"):
            return ("each", "index", "enumerate")
        return ("each",)

    def for_each(self, r: Program, form: str, binding, index, element, body: list[str]) -> list[str]:
        head = {
            "each": f"for {element} in {binding.expr}:",
            "index": f"for {index} in range(len({binding.expr})):",
            "enumerate": f"for {index}, {element} in enumerate({binding.expr}):",
        }[form]
        return self.block([head], body, [])

    def for_range(self, r: Program, var: str, n: str, body: list[str]) -> list[str]:
        head = r.pick((f"for {var} in range({n}):", f"for {var} in range(0, {n}):",
                       f"for {var} in range({n} - 1, -1, -1):"))
        return self.block([head], body, [])

    def for_const(self, r: Program, var: str, body: list[str]) -> list[str]:
        head = r.pick((f"for {var} in range(4):", f"for {var} in range(26):", f"for {var} in (0, 1, 2, 3):"))
        return self.block([head], body, [])

    def for_subsets(self, r: Program, var: str, n: str, body: list[str]) -> list[str]:
        head = r.pick((f"for {var} in range(1 << {n}):", f"for {var} in range(2 ** {n}):"))
        return self.block([head], body, [])

    def halving(self, r: Program, binding, lo: str, hi: str, mid: str, body: list[str]) -> list[str]:
        size = self.size(r, binding)
        if r.rng.random() < 0.5:
            return [f"{lo}, {hi} = 0, {size}"] + self.block(
                [f"while {lo} < {hi}:"], [f"{mid} = ({lo} + {hi}) // 2", f"{lo} = {mid} + 1"] + body, [])
        shift = r.pick((f"{mid} //= 2", f"{mid} >>= 1"))
        return [f"{mid} = {size}"] + self.block([f"while {mid} > 0:"], [shift] + body, [])

    def while_ref(self, r: Program, binding, body: list[str]) -> list[str]:
        head = r.pick((f"while {binding.expr}:", f"while len({binding.expr}) > 0:"))
        return self.block([head], body, [])

    def while_flag(self, r: Program, flag: str, body: list[str]) -> list[str]:
        return [f"{flag} = True"] + self.block([f"while {flag}:"], [f"{flag} = False"] + body, [])

    def if_(self, r: Program, cond: str, then: list[str], orelse: list[str] | None) -> list[str]:
        lines = self.block([f"if {cond}:"], then, [])
        if orelse is not None:
            lines += self.block(["else:"], orelse, [])
        return lines

    def if_elif(self, r: Program, cond: str, then: list[str], inner: list[str]) -> list[str]:
        return self.block([f"if {cond}:"], then, []) + ["el" + inner[0]] + inner[1:]

    # ---- functions and the program -----------------------------------------------------------------
    def function(self, r: Program, fn: FunctionInfo, body: list[str], needs_return: bool) -> list[str]:
        annotations = _ANNOTATIONS[r.style["annotations"]]
        params = [f"{name}: {annotations[kind]}" if kind in annotations else name for name, kind in fn.params]
        if r.style["layout"] == "class":
            params.insert(0, "self")
        lines = [_MEMO[r.style["memo"]]] if fn.skel.memo else []
        tail = [f"return {fn.acc}"] if needs_return else []
        lines += self.block([f"def {fn.name}({', '.join(params)}) -> int:"], [f"{fn.acc} = 0"] + body + tail, [])
        return lines

    def program(self, r: Program, functions: list[list[str]]) -> str:
        if r.style["layout"] == "class":
            body = [line for function in functions for line in [""] + function][1:]
            lines = ["class Solution:"] + [self.INDENT + line if line else line for line in body]
        else:
            lines = [line for function in functions for line in function + ["", ""]][:-2]
        text = "\n".join(lines) + "\n"
        typing = [name for name in ("Callable", "Dict", "List", "Optional", "Set") if f"{name}[" in text]
        imports = ["from __future__ import annotations"]
        imports += [line for needle, line in _IMPORTS if needle in text]
        if typing:
            imports.append(f"from typing import {', '.join(typing)}")
        return "\n".join(imports) + "\n\n\n" + text


RENDERER = PythonRenderer()
