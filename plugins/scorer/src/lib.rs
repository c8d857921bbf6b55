//! `scorer`: the built-in readiness model (`opgap-readiness-1`).
//!
//! It turns a team's incident history into a scorecard: points per person
//! and domain, levels behind hard gates, a team level that needs two
//! people, probe statuses, domain risks, a verdict by ordered rules, the
//! runway and the actions that close the gaps. Every number carries the
//! evidence ids behind it. `docs/readiness.md` states the rules; the
//! constants live beside the code that uses them.

mod actions;
pub mod bank;
mod checks;
mod context;
mod domains;
mod factors;
mod people;
mod probes;
mod time;
mod verdict;

use opgap_pdk::readiness::{
    EvidenceKind, InputProblem, Questionnaire, Risk, ScanContext, Scorecard,
};
use opgap_pdk::types::PluginInfo;

use context::Context;

pub fn info() -> PluginInfo {
    PluginInfo {
        name: "scorer".into(),
        version: env!("CARGO_PKG_VERSION").into(),
        api_version: opgap_pdk::API_VERSION.into(),
        description:
            "Readiness scorecards from incident-history questionnaires (opgap-readiness-1)".into(),
        rules: Vec::new(),
    }
}

pub fn score(q: &Questionnaire, scan: &ScanContext) -> Result<Scorecard, Vec<InputProblem>> {
    let problems = problems(q);
    if !problems.is_empty() {
        return Err(problems);
    }
    let ctx = Context::new(q);
    let gates: Vec<&str> = bank::DOMAINS
        .iter()
        .filter(|d| d.gate)
        .map(|d| d.id)
        .collect();
    let scored: Vec<_> = bank::DOMAINS
        .iter()
        .map(|d| domains::score(&ctx, d))
        .collect();
    let domain_results: Vec<_> = scored.iter().map(|(d, _)| d.clone()).collect();

    let incident_command = checks::incident_command(&ctx);
    // A scan without a single runbook step measures nothing.
    let model = scan.operating_model.as_ref().filter(|m| m.steps > 0);
    let omt = model.map(checks::operating_model);
    let checks = vec![
        checks::linux_centre(&ctx),
        checks::automation(&ctx, model),
        checks::without_abstraction(&ctx, &gates),
        checks::scoping(&ctx),
    ];
    let inputs = verdict::Inputs {
        domains: &domain_results,
        gates: &gates,
        incident_command: &incident_command,
        operating_model: omt.as_ref().zip(model),
        checks: &checks,
    };
    let (verdict, reasons) = verdict::verdict(&inputs);
    let runway_weeks = verdict::runway(&inputs, verdict);

    let index = {
        let weighted: f64 = bank::DOMAINS
            .iter()
            .zip(&domain_results)
            .map(|(b, d)| f64::from(b.weight) * f64::from(d.score))
            .sum();
        let total: u32 = bank::DOMAINS.iter().map(|d| d.weight).sum();
        (weighted / f64::from(total)).round() as u8
    };
    let weeks_to_wave1 = q
        .scoping
        .waves
        .iter()
        .map(|w| time::days(&w.starts))
        .min()
        .and_then(|first| {
            q.scoping
                .waves
                .iter()
                .find(|w| time::days(&w.starts) == first)
        })
        .map(|w| time::weeks_between(&q.assessed_on, &w.starts));

    let actions = actions::actions(&actions::Inputs {
        ctx: &ctx,
        domains: &scored,
        incident_command: &incident_command,
        operating_model: model,
        checks: &checks,
    });

    let mut notes = Vec::new();
    match (&scan.operating_model, model) {
        (Some(_), None) => notes.push(
            "The scan found no runbook steps: the Operating Model Test is not measured".to_string(),
        ),
        (None, _) => notes.push(
            "Operating Model Test not measured: give --scan with the team's runbooks to weigh it in"
                .to_string(),
        ),
        _ => {}
    }
    if weeks_to_wave1.is_some_and(|w| w < 0) {
        notes.push(format!(
            "Wave 1 started {} weeks before this assessment: the scorecard says what the team can run now",
            -weeks_to_wave1.unwrap_or_default()
        ));
    }
    if let Some(weeks) = weeks_to_wave1
        && weeks >= 0
        && runway_weeks > 0
        && i64::from(runway_weeks) > i64::from(weeks)
    {
        notes.push(format!(
                "The runway of {runway_weeks} weeks ends after wave 1 starts (in {weeks} weeks): move wave 1 or limit it to what the team can run today"
            ));
    }
    if !ctx.too_old.is_empty() {
        notes.push(format!(
            "Older than 60 months, not counted: {}",
            ctx.too_old.join(", ")
        ));
    }
    if incident_command.risk == Risk::High {
        notes.push("Nobody commanded two production incidents in 24 months".into());
    }

    Ok(Scorecard {
        team: q.team.clone(),
        assessed_on: q.assessed_on,
        model: bank::MODEL_ID.into(),
        verdict,
        reasons,
        index,
        runway_weeks,
        weeks_to_wave1,
        domains: domain_results,
        incident_command,
        operating_model: omt,
        checks,
        actions,
        notes,
    })
}

/// What the host's checks should have caught; a scorer still refuses
/// to score around it.
fn problems(q: &Questionnaire) -> Vec<InputProblem> {
    let mut out = Vec::new();
    for e in &q.evidence {
        let mut problem = |field: &str, message: String| {
            out.push(InputProblem {
                evidence: Some(e.id.clone()),
                field: field.into(),
                message,
            })
        };
        let needs_layer = factors::is_production(e.kind)
            || matches!(e.kind, EvidenceKind::GameDay | EvidenceKind::Tabletop);
        if needs_layer && e.layer.is_none() {
            problem(
                "layer",
                "production work, game days and tabletops need a layer".into(),
            );
        }
        for d in &e.domains {
            if bank::domain(d).is_none() {
                problem("domains", format!("unknown domain `{d}`"));
            }
        }
        for p in &e.participants {
            if !q.people.iter().any(|x| x.id == p.person) {
                problem(
                    "participant.person",
                    format!("`{}` is not declared", p.person),
                );
            }
        }
    }
    out
}

#[cfg(target_family = "wasm")]
mod component {
    use opgap_pdk::readiness::{InputProblem, Model, Questionnaire, ScanContext, Scorecard};
    use opgap_pdk::types::PluginInfo;

    struct Scorer;

    impl opgap_pdk::scorer::Guest for Scorer {
        fn info() -> PluginInfo {
            super::info()
        }
        fn model() -> Model {
            super::bank::model()
        }
        fn score(q: Questionnaire, scan: ScanContext) -> Result<Scorecard, Vec<InputProblem>> {
            super::score(&q, &scan)
        }
    }

    opgap_pdk::export_scorer!(Scorer);
}

#[cfg(test)]
mod tests;
