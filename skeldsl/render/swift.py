"""Swift templates: ``class Solution`` with ``func f(_ a: [Int]) -> Int`` methods over arrays,
dictionaries, sets, swift-collections ``Deque`` and ``Heap``.

Style choices: ``for x in xs`` / ``for i in 0..<xs.count`` / ``xs.indices`` / ``enumerated()``,
``0..<n`` or ``stride`` down, ``else if`` chains.  Not expressible (outside ``CAPABILITIES``): ``@memo``,
``bsearch`` (no library binary search), copies of arrays (``Array(xs)`` is not read as a copy),
ordered trees, string builders, linked lists, locals built by an operation.  No Swift toolchain here:
checked by tree-sitter (parameters are constants in Swift, so programs that change them would need
``inout`` to compile).
"""

from __future__ import annotations

from dataclasses import replace

from skeldsl.render._braces import BraceRenderer
from skeldsl.render.capabilities import FULL
from skeldsl.render.core import camel

_L = "list"
_OPS: dict[tuple[str, str], tuple[str, ...]] = {
    (_L, "list.append"): ("{r}.append({k})",),
    (_L, "list.pop"): ("{r}.removeLast()",),
    (_L, "list.insert"): ("{r}.insert({k}, at: 0)",),
    (_L, "list.popfront"): ("{r}.removeFirst()",),
    (_L, "list.has"): ("{acc} += {r}.contains({k}) ? 1 : 0",),
    (_L, "list.find"): ("{acc} += {r}.firstIndex(of: {k}) ?? 0",),
    (_L, "list.del"): ("{r}.remove(at: 0)",),
    (_L, "list.extend"): ("{r}.append(contentsOf: [{k}, {acc}])",),
    (_L, "sort"): ("{r}.sort()", "{r}.sort(by: >)"),
    (_L, "slice"): ("{acc} += {r}.dropFirst().count",),
    (_L, "reverse"): ("{r}.reverse()",),
    (_L, "stack.push"): ("{r}.append({k})",),
    (_L, "stack.pop"): ("{r}.removeLast()",),
    (_L, "queue.push"): ("{r}.append({k})",),
    (_L, "queue.pop"): ("{r}.removeFirst()",),
    ("str", "str.concat"): ('{r} += "x"', '{r} = {r} + "ab"'),
    ("str", "str.find"): ('{acc} += {r}.contains("a") ? 1 : 0',),
    ("str", "str.split"): ('{acc} += {r}.split(separator: ",").count',),
    ("str", "str.replace"): ('{acc} += {r}.replacingOccurrences(of: "a", with: "b").count',),
    ("str", "slice"): ("{acc} += {r}.dropFirst().count",),
    ("map", "map.get"): ("{acc} += {r}[{k}, default: 0]",),
    ("map", "map.put"): ("{r}[{k}] = {acc}",),
    ("map", "map.has"): ("{acc} += {r}.keys.contains({k}) ? 1 : 0",),
    ("map", "map.del"): ("{r}.removeValue(forKey: {k})",),
    ("set", "set.add"): ("{r}.insert({k})",),
    ("set", "set.has"): ("{acc} += {r}.contains({k}) ? 1 : 0",),
    ("set", "set.del"): ("{r}.remove({k})",),
    ("queue", "queue.push"): ("{r}.append({k})",),
    ("queue", "queue.pop"): ("{r}.popFirst()", "{acc} += {r}.popFirst() ?? 0"),
    ("deque", "deque.push"): ("{r}.append({k})",),
    ("deque", "deque.pushfront"): ("{r}.prepend({k})",),
    ("deque", "deque.pop"): ("{r}.popLast()",),
    ("deque", "deque.popfront"): ("{r}.popFirst()",),
    ("heap", "heap.push"): ("{r}.insert({k})",),
    ("heap", "heap.pop"): ("{r}.popMin()", "{acc} += {r}.popMin() ?? 0"),
    ("heap", "heap.top"): ("{acc} += {r}.min() ?? 0",),
}
_CONDS: dict[tuple[str, str], tuple[str, ...]] = {
    (_L, "list.pop"): ("{r}.removeLast() > {acc}",),
    (_L, "list.popfront"): ("{r}.removeFirst() == {k}",),
    (_L, "list.has"): ("{r}.contains({k})", "!{r}.contains({k})"),
    (_L, "list.find"): ("{r}.firstIndex(of: {k}) != nil",),
    (_L, "reduce"): ("{r}.reduce(0, +) > {acc}", "({r}.max() ?? 0) > {k}"),
    (_L, "stack.pop"): ("{r}.removeLast() > {acc}",),
    (_L, "queue.pop"): ("{r}.removeFirst() > {acc}",),
    ("str", "str.find"): ('{r}.contains("a")', '{r}.hasPrefix("ab")'),
    ("map", "map.get"): ("{r}[{k}, default: 0] > {acc}",),
    ("map", "map.has"): ("{r}.keys.contains({k})",),
    ("set", "set.has"): ("{r}.contains({k})", "!{r}.contains({k})"),
    ("queue", "queue.pop"): ("({r}.popFirst() ?? 0) > {acc}",),
    ("deque", "deque.pop"): ("({r}.popLast() ?? 0) > {acc}",),
    ("deque", "deque.popfront"): ("({r}.popFirst() ?? 0) == {k}",),
    ("heap", "heap.pop"): ("({r}.popMin() ?? 0) > {acc}",),
    ("heap", "heap.top"): ("({r}.min() ?? 0) > {acc}",),
}
_TYPES = {"seq": "[Int]", "grid": "[[Int]]", "str": "String", "map": "[Int: Int]", "set": "Set<Int>",
          "num": "Int", "bool": "Bool", "node": "TreeNode?", "fn": "(Int) -> Int", "any": "Any"}
_KEYWORDS = frozenset("""associatedtype class deinit enum extension fileprivate func import init inout internal let open operator
private protocol public rethrows static struct subscript typealias var break case continue default defer
do else fallthrough for guard if in repeat return switch where while as Any catch false is nil super
self Self throw throws true try Int String Bool Set Array Dictionary Deque Heap TreeNode Solution stride
print max min abs""".split())  # noqa: SIM905


class SwiftRenderer(BraceRenderer):
    name = "swift"
    CAPABILITIES = replace(
        FULL.without(ops=("bsearch",), constructors=("tree", "strbuf", "linked"), params=("any",)),
        memo=False, result_ops={},
        excluded_kind_ops=frozenset({("seq", "copy"), ("list", "copy"), ("map", "copy"), ("set", "copy")}),
        constructors={**{kind: frozenset() for kind in ("map", "set", "stack", "queue", "heap", "deque")},
                      "list": frozenset({"num"})},
    )
    RESERVED = _KEYWORDS
    case = staticmethod(camel)
    VOID_FUNCTIONS = True
    OPTIONAL_RETURN = True  # and ends with fatalError() instead (NO_ANSWER)
    SEMI = ""
    PAREN_CONDITIONS = False
    OPS = _OPS
    CONDS = _CONDS
    CONSTRUCT = {
        "map": ("var {name} = [Int: Int]()", "var {name}: [Int: Int] = [:]"),
        "set": ("var {name} = Set<Int>()",),
        "list": ("var {name} = [Int]()", "var {name}: [Int] = []"),
        "stack": ("var {name} = [Int]()",), "queue": ("var {name} = Deque<Int>()",),
        "deque": ("var {name} = Deque<Int>()",), "heap": ("var {name} = Heap<Int>()",),
    }
    CONSTRUCT_FROM = {
        ("list", "num"): ("var {name} = Array(repeating: 0, count: {src})",),
        ("stack", "num"): ("var {name} = Array(repeating: 0, count: {src})",),
    }
    FLAG = "var {flag} = true"
    SIZE = {"*": "{r}.count"}
    NONEMPTY = {"*": ("!{r}.isEmpty",)}
    # (not empty: an empty collection passed to a call is a construction, as ``dfs(0, [])`` is)
    ARGUMENTS = {"num": "0", "bool": "false", "seq": "[0]", "grid": "[[0]]", "str": '""', "map": "[0: 0]", "set": "[0]",
                 "node": "nil", "fn": "{ $0 }", "any": "0"}
    ARGUMENT = None
    INDEX_KINDS = frozenset({"seq", "list", "row", "grid", "stack"})
    INDEX_FORMS = ("each", "index", "enumerate")
    INDEX_LOOP = ("for {i} in 0..<{r}.count", "for {i} in {r}.indices")
    ENUMERATE_LOOP = ("for ({i}, {x}) in {r}.enumerated()",)
    EACH_LOOP = {"map": ("for ({x}, _) in {r}", "for {x} in {r}.keys"), "*": ("for {x} in {r}",)}
    RANGE_LOOP = ("for {v} in 0..<{n}", "for {v} in stride(from: {n} - 1, through: 0, by: -1)")
    CONST_LOOP = ("for {v} in 0..<4", "for {v} in 0..<26")
    SEARCH = ("var {lo} = 0", "var {hi} = {size}")
    MID = "let {mid} = {middle}"
    HALVING_FOR = None
    HALVING_INIT = "var {mid} = {size}"
    TYPES = _TYPES
    PARAM = "_ {name}: {type}"
    SIGNATURE = "func {name}({params}){returns}"
    RETURNS = (" -> Int", "")
    ACC = "var {acc} = 0"
    RETURN = ("return {acc}",)
    NO_ANSWER = 'fatalError("no answer")'
    CLASS_OPEN, CLASS_CLOSE = ("class Solution {",), ("}",)
    TREE_NODE = ("class TreeNode {", "    var val = 0", "    var left: TreeNode?", "    var right: TreeNode?", "}")


RENDERER = SwiftRenderer()
