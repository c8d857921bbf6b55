#!/usr/bin/env python3
"""Config-drift report: compare each cluster's HA/DRS/DPM settings with the standard
in runbooks/dr/cluster-ha-standard.md, list FT-protected VMs and any pending
DRS recommendations.  --apply-recommendations applies them (rno1-dr-01 only, DR tests).
"""
import os
import ssl
import sys

from pyVim.connect import SmartConnect, Disconnect
from pyVmomi import vim

STANDARD = {
    "ha.enabled": True,
    "ha.admission_control": True,
    "ha.host_monitoring": "enabled",
    "ha.vm_monitoring": "vmMonitoringOnly",
    "ha.isolation_response": "powerOff",
    "ha.vmcp": "enabled",
    "drs.enabled": True,
}


def settings(cluster):
    cfg = cluster.configurationEx                  # vim.cluster.ConfigInfoEx
    das = cfg.dasConfig                            # ClusterDasConfigInfo
    drs = cfg.drsConfig
    vmcp = das.defaultVmSettings.vmComponentProtectionSettings
    return {
        "ha.enabled": das.enabled,
        "ha.admission_control": das.admissionControlEnabled,
        "ha.host_monitoring": das.hostMonitoring,
        "ha.vm_monitoring": das.vmMonitoring,
        "ha.isolation_response": das.defaultVmSettings.isolationResponse,
        "ha.vmcp": das.vmComponentProtecting,
        "ha.apd": vmcp.vmStorageProtectionForAPD if vmcp else None,
        "ha.pdl": vmcp.vmStorageProtectionForPDL if vmcp else None,
        "drs.enabled": drs.enabled,
        "drs.behavior": drs.defaultVmBehavior,
        "drs.threshold": drs.vmotionRate,
        "dpm.enabled": cfg.dpmConfigInfo.enabled,
    }


def main():
    apply = "--apply-recommendations" in sys.argv
    si = SmartConnect(host=os.environ.get("VC_HOST", "vcsa-east.nwl.internal"),
                      user=os.environ["VC_USER"], pwd=os.environ["VC_PASSWORD"],
                      sslContext=ssl.create_default_context())
    try:
        content = si.RetrieveContent()
        view = content.viewManager.CreateContainerView(content.rootFolder, [vim.ClusterComputeResource], True)
        for cl in view.view:
            cur = settings(cl)
            drift = {k: cur[k] for k, v in STANDARD.items() if cur.get(k) != v}
            print(f"{cl.name}: {'OK' if not drift else drift}  (apd={cur['ha.apd']} pdl={cur['ha.pdl']})")

            ft = [vm.name for vm in cl.resourcePool.vm if vm.config and vm.config.ftInfo]
            if ft:
                print(f"  fault tolerance: {', '.join(sorted(ft))}")

            cl.RefreshRecommendation()
            for rec in cl.recommendation or []:
                print(f"  DRS recommendation {rec.key}: {rec.reasonText} (rating {rec.rating})")
                if apply and cl.name == "rno1-dr-01":
                    cl.ApplyRecommendation(rec.key)
        view.Destroy()
    finally:
        Disconnect(si)


if __name__ == "__main__":
    main()
