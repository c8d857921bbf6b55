//! Each context rule of the reference false-positive list (one trap word,
//! its other senses, how to tell them apart) is pinned to fixture lines:
//! the other sense must yield nothing of the trap's construct, and the
//! VMware sense, where the rule is about recognising one, must be found.
//! The fixture files themselves are checked line by line by `fixtures.rs`;
//! this table says which line stands for which rule, so a rule cannot lose
//! its test when a fixture is rewritten.

use std::collections::HashMap;
use std::path::Path;

use crate::support::*;

/// `(trap, fixture, words on the line, constructs that must not be found)`.
const OTHER_SENSES: &[(&str, &str, &str, &[&str])] = &[
    (
        "snapshot",
        "iac/fixtures/storageclass-other.yaml",
        "kind: VolumeSnapshot",
        &["vmware.snapshot.create"],
    ),
    (
        "snapshot",
        "vmware-cli/fixtures/kvm-side-not-vmware.sh",
        "vzdump 413 --mode snapshot",
        &["vmware.snapshot.create"],
    ),
    (
        "datastore",
        "vmware-cli/fixtures/kvm-side-not-vmware.sh",
        "pvesm add pbs pbs01",
        &["vmware.datastore"],
    ),
    (
        "template",
        "iac/fixtures/ansible-other-platforms.yml",
        "ansible.builtin.template:",
        &["vmware.template_clone"],
    ),
    (
        "template",
        "vmware-cli/fixtures/kvm-side-not-vmware.sh",
        "qm template 9000",
        &["vmware.template_clone"],
    ),
    (
        "cluster",
        "powercli/fixtures/hyperv-not-vmware.ps1",
        "Get-Cluster -Name (Get-SCVMHostCluster",
        &["vmware.datacenter_cluster_objects"],
    ),
    (
        "host",
        "vsphere/fixtures/traps.md",
        "to /etc/hosts on the application servers",
        &["vmware.host.add_remove"],
    ),
    (
        "vmx",
        "vmware-cli/fixtures/kvm-side-not-vmware.sh",
        "grep -E -c 'vmx|svm' /proc/cpuinfo",
        &["vmware.vm.files_vmx_vmdk"],
    ),
    (
        "vmx",
        "vsphere/fixtures/traps.md",
        "Nested virtualisation needs the vmx CPU flag",
        &["vmware.vm.files_vmx_vmdk", "vmware.vm.hardware_version"],
    ),
    (
        "DRS",
        "vsphere/fixtures/traps.md",
        "AWS Elastic Disaster Recovery (DRS)",
        &["vmware.drs"],
    ),
    (
        "DRS",
        "vmware-cli/fixtures/kvm-side-not-vmware.sh",
        "aws drs start-recovery",
        &["vmware.drs"],
    ),
    (
        "HA",
        "vsphere/fixtures/traps.md",
        "kept by keepalived; HA for the database",
        &["vmware.ha"],
    ),
    (
        "HA",
        "vmware-cli/fixtures/kvm-side-not-vmware.sh",
        "ha-manager add vm:413",
        &["vmware.ha"],
    ),
    (
        "migrate",
        "vmware-cli/fixtures/kvm-side-not-vmware.sh",
        "qm migrate 412 pve02 --online",
        &["vmware.vmotion", "vmware.vmotion.shared_nothing"],
    ),
    (
        "migrate",
        "vmware-cli/fixtures/kvm-side-not-vmware.sh",
        "virsh migrate --live",
        &["vmware.vmotion", "vmware.vmotion.shared_nothing"],
    ),
    (
        "cmdlets shared with Hyper-V",
        "powercli/fixtures/hyperv-not-vmware.ps1",
        "Get-VM -ComputerName $node",
        &["vmware.vm.inventory_query"],
    ),
    (
        "cmdlets shared with Hyper-V",
        "powercli/fixtures/hyperv-not-vmware.ps1",
        "Checkpoint-VM -ComputerName $node",
        &["vmware.snapshot.create"],
    ),
    (
        "storage policy",
        "iac/fixtures/csi-and-ansible-runbook.md",
        "its StorageClass has no policy",
        &["vmware.spbm.storage_policy"],
    ),
    (
        "security group / firewall",
        "vsphere/fixtures/traps.md",
        "openstack security group rule create",
        &["vmware.nsx.dfw"],
    ),
    (
        "Horizon",
        "vsphere/fixtures/traps.md",
        "OpenStack Horizon dashboard",
        &["vmware.linked_instant_clone"],
    ),
    (
        "tag / folder / alarm / pool / datacenter",
        "vsphere/fixtures/traps-not-vmware.md",
        "The wiki lists pages by tag",
        &["vmware.nsx.groups_tags", "vmware.inventory_tags_folders"],
    ),
    (
        "tag / folder / alarm / pool / datacenter",
        "vsphere/fixtures/topics-absent.md",
        "The thread pool of the web tier",
        &["vmware.resource_pools"],
    ),
    (
        "already-translated content",
        "vsphere/fixtures/products-and-migration.md",
        "qm disk import 214 app01.qcow2",
        &["vmware.migration_step"],
    ),
    (
        "python on the KVM side",
        "iac/fixtures/kvm_side_tasks.py",
        "libvirt.VIR_DOMAIN_SNAPSHOT_CREATE_QUIESCE",
        &["vmware.snapshot.quiesce"],
    ),
    (
        "terraform on the KVM side",
        "iac/fixtures/proxmox.tf",
        "clone {",
        &["vmware.template_clone"],
    ),
];

/// `(rule, fixture, words on the line, construct that must be found)`:
/// the rules that are about recognising the VMware sense, including
/// product renames.
const VMWARE_SENSES: &[(&str, &str, &str, &str)] = &[
    (
        "product renames: vROps",
        "vsphere/fixtures/products-and-migration.md",
        "vRealize Operations, now called VCF Operations",
        "vmware.product.vrops",
    ),
    (
        "product renames: VUM to vLCM",
        "vsphere/fixtures/host-lifecycle.md",
        "still on Update Manager baselines",
        "vmware.host.vlcm_vum",
    ),
    (
        "product renames: Log Insight",
        "vsphere/fixtures/observability.md",
        "collected in Log Insight",
        "vmware.loginsight_syslog",
    ),
    (
        "migrate: vMotion by Move-VM in a PowerCLI script",
        "powercli/fixtures/migration.ps1",
        "Get-VM -Name app07 | Move-VM -Destination $dst",
        "vmware.vmotion",
    ),
    (
        "already-translated content: the conversion itself",
        "vmware-cli/fixtures/kvm-side-not-vmware.sh",
        "qemu-img convert -p -f vmdk",
        "vmware.migration_step",
    ),
];

fn findings_by_line(run: &Run, file: &str) -> HashMap<u64, Vec<String>> {
    let mut by_line: HashMap<u64, Vec<String>> = HashMap::new();
    for (path, line, _, construct) in run.locations() {
        if file.ends_with(&path) {
            by_line.entry(line).or_default().push(construct);
        }
    }
    by_line
}

/// The 1-based line of `words` in `file`: the one line that is exactly
/// `words` (trimmed), or else the one line that contains them.
fn line_of(file: &Path, words: &str) -> u64 {
    let text = std::fs::read_to_string(file).unwrap();
    let find = |hit: &dyn Fn(&str) -> bool| -> Vec<usize> {
        text.lines()
            .enumerate()
            .filter(|(_, l)| hit(l))
            .map(|(i, _)| i + 1)
            .collect()
    };
    let exact = find(&|l: &str| l.trim() == words);
    let lines = if exact.len() == 1 {
        exact
    } else {
        find(&|l: &str| l.contains(words))
    };
    assert_eq!(
        lines.len(),
        1,
        "{}: expected one line with {words:?}, found {lines:?}",
        file.display()
    );
    lines[0] as u64
}

/// Findings by line of each fixture, scanned once per test however many
/// table rows name it.
type ByLine = HashMap<u64, Vec<String>>;

/// Scan a copy of the fixture with its annotation lines blanked, as
/// `opgap plugin test` does: annotations name constructs, and their
/// `vmware.` ids would otherwise make any document look like a VMware one.
fn scan_fixture(fixture: &str) -> ByLine {
    let file = workspace().join("plugins").join(fixture);
    let text = std::fs::read_to_string(&file).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let copy = dir.path().join(file.file_name().unwrap());
    std::fs::write(&copy, opgap::fixture::blank_annotations(&text)).unwrap();
    let run = scan_json(shared_cache(), &copy, &[]);
    assert!(run.errors().is_empty(), "{fixture}: {:?}", run.errors());
    findings_by_line(&run, &copy.to_string_lossy())
}

/// The constructs found on the line of `fixture` that holds `words`.
fn found_on(
    scans: &mut HashMap<&'static str, ByLine>,
    fixture: &'static str,
    words: &str,
) -> (u64, Vec<String>) {
    let line = line_of(&workspace().join("plugins").join(fixture), words);
    let by_line = scans
        .entry(fixture)
        .or_insert_with(|| scan_fixture(fixture));
    (line, by_line.get(&line).cloned().unwrap_or_default())
}

#[test]
fn every_false_positive_rule_keeps_its_other_sense_out() {
    let mut scans = HashMap::new();
    for (trap, fixture, words, constructs) in OTHER_SENSES {
        let (line, found) = found_on(&mut scans, fixture, words);
        for construct in *constructs {
            assert!(
                !found.iter().any(|c| c == construct),
                "trap {trap:?}: {fixture}:{line} yields {construct} ({found:?})"
            );
        }
    }
}

#[test]
fn every_recognition_rule_finds_the_vmware_sense() {
    let mut scans = HashMap::new();
    for (rule, fixture, words, construct) in VMWARE_SENSES {
        let (line, found) = found_on(&mut scans, fixture, words);
        assert!(
            found.iter().any(|c| c == construct),
            "rule {rule:?}: {fixture}:{line} does not yield {construct} ({found:?})"
        );
    }
}
