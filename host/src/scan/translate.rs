//! Translating findings for a management plane with the translator plugins.

use anyhow::Result;

use crate::plugin::{Runtime, TranslatorPlugin};
use crate::report::{ErrorCause, Finding, ScanError, TranslationOutcome};

use super::ScanOptions;
use super::is_disabled;
use super::load::translators_for;

/// What every finding becomes on each of `stacks`, one list per stack, in
/// the order of `findings`. Translator failures become errors.
pub fn translate_on_stacks(
    options: &ScanOptions,
    findings: &[Finding],
    stacks: &[String],
    errors: &mut Vec<ScanError>,
) -> Result<Vec<Vec<TranslationOutcome>>> {
    let runtime = Runtime::new(options.limits.clone(), options.cache_dir.clone())?;
    let translators = translators_for(&runtime, options, errors);
    Ok(stacks
        .iter()
        .map(|stack| {
            let mut copy = findings.to_vec();
            translate_with(&translators, stack, &mut copy, errors);
            copy.into_iter()
                .map(|f| *f.translation.expect("translate_with sets every finding"))
                .collect()
        })
        .collect())
}

/// Ask the translators, in order, what each finding becomes on `stack`;
/// the first answer wins. A finding no translator knows is marked
/// untranslated, never dropped; a failing translator is an error.
pub fn translate_with(
    translators: &[TranslatorPlugin],
    stack: &str,
    findings: &mut [Finding],
    errors: &mut Vec<ScanError>,
) {
    Translating::new(translators, stack).translate(findings, errors);
}

/// One instance of each translator asked about one stack, kept across
/// calls (starting an instance costs far more than a translation), with
/// each translator's failures on that stack.
pub(super) struct Translating<'a> {
    translators: &'a [TranslatorPlugin],
    stack: &'a str,
    instances: Vec<crate::plugin::TranslatorInstance<'a>>,
    failures: Vec<usize>,
}

impl<'a> Translating<'a> {
    pub fn new(translators: &'a [TranslatorPlugin], stack: &'a str) -> Self {
        Self {
            translators,
            stack,
            instances: translators.iter().map(|t| t.instance()).collect(),
            failures: vec![0; translators.len()],
        }
    }

    /// Set every finding's translation on this stack; see [`translate_with`].
    pub fn translate(&mut self, findings: &mut [Finding], errors: &mut Vec<ScanError>) {
        for f in findings.iter_mut() {
            self.translate_one(f, errors);
        }
    }

    fn translate_one(&mut self, f: &mut Finding, errors: &mut Vec<ScanError>) {
        let Self {
            translators,
            stack,
            instances,
            failures,
        } = self;
        let (translators, stack) = (*translators, *stack);
        let asked = crate::plugin::bindings::Finding {
            rule_id: f.rule.to_string(),
            construct: f.construct.to_string(),
            layer: f.layer.to_string(),
            severity: f.severity.into(),
            confidence: f.confidence,
            span: crate::plugin::bindings::Span {
                start: f.byte_start,
                end: f.byte_end,
            },
            message: f.message.to_string(),
            evidence: f.evidence.to_string(),
        };
        let mut outcome = TranslationOutcome::Untranslated {
            stack: stack.to_string(),
        };
        for (i, instance) in instances.iter_mut().enumerate() {
            if is_disabled(failures[i], MAX_TRANSLATOR_FAILURES) {
                continue;
            }
            match instance.translate(&asked, stack) {
                Ok(Some(t)) => {
                    let captured = crate::arguments::capture(&f.line_text);
                    let replacement = t
                        .replacement
                        .iter()
                        .map(|r| crate::arguments::fill(r, stack, &captured))
                        .collect();
                    outcome = TranslationOutcome::Translated {
                        stack: t.stack,
                        translator: translators[i].name().to_string(),
                        fidelity: t.fidelity.into(),
                        replacement,
                        caveats: t.caveats,
                        instead: t.instead,
                        signal: t.signal,
                        references: t.references,
                        effort: t.effort,
                    };
                    break;
                }
                Ok(None) => {}
                Err(e) => {
                    failures[i] += 1;
                    let name = translators[i].name();
                    errors.push(ScanError {
                        plugin: Some(name.to_string()),
                        path: Some(f.path.to_string()),
                        message: format!(
                            "translator {name} failed on {} at {}:{}: {}",
                            f.construct, f.path, f.line, e.failure
                        ),
                        cause: ErrorCause::Plugin(e.failure),
                        stderr: e.stderr,
                        log: e.log,
                    });
                    if is_disabled(failures[i], MAX_TRANSLATOR_FAILURES) {
                        errors.push(ScanError {
                            plugin: Some(name.to_string()),
                            path: None,
                            message: format!(
                                "translator {name} disabled on {stack} after {} failures; \
                                 later findings were translated without it",
                                failures[i]
                            ),
                            cause: ErrorCause::Other {
                                kind: "plugin-disabled",
                            },
                            stderr: String::new(),
                            log: Vec::new(),
                        });
                    }
                }
            }
        }
        f.translation = Some(Box::new(outcome));
    }
}

/// A translator that fails this often is not asked again in this scan.
const MAX_TRANSLATOR_FAILURES: usize = 3;
