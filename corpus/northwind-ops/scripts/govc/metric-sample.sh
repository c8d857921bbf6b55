#!/usr/bin/env bash
# metric-sample.sh - quick counter pull through the vCenter performance API.
# Answers "was this VM / host contended in the last hour" without a GUI.
#
# usage: metric-sample.sh vm|host <inventory-path> [samples]
set -euo pipefail
: "${GOVC_URL:?export GOVC_URL (see /etc/nwl/govc.env)}"

kind="$1"; obj="$2"; n="${3:-180}"

case "$kind" in
  vm)
    counters=(cpu.ready.summation cpu.costop.summation cpu.usage.average
              mem.vmmemctl.average mem.swapin.average mem.active.average
              virtualDisk.totalReadLatency.average virtualDisk.totalWriteLatency.average)
    ;;
  host)
    counters=(cpu.ready.summation cpu.latency.average mem.consumed.average
              disk.maxTotalLatency.latest disk.totalLatency.average)
    ;;
  *) echo "usage: $0 vm|host <path> [samples]" >&2; exit 64 ;;
esac

# Show which of the counters are actually collected for this object first.
govc metric.ls "$obj" | grep -F -f <(printf '%s\n' "${counters[@]}") || true

# Realtime interval (20 s). cpu.ready.summation is ms per sample, so
# ready % = value / 20000 * 100 (per vCPU instance).
govc metric.sample -n "$n" -json "$obj" "${counters[@]}" |
  jq -r '.sample[] | .value[] | [.name, .instance, (.value | add / length | floor)] | @tsv' |
  sort -k1,1 | column -t
