"""C++, Go, Rust and Swift idioms that spell a Python construct differently must give Python's skeleton,
and near misses (the same words doing more work) must not: cross-language agreement cases of issue 3."""

from __future__ import annotations

from skeldsl import extract_text


def skel(source: str, lang: str) -> str:
    return extract_text(source, lang)


# ------------------------------------------------------------------------------------------------- Go

SUBSETS_PY = """
def subsets(nums: List[int]):
    res, cur = [], []
    def dfs(i):
        if i >= len(nums):
            res.append(cur.copy())
            return
        cur.append(nums[i])
        dfs(i + 1)
        cur.pop()
        dfs(i + 1)
    dfs(0)
    return res
"""


def test_go_make_then_copy_is_a_copy_made_where_it_is_used():
    go = """
func subsets(nums []int) [][]int {
    res := [][]int{}
    cur := []int{}
    var dfs func(int)
    dfs = func(i int) {
        if i >= len(nums) {
            temp := make([]int, len(cur))
            copy(temp, cur)
            res = append(res, temp)
            return
        }
        cur = append(cur, nums[i])
        dfs(i + 1)
        cur = cur[:len(cur)-1]
        dfs(i + 1)
    }
    dfs(0)
    return res
}
"""
    python = skel(SUBSETS_PY, "python")
    assert skel(go, "go") == python
    assert "copy(p0)" in python


def test_go_make_then_copy_used_twice_stays_a_local_copy():
    go = """
func f(cur []int) int {
    temp := make([]int, len(cur))
    copy(temp, cur)
    sort.Ints(temp)
    return temp[0] + len(temp)
}
"""
    text = skel(go, "go")
    assert "copy(p0)" in text or "sort(p0)" in text  # the copy is kept (sorting a copy is a sort of cur)
    # a make without the copy is only a sized list, no copy of its source
    plain = skel("func f(cur []int) []int {\n    temp := make([]int, len(cur))\n    temp[0] = 1\n    return temp\n}\n", "go")
    assert "copy" not in plain


def test_go_append_to_a_literal_is_a_concatenation():
    python = skel("def f(digits: List[int]):\n    for i in range(len(digits)):\n        digits[i] += 1\n"
                  "    return [1] + digits\n", "python")
    go = skel("func f(digits []int) []int {\n    for i := range digits {\n        digits[i]++\n    }\n"
              "    return append([]int{1}, digits...)\n}\n", "go")
    assert go == python
    assert "list.append" not in go


def test_go_extending_a_slice_in_place_stays_an_extend():
    go = skel("func f(a []int, b []int) []int {\n    for _, x := range b {\n        a = append(a, b...)\n"
              "        _ = x\n    }\n    return a\n}\n", "go")
    assert "list.extend(p0)" in go


def test_go_set_keys_copied_into_a_slice_for_return_is_pythons_list_of_set():
    python = skel("def f(nums1: List[int], nums2: List[int]):\n    res = set()\n    for i in nums1:\n        for j in nums2:\n"
                  "            if i == j:\n                res.add(i)\n    return list(res)\n", "python")
    go = skel("""
func f(nums1 []int, nums2 []int) []int {
    res := make(map[int]bool)
    for _, i := range nums1 {
        for _, j := range nums2 {
            if i == j {
                res[i] = true
            }
        }
    }
    result := []int{}
    for k := range res {
        result = append(result, k)
    }
    return result
}
""", "go")
    assert go == python
    assert "list(" not in go


def test_a_copy_that_is_used_after_it_is_built_stays():
    # the list made from the set is searched afterwards: it is not only handed over
    go = skel("""
func f(nums []int) int {
    res := make(map[int]bool)
    for _, x := range nums {
        res[x] = true
    }
    result := []int{}
    for k := range res {
        result = append(result, k)
    }
    sort.Ints(result)
    return result[0]
}
""", "go")
    assert "sort(" in go


def test_number_made_a_string_is_a_string_in_every_language():
    python = skel("def f(x: int) -> bool:\n    s = str(x)\n    n = len(s)\n    for i in range(n // 2):\n"
                  "        if s[i] != s[n - i - 1]:\n            return False\n    return True\n", "python")
    go = skel("func f(x int) bool {\n    s := strconv.Itoa(x)\n    n := len(s)\n    for i := 0; i < n/2; i++ {\n"
              "        if s[i] != s[n-i-1] {\n            return false\n        }\n    }\n    return true\n}\n", "go")
    rust = skel("fn f(x: i32) -> bool {\n    let s = x.to_string().into_bytes();\n    let n = s.len();\n"
                "    for i in 0..n / 2 {\n        if s[i] != s[n - i - 1] {\n            return false;\n        }\n"
                "    }\n    true\n}\n", "rust")
    swift = skel("func f(_ x: Int) -> Bool {\n    let s = Array(String(x))\n    let n = s.count\n"
                 "    for i in 0..<n / 2 {\n        if s[i] != s[n - i - 1] {\n            return false\n        }\n"
                 "    }\n    return true\n}\n", "swift")
    cpp = skel("bool f(int x) {\n    string s = to_string(x);\n    int n = s.length();\n"
               "    for (int i = 0; i < n / 2; i++) {\n        if (s[i] != s[n - i - 1]) return false;\n    }\n"
               "    return true;\n}\n", "cpp")
    assert go == rust == cpp == python
    assert "for v0 {" in python  # the loop walks the string's digits, a local string
    assert swift.count("for ") == 1


# ---------------------------------------------------------------------------------------------- Swift

def test_swift_range_subscript_is_a_slice():
    python = skel("def f(s: str, words: List[str]) -> int:\n    ws = set(words)\n    for i in range(len(s)):\n"
                  "        for j in range(i, len(s)):\n            if s[i:j + 1] in ws:\n                return j\n"
                  "    return 0\n", "python")
    swift = skel("func f(_ s: String, _ words: [String]) -> Int {\n    let ws = Set(words)\n    let chars = Array(s)\n"
                 "    for i in 0..<chars.count {\n        for j in i..<chars.count {\n"
                 "            if ws.contains(String(chars[i...j])) {\n                return j\n            }\n"
                 "        }\n    }\n    return 0\n}\n", "swift")
    assert swift == python
    assert "slice(p0)" in swift


def test_swift_constant_width_range_subscript_is_no_slice():
    # chars[i...i + 2]: three characters, O(1), as Python's s[i:i + 3]
    swift = skel("func f(_ s: String) -> Int {\n    let chars = Array(s)\n    var n = 0\n"
                 "    for i in 0..<chars.count - 2 {\n        if String(chars[i...i + 2]) == \"abc\" {\n"
                 "            n += 1\n        }\n    }\n    return n\n}\n", "swift")
    assert "slice" not in swift


def test_swift_array_of_a_slice_returned_is_pythons_returned_slice():
    python = skel("def f(a: List[int]) -> List[int]:\n    j = 0\n    for x in a:\n        if x:\n"
                  "            a[j] = x\n            j += 1\n    return a[:j]\n", "python")
    swift = skel("func f(_ a: [Int]) -> [Int] {\n    var a = a\n    var j = 0\n    for x in a {\n"
                 "        if x != 0 {\n            a[j] = x\n            j += 1\n        }\n    }\n"
                 "    return Array(a[0..<j])\n}\n", "swift")
    assert swift == python


def test_swift_unicode_scalars_walk_the_string():
    python = skel("def f(s: str) -> int:\n    count = [0] * 128\n    for c in s:\n        count[ord(c)] += 1\n"
                  "    return max(count)\n", "python")
    swift = skel("func f(_ s: String) -> Int {\n    var count = [Int](repeating: 0, count: 128)\n"
                 "    for c in s.unicodeScalars {\n        count[Int(c.value)] += 1\n    }\n"
                 "    return count.max()!\n}\n", "swift")
    assert swift == python
    assert "for _" not in swift


# ------------------------------------------------------------------------------------------------ C++

def test_cpp_max_element_bounds_a_binary_search_like_max():
    python = skel("""
def ship(weights: List[int], days: int):
    l, r = max(weights), sum(weights)
    while l <= r:
        cap = (l + r) // 2
        if can(weights, cap):
            r = cap - 1
        else:
            l = cap + 1
    return l

def can(weights, cap):
    for w in weights:
        cap -= w
    return cap >= 0
""", "python")
    cpp = skel("""
class Solution {
public:
    int ship(vector<int>& weights, int days) {
        int l = *max_element(weights.begin(), weights.end());
        int r = accumulate(weights.begin(), weights.end(), 0);
        while (l <= r) {
            int cap = (l + r) / 2;
            if (can(weights, cap)) r = cap - 1; else l = cap + 1;
        }
        return l;
    }
    bool can(vector<int>& weights, int cap) {
        for (int w : weights) cap -= w;
        return cap >= 0;
    }
};
""", "cpp")
    assert cpp == python
    assert "for log(p0)" in cpp


def test_cpp_functional_cast_keeps_the_loop_bound():
    python = skel("def f(h: List[int]) -> int:\n    for i in range(len(h) - 1):\n        h[i] += h[i + 1]\n"
                  "    return 0\n", "python")
    cpp = skel("int f(vector<int>& h) {\n    for (int i = 0; i < int(h.size()) - 1; i++) {\n        h[i] += h[i + 1];\n"
               "    }\n    return 0;\n}\n", "cpp")
    assert cpp == python
    assert "for p0" in cpp


def test_cpp_string_of_a_literal_is_a_constant_loop():
    python = skel("def f(n: int) -> int:\n    res = 0\n    for c in 'aeiou':\n        res += g(n, c)\n"
                  "    return res\n\ndef g(n, c):\n    return n\n", "python")
    cpp = skel("int g(int n, char c) { return n; }\nint f(int n) {\n    int res = 0;\n"
               "    for (char c : string(\"aeiou\")) res += g(n, c);\n    return res;\n}\n", "cpp")
    assert cpp == python
    assert "for const" in cpp
    # a string built from a variable is no constant: its loop walks it
    assert "for const" not in skel("int f(string s) {\n    int r = 0;\n    for (char c : string(s)) r += c;\n"
                                   "    return r;\n}\n", "cpp")


def test_cpp_iterator_offset_names_its_container():
    python = skel("def f(products: List[str], word: str):\n    products.sort()\n    start = 0\n"
                  "    for c in word:\n        start = bisect_left(products, c, start)\n    return start\n", "python")
    cpp = skel("int f(vector<string>& products, string word) {\n    sort(products.begin(), products.end());\n"
               "    int start = 0;\n    for (char c : word) {\n"
               "        start = lower_bound(products.begin() + start, products.end(), string(1, c)) - products.begin();\n"
               "    }\n    return start;\n}\n", "cpp")
    assert cpp == python
    assert "bsearch(p0)" in cpp


# ------------------------------------------------------------------------------------------------ Rust

def test_rust_search_of_a_subslice_searches_the_vector():
    python = skel("def f(products: List[str], word: str):\n    products.sort()\n    start = 0\n"
                  "    for c in word:\n        start = bisect_left(products, c, start)\n    return start\n", "python")
    rust = skel("fn f(mut products: Vec<String>, word: String) -> usize {\n    products.sort();\n"
                "    let mut start = 0;\n    for c in word.chars() {\n"
                "        start += products[start..].partition_point(|p| p.as_str() < c.to_string().as_str());\n"
                "    }\n    start\n}\n", "rust")
    assert rust == python


# ------------------------------------------------------------------------------------------ all languages

def test_reading_the_visited_key_of_a_map_is_part_of_the_walk():
    python = skel("def f(arr: List[int]):\n    cnt = Counter(arr)\n    res = -1\n    for num in cnt:\n"
                  "        if num == cnt[num]:\n            res = max(num, res)\n    return res\n", "python")
    rust = skel("fn f(arr: Vec<i32>) -> i32 {\n    let mut count = HashMap::new();\n"
                "    for &num in &arr {\n        *count.entry(num).or_insert(0) += 1;\n    }\n    let mut res = -1;\n"
                "    for (&num, &freq) in &count {\n        if num == freq {\n            res = res.max(num);\n"
                "        }\n    }\n    res\n}\n", "rust")
    assert rust == python
    # a lookup by another key in the same walk is a real lookup
    other = skel("def f(arr):\n    cnt = Counter(arr)\n    res = 0\n    for num in cnt:\n"
                 "        res += cnt[num + 1]\n    return res\n", "python")
    assert "map.get" in other


def test_returned_comprehension_builds_the_list_it_returns():
    explicit = skel("def f(queries: List[int]) -> List[int]:\n    res = []\n    for q in queries:\n"
                    "        res.append(g(q))\n    return res\n\ndef g(q):\n    for i in range(q):\n        q -= 1\n"
                    "    return q\n", "python")
    returned = skel("def f(queries: List[int]) -> List[int]:\n    return [g(q) for q in queries]\n\n"
                    "def g(q):\n    for i in range(q):\n        q -= 1\n    return q\n", "python")
    rust = skel("fn f(queries: Vec<i32>) -> Vec<i32> {\n    queries.iter().map(|&q| g(q)).collect()\n}\n"
                "fn g(mut q: i32) -> i32 {\n    for _ in 0..q {\n        q -= 1;\n    }\n    q\n}\n", "rust")
    assert returned == explicit == rust
    assert "v0 = list(p0)" in rust
    # a generator reduced on return builds nothing
    assert "list(" not in skel("def f(xs: List[int]) -> int:\n    return sum(x * x for x in xs)\n", "python")


def test_cpp_cleared_member_declared_then_cleared_is_one_construction():
    python = skel(SUBSETS_PY, "python")
    cpp = skel("""
class Solution {
public:
    vector<vector<int>> res;
    vector<vector<int>> subsets(vector<int>& nums) {
        res.clear();
        vector<int> cur;
        dfs(0, nums, cur);
        return res;
    }
    void dfs(int i, vector<int>& nums, vector<int>& cur) {
        if (i >= nums.size()) {
            res.push_back(cur);
            return;
        }
        cur.push_back(nums[i]);
        dfs(i + 1, nums, cur);
        cur.pop_back();
        dfs(i + 1, nums, cur);
    }
};
""", "cpp")
    assert cpp.count("= list()") == python.count("= list()") == 2
    assert cpp == python


def test_swift_array_of_a_dropped_slice_is_the_slice():
    python = skel("def f(digits: List[int]) -> List[int]:\n    if not digits:\n        return [1]\n"
                  "    if digits[-1] < 9:\n        digits[-1] += 1\n        return digits\n"
                  "    return f(digits[:-1]) + [0]\n", "python")
    swift = skel("func f(_ digits: [Int]) -> [Int] {\n    if digits.isEmpty {\n        return [1]\n    }\n"
                 "    var digits = digits\n    if digits[digits.count - 1] < 9 {\n"
                 "        digits[digits.count - 1] += 1\n        return digits\n    }\n"
                 "    return f(Array(digits.dropLast())) + [0]\n}\n", "swift")
    assert swift == python
    assert "list()" not in swift


# -------------------------------------------------------------------------------------------------- C

def test_c_length_parameters_are_the_arrays_sizes():
    python = skel("def f(grid: List[List[int]], nums: List[int]) -> int:\n    s = 0\n    for i in range(len(nums)):\n"
                  "        s += nums[i]\n    for i in range(len(grid)):\n        for j in range(len(grid[0])):\n"
                  "            s += grid[i][j]\n    return s\n", "python")
    c = skel("int f(int** grid, int gridSize, int* gridColSize, int* nums, int numsSize) {\n    int s = 0;\n"
             "    for (int i = 0; i < numsSize; i++) s += nums[i];\n"
             "    for (int i = 0; i < gridSize; i++)\n        for (int j = 0; j < gridColSize[i]; j++) s += grid[i][j];\n"
             "    return s;\n}\n", "c")
    assert c == python
    assert c.startswith("skel 1\nfn f0(p0: seq, p1: seq) {")
    # a number that is no array's length stays a parameter
    assert "p1: num" in skel("int f(int* nums, int k) {\n    int s = 0;\n    for (int i = 0; i < k; i++) s += nums[i];\n"
                             "    return s;\n}\n", "c")


def test_c_walk_to_the_terminating_zero_walks_the_string():
    python = skel("def f(s: str) -> int:\n    n = 0\n    for c in s:\n        if c == '*':\n            n += 1\n"
                  "    return n\n", "python")
    c = skel("int f(char* s) {\n    int n = 0;\n    for (int i = 0; s[i]; i++) {\n        if (s[i] == '*') n++;\n"
             "    }\n    return n;\n}\n", "c")
    assert c == python


def test_c_malloc_of_one_struct_is_a_node_not_a_list():
    c = skel("struct ListNode* f(struct ListNode* head, int val) {\n"
             "    struct ListNode* node = (struct ListNode*) malloc(sizeof(struct ListNode));\n"
             "    node->val = val;\n    node->next = head;\n    return node;\n}\n", "c")
    assert "list" not in c
    assert "v0 = list(p0)" in skel("int* f(int* nums, int numsSize) {\n    int* dp = malloc(numsSize * sizeof(int));\n"
                                   "    for (int i = 0; i < numsSize; i++) dp[i] = nums[i] * 2;\n    return dp;\n}\n", "c")


def test_converging_two_pointer_swap_loop_is_a_reversal():
    python = skel("def f(s: List[str]) -> None:\n    s.reverse()\n", "python")
    written = skel("def f(s: List[str]) -> None:\n    l, r = 0, len(s) - 1\n    while l < r:\n"
                   "        s[l], s[r] = s[r], s[l]\n        l += 1\n        r -= 1\n", "python")
    go = skel("func f(s []byte) {\n    for i, j := 0, len(s)-1; i < j; i, j = i+1, j-1 {\n"
              "        s[i], s[j] = s[j], s[i]\n    }\n}\n", "go")
    cpp = skel("void f(vector<char>& s) {\n    int l = 0, r = s.size() - 1;\n    while (l < r) swap(s[l++], s[r--]);\n}\n", "cpp")
    rust = skel("fn f(s: &mut Vec<char>) {\n    let (mut l, mut r) = (0, s.len() - 1);\n    while l < r {\n"
                "        s.swap(l, r);\n        l += 1;\n        r -= 1;\n    }\n}\n", "rust")
    assert python == written == go == cpp == rust
    assert "reverse(p0)" in go
    # swapping neighbours (wiggle sort) or across two arrays is no reversal
    assert "reverse" not in skel("def f(s: List[int]) -> None:\n    for i in range(1, len(s), 2):\n"
                                 "        s[i], s[i - 1] = s[i - 1], s[i]\n", "python")
    assert "reverse" not in skel("def f(a: List[int], b: List[int]) -> None:\n    l, r = 0, len(a) - 1\n"
                                 "    while l < r:\n        a[l], b[r] = b[r], a[l]\n        l += 1\n        r -= 1\n",
                                 "python")


def test_go_constructor_local_returned_in_the_struct_is_the_field():
    python = skel("class NumArray:\n    def __init__(self, nums: List[int]):\n        self.prefix = []\n"
                  "        cur = 0\n        for n in nums:\n            cur += n\n            self.prefix.append(cur)\n\n"
                  "    def sumRange(self, left: int, right: int) -> int:\n"
                  "        return self.prefix[right] - (self.prefix[left - 1] if left > 0 else 0)\n", "python")
    go = skel("type NumArray struct {\n    prefix []int\n}\n\nfunc Constructor(nums []int) NumArray {\n"
              "    prefix := make([]int, len(nums))\n    cur := 0\n    for i, n := range nums {\n        cur += n\n"
              "        prefix[i] = cur\n    }\n    return NumArray{prefix: prefix}\n}\n\n"
              "func (this *NumArray) SumRange(left int, right int) int {\n    if left > 0 {\n"
              "        return this.prefix[right] - this.prefix[left-1]\n    }\n    return this.prefix[right]\n}\n", "go")
    assert go == python
    # the prefix list is built from nums; sumRange is O(1) detail, so only the constructor names the field
    # and it is the constructor's local (normalise/inline.py's localise_fields)
    assert "v0 = list(p0)" in go


def test_go_and_cpp_direction_tables_are_constant_data_like_python():
    # Go elides the inner type ([][]int{{1, 0}, ..}) and C++ wraps the literal in its type
    # (vector<vector<int>> dirs = {{1, 0}, ..}); both are Python's constant table dirs = [[1, 0], ..]
    python = skel("def f(grid):\n    dirs = [[1, 0], [-1, 0], [0, 1], [0, -1]]\n    for row in grid:\n"
                  "        for d in dirs:\n            print(row, d)\n", "python")
    go = skel("func f(grid [][]int) {\n    dirs := [][]int{{1, 0}, {-1, 0}, {0, 1}, {0, -1}}\n"
              "    for _, row := range grid {\n        for _, d := range dirs {\n            use(row, d)\n        }\n    }\n}\n", "go")
    cpp = skel("void f(vector<vector<int>>& grid) {\n    vector<vector<int>> dirs = {{1, 0}, {-1, 0}, {0, 1}, {0, -1}};\n"
               "    for (auto& row : grid) {\n        for (auto& d : dirs) {\n            use(row, d);\n        }\n    }\n}\n", "cpp")
    c_array = skel("void f(vector<vector<int>>& grid) {\n    int dirs[4][2] = {{1, 0}, {-1, 0}, {0, 1}, {0, -1}};\n"
                   "    for (auto& row : grid) {\n        for (auto& d : dirs) {\n            use(row, d);\n        }\n    }\n}\n", "cpp")
    assert go == python == cpp == c_array
    assert "for const {" in python and "list(" not in python
    # near miss: {0} only zero-fills a sized array, which stays the list it is
    zeroed = skel("void f(vector<int>& xs) {\n    int cnt[26] = {0};\n    for (int x : xs) cnt[x]++;\n}\n", "cpp")
    assert zeroed != skel("void f(vector<int>& xs) {\n    for (int x : xs) use(x);\n}\n", "cpp")
    # near miss: a Go list of structs built from variables is a list the program makes
    built = skel("func f(grid [][]int, a int) {\n    ps := []pair{{a, 0}, {0, a}}\n"
                 "    for _, row := range grid {\n        for _, p := range ps {\n            use(row, p)\n        }\n    }\n}\n", "go")
    assert "list(" in built


# --------------------------------------------------------------------------- swaps, init lists, heaps

LCS_PY = """
def lcs(text1: str, text2: str) -> int:
    if len(text1) < len(text2):
        text1, text2 = text2, text1
    dp = [0] * (len(text2) + 1)
    for i in range(len(text1) - 1, -1, -1):
        prev = 0
        for j in range(len(text2) - 1, -1, -1):
            temp = dp[j]
            dp[j] = 1 + prev if text1[i] == text2[j] else max(dp[j], dp[j + 1])
            prev = temp
    return dp[0]
"""


def test_swap_of_two_inputs_is_pythons_tuple_swap_in_cpp_swift_and_rust():
    python = skel(LCS_PY, "python")
    cpp = skel("int lcs(string text1, string text2) {\n    if (text1.size() < text2.size()) swap(text1, text2);\n"
               "    vector<int> dp(text2.size() + 1, 0);\n    for (int i = text1.size() - 1; i >= 0; --i) {\n"
               "        int prev = 0;\n        for (int j = text2.size() - 1; j >= 0; --j) {\n"
               "            int temp = dp[j];\n            dp[j] = text1[i] == text2[j] ? 1 + prev : max(dp[j], dp[j + 1]);\n"
               "            prev = temp;\n        }\n    }\n    return dp[0];\n}\n", "cpp")
    swift = skel("func lcs(_ text1: String, _ text2: String) -> Int {\n    var t1 = Array(text1), t2 = Array(text2)\n"
                 "    if t1.count < t2.count { swap(&t1, &t2) }\n    var dp = [Int](repeating: 0, count: t2.count + 1)\n"
                 "    for i in stride(from: t1.count - 1, through: 0, by: -1) {\n        var prev = 0\n"
                 "        for j in stride(from: t2.count - 1, through: 0, by: -1) {\n            let temp = dp[j]\n"
                 "            dp[j] = t1[i] == t2[j] ? 1 + prev : max(dp[j], dp[j + 1])\n            prev = temp\n"
                 "        }\n    }\n    return dp[0]\n}\n", "swift")
    rust = skel("fn lcs(text1: String, text2: String) -> i32 {\n    let (mut t1, mut t2) = (text1, text2);\n"
                "    if t1.len() < t2.len() {\n        std::mem::swap(&mut t1, &mut t2);\n    }\n"
                "    let (a, b) = (t1.as_bytes(), t2.as_bytes());\n    let mut dp = vec![0; b.len() + 1];\n"
                "    for i in (0..a.len()).rev() {\n        let mut prev = 0;\n        for j in (0..b.len()).rev() {\n"
                "            let temp = dp[j];\n            dp[j] = if a[i] == b[j] { 1 + prev } else { dp[j].max(dp[j + 1]) };\n"
                "            prev = temp;\n        }\n    }\n    dp[0]\n}\n", "rust")
    assert cpp == python
    assert swift == python
    assert rust == python
    assert "  for p1 {\n" in python  # the outer loop runs over the longer input: the swap matters


def test_element_swap_stays_an_element_exchange():
    cpp = skel("void f(vector<int>& a) {\n    for (int i = 0, j = a.size() - 1; i < j; i++, j--) swap(a[i], a[j]);\n}\n",
               "cpp")
    assert "reverse(p0)" in cpp  # the two-pointer swap loop is still recognised as a reversal


def test_cpp_initialiser_list_taking_a_parameter_keeps_the_callers_collection():
    python = skel("class NumArray:\n    def __init__(self, nums: List[int]):\n        self.nums = nums\n"
                  "    def sumRange(self, left: int, right: int) -> int:\n        res = 0\n"
                  "        for i in range(left, right + 1):\n            res += self.nums[i]\n        return res\n",
                  "python")
    cpp = skel("class NumArray {\n    vector<int> nums;\npublic:\n    NumArray(vector<int>& nums) : nums(nums) {}\n"
               "    int sumRange(int left, int right) {\n        int res = 0;\n"
               "        for (int i = left; i <= right; i++) res += nums[i];\n        return res;\n    }\n};\n", "cpp")
    assert cpp == python


def test_cpp_initialiser_list_with_a_size_still_builds_a_sized_array():
    cpp = skel("class A {\n    vector<int> seen;\npublic:\n    A(int n) : seen(n) {}\n"
               "    int get(int i) { return seen[i]; }\n};\n", "cpp")
    assert "list(p0)" in cpp  # seen(n): n zeros, a construction, not an alias of n


_SWIFT_HEAP = """
struct Heap<T> {
    var elements: [T] = []
    let comparator: (T, T) -> Bool
    init(comparator: @escaping (T, T) -> Bool) { self.comparator = comparator }
    var isEmpty: Bool { elements.isEmpty }
    mutating func insert(_ value: T) {
        elements.append(value)
        var child = elements.count - 1
        while child > 0 && comparator(elements[child], elements[(child - 1) / 2]) {
            elements.swapAt(child, (child - 1) / 2)
            child = (child - 1) / 2
        }
    }
    mutating func remove() -> T? {
        guard !elements.isEmpty else { return nil }
        elements.swapAt(0, elements.count - 1)
        let removed = elements.removeLast()
        var parent = 0
        while true {
            var candidate = parent
            let left = 2 * parent + 1
            if left < elements.count && comparator(elements[left], elements[candidate]) { candidate = left }
            if candidate == parent { break }
            elements.swapAt(parent, candidate)
            parent = candidate
        }
        return removed
    }
}
"""


def test_swift_hand_written_heap_is_the_library_heap():
    python = skel("def f(sticks: List[int]) -> int:\n    h = []\n    for s in sticks:\n        heapq.heappush(h, s)\n"
                  "    res = 0\n    while len(h) > 1:\n        a = heapq.heappop(h)\n        b = heapq.heappop(h)\n"
                  "        res += a + b\n        heapq.heappush(h, a + b)\n    return res\n", "python")
    swift = skel("class Solution {\n    func f(_ sticks: [Int]) -> Int {\n        var h = Heap<Int>(comparator: <)\n"
                 "        for s in sticks { h.insert(s) }\n        var res = 0\n        while h.count > 1 {\n"
                 "            let a = h.remove()!\n            let b = h.remove()!\n            res += a + b\n"
                 "            h.insert(a + b)\n        }\n        return res\n    }\n}\n" + _SWIFT_HEAP, "swift")
    assert swift == python
    assert "heap.pop" in swift


def test_swift_class_with_other_methods_named_like_a_heap_is_kept():
    swift = skel("class Heap {\n    var items = [Int]()\n    func add(_ x: Int) {\n"
                 "        for i in 0..<items.count { if items[i] > x { items.insert(x, at: i); return } }\n"
                 "        items.append(x)\n    }\n}\n", "swift")
    assert "for " in swift  # no insert/remove pair: a user class like any other, its loop stays


def test_swift_helper_taking_characters_takes_the_string():
    python = skel("class Solution:\n    def parse(self, expression: str) -> str:\n"
                  "        return self.solve(expression, 0, len(expression) - 1)\n"
                  "    def solve(self, e, i, j):\n        if i == j:\n            return e[i]\n        k = i\n"
                  "        while e[k] != '?':\n            k += 1\n        return self.solve(e, k + 1, j)\n", "python")
    swift = skel("class Solution {\n    func parse(_ expression: String) -> String {\n"
                 "        let chars = Array(expression)\n        return solve(chars, 0, chars.count - 1)\n    }\n"
                 "    private func solve(_ e: [Character], _ i: Int, _ j: Int) -> String {\n"
                 "        if i == j { return String(e[i]) }\n        var k = i\n"
                 "        while e[k] != \"?\" { k += 1 }\n        return solve(e, k + 1, j)\n    }\n}\n", "swift")
    assert swift == python
    assert "(p0: str" in swift.split("fn f1")[1]


def test_swift_entry_and_inout_characters_stay_sequences():
    entry = skel("class Solution {\n    func leastInterval(_ tasks: [Character], _ n: Int) -> Int {\n"
                 "        return tasks.count + n\n    }\n}\n", "swift")
    assert "p0: seq" in entry  # the problem's API: List[str] in Python
    inout = skel("class Solution {\n    func f(_ s: String) -> Int {\n        var path = [Character]()\n"
                 "        go(&path, 0)\n        return path.count\n    }\n"
                 "    private func go(_ path: inout [Character], _ i: Int) {\n        if i > 3 { return }\n"
                 "        path.append(\"a\")\n        go(&path, i + 1)\n    }\n}\n", "swift")
    assert "str" not in inout.split("fn f1")[1].splitlines()[0]  # a mutated [Character] is a list


def test_go_comma_ok_value_is_the_read_where_it_is_used():
    python = skel("def f(nums: List[int], k: int) -> bool:\n    mp = {}\n    for i in range(len(nums)):\n"
                  "        if nums[i] in mp and i - mp[nums[i]] <= k:\n            return True\n"
                  "        mp[nums[i]] = i\n    return False\n", "python")
    go = skel("func f(nums []int, k int) bool {\n    mp := make(map[int]int)\n    for i, num := range nums {\n"
              "        if j, ok := mp[num]; ok && i-j <= k {\n            return true\n        }\n"
              "        mp[num] = i\n    }\n    return false\n}\n", "go")
    assert go == python


def test_go_comma_ok_value_read_in_the_else_branch_and_in_a_nested_test():
    python = skel("def f(s: str, words: List[str]) -> int:\n    first = {}\n    res = -1\n"
                  "    for i, c in enumerate(s):\n        if c in first:\n            if words[first[c]] != words[i]:\n"
                  "                return 0\n        else:\n            first[c] = i\n    return res\n", "python")
    go = skel("func f(s string, words []string) int {\n    first := make(map[byte]int)\n    res := -1\n"
              "    for i := 0; i < len(s); i++ {\n        c := s[i]\n        if idx, ok := first[c]; ok {\n"
              "            if words[idx] != words[i] {\n                return 0\n            }\n        } else {\n"
              "            first[c] = i\n        }\n    }\n    return res\n}\n", "go")
    assert go == python
    only_ok = skel("func f(s string) int {\n    first := make(map[byte]int)\n    n := 0\n"
                   "    for i := 0; i < len(s); i++ {\n        if _, ok := first[s[i]]; ok {\n            n++\n"
                   "        }\n        first[s[i]] = i\n    }\n    return n\n}\n", "go")
    assert "map.get" not in only_ok  # the value is never read: a membership test only


def test_max_written_as_an_if_is_pythons_max():
    python = skel("def f(s: str) -> int:\n    first = {}\n    res = -1\n    for i, c in enumerate(s):\n"
                  "        if c in first:\n            res = max(res, i - first[c] - 1)\n        else:\n"
                  "            first[c] = i\n    return res\n", "python")
    go = skel("func f(s string) int {\n    first := make(map[byte]int)\n    res := -1\n"
              "    for i := 0; i < len(s); i++ {\n        c := s[i]\n        if _, ok := first[c]; ok {\n"
              "            if i-first[c]-1 > res {\n                res = i - first[c] - 1\n            }\n"
              "        } else {\n            first[c] = i\n        }\n    }\n    return res\n}\n", "go")
    assert go == python


def test_an_if_that_does_more_than_its_test_reads_stays():
    go = skel("func f(nums []int, m map[int]int) []int {\n    res := []int{}\n    for _, x := range nums {\n"
              "        if m[x] > 0 {\n            res = append(res, m[x])\n        }\n    }\n    return res\n}\n", "go")
    assert "if map.get" in go  # an append under the test: real conditional work
