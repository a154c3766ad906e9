"""C# templates: Java's structure (``public class Solution``) with ``System.Collections.Generic``:
``List<int>``, ``Dictionary``, ``HashSet``, ``Stack``, ``Queue``, ``LinkedList`` (deque),
``PriorityQueue<int, int>``, ``SortedDictionary``, ``StringBuilder``; LINQ ``Sum``/``Max`` for reductions.

Not expressible (outside ``CAPABILITIES``): ``@memo``, ``list.popfront`` (``RemoveAt(0)`` is a delete),
``tree.near`` (no floor/ceiling on ``SortedDictionary``), linked lists, locals built by an operation.
No C# toolchain here: checked by tree-sitter.
"""

from __future__ import annotations

from dataclasses import replace

from skeldsl.render.capabilities import FULL
from skeldsl.render.core import Program, camel
from skeldsl.render.java import JavaRenderer

_L = "list"
_OPS: dict[tuple[str, str], tuple[str, ...]] = {
    (_L, "list.append"): ("{r}.Add({k});",),
    (_L, "list.pop"): ("{r}.RemoveAt({r}.Count - 1);",),
    (_L, "list.insert"): ("{r}.Insert(0, {k});",),
    (_L, "list.has"): ("{acc} += {r}.Contains({k}) ? 1 : 0;",),
    (_L, "list.find"): ("{acc} += {r}.IndexOf({k});",),
    (_L, "list.del"): ("{r}.Remove({k});", "{r}.RemoveAt(0);"),
    (_L, "list.extend"): ("{r}.AddRange(new[] {{ {k}, {acc} }});",),
    (_L, "sort"): ("{r}.Sort();",),
    (_L, "bsearch"): ("{acc} += {r}.BinarySearch({k});",),
    (_L, "copy"): ("{acc} += {r}.ToList().Count;",),
    (_L, "slice"): ("{acc} += {r}.GetRange(0, {r}.Count / 2).Count;",),
    (_L, "reverse"): ("{r}.Reverse();",),
    (_L, "stack.push"): ("{r}.Add({k});",),
    (_L, "stack.pop"): ("{r}.RemoveAt({r}.Count - 1);",),
    ("str", "str.concat"): ('{r} += "x";', '{r} = {r} + "ab";'),
    ("str", "str.find"): ('{acc} += {r}.IndexOf("a");',),
    ("str", "str.split"): ("{acc} += {r}.Split(',').Length;",),
    ("str", "str.replace"): ('{acc} += {r}.Replace("a", "b").Length;',),
    ("str", "slice"): ("{acc} += {r}.Substring(1).Length;",),
    ("map", "map.get"): ("{acc} += {r}.GetValueOrDefault({k});", "{acc} += {r}[{k}];"),
    ("map", "map.put"): ("{r}[{k}] = {acc};",),
    ("map", "map.has"): ("{acc} += {r}.ContainsKey({k}) ? 1 : 0;",),
    ("map", "map.del"): ("{r}.Remove({k});",),
    ("map", "copy"): ("{acc} += {r}.ToList().Count;",),
    ("set", "set.add"): ("{r}.Add({k});",),
    ("set", "set.has"): ("{acc} += {r}.Contains({k}) ? 1 : 0;",),
    ("set", "set.del"): ("{r}.Remove({k});",),
    ("set", "copy"): ("{acc} += {r}.ToList().Count;",),
    ("stack", "stack.push"): ("{r}.Push({k});",),
    ("stack", "stack.pop"): ("{r}.Pop();", "{acc} += {r}.Pop();"),
    ("queue", "queue.push"): ("{r}.Enqueue({k});",),
    ("queue", "queue.pop"): ("{r}.Dequeue();", "{acc} += {r}.Dequeue();"),
    ("deque", "deque.push"): ("{r}.AddLast({k});",),
    ("deque", "deque.pushfront"): ("{r}.AddFirst({k});",),
    ("deque", "deque.pop"): ("{r}.RemoveLast();",),
    ("deque", "deque.popfront"): ("{r}.RemoveFirst();",),
    ("heap", "heap.push"): ("{r}.Enqueue({k}, {k});",),
    ("heap", "heap.pop"): ("{r}.Dequeue();", "{acc} += {r}.Dequeue();"),
    ("heap", "heap.top"): ("{acc} += {r}.Peek();",),
    ("tree", "tree.put"): ("{r}[{k}] = {acc};",),
    ("tree", "tree.get"): ("{acc} += {r}[{k}];",),
    ("tree", "tree.has"): ("{acc} += {r}.ContainsKey({k}) ? 1 : 0;",),
    ("tree", "tree.del"): ("{r}.Remove({k});",),
    ("strbuf", "strbuf.append"): ("{r}.Append({k});", '{r}.Append("x");'),
}
_CONDS: dict[tuple[str, str], tuple[str, ...]] = {
    (_L, "list.has"): ("{r}.Contains({k})", "!{r}.Contains({k})"),
    (_L, "list.find"): ("{r}.IndexOf({k}) >= 0",),
    (_L, "bsearch"): ("{r}.BinarySearch({k}) >= 0",),
    (_L, "reduce"): ("{r}.Sum() > {acc}", "{r}.Max() > {k}"),
    ("str", "str.find"): ('{r}.IndexOf("a") >= 0', '{r}.Contains("ab")', '{r}.StartsWith("a")'),
    ("map", "map.get"): ("{r}.GetValueOrDefault({k}) > {acc}",),
    ("map", "map.has"): ("{r}.ContainsKey({k})", "!{r}.ContainsKey({k})"),
    ("set", "set.has"): ("{r}.Contains({k})", "!{r}.Contains({k})"),
    ("stack", "stack.pop"): ("{r}.Pop() > {acc}",),
    ("queue", "queue.pop"): ("{r}.Dequeue() > {acc}",),
    ("heap", "heap.pop"): ("{r}.Dequeue() > {acc}",),
    ("heap", "heap.top"): ("{r}.Peek() > {acc}",),
    ("tree", "tree.get"): ("{r}[{k}] > {acc}",),
    ("tree", "tree.has"): ("{r}.ContainsKey({k})",),
}
_TYPES = {"seq": "List<int>", "grid": "int[][]", "str": "string", "map": "Dictionary<int, int>",
          "set": "HashSet<int>", "num": "int", "bool": "bool", "node": "TreeNode", "fn": "Func<int, int>",
          "any": "object"}
_KEYWORDS = frozenset("""abstract as base bool break byte case catch char checked class const continue decimal default delegate
do double else enum event explicit extern false finally fixed float for foreach goto if implicit in int
interface internal is lock long namespace new null object operator out override params private protected
public readonly ref return sbyte sealed short sizeof stackalloc static string struct switch this throw
true try typeof uint ulong unchecked unsafe ushort using virtual void volatile while var List Dictionary
HashSet Stack Queue LinkedList PriorityQueue SortedDictionary StringBuilder Func TreeNode Solution Math
Console""".split())  # noqa: SIM905


class CSharpRenderer(JavaRenderer):
    name = "csharp"
    CAPABILITIES = replace(
        FULL.without(ops=("list.popfront", "tree.near"), constructors=("linked",)),
        memo=False, result_ops={}, not_iterable=frozenset({"heap"}), excluded_cond_ops=frozenset({"list.pop", "deque.pop", "deque.popfront"}),
        constructors={**{kind: frozenset() for kind in ("map", "stack", "queue", "heap", "tree", "strbuf",
                                                        "deque")},
                      "list": frozenset({"seq", "list"}), "set": frozenset({"seq", "list"})},
    )
    RESERVED = _KEYWORDS
    BRACE_STYLES = ("next", "next", "same")
    case = staticmethod(camel)
    STYLES = {"keys": ("var", "var", "lit"), "access": ("public ", "public ", "private ")}
    OPS = _OPS
    CONDS = _CONDS
    CONSTRUCT = {
        "map": ("var {name} = new Dictionary<int, int>();", "Dictionary<int, int> {name} = new();"),
        "set": ("var {name} = new HashSet<int>();",),
        "list": ("var {name} = new List<int>();", "List<int> {name} = new();"),
        "stack": ("var {name} = new Stack<int>();",), "queue": ("var {name} = new Queue<int>();",),
        "deque": ("var {name} = new LinkedList<int>();",),
        "heap": ("var {name} = new PriorityQueue<int, int>();",),
        "tree": ("var {name} = new SortedDictionary<int, int>();",),
        "strbuf": ("var {name} = new StringBuilder();",),
    }
    CONSTRUCT_FROM = {
        ("list", "list"): ("var {name} = new List<int>({src});",),
        ("set", "list"): ("var {name} = new HashSet<int>({src});",),
        ("stack", "list"): ("var {name} = new List<int>({src});",),
        ("list", "num"): ("var {name} = new List<int>({src});",),
        ("stack", "num"): ("var {name} = new List<int>({src});",),
    }
    FLAG = "bool {flag} = true;"
    SIZE = {"grid": "{r}.Length", "row": "{r}.Length", "str": "{r}.Length", "*": "{r}.Count"}
    NONEMPTY = {"*": ("{size} > 0",)}
    EACH_LOOP = {"grid": ("foreach (var {x} in {r})",), "str": ("foreach (char {x} in {r})",),
                 # .Keys is a property: it would hide the receiver
                 **dict.fromkeys(("map", "tree"), ("foreach (var {x} in {r})",)), "*": ("foreach (int {x} in {r})",)}
    TYPES = _TYPES
    NO_ANSWER = 'throw new InvalidOperationException("no answer");'
    PREAMBLE = ("using System;", "using System.Collections.Generic;", "using System.Linq;", "using System.Text;")
    CLASS_OPEN = ("public class Solution {",)
    TREE_NODE = ("public class TreeNode {", "    public int val;", "    public TreeNode left;",
                 "    public TreeNode right;", "}")

    def function_name(self, name: str) -> str:
        return name[:1].upper() + name[1:]

    def preamble(self, r: Program, text: str) -> list[str]:
        return list(self.PREAMBLE)


RENDERER = CSharpRenderer()
