//! `stridelog insights --format json`: the contract of design section 10 on a small journal
//! whose every number was worked out by hand (key order, values, the window, what is left
//! out), and the command's window and year handling.

use crate::support::date;
use chrono::{Days, NaiveDate};
use serde_json::{Value, json};
use stridelog::insights::{self, Format, Window};
use stridelog::journal::entry::Run;
use stridelog::journal::entry::Surface;
use stridelog::journal::memory::MemoryStore;
use stridelog::journal::store::{Scope, Store};
use stridelog::journal::{DayEntry, Journal, Score};

fn today() -> NaiveDate {
    date("2026-06-30")
}

fn run(km: f64, surface: Surface, pain: Option<u8>) -> Run {
    Run {
        distance_km: km,
        surface: Some(surface),
        pain_during: pain.and_then(Score::new),
        ..Run::default()
    }
}

/// Runs of 6 km every day from 15 May (so every weekly change in the window is flat and no run
/// is a spike). In the window 19-29 June: trail on 20-24 (two 3 km runs on the 21st, a changed
/// gait on the 22nd), road otherwise; morning pain 0, 1, 2, 3, 4 on 20-24 June, then 5, 5, 4,
/// 4, 3, 3 on 25-30 June (none on the 19th). Sitting = 2 × the next morning's pain + 1;
/// stress 3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5 on 19-29 June. A run today and a day after today
/// are left out.
fn journal() -> Journal {
    let mut days = Vec::new();
    let mornings = [0, 1, 2, 3, 4, 5, 5, 4, 4, 3, 3]; // 20 June ..= 30 June
    let stress = [3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5]; // 19 June ..= 29 June
    let mut d = date("2026-05-15");
    while d <= date("2026-07-01") {
        let mut day = DayEntry::new(d);
        let in_window = d >= date("2026-06-19") && d <= date("2026-06-29");
        let trail = d >= date("2026-06-20") && d <= date("2026-06-24");
        let surface = if trail { Surface::Trail } else { Surface::Road };
        if d == date("2026-06-21") {
            day.runs = vec![run(3.0, surface, Some(2)), run(3.0, surface, Some(1))];
        } else if d == date("2026-06-29") {
            day.runs = vec![run(6.0, surface, None)];
        } else {
            day.runs = vec![run(6.0, surface, Some(2))];
        }
        if d == date("2026-06-22") {
            day.runs[0].gait_changed = Some(true);
        }
        let from_20 = (d - date("2026-06-20")).num_days();
        if (0..11).contains(&from_20) {
            day.morning_pain = Score::new(mornings[from_20 as usize]);
        }
        if in_window {
            let i = (d - date("2026-06-19")).num_days() as usize;
            day.stress = Score::new(stress[i]);
            day.sitting_hours = Some(f64::from(2 * mornings[i] + 1));
        }
        days.push(day);
        d = d + Days::new(1);
    }
    let mut store = MemoryStore::with_days(days);
    store.load(Scope::All).unwrap()
}

fn rendered() -> String {
    let window = Window::resolve(Some(date("2026-06-19")), Some(date("2026-06-29")), today());
    let found = insights::analyse(&journal(), window, today());
    insights::render(&found, 0, Format::Json)
}

/// The keys of the objects at `indent` spaces in pretty JSON, in the order written, one list
/// per object.
fn keys_at(text: &str, indent: usize) -> Vec<Vec<String>> {
    let prefix = format!("{}\"", " ".repeat(indent));
    let close = format!("{}}}", " ".repeat(indent - 2));
    let mut objects: Vec<Vec<String>> = Vec::new();
    let mut current: Vec<String> = Vec::new();
    for line in text.lines() {
        if let Some(rest) = line.strip_prefix(&prefix) {
            let key = rest.split('"').next().unwrap().to_owned();
            current.push(key);
        } else if line.starts_with(&close) && !current.is_empty() {
            objects.push(std::mem::take(&mut current));
        }
    }
    if !current.is_empty() {
        objects.push(current);
    }
    objects
}

#[test]
fn keys_are_in_the_documented_order() {
    let text = rendered();
    let top = keys_at(&text, 2);
    assert_eq!(
        top,
        vec![vec![
            "from",
            "to",
            "rules_version",
            "ledger",
            "factors",
            "links",
            "disclaimer"
        ]],
        "{text}"
    );
    let objects = keys_at(&text, 6);
    let ledger = [
        "date",
        "runs",
        "distance_km",
        "max_run_pain",
        "before",
        "after",
        "response",
    ];
    let factor = [
        "factor",
        "value",
        "n",
        "non_green",
        "share",
        "share_without",
        "difference",
        "p",
        "q",
        "clear",
    ];
    let link = ["factor", "n", "rho", "low", "high", "p", "q", "clear"];
    assert_eq!(objects.len(), 11 + 2 + 2, "{text}");
    for keys in &objects[..11] {
        assert_eq!(keys, &ledger);
    }
    for keys in &objects[11..13] {
        assert_eq!(keys, &factor);
    }
    for keys in &objects[13..] {
        assert_eq!(keys, &link);
    }
}

#[test]
fn values_match_the_hand_computation() {
    let value: Value = serde_json::from_str(&rendered()).unwrap();
    let entry = |d: &str, runs: u32, max: Value, before: Value, after: Value, r: &str| {
        json!({"date": d, "runs": runs, "distance_km": 6.0, "max_run_pain": max,
               "before": before, "after": after, "response": r})
    };
    // Fisher: trail 5 of 5 amber or red, road 0 of 5: the only tables as extreme with margins
    // 5/5 and 5/5 are this one and its mirror, 1/252 each. Benjamini-Hochberg over two equal
    // p-values leaves them unchanged. Road and Trail tie on q, so they go by value name.
    let p = 2.0 / 252.0;
    // Spearman: sitting follows the next morning exactly (rho 1: low = high = 1, p = 0);
    // stress ranks [4.5, 1.5, 6, 1.5, 8, 11, 3, 10, 8, 4.5, 8] against the mornings' ranks
    // [1, 2, 3, 5, 8, 10.5, 10.5, 8, 8, 5, 5]: rho 0.512953956105506 (scipy.stats.spearmanr),
    // z = atanh(rho), se = 1.06/√8. Its q over two links (p = 0 and p) is p itself.
    let stress_p = 0.130_477_382_602_257_3;
    let expected = json!({
        "from": "2026-06-19",
        "to": "2026-06-29",
        "rules_version": 2,
        "ledger": [
            entry("2026-06-19", 1, json!(2), Value::Null, json!(0), "unknown"),
            entry("2026-06-20", 1, json!(2), json!(0), json!(1), "amber"),
            entry("2026-06-21", 2, json!(2), json!(1), json!(2), "amber"),
            entry("2026-06-22", 1, json!(2), json!(2), json!(3), "red"),
            entry("2026-06-23", 1, json!(2), json!(3), json!(4), "amber"),
            entry("2026-06-24", 1, json!(2), json!(4), json!(5), "amber"),
            entry("2026-06-25", 1, json!(2), json!(5), json!(5), "green"),
            entry("2026-06-26", 1, json!(2), json!(5), json!(4), "green"),
            entry("2026-06-27", 1, json!(2), json!(4), json!(4), "green"),
            entry("2026-06-28", 1, json!(2), json!(4), json!(3), "green"),
            entry("2026-06-29", 1, Value::Null, json!(3), json!(3), "green"),
        ],
        "factors": [
            {"factor": "surface", "value": "Road", "n": 5, "non_green": 0, "share": 0.0,
             "share_without": 1.0, "difference": -1.0, "p": p, "q": p, "clear": true},
            {"factor": "surface", "value": "Trail", "n": 5, "non_green": 5, "share": 1.0,
             "share_without": 0.0, "difference": 1.0, "p": p, "q": p, "clear": true},
        ],
        "links": [
            {"factor": "sitting_hours", "n": 11, "rho": 1.0, "low": 1.0, "high": 1.0,
             "p": 0.0, "q": 0.0, "clear": true},
        ],
        "disclaimer": stridelog::advice::DISCLAIMER,
    });
    let mut actual = value.clone();
    let stress = actual["links"].as_array_mut().unwrap().pop().unwrap();
    // The stress link and the Fisher p-values are compared to 1e-12; everything else exactly.
    let close = |v: &Value, e: f64| {
        let a = v.as_f64().unwrap();
        assert!(((a - e) / e).abs() < 1e-12, "{a} vs {e}");
    };
    assert_eq!(stress["factor"], "stress");
    assert_eq!(stress["n"], 11);
    assert_eq!(stress["clear"], false);
    close(&stress["rho"], 0.512_953_956_105_506);
    close(&stress["low"], -0.166_254_510_350_205_66);
    close(&stress["high"], 0.862_050_469_490_055);
    close(&stress["p"], stress_p);
    close(&stress["q"], stress_p);
    for key in ["p", "q"] {
        for i in 0..2 {
            close(&actual["factors"][i][key], p);
            actual["factors"][i][key] = json!(p);
        }
    }
    assert_eq!(actual, expected);
}

#[test]
fn numbers_are_not_rounded() {
    let text = rendered();
    // 2/252 written in full, not as 0.008.
    assert!(text.contains("0.0079365079365"), "{text}");
    assert!(text.contains("0.51295395610550"), "{text}");
}

#[test]
fn window_defaults_follow_the_design() {
    let t = today();
    assert_eq!(
        Window::resolve(None, None, t),
        Window {
            from: date("2025-07-01"),
            to: t
        }
    );
    assert_eq!(
        Window::resolve(Some(date("2026-01-10")), None, t),
        Window {
            from: date("2026-01-10"),
            to: t
        }
    );
    assert_eq!(
        Window::resolve(None, Some(date("2025-12-31")), t),
        Window {
            from: date("2025-01-01"),
            to: date("2025-12-31")
        }
    );
    // The years read: from the 30-day look-back to the last next morning.
    let w = Window::resolve(Some(date("2026-01-20")), Some(date("2026-12-31")), t);
    assert_eq!(w.years(t), (2025, 2026));
    let w = Window::resolve(Some(date("2024-03-01")), Some(date("2024-12-31")), t);
    assert_eq!(w.years(t), (2024, 2025));
}

#[test]
fn today_and_later_days_never_enter_the_ledger() {
    let window = Window::resolve(Some(date("2026-06-01")), Some(date("2026-07-31")), today());
    let found = insights::analyse(&journal(), window, today());
    let last = found.ledger.last().unwrap();
    assert_eq!(last.date, date("2026-06-29"));
    // Pairs need the next morning: 19-29 June (30 June is today, so it is never a day D).
    assert_eq!(found.links.len(), 2);
    assert!(found.links.iter().all(|l| l.n == 11), "{:?}", found.links);
}

fn stridelog(args: &[&str]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_stridelog"))
        .args(args)
        .env_remove("STRIDELOG_DATA_DIR")
        .env_remove("STRIDELOG_CONFIG_DIR")
        .output()
        .unwrap()
}

#[test]
fn the_command_prints_the_same_json_and_reads_only_the_years_it_needs() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("j");
    let days: Vec<DayEntry> = journal().days.into_values().collect();
    stridelog::journal::store::FsStore::write_batch(&root, &days).unwrap();
    // A broken file in a year the window does not need is never read.
    std::fs::create_dir_all(root.join("days/2019")).unwrap();
    std::fs::write(root.join("days/2019/2019-03-01.ron"), "(version: 2, date: ").unwrap();
    let r = root.to_str().unwrap();
    let args = [
        "insights",
        "--data-dir",
        r,
        "--today",
        "2026-06-30",
        "--from",
        "2026-06-19",
        "--to",
        "2026-06-29",
    ];
    let out = stridelog(&[&args[..], &["--format", "json"]].concat());
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(String::from_utf8(out.stdout).unwrap(), rendered());
    let out = stridelog(&args);
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(!text.contains("could not be read"), "{text}");
    assert!(text.contains("goes with"), "{text}");
    assert!(!text.to_lowercase().contains("cause"), "{text}");
    assert!(text.contains(stridelog::advice::DISCLAIMER), "{text}");
    // The same broken file inside the years read is counted, and the rest still shown.
    std::fs::write(root.join("days/2026/2026-06-10.ron"), "(version: 2, date: ").unwrap();
    let out = stridelog(&args);
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(out.status.success());
    assert!(text.contains("1 day file(s) could not be read"), "{text}");
}

#[test]
fn from_after_to_is_a_usage_error() {
    let dir = tempfile::tempdir().unwrap();
    let r = dir.path().to_str().unwrap();
    let out = stridelog(&[
        "insights",
        "--data-dir",
        r,
        "--from",
        "2026-06-02",
        "--to",
        "2026-06-01",
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("is after"));
}
