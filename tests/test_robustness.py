"""Bad input never crashes: every hostile input yields a skeleton or a clean error record.

The full campaign (≥ 10,000 inputs) is ``bench/robustness.py``; this is its CI-sized sample.
"""

from __future__ import annotations

import json
import random
import sysconfig
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

from skeldsl import hostile
from skeldsl.batch import BatchOptions, extract_one, run_jsonl
from skeldsl.cli import main
from skeldsl.errors import SkelError
from skeldsl.pipeline import decode_source

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = [json.loads(line)["code"] for line in (ROOT / "tests/data/neetcode_python_sample.jsonl").read_text().splitlines()]
SOURCES = [("python", code) for code in SAMPLE]


def outcome(language: str, data: bytes) -> str:
    try:
        source = decode_source(data, "input")
    except SkelError as error:
        return error.kind
    result = extract_one(source, language, "input", timeout_s=20)
    if "skeleton" in result:
        assert result["skeleton"].startswith("skel 1\n")
        return "skeleton"
    error = result["error"]
    assert set(error) == {"kind", "message", "line", "column"} and error["message"]
    return error["kind"]


def _cases():
    rng = random.Random(1234)
    yield from hostile.random_bytes(rng, 150)
    yield from hostile.truncated(rng, SOURCES, 150)
    yield from hostile.invalid_utf8(rng, SOURCES, 50)
    yield from hostile.nul_bytes(rng, SOURCES, 50)
    yield from hostile.deep_nesting(5000)
    yield from hostile.huge()


def test_hostile_inputs_never_crash() -> None:
    kinds: dict[str, set[str]] = {}
    for kind, language, data in _cases():
        kinds.setdefault(kind, set()).add(outcome(language, data))
    assert kinds["random_bytes"] <= {"decode_error", "syntax_error", "skeleton", "unsupported"}
    assert kinds["nul_bytes"] == {"decode_error"}
    assert kinds["invalid_utf8"] == {"decode_error"}
    assert kinds["deep_brackets"] == {"too_deep"}
    assert kinds["huge_10MB"] == {"too_large"}


@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
@given(code=__import__("hypothesmith").from_grammar())
def test_hypothesmith_programs(code: str) -> None:
    assert outcome("python", code.encode("utf-8", "surrogatepass")) in {"skeleton", "syntax_error", "too_deep",
                                                                        "decode_error"}


def test_cpython_lib_test_files() -> None:
    folder = Path(sysconfig.get_paths()["stdlib"]) / "test"
    files = sorted(folder.glob("test_*.py"))[::12]
    if not files:
        pytest.skip(f"no CPython test files under {folder}")
    outcomes = [outcome("python", path.read_bytes()) for path in files]
    assert outcomes.count("skeleton") >= len(files) * 0.9


def test_batch_emits_one_record_per_hostile_input(tmp_path) -> None:
    rng = random.Random(7)
    rows = []
    for kind, language, data in list(hostile.random_bytes(rng, 40)) + list(hostile.truncated(rng, SOURCES, 40)):
        rows.append(json.dumps({"kind": kind, "lang": language, "code": data.decode("utf-8", "replace")}))
    rows.append("\x00\x01 not json")
    rows.append('["a list"]')
    source = tmp_path / "hostile.jsonl"
    source.write_text("\n".join(rows) + "\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    run_jsonl(str(source), str(out), BatchOptions(), jobs=2, progress=False)
    results = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(results) == len(rows)
    assert all(("skeleton" in r) != ("error" in r) for r in results)


@pytest.mark.parametrize("garbage", [b"\x00\xff\xfe", b"skel 1\nfn f0( {\n", b"}}}}", b"skel 99\n", b"\xff" * 100,
                                     b"skel 1\n" + b"fn f0() {\n" + b"for p0 {\n" * 3000])
def test_garbage_skeleton_text_for_fmt(tmp_path, capsys, garbage: bytes) -> None:
    path = tmp_path / "bad.skel"
    path.write_bytes(garbage)
    assert main(["fmt", str(path)]) == 1
    assert "Traceback" not in capsys.readouterr().err
