//! Runbook steps: the unit of the Operating Model Test.
//!
//! A step is something an operator does. In Markdown that is a list item,
//! a code block, or a paragraph under a procedure heading (one whose title
//! names a procedure: "Steps", "Rollback", "Patching", "3. Drain the
//! host"...); background prose elsewhere is not a step. In a script it is
//! one statement: a logical line (continuations joined), not a comment or
//! a lone keyword. In Ansible YAML it is one task or play (a list entry that
//! is a mapping), in Terraform one top-level block, in plain text one
//! paragraph.

use serde::{Deserialize, Serialize};

use crate::plugin::bindings::{BlockKind, Document, Format};

/// A step's byte range in its file and the line it starts on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Step {
    pub start: u32,
    pub end: u32,
    pub line: u32,
}

/// Words that make a heading a procedure heading.
const PROCEDURE_WORDS: &[&str] = &[
    "step",
    "steps",
    "procedure",
    "process",
    "how to",
    "instructions",
    "runbook",
    "checklist",
    "tasks",
    "actions",
    "rollback",
    "roll back",
    "back out",
    "backout",
    "recovery",
    "recover",
    "restore",
    "failover",
    "fail over",
    "failback",
    "cutover",
    "migration",
    "migrate",
    "upgrade",
    "update",
    "patch",
    "patching",
    "deploy",
    "deployment",
    "provision",
    "provisioning",
    "decommission",
    "maintenance",
    "backup",
    "response",
    "remediation",
    "mitigation",
    "troubleshoot",
    "troubleshooting",
    "verify",
    "verification",
    "validation",
    "validate",
    "check",
    "checks",
    "prerequisites",
    "execution",
    "escalation",
    "operate",
    "operation",
    "operations",
    "resize",
    "expand",
    "replace",
    "rebuild",
    "reboot",
    "shutdown",
    "power",
    "drain",
    "evacuate",
    "rotate",
    "renew",
    "onboard",
    "offboard",
];

pub fn steps(doc: &Document, text: &str) -> Vec<Step> {
    match doc.format {
        Format::Markdown => markdown_steps(doc),
        Format::Yaml => line_steps(text, is_yaml_step),
        Format::Hcl => line_steps(text, is_hcl_step),
        Format::Text => paragraph_steps(text),
        Format::Powershell | Format::Shell | Format::Python => statement_steps(text),
    }
}

fn markdown_steps(doc: &Document) -> Vec<Step> {
    doc.blocks
        .iter()
        .filter(|b| match b.kind {
            BlockKind::ListItem | BlockKind::Code => true,
            // The nearest heading decides: "Background" under "Patching"
            // is still background.
            BlockKind::Paragraph => b
                .heading_path
                .last()
                .is_some_and(|h| is_procedure_heading(h)),
            _ => false,
        })
        .map(|b| Step {
            start: b.span.start,
            end: b.span.end,
            line: b.line,
        })
        .collect()
}

pub fn is_procedure_heading(title: &str) -> bool {
    let lower = title.trim().to_lowercase();
    if lower.starts_with(|c: char| c.is_ascii_digit()) {
        return true;
    }
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    PROCEDURE_WORDS.iter().any(|p| {
        if p.contains(' ') {
            lower.contains(p)
        } else {
            words.contains(p)
        }
    })
}

/// Lines of `text` with their byte offsets and 1-based numbers.
fn lines(text: &str) -> impl Iterator<Item = (usize, usize, &str)> {
    let mut offset = 0;
    text.split_inclusive('\n')
        .enumerate()
        .map(move |(i, line)| {
            let start = offset;
            offset += line.len();
            (i + 1, start, line)
        })
}

fn step_of(line_no: usize, start: usize, line: &str) -> Step {
    Step {
        start: start as u32,
        end: (start + line.trim_end().len()) as u32,
        line: line_no as u32,
    }
}

fn line_steps(text: &str, is_step: fn(&str) -> bool) -> Vec<Step> {
    lines(text)
        .filter(|(_, _, line)| is_step(line))
        .map(|(n, start, line)| step_of(n, start, line))
        .collect()
}

/// An Ansible task or play: a sequence entry that starts a mapping.
fn is_yaml_step(line: &str) -> bool {
    let t = line.trim_start();
    let Some(rest) = t.strip_prefix("- ") else {
        return false;
    };
    let key = rest.split(':').next().unwrap_or_default();
    rest.contains(':')
        && !key.is_empty()
        && key
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '_' | '.' | '-'))
}

fn is_hcl_step(line: &str) -> bool {
    const BLOCKS: &[&str] = &[
        "resource",
        "data",
        "module",
        "provider",
        "variable",
        "output",
        "locals",
        "terraform",
    ];
    BLOCKS.iter().any(|b| {
        line.strip_prefix(b)
            .is_some_and(|rest| rest.starts_with([' ', '{']))
    })
}

fn paragraph_steps(text: &str) -> Vec<Step> {
    let mut steps: Vec<Step> = Vec::new();
    let mut open = false;
    for (n, start, line) in lines(text) {
        if line.trim().is_empty() {
            open = false;
        } else if open {
            steps.last_mut().expect("open").end = (start + line.trim_end().len()) as u32;
        } else {
            steps.push(step_of(n, start, line));
            open = true;
        }
    }
    steps
}

/// Keywords that close or continue a block rather than do something.
const NOT_STATEMENTS: &[&str] = &[
    "fi", "done", "esac", "else", "then", "do", "end", "try", "finally", "begin", "process", "{",
    "}", ")", "};", "})", "pass",
];

fn statement_steps(text: &str) -> Vec<Step> {
    let mut steps: Vec<Step> = Vec::new();
    let mut continues = false;
    let mut in_block_comment = false;
    for (n, start, line) in lines(text) {
        let t = line.trim();
        if in_block_comment {
            in_block_comment = !t.contains("#>");
            continue;
        }
        if t.starts_with("<#") {
            in_block_comment = !t.contains("#>");
            continue;
        }
        if continues {
            if let Some(last) = steps.last_mut() {
                last.end = (start + line.trim_end().len()) as u32;
            }
        } else if !t.is_empty()
            && !t.starts_with('#')
            && t.chars().any(|c| c.is_alphanumeric())
            && !NOT_STATEMENTS.contains(&t.trim_end_matches(';'))
        {
            steps.push(step_of(n, start, line));
        }
        continues =
            !t.starts_with('#') && (t.ends_with('\\') || t.ends_with('`') || t.ends_with('|'));
    }
    steps
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::parse_document;

    fn count(path: &str, format: Format, text: &str) -> Vec<u32> {
        let doc = parse_document("r", path, format, text);
        steps(&doc, text).iter().map(|s| s.line).collect()
    }

    #[test]
    fn markdown_counts_items_code_and_procedure_paragraphs_only() {
        let text = "# Host patching\n\n## Background\n\nWe patch monthly.\n\n## Steps\n\nDrain the host first.\n\n1. Enter maintenance mode.\n2. Patch.\n\n```sh\nesxcli software vib update\n```\n";
        assert_eq!(count("a.md", Format::Markdown, text), [9, 11, 12, 15]);
    }

    #[test]
    fn procedure_headings_are_recognised_by_their_words_or_numbers() {
        for yes in [
            "Rollback",
            "3. Drain the host",
            "How to restore a VM",
            "Pre-checks",
        ] {
            assert!(is_procedure_heading(yes), "{yes}");
        }
        for no in ["Background", "Owners", "Glossary", "Why we do this"] {
            assert!(!is_procedure_heading(no), "{no}");
        }
    }

    #[test]
    fn scripts_count_statements_with_continuations_joined() {
        let text = "# connect first\nConnect-VIServer vc01\nGet-VM web01 |\n  Move-VM -Destination esx02\n<#\nnotes\n#>\nif ($x) {\n  Stop-VM web01\n}\n";
        assert_eq!(count("a.ps1", Format::Powershell, text), [2, 3, 8, 9]);
        let doc = parse_document("r", "a.ps1", Format::Powershell, text);
        let s = steps(&doc, text);
        assert!(text[s[1].start as usize..s[1].end as usize].ends_with("esx02"));
    }

    #[test]
    fn ansible_tasks_and_terraform_blocks_are_steps() {
        let yaml = "- hosts: vcenter\n  tasks:\n    - name: snapshot\n      vmware_guest_snapshot:\n        state: present\n    - web01\n";
        assert_eq!(count("p.yml", Format::Yaml, yaml), [1, 3]);
        let hcl = "provider \"vsphere\" {\n}\nresource \"vsphere_virtual_machine\" \"web\" {\n  name = \"web\"\n}\n";
        assert_eq!(count("m.tf", Format::Hcl, hcl), [1, 3]);
    }
}
