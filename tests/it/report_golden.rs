//! The JSON report of a demo journal, frozen: the report is a contract scripts rely on.

use chrono::NaiveDate;
use std::process::Command;

#[test]
fn golden_json_report_of_the_seed_1_demo() {
    let dir = tempfile::tempdir().unwrap();
    let j = dir.path().join("j");
    let bin = env!("CARGO_BIN_EXE_stridelog");
    let demo = Command::new(bin)
        .args([
            "demo",
            j.to_str().unwrap(),
            "--seed",
            "1",
            "--today",
            "2026-06-30",
        ])
        .output()
        .unwrap();
    assert!(demo.status.success());
    // A broken file must be listed under problems while the rest is still reported.
    std::fs::write(
        j.join("days/2026/2026-06-01.ron"),
        "(version: 1, date: \"2026-06-01\", worst_pain: Some(42))",
    )
    .unwrap();
    let out = Command::new(bin)
        .args([
            "report",
            "--format",
            "json",
            "--today",
            "2026-06-30",
            "--data-dir",
            j.to_str().unwrap(),
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let json = String::from_utf8(out.stdout).unwrap();
    let value: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(value["today"], "2026-06-30");
    assert_eq!(value["weeks"].as_array().unwrap().len(), 12);
    assert_eq!(value["problems"][0]["path"], "days/2026/2026-06-01.ron");
    insta::assert_snapshot!("demo_seed_1_2026_06_30_json", json);
}

#[test]
fn bad_weeks_or_today_are_usage_errors() {
    let bin = env!("CARGO_BIN_EXE_stridelog");
    for args in [
        &["report", "--weeks", "0"][..],
        &["report", "--weeks", "many"],
        &["report", "--today", "30/06/2026"],
        &["report", "--format", "pdf"],
    ] {
        let out = Command::new(bin)
            .args(args)
            .env("STRIDELOG_DATA_DIR", "/nonexistent")
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(!out.stderr.is_empty());
    }
}

#[test]
fn the_report_reads_only_what_its_windows_need() {
    let today = NaiveDate::from_ymd_opt(2026, 6, 30).unwrap();
    // 12 weeks + 72 days of look-back stays within 2026; 52 weeks reaches into 2025.
    assert_eq!(stridelog::commands::report::first_year(today, 12), 2026);
    assert_eq!(stridelog::commands::report::first_year(today, 52), 2025);
}
