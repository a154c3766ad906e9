"""C extractor: loops, arrays and the few library calls of C; errors; every C record of the corpus."""

from __future__ import annotations

import pytest
from lang_support import corpus_sample, extract_or_error
from skeldsl.extractors import _treesitter

from skeldsl import extract_text
from skeldsl.errors import SourceSyntaxError


def test_two_sum_brute_force_is_the_python_skeleton():
    # (LeetCode's C signature passes the array's length, numsSize: it is the array's size, as len(nums))
    python = extract_text("def two_sum(nums: List[int], target: int):\n    for i in range(len(nums)):\n"
                          "        for j in range(i + 1, len(nums)):\n            if nums[i] + nums[j] == target:\n"
                          "                return [i, j]\n    return []\n", "python")
    c = extract_text("int* twoSum(int* nums, int numsSize, int target) {\n"
                     "    for (int i = 0; i < numsSize; i++) {\n        for (int j = i + 1; j < numsSize; j++) {\n"
                     "            if (nums[i] + nums[j] == target) {\n                *returnSize = 2;\n"
                     "                return nums;\n            }\n        }\n    }\n    return NULL;\n}\n", "c")
    assert c == python


def test_malloc_sized_array_and_qsort():
    text = extract_text("int cmp(const void* a, const void* b) { return *(int*)a - *(int*)b; }\n"
                        "int f(int* nums, int n) {\n    int* dp = malloc(n * sizeof(int));\n"
                        "    qsort(nums, n, sizeof(int), cmp);\n    for (int i = 0; i < n; i++) dp[i] = nums[i];\n"
                        "    return dp[n - 1];\n}\n", "c")
    assert "v0 = list(p1)" in text and "sort(p0)" in text and "for p1 {" in text


def test_char_pointer_is_a_string():
    assert "fn f0(p0: str, p1: seq)" in extract_text("int f(char* s, int* a) { return strlen(s); }", "c")


def test_syntax_error_is_a_positioned_error():
    with pytest.raises(SourceSyntaxError) as caught:
        extract_text("int f(int a) {\n  return a +;\n}\n", "c", path="bad.c")
    assert caught.value.to_record()["line"] == 2 and caught.value.path == "bad.c"


def test_every_c_record_extracts_under_strict_mode(monkeypatch):
    """All 183 C solutions of the corpus: no unknown node kind, no crash."""
    monkeypatch.setattr(_treesitter, "STRICT", True)
    for record in corpus_sample("c", 1000):
        result = extract_or_error(record["code"], "c")
        assert isinstance(result, str), (record.get("qid"), result)
