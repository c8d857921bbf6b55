//! The shared vocabulary of opgap: every vCenter construct a plugin may
//! report, and the layers they are grouped in.
//!
//! Detector plugins take a construct's name and layer from here, and the
//! host uses it to label reports, so a construct id means the same thing in
//! every plugin, report and test.
//!
//! ```
//! let c = opgap_catalogue::construct("vmware.vmotion").unwrap();
//! assert_eq!(c.layer, "vmotion");
//! assert_eq!(opgap_catalogue::layer(c.layer).unwrap().name, "vMotion and live migration");
//! ```

mod data;

pub use data::{CONSTRUCTS, LAYERS};

/// How much a dependency on the construct matters for the move, from a bare
/// mention (`Info`) to a capability with no equivalent that blocks it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Impact {
    Info,
    Low,
    Medium,
    High,
    Critical,
}

/// One vCenter construct.
#[derive(Debug, Clone, Copy)]
pub struct Construct {
    /// Stable id, e.g. `vmware.snapshot.quiesce`.
    pub id: &'static str,
    /// Id of the [`Layer`] it belongs to.
    pub layer: &'static str,
    pub name: &'static str,
    /// Default severity of a finding.
    pub impact: Impact,
}

/// Where a layer's loss shows after cutover.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Surface {
    /// Days 1–7: provisioning, lifecycle, identity, automation endpoints.
    ControlPlane,
    /// Days 7–30: storage, snapshots, backup, replication.
    StorageSemantics,
    /// Day 30 on: metrics, alarms, dashboards, capacity.
    OperationalSignal,
    /// Not a dependency (migration tooling).
    None,
}

/// A group of constructs that a management plane replaces together.
#[derive(Debug, Clone, Copy)]
pub struct Layer {
    pub id: &'static str,
    pub name: &'static str,
    pub surface: Surface,
    /// Why a dependency in this layer matters, as one clause.
    pub why: &'static str,
}

/// Constructs that name a whole area, each with the constructs that refine
/// it. On a line that also shows a refinement ("vMotion ... over the
/// encrypted vMotion network"), the refinement says it better and the broad
/// construct is dropped; unrelated constructs of the same layer (DRS beside
/// DPM, a standard vSwitch beside a distributed port group, a DFW rule
/// beside a segment) leave it alone.
pub const BROAD: &[(&str, &[&str])] = &[
    (
        "vmware.vmotion",
        &[
            "vmware.vmotion.shared_nothing",
            "vmware.vmotion.cross_vcenter",
            "vmware.vmotion.network_encryption",
            "vmware.storage_vmotion",
            "vmware.cold_migration",
            "vmware.evc",
        ],
    ),
    (
        "vmware.vsan.cluster",
        &[
            "vmware.vsan.health",
            "vmware.vsan.stretched",
            "vmware.vsan.ftt_raid",
            "vmware.spbm.storage_policy",
        ],
    ),
    (
        "vmware.vds_portgroup",
        &["vmware.vds_advanced", "vmware.port_mirroring"],
    ),
    (
        "vmware.drs",
        &[
            "vmware.drs.vm_vm_rules",
            "vmware.drs.vm_host_rules",
            "vmware.drs.vm_override",
            "vmware.drs.recommendations",
            "vmware.storage_drs",
        ],
    ),
    (
        "vmware.ha",
        &[
            "vmware.ha.admission_control",
            "vmware.ha.restart_priority",
            "vmware.ha.vm_monitoring",
            "vmware.ha.vmcp",
            "vmware.ha.isolation",
            "vmware.ha.proactive",
            "vmware.vcenter_ha_backup",
        ],
    ),
    (
        "vmware.snapshot.create",
        &["vmware.snapshot.memory", "vmware.snapshot.quiesce"],
    ),
    (
        "vmware.datacenter_cluster_objects",
        &["vmware.host.add_remove"],
    ),
];

/// True for bare product mentions, which yield to any other construct on
/// their line.
pub fn is_product_mention(id: &str) -> bool {
    id.starts_with("vmware.product.")
}

/// Whether a finding of `id` adds nothing on a line that also has `other`.
pub fn yields_to(id: &str, other: &str) -> bool {
    if id == other {
        return false;
    }
    if is_product_mention(id) {
        return !is_product_mention(other);
    }
    BROAD
        .iter()
        .any(|(broad, refinements)| *broad == id && refinements.contains(&other))
}

pub fn construct(id: &str) -> Option<&'static Construct> {
    CONSTRUCTS.iter().find(|c| c.id == id)
}

/// The full id a user means: `vmotion` names `vmware.vmotion` when the
/// catalogue knows it; any other id (a plugin's own, a rule id) as given.
pub fn full_id(id: &str) -> String {
    let long = format!("vmware.{id}");
    if construct(&long).is_some() {
        long
    } else {
        id.to_string()
    }
}

pub fn layer(id: &str) -> Option<&'static Layer> {
    LAYERS.iter().find(|l| l.id == id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_ids_name_catalogue_constructs_and_others_stay() {
        assert_eq!(full_id("vmotion"), "vmware.vmotion");
        assert_eq!(full_id("vmware.vmotion"), "vmware.vmotion");
        assert_eq!(full_id("acme.backup"), "acme.backup");
        assert_eq!(full_id("vsphere/vmotion"), "vsphere/vmotion");
    }
    use std::collections::HashSet;

    #[test]
    fn ids_are_unique_and_every_construct_has_a_known_layer() {
        let ids: HashSet<_> = CONSTRUCTS.iter().map(|c| c.id).collect();
        assert_eq!(ids.len(), CONSTRUCTS.len());
        for c in CONSTRUCTS {
            assert!(
                layer(c.layer).is_some(),
                "{} has unknown layer {}",
                c.id,
                c.layer
            );
        }
    }

    #[test]
    fn broad_constructs_yield_within_their_layer_and_products_to_all() {
        assert!(yields_to("vmware.vmotion", "vmware.vmotion.shared_nothing"));
        assert!(!yields_to("vmware.vmotion", "vmware.drs"));
        assert!(!yields_to("vmware.drs", "vmware.dpm"));
        // Siblings are named by different words; both stay.
        assert!(!yields_to("vmware.vds_portgroup", "vmware.vss"));
        assert!(!yields_to("vmware.nsx.segment", "vmware.nsx.dfw"));
        assert!(!yields_to("vmware.datastore", "vmware.storage_drs"));
        assert!(!yields_to(
            "vmware.snapshot.create",
            "vmware.snapshot.hygiene"
        ));
        assert!(!yields_to(
            "vmware.vmotion.shared_nothing",
            "vmware.vmotion"
        ));
        assert!(yields_to(
            "vmware.product.vcenter",
            "vmware.roles_privileges"
        ));
        assert!(!yields_to("vmware.product.vcenter", "vmware.product.esxi"));
        for (id, refinements) in BROAD {
            assert!(construct(id).is_some(), "{id}");
            for r in *refinements {
                assert!(construct(r).is_some(), "{r}");
            }
        }
    }

    #[test]
    fn the_reference_catalogue_is_complete() {
        // 97 reference constructs, 5 product mentions, 1 migration step.
        assert_eq!(CONSTRUCTS.len(), 103);
        assert_eq!(LAYERS.len(), 12);
    }
}
