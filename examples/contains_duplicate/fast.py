from typing import List


class Solution:
    def containsDuplicate(self, nums: List[int]) -> bool:
        # Remember what we have seen in a hash set: O(n).
        seen = set()
        for num in nums:
            if num in seen:
                return True
            seen.add(num)
        return False
