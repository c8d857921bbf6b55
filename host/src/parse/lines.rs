//! Byte offset → 1-based line and column.
//!
//! Line breaks are `\n`, `\r\n` and a lone `\r`, the same set CommonMark
//! uses, so lines agree with what pulldown-cmark parsed. Columns count
//! Unicode scalar values, which is what an editor's "go to column" expects.

pub struct LineIndex<'a> {
    text: &'a str,
    /// Byte offset where each line starts; `starts[0] == 0`.
    starts: Vec<usize>,
}

impl<'a> LineIndex<'a> {
    pub fn new(text: &'a str) -> Self {
        let bytes = text.as_bytes();
        let mut starts = vec![0];
        let mut i = 0;
        while let Some(pos) = memchr::memchr2(b'\n', b'\r', &bytes[i..]) {
            let at = i + pos;
            let next = if bytes[at] == b'\r' && bytes.get(at + 1) == Some(&b'\n') {
                at + 2
            } else {
                at + 1
            };
            starts.push(next);
            i = next;
        }
        Self { text, starts }
    }

    /// The 1-based line and column of `offset`. Offsets past the end map to
    /// the end of the text.
    pub fn position(&self, offset: usize) -> (u32, u32) {
        let offset = offset.min(self.text.len());
        let line = self.starts.partition_point(|&s| s <= offset) - 1;
        let start = self.starts[line];
        let column = self.text[start..offset].chars().count() + 1;
        (line as u32 + 1, column as u32)
    }

    /// The text of the 1-based `line`, without its line break.
    pub fn line_text(&self, line: u32) -> &'a str {
        let i = (line as usize).saturating_sub(1).min(self.starts.len() - 1);
        let start = self.starts[i];
        let end = self.starts.get(i + 1).copied().unwrap_or(self.text.len());
        self.text[start..end].trim_end_matches(['\n', '\r'])
    }

    pub fn line_count(&self) -> usize {
        self.starts.len()
    }
}

#[cfg(test)]
mod tests {
    use super::LineIndex;

    #[test]
    fn lf_crlf_and_lone_cr_all_break_lines() {
        let text = "a\nbb\r\nccc\rd";
        let idx = LineIndex::new(text);
        assert_eq!(idx.line_count(), 4);
        assert_eq!(idx.position(0), (1, 1));
        assert_eq!(idx.position(2), (2, 1));
        assert_eq!(idx.position(3), (2, 2));
        assert_eq!(idx.position(6), (3, 1));
        assert_eq!(idx.position(10), (4, 1));
        assert_eq!(idx.line_text(2), "bb");
        assert_eq!(idx.line_text(3), "ccc");
    }

    #[test]
    fn columns_count_characters_not_bytes() {
        let text = "héllo wörld";
        let idx = LineIndex::new(text);
        let w = text.find('w').unwrap();
        assert_eq!(idx.position(w), (1, 7));
    }

    #[test]
    fn offsets_past_the_end_clamp() {
        let idx = LineIndex::new("ab\n");
        assert_eq!(idx.position(99), (2, 1));
    }
}
