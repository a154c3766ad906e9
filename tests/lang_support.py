"""Helpers shared by the per-language extractor tests (``tests/test_lang_<language>.py``).

* ``tests/data/algorithms/<name>.<ext>``: the same algorithm written in each language, with
  ``<name>.skel`` the reviewed canonical skeleton of the Python version; every language must give those
  bytes (``assert_same_as_python``).
* ``corpus_sample``: a seeded sample of real records of one language from ``../shared/corpora/multilang``
  (the tests skip with a reason when the shared folder is absent).
"""

from __future__ import annotations

import gzip
import json
import random
from pathlib import Path

import pytest

from skeldsl import extract_text
from skeldsl.errors import InternalError, SkelError

ALGORITHMS = Path(__file__).resolve().parent / "data" / "algorithms"
MULTILANG = Path(__file__).resolve().parents[1].parent / "shared" / "corpora" / "multilang"
CORPORA = ("neetcode_approaches", "doocs_code", "walkccc")


def algorithm_names(extension: str) -> list[str]:
    """Algorithms that have a version with this extension (and a reviewed skeleton)."""
    return sorted(path.stem for path in ALGORITHMS.glob(f"*.{extension}")
                  if (ALGORITHMS / f"{path.stem}.skel").exists())


def assert_same_as_python(name: str, extension: str, language: str) -> None:
    """The skeleton of ``name.<extension>`` equals the Python version's, and the reviewed golden text."""
    expected = (ALGORITHMS / f"{name}.skel").read_text()
    python = extract_text((ALGORITHMS / f"{name}.py").read_text(), "python")
    other = extract_text((ALGORITHMS / f"{name}.{extension}").read_text(), language)
    assert python == expected, (f"the Python version of {name} no longer gives the reviewed skeleton; after a "
                                "deliberate normaliser change run tests/data/algorithms/regenerate.py and review")
    assert other == python


def corpus_sample(language: str, size: int, seed: int = 7) -> list[dict]:
    """A seeded sample of ``size`` records of ``language`` over the multilang corpora."""
    if not MULTILANG.is_dir():
        pytest.skip(f"shared corpora not found at {MULTILANG}")
    records: list[dict] = []
    for name in CORPORA:
        with gzip.open(MULTILANG / f"{name}.jsonl.gz", "rt", encoding="utf-8") as stream:
            for line in stream:
                record = json.loads(line)
                if record["lang"] == language:
                    records.append(record)
    random.Random(seed).shuffle(records)
    return records[:size]


def extract_or_error(code: str, language: str) -> str | SkelError:
    """The skeleton text, or the SkelError a bad input raises (anything else propagates and fails)."""
    try:
        return extract_text(code, language)
    except InternalError:
        raise
    except SkelError as error:
        return error


def skeletons_under_hash_seed(language: str, extension: str, seed: str) -> str:
    """The algorithm skeletons of one language computed in a fresh interpreter with PYTHONHASHSEED=seed
    (outputs must not depend on set/dict iteration order)."""
    import os
    import subprocess
    import sys

    code = ("import sys, pathlib\nfrom skeldsl import extract_text\n"
            "for path in sorted(pathlib.Path(sys.argv[1]).glob('*.' + sys.argv[2])):\n"
            "    print(extract_text(path.read_text(), sys.argv[3]))\n")
    env = dict(os.environ, PYTHONHASHSEED=seed)
    result = subprocess.run([sys.executable, "-c", code, str(ALGORITHMS), extension, language],
                            capture_output=True, text=True, timeout=120, env=env, check=True)
    return result.stdout
