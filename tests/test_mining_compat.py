"""``--compat effiskel``: the release's lexical skeletons, byte for byte, and its re-indent/filter rules."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from skeldsl.mining import MiningOptions, Solution, mine_group
from skeldsl.mining.compat import effiskel_filter, effiskel_lexical_whitelist
from skeldsl.mining.reindent import reindent_tabs
from skeldsl.errors import SkelError

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
FIXTURE = SHARED / "fixtures" / "effiskel_reference" / "cases.jsonl"


def _cases() -> list[dict]:
    if not FIXTURE.exists():
        pytest.skip(f"shared fixture folder absent: {FIXTURE}")
    return [json.loads(line) for line in FIXTURE.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_fixture_all_55_skeletons_byte_for_byte():
    cases = _cases()
    compared = 0
    mismatches = []
    for case in cases:
        mined = mine_group([Solution(code) for code in case["codes"]], "lexical", MiningOptions(compat="effiskel"))
        for k, (result, expected) in enumerate(zip(mined, case["skeletons"], strict=True)):
            assert not isinstance(result, SkelError), (case["problem"], k, result)
            compared += 1
            if result.masked != expected:
                mismatches.append((case["problem"], k))
    assert compared == 55
    assert mismatches == []


def test_fixture_exercises_the_end_of_line_quirk():
    # The fixture must actually contain masked words at line ends, or the quirk would be untested.
    quirk_lines = 0
    for case in _cases():
        whitelist = effiskel_lexical_whitelist(case["codes"])
        for code in case["codes"]:
            text = reindent_tabs(code)
            masked, _ = effiskel_filter(text, whitelist)
            for original, line in zip(text.split("\n"), masked.split("\n")):
                if line != original and line.endswith(" ") and not original.endswith(" "):
                    quirk_lines += 1
    assert quirk_lines > 0


def test_reindent_rules():
    # unit = whole leading whitespace of the first indented line; leftovers and trailing blanks kept
    code = "a = 1\nif a:\n  b = 2\n  if b:\n      c = 3  \n   d\n\nx"
    assert reindent_tabs(code) == "a = 1\nif a:\n\tb = 2\n\tif b:\n\t\t\tc = 3  \n\t d\n\nx\n"
    # tab-indented input, CRLF endings stripped
    assert reindent_tabs("if x:\r\n\tpass\r\n") == "if x:\n\tpass\n"
    # a unit of 4 spaces; 2-space lines stay as they are
    assert reindent_tabs("def f():\n    x\n  y\n        z\n") == "def f():\n\tx\n  y\n\t\tz\n"


def test_filter_quirk_and_words_in_strings():
    masked, spans = effiskel_filter("print('hi there')\nfoo = bar\n", ["print", "foo", "=", "("])
    assert masked == "print('<MASK> <MASK>')\nfoo =    \n"
    text = "print('hi there')\nfoo = bar\n"
    assert [text[a:b] for a, b in spans] == ["print('", "')", "foo", "="]


def test_untokenizable_solution_gets_an_error_record_and_group_goes_on():
    good = ["n = int(input())\nprint(n)\n", "n = int(input())\nprint(n * 2)\n"]
    bad = "s = '''unterminated\n"
    out = mine_group([Solution(good[0]), Solution(bad), Solution(good[1])], "lexical",
                     MiningOptions(compat="effiskel"))
    assert isinstance(out[1], SkelError) and out[1].kind == "syntax_error"
    assert out[1].to_record()["line"] == 1
    assert "print" in out[0].whitelist and "2" not in out[0].whitelist


def test_compat_rejects_other_languages_clearly():
    out = mine_group([Solution("int main() { return 0; }", "cpp")], "lexical", MiningOptions(compat="effiskel"))
    assert isinstance(out[0], SkelError) and out[0].kind == "unsupported"
    assert "Python only" in out[0].message
