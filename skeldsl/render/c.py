"""C templates: functions over ``int`` counts, ``char *`` strings and ``int`` arrays (``int a[26]``,
``malloc``), with ``qsort`` / ``bsearch`` / ``memcpy`` / ``strcat`` / ``strstr``.

C has no containers, and an array does not know its size, so the subset is small: parameters are
numbers, strings and booleans (a ``seq`` parameter would need a separate size parameter, which is
another skeleton parameter); arrays are sorted, searched and copied but not iterated by their own size
(``for (i < n)`` runs over ``n``).  Every function is declared before the first definition, and the
comparator ``cmp`` is only declared, so it is not a function of the skeleton.
"""

from __future__ import annotations

from skeldsl.render._braces import BraceRenderer
from skeldsl.render.capabilities import Capabilities
from skeldsl.render.core import FunctionInfo, Program, snake

_OPS: dict[tuple[str, str], tuple[str, ...]] = {
    ("list", "sort"): ("qsort({r}, 26, sizeof(int), cmp);",),
    ("list", "bsearch"): ("{acc} += bsearch(&{acc}, {r}, 26, sizeof(int), cmp) != NULL;",),
    ("list", "copy"): ("memcpy(malloc(26 * sizeof(int)), {r}, 26 * sizeof(int));",),
    ("str", "str.concat"): ('strcat({r}, "x");',),
    ("str", "str.find"): ('{acc} += strstr({r}, "a") != NULL;', "{acc} += strchr({r}, 'b') != NULL;"),
}
_CONDS: dict[tuple[str, str], tuple[str, ...]] = {
    ("list", "bsearch"): ("bsearch(&{acc}, {r}, 26, sizeof(int), cmp) != NULL",),
    ("str", "str.find"): ('strstr({r}, "a") != NULL', "strchr({r}, 'b') == NULL"),
}
_TYPES = {"str": "char*", "num": "int", "bool": "bool"}
_KEYWORDS = frozenset("""auto break case char const continue default do double else enum extern float for goto if inline int long
register restrict return short signed sizeof static struct switch typedef union unsigned void volatile
while bool true false NULL malloc free qsort bsearch memcpy strcat strstr strchr strlen cmp main printf""".split())  # noqa: SIM905


class CRenderer(BraceRenderer):
    name = "c"
    CAPABILITIES = Capabilities(
        param_kinds=("num", "str", "bool"),
        constructors={"list": frozenset({"num"})},
        result_ops={},
        excluded_ops=frozenset({"slice", "str.split", "str.replace", "reduce"}),
        excluded_kind_ops=frozenset({("list", op) for op in ("list.append", "list.pop", "list.insert",
                                                              "list.popfront", "list.has", "list.find",
                                                              "list.del", "list.extend", "reverse")}),
        not_iterable=frozenset({"list"}), not_sized=frozenset({"list"}), not_worklist=frozenset({"list"}),
        memo=False,
    )
    RESERVED = _KEYWORDS
    BRACE_STYLES = ("same", "next")
    case = staticmethod(snake)
    VOID_FUNCTIONS = True
    OPTIONAL_RETURN = True  # falling off the end of an int function compiles
    STYLES = {"keys": ("var", "var", "lit")}
    OPS = _OPS
    CONDS = _CONDS
    CONSTRUCT = {"list": ("int {name}[26];", "int {name}[100] = {{0}};")}
    CONSTRUCT_FROM = {("list", "num"): ("int* {name} = malloc({src} * sizeof(int));",
                                        "int* {name} = calloc({src}, sizeof(int));")}
    RESULT: dict = {}

    def declare_flag(self, flag: str) -> str:
        return f"bool {flag} = true;"

    def size(self, r: Program, binding) -> str:
        return binding.expr if binding.kind == "num" else f"strlen({binding.expr})"

    def nonempty(self, r: Program, binding) -> str:
        return f"strlen({binding.expr}) > 0"

    def index(self, r: Program, binding, i: str) -> str:
        return f"{binding.expr}[{i}]"

    def argument(self, r: Program, kind: str, env) -> str:
        return {"num": "0", "bool": "false"}.get(kind, "NULL")

    def call(self, r: Program, caller: FunctionInfo, callee: FunctionInfo, args: list[str]) -> str:
        return f"{callee.name}({', '.join(args)})"

    def loop_forms(self, kind: str) -> tuple[str, ...]:
        return ("index",)

    def for_each(self, r: Program, form: str, binding, index, element, body: list[str]) -> list[str]:
        return self.braces(f"for (int {index} = 0; {index} < {self.size(r, binding)}; {index}++)", body)

    def for_range(self, r: Program, var: str, n: str, body: list[str]) -> list[str]:
        return self.braces(r.pick((f"for (int {var} = 0; {var} < {n}; {var}++)",
                                   f"for (int {var} = {n} - 1; {var} >= 0; {var}--)")), body)

    def for_const(self, r: Program, var: str, body: list[str]) -> list[str]:
        return self.braces(f"for (int {var} = 0; {var} < {r.pick(('4', '26'))}; {var}++)", body)

    def halving(self, r: Program, binding, lo: str, hi: str, mid: str, body: list[str]) -> list[str]:
        size = self.size(r, binding)
        if r.rng.random() < 0.5:
            return [f"int {lo} = 0;", f"int {hi} = {size};"] + self.braces(
                f"while ({lo} < {hi})", [f"int {mid} = ({lo} + {hi}) / 2;", f"{lo} = {mid} + 1;"] + body)
        return self.braces(f"for (int {mid} = {size}; {mid} > 0; {mid} /= 2)", body)

    def _signature(self, fn: FunctionInfo) -> str:
        params = ", ".join(f"{_TYPES[kind]} {name}" for name, kind in fn.params) or "void"
        return f"{'int' if fn.returns else 'void'} {fn.name}({params})"

    def function(self, r: Program, fn: FunctionInfo, body: list[str], needs_return: bool) -> list[str]:
        tail = [f"return {fn.acc};"] if needs_return else []
        return self.braces(self._signature(fn), [f"int {fn.acc} = 0;"] + body + tail)

    def program(self, r: Program, functions: list[list[str]]) -> str:
        text = self.program_text([], functions, [])
        header = ["#include <stdbool.h>", "#include <stdlib.h>", "#include <string.h>", ""]
        if "cmp)" in text:
            header.append("int cmp(const void* a, const void* b);")
        header += [self._signature(fn) + ";" for fn in r.functions.values()]
        return "\n".join(header) + "\n\n" + text


RENDERER = CRenderer()
