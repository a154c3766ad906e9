"""Kotlin templates: ``class Solution`` with ``fun`` members over ``MutableList``, ``MutableMap``,
``MutableSet``, ``ArrayDeque`` (stacks, queues, deques), ``PriorityQueue``, ``TreeMap``, ``StringBuilder``.

Style choices: ``for (x in xs)`` / ``xs.indices`` / ``0 until xs.size`` / ``withIndex()``,
``0 until n`` or ``n - 1 downTo 0``, ``else if`` chains.  Not expressible (outside ``CAPABILITIES``):
``@memo``, linked lists, locals built by an operation.  No Kotlin toolchain here: checked by tree-sitter
(``!x.f()`` and ``ArrayList<Int>(xs)`` confuse the Kotlin extractor, so conditions compare with
``false`` and copies infer their type argument; parameters are ``val`` in Kotlin, so programs that reassign a string parameter would not compile).
"""

from __future__ import annotations

from dataclasses import replace

from skeldsl.render._braces import BraceRenderer
from skeldsl.render.capabilities import FULL
from skeldsl.render.core import FunctionInfo, Program, camel, ends_in_bare_exit_if

_L = "list"
_OPS: dict[tuple[str, str], tuple[str, ...]] = {
    (_L, "list.append"): ("{r}.add({k})",),
    (_L, "list.pop"): ("{r}.removeLast()",),
    (_L, "list.insert"): ("{r}.add(0, {k})",),
    (_L, "list.popfront"): ("{r}.removeFirst()",),
    (_L, "list.has"): ("if ({r}.contains({k})) {acc}++",),
    (_L, "list.find"): ("{acc} += {r}.indexOf({k})",),
    (_L, "list.del"): ("{r}.removeAt(0)", "{r}.remove({k})"),
    (_L, "list.extend"): ("{r}.addAll(listOf({k}, {acc}))",),
    (_L, "sort"): ("{r}.sort()", "{r}.sortDescending()"),
    (_L, "bsearch"): ("{acc} += {r}.binarySearch({k})",),
    (_L, "copy"): ("{acc} += {r}.toMutableList().size",),
    (_L, "slice"): ("{acc} += {r}.subList(0, {r}.size / 2).size",),
    (_L, "reverse"): ("{r}.reverse()",),
    (_L, "stack.push"): ("{r}.add({k})",),
    (_L, "stack.pop"): ("{r}.removeLast()",),
    (_L, "queue.push"): ("{r}.add({k})",),
    (_L, "queue.pop"): ("{r}.removeFirst()",),
    ("str", "str.concat"): ('{r} += "x"',),
    ("str", "str.find"): ('{acc} += {r}.indexOf("a")',),
    ("str", "str.split"): ('{acc} += {r}.split(",").size',),
    ("str", "str.replace"): ('{acc} += {r}.replace("a", "b").length',),
    ("str", "slice"): ("{acc} += {r}.substring(1).length",),
    ("map", "map.get"): ("{acc} += {r}.getOrDefault({k}, 0)",),
    ("map", "map.put"): ("{r}[{k}] = {acc}", "{r}.put({k}, {acc})"),
    ("map", "map.has"): ("if ({r}.containsKey({k})) {acc}++",),
    ("map", "map.del"): ("{r}.remove({k})",),
    ("map", "copy"): ("{acc} += {r}.toList().size",),
    ("set", "set.add"): ("{r}.add({k})",),
    ("set", "set.has"): ("if ({r}.contains({k})) {acc}++",),
    ("set", "set.del"): ("{r}.remove({k})",),
    ("set", "copy"): ("{acc} += {r}.toList().size",),
    ("stack", "stack.push"): ("{r}.addLast({k})",),
    ("stack", "stack.pop"): ("{r}.removeLast()", "{acc} += {r}.removeLast()"),
    ("queue", "queue.push"): ("{r}.addLast({k})",),
    ("queue", "queue.pop"): ("{r}.removeFirst()", "{acc} += {r}.removeFirst()"),
    ("deque", "deque.push"): ("{r}.addLast({k})",),
    ("deque", "deque.pushfront"): ("{r}.addFirst({k})",),
    ("deque", "deque.pop"): ("{r}.removeLast()",),
    ("deque", "deque.popfront"): ("{r}.removeFirst()",),
    ("heap", "heap.push"): ("{r}.add({k})",),
    ("heap", "heap.pop"): ("{r}.poll()",),
    ("heap", "heap.top"): ("{acc} += {r}.peek()",),
    ("tree", "tree.put"): ("{r}[{k}] = {acc}",),
    ("tree", "tree.get"): ("{acc} += {r}.getOrDefault({k}, 0)",),
    ("tree", "tree.has"): ("if ({r}.containsKey({k})) {acc}++",),
    ("tree", "tree.del"): ("{r}.remove({k})",),
    ("tree", "tree.near"): ("{r}.floorKey({k})", "{r}.ceilingKey({k})"),
    ("strbuf", "strbuf.append"): ("{r}.append({k})", '{r}.append("x")'),
}
_CONDS: dict[tuple[str, str], tuple[str, ...]] = {
    (_L, "list.pop"): ("{r}.removeLast() > {acc}",),
    (_L, "list.popfront"): ("{r}.removeFirst() == {k}",),
    (_L, "list.has"): ("{r}.contains({k})", "{r}.contains({k}) == false"),
    (_L, "list.find"): ("{r}.indexOf({k}) >= 0",),
    (_L, "bsearch"): ("{r}.binarySearch({k}) >= 0",),
    (_L, "reduce"): ("{r}.sum() > {acc}", "{r}.any {{ it > {k} }}"),
    (_L, "stack.pop"): ("{r}.removeLast() > {acc}",),
    (_L, "queue.pop"): ("{r}.removeFirst() > {acc}",),
    ("str", "str.find"): ('{r}.indexOf("a") >= 0', '{r}.contains("ab")', '{r}.startsWith("a")'),
    ("map", "map.get"): ("{r}.getOrDefault({k}, 0) > {acc}",),
    ("map", "map.has"): ("{r}.containsKey({k})", "{r}.containsKey({k}) == false"),
    ("set", "set.has"): ("{r}.contains({k})", "{r}.contains({k}) == false"),
    ("stack", "stack.pop"): ("{r}.removeLast() > {acc}",),
    ("queue", "queue.pop"): ("{r}.removeFirst() > {acc}",),
    ("deque", "deque.pop"): ("{r}.removeLast() > {acc}",),
    ("deque", "deque.popfront"): ("{r}.removeFirst() == {k}",),
    ("heap", "heap.pop"): ("{r}.poll() > {acc}",),
    ("heap", "heap.top"): ("{r}.peek() > {acc}",),
    ("tree", "tree.get"): ("{r}.getOrDefault({k}, 0) > {acc}",),
    ("tree", "tree.has"): ("{r}.containsKey({k})",),
    ("tree", "tree.near"): ("{r}.floorKey({k}) != null",),
}
_TYPES = {"seq": "MutableList<Int>", "grid": "Array<IntArray>", "str": "String", "map": "MutableMap<Int, Int>",
          "set": "MutableSet<Int>", "num": "Int", "bool": "Boolean", "node": "TreeNode?", "fn": "(Int) -> Int",
          "any": "Any?"}
_ARGUMENTS = {"num": "0", "bool": "false", "seq": "mutableListOf()", "grid": "arrayOf()", "str": '""',
              "map": "mutableMapOf()", "set": "mutableSetOf()", "node": "null", "fn": "{ it }", "any": "null"}
_KEYWORDS = frozenset("""as break class continue do else false for fun if in interface is null object package return super this
throw true try typealias typeof val var when while by catch constructor delegate dynamic field file
finally get import init param property receiver set setparam where actual abstract annotation companion
const crossinline data enum expect external final infix inline inner internal lateinit noinline open
operator out override private protected public reified sealed suspend tailrec vararg it Int String
Boolean Any MutableList MutableMap MutableSet ArrayDeque PriorityQueue TreeMap StringBuilder TreeNode
Solution listOf mutableListOf repeat error until downTo step""".split())  # noqa: SIM905


class KotlinRenderer(BraceRenderer):
    name = "kotlin"
    CAPABILITIES = replace(
        FULL.without(constructors=("linked",)), memo=False, result_ops={},
        constructors={**{kind: frozenset() for kind in ("map", "set", "stack", "queue", "heap", "tree", "strbuf",
                                                        "deque")},
                      "list": frozenset({"seq", "list", "num"})},
    )
    RESERVED = _KEYWORDS
    case = staticmethod(camel)
    VOID_FUNCTIONS = True
    OPTIONAL_RETURN = True  # and ends with error(..) instead (see ``function``)
    SEMI = ""
    CALL_STMTS = ("{call}", "{acc} += {call}")
    VOID_CALL_STMTS = ("{call}",)
    STYLES = {"keys": ("var", "var", "lit")}
    OPS = _OPS
    CONDS = _CONDS
    FAMILY = {"seq": "list", "row": "list", "list": "list", "stack_list": "list", "queue_list": "list"}
    CONSTRUCT = {
        "map": ("val {name} = HashMap<Int, Int>()", "val {name} = mutableMapOf<Int, Int>()"),
        "set": ("val {name} = HashSet<Int>()", "val {name} = mutableSetOf<Int>()"),
        "list": ("val {name} = mutableListOf<Int>()", "val {name} = ArrayList<Int>()"),
        "stack": ("val {name} = ArrayDeque<Int>()",), "queue": ("val {name} = ArrayDeque<Int>()",),
        "stack_list": ("val {name} = mutableListOf<Int>()",), "queue_list": ("val {name} = mutableListOf<Int>()",),
        "deque": ("val {name} = ArrayDeque<Int>()",), "heap": ("val {name} = PriorityQueue<Int>()",),
        "tree": ("val {name} = TreeMap<Int, Int>()",), "strbuf": ("val {name} = StringBuilder()",),
    }
    CONSTRUCT_FROM = {
        ("list", "list"): ("val {name} = ArrayList({src})",),
        ("list", "num"): ("val {name} = IntArray({src})",),
        ("stack", "list"): ("val {name} = ArrayList({src})",),
        ("stack_list", "list"): ("val {name} = ArrayList({src})",),
        ("queue_list", "list"): ("val {name} = ArrayList({src})",),
        ("stack_list", "num"): ("val {name} = IntArray({src})",),
        ("stack", "num"): ("val {name} = IntArray({src})",),
    }
    RESULT: dict = {}

    def local_kind(self, kind: str, ops: set[str]) -> str:
        # a stack or queue that is also sorted, searched or copied is a MutableList used at its ends
        if kind in ("stack", "queue") and not ops <= {f"{kind}.push", f"{kind}.pop"}:
            return f"{kind}_list"
        return kind

    def declare_flag(self, flag: str) -> str:
        return f"var {flag} = true"

    def size(self, r: Program, binding) -> str:
        kind = binding.kind
        if kind == "num":
            return binding.expr
        return f"{binding.expr}.length" if kind in ("str", "strbuf") else f"{binding.expr}.size"

    def nonempty(self, r: Program, binding) -> str:
        return f"{binding.expr}.isNotEmpty()"

    def index(self, r: Program, binding, i: str) -> str:
        return f"{binding.expr}[{i}]"

    def argument(self, r: Program, kind: str, env) -> str:
        return _ARGUMENTS[kind]

    def call(self, r: Program, caller: FunctionInfo, callee: FunctionInfo, args: list[str]) -> str:
        return f"{callee.name}({', '.join(args)})"

    def loop_forms(self, kind: str) -> tuple[str, ...]:
        if kind in ("seq", "list", "row", "grid", "str", "stack"):
            return ("each", "index", "enumerate")
        return ("each",)

    def for_each(self, r: Program, form: str, binding, index, element, body: list[str]) -> list[str]:
        expr = binding.expr
        if form == "index":
            return self.braces(r.pick((f"for ({index} in {expr}.indices)",
                                       f"for ({index} in 0 until {self.size(r, binding)})")), body)
        if form == "enumerate":
            return self.braces(f"for (({index}, {element}) in {expr}.withIndex())", body)
        if binding.kind in ("map", "tree"):
            return self.braces(r.pick((f"for (({element}, _) in {expr})", f"for ({element} in {expr}.keys)")), body)
        return self.braces(f"for ({element} in {expr})", body)

    def for_range(self, r: Program, var: str, n: str, body: list[str]) -> list[str]:
        return self.braces(r.pick((f"for ({var} in 0 until {n})", f"for ({var} in {n} - 1 downTo 0)")), body)

    def for_const(self, r: Program, var: str, body: list[str]) -> list[str]:
        return self.braces(r.pick((f"for ({var} in 0 until 4)", f"for ({var} in 0 until 26)")), body)

    def halving(self, r: Program, binding, lo: str, hi: str, mid: str, body: list[str]) -> list[str]:
        size = self.size(r, binding)
        if r.rng.random() < 0.5:
            return [f"var {lo} = 0", f"var {hi} = {size}"] + self.braces(
                f"while ({lo} < {hi})", [f"val {mid} = ({lo} + {hi}) / 2", f"{lo} = {mid} + 1"] + body)
        return [f"var {mid} = {size}"] + self.braces(f"while ({mid} > 0)", [f"{mid} /= 2"] + body)

    def function(self, r: Program, fn: FunctionInfo, body: list[str], needs_return: bool) -> list[str]:
        params = ", ".join(f"{name}: {_TYPES[kind]}" for name, kind in fn.params)
        tail = [f"return {fn.acc}"] if needs_return else []
        if fn.returns and ends_in_bare_exit_if(fn.skel):
            tail = ['error("no answer")']
        returns = ": Int" if fn.returns else ""
        return self.braces(f"fun {fn.name}({params}){returns}", [f"var {fn.acc} = 0"] + body + tail)

    def program(self, r: Program, functions: list[list[str]]) -> str:
        text = self.program_text([], functions, [])
        body = [self.INDENT + line if line else line for line in text.rstrip("\n").split("\n")]
        lines = ["import java.util.PriorityQueue", "import java.util.TreeMap", "", "class Solution {"] + body + ["}"]
        if "TreeNode" in text:
            lines += ["", "interface TreeNode {", "    val value: Int", "    val left: TreeNode?",
                      "    val right: TreeNode?", "}"]
        return "\n".join(lines) + "\n"


RENDERER = KotlinRenderer()
