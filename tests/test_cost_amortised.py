"""Amortised patterns of the cost model: pointer loops, level-order traversals, shared memo tables.

Each rule is shown on a small hand-written skeleton with its expected big-O, and the pointer-loop rule
also from source (it is decided when loops are lowered: a pointer the enclosing loop never resets stays a
condition loop, which the cost model amortises).
"""

from __future__ import annotations

import pytest

import skeldsl
from skeldsl.cost import estimate
from skeldsl.parser import parse_skeleton


def cost_of(text: str):
    return estimate(parse_skeleton("skel 1\n" + text.strip("\n") + "\n"))


SKELETONS = {
    "level-order BFS over a tree (for each node of the current level)": ("O(n)", """
fn f0(p0: node) {
  v0 = queue()
  while v0 {
    for v0 {
      queue.pop(v0)
      if {
        queue.push(v0)
      }
      if {
        queue.push(v0)
      }
    }
  }
}"""),
    "level swap: each round builds the next level (topological order by levels)": ("O(m + n)", """
fn f0(p0: num, p1: seq) {
  v0 = map()
  for p1 {
    list.append(v0[])
  }
  v1 = list()
  for p0 {
    list.append(v1)
  }
  while v1 {
    v2 = list()
    for v1 {
      for v0[] {
        if {
          list.append(v2)
        }
      }
    }
  }
}"""),
    "a loop over a collection that is not a worklist still multiplies": ("O(n^2)", """
fn f0(p0: seq) {
  v0 = list(p0)
  while v0 {
    for v0 {
    }
    list.pop(v0)
  }
}"""),
    "memoised helper called from a loop shares its table": ("O(n)", """
fn f0(p0: seq) {
  for p0 {
    f1()
  }
}
@memo
fn f1(p0: seq, p1: num) {
  if {
    return
  }
  f1()
  f1()
}"""),
    "collections filled by a helper are input-sized (two-sum over two BST inorders)": (
        "O(m n + m^2 + n^2)", """
fn f0(p0: node, p1: node) {
  v0 = list()
  v1 = list()
  f1()
  f1()
  for v0 {
    for v1 {
    }
  }
}
fn f1(p0: seq, p1: node) {
  if {
    return
  }
  list.append(p0)
  f1()
  f1()
}"""),
    "a literal list (directions) stays constant when no helper fills a parameter": ("O(n)", """
fn f0(p0: seq) {
  v0 = list()
  for p0 {
    for v0 {
    }
    f1()
  }
}
fn f1(p0: num) {
}"""),
}


@pytest.mark.parametrize("name", sorted(SKELETONS))
def test_amortised_skeletons(name: str) -> None:
    expected, text = SKELETONS[name]
    program = cost_of(text)
    assert program.known, program.reason
    assert str(program.cost) == expected, (name, program.to_record())


def test_level_order_rule_is_named() -> None:
    notes = cost_of(SKELETONS["level-order BFS over a tree (for each node of the current level)"][1]).function(
        "f0").notes
    assert any("level-order" in note for note in notes)


# --------------------------------------------------------------------------- pointer loops from source

SLIDING_WINDOW = """
def f(nums, x):
    l = cur = 0
    best = 0
    for r in range(len(nums)):
        cur += nums[r]
        while l <= r and cur > x:
            cur -= nums[l]
            l += 1
        best = max(best, r - l + 1)
    return best
"""

RESET_POINTER = """
def f(nums):
    count = 0
    for i in range(len(nums)):
        j = i + 1
        while j < len(nums) and nums[j] > nums[i]:
            j += 1
            count += 1
    return count
"""

RUN_SCAN = """
def f(s):
    i = 0
    n = len(s)
    runs = 0
    while i < n:
        j = i
        while j < n and s[j] == s[i]:
            j += 1
        runs += 1
        i = j
    return runs
"""

SLIDING_WINDOW_JAVA = """
class Solution {
    public int f(int[] nums, int x) {
        int l = 0, cur = 0, best = 0;
        for (int r = 0; r < nums.length; r++) {
            cur += nums[r];
            while (l <= r && cur > x) {
                cur -= nums[l];
                l++;
            }
            best = Math.max(best, r - l + 1);
        }
        return best;
    }
}
"""

SLIDING_WINDOW_CPP = """
class Solution {
public:
    int f(vector<int>& nums, int x) {
        int l = 0, cur = 0, best = 0;
        for (int r = 0; r < nums.size(); ++r) {
            cur += nums[r];
            for (; l <= r && cur > x; ++l) {
                cur -= nums[l];
            }
            best = max(best, r - l + 1);
        }
        return best;
    }
};
"""


@pytest.mark.parametrize("source, expected", [
    (SLIDING_WINDOW, "O(n)"),
    (RESET_POINTER, "O(n^2)"),
    (RUN_SCAN, "O(n)"),
])
def test_pointer_loops_from_python(source: str, expected: str) -> None:
    program = estimate(skeldsl.extract(source, "python"))
    assert str(program.cost) == expected, program.to_record()


def test_kept_pointer_is_a_condition_loop_and_a_reset_pointer_a_counting_loop() -> None:
    kept = skeldsl.extract_text(SLIDING_WINDOW, "python")
    reset = skeldsl.extract_text(RESET_POINTER, "python")
    assert "while {" in kept and kept.count("for ") == 1
    assert "while" not in reset and reset.count("for p0") == 2


@pytest.mark.parametrize("lang, source", [("java", SLIDING_WINDOW_JAVA), ("cpp", SLIDING_WINDOW_CPP)])
def test_sliding_window_agrees_across_languages(lang: str, source: str) -> None:
    ours = skeldsl.extract(source, lang)
    assert skeldsl.extract_text(source, lang) == skeldsl.extract_text(SLIDING_WINDOW, "python")
    assert str(estimate(ours).cost) == "O(n)"


BACKSPACE_COMPARE = """
def f(s, t):
    i, j = len(s) - 1, len(t) - 1
    skip_s = skip_t = 0
    while True:
        while i >= 0 and (skip_s or s[i] == '#'):
            skip_s += 1 if s[i] == '#' else -1
            i -= 1
        while j >= 0 and (skip_t or t[j] == '#'):
            skip_t += 1 if t[j] == '#' else -1
            j -= 1
        if not (i >= 0 and j >= 0 and s[i] == t[j]):
            return i == j == -1
        i, j = i - 1, j - 1
"""


def test_a_pointer_stepped_by_tuple_assignment_is_not_reset() -> None:
    text = skeldsl.extract_text(BACKSPACE_COMPARE, "python")
    assert "for p" not in text, text  # `i, j = i - 1, j - 1` moves the pointers on, it does not reset them
    assert str(estimate(skeldsl.extract(BACKSPACE_COMPARE, "python")).cost) == "O(m + n)"


LEVEL_COPY = """
fn f0(p0: node) {
  v0 = queue()
  v1 = list()
  while v0 {
    v2 = list(v0)
    for v0 {
      queue.pop(v0)
      if {
        queue.push(v0)
      }
    }
    list.append(v1)
  }
}"""

LITERAL_COPY = """
fn f0(p0: seq) {
  v0 = map()
  for p0 {
    v1 = list()
    for p0[] {
    }
    copy(v1)
    map.put(v0)
  }
}"""

SEARCH_IN_UNSEEN_DATA = """
fn f0(p0: seq) {
  v0 = list()
  for p0 {
    bsearch(v0)
  }
}"""


def test_copying_the_current_level_is_counted_by_the_worklist() -> None:
    program = cost_of(LEVEL_COPY)
    assert str(program.cost) == "O(n)", program.to_record()
    assert any("current level" in note for note in program.function("f0").notes)


def test_copying_a_literal_sized_local_is_constant_but_searching_unseen_data_is_not() -> None:
    assert str(cost_of(LITERAL_COPY).cost) == "O(m n)"  # `[0] * 26` per word: rows x row length only
    assert str(cost_of(SEARCH_IN_UNSEEN_DATA).cost) == "O(n log n)"


def test_appending_to_a_local_string_is_amortised_but_concatenating_onto_a_parameter_copies() -> None:
    local = cost_of("""
fn f0(p0: str) {
  for p0 {
    str.concat(v0)
  }
}""")
    assert str(local.cost) == "O(n)"
    assert any("amortised O(1)" in note for note in local.function("f0").notes)
    parameter = cost_of("""
fn f0(p0: str, p1: seq) {
  for p1 {
    str.concat(p0)
  }
}""")
    assert str(parameter.cost) == "O(m n)"
