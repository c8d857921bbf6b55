//! Runbook sections: the unit the index stores and search returns.
//!
//! A section is the run of blocks under one heading path, from the heading
//! to the next heading; a script is one section. Prose and code are kept
//! apart so a search can weigh them differently and show the right one.

use crate::plugin::bindings::{BlockKind, Document};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Section {
    /// Titles of the enclosing headings, outermost first (empty before the
    /// first heading and in scripts).
    pub heading_path: Vec<String>,
    /// 1-based line where the section starts.
    pub line: u32,
    /// Byte range in the file: from the first block to the next section.
    pub start: u32,
    pub end: u32,
    pub prose: String,
    pub code: String,
}

/// The sections of a parsed document, in order.
pub fn sections(doc: &Document, file_len: usize) -> Vec<Section> {
    let mut out: Vec<Section> = Vec::new();
    for block in &doc.blocks {
        // Inline code and links repeat bytes of their enclosing block.
        if matches!(block.kind, BlockKind::InlineCode | BlockKind::Link) {
            continue;
        }
        let starts_new = match out.last() {
            None => true,
            Some(last) => {
                block.kind == BlockKind::Heading || last.heading_path != block.heading_path
            }
        };
        if starts_new {
            if let Some(last) = out.last_mut() {
                last.end = block.span.start;
            }
            out.push(Section {
                heading_path: block.heading_path.clone(),
                line: block.line,
                start: block.span.start,
                end: file_len as u32,
                prose: String::new(),
                code: String::new(),
            });
        }
        let section = out.last_mut().expect("pushed above");
        if block.kind == BlockKind::Heading {
            // A heading's own path already ends with its title.
            section.heading_path = block.heading_path.clone();
            if section.heading_path.last().map(String::as_str) != Some(block.text.trim()) {
                section.heading_path.push(block.text.trim().to_string());
            }
            continue;
        }
        let into = if block.kind == BlockKind::Code {
            &mut section.code
        } else {
            &mut section.prose
        };
        if !into.is_empty() {
            into.push('\n');
        }
        into.push_str(&block.text);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::parse_document;
    use crate::plugin::bindings::Format;

    #[test]
    fn markdown_splits_at_headings_and_keeps_prose_and_code_apart() {
        let text = "Intro line.\n\n# Patching\n\nvMotion the VMs off.\n\n```powershell\nMove-VM -VM web01\n```\n\n## Rollback\n\n- revert the snapshot\n";
        let doc = parse_document("r", "a.md", Format::Markdown, text);
        let s = sections(&doc, text.len());
        let paths: Vec<Vec<String>> = s.iter().map(|s| s.heading_path.clone()).collect();
        assert_eq!(
            paths,
            [
                vec![],
                vec!["Patching".to_string()],
                vec!["Patching".to_string(), "Rollback".to_string()]
            ]
        );
        assert_eq!(s[0].prose, "Intro line.");
        assert_eq!(s[1].line, 3);
        assert_eq!(s[1].prose, "vMotion the VMs off.");
        assert!(s[1].code.contains("Move-VM -VM web01"));
        assert!(s[2].prose.contains("revert the snapshot"));
        // Ranges tile the file, so each finding belongs to one section.
        assert_eq!(s[0].start, 0);
        assert_eq!(s[0].end, s[1].start);
        assert_eq!(s[1].end, s[2].start);
        assert_eq!(s[2].end as usize, text.len());
    }

    #[test]
    fn a_script_is_one_section_of_code() {
        let text = "Connect-VIServer vc01\nGet-VM | Move-VM -Destination esx02\n";
        let doc = parse_document("r", "a.ps1", Format::Powershell, text);
        let s = sections(&doc, text.len());
        assert_eq!(s.len(), 1);
        assert!(s[0].heading_path.is_empty());
        assert!(s[0].code.contains("Move-VM"));
    }
}
