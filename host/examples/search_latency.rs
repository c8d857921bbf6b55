//! Search latency on a large index: builds an index of N synthetic runbook
//! sections (default 10 000) with the same fields a scan writes, then runs
//! a set of queries many times and prints p50 / p99 per query.
//!
//! ```sh
//! cargo run --release -p opgap --example search_latency -- 10000
//! ```

use std::time::{Duration, Instant};

use opgap::index::search::{SearchRequest, search};
use opgap::index::sections::Section;
use opgap::index::{IndexedFile, IndexedSection, RunbookIndex};

const SECTIONS_PER_FILE: usize = 10;
const RUNS: usize = 200;

/// Words runbooks are made of, VMware terms and trap words among them.
const WORDS: &[&str] = &[
    "host",
    "cluster",
    "vMotion",
    "snapshot",
    "quiesce",
    "datastore",
    "template",
    "migrate",
    "maintenance",
    "mode",
    "backup",
    "restore",
    "replication",
    "alarm",
    "dashboard",
    "latency",
    "ready",
    "network",
    "segment",
    "firewall",
    "vlan",
    "storage",
    "policy",
    "capacity",
    "patch",
    "upgrade",
    "rollback",
    "verify",
    "ticket",
    "approval",
    "window",
    "on-call",
    "escalate",
    "certificate",
    "ldap",
    "role",
    "permission",
    "ansible",
    "terraform",
    "powercli",
    "govc",
    "esxcli",
    "disk",
    "memory",
    "cpu",
    "guest",
    "tools",
    "agent",
    "power",
    "reboot",
    "drain",
];
const CONSTRUCTS: &[(&str, &str)] = &[
    ("vmware.vmotion", "vmotion"),
    ("vmware.snapshot.create", "snapshot"),
    ("vmware.snapshot.quiesce", "snapshot"),
    ("vmware.drs", "drs"),
    ("vmware.ha", "ha_ft"),
    ("vmware.host.maintenance_mode", "host_lifecycle"),
    ("vmware.perf.cpu_ready", "observability"),
    ("vmware.nsx.segment", "nsx"),
    ("vmware.vsan.cluster", "vsan"),
    ("vmware.backup.vadp", "backup"),
];
const FIDELITY: &[&str] = &["equivalent", "partial", "none"];
const STACKS: &[&str] = &["libvirt", "proxmox", "ovirt", "openstack"];

/// A small deterministic generator, so every run indexes the same estate.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[(self.next() % items.len() as u64) as usize]
    }
    fn sentence(&mut self, words: usize) -> String {
        (0..words)
            .map(|_| *self.pick(WORDS))
            .collect::<Vec<_>>()
            .join(" ")
    }
}

fn main() -> anyhow::Result<()> {
    let sections: usize = std::env::args()
        .nth(1)
        .map(|n| n.parse())
        .transpose()?
        .unwrap_or(10_000);
    let dir = tempfile::tempdir()?;
    let index = RunbookIndex::open_or_create(dir.path())?;
    let mut rng = Rng(0x5eed_1234_abcd_0042);

    let started = Instant::now();
    let mut update = index.update(Duration::ZERO)?;
    for file in 0..sections.div_ceil(SECTIONS_PER_FILE) {
        let path = format!("runbooks/area-{}/runbook-{file}.md", file % 37);
        let indexed = (0..SECTIONS_PER_FILE)
            .map(|s| {
                let (construct, layer) = *rng.pick(CONSTRUCTS);
                let fidelity = STACKS
                    .iter()
                    .map(|stack| format!("{stack}:{}", rng.pick(FIDELITY)))
                    .collect();
                IndexedSection {
                    section: Section {
                        heading_path: vec![format!("Runbook {file}"), rng.sentence(3)],
                        line: (s * 12 + 1) as u32,
                        start: 0,
                        end: 0,
                        prose: (0..4)
                            .map(|_| rng.sentence(14))
                            .collect::<Vec<_>>()
                            .join(". "),
                        code: rng.sentence(10),
                    },
                    constructs: vec![construct.to_string()],
                    layers: vec![layer.to_string()],
                    severities: vec!["high".to_string()],
                    fidelity,
                }
            })
            .collect();
        update.put_file(IndexedFile {
            repo_key: &format!("/srv/repo-{}", file % 5),
            repo: &format!("repo-{}", file % 5),
            revision: "0000000",
            path: &path,
            blob: "0",
            results: &[],
            steps: &[],
            sections: indexed,
        })?;
    }
    update.commit()?;
    println!(
        "indexed {sections} sections in {:.2} s",
        started.elapsed().as_secs_f64()
    );

    let queries: Vec<(&str, SearchRequest)> = vec![
        ("snapshot", request("snapshot", |_| {})),
        (
            "\"maintenance mode\"",
            request("\"maintenance mode\"", |_| {}),
        ),
        ("vmotion AND host", request("vMotion AND host", |_| {})),
        (
            "quiesce --layer snapshot",
            request("quiesce", |r| r.layers = vec!["snapshot".into()]),
        ),
        (
            "--stack-fidelity none --stack proxmox",
            request("", |r| {
                r.fidelity = Some("none".into());
                r.stack = Some("proxmox".into());
            }),
        ),
        (
            "rollback --repo repo-3",
            request("rollback", |r| r.repos = vec!["repo-3".into()]),
        ),
    ];
    println!(
        "{:<40} {:>10} {:>10} {:>8}",
        "query", "p50 ms", "p99 ms", "hits"
    );
    for (name, req) in &queries {
        let mut times = Vec::with_capacity(RUNS);
        let mut total = 0;
        for _ in 0..RUNS {
            let t = Instant::now();
            total = search(&index, req)?.total;
            times.push(t.elapsed());
        }
        times.sort();
        let ms = |d: Duration| d.as_secs_f64() * 1000.0;
        println!(
            "{:<40} {:>10.2} {:>10.2} {:>8}",
            name,
            ms(times[RUNS / 2]),
            ms(times[RUNS * 99 / 100]),
            total
        );
    }
    Ok(())
}

fn request(query: &str, tweak: impl FnOnce(&mut SearchRequest)) -> SearchRequest {
    let mut r = SearchRequest {
        query: query.into(),
        limit: 10,
        ..SearchRequest::default()
    };
    tweak(&mut r);
    r
}
