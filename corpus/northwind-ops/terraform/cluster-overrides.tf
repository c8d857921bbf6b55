// Per-VM overrides, start-order dependencies and resource pools for cmh1-prod-02.
// Lookups shared with compute-cluster.tf live at the top of this file.

data "vsphere_host" "prod02" {
  for_each      = toset(var.prod02_hosts)
  name          = each.value
  datacenter_id = data.vsphere_datacenter.cmh1.id
}

data "vsphere_virtual_machine" "sql_ag01" {
  for_each      = toset(["sql-ag01-n1", "sql-ag01-n2"])
  name          = each.value
  datacenter_id = data.vsphere_datacenter.cmh1.id
}

resource "vsphere_drs_vm_override" "sql_ag01" {
  for_each           = data.vsphere_virtual_machine.sql_ag01
  compute_cluster_id = vsphere_compute_cluster.prod02.id
  virtual_machine_id = each.value.id
  drs_enabled        = true
  drs_automation_level = "partiallyAutomated"
}

# WMS app servers must not start before their database after an HA failover.
resource "vsphere_compute_cluster_vm_dependency_rule" "wms_after_db" {
  compute_cluster_id       = vsphere_compute_cluster.prod02.id
  name                     = "wms-app-after-db"
  dependency_vm_group_name = vsphere_compute_cluster_vm_group.wms_db.name
  vm_group_name            = vsphere_compute_cluster_vm_group.wms_app.name
}

# The host that holds the build cache is never powered down by DPM.
resource "vsphere_dpm_host_override" "esx31" {
  compute_cluster_id   = data.vsphere_compute_cluster.dev01.id
  host_system_id       = data.vsphere_host.esx31.id
  dpm_enabled          = false
  dpm_automation_level = "manual"
}

resource "vsphere_resource_pool" "wms_prod" {
  name                    = "rp-wms-prod"
  parent_resource_pool_id = vsphere_compute_cluster.prod02.resource_pool_id
  cpu_share_level         = "high"
  memory_reservation      = 524288
  memory_expandable       = true
}

resource "vsphere_resource_pool" "etl" {
  name                    = "rp-etl"
  parent_resource_pool_id = vsphere_compute_cluster.prod02.resource_pool_id
  cpu_share_level         = "low"
  cpu_limit               = 96000
  cpu_expandable          = true
}
