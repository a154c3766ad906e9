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

from skeldsl.render._braces import PUSH_BACK_OPS, BraceRenderer
from skeldsl.render.capabilities import FULL
from skeldsl.render.core import FunctionInfo, Program, ends_in_bare_exit_if, snake

_L = "list"
_OPS: dict[tuple[str, str], tuple[str, ...]] = {
    (_L, "list.append"): ("{r}.push({k});",),
    (_L, "list.pop"): ("{r}.pop();",),
    (_L, "list.insert"): ("{r}.insert(0, {k});",),
    (_L, "list.has"): ("{acc} += {r}.contains(&{k}) as i32;",),
    (_L, "list.del"): ("{r}.remove(0);",),
    (_L, "list.extend"): ("{r}.extend(vec![{k}, {acc}]);",),
    (_L, "sort"): ("{r}.sort();", "{r}.sort_unstable();"),
    (_L, "bsearch"): ("{r}.binary_search(&{k});",),
    (_L, "copy"): ("{r}.clone();", "{acc} += {r}.to_vec().len() as i32;"),
    (_L, "slice"): ("{acc} += {r}[1..].len() as i32;",),
    (_L, "reverse"): ("{r}.reverse();",),
    (_L, "stack.push"): ("{r}.push({k});",),
    (_L, "stack.pop"): ("{r}.pop();",),
    ("str", "str.concat"): ('{r} += "x";',),
    ("str", "str.find"): ("{r}.find('a');",),
    ("str", "str.split"): ("{r}.split(',');",),
    ("str", "str.replace"): ('{r}.replace("a", "b");',),
    ("str", "slice"): ("{acc} += {r}[1..].len() as i32;",),
    ("map", "map.get"): ("{acc} += {r}.get(&{k}).unwrap_or(&0);",),
    ("map", "map.put"): ("{r}.insert({k}, {acc});",),
    ("map", "map.has"): ("{acc} += {r}.contains_key(&{k}) as i32;",),
    ("map", "map.del"): ("{r}.remove(&{k});",),
    ("map", "copy"): ("{r}.clone();",),
    ("set", "set.add"): ("{r}.insert({k});",),
    ("set", "set.has"): ("{acc} += {r}.contains(&{k}) as i32;",),
    ("set", "set.del"): ("{r}.remove(&{k});",),
    ("set", "copy"): ("{r}.clone();",),
    **PUSH_BACK_OPS,
    ("tree", "tree.put"): ("{r}.insert({k}, {acc});",),
    ("tree", "tree.get"): ("{acc} += {r}.get(&{k}).unwrap_or(&0);",),
    ("tree", "tree.has"): ("{acc} += {r}.contains_key(&{k}) as i32;",),
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
    OPTIONAL_RETURN = True  # and ends with unreachable!() instead (see ``function_tail``)
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
    FLAG = "let mut {flag} = true;"
    SIZE = {"*": "{r}.len()"}
    NONEMPTY = {"*": ("!{r}.is_empty()",)}
    # (not empty: an empty collection passed to a call is a construction, as ``dfs(0, vec![])`` is)
    ARGUMENTS = {"num": "0", "bool": "false", "seq": "vec![0]", "grid": "vec![vec![0]]", "str": "String::new()",
                 "map": "HashMap::from([(0, 0)])", "set": "HashSet::from([0])", "node": "None", "fn": "|x| x"}
    ARGUMENT = None
    INDEX_KINDS = frozenset({"seq", "list", "row", "grid", "stack", "queue", "deque"})  # Vec and VecDeque index
    INDEX_LOOP = ("for {i} in 0..{r}.len()",)
    EACH_LOOP = {"str": ("for {x} in {r}.chars()",),
                 **dict.fromkeys(("map", "tree"), ("for {x} in {r}.keys()", "for ({x}, _) in {r}.iter()")),
                 "iter": ("for {x} in {r}.iter()",), "ref": ("for {x} in &{r}",)}  # the rest: per STYLES["iter"]
    RANGE_LOOP = ("for {v} in 0..{n}", "for {v} in (0..{n}).rev()")
    CONST_LOOP = ("for {v} in 0..4", "for {v} in 0..26")
    SEARCH = ("let mut {lo} = 0;", "let mut {hi} = {size};")
    MID = "let {mid} = {middle};"
    HALVING_FOR = None
    HALVING_INIT = "let mut {mid} = {size};"
    TYPES = _TYPES
    SIGNATURE = "fn {name}({params}){returns}"
    RETURNS = (" -> i32", "")
    ACC = "let mut {acc}: i32 = 0;"
    RETURN = ("return {acc};", "{acc}")
    PREAMBLE = ("use std::collections::*;",)
    TREE_NODE = ("pub struct TreeNode {", "    pub val: i32,", "    pub left: Option<Rc<RefCell<TreeNode>>>,",
                 "    pub right: Option<Rc<RefCell<TreeNode>>>,", "}")

    def key(self, r: Program, env, fn: FunctionInfo) -> str:
        return fn.acc if r.style["keys"] == "acc" else "1"

    def each_loop(self, r: Program, kind: str) -> tuple[str, ...]:
        return self.EACH_LOOP.get(kind) or self.EACH_LOOP[r.style["iter"]]

    def param(self, name: str, kind: str) -> str:
        return f"{'mut ' if kind not in ('num', 'bool', 'fn', 'node') else ''}{name}: {self.TYPES[kind]}"

    def function_tail(self, r: Program, fn: FunctionInfo, needs_return: bool) -> list[str]:
        if ends_in_bare_exit_if(fn.skel):  # keep the `if` out of tail position, where it would be the return
            return ["unreachable!();"] if fn.returns else [f"let _ = {fn.acc};"]
        return super().function_tail(r, fn, needs_return)

    def preamble(self, r: Program, text: str) -> list[str]:
        tree = ["use std::cell::RefCell;", "use std::rc::Rc;"] if "TreeNode" in text else []
        return [*self.PREAMBLE, *tree]


RENDERER = RustRenderer()
