<#
.SYNOPSIS
  Nightly export of virtual networking: VDS port groups, standard vSwitches,
  vmkernel services and NSX segments. Output feeds the network CMDB import.
#>
param([string] $OutDir = '\\fs01\ops-reports\network')
$ErrorActionPreference = 'Stop'
Connect-VIServer vcsa01.corp.northwind.example | Out-Null

# Distributed port groups with VLAN, PVLAN and teaming details
Get-VDSwitch | Get-VDPortgroup | Where-Object { -not $_.IsUplink } | ForEach-Object {
    $team = $_ | Get-VDUplinkTeamingPolicy
    [pscustomobject]@{
        Switch     = $_.VDSwitch.Name
        Portgroup  = $_.Name
        Vlan       = $_.VlanConfiguration
        Active     = $team.ActiveUplinkPort -join ','
        Ports      = $_.NumPorts
    }
} | Export-Csv (Join-Path $OutDir 'vds-portgroups.csv') -NoTypeInformation

# Standard vSwitches (management) per host
Get-VMHost | ForEach-Object {
    $h = $_
    Get-VirtualPortGroup -VMHost $h -Standard | ForEach-Object {
        [pscustomobject]@{ Host = $h.Name; vSwitch = $_.VirtualSwitchName; Portgroup = $_.Name; Vlan = $_.VLanId }
    }
} | Export-Csv (Join-Path $OutDir 'vss-portgroups.csv') -NoTypeInformation

# Which vmkernel adapters carry vMotion / vSAN / management
Get-VMHostNetworkAdapter -VMKernel |
    Select VMHost, Name, IP, Mtu, PortGroupName, VMotionEnabled, VsanTrafficEnabled, ManagementTrafficEnabled |
    Export-Csv (Join-Path $OutDir 'vmkernel.csv') -NoTypeInformation

# NSX segments through the NSX PowerCLI module
Connect-NsxtServer -Server nsx01.corp.northwind.example | Out-Null
$segSvc = Get-NsxtPolicyService -Name com.vmware.nsx_policy.infra.segments
$segSvc.list().results | ForEach-Object {
    [pscustomobject]@{
        Segment   = $_.display_name
        Gateway   = $_.connectivity_path
        Subnet    = ($_.subnets | ForEach-Object gateway_address) -join ','
        Transport = ($_.transport_zone_path -split '/')[-1]
    }
} | Export-Csv (Join-Path $OutDir 'nsx-segments.csv') -NoTypeInformation

# DFW security policies and the groups they use (input for the quarterly firewall review)
$polSvc = Get-NsxtPolicyService -Name com.vmware.nsx_policy.infra.domains.security_policies
$grpSvc = Get-NsxtPolicyService -Name com.vmware.nsx_policy.infra.domains.groups
$polSvc.list('default').results | Select-Object display_name, category, sequence_number, scope |
    Export-Csv (Join-Path $OutDir 'nsx-dfw-policies.csv') -NoTypeInformation
$grpSvc.list('default').results |
    Select-Object display_name, @{N='Criteria';E={($_.expression | ForEach-Object value) -join ';'}} |
    Export-Csv (Join-Path $OutDir 'nsx-groups.csv') -NoTypeInformation
Disconnect-NsxtServer -Confirm:$false
Disconnect-VIServer -Confirm:$false
