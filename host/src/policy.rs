//! A team's policy from `opgap.toml`: files to ignore on top of
//! `.gitignore`, and per-rule severity overrides or disables, globally and
//! for path globs.
//!
//! ```toml
//! ignore = ["archive/**"]
//!
//! [rules]
//! "vmware.product.esxi" = "off"     # a construct id (or short: "product.esxi")
//! "vsphere/vmotion.weak" = "low"    # or one plugin rule
//!
//! [[overrides]]
//! paths = ["lab/**"]
//! rules = { "snapshot.create" = "off" }
//! ```
//!
//! Later settings win: an override beats `[rules]`, and a later override
//! an earlier one.

use std::collections::BTreeMap;

use globset::{Glob, GlobSet, GlobSetBuilder};

use crate::report::{Finding, Severity};

/// What a rule setting does to a finding.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Setting {
    Off,
    Severity(Severity),
}

impl Setting {
    pub const NAMES: [&'static str; 6] = ["off", "info", "low", "medium", "high", "critical"];

    pub fn parse(value: &str) -> Option<Self> {
        Some(match value {
            "off" => Setting::Off,
            "info" => Setting::Severity(Severity::Info),
            "low" => Setting::Severity(Severity::Low),
            "medium" => Setting::Severity(Severity::Medium),
            "high" => Setting::Severity(Severity::High),
            "critical" => Setting::Severity(Severity::Critical),
            _ => return None,
        })
    }
}

/// Settings keyed by construct id or rule id.
pub type RuleSettings = BTreeMap<String, Setting>;

#[derive(Debug, Clone, Default)]
pub struct Policy {
    ignore: Option<GlobSet>,
    rules: RuleSettings,
    overrides: Vec<(GlobSet, RuleSettings)>,
}

impl Policy {
    pub fn new(
        ignore: &[String],
        rules: RuleSettings,
        overrides: Vec<(Vec<String>, RuleSettings)>,
    ) -> Result<Self, globset::Error> {
        let ignore = if ignore.is_empty() {
            None
        } else {
            Some(glob_set(ignore)?)
        };
        let overrides = overrides
            .into_iter()
            .map(|(paths, rules)| Ok((glob_set(&paths)?, normalise(rules))))
            .collect::<Result<Vec<_>, globset::Error>>()?;
        Ok(Self {
            ignore,
            rules: normalise(rules),
            overrides,
        })
    }

    /// Whether a repository-relative path is ignored.
    pub fn ignores(&self, path: &str) -> bool {
        self.ignore.as_ref().is_some_and(|g| g.is_match(path))
    }

    /// Apply the rule settings to one file's findings: drop the ones turned
    /// off, set the severity of the others that a setting names.
    pub fn apply(&self, path: &str, findings: &mut Vec<Finding>) {
        if self.rules.is_empty() && self.overrides.is_empty() {
            return;
        }
        let applicable: Vec<&RuleSettings> = std::iter::once(&self.rules)
            .chain(
                self.overrides
                    .iter()
                    .filter(|(g, _)| g.is_match(path))
                    .map(|(_, r)| r),
            )
            .collect();
        findings.retain_mut(|f| {
            let setting = applicable
                .iter()
                .rev()
                .find_map(|r| r.get(&*f.rule).or_else(|| r.get(&*f.construct)));
            match setting {
                Some(Setting::Off) => false,
                Some(Setting::Severity(s)) => {
                    f.severity = *s;
                    true
                }
                None => true,
            }
        });
    }
}

fn glob_set(patterns: &[String]) -> Result<GlobSet, globset::Error> {
    let mut builder = GlobSetBuilder::new();
    for p in patterns {
        builder.add(Glob::new(p)?);
    }
    builder.build()
}

/// `vmotion` names `vmware.vmotion`; rule ids and other ids as given.
fn normalise(rules: RuleSettings) -> RuleSettings {
    rules
        .into_iter()
        .map(|(key, setting)| (opgap_catalogue::full_id(&key), setting))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn finding(construct: &str, rule: &str) -> Finding {
        Finding {
            rule: rule.into(),
            ..Finding::example(construct, "x")
        }
    }

    #[test]
    fn settings_turn_off_or_reweigh_and_overrides_win_for_their_paths() {
        let rules = RuleSettings::from([
            ("product.esxi".to_string(), Setting::Off),
            (
                "vsphere/vmotion".to_string(),
                Setting::Severity(Severity::Low),
            ),
        ]);
        let lab = RuleSettings::from([("vmotion".to_string(), Setting::Off)]);
        let policy = Policy::new(
            &["archive/**".into()],
            rules,
            vec![(vec!["lab/**".into()], lab)],
        )
        .unwrap();
        assert!(policy.ignores("archive/old.md"));
        assert!(!policy.ignores("runbooks/a.md"));

        let mut findings = vec![
            finding("vmware.product.esxi", "vsphere/esxi"),
            finding("vmware.vmotion", "vsphere/vmotion"),
            finding("vmware.drs", "vsphere/drs"),
        ];
        policy.apply("runbooks/a.md", &mut findings);
        let kept: Vec<(&str, Severity)> = findings
            .iter()
            .map(|f| (f.construct.as_str(), f.severity))
            .collect();
        assert_eq!(
            kept,
            [
                ("vmware.vmotion", Severity::Low),
                ("vmware.drs", Severity::High)
            ]
        );

        let mut findings = vec![finding("vmware.vmotion", "vsphere/vmotion")];
        policy.apply("lab/x.md", &mut findings);
        assert!(findings.is_empty(), "the lab override turns vMotion off");
    }

    #[test]
    fn a_bad_glob_is_an_error() {
        assert!(Policy::new(&["a/[".into()], RuleSettings::new(), vec![]).is_err());
    }
}
