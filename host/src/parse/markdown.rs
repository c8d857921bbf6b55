//! Markdown → blocks with exact byte spans.
//!
//! pulldown-cmark gives every event its source range. We group inline events
//! into "runs" owned by the innermost text container (heading, paragraph,
//! list item, table cell), and take each block's text as the exact source
//! slice of its run, so plugin offsets map straight back to the file.

use pulldown_cmark::{CodeBlockKind, Event, MetadataBlockKind, Options, Parser, Tag, TagEnd};

use super::BlockSink;
use crate::plugin::bindings::BlockKind;

/// A container on the parse stack.
struct Frame {
    /// The block kind this container's own inline text becomes, if any.
    run_kind: Option<BlockKind>,
    /// Code language, for code frames.
    language: Option<String>,
    /// Byte range of the inline content gathered so far.
    run: Option<(usize, usize)>,
    is_item: bool,
    /// HTML blocks are not scanned.
    skip: bool,
}

impl Frame {
    fn container() -> Self {
        Self {
            run_kind: None,
            language: None,
            run: None,
            is_item: false,
            skip: false,
        }
    }

    fn text(kind: BlockKind) -> Self {
        Self {
            run_kind: Some(kind),
            ..Self::container()
        }
    }

    fn extend(&mut self, start: usize, end: usize) {
        self.run = Some(match self.run {
            Some((s, e)) => (s.min(start), e.max(end)),
            None => (start, end),
        });
    }
}

pub fn parse(source: &str, sink: &mut BlockSink) {
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_YAML_STYLE_METADATA_BLOCKS
        | Options::ENABLE_PLUSES_DELIMITED_METADATA_BLOCKS;
    let mut stack: Vec<Frame> = Vec::new();
    let mut heading_text = String::new();
    let mut in_heading = false;

    for (event, range) in Parser::new_ext(source, options).into_offset_iter() {
        match event {
            Event::Start(tag) => match tag {
                Tag::Emphasis
                | Tag::Strong
                | Tag::Strikethrough
                | Tag::Superscript
                | Tag::Subscript => extend_top(&mut stack, range.start, range.end),
                Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. } => {
                    extend_top(&mut stack, range.start, range.end);
                    if !skipping(&stack) {
                        sink.push_with_target(
                            BlockKind::Link,
                            range.start,
                            range.end,
                            None,
                            Some(dest_url.to_string()),
                        );
                    }
                }
                other => {
                    // A block container starts: the enclosing run (e.g. a
                    // list item's text before a nested list) ends here.
                    flush_top(&mut stack, sink);
                    let parent_is_item = stack.last().is_some_and(|f| f.is_item);
                    let frame = match other {
                        Tag::Heading { .. } => {
                            in_heading = true;
                            heading_text.clear();
                            Frame::text(BlockKind::Heading)
                        }
                        Tag::Paragraph if parent_is_item => Frame::text(BlockKind::ListItem),
                        Tag::Paragraph => Frame::text(BlockKind::Paragraph),
                        Tag::Item => Frame {
                            is_item: true,
                            ..Frame::text(BlockKind::ListItem)
                        },
                        Tag::TableCell => Frame::text(BlockKind::TableCell),
                        Tag::CodeBlock(kind) => Frame {
                            language: match kind {
                                CodeBlockKind::Fenced(info) => fence_language(&info),
                                CodeBlockKind::Indented => None,
                            },
                            ..Frame::text(BlockKind::Code)
                        },
                        Tag::MetadataBlock(kind) => Frame {
                            language: Some(
                                match kind {
                                    MetadataBlockKind::YamlStyle => "yaml",
                                    MetadataBlockKind::PlusesStyle => "toml",
                                }
                                .to_string(),
                            ),
                            ..Frame::text(BlockKind::Code)
                        },
                        Tag::HtmlBlock => Frame {
                            skip: true,
                            ..Frame::container()
                        },
                        _ => Frame::container(),
                    };
                    stack.push(frame);
                }
            },
            Event::End(end) => match end {
                TagEnd::Emphasis
                | TagEnd::Strong
                | TagEnd::Strikethrough
                | TagEnd::Superscript
                | TagEnd::Subscript
                | TagEnd::Link
                | TagEnd::Image => {}
                other => {
                    if let TagEnd::Heading(level) = other {
                        in_heading = false;
                        sink.enter_heading(level as usize, heading_text.trim());
                    }
                    if let Some(frame) = stack.pop() {
                        emit(frame, sink);
                    }
                }
            },
            Event::Text(text) => {
                if in_heading {
                    heading_text.push_str(&text);
                }
                extend_top(&mut stack, range.start, range.end);
            }
            Event::Code(code) => {
                if in_heading {
                    heading_text.push_str(&code);
                }
                extend_top(&mut stack, range.start, range.end);
                if !skipping(&stack) {
                    sink.push(BlockKind::InlineCode, range.start, range.end, None);
                }
            }
            Event::InlineMath(_)
            | Event::DisplayMath(_)
            | Event::InlineHtml(_)
            | Event::FootnoteReference(_)
            | Event::SoftBreak
            | Event::HardBreak
            | Event::TaskListMarker(_) => extend_top(&mut stack, range.start, range.end),
            Event::Html(_) | Event::Rule => {}
        }
    }
    // Well-formed input closes every tag; be safe on anything else.
    while let Some(frame) = stack.pop() {
        emit(frame, sink);
    }
}

fn skipping(stack: &[Frame]) -> bool {
    stack.iter().any(|f| f.skip)
}

fn extend_top(stack: &mut [Frame], start: usize, end: usize) {
    if let Some(top) = stack.last_mut()
        && top.run_kind.is_some()
        && !top.skip
    {
        top.extend(start, end);
    }
}

fn flush_top(stack: &mut [Frame], sink: &mut BlockSink) {
    if let Some(top) = stack.last_mut()
        && let (Some(kind), Some((start, end))) = (top.run_kind, top.run.take())
    {
        sink.push(kind, start, end, top.language.clone());
    }
}

fn emit(frame: Frame, sink: &mut BlockSink) {
    if let (Some(kind), Some((start, end))) = (frame.run_kind, frame.run) {
        sink.push(kind, start, end, frame.language);
    }
}

/// First word of a fence's info string, lowercased: "```PowerShell title=x"
/// and "```{.powershell}" both give "powershell".
fn fence_language(info: &str) -> Option<String> {
    let word = info
        .split(|c: char| c.is_whitespace() || c == ',')
        .next()
        .unwrap_or("")
        .trim_matches(|c| c == '{' || c == '}' || c == '.');
    (!word.is_empty()).then(|| word.to_ascii_lowercase())
}
