"""Reusable assertions for skeleton text, as LibCST's ``validate_node`` is for its nodes."""

from __future__ import annotations

from skeldsl import model


def assert_round_trip(text: str) -> model.Skeleton:
    """Assert that ``text`` is canonical skeleton text and round-trips exactly both ways:
    ``print(parse(text)) == text`` and ``parse(print(skeleton)) == skeleton``.  Returns the skeleton."""
    from skeldsl.parser import parse_skeleton
    from skeldsl.printer import print_skeleton

    skeleton = parse_skeleton(text)
    printed = print_skeleton(skeleton)
    assert printed == text, f"not canonical:\n--- given\n{text}--- printed\n{printed}"
    again = parse_skeleton(printed)
    assert again == skeleton, "parse(print(s)) != s"
    assert hash(again) == hash(skeleton)
    return skeleton


def assert_model_round_trip(skeleton: model.Skeleton) -> str:
    """Assert ``parse(print(s)) == s`` and that the printed text is a fixed point of ``print . parse``.
    Returns the text."""
    from skeldsl.parser import parse_skeleton
    from skeldsl.printer import print_skeleton

    text = print_skeleton(skeleton)
    parsed = parse_skeleton(text)
    assert parsed == skeleton, f"parse(print(s)) != s for:\n{text}"
    assert print_skeleton(parsed) == text
    return text
