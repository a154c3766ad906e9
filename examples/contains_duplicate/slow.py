from typing import List


class Solution:
    def containsDuplicate(self, nums: List[int]) -> bool:
        # Compare every pair: O(n^2).
        for i in range(len(nums)):
            for j in range(i + 1, len(nums)):
                if nums[i] == nums[j]:
                    return True
        return False
