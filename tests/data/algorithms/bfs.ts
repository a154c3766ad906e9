function levelOrder(root: TreeNode | null): number[][] {
    const res: number[][] = [];
    const q: Queue<TreeNode | null> = new Queue();
    q.push(root);
    while (!q.isEmpty()) {
        const level: number[] = [];
        for (let i = q.size(); i > 0; i--) {
            const node = q.pop();
            if (node !== null) {
                level.push(node.val);
                q.push(node.left);
                q.push(node.right);
            }
        }
        if (level.length > 0) {
            res.push(level);
        }
    }
    return res;
}
