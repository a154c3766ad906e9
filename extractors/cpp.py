"""C++ extractor: the C-family walker plus classes, templates, range-for, lambdas, ``new`` and the STL tables.

``std::`` qualification is dropped (``std::sort`` and ``sort`` after ``using namespace std`` are one
name).  Containers are judged by their declared type: ``unordered_map`` is a hash map, ``map`` / ``set``
ordered trees, ``priority_queue`` a heap, ``queue`` a deque popped at the front and ``stack`` a list
used at one end, so the shared refinement names them queue / stack exactly as it does for Python's
``deque.popleft`` and ``list.pop``.  Iterator pairs (``sort(v.begin(), v.end())``) name their container:
``begin`` / ``end`` are a ``wrap`` of the receiver.
"""

from __future__ import annotations

import functools
import re
from typing import ClassVar

from skeldsl import ir
from skeldsl.normalise.spec import LanguageSpec

from ._clike import CFamilyExtractor, _declared
from ._treesitter import handler_table

# ------------------------------------------------------------------------------------------- tables

CONSTRUCTORS = {
    "vector": "list", "array": "list", "unordered_map": "map", "unordered_multimap": "map", "map": "tree",
    "multimap": "tree", "set": "tree", "multiset": "tree", "unordered_set": "set", "unordered_multiset": "set",
    "priority_queue": "heap", "queue": "deque", "deque": "deque", "stack": "list", "list": "linked",
    "forward_list": "linked", "stringstream": "strbuf", "ostringstream": "strbuf", "bitset": "list",
    "string": "str", "to_string": "str",
}

_BY_KIND: dict[str, dict[str, str]] = {
    "list": {
        "push_back": "list.append", "emplace_back": "list.append", "pop_back": "list.pop",
        "push": "list.append", "emplace": "list.append", "pop": "list.pop", "top": "none",
        "insert": "list.insert", "erase": "list.del", "front": "none", "back": "none",
        "clear": "none", "resize": "none", "assign": "none", "reserve": "none", "swap": "none", "at": "none",
        "data": "none", "fill": "none",
    },
    "deque": {
        "push_back": "deque.push", "emplace_back": "deque.push", "push_front": "deque.pushfront",
        "emplace_front": "deque.pushfront", "pop_front": "deque.popfront", "pop_back": "deque.pop",
        "push": "deque.push", "emplace": "deque.push", "pop": "deque.popfront", "front": "none", "back": "none",
        "clear": "none", "at": "none",
    },
    "heap": {"push": "heap.push", "emplace": "heap.push", "pop": "heap.pop", "top": "none"},
    "map": {
        "count": "map.has", "find": "map.has", "contains": "map.has", "insert": "map.put", "emplace": "map.put",
        "try_emplace": "map.put", "insert_or_assign": "map.put", "erase": "map.del", "at": "map.get",
        "clear": "none", "reserve": "none",
    },
    "set": {
        "count": "set.has", "find": "set.has", "contains": "set.has", "insert": "set.add", "emplace": "set.add",
        "erase": "set.del", "clear": "none", "reserve": "none",
    },
    "tree": {
        "count": "tree.has", "find": "tree.has", "contains": "tree.has", "insert": "tree.put",
        "emplace": "tree.put", "erase": "tree.del", "at": "tree.get", "lower_bound": "tree.near",
        "upper_bound": "tree.near", "equal_range": "tree.near", "clear": "none",
    },
    "str": {
        "substr": "slice", "find": "str.find", "rfind": "str.find", "find_first_of": "str.find",
        "find_last_of": "str.find", "compare": "none", "push_back": "strbuf.append", "append": "strbuf.append",
        "pop_back": "none", "back": "none", "front": "none", "c_str": "none", "insert": "str.concat",
        "erase": "str.replace", "replace": "str.replace", "clear": "none", "resize": "none", "at": "none",
        "starts_with": "str.find", "ends_with": "str.find",
    },
    "strbuf": {"str": "none"},
    "linked": {
        "push_back": "linked.push", "push_front": "linked.push", "emplace_back": "linked.push",
        "emplace_front": "linked.push", "pop_back": "linked.pop", "pop_front": "linked.pop",
        "erase": "linked.pop", "front": "none", "back": "none", "splice": "none", "clear": "none",
    },
    # receivers of unknown kind (elements, auto): distinctive names decide
    "*": {
        "push_back": "list.append", "emplace_back": "list.append", "pop_back": "list.pop",
        "push_front": "deque.pushfront", "pop_front": "deque.popfront", "substr": "slice",
        "size": "size", "length": "size", "empty": "empty", "begin": "wrap", "end": "wrap", "rbegin": "wrap",
        "rend": "wrap", "cbegin": "wrap", "cend": "wrap", "back": "none", "front": "none", "clear": "none",
    },
}
_METHODS = {(kind, method): op for kind, table in _BY_KIND.items() for method, op in table.items()}

SPEC = LanguageSpec(
    name="cpp",
    constructors=CONSTRUCTORS,
    methods=_METHODS,
    functions={
        "sort": ("sort", 0), "stable_sort": ("sort", 0), "partial_sort": ("sort", 0), "reverse": ("reverse", 0),
        "lower_bound": ("bsearch", 0), "upper_bound": ("bsearch", 0), "binary_search": ("bsearch", 0),
        "equal_range": ("bsearch", 0), "partition_point": ("bsearch", 0),
        "accumulate": ("reduce", 0), "max_element": ("reduce", 0), "min_element": ("reduce", 0),
        "count": ("reduce", 0), "count_if": ("reduce", 0), "all_of": ("reduce", 0), "any_of": ("reduce", 0),
        "none_of": ("reduce", 0), "equal": ("reduce", 0), "find": ("list.has", 0), "find_if": ("list.find", 0),
        "min": ("reduce", 0), "max": ("reduce", 0), "make_heap": ("heap.push", 0), "push_heap": ("heap.push", 0),
        "pop_heap": ("heap.pop", 0), "next_permutation": ("reverse", 0), "prev_permutation": ("reverse", 0),
        "unique": ("reduce", 0), "fill": ("none", 0), "iota": ("none", 0), "memset": ("none", 0),
        "swap": ("none", 0), "abs": ("none", 0), "to_string": ("none", 0), "stoi": ("none", 0),
        "stol": ("none", 0), "stoll": ("none", 0), "sqrt": ("none", 0), "pow": ("none", 0), "gcd": ("none", 0),
        "make_pair": ("none", 0), "make_tuple": ("none", 0), "tie": ("none", 0), "isalnum": ("none", 0),
        "isdigit": ("none", 0), "isalpha": ("none", 0), "tolower": ("none", 0), "toupper": ("none", 0),
        "distance": ("none", 0), "advance": ("none", 0), "next": ("none", 0), "prev": ("none", 0),
        "__builtin_popcount": ("none", 0), "printf": ("none", 0), "size": ("size", 0),
        "begin": ("wrap", 0), "end": ("wrap", 0),
    },
    size_attributes=frozenset(),
    memo_decorators=frozenset(),
    self_names=frozenset({"this"}),
    value_collections=True,
    inplace_string_append=frozenset({"+="}),
)

_TYPE_KINDS = {
    "vector": "seq", "array": "seq", "string": "str", "string_view": "str", "unordered_map": "map",
    "map": "map", "multimap": "map", "unordered_set": "set", "set": "set", "multiset": "set",
    "unordered_multiset": "set", "bool": "bool", "function": "fn", "priority_queue": "heap", "queue": "deque",
    "deque": "deque", "stack": "list", "list": "linked", "stringstream": "strbuf", "ostringstream": "strbuf",
}


_CLASS_NAME = re.compile(r"\b(?:class|struct)\s+(\w+)\s*(?:final\s*)?[:{]")


class CppExtractor(CFamilyExtractor):
    LANGUAGE = "cpp"
    TYPE_KINDS = _TYPE_KINDS
    CONSTRUCTOR_TYPES = frozenset(CONSTRUCTORS) - {"string"}
    CHAR_POINTER_KIND = "str"

    STATEMENTS: ClassVar[dict[str, str]] = {
        **CFamilyExtractor.STATEMENTS,
        **handler_table(
            h_range_for=["for_range_loop"],
            h_try=["try_statement"],
            h_throw=["throw_statement"],
            h_class_statement=["class_specifier"],
            h_ignore=["alias_declaration", "using_declaration", "namespace_alias_definition",
                       "template_declaration", "friend_declaration", "concept_definition"],
        ),
    }
    EXPRESSIONS: ClassVar[dict[str, str]] = {
        **CFamilyExtractor.EXPRESSIONS,
        **handler_table(
            e_lambda=["lambda_expression"],
            e_new=["new_expression"],
            e_qualified=["qualified_identifier", "template_function", "template_method", "dependent_name",
                         "destructor_name", "operator_name"],
            e_this=["this"],
            e_number=["user_defined_literal"],
            e_opaque=["delete_expression", "fold_expression", "parameter_pack_expansion", "co_await_expression",
                       "requires_expression", "template_type"],
        ),
    }

    # ------------------------------------------------------------------------------------ module

    def module(self, root) -> ir.Module:
        # ``DSU dsu(n);`` constructs a class of the program (``initial_value``): collect their names first
        self.user_types = frozenset(_CLASS_NAME.findall(self.source.decode("utf-8", "replace"))) - {"Solution"}
        return super().module(root)

    def toplevel_item(self, node, toplevel: list[ir.Stmt]) -> list[ir.FunctionDef]:
        kind = node.type
        if kind in ("class_specifier", "struct_specifier"):
            return self.class_methods(node)
        if kind == "function_definition":
            declarator = self.function_declarator(node)
            name_node = self.field(declarator, "declarator") if declarator is not None else None
            owner = None
            if name_node is not None and name_node.type == "qualified_identifier":  # Solution::f
                owner = self.text(self.field(name_node, "scope"))
            return [self.function(node, owner=owner)]
        if kind == "declaration":
            type_node = self.field(node, "type")
            functions = self.class_methods(type_node) if type_node is not None and type_node.type in (
                "class_specifier", "struct_specifier") else []
            toplevel += self.h_declaration(node)
            return functions
        if kind in ("template_declaration", "namespace_definition", "declaration_list", "linkage_specification"):
            functions: list[ir.FunctionDef] = []
            for child in self.named(node):
                if child.type not in ("template_parameter_list", "namespace_identifier", "string_literal"):
                    functions += self.toplevel_item(child, toplevel)
            return functions
        return []

    def class_methods(self, node) -> list[ir.FunctionDef]:
        """Methods of a class/struct (nested classes too); fields are resolved to ``this.x`` in them."""
        name_node = self.field(node, "name")
        owner = self.text(name_node) if name_node is not None else "<anonymous>"
        body = self.field(node, "body")
        if body is None:
            return []
        field_types: dict[str, tuple[str, str | None, object]] = {}
        definitions = []
        nested: list = []
        for item in self.named(body):
            if item.type == "template_declaration":
                item = next((c for c in self.named(item) if c.type == "function_definition"), item)
            if item.type == "function_definition":
                definitions.append(item)
            elif item.type == "field_declaration":
                type_node = self.field(item, "type")
                if type_node is not None and type_node.type in ("class_specifier", "struct_specifier"):
                    nested.append(type_node)
                base = self.base_type(type_node)
                default = self.field(item, "default_value")
                for declarator in self.fields(item, "declarator"):
                    if self.function_declarator_under(declarator):
                        continue
                    field = self.declarator_name(declarator)
                    field_types[field] = (base, self.type_kind(type_node, declarator), default)
            elif item.type in ("class_specifier", "struct_specifier"):
                nested.append(item)
        if owner == "Solution" and definitions and not any(
                self.declarator_name(self.function_declarator(d)) == owner for d in definitions):
            demoted = self.solution_class(owner, definitions, field_types, body)
            if demoted is not None:
                return demoted + [m for inner in nested for m in self.class_methods(inner)]
        saved_fields, saved_bases = self.class_fields, self.field_bases
        self.class_fields = frozenset(field_types)
        self.field_bases = {field: base for field, (base, _, _) in field_types.items()}
        methods: list[ir.FunctionDef] = []
        for definition in definitions:
            declarator = self.function_declarator(definition)
            method = self.declarator_name(declarator) if declarator is not None else ""
            is_constructor = method == owner
            methods.append(self.function(definition, owner=owner, prologue=functools.partial(
                self.field_prologue, definition, field_types, is_constructor)))
        self.class_fields, self.field_bases = saved_fields, saved_bases
        for inner in nested:
            methods += self.class_methods(inner)
        return methods

    def solution_class(self, owner: str, definitions, field_types, body) -> list[ir.FunctionDef] | None:
        """LeetCode's ``Solution``: one entry method, helper methods and fields they share (None when the
        entry method calls itself: its fields then live across its calls, as ``self.dp`` in Python).

        Python writes it as one method with nested helper functions and locals they capture; so that
        both give one skeleton, the fields become locals of the entry method (the first public method
        no other method calls) and the other methods nested functions in it (the normaliser lifts the
        captured collections into parameters, as for Python closures)."""
        names = [self.declarator_name(self.function_declarator(d)) for d in definitions]
        texts = [self.text(d) for d in definitions]
        called = {name for name in names for i, text in enumerate(texts)
                  if names[i] != name and f"{name}(" in text}
        public = self.public_definitions(body)
        candidates = [d for d, name in zip(definitions, names) if name not in called] or definitions
        entry = next((d for d in candidates if d.id in public), candidates[0])
        entry_name = names[definitions.index(entry)]
        if field_types and len(re.findall(rf"(?<![\w.>]){re.escape(entry_name)}\s*\(", texts[definitions.index(entry)])) > 1:
            return None  # a recursive entry method keeps its fields (a memo table outlives each call)
        setup: list[ir.Stmt] = []
        for field, (base, kind, default) in field_types.items():
            target = ir.Name(field)
            if default is not None:
                value: ir.Expr | None = self.initial_value(base, kind, default, None)
            elif base in self.CONSTRUCTOR_TYPES and not _rebuilt(field, texts):
                value = ir.Call(ir.Name(base), ())
            else:
                value = None
            setup.append(ir.Assign((target,), value, declared=_declared(kind)))
        saved = self.demoted, self.demoted_bases
        self.demoted = frozenset(field_types)
        self.demoted_bases = {field: base for field, (base, _, _) in field_types.items()}
        helpers = [self.function(d, owner=owner) for d in definitions if d.id != entry.id]
        function = self.function(entry, owner=owner)
        self.demoted, self.demoted_bases = saved
        return [ir.FunctionDef(function.name, function.params, tuple(setup) + tuple(helpers) + function.body,
                               owner=owner, line=function.line)]

    def public_definitions(self, body) -> set[int]:
        """Ids of the method definitions under a ``public:`` label."""
        public, out = False, set()
        for item in body.named_children:
            if item.type == "access_specifier":
                public = self.text(item).startswith("public")
            elif item.type == "function_definition" and public:
                out.add(item.id)
        return out

    def function_declarator_under(self, declarator) -> bool:
        node = declarator
        while node is not None:
            if node.type == "function_declarator":
                return True
            node = self.field(node, "declarator")
        return False

    def field_prologue(self, definition, field_types, is_constructor: bool,
                       body: tuple[ir.Stmt, ...]) -> tuple[ir.Stmt, ...]:
        """Field kinds for every method; constructions (initialiser list, defaults) in constructors,
        unless the constructor's body assigns the field itself."""
        out: list[ir.Stmt] = []
        assigned = {target.name for stmt in body if isinstance(stmt, ir.Assign) and stmt.op is None
                    for target in stmt.targets if isinstance(target, ir.Attr)}
        initialised: dict[str, object] = {}
        if is_constructor:
            for child in self.named(definition):
                if child.type == "field_initializer_list":
                    for init in self.named(child):
                        name = next((c for c in self.named(init) if c.type == "field_identifier"), None)
                        args = next((c for c in self.named(init) if c.type in ("argument_list", "initializer_list")),
                                    None)
                        if name is not None:
                            initialised[self.text(name)] = args
        for field, (base, kind, default) in field_types.items():
            target = ir.Attr(ir.Name("this"), field)
            if is_constructor and field in assigned and field not in initialised:
                out.append(ir.Assign((target,), None, declared=_declared(kind)))
            elif is_constructor and (field in initialised or default is not None or base in self.CONSTRUCTOR_TYPES):
                args_node = initialised.get(field)
                if args_node is not None:
                    value = self.initial_value(base, kind, args_node, None)
                elif default is not None:
                    value = self.initial_value(base, kind, default, None)
                elif base in self.CONSTRUCTOR_TYPES:
                    value = ir.Call(ir.Name(base), ())
                else:
                    continue
                out.append(ir.Assign((target,), value, declared=_declared(kind)))
            elif kind is not None and kind not in ("num", "bool"):
                out.append(ir.Assign((target,), None, declared=_declared(kind)))
        return tuple(out)

    # -------------------------------------------------------------------------------- statements

    def h_range_for(self, node) -> list[ir.Stmt]:
        declarator = self.field(node, "declarator")
        names = self.binding_names(declarator)
        self.locals.update(names)
        iterable = self.expr(self.field(node, "right"))
        body = self.statement(self.field(node, "body"))
        pre: list[ir.Stmt] = []
        initializer = self.field(node, "initializer")
        if initializer is not None:
            pre = list(self.statements(self.named(initializer)))
        return pre + [ir.Foreach(tuple(names), iterable, tuple(body), self.line(node))]

    def binding_names(self, declarator) -> list[str]:
        node = declarator
        while node is not None and node.type in ("reference_declarator", "pointer_declarator"):
            node = self.field(node, "declarator") or next(iter(self.named(node)), None)
        if node is None:
            return ["_"]
        if node.type == "structured_binding_declarator":
            return [self.text(child) for child in self.named(node)]
        return [self.text(node)]

    def h_try(self, node) -> list[ir.Stmt]:
        body: list[ir.Stmt] = list(self.statement(self.field(node, "body")))
        for child in self.named(node):
            if child.type == "catch_clause":
                body += self.statement(self.field(child, "body"))
        return [ir.Block(tuple(body), self.line(node))]

    def h_throw(self, node) -> list[ir.Stmt]:
        return []

    def h_class_statement(self, node) -> list[ir.Stmt]:
        """A local class: its methods become nested functions."""
        return list(self.class_methods(node))

    # ------------------------------------------------------------------------------- expressions

    def e_lambda(self, node) -> ir.Expr:
        """An unnamed lambda (comparators, callbacks): its parameters and a single returned expression."""
        declarator = self.field(node, "declarator")
        saved = set(self.locals)
        params = self.parameters(self.field(declarator, "parameters") if declarator is not None else None)
        body_node = self.field(node, "body")
        statements = self.named(body_node) if body_node is not None else []
        body: ir.Expr = ir.Literal("none")
        if len(statements) == 1 and statements[0].type == "return_statement" and self.named(statements[0]):
            body = self.expr(self.named(statements[0])[0])
        elif statements:
            body = ir.Opaque("lambda", tuple(
                s.expr for s in self.statements(statements) if isinstance(s, ir.ExprStmt)))
        self.locals = saved
        return ir.Lambda(tuple(p.name for p in params), body)

    def e_new(self, node) -> ir.Expr:
        """``new TreeNode(x)`` is a constructor call; ``new int[n]`` an array of size n."""
        base = self.base_type(self.field(node, "type"))
        declarator = self.field(node, "declarator")
        if declarator is not None and declarator.type == "new_declarator":
            size = next(iter(self.named(declarator)), None)
            return ir.Call(ir.Name("vector"), (self.expr(size),) if size is not None else ())
        args_node = self.field(node, "arguments")
        args = tuple(self.expr(child) for child in self.named(args_node)) if args_node is not None else ()
        return ir.Call(ir.Name(base), args)

    def e_qualified(self, node) -> ir.Expr:
        """``std::sort`` -> ``sort``; ``Solution::f`` -> ``f``; ``max<int>`` -> ``max``."""
        current = node
        while current is not None and current.type in ("qualified_identifier", "template_function",
                                                        "template_method", "dependent_name"):
            current = self.field(current, "name") or next(iter(self.named(current)), None)
        return ir.Name(self.text(current) if current is not None else self.text(node))

    def e_this(self, node) -> ir.Expr:
        return ir.Name("this")



def _rebuilt(field: str, texts: list[str]) -> bool:
    """Does some method assign the whole field (``dp = ...``, ``dp.assign(...)``, ``dp.resize(...)``)?"""
    pattern = re.compile(rf"(?<![\w.>]){re.escape(field)}\s*(=[^=]|\.assign\(|\.resize\()|this->{re.escape(field)}\s*=[^=]")
    return any(pattern.search(text) for text in texts)


def extract(source: str, path: str | None = None) -> ir.Module:
    """C++ source -> IR (``SourceSyntaxError`` at the first syntax error)."""
    return CppExtractor.extract(source, path)


__all__ = ["SPEC", "CppExtractor", "extract"]
