#!/usr/bin/env bash
# vm-migrate-batch.sh - move a list of VMs with vMotion (same datastore) or
# with a combined host + datastore move (shared-nothing) when -d is given.
# Used to drain the old Gen9 hosts of NWL-PRD-CL02 ahead of their retirement.
# Not for DC1 -> DC2 moves: those are cross-vCenter and go through HCX.
#
# usage: vm-migrate-batch.sh -h <target-host> [-d <target-datastore>] [-p 2] vms.txt
set -euo pipefail
source /etc/nwl/govc.env   # GOVC_URL, GOVC_USERNAME, GOVC_PASSWORD

target_host=""; target_ds=""; parallel=2
while getopts "h:d:p:" o; do
  case "$o" in
    h) target_host="$OPTARG" ;;
    d) target_ds="$OPTARG" ;;
    p) parallel="$OPTARG" ;;
    *) exit 64 ;;
  esac
done
shift $((OPTIND - 1))
list="${1:?file with one VM name per line}"

migrate_one() {
  local vm="$1" state
  state=$(govc vm.info -json "$vm" | jq -r '.virtualMachines[0].runtime.powerState')
  if [[ "$state" != "poweredOn" ]]; then
    echo "$vm is $state: relocating cold"
  fi
  if [[ -n "$target_ds" ]]; then
    govc vm.migrate -host "$target_host" -ds "$target_ds" "$vm"
  else
    govc vm.migrate -host "$target_host" "$vm"
  fi
  echo "$vm done -> $(govc vm.info -r "$vm" | awk '/Host:/ {print $2}')"
}
export -f migrate_one
export target_host target_ds

# The target cluster runs a higher EVC baseline than the Gen9 hosts, so running
# VMs keep their old CPU feature set until their next power cycle. That is fine.
xargs -a "$list" -P "$parallel" -I{} bash -c 'migrate_one "$@"' _ {}

# Afterwards: check for failed tasks in the last hour
govc tasks -n 50 | grep -i -E 'migrat|relocat' | grep -v -i success || echo "no failed migration tasks"
