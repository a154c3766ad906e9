"""Rust extractor: tree-sitter Rust tree -> IR, plus Rust's tables for the shared vocabulary.

Rust is expression-oriented, so the extractor works with *tail positions*: the last expression of a
function body (and of the branches of a tail ``if`` / ``match``) is a ``return``, exactly what Python
writes with the keyword.  Idioms rewritten into the forms other languages use:

* ``while let Some(x) = stack.pop()`` is ``while stack { x = stack.pop() ... }`` (a worklist loop);
* ``if let Some(v) = map.get(&k)`` is ``if k in map { v = map[k] ... }``;
* ``*map.entry(k).or_insert(0) += 1`` is ``map[k] += 1``; ``map.entry(k).or_default().push(x)``
  is ``map[k].push(x)``;
* ``vec![v; n]`` is ``[v] * n`` and ``vec![a, b]`` a list literal (macro arguments are re-parsed as
  a Rust array expression, the only place tree-sitter leaves tokens unparsed);
* ``xs.iter().enumerate()`` is ``enumerate(xs)``; ``.unwrap()``, ``.borrow()``, ``.as_ref()``,
  ``&x``, ``*x`` and ``x as T`` are transparent; ``a.max(b)`` on scalars is not a reduction;
* ``Self::f`` / ``Solution::f`` call the user function ``f``; a function returning a struct literal of
  its own type (``Self { map: HashMap::new() }``) initialises fields like a constructor.
"""

from __future__ import annotations

from skeldsl import ir
from skeldsl.normalise.spec import LanguageSpec

from ._clike import FastDispatch
from ._swap import tuple_swap
from ._treesitter import TreeSitterExtractor, handler_table, parse_tree

# ------------------------------------------------------------------------------------------- tables

_WRAPS = ("iter", "into_iter", "iter_mut", "rev", "chars", "bytes", "keys", "values", "values_mut", "copied",
          "cloned", "skip", "take", "zip", "step_by", "as_bytes", "char_indices", "windows", "chunks",
          "into_keys", "into_values", "peekable", "drain")
_BY_KIND: dict[str, dict[str, str]] = {
    "list": {
        "push": "list.append", "pop": "list.pop", "insert": "list.insert", "remove": "list.del",
        "contains": "list.has", "sort": "sort", "sort_unstable": "sort", "sort_by": "sort", "sort_by_key": "sort",
        "sort_unstable_by": "sort", "sort_unstable_by_key": "sort", "reverse": "reverse",
        "binary_search": "bsearch", "binary_search_by": "bsearch", "binary_search_by_key": "bsearch",
        "partition_point": "bsearch", "extend": "list.extend", "extend_from_slice": "list.extend",
        "clone": "copy", "to_vec": "copy", "join": "str.join", "concat": "str.join", "last": "none",
        "first": "none", "swap": "none", "truncate": "none", "clear": "none", "resize": "none",
        "iter_mut": "wrap", "position": "list.find", "dedup": "reduce", "retain": "reduce",
        "swap_remove": "list.pop", "split_off": "slice",
    },
    "map": {
        "insert": "map.put", "get": "map.get", "get_mut": "map.get", "contains_key": "map.has",
        "remove": "map.del", "entry": "map.get", "clone": "copy", "clear": "none", "get_or_insert": "map.put",
    },
    "set": {"insert": "set.add", "contains": "set.has", "remove": "set.del", "clone": "copy", "clear": "none",
            "take": "set.del"},
    "deque": {
        "push_back": "deque.push", "push_front": "deque.pushfront", "pop_front": "deque.popfront",
        "pop_back": "deque.pop", "front": "none", "back": "none", "clear": "none",
    },
    "heap": {"push": "heap.push", "pop": "heap.pop", "peek": "none", "clear": "none", "into_sorted_vec": "sort"},
    "tree": {
        "insert": "tree.put", "get": "tree.get", "get_mut": "tree.get", "contains_key": "tree.has",
        "contains": "tree.has", "remove": "tree.del", "range": "tree.near", "first_key_value": "tree.near",
        "last_key_value": "tree.near", "pop_first": "tree.del", "pop_last": "tree.del", "first": "tree.near",
        "last": "tree.near", "entry": "tree.get",
    },
    "str": {
        "push": "strbuf.append", "push_str": "strbuf.append", "contains": "str.find", "find": "str.find",
        "rfind": "str.find", "starts_with": "str.find", "ends_with": "str.find", "split": "str.split",
        "split_whitespace": "str.split", "replace": "str.replace", "to_string": "none", "to_owned": "none",
        "clone": "none", "as_str": "none", "to_lowercase": "copy", "to_uppercase": "copy", "trim": "none",
        "pop": "none", "insert": "str.concat", "repeat": "none", "parse": "none", "remove": "str.replace",
    },
    "*": {
        "push": "list.append", "pop": "list.pop", "push_back": "deque.push", "pop_front": "deque.popfront",
        "push_front": "deque.pushfront", "pop_back": "deque.pop", "contains_key": "map.has",
        "len": "size", "is_empty": "empty", "sum": "reduce", "product": "reduce", "count": "reduce",
        "all": "reduce", "any": "reduce", "sort": "sort", "sort_unstable": "sort", "sort_by": "sort",
        "sort_by_key": "sort", "sort_unstable_by": "sort", "sort_unstable_by_key": "sort", "reverse": "reverse",
        "binary_search": "bsearch", "binary_search_by": "bsearch", "partition_point": "bsearch",
        "or_insert": "map.put", "or_insert_with": "map.put", "or_default": "map.put", "extend": "list.extend",
        "to_vec": "copy", "collect": "wrap", "max": "reduce", "min": "reduce", "max_by_key": "reduce",
        "min_by_key": "reduce", "for_each": "iterate", "map": "iterate", "filter": "iterate",
        "filter_map": "iterate", "fold": "iterate", "flat_map": "iterate", "to_string": "none",
        "to_owned": "none", "abs": "none", "pow": "none", "clone": "none", "last": "none", "first": "none",
        "push_str": "strbuf.append", "chars": "wrap", "join": "str.join", "position": "list.find",
        "rposition": "list.find", "contains": "list.has",
    },
}
# a string's bytes are the string itself seen as a sequence (Python indexes and walks ``s`` directly)
_BY_KIND["str"].update({"as_bytes": "view", "into_bytes": "view"})
_BY_KIND["*"].update({"as_bytes": "view", "into_bytes": "view"})
for _kind in ("list", "map", "set", "deque", "heap", "tree", "str", "*"):
    _BY_KIND[_kind].update({m: "wrap" for m in _WRAPS if m not in _BY_KIND[_kind]})
    _BY_KIND[_kind].setdefault("len", "size")
    _BY_KIND[_kind].setdefault("is_empty", "empty")
_METHODS = {(kind, method): op for kind, table in _BY_KIND.items() for method, op in table.items()}

_CONSTRUCTORS = {
    "Vec::new": "list", "Vec::with_capacity": "list", "HashMap::new": "map", "HashMap::with_capacity": "map",
    "HashSet::new": "set", "HashSet::with_capacity": "set", "VecDeque::new": "deque",
    "VecDeque::with_capacity": "deque", "VecDeque::from": "deque", "BinaryHeap::new": "heap",
    "BinaryHeap::from": "heap", "BinaryHeap::with_capacity": "heap", "BTreeMap::new": "tree",
    "BTreeSet::new": "tree", "HashSet::from": "set", "HashMap::from": "map", "String::new": "str",
    "String::with_capacity": "str", "Vec::from": "list", "to_string": "str",
    "BinaryHeap::from_iter": "heap", "HashSet::from_iter": "set", "HashMap::from_iter": "map",
    "VecDeque::from_iter": "deque", "Vec::from_iter": "list", "BTreeSet::from_iter": "tree",
    "BTreeMap::from_iter": "tree", "BTreeSet::from": "tree", "BTreeMap::from": "tree",
}
_EMPTY_STRINGS = frozenset({"String::new", "String::with_capacity", "String::from"})
_CAPACITY = frozenset(name for name in _CONSTRUCTORS if name.endswith("with_capacity"))
# the constructor a ``.collect()`` into a declared collection kind stands for
_COLLECTED_INTO = {"set": "HashSet::from", "map": "HashMap::from", "heap": "BinaryHeap::from",
                   "deque": "VecDeque::from"}

SPEC = LanguageSpec(
    name="rust",
    constructors=_CONSTRUCTORS,
    methods=_METHODS,
    functions={
        "enumerate": ("wrap", 0), "sum": ("reduce", 0), "std::mem::swap": ("none", 0), "mem::swap": ("none", 0),
        "std::cmp::max": ("reduce", 0), "std::cmp::min": ("reduce", 0), "max": ("reduce", 0), "min": ("reduce", 0),
        "Some": ("none", 0), "Rc::new": ("none", 0), "RefCell::new": ("none", 0), "Box::new": ("none", 0),
        "Rc::clone": ("none", 0), "String::from": ("none", 0), "Reverse": ("none", 0), "to_string": ("none", 0),
    },
    size_attributes=frozenset(),
    memo_decorators=frozenset(),
    self_names=frozenset({"self"}),
    inplace_string_append=frozenset({"+=", "s = s +"}),
)

_TYPE_KINDS = {
    "Vec": "seq", "VecDeque": "deque", "HashMap": "map", "HashSet": "set", "BTreeMap": "tree", "BTreeSet": "tree",
    "BinaryHeap": "heap", "String": "str", "str": "str", "bool": "bool", "char": "num",
}
_WRAPPER_TYPES = frozenset({"Option", "Rc", "RefCell", "Box", "Cell", "Reverse"})
_TRANSPARENT_METHODS = frozenset({"unwrap", "borrow", "borrow_mut", "as_ref", "as_mut", "expect", "unwrap_or",
                                  "unwrap_or_default", "into", "as_deref", "try_into", "as_slice", "as_mut_slice"})
# integer methods that are the arithmetic other languages write with operators (``0..n.saturating_sub(1)``)
_ARITHMETIC_METHODS = {"saturating_sub": "-", "wrapping_sub": "-", "checked_sub": "-", "abs_diff": "-",
                       "saturating_add": "+", "wrapping_add": "+", "checked_add": "+", "saturating_mul": "*",
                       "wrapping_mul": "*", "checked_mul": "*", "checked_div": "/", "div_euclid": "/",
                       "rem_euclid": "%"}
_SWAPS = frozenset({"mem::swap", "std::mem::swap"})
_SPLITS = frozenset({"split", "split_whitespace", "split_ascii_whitespace", "rsplit", "splitn", "split_terminator"})
_SEARCHES = frozenset({"binary_search", "binary_search_by", "binary_search_by_key", "partition_point"})
_TAKING = frozenset({"pop", "pop_front", "pop_back", "pop_first", "pop_last", "take", "remove"})
_STATEMENT_EXPRESSIONS = frozenset({"if_expression", "for_expression", "while_expression", "loop_expression",
                                    "match_expression", "block", "assignment_expression",
                                    "compound_assignment_expr", "return_expression", "break_expression",
                                    "continue_expression", "unsafe_block"})


class RustExtractor(FastDispatch, TreeSitterExtractor):
    LANGUAGE = "rust"
    STATEMENTS = handler_table(
        h_let=["let_declaration"],
        h_expression_statement=["expression_statement"],
        h_item=["function_item"],
        h_ignore=["use_declaration", "struct_item", "enum_item", "const_item", "static_item", "type_item",
                  "attribute_item", "inner_attribute_item", "empty_statement", "macro_definition", "trait_item",
                  "mod_item", "impl_item"],
    )
    EXPRESSIONS = handler_table(
        e_identifier=["identifier"],
        e_name=["field_identifier", "type_identifier", "primitive_type", "shorthand_field_identifier"],
        e_self=["self"],
        e_number=["integer_literal", "float_literal", "negative_literal"],
        e_string=["string_literal", "raw_string_literal"],
        e_char=["char_literal"],
        e_bool=["boolean_literal"],
        e_none=["unit_expression"],
        e_parenthesized=["parenthesized_expression"],
        e_binary=["binary_expression"],
        e_unary=["unary_expression"],
        e_transparent=["reference_expression", "type_cast_expression", "try_expression", "await_expression"],
        e_call=["call_expression"],
        e_field=["field_expression"],
        e_index=["index_expression"],
        e_range=["range_expression"],
        e_scoped=["scoped_identifier", "generic_function"],
        e_macro=["macro_invocation"],
        e_array=["array_expression"],
        e_tuple=["tuple_expression"],
        e_struct=["struct_expression"],
        e_closure=["closure_expression"],
        e_if=["if_expression"],
        e_block_value=["block", "match_expression", "loop_expression", "unsafe_block", "while_expression",
                       "for_expression"],
        e_let_condition=["let_condition"],
        e_assign_value=["assignment_expression", "compound_assignment_expr"],
        e_exit_value=["return_expression", "break_expression", "continue_expression"],
        e_opaque=["token_tree", "generic_type", "scoped_type_identifier", "let_chain", "array_type",
                  "reference_type", "tuple_type", "type_arguments"],
    )
    IGNORED = frozenset({"line_comment", "block_comment", "comment", "attribute_item", "label"})

    def __init__(self, source: bytes, path: str | None) -> None:
        super().__init__(source, path)
        self._statements, self._expressions = self.dispatch_tables()
        self.struct_fields: dict[str, dict[str, str | None]] = {}
        self.owner: str | None = None
        self.pending: list[ir.Stmt] = []  # statements an ``if let`` condition runs before its test
        self.field_locals: dict[str, str] = {}  # constructor locals that become fields (``Self { prefix }``)
        self.entry_aliases: dict[str, ir.Index] = {}  # locals that are mutable references m[k]
        self.entry_context = False

    # ------------------------------------------------------------------------------------ module

    def module(self, root) -> ir.Module:
        for node in root.named_children:
            if node.type == "struct_item":
                self.struct_item(node)
        functions: list[ir.FunctionDef] = []
        for node in self.named(root):
            if node.type == "function_item":
                functions.append(self.function(node, owner=None))
            elif node.type == "impl_item":
                owner = self.text(self.field(node, "type"))
                body = self.field(node, "body")
                trait = self.field(node, "trait")
                if trait is not None and self.text(trait) in ("Ord", "PartialOrd", "PartialEq", "Eq", "Hash",
                                                               "Default", "Display", "Debug", "Clone"):
                    continue  # comparator / trait glue (BinaryHeap orderings) is not the algorithm
                for item in self.named(body) if body is not None else []:
                    if item.type == "function_item":
                        functions.append(self.function(item, owner=owner))
        return ir.Module("rust", tuple(functions), ())

    def struct_item(self, node) -> None:
        name = self.text(self.field(node, "name"))
        body = self.field(node, "body")
        fields: dict[str, str | None] = {}
        for declaration in self.named(body) if body is not None and body.type == "field_declaration_list" else []:
            if declaration.type == "field_declaration":
                fields[self.text(self.field(declaration, "name"))] = self.type_kind(self.field(declaration, "type"))
        self.struct_fields[name] = fields

    def function(self, node, owner: str | None) -> ir.FunctionDef:
        saved = self.owner
        if owner is not None:
            self.owner = owner
        params = self.parameters(self.field(node, "parameters"))
        prologue: list[ir.Stmt] = []
        has_self = any(c.type == "self_parameter" for c in self.named(self.field(node, "parameters")))
        if owner is not None and has_self:
            for field, kind in self.struct_fields.get(owner, {}).items():
                if kind is not None and kind not in ("num", "bool"):
                    prologue.append(ir.Assign((ir.Attr(ir.Name("self"), field),), None, declared=_declared(kind)))
        saved_locals, saved_aliases = self.field_locals, self.entry_aliases
        self.entry_aliases = {}
        self.field_locals = self.constructor_locals(self.field(node, "body")) if owner is not None and not has_self else {}
        body = _captured_tables(self.block_statements(self.field(node, "body"), tail=True))
        self.field_locals, self.entry_aliases = saved_locals, saved_aliases
        self.owner = saved
        return ir.FunctionDef(self.text(self.field(node, "name")), params, tuple(prologue) + tuple(body),
                              owner=owner, line=self.line(node))

    def parameters(self, node) -> tuple[ir.Param, ...]:
        params: list[ir.Param] = []
        for child in self.named(node) if node is not None else []:
            if child.type != "parameter":
                continue
            names = self.pattern_names(self.field(child, "pattern"))
            type_node = self.field(child, "type")
            kind = _param_kind(self.type_kind(type_node))
            if kind in ("num", "bool") and type_node is not None and type_node.type == "reference_type" and \
                    any(c.type == "mutable_specifier" for c in type_node.children):
                continue  # `res: &mut i32`: the running answer Python keeps in a nonlocal / self field
            params += [ir.Param(name, kind) for name in names]
        return tuple(params)

    def type_kind(self, node) -> str | None:
        while node is not None and node.type in ("reference_type", "pointer_type"):
            node = self.field(node, "type")
        if node is None:
            return None
        if node.type == "array_type" and self.field(node, "length") is None \
                and self.text(self.field(node, "element")) in ("u8", "char"):
            return "str"  # &[u8] / &[char]: how Rust passes a string to be indexed (Python passes the str)
        if node.type in ("array_type", "slice_type"):
            return "seq"
        if node.type == "primitive_type":
            text = self.text(node)
            return _TYPE_KINDS.get(text, "num")
        if node.type == "generic_type":
            name = self.text(self.field(node, "type")).rsplit("::", 1)[-1]
            if name in _WRAPPER_TYPES:
                arguments = self.field(node, "type_arguments")
                inner = next(iter(self.named(arguments)), None) if arguments is not None else None
                return self.type_kind(inner)
            return _TYPE_KINDS.get(name)
        if node.type in ("type_identifier", "scoped_type_identifier"):
            name = self.text(node).rsplit("::", 1)[-1]
            if name in _TYPE_KINDS:
                return _TYPE_KINDS[name]
            if name.endswith("Node") or name in ("Node", "Trie"):
                return "node"
        if node.type in ("function_type", "abstract_type", "dynamic_type"):
            return "fn"
        return None

    def pattern_names(self, node) -> list[str]:
        """Bound names of a pattern (``(i, &x)``, ``mut x``, ``Some(node)``), in order."""
        if node is None:
            return []
        if node.type == "identifier":
            return [self.text(node)]
        if node.type == "self":
            return []
        names: list[str] = []
        for child in node.named_children:
            if child.type in ("type_identifier", "scoped_identifier") or \
                    node.type == "tuple_struct_pattern" and child == self.field(node, "type"):
                continue
            names += self.pattern_names(child)
        return names

    # -------------------------------------------------------------------------------- statements

    def block_statements(self, node, tail: bool = False) -> list[ir.Stmt]:
        """A block's statements; with ``tail`` its final expression is returned (a tail position)."""
        if node is None:
            return []
        children = self.named(node)
        out: list[ir.Stmt] = []
        for index, child in enumerate(children):
            start = len(out)
            last = index == len(children) - 1 and child.type not in ("expression_statement", "let_declaration",
                                                                       "empty_statement", "function_item")
            if index == len(children) - 1 and child.type == "expression_statement" and child.named_children \
                    and not self.source[child.start_byte:child.end_byte].rstrip().endswith(b";"):
                child, last = child.named_children[0], True  # a block-final `if`/`match` without `;`
            if last and child.type in _STATEMENT_EXPRESSIONS or child.type == "expression_statement":
                expression = child if last else (child.named_children[0] if child.named_children else None)
                if expression is not None:
                    out += self.expression_statement(expression, tail=tail and last)
            elif last and tail and child.type == "struct_expression" and self.struct_init(child) is not None:
                out += self.struct_init(child) + [ir.Return(None, self.line(child))]  # fn new() -> Self
            elif last:
                value = self.expr(child)
                out.append(ir.Return(value, self.line(child)) if tail else ir.ExprStmt(value, self.line(child)))
            else:
                out += self.statement(child)
            if child.type in ("let_declaration", "expression_statement") and b"?" in \
                    self.source[child.start_byte:child.end_byte] and _tries(child):
                # `let node = root?;` returns when root is None: Python's `if not root: return`
                out.insert(start, ir.If(ir.Opaque("try"), (ir.Return(None, self.line(child)),), (), self.line(child)))
        return _moved_clones(_concatenations(out))

    def h_expression_statement(self, node) -> list[ir.Stmt]:
        return [s for child in self.named(node) for s in self.expression_statement(child, tail=False)]

    def expression_statement(self, node, tail: bool) -> list[ir.Stmt]:
        kind = node.type
        line = self.line(node)
        if kind == "if_expression":
            return self.if_statement(node, tail)
        if kind == "for_expression":
            return [self.for_statement(node)]
        if kind == "while_expression":
            return self.while_statement(node)
        if kind == "loop_expression":
            return [ir.While(None, tuple(self.block_statements(self.field(node, "body"))), line)]
        if kind == "match_expression":
            return [self.match_statement(node, tail)]
        if kind in ("block", "unsafe_block"):
            block = node if kind == "block" else next(iter(self.named(node)), None)
            return [ir.Block(tuple(self.block_statements(block, tail=tail)), line)]
        if kind == "assignment_expression":
            return [ir.Assign((self.target(self.field(node, "left")),), self.expr(self.field(node, "right")), line=line)]
        if kind == "compound_assignment_expr":
            op = self.operator(node).rstrip("=")
            return [ir.Assign((self.target(self.field(node, "left")),), self.expr(self.field(node, "right")), op=op,
                              line=line)]
        if kind == "return_expression":
            children = self.named(node)
            return [ir.Return(self.expr(children[0]) if children else None, line)]
        if kind == "break_expression":
            return [ir.Break(line)]
        if kind == "continue_expression":
            return [ir.Continue(line)]
        value = self.expr(node)
        swapped = tuple_swap(value, _SWAPS, line)
        if swapped is not None:
            return [swapped]  # std::mem::swap(&mut a, &mut b)
        return [ir.Return(value, line) if tail else ir.ExprStmt(value, line)]

    def target(self, node) -> ir.Expr:
        """An assignment target; ``*m.entry(k).or_insert(0)`` and ``*m.get_mut(&k).unwrap()`` are ``m[k]``."""
        saved, self.entry_context = self.entry_context, True
        try:
            return self.expr(node)
        finally:
            self.entry_context = saved

    def h_let(self, node) -> list[ir.Stmt]:
        pattern = self.field(node, "pattern")
        value_node = self.field(node, "value")
        type_node = self.field(node, "type")
        kind = self.type_kind(type_node)
        names = self.pattern_names(pattern)
        line = self.line(node)
        if value_node is not None and value_node.type == "closure_expression" and len(names) == 1:
            return [self.closure_function(names[0], value_node)]
        for name in names:
            self.entry_aliases.pop(name, None)
        if value_node is None:
            return [ir.Assign((self.bound(n),), None, declared=_declared(kind), line=line) for n in names]
        alternative = self.field(node, "alternative")
        if alternative is not None:  # let Some(x) = v else { return 0 }: a guard, then the binding
            saved, self.pending = self.pending, []
            test, binds = self.let_condition(node)
            pre, self.pending = self.pending, saved
            return pre + [ir.If(test, tuple(self.block_statements(alternative)), (), line)] + binds
        if value_node.type == "match_expression" and self.exits_in_arms(value_node):
            # let node = match p { None => return 0, Some(n) => n }: the exiting arms are a guard
            return [self.match_statement(value_node, tail=False)] + \
                [ir.Assign((self.bound(n),), ir.Opaque("bind"), line=line) for n in names]
        if len(names) == 1 and self.is_entry(value_node):
            # let c = m.entry(k).or_insert(0) / m.get_mut(&k).unwrap(): c is m[k] wherever it is used
            self.entry_context = True
            value = self.expr(value_node)
            self.entry_context = False
            if isinstance(value, ir.Index):
                self.entry_aliases[names[0]] = value
                return []
        if pattern is not None and pattern.type == "tuple_pattern" and value_node.type == "tuple_expression":
            targets = tuple(self.bound(n) for n in names)
            values = tuple(self.expr(v) for v in self.named(value_node))
            if len(targets) == len(values):
                return [ir.Assign((ir.CollectionLit("tuple", targets),), ir.CollectionLit("tuple", values), line=line)]
        value = self.expr(value_node)
        if isinstance(value, ir.Comprehension) and kind in ("set", "map") and value.kind == "list":
            value = ir.Comprehension(kind, value.element, value.generators)
        elif isinstance(value, ir.Comprehension) and kind in ("heap", "deque") and value.kind == "list":
            value = ir.Call(ir.Name(_COLLECTED_INTO[kind]), (value,))
        if isinstance(value, ir.CollectionLit) and value.kind == "list" and kind in _COLLECTED_INTO:
            value = ir.Call(ir.Name(_COLLECTED_INTO[kind]), (value,))  # let s: HashSet<u8> = [b'a', ..].into()
        if kind == "str":
            value = _joined(value)  # let s: String = chars.into_iter().collect()
        if isinstance(value, ir.Call) and value.func == ir.Name("Vec::from") and kind in _COLLECTED_INTO:
            # let h: BinaryHeap<_> = xs.into_iter().collect(): the declared collection, built from xs
            value = ir.Call(ir.Name(_COLLECTED_INTO[kind]), value.args)
        if len(names) == 1:
            return [ir.Assign((self.bound(names[0]),), value, declared=_declared(kind), line=line)]
        return [ir.Assign((ir.CollectionLit("tuple", tuple(map(self.bound, names))),), value, line=line)]

    def exits_in_arms(self, node) -> bool:
        block = self.field(node, "body")
        return any(arm.type == "match_arm" and getattr(self.field(arm, "value"), "type", None) in (
            "return_expression", "break_expression", "continue_expression") for arm in self.named(block))

    def is_entry(self, node) -> bool:
        """``m.entry(k).or_insert(v)`` / ``m.get_mut(&k).unwrap()`` (a mutable reference into a map)."""
        text = self.source[node.start_byte:node.end_byte]
        return node.type == "call_expression" and (b".entry(" in text and b".or_" in text
                                                   or b".get_mut(" in text and text.endswith(b".unwrap()"))

    def h_item(self, node) -> list[ir.Stmt]:
        return [self.function(node, owner=None)]

    def if_statement(self, node, tail: bool) -> list[ir.Stmt]:
        condition = self.field(node, "condition")
        self.pending = []
        saved_aliases = dict(self.entry_aliases)
        test, prefix = self.condition(condition)
        pre, self.pending = self.pending, []
        body = prefix + self.block_statements(self.field(node, "consequence"), tail=tail)
        self.entry_aliases = saved_aliases  # names bound by `if let` live in the `then` block only
        inserted = self.set_insert(test)
        if inserted is not None:
            test, insert, negated = inserted
            if not negated:  # if seen.insert(x) { body } is `if x not in seen: seen.add(x); body`
                body = [insert] + body
        orelse: list[ir.Stmt] = []
        alternative = self.field(node, "alternative")
        if alternative is not None:
            inner = next(iter(self.named(alternative)), None)
            if inner is not None and inner.type == "if_expression":
                orelse = self.if_statement(inner, tail)
            elif inner is not None:
                orelse = self.block_statements(inner, tail=tail)
        if condition is not None and condition.type == "let_condition" and isinstance(test, ir.BinOp) \
                and test.op == "in" and not orelse and len(body) == 1 and isinstance(body[0], ir.Foreach):
            # if let Some(vs) = adj.get(&u) { for v in vs {..} } is Python's `for v in adj[u]` (defaultdict,
            # adj.get(u, [])): a walk over whatever is there
            return pre + body
        if inserted is not None and inserted[2]:  # if !seen.insert(x) { return } is `if x in seen: return` ..
            return pre + [ir.If(test, tuple(body), tuple(orelse), self.line(node)), inserted[1]]  # .. then the add
        return pre + [ir.If(test, tuple(body), tuple(orelse), self.line(node))]

    @staticmethod
    def set_insert(test: ir.Expr) -> tuple[ir.Expr, ir.Stmt, bool] | None:
        """``seen.insert(x)`` (optionally negated) as a whole condition: (``x in seen``, the insert, negated).
        Rust's set insert reports whether the element was new; other languages test, then add."""
        negated = isinstance(test, ir.UnaryOp) and test.op == "not"
        call = test.operand if negated else test  # type: ignore[union-attr]
        if isinstance(call, ir.Call) and isinstance(call.func, ir.Attr) and call.func.name == "insert" \
                and len(call.args) == 1:
            return ir.BinOp("in", call.args[0], call.func.obj), ir.ExprStmt(call), negated
        return None

    def condition(self, node) -> tuple[ir.Expr, list[ir.Stmt]]:
        """(test, statements binding the pattern) of an ``if`` / ``while`` condition."""
        if node is None:
            return ir.Literal("bool", "true"), []
        if node.type == "let_condition":
            return self.let_condition(node)
        if node.type == "let_chain":
            tests: list[ir.Expr] = []
            prefix: list[ir.Stmt] = []
            for part in self.named(node):
                test, bound = self.condition(part)
                tests.append(test)
                prefix += bound
            result = tests[0]
            for test in tests[1:]:
                result = ir.BinOp("and", result, test)
            return result, prefix
        return self.expr(node), []

    def let_condition(self, node) -> tuple[ir.Expr, list[ir.Stmt]]:
        names = self.pattern_names(self.field(node, "pattern"))
        value = self.expr(self.field(node, "value"))
        line = self.line(node)
        if isinstance(value, ir.Call) and isinstance(value.func, ir.Attr) and value.func.name in ("get", "get_mut") \
                and len(value.args) == 1:
            # if let Some(v) = m.get(&k) { .. v .. } is Python's `if k in m: .. m[k] ..`: v stands for m[k]
            index = ir.Index(value.func.obj, value.args[0])
            for name in names:
                self.entry_aliases[name] = index
            return ir.BinOp("in", value.args[0], value.func.obj), []
        if isinstance(value, ir.Call) and isinstance(value.func, ir.Attr) and value.func.name in _TAKING:
            # if let Some(x) = heap.pop(): the pop happens whatever the outcome
            self.pending.append(ir.Assign((ir.Name(names[0]),), value, line=line) if len(names) == 1
                                else ir.ExprStmt(value, line))
            return ir.Opaque("bound"), []
        return value, [ir.Assign((ir.Name(n),), ir.Opaque("bind"), line=line) for n in names]

    def for_statement(self, node) -> ir.Stmt:
        names = self.pattern_names(self.field(node, "pattern")) or ["_"]
        iterable = self.expr(self.field(node, "value"))
        body = self.block_statements(self.field(node, "body"))
        return ir.Foreach(tuple(names), iterable, tuple(body), self.line(node))

    def while_statement(self, node) -> list[ir.Stmt]:
        condition = self.field(node, "condition")
        body = self.block_statements(self.field(node, "body"))
        line = self.line(node)
        if condition is not None and condition.type == "let_condition":
            value = self.expr(self.field(condition, "value"))
            names = self.pattern_names(self.field(condition, "pattern"))
            if isinstance(value, ir.Call) and isinstance(value.func, ir.Attr) and not value.args \
                    and value.func.name in ("pop", "pop_front", "pop_back"):
                # while let Some(x) = stack.pop(): drain the stack
                pop = [ir.Assign((ir.Name(names[0]),), value, line=line)] if names else [ir.ExprStmt(value, line)]
                return [ir.While(value.func.obj, tuple(pop + body), line)]
            if isinstance(value, ir.Call) and isinstance(value.func, ir.Attr) and not value.args \
                    and value.func.name in ("last", "first", "peek", "front", "back"):
                return [ir.While(value.func.obj, tuple(body), line)]  # while let Some(&t) = stack.last()
            binds = [ir.Assign((ir.Name(n),), value, line=line) for n in names]
            return [ir.While(value, tuple(binds + body), line)]
        test, prefix = self.condition(condition)
        return [ir.While(test, tuple(prefix + body), line)]

    def match_statement(self, node, tail: bool) -> ir.Stmt:
        value = self.expr(self.field(node, "value"))
        out: list[ir.Stmt] = [ir.ExprStmt(value, self.line(node))]
        block = self.field(node, "body")
        arms: list[tuple[tuple[ir.Stmt, ...], int]] = []
        for arm in self.named(block) if block is not None else []:
            if arm.type != "match_arm":
                continue
            arm_value = self.field(arm, "value")
            if arm_value is None:
                continue
            body = self.expression_statement(arm_value, tail=tail) if arm_value.type in _STATEMENT_EXPRESSIONS \
                else [ir.Return(self.expr(arm_value), self.line(arm)) if tail else
                      ir.ExprStmt(self.expr(arm_value), self.line(arm))]
            arms.append((tuple(body), self.line(arm)))
        # A match is exhaustive: it is the chain ``if a {..} else if b {..} else {last}`` other languages
        # write (the last arm runs whenever the others do not), so tail arms that return flatten alike.
        chain: tuple[ir.Stmt, ...] = arms[-1][0] if arms else ()
        for body, line in reversed(arms[:-1]):
            chain = (ir.If(ir.Opaque("case"), body, chain, line),)
        return ir.Block(tuple(out) + chain, self.line(node))

    def closure_function(self, name: str, node) -> ir.FunctionDef:
        params = self.closure_params(node)
        body_node = self.field(node, "body")
        if body_node is not None and body_node.type == "block":
            body = self.block_statements(body_node, tail=True)
        else:
            body = [ir.Return(self.expr(body_node), self.line(node))]
        return ir.FunctionDef(name, tuple(ir.Param(p) for p in params), tuple(body), line=self.line(node))

    def closure_params(self, node) -> list[str]:
        params = self.field(node, "parameters")
        names: list[str] = []
        for child in self.named(params) if params is not None else []:
            pattern = self.field(child, "pattern") if child.type == "parameter" else child
            names += self.pattern_names(pattern)
        return names

    # ------------------------------------------------------------------------------- expressions

    def e_identifier(self, node) -> ir.Expr:
        name = self.text(node)
        entry = self.entry_aliases.get(name)
        if entry is not None:
            return entry
        field = self.field_locals.get(name)
        return ir.Attr(ir.Name("self"), field) if field is not None else ir.Name(name)

    def constructor_locals(self, body) -> dict[str, str]:
        """In ``fn new() -> Self { let mut prefix = ...; Self { prefix } }`` the local *is* the field:
        local name -> field name for the final struct literal's ``field: local`` / shorthand entries."""
        children = self.named(body) if body is not None else []
        last = children[-1] if children else None
        if last is not None and last.type == "expression_statement" and last.named_children:
            last = last.named_children[0]
        if last is None or last.type != "struct_expression":
            return {}
        name = self.text(self.field(last, "name"))
        if name != "Self" and name != self.owner:
            return {}
        mapping: dict[str, str] = {}
        fields = self.field(last, "body")
        for child in self.named(fields) if fields is not None else []:
            if child.type == "shorthand_field_initializer":
                mapping[self.text(child)] = self.text(child)
            elif child.type == "field_initializer":
                value = self.field(child, "value")
                if value is not None and value.type == "identifier":
                    mapping[self.text(value)] = self.text(self.field(child, "field"))
        return mapping

    def bound(self, name: str) -> ir.Expr:
        field = self.field_locals.get(name)
        return ir.Attr(ir.Name("self"), field) if field is not None else ir.Name(name)

    def e_self(self, node) -> ir.Expr:
        return ir.Name("self")

    def e_transparent(self, node) -> ir.Expr:
        value = self.field(node, "value") or next(iter(self.named(node)), None)
        return self.expr(value)

    def e_unary(self, node) -> ir.Expr:
        op = self.operator(node)
        operand = self.named(node)[-1]
        if op == "*":
            return self.expr(operand)
        return ir.UnaryOp("not" if op == "!" else op, self.expr(operand))

    def e_field(self, node) -> ir.Expr:
        return ir.Attr(self.expr(self.field(node, "value")), self.text(self.field(node, "field")))

    def e_index(self, node) -> ir.Expr:
        obj, index = self.named(node)[0], self.named(node)[-1]
        if index.type == "range_expression":
            bounds = tuple(self.expr(c) for c in self.named(index))
            return ir.Index(self.expr(obj), ir.Opaque("slice", bounds), is_slice=True)
        return ir.Index(self.expr(obj), self.expr(index))

    def e_range(self, node) -> ir.Expr:
        children = self.named(node)
        text = self.text(node)
        inclusive = "..=" in text
        if len(children) == 2:
            return ir.Range(self.expr(children[0]), self.expr(children[1]), inclusive=inclusive)
        if len(children) == 1:
            if text.startswith(".."):
                return ir.Range(ir.Literal("num", "0"), self.expr(children[0]), inclusive=inclusive)
            return ir.Range(self.expr(children[0]), ir.Opaque("unbounded"))
        return ir.Opaque("range")

    def e_scoped(self, node) -> ir.Expr:
        """``Self::f`` / ``Solution::f`` -> ``f``; ``HashMap::new`` stays qualified; ``f::<T>`` -> ``f``."""
        if node.type == "generic_function":
            return self.expr(self.field(node, "function"))
        path = self.field(node, "path")
        name = self.field(node, "name")
        head = self.text(path) if path is not None else ""
        if head in ("Self", "Solution") or self.owner is not None and head == self.owner:
            return ir.Name(self.text(name))
        head = head.rsplit("::", 1)[-1] if head.startswith(("std::", "collections::")) else head
        return ir.Name(f"{head}::{self.text(name)}" if head else self.text(name))

    def e_call(self, node) -> ir.Expr:
        function = self.field(node, "function")
        args_node = self.field(node, "arguments")
        args = tuple(self.expr(a) for a in self.named(args_node)) if args_node is not None else ()
        callee = self.expr(function)
        if isinstance(callee, ir.Attr):
            method, receiver = callee.name, callee.obj
            if method in _TRANSPARENT_METHODS:
                return receiver
            if method in ("to_vec", "to_owned", "collect") and not args and isinstance(receiver, ir.Call) \
                    and isinstance(receiver.func, ir.Attr) and receiver.func.name in ("as_bytes", "into_bytes"):
                return receiver  # s.as_bytes().to_vec(): the string's bytes, as Python's list(s) views s
            if method in ("to_vec", "to_owned", "to_string") and not args and isinstance(receiver, ir.Index) \
                    and receiver.is_slice:
                return receiver  # xs[a..b].to_vec() is Python's slice xs[a:b] (a copy already)
            if method == "collect" and not args and isinstance(receiver, ir.Call) \
                    and isinstance(receiver.func, ir.Attr) and receiver.func.name in _SPLITS:
                return receiver  # s.split(' ').collect(): the pieces, as Python's s.split(' ') list
            if method == "enumerate" and not args:
                return ir.Call(ir.Name("enumerate"), (receiver,))
            if method in _SEARCHES and isinstance(receiver, ir.Index) and receiver.is_slice:
                return ir.Call(ir.Attr(receiver.obj, method), args)  # xs[lo..].partition_point(f) searches xs
            if method == "to_string" and not args:
                return ir.Call(ir.Name("to_string"), (receiver,))  # a new string, as Python's str(x)
            if method in ("or_insert", "or_insert_with", "or_default", "or_insert_with_key") \
                    and isinstance(receiver, ir.Call) and isinstance(receiver.func, ir.Attr) \
                    and receiver.func.name == "entry" and len(receiver.args) == 1:
                return ir.Index(receiver.func.obj, receiver.args[0])  # m.entry(k).or_insert(v) is m[k]
            if method == "get_mut" and len(args) == 1 and self.entry_context:
                return ir.Index(receiver, args[0])
            if method in ("max", "min") and len(args) == 1:
                return ir.Call(ir.Name(method), (receiver, args[0]))  # a.max(b) on numbers is max(a, b)
            if method in _ARITHMETIC_METHODS and len(args) == 1:
                return ir.BinOp(_ARITHMETIC_METHODS[method], receiver, args[0])  # n.saturating_sub(1): a bound
            if method in ("collect", "sum", "product", "count", "max", "min", "all", "any") and not (
                    method in ("all", "any") and args):
                folded = self.fold_chain(method, receiver, function)
                if folded is not None:
                    return folded
        if isinstance(callee, ir.Name) and callee.id in _EMPTY_STRINGS and (
                callee.id != "String::from" or all(isinstance(a, ir.Literal) for a in args)):
            return ir.Literal("str")  # String::new() / String::from("..") is Python's "" / "..": a growing string
        if isinstance(callee, ir.Name) and callee.id in _CAPACITY:
            args = ()
        if isinstance(callee, ir.Name) and self.owner is not None and callee.id == f"{self.owner}::new":
            callee = ir.Name("new")
        return ir.Call(callee, args)

    def fold_chain(self, method: str, receiver: ir.Expr, function) -> ir.Expr | None:
        """``xs.iter().filter(p).map(f).collect()`` is the comprehension ``[f for x in xs if p]`` (a set or
        map comprehension when collected into one); ``.sum()`` / ``.count()`` of it reduce the generator;
        ``xs.iter().cloned().collect()`` is a copy ``Vec::from(xs)``."""
        maps: list[ir.Lambda] = []
        filters: list[ir.Lambda] = []
        node = receiver
        reversed_ = False
        while isinstance(node, ir.Call) and isinstance(node.func, ir.Attr) and (
                node.func.name in _WRAPS or node.func.name in ("map", "filter", "filter_map", "flat_map")):
            reversed_ = reversed_ or node.func.name == "rev"
            if node.func.name in ("map", "filter_map", "flat_map"):
                if not (len(node.args) == 1 and isinstance(node.args[0], ir.Lambda)):
                    return None
                maps.insert(0, node.args[0])
            elif node.func.name == "filter":
                if not (len(node.args) == 1 and isinstance(node.args[0], ir.Lambda)):
                    return None
                filters.insert(0, node.args[0])
            node = node.func.obj
        enumerate_ = isinstance(node, ir.Call) and isinstance(node.func, ir.Name) and node.func.id == "enumerate"
        if enumerate_:
            inner = node.args[0]
            while isinstance(inner, ir.Call) and isinstance(inner.func, ir.Attr) and inner.func.name in _WRAPS:
                inner = inner.func.obj
            node = ir.Call(ir.Name("enumerate"), (inner,))
        target_text = self.text(function)
        kind = "set" if "HashSet" in target_text else "map" if "HashMap" in target_text else \
            "heap" if "BinaryHeap" in target_text else "deque" if "VecDeque" in target_text else \
            "str" if "String" in target_text else "list"
        if not maps and not filters:
            if method == "collect" and isinstance(receiver, ir.Range):
                return ir.Call(ir.Name("Vec::from"), (receiver,))  # (0..n).collect() is list(range(n))
            if method != "collect" or node is receiver:
                return None
            if reversed_ and kind in ("list", "str"):
                return ir.Index(node, ir.Opaque("reversed"), is_slice=True)  # s.bytes().rev().collect(): s[::-1]
            if kind == "str":
                return _joined(ir.Call(ir.Name("Vec::from"), (node,)))
            if isinstance(receiver, ir.Call) and isinstance(receiver.func, ir.Attr) and \
                    receiver.func.name in ("chars", "bytes") and receiver.func.obj is node:
                return node  # s.chars().collect(): Rust's way to index a string, not a copy
            if kind == "list" and isinstance(node, ir.Index) and node.is_slice:
                return node  # xs[a..b].iter().cloned().collect() is the slice xs[a:b]
            return ir.Call(ir.Name(_COLLECTED_INTO.get(kind, "Vec::from")), (node,))
        first = (maps or filters)[0]
        element: ir.Expr = maps[-1].body if maps else ir.Name(first.params[0] if first.params else "_")
        if len(maps) > 1:
            element = ir.Opaque("chain", tuple(m.body for m in maps))
        generator = ir.Generator(first.params or ("_",), node, tuple(f.body for f in filters))
        if method == "collect":
            collected = ir.Comprehension(kind if kind in ("set", "map") else "list", element, (generator,))
            return _joined(collected) if kind == "str" else collected
        return ir.Call(ir.Name("sum"), (ir.Comprehension("gen", element, (generator,)),))

    def e_macro(self, node) -> ir.Expr:
        name = self.text(self.field(node, "macro"))
        tokens = next((c for c in node.named_children if c.type == "token_tree"), None)
        if name != "vec" or tokens is None:
            return ir.Literal("str") if name in ("format", "format_args", "concat") else ir.Opaque(name)
        array = self.reparse_array(self.text(tokens))
        return array if array is not None else ir.CollectionLit("list")

    def reparse_array(self, tokens: str) -> ir.Expr | None:
        """``vec![0; n]`` / ``vec![a, b]``: parse the tokens as a Rust array expression."""
        inner = tokens[1:-1] if len(tokens) >= 2 else ""
        source = f"fn _v() {{ [{inner}] }}"
        try:
            tree, data = parse_tree("rust", source, self.path)
        except Exception:  # noqa: BLE001 - unparsable macro tokens carry nothing we need
            return None
        expression = tree.root_node.named_children[0]
        body = self.field(expression, "body")
        array = body.named_children[0] if body is not None and body.named_children else None
        if array is None or array.type != "array_expression":
            return None
        nested = RustExtractor(data, self.path)
        nested.owner = self.owner
        nested.entry_aliases = self.entry_aliases
        return nested.expr(array)

    def e_array(self, node) -> ir.Expr:
        children = self.named(node)
        if self.field(node, "length") is not None or len(children) == 2 and b";" in self.source[
                children[0].end_byte:children[1].start_byte]:
            value, length = children[0], children[-1]
            return ir.BinOp("*", ir.CollectionLit("list", (self.expr(value),)), self.expr(length))
        return ir.CollectionLit("list", tuple(self.expr(c) for c in children))

    def e_tuple(self, node) -> ir.Expr:
        return ir.CollectionLit("tuple", tuple(self.expr(c) for c in self.named(node)))

    def e_struct(self, node) -> ir.Expr:
        name = self.text(self.field(node, "name"))
        body = self.field(node, "body")
        values: list[ir.Expr] = []
        for child in self.named(body) if body is not None else []:
            if child.type == "field_initializer":
                values.append(self.expr(self.field(child, "value")))
            elif child.type == "shorthand_field_initializer":
                values.append(ir.Name(self.text(child)))
            elif child.type == "base_field_initializer":
                values.append(self.expr(next(iter(self.named(child)))))
        return ir.Call(ir.Name(name), tuple(values))

    def struct_init(self, node) -> list[ir.Stmt] | None:
        """``Self { map: HashMap::new(), cap }`` returned by a constructor: field initialisations."""
        name = self.text(self.field(node, "name"))
        if name != "Self" and name != self.owner:
            return None
        body = self.field(node, "body")
        out: list[ir.Stmt] = []
        for child in self.named(body) if body is not None else []:
            if child.type == "field_initializer":
                field = self.text(self.field(child, "field"))
                value = self.expr(self.field(child, "value"))
                if value != ir.Attr(ir.Name("self"), field):
                    out.append(ir.Assign((ir.Attr(ir.Name("self"), field),), value))
            elif child.type == "shorthand_field_initializer" and self.text(child) not in self.field_locals:
                out.append(ir.Assign((ir.Attr(ir.Name("self"), self.text(child)),), ir.Name(self.text(child))))
        return out

    def e_closure(self, node) -> ir.Expr:
        params = self.closure_params(node)
        body_node = self.field(node, "body")
        if body_node is not None and body_node.type == "block":
            statements = self.block_statements(body_node, tail=True)
            exprs = tuple(s.value if isinstance(s, ir.Return) and s.value is not None else s.expr
                          for s in statements if isinstance(s, (ir.Return, ir.ExprStmt)))
            body: ir.Expr = exprs[0] if len(exprs) == 1 else ir.Opaque("closure", exprs)
        else:
            body = self.expr(body_node)
        return ir.Lambda(tuple(params), body)

    def e_if(self, node) -> ir.Expr:
        test, _ = self.condition(self.field(node, "condition"))
        then = self.block_value(self.field(node, "consequence"))
        alternative = self.field(node, "alternative")
        inner = next(iter(self.named(alternative)), None) if alternative is not None else None
        orelse = self.expr(inner) if inner is not None else ir.Literal("none")
        return ir.Cond(test, then, orelse)

    def block_value(self, node) -> ir.Expr:
        """A block used as a value: the expressions of its statements, nested ``if``s included (a tail
        ``if c { dfs(..) } else { .. }`` still calls ``dfs``)."""
        from .java import _statement_exprs

        exprs = _statement_exprs(self.block_statements(node, tail=True))
        return exprs[0] if len(exprs) == 1 else ir.Opaque("block", exprs)

    def e_block_value(self, node) -> ir.Expr:
        if node.type == "block":
            return self.block_value(node)
        if node.type == "match_expression":
            parts = [self.expr(self.field(node, "value"))]
            block = self.field(node, "body")
            for arm in self.named(block) if block is not None else []:
                if arm.type == "match_arm" and self.field(arm, "value") is not None:
                    parts.append(self.expr(self.field(arm, "value")))
            return ir.Opaque("match", tuple(parts))
        return ir.Opaque(node.type, tuple(self.expr(c) for c in self.named(node) if c.type == "block"))

    def e_let_condition(self, node) -> ir.Expr:
        return self.condition(node)[0]

    def e_assign_value(self, node) -> ir.Expr:
        return ir.Opaque("assign", (self.expr(self.field(node, "left")), self.expr(self.field(node, "right"))))

    def e_exit_value(self, node) -> ir.Expr:
        return ir.Opaque(node.type, tuple(self.expr(c) for c in self.named(node)))


# ------------------------------------------------------------------------------------------ helpers


def _joined(value: ir.Expr) -> ir.Expr:
    """A collection collected into a ``String`` is Python's ``"".join(...)`` (other values unchanged)."""
    if isinstance(value, ir.Call) and value.func == ir.Name("Vec::from") and len(value.args) == 1:
        parts = value.args[0]
    elif isinstance(value, ir.Comprehension) and value.kind == "list":
        parts = ir.Comprehension("gen", value.element, value.generators)
    else:
        return value
    return ir.Call(ir.Attr(ir.Literal("str"), "join"), (parts,))


def _captured_tables(body: list[ir.Stmt]) -> list[ir.Stmt]:
    """``let dirs = [(0, 1), ..]; fn dfs(.., dirs: &[(i32, i32)]) {..}; dfs(.., &dirs)``: a nested ``fn``
    cannot capture, so Rust passes the constant table the Python closure reads from its scope.  Drop the
    parameter (and the argument at every call) so the helper reads the enclosing table, as Python's."""
    tables = {stmt.targets[0].id for stmt in body if isinstance(stmt, ir.Assign) and len(stmt.targets) == 1
              and isinstance(stmt.targets[0], ir.Name) and _literal_table(stmt.value)}
    for function in [stmt for stmt in body if isinstance(stmt, ir.FunctionDef)]:
        for position in reversed(range(len(function.params))):
            name = function.params[position].name
            if not any(isinstance(loop, ir.Foreach) and loop.iter == ir.Name(name)
                       for loop in _statements(function.body)):
                continue  # (a table the helper only indexes, matrix_pow(&m, n), is an argument there too)
            outside = {call.args[position] for stmt in body if stmt is not function
                       for call in _calls_of(stmt, function.name) if len(call.args) > position}
            inside = {call.args[position] for call in _calls_of(function.body, function.name)
                      if len(call.args) > position}
            table = next(iter(outside)) if len(outside) == 1 else None
            if not (isinstance(table, ir.Name) and table.id in tables) or inside - {ir.Name(name)}:
                continue  # every caller passes the one table (dfs(.., &dirs)), recursive calls pass it on
            params = function.params[:position] + function.params[position + 1:]
            body = [_without_argument(stmt, function.name, position) for stmt in body]
            body = [ir.FunctionDef(stmt.name, params, _renamed(stmt.body, name, table), stmt.owner, stmt.memo,
                                   stmt.line)
                    if isinstance(stmt, ir.FunctionDef) and stmt.name == function.name else stmt for stmt in body]
            function = next(stmt for stmt in body if isinstance(stmt, ir.FunctionDef) and stmt.name == function.name)
    return body


def _calls_of(node, name: str):
    """The calls of ``name`` anywhere inside ``node`` (IR)."""
    stack = [node]
    while stack:
        item = stack.pop()
        if isinstance(item, (tuple, list)):
            stack.extend(item)
        elif hasattr(item, "__dataclass_fields__") and not isinstance(item, (ir.Name, ir.Literal)):
            if isinstance(item, ir.Call) and item.func == ir.Name(name):
                yield item
            stack.extend(ir.field_values(item))


def _renamed(node, old: str, new: ir.Name):
    """``node`` (any IR) with the name ``old`` read as ``new`` (a parameter standing for the outer table)."""
    if isinstance(node, ir.Name):
        return new if node.id == old else node
    if isinstance(node, tuple):
        return tuple(_renamed(item, old, new) for item in node)
    if not hasattr(node, "__dataclass_fields__") or isinstance(node, ir.Literal):
        return node
    if isinstance(node, ir.Foreach) and old in node.targets or isinstance(node, ir.Lambda) and old in node.params:
        return node  # rebound there
    return type(node)(*(_renamed(value, old, new) for value in ir.field_values(node)))


def _statements(body):
    """Every statement of ``body``, nested ones included (not inside nested functions)."""
    stack = list(body)
    while stack:
        stmt = stack.pop()
        yield stmt
        for part in ("body", "orelse"):
            if not isinstance(stmt, ir.FunctionDef):
                stack.extend(getattr(stmt, part, ()))


def _literal_table(value) -> bool:
    """A non-empty literal list of literals or of literal tuples/lists (``[(1, 0), (-1, 0)]``)."""
    def literal(item) -> bool:
        if isinstance(item, ir.UnaryOp) and item.op == "-":
            item = item.operand
        return isinstance(item, ir.Literal)
    return isinstance(value, ir.CollectionLit) and value.kind == "list" and bool(value.items) and all(
        literal(item) or isinstance(item, ir.CollectionLit) and item.items and all(map(literal, item.items))
        for item in value.items)


def _without_argument(node, function: str, position: int):
    """``node`` (any IR) with argument ``position`` dropped from every call of ``function``."""
    if isinstance(node, tuple):
        return tuple(_without_argument(item, function, position) for item in node)
    if not hasattr(node, "__dataclass_fields__") or isinstance(node, (ir.Name, ir.Literal)):
        return node
    values = [_without_argument(value, function, position) for value in ir.field_values(node)]
    if isinstance(node, ir.Call) and node.func == ir.Name(function) and len(node.args) > position:
        values[1] = values[1][:position] + values[1][position + 1:]
    return type(node)(*values)


def _moved_clones(body: list[ir.Stmt]) -> list[ir.Stmt]:
    """``memo[k] = Some(res.clone()); res``: the clone only lets Rust both store and return ``res``; Python
    stores and returns the one list (``memo[k] = res; return res``), so the stored value is ``res``."""
    if len(body) < 2 or not isinstance(body[-1], ir.Return) or not isinstance(body[-1].value, ir.Name):
        return body
    clone = ir.Call(ir.Attr(body[-1].value, "clone"))
    store = body[-2]
    if isinstance(store, ir.Assign) and store.op is None and _mentions(store.value, clone):
        store = ir.Assign(store.targets, _replaced(store.value, clone, body[-1].value), declared=store.declared,
                          line=store.line)
    elif isinstance(store, ir.ExprStmt) and _mentions(store.expr, clone):
        store = ir.ExprStmt(_replaced(store.expr, clone, body[-1].value), store.line)
    else:
        return body
    return body[:-2] + [store, body[-1]]


def _mentions(expr: ir.Expr, part: ir.Expr) -> bool:
    if expr == part:
        return True
    if isinstance(expr, ir.Call):
        return _mentions(expr.func, part) or any(_mentions(a, part) for a in expr.args)
    return False


def _replaced(expr: ir.Expr, part: ir.Expr, by: ir.Expr) -> ir.Expr:
    """``expr`` with the call ``part`` (inside calls only: ``Some(x.clone())``, ``m.insert(k, x.clone())``)
    replaced by ``by``."""
    if expr == part:
        return by
    if isinstance(expr, ir.Call):
        return ir.Call(_replaced(expr.func, part, by), tuple(_replaced(a, part, by) for a in expr.args))
    return expr


_GROWING = {"extend": "extend", "extend_from_slice": "extend", "push": "push"}


def _concatenations(body: list[ir.Stmt]) -> list[ir.Stmt]:
    """``let mut t = vec![x]; t.extend(ys); t.push(z);`` builds the concatenation Python writes as
    ``t = [x] + ys + [z]``: one assignment (the literal first, then at least one ``extend``)."""
    out: list[ir.Stmt] = []
    index = 0
    while index < len(body):
        stmt = body[index]
        start = index = index + 1
        if not (isinstance(stmt, ir.Assign) and len(stmt.targets) == 1 and isinstance(stmt.targets[0], ir.Name)
                and stmt.op is None and isinstance(stmt.value, ir.CollectionLit) and stmt.value.kind == "list"
                and stmt.value.items):
            out.append(stmt)
            continue
        value: ir.Expr = stmt.value
        extended = False
        while index < len(body):
            call = body[index].expr if isinstance(body[index], ir.ExprStmt) else None
            if not (isinstance(call, ir.Call) and isinstance(call.func, ir.Attr) and call.func.obj == stmt.targets[0]
                    and call.func.name in _GROWING and len(call.args) == 1):
                break
            part = call.args[0]
            if _GROWING[call.func.name] == "push":
                part = ir.CollectionLit("list", (part,))
            else:
                extended = True
                while isinstance(part, ir.Call) and isinstance(part.func, ir.Attr) and not part.args \
                        and part.func.name in ("iter", "into_iter", "cloned", "copied", "drain"):
                    part = part.func.obj  # t.extend(xs.iter().cloned()) adds xs
            value = ir.BinOp("+", value, part)
            index += 1
        if extended:
            out.append(ir.Assign(stmt.targets, value, declared=stmt.declared, line=stmt.line))
        else:
            out += body[start - 1:index]
    return out


_TRY_SCOPES = frozenset({"closure_expression", "function_item", "if_expression", "for_expression",
                         "while_expression", "loop_expression", "match_expression", "block"})


def _tries(node) -> bool:
    """Whether a statement applies ``?`` outside nested blocks and closures (which guard themselves)."""
    stack = list(node.children)
    while stack:
        child = stack.pop()
        if child.type == "try_expression":
            return True
        if child.type not in _TRY_SCOPES:
            stack.extend(child.children)
    return False


def _param_kind(kind: str | None) -> str:
    if kind in ("seq", "str", "map", "set", "num", "bool", "node", "fn"):
        return kind
    if kind in ("deque", "heap"):
        return "seq"
    if kind == "tree":
        return "map"
    return "any"


def _declared(kind: str | None) -> str | None:
    return "list" if kind == "seq" else kind


def extract(source: str, path: str | None = None) -> ir.Module:
    """Rust source -> IR (``SourceSyntaxError`` at the first syntax error)."""
    return RustExtractor.extract(source, path)


__all__ = ["SPEC", "RustExtractor", "extract"]
