//! Large documents go to detectors in pieces.
//!
//! A plugin holds the document it is given in its own linear memory, capped
//! at 64 MiB by default, and a rule engine needs working memory beside it.
//! So a document whose blocks hold more than a piece's worth of text is
//! handed over as several documents of whole blocks, and a block larger
//! than a piece is cut at line ends. Block spans stay file spans, so the
//! findings of every piece are checked against the one file.

use super::bindings::{Block, Document};

/// Most block text in one piece: small enough that the built-in rule
/// engine answers well within the default deadline (about 0.5 s per piece
/// in a debug build) and memory cap.
pub const PIECE_BYTES: usize = 1 << 20;

/// The pieces of `doc`, or `None` when it goes whole (the usual case).
pub fn pieces(doc: &Document, max: usize) -> Option<Vec<Document>> {
    let total: usize = doc.blocks.iter().map(|b| b.text.len()).sum();
    if total <= max {
        return None;
    }
    let mut pieces = Vec::new();
    let mut current: Vec<Block> = Vec::new();
    let mut size = 0;
    for block in doc.blocks.iter().flat_map(|b| cut_block(b, max)) {
        if size + block.text.len() > max && !current.is_empty() {
            pieces.push(piece(doc, std::mem::take(&mut current)));
            size = 0;
        }
        size += block.text.len();
        current.push(block);
    }
    if !current.is_empty() {
        pieces.push(piece(doc, current));
    }
    Some(pieces)
}

fn piece(doc: &Document, blocks: Vec<Block>) -> Document {
    Document {
        repo: doc.repo.clone(),
        path: doc.path.clone(),
        format: doc.format,
        blocks,
    }
}

/// `block` itself when it fits, else consecutive runs of whole lines of at
/// most `max` bytes (a single longer line is cut after a space, or failing
/// that at a character boundary).
fn cut_block(block: &Block, max: usize) -> Vec<Block> {
    if block.text.len() <= max {
        return vec![block.clone()];
    }
    let text = block.text.as_str();
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut start = 0;
    // Position of `start`, advanced piece by piece (linear in the block).
    let (mut line, mut column) = (block.line, block.column);
    while start < text.len() {
        let mut end = (start + max).min(text.len());
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        if end < text.len() {
            // Prefer the last line end in range, then the last space, so no
            // word (and no match) is cut in two.
            let window = &text[start..end];
            if let Some(at) = window.rfind('\n').or_else(|| window.rfind([' ', '\t'])) {
                end = start + at + 1;
            }
        }
        if end == start {
            // A piece smaller than one character: take the character.
            end = start + text[start..].chars().next().map_or(1, char::len_utf8);
        }
        out.push(Block {
            kind: block.kind,
            text: text[start..end].to_string(),
            language: block.language.clone(),
            target: block.target.clone(),
            span: super::bindings::Span {
                start: block.span.start + start as u32,
                end: block.span.start + end as u32,
            },
            line,
            column,
            heading_path: block.heading_path.clone(),
        });
        // Line breaks as the host counts them: `\n`, `\r\n`, a lone `\r`.
        let mut after_break = None;
        for (i, &b) in bytes[start..end].iter().enumerate() {
            let at = start + i;
            if b == b'\n' || (b == b'\r' && bytes.get(at + 1) != Some(&b'\n')) {
                line += 1;
                after_break = Some(at + 1);
            }
        }
        column = match after_break {
            Some(from) => 1 + text[from..end].chars().count() as u32,
            None => column + text[start..end].chars().count() as u32,
        };
        start = end;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plugin::bindings::{BlockKind, Format, Span};

    fn block(text: &str, start: u32, line: u32) -> Block {
        Block {
            kind: BlockKind::Paragraph,
            text: text.into(),
            language: None,
            target: None,
            span: Span {
                start,
                end: start + text.len() as u32,
            },
            line,
            column: 1,
            heading_path: vec!["Title".into()],
        }
    }

    fn doc(blocks: Vec<Block>) -> Document {
        Document {
            repo: "r".into(),
            path: "p.md".into(),
            format: Format::Markdown,
            blocks,
        }
    }

    #[test]
    fn small_documents_go_whole() {
        assert!(pieces(&doc(vec![block("abc", 0, 1)]), 10).is_none());
    }

    #[test]
    fn blocks_are_grouped_and_never_lost() {
        let source = "aaaa\n\nbbbb\n\ncccc\n";
        let d = doc(vec![
            block("aaaa", 0, 1),
            block("bbbb", 6, 3),
            block("cccc", 12, 5),
        ]);
        let p = pieces(&d, 8).unwrap();
        assert_eq!(p.len(), 2);
        assert_eq!(p[0].blocks.len(), 2);
        let all: Vec<&Block> = p.iter().flat_map(|d| &d.blocks).collect();
        assert_eq!(all.len(), 3);
        for b in all {
            assert_eq!(&source[b.span.start as usize..b.span.end as usize], b.text);
        }
    }

    #[test]
    fn a_block_larger_than_a_piece_is_cut_at_line_ends_with_its_position() {
        let source = "x\nfirst line\nsecond é line\nthird\n";
        let text = &source[2..];
        let d = doc(vec![block(text, 2, 2)]);
        let p = pieces(&d, 16).unwrap();
        let cut: Vec<&Block> = p.iter().flat_map(|d| &d.blocks).collect();
        let texts: Vec<&str> = cut.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(texts, ["first line\n", "second é line\n", "third\n"]);
        let lines: Vec<u32> = cut.iter().map(|b| b.line).collect();
        assert_eq!(lines, [2, 3, 4]);
        for b in &cut {
            assert_eq!(&source[b.span.start as usize..b.span.end as usize], b.text);
            assert_eq!(b.column, 1);
            assert_eq!(b.heading_path, ["Title"]);
        }
    }

    #[test]
    fn a_long_line_is_cut_between_words() {
        let text = "vMotion ".repeat(10);
        let d = doc(vec![block(&text, 0, 1)]);
        let p = pieces(&d, 20).unwrap();
        let cut: Vec<&str> = p
            .iter()
            .flat_map(|d| &d.blocks)
            .map(|b| b.text.as_str())
            .collect();
        assert_eq!(cut.concat(), text);
        assert!(cut.iter().all(|t| t.ends_with(' ')), "{cut:?}");
    }

    #[test]
    fn cut_positions_count_a_lone_carriage_return_as_a_line_end() {
        let text = "aaaa\rbbbb\r\ncccc\ndd";
        let d = doc(vec![block(text, 0, 1)]);
        let p = pieces(&d, 5).unwrap();
        let at: Vec<(u32, u32)> = p
            .iter()
            .flat_map(|d| &d.blocks)
            .map(|b| (b.line, b.column))
            .collect();
        let lines = crate::parse::lines::LineIndex::new(text);
        let expected: Vec<(u32, u32)> = p
            .iter()
            .flat_map(|d| &d.blocks)
            .map(|b| lines.position(b.span.start as usize))
            .collect();
        assert_eq!(at, expected);
        assert_eq!(at.last(), Some(&(4, 1)));
    }

    #[test]
    fn one_endless_line_is_cut_on_character_boundaries() {
        let text = "é".repeat(20);
        let d = doc(vec![block(&text, 0, 1)]);
        let p = pieces(&d, 7).unwrap();
        let cut: Vec<&Block> = p.iter().flat_map(|d| &d.blocks).collect();
        assert_eq!(cut.iter().map(|b| b.text.len()).sum::<usize>(), 40);
        assert!(cut.iter().all(|b| b.text.len() <= 7));
        assert_eq!(cut[1].column, 4);
    }
}
