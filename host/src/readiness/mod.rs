//! Skills-audit scorecards from incident-history questionnaires.
//!
//! `questionnaire` reads and checks a team's answers against the scorer's
//! model; `records` hands them to the scorer plugin as typed records;
//! `card` checks the scorecard that comes back and is what reports render.

pub mod card;
pub mod questionnaire;
pub mod records;
pub mod render;
pub mod run;
