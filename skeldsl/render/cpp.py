"""C++ templates: a ``class Solution`` over the STL (``vector``, ``unordered_map``, ``unordered_set``,
``stack``, ``queue``, ``deque``, ``priority_queue``, ``map``, ``list``) with ``<algorithm>`` calls.

Stacks are ``vector<int>`` and queues ``deque<int>`` (``stack``/``queue`` adaptors cannot be iterated
or copied); a ``priority_queue`` is never iterated.  Parameters are taken by value (``{}`` and ``nullptr`` can be passed at call sites); ``any`` is a C++20
``auto`` parameter.  Style choices: range-``for`` or counting loops (up or down), binary-search or halving loops, ``++i`` or ``i++``, ``else if`` chains.
``m[k] = v`` is not used for puts: the C++ extractor drops a loop that only stores into a container
built just before (``drop_fill_loops``, meant for ``dp[i] = -1``), also for maps.
Not expressible (outside ``CAPABILITIES``): ``@memo``, ``list.popfront`` (``erase(begin())`` is a
delete), ``list.extend`` (``insert`` of a range is an insert), ``heap.top`` (``top()`` is O(1) reading),
``str.split`` (no library call), ``reduce`` (``accumulate(b, e, 0)`` has several arguments, which the
normaliser reads as ``max(a, b)`` on scalars), slices of vectors (``vector<int>(b + 1, e)`` is not read as
a slice), string builders (``<<`` is not mapped), locals built by sorting or copying.
"""

from __future__ import annotations

from dataclasses import replace

from skeldsl.render._braces import PUSH_BACK_OPS, BraceRenderer
from skeldsl.render.capabilities import FULL
from skeldsl.render.core import Program, camel

_L = "list"
_ALL = "{r}.begin(), {r}.end()"
_OPS: dict[tuple[str, str], tuple[str, ...]] = {
    (_L, "list.append"): ("{r}.push_back({k});", "{r}.emplace_back({k});"),
    (_L, "list.pop"): ("{r}.pop_back();",),
    (_L, "list.insert"): ("{r}.insert({r}.begin(), {k});",),
    (_L, "list.has"): (f"{{acc}} += find({_ALL}, {{k}}) != {{r}}.end();",),
    (_L, "list.find"): (f"{{acc}} += find_if({_ALL}, [&](int y) {{{{ return y == {{k}}; }}}}) - {{r}}.begin();",),
    (_L, "list.del"): ("{r}.erase({r}.begin());",),
    (_L, "sort"): (f"sort({_ALL});", f"sort({_ALL}, greater<int>());"),
    (_L, "bsearch"): (f"{{acc}} += lower_bound({_ALL}, {{k}}) - {{r}}.begin();",
                      f"{{acc}} += upper_bound({_ALL}, {{k}}) - {{r}}.begin();"),
    (_L, "copy"): ("{acc} += vector<int>({r}).size();",),
    (_L, "slice"): ("{acc} += vector<int>({r}.begin() + 1, {r}.end()).size();",),
    (_L, "reverse"): (f"reverse({_ALL});",),
    (_L, "stack.push"): ("{r}.push_back({k});",),
    (_L, "stack.pop"): ("{r}.pop_back();",),
    ("str", "str.concat"): ('{r} += "x";', '{r} = {r} + "ab";'),
    ("str", "str.find"): ('{acc} += {r}.find("a");',),
    ("str", "str.replace"): ('{r}.replace(0, 1, "b");',),
    ("str", "slice"): ("{acc} += {r}.substr(1).size();",),
    ("map", "map.get"): ("{acc} += {r}[{k}];", "{acc} += {r}.at({k});"),
    ("map", "map.put"): ("{r}.insert_or_assign({k}, {acc});", "{r}.insert({{{k}, {acc}}});"),
    ("map", "map.has"): ("{acc} += {r}.count({k});",),
    ("map", "map.del"): ("{r}.erase({k});",),
    ("map", "copy"): ("{acc} += unordered_map<int, int>({r}).size();",),
    ("set", "set.add"): ("{r}.insert({k});",),
    ("set", "set.has"): ("{acc} += {r}.count({k});",),
    ("set", "set.del"): ("{r}.erase({k});",),
    ("set", "copy"): ("{acc} += unordered_set<int>({r}).size();",),
    ("stack", "stack.push"): ("{r}.push_back({k});", "{r}.emplace_back({k});"),
    ("stack", "stack.pop"): ("{r}.pop_back();",),
    **PUSH_BACK_OPS,
    ("tree", "tree.put"): ("{r}.insert({{{k}, {acc}}});", "{r}.emplace({k}, {acc});"),
    ("tree", "tree.get"): ("{acc} += {r}[{k}];",),
    ("tree", "tree.has"): ("{acc} += {r}.count({k});",),
    ("tree", "tree.del"): ("{r}.erase({k});",),
    ("tree", "tree.near"): ("{acc} += {r}.lower_bound({k}) != {r}.end();",),
    ("linked", "linked.push"): ("{r}.push_back({k});", "{r}.push_front({k});"),
    ("linked", "linked.pop"): ("{r}.pop_front();", "{r}.pop_back();"),
}
_POPPED = "({r}.{m}(), {acc} > 0)"
_CONDS: dict[tuple[str, str], tuple[str, ...]] = {
    (_L, "list.pop"): (_POPPED.replace("{m}", "pop_back"),),
    (_L, "list.has"): (f"find({_ALL}, {{k}}) != {{r}}.end()",),
    (_L, "list.find"): (f"find_if({_ALL}, [&](int y) {{{{ return y > {{k}}; }}}}) != {{r}}.end()",),
    (_L, "bsearch"): (f"binary_search({_ALL}, {{k}})", f"lower_bound({_ALL}, {{k}}) != {{r}}.end()"),
    (_L, "reduce"): (f"accumulate({_ALL}, 0) > {{acc}}", f"*max_element({_ALL}) > {{k}}"),
    (_L, "stack.pop"): (_POPPED.replace("{m}", "pop_back"),),
    ("str", "str.find"): ('{r}.find("a") != string::npos',),
    ("map", "map.get"): ("{r}[{k}] > {acc}",),
    ("map", "map.has"): ("{r}.count({k})", "{r}.find({k}) != {r}.end()"),
    ("set", "set.has"): ("{r}.count({k})", "!{r}.count({k})"),
    ("stack", "stack.pop"): (_POPPED.replace("{m}", "pop_back"),),
    ("queue", "queue.pop"): (_POPPED.replace("{m}", "pop_front"),),
    ("deque", "deque.pop"): (_POPPED.replace("{m}", "pop_back"),),
    ("deque", "deque.popfront"): (_POPPED.replace("{m}", "pop_front"),),
    ("heap", "heap.pop"): (_POPPED.replace("{m}", "pop"),),
    ("tree", "tree.get"): ("{r}[{k}] > {acc}",),
    ("tree", "tree.has"): ("{r}.count({k})",),
    ("tree", "tree.near"): ("{r}.lower_bound({k}) != {r}.end()", "{r}.upper_bound({k}) == {r}.end()"),
    ("linked", "linked.pop"): (_POPPED.replace("{m}", "pop_front"),),
}
_TYPES = {"seq": "vector<int>", "grid": "vector<vector<int>>", "str": "string", "map": "unordered_map<int, int>",
          "set": "unordered_set<int>", "num": "int", "bool": "bool", "node": "TreeNode*",
          "fn": "function<int(int)>", "any": "auto"}
_KEYWORDS = frozenset("""alignas alignof and and_eq asm auto bitand bitor bool break case catch char class compl const constexpr
const_cast continue decltype default delete do double dynamic_cast else enum explicit export extern
false float for friend goto if inline int long mutable namespace new noexcept not not_eq nullptr
operator or or_eq private protected public register reinterpret_cast return short signed sizeof static
static_assert static_cast struct switch template this thread_local throw true try typedef typeid
typename union unsigned using virtual void volatile wchar_t while xor xor_eq std vector string map set
list stack queue deque find sort count copy reverse swap min max abs begin end size data greater less
function accumulate lower_bound upper_bound binary_search find_if TreeNode Solution tree pair array next
prev hash move fill iota search partition merge transform unique rotate remove replace generate equal
includes minmax clamp gcd lcm distance advance""".split())  # noqa: SIM905


class CppRenderer(BraceRenderer):
    name = "cpp"
    CAPABILITIES = replace(
        FULL.without(ops=("list.popfront", "list.extend", "heap.top", "str.split", "reduce"),
                     constructors=("strbuf",)),
        memo=False, result_ops={}, not_iterable=frozenset({"heap"}), excluded_kind_ops=frozenset({("seq", "slice"), ("list", "slice")}),
    )
    RESERVED = _KEYWORDS
    BRACE_STYLES = ("same", "same", "next")
    VOID_FUNCTIONS = True
    OPTIONAL_RETURN = True  # falling off the end of an int function compiles (a warning)
    case = staticmethod(camel)
    STYLES = {"keys": ("var", "var", "lit"),
              "inc": ("++{v}", "{v}++")}
    OPS = _OPS
    CONDS = _CONDS
    CONSTRUCT = {
        "map": ("unordered_map<int, int> {name};",), "set": ("unordered_set<int> {name};",),
        "list": ("vector<int> {name};",), "stack": ("vector<int> {name};",), "queue": ("deque<int> {name};",),
        "deque": ("deque<int> {name};",), "heap": ("priority_queue<int> {name};",
                                                    "priority_queue<int, vector<int>, greater<int>> {name};"),
        "tree": ("map<int, int> {name};",), "linked": ("list<int> {name};",),
    }
    CONSTRUCT_FROM = {
        ("list", "list"): ("vector<int> {name}({src});", "vector<int> {name}({src}.begin(), {src}.end());"),
        ("list", "num"): ("vector<int> {name}({src});", "vector<int> {name}({src}, 0);"),
        ("set", "list"): ("unordered_set<int> {name}({src}.begin(), {src}.end());",),
        ("deque", "list"): ("deque<int> {name}({src}.begin(), {src}.end());",),
        ("stack", "list"): ("vector<int> {name}({src});",),
        ("stack", "num"): ("vector<int> {name}({src});",),
        ("queue", "list"): ("deque<int> {name}({src}.begin(), {src}.end());",),
    }
    SIZE = {"*": "(int) {r}.size()"}
    NONEMPTY = {"*": ("!{r}.empty()",)}
    ARGUMENTS = {"num": "0", "bool": "false", "node": "nullptr", "fn": "nullptr", "str": '""', "any": "nullptr"}
    ARGUMENT = "{0}"  # (not {}: an empty collection passed to a call is a construction, as dfs(0, {}) is)
    INDEX_LOOP = ("for (int {i} = 0; {i} < {size}; {step})",)
    EACH_LOOP = {**dict.fromkeys(("grid", "map", "tree"), ("for (auto& {x} : {r})",)), "str": ("for (char {x} : {r})",),
                 "*": ("for (int {x} : {r})",)}
    RANGE_LOOP = ("for (int {v} = 0; {v} < {n}; {step})", "for (int {v} = {n} - 1; {v} >= 0; {v}--)")
    CONST_LOOP = ("for (int {v} = 0; {v} < 4; {step})", "for (int {v} = 0; {v} < 26; {step})")
    HALVING_STEPS = ("{mid} /= 2", "{mid} >>= 1")
    TYPES = _TYPES
    PREAMBLE = ("#include <bits/stdc++.h>", "using namespace std;")
    CLASS_OPEN, CLASS_CLOSE = ("class Solution {", "public:"), ("};",)
    TREE_NODE = ("struct TreeNode {", "    int val;", "    TreeNode* left;", "    TreeNode* right;", "};")

    def increment(self, r: Program, var: str) -> str:
        return r.style["inc"].format(v=var)


RENDERER = CppRenderer()
