class Solution:
    def climbStairs(self, n: int) -> int:
        # Plain recursion recomputes every subproblem: O(2^n).
        def count(i):
            if i >= n:
                return i == n
            return count(i + 1) + count(i + 2)

        return count(0)
