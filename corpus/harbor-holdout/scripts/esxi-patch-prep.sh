#!/usr/bin/env bash
# esxi-patch-prep.sh - collect pre-patch evidence for one ESXi host and put it
# into maintenance mode, ready for vLCM remediation.
#
#   usage: esxi-patch-prep.sh <host-fqdn> <CHG-number>
#   e.g.   esxi-patch-prep.sh esx-sav-a05.harborfl.net CHG-046877
#
# Needs govc >= 0.36 and jq on the ops jump host. Owner: platform-ops. OPS-5521.
set -euo pipefail

HOST="${1:?host fqdn}"
CHG="${2:?change number}"
OUT="/srv/evidence/${CHG}/${HOST%%.*}"
mkdir -p "$OUT"

export GOVC_URL="https://vcsa-sav01.harborfl.net/sdk"
export GOVC_USERNAME="svc-hostops@vsphere.local"
export GOVC_PASSWORD="$(vault kv get -field=password secret/vsphere/svc-hostops)"
export GOVC_DATACENTER="DC-Savannah"

log() { printf '%s %s\n' "$(date -u +%FT%TZ)" "$*" | tee -a "$OUT/prep.log"; }

HOST_REF="$(govc find -i / -type h -name "$HOST")"
[ -n "$HOST_REF" ] || { log "host $HOST not found in vCenter"; exit 2; }

log "1/5 powered-on VMs before evacuation"
govc find / -type m -runtime.host "$HOST_REF" -runtime.powerState poweredOn > "$OUT/vms-before.txt"

log "2/5 DRS rules in the host's cluster (anything MustRunOn will block the evacuation)"
CLUSTER="$(dirname "$(govc ls -L "$HOST_REF")")"
govc cluster.rule.ls -cluster "$CLUSTER" -l > "$OUT/drs-rules.txt"

log "3/5 host state via esxcli"
govc host.esxcli -host "$HOST" system version get > "$OUT/version.txt"
govc host.esxcli -host "$HOST" software vib list > "$OUT/vibs-before.txt"
govc host.esxcli -host "$HOST" system syslog config get > "$OUT/syslog.txt"
govc host.date.info -host "$HOST" > "$OUT/ntp.txt"

# the host's own VM list; most hosts are in lockdown and refuse SSH, which is fine
ssh -o BatchMode=yes -o ConnectTimeout=5 "root@${HOST}" vim-cmd vmsvc/getallvms > "$OUT/vimcmd-vms.txt" 2>&1 || log "ssh refused, skipped"

log "4/5 entering maintenance mode"
govc host.maintenance.enter -timeout 3600 "$HOST"

log "5/5 checking the host is empty"
left="$(govc find / -type m -runtime.host "$HOST_REF" -runtime.powerState poweredOn | wc -l)"
if [ "$left" -ne 0 ]; then
  log "still $left powered-on VMs on $HOST - check DRS faults in the client, do not force"; exit 1
fi

log "$HOST is in maintenance mode; evidence in $OUT. Remediate the cluster image in vLCM next."
