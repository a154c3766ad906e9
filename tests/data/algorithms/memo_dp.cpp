class Solution {
    unordered_map<int, int> cache;
    int n;

    int dfs(int i) {
        if (i >= n) return i == n ? 1 : 0;
        if (cache.count(i)) return cache[i];
        cache[i] = dfs(i + 1) + dfs(i + 2);
        return cache[i];
    }

public:
    int climbStairs(int n) {
        this->n = n;
        return dfs(0);
    }
};
