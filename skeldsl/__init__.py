"""skeldsl: efficiency skeletons of source code.

>>> from skeldsl import extract_text
>>> print(extract_text("def f(xs):\n    for x in xs:\n        pass\n"), end="")
skel 1
fn f0(p0: any) {
  for p0 {
  }
}
"""

from __future__ import annotations

from skeldsl.errors import SkelError
from skeldsl.pipeline import extract, extract_text

__all__ = ["SkelError", "extract", "extract_text", "parse", "print_skeleton"]
__version__ = "0.1.0"


def parse(text: str, path: str | None = None):
    """Skeleton text -> ``skeldsl.model.Skeleton`` (see ``skeldsl.parser``)."""
    from skeldsl.parser import parse_skeleton

    return parse_skeleton(text, path)


def print_skeleton(skeleton) -> str:
    """``Skeleton`` -> canonical text (see ``skeldsl.printer``)."""
    from skeldsl.printer import print_skeleton as _print

    return _print(skeleton)
