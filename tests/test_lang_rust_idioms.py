"""Rust idioms that translate Python one-for-one must give Python's skeleton (and different algorithms must
not): the cross-language agreement cases of issue 3 for Rust."""

from __future__ import annotations

from skeldsl import extract_text


def py(source: str) -> str:
    return extract_text(source, "python")


def rs(source: str) -> str:
    return extract_text(source, "rust")


def test_get_mut_in_compound_assignment_is_a_map_update():
    python = py("def f(nums: List[int]):\n    count = {}\n    for x in nums:\n        count[x] -= 1\n")
    rust = rs("fn f(nums: Vec<i32>) {\n    let mut count = HashMap::new();\n    for &x in &nums {\n"
              "        *count.get_mut(&x).unwrap() -= 1;\n    }\n}\n")
    assert rust == python
    assert "v0 = map(p0)" in rust  # a counting loop over nums, as Python's


def test_string_new_is_a_growing_string():
    python = py("def f(s: str):\n    t = ''\n    for c in s:\n        t += c\n    return t\n")
    rust = rs("fn f(s: String) -> String {\n    let mut t = String::new();\n    for c in s.chars() {\n"
              "        t.push(c);\n    }\n    t\n}\n")
    assert rust == python  # (a string grown char by char over s: the canonical form is a join over s)


def test_as_bytes_is_the_string_itself():
    python = py("def f(s: str):\n    for i in range(len(s)):\n        if s[i] == 'a':\n            return i\n"
                "    return -1\n")
    for view in ("s.as_bytes()", "s.as_bytes().to_vec()"):
        rust = rs(f"fn f(s: String) -> i32 {{\n    let b = {view};\n    for i in 0..b.len() {{\n"
                  "        if b[i] == b'a' {\n            return i as i32;\n        }\n    }\n    -1\n}\n")
        assert rust == python, view


def test_collected_range_is_a_filled_list():
    python = py("def f(n: int):\n    dp = list(range(n + 1))\n    for i in range(n):\n        dp[i] += 1\n"
                "    return dp[n]\n")
    rust = rs("fn f(n: i32) -> i32 {\n    let n = n as usize;\n    let mut dp: Vec<i32> = (0..=n as i32).collect();\n"
              "    for i in 0..n {\n        dp[i] += 1;\n    }\n    dp[n]\n}\n")
    assert rust == python
    assert "list(p0)" in rust


_PY_INORDER = ("def f(root: Optional[TreeNode]) -> List[int]:\n    res = []\n    def dfs(node):\n"
               "        if not node:\n            return\n        dfs(node.left)\n        res.append(node.val)\n"
               "        dfs(node.right)\n    dfs(root)\n    return res\n")


def test_if_let_some_around_the_recursion_is_the_base_case_guard():
    rust = rs("impl Solution {\n    pub fn f(root: Option<Rc<RefCell<TreeNode>>>) -> Vec<i32> {\n"
              "        let mut res = Vec::new();\n        Self::dfs(&root, &mut res);\n        res\n    }\n"
              "    fn dfs(node: &Option<Rc<RefCell<TreeNode>>>, res: &mut Vec<i32>) {\n"
              "        if let Some(n) = node {\n            let n = n.borrow();\n            Self::dfs(&n.left, res);\n"
              "            res.push(n.val);\n            Self::dfs(&n.right, res);\n        }\n    }\n}\n")
    assert rust == py(_PY_INORDER)


def test_tail_if_let_with_a_value_is_the_guard_too():
    python = py("def f(root: Optional[TreeNode]) -> int:\n    if not root:\n        return 0\n"
                "    return 1 + max(f(root.left), f(root.right))\n")
    for body in ("if let Some(n) = root {\n        let n = n.borrow();\n"
                 "        1 + f(n.left.clone()).max(f(n.right.clone()))\n    } else {\n        0\n    }",
                 "let n = match root {\n        None => return 0,\n        Some(n) => n,\n    };\n"
                 "    let n = n.borrow();\n    1 + f(n.left.clone()).max(f(n.right.clone()))",
                 "let Some(n) = root else {\n        return 0;\n    };\n"
                 "    let n = n.borrow();\n    1 + f(n.left.clone()).max(f(n.right.clone()))"):
        rust = rs(f"fn f(root: Option<Rc<RefCell<TreeNode>>>) -> i32 {{\n    {body}\n}}\n")
        assert rust == python, body


def test_a_non_recursive_tail_if_is_not_a_guard():
    rust = rs("fn f(nums: Vec<i32>, n: i32) {\n    let mut seen = HashSet::new();\n"
              "    if n > 0 {\n        for &x in &nums {\n            seen.insert(x);\n        }\n    }\n}\n")
    assert "return" not in rust


def test_mut_scalar_parameter_is_the_running_answer():
    python = py("class Solution:\n    def f(self, root: Optional[TreeNode]) -> int:\n        self.best = 0\n"
                "        self.dfs(root)\n        return self.best\n    def dfs(self, node):\n        if not node:\n"
                "            return 0\n        l = self.dfs(node.left)\n        r = self.dfs(node.right)\n"
                "        self.best = max(self.best, l + r)\n        return 1 + max(l, r)\n")
    rust = rs("impl Solution {\n    pub fn f(root: Option<Rc<RefCell<TreeNode>>>) -> i32 {\n        let mut best = 0;\n"
              "        Self::dfs(&root, &mut best);\n        best\n    }\n"
              "    fn dfs(node: &Option<Rc<RefCell<TreeNode>>>, best: &mut i32) -> i32 {\n"
              "        match node {\n            None => 0,\n            Some(n) => {\n                let n = n.borrow();\n"
              "                let l = Self::dfs(&n.left, best);\n                let r = Self::dfs(&n.right, best);\n"
              "                *best = (*best).max(l + r);\n                1 + l.max(r)\n            }\n        }\n"
              "    }\n}\n")
    assert rust == python
    # a mutable collection parameter is real data and stays
    assert "p0: seq" in rs("fn f(xs: &mut Vec<i32>, k: &mut i32) {\n    xs.push(1);\n}\n")


def test_if_let_get_binding_is_the_lookup():
    python = py("def f(nums: List[int], k: int) -> bool:\n    last = {}\n    for i, x in enumerate(nums):\n"
                "        if x in last and i - last[x] <= k:\n            return True\n        last[x] = i\n"
                "    return False\n")
    rust = rs("fn f(nums: Vec<i32>, k: i32) -> bool {\n    let mut last = HashMap::new();\n"
              "    for (i, &x) in nums.iter().enumerate() {\n        if let Some(&j) = last.get(&x) {\n"
              "            if i - j <= k as usize {\n                return true;\n            }\n        }\n"
              "        last.insert(x, i);\n    }\n    false\n}\n")
    assert rust == python


def test_if_let_get_names_do_not_leak_out_of_the_branch():
    rust = rs("fn f(nums: Vec<i32>, m: HashMap<i32, i32>) -> i32 {\n    let mut v = 0;\n"
              "    if let Some(&v) = m.get(&1) {\n        return v;\n    }\n    for v in 0..nums.len() {\n"
              "        if v > 2 {\n            return 1;\n        }\n    }\n    v\n}\n")
    assert rust.count("map.get") == 1


def test_slice_to_vec_is_the_slice():
    python = py("def f(nums: List[int]) -> int:\n    if len(nums) < 2:\n        return 0\n"
                "    return f(nums[1:]) + f(nums[:1])\n")
    for copy in (".to_vec()", ".iter().cloned().collect()"):
        rust = rs(f"fn f(nums: Vec<i32>) -> i32 {{\n    if nums.len() < 2 {{\n        return 0;\n    }}\n"
                  f"    f(nums[1..]{copy}) + f(nums[..1]{copy})\n}}\n")
        assert rust == python, copy
        assert "copy" not in rust


def test_byte_slice_parameter_is_a_string():
    python = py("def f(s: str, t: List[int]) -> int:\n    return g(s, 0)\n\ndef g(s: str, i: int) -> int:\n"
                "    if i == len(s):\n        return 0\n    return g(s, i + 1)\n")
    rust = rs("fn f(s: String, t: Vec<i32>) -> i32 {\n    g(s.as_bytes(), 0)\n}\n"
              "fn g(s: &[u8], i: usize) -> i32 {\n    if i == s.len() {\n        return 0;\n    }\n    g(s, i + 1)\n}\n")
    assert rust == python
    assert "p0: seq" in rs("fn g(s: &[i32], i: usize) -> i32 {\n    0\n}\n")


def test_set_insert_as_a_condition_is_test_then_add():
    python = py("def f(nums: List[int]) -> bool:\n    seen = set()\n    for x in nums:\n        if x in seen:\n"
                "            return True\n        seen.add(x)\n    return False\n")
    rust = rs("fn f(nums: Vec<i32>) -> bool {\n    let mut seen = HashSet::new();\n    for &x in &nums {\n"
              "        if !seen.insert(x) {\n            return true;\n        }\n    }\n    false\n}\n")
    assert rust == python
    python = py("def f(nums: List[int]) -> List[int]:\n    seen = set()\n    res = []\n    for x in nums:\n"
                "        if x not in seen:\n            seen.add(x)\n            res.append(x)\n    return res\n")
    rust = rs("fn f(nums: Vec<i32>) -> Vec<i32> {\n    let mut seen = HashSet::new();\n    let mut res = vec![];\n"
              "    for &x in &nums {\n        if seen.insert(x) {\n            res.push(x);\n        }\n    }\n    res\n}\n")
    assert rust == python


def test_rev_collect_is_a_reversed_copy_and_collect_into_string_a_join():
    python = py("def f(s: str) -> str:\n    t = s[::-1]\n    chars = sorted(s)\n    return ''.join(chars) + t\n")
    rust = rs("fn f(s: String) -> String {\n    let t: Vec<u8> = s.bytes().rev().collect();\n"
              "    let mut chars: Vec<char> = s.chars().collect();\n    chars.sort();\n"
              "    let u: String = chars.into_iter().collect();\n    u + &String::from_utf8(t).unwrap()\n}\n")
    assert rust == python
    assert "reverse(p0)" in rust
    joined = rs("fn f(words: Vec<String>) -> String {\n    let u: String = words.into_iter().collect();\n    u\n}\n")
    assert joined == py("def f(words: List[str]) -> str:\n    u = ''.join(words)\n    return u\n")
    assert "str.join(p0)" in joined


def test_guarded_root_push_is_part_of_building_the_queue():
    python = py("def f(root: Optional[TreeNode]) -> int:\n    q = deque([root])\n    res = 0\n    while q:\n"
                "        node = q.popleft()\n        res += 1\n        if node.left:\n            q.append(node.left)\n"
                "    return res\n")
    rust = rs("fn f(root: Option<Rc<RefCell<TreeNode>>>) -> i32 {\n    let mut q = VecDeque::new();\n"
              "    if let Some(r) = root {\n        q.push_back(r);\n    }\n    let mut res = 0;\n"
              "    while let Some(node) = q.pop_front() {\n        res += 1;\n"
              "        if let Some(l) = node.borrow().left.clone() {\n            q.push_back(l);\n        }\n    }\n"
              "    res\n}\n")
    assert rust == python


def test_initial_insert_before_a_counting_loop_is_part_of_the_count():
    python = py("def f(nums: List[int], k: int) -> int:\n    count = {0: 1}\n    total = res = 0\n    for x in nums:\n"
                "        total += x\n        res += count.get(total - k, 0)\n        count[total] = count.get(total, 0) + 1\n"
                "    return res\n")
    rust = rs("fn f(nums: Vec<i32>, k: i32) -> i32 {\n    let mut count = HashMap::new();\n    count.insert(0, 1);\n"
              "    let (mut total, mut res) = (0, 0);\n    for &x in &nums {\n        total += x;\n"
              "        if total < 0 {\n            total += k;\n        }\n"
              "        res += count.get(&(total - k)).unwrap_or(&0);\n        *count.entry(total).or_insert(0) += 1;\n"
              "    }\n    res\n}\n")
    assert rust == python


def test_if_let_get_around_a_walk_is_the_walk():
    python = py("def f(adj: dict, u: int) -> int:\n    res = 0\n    for v in adj[u]:\n        res += v\n    return res\n")
    rust = rs("fn f(adj: HashMap<i32, Vec<i32>>, u: i32) -> i32 {\n    let mut res = 0;\n"
              "    if let Some(vs) = adj.get(&u) {\n        for &v in vs {\n            res += v;\n        }\n    }\n"
              "    res\n}\n")
    assert rust == python


def test_backtracking_state_passed_by_value_is_like_captured_state():
    python = py("class Solution:\n    def f(self, n: int) -> int:\n        cols = set()\n        res = 0\n"
                "        def bt(r):\n            nonlocal res\n            if r == n:\n                res += 1\n"
                "                return\n            for c in range(n):\n                if c in cols:\n"
                "                    continue\n                cols.add(c)\n                bt(r + 1)\n"
                "                cols.remove(c)\n        bt(0)\n        return res\n")
    rust = rs("impl Solution {\n    pub fn f(n: i32) -> i32 {\n        let mut res = 0;\n"
              "        Self::bt(0, n as usize, 0, &mut res);\n        res\n    }\n"
              "    fn bt(r: usize, n: usize, cols: u32, res: &mut i32) {\n        if r == n {\n"
              "            *res += 1;\n            return;\n        }\n        for c in 0..n {\n"
              "            if cols & (1 << c) != 0 {\n                continue;\n            }\n"
              "            Self::bt(r + 1, n, cols | (1 << c), res);\n        }\n    }\n}\n")
    assert "fn f1(p0: num) {" in rust  # n, the loop's bound; r and the bitmask are O(1) state
    python_helper = python.split("fn f1")[1].splitlines()[0]
    assert python_helper == "(p0: num, p1: set) {"  # the set Python captures is real data and stays


# ------------------------------------------------------------------ ? / concatenation / swap / moved clones


def test_question_mark_on_an_option_is_the_none_guard():
    python = py("def f(root: Optional[TreeNode], t: int) -> Optional[TreeNode]:\n    if not root:\n        return None\n"
                "    root.left = f(root.left, t)\n    root.right = f(root.right, t)\n    return root\n")
    rust = rs("fn f(root: Option<Rc<RefCell<TreeNode>>>, t: i32) -> Option<Rc<RefCell<TreeNode>>> {\n"
              "    let node = root?;\n    let l = f(node.borrow().left.clone(), t);\n"
              "    let r = f(node.borrow().right.clone(), t);\n    node.borrow_mut().left = l;\n"
              "    node.borrow_mut().right = r;\n    Some(node)\n}\n")
    assert rust == python
    assert "return" in rust


def test_question_mark_inside_a_closure_guards_the_closure_only():
    rust = rs("fn f(xs: Vec<String>) -> i32 {\n    let mut total = 0;\n    for x in &xs {\n"
              "        let v: Option<i32> = (|| Some(x.parse::<i32>().ok()?))();\n        total += v.unwrap_or(0);\n"
              "    }\n    total\n}\n")
    assert "return" not in rust


def test_literal_then_extend_is_a_list_concatenation():
    python = py("def f(nums: List[int]) -> int:\n    nums = [1] + nums + [1]\n    res = 0\n"
                "    for i in range(1, len(nums) - 1):\n        res += nums[i - 1] * nums[i] * nums[i + 1]\n"
                "    return res\n")
    rust = rs("fn f(nums: Vec<i32>) -> i32 {\n    let mut new_nums = vec![1];\n    new_nums.extend_from_slice(&nums);\n"
              "    new_nums.push(1);\n    let mut res = 0;\n    for i in 1..new_nums.len() - 1 {\n"
              "        res += new_nums[i - 1] * new_nums[i] * new_nums[i + 1];\n    }\n    res\n}\n")
    assert rust == python
    assert "list(p0)" in rust


def test_literal_then_push_only_stays_a_list_built_in_steps():
    python = py("def f(nums: List[int], n: int) -> List[int]:\n    res = [1]\n    res.append(n)\n"
                "    for x in nums:\n        if x > n:\n            res.append(x)\n    return res\n")
    rust = rs("fn f(nums: Vec<i32>, n: i32) -> Vec<i32> {\n    let mut res = vec![1];\n    res.push(n);\n"
              "    for &x in &nums {\n        if x > n {\n            res.push(x);\n        }\n    }\n    res\n}\n")
    assert rust == python  # no extend: not a concatenation, the pushes stay appends
    assert "list.append" in rust


def test_mem_swap_is_a_tuple_swap():
    python = py("def f(s1: str, s2: str) -> int:\n    m, n = len(s1), len(s2)\n    if n < m:\n"
                "        s1, s2 = s2, s1\n        m, n = n, m\n    res = 0\n    for i in range(m):\n"
                "        for j in range(n):\n            res += 1\n    return res\n")
    rust = rs("fn f(s1: String, s2: String) -> i32 {\n    let (mut s1, mut s2) = (s1, s2);\n"
              "    let (mut m, mut n) = (s1.len(), s2.len());\n    if n < m {\n"
              "        std::mem::swap(&mut s1, &mut s2);\n        std::mem::swap(&mut m, &mut n);\n    }\n"
              "    let mut res = 0;\n    for i in 0..m {\n        for j in 0..n {\n            res += 1;\n        }\n"
              "    }\n    res\n}\n")
    assert rust == python
    assert "for p1 {" in rust  # after the swap m is len(s2)


def test_clone_stored_then_returned_is_the_one_list():
    python = py("def f(nums: List[int]) -> List[int]:\n    cache = {}\n    def dfs(i):\n"
                "        if i in cache:\n            return cache[i]\n        res = []\n"
                "        for j in range(i + 1, len(nums)):\n            tmp = dfs(j)\n"
                "            if len(tmp) > len(res):\n                res = tmp\n"
                "        cache[i] = res\n        return res\n    return dfs(0)\n")
    rust = rs("fn f(nums: Vec<i32>) -> Vec<i32> {\n    let mut cache: HashMap<usize, Vec<i32>> = HashMap::new();\n"
              "    fn dfs(i: usize, nums: &Vec<i32>, cache: &mut HashMap<usize, Vec<i32>>) -> Vec<i32> {\n"
              "        if let Some(c) = cache.get(&i) {\n            return c.clone();\n        }\n"
              "        let mut res = vec![];\n        for j in i + 1..nums.len() {\n"
              "            let tmp = dfs(j, nums, cache);\n            if tmp.len() > res.len() {\n"
              "                res = tmp;\n            }\n        }\n        cache.insert(i, res.clone());\n"
              "        res\n    }\n    dfs(0, &nums, &mut cache)\n}\n")
    assert rust == python
    assert "copy" not in rust


def test_clone_kept_when_the_original_lives_on():
    rust = rs("fn f(nums: Vec<i32>) -> Vec<Vec<i32>> {\n    let mut res = Vec::new();\n    let mut path = Vec::new();\n"
              "    for &x in &nums {\n        path.push(x);\n        res.push(path.clone());\n    }\n    res\n}\n")
    assert "copy(" in rust  # a snapshot per iteration: O(n) work each time


def test_declared_set_from_a_literal_is_a_set():
    python = py("def f(s: str) -> int:\n    vowels = {'a', 'e', 'i', 'o', 'u'}\n    res = 0\n    for c in s:\n"
                "        if c in vowels:\n            res += 1\n    return res\n")
    rust = rs("fn f(s: String) -> i32 {\n    let vowels: HashSet<u8> = [b'a', b'e', b'i', b'o', b'u'].into();\n"
              "    let mut res = 0;\n    for c in s.bytes() {\n        if vowels.contains(&c) {\n            res += 1;\n"
              "        }\n    }\n    res\n}\n")
    assert rust == python
    assert "set.has" in rust


def test_contains_on_a_row_is_a_list_search():
    python = py("def f(nums: List[int]) -> List[List[int]]:\n    res = []\n    for num in nums:\n        r = 0\n"
                "        while r < len(res):\n            if num not in res[r]:\n                break\n            r += 1\n"
                "        if r == len(res):\n            res.append([])\n        res[r].append(num)\n    return res\n")
    rust = rs("fn f(nums: Vec<i32>) -> Vec<Vec<i32>> {\n    let mut res: Vec<Vec<i32>> = Vec::new();\n"
              "    for &num in &nums {\n        let mut r = 0;\n        while r < res.len() {\n"
              "            if !res[r].contains(&num) {\n                break;\n            }\n            r += 1;\n"
              "        }\n        if r == res.len() {\n            res.push(Vec::new());\n        }\n"
              "        res[r].push(num);\n    }\n    res\n}\n")
    assert rust == python
    assert "list.has" in rust


_PY_ISLANDS = ("def f(grid: List[List[str]]) -> int:\n    directions = [[1, 0], [-1, 0], [0, 1], [0, -1]]\n"
               "    islands = 0\n    def dfs(r, c):\n        if r < 0 or c < 0 or grid[r][c] == '0':\n            return\n"
               "        grid[r][c] = '0'\n        for dr, dc in directions:\n            dfs(r + dr, c + dc)\n"
               "    for r in range(len(grid)):\n        for c in range(len(grid[0])):\n            if grid[r][c] == '1':\n"
               "                dfs(r, c)\n                islands += 1\n    return islands\n")


def test_direction_table_passed_to_a_nested_fn_is_the_captured_table():
    rust = rs("fn f(grid: Vec<Vec<char>>) -> i32 {\n    let mut grid = grid;\n"
              "    let directions = [(1i32, 0i32), (-1, 0), (0, 1), (0, -1)];\n    let mut islands = 0;\n"
              "    fn dfs(grid: &mut Vec<Vec<char>>, r: i32, c: i32, directions: &[(i32, i32)]) {\n"
              "        if r < 0 || c < 0 || grid[r as usize][c as usize] == '0' {\n            return;\n        }\n"
              "        grid[r as usize][c as usize] = '0';\n        for &(dr, dc) in directions {\n"
              "            dfs(grid, r + dr, c + dc, directions);\n        }\n    }\n"
              "    for r in 0..grid.len() {\n        for c in 0..grid[0].len() {\n            if grid[r][c] == '1' {\n"
              "                dfs(&mut grid, r as i32, c as i32, &directions);\n                islands += 1;\n"
              "            }\n        }\n    }\n    islands\n}\n")
    assert rust == py(_PY_ISLANDS)
    assert "for const" in rust


def test_literal_matrix_argument_that_is_only_indexed_stays_an_argument():
    from skeldsl.extractors import rust

    module = rust.extract("fn f(n: i32) -> i64 {\n    fn pow(m: &[[i64; 2]; 2], mut p: i32) -> [[i64; 2]; 2] {\n"
                          "        let mut r = [[1i64, 0], [0, 1]];\n        while p > 0 {\n"
                          "            r[0][0] += m[0][0];\n            p /= 2;\n        }\n        r\n    }\n"
                          "    let m = [[1i64, 1], [1, 0]];\n    pow(&m, n)[0][0]\n}\n")
    helper = next(stmt for stmt in module.functions[0].body if getattr(stmt, "name", None) == "pow")
    assert [param.name for param in helper.params] == ["m", "p"]  # its input (Python passes it too)


def test_direction_table_under_another_parameter_name_is_the_captured_table_too():
    rust = rs("fn f(grid: Vec<Vec<char>>) -> i32 {\n    let mut grid = grid;\n"
              "    let directions = [(1i32, 0i32), (-1, 0), (0, 1), (0, -1)];\n    let mut islands = 0;\n"
              "    fn dfs(grid: &mut Vec<Vec<char>>, r: i32, c: i32, dirs: &[(i32, i32)]) {\n"
              "        if r < 0 || c < 0 || grid[r as usize][c as usize] == '0' {\n            return;\n        }\n"
              "        grid[r as usize][c as usize] = '0';\n        for &(dr, dc) in dirs {\n"
              "            dfs(grid, r + dr, c + dc, dirs);\n        }\n    }\n"
              "    for r in 0..grid.len() {\n        for c in 0..grid[0].len() {\n            if grid[r][c] == '1' {\n"
              "                dfs(&mut grid, r as i32, c as i32, &directions);\n                islands += 1;\n"
              "            }\n        }\n    }\n    islands\n}\n")
    assert rust == py(_PY_ISLANDS)
