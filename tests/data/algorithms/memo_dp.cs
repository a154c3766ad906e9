public class Solution {
    public int ClimbStairs(int n) {
        var cache = new Dictionary<int, int>();
        int Dfs(int i) {
            if (i >= n) return i == n ? 1 : 0;
            if (cache.ContainsKey(i)) return cache[i];
            cache[i] = Dfs(i + 1) + Dfs(i + 2);
            return cache[i];
        }
        return Dfs(0);
    }
}
