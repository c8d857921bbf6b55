//! The scorecard as one self-contained page (inline CSS and SVG, no
//! script; a Content-Security-Policy forbids any): verdict, a chart per
//! domain, the person × domain heat map, every probe and level with links
//! to the evidence behind it, checks, gaps and actions, and the trend.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::io::{self, Write};

use super::markdown::who;
use super::{LEGEND, check_label, headline, level_label, plan};
use crate::readiness::card::{ProbeStatus, Risk, Scorecard, Verdict};
use crate::report::html::esc;

const CSS: &str = "
body{font:15px/1.45 system-ui,sans-serif;margin:2rem auto;max-width:72rem;padding:0 1rem;color:#1d2433}
h1{font-size:1.6rem;margin-bottom:.2rem}h2{margin-top:2.2rem;border-bottom:1px solid #d8dde6;padding-bottom:.2rem}
.muted{color:#5b6478}.badge{display:inline-block;padding:.2rem .7rem;border-radius:4px;font-weight:700;color:#fff}
.v-ready{background:#2b8a3e}.v-ready_with_runway{background:#e67700}.v-not_ready{background:#c92a2a}
.r-none{color:#2b8a3e;font-weight:600}.r-medium{color:#b35c00;font-weight:600}.r-high{color:#c92a2a;font-weight:700}
table{border-collapse:collapse;width:100%;margin:.5rem 0}th,td{text-align:left;padding:.3rem .5rem;border-bottom:1px solid #eef0f4;vertical-align:top}
td.num,th.num{text-align:right}code{font-size:.9em;background:#f3f5f8;padding:0 .2rem;border-radius:3px}
details{margin:.5rem 0}summary{cursor:pointer;font-weight:600}
.heat td.l{text-align:center;font-weight:600;min-width:3.5rem}
.l0{background:#f8f9fa;color:#adb5bd}.l1{background:#fff3bf}.l2{background:#ffe8a1}.l3{background:#b2f2bb}.l4{background:#69db7c}.l5{background:#2f9e44;color:#fff}
.s-proven{color:#2b8a3e;font-weight:600}.s-drilled{color:#5c940d}.s-discussed{color:#b35c00}.s-weak{color:#c92a2a}.s-missing{color:#c92a2a;font-weight:700}.s-not_applicable{color:#adb5bd}
.yes{color:#2b8a3e;font-weight:700}.no{color:#c92a2a;font-weight:700}
table.ev td{overflow-wrap:anywhere;font-size:.92em}
";

pub fn write(cards: &[Scorecard], out: &mut dyn Write) -> io::Result<()> {
    out.write_all(render(cards).as_bytes())
}

pub fn render(cards: &[Scorecard]) -> String {
    let mut h = String::with_capacity(64 * 1024);
    let title = cards
        .iter()
        .map(|c| esc(&c.team))
        .collect::<Vec<_>>()
        .join(", ");
    let _ = write!(
        h,
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <title>Readiness: {title}</title><style>{CSS}</style></head><body>\n"
    );
    for (i, card) in cards.iter().enumerate() {
        one(&mut h, card, i);
    }
    h.push_str(
        "<p class=\"muted\">For planning a cutover, not for ranking people. Scored by opgap.</p>\n</body></html>\n",
    );
    h
}

fn verdict_class(v: Verdict) -> &'static str {
    match v {
        Verdict::Ready => "v-ready",
        Verdict::ReadyWithRunway => "v-ready_with_runway",
        Verdict::NotReady => "v-not_ready",
    }
}

fn risk_class(r: Risk) -> &'static str {
    match r {
        Risk::None => "r-none",
        Risk::Medium => "r-medium",
        Risk::High => "r-high",
    }
}

fn status_class(s: ProbeStatus) -> &'static str {
    match s {
        ProbeStatus::Proven => "s-proven",
        ProbeStatus::Drilled => "s-drilled",
        ProbeStatus::Discussed => "s-discussed",
        ProbeStatus::Weak => "s-weak",
        ProbeStatus::Missing => "s-missing",
        ProbeStatus::NotApplicable => "s-not_applicable",
    }
}

/// Links to the evidence rows, whose anchors are by position so that any
/// id text is safe.
struct Links {
    anchors: BTreeMap<String, String>,
}

impl Links {
    fn new(card: &Scorecard, n: usize) -> Self {
        Self {
            anchors: card
                .evidence
                .iter()
                .enumerate()
                .map(|(i, e)| (e.id.clone(), format!("c{n}-e{i}")))
                .collect(),
        }
    }

    fn to(&self, ids: &[String]) -> String {
        if ids.is_empty() {
            return "<span class=\"muted\">none</span>".into();
        }
        ids.iter()
            .map(|id| match self.anchors.get(id) {
                Some(a) => format!("<a href=\"#{a}\"><code>{}</code></a>", esc(id)),
                None => format!("<code>{}</code>", esc(id)),
            })
            .collect::<Vec<_>>()
            .join(" ")
    }
}

fn one(h: &mut String, card: &Scorecard, n: usize) {
    let links = Links::new(card, n);
    let _ = write!(
        h,
        "<h1>Readiness: {}</h1><p class=\"muted\">As of {} · <code>{}</code> · {} by {} {}</p>\
         <p><span class=\"badge {}\">{}</span> &nbsp; {}</p><ul>",
        esc(&card.team),
        esc(&card.assessed_on),
        esc(&card.file),
        esc(&card.model),
        esc(&card.scorer.name),
        esc(&card.scorer.version),
        verdict_class(card.verdict),
        card.verdict.label(),
        esc(&headline(card))
    );
    for r in &card.reasons {
        let _ = write!(h, "<li>{}</li>", esc(r));
    }
    let _ = writeln!(h, "</ul><p class=\"muted\">Plan: {}</p>", esc(&plan(card)));

    h.push_str("<h2>Domains</h2>\n");
    h.push_str(&domain_chart(card));
    let ic = &card.incident_command;
    let _ = write!(
        h,
        "<p>Incident command: <span class=\"{}\">{}</span> (commanders: {}; evidence {})</p>",
        risk_class(ic.risk),
        ic.risk.label(),
        esc(&super::commanders(card)),
        links.to(&ic.evidence)
    );
    match &card.operating_model {
        Some(m) => {
            let _ = writeln!(
                h,
                "<p>Operating Model Test: <span class=\"{}\">{} {:.0}%</span>: {}</p>",
                risk_class(m.risk),
                m.risk.label(),
                m.percent,
                esc(&m.reason)
            );
        }
        None => h.push_str("<p class=\"muted\">Operating Model Test: not measured (give <code>--scan</code>).</p>\n"),
    }

    h.push_str("<h2>Levels, person × domain</h2><table class=\"heat\"><tr><th>Person</th>");
    for d in &card.domains {
        let _ = write!(h, "<th>{}</th>", esc(&d.name));
    }
    h.push_str("</tr>\n");
    for p in &card.people {
        let _ = write!(
            h,
            "<tr><td>{}{}</td>",
            esc(&p.name),
            if p.on_call {
                ""
            } else {
                " <span class=\"muted\">(not on call)</span>"
            }
        );
        for d in &card.domains {
            let standing = d.people.iter().find(|x| x.person == p.id && x.points > 0.0);
            let (class, tip) =
                standing.map_or(("l0".to_string(), "no evidence".to_string()), |x| {
                    (
                        format!("l{}", x.level),
                        format!("{:.1} points; {}", x.points, x.next),
                    )
                });
            let _ = write!(
                h,
                "<td class=\"l {class}\" title=\"{}\">{}</td>",
                esc(&tip),
                level_label(d, &p.id)
            );
        }
        h.push_str("</tr>\n");
    }
    h.push_str("</table>\n");

    h.push_str("<h2>Evidence behind each domain</h2>\n");
    for d in &card.domains {
        let _ = write!(
            h,
            "<details><summary>{}{} · <span class=\"{}\">{}</span> · T{} · score {}</summary><p>{}</p>\
             <table><tr><th>Probe</th><th>Situation</th><th>Status</th><th>Evidence</th></tr>",
            esc(&d.name),
            if d.gate { " (gate)" } else { "" },
            risk_class(d.risk),
            d.risk.label(),
            d.team_level,
            d.score,
            esc(&d.reason)
        );
        for p in &d.probes {
            let _ = write!(
                h,
                "<tr><td><code>{}</code>{}</td><td>{}</td><td class=\"{}\">{}</td><td>{}</td></tr>",
                esc(&p.id),
                if p.critical { " <b>critical</b>" } else { "" },
                esc(&p.situation),
                status_class(p.status),
                p.status.label(),
                links.to(&p.evidence)
            );
        }
        h.push_str("</table><table><tr><th>Person</th><th>Level</th><th class=\"num\">Points</th><th>Next</th><th>Points per evidence (before caps)</th></tr>");
        for p in d.people.iter().filter(|p| p.points > 0.0) {
            let earned: Vec<String> = p
                .contributions
                .iter()
                .map(|c| {
                    format!(
                        "{} {:.2}{}",
                        links.to(std::slice::from_ref(&c.evidence)),
                        c.points,
                        if c.capped_in.is_empty() {
                            String::new()
                        } else {
                            format!(" <span class=\"muted\">(cap: {})</span>", esc(&c.capped_in))
                        }
                    )
                })
                .collect();
            let _ = write!(
                h,
                "<tr><td>{}</td><td>L{}</td><td class=\"num\">{:.1}</td><td>{}</td><td>{}</td></tr>",
                esc(card.person_name(&p.person)),
                p.level,
                p.points,
                esc(&p.next),
                earned.join(" · ")
            );
        }
        h.push_str("</table></details>\n");
    }

    h.push_str("<h2>Checks</h2><table>");
    for c in &card.checks {
        let _ = write!(
            h,
            "<tr><td class=\"{}\">{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            if c.holds { "yes" } else { "no" },
            if c.holds { "yes" } else { "no" },
            esc(check_label(&c.id)),
            esc(&c.reason),
            if c.evidence.is_empty() {
                String::new()
            } else {
                links.to(&c.evidence)
            }
        );
    }
    h.push_str("</table>\n");

    if !card.actions.is_empty() {
        h.push_str("<h2>Gaps and actions</h2><ol>");
        for a in &card.actions {
            let who: Vec<String> = a.people.iter().map(|p| esc(card.person_name(p))).collect();
            let _ = write!(
                h,
                "<li>{}{}{}{}</li>",
                a.domain
                    .as_deref()
                    .map(|d| format!("<b>{}</b>: ", esc(d)))
                    .unwrap_or_default(),
                esc(&a.text),
                if a.probes.is_empty() {
                    String::new()
                } else {
                    format!(
                        " <span class=\"muted\">({})</span>",
                        a.probes
                            .iter()
                            .map(|p| format!("<code>{}</code>", esc(p)))
                            .collect::<Vec<_>>()
                            .join(" ")
                    )
                },
                if who.is_empty() {
                    String::new()
                } else {
                    format!(" <span class=\"muted\">who: {}</span>", who.join(", "))
                }
            );
        }
        h.push_str("</ol>\n");
    }

    if card.trend.len() > 1 {
        h.push_str("<h2>Trend</h2>\n");
        h.push_str(&trend_chart(card));
        h.push_str("<table><tr><th>As of</th><th>Verdict</th><th class=\"num\">Index</th><th class=\"num\">Runway</th><th>HIGH</th></tr>");
        for t in &card.trend {
            let _ = write!(
                h,
                "<tr><td>{}</td><td><span class=\"badge {}\">{}</span></td><td class=\"num\">{}</td><td class=\"num\">{} weeks</td><td>{}</td></tr>",
                esc(&t.assessed_on),
                verdict_class(t.verdict),
                t.verdict.label(),
                t.index,
                t.runway_weeks,
                esc(&t.high_risks())
            );
        }
        h.push_str("</table>\n");
    }
    for note in &card.notes {
        let _ = write!(h, "<p class=\"muted\">Note: {}</p>", esc(note));
    }

    h.push_str("<h2>Evidence</h2><table class=\"ev\"><tr><th>Id</th><th>Kind</th><th>Date</th><th>Platform</th><th>Layer</th><th>Who</th><th>Verifier</th><th>Artifacts</th><th>Summary</th></tr>");
    for (i, e) in card.evidence.iter().enumerate() {
        let artifacts: Vec<String> = e.artifacts.iter().map(|a| artifact_link(a)).collect();
        let _ = write!(
            h,
            "<tr id=\"c{n}-e{i}\"><td><code>{}</code> <span class=\"muted\">line {}</span></td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            esc(&e.id),
            e.line,
            e.kind.label(),
            esc(&e.date),
            esc(&e.platform),
            e.layer.map_or("", |l| l.label()),
            esc(&who(card, e)),
            e.verifier
                .as_deref()
                .map_or("<span class=\"muted\">none</span>".to_string(), |v| esc(
                    card.person_name(v)
                )),
            if artifacts.is_empty() {
                "<span class=\"muted\">none</span>".to_string()
            } else {
                artifacts.join("<br>")
            },
            esc(e.summary.as_deref().unwrap_or(""))
        );
    }
    let _ = writeln!(h, "</table><p class=\"muted\">{}</p>", esc(LEGEND));
}

/// A link for web addresses; any other scheme is shown, not linked.
fn artifact_link(url: &str) -> String {
    if url.starts_with("https://") || url.starts_with("http://") {
        format!("<a href=\"{0}\" rel=\"noreferrer\">{0}</a>", esc(url))
    } else {
        format!("<code>{}</code>", esc(url))
    }
}

/// Horizontal bars: each domain's score, coloured by its risk.
fn domain_chart(card: &Scorecard) -> String {
    let row = 26;
    let height = row * card.domains.len() + 10;
    let mut s = format!(
        "<svg role=\"img\" aria-label=\"Domain scores\" width=\"100%\" viewBox=\"0 0 760 {height}\" xmlns=\"http://www.w3.org/2000/svg\" font-size=\"13\" font-family=\"system-ui,sans-serif\">"
    );
    for (i, d) in card.domains.iter().enumerate() {
        let y = i * row + 5;
        let fill = match d.risk {
            Risk::None => "#40c057",
            Risk::Medium => "#fab005",
            Risk::High => "#fa5252",
        };
        let width = 4 * u32::from(d.score);
        let _ = write!(
            s,
            "<text x=\"0\" y=\"{}\">{}{}</text><rect x=\"230\" y=\"{y}\" width=\"400\" height=\"18\" fill=\"#f1f3f5\"/>\
             <rect x=\"230\" y=\"{y}\" width=\"{width}\" height=\"18\" fill=\"{fill}\"/>\
             <text x=\"640\" y=\"{}\">{} · T{} · {}</text>",
            y + 14,
            esc(&d.name),
            if d.gate { " (gate)" } else { "" },
            y + 14,
            d.score,
            d.team_level,
            d.risk.label()
        );
    }
    s.push_str("</svg>\n");
    s
}

/// The readiness index over the dated questionnaires.
fn trend_chart(card: &Scorecard) -> String {
    let (w, h, pad) = (600.0, 160.0, 30.0);
    let n = card.trend.len();
    let x = |i: usize| pad + (w - 2.0 * pad) * i as f64 / (n.max(2) - 1) as f64;
    let y = |index: u8| h - pad - (h - 2.0 * pad) * f64::from(index) / 100.0;
    let points: Vec<String> = card
        .trend
        .iter()
        .enumerate()
        .map(|(i, t)| format!("{:.1},{:.1}", x(i), y(t.index)))
        .collect();
    let mut s = format!(
        "<svg role=\"img\" aria-label=\"Readiness index over time\" width=\"{w}\" height=\"{h}\" xmlns=\"http://www.w3.org/2000/svg\" font-size=\"12\" font-family=\"system-ui,sans-serif\">\
         <line x1=\"{pad}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"#ced4da\"/>\
         <polyline fill=\"none\" stroke=\"#1c7ed6\" stroke-width=\"2\" points=\"{}\"/>",
        h - pad,
        w - pad,
        h - pad,
        points.join(" ")
    );
    for (i, t) in card.trend.iter().enumerate() {
        let color = match t.verdict {
            Verdict::Ready => "#2b8a3e",
            Verdict::ReadyWithRunway => "#e67700",
            Verdict::NotReady => "#c92a2a",
        };
        let _ = write!(
            s,
            "<circle cx=\"{:.1}\" cy=\"{:.1}\" r=\"5\" fill=\"{color}\"/><text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"middle\">{}</text>\
             <text x=\"{:.1}\" y=\"{}\" text-anchor=\"middle\">{}</text>",
            x(i),
            y(t.index),
            x(i),
            y(t.index) - 9.0,
            t.index,
            x(i),
            h - pad + 16.0,
            esc(&t.assessed_on)
        );
    }
    s.push_str("</svg>\n");
    s
}
