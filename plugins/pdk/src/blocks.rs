//! Walking a document's blocks: the ones worth searching, code by
//! language, and lines with their offsets.
//!
//! ```
//! use opgap_pdk::blocks;
//! use opgap_pdk::testing::{code, doc, para};
//! let d = doc(vec![para(&[], "Run it:"), code("powershell", "Move-VM web01\nGet-VM\n")]);
//! assert_eq!(blocks::searched(&d).count(), 2);
//! let ps = blocks::code(&d, "powershell").next().unwrap();
//! let lines: Vec<_> = blocks::lines(ps).map(|(at, line)| (at, line.to_string())).collect();
//! assert_eq!(lines, [(0, "Move-VM web01".to_string()), (14, "Get-VM".to_string())]);
//! ```

use crate::text::is_nested;
use crate::types::{Block, BlockKind, Document};

/// Blocks whose own text a detector should search: everything except
/// inline code and links, whose bytes are also in the block around them
/// (searching both would find the same words twice).
///
/// ```
/// use opgap_pdk::blocks::searched;
/// use opgap_pdk::testing::{block, doc, para};
/// use opgap_pdk::types::BlockKind;
/// let d = doc(vec![para(&[], "Use `vmportal`."), block(BlockKind::InlineCode, &[], "vmportal")]);
/// assert_eq!(searched(&d).count(), 1);
/// ```
pub fn searched(doc: &Document) -> impl Iterator<Item = &Block> {
    doc.blocks.iter().filter(|b| !is_nested(b))
}

/// Blocks of one kind.
///
/// ```
/// use opgap_pdk::blocks::of_kind;
/// use opgap_pdk::testing::{doc, heading, para};
/// use opgap_pdk::types::BlockKind;
/// let d = doc(vec![heading(&["Failover"]), para(&["Failover"], "Steps.")]);
/// assert_eq!(of_kind(&d, BlockKind::Heading).next().unwrap().text, "Failover");
/// ```
pub fn of_kind(doc: &Document, kind: BlockKind) -> impl Iterator<Item = &Block> {
    doc.blocks.iter().filter(move |b| b.kind == kind)
}

/// Code blocks in `language` (the fence's info string, lowercased, or a
/// whole script's language: `powershell`, `sh`, `python`, `yaml`, `hcl`),
/// compared without case.
///
/// ```
/// use opgap_pdk::blocks::code;
/// use opgap_pdk::testing::{code as code_block, doc};
/// let d = doc(vec![code_block("sh", "govc vm.info web01"), code_block("python", "print(1)")]);
/// assert_eq!(code(&d, "SH").count(), 1);
/// ```
pub fn code<'d>(doc: &'d Document, language: &'d str) -> impl Iterator<Item = &'d Block> + 'd {
    doc.blocks.iter().filter(move |b| {
        b.kind == BlockKind::Code
            && b.language
                .as_deref()
                .is_some_and(|l| l.eq_ignore_ascii_case(language))
    })
}

/// The lines of a block with their byte offsets into `block.text`
/// (line breaks and a trailing `\r` left out).
///
/// ```
/// use opgap_pdk::blocks::lines;
/// use opgap_pdk::testing::code;
/// let b = code("sh", "a\r\nbc\n");
/// assert_eq!(lines(&b).collect::<Vec<_>>(), [(0, "a"), (3, "bc")]);
/// ```
pub fn lines(block: &Block) -> impl Iterator<Item = (usize, &str)> {
    let text = block.text.as_str();
    let mut at = 0;
    std::iter::from_fn(move || {
        if at >= text.len() {
            return None;
        }
        let rest = &text[at..];
        let end = rest.find('\n').map_or(rest.len(), |i| i);
        let line = rest[..end].strip_suffix('\r').unwrap_or(&rest[..end]);
        let start = at;
        at += end + 1;
        Some((start, line))
    })
}
