//! `vsphere`: the built-in detector for vCenter/vSphere constructs in runbook
//! prose and in the code blocks and scripts beside it.
//!
//! Detection runs in two passes over a document. The first runs every rule
//! over every block and notes which sections show VMware (a strong match). The
//! second keeps strong matches, and keeps context-dependent matches only in a
//! section with VMware context and without another tool named on the line.
//!
//! The logic is plain Rust over the SDK's types, so it is unit-tested natively;
//! only the export at the bottom is specific to the wasm component.

mod rules;

use std::collections::HashSet;
use std::sync::LazyLock;

use opgap_pdk::text::{is_nested, span_in};
use opgap_pdk::types::{Block, BlockKind, Document, Finding, PluginInfo, Rule};
use regex::{Regex, RegexSet};

pub use rules::{RULES, RuleDef, Strength};

/// Patterns compiled once per instance; the host reuses instances across
/// documents, so this cost is paid once per worker.
struct Compiled {
    set: RegexSet,
    each: Vec<Regex>,
    negative: Regex,
    /// For each rule, the indexes of the rules that shadow it.
    shadowers: Vec<Vec<usize>>,
}

static COMPILED: LazyLock<Compiled> = LazyLock::new(|| {
    let patterns: Vec<&str> = RULES.iter().map(|r| r.pattern).collect();
    let index_of = |id: &str| {
        RULES
            .iter()
            .position(|r| r.id == id)
            .unwrap_or_else(|| panic!("unknown rule id {id} in shadowed_by"))
    };
    Compiled {
        set: RegexSet::new(&patterns).expect("rule patterns compile"),
        each: patterns
            .iter()
            .map(|p| Regex::new(p).expect("rule pattern compiles"))
            .collect(),
        negative: Regex::new(rules::NEGATIVE_LINE_ANCHORS).expect("negative anchors compile"),
        shadowers: RULES
            .iter()
            .map(|r| r.shadowed_by.iter().map(|id| index_of(id)).collect())
            .collect(),
    }
});

pub fn info() -> PluginInfo {
    PluginInfo {
        name: "vsphere".into(),
        version: env!("CARGO_PKG_VERSION").into(),
        api_version: opgap_pdk::API_VERSION.into(),
        description: "vCenter, ESXi and vSphere constructs in Markdown runbooks and scripts".into(),
        rules: RULES
            .iter()
            .map(|r| Rule {
                id: r.id.into(),
                construct: r.construct.into(),
                layer: r.layer.into(),
                default_severity: r.severity,
                short_help: r.short_help.into(),
                long_help: r.long_help.into(),
            })
            .collect(),
    }
}

/// One rule match inside one block, as byte offsets into the block's text.
#[derive(Clone, Copy)]
struct Hit {
    rule: usize,
    block: usize,
    start: usize,
    end: usize,
}

pub fn detect(doc: &Document) -> Vec<Finding> {
    let compiled = &*COMPILED;
    let hits = collect_hits(doc, compiled);
    let context = VmwareContext::from_hits(doc, &hits);

    let mut findings = Vec::new();
    for (i, hit) in hits.iter().enumerate() {
        let rule = &RULES[hit.rule];
        let block = &doc.blocks[hit.block];
        if is_shadowed(hit, i, &hits, compiled) {
            continue;
        }
        let confidence = match rule.strength {
            Strength::Strong => 0.9,
            Strength::NeedsContext => {
                if !context.covers(block)
                    || names_other_tool(block, hit, compiled)
                    || inside_path_or_url(block, hit)
                {
                    continue;
                }
                0.6
            }
        };
        findings.push(Finding {
            rule_id: rule.id.into(),
            construct: rule.construct.into(),
            layer: rule.layer.into(),
            severity: rule.severity,
            confidence,
            span: span_in(block, hit.start, hit.end),
            message: rule.message.into(),
            evidence: block.text[hit.start..hit.end].into(),
        });
    }
    findings
}

fn collect_hits(doc: &Document, compiled: &Compiled) -> Vec<Hit> {
    let mut hits = Vec::new();
    for (b, block) in doc.blocks.iter().enumerate() {
        if is_nested(block) {
            continue;
        }
        for rule in compiled.set.matches(&block.text).iter() {
            for m in compiled.each[rule].find_iter(&block.text) {
                hits.push(Hit {
                    rule,
                    block: b,
                    start: m.start(),
                    end: m.end(),
                });
            }
        }
    }
    hits
}

/// A match is shadowed when a more specific rule matched around it in the
/// same block. Hits are grouped by block, so the scan stays within one block.
fn is_shadowed(hit: &Hit, index: usize, hits: &[Hit], compiled: &Compiled) -> bool {
    let shadowers = &compiled.shadowers[hit.rule];
    if shadowers.is_empty() {
        return false;
    }
    let same_block = |h: &&Hit| h.block == hit.block;
    let before = hits[..index].iter().rev().take_while(same_block);
    let after = hits[index + 1..].iter().take_while(same_block);
    before.chain(after).any(|other| {
        shadowers.contains(&other.rule) && other.start <= hit.start && hit.end <= other.end
    })
}

/// True when the hit is part of a path or URL (`runbooks/snapshot-x.md`):
/// a file name is not a procedure step.
fn inside_path_or_url(block: &Block, hit: &Hit) -> bool {
    let text = &block.text;
    let is_space =
        |c: char| c.is_whitespace() || matches!(c, '`' | '(' | ')' | '[' | ']' | '<' | '>');
    let token_start = text[..hit.start].rfind(is_space).map_or(0, |i| i + 1);
    let token_end = text[hit.end..]
        .find(is_space)
        .map_or(text.len(), |i| hit.end + i);
    let token = &text[token_start..token_end];
    token.contains('/') || token.contains('\\')
}

/// True when the line around the hit names a non-VMware tool.
fn names_other_tool(block: &Block, hit: &Hit, compiled: &Compiled) -> bool {
    let text = &block.text;
    let line_start = text[..hit.start].rfind('\n').map_or(0, |i| i + 1);
    let line_end = text[hit.end..]
        .find('\n')
        .map_or(text.len(), |i| hit.end + i);
    compiled.negative.is_match(&text[line_start..line_end])
}

/// Which parts of a document are about VMware: the sections (by heading
/// path) that contain a strong match, and the subtrees under headings that
/// contain one.
struct VmwareContext<'d> {
    sections: HashSet<&'d [String]>,
    heading_subtrees: Vec<&'d [String]>,
}

impl<'d> VmwareContext<'d> {
    fn from_hits(doc: &'d Document, hits: &[Hit]) -> Self {
        let mut sections = HashSet::new();
        let mut heading_subtrees = Vec::new();
        for hit in hits {
            if RULES[hit.rule].strength != Strength::Strong {
                continue;
            }
            let block = &doc.blocks[hit.block];
            sections.insert(block.heading_path.as_slice());
            if block.kind == BlockKind::Heading {
                heading_subtrees.push(block.heading_path.as_slice());
            }
        }
        Self {
            sections,
            heading_subtrees,
        }
    }

    fn covers(&self, block: &Block) -> bool {
        let path = block.heading_path.as_slice();
        self.sections.contains(path) || self.heading_subtrees.iter().any(|h| path.starts_with(h))
    }
}

#[cfg(target_family = "wasm")]
mod component {
    use opgap_pdk::types::{Document, Finding, PluginInfo};

    struct Vsphere;

    impl opgap_pdk::detector::Guest for Vsphere {
        fn info() -> PluginInfo {
            super::info()
        }
        fn detect(doc: Document) -> Vec<Finding> {
            super::detect(&doc)
        }
    }

    opgap_pdk::export_detector!(Vsphere);
}

#[cfg(test)]
mod tests;
