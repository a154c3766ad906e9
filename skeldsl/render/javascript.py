"""JavaScript templates: arrays, ``Map``, ``Set``, and datastructures-js ``Deque`` /
``MinPriorityQueue`` / ``TreeMap`` (LeetCode's JavaScript runtime provides them); parameter kinds in
JSDoc (``@param {number[]} nums``), which is how LeetCode's JavaScript declares them.

Style choices: ``function`` declarations or ``const f = (..) => {..}``, ``let`` or ``const``,
``for...of`` or counting loops, ``>> 1`` or ``Math.floor(.. / 2)`` midpoints, ``else if`` chains.
Queues are datastructures-js ``Queue`` (an array used with ``push``/``shift`` is a list that the
refinement names a queue, but built empty and filled by a loop it is ``list(xs)``, unlike a deque).  Not expressible (outside ``CAPABILITIES``):
``@memo``, ``bsearch`` (no library binary search), string builders, linked lists, sorted locals.
"""

from __future__ import annotations

from dataclasses import replace

from skeldsl.render._braces import BraceRenderer
from skeldsl.render.capabilities import FULL
from skeldsl.render.core import FunctionInfo, Program, camel

_L = "list"
_OPS: dict[tuple[str, str], tuple[str, ...]] = {
    (_L, "list.append"): ("{r}.push({k});",),
    (_L, "list.pop"): ("{r}.pop();", "{acc} += {r}.pop();"),
    (_L, "list.insert"): ("{r}.unshift({k});",),
    (_L, "list.popfront"): ("{r}.shift();", "{acc} += {r}.shift();"),
    (_L, "list.has"): ("{acc} += {r}.includes({k}) ? 1 : 0;",),
    (_L, "list.find"): ("{acc} += {r}.indexOf({k});", "{acc} += {r}.findIndex((y) => y === {k});"),
    (_L, "list.del"): ("{r}.splice(0, 1);", "{r}.splice({k}, 1);"),
    (_L, "list.extend"): ("{r}.push(...[{k}, {acc}]);",),
    (_L, "sort"): ("{r}.sort((a, b) => a - b);", "{r}.sort();"),
    (_L, "copy"): ("{acc} += [...{r}].length;",),
    (_L, "slice"): ("{acc} += {r}.slice(1).length;",),
    (_L, "reverse"): ("{r}.reverse();",),
    (_L, "stack.push"): ("{r}.push({k});",),
    (_L, "stack.pop"): ("{r}.pop();", "{acc} += {r}.pop();"),
    (_L, "queue.push"): ("{r}.push({k});",),
    (_L, "queue.pop"): ("{r}.shift();", "{acc} += {r}.shift();"),
    ("str", "str.concat"): ('{r} += "x";', '{r} = {r} + "ab";'),
    ("str", "str.find"): ('{acc} += {r}.indexOf("a");',),
    ("str", "str.split"): ('{acc} += {r}.split(",").length;',),
    ("str", "str.replace"): ('{acc} += {r}.replace("a", "b").length;', '{r}.replaceAll("a", "");'),
    ("str", "slice"): ("{acc} += {r}.slice(1).length;", "{acc} += {r}.substring(1).length;"),
    ("map", "map.get"): ("{acc} += {r}.get({k}) ?? 0;", "{acc} += {r}.get({k}) || 0;"),
    ("map", "map.put"): ("{r}.set({k}, {acc});",),
    ("map", "map.has"): ("{acc} += {r}.has({k}) ? 1 : 0;",),
    ("map", "map.del"): ("{r}.delete({k});",),
    ("map", "copy"): ("{acc} += new Map({r}).size;",),
    ("set", "set.add"): ("{r}.add({k});",),
    ("set", "set.has"): ("{acc} += {r}.has({k}) ? 1 : 0;",),
    ("set", "set.del"): ("{r}.delete({k});",),
    ("set", "copy"): ("{acc} += new Set({r}).size;",),
    ("queue", "queue.push"): ("{r}.enqueue({k});", "{r}.push({k});"),
    ("queue", "queue.pop"): ("{r}.dequeue();", "{acc} += {r}.dequeue();"),
    ("deque", "deque.push"): ("{r}.pushBack({k});",),
    ("deque", "deque.pushfront"): ("{r}.pushFront({k});",),
    ("deque", "deque.pop"): ("{r}.popBack();",),
    ("deque", "deque.popfront"): ("{r}.popFront();",),
    ("heap", "heap.push"): ("{r}.enqueue({k});",),
    ("heap", "heap.pop"): ("{r}.dequeue();",),
    ("heap", "heap.top"): ("{acc} += {r}.front();",),
    ("tree", "tree.put"): ("{r}.set({k}, {acc});",),
    ("tree", "tree.get"): ("{acc} += {r}.get({k});",),
    ("tree", "tree.has"): ("{acc} += {r}.has({k}) ? 1 : 0;",),
    ("tree", "tree.del"): ("{r}.delete({k});",),
    ("tree", "tree.near"): ("{acc} += {r}.floor({k});", "{acc} += {r}.ceil({k});"),
}
_CONDS: dict[tuple[str, str], tuple[str, ...]] = {
    (_L, "list.pop"): ("{r}.pop() > {acc}",),
    (_L, "list.popfront"): ("{r}.shift() === {k}",),
    (_L, "list.has"): ("{r}.includes({k})", "!{r}.includes({k})"),
    (_L, "list.find"): ("{r}.indexOf({k}) >= 0",),
    (_L, "reduce"): ("{r}.some((y) => y > {acc})", "{r}.every((y) => y < {k})",
                     "{r}.reduce((a, b) => a + b, 0) > {acc}"),
    (_L, "stack.pop"): ("{r}.pop() > {acc}",),
    (_L, "queue.pop"): ("{r}.shift() > {acc}",),
    ("str", "str.find"): ('{r}.indexOf("a") >= 0', '{r}.includes("ab")', '{r}.startsWith("a")'),
    ("map", "map.get"): ("{r}.get({k}) > {acc}",),
    ("map", "map.has"): ("{r}.has({k})", "!{r}.has({k})"),
    ("set", "set.has"): ("{r}.has({k})", "!{r}.has({k})"),
    ("queue", "queue.pop"): ("{r}.dequeue() > {acc}",),
    ("deque", "deque.pop"): ("{r}.popBack() > {acc}",),
    ("deque", "deque.popfront"): ("{r}.popFront() === {k}",),
    ("heap", "heap.pop"): ("{r}.dequeue() > {acc}",),
    ("heap", "heap.top"): ("{r}.front() > {acc}",),
    ("tree", "tree.get"): ("{r}.get({k}) > {acc}",),
    ("tree", "tree.has"): ("{r}.has({k})",),
    ("tree", "tree.near"): ("{r}.floor({k}) !== undefined",),
}
_JSDOC = {"seq": "number[]", "grid": "number[][]", "str": "string", "map": "Map<number, number>",
          "set": "Set<number>", "num": "number", "bool": "boolean", "node": "TreeNode", "fn": "function",
          "any": "*"}
_KEYWORDS = frozenset("""break case catch class const continue debugger default delete do else export extends finally for
function if import in instanceof new return super switch this throw try typeof var void while with yield
let static enum await implements package protected interface private public null true false undefined
NaN Infinity Map Set Array Math Object Queue MaxPriorityQueue String Number Boolean Deque
MinPriorityQueue TreeMap TreeNode console arguments eval of get set async""".split())  # noqa: SIM905


class JavaScriptRenderer(BraceRenderer):
    name = "javascript"
    CAPABILITIES = replace(
        FULL.without(ops=("bsearch",), constructors=("strbuf", "linked")),
        memo=False, result_ops={"slice": FULL.result_ops["slice"]},
    )
    RESERVED = _KEYWORDS
    case = staticmethod(camel)
    STYLES = {"functions": ("declaration", "arrow"), "let": ("let", "const"), "keys": ("var", "var", "lit"),
              "mid": ("shift", "floor")}
    OPS = _OPS
    CONDS = _CONDS
    OPTIONAL_RETURN = True
    FAMILY = {"seq": "list", "row": "list", "list": "list", "stack": "list", "queue_array": "list"}
    AND = (" && ",)
    OR = (" || ",)
    CONSTRUCT = {
        "map": ("{decl} {name} = new Map();",), "set": ("{decl} {name} = new Set();",),
        "list": ("{decl} {name} = [];",), "stack": ("{decl} {name} = [];",), "queue": ("{decl} {name} = new Queue();",),
        "queue_array": ("{decl} {name} = [];",),
        "deque": ("{decl} {name} = new Deque();",),
        "heap": ("{decl} {name} = new MinPriorityQueue();", "{decl} {name} = new MaxPriorityQueue();"),
        "tree": ("{decl} {name} = new TreeMap();",),
    }
    CONSTRUCT_FROM = {
        ("list", "list"): ("{decl} {name} = Array.from({src});",),
        ("list", "num"): ("{decl} {name} = new Array({src}).fill(0);",),
        ("set", "list"): ("{decl} {name} = new Set({src});",),
        ("deque", "list"): ("{decl} {name} = new Deque({src});",),
        ("stack", "list"): ("{decl} {name} = Array.from({src});",),
        ("stack", "num"): ("{decl} {name} = new Array({src}).fill(0);",),
        ("queue", "list"): ("{decl} {name} = new Queue({src});",),
        ("queue_array", "list"): ("{decl} {name} = Array.from({src});",),
    }
    RESULT = {
        ("list", "slice"): ("{decl} {name} = {src}.slice(1);",),
        ("str", "slice"): ("{decl} {name} = {src}.slice(1);", "{decl} {name} = {src}.substring(1);"),
        ("list", "copy"): ("{decl} {name} = [...{src}];",),
    }

    FLAG = "let {flag} = true;"
    SIZE = {**dict.fromkeys(("map", "set", "tree"), "{r}.size"),
            **dict.fromkeys(("deque", "heap", "queue"), "{r}.size()"), "*": "{r}.length"}
    NONEMPTY = {**dict.fromkeys(("deque", "heap", "queue"), ("!{r}.isEmpty()",)), "*": ("{size}", "{size} > 0")}
    INDEX_KINDS = frozenset({"seq", "list", "row", "grid", "str", "stack", "queue_array"})
    INDEX_LOOP = ("for (let {i} = 0; {i} < {size}; {i}++)",)
    EACH_LOOP = {**dict.fromkeys(("map", "tree"), ("for (const {x} of {r}.keys())", "for (const [{x}, {x}Count] of {r})")),
                 "*": ("for (const {x} of {r})",)}
    RANGE_LOOP = ("for (let {v} = 0; {v} < {n}; {v}++)", "for (let {v} = {n} - 1; {v} >= 0; {v}--)")
    CONST_LOOP = ("for (let {v} = 0; {v} < 4; {v}++)", "for (const {v} of [[0, 1], [1, 0], [0, -1], [-1, 0]])")
    SEARCH = ("let {lo} = 0;", "let {hi} = {size};")
    MID = "const {mid} = {middle};"
    HALVING_FOR = "for (let {mid} = {size}; {mid} > 0; {step})"
    HALVING_STEPS = ("{mid} >>= 1", "{mid} = Math.floor({mid} / 2)")
    TYPES = _JSDOC
    PARAM = "{name}"  # kinds in JSDoc
    RETURNS = ("", "")  # ``{returns}``: TypeScript's annotation
    ACC = "let {acc} = 0;"

    def local_kind(self, kind: str, ops: set[str]) -> str:
        return "queue_array" if kind == "queue" and not ops <= {"queue.push", "queue.pop"} else kind

    def fill_extra(self, r: Program) -> dict[str, str]:
        return {"decl": r.style["let"]}

    def midpoint(self, r: Program, lo: str, hi: str) -> str:
        return f"({lo} + {hi}) >> 1" if r.style["mid"] == "shift" else f"Math.floor(({lo} + {hi}) / 2)"

    def doc(self, fn: FunctionInfo) -> list[str]:
        return ["/**"] + [f" * @param {{{_JSDOC[kind]}}} {name}" for name, kind in fn.params] \
            + [" * @return {number}", " */"]

    def signature(self, r: Program, fn: FunctionInfo) -> str:
        params = ", ".join(self.param(name, kind) for name, kind in fn.params)
        returns = self.RETURNS[0] if fn.returns else self.RETURNS[1]
        if r.style["functions"] == "arrow":
            return f"const {fn.name} = ({params}){returns} =>"
        return f"function {fn.name}({params}){returns}"

    def function(self, r: Program, fn: FunctionInfo, body: list[str], needs_return: bool) -> list[str]:
        lines = super().function(r, fn, body, needs_return)
        if r.style["functions"] == "arrow":
            lines[-1] = "};"
        return self.doc(fn) + lines


RENDERER = JavaScriptRenderer()
