//! Shared by the examples: every readable text file below a folder.

pub fn texts_below(dir: &str) -> Vec<String> {
    let mut texts = Vec::new();
    let mut stack = vec![std::path::PathBuf::from(dir)];
    while let Some(p) = stack.pop() {
        for e in std::fs::read_dir(&p).unwrap() {
            let path = e.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else if let Ok(t) = std::fs::read_to_string(&path) {
                texts.push(t);
            }
        }
    }
    texts
}
