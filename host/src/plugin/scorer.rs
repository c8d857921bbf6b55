//! Scorer plugins: the readiness model a team's questionnaire is checked
//! against, and the scorecard it gets.

use std::collections::BTreeSet;

use super::bindings::readiness::{InputProblem, Model, Questionnaire, ScanContext, Scorecard};
use super::component::{Instance, Plugin};
use super::failure::{CallError, Failure};
use super::output::clean;
use super::world::ScorerWorld;

pub type ScorerPlugin = Plugin<ScorerWorld>;
pub type ScorerInstance<'p> = Instance<'p, ScorerWorld>;

const MAX_DOMAINS: usize = 32;
const MAX_PROBES: usize = 1024;
const MAX_ID: usize = 64;
const MAX_TEXT: usize = 512;

impl ScorerInstance<'_> {
    /// The plugin's domains and probes, checked: ids are plain and unique,
    /// every probe names a declared domain.
    pub fn model(&mut self) -> Result<Model, CallError> {
        let mut model = self.call(|b, s| b.call_model(s))?;
        if let Err(message) = check_model(&mut model) {
            self.distrust();
            return Err(Failure::InvalidOutput { message }.into());
        }
        Ok(model)
    }

    /// The scorecard, or the problems the scorer found in its input. The
    /// scorecard is untrusted: `readiness::card` checks and cleans it.
    pub fn score(
        &mut self,
        questionnaire: &Questionnaire,
        context: &ScanContext,
    ) -> Result<Result<Scorecard, Vec<InputProblem>>, CallError> {
        self.call(|b, s| b.call_score(s, questionnaire, context))
    }
}

fn plain_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= MAX_ID
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-' || b == b'.')
}

fn check_model(model: &mut Model) -> Result<(), String> {
    if model.domains.is_empty() || model.domains.len() > MAX_DOMAINS {
        return Err(format!(
            "declares {} domains; 1 to {MAX_DOMAINS} expected",
            model.domains.len()
        ));
    }
    if model.probes.len() > MAX_PROBES {
        return Err(format!(
            "declares {} probes, more than {MAX_PROBES}",
            model.probes.len()
        ));
    }
    model.id = clean(&model.id, MAX_ID);
    let mut domains = BTreeSet::new();
    for d in &mut model.domains {
        if !plain_id(&d.id) || !domains.insert(d.id.clone()) {
            return Err(format!(
                "domain id {:?} is not a unique plain id",
                clean(&d.id, MAX_ID)
            ));
        }
        d.name = clean(&d.name, MAX_TEXT);
    }
    if model
        .domains
        .iter()
        .map(|d| u64::from(d.weight))
        .sum::<u64>()
        == 0
    {
        return Err("the domain weights sum to 0".into());
    }
    let mut probes = BTreeSet::new();
    for p in &mut model.probes {
        if !plain_id(&p.id) || !probes.insert(p.id.clone()) {
            return Err(format!(
                "probe id {:?} is not a unique plain id",
                clean(&p.id, MAX_ID)
            ));
        }
        if !domains.contains(&p.domain) {
            return Err(format!("probe {} names an undeclared domain", p.id));
        }
        p.situation = clean(&p.situation, MAX_TEXT);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plugin::{Limits, Runtime, builtin};

    #[test]
    fn the_builtin_scorer_declares_a_consistent_model() {
        let runtime = Runtime::new(Limits::default(), None).unwrap();
        let (name, bytes) = builtin::scorer();
        let plugin = ScorerPlugin::load(&runtime, name, bytes).unwrap();
        let model = plugin.instance().model().unwrap();
        assert_eq!(model.id, "opgap-readiness-1");
        assert_eq!(model.domains.iter().map(|d| d.weight).sum::<u32>(), 100);
        assert_eq!(model.probes.len(), 42);
    }

    #[test]
    fn a_model_with_a_stray_probe_is_refused() {
        use crate::plugin::bindings::readiness::{AppliesIf, Domain, Probe};
        let mut model = Model {
            id: "m".into(),
            domains: vec![Domain {
                id: "storage".into(),
                name: "Storage".into(),
                weight: 1,
                gate: true,
            }],
            probes: vec![Probe {
                id: "x".into(),
                domain: "elsewhere".into(),
                critical: true,
                applies_if: AppliesIf::Always,
                situation: String::new(),
            }],
        };
        assert!(
            check_model(&mut model)
                .unwrap_err()
                .contains("undeclared domain")
        );
        model.probes[0].domain = "storage".into();
        model.probes[0].id = "x\u{1b}[2J".into();
        assert!(check_model(&mut model).unwrap_err().contains("plain id"));
    }
}
