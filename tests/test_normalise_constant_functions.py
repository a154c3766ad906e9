"""Functions with an empty skeleton are O(1) detail (issue 3, cross-language agreement).

A node class's constructor, a field-storing ``__init__`` or an ``inBounds(r, c)`` helper do O(1) work: one
translation writes them as functions, another inline or not at all.  Calls to a function whose skeleton
is empty are dropped like any O(1) step, and so is the function; memo functions, and programs whose every
function is empty, are kept.  Expected texts reviewed by hand.
"""

from __future__ import annotations


from skeldsl import extract_text
from skeldsl.render.canonical import canonicalise, is_canonical
from skeldsl.parser import parse_skeleton
from skeldsl.printer import print_skeleton

GRID = """\
skel 1
fn f0(p0: seq) {
  for p0 {
    for p0[] {
      if {
        return
      }
    }
  }
}
"""


def test_bounds_helper_and_inline_test_agree() -> None:
    python = extract_text("""
class Solution:
    def f(self, grid: List[List[int]]) -> bool:
        for r in range(len(grid)):
            for c in range(len(grid[0])):
                if 0 <= r + 1 < len(grid) and grid[r + 1][c] == grid[r][c]:
                    return True
        return False
""", "python")
    java = extract_text("""
class Solution {
    private boolean inBounds(int[][] grid, int r, int c) {
        return r >= 0 && r < grid.length && c >= 0 && c < grid[0].length;
    }
    public boolean f(int[][] grid) {
        for (int r = 0; r < grid.length; r++) {
            for (int c = 0; c < grid[0].length; c++) {
                if (inBounds(grid, r + 1, c) && grid[r + 1][c] == grid[r][c]) return true;
            }
        }
        return false;
    }
}
""", "java")
    assert python == java == GRID


def test_node_class_constructor_is_not_part_of_the_algorithm() -> None:
    with_class = extract_text("""
class ListNode:
    def __init__(self, val=0, next=None):
        self.val = val
        self.next = next

class Solution:
    def reverseList(self, head: Optional[ListNode]) -> Optional[ListNode]:
        prev = None
        while head:
            head.next, prev, head = prev, head, head.next
        return prev
""", "python")
    without = extract_text("""
class Solution:
    def reverseList(self, head: Optional[ListNode]) -> Optional[ListNode]:
        prev = None
        while head:
            head.next, prev, head = prev, head, head.next
        return prev
""", "python")
    assert with_class == without
    assert with_class.count("fn ") == 1


def test_all_empty_program_keeps_its_functions() -> None:
    text = extract_text("""
class Counter:
    def __init__(self):
        self.n = 0
    def inc(self) -> None:
        self.n += 1
""", "python")
    assert text.count("fn ") == 2


def test_helper_with_work_keeps_its_work() -> None:
    """(Not recursive, so inlined: its loop stands where the call stood.)"""
    text = extract_text("""
def f(xs: List[int]) -> int:
    return g(xs) + 1

def g(xs):
    return sum(xs)
""", "python")
    assert text == "skel 1\nfn f0(p0: seq) {\n  for p0 {\n  }\n}\n"


def test_canonical_form_drops_empty_functions_too() -> None:
    skeleton = parse_skeleton("skel 1\nfn f0(p0: seq) {\n  f1()\n  for p0 {\n  }\n}\nfn f1(p0: num) {\n}\n")
    assert not is_canonical(skeleton)
    assert print_skeleton(canonicalise(skeleton)) == "skel 1\nfn f0(p0: seq) {\n  for p0 {\n  }\n}\n"
