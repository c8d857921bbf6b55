//! Finds the literals each rule's matches must contain once, at build
//! time: it is most of the detector's start-up, which every instance of
//! the component would otherwise repeat.

#[path = "src/rules.rs"]
#[allow(dead_code)]
mod rules;

fn main() {
    opgap_pdk::prefilter::write_literal_table(rules::RULES);
}
