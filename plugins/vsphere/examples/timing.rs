//! Rough native timing of the vsphere detector over a folder of text files:
//! `cargo run --release -p opgap-plugin-vsphere --example timing -- DIR`.
mod common;

use opgap_pdk::testing::{doc, para};

fn main() {
    let dir = std::env::args().nth(1).expect("a folder");
    let texts = common::texts_below(&dir);
    let start = std::time::Instant::now();
    let d = opgap_plugin_vsphere::detector();
    println!("compile: {:?}", start.elapsed());
    let start = std::time::Instant::now();
    let mut n = 0;
    for t in &texts {
        let document = doc(t.lines().map(|l| para(&[], l)).collect());
        n += d.detect(&document).len();
    }
    println!("{} files, {n} findings: {:?}", texts.len(), start.elapsed());
}
