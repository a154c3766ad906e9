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
        memo=False, result_ops={"slice": FULL.result_ops["slice"], "copy": FULL.result_ops["copy"]},
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

    def local_kind(self, kind: str, ops: set[str]) -> str:
        return "queue_array" if kind == "queue" and not ops <= {"queue.push", "queue.pop"} else kind

    def declare_flag(self, flag: str) -> str:
        return f"let {flag} = true;"

    def fill_extra(self, r: Program) -> dict[str, str]:
        return {"decl": r.style["let"]}

    # ---- expressions -------------------------------------------------------------------------------
    def size(self, r: Program, binding) -> str:
        kind = binding.kind
        if kind == "num":
            return binding.expr
        if kind in ("map", "set", "tree"):
            return f"{binding.expr}.size"
        if kind in ("deque", "heap", "queue"):
            return f"{binding.expr}.size()"
        return f"{binding.expr}.length"

    def nonempty(self, r: Program, binding) -> str:
        if binding.kind in ("deque", "heap", "queue"):
            return f"!{binding.expr}.isEmpty()"
        return r.pick((self.size(r, binding), f"{self.size(r, binding)} > 0"))

    def index(self, r: Program, binding, i: str) -> str:
        return f"{binding.expr}[{i}]"

    def argument(self, r: Program, kind: str, env) -> str:
        return {"num": "0", "bool": "false"}.get(kind, "null")

    def call(self, r: Program, caller: FunctionInfo, callee: FunctionInfo, args: list[str]) -> str:
        return f"{callee.name}({', '.join(args)})"

    # ---- loops -------------------------------------------------------------------------------------
    def loop_forms(self, kind: str) -> tuple[str, ...]:
        if kind in ("seq", "list", "row", "grid", "str", "stack", "queue_array"):
            return ("each", "index")
        return ("each",)

    def for_each(self, r: Program, form: str, binding, index, element, body: list[str]) -> list[str]:
        expr = binding.expr
        if form == "index":
            return self.braces(f"for (let {index} = 0; {index} < {self.size(r, binding)}; {index}++)", body)
        if binding.kind in ("map", "tree"):
            return self.braces(r.pick((f"for (const {element} of {expr}.keys())",
                                       f"for (const [{element}, {element}Count] of {expr})")), body)
        return self.braces(f"for (const {element} of {expr})", body)

    def for_range(self, r: Program, var: str, n: str, body: list[str]) -> list[str]:
        head = r.pick((f"for (let {var} = 0; {var} < {n}; {var}++)", f"for (let {var} = {n} - 1; {var} >= 0; {var}--)"))
        return self.braces(head, body)

    def for_const(self, r: Program, var: str, body: list[str]) -> list[str]:
        return self.braces(r.pick((f"for (let {var} = 0; {var} < 4; {var}++)",
                                   f"for (const {var} of [[0, 1], [1, 0], [0, -1], [-1, 0]])")), body)

    def halving(self, r: Program, binding, lo: str, hi: str, mid: str, body: list[str]) -> list[str]:
        size = self.size(r, binding)
        if r.rng.random() < 0.5:
            middle = f"({lo} + {hi}) >> 1" if r.style["mid"] == "shift" else f"Math.floor(({lo} + {hi}) / 2)"
            return [f"let {lo} = 0;", f"let {hi} = {size};"] + self.braces(
                f"while ({lo} < {hi})", [f"const {mid} = {middle};", f"{lo} = {mid} + 1;"] + body)
        step = r.pick((f"{mid} >>= 1", f"{mid} = Math.floor({mid} / 2)"))
        return self.braces(f"for (let {mid} = {size}; {mid} > 0; {step})", body)

    # ---- functions and the program -----------------------------------------------------------------
    def function(self, r: Program, fn: FunctionInfo, body: list[str], needs_return: bool) -> list[str]:
        doc = ["/**"] + [f" * @param {{{_JSDOC[kind]}}} {name}" for name, kind in fn.params]
        doc += [" * @return {number}", " */"]
        params = ", ".join(name for name, _ in fn.params)
        tail = [f"return {fn.acc};"] if needs_return else []
        inner = [f"let {fn.acc} = 0;"] + body + tail
        if r.style["functions"] == "arrow":
            lines = self.braces(f"const {fn.name} = ({params}) =>", inner)
            lines[-1] = "};"
            return doc + lines
        return doc + self.braces(f"function {fn.name}({params})", inner)

    def program(self, r: Program, functions: list[list[str]]) -> str:
        return self.program_text([], functions, [])


RENDERER = JavaScriptRenderer()
