func levelOrder(root *TreeNode) [][]int {
    res := [][]int{}
    q := []*TreeNode{}
    q = append(q, root)
    for len(q) > 0 {
        level := []int{}
        for i := len(q); i > 0; i-- {
            node := q[0]
            q = q[1:]
            if node != nil {
                level = append(level, node.Val)
                q = append(q, node.Left)
                q = append(q, node.Right)
            }
        }
        if len(level) > 0 {
            res = append(res, level)
        }
    }
    return res
}
