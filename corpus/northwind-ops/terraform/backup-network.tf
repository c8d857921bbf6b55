// Isolated segment for the Veeam proxies' NBDSSL / hotadd traffic and the FLR helper
// appliance, plus a group so the backup DFW section can reference the proxies by tag.

provider "nsxt" {
  host                 = "nsx-cmh1.nwl.internal"
  username             = var.nsx_user
  password             = var.nsx_password
  allow_unverified_ssl = false
}

data "nsxt_policy_transport_zone" "overlay" {
  display_name = "nwl-overlay-tz"
}

data "nsxt_policy_tier1_gateway" "infra" {
  display_name = "t1-cmh1-infra"
}

resource "nsxt_policy_segment" "backup" {
  display_name        = "seg-cmh1-backup"
  description         = "Veeam proxies, FLR appliance, repository NICs"
  transport_zone_path = data.nsxt_policy_transport_zone.overlay.path
  connectivity_path   = data.nsxt_policy_tier1_gateway.infra.path

  subnet {
    cidr = "10.44.8.1/24"
  }
}

resource "nsxt_policy_group" "veeam_proxies" {
  display_name = "grp-veeam-proxies"

  criteria {
    condition {
      key         = "Tag"
      member_type = "VirtualMachine"
      operator    = "EQUALS"
      value       = "role|veeam-proxy"
    }
  }
}
