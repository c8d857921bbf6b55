//! Translator plugins: what a finding's construct becomes on a stack.

use super::bindings::{Finding, Translation};
use super::component::{Instance, Plugin};
use super::failure::{CallError, Failure};
use super::output::clean;
use super::world::TranslatorWorld;

pub type TranslatorPlugin = Plugin<TranslatorWorld>;
pub type TranslatorInstance<'p> = Instance<'p, TranslatorWorld>;

/// Caps on what one translation may hold, like the caps on findings.
const MAX_ENTRIES: usize = 64;
const MAX_TEXT: usize = 4096;

impl TranslatorInstance<'_> {
    /// The plugin's translation of `finding` on `stack`, checked and
    /// cleaned; `None` when it does not cover that construct or stack.
    pub fn translate(
        &mut self,
        finding: &Finding,
        stack: &str,
    ) -> Result<Option<Translation>, CallError> {
        let answer = self.call(|b, s| b.call_translate(s, finding, stack))?;
        let Some(t) = answer else { return Ok(None) };
        if t.construct != finding.construct || t.stack != stack {
            self.distrust();
            return Err(Failure::InvalidOutput {
                message: format!(
                    "asked for {} on {stack}, answered {} on {}",
                    finding.construct, t.construct, t.stack
                ),
            }
            .into());
        }
        let too_many = [&t.replacement, &t.caveats, &t.references]
            .iter()
            .any(|list| list.len() > MAX_ENTRIES);
        if too_many {
            self.distrust();
            return Err(Failure::InvalidOutput {
                message: format!("more than {MAX_ENTRIES} entries in one list"),
            }
            .into());
        }
        let list = |v: Vec<String>| v.iter().map(|s| clean(s, MAX_TEXT)).collect();
        Ok(Some(Translation {
            construct: t.construct,
            stack: t.stack,
            fidelity: t.fidelity,
            replacement: list(t.replacement),
            caveats: list(t.caveats),
            instead: clean(&t.instead, MAX_TEXT),
            signal: clean(&t.signal, MAX_TEXT),
            references: list(t.references),
            effort: t.effort,
        }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plugin::bindings::{Fidelity, Severity, Span};
    use crate::plugin::{Limits, Runtime, builtin};

    fn finding(construct: &str) -> Finding {
        Finding {
            rule_id: "test/rule".into(),
            construct: construct.into(),
            layer: "ha_ft".into(),
            severity: Severity::High,
            confidence: 0.9,
            span: Span { start: 0, end: 1 },
            message: String::new(),
            evidence: "x".into(),
        }
    }

    #[test]
    fn each_builtin_translator_answers_for_its_own_stack_only() {
        let runtime = Runtime::new(Limits::default(), None).unwrap();
        let translators = builtin::translators();
        assert_eq!(translators.len(), 4);
        for (name, bytes) in translators {
            let stack = name.strip_prefix("translate-").unwrap();
            let plugin = TranslatorPlugin::load(&runtime, name, bytes).unwrap();
            assert_eq!(plugin.name(), *name);
            let mut instance = plugin.instance();
            let ft = instance
                .translate(&finding("vmware.ft"), stack)
                .unwrap()
                .expect("every stack has a record for FT");
            assert_eq!(ft.stack, stack);
            assert!(matches!(ft.fidelity, Fidelity::None), "{stack}");
            assert!(
                !ft.instead.is_empty(),
                "{stack}: FT needs what to do instead"
            );
            let other = if stack == "proxmox" {
                "openstack"
            } else {
                "proxmox"
            };
            assert!(
                instance
                    .translate(&finding("vmware.ft"), other)
                    .unwrap()
                    .is_none()
            );
            assert!(
                instance
                    .translate(&finding("vmware.no-such-thing"), stack)
                    .unwrap()
                    .is_none()
            );
        }
    }
}
