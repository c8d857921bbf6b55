//! A detector that misbehaves on purpose, to prove the sandbox holds.
//!
//! What it does is chosen by a directive anywhere in the document text:
//!
//! | directive            | behaviour                                        |
//! |----------------------|--------------------------------------------------|
//! | (none)               | spins forever                                    |
//! | `HOSTILE-OK`         | one well-formed finding at the directive          |
//! | `HOSTILE-PANIC`      | panics with a known message                       |
//! | `HOSTILE-ALLOC`      | allocates 1 GiB at once                           |
//! | `HOSTILE-GROW`       | grows memory 1 MiB at a time, forever             |
//! | `HOSTILE-RECURSE`    | recurses without end, big frames (shadow stack)   |
//! | `HOSTILE-DEEP-CALLS` | recurses without end, small frames (wasm stack)   |
//! | `HOSTILE-SLEEP`      | sleeps an hour, then reports (time is frozen)     |
//! | `HOSTILE-CLOCK-WAIT` | busy-waits for one second of clock time           |
//! | `HOSTILE-PROBE`      | tries files, environment and network; reports what it got |
//! | `HOSTILE-BAD-SPAN`   | reports a span past the end of the document       |

use std::hint::black_box;

use opgap_pdk::types::{Document, Finding, PluginInfo, Rule, Severity, Span};

pub const RULE: &str = "hostile/probe";

pub fn info() -> PluginInfo {
    PluginInfo {
        name: "hostile".into(),
        version: "0.0.1".into(),
        api_version: if cfg!(feature = "future-api") {
            "0.2.0".into()
        } else {
            opgap_pdk::API_VERSION.into()
        },
        description: "misbehaves on purpose".into(),
        rules: vec![Rule {
            id: RULE.into(),
            construct: "test.hostile".into(),
            layer: "lifecycle".into(),
            default_severity: Severity::Info,
            short_help: "sandbox probe".into(),
            long_help: String::new(),
        }],
    }
}

fn finding(span: Span, evidence: String) -> Finding {
    Finding {
        rule_id: RULE.into(),
        construct: "test.hostile".into(),
        layer: "lifecycle".into(),
        severity: Severity::Info,
        confidence: 1.0,
        span,
        message: "hostile probe".into(),
        evidence,
    }
}

/// The file span of the first occurrence of `needle`.
fn locate(doc: &Document, needle: &str) -> Option<Span> {
    doc.blocks.iter().find_map(|b| {
        b.text.find(needle).map(|i| Span {
            start: b.span.start + i as u32,
            end: b.span.start + (i + needle.len()) as u32,
        })
    })
}

pub fn detect(doc: &Document) -> Vec<Finding> {
    let has = |d: &str| locate(doc, d);
    if let Some(span) = has("HOSTILE-OK") {
        return vec![finding(span, "ok".into())];
    }
    if has("HOSTILE-PANIC").is_some() {
        panic!("hostile guest panicked on purpose");
    }
    if has("HOSTILE-ALLOC").is_some() {
        let big = vec![7u8; 1 << 30];
        black_box(&big);
        return Vec::new();
    }
    if has("HOSTILE-GROW").is_some() {
        let mut chunks = Vec::new();
        loop {
            chunks.push(black_box(vec![1u8; 1 << 20]));
        }
    }
    if has("HOSTILE-DEEP-CALLS").is_some() {
        black_box(deep_calls(black_box(1)));
        return Vec::new();
    }
    if has("HOSTILE-RECURSE").is_some() {
        black_box(recurse(black_box(1)));
        return Vec::new();
    }
    if let Some(span) = has("HOSTILE-SLEEP") {
        std::thread::sleep(std::time::Duration::from_secs(3600));
        return vec![finding(span, "woke".into())];
    }
    if has("HOSTILE-CLOCK-WAIT").is_some() {
        let start = std::time::Instant::now();
        while start.elapsed() < std::time::Duration::from_secs(1) {
            black_box(());
        }
        return Vec::new();
    }
    if let Some(span) = has("HOSTILE-PROBE") {
        return vec![finding(span, probe_authority())];
    }
    if has("HOSTILE-BAD-SPAN").is_some() {
        return vec![finding(
            Span {
                start: 0,
                end: u32::MAX,
            },
            "bad".into(),
        )];
    }
    let mut x = 0u64;
    loop {
        x = black_box(x.wrapping_add(1));
    }
}

#[allow(unconditional_recursion)]
fn recurse(n: u64) -> u64 {
    let frame = black_box([n; 64]);
    black_box(recurse(frame[3] + 1)) + frame[0]
}

#[allow(unconditional_recursion)]
fn deep_calls(n: u64) -> u64 {
    black_box(deep_calls(black_box(n + 1))).wrapping_mul(3)
}

/// Try every authority a plugin must not have; say what happened.
fn probe_authority() -> String {
    let file = match std::fs::read_to_string("/etc/passwd") {
        Ok(_) => "file:READ".to_string(),
        Err(_) => "file:denied".to_string(),
    };
    let env = match std::env::vars().count() {
        0 => "env:empty".to_string(),
        n => format!("env:{n}-vars"),
    };
    let net = match std::net::TcpStream::connect("127.0.0.1:9") {
        Ok(_) => "net:CONNECTED".to_string(),
        Err(_) => "net:denied".to_string(),
    };
    let dir = match std::fs::read_dir("/") {
        Ok(_) => "dir:LISTED".to_string(),
        Err(_) => "dir:denied".to_string(),
    };
    format!("{file} {env} {net} {dir}")
}

#[cfg(target_family = "wasm")]
mod component {
    use opgap_pdk::types::{Document, Finding, PluginInfo};

    struct Hostile;

    impl opgap_pdk::detector::Guest for Hostile {
        fn info() -> PluginInfo {
            super::info()
        }
        fn detect(doc: Document) -> Vec<Finding> {
            super::detect(&doc)
        }
    }

    opgap_pdk::export_detector!(Hostile);
}
