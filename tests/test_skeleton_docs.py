"""docs/skeleton-language.md stays true: its examples parse as shown and it names the whole vocabulary."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from skeldsl.errors import SkeletonValidationError
from skeldsl.model import LANGUAGE_VERSION
from skeldsl.parser import parse_skeleton
from skeldsl.testing import assert_round_trip
from skeldsl.vocabulary import CONSTRUCTORS, OPERATIONS, PARAM_KINDS

DOC = (Path(__file__).resolve().parents[1] / "docs" / "skeleton-language.md").read_text(encoding="utf-8")
BLOCKS = re.findall(r"```\n(.*?)```", DOC, flags=re.DOTALL)


def test_skeleton_example_is_canonical() -> None:
    skeletons = [block for block in BLOCKS if block.startswith("skel ")]
    assert skeletons, "the page shows a skeleton"
    for block in skeletons:
        assert_round_trip(block)


def test_error_example_is_what_check_prints() -> None:
    (shown,) = [block for block in BLOCKS if block.startswith("bad.skel:")]
    text = "skel 1\nfn f0() {\n  for p0 {\n    map.pu(v0)\n  }\n}\n"
    with pytest.raises(SkeletonValidationError) as caught:
        parse_skeleton(text, path="bad.skel")
    assert str(caught.value) + "\n" == shown


def test_page_names_every_word_of_the_vocabulary() -> None:
    words = set(re.findall(r"[a-z]+(?:\.[a-z]+)?", DOC))
    missing = (set(OPERATIONS) | set(CONSTRUCTORS) | set(PARAM_KINDS)) - words
    assert not missing, f"docs/skeleton-language.md does not mention {sorted(missing)}"
    assert f"(version {LANGUAGE_VERSION})" in DOC.splitlines()[0]


@pytest.mark.parametrize("module_name", ["skeldsl.parser", "skeldsl.printer"])
def test_doctests(module_name: str) -> None:
    import doctest
    import importlib

    result = doctest.testmod(importlib.import_module(module_name))
    assert result.attempted > 0 and result.failed == 0
