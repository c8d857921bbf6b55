<#
.SYNOPSIS
  Keep the "NWL -" vCenter alarm definitions in git.
.DESCRIPTION
  -Mode Export writes every NWL alarm definition and its actions to
  alarms/<vcenter>.json. -Mode Ensure (re)creates missing ones from that file.
  Runbook: runbooks/monitoring/vcenter-alarms-and-events.md
#>
param(
    [ValidateSet('Export', 'Ensure')] [string] $Mode = 'Export',
    [string[]] $VCenter = @('vcsa01.corp.northwind.example', 'vcsa02.corp.northwind.example')
)
$ErrorActionPreference = 'Stop'
foreach ($name in $VCenter) {
    $vc = Connect-VIServer -Server $name
    $file = Join-Path $PSScriptRoot "alarms/$($name.Split('.')[0]).json"

    if ($Mode -eq 'Export') {
        Get-AlarmDefinition -Server $vc -Name 'NWL -*' | ForEach-Object {
            [pscustomobject]@{
                Name        = $_.Name
                Entity      = $_.Entity.Name
                Enabled     = $_.Enabled
                Description = $_.Description
                Actions     = @(Get-AlarmAction -AlarmDefinition $_ | ForEach-Object {
                                  @{ Type = "$($_.ActionType)"; To = $_.To } })
            }
        } | ConvertTo-Json -Depth 5 | Set-Content -Path $file -Encoding utf8
        Disconnect-VIServer -Server $vc -Confirm:$false
        continue
    }

    # Ensure mode: the vSphere API has no JSON import, so only the simple
    # metric alarms we use are supported (host CPU, datastore usage).
    $wanted = Get-Content $file -Raw | ConvertFrom-Json
    $root = Get-Folder -NoRecursion -Server $vc
    foreach ($a in $wanted) {
        if (Get-AlarmDefinition -Server $vc -Name $a.Name -ErrorAction SilentlyContinue) { continue }
        $trigger = New-AlarmTrigger -Metric (Get-Metric -MetricGroup Disk -Name 'Datastore Disk Usage' -ErrorAction SilentlyContinue) `
                   -MetricAlarmOperator Above -Yellow 7500 -Red 8500 -EntityType Datastore
        $def = New-AlarmDefinition -Name $a.Name -Description $a.Description -Entity $root `
                   -AlarmTrigger $trigger -Server $vc
        foreach ($act in $a.Actions | Where-Object Type -eq 'SendEmail') {
            New-AlarmAction -AlarmDefinition $def -Email -To $act.To | Out-Null
        }
        Write-Host "Created $($a.Name) on $name"
    }
    Disconnect-VIServer -Server $vc -Confirm:$false
}
