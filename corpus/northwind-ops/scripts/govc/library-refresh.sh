#!/usr/bin/env bash
# library-refresh.sh - sync the DC2 subscribed library and redeploy the lab
# golden VMs from the latest template items. Run after Update-NwlGoldenTemplates.ps1.
set -euo pipefail
source /etc/nwl/govc.env   # GOVC_URL points at vcsa02 for this job

LIB=nwl-templates-dc2
OS_LIST=(rhel9 win2022)

# 1. pull new items from the DC1 publisher
govc library.sync "/${LIB}"
govc library.ls "/${LIB}/*" | sort

for os in "${OS_LIST[@]}"; do
  item=$(govc library.ls "/${LIB}/tpl-${os}-*" | sort | tail -1)
  vm="lab-gold-${os}"
  echo "deploying ${item} -> ${vm}"

  # 2. remove last quarter's lab copy
  if govc vm.info "${vm}" | grep -q Name; then
    govc vm.power -off -force "${vm}" || true
    govc vm.destroy "${vm}"
  fi

  # 3. deploy from the library item, customise, and mark as template
  govc library.deploy -pool /NWL-DC2/host/NWL-LAB-CL01/Resources \
    -ds dc2-vsan-01 -folder /NWL-DC2/vm/Templates "${item}" "${vm}"
  govc vm.customize -vm "${vm}" -name "${vm}" -ip dhcp nwl-lab-dhcp
  govc vm.clone -vm "${vm}" -on=false -folder /NWL-DC2/vm/Templates "${vm}-tpl"
  govc vm.markastemplate "${vm}-tpl"
done

# 4. an OVA copy for the partners that run their own hypervisor
govc export.ovf -vm "lab-gold-rhel9" /srv/exports/
