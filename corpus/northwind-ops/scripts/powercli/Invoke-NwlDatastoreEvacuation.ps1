<#
.SYNOPSIS
  Empty a VMFS datastore with Storage vMotion before it is decommissioned.
.DESCRIPTION
  Moves every VM (or only the disks that live on the source) to the least
  used member of the target datastore cluster, two at a time.
  Runbook: runbooks/storage/datastore-capacity-and-sdrs.md
#>
param(
    [Parameter(Mandatory)] [string] $Source,            # e.g. vmfs-t2-01
    [string] $TargetCluster = 'dsc-t2-dmz',
    [int] $Parallel = 2
)
$ErrorActionPreference = 'Stop'
Connect-VIServer vcsa01.corp.northwind.example | Out-Null
$src = Get-Datastore -Name $Source
$targets = Get-DatastoreCluster -Name $TargetCluster | Get-Datastore | Where-Object Name -ne $Source

$queue = Get-VM -Datastore $src
Write-Host ("{0} VMs on {1}" -f $queue.Count, $src.Name)
$running = @()
foreach ($vm in $queue) {
    $dst = $targets | Sort-Object FreeSpaceGB -Descending | Select-Object -First 1
    $disks = Get-HardDisk -VM $vm | Where-Object { $_.Filename -like "[$Source]*" }
    if ($disks.Count -eq (Get-HardDisk -VM $vm).Count) {
        # whole VM (config files + all disks): one storage migration
        $running += Move-VM -VM $vm -Datastore $dst -DiskStorageFormat Thin -RunAsync
    } else {
        # VM spans datastores: move only the disks that are on the source
        $running += Move-HardDisk -HardDisk $disks -Datastore $dst -Confirm:$false -RunAsync
    }
    while (($running | Get-Task | Where-Object State -eq 'Running').Count -ge $Parallel) {
        Start-Sleep -Seconds 30
    }
}
$running | Wait-Task | Out-Null
$left = Get-VM -Datastore $src
if ($left) { Write-Warning "Still on $($src.Name): $($left.Name -join ', ')" }
else { Write-Host "$($src.Name) is empty; unmount it from all hosts before the array team deletes the LUN." }
