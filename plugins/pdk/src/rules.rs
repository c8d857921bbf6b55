//! A rule engine for detectors: declare patterns per construct, get
//! context-aware findings with exact spans.
//!
//! Rules are `Strong` when their pattern only occurs in the VMware sense
//! (`Connect-VIServer`, `govc vm.migrate`), and `NeedsContext` when the words
//! have other senses too (snapshot, DRS, `Get-VM`). A context rule fires only
//! in a document that shows VMware somewhere (a strong match of the
//! same plugin or a product word), never on a line that names a KVM-side or
//! other-vendor tool, and never inside a path or URL. A topic rule
//! (`OnTopic`) goes one step further: its words ("revert", "pool") name the
//! construct only in a document where another rule already found that
//! construct.
//!
//! Detection is linear in the document: one Aho-Corasick pass per block
//! over the literals the rules require selects the rules worth running
//! (see `prefilter`), each compiled once per instance.
//!
//! Patterns are Rust `regex` syntax matched on bytes with Unicode off:
//! `\b`, `\w`, `\s` and `(?i)` are ASCII, which keeps the automata small
//! (hundreds of rules share one plugin's memory limit) and fast on text with
//! en dashes and arrows. Spans are widened to whole characters.
//!
//! ```
//! use opgap_pdk::rules::{Detector, Rule};
//! static RULES: &[Rule] = &[
//!     Rule::strong("vmware.vmotion", r"\bvMotion\b"),
//!     Rule::weak("vmware.drs", r"\bDRS\b"),
//! ];
//! let detector = Detector::new("demo", "an example", RULES);
//! assert_eq!(detector.info().rules[1].id, "demo/drs.weak");
//! ```
//!
//! Topic rules in action: "Revert" counts in a snapshot runbook only.
//!
//! ```
//! use opgap_pdk::rules::{Detector, Rule};
//! use opgap_pdk::testing::{doc, para};
//! static RULES: &[Rule] = &[
//!     Rule::strong("vmware.snapshot.revert", r"\bRevert-VM\b|\bRevertToSnapshot_Task\b"),
//!     Rule::on_topic("vmware.snapshot.revert", r"(?i)\brevert\b"),
//! ];
//! let detector = Detector::new("demo", "an example", RULES);
//! let about = doc(vec![para(&[], "Call RevertToSnapshot_Task on the VM."), para(&[], "## Revert when the change fails")]);
//! assert_eq!(detector.detect(&about).len(), 2);
//! let other = doc(vec![para(&[], "vCenter upgrade."), para(&[], "Revert the DNS record if needed.")]);
//! assert!(detector.detect(&other).is_empty());
//! ```

use std::collections::HashSet;
use std::sync::OnceLock;

use opgap_catalogue::Impact;
use regex::bytes::{Regex, RegexBuilder};

use crate::prefilter::Prefilter;
use crate::text::{is_nested, span_in};
use crate::types::{Block, BlockKind, Document, Finding, PluginInfo, Rule as RuleInfo, Severity};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Strength {
    /// Fires on its own.
    Strong,
    /// Fires only in a document that shows VMware somewhere.
    NeedsContext,
    /// Fires only in a VMware document where another rule already found
    /// the same construct: "Revert when the change fails" is a snapshot
    /// revert in a runbook about snapshots, and nothing in one about DNS.
    OnTopic,
}

/// Which blocks a rule reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scope {
    Any,
    /// Headings, paragraphs, list items, table cells, and comment lines
    /// inside code (a script's comments are prose too).
    Prose,
    /// Code blocks and whole scripts.
    Code,
}

/// One pattern for one construct.
#[derive(Clone, Copy, Debug)]
pub struct Rule {
    /// A construct id from the catalogue, e.g. `vmware.vmotion`.
    pub construct: &'static str,
    pub strength: Strength,
    pub scope: Scope,
    /// Rust `regex` syntax (linear time, no backtracking).
    pub pattern: &'static str,
    /// A match inside a match of one of these constructs is dropped
    /// ("Storage vMotion" is not also plain vMotion). [`ANY_CONSTRUCT`]
    /// stands for every other construct (used by bare product mentions).
    pub shadowed_by: &'static [&'static str],
    /// Words that, on the same line, mean another sense.
    pub not_with: Option<&'static str>,
    /// Other findings on the same line are dropped (a migration step that
    /// converts a `.vmdk` is not a dependency on VM files).
    pub claims_line: bool,
}

impl Rule {
    /// A pattern that only ever means the VMware construct: fires on its own.
    ///
    /// ```
    /// use opgap_pdk::rules::{Detector, Rule};
    /// use opgap_pdk::testing::{code, constructs, doc, para};
    /// static R: &[Rule] = &[Rule::strong("vmware.vmotion", r"\bvMotion\b")];
    /// let d = Detector::new("demo", "", R);
    /// assert_eq!(constructs(&d, &doc(vec![para(&[], "Use vMotion.")])), ["vmware.vmotion"]);
    /// ```
    pub const fn strong(construct: &'static str, pattern: &'static str) -> Self {
        Self {
            construct,
            strength: Strength::Strong,
            scope: Scope::Any,
            pattern,
            shadowed_by: &[],
            not_with: None,
            claims_line: false,
        }
    }

    /// Words with other senses too: fire only in a document that shows
    /// VMware elsewhere, never on a line naming a KVM-side tool.
    ///
    /// ```
    /// use opgap_pdk::rules::{Detector, Rule};
    /// use opgap_pdk::testing::{code, constructs, doc, para};
    /// static R: &[Rule] = &[Rule::weak("vmware.drs", r"\bDRS\b")];
    /// let d = Detector::new("demo", "", R);
    /// assert!(constructs(&d, &doc(vec![para(&[], "DRS means disaster recovery site here.")])).is_empty());
    /// assert_eq!(constructs(&d, &doc(vec![para(&[], "In vCenter, set DRS to manual.")])), ["vmware.drs"]);
    /// ```
    pub const fn weak(construct: &'static str, pattern: &'static str) -> Self {
        Self {
            strength: Strength::NeedsContext,
            ..Self::strong(construct, pattern)
        }
    }

    /// A word that names the construct only where the document is about it
    /// (see [`Strength::OnTopic`]).
    pub const fn on_topic(construct: &'static str, pattern: &'static str) -> Self {
        Self {
            strength: Strength::OnTopic,
            ..Self::strong(construct, pattern)
        }
    }

    /// Read only code blocks and whole scripts.
    ///
    /// ```
    /// use opgap_pdk::rules::{Detector, Rule};
    /// use opgap_pdk::testing::{code, constructs, doc, para};
    /// static R: &[Rule] = &[Rule::strong("vmware.vmotion", r"\bMove-VM\b").in_code()];
    /// let d = Detector::new("demo", "", R);
    /// assert!(constructs(&d, &doc(vec![para(&[], "Move-VM is the cmdlet.")])).is_empty());
    /// assert_eq!(constructs(&d, &doc(vec![code("powershell", "Move-VM web01")])), ["vmware.vmotion"]);
    /// ```
    pub const fn in_code(self) -> Self {
        Self {
            scope: Scope::Code,
            ..self
        }
    }

    /// Read only prose: headings, paragraphs, list items, cells and
    /// comment lines in code.
    ///
    /// ```
    /// use opgap_pdk::rules::{Detector, Rule};
    /// use opgap_pdk::testing::{code, constructs, doc, para};
    /// static R: &[Rule] = &[Rule::strong("vmware.vmotion", r"(?i)\bmigrate the vm live\b").in_prose()];
    /// let d = Detector::new("demo", "", R);
    /// assert!(constructs(&d, &doc(vec![code("sh", "echo migrate the VM live")])).is_empty());
    /// ```
    pub const fn in_prose(self) -> Self {
        Self {
            scope: Scope::Prose,
            ..self
        }
    }

    /// Drop a match that lies inside a match of one of these constructs.
    ///
    /// ```
    /// use opgap_pdk::rules::{Detector, Rule};
    /// use opgap_pdk::testing::{code, constructs, doc, para};
    /// static R: &[Rule] = &[
    ///     Rule::strong("vmware.storage_vmotion", r"\bStorage vMotion\b"),
    ///     Rule::strong("vmware.vmotion", r"\bvMotion\b").shadowed_by(&["vmware.storage_vmotion"]),
    /// ];
    /// let d = Detector::new("demo", "", R);
    /// assert_eq!(constructs(&d, &doc(vec![para(&[], "Storage vMotion the disks.")])), ["vmware.storage_vmotion"]);
    /// ```
    pub const fn shadowed_by(self, constructs: &'static [&'static str]) -> Self {
        Self {
            shadowed_by: constructs,
            ..self
        }
    }

    /// Words that, on the same line, mean another sense.
    ///
    /// ```
    /// use opgap_pdk::rules::{Detector, Rule};
    /// use opgap_pdk::testing::{code, constructs, doc, para};
    /// static R: &[Rule] = &[Rule::strong("vmware.vmotion", r"\bmigrate\b").not_with(r"\bdatabase\b")];
    /// let d = Detector::new("demo", "", R);
    /// assert!(constructs(&d, &doc(vec![para(&[], "migrate the database schema")])).is_empty());
    /// ```
    pub const fn not_with(self, pattern: &'static str) -> Self {
        Self {
            not_with: Some(pattern),
            ..self
        }
    }

    /// Other findings on the same line are dropped: the line is about this.
    ///
    /// ```
    /// use opgap_pdk::rules::{Detector, Rule};
    /// use opgap_pdk::testing::{code, constructs, doc, para};
    /// static R: &[Rule] = &[
    ///     Rule::strong("vmware.vm.files_vmx_vmdk", r"\.vmdk\b"),
    ///     Rule::strong("vmware.cold_migration", r"(?i)\bcold migrat").claims_line(),
    /// ];
    /// let d = Detector::new("demo", "", R);
    /// assert_eq!(constructs(&d, &doc(vec![para(&[], "Cold migrate web01.vmdk to ds2.")])), ["vmware.cold_migration"]);
    /// ```
    pub const fn claims_line(self) -> Self {
        Self {
            claims_line: true,
            ..self
        }
    }
}

/// The most findings one document may return: the host's default limit,
/// beyond which it refuses the whole answer.
pub const MAX_FINDINGS_PER_DOCUMENT: usize = 50_000;

/// In `shadowed_by`: any construct other than the rule's own.
pub const ANY_CONSTRUCT: &str = "*";

/// Words that show a document is about VMware without being findings of
/// their own in every plugin.
pub const VMWARE_ANCHORS: &str = r"(?i)\b(vcenter|vcsa\d*|esxi|vsphere|vsan|nsx(-t)?|vrops|vrealize|aria\s+operations|vcf\s+operations|powercli|vmware|connect-viserver|govc|esxcli|esxtop|vim-cmd|vmkfstools|pktcap-uw|pyvmomi|vmfs|vmotion|vmkernel|vmk\d+|dvswitch|dvportgroup|vsandatastore|spbm)\b|\bvmware_|\bvsphere_|\.vmx\b|\.vmdk\b";

/// Tools on the KVM side or of other vendors: a context rule never fires on
/// a line that names one.
pub const OTHER_TOOLS: &str = r"(?i)\b(zfs|lvcreate|lvm|rbd|ceph|aws|gcloud|az|kubectl|volumesnapshots?|velero|etcdctl|elasticsearch|pg_dump|pg_basebackup|mysql|hyper-v|qm|pct|pvesh|pvesm|pvecm|pveum|ha-manager|vzdump|proxmox|virsh|virt-install|libvirt|openstack|nova|ovirt|vdsm-client|btrfs|helm|terraform\s+state)\b";

/// Lazy-DFA cache per rule regex. A rule's regex only runs on a block that
/// holds one of its literals, so a small cache is enough, and 300 rules at
/// this size stay well inside the host's 64 MiB.
const RULE_DFA_CACHE: usize = 64 << 10;

/// A detector built from a rule table.
pub struct Detector {
    name: &'static str,
    description: &'static str,
    rules: &'static [Rule],
    ids: Vec<String>,
    /// For each rule, the rules whose matches shadow it.
    shadowers: Vec<Vec<usize>>,
    /// Built with the detector, so that the host's warm-up `info` call, not
    /// the first document, pays for compiling the patterns.
    engine: Engine,
}

/// The compiled matching machinery of a detector.
struct Engine {
    prefilter: Prefilter,
    /// Each rule's own regex, compiled on its first match: most rules never
    /// match a given estate, and compiling them all would dominate start-up.
    each: Vec<OnceLock<Regex>>,
    not_with: Vec<Option<Regex>>,
    anchors: Regex,
    other_tools: Regex,
    comment_openers: Regex,
}

impl Engine {
    fn new(rules: &[Rule], prefilter: Prefilter) -> Self {
        Self {
            prefilter,
            each: rules.iter().map(|_| OnceLock::new()).collect(),
            not_with: rules
                .iter()
                .map(|r| {
                    r.not_with
                        .map(|p| ascii_regex(p).unwrap_or_else(|e| panic!("not_with: {e}")))
                })
                .collect(),
            anchors: ascii_regex(VMWARE_ANCHORS).expect("anchor pattern"),
            other_tools: ascii_regex(OTHER_TOOLS).expect("other-tools pattern"),
            comment_openers: ascii_regex(r#"<#|"""|'''|/\*"#).expect("comment openers"),
        }
    }
}

/// One rule match inside one block, as offsets into the block's text.
#[derive(Clone, Copy)]
struct Hit {
    rule: usize,
    block: usize,
    start: usize,
    end: usize,
}

impl Detector {
    /// Compile the rules. Panics on an invalid pattern or an unknown
    /// construct: rule tables are code, checked by each plugin's tests.
    pub fn new(name: &'static str, description: &'static str, rules: &'static [Rule]) -> Self {
        let patterns: Vec<String> = rules.iter().map(|r| r.pattern.to_string()).collect();
        Self::build(name, description, rules, Prefilter::new(&patterns))
    }

    /// As [`Detector::new`], with each rule's literals found by the
    /// crate's build script (see [`crate::prefilter::required_literals_source`]),
    /// which saves every instance most of its start-up:
    ///
    /// ```text
    /// // build.rs
    /// #[path = "src/rules.rs"]
    /// mod rules;
    /// fn main() {
    ///     opgap_pdk::prefilter::write_literal_table(rules::RULES);
    /// }
    /// // lib.rs
    /// Detector::with_literals("name", "description", RULES, include!(concat!(env!("OUT_DIR"), "/literals.rs")))
    /// ```
    pub fn with_literals(
        name: &'static str,
        description: &'static str,
        rules: &'static [Rule],
        literals: crate::prefilter::RequiredLiterals,
    ) -> Self {
        assert_eq!(
            literals.len(),
            rules.len(),
            "the literal table was made from another rule table"
        );
        Self::build(name, description, rules, Prefilter::from_table(literals))
    }

    /// The rule table.
    pub fn rules(&self) -> &'static [Rule] {
        self.rules
    }

    pub(crate) fn prefilter(&self) -> &Prefilter {
        &self.engine.prefilter
    }

    fn build(
        name: &'static str,
        description: &'static str,
        rules: &'static [Rule],
        prefilter: Prefilter,
    ) -> Self {
        for r in rules {
            assert!(
                opgap_catalogue::construct(r.construct).is_some(),
                "unknown construct {}",
                r.construct
            );
        }
        Self {
            name,
            description,
            rules,
            ids: rule_ids(name, rules),
            engine: Engine::new(rules, prefilter),
            shadowers: rules
                .iter()
                .map(|r| {
                    let any = r.shadowed_by.contains(&ANY_CONSTRUCT);
                    (0..rules.len())
                        .filter(|&j| {
                            let other = rules[j].construct;
                            (any && other != r.construct) || r.shadowed_by.contains(&other)
                        })
                        .collect()
                })
                .collect(),
        }
    }

    /// The plugin's self-description: a rule per table row, named
    /// `plugin/construct-suffix`, with the catalogue's layer and severity.
    ///
    /// ```
    /// use opgap_pdk::rules::{Detector, Rule};
    /// use opgap_pdk::testing::{code, constructs, doc, para};
    /// static R: &[Rule] = &[Rule::strong("vmware.vmotion", r"\bvMotion\b")];
    /// let info = Detector::new("demo", "an example", R).info();
    /// assert_eq!((info.rules[0].id.as_str(), info.rules[0].layer.as_str()), ("demo/vmotion", "vmotion"));
    /// ```
    pub fn info(&self) -> PluginInfo {
        PluginInfo {
            name: self.name.into(),
            version: env!("CARGO_PKG_VERSION").into(),
            api_version: crate::API_VERSION.into(),
            description: self.description.into(),
            rules: self
                .rules
                .iter()
                .zip(&self.ids)
                .map(|(r, id)| {
                    let c = opgap_catalogue::construct(r.construct).expect("checked in new");
                    let layer = opgap_catalogue::layer(c.layer).expect("catalogue is consistent");
                    RuleInfo {
                        id: id.clone(),
                        construct: c.id.into(),
                        layer: c.layer.into(),
                        default_severity: severity(c.impact),
                        short_help: c.name.into(),
                        long_help: format!(
                            "{}: {}. Pattern{}: `{}`",
                            c.name,
                            layer.why,
                            match r.strength {
                                Strength::Strong => "",
                                Strength::NeedsContext => " (only in a VMware document)",
                                Strength::OnTopic => {
                                    " (only in a VMware document that shows this construct elsewhere)"
                                }
                            },
                            r.pattern
                        ),
                    }
                })
                .collect(),
        }
    }

    /// Every finding in a document, with exact file spans.
    ///
    /// ```
    /// use opgap_pdk::rules::{Detector, Rule};
    /// use opgap_pdk::testing::{code, constructs, doc, para};
    /// static R: &[Rule] = &[Rule::strong("vmware.vmotion", r"\bvMotion\b")];
    /// let found = Detector::new("demo", "", R).detect(&doc(vec![para(&[], "Use vMotion.")]));
    /// assert_eq!((found[0].span.start, found[0].span.end), (4, 11));
    /// ```
    pub fn detect(&self, doc: &Document) -> Vec<Finding> {
        let hits = self.collect_hits(doc);
        let about_vmware = about_vmware(doc, &hits, self);
        let comments = self.block_comments(doc, &hits);
        // Line lookups and line checks are shared by every hit of a line, so
        // a long line with many hits is read a bounded number of times.
        let mut lines = Lines::new(doc, &hits);
        // Only hits that pass their own checks may shadow others: a weak
        // "vMotion VLAN" vetoed on a Proxmox line must not hide a strong one.
        let mut viable: Vec<bool> = hits
            .iter()
            .map(|hit| self.viable(doc, hit, about_vmware, &comments[hit.block], &mut lines))
            .collect();
        let on_topic = |hit: &Hit| self.rules[hit.rule].strength == Strength::OnTopic;
        let topics: HashSet<&str> = hits
            .iter()
            .zip(&viable)
            .filter(|(hit, ok)| **ok && !on_topic(hit))
            .map(|(hit, _)| self.rules[hit.rule].construct)
            .collect();
        for (hit, ok) in hits.iter().zip(viable.iter_mut()) {
            if on_topic(hit) && !topics.contains(self.rules[hit.rule].construct) {
                *ok = false;
            }
        }
        let by_start = ByStart::new(&hits);
        let kept: Vec<&Hit> = hits
            .iter()
            .enumerate()
            .filter(|(i, hit)| viable[*i] && !self.is_shadowed(hit, *i, &hits, &viable, &by_start))
            .map(|(_, hit)| hit)
            .collect();
        let claimed: HashSet<(usize, usize)> = kept
            .iter()
            .filter(|h| self.rules[h.rule].claims_line)
            .map(|h| (h.block, lines.bounds(h).0))
            .collect();
        let mut reported: Vec<&Hit> = kept
            .into_iter()
            .filter(|h| {
                self.rules[h.rule].claims_line || !claimed.contains(&(h.block, lines.bounds(h).0))
            })
            .collect();
        let file_span = |h: &&Hit| {
            let at = doc.blocks[h.block].span.start as usize;
            (at + h.start, at + h.end)
        };
        reported.sort_by_key(file_span);
        if reported.len() > MAX_FINDINGS_PER_DOCUMENT {
            // The host refuses more; the first ones in the file are kept.
            crate::log_warning(&format!(
                "{} findings in {}, only the first {MAX_FINDINGS_PER_DOCUMENT} reported",
                reported.len(),
                doc.path
            ));
            reported.truncate(MAX_FINDINGS_PER_DOCUMENT);
        }
        reported.into_iter().map(|h| self.finding(doc, h)).collect()
    }

    fn collect_hits(&self, doc: &Document) -> Vec<Hit> {
        let engine = &self.engine;
        let mut hits = Vec::new();
        for (b, block) in doc.blocks.iter().enumerate() {
            if is_nested(block) {
                continue;
            }
            for rule in engine.prefilter.candidates(block.text.as_bytes()) {
                if !in_scope(self.rules[rule].scope, block) {
                    continue;
                }
                let regex = engine.each[rule].get_or_init(|| {
                    // Hundreds of rules each keep a lazy-DFA cache for the
                    // life of the instance; at the default 2 MiB each they
                    // would outgrow the host's memory limit on a big estate.
                    RegexBuilder::new(self.rules[rule].pattern)
                        .unicode(false)
                        .dfa_size_limit(RULE_DFA_CACHE)
                        .build()
                        .unwrap_or_else(|e| panic!("rule pattern: {e}"))
                });
                for m in regex.find_iter(block.text.as_bytes()) {
                    if m.start() < m.end() {
                        let (start, end) = char_bounds(&block.text, m.start(), m.end());
                        hits.push(Hit {
                            rule,
                            block: b,
                            start,
                            end,
                        });
                    }
                }
            }
        }
        hits
    }

    /// Whether a hit passes its own rule's checks: scope, vetoes, context.
    fn viable(
        &self,
        doc: &Document,
        hit: &Hit,
        about_vmware: bool,
        comments: &[(usize, usize)],
        lines: &mut Lines,
    ) -> bool {
        let rule = &self.rules[hit.rule];
        let block = &doc.blocks[hit.block];
        let (line_start, line_end) = lines.bounds(hit);
        let line = &block.text[line_start..line_end];
        if let Some(not_with) = &self.engine.not_with[hit.rule]
            && *lines
                .vetoed
                .entry((hit.rule, hit.block, line_start))
                .or_insert_with(|| not_with.is_match(line.as_bytes()))
        {
            return false;
        }
        if rule.scope == Scope::Prose
            && block.kind == BlockKind::Code
            && !is_comment(line)
            && !comments
                .iter()
                .any(|&(s, e)| s <= hit.start && hit.start < e)
        {
            return false;
        }
        if is_terraform_reference(&block.text, hit.start, hit.end) {
            return false;
        }
        match rule.strength {
            // A product name inside a file name or URL
            // (`runbooks/vcenter-alarms.md`) mentions a file, not the product.
            Strength::Strong if opgap_catalogue::is_product_mention(rule.construct) => {
                !inside_path_or_url(&block.text, hit.start, hit.end)
            }
            Strength::Strong => true,
            Strength::NeedsContext | Strength::OnTopic => {
                about_vmware
                    && !*lines
                        .other_tool
                        .entry((hit.block, line_start))
                        .or_insert_with(|| self.engine.other_tools.is_match(line.as_bytes()))
                    && !inside_path_or_url(&block.text, hit.start, hit.end)
            }
        }
    }

    /// For each block, the byte ranges of its block comments and
    /// docstrings (`<# #>`, triple quotes, `/* */`), where prose rules apply
    /// as they do on `#` lines. Only code blocks with a hit are scanned,
    /// each once, left to right.
    fn block_comments(&self, doc: &Document, hits: &[Hit]) -> Vec<Vec<(usize, usize)>> {
        let mut regions = vec![Vec::new(); doc.blocks.len()];
        let mut scanned = vec![false; doc.blocks.len()];
        for hit in hits {
            let block = &doc.blocks[hit.block];
            if scanned[hit.block] || block.kind != BlockKind::Code {
                continue;
            }
            scanned[hit.block] = true;
            let language = block.language.as_deref().unwrap_or("");
            let text = &block.text;
            let mut at = 0;
            while let Some(open) = self.engine.comment_openers.find_at(text.as_bytes(), at) {
                // `/*` is a glob in a shell script, `"""` a string in
                // PowerShell: each opener counts only in its own language.
                let close = match (&text[open.range()], language) {
                    ("<#", "powershell" | "ps1" | "pwsh" | "ps") => "#>",
                    (
                        "/*",
                        "hcl" | "terraform" | "tf" | "js" | "javascript" | "go" | "c" | "java",
                    ) => "*/",
                    (quotes @ ("\"\"\"" | "'''"), "python" | "py" | "python3") => quotes,
                    _ => {
                        at = open.end();
                        continue;
                    }
                };
                let end = text[open.end()..]
                    .find(close)
                    .map_or(text.len(), |i| open.end() + i + close.len());
                regions[hit.block].push((open.start(), end));
                at = end;
            }
        }
        regions
    }

    /// A hit is shadowed by a hit of a more specific construct around it,
    /// or by another hit of its own construct around it (a weak "HA" inside
    /// a strong "vSphere HA"). Hits are grouped by block, so only the same
    /// block is searched.
    fn is_shadowed(
        &self,
        hit: &Hit,
        index: usize,
        hits: &[Hit],
        viable: &[bool],
        by_start: &ByStart,
    ) -> bool {
        let shadowers = &self.shadowers[hit.rule];
        let construct = self.rules[hit.rule].construct;
        by_start
            .containing_candidates(hit)
            .filter(|&i| i != index && viable[i])
            .map(|i| (i, &hits[i]))
            .any(|(i, other)| {
                let contains = other.start <= hit.start && hit.end <= other.end;
                let same_span = other.start == hit.start && other.end == hit.end;
                contains
                    && (shadowers.contains(&other.rule)
                        || (self.rules[other.rule].construct == construct
                            && (!same_span || i < index)))
            })
    }

    fn finding(&self, doc: &Document, hit: &Hit) -> Finding {
        let rule = &self.rules[hit.rule];
        let block = &doc.blocks[hit.block];
        let c = opgap_catalogue::construct(rule.construct).expect("checked in new");
        let why = opgap_catalogue::layer(c.layer).map_or("", |l| l.why);
        Finding {
            rule_id: self.ids[hit.rule].clone(),
            construct: c.id.into(),
            layer: c.layer.into(),
            severity: severity(c.impact),
            confidence: match rule.strength {
                Strength::Strong => 0.9,
                Strength::NeedsContext => 0.6,
                Strength::OnTopic => 0.5,
            },
            span: span_in(block, hit.start, hit.end),
            message: format!("{}: {why}.", c.name),
            evidence: block.text[hit.start..hit.end].into(),
        }
    }
}

/// A byte regex with Unicode off, the way every pattern here is compiled.
fn ascii_regex(pattern: &str) -> Result<Regex, regex::Error> {
    RegexBuilder::new(pattern).unicode(false).build()
}

/// Widen `start..end` to whole characters: with Unicode off a class like
/// `[^.\n]` can stop inside a multi-byte character.
fn char_bounds(text: &str, mut start: usize, mut end: usize) -> (usize, usize) {
    while !text.is_char_boundary(start) {
        start -= 1;
    }
    while !text.is_char_boundary(end) {
        end += 1;
    }
    (start, end)
}

/// `plugin/construct-without-vendor-prefix`, `.weak` for context rules, and
/// a numeric suffix where a plugin has several rules of one kind.
fn rule_ids(plugin: &str, rules: &[Rule]) -> Vec<String> {
    let mut seen = HashSet::new();
    rules
        .iter()
        .map(|r| {
            let short = r.construct.strip_prefix("vmware.").unwrap_or(r.construct);
            let weak = match r.strength {
                Strength::Strong => "",
                Strength::NeedsContext => ".weak",
                Strength::OnTopic => ".topic",
            };
            let base = format!("{plugin}/{short}{weak}");
            let mut id = base.clone();
            let mut n = 2;
            while !seen.insert(id.clone()) {
                id = format!("{base}-{n}");
                n += 1;
            }
            id
        })
        .collect()
}

/// The finding severity for a catalogue impact.
///
/// ```
/// use opgap_catalogue::Impact;
/// use opgap_pdk::types::Severity;
/// assert_eq!(opgap_pdk::rules::severity(Impact::High), Severity::High);
/// ```
pub fn severity(impact: Impact) -> Severity {
    match impact {
        Impact::Info => Severity::Info,
        Impact::Low => Severity::Low,
        Impact::Medium => Severity::Medium,
        Impact::High => Severity::High,
        Impact::Critical => Severity::Critical,
    }
}

/// Whether a rule of `scope` can match in `block` at all; prose rules are
/// further limited to comment lines inside code (see [`Detector::viable`]).
fn in_scope(scope: Scope, block: &Block) -> bool {
    match scope {
        Scope::Any | Scope::Prose => true,
        Scope::Code => block.kind == BlockKind::Code,
    }
}

/// A comment line in the common script languages.
fn is_comment(line: &str) -> bool {
    let t = line.trim_start();
    ["#", "//", "--", ";", "<#", "REM ", "* ", "/*"]
        .iter()
        .any(|marker| t.starts_with(marker))
}

/// The lines of the blocks that have hits, and the per-line checks
/// already made, so that no line is searched once per hit.
struct Lines {
    /// Block → byte offsets where its lines start, and its length.
    blocks: std::collections::HashMap<usize, (Vec<usize>, usize)>,
    /// `(rule, block, line start)` → the rule's `not_with` matched.
    vetoed: std::collections::HashMap<(usize, usize, usize), bool>,
    /// `(block, line start)` → a KVM-side or other-vendor tool is named.
    other_tool: std::collections::HashMap<(usize, usize), bool>,
}

impl Lines {
    fn new(doc: &Document, hits: &[Hit]) -> Self {
        let mut blocks = std::collections::HashMap::new();
        for hit in hits {
            blocks.entry(hit.block).or_insert_with(|| {
                let text = &doc.blocks[hit.block].text;
                let starts = std::iter::once(0)
                    .chain(text.match_indices('\n').map(|(i, _)| i + 1))
                    .collect();
                (starts, text.len())
            });
        }
        Self {
            blocks,
            vetoed: Default::default(),
            other_tool: Default::default(),
        }
    }

    /// Byte range of the line(s) containing the hit within its block.
    fn bounds(&self, hit: &Hit) -> (usize, usize) {
        let (starts, len) = &self.blocks[&hit.block];
        let first = starts.partition_point(|&s| s <= hit.start) - 1;
        let after = starts.partition_point(|&s| s <= hit.end);
        let end = starts.get(after).map_or(*len, |next| next - 1);
        (starts[first], end)
    }
}

/// The hits of each block sorted by start, to find the few that may
/// contain a given hit without comparing it with every other.
struct ByStart {
    /// Block → `(start, hit index)`, sorted.
    sorted: std::collections::HashMap<usize, Vec<(usize, usize)>>,
    /// Block → the longest hit's length.
    longest: std::collections::HashMap<usize, usize>,
}

impl ByStart {
    fn new(hits: &[Hit]) -> Self {
        let mut sorted: std::collections::HashMap<usize, Vec<(usize, usize)>> = Default::default();
        let mut longest: std::collections::HashMap<usize, usize> = Default::default();
        for (i, hit) in hits.iter().enumerate() {
            sorted.entry(hit.block).or_default().push((hit.start, i));
            let l = longest.entry(hit.block).or_default();
            *l = (*l).max(hit.end - hit.start);
        }
        for list in sorted.values_mut() {
            list.sort_unstable();
        }
        Self { sorted, longest }
    }

    /// Indices of the hits that start early enough, and no later than
    /// `hit`, to contain it.
    fn containing_candidates<'a>(&'a self, hit: &Hit) -> impl Iterator<Item = usize> + 'a {
        let list = &self.sorted[&hit.block];
        let earliest = hit.start.saturating_sub(self.longest[&hit.block]);
        let from = list.partition_point(|&(s, _)| s < earliest);
        let to = list.partition_point(|&(s, _)| s <= hit.start);
        list[from..to].iter().map(|&(_, i)| i)
    }
}

/// True when the match is part of a path or URL (`runbooks/snapshot-x.md`):
/// a file name is not a procedure step.
/// A Terraform reference to a resource declared elsewhere
/// (`data.vsphere_folder.apps.id`, `vsphere_role.ops.id`): it passes a
/// value along, and the declaration is the finding.
fn is_terraform_reference(text: &str, start: usize, end: usize) -> bool {
    let matched = &text[start..end];
    if !(matched.starts_with("vsphere_") || matched.starts_with("nsxt_")) {
        return false;
    }
    let mut parts = text[end..].splitn(3, '.');
    let (Some(""), Some(name), Some(attribute)) = (parts.next(), parts.next(), parts.next()) else {
        return false;
    };
    let is_ident = |s: &str| {
        s.chars()
            .next()
            .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
            && s.chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
    };
    let attribute_name = attribute
        .split(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
        .next()
        .unwrap_or("");
    is_ident(name) && !attribute_name.is_empty()
}

fn inside_path_or_url(text: &str, start: usize, end: usize) -> bool {
    // A match across words (a command and its flags) is not one token,
    // whatever paths its arguments hold.
    if text[start..end].contains(char::is_whitespace) {
        return false;
    }
    let delimits = |c: char| {
        c.is_whitespace() || matches!(c, '`' | '(' | ')' | '[' | ']' | '<' | '>' | '"' | '\'')
    };
    let token_start = text[..start].rfind(delimits).map_or(0, |i| i + 1);
    let token_end = text[end..].find(delimits).map_or(text.len(), |i| end + i);
    let token = &text[token_start..token_end];
    looks_like_path(token)
}

/// A URL, an absolute or relative path, or a file name with a folder:
/// `https://x/y`, `/vmfs/volumes`, `./run.sh`, `runbooks/drs-checks.md`,
/// `C:\\scripts`. "HA/DRS/DPM" is a list of words, not a path.
fn looks_like_path(token: &str) -> bool {
    if token.contains("://") || token.contains('\\') || is_file_name(token) {
        return true;
    }
    if !token.contains('/') {
        return false;
    }
    let token = token.trim_end_matches([',', '.', ';', ':']);
    token.starts_with('/')
        || token.starts_with("./")
        || token.starts_with("../")
        || token.starts_with("~/")
        || token
            .rsplit('/')
            .next()
            .is_some_and(|last| last.contains('.'))
}

/// A script, document or data file named on its own
/// (`rolling-host-reboot.yml`, `nsx-dfw-policies.csv`). VM files (`.vmx`,
/// `.vmdk`, `.ova`) are constructs themselves and are not in the list.
fn is_file_name(token: &str) -> bool {
    const EXTENSIONS: &[&str] = &[
        "md", "txt", "csv", "json", "yml", "yaml", "ps1", "psm1", "sh", "py", "tf", "xml", "html",
        "log", "zip", "gz", "tgz", "iso",
    ];
    let token = token.trim_end_matches([',', '.', ';', ':']);
    token
        .rsplit_once('.')
        .is_some_and(|(stem, ext)| !stem.is_empty() && EXTENSIONS.contains(&ext))
}

/// Whether a document is about VMware: any strong match or anchor word.
/// Runbooks in an ops repository are about one platform from top to bottom,
/// so a VMware word anywhere gives the whole document context; a runbook
/// that never names VMware never gets any.
fn about_vmware(doc: &Document, hits: &[Hit], detector: &Detector) -> bool {
    // A migration step already runs on the KVM side (`qm importovf`,
    // `virt-v2v`): it does not make the rest of the document a VMware one.
    hits.iter().any(|h| {
        let rule = &detector.rules[h.rule];
        rule.strength == Strength::Strong && rule.construct != "vmware.migration_step"
    }) || doc
        .blocks
        .iter()
        .any(|b| !is_nested(b) && detector.engine.anchors.is_match(b.text.as_bytes()))
}
