class Solution {
    private Map<Integer, Integer> cache = new HashMap<>();
    private int n;

    public int climbStairs(int n) {
        this.n = n;
        return dfs(0);
    }

    private int dfs(int i) {
        if (i >= n) return i == n ? 1 : 0;
        if (cache.containsKey(i)) return cache.get(i);
        cache.put(i, dfs(i + 1) + dfs(i + 2));
        return cache.get(i);
    }
}
