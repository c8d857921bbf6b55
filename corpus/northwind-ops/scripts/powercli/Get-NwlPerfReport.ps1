<#
.SYNOPSIS
  Weekly contention report for the production clusters.
.DESCRIPTION
  Pulls CPU ready, co-stop, balloon/swap and disk latency from the vCenter
  performance history (statistics level 2, 30-minute rollups) and writes one
  CSV per cluster to \\fs01\ops-reports\perf\. Scheduled Sunday 06:00 on jmp-ops-02.
#>
param(
    [string[]] $Cluster = @('NWL-PRD-CL01', 'NWL-PRD-CL02', 'NWL-DMZ-CL02'),
    [int] $Days = 7,
    [string] $OutDir = '\\fs01\ops-reports\perf'
)
$ErrorActionPreference = 'Stop'
Connect-VIServer -Server vcsa01.corp.northwind.example | Out-Null

# Fail early if the counters are not collected at this interval.
$interval = Get-StatInterval | Where-Object { $_.SamplingPeriodSecs -eq 1800 }
$needed = 'cpu.ready.summation', 'cpu.costop.summation', 'mem.vmmemctl.average',
          'mem.swapped.average', 'disk.maxTotalLatency.latest'
$available = Get-StatType -Entity (Get-VM | Select-Object -First 1) -Interval $interval
$needed | Where-Object { $_ -notin $available } | ForEach-Object { throw "Counter $_ not collected" }

$start = (Get-Date).AddDays(-$Days)
foreach ($cl in $Cluster) {
    $vms = Get-Cluster $cl | Get-VM | Where-Object PowerState -eq 'PoweredOn'
    $stats = Get-Stat -Entity $vms -Stat $needed -Start $start -IntervalSecs 1800 -Instance ''
    $rows = $stats | Group-Object { $_.Entity.Name } | ForEach-Object {
        $vm  = $_.Group[0].Entity
        $rdy = ($_.Group | Where-Object MetricId -eq 'cpu.ready.summation' | Measure-Object Value -Average).Average
        [pscustomobject]@{
            VM            = $vm.Name
            vCPU          = $vm.NumCpu
            # ready ms per 1800 s sample -> percent per vCPU
            ReadyPct      = [math]::Round($rdy / (1800 * 1000 * $vm.NumCpu) * 100, 2)
            CostopMsAvg   = ($_.Group | Where-Object MetricId -eq 'cpu.costop.summation' | Measure-Object Value -Average).Average
            BalloonKBMax  = ($_.Group | Where-Object MetricId -eq 'mem.vmmemctl.average' | Measure-Object Value -Maximum).Maximum
            SwappedKBMax  = ($_.Group | Where-Object MetricId -eq 'mem.swapped.average' | Measure-Object Value -Maximum).Maximum
            DiskLatMaxMs  = ($_.Group | Where-Object MetricId -eq 'disk.maxTotalLatency.latest' | Measure-Object Value -Maximum).Maximum
        }
    }
    $rows | Sort-Object ReadyPct -Descending |
        Export-Csv -NoTypeInformation -Path (Join-Path $OutDir ("{0}-{1:yyyyMMdd}.csv" -f $cl, (Get-Date)))
}
Disconnect-VIServer -Confirm:$false
