//! Plugin output is untrusted: check and clean it before anything else
//! sees it.

use super::bindings::{Finding, PluginInfo};
use super::limits::Limits;

const MAX_TEXT: usize = 2048;
const MAX_ID: usize = 128;

/// Findings that passed the checks, and why the others were rejected.
pub struct Checked {
    pub findings: Vec<Finding>,
    pub rejected: Vec<String>,
    /// What the plugin logged at warn or error level during the call (a
    /// plugin that cut its own output short says so here).
    pub warnings: Vec<String>,
}

/// Keep findings whose span lies inside `source` on character boundaries
/// and whose rule the plugin declared; clean every string.
pub fn check_findings(
    findings: Vec<Finding>,
    source: &str,
    info: &PluginInfo,
    limits: &Limits,
) -> Result<Checked, String> {
    if findings.len() > limits.max_findings_per_document {
        return Err(format!(
            "returned {} findings for one document, more than the limit of {}",
            findings.len(),
            limits.max_findings_per_document
        ));
    }
    let mut checked = Checked {
        findings: Vec::with_capacity(findings.len()),
        rejected: Vec::new(),
        warnings: Vec::new(),
    };
    for mut f in findings {
        let (start, end) = (f.span.start as usize, f.span.end as usize);
        let problem = if start > end {
            Some(format!("reversed span {start}..{end}"))
        } else if end > source.len() {
            Some(format!(
                "span {start}..{end} beyond the document's {} bytes",
                source.len()
            ))
        } else if !source.is_char_boundary(start) || !source.is_char_boundary(end) {
            Some(format!("span {start}..{end} splits a character"))
        } else if !f.confidence.is_finite() {
            Some("confidence is not a number".to_string())
        } else if !info.rules.iter().any(|r| r.id == f.rule_id) {
            Some(format!("undeclared rule {:?}", clean(&f.rule_id, MAX_ID)))
        } else {
            None
        };
        if let Some(problem) = problem {
            checked.rejected.push(problem);
            continue;
        }
        f.confidence = f.confidence.clamp(0.0, 1.0);
        f.rule_id = clean(&f.rule_id, MAX_ID);
        f.construct = clean(&f.construct, MAX_ID);
        f.layer = clean(&f.layer, MAX_ID);
        f.message = clean(&f.message, MAX_TEXT);
        f.evidence = clean(&f.evidence, MAX_TEXT);
        checked.findings.push(f);
    }
    Ok(checked)
}

/// Clean the strings of a plugin's self-description.
pub fn clean_info(mut info: PluginInfo) -> PluginInfo {
    info.name = clean(&info.name, MAX_ID);
    info.version = clean(&info.version, MAX_ID);
    info.api_version = clean(&info.api_version, MAX_ID);
    info.description = clean(&info.description, MAX_TEXT);
    for r in &mut info.rules {
        r.id = clean(&r.id, MAX_ID);
        r.construct = clean(&r.construct, MAX_ID);
        r.layer = clean(&r.layer, MAX_ID);
        r.short_help = clean(&r.short_help, MAX_TEXT);
        r.long_help = clean(&r.long_help, MAX_TEXT * 4);
    }
    info
}

/// Characters that change how text is shown rather than what it says:
/// control characters (terminal escape sequences start with ESC) and
/// bidirectional overrides, which make text read differently from what it
/// is (the "Trojan Source" trick).
pub fn rewrites_display(c: char) -> bool {
    c.is_control() || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// Remove the characters [`rewrites_display`] names and cap the length at `max` bytes (ellipsis included; `max` ≥ 3), on a
/// character boundary. Newlines and tabs become spaces.
pub fn clean(text: &str, max: usize) -> String {
    let mut out = String::with_capacity(text.len().min(max));
    for c in text.chars() {
        let c = match c {
            '\n' | '\t' | '\r' => ' ',
            c if rewrites_display(c) => continue,
            c => c,
        };
        if out.len() + c.len_utf8() > max {
            // Make room for the ellipsis so the result stays within `max`.
            while out.len() + '…'.len_utf8() > max && out.pop().is_some() {}
            out.push('…');
            break;
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plugin::bindings::{Rule, Severity, Span};

    fn info() -> PluginInfo {
        PluginInfo {
            name: "t".into(),
            version: "1".into(),
            api_version: "0.1.0".into(),
            description: String::new(),
            rules: vec![Rule {
                id: "t/r".into(),
                construct: "vmware.vmotion".into(),
                layer: "vmotion".into(),
                default_severity: Severity::High,
                short_help: String::new(),
                long_help: String::new(),
            }],
        }
    }

    fn finding(start: u32, end: u32) -> Finding {
        Finding {
            rule_id: "t/r".into(),
            construct: "vmware.vmotion".into(),
            layer: "vmotion".into(),
            severity: Severity::High,
            confidence: 2.0,
            span: Span { start, end },
            message: "m\x1b[31mred\x1b[0m".into(),
            evidence: "e".into(),
        }
    }

    #[test]
    fn bad_spans_are_rejected_and_strings_cleaned() {
        let source = "héllo";
        let out = check_findings(
            vec![finding(0, 1), finding(2, 1), finding(0, 99), finding(0, 2)],
            source,
            &info(),
            &Limits::default(),
        )
        .unwrap();
        assert_eq!(out.findings.len(), 1);
        assert_eq!(out.findings[0].message, "m[31mred[0m");
        assert_eq!(out.findings[0].confidence, 1.0);
        assert_eq!(out.rejected.len(), 3);
        assert!(out.rejected[2].contains("splits a character"));
    }

    #[test]
    fn absurd_counts_fail_the_call() {
        let limits = Limits {
            max_findings_per_document: 2,
            ..Limits::default()
        };
        let many = vec![finding(0, 1); 3];
        assert!(check_findings(many, "abc", &info(), &limits).is_err());
    }

    #[test]
    fn clean_caps_length_on_a_char_boundary() {
        assert_eq!(clean("éééé", 7), "éé…");
        assert_eq!(clean("ééé", 6), "ééé");
        let long = clean(&"y".repeat(5000), MAX_TEXT);
        assert_eq!(long.len(), MAX_TEXT);
        assert_eq!(clean("a\nb\u{202e}c", 10), "a bc");
    }
}
