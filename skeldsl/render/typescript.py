"""TypeScript templates: JavaScript's, with parameter and return annotations instead of JSDoc
(``function f(nums: number[], k: number): number``).  No TypeScript compiler here: checked by
tree-sitter (and the JavaScript body is what ``node`` accepts)."""

from __future__ import annotations

from skeldsl.render.core import FunctionInfo
from skeldsl.render.javascript import JavaScriptRenderer

_TYPES = {"seq": "number[]", "grid": "number[][]", "str": "string", "map": "Map<number, number>",
          "set": "Set<number>", "num": "number", "bool": "boolean", "node": "TreeNode | null",
          "fn": "(x: number) => number", "any": "any"}


class TypeScriptRenderer(JavaScriptRenderer):
    name = "typescript"
    RESERVED = JavaScriptRenderer.RESERVED | frozenset({"type", "interface", "number", "string", "boolean",
                                                         "any", "unknown", "never", "readonly", "declare"})
    TYPES = _TYPES
    PARAM = "{name}: {type}"
    RETURNS = (": number", ": number")
    TREE_NODE = ("class TreeNode {", "    val = 0;", "    left: TreeNode | null = null;",
                 "    right: TreeNode | null = null;", "}")

    def doc(self, fn: FunctionInfo) -> list[str]:
        return []


RENDERER = TypeScriptRenderer()
