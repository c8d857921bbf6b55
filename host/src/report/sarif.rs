//! SARIF 2.1.0 for code-scanning dashboards (GitHub accepts it as is).
//!
//! One rule per construct, so alerts group by what the runbook depends on;
//! its help is the translation for the stack asked for. Each result points
//! at a repository-relative file and region, carries a fingerprint that
//! survives line moves, and a failed file or plugin shows as a tool
//! notification with `executionSuccessful: false`.

use std::collections::BTreeMap;
use std::io::Write;

use serde_sarif::sarif;

use super::{Finding, ScanReport, Severity, TranslationOutcome};

const INFORMATION_URI: &str = "https://github.com/opgap/opgap";

pub fn write(report: &ScanReport, out: &mut dyn Write) -> std::io::Result<()> {
    let log = to_sarif(report);
    serde_json::to_writer_pretty(&mut *out, &log)?;
    writeln!(out)
}

pub fn to_sarif(report: &ScanReport) -> sarif::Sarif {
    // Rules in construct order; the first finding of each lends its
    // translation as the rule's help.
    let mut first_of: BTreeMap<&str, &Finding> = BTreeMap::new();
    for f in &report.findings {
        first_of.entry(f.construct.as_str()).or_insert(f);
    }
    let index_of: BTreeMap<&str, usize> =
        first_of.keys().enumerate().map(|(i, c)| (*c, i)).collect();
    let rules: Vec<sarif::ReportingDescriptor> = first_of.values().map(|f| rule(f)).collect();

    let several = report.repos.len() > 1;
    let base_of = |repo: &str| {
        if several {
            repo.to_string()
        } else {
            "%SRCROOT%".to_string()
        }
    };
    let mut results: Vec<sarif::Result> = report
        .findings
        .iter()
        .map(|f| result(f, index_of[f.construct.as_str()], &base_of(&f.repo)))
        .collect();
    // Against a baseline, what is left is what is new.
    if report.baseline.is_some() {
        for r in &mut results {
            r.baseline_state = Some(serde_json::json!("new"));
        }
    }

    let mut run = sarif::Run::builder()
        .tool(
            sarif::Tool::builder()
                .driver(
                    sarif::ToolComponent::builder()
                        .name("opgap")
                        .semantic_version(report.tool.version)
                        .information_uri(INFORMATION_URI)
                        .rules(rules)
                        .build(),
                )
                .build(),
        )
        .results(results)
        .column_kind(serde_json::json!("unicodeCodePoints"))
        .invocations(vec![invocation(report)])
        .build();
    if several {
        let bases = report
            .repos
            .iter()
            .map(|r| {
                let uri = format!("file://{}/", r.root.display());
                (
                    r.name.clone(),
                    sarif::ArtifactLocation::builder().uri(uri).build(),
                )
            })
            .collect();
        run.original_uri_base_ids = Some(bases);
    }
    sarif::Sarif::builder()
        .schema(sarif::SCHEMA_URL)
        .version(serde_json::json!("2.1.0"))
        .runs(vec![run])
        .build()
}

fn level(severity: Severity) -> sarif::ResultLevel {
    match severity {
        Severity::Critical | Severity::High => sarif::ResultLevel::Error,
        Severity::Medium => sarif::ResultLevel::Warning,
        Severity::Low | Severity::Info => sarif::ResultLevel::Note,
    }
}

fn rule(f: &Finding) -> sarif::ReportingDescriptor {
    let construct = opgap_catalogue::construct(&f.construct);
    let layer = opgap_catalogue::layer(&f.layer);
    let name = construct.map_or(f.construct.as_str(), |c| c.name);
    let full = match layer {
        Some(l) => format!("Runbook step depends on {name} ({}): {}.", l.name, l.why),
        None => format!("Runbook step depends on {name}."),
    };
    let (help_text, help_markdown) = help(f);
    let default_level = construct.map_or(f.severity, |c| Severity::from_impact(c.impact));
    sarif::ReportingDescriptor::builder()
        .id(f.construct.to_string())
        .name(name.to_string())
        .short_description(
            sarif::MultiformatMessageString::builder()
                .text(format!("vCenter dependency: {name}"))
                .build(),
        )
        .full_description(
            sarif::MultiformatMessageString::builder()
                .text(full)
                .build(),
        )
        .help(
            sarif::MultiformatMessageString::builder()
                .text(help_text)
                .markdown(help_markdown)
                .build(),
        )
        .default_configuration(
            sarif::ReportingConfiguration::builder()
                .level(serde_json::to_value(level(default_level)).expect("a level serializes"))
                .build(),
        )
        .properties(
            sarif::PropertyBag::builder()
                .tags(vec!["vcenter-dependency".to_string(), f.layer.to_string()])
                .additional_properties(BTreeMap::new())
                .build(),
        )
        .build()
}

/// The rule's help: what the construct becomes on the stack scanned for.
fn help(f: &Finding) -> (String, String) {
    match f.translation.as_deref() {
        Some(TranslationOutcome::Translated {
            stack,
            fidelity,
            replacement,
            caveats,
            instead,
            references,
            ..
        }) => {
            let mut text = format!("On {stack}: {} equivalent.", fidelity.as_str());
            let mut md = format!("**On {stack}: {}**\n\n", fidelity.as_str());
            if !replacement.is_empty() {
                text.push_str(&format!(" For example: {}.", replacement.join("; ")));
                md.push_str("For example:\n\n```sh\n");
                for r in replacement {
                    md.push_str(r);
                    md.push('\n');
                }
                md.push_str("```\n\n");
            }
            for c in caveats {
                text.push_str(&format!(" {c}"));
                md.push_str(&format!("- {c}\n"));
            }
            if !instead.is_empty() {
                text.push_str(&format!(" Instead: {instead}"));
                md.push_str(&format!("\n**Instead:** {instead}\n"));
            }
            if !references.is_empty() {
                md.push_str("\nReferences:\n");
                for r in references {
                    md.push_str(&format!("- <{r}>\n"));
                }
            }
            (text, md)
        }
        Some(TranslationOutcome::Untranslated { stack }) => {
            let text = format!(
                "No translator knows what {} becomes on {stack}.",
                f.construct
            );
            (text.clone(), text)
        }
        None => {
            let text = format!(
                "Run `opgap scan --stack STACK` or `opgap explain {}` to see what it becomes on libvirt, Proxmox VE, oVirt or OpenStack.",
                f.construct
            );
            (text.clone(), text)
        }
    }
}

/// Characters a relative URI reference cannot hold as they are (RFC 3986);
/// `/` stays, as the path separator.
const NOT_IN_URI: &percent_encoding::AsciiSet = &percent_encoding::CONTROLS
    .add(b' ')
    .add(b'"')
    .add(b'#')
    .add(b'%')
    .add(b'<')
    .add(b'>')
    .add(b'?')
    .add(b'[')
    .add(b'\\')
    .add(b']')
    .add(b'^')
    .add(b'`')
    .add(b'{')
    .add(b'|')
    .add(b'}');

/// A repository path as a SARIF artifact URI, relative to its base.
fn uri_of(path: &str) -> String {
    let encoded = percent_encoding::utf8_percent_encode(path, NOT_IN_URI).to_string();
    // A first segment with a colon would read as a scheme.
    if encoded.split('/').next().is_some_and(|s| s.contains(':')) {
        format!("./{encoded}")
    } else {
        encoded
    }
}

fn result(f: &Finding, rule_index: usize, uri_base: &str) -> sarif::Result {
    let region = sarif::Region::builder()
        .start_line(i64::from(f.line))
        .start_column(i64::from(f.column))
        .end_line(i64::from(f.end_line))
        .end_column(i64::from(f.end_column))
        .build();
    let location = sarif::Location::builder()
        .physical_location(
            sarif::PhysicalLocation::builder()
                .artifact_location(
                    sarif::ArtifactLocation::builder()
                        .uri(uri_of(&f.path))
                        .uri_base_id(uri_base.to_string())
                        .build(),
                )
                .region(region)
                .build(),
        )
        .build();
    let mut message = f.message.to_string();
    if let Some(TranslationOutcome::Translated {
        stack,
        fidelity,
        replacement,
        ..
    }) = f.translation.as_deref()
    {
        message.push_str(&format!(" On {stack}: {}", fidelity.as_str()));
        if let Some(first) = replacement.first() {
            message.push_str(&format!(", e.g. `{first}`"));
        }
        message.push('.');
    }
    let mut built = sarif::Result::builder()
        .rule_id(f.construct.to_string())
        .rule_index(rule_index as i64)
        .level(level(f.severity))
        .message(sarif::Message::builder().text(message).build())
        .locations(vec![location])
        .partial_fingerprints(BTreeMap::from([(
            "opgap/v1".to_string(),
            super::fingerprint(f),
        )]))
        .build();
    if let Some(s) = &f.suppressed {
        built.suppressions = Some(vec![
            sarif::Suppression::builder()
                .kind(serde_json::json!("inSource"))
                .justification(s.reason.clone())
                .build(),
        ]);
    }
    built
}

fn invocation(report: &ScanReport) -> sarif::Invocation {
    let notifications: Vec<sarif::Notification> = report
        .errors
        .iter()
        .map(|e| {
            sarif::Notification::builder()
                .message(sarif::Message::builder().text(e.message.clone()).build())
                .level(serde_json::json!("error"))
                .build()
        })
        .collect();
    let mut invocation = sarif::Invocation::builder()
        .execution_successful(!report.partial)
        .build();
    if !notifications.is_empty() {
        invocation.tool_execution_notifications = Some(notifications);
    }
    invocation
}

#[cfg(test)]
mod tests {
    use super::uri_of;

    #[test]
    fn paths_become_relative_uri_references() {
        assert_eq!(uri_of("runbooks/move.md"), "runbooks/move.md");
        assert_eq!(uri_of("ops/a b#1%.md"), "ops/a%20b%231%25.md");
        assert_eq!(uri_of("é.md"), "%C3%A9.md");
        assert_eq!(uri_of("c:d/x.md"), "./c:d/x.md");
    }
}
