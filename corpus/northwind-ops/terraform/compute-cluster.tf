// cmh1-prod-02: cluster-level DRS / HA / DPM settings and placement rules.
// State: s3://nwl-tfstate/vsphere/cmh1-prod-02.tfstate

provider "vsphere" {
  vsphere_server = "vcsa-east.nwl.internal"
  user           = var.vsphere_user
  password       = var.vsphere_password
}

data "vsphere_datacenter" "cmh1" {
  name = "CMH1"
}

resource "vsphere_compute_cluster" "prod02" {
  name            = "cmh1-prod-02"
  datacenter_id   = data.vsphere_datacenter.cmh1.id
  host_system_ids = [for h in data.vsphere_host.prod02 : h.id]

  drs_enabled                = true
  drs_automation_level       = "fullyAutomated"
  drs_migration_threshold    = 3
  drs_enable_predictive_drs  = true
  drs_enable_vm_overrides    = true
  dpm_enabled                = false

  ha_enabled                                     = true
  ha_host_monitoring                             = "enabled"
  ha_host_isolation_response                     = "powerOff"
  ha_admission_control_policy                    = "resourcePercentage"
  ha_admission_control_host_failure_tolerance    = 1
  ha_vm_restart_priority                         = "medium"
  ha_vm_monitoring                               = "vmMonitoringOnly"
  ha_datastore_apd_response                      = "restartConservative"
  ha_datastore_pdl_response                      = "restartAggressive"
  ha_heartbeat_datastore_policy                  = "allFeasibleDsWithUserPreference"
  ha_heartbeat_datastore_ids                     = [data.vsphere_datastore.gold01.id, data.vsphere_datastore.gold03.id]
  ha_advanced_options = {
    "das.isolationaddress0"          = "10.20.0.1"
    "das.usedefaultisolationaddress" = "false"
  }

  proactive_ha_enabled              = true
  proactive_ha_automation_level     = "Automated"
  proactive_ha_moderate_remediation = "QuarantineMode"
  proactive_ha_severe_remediation   = "MaintenanceMode"
  proactive_ha_provider_ids         = [var.omivv_provider_id]
}

resource "vsphere_compute_cluster_vm_anti_affinity_rule" "sep_sql_ag01" {
  name                = "sep-sql-ag01"
  compute_cluster_id  = vsphere_compute_cluster.prod02.id
  virtual_machine_ids = [for vm in data.vsphere_virtual_machine.sql_ag01 : vm.id]
}

resource "vsphere_compute_cluster_vm_group" "oracle" {
  name                = "vg-oracle"
  compute_cluster_id  = vsphere_compute_cluster.prod02.id
  virtual_machine_ids = [for vm in data.vsphere_virtual_machine.oracle : vm.id]
}

resource "vsphere_compute_cluster_host_group" "oracle_licensed" {
  name               = "hg-oracle-licensed"
  compute_cluster_id = vsphere_compute_cluster.prod02.id
  host_system_ids    = slice([for h in data.vsphere_host.prod02 : h.id], 0, 4)
}

resource "vsphere_compute_cluster_vm_host_rule" "pin_oracle" {
  compute_cluster_id       = vsphere_compute_cluster.prod02.id
  name                     = "pin-oracle"
  vm_group_name            = vsphere_compute_cluster_vm_group.oracle.name
  affinity_host_group_name = vsphere_compute_cluster_host_group.oracle_licensed.name
  mandatory                = true
}

resource "vsphere_ha_vm_override" "dc01" {
  compute_cluster_id     = vsphere_compute_cluster.prod02.id
  virtual_machine_id     = data.vsphere_virtual_machine.dc01.id
  ha_vm_restart_priority = "highest"
}
