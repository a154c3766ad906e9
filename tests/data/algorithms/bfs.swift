class Solution {
    func levelOrder(_ root: TreeNode?) -> [[Int]] {
        var res = [[Int]]()
        var q = Deque<TreeNode?>()
        q.append(root)
        while !q.isEmpty {
            var level = [Int]()
            for _ in 0..<q.count {
                let node = q.removeFirst()
                if let node = node {
                    level.append(node.val)
                    q.append(node.left)
                    q.append(node.right)
                }
            }
            if !level.isEmpty {
                res.append(level)
            }
        }
        return res
    }
}
