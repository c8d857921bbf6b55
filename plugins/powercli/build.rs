//! Finds the literals each rule's matches must contain once, at build
//! time: it is most of the detector's start-up, which every instance of
//! the component would otherwise repeat.

#[path = "src/rules.rs"]
#[allow(dead_code)]
mod rules;

fn main() {
    println!("cargo::rerun-if-changed=src/rules.rs");
    let patterns: Vec<&str> = rules::RULES.iter().map(|r| r.pattern).collect();
    let out = std::path::Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR"))
        .join("literals.rs");
    std::fs::write(
        out,
        opgap_pdk::prefilter::required_literals_source(&patterns),
    )
    .expect("writing the literal table");
}
