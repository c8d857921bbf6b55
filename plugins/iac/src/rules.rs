//! Rules for infrastructure as code: Ansible vmware modules, Terraform
//! vsphere/nsxt providers, pyVmomi and the vSphere CSI driver.

use opgap_pdk::rules::Rule;

/// An Ansible vmware snapshot module whose task has `state: revert`.
const ANSIBLE_SNAPSHOT_REVERT: &str = r#"(?:\bvmware_guest_snapshot|vmware\.vmware\.vm_snapshot):[ \t]*\n(?:[ \t]*\n|[ \t]+[^-\s][^\n]*\n)*?[ \t]+state:[ \t]*["']?revert\b"#;

/// An Ansible vmware snapshot module whose task has `state: absent` or
/// `state: remove_all`.
const ANSIBLE_SNAPSHOT_REMOVE: &str = r#"(?:\bvmware_guest_snapshot|vmware\.vmware\.vm_snapshot):[ \t]*\n(?:[ \t]*\n|[ \t]+[^-\s][^\n]*\n)*?[ \t]+state:[ \t]*["']?(?:absent|remove_all)\b"#;

pub static RULES: &[Rule] = &[
    Rule::strong(
        "vmware.vcenter.session",
        r#"(?:\bSmartConnect(NoSSL)?\s*\()|(?:provider\s+"vsphere")|(?:\bfrom\s+pyVmomi\s+import\b|\bpyVim\.connect\b)"#,
    ),
    Rule::strong(
        "vmware.vm.inventory_query",
        r#"(?:\bvmware_(guest|vm)_info\b)|(?:vim\.VirtualMachine\b)"#,
    ),
    Rule::strong(
        "vmware.vm.create",
        r#"(?:\b(community\.vmware\.)?vmware_guest\b)|(?:resource\s+\"vsphere_virtual_machine\")|(?:\bCreateVM_Task\b)"#,
    ),
    // A reconfigure that switches on change tracking or encryption is
    // reported as that construct.
    Rule::strong("vmware.vm.reconfigure_hotadd", r#"\bReconfigVM_Task\b"#)
        .not_with(r#"(?i)changeTracking|encryption|ftInfo"#),
    Rule::strong(
        "vmware.vm.power",
        r#"(?:\bvmware_guest_powerstate\b|vmware\.vmware\.vm_powerstate)|(?:\bPower(On|Off)VM_Task\b)"#,
    ),
    Rule::strong("vmware.vm.delete", r#"\bDestroy_Task\b|\bUnregisterVM\b"#),
    Rule::strong(
        "vmware.template_clone",
        r#"\bCloneVM_Task\b|\bMarkAsTemplate\b"#,
    ),
    Rule::strong(
        "vmware.guest_customization",
        r#"(?:\bCustomizeVM_Task\b)|(?:\bvsphere_guest_os_customization\b)"#,
    ),
    Rule::strong(
        "vmware.content_library",
        r#"\bvsphere_content_library(_item)?\b"#,
    ),
    Rule::strong(
        "vmware.ovf_import_export",
        r#"\bvmware_(deploy|export)_ovf\b"#,
    ),
    Rule::strong(
        "vmware.tools_guest_agent",
        r#"\bvmware_guest_tools_(wait|upgrade|info)\b"#,
    ),
    Rule::strong(
        "vmware.guest_operations",
        r#"\bvmware_vm_shell\b|\bvmware_guest_file_operation\b"#,
    ),
    Rule::strong(
        "vmware.inventory_tags_folders",
        r#"(?:\bvsphere_(tag|tag_category|folder|custom_attribute)\b)|(?:\bvmware_(tag_manager|category|guest_custom_attributes)\b)"#,
    ),
    Rule::strong(
        "vmware.vm.disk",
        r#"(?:\bvmware_guest_disk\b)|(?:\bExtendVirtualDisk_Task\b|\bvsphere_virtual_disk\b)"#,
    ),
    Rule::strong("vmware.vm.nic", r#"\bvmware_guest_network\b"#),
    Rule::strong("vmware.vapp", r#"\bvsphere_vapp_(container|entity)\b"#),
    Rule::strong(
        "vmware.passthrough_rdm_vgpu",
        r#"\bvmware_(guest_vgpu|host_passthrough|host_sriov)\b"#,
    ),
    Rule::strong(
        "vmware.datacenter_cluster_objects",
        r#"\bvsphere_(datacenter|compute_cluster)\b"#,
    )
    .not_with(r#"=\s*(data\.)?vsphere_(datacenter|compute_cluster)\."#),
    Rule::strong(
        "vmware.vmotion",
        r#"(?:\bvmware_vmotion\b)|(?:\b(MigrateVM|RelocateVM|CheckMigrate)_Task\b)"#,
    ),
    Rule::strong(
        "vmware.vmotion.cross_vcenter",
        r#"\bvmware_guest_cross_vc_clone\b"#,
    ),
    Rule::strong("vmware.evc", r#"\bvmware_evc_mode\b"#),
    Rule::strong(
        "vmware.spbm.storage_policy",
        r#"(?:\bvmware_(vm|guest)_storage_policy\b)|(?:\bvsphere_vm_storage_policy\b|\bstorage_policy_id\b)|(?:\bstoragepolicyname\b)"#,
    ),
    Rule::strong(
        "vmware.vsan.cluster",
        r#"\bvmware_cluster_vsan\b|\bvsan_(esa_)?enabled\b"#,
    ),
    Rule::strong(
        "vmware.datastore",
        r#"(?:\bvsphere_(vmfs|nas)_datastore\b)|(?:\bvmware_(host_)?datastore(_info)?\b)"#,
    ),
    Rule::strong(
        "vmware.storage_drs",
        r#"\bvsphere_(datastore_cluster|storage_drs_vm_override)\b"#,
    ),
    Rule::strong(
        "vmware.vsan.health",
        r#"\bvmware_vsan_health_info\b|\bvsan_health_silent_checks\b"#,
    ),
    Rule::strong(
        "vmware.vds_portgroup",
        r#"(?:\bvmware_dvs(witch|_portgroup|_host)\w*\b)|(?:\bvsphere_distributed_(virtual_switch|port_group)\b)"#,
    ),
    Rule::strong(
        "vmware.vss",
        r#"\bvsphere_host_(virtual_switch|port_group)\b"#,
    ),
    // Any other NSX resource; the specific ones below name their object.
    Rule::strong("vmware.nsx.segment", r#"\bnsxt_\w+"#).shadowed_by(&[
        "vmware.nsx.dfw",
        "vmware.nsx.groups_tags",
        "vmware.nsx.gateway",
        "vmware.nsx.lb_vpn",
        "vmware.product.nsx",
    ]),
    Rule::strong(
        "vmware.nsx.dfw",
        r#"\bnsxt_policy_(security|gateway)_policy\b|\bnsxt_firewall_section\b"#,
    ),
    Rule::strong(
        "vmware.nsx.groups_tags",
        r#"\bnsxt_(policy_group|vm_tags)\b"#,
    ),
    Rule::strong(
        "vmware.nsx.gateway",
        r#"\bnsxt_policy_(tier[01]_gateway|nat_rule)\b"#,
    ),
    Rule::strong("vmware.nsx.lb_vpn", r#"\bnsxt_policy_lb_\w+"#),
    Rule::strong(
        "vmware.vds_advanced",
        r#"\bvmware_dvswitch_(lacp|pvlans|nioc)\b"#,
    ),
    Rule::strong("vmware.port_mirroring", r#"\bvmware_vspan_session\b"#),
    Rule::strong("vmware.vrops.alerts", r#"/suite-api/api/"#),
    Rule::strong(
        "vmware.drs",
        r#"\b(vmware_cluster_drs|vmware\.vmware\.cluster_drs)\b"#,
    ),
    Rule::strong(
        "vmware.drs.vm_vm_rules",
        r#"(?:\bvmware_vm_vm_drs_rule\b)|(?:\bvsphere_compute_cluster_vm_(anti_)?affinity_rule\b)"#,
    ),
    Rule::strong(
        "vmware.drs.vm_host_rules",
        r#"(?:\bvmware_(drs_group\w*|vm_host_drs_rule)\b)|(?:\bvsphere_compute_cluster_(vm_group|host_group|vm_host_rule)\b)"#,
    ),
    Rule::strong(
        "vmware.drs.vm_override",
        r#"\bvsphere_drs_vm_override\b|\bvmware_drs_override\b|\bdrs_enable_vm_(behavior_)?overrides\b"#,
    ),
    Rule::strong(
        "vmware.resource_pools",
        r#"\bvsphere_resource_pool\b|\bvmware_resource_pool\b"#,
    ),
    Rule::strong(
        "vmware.dpm",
        r#"\bvsphere_dpm_host_override\b|cluster_dpm\b"#,
    ),
    // A cluster's DRS and DPM settings. Inside a per-VM or per-host override
    // resource the same attributes are the override's own values, and the
    // whole block (patterns below) is the one finding.
    Rule::strong(
        "vmware.drs",
        r#"\bdrs_(enabled|automation_level|migration_threshold)\b"#,
    )
    .shadowed_by(&["vmware.drs.vm_override"]),
    Rule::strong("vmware.dpm", r#"\bdpm_(enabled|automation_level|threshold)\b"#),
    Rule::strong(
        "vmware.drs.vm_override",
        r#"\bresource\s+"vsphere_drs_vm_override"\s+"[^"\n]*"\s*\{[^}]*\}"#,
    ),
    Rule::strong(
        "vmware.dpm",
        r#"\bresource\s+"vsphere_dpm_host_override"\s+"[^"\n]*"\s*\{[^}]*\}"#,
    ),
    // An Ansible snapshot task's `state:` decides what it does; these
    // patterns run from the module name to the task's `state:` line (the
    // task's parameters are the indented lines that do not open a new
    // list item), so they contain, and shadow, the plain module match.
    Rule::strong(
        "vmware.snapshot.create",
        r#"(?:\bvmware_guest_snapshot\b|vmware\.vmware\.vm_snapshot)|(?:\bvsphere_virtual_machine_snapshot\b)|(?:\bCreateSnapshot(Ex)?_Task\b)"#,
    )
    .shadowed_by(&[
        "vmware.snapshot.revert",
        "vmware.snapshot.delete_consolidate",
    ]),
    Rule::strong(
        "vmware.snapshot.revert",
        r#"\bRevertTo(Current)?Snapshot_Task\b"#,
    ),
    Rule::strong("vmware.snapshot.revert", ANSIBLE_SNAPSHOT_REVERT),
    Rule::strong(
        "vmware.snapshot.delete_consolidate",
        r#"(?:\bRemove(All)?Snapshot(s)?_Task\b)|(?:\bConsolidateVMDisks_Task\b|consolidationNeeded)"#,
    ),
    Rule::strong("vmware.snapshot.delete_consolidate", ANSIBLE_SNAPSHOT_REMOVE),
    Rule::strong(
        "vmware.snapshot.memory",
        r#"(?m)^[ \t]+memory_dump:[ \t]*(?:true|yes|["']?\{\{)"#,
    ),
    Rule::strong(
        "vmware.snapshot.quiesce",
        r#"(?m)^[ \t]+quiesce:[ \t]*(?:true|yes|["']?\{\{)"#,
    ),
    Rule::strong(
        "vmware.snapshot.hygiene",
        r#"\bvmware_(all_snapshots|guest_snapshot)_info\b"#,
    ),
    Rule::strong("vmware.linked_instant_clone", r#"\bInstantClone_Task\b"#),
    // ZFS and other storage stacks have "instant clones" of their own.
    Rule::weak("vmware.linked_instant_clone", r#"[Ii]nstant\s*[Cc]lone"#),
    Rule::strong(
        "vmware.roles_privileges",
        r#"\bvmware_local_role_(manager|info)\b|\bvsphere_role\b"#,
    ),
    Rule::strong(
        "vmware.permissions",
        r#"\bvmware_object_role_permission\b|\bvsphere_entity_permissions\b"#,
    ),
    Rule::strong(
        "vmware.encryption_vtpm_kms",
        r#"\bvmware_guest_tpm\b|\bvcenter_standard_key_provider\b"#,
    ),
    Rule::strong(
        "vmware.host.maintenance_mode",
        r#"(?:\bvmware_maintenancemode\b|esxi_maintenance_mode)|(?:\b(Enter|Exit)MaintenanceMode_Task\b)"#,
    ),
    Rule::strong(
        "vmware.host.add_remove",
        r#"\bvmware_host\b|\bresource\s+"vsphere_host""#,
    ),
    Rule::strong(
        "vmware.host.power",
        r#"(?:\bvmware_host_powerstate\b)|(?:\b(Reboot|Shutdown)Host_Task\b)"#,
    ),
    Rule::strong(
        "vmware.host.config_profiles",
        r#"\bvmware_host_(ntp|dns|firewall_manager|service_manager|config_manager|snmp)\b"#,
    ),
    Rule::strong(
        "vmware.host.lockdown_local_accounts",
        r#"\bvmware_host_lockdown(_exceptions)?\b|\bvmware_local_user_manager\b"#,
    ),
    Rule::strong(
        "vmware.ha",
        r#"\bvmware_cluster_ha\b|vmware\.vmware\.cluster_ha|\bdasConfig\b"#,
    ),
    Rule::strong(
        "vmware.ha.restart_priority",
        r#"\bvsphere_(ha_vm_override|compute_cluster_vm_dependency_rule)\b|\b(ha|default_vm)_restart_priority\b"#,
    ),
    Rule::strong(
        "vmware.ha.admission_control",
        r#"\b(reservation|slot|failover_host)_based_admission_control\b|\badmission_control_(policy|enabled)\b"#,
    ),
    // pyVmomi's names for cluster HA settings, and config-drift keys
    // named after them.
    Rule::strong(
        "vmware.ha.admission_control",
        r#"\badmissionControl(Enabled|Policy)\b|["']ha\.admission_control["']"#,
    ),
    Rule::strong(
        "vmware.ha.vm_monitoring",
        r#"\bvmMonitoring\b|["']ha\.vm_monitoring["']"#,
    ),
    Rule::strong("vmware.vcls", r#"\b(vmware_)?cluster_vcls\b"#),
    Rule::strong(
        "vmware.drs.recommendations",
        r#"\bcluster_drs_recommendations\b"#,
    ),
    Rule::strong("vmware.product.nsx", r#"\bprovider\s+"nsxt""#),
    Rule::strong("vmware.product.vsphere", r#"\bcsi\.vsphere\.vmware\.com\b"#),
    // A CSI StorageClass pinned to one datastore.
    Rule::strong("vmware.datastore", r#"\bdatastoreurl\b"#),
    // A `clone {}` block in a vsphere_virtual_machine resource (other
    // providers have one too, hence weak); the template it names comes by
    // reference on the next lines.
    Rule::weak("vmware.template_clone", r#"(?m)^[ \t]*clone[ \t]*\{"#),
    Rule::strong(
        "vmware.ft",
        r#"\bCreateSecondaryVM(Ex)?_Task\b|\bTurnOffFaultToleranceForVM_Task\b"#,
    ),
    Rule::strong(
        "vmware.vcenter.session",
        r#"\bvcenter_(hostname|server)\b|\bvsphere_server\b|\bVMWARE_HOST\b"#,
    ),
    Rule::weak(
        "vmware.vcenter.session",
        r#"(?m)^[ \t]*hostname:[ \t]*\S*(vc|vcsa|vcenter)\S*"#,
    ),
    Rule::weak(
        "vmware.ha",
        r#"\bha_(host_monitoring|enabled|advanced_options)\s*=|[\"']ha\.(enabled|host_monitoring)[\"']"#,
    ),
    Rule::weak("vmware.events_tasks", r#"\bWaitForTask\b|\bpyVim\.task\b"#),
    Rule::weak(
        "vmware.drs",
        r#"\bdrsConfig\b|\bdefaultVmBehavior\b|\bvmotionRate\b|["']drs\.enabled["']"#,
    ),
    Rule::weak(
        "vmware.datacenter_cluster_objects",
        r#"\bFindByDnsName\b[^\n]*(vmSearch\s*=\s*False|False\s*\))"#,
    ),
    Rule::weak(
        "vmware.vm.inventory_query",
        r#"\bdata\s+"vsphere_virtual_machine""#,
    ),
];
