//! `--format html` rendered by headless Chromium (Debian's `chromium`,
//! installed by `.ci/run`): no console messages (the page has no script,
//! and its Content-Security-Policy turns any external asset into one), and
//! the key numbers of the report appear in the rendered page.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::support::*;

pub fn chromium() -> PathBuf {
    for name in ["chromium", "chromium-browser", "google-chrome"] {
        if let Ok(out) = Command::new("which").arg(name).output()
            && out.status.success()
        {
            return PathBuf::from(String::from_utf8_lossy(&out.stdout).trim());
        }
    }
    panic!("the HTML test needs headless Chromium: apt-get install chromium (.ci/run does)");
}

/// Run Chromium headless on `page`: the rendered DOM and the console
/// messages it logged.
pub fn render(page: &Path, screenshot: Option<&Path>) -> (String, Vec<String>) {
    let mut cmd = Command::new(chromium());
    cmd.args([
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--no-first-run",
        "--enable-logging=stderr",
        "--v=0",
        "--window-size=1280,2400",
    ]);
    let user_data = tempfile::tempdir().unwrap();
    cmd.arg(format!("--user-data-dir={}", user_data.path().display()));
    match screenshot {
        Some(png) => cmd.arg(format!("--screenshot={}", png.display())),
        None => cmd.arg("--dump-dom"),
    };
    let out = cmd
        .arg(format!("file://{}", page.display()))
        .output()
        .unwrap();
    let console = String::from_utf8_lossy(&out.stderr)
        .lines()
        .filter(|l| l.contains(":CONSOLE"))
        .map(str::to_string)
        .collect();
    (String::from_utf8_lossy(&out.stdout).into_owned(), console)
}

#[test]
fn the_html_report_renders_in_chromium_without_console_errors_and_shows_the_numbers() {
    let estate = workspace().join("corpus/acme-runbooks");
    let out = opgap(shared_cache())
        .arg(&estate)
        .args(["--format", "html", "--stack", "proxmox"])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let html = String::from_utf8(out.stdout).unwrap();
    assert!(!html.contains("<script"), "no script is needed to read it");
    for attribute in ["src=\"", "href=\""] {
        assert!(
            !html.contains(attribute),
            "no external assets or links to load"
        );
    }
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("report.html");
    std::fs::write(&page, &html).unwrap();

    let (dom, console) = render(&page, None);
    assert!(console.is_empty(), "console messages: {console:#?}");
    let json = scan_json(shared_cache(), &estate, &["--stack", "proxmox"]).json;
    let m = &json["operating_model"];
    let percent = format!("{:.0}%", m["share"].as_f64().unwrap() * 100.0);
    let text = dom.replace('\n', " ");
    assert!(
        text.contains(&format!(
            "<strong>{percent}</strong> of these runbook steps would go with it (<span id=\"omt-dependent\">{}</span> of <span id=\"omt-steps\">{}</span>)",
            m["dependent"], m["steps"]
        )),
        "{dom}"
    );
    for s in m["surfaces"].as_array().unwrap() {
        let label = format!(
            "{} (day {})",
            s["name"].as_str().unwrap(),
            s["days"].as_str().unwrap()
        );
        assert!(text.contains(&label), "{label}");
        assert!(text.contains(&format!("· {} steps", s["steps"])), "{s}");
    }
    let effort = json["rebuild"]["effort"].as_u64().unwrap();
    assert!(
        text.contains(&format!("Rebuild total: <strong>{effort}</strong>")),
        "{dom}"
    );
    for stack in ["libvirt", "proxmox", "ovirt", "openstack"] {
        assert!(
            text.contains(&format!("<td>{stack}</td>")),
            "{stack} missing from the comparison"
        );
    }

    // The check is not a no-op: an external image is a console message.
    let bad = dir.path().join("bad.html");
    std::fs::write(
        &bad,
        html.replace("</body>", "<img src=\"https://example.com/x.png\"></body>"),
    )
    .unwrap();
    let (_, console) = render(&bad, None);
    assert!(
        !console.is_empty(),
        "an external asset must show in the console"
    );

    // Keep a screenshot as a test artifact.
    let artifacts = target_dir().join("test-artifacts");
    std::fs::create_dir_all(&artifacts).unwrap();
    let png = artifacts.join("opgap-report.png");
    let _ = std::fs::remove_file(&png);
    render(&page, Some(&png));
    assert!(
        std::fs::metadata(&png)
            .map(|m| m.len() > 10_000)
            .unwrap_or(false),
        "screenshot at {}",
        png.display()
    );
}
