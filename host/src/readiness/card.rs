//! The scorecard as reports render it (`opgap.scorecard/1`), built from
//! what the scorer plugin returned after checking that every id it names
//! (evidence, people, domains, probes) exists, and cleaning its text.

use std::collections::BTreeSet;

use serde::Serialize;

use super::questionnaire::{self as q, Date};
use crate::plugin::bindings::readiness as wit;
use crate::plugin::clean;

pub const SCHEMA: &str = "opgap.scorecard/1";

const MAX_TEXT: usize = 1024;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    NotReady,
    ReadyWithRunway,
    Ready,
}

impl Verdict {
    pub fn label(self) -> &'static str {
        match self {
            Verdict::Ready => "READY",
            Verdict::ReadyWithRunway => "READY WITH RUNWAY",
            Verdict::NotReady => "NOT READY",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Risk {
    None,
    Medium,
    High,
}

impl Risk {
    pub fn label(self) -> &'static str {
        match self {
            Risk::None => "NONE",
            Risk::Medium => "MEDIUM",
            Risk::High => "HIGH",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ProbeStatus {
    Proven,
    Drilled,
    Discussed,
    Weak,
    Missing,
    NotApplicable,
}

impl ProbeStatus {
    pub fn label(self) -> &'static str {
        match self {
            ProbeStatus::Proven => "proven",
            ProbeStatus::Drilled => "drilled",
            ProbeStatus::Discussed => "discussed",
            ProbeStatus::Weak => "weak",
            ProbeStatus::Missing => "missing",
            ProbeStatus::NotApplicable => "n/a",
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct Scorecard {
    pub schema: &'static str,
    /// The questionnaire it was scored from.
    pub file: String,
    pub team: String,
    pub assessed_on: String,
    /// The scoring rules (`opgap-readiness-1` for the built-in scorer).
    pub model: String,
    pub scorer: ScorerRef,
    pub verdict: Verdict,
    /// The verdict rule that matched and what it saw.
    pub reasons: Vec<String>,
    pub index: u8,
    pub runway_weeks: u32,
    pub weeks_to_wave1: Option<i32>,
    pub domains: Vec<DomainCard>,
    pub incident_command: IncidentCommandCard,
    pub operating_model: Option<OperatingModelCard>,
    pub checks: Vec<CheckCard>,
    pub actions: Vec<ActionCard>,
    pub notes: Vec<String>,
    pub people: Vec<PersonRef>,
    pub scoping: ScopingRef,
    /// Every evidence item of the questionnaire, so each id above resolves.
    pub evidence: Vec<EvidenceRef>,
    /// Earlier questionnaires of the same team, oldest first, then this one.
    pub trend: Vec<TrendPoint>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ScorerRef {
    pub name: String,
    pub version: String,
    pub sha256: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct DomainCard {
    pub id: String,
    pub name: String,
    pub weight: u32,
    pub gate: bool,
    pub risk: Risk,
    pub team_level: u8,
    pub score: u8,
    pub reason: String,
    pub people: Vec<PersonLevel>,
    pub probes: Vec<ProbeCard>,
    pub gaps: Vec<String>,
    pub evidence: Vec<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct PersonLevel {
    pub person: String,
    pub level: u8,
    /// After caps: the sum of `contributions`, each bucket at most its cap.
    pub points: f64,
    pub evidence: Vec<String>,
    pub contributions: Vec<Contribution>,
    pub next: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct Contribution {
    pub evidence: String,
    /// Before the cap of its bucket.
    pub points: f64,
    /// `coursework`, `tabletop` or `through-vcenter`; empty when uncapped.
    pub capped_in: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct ProbeCard {
    pub id: String,
    pub critical: bool,
    pub situation: String,
    pub status: ProbeStatus,
    pub evidence: Vec<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct IncidentCommandCard {
    pub risk: Risk,
    pub commanders: Vec<String>,
    pub evidence: Vec<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct OperatingModelCard {
    pub percent: f64,
    pub risk: Risk,
    pub reason: String,
    /// The scanned repositories.
    pub repos: Vec<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct CheckCard {
    pub id: String,
    pub holds: bool,
    pub reason: String,
    pub evidence: Vec<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ActionCard {
    pub domain: Option<String>,
    pub probes: Vec<String>,
    pub people: Vec<String>,
    pub text: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct PersonRef {
    pub id: String,
    pub name: String,
    pub on_call: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct EvidenceRef {
    pub id: String,
    pub kind: q::Kind,
    pub date: String,
    pub domains: Vec<String>,
    pub probes: Vec<String>,
    pub platform: String,
    pub layer: Option<q::Layer>,
    pub severity: Option<q::IncidentSeverity>,
    pub outcome: Option<q::Outcome>,
    pub participants: Vec<ParticipantRef>,
    pub verifier: Option<String>,
    pub artifacts: Vec<String>,
    pub summary: Option<String>,
    /// Line of the item in the questionnaire.
    pub line: usize,
}

#[derive(Debug, Clone, Serialize)]
pub struct ParticipantRef {
    pub person: String,
    pub role: q::Role,
    pub authored: bool,
}

/// The team's scoping decisions and declared context, as answered.
#[derive(Debug, Clone, Serialize)]
pub struct ScopingRef {
    pub management_plane: Option<String>,
    pub decision_record: Option<String>,
    pub storage_backends: Vec<String>,
    pub uses_sriov: bool,
    pub waves: Vec<WaveRef>,
    pub sovereignty_or_cost_driver: bool,
    pub greenfield_percent: u8,
}

#[derive(Debug, Clone, Serialize)]
pub struct WaveRef {
    pub name: String,
    pub starts: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct TrendPoint {
    pub assessed_on: String,
    pub file: String,
    pub verdict: Verdict,
    pub index: u8,
    pub runway_weeks: u32,
    /// Each domain's risk, in model order.
    pub risks: Vec<DomainRisk>,
}

#[derive(Debug, Clone, Serialize)]
pub struct DomainRisk {
    pub domain: String,
    pub risk: Risk,
}

impl TrendPoint {
    /// The domains at HIGH risk on that date, by id, or `none`.
    pub fn high_risks(&self) -> String {
        let high: Vec<&str> = self
            .risks
            .iter()
            .filter(|r| r.risk == Risk::High)
            .map(|r| r.domain.as_str())
            .collect();
        if high.is_empty() {
            "none".into()
        } else {
            high.join(", ")
        }
    }
}

impl Scorecard {
    pub fn trend_point(&self) -> TrendPoint {
        TrendPoint {
            assessed_on: self.assessed_on.clone(),
            file: self.file.clone(),
            verdict: self.verdict,
            index: self.index,
            runway_weeks: self.runway_weeks,
            risks: self
                .domains
                .iter()
                .map(|d| DomainRisk {
                    domain: d.id.clone(),
                    risk: d.risk,
                })
                .collect(),
        }
    }

    pub fn person_name<'a>(&'a self, id: &'a str) -> &'a str {
        self.people
            .iter()
            .find(|p| p.id == id)
            .map_or(id, |p| p.name.as_str())
    }
}

/// What the card needs besides the scorer's answer.
pub struct Source<'a> {
    pub file: &'a str,
    pub text: &'a str,
    pub answers: &'a q::Questionnaire,
    pub model: &'a wit::Model,
    pub scorer: ScorerRef,
    pub repos: Vec<String>,
}

/// Check the scorer's ids against the questionnaire and model, and clean
/// its text; an id that does not resolve refuses the whole scorecard.
pub fn build(source: &Source, card: wit::Scorecard) -> Result<Scorecard, String> {
    let answers = source.answers;
    let evidence_ids: BTreeSet<&str> = answers
        .evidence
        .iter()
        .map(|e| e.id.get_ref().as_str())
        .collect();
    let people_ids: BTreeSet<&str> = answers
        .person
        .iter()
        .map(|p| p.id.get_ref().as_str())
        .collect();
    let evidence = |ids: Vec<String>| -> Result<Vec<String>, String> {
        for id in &ids {
            if !evidence_ids.contains(id.as_str()) {
                return Err(format!(
                    "names evidence `{}` the questionnaire does not have",
                    clean(id, 64)
                ));
            }
        }
        Ok(ids)
    };
    let person = |id: String| -> Result<String, String> {
        if people_ids.contains(id.as_str()) {
            Ok(id)
        } else {
            Err(format!(
                "names person `{}` the questionnaire does not declare",
                clean(&id, 64)
            ))
        }
    };
    let people = |ids: Vec<String>| ids.into_iter().map(person).collect::<Result<Vec<_>, _>>();
    let text = |s: &str| clean(s, MAX_TEXT);
    let texts = |v: Vec<String>| v.iter().map(|s| clean(s, MAX_TEXT)).collect::<Vec<_>>();
    let number = |x: f64| if x.is_finite() { x.max(0.0) } else { 0.0 };

    let mut domains = Vec::with_capacity(card.domains.len());
    let mut seen = BTreeSet::new();
    for d in card.domains {
        let Some(m) = source.model.domains.iter().find(|m| m.id == d.domain) else {
            return Err(format!(
                "scores domain `{}` its model does not declare",
                clean(&d.domain, 64)
            ));
        };
        if !seen.insert(m.id.clone()) {
            return Err(format!("scores domain `{}` twice", m.id));
        }
        let mut probes = Vec::with_capacity(d.probes.len());
        for p in d.probes {
            let Some(mp) = source
                .model
                .probes
                .iter()
                .find(|mp| mp.id == p.probe && mp.domain == m.id)
            else {
                return Err(format!(
                    "reports probe `{}` outside its model's {} domain",
                    clean(&p.probe, 64),
                    m.id
                ));
            };
            probes.push(ProbeCard {
                id: mp.id.clone(),
                critical: mp.critical,
                situation: mp.situation.clone(),
                status: probe_status(p.status),
                evidence: evidence(p.evidence)?,
            });
        }
        let mut levels = Vec::with_capacity(d.people.len());
        for p in d.people {
            let mut contributions = Vec::with_capacity(p.contributions.len());
            for c in p.contributions {
                evidence(vec![c.evidence.clone()])?;
                contributions.push(Contribution {
                    evidence: c.evidence,
                    points: number(c.points),
                    capped_in: clean(&c.capped_in, 32),
                });
            }
            levels.push(PersonLevel {
                person: person(p.person)?,
                level: p.level.min(5),
                points: number(p.points),
                evidence: evidence(p.evidence)?,
                contributions,
                next: text(&p.next),
            });
        }
        let gaps = d
            .gaps
            .into_iter()
            .filter(|g| probes.iter().any(|p| &p.id == g))
            .collect();
        domains.push(DomainCard {
            id: m.id.clone(),
            name: m.name.clone(),
            weight: m.weight,
            gate: m.gate,
            risk: risk(d.risk),
            team_level: d.team_level.min(4),
            score: d.score.min(100),
            reason: text(&d.reason),
            people: levels,
            probes,
            gaps,
            evidence: evidence(d.evidence)?,
        });
    }

    let mut actions = Vec::with_capacity(card.actions.len());
    for a in card.actions {
        actions.push(ActionCard {
            domain: a.domain.filter(|d| seen.contains(d)),
            probes: a
                .probes
                .into_iter()
                .filter(|p| source.model.probes.iter().any(|m| &m.id == p))
                .collect(),
            people: people(a.people)?,
            text: text(&a.text),
        });
    }
    let mut checks = Vec::with_capacity(card.checks.len());
    for c in card.checks {
        checks.push(CheckCard {
            id: clean(&c.id, 64),
            holds: c.holds,
            reason: text(&c.reason),
            evidence: evidence(c.evidence)?,
        });
    }

    Ok(Scorecard {
        schema: SCHEMA,
        file: source.file.to_string(),
        team: answers.team.name.clone(),
        assessed_on: q::date_of(&answers.team.assessed_on)
            .map(|d| d.to_string())
            .unwrap_or_default(),
        model: clean(&card.model, 64),
        scorer: source.scorer.clone(),
        verdict: match card.verdict {
            wit::Verdict::Ready => Verdict::Ready,
            wit::Verdict::ReadyWithRunway => Verdict::ReadyWithRunway,
            wit::Verdict::NotReady => Verdict::NotReady,
        },
        reasons: texts(card.reasons),
        index: card.index.min(100),
        runway_weeks: card.runway_weeks,
        weeks_to_wave1: card.weeks_to_wave1,
        domains,
        incident_command: IncidentCommandCard {
            risk: risk(card.incident_command.risk),
            commanders: people(card.incident_command.commanders)?,
            evidence: evidence(card.incident_command.evidence)?,
        },
        operating_model: card.operating_model.map(|m| OperatingModelCard {
            percent: number(m.percent).min(100.0),
            risk: risk(m.risk),
            reason: text(&m.reason),
            repos: source.repos.clone(),
        }),
        checks,
        actions,
        notes: texts(card.notes),
        people: answers
            .person
            .iter()
            .map(|p| PersonRef {
                id: p.id.get_ref().clone(),
                name: p.name.clone(),
                on_call: p.on_call,
            })
            .collect(),
        scoping: ScopingRef {
            management_plane: answers
                .scoping
                .management_plane
                .map(|m| super::records::plane_id(m).to_string()),
            decision_record: answers.scoping.decision_record.clone(),
            storage_backends: answers
                .scoping
                .storage_backends
                .iter()
                .map(|b| b.id().to_string())
                .collect(),
            uses_sriov: answers.scoping.uses_sriov,
            waves: answers
                .scoping
                .wave
                .iter()
                .map(|w| WaveRef {
                    name: w.name.clone(),
                    starts: q::date_of(&w.starts)
                        .map(|d| d.to_string())
                        .unwrap_or_default(),
                })
                .collect(),
            sovereignty_or_cost_driver: answers.signals.sovereignty_or_cost_driver,
            greenfield_percent: answers
                .signals
                .greenfield_percent
                .as_ref()
                .map_or(0, |g| *g.get_ref()),
        },
        evidence: answers
            .evidence
            .iter()
            .map(|e| EvidenceRef {
                id: e.id.get_ref().clone(),
                kind: e.kind,
                date: q::date_of(&e.date)
                    .map(|d: Date| d.to_string())
                    .unwrap_or_default(),
                domains: e.domains.iter().map(|d| d.get_ref().clone()).collect(),
                probes: e.probes.iter().map(|p| p.get_ref().clone()).collect(),
                platform: e.platform.get_ref().clone(),
                layer: e.layer,
                severity: e.severity,
                outcome: e.outcome,
                participants: e
                    .participant
                    .iter()
                    .map(|p| ParticipantRef {
                        person: p.person.get_ref().clone(),
                        role: p.role,
                        authored: p.authored,
                    })
                    .collect(),
                verifier: e.verifier.as_ref().map(|v| v.get_ref().clone()),
                artifacts: e.artifacts.iter().map(|a| a.get_ref().clone()).collect(),
                summary: e.summary.clone(),
                line: line_of(source.text, e.id.span().start),
            })
            .collect(),
        trend: Vec::new(),
    })
}

fn line_of(text: &str, offset: usize) -> usize {
    text[..offset.min(text.len())]
        .bytes()
        .filter(|&b| b == b'\n')
        .count()
        + 1
}

fn risk(r: wit::Risk) -> Risk {
    match r {
        wit::Risk::None => Risk::None,
        wit::Risk::Medium => Risk::Medium,
        wit::Risk::High => Risk::High,
    }
}

fn probe_status(s: wit::ProbeStatus) -> ProbeStatus {
    match s {
        wit::ProbeStatus::Proven => ProbeStatus::Proven,
        wit::ProbeStatus::Drilled => ProbeStatus::Drilled,
        wit::ProbeStatus::Discussed => ProbeStatus::Discussed,
        wit::ProbeStatus::Weak => ProbeStatus::Weak,
        wit::ProbeStatus::Missing => ProbeStatus::Missing,
        wit::ProbeStatus::NotApplicable => ProbeStatus::NotApplicable,
    }
}
