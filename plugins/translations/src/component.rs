//! Turning a stack's table into a `translator` component.
//!
//! Each built-in `translate-<stack>` plugin is one line:
//! `opgap_translations::export_stack_translator!("proxmox");`

use opgap_pdk::types::Fidelity as WitFidelity;
use opgap_pdk::types::{Finding, PluginInfo, Rule, Translation as Record};

use crate::{Fidelity, Translation, table};

/// The plugin's self-description: one "rule" per construct it translates.
pub fn info(stack: &str) -> PluginInfo {
    let rules = table(stack)
        .unwrap_or_default()
        .iter()
        .map(|t| {
            let c = opgap_catalogue::construct(t.construct).expect("tables follow the catalogue");
            Rule {
                id: format!("translate-{stack}/{}", short(t.construct)),
                construct: t.construct.into(),
                layer: c.layer.into(),
                default_severity: opgap_pdk::rules::severity(c.impact),
                short_help: format!("{} on {stack}", c.name),
                long_help: t.caveats.join(" "),
            }
        })
        .collect();
    PluginInfo {
        name: format!("translate-{stack}"),
        version: env!("CARGO_PKG_VERSION").into(),
        api_version: opgap_pdk::API_VERSION.into(),
        description: format!("Built-in translator: what each vCenter construct becomes on {stack}"),
        rules,
    }
}

/// The translation of a finding, when it is for this plugin's stack.
pub fn translate(own_stack: &str, finding: &Finding, stack: &str) -> Option<Record> {
    if stack != own_stack {
        return None;
    }
    crate::translate(&finding.construct, stack).map(|t| record(t, stack))
}

fn record(t: &Translation, stack: &str) -> Record {
    Record {
        construct: t.construct.into(),
        stack: stack.into(),
        fidelity: match t.fidelity {
            Fidelity::Equivalent => WitFidelity::Equivalent,
            Fidelity::Partial => WitFidelity::Partial,
            Fidelity::None => WitFidelity::None,
        },
        replacement: t.replacement.iter().map(|s| s.to_string()).collect(),
        caveats: t.caveats.iter().map(|s| s.to_string()).collect(),
        instead: t.instead.into(),
        signal: t.signal.into(),
        references: t.references.iter().map(|s| s.to_string()).collect(),
        effort: t.effort,
    }
}

fn short(construct: &str) -> &str {
    construct.strip_prefix("vmware.").unwrap_or(construct)
}

/// Export the table of `$stack` as the component's `translator` world.
/// Outside wasm this expands to nothing, so the crate tests natively.
#[macro_export]
macro_rules! export_stack_translator {
    ($stack:literal) => {
        #[cfg(target_family = "wasm")]
        mod __opgap_component {
            struct Component;

            impl opgap_pdk::translator::Guest for Component {
                fn info() -> opgap_pdk::types::PluginInfo {
                    $crate::component::info($stack)
                }
                fn translate(
                    finding: opgap_pdk::types::Finding,
                    stack: String,
                ) -> Option<opgap_pdk::types::Translation> {
                    $crate::component::translate($stack, &finding, &stack)
                }
            }

            opgap_pdk::export_translator!(Component);
        }
    };
}
