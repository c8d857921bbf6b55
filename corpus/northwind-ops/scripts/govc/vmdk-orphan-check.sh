#!/bin/sh
# vmdk-orphan-check.sh - run ON an ESXi host. Lists .vmdk files on a VMFS
# datastore that no registered VM references, and stale .vswp files left
# behind after host crashes. Reports only; deletion is a separate, reviewed step.
#
# usage: vmdk-orphan-check.sh <datastore-name>
set -eu
DS="${1:?datastore name}"
ROOT="/vmfs/volumes/${DS}"
TMP="/tmp/orphan.$$"

# 1. every disk referenced by a registered VM (from its .vmx)
vim-cmd vmsvc/getallvms | awk 'NR>1 {print $1}' | while read -r id; do
  vim-cmd vmsvc/device.getdevices "$id" | grep -o '\[[^]]*\] [^"]*\.vmdk'
done | sed 's/^\[\([^]]*\)\] /\/vmfs\/volumes\/\1\//' | sort -u > "${TMP}.used"

# 2. every descriptor on the datastore (skip -flat, -delta, -ctk and snapshot extents)
find "$ROOT" -name '*.vmdk' ! -name '*-flat.vmdk' ! -name '*-delta.vmdk' \
     ! -name '*-ctk.vmdk' ! -name '*-sesparse.vmdk' | sort > "${TMP}.all"

echo "== Unreferenced disk descriptors on ${DS}"
comm -13 "${TMP}.used" "${TMP}.all" | while read -r f; do
  # vmkfstools -D shows the lock owner; a locked disk is in use by a VM after all
  owner=$(vmkfstools -D "$f" 2>&1 | grep -o 'owner [0-9a-f-]*' | head -1)
  size=$(du -h "${f%.vmdk}-flat.vmdk" 2>/dev/null | cut -f1)
  echo "$f  ${size:-?}  ${owner:-unlocked}"
done

echo "== Swap files (.vswp) in directories with no registered VM disk"
find "$ROOT" -name '*.vswp' | while read -r s; do
  dir=$(dirname "$s")
  grep -q "^${dir}/" "${TMP}.used" || echo "stale: $s"
done

# To stop a VM that holds a stale lock (change ticket required):
#   vim-cmd vmsvc/power.off <vmid>
rm -f "${TMP}".*
