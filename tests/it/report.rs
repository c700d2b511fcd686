//! `report::render`: the JSON shape of design section 5 (key order, nulls, rounding, problems)
//! and what the text and Markdown renderings must show.

use crate::support::date;
use serde_json::{Value, json};
use stridelog::journal::entry::{PainType, Run, Slump, Triage};
use stridelog::journal::{DayEntry, Journal, Problem, Score};
use stridelog::report::{DISCLAIMER, Format, render};

fn day(s: &str, f: impl FnOnce(&mut DayEntry)) -> DayEntry {
    let mut d = DayEntry::new(date(s));
    f(&mut d);
    d
}

fn run(km: f64) -> Run {
    Run {
        distance_km: km,
        ..Run::default()
    }
}

const PROBLEM_PATH: &str = "days/2026/2026-11-03.ron";
const PROBLEM_ERROR: &str = "3:18: worst_pain: must be a whole number from 0 to 10, found 11";

/// Today is Sunday 2026-11-22. A 7.5 km run after a longest of 6.0 km (long-run-spike, and
/// weekly-over-10 at ×1.25), worst pain 4 (pain-moderate), a triage, and one unreadable file.
fn sample() -> Journal {
    let mut j = Journal::default();
    for d in [
        day("2026-11-10", |d| d.runs = vec![run(6.0)]),
        day("2026-11-20", |d| {
            d.worst_pain = Score::new(4);
            d.morning_pain = Score::new(2);
            d.runs = vec![Run {
                pain_during: Score::new(3),
                pain_after: Score::new(4),
                ..run(7.5)
            }];
        }),
        day("2026-11-21", |d| {
            d.worst_pain = Score::new(3);
            d.triage = Some(Triage {
                red_flags: vec![],
                slump: Some(Slump::Positive),
                classification: vec![PainType::Radicular],
            });
        }),
    ] {
        j.days.insert(d.date, d);
    }
    j.problems.push(Problem {
        path: PROBLEM_PATH.into(),
        date: Some(date("2026-11-03")),
        error: PROBLEM_ERROR.into(),
        kind: stridelog::journal::ProblemKind::Unreadable,
    });
    j
}

const TODAY: &str = "2026-11-22";

/// Every object key of pretty-printed JSON, in the order written.
fn keys_in_order(text: &str) -> Vec<String> {
    text.lines()
        .filter_map(|line| {
            let rest = line.trim_start().strip_prefix('"')?;
            let (key, after) = rest.split_once('"')?;
            after.starts_with(':').then(|| key.to_owned())
        })
        .collect()
}

#[test]
fn json_keys_are_in_the_documented_order() {
    let text = render(&sample(), date(TODAY), 2, Format::Json);
    let rule = ["id", "level", "message", "evidence", "source", "sources"];
    let week = [
        "start",
        "end",
        "days_logged",
        "runs",
        "distance_km",
        "mean_worst_pain",
        "mean_morning_pain",
        "max_run_pain",
        "routines",
    ];
    let mut expected = vec!["today", "rules_version", "verdict", "verdict_text", "rules"];
    for _ in 0..3 {
        expected.extend(rule);
    }
    expected.push("weeks");
    for _ in 0..2 {
        expected.extend(week);
    }
    expected.extend(["problems", "path", "error", "disclaimer"]);
    assert_eq!(keys_in_order(&text), expected, "{text}");
}

#[test]
fn json_content_matches_the_journal() {
    let text = render(&sample(), date(TODAY), 2, Format::Json);
    let value: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(value["today"], "2026-11-22");
    assert_eq!(value["verdict"], "caution");
    let rules = value["rules"].as_array().unwrap();
    let summary: Vec<(&str, &str)> = rules
        .iter()
        .map(|r| (r["id"].as_str().unwrap(), r["level"].as_str().unwrap()))
        .collect();
    assert_eq!(
        summary,
        [
            ("pain-moderate", "caution"),
            ("long-run-spike", "caution"),
            ("weekly-over-10", "info"),
        ]
    );
    assert_eq!(
        rules[1]["evidence"],
        "2026-11-20: 7.5 km vs longest 6.0 km in the 30 days before (×1.25)"
    );
    assert!(
        rules[1]["source"]
            .as_str()
            .unwrap()
            .starts_with("Frandsen 2025"),
        "{}",
        rules[1]["source"]
    );
    for rule in rules {
        assert!(!rule["message"].as_str().unwrap().is_empty());
    }
    assert_eq!(
        value["weeks"],
        json!([
            {"start": "2026-11-09", "end": "2026-11-15", "days_logged": 1, "runs": 1,
             "distance_km": 6.0, "mean_worst_pain": null, "mean_morning_pain": null,
             "max_run_pain": null, "routines": 0},
            {"start": "2026-11-16", "end": "2026-11-22", "days_logged": 2, "runs": 1,
             "distance_km": 7.5, "mean_worst_pain": 3.5, "mean_morning_pain": 2.0,
             "max_run_pain": 4, "routines": 0},
        ])
    );
    assert_eq!(
        value["problems"],
        json!([{"path": PROBLEM_PATH, "error": PROBLEM_ERROR}])
    );
}

#[test]
fn json_rounds_means_to_one_decimal_and_distances_to_two() {
    let mut j = Journal::default();
    for (s, worst, km) in [
        ("2026-11-20", 1, 1.111),
        ("2026-11-21", 1, 2.222),
        ("2026-11-22", 2, 0.0),
    ] {
        let d = day(s, |d| {
            d.worst_pain = Score::new(worst);
            if km > 0.0 {
                d.runs = vec![run(km)];
            }
        });
        j.days.insert(d.date, d);
    }
    let value: Value = serde_json::from_str(&render(&j, date(TODAY), 1, Format::Json)).unwrap();
    let week = &value["weeks"][0];
    assert_eq!(week["mean_worst_pain"], json!(1.3));
    assert_eq!(week["distance_km"], json!(3.33));
    assert_eq!(week["mean_morning_pain"], Value::Null);
}

#[test]
fn json_of_an_empty_journal_is_unknown_with_nulls() {
    let text = render(&Journal::default(), date(TODAY), 1, Format::Json);
    let value: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(
        value,
        json!({
            "today": "2026-11-22",
            "rules_version": 2,
            "verdict": "caution",
            "verdict_text": "Run with care",
            "rules": [{
                "id": "no-recent-check",
                "level": "caution",
                "message": "Answer the red-flag questions in Triage: a check every six weeks \
                            makes sure nothing serious is missed before the app says it is OK \
                            to run.",
                "evidence": "no triage saved yet",
                "source": "stridelog (a red-flag check every six weeks is our choice; NICE CKS \
                           lists the flags)",
                "sources": ["stridelog"],
            }],
            "weeks": [{"start": "2026-11-16", "end": "2026-11-22", "days_logged": 0, "runs": 0,
                       "distance_km": 0.0, "mean_worst_pain": null, "mean_morning_pain": null,
                       "max_run_pain": null, "routines": 0}],
            "problems": [],
            "disclaimer": stridelog::advice::DISCLAIMER,
        })
    );
    let weeks: Value =
        serde_json::from_str(&render(&Journal::default(), date(TODAY), 12, Format::Json)).unwrap();
    assert_eq!(weeks["weeks"].as_array().unwrap().len(), 12);
}

#[test]
fn text_shows_verdict_reasons_weeks_problems_and_disclaimer() {
    let text = render(&sample(), date(TODAY), 2, Format::Text);
    for needle in [
        "Verdict: Run with care (caution)",
        "long-run-spike",
        "Evidence: 2026-11-20: 7.5 km vs longest 6.0 km",
        "Source: Frandsen 2025",
        "2026-11-16",
        PROBLEM_PATH,
        PROBLEM_ERROR,
        DISCLAIMER,
    ] {
        assert!(text.contains(needle), "missing {needle:?} in\n{text}");
    }
    // Most serious first: the caution rules come before the info one.
    assert!(text.find("pain-moderate").unwrap() < text.find("weekly-over-10").unwrap());
}

#[test]
fn markdown_is_ready_for_a_physiotherapist() {
    let text = render(&sample(), date(TODAY), 2, Format::Markdown);
    for needle in [
        "Period: 2026-11-09 to 2026-11-22",
        "## Verdict: Run with care (caution)",
        "### long-run-spike (caution)",
        "- Evidence: 2026-11-20: 7.5 km vs longest 6.0 km",
        "| 2026-11-16 | 2 | 1 | 7.5 | 3.5 | 2.0 | 4 | 0 |",
        "| 2026-11-09 | 1 | 1 | 6.0 | - | - | - | 0 |",
        "## Triage history",
        "| 2026-11-21 | none | positive | radicular |",
        PROBLEM_PATH.split('/').next_back().unwrap(),
        DISCLAIMER,
    ] {
        assert!(text.contains(needle), "missing {needle:?} in\n{text}");
    }
}

#[test]
fn markdown_without_triage_says_so() {
    let text = render(&Journal::default(), date(TODAY), 1, Format::Markdown);
    assert!(
        text.contains("No triage recorded in this period."),
        "{text}"
    );
    assert!(
        text.contains("## Verdict: Run with care (caution)"),
        "{text}"
    );
    assert!(text.contains("### no-recent-check (caution)"), "{text}");
}

#[test]
fn no_report_format_names_a_seed_article() {
    let mut journal = sample();
    // The latest triage (today) reports an emergency and a doctor-tier sign.
    let today = journal
        .days
        .entry(date(TODAY))
        .or_insert_with(|| DayEntry::new(date(TODAY)));
    today.triage = Some(Triage {
        red_flags: vec![
            stridelog::journal::entry::RedFlag::SaddleNumbness,
            stridelog::journal::entry::RedFlag::NightPain,
        ],
        ..Default::default()
    });
    for format in [Format::Text, Format::Markdown, Format::Json] {
        let text = render(&journal, date(TODAY), 4, format);
        assert!(
            !text.to_lowercase().contains("seed 0"),
            "{format:?}\n{text}"
        );
        assert!(
            text.contains(stridelog::advice::URGENT_ACTION),
            "{format:?}"
        );
        assert!(text.contains(stridelog::advice::DISCLAIMER), "{format:?}");
    }
    let markdown = render(&journal, date(TODAY), 4, Format::Markdown);
    assert!(markdown.contains("## Sources"), "{markdown}");
    assert!(
        markdown.contains("Barraclough K. \"Cauda equina syndrome\". BMJ 2021;372:n32"),
        "{markdown}"
    );
}
