//! The team questionnaire (`opgap.readiness/1`): who is on the team, the
//! scoping decisions, the KVM-fit signals, and the evidence of operational
//! depth, each item a real event with its probe, layer, roles, verifier and
//! artifact. Nothing in it is a self-rating.
//!
//! Reading is strict: unknown fields and values are errors with file, line,
//! column and key, and the checks after parsing report every problem they
//! find (future dates, undeclared people, probes not in the bank, a
//! verifier who took part), not just the first. Domains and probes are
//! checked against the scorer's own model.

use std::collections::BTreeSet;
use std::path::Path;

use serde::{Deserialize, Serialize};
use toml::Spanned;

use crate::config::ConfigError;
use crate::plugin::bindings::readiness::{Model, PlatformClass};

pub const SCHEMA: &str = "opgap.readiness/1";

/// What `opgap readiness init` writes.
pub const TEMPLATE: &str = include_str!("template.toml");

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Questionnaire {
    pub schema: Spanned<String>,
    pub team: Team,
    #[serde(default)]
    pub person: Vec<Person>,
    #[serde(default)]
    pub scoping: Scoping,
    #[serde(default)]
    pub signals: Signals,
    #[serde(default)]
    pub evidence: Vec<Evidence>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Team {
    pub name: String,
    /// The date the answers hold for; evidence after it is an error.
    pub assessed_on: Spanned<toml::value::Datetime>,
    pub assessor: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Person {
    pub id: Spanned<String>,
    pub name: String,
    #[serde(default)]
    pub on_call: bool,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Scoping {
    pub management_plane: Option<ManagementPlane>,
    /// The decision record (ADR) with the alternatives rejected.
    pub decision_record: Option<String>,
    #[serde(default)]
    pub storage_backends: Vec<StorageBackend>,
    #[serde(default)]
    pub storage_audit_done: bool,
    #[serde(default)]
    pub observability_plan: bool,
    #[serde(default)]
    pub uses_sriov: bool,
    #[serde(default)]
    pub wave: Vec<Wave>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ManagementPlane {
    Libvirt,
    Proxmox,
    Ovirt,
    Openstack,
    Undecided,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum StorageBackend {
    Ceph,
    Nfs,
    Iscsi,
    Fc,
    LvmThin,
    Zfs,
    Local,
}

impl StorageBackend {
    pub fn id(self) -> &'static str {
        match self {
            StorageBackend::Ceph => "ceph",
            StorageBackend::Nfs => "nfs",
            StorageBackend::Iscsi => "iscsi",
            StorageBackend::Fc => "fc",
            StorageBackend::LvmThin => "lvm-thin",
            StorageBackend::Zfs => "zfs",
            StorageBackend::Local => "local",
        }
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Wave {
    pub name: String,
    pub starts: Spanned<toml::value::Datetime>,
}

/// What makes KVM a fit for the team, declared; the scorer cross-checks
/// the first three against the evidence.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Signals {
    #[serde(default)]
    pub linux_is_operational_center: bool,
    #[serde(default)]
    pub automation_targets_primitives: bool,
    #[serde(default)]
    pub operated_without_vmware_abstraction: bool,
    #[serde(default)]
    pub sovereignty_or_cost_driver: bool,
    /// Percent of new workloads that are greenfield or container-adjacent.
    pub greenfield_percent: Option<Spanned<u8>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Evidence {
    pub id: Spanned<String>,
    pub kind: Kind,
    pub date: Spanned<toml::value::Datetime>,
    pub domains: Vec<Spanned<String>>,
    #[serde(default)]
    pub probes: Vec<Spanned<String>>,
    /// Required for production work, game days and tabletops: where the
    /// hands were.
    pub layer: Option<Layer>,
    /// The platform the event happened on (`proxmox`, `vmware`, `linux`...).
    pub platform: Spanned<String>,
    pub severity: Option<IncidentSeverity>,
    pub outcome: Option<Outcome>,
    /// A peer who did not take part and can vouch for it.
    pub verifier: Option<Spanned<String>>,
    /// Links to the postmortem, ticket or drill log.
    #[serde(default)]
    pub artifacts: Vec<Spanned<String>>,
    pub summary: Option<String>,
    #[serde(default)]
    pub participant: Vec<Participant>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    ProductionIncident,
    ProductionChange,
    GameDay,
    Tabletop,
    Lab,
    Training,
    Certification,
}

impl Kind {
    pub fn label(self) -> &'static str {
        match self {
            Kind::ProductionIncident => "production incident",
            Kind::ProductionChange => "production change",
            Kind::GameDay => "game day",
            Kind::Tabletop => "tabletop",
            Kind::Lab => "lab",
            Kind::Training => "training",
            Kind::Certification => "certification",
        }
    }

    /// Kinds that happened on real systems or in a drill, where the layer
    /// of the work decides what it shows.
    fn needs_layer(self) -> bool {
        matches!(
            self,
            Kind::ProductionIncident | Kind::ProductionChange | Kind::GameDay | Kind::Tabletop
        )
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Layer {
    /// Hands on the primitives: virsh, qm, ceph, ip, journalctl.
    Primitive,
    /// Through a platform tool or UI of the KVM stack.
    PlatformTool,
    /// A vendor did the work; the team watched.
    VendorLed,
    /// Through vCenter or a VMware product.
    ThroughVcenter,
}

impl Layer {
    pub fn label(self) -> &'static str {
        match self {
            Layer::Primitive => "primitive",
            Layer::PlatformTool => "platform tool",
            Layer::VendorLed => "vendor-led",
            Layer::ThroughVcenter => "through vCenter",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum IncidentSeverity {
    Sev1,
    Sev2,
    Sev3,
    Sev4,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    ResolvedByTeam,
    Workaround,
    VendorAssisted,
    Unresolved,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Participant {
    pub person: Spanned<String>,
    pub role: Role,
    /// Wrote the postmortem, runbook or drill plan.
    #[serde(default)]
    pub authored: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    PrimaryResponder,
    HandsOn,
    IncidentCommander,
    Facilitator,
    Shadow,
    Observer,
}

impl Role {
    pub fn label(self) -> &'static str {
        match self {
            Role::PrimaryResponder => "primary responder",
            Role::HandsOn => "hands-on",
            Role::IncidentCommander => "incident commander",
            Role::Facilitator => "facilitator",
            Role::Shadow => "shadow",
            Role::Observer => "observer",
        }
    }
}

/// A calendar date, for comparisons.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Date {
    pub year: u16,
    pub month: u8,
    pub day: u8,
}

impl std::fmt::Display for Date {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl Date {
    /// Today in UTC, from the system clock.
    pub fn today() -> Self {
        let secs = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_secs());
        Self::from_days((secs / 86_400) as i64)
    }

    /// The civil date `days` after 1970-01-01 (Howard Hinnant's algorithm).
    fn from_days(days: i64) -> Self {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z.rem_euclid(146_097);
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
        let year = (yoe + era * 400 + i64::from(month <= 2)) as u16;
        Self { year, month, day }
    }
}

/// Read and check a questionnaire: a TOML error stops at the first
/// problem; the checks after it report every problem at once.
pub fn read(path: &Path, model: &Model) -> Result<Questionnaire, Vec<ConfigError>> {
    parse(path, &read_text(path)?, model, Date::today())
}

/// A questionnaire file's text, or the error that names it.
pub fn read_text(path: &Path) -> Result<String, Vec<ConfigError>> {
    crate::textfile::read_text(path, crate::textfile::QUESTIONNAIRE_MAX).map_err(|e| {
        vec![ConfigError {
            path: path.to_path_buf(),
            line: 1,
            column: 1,
            field: None,
            message: format!("cannot read it: {e}"),
        }]
    })
}

pub fn parse(
    path: &Path,
    text: &str,
    model: &Model,
    today: Date,
) -> Result<Questionnaire, Vec<ConfigError>> {
    let q: Questionnaire =
        toml::from_str(text).map_err(|e| vec![ConfigError::from_toml(path, text, &e)])?;
    let problems = check(&q, model, path, text, today);
    if problems.is_empty() {
        Ok(q)
    } else {
        Err(problems)
    }
}

/// The date, if the value is a plain date (not a date-time).
pub fn date_of(d: &Spanned<toml::value::Datetime>) -> Option<Date> {
    if d.get_ref().time.is_some() {
        return None;
    }
    let date = d.get_ref().date?;
    Some(Date {
        year: date.year,
        month: date.month,
        day: date.day,
    })
}

/// Domains or probes one evidence item may name.
const MAX_PER_ITEM: usize = 3;

/// The platforms evidence may name, by family.
pub const PLATFORMS: &[(&str, PlatformClass)] = &[
    ("proxmox", PlatformClass::Kvm),
    ("libvirt", PlatformClass::Kvm),
    ("ovirt", PlatformClass::Kvm),
    ("olvm", PlatformClass::Kvm),
    ("openstack", PlatformClass::Kvm),
    ("kubevirt", PlatformClass::Kvm),
    ("kvm", PlatformClass::Kvm),
    ("qemu", PlatformClass::Kvm),
    ("linux", PlatformClass::Linux),
    ("vmware", PlatformClass::Vmware),
    ("vsphere", PlatformClass::Vmware),
    ("esxi", PlatformClass::Vmware),
    ("vcenter", PlatformClass::Vmware),
];

pub fn platform_class(platform: &str) -> Option<PlatformClass> {
    PLATFORMS
        .iter()
        .find(|(name, _)| *name == platform)
        .map(|(_, class)| *class)
}

fn check(
    q: &Questionnaire,
    model: &Model,
    path: &Path,
    text: &str,
    today: Date,
) -> Vec<ConfigError> {
    let mut problems = Vec::new();
    let mut problem = |span: std::ops::Range<usize>, field: &str, message: String| {
        problems.push(ConfigError::at(
            path,
            text,
            Some(span),
            Some(field.to_string()),
            message,
        ));
    };
    if q.schema.get_ref() != SCHEMA {
        problem(
            q.schema.span(),
            "schema",
            format!("expected \"{SCHEMA}\", found \"{}\"", q.schema.get_ref()),
        );
    }
    let assessed_on = date_of(&q.team.assessed_on);
    match assessed_on {
        None => problem(
            q.team.assessed_on.span(),
            "team.assessed_on",
            "must be a date (YYYY-MM-DD)".into(),
        ),
        Some(d) if d > today => problem(
            q.team.assessed_on.span(),
            "team.assessed_on",
            format!("{d} is in the future (today is {today})"),
        ),
        Some(_) => {}
    }
    if q.person.is_empty() {
        problem(
            q.schema.span(),
            "person",
            "no [[person]] is declared; evidence needs the people who took part".into(),
        );
    }
    if let Some(g) = &q.signals.greenfield_percent
        && *g.get_ref() > 100
    {
        problem(
            g.span(),
            "signals.greenfield_percent",
            format!("{} is not a percentage (0 to 100)", g.get_ref()),
        );
    }
    let mut people = BTreeSet::new();
    for p in &q.person {
        if !people.insert(p.id.get_ref().as_str()) {
            problem(
                p.id.span(),
                "person.id",
                format!("`{}` is declared twice", p.id.get_ref()),
            );
        }
    }
    for w in &q.scoping.wave {
        if date_of(&w.starts).is_none() {
            problem(
                w.starts.span(),
                "scoping.wave.starts",
                "must be a date (YYYY-MM-DD)".into(),
            );
        }
    }
    let mut evidence_ids = BTreeSet::new();
    for e in &q.evidence {
        let id = e.id.get_ref();
        if !evidence_ids.insert(id.as_str()) {
            problem(e.id.span(), "evidence.id", format!("`{id}` is used twice"));
        }
        match date_of(&e.date) {
            None => problem(
                e.date.span(),
                "evidence.date",
                "must be a date (YYYY-MM-DD)".into(),
            ),
            Some(d) if d > today => problem(
                e.date.span(),
                "evidence.date",
                format!("{d} is in the future (today is {today})"),
            ),
            Some(d) if assessed_on.is_some_and(|a| d > a) => problem(
                e.date.span(),
                "evidence.date",
                format!(
                    "{d} is after the assessment date {}",
                    assessed_on.expect("checked")
                ),
            ),
            Some(_) => {}
        }
        if e.domains.is_empty() {
            problem(
                e.id.span(),
                "evidence.domains",
                format!("`{id}` names no domain"),
            );
        }
        // One event shows a few things; a claim to show everything is
        // split into the events that showed them.
        for (list, field, what) in [
            (&e.domains, "evidence.domains", "domains"),
            (&e.probes, "evidence.probes", "probes"),
        ] {
            if let Some(extra) = list.get(MAX_PER_ITEM) {
                problem(
                    extra.span(),
                    field,
                    format!(
                        "`{id}` names more than {MAX_PER_ITEM} {what}; record each event that showed them as its own item"
                    ),
                );
            }
            let mut seen = BTreeSet::new();
            for x in list.iter() {
                if !seen.insert(x.get_ref()) {
                    problem(x.span(), field, format!("`{}` is named twice", x.get_ref()));
                }
            }
        }
        let mut seen = BTreeSet::new();
        for a in &e.artifacts {
            let link = a.get_ref();
            let is_link = link.split_once("://").is_some_and(|(scheme, rest)| {
                !scheme.is_empty()
                    && scheme
                        .chars()
                        .all(|c| c.is_ascii_alphanumeric() || "+.-".contains(c))
                    && !rest.is_empty()
            }) && !link.chars().any(char::is_whitespace);
            if !is_link {
                problem(
                    a.span(),
                    "evidence.artifacts",
                    format!(
                        "`{link}` is not a link (scheme://...) to a postmortem, ticket or drill log"
                    ),
                );
            } else if !seen.insert(link) {
                problem(
                    a.span(),
                    "evidence.artifacts",
                    format!("`{link}` is listed twice"),
                );
            }
        }
        if e.severity.is_some() && e.kind != Kind::ProductionIncident {
            problem(
                e.id.span(),
                "evidence.severity",
                format!(
                    "`{id}` is a {}; severity is for production incidents",
                    e.kind.label()
                ),
            );
        }
        for d in &e.domains {
            if !model.domains.iter().any(|m| &m.id == d.get_ref()) {
                let known: Vec<&str> = model.domains.iter().map(|d| d.id.as_str()).collect();
                problem(
                    d.span(),
                    "evidence.domains",
                    format!(
                        "unknown domain `{}`; expected one of {}",
                        d.get_ref(),
                        known.join(", ")
                    ),
                );
            }
        }
        for p in &e.probes {
            match model.probes.iter().find(|m| &m.id == p.get_ref()) {
                None => problem(
                    p.span(),
                    "evidence.probes",
                    format!(
                        "`{}` is not in the probe bank (`opgap readiness probes` lists it)",
                        p.get_ref()
                    ),
                ),
                Some(probe) if !e.domains.iter().any(|d| *d.get_ref() == probe.domain) => problem(
                    p.span(),
                    "evidence.probes",
                    format!(
                        "`{}` is a {} probe, but this evidence does not list that domain",
                        probe.id, probe.domain
                    ),
                ),
                Some(_) => {}
            }
        }
        if platform_class(e.platform.get_ref()).is_none() {
            let known: Vec<&str> = PLATFORMS.iter().map(|(name, _)| *name).collect();
            problem(
                e.platform.span(),
                "evidence.platform",
                format!(
                    "unknown platform `{}`; expected one of {}",
                    e.platform.get_ref(),
                    known.join(", ")
                ),
            );
        }
        if e.kind.needs_layer() && e.layer.is_none() {
            problem(
                e.id.span(),
                "evidence.layer",
                format!(
                    "`{id}` is a {} and needs the layer the work was done at",
                    e.kind.label()
                ),
            );
        }
        if e.participant.is_empty() {
            problem(
                e.id.span(),
                "evidence.participant",
                format!("`{id}` has no participant"),
            );
        }
        let mut listed = BTreeSet::new();
        for p in &e.participant {
            if !listed.insert(p.person.get_ref().as_str()) {
                problem(
                    p.person.span(),
                    "evidence.participant.person",
                    format!(
                        "`{}` is listed twice in `{id}`; give each person once, in their main role",
                        p.person.get_ref()
                    ),
                );
            }
            if !people.contains(p.person.get_ref().as_str()) {
                problem(
                    p.person.span(),
                    "evidence.participant.person",
                    format!("`{}` is not declared in [[person]]", p.person.get_ref()),
                );
            }
        }
        if let Some(v) = &e.verifier {
            if !people.contains(v.get_ref().as_str()) {
                problem(
                    v.span(),
                    "evidence.verifier",
                    format!("`{}` is not declared in [[person]]", v.get_ref()),
                );
            } else if e
                .participant
                .iter()
                .any(|p| p.person.get_ref() == v.get_ref())
            {
                problem(
                    v.span(),
                    "evidence.verifier",
                    format!(
                        "`{}` took part in `{id}`; a verifier must be a peer who did not",
                        v.get_ref()
                    ),
                );
            }
        }
    }
    problems
}

#[cfg(test)]
mod tests {
    use super::*;

    const TODAY: Date = Date {
        year: 2026,
        month: 11,
        day: 26,
    };

    /// The part of the built-in model these tests use.
    pub fn model() -> Model {
        use crate::plugin::bindings::readiness::{AppliesIf, Domain, Probe};
        let domain = |id: &str| Domain {
            id: id.into(),
            name: id.into(),
            weight: 50,
            gate: true,
        };
        let probe = |id: &str, domain: &str| Probe {
            id: id.into(),
            domain: domain.into(),
            critical: true,
            applies_if: AppliesIf::Always,
            situation: String::new(),
        };
        Model {
            id: "test".into(),
            domains: vec![domain("storage"), domain("networking")],
            probes: vec![
                probe("st_ceph_osd_failure", "storage"),
                probe("nw_bridge_vlan", "networking"),
            ],
        }
    }

    fn problems(text: &str) -> Vec<String> {
        match parse(Path::new("team.toml"), text, &model(), TODAY) {
            Ok(_) => Vec::new(),
            Err(errors) => errors.iter().map(|e| e.to_string()).collect(),
        }
    }

    const MINIMAL: &str = "schema = \"opgap.readiness/1\"\n[team]\nname = \"Kestrel\"\nassessed_on = 2026-11-15\n\n[[person]]\nid = \"ana\"\nname = \"Ana\"\n\n[[person]]\nid = \"ben\"\nname = \"Ben\"\n";

    #[test]
    fn the_template_is_a_valid_questionnaire() {
        let q = parse(Path::new("t.toml"), TEMPLATE, &model(), TODAY).unwrap_or_else(|e| {
            panic!(
                "{}",
                e.iter()
                    .map(|e| e.to_string())
                    .collect::<Vec<_>>()
                    .join("\n")
            )
        });
        assert!(!q.evidence.is_empty());
    }

    #[test]
    fn a_clean_questionnaire_has_no_problems() {
        let text = format!(
            "{MINIMAL}\n[[evidence]]\nid = \"INC-1\"\nkind = \"production_incident\"\ndate = 2026-03-02\n\
             domains = [\"storage\"]\nprobes = [\"st_ceph_osd_failure\"]\nlayer = \"primitive\"\nplatform = \"proxmox\"\nverifier = \"ben\"\n\
             artifacts = [\"https://tickets.example/INC-1\"]\n[[evidence.participant]]\nperson = \"ana\"\nrole = \"primary_responder\"\n"
        );
        assert_eq!(problems(&text), Vec::<String>::new());
    }

    #[test]
    fn every_semantic_problem_is_reported_with_its_line_and_key() {
        let text = format!(
            "{MINIMAL}\n[[evidence]]\nid = \"INC-1\"\nkind = \"production_incident\"\ndate = 2027-01-02\n\
             domains = [\"storage\"]\nprobes = [\"st_ceph_osd_failure\", \"nw_bridge_vlan\", \"made_up\"]\n\
             verifier = \"ana\"\nplatform = \"Hyper-V\"\n[[evidence.participant]]\nperson = \"ana\"\nrole = \"primary_responder\"\n\
             [[evidence.participant]]\nperson = \"zoe\"\nrole = \"hands_on\"\n"
        );
        let found = problems(&text);
        let expect = [
            "team.toml:17:8: evidence.date: 2027-01-02 is in the future (today is 2026-11-26)",
            "team.toml:19:34: evidence.probes: `nw_bridge_vlan` is a networking probe, but this evidence does not list that domain",
            "team.toml:19:52: evidence.probes: `made_up` is not in the probe bank",
            "team.toml:15:6: evidence.layer: `INC-1` is a production incident and needs the layer",
            "team.toml:26:10: evidence.participant.person: `zoe` is not declared in [[person]]",
            "team.toml:21:12: evidence.platform: unknown platform `Hyper-V`; expected one of proxmox, libvirt",
            "team.toml:20:12: evidence.verifier: `ana` took part in `INC-1`; a verifier must be a peer who did not",
        ];
        assert_eq!(found.len(), expect.len(), "{found:#?}");
        for e in expect {
            assert!(
                found.iter().any(|f| f.starts_with(e)),
                "missing {e}\n{found:#?}"
            );
        }
    }

    #[test]
    fn unknown_fields_and_values_name_line_column_and_key() {
        let e = problems(&format!("{MINIMAL}\n[signals]\nlinux_is_center = true\n"));
        assert!(
            e[0].starts_with("team.toml:15:1: linux_is_center: unknown field"),
            "{e:?}"
        );
        let e = problems(&format!(
            "{MINIMAL}\n[[evidence]]\nid = \"X\"\nkind = \"hallway_chat\"\ndate = 2026-01-01\ndomains = [\"storage\"]\n"
        ));
        assert!(
            e[0].starts_with("team.toml:16:8: kind: unknown variant `hallway_chat`"),
            "{e:?}"
        );
    }

    /// Every line of the template deleted, or its value replaced by one of
    /// the wrong type or size: never a panic, always a located error.
    #[test]
    fn mangled_questionnaires_give_located_errors_never_a_panic() {
        let lines: Vec<&str> = TEMPLATE.lines().collect();
        let values = [
            "",
            "\"x\"",
            "-1",
            "99999999999999999999",
            "[[1]]",
            "{ a = 1 }",
            "2026-13-45",
            "1979-05-27T07:32:00Z",
        ];
        let mut checked = 0;
        for (i, line) in lines.iter().enumerate() {
            let mut variants = vec![
                lines
                    .iter()
                    .enumerate()
                    .filter(|(j, _)| *j != i)
                    .map(|(_, l)| *l)
                    .collect::<Vec<_>>()
                    .join("\n"),
            ];
            if let Some((key, _)) = line.split_once(" = ") {
                for v in values {
                    let mut changed = lines.clone();
                    let replaced = format!("{key} = {v}");
                    changed[i] = &replaced;
                    variants.push(changed.join("\n"));
                }
            }
            for text in variants {
                if let Err(errors) = parse(Path::new("t.toml"), &text, &model(), TODAY) {
                    for e in errors {
                        assert!(e.line >= 1 && !e.message.is_empty(), "{e}");
                    }
                }
                checked += 1;
            }
        }
        assert!(checked > 200, "{checked}");
    }

    #[test]
    fn dates_follow_the_calendar() {
        assert_eq!(Date::from_days(0).to_string(), "1970-01-01");
        assert_eq!(Date::from_days(20_783).to_string(), "2026-11-26");
        assert_eq!(Date::from_days(11_016).to_string(), "2000-02-29");
    }
}
