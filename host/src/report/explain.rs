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

#[cfg(test)]
mod tests {
    use crate::plugin::{Limits, Runtime, TranslatorPlugin, builtin};

    /// The rendered explanation of a construct on one stack, colour
    /// stripped, with the built-in translators (no detectors: their rule
    /// lists change often and are covered elsewhere).
    fn rendered(construct: &str, stack: &str) -> String {
        let runtime = Runtime::new(Limits::default(), None).unwrap();
        let translators: Vec<TranslatorPlugin> = builtin::translators()
            .iter()
            .map(|(name, bytes)| TranslatorPlugin::load(&runtime, name, bytes).unwrap())
            .collect();
        let mut errors = Vec::new();
        let e = crate::explain::explain(
            construct,
            &[],
            &translators,
            &[stack.to_string()],
            &mut errors,
        )
        .unwrap();
        assert!(errors.is_empty());
        let mut out = anstream::StripStream::new(Vec::new());
        super::write(&e, &mut out).unwrap();
        String::from_utf8(out.into_inner()).unwrap()
    }

    #[test]
    fn representative_translations_render_as_reviewed() {
        for (construct, stack) in [
            ("vmware.vmotion", "proxmox"),
            ("vmware.snapshot.quiesce", "libvirt"),
            ("vmware.snapshot.create", "openstack"),
            ("vmware.drs", "libvirt"),
            ("vmware.ft", "ovirt"),
            ("vmware.perf.cpu_ready", "proxmox"),
        ] {
            insta::assert_snapshot!(
                format!("{construct}-on-{stack}"),
                rendered(construct, stack)
            );
        }
    }
}
