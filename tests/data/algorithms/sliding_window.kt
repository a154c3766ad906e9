class Solution {
    fun lengthOfLongestSubstring(s: String): Int {
        val seen = HashSet<Char>()
        var l = 0
        var res = 0
        for (r in s.indices) {
            while (s[r] in seen) {
                seen.remove(s[l])
                l++
            }
            seen.add(s[r])
            res = maxOf(res, r - l + 1)
        }
        return res
    }
}
