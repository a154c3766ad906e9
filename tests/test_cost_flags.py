"""Memo parameters with a constant domain (flags, turns, parities) are not dimensions of the memo table.

``flag_parameters`` (``skeldsl/normalise/__init__.py``) types them ``bool`` when every call passes a
literal, a boolean, a flip of the parameter or a parity (``lower.two_valued``); the cost model counts states over numeric parameters only.  Near misses:
a parameter that grows (``k - 1``) or is reassigned before it is passed on stays a number.
"""

from __future__ import annotations

import pytest

import skeldsl
from skeldsl.cost import coarse_class, estimate


def klass(source: str, lang: str) -> str:
    program = estimate(skeldsl.extract(source, lang))
    assert program.cost is not None, program.reason
    return str(coarse_class(program.cost))


TURN = {
    "python": """
from functools import cache
def game(stones: list[int]) -> int:
    @cache
    def dfs(i, alice):
        if i >= len(stones):
            return 0
        return max(stones[i] - dfs(i + 1, 1 - alice), dfs(i + 2, alice))
    return dfs(0, 1)
""",
    "java": """
import java.util.*;
class S {
    Map<String, Integer> memo = new HashMap<>();
    int[] stones;
    int game(int[] stones) {
        this.stones = stones;
        return dfs(0, 0);
    }
    int dfs(int i, int turn) {
        if (i >= stones.length) return 0;
        String key = i + "," + turn;
        if (memo.containsKey(key)) return memo.get(key);
        int best = dfs(i + 1, turn ^ 1) + stones[i];
        memo.put(key, best);
        return best;
    }
}
""",
}


@pytest.mark.parametrize("lang", sorted(TURN))
def test_a_turn_flag_is_not_a_dimension_of_the_memo_table(lang: str) -> None:
    text = skeldsl.extract_text(TURN[lang], lang)
    assert ": bool" in text, text
    assert klass(TURN[lang], lang) == "n"


def test_booleans_and_residues_are_flags() -> None:
    source = """
from functools import cache
def walk(xs: list[int]) -> int:
    @cache
    def go(i, holding, parity):
        if i == len(xs):
            return 0
        return max(go(i + 1, not holding, (parity + 1) % 2), go(i + 1, holding, parity))
    return go(0, False, 0)
"""
    assert skeldsl.extract_text(source, "python").count("bool") == 2
    assert klass(source, "python") == "n"


def test_a_counter_passed_minus_one_stays_a_dimension() -> None:
    source = """
from functools import cache
def trade(prices: list[int], k: int) -> int:
    @cache
    def dfs(i, left):
        if i == len(prices) or left == 0:
            return 0
        return max(dfs(i + 1, left), dfs(i + 1, left - 1) + prices[i])
    return dfs(0, k)
"""
    assert "bool" not in skeldsl.extract_text(source, "python")
    assert klass(source, "python") == "n^2"


def test_a_parameter_reassigned_before_it_is_passed_on_stays_a_dimension() -> None:
    source = """
from functools import cache
def paths(grid: list[str]) -> bool:
    m, n = len(grid), len(grid[0])
    @cache
    def dfs(i, j, k):
        k += 1 if grid[i][j] == "(" else -1
        if k < 0:
            return False
        if i == m - 1 and j == n - 1:
            return k == 0
        return (i + 1 < m and dfs(i + 1, j, k)) or (j + 1 < n and dfs(i, j + 1, k))
    return dfs(0, 0, 0)
"""
    assert "bool" not in skeldsl.extract_text(source, "python")


# ------------------------------------------------------------------- remainder and bit-clearing loops
GCD = {
    "python": """
def gcd(a, b):
    while b:
        a, b = b, a % b
    return a
""",
    "java": """
class S {
    int gcd(int a, int b) {
        while (b != 0) {
            int t = b;
            b = a % b;
            a = t;
        }
        return a;
    }
}
""",
    "go": """
package main
func gcd(a int, b int) int {
    for b != 0 {
        a, b = b, a%b
    }
    return a
}
""",
}


@pytest.mark.parametrize("lang", sorted(GCD))
def test_euclids_remainder_loop_is_logarithmic(lang: str) -> None:
    assert "for log(" in skeldsl.extract_text(GCD[lang], lang)
    assert klass(GCD[lang], lang) == "log n"


def test_clearing_the_lowest_set_bit_is_logarithmic() -> None:
    source = """
def ones(n):
    k = 0
    while n:
        n &= n - 1
        k += 1
    return k
"""
    assert klass(source, "python") == "log n"


def test_a_wrap_around_index_is_not_a_remainder_loop() -> None:
    source = """
def serve(students, n):
    idx = cnt = 0
    while cnt < n and students[idx] != 0:
        idx += 1
        idx %= n
        cnt += 1
    return idx
"""
    assert "log" not in skeldsl.extract_text(source, "python")
    circular = """
def walk(xs, n):
    j = 0
    while j != n:
        j = (j + 1) % len(xs)
    return j
"""
    assert "log" not in skeldsl.extract_text(circular, "python")
