"""Java extractor: tree-sitter-java syntax tree -> IR, plus Java's tables for the shared vocabulary.

Classes become their methods (``owner`` = class name; constructors are named ``__init__`` as in Python);
bare names that are fields of the class become ``this.x``.  A few collection calls are rewritten into the
IR shapes Python produces for the same thing, so the normaliser sees one form:

* ``m.get(k)`` -> ``m[k]`` (a map lookup on maps, O(1) indexing on lists);
* ``m.put(k, v)`` / ``xs.set(i, v)`` as statements -> ``m[k] = v``; ``m.merge(k, v, f)`` -> ``m[k] += v``;
* ``xs.add(i, x)`` -> ``xs.insert(i, x)``; ``xs.remove(xs.size() - 1)`` -> ``xs.removeLast()`` (a pop);
* ``for (char c : s.toCharArray())`` iterates ``s`` (no copy, as Python's ``for c in s``).
"""

from __future__ import annotations

from skeldsl import ir
from skeldsl.normalise.spec import LanguageSpec, methods_by_kind

from ._jvm import (ClassScope, calls_itself, char_array, drop_default_inserts, entry_method,
                   fold_parameter_fields, kind_of_type, param_kind, return_collection_itself, returned_value,
                   simple_type_name, string_of, switch_chain, unwrap_char_array)
from ._treesitter import TreeSitterExtractor, handler_table

# ------------------------------------------------------------------------------------------- tables

_LIST = {
    "add": "list.append", "addAll": "list.extend", "insert": "list.insert", "removeLast": "list.pop",
    "remove": "list.del", "contains": "list.has", "indexOf": "list.find", "lastIndexOf": "list.find",
    "sort": "sort", "subList": "slice", "toArray": "copy", "clear": "none", "size": "size",
    "isEmpty": "empty", "push": "list.append", "pop": "list.pop", "peek": "none", "set": "none",
    "stream": "wrap", "forEach": "iterate", "equals": "reduce", "containsAll": "reduce", "removeFirst": "list.popfront",
    "addFirst": "list.insert", "getLast": "none", "getFirst": "none", "iterator": "wrap", "addLast": "list.append",
}
_DEQUE = {
    "offer": "deque.push", "add": "deque.push", "addLast": "deque.push", "offerLast": "deque.push",
    "push": "deque.pushfront", "addFirst": "deque.pushfront", "offerFirst": "deque.pushfront",
    "poll": "deque.popfront", "pollFirst": "deque.popfront", "removeFirst": "deque.popfront",
    "pop": "deque.popfront", "remove": "deque.popfront", "pollLast": "deque.pop", "removeLast": "deque.pop",
    "peek": "none", "peekFirst": "none", "peekLast": "none", "getFirst": "none", "getLast": "none",
    "element": "none", "size": "size", "isEmpty": "empty", "clear": "none", "contains": "list.has",
    "iterator": "wrap", "stream": "wrap", "forEach": "iterate",
}
_HEAP = {
    "offer": "heap.push", "add": "heap.push", "poll": "heap.pop", "remove": "heap.pop", "peek": "heap.top",
    "element": "heap.top", "size": "size", "isEmpty": "empty", "clear": "none", "addAll": "heap.push",
    "contains": "list.has",
}
_MAP = {
    "get": "map.get", "getOrDefault": "map.get", "containsKey": "map.has", "put": "map.put",
    "putIfAbsent": "map.put", "computeIfAbsent": "map.get", "computeIfPresent": "map.put",
    "compute": "map.put", "merge": "map.put", "remove": "map.del", "keySet": "wrap", "values": "wrap",
    "entrySet": "wrap", "size": "size", "isEmpty": "empty", "clear": "none", "containsValue": "reduce",
    "putAll": "map.put", "forEach": "iterate", "equals": "reduce",
}
_SET = {
    "add": "set.add", "contains": "set.has", "remove": "set.del", "size": "size", "isEmpty": "empty",
    "clear": "none", "addAll": "set.add", "removeAll": "set.del", "retainAll": "set.del",
    "containsAll": "reduce", "stream": "wrap", "iterator": "wrap", "forEach": "iterate", "equals": "reduce",
}
_TREE = {
    "put": "tree.put", "add": "tree.put", "get": "tree.get", "getOrDefault": "tree.get",
    "containsKey": "tree.has", "contains": "tree.has", "remove": "tree.del", "merge": "tree.put",
    "floorKey": "tree.near", "ceilingKey": "tree.near", "lowerKey": "tree.near", "higherKey": "tree.near",
    "floorEntry": "tree.near", "ceilingEntry": "tree.near", "lowerEntry": "tree.near",
    "higherEntry": "tree.near", "floor": "tree.near", "ceiling": "tree.near", "lower": "tree.near",
    "higher": "tree.near", "firstKey": "tree.near", "lastKey": "tree.near", "first": "tree.near",
    "last": "tree.near", "firstEntry": "tree.near", "lastEntry": "tree.near", "pollFirst": "tree.del",
    "pollLast": "tree.del", "pollFirstEntry": "tree.del", "pollLastEntry": "tree.del",
    "headMap": "slice", "tailMap": "slice", "subMap": "slice", "headSet": "slice", "tailSet": "slice",
    "keySet": "wrap", "values": "wrap", "entrySet": "wrap", "size": "size", "isEmpty": "empty",
    "clear": "none", "computeIfAbsent": "tree.get", "putIfAbsent": "tree.put",
}
_STR = {
    "join": "str.join",  # "".join(chars), the IR of new String(chars)
    "length": "size", "charAt": "none", "substring": "slice", "indexOf": "str.find", "lastIndexOf": "str.find",
    "contains": "str.find", "startsWith": "str.find", "endsWith": "str.find", "split": "str.split",
    "replace": "str.replace", "replaceAll": "str.replace", "toLowerCase": "copy", "toUpperCase": "copy",
    "trim": "none", "strip": "none", "toCharArray": "copy", "chars": "wrap", "equals": "none",
    "compareTo": "none", "isEmpty": "empty", "hashCode": "none", "repeat": "copy",
    "equalsIgnoreCase": "none", "concat": "str.concat", "matches": "str.find", "intern": "none",
}
_STRBUF = {
    "append": "strbuf.append", "insert": "list.insert", "reverse": "reverse", "toString": "none",
    "length": "size", "charAt": "none", "setCharAt": "none", "deleteCharAt": "list.del", "isEmpty": "empty",
    "setLength": "none", "delete": "list.del", "indexOf": "str.find",
}
_ANY = {  # receivers of unknown kind: distinctive method names decide
    "containsKey": "map.has", "getOrDefault": "map.get", "put": "map.put", "putIfAbsent": "map.put",
    "computeIfAbsent": "map.get", "keySet": "wrap", "values": "wrap", "entrySet": "wrap", "offer": "deque.push",
    "add": "list.append",
    "poll": "deque.popfront", "size": "size", "length": "size", "isEmpty": "empty", "forEach": "iterate",
    "stream": "wrap", "append": "strbuf.append", "charAt": "none", "substring": "slice",
    "toCharArray": "copy", "floorKey": "tree.near", "ceilingKey": "tree.near", "equals": "none",
    "getKey": "none", "getValue": "none", "intValue": "none", "clone": "copy", "removeLast": "list.pop",
    "insert": "list.insert", "indexOf": "list.find", "addAll": "list.extend", "subList": "slice",
    "boxed": "wrap", "sum": "reduce", "count": "reduce", "max": "reduce", "min": "reduce",
    "toArray": "copy", "getAsInt": "none", "orElse": "none", "compareTo": "none", "hashCode": "none",
    "mapToInt": "wrap", "mapToObj": "wrap", "mapToLong": "wrap", "mapToDouble": "wrap", "sorted": "sort",
    "distinct": "copy", "average": "reduce", "split": "str.split",
    # names only Deque has: a Deque<T> parameter (kind seq) is a deque, not a list
    "pollLast": "deque.pop", "pollFirst": "deque.popfront", "offerLast": "deque.push",
    "offerFirst": "deque.pushfront", "peekFirst": "none", "peekLast": "none",
}

_METHODS = methods_by_kind(list=_LIST, deque=_DEQUE, heap=_HEAP, map=_MAP, set=_SET, tree=_TREE, str=_STR,
                           strbuf=_STRBUF, any=_ANY)

SPEC = LanguageSpec(
    name="java",
    constructors={
        "HashMap": "map", "LinkedHashMap": "map", "Hashtable": "map", "ConcurrentHashMap": "map",
        "HashSet": "set", "LinkedHashSet": "set", "ArrayList": "list", "Vector": "list", "Stack": "list",
        "ArrayDeque": "deque", "LinkedList": "deque", "PriorityQueue": "heap", "TreeMap": "tree",
        "TreeSet": "tree", "StringBuilder": "strbuf", "StringBuffer": "strbuf", "<array>": "list",
        "String": "str",
    },
    methods=_METHODS,
    functions={
        "<chars>": ("view", 0),  # _jvm.CHAR_VIEW: s.toCharArray()
        "Arrays.sort": ("sort", 0), "Collections.sort": ("sort", 0), "Arrays.parallelSort": ("sort", 0),
        "Arrays.binarySearch": ("bsearch", 0), "Collections.binarySearch": ("bsearch", 0),
        "Collections.reverse": ("reverse", 0), "Arrays.copyOfRange": ("slice", 0), "Arrays.copyOf": ("copy", 0),
        "Arrays.asList": ("wrap", 0), "List.of": ("none", 0), "Set.of": ("none", 0), "Map.of": ("none", 0),
        "Arrays.fill": ("none", 0), "Arrays.stream": ("wrap", 0), "Collections.max": ("reduce", 0),
        "Collections.min": ("reduce", 0), "Arrays.equals": ("reduce", 0), "Arrays.toString": ("none", 0),
        "Arrays.deepToString": ("none", 0), "String.join": ("str.join", 1), "String.valueOf": ("none", 0),
        "Collections.swap": ("none", 0), "Collections.frequency": ("reduce", 1), "IntStream.range": ("range", 0),
        "IntStream.rangeClosed": ("range", 0), "System.arraycopy": ("slice", 0), "System.out.println": ("none", 0),
        "System.out.print": ("none", 0), "Objects.equals": ("none", 0), "Objects.hash": ("none", 0),
        "Collections.emptyList": ("none", 0), "Collections.nCopies": ("none", 0),
        **{f"Math.{name}": ("none", 0) for name in (
            "max", "min", "abs", "pow", "sqrt", "floor", "ceil", "log", "round", "floorMod", "floorDiv",
            "log10", "exp", "hypot", "signum", "cbrt", "random", "addExact", "multiplyExact", "toIntExact")},
        **{f"{box}.{name}": ("none", 0) for box in ("Integer", "Long", "Character", "Double", "Boolean")
           for name in ("parseInt", "parseLong", "valueOf", "toString", "isDigit", "isLetter",
                        "isLetterOrDigit", "isAlphabetic", "isUpperCase", "isLowerCase", "toLowerCase",
                        "toUpperCase", "bitCount", "compare", "max", "min", "sum", "toBinaryString",
                        "highestOneBit", "lowestOneBit", "numberOfTrailingZeros", "numberOfLeadingZeros",
                        "isWhitespace", "getNumericValue", "signum", "parseDouble", "reverse")},
    },
    size_attributes=frozenset({"length"}),
    memo_decorators=frozenset(),
    self_names=frozenset({"this"}),
)

_PRIMITIVE_TYPES = ("integral_type", "floating_point_type", "boolean_type", "void_type")
_CLASS_KINDS = ("class_declaration", "record_declaration", "interface_declaration", "enum_declaration")

# Factories of immutable collections from their items: collection literals of this kind.
_COLLECTION_FACTORIES = {"Set.of": "set", "List.of": "list", "Map.of": "map", "Arrays.asList": "list"}
_ARRAY_CONSTRUCTORS = frozenset({"<array>"})  # ``new int[n]`` (arrays built empty, filled later)

# ----------------------------------------------------------------------------------------- extractor


class JavaExtractor(TreeSitterExtractor):
    LANGUAGE = "java"
    IGNORED = frozenset({"line_comment", "block_comment", "comment", "import_declaration",
                         "package_declaration", ";", "marker_annotation", "annotation", "modifiers"})
    STATEMENTS = handler_table(
        h_block=["block", "constructor_body", "static_initializer"],
        h_expression_statement=["expression_statement"],
        h_local=["local_variable_declaration"],
        h_if=["if_statement"],
        h_for=["for_statement"],
        h_foreach=["enhanced_for_statement"],
        h_while=["while_statement"],
        h_do=["do_statement"],
        h_return=["return_statement", "yield_statement"],
        h_break=["break_statement"],
        h_continue=["continue_statement"],
        h_throw=["throw_statement", "assert_statement"],
        h_try=["try_statement", "try_with_resources_statement"],
        h_labeled=["labeled_statement", "synchronized_statement"],
        h_switch=["switch_expression"],
        h_local_class=["class_declaration", "local_class_declaration", "record_declaration",
                       "interface_declaration", "enum_declaration"],
        h_explicit_constructor=["explicit_constructor_invocation"],
        h_ignore=["empty_statement"],
    )
    EXPRESSIONS = handler_table(
        e_identifier=["identifier"],
        e_number=["decimal_integer_literal", "hex_integer_literal", "octal_integer_literal",
                  "binary_integer_literal", "decimal_floating_point_literal", "hex_floating_point_literal"],
        e_string=["string_literal", "text_block"],
        e_char=["character_literal"],
        e_bool=["true", "false"],
        e_none=["null_literal", "class_literal"],
        e_this=["this", "super"],
        e_parenthesized=["parenthesized_expression"],
        e_binary=["binary_expression"],
        e_unary=["unary_expression"],
        e_update=["update_expression"],
        e_assign_expr=["assignment_expression"],
        e_ternary=["ternary_expression"],
        e_cast=["cast_expression"],
        e_instanceof=["instanceof_expression"],
        e_field=["field_access"],
        e_index=["array_access"],
        e_call=["method_invocation"],
        e_new=["object_creation_expression"],
        e_new_array=["array_creation_expression"],
        e_array_literal=["array_initializer"],
        e_lambda=["lambda_expression"],
        e_opaque=["method_reference", "switch_expression_value"],
        e_switch=["switch_expression"],
        e_type=["type_identifier", "scoped_type_identifier", "generic_type", "integral_type",
                "floating_point_type", "boolean_type", "array_type"],
    )

    # member kinds, shared with the C# subclass
    CLASS_KINDS: tuple[str, ...] = _CLASS_KINDS
    CALL_KIND = "method_invocation"
    SKIPPED_MEMBERS = frozenset({"field_declaration", "enum_constant", "static_initializer", "block"})

    def __init__(self, source: bytes, path: str | None) -> None:
        super().__init__(source, path)
        self.scope = ClassScope()

    def statements(self, nodes) -> tuple[ir.Stmt, ...]:
        return drop_default_inserts(return_collection_itself(super().statements(nodes), _ARRAY_CONSTRUCTORS))

    # ---------------------------------------------------------------------------- module level

    def module(self, root) -> ir.Module:
        functions: list[ir.FunctionDef] = []
        for node in self.named(root):
            if node.type in self.CLASS_KINDS:
                functions += self.class_methods(node)
            elif node.type in self.STATEMENTS:
                functions += [s for s in self.statement(node) if isinstance(s, ir.FunctionDef)]
            elif node.type not in self.IGNORED:
                self.unknown(node, "declaration")
        return ir.Module("java", tuple(functions))

    def class_methods(self, node) -> list[ir.FunctionDef]:
        body = self.field(node, "body")
        owner = self.text(self.field(node, "name")) if self.field(node, "name") is not None else "<anon>"
        if body is None:
            return []
        members = self.named(body)
        methods_nodes = [m for m in members if m.type == "method_declaration" and self.field(m, "body") is not None]
        if methods_nodes and not any(m.type == "constructor_declaration" for m in members) \
                and node.type in ("class_declaration", "struct_declaration") \
                and not self.recursive_entry(methods_nodes):
            return self.solution_class(owner, members, methods_nodes)
        fields: set[str] = set()
        initialisers: list[ir.Stmt] = []
        for member in members:
            if member.type == "field_declaration":
                initialisers += self.field_declaration(member, fields)
        if node.type == "record_declaration":
            params = self.field(node, "parameters")
            for param in self.named(params) if params is not None else ():
                if self.field(param, "name") is not None:
                    fields.add(self.text(self.field(param, "name")))
        self.scope.enter_class(frozenset(fields))
        try:
            methods: list[ir.FunctionDef] = []
            has_constructor = any(m.type == "constructor_declaration" for m in members)
            for member in members:
                kind = member.type
                if kind in ("method_declaration", "constructor_declaration", "compact_constructor_declaration"):
                    function = self.method(member, owner)
                    if function is not None:
                        if kind != "method_declaration" and initialisers:
                            function = ir.FunctionDef(function.name, function.params,
                                                      tuple(initialisers) + function.body, owner, line=function.line)
                        methods.append(function)
                elif kind in self.CLASS_KINDS:
                    methods += self.class_methods(member)
                elif kind == "enum_body":
                    methods += self.enum_methods(member, owner)
                elif kind in self.SKIPPED_MEMBERS or kind in self.IGNORED:
                    continue
                else:
                    self.unknown(member, "class member")
            if initialisers and not has_constructor and _constructs(initialisers):
                # Field initialisers that build collections are the class's constructor (Python's __init__).
                methods.insert(0, ir.FunctionDef("__init__", (), tuple(initialisers), owner, line=self.line(node)))
            return methods
        finally:
            self.scope.leave_class()

    def recursive_entry(self, methods_nodes) -> bool:
        """Is the entry method recursive itself (``tribonacci`` memoised in a field)?  Its fields then stay
        fields, built once by the class as Python's ``__init__`` builds ``self.dp``, not on every call."""
        entry = entry_method(methods_nodes, lambda m: self.text(self.field(m, "name")), self.text,
                             lambda m: "public" in self.modifiers(m))
        body = self.field(entry, "body")
        return body is not None and calls_itself(self.text(self.field(entry, "name")), self.text(body))

    def solution_class(self, owner: str, members, methods_nodes) -> list[ir.FunctionDef]:
        """A class without constructor (LeetCode's ``Solution``): one entry method, helpers, shared fields.

        Python writes the same program as one method with nested helper functions and locals they
        capture; so that both give one skeleton, the fields become locals of the entry method (the first
        public one) and the other methods become functions nested in it (the normaliser lifts captured
        collections into parameters, as for Python closures)."""
        entry = entry_method(methods_nodes, lambda m: self.text(self.field(m, "name")), self.text,
                             lambda m: "public" in self.modifiers(m))
        setup: list[ir.Stmt] = []
        demoted: set[str] = set()
        for member in members:
            if member.type == "field_declaration":
                setup += self.field_declaration(member, demoted, as_locals=True)
        self.scope.enter_class(frozenset(), frozenset(demoted))
        try:
            helpers = [self.method(m, owner) for m in methods_nodes if m is not entry]
            function = self.method(entry, owner)
            assert function is not None
            fields, own = fold_parameter_fields(setup, function.params, function.body)
            body = fields + tuple(h for h in helpers if h is not None) + own
            methods = [ir.FunctionDef(function.name, function.params, body, owner, line=function.line)]
            for member in members:
                if member.type in self.CLASS_KINDS:
                    methods += self.class_methods(member)
            return methods
        finally:
            self.scope.leave_class()

    def modifiers(self, node) -> str:
        for child in node.children:
            if child.type == "modifiers":
                return self.text(child)
        return ""

    def enum_methods(self, node, owner: str) -> list[ir.FunctionDef]:
        methods: list[ir.FunctionDef] = []
        for member in self.named(node):
            if member.type == "enum_body_declarations":
                for inner in self.named(member):
                    if inner.type in ("method_declaration", "constructor_declaration"):
                        function = self.method(inner, owner)
                        if function is not None:
                            methods.append(function)
        return methods

    def field_declaration(self, node, fields: set[str], as_locals: bool = False) -> list[ir.Stmt]:
        type_node = self.field(node, "type")
        out: list[ir.Stmt] = []
        for declarator in self.fields(node, "declarator"):
            name = self.text(self.field(declarator, "name"))
            fields.add(name)
            value = self.field(declarator, "value")
            declared = self.declared_kind(type_node, declarator)
            target: ir.Expr = ir.Name(name) if as_locals else ir.Attr(ir.Name("this"), name)
            if value is not None or as_locals:
                out.append(ir.Assign((target,), self.expr(value) if value is not None else None,
                                     declared=None if declared == "any" else declared, line=self.line(node)))
        return out

    def method(self, node, owner: str) -> ir.FunctionDef | None:
        body = self.field(node, "body")
        if body is None:
            return None  # abstract / interface method
        name = "__init__" if node.type != "method_declaration" else self.text(self.field(node, "name"))
        params = self.parameters(self.field(node, "parameters"))
        saved = self.scope.enter_method(p.name for p in params)
        try:
            statements = self.statements(self.named(body))
        finally:
            self.scope.leave_method(saved)
        return ir.FunctionDef(name, params, statements, owner=owner, line=self.line(node))

    def parameters(self, node) -> tuple[ir.Param, ...]:
        if node is None:
            return ()
        params: list[ir.Param] = []
        for param in self.named(node):
            if param.type == "formal_parameter":
                declared = self.declared_kind(self.field(param, "type"), param)
                params.append(ir.Param(self.text(self.field(param, "name")), param_kind(declared)))
            elif param.type == "spread_parameter":
                declarator = next((c for c in param.named_children if c.type == "variable_declarator"), None)
                if declarator is not None:
                    params.append(ir.Param(self.text(self.field(declarator, "name")), "seq"))
        return tuple(params)

    def declared_kind(self, type_node, declarator=None) -> str:
        """Kind of a declared type; ``int x[]`` style dimensions on the declarator make it an array."""
        if type_node is None:
            return "any"
        array = type_node.type == "array_type" or (
            declarator is not None and self.field(declarator, "dimensions") is not None)
        if array:
            return "list"
        if type_node.type in _PRIMITIVE_TYPES:
            return "bool" if type_node.type == "boolean_type" else "num"
        return kind_of_type(simple_type_name(self.text(type_node)))

    # ------------------------------------------------------------------------------ statements

    def h_local(self, node) -> list[ir.Stmt]:
        type_node = self.field(node, "type")
        out: list[ir.Stmt] = []
        for declarator in self.fields(node, "declarator"):
            name = self.text(self.field(declarator, "name"))
            declared = self.declared_kind(type_node, declarator)
            value = self.field(declarator, "value")
            self.scope.bind(name)
            converted = self.expr(value) if value is not None else None
            if _user_call(converted, SPEC):
                declared = "any"  # a helper's result: its kind is the helper's business (Python cannot declare it)
            out.append(ir.Assign((ir.Name(name),), converted,
                                 declared=None if declared == "any" else declared, line=self.line(declarator)))
        return out

    def h_expression_statement(self, node) -> list[ir.Stmt]:
        out: list[ir.Stmt] = []
        for child in self.named(node):
            if child.type == "assignment_expression":
                out += self.assignment_chain(child)
            elif child.type == self.CALL_KIND:
                out += self.call_statement(child)
            else:
                out.append(ir.ExprStmt(self.expr(child), self.line(node)))
        return out

    def assignment_chain(self, node) -> list[ir.Stmt]:
        """``a = b = v`` -> ``a = b = v`` as one multi-target Assign (Python's shape)."""
        right = self.field(node, "right")
        op = self.operator(node)
        if op == "=" and right.type == "assignment_expression" and self.operator(right) == "=":
            inner = self.assignment_chain(right)
            last = inner[-1]
            if isinstance(last, ir.Assign) and last.op is None:
                return inner[:-1] + [ir.Assign((self.expr(self.field(node, "left")),) + last.targets,
                                               last.value, line=self.line(node))]
        return self.assignment(node)

    def call_statement(self, node) -> list[ir.Stmt]:
        """Collection calls that Python writes as subscript stores (``m.put(k, v)`` is ``m[k] = v``)."""
        call = self.expr(node)
        if isinstance(call, ir.Call) and isinstance(call.func, ir.Attr) and _is_collection_receiver(call.func.obj):
            name, args = call.func.name, call.args
            if name in ("put", "set") and len(args) == 2:
                return [ir.Assign((ir.Index(call.func.obj, args[0]),), args[1], line=self.line(node))]
            if name == "merge" and len(args) == 3:
                return [ir.Assign((ir.Index(call.func.obj, args[0]),), args[1], op="+", line=self.line(node))]
        return [ir.ExprStmt(call, self.line(node))]

    def h_if(self, node) -> list[ir.Stmt]:
        alternative = self.field(node, "alternative")
        return [ir.If(self.expr(self.field(node, "condition")), self.body(self.field(node, "consequence")),
                      self.body(alternative) if alternative is not None else (), self.line(node))]

    def body(self, node) -> tuple[ir.Stmt, ...]:
        if node is None:
            return ()
        if node.type == "block":
            return self.statements(self.named(node))
        return tuple(self.statement(node))

    def h_for(self, node) -> list[ir.Stmt]:
        init: list[ir.Stmt] = []
        for child in self.fields(node, "init"):
            if child.type == "local_variable_declaration":
                init += self.h_local(child)
            elif child.type == "assignment_expression":
                init += self.assignment(child)
            else:
                init.append(ir.ExprStmt(self.expr(child), self.line(child)))
        condition = self.field(node, "condition")
        update: list[ir.Stmt] = []
        for child in self.fields(node, "update"):
            if child.type == "assignment_expression":
                update += self.assignment(child)
            else:
                update.append(ir.ExprStmt(self.expr(child), self.line(child)))
        cond = self.expr(condition) if condition is not None else None
        return [ir.CFor(tuple(init), cond, tuple(update), self.body(self.field(node, "body")), self.line(node))]

    def h_foreach(self, node) -> list[ir.Stmt]:
        name_node = self.field(node, "name")
        name = self.text(name_node) if name_node is not None else "_"
        self.scope.bind(name)
        value = self.field(node, "value")
        iterable = self.expr(value)
        iterable = unwrap_char_array(iterable)
        return [ir.Foreach((name,), iterable, self.body(self.field(node, "body")), self.line(node))]

    def h_while(self, node) -> list[ir.Stmt]:
        return [ir.While(self.expr(self.field(node, "condition")), self.body(self.field(node, "body")),
                         self.line(node))]

    def h_do(self, node) -> list[ir.Stmt]:
        return self.h_while(node)

    def h_return(self, node) -> list[ir.Stmt]:
        children = self.named(node)
        return [ir.Return(returned_value(self.expr(children[0])) if children else None, self.line(node))]

    def h_throw(self, node) -> list[ir.Stmt]:
        return [ir.ExprStmt(self.expr(child), self.line(node)) for child in self.named(node)]

    def h_try(self, node) -> list[ir.Stmt]:
        body: list[ir.Stmt] = []
        for child in self.named(node):
            if child.type == "block":
                body += self.statements(self.named(child))
            elif child.type == "catch_clause":
                for part in self.named(child):
                    if part.type == "block":
                        body += self.statements(self.named(part))
            elif child.type == "finally_clause":
                for part in self.named(child):
                    body += self.statement(part)
            elif child.type == "resource_specification":
                for resource in self.named(child):
                    value = self.field(resource, "value")
                    if value is not None:
                        body.append(ir.ExprStmt(self.expr(value), self.line(resource)))
        return [ir.Block(tuple(body), self.line(node))]

    def h_labeled(self, node) -> list[ir.Stmt]:
        out: list[ir.Stmt] = []
        for child in self.named(node):
            if child.type == "identifier":
                continue
            if child.type == "parenthesized_expression":
                out.append(ir.ExprStmt(self.expr(child), self.line(child)))
            else:
                out += self.statement(child)
        return out

    def h_switch(self, node) -> list[ir.Stmt]:
        """``switch`` as Python's ``match``: the subject, then one branch per case."""
        out: list[ir.Stmt] = [ir.ExprStmt(self.expr(self.field(node, "condition")), self.line(node))]
        block = self.field(node, "body")
        cases: list[tuple[bool, list[ir.Stmt], int]] = []
        for group in self.named(block) if block is not None else ():
            statements: list[ir.Stmt] = []
            default = False
            for child in self.named(group):
                if child.type == "switch_label":
                    default = default or self.text(child).startswith("default")
                    continue
                if child.type == "expression_statement" or child.type in self.STATEMENTS:
                    statements += self.statement(child)
                else:
                    statements.append(ir.ExprStmt(self.expr(child), self.line(child)))
            cases.append((default, statements, self.line(group)))
        return [ir.Block(tuple(out) + switch_chain(cases, self.line(node)), self.line(node))]

    def h_local_class(self, node) -> list[ir.Stmt]:
        return [ir.Block(tuple(self.class_methods(node)), self.line(node))]

    def h_explicit_constructor(self, node) -> list[ir.Stmt]:
        arguments = self.field(node, "arguments")
        return [ir.ExprStmt(ir.Opaque("super", self.arguments(arguments)), self.line(node))]

    # ----------------------------------------------------------------------------- expressions

    def e_identifier(self, node) -> ir.Expr:
        return self.scope.name(self.text(node))

    def e_this(self, node) -> ir.Expr:
        return ir.Name("this")

    def e_type(self, node) -> ir.Expr:
        return ir.Name(simple_type_name(self.text(node)))

    def e_assign_expr(self, node) -> ir.Expr:
        """An assignment used as a value (``while ((x = next()) != null)``): the value's operations."""
        return ir.Opaque("assign", (self.expr(self.field(node, "left")), self.expr(self.field(node, "right"))))

    def e_ternary(self, node) -> ir.Expr:
        return ir.Cond(self.expr(self.field(node, "condition")), self.expr(self.field(node, "consequence")),
                       self.expr(self.field(node, "alternative")))

    def e_cast(self, node) -> ir.Expr:
        return self.expr(self.field(node, "value"))

    def e_instanceof(self, node) -> ir.Expr:
        return ir.Opaque("instanceof", (self.expr(self.field(node, "left")),))

    def e_field(self, node) -> ir.Expr:
        obj, name = self.field(node, "object"), self.text(self.field(node, "field"))
        if obj.type == "this" and self.scope.demoted(name):
            return ir.Name(name)  # this.n of a Solution class: a local of the entry method
        return ir.Attr(self.expr(obj), name)

    def e_index(self, node) -> ir.Expr:
        return ir.Index(self.expr(self.field(node, "array")), self.expr(self.field(node, "index")))

    def arguments(self, node) -> tuple[ir.Expr, ...]:
        if node is None:
            return ()
        return tuple(self.expr(child) for child in self.named(node))

    def e_call(self, node) -> ir.Expr:
        name = self.text(self.field(node, "name"))
        args = self.arguments(self.field(node, "arguments"))
        obj_node = self.field(node, "object")
        if obj_node is None:
            return ir.Call(ir.Name(name), args)
        if obj_node.type == "identifier" and self.text(obj_node)[:1].isupper() \
                and not isinstance(self.scope.name(self.text(obj_node)), ir.Attr) \
                and self.text(obj_node) not in self.scope.locals:
            literal = _COLLECTION_FACTORIES.get(f"{self.text(obj_node)}.{name}")
            if literal is not None and not (name == "asList" and len(args) == 1):
                return ir.CollectionLit(literal, args)  # Set.of('a', 'e'), Map.of(k, v): Python's literals
            return ir.Call(ir.Name(f"{self.text(obj_node)}.{name}"), args)  # static: Math.max, Arrays.sort
        obj = self.expr(obj_node)
        chars = char_array(obj, name, args)
        if chars is not None:
            return chars
        if name == "reverse" and not args and isinstance(obj, ir.Call) and isinstance(obj.func, ir.Name) \
                and SPEC.constructors.get(obj.func.id) == "strbuf" and len(obj.args) == 1:
            # new StringBuilder(s).reverse(): a reversed copy of s, Python's s[::-1]
            return ir.Index(obj.args[0], ir.Opaque("reversed"), is_slice=True)
        if _is_collection_receiver(obj):
            if name == "get" and len(args) == 1:
                return ir.Index(obj, args[0])
            if name == "add" and len(args) == 2:
                name = "insert"
            elif name == "remove" and len(args) == 1 and _is_last_index(args[0], obj):
                name, args = "removeLast", ()
        return ir.Call(ir.Attr(obj, name), args)

    def e_new(self, node) -> ir.Expr:
        type_name = simple_type_name(self.text(self.field(node, "type")))
        args = self.arguments(self.field(node, "arguments"))
        body = next((c for c in node.named_children if c.type == "class_body"), None)
        if body is not None and type_name in SPEC.constructors \
                and all(c.type == "block" for c in self.named(body)):
            # new HashMap<>() {{ put(0, 0); put(1, 1); }}: a collection literal (Python's {0: 0, 1: 1})
            return ir.Call(ir.Name(type_name), args)
        if body is not None:  # anonymous class (a Comparator ...): its methods' work is opaque here
            return ir.Opaque("anonymous_class", args)
        if type_name in ("String", "string") and len(args) == 1:
            return string_of(args)
        return ir.Call(ir.Name(type_name), args)

    def e_new_array(self, node) -> ir.Expr:
        value = self.field(node, "value")
        if value is not None:
            return self.expr(value)
        dims = tuple(self.expr(self.named(d)[0]) for d in self.fields(node, "dimensions")
                     if d.type == "dimensions_expr" and self.named(d))
        return ir.Call(ir.Name("<array>"), dims[:1])

    def e_array_literal(self, node) -> ir.Expr:
        return ir.CollectionLit("list", tuple(self.expr(child) for child in self.named(node)))

    def e_lambda(self, node) -> ir.Expr:
        params_node = self.field(node, "parameters")
        params: list[str] = []
        if params_node is not None:
            if params_node.type == "identifier":
                params = [self.text(params_node)]
            else:
                for child in self.named(params_node):
                    name = self.field(child, "name") if child.type != "identifier" else child
                    if name is not None:
                        params.append(self.text(name))
        for param in params:
            self.scope.bind(param)
        body = self.field(node, "body")
        if body is not None and body.type == "block":
            statements = self.statements(self.named(body))
            return ir.Lambda(tuple(params), ir.Opaque("block", _statement_exprs(statements)))
        return ir.Lambda(tuple(params), self.expr(body))

    def e_switch(self, node) -> ir.Expr:
        statements = self.h_switch(node)
        return ir.Opaque("switch", _statement_exprs(statements))


# ------------------------------------------------------------------------------------------ helpers


def _user_call(expr: ir.Expr | None, spec: LanguageSpec) -> bool:
    """A call of a plain name that is no library constructor or function: the program's own helper."""
    return isinstance(expr, ir.Call) and isinstance(expr.func, ir.Name) and "." not in expr.func.id \
        and expr.func.id not in spec.constructors and expr.func.id not in spec.functions


def _is_collection_receiver(expr: ir.Expr) -> bool:
    """Rewrites apply to variables and fields, not to class names (``Map.of``) or call chains."""
    if isinstance(expr, ir.Name):
        return not expr.id[:1].isupper()
    return isinstance(expr, (ir.Attr, ir.Index))


def _is_last_index(arg: ir.Expr, obj: ir.Expr) -> bool:
    """``xs.size() - 1``."""
    return isinstance(arg, ir.BinOp) and arg.op == "-" and isinstance(arg.right, ir.Literal) \
        and arg.right.text == "1" and isinstance(arg.left, ir.Call) and isinstance(arg.left.func, ir.Attr) \
        and arg.left.func.name == "size" and arg.left.func.obj == obj


def _constructs(statements: list[ir.Stmt]) -> bool:
    return any(isinstance(s, ir.Assign) and isinstance(s.value, (ir.Call, ir.CollectionLit)) for s in statements)


def _statement_exprs(statements) -> tuple[ir.Expr, ...]:
    """The expressions of a statement list, flattened (a block lambda's work, as one opaque value)."""
    out: list[ir.Expr] = []
    stack = list(reversed(statements))
    while stack:
        stmt = stack.pop()
        if isinstance(stmt, ir.ExprStmt):
            out.append(stmt.expr)
        elif isinstance(stmt, ir.Return) and stmt.value is not None:
            out.append(stmt.value)
        elif isinstance(stmt, ir.Assign):
            if stmt.value is not None:
                out.append(stmt.value)
        elif isinstance(stmt, (ir.If, ir.While)):
            if getattr(stmt, "test", None) is not None:
                out.append(stmt.test)
            stack.extend(reversed(tuple(stmt.body) + tuple(getattr(stmt, "orelse", ()))))
        elif isinstance(stmt, (ir.Block, ir.Foreach, ir.CFor)):
            stack.extend(reversed(stmt.body))
    return tuple(out)


def extract(source: str, path: str | None = None) -> ir.Module:
    """Parse Java ``source`` with tree-sitter and convert it to IR (``SourceSyntaxError`` on bad syntax)."""
    return JavaExtractor.extract(source, path)
