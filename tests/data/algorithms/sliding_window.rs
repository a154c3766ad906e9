use std::collections::HashSet;
impl Solution {
    pub fn length_of_longest_substring(s: String) -> i32 {
        let chars: Vec<char> = s.chars().collect();
        let mut seen = HashSet::new();
        let (mut l, mut res) = (0, 0);
        for r in 0..chars.len() {
            while seen.contains(&chars[r]) {
                seen.remove(&chars[l]);
                l += 1;
            }
            seen.insert(chars[r]);
            res = res.max(r - l + 1);
        }
        res as i32
    }
}
