"""Java templates: a LeetCode-style ``class Solution`` over ``java.util`` collections.

Parameters: ``List<Integer>`` (seq), ``int[][]`` (grid), ``String``, ``Map``/``Set<Integer>``, ``int``,
``boolean``, ``TreeNode`` (declared after ``Solution``), ``Function<Integer, Integer>``, ``Object``.
Style choices: ``Deque``/``ArrayDeque`` or ``Stack`` for stacks, ``LinkedList`` or ``ArrayDeque`` for
queues, enhanced ``for`` or counting loops, counting-down loops, ``else if`` chains.
Not expressible (outside ``CAPABILITIES``): ``@memo`` (no decorators), ``list.popfront`` (``remove(0)``
reads as ``list.del``; ``removeFirst`` needs Java 21), linked lists (``LinkedList`` is a deque here),
sorted/copied locals (``new ArrayList<>(xs)`` is ``list(xs)``).
"""

from __future__ import annotations

from dataclasses import replace

from skeldsl.render._braces import BraceRenderer
from skeldsl.render.capabilities import FULL
from skeldsl.render.core import Program, camel

_L = "list"
_OPS: dict[tuple[str, str], tuple[str, ...]] = {
    (_L, "list.append"): ("{r}.add({k});",),
    (_L, "list.pop"): ("{r}.remove({r}.size() - 1);", "{acc} += {r}.remove({r}.size() - 1);"),
    (_L, "list.insert"): ("{r}.add(0, {k});",),
    (_L, "list.has"): ("{acc} += {r}.contains({k}) ? 1 : 0;", "if ({r}.contains({k})) {acc}++;"),
    (_L, "list.find"): ("{acc} += {r}.indexOf({k});", "{acc} = {r}.indexOf({k});"),
    (_L, "list.del"): ("{r}.remove(Integer.valueOf({k}));",),
    (_L, "list.extend"): ("{r}.addAll(List.of({k}, {acc}));",),
    (_L, "sort"): ("Collections.sort({r});", "{r}.sort(null);"),
    (_L, "bsearch"): ("{acc} += Collections.binarySearch({r}, {k});",),
    (_L, "copy"): ("{acc} += new ArrayList<>({r}).size();",),
    (_L, "slice"): ("{acc} += {r}.subList(0, {r}.size() / 2).size();",),
    (_L, "reverse"): ("Collections.reverse({r});",),
    (_L, "stack.push"): ("{r}.add({k});",),
    (_L, "stack.pop"): ("{r}.remove({r}.size() - 1);",),
    ("str", "str.concat"): ('{r} += "x";', '{r} = {r} + "ab";'),
    ("str", "str.find"): ('{acc} += {r}.indexOf("a");',),
    ("str", "str.split"): ('{acc} += {r}.split(",").length;',),
    ("str", "str.replace"): ('{r}.replace("a", "b");', '{acc} += {r}.replace("a", "").length();'),
    ("str", "slice"): ("{acc} += {r}.substring(1).length();",),
    ("map", "map.get"): ("{acc} += {r}.getOrDefault({k}, 0);",),
    ("map", "map.put"): ("{r}.put({k}, {acc});",),
    ("map", "map.has"): ("{acc} += {r}.containsKey({k}) ? 1 : 0;",),
    ("map", "map.del"): ("{r}.remove({k});",),
    ("map", "copy"): ("{acc} += new HashMap<>({r}).size();",),
    ("set", "set.add"): ("{r}.add({k});",),
    ("set", "set.has"): ("{acc} += {r}.contains({k}) ? 1 : 0;",),
    ("set", "set.del"): ("{r}.remove({k});",),
    ("set", "copy"): ("{acc} += new HashSet<>({r}).size();",),
    ("stack", "stack.push"): ("{r}.push({k});",),
    ("stack", "stack.pop"): ("{r}.pop();", "{acc} += {r}.pop();"),
    ("queue", "queue.push"): ("{r}.offer({k});", "{r}.add({k});"),
    ("queue", "queue.pop"): ("{r}.poll();", "{acc} += {r}.poll();"),
    ("deque", "deque.push"): ("{r}.offerLast({k});", "{r}.addLast({k});"),
    ("deque", "deque.pushfront"): ("{r}.offerFirst({k});", "{r}.addFirst({k});"),
    ("deque", "deque.pop"): ("{r}.pollLast();",),
    ("deque", "deque.popfront"): ("{r}.pollFirst();",),
    ("heap", "heap.push"): ("{r}.offer({k});", "{r}.add({k});"),
    ("heap", "heap.pop"): ("{r}.poll();", "{acc} += {r}.poll();"),
    ("heap", "heap.top"): ("{acc} += {r}.peek();",),
    ("tree", "tree.put"): ("{r}.put({k}, {acc});",),
    ("tree", "tree.get"): ("{acc} += {r}.getOrDefault({k}, 0);",),
    ("tree", "tree.has"): ("{acc} += {r}.containsKey({k}) ? 1 : 0;",),
    ("tree", "tree.del"): ("{r}.remove({k});",),
    ("tree", "tree.near"): ("{acc} += {r}.floorKey({k});", "{acc} += {r}.ceilingKey({k});"),
    ("strbuf", "strbuf.append"): ("{r}.append({k});", '{r}.append("x");'),
}
_CONDS: dict[tuple[str, str], tuple[str, ...]] = {
    (_L, "list.pop"): ("{r}.remove({r}.size() - 1) > {acc}",),
    (_L, "list.has"): ("{r}.contains({k})", "!{r}.contains({k})"),
    (_L, "list.find"): ("{r}.indexOf({k}) >= 0",),
    (_L, "bsearch"): ("Collections.binarySearch({r}, {k}) >= 0",),
    (_L, "reduce"): ("Collections.max({r}) > {acc}", "Collections.min({r}) < {k}"),
    (_L, "stack.pop"): ("{r}.remove({r}.size() - 1) > {acc}",),
    ("str", "str.find"): ('{r}.indexOf("a") >= 0', '{r}.contains("ab")', '{r}.startsWith("a")'),
    ("map", "map.get"): ("{r}.getOrDefault({k}, 0) > {acc}",),
    ("map", "map.has"): ("{r}.containsKey({k})", "!{r}.containsKey({k})"),
    ("set", "set.has"): ("{r}.contains({k})", "!{r}.contains({k})"),
    ("stack", "stack.pop"): ("{r}.pop() > {acc}",),
    ("queue", "queue.pop"): ("{r}.poll() > {acc}",),
    ("deque", "deque.pop"): ("{r}.pollLast() > {acc}",),
    ("deque", "deque.popfront"): ("{r}.pollFirst() == {k}",),
    ("heap", "heap.pop"): ("{r}.poll() > {acc}",),
    ("heap", "heap.top"): ("{r}.peek() > {acc}",),
    ("tree", "tree.get"): ("{r}.getOrDefault({k}, 0) > {acc}",),
    ("tree", "tree.has"): ("{r}.containsKey({k})",),
    ("tree", "tree.near"): ("{r}.floorKey({k}) != null",),
}
_TYPES = {"seq": "List<Integer>", "grid": "int[][]", "str": "String", "map": "Map<Integer, Integer>",
          "set": "Set<Integer>", "num": "int", "bool": "boolean", "node": "TreeNode",
          "fn": "Function<Integer, Integer>", "any": "Object"}
_KEYWORDS = frozenset("""abstract assert boolean break byte case catch char class const continue default do double else enum
extends final finally float for goto if implements import instanceof int interface long native new
package private protected public return short static strictfp super switch synchronized this throw
throws transient try void volatile while var record yield true false null List Map Set Integer String
Collections ArrayList HashMap HashSet Deque ArrayDeque Stack Queue LinkedList PriorityQueue TreeMap
StringBuilder Function Object TreeNode Solution Math System Arrays""".split())  # noqa: SIM905


class JavaRenderer(BraceRenderer):
    name = "java"
    CAPABILITIES = replace(
        FULL.without(ops=("list.popfront",), constructors=("linked",)),
        memo=False, result_ops={"slice": FULL.result_ops["slice"]},
    )
    RESERVED = _KEYWORDS
    BRACE_STYLES = ("same", "same", "same", "next")
    VOID_FUNCTIONS = True
    OPTIONAL_RETURN = True  # and ends with a throw instead (NO_ANSWER)
    case = staticmethod(camel)
    STYLES = {"stack": ("deque", "stack"), "queue": ("linked", "deque"), "keys": ("var", "var", "lit"),
              "access": ("", "public ", "private ")}
    OPS = _OPS
    CONDS = _CONDS
    CONSTRUCT = {
        "map": ("Map<Integer, Integer> {name} = new HashMap<>();", "HashMap<Integer, Integer> {name} = new HashMap<>();"),
        "set": ("Set<Integer> {name} = new HashSet<>();",),
        "list": ("List<Integer> {name} = new ArrayList<>();",),
        "stack": ("Deque<Integer> {name} = new ArrayDeque<>();", "Stack<Integer> {name} = new Stack<>();"),
        "queue": ("Queue<Integer> {name} = new LinkedList<>();", "Queue<Integer> {name} = new ArrayDeque<>();"),
        "deque": ("Deque<Integer> {name} = new ArrayDeque<>();",),
        "heap": ("PriorityQueue<Integer> {name} = new PriorityQueue<>();",
                 "PriorityQueue<Integer> {name} = new PriorityQueue<>(Collections.reverseOrder());"),
        "tree": ("TreeMap<Integer, Integer> {name} = new TreeMap<>();",),
        "strbuf": ("StringBuilder {name} = new StringBuilder();",),
    }
    CONSTRUCT_FROM = {
        ("list", "list"): ("List<Integer> {name} = new ArrayList<>({src});",),
        ("list", "num"): ("List<Integer> {name} = new ArrayList<>({src});",),
        ("set", "list"): ("Set<Integer> {name} = new HashSet<>({src});",),
        ("deque", "list"): ("Deque<Integer> {name} = new ArrayDeque<>({src});",),
        ("stack", "list"): ("Deque<Integer> {name} = new ArrayDeque<>({src});",),
        ("queue", "list"): ("Queue<Integer> {name} = new LinkedList<>({src});",),
        ("stack", "num"): ("Deque<Integer> {name} = new ArrayDeque<>({src});",),
        ("queue", "num"): ("Queue<Integer> {name} = new ArrayDeque<>({src});",),
    }
    RESULT = {
        ("list", "slice"): ("List<Integer> {name} = {src}.subList(1, {src}.size());",),
        ("str", "slice"): ("String {name} = {src}.substring(1);",),
    }

    FLAG = "boolean {flag} = true;"
    SIZE = {"grid": "{r}.length", "row": "{r}.length", "str": "{r}.length()", "strbuf": "{r}.length()",
            "*": "{r}.size()"}
    EACH_LOOP = {"grid": ("for (int[] {x} : {r})",), "str": ("for (char {x} : {r}.toCharArray())",),
                 **dict.fromkeys(("map", "tree"), ("for (int {x} : {r}.keySet())",)), "*": ("for (int {x} : {r})",)}
    HALVING_STEPS = ("{mid} /= 2", "{mid} >>= 1")
    TYPES = _TYPES
    NO_ANSWER = 'throw new IllegalStateException("no answer");'
    PREAMBLE = ("import java.util.*;",)
    CLASS_OPEN, CLASS_CLOSE = ("class Solution {",), ("}",)
    TREE_NODE = ("class TreeNode {", "    int val;", "    TreeNode left;", "    TreeNode right;", "}")
    TREE_NODE_FIRST = False

    def preamble(self, r: Program, text: str) -> list[str]:
        return [*self.PREAMBLE] + (["import java.util.function.*;"] if "Function<" in text else [])


RENDERER = JavaRenderer()
