"""Kotlin extractor: tree-sitter-kotlin syntax tree -> IR, plus Kotlin's tables for the shared vocabulary.

Kotlin's loops name their domain (``0 until n``, ``n - 1 downTo 0``, ``a..b``, ``xs.indices``,
``xs.withIndex()``, ``repeat(n) { }``): they become ``Foreach`` over a ``Range`` (or over the collection),
as Python's ``range`` / ``enumerate`` do.  ``intArrayOf(a, b)`` / ``listOf(..)`` are collection literals,
``IntArray(n)`` / ``Array(n) { .. }`` sized constructions.  Classes are handled as in Java (see
``extractors/java.py``): a class without constructor is a ``Solution`` whose properties are locals of the
entry function and whose other functions are closures of it; otherwise properties are fields and the
primary constructor plus ``init`` blocks are ``__init__``.  ``break`` / ``continue`` parse as identifiers
in this grammar and are recognised by their text.
"""

from __future__ import annotations

from skeldsl import ir
from skeldsl.normalise.spec import LanguageSpec, methods_by_kind

from ._jvm import (ClassScope, calls_itself, char_array, drop_default_inserts, entry_method,
                   fold_parameter_fields, kind_of_type, param_kind, return_collection_itself, returned_value,
                   simple_type_name,
                   string_of, unwrap_char_array)
from ._treesitter import TreeSitterExtractor, handler_table
from .java import _user_call

# ------------------------------------------------------------------------------------------- tables

_LIST = {
    "add": "list.append", "addAll": "list.extend", "insert": "list.insert", "removeAt": "list.del",
    "removeLast": "list.pop", "removeFirst": "list.popfront", "remove": "list.del", "contains": "list.has",
    "indexOf": "list.find", "lastIndexOf": "list.find", "sort": "sort", "sorted": "sort", "sortBy": "sort",
    "sortedBy": "sort", "sortDescending": "sort", "sortedDescending": "sort", "sortWith": "sort",
    "sortedWith": "sort", "sortedByDescending": "sort", "sortByDescending": "sort", "reverse": "reverse",
    "reversed": "wrap", "subList": "slice", "copyOfRange": "slice", "slice": "slice", "toList": "copy",
    "toMutableList": "copy", "toIntArray": "copy", "toTypedArray": "copy", "copyOf": "copy", "clear": "none",
    "fill": "none", "binarySearch": "bsearch", "joinToString": "str.join", "push": "list.append",
    "pop": "list.pop", "peek": "none", "set": "none", "get": "none", "first": "none", "last": "none",
    "withIndex": "wrap", "asList": "wrap", "toSet": "copy", "toHashSet": "copy", "toMutableSet": "copy",
}
_DEQUE = {
    "addLast": "deque.push", "add": "deque.push", "offer": "deque.push", "offerLast": "deque.push",
    "addFirst": "deque.pushfront", "offerFirst": "deque.pushfront", "push": "deque.pushfront",
    "removeFirst": "deque.popfront", "poll": "deque.popfront", "pollFirst": "deque.popfront",
    "pop": "deque.popfront", "removeFirstOrNull": "deque.popfront", "remove": "deque.popfront",
    "removeLast": "deque.pop", "pollLast": "deque.pop", "removeLastOrNull": "deque.pop",
    "first": "none", "last": "none", "peek": "none", "peekFirst": "none", "peekLast": "none",
    "firstOrNull": "none", "lastOrNull": "none", "clear": "none", "contains": "list.has",
}
_HEAP = {
    "add": "heap.push", "offer": "heap.push", "poll": "heap.pop", "remove": "heap.pop", "peek": "heap.top",
    "clear": "none", "addAll": "heap.push",
}
_MAP = {
    "containsKey": "map.has", "get": "map.get", "getOrDefault": "map.get", "getValue": "map.get",
    "put": "map.put", "getOrPut": "map.get", "putIfAbsent": "map.put", "computeIfAbsent": "map.get",
    "merge": "map.put", "remove": "map.del", "keys": "wrap", "values": "wrap", "entries": "wrap",
    "clear": "none", "containsValue": "reduce", "toList": "copy", "toSortedMap": "sort",
}
_SET = {
    "add": "set.add", "contains": "set.has", "remove": "set.del", "addAll": "set.add", "removeAll": "set.del",
    "clear": "none", "toList": "copy", "toSortedSet": "sort",
}
_TREE = {
    "put": "tree.put", "add": "tree.put", "get": "tree.get", "getOrDefault": "tree.get", "remove": "tree.del",
    "containsKey": "tree.has", "contains": "tree.has", "floorKey": "tree.near", "ceilingKey": "tree.near",
    "lowerKey": "tree.near", "higherKey": "tree.near", "floor": "tree.near", "ceiling": "tree.near",
    "lower": "tree.near", "higher": "tree.near", "firstKey": "tree.near", "lastKey": "tree.near",
    "first": "tree.near", "last": "tree.near", "floorEntry": "tree.near", "ceilingEntry": "tree.near",
    "pollFirst": "tree.del", "pollLast": "tree.del", "pollFirstEntry": "tree.del", "pollLastEntry": "tree.del",
    "keys": "wrap", "values": "wrap", "entries": "wrap", "headMap": "slice", "tailMap": "slice",
}
_STR = {
    "join": "str.join",  # "".join(chars), the IR of new String(chars)
    "substring": "slice", "indexOf": "str.find", "lastIndexOf": "str.find", "contains": "str.find",
    "startsWith": "str.find", "endsWith": "str.find", "split": "str.split", "replace": "str.replace",
    "toCharArray": "copy", "lowercase": "copy", "uppercase": "copy", "toLowerCase": "copy",
    "toUpperCase": "copy", "reversed": "reverse", "trim": "none", "toInt": "none", "toLong": "none",
    "repeat": "copy", "equals": "none", "compareTo": "none", "toList": "copy", "toString": "none",
    "chunked": "str.split", "padStart": "copy", "padEnd": "copy", "get": "none", "first": "none", "last": "none",
}
_STRBUF = {
    "append": "strbuf.append", "insert": "list.insert", "reverse": "reverse", "toString": "none",
    "deleteCharAt": "list.del", "setLength": "none", "setCharAt": "none", "clear": "none",
}
_ANY = {  # unknown receivers: distinctive names decide; collection extension functions on anything
    "containsKey": "map.has", "getOrDefault": "map.get", "getOrPut": "map.get", "put": "map.put",
    "addLast": "deque.push", "addFirst": "deque.pushfront", "removeFirst": "deque.popfront",
    "removeLast": "list.pop", "offer": "deque.push", "poll": "deque.popfront", "append": "strbuf.append",
    "add": "list.append", "removeAt": "list.del", "isEmpty": "empty", "isNotEmpty": "nonempty",
    "forEach": "iterate", "forEachIndexed": "iterate", "map": "iterate", "filter": "iterate",
    "mapIndexed": "iterate", "any": "reduce", "all": "reduce", "none": "reduce", "count": "reduce",
    "sum": "reduce", "sumOf": "reduce", "max": "reduce", "min": "reduce", "maxOrNull": "reduce",
    "minOrNull": "reduce", "maxOf": "reduce", "minOf": "reduce", "average": "reduce", "fold": "reduce",
    "reduce": "reduce", "sorted": "sort", "sortedBy": "sort", "sortedDescending": "sort", "sort": "sort",
    "sortBy": "sort", "sortedWith": "sort", "sortWith": "sort", "sortedByDescending": "sort",
    "reversed": "wrap", "reverse": "reverse", "withIndex": "wrap", "indices": "wrap", "toList": "copy",
    "toMutableList": "copy",
    "toIntArray": "copy", "toCharArray": "copy", "toSet": "copy", "toHashSet": "copy", "toMutableSet": "copy",
    "toTypedArray": "copy", "copyOf": "copy", "clone": "copy", "joinToString": "str.join",
    "substring": "slice",
    "subList": "slice", "copyOfRange": "slice", "contentEquals": "reduce", "distinct": "copy",
    "groupBy": "copy", "zip": "wrap", "keys": "wrap", "values": "wrap", "entries": "wrap",
    "sortedArray": "sort", "sortedArrayDescending": "sort", "sortedArrayWith": "sort",
    "sortDescending": "sort",
    "sliceArray": "slice", "take": "slice", "takeLast": "slice", "drop": "slice", "dropLast": "slice",
    "copyInto": "slice", "toDoubleArray": "copy", "toLongArray": "copy", "toMutableMap": "copy",
    "split": "str.split", "maxOfOrNull": "reduce", "minOfOrNull": "reduce", "maxByOrNull": "reduce",
    "minByOrNull": "reduce", "maxBy": "reduce", "minBy": "reduce", "asReversed": "wrap",
    "toString": "none", "toInt": "none", "toLong": "none", "toChar": "none", "equals": "none",
    "compareTo": "none", "code": "none", "digitToInt": "none", "isDigit": "none", "isLetter": "none",
    "isLetterOrDigit": "none", "lowercaseChar": "none", "uppercaseChar": "none", "first": "none",
    "last": "none", "firstOrNull": "none", "lastOrNull": "none", "fill": "none", "let": "none",
    "also": "none", "apply": "none", "coerceAtLeast": "none", "coerceAtMost": "none", "coerceIn": "none",
}

_METHODS = methods_by_kind(list=_LIST, deque=_DEQUE, heap=_HEAP, map=_MAP, set=_SET, tree=_TREE, str=_STR,
                           strbuf=_STRBUF, any=_ANY)
for _kind in ("list", "deque", "heap", "map", "set", "tree", "str"):  # size tests of every container
    _METHODS.update({(_kind, "isEmpty"): "empty", (_kind, "isNotEmpty"): "nonempty"})

_ARRAYS = ("IntArray", "LongArray", "BooleanArray", "DoubleArray", "FloatArray", "CharArray", "ByteArray",
           "ShortArray", "Array")
# xxxOf(a, b, ...) builders: collection literals of this kind
_LITERAL_BUILDERS = {
    **{name: "list" for name in ("intArrayOf", "longArrayOf", "booleanArrayOf", "doubleArrayOf", "charArrayOf",
                                 "arrayOf", "listOf", "mutableListOf", "arrayListOf", "emptyList")},
    **{name: "set" for name in ("setOf", "mutableSetOf", "hashSetOf", "linkedSetOf", "emptySet")},
    **{name: "map" for name in ("mapOf", "mutableMapOf", "hashMapOf", "linkedMapOf", "emptyMap")},
}

SPEC = LanguageSpec(
    name="kotlin",
    constructors={
        "HashMap": "map", "LinkedHashMap": "map", "mutableMapOf": "map", "hashMapOf": "map",
        "linkedMapOf": "map", "mapOf": "map", "HashSet": "set", "LinkedHashSet": "set", "mutableSetOf": "set",
        "hashSetOf": "set", "setOf": "set", "ArrayList": "list", "mutableListOf": "list", "arrayListOf": "list",
        "listOf": "list", "Stack": "list", "ArrayDeque": "deque", "LinkedList": "deque",
        "PriorityQueue": "heap", "TreeMap": "tree", "TreeSet": "tree", "sortedMapOf": "tree",
        "sortedSetOf": "tree", "StringBuilder": "strbuf", "<array>": "list", "arrayOfNulls": "list",
        **{name: "list" for name in _ARRAYS},
    },
    methods=_METHODS,
    functions={
        "<chars>": ("view", 0),  # _jvm.CHAR_VIEW: s.toCharArray()
        "maxOf": ("none", 0), "minOf": ("none", 0), "abs": ("none", 0), "println": ("none", 0),
        "print": ("none", 0), "sqrt": ("none", 0), "Math.max": ("none", 0), "Math.min": ("none", 0),
        "Math.abs": ("none", 0), "Math.sqrt": ("none", 0), "Math.pow": ("none", 0), "Math.floorMod": ("none", 0),
        "enumerate": ("wrap", 0), "Arrays.sort": ("sort", 0), "Collections.sort": ("sort", 0),
        "Arrays.fill": ("none", 0), "Collections.reverse": ("reverse", 0), "require": ("none", 0),
        "String": ("none", 0), "Pair": ("none", 0), "Triple": ("none", 0), "check": ("none", 0),
        "Integer.bitCount": ("none", 0), "Character.isDigit": ("none", 0), "error": ("none", 0),
    },
    size_attributes=frozenset({"size", "length", "lastIndex"}),
    memo_decorators=frozenset(),
    self_names=frozenset({"this"}),
)

_RANGE_INFIXES = frozenset({"until", "downTo", "rangeUntil"})
# bitwise infix functions are the operators other languages write (``1 shl n`` is ``1 << n``: a loop bound)
_BIT_INFIXES = {"shl": "<<", "shr": ">>", "ushr": ">>", "and": "&", "or": "|", "xor": "^"}
_ITERATION_PROPERTIES = frozenset({"keys", "values", "entries"})

_ARRAY_CONSTRUCTORS = frozenset({"<array>", *_ARRAYS})  # ``new int[n]`` (arrays built empty, filled later)

# ----------------------------------------------------------------------------------------- extractor


class KotlinExtractor(TreeSitterExtractor):
    LANGUAGE = "kotlin"
    IGNORED = frozenset({"line_comment", "block_comment", "comment", "import", "import_list", "import_header",
                         "package_header", "modifiers", "shebang_line", "file_annotation", "label",
                         "type_arguments", "type_parameters", "type_constraints", "annotation", ";"})
    STATEMENTS = handler_table(
        h_block=["block", "statements"],
        h_property=["property_declaration"],
        h_assignment=["assignment"],
        h_for=["for_statement"],
        h_while=["while_statement", "do_while_statement"],
        h_if=["if_expression"],
        h_when=["when_expression"],
        h_return=["return_expression"],
        h_jump=["identifier", "labeled_expression"],
        h_try=["try_expression"],
        h_local_function=["function_declaration"],
        h_local_class=["class_declaration", "object_declaration"],
        h_call_statement=["call_expression"],
        h_ignore=["type_alias", "getter", "setter"],
    )
    EXPRESSIONS = handler_table(
        e_identifier=["identifier"],
        e_number=["number_literal", "float_literal", "integer_literal", "long_literal", "hex_literal",
                  "bin_literal", "unsigned_literal", "real_literal"],
        e_string=["string_literal", "multiline_string_literal"],
        e_char=["character_literal"],
        e_bool=["boolean_literal"],
        e_none=["null_literal", "callable_reference", "class_literal", "object_literal", "anonymous_function"],
        e_this=["this_expression", "super_expression"],
        e_parenthesized=["parenthesized_expression", "annotated_expression"],
        e_kbinary=["binary_expression", "comparison_expression", "equality_expression", "conjunction_expression",
                   "disjunction_expression", "additive_expression", "multiplicative_expression",
                   "elvis_expression"],
        e_in=["in_expression"],
        e_kunary=["unary_expression", "prefix_expression", "postfix_expression"],
        e_navigation=["navigation_expression"],
        e_index=["index_expression"],
        e_call=["call_expression"],
        e_if=["if_expression"],
        e_lambda=["lambda_literal", "annotated_lambda"],
        e_range=["range_expression"],
        e_infix=["infix_expression"],
        e_as=["as_expression"],
        e_opaque=["is_expression", "when_expression", "try_expression", "throw_expression", "return_expression",
                  "labeled_expression", "interpolation", "spread_expression", "check_expression",
                  "value_argument", "when_subject", "collection_literal", "jump_expression", "when_entry",
                  "when_condition", "range_test", "type_test", "control_structure_body"],
        e_string_part=["string_content", "escape_sequence", "character_escape_seq"],
        e_type=["user_type", "nullable_type", "function_type", "type_identifier"],
    )

    def __init__(self, source: bytes, path: str | None) -> None:
        super().__init__(source, path)
        self.scope = ClassScope()

    def statements(self, nodes) -> tuple[ir.Stmt, ...]:
        return drop_default_inserts(return_collection_itself(super().statements(nodes), _ARRAY_CONSTRUCTORS))

    # ---------------------------------------------------------------------------- module level

    def module(self, root) -> ir.Module:
        functions: list[ir.FunctionDef] = []
        for node in self.named(root):
            if node.type in ("class_declaration", "object_declaration"):
                functions += self.class_methods(node)
            elif node.type == "function_declaration":
                function = self.function(node, None)
                if function is not None:
                    functions.append(function)
            elif node.type in ("property_declaration", "type_alias") or node.type in self.IGNORED:
                continue
            else:
                self.unknown(node, "declaration")
        return ir.Module("kotlin", tuple(functions))

    def class_methods(self, node) -> list[ir.FunctionDef]:
        name_node = self.field(node, "name")
        owner = self.text(name_node) if name_node is not None else "<object>"
        body = next((c for c in node.named_children if c.type in ("class_body", "enum_class_body")), None)
        members = self.named(body) if body is not None else []
        primary = next((c for c in node.named_children if c.type == "primary_constructor"), None)
        class_params = self.class_parameters(primary)
        functions = [m for m in members if m.type == "function_declaration" and _has_body(m)]
        # ``class MyCalendar() {`` declares its (empty) primary constructor: a design class, not a Solution
        has_constructor = primary is not None or bool(class_params) or any(
            m.type in ("anonymous_initializer", "secondary_constructor") for m in members)
        nested: list[ir.FunctionDef] = []
        for member in members:
            if member.type in ("class_declaration", "object_declaration"):
                nested += self.class_methods(member)
            elif member.type == "companion_object":
                nested += self.class_methods(member)
        if functions and not has_constructor and node.type == "class_declaration" \
                and not self.recursive_entry(functions):
            return self.solution_class(owner, members, functions) + nested
        fields = {p.name for p in class_params}
        initialisers: list[ir.Stmt] = []
        for member in members:
            if member.type == "property_declaration":
                initialisers += self.property(member, fields, as_locals=False)
        self.scope.enter_class(frozenset(fields))
        try:
            methods: list[ir.FunctionDef] = []
            init_body: list[ir.Stmt] = list(initialisers)
            saved = self.scope.enter_method(p.name for p in class_params)
            try:
                for member in members:
                    if member.type == "anonymous_initializer":
                        init_body += self.statements(self.named(member))
            finally:
                self.scope.leave_method(saved)
            if has_constructor or initialisers:
                methods.append(ir.FunctionDef("__init__", tuple(class_params), tuple(init_body), owner,
                                              line=self.line(node)))
            for member in members:
                if member.type == "function_declaration":
                    function = self.function(member, owner)
                    if function is not None:
                        methods.append(function)
                elif member.type == "secondary_constructor":
                    continue
            return methods + nested
        finally:
            self.scope.leave_class()

    def recursive_entry(self, functions) -> bool:
        """A recursive entry function keeps its properties as fields built once (see Java)."""
        entry = entry_method(functions, self.function_name, self.text, lambda f: "private" not in self.modifiers(f))
        body = next((c for c in entry.named_children if c.type == "function_body"), None)
        return body is not None and calls_itself(self.function_name(entry), self.text(body))

    def function_name(self, node) -> str:
        return self.text(self.field(node, "name") or node.named_children[0])

    def solution_class(self, owner: str, members, functions) -> list[ir.FunctionDef]:
        """Properties become locals of the entry function, other functions its closures (see Java)."""
        entry = entry_method(functions, self.function_name, self.text, lambda f: "private" not in self.modifiers(f))
        setup: list[ir.Stmt] = []
        demoted: set[str] = set()
        for member in members:
            if member.type == "property_declaration":
                setup += self.property(member, demoted, as_locals=True)
        self.scope.enter_class(frozenset(), frozenset(demoted))
        try:
            helpers = [self.function(f, owner) for f in functions if f is not entry]
            function = self.function(entry, owner)
            assert function is not None
            fields, own = fold_parameter_fields(setup, function.params, function.body)
            body = fields + tuple(h for h in helpers if h is not None) + own
            return [ir.FunctionDef(function.name, function.params, body, owner, line=function.line)]
        finally:
            self.scope.leave_class()

    def modifiers(self, node) -> str:
        return " ".join(self.text(c) for c in node.children if c.type == "modifiers")

    def class_parameters(self, primary) -> list[ir.Param]:
        if primary is None:
            return []
        params: list[ir.Param] = []
        for group in self.named(primary):
            for param in self.named(group) if group.type == "class_parameters" else ():
                name = next((c for c in param.named_children if c.type == "identifier"), None)
                type_node = next((c for c in param.named_children if c.type in _TYPE_NODES), None)
                if name is not None:
                    params.append(ir.Param(self.text(name), param_kind(self.type_kind(type_node))))
        return params

    def property(self, node, names: set[str], as_locals: bool) -> list[ir.Stmt]:
        """``val x: T = v`` (a field unless ``as_locals``)."""
        statements = self.h_property(node, bind=as_locals)
        out: list[ir.Stmt] = []
        for stmt in statements:
            if isinstance(stmt, ir.Assign) and len(stmt.targets) == 1 and isinstance(stmt.targets[0], ir.Name):
                name = stmt.targets[0].id
                names.add(name)
                if not as_locals:
                    if stmt.value is None:
                        continue
                    stmt = ir.Assign((ir.Attr(ir.Name("this"), name),), stmt.value, declared=stmt.declared,
                                     line=stmt.line)
            out.append(stmt)
        return out

    def function(self, node, owner: str | None) -> ir.FunctionDef | None:
        body = next((c for c in node.named_children if c.type == "function_body"), None)
        if body is None:
            return None
        name = self.text(self.field(node, "name") or node.named_children[0])
        params = self.parameters(node)
        saved = self.scope.enter_method(p.name for p in params)
        try:
            statements = self.function_body(body)
        finally:
            self.scope.leave_method(saved)
        return ir.FunctionDef(name, params, statements, owner=owner, line=self.line(node))

    def function_body(self, body) -> tuple[ir.Stmt, ...]:
        children = self.named(body)
        if len(children) == 1 and children[0].type == "block":
            return self.statements(self.named(children[0]))
        return tuple(ir.Return(self.expr(child), self.line(child)) for child in children[-1:])

    def parameters(self, node) -> tuple[ir.Param, ...]:
        params_node = next((c for c in node.named_children if c.type == "function_value_parameters"), None)
        params: list[ir.Param] = []
        for param in self.named(params_node) if params_node is not None else ():
            if param.type != "parameter":
                continue
            name = next((c for c in param.named_children if c.type == "identifier"), None)
            type_node = next((c for c in param.named_children if c.type in _TYPE_NODES), None)
            if name is not None:
                params.append(ir.Param(self.text(name), param_kind(self.type_kind(type_node))))
        return tuple(params)

    def type_kind(self, type_node) -> str:
        if type_node is None:
            return "any"
        if type_node.type == "nullable_type":
            inner = next((c for c in type_node.named_children if c.type in _TYPE_NODES), None)
            return self.type_kind(inner)
        if type_node.type == "function_type":
            return "fn"
        name = simple_type_name(self.text(type_node))
        if name in _ARRAYS:
            return "list"
        return kind_of_type(name)

    # ------------------------------------------------------------------------------ statements

    def h_property(self, node, bind: bool = True) -> list[ir.Stmt]:
        children = self.named(node)
        declaration = next((c for c in children if c.type in ("variable_declaration", "multi_variable_declaration")),
                           None)
        if declaration is None:
            return []
        value_nodes = [c for c in children if c != declaration and c.type not in (
            "getter", "setter", "property_delegate", "type_constraints")]
        value = self.expr(value_nodes[-1]) if value_nodes else None
        if declaration.type == "multi_variable_declaration":
            names = [self.declared_name(v) for v in self.named(declaration) if v.type == "variable_declaration"]
            for name in names:
                self.scope.bind(name)
            return [ir.Assign((ir.CollectionLit("tuple", tuple(ir.Name(n) for n in names)),), value,
                              line=self.line(node))]
        name = self.declared_name(declaration)
        if bind:
            self.scope.bind(name)
        type_node = next((c for c in declaration.named_children if c.type in _TYPE_NODES), None)
        declared = "any" if _user_call(value, SPEC) else self.type_kind(type_node)  # see Java
        return [ir.Assign((ir.Name(name),), value, declared=None if declared == "any" else declared,
                          line=self.line(node))]

    def declared_name(self, declaration) -> str:
        name = next((c for c in declaration.named_children if c.type == "identifier"), None)
        return self.text(name) if name is not None else "_"

    def h_assignment(self, node) -> list[ir.Stmt]:
        return self.assignment(node)

    def body(self, node) -> tuple[ir.Stmt, ...]:
        if node is None:
            return ()
        if node.type == "block":
            return self.statements(self.named(node))
        return tuple(self.statement(node))

    def h_for(self, node) -> list[ir.Stmt]:
        children = [c for c in self.named(node) if c.type != "label"]
        declaration = children[0]
        if declaration.type == "multi_variable_declaration":
            names = tuple(self.declared_name(v) for v in self.named(declaration) if v.type == "variable_declaration")
        else:
            names = (self.declared_name(declaration),)
        for name in names:
            self.scope.bind(name)
        iterable = self.iteration_domain(children[1]) if len(children) > 1 else ir.Literal("none")
        body = self.body(children[2]) if len(children) > 2 else ()
        return [ir.Foreach(names, iterable, body, self.line(node))]

    def iteration_domain(self, node) -> ir.Expr:
        """``xs.indices`` -> range(size of xs); ``xs.withIndex()`` -> enumerate(xs); else the expression."""
        if node.type == "navigation_expression":
            parts = self.named(node)
            if len(parts) == 2 and self.text(parts[1]) == "indices":
                return ir.Range(ir.Literal("num", "0"), ir.Attr(self.expr(parts[0]), "size"))
        if node.type == "call_expression":
            callee = node.named_children[0]
            if callee.type == "navigation_expression" and len(self.named(callee)) == 2 \
                    and self.text(self.named(callee)[1]) == "withIndex":
                return ir.Call(ir.Name("enumerate"), (self.expr(self.named(callee)[0]),))
        return unwrap_char_array(self.expr(node))

    def h_while(self, node) -> list[ir.Stmt]:
        condition = self.field(node, "condition")
        body = next((c for c in self.named(node) if c != condition and c.type != "label"), None)
        return [ir.While(self.expr(condition), self.body(body), self.line(node))]

    def if_parts(self, node):
        condition = self.field(node, "condition")
        then = orelse = None
        seen_else = False
        for child in node.children:
            if child.type == "else":
                seen_else = True
            elif child.is_named and child != condition and child.type not in self.IGNORED:
                if seen_else:
                    orelse = child
                elif then is None:
                    then = child
        return condition, then, orelse

    def h_if(self, node) -> list[ir.Stmt]:
        condition, then, orelse = self.if_parts(node)
        return [ir.If(self.expr(condition), self.body(then), self.body(orelse), self.line(node))]

    def h_when(self, node) -> list[ir.Stmt]:
        """``when`` is Python's ``if / elif / else`` chain: one branch runs (each entry nests in the previous
        one's ``else``, and an ``else ->`` entry is the last ``else``)."""
        out: list[ir.Stmt] = []
        entries: list[tuple[tuple[ir.Expr, ...], tuple[ir.Stmt, ...], int]] = []
        for child in self.named(node):
            if child.type == "when_subject":
                out += [ir.ExprStmt(self.expr(c), self.line(c)) for c in self.named(child)
                        if c.type != "variable_declaration"]
            elif child.type == "when_entry":
                parts = self.named(child)
                if not parts:
                    continue
                conditions = tuple(self.expr(c) for c in parts[:-1])
                entries.append((conditions, self.body(parts[-1]), self.line(child)))
        chain: tuple[ir.Stmt, ...] = ()
        for conditions, body, line in reversed(entries):
            chain = (ir.If(ir.Opaque("case", conditions), body, chain, line),) if conditions else body + chain
        return [ir.Block(tuple(out) + chain, self.line(node))]

    def h_return(self, node) -> list[ir.Stmt]:
        children = [c for c in self.named(node) if c.type != "label"]
        return [ir.Return(returned_value(self.expr(children[0])) if children else None, self.line(node))]

    def h_jump(self, node) -> list[ir.Stmt]:
        text = self.text(node)
        if text.startswith("break"):
            return [ir.Break(self.line(node))]
        if text.startswith("continue"):
            return [ir.Continue(self.line(node))]
        if node.type == "labeled_expression":
            return [ir.Block(self.statements(c for c in self.named(node) if c.type != "label"), self.line(node))]
        return [ir.ExprStmt(self.expr(node), self.line(node))]

    def h_try(self, node) -> list[ir.Stmt]:
        body: list[ir.Stmt] = []
        for child in self.named(node):
            if child.type == "block":
                body += self.statements(self.named(child))
            elif child.type in ("catch_block", "finally_block"):
                for part in self.named(child):
                    if part.type == "block":
                        body += self.statements(self.named(part))
        return [ir.Block(tuple(body), self.line(node))]

    def h_local_function(self, node) -> list[ir.Stmt]:
        name_node = self.field(node, "name")
        if name_node is not None:
            self.scope.bind(self.text(name_node))
        saved = set(self.scope.locals)
        try:
            function = self.function(node, None)
        finally:
            self.scope.locals = saved
        return [function] if function is not None else []

    def h_local_class(self, node) -> list[ir.Stmt]:
        return [ir.Block(tuple(self.class_methods(node)), self.line(node))]

    def h_call_statement(self, node) -> list[ir.Stmt]:
        """``repeat(n) { .. }`` is a counting loop; ``m.put(k, v)`` is ``m[k] = v`` (as in Java)."""
        callee = node.named_children[0] if node.named_children else None
        if callee is not None and callee.type == "call_expression" and self.text(callee.named_children[0]) == "repeat":
            args = self.arguments(callee)
            lam = next((c for c in node.named_children if c.type == "annotated_lambda"), None)
            if args and lam is not None:
                return [ir.Foreach(("it",), ir.Range(ir.Literal("num", "0"), args[0]),
                                   self.lambda_statements(lam), self.line(node))]
        early = self.let_return(node)
        if early is not None:
            return [early]
        call = self.expr(node)
        if isinstance(call, ir.Call) and isinstance(call.func, ir.Attr) and isinstance(call.func.obj, (ir.Name, ir.Attr)):
            name, args = call.func.name, call.args
            if name in ("put", "set") and len(args) == 2:
                return [ir.Assign((ir.Index(call.func.obj, args[0]),), args[1], line=self.line(node))]
            if name == "merge" and len(args) == 3:
                return [ir.Assign((ir.Index(call.func.obj, args[0]),), args[1], op="+", line=self.line(node))]
        return [ir.ExprStmt(call, self.line(node))]

    def let_return(self, node) -> ir.If | None:
        """``memo[k]?.let { return it }`` is ``if (memo[k] != null) { val it = memo[k]; return it }``, the
        early return Java writes with ``containsKey`` and Go with ``if v, ok := memo[k]; ok``."""
        callee = node.named_children[0] if node.named_children else None
        lam = next((c for c in node.named_children if c.type == "annotated_lambda"), None)
        if callee is None or lam is None or callee.type != "navigation_expression" \
                or not self.text(callee).endswith("?.let") or len(callee.named_children) != 2:
            return None
        literal = next((c for c in lam.named_children if c.type == "lambda_literal"), None)
        parameters = next((c for c in literal.named_children if c.type == "lambda_parameters"), None) \
            if literal is not None else None
        names = [self.text(d) for d in self.named(parameters)] if parameters is not None else ["it"]
        if len(names) != 1:
            return None
        receiver = self.expr(callee.named_children[0])
        self.scope.bind(names[0])
        body = self.lambda_statements(lam)
        if not body or not isinstance(body[-1], ir.Return):
            return None
        return ir.If(ir.BinOp("!=", receiver, ir.Literal("none")),
                     (ir.Assign((ir.Name(names[0]),), receiver, line=self.line(node)), *body), line=self.line(node))

    def lambda_statements(self, node) -> tuple[ir.Stmt, ...]:
        literal = node if node.type == "lambda_literal" else next(
            (c for c in node.named_children if c.type == "lambda_literal"), None)
        if literal is None:
            return ()
        return self.statements(c for c in self.named(literal) if c.type != "lambda_parameters")

    # ----------------------------------------------------------------------------- expressions

    def e_identifier(self, node) -> ir.Expr:
        text = self.text(node)
        if text in ("true", "false") and text not in self.scope.locals:
            return ir.Literal("bool", text)  # the grammar parses some boolean literals as identifiers
        return self.scope.name(text)

    def e_this(self, node) -> ir.Expr:
        return ir.Name("this")

    def e_type(self, node) -> ir.Expr:
        return ir.Name(simple_type_name(self.text(node)))

    def e_string(self, node) -> ir.Expr:
        parts = tuple(self.expr(c) for c in self.named(node) if c.type == "interpolation")
        return ir.Opaque("template", parts) if parts else ir.Literal("str", self.text(node))

    def e_string_part(self, node) -> ir.Expr:
        return ir.Literal("str")

    def e_kbinary(self, node) -> ir.Expr:
        constructed = self.misparsed_generic_call(node)
        return constructed if constructed is not None else self.e_binary(node)

    def misparsed_generic_call(self, node) -> ir.Expr | None:
        """tree-sitter-kotlin reads ``PriorityQueue<Int>(reverseOrder())`` and ``ArrayDeque<Int>(n)`` (one
        simple type argument and one argument) as ``(PriorityQueue < Int) > (reverseOrder())``: a
        comparison of a capitalised name (or a builder such as ``arrayOfNulls``) with a capitalised name is
        that constructor call."""
        left, right = self.field(node, "left"), self.field(node, "right")
        if left is None or right is None or left.type != "binary_expression" or \
                right.type != "parenthesized_expression" or self.operator(node) != ">":
            return None
        name, type_argument = self.field(left, "left"), self.field(left, "right")
        if name is None or type_argument is None or name.type != "identifier" or \
                type_argument.type != "identifier" or self.operator(left) != "<":
            return None
        callee, argument = self.text(name), self.text(type_argument)
        if not ((callee[:1].isupper() or callee in SPEC.constructors) and argument[:1].isupper()):
            return None
        return ir.Call(ir.Name(callee), tuple(self.expr(child) for child in self.named(right)))

    def e_in(self, node) -> ir.Expr:
        op = "not in" if "!in" in self.text(node)[len(self.text(self.field(node, "left"))):] else "in"
        right = self.field(node, "right")
        return ir.BinOp(op, self.expr(self.field(node, "left")), self.iteration_domain(right))

    def e_kunary(self, node) -> ir.Expr:
        argument = self.field(node, "argument") or self.named(node)[-1]
        op = self.operator(node)
        if op in ("++", "--"):
            return ir.UnaryOp(op, self.expr(argument))
        if op == "!!":
            return self.expr(argument)
        return ir.UnaryOp("not" if op == "!" else op, self.expr(argument))

    def e_navigation(self, node) -> ir.Expr:
        parts = self.named(node)
        if len(parts) < 2:
            return self.expr(parts[0]) if parts else ir.Literal("none")
        obj_node, name = parts[0], self.text(parts[-1])
        if obj_node.type == "this_expression" and self.scope.demoted(name):
            return ir.Name(name)
        if obj_node.type == "identifier" and self.static_receiver(self.text(obj_node)):
            return ir.Name(f"{self.text(obj_node)}.{name}")
        obj = self.expr(obj_node)
        if name in _ITERATION_PROPERTIES:
            return ir.Call(ir.Attr(obj, name), ())  # m.keys: the map's keys, as Python's d.keys()
        if name == "indices":
            return ir.Range(ir.Literal("num", "0"), ir.Attr(obj, "size"))
        return ir.Attr(obj, name)

    def static_receiver(self, name: str) -> bool:
        return name[:1].isupper() and name not in self.scope.locals and not isinstance(self.scope.name(name), ir.Attr)

    def e_index(self, node) -> ir.Expr:
        parts = self.named(node)
        obj = self.expr(parts[0])
        indexes = tuple(self.expr(c) for c in parts[1:])
        index: ir.Expr = indexes[0] if len(indexes) == 1 else ir.CollectionLit("tuple", indexes)
        if parts[0].type in ("unary_expression", "prefix_expression", "index_expression") \
                and isinstance(obj, ir.UnaryOp):
            # the grammar reads ``!seen[i][j]`` as ``((!seen)[i])[j]``: a prefix operator applies to the element
            return ir.UnaryOp(obj.op, ir.Index(obj.operand, index))
        return ir.Index(obj, index)

    def arguments(self, node) -> tuple[ir.Expr, ...]:
        args: list[ir.Expr] = []
        for child in self.named(node):
            if child.type == "value_arguments":
                for argument in self.named(child):
                    inner = [c for c in self.named(argument) if c.type not in ("value_argument_label",)]
                    if inner:
                        args.append(self.expr(inner[-1]))
            elif child.type == "annotated_lambda":
                args.append(self.expr(child))
        return tuple(args)

    def e_call(self, node) -> ir.Expr:
        return _prefix_outside(self.plain_call(node))

    def plain_call(self, node) -> ir.Expr:
        callee = node.named_children[0]
        args = self.arguments(node)
        if callee.type == "call_expression":  # f(a) { lambda }: the trailing lambda is one more argument
            inner = self.e_call(callee)
            if isinstance(inner, ir.Call):
                return ir.Call(inner.func, inner.args + args)
            return ir.Opaque("call", (inner,) + args)
        if callee.type == "identifier":
            name = self.text(callee)
            if name in _LITERAL_BUILDERS and args:
                kind = _LITERAL_BUILDERS[name]
                if kind == "map":
                    return ir.CollectionLit("map", args)
                return ir.CollectionLit(kind, args)
            if name in _ARRAYS:
                return ir.Call(ir.Name(name), args[:1])
            if name == "String" and len(args) == 1:
                return string_of(args)
            target = self.scope.name(name)
            return ir.Call(target if isinstance(target, ir.Attr) else ir.Name(name), args)
        if callee.type == "navigation_expression":
            parts = self.named(callee)
            if len(parts) >= 2:
                obj_node, name = parts[0], self.text(parts[-1])
                if obj_node.type == "identifier" and self.static_receiver(self.text(obj_node)):
                    return ir.Call(ir.Name(f"{self.text(obj_node)}.{name}"), args)
                obj = self.expr(obj_node)
                chars = char_array(obj, name, args)
                if chars is not None:
                    return chars
                if isinstance(obj, (ir.Name, ir.Attr, ir.Index)):
                    if name == "get" and len(args) == 1:
                        return ir.Index(obj, args[0])
                    if name == "add" and len(args) == 2:
                        name = "insert"
                    elif name == "removeAt" and len(args) == 1 and _is_last_index(args[0], obj):
                        name, args = "removeLast", ()
                return ir.Call(ir.Attr(obj, name), args)
        return ir.Call(self.expr(callee), args)

    def e_if(self, node) -> ir.Expr:
        condition, then, orelse = self.if_parts(node)
        return ir.Cond(self.expr(condition), self.branch_value(then), self.branch_value(orelse))

    def branch_value(self, node) -> ir.Expr:
        if node is None:
            return ir.Literal("none")
        if node.type == "block":
            from .java import _statement_exprs

            return ir.Opaque("block", _statement_exprs(self.statements(self.named(node))))
        return self.expr(node)

    def e_lambda(self, node) -> ir.Expr:
        literal = node if node.type == "lambda_literal" else next(
            (c for c in node.named_children if c.type == "lambda_literal"), None)
        if literal is None:
            return ir.Opaque("lambda")
        params: list[str] = []
        for child in literal.named_children:
            if child.type == "lambda_parameters":
                for declaration in self.named(child):
                    if declaration.type == "variable_declaration":
                        params.append(self.declared_name(declaration))
                    elif declaration.type == "multi_variable_declaration":
                        params += [self.declared_name(v) for v in self.named(declaration)]
        if not params:
            params = ["it"]
        for param in params:
            self.scope.bind(param)
        from .java import _statement_exprs

        exprs = _statement_exprs(self.statements(c for c in self.named(literal) if c.type != "lambda_parameters"))
        body: ir.Expr = exprs[0] if len(exprs) == 1 else ir.Opaque("block", exprs)
        return ir.Lambda(tuple(params), body)

    def e_range(self, node) -> ir.Expr:
        parts = self.named(node)
        if len(parts) != 2:
            return self.e_opaque(node)
        inclusive = "..<" not in self.text(node)
        return ir.Range(self.expr(parts[0]), self.expr(parts[1]), inclusive=inclusive)

    def e_infix(self, node) -> ir.Expr:
        parts = self.named(node)
        if len(parts) == 3 and parts[1].type == "identifier":
            function = self.text(parts[1])
            if function in _RANGE_INFIXES:
                left, right = self.expr(parts[0]), self.expr(parts[2])
                if function == "downTo":
                    return ir.Range(right, left, inclusive=True)
                return ir.Range(left, right)
            if function == "step":
                inner = self.expr(parts[0])
                if isinstance(inner, ir.Range):
                    return ir.Range(inner.start, inner.stop, self.expr(parts[2]), inner.inclusive)
                return inner
            if function == "to":
                return ir.CollectionLit("tuple", (self.expr(parts[0]), self.expr(parts[2])))
            return ir.BinOp(_BIT_INFIXES.get(function, function), self.expr(parts[0]), self.expr(parts[2]))
        return self.e_opaque(node)

    def e_as(self, node) -> ir.Expr:
        return self.expr(self.field(node, "left"))


_TYPE_NODES = ("user_type", "nullable_type", "function_type", "type_identifier", "parenthesized_type")


def _has_body(node) -> bool:
    return any(c.type == "function_body" for c in node.named_children)


def _is_last_index(arg: ir.Expr, obj: ir.Expr) -> bool:
    """``xs.size - 1`` / ``xs.lastIndex``."""
    if isinstance(arg, ir.Attr) and arg.name == "lastIndex" and arg.obj == obj:
        return True
    return isinstance(arg, ir.BinOp) and arg.op == "-" and isinstance(arg.right, ir.Literal) \
        and arg.right.text == "1" and isinstance(arg.left, ir.Attr) and arg.left.name == "size" \
        and arg.left.obj == obj


def extract(source: str, path: str | None = None) -> ir.Module:
    """Parse Kotlin ``source`` with tree-sitter and convert it to IR (``SourceSyntaxError`` on bad syntax)."""
    return KotlinExtractor.extract(source, path)


def _prefix_outside(expr: ir.Expr) -> ir.Expr:
    """tree-sitter-kotlin puts a prefix operator on the callee: ``!dfs(x)`` parses as ``(!dfs)(x)`` and
    ``!q.isEmpty()`` as ``(!q).isEmpty()``; move the operator back outside the call."""
    path: list[ir.Expr] = []
    node = expr
    while isinstance(node, (ir.Call, ir.Attr)):
        path.append(node)
        node = node.func if isinstance(node, ir.Call) else node.obj
    if not path or not isinstance(node, ir.UnaryOp) or node.op in ("++", "--"):
        return expr
    rebuilt: ir.Expr = node.operand
    for outer in reversed(path):
        rebuilt = ir.Call(rebuilt, outer.args) if isinstance(outer, ir.Call) else ir.Attr(rebuilt, outer.name)
    return ir.UnaryOp(node.op, rebuilt)
