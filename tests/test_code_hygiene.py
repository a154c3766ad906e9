"""No module or class defines the same function twice, and pyflakes finds nothing.

Parallel branches merged into one file can leave two definitions of one helper; Python silently keeps the
second, so every caller of the first gets different behaviour (a shadowed ``_mentions`` once turned a
name comparison into a substring test and broke renaming invariance).
"""

from __future__ import annotations

import ast
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SOURCES = sorted(p for folder in ("skeldsl", "extractors") for p in (ROOT / folder).rglob("*.py"))


def _redefined(body: list[ast.stmt]) -> list[str]:
    names = Counter(node.name for node in body if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)))
    return sorted(name for name, count in names.items() if count > 1)


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: str(p.relative_to(ROOT)))
def test_no_function_is_defined_twice(path: Path) -> None:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    scopes = [("module", tree.body)] + [(node.name, node.body) for node in ast.walk(tree) if isinstance(node, ast.ClassDef)]
    problems = [f"{scope}: {name}" for scope, body in scopes for name in _redefined(body)]
    assert not problems, problems


def test_the_check_sees_a_redefinition() -> None:
    assert _redefined(ast.parse("def f(): pass\ndef g(): pass\ndef f(): pass\n").body) == ["f"]


def test_pyflakes_finds_no_unused_or_shadowed_names() -> None:
    """ruff's F rules: unused imports and variables, names redefined before use, undefined names."""
    folders = [str(ROOT / name) for name in ("skeldsl", "extractors", "bench", "tests")]
    result = subprocess.run([sys.executable, "-m", "ruff", "check", "--select", "F", "--no-cache",
                             "--exclude", "tests/data", "--output-format", "concise", *folders],
                            capture_output=True, text=True, cwd=ROOT, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
