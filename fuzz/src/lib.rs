//! Properties the fuzz targets check, one function per target.
//!
//! Each takes the raw fuzz input and panics if opgap breaks a promise on
//! it: a block or step span outside the text or inside a character, a
//! block whose text is not the file's bytes at its span, pieces that lose
//! or invent text, an error located outside the file, or plugin output
//! that passes the checks while out of range or uncleaned. The same
//! functions replay saved inputs in `tests/regressions.rs`, so a crash
//! found once stays fixed.

use std::path::Path;
use std::sync::OnceLock;

use arbitrary::{Arbitrary, Unstructured};
use opgap::plugin::bindings::readiness::Model;
use opgap::plugin::bindings::{Document, Finding, Format, PluginInfo, Rule, Severity, Span};
use opgap::plugin::{
    Limits, Runtime, ScorerPlugin, builtin, check_findings, pieces, rewrites_display,
};

/// Markdown → blocks → pieces and steps.
pub fn markdown_blocks(data: &[u8]) {
    if let Ok(text) = std::str::from_utf8(data) {
        check_document("fuzz.md", Format::Markdown, text);
    }
}

/// The script readers: the first byte picks the format.
pub fn scripts(data: &[u8]) {
    let Some((&pick, rest)) = data.split_first() else {
        return;
    };
    let formats = [
        ("fuzz.ps1", Format::Powershell),
        ("fuzz.sh", Format::Shell),
        ("fuzz.py", Format::Python),
        ("fuzz.yml", Format::Yaml),
        ("fuzz.tf", Format::Hcl),
        ("fuzz.txt", Format::Text),
    ];
    let (path, format) = formats[usize::from(pick) % formats.len()];
    if let Ok(text) = std::str::from_utf8(rest) {
        check_document(path, format, text);
    }
}

/// A questionnaire against the built-in scorer's model: accepted, or
/// refused with every problem located inside the file.
pub fn questionnaire(data: &[u8]) {
    use opgap::readiness::questionnaire::{Date, parse};
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let today = Date {
        year: 2026,
        month: 11,
        day: 26,
    };
    if let Err(problems) = parse(Path::new("team.toml"), text, model(), today) {
        assert!(!problems.is_empty(), "refused without a reason");
        for p in &problems {
            check_located(text, p.line, p.column, &p.message);
        }
    }
}

/// `opgap.toml`: accepted, or refused at a place inside the file.
pub fn config(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Err(e) = opgap::config::parse(Path::new("opgap.toml"), text) {
        check_located(text, e.line, e.column, &e.message);
    }
}

/// Arbitrary plugin findings through the host's output checks.
pub fn plugin_output(data: &[u8]) {
    let mut u = Unstructured::new(data);
    let Ok(input) = OutputInput::arbitrary(&mut u) else {
        return;
    };
    let limits = Limits {
        max_findings_per_document: 64,
        ..Limits::default()
    };
    let info = info();
    let findings: Vec<Finding> = input.findings.iter().map(RawFinding::to_finding).collect();
    let count = findings.len();
    let checked = match check_findings(findings, &input.source, &info, &limits) {
        Ok(checked) => checked,
        Err(_) => {
            assert!(count > limits.max_findings_per_document, "refused {count}");
            return;
        }
    };
    assert!(count <= limits.max_findings_per_document);
    assert_eq!(checked.findings.len() + checked.rejected.len(), count);
    for f in &checked.findings {
        let (start, end) = (f.span.start as usize, f.span.end as usize);
        assert!(start <= end && end <= input.source.len());
        assert!(input.source.is_char_boundary(start) && input.source.is_char_boundary(end));
        assert!((0.0..=1.0).contains(&f.confidence));
        assert!(info.rules.iter().any(|r| r.id == f.rule_id));
        for (text, max) in [
            (&f.rule_id, 128),
            (&f.construct, 128),
            (&f.layer, 128),
            (&f.message, 2048),
            (&f.evidence, 2048),
        ] {
            assert!(text.len() <= max, "{} bytes", text.len());
            assert!(!text.chars().any(rewrites_display), "{text:?}");
        }
    }
}

fn check_document(path: &str, format: Format, text: &str) {
    let doc = opgap::parse::parse_document("fuzz", path, format, text);
    let index = opgap::parse::lines::LineIndex::new(text);
    let lines = index.line_count() as u32;
    for b in &doc.blocks {
        check_span(text, b.span, "block");
        let (start, end) = (b.span.start as usize, b.span.end as usize);
        assert_eq!(b.text, &text[start..end], "block text is not its span");
        assert!(b.line >= 1 && b.line <= lines.max(1), "line {}", b.line);
        assert!(b.column >= 1);
    }
    for step in opgap::steps::steps(&doc, text) {
        check_span(
            text,
            Span {
                start: step.start,
                end: step.end,
            },
            "step",
        );
    }
    // Tiny pieces, so every input is cut: nothing lost, nothing invented,
    // and each piece placed where the host's line index puts its start.
    if let Some(cut) = pieces(&doc, 7) {
        let whole: String = doc.blocks.iter().map(|b| b.text.as_str()).collect();
        let again: String = cut
            .iter()
            .flat_map(|d: &Document| &d.blocks)
            .map(|b| {
                check_span(text, b.span, "piece");
                assert_eq!(
                    (b.line, b.column),
                    index.position(b.span.start as usize),
                    "piece position at {}",
                    b.span.start
                );
                assert_eq!(b.text, &text[b.span.start as usize..b.span.end as usize]);
                b.text.as_str()
            })
            .collect();
        assert_eq!(whole, again, "pieces changed the text");
    }
}

fn check_span(text: &str, span: Span, what: &str) {
    let (start, end) = (span.start as usize, span.end as usize);
    assert!(
        start <= end && end <= text.len(),
        "{what} span {start}..{end} of {}",
        text.len()
    );
    assert!(
        text.is_char_boundary(start) && text.is_char_boundary(end),
        "{what} span {start}..{end} splits a character"
    );
}

/// An error's line and column must point into the file (one past the end
/// is where "missing" errors point).
fn check_located(text: &str, line: usize, column: usize, message: &str) {
    let lines: Vec<&str> = text.split('\n').collect();
    assert!(
        line >= 1 && line <= lines.len() + 1,
        "line {line} of {}: {message}",
        lines.len()
    );
    assert!(column >= 1, "column {column}: {message}");
    if let Some(l) = lines.get(line - 1) {
        assert!(
            column <= l.chars().count() + 2,
            "column {column} past the end of line {line}: {message}"
        );
    }
}

/// The built-in scorer's model, asked once per process.
fn model() -> &'static Model {
    static MODEL: OnceLock<Model> = OnceLock::new();
    MODEL.get_or_init(|| {
        let runtime = Runtime::new(Limits::default(), None).expect("wasmtime starts");
        let (name, bytes) = builtin::scorer();
        let scorer = ScorerPlugin::load(&runtime, name, bytes).expect("built-in scorer loads");
        scorer.instance().model().expect("built-in model")
    })
}

fn info() -> PluginInfo {
    let rule = |id: &str| Rule {
        id: id.into(),
        construct: "vmware.vmotion".into(),
        layer: "vmotion".into(),
        default_severity: Severity::High,
        short_help: String::new(),
        long_help: String::new(),
    };
    PluginInfo {
        name: "fuzz".into(),
        version: "0".into(),
        api_version: "0.1.0".into(),
        description: String::new(),
        rules: vec![rule("fuzz/a"), rule("fuzz/b")],
    }
}

#[derive(Debug, Arbitrary)]
struct OutputInput {
    source: String,
    findings: Vec<RawFinding>,
}

#[derive(Debug, Arbitrary)]
struct RawFinding {
    /// 0 and 1 pick a declared rule; anything else is used as it is.
    rule: u8,
    other_rule: String,
    construct: String,
    layer: String,
    confidence: f32,
    start: u32,
    end: u32,
    message: String,
    evidence: String,
}

impl RawFinding {
    fn to_finding(&self) -> Finding {
        Finding {
            rule_id: match self.rule {
                0 => "fuzz/a".into(),
                1 => "fuzz/b".into(),
                _ => self.other_rule.clone(),
            },
            construct: self.construct.clone(),
            layer: self.layer.clone(),
            severity: Severity::Medium,
            confidence: self.confidence,
            span: Span {
                start: self.start,
                end: self.end,
            },
            message: self.message.clone(),
            evidence: self.evidence.clone(),
        }
    }
}
