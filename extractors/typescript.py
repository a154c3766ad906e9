"""TypeScript extractor: JavaScript's, plus type annotations (parameter and local kinds come from them).

TypeScript's grammar is a superset of JavaScript's, so ``TypeScriptExtractor`` only adds what types bring:
``required_parameter`` / ``optional_parameter`` with their annotation, declared kinds of locals
(``const d: Map<number, number> = ...``), expressions that only assert a type (``x!``, ``x as T``,
``<T>x``, ``satisfies``), and declarations without runtime cost (interfaces, type aliases, ``declare``).
The type text is read by JavaScript's ``type_kind`` so JSDoc and annotations map types alike.
"""

from __future__ import annotations

from typing import ClassVar

from skeldsl.extractors._treesitter import handler_table
from skeldsl.extractors.javascript import SPEC as _JS_SPEC
from skeldsl.extractors.javascript import JavaScriptExtractor, local_kind, type_kind

from skeldsl import ir
from skeldsl.normalise.spec import LanguageSpec

SPEC = LanguageSpec(
    name="typescript",
    constructors=_JS_SPEC.constructors,
    methods=_JS_SPEC.methods,
    functions=_JS_SPEC.functions,
    size_attributes=_JS_SPEC.size_attributes,
    memo_decorators=_JS_SPEC.memo_decorators,
    self_names=_JS_SPEC.self_names,
    string_kinds=_JS_SPEC.string_kinds,
    inplace_string_append=_JS_SPEC.inplace_string_append,
)


class TypeScriptExtractor(JavaScriptExtractor):
    LANGUAGE = "typescript"
    STATEMENTS: ClassVar[dict[str, str]] = {
        **JavaScriptExtractor.STATEMENTS,
        **handler_table(
            h_ignore=["interface_declaration", "type_alias_declaration", "ambient_declaration",
                      "function_signature", "import_alias", "module", "internal_module"],
            h_class=["abstract_class_declaration"],
            h_enum=["enum_declaration"],
        ),
    }
    EXPRESSIONS: ClassVar[dict[str, str]] = {
        **JavaScriptExtractor.EXPRESSIONS,
        **handler_table(
            e_type_assertion=["non_null_expression", "as_expression", "satisfies_expression",
                              "type_assertion", "instantiation_expression"],
        ),
    }

    def constructed_classes(self, root) -> frozenset[str]:
        """Helper classes keep their annotations: in TypeScript they are the program's own types (and the
        Python versions of typed corpora such as doocs annotate helpers too)."""
        return frozenset()

    def param(self, node, doc: dict[str, str]) -> ir.Param:
        if node.type in ("required_parameter", "optional_parameter"):
            pattern = self.field(node, "pattern")
            name = self.text(pattern) if pattern is not None else "_"
            if pattern is not None and pattern.type == "rest_pattern":
                inner = self.named(pattern)
                name = self.text(inner[0]) if inner else "_"
            kind = self.annotation_kind(self.field(node, "type"))
            if kind == "any":
                value = self.field(node, "value")
                inner_param = super().param(pattern, doc) if pattern is not None else ir.Param(name)
                kind = inner_param.kind
                if kind == "any" and value is not None:
                    kind = _literal_kind_ts(value)
            return ir.Param(name, kind)
        return super().param(node, doc)

    def annotation_kind(self, annotation) -> str:
        """Kind of a ``type_annotation`` node (``: number[]``) or a bare type node."""
        if annotation is None:
            return "any"
        text = self.text(annotation)
        return type_kind(text.removeprefix(":"))

    def declared_kind(self, declarator) -> str | None:
        return local_kind(self.annotation_kind(self.field(declarator, "type")))

    def e_type_assertion(self, node) -> ir.Expr:
        children = self.named(node)
        if node.type == "type_assertion":  # <T>x
            return self.expr(children[-1])
        return self.expr(children[0]) if children else ir.Literal("none")

    def h_enum(self, node) -> list[ir.Stmt]:
        return []

    def class_member(self, node, owner: str) -> list[ir.Stmt]:
        if node.type in ("abstract_method_signature", "method_signature", "index_signature", "decorator"):
            return []
        return super().class_member(node, owner)


def _literal_kind_ts(node) -> str:
    return {"number": "num", "string": "str", "true": "bool", "false": "bool", "array": "seq",
            "object": "map"}.get(node.type, "any")


def extract(source: str, path: str | None = None) -> ir.Module:
    """Parse TypeScript ``source`` and convert it to IR; SourceSyntaxError on a syntax error."""
    return TypeScriptExtractor.extract(source, path)
