#!/bin/sh
# esxtop-capture.sh - batch-mode esxtop capture for performance incidents.
# Copy to the host (scp to /tmp) and run there, or run with resxtop from
# jmp-ops-02 by setting REMOTE=1. Output lands on the scratch datastore so it
# survives a host reboot.
#
# usage: esxtop-capture.sh [interval_s] [iterations]
#   default 5 s x 360 = 30 minutes
set -eu

INTERVAL="${1:-5}"
COUNT="${2:-360}"
HOST="$(hostname -s)"
STAMP="$(date +%Y%m%d-%H%M)"
DEST="/vmfs/volumes/scratch-01/perf/${HOST}"
mkdir -p "$DEST"

if [ "${REMOTE:-0}" = "1" ]; then
  # resxtop prompts for the password of the ESXi account given with --username
  resxtop --server "${ESX_HOST:?set ESX_HOST}" --username svc-perf -b -a \
    -d "$INTERVAL" -n "$COUNT" > "./${ESX_HOST}-${STAMP}.csv"
  exit 0
fi

# Free space check: a 30-minute capture with -a is ~400 MB on a busy host.
FREE_MB=$(df -m /vmfs/volumes/scratch-01 | awk 'NR==2 {print $4}')
[ "$FREE_MB" -gt 2048 ] || { echo "scratch-01 has only ${FREE_MB} MB free" >&2; exit 1; }

# -b batch, -a all counters (CPU %RDY/%CSTP, memory %MCTL, disk DAVG/KAVG)
esxtop -b -a -d "$INTERVAL" -n "$COUNT" | gzip > "${DEST}/esxtop-${STAMP}.csv.gz"

echo "capture written to ${DEST}/esxtop-${STAMP}.csv.gz"
echo "open with: zcat file | perfmon-compatible viewer, or esxplot on jmp-ops-02"
