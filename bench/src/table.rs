//! The harness's one table: what was measured, the figure, the target and
//! whether it was met.

use std::fmt::Write;

pub struct Row {
    pub measure: String,
    pub value: String,
    /// The target, if the row has one.
    pub target: Option<String>,
    /// Whether the target was met; `None` when there is none to meet.
    pub met: Option<bool>,
}

impl Row {
    pub fn info(measure: impl Into<String>, value: impl Into<String>) -> Self {
        Self {
            measure: measure.into(),
            value: value.into(),
            target: None,
            met: None,
        }
    }

    pub fn target(
        measure: impl Into<String>,
        value: impl Into<String>,
        target: impl Into<String>,
        met: bool,
    ) -> Self {
        Self {
            measure: measure.into(),
            value: value.into(),
            target: Some(target.into()),
            met: Some(met),
        }
    }
}

/// A Markdown table, so that a run pastes straight into bench/RESULTS.md.
pub fn render(rows: &[Row]) -> String {
    let mut out = String::from("| measure | result | target | met |\n|---|---|---|---|\n");
    for row in rows {
        let met = match row.met {
            Some(true) => "yes",
            Some(false) => "**no**",
            None => "",
        };
        let target = row.target.as_deref().unwrap_or("");
        let _ = writeln!(
            out,
            "| {} | {} | {target} | {met} |",
            row.measure, row.value
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_render_as_markdown_with_missed_targets_in_bold() {
        let rows = [
            Row::info("files", "1 000"),
            Row::target("warm start", "12 ms", "< 50 ms", true),
            Row::target("cold start", "4.1 s", "< 3 s", false),
        ];
        let table = render(&rows);
        let lines: Vec<&str> = table.lines().collect();
        assert_eq!(lines.len(), 5);
        assert_eq!(lines[2], "| files | 1 000 |  |  |");
        assert_eq!(lines[3], "| warm start | 12 ms | < 50 ms | yes |");
        assert_eq!(lines[4], "| cold start | 4.1 s | < 3 s | **no** |");
    }
}
