//! Sharing the strings findings repeat. A rule's id, construct, layer and
//! message recur in thousands of findings; a path, heading path and line
//! in every finding of one file, section or line. Each worker keeps one
//! copy of each and hands out references, so a million findings cost a
//! million small structs rather than ten million strings.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use crate::parse::lines::LineIndex;
use crate::plugin::bindings::Document;
use crate::report::Text;

/// Longest source line carried in a finding.
const MAX_LINE_TEXT: usize = 1000;

/// Strings that recur across files (rule ids, constructs, layers,
/// messages, plugin and repository names, heading titles).
#[derive(Default)]
pub(super) struct Interner {
    known: HashSet<Text>,
}

impl Interner {
    /// Beyond this many distinct strings (a plugin writing a new message
    /// for every finding) start over rather than grow without bound.
    const MAX_STRINGS: usize = 1 << 16;

    pub fn get(&mut self, s: &str) -> Text {
        if let Some(known) = self.known.get(s) {
            return known.clone();
        }
        if self.known.len() >= Self::MAX_STRINGS {
            self.known.clear();
        }
        let text = Text::from(s);
        self.known.insert(text.clone());
        text
    }
}

/// What one document's findings share: its path, each block's heading
/// path and each line's text, made once.
pub(super) struct DocumentStrings<'a> {
    pub repo: Text,
    pub path: Text,
    doc: &'a Document,
    lines: &'a LineIndex<'a>,
    headings: HashMap<usize, Arc<[Text]>>,
    line_texts: HashMap<u32, Text>,
}

impl<'a> DocumentStrings<'a> {
    pub fn new(
        interner: &mut Interner,
        repo: &str,
        path: &str,
        doc: &'a Document,
        lines: &'a LineIndex<'a>,
    ) -> Self {
        Self {
            repo: interner.get(repo),
            path: Text::from(path),
            doc,
            lines,
            headings: HashMap::new(),
            line_texts: HashMap::new(),
        }
    }

    /// The heading path of the section holding bytes `start..end`: that
    /// of the nearest block at or before it that contains it. Blocks are
    /// sorted by start, so this is a binary search.
    pub fn heading_path(&mut self, interner: &mut Interner, start: u32, end: u32) -> Arc<[Text]> {
        let blocks = &self.doc.blocks;
        let before = blocks.partition_point(|b| b.span.start <= start);
        let Some(holder) = (0..before)
            .rev()
            .take(64)
            .find(|&i| end <= blocks[i].span.end)
        else {
            return Arc::from([]);
        };
        self.headings
            .entry(holder)
            .or_insert_with(|| {
                blocks[holder]
                    .heading_path
                    .iter()
                    .map(|h| interner.get(h))
                    .collect()
            })
            .clone()
    }

    /// The 1-based line and column of byte `offset`.
    pub fn position(&self, offset: u32) -> (u32, u32) {
        self.lines.position(offset as usize)
    }

    /// Line `line` (1-based) of the source, control characters removed.
    pub fn line_text(&mut self, line: u32) -> Text {
        let lines = self.lines;
        self.line_texts
            .entry(line)
            .or_insert_with(|| crate::plugin::clean(lines.line_text(line), MAX_LINE_TEXT).into())
            .clone()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn equal_strings_are_one_allocation() {
        let mut interner = Interner::default();
        let a = interner.get("vmware.vmotion");
        let b = interner.get(&String::from("vmware.vmotion"));
        assert!(Text::ptr_eq(&a, &b));
        assert!(!Text::ptr_eq(&a, &interner.get("vmware.drs")));
    }

    #[test]
    fn findings_of_one_line_or_section_share_its_text_and_headings() {
        let text = "# Failover\n\n## Steps\n\nvMotion the VM, then check DRS.\n\nvSAN health.\n";
        let doc = crate::parse::parse_document(
            "r",
            "a.md",
            crate::plugin::bindings::Format::Markdown,
            text,
        );
        let lines = LineIndex::new(text);
        let mut interner = Interner::default();
        let mut strings = DocumentStrings::new(&mut interner, "r", "a.md", &doc, &lines);
        let at = |word: &str| text.find(word).unwrap() as u32;
        let vmotion = strings.heading_path(&mut interner, at("vMotion"), at("vMotion") + 7);
        let drs = strings.heading_path(&mut interner, at("DRS"), at("DRS") + 3);
        let vsan = strings.heading_path(&mut interner, at("vSAN"), at("vSAN") + 4);
        assert_eq!(&vmotion[..], ["Failover", "Steps"]);
        assert!(Arc::ptr_eq(&vmotion, &drs), "same block, one heading path");
        assert_eq!(vmotion, vsan);
        assert!(Text::ptr_eq(&vmotion[0], &vsan[0]), "titles are interned");
        let line = strings.line_text(5);
        assert_eq!(line, "vMotion the VM, then check DRS.");
        assert!(Text::ptr_eq(&line, &strings.line_text(5)));
        assert_eq!(
            strings
                .heading_path(&mut interner, 0, text.len() as u32 + 1)
                .len(),
            0
        );
    }

    #[test]
    fn the_interner_starts_over_instead_of_growing_without_bound() {
        let mut interner = Interner::default();
        for i in 0..Interner::MAX_STRINGS + 10 {
            interner.get(&format!("message {i}"));
        }
        assert!(interner.known.len() <= Interner::MAX_STRINGS);
        assert_eq!(&*interner.get("message 3"), "message 3");
    }
}
