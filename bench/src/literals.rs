//! The literal patterns ripgrep searches for as the floor: every literal
//! the built-in detectors' prefilter looks for, so both tools read the
//! same bytes for the same words.

use opgap_pdk::prefilter::required_literals;
use opgap_pdk::rules::Rule;

pub struct Literals {
    /// Distinct lower-case literals, sorted.
    pub words: Vec<String>,
    /// Rules whose every match holds one of `words`.
    pub covered: usize,
    /// Rules without usable literals (they run on every block in opgap;
    /// ripgrep has no counterpart for them).
    pub uncovered: usize,
}

pub fn builtin() -> Literals {
    let tables: [&[Rule]; 4] = [
        opgap_plugin_vsphere::RULES,
        opgap_plugin_powercli::RULES,
        opgap_plugin_vmware_cli::RULES,
        opgap_plugin_iac::RULES,
    ];
    let mut words = Vec::new();
    let (mut covered, mut uncovered) = (0, 0);
    for rule in tables.iter().flat_map(|t| t.iter()) {
        match required_literals(rule.pattern) {
            Some(literals) => {
                covered += 1;
                // ripgrep matches every literal ignoring case: a little more
                // work than the exact ones need, never less.
                words.extend(
                    literals
                        .into_iter()
                        .map(|l| String::from_utf8_lossy(&l.bytes).to_ascii_lowercase()),
                );
            }
            None => uncovered += 1,
        }
    }
    // ripgrep reads one pattern per line.
    words.retain(|w| !w.contains('\n'));
    words.sort();
    words.dedup();
    Literals {
        words,
        covered,
        uncovered,
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn most_rules_have_literals_and_the_well_known_words_are_there() {
        let literals = super::builtin();
        assert!(
            literals.covered > 10 * literals.uncovered,
            "{} vs {}",
            literals.covered,
            literals.uncovered
        );
        for word in ["vmotion", "connect-viserver", "govc"] {
            assert!(literals.words.iter().any(|w| w == word), "{word} missing");
        }
        assert!(literals.words.iter().all(|w| !w.contains('\n')));
    }
}
