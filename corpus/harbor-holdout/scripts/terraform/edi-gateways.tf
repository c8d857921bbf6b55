# EDI gateway pair for the Rotterdam partner feed (OPS-8120).
# State lives in the platform-tf bucket; apply only from the pipeline.

terraform {
  required_providers {
    vsphere = {
      source  = "hashicorp/vsphere"
      version = "~> 2.9"
    }
  }
}

provider "vsphere" {
  vsphere_server       = "vcsa-sav01.harborfl.net"
  user                 = var.vsphere_user
  password             = var.vsphere_password
  allow_unverified_ssl = false
}

variable "vsphere_user" { default = "svc-terraform@vsphere.local" }
variable "vsphere_password" { sensitive = true }

data "vsphere_datacenter" "sav" { name = "DC-Savannah" }

data "vsphere_compute_cluster" "prod_a" {
  name          = "SAV-PROD-A"
  datacenter_id = data.vsphere_datacenter.sav.id
}

data "vsphere_datastore" "pure03" {
  name          = "sav-vmfs-pure-03"
  datacenter_id = data.vsphere_datacenter.sav.id
}

data "vsphere_network" "edi" {
  name          = "dvpg-sav-vl330-edi"
  datacenter_id = data.vsphere_datacenter.sav.id
}

data "vsphere_virtual_machine" "tpl" {
  name          = "tpl-rhel9-2024q3"
  datacenter_id = data.vsphere_datacenter.sav.id
}

data "vsphere_storage_policy" "gold" { name = "HFL-Pure-Gold" }

resource "vsphere_virtual_machine" "edi_gw" {
  count                  = 2
  name                   = format("edi-gw%02d", count.index + 3)
  resource_pool_id       = data.vsphere_compute_cluster.prod_a.resource_pool_id
  datastore_id           = data.vsphere_datastore.pure03.id
  folder                 = "EDI"
  num_cpus               = 2
  memory                 = 8192
  cpu_hot_add_enabled    = true
  memory_hot_add_enabled = true
  guest_id               = data.vsphere_virtual_machine.tpl.guest_id
  storage_policy_id      = data.vsphere_storage_policy.gold.id

  network_interface {
    network_id   = data.vsphere_network.edi.id
    adapter_type = "vmxnet3"
  }

  disk {
    label            = "disk0"
    size             = 60
    thin_provisioned = true
  }

  clone {
    template_uuid = data.vsphere_virtual_machine.tpl.id
    customize {
      linux_options {
        host_name = format("edi-gw%02d", count.index + 3)
        domain    = "corp.harborfl.net"
      }
      network_interface {
        ipv4_address = format("10.21.33.%d", 13 + count.index)
        ipv4_netmask = 24
      }
      ipv4_gateway = "10.21.33.1"
    }
  }
}

resource "vsphere_compute_cluster_vm_anti_affinity_rule" "edi_sep" {
  name                = "sep-edi-gw"
  compute_cluster_id  = data.vsphere_compute_cluster.prod_a.id
  virtual_machine_ids = vsphere_virtual_machine.edi_gw[*].id
}
