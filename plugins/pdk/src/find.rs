//! Matching inside blocks with exact file spans, and building findings
//! and rule declarations.
//!
//! ```
//! use opgap_pdk::find::{finding, matches, rule};
//! use opgap_pdk::testing::para;
//! use opgap_pdk::types::Severity;
//! let moves = rule("portal/move", "vmware.vmotion", Severity::High, "The portal moves VMs with vMotion.");
//! let re = regex::Regex::new(r"\bvmportal\s+move\b").unwrap();
//! let block = para(&[], "Then `vmportal move web01`.");
//! let found: Vec<_> = matches(&block, &re).map(|m| finding(&moves, m.span, m.text).build()).collect();
//! assert_eq!(found[0].span.start, 6);
//! assert_eq!(found[0].evidence, "vmportal move");
//! ```

use crate::types::{Block, Finding, Rule, Severity, Span};

/// One match: its file span and text.
#[derive(Debug, Clone, PartialEq)]
pub struct Match<'b> {
    pub span: Span,
    pub text: &'b str,
}

/// Every match of `pattern` in `block`, as file spans. `regex::Regex`
/// matches `str`, so spans always fall on character boundaries.
///
/// ```
/// use opgap_pdk::find::matches;
/// use opgap_pdk::testing::para;
/// let re = regex::Regex::new("é+").unwrap();
/// let b = para(&[], "aéé");
/// let m = matches(&b, &re).next().unwrap();
/// assert_eq!((m.span.start, m.span.end, m.text), (1, 5, "éé"));
/// ```
pub fn matches<'b>(block: &'b Block, pattern: &'b regex::Regex) -> impl Iterator<Item = Match<'b>> {
    pattern.find_iter(&block.text).map(move |m| Match {
        span: crate::text::span_in(block, m.start(), m.end()),
        text: m.as_str(),
    })
}

/// Whole-word occurrences of `token` (ASCII word boundaries, case
/// sensitive), for names that need no regex.
///
/// ```
/// use opgap_pdk::find::tokens;
/// use opgap_pdk::testing::para;
/// let b = para(&[], "acmebk, acmebkd, acmebk");
/// let spans: Vec<_> = tokens(&b, "acmebk").map(|m| m.span.start).collect();
/// assert_eq!(spans, [0, 17]);
/// ```
pub fn tokens<'b>(block: &'b Block, token: &'b str) -> impl Iterator<Item = Match<'b>> {
    let text = block.text.as_str();
    let word = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphanumeric() || c == '_');
    text.match_indices(token)
        .filter(move |(at, _)| {
            !word(text[..*at].chars().next_back()) && !word(text[at + token.len()..].chars().next())
        })
        .map(move |(at, t)| Match {
            span: crate::text::span_in(block, at, at + t.len()),
            text: t,
        })
}

/// A rule declaration for `info().rules`: its id (`plugin/name`), the
/// construct it reports, the default severity and one line of help. The
/// layer comes from opgap's catalogue.
///
/// ```
/// use opgap_pdk::find::rule;
/// use opgap_pdk::types::Severity;
/// let r = rule("portal/move", "vmware.vmotion", Severity::High, "Moves VMs with vMotion.");
/// assert_eq!(r.layer, "vmotion");
/// ```
pub fn rule(id: &str, construct: &str, severity: Severity, help: &str) -> Rule {
    Rule {
        id: id.into(),
        construct: construct.into(),
        layer: opgap_catalogue::construct(construct)
            .map_or("unknown", |c| c.layer)
            .into(),
        default_severity: severity,
        short_help: help.into(),
        long_help: help.into(),
    }
}

/// A finding of `rule` at `span`, with `evidence` (the matched text);
/// message and severity default to the rule's.
pub fn finding(rule: &Rule, span: Span, evidence: &str) -> FindingBuilder {
    FindingBuilder(Finding {
        rule_id: rule.id.clone(),
        construct: rule.construct.clone(),
        layer: rule.layer.clone(),
        severity: rule.default_severity,
        confidence: 0.9,
        span,
        message: rule.short_help.clone(),
        evidence: evidence.into(),
    })
}

/// A finding being built; see [`finding`].
///
/// ```
/// use opgap_pdk::find::{finding, rule};
/// use opgap_pdk::types::{Severity, Span};
/// let r = rule("x/y", "vmware.drs", Severity::Medium, "DRS.");
/// let f = finding(&r, Span { start: 0, end: 3 }, "DRS")
///     .severity(Severity::High)
///     .confidence(0.6)
///     .message("DRS rule in a runbook step.")
///     .build();
/// assert_eq!((f.severity, f.confidence), (Severity::High, 0.6));
/// ```
#[derive(Debug, Clone)]
pub struct FindingBuilder(Finding);

impl FindingBuilder {
    pub fn severity(mut self, severity: Severity) -> Self {
        self.0.severity = severity;
        self
    }

    /// 0.0 (guess) to 1.0 (certain).
    pub fn confidence(mut self, confidence: f32) -> Self {
        self.0.confidence = confidence;
        self
    }

    pub fn message(mut self, message: &str) -> Self {
        self.0.message = message.into();
        self
    }

    pub fn build(self) -> Finding {
        self.0
    }
}
