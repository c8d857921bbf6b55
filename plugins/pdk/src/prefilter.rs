//! Which rules can match a block, found in one pass over its text.
//!
//! Every match of a rule such as `\bvMotion\b` or `(?i)\bquiesce` contains
//! one of a few literals ("vmotion", "quiesce"). One Aho-Corasick automaton
//! over the literals of all rules finds the rules worth running on a block;
//! only those run their own regex. A combined `RegexSet` over hundreds of
//! patterns keeps building new lazy-DFA states on varied prose, which made
//! it the slowest part of a scan (see bench/RESULTS.md); the automaton has a
//! fixed size and runs at memory speed.
//!
//! Literals of `(?i)` patterns are matched ignoring ASCII case, the others
//! exactly. A candidate is only a candidate: the rule's regex has the last
//! word. A pattern with no usable literal (`\b[A-Z]\w+\b`) is a candidate
//! on every block.

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};
use regex_syntax::ParserBuilder;
use regex_syntax::hir::literal::{ExtractKind, Extractor, Seq};
use regex_syntax::hir::{Class, Hir, HirKind};

/// Up to this many literal bytes (the built-in detectors have about 9 000
/// between them) the automaton is a full DFA of a few MiB at most; beyond,
/// the crate picks a smaller, slower kind.
const DFA_LITERAL_BYTES: usize = 20_000;

pub struct Prefilter {
    automaton: AhoCorasick,
    literals: Vec<Literal>,
    /// For each literal of the automaton, the rules that require it.
    rules_of_literal: Vec<Vec<usize>>,
    /// Rules without usable literals: candidates everywhere.
    always: Vec<usize>,
    rule_count: usize,
}

/// A literal one of which every match of a pattern contains.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Literal {
    /// Lower case unless `case_sensitive`.
    pub bytes: Vec<u8>,
    /// Whether only these exact bytes count (`HA`, not `ha` in "that").
    pub case_sensitive: bool,
}

/// Each rule's required literals, as a build script writes them (see
/// [`required_literals_source`]): `(bytes, case_sensitive)` pairs, or
/// `None` for a rule that is a candidate on every block.
pub type RequiredLiterals = &'static [Option<&'static [(&'static [u8], bool)]>];

impl Prefilter {
    /// Panics on a pattern the `regex` crate would reject too: rule tables
    /// are code, checked when the detector is built.
    pub fn new(patterns: &[String]) -> Self {
        Self::from_required(patterns.iter().map(|p| required_literals(p)).collect())
    }

    /// From literals found ahead of time: analysing the patterns is most
    /// of a detector's start-up, which every instance would repeat.
    pub fn from_table(table: RequiredLiterals) -> Self {
        Self::from_required(
            table
                .iter()
                .map(|required| {
                    required.map(|literals| {
                        literals
                            .iter()
                            .map(|&(bytes, case_sensitive)| Literal {
                                bytes: bytes.to_vec(),
                                case_sensitive,
                            })
                            .collect()
                    })
                })
                .collect(),
        )
    }

    fn from_required(required_by_rule: Vec<Option<Vec<Literal>>>) -> Self {
        let rule_count = required_by_rule.len();
        let mut literals: Vec<Literal> = Vec::new();
        let mut rules_of_literal: Vec<Vec<usize>> = Vec::new();
        let mut index = std::collections::HashMap::new();
        let mut always = Vec::new();
        for (rule, required) in required_by_rule.into_iter().enumerate() {
            let Some(required) = required else {
                always.push(rule);
                continue;
            };
            for literal in required {
                let id = *index.entry(literal.clone()).or_insert_with(|| {
                    literals.push(literal);
                    rules_of_literal.push(Vec::new());
                    literals.len() - 1
                });
                if rules_of_literal[id].last() != Some(&rule) {
                    rules_of_literal[id].push(rule);
                }
            }
        }
        let automaton = AhoCorasickBuilder::new()
            // Case-sensitive literals are checked on each match instead of
            // in a second automaton: one pass over the text.
            .ascii_case_insensitive(true)
            // Overlapping search: a literal inside another ("vmk" in
            // "vmkfstools") must be seen too.
            .match_kind(MatchKind::Standard)
            // The fastest kind, while its table stays small: a state per
            // literal byte, each a row over the alphabet's byte classes.
            .kind(
                (literals.iter().map(|l| l.bytes.len()).sum::<usize>() <= DFA_LITERAL_BYTES)
                    .then_some(AhoCorasickKind::DFA),
            )
            .build(literals.iter().map(|l| &l.bytes))
            .expect("a few hundred short literals fit the automaton");
        Self {
            automaton,
            literals,
            rules_of_literal,
            always,
            rule_count,
        }
    }

    /// The rules that may match `text`, in ascending order.
    pub fn candidates(&self, text: &[u8]) -> Vec<usize> {
        let mut seen = vec![false; self.rule_count];
        for &rule in &self.always {
            seen[rule] = true;
        }
        for m in self.automaton.find_overlapping_iter(text) {
            let id = m.pattern().as_usize();
            let literal = &self.literals[id];
            if literal.case_sensitive && text[m.range()] != literal.bytes[..] {
                continue;
            }
            for &rule in &self.rules_of_literal[id] {
                seen[rule] = true;
            }
        }
        seen.iter()
            .enumerate()
            .filter_map(|(rule, &on)| on.then_some(rule))
            .collect()
    }

    /// How many rules run on every block.
    #[cfg(test)]
    pub fn always_count(&self) -> usize {
        self.always.len()
    }
}

/// Rust source of the [`RequiredLiterals`] of `patterns`, for a detector's
/// build script to write and its `Detector::with_literals` to include.
pub fn required_literals_source(patterns: &[&str]) -> String {
    let mut out = String::from("&[\n");
    for pattern in patterns {
        match required_literals(pattern) {
            None => out.push_str("    None,\n"),
            Some(literals) => {
                out.push_str("    Some(&[");
                for l in literals {
                    out.push_str(&format!("(&{:?}, {}), ", l.bytes, l.case_sensitive));
                }
                out.push_str("]),\n");
            }
        }
    }
    out.push(']');
    out
}

/// For a detector's build script: write the [`RequiredLiterals`] of
/// `rules` (kept in `src/rules.rs`) to `$OUT_DIR/literals.rs`, for
/// `Detector::with_literals` to include.
pub fn write_literal_table(rules: &[crate::rules::Rule]) {
    println!("cargo::rerun-if-changed=src/rules.rs");
    let patterns: Vec<&str> = rules.iter().map(|r| r.pattern).collect();
    let out = std::path::Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR"))
        .join("literals.rs");
    std::fs::write(out, required_literals_source(&patterns)).expect("writing the literal table");
}

/// Literals one of which every match of `pattern` contains, or `None` when
/// the pattern has no such set worth searching for.
pub fn required_literals(pattern: &str) -> Option<Vec<Literal>> {
    // The same syntax the detector compiles: bytes, ASCII classes.
    let hir = ParserBuilder::new()
        .unicode(false)
        .utf8(false)
        .build()
        .parse(pattern)
        .unwrap_or_else(|e| panic!("rule pattern {pattern:?}: {e}"));
    required(&hir)
}

/// The best literal set of `hir`: from its prefixes or suffixes, or, since
/// every match of a sequence holds a match of each of its parts, from one
/// part (`clone` in `^[ \t]*clone[ \t]*\{`) or one run of letters (`high`
/// in `(?i)high\s+availability`). An alternation needs a set from each
/// branch, and each keeps its own case (`\bHA\b|(?i)\bhigh\b`).
fn required(hir: &Hir) -> Option<Vec<Literal>> {
    let mut best = whole(hir);
    // One literal of four bytes or more cannot be beaten: looking into the
    // parts would only cost start-up time (every instance builds this).
    if best
        .as_ref()
        .is_some_and(|set| set.len() == 1 && quality(set).0 >= GOOD_ENOUGH_LEN)
    {
        return best;
    }
    let mut consider = |other: Option<Vec<Literal>>| {
        if let Some(other) = other
            && best.as_ref().is_none_or(|b| quality(&other) > quality(b))
        {
            best = Some(other);
        }
    };
    match hir.kind() {
        HirKind::Concat(parts) => {
            parts.iter().for_each(|p| consider(required(p)));
            for run in parts.chunk_by(|a, b| is_letters(a) && is_letters(b)) {
                if run.len() > 1 && is_letters(&run[0]) {
                    consider(whole(&Hir::concat(run.to_vec())));
                }
            }
        }
        HirKind::Capture(capture) => consider(required(&capture.sub)),
        HirKind::Repetition(rep) if rep.min >= 1 => consider(required(&rep.sub)),
        HirKind::Alternation(branches) => consider(union(branches.iter().map(required))),
        _ => {}
    }
    best
}

/// Prefix or suffix literals of the whole of `hir`, whichever is better.
fn whole(hir: &Hir) -> Option<Vec<Literal>> {
    // `(?i)` turns every letter into a two-letter class and the literal
    // sets explode (2^n per word); such literals are matched ignoring case.
    let case_sensitive = !has_case_pairs(hir);
    let folded = fold_case(hir);
    [ExtractKind::Prefix, ExtractKind::Suffix]
        .into_iter()
        .filter_map(|kind| usable(Extractor::new().kind(kind).extract(&folded), case_sensitive))
        .max_by_key(|set| quality(set))
}

/// A literal, or a letter in both cases (`[Hh]`).
fn is_letters(hir: &Hir) -> bool {
    match hir.kind() {
        HirKind::Literal(_) => true,
        HirKind::Class(class) => ascii_letter_pair(class).is_some(),
        _ => false,
    }
}

/// Every branch's set, or `None` if one branch has none.
fn union(sets: impl Iterator<Item = Option<Vec<Literal>>>) -> Option<Vec<Literal>> {
    sets.collect::<Option<Vec<_>>>()
        .map(|sets| minimal(sets.concat()))
}

/// Beyond this many bytes, a literal is rare enough in prose and scripts.
const GOOD_ENOUGH_LEN: usize = 4;

/// Longer shortest literal first, up to [`GOOD_ENOUGH_LEN`], then fewer
/// literals.
fn quality(set: &[Literal]) -> (usize, std::cmp::Reverse<usize>) {
    let shortest = set.iter().map(|l| l.bytes.len()).min().unwrap_or(0);
    (shortest.min(GOOD_ENOUGH_LEN), std::cmp::Reverse(set.len()))
}

/// Whether a literal is rare enough to search for: three bytes, or two
/// that hold a digit (`T0`) or, matched exactly, a capital (`HA`).
fn distinctive(literal: &Literal) -> bool {
    let bytes = &literal.bytes;
    bytes.len() >= 3
        || (bytes.len() == 2
            && (bytes.iter().any(u8::is_ascii_digit)
                || (literal.case_sensitive && bytes.iter().any(u8::is_ascii_uppercase))))
}

/// A finite, non-empty set of distinctive literals, or `None`.
fn usable(seq: Seq, case_sensitive: bool) -> Option<Vec<Literal>> {
    let literals: Vec<Literal> = seq
        .literals()?
        .iter()
        .map(|l| Literal {
            bytes: if case_sensitive {
                l.as_bytes().to_vec()
            } else {
                l.as_bytes().to_ascii_lowercase()
            },
            case_sensitive,
        })
        .collect();
    if literals.is_empty() || !literals.iter().all(distinctive) {
        return None;
    }
    Some(minimal(literals))
}

/// Without repeats, and without a literal that holds another: text holding
/// "quiesced" holds "quiesce", so the shorter one is enough.
fn minimal(mut literals: Vec<Literal>) -> Vec<Literal> {
    literals.sort();
    literals.dedup();
    let lower: Vec<Vec<u8>> = literals
        .iter()
        .map(|l| l.bytes.to_ascii_lowercase())
        .collect();
    let holds = |outer: usize, inner: usize| {
        let (o, i) = (&literals[outer], &literals[inner]);
        if i.case_sensitive {
            o.case_sensitive && contains(&o.bytes, &i.bytes)
        } else {
            contains(&lower[outer], &i.bytes)
        }
    };
    (0..literals.len())
        .filter(|&l| !(0..literals.len()).any(|k| k != l && holds(l, k)))
        .map(|l| literals[l].clone())
        .collect()
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    needle.len() <= haystack.len() && haystack.windows(needle.len()).any(|w| w == needle)
}

fn has_case_pairs(hir: &Hir) -> bool {
    match hir.kind() {
        HirKind::Class(class) => ascii_letter_pair(class).is_some(),
        HirKind::Repetition(rep) => has_case_pairs(&rep.sub),
        HirKind::Capture(cap) => has_case_pairs(&cap.sub),
        HirKind::Concat(subs) | HirKind::Alternation(subs) => subs.iter().any(has_case_pairs),
        HirKind::Empty | HirKind::Literal(_) | HirKind::Look(_) => false,
    }
}

/// The pattern with every class that is one ASCII letter in both cases
/// (`[Vv]`) replaced by that letter in lower case.
fn fold_case(hir: &Hir) -> Hir {
    match hir.kind() {
        HirKind::Class(class) => match ascii_letter_pair(class) {
            Some(letter) => Hir::literal([letter]),
            None => hir.clone(),
        },
        HirKind::Repetition(rep) => {
            let mut rep = rep.clone();
            rep.sub = Box::new(fold_case(&rep.sub));
            Hir::repetition(rep)
        }
        HirKind::Capture(cap) => {
            let mut cap = cap.clone();
            cap.sub = Box::new(fold_case(&cap.sub));
            Hir::capture(cap)
        }
        HirKind::Concat(subs) => Hir::concat(subs.iter().map(fold_case).collect()),
        HirKind::Alternation(subs) => Hir::alternation(subs.iter().map(fold_case).collect()),
        HirKind::Empty | HirKind::Literal(_) | HirKind::Look(_) => hir.clone(),
    }
}

fn ascii_letter_pair(class: &Class) -> Option<u8> {
    let bytes: Vec<u8> = match class {
        Class::Bytes(c) => c.iter().flat_map(|r| r.start()..=r.end()).take(3).collect(),
        Class::Unicode(c) => c
            .iter()
            .flat_map(|r| r.start()..=r.end())
            .take(3)
            .map(|ch| u8::try_from(u32::from(ch)).ok())
            .collect::<Option<_>>()?,
    };
    match bytes[..] {
        [a, b] if a.is_ascii_alphabetic() && a.eq_ignore_ascii_case(&b) && a != b => {
            Some(a.to_ascii_lowercase())
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_table_written_by_a_build_script_filters_like_its_patterns() {
        let patterns = [r"\bvMotion\b", r"(?i)\bquiesce", r"\b[A-Z]\w+\b"];
        assert_eq!(
            required_literals_source(&patterns),
            "&[\n    Some(&[(&[118, 77, 111, 116, 105, 111, 110], true), ]),\n    \
             Some(&[(&[113, 117, 105, 101, 115, 99, 101], false), ]),\n    None,\n]"
        );
        static TABLE: RequiredLiterals = &[
            Some(&[(b"vMotion", true)]),
            Some(&[(b"quiesce", false)]),
            None,
        ];
        let owned: Vec<String> = patterns.iter().map(|p| p.to_string()).collect();
        let (computed, tabled) = (Prefilter::new(&owned), Prefilter::from_table(TABLE));
        for text in ["vMotion it", "QUIESCE the VM", "vmotion", "nothing"] {
            assert_eq!(
                computed.candidates(text.as_bytes()),
                tabled.candidates(text.as_bytes()),
                "{text}"
            );
        }
        assert_eq!(tabled.candidates(b"QUIESCE the VM"), [1, 2]);
    }

    fn lits(pattern: &str) -> Option<Vec<String>> {
        required_literals(pattern).map(|v| {
            v.into_iter()
                .map(|l| {
                    let text = String::from_utf8(l.bytes).unwrap();
                    if l.case_sensitive {
                        text
                    } else {
                        format!("(?i){text}")
                    }
                })
                .collect()
        })
    }

    #[test]
    fn words_become_literals_that_keep_or_ignore_case_as_the_pattern_does() {
        assert_eq!(lits(r"\bvMotion\b").unwrap(), ["vMotion"]);
        assert_eq!(lits(r"(?i)\bquiesce(d|ing)?\b").unwrap(), ["(?i)quiesce"]);
        assert_eq!(lits(r"\bvmk\d\b").unwrap().len(), 10, "vmk0 to vmk9");
        assert_eq!(
            lits(r"(?i)\b(connect-viserver|disconnect-viserver|Connect-VIServer)\b").unwrap(),
            ["(?i)connect-viserver"]
        );
    }

    #[test]
    fn each_branch_of_an_alternation_keeps_its_own_case() {
        assert_eq!(
            lits(r"\bHA\b|(?i)\bhigh\s+availability\b").unwrap(),
            ["HA", "(?i)high"]
        );
    }

    #[test]
    fn a_pattern_opening_with_a_wide_class_uses_a_later_part() {
        assert_eq!(lits(r"\b[A-Z]\w*-VMHost\b").unwrap(), ["-VMHost"]);
        assert_eq!(lits(r"(?m)^[ \t]*clone[ \t]*\{").unwrap(), ["clone"]);
    }

    #[test]
    fn patterns_without_a_usable_literal_run_everywhere() {
        assert_eq!(lits(r"\b[A-Z]\w+\b"), None);
        assert_eq!(
            lits(r"(?i)\bha\b"),
            None,
            "two letters in any case occur in every block"
        );
        let filter = Prefilter::new(&[r"(?i)\bha\b".into(), r"\bvMotion\b".into()]);
        assert_eq!(filter.always_count(), 1);
        assert_eq!(filter.candidates(b"nothing here"), [0]);
        assert_eq!(filter.candidates(b"Use vMotion."), [0, 1]);
    }

    #[test]
    fn case_sensitive_literals_need_their_exact_bytes() {
        let filter = Prefilter::new(&[r"\bHA\b".into(), r"(?i)\bdrs\b".into()]);
        assert_eq!(filter.candidates(b"HA and DRS"), [0, 1]);
        assert_eq!(filter.candidates(b"that has drs"), [1]);
    }

    #[test]
    fn a_table_too_big_for_a_dfa_still_finds_its_rules() {
        let patterns: Vec<String> = (0..3000)
            .map(|i| format!(r"\bconstruct{i:04}x\b"))
            .collect();
        let bytes: usize = patterns.iter().map(|p| p.len() - 4).sum();
        assert!(bytes > DFA_LITERAL_BYTES);
        let filter = Prefilter::new(&patterns);
        assert_eq!(
            filter.candidates(b"see construct2999x and CONSTRUCT0008x, construct0007x"),
            [7, 2999]
        );
        assert!(filter.candidates(b"construct7x").is_empty());
    }

    #[test]
    fn literals_inside_other_literals_are_seen() {
        let filter = Prefilter::new(&[r"\bvmkfstools\b".into(), r"\bvmk[a-z]*\b".into()]);
        assert_eq!(filter.candidates(b"run vmkfstools -i"), [0, 1]);
        assert_eq!(filter.candidates(b"vmknic is the management port"), [1]);
        assert!(filter.candidates(b"no match").is_empty());
    }
}
