//! Search results in the terminal: best sections first with `path:line`,
//! heading path and a highlighted passage, then the facet counts.

use std::io::{self, Write};

use anstyle::{AnsiColor, Style};

use crate::index::search::{FacetCount, SearchResults};

const BOLD: Style = Style::new().bold();
const DIM: Style = Style::new().dimmed();
const MATCH: Style = Style::new()
    .fg_color(Some(anstyle::Color::Ansi(AnsiColor::Yellow)))
    .bold();

/// Facet values shown per line before "...".
const FACETS_SHOWN: usize = 6;

pub fn write(results: &SearchResults, out: &mut dyn Write) -> io::Result<()> {
    let sections = if results.total == 1 {
        "section"
    } else {
        "sections"
    };
    writeln!(
        out,
        "{BOLD}{} {sections}{BOLD:#} match{}",
        results.total,
        if results.hits.len() < results.total {
            format!(", best {} shown", results.hits.len())
        } else {
            String::new()
        }
    )?;
    for hit in &results.hits {
        writeln!(out)?;
        let heading = if hit.heading_path.is_empty() {
            String::new()
        } else {
            format!("  {}", hit.heading_path.join(" › "))
        };
        writeln!(
            out,
            "{BOLD}{}/{}:{}{BOLD:#}{DIM}{heading}{DIM:#}",
            hit.repo, hit.path, hit.line
        )?;
        if !hit.constructs.is_empty() {
            writeln!(out, "  {DIM}{}{DIM:#}", hit.constructs.join(", "))?;
        }
        writeln!(
            out,
            "  {}",
            highlighted(&hit.snippet.text, &hit.snippet.highlights)
        )?;
    }
    let facets = [
        ("repo", &results.facets.repo),
        ("layer", &results.facets.layer),
        ("construct", &results.facets.construct),
    ];
    if facets.iter().any(|(_, counts)| !counts.is_empty()) {
        writeln!(out)?;
    }
    for (name, counts) in facets {
        if !counts.is_empty() {
            writeln!(out, "{DIM}by {name}:{DIM:#} {}", list(counts))?;
        }
    }
    Ok(())
}

fn list(counts: &[FacetCount]) -> String {
    let mut shown: Vec<String> = counts
        .iter()
        .take(FACETS_SHOWN)
        .map(|c| format!("{} {}", c.value, c.sections))
        .collect();
    if counts.len() > FACETS_SHOWN {
        shown.push(format!("and {} more", counts.len() - FACETS_SHOWN));
    }
    shown.join(", ")
}

/// One line of text with the matched ranges styled; line breaks and other
/// control characters become spaces so a passage stays on its line.
fn highlighted(text: &str, ranges: &[std::ops::Range<usize>]) -> String {
    let flat = |s: &str| -> String {
        s.chars()
            .map(|c| if c.is_control() { ' ' } else { c })
            .collect()
    };
    let mut out = String::new();
    let mut at = 0;
    for r in ranges {
        if r.start < at
            || r.end > text.len()
            || !text.is_char_boundary(r.start)
            || !text.is_char_boundary(r.end)
        {
            continue;
        }
        out.push_str(&flat(&text[at..r.start]));
        out.push_str(&format!("{MATCH}{}{MATCH:#}", flat(&text[r.clone()])));
        at = r.end;
    }
    out.push_str(&flat(&text[at..]));
    out.trim().to_string()
}

#[cfg(test)]
mod tests {
    #[test]
    fn highlights_wrap_the_matched_words_and_lines_are_joined() {
        let text = "take a\nsnapshot first";
        let matched = std::ops::Range { start: 7, end: 15 };
        let shown = super::highlighted(text, std::slice::from_ref(&matched));
        assert!(shown.starts_with("take a "), "{shown:?}");
        assert!(shown.contains("snapshot"));
        assert!(!shown.contains('\n'));
    }
}
