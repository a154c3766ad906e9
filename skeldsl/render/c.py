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
from skeldsl.render.core import Program, snake

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
    OPS = _OPS
    CONDS = _CONDS
    CONSTRUCT = {"list": ("int {name}[26];", "int {name}[100] = {{0}};")}
    CONSTRUCT_FROM = {("list", "num"): ("int* {name} = malloc({src} * sizeof(int));",
                                        "int* {name} = calloc({src}, sizeof(int));")}
    SIZE = {"*": "strlen({r})"}
    NONEMPTY = {"*": ("strlen({r}) > 0",)}
    ARGUMENT = "NULL"
    INDEX_KINDS = frozenset()
    OTHER_FORMS = ("index",)  # an array does not know its size
    TYPES = _TYPES
    NO_PARAMS = "void"

    def preamble(self, r: Program, text: str) -> list[str]:
        header = ["#include <stdbool.h>", "#include <stdlib.h>", "#include <string.h>", ""]
        if "cmp)" in text:
            header.append("int cmp(const void* a, const void* b);")
        return header + [self.signature(r, fn) + ";" for fn in r.functions.values()]


RENDERER = CRenderer()
