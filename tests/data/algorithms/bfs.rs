use std::collections::VecDeque;
impl Solution {
    pub fn level_order(root: Option<Rc<RefCell<TreeNode>>>) -> Vec<Vec<i32>> {
        let mut res = vec![];
        let mut q = VecDeque::new();
        q.push_back(root);
        while !q.is_empty() {
            let mut level = vec![];
            for _ in 0..q.len() {
                let node = q.pop_front().unwrap();
                if let Some(node) = node {
                    let node = node.borrow();
                    level.push(node.val);
                    q.push_back(node.left.clone());
                    q.push_back(node.right.clone());
                }
            }
            if !level.is_empty() {
                res.push(level);
            }
        }
        res
    }
}
