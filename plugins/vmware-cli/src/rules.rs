//! Rules for VMware's command-line tools: govc, esxcli, vim-cmd,
//! vmkfstools, esxtop and the ESXi shell.

use opgap_pdk::rules::Rule;

pub static RULES: &[Rule] = &[
    Rule::strong(
        "vmware.vm.inventory_query",
        r#"\bgovc\s+(vm\.info|ls|find)\b"#,
    ),
    Rule::strong("vmware.vm.create", r#"\bgovc\s+vm\.create\b"#),
    Rule::strong("vmware.vm.reconfigure_hotadd", r#"\bgovc\s+vm\.change\b"#)
        .shadowed_by(&["vmware.resource_pools"]),
    // Reservations, limits and shares are resource-allocation settings.
    Rule::strong(
        "vmware.resource_pools",
        r#"\bgovc\s+vm\.change\b[^\n]*\s-(mem|cpu)\.(reservation|limit|shares)\b"#,
    ),
    Rule::strong(
        "vmware.vm.power",
        r#"(?:\bgovc\s+vm\.power\b)|(?:vim-cmd\s+vmsvc/power\.(on|off|shutdown|reboot|reset|suspend)\b)"#,
    ),
    Rule::strong(
        "vmware.vm.delete",
        r#"\bgovc\s+vm\.(destroy|unregister)\b|\bvim-cmd\s+vmsvc/(destroy|unregister)\b"#,
    ),
    Rule::strong(
        "vmware.template_clone",
        r#"\bgovc\s+vm\.(clone|markastemplate|markasvm)\b"#,
    ),
    Rule::strong("vmware.guest_customization", r#"\bgovc\s+vm\.customize\b"#),
    Rule::strong("vmware.content_library", r#"\bgovc\s+library\."#),
    Rule::strong(
        "vmware.ovf_import_export",
        r#"(?:\bgovc\s+(import\.(ovf|ova|vmdk|spec)|export\.ovf)\b)|(?:\bovftool\b)"#,
    ),
    Rule::strong("vmware.guest_operations", r#"\bgovc\s+guest\."#),
    Rule::strong("vmware.console", r#"\bgovc\s+vm\.console\b"#),
    Rule::strong(
        "vmware.inventory_tags_folders",
        r#"\bgovc\s+(tags|fields|folder)\."#,
    ),
    Rule::strong(
        "vmware.vm.disk",
        r#"\bgovc\s+(vm\.disk\.|datastore\.disk\.)"#,
    ),
    Rule::strong("vmware.vm.nic", r#"\bgovc\s+vm\.network\."#),
    Rule::strong(
        "vmware.vm.hardware_version",
        r#"\bgovc\s+vm\.upgrade\b|\bUpgradeVM_Task\b"#,
    ),
    Rule::strong("vmware.vm.files_vmx_vmdk", r#"\bvmkfstools\b"#),
    Rule::strong("vmware.vapp", r#"\bgovc\s+vapp\."#),
    Rule::strong(
        "vmware.passthrough_rdm_vgpu",
        r#"\bgovc\s+(vm\.rdm\.|device\.pci\.|gpu\.vm\.)"#,
    ),
    Rule::strong(
        "vmware.datacenter_cluster_objects",
        r#"\bgovc\s+(datacenter|cluster)\.create\b"#,
    ),
    Rule::strong("vmware.vmotion", r#"\bgovc\s+vm\.migrate\b"#),
    // With -host as well, the move is shared-nothing vMotion.
    Rule::strong("vmware.storage_vmotion", r#"\bgovc\s+vm\.migrate\b.*-ds\b"#)
        .not_with(r#"\s-host\b"#),
    Rule::strong(
        "vmware.spbm.storage_policy",
        r#"\bgovc\s+(storage\.policy\.|vm\.policy\.)"#,
    ),
    Rule::strong(
        "vmware.vsan.cluster",
        r#"(?:\bgovc\s+vsan\.)|(?:\besxcli\s+vsan\b)|--vsanmode\b"#,
    ),
    Rule::strong("vmware.datastore", r#"\bgovc\s+datastore\."#),
    Rule::strong("vmware.vsan.stretched", r#"\bgovc\s+cluster\.stretch\b"#),
    Rule::strong("vmware.vds_portgroup", r#"\bgovc\s+dvs\."#),
    Rule::strong(
        "vmware.drs.vm_vm_rules",
        r#"\bgovc\s+cluster\.rule\.(ls|info|remove|change)\b"#,
    ),
    Rule::strong(
        "vmware.host.config_profiles",
        r#"\besxcli\s+network\s+firewall\b"#,
    ),
    Rule::strong(
        "vmware.host.lockdown_local_accounts",
        r#"\besxcli\s+system\s+(permission|account)\b"#,
    ),
    Rule::strong(
        "vmware.vss",
        r#"(?:\bgovc\s+host\.(vswitch|portgroup)\.)|(?:esxcli\s+network\s+vswitch\s+standard\b)"#,
    ),
    Rule::strong(
        "vmware.perf.api",
        r#"(?:\bgovc\s+metric\.)|(?:\br?esxtop\b(?:[^-.\w]|(?m:$)))"#,
    ),
    Rule::strong("vmware.vcenter.alarms", r#"\bgovc\s+alarm"#),
    Rule::strong(
        "vmware.events_tasks",
        r#"\bgovc\s+(events|tasks|task\.cancel)\b"#,
    ),
    Rule::strong("vmware.loginsight_syslog", r#"esxcli\s+system\s+syslog"#),
    Rule::strong("vmware.drs", r#"\bgovc\s+cluster\.change\b.*-drs"#),
    // -vm-host rules pin VMs to hosts; -depends orders restarts.
    Rule::strong(
        "vmware.drs.vm_vm_rules",
        r#"\bgovc\s+cluster\.rule\.create\b"#,
    )
    .not_with(r#"\s-(vm-host|depends)\b"#),
    Rule::strong(
        "vmware.drs.vm_host_rules",
        r#"\bgovc\s+cluster\.(group\.create|rule\.create\b.*-vm-host)"#,
    ),
    Rule::strong("vmware.resource_pools", r#"\bgovc\s+pool\."#),
    Rule::strong(
        "vmware.snapshot.create",
        r#"\bgovc\s+snapshot\.create\b|vim-cmd\s+vmsvc/snapshot\.create\b"#,
    ),
    // Listing a VM's snapshot tree, with ages and sizes, is a snapshot report.
    Rule::strong(
        "vmware.snapshot.hygiene",
        r#"\bgovc\s+snapshot\.tree\b|vim-cmd\s+vmsvc/snapshot\.get\b"#,
    ),
    // govc snapshots include memory unless -m=false is given.
    Rule::strong("vmware.snapshot.memory", r#"\bgovc\s+snapshot\.create\b"#)
        .not_with(r#"\s-m(=|\s+)(false|0)\b"#),
    Rule::strong(
        "vmware.snapshot.quiesce",
        r#"\bgovc\s+snapshot\.create\b.*\s-q\b"#,
    ),
    Rule::strong("vmware.snapshot.revert", r#"\bgovc\s+snapshot\.revert\b"#),
    Rule::strong(
        "vmware.snapshot.delete_consolidate",
        r#"\bgovc\s+snapshot\.remove\b"#,
    ),
    Rule::strong(
        "vmware.linked_instant_clone",
        r#"\bgovc\s+vm\.instantclone\b"#,
    ),
    // Managing a service account's SSO user is about the account.
    Rule::strong("vmware.sso.identity_source", r#"\bgovc\s+sso\."#).not_with(r#"\bsvc[-_]"#),
    Rule::strong("vmware.roles_privileges", r#"\bgovc\s+role\."#),
    Rule::strong("vmware.permissions", r#"\bgovc\s+permissions\."#),
    Rule::strong("vmware.encryption_vtpm_kms", r#"\bgovc\s+kms\."#),
    Rule::strong(
        "vmware.host.maintenance_mode",
        r#"(?:\bgovc\s+host\.maintenance\.(enter|exit)\b)|(?:esxcli\s+system\s+maintenanceMode)"#,
    ),
    Rule::strong(
        "vmware.host.vlcm_vum",
        r#"(?:\bgovc\s+(cluster\.vlcm|cluster\.draft|vlcm\.))|(?:esxcli\s+software\s+(vib|profile|component))"#,
    ),
    Rule::strong(
        "vmware.host.esxcli_shell",
        r#"(?:\besxcli\b)|(?:\bgovc\s+host\.esxcli\b)|(?:\bTSM-SSH\b|ESXi\s+Shell|\bDCUI\b)"#,
    ),
    Rule::strong("vmware.host.vimcmd", r#"\bvim-cmd\s+\w+/\w+"#),
    Rule::strong(
        "vmware.host.add_remove",
        r#"\bgovc\s+(host\.(add|remove|reconnect|disconnect)|cluster\.add)\b"#,
    ),
    Rule::strong("vmware.host.power", r#"\bgovc\s+host\.shutdown\b"#),
    Rule::strong(
        "vmware.host.config_profiles",
        r#"\bgovc\s+host\.(date|option)\."#,
    ),
    Rule::strong(
        "vmware.host.lockdown_local_accounts",
        r#"(?:esxcli\s+system\s+account)|(?:\bgovc\s+host\.account\.)"#,
    ),
    Rule::strong(
        "vmware.ha.restart_priority",
        r#"\bgovc\s+cluster\.rule\.create\b.*-depends"#,
    ),
    Rule::strong("vmware.vcenter_ha_backup", r#"\bgovc\s+vcsa\."#),
    Rule::strong(
        "vmware.vcenter.session",
        r#"\bGOVC_(URL|USERNAME|PASSWORD|INSECURE)\b"#,
    ),
    Rule::weak("vmware.inventory_tags_folders", r#"\bgovc\s+folder\.\w+"#),
    Rule::weak(
        "vmware.vmotion.shared_nothing",
        r#"\bgovc\s+vm\.migrate\b[^\n]*-host\b[^\n]*-ds\b"#,
    ),
    Rule::weak(
        "vmware.vsan.health",
        r#"\besxcli\s+vsan\s+(health|debug\s+object\s+health)\b"#,
    ),
    Rule::weak(
        "vmware.vsan.stretched",
        r#"\besxcli\s+vsan\s+cluster\s+preferredfaultdomain\b"#,
    ),
    Rule::weak(
        "vmware.disk_provisioning",
        r#"--diskMode=\w+|\s-thick\b|\s-eager\b|--thin\b|\bvmkfstools\b[^\n]*(--inflatedisk|--eagerzero|\s-[jk]\s|\s-d\s+(thin|zeroedthick|eagerzeroedthick)\b)"#,
    ),
    Rule::weak("vmware.perf.disk_latency", r#"\b[DKGQ]AVG\b"#),
    Rule::weak(
        "vmware.perf.api",
        r#"\bgovc\s+metric\.\w+|\besxtop\b[^\n]*-b\b"#,
    ),
    Rule::weak("vmware.content_library", r#"\bgovc\s+library\.\w+"#),
    Rule::weak(
        "vmware.tools_guest_agent",
        r#"\btoolsRunningStatus\b|\btoolsStatus\b|\btoolsVersion\w*"#,
    ),
    Rule::strong(
        "vmware.snapshot.revert",
        r#"\bvim-cmd\s+vmsvc/snapshot\.revert\b"#,
    ),
    Rule::strong(
        "vmware.snapshot.delete_consolidate",
        r#"\bvim-cmd\s+vmsvc/snapshot\.(remove|removeall)\b"#,
    ),
];
