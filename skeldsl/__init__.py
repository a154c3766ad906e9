"""skeldsl: efficiency skeletons of source code.

>>> from skeldsl import extract_text
>>> print(extract_text("def f(xs):\\n    for x in xs:\\n        pass\\n"), end="")
skel 1
fn f0(p0: seq) {
  for p0 {
  }
}

Names are imported lazily (PEP 562 ``__getattr__``), so ``import skeldsl`` and ``skel --help`` stay cheap.
"""

from __future__ import annotations

import importlib

__all__ = ["SkelError", "extract", "extract_text", "parse", "print_skeleton"]
__version__ = "0.1.0"

_LAZY = {
    "SkelError": ("skeldsl.errors", "SkelError"),
    "extract": ("skeldsl.pipeline", "extract"),
    "extract_text": ("skeldsl.pipeline", "extract_text"),
    "parse": ("skeldsl.parser", "parse_skeleton"),
    "print_skeleton": ("skeldsl.printer", "print_skeleton"),
}


def __getattr__(name: str):
    if name in _LAZY:
        module_name, attribute = _LAZY[name]
        value = getattr(importlib.import_module(module_name), attribute)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'skeldsl' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(list(globals()) + list(_LAZY))
