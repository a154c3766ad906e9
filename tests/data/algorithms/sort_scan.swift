class Solution {
    func containsDuplicate(_ nums: [Int]) -> Bool {
        let nums = nums.sorted()
        for i in 1..<nums.count {
            if nums[i] == nums[i - 1] {
                return true
            }
        }
        return false
    }
}
