"""Go templates: slices, maps (``map[int]bool`` sets), ``slices`` / ``sort`` / ``strings`` calls, gods
``priorityqueue`` and ``treemap`` for heaps and ordered maps.

Stacks and queues are slices (``st = st[:len(st)-1]``, ``q = q[1:]``).  Stores into maps and sets use a
value with a call in it (``m[k] = max(acc, 1)``): the Go extractor drops a loop that only stores plain
values into a container built just before (``drop_fill_loops``, meant for ``dp[i] = -1``).
Style choices: ``for _, x := range xs``, ``for i := range xs``, counting loops, ``for i := range n``,
``else if`` chains.  Not expressible (outside ``CAPABILITIES``): ``@memo``, ``list.insert`` /
``list.del`` (``slices.Insert`` / ``slices.Delete`` are not mapped), deques, ``heap.top``, string
builders, linked lists, locals built by an operation.  No Go toolchain here: checked by tree-sitter.
"""

from __future__ import annotations

from dataclasses import replace

from skeldsl.render._braces import BraceRenderer
from skeldsl.render.capabilities import FULL
from skeldsl.render.core import FunctionInfo, Program, camel

_L = "list"
_OPS: dict[tuple[str, str], tuple[str, ...]] = {
    (_L, "list.append"): ("{r} = append({r}, {k})",),
    (_L, "list.pop"): ("{r} = {r}[:len({r})-1]",),
    (_L, "list.popfront"): ("{r} = {r}[1:]",),
    (_L, "list.has"): ("_ = slices.Contains({r}, {k})",),
    (_L, "list.find"): ("{acc} += slices.Index({r}, {k})",),
    (_L, "list.extend"): ("{r} = append({r}, {r}...)",),
    (_L, "sort"): ("sort.Ints({r})", "slices.Sort({r})"),
    (_L, "bsearch"): ("{acc} += sort.SearchInts({r}, {k})",),
    (_L, "copy"): ("{acc} += len(slices.Clone({r}))",),
    (_L, "slice"): ("{acc} += len({r}[1:])",),
    (_L, "reverse"): ("slices.Reverse({r})",),
    (_L, "stack.push"): ("{r} = append({r}, {k})",),
    (_L, "stack.pop"): ("{r} = {r}[:len({r})-1]",),
    (_L, "queue.push"): ("{r} = append({r}, {k})",),
    (_L, "queue.pop"): ("{r} = {r}[1:]",),
    ("str", "str.concat"): ('{r} += "x"', '{r} = {r} + "ab"'),
    ("str", "str.find"): ('{acc} += strings.Index({r}, "a")',),
    ("str", "str.split"): ('{acc} += len(strings.Split({r}, ","))',),
    ("str", "str.replace"): ('{acc} += len(strings.ReplaceAll({r}, "a", "b"))',),
    ("str", "slice"): ("{acc} += len({r}[1:])",),
    ("map", "map.get"): ("{acc} += {r}[{k}]",),
    ("map", "map.put"): ("{r}[{k}] = max({acc}, 1)",),
    ("map", "map.has"): ("{{\n    _, ok := {r}[{k}]\n    _ = ok\n}}",),
    ("map", "map.del"): ("delete({r}, {k})",),
    ("set", "set.add"): ("{r}[{k}] = len({r}) >= 0",),
    ("set", "set.has"): ("_ = {r}[{k}]",),
    ("set", "set.del"): ("delete({r}, {k})",),
    ("heap", "heap.push"): ("{r}.Enqueue({k})",),
    ("heap", "heap.pop"): ("{r}.Dequeue()",),
    ("tree", "tree.put"): ("{r}.Put({k}, {acc})",),
    ("tree", "tree.get"): ("{r}.Get({k})",),
    ("tree", "tree.has"): ("_ = {r}.Contains({k})",),
    ("tree", "tree.del"): ("{r}.Remove({k})",),
    ("tree", "tree.near"): ("{r}.Floor({k})", "{r}.Ceiling({k})"),
}
_CONDS: dict[tuple[str, str], tuple[str, ...]] = {
    (_L, "list.has"): ("slices.Contains({r}, {k})", "!slices.Contains({r}, {k})"),
    (_L, "list.find"): ("slices.Index({r}, {k}) >= 0",),
    (_L, "bsearch"): ("sort.SearchInts({r}, {k}) < {acc}",),
    (_L, "reduce"): ("slices.Max({r}) > {acc}", "slices.Min({r}) < {k}"),
    ("str", "str.find"): ('strings.Contains({r}, "a")', 'strings.HasPrefix({r}, "ab")', 'strings.Index({r}, "b") >= 0'),
    ("map", "map.get"): ("{r}[{k}] > {acc}",),
    ("set", "set.has"): ("{r}[{k}]", "!{r}[{k}]"),
    ("tree", "tree.has"): ("{r}.Contains({k})",),
}
_TYPES = {"seq": "[]int", "grid": "[][]int", "str": "string", "map": "map[int]int", "set": "map[int]bool",
          "num": "int", "bool": "bool", "node": "*TreeNode", "fn": "func(int) int", "any": "any"}
_KEYWORDS = frozenset("""break case chan const continue default defer else fallthrough for func go goto if import interface map
package range return select struct switch type var append cap clear close complex copy delete imag len
make max min new panic print println real recover any bool byte int string error true false nil iota
slices sort strings maps priorityqueue treemap utils TreeNode main ok""".split())  # noqa: SIM905
_GODS = (("priorityqueue.", "github.com/emirpasic/gods/queues/priorityqueue"),
         ("treemap.", "github.com/emirpasic/gods/maps/treemap"), ("utils.", "github.com/emirpasic/gods/utils"))


class GoRenderer(BraceRenderer):
    name = "go"
    CAPABILITIES = replace(
        FULL.without(ops=("list.insert", "list.del", "heap.top"), constructors=("deque", "strbuf", "linked")),
        memo=False, result_ops={}, queue_base="list", not_iterable=frozenset({"heap", "tree"}),
        constructors={"map": frozenset(), "set": frozenset(), "list": frozenset({"seq", "list", "num"}),
                      "stack": frozenset(), "queue": frozenset(), "heap": frozenset(), "tree": frozenset()},
        excluded_kind_ops=frozenset({("map", "copy"), ("set", "copy")}),
        excluded_cond_ops=frozenset({"map.has", "heap.pop", "tree.get", "tree.near", "list.pop",
                                     "list.popfront", "stack.pop", "queue.pop"}),
    )
    RESERVED = _KEYWORDS
    case = staticmethod(camel)
    VOID_FUNCTIONS = True
    OPTIONAL_RETURN = True  # and ends with a panic instead (NO_ANSWER)
    SEMI = ""
    WHILE = "for"
    INDENTS = ("\t", "\t", "    ")  # gofmt indents with tabs
    FAMILY = {"seq": "list", "row": "list", "list": "list", "stack": "list", "queue": "list"}
    PAREN_CONDITIONS = False
    OPS = _OPS
    CONDS = _CONDS
    CONSTRUCT = {
        "map": ("{name} := map[int]int{{}}", "{name} := make(map[int]int)"),
        "set": ("{name} := map[int]bool{{}}", "{name} := make(map[int]bool)"),
        "list": ("{name} := []int{{}}", "var {name} []int"),
        "stack": ("{name} := []int{{}}",), "queue": ("{name} := []int{{}}",),
        "heap": ("{name} := priorityqueue.NewWith(utils.IntComparator)",),
        "tree": ("{name} := treemap.NewWithIntComparator()",),
    }
    CONSTRUCT_FROM = {
        ("list", "num"): ("{name} := make([]int, {src})",),
        ("list", "list"): ("{name} := make([]int, len({src}))",),
        ("stack", "list"): ("{name} := make([]int, len({src}))",),
        ("queue", "list"): ("{name} := make([]int, len({src}))",),
        ("stack", "num"): ("{name} := make([]int, {src})",),
        ("queue", "num"): ("{name} := make([]int, {src})",),
    }
    FLAG = "{flag} := true"
    SIZE = {"heap": "{r}.Size()", "tree": "{r}.Size()", "*": "len({r})"}
    NONEMPTY = {"heap": ("!{r}.Empty()",), "tree": ("!{r}.Empty()",), "*": ("len({r}) > 0",)}
    ARGUMENTS = {"num": "0", "bool": "false", "str": '""'}
    ARGUMENT = "nil"
    INDEX_KINDS = frozenset({"seq", "list", "row", "grid", "str", "stack", "queue"})
    INDEX_LOOP = ("for {i} := range {r}", "for {i} := 0; {i} < len({r}); {i}++")
    EACH_LOOP = {"map": ("for {x} := range {r}",), "set": ("for {x} := range {r}",), "*": ("for _, {x} := range {r}",)}
    RANGE_LOOP = ("for {v} := 0; {v} < {n}; {v}++", "for {v} := range {n}")
    CONST_LOOP = ("for {v} := 0; {v} < 4; {v}++", "for {v} := range 26")
    SEARCH = ("{lo}, {hi} := 0, {size}",)
    MID = "{mid} := {middle}"
    HALVING_FOR = "for {mid} := {size}; {mid} > 0; {mid} /= 2"
    TYPES = _TYPES
    PARAM = "{name} {type}"
    SIGNATURE = "func {name}({params}){returns}"
    RETURNS = (" int", "")
    ACC = "{acc} := 0"
    RETURN = ("return {acc}",)
    NO_ANSWER = 'panic("unreachable")'
    PREAMBLE = ("package main",)
    TREE_NODE = ("type TreeNode struct {", "    Val   int", "    Left  *TreeNode", "    Right *TreeNode", "}")

    def function_tail(self, r: Program, fn: FunctionInfo, needs_return: bool) -> list[str]:
        tail = super().function_tail(r, fn, needs_return)
        return tail or ([] if fn.returns else [f"_ = {fn.acc}"])  # Go rejects a declared and unused variable

    def preamble(self, r: Program, text: str) -> list[str]:
        imports = [f'"{name}"' for name in ("maps", "slices", "sort", "strings") if f"{name}." in text]
        imports += [f'"{path}"' for name, path in _GODS if name in text]
        return [*self.PREAMBLE] + (["", "import ("] + [f"    {path}" for path in imports] + [")"] if imports else [])


RENDERER = GoRenderer()
