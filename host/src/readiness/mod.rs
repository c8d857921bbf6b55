//! Skills-audit scorecards from incident-history questionnaires.
//!
//! `bank` holds the operational domains and the failure situations
//! (probes) evidence demonstrates; `questionnaire` reads and checks a
//! team's answers. Scoring follows in a `scorer` plugin.

pub mod bank;
pub mod questionnaire;
