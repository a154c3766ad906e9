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
from skeldsl.render.core import camel

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
    OPTIONAL_RETURN = True  # and ends with error(..) instead (NO_ANSWER)
    SEMI = ""
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
    FLAG = "var {flag} = true"
    SIZE = {"str": "{r}.length", "strbuf": "{r}.length", "*": "{r}.size"}
    NONEMPTY = {"*": ("{r}.isNotEmpty()",)}
    # (not empty: an empty collection passed to a call is a construction, as ``dfs(0, mutableListOf())`` is)
    ARGUMENTS = {"num": "0", "bool": "false", "seq": "mutableListOf(0)", "grid": "arrayOf(intArrayOf(0))", "str": '""',
                 "map": "mutableMapOf(0 to 0)", "set": "mutableSetOf(0)", "node": "null", "fn": "{ it }", "any": "null"}
    ARGUMENT = None
    INDEX_KINDS = frozenset({"seq", "list", "row", "grid", "str", "stack"})
    INDEX_FORMS = ("each", "index", "enumerate")
    INDEX_LOOP = ("for ({i} in {r}.indices)", "for ({i} in 0 until {size})")
    ENUMERATE_LOOP = ("for (({i}, {x}) in {r}.withIndex())",)
    EACH_LOOP = {**dict.fromkeys(("map", "tree"), ("for (({x}, _) in {r})", "for ({x} in {r}.keys)")),
                 "*": ("for ({x} in {r})",)}
    RANGE_LOOP = ("for ({v} in 0 until {n})", "for ({v} in {n} - 1 downTo 0)")
    SHIFT = "(1 shl {n})"
    CONST_LOOP = ("for ({v} in 0 until 4)", "for ({v} in 0 until 26)")
    SEARCH = ("var {lo} = 0", "var {hi} = {size}")
    MID = "val {mid} = {middle}"
    HALVING_FOR = None
    HALVING_INIT = "var {mid} = {size}"
    TYPES = _TYPES
    PARAM = "{name}: {type}"
    SIGNATURE = "fun {name}({params}){returns}"
    RETURNS = (": Int", "")
    ACC = "var {acc} = 0"
    RETURN = ("return {acc}",)
    NO_ANSWER = 'error("no answer")'
    PREAMBLE = ("import java.util.PriorityQueue", "import java.util.TreeMap")
    CLASS_OPEN, CLASS_CLOSE = ("class Solution {",), ("}",)
    TREE_NODE = ("interface TreeNode {", "    val value: Int", "    val left: TreeNode?", "    val right: TreeNode?", "}")
    TREE_NODE_FIRST = False

    def local_kind(self, kind: str, ops: set[str]) -> str:
        # a stack or queue that is also sorted, searched or copied is a MutableList used at its ends
        if kind in ("stack", "queue") and not ops <= {f"{kind}.push", f"{kind}.pop"}:
            return f"{kind}_list"
        return kind


RENDERER = KotlinRenderer()
