"""The Python extractor and the normaliser: canonicalisation cases, one behaviour per test."""

import textwrap

import pytest

from skeldsl import extract_text
from skeldsl.errors import SkelError, SourceSyntaxError


def skel(code: str) -> str:
    return extract_text(textwrap.dedent(code), "python")


def body(code: str) -> str:
    """The skeleton lines after the header and the first ``fn`` line, dedented one level."""
    lines = skel(code).splitlines()[2:-1]
    return "\n".join(line[2:] for line in lines)


LOOP_FORMS = [
    "def f(xs: list):\n    for x in xs:\n        print(x)\n",
    "def f(xs: list):\n    for i in range(len(xs)):\n        print(xs[i])\n",
    "def f(xs: list):\n    for i, x in enumerate(xs):\n        print(i, x)\n",
    "def f(xs: list):\n    n = len(xs)\n    for i in range(n):\n        print(xs[i])\n",
    "def f(xs: list):\n    i = 0\n    while i < len(xs):\n        print(xs[i])\n        i += 1\n",
    "def f(xs: list):\n    i, n = 0, len(xs)\n    while i < n:\n        i += 1\n",
    "def f(xs: list):\n    for i in range(len(xs) - 1, -1, -1):\n        print(xs[i])\n",
    "def f(xs: list, ys: list):\n    for x, y in zip(xs, ys):\n        print(x, y)\n",
]


@pytest.mark.parametrize("code", LOOP_FORMS)
def test_loop_forms_share_one_domain(code: str) -> None:
    assert body(code).splitlines()[0] == "for p0 {"


def test_comprehension_is_a_loop_that_appends() -> None:
    loop = "def f(xs: list):\n    out = []\n    for x in xs:\n        out.append(x * 2)\n    return out\n"
    comp = "def f(xs: list):\n    out = [x * 2 for x in xs]\n    return out\n"
    assert skel(loop) == skel(comp)
    # filling a fresh list once per element is building a list of |p0| elements (the loop is the fill)
    assert body(comp) == "v0 = list(p0)"


def test_dict_and_set_comprehensions() -> None:
    # a comprehension that only fills is the collection built from its iterable, like set(xs)
    assert body("def f(xs: list):\n    d = {x: 1 for x in xs}\n    return d\n") == "v0 = map(p0)"
    assert body("def f(xs: list):\n    s = {x for x in xs}\n    return s\n") == "v0 = set(p0)"
    # with a condition the loop does more than fill: it stays a loop that adds
    assert "set.add(v0)" in skel("def f(xs: list):\n    s = {x for x in xs if x > 0}\n    return s\n")


def test_generator_in_sum_is_one_pass() -> None:
    assert body("def f(xs: list):\n    return sum(x * x for x in xs)\n") == "for p0 {\n}"


def test_membership_cost_depends_on_the_container() -> None:
    as_list = body("def f(xs: list, t: int):\n    seen = []\n    for x in xs:\n        if x in seen:\n            return 1\n")
    as_set = body("def f(xs: list, t: int):\n    seen = set()\n    for x in xs:\n        if x in seen:\n            return 1\n")
    assert "list.has(v0)" in as_list
    assert "set.has(v0)" in as_set


@pytest.mark.parametrize("imports, call", [
    ("from collections import deque as dq", "dq()"),
    ("import collections", "collections.deque()"),
    ("from collections import deque", "deque()"),
])
def test_import_aware_deque(imports: str, call: str) -> None:
    code = f"{imports}\ndef f(g: list):\n    q = {call}\n    q.append(0)\n    while q:\n        q.popleft()\n"
    # the push right after construction is part of building the queue (``deque([0])``)
    assert body(code) == "v0 = queue()\nwhile v0 {\n  queue.pop(v0)\n}"


@pytest.mark.parametrize("imports, push, pop", [
    ("import heapq", "heapq.heappush", "heapq.heappop"),
    ("import heapq as hq", "hq.heappush", "hq.heappop"),
    ("from heapq import heappush, heappop", "heappush", "heappop"),
])
def test_import_aware_heap(imports: str, push: str, pop: str) -> None:
    code = f"{imports}\ndef f(xs: list):\n    h = []\n    for x in xs:\n        {push}(h, x)\n    return {pop}(h)\n"
    assert body(code) == "v0 = heap()\nfor p0 {\n  heap.push(v0)\n}\nheap.pop(v0)"


@pytest.mark.parametrize("decorator", ["@cache", "@lru_cache(None)", "@functools.cache",
                                       "@functools.lru_cache(maxsize=None)"])
def test_memoisation_decorators(decorator: str) -> None:
    code = f"import functools\nfrom functools import cache, lru_cache\n{decorator}\ndef fib(n: int) -> int:\n" \
           "    if n < 2:\n        return n\n    return fib(n - 1) + fib(n - 2)\n"
    assert skel(code).splitlines()[1] == "@memo"


def test_sorted_and_sort_are_both_sorting() -> None:
    assert body("def f(xs: list):\n    xs.sort()\n") == "sort(p0)"
    # a sorted copy is another name for the sorted collection (Java sorts in place or sorts a clone)
    assert body("def f(xs: list):\n    ys = sorted(xs)\n    return ys\n") == "sort(p0)"
    assert body("def f(xs: list):\n    ys = xs[:]\n    ys.sort()\n    return ys\n") == "sort(p0)"
    assert body("def f(s: str):\n    chars = list(s)\n    for c in chars:\n        pass\n") == "for p0 {\n}"


def test_binary_search_loop_is_halving() -> None:
    code = """
    def f(xs: list, t: int):
        lo, hi = 0, len(xs) - 1
        while lo <= hi:
            mid = (lo + hi) // 2
            if xs[mid] == t:
                return mid
            if xs[mid] < t:
                lo = mid + 1
            else:
                hi = mid - 1
        return -1
    """
    assert body(code).splitlines()[0] == "for log(p0) {"


def test_bisect_is_binary_search() -> None:
    assert body("import bisect\ndef f(xs: list, t: int):\n    return bisect.bisect_left(xs, t)\n") == "bsearch(p0)"


def test_stack_and_queue_are_named_by_usage() -> None:
    stack = "def f(xs: list):\n    st = []\n    for x in xs:\n        while st and st[-1] < x:\n            st.pop()\n        st.append(x)\n"
    assert body(stack) == "v0 = stack()\nfor p0 {\n  while v0 {\n    stack.pop(v0)\n  }\n  stack.push(v0)\n}"


def test_class_solution_methods_and_fields() -> None:
    code = """
    class Cache:
        def __init__(self, capacity: int):
            self.store = {}
        def get(self, key: int) -> int:
            if key in self.store:
                return self.store[key]
            return -1
    """
    assert skel(code) == ("skel 1\nfn f0(p0: num) {\n  s0 = map()\n}\nfn f1(p0: num) {\n"
                          "  if map.has(s0) {\n    map.get(s0)\n    return\n  }\n}\n")


def test_nested_function_is_hoisted_and_captured_collections_lifted() -> None:
    code = """
    def count(grid: list) -> int:
        def dfs(r, c):
            if grid[r][c] == 0:
                return
            grid[r][c] = 0
            dfs(r + 1, c)
            dfs(r, c + 1)
        for r in range(len(grid)):
            for c in range(len(grid[0])):
                dfs(r, c)
    """
    assert skel(code) == ("skel 1\nfn f0(p0: seq) {\n  for p0 {\n    for p0[] {\n      f1()\n    }\n  }\n}\n"
                          "fn f1(p0: seq) {\n  if {\n    return\n  }\n  f1()\n  f1()\n}\n")
    # (untyped r, c take the kind every call site passes: loop counters, so num; no loop runs over them
    # and dfs is not memoised, so they are O(1) state and go, see canonical_params)


def test_function_order_does_not_depend_on_definition_order() -> None:
    first = "def main(xs: list):\n    helper(xs)\ndef helper(xs: list):\n    xs.sort()\n"
    second = "def helper(xs: list):\n    xs.sort()\ndef main(xs: list):\n    helper(xs)\n"
    assert skel(first) == skel(second)


def test_lambda_key_does_not_add_work() -> None:
    assert body("def f(xs: list):\n    xs.sort(key=lambda p: p[0])\n") == "sort(p0)"


def test_string_concatenation_in_a_loop() -> None:
    """CPython appends in place to a local string it started (``s = ''`` then ``s += x``): a builder, and a
    builder filled by a loop that only appends is ``"".join(xs)``.  Growing a string received from the
    caller copies it: a concatenation."""
    code = "def f(xs: list):\n    s = ''\n    for x in xs:\n        s += x\n        s.find('a')\n    return s\n"
    assert body(code) == "v0 = strbuf()\nfor p0 {\n  strbuf.append(v0)\n  str.find(v0)\n}"
    assert body("def f(xs: list):\n    s = ''\n    for x in xs:\n        s = s + x\n    return s\n") == "str.join(p0)"
    assert body("def f(xs: list, s: str):\n    for x in xs:\n        s += x\n    return s\n") \
        == "for p0 {\n  str.concat(p1)\n}"


def test_unreachable_code_after_return_is_dropped() -> None:
    assert body("def f(xs: list):\n    return 1\n    xs.sort()\n") == ""


def test_module_level_script_becomes_a_function() -> None:
    code = "n = int(input())\nxs = list(map(int, input().split()))\nxs.sort()\nprint(xs)\n"
    assert skel(code).startswith("skel 1\nfn f0() {\n")
    assert "sort(v0)" in skel(code)


def test_syntax_error_names_position() -> None:
    with pytest.raises(SourceSyntaxError) as caught:
        extract_text("def f(:\n    pass\n", "python", "bad.py")
    error = caught.value
    assert error.path == "bad.py" and error.line is not None and error.column is not None
    assert error.to_record()["kind"] == "syntax_error"


@pytest.mark.parametrize("code", ["", "\n\n", "# only a comment\n", "import os\n", "x = 1\n"])
def test_trivial_programs(code: str) -> None:
    assert extract_text(code, "python") == "skel 1\n"


def test_deep_nesting_is_a_clean_error() -> None:
    code = "x = " + "(" * 5000 + "1" + ")" * 5000 + "\n"
    with pytest.raises(SkelError) as caught:
        extract_text(code, "python")
    assert caught.value.kind == "too_deep"


def test_package_docstring_example_stays_true() -> None:
    import doctest

    import skeldsl

    assert doctest.testmod(skeldsl).failed == 0


def test_leetcode_implicit_imports_resolve() -> None:
    implicit = "def f(g: list):\n    q = deque([0])\n    while q:\n        q.popleft()\n        q.append(1)\n"
    explicit = "from collections import deque\n" + implicit
    assert skel(implicit) == skel(explicit)
    assert "queue" in skel(implicit)
