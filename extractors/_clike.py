"""Shared walker for the C family (C and C++): declarations, declarators, C-style statements and expressions.

C and C++ share most of their tree-sitter node kinds (``declaration`` / ``init_declarator``,
``for_statement``, ``field_expression`` with ``.`` and ``->``, ``pointer_expression`` ...), so both
extractors subclass ``CFamilyExtractor`` and only add their own tables: C++ adds classes, templates,
range-for, lambdas and ``new``; C adds nothing but its SPEC.

Choices that make C-family code look like the same algorithm in Python:

* A declaration of a container type without an initialiser (``vector<int> v;``, ``queue<int> q;``)
  *constructs* the container, so it becomes a constructor call ``vector()`` (Python writes ``v = []``).
  ``vector<int> dp(n + 1)`` is ``vector(n + 1)`` and an array ``int cnt[26]`` is ``vector(26)``.
* Type names are resolved to skeleton kinds by ``TYPE_KINDS`` (after stripping ``std::``, ``const``, ``&``),
  pointers to a node type (``TreeNode*``) are ``node``, a pointer or array of anything else is ``seq``.
* Inside methods, a bare name that is a field of the class (and not a local or parameter) becomes
  ``this.name`` so the lowering sees the receiver; ``->`` and ``.`` are both field access.
* Casts (``(int) x``, ``static_cast<int>(x)``), dereference and address-of are transparent.
"""

from __future__ import annotations

from typing import ClassVar

from skeldsl import ir

from ._swap import tuple_swap
from ._treesitter import TreeSitterExtractor, _handler_functions, handler_table

# ------------------------------------------------------------------------------------------- tables

#: node kinds of declarators that wrap another declarator
_SWAPS = frozenset({"swap", "std::swap"})  # std::swap(a, b) (qualified names arrive unqualified)
_WRAPPING_DECLARATORS = frozenset({
    "pointer_declarator", "reference_declarator", "array_declarator", "init_declarator",
    "parenthesized_declarator", "function_declarator", "abstract_pointer_declarator",
    "abstract_reference_declarator", "abstract_array_declarator", "attributed_declarator",
})
_NUMERIC_TYPES = frozenset({
    "int", "long", "short", "double", "float", "char", "unsigned", "signed", "size_t", "int64_t", "int32_t",
    "uint64_t", "uint32_t", "uint8_t", "int8_t", "int16_t", "uint16_t", "ll", "LL", "ull", "i64", "u64",
    "ssize_t", "ptrdiff_t", "long long", "wchar_t", "char16_t", "char32_t", "size_type", "__int128",
})
CAST_FUNCTIONS = frozenset({"static_cast", "dynamic_cast", "reinterpret_cast", "const_cast", "move",
                            "std::move", "as_const",
                            # functional casts ``int(h.size())``, ``(long long)`` spelled as a call
                            "int", "long", "double", "float", "char", "unsigned", "size_t", "int64_t", "uint64_t",
                            "int32_t", "uint32_t", "bool"})
NODE_TYPES = frozenset({"TreeNode", "ListNode", "Node", "NestedInteger", "DLinkedNode", "DoublyListNode",
                        "Trie", "TrieNode", "GraphNode", "Interval"})


def _is_node_type(name: str) -> bool:
    return name in NODE_TYPES or name.endswith("Node")


class FastDispatch:
    """Formerly the fast handler lookup of the C family, Go and Rust; ``TreeSitterExtractor`` now
    dispatches every language through per-class tables of plain functions keyed by kind id, so this
    mixin only keeps ``dispatch_tables`` for callers that read the tables.  (Statement kinds that are
    both handled and ignored: only Rust's ``attribute_item``, whose handler ignores it too.)"""

    def dispatch_tables(self) -> tuple[dict, dict]:
        return _handler_functions(type(self))


class CFamilyExtractor(FastDispatch, TreeSitterExtractor):
    """C-family statements and expressions; subclasses add tables (``TYPE_KINDS``, ``CONSTRUCTOR_TYPES``)."""

    #: base type name -> parameter/declared kind (seq, str, map, set, num, bool, node, fn, or a container kind)
    TYPE_KINDS: ClassVar[dict[str, str]] = {"bool": "bool", "_Bool": "bool"}
    #: type names whose declaration without initialiser constructs an empty container
    CONSTRUCTOR_TYPES: ClassVar[frozenset[str]] = frozenset()
    #: pointer-to-char is a string in C; C++ has ``string``
    CHAR_POINTER_KIND: ClassVar[str] = "str"

    STATEMENTS = handler_table(
        h_block=["compound_statement"],
        h_expression_statement=["expression_statement"],
        h_declaration=["declaration"],
        h_if=["if_statement"],
        h_for=["for_statement"],
        h_while=["while_statement"],
        h_do=["do_statement"],
        h_return=["return_statement"],
        h_break=["break_statement"],
        h_continue=["continue_statement"],
        h_switch=["switch_statement"],
        h_case=["case_statement"],
        h_labeled=["labeled_statement"],
        h_function_definition=["function_definition"],
        h_ignore=["type_definition", "struct_specifier", "union_specifier", "enum_specifier", "preproc_include",
                  "preproc_def", "preproc_function_def", "preproc_call", "goto_statement", "empty_statement",
                  "field_declaration", "access_specifier", "static_assert_declaration", "preproc_ifdef",
                  "preproc_if", "attributed_statement"],
    )
    EXPRESSIONS = handler_table(
        e_identifier=["identifier"],
        e_name=["field_identifier", "type_identifier", "primitive_type", "namespace_identifier"],
        e_number=["number_literal"],
        e_string=["string_literal", "concatenated_string", "raw_string_literal", "system_lib_string"],
        e_char=["char_literal"],
        e_bool=["true", "false"],
        e_none=["null", "nullptr"],
        e_parenthesized=["parenthesized_expression"],
        e_binary=["binary_expression"],
        e_unary=["unary_expression"],
        e_update=["update_expression"],
        e_transparent=["pointer_expression", "cast_expression"],
        e_sizeof=["sizeof_expression", "alignof_expression", "offsetof_expression"],
        e_conditional=["conditional_expression"],
        e_assignment_expr=["assignment_expression"],
        e_opaque=["comma_expression", "initializer_pair", "field_designator", "subscript_designator",
                  "gnu_asm_expression", "generic_expression", "compound_statement", "type_descriptor",
                  "extension_expression"],
        e_call=["call_expression"],
        e_field=["field_expression"],
        e_subscript=["subscript_expression"],
        e_initializer_list=["initializer_list"],
        e_compound_literal=["compound_literal_expression"],
    )
    IGNORED = frozenset({"comment", "preproc_arg", "preproc_params"})

    def __init__(self, source: bytes, path: str | None) -> None:
        super().__init__(source, path)
        self._statements, self._expressions = self.dispatch_tables()
        self.class_fields: frozenset[str] = frozenset()   # fields of the class whose method is being converted
        self.field_types: dict[str, tuple[str, str]] = {}  # field -> (base type name, kind)
        self.locals: set[str] = set()               # params and locals of the current function
        self.local_types: dict[str, str] = {}       # local -> base type name (``vector``)
        self.field_bases: dict[str, str] = {}       # field -> base type name
        self.demoted: frozenset[str] = frozenset()  # fields of a Solution class turned into locals
        self.demoted_bases: dict[str, str] = {}
        self.user_types: frozenset[str] = frozenset()  # classes / structs the program defines (C++)

    def statements(self, nodes) -> tuple[ir.Stmt, ...]:
        return drop_fill_loops(list(super().statements(nodes)))

    # ------------------------------------------------------------------------------------ module

    def module(self, root) -> ir.Module:
        functions: list[ir.FunctionDef] = []
        toplevel: list[ir.Stmt] = []
        for node in self.named(root):
            functions += self.toplevel_item(node, toplevel)
        return ir.Module(self.LANGUAGE, tuple(functions), tuple(toplevel))

    def toplevel_item(self, node, toplevel: list[ir.Stmt]) -> list[ir.FunctionDef]:
        """Functions defined by one top-level node; other statements (globals) go to ``toplevel``."""
        kind = node.type
        if kind == "function_definition":
            return [self.function(node, owner=None)]
        if kind == "declaration":
            toplevel += self.h_declaration(node)
        return []

    # ------------------------------------------------------------------------------ declarations

    def function(self, node, owner: str | None, prologue=None) -> ir.FunctionDef:
        """``prologue(body)`` (called once the body is converted) gives statements to run first."""
        declarator = self.function_declarator(node)
        name = self.declarator_name(declarator) if declarator is not None else "<anonymous>"
        saved = self.locals
        self.locals = set()
        self.local_types = {}
        params = self.parameters(self.field(declarator, "parameters") if declarator is not None else None)
        body_node = self.field(node, "body")
        body = self.statements(self.named(body_node)) if body_node is not None else ()
        if prologue is not None:
            body = prologue(body) + body
        self.locals = saved
        return ir.FunctionDef(name.rsplit("::", 1)[-1], params, body, owner=owner, line=self.line(node))

    def function_declarator(self, node):
        """The ``function_declarator`` under a definition's (possibly pointer/reference) declarator."""
        declarator = self.field(node, "declarator")
        while declarator is not None and declarator.type != "function_declarator":
            declarator = self.field(declarator, "declarator") or next(
                (c for c in declarator.named_children if c.type.endswith("declarator")), None)
        return declarator

    def declarator_name(self, declarator) -> str:
        """The declared identifier under nested pointer/reference/array/function declarators."""
        node = declarator
        while node is not None and node.type in _WRAPPING_DECLARATORS:
            inner = self.field(node, "declarator")
            if inner is None:
                inner = next((c for c in node.named_children if c.type not in ("type_qualifier", "ms_pointer_modifier")), None)
            node = inner
        if node is None:
            return "_"
        if node.type == "structured_binding_declarator":
            return "_"
        return self.text(node)

    def parameters(self, node) -> tuple[ir.Param, ...]:
        if node is None:
            return ()
        params: list[ir.Param] = []
        for child in self.named(node):
            if child.type not in ("parameter_declaration", "optional_parameter_declaration"):
                continue
            declarator = self.field(child, "declarator")
            if declarator is None:
                continue  # f(void), unnamed parameters
            name = self.declarator_name(declarator)
            kind = self.type_kind(self.field(child, "type"), declarator)
            self.locals.add(name)
            params.append(ir.Param(name, _param_kind(kind)))
        return tuple(params)

    def base_type(self, type_node) -> str:
        """``std::vector<int>`` -> ``vector``; ``unsigned long long`` -> ``long long``."""
        if type_node is None:
            return ""
        kind = type_node.type
        if kind == "template_type":
            return self.base_type(self.field(type_node, "name"))
        if kind == "qualified_identifier":
            return self.base_type(self.field(type_node, "name"))
        if kind == "sized_type_specifier":
            return "long long"
        if kind in ("placeholder_type_specifier", "auto"):
            return "auto"
        if kind in ("struct_specifier", "class_specifier", "union_specifier", "enum_specifier"):
            name = self.field(type_node, "name")
            return self.text(name) if name is not None else ""
        return self.text(type_node)

    def type_kind(self, type_node, declarator=None) -> str | None:
        """Skeleton kind of a declared type (``None`` when unknown or ``auto``)."""
        base = self.base_type(type_node)
        pointers = arrays = 0
        node = declarator
        while node is not None and node.type in _WRAPPING_DECLARATORS:
            if node.type in ("function_declarator", "abstract_function_declarator"):
                return "fn"
            if node.type in ("pointer_declarator", "abstract_pointer_declarator"):
                pointers += 1
            elif node.type in ("array_declarator", "abstract_array_declarator"):
                arrays += 1
            node = self.field(node, "declarator")
        if _is_node_type(base) and pointers + arrays <= 1:
            return "node" if arrays == 0 else "seq"
        if pointers + arrays:
            if base == "char" and pointers + arrays == 1:
                return self.CHAR_POINTER_KIND
            return "seq"
        if base in self.TYPE_KINDS:
            return self.TYPE_KINDS[base]
        if base in _NUMERIC_TYPES:
            return "num"
        return None

    def h_declaration(self, node) -> list[ir.Stmt]:
        type_node = self.field(node, "type")
        base = self.base_type(type_node)
        out: list[ir.Stmt] = []
        for declarator in self.fields(node, "declarator"):
            out += self.declare(base, type_node, declarator, self.line(node))
        return out

    def declare(self, base: str, type_node, declarator, line: int) -> list[ir.Stmt]:
        """One declarator of a declaration: a construction, an assignment or a bare declared kind."""
        name = self.declarator_name(declarator)
        kind = self.type_kind(type_node, declarator)
        target: ir.Expr = ir.Name(name)
        self.local_types[name] = base
        if declarator.type == "init_declarator":
            value_node = self.field(declarator, "value")
            inner = self.field(declarator, "declarator")
            if inner is not None and inner.type == "structured_binding_declarator":
                names = [self.text(c) for c in inner.named_children if c.type == "identifier"]
                self.locals.update(names)
                return [ir.Assign((ir.CollectionLit("tuple", tuple(map(ir.Name, names))),), self.expr(value_node),
                                  line=line)]
            if value_node is not None and value_node.type == "lambda_expression":
                self.locals.add(name)
                return [self.lambda_function(name, value_node)]
            value = self.initial_value(base, kind, value_node, inner)
            self.locals.add(name)
            return [ir.Assign((target,), value, declared=_declared(kind), line=line)]
        self.locals.add(name)
        if declarator.type == "function_declarator":
            return self.vexing_parse(base, name, declarator, line)
        if declarator.type == "array_declarator":
            size = self.field(declarator, "size")
            args = (self.expr(size),) if size is not None else ()
            return [ir.Assign((target,), ir.Call(ir.Name("vector"), args), declared="list", line=line)]
        if (base in self.CONSTRUCTOR_TYPES or base in self.user_types) and declarator.type == "identifier":
            return [ir.Assign((target,), ir.Call(ir.Name(base), ()), declared=_declared(kind), line=line)]
        return [ir.Assign((target,), None, declared=_declared(kind), line=line)]

    def vexing_parse(self, base: str, name: str, declarator, line: int) -> list[ir.Stmt]:
        """``vector<int> v(n);`` parses as a function prototype whose "parameter types" are the arguments;
        in a function body it is a construction.  A prototype with named parameters declares nothing."""
        args: list[ir.Expr] = []
        parameters = self.field(declarator, "parameters")
        for parameter in self.named(parameters) if parameters is not None else []:
            type_node = self.field(parameter, "type")
            if parameter.type != "parameter_declaration" or type_node is None \
                    or type_node.type in ("primitive_type", "sized_type_specifier"):
                return []
            if type_node.type in ("type_identifier", "qualified_identifier") \
                    and self.field(parameter, "declarator") is None:
                args.append(self.e_identifier(type_node))
            else:  # vector<int>(n) parsed as a type with an abstract declarator: an inner construction
                args.append(ir.Opaque("argument"))
        return [ir.Assign((ir.Name(name),), ir.Call(ir.Name(base), tuple(args)), line=line)]

    def initial_value(self, base: str, kind: str | None, value_node, inner) -> ir.Expr:
        """The value of ``T x = v`` / ``T x(args)`` / ``T x{items}`` / ``T x[n] = {...}``."""
        if inner is not None and inner.type == "array_declarator":
            if value_node is not None and value_node.type == "initializer_list" and len(self.named(value_node)) > 1:
                # int dirs[4][2] = {{1, 0}, ..}: the values themselves, as Java's int[][] dirs = {{1, 0}, ..}
                # (a single item, {0} or {-1}, only fills: the sized array below)
                return ir.CollectionLit("list", tuple(self.expr(child) for child in self.named(value_node)))
            size = self.field(inner, "size")
            return ir.Call(ir.Name("vector"), (self.expr(size),) if size is not None else ())
        if value_node is None:
            return ir.Literal("none")
        if value_node.type == "argument_list":  # vector<int> dp(n + 1, 0)
            args = tuple(self.expr(child) for child in self.named(value_node))
            if base in self.CONSTRUCTOR_TYPES or base in ("string", "pair", "tuple") or (
                    base in self.user_types and inner is not None and inner.type == "identifier"):
                return ir.Call(ir.Name(base), args)  # DSU dsu(n): a construction, as Java's new DSU(n)
            return args[0] if len(args) == 1 else ir.Call(ir.Name(base), args)
        if value_node.type == "initializer_list" and base in self.CONSTRUCTOR_TYPES:
            items = tuple(self.expr(child) for child in self.named(value_node))
            if len(items) == 2 and all(isinstance(i, ir.Call) and isinstance(i.func, ir.Attr)
                                       and i.func.name in ("begin", "end", "cbegin", "cend") for i in items):
                return ir.Call(ir.Name(base), items)  # set<int> s{v.begin(), v.end()}
            return ir.Call(ir.Name(base), (ir.CollectionLit("list", items),) if items else ())
        if base in self.CONSTRUCTOR_TYPES and inner is not None and inner.type == "identifier" \
                and value_node.type in ("identifier", "subscript_expression", "field_expression"):
            # vector<int> tmp = prices: a container is a value, so this copies it (as vector<int> tmp(prices)
            # and Python's tmp = prices.copy()); a reference (vector<int>& row = grid[i]) is no copy
            return ir.Call(ir.Name(base), (self.expr(value_node),))
        return self.expr(value_node)

    def lambda_function(self, name: str, node) -> ir.FunctionDef:
        """A named lambda (``auto dfs = [&](int i) {...}``) is a nested function."""
        declarator = self.field(node, "declarator")
        saved = set(self.locals)
        params = self.parameters(self.field(declarator, "parameters") if declarator is not None else None)
        body_node = self.field(node, "body")
        body = self.statements(self.named(body_node)) if body_node is not None else ()
        self.locals = saved
        return ir.FunctionDef(name, params, body, line=self.line(node))

    # -------------------------------------------------------------------------------- statements

    def h_function_definition(self, node) -> list[ir.Stmt]:
        return [self.function(node, owner=None)]

    def h_expression_statement(self, node) -> list[ir.Stmt]:
        out: list[ir.Stmt] = []
        for child in self.named(node):
            out += self.effect(child)
        return out

    def effect(self, node) -> list[ir.Stmt]:
        """An expression evaluated for its effect: assignments, ``i++``, comma lists, calls."""
        kind = node.type
        if kind == "assignment_expression":
            return self.assign_chain(node)
        if kind == "comma_expression":
            return self.effect(self.field(node, "left")) + self.effect(self.field(node, "right"))
        if kind == "parenthesized_expression" and len(self.named(node)) == 1:
            return self.effect(self.named(node)[0])
        expr = self.expr(node)
        swapped = tuple_swap(expr, _SWAPS, self.line(node))
        if swapped is not None:
            return [swapped]  # std::swap(s1, s2): Python's s1, s2 = s2, s1
        rebuilt = self.rebuild(expr)
        if rebuilt is not None:
            return [ir.Assign((expr.func.obj,), rebuilt, line=self.line(node))]  # type: ignore[union-attr]
        return [ir.ExprStmt(expr, self.line(node))]

    def rebuild(self, expr: ir.Expr) -> ir.Expr | None:
        """``v.assign(n, x)`` / ``v.resize(n)`` / ``v.clear()`` on a container rebuild it: the constructor
        call they amount to (Python writes ``v = [x] * n`` / ``v = []``), else None."""
        if not (isinstance(expr, ir.Call) and isinstance(expr.func, ir.Attr)
                and expr.func.name in ("assign", "resize", "clear")):
            return None
        obj = expr.func.obj
        base = None
        if isinstance(obj, ir.Name):
            base = self.local_types.get(obj.id) or self.demoted_bases.get(obj.id)
        elif isinstance(obj, ir.Attr) and isinstance(obj.obj, ir.Name) and obj.obj.id == "this":
            base = self.field_bases.get(obj.name)
        if base not in self.CONSTRUCTOR_TYPES or expr.func.name != "clear" and base not in ("vector", "string"):
            return None
        if expr.func.name == "assign" and len(expr.args) == 2 and isinstance(expr.args[0], ir.Call):
            return None  # v.assign(first, last): a copy of a range
        return ir.Call(ir.Name(base), expr.args)

    def assign_chain(self, node) -> list[ir.Stmt]:
        """``a = b = 0`` -> Assign((a, b), 0); ``a += x`` -> Assign(op="+")."""
        op = self.operator(node)
        left, right = self.field(node, "left"), self.field(node, "right")
        if op == "=":
            targets = [self.expr(left)]
            while right is not None and right.type == "assignment_expression" and self.operator(right) == "=":
                targets.append(self.expr(self.field(right, "left")))
                right = self.field(right, "right")
            return [ir.Assign(tuple(targets), self.expr(right), line=self.line(node))]
        return [ir.Assign((self.expr(left),), self.expr(right), op=op[:-1], line=self.line(node))]

    def condition(self, node) -> tuple[list[ir.Stmt], ir.Expr]:
        """(initialiser statements, test) of a ``condition_clause`` or parenthesised condition."""
        if node is None:
            return [], ir.Literal("bool", "true")
        if node.type != "condition_clause":
            return [], self.expr(node)
        pre: list[ir.Stmt] = []
        initializer = self.field(node, "initializer")
        if initializer is not None:
            for child in self.named(initializer) if initializer.type == "init_statement" else [initializer]:
                pre += self.statement(child)
        value = self.field(node, "value")
        if value is not None and value.type == "declaration":  # if (int x = f())
            pre += self.h_declaration(value)
            names = [self.declarator_name(d) for d in self.fields(value, "declarator")]
            return pre, ir.Name(names[0]) if names else ir.Literal("bool", "true")
        return pre, self.expr(value)

    def h_if(self, node) -> list[ir.Stmt]:
        pre, test = self.condition(self.field(node, "condition"))
        body = self.statement(self.field(node, "consequence"))
        orelse: list[ir.Stmt] = []
        alternative = self.field(node, "alternative")
        if alternative is not None:
            for child in self.named(alternative) if alternative.type == "else_clause" else [alternative]:
                orelse += self.statement(child)
        return pre + [ir.If(test, tuple(body), tuple(orelse), self.line(node))]

    def h_for(self, node) -> list[ir.Stmt]:
        init: list[ir.Stmt] = []
        initializer = self.field(node, "initializer")
        if initializer is not None:
            init = self.statement(initializer) if initializer.type == "declaration" else self.effect(initializer)
        condition = self.field(node, "condition")
        cond = self.expr(condition) if condition is not None else None
        update: list[ir.Stmt] = []
        for child in self.fields(node, "update"):
            update += self.effect(child)
        body = self.statement(self.field(node, "body"))
        return [ir.CFor(tuple(init), cond, tuple(update), tuple(body), self.line(node))]

    def h_while(self, node) -> list[ir.Stmt]:
        pre, test = self.condition(self.field(node, "condition"))
        body = self.statement(self.field(node, "body"))
        return pre + [ir.While(test, tuple(body), self.line(node))]

    def h_do(self, node) -> list[ir.Stmt]:
        body = self.statement(self.field(node, "body"))
        return [ir.While(self.expr(self.field(node, "condition")), tuple(body), self.line(node))]

    def h_return(self, node) -> list[ir.Stmt]:
        children = self.named(node)
        return [ir.Return(self.expr(children[0]) if children else None, self.line(node))]

    def h_switch(self, node) -> list[ir.Stmt]:
        pre, subject = self.condition(self.field(node, "condition"))
        body = self.field(node, "body")
        cases: list[ir.Stmt] = []
        for child in self.named(body) if body is not None else []:
            cases += self.statement(child)
        return pre + [ir.Block((ir.ExprStmt(subject),) + tuple(cases), self.line(node))]

    def h_case(self, node) -> list[ir.Stmt]:
        value = self.field(node, "value")
        body = [child for child in self.named(node) if child != value]
        stmts = [s for s in self.statements(body) if not isinstance(s, ir.Break)]
        return [ir.If(ir.Opaque("case"), tuple(stmts), (), self.line(node))]

    def h_labeled(self, node) -> list[ir.Stmt]:
        return list(self.statements(n for n in self.named(node) if n.type != "statement_identifier"))

    # ------------------------------------------------------------------------------- expressions

    def e_identifier(self, node) -> ir.Expr:
        name = self.text(node)
        if name in self.class_fields and name not in self.locals:
            return ir.Attr(ir.Name("this"), name)
        return ir.Name(name)

    def e_transparent(self, node) -> ir.Expr:
        """``*p``, ``&x``, ``(int) x``: the operand."""
        operand = self.field(node, "argument") or self.field(node, "value")
        return self.expr(operand)

    def e_sizeof(self, node) -> ir.Expr:
        return ir.Literal("num", "sizeof")

    def e_conditional(self, node) -> ir.Expr:
        return ir.Cond(self.expr(self.field(node, "condition")), self.expr(self.field(node, "consequence")),
                       self.expr(self.field(node, "alternative")))

    def e_assignment_expr(self, node) -> ir.Expr:
        """An assignment used as a value (``while ((n = f()))``): its parts still count."""
        return ir.Opaque("assign", (self.expr(self.field(node, "left")), self.expr(self.field(node, "right"))))

    def e_call(self, node) -> ir.Expr:
        function = self.field(node, "function")
        args_node = self.field(node, "arguments")
        args = tuple(self.expr(child) for child in self.named(args_node)) if args_node is not None else ()
        callee = self.callee(function)
        if isinstance(callee, ir.Name) and callee.id in CAST_FUNCTIONS and len(args) == 1:
            return args[0]
        return ir.Call(callee, args)

    def callee(self, node) -> ir.Expr:
        """The called expression; plain names are not field-resolved (methods are not fields)."""
        if node.type == "identifier":
            name = self.text(node)
            if name in self.class_fields and name not in self.locals:
                return ir.Attr(ir.Name("this"), name)
            return ir.Name(name)
        return self.expr(node)

    def e_field(self, node) -> ir.Expr:
        obj = self.expr(self.field(node, "argument"))
        name = self.text(self.field(node, "field"))
        if obj == ir.Name("this") and name in self.demoted:
            return ir.Name(name)
        return ir.Attr(obj, name)

    def e_subscript(self, node) -> ir.Expr:
        obj = self.expr(self.field(node, "argument"))
        indices = self.field(node, "indices")
        if indices is None:
            indices = self.field(node, "index")
            return ir.Index(obj, self.expr(indices))
        items = [self.expr(child) for child in self.named(indices)]
        return ir.Index(obj, items[0] if len(items) == 1 else ir.CollectionLit("tuple", tuple(items)))

    def e_initializer_list(self, node) -> ir.Expr:
        return ir.CollectionLit("list", tuple(self.expr(child) for child in self.named(node)))

    def e_compound_literal(self, node) -> ir.Expr:
        """``vector<int>{1, 2}`` / ``(struct P){...}``: a constructor call with the items."""
        base = self.base_type(self.field(node, "type"))
        value = self.field(node, "value")
        items = tuple(self.expr(child) for child in self.named(value)) if value is not None else ()
        if base in self.CONSTRUCTOR_TYPES:
            return ir.Call(ir.Name(base), (ir.CollectionLit("list", items),) if items else ())
        return ir.Call(ir.Name(base), items)


def _param_kind(kind: str | None) -> str:
    """Declared kind -> parameter kind (containers that are not parameter kinds become ``any``)."""
    if kind in ("seq", "str", "map", "set", "num", "bool", "node", "fn"):
        return kind
    if kind in ("list", "deque", "heap", "linked"):
        return "seq"
    if kind == "tree":
        return "map"
    return "any"


def _declared(kind: str | None) -> str | None:
    if kind == "seq":
        return "list"
    return kind


def drop_fill_loops(body: list[ir.Stmt]) -> tuple[ir.Stmt, ...]:
    """Drop a loop that only fills a list just built with plain values (``dp := make([]int, n); for i :=
    range dp { dp[i] = -1 }``, ``grid[i] = make([]int, m)``, ``parent[i] = i``): Python writes it as one
    ``[-1] * n`` / ``[[0] * m for _ in range(n)]`` / ``list(range(n))``, a construction.  Used by C++ and Go."""
    out: list[ir.Stmt] = []
    for stmt in body:
        if isinstance(stmt, (ir.Foreach, ir.CFor)) and out:
            built = {t for s in out[-3:] if isinstance(s, ir.Assign) and s.value is not None for t in s.targets}
            if built and _only_fills([stmt], built, frozenset()):
                continue
        out.append(stmt)
    return tuple(out)


def _only_fills(body, built: set, elements: frozenset) -> bool:
    """Only plain stores into ``built`` at plain positions.  A store keyed by an element of a walked
    collection (``for _, x := range xs { seen[x] = true }``, ``for (int x : nums) m[x] = 1;``) or by a
    looked-up value (``m[nums[i]] = i``) fills a map or set *from* that collection, Python's
    ``set(xs)``: the normaliser needs that loop, so it is not a fill."""
    if not body:
        return False
    for stmt in body:
        if isinstance(stmt, (ir.Block, ir.Foreach, ir.CFor)):
            inner = elements
            if isinstance(stmt, ir.Foreach) and not isinstance(stmt.iter, ir.Range):
                inner = elements | frozenset(stmt.targets)
            if not _only_fills(stmt.body, built, inner):
                return False
        elif not (isinstance(stmt, ir.Assign) and stmt.op is None and len(stmt.targets) == 1
                  and _element_of(stmt.targets[0], built) and _plain(stmt.value)
                  and _plain_position(stmt.targets[0], elements)):
            return False
    return True


def _plain_position(target: ir.Expr, elements: frozenset) -> bool:
    """No key of ``target`` is an element of a walked collection or a looked-up value."""
    while isinstance(target, ir.Index):
        if isinstance(target.index, ir.Name) and target.index.id in elements or not _plain(target.index):
            return False
        target = target.obj
    return True


def _element_of(target: ir.Expr, built: set) -> bool:
    while isinstance(target, ir.Index) and not target.is_slice:
        target = target.obj
        if target in built:
            return True
    return False


def _plain(value: ir.Expr | None) -> bool:
    """A value with no work in it: literals, names, constants, arithmetic, fresh empty collections."""
    stack = [value]
    while stack:
        node = stack.pop()
        if node is None or isinstance(node, (ir.Name, ir.Literal)):
            continue
        if isinstance(node, ir.Attr):
            stack.append(node.obj)
        elif isinstance(node, (ir.BinOp,)):
            stack += [node.left, node.right]
        elif isinstance(node, ir.UnaryOp):
            stack.append(node.operand)
        elif isinstance(node, ir.CollectionLit):
            stack += list(node.items)
        elif isinstance(node, ir.Call) and isinstance(node.func, ir.Name) and node.func.id in _ALLOCATORS:
            stack += list(node.args)
        else:
            return False
    return True


_ALLOCATORS = frozenset({"slice", "map", "set", "vector", "unordered_map", "unordered_set"})

