"""Regression tests for the skeletons ``skeldsl.render.generate`` draws: only shapes that stay canonical
under the normaliser's rules and inside the language's capabilities (real render + extract, no mocks)."""

from __future__ import annotations

import pytest

import skeldsl
from skeldsl.parser import parse_skeleton
from skeldsl.render import render
from skeldsl.render.canonical import canonicalise
from skeldsl.render.generate import _built_before_use, _no_growing_walk, _typed_ok, capabilities, sample

GROWING_WALK = """skel 1
fn f0() {
  v0 = list()
  for v0 {
  }
  for v0 {
    list.append(v0)
  }
}
"""

SORT_OF_SIZED_LIST = """skel 1
fn f0(p0: num) {
  v0 = list(p0)
  sort(v0)
}
"""

POPPED_AT_BOTH_ENDS = """skel 1
fn f0() {
  v0 = list()
  list.popfront(v0)
  list.pop(v0)
}
"""

QUERY_BEFORE_EXIT = """skel 1
fn f0(p0: fn, p1: seq, p2: map) {
  if {
    map.has(p2)
    return
  }
  map.put(p2)
}
"""


def test_a_walk_that_appends_to_its_list_extracts_as_a_worklist_so_it_is_not_drawn():
    skeleton = parse_skeleton(GROWING_WALK)
    assert canonicalise(skeleton) == skeleton  # the skeleton-level passes do not see it ...
    got = skeldsl.extract(render(skeleton, "python", seed=0), "python")
    assert got != skeleton  # ... but the lowering reads `for x in v: v.append(y)` as a FIFO worklist
    assert "while v0" in skeldsl.extract_text(render(skeleton, "python", seed=0), "python")
    assert not _no_growing_walk(skeleton.functions[0])


@pytest.mark.parametrize("lang", ["c", "cpp"])
def test_a_sorted_sized_list_is_a_sort_of_a_number_which_typed_languages_cannot_write(lang):
    canonical = canonicalise(parse_skeleton(SORT_OF_SIZED_LIST))
    assert "sort(p0)" in skeldsl.printer.print_skeleton(canonical)
    assert not _typed_ok(canonical.functions[0], capabilities(lang))
    with pytest.raises(skeldsl.SkelError):
        render(canonical, lang, seed=0)


def test_a_list_popped_at_both_ends_is_a_deque_which_go_cannot_build():
    caps = capabilities("go")
    canonical = canonicalise(parse_skeleton(POPPED_AT_BOTH_ENDS), caps.queue_base)
    assert "deque()" in skeldsl.printer.print_skeleton(canonical)
    assert not _typed_ok(canonical.functions[0], caps)
    assert _typed_ok(canonical.functions[0], capabilities("python"))


@pytest.mark.parametrize("seed", range(8))
def test_rust_query_statement_before_an_exit_keeps_its_branch(seed):
    # the query was written `if m.contains_key(&k) { acc += 1 }`, which weighs more than a statement, so
    # order_exit_branches swapped it with the tail `map.put`
    skeleton = parse_skeleton(QUERY_BEFORE_EXIT)
    assert skeldsl.extract(render(skeleton, "rust", seed=seed), "rust") == skeleton


@pytest.mark.parametrize("lang", ["python", "cpp", "go", "rust", "c"])
def test_drawn_skeletons_round_trip_and_stay_typed(lang):
    caps = capabilities(lang)
    for index, skeleton in enumerate(sample(120, lang, seed=3)):
        assert all(_typed_ok(function, caps) and _no_growing_walk(function) for function in skeleton.functions)
        source = render(skeleton, lang, seed=index)
        assert skeldsl.extract(source, lang) == skeleton, source


@pytest.mark.parametrize("op", ["list.has(p0)", "set.has(p2)", "map.has(p1)", "tree.has(v0)"])
@pytest.mark.parametrize("seed", range(3))
def test_go_query_statement_before_an_exit_keeps_its_branch(op, seed):
    # Go wrote query statements as `if q { acc++ }` (weight 2), which order_exit_branches weighs before
    # drop_empty_branches makes it the query (weight 1), so equal-weight branches were swapped
    # (a construction stands at its first use, skeldsl.normalise.order: last when nothing uses it)
    first, last = ("  v0 = tree()\n", "") if "v0" in op else ("", "  v0 = tree()\n")
    skeleton = parse_skeleton(f"""skel 1
fn f0(p0: seq, p1: map, p2: set) {{
{first}  if {{
    {op}
    return
  }}
  map.put(p1)
{last}}}
""")
    assert skeldsl.extract(render(skeleton, "go", seed=seed), "go") == skeleton


FILLED_FROM_A_LATER_LOCAL = """skel 1
fn f0(p0: seq) {
  v0 = stack()
  v1 = tree()
  for v1 {
    stack.push(v0)
    tree.del(v1)
  }
}
"""


def test_a_list_filled_from_a_later_local_is_built_after_it():
    # `v = []; t = SortedList(); for x in t: v.append(0); t.discard(0)` once extracted as `v1 = list(v0)`
    # *before* `v0 = tree()`; the normaliser now builds the sized list after its source, so a renderer can
    # write what it extracts, and the generator's guard still rejects the skeleton that uses v1 first
    skeleton = parse_skeleton(FILLED_FROM_A_LATER_LOCAL)
    extracted = skeldsl.extract(render(skeleton, "python", seed=0), "python")
    assert extracted == canonicalise(skeleton)
    assert _built_before_use(extracted.functions[0].body, {"p0"})
    assert [type(stmt).__name__ for stmt in extracted.functions[0].body] == ["Assign", "Assign", "For"]
    assert extracted.functions[0].body[1].value.ref == extracted.functions[0].body[0].target
