//! What to do next: concrete drills, shadowing and rewrites that close
//! the gaps the scorecard shows, most urgent first.

use opgap_pdk::readiness::{
    Action, Check, DomainResult, IncidentCommand, OperatingModel, ProbeStatus, Risk,
};

use crate::bank;
use crate::context::Context;
use crate::domains::Facts;

pub struct Inputs<'a> {
    pub ctx: &'a Context<'a>,
    pub domains: &'a [(DomainResult, Facts)],
    pub incident_command: &'a IncidentCommand,
    pub operating_model: Option<&'a OperatingModel>,
    pub checks: &'a [Check],
}

pub fn actions(inputs: &Inputs) -> Vec<Action> {
    let ctx = inputs.ctx;
    let plane = ctx
        .questionnaire
        .scoping
        .management_plane
        .clone()
        .unwrap_or_else(|| "the chosen KVM platform".into());
    let mut out = Vec::new();

    // Gate domains first, then by risk.
    let mut order: Vec<&(DomainResult, Facts)> = inputs
        .domains
        .iter()
        .filter(|(d, _)| d.risk != Risk::None)
        .collect();
    let urgency = |d: &DomainResult| {
        let gate = bank::domain(&d.domain).is_some_and(|b| b.gate);
        (d.risk != Risk::High, !gate)
    };
    order.sort_by_key(|(d, _)| urgency(d));

    for (d, facts) in order {
        let mut ranked: Vec<_> = d.people.iter().collect();
        ranked.sort_by(|a, b| b.points.total_cmp(&a.points));
        let lead = ranked.first().filter(|p| p.points > 0.0);
        let learners: Vec<String> = ranked
            .iter()
            .filter(|p| p.level < 3)
            .filter(|p| {
                ctx.questionnaire
                    .people
                    .iter()
                    .any(|q| q.id == p.person && q.on_call)
            })
            .take(2)
            .map(|p| p.person.clone())
            .collect();
        let name = |id: &str| ctx.name_of(id);
        let domain_name = bank::domain(&d.domain).map_or(d.domain.as_str(), |b| b.name);

        for gap in &d.gaps {
            let Some(probe) = d.probes.iter().find(|p| &p.probe == gap) else {
                continue;
            };
            let situation = bank::probe_by_id(gap).map_or("", |p| p.situation);
            let text = match probe.status {
                ProbeStatus::Drilled => format!(
                    "Record the next real occurrence with its artifacts and a peer verifier: {situation}"
                ),
                ProbeStatus::Discussed => format!(
                    "Turn the tabletop or lab into a game day on {plane}, hands on the primitives: {situation}"
                ),
                ProbeStatus::Weak => format!(
                    "Redo it at the primitive layer on {plane} (so far only through vCenter, a vendor, a platform tool, or stale or unverified): {situation}"
                ),
                _ => format!("Run a game day on {plane} at the primitive layer: {situation}"),
            };
            let mut people: Vec<String> = lead.map(|p| p.person.clone()).into_iter().collect();
            for learner in &learners {
                if !people.contains(learner) {
                    people.push(learner.clone());
                }
            }
            out.push(Action {
                domain: Some(d.domain.clone()),
                probes: vec![gap.clone()],
                people,
                text,
            });
        }
        if d.team_level < 3 && !learners.is_empty() {
            let text = match lead {
                Some(lead) if lead.level >= 3 => format!(
                    "Shadowing in {domain_name}: {} join {}'s on-call shifts and drills until they handle an incident hands-on; two people at L3 are needed",
                    join_names(&learners, &name),
                    name(&lead.person)
                ),
                _ => format!(
                    "Nobody is independent in {domain_name}: {} take hands-on roles in game days on {plane} and production changes, with outside help if needed",
                    join_names(&learners, &name)
                ),
            };
            out.push(Action {
                domain: Some(d.domain.clone()),
                probes: Vec::new(),
                people: learners.clone(),
                text,
            });
        }
        if facts.months_since_production.is_none_or(|m| m > 12.0) {
            out.push(Action {
                domain: Some(d.domain.clone()),
                probes: Vec::new(),
                people: learners.clone(),
                text: format!(
                    "Schedule production changes in {domain_name} done on the primitives ({})",
                    match facts.months_since_production {
                        Some(m) => format!("the last was {}", crate::time::months_ago(m)),
                        None => "none on record".into(),
                    }
                ),
            });
        }
        if facts.drilled_share < 0.6 {
            let undrilled: Vec<String> = d
                .probes
                .iter()
                .filter(|p| {
                    !p.critical
                        && !matches!(
                            p.status,
                            ProbeStatus::Proven | ProbeStatus::Drilled | ProbeStatus::NotApplicable
                        )
                })
                .map(|p| p.probe.clone())
                .collect();
            if !undrilled.is_empty() {
                out.push(Action {
                    domain: Some(d.domain.clone()),
                    text: format!(
                        "Drill the other {domain_name} probes in a game day: {}",
                        undrilled.join(", ")
                    ),
                    probes: undrilled,
                    people: learners.clone(),
                });
            }
        }
    }

    if inputs.incident_command.risk != Risk::None {
        out.push(Action {
            domain: None,
            probes: Vec::new(),
            people: inputs.incident_command.commanders.clone(),
            text: "Grow incident commanders: let a second and third person command the next production incidents, with a qualified commander beside them".into(),
        });
    }
    if let Some(model) = inputs.operating_model
        && crate::checks::share_above(model.vcenter_steps, model.steps, crate::checks::OMT_MEDIUM)
    {
        let mut layers: Vec<_> = model.layers.iter().filter(|l| l.steps > 0).collect();
        layers.sort_by(|a, b| b.steps.cmp(&a.steps).then(a.layer.cmp(&b.layer)));
        let top: Vec<String> = layers
            .iter()
            .take(3)
            .map(|l| format!("{} ({} steps)", l.layer, l.steps))
            .collect();
        out.push(Action {
            domain: None,
            probes: Vec::new(),
            people: Vec::new(),
            text: format!(
                "Rewrite the vCenter-bound runbooks for {plane}, starting with {}",
                top.join(", ")
            ),
        });
    }
    for check in inputs.checks.iter().filter(|c| !c.holds) {
        let text = match check.id.as_str() {
            crate::checks::SCOPING => format!("Finish scoping: {}", check.reason),
            crate::checks::LINUX_CENTRE => {
                "Put Linux at the centre of on-call: every on-call person takes hands-on production work on the KVM hosts".into()
            }
            crate::checks::AUTOMATION => {
                "Point automation at the platform's own API and the primitives instead of vCenter's".into()
            }
            _ => "Handle incidents in each gate domain on the primitives, not through vCenter".into(),
        };
        out.push(Action {
            domain: None,
            probes: Vec::new(),
            people: Vec::new(),
            text,
        });
    }
    out
}

fn join_names(ids: &[String], name: &dyn Fn(&str) -> String) -> String {
    let names: Vec<String> = ids.iter().map(|id| name(id)).collect();
    match names.as_slice() {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}
