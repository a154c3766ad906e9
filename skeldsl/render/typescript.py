"""TypeScript templates: JavaScript's, with parameter and return annotations instead of JSDoc
(``function f(nums: number[], k: number): number``).  No TypeScript compiler here: checked by
tree-sitter (and the JavaScript body is what ``node`` accepts)."""

from __future__ import annotations

from skeldsl.render.core import FunctionInfo, Program
from skeldsl.render.javascript import JavaScriptRenderer

_TYPES = {"seq": "number[]", "grid": "number[][]", "str": "string", "map": "Map<number, number>",
          "set": "Set<number>", "num": "number", "bool": "boolean", "node": "TreeNode | null",
          "fn": "(x: number) => number", "any": "any"}


class TypeScriptRenderer(JavaScriptRenderer):
    name = "typescript"
    RESERVED = JavaScriptRenderer.RESERVED | frozenset({"type", "interface", "number", "string", "boolean",
                                                         "any", "unknown", "never", "readonly", "declare"})

    def function(self, r: Program, fn: FunctionInfo, body: list[str], needs_return: bool) -> list[str]:
        params = ", ".join(f"{name}: {_TYPES[kind]}" for name, kind in fn.params)
        tail = [f"return {fn.acc};"] if needs_return else []
        inner = [f"let {fn.acc} = 0;"] + body + tail
        if r.style["functions"] == "arrow":
            lines = self.braces(f"const {fn.name} = ({params}): number =>", inner)
            lines[-1] = "};"
            return lines
        return self.braces(f"function {fn.name}({params}): number", inner)

    def program(self, r: Program, functions: list[list[str]]) -> str:
        text = self.program_text([], functions, [])
        if "TreeNode" in text:
            text = "class TreeNode {\n    val = 0;\n    left: TreeNode | null = null;\n" \
                   "    right: TreeNode | null = null;\n}\n\n" + text
        return text


RENDERER = TypeScriptRenderer()
