# Evacuate an ESXi host before maintenance.
param(
    [Parameter(Mandatory)] [string] $VIServer,
    [Parameter(Mandatory)] [string] $HostName
)

Connect-VIServer -Server $VIServer
$vmhost = Get-VMHost -Name $HostName
foreach ($vm in Get-VM -Location $vmhost) {
    Move-VM -VM $vm -Destination (Get-VMHost | Where-Object { $_.Name -ne $HostName } | Select-Object -First 1)
}
Set-VMHost -VMHost $vmhost -State Maintenance
Disconnect-VIServer -Confirm:$false
