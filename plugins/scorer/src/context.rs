//! The questionnaire's evidence inside the window, each item with its age.

use opgap_pdk::readiness::{Evidence, Participant, Questionnaire};

use crate::factors::HORIZON_MONTHS;
use crate::time::months_between;

pub struct Item<'q> {
    pub evidence: &'q Evidence,
    /// Months before `assessed-on`.
    pub age: f64,
}

pub struct Context<'q> {
    pub questionnaire: &'q Questionnaire,
    /// Evidence inside the window, in file order.
    pub items: Vec<Item<'q>>,
    /// Evidence ids left out as older than the horizon.
    pub too_old: Vec<&'q str>,
}

impl<'q> Context<'q> {
    pub fn new(questionnaire: &'q Questionnaire) -> Self {
        let mut items = Vec::new();
        let mut too_old = Vec::new();
        for evidence in &questionnaire.evidence {
            let age = months_between(&evidence.date, &questionnaire.assessed_on);
            if age > HORIZON_MONTHS {
                too_old.push(evidence.id.as_str());
            } else {
                items.push(Item { evidence, age });
            }
        }
        Self {
            questionnaire,
            items,
            too_old,
        }
    }

    /// Items that count for `domain`.
    pub fn in_domain<'a>(&'a self, domain: &'a str) -> impl Iterator<Item = &'a Item<'q>> + 'a {
        self.items
            .iter()
            .filter(move |i| i.evidence.domains.iter().any(|d| d == domain))
    }

    /// The team's storage backends were declared.
    pub fn backends_known(&self) -> bool {
        !self.questionnaire.scoping.storage_backends.is_empty()
    }

    /// `(item, participation)` for every item of `domain` that `person`
    /// took part in: once per item, in their most involved role, however
    /// often the item lists them.
    pub fn taken_part<'a>(
        &'a self,
        person: &'a str,
        domain: &'a str,
    ) -> impl Iterator<Item = (&'a Item<'q>, &'q Participant)> + 'a {
        self.in_domain(domain).filter_map(move |item| {
            item.evidence
                .participants
                .iter()
                .filter(|p| p.person == person)
                .min_by_key(|p| role_rank(p.role))
                .map(|p| (item, p))
        })
    }

    pub fn name_of(&self, person: &str) -> String {
        self.questionnaire
            .people
            .iter()
            .find(|p| p.id == person)
            .map_or_else(|| person.to_string(), |p| p.name.clone())
    }
}

/// Most involved first.
fn role_rank(role: opgap_pdk::readiness::Role) -> u8 {
    use opgap_pdk::readiness::Role;
    match role {
        Role::PrimaryResponder => 0,
        Role::HandsOn => 1,
        Role::IncidentCommander => 2,
        Role::Facilitator => 3,
        Role::Shadow => 4,
        Role::Observer => 5,
    }
}

/// Ids in first-seen order without repeats.
pub fn unique_ids<'a>(ids: impl IntoIterator<Item = &'a str>) -> Vec<String> {
    let mut seen = std::collections::BTreeSet::new();
    ids.into_iter()
        .filter(|id| seen.insert(*id))
        .map(str::to_string)
        .collect()
}
