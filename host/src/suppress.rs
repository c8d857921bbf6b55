//! Inline suppressions: a doc owner's decision, written where the runbook
//! is, that a finding is known and accepted, with the reason.
//!
//! ```text
//! <!-- opgap-ignore vmware.vmotion: runbook retired in Q3 -->   next block
//! <!-- opgap-ignore-file vmware.drs, snapshot.quiesce: ... -->   whole file
//! # opgap-ignore vmware.vcenter.session: read-only audit script   next line
//! Get-VM  # opgap-ignore vm.inventory_query: counts only            this line
//! ```
//!
//! Without construct ids a suppression covers every construct. A reason is
//! required: one without is reported and suppresses nothing; so is one that
//! matched no finding. Suppressed findings stay in the report, marked.

use serde::{Deserialize, Serialize};

use crate::report::{Finding, Severity};

const MARKER: &str = "opgap-ignore";

/// The plugin name on opgap's own notes about suppressions.
pub const NOTE_PLUGIN: &str = "opgap";

/// Why a finding is suppressed, for the report.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Suppressed {
    pub reason: String,
    /// Line of the suppression comment.
    pub line: u32,
    /// `next` (the block or line after it), `line` or `file`.
    pub scope: String,
}

#[derive(Debug, Clone, PartialEq)]
struct Suppression {
    line: u32,
    /// Byte range it covers.
    start: usize,
    end: usize,
    scope: &'static str,
    /// Full construct ids; empty means every construct.
    constructs: Vec<String>,
    reason: Option<String>,
    used: usize,
}

/// Mark the findings of one file that its suppressions cover, and return
/// findings for suppressions that are malformed or cover nothing.
pub fn apply(text: &str, findings: &mut [Finding], repo: &str, path: &str) -> Vec<Finding> {
    if !text.contains(MARKER) {
        return Vec::new();
    }
    let markdown = matches!(
        crate::parse::format_for_path(path),
        Some(crate::plugin::bindings::Format::Markdown)
    );
    let mut suppressions = parse(text, markdown);
    for f in findings.iter_mut() {
        let hit = suppressions.iter_mut().find(|s| {
            s.reason.is_some()
                && (s.start..s.end.max(s.start + 1)).contains(&(f.byte_start as usize))
                && (s.constructs.is_empty() || s.constructs.iter().any(|c| *c == f.construct))
        });
        if let Some(s) = hit {
            s.used += 1;
            f.suppressed = Some(Box::new(Suppressed {
                reason: s.reason.clone().expect("checked above"),
                line: s.line,
                scope: s.scope.to_string(),
            }));
        }
    }
    suppressions
        .iter()
        .filter_map(|s| {
            let problem = match (&s.reason, s.used) {
                (None, _) => "has no reason (`opgap-ignore IDS: why`), so it suppresses nothing",
                (Some(_), 0) => {
                    "suppresses nothing: no finding of its constructs is where it points"
                }
                _ => return None,
            };
            Some(problem_finding(text, repo, path, s, problem))
        })
        .collect()
}

fn problem_finding(text: &str, repo: &str, path: &str, s: &Suppression, problem: &str) -> Finding {
    let line_text = text
        .lines()
        .nth(s.line as usize - 1)
        .unwrap_or_default()
        .trim_end()
        .to_string();
    let start = line_start(text, s.line);
    Finding {
        repo: repo.into(),
        path: path.into(),
        line: s.line,
        column: 1,
        end_line: s.line,
        end_column: line_text.chars().count() as u32 + 1,
        byte_start: start as u32,
        byte_end: (start + line_text.len()) as u32,
        rule: "opgap/suppression".into(),
        construct: "opgap.suppression".into(),
        layer: "opgap".into(),
        severity: Severity::Low,
        confidence: 1.0,
        message: format!("This suppression {problem}.").into(),
        evidence: MARKER.into(),
        plugin: NOTE_PLUGIN.into(),
        heading_path: Default::default(),
        line_text: line_text.into(),
        translation: None,
        suppressed: None,
    }
}

fn line_start(text: &str, line: u32) -> usize {
    text.split_inclusive('\n')
        .take(line as usize - 1)
        .map(str::len)
        .sum()
}

fn parse(text: &str, markdown: bool) -> Vec<Suppression> {
    let mut out = Vec::new();
    let lines: Vec<(usize, &str)> = text
        .split_inclusive('\n')
        .scan(0, |offset, line| {
            let start = *offset;
            *offset += line.len();
            Some((start, line))
        })
        .collect();
    for (i, (start, line)) in lines.iter().enumerate() {
        let Some(at) = line.find(MARKER) else {
            continue;
        };
        let rest = &line[at + MARKER.len()..];
        let (file_wide, rest) = match rest.strip_prefix("-file") {
            Some(r) => (true, r),
            None => (false, rest),
        };
        if !rest.starts_with([' ', ':', '\t', '-']) && !rest.trim().is_empty() {
            continue; // `opgap-ignored` and the like
        }
        let body = rest.trim_end().trim_end_matches("-->").trim();
        let (ids, reason) = match body.split_once(':') {
            Some((ids, reason)) if !reason.trim().is_empty() => {
                (ids, Some(reason.trim().to_string()))
            }
            Some((ids, _)) => (ids, None),
            None => (body, None),
        };
        let constructs = ids
            .split([',', ' '])
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(opgap_catalogue::full_id)
            .collect();
        // Code before the comment opener makes it a trailing comment.
        let before = line[..at].trim_end();
        let code = ["<!--", "#", "//"]
            .iter()
            .find_map(|opener| before.strip_suffix(opener))
            .unwrap_or(before);
        let trailing = !code.trim().is_empty();
        let (scope, range) = if file_wide {
            ("file", (0, text.len()))
        } else if trailing {
            ("line", (*start, start + line.len()))
        } else {
            ("next", next_target(&lines, i, markdown))
        };
        out.push(Suppression {
            line: i as u32 + 1,
            start: range.0,
            end: range.1,
            scope,
            constructs,
            reason,
            used: 0,
        });
    }
    out
}

/// What a comment line points at: in Markdown the next block (to the next
/// blank line), in a script the next line of code.
fn next_target(lines: &[(usize, &str)], comment: usize, markdown: bool) -> (usize, usize) {
    let mut rest = lines[comment + 1..]
        .iter()
        .skip_while(|(_, l)| l.trim().is_empty() || is_comment_only(l, markdown));
    let Some(&(start, first)) = rest.next() else {
        return (0, 0);
    };
    let mut end = start + first.len();
    if !markdown {
        return (start, end);
    }
    for (offset, line) in rest {
        if line.trim().is_empty() {
            break;
        }
        end = offset + line.len();
    }
    (start, end)
}

/// A line that only comments: an HTML comment in Markdown (where `#`
/// starts a heading), a `#` or `//` comment in a script.
fn is_comment_only(line: &str, markdown: bool) -> bool {
    let t = line.trim();
    if markdown {
        t.starts_with("<!--") && t.ends_with("-->")
    } else {
        t.starts_with('#') || t.starts_with("//")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn finding(text: &str, needle: &str, construct: &str) -> Finding {
        let at = text.find(needle).unwrap() as u32;
        Finding {
            byte_start: at,
            byte_end: at + 1,
            ..Finding::example(construct, "x")
        }
    }

    #[test]
    fn a_markdown_comment_suppresses_the_next_block_for_its_constructs() {
        let text = "<!-- opgap-ignore vmotion: runbook retired in Q3 -->\nvMotion web01 off.\nThen DRS.\n\nvMotion again.\n";
        let mut findings = vec![
            finding(text, "vMotion web01", "vmware.vmotion"),
            finding(text, "DRS", "vmware.drs"),
            finding(text, "vMotion again", "vmware.vmotion"),
        ];
        let problems = apply(text, &mut findings, "r", "a.md");
        assert!(problems.is_empty(), "{problems:?}");
        let s = findings[0].suppressed.as_ref().unwrap();
        assert_eq!(
            (s.reason.as_str(), s.line, s.scope.as_str()),
            ("runbook retired in Q3", 1, "next")
        );
        assert!(findings[1].suppressed.is_none(), "another construct");
        assert!(findings[2].suppressed.is_none(), "another block");
    }

    #[test]
    fn file_wide_trailing_and_script_suppressions() {
        let text = "# opgap-ignore-file drs: DRS stays until the move\nSet-Cluster -DrsEnabled\n# opgap-ignore: audit only\nGet-VM\nMove-VM x  # opgap-ignore vmotion: lab\n";
        let mut findings = vec![
            finding(text, "Set-Cluster", "vmware.drs"),
            finding(text, "Get-VM", "vmware.vm.inventory_query"),
            finding(text, "Move-VM", "vmware.vmotion"),
        ];
        let problems = apply(text, &mut findings, "r", "a.ps1");
        assert!(problems.is_empty(), "{problems:?}");
        let scopes: Vec<&str> = findings
            .iter()
            .map(|f| f.suppressed.as_ref().unwrap().scope.as_str())
            .collect();
        assert_eq!(scopes, ["file", "next", "line"]);
    }

    #[test]
    fn a_suppression_without_reason_or_without_effect_is_reported() {
        let text = "<!-- opgap-ignore vmotion -->\nvMotion web01.\n\n<!-- opgap-ignore drs: not here -->\nvMotion web02.\n";
        let mut findings = vec![
            finding(text, "vMotion web01", "vmware.vmotion"),
            finding(text, "vMotion web02", "vmware.vmotion"),
        ];
        let problems = apply(text, &mut findings, "r", "a.md");
        assert!(findings.iter().all(|f| f.suppressed.is_none()));
        let messages: Vec<(u32, &str)> = problems
            .iter()
            .map(|p| (p.line, p.message.as_str()))
            .collect();
        assert_eq!(messages.len(), 2, "{messages:?}");
        assert_eq!(messages[0].0, 1);
        assert!(messages[0].1.contains("no reason"));
        assert_eq!(messages[1].0, 4);
        assert!(messages[1].1.contains("suppresses nothing"));
    }
}
