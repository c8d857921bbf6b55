//! The example teams of `corpus/teams` get the outcomes written down for
//! them in `corpus/teams/INTENDED.md` before the scorer existed: verdict,
//! per-domain risk and team level, incident command and runway, in every
//! output format; every id the JSON names resolves to evidence.

use std::path::PathBuf;

use serde_json::Value;

use crate::support::*;

/// What INTENDED.md says one questionnaire must score.
#[derive(Debug, Default)]
struct Intended {
    file: PathBuf,
    verdict: String,
    /// Domain id, risk (`NONE`, `MEDIUM`, `HIGH`), team level.
    domains: Vec<(String, String, u8)>,
    incident_command: Option<String>,
    runway: Option<u64>,
}

fn cells(line: &str) -> Vec<String> {
    line.trim()
        .trim_matches('|')
        .split('|')
        .map(|c| c.trim().to_string())
        .collect()
}

fn first_number(text: &str) -> Option<u64> {
    let digits: String = text
        .chars()
        .skip_while(|c| !c.is_ascii_digit())
        .take_while(|c| c.is_ascii_digit())
        .collect();
    digits.parse().ok()
}

/// Read INTENDED.md: a `## Team (`path`): VERDICT` section per team, with
/// either a `| domain | risk | T |` table (one questionnaire) or a
/// `| domain | date | date ... |` table (dated questionnaires in a folder).
fn intended() -> Vec<Intended> {
    let teams = workspace().join("corpus/teams");
    let text = std::fs::read_to_string(teams.join("INTENDED.md")).unwrap();
    let mut out = Vec::new();
    for section in text.split("\n## ").skip(1) {
        let heading = section.lines().next().unwrap();
        let path = heading.split('`').nth(1).expect("a path in backticks");
        let verdicts = heading.rsplit_once("): ").unwrap().1;
        let rows: Vec<Vec<String>> = section
            .lines()
            .filter(|l| l.starts_with('|') && !l.starts_with("|---"))
            .map(cells)
            .collect();
        let header = &rows[0];
        let body = &rows[1..];
        let domain_of = |cell: &str| cell.split_whitespace().next().unwrap().to_string();
        let is_domain = |cell: &str| {
            cell.contains('_')
                || cell.starts_with("storage")
                || cell.starts_with("networking")
                || cell.starts_with("observability")
        };
        if header[1] == "risk" {
            let mut one = Intended {
                file: teams.join(path),
                verdict: verdicts.trim().to_string(),
                ..Intended::default()
            };
            for row in body.iter().filter(|r| is_domain(&r[0])) {
                one.domains.push((
                    domain_of(&row[0]),
                    row[1].clone(),
                    first_number(&row[2]).unwrap() as u8,
                ));
            }
            for line in section.lines() {
                if let Some(rest) = line.strip_prefix("- Incident command: ") {
                    one.incident_command = rest.split_whitespace().next().map(str::to_string);
                }
                if let Some(rest) = line.strip_prefix("- Runway: ") {
                    one.runway = first_number(rest);
                }
            }
            out.push(one);
        } else {
            for (column, date) in header.iter().enumerate().skip(1) {
                let mut one = Intended {
                    file: teams.join(path).join(format!("{date}.toml")),
                    ..Intended::default()
                };
                for row in body {
                    let cell = &row[column];
                    match row[0].as_str() {
                        "verdict" => one.verdict = cell.clone(),
                        "incident command" => one.incident_command = Some(cell.clone()),
                        "runway" => one.runway = first_number(cell),
                        d if is_domain(d) => {
                            let mut parts = cell.split_whitespace();
                            let risk = parts.next().unwrap().to_string();
                            let level = first_number(parts.next().unwrap()).unwrap() as u8;
                            one.domains.push((domain_of(d), risk, level));
                        }
                        _ => {}
                    }
                }
                out.push(one);
            }
        }
    }
    out
}

fn label(verdict: &str) -> &'static str {
    match verdict {
        "ready" => "READY",
        "ready_with_runway" => "READY WITH RUNWAY",
        "not_ready" => "NOT READY",
        other => panic!("unknown verdict {other}"),
    }
}

#[test]
fn intended_md_covers_three_teams_and_every_domain() {
    let all = intended();
    assert!(all.len() >= 5, "{all:#?}");
    let verdicts: std::collections::BTreeSet<&str> =
        all.iter().map(|i| i.verdict.as_str()).collect();
    assert_eq!(
        verdicts.len(),
        3,
        "all three verdicts are exercised: {verdicts:?}"
    );
    for i in &all {
        assert_eq!(i.domains.len(), 8, "{}", i.file.display());
        assert!(i.file.is_file(), "{}", i.file.display());
    }
}

#[test]
fn the_example_teams_get_the_outcomes_intended_for_them() {
    for want in intended() {
        let card = scorecard_json(&want.file, &[]);
        let name = want.file.display().to_string();
        assert_eq!(
            label(card["verdict"].as_str().unwrap()),
            want.verdict,
            "{name}: {:#}",
            card["reasons"]
        );
        for (domain, risk, level) in &want.domains {
            let got = card["domains"]
                .as_array()
                .unwrap()
                .iter()
                .find(|d| d["id"] == domain.as_str())
                .unwrap_or_else(|| panic!("{name}: no domain {domain}"));
            assert_eq!(
                got["risk"].as_str().unwrap().to_uppercase(),
                *risk,
                "{name}: {domain}: {}",
                got["reason"]
            );
            assert_eq!(
                got["team_level"].as_u64().unwrap(),
                u64::from(*level),
                "{name}: {domain}"
            );
        }
        if let Some(ic) = &want.incident_command {
            assert_eq!(
                card["incident_command"]["risk"]
                    .as_str()
                    .unwrap()
                    .to_uppercase(),
                *ic,
                "{name}"
            );
        }
        if let Some(runway) = want.runway {
            assert_eq!(card["runway_weeks"].as_u64().unwrap(), runway, "{name}");
        }
    }
}

/// Every evidence id anywhere in a scorecard is one of its evidence items.
fn unresolved_ids(card: &Value) -> Vec<String> {
    let known: Vec<&str> = card["evidence"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["id"].as_str().unwrap())
        .collect();
    let mut bad = Vec::new();
    fn walk<'a>(v: &'a Value, found: &mut Vec<&'a str>) {
        match v {
            Value::Object(map) => {
                for (k, v) in map {
                    if k == "evidence"
                        && v.as_array().is_some_and(|a| a.iter().all(Value::is_string))
                    {
                        found.extend(v.as_array().unwrap().iter().map(|x| x.as_str().unwrap()));
                    } else {
                        walk(v, found);
                    }
                }
            }
            Value::Array(a) => a.iter().for_each(|x| walk(x, found)),
            _ => {}
        }
    }
    let mut found = Vec::new();
    walk(card, &mut found);
    assert!(!found.is_empty());
    for id in found {
        if !known.contains(&id) {
            bad.push(id.to_string());
        }
    }
    bad
}

#[test]
fn every_score_traces_to_evidence_ids() {
    for want in intended() {
        let card = scorecard_json(&want.file, &[]);
        assert_eq!(
            scorecard_problems(&card),
            Vec::<String>::new(),
            "{}",
            want.file.display()
        );
        assert_eq!(unresolved_ids(&card), Vec::<String>::new());
        for d in card["domains"].as_array().unwrap() {
            for p in d["people"].as_array().unwrap() {
                if p["points"].as_f64().unwrap() > 0.0 {
                    assert!(
                        !p["evidence"].as_array().unwrap().is_empty(),
                        "{}: {}",
                        d["id"],
                        p["person"]
                    );
                }
            }
            for p in d["probes"].as_array().unwrap() {
                let status = p["status"].as_str().unwrap();
                let cites = !p["evidence"].as_array().unwrap().is_empty();
                assert_eq!(
                    cites,
                    !matches!(status, "missing" | "not_applicable"),
                    "{}: {}",
                    d["id"],
                    p["id"]
                );
            }
            if d["score"].as_u64().unwrap() > 0 {
                assert!(!d["evidence"].as_array().unwrap().is_empty(), "{}", d["id"]);
            }
        }
    }
}

#[test]
fn the_example_questionnaires_match_the_published_schema() {
    let mut files: Vec<PathBuf> = intended().into_iter().map(|i| i.file).collect();
    let template = tempfile::NamedTempFile::new().unwrap();
    std::fs::write(template.path(), opgap::readiness::questionnaire::TEMPLATE).unwrap();
    files.push(template.path().to_path_buf());
    for file in files {
        let doc = toml_as_json(&std::fs::read_to_string(&file).unwrap());
        assert_eq!(
            questionnaire_problems(&doc),
            Vec::<String>::new(),
            "{}",
            file.display()
        );
    }
    // The schema is not a no-op.
    let mut doc = toml_as_json(opgap::readiness::questionnaire::TEMPLATE);
    doc["evidence"][0]["kind"] = Value::from("hallway_chat");
    assert_eq!(questionnaire_problems(&doc).len(), 1);
}

#[test]
fn a_folder_of_dated_questionnaires_is_scored_as_a_trend() {
    let folder = workspace().join("corpus/teams/mosaic");
    let card = scorecard_json(&folder, &[]);
    let dated: Vec<Intended> = intended()
        .into_iter()
        .filter(|i| i.file.starts_with(&folder))
        .collect();
    assert_eq!(scorecard_problems(&card), Vec::<String>::new());
    let mut broken = card.clone();
    broken["trend"][0]["verdict"] = Value::from("maybe");
    assert_eq!(
        scorecard_problems(&broken).len(),
        1,
        "the schema is not a no-op"
    );
    let trend = card["trend"].as_array().unwrap();
    assert_eq!(trend.len(), dated.len());
    for (point, want) in trend.iter().zip(&dated) {
        assert_eq!(label(point["verdict"].as_str().unwrap()), want.verdict);
        assert!(
            want.file
                .ends_with(format!("{}.toml", point["assessed_on"].as_str().unwrap()))
        );
    }
    // The scorecard itself is the latest questionnaire's.
    assert_eq!(card["assessed_on"], trend.last().unwrap()["assessed_on"]);
    let indexes: Vec<u64> = trend.iter().map(|p| p["index"].as_u64().unwrap()).collect();
    assert!(
        indexes.windows(2).all(|w| w[0] <= w[1]),
        "the team improved: {indexes:?}"
    );

    let out = opgap_readiness(&[folder.to_str().unwrap()]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("Trend"), "{text}");
    for point in trend {
        assert!(text.contains(point["assessed_on"].as_str().unwrap()));
    }
}

#[test]
fn terminal_and_markdown_show_the_same_verdicts_and_risks() {
    for want in intended() {
        let file = want.file.to_str().unwrap();
        for format in ["terminal", "markdown"] {
            let out = opgap_readiness(&[file, "--format", format]);
            assert_eq!(out.status.code(), Some(0));
            let text = String::from_utf8_lossy(&out.stdout);
            let headline = match format {
                "terminal" => format!("\n{}  readiness index ", want.verdict),
                _ => format!("\n**{}**, readiness index ", want.verdict),
            };
            assert!(text.contains(&headline), "{format} {file}:\n{text}");
            let highs = want.domains.iter().filter(|(_, r, _)| r == "HIGH").count();
            if format == "markdown" {
                let rows = text
                    .lines()
                    .filter(|l| l.starts_with("| ") && l.contains("| HIGH |"))
                    .count();
                assert_eq!(rows, highs, "{file}");
            }
        }
    }
}
