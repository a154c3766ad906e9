"""The big-O algebra: canonical forms, dominance, orders and coarse classes (property-based)."""

from __future__ import annotations

import itertools
from fractions import Fraction

from hypothesis import given, settings
from hypothesis import strategies as st

from skeldsl.cost import BigO, coarse_class, compare, compare_collapsed, parse_label
from skeldsl.cost.algebra import ONE, ZERO, Term, exp, factorial, log, var

SIZES = st.sampled_from(["n", "m", "k"])


@st.composite
def terms(draw) -> Term:
    names = draw(st.lists(SIZES, max_size=3, unique=True))
    poly = {name: draw(st.sampled_from([Fraction(1), Fraction(2), Fraction(3), Fraction(1, 2)])) for name in names}
    logs = {name: draw(st.integers(0, 2)) for name in draw(st.lists(SIZES, max_size=2, unique=True))}
    exps = [(draw(st.sampled_from(["2", "3"])), (name,)) for name in draw(st.lists(SIZES, max_size=1))]
    facts = draw(st.lists(SIZES, max_size=1))
    return Term.make(poly, logs, exps, facts)


costs = st.lists(terms(), min_size=1, max_size=4).map(BigO.of)


@settings(max_examples=150, deadline=None)
@given(costs)
def test_simplification_is_idempotent(cost: BigO) -> None:
    assert BigO.of(cost.terms) == cost
    assert BigO.of(reversed(cost.terms)) == cost


@settings(max_examples=150, deadline=None)
@given(costs)
def test_printing_round_trips_through_the_label_parser(cost: BigO) -> None:
    assert parse_label(str(cost)) == cost


@settings(max_examples=150, deadline=None)
@given(costs, costs)
def test_sum_and_product_are_commutative_and_sums_only_grow(a: BigO, b: BigO) -> None:
    assert a + b == b + a
    assert a * b == b * a
    assert a + a == a
    assert compare(a, a + b) in (-1, 0)
    assert compare_collapsed(a, a + b) <= 0


@settings(max_examples=200, deadline=None)
@given(costs, costs)
def test_partial_order_agrees_with_total_order_and_classes(a: BigO, b: BigO) -> None:
    order = compare(a, b)
    if order is not None:
        assert compare(b, a) == -order
        assert compare_collapsed(a, b) * order >= 0  # never contradicts the collapsed order
    total = compare_collapsed(a, b)
    assert compare_collapsed(b, a) == -total
    if total < 0:
        assert coarse_class(a) <= coarse_class(b)


@settings(max_examples=100, deadline=None)
@given(costs, costs, costs)
def test_collapsed_order_is_transitive(a: BigO, b: BigO, c: BigO) -> None:
    if compare_collapsed(a, b) <= 0 and compare_collapsed(b, c) <= 0:
        assert compare_collapsed(a, c) <= 0


def test_dominated_terms_are_dropped_and_independent_sizes_kept() -> None:
    n, m = var("n"), var("m")
    assert n * n + n == n * n
    assert str(n + m) == "O(m + n)"
    assert str(n * n * log(n) + n * log(n) + ONE) == "O(n^2 log n)"
    assert str(n * exp(2, ("n",)) + n * n) == "O(n * 2^n)"
    assert factorial("n") + exp(3, ("n",)) == factorial("n")
    assert ZERO + n == n and (ZERO * n).is_zero


def test_coarse_classes() -> None:
    cases = {
        "O(1)": "1", "O(log n)": "log n", "O(n)": "n", "O(m + n)": "n", "O(n log k)": "n log n",
        "O(m * n)": "n^2", "O(n^2 log^2 n)": "n^2 log n", "O(n^(1/2))": "sqrt n", "O(n * 2^n)": "exponential",
        "O(n!)": "exponential",
    }
    for label, expected in cases.items():
        assert str(coarse_class(parse_label(label))) == expected, label


def test_exponential_order() -> None:
    ordered = ["O(n^3)", "O(2^n)", "O(n * 2^n)", "O(3^n)", "O(n!)", "O(n^n)"]
    parsed = [parse_label(label) for label in ordered]
    for low, high in itertools.pairwise(parsed):
        assert compare(low, high) == -1
        assert compare_collapsed(low, high) == -1
    assert compare(var("n"), var("m")) is None
