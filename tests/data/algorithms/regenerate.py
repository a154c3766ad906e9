"""Rewrite ``<name>.skel`` from ``<name>.py`` after a deliberate normaliser change; review the diff.

    python tests/data/algorithms/regenerate.py && git diff tests/data/algorithms
"""

from pathlib import Path

from skeldsl import extract_text

HERE = Path(__file__).resolve().parent

for source in sorted(HERE.glob("*.py")):
    if source.name != "regenerate.py":
        source.with_suffix(".skel").write_text(extract_text(source.read_text(), "python"))
