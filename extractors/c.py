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
        """``malloc(n * sizeof(int))`` is a list of n (the ``sizeof`` factor is a unit, not a size);
        ``malloc(sizeof(struct ListNode))`` one object, Python's ``ListNode(val)`` (no collection)."""
        call = super().e_call(node)
        if isinstance(call, ir.Call) and isinstance(call.func, ir.Name) and call.func.id in ("malloc", "calloc"):
            sizes = [arg for arg in call.args if arg != ir.Literal("num", "sizeof")]
            if not sizes:
                return ir.Opaque("object")
            size = _without_sizeof(sizes[0])
            return ir.Call(ir.Name("malloc"), (size,))
        return call

    def function(self, node, owner: str | None, prologue=None) -> ir.FunctionDef:
        """LeetCode's C signatures pass each array's length (``int* nums, int numsSize``), the column
        lengths of a grid (``int* gridColSize``) and the result's length (``int* returnSize``) as
        parameters, where every other language asks the array: the lengths are dropped and read as
        ``strlen(nums)`` / ``strlen(grid[0])``, so ``for (i = 0; i < numsSize; i++)`` walks nums."""
        function = super().function(node, owner, prologue)
        arrays = {param.name for param in function.params if param.kind in ("seq", "str")}
        sizes: dict[str, ir.Expr] = {}
        kept: list[ir.Param] = []
        for param in function.params:
            array = _sized_array(param.name, arrays)
            if param.name in _RESULT_SIZES:
                sizes[param.name] = ir.Name(param.name)  # an output: a local from here on
            elif array is not None and param.name.endswith("ColSize"):
                sizes[param.name] = ir.Name(array)
            elif array is not None:
                sizes[param.name] = ir.Call(ir.Name("strlen"), (ir.Name(array),))
            else:
                kept.append(param)
                continue
        strings = frozenset(param.name for param in function.params if param.kind == "str")
        if not sizes and not strings:
            return function
        body = tuple(_with_sizes(stmt, sizes, strings) for stmt in function.body)
        return ir.FunctionDef(function.name, tuple(kept), body, function.owner, function.memo, function.line)


_RESULT_SIZES = frozenset({"returnSize", "returnColumnSizes"})
_SIZE_SUFFIXES = ("ColSize", "Size", "Len", "Length", "Count")


def _sized_array(name: str, arrays: set[str]) -> str | None:
    """The array parameter ``name`` is the length of (``numsSize`` -> ``nums``), else None."""
    for suffix in _SIZE_SUFFIXES:
        if name.endswith(suffix) and name[:-len(suffix)] in arrays:
            return name[:-len(suffix)]
    return None


def _with_sizes(node, sizes: dict[str, ir.Expr], strings: frozenset[str] = frozenset()):
    """``node`` with length parameters replaced: ``numsSize`` by ``strlen(nums)``, ``gridColSize[i]`` by
    ``strlen(grid[0])`` (every row of a LeetCode grid is as long); and a walk to a string parameter's
    terminating zero, ``for (i = 0; s[i]; i++)``, bounded by ``strlen(s)`` as Python's ``for c in s``."""
    if isinstance(node, ir.CFor) and node.cond is not None:
        string = _terminated(node.cond, strings)
        if string is not None:
            node = ir.CFor(node.init, ir.BinOp("<", string[1], ir.Call(ir.Name("strlen"), (string[0],))),
                           node.update, node.body, node.line)
    if isinstance(node, ir.Index) and isinstance(node.obj, ir.Name) and node.obj.id in sizes \
            and node.obj.id.endswith("ColSize"):
        return ir.Call(ir.Name("strlen"), (ir.Index(sizes[node.obj.id], ir.Literal("num", "0")),))
    if isinstance(node, ir.Name):
        return sizes.get(node.id, node)
    if isinstance(node, tuple):
        return tuple(_with_sizes(item, sizes, strings) for item in node)
    if isinstance(node, (str, int, bool)) or node is None:
        return node
    return type(node)(**{key: _with_sizes(value, sizes, strings) for key, value in vars(node).items()})


def _terminated(cond: ir.Expr, strings: frozenset[str]) -> tuple[ir.Expr, ir.Expr] | None:
    """(string, index) of a test ``s[i]`` / ``s[i] != '\\0'`` on a string parameter (also the first
    operand of ``&&``), else None."""
    if isinstance(cond, ir.BinOp) and cond.op in ("&&", "and"):
        return _terminated(cond.left, strings)
    if isinstance(cond, ir.BinOp) and cond.op == "!=" and isinstance(cond.right, ir.Literal) \
            and cond.right.kind in ("char", "num") and cond.right.text in ("'\\0'", "0"):
        cond = cond.left
    if isinstance(cond, ir.Index) and isinstance(cond.obj, ir.Name) and cond.obj.id in strings \
            and isinstance(cond.index, ir.Name):
        return cond.obj, cond.index
    return None


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
