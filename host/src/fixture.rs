//! Annotated fixtures: files that say, line by line, what must be found.
//!
//! An annotation is a comment on its own line that applies to the next line
//! that is not an annotation:
//!
//! ```text
//! <!-- expect: vmware.vmotion, vmware.product.esxi -->   (Markdown)
//! # expect: vmware.snapshot.quiesce                       (scripts, YAML, HCL)
//! // ok: vmware.snapshot.create                           (HCL, any file)
//! ```
//!
//! `expect:` lists exactly the constructs found on the next line. `ok:` says
//! the next line must stay clean; the constructs it names record which trap
//! the line exercises. Every other line must have no findings at all, so a
//! fixture fails on any missing or extra finding. Findings on annotation
//! lines themselves are ignored.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

use crate::report::ScanReport;

#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Annotations {
    /// Line → constructs that must be found there, exactly.
    pub expect: BTreeMap<u32, BTreeSet<String>>,
    /// Line → constructs the clean line is a trap for.
    pub ok: BTreeMap<u32, BTreeSet<String>>,
    /// Lines that are annotations.
    pub annotation_lines: BTreeSet<u32>,
    /// `(line, word)` of `expect:` entries that are not construct ids
    /// (`expect: vmotion` would otherwise expect nothing and pass).
    pub malformed: Vec<(u32, String)>,
}

/// What a line is: an annotation (`expect` or `ok`, with its list) or not.
fn annotation(line: &str) -> Option<(&str, &str)> {
    let t = line.trim();
    let body = t
        .strip_prefix("<!--")
        .map(|b| b.trim_end().trim_end_matches("-->"))
        .or_else(|| t.strip_prefix("//"))
        .or_else(|| t.strip_prefix('#'))?
        .trim();
    ["expect", "ok"].into_iter().find_map(|kind| {
        body.strip_prefix(kind)
            .and_then(|rest| rest.strip_prefix(':'))
            .map(|rest| (kind, rest.trim()))
    })
}

/// The text with every annotation line emptied (line breaks kept), so that
/// what an annotation says cannot change what is detected: the word
/// "vmware" in `ok: vmware.ha` must not give a document VMware context.
pub fn blank_annotations(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for line in text.split_inclusive('\n') {
        if annotation(line).is_some() {
            let body = line.trim_end_matches(['\n', '\r']);
            out.push_str(&line[body.len()..]);
        } else {
            out.push_str(line);
        }
    }
    out
}

pub fn parse(text: &str) -> Annotations {
    let mut a = Annotations::default();
    let mut pending: Vec<(&str, BTreeSet<String>)> = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let number = i as u32 + 1;
        if let Some((kind, list)) = annotation(line) {
            a.annotation_lines.insert(number);
            let words = list
                .split([',', ' '])
                .map(str::trim)
                .filter(|w| !w.is_empty() && *w != "--");
            if kind == "expect" {
                a.malformed.extend(
                    words
                        .clone()
                        .filter(|w| !w.contains('.'))
                        .map(|w| (number, w.to_string())),
                );
            }
            let constructs = words
                .filter(|c| c.contains('.'))
                .map(str::to_string)
                .collect();
            pending.push((kind, constructs));
            continue;
        }
        for (kind, constructs) in pending.drain(..) {
            let map = if kind == "expect" {
                &mut a.expect
            } else {
                &mut a.ok
            };
            map.entry(number).or_default().extend(constructs);
        }
    }
    a
}

/// One line whose findings differ from its annotation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mismatch {
    pub path: String,
    pub line: u32,
    pub missing: BTreeSet<String>,
    /// `construct (evidence)` of each unexpected finding.
    pub extra: BTreeSet<String>,
    pub text: String,
}

impl fmt::Display for Mismatch {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "{}:{}: {}", self.path, self.line, self.text.trim())?;
        for m in &self.missing {
            writeln!(f, "  - missing {m}")?;
        }
        for e in &self.extra {
            writeln!(f, "  + extra   {e}")?;
        }
        Ok(())
    }
}

/// Compare a scan of fixture files with their annotations. `files` yields
/// `(path, text)` of every fixture scanned.
pub fn check<'a>(
    report: &ScanReport,
    files: impl IntoIterator<Item = (&'a str, &'a str)>,
) -> Vec<Mismatch> {
    let mut found: BTreeMap<(&str, u32), BTreeMap<&str, &str>> = BTreeMap::new();
    for f in &report.findings {
        found
            .entry((f.path.as_str(), f.line))
            .or_default()
            .entry(f.construct.as_str())
            .or_insert(f.evidence.as_str());
    }
    let mut mismatches = Vec::new();
    for (path, text) in files {
        let a = parse(text);
        let lines: Vec<&str> = text.lines().collect();
        let mut numbers: BTreeSet<u32> = a.expect.keys().copied().collect();
        numbers.extend(
            found
                .range((path, 0)..=(path, u32::MAX))
                .map(|((_, l), _)| *l),
        );
        for line in numbers {
            if a.annotation_lines.contains(&line) {
                continue;
            }
            let expected = a.expect.get(&line).cloned().unwrap_or_default();
            let got = found.get(&(path, line)).cloned().unwrap_or_default();
            let missing: BTreeSet<String> = expected
                .iter()
                .filter(|c| !got.contains_key(c.as_str()))
                .cloned()
                .collect();
            let extra: BTreeSet<String> = got
                .iter()
                .filter(|(c, _)| !expected.contains(**c))
                .map(|(c, evidence)| format!("{c} ({evidence})"))
                .collect();
            if !missing.is_empty() || !extra.is_empty() {
                mismatches.push(Mismatch {
                    path: path.to_string(),
                    line,
                    missing,
                    extra,
                    text: lines
                        .get(line as usize - 1)
                        .copied()
                        .unwrap_or_default()
                        .to_string(),
                });
            }
        }
    }
    mismatches
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn annotations_apply_to_the_next_plain_line() {
        let text = "<!-- expect: vmware.vmotion, vmware.product.esxi -->\n\
                    # ok: vmware.snapshot.create\n\
                    Use vMotion on ESXi.\n\
                    plain\n\
                    // expect: vmware.drs\n\
                    DRS\n";
        let a = parse(text);
        assert_eq!(
            a.expect[&3],
            BTreeSet::from([
                "vmware.vmotion".to_string(),
                "vmware.product.esxi".to_string()
            ])
        );
        assert_eq!(
            a.ok[&3],
            BTreeSet::from(["vmware.snapshot.create".to_string()])
        );
        assert_eq!(a.expect[&6], BTreeSet::from(["vmware.drs".to_string()]));
        assert_eq!(a.annotation_lines, BTreeSet::from([1, 2, 5]));
    }

    #[test]
    fn an_expect_word_that_is_no_construct_id_is_malformed() {
        let a = parse("<!-- expect: vmotion, vmware.drs -->\nx\n# ok: the trap is DRS\ny\n");
        assert_eq!(a.malformed, [(1, "vmotion".to_string())]);
        assert_eq!(a.expect[&2], BTreeSet::from(["vmware.drs".to_string()]));
    }

    #[test]
    fn blanking_keeps_every_other_line_and_the_line_count() {
        let text = "a\r\n# expect: vmware.ha\r\nb\n<!-- ok: vmware.drs -->";
        assert_eq!(blank_annotations(text), "a\r\n\r\nb\n");
    }

    #[test]
    fn ordinary_comments_are_not_annotations() {
        assert_eq!(annotation("# expected output follows"), None);
        assert_eq!(annotation("<!-- a note -->"), None);
        assert_eq!(
            annotation("  # expect: vmware.ha"),
            Some(("expect", "vmware.ha"))
        );
    }
}
