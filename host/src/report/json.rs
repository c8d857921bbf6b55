//! `--format json`: the report as one JSON document.

use std::io::Write;

use super::ScanReport;

pub fn write(report: &ScanReport, out: &mut dyn Write) -> std::io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, report)?;
    writeln!(out)
}
