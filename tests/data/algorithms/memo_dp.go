func climbStairs(n int) int {
    cache := map[int]int{}
    var dfs func(i int) int
    dfs = func(i int) int {
        if i >= n {
            if i == n {
                return 1
            }
            return 0
        }
        if v, ok := cache[i]; ok {
            return v
        }
        cache[i] = dfs(i+1) + dfs(i+2)
        return cache[i]
    }
    return dfs(0)
}
