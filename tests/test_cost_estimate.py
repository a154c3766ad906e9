"""Hand-written skeletons whose complexity is known, one per rule of the cost model."""

from __future__ import annotations

import pytest

from skeldsl.cost import coarse_class, estimate, parse_label
from skeldsl.parser import parse_skeleton


def cost_of(text: str):
    return estimate(parse_skeleton("skel 1\n" + text.strip("\n") + "\n"))


CASES = {
    "two-sum brute force": ("O(n^2)", """
fn f0(p0: seq, p1: num) {
  for p0 {
    for p0 {
      if {
        return
      }
    }
  }
}"""),
    "two-sum hash map": ("O(n)", """
fn f0(p0: seq, p1: num) {
  v0 = map()
  for p0 {
    if map.has(v0) {
      return
    }
    map.put(v0)
  }
}"""),
    "binary search": ("O(log n)", """
fn f0(p0: seq, p1: num) {
  for log(p0) {
    if {
      return
    }
  }
}"""),
    "sort then scan": ("O(n log n)", """
fn f0(p0: seq) {
  sort(p0)
  for p0 {
  }
}"""),
    "memoised fibonacci": ("O(n)", """
fn f0(p0: num) {
  f1()
}
@memo
fn f1(p0: num) {
  if {
    return
  }
  f1()
  f1()
}"""),
    "naive fibonacci": ("O(2^n)", """
fn f0(p0: num) {
  if {
    return
  }
  f0()
  f0()
}"""),
    "BFS on a grid": ("O(m n)", """
fn f0(p0: seq) {
  v0 = set()
  v1 = queue()
  for p0 {
    for p0[] {
      if {
        queue.push(v1)
        set.add(v0)
      }
    }
  }
  while v1 {
    queue.pop(v1)
    for const {
      if set.has(v0) {
        continue
      }
      set.add(v0)
      queue.push(v1)
    }
  }
}"""),
    "monotonic stack": ("O(n)", """
fn f0(p0: seq) {
  v0 = list(p0)
  v1 = stack()
  for p0 {
    while v1 {
      stack.pop(v1)
    }
    stack.push(v1)
  }
}"""),
    "sliding window": ("O(n)", """
fn f0(p0: str) {
  v0 = map()
  for p0 {
    while {
      map.del(v0)
    }
    map.put(v0)
  }
}"""),
    "heap of k over n": ("O(n log n)", """
fn f0(p0: seq, p1: num) {
  v0 = heap()
  for p0 {
    heap.push(v0)
    if {
      heap.pop(v0)
    }
  }
}"""),
    "tree recursion": ("O(n)", """
fn f0(p0: node) {
  if {
    return
  }
  f0()
  f0()
}"""),
    "subsets by backtracking": ("O(n * 2^n)", """
fn f0(p0: seq) {
  v0 = list()
  f1()
}
fn f1(p0: seq, p1: num) {
  if {
    copy(p0)
    return
  }
  stack.push(p0)
  f1()
  stack.pop(p0)
  f1()
}"""),
    "permutations with a used set": ("O(n * n!)", """
fn f0(p0: seq) {
  if {
    copy(p0)
    return
  }
  for p0 {
    if set.has(_) {
      continue
    }
    f0()
  }
}"""),
    "merge sort": ("O(n log n)", """
fn f0(p0: seq) {
  if {
    return
  }
  f0()
  f0()
  for p0 {
  }
}"""),
    "number of islands (DFS from every cell)": ("O(m n)", """
fn f0(p0: seq) {
  v0 = set()
  for p0 {
    for p0[] {
      if {
        f1()
      }
    }
  }
}
fn f1(p0: num, p1: num) {
  if set.has(s0) {
    return
  }
  set.add(s0)
  f1()
  f1()
  f1()
  f1()
}"""),
    "house robber memoised in a list": ("O(n)", """
fn f0(p0: seq) {
  v0 = list(p0)
  f1()
}
fn f1(p0: seq, p1: seq, p2: num) {
  if {
    return
  }
  if {
    return
  }
  f1()
  f1()
}"""),
    "house robber without the table": ("O(2^n)", """
fn f0(p0: seq) {
  f1()
}
fn f1(p0: seq, p1: num) {
  if {
    return
  }
  f1()
  f1()
}"""),
    "recursive binary search": ("O(log m + log n)", """
fn f0(p0: seq, p1: num) {
  f1()
}
fn f1(p0: num, p1: num, p2: seq, p3: num) {
  if {
    return
  }
  if {
    f1()
    return
  }
  f1()
}"""),
    "list.insert at the front in a loop": ("O(n^2)", """
fn f0(p0: seq) {
  v0 = list()
  for p0 {
    list.insert(v0)
  }
}"""),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_known_costs(name: str) -> None:
    expected, text = CASES[name]
    program = cost_of(text)
    assert program.known, program.reason
    assert str(program.cost) == expected, (name, program.to_record())


def test_brute_force_is_ranked_above_hash_map() -> None:
    brute = cost_of(CASES["two-sum brute force"][1]).cost
    fast = cost_of(CASES["two-sum hash map"][1]).cost
    assert coarse_class(brute) > coarse_class(fast)
    assert parse_label("O(n ^ 2)") == brute


def test_unknown_with_a_reason_rather_than_a_guess() -> None:
    program = cost_of("""
fn f0(p0: num) {
  while {
  }
}""")
    assert not program.known
    assert "while" in program.reason
    assert program.to_record()["cost"] == "unknown"


def test_unknown_propagates_to_callers() -> None:
    program = cost_of("""
fn f0(p0: seq) {
  for p0 {
    f1()
  }
}
fn f1(p0: num) {
  while {
  }
}""")
    assert not program.known
    assert "f1" in program.function("f0").reason


def test_rules_are_named_in_notes() -> None:
    program = cost_of(CASES["monotonic stack"][1])
    assert any("monotonic stack" in note for note in program.function("f0").notes)


def test_class_with_several_methods_sums_its_roots() -> None:
    program = cost_of("""
fn f0(p0: num) {
  s0 = map()
}
fn f1(p0: num) {
  map.get(s0)
}
fn f2(p0: num) {
  for s0 {
  }
}""")
    assert program.roots == ("f0", "f1", "f2")
    f2 = program.function("f2")
    assert str(f2.cost) == "O(m)" and dict(f2.sizes)["m"] == "|s0|"  # a field gets a size of its own
    assert str(program.cost) == "O(m)"


def test_package_docstring_examples_hold() -> None:
    import doctest

    import skeldsl.cost

    assert doctest.testmod(skeldsl.cost).failed == 0
