// Long-lived CI build VMs for the WMS pipeline: linked clones of the golden template,
// each with a clean snapshot the pipeline reverts to between releases.

data "vsphere_virtual_machine" "golden" {
  name          = "tpl-ci-ubuntu2404"
  datacenter_id = data.vsphere_datacenter.cmh1.id
}

resource "vsphere_virtual_machine" "builder" {
  count            = 4
  name             = format("ci-build-%02d", count.index + 1)
  resource_pool_id = data.vsphere_resource_pool.ci.id
  datastore_id     = data.vsphere_datastore.dev01.id
  folder           = "CMH1/vm/ci"
  num_cpus         = 8
  memory           = 16384
  guest_id         = data.vsphere_virtual_machine.golden.guest_id

  network_interface {
    network_id = data.vsphere_network.ci.id
  }

  disk {
    label            = "disk0"
    size             = data.vsphere_virtual_machine.golden.disks[0].size
    thin_provisioned = true
  }

  clone {
    template_uuid = data.vsphere_virtual_machine.golden.id
    linked_clone  = true
  }
}

resource "vsphere_virtual_machine_snapshot" "clean" {
  for_each             = { for vm in vsphere_virtual_machine.builder : vm.name => vm.id }
  virtual_machine_uuid = each.value
  snapshot_name        = "clean"
  description          = "State after first boot; pipeline reverts here between releases"
  memory               = "false"
  quiesce              = "true"
  remove_children      = "false"
  consolidate          = "true"
}
