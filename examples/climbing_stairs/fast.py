from functools import cache


class Solution:
    def climbStairs(self, n: int) -> int:
        # The same recursion, memoised: each of the n states is solved once, O(n).
        @cache
        def count(i):
            if i >= n:
                return i == n
            return count(i + 1) + count(i + 2)

        return count(0)
