// vCenter roles and permissions managed from Terraform CI (svc-terraform@vsphere.local).
// Keep in sync with ansible/playbooks/vcenter-access.yml until the Ansible copy is retired.

resource "vsphere_role" "app_ops" {
  name = "NWL-AppOps"
  role_privileges = [
    "VirtualMachine.Interact.PowerOn",
    "VirtualMachine.Interact.PowerOff",
    "VirtualMachine.Interact.Reset",
    "VirtualMachine.Interact.ConsoleInteract",
    "VirtualMachine.Interact.DeviceConnection",
  ]
}

resource "vsphere_role" "terraform" {
  name = "NWL-Terraform"
  role_privileges = [
    "Datastore.AllocateSpace",
    "Resource.AssignVMToPool",
    "VirtualMachine.Config.AddNewDisk",
    "VirtualMachine.Inventory.CreateFromExisting",
    "VirtualMachine.Provisioning.Clone",
  ]
}

data "vsphere_folder" "wms" {
  path = "/CMH1/vm/WMS"
}

resource "vsphere_entity_permissions" "wms_folder" {
  entity_id   = data.vsphere_folder.wms.id
  entity_type = "Folder"

  permissions {
    user_or_group = "NWL\\app-ops"
    propagate     = true
    is_group      = true
    role_id       = vsphere_role.app_ops.id
  }

  permissions {
    user_or_group = "VSPHERE.LOCAL\\svc-terraform"
    propagate     = true
    is_group      = false
    role_id       = vsphere_role.terraform.id
  }
}
