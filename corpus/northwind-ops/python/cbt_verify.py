#!/usr/bin/env python3
"""Check that Changed Block Tracking really works on a VM before it joins a backup job.

Takes a quiesced, memory-less snapshot, asks vCenter which areas of each disk changed
since the beginning ("*"), prints the totals, and removes the snapshot again.
A VM with tracking off is switched on first (needs one snapshot cycle to take effect).

usage: cbt_verify.py app-wms-02 [--enable]
"""
import os
import ssl
import sys

from pyVim.connect import SmartConnect, Disconnect
from pyVim.task import WaitForTask
from pyVmomi import vim


def find_vm(content, name):
    view = content.viewManager.CreateContainerView(content.rootFolder, [vim.VirtualMachine], True)
    try:
        return next(v for v in view.view if v.name == name)
    finally:
        view.Destroy()


def main(name, enable):
    si = SmartConnect(host="vcsa-east.nwl.internal", user=os.environ["VC_USER"],
                      pwd=os.environ["VC_PASSWORD"], sslContext=ssl.create_default_context())
    try:
        vm = find_vm(si.RetrieveContent(), name)
        if not vm.config.changeTrackingEnabled:
            if not enable:
                sys.exit(f"{name}: CBT is off (run with --enable)")
            WaitForTask(vm.ReconfigVM_Task(vim.vm.ConfigSpec(changeTrackingEnabled=True)))

        task = vm.CreateSnapshot_Task(name="cbt-verify", description="cbt_verify.py",
                                      memory=False, quiesce=True)
        WaitForTask(task)
        snap = task.info.result
        try:
            disks = [d for d in snap.config.hardware.device if isinstance(d, vim.vm.device.VirtualDisk)]
            for disk in disks:
                changed = vm.QueryChangedDiskAreas(snapshot=snap, deviceKey=disk.key,
                                                   startOffset=0, changeId="*")
                used = sum(a.length for a in changed.changedArea)
                print(f"{name} {disk.deviceInfo.label}: {used / 2**30:.1f} GiB allocated "
                      f"of {disk.capacityInKB / 2**20:.0f} GiB, changeId={disk.backing.changeId}")
        finally:
            WaitForTask(snap.RemoveSnapshot_Task(removeChildren=False, consolidate=True))
    finally:
        Disconnect(si)


if __name__ == "__main__":
    main(sys.argv[1], "--enable" in sys.argv[2:])
