class Solution {
    func climbStairs(_ n: Int) -> Int {
        var cache = [Int: Int]()

        func dfs(_ i: Int) -> Int {
            if i >= n {
                return i == n ? 1 : 0
            }
            if let cached = cache[i] {
                return cached
            }
            cache[i] = dfs(i + 1) + dfs(i + 2)
            return cache[i]!
        }

        return dfs(0)
    }
}
