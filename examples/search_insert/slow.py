from typing import List


class Solution:
    def searchInsert(self, nums: List[int], target: int) -> int:
        # Scan from the left: O(n).
        for i, num in enumerate(nums):
            if num >= target:
                return i
        return len(nums)
