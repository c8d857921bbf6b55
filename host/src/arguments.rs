//! Arguments a finding's line names (the VM, host, snapshot, datastore,
//! cluster, network), and filling them into a translation's replacement
//! commands.
//!
//! Only plain names are captured (letters, digits and `._:@/-`, at most 64
//! characters): a variable, an expression or a value with spaces or shell
//! metacharacters leaves its placeholder in place, so a filled-in command
//! can never carry text that the runbook did not literally name. Names of
//! vSphere objects that have no one-to-one counterpart on the stack (hosts,
//! datastores, clusters, networks, and VM ids on Proxmox) are shown as
//! `<node for esx02>`, a hint to look up, not a value to paste.

use std::collections::BTreeMap;
use std::sync::LazyLock;

use regex::Regex;

/// The placeholders a replacement template may use.
pub const KINDS: &[&str] = &["vm", "host", "snapshot", "datastore", "cluster", "network"];

/// `(kind, pattern)`: the first capture group is the value. PowerCLI
/// parameters and govc flags, the common spellings of each argument.
static PATTERNS: LazyLock<Vec<(&'static str, Regex)>> = LazyLock::new(|| {
    // A name starts with a letter, digit or underscore: `-VM` and `$vm`
    // are not names.
    // A quoted value must close right after the name: `'web01; rm'` is
    // not the name `web01`.
    let value = r#"(?:'(NAME)'|"(NAME)"|(NAME))(?:\s|$|[,;)|`])"#
        .replace("NAME", "[A-Za-z0-9_][A-Za-z0-9._:@/-]{0,63}");
    [
        ("vm", r"(?i)\s-vm(?:\s+|=)"),
        (
            "vm",
            r"\b(?:Get|Start|Stop|Restart|Remove|Set|Move)-VM(?:Guest)?\s+(?:-Name\s+)?",
        ),
        ("host", r"(?i)\s-(?:VMHost|host)(?:\s+|=)"),
        ("host", r"\bMove-VM\b[^\n]*\s-Destination\s+"),
        (
            "snapshot",
            r"\b(?:New|Get|Remove)-Snapshot\b[^\n]*\s-Name\s+",
        ),
        ("snapshot", r"(?i)\s-Snapshot\s+"),
        ("datastore", r"(?i)\s-(?:Datastore|ds)(?:\s+|=)"),
        ("cluster", r"(?i)\s-(?:Cluster|cluster)(?:\s+|=)"),
        ("network", r"(?i)\s-(?:NetworkName|PortGroup|net)(?:\s+|=)"),
    ]
    .into_iter()
    .map(|(kind, prefix)| {
        let re = Regex::new(&format!("{prefix}{value}")).expect("argument pattern");
        (kind, re)
    })
    .collect()
});

/// The arguments named on `line`, first spelling wins.
pub fn capture(line: &str) -> BTreeMap<&'static str, String> {
    let mut found = BTreeMap::new();
    let padded = format!(" {line} ");
    for (kind, re) in PATTERNS.iter() {
        if found.contains_key(kind) {
            continue;
        }
        let name = re
            .captures(&padded)
            .and_then(|c| c.get(1).or(c.get(2)).or(c.get(3)));
        if let Some(m) = name {
            // `-VM $vm` or `-Destination (Get-VMHost x)` name nothing.
            found.insert(*kind, m.as_str().to_string());
        }
    }
    found
}

/// How a captured vSphere name appears in a command for `stack`.
fn render(kind: &str, stack: &str, name: &str) -> String {
    match (kind, stack) {
        ("vm", "proxmox") => format!("<vmid of {name}>"),
        ("vm", _) | ("snapshot", _) => name.to_string(),
        ("host", "proxmox") => format!("<node for {name}>"),
        ("host", "openstack") => format!("<compute host for {name}>"),
        ("host", _) => format!("<KVM host for {name}>"),
        ("datastore", "proxmox") => format!("<storage for {name}>"),
        ("datastore", "ovirt") => format!("<storage domain for {name}>"),
        ("datastore", "openstack") => format!("<volume type for {name}>"),
        ("datastore", _) => format!("<storage pool for {name}>"),
        (kind, _) => format!("<{kind} for {name}>"),
    }
}

/// `template` with every `{kind}` that `captured` knows filled in; the
/// others stay as they are.
pub fn fill(template: &str, stack: &str, captured: &BTreeMap<&'static str, String>) -> String {
    let mut out = template.to_string();
    for kind in KINDS {
        if let Some(name) = captured.get(kind) {
            out = out.replace(&format!("{{{kind}}}"), &render(kind, stack, name));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn powercli_and_govc_arguments_are_captured() {
        let c =
            capture("Move-VM -VM web01 -Destination esx02.corp.example.com -Datastore ds-gold-01");
        assert_eq!(c["vm"], "web01");
        assert_eq!(c["host"], "esx02.corp.example.com");
        assert_eq!(c["datastore"], "ds-gold-01");
        let c = capture("govc vm.migrate -host esx03 -ds=vmfs-02 app12");
        assert_eq!(c["host"], "esx03");
        assert_eq!(c["datastore"], "vmfs-02");
        let c = capture("New-Snapshot -VM 'db01' -Name pre-patch -Quiesce");
        assert_eq!(c["vm"], "db01");
        assert_eq!(c["snapshot"], "pre-patch");
    }

    #[test]
    fn variables_expressions_and_metacharacters_capture_nothing() {
        let c = capture("Move-VM -VM $vm -Destination (Get-VMHost esx02)");
        assert!(!c.contains_key("vm"), "{c:?}");
        assert!(!c.contains_key("host"), "{c:?}");
        let c = capture("Move-VM -VM 'web01; rm -rf /' -Destination esx02");
        assert!(!c.contains_key("vm"), "{c:?}");
        let c = capture("Move-VM -VM web01$(reboot) -Destination esx02");
        assert!(!c.contains_key("vm"), "{c:?}");
        let c = capture("Move-VM -VM `whoami` -Destination esx02");
        assert!(!c.contains_key("vm"), "{c:?}");
    }

    #[test]
    fn names_fill_placeholders_as_the_stack_addresses_them() {
        let c = capture("Move-VM -VM web01 -Destination esx02");
        assert_eq!(
            fill("qm migrate {vm} {host} --online", "proxmox", &c),
            "qm migrate <vmid of web01> <node for esx02> --online"
        );
        assert_eq!(
            fill(
                "virsh migrate --live {vm} qemu+ssh://{host}/system",
                "libvirt",
                &c
            ),
            "virsh migrate --live web01 qemu+ssh://<KVM host for esx02>/system"
        );
        // Unknown arguments keep their placeholder.
        assert_eq!(
            fill("qm snapshot {vm} {snapshot}", "proxmox", &c),
            "qm snapshot <vmid of web01> {snapshot}"
        );
    }
}
