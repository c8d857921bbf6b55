#!/usr/bin/env bash
# vsan-disk-report.sh - per-host vSAN device and health summary for the weekly
# storage review (runbooks/storage/vsan-health-check.md).
# Needs: govc on PATH, SSH key for root on the hosts (ESXi Shell enabled by the
# "ssh-window" job), jq.
set -euo pipefail
source /etc/nwl/govc.env           # sets GOVC_URL / GOVC_USERNAME / GOVC_PASSWORD

CLUSTER="${1:-NWL-PRD-CL01}"
REPORT="/srv/reports/vsan/${CLUSTER}-$(date +%F).txt"
exec > >(tee "$REPORT")

echo "== vSAN config for ${CLUSTER}"
govc vsan.info "/NWL-DC1/host/${CLUSTER}"

echo "== Hosts"
mapfile -t HOSTS < <(govc ls "/NWL-DC1/host/${CLUSTER}" | grep -v Resources | xargs -n1 basename)

for h in "${HOSTS[@]}"; do
  echo "--- ${h}"
  ssh -o BatchMode=yes "root@${h}" '
    esxcli vsan cluster get | grep -E "Local Node State|Sub-Cluster Member Count"
    esxcli vsan storage list | awk -F": " "/Display Name|Is Capacity Tier|Health Status/ {print \$0}"
    esxcli vsan health cluster list 2>/dev/null | grep -v -i green || true
  ' || echo "!! ${h}: ssh failed"
done

echo "== Objects not compliant with their storage policy"
govc storage.policy.info -c 2>/dev/null | awk '$NF != "compliant"' || true

echo "== Datastore free space"
govc datastore.info -json "vsanDatastore*" |
  jq -r '.datastores[] | "\(.name)\t\((.summary.freeSpace/1073741824)|floor) GiB free"'
