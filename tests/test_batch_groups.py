"""``skeldsl.batch.map_groups`` (``skel mine --jsonl``): whole groups, results in input order, streamed."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from skeldsl.batch import map_groups


def _describe(group: list[str]) -> list[tuple[str, int, int]]:
    """Each item of a group -> (item, group size, index in the group): depends on the whole group."""
    return [(item, len(group), index) for index, item in enumerate(group)]


def _oracle(keys: list[str]) -> list[tuple[str, int, int]]:
    groups: dict[str, list[int]] = {}
    for position, key in enumerate(keys):
        groups.setdefault(key, []).append(position)
    return [(key, len(groups[key]), groups[key].index(position)) for position, key in enumerate(keys)]


def _last(keys: list[str]) -> dict[str, int]:
    return {key: position for position, key in enumerate(keys)}


@given(st.lists(st.sampled_from("abcde"), max_size=40))
def test_results_equal_grouping_the_whole_input(keys) -> None:
    keyed = [(key, key) for key in keys]
    assert list(map_groups(_describe, keyed, _last(keys), warm_up=None)) == _oracle(keys)


def test_workers_give_the_same_results() -> None:
    keys = list("abacbdcaeedbba") * 20
    keyed = [(key + str(n // 14), key) for n, key in enumerate(keys)]
    last = _last([key for key, _ in keyed])
    one = list(map_groups(_describe, keyed, last, jobs=1, warm_up=None))
    assert list(map_groups(_describe, keyed, last, jobs=2, warm_up=None)) == one and len(one) == len(keys)


def test_a_sorted_input_streams() -> None:
    """With groups one after another, the first results come out before the input is read to its end."""
    keys = [f"g{n // 3}" for n in range(300)]
    read = []

    def items():
        for key in keys:
            read.append(key)
            yield key, key

    results = map_groups(_describe, items(), _last(keys), warm_up=None)
    assert next(results) == ("g0", 3, 0)
    assert len(read) == 3
    assert len(list(results)) == 299
