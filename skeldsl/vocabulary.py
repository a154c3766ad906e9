"""The shared operation vocabulary: every operation a skeleton may name, with its cost.

Extractors for all languages map library calls onto these names (``HashMap.containsKey``,
``unordered_map::count``, ``x in dict`` and ``Map.has`` all become ``map.has``), so the same algorithm gets
the same skeleton whatever the language.  The cost is the asymptotic cost of *one* application, in terms
of ``n`` (the size of the collection operated on) and ``k`` (the size of the other operand); the cost
model (``skeldsl.cost``) reads it.

Constructors (``map()``, ``list(p0)``) create a collection; with a reference they build it from, or sized
by, another collection or a number, costing ``n``.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Operation:
    name: str
    cost: str  # "1", "log n", "n", "n log n", "k"
    doc: str


# Kinds a constructor can build (also the value kinds a parameter may have, see PARAM_KINDS).
CONSTRUCTORS: dict[str, str] = {
    "map": "hash map (dict, HashMap, unordered_map, Map, map[K]V, HashMap<K,V>, Dictionary)",
    "set": "hash set",
    "list": "dynamic array or fixed array",
    "stack": "a list or deque used only at one end (refined from usage)",
    "queue": "a list or deque pushed at one end and popped at the other (refined from usage)",
    "deque": "double-ended queue used at both ends",
    "heap": "binary heap / priority queue",
    "tree": "ordered map or set (TreeMap, std::map, SortedList, BTreeMap)",
    "strbuf": "string builder (StringBuilder, list of parts joined once)",
    "linked": "linked list (LinkedList, std::list) used as a sequence",
}

_OPERATIONS: tuple[Operation, ...] = (
    # hash map
    Operation("map.get", "1", "read the value of a key"),
    Operation("map.put", "1", "insert or update a key"),
    Operation("map.has", "1", "membership test on keys"),
    Operation("map.del", "1", "delete a key"),
    # hash set
    Operation("set.add", "1", "insert an element"),
    Operation("set.has", "1", "membership test"),
    Operation("set.del", "1", "delete an element"),
    # dynamic array
    Operation("list.append", "1", "append at the end (amortised)"),
    Operation("list.pop", "1", "remove the last element"),
    Operation("list.insert", "n", "insert at the front or in the middle (shifts elements)"),
    Operation("list.popfront", "n", "remove the first element (shifts elements)"),
    Operation("list.has", "n", "linear membership test"),
    Operation("list.find", "n", "linear search for an element's position"),
    Operation("list.del", "n", "delete by value or position (shifts elements)"),
    Operation("list.extend", "k", "append another collection"),
    # one-ended and two-ended queues
    Operation("stack.push", "1", "push on top"),
    Operation("stack.pop", "1", "pop the top"),
    Operation("queue.push", "1", "enqueue at the back"),
    Operation("queue.pop", "1", "dequeue from the front"),
    Operation("deque.push", "1", "push at the back"),
    Operation("deque.pushfront", "1", "push at the front"),
    Operation("deque.pop", "1", "pop from the back"),
    Operation("deque.popfront", "1", "pop from the front"),
    # heap
    Operation("heap.push", "log n", "push onto a binary heap"),
    Operation("heap.pop", "log n", "pop the minimum (or maximum)"),
    Operation("heap.top", "1", "peek at the minimum (or maximum)"),
    # ordered map / set
    Operation("tree.put", "log n", "insert into an ordered map/set"),
    Operation("tree.get", "log n", "look up in an ordered map/set"),
    Operation("tree.has", "log n", "membership in an ordered map/set"),
    Operation("tree.del", "log n", "delete from an ordered map/set"),
    Operation("tree.near", "log n", "floor / ceiling / lower_bound in an ordered map/set"),
    # linked list
    Operation("linked.push", "1", "insert at either end"),
    Operation("linked.pop", "1", "remove at either end"),
    # strings
    Operation("str.concat", "n", "immutable string concatenation (copies the string)"),
    Operation("str.find", "n", "substring search / index of"),
    Operation("str.split", "n", "split into parts"),
    Operation("str.join", "n", "join parts into a string"),
    Operation("str.replace", "n", "replace substrings"),
    Operation("strbuf.append", "1", "append to a string builder (amortised)"),
    # whole-collection operations
    Operation("sort", "n log n", "sort a collection (in place or a sorted copy)"),
    Operation("bsearch", "log n", "binary search in a sorted collection"),
    Operation("copy", "n", "copy a whole collection"),
    Operation("slice", "k", "copy a slice or substring"),
    Operation("reverse", "n", "reverse a collection"),
    Operation("reduce", "n", "one pass over a collection: sum, min, max, count, any, all, equality"),
)

OPERATIONS: dict[str, Operation] = {operation.name: operation for operation in _OPERATIONS}

# What a parameter (or field) may be declared as.
PARAM_KINDS: tuple[str, ...] = ("seq", "str", "map", "set", "num", "bool", "node", "fn", "any")

# Loop domains that are not a reference: a constant number of iterations.
CONSTANT_DOMAIN = "const"


def is_user_function(name: str) -> bool:
    """``f0``, ``f1`` ...: a call to a function of the program itself."""
    return len(name) > 1 and name[0] == "f" and name[1:].isdigit()


def is_known_call(name: str) -> bool:
    return name in OPERATIONS or name in CONSTRUCTORS or is_user_function(name)


def cost_of(name: str) -> str:
    """The cost of one application of ``name`` ("1" for user calls: their cost is their body's)."""
    if name in OPERATIONS:
        return OPERATIONS[name].cost
    if name in CONSTRUCTORS:
        return "n"
    return "1"
