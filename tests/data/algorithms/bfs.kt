class Solution {
    fun levelOrder(root: TreeNode?): List<List<Int>> {
        val res = mutableListOf<List<Int>>()
        val q = ArrayDeque<TreeNode?>()
        q.addLast(root)
        while (q.isNotEmpty()) {
            val level = mutableListOf<Int>()
            repeat(q.size) {
                val node = q.removeFirst()
                if (node != null) {
                    level.add(node.`val`)
                    q.addLast(node.left)
                    q.addLast(node.right)
                }
            }
            if (level.isNotEmpty()) {
                res.add(level)
            }
        }
        return res
    }
}
