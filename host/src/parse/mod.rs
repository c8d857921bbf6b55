//! Source text → the `document` record plugins receive.
//!
//! Markdown is split into blocks; scripts become one `code` block holding the
//! whole file. Every block carries its exact byte span, 1-based line and
//! column, and the path of headings above it.

pub mod lines;
mod markdown;

use crate::plugin::bindings::{Block, BlockKind, Document, Format, Span};
use lines::LineIndex;

/// The format a file is read as, from its extension; `None` means skipped.
pub fn format_for_path(path: &str) -> Option<Format> {
    let ext = path.rsplit_once('.')?.1.to_ascii_lowercase();
    Some(match ext.as_str() {
        "md" | "markdown" | "mdown" | "mkd" => Format::Markdown,
        "ps1" | "psm1" => Format::Powershell,
        "sh" | "bash" => Format::Shell,
        "py" => Format::Python,
        "yml" | "yaml" => Format::Yaml,
        "tf" | "hcl" => Format::Hcl,
        "txt" => Format::Text,
        _ => return None,
    })
}

/// The language name given to a whole-file script block.
pub fn format_language(format: Format) -> &'static str {
    match format {
        Format::Markdown => "markdown",
        Format::Powershell => "powershell",
        Format::Shell => "shell",
        Format::Python => "python",
        Format::Yaml => "yaml",
        Format::Hcl => "hcl",
        Format::Text => "text",
    }
}

pub fn parse_document(repo: &str, path: &str, format: Format, source: &str) -> Document {
    let lines = LineIndex::new(source);
    let mut sink = BlockSink::new(source, &lines);
    match format {
        Format::Markdown => markdown::parse(source, &mut sink),
        Format::Text => sink.push(BlockKind::Paragraph, 0, source.len(), None),
        script => sink.push(
            BlockKind::Code,
            0,
            source.len(),
            Some(format_language(script).to_string()),
        ),
    }
    Document {
        repo: repo.to_string(),
        path: path.to_string(),
        format,
        blocks: sink.finish(),
    }
}

/// Collects blocks in source order and stamps each with its position and
/// heading path.
pub struct BlockSink<'a> {
    source: &'a str,
    lines: &'a LineIndex<'a>,
    headings: Vec<(usize, String)>,
    blocks: Vec<Block>,
}

impl<'a> BlockSink<'a> {
    fn new(source: &'a str, lines: &'a LineIndex<'a>) -> Self {
        Self {
            source,
            lines,
            headings: Vec::new(),
            blocks: Vec::new(),
        }
    }

    /// A heading of `level` (1–6) closes every heading at that level or
    /// deeper and opens a new section.
    pub fn enter_heading(&mut self, level: usize, title: &str) {
        self.headings.retain(|(l, _)| *l < level);
        self.headings.push((level, title.to_string()));
    }

    pub fn push(&mut self, kind: BlockKind, start: usize, end: usize, language: Option<String>) {
        self.push_with_target(kind, start, end, language, None);
    }

    pub fn push_with_target(
        &mut self,
        kind: BlockKind,
        start: usize,
        end: usize,
        language: Option<String>,
        target: Option<String>,
    ) {
        if start >= end {
            return;
        }
        let (line, column) = self.lines.position(start);
        self.blocks.push(Block {
            kind,
            text: self.source[start..end].to_string(),
            language,
            target,
            span: Span {
                start: start as u32,
                end: end as u32,
            },
            line,
            column,
            heading_path: self.headings.iter().map(|(_, t)| t.clone()).collect(),
        });
    }

    fn finish(mut self) -> Vec<Block> {
        // Enclosing blocks are emitted when they close, after what they
        // contain; order by start, enclosing block first.
        self.blocks
            .sort_by_key(|b| (b.span.start, std::cmp::Reverse(b.span.end)));
        self.blocks
    }
}

#[cfg(test)]
mod tests;
