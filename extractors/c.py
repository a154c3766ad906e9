"""C extractor: the C-family walker with C's (small) library table.

C has no containers in its library: arrays (``int a[n]``, ``malloc``/``calloc``) are lists of a size,
``char *`` is a string, ``qsort`` sorts and ``bsearch`` searches; the rest is loops and indexing, which
the shared walker and normaliser already understand.
"""

from __future__ import annotations

from typing import ClassVar

from skeldsl import ir
from skeldsl.normalise.spec import LanguageSpec

from ._clike import CFamilyExtractor

SPEC = LanguageSpec(
    name="c",
    constructors={"vector": "list", "malloc": "list", "calloc": "list"},
    methods={},
    functions={
        "qsort": ("sort", 0), "bsearch": ("bsearch", 1), "strlen": ("size", 0), "memset": ("none", 0),
        "memcpy": ("copy", 1), "strcpy": ("copy", 1), "strcmp": ("reduce", 0), "strncmp": ("none", 0),
        "strcat": ("str.concat", 0), "strstr": ("str.find", 0), "strchr": ("str.find", 0),
        "printf": ("none", 0), "sprintf": ("none", 0), "free": ("none", 0), "abs": ("none", 0),
        "fmax": ("none", 0), "fmin": ("none", 0), "sqrt": ("none", 0), "pow": ("none", 0),
        "realloc": ("none", 0),
    },
    size_attributes=frozenset(),
    memo_decorators=frozenset(),
    self_names=frozenset({"this"}),
)


class CExtractor(CFamilyExtractor):
    LANGUAGE = "c"
    TYPE_KINDS: ClassVar[dict[str, str]] = {"bool": "bool", "_Bool": "bool"}
    CONSTRUCTOR_TYPES = frozenset()
    CHAR_POINTER_KIND = "str"

    def e_call(self, node) -> ir.Expr:
        """``malloc(n * sizeof(int))`` is a list of n (the ``sizeof`` factor is a unit, not a size)."""
        call = super().e_call(node)
        if isinstance(call, ir.Call) and isinstance(call.func, ir.Name) and call.func.id in ("malloc", "calloc"):
            sizes = [arg for arg in call.args if arg != ir.Literal("num", "sizeof")]
            size = _without_sizeof(sizes[0]) if sizes else None
            return ir.Call(ir.Name("malloc"), (size,) if size is not None else ())
        return call


def _without_sizeof(expr: ir.Expr) -> ir.Expr:
    if isinstance(expr, ir.BinOp) and expr.op == "*":
        if expr.right == ir.Literal("num", "sizeof"):
            return expr.left
        if expr.left == ir.Literal("num", "sizeof"):
            return expr.right
    return expr


def extract(source: str, path: str | None = None) -> ir.Module:
    """C source -> IR (``SourceSyntaxError`` at the first syntax error)."""
    return CExtractor.extract(source, path)


__all__ = ["SPEC", "CExtractor", "extract"]
