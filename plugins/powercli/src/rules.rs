//! Rules for PowerCLI: cmdlets, parameters and the VI session.

use opgap_pdk::rules::Rule;

/// Signs that a line drives Hyper-V, whose cmdlets share PowerCLI's names.
macro_rules! hyper_v {
    () => {
        r#"-ComputerName\b|-VMName\b|\.vhdx?\b|Hyper-V|-DestinationHost\b|Checkpoint-VM|\b(Get|New|Set|Remove)-SC[A-Z]\w*\b|\bSameSubnet\w*|\bGet-ClusterNode\b|\bFailoverClusters\b|-Generation\b|-SwitchName\b|-MemoryStartupBytes\b|-IncludeStorage\b|\bAutoBalancer\w*"#
    };
}
const HYPER_V: &str = hyper_v!();

/// `Move-VM` to a host looked up on another connected vCenter.
const CROSS_VCENTER_MOVE: &str = r#"\bMove-VM\b[^\n]*-Destination\s*\(Get-\w+[^)\n]*-Server\b"#;

pub static RULES: &[Rule] = &[
    Rule::strong("vmware.vcenter.session", r#"\bConnect-VIServer\b"#),
    Rule::strong("vmware.vm.power", r#"\b(Shutdown|Restart|Stop)-VMGuest\b"#),
    Rule::strong(
        "vmware.template_clone",
        r#"\bNew-Template\b|-ToTemplate\b|-Template\b"#,
    ),
    Rule::strong(
        "vmware.guest_customization",
        r#"\b(New|Get|Set)-OSCustomization(Spec|NicMapping)\b|-OSCustomizationSpec\b"#,
    ),
    Rule::strong(
        "vmware.content_library",
        r#"\b(Get|New|Set|Remove)-ContentLibrary(Item)?\b"#,
    ),
    Rule::strong("vmware.ovf_import_export", r#"\b(Import|Export)-VApp\b"#),
    Rule::strong("vmware.tools_guest_agent", r#"\bUpdate-Tools\b"#),
    Rule::strong(
        "vmware.guest_operations",
        r#"\bInvoke-VMScript\b|\bCopy-VMGuestFile\b"#,
    ),
    Rule::strong("vmware.console", r#"\bOpen-VMConsoleWindow\b"#),
    Rule::strong(
        "vmware.inventory_tags_folders",
        r#"\bNew-TagAssignment\b|\bNew-TagCategory\b|\bSet-Annotation\b"#,
    ),
    Rule::strong("vmware.vm.disk", r#"\b(New|Set|Get|Remove)-HardDisk\b"#),
    Rule::strong("vmware.vm.nic", r#"\b(New|Set|Get)-NetworkAdapter\b"#),
    Rule::strong("vmware.vm.hardware_version", r#"-HardwareVersion\b"#),
    Rule::strong("vmware.vapp", r#"\b(New|Start|Stop|Get)-VApp\b"#),
    Rule::strong(
        "vmware.passthrough_rdm_vgpu",
        r#"-DiskType\s+Raw(Physical|Virtual)"#,
    ),
    Rule::strong(
        "vmware.datacenter_cluster_objects",
        r#"\b(New|Get|Set)-Datacenter\b"#,
    ),
    Rule::weak("vmware.datacenter_cluster_objects", r#"\bNew-Cluster\b"#)
        .not_with(r#"-Node\b|-StaticAddress\b"#),
    // Moving a VM into a resource pool, vApp or folder changes where it
    // sits in the inventory, not the host it runs on.
    Rule::weak("vmware.vmotion", r#"\bMove-VM\b"#).not_with(concat!(
        hyper_v!(),
        r#"|-Destination\s*\(?\s*Get-(ResourcePool|VApp|Folder)\b"#
    )),
    Rule::strong(
        "vmware.storage_vmotion",
        r#"(?:\bMove-VM\b.*-Datastore\b)|(?:\bMove-HardDisk\b)"#,
    )
    // With -Destination as well, the move is shared-nothing.
    .not_with(r#"\bMove-VM\b.*-Destination\b"#),
    Rule::strong(
        "vmware.vmotion.shared_nothing",
        r#"\bMove-VM\b.*-Destination\b.*-Datastore\b"#,
    )
    .not_with(CROSS_VCENTER_MOVE),
    Rule::strong("vmware.vmotion.cross_vcenter", CROSS_VCENTER_MOVE),
    Rule::strong("vmware.evc", r#"-?\bEVCMode\b"#),
    Rule::strong("vmware.datastore", r#"\bFind-VBRViDatastore\b"#),
    Rule::strong("vmware.vmotion.network_encryption", r#"-VMotionEnabled\b"#),
    Rule::strong(
        "vmware.vsan.cluster",
        r#"-VsanTrafficEnabled\b|\bVsanTrafficEnabled\b"#,
    ),
    Rule::strong(
        "vmware.spbm.storage_policy",
        r#"\b(Get|New|Set)-Spbm\w+\b|-StoragePolicy\b"#,
    ),
    Rule::strong(
        "vmware.vsan.cluster",
        r#"\b(Get|Set)-VsanClusterConfiguration\b|\b\w+-VsanDisk(Group)?\b"#,
    ),
    Rule::strong("vmware.datastore", r#"\b(Get|New|Set|Remove)-Datastore\b"#),
    Rule::strong(
        "vmware.storage_drs",
        r#"\b(New|Set|Get)-DatastoreCluster\b"#,
    ),
    Rule::strong(
        "vmware.disk_provisioning",
        r#"-StorageFormat\s+(Thin|Thick|EagerZeroedThick)"#,
    ),
    Rule::strong("vmware.vsan.health", r#"\b(Test|Get)-VsanClusterHealth\b"#),
    Rule::strong(
        "vmware.vds_portgroup",
        r#"\b(Get|New|Set|Remove)-VD(Switch|Portgroup|Port)\b|\b(Get|Set)-VDUplinkTeamingPolicy\b"#,
    ),
    Rule::strong(
        "vmware.vss",
        r#"\b(Get|New|Set)-Virtual(Switch|PortGroup)\b"#,
    ),
    // The NSX policy service a script asks for names the object it works on.
    Rule::strong("vmware.nsx.segment", r#"\bGet-Nsxt(Policy)?Service\b"#).shadowed_by(&[
        "vmware.nsx.dfw",
        "vmware.nsx.groups_tags",
        "vmware.nsx.gateway",
    ]),
    Rule::strong(
        "vmware.nsx.dfw",
        r#"\bGet-Nsxt(Policy)?Service\b[^\n]*\b(security_policies|gateway_policies|firewall\w*)\b"#,
    ),
    Rule::strong(
        "vmware.nsx.groups_tags",
        r#"\bGet-Nsxt(Policy)?Service\b[^\n]*\.(groups|tags)\b"#,
    ),
    Rule::strong(
        "vmware.nsx.gateway",
        r#"\bGet-Nsxt(Policy)?Service\b[^\n]*\b(tier_[01]s|logical_routers)\b"#,
    ),
    Rule::strong(
        "vmware.product.nsx",
        r#"\b(Connect|Disconnect)-NsxtServer\b"#,
    ),
    Rule::strong("vmware.perf.api", r#"\bGet-Stat(Type|Interval)?\b"#),
    Rule::strong(
        "vmware.vrops.alerts",
        r#"\b(Connect-OMServer|Get-OM(Resource|Stat|StatKey|Alert|Recommendation))\b"#,
    ),
    Rule::strong(
        "vmware.vcenter.alarms",
        r#"\b(Get|New|Set|Remove)-Alarm(Definition|Action|ActionTrigger|Trigger)\b|-Property\b[^\n]*\bTriggeredAlarmState\b"#,
    ),
    Rule::strong("vmware.events_tasks", r#"\bGet-VIEvent\b"#),
    Rule::weak("vmware.events_tasks", r#"\b(Get|Wait|Stop)-Task\b"#),
    Rule::strong(
        "vmware.loginsight_syslog",
        r#"\bSet-VMHostSys[Ll]ogServer\b"#,
    ),
    Rule::strong(
        "vmware.backup.restore",
        r#"\bRestore-VBRVi\w+|\bStart-VBRInstantRecovery\w*|\bStart-VBRRestoreVM\w*|\bGet-VBRRestorePoint\b"#,
    ),
    // As a parameter or as a property a script reads.
    Rule::strong("vmware.drs", r#"-?\bDrs(Enabled|AutomationLevel|Mode)\b"#)
        .not_with(r#"\$Drs(Enabled|AutomationLevel|Mode)\b"#),
    Rule::strong(
        "vmware.drs.vm_vm_rules",
        r#"\b(New|Get|Set|Remove)-DrsRule\b"#,
    ),
    Rule::strong(
        "vmware.drs.vm_host_rules",
        r#"\b(New|Get|Set|Remove)-Drs(ClusterGroup|VMHostRule)\b"#,
    ),
    Rule::strong(
        "vmware.resource_pools",
        r#"(?:\b(New|Set|Get|Remove)-ResourcePool\b)|(?:\bSet-VMResourceConfiguration\b)"#,
    ),
    Rule::strong("vmware.snapshot.create", r#"\bNew-Snapshot\b"#),
    // Reconnecting or disconnecting a host in vCenter.
    Rule::strong(
        "vmware.host.add_remove",
        r#"\bSet-VMHost\b.*-State\s+(Connected|Disconnected)\b"#,
    ),
    // Listing snapshots is a snapshot report. Looking one up by name, or
    // feeding the list to a removal or a revert, is not: the operation
    // that uses it is reported on its own.
    Rule::strong("vmware.snapshot.hygiene", r#"\bGet-Snapshot\b"#)
        .not_with(r#"\bRemove-Snapshot\b|\bSet-VM\b|-Name\b"#),
    Rule::strong("vmware.snapshot.memory", r#"\bNew-Snapshot\b.*-Memory\b"#)
        .not_with(r#"-Memory:\s*\$false"#),
    Rule::strong("vmware.snapshot.quiesce", r#"-Quiesce\b"#).not_with(r#"-Quiesce:\s*\$false"#),
    Rule::strong("vmware.snapshot.revert", r#"\bSet-VM\b.*-Snapshot\b"#),
    Rule::strong(
        "vmware.snapshot.delete_consolidate",
        r#"\bRemove-Snapshot\b"#,
    ),
    Rule::strong(
        "vmware.snapshot.hygiene",
        r#"\bGet-Snapshot\b.*\b(Created|SizeGB)\b"#,
    ),
    Rule::strong(
        "vmware.linked_instant_clone",
        r#"(?:-LinkedClone\b)|(?:-ReferenceSnapshot\b)"#,
    ),
    Rule::strong(
        "vmware.roles_privileges",
        r#"\b(New|Set|Get|Remove)-VIRole\b|\bGet-VIPrivilege\b"#,
    ),
    Rule::strong(
        "vmware.permissions",
        r#"\b(New|Get|Set|Remove)-VIPermission\b"#,
    ),
    Rule::strong(
        "vmware.host.maintenance_mode",
        r#"\bSet-VMHost\b.*-State\s+Maintenance"#,
    ),
    Rule::strong(
        "vmware.host.vlcm_vum",
        r#"(?:\b(Get|New|Attach|Detach)-Baseline\b|\bTest-Compliance\b|\bUpdate-Entity\b|\bStage-Patch\b)|(?:\bGet-LcmImage\b|\bSet-Cluster\b[^\n]*-BaseImage\b)"#,
    ),
    Rule::strong("vmware.host.esxcli_shell", r#"\bGet-EsxCli\b"#),
    Rule::strong("vmware.host.add_remove", r#"\b(Add|Remove)-VMHost\b"#),
    Rule::strong("vmware.host.power", r#"\b(Restart|Stop|Start)-VMHost\b"#),
    Rule::strong(
        "vmware.host.config_profiles",
        r#"\b\w+-VMHost(NtpServer|FirewallException|Service|Profile|ProfileCompliance|AdvancedConfiguration)\b"#,
    ),
    Rule::strong(
        "vmware.host.autodeploy",
        r#"(?:\bNew-DeployRule\b)|(?:\b\w+-EsxImageProfile\b)"#,
    ),
    Rule::strong("vmware.ha", r#"-HAEnabled\b|\bha_enabled\b|-ha-enabled\b"#),
    // Cmdlets PowerCLI shares with Hyper-V: only in a VMware script or
    // section, never beside Hyper-V's own parameters.
    Rule::weak("vmware.vm.inventory_query", r#"\bGet-VM\b"#).not_with(HYPER_V),
    Rule::weak("vmware.vm.create", r#"\bNew-VM\b"#).not_with(HYPER_V),
    Rule::weak("vmware.vm.delete", r#"\bRemove-VM\b"#).not_with(HYPER_V),
    Rule::weak("vmware.vm.power", r#"\b(Start|Stop|Suspend|Restart)-VM\b"#).not_with(HYPER_V),
    Rule::weak(
        "vmware.vm.reconfigure_hotadd",
        r#"\bSet-VM\b[^\n]*-(NumCpu|MemoryGB|MemoryMB|CoresPerSocket)\b"#,
    )
    .not_with(HYPER_V),
    Rule::strong("vmware.vcenter.session", r#"\bDisconnect-VIServer\b"#),
    Rule::weak(
        "vmware.inventory_tags_folders",
        r#"\b(Get|New|Remove|Set|Move)-(Folder|Tag|TagAssignment|TagCategory)\b"#,
    ),
    Rule::weak("vmware.vm.inventory_query", r#"\bGet-VMGuest\b"#),
    Rule::weak(
        "vmware.tools_guest_agent",
        r#"\bGet-VMGuest\b|\bToolsStatus\w*|\bToolsVersionStatus\w*"#,
    ),
    Rule::weak("vmware.vm.hardware_version", r#"\bHardwareVersion\b"#),
    Rule::weak(
        "vmware.disk_provisioning",
        r#"-(Disk)?StorageFormat\b|\bStorageFormat\b"#,
    ),
    Rule::weak("vmware.events_tasks", r#"-RunAsync\b"#).not_with(r#"-RunAsync:\s*\$false"#),
    Rule::weak(
        "vmware.vsan.stretched",
        r#"\b\w+-VsanFaultDomain\b|\bStretchedClusterEnabled\b|\bPreferredFaultDomain\b|\bWitnessHost\b"#,
    ),
    Rule::weak("vmware.vmotion.network_encryption", r#"\bVMotionEnabled\b"#),
    Rule::weak(
        "vmware.passthrough_rdm_vgpu",
        r#"\bVirtualPCIPassthrough\b|-DiskType\s+Raw\w*|\bRaw(Physical|Virtual)\b"#,
    ),
    Rule::weak(
        "vmware.template_clone",
        r#"\bGet-Template\b|\bNew-VM\b[^\n]*-Template\b"#,
    )
    .not_with(HYPER_V),
    // Common verb-noun names (a script's own Get-Patch): a VMware script only.
    Rule::weak(
        "vmware.host.vlcm_vum",
        r#"\b(Test|Get|Set|Export|Import)-Lcm\w+\b|\bGet-Compliance\b|\b(Test|Update|Get)-(Baseline|Patch)\b|\bRemediate-Inventory\b|\bSet-Cluster\b[^\n]*-Remediate\b"#,
    ),
    Rule::strong(
        "vmware.host.autodeploy",
        r#"\b\w+-(EsxSoftwareDepot|EsxSoftwarePackage|EsxImageProfile|DeployRule|DeployRuleSet|DeployRuleSetCompliance)\b|\bVMware\.(ImageBuilder|DeployAutomation)\b"#,
    ),
    Rule::strong(
        "vmware.encryption_vtpm_kms",
        r#"\b(New|Get|Remove)-VTpm\b|\b\w+-KeyProvider\b|\b\w+-KmsCluster\b|\bEnable-VMEncryption\b"#,
    ),
    Rule::strong(
        "vmware.resource_pools",
        r#"\b(Get|Set)-VMResourceConfiguration\b"#,
    ),
    Rule::weak("vmware.cbt", r#"\bChangeTrackingEnabled\b"#),
    Rule::weak("vmware.ha.isolation", r#"-HAIsolationResponse\b"#),
    Rule::strong(
        "vmware.sso.identity_source",
        r#"\b(Get|Set|Add|Remove)-(LDAP)?IdentitySource\b"#,
    ),
    Rule::strong(
        "vmware.template_clone",
        r#"\b(Get|Set|New|Remove)-Template\b"#,
    ),
    Rule::weak(
        "vmware.vm.inventory_query",
        r#"\bGet-View\b[^\n]*-ViewType\s+VirtualMachine\b"#,
    ),
    // Looking up the cluster, datacenter or host object a script works on.
    Rule::weak(
        "vmware.datacenter_cluster_objects",
        r#"\b(Get|Remove)-(Cluster|Datacenter)\b"#,
    )
    .not_with(HYPER_V),
];
