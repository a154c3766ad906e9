"""C# extractor: tree-sitter-c-sharp syntax tree -> IR, plus C#'s tables for the shared vocabulary.

C# is Java with other node names, so the extractor is the Java one (class handling, implicit fields,
``Solution`` classes whose helpers become closures of the entry method) with C#'s node kinds and calls:
indexers (``d[k]``, ``g[i, j]``), properties (``Count``, ``Length``), ``var``, ``new()``, local functions,
tuple patterns in ``foreach``, LINQ, ``out var``.
"""

from __future__ import annotations

from skeldsl import ir
from skeldsl.normalise.spec import LanguageSpec, methods_by_kind

from ._jvm import (char_array, kind_of_type, param_kind, simple_type_name, string_of, switch_chain,
                   unwrap_char_array)
from ._treesitter import handler_table
from .java import JavaExtractor, _user_call

# ------------------------------------------------------------------------------------------- tables

_LIST = {
    "Add": "list.append", "AddRange": "list.extend", "Insert": "list.insert", "InsertRange": "list.insert",
    "RemoveAt": "list.del", "Remove": "list.del", "RemoveRange": "list.del", "RemoveLast": "list.pop",
    "Contains": "list.has", "IndexOf": "list.find", "LastIndexOf": "list.find", "Sort": "sort",
    "Reverse": "reverse", "GetRange": "slice", "ToArray": "copy", "ToList": "copy", "Clear": "none",
    "BinarySearch": "bsearch", "Push": "list.append", "Pop": "list.pop", "Peek": "none", "Exists": "reduce",
    "FindIndex": "list.find", "Find": "list.find", "ForEach": "iterate", "CopyTo": "copy", "Clone": "copy",
    "Fill": "none", "AsSpan": "wrap", "TryPop": "list.pop", "TryPeek": "none",
}
_DEQUE = {
    "Enqueue": "deque.push", "Dequeue": "deque.popfront", "TryDequeue": "deque.popfront", "Peek": "none",
    "TryPeek": "none", "AddLast": "deque.push", "AddFirst": "deque.pushfront", "RemoveFirst": "deque.popfront",
    "RemoveLast": "deque.pop", "Contains": "list.has", "Clear": "none", "ToArray": "copy", "ToList": "copy",
}
_HEAP = {
    "Enqueue": "heap.push", "Dequeue": "heap.pop", "TryDequeue": "heap.pop", "Peek": "heap.top",
    "TryPeek": "heap.top", "EnqueueDequeue": "heap.push", "EnqueueRange": "heap.push", "Clear": "none",
    "DequeueEnqueue": "heap.push",
}
_MAP = {
    "ContainsKey": "map.has", "TryGetValue": "map.get", "GetValueOrDefault": "map.get", "Add": "map.put",
    "TryAdd": "map.put", "Remove": "map.del", "ContainsValue": "reduce", "Clear": "none", "Keys": "wrap",
    "Values": "wrap", "ToList": "copy", "ToArray": "copy",
}
_SET = {
    "Add": "set.add", "Contains": "set.has", "Remove": "set.del", "UnionWith": "set.add",
    "ExceptWith": "set.del", "IntersectWith": "set.del", "Clear": "none", "SetEquals": "reduce",
    "IsSubsetOf": "reduce", "Overlaps": "reduce", "ToList": "copy", "ToArray": "copy",
}
_TREE = {
    "Add": "tree.put", "Remove": "tree.del", "Contains": "tree.has", "ContainsKey": "tree.has",
    "TryGetValue": "tree.get", "GetViewBetween": "slice", "Clear": "none", "Keys": "wrap", "Values": "wrap",
}
_STR = {
    "join": "str.join",  # "".join(chars), the IR of new String(chars)
    "Substring": "slice", "IndexOf": "str.find", "LastIndexOf": "str.find", "Contains": "str.find",
    "StartsWith": "str.find", "EndsWith": "str.find", "Split": "str.split", "Replace": "str.replace",
    "ToCharArray": "copy", "ToLower": "copy", "ToUpper": "copy", "Trim": "none", "Equals": "none",
    "CompareTo": "none", "ToString": "none", "PadLeft": "copy", "PadRight": "copy", "Insert": "str.concat",
    "Remove": "slice", "GetHashCode": "none",
}
_STRBUF = {
    "Append": "strbuf.append", "AppendLine": "strbuf.append", "Insert": "list.insert", "ToString": "none",
    "Remove": "list.del", "Clear": "none", "Replace": "str.replace",
}
_ANY = {  # receivers of unknown kind: distinctive names decide; LINQ works on any sequence
    "ContainsKey": "map.has", "TryGetValue": "map.get", "GetValueOrDefault": "map.get", "TryAdd": "map.put",
    "Enqueue": "deque.push", "Dequeue": "deque.popfront", "Append": "strbuf.append", "Add": "list.append",
    "Push": "list.append", "Pop": "list.pop", "RemoveAt": "list.del", "Insert": "list.insert",
    "AddRange": "list.extend", "Substring": "slice", "ToCharArray": "copy", "Equals": "none",
    "CompareTo": "none", "ToString": "none", "GetHashCode": "none",
    "Sum": "reduce", "Max": "reduce", "Min": "reduce", "Average": "reduce", "Any": "reduce", "All": "reduce",
    "Count": "size", "Aggregate": "reduce", "SequenceEqual": "reduce", "OrderBy": "sort",
    "OrderByDescending": "sort", "ThenBy": "none", "ThenByDescending": "none", "ToList": "copy",
    "ToArray": "copy", "ToHashSet": "copy", "ToDictionary": "copy", "Reverse": "reverse",
    "Select": "wrap", "Where": "wrap", "Distinct": "copy", "Skip": "slice", "Take": "slice",
    "GroupBy": "copy", "First": "none", "Last": "none", "FirstOrDefault": "none", "LastOrDefault": "none",
    "ElementAt": "none", "Keys": "wrap", "Values": "wrap", "Contains": "list.has", "IndexOf": "list.find",
}

_METHODS = methods_by_kind(list=_LIST, deque=_DEQUE, heap=_HEAP, map=_MAP, set=_SET, tree=_TREE, str=_STR,
                           strbuf=_STRBUF, any=_ANY)

SPEC = LanguageSpec(
    name="csharp",
    constructors={
        "Dictionary": "map", "HashSet": "set", "List": "list", "Stack": "list", "Queue": "deque",
        "LinkedList": "deque", "PriorityQueue": "heap", "SortedDictionary": "tree", "SortedSet": "tree",
        "SortedList": "tree", "StringBuilder": "strbuf", "<array>": "list", "ArrayList": "list",
        "string": "str", "String": "str",
    },
    methods=_METHODS,
    functions={
        "<chars>": ("view", 0),  # _jvm.CHAR_VIEW: s.toCharArray()
        "Array.Sort": ("sort", 0), "Array.BinarySearch": ("bsearch", 0), "Array.Reverse": ("reverse", 0),
        "Array.Fill": ("none", 0), "Array.Copy": ("slice", 0), "Array.IndexOf": ("list.find", 0),
        "Array.Exists": ("reduce", 0), "Array.Resize": ("copy", 0), "Array.Empty": ("none", 0),
        "Array.ConvertAll": ("copy", 0), "Array.Clear": ("none", 0), "Array.FindIndex": ("list.find", 0),
        "string.Join": ("str.join", 1), "String.Join": ("str.join", 1), "string.Concat": ("str.join", 0),
        "string.IsNullOrEmpty": ("none", 0), "string.Compare": ("none", 0), "new string": ("none", 0),
        "Enumerable.Range": ("range", 0), "Enumerable.Repeat": ("none", 0), "Console.WriteLine": ("none", 0),
        "Convert.ToInt32": ("none", 0), "Convert.ToString": ("none", 0), "Convert.ToChar": ("none", 0),
        **{f"Math.{name}": ("none", 0) for name in (
            "Max", "Min", "Abs", "Pow", "Sqrt", "Floor", "Ceiling", "Log", "Round", "Log2", "Log10", "Sign",
            "Exp", "Cbrt", "Truncate", "DivRem", "Clamp")},
        **{f"{box}.{name}": ("none", 0) for box in ("int", "long", "char", "double", "Char", "Int32", "Int64",
                                                      "bool", "string", "BitOperations")
           for name in ("Parse", "TryParse", "IsDigit", "IsLetter", "IsLetterOrDigit", "IsUpper", "IsLower",
                        "ToLower", "ToUpper", "IsWhiteSpace", "GetNumericValue", "PopCount", "Max", "Min",
                        "ToString", "IsNullOrEmpty", "Log2", "TrailingZeroCount", "LeadingZeroCount")},
    },
    size_attributes=frozenset({"Length", "Count"}),
    memo_decorators=frozenset(),
    self_names=frozenset({"this"}),
)

_CLASS_KINDS = ("class_declaration", "struct_declaration", "record_declaration", "interface_declaration",
                "enum_declaration", "record_struct_declaration")

# ----------------------------------------------------------------------------------------- extractor


class CSharpExtractor(JavaExtractor):
    LANGUAGE = "csharp"
    CLASS_KINDS = _CLASS_KINDS
    CALL_KIND = "invocation_expression"
    SKIPPED_MEMBERS = frozenset({"field_declaration", "property_declaration", "event_field_declaration",
                                 "delegate_declaration", "operator_declaration", "indexer_declaration",
                                 "destructor_declaration", "enum_member_declaration", "event_declaration",
                                 "conversion_operator_declaration"})
    IGNORED = frozenset({"comment", "using_directive", ";", "attribute_list", "modifier", "extern_alias_directive",
                         "preprocessor_call", "shebang_directive", "base_list", "type_parameter_list",
                         "type_parameter_constraints_clause"})
    STATEMENTS = handler_table(
        h_block=["block", "unsafe_statement"],
        h_expression_statement=["expression_statement"],
        h_local=["local_declaration_statement"],
        h_if=["if_statement"],
        h_for=["for_statement"],
        h_foreach=["foreach_statement"],
        h_while=["while_statement"],
        h_do=["do_statement"],
        h_return=["return_statement", "yield_statement"],
        h_break=["break_statement", "goto_statement"],
        h_continue=["continue_statement"],
        h_throw=["throw_statement"],
        h_try=["try_statement"],
        h_labeled=["labeled_statement", "lock_statement", "checked_statement", "fixed_statement",
                   "using_statement"],
        h_switch=["switch_statement"],
        h_local_class=list(_CLASS_KINDS),
        h_local_function=["local_function_statement"],
        h_namespace=["namespace_declaration", "file_scoped_namespace_declaration", "global_statement"],
        h_ignore=["empty_statement"],
    )
    EXPRESSIONS = handler_table(
        e_identifier=["identifier"],
        e_number=["integer_literal", "real_literal"],
        e_string=["string_literal", "verbatim_string_literal", "raw_string_literal"],
        e_char=["character_literal"],
        e_bool=["boolean_literal"],
        e_none=["null_literal", "typeof_expression", "default_expression", "sizeof_expression"],
        e_this=["this", "this_expression", "base", "base_expression"],
        e_parenthesized=["parenthesized_expression", "checked_expression", "ref_expression"],
        e_binary=["binary_expression"],
        e_prefix=["prefix_unary_expression"],
        e_postfix=["postfix_unary_expression"],
        e_assign_expr=["assignment_expression"],
        e_ternary=["conditional_expression"],
        e_cast=["cast_expression"],
        e_opaque=["is_pattern_expression", "is_expression", "as_expression", "interpolated_string_expression",
                  "interpolation", "range_expression", "conditional_access_expression", "switch_expression",
                  "throw_expression", "anonymous_object_creation_expression", "member_binding_expression",
                  "with_expression", "element_binding_expression", "stackalloc_expression",
                  "anonymous_method_expression", "query_expression", "tuple_element"],
        e_member=["member_access_expression"],
        e_element=["element_access_expression"],
        e_call=["invocation_expression"],
        e_new=["object_creation_expression"],
        e_new_implicit=["implicit_object_creation_expression"],
        e_new_array=["array_creation_expression", "implicit_array_creation_expression"],
        e_array_literal=["initializer_expression"],
        e_tuple=["tuple_expression"],
        e_argument=["argument"],
        e_declaration=["declaration_expression"],
        e_lambda=["lambda_expression"],
        e_type=["predefined_type", "generic_name", "qualified_name", "array_type", "nullable_type",
                "implicit_type", "tuple_type", "pointer_type"],
        e_string_content=["string_content", "string_literal_content", "escape_sequence", "interpolation_start",
                          "interpolation_brace", "interpolation_quote", "interpolation_format_clause",
                          "interpolation_alignment_clause"],
        e_pattern=["constant_pattern", "negated_pattern", "declaration_pattern", "type_pattern",
                   "relational_pattern", "and_pattern", "or_pattern", "var_pattern", "discard",
                   "recursive_pattern", "parenthesized_pattern", "list_pattern"],
    )

    def __init__(self, source: bytes, path: str | None) -> None:
        super().__init__(source, path)
        self.declared_type: str | None = None  # the type ``new()`` builds

    # ---------------------------------------------------------------------------- module level

    def module(self, root) -> ir.Module:
        return ir.Module("csharp", tuple(self.declarations(root)))

    def declarations(self, node) -> list[ir.FunctionDef]:
        functions: list[ir.FunctionDef] = []
        for child in self.named(node):
            if child.type in self.CLASS_KINDS:
                functions += self.class_methods(child)
            elif child.type in ("namespace_declaration", "file_scoped_namespace_declaration", "declaration_list",
                                "global_statement"):
                functions += self.declarations(child)
            elif child.type in self.STATEMENTS:
                functions += [s for s in self.statement(child) if isinstance(s, ir.FunctionDef)]
            elif child.type not in self.IGNORED and child.type not in ("identifier", "qualified_name"):
                self.unknown(child, "declaration")
        return functions

    def h_namespace(self, node) -> list[ir.Stmt]:
        return [ir.Block(tuple(self.declarations(node)), self.line(node))]

    def modifiers(self, node) -> str:
        return " ".join(self.text(child) for child in node.children if child.type == "modifier")

    def field_declaration(self, node, fields: set[str], as_locals: bool = False) -> list[ir.Stmt]:
        declaration = next((c for c in node.named_children if c.type == "variable_declaration"), None)
        if declaration is None:
            return []
        out: list[ir.Stmt] = []
        type_node = self.field(declaration, "type")
        for declarator in self.named(declaration):
            if declarator.type != "variable_declarator":
                continue
            name = self.text(self.field(declarator, "name"))
            fields.add(name)
            value = self.declarator_value(declarator, type_node)
            declared = self.declared_kind(type_node)
            target: ir.Expr = ir.Name(name) if as_locals else ir.Attr(ir.Name("this"), name)
            if value is not None or as_locals:
                out.append(ir.Assign((target,), value, declared=None if declared == "any" else declared,
                                     line=self.line(node)))
        return out

    def declarator_value(self, declarator, type_node) -> ir.Expr | None:
        name = self.field(declarator, "name")
        values = [c for c in self.named(declarator) if c != name and c.type != "bracketed_argument_list"]
        if not values:
            return None
        value = values[-1]
        if value.type == "equals_value_clause":
            value = self.named(value)[-1]
        saved, self.declared_type = self.declared_type, (
            simple_type_name(self.text(type_node)) if type_node is not None else None)
        try:
            return self.expr(value)
        finally:
            self.declared_type = saved

    def method(self, node, owner: str) -> ir.FunctionDef | None:
        body = self.field(node, "body")
        if body is None:
            body = next((c for c in node.named_children if c.type == "arrow_expression_clause"), None)
        if body is None:
            return None  # abstract / interface method
        name = "__init__" if node.type == "constructor_declaration" else self.text(self.field(node, "name"))
        params = self.parameters(self.field(node, "parameters"))
        saved = self.scope.enter_method(p.name for p in params)
        try:
            statements = self.function_body(body)
        finally:
            self.scope.leave_method(saved)
        return ir.FunctionDef(name, params, statements, owner=owner, line=self.line(node))

    def function_body(self, body) -> tuple[ir.Stmt, ...]:
        if body.type == "arrow_expression_clause":
            children = self.named(body)
            return (ir.Return(self.expr(children[0]) if children else None, self.line(body)),)
        if body.type == "block":
            return self.statements(self.named(body))
        return (ir.Return(self.expr(body), self.line(body)),)

    def parameters(self, node) -> tuple[ir.Param, ...]:
        if node is None:
            return ()
        params: list[ir.Param] = []
        for param in self.named(node):
            if param.type == "parameter" and self.field(param, "name") is not None:
                params.append(ir.Param(self.text(self.field(param, "name")),
                                       param_kind(self.declared_kind(self.field(param, "type")))))
        return tuple(params)

    def declared_kind(self, type_node, declarator=None) -> str:
        if type_node is None or type_node.type == "implicit_type":
            return "any"
        if type_node.type == "nullable_type":
            inner = self.named(type_node)
            return self.declared_kind(inner[0]) if inner else "any"
        if type_node.type == "array_type":
            element = self.field(type_node, "type")
            if element is not None and element.type == "predefined_type" and self.text(element) == "char" \
                    and False:
                return "list"
            return "list"
        if type_node.type == "tuple_type":
            return "any"
        return kind_of_type(simple_type_name(self.text(type_node)))

    # ------------------------------------------------------------------------------ statements

    def h_local(self, node) -> list[ir.Stmt]:
        declaration = next((c for c in node.named_children if c.type == "variable_declaration"), None)
        return self.variable_declaration(declaration) if declaration is not None else []

    def variable_declaration(self, declaration) -> list[ir.Stmt]:
        type_node = self.field(declaration, "type")
        declared = self.declared_kind(type_node)
        out: list[ir.Stmt] = []
        for declarator in self.named(declaration):
            if declarator.type != "variable_declarator":
                continue
            name_node = self.field(declarator, "name")
            if name_node is None:  # var (a, b) = ...: a tuple deconstruction
                pattern = next((c for c in declarator.named_children if c.type == "tuple_pattern"), None)
                names = [self.text(c) for c in pattern.named_children if c.type == "identifier"] if pattern else []
                for name in names:
                    self.scope.bind(name)
                values = [c for c in self.named(declarator) if c != pattern]
                value = self.expr(values[-1]) if values else None
                targets = ir.CollectionLit("tuple", tuple(ir.Name(n) for n in names))
                out.append(ir.Assign((targets,), value, line=self.line(declarator)))
                continue
            name = self.text(name_node)
            self.scope.bind(name)
            value = self.declarator_value(declarator, type_node)
            kind = "any" if _user_call(value, SPEC) else declared  # a helper's result: see Java
            out.append(ir.Assign((ir.Name(name),), value, declared=None if kind == "any" else kind,
                                 line=self.line(declarator)))
        return out

    def h_for(self, node) -> list[ir.Stmt]:
        init: list[ir.Stmt] = []
        for child in (c for c in self.fields(node, "initializer") if c.is_named):
            if child.type == "variable_declaration":
                init += self.variable_declaration(child)
            elif child.type == "assignment_expression":
                init += self.assignment(child)
            else:
                init.append(ir.ExprStmt(self.expr(child), self.line(child)))
        update: list[ir.Stmt] = []
        for child in (c for c in self.fields(node, "update") if c.is_named):
            if child.type == "assignment_expression":
                update += self.assignment(child)
            else:
                update.append(ir.ExprStmt(self.expr(child), self.line(child)))
        condition = self.field(node, "condition")
        cond = self.expr(condition) if condition is not None else None
        return [ir.CFor(tuple(init), cond, tuple(update), self.body(self.field(node, "body")), self.line(node))]

    def h_foreach(self, node) -> list[ir.Stmt]:
        left = self.field(node, "left")
        names: list[str] = []
        if left is not None:
            stack = [left]
            while stack:
                current = stack.pop(0)
                if current.type == "identifier":
                    names.append(self.text(current))
                else:
                    stack[:0] = list(self.named(current))
        for name in names:
            self.scope.bind(name)
        iterable = self.expr(self.field(node, "right"))
        iterable = unwrap_char_array(iterable)
        return [ir.Foreach(tuple(names) or ("_",), iterable, self.body(self.field(node, "body")), self.line(node))]

    def h_switch(self, node) -> list[ir.Stmt]:
        out: list[ir.Stmt] = [ir.ExprStmt(self.expr(self.field(node, "value")), self.line(node))]
        block = self.field(node, "body")
        cases: list[tuple[bool, list[ir.Stmt], int]] = []
        for section in self.named(block) if block is not None else ():
            statements: list[ir.Stmt] = []
            for child in self.named(section):
                if child.type in self.STATEMENTS:
                    statements += self.statement(child)
            cases.append((self.text(section).startswith("default"), statements, self.line(section)))
        return [ir.Block(tuple(out) + switch_chain(cases, self.line(node)), self.line(node))]

    def h_local_function(self, node) -> list[ir.Stmt]:
        name = self.text(self.field(node, "name"))
        self.scope.bind(name)
        params = self.parameters(self.field(node, "parameters"))
        body = self.field(node, "body") or next(
            (c for c in node.named_children if c.type == "arrow_expression_clause"), None)
        saved = set(self.scope.locals)
        for param in params:
            self.scope.bind(param.name)
        try:
            statements = self.function_body(body) if body is not None else ()
        finally:
            self.scope.locals = saved | {name}
        return [ir.FunctionDef(name, params, statements, line=self.line(node))]

    # ----------------------------------------------------------------------------- expressions

    def e_prefix(self, node) -> ir.Expr:
        op = self.operator(node)
        operand = self.named(node)[-1]
        if op in ("++", "--"):
            return ir.UnaryOp(op, self.expr(operand))
        return ir.UnaryOp("not" if op == "!" else op, self.expr(operand))

    def e_postfix(self, node) -> ir.Expr:
        operand = self.named(node)[0]
        text = self.text(node)
        if text.endswith("++") or text.endswith("--"):
            return ir.UnaryOp("++" if text.endswith("++") else "--", self.expr(operand))
        return self.expr(operand)  # x! (null-forgiving)

    def e_member(self, node) -> ir.Expr:
        obj_node, name_node = self.field(node, "expression"), self.field(node, "name")
        name = self.text(name_node).split("<", 1)[0]
        if obj_node.type in ("this", "this_expression") and self.scope.demoted(name):
            return ir.Name(name)
        if obj_node.type == "identifier" and self.static_receiver(self.text(obj_node)):
            return ir.Attr(ir.Name(self.text(obj_node)), name)
        return ir.Attr(self.expr(obj_node), name)

    def static_receiver(self, name: str) -> bool:
        return name[:1].isupper() and name not in self.scope.locals and not isinstance(self.scope.name(name), ir.Attr)

    def e_element(self, node) -> ir.Expr:
        obj = self.expr(self.field(node, "expression"))
        subscript = self.field(node, "subscript")
        indexes = self.arguments(subscript)
        index: ir.Expr = indexes[0] if len(indexes) == 1 else ir.CollectionLit("tuple", indexes)
        return ir.Index(obj, index)

    def e_argument(self, node) -> ir.Expr:
        children = [c for c in self.named(node) if c.type != "name_colon"]
        return self.expr(children[-1]) if children else ir.Literal("none")

    def e_declaration(self, node) -> ir.Expr:
        name = self.field(node, "name")
        if name is not None:
            self.scope.bind(self.text(name))
            return ir.Name(self.text(name))
        return ir.Literal("none")

    def e_call(self, node) -> ir.Expr:
        function = self.field(node, "function")
        args = self.arguments(self.field(node, "arguments"))
        if function.type == "member_access_expression":
            obj_node, name_node = self.field(function, "expression"), self.field(function, "name")
            name = self.text(name_node).split("<", 1)[0]
            if obj_node.type in ("identifier", "predefined_type") and self.static_receiver(self.text(obj_node)) \
                    or obj_node.type == "predefined_type":
                return ir.Call(ir.Name(f"{self.text(obj_node)}.{name}"), args)  # Math.Max, Array.Sort
            obj = self.expr(obj_node)
            chars = char_array(obj, name, args)
            if chars is not None:
                return chars
            if name == "RemoveAt" and len(args) == 1 and _is_last_index(args[0], obj):
                name, args = "RemoveLast", ()
            return ir.Call(ir.Attr(obj, name), args)
        if function.type in ("identifier", "generic_name"):
            return ir.Call(ir.Name(self.text(function).split("<", 1)[0]), args)
        return ir.Call(self.expr(function), args)

    def e_new(self, node) -> ir.Expr:
        type_name = simple_type_name(self.text(self.field(node, "type")))
        args = self.arguments(self.field(node, "arguments"))
        initializer = self.field(node, "initializer")
        if initializer is not None and not args and self.named(initializer):
            args = (self.expr(initializer),)
        if type_name in ("string", "String") and len(args) == 1:
            return string_of(args)
        return ir.Call(ir.Name(type_name), args)

    def e_new_implicit(self, node) -> ir.Expr:
        args = tuple(self.expr(c) for c in self.named(node) if c.type == "argument_list" for c in self.named(c))
        return ir.Call(ir.Name(self.declared_type or "<new>"), args)

    def e_new_array(self, node) -> ir.Expr:
        initializer = next((c for c in node.named_children if c.type == "initializer_expression"), None)
        if initializer is not None:
            return self.expr(initializer)
        type_node = self.field(node, "type")
        dims: list[ir.Expr] = []
        while type_node is not None and type_node.type == "array_type":
            rank = self.field(type_node, "rank")
            if rank is not None and self.named(rank):
                dims = [self.expr(self.named(rank)[0])]
            type_node = self.field(type_node, "type")
        return ir.Call(ir.Name("<array>"), tuple(dims[:1]))

    def e_tuple(self, node) -> ir.Expr:
        return ir.CollectionLit("tuple", tuple(self.expr(c) for c in self.named(node)))

    def e_lambda(self, node) -> ir.Expr:
        params_node = self.field(node, "parameters")
        params: list[str] = []
        for child in node.named_children:
            if child.type == "implicit_parameter":
                params.append(self.text(child))
        if params_node is not None:
            if params_node.type in ("identifier", "implicit_parameter"):
                params.append(self.text(params_node))
            else:
                for child in self.named(params_node):
                    name = self.field(child, "name")
                    if name is not None:
                        params.append(self.text(name))
        for param in params:
            self.scope.bind(param)
        body = self.field(node, "body")
        if body is not None and body.type == "block":
            from .java import _statement_exprs

            return ir.Lambda(tuple(dict.fromkeys(params)), ir.Opaque("block", _statement_exprs(self.statements(self.named(body)))))
        return ir.Lambda(tuple(dict.fromkeys(params)), self.expr(body))

    def e_pattern(self, node) -> ir.Expr:
        return ir.Opaque("pattern")

    def e_string_content(self, node) -> ir.Expr:
        return ir.Literal("str")


def _is_last_index(arg: ir.Expr, obj: ir.Expr) -> bool:
    """``xs.Count - 1``."""
    return isinstance(arg, ir.BinOp) and arg.op == "-" and isinstance(arg.right, ir.Literal) \
        and arg.right.text == "1" and isinstance(arg.left, ir.Attr) and arg.left.name == "Count" \
        and arg.left.obj == obj


def extract(source: str, path: str | None = None) -> ir.Module:
    """Parse C# ``source`` with tree-sitter and convert it to IR (``SourceSyntaxError`` on bad syntax)."""
    return CSharpExtractor.extract(source, path)
