//! vCenter constructs on ovirt. One record per catalogue construct.

use crate::{Fidelity, Translation, effort};

pub static TRANSLATIONS: &[Translation] = &[
    Translation {
        construct: "vmware.vcenter.session",
        fidelity: Fidelity::Equivalent,
        replacement: &[
            r#"export OVIRT_URL="https://$ENGINE_FQDN/ovirt-engine/api" OVIRT_USERNAME="admin@ovirt@internalsso" OVIRT_CAFILE="$HOME/ovirt-ca.pem""#,
            r#"curl -k -o "$OVIRT_CAFILE" "https://$ENGINE_FQDN/ovirt-engine/services/pki-resource?resource=ca-certificate&format=X509-PEM-CA""#,
            r#"curl -s --cacert "$OVIRT_CAFILE" -H "Accept: application/json" --data-urlencode "grant_type=password" --data-urlencode "scope=ovirt-app-api" --data-urlencode "username=$OVIRT_USERNAME" --data-urlencode "password=$OVIRT_PASSWORD" "https://$ENGINE_FQDN/ovirt-engine/sso/oauth/token""#,
            r#"python3 -c 'import os, ovirtsdk4 as sdk; c = sdk.Connection(url=os.environ["OVIRT_URL"], username=os.environ["OVIRT_USERNAME"], password=os.environ["OVIRT_PASSWORD"], ca_file=os.environ["OVIRT_CAFILE"]); print(c.test(raise_exception=True))'"#,
        ],
        caveats: &[
            "One engine fronts the whole estate as vCenter did; when the engine (often the self-hosted engine VM) is down no API call works, though running VMs carry on.",
            "The login name includes its profile: admin@internal on AAA setups, admin@ovirt@internalsso where the bundled Keycloak is used (the default on fresh 4.5.1+ installs).",
            "Export OVIRT_URL, OVIRT_USERNAME, OVIRT_PASSWORD and OVIRT_CAFILE once: the ovirt.ovirt Ansible modules fall back to them and the curl lines in this table use them.",
        ],
        instead: "",
        signal: "",
        references: &[
            "https://ovirt.github.io/ovirt-engine-api-model/master/",
            "https://docs.ansible.com/ansible/latest/collections/ovirt/ovirt/index.html",
            "https://github.com/oVirt/ovirt-engine-keycloak",
        ],
        effort: effort::SWAP,
    },
    Translation {
        construct: "vmware.vm.inventory_query",
        fidelity: Fidelity::Equivalent,
        replacement: &[
            r#"ansible localhost -m ovirt.ovirt.ovirt_vm_info -a "pattern=name={vm}""#,
            r#"curl -s --cacert "$OVIRT_CAFILE" -u "$OVIRT_USERNAME:$OVIRT_PASSWORD" "$OVIRT_URL/vms?search=name%3D{vm}""#,
            r#"curl -s --cacert "$OVIRT_CAFILE" -u "$OVIRT_USERNAME:$OVIRT_PASSWORD" -H "Accept: application/json" "$OVIRT_URL/vms?search=cluster%3D{cluster}%20and%20status%3Dup""#,
        ],
        caveats: &[
            "Queries use the engine's search language (name=, cluster=, host=, status=, tag=) instead of inventory paths.",
            "Objects are addressed by UUID in the REST API; names are only good for searching, so scripts look up the ID first.",
            "Answers are XML unless the request sends Accept: application/json.",
        ],
        instead: "",
        signal: "",
        references: &[
            "https://ovirt.github.io/ovirt-engine-api-model/master/",
            "https://docs.ansible.com/ansible/latest/collections/ovirt/ovirt/index.html",
        ],
        effort: effort::SWAP,
    },
    Translation {
        construct: "vmware.vm.create",
        fidelity: Fidelity::Equivalent,
        replacement: &[
            r#"ansible localhost -m ovirt.ovirt.ovirt_vm -a "name={vm} cluster={cluster} template=Blank memory=4GiB cpu_sockets=2 operating_system=rhel_9x64 state=present""#,
            r#"ansible localhost -m ovirt.ovirt.ovirt_vm -a "name={vm} cluster={cluster} template=$TEMPLATE storage_domain={datastore} clone=true state=running""#,
            r#"curl -s --cacert "$OVIRT_CAFILE" -u "$OVIRT_USERNAME:$OVIRT_PASSWORD" -H "Content-Type: application/xml" -d '<vm><name>{vm}</name><cluster><name>{cluster}</name></cluster><template><name>Blank</name></template></vm>' "$OVIRT_URL/vms""#,
        ],
        caveats: &[
            "Every VM is made from a template; Blank yields an empty shell whose disks and NICs are added as separate objects.",
            "The cluster scheduler picks the host when the VM starts unless a host is given or pinned.",
        ],
        instead: "",
        signal: "",
        references: &[
            "https://ovirt.github.io/ovirt-engine-api-model/master/",
            "https://docs.ansible.com/ansible/latest/collections/ovirt/ovirt/index.html",
        ],
        effort: effort::SWAP,
    },
    Translation {
        construct: "vmware.vm.reconfigure_hotadd",
        fidelity: Fidelity::Partial,
        replacement: &[
            r#"ansible localhost -m ovirt.ovirt.ovirt_vm -a "name={vm} cpu_sockets=4 memory=8GiB""#,
            r#"ansible localhost -m ovirt.ovirt.ovirt_vm -a "name={vm} cpu_cores=4 memory_max=32GiB next_run=true""#,
            r#"ansible localhost -m ovirt.ovirt.ovirt_vm -a "name={vm} state=next_run""#,
        ],
        caveats: &[
            "On a running VM vCPUs are hot-plugged as extra sockets and memory as DIMMs in 256 MiB steps, only if the guest OS supports it.",
            "Only memory that was hot-plugged earlier can be unplugged again; other edits (cores per socket, maximum memory, chipset) are kept as a next-run configuration until the VM is restarted through the engine.",
        ],
        instead: "",
        signal: "",
        references: &[
            "https://www.ovirt.org/develop/release-management/features/virt/hot-plug-cpu.html",
            "https://www.ovirt.org/develop/release-management/features/virt/hot-plug-memory.html",
            "https://docs.ansible.com/ansible/latest/collections/ovirt/ovirt/index.html",
        ],
        effort: effort::SWAP,
    },
    Translation {
        construct: "vmware.vm.power",
        fidelity: Fidelity::Equivalent,
        replacement: &[
            r#"ansible localhost -m ovirt.ovirt.ovirt_vm -a "name={vm} state=running""#,
            r#"ansible localhost -m ovirt.ovirt.ovirt_vm -a "name={vm} state=stopped""#,
            r#"ansible localhost -m ovirt.ovirt.ovirt_vm -a "name={vm} state=stopped force=true""#,
            r#"ansible localhost -m ovirt.ovirt.ovirt_vm -a "name={vm} state=reboot""#,
            r#"ansible localhost -m ovirt.ovirt.ovirt_vm -a "name={vm} state=suspended""#,
            r#"VM_ID=$(curl -s --cacert "$OVIRT_CAFILE" -u "$OVIRT_USERNAME:$OVIRT_PASSWORD" "$OVIRT_URL/vms?search=name%3D{vm}" | xmllint --xpath 'string(/vms/vm/@id)' -)"#,
            r#"curl -s --cacert "$OVIRT_CAFILE" -u "$OVIRT_USERNAME:$OVIRT_PASSWORD" -H "Content-Type: application/xml" -d '<action/>' "$OVIRT_URL/vms/$VM_ID/reset""#,
        ],
        caveats: &[
            "In the REST API shutdown is the graceful one (ACPI or guest agent) and stop pulls the power; in Ansible state=stopped is graceful and force=true makes it a hard stop.",
            "Suspend writes the VM's memory to a storage domain, so it needs free space there and takes longer than on VMFS.",
        ],
        instead: "",
        signal: "",
        references: &[
            "https://ovirt.github.io/ovirt-engine-api-model/master/",
            "https://docs.ansible.com/ansible/latest/collections/ovirt/ovirt/index.html",
        ],
        effort: effort::SWAP,
    },
    Translation {
        construct: "vmware.vm.delete",
        fidelity: Fidelity::Equivalent,
        replacement: &[
            r#"ansible localhost -m ovirt.ovirt.ovirt_vm -a "name={vm} state=absent""#,
            r#"VM_ID=$(curl -s --cacert "$OVIRT_CAFILE" -u "$OVIRT_USERNAME:$OVIRT_PASSWORD" "$OVIRT_URL/vms?search=name%3D{vm}" | xmllint --xpath 'string(/vms/vm/@id)' -)"#,
            r#"curl -s --cacert "$OVIRT_CAFILE" -u "$OVIRT_USERNAME:$OVIRT_PASSWORD" -X DELETE "$OVIRT_URL/vms/$VM_ID?detach_only=true""#,
        ],
        caveats: &[
            "Removing a VM deletes its disks too unless detach_only=true, which leaves them as floating disks; the Ansible module also powers the VM off first without asking.",
            "Delete protection (delete_protected) blocks removal until it is switched off.",
            "There is no unregister that keeps files on a datastore; VMs on a detached storage domain are registered again from its OVF_STORE.",
        ],
        instead: "",
        signal: "",
        references: &[
            "https://ovirt.github.io/ovirt-engine-api-model/master/",
            "https://docs.ansible.com/ansible/latest/collections/ovirt/ovirt/index.html",
        ],
        effort: effort::SWAP,
    },
    Translation {
        construct: "vmware.template_clone",
        fidelity: Fidelity::Equivalent,
        replacement: &[
            r#"ansible localhost -m ovirt.ovirt.ovirt_template -a "name=$TEMPLATE vm={vm} cluster={cluster} seal=true""#,
            r#"ansible localhost -m ovirt.ovirt.ovirt_vm -a "name=$NEW_VM template=$TEMPLATE cluster={cluster} clone=true state=present""#,
            r#"VM_ID=$(curl -s --cacert "$OVIRT_CAFILE" -u "$OVIRT_USERNAME:$OVIRT_PASSWORD" "$OVIRT_URL/vms?search=name%3D{vm}" | xmllint --xpath 'string(/vms/vm/@id)' -)"#,
            r#"curl -s --cacert "$OVIRT_CAFILE" -u "$OVIRT_USERNAME:$OVIRT_PASSWORD" -H "Content-Type: application/xml" -d "<action><vm><name>$NEW_VM</name></vm></action>" "$OVIRT_URL/vms/$VM_ID/clone""#,
        ],
        caveats: &[
            "Without clone=true the new VM gets thin qcow2 overlays on the template disks, and the template can't be removed while such VMs exist.",
            "seal=true runs virt-sysprep on Linux templates; Windows images still need sysprep inside the guest before the template is made.",
        ],
        instead: "",
        signal: "",
        references: &[
            "https://ovirt.github.io/ovirt-engine-api-model/master/",
            "https://docs.ansible.com/ansible/latest/collections/ovirt/ovirt/index.html",
        ],
        effort: effort::SWAP,
    },
    Translation {
        construct: "vmware.guest_customization",
        fidelity: Fidelity::Equivalent,
        replacement: &[
            r#"ansible localhost -m ovirt.ovirt.ovirt_vm -a "name={vm} template=$TEMPLATE cluster={cluster} state=running cloud_init='host_name={vm} nic_boot_protocol=dhcp user_name=root root_password=$ROOT_PW'""#,
            r#"ansible localhost -m ovirt.ovirt.ovirt_vm -a "name={vm} template=$TEMPLATE cluster={cluster} state=running sysprep='host_name={vm} user_name=Administrator root_password=$ADMIN_PW'""#,
            r#"ansible localhost -m ovirt.ovirt.ovirt_vm -a "name={vm} cloud_init='host_name={vm}' cloud_init_persist=true""#,
        ],
        caveats: &[
            "Settings reach the guest as a cloud-init config drive (Linux) or a sysprep answer file (Windows), so the template must carry cloud-init or be sysprep-ready.",
            "Without cloud_init_persist=true the data is used for that one run-once start only.",
            "Scripts that read VMware guestinfo or rely on VMware's Linux customization have to move to cloud-init user data.",
        ],
        instead: "",
        signal: "",
        references: &[
            "https://docs.ansible.com/ansible/latest/collections/ovirt/ovirt/index.html",
            "https://www.ovirt.org/documentation/virtual_machine_management_guide/",
        ],
        effort: effort::SWAP,
    },
    Translation {
        construct: "vmware.content_library",
        fidelity: Fidelity::Partial,
        replacement: &[
            r#"ansible localhost -m ovirt.ovirt.ovirt_template -a "name=$TEMPLATE vm={vm} cluster={cluster} seal=true""#,
            r#"ansible localhost -m ovirt.ovirt.ovirt_disk -a "name=$ISO_NAME upload_image_path=$ISO_FILE storage_domain={datastore} format=raw content_type=iso""#,
            r#"ansible localhost -m ovirt.ovirt.ovirt_template -a "name=$TEMPLATE state=exported export_domain=$EXPORT_DOMAIN""#,
        ],
        caveats: &[
            "Templates (with numbered sub-versions) and ISO disks live on the storage domains of one data center; nothing publishes or subscribes to a library across engines.",
            "Carrying content to another site means exporting it (OVA, export domain or a detached data domain) and importing it there.",
        ],
        instead: "Keep images in a build pipeline (Packer, virt-builder) that uploads disks and refreshes templates on every engine that needs them.",
        signal: "",
        references: &[
            "https://docs.ansible.com/ansible/latest/collections/ovirt/ovirt/index.html",
            "https://ovirt.github.io/ovirt-engine-api-model/master/",
        ],
        effort: effort::REWRITE,
    },
    Translation {
        construct: "vmware.ovf_import_export",
        fidelity: Fidelity::Partial,
        replacement: &[
            r#"virt-v2v -ic "vpx://$VC_USER@$VCENTER/$VC_DC/$VC_CLUSTER/$ESXI_HOST?no_verify=1" -ip "$VC_PASSFILE" {vm} -o ovirt-upload -oc "$OVIRT_URL" -op "$OVIRT_PASSFILE" -os {datastore} -oo ovirt-cafile="$OVIRT_CAFILE" -oo ovirt-cluster={cluster}"#,
            r#"curl -s --cacert "$OVIRT_CAFILE" -u "$OVIRT_USERNAME:$OVIRT_PASSWORD" -H "Content-Type: application/xml" -d "<external_vm_import><name>{vm}</name><provider>vmware</provider><url>vpx://$VC_USER@$VCENTER/$VC_DC/$VC_CLUSTER/$ESXI_HOST?no_verify=1</url><username>$VC_USER</username><password>$VC_PASSWORD</password><cluster><name>{cluster}</name></cluster><storage_domain><name>{datastore}</name></storage_domain><sparse>true</sparse></external_vm_import>" "$OVIRT_URL/externalvmimports""#,
            r#"ansible localhost -m ovirt.ovirt.ovirt_vm -a "name={vm} state=exported export_ova='host={host} directory=/var/tmp/ova filename={vm}.ova'""#,
        ],
        caveats: &[
            "Imports from VMware or OVA are conversions: virt-v2v runs on a proxy host, rewrites the guest for virtio and needs the source VM powered off.",
            "OVA export writes to a directory on the chosen host, not to the caller's machine.",
            "Older virt-v2v releases spell the output -o rhv-upload with rhv- prefixed -oo keys.",
        ],
        instead: "",
        signal: "",
        references: &[
            "https://ovirt.github.io/ovirt-engine-api-model/master/",
            "https://docs.ansible.com/ansible/latest/collections/ovirt/ovirt/index.html",
        ],
        effort: effort::REWRITE,
    },
    Translation {
        construct: "vmware.tools_guest_agent",
        fidelity: Fidelity::Equivalent,
        replacement: &[
            "dnf install -y qemu-guest-agent && systemctl enable --now qemu-guest-agent",
            "apt-get install -y qemu-guest-agent && systemctl enable --now qemu-guest-agent",
            r#"VM_ID=$(curl -s --cacert "$OVIRT_CAFILE" -u "$OVIRT_USERNAME:$OVIRT_PASSWORD" "$OVIRT_URL/vms?search=name%3D{vm}" | xmllint --xpath 'string(/vms/vm/@id)' -)"#,
            r#"curl -s --cacert "$OVIRT_CAFILE" -u "$OVIRT_USERNAME:$OVIRT_PASSWORD" "$OVIRT_URL/vms/$VM_ID/reporteddevices""#,
        ],
        caveats: &[
            "The engine reads IPs, FQDN, OS details and logged-in users from qemu-guest-agent; the old ovirt-guest-agent is deprecated and not packaged for EL8 or later.",
            "Windows guests get the agent and virtio drivers from the virtio-win guest tools; uninstall VMware Tools after conversion.",
            "Without the agent, shutdown falls back to ACPI and snapshots are not filesystem-consistent.",
        ],
        instead: "",
        signal: "",
        references: &[
            "https://www.ovirt.org/documentation/virtual_machine_management_guide/",
            "https://ovirt.github.io/ovirt-engine-api-model/master/",
        ],
        effort: effort::SWAP,
    },
    Translation {
        construct: "vmware.guest_operations",
        fidelity: Fidelity::None,
        replacement: &[
            "ssh $GUEST_USER@{vm} 'sudo systemctl restart $SERVICE'",
            r#"ansible {vm} -m ansible.windows.win_shell -a "Get-Service $SERVICE""#,
        ],
        caveats: &[
            "The engine has no call to run a program or copy a file inside a guest; qemu-guest-agent's guest-exec is not exposed, and EL builds of the agent disable it by default.",
            "Steps that used Invoke-VMScript or guest file copy now need a network path to the guest and guest credentials.",
        ],
        instead: "Rewrite the step to reach the guest over the network: SSH or Ansible for Linux, WinRM or ansible.windows for Windows, with credentials kept in your vault.",
        signal: "",
        references: &[
            "https://ovirt.github.io/ovirt-engine-api-model/master/",
            "https://www.qemu.org/docs/master/interop/qemu-ga.html",
        ],
        effort: effort::REWRITE,
    },
    Translation {
        construct: "vmware.console",
        fidelity: Fidelity::Equivalent,
        replacement: &[
            r#"VM_ID=$(curl -s --cacert "$OVIRT_CAFILE" -u "$OVIRT_USERNAME:$OVIRT_PASSWORD" "$OVIRT_URL/vms?search=name%3D{vm}" | xmllint --xpath 'string(/vms/vm/@id)' -)"#,
            r#"curl -s --cacert "$OVIRT_CAFILE" -u "$OVIRT_USERNAME:$OVIRT_PASSWORD" "$OVIRT_URL/vms/$VM_ID/graphicsconsoles""#,
            r#"curl -s --cacert "$OVIRT_CAFILE" -u "$OVIRT_USERNAME:$OVIRT_PASSWORD" -H "Accept: application/x-virt-viewer" -o {vm}.vv "$OVIRT_URL/vms/$VM_ID/graphicsconsoles/$CONSOLE_ID""#,
            "remote-viewer {vm}.vv",
        ],
        caveats: &[
            "Consoles are SPICE or VNC, opened with remote-viewer from a short-lived .vv ticket file, or with noVNC in the browser through the websocket proxy.",
            "A text console is available through the engine's SSH serial-console proxy (ovirt-vmconsole) once enabled for the VM.",
        ],
        instead: "",
        signal: "",
        references: &[
            "https://ovirt.github.io/ovirt-engine-api-model/master/",
            "https://www.ovirt.org/documentation/virtual_machine_management_guide/",
        ],
        effort: effort::SWAP,
    },
    Translation {
        construct: "vmware.inventory_tags_folders",
        fidelity: Fidelity::Partial,
        replacement: &[
            r#"ansible localhost -m ovirt.ovirt.ovirt_tag -a "name=$TAG vms={vm}""#,
            r#"ansible localhost -m ovirt.ovirt.ovirt_affinity_label -a "name=$LABEL cluster={cluster} vms={vm}""#,
            r#"curl -s --cacert "$OVIRT_CAFILE" -u "$OVIRT_USERNAME:$OVIRT_PASSWORD" "$OVIRT_URL/vms?search=tag%3D$TAG""#,
        ],
        caveats: &[
            "Tags form a tree and are searchable (tag=), but there are no folders, tag categories or typed custom attributes.",
            "Affinity labels exist to steer scheduling, not to hold metadata; free text goes in the VM description or comment.",
        ],
        instead: "",
        signal: "",
        references: &[
            "https://docs.ansible.com/ansible/latest/collections/ovirt/ovirt/index.html",
            "https://ovirt.github.io/ovirt-engine-api-model/master/",
        ],
        effort: effort::REWRITE,
    },
    Translation {
        construct: "vmware.vm.disk",
        fidelity: Fidelity::Equivalent,
        replacement: &[
            r#"ansible localhost -m ovirt.ovirt.ovirt_disk -a "name={vm}_data1 vm_name={vm} size=50GiB format=cow interface=virtio_scsi storage_domain={datastore}""#,
            r#"ansible localhost -m ovirt.ovirt.ovirt_disk -a "name=$DISK_NAME vm_name={vm} size=100GiB""#,
        ],
        caveats: &[
            "Disks can only grow; the guest must then extend its partition and filesystem itself.",
            "Thin (cow) disks on block storage are extended in chunks as they fill, so keep an eye on the storage domain's free space.",
        ],
        instead: "",
        signal: "",
        references: &[
            "https://docs.ansible.com/ansible/latest/collections/ovirt/ovirt/index.html",
            "https://ovirt.github.io/ovirt-engine-api-model/master/",
        ],
        effort: effort::SWAP,
    },
    Translation {
        construct: "vmware.vm.nic",
        fidelity: Fidelity::Equivalent,
        replacement: &[
            r#"ansible localhost -m ovirt.ovirt.ovirt_nic -a "vm={vm} name=nic2 network={network} profile={network} interface=virtio""#,
            r#"ansible localhost -m ovirt.ovirt.ovirt_nic -a "vm={vm} name=nic1 network={network} profile=$PROFILE""#,
        ],
        caveats: &[
            "A NIC plugs into a vNIC profile of a logical network; the default profile has the network's name and QoS, mirroring and filters live on the profile.",
            "MACs come from the cluster's MAC pool, so give mac_address explicitly where licences or DHCP reservations depend on the old MAC.",
        ],
        instead: "",
        signal: "",
        references: &[
            "https://docs.ansible.com/ansible/latest/collections/ovirt/ovirt/index.html",
            "https://ovirt.github.io/ovirt-engine-api-model/master/",
        ],
        effort: effort::SWAP,
    },
    Translation {
        construct: "vmware.vm.hardware_version",
        fidelity: Fidelity::Partial,
        replacement: &[
            r#"ansible localhost -m ovirt.ovirt.ovirt_cluster -a "name={cluster} compatibility_version=4.7""#,
            r#"ansible localhost -m ovirt.ovirt.ovirt_vm -a "name={vm} custom_compatibility_version=4.7 custom_emulated_machine=$MACHINE_TYPE next_run=true""#,
            r#"ansible localhost -m ovirt.ovirt.ovirt_vm -a "name={vm} bios_type=q35_ovmf next_run=true""#,
        ],
        caveats: &[
            "Virtual hardware follows the cluster compatibility level, which sets the default QEMU machine type, instead of a per-VM version that is upgraded.",
            "After the level is raised, running VMs pick up the new machine type only at their next restart; a per-VM custom level or emulated machine overrides the cluster.",
            "Chipset (i440fx or q35) and firmware (SeaBIOS, OVMF, secure boot) are per-VM settings.",
        ],
        instead: "",
        signal: "",
        references: &[
            "https://docs.ansible.com/ansible/latest/collections/ovirt/ovirt/index.html",
            "https://www.ovirt.org/documentation/administration_guide/",
        ],
        effort: effort::REWRITE,
    },
    Translation {
        construct: "vmware.vm.files_vmx_vmdk",
        fidelity: Fidelity::Partial,
        replacement: &[
            r#"VM_ID=$(curl -s --cacert "$OVIRT_CAFILE" -u "$OVIRT_USERNAME:$OVIRT_PASSWORD" "$OVIRT_URL/vms?search=name%3D{vm}" | xmllint --xpath 'string(/vms/vm/@id)' -)"#,
            r#"curl -s --cacert "$OVIRT_CAFILE" -u "$OVIRT_USERNAME:$OVIRT_PASSWORD" "$OVIRT_URL/vms/$VM_ID/diskattachments""#,
            r#"curl -s --cacert "$OVIRT_CAFILE" -u "$OVIRT_USERNAME:$OVIRT_PASSWORD" "$OVIRT_URL/disks?search=vm_names%3D{vm}""#,
        ],
        caveats: &[
            "A VM's definition lives in the engine database with a copy in each storage domain's OVF_STORE; there is no .vmx to edit and disks are UUID-named qcow2/raw volumes or LVM volumes.",
            "Touching volumes on the storage behind the engine's back breaks its metadata: change configuration through the API only.",
            "A datastore path becomes storage domain plus disk, image and volume IDs.",
        ],
        instead: "",
        signal: "",
        references: &[
            "https://ovirt.github.io/ovirt-engine-api-model/master/",
            "https://www.ovirt.org/documentation/administration_guide/",
        ],
        effort: effort::REWRITE,
    },
    Translation {
        construct: "vmware.vapp",
        fidelity: Fidelity::None,
        replacement: &[
            r#"ansible localhost -m ovirt.ovirt.ovirt_affinity_group -a "name=$APP cluster={cluster} vm_rule=positive vm_enforcing=false vms={vm},$OTHER_VM""#,
            r#"ansible localhost -m ovirt.ovirt.ovirt_tag -a "name=$APP vms={vm},$OTHER_VM""#,
        ],
        caveats: &[
            "oVirt has no container object with its own start order, shared resource settings or OVF properties.",
            "VM pools look similar but serve identical stateless desktops, not multi-tier applications.",
        ],
        instead: "Describe the application in automation: an Ansible play starts the tiers in order and waits on health checks, a tag groups the VMs, and vApp OVF properties become cloud-init data.",
        signal: "",
        references: &[
            "https://docs.ansible.com/ansible/latest/collections/ovirt/ovirt/index.html",
            "https://ovirt.github.io/ovirt-engine-api-model/master/",
        ],
        effort: effort::REWRITE,
    },
    Translation {
        construct: "vmware.passthrough_rdm_vgpu",
        fidelity: Fidelity::Equivalent,
        replacement: &[
            r#"ansible localhost -m ovirt.ovirt.ovirt_disk -a "name={vm}_lun vm_name={vm} interface=virtio_scsi logical_unit='id=$LUN_WWID storage_type=fcp'""#,
            r#"ansible localhost -m ovirt.ovirt.ovirt_host -a "name={host} kernel_params=intel_iommu=on""#,
            r#"VM_ID=$(curl -s --cacert "$OVIRT_CAFILE" -u "$OVIRT_USERNAME:$OVIRT_PASSWORD" "$OVIRT_URL/vms?search=name%3D{vm}" | xmllint --xpath 'string(/vms/vm/@id)' -)"#,
            r#"curl -s --cacert "$OVIRT_CAFILE" -u "$OVIRT_USERNAME:$OVIRT_PASSWORD" -H "Content-Type: application/xml" -d "<host_device><name>$PCI_DEVICE</name></host_device>" "$OVIRT_URL/vms/$VM_ID/hostdevices""#,
            r#"curl -s --cacert "$OVIRT_CAFILE" -u "$OVIRT_USERNAME:$OVIRT_PASSWORD" -H "Content-Type: application/xml" -X PUT -d "<vm><custom_properties><custom_property><name>mdev_type</name><value>$MDEV_TYPE</value></custom_property></custom_properties></vm>" "$OVIRT_URL/vms/$VM_ID""#,
        ],
        caveats: &[
            "A direct LUN hands a SAN LUN straight to the VM like a physical RDM; it is left out of snapshots and cannot be moved by live storage migration.",
            "PCI host devices and vGPUs tie the VM to hosts that have the device, which rules out live migration and narrows HA restarts.",
            "IOMMU has to be switched on in the host kernel arguments, which takes a host reinstall and reboot.",
        ],
        instead: "",
        signal: "",
        references: &[
            "https://docs.ansible.com/ansible/latest/collections/ovirt/ovirt/index.html",
            "https://docs.redhat.com/ja/documentation/red_hat_virtualization/4.0/html/administration_guide/overview_of_live_storage_migration",
            "https://ovirt.github.io/ovirt-engine-api-model/master/",
        ],
        effort: effort::REWRITE,
    },
    Translation {
        construct: "vmware.datacenter_cluster_objects",
        fidelity: Fidelity::Equivalent,
        replacement: &[
            r#"ansible localhost -m ovirt.ovirt.ovirt_datacenter -a "name=$DC local=false compatibility_version=4.7""#,
            r#"ansible localhost -m ovirt.ovirt.ovirt_cluster -a "name={cluster} data_center=$DC cpu_type='$CPU_TYPE' compatibility_version=4.7""#,
            r#"ansible localhost -m ovirt.ovirt.ovirt_cluster_info -a "pattern=name={cluster}""#,
        ],
        caveats: &[
            "A data center is a hard boundary: storage domains, logical networks, quotas and the SPM belong to exactly one.",
            "A cluster fixes CPU type, compatibility level and scheduling policy for all its hosts, and live migration stays inside it.",
        ],
        instead: "",
        signal: "",
        references: &[
            "https://docs.ansible.com/ansible/latest/collections/ovirt/ovirt/index.html",
            "https://www.ovirt.org/documentation/administration_guide/",
        ],
        effort: effort::SWAP,
    },
    Translation {
        construct: "vmware.vmotion",
        fidelity: Fidelity::Equivalent,
        replacement: &[
            r#"ansible localhost -m ovirt.ovirt.ovirt_vm -a "name={vm} host={host} state=running""#,
            r#"ansible localhost -m ovirt.ovirt.ovirt_vm -a "name={vm} migrate=true state=running""#,
            r#"VM_ID=$(curl -s --cacert "$OVIRT_CAFILE" -u "$OVIRT_USERNAME:$OVIRT_PASSWORD" "$OVIRT_URL/vms?search=name%3D{vm}" | xmllint --xpath 'string(/vms/vm/@id)' -)"#,
            r#"curl -s --cacert "$OVIRT_CAFILE" -u "$OVIRT_USERNAME:$OVIRT_PASSWORD" -H "Content-Type: application/xml" -d '<action><host><name>{host}</name></host></action>' "$OVIRT_URL/vms/$VM_ID/migrate""#,
        ],
        caveats: &[
            "Live migration stays within the VM's cluster (migrating to another cluster is not supported) and needs storage both hosts can reach.",
            "VMs that are pinned, use host devices or are set to user-migratable-only are refused for automatic moves unless forced.",
            "Speed and convergence follow the cluster's migration policy rather than per-call options.",
        ],
        instead: "",
        signal: "",
        references: &[
            "https://ovirt.github.io/ovirt-engine-api-model/master/",
            "https://docs.ansible.com/ansible/latest/collections/ovirt/ovirt/index.html",
        ],
        effort: effort::SWAP,
    },
    Translation {
        construct: "vmware.storage_vmotion",
        fidelity: Fidelity::Equivalent,
        replacement: &[
            r#"ansible localhost -m ovirt.ovirt.ovirt_disk -a "name=$DISK_NAME vm_name={vm} storage_domain={datastore}""#,
            r#"curl -s --cacert "$OVIRT_CAFILE" -u "$OVIRT_USERNAME:$OVIRT_PASSWORD" -H "Content-Type: application/xml" -d '<action><storage_domain><name>{datastore}</name></storage_domain></action>' "$OVIRT_URL/disks/$DISK_ID/move""#,
        ],
        caveats: &[
            "Disks move one at a time and only between storage domains of the same data center.",
            "A live move takes an automatic snapshot and mirrors the disk, so source and target need room for the extra volume; direct LUNs and shareable disks can't be moved live.",
        ],
        instead: "",
        signal: "",
        references: &[
            "https://ovirt.github.io/ovirt-engine-api-model/master/",
            "https://docs.redhat.com/ja/documentation/red_hat_virtualization/4.0/html/administration_guide/overview_of_live_storage_migration",
            "https://docs.ansible.com/ansible/latest/collections/ovirt/ovirt/index.html",
        ],
        effort: effort::SWAP,
    },
    Translation {
        construct: "vmware.vmotion.shared_nothing",
        fidelity: Fidelity::Partial,
        replacement: &[
            r#"ansible localhost -m ovirt.ovirt.ovirt_disk -a "name=$DISK_NAME vm_name={vm} storage_domain={datastore}""#,
            r#"ansible localhost -m ovirt.ovirt.ovirt_vm -a "name={vm} host={host} state=running""#,
        ],
        caveats: &[
            "No single operation moves compute and storage together: move each disk live first, then migrate the VM.",
            "Both hosts must sit in the same cluster and see the target storage domain; hosts in a local-storage data center cannot live-migrate at all.",
        ],
        instead: "",
        signal: "",
        references: &[
            "https://ovirt.github.io/ovirt-engine-api-model/master/",
            "https://docs.redhat.com/ja/documentation/red_hat_virtualization/4.0/html/administration_guide/overview_of_live_storage_migration",
        ],
        effort: effort::REWRITE,
    },
    Translation {
        construct: "vmware.vmotion.cross_vcenter",
        fidelity: Fidelity::None,
        replacement: &[
            r#"ansible localhost -m ovirt.ovirt.ovirt_vm -a "name={vm} state=exported export_ova='host={host} directory=/var/tmp/ova filename={vm}.ova'""#,
            r#"ansible localhost -m ovirt.ovirt.ovirt_storage_domain -a "name={datastore} state=unattached""#,
            r#"ansible localhost -m ovirt.ovirt.ovirt_vm -a "name={vm} state=registered storage_domain={datastore} cluster={cluster}""#,
        ],
        caveats: &[
            "Nothing moves a running VM between two engines: every path includes downtime.",
            "A whole data domain can be detached from one engine, imported into the other and its VMs registered from the OVF_STORE.",
        ],
        instead: "Plan a cold move: stop the VM and either export it as OVA or move the data storage domain to the other engine and register the VMs; for recurring site moves use the ovirt.ovirt.disaster_recovery role on replicated storage.",
        signal: "",
        references: &[
            "https://ovirt.github.io/ovirt-engine-api-model/master/",
            "https://docs.ansible.com/ansible/latest/collections/ovirt/ovirt/index.html",
            "https://www.ovirt.org/documentation/disaster_recovery_guide/",
        ],
        effort: effort::REWRITE,
    },
    Translation {
        construct: "vmware.evc",
        fidelity: Fidelity::Equivalent,
        replacement: &[
            r#"ansible localhost -m ovirt.ovirt.ovirt_cluster -a "name={cluster} cpu_type='$CPU_TYPE'""#,
            r#"curl -s --cacert "$OVIRT_CAFILE" -u "$OVIRT_USERNAME:$OVIRT_PASSWORD" "$OVIRT_URL/clusters?search=name%3D{cluster}""#,
        ],
        caveats: &[
            "The cluster CPU type is the baseline every host must meet and every VM sees, which is what cluster EVC did; hosts below it become non-operational.",
            "Raising it reaches running VMs only after they restart; host-passthrough CPUs need the VM pinned to a host.",
        ],
        instead: "",
        signal: "",
        references: &[
            "https://docs.ansible.com/ansible/latest/collections/ovirt/ovirt/index.html",
            "https://www.ovirt.org/documentation/administration_guide/",
        ],
        effort: effort::SWAP,
    },
    Translation {
        construct: "vmware.vmotion.network_encryption",
        fidelity: Fidelity::Partial,
        replacement: &[
            r#"ansible localhost -m ovirt.ovirt.ovirt_cluster -a "name={cluster} migration_encrypted=true""#,
            r#"ansible localhost -m ovirt.ovirt.ovirt_cluster -a "name={cluster} migration_policy=post_copy migration_bandwidth=custom migration_bandwidth_limit=5000""#,
            r#"ansible localhost -m ovirt.ovirt.ovirt_network -a "name=$MIGRATION_NET data_center=$DC vlan_tag=$VLAN vm_network=false""#,
            r#"curl -s --cacert "$OVIRT_CAFILE" -u "$OVIRT_USERNAME:$OVIRT_PASSWORD" -H "Content-Type: application/xml" -X PUT -d '<network><usages><usage>migration</usage></usages></network>' "$OVIRT_URL/clusters/$CLUSTER_ID/networks/$NET_ID""#,
        ],
        caveats: &[
            "The migration network is a role given to a logical network per cluster; without it migrations use the management network.",
            "Encryption is a TLS switch on the cluster or VM migration options and costs throughput; bandwidth is a per-host cap, not NIOC shares.",
        ],
        instead: "",
        signal: "",
        references: &[
            "https://docs.ansible.com/ansible/latest/collections/ovirt/ovirt/index.html",
            "https://ovirt.github.io/ovirt-engine-api-model/master/",
        ],
        effort: effort::SWAP,
    },
    Translation {
        construct: "vmware.cold_migration",
        fidelity: Fidelity::Equivalent,
        replacement: &[
            r#"ansible localhost -m ovirt.ovirt.ovirt_vm -a "name={vm} state=stopped""#,
            r#"ansible localhost -m ovirt.ovirt.ovirt_disk -a "name=$DISK_NAME vm_name={vm} storage_domain={datastore}""#,
            r#"VM_ID=$(curl -s --cacert "$OVIRT_CAFILE" -u "$OVIRT_USERNAME:$OVIRT_PASSWORD" "$OVIRT_URL/vms?search=name%3D{vm}" | xmllint --xpath 'string(/vms/vm/@id)' -)"#,
            r#"curl -s --cacert "$OVIRT_CAFILE" -u "$OVIRT_USERNAME:$OVIRT_PASSWORD" -H "Content-Type: application/xml" -X PUT -d '<vm><cluster><name>{cluster}</name></cluster></vm>' "$OVIRT_URL/vms/$VM_ID""#,
        ],
        caveats: &[
            "A VM changes cluster only while it is down and only inside its data center; disks follow with separate disk moves.",
            "Going to another data center means export and import.",
        ],
        instead: "",
        signal: "",
        references: &[
            "https://ovirt.github.io/ovirt-engine-api-model/master/",
            "https://docs.ansible.com/ansible/latest/collections/ovirt/ovirt/index.html",
        ],
        effort: effort::SWAP,
    },
    Translation {
        construct: "vmware.spbm.storage_policy",
        fidelity: Fidelity::Partial,
        replacement: &[
            r#"ansible localhost -m ovirt.ovirt.ovirt_qos -a "name=$QOS data_center=$DC type=storage max_iops=2000""#,
            r#"ansible localhost -m ovirt.ovirt.ovirt_disk_profile -a "name=$PROFILE storage_domain={datastore} data_center=$DC qos=$QOS""#,
            r#"ansible localhost -m ovirt.ovirt.ovirt_disk -a "name=$DISK_NAME vm_name={vm} profile=$PROFILE""#,
        ],
        caveats: &[
            "Placement is decided by picking the storage domain; a disk profile only adds storage QoS caps (IOPS, throughput).",
            "Redundancy, RAID level, encryption or replication belong to the backend array, so there is no per-disk policy and no compliance check.",
        ],
        instead: "",
        signal: "",
        references: &[
            "https://docs.ansible.com/ansible/latest/collections/ovirt/ovirt/index.html",
            "https://www.ovirt.org/documentation/administration_guide/",
        ],
        effort: effort::REWRITE,
    },
    Translation {
        construct: "vmware.vsan.cluster",
        fidelity: Fidelity::Partial,
        replacement: &[
            r#"ansible localhost -m ovirt.ovirt.ovirt_storage_domain -a "name={datastore} host={host} data_center=$DC nfs='address=$NFS_SERVER path=$NFS_EXPORT'""#,
            r#"ansible localhost -m ovirt.ovirt.ovirt_storage_domain -a "name={datastore} host={host} data_center=$DC iscsi='address=$ISCSI_PORTAL target=$IQN lun_id=$LUN_ID'""#,
        ],
        caveats: &[
            "oVirt hosts no longer bring their own storage stack: Gluster hyperconverged is deprecated and unsupported on EL10 hosts, and cinderlib managed block storage is flagged the same way there.",
            "Plan on external shared storage (NFS, iSCSI, FC) that provides its own redundancy.",
        ],
        instead: "Adopt external shared storage (an array, or a Ceph or NFS cluster run separately) and present it as storage domains.",
        signal: "",
        references: &[
            "https://docs.ansible.com/ansible/latest/collections/ovirt/ovirt/index.html",
            "https://www.ovirt.org/documentation/administration_guide/",
        ],
        effort: effort::ADOPT,
    },
    Translation {
        construct: "vmware.vsan.ftt_raid",
        fidelity: Fidelity::Partial,
        replacement: &[
            r#"ansible localhost -m ovirt.ovirt.ovirt_disk -a "name=$DISK_NAME vm_name={vm} storage_domain={datastore}""#,
        ],
        caveats: &[
            "Failures to tolerate and RAID or erasure coding are decided by the array or pool behind a storage domain, for every disk on it.",
            "To give VMs different protection, offer several storage domains with different backing and place disks on the right one.",
        ],
        instead: "",
        signal: "",
        references: &[
            "https://docs.ansible.com/ansible/latest/collections/ovirt/ovirt/index.html",
            "https://www.ovirt.org/documentation/administration_guide/",
        ],
        effort: effort::REWRITE,
    },
    Translation {
        construct: "vmware.datastore",
        fidelity: Fidelity::Equivalent,
        replacement: &[
            r#"ansible localhost -m ovirt.ovirt.ovirt_storage_domain -a "name={datastore} host={host} data_center=$DC nfs='address=$NFS_SERVER path=$NFS_EXPORT'""#,
            r#"ansible localhost -m ovirt.ovirt.ovirt_storage_domain_info -a "pattern=name={datastore}""#,
            r#"ansible localhost -m ovirt.ovirt.ovirt_storage_domain -a "name={datastore} data_center=$DC state=maintenance""#,
        ],
        caveats: &[
            "A storage domain belongs to one data center at a time; one domain is the master and one host holds the SPM role for metadata changes.",
            "Block domains (iSCSI, FC) are LVM volume groups with one logical volume per disk volume, not a shared filesystem like VMFS.",
        ],
        instead: "",
        signal: "",
        references: &[
            "https://docs.ansible.com/ansible/latest/collections/ovirt/ovirt/index.html",
            "https://www.ovirt.org/documentation/administration_guide/",
        ],
        effort: effort::SWAP,
    },
    Translation {
        construct: "vmware.storage_drs",
        fidelity: Fidelity::None,
        replacement: &[
            r#"ansible localhost -m ovirt.ovirt.ovirt_disk -a "name=$DISK_NAME vm_name={vm} storage_domain={datastore}""#,
            r#"ansible localhost -m ovirt.ovirt.ovirt_storage_domain_info -a "pattern=name={datastore}""#,
        ],
        caveats: &[
            "There are no datastore clusters, no automatic initial placement across domains and no rebalancing of disks by space or latency.",
            "The engine only warns when a domain drops below its low-space threshold and blocks new disks at the critical threshold.",
        ],
        instead: "Watch domain usage and latency in the Grafana/DWH dashboards, move disks by hand or from a scheduled script, and tame noisy disks with storage QoS disk profiles.",
        signal: "",
        references: &[
            "https://ovirt.github.io/ovirt-engine-api-model/master/",
            "https://docs.ansible.com/ansible/latest/collections/ovirt/ovirt/index.html",
        ],
        effort: effort::REWRITE,
    },
    Translation {
        construct: "vmware.disk_provisioning",
        fidelity: Fidelity::Equivalent,
        replacement: &[
            r#"ansible localhost -m ovirt.ovirt.ovirt_disk -a "name=$DISK_NAME vm_name={vm} size=50GiB format=cow sparse=true interface=virtio_scsi storage_domain={datastore}""#,
            r#"ansible localhost -m ovirt.ovirt.ovirt_disk -a "name=$DISK_NAME vm_name={vm} size=50GiB format=raw sparse=false interface=virtio_scsi storage_domain={datastore}""#,
        ],
        caveats: &[
            "Thin is a sparse qcow2 (cow) disk and thick a preallocated raw one; there is no lazy versus eager zeroing, and wipe_after_delete zeroes a disk when it is removed.",
            "Format and allocation can't be changed in place; it takes a copy or a convert.",
        ],
        instead: "",
        signal: "",
        references: &[
            "https://docs.ansible.com/ansible/latest/collections/ovirt/ovirt/index.html",
            "https://ovirt.github.io/ovirt-engine-api-model/master/",
        ],
        effort: effort::SWAP,
    },
    Translation {
        construct: "vmware.vsan.stretched",
        fidelity: Fidelity::Partial,
        replacement: &[
            r#"ansible localhost -m ovirt.ovirt.ovirt_vm -a "name={vm} high_availability=true lease={datastore}""#,
            r#"ansible localhost -m ovirt.ovirt.ovirt_affinity_group -a "name=site-a cluster={cluster} vm_rule=disabled host_rule=positive host_enforcing=false vms={vm} hosts=$SITE_A_HOSTS""#,
            "ansible-playbook dr_play.yml -t fail_over",
        ],
        caveats: &[
            "Active-active is one engine with hosts of both sites in one cluster on storage that the array replicates and keeps writable at both sites, plus L2 stretched between sites; oVirt adds no replication or witness of its own.",
            "Soft VM-to-host affinity keeps VMs near their storage, and VM leases keep HA restarts safe after a site split.",
        ],
        instead: "Take synchronous replication and the site witness from the storage layer, or go active-passive with the ovirt.ovirt.disaster_recovery role.",
        signal: "",
        references: &[
            "https://www.ovirt.org/documentation/disaster_recovery_guide/",
            "https://docs.ansible.com/ansible/latest/collections/ovirt/ovirt/index.html",
        ],
        effort: effort::REDESIGN,
    },
    Translation {
        construct: "vmware.vsan.health",
        fidelity: Fidelity::Partial,
        replacement: &[
            r#"curl -s --cacert "$OVIRT_CAFILE" -u "$OVIRT_USERNAME:$OVIRT_PASSWORD" "$OVIRT_URL/storagedomains""#,
            "gluster volume status all detail",
            "ceph health detail",
        ],
        caveats: &[
            "The engine reports domain status and free space, but the health of the storage itself comes from its own tools (array management, ceph, gluster).",
            "Engine-managed Gluster volumes show brick and heal state in the Admin Portal, but Gluster support is being retired.",
        ],
        instead: "Monitor the storage backend with its own health checks and feed them into the same alerting as the hosts.",
        signal: "",
        references: &[
            "https://www.ovirt.org/documentation/administration_guide/",
            "https://ovirt.github.io/ovirt-engine-api-model/master/",
        ],
        effort: effort::ADOPT,
    },
    Translation {
        construct: "vmware.vds_portgroup",
        fidelity: Fidelity::Equivalent,
        replacement: &[
            r#"ansible localhost -m ovirt.ovirt.ovirt_network -a "name={network} data_center=$DC vlan_tag=$VLAN vm_network=true label=$NET_LABEL""#,
            r#"ansible localhost -m ovirt.ovirt.ovirt_host_network -a "name={host} interface=$HOST_NIC labels=$NET_LABEL""#,
            r#"ansible localhost -m ovirt.ovirt.ovirt_vnic_profile -a "name=$PROFILE network={network} data_center=$DC""#,
        ],
        caveats: &[
            "A logical network is defined once per data center, then attached to clusters and to host NICs; a network label lets hosts with a labelled NIC pick it up automatically.",
            "Per-port policy (QoS, mirroring, filters, pass-through) lives on vNIC profiles, and a host missing a required network becomes non-operational.",
        ],
        instead: "",
        signal: "",
        references: &[
            "https://docs.ansible.com/ansible/latest/collections/ovirt/ovirt/index.html",
            "https://www.ovirt.org/documentation/administration_guide/",
        ],
        effort: effort::SWAP,
    },
    Translation {
        construct: "vmware.vss",
        fidelity: Fidelity::Equivalent,
        replacement: &[
            r#"ansible localhost -m ovirt.ovirt.ovirt_host_network -a "name={host} interface=$HOST_NIC labels=$NET_LABEL""#,
            r#"HOST_ID=$(curl -s --cacert "$OVIRT_CAFILE" -u "$OVIRT_USERNAME:$OVIRT_PASSWORD" "$OVIRT_URL/hosts?search=name%3D{host}" | xmllint --xpath 'string(/hosts/host/@id)' -)"#,
            r#"curl -s --cacert "$OVIRT_CAFILE" -u "$OVIRT_USERNAME:$OVIRT_PASSWORD" "$OVIRT_URL/hosts/$HOST_ID/nics""#,
        ],
        caveats: &[
            "Host networking is still set from the engine (Setup Host Networks); changes made by hand on the host show as out of sync and are replaced on the next sync.",
            "Linux bridges, or OVS on OVN clusters, take the place of the vSwitch and its port groups.",
        ],
        instead: "",
        signal: "",
        references: &[
            "https://docs.ansible.com/ansible/latest/collections/ovirt/ovirt/index.html",
            "https://www.ovirt.org/documentation/administration_guide/",
        ],
        effort: effort::SWAP,
    },
    Translation {
        construct: "vmware.nsx.segment",
        fidelity: Fidelity::Partial,
        replacement: &[
            "openstack --os-cloud ovirt-ovn network create {network}",
            "openstack --os-cloud ovirt-ovn subnet create --network {network} --subnet-range $CIDR {network}-subnet",
            r#"ansible localhost -m ovirt.ovirt.ovirt_network -a "name={network} data_center=$DC external_provider=ovirt-provider-ovn""#,
        ],
        caveats: &[
            "ovirt-provider-ovn speaks a subset of the Neutron API: one subnet per network with DHCP on, one IP per port, and no transport zones, tags, NAT or load balancing.",
            "The openstack CLI talks to the provider with engine credentials (clouds.yaml entry, here ovirt-ovn), and new OVN networks must be imported into the data center before VMs can use them.",
        ],
        instead: "",
        signal: "",
        references: &[
            "https://github.com/oVirt/ovirt-provider-ovn",
            "https://docs.ansible.com/ansible/latest/collections/ovirt/ovirt/index.html",
        ],
        effort: effort::ADOPT,
    },
    Translation {
        construct: "vmware.nsx.dfw",
        fidelity: Fidelity::Partial,
        replacement: &[
            "openstack --os-cloud ovirt-ovn security group create $SG",
            "openstack --os-cloud ovirt-ovn security group rule create --ingress --protocol tcp --dst-port 443 --remote-ip $SOURCE_CIDR $SG",
            "openstack --os-cloud ovirt-ovn port set --security-group $SG $PORT_ID",
            r#"ansible localhost -m ovirt.ovirt.ovirt_vnic_profile -a "name=$PROFILE network={network} data_center=$DC network_filter=clean-traffic""#,
        ],
        caveats: &[
            "Stateful security groups with Neutron semantics exist only on OVN networks served by ovirt-provider-ovn and are managed with the openstack CLI or Ansible openstack modules, not the Admin Portal.",
            "On bridged VLAN networks the only filter is a libvirt nwfilter on the vNIC profile (anti-spoofing, clean-traffic), with no L4 rules.",
            "There are no tag-driven groups, L7 rules or central hit counters.",
        ],
        instead: "",
        signal: "",
        references: &[
            "https://github.com/oVirt/ovirt-provider-ovn",
            "https://docs.ansible.com/ansible/latest/collections/ovirt/ovirt/index.html",
        ],
        effort: effort::ADOPT,
    },
    Translation {
        construct: "vmware.nsx.groups_tags",
        fidelity: Fidelity::None,
        replacement: &[],
        caveats: &[
            "Security group membership is set port by port, and oVirt tags have no link to networking, so nothing updates membership when a VM is tagged.",
        ],
        instead: "Generate membership from inventory: a script or Ansible play reads oVirt tags (or the CMDB) and sets security groups on the matching OVN ports after every change, or keep the policy in an external firewall with dynamic address objects.",
        signal: "",
        references: &[
            "https://github.com/oVirt/ovirt-provider-ovn",
            "https://ovirt.github.io/ovirt-engine-api-model/master/",
        ],
        effort: effort::REDESIGN,
    },
    Translation {
        construct: "vmware.nsx.gateway",
        fidelity: Fidelity::Partial,
        replacement: &[
            "openstack --os-cloud ovirt-ovn router create {network}-router",
            "openstack --os-cloud ovirt-ovn router add subnet {network}-router $SUBNET",
            "openstack --os-cloud ovirt-ovn router set --external-gateway $EXTERNAL_NET --disable-snat {network}-router",
        ],
        caveats: &[
            "OVN logical routers give east-west routing, static routes and an external gateway without SNAT; there is no NAT, floating IP, BGP or edge service.",
            "North-south traffic needs routes on the physical network toward the router, or a router or firewall VM.",
        ],
        instead: "",
        signal: "",
        references: &["https://github.com/oVirt/ovirt-provider-ovn"],
        effort: effort::ADOPT,
    },
    Translation {
        construct: "vmware.nsx.lb_vpn",
        fidelity: Fidelity::None,
        replacement: &[],
        caveats: &[
            "Neither the engine nor ovirt-provider-ovn provides load balancers or VPN endpoints.",
        ],
        instead: "Run load balancers and VPN gateways as VMs (HAProxy with keepalived, a virtual F5 or Avi, strongSwan or WireGuard, or a firewall appliance such as OPNsense) and protect them with HA and anti-affinity groups.",
        signal: "",
        references: &[
            "https://github.com/oVirt/ovirt-provider-ovn",
            "https://www.ovirt.org/documentation/administration_guide/",
        ],
        effort: effort::ADOPT,
    },
    Translation {
        construct: "vmware.vds_advanced",
        fidelity: Fidelity::Partial,
        replacement: &[
            r#"HOST_ID=$(curl -s --cacert "$OVIRT_CAFILE" -u "$OVIRT_USERNAME:$OVIRT_PASSWORD" "$OVIRT_URL/hosts?search=name%3D{host}" | xmllint --xpath 'string(/hosts/host/@id)' -)"#,
            r#"curl -s --cacert "$OVIRT_CAFILE" -u "$OVIRT_USERNAME:$OVIRT_PASSWORD" -H "Content-Type: application/xml" -d '<action><modified_bonds><host_nic><name>bond0</name><bonding><options><option><name>mode</name><value>4</value></option></options><slaves><host_nic><name>eno1</name></host_nic><host_nic><name>eno2</name></host_nic></slaves></bonding></host_nic></modified_bonds></action>' "$OVIRT_URL/hosts/$HOST_ID/setupnetworks""#,
            r#"ansible localhost -m ovirt.ovirt.ovirt_vnic_profile -a "name=$PROFILE network={network} data_center=$DC qos=$NET_QOS""#,
        ],
        caveats: &[
            "LACP is bond mode 4 set per host through the engine; the switch side stays as it is.",
            "PVLAN and NIOC shares have no counterpart: host network QoS gives weighted shares and rate limits per logical network, and vNIC QoS caps each VM NIC.",
        ],
        instead: "",
        signal: "",
        references: &[
            "https://ovirt.github.io/ovirt-engine-api-model/master/",
            "https://www.ovirt.org/documentation/administration_guide/",
        ],
        effort: effort::REWRITE,
    },
    Translation {
        construct: "vmware.port_mirroring",
        fidelity: Fidelity::Equivalent,
        replacement: &[
            r#"ansible localhost -m ovirt.ovirt.ovirt_vnic_profile -a "name=$MIRROR_PROFILE network={network} data_center=$DC port_mirroring=true""#,
            r#"ansible localhost -m ovirt.ovirt.ovirt_nic -a "vm=$SNIFFER_VM name=nic2 network={network} profile=$MIRROR_PROFILE""#,
        ],
        caveats: &[
            "Mirroring is a vNIC profile property: a VM NIC on that profile receives a copy of the network's traffic on its current host only.",
            "There is no RSPAN or ERSPAN to a remote collector, so run the capture VM on each host you need to see.",
        ],
        instead: "",
        signal: "",
        references: &[
            "https://docs.ansible.com/ansible/latest/collections/ovirt/ovirt/index.html",
            "https://ovirt.github.io/ovirt-engine-api-model/master/",
        ],
        effort: effort::SWAP,
    },
    Translation {
        construct: "vmware.perf.cpu_ready",
        fidelity: Fidelity::None,
        replacement: &[
            "ssh root@{host} virsh -r domstats --vcpu {vm}",
            "ssh $GUEST_USER@{vm} vmstat 5 5",
        ],
        caveats: &[
            "Neither the REST statistics nor the Data Warehouse record how long a runnable vCPU waited for a physical CPU.",
            "The closest counter is libvirt's vcpu.<n>.delay on the host (newer libvirt), which guests see as steal time.",
        ],
        instead: "Adopt a host-side exporter (prometheus-libvirt-exporter, or node_exporter with schedstat) and alert on per-VM vCPU delay, or on steal time from the guests' own monitoring.",
        signal: "Host: virsh -r domstats --vcpu field vcpu.<n>.delay (cumulative ns queued by the host scheduler), scraped by prometheus-libvirt-exporter; guest: CPU steal time (node_exporter node_cpu_seconds_total with mode=steal).",
        references: &[
            "https://libvirt.org/manpages/virsh.html",
            "https://ovirt.github.io/ovirt-engine-api-model/master/",
        ],
        effort: effort::ADOPT,
    },
    Translation {
        construct: "vmware.perf.memory",
        fidelity: Fidelity::Partial,
        replacement: &[
            r#"VM_ID=$(curl -s --cacert "$OVIRT_CAFILE" -u "$OVIRT_USERNAME:$OVIRT_PASSWORD" "$OVIRT_URL/vms?search=name%3D{vm}" | xmllint --xpath 'string(/vms/vm/@id)' -)"#,
            r#"curl -s --cacert "$OVIRT_CAFILE" -u "$OVIRT_USERNAME:$OVIRT_PASSWORD" "$OVIRT_URL/vms/$VM_ID/statistics""#,
            "ssh root@{host} virsh -r domstats --balloon {vm}",
        ],
        caveats: &[
            "Engine statistics give installed, used, free, buffered and cached memory, but the guest-side figures come from the guest agent and stay empty without it.",
            "Ballooning and KSM are driven per host by MoM under the cluster's memory optimisation setting; vSphere's active, consumed and compressed counters have no match.",
        ],
        instead: "",
        signal: "REST /vms/$VM_ID/statistics memory.installed, memory.used, memory.free, memory.buffered, memory.cached; DWH memory_usage_percent; host virsh -r domstats --balloon balloon.current, balloon.rss, balloon.swap_in, balloon.swap_out, balloon.major_fault.",
        references: &[
            "https://ovirt.github.io/ovirt-engine-api-model/master/",
            "https://libvirt.org/manpages/virsh.html",
        ],
        effort: effort::REWRITE,
    },
    Translation {
        construct: "vmware.perf.disk_latency",
        fidelity: Fidelity::Partial,
        replacement: &[
            r#"curl -s --cacert "$OVIRT_CAFILE" -u "$OVIRT_USERNAME:$OVIRT_PASSWORD" "$OVIRT_URL/disks/$DISK_ID/statistics""#,
            "ssh root@{host} virsh -r domstats --block {vm}",
        ],
        caveats: &[
            "Latency is reported per VM disk (read, write and flush, in seconds), not per datastore or device queue, and with no kernel/device split.",
            "Storage-domain latency has to come from the hosts (iostat on the multipath devices) or the array.",
        ],
        instead: "",
        signal: "REST /disks/$DISK_ID/statistics disk.read.latency, disk.write.latency, disk.flush.latency (seconds), data.current.read, data.current.write; host virsh -r domstats --block block.<n>.rd.times, wr.times, fl.times divided by rd.reqs, wr.reqs, fl.reqs.",
        references: &[
            "https://ovirt.github.io/ovirt-engine-api-model/master/",
            "https://libvirt.org/manpages/virsh.html",
            "https://libvirt.org/news.html",
        ],
        effort: effort::REWRITE,
    },
    Translation {
        construct: "vmware.perf.api",
        fidelity: Fidelity::Partial,
        replacement: &[
            r#"VM_ID=$(curl -s --cacert "$OVIRT_CAFILE" -u "$OVIRT_USERNAME:$OVIRT_PASSWORD" "$OVIRT_URL/vms?search=name%3D{vm}" | xmllint --xpath 'string(/vms/vm/@id)' -)"#,
            r#"curl -s --cacert "$OVIRT_CAFILE" -u "$OVIRT_USERNAME:$OVIRT_PASSWORD" "$OVIRT_URL/vms/$VM_ID/statistics""#,
            r#"HOST_ID=$(curl -s --cacert "$OVIRT_CAFILE" -u "$OVIRT_USERNAME:$OVIRT_PASSWORD" "$OVIRT_URL/hosts?search=name%3D{host}" | xmllint --xpath 'string(/hosts/host/@id)' -)"#,
            r#"curl -s --cacert "$OVIRT_CAFILE" -u "$OVIRT_USERNAME:$OVIRT_PASSWORD" "$OVIRT_URL/hosts/$HOST_ID/statistics""#,
            r#"psql -h "$DWH_DB_HOST" -U ovirt_engine_history ovirt_engine_history -c "SELECT * FROM v4_4_statistics_vms_resources_usage_hourly ORDER BY history_datetime DESC LIMIT 20""#,
            "ssh root@{host} virsh -r domstats {vm}",
        ],
        caveats: &[
            "REST statistics are current values refreshed every few seconds, not a history you can query by interval.",
            "History lives in the Data Warehouse database (ovirt_engine_history) as samples, hourly and daily rows, which the Grafana Monitoring Portal reads.",
            "There is no esxtop; on a host use virsh -r domstats, top or perf.",
        ],
        instead: "",
        signal: "REST statistics (cpu.current.guest, cpu.current.hypervisor, cpu.current.total, memory.*, NIC rx/tx, disk latency); DWH views v4_4_statistics_vms_resources_usage_* and v4_4_statistics_hosts_resources_usage_*; Grafana Monitoring Portal on the engine.",
        references: &[
            "https://ovirt.github.io/ovirt-engine-api-model/master/",
            "https://www.ovirt.org/develop/release-management/features/grafana/grafana.html",
            "https://libvirt.org/manpages/virsh.html",
        ],
        effort: effort::REWRITE,
    },
    Translation {
        construct: "vmware.vrops.alerts",
        fidelity: Fidelity::Partial,
        replacement: &[
            r#"ansible localhost -m ovirt.ovirt.ovirt_event_info -a "search=severity=alert max=50""#,
            r#"ansible localhost -m ovirt.ovirt.ovirt_event_info -a "search=severity=error max=50""#,
        ],
        caveats: &[
            "oVirt emits events by severity and can mail or trap them, and Grafana on the Data Warehouse can alert on thresholds, but there is no symptom and recommendation engine, no badges and no metric key catalogue.",
            "Alert definitions have to be rebuilt as Grafana or Prometheus rules.",
        ],
        instead: "Rebuild alert definitions in Grafana on the Data Warehouse, or in Prometheus Alertmanager fed by prometheus-libvirt-exporter and node_exporter on the hosts.",
        signal: "Engine events by severity (REST /events, ovirt_event_info, notifier mail or SNMP); Grafana alert rules on DWH views; Prometheus rules on libvirt and node exporter metrics.",
        references: &[
            "https://www.ovirt.org/documentation/administration_guide/",
            "https://docs.ansible.com/ansible/latest/collections/ovirt/ovirt/index.html",
            "https://www.ovirt.org/develop/release-management/features/grafana/grafana.html",
        ],
        effort: effort::ADOPT,
    },
    Translation {
        construct: "vmware.vrops.capacity_rightsizing",
        fidelity: Fidelity::Partial,
        replacement: &[
            r#"psql -h "$DWH_DB_HOST" -U ovirt_engine_history ovirt_engine_history -c "SELECT vm_id, avg(cpu_usage_percent), max(memory_usage_percent) FROM v4_4_statistics_vms_resources_usage_daily GROUP BY vm_id""#,
        ],
        caveats: &[
            "The Data Warehouse keeps usage history per VM and host and Grafana shows trends, but there is no what-if modelling, rightsizing advice or time-remaining forecast.",
            "Rightsizing becomes your own query comparing configured vCPU and memory with observed peaks.",
        ],
        instead: "Build rightsizing and capacity reports as SQL or Grafana panels over the Data Warehouse, or feed its data to a capacity tool.",
        signal: "DWH v4_4_statistics_vms_resources_usage_daily and _hourly (cpu_usage_percent, memory_usage_percent) and v4_4_statistics_hosts_resources_usage_*, shown in the Grafana trend and inventory dashboards.",
        references: &[
            "https://www.ovirt.org/develop/release-management/features/grafana/grafana.html",
            "https://www.ovirt.org/documentation/administration_guide/",
        ],
        effort: effort::ADOPT,
    },
    Translation {
        construct: "vmware.vcenter.alarms",
        fidelity: Fidelity::Partial,
        replacement: &[
            r#"printf 'MAIL_SERVER=%s\nMAIL_FROM=%s\n' "$SMTP_HOST" "$MAIL_FROM" > /etc/ovirt-engine/notifier/notifier.conf.d/90-mail.conf && systemctl restart ovirt-engine-notifier"#,
            r#"curl -s --cacert "$OVIRT_CAFILE" -u "$OVIRT_USERNAME:$OVIRT_PASSWORD" -H "Content-Type: application/xml" -d "<event_subscription><event>vm_down_error</event><address>$ONCALL_MAIL</address></event_subscription>" "$OVIRT_URL/users/$USER_ID/eventsubscriptions""#,
            r#"ansible localhost -m ovirt.ovirt.ovirt_event_info -a "search=severity=error max=20""#,
        ],
        caveats: &[
            "Alarms are a fixed set of engine events that users subscribe to; you cannot define new metric thresholds with actions.",
            "Delivery is by mail through ovirt-engine-notifier, or SNMP traps set only in the notifier files; scripted alarm actions do not exist.",
        ],
        instead: "",
        signal: "Engine audit events with severity (REST /events), ovirt-engine-notifier mail and SNMP traps (SNMP_MANAGERS), Grafana alerts for threshold-style alarms.",
        references: &[
            "https://www.ovirt.org/documentation/administration_guide/",
            "https://ovirt.github.io/ovirt-engine-api-model/master/",
        ],
        effort: effort::REWRITE,
    },
    Translation {
        construct: "vmware.events_tasks",
        fidelity: Fidelity::Equivalent,
        replacement: &[
            r#"ansible localhost -m ovirt.ovirt.ovirt_event_info -a "max=100""#,
            r#"curl -s --cacert "$OVIRT_CAFILE" -u "$OVIRT_USERNAME:$OVIRT_PASSWORD" "$OVIRT_URL/events?max=100""#,
            r#"curl -s --cacert "$OVIRT_CAFILE" -u "$OVIRT_USERNAME:$OVIRT_PASSWORD" "$OVIRT_URL/jobs""#,
            "tail -f /var/log/ovirt-engine/engine.log",
        ],
        caveats: &[
            "Events are an audit log with increasing indexes, so poll with from=<last index> to follow new ones; long operations show as jobs with steps.",
            "There is no per-object task list with percentages; pass a Correlation-Id header on a call to find its job afterwards.",
        ],
        instead: "",
        signal: "REST /events (index, severity, code, description, VM and host references) and /jobs with steps; engine.log on the engine.",
        references: &[
            "https://ovirt.github.io/ovirt-engine-api-model/master/",
            "https://docs.ansible.com/ansible/latest/collections/ovirt/ovirt/index.html",
        ],
        effort: effort::SWAP,
    },
    Translation {
        construct: "vmware.loginsight_syslog",
        fidelity: Fidelity::Equivalent,
        replacement: &[
            r#"echo "*.* @@$LOG_SERVER:514" > /etc/rsyslog.d/90-forward.conf && systemctl restart rsyslog"#,
            r#"printf 'module(load="imfile")\ninput(type="imfile" File="/var/log/vdsm/vdsm.log" Tag="vdsm:")\n' > /etc/rsyslog.d/10-vdsm.conf && systemctl restart rsyslog"#,
        ],
        caveats: &[
            "Hosts and the engine are ordinary EL machines whose journal and rsyslog forward system logs, but engine.log and vdsm.log are plain files that need rsyslog imfile or a log shipper.",
            "The engine's event log sits in its database; ship it through the API if the SIEM needs it.",
        ],
        instead: "",
        signal: "Host journal and syslog plus /var/log/vdsm/vdsm.log and /var/log/libvirt/qemu/<vm>.log; engine /var/log/ovirt-engine/engine.log and server.log, forwarded by rsyslog imfile or a shipper such as Fluent Bit or Vector.",
        references: &["https://www.ovirt.org/documentation/administration_guide/"],
        effort: effort::SWAP,
    },
    Translation {
        construct: "vmware.vadp",
        fidelity: Fidelity::Equivalent,
        replacement: &[
            r#"VM_ID=$(curl -s --cacert "$OVIRT_CAFILE" -u "$OVIRT_USERNAME:$OVIRT_PASSWORD" "$OVIRT_URL/vms?search=name%3D{vm}" | xmllint --xpath 'string(/vms/vm/@id)' -)"#,
            "python3 /usr/share/doc/python3-ovirt-engine-sdk4/examples/backup_vm.py -c engine full --backup-dir /var/backup/{vm} $VM_ID",
            r#"curl -s --cacert "$OVIRT_CAFILE" -u "$OVIRT_USERNAME:$OVIRT_PASSWORD" -H "Content-Type: application/xml" -d "<backup><disks><disk id='$DISK_ID'/></disks></backup>" "$OVIRT_URL/vms/$VM_ID/backups""#,
            r#"curl -s --cacert "$OVIRT_CAFILE" -u "$OVIRT_USERNAME:$OVIRT_PASSWORD" -H "Content-Type: application/xml" -d '<action/>' "$OVIRT_URL/vms/$VM_ID/backups/$BACKUP_ID/finalize""#,
        ],
        caveats: &[
            "A backup is started on the VM, each disk is read through an ovirt-imageio image transfer over HTTPS, and the backup must then be finalized; until then shutdown and stop need force and other disk operations wait.",
            "There are no SAN or hot-add transport modes, and backup products need an oVirt integration in place of VDDK.",
        ],
        instead: "",
        signal: "",
        references: &[
            "https://ovirt.github.io/ovirt-engine-api-model/master/",
            "https://www.ovirt.org/documentation/incremental-backup-guide/incremental-backup-guide.html",
        ],
        effort: effort::ADOPT,
    },
    Translation {
        construct: "vmware.cbt",
        fidelity: Fidelity::Equivalent,
        replacement: &[
            r#"ansible localhost -m ovirt.ovirt.ovirt_disk -a "name=$DISK_NAME vm_name={vm} backup=incremental""#,
            r#"VM_ID=$(curl -s --cacert "$OVIRT_CAFILE" -u "$OVIRT_USERNAME:$OVIRT_PASSWORD" "$OVIRT_URL/vms?search=name%3D{vm}" | xmllint --xpath 'string(/vms/vm/@id)' -)"#,
            "python3 /usr/share/doc/python3-ovirt-engine-sdk4/examples/backup_vm.py -c engine incremental --from-checkpoint-uuid $CHECKPOINT_ID --backup-dir /var/backup/{vm} $VM_ID",
            r#"curl -s --cacert "$OVIRT_CAFILE" -u "$OVIRT_USERNAME:$OVIRT_PASSWORD" "$OVIRT_URL/vms/$VM_ID/checkpoints""#,
        ],
        caveats: &[
            "Changed blocks are tracked with qcow2 dirty bitmaps recorded as VM checkpoints; only qcow2 disks with backup mode incremental qualify, raw disks always get full backups.",
            "An unclean shutdown or a lost checkpoint breaks the chain and makes the next backup a full one.",
        ],
        instead: "",
        signal: "",
        references: &[
            "https://www.ovirt.org/documentation/incremental-backup-guide/incremental-backup-guide.html",
            "https://ovirt.github.io/ovirt-engine-api-model/master/",
            "https://qemu.org/docs/master/interop/bitmaps.html",
        ],
        effort: effort::SWAP,
    },
    Translation {
        construct: "vmware.backup.app_consistency",
        fidelity: Fidelity::Equivalent,
        replacement: &[
            r#"VM_ID=$(curl -s --cacert "$OVIRT_CAFILE" -u "$OVIRT_USERNAME:$OVIRT_PASSWORD" "$OVIRT_URL/vms?search=name%3D{vm}" | xmllint --xpath 'string(/vms/vm/@id)' -)"#,
            r#"curl -s --cacert "$OVIRT_CAFILE" -u "$OVIRT_USERNAME:$OVIRT_PASSWORD" -H "Content-Type: application/xml" -d "<backup><disks><disk id='$DISK_ID'/></disks></backup>" "$OVIRT_URL/vms/$VM_ID/backups?require_consistency=true""#,
            r#"curl -s --cacert "$OVIRT_CAFILE" -u "$OVIRT_USERNAME:$OVIRT_PASSWORD" -H "Content-Type: application/xml" -d '<action/>' "$OVIRT_URL/vms/$VM_ID/freezefilesystems""#,
            r#"curl -s --cacert "$OVIRT_CAFILE" -u "$OVIRT_USERNAME:$OVIRT_PASSWORD" -H "Content-Type: application/xml" -d '<action/>' "$OVIRT_URL/vms/$VM_ID/thawfilesystems""#,
        ],
        caveats: &[
            "Consistency comes from a filesystem freeze through qemu-guest-agent (VSS on Windows); with require_consistency=true the backup fails when the freeze fails, otherwise it quietly goes ahead crash-consistent.",
            "Application pre/post steps move to qemu-ga fsfreeze hook scripts or to the backup product.",
        ],
        instead: "",
        signal: "",
        references: &[
            "https://ovirt.github.io/ovirt-engine-api-model/master/",
            "https://www.ovirt.org/documentation/incremental-backup-guide/incremental-backup-guide.html",
        ],
        effort: effort::SWAP,
    },
    Translation {
        construct: "vmware.backup.restore",
        fidelity: Fidelity::Partial,
        replacement: &[
            "python3 /usr/share/doc/python3-ovirt-engine-sdk4/examples/upload_disk.py -c engine --sd-name {datastore} --disk-format qcow2 --disk-sparse /var/backup/{vm}/$DISK_FILE",
            r#"ansible localhost -m ovirt.ovirt.ovirt_disk -a "id=$DISK_ID vm_name={vm} bootable=true interface=virtio_scsi state=attached""#,
        ],
        caveats: &[
            "Restore is assembled by hand: upload the backed-up images (incremental files rebased onto their full backup with qemu-img first) and attach them to a VM rebuilt from the saved configuration.",
            "Instant recovery and file-level restore are features of the backup product, not of oVirt.",
        ],
        instead: "",
        signal: "",
        references: &[
            "https://www.ovirt.org/documentation/incremental-backup-guide/incremental-backup-guide.html",
            "https://ovirt.github.io/ovirt-engine-api-model/master/",
        ],
        effort: effort::REWRITE,
    },
    Translation {
        construct: "vmware.drs",
        fidelity: Fidelity::Equivalent,
        replacement: &[
            r#"ansible localhost -m ovirt.ovirt.ovirt_cluster -a "name={cluster} scheduling_policy=evenly_distributed""#,
            r#"ansible localhost -m ovirt.ovirt.ovirt_cluster -a "name={cluster} scheduling_policy=vm_evenly_distributed""#,
            r#"ansible localhost -m ovirt.ovirt.ovirt_cluster -a "name={cluster} scheduling_policy=none""#,
        ],
        caveats: &[
            "Balancing is the cluster's scheduling policy (evenly_distributed, vm_evenly_distributed, power_saving, cluster_maintenance, none); there is no mode that only recommends.",
            "The balancer runs about once a minute and moves one VM per run, tuned by policy properties such as HighUtilization and CpuOverCommitDurationMinutes.",
        ],
        instead: "",
        signal: "",
        references: &[
            "https://access.redhat.com/documentation/en-us/red_hat_virtualization/4.4/html/technical_reference/load_balancing_policy",
            "https://docs.ansible.com/ansible/latest/collections/ovirt/ovirt/index.html",
        ],
        effort: effort::SWAP,
    },
    Translation {
        construct: "vmware.drs.vm_vm_rules",
        fidelity: Fidelity::Equivalent,
        replacement: &[
            r#"ansible localhost -m ovirt.ovirt.ovirt_affinity_group -a "name=$RULE cluster={cluster} vm_rule=negative vm_enforcing=true vms={vm},$OTHER_VM""#,
            r#"ansible localhost -m ovirt.ovirt.ovirt_affinity_group -a "name=$RULE cluster={cluster} vm_rule=positive vm_enforcing=false vms={vm},$OTHER_VM""#,
        ],
        caveats: &[
            "Enforcing groups are hard rules that block a start or migration breaking them; non-enforcing groups only weigh the scheduler's choice.",
            "Groups belong to one cluster and list their VMs explicitly.",
        ],
        instead: "",
        signal: "",
        references: &[
            "https://docs.ansible.com/ansible/latest/collections/ovirt/ovirt/index.html",
            "https://ovirt.github.io/ovirt-engine-api-model/master/",
        ],
        effort: effort::SWAP,
    },
    Translation {
        construct: "vmware.drs.vm_host_rules",
        fidelity: Fidelity::Equivalent,
        replacement: &[
            r#"ansible localhost -m ovirt.ovirt.ovirt_affinity_group -a "name=$RULE cluster={cluster} vm_rule=disabled host_rule=positive host_enforcing=true vms={vm} hosts={host}""#,
            r#"ansible localhost -m ovirt.ovirt.ovirt_affinity_group -a "name=$RULE cluster={cluster} vm_rule=disabled host_rule=negative host_enforcing=false vms={vm} hosts={host}""#,
            r#"ansible localhost -m ovirt.ovirt.ovirt_affinity_label -a "name=$LABEL cluster={cluster} vms={vm} hosts={host}""#,
        ],
        caveats: &[
            "Must or should run on map to a positive host rule with host_enforcing true or false; must not or should not use a negative host rule.",
            "Hard host rules can stall host maintenance when no allowed host is left, so keep at least two hosts in them.",
        ],
        instead: "",
        signal: "",
        references: &["https://docs.ansible.com/ansible/latest/collections/ovirt/ovirt/index.html"],
        effort: effort::SWAP,
    },
    Translation {
        construct: "vmware.drs.vm_override",
        fidelity: Fidelity::Equivalent,
        replacement: &[
            r#"ansible localhost -m ovirt.ovirt.ovirt_vm -a "name={vm} placement_policy=pinned host={host}""#,
            r#"ansible localhost -m ovirt.ovirt.ovirt_vm -a "name={vm} placement_policy=user_migratable""#,
            r#"ansible localhost -m ovirt.ovirt.ovirt_vm -a "name={vm} placement_policy=migratable""#,
        ],
        caveats: &[
            "The per-VM knob is its migration mode: migratable (the scheduler may move it), user_migratable (manual moves only) or pinned (never moves, so it must be shut down for host maintenance).",
            "Balancing cannot be switched off for one VM separately from its migration mode.",
        ],
        instead: "",
        signal: "",
        references: &[
            "https://docs.ansible.com/ansible/latest/collections/ovirt/ovirt/index.html",
            "https://ovirt.github.io/ovirt-engine-api-model/master/",
        ],
        effort: effort::SWAP,
    },
    Translation {
        construct: "vmware.resource_pools",
        fidelity: Fidelity::Partial,
        replacement: &[
            r#"ansible localhost -m ovirt.ovirt.ovirt_vm -a "name={vm} cpu_shares=2048 memory_guaranteed=4GiB""#,
            r#"CLUSTER_ID=$(curl -s --cacert "$OVIRT_CAFILE" -u "$OVIRT_USERNAME:$OVIRT_PASSWORD" "$OVIRT_URL/clusters?search=name%3D{cluster}" | xmllint --xpath 'string(/clusters/cluster/@id)' -)"#,
            r#"curl -s --cacert "$OVIRT_CAFILE" -u "$OVIRT_USERNAME:$OVIRT_PASSWORD" -H "Content-Type: application/xml" -d "<cpu_profile><name>$CPU_PROFILE</name><qos id='$CPU_QOS_ID'/></cpu_profile>" "$OVIRT_URL/clusters/$CLUSTER_ID/cpuprofiles""#,
        ],
        caveats: &[
            "There is no hierarchy of pools: shares and guaranteed memory are set per VM, CPU limits come from CPU QoS through cluster CPU profiles, and quotas cap what users may consume per data center.",
            "Guaranteed memory is what a host must have free to start the VM and the floor below which ballooning will not go.",
        ],
        instead: "",
        signal: "",
        references: &[
            "https://docs.ansible.com/ansible/latest/collections/ovirt/ovirt/index.html",
            "https://www.ovirt.org/documentation/administration_guide/",
            "https://ovirt.github.io/ovirt-engine-api-model/master/",
        ],
        effort: effort::REWRITE,
    },
    Translation {
        construct: "vmware.dpm",
        fidelity: Fidelity::Equivalent,
        replacement: &[
            r#"ansible localhost -m ovirt.ovirt.ovirt_cluster -a "name={cluster} scheduling_policy=power_saving""#,
            r#"ansible localhost -m ovirt.ovirt.ovirt_host_pm -a "name={host} address=$BMC_ADDRESS username=$BMC_USER password=$BMC_PASSWORD type=ipmilan""#,
        ],
        caveats: &[
            "power_saving packs VMs onto fewer hosts and, with the policy properties EnableAutomaticHostPowerManagement and HostsInReserve, powers idle hosts off and back on.",
            "Hosts are switched through their fence agents, so each one needs working power management.",
        ],
        instead: "",
        signal: "",
        references: &[
            "https://access.redhat.com/documentation/en-us/red_hat_enterprise_virtualization/3.6/html/technical_reference/load_balancing_policy_power_saving",
            "https://docs.ansible.com/ansible/latest/collections/ovirt/ovirt/index.html",
        ],
        effort: effort::SWAP,
    },
    Translation {
        construct: "vmware.drs.recommendations",
        fidelity: Fidelity::None,
        replacement: &[],
        caveats: &[
            "When balancing is on the engine acts by itself; there is no queue of proposed migrations to review and apply, and no predictive balancing from trends.",
        ],
        instead: "Either let the cluster policy act, or set it to none and review load in the Grafana dashboards before migrating by hand; use Data Warehouse history for planning.",
        signal: "",
        references: &[
            "https://access.redhat.com/documentation/en-us/red_hat_virtualization/4.4/html/technical_reference/load_balancing_policy",
            "https://docs.ansible.com/ansible/latest/collections/ovirt/ovirt/index.html",
        ],
        effort: effort::REWRITE,
    },
    Translation {
        construct: "vmware.vcls",
        fidelity: Fidelity::None,
        replacement: &[],
        caveats: &[
            "oVirt runs no agent VMs for cluster services: scheduling and HA live in the engine, with vdsm and sanlock on the hosts.",
        ],
        instead: "Drop the step: there is no retreat mode to toggle, and host maintenance needs only the host put into maintenance.",
        signal: "",
        references: &["https://www.ovirt.org/documentation/administration_guide/"],
        effort: effort::SWAP,
    },
    Translation {
        construct: "vmware.snapshot.create",
        fidelity: Fidelity::Equivalent,
        replacement: &[
            r#"ansible localhost -m ovirt.ovirt.ovirt_snapshot -a "vm_name={vm} description={snapshot} use_memory=false""#,
            r#"VM_ID=$(curl -s --cacert "$OVIRT_CAFILE" -u "$OVIRT_USERNAME:$OVIRT_PASSWORD" "$OVIRT_URL/vms?search=name%3D{vm}" | xmllint --xpath 'string(/vms/vm/@id)' -)"#,
            r#"curl -s --cacert "$OVIRT_CAFILE" -u "$OVIRT_USERNAME:$OVIRT_PASSWORD" -H "Content-Type: application/xml" -d '<snapshot><description>{snapshot}</description><persist_memorystate>false</persist_memorystate></snapshot>' "$OVIRT_URL/vms/$VM_ID/snapshots""#,
        ],
        caveats: &[
            "Snapshots have an ID and a description but no name, so scripts find them by description.",
            "Unless persist_memorystate is false (use_memory=false in Ansible), a running VM's memory is saved as well and the VM pauses meanwhile.",
        ],
        instead: "",
        signal: "",
        references: &[
            "https://ovirt.github.io/ovirt-engine-api-model/master/",
            "https://docs.ansible.com/ansible/latest/collections/ovirt/ovirt/index.html",
        ],
        effort: effort::SWAP,
    },
    Translation {
        construct: "vmware.snapshot.memory",
        fidelity: Fidelity::Equivalent,
        replacement: &[
            r#"ansible localhost -m ovirt.ovirt.ovirt_snapshot -a "vm_name={vm} description={snapshot} use_memory=true""#,
        ],
        caveats: &[
            "The VM is paused while its RAM is written to a memory volume on the storage domain, so allow for time and space about the size of its memory.",
            "The memory is used on revert only when restore_memory is asked for; otherwise the VM boots cold from the disks.",
        ],
        instead: "",
        signal: "",
        references: &[
            "https://docs.ansible.com/ansible/latest/collections/ovirt/ovirt/index.html",
            "https://ovirt.github.io/ovirt-engine-api-model/master/",
        ],
        effort: effort::SWAP,
    },
    Translation {
        construct: "vmware.snapshot.quiesce",
        fidelity: Fidelity::Equivalent,
        replacement: &[
            r#"ansible localhost -m ovirt.ovirt.ovirt_snapshot -a "vm_name={vm} description={snapshot} use_memory=false""#,
            r#"VM_ID=$(curl -s --cacert "$OVIRT_CAFILE" -u "$OVIRT_USERNAME:$OVIRT_PASSWORD" "$OVIRT_URL/vms?search=name%3D{vm}" | xmllint --xpath 'string(/vms/vm/@id)' -)"#,
            r#"curl -s --cacert "$OVIRT_CAFILE" -u "$OVIRT_USERNAME:$OVIRT_PASSWORD" -H "Content-Type: application/xml" -d '<action/>' "$OVIRT_URL/vms/$VM_ID/freezefilesystems""#,
            r#"curl -s --cacert "$OVIRT_CAFILE" -u "$OVIRT_USERNAME:$OVIRT_PASSWORD" -H "Content-Type: application/xml" -d '<action/>' "$OVIRT_URL/vms/$VM_ID/thawfilesystems""#,
        ],
        caveats: &[
            "A live disk-only snapshot is frozen automatically through qemu-guest-agent when it answers; if the freeze fails the snapshot still completes, crash-consistent, and only an event records it.",
            "Memory snapshots are never frozen; the VM is paused instead.",
            "Where consistency must be guaranteed use a backup with require_consistency=true, which fails instead.",
        ],
        instead: "",
        signal: "",
        references: &[
            "https://ovirt.github.io/ovirt-engine-api-model/master/",
            "https://github.com/oVirt/vdsm/commit/fb89b6eaa0e97006c184c84f6e748dcbbf74bdfe",
        ],
        effort: effort::SWAP,
    },
    Translation {
        construct: "vmware.snapshot.revert",
        fidelity: Fidelity::Equivalent,
        replacement: &[
            r#"ansible localhost -m ovirt.ovirt.ovirt_snapshot_info -a "vm={vm} description={snapshot}""#,
            r#"ansible localhost -m ovirt.ovirt.ovirt_vm -a "name={vm} state=stopped""#,
            r#"ansible localhost -m ovirt.ovirt.ovirt_snapshot -a "vm_name={vm} snapshot_id=$SNAPSHOT_ID state=restore""#,
            r#"VM_ID=$(curl -s --cacert "$OVIRT_CAFILE" -u "$OVIRT_USERNAME:$OVIRT_PASSWORD" "$OVIRT_URL/vms?search=name%3D{vm}" | xmllint --xpath 'string(/vms/vm/@id)' -)"#,
            r#"curl -s --cacert "$OVIRT_CAFILE" -u "$OVIRT_USERNAME:$OVIRT_PASSWORD" -H "Content-Type: application/xml" -d "<action><snapshot id='$SNAPSHOT_ID'/><restore_memory>false</restore_memory></action>" "$OVIRT_URL/vms/$VM_ID/previewsnapshot""#,
            r#"curl -s --cacert "$OVIRT_CAFILE" -u "$OVIRT_USERNAME:$OVIRT_PASSWORD" -H "Content-Type: application/xml" -d '<action/>' "$OVIRT_URL/vms/$VM_ID/commitsnapshot""#,
        ],
        caveats: &[
            "The VM must be down. Reverting is preview then commit (or undo): the preview can be booted and checked first, and state=restore does both steps at once.",
            "Committing an older snapshot discards the snapshots taken after it.",
        ],
        instead: "",
        signal: "",
        references: &[
            "https://ovirt.github.io/ovirt-engine-api-model/master/",
            "https://docs.ansible.com/ansible/latest/collections/ovirt/ovirt/index.html",
        ],
        effort: effort::REWRITE,
    },
    Translation {
        construct: "vmware.snapshot.delete_consolidate",
        fidelity: Fidelity::Equivalent,
        replacement: &[
            r#"ansible localhost -m ovirt.ovirt.ovirt_snapshot_info -a "vm={vm} description={snapshot}""#,
            r#"ansible localhost -m ovirt.ovirt.ovirt_snapshot -a "vm_name={vm} snapshot_id=$SNAPSHOT_ID state=absent""#,
            r#"VM_ID=$(curl -s --cacert "$OVIRT_CAFILE" -u "$OVIRT_USERNAME:$OVIRT_PASSWORD" "$OVIRT_URL/vms?search=name%3D{vm}" | xmllint --xpath 'string(/vms/vm/@id)' -)"#,
            r#"curl -s --cacert "$OVIRT_CAFILE" -u "$OVIRT_USERNAME:$OVIRT_PASSWORD" -X DELETE "$OVIRT_URL/vms/$VM_ID/snapshots/$SNAPSHOT_ID""#,
        ],
        caveats: &[
            "Removing a snapshot merges its data into the neighbouring volume, live on running VMs, so there is no separate consolidate step.",
            "A merge needs free space on the domain while it runs; if it fails the snapshot stays and deleting it again retries the merge.",
        ],
        instead: "",
        signal: "",
        references: &[
            "https://ovirt.github.io/ovirt-engine-api-model/master/",
            "https://docs.ansible.com/ansible/latest/collections/ovirt/ovirt/index.html",
        ],
        effort: effort::SWAP,
    },
    Translation {
        construct: "vmware.snapshot.hygiene",
        fidelity: Fidelity::Equivalent,
        replacement: &[
            r#"ansible localhost -m ovirt.ovirt.ovirt_snapshot_info -a "vm={vm}""#,
            r#"VM_ID=$(curl -s --cacert "$OVIRT_CAFILE" -u "$OVIRT_USERNAME:$OVIRT_PASSWORD" "$OVIRT_URL/vms?search=name%3D{vm}" | xmllint --xpath 'string(/vms/vm/@id)' -)"#,
            r#"curl -s --cacert "$OVIRT_CAFILE" -u "$OVIRT_USERNAME:$OVIRT_PASSWORD" "$OVIRT_URL/vms/$VM_ID/snapshots""#,
            r#"ansible localhost -m ovirt.ovirt.ovirt_snapshot -a "vm_name={vm} keep_days_old=7""#,
        ],
        caveats: &[
            "Snapshots are listed per VM (date, description, type, status), so an estate-wide report loops over VMs and skips the Active VM entry every VM has.",
            "Sizes are on the snapshot's disks (actual_size), and keep_days_old deletes every snapshot older than the limit, wanted or not.",
        ],
        instead: "",
        signal: "",
        references: &[
            "https://docs.ansible.com/ansible/latest/collections/ovirt/ovirt/index.html",
            "https://ovirt.github.io/ovirt-engine-api-model/master/",
        ],
        effort: effort::SWAP,
    },
    Translation {
        construct: "vmware.linked_instant_clone",
        fidelity: Fidelity::Partial,
        replacement: &[
            r#"ansible localhost -m ovirt.ovirt.ovirt_vm -a "name={vm} template=$TEMPLATE cluster={cluster} clone=false state=present""#,
            r#"ansible localhost -m ovirt.ovirt.ovirt_vmpool -a "name=$POOL template=$TEMPLATE cluster={cluster} vm_count=20 type=automatic""#,
            r#"ansible localhost -m ovirt.ovirt.ovirt_vm -a "name=$NEW_VM snapshot_vm={vm} snapshot_name={snapshot} cluster={cluster} state=present""#,
        ],
        caveats: &[
            "Thin (dependent) VMs layer qcow2 overlays on template disks, which is the linked-clone counterpart; pools create and reset stateless VMs from a template.",
            "Nothing forks a running parent's memory the way Instant Clone does.",
        ],
        instead: "",
        signal: "",
        references: &[
            "https://docs.ansible.com/ansible/latest/collections/ovirt/ovirt/index.html",
            "https://ovirt.github.io/ovirt-engine-api-model/master/",
        ],
        effort: effort::REWRITE,
    },
    Translation {
        construct: "vmware.sso.identity_source",
        fidelity: Fidelity::Equivalent,
        replacement: &[
            "ovirt-engine-extension-aaa-ldap-setup",
            r#"engine-setup --otopi-environment="OVESETUP_CONFIG/keycloakEnable=bool:True""#,
            r#"curl -s --cacert "$OVIRT_CAFILE" -u "$OVIRT_USERNAME:$OVIRT_PASSWORD" "$OVIRT_URL/domains""#,
        ],
        caveats: &[
            "Fresh installs since 4.5.1 use a bundled Keycloak for SSO, where LDAP or AD federation is configured in its admin console (/ovirt-engine-auth/admin) and users log in as user@ovirt.",
            "Older and upgraded setups keep the deprecated AAA extensions (internal aaa-jdbc plus aaa-ldap profiles), and upgrading does not migrate them to Keycloak.",
        ],
        instead: "",
        signal: "",
        references: &[
            "https://github.com/oVirt/ovirt-engine-keycloak",
            "https://www.ovirt.org/documentation/administration_guide/",
        ],
        effort: effort::REWRITE,
    },
    Translation {
        construct: "vmware.roles_privileges",
        fidelity: Fidelity::Equivalent,
        replacement: &[
            r#"ansible localhost -m ovirt.ovirt.ovirt_role -a "name=$ROLE permits=login,create_vm,vm_basic_operations,connect_to_vm administrative=false""#,
            r#"curl -s --cacert "$OVIRT_CAFILE" -u "$OVIRT_USERNAME:$OVIRT_PASSWORD" "$OVIRT_URL/roles""#,
        ],
        caveats: &[
            "Roles are either administrator or user roles built from a fixed list of permits; built-ins include UserRole, PowerUserRole, ClusterAdmin and SuperUser.",
            "Permit names don't match vCenter privilege IDs, so custom roles are mapped by hand.",
        ],
        instead: "",
        signal: "",
        references: &[
            "https://docs.ansible.com/ansible/latest/collections/ovirt/ovirt/index.html",
            "https://ovirt.github.io/ovirt-engine-api-model/master/",
        ],
        effort: effort::SWAP,
    },
    Translation {
        construct: "vmware.permissions",
        fidelity: Fidelity::Equivalent,
        replacement: &[
            r#"ansible localhost -m ovirt.ovirt.ovirt_permission -a "user_name=$USER_NAME authz_name=$AUTHZ role=UserRole object_type=vm object_name={vm}""#,
            r#"ansible localhost -m ovirt.ovirt.ovirt_permission -a "group_name=$GROUP_NAME authz_name=$AUTHZ role=ClusterAdmin object_type=cluster object_name={cluster}""#,
        ],
        caveats: &[
            "A permission binds a user or group to a role on one object (system, data center, cluster, host, storage domain, VM, template) and is inherited downward; there are no folders and no explicit deny.",
            "authz_name is the authorization profile, e.g. internal-authz or the LDAP or Keycloak profile.",
        ],
        instead: "",
        signal: "",
        references: &[
            "https://docs.ansible.com/ansible/latest/collections/ovirt/ovirt/index.html",
            "https://ovirt.github.io/ovirt-engine-api-model/master/",
        ],
        effort: effort::SWAP,
    },
    Translation {
        construct: "vmware.service_accounts",
        fidelity: Fidelity::Partial,
        replacement: &[
            "ovirt-aaa-jdbc-tool user add $SVC_USER",
            r#"ovirt-aaa-jdbc-tool user password-reset $SVC_USER --password-valid-to="2030-01-01 00:00:00Z""#,
            r#"ansible localhost -m ovirt.ovirt.ovirt_user -a "name=$SVC_USER authz_name=internal-authz""#,
            r#"ansible localhost -m ovirt.ovirt.ovirt_permission -a "user_name=$SVC_USER authz_name=internal-authz role=$ROLE object_type=cluster object_name={cluster}""#,
        ],
        caveats: &[
            "There are no solution users or long-lived API keys: automation logs in as an ordinary engine user and trades its password for short-lived OAuth tokens.",
            "aaa-jdbc passwords carry an expiry date, so set it explicitly or the integration is locked out when it passes.",
        ],
        instead: "",
        signal: "",
        references: &[
            "https://www.ovirt.org/documentation/administration_guide/",
            "https://docs.ansible.com/ansible/latest/collections/ovirt/ovirt/index.html",
        ],
        effort: effort::REWRITE,
    },
    Translation {
        construct: "vmware.encryption_vtpm_kms",
        fidelity: Fidelity::Partial,
        replacement: &[
            r#"ansible localhost -m ovirt.ovirt.ovirt_vm -a "name={vm} bios_type=q35_secure_boot next_run=true""#,
            r#"VM_ID=$(curl -s --cacert "$OVIRT_CAFILE" -u "$OVIRT_USERNAME:$OVIRT_PASSWORD" "$OVIRT_URL/vms?search=name%3D{vm}" | xmllint --xpath 'string(/vms/vm/@id)' -)"#,
            r#"curl -s --cacert "$OVIRT_CAFILE" -u "$OVIRT_USERNAME:$OVIRT_PASSWORD" -H "Content-Type: application/xml" -X PUT -d '<vm><tpm_enabled>true</tpm_enabled></vm>' "$OVIRT_URL/vms/$VM_ID""#,
        ],
        caveats: &[
            "A vTPM (tpm_enabled, UEFI only) and secure boot exist per VM, but there is no VM encryption and no KMS integration.",
            "Disks at rest are encrypted inside the guest or by the storage array; migration traffic is protected separately with the cluster's encrypted-migration option.",
        ],
        instead: "Encrypt in the guest (LUKS unlocked by Clevis/Tang, or BitLocker sealed to the vTPM) or use self-encrypting storage, with keys managed outside oVirt.",
        signal: "",
        references: &[
            "https://ovirt.github.io/ovirt-engine-api-model/master/",
            "https://docs.ansible.com/ansible/latest/collections/ovirt/ovirt/index.html",
        ],
        effort: effort::ADOPT,
    },
    Translation {
        construct: "vmware.host.maintenance_mode",
        fidelity: Fidelity::Equivalent,
        replacement: &[
            r#"ansible localhost -m ovirt.ovirt.ovirt_host -a "name={host} state=maintenance""#,
            r#"ansible localhost -m ovirt.ovirt.ovirt_host -a "name={host} state=present activate=true""#,
            r#"HOST_ID=$(curl -s --cacert "$OVIRT_CAFILE" -u "$OVIRT_USERNAME:$OVIRT_PASSWORD" "$OVIRT_URL/hosts?search=name%3D{host}" | xmllint --xpath 'string(/hosts/host/@id)' -)"#,
            r#"curl -s --cacert "$OVIRT_CAFILE" -u "$OVIRT_USERNAME:$OVIRT_PASSWORD" -H "Content-Type: application/xml" -d '<action/>' "$OVIRT_URL/hosts/$HOST_ID/deactivate""#,
            r#"curl -s --cacert "$OVIRT_CAFILE" -u "$OVIRT_USERNAME:$OVIRT_PASSWORD" -H "Content-Type: application/xml" -d '<action/>' "$OVIRT_URL/hosts/$HOST_ID/activate""#,
        ],
        caveats: &[
            "Maintenance live-migrates the host's VMs away and hands the SPM role to another host.",
            "Pinned or non-migratable VMs have to be shut down first, or the host hangs in preparing-for-maintenance.",
        ],
        instead: "",
        signal: "",
        references: &[
            "https://ovirt.github.io/ovirt-engine-api-model/master/",
            "https://docs.ansible.com/ansible/latest/collections/ovirt/ovirt/index.html",
        ],
        effort: effort::SWAP,
    },
    Translation {
        construct: "vmware.host.vlcm_vum",
        fidelity: Fidelity::Equivalent,
        replacement: &[
            r#"ansible localhost -m ovirt.ovirt.ovirt_host -a "name={host} state=upgraded check_upgrade=true reboot_after_upgrade=true""#,
            "ansible-playbook -e cluster_name={cluster} cluster_upgrade.yml",
            r#"HOST_ID=$(curl -s --cacert "$OVIRT_CAFILE" -u "$OVIRT_USERNAME:$OVIRT_PASSWORD" "$OVIRT_URL/hosts?search=name%3D{host}" | xmllint --xpath 'string(/hosts/host/@id)' -)"#,
            r#"curl -s --cacert "$OVIRT_CAFILE" -u "$OVIRT_USERNAME:$OVIRT_PASSWORD" -H "Content-Type: application/xml" -d '<action/>' "$OVIRT_URL/hosts/$HOST_ID/upgradecheck""#,
        ],
        caveats: &[
            "Updates come from the host's dnf repositories (EL or oVirt Node image), checked and applied by the engine one host at a time with maintenance and reboot; there are no baselines or desired-state images.",
            "The cluster_upgrade role switches the cluster to the cluster_maintenance policy while it runs; the engine is upgraded separately with engine-setup.",
        ],
        instead: "",
        signal: "",
        references: &[
            "https://ovirt.github.io/ovirt-engine-api-model/master/",
            "https://docs.ansible.com/ansible/latest/collections/ovirt/ovirt/index.html",
        ],
        effort: effort::SWAP,
    },
    Translation {
        construct: "vmware.host.esxcli_shell",
        fidelity: Fidelity::Partial,
        replacement: &[
            "ssh root@{host} vdsm-client Host getCapabilities",
            "ssh root@{host} vdsm-client Host getVMList fullStatus=True",
            "ssh root@{host} nmstatectl show",
        ],
        caveats: &[
            "Hosts are plain EL or oVirt Node machines with a normal shell, dnf and systemd; vdsm-client queries the host agent directly.",
            "Network and storage changes made on the host are flagged out of sync or overwritten by the engine, so make them through the engine.",
        ],
        instead: "",
        signal: "",
        references: &[
            "https://www.ovirt.org/develop/developer-guide/vdsm/vdsm-client.html",
            "https://www.ovirt.org/documentation/administration_guide/",
        ],
        effort: effort::REWRITE,
    },
    Translation {
        construct: "vmware.host.vimcmd",
        fidelity: Fidelity::Partial,
        replacement: &[
            "ssh root@{host} vdsm-client Host getVMList",
            "ssh root@{host} virsh -r list --all",
            r#"ansible localhost -m ovirt.ovirt.ovirt_vm -a "name={vm} host={host} state=running""#,
        ],
        caveats: &[
            "Read-only queries on a host (virsh -r, vdsm-client) are fine, but starting, stopping or registering VMs there bypasses the engine and leaves its state wrong.",
            "For an unreachable host use the engine: fence it, or confirm it was rebooted, so its VMs can restart elsewhere.",
        ],
        instead: "",
        signal: "",
        references: &[
            "https://www.ovirt.org/develop/developer-guide/vdsm/vdsm-client.html",
            "https://docs.ansible.com/ansible/latest/collections/ovirt/ovirt/index.html",
        ],
        effort: effort::REWRITE,
    },
    Translation {
        construct: "vmware.host.add_remove",
        fidelity: Fidelity::Equivalent,
        replacement: &[
            r#"ansible localhost -m ovirt.ovirt.ovirt_host -a "name={host} address={host} cluster={cluster} public_key=true""#,
            r#"ansible localhost -m ovirt.ovirt.ovirt_host -a "name={host} state=reinstalled public_key=true""#,
            r#"ansible localhost -m ovirt.ovirt.ovirt_host -a "name={host} state=absent""#,
        ],
        caveats: &[
            "Adding a host makes the engine log in over SSH with its key (published at /ovirt-engine/services/pki-resource?resource=engine-certificate&format=OPENSSH-PUBKEY) and deploy vdsm, so the host must run a supported EL release with the oVirt repositories.",
            "There is no disconnected state that keeps VMs running: removal needs maintenance first.",
        ],
        instead: "",
        signal: "",
        references: &[
            "https://docs.ansible.com/ansible/latest/collections/ovirt/ovirt/index.html",
            "https://www.ovirt.org/documentation/administration_guide/",
        ],
        effort: effort::SWAP,
    },
    Translation {
        construct: "vmware.host.power",
        fidelity: Fidelity::Equivalent,
        replacement: &[
            r#"ansible localhost -m ovirt.ovirt.ovirt_host -a "name={host} state=restarted""#,
            r#"ansible localhost -m ovirt.ovirt.ovirt_host -a "name={host} state=stopped""#,
            r#"HOST_ID=$(curl -s --cacert "$OVIRT_CAFILE" -u "$OVIRT_USERNAME:$OVIRT_PASSWORD" "$OVIRT_URL/hosts?search=name%3D{host}" | xmllint --xpath 'string(/hosts/host/@id)' -)"#,
            r#"curl -s --cacert "$OVIRT_CAFILE" -u "$OVIRT_USERNAME:$OVIRT_PASSWORD" -H "Content-Type: application/xml" -d '<action><fence_type>restart</fence_type></action>' "$OVIRT_URL/hosts/$HOST_ID/fence""#,
        ],
        caveats: &[
            "Restart, stop and start go through the host's power management (IPMI, iLO, iDRAC fence agents) and count as fencing, so power management must be configured first.",
            "For a planned reboot put the host into maintenance and reboot it from its shell.",
        ],
        instead: "",
        signal: "",
        references: &[
            "https://ovirt.github.io/ovirt-engine-api-model/master/",
            "https://docs.ansible.com/ansible/latest/collections/ovirt/ovirt/index.html",
        ],
        effort: effort::SWAP,
    },
    Translation {
        construct: "vmware.host.config_profiles",
        fidelity: Fidelity::Partial,
        replacement: &[
            "ansible-playbook -i $HOST_INVENTORY host-baseline.yml --limit {host}",
            r#"ansible localhost -m ovirt.ovirt.ovirt_host -a "name={host} state=reinstalled public_key=true""#,
        ],
        caveats: &[
            "The engine owns only host networking, storage connections, kernel arguments and its own agents; NTP, DNS, extra firewall rules, users and services are ordinary OS configuration.",
            "There is no profile compliance check, so drift detection has to come from the configuration tool.",
        ],
        instead: "Manage the host baseline with Ansible, Puppet or Salt, run against the list of hosts the engine reports.",
        signal: "",
        references: &[
            "https://docs.ansible.com/ansible/latest/collections/ovirt/ovirt/index.html",
            "https://www.ovirt.org/documentation/administration_guide/",
        ],
        effort: effort::ADOPT,
    },
    Translation {
        construct: "vmware.host.lockdown_local_accounts",
        fidelity: Fidelity::Partial,
        replacement: &[
            r#"ssh root@{host} 'sed -i "s/^#\?PermitRootLogin.*/PermitRootLogin prohibit-password/" /etc/ssh/sshd_config && systemctl reload sshd'"#,
        ],
        caveats: &[
            "The engine needs root SSH with its key for deployment, upgrades and soft fencing, so keep key login for root and harden passwords, sudo and local users with normal OS practice.",
            "There is no lockdown mode that forces all host management through the engine.",
        ],
        instead: "",
        signal: "",
        references: &["https://www.ovirt.org/documentation/administration_guide/"],
        effort: effort::REWRITE,
    },
    Translation {
        construct: "vmware.host.autodeploy",
        fidelity: Fidelity::Partial,
        replacement: &[
            r#"echo "liveimg --url=http://$REPO_SERVER/ovirt-node-ng-image.squashfs.img" >> ovirt-node.ks"#,
            r#"ansible localhost -m ovirt.ovirt.ovirt_host -a "name={host} address={host} cluster={cluster} public_key=true""#,
        ],
        caveats: &[
            "Hosts are installed to disk (oVirt Node from its image through kickstart, or EL plus the oVirt repositories) and then added to the engine; nothing boots hosts statelessly from an image profile.",
            "Rebuilds run through PXE and kickstart tooling such as Foreman or Cobbler.",
        ],
        instead: "Adopt a PXE/kickstart provisioning tool and add each rebuilt host to the engine with ovirt_host.",
        signal: "",
        references: &[
            "https://www.ovirt.org/documentation/administration_guide/",
            "https://docs.ansible.com/ansible/latest/collections/ovirt/ovirt/index.html",
        ],
        effort: effort::ADOPT,
    },
    Translation {
        construct: "vmware.ha",
        fidelity: Fidelity::Equivalent,
        replacement: &[
            r#"ansible localhost -m ovirt.ovirt.ovirt_vm -a "name={vm} high_availability=true lease={datastore}""#,
            r#"ansible localhost -m ovirt.ovirt.ovirt_host_pm -a "name={host} address=$BMC_ADDRESS username=$BMC_USER password=$BMC_PASSWORD type=ipmilan""#,
        ],
        caveats: &[
            "HA is switched on per VM, not per cluster.",
            "A safe restart after a host loss needs fencing through host power management or a VM lease on a storage domain; without either, the VM waits until an admin confirms the host was rebooted.",
        ],
        instead: "",
        signal: "",
        references: &[
            "https://docs.ansible.com/ansible/latest/collections/ovirt/ovirt/index.html",
            "https://ovirt.github.io/ovirt-engine-api-model/master/",
        ],
        effort: effort::SWAP,
    },
    Translation {
        construct: "vmware.ha.admission_control",
        fidelity: Fidelity::Partial,
        replacement: &[
            r#"ansible localhost -m ovirt.ovirt.ovirt_cluster -a "name={cluster} ha_reservation=true""#,
        ],
        caveats: &[
            "HA reservation only checks from time to time whether the HA VMs could be restarted after losing one host and raises an alert if not; it never refuses to start a VM.",
            "Real headroom has to be kept by policy, for example a spare host.",
        ],
        instead: "",
        signal: "",
        references: &[
            "https://docs.ansible.com/ansible/latest/collections/ovirt/ovirt/index.html",
            "https://ovirt.github.io/ovirt-engine-api-model/master/",
        ],
        effort: effort::REWRITE,
    },
    Translation {
        construct: "vmware.ha.restart_priority",
        fidelity: Fidelity::Equivalent,
        replacement: &[
            r#"ansible localhost -m ovirt.ovirt.ovirt_vm -a "name={vm} high_availability=true high_availability_priority=100""#,
        ],
        caveats: &[
            "Priority is 0 to 100 (low, medium, high in the UI) and orders both restarts and migrations.",
            "There are no dependency chains or wait-for-guest conditions between VMs.",
        ],
        instead: "",
        signal: "",
        references: &["https://docs.ansible.com/ansible/latest/collections/ovirt/ovirt/index.html"],
        effort: effort::SWAP,
    },
    Translation {
        construct: "vmware.ha.vm_monitoring",
        fidelity: Fidelity::Partial,
        replacement: &[
            r#"ansible localhost -m ovirt.ovirt.ovirt_vm -a "name={vm} high_availability=true watchdog='model=i6300esb action=reset'""#,
            "ssh $GUEST_USER@{vm} 'sudo dnf install -y watchdog && sudo systemctl enable --now watchdog'",
        ],
        caveats: &[
            "The engine restarts HA VMs that crash or get killed, but it does not watch guest heartbeats or applications.",
            "A virtual watchdog (i6300esb) with a watchdog daemon in the guest resets or powers off a hung guest, and HA handles the rest.",
        ],
        instead: "",
        signal: "",
        references: &["https://docs.ansible.com/ansible/latest/collections/ovirt/ovirt/index.html"],
        effort: effort::REWRITE,
    },
    Translation {
        construct: "vmware.ha.vmcp",
        fidelity: Fidelity::Partial,
        replacement: &[
            r#"ansible localhost -m ovirt.ovirt.ovirt_vm -a "name={vm} high_availability=true lease={datastore}""#,
            r#"VM_ID=$(curl -s --cacert "$OVIRT_CAFILE" -u "$OVIRT_USERNAME:$OVIRT_PASSWORD" "$OVIRT_URL/vms?search=name%3D{vm}" | xmllint --xpath 'string(/vms/vm/@id)' -)"#,
            r#"curl -s --cacert "$OVIRT_CAFILE" -u "$OVIRT_USERNAME:$OVIRT_PASSWORD" -H "Content-Type: application/xml" -X PUT -d '<vm><storage_error_resume_behaviour>kill</storage_error_resume_behaviour></vm>' "$OVIRT_URL/vms/$VM_ID""#,
        ],
        caveats: &[
            "On storage I/O errors QEMU pauses the VM; the resume behaviour decides whether it resumes when storage returns (auto_resume), stays paused (leave_paused) or is killed so HA restarts it elsewhere (kill, needs a lease).",
            "There is no APD versus PDL distinction and no per-datastore response.",
        ],
        instead: "",
        signal: "",
        references: &[
            "https://ovirt.github.io/ovirt-engine-api-model/master/",
            "https://docs.ansible.com/ansible/latest/collections/ovirt/ovirt/index.html",
        ],
        effort: effort::SWAP,
    },
    Translation {
        construct: "vmware.ha.isolation",
        fidelity: Fidelity::Equivalent,
        replacement: &[
            r#"ansible localhost -m ovirt.ovirt.ovirt_host_pm -a "name={host} address=$BMC_ADDRESS username=$BMC_USER password=$BMC_PASSWORD type=ipmilan""#,
            r#"ansible localhost -m ovirt.ovirt.ovirt_cluster -a "name={cluster} fence_enabled=true fence_skip_if_sd_active=true fence_skip_if_connectivity_broken=true fence_connectivity_threshold=50""#,
            r#"ansible localhost -m ovirt.ovirt.ovirt_vm -a "name={vm} lease={datastore}""#,
        ],
        caveats: &[
            "Isolation is settled by fencing decided in the engine: soft fencing over SSH first, then power fencing, optionally skipped while the host still renews its storage leases.",
            "Sanlock leases on storage stand in for heartbeat datastores and stop a VM from running twice; the engine's own reachability matters for all of it.",
        ],
        instead: "",
        signal: "",
        references: &[
            "https://docs.ansible.com/ansible/latest/collections/ovirt/ovirt/index.html",
            "https://ovirt.github.io/ovirt-engine-api-model/master/",
        ],
        effort: effort::SWAP,
    },
    Translation {
        construct: "vmware.ha.proactive",
        fidelity: Fidelity::None,
        replacement: &[
            r#"ansible localhost -m ovirt.ovirt.ovirt_host -a "name={host} state=maintenance""#,
        ],
        caveats: &[
            "Nothing reads hardware health (fans, power supplies, memory errors) to evacuate a host before it fails; the engine reacts only once a host stops responding.",
        ],
        instead: "Route BMC, Redfish or vendor hardware alerts into monitoring and let it put the host into maintenance through the engine, or accept reactive HA only.",
        signal: "",
        references: &[
            "https://docs.ansible.com/ansible/latest/collections/ovirt/ovirt/index.html",
            "https://ovirt.github.io/ovirt-engine-api-model/master/",
        ],
        effort: effort::ADOPT,
    },
    Translation {
        construct: "vmware.ft",
        fidelity: Fidelity::None,
        replacement: &[],
        caveats: &[
            "No lock-step secondary VM exists: QEMU's COLO is experimental (x-colo) and neither libvirt nor oVirt exposes it.",
            "HA restart, the nearest feature, costs a reboot's worth of downtime.",
        ],
        instead: "Get zero-downtime at the application layer (database replication, load-balanced stateless tiers, Pacemaker inside the guests), or accept HA restart and its downtime.",
        signal: "",
        references: &[
            "https://github.com/vmware/govmomi/blob/main/vim25/methods/methods.go",
            "https://ovirt.github.io/ovirt-engine-api-model/master/",
        ],
        effort: effort::REDESIGN,
    },
    Translation {
        construct: "vmware.vcenter_ha_backup",
        fidelity: Fidelity::Equivalent,
        replacement: &[
            "hosted-engine --vm-status",
            "hosted-engine --set-maintenance --mode=global",
            "engine-backup --mode=backup --scope=all --file=/var/backup/engine-$(date +%F).tar.gz --log=/var/log/engine-backup.log",
            "hosted-engine --deploy --restore-from-file=/var/backup/$ENGINE_BACKUP_FILE",
        ],
        caveats: &[
            "Engine HA is the self-hosted engine: HA agents on several hosts restart the engine VM elsewhere after a short outage, rather than an active/passive pair.",
            "Set global maintenance before upgrading or touching the engine VM; engine-backup covers the engine and DWH databases and configuration, not VM data.",
        ],
        instead: "",
        signal: "",
        references: &[
            "https://www.ovirt.org/documentation/administration_guide/",
            "https://docs.ansible.com/ansible/latest/collections/ovirt/ovirt/index.html",
        ],
        effort: effort::SWAP,
    },
    Translation {
        construct: "vmware.replication_srm",
        fidelity: Fidelity::Partial,
        replacement: &[
            "ansible-playbook dr_play.yml -t generate_mapping",
            "ansible-playbook dr_play.yml -t fail_over",
            "ansible-playbook dr_play.yml -t fail_back",
        ],
        caveats: &[
            "oVirt orchestrates failover but does not replicate: the array must replicate the storage domains to the second site, and the disaster_recovery role attaches them to the standby engine and registers VMs from a mapping file.",
            "There is no per-VM RPO, no isolated test failover, and recovery plans become Ansible mapping variables.",
        ],
        instead: "",
        signal: "",
        references: &[
            "https://www.ovirt.org/documentation/disaster_recovery_guide/",
            "https://docs.ansible.com/ansible/latest/collections/ovirt/ovirt/index.html",
        ],
        effort: effort::ADOPT,
    },
    Translation {
        construct: "vmware.product.vcenter",
        fidelity: Fidelity::Equivalent,
        replacement: &[
            "ansible localhost -m ovirt.ovirt.ovirt_api_info",
            r#"curl -s --cacert "$OVIRT_CAFILE" -u "$OVIRT_USERNAME:$OVIRT_PASSWORD" "$OVIRT_URL""#,
        ],
        caveats: &[
            "The oVirt Engine, usually run as the self-hosted engine VM, takes vCenter's place: inventory, scheduling, HA decisions, REST API and Admin Portal.",
            "Tools that plugged into vCenter (backup, monitoring, CMDB sync) need their oVirt connectors.",
        ],
        instead: "",
        signal: "",
        references: &[
            "https://ovirt.github.io/ovirt-engine-api-model/master/",
            "https://www.ovirt.org/documentation/administration_guide/",
        ],
        effort: effort::SWAP,
    },
    Translation {
        construct: "vmware.product.esxi",
        fidelity: Fidelity::Equivalent,
        replacement: &[
            r#"ansible localhost -m ovirt.ovirt.ovirt_host_info -a "pattern=name={host}""#,
            "ssh root@{host} vdsm-client Host getCapabilities",
        ],
        caveats: &[
            "Hosts run EL or oVirt Node with KVM, libvirt, vdsm (the engine's agent) and sanlock, and are managed from the engine with SSH as the local shell.",
            "Hardware support follows the EL certification lists, not the VMware HCL.",
        ],
        instead: "",
        signal: "",
        references: &[
            "https://www.ovirt.org/documentation/administration_guide/",
            "https://www.ovirt.org/develop/developer-guide/vdsm/vdsm-client.html",
        ],
        effort: effort::SWAP,
    },
    Translation {
        construct: "vmware.product.vsphere",
        fidelity: Fidelity::Equivalent,
        replacement: &["ansible localhost -m ovirt.ovirt.ovirt_api_info"],
        caveats: &[
            "vSphere as a whole maps to oVirt: the engine with KVM hosts, storage domains and logical networks, automated through the REST API, the Python SDK and the ovirt.ovirt Ansible collection.",
            "Check which build the target runs (upstream oVirt or a downstream such as Oracle Linux Virtualization Manager), since RHV itself is discontinued.",
        ],
        instead: "",
        signal: "",
        references: &[
            "https://ovirt.github.io/ovirt-engine-api-model/master/",
            "https://docs.ansible.com/ansible/latest/collections/ovirt/ovirt/index.html",
        ],
        effort: effort::SWAP,
    },
    Translation {
        construct: "vmware.product.nsx",
        fidelity: Fidelity::Partial,
        replacement: &[
            "openstack --os-cloud ovirt-ovn network list",
            r#"ansible localhost -m ovirt.ovirt.ovirt_network -a "name={network} data_center=$DC external_provider=ovirt-provider-ovn""#,
        ],
        caveats: &[
            "NSX's role splits: ovirt-provider-ovn gives overlay networks, routers and security groups through a Neutron-like API, while NAT, load balancing, VPN and tag-based policy need appliances or VMs outside oVirt.",
        ],
        instead: "",
        signal: "",
        references: &[
            "https://github.com/oVirt/ovirt-provider-ovn",
            "https://www.ovirt.org/documentation/administration_guide/",
        ],
        effort: effort::REWRITE,
    },
    Translation {
        construct: "vmware.product.vrops",
        fidelity: Fidelity::Partial,
        replacement: &[
            "engine-setup --reconfigure-optional-components",
            r#"ansible localhost -m ovirt.ovirt.ovirt_event_info -a "search=severity=alert max=50""#,
        ],
        caveats: &[
            "Operations views come from the Data Warehouse and its Grafana Monitoring Portal plus engine events; there is no analytics engine with capacity models or recommendations.",
        ],
        instead: "Use the Grafana dashboards on the Data Warehouse, and add Prometheus exporters on the hosts where finer data or custom alerting is needed.",
        signal: "DWH ovirt_engine_history views (v4_4_statistics_*_resources_usage_*) in the Grafana Monitoring Portal, engine events by severity, and optionally prometheus-libvirt-exporter and node_exporter on the hosts.",
        references: &[
            "https://www.ovirt.org/develop/release-management/features/grafana/grafana.html",
            "https://www.ovirt.org/documentation/administration_guide/",
        ],
        effort: effort::REWRITE,
    },
    Translation {
        construct: "vmware.migration_step",
        fidelity: Fidelity::Equivalent,
        replacement: &[
            r#"virt-v2v -ic "vpx://$VC_USER@$VCENTER/$VC_DC/$VC_CLUSTER/$ESXI_HOST?no_verify=1" -ip "$VC_PASSFILE" {vm} -o ovirt-upload -oc "$OVIRT_URL" -op "$OVIRT_PASSFILE" -os {datastore} -oo ovirt-cafile="$OVIRT_CAFILE" -oo ovirt-cluster={cluster}"#,
            r#"ansible localhost -m ovirt.ovirt.ovirt_vm_info -a "pattern=name={vm}""#,
            r#"VM_ID=$(curl -s --cacert "$OVIRT_CAFILE" -u "$OVIRT_USERNAME:$OVIRT_PASSWORD" "$OVIRT_URL/vms?search=name%3D{vm}" | xmllint --xpath 'string(/vms/vm/@id)' -)"#,
            r#"curl -s --cacert "$OVIRT_CAFILE" -u "$OVIRT_USERNAME:$OVIRT_PASSWORD" "$OVIRT_URL/vms/$VM_ID/reporteddevices""#,
        ],
        caveats: &[
            "The step already moves the VM to KVM; afterwards check in the engine that it boots on virtio disks and NICs, that qemu-guest-agent reports its IPs, that disks sit on the intended storage domain and NICs on the right vNIC profiles.",
            "Current virt-v2v spells the output -o ovirt-upload (older releases -o rhv-upload) and needs an engine password file and CA; VDDK input (-it vddk) speeds up reads from vSphere.",
        ],
        instead: "",
        signal: "",
        references: &[
            "https://ovirt.github.io/ovirt-engine-api-model/master/",
            "https://docs.ansible.com/ansible/latest/collections/ovirt/ovirt/index.html",
        ],
        effort: effort::SWAP,
    },
];
