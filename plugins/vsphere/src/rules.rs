//! The rule table: what each rule matches and what it means.
//!
//! Construct ids and layer ids are the shared vocabulary of every opgap plugin
//! and report (see the construct catalogue). A rule is `Strong` when its
//! pattern only occurs in a VMware sense; `NeedsContext` rules use words that
//! other tools share (snapshot, DRS, Move-VM) and fire only where the same
//! section or script already shows VMware.

use opgap_pdk::types::Severity;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Strength {
    /// Fires on its own.
    Strong,
    /// Fires only with a VMware anchor in the same section, and never on a
    /// line that names another tool (see [`NEGATIVE_LINE_ANCHORS`]).
    NeedsContext,
}

pub struct RuleDef {
    pub id: &'static str,
    pub construct: &'static str,
    pub layer: &'static str,
    pub severity: Severity,
    pub strength: Strength,
    /// Rust `regex` syntax.
    pub pattern: &'static str,
    /// Rules whose match, when it contains this rule's match, wins
    /// ("Storage vMotion" is not also plain vMotion).
    pub shadowed_by: &'static [&'static str],
    pub message: &'static str,
    pub short_help: &'static str,
    pub long_help: &'static str,
}

/// Words on the same line that mean "this is not the VMware sense": other
/// snapshot systems, AWS DRS, Hyper-V, and commands that already target KVM.
pub const NEGATIVE_LINE_ANCHORS: &str = r"(?i)\b(zfs|lvcreate|lvm|rbd|ceph|aws|gcloud|az|kubectl|volumesnapshot|velero|etcdctl|elasticsearch|pg_dump|mysql|hyper-v|destinationhost|qm|virsh|openstack|pct|btrfs)\b";

use Strength::{NeedsContext, Strong};

pub const RULES: &[RuleDef] = &[
    RuleDef {
        id: "vsphere/vcenter-session",
        construct: "vmware.vcenter.session",
        layer: "lifecycle",
        severity: Severity::High,
        strength: Strong,
        pattern: r"\b(Connect|Disconnect)-VIServer\b|\$global:DefaultVIServers?\b|\bSmartConnect(NoSSL)?\s*\(|\bGOVC_(URL|USERNAME|PASSWORD|INSECURE)\b|\bprovider\s+\x22vsphere\x22|https?://[^\s/]+/sdk\b",
        shadowed_by: &[],
        message: "Automation logs in to vCenter/ESXi; on KVM it must authenticate to the new management plane's API instead.",
        short_help: "vCenter or ESXi API session",
        long_help: "The script or step opens a session against the vCenter/ESXi API (PowerCLI Connect-VIServer, pyVmomi SmartConnect, govc environment, Terraform vsphere provider). Every call after it targets vCenter's inventory, which does not exist after the move.",
    },
    RuleDef {
        id: "vsphere/storage-vmotion",
        construct: "vmware.storage_vmotion",
        layer: "vmotion",
        severity: Severity::High,
        strength: Strong,
        pattern: r"\b(Storage|storage)\s+v[Mm]otion\b|\bsv[Mm]otion\b",
        shadowed_by: &[],
        message: "Storage vMotion moves a running VM's disks between datastores; the KVM equivalent depends on the storage backend.",
        short_help: "Storage vMotion",
        long_help: "Live relocation of a VM's disks between datastores. KVM management planes offer live disk moves with different limits (block jobs in libvirt, `qm disk move` on Proxmox).",
    },
    RuleDef {
        id: "vsphere/vmotion",
        construct: "vmware.vmotion",
        layer: "vmotion",
        severity: Severity::High,
        strength: Strong,
        pattern: r"\bv[Mm]otion\b|\bgovc\s+vm\.migrate\b|\bvmware_vmotion\b|\b(MigrateVM|RelocateVM|CheckMigrate)_Task\b",
        shadowed_by: &["vsphere/storage-vmotion"],
        message: "vMotion live migration: procedures built on it need the KVM stack's live-migration path and its preconditions.",
        short_help: "vMotion live migration",
        long_help: "Moving a running VM between ESXi hosts. KVM live migration exists on every management plane but with other preconditions (shared storage or block migration, CPU model compatibility, no host-passthrough).",
    },
    RuleDef {
        id: "vsphere/move-vm",
        construct: "vmware.vmotion",
        layer: "vmotion",
        severity: Severity::High,
        strength: NeedsContext,
        pattern: r"\bMove-VM\b",
        shadowed_by: &[],
        message: "PowerCLI Move-VM migrates a VM through vCenter (vMotion or Storage vMotion).",
        short_help: "PowerCLI Move-VM",
        long_help: "Move-VM -Destination/-VMHost/-Datastore drives vMotion from PowerCLI. Hyper-V's Move-VM (-DestinationHost) is not reported.",
    },
    RuleDef {
        id: "vsphere/vsan",
        construct: "vmware.vsan.cluster",
        layer: "vsan",
        severity: Severity::High,
        strength: Strong,
        pattern: r"\bvSAN\b|\bvsanDatastore\b|\b(Get|Set)-VsanClusterConfiguration\b|\b\w+-VsanDisk(Group)?\b|\bgovc\s+vsan\.|\besxcli\s+vsan\b",
        shadowed_by: &[],
        message: "vSAN storage: its policies, fault domains and health checks have to be rebuilt on the KVM stack's storage.",
        short_help: "vSAN cluster storage",
        long_help: "vSAN pools host disks into a distributed datastore governed by storage policies. KVM stacks use Ceph, ZFS, NFS or SAN storage with different failure and policy semantics.",
    },
    RuleDef {
        id: "vsphere/drs-setting",
        construct: "vmware.drs",
        layer: "drs",
        severity: Severity::High,
        strength: Strong,
        pattern: r"-Drs(Enabled|AutomationLevel|Mode)\b|\bdrs_(enabled|automation_level|migration_threshold)\b|\bvmware_cluster_drs\b|\bvmware\.vmware\.cluster_drs\b|\bDistributed Resource Scheduler\b",
        shadowed_by: &[],
        message: "DRS placement and balancing: plain KVM has no equivalent; the management plane may offer a partial one.",
        short_help: "DRS configuration",
        long_help: "vSphere DRS places and rebalances VMs across a cluster automatically. libvirt has none, Proxmox CRS and oVirt scheduling policies cover part of it, OpenStack Nova places only at boot.",
    },
    RuleDef {
        id: "vsphere/drs",
        construct: "vmware.drs",
        layer: "drs",
        severity: Severity::High,
        strength: NeedsContext,
        pattern: r"\bDRS\b",
        shadowed_by: &[],
        message: "DRS placement and balancing: plain KVM has no equivalent; the management plane may offer a partial one.",
        short_help: "DRS mention in a VMware section",
        long_help: "The word DRS in a section that is about vSphere. AWS Elastic Disaster Recovery (`aws drs`) is not reported.",
    },
    RuleDef {
        id: "vsphere/snapshot-cmd",
        construct: "vmware.snapshot.create",
        layer: "snapshot",
        severity: Severity::Medium,
        strength: Strong,
        pattern: r"\b(New|Get|Set|Remove)-Snapshot\b|\bgovc\s+snapshot\.\w+|\bvmware_guest_snapshot\b|\bvmware\.vmware\.vm_snapshot\b|\bvsphere_virtual_machine_snapshot\b|\bCreateSnapshot(Ex)?_Task\b|\bvim-cmd\s+vmsvc/snapshot\.\w+",
        shadowed_by: &[],
        message: "vSphere VM snapshot: KVM snapshots differ in format (internal qcow2 vs external), memory state and quiescing.",
        short_help: "vSphere snapshot command",
        long_help: "Creating, listing or removing a vSphere VM snapshot. On KVM the snapshot format depends on the disk format and storage; quiescing requires qemu-guest-agent.",
    },
    RuleDef {
        id: "vsphere/snapshot",
        construct: "vmware.snapshot.create",
        layer: "snapshot",
        severity: Severity::Medium,
        strength: NeedsContext,
        pattern: r"(?i)\bsnapshots?\b",
        shadowed_by: &["vsphere/snapshot-cmd"],
        message: "VM snapshot in a vSphere procedure: check how the KVM stack snapshots this VM's storage.",
        short_help: "Snapshot in a VMware section",
        long_help: "The word snapshot in a section that is about vSphere. ZFS, LVM, Ceph, cloud, Kubernetes and database snapshots on the same line are not reported.",
    },
    RuleDef {
        id: "vsphere/snapshot-quiesce",
        construct: "vmware.snapshot.quiesce",
        layer: "snapshot",
        severity: Severity::High,
        strength: NeedsContext,
        pattern: r"(?i)-Quiesce\b|\bquiesced?\b",
        shadowed_by: &[],
        message: "Quiesced snapshot relies on VMware Tools; on KVM it needs qemu-guest-agent and fails differently.",
        short_help: "Quiesced (application-consistent) snapshot",
        long_help: "Quiescing flushes guest file systems through VMware Tools before a snapshot. On KVM the guest agent does this (fsfreeze) and must be installed and enabled per VM.",
    },
    RuleDef {
        id: "vsphere/datastore-path",
        construct: "vmware.vm.files_vmx_vmdk",
        layer: "lifecycle",
        severity: Severity::Medium,
        strength: Strong,
        pattern: r"\[[^\]\n]+\]\s+\S+\.(vmx|vmdk)\b|/vmfs/volumes/|\bvmkfstools\b",
        shadowed_by: &[],
        message: "Datastore path to VM files (.vmx/.vmdk on VMFS): these paths do not exist on KVM storage.",
        short_help: "Datastore path or VMFS volume",
        long_help: "Paths like `[datastore1] vm/vm.vmx` or `/vmfs/volumes/...` address VM files on vSphere datastores. After conversion, disks live in the KVM stack's storage under other names.",
    },
    RuleDef {
        id: "vsphere/product-vcenter",
        construct: "vmware.product.vcenter",
        layer: "lifecycle",
        severity: Severity::Info,
        strength: Strong,
        pattern: r"\bv[Cc]enter\b|\bVCSA\b",
        shadowed_by: &[],
        message: "Mentions vCenter.",
        short_help: "vCenter mention",
        long_help: "The text names vCenter Server, the control plane that goes away.",
    },
    RuleDef {
        id: "vsphere/product-esxi",
        construct: "vmware.product.esxi",
        layer: "host_lifecycle",
        severity: Severity::Info,
        strength: Strong,
        pattern: r"\bESXi?\b",
        shadowed_by: &[],
        message: "Mentions ESXi.",
        short_help: "ESXi mention",
        long_help: "The text names the ESXi hypervisor.",
    },
    RuleDef {
        id: "vsphere/product-vsphere",
        construct: "vmware.product.vsphere",
        layer: "lifecycle",
        severity: Severity::Info,
        strength: Strong,
        pattern: r"\bvSphere\b",
        shadowed_by: &[],
        message: "Mentions vSphere.",
        short_help: "vSphere mention",
        long_help: "The text names the vSphere platform.",
    },
];
