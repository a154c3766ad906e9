"""Java and C# idioms that translate Python one-for-one must give Python's skeleton, and near misses (a
different algorithm in the same syntax) must not: the cross-language agreement cases of issue 3 for the
class-based extractors (``extractors/java.py``, ``extractors/csharp.py``, ``extractors/_jvm.py``)."""

from __future__ import annotations

from skeldsl import extract_text


def py(source: str) -> str:
    return extract_text(source, "python")


def java(source: str) -> str:
    return extract_text(source, "java")


def cs(source: str) -> str:
    return extract_text(source, "csharp")


_PY_WINDOW = """
class Solution:
    def f(self, nums: List[int], k: int) -> int:
        def dfs(i):
            res = 0
            for j in range(i + 1, len(nums)):
                if j - i > k:
                    break
                res = max(res, nums[i] + dfs(j))
            return res
        ans = 0
        for i in range(len(nums)):
            ans = max(ans, dfs(i))
        return ans
"""

_JAVA_WINDOW = """
class Solution {
    private int[] nums;
    private int k;
    public int f(int[] nums, int k) {
        this.nums = nums;
        this.k = k;
        int ans = 0;
        for (int i = 0; i < nums.length; i++) ans = Math.max(ans, dfs(i));
        return ans;
    }
    private int dfs(int i) {
        int res = 0;
        for (int j = i + 1; j < nums.length; j++) {
            if (j - i > k) break;
            res = Math.max(res, nums[i] + dfs(j));
        }
        return res;
    }
}
"""


def test_field_set_from_the_parameter_of_the_same_name_is_the_parameter():
    python = py(_PY_WINDOW)
    assert java(_JAVA_WINDOW) == python
    assert "for p0 {" in python.splitlines()[2]  # the entry loop walks the parameter, not a fresh local


def test_field_set_from_another_value_stays_a_local():
    # near miss: the field holds a copy of the input, which is work of its own
    copied = java(_JAVA_WINDOW.replace("this.nums = nums;", "this.nums = nums.clone();"))
    assert copied != java(_JAVA_WINDOW)
    assert "copy(" in copied


_PY_GROUPS = """
class Solution:
    def groupAnagrams(self, strs: List[str]) -> List[List[str]]:
        res = defaultdict(list)
        for s in strs:
            res[''.join(sorted(s))].append(s)
        return list(res.values())
"""


def test_put_if_absent_before_the_lookup_is_a_default_dict():
    source = """
public class Solution {
    public List<List<String>> groupAnagrams(String[] strs) {
        Map<String, List<String>> res = new HashMap<>();
        for (String s : strs) {
            char[] chars = s.toCharArray();
            Arrays.sort(chars);
            String key = new String(chars);
            res.putIfAbsent(key, new ArrayList<>());
            res.get(key).add(s);
        }
        return new ArrayList<>(res.values());
    }
}
"""
    assert java(source) == py(_PY_GROUPS)
    assert java(source.replace("res.putIfAbsent(key, new ArrayList<>());\n            res.get(key).add(s);",
                               "res.computeIfAbsent(key, x -> new ArrayList<>()).add(s);")) == py(_PY_GROUPS)


def test_put_if_absent_of_another_key_stays_an_insert():
    source = """
public class Solution {
    public int f(int[] nums) {
        Map<Integer, Integer> first = new HashMap<>();
        Map<Integer, Integer> count = new HashMap<>();
        for (int i = 0; i < nums.length; i++) {
            first.putIfAbsent(nums[i], i);
            count.put(nums[i], count.getOrDefault(nums[i], 0) + 1);
        }
        return first.size();
    }
}
"""
    text = java(source)
    assert text.count("map.put(v0)") == 1  # the first-index map keeps its (conditional) insert


def test_string_builder_reversal_is_a_reversed_copy():
    python = py("class Solution:\n    def f(self, s: str) -> bool:\n        return s == s[::-1]\n")
    source = ("class Solution {\n    public boolean f(String s) {\n"
              "        return s.equals(new StringBuilder(s).reverse().toString());\n    }\n}\n")
    assert java(source) == python
    assert "reverse(p0)" in python


def test_returned_array_copied_from_a_list_is_the_list():
    python = py("""
class Solution:
    def f(self, heights: List[int]) -> List[int]:
        res = []
        for i in range(len(heights)):
            if heights[i] > 0:
                res.append(i)
        return res
""")
    indexed = """
public class Solution {
    public int[] f(int[] heights) {
        List<Integer> res = new ArrayList<>();
        for (int i = 0; i < heights.length; i++) if (heights[i] > 0) res.add(i);
        int[] ans = new int[res.size()];
        for (int i = 0; i < res.size(); i++) {
            ans[i] = res.get(i);
        }
        return ans;
    }
}
"""
    assert java(indexed) == python
    walked = indexed.replace("for (int i = 0; i < res.size(); i++) {\n            ans[i] = res.get(i);\n        }",
                             "int k = 0;\n        for (int x : res) {\n            ans[k++] = x;\n        }")
    assert java(walked) == python
    to_array = indexed.replace("int[] ans = new int[res.size()];", "int[][] out = new int[res.size()][];") \
        .replace("for (int i = 0; i < res.size(); i++) {\n            ans[i] = res.get(i);\n        }\n"
                 "        return ans;", "return res.toArray(out);")
    assert java(to_array) == python


def test_returned_array_of_transformed_values_is_the_returned_comprehension():
    # Squaring each element into the returned array is Python's returned comprehension, which builds the
    # list it returns (the rule that lets Rust's .map().collect() and Swift's .map{} agree with Python).
    source = """
public class Solution {
    public int[] f(int[] nums) {
        List<Integer> res = new ArrayList<>();
        for (int x : nums) res.add(x);
        int[] ans = new int[res.size()];
        for (int i = 0; i < res.size(); i++) {
            ans[i] = res.get(i) * res.get(i);
        }
        return ans;
    }
}
"""
    python = py("""
def f(nums):
    res = []
    for x in nums:
        res.append(x)
    return [v * v for v in res]
""")
    assert java(source) == python
    assert "for " not in python and python.count("list(") == 1


def test_csharp_string_of_an_array_of_a_list_is_a_join_of_the_list():
    python = py("""
class Solution:
    def f(self, s: str) -> str:
        res = []
        for c in s:
            if c == '#':
                if res:
                    res.pop()
            else:
                res.append(c)
        return ''.join(res)
""")
    source = """
public class Solution {
    public string F(string s) {
        var res = new List<char>();
        foreach (char c in s) {
            if (c == '#') {
                if (res.Count > 0) res.RemoveAt(res.Count - 1);
            } else {
                res.Add(c);
            }
        }
        return new string(res.ToArray());
    }
}
"""
    assert cs(source) == python
    assert "str.join(v0)" in python


def test_map_lookup_of_the_iterated_key_is_an_items_walk():
    python_keys = py("""
class Solution:
    def findLucky(self, arr: List[int]) -> int:
        cnt = Counter(arr)
        res = -1
        for num in cnt:
            if num == cnt[num]:
                res = max(num, res)
        return res
""")
    python_items = py("""
class Solution:
    def findLucky(self, arr: List[int]) -> int:
        cnt = Counter(arr)
        res = -1
        for num, freq in cnt.items():
            if num == freq:
                res = max(num, res)
        return res
""")
    source = """
public class Solution {
    public int findLucky(int[] arr) {
        Map<Integer, Integer> count = new HashMap<>();
        for (int num : arr) count.put(num, count.getOrDefault(num, 0) + 1);
        int res = -1;
        for (int num : count.keySet()) {
            if (num == count.get(num)) res = Math.max(res, num);
        }
        return res;
    }
}
"""
    assert python_keys == python_items == java(source)


def test_map_lookup_of_a_key_in_another_map_stays_a_lookup():
    text = py("""
class Solution:
    def f(self, a: List[int], b: List[int]) -> int:
        ca, cb = Counter(a), Counter(b)
        res = 0
        for x in ca:
            res += cb[x]
        return res
""")
    assert "    map.get(v0)\n" in text  # cb[x] (cb is named first: the loop body uses it first)
