"""Rust templates: free functions over ``Vec``, ``HashMap``, ``HashSet``, ``VecDeque``, ``BinaryHeap``,
``BTreeMap`` (``use std::collections::*``); trees as ``Option<Rc<RefCell<TreeNode>>>``.

Collections are taken by value and ``mut``; keys are the ``i32`` accumulator or literals (indices are
``usize``).  A loop over a collection that its body changes counts indices (``for i in 0..xs.len()``) so
no borrow is held across the body; maps, sets and strings cannot be indexed, so such loops fail the
borrow checker (a snapshot such as ``m.keys().copied().collect()`` reads as a copy or an unknown loop).  Style choices: ``.iter()`` / ``&xs`` / index loops, ``0..n`` or
``(0..n).rev()``, binary-search or halving loops, ``else if`` chains.  Not expressible (outside
``CAPABILITIES``): ``@memo``, ``list.popfront`` (``remove(0)`` reads as a delete), ``list.find``
(``iter().position`` loses its receiver), ``heap.top`` (``peek`` is O(1) reading), ``any`` parameters,
string builders, linked lists, locals built by an operation.
"""

from __future__ import annotations

from dataclasses import replace

from skeldsl.render._braces import BraceRenderer
from skeldsl.render.capabilities import FULL
from skeldsl.render.core import FunctionInfo, Program, ends_in_bare_exit_if, snake

_L = "list"
_OPS: dict[tuple[str, str], tuple[str, ...]] = {
    (_L, "list.append"): ("{r}.push({k});",),
    (_L, "list.pop"): ("{r}.pop();",),
    (_L, "list.insert"): ("{r}.insert(0, {k});",),
    (_L, "list.has"): ("if {r}.contains(&{k}) {{\n    {acc} += 1;\n}}",),
    (_L, "list.del"): ("{r}.remove(0);",),
    (_L, "list.extend"): ("{r}.extend(vec![{k}, {acc}]);",),
    (_L, "sort"): ("{r}.sort();", "{r}.sort_unstable();"),
    (_L, "bsearch"): ("{r}.binary_search(&{k});",),
    (_L, "copy"): ("{r}.clone();", "{acc} += {r}.to_vec().len() as i32;"),
    (_L, "slice"): ("{acc} += {r}[1..].len() as i32;",),
    (_L, "reverse"): ("{r}.reverse();",),
    (_L, "stack.push"): ("{r}.push({k});",),
    (_L, "stack.pop"): ("{r}.pop();",),
    ("str", "str.concat"): ('{r}.push_str("x");', "{r}.push('a');"),
    ("str", "str.find"): ("{r}.find('a');",),
    ("str", "str.split"): ("{r}.split(',');",),
    ("str", "str.replace"): ('{r}.replace("a", "b");',),
    ("str", "slice"): ("{acc} += {r}[1..].len() as i32;",),
    ("map", "map.get"): ("{acc} += {r}.get(&{k}).unwrap_or(&0);",),
    ("map", "map.put"): ("{r}.insert({k}, {acc});",),
    ("map", "map.has"): ("if {r}.contains_key(&{k}) {{\n    {acc} += 1;\n}}",),
    ("map", "map.del"): ("{r}.remove(&{k});",),
    ("map", "copy"): ("{r}.clone();",),
    ("set", "set.add"): ("{r}.insert({k});",),
    ("set", "set.has"): ("if {r}.contains(&{k}) {{\n    {acc} += 1;\n}}",),
    ("set", "set.del"): ("{r}.remove(&{k});",),
    ("set", "copy"): ("{r}.clone();",),
    ("queue", "queue.push"): ("{r}.push_back({k});",),
    ("queue", "queue.pop"): ("{r}.pop_front();",),
    ("deque", "deque.push"): ("{r}.push_back({k});",),
    ("deque", "deque.pushfront"): ("{r}.push_front({k});",),
    ("deque", "deque.pop"): ("{r}.pop_back();",),
    ("deque", "deque.popfront"): ("{r}.pop_front();",),
    ("heap", "heap.push"): ("{r}.push({k});",),
    ("heap", "heap.pop"): ("{r}.pop();",),
    ("tree", "tree.put"): ("{r}.insert({k}, {acc});",),
    ("tree", "tree.get"): ("{acc} += {r}.get(&{k}).unwrap_or(&0);",),
    ("tree", "tree.has"): ("if {r}.contains_key(&{k}) {{\n    {acc} += 1;\n}}",),
    ("tree", "tree.del"): ("{r}.remove(&{k});",),
    ("tree", "tree.near"): ("{r}.range(..={k}).next_back();", "{r}.range({k}..).next();"),
}
_CONDS: dict[tuple[str, str], tuple[str, ...]] = {
    (_L, "list.pop"): ("{r}.pop() == Some({k})",),
    (_L, "list.has"): ("{r}.contains(&{k})", "!{r}.contains(&{k})"),
    (_L, "bsearch"): ("{r}.binary_search(&{k}).is_ok()",),
    (_L, "reduce"): ("{r}.iter().sum::<i32>() > {acc}",),
    (_L, "stack.pop"): ("{r}.pop().is_some()",),
    ("str", "str.find"): ('{r}.contains("a")', '{r}.starts_with("ab")'),
    ("map", "map.get"): ("{r}.get(&{k}).is_some()",),
    ("map", "map.has"): ("{r}.contains_key(&{k})", "!{r}.contains_key(&{k})"),
    ("set", "set.has"): ("{r}.contains(&{k})", "!{r}.contains(&{k})"),
    ("queue", "queue.pop"): ("{r}.pop_front().is_some()",),
    ("deque", "deque.pop"): ("{r}.pop_back().is_some()",),
    ("deque", "deque.popfront"): ("{r}.pop_front() == Some({k})",),
    ("heap", "heap.pop"): ("{r}.pop().is_some()",),
    ("tree", "tree.get"): ("{r}.get(&{k}).is_some()",),
    ("tree", "tree.has"): ("{r}.contains_key(&{k})",),
    ("tree", "tree.near"): ("{r}.range(..={k}).next_back().is_some()",),
}
_TYPES = {"seq": "Vec<i32>", "grid": "Vec<Vec<i32>>", "str": "String", "map": "HashMap<i32, i32>",
          "set": "HashSet<i32>", "num": "i32", "bool": "bool", "node": "Option<Rc<RefCell<TreeNode>>>",
          "fn": "fn(i32) -> i32"}
_ARGUMENTS = {"num": "0", "bool": "false", "seq": "vec![]", "grid": "vec![]", "str": "String::new()",
              "map": "HashMap::new()", "set": "HashSet::new()", "node": "None", "fn": "|x| x"}
_KEYWORDS = frozenset("""as break const continue crate else enum extern false fn for if impl in let loop match mod move mut pub
ref return self Self static struct super trait true type unsafe use where while async await dyn abstract
become box do final macro override priv typeof unsized virtual yield try union Vec HashMap HashSet
VecDeque BinaryHeap BTreeMap String Some None Ok Err Option Rc RefCell TreeNode main std vec i32 usize""".split())  # noqa: SIM905


class RustRenderer(BraceRenderer):
    name = "rust"
    CAPABILITIES = replace(
        FULL.without(ops=("list.popfront", "list.find", "heap.top"), constructors=("strbuf", "linked"),
                     params=("any",)),
        memo=False, result_ops={},
        constructors={**{kind: frozenset() for kind in ("map", "set", "stack", "queue", "heap", "tree", "deque")},
                      "list": frozenset({"seq", "list", "num"})},
    )
    RESERVED = _KEYWORDS
    case = staticmethod(snake)
    VOID_FUNCTIONS = True
    OPTIONAL_RETURN = True  # and ends with unreachable!() instead (see ``function``)
    PAREN_CONDITIONS = False
    INDEX_WHEN_CHANGED = True
    STYLES = {"keys": ("acc", "lit"), "iter": ("iter", "ref")}
    OPS = _OPS
    CONDS = _CONDS
    CONSTRUCT = {
        "map": ("let mut {name}: HashMap<i32, i32> = HashMap::new();",),
        "set": ("let mut {name}: HashSet<i32> = HashSet::new();",),
        "list": ("let mut {name}: Vec<i32> = Vec::new();", "let mut {name}: Vec<i32> = vec![];"),
        "stack": ("let mut {name}: Vec<i32> = Vec::new();",),
        "queue": ("let mut {name}: VecDeque<i32> = VecDeque::new();",),
        "deque": ("let mut {name}: VecDeque<i32> = VecDeque::new();",),
        "heap": ("let mut {name}: BinaryHeap<i32> = BinaryHeap::new();",),
        "tree": ("let mut {name}: BTreeMap<i32, i32> = BTreeMap::new();",),
    }
    CONSTRUCT_FROM = {
        ("list", "list"): ("let mut {name}: Vec<i32> = Vec::from({src}.as_slice());",),
        ("list", "num"): ("let mut {name}: Vec<i32> = vec![0; {src} as usize];",),
        ("stack", "list"): ("let mut {name}: Vec<i32> = Vec::from({src}.as_slice());",),
        ("stack", "num"): ("let mut {name}: Vec<i32> = vec![0; {src} as usize];",),
    }
    RESULT: dict = {}

    def declare_flag(self, flag: str) -> str:
        return f"let mut {flag} = true;"

    def key(self, r: Program, env, fn: FunctionInfo) -> str:
        return fn.acc if r.style["keys"] == "acc" else "1"

    # ---- expressions -------------------------------------------------------------------------------
    def size(self, r: Program, binding) -> str:
        return binding.expr if binding.kind == "num" else f"{binding.expr}.len()"

    def nonempty(self, r: Program, binding) -> str:
        return f"!{binding.expr}.is_empty()"

    def index(self, r: Program, binding, i: str) -> str:
        return f"{binding.expr}[{i}]"

    def argument(self, r: Program, kind: str, env) -> str:
        return _ARGUMENTS[kind]

    def call(self, r: Program, caller: FunctionInfo, callee: FunctionInfo, args: list[str]) -> str:
        return f"{callee.name}({', '.join(args)})"

    # ---- loops -------------------------------------------------------------------------------------
    def loop_forms(self, kind: str) -> tuple[str, ...]:
        if kind in ("seq", "list", "row", "grid", "stack", "queue", "deque"):  # Vec and VecDeque index
            return ("each", "index")
        return ("each",)

    def for_each(self, r: Program, form: str, binding, index, element, body: list[str]) -> list[str]:
        expr, kind = binding.expr, binding.kind
        if form == "index":
            return self.braces(f"for {index} in 0..{expr}.len()", body)
        if kind == "str":
            return self.braces(f"for {element} in {expr}.chars()", body)
        if kind in ("map", "tree"):
            return self.braces(r.pick((f"for {element} in {expr}.keys()", f"for ({element}, _) in {expr}.iter()")), body)
        if r.style["iter"] == "ref":
            return self.braces(f"for {element} in &{expr}", body)
        return self.braces(f"for {element} in {expr}.iter()", body)

    def for_range(self, r: Program, var: str, n: str, body: list[str]) -> list[str]:
        return self.braces(r.pick((f"for {var} in 0..{n}", f"for {var} in (0..{n}).rev()")), body)

    def for_const(self, r: Program, var: str, body: list[str]) -> list[str]:
        return self.braces(r.pick((f"for {var} in 0..4", f"for {var} in 0..26")), body)

    def halving(self, r: Program, binding, lo: str, hi: str, mid: str, body: list[str]) -> list[str]:
        size = self.size(r, binding)
        if r.rng.random() < 0.5:
            return [f"let mut {lo} = 0;", f"let mut {hi} = {size};"] + self.braces(
                f"while {lo} < {hi}", [f"let {mid} = ({lo} + {hi}) / 2;", f"{lo} = {mid} + 1;"] + body)
        return [f"let mut {mid} = {size};"] + self.braces(f"while {mid} > 0", [f"{mid} /= 2;"] + body)

    # ---- functions and the program -----------------------------------------------------------------
    def function(self, r: Program, fn: FunctionInfo, body: list[str], needs_return: bool) -> list[str]:
        params = ", ".join(f"{'mut ' if kind not in ('num', 'bool', 'fn', 'node') else ''}{name}: {_TYPES[kind]}"
                           for name, kind in fn.params)
        tail = [r.pick((f"return {fn.acc};", fn.acc))] if needs_return else []
        if ends_in_bare_exit_if(fn.skel):  # keep the `if` out of tail position, where it would be the return
            tail = ["unreachable!();"] if fn.returns else [f"let _ = {fn.acc};"]
        returns = " -> i32" if fn.returns else ""
        return self.braces(f"fn {fn.name}({params}){returns}", [f"let mut {fn.acc}: i32 = 0;"] + body + tail)

    def program(self, r: Program, functions: list[list[str]]) -> str:
        text = self.program_text([], functions, [])
        header = ["use std::collections::*;"]
        if "TreeNode" in text:
            header += ["use std::cell::RefCell;", "use std::rc::Rc;", "",
                       "pub struct TreeNode {", "    pub val: i32,", "    pub left: Option<Rc<RefCell<TreeNode>>>,",
                       "    pub right: Option<Rc<RefCell<TreeNode>>>,", "}"]
        return "\n".join(header) + "\n\n" + text


RENDERER = RustRenderer()
