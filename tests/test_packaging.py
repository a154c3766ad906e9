"""The wheel carries the grammar and every extractor, under ``skeldsl`` only (no generic top-level names)."""

from __future__ import annotations

import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_every_package_directory_is_listed_in_pyproject() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text())
    listed = set(config["tool"]["setuptools"]["packages"])
    on_disk = {".".join(path.parent.relative_to(ROOT).parts) for path in (ROOT / "skeldsl").rglob("__init__.py")}
    assert on_disk - listed == set(), "add these to [tool.setuptools] packages"
    assert {"skeldsl.extractors", "skeldsl.grammars"} <= listed


def test_every_registered_language_has_its_extractor_module() -> None:
    from skeldsl.languages import all_languages

    for language in all_languages():
        assert (ROOT / "extractors" / f"{language.extractor}.py").is_file(), language.name


def test_wheel_contents(tmp_path) -> None:
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w",
                    str(tmp_path), str(ROOT)], check=True, capture_output=True)
    (wheel,) = tmp_path.glob("skeldsl-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    top_level = {name.split("/")[0] for name in names if not name.startswith("skeldsl-")}
    assert top_level == {"skeldsl"}
    assert "skeldsl/grammars/skeleton.lark" in names
    assert "skeldsl/extractors/python.py" in names and "skeldsl/extractors/_treesitter.py" in names
