//! Helpers to turn matches inside a block into file spans.

use crate::types::{Block, BlockKind, Span};

/// The file span of `start..end`, given as offsets into `block.text`.
///
/// ```
/// use opgap_pdk::testing::{doc, para};
/// use opgap_pdk::text::span_in;
/// let d = doc(vec![para(&[], "one"), para(&[], "two vMotion")]);
/// let second = &d.blocks[1];
/// assert_eq!(span_in(second, 4, 11).start, second.span.start + 4);
/// ```
pub fn span_in(block: &Block, start: usize, end: usize) -> Span {
    Span {
        start: block.span.start + start as u32,
        end: block.span.start + end as u32,
    }
}

/// True for blocks whose bytes are also covered by another block (inline code
/// and links sit inside paragraphs, list items, cells and headings). A detector
/// that scans every enclosing block can skip these.
///
/// ```
/// use opgap_pdk::testing::{block, para};
/// use opgap_pdk::text::is_nested;
/// use opgap_pdk::types::BlockKind;
/// assert!(is_nested(&block(BlockKind::InlineCode, &[], "govc")));
/// assert!(!is_nested(&para(&[], "govc")));
/// ```
pub fn is_nested(block: &Block) -> bool {
    matches!(block.kind, BlockKind::InlineCode | BlockKind::Link)
}

/// The code language of a block, if it is code.
///
/// ```
/// use opgap_pdk::testing::{code, para};
/// use opgap_pdk::text::code_language;
/// assert_eq!(code_language(&code("sh", "ls")), Some("sh"));
/// assert_eq!(code_language(&para(&[], "ls")), None);
/// ```
pub fn code_language(block: &Block) -> Option<&str> {
    match block.kind {
        BlockKind::Code => block.language.as_deref(),
        _ => None,
    }
}
