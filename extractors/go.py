"""Go extractor: tree-sitter Go tree -> IR, plus Go's tables for the shared vocabulary.

Go spells collection operations as syntax and idioms rather than methods, so the extractor rewrites
those idioms into the method calls the other languages use (names starting with ``$`` cannot clash
with Go identifiers):

* ``xs = append(xs, v)`` is ``xs.$append(v)`` (``append(xs, ys...)`` is ``$extend``);
  ``st = st[:len(st)-1]`` is ``st.$pop()`` and ``q = q[1:]`` is ``q.$popfront()``, so the shared
  refinement turns them into stack / queue operations as it does for Python's ``pop`` / ``popleft``;
* ``make([]T, n)`` is a list of n (``slice(n)``), ``make(map[K]V)`` a map, and a map to ``bool`` or
  ``struct{}`` a set: then ``seen[x] = true`` is ``set.add``, ``seen[x]`` ``set.has``, ``delete`` ``set.del``;
* ``v, ok := m[k]`` tests membership (``k in m``); ``for i, x := range xs`` is ``enumerate(xs)``,
  ``for i := range xs`` / ``for i := range n`` a counting loop;
* methods' receivers (``func (s *Solver) f()``) are ``this``; a function returning a struct literal
  (``return LRUCache{cache: map[int]int{}}``) initialises fields like a constructor;
* the ``sort.Interface`` / ``heap.Interface`` boilerplate (``Len``, ``Less``, ``Swap``, ``Push``, ``Pop``
  of a type that defines ``Less`` and ``Swap``) is library glue, not algorithm: it is dropped, and a
  ``type H []int`` value is a list that ``heap.Push`` makes a heap.
* ``for i := range grid { grid[i] = make([]int, m) }`` right after ``make`` is part of allocating a grid.
"""

from __future__ import annotations

from skeldsl import ir
from skeldsl.normalise.spec import LanguageSpec

from ._clike import FastDispatch, drop_fill_loops
from ._treesitter import TreeSitterExtractor, handler_table

# ------------------------------------------------------------------------------------------- tables

_SCALAR_HELPERS = frozenset({"max", "min", "abs", "Max", "Min", "Abs"})
_HEAP_GLUE = frozenset({"Len", "Less", "Swap", "Push", "Pop"})
_NUMERIC = frozenset({"int", "int8", "int16", "int32", "int64", "uint", "uint8", "uint16", "uint32", "uint64",
                      "float32", "float64", "byte", "rune", "uintptr"})
_CONVERSIONS = _NUMERIC | {"string", "bool"}

SPEC = LanguageSpec(
    name="go",
    constructors={
        "slice": "list", "map": "map", "set": "set", "strings.Builder": "strbuf", "bytes.Buffer": "strbuf",
        "priorityqueue.NewWith": "heap", "priorityqueue.New": "heap", "list.New": "deque",
        "treemap.NewWithIntComparator": "tree", "treemap.NewWith": "tree", "treeset.NewWithIntComparator": "tree",
        "treeset.NewWith": "tree", "redblacktree.NewWithIntComparator": "tree", "arraystack.New": "list",
        "linkedlistqueue.New": "deque", "arrayqueue.New": "deque", "strconv.Itoa": "str", "fmt.Sprint": "str",
        "strconv.FormatInt": "str",
    },
    methods={
        ("*", "$append"): "list.append", ("*", "$extend"): "list.extend", ("*", "$pop"): "list.pop",
        ("*", "$popfront"): "list.popfront", ("list", "$append"): "list.append",
        ("list", "$extend"): "list.extend", ("list", "$pop"): "list.pop", ("list", "$popfront"): "list.popfront",
        ("str", "$append"): "list.append",
        ("strbuf", "WriteString"): "strbuf.append", ("strbuf", "WriteByte"): "strbuf.append",
        ("strbuf", "WriteRune"): "strbuf.append", ("strbuf", "String"): "none", ("strbuf", "Len"): "size",
        ("heap", "Enqueue"): "heap.push", ("heap", "Dequeue"): "heap.pop", ("heap", "Peek"): "none",
        ("heap", "Empty"): "empty", ("heap", "Size"): "size", ("heap", "Len"): "size",
        ("deque", "PushBack"): "deque.push", ("deque", "PushFront"): "deque.pushfront",
        ("deque", "Front"): "none", ("deque", "Back"): "none", ("deque", "Len"): "size",
        ("deque", "Enqueue"): "deque.push", ("deque", "Dequeue"): "deque.popfront", ("deque", "Empty"): "empty",
        ("list", "Push"): "list.append", ("list", "Pop"): "list.pop", ("list", "Peek"): "none",
        ("list", "Empty"): "empty", ("list", "Size"): "size",
        ("tree", "Put"): "tree.put", ("tree", "Get"): "tree.get", ("tree", "Remove"): "tree.del",
        ("tree", "Floor"): "tree.near", ("tree", "Ceiling"): "tree.near", ("tree", "Add"): "tree.put",
        ("tree", "Contains"): "tree.has", ("tree", "Size"): "size", ("tree", "Empty"): "empty",
        ("*", "WriteString"): "strbuf.append", ("*", "WriteByte"): "strbuf.append",
        ("*", "WriteRune"): "strbuf.append",
    },
    functions={
        "len": ("size", 0), "enumerate": ("wrap", 0), "append": ("list.append", 0),
        "sort.Ints": ("sort", 0), "sort.Strings": ("sort", 0), "sort.Float64s": ("sort", 0),
        "sort.Slice": ("sort", 0), "sort.SliceStable": ("sort", 0), "sort.Sort": ("sort", 0),
        "sort.Stable": ("sort", 0), "slices.Sort": ("sort", 0), "slices.SortFunc": ("sort", 0),
        "slices.SortStableFunc": ("sort", 0), "sort.Search": ("bsearch", 0), "sort.SearchInts": ("bsearch", 0),
        "sort.SearchStrings": ("bsearch", 0), "slices.BinarySearch": ("bsearch", 0),
        "slices.BinarySearchFunc": ("bsearch", 0), "slices.Contains": ("list.has", 0),
        "slices.Index": ("list.find", 0), "slices.Reverse": ("reverse", 0), "slices.Max": ("reduce", 0),
        "slices.Min": ("reduce", 0), "slices.Clone": ("copy", 0), "copy": ("none", 0),
        "heap.Push": ("heap.push", 0), "heap.Pop": ("heap.pop", 0), "heap.Init": ("heap.push", 0),
        "heap.Fix": ("heap.push", 0), "heap.Remove": ("heap.pop", 0),
        "strings.Split": ("str.split", 0), "strings.Fields": ("str.split", 0), "strings.Join": ("str.join", 0),
        "strings.Contains": ("str.find", 0), "strings.Index": ("str.find", 0),
        "strings.LastIndex": ("str.find", 0), "strings.HasPrefix": ("str.find", 0),
        "strings.HasSuffix": ("str.find", 0), "strings.ReplaceAll": ("str.replace", 0),
        "strings.Replace": ("str.replace", 0), "strings.ToLower": ("copy", 0), "strings.ToUpper": ("copy", 0),
        "strings.Repeat": ("none", 0), "strings.TrimSpace": ("none", 0), "strings.IndexRune": ("str.find", 0),
        "strings.ContainsRune": ("str.find", 0), "strings.Count": ("str.find", 0),
        "max": ("reduce", 0), "min": ("reduce", 0), "math.Max": ("none", 0), "math.Min": ("none", 0),
        "math.Abs": ("none", 0), "math.Sqrt": ("none", 0), "math.Pow": ("none", 0), "strconv.Itoa": ("none", 0),
        "strconv.Atoi": ("none", 0), "fmt.Println": ("none", 0), "fmt.Sprintf": ("none", 0),
        "fmt.Printf": ("none", 0), "panic": ("none", 0), "abs": ("none", 0), "bits.OnesCount": ("none", 0),
        "unicode.IsDigit": ("none", 0), "unicode.IsLetter": ("none", 0), "unicode.ToLower": ("none", 0),
    },
    size_attributes=frozenset(),
    memo_decorators=frozenset(),
    self_names=frozenset({"this"}),
)

_NODE_TYPES = frozenset({"TreeNode", "ListNode", "Node", "TrieNode", "Trie"})


class GoExtractor(FastDispatch, TreeSitterExtractor):
    LANGUAGE = "go"
    STATEMENTS = handler_table(
        h_block=["block"],
        h_statement_list=["statement_list"],
        h_expression_statement=["expression_statement"],
        h_short_var=["short_var_declaration"],
        h_assignment=["assignment_statement"],
        h_var=["var_declaration", "const_declaration"],
        h_incdec=["inc_statement", "dec_statement"],
        h_if=["if_statement"],
        h_for=["for_statement"],
        h_switch=["expression_switch_statement", "type_switch_statement", "select_statement"],
        h_return=["return_statement"],
        h_break=["break_statement"],
        h_continue=["continue_statement"],
        h_labeled=["labeled_statement"],
        h_defer=["defer_statement", "go_statement"],
        h_ignore=["type_declaration", "import_declaration", "package_clause", "goto_statement",
                  "fallthrough_statement", "empty_statement", "send_statement"],
    )
    EXPRESSIONS = handler_table(
        e_identifier=["identifier", "field_identifier", "type_identifier", "package_identifier"],
        e_number=["int_literal", "float_literal", "imaginary_literal"],
        e_string=["interpreted_string_literal", "raw_string_literal"],
        e_char=["rune_literal"],
        e_bool=["true", "false"],
        e_none=["nil", "iota"],
        e_parenthesized=["parenthesized_expression"],
        e_binary=["binary_expression"],
        e_unary=["unary_expression"],
        e_call=["call_expression"],
        e_selector=["selector_expression"],
        e_index=["index_expression"],
        e_slice=["slice_expression"],
        e_composite=["composite_literal"],
        e_func_literal=["func_literal"],
        e_transparent=["type_assertion_expression", "type_conversion_expression"],
        e_opaque=["literal_value", "expression_list", "type_arguments", "type_elem", "slice_type", "map_type", "array_type", "pointer_type",
                  "qualified_type", "generic_type", "type_instantiation_expression", "function_type",
                  "struct_type", "interface_type", "channel_type", "variadic_argument", "keyed_element",
                  "literal_element", "implicit_length_array_type"],
    )

    def __init__(self, source: bytes, path: str | None) -> None:
        super().__init__(source, path)
        self._statements, self._expressions = self.dispatch_tables()
        self.receiver: str | None = None
        self.kinds: dict[str, str] = {}             # local/param name -> kind (for range and map idioms)
        self.user_types: dict[str, str] = {}        # type name -> "list", "map", "set", "struct"
        self.struct_fields: dict[str, dict[str, str | None]] = {}
        self.comma_ok: tuple[str, ir.Index] | None = None  # set by ``v, ok := m[k]`` for the next ``if``
        self.aliases: dict[str, ir.Expr] = {}  # the v of ``if v, ok := m[k]; ..`` stands for m[k]

    # ------------------------------------------------------------------------------------ module

    def module(self, root) -> ir.Module:
        methods_of: dict[str, set[str]] = {}
        for node in root.named_children:
            if node.type == "type_declaration":
                self.type_declaration(node)
            elif node.type == "method_declaration":
                methods_of.setdefault(self.receiver_type(node), set()).add(self.text(self.field(node, "name")))
        glue_types = {name for name, methods in methods_of.items() if {"Less", "Swap"} <= methods}
        functions: list[ir.FunctionDef] = []
        toplevel: list[ir.Stmt] = []
        for node in self.named(root):
            if node.type == "function_declaration":
                if self.text(self.field(node, "name")) in _SCALAR_HELPERS:
                    continue  # pre-1.21 min/max/abs helpers are builtins elsewhere
                functions.append(self.function(node, owner=None))
            elif node.type == "method_declaration":
                owner = self.receiver_type(node)
                if owner in glue_types and self.text(self.field(node, "name")) in _HEAP_GLUE:
                    continue
                functions.append(self.function(node, owner=owner))
            elif node.type in ("var_declaration", "const_declaration"):
                toplevel += self.statement(node)
        return ir.Module("go", tuple(functions), tuple(toplevel))

    def type_declaration(self, node) -> None:
        for spec in self.named(node):
            if spec.type not in ("type_spec", "type_alias"):
                continue
            name = self.text(self.field(spec, "name"))
            type_node = self.field(spec, "type")
            kind = self.type_kind(type_node)
            if type_node is not None and type_node.type == "struct_type":
                self.user_types[name] = "struct"
                fields: dict[str, str | None] = {}
                for declaration in type_node.named_children[0].named_children if type_node.named_children else []:
                    if declaration.type != "field_declaration":
                        continue
                    field_kind = self.type_kind(self.field(declaration, "type"))
                    for field_name in self.named_field(declaration, "name"):
                        fields[self.text(field_name)] = field_kind
                self.struct_fields[name] = fields
            elif kind in ("seq", "map", "set"):
                self.user_types[name] = "list" if kind == "seq" else kind

    def receiver_type(self, node) -> str:
        receiver = self.field(node, "receiver")
        for declaration in self.named(receiver) if receiver is not None else []:
            type_node = self.field(declaration, "type")
            while type_node is not None and type_node.type in ("pointer_type", "generic_type"):
                type_node = type_node.named_children[0] if type_node.named_children else None
            if type_node is not None:
                return self.text(type_node)
        return "<receiver>"

    def function(self, node, owner: str | None) -> ir.FunctionDef:
        saved = self.receiver, self.kinds
        self.receiver, self.kinds = None, {}
        prologue: list[ir.Stmt] = []
        if owner is not None:
            receiver = self.field(node, "receiver")
            for declaration in self.named(receiver) if receiver is not None else []:
                name = self.field(declaration, "name")
                if name is not None:
                    self.receiver = self.text(name)
            for field, kind in self.struct_fields.get(owner, {}).items():
                if kind is not None and kind not in ("num", "bool"):
                    prologue.append(ir.Assign((ir.Attr(ir.Name("this"), field),), None, declared=_declared(kind)))
        params = self.parameters(self.field(node, "parameters"))
        if owner is None:
            self.receiver = self.built_struct(self.field(node, "body"))
        body = self.block_body(self.field(node, "body"))
        if owner is None:
            body = _fields_built_first(body, {param.name for param in params})
        name = self.text(self.field(node, "name"))
        self.receiver, self.kinds = saved
        return ir.FunctionDef(name, params, tuple(prologue) + body, owner=owner, line=self.line(node))

    def built_struct(self, body) -> str | None:
        """In a constructor function (``it := T{...}; ...; return it``), the local holding the new struct."""
        if body is None:
            return None
        statements = body.named_children[0].named_children if body.named_children and \
            body.named_children[0].type == "statement_list" else body.named_children
        candidates: set[str] = set()
        for statement in statements:
            if statement.type == "short_var_declaration":
                lefts = self.expressions(self.field(statement, "left"))
                rights = self.expressions(self.field(statement, "right"))
                if len(lefts) == 1 and len(rights) == 1 and self.struct_literal(rights[0]):
                    candidates.add(self.text(lefts[0]))
            elif statement.type == "return_statement" and statement.named_children:
                values = self.expressions(statement.named_children[0])
                if len(values) == 1 and values[0].type in ("identifier", "unary_expression"):
                    name = self.text(values[0]).lstrip("&")
                    if name in candidates:
                        return name
        return None

    def parameters(self, node) -> tuple[ir.Param, ...]:
        params: list[ir.Param] = []
        for declaration in self.named(node) if node is not None else []:
            if declaration.type not in ("parameter_declaration", "variadic_parameter_declaration"):
                continue
            kind = self.type_kind(self.field(declaration, "type"))
            if declaration.type == "variadic_parameter_declaration":
                kind = "seq"
            for name in self.named_field(declaration, "name"):
                self.kinds[self.text(name)] = kind or "any"
                params.append(ir.Param(self.text(name), _param_kind(kind)))
        return tuple(params)

    def named_field(self, node, name: str) -> list:
        return [child for child in self.fields(node, name) if child.is_named]

    def type_kind(self, node) -> str | None:
        if node is None:
            return None
        kind = node.type
        if kind in ("slice_type", "array_type", "implicit_length_array_type"):
            return "seq"
        if kind == "map_type":
            value = self.field(node, "value")
            if value is not None and (value.type == "struct_type" or self.text(value) == "bool"):
                return "set"
            return "map"
        if kind == "pointer_type":
            inner = node.named_children[0] if node.named_children else None
            if inner is not None and self.text(inner) in _NODE_TYPES or inner is not None and self.text(inner).endswith("Node"):
                return "node"
            return self.type_kind(inner)
        if kind == "function_type":
            return "fn"
        if kind == "qualified_type":
            text = self.text(node)
            return {"strings.Builder": "strbuf", "bytes.Buffer": "strbuf"}.get(text)
        if kind in ("type_identifier", "identifier"):
            text = self.text(node)
            if text == "string":
                return "str"
            if text == "bool":
                return "bool"
            if text in _NUMERIC:
                return "num"
            user = self.user_types.get(text)
            if user in ("list",):
                return "seq"
            if user in ("map", "set"):
                return user
            if text in _NODE_TYPES or text.endswith("Node"):
                return "node"
        return None

    # -------------------------------------------------------------------------------- statements

    def block_body(self, node) -> tuple[ir.Stmt, ...]:
        if node is None:
            return ()
        out: list[ir.Stmt] = []
        for child in self.named(node):
            out += self.statement(child)
        return drop_fill_loops(_clone_copies(out))

    def h_block(self, node) -> list[ir.Stmt]:
        return [ir.Block(self.block_body(node), self.line(node))]

    def h_statement_list(self, node) -> list[ir.Stmt]:
        return list(self.statements(self.named(node)))

    def h_expression_statement(self, node) -> list[ir.Stmt]:
        out: list[ir.Stmt] = []
        for child in self.named(node):
            expr = self.expr(child)
            if isinstance(expr, ir.Call) and isinstance(expr.func, ir.Name) and expr.func.id == "delete" \
                    and len(expr.args) == 2:
                out.append(ir.Delete((ir.Index(expr.args[0], expr.args[1]),), self.line(node)))
            else:
                out.append(ir.ExprStmt(expr, self.line(node)))
        return out

    def expressions(self, node) -> list:
        if node is None:
            return []
        if node.type == "expression_list":
            return self.named(node)
        return [node]

    def h_short_var(self, node) -> list[ir.Stmt]:
        return self.assign_lists(self.expressions(self.field(node, "left")),
                                 self.expressions(self.field(node, "right")), "=", self.line(node))

    def h_assignment(self, node) -> list[ir.Stmt]:
        return self.assign_lists(self.expressions(self.field(node, "left")),
                                 self.expressions(self.field(node, "right")), self.operator(node), self.line(node))

    def assign_lists(self, lefts: list, rights: list, op: str, line: int) -> list[ir.Stmt]:
        if op not in ("=", ":="):
            return [ir.Assign((self.expr(lefts[0]),), self.expr(rights[0]), op=op[:-1], line=line)]
        if len(lefts) == 2 and len(rights) == 1 and rights[0].type == "index_expression":
            # v, ok := m[k]: a membership test (and a read when v is used)
            value = self.expr(rights[0])
            out: list[ir.Stmt] = []
            ok = self.text(lefts[1])
            if ok != "_" and isinstance(value, ir.Index):
                out.append(ir.Assign((ir.Name(ok),), ir.BinOp("in", value.index, value.obj), line=line))
                self.comma_ok = (ok, value)
            if self.text(lefts[0]) != "_":
                out.append(ir.Assign((self.expr(lefts[0]),), value, line=line))
            return out
        if len(lefts) == 1 and len(rights) == 1:
            return [self.assign_one(lefts[0], rights[0], line)]
        targets = tuple(self.expr(left) for left in lefts)
        values = tuple(self.expr(right) for right in rights)
        for left, right in zip(lefts, rights):
            self.note_kind(self.text(left), right)
        value: ir.Expr = values[0] if len(values) == 1 else ir.CollectionLit("tuple", values)
        return [ir.Assign((ir.CollectionLit("tuple", targets),), value, line=line)]

    def assign_one(self, left, right, line: int) -> ir.Stmt:
        name = self.text(left)
        if right.type == "func_literal" and left.type == "identifier":
            self.kinds[name] = "fn"
            return self.func_literal_def(name, right)
        if name == self.receiver and self.struct_literal(right):
            return ir.Block(tuple(self.struct_init(right)), line)
        target = self.expr(left)
        value = self.expr(right)
        self.note_kind(name, right)
        idiom = _append_or_pop(target, value)
        if idiom is not None:
            return ir.ExprStmt(idiom, line)
        return ir.Assign((target,), value, line=line)

    def note_kind(self, name: str, value_node) -> None:
        """Remember what kind a local holds, for ``range`` and ``v, ok := m[k]`` decisions."""
        value = value_node
        if value.type == "unary_expression":
            value = value.named_children[-1] if value.named_children else value
        kind = None
        if value.type == "composite_literal":
            kind = self.type_kind(self.field(value, "type"))
        elif value.type == "call_expression":
            function = self.field(value, "function")
            if function is not None and self.text(function) == "make":
                args = self.field(value, "arguments")
                kind = self.type_kind(args.named_children[0]) if args is not None and args.named_children else None
            elif function is not None and self.text(function) == "len":
                kind = "num"
        elif value.type in ("int_literal", "binary_expression"):
            kind = "num"
        elif value.type == "identifier" and self.text(value) in self.kinds:
            kind = self.kinds[self.text(value)]
        if kind is not None:
            self.kinds[name] = kind

    def h_var(self, node) -> list[ir.Stmt]:
        out: list[ir.Stmt] = []
        specs = []
        for child in self.named(node):
            specs += self.named(child) if child.type in ("var_spec_list", "const_spec_list") else [child]
        for spec in specs:
            if spec.type not in ("var_spec", "const_spec"):
                continue
            names = self.named_field(spec, "name")
            type_node = self.field(spec, "type")
            kind = self.type_kind(type_node)
            values = self.expressions(self.field(spec, "value"))
            if values:
                out += self.assign_lists(names, values, "=", self.line(spec))
                for name in names:
                    if kind is not None:
                        self.kinds[self.text(name)] = kind
                continue
            for name in names:
                text = self.text(name)
                if kind is not None:
                    self.kinds[text] = kind
                if kind == "seq":  # var res []int: an empty list to append to
                    value = self.fixed_array(type_node) or ir.CollectionLit("list")  # var count [26]int
                    out.append(ir.Assign((ir.Name(text),), value, line=self.line(spec)))
                elif kind == "strbuf":  # var sb strings.Builder: a usable empty builder, as new StringBuilder()
                    out.append(ir.Assign((ir.Name(text),), ir.Call(ir.Name("strings.Builder")), line=self.line(spec)))
                else:
                    out.append(ir.Assign((ir.Name(text),), None, declared=_declared(kind), line=self.line(spec)))
        return out

    def h_incdec(self, node) -> list[ir.Stmt]:
        operand = self.named(node)[0]
        op = "++" if node.type == "inc_statement" else "--"
        return [ir.ExprStmt(ir.UnaryOp(op, self.expr(operand)), self.line(node))]

    def h_if(self, node) -> list[ir.Stmt]:
        self.comma_ok = None
        pre: list[ir.Stmt] = []
        initializer = self.field(node, "initializer")
        if initializer is not None:
            pre = self.statement(initializer)
        comma_ok, self.comma_ok = self.comma_ok, None
        outer = self.aliases
        if comma_ok is not None:
            # if v, ok := m[k]; ok && c(v) { .. v .. } else if d(v) { .. }: Python's `if k in m and c(m[k])`:
            # v is the read m[k] in the tests of the chain, and a read at the top of a branch that uses it
            name, index = comma_ok
            reads = [s for s in pre if isinstance(s, ir.Assign) and s.value == index]
            pre = [s for s in pre if not (isinstance(s, ir.Assign) and (s.value == index or
                   isinstance(s.value, ir.BinOp) and s.value.op == "in"))]
            self.aliases = {**outer, **{target.id: index for read in reads for target in read.targets
                                        if isinstance(target, ir.Name)}}
        chain = self.aliases  # names the tests of this if / else-if chain read through
        test = self.expr(self.field(node, "condition"))
        if comma_ok is not None:
            test = _replace_name(test, comma_ok[0], ir.BinOp("in", comma_ok[1].index, comma_ok[1].obj))
        self.aliases = {}
        body = _read_first(list(self.block_body(self.field(node, "consequence"))), chain)
        alternative = self.field(node, "alternative")
        orelse: list[ir.Stmt] = []
        if alternative is not None and alternative.type == "block":
            orelse = _read_first(list(self.block_body(alternative)), chain)
        elif alternative is not None:
            self.aliases = chain
            orelse = self.statement(alternative)
        self.aliases = outer
        return pre + [ir.If(test, tuple(body), tuple(orelse), self.line(node))]

    def h_for(self, node) -> list[ir.Stmt]:
        body_node = self.field(node, "body")
        clause = next((c for c in self.named(node) if c != body_node), None)
        if clause is None:
            return [ir.While(None, self.block_body(body_node), self.line(node))]
        if clause.type == "for_clause":
            init = self.statement(self.field(clause, "initializer")) if self.field(clause, "initializer") else []
            condition = self.field(clause, "condition")
            update = self.statement(self.field(clause, "update")) if self.field(clause, "update") else []
            body = self.block_body(body_node)
            cond = self.expr(condition) if condition is not None else None
            return [ir.CFor(tuple(init), cond, tuple(update), body, self.line(node))]
        if clause.type == "range_clause":
            return [self.range_loop(clause, body_node, self.line(node))]
        return [ir.While(self.expr(clause), self.block_body(body_node), self.line(node))]

    def range_loop(self, clause, body_node, line: int) -> ir.Stmt:
        left = self.expressions(self.field(clause, "left"))
        right_node = self.field(clause, "right")
        names = [self.text(n) for n in left]
        iterable = self.expr(right_node)
        kind = self.expression_kind(right_node)
        for name in names:
            self.kinds.pop(name, None)
        if kind == "num":  # for i := range n
            if names:
                self.kinds[names[0]] = "num"
            return ir.Foreach(tuple(names[:1]) or ("_",), ir.Range(ir.Literal("num", "0"), iterable),
                              self.block_body(body_node), line)
        if kind in ("map", "set"):
            targets = tuple(n for n in names if n != "_") or ("_",)
            return ir.Foreach(tuple(names) if names and names[0] != "_" else targets, iterable,
                              self.block_body(body_node), line)
        if len(names) <= 1:  # for i := range xs: the indices
            if names:
                self.kinds[names[0]] = "num"
            stop = ir.Call(ir.Name("len"), (iterable,))
            return ir.Foreach(tuple(names) or ("_",), ir.Range(ir.Literal("num", "0"), stop),
                              self.block_body(body_node), line)
        if names[0] == "_":
            return ir.Foreach((names[1],), iterable, self.block_body(body_node), line)
        self.kinds[names[0]] = "num"
        return ir.Foreach(tuple(names), ir.Call(ir.Name("enumerate"), (iterable,)), self.block_body(body_node), line)

    def expression_kind(self, node) -> str | None:
        if node.type in ("int_literal",):
            return "num"
        if node.type == "identifier":
            return self.kinds.get(self.text(node))
        if node.type == "call_expression":
            function = self.field(node, "function")
            if function is not None and self.text(function) == "len":
                return "num"
        if node.type == "binary_expression":
            return "num"
        if node.type == "selector_expression":
            operand = self.field(node, "operand")
            if operand is not None and self.text(operand) == self.receiver:
                return None
        if node.type == "composite_literal":
            return self.type_kind(self.field(node, "type"))
        return None

    def h_switch(self, node) -> list[ir.Stmt]:
        out: list[ir.Stmt] = []
        initializer = self.field(node, "initializer")
        if initializer is not None:
            out += self.statement(initializer)
        value = self.field(node, "value")
        if value is not None:
            out.append(ir.ExprStmt(self.expr(value), self.line(node)))
        for case in self.named(node):
            if case.type in ("expression_case", "default_case", "type_case", "communication_case"):
                case_value = self.field(case, "value")
                statements = [c for c in self.named(case) if c != case_value and c.type not in (
                    "expression_list", "type_identifier")]
                body = [s for s in self.statements(statements) if not isinstance(s, ir.Break)]
                test = self.expr(case_value) if case_value is not None else ir.Opaque("default")
                out.append(ir.If(ir.Opaque("case", (test,)), tuple(body), (), self.line(case)))
        return [ir.Block(tuple(out), self.line(node))]

    def h_return(self, node) -> list[ir.Stmt]:
        children = self.named(node)
        if not children:
            return [ir.Return(None, self.line(node))]
        values = self.expressions(children[0])
        if len(values) == 1 and self.struct_literal(values[0]):  # return LRUCache{...}: a constructor
            return self.struct_init(values[0]) + [ir.Return(None, self.line(node))]
        if len(values) == 1 and self.receiver is not None and self.text(values[0]).lstrip("&") == self.receiver:
            return [ir.Return(None, self.line(node))]
        exprs = tuple(self.expr(v) for v in values)
        return [ir.Return(exprs[0] if len(exprs) == 1 else ir.CollectionLit("tuple", exprs), self.line(node))]

    def struct_literal(self, node) -> bool:
        if node.type == "unary_expression" and node.named_children:
            node = node.named_children[-1]
        if node.type != "composite_literal":
            return False
        type_node = self.field(node, "type")
        return type_node is not None and self.user_types.get(self.text(type_node)) == "struct" \
            and self.text(type_node) not in _NODE_TYPES and not self.text(type_node).endswith("Node")

    def struct_init(self, node) -> list[ir.Stmt]:
        if node.type == "unary_expression":
            node = node.named_children[-1]
        body = self.field(node, "body")
        out: list[ir.Stmt] = []
        for element in self.named(body) if body is not None else []:
            if element.type != "keyed_element":
                continue
            key, value = element.named_children[0], element.named_children[-1]
            out.append(ir.Assign((ir.Attr(ir.Name("this"), self.text(key)),), self.element(value),
                                 line=self.line(element)))
        return out

    def h_labeled(self, node) -> list[ir.Stmt]:
        return list(self.statements(c for c in self.named(node) if c.type != "label_name"))

    def h_defer(self, node) -> list[ir.Stmt]:
        return [ir.ExprStmt(self.expr(c), self.line(node)) for c in self.named(node)]

    # ------------------------------------------------------------------------------- expressions

    def e_identifier(self, node) -> ir.Expr:
        name = self.text(node)
        if name == self.receiver:
            return ir.Name("this")
        alias = self.aliases.get(name)
        if alias is not None and node.type == "identifier":
            return alias
        return ir.Name(name)

    def e_transparent(self, node) -> ir.Expr:
        operand = self.field(node, "operand") or next(iter(self.named(node)), None)
        return self.expr(operand)

    def e_unary(self, node) -> ir.Expr:
        op = self.operator(node)
        operand = self.field(node, "operand")
        if op in ("&", "*", "<-"):
            return self.expr(operand)
        return ir.UnaryOp("not" if op == "!" else op, self.expr(operand))

    def e_selector(self, node) -> ir.Expr:
        return ir.Attr(self.expr(self.field(node, "operand")), self.text(self.field(node, "field")))

    def e_index(self, node) -> ir.Expr:
        return ir.Index(self.expr(self.field(node, "operand")), self.expr(self.field(node, "index")))

    def e_slice(self, node) -> ir.Expr:
        present = [f for f in ("start", "end") if self.field(node, f) is not None]
        bounds = tuple(self.expr(self.field(node, f)) for f in present)
        what = present[0] if len(present) == 1 else "slice"
        return ir.Index(self.expr(self.field(node, "operand")), ir.Opaque(what, bounds), is_slice=True)

    def e_call(self, node) -> ir.Expr:
        function = self.field(node, "function")
        args_node = self.field(node, "arguments")
        arg_nodes = self.named(args_node) if args_node is not None else []
        name = self.text(function) if function.type in ("identifier", "selector_expression") else None
        if name == "make" and arg_nodes:
            kind = self.type_kind(arg_nodes[0])
            sizes = tuple(self.expr(a) for a in arg_nodes[1:2])
            if kind == "seq":
                return ir.Call(ir.Name("slice"), sizes if len(arg_nodes) == 2 else ())
            return ir.Call(ir.Name(kind if kind in ("map", "set") else "slice"), ())
        if name == "new" and arg_nodes:
            return ir.Call(ir.Name(self.text(arg_nodes[0])), ())
        if name in _CONVERSIONS and len(arg_nodes) == 1:
            return self.expr(arg_nodes[0])
        if function.type in ("slice_type", "array_type") and len(arg_nodes) == 1:  # []byte(s)
            return ir.Call(ir.Name("slice"), (self.expr(arg_nodes[0]),))
        if function.type == "parenthesized_expression" and len(arg_nodes) == 1:  # (*T)(x)
            return self.expr(arg_nodes[0])
        if name == "sort.Search" and len(arg_nodes) == 2 and arg_nodes[0].type == "call_expression":
            inner = self.expr(arg_nodes[0])  # sort.Search(len(xs), f) searches xs
            if isinstance(inner, ir.Call) and isinstance(inner.func, ir.Name) and inner.func.id == "len" and inner.args:
                return ir.Call(self.expr(function), (inner.args[0], self.expr(arg_nodes[1])))
        if name in self.user_types and self.user_types[name] in ("list", "map", "set") and len(arg_nodes) == 1:
            return self.expr(arg_nodes[0])  # IntHeap(nums): a conversion
        args = tuple(self.expr(a) for a in arg_nodes)
        if name == "append" and len(args) == 2 and args[0] in (ir.CollectionLit("list"), ir.Literal("none", "nil")) \
                and isinstance(args[1], ir.Opaque) and args[1].what == "variadic_argument" and args[1].children:
            return ir.Index(args[1].children[0], ir.Opaque("slice"), is_slice=True)  # append([]int{}, xs...)
        if name == "append" and len(args) == 2 and isinstance(args[1], ir.Opaque) and args[1].what == "variadic_argument" \
                and args[1].children and (isinstance(args[0], ir.CollectionLit) or isinstance(args[0], ir.Index)
                                          and args[0].is_slice):
            return ir.BinOp("+", args[0], args[1].children[0])  # append([]int{x}, ys...): Python's [x] + ys
        return ir.Call(self.expr(function), args)

    def e_composite(self, node) -> ir.Expr:
        return self.composite(self.field(node, "type"), self.field(node, "body"))

    def composite(self, type_node, body) -> ir.Expr:
        """A composite literal of type ``type_node``; also an inner ``{1, 0}`` whose type Go lets the outer
        literal elide (``[][]int{{1, 0}, {0, 1}}`` is a list of lists, as Python's ``[[1, 0], [0, 1]]``)."""
        elements = self.named(body) if body is not None else []
        kind = self.type_kind(type_node)
        elided = self.field(type_node, "element") if type_node is not None \
            and type_node.type in ("slice_type", "array_type", "implicit_length_array_type") else None
        items: list[ir.Expr] = []
        for element in elements:
            parts = self.named(element)
            if element.type == "keyed_element" and len(parts) == 2:
                items += [self.element(parts[0]), self.element(parts[1])]
            else:
                items.append(self.element(element, elided))
        if kind in ("seq",):
            return (self.fixed_array(type_node) if not items else None) or ir.CollectionLit("list", tuple(items))
        if kind in ("map", "set"):
            return ir.CollectionLit(kind, tuple(items))
        name = self.text(type_node) if type_node is not None else "struct"
        return ir.Call(ir.Name(name), tuple(items))

    def fixed_array(self, type_node) -> ir.Expr | None:
        """``[26]int{}`` / ``var seen [26]bool``: a zeroed array of a literal length, as Python's ``[0] * 26``
        (``[False] * 26`` for booleans), so its size is known like ``make([]int, 26)``'s; None otherwise."""
        length = self.field(type_node, "length") if type_node is not None and type_node.type == "array_type" else None
        if length is None or length.type != "int_literal":
            return None
        element = self.field(type_node, "element")
        inner = self.fixed_array(element)
        zero: ir.Expr = inner if inner is not None else \
            ir.Literal("bool", "false") if element is not None and self.text(element) == "bool" else ir.Literal("num", "0")
        return ir.BinOp("*", ir.CollectionLit("list", (zero,)), ir.Literal("num", self.text(length)))

    def element(self, node, elided=None) -> ir.Expr:
        """The expression in a composite literal's ``literal_element`` wrapper; ``elided`` is the element
        type a bare ``{..}`` in it has."""
        if node.type == "literal_element" and node.named_children:
            child = node.named_children[0]
            if child.type == "literal_value" and elided is not None:
                return self.composite(elided, child)
            return self.expr(child)
        return self.expr(node)

    def e_func_literal(self, node) -> ir.Expr:
        saved = dict(self.kinds)
        params = self.parameters(self.field(node, "parameters"))
        body_node = self.field(node, "body")
        statements = self.named(body_node) if body_node is not None else []
        if statements and statements[0].type == "statement_list":
            statements = self.named(statements[0])
        body: ir.Expr = ir.Literal("none")
        if len(statements) == 1 and statements[0].type == "return_statement" and self.named(statements[0]):
            body = self.expr(self.named(statements[0])[0])
        elif statements:
            body = ir.Opaque("lambda", tuple(s.expr for s in self.statements(statements) if isinstance(s, ir.ExprStmt)))
        self.kinds = saved
        return ir.Lambda(tuple(p.name for p in params), body)

    def func_literal_def(self, name: str, node) -> ir.FunctionDef:
        saved = dict(self.kinds)
        params = self.parameters(self.field(node, "parameters"))
        body = self.block_body(self.field(node, "body"))
        self.kinds = saved
        self.kinds[name] = "fn"
        return ir.FunctionDef(name, params, body, line=self.line(node))


# ------------------------------------------------------------------------------------------ helpers


def _param_kind(kind: str | None) -> str:
    if kind in ("seq", "str", "map", "set", "num", "bool", "node", "fn"):
        return kind
    return "any"


def _declared(kind: str | None) -> str | None:
    return "list" if kind == "seq" else kind


def _append_or_pop(target: ir.Expr, value: ir.Expr) -> ir.Expr | None:
    """``xs = append(xs, v...)`` / ``st = st[:len(st)-1]`` / ``q = q[1:]`` as method calls, else None."""
    if isinstance(value, ir.Call) and isinstance(value.func, ir.Name) and value.func.id == "append" \
            and value.args and value.args[0] == target:
        rest = value.args[1:]
        if len(rest) == 1 and isinstance(rest[0], ir.Opaque) and rest[0].what == "variadic_argument":
            return ir.Call(ir.Attr(target, "$extend"), rest[0].children)
        return ir.Call(ir.Attr(target, "$append"), rest)
    if isinstance(value, ir.Index) and value.is_slice and value.obj == target and isinstance(value.index, ir.Opaque):
        bounds = value.index.children
        text = _shape(value.index)
        if text == "end" and len(bounds) == 1 and _is_len_minus_one(bounds[0], target):
            return ir.Call(ir.Attr(target, "$pop"), ())
        if text == "start" and len(bounds) == 1 and bounds[0] == ir.Literal("num", "1"):
            return ir.Call(ir.Attr(target, "$popfront"), ())
    return None


def _fields_built_first(body: tuple[ir.Stmt, ...], params: set[str]) -> tuple[ir.Stmt, ...]:
    """A constructor that builds a local and returns it in the struct literal (``prefix := make(..); ...;
    return NumArray{prefix: prefix}``) builds the field, as ``self.prefix = []`` / ``this.prefix = new
    int[n]`` do: the local is the field from its construction on (its own struct-literal store goes)."""
    fields: dict[str, ir.Expr] = {}
    for stmt in body:
        if isinstance(stmt, ir.Assign) and len(stmt.targets) == 1 and isinstance(stmt.targets[0], ir.Attr) \
                and stmt.targets[0].obj == ir.Name("this") and isinstance(stmt.value, ir.Name) \
                and stmt.value.id not in params:
            fields[stmt.value.id] = stmt.targets[0]
    built = {name for stmt in body if isinstance(stmt, ir.Assign) for name in
             (t.id for t in stmt.targets if isinstance(t, ir.Name)) if name in fields}
    if not built:
        return body
    out: list[ir.Stmt] = []
    for stmt in body:
        if isinstance(stmt, ir.Assign) and len(stmt.targets) == 1 and isinstance(stmt.value, ir.Name) \
                and stmt.value.id in built and stmt.targets[0] == fields[stmt.value.id]:
            continue
        for name in built:
            stmt = _substitute(stmt, name, fields[name])
        out.append(stmt)
    return tuple(out)


def _clone_copies(body: list[ir.Stmt]) -> list[ir.Stmt]:
    """``t := make([]T, len(xs)); copy(t, xs)`` is Go's spelling of Python's ``xs.copy()`` (``slices.Clone``);
    when the next statement is the only other use of ``t`` (``res = append(res, t)``), the copy is made
    right there, as ``res.append(cur.copy())`` and ``res.add(new ArrayList<>(cur))`` make it."""
    out: list[ir.Stmt] = []
    index = 0
    while index < len(body):
        stmt = body[index]
        source = _sized_like(stmt)
        following = body[index + 1] if index + 1 < len(body) else None
        if source is not None and isinstance(following, ir.ExprStmt) and following.expr == ir.Call(
                ir.Name("copy"), (stmt.targets[0], source)):
            clone = ir.Call(ir.Name("slices.Clone"), (source,))
            name = stmt.targets[0].id
            rest = body[index + 2:]
            if rest and _uses(rest[0], name) == 1 and not any(_uses(later, name) for later in rest[1:]) \
                    and not isinstance(rest[0], (ir.Foreach, ir.CFor, ir.While, ir.FunctionDef)):
                out.append(_substitute(rest[0], name, clone))
                index += 3
                continue
            out.append(ir.Assign(stmt.targets, clone, line=stmt.line))
            index += 2
            continue
        out.append(stmt)
        index += 1
    return out


def _sized_like(stmt: ir.Stmt) -> ir.Expr | None:
    """``xs`` of ``t := make([]T, len(xs))``, else None."""
    if isinstance(stmt, ir.Assign) and stmt.op is None and len(stmt.targets) == 1 \
            and isinstance(stmt.targets[0], ir.Name) and isinstance(stmt.value, ir.Call) \
            and stmt.value.func == ir.Name("slice") and len(stmt.value.args) == 1:
        size = stmt.value.args[0]
        if isinstance(size, ir.Call) and size.func == ir.Name("len") and len(size.args) == 1:
            return size.args[0]
    return None


def _uses(node, name: str) -> int:
    """How often ``name`` occurs in an IR statement or expression."""
    if isinstance(node, ir.Name):
        return node.id == name
    if isinstance(node, tuple):
        return sum(_uses(item, name) for item in node)
    if isinstance(node, (str, int, bool)) or node is None:
        return 0
    return sum(_uses(value, name) for value in vars(node).values())


def _substitute(node, name: str, replacement: ir.Expr):
    """``node`` with every ``Name(name)`` replaced by ``replacement``."""
    if isinstance(node, ir.Name):
        return replacement if node.id == name else node
    if isinstance(node, tuple):
        return tuple(_substitute(item, name, replacement) for item in node)
    if isinstance(node, (str, int, bool)) or node is None:
        return node
    return type(node)(**{key: _substitute(value, name, replacement) for key, value in vars(node).items()})


def _shape(index: ir.Opaque) -> str:
    return index.what if index.what in ("start", "end") else "both"


def _is_len_minus_one(expr: ir.Expr, target: ir.Expr) -> bool:
    return isinstance(expr, ir.BinOp) and expr.op == "-" and expr.right == ir.Literal("num", "1") \
        and isinstance(expr.left, ir.Call) and isinstance(expr.left.func, ir.Name) and expr.left.func.id == "len" \
        and expr.left.args == (target,)


def _read_first(body: list[ir.Stmt], aliases: dict[str, ir.Expr]) -> list[ir.Stmt]:
    """``body`` preceded by ``v = m[k]`` for each comma-ok value ``v`` it uses (read once, where needed)."""
    if not aliases:
        return body
    used = {node.id for node in _names(body)}
    reads: list[ir.Stmt] = []
    for name, index in aliases.items():
        if name not in used:
            continue
        first = next(stmt for stmt in body if any(node.id == name for node in _names(stmt)))
        if isinstance(first, ir.If) and not any(node.id == name for node in _names((first.body, first.orelse))) \
                and sum(1 for stmt in body for node in _names(stmt) if node.id == name) == \
                sum(1 for node in _names(first.test) if node.id == name):
            # `if words[idx] != w { .. }`: read where the test uses it (Python: `if words[m[c]] != w`)
            body = [ir.If(_substituted(first.test, name, index), first.body, first.orelse, first.line)
                    if stmt is first else stmt for stmt in body]
        else:
            reads.append(ir.Assign((ir.Name(name),), index))
    return reads + body


def _substituted(expr, name: str, replacement: ir.Expr):
    """``expr`` with every ``Name(name)`` replaced (any expression shape)."""
    if isinstance(expr, ir.Name):
        return replacement if expr.id == name else expr
    if isinstance(expr, tuple):
        return tuple(_substituted(item, name, replacement) for item in expr)
    if isinstance(expr, (ir.Lambda, ir.Comprehension, ir.Generator)) or not hasattr(expr, "__dataclass_fields__"):
        return expr
    return type(expr)(*(_substituted(value, name, replacement) for value in ir.field_values(expr)))


def _names(value):
    """Every ``ir.Name`` inside IR statements or expressions."""
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, ir.Name):
            yield item
        elif isinstance(item, (list, tuple)):
            stack.extend(item)
        elif hasattr(item, "__dataclass_fields__") and not isinstance(item, ir.FunctionDef):
            stack.extend(ir.field_values(item))


def _replace_name(expr: ir.Expr, name: str, replacement: ir.Expr) -> ir.Expr:
    if isinstance(expr, ir.Name) and expr.id == name:
        return replacement
    if isinstance(expr, ir.BinOp):
        return ir.BinOp(expr.op, _replace_name(expr.left, name, replacement), _replace_name(expr.right, name, replacement))
    if isinstance(expr, ir.UnaryOp):
        return ir.UnaryOp(expr.op, _replace_name(expr.operand, name, replacement))
    return expr


def extract(source: str, path: str | None = None) -> ir.Module:
    """Go source -> IR (``SourceSyntaxError`` at the first syntax error)."""
    return GoExtractor.extract(source, path)


__all__ = ["SPEC", "GoExtractor", "extract"]
