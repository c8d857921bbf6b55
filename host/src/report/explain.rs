//! `opgap explain` in the terminal.

use std::io::{self, Write};

use anstyle::Style;

use super::terminal::write_translation;
use crate::explain::Explanation;

const BOLD: Style = Style::new().bold();
const DIM: Style = Style::new().dimmed();

pub fn write(e: &Explanation, out: &mut dyn Write) -> io::Result<()> {
    writeln!(out, "{BOLD}{}{BOLD:#}  {}", e.construct, e.name)?;
    writeln!(
        out,
        "  layer {} ({}), default severity {}",
        e.layer, e.layer_name, e.default_severity
    )?;
    writeln!(out, "  {}", e.why)?;
    writeln!(out, "\n{BOLD}Detected by{BOLD:#}")?;
    if e.detected_by.is_empty() {
        writeln!(out, "  no loaded detector has a rule for it")?;
    }
    for r in &e.detected_by {
        writeln!(out, "  {}  {DIM}{}{DIM:#}", r.rule, r.help)?;
    }
    writeln!(out, "\n{BOLD}On the KVM management planes{BOLD:#}")?;
    for t in &e.translations {
        write_translation(out, t)?;
    }
    Ok(())
}
