//! vCenter constructs on libvirt. One record per catalogue construct.
//!
//! Plain libvirt manages one hypervisor per connection: there is no
//! central manager, scheduler or cluster object. Placeholders: `{vm}` is
//! the domain name, `{host}` a hypervisor reachable over SSH, `{datastore}`
//! a storage pool, `{network}` a libvirt network, `{snapshot}` a snapshot
//! name.

use crate::{Fidelity, Translation, effort};

const VIRSH: &str = "https://libvirt.org/manpages/virsh.html";
const URI: &str = "https://libvirt.org/uri.html";
const REMOTE: &str = "https://libvirt.org/remote.html";
const ANSIBLE_LIBVIRT: &str =
    "https://docs.ansible.com/ansible/latest/collections/community/libvirt/index.html";
const VIRT_INSTALL: &str =
    "https://github.com/virt-manager/virt-manager/blob/main/man/virt-install.rst";
const VIRT_CLONE: &str =
    "https://github.com/virt-manager/virt-manager/blob/main/man/virt-clone.rst";
const VIRT_XML: &str = "https://github.com/virt-manager/virt-manager/blob/main/man/virt-xml.rst";
const FORMAT_DOMAIN: &str = "https://libvirt.org/formatdomain.html";
const MEMORY_DEVICES: &str = "https://libvirt.org/kbase/memorydevices.html";
const VIRT_SYSPREP: &str = "https://libguestfs.org/virt-sysprep.1.html";
const VIRT_CUSTOMIZE: &str = "https://libguestfs.org/virt-customize.1.html";
const VIRT_V2V: &str = "https://libguestfs.org/virt-v2v.1.html";
const VIRT_V2V_VMWARE: &str = "https://libguestfs.org/virt-v2v-input-vmware.1.html";
const VIRT_COPY_IN: &str = "https://libguestfs.org/virt-copy-in.1.html";
const GUESTMOUNT: &str = "https://libguestfs.org/guestmount.1.html";
const QEMU_IMG: &str = "https://www.qemu.org/docs/master/tools/qemu-img.html";
const QEMU_GA: &str = "https://www.qemu.org/docs/master/interop/qemu-ga.html";
const QEMU_BITMAPS: &str = "https://qemu.org/docs/master/interop/bitmaps.html";
const QEMU_MIGRATION_QAPI: &str = "https://github.com/qemu/qemu/blob/master/qapi/migration.json";
const MIGRATION: &str = "https://libvirt.org/migration.html";
const RHEL_VIRSH_MIGRATE: &str = "https://docs.redhat.com/en/documentation/Red_Hat_Enterprise_Linux/6/html/virtualization_administration_guide/sub-sect-virsh-migration-arguments";
const FORMAT_NETWORK: &str = "https://libvirt.org/formatnetwork.html";
const FORMAT_NWFILTER: &str = "https://libvirt.org/formatnwfilter.html";
const STORAGE: &str = "https://libvirt.org/storage.html";
const FORMAT_STORAGE: &str = "https://libvirt.org/formatstorage.html";
const STORAGE_ENCRYPTION: &str = "https://libvirt.org/formatstorageencryption.html";
const FORMAT_SECRET: &str = "https://libvirt.org/formatsecret.html";
const FORMAT_SNAPSHOT: &str = "https://libvirt.org/formatsnapshot.html";
const KBASE_SNAPSHOTS: &str = "https://libvirt.org/kbase/snapshots.html";
const PFLASH_SNAPSHOT_ISSUE: &str = "https://gitlab.com/libvirt/libvirt/-/issues/460";
const FORMAT_CAPS: &str = "https://libvirt.org/formatcaps.html";
const BACKING_CHAINS: &str = "https://libvirt.org/kbase/backing_chains.html";
const MERGING_CHAINS: &str = "https://libvirt.org/kbase/merging_disk_image_chains.html";
const LIVE_BACKUP: &str = "https://libvirt.org/kbase/live_full_disk_backup.html";
const FORMAT_BACKUP: &str = "https://libvirt.org/formatbackup.html";
const FORMAT_CHECKPOINT: &str = "https://libvirt.org/formatcheckpoint.html";
const VIRTNBDBACKUP: &str = "https://github.com/abbbi/virtnbdbackup";
const ACL: &str = "https://libvirt.org/acl.html";
const ACL_POLKIT: &str = "https://libvirt.org/aclpolkit.html";
const AUTH: &str = "https://libvirt.org/auth.html";
const DAEMONS: &str = "https://libvirt.org/daemons.html";
const TLS_CERTS: &str = "https://libvirt.org/kbase/tlscerts.html";
const CGROUPS: &str = "https://libvirt.org/cgroups.html";
const LOGGING: &str = "https://libvirt.org/logging.html";
const HOOKS: &str = "https://libvirt.org/hooks.html";
const LIBVIRT_GUESTS: &str = "https://libvirt.org/manpages/libvirt-guests.html";
const NEWS: &str = "https://libvirt.org/news.html";
const PACEMAKER_VIRTUALDOMAIN: &str =
    "https://github.com/ClusterLabs/resource-agents/blob/main/heartbeat/VirtualDomain";
const PACEMAKER_DOCS: &str = "https://clusterlabs.org/pacemaker/doc/";
const CEPH_LIBVIRT: &str = "https://docs.ceph.com/en/latest/rbd/libvirt/";
const CEPH_POOLS: &str = "https://docs.ceph.com/en/latest/rados/operations/pools/";
const CEPH_STRETCH: &str = "https://docs.ceph.com/en/latest/rados/operations/stretch-mode/";
const CEPH_RBD_MIRRORING: &str = "https://docs.ceph.com/en/latest/rbd/rbd-mirroring/";
const OVS_DOCS: &str = "https://docs.openvswitch.org/en/latest/";
const OVN_DOCS: &str = "https://docs.ovn.org/en/latest/";
const TC_MIRRED: &str = "https://man7.org/linux/man-pages/man8/tc-mirred.8.html";
const NMCLI: &str = "https://networkmanager.dev/docs/api/latest/nmcli.html";
const EXPORTER_INOVEX: &str = "https://github.com/inovex/prometheus-libvirt-exporter";
const EXPORTER_DOMSTATS: &str = "https://github.com/ntk148v/libvirt-exporter";
const ALERTMANAGER: &str = "https://prometheus.io/docs/alerting/latest/alertmanager/";
const SCHEDSTAT: &str = "https://docs.kernel.org/scheduler/sched-stats.html";
const RSYSLOG: &str = "https://www.rsyslog.com/doc/";
const HAPROXY: &str = "https://docs.haproxy.org/";
const WIREGUARD: &str = "https://www.wireguard.com/quickstart/";
const ANSIBLE_STRATEGIES: &str =
    "https://docs.ansible.com/ansible/latest/playbook_guide/playbooks_strategies.html";
const IPMITOOL: &str = "https://github.com/ipmitool/ipmitool";
const SSHD_CONFIG: &str = "https://man.openbsd.org/sshd_config";
const KICKSTART: &str = "https://pykickstart.readthedocs.io/en/latest/";
const FORKLIFT: &str = "https://github.com/kubev2v/forklift";

pub static TRANSLATIONS: &[Translation] = &[
    // ---- lifecycle ----
    Translation {
        construct: "vmware.vcenter.session",
        fidelity: Fidelity::Partial,
        replacement: &[
            "virsh -c qemu+ssh://root@{host}/system list --all",
            "export LIBVIRT_DEFAULT_URI=qemu+ssh://root@{host}/system",
            r#"python3 -c "import libvirt; c = libvirt.open('qemu+ssh://root@{host}/system'); print(c.getHostname())""#,
        ],
        caveats: &[
            "There is no single endpoint for the estate: each hypervisor is its own connection URI, so a script that logged in to vCenter once must loop over a list of hosts.",
            "Remote access rides on SSH keys (qemu+ssh) or x509 certificates (qemu+tls); there is no session token to obtain, reuse or expire.",
        ],
        instead: "Keep a host inventory (an Ansible inventory driving community.libvirt, or a plain host list) to stand in for vCenter's fleet-wide view.",
        signal: "",
        references: &[URI, REMOTE, ANSIBLE_LIBVIRT],
        effort: effort::REWRITE,
    },
    Translation {
        construct: "vmware.vm.inventory_query",
        fidelity: Fidelity::Equivalent,
        replacement: &[
            "virsh list --all",
            "virsh dominfo {vm}",
            "virsh dumpxml {vm}",
            "virsh domifaddr {vm} --source agent",
        ],
        caveats: &[
            "Answers cover only the host behind the current connection; an estate-wide Get-VM becomes a loop over every host URI.",
            "Guest IP addresses via --source agent need qemu-guest-agent running in the guest; --source lease only knows libvirt-managed DHCP networks.",
        ],
        instead: "",
        signal: "",
        references: &[VIRSH],
        effort: effort::SWAP,
    },
    Translation {
        construct: "vmware.vm.create",
        fidelity: Fidelity::Equivalent,
        replacement: &[
            "virt-install --name {vm} --memory 4096 --vcpus 2 --machine q35 --boot uefi --disk pool={datastore},size=40,bus=virtio --network network={network},model=virtio --osinfo detect=on,require=off --cdrom /var/lib/libvirt/images/install.iso",
            "virsh define {vm}.xml && virsh start {vm}",
        ],
        caveats: &[
            "Machine type, firmware (OVMF for UEFI) and virtio devices are chosen per VM; no cluster default fills them in.",
            "There are no folders or resource pools to place the VM into: the host you are connected to is the placement.",
        ],
        instead: "",
        signal: "",
        references: &[VIRT_INSTALL, FORMAT_DOMAIN],
        effort: effort::SWAP,
    },
    Translation {
        construct: "vmware.vm.reconfigure_hotadd",
        fidelity: Fidelity::Partial,
        replacement: &[
            "virsh setvcpus {vm} 4 --live --config",
            "virsh setmem {vm} 8G --live --config",
            "virsh setvcpus {vm} 8 --maximum --config",
            "virsh setmaxmem {vm} 16G --config",
        ],
        caveats: &[
            "Live changes only fit inside headroom fixed at boot: the maximum vCPU count, and for RAM either the balloon ceiling or <maxMemory slots=...> with a NUMA cell for DIMM hot-plug.",
            "Raising the maxima themselves is a --config change that applies at the next cold boot.",
            "setmem only inflates or deflates the balloon below the boot-time maximum; it never gives the guest RAM it has not already seen.",
        ],
        instead: "",
        signal: "",
        references: &[VIRSH, MEMORY_DEVICES, FORMAT_DOMAIN],
        effort: effort::REWRITE,
    },
    Translation {
        construct: "vmware.vm.power",
        fidelity: Fidelity::Equivalent,
        replacement: &[
            "virsh start {vm}",
            "virsh shutdown {vm} --mode agent,acpi",
            "virsh reboot {vm}",
            "virsh destroy {vm}",
            "virsh reset {vm}",
            "virsh suspend {vm}",
            "virsh resume {vm}",
        ],
        caveats: &[
            "Despite its name, virsh destroy only pulls the power; it deletes nothing, so it is no stand-in for Remove-VM.",
            "A clean shutdown depends on the guest honouring ACPI or running qemu-guest-agent; otherwise the command returns and the VM keeps running.",
            "virsh suspend only pauses the vCPUs in host memory; to save state to disk across a host reboot use virsh managedsave.",
        ],
        instead: "",
        signal: "",
        references: &[VIRSH, LIBVIRT_GUESTS],
        effort: effort::SWAP,
    },
    Translation {
        construct: "vmware.vm.delete",
        fidelity: Fidelity::Equivalent,
        replacement: &[
            "virsh destroy {vm}",
            "virsh undefine {vm} --nvram --snapshots-metadata --remove-all-storage",
            "virsh undefine {vm} --nvram",
        ],
        caveats: &[
            "Without --remove-all-storage the disk images stay in their pool, which matches 'remove from inventory' rather than 'delete from disk'.",
            "UEFI domains need --nvram (or --keep-nvram) and domains with snapshots need --snapshots-metadata, otherwise undefine refuses.",
        ],
        instead: "",
        signal: "",
        references: &[VIRSH],
        effort: effort::SWAP,
    },
    Translation {
        construct: "vmware.template_clone",
        fidelity: Fidelity::Partial,
        replacement: &[
            "virt-clone --original golden-template --name {vm} --auto-clone",
            "virt-sysprep -d {vm}",
            "virsh start {vm}",
        ],
        caveats: &[
            "libvirt has no template object; a shut-off golden domain or a base image plays that part and is only protected by convention.",
            "Resetting guest identity (machine-id, SSH host keys, persistent NIC names, the Windows SID) is a separate step with virt-sysprep or sysprep in the guest.",
        ],
        instead: "",
        signal: "",
        references: &[VIRT_CLONE, VIRT_SYSPREP],
        effort: effort::REWRITE,
    },
    Translation {
        construct: "vmware.guest_customization",
        fidelity: Fidelity::Partial,
        replacement: &[
            "virt-install --name {vm} --import --disk /var/lib/libvirt/images/{vm}.qcow2 --memory 2048 --vcpus 2 --osinfo detect=on,require=off --network network={network} --cloud-init user-data=user-data.yaml,meta-data=meta-data.yaml",
            "virt-customize -d {vm} --hostname {vm} --run-command 'systemctl enable qemu-guest-agent'",
            "virt-sysprep -d {vm} --operations defaults",
        ],
        caveats: &[
            "The image must already contain cloud-init (cloudbase-init on Windows): libvirt only attaches the seed data and applies nothing itself.",
            "There is no stored specification object; keep user-data and network-config files under version control and pass them per VM.",
        ],
        instead: "",
        signal: "",
        references: &[VIRT_INSTALL, VIRT_CUSTOMIZE, VIRT_SYSPREP],
        effort: effort::REWRITE,
    },
    Translation {
        construct: "vmware.content_library",
        fidelity: Fidelity::None,
        replacement: &[
            "virsh vol-create-as {datastore} golden.qcow2 20G --format qcow2 && virsh vol-upload --pool {datastore} golden.qcow2 /srv/images/golden.qcow2",
            "virsh vol-list {datastore} --details",
        ],
        caveats: &[
            "A pool full of images is not a library: no catalogue, no versions, no subscription, and each host sees only its own pools.",
        ],
        instead: "Keep images in a shared pool (NFS or Ceph RBD) or sync a directory to every host with rsync or Ansible, and version them by file name; otherwise accept one copy per host.",
        signal: "",
        references: &[STORAGE, VIRSH],
        effort: effort::REWRITE,
    },
    Translation {
        construct: "vmware.ovf_import_export",
        fidelity: Fidelity::Partial,
        replacement: &[
            "virt-v2v -i ova /srv/import/{vm}.ova -o libvirt -os {datastore}",
            "virt-v2v -ic 'vpx://administrator%40vsphere.local@vcenter.example.com/Datacenter/{cluster}/esxi01.example.com?no_verify=1' {vm} -o libvirt -os {datastore}",
            "qemu-img convert -p -f vmdk -O qcow2 {vm}.vmdk /var/lib/libvirt/images/{vm}.qcow2",
        ],
        caveats: &[
            "OVF hardware is not carried over one to one: virt-v2v writes a new domain XML and installs virtio drivers for the guests it supports.",
            "A bare qemu-img conversion copies the disk only, with no drivers and no domain definition, so a Windows guest may not boot on virtio.",
            "There is no OVF export: ship the qcow2 images plus the domain XML instead.",
        ],
        instead: "",
        signal: "",
        references: &[VIRT_V2V, VIRT_V2V_VMWARE, QEMU_IMG],
        effort: effort::REWRITE,
    },
    Translation {
        construct: "vmware.tools_guest_agent",
        fidelity: Fidelity::Equivalent,
        replacement: &[
            "virt-xml {vm} --add-device --channel unix,target.type=virtio,target.name=org.qemu.guest_agent.0",
            "dnf install -y qemu-guest-agent && systemctl enable --now qemu-guest-agent",
            "virsh guestinfo {vm}",
            "virsh domifaddr {vm} --source agent",
        ],
        caveats: &[
            "The agent is only reachable if the domain has the org.qemu.guest_agent.0 virtio channel; plan it into templates.",
            "Windows guests need the virtio-win drivers and the QEMU guest agent, whose VSS provider is what makes freezes application-aware.",
            "Nothing reports a 'tools out of date' state; track agent versions with the guest's package manager.",
        ],
        instead: "",
        signal: "",
        references: &[QEMU_GA, VIRT_XML, VIRSH],
        effort: effort::SWAP,
    },
    Translation {
        construct: "vmware.guest_operations",
        fidelity: Fidelity::Partial,
        replacement: &[
            r#"virsh qemu-agent-command {vm} "$(jq -nc '.execute="guest-exec" | .arguments.path="/bin/sh" | .arguments.arg=["-c","uptime"] | .arguments["capture-output"]=true')""#,
            r#"virsh qemu-agent-command {vm} "$(jq -nc --argjson pid "$GA_PID" '.execute="guest-exec-status" | .arguments.pid=$pid')""#,
            "virt-copy-in -d {vm} ./app.conf /etc/app/",
        ],
        caveats: &[
            "No guest credentials are involved: commands run as the agent's account (root or SYSTEM), so the login check the Guest Operations API made is gone.",
            "RHEL-family agents block guest-exec and guest-file-* by default (BLACKLIST_RPC on EL8, an --allow-rpcs list on EL9 and later); enable them on purpose or use SSH/WinRM.",
            "guest-exec returns a PID; poll guest-exec-status and base64-decode out-data, and note virt-copy-in writes only to a shut-off guest.",
        ],
        instead: "",
        signal: "",
        references: &[QEMU_GA, VIRSH, VIRT_COPY_IN],
        effort: effort::REWRITE,
    },
    Translation {
        construct: "vmware.console",
        fidelity: Fidelity::Equivalent,
        replacement: &[
            "virsh domdisplay {vm}",
            "virt-viewer --connect qemu+ssh://root@{host}/system {vm}",
            "virsh console {vm}",
        ],
        caveats: &[
            "Graphical consoles are SPICE or VNC, normally bound to the hypervisor's loopback, so remote viewers tunnel through SSH.",
            "virsh console needs a serial console enabled in the guest (e.g. console=ttyS0 on Linux).",
            "There is no browser console out of the box; add noVNC or Cockpit if operators relied on the web client.",
        ],
        instead: "",
        signal: "",
        references: &[VIRSH, FORMAT_DOMAIN],
        effort: effort::SWAP,
    },
    Translation {
        construct: "vmware.inventory_tags_folders",
        fidelity: Fidelity::Partial,
        replacement: &[
            r#"virsh desc {vm} --config --title --new-desc "web tier, owner team-a""#,
            r#"virsh metadata {vm} https://example.org/ns/tags --config --key tags --set "<tags><tag>env:prod</tag><tag>app:web</tag></tags>""#,
            "virsh metadata {vm} https://example.org/ns/tags --config",
        ],
        caveats: &[
            "Domain metadata is free-form XML stored with one domain on one host: no categories, no cardinality, no folder tree and no query across hosts.",
            "Permissions cannot be attached to tags or folders as in vCenter.",
        ],
        instead: "Keep grouping in an external inventory (Ansible groups, a CMDB) and mirror only the lookup keys into <metadata>.",
        signal: "",
        references: &[FORMAT_DOMAIN, VIRSH],
        effort: effort::REWRITE,
    },
    Translation {
        construct: "vmware.vm.disk",
        fidelity: Fidelity::Equivalent,
        replacement: &[
            "virsh vol-create-as {datastore} {vm}-data.qcow2 20G --format qcow2",
            r#"virsh attach-disk {vm} "$(virsh vol-path --pool {datastore} {vm}-data.qcow2)" vdb --subdriver qcow2 --targetbus virtio --persistent"#,
            "virsh blockresize {vm} vda 60G",
        ],
        caveats: &[
            "Growing the virtual disk does not grow the partition or filesystem; finish in the guest (growpart and resize2fs/xfs_growfs, or Disk Management).",
            "blockresize will shrink a disk if handed a smaller size; libvirt 12.3 and later offer --extend to refuse that, so check the number on older hosts.",
            "blockresize needs a running domain; for a shut-off VM resize the image with qemu-img resize.",
        ],
        instead: "",
        signal: "",
        references: &[VIRSH, NEWS, QEMU_IMG],
        effort: effort::SWAP,
    },
    Translation {
        construct: "vmware.vm.nic",
        fidelity: Fidelity::Equivalent,
        replacement: &[
            "virsh attach-interface {vm} network {network} --model virtio --persistent",
            "virsh attach-interface {vm} bridge br0 --model virtio --persistent",
            "virsh domiflist {vm}",
            "virsh update-device {vm} nic.xml --live --config",
        ],
        caveats: &[
            "vmxnet3 becomes virtio-net: the guest sees new hardware and may rename the interface or lose static IP settings unless the MAC is carried over.",
            "Moving a NIC to another network or portgroup is an update-device with edited interface XML, not a dropdown.",
        ],
        instead: "",
        signal: "",
        references: &[VIRSH, FORMAT_DOMAIN],
        effort: effort::SWAP,
    },
    Translation {
        construct: "vmware.vm.hardware_version",
        fidelity: Fidelity::Partial,
        replacement: &[
            r#"virsh dumpxml {vm} --xpath "//os/type/@machine""#,
            "virsh domcapabilities --machine q35",
            "virsh edit {vm}",
        ],
        caveats: &[
            "The versioned machine type (pc-q35-X.Y) is the nearest thing to a hardware version; raising it changes guest-visible hardware and takes effect at the next cold boot.",
            "Live migration needs a destination QEMU that supports the source's machine type, so keep QEMU versions aligned or pin the oldest type in use.",
        ],
        instead: "",
        signal: "",
        references: &[FORMAT_DOMAIN, VIRSH],
        effort: effort::SWAP,
    },
    Translation {
        construct: "vmware.vm.files_vmx_vmdk",
        fidelity: Fidelity::Partial,
        replacement: &[
            "virsh dumpxml {vm} > {vm}.xml",
            "virsh domblklist {vm} --details",
            "virsh vol-list {datastore} --details",
            "qemu-img convert -p -f vmdk -O qcow2 {vm}.vmdk /var/lib/libvirt/images/{vm}.qcow2",
        ],
        caveats: &[
            "The .vmx has no file-level twin: libvirt owns the domain XML, so change it with virsh edit or virt-xml rather than editing /etc/libvirt/qemu by hand.",
            "Disks are qcow2 or raw volumes in pools; there is no .vswp, and UEFI variables live in a per-VM NVRAM file under /var/lib/libvirt/qemu/nvram.",
            "Datastore paths such as [ds1] vm/vm.vmdk become plain filesystem paths or pool/volume names; converted disks still need a domain definition (or use virt-v2v).",
        ],
        instead: "",
        signal: "",
        references: &[FORMAT_DOMAIN, QEMU_IMG, VIRT_V2V],
        effort: effort::REWRITE,
    },
    Translation {
        construct: "vmware.vapp",
        fidelity: Fidelity::None,
        replacement: &[r#"for d in db01 app01 web01; do virsh start "$d"; sleep 30; done"#],
        caveats: &[
            "Nothing groups VMs into one unit with a shared start order, properties or resource limits.",
        ],
        instead: "Script the start and stop order (shell loop, systemd unit or Ansible play), or on a Pacemaker cluster use ordering constraints; there is no container to power on as a whole.",
        signal: "",
        references: &[VIRSH, PACEMAKER_DOCS],
        effort: effort::REWRITE,
    },
    Translation {
        construct: "vmware.passthrough_rdm_vgpu",
        fidelity: Fidelity::Equivalent,
        replacement: &[
            "virsh nodedev-list --cap pci",
            "virsh nodedev-detach pci_0000_3b_00_0",
            "virsh attach-device {vm} hostdev.xml --config",
            "virsh attach-disk {vm} /dev/disk/by-id/wwn-0x600a0b800012345 sdb --type lun --targetbus scsi --persistent",
        ],
        caveats: &[
            "A VM holding a host PCI device or mdev is tied to that host; live migration is generally refused.",
            "The device must be bound to vfio-pci with the IOMMU enabled; vGPU types come from the vendor's mdev driver on each host.",
            "LUN passthrough (device='lun') forwards SCSI commands and is the closest match to a physical-mode RDM.",
        ],
        instead: "",
        signal: "",
        references: &[FORMAT_DOMAIN, VIRSH],
        effort: effort::REWRITE,
    },
    Translation {
        construct: "vmware.datacenter_cluster_objects",
        fidelity: Fidelity::None,
        replacement: &["virsh -c qemu+ssh://root@{host}/system nodeinfo"],
        caveats: &[
            "libvirt stops at the single host: there is no datacenter, cluster or host folder to create, query or attach settings to.",
        ],
        instead: "Model datacenters and clusters as groups in an inventory (Ansible groups, a CMDB) and run per-host commands across a group; move to a manager such as oVirt, Proxmox VE or OpenStack if the grouping must be enforced.",
        signal: "",
        references: &[URI, ANSIBLE_LIBVIRT],
        effort: effort::ADOPT,
    },
    // ---- vmotion ----
    Translation {
        construct: "vmware.vmotion",
        fidelity: Fidelity::Equivalent,
        replacement: &[
            "virsh migrate --live --persistent --undefinesource --verbose {vm} qemu+ssh://root@{host}/system",
            "virsh migrate --live --persistent --undefinesource --p2p --tunnelled {vm} qemu+ssh://root@{host}/system",
            "virsh domjobinfo {vm}",
            "virsh domjobabort {vm}",
        ],
        caveats: &[
            "You name the destination yourself; nothing checks its capacity or picks a host.",
            "Leave out --persistent and --undefinesource and the guest runs transient on the target while its definition stays on the source, where it would come back after a restart.",
            "Both hosts need the same disk paths on shared storage, the same network or bridge names and a CPU model the destination can provide.",
        ],
        instead: "",
        signal: "",
        references: &[MIGRATION, VIRSH, RHEL_VIRSH_MIGRATE],
        effort: effort::SWAP,
    },
    Translation {
        construct: "vmware.storage_vmotion",
        fidelity: Fidelity::Partial,
        replacement: &[
            "virsh blockcopy {vm} vda /var/lib/libvirt/images/{vm}-vda.qcow2 --transient-job --wait --verbose --pivot",
            "virt-xml {vm} --edit target=vda --disk path=/var/lib/libvirt/images/{vm}-vda.qcow2",
        ],
        caveats: &[
            "A persistent domain only accepts blockcopy with --transient-job (libvirt 3.5+): if the VM stops mid-copy the job is gone and has to be started again.",
            "After the pivot only the running definition points at the new file; update the persistent XML too (the virt-xml line) or the next cold boot uses the old path.",
            "The move is per disk and on the same host; repeat for every disk and delete the old images yourself.",
        ],
        instead: "",
        signal: "",
        references: &[VIRSH, VIRT_XML, BACKING_CHAINS],
        effort: effort::REWRITE,
    },
    Translation {
        construct: "vmware.vmotion.shared_nothing",
        fidelity: Fidelity::Partial,
        replacement: &[
            "virsh -c qemu+ssh://root@{host}/system vol-create-as {datastore} {vm}.qcow2 40G --format qcow2",
            "virsh migrate --live --persistent --undefinesource --copy-storage-all --verbose {vm} qemu+ssh://root@{host}/system",
            "virsh migrate --live --persistent --undefinesource --copy-storage-all --migrate-disks vda,vdb {vm} qemu+ssh://root@{host}/system",
        ],
        caveats: &[
            "Depending on the libvirt/QEMU version and the storage type, the destination images may have to exist already at the same path and size.",
            "A write-heavy disk can keep the copy from converging; watch virsh domjobinfo and consider --auto-converge or a quiet window.",
            "The source images stay behind after a successful move; remove them yourself.",
        ],
        instead: "",
        signal: "",
        references: &[RHEL_VIRSH_MIGRATE, MIGRATION, VIRSH],
        effort: effort::REWRITE,
    },
    Translation {
        construct: "vmware.vmotion.cross_vcenter",
        fidelity: Fidelity::Partial,
        replacement: &[
            "virsh dumpxml --migratable {vm} > {vm}-dest.xml",
            "virsh migrate --live --persistent --undefinesource --copy-storage-all --xml {vm}-dest.xml --persistent-xml {vm}-dest.xml {vm} qemu+ssh://root@{host}/system",
        ],
        caveats: &[
            "There is no manager boundary to cross: any two hosts that can reach each other can migrate, but nothing like HCX stretches networks between sites.",
            "Networks, bridges and storage paths must exist on the destination; when names differ, rewrite them in a --xml copy of the definition.",
        ],
        instead: "",
        signal: "",
        references: &[MIGRATION, VIRSH],
        effort: effort::REWRITE,
    },
    Translation {
        construct: "vmware.evc",
        fidelity: Fidelity::Equivalent,
        replacement: &[
            "virsh -c qemu+ssh://root@{host}/system domcapabilities > {host}-domcaps.xml",
            "cat *-domcaps.xml > all-domcaps.xml && virsh hypervisor-cpu-baseline --file all-domcaps.xml --migratable",
            "virt-xml {vm} --edit --cpu model=Cascadelake-Server-noTSX,mode=custom,match=exact",
        ],
        caveats: &[
            "The baseline is set per VM in its XML, not enforced for a cluster: any VM left on host-passthrough can still refuse to migrate to an older CPU.",
            "Compute the baseline over every host (including ones you plan to add) and use the same named model on all of them.",
        ],
        instead: "",
        signal: "",
        references: &[FORMAT_DOMAIN, VIRSH],
        effort: effort::REWRITE,
    },
    Translation {
        construct: "vmware.vmotion.network_encryption",
        fidelity: Fidelity::Equivalent,
        replacement: &[
            "virsh migrate --live --persistent --undefinesource --tls {vm} qemu+tls://{host}/system",
            "virsh migrate --live --persistent --undefinesource --migrateuri tcp://$MIGRATION_IP {vm} qemu+ssh://root@{host}/system",
            "virsh migrate --live --persistent --undefinesource --auto-converge --bandwidth 1000 {vm} qemu+ssh://root@{host}/system",
            "virsh migrate-setmaxdowntime {vm} 500",
        ],
        caveats: &[
            "--tls encrypts QEMU's own migration stream and needs x509 certificates on both hosts (migrate_tls_x509_cert_dir in qemu.conf), separate from the certificates of the libvirt connection.",
            "The migration network is chosen per call with --migrateuri (or per host in qemu.conf), not as a VMkernel port with its own stack.",
        ],
        instead: "",
        signal: "",
        references: &[MIGRATION, TLS_CERTS, VIRSH],
        effort: effort::SWAP,
    },
    Translation {
        construct: "vmware.cold_migration",
        fidelity: Fidelity::Partial,
        replacement: &[
            "rsync -aS --progress /var/lib/libvirt/images/{vm}.qcow2 root@{host}:/var/lib/libvirt/images/",
            "virsh migrate --offline --persistent --undefinesource {vm} qemu+ssh://root@{host}/system",
        ],
        caveats: &[
            "--offline moves only the definition; copy the disk images first (rsync -S keeps them sparse) or keep them on a shared pool.",
            "Keep the same image paths on the destination, or fix them in the XML there before the first start.",
        ],
        instead: "",
        signal: "",
        references: &[VIRSH, MIGRATION],
        effort: effort::REWRITE,
    },
    // ---- vsan / storage ----
    Translation {
        construct: "vmware.spbm.storage_policy",
        fidelity: Fidelity::None,
        replacement: &[
            "virsh vol-create-as {datastore} {vm}-vdb.qcow2 50G --format qcow2",
            "virsh blkdeviotune {vm} vdb --total-iops-sec 2000 --live --config",
        ],
        caveats: &[
            "A storage pool is a place, not a rule set: nothing records which tier a disk should be on or checks that it still is.",
        ],
        instead: "Turn policies into conventions: one pool per service tier, the pool and format chosen per disk in the provisioning script, and I/O caps applied with blkdeviotune.",
        signal: "",
        references: &[STORAGE, VIRSH],
        effort: effort::REWRITE,
    },
    Translation {
        construct: "vmware.vsan.cluster",
        fidelity: Fidelity::None,
        replacement: &[
            "virsh pool-define-as {datastore} rbd --source-host mon1.example.com --source-name libvirt-pool --auth-type ceph --auth-username libvirt --secret-uuid $SECRET_UUID",
            "virsh pool-start {datastore} && virsh pool-autostart {datastore}",
        ],
        caveats: &[
            "libvirt neither builds nor runs distributed storage; it only attaches storage that already exists.",
        ],
        instead: "Run the shared or hyper-converged storage beside libvirt (Ceph, or a SAN/NFS) and define it as a pool on every host; operating that storage cluster becomes a job of its own.",
        signal: "",
        references: &[CEPH_LIBVIRT, STORAGE],
        effort: effort::ADOPT,
    },
    Translation {
        construct: "vmware.vsan.ftt_raid",
        fidelity: Fidelity::None,
        replacement: &[],
        caveats: &[
            "There is no failures-to-tolerate setting: a VM disk gets whatever redundancy its pool's backend provides, set per pool rather than per disk.",
        ],
        instead: "Set redundancy in the storage system you adopt, e.g. Ceph replica size/min_size or erasure-coded pools, or RAID on local disks, and map each tier to its own pool.",
        signal: "",
        references: &[CEPH_POOLS, STORAGE],
        effort: effort::ADOPT,
    },
    Translation {
        construct: "vmware.datastore",
        fidelity: Fidelity::Equivalent,
        replacement: &[
            "virsh pool-define-as {datastore} netfs --source-host nfs01.example.com --source-path /export/vms --target /var/lib/libvirt/images/{datastore}",
            "virsh pool-start {datastore} && virsh pool-autostart {datastore}",
            "virsh pool-list --all --details",
            "virsh pool-info {datastore}",
        ],
        caveats: &[
            "Pools are defined per host; define shared ones with the same name and target path everywhere so migrated VMs find their disks.",
            "There is no VMFS-like clustered filesystem: on shared block storage use a cluster-aware layer (e.g. lvmlockd) and libvirt's lock manager (virtlockd or sanlock) so two hosts never run the same disk.",
        ],
        instead: "",
        signal: "",
        references: &[STORAGE, FORMAT_STORAGE],
        effort: effort::SWAP,
    },
    Translation {
        construct: "vmware.storage_drs",
        fidelity: Fidelity::None,
        replacement: &[
            "virsh pool-info {datastore}",
            "virsh blkdeviotune {vm} vda --total-iops-sec 2000 --live --config",
        ],
        caveats: &[
            "No datastore clusters, no placement by free space or latency, and no SIOC-style throttling across hosts.",
        ],
        instead: "Place disks by script using pool capacity, move them with blockcopy in a quiet window, and cap noisy disks with blkdeviotune; or accept that nothing rebalances storage.",
        signal: "",
        references: &[VIRSH, STORAGE],
        effort: effort::REDESIGN,
    },
    Translation {
        construct: "vmware.disk_provisioning",
        fidelity: Fidelity::Equivalent,
        replacement: &[
            "qemu-img create -f qcow2 -o preallocation=off /var/lib/libvirt/images/{vm}.qcow2 40G",
            "qemu-img create -f raw -o preallocation=falloc /var/lib/libvirt/images/{vm}.raw 40G",
            "qemu-img create -f raw -o preallocation=full /var/lib/libvirt/images/{vm}.raw 40G",
            "virsh vol-create-as {datastore} {vm}.qcow2 40G --format qcow2 --allocation 0",
        ],
        caveats: &[
            "falloc reserves blocks without writing them (close to lazy-zeroed); full writes zeros up front (eager-zeroed).",
            "Thin images need free-space monitoring on the pool: by default QEMU pauses a guest whose write hits ENOSPC, and libvirt raises no earlier warning.",
        ],
        instead: "",
        signal: "",
        references: &[QEMU_IMG, STORAGE],
        effort: effort::SWAP,
    },
    Translation {
        construct: "vmware.vsan.stretched",
        fidelity: Fidelity::None,
        replacement: &[],
        caveats: &["libvirt knows no fault domains, witness or site awareness."],
        instead: "Build site resilience below and beside libvirt: Ceph stretch mode or synchronous DRBD for data, and a Pacemaker cluster with a quorum tie-breaker at a third site; or run independent sites and fail over at the application or DNS level.",
        signal: "",
        references: &[CEPH_STRETCH, PACEMAKER_DOCS],
        effort: effort::REDESIGN,
    },
    Translation {
        construct: "vmware.vsan.health",
        fidelity: Fidelity::None,
        replacement: &["virsh pool-list --all --details", "ceph health detail"],
        caveats: &[
            "libvirt reports only pool state and capacity; there is no catalogue of health checks like Skyline's.",
        ],
        instead: "Monitor the storage you adopted with its own tooling (ceph health, the Ceph Prometheus module, SMART and RAID checks) and alert through your monitoring stack.",
        signal: "",
        references: &[STORAGE, CEPH_LIBVIRT],
        effort: effort::ADOPT,
    },
    // ---- nsx / networking ----
    Translation {
        construct: "vmware.vds_portgroup",
        fidelity: Fidelity::Partial,
        replacement: &[
            "virsh net-define {network}.xml",
            "virsh net-start {network} && virsh net-autostart {network}",
            "for h in $HOSTS; do virsh -c qemu+ssh://root@$h/system net-define {network}.xml; done",
        ],
        caveats: &[
            "Each host holds its own copy of the network (a bridge or Open vSwitch forward with <portgroup> entries); keeping names, VLANs and MTU identical is up to your config management.",
            "Portgroups carry VLAN tags and bandwidth defaults, but there is no central switch with uplink teaming policy or port state to inspect.",
        ],
        instead: "",
        signal: "",
        references: &[FORMAT_NETWORK, VIRSH],
        effort: effort::REWRITE,
    },
    Translation {
        construct: "vmware.vss",
        fidelity: Fidelity::Equivalent,
        replacement: &[
            "nmcli connection add type bridge ifname br0 con-name br0",
            "nmcli connection add type bridge-slave ifname eno1 master br0",
            "virsh attach-interface {vm} bridge br0 --model virtio --persistent",
        ],
        caveats: &[
            "The Linux bridge lives in the host OS configuration (NetworkManager, ifupdown, netplan), not in libvirt; a slip can cut the host's own management link.",
            "A VLAN port group becomes a VLAN sub-interface with its own bridge, or a VLAN-aware bridge.",
        ],
        instead: "",
        signal: "",
        references: &[NMCLI, FORMAT_DOMAIN],
        effort: effort::SWAP,
    },
    Translation {
        construct: "vmware.nsx.segment",
        fidelity: Fidelity::None,
        replacement: &[
            "ovs-vsctl add-port br-overlay vx5001 -- set interface vx5001 type=vxlan options:remote_ip=$PEER_IP options:key=5001",
        ],
        caveats: &[
            "libvirt networks are local to a host; a logical switch spanning hosts needs an overlay that you build and run.",
        ],
        instead: "Hand-build VXLAN overlays on Linux bridges or Open vSwitch, or adopt OVN as the SDN control plane; for a managed equivalent move to a stack that ships one (OpenStack Neutron, oVirt with OVN, Proxmox VE SDN).",
        signal: "",
        references: &[OVS_DOCS, OVN_DOCS, FORMAT_NETWORK],
        effort: effort::ADOPT,
    },
    Translation {
        construct: "vmware.nsx.dfw",
        fidelity: Fidelity::Partial,
        replacement: &[
            "virsh nwfilter-define web-allow.xml",
            "virt-xml {vm} --edit --network filterref.filter=web-allow",
            "virsh nwfilter-list",
            "virsh nwfilter-binding-list",
        ],
        caveats: &[
            "Filters are XML defined per host and bound per vNIC: no central rule base, no tag-based groups, no hit counters.",
            "A migrated VM keeps its filtering only if the same nwfilter exists on the destination.",
            "IP-based rules depend on the filter learning or being given the guest's address (the IP variable, as in clean-traffic).",
        ],
        instead: "",
        signal: "",
        references: &[FORMAT_NWFILTER, VIRSH],
        effort: effort::REWRITE,
    },
    Translation {
        construct: "vmware.nsx.groups_tags",
        fidelity: Fidelity::None,
        replacement: &[],
        caveats: &[
            "There is no dynamic membership: nwfilter rules name concrete addresses or per-interface variables.",
        ],
        instead: "Compute memberships in your own tooling from inventory tags (Ansible, CMDB) and push the resulting nwfilter definitions to each host; or adopt an SDN with security groups (OVN, OpenStack Neutron).",
        signal: "",
        references: &[FORMAT_NWFILTER],
        effort: effort::REDESIGN,
    },
    Translation {
        construct: "vmware.nsx.gateway",
        fidelity: Fidelity::Partial,
        replacement: &[
            "virsh net-define {network}.xml",
            "virsh net-start {network}",
            "virsh net-dhcp-leases {network}",
        ],
        caveats: &[
            "A libvirt NAT or routed network (<forward mode='nat'/> or mode='route') gives one host a gateway with DHCP and DNS from dnsmasq; there is no distributed or redundant router, no BGP and no edge cluster.",
            "Inbound port forwarding to NATed guests needs your own firewall rules or a libvirt hook script.",
        ],
        instead: "For real routing run FRR on the hosts or on dedicated router VMs, with keepalived for a redundant gateway.",
        signal: "",
        references: &[FORMAT_NETWORK, HOOKS],
        effort: effort::REWRITE,
    },
    Translation {
        construct: "vmware.nsx.lb_vpn",
        fidelity: Fidelity::None,
        replacement: &[],
        caveats: &["libvirt provides no load balancing, VPN or other L4-L7 network service."],
        instead: "Run these services as workloads: HAProxy or nginx with keepalived for load balancing, WireGuard or strongSwan for VPN; their HA and configuration are yours to operate.",
        signal: "",
        references: &[HAPROXY, WIREGUARD],
        effort: effort::ADOPT,
    },
    Translation {
        construct: "vmware.vds_advanced",
        fidelity: Fidelity::Partial,
        replacement: &[
            r#"nmcli connection add type bond ifname bond0 con-name bond0 bond.options "mode=802.3ad,miimon=100,lacp_rate=fast""#,
            "virsh domiftune {vm} vnet0 --inbound 10000,20000,1024 --outbound 10000,20000,1024 --live --config",
        ],
        caveats: &[
            "LACP is a bond in each host's OS, not a property of a distributed switch.",
            "Shaping with domiftune or <bandwidth> applies per vNIC in KiB/s; there is no NIOC-style sharing of an uplink between traffic classes.",
            "No private VLANs: approximate them with separate VLANs or nwfilter isolation.",
        ],
        instead: "",
        signal: "",
        references: &[NMCLI, VIRSH, FORMAT_NETWORK],
        effort: effort::REWRITE,
    },
    Translation {
        construct: "vmware.port_mirroring",
        fidelity: Fidelity::None,
        replacement: &[
            "tc qdisc add dev vnet0 ingress && tc filter add dev vnet0 parent ffff: matchall action mirred egress mirror dev mon0",
            "ovs-vsctl -- set Bridge br0 mirrors=@m -- --id=@src get Port vnet0 -- --id=@out get Port mon0 -- --id=@m create Mirror name=span0 select-dst-port=@src select-src-port=@src output-port=@out",
        ],
        caveats: &[
            "The vnetN device of a guest changes at every start or migration, so static mirror rules silently stop matching.",
        ],
        instead: "Mirror on the host by hand, with tc mirred on Linux bridges or an OVS Mirror on Open vSwitch, and re-apply it from a libvirt qemu hook whenever the VM starts or arrives.",
        signal: "",
        references: &[TC_MIRRED, OVS_DOCS, HOOKS],
        effort: effort::REWRITE,
    },
    // ---- observability ----
    Translation {
        construct: "vmware.perf.cpu_ready",
        fidelity: Fidelity::Partial,
        replacement: &[
            "virsh domstats --vcpu {vm}",
            "virsh domstats --vcpu --list-running",
        ],
        caveats: &[
            "vcpu.<n>.delay is a cumulative count of nanoseconds a vCPU thread sat in the host run queue; sample it twice and divide the delta by the interval to get a ready-style percentage.",
            "vcpu.<n>.wait is time waiting on I/O, not scheduler contention, so do not map CPU Ready onto it; delay needs libvirt 7.2 or later.",
            "There is no co-stop counter because KVM schedules each vCPU thread independently.",
        ],
        instead: "",
        signal: "virsh domstats --vcpu field vcpu.<n>.delay (ns queued by the host scheduler, seen by the guest as steal); in Prometheus rate(libvirt_domain_vcpu_delay_seconds_total[5m]) per vCPU from a domstats-based libvirt exporter; cross-check with steal in the guest's /proc/stat.",
        references: &[VIRSH, EXPORTER_DOMSTATS, SCHEDSTAT],
        effort: effort::REWRITE,
    },
    Translation {
        construct: "vmware.perf.memory",
        fidelity: Fidelity::Partial,
        replacement: &[
            "virsh dommemstat {vm} --period 10 --live",
            "virsh dommemstat {vm}",
            "virsh domstats --balloon {vm}",
        ],
        caveats: &[
            "Guest-reported fields (unused, available, swap_in/out, major_fault) appear only once a stats period is set and the virtio-balloon driver runs in the guest.",
            "There is no 'active memory' estimate: rss is the QEMU process's footprint on the host, available/unused are the guest's own view.",
            "Ballooning is driven by you (virsh setmem); nothing reclaims guest memory automatically under host pressure unless you configure it.",
        ],
        instead: "",
        signal: "virsh domstats --balloon fields balloon.current, balloon.rss, balloon.available, balloon.unused, balloon.swap_in/swap_out and balloon.major_fault; exported as libvirt_domain_memory_stats_* series (rss_bytes, available_bytes, unused_bytes, major_fault_total) by a domstats-based libvirt exporter.",
        references: &[VIRSH, EXPORTER_DOMSTATS],
        effort: effort::REWRITE,
    },
    Translation {
        construct: "vmware.perf.disk_latency",
        fidelity: Fidelity::Partial,
        replacement: &[
            "virsh domstats --block {vm}",
            "virsh domblkstat {vm} vda --human",
        ],
        caveats: &[
            "Latency is derived: take deltas of block.<n>.rd.times over block.<n>.rd.reqs (and wr.*, fl.*) across an interval; the times are nanoseconds.",
            "These figures are per virtual disk as QEMU sees them; datastore-level latency comes from the host (iostat, node_exporter) or the storage system.",
            "Recent libvirt releases can also collect per-disk latency histograms when enabled on the disk driver's statistics element.",
        ],
        instead: "",
        signal: "virsh domstats --block: delta(block.<n>.rd.times)/delta(block.<n>.rd.reqs) and the same for wr and fl, in ns per operation; in Prometheus rate(libvirt_domain_block_stats_read_time_seconds_total[5m]) / rate(libvirt_domain_block_stats_read_requests_total[5m]) (write_* likewise), plus node_exporter disk metrics for the backing storage.",
        references: &[VIRSH, EXPORTER_DOMSTATS, NEWS],
        effort: effort::REWRITE,
    },
    Translation {
        construct: "vmware.perf.api",
        fidelity: Fidelity::Partial,
        replacement: &[
            "virsh domstats --raw",
            "virsh nodecpustats --percent",
            "virsh nodememstats",
            "virt-top -b -n 1",
        ],
        caveats: &[
            "Counters are cumulative values read on demand; there are no rolled-up intervals as in vCenter, so history has to live in a time-series database.",
            "Scripts built on Get-Stat or PerformanceManager must be rewritten against domstats fields, which have other names and units.",
        ],
        instead: "",
        signal: "All domstats groups scraped per host by a Prometheus libvirt exporter (listening on port 9177 by default) into Prometheus and Grafana, with node_exporter for host CPU, memory, disk and network.",
        references: &[VIRSH, EXPORTER_INOVEX, EXPORTER_DOMSTATS],
        effort: effort::ADOPT,
    },
    Translation {
        construct: "vmware.vrops.alerts",
        fidelity: Fidelity::None,
        replacement: &["promtool check rules libvirt-alerts.yml"],
        caveats: &[
            "libvirt ships no symptom definitions, alert definitions or metric keys; every vROps alert has to be rewritten as a query with its own threshold.",
        ],
        instead: "Adopt Prometheus with a libvirt exporter, node_exporter and Alertmanager (or Zabbix, or Grafana alerting) and re-express each vROps symptom as an alert rule over those metrics.",
        signal: "Prometheus alert rules over libvirt exporter series such as rate(libvirt_domain_vcpu_delay_seconds_total[5m]), libvirt_domain_memory_stats_*, libvirt_domain_block_stats_* and libvirt_domain_info_*, plus node_exporter host metrics, routed by Alertmanager.",
        references: &[ALERTMANAGER, EXPORTER_DOMSTATS, EXPORTER_INOVEX],
        effort: effort::ADOPT,
    },
    Translation {
        construct: "vmware.vrops.capacity_rightsizing",
        fidelity: Fidelity::None,
        replacement: &[],
        caveats: &[
            "Nothing in libvirt models capacity, runs what-if scenarios or recommends VM sizes.",
        ],
        instead: "Build capacity dashboards in Grafana over Prometheus history (per-VM use against allocation, host headroom) and review them on a schedule; rightsizing becomes a manual decision.",
        signal: "rate(libvirt_domain_info_cpu_time_seconds_total[1h]) against libvirt_domain_info_virtual_cpus, libvirt_domain_info_memory_usage_bytes or libvirt_domain_memory_stats_* against libvirt_domain_info_maximum_memory_bytes, and node_exporter host CPU/memory for headroom.",
        references: &[EXPORTER_INOVEX, EXPORTER_DOMSTATS],
        effort: effort::ADOPT,
    },
    Translation {
        construct: "vmware.vcenter.alarms",
        fidelity: Fidelity::None,
        replacement: &["virsh event --all --loop --timestamp"],
        caveats: &[
            "libvirt emits events but defines no alarms, thresholds or actions, and a watcher must be running to see an event at all.",
        ],
        instead: "Feed libvirt events and exporter metrics into an alerting system (Prometheus Alertmanager, Zabbix) and recreate each alarm and its action there; libvirt hook scripts can run an action on VM lifecycle changes.",
        signal: "virsh event --all --loop (lifecycle, io-error, watchdog, block-threshold, job-completed) forwarded to the alerting pipeline, plus Prometheus rules on libvirt_domain_state_code, libvirt_up and exporter metrics, routed by Alertmanager.",
        references: &[VIRSH, HOOKS, ALERTMANAGER],
        effort: effort::ADOPT,
    },
    Translation {
        construct: "vmware.events_tasks",
        fidelity: Fidelity::Partial,
        replacement: &[
            "virsh event --all --loop --timestamp",
            "virsh domjobinfo {vm}",
            "virsh domjobinfo {vm} --completed",
            r#"journalctl -u virtqemud --since "1 hour ago""#,
        ],
        caveats: &[
            "libvirt keeps no task list or event history: events are delivered live only, so persist them (journald, a log shipper) if you need Get-VIEvent-style lookback.",
            "Progress of long operations shows in domjobinfo while the job runs; statistics of a finished job need --completed.",
        ],
        instead: "",
        signal: "The virsh event stream (lifecycle, reboot, io-error, migration-iteration, job-completed) and the daemon log in journald (virtqemud, or libvirtd on monolithic setups), shipped to the central log store.",
        references: &[VIRSH, LOGGING],
        effort: effort::REWRITE,
    },
    Translation {
        construct: "vmware.loginsight_syslog",
        fidelity: Fidelity::Equivalent,
        replacement: &[
            "echo '*.* @@logs.example.com:514' > /etc/rsyslog.d/90-forward.conf && systemctl restart rsyslog",
            r#"virt-admin -c virtqemud:///system daemon-log-outputs --outputs "3:journald""#,
        ],
        caveats: &[
            "Forwarding is configured per host in the OS (rsyslog or systemd-journal-upload), not pushed from a manager.",
            "libvirt daemon verbosity is set with log_filters and log_outputs (or virt-admin at run time); per-VM QEMU logs stay in /var/log/libvirt/qemu/ unless you ship them too.",
        ],
        instead: "",
        signal: "journald/rsyslog streams of virtqemud (or libvirtd) and the per-VM files in /var/log/libvirt/qemu/, forwarded to the central log store (Loki, Elasticsearch, Graylog).",
        references: &[LOGGING, RSYSLOG],
        effort: effort::SWAP,
    },
    // ---- backup ----
    Translation {
        construct: "vmware.vadp",
        fidelity: Fidelity::Equivalent,
        replacement: &[
            "virsh backup-begin {vm} --backupxml backup-{vm}.xml --checkpointxml checkpoint-{vm}.xml",
            "virsh domjobinfo {vm}",
            "virsh domjobabort {vm}",
            "virtnbdbackup -d {vm} -l full -o /backup/{vm}",
        ],
        caveats: &[
            "Plan on libvirt 7.2 and QEMU 4.2 or newer; in pull mode the disks are exported over NBD, which backup software reads much as it read through VDDK.",
            "There are no hot-add or SAN transport modes: data leaves through QEMU's NBD export or is pushed to files on the host.",
            "Your backup product needs a KVM/libvirt integration (or an agent); confirm that before the move.",
        ],
        instead: "",
        signal: "",
        references: &[LIVE_BACKUP, FORMAT_BACKUP, VIRTNBDBACKUP],
        effort: effort::ADOPT,
    },
    Translation {
        construct: "vmware.cbt",
        fidelity: Fidelity::Equivalent,
        replacement: &[
            "virsh checkpoint-create-as {vm} --name cp1",
            "virsh checkpoint-list {vm}",
            r#"echo "<domainbackup><incremental>cp1</incremental></domainbackup>" > inc-{vm}.xml && virsh backup-begin {vm} --backupxml inc-{vm}.xml --checkpointxml cp2-{vm}.xml"#,
            "virtnbdbackup -d {vm} -l inc -o /backup/{vm}",
        ],
        caveats: &[
            "Change tracking is a persistent QEMU dirty bitmap, which survives a shutdown only on qcow2 images; raw disks fall back to full backups.",
            "An unclean stop or editing images outside libvirt can invalidate the bitmaps and force a new full backup.",
        ],
        instead: "",
        signal: "",
        references: &[FORMAT_CHECKPOINT, QEMU_BITMAPS, VIRTNBDBACKUP],
        effort: effort::ADOPT,
    },
    Translation {
        construct: "vmware.backup.app_consistency",
        fidelity: Fidelity::Partial,
        replacement: &[
            "virsh domfsfreeze {vm}",
            "virsh backup-begin {vm} --backupxml backup-{vm}.xml",
            "virsh domfsthaw {vm}",
        ],
        caveats: &[
            "You orchestrate freeze, backup start and thaw; the point in time is fixed when backup-begin returns, and a forgotten thaw leaves the guest's writes hanging.",
            "Application quiescing happens inside the guest: fsfreeze hook scripts on Linux (the agent must run with its hook enabled; the hook directory path varies by distro) and the guest agent's VSS provider on Windows.",
        ],
        instead: "",
        signal: "",
        references: &[QEMU_GA, LIVE_BACKUP, VIRSH],
        effort: effort::REWRITE,
    },
    Translation {
        construct: "vmware.backup.restore",
        fidelity: Fidelity::Partial,
        replacement: &[
            "virtnbdrestore -i /backup/{vm} -o /var/lib/libvirt/images/{vm}-restore",
            "virsh define /backup/{vm}.xml && virsh start {vm}",
            "guestmount -a /var/lib/libvirt/images/{vm}-restore/{vm}.qcow2 -i --ro /mnt/restore",
        ],
        caveats: &[
            "A restore is a rebuild: copy or convert the images back, define the domain from saved XML and start it; nothing registers the VM for you.",
            "Instant recovery and file-level restore depend on the backup tool; by hand, guestmount or qemu-nbd can expose an image read-only to pull files.",
        ],
        instead: "",
        signal: "",
        references: &[VIRTNBDBACKUP, GUESTMOUNT, VIRSH],
        effort: effort::ADOPT,
    },
    // ---- drs ----
    Translation {
        construct: "vmware.drs",
        fidelity: Fidelity::None,
        replacement: &[
            "virsh migrate --live --persistent --undefinesource {vm} qemu+ssh://root@{host}/system",
        ],
        caveats: &[
            "Plain libvirt has no cluster scheduler: a VM runs wherever it was started until someone migrates it.",
        ],
        instead: "Own placement yourself: check host load periodically (virsh nodecpustats, domstats or your monitoring) and live-migrate by hand or script; adopt a manager that schedules (oVirt, Proxmox VE CRS, OpenStack) if balancing must be automatic, or accept static placement.",
        signal: "",
        references: &[VIRSH, MIGRATION],
        effort: effort::REDESIGN,
    },
    Translation {
        construct: "vmware.drs.vm_vm_rules",
        fidelity: Fidelity::None,
        replacement: &["pcs constraint colocation add db02 with db01 -INFINITY"],
        caveats: &["Nothing prevents two replicas from ending up on the same host."],
        instead: "Keep anti-affinity as a placement rule in provisioning and check it after every migration, or run the VMs as Pacemaker resources and express the rule as a colocation constraint with a negative score.",
        signal: "",
        references: &[PACEMAKER_DOCS, PACEMAKER_VIRTUALDOMAIN],
        effort: effort::ADOPT,
    },
    Translation {
        construct: "vmware.drs.vm_host_rules",
        fidelity: Fidelity::None,
        replacement: &[
            "pcs constraint location {vm} prefers {host}=INFINITY",
            "pcs constraint location {vm} avoids {host}",
        ],
        caveats: &[
            "Without a cluster manager there is no must/should distinction: a VM is 'pinned' simply by being defined on one host.",
        ],
        instead: "Pin VMs by where you define them and record it in the inventory, or, with Pacemaker managing the VMs, use location constraints (INFINITY for must, a finite score for should).",
        signal: "",
        references: &[PACEMAKER_DOCS, PACEMAKER_VIRTUALDOMAIN],
        effort: effort::ADOPT,
    },
    Translation {
        construct: "vmware.drs.vm_override",
        fidelity: Fidelity::None,
        replacement: &[
            "pcs resource update {vm} meta resource-stickiness=1000",
            "pcs resource unmanage {vm}",
        ],
        caveats: &["With no DRS there is no per-VM automation level to override."],
        instead: "Drop the step on plain libvirt; under Pacemaker, per-resource stickiness or taking a resource out of cluster control (unmanage) plays a similar role.",
        signal: "",
        references: &[PACEMAKER_DOCS],
        effort: effort::ADOPT,
    },
    Translation {
        construct: "vmware.resource_pools",
        fidelity: Fidelity::Partial,
        replacement: &[
            "virsh schedinfo {vm} --set cpu_shares=2048 --live --config",
            "virsh schedinfo {vm} --set vcpu_quota=50000 --set vcpu_period=100000 --live --config",
            "virsh memtune {vm} --hard-limit 8G --live --config",
            "virsh blkiotune {vm} --weight 500 --live --config",
        ],
        caveats: &[
            "Shares, quotas and limits apply per VM through cgroups on one host; there are no nested pools, expandable reservations or pool-level admission control.",
            "VMs can be grouped under a custom cgroup partition (<resource><partition>), but creating and tuning that partition happens outside libvirt.",
            "A memory hard limit set too tight makes the kernel OOM-kill the QEMU process, i.e. a hard crash of the VM.",
        ],
        instead: "",
        signal: "",
        references: &[CGROUPS, VIRSH, FORMAT_DOMAIN],
        effort: effort::REWRITE,
    },
    Translation {
        construct: "vmware.dpm",
        fidelity: Fidelity::None,
        replacement: &[
            r#"ipmitool -I lanplus -H {host}-bmc -U admin -P "$BMC_PASS" chassis power on"#,
        ],
        caveats: &["Nothing consolidates load or decides when a host may power down."],
        instead: "Power hosts down and up yourself (drain with virsh migrate, then poweroff; wake through IPMI/Redfish or Wake-on-LAN), or accept hosts that stay on.",
        signal: "",
        references: &[IPMITOOL, VIRSH],
        effort: effort::REDESIGN,
    },
    Translation {
        construct: "vmware.drs.recommendations",
        fidelity: Fidelity::None,
        replacement: &[],
        caveats: &["There is no recommendation engine and no predictive placement."],
        instead: "Review host and VM utilisation in your monitoring (Grafana over libvirt exporter data) and migrate by hand when a host runs hot.",
        signal: "",
        references: &[VIRSH, EXPORTER_INOVEX],
        effort: effort::REDESIGN,
    },
    Translation {
        construct: "vmware.vcls",
        fidelity: Fidelity::None,
        replacement: &[],
        caveats: &[
            "libvirt runs no cluster-service VMs, so retreat-mode steps in maintenance runbooks have nothing to act on.",
        ],
        instead: "Drop the step: there are no system VMs to protect or move and no retreat mode to toggle.",
        signal: "",
        references: &[VIRSH],
        effort: effort::SWAP,
    },
    // ---- snapshot ----
    Translation {
        construct: "vmware.snapshot.create",
        fidelity: Fidelity::Equivalent,
        replacement: &[
            r#"virsh snapshot-create-as {vm} --name {snapshot} --description "before change""#,
            "virsh snapshot-create-as {vm} --name {snapshot} --disk-only --atomic",
            "virsh snapshot-list {vm}",
        ],
        caveats: &[
            "Internal snapshots need qcow2 disks; libvirt 9.2 to 10.8 refuse them for UEFI (pflash) VMs, 10.9 creates and 10.10 also reverts and deletes them, but only when the NVRAM file is qcow2.",
            "External (overlay) snapshots work throughout, but libvirt reverts and deletes them only from 9.9 (externalSnapshot capability).",
            "Each snapshot adds an overlay or internal state, so long chains cost I/O just as on VMFS.",
        ],
        instead: "",
        signal: "",
        references: &[FORMAT_SNAPSHOT, PFLASH_SNAPSHOT_ISSUE, FORMAT_CAPS],
        effort: effort::SWAP,
    },
    Translation {
        construct: "vmware.snapshot.memory",
        fidelity: Fidelity::Equivalent,
        replacement: &[
            "virsh snapshot-create-as {vm} --name {snapshot}",
            "virsh snapshot-create-as {vm} --name {snapshot} --live --memspec file=/var/lib/libvirt/qemu/snapshot/{vm}-{snapshot}.mem,snapshot=external --diskspec vda,snapshot=external",
        ],
        caveats: &[
            "An internal snapshot of a running VM includes its RAM and pauses the guest while it is written; an external one with --live keeps it running for most of the save.",
            "--memspec cannot be combined with --disk-only, and the memory file grows with the guest's used RAM.",
            "Memory state resumes only on a host whose QEMU and CPU model are compatible with the one that saved it.",
        ],
        instead: "",
        signal: "",
        references: &[FORMAT_SNAPSHOT, KBASE_SNAPSHOTS, VIRSH],
        effort: effort::SWAP,
    },
    Translation {
        construct: "vmware.snapshot.quiesce",
        fidelity: Fidelity::Equivalent,
        replacement: &[
            "virsh snapshot-create-as {vm} --name {snapshot} --disk-only --quiesce --atomic",
            "virsh domfsfreeze {vm} && virsh snapshot-create-as {vm} --name {snapshot} --disk-only --atomic; virsh domfsthaw {vm}",
        ],
        caveats: &[
            "--quiesce requires --disk-only and a responding qemu-guest-agent; without the agent the snapshot fails instead of quietly becoming crash-consistent as on vSphere.",
            "Application consistency is whatever the guest's fsfreeze hooks or the Windows VSS provider do during the freeze.",
        ],
        instead: "",
        signal: "",
        references: &[VIRSH, QEMU_GA, FORMAT_SNAPSHOT],
        effort: effort::SWAP,
    },
    Translation {
        construct: "vmware.snapshot.revert",
        fidelity: Fidelity::Partial,
        replacement: &[
            "virsh snapshot-revert {vm} {snapshot} --running",
            "virsh snapshot-revert {vm} {snapshot} --paused",
            "virsh snapshot-revert {vm} --current",
        ],
        caveats: &[
            "External snapshots can be reverted only from libvirt 9.9 (externalSnapshot capability); older hosts need the overlay chain rebuilt by hand.",
            "Reverting discards the current state without a prompt; a disk-only snapshot has no RAM to return to, so the guest boots afresh (--running) or stays off.",
        ],
        instead: "",
        signal: "",
        references: &[VIRSH, FORMAT_CAPS, KBASE_SNAPSHOTS],
        effort: effort::SWAP,
    },
    Translation {
        construct: "vmware.snapshot.delete_consolidate",
        fidelity: Fidelity::Partial,
        replacement: &[
            "virsh snapshot-delete {vm} {snapshot}",
            "virsh snapshot-delete {vm} {snapshot} --metadata",
            "virsh blockcommit {vm} vda --active --pivot --verbose --wait",
            "qemu-img info --backing-chain /var/lib/libvirt/images/{vm}.qcow2",
        ],
        caveats: &[
            "Internal snapshots are deleted in place; external ones only by newer libvirt (fully from 9.9), otherwise merge the overlay with blockcommit and drop the stale metadata with --metadata.",
            "There is no 'consolidation needed' flag: after a failed delete, inspect the backing chain yourself.",
        ],
        instead: "",
        signal: "",
        references: &[VIRSH, MERGING_CHAINS, FORMAT_CAPS],
        effort: effort::REWRITE,
    },
    Translation {
        construct: "vmware.snapshot.hygiene",
        fidelity: Fidelity::Equivalent,
        replacement: &[
            "virsh snapshot-list {vm} --tree",
            "virsh snapshot-list {vm} --parent",
            r#"for d in $(virsh list --all --name); do echo "== $d"; virsh snapshot-list "$d"; done"#,
            "qemu-img info --backing-chain /var/lib/libvirt/images/{vm}.qcow2",
        ],
        caveats: &[
            "Snapshot lists are per domain on one host, so an estate-wide age report is a loop over hosts and domains.",
            "snapshot-list shows creation time but not size; read sizes from qemu-img info (overlay files, or VM SIZE of internal snapshots).",
        ],
        instead: "",
        signal: "",
        references: &[VIRSH, QEMU_IMG],
        effort: effort::REWRITE,
    },
    Translation {
        construct: "vmware.linked_instant_clone",
        fidelity: Fidelity::Partial,
        replacement: &[
            "qemu-img create -f qcow2 -F qcow2 -b /var/lib/libvirt/images/base.qcow2 /var/lib/libvirt/images/{vm}.qcow2",
            "virsh vol-create-as {datastore} {vm}.qcow2 20G --format qcow2 --backing-vol base.qcow2 --backing-vol-format qcow2",
            "virt-install --name {vm} --import --disk /var/lib/libvirt/images/{vm}.qcow2 --memory 2048 --vcpus 2 --osinfo detect=on,require=off --network network={network} --noautoconsole",
        ],
        caveats: &[
            "The base image must never change or disappear while clones point at it; libvirt does not track that dependency.",
            "There is no instant clone: every clone boots from scratch, nothing forks a running VM's memory.",
        ],
        instead: "",
        signal: "",
        references: &[QEMU_IMG, BACKING_CHAINS, VIRT_INSTALL],
        effort: effort::REWRITE,
    },
    // ---- identity ----
    Translation {
        construct: "vmware.sso.identity_source",
        fidelity: Fidelity::Partial,
        replacement: &[
            "realm join ad.example.com",
            "usermod -aG libvirt alice",
            "saslpasswd2 -a libvirt operator1",
        ],
        caveats: &[
            "There is no SSO domain: each host authenticates its own OS users (join the hosts to AD/LDAP with realmd/SSSD for central accounts) or SASL users on TCP/TLS sockets.",
            "qemu+ssh connections authenticate through SSH, so SSH keys plus group membership and polkit on every host decide who may act.",
        ],
        instead: "",
        signal: "",
        references: &[AUTH, REMOTE],
        effort: effort::REWRITE,
    },
    Translation {
        construct: "vmware.roles_privileges",
        fidelity: Fidelity::Partial,
        replacement: &[
            r#"echo 'access_drivers = [ "polkit" ]' >> /etc/libvirt/virtqemud.conf && systemctl restart virtqemud"#,
            "install -m 0644 80-libvirt-operators.rules /etc/polkit-1/rules.d/",
            "pkaction | grep org.libvirt.api.domain",
        ],
        caveats: &[
            "Privileges are polkit action ids such as org.libvirt.api.domain.start or org.libvirt.api.domain.getattr, granted by JavaScript rules on each host; there are no named roles to assign.",
            "With the modular daemons, access_drivers belongs in each virt*d.conf (virtqemud, virtnetworkd, virtstoraged and so on), not only in libvirtd.conf.",
        ],
        instead: "",
        signal: "",
        references: &[ACL, ACL_POLKIT, DAEMONS],
        effort: effort::REWRITE,
    },
    Translation {
        construct: "vmware.permissions",
        fidelity: Fidelity::Partial,
        replacement: &[
            "install -m 0644 81-libvirt-per-vm.rules /etc/polkit-1/rules.d/",
            "pkcheck --action-id org.libvirt.api.domain.start --process $$ --detail domain_name {vm}",
        ],
        caveats: &[
            "Per-object rules match the domain_name or domain_uuid detail in a polkit rule; there is no inheritance down a folder or cluster tree and no global permission.",
            "Rules are per host, so the same file must be installed everywhere the VM can run or migrate to.",
        ],
        instead: "",
        signal: "",
        references: &[ACL_POLKIT, ACL],
        effort: effort::REWRITE,
    },
    Translation {
        construct: "vmware.service_accounts",
        fidelity: Fidelity::Partial,
        replacement: &[
            r#"ssh-keygen -t ed25519 -N "" -C svc-backup -f ~/.ssh/svc_backup && ssh-copy-id -i ~/.ssh/svc_backup.pub svc-backup@{host}"#,
            "virsh -c 'qemu+ssh://svc-backup@{host}/system?keyfile=/home/svc-backup/.ssh/svc_backup' list --all",
            "virsh -c qemu+tls://{host}/system list --all",
        ],
        caveats: &[
            "Service identities are OS users with SSH keys, TLS client certificates or SASL credentials on every host; nothing issues, scopes or rotates them centrally.",
            "Without polkit access rules, any identity that reaches the read-write socket can do everything.",
        ],
        instead: "",
        signal: "",
        references: &[URI, TLS_CERTS, AUTH],
        effort: effort::REWRITE,
    },
    Translation {
        construct: "vmware.encryption_vtpm_kms",
        fidelity: Fidelity::Partial,
        replacement: &[
            "virsh secret-define luks-{vm}.xml && virsh secret-set-value $SECRET_UUID --file passphrase.txt --plain",
            "virsh vol-create {datastore} encrypted-vol.xml",
            "virt-xml {vm} --add-device --tpm model=tpm-crb,backend.type=emulator,backend.version=2.0",
        ],
        caveats: &[
            "Disk encryption is LUKS inside the image with the passphrase kept as a libvirt secret on each host; there is no KMIP key provider, so key custody and rotation are yours.",
            "vTPM state is kept by swtpm on the host (under /var/lib/libvirt/swtpm) and must be included in backups; encrypting an existing VM means converting its disks, not flipping a switch.",
        ],
        instead: "",
        signal: "",
        references: &[STORAGE_ENCRYPTION, FORMAT_SECRET, FORMAT_DOMAIN],
        effort: effort::REWRITE,
    },
    // ---- host lifecycle ----
    Translation {
        construct: "vmware.host.maintenance_mode",
        fidelity: Fidelity::None,
        replacement: &[
            r#"for d in $(virsh list --name); do virsh migrate --live --persistent --undefinesource "$d" qemu+ssh://root@{host}/system; done"#,
            r#"for d in $(virsh list --all --name --autostart); do virsh autostart --disable "$d"; done"#,
        ],
        caveats: &[
            "Nothing stops anyone from starting new VMs on a host you are draining, and shut-off VMs stay defined there.",
        ],
        instead: "Script the drain: live-migrate every running domain to a chosen host, disable autostart, and mark the host out of service in your inventory; adopt a manager with a real maintenance state if you need it enforced.",
        signal: "",
        references: &[VIRSH, MIGRATION],
        effort: effort::REWRITE,
    },
    Translation {
        construct: "vmware.host.vlcm_vum",
        fidelity: Fidelity::None,
        replacement: &[
            "dnf upgrade -y",
            "apt-get update && apt-get full-upgrade -y",
            "ansible-playbook -i inventory.ini patch-hypervisors.yml --limit {host}",
        ],
        caveats: &[
            "No baselines, cluster images or compliance view exist; a running VM keeps the old QEMU binary until it is restarted or migrated.",
        ],
        instead: "Patch each host with its package manager after draining it, driven one host at a time by Ansible (serial: 1) or similar, and report compliance from that tool or a lifecycle manager such as Foreman/Katello.",
        signal: "",
        references: &[ANSIBLE_STRATEGIES, VIRSH],
        effort: effort::ADOPT,
    },
    Translation {
        construct: "vmware.host.esxcli_shell",
        fidelity: Fidelity::Equivalent,
        replacement: &[
            "virsh nodeinfo",
            "virsh capabilities",
            "virsh sysinfo",
            "ip -br addr && lsblk && journalctl -b -p warning",
        ],
        caveats: &[
            "Translate command by command: networking (ip, nmcli), storage (lsblk, multipath -ll), services (systemctl) and logs (journalctl) are ordinary Linux tools.",
            "There is no DCUI; console access is the server's BMC or a local login.",
        ],
        instead: "",
        signal: "",
        references: &[VIRSH, NMCLI],
        effort: effort::REWRITE,
    },
    Translation {
        construct: "vmware.host.vimcmd",
        fidelity: Fidelity::Equivalent,
        replacement: &[
            "virsh list --all",
            "virsh domstate {vm}",
            "virsh define {vm}.xml",
            "virsh undefine {vm}",
        ],
        caveats: &[
            "VMs are addressed by name or UUID; the numeric domain ID changes at every start and is not a stable vmid.",
            "virsh define registers a domain from its XML (like solo/registervm) and undefine unregisters it without touching the disks.",
        ],
        instead: "",
        signal: "",
        references: &[VIRSH],
        effort: effort::SWAP,
    },
    Translation {
        construct: "vmware.host.add_remove",
        fidelity: Fidelity::None,
        replacement: &[
            "ssh-copy-id root@{host}",
            "virsh -c qemu+ssh://root@{host}/system version",
        ],
        caveats: &[
            "There is no manager to join or leave; 'reconnect' means restoring SSH or TLS reachability of the host's libvirt daemon.",
        ],
        instead: "Add the host to whatever inventory your scripts use (Ansible inventory, host list) once libvirt is installed and SSH keys or TLS certificates are in place; removal is the reverse.",
        signal: "",
        references: &[URI, REMOTE],
        effort: effort::REWRITE,
    },
    Translation {
        construct: "vmware.host.power",
        fidelity: Fidelity::Partial,
        replacement: &[
            r#"for d in $(virsh list --name); do virsh migrate --live --persistent --undefinesource "$d" qemu+ssh://root@{host}/system; done"#,
            "systemctl reboot",
            "systemctl enable --now libvirt-guests",
        ],
        caveats: &[
            "libvirt-guests decides what happens to running VMs at host shutdown (saved to disk by default, or shut down, per ON_SHUTDOWN) and brings them back at boot; it never moves them to another host.",
            "Without a drain first, every guest on the host is down for the whole reboot.",
        ],
        instead: "",
        signal: "",
        references: &[LIBVIRT_GUESTS, VIRSH],
        effort: effort::REWRITE,
    },
    Translation {
        construct: "vmware.host.config_profiles",
        fidelity: Fidelity::Equivalent,
        replacement: &[
            "ansible-playbook -i inventory.ini hypervisors.yml --limit {host} --check --diff",
            "chronyc sources",
            "firewall-cmd --permanent --add-service=libvirt-tls && firewall-cmd --reload",
        ],
        caveats: &[
            "Host profiles become ordinary Linux configuration management (Ansible, Puppet, Salt); compliance is what that tool reports, e.g. a --check --diff run.",
            "libvirt stores and pushes no host configuration of its own.",
        ],
        instead: "",
        signal: "",
        references: &[ANSIBLE_STRATEGIES, DAEMONS],
        effort: effort::ADOPT,
    },
    Translation {
        construct: "vmware.host.lockdown_local_accounts",
        fidelity: Fidelity::Partial,
        replacement: &[
            "sed -i 's/^#*PermitRootLogin.*/PermitRootLogin prohibit-password/' /etc/ssh/sshd_config && systemctl reload sshd",
            "visudo -f /etc/sudoers.d/virt-operators",
        ],
        caveats: &[
            "There is no lockdown switch; approximate it with SSH restrictions, sudo rules, polkit access rules and by removing unneeded local accounts.",
            "Keep an out-of-band path (the BMC console) before locking SSH down, as the DCUI exception users were on ESXi.",
        ],
        instead: "",
        signal: "",
        references: &[SSHD_CONFIG, ACL_POLKIT],
        effort: effort::REWRITE,
    },
    Translation {
        construct: "vmware.host.autodeploy",
        fidelity: Fidelity::Partial,
        replacement: &[
            r#"ipmitool -I lanplus -H {host}-bmc -U admin -P "$BMC_PASS" chassis bootdev pxe"#,
            "ansible-playbook -i inventory.ini kvm-host.yml --limit {host}",
        ],
        caveats: &[
            "Hosts are installed to disk by PXE with kickstart, preseed or autoinstall; nothing streams a stateless image at every boot.",
            "Image Builder's role falls to your installer profiles plus configuration management after the install.",
        ],
        instead: "",
        signal: "",
        references: &[KICKSTART, IPMITOOL],
        effort: effort::ADOPT,
    },
    // ---- ha / ft ----
    Translation {
        construct: "vmware.ha",
        fidelity: Fidelity::Partial,
        replacement: &[
            "pcs resource create {vm} ocf:heartbeat:VirtualDomain config=/etc/pacemaker/{vm}.xml hypervisor=qemu:///system migration_transport=ssh meta allow-migrate=true",
            "pcs stonith create fence-{host} fence_ipmilan ip={host}-bmc username=admin password=$BMC_PASS lanplus=1 pcmk_host_list={host}",
            "pcs status",
        ],
        caveats: &[
            "HA is a separate Pacemaker/Corosync cluster that you build and operate; libvirt itself never restarts a VM on another host.",
            "Fencing (STONITH) is mandatory, and the domain XML and disks must sit on storage every node can reach.",
            "Once Pacemaker owns a VM, start, stop and migrate it through pcs, not virsh, or the cluster will undo your action.",
        ],
        instead: "",
        signal: "",
        references: &[PACEMAKER_VIRTUALDOMAIN, PACEMAKER_DOCS],
        effort: effort::ADOPT,
    },
    Translation {
        construct: "vmware.ha.admission_control",
        fidelity: Fidelity::None,
        replacement: &[
            "pcs property set placement-strategy=balanced",
            "pcs node utilization {host} cpu=32 memory=262144",
            "pcs resource utilization {vm} cpu=4 memory=16384",
        ],
        caveats: &[
            "Nothing reserves failover capacity: Pacemaker utilization only stops it placing a resource where the declared capacity is used up, it does not hold spare room.",
        ],
        instead: "Size the cluster N+1 by policy and check before adding VMs that the largest host's load fits on the others (a script over virsh nodeinfo and dominfo), or accept that a failover may not find room.",
        signal: "",
        references: &[PACEMAKER_DOCS],
        effort: effort::ADOPT,
    },
    Translation {
        construct: "vmware.ha.restart_priority",
        fidelity: Fidelity::Partial,
        replacement: &[
            "pcs constraint order start db01 then start app01",
            "pcs resource update {vm} meta priority=10",
        ],
        caveats: &[
            "Order and priority exist only for VMs managed by Pacemaker; plain libvirt restarts nothing, and autostart has no ordering.",
            "An ordering constraint waits for the resource start to finish, not for the application in the guest to be ready.",
        ],
        instead: "",
        signal: "",
        references: &[PACEMAKER_DOCS, PACEMAKER_VIRTUALDOMAIN],
        effort: effort::ADOPT,
    },
    Translation {
        construct: "vmware.ha.vm_monitoring",
        fidelity: Fidelity::Partial,
        replacement: &[
            "virt-xml {vm} --add-device --watchdog model=i6300esb,action=reset",
            "systemctl enable --now watchdog",
        ],
        caveats: &[
            "The virtual watchdog fires only when a daemon in the guest stops feeding it; a hung application on a healthy kernel goes unnoticed unless that daemon checks it.",
            "The reset happens on the same host; restarts elsewhere or application probes need Pacemaker monitors.",
        ],
        instead: "",
        signal: "",
        references: &[FORMAT_DOMAIN, VIRT_XML],
        effort: effort::REWRITE,
    },
    Translation {
        construct: "vmware.ha.vmcp",
        fidelity: Fidelity::Partial,
        replacement: &[
            "virt-xml {vm} --edit target=vda --disk driver.error_policy=stop",
            "virsh domblkerror {vm}",
            "virsh event --event io-error --loop",
            "virsh resume {vm}",
        ],
        caveats: &[
            "On a storage error the VM pauses (error_policy='stop') and waits; nothing restarts it on a healthy host, so an operator or a Pacemaker monitor has to act.",
            "There is no APD/PDL distinction: multipath settings such as queue_if_no_path decide how long I/O waits before the error reaches the VM.",
            "virt-xml changes the persistent definition, so a new error policy applies from the next cold boot.",
        ],
        instead: "",
        signal: "",
        references: &[FORMAT_DOMAIN, VIRSH],
        effort: effort::REWRITE,
    },
    Translation {
        construct: "vmware.ha.isolation",
        fidelity: Fidelity::Partial,
        replacement: &[
            "pcs property set no-quorum-policy=stop",
            "pcs quorum device add model net host=qnetd.example.com algorithm=ffsplit",
            "pcs stonith config",
        ],
        caveats: &[
            "Isolation handling comes from Corosync quorum plus fencing in a Pacemaker cluster; there are no heartbeat datastores.",
            "A node that loses quorum stops its resources and is fenced by the majority, so fence devices must be reachable over a separate path.",
        ],
        instead: "",
        signal: "",
        references: &[PACEMAKER_DOCS],
        effort: effort::ADOPT,
    },
    Translation {
        construct: "vmware.ha.proactive",
        fidelity: Fidelity::None,
        replacement: &[],
        caveats: &["No evacuation is driven by hardware health."],
        instead: "Watch hardware health (IPMI/Redfish sensors, SMART, rasdaemon) in your monitoring and trigger the drain script from those alerts, or accept purely reactive HA.",
        signal: "",
        references: &[IPMITOOL, ALERTMANAGER],
        effort: effort::REDESIGN,
    },
    Translation {
        construct: "vmware.ft",
        fidelity: Fidelity::None,
        replacement: &[],
        caveats: &[
            "No lock-step secondary VM exists: a host failure always costs the guest at least a restart.",
        ],
        instead: "Redesign for redundancy in the application (database replication, clustered services behind a load balancer), or accept restart-based HA under Pacemaker; QEMU's COLO is experimental (x-colo) and libvirt offers no API for it.",
        signal: "",
        references: &[QEMU_MIGRATION_QAPI, PACEMAKER_DOCS],
        effort: effort::REDESIGN,
    },
    Translation {
        construct: "vmware.vcenter_ha_backup",
        fidelity: Fidelity::None,
        replacement: &[
            r#"mkdir -p /backup/libvirt && for d in $(virsh list --all --name); do virsh dumpxml --inactive --security-info "$d" > /backup/libvirt/"$d".xml; done"#,
            r#"for n in $(virsh net-list --all --name); do virsh net-dumpxml "$n" > /backup/libvirt/net-"$n".xml; done"#,
            "tar czf /backup/libvirt-etc.tgz /etc/libvirt /var/lib/libvirt/qemu/nvram /var/lib/libvirt/swtpm",
        ],
        caveats: &[
            "There is no manager to protect, but each host's definitions are state worth keeping; secret values are not in secret XML dumps and need separate safekeeping.",
        ],
        instead: "Back up every host's libvirt definitions (domain, network, pool, nwfilter and secret XML) plus NVRAM and swtpm state with the host backups, and keep the inventory in version control.",
        signal: "",
        references: &[VIRSH, FORMAT_SECRET],
        effort: effort::REWRITE,
    },
    Translation {
        construct: "vmware.replication_srm",
        fidelity: Fidelity::None,
        replacement: &[],
        caveats: &[
            "No protection groups, recovery plans or test failover; the replica is as consistent as the storage replication makes it, usually crash-consistent.",
        ],
        instead: "Replicate at the storage layer (Ceph RBD mirroring, DRBD, ZFS send/receive or array replication) and script the recovery: promote the replica, define the domains from saved XML at the DR site and start them in order.",
        signal: "",
        references: &[CEPH_RBD_MIRRORING, VIRSH],
        effort: effort::ADOPT,
    },
    // ---- product mentions ----
    Translation {
        construct: "vmware.product.vcenter",
        fidelity: Fidelity::Partial,
        replacement: &[
            "virsh -c qemu+ssh://root@{host}/system list --all",
            "virt-manager --connect qemu+ssh://root@{host}/system",
        ],
        caveats: &[
            "Nothing takes over vCenter as a whole: each host's libvirt daemon answers for that host only, and clients such as virsh, virt-manager or Cockpit connect to hosts one at a time.",
            "Fleet-level functions (inventory, scheduling, HA, permissions) move to your own inventory, scripts, Pacemaker and monitoring.",
        ],
        instead: "",
        signal: "",
        references: &[URI, REMOTE, ANSIBLE_LIBVIRT],
        effort: effort::REWRITE,
    },
    Translation {
        construct: "vmware.product.esxi",
        fidelity: Fidelity::Equivalent,
        replacement: &[
            "virt-host-validate qemu",
            "virsh -c qemu+ssh://root@{host}/system nodeinfo",
        ],
        caveats: &[
            "The hypervisor is a general-purpose Linux distribution running KVM, QEMU and the libvirt daemons (virtqemud or libvirtd); patch, harden and monitor it like any server.",
        ],
        instead: "",
        signal: "",
        references: &[DAEMONS, VIRSH],
        effort: effort::SWAP,
    },
    Translation {
        construct: "vmware.product.vsphere",
        fidelity: Fidelity::Partial,
        replacement: &["virsh version --daemon"],
        caveats: &[
            "vSphere's bundle splits into separate pieces: KVM/QEMU and libvirt per host, Pacemaker for HA, scripts for placement and a monitoring stack for metrics.",
            "Features without a counterpart on plain libvirt (DRS, FT, vSAN, distributed switching) need redesign or extra tools.",
        ],
        instead: "",
        signal: "",
        references: &[DAEMONS, VIRSH],
        effort: effort::REWRITE,
    },
    Translation {
        construct: "vmware.product.nsx",
        fidelity: Fidelity::None,
        replacement: &["virsh net-list --all", "virsh nwfilter-list"],
        caveats: &[
            "libvirt brings host-local networks and per-vNIC filters only; there is no SDN controller, overlay or distributed router.",
        ],
        instead: "Use Linux bridges or Open vSwitch with libvirt networks and nwfilter for the basics, and adopt OVN (or move to a stack with SDN) for overlays, distributed routing and security groups.",
        signal: "",
        references: &[FORMAT_NETWORK, FORMAT_NWFILTER, OVN_DOCS],
        effort: effort::ADOPT,
    },
    Translation {
        construct: "vmware.product.vrops",
        fidelity: Fidelity::None,
        replacement: &[],
        caveats: &[
            "libvirt exposes raw counters only; analytics, alert definitions and capacity planning have to be built on a separate monitoring stack.",
        ],
        instead: "Adopt Prometheus with a libvirt exporter and node_exporter, Grafana for dashboards and Alertmanager for alerts; capacity analytics become dashboards and reviews you build.",
        signal: "Prometheus libvirt exporter series (libvirt_domain_info_*, libvirt_domain_vcpu_delay_seconds_total, libvirt_domain_memory_stats_*, libvirt_domain_block_stats_*) plus node_exporter host metrics, in Grafana and Alertmanager.",
        references: &[EXPORTER_INOVEX, EXPORTER_DOMSTATS, ALERTMANAGER],
        effort: effort::ADOPT,
    },
    // ---- migration ----
    Translation {
        construct: "vmware.migration_step",
        fidelity: Fidelity::Equivalent,
        replacement: &[
            "virsh dominfo {vm}",
            "virsh domblklist {vm} --details",
            "virsh domiflist {vm}",
            "virsh start {vm} && virsh domifaddr {vm} --source agent",
        ],
        caveats: &[
            "This step is part of the move itself; afterwards check that the domain is defined on the intended host, its disks are virtio on the right pool and its NICs sit on the right network or bridge.",
            "Confirm the guest boots with the same firmware (BIOS or UEFI) as before, that qemu-guest-agent answers and VMware Tools is removed, and that MAC and IP settings survived.",
        ],
        instead: "",
        signal: "",
        references: &[VIRT_V2V, VIRSH, FORKLIFT],
        effort: effort::SWAP,
    },
];
