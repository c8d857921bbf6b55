//! Helpers to turn matches inside a block into file spans.

use crate::types::{Block, BlockKind, Span};

/// The file span of `start..end`, given as offsets into `block.text`.
pub fn span_in(block: &Block, start: usize, end: usize) -> Span {
    Span {
        start: block.span.start + start as u32,
        end: block.span.start + end as u32,
    }
}

/// True for blocks whose bytes are also covered by another block (inline code
/// and links sit inside paragraphs, list items, cells and headings). A detector
/// that scans every enclosing block can skip these.
pub fn is_nested(block: &Block) -> bool {
    matches!(block.kind, BlockKind::InlineCode | BlockKind::Link)
}

/// The code language of a block, if it is code.
pub fn code_language(block: &Block) -> Option<&str> {
    match block.kind {
        BlockKind::Code => block.language.as_deref(),
        _ => None,
    }
}
