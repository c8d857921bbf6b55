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
//! | `HOSTILE-SPIN n`     | n million steps of busy work, then one finding    |
//! | `HOSTILE-LEAK`       | keeps 24 MiB more on every call, then one finding |
//! | `HOSTILE-NEAR-CAP`   | holds 56 MiB (under the 64 MiB cap), one finding  |
//! | `HOSTILE-UNREACHABLE`| executes `unreachable`                            |
//! | `HOSTILE-OOB`        | reads far outside its linear memory               |
//! | `HOSTILE-FLOOD n`    | returns n findings (n thousand)                   |
//! | `HOSTILE-HUGE-TEXT`  | one finding whose message is 40 MiB               |
//! | `HOSTILE-ESCAPES`    | terminal escapes and bidi overrides in its text   |
//! | `HOSTILE-TORN-SPANS` | a reversed span and one splitting a character     |
//! | `HOSTILE-LOG-FLOOD`  | logs and prints 100 000 lines, then panics      |

use std::hint::black_box;
use std::sync::Mutex;

/// What `HOSTILE-LEAK` keeps between calls.
static LEAKED: Mutex<Vec<Vec<u8>>> = Mutex::new(Vec::new());

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

/// The number written after `directive`, e.g. `HOSTILE-SPIN 300` → 300.
fn count_after(doc: &Document, directive: &str) -> Option<u64> {
    doc.blocks.iter().find_map(|b| {
        let at = b.text.find(directive)? + directive.len();
        let digits: String = b.text[at..]
            .trim_start()
            .chars()
            .take_while(char::is_ascii_digit)
            .collect();
        digits.parse().ok()
    })
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
    if let Some(found) = misbehave_more(doc) {
        return found;
    }
    let mut x = 0u64;
    loop {
        x = black_box(x.wrapping_add(1));
    }
}

/// The directives added for the second round of hardening.
fn misbehave_more(doc: &Document) -> Option<Vec<Finding>> {
    let has = |d: &str| locate(doc, d);
    if let Some(millions) = count_after(doc, "HOSTILE-SPIN") {
        let mut x = 0u64;
        for _ in 0..millions * 1_000_000 {
            x = black_box(x.wrapping_add(1));
        }
        return Some(vec![finding(has("HOSTILE-SPIN")?, format!("spun {x}"))]);
    }
    if let Some(span) = has("HOSTILE-LEAK") {
        let mut leaked = LEAKED.lock().unwrap_or_else(|e| e.into_inner());
        leaked.push(black_box(vec![3u8; 24 << 20]));
        return Some(vec![finding(span, format!("holding {}", leaked.len()))]);
    }
    if let Some(span) = has("HOSTILE-NEAR-CAP") {
        let held = black_box(vec![5u8; 56 << 20]);
        return Some(vec![finding(span, format!("held {}", held.len() >> 20))]);
    }
    if has("HOSTILE-UNREACHABLE").is_some() {
        #[cfg(target_family = "wasm")]
        core::arch::wasm32::unreachable();
    }
    if has("HOSTILE-OOB").is_some() {
        let far = black_box(0xffff_fff0usize) as *const u64;
        // SAFETY: none; the point is to fault. The sandbox must contain it.
        let value = unsafe { core::ptr::read_volatile(far) };
        black_box(value);
    }
    if let Some(thousands) = count_after(doc, "HOSTILE-FLOOD") {
        let span = has("HOSTILE-FLOOD")?;
        let one = finding(span, String::new());
        return Some(vec![one; (thousands * 1000) as usize]);
    }
    if let Some(span) = has("HOSTILE-HUGE-TEXT") {
        let mut f = finding(span, "x".into());
        f.message = "y".repeat(40 << 20);
        return Some(vec![f]);
    }
    if let Some(span) = has("HOSTILE-ESCAPES") {
        let mut f = finding(
            span,
            "\u{1b}]8;;https://evil.example\u{7}click\u{1b}]8;;\u{7}".into(),
        );
        f.message = "\u{1b}[2J\u{1b}[31mred\u{1b}[0m \u{202e}txt.exe\u{202c} done".into();
        return Some(vec![f]);
    }
    if let Some(span) = has("HOSTILE-TORN-SPANS") {
        let reversed = Span {
            start: span.end,
            end: span.start,
        };
        // The document puts "é" (two bytes) right before the directive.
        let torn = Span {
            start: span.start - 1,
            end: span.end,
        };
        return Some(vec![
            finding(reversed, "reversed".into()),
            finding(torn, "torn".into()),
            finding(span, "fine".into()),
        ]);
    }
    if has("HOSTILE-LOG-FLOOD").is_some() {
        for i in 0..100_000u32 {
            opgap_pdk::log_warning(&format!("\u{1b}[31mline {i}\u{1b}[0m of a flood"));
            eprintln!("stderr line {i} \u{1b}[2J");
        }
        panic!("flooded on purpose");
    }
    None
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
