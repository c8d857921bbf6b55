#!/usr/bin/env python3
"""Reboot one host safely: maintenance mode (DRS evacuates), reboot, wait, exit.

Used by the BIOS-settings pipeline where Ansible is not available.
usage: host_reboot.py cmh1-esx07.nwl.internal
"""
import os
import socket
import ssl
import sys
import time

from pyVim.connect import SmartConnect, Disconnect
from pyVim.task import WaitForTask
from pyVmomi import vim


def wait_for_port(host, port=443, timeout=1800):
    deadline = time.time() + timeout
    time.sleep(180)
    while time.time() < deadline:
        try:
            socket.create_connection((host, port), 5).close()
            return
        except OSError:
            time.sleep(15)
    sys.exit(f"{host} did not come back within {timeout}s")


def main(name):
    si = SmartConnect(host="vcsa-east.nwl.internal", user=os.environ["VC_USER"],
                      pwd=os.environ["VC_PASSWORD"], sslContext=ssl.create_default_context())
    try:
        esx = si.content.searchIndex.FindByDnsName(dnsName=name, vmSearch=False)
        WaitForTask(esx.EnterMaintenanceMode_Task(timeout=3600, evacuatePoweredOffVms=True))
        WaitForTask(esx.RebootHost_Task(force=False))
        wait_for_port(name)
        while esx.runtime.connectionState != vim.HostSystem.ConnectionState.connected:
            time.sleep(20)
        WaitForTask(esx.ExitMaintenanceMode_Task(timeout=600))
        print(f"{name}: back in service")
    finally:
        Disconnect(si)


if __name__ == "__main__":
    main(sys.argv[1])
