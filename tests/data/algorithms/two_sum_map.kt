class Solution {
    fun twoSum(nums: IntArray, target: Int): IntArray {
        val seen = HashMap<Int, Int>()
        for ((i, n) in nums.withIndex()) {
            val diff = target - n
            if (diff in seen) {
                return intArrayOf(seen[diff]!!, i)
            }
            seen[n] = i
        }
        return intArrayOf()
    }
}
