<#
.SYNOPSIS
  Clone a Northwind standard VM from a vCenter template and customise it.
.DESCRIPTION
  Used by the provisioning pipeline (stage "build-vm") and by hand from
  jmp-ops-02. See runbooks/compute/vm-provisioning.md.
.EXAMPLE
  ./New-NwlVmFromTemplate.ps1 -Name app-ord-08 -Os rhel9 -IpAddress 10.40.12.58 -Portgroup dpg-app-1012
#>
[CmdletBinding(SupportsShouldProcess)]
param(
    [Parameter(Mandatory)] [string] $Name,
    [ValidateSet('rhel9', 'win2022')] [string] $Os = 'rhel9',
    [Parameter(Mandatory)] [string] $IpAddress,
    [Parameter(Mandatory)] [string] $Portgroup,
    [int] $Cpu = 2,
    [int] $MemoryGB = 8,
    [int] $DataDiskGB = 0,
    [string] $Policy = 'nwl-silver-r5',
    [string] $VCenter = 'vcsa01.corp.northwind.example'
)
$ErrorActionPreference = 'Stop'
Import-Module VMware.VimAutomation.Core, VMware.VimAutomation.Storage
$vc = Connect-VIServer -Server $VCenter

$template = Get-Template -Name "tpl-$Os-2025q1" -Server $vc
$cluster  = Get-Cluster -Name NWL-PRD-CL01 -Server $vc
$folder   = Get-Folder -Name Provisioned -Type VM -Server $vc
$policy   = Get-SpbmStoragePolicy -Name $Policy -Server $vc
$ds       = Get-Datastore -Name nwl-vsan-prd01 -Server $vc

$spec = Get-OSCustomizationSpec -Name "nwl-$Os-static" -Server $vc |
        New-OSCustomizationSpec -Name "tmp-$Name" -Type NonPersistent
$gw = ($IpAddress -replace '\.\d+$', '.1')
$spec | Get-OSCustomizationNicMapping |
    Set-OSCustomizationNicMapping -IpMode UseStaticIP -IpAddress $IpAddress -SubnetMask 255.255.255.0 -DefaultGateway $gw

if ($PSCmdlet.ShouldProcess($Name, 'clone from template')) {
    $vm = New-VM -Name $Name -Template $template -ResourcePool $cluster -Location $folder `
                 -Datastore $ds -StoragePolicy $policy -OSCustomizationSpec $spec -Server $vc
    Set-VM -VM $vm -NumCpu $Cpu -MemoryGB $MemoryGB -Confirm:$false | Out-Null
    Get-NetworkAdapter -VM $vm | Set-NetworkAdapter -Portgroup (Get-VDPortgroup $Portgroup) -Confirm:$false | Out-Null
    if ($DataDiskGB -gt 0) {
        New-HardDisk -VM $vm -CapacityGB $DataDiskGB -StorageFormat Thin -StoragePolicy $policy | Out-Null
    }
    New-TagAssignment -Entity $vm -Tag (Get-Tag -Category Backup -Name gold-daily) | Out-Null
    Set-Annotation -Entity $vm -CustomAttribute 'Owner' -Value $env:USERNAME | Out-Null
    Start-VM -VM $vm | Out-Null
    # Customization runs on first boot; wait for the guest agent to report the IP.
    Wait-Tools -VM $vm -TimeoutSeconds 900 | Out-Null
    Write-Output ("{0} is up on {1}" -f $vm.Name, (Get-VMGuest -VM $vm).IPAddress[0])
}
Remove-OSCustomizationSpec -OSCustomizationSpec $spec -Confirm:$false
Disconnect-VIServer -Server $vc -Confirm:$false
