#!/usr/bin/env python3
"""Weekly VM snapshot audit for both vCenters (cron on rpt-01, Monday 06:30).

Lists snapshots older than --max-age days with their delta size, flags VMs whose
disks need consolidation and, with --fix, consolidates those VMs.  Deleting old
snapshots stays a human decision (see runbooks/capacity/snapshot-hygiene.md).
"""
import argparse
import csv
import datetime as dt
import os
import ssl
import sys

from pyVim.connect import SmartConnect, Disconnect
from pyVim.task import WaitForTask
from pyVmomi import vim

VCENTERS = ["vcsa-east.nwl.internal", "vcsa-west.nwl.internal"]


def walk(tree, vm, path=""):
    for node in tree:
        yield vm, f"{path}/{node.name}", node
        yield from walk(node.childSnapshotList, vm, f"{path}/{node.name}")


def delta_gb(vm):
    files = vm.layoutEx.file if vm.layoutEx else []
    return sum(f.size for f in files if f.type in ("snapshotData", "diskExtent") and "-0000" in f.name) / 2**30


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--max-age", type=int, default=3)
    ap.add_argument("--fix", action="store_true", help="consolidate VMs that need it")
    args = ap.parse_args()
    cutoff = dt.datetime.now(dt.timezone.utc) - dt.timedelta(days=args.max_age)
    out = csv.writer(sys.stdout)
    out.writerow(["vcenter", "vm", "snapshot", "created", "delta_gb", "consolidation_needed"])

    for vc in VCENTERS:
        si = SmartConnect(host=vc, user=os.environ["VC_USER"], pwd=os.environ["VC_PASSWORD"],
                          sslContext=ssl.create_default_context())
        try:
            content = si.RetrieveContent()
            view = content.viewManager.CreateContainerView(content.rootFolder, [vim.VirtualMachine], True)
            for vm in view.view:
                if vm.snapshot:
                    for _, path, node in walk(vm.snapshot.rootSnapshotList, vm):
                        if node.createTime < cutoff:
                            out.writerow([vc, vm.name, path, node.createTime.isoformat(),
                                          round(delta_gb(vm), 1), vm.runtime.consolidationNeeded])
                if vm.runtime.consolidationNeeded:
                    out.writerow([vc, vm.name, "", "", "", True])
                    if args.fix:
                        WaitForTask(vm.ConsolidateVMDisks_Task())
            view.Destroy()
        finally:
            Disconnect(si)


if __name__ == "__main__":
    main()
