function climbStairs(n: number): number {
    const cache = new Map<number, number>();
    const dfs = (i: number): number => {
        if (i >= n) {
            return i === n ? 1 : 0;
        }
        if (cache.has(i)) {
            return cache.get(i)!;
        }
        cache.set(i, dfs(i + 1) + dfs(i + 2));
        return cache.get(i)!;
    };
    return dfs(0);
}
