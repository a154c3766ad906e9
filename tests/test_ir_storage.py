"""IR nodes built by ``fast_init(inline=True)``: still frozen dataclasses, and ``ir.field_values`` gives what
``vars(node).values()`` gives, in field order, for every node class (the walkers rely on that order)."""

from __future__ import annotations

import dataclasses

import pytest

from skeldsl import extract_text, ir
from skeldsl._fast_init import fast_init


def _sample(cls: type):
    """An instance of ``cls`` whose fields hold distinct values (a nested node for expression fields)."""
    values = {}
    for index, field in enumerate(dataclasses.fields(cls)):
        if field.type in ("str", "str | None"):
            values[field.name] = f"s{index}"
        elif field.type in ("int",):
            values[field.name] = index
        elif field.type in ("bool",):
            values[field.name] = True
        elif field.type.startswith("tuple"):
            values[field.name] = (ir.Name(f"t{index}"),)
        else:
            values[field.name] = ir.Name(f"n{index}")
    return cls(**values)


@pytest.mark.parametrize("cls", ir._NODE_CLASSES, ids=lambda cls: cls.__name__)
def test_field_values_match_vars_in_field_order(cls):
    node = _sample(cls)
    expected = tuple(getattr(node, field.name) for field in dataclasses.fields(cls))
    assert ir.field_values(node) == expected
    assert tuple(vars(node).values()) == expected  # (asks for __dict__ only after the first check)


@pytest.mark.parametrize("cls", ir._NODE_CLASSES, ids=lambda cls: cls.__name__)
def test_nodes_stay_frozen_and_compare_by_value(cls):
    node = _sample(cls)
    name = dataclasses.fields(cls)[0].name
    with pytest.raises(dataclasses.FrozenInstanceError):
        setattr(node, name, "other")
    assert node == _sample(cls) and hash(node) == hash(_sample(cls))
    assert dataclasses.replace(node) == node


def test_defaults_and_post_init_with_inline_storage():
    @dataclasses.dataclass(frozen=True)
    class Checked:
        a: int
        b: str = "x"

        def __post_init__(self) -> None:
            if self.a < 0:
                raise ValueError("negative")

    fast_init(Checked, inline=True)
    assert Checked(1) == Checked(1, "x") and Checked(2, "y").b == "y"
    with pytest.raises(ValueError):
        Checked(-1)
    with pytest.raises(dataclasses.FrozenInstanceError):
        Checked(1).a = 2  # type: ignore[misc]


def test_field_values_of_other_objects_fall_back_to_vars():
    class Plain:
        def __init__(self) -> None:
            self.x, self.y = 1, 2

    assert ir.field_values(Plain()) == (1, 2)


def test_extraction_walks_generators_and_nested_nodes():
    # a comprehension with a condition (walk_expr pushes generator iterables and conditions) and a
    # recursive helper with two self-calls, so it stays a function (the self-call facts walk every node of
    # the body; a chain recursion would become a while loop, normalise/inline.py)
    source = (
        "def f(xs):\n"
        "    seen = {x for x in xs if x in xs}\n"
        "    def g(i):\n"
        "        return g(i - 1) + g(i - 2) if i > 1 else i\n"
        "    return g(len(xs))\n"
    )
    text = extract_text(source, "python")
    assert "list.has(p0)" in text and "set.add(v0)" in text  # the generator's condition and element
    assert "fn f1() {" in text and text.count("f1()") >= 3  # called by f0 and by itself
    assert text == extract_text(source.replace("xs", "ys"), "python")
