// Conversion test lab on the spare host kvm-lab-01: plain libvirt/KVM guests used to
// rehearse application cut-overs. Not production; state is local to the lab repo checkout.

terraform {
  required_providers {
    libvirt = {
      source  = "dmacvicar/libvirt"
      version = "~> 0.8"
    }
  }
}

provider "libvirt" {
  uri = "qemu+ssh://tf@kvm-lab-01.nwl.internal/system"
}

resource "libvirt_pool" "lab" {
  name = "lab"
  type = "dir"
  path = "/var/lib/libvirt/lab"
}

resource "libvirt_volume" "ubuntu_base" {
  name   = "ubuntu-2404-base.qcow2"
  pool   = libvirt_pool.lab.name
  source = "https://cloud-images.ubuntu.com/noble/current/noble-server-cloudimg-amd64.img"
  format = "qcow2"
}

// Each guest disk is a copy-on-write overlay on the base image (in effect a linked clone),
// so a new guest costs only the blocks it writes.
resource "libvirt_volume" "guest" {
  count          = 3
  name           = "lab-${count.index}.qcow2"
  pool           = libvirt_pool.lab.name
  base_volume_id = libvirt_volume.ubuntu_base.id
  size           = 40 * 1024 * 1024 * 1024
}

resource "libvirt_cloudinit_disk" "init" {
  name      = "lab-init.iso"
  pool      = libvirt_pool.lab.name
  user_data = templatefile("${path.module}/cloud-init.tftpl", { ssh_key = var.ssh_key })
}

resource "libvirt_domain" "lab" {
  count     = 3
  name      = "lab-${count.index}"
  vcpu      = 2
  memory    = 4096
  cloudinit = libvirt_cloudinit_disk.init.id

  disk {
    volume_id = libvirt_volume.guest[count.index].id
  }

  network_interface {
    bridge         = "br-lab"
    wait_for_lease = true
  }

  qemu_agent = true
}
