//! Helpers for unit-testing a detector natively, without the host.
//!
//! ```
//! use opgap_pdk::testing::{code, doc, found};
//! use opgap_pdk::rules::{Detector, Rule};
//! static RULES: &[Rule] = &[Rule::strong("vmware.vmotion", r"\bvMotion\b")];
//! let d = Detector::new("demo", "", RULES);
//! let document = doc(vec![code("sh", "# uses vMotion\n")]);
//! assert_eq!(found(&d, &document), vec![("vmware.vmotion".to_string(), "vMotion".to_string())]);
//! ```

use crate::rules::Detector;
use crate::types::{Block, BlockKind, Document, Format, Span};

/// A block of `kind` under `headings`, placed after the previous blocks of
/// the document by [`doc`].
///
/// ```
/// use opgap_pdk::testing::block;
/// use opgap_pdk::types::BlockKind;
/// let b = block(BlockKind::ListItem, &["Failover"], "Move the VMs");
/// assert_eq!(b.heading_path, ["Failover"]);
/// ```
pub fn block(kind: BlockKind, headings: &[&str], text: &str) -> Block {
    Block {
        kind,
        text: text.into(),
        language: None,
        target: None,
        span: Span {
            start: 0,
            end: text.len() as u32,
        },
        line: 1,
        column: 1,
        heading_path: headings.iter().map(|s| s.to_string()).collect(),
    }
}

/// A paragraph under `headings`.
///
/// ```
/// assert_eq!(opgap_pdk::testing::para(&[], "x").kind, opgap_pdk::types::BlockKind::Paragraph);
/// ```
pub fn para(headings: &[&str], text: &str) -> Block {
    block(BlockKind::Paragraph, headings, text)
}

/// A heading block; its own title ends its heading path.
///
/// ```
/// assert_eq!(opgap_pdk::testing::heading(&["Runbook", "Rollback"]).text, "Rollback");
/// ```
pub fn heading(path: &[&str]) -> Block {
    block(BlockKind::Heading, path, path.last().copied().unwrap_or(""))
}

/// A code block in `language`.
///
/// ```
/// assert_eq!(opgap_pdk::testing::code("sh", "ls").language.as_deref(), Some("sh"));
/// ```
pub fn code(language: &str, text: &str) -> Block {
    Block {
        language: Some(language.into()),
        ..block(BlockKind::Code, &[], text)
    }
}

/// A Markdown document of `blocks`, laid out one after another with one
/// byte between them, so spans are distinct and increasing.
///
/// ```
/// use opgap_pdk::testing::{doc, para};
/// let d = doc(vec![para(&[], "ab"), para(&[], "cd")]);
/// assert_eq!((d.blocks[1].span.start, d.blocks[1].span.end), (3, 5));
/// ```
pub fn doc(mut blocks: Vec<Block>) -> Document {
    let mut offset = 0u32;
    for b in &mut blocks {
        let len = b.text.len() as u32;
        b.span = Span {
            start: offset,
            end: offset + len,
        };
        offset += len + 1;
    }
    Document {
        repo: "test".into(),
        path: "test.md".into(),
        format: Format::Markdown,
        blocks,
    }
}

/// A whole script of `format`, as the host delivers it: one code block.
///
/// ```
/// use opgap_pdk::types::Format;
/// let d = opgap_pdk::testing::script(Format::Powershell, "powershell", "Get-VM");
/// assert_eq!(d.blocks.len(), 1);
/// ```
pub fn script(format: Format, language: &str, text: &str) -> Document {
    Document {
        format,
        path: "script".into(),
        ..doc(vec![code(language, text)])
    }
}

/// `(construct, evidence)` of every finding, in order.
///
/// ```
/// use opgap_pdk::rules::{Detector, Rule};
/// use opgap_pdk::testing::{doc, found, para};
/// static R: &[Rule] = &[Rule::strong("vmware.vmotion", r"\bvMotion\b")];
/// let d = Detector::new("demo", "", R);
/// assert_eq!(found(&d, &doc(vec![para(&[], "vMotion")]))[0].1, "vMotion");
/// ```
pub fn found(detector: &Detector, document: &Document) -> Vec<(String, String)> {
    detector
        .detect(document)
        .into_iter()
        .map(|f| (f.construct, f.evidence))
        .collect()
}

/// The constructs found, in order.
///
/// ```
/// use opgap_pdk::rules::{Detector, Rule};
/// use opgap_pdk::testing::{constructs, doc, para};
/// static R: &[Rule] = &[Rule::strong("vmware.vmotion", r"\bvMotion\b")];
/// let d = Detector::new("demo", "", R);
/// assert_eq!(constructs(&d, &doc(vec![para(&[], "vMotion")])), ["vmware.vmotion"]);
/// ```
pub fn constructs(detector: &Detector, document: &Document) -> Vec<String> {
    found(detector, document)
        .into_iter()
        .map(|(c, _)| c)
        .collect()
}

/// For each of `texts` that a rule matches although the rule prefilter
/// (see [`crate::prefilter`]) would not run it there, the text's index and
/// the rule's pattern: always empty for a sound prefilter. Plugins call it
/// on their sample texts.
///
/// ```
/// use opgap_pdk::rules::Rule;
/// use opgap_pdk::testing::prefilter_misses;
/// static R: &[Rule] = &[Rule::strong("vmware.vmotion", r"\bvMotion\b|(?i)\bv-?motion\b")];
/// assert!(prefilter_misses(R, &["Use V-MOTION or vMotion.", "no"]).is_empty());
/// ```
pub fn prefilter_misses(
    rules: &[crate::rules::Rule],
    texts: &[&str],
) -> Vec<(usize, &'static str)> {
    let patterns: Vec<String> = rules.iter().map(|r| r.pattern.to_string()).collect();
    misses_of(&crate::prefilter::Prefilter::new(&patterns), rules, texts)
}

fn misses_of(
    prefilter: &crate::prefilter::Prefilter,
    rules: &[crate::rules::Rule],
    texts: &[&str],
) -> Vec<(usize, &'static str)> {
    let regexes: Vec<regex::bytes::Regex> = rules
        .iter()
        .map(|rule| {
            regex::bytes::RegexBuilder::new(rule.pattern)
                .unicode(false)
                .build()
                .expect("a valid pattern")
        })
        .collect();
    let mut misses = Vec::new();
    for (t, text) in texts.iter().enumerate() {
        let candidates = prefilter.candidates(text.as_bytes());
        for (i, regex) in regexes.iter().enumerate() {
            if candidates.binary_search(&i).is_err() && regex.is_match(text.as_bytes()) {
                misses.push((t, rules[i].pattern));
            }
        }
    }
    misses
}

/// Panics unless the detector's own rule prefilter (computed when it
/// starts, or by its build script) runs every rule that matches a text
/// file under `root`, whole or line by line: each plugin's test over the
/// sample estates.
pub fn assert_prefilter_sound(detector: &crate::rules::Detector, root: &std::path::Path) {
    let pieces = sample_pieces(root);
    assert!(pieces.len() > 1000, "{} sample pieces", pieces.len());
    let pieces: Vec<&str> = pieces.iter().map(String::as_str).collect();
    let missed = misses_of(detector.prefilter(), detector.rules(), &pieces);
    let shown: Vec<_> = missed
        .iter()
        .take(5)
        .map(|&(t, p)| (pieces[t], p))
        .collect();
    assert!(
        missed.is_empty(),
        "{} misses, first: {shown:?}",
        missed.len()
    );
}

/// Every text file under `root`, whole and line by line (a block is often
/// one line).
fn sample_pieces(root: &std::path::Path) -> Vec<String> {
    let mut stack = vec![root.to_path_buf()];
    let mut pieces = Vec::new();
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).expect("a readable sample folder") {
            let path = entry.expect("a readable entry").path();
            if path.is_dir() {
                stack.push(path);
            } else if let Ok(text) = std::fs::read_to_string(&path) {
                pieces.extend(text.lines().map(str::to_string));
                pieces.push(text);
            }
        }
    }
    pieces
}
