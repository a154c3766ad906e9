from typing import List


class Solution:
    def searchInsert(self, nums: List[int], target: int) -> int:
        # Binary search on the sorted array: O(log n).
        lo, hi = 0, len(nums)
        while lo < hi:
            mid = (lo + hi) // 2
            if nums[mid] < target:
                lo = mid + 1
            else:
                hi = mid
        return lo
