<#
.SYNOPSIS
  Quarterly refresh of the golden templates and their Content Library copies.
.DESCRIPTION
  1. Converts the current template to a VM, patches it in-guest, converts it back.
  2. Publishes a new OVF item to the "nwl-templates" library so DC2 (subscribed
     library) picks it up on the next sync.
#>
param(
    [Parameter(Mandatory)] [ValidateSet('rhel9', 'win2022')] [string] $Os,
    [string] $Quarter = ('{0}q{1}' -f (Get-Date).Year, [math]::Ceiling((Get-Date).Month / 3))
)
$ErrorActionPreference = 'Stop'
Connect-VIServer vcsa01.corp.northwind.example | Out-Null
$cred = Get-Secret -Name "template-$Os-local" # SecretManagement vault on jmp-ops-02

$old = Get-Template -Name "tpl-$Os-*" | Sort-Object Name | Select-Object -Last 1
$vm  = Set-Template -Template $old -ToVM
Start-VM -VM $vm | Wait-Tools -TimeoutSeconds 600 | Out-Null

if ($Os -eq 'rhel9') {
    Invoke-VMScript -VM $vm -GuestCredential $cred -ScriptType Bash `
        -ScriptText 'dnf -y upgrade && dnf -y install open-vm-tools && truncate -s0 /etc/machine-id'
} else {
    Invoke-VMScript -VM $vm -GuestCredential $cred -ScriptType Powershell `
        -ScriptText 'Install-WindowsUpdate -AcceptAll -IgnoreReboot' | Out-Null
    Update-Tools -VM $vm -NoReboot
}
Shutdown-VMGuest -VM $vm -Confirm:$false | Out-Null
while ((Get-VM -Id $vm.Id).PowerState -ne 'PoweredOff') { Start-Sleep 10 }

# Clone to the new quarter's name and keep the old one for one quarter.
$new = New-Template -VM $vm -Name "tpl-$Os-$Quarter" -Location (Get-Folder NWL-Templates)
Set-VM -VM $vm -ToTemplate -Confirm:$false | Out-Null

$lib = Get-ContentLibrary -Name nwl-templates -Local
New-ContentLibraryItem -ContentLibrary $lib -Name "tpl-$Os-$Quarter" -Template $new -Location (Get-Cluster NWL-PRD-CL01)
Get-ContentLibraryItem -ContentLibrary $lib | Sort-Object CreationTime | Select Name, ItemType, SizeGB
Disconnect-VIServer -Confirm:$false
