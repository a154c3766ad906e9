"""Default mode: tree-sitter tokens in every language, the quirk fixed, spans consistent with the text."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from skeldsl.errors import SkelError
from skeldsl.languages import all_languages
from skeldsl.mining import MASK, MiningOptions, Solution, mine_group
from skeldsl.mining.compat import iter_words
from skeldsl.mining.masking import apply_whitelist
from skeldsl.mining.tokens import parse_solution

TWO_SUM = {
    "python": [
        "def two_sum(nums, target):\n    seen = {}\n    for i, x in enumerate(nums):\n"
        "        if target - x in seen:\n            return [seen[target - x], i]\n        seen[x] = i\n",
        "def two_sum(a, t):\n    d = {}\n    for i in range(len(a)):\n        if t - a[i] in d:\n"
        "            return [d[t - a[i]], i]\n        d[a[i]] = i  # remember\n",
    ],
    "java": [
        "class S { int[] f(int[] a, int t) { Map<Integer,Integer> m = new HashMap<>();\n"
        "  for (int i = 0; i < a.length; i++) { if (m.containsKey(t - a[i])) return new int[]{m.get(t - a[i]), i};\n"
        "    m.put(a[i], i); } return null; } }\n",
        "class S { int[] g(int[] nums, int target) { var seen = new HashMap<Integer,Integer>();\n"
        "  for (int j = 0; j < nums.length; ++j) { int need = target - nums[j];\n"
        "    if (seen.containsKey(need)) return new int[]{seen.get(need), j}; seen.put(nums[j], j); }\n"
        "  return new int[0]; } }\n",
    ],
    "cpp": [
        "vector<int> f(vector<int>& a, int t) { unordered_map<int,int> m;\n"
        "  for (int i = 0; i < a.size(); ++i) { if (m.count(t - a[i])) return {m[t - a[i]], i}; m[a[i]] = i; }\n"
        "  return {}; }\n",
        "vector<int> g(vector<int>& nums, int target) { unordered_map<int,int> seen; // value -> index\n"
        "  for (int j = 0; j < (int)nums.size(); j++) { auto it = seen.find(target - nums[j]);\n"
        "    if (it != seen.end()) return {it->second, j}; seen[nums[j]] = j; }\n  return {}; }\n",
    ],
    "go": [
        "package main\nfunc f(a []int, t int) []int {\n\tm := map[int]int{}\n\tfor i, x := range a {\n"
        "\t\tif j, ok := m[t-x]; ok {\n\t\t\treturn []int{j, i}\n\t\t}\n\t\tm[x] = i\n\t}\n\treturn nil\n}\n",
        "package main\nfunc g(nums []int, target int) []int {\n\tseen := make(map[int]int)\n"
        "\tfor i := 0; i < len(nums); i++ {\n\t\tif j, ok := seen[target-nums[i]]; ok {\n"
        "\t\t\treturn []int{j, i}\n\t\t}\n\t\tseen[nums[i]] = i\n\t}\n\treturn nil\n}\n",
    ],
    "javascript": [
        "function f(a, t) { const m = new Map();\n  for (let i = 0; i < a.length; i++) {\n"
        "    if (m.has(t - a[i])) return [m.get(t - a[i]), i];\n    m.set(a[i], i);\n  }\n}\n",
        "const g = (nums, target) => { const seen = new Map();\n  for (const [i, x] of nums.entries()) {\n"
        "    if (seen.has(target - x)) { return [seen.get(target - x), i]; }\n    seen.set(x, i);\n  }\n};\n",
    ],
    "rust": [
        "fn f(a: Vec<i32>, t: i32) -> Vec<i32> { let mut m = HashMap::new();\n"
        "  for (i, x) in a.iter().enumerate() { if let Some(&j) = m.get(&(t - x)) { return vec![j, i as i32]; }\n"
        "    m.insert(*x, i as i32); }\n  vec![] }\n",
        "fn g(nums: Vec<i32>, target: i32) -> Vec<i32> { let mut seen = HashMap::new();\n"
        "  for i in 0..nums.len() { if let Some(&j) = seen.get(&(target - nums[i])) { return vec![j, i as i32]; }\n"
        "    seen.insert(nums[i], i as i32); }\n  Vec::new() }\n",
    ],
}


def _reconstruct(masked: str, text: str) -> str:
    """Put the original words back into ``masked`` (masked words are replaced in order)."""
    words = [text[a:b] for a, b in iter_words(text)]
    # walk the text's words; a masked one shows up as MASK in ``masked``
    out, position, w = [], 0, 0
    while position < len(masked):
        if masked.startswith(MASK, position):
            out.append(words[w]) if w < len(words) else out.append(MASK)
            position += len(MASK)
            w += 1
            continue
        char = masked[position]
        if (char.isalnum() or char == "_") and (position == 0 or not (masked[position - 1].isalnum() or masked[position - 1] == "_")):
            end = position
            while end < len(masked) and (masked[end].isalnum() or masked[end] == "_"):
                end += 1
            out.append(masked[position:end])
            position = end
            w += 1
            continue
        out.append(char)
        position += 1
    return "".join(out)


@pytest.mark.parametrize("lang", sorted(TWO_SUM))
@pytest.mark.parametrize("strategy", ["lexical", "syntactic"])
def test_every_language_mines_and_masks_consistently(lang, strategy):
    options = MiningOptions(min_count=2)  # with 2 solutions ceil(n/2) = 1 would keep every subtree
    mined = mine_group([Solution(code, lang) for code in TWO_SUM[lang]], strategy, options)
    for code, result in zip(TWO_SUM[lang], mined, strict=True):
        assert not isinstance(result, SkelError), result
        assert result.text == code  # original indentation kept
        assert _reconstruct(result.masked, code) == code
        assert 0 < result.tokens_kept <= result.tokens_total
        for start, end in result.spans:
            assert code[start:end].strip() == code[start:end]  # spans never start/end in blanks
        # the words masked are exactly the words outside the kept spans
        outside = [(a, b) for a, b in iter_words(code) if not any(s <= a and b <= e for s, e in result.spans)]
        assert result.masked.count(MASK) == len(outside)
        assert strategy == "syntactic" or outside
    if strategy == "lexical":
        assert all(r.whitelist == mined[0].whitelist for r in mined)


def test_quirk_fixed_no_trailing_blank_for_masked_line_end():
    codes = ["x = foo\ny = x\n", "x = bar\ny = x\n"]
    mined = mine_group([Solution(c) for c in codes], "lexical")
    assert mined[0].masked == "x = <MASK>\ny = x\n"
    assert mined[1].masked == "x = <MASK>\ny = x\n"


def test_comments_are_masked_and_never_whitelisted():
    codes = ["# sum it\nprint(1)\n", "# sum it\nprint(1)\n"]
    mined = mine_group([Solution(c) for c in codes], "lexical")
    assert "# sum it" not in mined[0].whitelist
    assert mined[0].masked == "# <MASK> <MASK>\nprint(1)\n"


def test_reindent_on_request_and_spans_index_the_reindented_text():
    code = "for i in range(3):\n    print(i)\n"
    mined = mine_group([Solution(code), Solution(code)], "lexical", MiningOptions(reindent=True))
    assert mined[0].text == "for i in range(3):\n\tprint(i)\n"
    assert mined[0].masked == mined[0].text  # everything common
    assert [mined[0].text[a:b] for a, b in mined[0].spans][:2] == ["for", "i"]


def test_non_ascii_offsets_are_characters():
    code = "s = 'héllo' + 'wörld'  # ü\nprint(s)\n"
    parsed = parse_solution(code, "python")
    for token in parsed.tokens:
        assert code[token.start : token.end] == token.text
    mined = mine_group([Solution(code), Solution(code.replace("wörld", "x"))], "lexical")
    assert mined[0].masked == "s = 'héllo' + '<MASK>'  # <MASK>\nprint(s)\n"
    start = code.index("héllo")
    assert (start - 1, start + 6) in mined[0].spans  # "'héllo'": touching kept tokens merge


def test_syntax_error_is_a_positioned_record_and_others_still_mine():
    good = TWO_SUM["java"]
    mined = mine_group([Solution(good[0], "java"), Solution("class { void f( }", "java"),
                        Solution(good[1], "java")], "lexical")
    error = mined[1]
    assert isinstance(error, SkelError) and error.kind == "syntax_error"
    assert error.line == 1 and error.column is not None
    assert not isinstance(mined[0], SkelError) and not isinstance(mined[2], SkelError)


def test_unknown_language_is_an_error_record():
    mined = mine_group([Solution("x", "cobol"), Solution("x = 1\n")], "lexical")
    assert isinstance(mined[0], SkelError) and mined[0].kind == "unknown_language"
    assert not isinstance(mined[1], SkelError)


def test_every_registered_language_lexes_something():
    samples = {"python": "x = 1\n", "java": "class A {}", "cpp": "int x;", "c": "int x;", "javascript": "let x = 1;",
               "typescript": "let x: number = 1;", "go": "package main", "rust": "fn main() {}",
               "csharp": "class A {}", "kotlin": "fun main() {}", "swift": "let x = 1"}
    for language in all_languages():
        tokens = parse_solution(samples[language.name], language.name).tokens
        assert tokens, language.name


FIXTURE = Path(__file__).resolve().parents[1].parent / "shared" / "fixtures" / "effiskel_reference" / "cases.jsonl"


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_property_masking_invariants_on_real_code(data):
    if not FIXTURE.exists():
        pytest.skip("shared fixture folder absent")
    cases = [json.loads(line) for line in FIXTURE.read_text().splitlines()]
    case = data.draw(st.sampled_from(cases))
    code = data.draw(st.sampled_from(case["codes"]))
    try:
        parsed = parse_solution(code, "python")
    except SkelError:
        return
    texts = sorted({t.text for t in parsed.tokens if not t.comment})
    whitelist = data.draw(st.sets(st.sampled_from(texts)))
    result = apply_whitelist(code, parsed.tokens, whitelist)
    assert _reconstruct(result.masked, code) == code
    assert result.masked.count(MASK) == sum(
        1 for a, b in iter_words(code) if not any(s <= a and b <= e for s, e in result.spans)
    )
    kept_texts = {t.text for t in parsed.tokens if not t.comment and t.text in whitelist}
    assert kept_texts == set(whitelist)
    assert all(code[a:b] for a, b in result.spans)
