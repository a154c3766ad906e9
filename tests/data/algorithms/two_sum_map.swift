class Solution {
    func twoSum(_ nums: [Int], _ target: Int) -> [Int] {
        var seen = [Int: Int]()
        for i in nums.indices {
            if let j = seen[target - nums[i]] {
                return [j, i]
            }
            seen[nums[i]] = i
        }
        return []
    }
}
