"""Syntactic strategy: the release's similarity, and the fast implementation equal to the all-pairs oracle."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from skeldsl.errors import SkelError
from skeldsl.mining import MiningOptions, Solution, mine_group
from skeldsl.mining.syntactic import (
    Subtree,
    SubtreeSet,
    TypeIndex,
    frequent_fast,
    frequent_naive,
    python_ast_subtrees,
    similar,
    tree_sitter_subtrees,
)
from skeldsl.mining.tokens import parse_solution

FIXTURE = Path(__file__).resolve().parents[1].parent / "shared" / "fixtures" / "effiskel_reference" / "cases.jsonl"


def test_similarity_is_type_overlap_over_larger_node_count():
    # A = {a, b} with 3 nodes, B = {a, b, c} with 4 nodes: |{a, b}| / 4 = 0.5
    assert similar(0b011, 3, 0b111, 4, 0.5)
    assert not similar(0b011, 3, 0b111, 4, 0.51)
    # a subtree is not necessarily similar to itself (repeated types)
    assert not similar(0b1, 3, 0b1, 3, 0.5)


def test_tree_sitter_subtrees_count_named_nodes_and_skip_comments():
    parsed = parse_solution("x = f(y)  # note\n", "python")
    types = TypeIndex()
    subtrees = tree_sitter_subtrees(parsed.tree, parsed.char_of_byte, types).subtrees
    # expression_statement > assignment > (identifier, call > (identifier, argument_list > identifier))
    sizes = [s.size for s in subtrees]
    assert sizes == [7, 6, 1, 4, 1, 2, 1]  # pre-order; the comment is an extra, not counted
    assert sorted(types.bits) == sorted(
        ["expression_statement", "assignment", "identifier", "call", "argument_list"]
    )
    text = parsed.text
    assert text[subtrees[0].start : subtrees[0].end] == "x = f(y)"


def test_python_ast_view_wraps_module_in_main_and_counts_ctx_nodes():
    types = TypeIndex()
    subtrees = python_ast_subtrees("x = y\n", types).subtrees
    # FunctionDef main > arguments, Assign > Name(x) > Store, Name(y) > Load
    names = {name for name, bit in types.bits.items()}
    assert {"FunctionDef", "arguments", "Assign", "Name", "Store", "Load"} <= names
    assert subtrees[0].size == 7  # main, arguments, Assign, Name, Store, Name, Load


@st.composite
def subtree_groups(draw):
    n_solutions = draw(st.integers(1, 5))
    n_types = draw(st.integers(1, 6))
    groups = []
    for _ in range(n_solutions):
        subtrees = []
        for _ in range(draw(st.integers(0, 12))):
            mask = draw(st.integers(1, (1 << n_types) - 1))
            size = draw(st.integers(mask.bit_count(), mask.bit_count() + 6))
            subtrees.append(Subtree(mask, size, 0, 0))
        groups.append(SubtreeSet(tuple(subtrees)))
    return groups


@settings(max_examples=300, deadline=None)
@given(
    groups=subtree_groups(),
    tolerance=st.sampled_from([0.0, 0.1, 0.25, 1 / 3, 0.5, 0.6, 2 / 3, 0.7, 0.75, 0.9, 1.0]),
    min_count=st.integers(1, 6),
    ordered=st.booleans(),
)
def test_fast_equals_all_pairs_oracle(groups, tolerance, min_count, ordered):
    assert frequent_fast(groups, tolerance, min_count, ordered=ordered) == frequent_naive(
        groups, tolerance, min_count, ordered=ordered
    )


def _fixture_groups():
    if not FIXTURE.exists():
        pytest.skip("shared fixture folder absent")
    return [json.loads(line)["codes"] for line in FIXTURE.read_text().splitlines()[:4]]


@pytest.mark.parametrize("tolerance", [0.3, 0.7])
def test_fast_equals_oracle_on_real_groups(tolerance):
    for codes in _fixture_groups():
        fast = mine_group([Solution(c) for c in codes], "syntactic", MiningOptions(tolerance=tolerance))
        slow = mine_group([Solution(c) for c in codes], "syntactic", MiningOptions(tolerance=tolerance, naive=True))
        assert fast == slow
        assert any(not isinstance(r, SkelError) for r in fast)


def test_compat_syntactic_is_python_ast_and_equal_to_oracle():
    codes = _fixture_groups()[0]
    options = MiningOptions(compat="effiskel", tolerance=0.7)
    fast = mine_group([Solution(c) for c in codes], "syntactic", options)
    slow = mine_group([Solution(c) for c in codes], "syntactic",
                      MiningOptions(compat="effiskel", tolerance=0.7, naive=True))
    assert fast == slow
    assert fast[0].text.startswith("t=int(input())\nfor i in range(t):\n\tn")  # tab re-indented


def test_higher_min_count_keeps_no_more():
    codes = _fixture_groups()[1]
    kept = []
    for min_count in (1, 3, 5):
        mined = mine_group([Solution(c) for c in codes], "syntactic", MiningOptions(min_count=min_count))
        kept.append(set(mined[0].whitelist))
    assert kept[0] >= kept[1] >= kept[2]


def _release_semantics_whitelist(codes, tolerance, min_count):
    """An independent, literal rendering of the release's SSS rules (slow; small inputs only): walk-based
    type lists per pair, per-dump first match, ``count + 1 >= min_count`` over later solutions only."""
    import ast
    import io
    import tokenize

    def wrap(code):
        tree = ast.parse(code)
        if not any(isinstance(node, ast.FunctionDef) for node in tree.body):
            main = ast.FunctionDef(name="main", args=ast.arguments(posonlyargs=[], args=[], vararg=None,
                                   kwonlyargs=[], kw_defaults=[], kwarg=None, defaults=[]),
                                   body=tree.body, decorator_list=[], returns=None, type_comment=None)
            tree = ast.Module(body=[main], type_ignores=[])
        return tree

    def descendants(node):
        out = []
        for child in ast.iter_child_nodes(node):
            out.append(child)
            out.extend(descendants(child))
        return out

    def sim(a, b):
        sa = [type(n).__name__ for n in ast.walk(a)]
        sb = [type(n).__name__ for n in ast.walk(b)]
        return len(set(sa) & set(sb)) / max(len(sa), len(sb)) >= tolerance

    subtrees = [descendants(wrap(code)) for code in codes]
    frequency, objects = {}, {}
    for i in range(len(subtrees)):
        for s in subtrees[i]:
            dump = ast.dump(s)
            if dump in objects:
                continue
            for j in range(i + 1, len(subtrees)):
                if any(sim(s, t) for t in subtrees[j]):
                    frequency[dump] = frequency.get(dump, 0) + 1
                    objects[dump] = s
    texts = set()
    for dump, count in frequency.items():
        if count + 1 >= min_count:
            try:
                source = ast.unparse(objects[dump]) + "\n"
                for tok in tokenize.generate_tokens(io.StringIO(source).readline):
                    if tok.type != tokenize.COMMENT and tok.string.strip():
                        texts.add(tok.string)
            except Exception:  # noqa: BLE001
                continue
    return texts


SMALL_GROUP = [
    "n = int(input())\na = list(map(int, input().split()))\nprint(sum(a) - n)\n",
    "n = int(input())\ns = 0\nfor x in input().split():\n    s += int(x)\nprint(s - n)\n",
    "def main():\n    n = int(input())\n    print(sum(map(int, input().split())) - n)\nmain()\n",
    "import sys\nn, *a = map(int, sys.stdin.read().split())\nprint(sum(a) - n)\n",
]


@pytest.mark.parametrize("tolerance,min_count", [(0.7, 2), (0.5, 2), (0.9, 3), (0.3, 4)])
def test_compat_syntactic_matches_a_literal_rendering_of_the_release_rules(tolerance, min_count):
    from skeldsl.mining.syntactic_whitelist import effiskel_syntactic_whitelist

    mine = effiskel_syntactic_whitelist(SMALL_GROUP, tolerance, min_count)
    assert mine == _release_semantics_whitelist(SMALL_GROUP, tolerance, min_count)
    assert mine  # something is frequent
