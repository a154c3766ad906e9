"""Golden tests: the bundled examples' skeletons were reviewed by hand (see examples/README.md)."""

from pathlib import Path

import pytest

from skeldsl import extract_text

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
SOURCES = sorted(EXAMPLES.glob("*/*.py"))


@pytest.mark.parametrize("source", SOURCES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_example_matches_reviewed_skeleton(source: Path) -> None:
    expected = source.with_suffix(".skel").read_text(encoding="utf-8")
    assert extract_text(source.read_text(encoding="utf-8"), "python", str(source)) == expected


@pytest.mark.parametrize("folder", sorted({p.parent for p in SOURCES}), ids=lambda p: p.name)
def test_slow_and_fast_differ(folder: Path) -> None:
    slow = (folder / "slow.skel").read_text(encoding="utf-8")
    fast = (folder / "fast.skel").read_text(encoding="utf-8")
    assert slow != fast


def test_there_are_examples() -> None:
    assert len(SOURCES) >= 8
