class Solution {
    func lengthOfLongestSubstring(_ s: String) -> Int {
        let chars = Array(s)
        var seen = Set<Character>()
        var l = 0
        var res = 0
        for r in 0..<chars.count {
            while seen.contains(chars[r]) {
                seen.remove(chars[l])
                l += 1
            }
            seen.insert(chars[r])
            res = max(res, r - l + 1)
        }
        return res
    }
}
