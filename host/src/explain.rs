//! `opgap explain`: one construct end to end: what it is, which rules of
//! which plugins detect it, and what it becomes on each stack.

use serde::Serialize;

use crate::plugin::{DetectorPlugin, TranslatorPlugin, bindings};
use crate::report::{ScanError, TranslationOutcome};

#[derive(Debug, Serialize)]
pub struct Explanation {
    pub construct: String,
    pub name: String,
    pub layer: String,
    pub layer_name: String,
    /// Why a dependency in this layer matters.
    pub why: String,
    pub default_severity: String,
    pub detected_by: Vec<DetectingRule>,
    pub translations: Vec<TranslationOutcome>,
}

#[derive(Debug, Serialize)]
pub struct DetectingRule {
    pub plugin: String,
    pub rule: String,
    /// What the rule matches and when it counts.
    pub help: String,
}

/// Catalogue ids that contain `text`, for "did you mean".
pub fn suggestions(text: &str) -> Vec<&'static str> {
    let needle = text.trim_start_matches("vmware.").to_ascii_lowercase();
    opgap_catalogue::CONSTRUCTS
        .iter()
        .map(|c| c.id)
        .filter(|id| id.contains(&needle))
        .take(8)
        .collect()
}

/// Explain `id` with the loaded detectors and translators on `stacks`.
/// Translator failures are added to `errors`.
pub fn explain(
    id: &str,
    detectors: &[DetectorPlugin],
    translators: &[TranslatorPlugin],
    stacks: &[String],
    errors: &mut Vec<ScanError>,
) -> Option<Explanation> {
    let c = opgap_catalogue::construct(id)?;
    let layer = opgap_catalogue::layer(c.layer).expect("catalogue is consistent");
    let detected_by = detectors
        .iter()
        .flat_map(|p| {
            p.info
                .rules
                .iter()
                .filter(|r| r.construct == id)
                .map(|r| DetectingRule {
                    plugin: p.info.name.clone(),
                    rule: r.id.clone(),
                    help: r.long_help.clone(),
                })
        })
        .collect();
    // A finding with nothing captured: replacements keep their placeholders.
    let finding = crate::report::Finding {
        repo: Default::default(),
        path: Default::default(),
        line: 1,
        column: 1,
        end_line: 1,
        end_column: 1,
        byte_start: 0,
        byte_end: 0,
        rule: "explain".into(),
        construct: id.into(),
        layer: c.layer.into(),
        severity: severity(c.impact),
        confidence: 1.0,
        message: Default::default(),
        evidence: Default::default(),
        plugin: Default::default(),
        heading_path: Default::default(),
        line_text: Default::default(),
        translation: None,
        suppressed: None,
    };
    let translations = stacks
        .iter()
        .map(|stack| {
            let mut one = [finding.clone()];
            crate::scan::translate_with(translators, stack, &mut one, errors);
            *one[0].translation.take().expect("always set")
        })
        .collect();
    Some(Explanation {
        construct: id.to_string(),
        name: c.name.to_string(),
        layer: c.layer.to_string(),
        layer_name: layer.name.to_string(),
        why: layer.why.to_string(),
        default_severity: severity(c.impact).as_str().to_string(),
        detected_by,
        translations,
    })
}

fn severity(impact: opgap_catalogue::Impact) -> crate::report::Severity {
    use opgap_catalogue::Impact;
    let w = match impact {
        Impact::Info => bindings::Severity::Info,
        Impact::Low => bindings::Severity::Low,
        Impact::Medium => bindings::Severity::Medium,
        Impact::High => bindings::Severity::High,
        Impact::Critical => bindings::Severity::Critical,
    };
    w.into()
}
