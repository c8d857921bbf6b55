//! `opgap readiness`: questionnaires are written, checked and reported on
//! with file, line, column and key; scoring resists gaming, weighs in the
//! Operating Model Test of a scan, accepts a replacement scorer, and the
//! HTML scorecard renders in Chromium.

use std::path::Path;
use std::process::Command;

use serde_json::Value;

use crate::support::*;

fn team(name: &str) -> std::path::PathBuf {
    workspace()
        .join("corpus/teams")
        .join(name)
        .join("2026-11-15.toml")
}

/// `text` with these lines appended, written to a temporary file.
fn variant(dir: &Path, name: &str, text: &str) -> std::path::PathBuf {
    let file = dir.join(name);
    std::fs::write(&file, text).unwrap();
    file
}

#[test]
fn init_writes_a_questionnaire_that_checks_clean_and_refuses_to_overwrite() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("team.toml");
    let file_arg = file.to_str().unwrap();
    let init = |force: bool| {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_opgap"));
        cmd.args(["readiness", "init", file_arg]);
        if force {
            cmd.arg("--force");
        }
        cmd.status().unwrap()
    };
    assert!(init(false).success());
    let (_, stderr) =
        succeeds(Command::new(env!("CARGO_BIN_EXE_opgap")).args(["readiness", "check", file_arg]));
    assert!(stderr.contains("no problems"));
    assert_eq!(init(false).code(), Some(2));
    assert!(init(true).success());
}

#[test]
fn check_reports_every_problem_of_every_file_and_fails() {
    let dir = tempfile::tempdir().unwrap();
    let good = dir.path().join("good.toml");
    std::fs::write(&good, opgap::readiness::questionnaire::TEMPLATE).unwrap();
    let bad = dir.path().join("bad.toml");
    let text = opgap::readiness::questionnaire::TEMPLATE
        .replace("verifier = \"ben\"", "verifier = \"ana\"")
        .replace(
            "probes = [\"st_ceph_osd_failure\"]",
            "probes = [\"st_ceph_osd_failure\", \"st_made_up\"]",
        )
        .replace("person = \"ana\"\nrole", "person = \"zoe\"\nrole");
    std::fs::write(&bad, text).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_opgap"))
        .args([
            "readiness",
            "check",
            good.to_str().unwrap(),
            bad.to_str().unwrap(),
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("good.toml: 2 people, 1 evidence items, no problems"),
        "{stderr}"
    );
    let errors: Vec<&str> = stderr
        .lines()
        .filter(|l| l.starts_with("error: "))
        .collect();
    assert_eq!(errors.len(), 2, "{stderr}");
    assert!(errors.iter().any(|e| e.contains("bad.toml:")
        && e.contains("evidence.probes: `st_made_up` is not in the probe bank")));
    assert!(
        errors
            .iter()
            .any(|e| e.contains("evidence.participant.person: `zoe` is not declared"))
    );
}

#[test]
fn the_probe_bank_is_listed_with_its_critical_probes() {
    let out = Command::new(env!("CARGO_BIN_EXE_opgap"))
        .args(["readiness", "probes"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(text.lines().filter(|l| l.starts_with("  * ")).count(), 16);
    assert!(text.contains("storage (Storage, weight 20, gate)"));
}

#[test]
fn certificates_and_vcenter_incidents_cannot_lift_a_not_ready_team() {
    let granite = team("granite");
    let before = scorecard_json(&granite, &[]);
    assert_eq!(before["verdict"], "not_ready");
    let text = std::fs::read_to_string(&granite).unwrap();
    let doc = toml_as_json(&text);
    let people: Vec<&str> = doc["person"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["id"].as_str().unwrap())
        .collect();
    let mut gamed = text.clone();
    for (n, person) in people.iter().cycle().take(60).enumerate() {
        let domain = [
            "storage",
            "backup_restore",
            "migration_ha",
            "management_plane",
        ][n % 4];
        gamed.push_str(&format!(
            "\n[[evidence]]\nid = \"CERT-{n}\"\nkind = \"certification\"\ndate = 2026-10-01\n\
             domains = [\"{domain}\"]\nplatform = \"proxmox\"\nartifacts = [\"https://certs.example/{n}\"]\n\
             [[evidence.participant]]\nperson = \"{person}\"\nrole = \"primary_responder\"\n\
             \n[[evidence]]\nid = \"VC-{n}\"\nkind = \"production_incident\"\ndate = 2026-10-01\n\
             domains = [\"{domain}\"]\nlayer = \"through_vcenter\"\nplatform = \"vsphere\"\nseverity = \"sev1\"\n\
             artifacts = [\"https://tickets.example/VC-{n}\"]\n\
             [[evidence.participant]]\nperson = \"{person}\"\nrole = \"primary_responder\"\n"
        ));
    }
    let dir = tempfile::tempdir().unwrap();
    let after = scorecard_json(&variant(dir.path(), "gamed.toml", &gamed), &[]);
    assert_eq!(after["verdict"], "not_ready", "{:#}", after["reasons"]);
    for (b, a) in before["domains"]
        .as_array()
        .unwrap()
        .iter()
        .zip(after["domains"].as_array().unwrap())
    {
        assert_eq!(a["risk"], b["risk"], "{}", a["id"]);
        // Coursework and vCenter work are capped at 2 + 3 points a person.
        for (pb, pa) in b["people"]
            .as_array()
            .unwrap()
            .iter()
            .zip(a["people"].as_array().unwrap())
        {
            let gained = pa["points"].as_f64().unwrap() - pb["points"].as_f64().unwrap();
            assert!(
                gained <= 5.0 + 1e-9,
                "{} {}: +{gained}",
                a["id"],
                pa["person"]
            );
        }
    }
}

#[test]
fn broad_or_padded_evidence_is_refused_with_its_location() {
    let dir = tempfile::tempdir().unwrap();
    let template = opgap::readiness::questionnaire::TEMPLATE;
    let padded = template
        .replace(
            "domains = [\"storage\"]",
            "domains = [\"storage\", \"networking\", \"backup_restore\", \"migration_ha\"]",
        )
        .replace(
            "artifacts = [\"https://tickets.example.internal/INC-2041\"]",
            "artifacts = [\"\", \"see ticket\"]",
        )
        .replace(
            "authored = true                   # wrote the postmortem or runbook",
            "authored = true\n\n[[evidence.participant]]\nperson = \"ana\"\nrole = \"incident_commander\"",
        );
    let file = variant(dir.path(), "padded.toml", &padded);
    let out = Command::new(env!("CARGO_BIN_EXE_opgap"))
        .args(["readiness", "check", file.to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    for expected in [
        "padded.toml:51:55: evidence.domains: `INC-2041` names more than 3 domains",
        "padded.toml:58:14: evidence.artifacts: `` is not a link",
        "padded.toml:58:18: evidence.artifacts: `see ticket` is not a link",
        "evidence.participant.person: `ana` is listed twice in `INC-2041`",
    ] {
        assert!(stderr.contains(expected), "{expected}\n{stderr}");
    }
}

#[test]
fn without_verifiers_and_artifacts_scores_fall_and_ready_is_lost() {
    let tern = team("tern");
    let before = scorecard_json(&tern, &[]);
    assert_eq!(before["verdict"], "ready");
    let text = std::fs::read_to_string(&tern).unwrap();
    let stripped: String = text
        .lines()
        .filter(|l| !l.starts_with("verifier =") && !l.starts_with("artifacts ="))
        .map(|l| format!("{l}\n"))
        .collect();
    assert!(stripped.len() < text.len());
    let dir = tempfile::tempdir().unwrap();
    let after = scorecard_json(&variant(dir.path(), "stripped.toml", &stripped), &[]);
    assert_ne!(after["verdict"], "ready");
    assert!(after["index"].as_u64() < before["index"].as_u64());
    for (b, a) in before["domains"]
        .as_array()
        .unwrap()
        .iter()
        .zip(after["domains"].as_array().unwrap())
    {
        assert!(a["score"].as_u64() < b["score"].as_u64(), "{}", a["id"]);
        let proven = |d: &Value| {
            d["probes"]
                .as_array()
                .unwrap()
                .iter()
                .filter(|p| p["status"] == "proven")
                .count()
        };
        assert_eq!(proven(a), 0, "{}: proof needs a verifier", a["id"]);
    }
}

#[test]
fn a_bad_questionnaire_is_reported_with_its_lines_and_the_others_still_scored() {
    let dir = tempfile::tempdir().unwrap();
    let template = opgap::readiness::questionnaire::TEMPLATE;
    let wrong_type = variant(
        dir.path(),
        "wrong-type.toml",
        &template.replace("on_call = true", "on_call = \"yes\""),
    );
    let semantic = variant(
        dir.path(),
        "semantic.toml",
        &template
            .replace("date = 2026-03-02", "date = 2031-03-02")
            .replace("platform = \"proxmox\"", "platform = \"hyperv\""),
    );
    let out = opgap_readiness(&[
        team("tern").to_str().unwrap(),
        wrong_type.to_str().unwrap(),
        semantic.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(2), "partial: exit 2");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stdout.contains("Tern as of 2026-11-15"), "{stdout}");
    let errors: Vec<&str> = stderr
        .lines()
        .filter(|l| l.starts_with("error: "))
        .collect();
    assert!(
        errors
            .iter()
            .any(|e| e.contains("wrong-type.toml:17:11: on_call: invalid type")),
        "{stderr}"
    );
    assert!(
        errors.iter().any(|e| e.contains("semantic.toml:")
            && e.contains("evidence.date: 2031-03-02 is in the future")),
        "{stderr}"
    );
    assert!(
        errors
            .iter()
            .any(|e| e.contains("evidence.platform: unknown platform `hyperv`")),
        "{stderr}"
    );
    assert!(stderr.contains("partial"), "{stderr}");
    assert!(!stderr.contains("panicked"));
}

#[test]
fn the_operating_model_test_of_a_scan_weighs_in() {
    let repo = Repo::new();
    repo.write(
        "maintenance.md",
        "# Host maintenance\n\n\
         1. In vCenter, put the ESXi host into maintenance mode so DRS evacuates it.\n\
         2. vMotion the remaining VMs with `Move-VM -VM app01 -Destination esx02`.\n\
         3. Take a VM snapshot with `New-Snapshot -VM app01 -Name pre-patch`.\n\
         4. Check the vSAN health service in the vSphere Client.\n",
    )
    .commit("runbook");
    let tern = team("tern");
    let scanned = scorecard_json(&tern, &["--scan", repo.path().to_str().unwrap()]);
    let m = &scanned["operating_model"];
    assert_eq!(m["percent"], 100.0);
    assert_eq!(m["risk"], "high");
    assert_eq!(scanned["verdict"], "not_ready");
    assert!(
        scanned["reasons"][0]
            .as_str()
            .unwrap()
            .contains("Operating Model Test 100%"),
        "{:#}",
        scanned["reasons"]
    );

    // A saved report says the same as the scan it came from.
    let report = opgap(shared_cache())
        .arg(repo.path())
        .args(["--format", "json"])
        .output()
        .unwrap();
    let dir = tempfile::tempdir().unwrap();
    let saved = variant(
        dir.path(),
        "report.json",
        &String::from_utf8(report.stdout).unwrap(),
    );
    let from_saved = scorecard_json(&tern, &["--scan", saved.to_str().unwrap()]);
    assert_eq!(from_saved["operating_model"], scanned["operating_model"]);

    // A JSON file that is not a scan report, or lacks a count, is named.
    for (name, text, error) in [
        (
            "junk.json",
            "{\"schema\": \"x\"}",
            "junk.json: schema: expected \"opgap.scan/2\"",
        ),
        (
            "cut.json",
            "{\"schema\": \"opgap.scan/2\", \"operating_model\": {\"steps\": 3}}",
            "cut.json: operating_model.dependent: missing",
        ),
    ] {
        let file = variant(dir.path(), name, text);
        let out = opgap_readiness(&[tern.to_str().unwrap(), "--scan", file.to_str().unwrap()]);
        assert_eq!(out.status.code(), Some(2));
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.contains(error), "{stderr}");
    }
}

#[test]
fn a_team_can_replace_the_scorer_and_a_wrong_component_is_refused() {
    let tern = team("tern");
    let builtin = scorecard_json(&tern, &[]);
    let scorer = scorer_component().to_str().unwrap();
    // Not pinned in an opgap.toml: refused, with the hash to pin.
    let out = opgap_readiness(&[tern.to_str().unwrap(), "--scorer", scorer]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("not pinned in opgap.toml (its sha256 is "),
        "{stderr}"
    );
    let replaced = scorecard_json(&tern, &["--scorer", scorer, "--allow-unpinned"]);
    assert_eq!(replaced["verdict"], builtin["verdict"]);
    assert_eq!(replaced["scorer"]["name"], "scorer");
    assert_ne!(replaced["scorer"]["sha256"], "");

    let out = opgap_readiness(&[
        tern.to_str().unwrap(),
        "--scorer",
        vsphere_component().to_str().unwrap(),
        "--allow-unpinned",
    ]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("does not implement the opgap:plugin scorer world"),
        "{stderr}"
    );
}

#[test]
fn the_html_scorecards_render_in_chromium_without_console_errors() {
    let mosaic = workspace().join("corpus/teams/mosaic");
    let teams = [team("tern"), team("granite"), mosaic.clone()];
    let args: Vec<&str> = teams.iter().map(|t| t.to_str().unwrap()).collect();
    let out = opgap_readiness(&[&args[..], &["--format", "html"]].concat());
    assert_eq!(out.status.code(), Some(0));
    let html = String::from_utf8(out.stdout).unwrap();
    assert!(!html.contains("<script"));
    let dir = tempfile::tempdir().unwrap();
    let page = variant(dir.path(), "scorecard.html", &html);
    let (dom, console) = crate::html::render(&page, None);
    assert!(console.is_empty(), "console messages: {console:#?}");
    // Each team's verdict, as its JSON gives it, heads its card.
    let mut rest = dom.as_str();
    for (n, t) in teams.iter().enumerate() {
        let card = scorecard_json(t, &[]);
        let verdict = match card["verdict"].as_str().unwrap() {
            "ready_with_runway" => "READY WITH RUNWAY",
            "ready" => "READY",
            _ => "NOT READY",
        };
        let heading = format!("<h1>Readiness: {}</h1>", card["team"].as_str().unwrap());
        let at = rest.find(&heading).unwrap_or_else(|| panic!("{heading}"));
        rest = &rest[at..];
        let badge = format!(
            "\">{verdict}</span> &nbsp; readiness index {}/100",
            card["index"]
        );
        assert!(rest.contains(&badge), "{badge}");
        // Every evidence link lands on a row of the evidence table.
        let anchors = dom.matches(&format!("<tr id=\"c{n}-e")).count();
        assert_eq!(anchors, card["evidence"].as_array().unwrap().len());
    }
    assert_eq!(dom.matches("Levels, person × domain").count(), 3);
    assert_eq!(dom.matches("aria-label=\"Domain scores\"").count(), 3);
    assert_eq!(
        dom.matches("aria-label=\"Readiness index over time\"")
            .count(),
        1,
        "mosaic's trend"
    );
    let artifacts = target_dir().join("test-artifacts");
    std::fs::create_dir_all(&artifacts).unwrap();
    crate::html::render(&page, Some(&artifacts.join("opgap-scorecard.png")));
}

#[test]
fn a_pinned_scorer_serves_readiness_and_leaves_scans_alone() {
    use sha2::Digest;
    let repo = Repo::new();
    let scorer = scorer_component();
    let sha = hex::encode(sha2::Sha256::digest(std::fs::read(scorer).unwrap()));
    repo.write(
        "opgap.toml",
        format!(
            "[[plugins]]\npath = \"{}\"\nsha256 = \"{sha}\"\n",
            scorer.display()
        ),
    )
    .write("r.md", "# Move\n\n1. vMotion web01 to esx02.\n")
    .commit("pinned scorer");
    let run = scan_json(shared_cache(), repo.path(), &[]);
    assert_eq!(run.code(), 0, "{}", run.stderr());
    assert!(run.errors().is_empty(), "{:#?}", run.errors());

    succeeds(
        Command::new(env!("CARGO_BIN_EXE_opgap"))
            .current_dir(repo.path())
            .args(["readiness", "--format", "json", "--scorer"])
            .arg(scorer)
            .arg(team("tern"))
            .args(["--cache-dir", shared_cache().to_str().unwrap()]),
    );
}
