"""What a language extractor declares so the shared normaliser can judge its programs.

Each extractor module exposes ``SPEC = LanguageSpec(...)``: tables from library names to the shared
vocabulary.  The normaliser never tests for a language by name; everything language-specific is here.

Receiver kinds used as table keys: ``list`` (arrays, lists, vectors, slices and ``seq`` parameters),
``str``, ``map``, ``set``, ``deque``, ``heap``, ``tree``, ``strbuf``, ``linked``, and ``*`` for "any
receiver" (used for untyped code: ``x.append(y)`` makes ``x`` a list in Python).

Method and function targets are vocabulary operations (``"map.put"``, ``"sort"``) or one of these
special actions the normaliser understands:

``iterate``   a loop over the receiver / argument (``nums.forEach(f)``, ``sum(x for x in xs)``)
``size``      the size of the receiver / argument (``len(x)``, ``x.length``, ``x.size()``)
``nonempty``  ``not x.isEmpty()`` style test; ``empty`` for the opposite
``wrap``      iteration wrapper that iterates its argument/receiver (``enumerate``, ``zip``, ``.items()``)
``range``     a range of integers (Python ``range``)
``copy``      a new collection copied from the argument/receiver
``view``      the argument/receiver's characters as a sequence (``toCharArray``, ``as_bytes``): an alias of it
``none``      nothing of interest (``print``, ``abs``)
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Mapping

def methods_by_kind(**tables: Mapping[str, str]) -> dict[tuple[str, str], str]:
    """``methods_by_kind(list={"add": "list.append"}, map={...})`` -> the ``LanguageSpec.methods`` table;
    the keyword ``any`` stands for the ``*`` receiver."""
    return {("*" if kind == "any" else kind, method): op
            for kind, table in tables.items() for method, op in table.items()}


SPECIAL_ACTIONS = frozenset({"iterate", "size", "nonempty", "empty", "wrap", "range", "copy", "view", "none"})


@dataclass(frozen=True)
class LanguageSpec:
    name: str
    # qualified callee or type name -> constructor kind ("map", "set", "list", "deque", "heap", ...)
    constructors: Mapping[str, str] = field(default_factory=dict)
    # (receiver kind, method name) -> operation or special action
    methods: Mapping[tuple[str, str], str] = field(default_factory=dict)
    # qualified function name -> (operation or special action, index of the argument it applies to)
    functions: Mapping[str, tuple[str, int]] = field(default_factory=dict)
    # attribute names that read a size (``length``, ``size``, ``count``)
    size_attributes: frozenset[str] = frozenset()
    # decorator / annotation names that memoise a function
    memo_decorators: frozenset[str] = frozenset()
    # names of the receiver object inside methods
    self_names: frozenset[str] = frozenset({"self", "this"})
    # receiver kinds whose methods keep the receiver's kind when they return a collection
    # (e.g. ``s.substring()`` is a str): used for chained calls
    string_kinds: frozenset[str] = frozenset({"str"})
    # collections are values: inserting a collection into another copies it (C++ ``res.push_back(path)``,
    # Swift ``res.append(path)``), where reference languages copy explicitly (``res.append(path[:])``)
    value_collections: bool = False
    # assignment forms that grow a string in place, amortised O(1) per character, like a builder's append:
    # "+=" (``s += x``) and "s = s +" (``s = s + x``).  CPython appends in place to a local str it holds
    # the only reference to (both forms), C++ ``std::string``, Rust ``String`` (``s + &x`` consumes s) and
    # Swift ``String`` are mutable, JavaScript engines concatenate into ropes; Java, C#, Go and Kotlin
    # strings are immutable, so there every ``+`` copies the string (``str.concat``, O(n)).
    inplace_string_append: frozenset[str] = frozenset()
