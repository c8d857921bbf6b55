//! Peak heap of the vsphere detector over a folder of text files, one
//! instance for all of them as in the host:
//! `cargo run --release -p opgap-plugin-vsphere --example memory -- DIR`.
use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};

mod common;

use opgap_pdk::testing::{doc, para};

struct Counting;
static NOW: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let now = NOW.fetch_add(layout.size(), Ordering::Relaxed) + layout.size();
        PEAK.fetch_max(now, Ordering::Relaxed);
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        NOW.fetch_sub(layout.size(), Ordering::Relaxed);
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

fn main() {
    let dir = std::env::args().nth(1).expect("a folder");
    let texts = common::texts_below(&dir);
    let d = opgap_plugin_vsphere::detector();
    let mib = |b: usize| b as f64 / (1 << 20) as f64;
    println!(
        "after compile: {:.1} MiB live",
        mib(NOW.load(Ordering::Relaxed))
    );
    for (i, t) in texts.iter().enumerate() {
        let document = doc(t.lines().map(|l| para(&[], l)).collect());
        d.detect(&document);
        if i % 20 == 19 {
            println!(
                "{} files: {:.1} MiB live, {:.1} MiB peak",
                i + 1,
                mib(NOW.load(Ordering::Relaxed)),
                mib(PEAK.load(Ordering::Relaxed))
            );
        }
    }
    println!(
        "end: {:.1} MiB live, {:.1} MiB peak",
        mib(NOW.load(Ordering::Relaxed)),
        mib(PEAK.load(Ordering::Relaxed))
    );
}
