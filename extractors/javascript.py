"""JavaScript extractor: tree-sitter-javascript tree -> IR, plus JavaScript's tables for the vocabulary.

Untyped code gets its parameter kinds from JSDoc (``@param {number[]} nums`` -> seq), which is how
LeetCode-style JavaScript documents them; TypeScript (``extractors/typescript.py``) reads annotations
through the same type-text mapping (``type_kind``).

Idioms with a Python twin are desugared to that twin's IR so both normalise alike:
``new Array(n).fill(0)`` is ``[0] * n``; ``Array.from({length: n}, f)`` and ``new Array(n).fill(0).map(f)``
are ``[f() for _ in range(n)]``; ``xs.map(f)`` / ``xs.filter(f)`` are list comprehensions; ``[...xs]`` and
``Array.from(xs)`` copy; ``xs.forEach(x => { ... })`` as a statement is a ``for (x of xs)`` loop.
Functions are class methods, ``function`` declarations, and ``const f = (..) => {..}`` /
``X.prototype.m = function (..) {..}`` definitions (``X`` is then the owner).
"""

from __future__ import annotations

import re

from skeldsl.extractors._blocks import statement_exprs
from skeldsl.extractors._treesitter import TreeSitterExtractor, handler_table

from skeldsl import ir
from skeldsl.normalise.spec import LanguageSpec

# ------------------------------------------------------------------------------------------- tables

_ARRAY_METHODS = {
    "push": "list.append", "pop": "list.pop", "shift": "list.popfront", "unshift": "list.insert",
    "splice": "list.del", "indexOf": "list.find", "lastIndexOf": "list.find", "includes": "list.has",
    "findIndex": "list.find", "find": "list.find", "sort": "sort", "reverse": "reverse",
    "slice": "slice", "concat": "list.extend", "join": "str.join", "forEach": "iterate", "map": "iterate",
    "filter": "iterate", "reduce": "reduce", "some": "reduce", "every": "reduce", "entries": "wrap",
    "keys": "wrap", "values": "wrap", "fill": "none", "toString": "none", "extend": "list.extend",
    "copy": "copy", "toSorted": "sort",
}
_STRING_METHODS = {
    "indexOf": "str.find", "lastIndexOf": "str.find", "includes": "str.find", "startsWith": "str.find",
    "endsWith": "str.find", "split": "str.split", "replace": "str.replace", "replaceAll": "str.replace",
    "substring": "slice", "substr": "slice", "slice": "slice", "toLowerCase": "copy",
    "toUpperCase": "copy", "trim": "none", "charAt": "none", "charCodeAt": "none", "codePointAt": "none",
    "repeat": "none", "concat": "str.concat", "padStart": "none", "padEnd": "none", "localeCompare": "none",
    "at": "none", "join": "str.join",
}
_METHODS: dict[tuple[str, str], str] = {}
_METHODS.update({("list", m): op for m, op in _ARRAY_METHODS.items()})
_METHODS.update({("str", m): op for m, op in _STRING_METHODS.items()})
_METHODS.update({
    ("map", "get"): "map.get", ("map", "set"): "map.put", ("map", "has"): "map.has",
    ("map", "delete"): "map.del", ("map", "keys"): "wrap", ("map", "values"): "wrap",
    ("map", "entries"): "wrap", ("map", "forEach"): "iterate", ("map", "clear"): "none",
    ("set", "add"): "set.add", ("set", "has"): "set.has", ("set", "delete"): "set.del",
    ("set", "keys"): "wrap", ("set", "values"): "wrap", ("set", "entries"): "wrap",
    ("set", "forEach"): "iterate", ("set", "clear"): "none",
    ("map", "hasKey"): "map.has", ("tree", "hasKey"): "tree.has", ("list", "hasKey"): "none",
    ("str", "hasKey"): "none", ("*", "hasKey"): "map.has",
    ("tree", "set"): "tree.put", ("tree", "add"): "tree.put", ("tree", "get"): "tree.get",
    ("tree", "has"): "tree.has", ("tree", "delete"): "tree.del", ("tree", "higher"): "tree.near",
    ("tree", "lower"): "tree.near", ("tree", "ceil"): "tree.near", ("tree", "floor"): "tree.near",
    ("tree", "ceiling"): "tree.near", ("tree", "first"): "tree.near", ("tree", "last"): "tree.near",
    # datastructures-js Queue (push/enqueue at the back, pop/dequeue at the front), Deque and PriorityQueue
    ("queue", "enqueue"): "deque.push", ("queue", "push"): "deque.push", ("queue", "dequeue"): "deque.popfront",
    ("queue", "pop"): "deque.popfront", ("queue", "front"): "none", ("queue", "back"): "none",
    ("queue", "isEmpty"): "empty", ("queue", "size"): "size", ("queue", "toArray"): "copy",
    ("deque", "enqueue"): "deque.push", ("deque", "push"): "deque.push", ("deque", "dequeue"): "deque.popfront",
    ("deque", "pushBack"): "deque.push", ("deque", "pushFront"): "deque.pushfront",
    ("deque", "popBack"): "deque.pop", ("deque", "popFront"): "deque.popfront", ("deque", "pop"): "deque.pop",
    ("deque", "front"): "none", ("deque", "back"): "none", ("deque", "isEmpty"): "empty",
    ("deque", "size"): "size", ("deque", "toArray"): "copy",
    ("heap", "enqueue"): "heap.push", ("heap", "push"): "heap.push", ("heap", "dequeue"): "heap.pop",
    ("heap", "pop"): "heap.pop", ("heap", "front"): "heap.top", ("heap", "top"): "heap.top",
    ("heap", "isEmpty"): "empty", ("heap", "size"): "size", ("heap", "toArray"): "copy",
    ("list", "isEmpty"): "empty", ("strbuf", "push"): "strbuf.append", ("strbuf", "join"): "str.join",
    # untyped receivers: distinctive method names decide the kind
    ("*", "push"): "list.append", ("*", "shift"): "list.popfront", ("*", "unshift"): "list.insert",
    ("*", "splice"): "list.del", ("*", "forEach"): "iterate", ("*", "sort"): "sort", ("*", "join"): "str.join",
    ("*", "split"): "str.split", ("*", "enqueue"): "deque.push", ("*", "dequeue"): "deque.popfront",
    ("*", "isEmpty"): "empty", ("*", "entries"): "wrap", ("*", "keys"): "wrap", ("*", "values"): "wrap",
    ("*", "pushBack"): "deque.push", ("*", "pushFront"): "deque.pushfront", ("*", "popFront"): "deque.popfront",
    ("*", "popBack"): "deque.pop", ("*", "reverse"): "reverse", ("*", "includes"): "list.has",
    ("*", "indexOf"): "list.find", ("*", "substring"): "slice", ("*", "slice"): "slice",
    ("*", "map"): "iterate", ("*", "filter"): "iterate", ("*", "reduce"): "reduce", ("*", "some"): "reduce",
    ("*", "every"): "reduce", ("*", "extend"): "list.extend", ("*", "copy"): "copy", ("*", "toSorted"): "sort",
    ("map", "copy"): "copy", ("set", "copy"): "copy", ("str", "copy"): "copy", ("*", "size"): "size",
})

_FUNCTIONS = {
    "Math.max": ("reduce", 0), "Math.min": ("reduce", 0), "Math.abs": ("none", 0), "Math.floor": ("none", 0),
    "Math.ceil": ("none", 0), "Math.sqrt": ("none", 0), "Math.pow": ("none", 0), "Math.trunc": ("none", 0),
    "Math.round": ("none", 0), "Math.log2": ("none", 0), "Math.log": ("none", 0), "Math.sign": ("none", 0),
    "Math.random": ("none", 0), "console.log": ("none", 0), "String.fromCharCode": ("none", 0),
    "parseInt": ("none", 0), "Number": ("none", 0), "String": ("none", 0), "Boolean": ("none", 0),
    "Number.isInteger": ("none", 0), "JSON.stringify": ("copy", 0), "JSON.parse": ("copy", 0),
    "Object.keys": ("wrap", 0), "Object.values": ("wrap", 0), "Object.entries": ("wrap", 0),
    "Array.isArray": ("none", 0), "BigInt": ("none", 0), "isNaN": ("none", 0),
}

SPEC = LanguageSpec(
    name="javascript",
    constructors={
        "Map": "map", "Set": "set", "Array": "list", "Array.from": "list", "Object": "map", "WeakMap": "map",
        "Int32Array": "list", "Int16Array": "list", "Int8Array": "list", "Uint8Array": "list",
        "Uint16Array": "list", "Uint32Array": "list", "Float64Array": "list", "Float32Array": "list",
        "BigInt64Array": "list", "Queue": "queue", "Deque": "deque", "PriorityQueue": "heap",
        "MinPriorityQueue": "heap", "MaxPriorityQueue": "heap", "Heap": "heap", "MinHeap": "heap",
        "MaxHeap": "heap", "TreeMap": "tree", "TreeSet": "tree", "SortedList": "tree", "SortedSet": "tree",
    },
    methods=_METHODS,
    functions=_FUNCTIONS,
    size_attributes=frozenset({"length", "size"}),
    self_names=frozenset({"this"}),
    # engines concatenate strings into ropes (V8 ConsString): s += c is O(1), flattened once when read
    inplace_string_append=frozenset({"+=", "s = s +"}),
)

# ------------------------------------------------------------------------------------ type text kinds

_TYPE_KINDS = {
    "number": "num", "Number": "num", "bigint": "num", "int": "num", "integer": "num", "float": "num",
    "string": "str", "String": "str", "character": "str", "char": "str",
    "boolean": "bool", "Boolean": "bool", "bool": "bool",
    "Map": "map", "Object": "map", "object": "map", "Record": "map", "WeakMap": "map",
    "Set": "set", "WeakSet": "set",
    "Array": "seq", "ReadonlyArray": "seq", "Int32Array": "seq", "Uint8Array": "seq", "Float64Array": "seq",
    "Function": "fn", "function": "fn",
}
_TYPE_SPLIT = re.compile(r"\s*\|\s*")


def type_kind(text: str | None) -> str:
    """Skeleton kind of a JSDoc / TypeScript type written as text (``number[]`` -> seq, ``TreeNode | null``
    -> node, ``Map<number, number>`` -> map, ``(x: number) => void`` -> fn)."""
    if not text:
        return "any"
    text = text.strip().lstrip("?!").strip()
    if text.startswith("(") and "=>" in text:
        return "fn"
    if "|" in text:
        depth = text.count("<") + text.count("(") + text.count("{")
        if depth == 0:
            parts = [part for part in _TYPE_SPLIT.split(text) if part not in ("null", "undefined", "")]
            return type_kind(parts[0]) if parts else "any"
    while text.startswith("(") and text.endswith(")"):
        text = text[1:-1].strip()
    if text.endswith("]"):
        return "seq"  # number[], string[][], [number, number]
    head = text.split("<", 1)[0].strip().rsplit(".", 1)[-1]
    if head in _TYPE_KINDS:
        return _TYPE_KINDS[head]
    if head.endswith("Node"):
        return "node"
    return "any"


def local_kind(kind: str) -> str | None:
    """A declared local's kind: parameters' ``seq`` is a ``list`` local; unknown says nothing."""
    if kind == "any":
        return None
    return "list" if kind == "seq" else kind


_JSDOC_PARAM = re.compile(r"@param\s*\{([^}]*)\}\s*\[?([A-Za-z_$][\w$]*)")

# ------------------------------------------------------------------------------------- extraction

#: what using a member of an undocumented parameter says about its kind (see ``usage_kinds``)
_MEMBER_EVIDENCE = {
    **{name: "node" for name in ("left", "right", "next", "val", "children", "neighbors", "random", "prev")},
    **{name: "str" for name in ("charAt", "charCodeAt", "codePointAt", "substring", "substr", "split",
                                "toLowerCase", "toUpperCase", "startsWith", "endsWith", "trim", "padStart",
                                "padEnd", "repeat", "localeCompare", "replace", "replaceAll", "match")},
    **{name: "seq" for name in ("push", "pop", "shift", "unshift", "splice", "sort", "map", "filter", "reduce",
                                "forEach", "some", "every", "fill", "findIndex", "reverse", "join", "flat")},
}
_NUMERIC_OPERATORS = frozenset({"-", "*", "/", "%", "**", ">>", "<<", ">>>", "&", "|", "^", "<", ">", "<=", ">="})
_NAMESPACES = frozenset({"Math", "Number", "String", "JSON", "Object", "Array", "console", "BigInt"})
_FUNCTION_VALUES = frozenset({"arrow_function", "function_expression", "function", "generator_function"})
_COMPARISON = {"===": "==", "!==": "!=", "&&": "and", "||": "or", "??": "or"}


class JavaScriptExtractor(TreeSitterExtractor):
    """Handlers for tree-sitter-javascript node kinds (TypeScript's extractor extends the tables)."""

    LANGUAGE = "javascript"
    string_params: frozenset[str] = frozenset()  # string parameters in scope ([...s] is list(s))
    depth = 0  # how many functions enclose the one being extracted
    helper_classes: frozenset[str] = frozenset()  # classes the file instantiates itself
    IGNORED = frozenset({"comment", "html_comment", "hash_bang_line", "empty_statement", "import_statement",
                         "debugger_statement"})
    STATEMENTS = handler_table(
        h_block=["statement_block", "class_static_block"],
        h_expression_statement=["expression_statement"],
        h_declaration=["lexical_declaration", "variable_declaration"],
        h_if=["if_statement"],
        h_for=["for_statement"],
        h_for_in=["for_in_statement"],
        h_while=["while_statement"],
        h_do=["do_statement"],
        h_return=["return_statement"],
        h_break=["break_statement"],
        h_continue=["continue_statement"],
        h_function_declaration=["function_declaration", "generator_function_declaration"],
        h_class=["class_declaration"],
        h_labeled=["labeled_statement"],
        h_switch=["switch_statement"],
        h_try=["try_statement"],
        h_throw=["throw_statement"],
        h_export=["export_statement"],
        h_with=["with_statement"],
    )
    EXPRESSIONS = handler_table(
        e_name=["identifier", "shorthand_property_identifier", "private_property_identifier",
                "property_identifier"],
        e_this=["this", "super"],
        e_number=["number"],
        e_string=["string", "regex"],
        e_template=["template_string"],
        e_bool=["true", "false"],
        e_none=["null", "undefined"],
        e_member=["member_expression"],
        e_subscript=["subscript_expression"],
        e_call=["call_expression"],
        e_new=["new_expression"],
        e_binary=["binary_expression"],
        e_unary=["unary_expression"],
        e_update=["update_expression"],
        e_parenthesized=["parenthesized_expression"],
        e_ternary=["ternary_expression"],
        e_array=["array"],
        e_object=["object"],
        e_lambda=["arrow_function", "function_expression", "function", "generator_function", "method_definition"],
        e_assignment_value=["assignment_expression", "augmented_assignment_expression"],
        e_sequence=["sequence_expression"],
        e_inner=["spread_element", "await_expression", "yield_expression", "pair", "computed_property_name",
                 "template_substitution"],
        e_opaque=["class", "meta_property", "tagged_template"],
    )

    # ------------------------------------------------------------------------------ module level

    def module(self, root) -> ir.Module:
        self.helper_classes = self.constructed_classes(root)
        functions: list[ir.FunctionDef] = []
        toplevel: list[ir.Stmt] = []
        for node in self.named(root):
            for stmt in self.statement(node):
                if isinstance(stmt, ir.FunctionDef):
                    functions.append(stmt)
                elif isinstance(stmt, ir.Block) and stmt.body and all(
                        isinstance(s, ir.FunctionDef) for s in stmt.body):
                    functions += stmt.body  # a class: its methods
                else:
                    toplevel.append(stmt)
        return ir.Module(self.LANGUAGE, tuple(functions), tuple(toplevel))

    def constructed_classes(self, root) -> frozenset[str]:
        """Classes the file itself instantiates (``new DSU(n)``): helpers, whose methods Python solutions
        leave unannotated (LeetCode's template only documents the entry points)."""
        names = set()
        for node in root.named_children:
            if node.type == "export_statement":
                node = self.field(node, "declaration") or node
            if node.type == "class_declaration" and self.field(node, "name") is not None:
                names.add(self.text(self.field(node, "name")))
        if not names:
            return frozenset()
        text = self.source.decode("utf-8", "replace")
        return frozenset(name for name in names if re.search(rf"\bnew\s+{re.escape(name)}\b", text))

    def jsdoc(self, node) -> dict[str, str]:
        """``@param {type} name`` of the doc comment right before ``node`` (name -> kind)."""
        previous = node.prev_named_sibling
        if previous is None or previous.type != "comment":
            return {}
        text = self.text(previous)
        if not text.startswith("/**"):
            return {}
        return {name: type_kind(kind) for kind, name in _JSDOC_PARAM.findall(text)}

    def function(self, name: str, node, owner: str | None = None, doc: dict[str, str] | None = None,
                 line_node=None) -> ir.FunctionDef:
        """A FunctionDef from a function-like node (its ``parameters`` and ``body`` fields)."""
        params = self.params(self.field(node, "parameters") or self.field(node, "parameter"), doc or {})
        if self.depth == 0 and any(p.kind == "any" and p.name not in (doc or {}) for p in params) \
                and self.field(node, "body") is not None:
            # undocumented entry points only: nested helpers stay untyped, like Python's nested ``def``,
            # and a documented type we cannot map (``{ArrayReader}``) is left alone
            params = self.usage_kinds(params, self.field(node, "body"), frozenset(doc or ()))
        self.depth += 1
        saved = self.string_params
        self.string_params = (saved | {p.name for p in params if p.kind == "str"}) - {
            p.name for p in params if p.kind != "str"}
        body_node = self.field(node, "body")
        if body_node is None:
            body: tuple[ir.Stmt, ...] = ()
        elif body_node.type == "statement_block":
            body = self.statements(self.named(body_node))
        else:  # arrow function with an expression body
            body = (ir.Return(self.expr(body_node), self.line(body_node)),)
        self.string_params = saved
        self.depth -= 1
        return ir.FunctionDef(name, params, body, owner=owner, line=self.line(line_node or node))

    def usage_kinds(self, params: tuple[ir.Param, ...], body, documented: frozenset[str] = frozenset()
                    ) -> tuple[ir.Param, ...]:
        """Kinds of undocumented parameters from how the body uses them (JavaScript has no types; Python
        solutions annotate theirs): ``p.left`` -> node, ``p.charAt()`` -> str, ``p.push()`` / ``p[i]`` /
        ``p.length`` / ``for (x of p)`` -> seq, ``p % 2`` -> num.  Nested functions are not looked into."""
        untyped = {p.name for p in params if p.kind == "any" and p.name not in documented}
        evidence: dict[str, set[str]] = {name: set() for name in untyped}
        stack = [body]
        while stack:
            current = stack.pop()
            kind = current.type
            if kind in _FUNCTION_VALUES or kind in ("function_declaration", "class_declaration", "method_definition"):
                continue
            if kind == "member_expression":
                target = self.field(current, "object")
                if target.type == "identifier" and self.text(target) in untyped:
                    name, prop = self.text(target), self.text(self.field(current, "property"))
                    evidence[name].add(_MEMBER_EVIDENCE.get(prop, "seq" if prop == "length" else ""))
            elif kind == "subscript_expression":
                target = self.field(current, "object")
                if target.type == "identifier" and self.text(target) in untyped:
                    evidence[self.text(target)].add("seq")
            elif kind == "for_in_statement" and self.operator(current) != "in":
                right = self.field(current, "right")
                if right is not None and right.type == "identifier" and self.text(right) in untyped:
                    evidence[self.text(right)].add("seq")
            elif kind == "binary_expression" and self.operator(current) in _NUMERIC_OPERATORS:
                for side in (self.field(current, "left"), self.field(current, "right")):
                    if side is not None and side.type == "identifier" and self.text(side) in untyped:
                        evidence[self.text(side)].add("num")
            stack.extend(current.named_children)
        out = []
        for param in params:
            seen = evidence.get(param.name, set())
            for candidate in ("node", "str", "seq", "num"):
                if candidate in seen:
                    param = ir.Param(param.name, candidate)
                    break
            out.append(param)
        return tuple(out)

    def params(self, node, doc: dict[str, str]) -> tuple[ir.Param, ...]:
        if node is None:
            return ()
        if node.type == "identifier":  # x => ...
            name = self.text(node)
            return (ir.Param(name, doc.get(name, "any")),)
        return tuple(self.param(child, doc) for child in self.named(node))

    def param(self, node, doc: dict[str, str]) -> ir.Param:
        kind = node.type
        if kind == "identifier":
            name = self.text(node)
            return ir.Param(name, doc.get(name, "any"))
        if kind == "assignment_pattern":  # x = default
            inner = self.param(self.field(node, "left"), doc)
            if inner.kind == "any":
                return ir.Param(inner.name, _literal_kind(self.field(node, "right")))
            return inner
        if kind == "rest_pattern":
            inner = self.named(node)
            name = self.text(inner[0]) if inner else "_"
            return ir.Param(name, "seq")
        return ir.Param(self.text(node), "any")

    # ------------------------------------------------------------------------------ statements

    def statements(self, nodes) -> tuple[ir.Stmt, ...]:
        out: list[ir.Stmt] = []
        for node in nodes:
            out += self.statement(node)
        return tuple(out)

    def body(self, node) -> tuple[ir.Stmt, ...]:
        """A loop or branch body: a block's statements, or one statement."""
        if node is None:
            return ()
        if node.type == "statement_block":
            return self.statements(self.named(node))
        return tuple(self.statement(node))

    def h_expression_statement(self, node) -> list[ir.Stmt]:
        out: list[ir.Stmt] = []
        for child in self.named(node):
            out += self.expression_as_statement(child)
        return _with_hoisted_updates(out) if self.may_update(node) else out

    def expression_as_statement(self, node) -> list[ir.Stmt]:
        kind = node.type
        line = self.line(node)
        if kind == "assignment_expression":
            return self.assign_chain(node)
        if kind == "augmented_assignment_expression":
            return self.assignment(node)
        if kind == "sequence_expression":
            out: list[ir.Stmt] = []
            for child in self.named(node):
                out += self.expression_as_statement(child)
            return out
        if kind == "parenthesized_expression" and len(self.named(node)) == 1:
            return self.expression_as_statement(self.named(node)[0])
        if kind == "unary_expression" and self.operator(node) == "delete":
            return [ir.Delete((self.expr(self.field(node, "argument")),), line)]
        if kind == "call_expression":
            loop = self.for_each_statement(node)
            if loop is not None:
                return [loop]
        return [ir.ExprStmt(self.expr(node), line)]

    def assign_chain(self, node) -> list[ir.Stmt]:
        """``a = b = v`` is one Assign with two targets (Python's ``a = b = v``); ``X.prototype.m = function``
        defines a method of X."""
        targets: list[ir.Expr] = []
        value = node
        while value.type == "assignment_expression":
            left = self.field(value, "left")
            right = self.field(value, "right")
            if right.type in _FUNCTION_VALUES and left.type == "member_expression":
                owner, name = self.prototype_method(left)
                if name is not None:
                    return [self.function(name, right, owner=owner, doc=self.jsdoc(node.parent), line_node=node)]
            targets.append(self.target(left))
            value = right
        if len(targets) == 1 and isinstance(targets[0], ir.CollectionLit) and value.type == "array":
            rhs: ir.Expr = ir.CollectionLit("tuple", tuple(self.expr(c) for c in self.named(value)))
        else:
            rhs = self.expr(value)
        return [ir.Assign(tuple(targets), rhs, line=self.line(node))]

    def prototype_method(self, left) -> tuple[str | None, str | None]:
        """``X.prototype.m`` -> (X, m); ``X.m`` (a static helper) -> (X, m)."""
        obj, prop = self.field(left, "object"), self.field(left, "property")
        if obj is None or prop is None:
            return None, None
        if obj.type == "member_expression" and self.text(self.field(obj, "property")) == "prototype":
            return self.text(self.field(obj, "object")), self.text(prop)
        if obj.type == "identifier" and obj.parent is not None and node_is_toplevel(left):
            return self.text(obj), self.text(prop)
        return None, None

    def target(self, node) -> ir.Expr:
        """An assignment target: patterns become tuples of their names."""
        if node.type in ("array_pattern", "object_pattern"):
            return ir.CollectionLit("tuple", tuple(self.target(child) for child in self.named(node)))
        if node.type in ("assignment_pattern", "object_assignment_pattern"):
            return self.target(self.field(node, "left"))
        if node.type == "rest_pattern":
            return self.target(self.named(node)[0])
        if node.type == "pair_pattern":
            return self.target(self.field(node, "value"))
        if node.type == "shorthand_property_identifier_pattern":
            return ir.Name(self.text(node))
        return self.expr(node)

    def h_declaration(self, node) -> list[ir.Stmt]:
        declarations = self.declarations(node)
        return _with_hoisted_updates(declarations) if self.may_update(node) else declarations

    def may_update(self, node) -> bool:
        """Whether ``node``'s text has ``++`` or ``--``: without, it holds no update expression and
        ``_with_hoisted_updates`` has nothing to hoist (a byte search instead of a walk of its IR)."""
        text = self.source[node.start_byte:node.end_byte]
        return b"++" in text or b"--" in text

    def declarations(self, node) -> list[ir.Stmt]:
        out: list[ir.Stmt] = []
        doc = None
        for declarator in self.named(node):
            if declarator.type != "variable_declarator":
                continue
            name_node = self.field(declarator, "name")
            value = self.field(declarator, "value")
            if value is not None and value.type in _FUNCTION_VALUES and name_node.type == "identifier":
                if doc is None:
                    doc = self.jsdoc(node)
                out.append(self.function(self.text(name_node), value, doc=doc, line_node=node))
                continue
            if value is not None and value.type == "class" and name_node.type == "identifier":
                out += self.h_class(value, owner=self.text(name_node))
                continue
            target = self.target(name_node)
            declared = self.declared_kind(declarator)
            if value is None:
                out.append(ir.Assign((target,), None, declared=declared, line=self.line(declarator)))
                continue
            if isinstance(target, ir.CollectionLit) and value.type == "array":
                rhs: ir.Expr = ir.CollectionLit("tuple", tuple(self.expr(c) for c in self.named(value)))
            else:
                rhs = self.expr(value)
            out.append(ir.Assign((target,), rhs, declared=declared, line=self.line(declarator)))
        return out

    def declared_kind(self, declarator) -> str | None:
        """The declared kind of a local (TypeScript annotations); JavaScript has none."""
        return None

    def h_if(self, node) -> list[ir.Stmt]:
        test = self.expr(self.field(node, "condition"))
        then = self.body(self.field(node, "consequence"))
        alternative = self.field(node, "alternative")
        orelse: tuple[ir.Stmt, ...] = ()
        if alternative is not None:
            inner = self.named(alternative)
            orelse = self.body(inner[0]) if inner else ()
        return [ir.If(test, then, orelse, self.line(node))]

    def h_for(self, node) -> list[ir.Stmt]:
        init_node = self.field(node, "initializer")
        init: tuple[ir.Stmt, ...] = ()
        if init_node is not None and init_node.type not in self.IGNORED:
            if init_node.type in self.STATEMENTS:
                init = tuple(self.statement(init_node))
            else:
                init = tuple(self.expression_as_statement(init_node))
        cond = None
        for candidate in self.fields(node, "condition"):
            if candidate.is_named and candidate.type not in self.IGNORED:
                cond = self.expr(candidate.named_children[0] if candidate.type == "expression_statement"
                                 else candidate)
        if isinstance(cond, ir.UnaryOp) and cond.op == "~":  # for (i = n - 1; ~i; --i): i != -1
            cond = ir.BinOp("!=", cond.operand, ir.Literal("num", "-1"))
        increment = self.field(node, "increment")
        update = tuple(self.expression_as_statement(increment)) if increment is not None else ()
        return [ir.CFor(init, cond, update, self.body(self.field(node, "body")), self.line(node))]

    def h_for_in(self, node) -> list[ir.Stmt]:
        left = self.target(self.field(node, "left"))
        targets = _names(left)
        iterable = self.expr(self.field(node, "right"))
        return [ir.Foreach(targets, iterable, self.body(self.field(node, "body")), self.line(node))]

    def h_while(self, node) -> list[ir.Stmt]:
        return [ir.While(self.expr(self.field(node, "condition")), self.body(self.field(node, "body")),
                         self.line(node))]

    def h_do(self, node) -> list[ir.Stmt]:
        return self.h_while(node)

    def h_return(self, node) -> list[ir.Stmt]:
        children = self.named(node)
        line = self.line(node)
        if children and children[0].type == "ternary_expression" and _has_call(children[0]):
            # return c ? f(a) : g(b)  ==  if c: return f(a); return g(b)  (how Python writes it)
            ternary = children[0]
            test = self.expr(self.field(ternary, "condition"))
            then = ir.Return(self.expr(self.field(ternary, "consequence")), line)
            return [ir.If(test, (then,), (), line), ir.Return(self.expr(self.field(ternary, "alternative")), line)]
        return [ir.Return(self.expr(children[0]) if children else None, line)]

    def h_throw(self, node) -> list[ir.Stmt]:
        return [ir.ExprStmt(self.expr(child), self.line(node)) for child in self.named(node)]

    def h_function_declaration(self, node) -> list[ir.Stmt]:
        return [self.function(self.text(self.field(node, "name")), node, doc=self.jsdoc(node))]

    def h_class(self, node, owner: str | None = None) -> list[ir.Stmt]:
        """A class (declaration or ``var X = class {..}``) is a block of its methods, owned by its name.

        Field initialisers (``cache = new Map()``) are the constructor's work, as in Python's ``__init__``
        (a constructor is made for them when the class has none, except LeetCode's ``Solution``, whose
        fields are scratch state: there they only declare the fields' kinds)."""
        name_node = self.field(node, "name")
        owner = owner or (self.text(name_node) if name_node is not None else "<class>")
        body = self.field(node, "body")
        members = self.named(body) if body is not None else []
        initialisers: list[ir.Assign] = []
        for member in members:
            initialisers += self.field_initialiser(member)
        builds = any(not isinstance(stmt.value, (ir.Literal, ir.Name)) for stmt in initialisers)
        declarations = tuple(ir.Assign(stmt.targets, None, declared=_constructed_kind(stmt.value), line=stmt.line)
                             for stmt in initialisers if _constructed_kind(stmt.value))
        methods: list[ir.Stmt] = []
        has_constructor = False
        for member in members:
            if member.type == "method_definition":
                name = self.text(self.field(member, "name"))
                method = self.function(name, member, owner=owner, doc=self.jsdoc(member))
                if owner in self.helper_classes:
                    method = ir.FunctionDef(method.name, tuple(ir.Param(p.name) for p in method.params),
                                            method.body, owner=owner, line=method.line)
                if name == "constructor":
                    has_constructor = True
                    method = ir.FunctionDef(method.name, method.params, tuple(initialisers) + method.body,
                                            owner=owner, line=method.line)
                    if _trivial_constructor(method):
                        continue
                elif declarations:
                    method = ir.FunctionDef(method.name, method.params, declarations + method.body,
                                            owner=owner, line=method.line)
                methods.append(method)
            elif not self.is_field(member):
                methods += self.class_member(member, owner)
        if builds and not has_constructor and owner != "Solution":
            methods.insert(0, ir.FunctionDef("constructor", (), tuple(initialisers), owner=owner,
                                             line=self.line(node)))
        return [ir.Block(tuple(methods), self.line(node))]

    def is_field(self, node) -> bool:
        return node.type in ("field_definition", "public_field_definition")

    def field_initialiser(self, node) -> list[ir.Assign]:
        """``this.name = value`` for an instance field with an initial value."""
        if not self.is_field(node) or any(child.type == "static" for child in node.children):
            return []
        name = self.field(node, "property") or self.field(node, "name")
        value = self.field(node, "value")
        if name is None or value is None:
            return []
        return [ir.Assign((ir.Attr(ir.Name("this"), self.text(name)),), self.expr(value), line=self.line(node))]

    def class_member(self, node, owner: str) -> list[ir.Stmt]:
        """Class members other than methods and fields; TypeScript adds its member kinds here."""
        if node.type in ("class_static_block",):
            return []
        self.unknown(node, "class member")
        return []

    def h_labeled(self, node) -> list[ir.Stmt]:
        return list(self.body(self.field(node, "body")))

    def h_switch(self, node) -> list[ir.Stmt]:
        out: list[ir.Stmt] = [ir.ExprStmt(self.expr(self.field(node, "value")), self.line(node))]
        body = self.field(node, "body")
        for case in self.named(body) if body is not None else ():
            if case.type not in ("switch_case", "switch_default"):
                continue
            statements = self.statements(self.fields(case, "body"))
            value = self.field(case, "value")
            test = self.expr(value) if value is not None else ir.Opaque("default")
            out.append(ir.If(ir.Opaque("case", (test,)), statements, (), self.line(case)))
        return [ir.Block(tuple(out), self.line(node))]

    def h_try(self, node) -> list[ir.Stmt]:
        body = list(self.body(self.field(node, "body")))
        for name in ("handler", "finalizer"):
            clause = self.field(node, name)
            if clause is not None:
                body += self.body(self.field(clause, "body"))
        return [ir.Block(tuple(body), self.line(node))]

    def h_export(self, node) -> list[ir.Stmt]:
        declaration = self.field(node, "declaration")
        if declaration is not None:
            return self.statement(declaration)
        value = self.field(node, "value")
        return [ir.ExprStmt(self.expr(value), self.line(node))] if value is not None else []

    def h_with(self, node) -> list[ir.Stmt]:
        return [ir.ExprStmt(self.expr(self.field(node, "object")))] + list(self.body(self.field(node, "body")))

    def for_each_statement(self, node) -> ir.Foreach | None:
        """``xs.forEach((x, i) => { ... })`` as a statement: ``for (x of xs) { ... }``."""
        func = self.field(node, "function")
        if func is None or func.type != "member_expression" or self.text(self.field(func, "property")) != "forEach":
            return None
        args = self.named(self.field(node, "arguments"))
        if len(args) != 1 or args[0].type not in ("arrow_function", "function_expression"):
            return None
        callback = args[0]
        params = self.params(self.field(callback, "parameters") or self.field(callback, "parameter"), {})
        body_node = self.field(callback, "body")
        if body_node is None:
            return None
        if body_node.type == "statement_block":
            body = self.statements(self.named(body_node))
        else:
            body = tuple(self.expression_as_statement(body_node))
        targets = tuple(p.name for p in params[:1]) or ("_",)
        return ir.Foreach(targets, self.expr(self.field(func, "object")), body, self.line(node))

    # ----------------------------------------------------------------------------- expressions

    def e_this(self, node) -> ir.Expr:
        return ir.Name("this")

    def e_template(self, node) -> ir.Expr:
        parts = tuple(self.expr(child) for child in node.named_children if child.type == "template_substitution")
        return ir.Opaque("template", parts) if parts else ir.Literal("str")

    def e_member(self, node) -> ir.Expr:
        obj = self.field(node, "object")
        prop = self.text(self.field(node, "property"))
        if obj.type == "identifier" and self.text(obj) in _NAMESPACES:
            return ir.Name(f"{self.text(obj)}.{prop}")  # Math.max is a function, not a method
        return ir.Attr(self.expr(obj), prop)

    def e_subscript(self, node) -> ir.Expr:
        return ir.Index(self.expr(self.field(node, "object")), self.expr(self.field(node, "index")))

    def e_inner(self, node) -> ir.Expr:
        children = self.named(node)
        if node.type == "pair":
            return self.expr(self.field(node, "value"))
        return self.expr(children[-1]) if children else ir.Literal("none")

    def e_assignment_value(self, node) -> ir.Expr:
        """An assignment used as a value (``while ((x = f()))``): its value; a store into a collection
        (``return (memo[i] = res)``) stays visible as ``Opaque("assign")``, as in the C-family extractors."""
        left = self.field(node, "left")
        if node.type == "assignment_expression" and left.type == "subscript_expression":
            return ir.Opaque("assign", (self.expr(left), self.expr(self.field(node, "right"))))
        return self.expr(self.field(node, "right"))

    def e_sequence(self, node) -> ir.Expr:
        return ir.Opaque("sequence", tuple(self.expr(child) for child in self.named(node)))

    def e_binary(self, node) -> ir.Expr:
        op = self.operator(node)
        left, right = self.expr(self.field(node, "left")), self.expr(self.field(node, "right"))
        if op in ("!==", "===", "!=", "==") and isinstance(right, ir.Literal) and right.kind == "none" \
                and right.text == "undefined":
            present = _present(left)  # memo[k] !== undefined / m.get(k) !== undefined: is k a key
            if present is not None:
                return present if op in ("!==", "!=") else ir.UnaryOp("not", present)
        return ir.BinOp(_COMPARISON.get(op, op), left, right)

    def e_unary(self, node) -> ir.Expr:
        op = self.operator(node)
        return ir.UnaryOp("not" if op == "!" else op, self.expr(self.field(node, "argument")))

    def e_ternary(self, node) -> ir.Expr:
        return ir.Cond(self.expr(self.field(node, "condition")), self.expr(self.field(node, "consequence")),
                       self.expr(self.field(node, "alternative")))

    def e_array(self, node) -> ir.Expr:
        items = self.named(node)
        if len(items) == 1 and items[0].type == "spread_element":
            inner = self.expr(items[0])
            if isinstance(inner, ir.Name) and inner.id in self.string_params:  # [...s] is Python's list(s)
                return ir.Call(ir.Name("Array.from"), (inner,))
            return ir.Call(ir.Attr(inner, "copy"), ())  # [...xs] is Python's xs.copy()
        if any(item.type == "spread_element" for item in items):
            return self.joined_array(items)
        return ir.CollectionLit("list", tuple(self.expr(item) for item in items))

    def joined_array(self, items) -> ir.Expr:
        """``[1, ...nums, 1]`` is Python's ``[1] + nums + [1]``: literal runs and spread collections (as
        ``Array.from(xs)``, so that ``[...a, ...b]`` is a list built from a and b, too)."""
        pieces: list[ir.Expr] = []
        run: list[ir.Expr] = []
        for item in items:
            if item.type == "spread_element":
                if run:
                    pieces.append(ir.CollectionLit("list", tuple(run)))
                    run = []
                pieces.append(ir.Call(ir.Name("Array.from"), (self.expr(item),)))
            else:
                run.append(self.expr(item))
        if run:
            pieces.append(ir.CollectionLit("list", tuple(run)))
        joined = pieces[0]
        for piece in pieces[1:]:
            joined = ir.BinOp("+", joined, piece)
        return joined

    def e_object(self, node) -> ir.Expr:
        return ir.CollectionLit("map", tuple(self.expr(item) for item in self.named(node)))

    def e_lambda(self, node) -> ir.Expr:
        params = tuple(p.name for p in self.params(self.field(node, "parameters") or self.field(node, "parameter"), {}))
        body = self.field(node, "body")
        if body is None:
            return ir.Lambda(params, ir.Literal("none"))
        if body.type != "statement_block":
            return ir.Lambda(params, self.expr(body))
        statements = self.named(body)
        if len(statements) == 1 and statements[0].type == "return_statement":
            value = self.named(statements[0])
            return ir.Lambda(params, self.expr(value[0]) if value else ir.Literal("none"))
        return ir.Lambda(params, ir.Opaque("block", tuple(statement_exprs(self.statements(statements)))))

    def e_new(self, node) -> ir.Expr:
        constructor = self.field(node, "constructor")
        arguments = self.field(node, "arguments")
        arg_nodes = self.named(arguments) if arguments is not None else []
        if len(arg_nodes) == 1 and _is_copy(arg_nodes[0]) and arg_nodes[0].type == "array":
            arg_nodes = self.named(arg_nodes[0])[0].named_children  # new Set([...xs]) is set(xs)
        args = tuple(self.expr(arg) for arg in arg_nodes)
        return ir.Call(ir.Name(_dotted_text(self, constructor)), args)

    def e_call(self, node) -> ir.Expr:
        func_node = self.field(node, "function")
        arguments = self.field(node, "arguments")
        arg_nodes = self.named(arguments) if arguments is not None and arguments.type == "arguments" else []
        if func_node.type == "member_expression":
            method = self.text(self.field(func_node, "property"))
            receiver_node = self.field(func_node, "object")
            desugared = self.desugar_method(method, receiver_node, arg_nodes)
            if desugared is not None:
                return desugared
        if len(arg_nodes) == 1 and self.text(func_node) in ("Math.floor", "Math.trunc"):
            inner = arg_nodes[0]
            while inner.type == "parenthesized_expression" and len(self.named(inner)) == 1:
                inner = self.named(inner)[0]
            if inner.type == "binary_expression" and self.operator(inner) == "/":  # Math.floor(a / b) is a // b
                return ir.BinOp("//", self.expr(self.field(inner, "left")), self.expr(self.field(inner, "right")))
        args = tuple(self.spread_argument(arg) if arg.type == "spread_element" else self.expr(arg)
                     for arg in arg_nodes)
        return ir.Call(self.expr(func_node), args)

    def spread_argument(self, node) -> ir.Expr:
        """``f(...Array.from(xs))`` and ``f(...[...xs])`` spread the elements of ``xs``: the copy is only
        the syntax (``Math.max(...Array.from(m.values()))`` is Python's ``max(m.values())``)."""
        value = self.expr(node)
        if isinstance(value, ir.Call) and len(value.args) == 1 and value.func == ir.Name("Array.from"):
            return value.args[0]
        if isinstance(value, ir.Call) and not value.args and isinstance(value.func, ir.Attr) \
                and value.func.name == "copy":
            return value.func.obj
        return value

    def desugar_method(self, method: str, receiver_node, arg_nodes) -> ir.Expr | None:
        """Array idioms with a Python twin (see the module docstring), or None."""
        if method == "includes" and len(arg_nodes) == 1:  # xs.includes(x) is Python's x in xs
            return ir.BinOp("in", self.expr(arg_nodes[0]), self.expr(receiver_node))
        if method == "sort" and _is_copy(receiver_node):  # [...xs].sort(f) is Python's sorted(xs)
            inner = self.named(receiver_node)[0]
            inner = self.named(inner)[0] if inner.type == "spread_element" else self.field(inner, "object")
            return ir.Call(ir.Attr(self.expr(inner), "toSorted"), tuple(self.expr(a) for a in arg_nodes))
        if method == "join" and len(arg_nodes) == 1 and self.text(arg_nodes[0]) in ("''", '""') \
                and _is_string_reversal(self, receiver_node):  # s.split('').reverse().join('') is s[::-1]
            source = self.field(self.field(self.field(receiver_node, "function"), "object"), "function")
            return ir.Index(self.expr(self.field(source, "object")), ir.Opaque("reversed"), is_slice=True)
        if method == "slice" and (not arg_nodes or len(arg_nodes) == 1 and self.text(arg_nodes[0]) == "0"):
            return ir.Call(ir.Attr(self.expr(receiver_node), "copy"), ())  # xs.slice() copies all, as xs[:]
        if method in ("push", "unshift") and len(arg_nodes) == 1 and arg_nodes[0].type == "spread_element":
            # xs.push(...ys) appends a collection: Python's xs.extend(ys)
            return ir.Call(ir.Attr(self.expr(receiver_node), "extend"), (self.expr(arg_nodes[0]),))
        if method == "split" and len(arg_nodes) == 1 and arg_nodes[0].type == "string" \
                and len(self.text(arg_nodes[0])) == 2:  # s.split('') is Python's list(s)
            return ir.Call(ir.Name("Array.from"), (self.expr(receiver_node),))
        if method == "join" and len(arg_nodes) <= 1:  # xs.join(sep) is Python's sep.join(xs)
            separator = self.expr(arg_nodes[0]) if arg_nodes else ir.Literal("str", "','")
            return ir.Call(ir.Attr(separator, "join"), (self.expr(receiver_node),))
        if method == "fill" and len(arg_nodes) <= 1:
            size = self.sized_array(receiver_node)
            if size is not None:
                item = self.expr(arg_nodes[0]) if arg_nodes else ir.Literal("none")
                return ir.BinOp("*", ir.CollectionLit("list", (item,)), size)
        if method == "from" and self.text(receiver_node) == "Array" and arg_nodes:
            size = self.length_object(arg_nodes[0])
            if size is None and arg_nodes[0].type in ("new_expression", "call_expression"):
                size = self.sized_array(arg_nodes[0])
            if size is not None:
                element = self.callback_body(arg_nodes[1]) if len(arg_nodes) > 1 else ir.Literal("none")
                return _sized_list(element, size)
            if len(arg_nodes) == 2:
                return self.comprehension(arg_nodes[0], arg_nodes[1], None)
            return None
        if method in ("map", "filter") and len(arg_nodes) == 1 and arg_nodes[0].type in ("arrow_function",
                                                                                          "function_expression"):
            inner = receiver_node
            size = None
            if inner.type == "call_expression":  # new Array(n).fill(0).map(...)
                inner_func = self.field(inner, "function")
                if inner_func.type == "member_expression" and self.text(self.field(inner_func, "property")) == "fill":
                    size = self.sized_array(self.field(inner_func, "object"))
            elif inner.type == "array" and len(self.named(inner)) == 1 and self.named(inner)[0].type == "spread_element":
                size = self.sized_array(self.named(self.named(inner)[0])[0])  # [...Array(n)].map(...)
            if size is not None and method == "map":
                return _sized_list(self.callback_body(arg_nodes[0]), size)
            return self.comprehension(receiver_node, arg_nodes[0], method)
        return None

    def comprehension(self, iterable_node, callback, method: str | None) -> ir.Comprehension:
        """``xs.map(f)`` -> ``[f(x) for x in xs]``; ``xs.filter(p)`` -> ``[x for x in xs if p(x)]``."""
        params = self.params(self.field(callback, "parameters") or self.field(callback, "parameter"), {})
        targets = tuple(p.name for p in params[:1]) or ("_",)
        body = self.callback_body(callback)
        iterable = self.expr(iterable_node)
        if method == "filter":
            return ir.Comprehension("list", ir.Name(targets[0]), (ir.Generator(targets, iterable, (body,)),))
        return ir.Comprehension("list", body, (ir.Generator(targets, iterable),))

    def callback_body(self, node) -> ir.Expr:
        lam = self.expr(node)
        return lam.body if isinstance(lam, ir.Lambda) else ir.Call(lam, ())

    def sized_array(self, node) -> ir.Expr | None:
        """``new Array(n)`` / ``Array(n)`` -> n (the size), else None."""
        if node.type == "new_expression":
            func = self.field(node, "constructor")
        elif node.type == "call_expression":
            func = self.field(node, "function")
        else:
            return None
        arguments = self.field(node, "arguments")
        if func is None or self.text(func) != "Array" or arguments is None:
            return None
        args = self.named(arguments)
        return self.expr(args[0]) if len(args) == 1 else None

    def length_object(self, node) -> ir.Expr | None:
        """``{length: n}`` -> n."""
        if node.type != "object":
            return None
        for pair in self.named(node):
            if pair.type == "pair" and self.text(self.field(pair, "key")) == "length":
                return self.expr(self.field(pair, "value"))
        return None


# ------------------------------------------------------------------------------------------ helpers


def node_is_toplevel(node) -> bool:
    """True when ``node`` sits in an expression statement directly under the program."""
    parent = node.parent
    while parent is not None and parent.type in ("assignment_expression",):
        parent = parent.parent
    return parent is not None and parent.type == "expression_statement" and parent.parent is not None \
        and parent.parent.type == "program"


def _dotted_text(extractor: TreeSitterExtractor, node) -> str:
    if node is None:
        return "<new>"
    if node.type == "identifier":
        return extractor.text(node)
    if node.type == "member_expression":
        return f"{_dotted_text(extractor, extractor.field(node, 'object'))}.{extractor.text(extractor.field(node, 'property'))}"
    return extractor.text(node).split("<", 1)[0]


def _names(target: ir.Expr) -> tuple[str, ...]:
    if isinstance(target, ir.Name):
        return (target.id,)
    if isinstance(target, ir.CollectionLit):
        names: list[str] = []
        for item in target.items:
            names += _names(item)
        return tuple(names)
    return ("_",)


def _constructed_kind(value: ir.Expr | None) -> str | None:
    """The collection kind an initial value builds (``new Map()`` -> map, ``[]`` -> list), if evident."""
    if isinstance(value, ir.CollectionLit) and value.kind != "tuple":
        return value.kind
    if isinstance(value, ir.BinOp) and value.op == "*" and isinstance(value.left, ir.CollectionLit):
        return "list"
    if isinstance(value, ir.Comprehension):
        return "list"
    if isinstance(value, ir.Call) and isinstance(value.func, ir.Name):
        return SPEC.constructors.get(value.func.id)
    return None


def _trivial_constructor(function: ir.FunctionDef) -> bool:
    """A constructor without parameters that only zeroes scalar fields does no work (Python solutions
    initialise such fields in the method that uses them)."""
    return not function.params and all(
        isinstance(stmt, ir.Assign) and isinstance(stmt.value, ir.Literal) for stmt in function.body)


def _sized_list(element: ir.Expr, size: ir.Expr) -> ir.Expr:
    """A list of ``size`` elements: ``[element for _ in range(size)]``, or ``list(range(size))`` when every
    element is a plain value (Python's ``list(range(n))`` / ``[0] * n`` twins)."""
    whole = ir.Range(ir.Literal("num", "0"), size)
    if isinstance(element, ir.Name):  # (_, i) => i
        return ir.Call(ir.Name("Array.from"), (whole,))
    if isinstance(element, ir.Literal):  # () => 0
        return ir.BinOp("*", ir.CollectionLit("list", (element,)), size)
    return ir.Comprehension("list", element, (ir.Generator(("_",), whole),))


def _is_copy(node) -> bool:
    """``[...xs]`` or ``xs.slice()``."""
    if node.type == "array":
        items = [child for child in node.named_children if child.type != "comment"]
        return len(items) == 1 and items[0].type == "spread_element"
    if node.type == "call_expression":
        func = node.child_by_field_name("function")
        arguments = node.child_by_field_name("arguments")
        return func is not None and func.type == "member_expression" and arguments is not None \
            and arguments.named_child_count == 0 and func.child_by_field_name("property").text == b"slice"
    return False


def _is_string_reversal(extractor: TreeSitterExtractor, node) -> bool:
    """``s.split('').reverse()`` (the receiver of a ``.join('')``)."""
    if node.type != "call_expression":
        return False
    func = extractor.field(node, "function")
    if func is None or func.type != "member_expression" or extractor.text(extractor.field(func, "property")) != "reverse":
        return False
    inner = extractor.field(func, "object")
    if inner.type != "call_expression":
        return False
    inner_func = extractor.field(inner, "function")
    arguments = extractor.field(inner, "arguments")
    return inner_func is not None and inner_func.type == "member_expression" \
        and extractor.text(extractor.field(inner_func, "property")) == "split" and arguments is not None \
        and extractor.text(arguments) in ("('')", '("")')


def _with_hoisted_updates(statements: list[ir.Stmt]) -> list[ir.Stmt]:
    """``x = a[l++]`` is Python's ``x = a[l]; l += 1``: a counter bumped inside an expression is also a
    statement of its own after it, so pointer loops (``while (l <= r) { .. a[l++] .. }``) are recognised."""
    out: list[ir.Stmt] = []
    for stmt in statements:
        out.append(stmt)
        roots: list = []
        if isinstance(stmt, ir.Assign):
            roots = [stmt.value, *stmt.targets]
        elif isinstance(stmt, ir.ExprStmt) and not (isinstance(stmt.expr, ir.UnaryOp) and stmt.expr.op in ("++", "--")):
            roots = [stmt.expr]
        for root in roots:
            for node in _walk(root):
                if isinstance(node, ir.UnaryOp) and node.op in ("++", "--") and isinstance(node.operand, ir.Name):
                    out.append(ir.ExprStmt(node, stmt.line))
    return out


def _walk(expr):
    stack = [expr]
    while stack:
        node = stack.pop()
        if node is None or isinstance(node, (ir.Name, ir.Literal, ir.Lambda, ir.Comprehension)):
            continue
        yield node
        for value in ir.field_values(node):  # (vars() would materialise the instance dict)
            if isinstance(value, tuple):
                stack.extend(item for item in value if not isinstance(item, str))
            elif not isinstance(value, (str, bool, int)) and value is not None:
                stack.append(value)


def _present(expr: ir.Expr) -> ir.Expr | None:
    """``d[k] !== undefined`` / ``m.get(k) !== undefined``: a key test on maps and objects, a plain read on
    arrays (``hasKey`` in the method tables lets the receiver's kind decide)."""
    if isinstance(expr, ir.Index) and not expr.is_slice:
        return ir.Call(ir.Attr(expr.obj, "hasKey"), (expr.index,))
    if isinstance(expr, ir.Call) and isinstance(expr.func, ir.Attr) and expr.func.name == "get" and len(expr.args) == 1:
        return ir.Call(ir.Attr(expr.func.obj, "hasKey"), expr.args)
    return None


def _has_call(node) -> bool:
    stack = [node]
    while stack:
        current = stack.pop()
        if current.type in ("call_expression", "new_expression"):
            return True
        stack.extend(current.named_children)
    return False


def _literal_kind(node) -> str:
    if node is None:
        return "any"
    return {"number": "num", "string": "str", "true": "bool", "false": "bool", "array": "seq",
            "object": "map"}.get(node.type, "any")


def extract(source: str, path: str | None = None) -> ir.Module:
    """Parse JavaScript ``source`` and convert it to IR; SourceSyntaxError on a syntax error."""
    return JavaScriptExtractor.extract(source, path)
