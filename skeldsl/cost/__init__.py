"""Static cost model: big-O per function of a canonical skeleton, and human complexity labels.

>>> from skeldsl.cost import estimate, parse_label
>>> from skeldsl.parser import parse_skeleton
>>> program = estimate(parse_skeleton("skel 1\\nfn f0(p0: seq) {\\n  sort(p0)\\n  for p0 {\\n  }\\n}\\n"))
>>> str(program.cost)
'O(n log n)'
>>> str(parse_label(r"O(n \\log n)")), str(parse_label("O(m * n + n ^ 2)"))
('O(n log n)', 'O(m n + n^2)')
"""

from __future__ import annotations

from skeldsl.cost.algebra import ONE, ZERO, BigO, CoarseClass, coarse_class, compare, compare_collapsed
from skeldsl.cost.estimate import FunctionCost, ProgramCost, estimate
from skeldsl.cost.labels import LabelError, parse_label

__all__ = [
    "ONE",
    "ZERO",
    "BigO",
    "CoarseClass",
    "FunctionCost",
    "LabelError",
    "ProgramCost",
    "coarse_class",
    "compare",
    "compare_collapsed",
    "estimate",
    "parse_label",
]
