"""``skel mine``: files and JSONL modes, one record per input, exit codes, determinism."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from skeldsl.cli import main

FIXTURE = Path(__file__).resolve().parents[1].parent / "shared" / "fixtures" / "effiskel_reference" / "cases.jsonl"

A = "def f(a):\n    s = set()\n    for x in a:\n        s.add(x)\n    return len(s)\n"
B = "def g(b):\n    return len(set(b))\n"
SLOW = "def f(a):\n    return len(a) - sum(a.count(x) - 1 for x in a)\n"


@pytest.fixture()
def group(tmp_path):
    (tmp_path / "a.py").write_text(A)
    (tmp_path / "b.py").write_text(B)
    return tmp_path


def test_files_mode_text(group, capsys):
    assert main(["mine", str(group / "a.py"), str(group / "b.py")]) == 0
    out = capsys.readouterr().out
    assert f"==> {group / 'b.py'} <==\ndef <MASK>(<MASK>):\n    return len(set(<MASK>))\n" in out


def test_directory_with_a_broken_file_exits_1_with_positioned_error(group, capsys):
    (group / "bad.py").write_text("def (:\n")
    assert main(["mine", str(group)]) == 1
    captured = capsys.readouterr()
    assert f"{group / 'bad.py'}:1:" in captured.err and "syntax_error" in captured.err
    assert "Traceback" not in captured.err
    assert f"==> {group / 'a.py'} <==" in captured.out


def test_files_mode_jsonl_and_contrastive_against(group, tmp_path, capsys):
    slow = tmp_path / "slow.txt.py"
    slow.write_text(SLOW)
    assert main(["mine", "--format", "jsonl", "--against", str(slow), str(group / "a.py"), str(group / "b.py")]) == 0
    records = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [r["path"] for r in records] == [str(group / "a.py"), str(group / "b.py")]
    assert "set" in records[0]["whitelist"] and "len" not in records[0]["whitelist"]


def test_usage_errors_exit_2(group):
    assert main(["mine"]) == 2
    assert main(["mine", str(group / "missing.py")]) == 2
    assert main(["mine", "--strategy", "nope", str(group)]) == 2
    assert main(["mine", "--jsonl", "x.jsonl", str(group)]) == 2
    assert main(["mine", "--contrastive", "eff", str(group)]) == 2


def test_jsonl_one_record_per_input_with_errors(tmp_path):
    lines = [
        {"problem": 1, "code": "x = 1\n", "id": "a"},
        {"problem": 1, "code": "x = 2\n", "id": "b"},
        {"problem": 2, "code": "class A { void f( }", "lang": "java", "id": "c"},
        "not json",
        {"problem": 2, "id": "no-code"},
        {"problem": 3, "code": "print(1)\n", "id": "d", "eff": False},
        {"problem": 3, "code": "print(1)\nprint(2)\n", "id": "e", "eff": True},
    ]
    source = tmp_path / "in.jsonl"
    source.write_text("\n".join(line if isinstance(line, str) else json.dumps(line) for line in lines) + "\n")
    out = tmp_path / "out.jsonl"
    code = main(["mine", "--jsonl", str(source), "-o", str(out), "--id-field", "id", "--contrastive", "eff"])
    assert code == 1
    records = [json.loads(line) for line in out.read_text().splitlines()]
    assert len(records) == len(lines)
    assert records[0] == {"masked": "x = <MASK>\n", "whitelist": ["=", "x"], "spans": [[0, 1], [2, 3]],
                          "kept_ratio": 0.666667, "id": "a"}
    assert records[2]["error"]["kind"] == "syntax_error" and records[2]["error"]["line"] == 1
    assert records[3]["error"]["kind"] == "bad_record" and records[3]["error"]["line"] == 4
    assert records[4]["error"]["kind"] == "bad_record" and records[4]["id"] == "no-code"
    assert records[5]["role"] == "contrast" and records[6]["whitelist"] == ["2"]


def test_jsonl_compat_reproduces_fixture_through_the_cli(tmp_path):
    if not FIXTURE.exists():
        pytest.skip("shared fixture folder absent")
    cases = [json.loads(line) for line in FIXTURE.read_text().splitlines()]
    source = tmp_path / "fixture.jsonl"
    with source.open("w") as handle:
        for case in cases:
            for k, code in enumerate(case["codes"]):
                handle.write(json.dumps({"problem": case["problem"], "code": code, "k": k}) + "\n")
    out = tmp_path / "out.jsonl"
    assert main(["mine", "--compat", "effiskel", "--jsonl", str(source), "-o", str(out)]) == 0
    records = [json.loads(line) for line in out.read_text().splitlines()]
    expected = [s for case in cases for s in case["skeletons"]]
    assert [r["masked"] for r in records] == expected
    from skeldsl.mining.reindent import reindent_tabs

    codes = [code for case in cases for code in case["codes"]]
    # spans index the re-indented text, given as "text" whenever it differs from the input code
    assert all(r.get("text", code) == reindent_tabs(code) for r, code in zip(records, codes))
    assert sum("text" in r for r in records) > 40


def test_output_is_identical_under_different_hash_seeds(tmp_path):
    if not FIXTURE.exists():
        pytest.skip("shared fixture folder absent")
    cases = [json.loads(line) for line in FIXTURE.read_text().splitlines()[:3]]
    source = tmp_path / "in.jsonl"
    source.write_text("".join(json.dumps({"problem": c["problem"], "code": code}) + "\n"
                              for c in cases for code in c["codes"]))
    outputs = []
    for seed in ("1", "12345"):
        out = tmp_path / f"out{seed}.jsonl"
        env = {**os.environ, "PYTHONHASHSEED": seed}
        subprocess.run([sys.executable, "-c", "from skeldsl.cli import run; run()", "mine", "--strategy",
                        "syntactic", "--jsonl", str(source), "-o", str(out)], env=env, check=True)
        outputs.append(out.read_bytes())
    assert outputs[0] == outputs[1] and outputs[0]


def test_help_lists_mine_and_its_options(capsys):
    assert main(["--help"]) == 0
    assert "mine" in capsys.readouterr().out
    assert main(["mine", "--help"]) == 0
    text = capsys.readouterr().out
    for option in ("--strategy", "--compat", "--jsonl", "--group-field", "--contrastive", "--hot-share"):
        assert option in text


def test_api_wrong_usage_raises_value_error():
    from skeldsl.mining import MiningOptions, Solution, mine_group

    with pytest.raises(ValueError, match="unknown strategy"):
        mine_group([Solution("x = 1\n")], "semantic")
    with pytest.raises(ValueError, match="compatibility mode"):
        mine_group([Solution("x = 1\n")], "lexical", MiningOptions(compat="effiskel2"))
    assert mine_group([], "lexical") == []


def test_dynamic_needs_inputs_and_takes_them_from_a_jsonl_field(tmp_path, group):
    assert main(["mine", "--strategy", "dynamic", str(group / "a.py")]) == 2
    source = tmp_path / "dyn.jsonl"
    rows = [{"problem": "p", "code": "n = int(input())\ns = 0\nfor i in range(n):\n    s += i\nprint(s)\n",
             "tests": [{"stdin": "20000\n"}]},
            {"problem": "p", "code": "n = int(input())\nprint(sum(range(n)))\n", "tests": [{"stdin": "20000\n"}]},
            {"problem": "p", "code": "while True:\n    pass\n", "tests": [{"bogus": 1}]}]
    source.write_text("".join(json.dumps(r) + "\n" for r in rows))
    out = tmp_path / "dyn.out"
    assert main(["mine", "--strategy", "dynamic", "--jsonl", str(source), "-o", str(out),
                 "--inputs-field", "tests"]) == 1
    records = [json.loads(line) for line in out.read_text().splitlines()]
    assert len(records) == 3 and all(r["error"]["kind"] == "bad_record" for r in records)  # bad input spec
    rows[2]["tests"] = [{"stdin": "1\n"}]
    source.write_text("".join(json.dumps(r) + "\n" for r in rows[:2]))
    assert main(["mine", "--strategy", "dynamic", "--jsonl", str(source), "-o", str(out),
                 "--inputs-field", "tests"]) == 0
    records = [json.loads(line) for line in out.read_text().splitlines()]
    assert records[0]["hot_lines"] and "for" in records[0]["masked"]


def _interleaved_groups(tmp_path) -> tuple[Path, list]:
    """Three problems whose records interleave, a contrast record, and bad records between them."""
    lines = [
        {"problem": 1, "code": A, "id": "1a"},
        {"problem": 2, "code": "x = 1\n", "id": "2a"},
        "not json",
        {"problem": 3, "code": "def f(:\n", "id": "3a"},
        {"problem": 1, "code": B, "id": "1b"},
        "",
        [1, 2],
        {"problem": 2, "code": "x = 2\ny = 3\n", "id": "2b"},
        {"problem": 1, "code": SLOW, "id": "1c", "eff": False},
        {"id": "no-problem", "code": "x = 1\n"},
        {"problem": 3, "code": "print(1)\n", "id": "3b"},
        {"problem": 2, "code": "x = 4\n", "id": "2c"},
    ]
    source = tmp_path / "groups.jsonl"
    source.write_bytes("".join((line if isinstance(line, str) else json.dumps(line)) + "\n"
                               for line in lines).encode() + b"\xff\n")
    return source, lines


def test_jsonl_jobs_2_gives_the_bytes_of_jobs_1_and_of_mining_the_whole_input(tmp_path, capsys):
    from skeldsl.mining.api import MiningOptions
    from skeldsl.mining.batch import mine_records

    source, lines = _interleaved_groups(tmp_path)
    outputs = []
    for jobs in ("1", "2"):
        out = tmp_path / f"out{jobs}.jsonl"
        assert main(["mine", "--strategy", "syntactic", "--jsonl", str(source), "-o", str(out), "--id-field", "id",
                     "--contrastive", "eff", "--jobs", jobs]) == 1
        outputs.append(out.read_bytes())
        assert capsys.readouterr().err.startswith("12 records, 5 failed (bad_record: 3, decode_error: 1, syntax_error: 1)")
    assert outputs[0] == outputs[1]
    records = [json.loads(line) for line in outputs[0].decode().splitlines()]
    assert len(records) == 12 and [r.get("id") for r in records][:2] == ["1a", "2a"]
    assert records[2]["error"]["kind"] == "bad_record" and records[2]["error"]["line"] == 3
    assert records[7]["role"] == "contrast" and records[11]["error"]["kind"] == "decode_error"
    # oracle: the records that parse, mined all at once (what the command did before it streamed)
    whole = mine_records([line for line in lines if not isinstance(line, str)], strategy="syntactic",
                         options=MiningOptions(), id_field="id", contrastive_field="eff")
    assert [r for index, r in enumerate(records) if index not in (2, 11)] == whole


def test_jsonl_from_stdin(tmp_path, capsys, monkeypatch):
    import io

    source, _ = _interleaved_groups(tmp_path)
    out = tmp_path / "out.jsonl"
    assert main(["mine", "--jsonl", str(source), "-o", str(out)]) == 1
    capsys.readouterr()
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(source.read_bytes())))
    assert main(["mine", "--jsonl", "-", "--jobs", "2"]) == 1
    assert capsys.readouterr().out.encode() == out.read_bytes()
