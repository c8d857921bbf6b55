//! The probe bank: for each operational domain, the concrete failure
//! situations a KVM team must have handled. A probe is what evidence
//! demonstrates; critical probes are the ones a team cannot run
//! production without.

use opgap_pdk::readiness;

/// The name of these scoring rules, reported on every scorecard.
pub const MODEL_ID: &str = "opgap-readiness-1";

/// An operational domain of a KVM estate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Domain {
    pub id: &'static str,
    pub name: &'static str,
    /// Its share of the readiness index, out of 100.
    pub weight: u32,
    /// A HIGH risk here alone blocks the cutover.
    pub gate: bool,
}

/// When a probe applies to a team at all.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AppliesIf {
    Always,
    /// The team runs one of these storage backends.
    Backend(&'static [&'static str]),
    /// The team passes NICs through with SR-IOV.
    Sriov,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Probe {
    pub id: &'static str,
    pub domain: &'static str,
    pub critical: bool,
    pub applies_if: AppliesIf,
    /// The situation, in a line.
    pub situation: &'static str,
}

pub const DOMAINS: &[Domain] = &[
    Domain {
        id: "management_plane",
        name: "Management plane",
        weight: 12,
        gate: false,
    },
    Domain {
        id: "storage",
        name: "Storage",
        weight: 20,
        gate: true,
    },
    Domain {
        id: "networking",
        name: "Networking",
        weight: 12,
        gate: false,
    },
    Domain {
        id: "observability",
        name: "Observability",
        weight: 10,
        gate: false,
    },
    Domain {
        id: "backup_restore",
        name: "Backup and restore",
        weight: 15,
        gate: true,
    },
    Domain {
        id: "scheduling_contention",
        name: "Scheduling and contention",
        weight: 10,
        gate: false,
    },
    Domain {
        id: "identity_rbac",
        name: "Identity and RBAC",
        weight: 6,
        gate: false,
    },
    Domain {
        id: "migration_ha",
        name: "Live migration and HA",
        weight: 15,
        gate: true,
    },
];

use AppliesIf::{Always, Backend, Sriov};

const fn probe(
    id: &'static str,
    domain: &'static str,
    critical: bool,
    applies_if: AppliesIf,
    situation: &'static str,
) -> Probe {
    Probe {
        id,
        domain,
        critical,
        applies_if,
        situation,
    }
}

pub const PROBES: &[Probe] = &[
    probe(
        "mp_quorum_loss",
        "management_plane",
        true,
        Always,
        "cluster lost quorum or membership and was brought back",
    ),
    probe(
        "mp_control_plane_down",
        "management_plane",
        true,
        Always,
        "management daemons down while VMs were run by hand (qm, virsh)",
    ),
    probe(
        "mp_rolling_upgrade",
        "management_plane",
        false,
        Always,
        "rolling kernel and QEMU upgrade with guests evacuated",
    ),
    probe(
        "mp_api_automation_break",
        "management_plane",
        false,
        Always,
        "automation broken by a platform API change, then fixed",
    ),
    probe(
        "mp_config_store",
        "management_plane",
        false,
        Always,
        "cluster configuration store or control database repaired",
    ),
    probe(
        "st_ceph_osd_failure",
        "storage",
        true,
        Backend(&["ceph"]),
        "Ceph OSD down and placement groups degraded, handled under load",
    ),
    probe(
        "st_ceph_capacity",
        "storage",
        false,
        Backend(&["ceph"]),
        "Ceph nearfull or full OSD, or a pool quota hit",
    ),
    probe(
        "st_ceph_scrub_inconsistent",
        "storage",
        false,
        Backend(&["ceph"]),
        "inconsistent placement group found by scrub and repaired",
    ),
    probe(
        "st_nfs_failover",
        "storage",
        true,
        Backend(&["nfs"]),
        "NFS outage with hung mounts and stale handles on hosts",
    ),
    probe(
        "st_iscsi_multipath",
        "storage",
        true,
        Backend(&["iscsi", "fc"]),
        "iSCSI or FC path loss ridden out with multipath",
    ),
    probe(
        "st_pool_exhaustion",
        "storage",
        false,
        Backend(&["lvm-thin", "zfs"]),
        "thin or ZFS pool full and guests paused",
    ),
    probe(
        "st_latency_to_backend",
        "storage",
        false,
        Always,
        "guest disk latency traced down to the backend",
    ),
    probe(
        "nw_bridge_vlan",
        "networking",
        true,
        Always,
        "bridge or VLAN mistake cut guests off; diagnosed and fixed",
    ),
    probe(
        "nw_cluster_partition",
        "networking",
        true,
        Always,
        "cluster or storage network partitioned or flapping",
    ),
    probe(
        "nw_bond_failover",
        "networking",
        false,
        Always,
        "bond or LACP member failure diagnosed",
    ),
    probe(
        "nw_mtu_mismatch",
        "networking",
        false,
        Always,
        "MTU mismatch on a storage or cluster network found",
    ),
    probe(
        "nw_ovs_sdn",
        "networking",
        false,
        Always,
        "Open vSwitch, OVN or SDN flow or tunnel problem fixed",
    ),
    probe(
        "nw_sriov_passthrough",
        "networking",
        false,
        Sriov,
        "SR-IOV virtual function or passthrough NIC problem fixed",
    ),
    probe(
        "ob_detect_before_users",
        "observability",
        true,
        Always,
        "KVM-side alerting caught a fault before users did",
    ),
    probe(
        "ob_host_guest_correlation",
        "observability",
        true,
        Always,
        "a guest symptom tied to a host metric",
    ),
    probe(
        "ob_alert_replaced",
        "observability",
        false,
        Always,
        "a vCenter alarm replaced and the new alert proven in a drill",
    ),
    probe(
        "ob_hypervisor_logs",
        "observability",
        false,
        Always,
        "root cause found in hypervisor, QEMU or Ceph logs",
    ),
    probe(
        "ob_capacity_forecast",
        "observability",
        false,
        Always,
        "capacity forecast built from the team's own metrics",
    ),
    probe(
        "br_full_vm_restore",
        "backup_restore",
        true,
        Always,
        "production VM restored on KVM within a measured RTO",
    ),
    probe(
        "br_restore_verification",
        "backup_restore",
        true,
        Always,
        "scheduled restore verification carried out",
    ),
    probe(
        "br_backup_job_failure",
        "backup_restore",
        false,
        Always,
        "failing backup jobs diagnosed (locks, snapshots, dirty bitmaps)",
    ),
    probe(
        "br_file_level_restore",
        "backup_restore",
        false,
        Always,
        "single files restored from a VM backup",
    ),
    probe(
        "br_dr_failover",
        "backup_restore",
        false,
        Always,
        "DR failover exercised without SRM",
    ),
    probe(
        "sc_cpu_contention",
        "scheduling_contention",
        true,
        Always,
        "CPU contention found through steal time or run queues and fixed",
    ),
    probe(
        "sc_memory_pressure",
        "scheduling_contention",
        true,
        Always,
        "host memory pressure (ballooning, KSM, swap, OOM-killed QEMU) handled",
    ),
    probe(
        "sc_numa_pinning",
        "scheduling_contention",
        false,
        Always,
        "NUMA or CPU pinning misplacement found and fixed",
    ),
    probe(
        "sc_io_noisy_neighbor",
        "scheduling_contention",
        false,
        Always,
        "a noisy I/O neighbour throttled (iotune, blkio)",
    ),
    probe(
        "sc_manual_rebalance",
        "scheduling_contention",
        false,
        Always,
        "placement rebalanced by hand or script, without DRS",
    ),
    probe(
        "id_break_glass",
        "identity_rbac",
        true,
        Always,
        "operated through an identity provider outage with break-glass accounts",
    ),
    probe(
        "id_role_mapping",
        "identity_rbac",
        false,
        Always,
        "vCenter roles mapped to platform ACLs and audited",
    ),
    probe(
        "id_token_rotation",
        "identity_rbac",
        false,
        Always,
        "automation API tokens rotated without an outage",
    ),
    probe(
        "id_access_incident",
        "identity_rbac",
        false,
        Always,
        "unauthorised access or privilege misuse investigated",
    ),
    probe(
        "mh_ha_fencing",
        "migration_ha",
        true,
        Always,
        "node failure: fencing and HA restart verified, no split brain",
    ),
    probe(
        "mh_live_migration_failure",
        "migration_ha",
        true,
        Always,
        "live migration failure fixed (CPU model, storage, passthrough)",
    ),
    probe(
        "mh_maintenance_evacuation",
        "migration_ha",
        false,
        Always,
        "host evacuated for maintenance without vMotion or DRS",
    ),
    probe(
        "mh_storage_migration",
        "migration_ha",
        false,
        Always,
        "disks moved live between storage backends",
    ),
    probe(
        "mh_split_brain_recovery",
        "migration_ha",
        false,
        Always,
        "duplicate VMs after a split brain recovered",
    ),
];

/// The bank as the `model` export declares it.
pub fn model() -> readiness::Model {
    readiness::Model {
        id: MODEL_ID.to_string(),
        domains: DOMAINS
            .iter()
            .map(|d| readiness::Domain {
                id: d.id.into(),
                name: d.name.into(),
                weight: d.weight,
                gate: d.gate,
            })
            .collect(),
        probes: PROBES
            .iter()
            .map(|p| readiness::Probe {
                id: p.id.into(),
                domain: p.domain.into(),
                critical: p.critical,
                applies_if: match p.applies_if {
                    AppliesIf::Always => readiness::AppliesIf::Always,
                    AppliesIf::Backend(any) => {
                        readiness::AppliesIf::Backend(any.iter().map(|b| b.to_string()).collect())
                    }
                    AppliesIf::Sriov => readiness::AppliesIf::Sriov,
                },
                situation: p.situation.into(),
            })
            .collect(),
    }
}

pub fn domain(id: &str) -> Option<&'static Domain> {
    DOMAINS.iter().find(|d| d.id == id)
}

pub fn probe_by_id(id: &str) -> Option<&'static Probe> {
    PROBES.iter().find(|p| p.id == id)
}

impl Probe {
    /// Whether the probe applies to a team with these storage backends.
    pub fn applies(&self, backends: &[String], uses_sriov: bool) -> bool {
        match self.applies_if {
            AppliesIf::Always => true,
            AppliesIf::Backend(any) => backends.iter().any(|b| any.contains(&b.as_str())),
            AppliesIf::Sriov => uses_sriov,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bank_is_consistent() {
        assert_eq!(DOMAINS.iter().map(|d| d.weight).sum::<u32>(), 100);
        assert_eq!(PROBES.len(), 42);
        assert_eq!(PROBES.iter().filter(|p| p.critical).count(), 16);
        for p in PROBES {
            assert!(
                domain(p.domain).is_some(),
                "{} names an unknown domain",
                p.id
            );
        }
        for d in DOMAINS {
            assert!(
                PROBES.iter().any(|p| p.domain == d.id && p.critical),
                "{} has no critical probe",
                d.id
            );
        }
        let mut ids: Vec<&str> = PROBES.iter().map(|p| p.id).collect();
        ids.sort();
        ids.dedup();
        assert_eq!(ids.len(), PROBES.len(), "probe ids are unique");
    }

    #[test]
    fn backend_probes_apply_only_to_teams_running_that_backend() {
        let ceph = probe_by_id("st_ceph_osd_failure").unwrap();
        assert!(ceph.applies(&["ceph".into()], false));
        assert!(!ceph.applies(&["nfs".into()], false));
        assert!(
            probe_by_id("st_iscsi_multipath")
                .unwrap()
                .applies(&["fc".into()], false)
        );
        assert!(
            !probe_by_id("nw_sriov_passthrough")
                .unwrap()
                .applies(&[], false)
        );
    }
}
