<#
.SYNOPSIS
    Nightly VM snapshot audit for the Harbor Freight Lines vCenters.
.DESCRIPTION
    Lists snapshots older than -MaxAgeHours or larger than -MaxSizeGB, removes stale
    Veeam temporary snapshots, kicks off disk consolidation where vCenter says it is
    needed, and posts a summary to the #plat-ops webhook.
    Runs as svc-snapaudit@vsphere.local from the ops-jump01 scheduled task. Ticket: OPS-6120.
#>
[CmdletBinding(SupportsShouldProcess)]
param(
    [string[]]$Server = @('vcsa-sav01.harborfl.net', 'vcsa-lgb01.harborfl.net'),
    [int]$MaxAgeHours = 72,
    [int]$MaxSizeGB = 50,
    [string]$Webhook = $env:HFL_OPS_WEBHOOK,
    [string]$CsvPath = "D:\hfl\reports\snapshots-$(Get-Date -Format yyyyMMdd).csv"
)

$ErrorActionPreference = 'Stop'
Import-Module VMware.VimAutomation.Core
Set-PowerCLIConfiguration -InvalidCertificateAction Fail -Scope Session -Confirm:$false | Out-Null
$cred = Import-Clixml -Path 'D:\hfl\cred\svc-snapaudit.xml'

$rows = foreach ($vc in $Server) {
    $conn = Connect-VIServer -Server $vc -Credential $cred
    foreach ($snap in (Get-VM -Server $conn | Get-Snapshot)) {
        [pscustomobject]@{
            vCenter   = $vc
            VM        = $snap.VM.Name
            Snapshot  = $snap.Name
            Created   = $snap.Created
            AgeHours  = [math]::Round(((Get-Date) - $snap.Created).TotalHours, 1)
            SizeGB    = [math]::Round($snap.SizeGB, 1)
            HasMemory = ($snap.PowerState -eq 'PoweredOn')   # memory state was captured
            Quiesced  = $snap.Quiesced
        }
    }
}

$rows | Export-Csv -Path $CsvPath -NoTypeInformation
$stale = $rows | Where-Object { $_.AgeHours -gt $MaxAgeHours -or $_.SizeGB -gt $MaxSizeGB }

# Veeam leaves these behind when a job dies mid-run; 6 h is well past any normal job.
$orphans = $rows | Where-Object { $_.Snapshot -eq 'VEEAM BACKUP TEMPORARY SNAPSHOT' -and $_.AgeHours -gt 6 }
foreach ($o in $orphans) {
    if ($PSCmdlet.ShouldProcess("$($o.VM) / $($o.Snapshot)", 'Remove snapshot')) {
        Get-Snapshot -Server $o.vCenter -VM $o.VM -Name $o.Snapshot | Remove-Snapshot -RunAsync -Confirm:$false
    }
}

# VMs left needing consolidation by an earlier failed delete
$needCons = Get-VM -Server $global:DefaultVIServers | Where-Object { $_.ExtensionData.Runtime.ConsolidationNeeded }
foreach ($vm in $needCons) {
    Write-Warning "$($vm.Name): disk consolidation needed, starting it"
    if ($PSCmdlet.ShouldProcess($vm.Name, 'ConsolidateVMDisks')) { $vm.ExtensionData.ConsolidateVMDisks_Task() | Out-Null }
}

$text = "Snapshot audit: $($rows.Count) snapshots, $($stale.Count) over $MaxAgeHours h / $MaxSizeGB GB, " +
        "$($orphans.Count) Veeam leftovers, $($needCons.Count) consolidations started."
if ($Webhook) { Invoke-RestMethod -Uri $Webhook -Method Post -ContentType 'application/json' -Body (@{ text = $text } | ConvertTo-Json) }
Disconnect-VIServer -Server * -Confirm:$false
