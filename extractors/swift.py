"""Swift extractor: tree-sitter-swift tree -> IR, plus Swift's tables for the shared vocabulary.

tree-sitter-swift quirks this module absorbs:

* a subscript ``a[i]`` is a ``call_expression`` whose ``value_arguments`` open with ``[``; it becomes
  ``Index``; ``d[k, default: 0]`` is ``Index(d, k)`` too;
* a navigation ``x.count`` is a ``navigation_expression``; property-like methods (``isEmpty``, ``keys``,
  ``values``, ``first`` ...) become calls so the method tables apply; ``x.indices`` is ``0..<x.count``;
* ``[Int]()``, ``[Int: Int]()``, ``Set<Int>()``, ``Heap<Int>()`` are constructor calls of ``Array``,
  ``Dictionary``, ``Set``, ``Heap``; ``Array(repeating: v, count: n)`` is Python's ``[v] * n`` (and a
  comprehension when ``v`` is itself a collection, like ``[[0] * m for _ in range(n)]``);
* ``for i in a..<b`` / ``a...b`` / ``stride(from:to:by:)`` are ranges; ``xs.enumerated()`` is
  ``enumerate(xs)``; ``insert(x, at: i)`` is a list insertion while ``insert(x)`` adds to a set or heap;
* ``if let x = e`` and ``guard let x = e else {..}`` test ``e``; ``guard c else { body }`` is
  ``if not c: body``;
* inside a type, a bare name that is a stored property (and not a local or parameter) is ``self.name``.
"""

from __future__ import annotations

import re

from skeldsl.extractors._blocks import statement_exprs
from skeldsl.extractors._swap import tuple_swap
from skeldsl.extractors._jvm import calls_itself, drop_overwritten_fields, entry_method, fold_parameter_fields
from skeldsl.extractors._treesitter import TreeSitterExtractor, handler_table

from skeldsl import ir
from skeldsl.normalise.spec import LanguageSpec

# ------------------------------------------------------------------------------------------- tables

_ARRAY_METHODS = {
    "append": "list.append", "removeLast": "list.pop", "popLast": "list.pop", "removeFirst": "list.popfront",
    "popFirst": "list.popfront", "insertAt": "list.insert", "removeAt": "list.del", "remove": "list.del",
    "firstIndex": "list.find", "lastIndex": "list.find", "contains": "list.has", "sort": "sort",
    "sorted": "sort", "reverse": "reverse", "reversed": "wrap", "appendContents": "list.extend",
    "joined": "str.join", "map": "iterate", "filter": "iterate", "compactMap": "iterate", "forEach": "iterate",
    "flatMap": "iterate", "reduce": "reduce", "max": "reduce", "min": "reduce", "allSatisfy": "reduce",
    "swapAt": "none", "removeAll": "none", "isEmpty": "empty", "first": "none", "last": "none",
    "enumerated": "wrap", "prefix": "slice", "suffix": "slice", "dropFirst": "slice", "dropLast": "slice",
    "indices": "wrap",
}
_METHODS: dict[tuple[str, str], str] = {}
_METHODS.update({("list", m): op for m, op in _ARRAY_METHODS.items()})
_METHODS.update({
    ("map", "removeValue"): "map.del", ("map", "updateValue"): "map.put", ("map", "keys"): "wrap",
    ("map", "values"): "wrap", ("map", "isEmpty"): "empty", ("map", "map"): "iterate", ("map", "filter"): "iterate",
    ("map", "forEach"): "iterate", ("map", "sorted"): "sort", ("map", "removeAll"): "none",
    ("map", "contains"): "map.has", ("map", "first"): "none", ("map", "max"): "reduce", ("map", "min"): "reduce",
    ("set", "insert"): "set.add", ("set", "contains"): "set.has", ("set", "remove"): "set.del",
    ("set", "isEmpty"): "empty", ("set", "sorted"): "sort", ("set", "removeAll"): "none", ("set", "first"): "none",
    ("set", "union"): "copy", ("set", "formUnion"): "set.add", ("set", "intersection"): "copy",
    ("set", "subtract"): "set.del", ("set", "popFirst"): "set.del", ("set", "removeFirst"): "set.del",
    ("set", "map"): "iterate", ("set", "filter"): "iterate", ("set", "forEach"): "iterate",
    ("str", "contains"): "str.find", ("str", "hasPrefix"): "str.find", ("str", "hasSuffix"): "str.find",
    ("str", "split"): "str.split", ("str", "components"): "str.split", ("str", "lowercased"): "copy",
    ("str", "uppercased"): "copy", ("str", "replacingOccurrences"): "str.replace", ("str", "reversed"): "wrap",
    ("str", "isEmpty"): "empty", ("str", "first"): "none", ("str", "last"): "none", ("str", "prefix"): "slice",
    ("str", "suffix"): "slice", ("str", "dropFirst"): "slice", ("str", "dropLast"): "slice",
    ("str", "firstIndex"): "str.find", ("str", "append"): "strbuf.append", ("str", "joined"): "str.join",
    ("str", "sorted"): "sort", ("str", "map"): "iterate", ("str", "filter"): "iterate", ("str", "join"): "str.join",
    ("str", "enumerated"): "wrap", ("str", "count"): "size", ("str", "unicodeScalars"): "wrap", ("str", "utf8"): "wrap",
    ("*", "unicodeScalars"): "wrap", ("*", "utf8"): "wrap",
    # swift-collections Deque and Heap (NeetCode's Swift runtime)
    ("deque", "append"): "deque.push", ("deque", "prepend"): "deque.pushfront",
    ("deque", "popFirst"): "deque.popfront", ("deque", "removeFirst"): "deque.popfront",
    ("deque", "popLast"): "deque.pop", ("deque", "removeLast"): "deque.pop", ("deque", "isEmpty"): "empty",
    ("deque", "first"): "none", ("deque", "last"): "none",
    ("heap", "insert"): "heap.push", ("heap", "popMin"): "heap.pop", ("heap", "popMax"): "heap.pop",
    ("heap", "removeMin"): "heap.pop", ("heap", "removeMax"): "heap.pop", ("heap", "min"): "heap.top",
    ("heap", "max"): "heap.top", ("heap", "isEmpty"): "empty", ("heap", "push"): "heap.push",
    ("heap", "pop"): "heap.pop", ("heap", "top"): "heap.top", ("heap", "peek"): "heap.top",
    ("heap", "remove"): "heap.pop",
    ("map", "hasKey"): "map.has", ("tree", "hasKey"): "tree.has", ("list", "hasKey"): "none",
    ("str", "hasKey"): "none", ("*", "hasKey"): "map.has",
    # untyped receivers: distinctive method names decide the kind
    ("*", "append"): "list.append", ("*", "removeLast"): "list.pop", ("*", "popLast"): "list.pop",
    ("*", "removeFirst"): "list.popfront", ("*", "insertAt"): "list.insert", ("*", "removeAt"): "list.del",
    ("*", "insert"): "set.add", ("*", "sort"): "sort", ("*", "sorted"): "sort", ("*", "reverse"): "reverse",
    ("*", "reversed"): "wrap", ("*", "enumerated"): "wrap", ("*", "appendContents"): "list.extend",
    ("*", "joined"): "str.join", ("*", "map"): "iterate", ("*", "filter"): "iterate",
    ("*", "compactMap"): "iterate", ("*", "forEach"): "iterate", ("*", "flatMap"): "iterate",
    ("*", "reduce"): "reduce", ("*", "isEmpty"): "empty", ("*", "keys"): "wrap", ("*", "values"): "wrap",
    ("*", "removeValue"): "map.del", ("*", "popMin"): "heap.pop", ("*", "popMax"): "heap.pop",
    ("*", "prepend"): "deque.pushfront", ("*", "popFirst"): "deque.popfront", ("*", "swapAt"): "none",
    ("*", "first"): "none", ("*", "last"): "none", ("*", "indices"): "wrap", ("*", "contains"): "list.has",
    ("*", "split"): "str.split", ("*", "components"): "str.split", ("*", "firstIndex"): "list.find",
})

_SWAPS = frozenset({"swap"})
SPEC = LanguageSpec(
    name="swift",
    constructors={
        "Array": "list", "Dictionary": "map", "Set": "set", "Heap": "heap", "Deque": "deque",
        "PriorityQueue": "heap", "ContiguousArray": "list", "OrderedDictionary": "map", "OrderedSet": "set",
        "SortedSet": "tree", "SortedDictionary": "tree", "String": "str",
    },
    methods=_METHODS,
    functions={
        "max": ("reduce", 0), "min": ("reduce", 0), "abs": ("none", 0), "print": ("none", 0),
        "enumerate": ("wrap", 0), "zip": ("wrap", 0), "swap": ("none", 0), "sqrt": ("none", 0),
        "pow": ("none", 0), "Int": ("none", 0), "Double": ("none", 0), "String": ("none", 0),
        "Character": ("none", 0), "Int64": ("none", 0), "Bool": ("none", 0), "log2": ("none", 0),
        "floor": ("none", 0), "ceil": ("none", 0),
    },
    size_attributes=frozenset({"count"}),
    self_names=frozenset({"self"}),
    value_collections=True,
    inplace_string_append=frozenset({"+="}),
)

_TYPE_KINDS = {
    "Int": "num", "Int64": "num", "Int32": "num", "UInt": "num", "UInt64": "num", "Double": "num",
    "Float": "num", "Int8": "num", "UInt8": "num", "Int16": "num", "CGFloat": "num",
    "String": "str", "Character": "str", "Substring": "str", "Bool": "bool",
    "Array": "seq", "ArraySlice": "seq", "ContiguousArray": "seq", "Dictionary": "map", "Set": "set",
}
_SLICING = frozenset({"prefix", "suffix", "dropFirst", "dropLast"})
#: properties that behave as calls of the method tables (``q.isEmpty``, ``d.keys``)
_PROPERTY_METHODS = frozenset({"isEmpty", "keys", "values", "first", "last", "min", "max"})
#: Swift operator precedence (higher binds tighter); the grammar does not encode it
_PRECEDENCE = {"||": 1, "&&": 2, "<": 3, ">": 3, "<=": 3, ">=": 3, "==": 3, "!=": 3, "===": 3, "!==": 3,
               "??": 4, "..<": 4, "...": 4, "+": 5, "-": 5, "|": 5, "^": 5, "&+": 5, "&-": 5,
               "*": 6, "/": 6, "%": 6, "&": 6, "&*": 6, "<<": 7, ">>": 7}
_BINDING_PARENTS = frozenset({"property_declaration", "for_statement", "pattern", "if_statement",
                              "guard_statement", "while_statement", "switch_pattern", "catch_block"})
_CONDITION_PARENTS = frozenset({"if_statement", "guard_statement", "while_statement"})
_COMPOUND_CUSTOM = frozenset({"|=", "&=", "^=", "<<=", ">>="})
_BINARY_KINDS = ("additive_expression", "multiplicative_expression", "comparison_expression",
                 "equality_expression", "conjunction_expression", "disjunction_expression", "bitwise_operation",
                 "infix_expression")

# ------------------------------------------------------------------------------------- extraction


class SwiftExtractor(TreeSitterExtractor):
    LANGUAGE = "swift"
    IGNORED = frozenset({"comment", "multiline_comment", "import_declaration", "typealias_declaration",
                         "protocol_declaration", "precedence_group_declaration", "operator_declaration",
                         "associatedtype_declaration", "shebang_line", "modifiers", "attribute", "statement_label"})
    STATEMENTS = handler_table(
        h_statements=["statements"],
        h_property=["property_declaration"],
        h_assignment=["assignment"],
        h_if=["if_statement"],
        h_guard=["guard_statement"],
        h_for=["for_statement"],
        h_while=["while_statement"],
        h_repeat=["repeat_while_statement"],
        h_transfer=["control_transfer_statement"],
        h_function=["function_declaration"],
        h_class=["class_declaration"],
        h_switch=["switch_statement"],
        h_do=["do_statement"],
        h_labeled=["labeled_statement"],
        h_ignore=["enum_declaration", "deinit_declaration", "subscript_declaration", "init_declaration"],
    )
    EXPRESSIONS = handler_table(
        e_name=["simple_identifier"],
        e_self=["self_expression", "super_expression"],
        e_number=["integer_literal", "real_literal", "hex_literal", "bin_literal", "oct_literal"],
        e_string=["line_string_literal", "multi_line_string_literal", "raw_string_literal", "regex_literal"],
        e_bool=["boolean_literal"],
        e_none=["nil_literal"],
        e_call=["call_expression"],
        e_constructor=["constructor_expression"],
        e_navigation=["navigation_expression"],
        e_binary=[*_BINARY_KINDS, "nil_coalescing_expression", "check_expression"],
        e_prefix=["prefix_expression"],
        e_postfix=["postfix_expression"],
        e_range=["range_expression", "open_end_range_expression", "open_start_range_expression"],
        e_tuple=["tuple_expression"],
        e_array=["array_literal"],
        e_dictionary=["dictionary_literal"],
        e_ternary=["ternary_expression"],
        e_lambda=["lambda_literal"],
        e_inner=["try_expression", "await_expression", "as_expression", "directly_assignable_expression",
                 "value_argument", "parenthesized_expression", "consume_expression", "interpolated_expression",
                 "selector_expression"],
        e_opaque=["key_path_expression", "key_path_string_expression", "if_statement", "switch_statement",
                  "wildcard_pattern", "special_literal", "playground_literal", "diagnostic", "type_identifier",
                  "user_type", "array_type", "dictionary_type", "optional_type", "pattern", "switch_pattern",
                  "tuple_type", "function_type", "bang", "value_arguments"],
        e_assignment_value=["assignment"],
    )

    def __init__(self, source: bytes, path: str | None) -> None:
        super().__init__(source, path)
        self.fields_of_type: set[str] = set()  # stored properties of the type being extracted
        self.local_names: set[str] = set()  # names bound in the function being extracted
        self.param_names: set[str] = set()  # its parameters
        self.substitutions: dict[str, ir.Expr] = {}  # if-let names standing for a subscript read
        self.depth = 0  # how many functions enclose the one being extracted
        self.helper_types: frozenset[str] = frozenset()  # types the file instantiates itself
        self.demoted_fields: frozenset[str] = frozenset()  # stored properties of a Solution made locals

    # ------------------------------------------------------------------------------ module level

    def module(self, root) -> ir.Module:
        self.helper_types = self.constructed_types(root)
        functions: list[ir.FunctionDef] = []
        toplevel: list[ir.Stmt] = []
        for node in self.named(root):
            if self.library_stand_in(node):
                continue
            for stmt in self.statement(node):
                if isinstance(stmt, ir.FunctionDef):
                    functions.append(stmt)
                elif isinstance(stmt, ir.Block) and stmt.body and all(
                        isinstance(s, ir.FunctionDef) for s in stmt.body):
                    functions += stmt.body
                else:
                    toplevel.append(stmt)
        return ir.Module(self.LANGUAGE, tuple(functions), tuple(toplevel))

    def library_stand_in(self, node) -> bool:
        """A file-level ``struct Heap<T>`` (``PriorityQueue``) with ``insert`` / ``remove``: the binary heap
        Swift's standard library lacks, written out where Python imports ``heapq``.  Its uses are the
        library heap's operations (the SPEC maps ``Heap`` and its methods), its sift loops are not the
        algorithm."""
        if node.type != "class_declaration" or self.field(node, "name") is None:
            return False
        if SPEC.constructors.get(self.text(self.field(node, "name"))) != "heap":
            return False
        body = self.field(node, "body")
        methods = {self.function_name(member) for member in (self.named(body) if body is not None else [])
                   if member.type == "function_declaration"}
        return bool(methods & {"insert", "push"}) and bool(methods & {"remove", "pop", "popMin", "popMax"})

    def constructed_types(self, root) -> frozenset[str]:
        """Types the file itself instantiates (``let dsu = DSU(n)``): helpers, whose methods Python
        solutions leave unannotated (LeetCode's template only types the entry points)."""
        names = {self.text(self.field(node, "name")) for node in root.named_children
                 if node.type == "class_declaration" and self.field(node, "name") is not None
                 and not self.library_stand_in(node)}
        text = self.source.decode("utf-8", "replace")
        names.discard("Solution")  # LeetCode's entry class is never a helper
        if not names:
            return frozenset()
        return frozenset(name for name in names if re.search(rf"(?<![\w.]){re.escape(name)}\s*\(", text))

    def h_class(self, node) -> list[ir.Stmt]:
        """A class / struct / extension / enum body: its methods, with its stored properties declared as
        fields of their kinds (so ``memo[k]`` in a method knows ``memo`` is a map)."""
        name_node = self.field(node, "name")
        owner = self.text(name_node) if name_node is not None else "<type>"
        body = self.field(node, "body")
        members = self.named(body) if body is not None else []
        if owner == "Solution" and not any(member.type == "init_declaration" for member in members):
            functions = [member for member in members if member.type == "function_declaration"]
            if functions and not self.recursive_entry(functions):
                return [ir.Block(tuple(self.solution_class(owner, members, functions)), self.line(node))]
        saved = self.fields_of_type
        self.fields_of_type = set()
        declarations: list[ir.Stmt] = []
        for member in members:
            if member.type == "property_declaration":
                for name, kind in self.property_kinds(member):
                    self.fields_of_type.add(name)
                    if kind is not None:
                        declarations.append(ir.Assign((ir.Attr(ir.Name("self"), name),), None, declared=kind,
                                                      line=self.line(member)))
        initialisers: list[ir.Stmt] = []
        for member in members:
            if member.type == "property_declaration" and not _is_static(member):
                initialisers += [stmt for stmt in self.h_property(member)
                                 if isinstance(stmt, ir.Assign) and stmt.value is not None]
        has_init = any(member.type == "init_declaration" for member in members)
        out: list[ir.Stmt] = []
        if not has_init and owner != "Solution" and any(_builds(stmt.value) for stmt in initialisers):
            # stored properties of a design class (``var urls = [String]()``) are its initialiser's work,
            # as Python's ``__init__`` does it; LeetCode's ``Solution`` holds scratch state instead
            out.append(ir.FunctionDef("init", (), tuple(initialisers), owner=owner, line=self.line(node)))
        for member in members:
            if member.type in ("function_declaration", "init_declaration"):
                function = self.function(member, owner)
                body = function.body
                if member.type == "init_declaration":
                    body = tuple(initialisers) + body
                    if not any(_builds(stmt.value) for stmt in initialisers) and not _does_work(function):
                        continue
                params = function.params
                if owner in self.helper_types:
                    params = tuple(ir.Param(p.name) for p in params)
                out.append(ir.FunctionDef(function.name, params, tuple(declarations) + body,
                                          owner=owner, line=function.line))
            elif member.type == "class_declaration":
                for stmt in self.h_class(member):
                    out += list(stmt.body) if isinstance(stmt, ir.Block) else [stmt]
        self.fields_of_type = saved
        return [ir.Block(tuple(out), self.line(node))] if out else []

    def recursive_entry(self, functions) -> bool:
        """A recursive entry method keeps its stored properties as fields built once (see Java)."""
        entry = entry_method(functions, self.function_name, self.text, lambda f: not _is_private(f))
        body = self.field(entry, "body")
        return body is not None and calls_itself(self.function_name(entry), self.text(body))

    def function_name(self, node) -> str:
        name = self.field(node, "name")
        return self.text(name) if name is not None else "init"

    def solution_class(self, owner: str, members, functions) -> list[ir.FunctionDef]:
        """LeetCode's ``Solution`` without initialiser: its stored properties (``var memo = [Int: Int]()``)
        become locals of the entry method and its other methods functions nested in it, as Python writes
        the same program with closures (the shared helpers of the Java/Kotlin ``solution_class``)."""
        entry = entry_method(functions, self.function_name, self.text, lambda f: not _is_private(f))
        saved = self.fields_of_type, self.demoted_fields
        self.fields_of_type, self.demoted_fields = set(), frozenset()
        try:
            setup: list[ir.Stmt] = []
            for member in members:
                if member.type == "property_declaration":
                    setup += self.h_property(member)
            self.demoted_fields = frozenset(
                target.id for stmt in setup if isinstance(stmt, (ir.Assign, ir.FunctionDef))
                for target in (stmt.targets if isinstance(stmt, ir.Assign) else (ir.Name(stmt.name),))
                if isinstance(target, ir.Name))
            helpers = tuple(self.function(f, owner) for f in functions if f is not entry)
            function = self.function(entry, owner)
            body = function.body
            if len(body) == 1 and isinstance(body[0], ir.Block):  # the body's ``statements`` node
                body = body[0].body
            fields, own = fold_parameter_fields(setup, function.params, body)
            fields = drop_overwritten_fields(fields, helpers, own)
            out = [ir.FunctionDef(function.name, function.params, fields + helpers + own, owner=owner,
                                  line=function.line)]
            for member in members:
                if member.type == "class_declaration":
                    for stmt in self.h_class(member):
                        out += list(stmt.body) if isinstance(stmt, ir.Block) else [stmt]
            return out
        finally:
            self.fields_of_type, self.demoted_fields = saved

    def property_kinds(self, node) -> list[tuple[str, str | None]]:
        """(name, kind) of each binding of a property declaration: from its type or its value."""
        out: list[tuple[str, str | None]] = []
        name = None
        kind: str | None = None
        for child in node.named_children:
            if child.type == "pattern":
                if name is not None:
                    out.append((name, kind))
                name, kind = self.text(child), None
            elif child.type == "type_annotation":
                kind = _local_kind(self.type_kind(child))
            elif name is not None and child.type not in ("value_binding_pattern", "modifiers", "computed_property",
                                                         "comment") and kind is None:
                kind = self.value_kind(child)
        if name is not None:
            out.append((name, kind))
        return out

    def value_kind(self, node) -> str | None:
        """The collection kind a property's initial value constructs, if evident from syntax."""
        value = self.expr(node)
        if isinstance(value, ir.CollectionLit):
            return value.kind if value.kind != "tuple" else None
        if isinstance(value, ir.BinOp) and value.op == "*" and isinstance(value.left, ir.CollectionLit):
            return "list"
        if isinstance(value, ir.Comprehension):
            return "list"
        if isinstance(value, ir.Call) and isinstance(value.func, ir.Name):
            return SPEC.constructors.get(value.func.id)
        return None

    def function(self, node, owner: str | None) -> ir.FunctionDef:
        name_node = self.field(node, "name")
        name = self.text(name_node) if name_node is not None else "init"
        saved = self.local_names
        self.local_names = set()
        helper = self.depth > 0 or _is_private(node)
        params = tuple(self.param(p, helper) for p in node.named_children if p.type == "parameter")
        self.local_names.update(p.name for p in params)
        saved_params, self.param_names = self.param_names, {p.name for p in params}
        body_node = self.field(node, "body")
        body: tuple[ir.Stmt, ...] = ()
        self.depth += 1
        if body_node is not None:
            if self.fields_of_type:  # only needed to tell fields from locals
                self.collect_locals(body_node)
            body = self.statements(self.named(body_node))
        self.local_names = saved
        self.param_names = saved_params
        self.depth -= 1
        return ir.FunctionDef(name, params, body, owner=owner, line=self.line(node))

    def param(self, node, helper: bool = False) -> ir.Param:
        names = self.fields(node, "name")
        name = self.text(names[0]) if names else "_"
        kind = self.type_kind(names[1]) if len(names) > 1 else "any"
        if helper and kind == "seq" and names[1].type == "array_type" \
                and self.text(names[1]).replace(" ", "") == "[Character]" \
                and not any(child.type == "parameter_modifiers" for child in node.named_children):
            kind = "str"  # a helper's read-only [Character]: how Swift passes a string to be indexed (Python: the str)
        return ir.Param(name, kind)

    def type_kind(self, node) -> str:
        """Skeleton kind of a Swift type node (``[Int]`` -> seq, ``TreeNode?`` -> node ...)."""
        if node is None:
            return "any"
        kind = node.type
        if kind == "type_annotation":
            inner = self.named(node)
            return self.type_kind(inner[-1]) if inner else "any"
        if kind == "array_type":
            return "seq"
        if kind == "dictionary_type":
            return "map"
        if kind in ("function_type", "lambda_function_type"):
            return "fn"
        if kind in ("optional_type", "implicitly_unwrapped_type", "opaque_type", "existential_type",
                    "type_modifiers", "parenthesized_type"):
            inner = self.named(node)
            return self.type_kind(inner[-1]) if inner else "any"
        if kind == "user_type":
            head = self.text(node).split("<", 1)[0].split(".")[-1].strip()
            if head in _TYPE_KINDS:
                return _TYPE_KINDS[head]
            if head.endswith("Node"):
                return "node"
            return "any"
        return "any"

    def collect_locals(self, body) -> None:
        """Names bound anywhere in a function body (not in nested functions): they shadow fields."""
        stack = [body]
        while stack:
            node = stack.pop()
            parent_kind = node.type
            for index, child in enumerate(node.children):
                if not child.is_named:
                    continue
                kind = child.type
                if kind == "function_declaration":
                    name = self.field(child, "name")
                    if name is not None:
                        self.local_names.add(self.text(name))
                    continue
                if kind == "class_declaration":
                    continue
                if kind == "pattern" and parent_kind in _BINDING_PARENTS:
                    self.local_names.update(self.text(ident) for ident in _identifiers(child))
                    continue
                if kind == "lambda_parameter":
                    name = self.field(child, "name")
                    if name is not None:
                        self.local_names.add(self.text(name))
                elif kind == "simple_identifier" and parent_kind in _CONDITION_PARENTS \
                        and node.field_name_for_child(index) == "bound_identifier":
                    self.local_names.add(self.text(child))
                stack.append(child)

    # ------------------------------------------------------------------------------ statements

    def block_of(self, node) -> tuple[ir.Stmt, ...]:
        """The statements of the first ``statements`` child (a ``{ ... }`` body), or ()."""
        for child in node.named_children:
            if child.type == "statements":
                return self.statements(self.named(child))
        return ()

    def h_statements(self, node) -> list[ir.Stmt]:
        return [ir.Block(self.statements(self.named(node)), self.line(node))]

    def h_property(self, node) -> list[ir.Stmt]:
        out: list[ir.Stmt] = []
        target = None
        declared: str | None = None
        line = self.line(node)
        pending_value = False
        for child in node.named_children:
            kind = child.type
            if kind == "pattern":
                if target is not None and not pending_value:
                    out.append(ir.Assign((target,), None, declared=declared, line=line))
                target, declared, pending_value = self.pattern_target(child), None, False
            elif kind == "type_annotation":
                declared = _local_kind(self.type_kind(child))
            elif kind in ("value_binding_pattern", "modifiers", "comment", "multiline_comment", "attribute"):
                continue
            elif kind == "computed_property":
                pending_value = True
            elif target is not None:
                if kind == "lambda_literal" and isinstance(target, ir.Name):
                    out.append(self.lambda_function(target.id, child, line))
                else:
                    out += _in_place(ir.Assign((target,), self.expr(child), declared=declared, line=line),
                                     self.param_names)
                pending_value = True
        if target is not None and not pending_value:
            out.append(ir.Assign((target,), None, declared=declared, line=line))
        return out

    def lambda_function(self, name: str, node, line: int) -> ir.FunctionDef:
        """``let f: (Int) -> Int = { i in ... }``: a named local function."""
        params = tuple(ir.Param(p) for p in self.lambda_params(node))
        return ir.FunctionDef(name, params, self.block_of(node), line=line)

    def pattern_target(self, node) -> ir.Expr:
        identifiers = _identifiers(node)
        if len(identifiers) == 1 and node.named_child_count <= 1:
            return self.name_ref(self.text(identifiers[0]))
        return ir.CollectionLit("tuple", tuple(ir.Name(self.text(i)) for i in identifiers))

    def statement(self, node) -> list[ir.Stmt]:
        out = super().statement(node)
        if len(out) == 1 and isinstance(out[0], ir.ExprStmt) and isinstance(out[0].expr, ir.BinOp) \
                and out[0].expr.op in _COMPOUND_CUSTOM:
            # ``mask[r] |= bit``: the grammar reads bitwise compound assignments as custom infix operators
            expr = out[0].expr
            return [ir.Assign((expr.left,), expr.right, op=expr.op[:-1], line=out[0].line)]
        if len(out) == 1 and isinstance(out[0], ir.ExprStmt):
            swapped = tuple_swap(out[0].expr, _SWAPS, out[0].line)
            if swapped is not None:
                return [swapped]  # swap(&a, &b): Python's a, b = b, a
        return out

    def h_assignment(self, node) -> list[ir.Stmt]:
        target = self.expr(self.field(node, "target"))
        value = self.expr(self.field(node, "result"))
        op = self.text(self.field(node, "operator"))
        aug = op[:-1] if op != "=" else None
        return [ir.Assign((target,), value, op=aug, line=self.line(node))]

    def condition(self, node) -> tuple[ir.Expr, dict[str, ir.Expr]]:
        """The test of an if/guard/while (its conditions and-ed) and the optional bindings it makes.

        ``if let v = d[k], c(v)`` is Python's ``if k in d and c(d[k])``: a subscript binding tests
        membership, and ``v`` stands for ``d[k]`` in later conditions and in the body (the returned map;
        ``let v = e`` for anything else simply tests ``e``)."""
        parts: list[ir.Expr] = []
        bound: dict[str, ir.Expr] = {}
        children = node.children
        kinds = [child.type for child in children]
        start = kinds.index("=") + 1 if "case" in kinds and "=" in kinds else 0  # if case let .x(v) = e
        saved = self.substitutions
        self.substitutions = dict(saved)
        pending: str | None = None
        for index in range(start, len(children)):
            child = children[index]
            field = node.field_name_for_child(index)
            if field == "bound_identifier":
                pending = self.text(child)
                continue
            if field != "condition" or not child.is_named or child.type == "value_binding_pattern":
                continue
            part = self.expr(child)
            if pending is not None:
                if isinstance(part, ir.Index):
                    bound[pending] = part
                    self.substitutions[pending] = part
                    part = _present(part)
                elif pending in self.substitutions:
                    del self.substitutions[pending]
                pending = None
            parts.append(part)
        self.substitutions = saved
        if not parts:
            return ir.Literal("bool", "true"), bound
        test = parts[0]
        for part in parts[1:]:
            test = ir.BinOp("and", test, part)
        return test, bound

    def h_if(self, node) -> list[ir.Stmt]:
        test, bound = self.condition(node)
        then: tuple[ir.Stmt, ...] = ()
        orelse: tuple[ir.Stmt, ...] = ()
        seen_else = False
        saved = self.substitutions
        for child in node.children:
            if child.type == "else":
                seen_else = True
            elif child.type == "statements":
                if seen_else:
                    orelse = self.statements(self.named(child))
                else:
                    self.substitutions = {**saved, **bound}
                    then = self.statements(self.named(child))
                    self.substitutions = saved
            elif child.type == "if_statement" and seen_else:
                orelse = tuple(self.h_if(child))
        return [ir.If(test, then, orelse, self.line(node))]

    def h_guard(self, node) -> list[ir.Stmt]:
        """``guard c else { exit }``; a subscript it binds is read after it (``guard let v = d[k]``)."""
        test, bound = self.condition(node)
        line = self.line(node)
        reads = [ir.Assign((ir.Name(name),), value, line=line) for name, value in bound.items()]
        return [ir.If(ir.UnaryOp("not", test), self.block_of(node), (), line), *reads]

    def h_for(self, node) -> list[ir.Stmt]:
        item = self.field(node, "item")
        targets = tuple(self.text(i) for i in _identifiers(item)) if item is not None else ()
        iterable = self.expr(self.field(node, "collection"))
        body = self.block_of(node)
        for child in node.named_children:
            if child.type == "where_clause":  # for x in xs where c { body } == for x in xs { if c { body } }
                inner = [self.expr(c) for c in self.named(child) if c.type != "where_keyword"]
                if inner:
                    body = (ir.If(inner[0], body, (), self.line(child)),)
        return [ir.Foreach(targets or ("_",), iterable, body, self.line(node))]

    def h_while(self, node) -> list[ir.Stmt]:
        test, bound = self.condition(node)
        saved = self.substitutions
        self.substitutions = {**saved, **bound}
        body = self.block_of(node)
        self.substitutions = saved
        return [ir.While(test, body, self.line(node))]

    def h_repeat(self, node) -> list[ir.Stmt]:
        return self.h_while(node)

    def h_transfer(self, node) -> list[ir.Stmt]:
        keyword = self.text(node.children[0]) if node.children else ""
        line = self.line(node)
        result = self.field(node, "result")
        if keyword == "break":
            return [ir.Break(line)]
        if keyword == "continue":
            return [ir.Continue(line)]
        if keyword == "return":
            return [ir.Return(self.expr(result) if result is not None else None, line)]
        return [ir.ExprStmt(self.expr(result), line)] if result is not None else []  # throw, fallthrough

    def h_function(self, node) -> list[ir.Stmt]:
        function = self.function(node, owner=None)
        if self.depth:  # nested: untyped like Python's nested def (the call sites decide its kinds)
            function = ir.FunctionDef(function.name, tuple(ir.Param(p.name) for p in function.params), function.body,
                                      owner=function.owner, memo=function.memo, line=function.line)
        return [function]

    def h_switch(self, node) -> list[ir.Stmt]:
        out: list[ir.Stmt] = [ir.ExprStmt(self.expr(self.field(node, "expr")), self.line(node))]
        for entry in node.named_children:
            if entry.type != "switch_entry":
                continue
            patterns = tuple(self.expr(p) for p in entry.named_children if p.type == "switch_pattern")
            out.append(ir.If(ir.Opaque("case", patterns), self.block_of(entry), (), self.line(entry)))
        return [ir.Block(tuple(out), self.line(node))]

    def h_do(self, node) -> list[ir.Stmt]:
        body = list(self.block_of(node))
        for child in node.named_children:
            if child.type == "catch_block":
                body += self.block_of(child)
        return [ir.Block(tuple(body), self.line(node))]

    def h_labeled(self, node) -> list[ir.Stmt]:
        out: list[ir.Stmt] = []
        for child in self.named(node):
            if child.type != "statement_label":
                out += self.statement(child)
        return out

    # ----------------------------------------------------------------------------- expressions

    def name_ref(self, name: str) -> ir.Expr:
        """A bare name: what an ``if let`` bound it to, or ``self.name`` when it is a stored property not
        shadowed by a local."""
        if name in self.substitutions:
            return self.substitutions[name]
        if name in self.fields_of_type and name not in self.local_names:
            return ir.Attr(ir.Name("self"), name)
        return ir.Name(name)

    def e_name(self, node) -> ir.Expr:
        return self.name_ref(self.text(node))

    def e_self(self, node) -> ir.Expr:
        return ir.Name("self")

    def e_inner(self, node) -> ir.Expr:
        if node.type == "value_argument":
            value = self.field(node, "value")
            return self.expr(value) if value is not None else ir.Literal("none")
        if node.type == "as_expression":
            return self.expr(self.field(node, "expr") or self.named(node)[0])
        children = self.named(node)
        children = [c for c in children if c.type not in ("try_operator", "as_operator")]
        if node.type == "interpolated_expression":
            return ir.Opaque("interpolation", tuple(self.expr(c) for c in children))
        return self.expr(children[-1] if node.type in ("try_expression", "await_expression") else children[0]) \
            if children else ir.Literal("none")

    def e_assignment_value(self, node) -> ir.Expr:
        return self.expr(self.field(node, "result"))

    def e_binary(self, node) -> ir.Expr:
        if node.type == "nil_coalescing_expression":
            return ir.BinOp("or", self.expr(self.field(node, "value")), self.expr(self.field(node, "if_nil")))
        if node.type == "check_expression":  # x is T
            return self.expr(self.field(node, "target") or self.named(node)[0])
        return self.binary(node, self.expr(self.field(node, "lhs")))

    def binary_op(self, node) -> tuple[str, int]:
        op_node = self.field(node, "op")
        op = self.text(op_node) if op_node is not None else self.operator(node)
        return {"&&": "and", "||": "or", "===": "==", "!==": "!="}.get(op, op), _PRECEDENCE.get(op, 4)

    def binary(self, node, left: ir.Expr) -> ir.Expr:
        op, precedence = self.binary_op(node)
        right = self.field(node, "rhs")
        if op in ("!=", "==") and right is not None and right.type == "nil_literal" \
                and isinstance(left, ir.Index):  # d[k] != nil: is k a key of d
            return _present(left) if op == "!=" else ir.UnaryOp("not", _present(left))
        return self.rotated(op, precedence, right, left)

    def rotated(self, op: str, precedence: int, right, left: ir.Expr) -> ir.Expr:
        """``left op right``.  tree-sitter-swift nests every binary operator to the right (``i < n && ok``
        parses as ``i < (n && ok)``); a right operand of lower precedence is rotated back
        (``(i < n) && ok``)."""
        if right is not None and right.type in _BINARY_KINDS:
            right_left = self.field(right, "lhs")
            if right_left is not None:
                right_op, right_precedence = self.binary_op(right)
                if right_precedence < precedence:
                    inner = ir.BinOp(op, left, self.expr(right_left))
                    return self.rotated(right_op, right_precedence, self.field(right, "rhs"), inner)
        return ir.BinOp(op, left, self.expr(right))

    def e_prefix(self, node) -> ir.Expr:
        operation = self.field(node, "operation")
        op = self.text(operation) if operation is not None else "?"
        target = self.expr(self.field(node, "target"))
        if op == ".":  # implicit member .max
            return ir.Literal("none")
        return ir.UnaryOp("not" if op == "!" else op, target)

    def e_postfix(self, node) -> ir.Expr:
        return self.expr(self.field(node, "target"))  # x!, x?

    def e_range(self, node) -> ir.Expr:
        start, end = self.field(node, "start"), self.field(node, "end")
        op = self.field(node, "op")
        inclusive = op is not None and self.text(op) == "..."
        return ir.Range(self.expr(start) if start is not None else ir.Literal("num", "0"),
                        self.expr(end) if end is not None else ir.Literal("none"), None, inclusive)

    def e_tuple(self, node) -> ir.Expr:
        items = [self.expr(c) for c in self.fields(node, "value")]
        if len(items) == 1:
            return items[0]
        return ir.CollectionLit("tuple", tuple(items))

    def e_array(self, node) -> ir.Expr:
        return ir.CollectionLit("list", tuple(self.expr(e) for e in self.fields(node, "element")))

    def e_dictionary(self, node) -> ir.Expr:
        items = [self.expr(c) for c in self.named(node)]
        return ir.CollectionLit("map", tuple(items))

    def e_ternary(self, node) -> ir.Expr:
        return ir.Cond(self.expr(self.field(node, "condition")), self.expr(self.field(node, "if_true")),
                       self.expr(self.field(node, "if_false")))

    def lambda_params(self, node) -> tuple[str, ...]:
        for child in node.named_children:
            if child.type == "lambda_function_type":
                names = []
                for parameters in child.named_children:
                    if parameters.type == "lambda_function_type_parameters":
                        for parameter in parameters.named_children:
                            name = self.field(parameter, "name")
                            names.append(self.text(name) if name is not None else self.text(parameter))
                return tuple(names)
        return ("$0", "$1")

    def e_lambda(self, node) -> ir.Expr:
        params = self.lambda_params(node)
        statements = []
        for child in node.named_children:
            if child.type == "statements":
                statements = self.named(child)
        if len(statements) == 1 and statements[0].type not in self.STATEMENTS:
            return ir.Lambda(params, self.expr(statements[0]))
        if len(statements) == 1 and statements[0].type == "control_transfer_statement":
            result = self.field(statements[0], "result")
            return ir.Lambda(params, self.expr(result) if result is not None else ir.Literal("none"))
        body = statement_exprs(self.statements(statements))
        return ir.Lambda(params, ir.Opaque("block", tuple(body)))

    def e_navigation(self, node) -> ir.Expr:
        target_node = self.field(node, "target")
        suffix = self.field(node, "suffix")
        name_node = self.field(suffix, "suffix") if suffix is not None else None
        name = self.text(name_node) if name_node is not None else "?"
        if target_node is None:  # .max (implicit member)
            return ir.Name(name)
        if target_node.type == "self_expression" and name in self.demoted_fields:
            return ir.Name(name)  # self.n of a Solution class: a local of the entry method
        target = self.expr(target_node)
        if name == "indices":
            return ir.Range(ir.Literal("num", "0"), ir.Attr(target, "count"))
        if name in _PROPERTY_METHODS:
            return ir.Call(ir.Attr(target, name), ())
        return ir.Attr(target, name)

    def arguments(self, suffix) -> tuple[str, list, list]:
        """(bracket, [(label, value node)], [trailing closures]) of a call suffix."""
        bracket = "("
        args: list = []
        closures: list = []
        for child in suffix.named_children:
            if child.type == "value_arguments":
                first = child.child(0)
                if first is not None and first.type == "[":
                    bracket = "["
                for argument in child.named_children:
                    if argument.type != "value_argument":
                        continue
                    label_node = self.field(argument, "name")
                    label = self.text(label_node) if label_node is not None else None
                    value = self.field(argument, "value")
                    if value is None or not value.is_named:  # operator references: sorted(by: >)
                        inner = [c for c in argument.named_children if c.type != "value_argument_label"]
                        value = inner[0] if inner else None
                    args.append((label, value))
            elif child.type == "lambda_literal":
                closures.append(child)
        return bracket, args, closures

    def e_call(self, node) -> ir.Expr:
        children = node.named_children
        callee_node = children[0]
        if callee_node.type == "call_suffix":  # ~(x - 1): a prefix operator applied to a group
            _, args, _ = self.arguments(callee_node)
            return ir.Opaque("prefix", tuple(self.expr(v) for _, v in args if v is not None))
        suffixes = [child for child in children[1:] if child.type == "call_suffix"]
        if not suffixes:
            return self.expr(callee_node)
        result = self.call(callee_node, suffixes[0])
        for suffix in suffixes[1:]:  # f(a)(b)
            _, args, closures = self.arguments(suffix)
            values = [self.expr(v) for _, v in args if v is not None] + [self.expr(c) for c in closures]
            result = ir.Call(result, tuple(values))
        return result

    def call(self, callee_node, suffix) -> ir.Expr:
        """Apply a call suffix to its callee.  tree-sitter-swift attaches a suffix to a whole operator
        expression (``!f(x)`` is ``(!f)(x)``, ``a - f(x)`` is ``(a - f)(x)``): re-associate it onto the
        rightmost operand."""
        if callee_node.type == "prefix_expression":
            operation = self.field(callee_node, "operation")
            op = self.text(operation) if operation is not None else "?"
            inner = self.call(self.field(callee_node, "target"), suffix)
            return ir.UnaryOp("not" if op == "!" else op, inner)
        if callee_node.type in _BINARY_KINDS and self.field(callee_node, "rhs") is not None:
            rightmost = callee_node
            while rightmost.type in _BINARY_KINDS and self.field(rightmost, "rhs") is not None:
                rightmost = self.field(rightmost, "rhs")
            return _replace_rightmost(self.e_binary(callee_node), self.call(rightmost, suffix))
        bracket, args, closures = self.arguments(suffix)
        if bracket == "[":
            base = self.expr(callee_node)
            values = [self.expr(v) for label, v in args if label is None and v is not None]
            index = values[0] if len(values) == 1 else ir.CollectionLit("tuple", tuple(values))
            if isinstance(index, ir.Range) and index.step is None:  # chars[i...j]: a slice, Python's chars[i:j + 1]
                return ir.Index(base, ir.Opaque("slice", (index.start, index.stop)), is_slice=True)
            if isinstance(base, ir.UnaryOp) and callee_node.type == "call_expression":
                return ir.UnaryOp(base.op, ir.Index(base.operand, index))  # !seen[r][c]: the prefix, outermost
            return ir.Index(base, index)
        labels = tuple(label for label, _ in args)
        values = [self.expr(v) if v is not None else ir.Literal("none") for _, v in args]
        values += [self.expr(c) for c in closures]
        if callee_node.type == "array_literal":  # [Int](), [[Int]](repeating: [], count: n)
            return self.special_call("Array", labels, values) or ir.Call(ir.Name("Array"), tuple(values))
        if callee_node.type == "dictionary_literal":  # [Int: Int]()
            return ir.Call(ir.Name("Dictionary"), tuple(values))
        if callee_node.type == "simple_identifier":
            name = self.text(callee_node)
            special = self.special_call(name, labels, values)
            if special is not None:
                return special
            return ir.Call(self.name_ref(name) if name in self.fields_of_type else ir.Name(name), tuple(values))
        if callee_node.type == "navigation_expression":
            target_node = self.field(callee_node, "target")
            suffix_node = self.field(callee_node, "suffix")
            method_node = self.field(suffix_node, "suffix") if suffix_node is not None else None
            method = self.text(method_node) if method_node is not None else "?"
            if target_node is None:
                return ir.Call(ir.Name(method), tuple(values))
            receiver = self.expr(target_node)
            method = _labelled_method(method, labels)
            if method == "enumerated":
                return ir.Call(ir.Name("enumerate"), (receiver,))
            if method == "contains" and len(values) == 1 and labels == (None,) \
                    and not isinstance(values[0], ir.Lambda):  # xs.contains(x) is Python's x in xs
                return ir.BinOp("in", values[0], receiver)
            if method == "joined":  # xs.joined(separator: s) is Python's s.join(xs)
                separator = values[0] if values else ir.Literal("str", '""')
                return ir.Call(ir.Attr(separator, "join"), (receiver,))
            if method in ("map", "filter", "compactMap") and len(values) == 1 and isinstance(values[0], ir.Lambda):
                return _comprehension(method, receiver, values[0])
            return ir.Call(ir.Attr(receiver, method), tuple(values))
        return ir.Call(self.expr(callee_node), tuple(values))

    def special_call(self, name: str, labels: tuple, values: list) -> ir.Expr | None:
        """``Array(repeating:count:)``, ``stride(from:to:by:)``, ``Array(xs)``, ``String(xs)``."""
        if name == "Array" and labels == ("repeating", "count") and len(values) == 2:
            item, count = values
            if isinstance(item, (ir.Comprehension, ir.CollectionLit)) or (
                    isinstance(item, ir.BinOp) and item.op == "*") or isinstance(item, ir.Call):
                return ir.Comprehension("list", item, (ir.Generator(("_",), ir.Range(ir.Literal("num", "0"), count)),))
            return ir.BinOp("*", ir.CollectionLit("list", (item,)), count)
        if name in ("Array", "String") and not any(labels) and len(values) == 1 and isinstance(values[0], ir.Call) \
                and isinstance(values[0].func, ir.Attr) and values[0].func.name == "reversed" and not values[0].args:
            return ir.Index(values[0].func.obj, ir.Opaque("reversed"), is_slice=True)  # String(s.reversed()): s[::-1]
        if name == "Array" and not any(labels) and len(values) == 1 and isinstance(values[0], ir.Call) \
                and values[0].func == ir.Name("String"):
            return values[0]  # Array(String(x)): the characters of a new string, indexed as Python indexes str(x)
        if name in ("Array", "String") and not any(labels) and len(values) == 1 and isinstance(values[0], ir.Call) \
                and isinstance(values[0].func, ir.Attr) and values[0].func.name in _SLICING:
            return values[0]  # Array(xs.dropLast()): the slice, Python's xs[:-1]
        if name == "Array" and not any(labels) and len(values) == 1 and isinstance(values[0], (ir.Name, ir.Attr)):
            return values[0]  # Array(s): Swift's way to index a string; Python indexes s itself
        if name in ("Array", "String") and not any(labels) and len(values) == 1 and isinstance(values[0], ir.Index) \
                and values[0].is_slice:
            return values[0]  # Array(xs[i...j]), String(chars[i...j]): the slice, Python's xs[i:j + 1]
        if name == "stride" and len(values) >= 2:
            step = values[2] if len(values) > 2 else None
            inclusive = len(labels) > 1 and labels[1] == "through"
            return ir.Range(values[0], values[1], step, inclusive)
        return None

    def e_constructor(self, node) -> ir.Expr:
        constructed = self.field(node, "constructed_type")
        name = "<type>"
        if constructed is not None:
            if constructed.type == "array_type":
                name = "Array"
            elif constructed.type == "dictionary_type":
                name = "Dictionary"
            else:
                name = self.text(constructed).split("<", 1)[0].strip()
        values: list[ir.Expr] = []
        labels: list = []
        for child in node.named_children:
            if child.type == "constructor_suffix":
                _, args, closures = self.arguments(child)
                labels += [label for label, v in args if v is not None]
                values += [self.expr(v) for _, v in args if v is not None]
                values += [self.expr(c) for c in closures]
        return self.special_call(name, tuple(labels), values) or ir.Call(ir.Name(name), tuple(values))


# ------------------------------------------------------------------------------------------ helpers


def _builds(value: ir.Expr | None) -> bool:
    """Does an initial value do work (build a collection, call something)?"""
    return value is not None and not isinstance(value, (ir.Name, ir.Literal, ir.Attr, ir.UnaryOp))


def _is_static(node) -> bool:
    return any(child.type == "modifiers" and "static" in child.text.decode("utf-8", "replace")
               for child in node.named_children)


def _is_private(node) -> bool:
    return any(child.type == "modifiers" and b"private" in child.text for child in node.named_children)


def _present(index: ir.Index) -> ir.Expr:
    """``d[k]`` yields a value (``if let v = d[k]``, ``d[k] != nil``): a key lookup on a dictionary, a plain
    read on an array of optionals; the receiver's kind decides (``hasKey`` in the method tables)."""
    return ir.Call(ir.Attr(index.obj, "hasKey"), (index.index,))


def _replace_rightmost(expr: ir.Expr, operand: ir.Expr) -> ir.Expr:
    if isinstance(expr, ir.BinOp):
        return ir.BinOp(expr.op, expr.left, _replace_rightmost(expr.right, operand))
    return operand


def _in_place(assign: ir.Assign, params: set[str]) -> list[ir.Stmt]:
    """``let nums = nums.sorted()`` / ``let s = nums.sorted()`` on a parameter (parameters are immutable
    in Swift, so a sorted copy is how it sorts one) is Python's ``nums.sort()`` (then ``s`` is ``nums``)."""
    value, target = assign.value, assign.targets[0]
    if isinstance(value, ir.Call) and isinstance(value.func, ir.Attr) and value.func.name == "sorted" \
            and isinstance(target, ir.Name) and isinstance(value.func.obj, ir.Name) \
            and value.func.obj.id in params | {target.id}:
        source = value.func.obj
        out: list[ir.Stmt] = [ir.ExprStmt(ir.Call(ir.Attr(source, "sort"), value.args), assign.line)]
        if source != target:
            out.append(ir.Assign((target,), source, line=assign.line))
        return out
    return [assign]


def _labelled_method(method: str, labels: tuple) -> str:
    """Methods whose meaning depends on an argument label: ``insert(x, at: i)``, ``remove(at: i)``,
    ``append(contentsOf: xs)``."""
    if method == "insert" and "at" in labels:
        return "insertAt"
    if method == "remove" and "at" in labels:
        return "removeAt"
    if method == "append" and "contentsOf" in labels:
        return "appendContents"
    return method


def _comprehension(method: str, receiver: ir.Expr, function: ir.Lambda) -> ir.Comprehension:
    targets = function.params[:1] or ("$0",)
    if method == "filter":
        return ir.Comprehension("list", ir.Name(targets[0]), (ir.Generator(targets, receiver, (function.body,)),))
    return ir.Comprehension("list", function.body, (ir.Generator(targets, receiver),))


def _identifiers(node) -> list:
    """The simple identifiers bound by a pattern (in order)."""
    out = []
    stack = [node]
    while stack:
        current = stack.pop()
        if current.type == "simple_identifier":
            out.append(current)
            continue
        if current.type in ("user_type", "type_annotation"):
            continue
        stack.extend(reversed(current.named_children))
    return out


def _local_kind(kind: str) -> str | None:
    if kind == "any":
        return None
    return "list" if kind == "seq" else kind


def _does_work(function: ir.FunctionDef) -> bool:
    """An initialiser that only stores parameters and literals does no work of its own."""
    for stmt in function.body:
        if not isinstance(stmt, ir.Assign):
            return True
        if not isinstance(stmt.value, (ir.Name, ir.Literal)) and stmt.value is not None:
            return True
    return False


def extract(source: str, path: str | None = None) -> ir.Module:
    """Parse Swift ``source`` and convert it to IR; SourceSyntaxError on a syntax error."""
    return SwiftExtractor.extract(source, path)
