//! `stridelog log` (quick add) and `stridelog status`, run as a user would from a shell.

use crate::support::{self, text};
use std::fs;
use std::path::Path;
use std::process::Output;
use stridelog::journal::entry::{self, DayEntry, Location, Score, Surface};
use stridelog::journal::store::FsStore;

fn stridelog(root: &Path, args: &[&str]) -> Output {
    support::bin::run(root, "2026-03-10", None, args)
}

fn path(root: &Path, d: &str) -> std::path::PathBuf {
    root.join(format!("journal/days/2026/{d}.ron"))
}

fn day(root: &Path, d: &str) -> DayEntry {
    entry::parse_day(
        &fs::read_to_string(path(root, d)).unwrap(),
        Some(d.parse().unwrap()),
    )
    .unwrap()
}

#[test]
fn bad_values_are_refused_naming_the_flag_and_nothing_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let cases: [(&[&str], &str); 8] = [
        (&["--morning", "11"], "--morning"),
        (&["--worst", "abc"], "--worst"),
        (&["--run", "5km,75:99"], "--run"),
        (&["--run", "-3km"], "--run"),
        (&["--run", "abc"], "--run"),
        (&["--run", "5km", "--run-pain", "2/11/3"], "--run-pain"),
        (&["--sleep", "25"], "--sleep"),
        (&["--date", "2026-02-30", "--worst", "3"], "--date"),
    ];
    for (args, flag) in cases {
        let mut all = vec!["log"];
        all.extend_from_slice(args);
        let out = stridelog(dir.path(), &all);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let err = text(&out.stderr);
        assert!(err.contains(flag), "{args:?}: {err}");
    }
    let out = stridelog(dir.path(), &["log", "--run-pain", "2/3/3"]);
    assert_eq!(out.status.code(), Some(2), "run pain needs a run");
    let out = stridelog(dir.path(), &["log"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("nothing to log"));
    assert!(!dir.path().join("journal/days").exists());
}

#[test]
fn a_new_day_gets_every_field_given() {
    let dir = tempfile::tempdir().unwrap();
    let out = stridelog(
        dir.path(),
        &[
            "log",
            "--morning",
            "2",
            "--worst",
            "4",
            "--run",
            "5.2km,31:40",
            "--run-pain",
            "2/3/-",
            "--gait-changed",
            "--surface",
            "trail",
            "--shoes",
            "Pegasus 40",
            "--note",
            "Calf tingling after 4 km.",
            "--medication",
            "no",
            "--sleep",
            "7.5",
            "--location",
            "calf,buttock",
        ],
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    let said = text(&out.stdout);
    assert!(said.contains("saved 2026-03-10 (new day"), "{said}");
    assert!(
        said.contains("run added: 5.20 km in 31:40, pain 2/3/-, gait changed"),
        "{said}"
    );
    let d = day(dir.path(), "2026-03-10");
    assert_eq!(
        (d.morning_pain, d.worst_pain),
        (Score::new(2), Score::new(4))
    );
    let run = &d.runs[0];
    assert!((run.distance_km - 5.2).abs() < 1e-12);
    assert_eq!(run.duration_s, Some(1900));
    assert_eq!(
        (run.pain_before, run.pain_during, run.pain_after),
        (Score::new(2), Score::new(3), None)
    );
    assert_eq!(run.gait_changed, Some(true));
    assert_eq!(run.surface, Some(Surface::Trail));
    assert_eq!(run.shoes.as_deref(), Some("Pegasus 40"));
    assert_eq!(d.notes, "Calf tingling after 4 km.");
    assert_eq!(d.sleep_hours, Some(7.5));
    assert_eq!(d.locations, [Location::Calf, Location::Buttock]);
}

#[test]
fn merging_keeps_the_other_fields_adds_the_run_and_appends_the_note() {
    let dir = tempfile::tempdir().unwrap();
    let mut existing = entry::parse_day(
        include_str!("../fixtures/design-example.ron"),
        Some("2026-11-22".parse().unwrap()),
    )
    .unwrap();
    existing.date = "2026-03-09".parse().unwrap();
    let file = path(dir.path(), "2026-03-09");
    fs::create_dir_all(file.parent().unwrap()).unwrap();
    fs::write(&file, entry::format_day(&existing)).unwrap();

    let out = stridelog(
        dir.path(),
        &[
            "log",
            "--date",
            "yesterday",
            "--worst",
            "6",
            "--run",
            "3.1mi",
            "--note",
            "Second run, easy.",
        ],
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(
        text(&out.stdout).contains("(merged"),
        "{}",
        text(&out.stdout)
    );
    let after = day(dir.path(), "2026-03-09");
    assert_eq!(after.runs.len(), 2);
    assert_eq!(after.runs[0], existing.runs[0]);
    assert!((after.runs[1].distance_km - 3.1 * 1.609_344).abs() < 1e-9);
    assert_eq!(after.worst_pain, Score::new(6));
    assert_eq!(after.notes, "Calf tingling after 4 km.\nSecond run, easy.");
    let mut expected = existing.clone();
    assert_eq!(after.version, 2, "saving upgrades a version-1 day");
    expected.version = 2;
    expected.worst_pain = Score::new(6);
    expected.notes.clone_from(&after.notes);
    expected.runs.push(after.runs[1].clone());
    assert_eq!(after, expected, "nothing else changed");
}

#[test]
fn a_bare_distance_is_in_the_settings_unit() {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir_all(dir.path().join("config")).unwrap();
    fs::write(dir.path().join("config/settings.ron"), "(units: Miles)").unwrap();
    let out = stridelog(dir.path(), &["log", "--run", "2,20:00"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(text(&out.stdout).contains("2.00 mi in 20:00"));
    let run = &day(dir.path(), "2026-03-10").runs[0];
    assert!((run.distance_km - 3.218_688).abs() < 1e-9);
}

#[test]
fn a_broken_day_file_is_refused_and_left_as_it_is() {
    let dir = tempfile::tempdir().unwrap();
    let file = path(dir.path(), "2026-03-10");
    fs::create_dir_all(file.parent().unwrap()).unwrap();
    let broken = "(version: 1, date: \"2026-03-10\",\n worst_pain: Some(11))";
    fs::write(&file, broken).unwrap();
    let out = stridelog(dir.path(), &["log", "--morning", "3"]);
    assert_eq!(out.status.code(), Some(1));
    let err = text(&out.stderr);
    assert!(
        err.contains("not saved") && err.contains("2026-03-10.ron cannot be read"),
        "{err}"
    );
    assert_eq!(fs::read_to_string(&file).unwrap(), broken);
}

#[test]
fn a_running_app_holding_the_journal_is_respected() {
    let dir = tempfile::tempdir().unwrap();
    let _app = FsStore::open(&dir.path().join("journal")).unwrap();
    let out = stridelog(dir.path(), &["log", "--worst", "3"]);
    assert_eq!(out.status.code(), Some(1));
    let err = text(&out.stderr);
    assert!(
        err.contains("another stridelog has this journal open"),
        "{err}"
    );
    assert!(!path(dir.path(), "2026-03-10").exists());
}

#[test]
fn status_says_whether_today_is_logged_and_the_verdict() {
    let dir = tempfile::tempdir().unwrap();
    let status = |root: &Path| text(&stridelog(root, &["status"]).stdout);
    std::fs::create_dir_all(dir.path().join("journal")).unwrap();
    // A new journal is asked for the red-flag questions first.
    assert_eq!(status(dir.path()), "today not logged · Run with care\n");
    for date in ["2026-03-08", "2026-03-09"] {
        let out = stridelog(dir.path(), &["log", "--date", date, "--worst", "2"]);
        assert!(out.status.success());
    }
    stridelog(dir.path(), &["log", "--worst", "1", "--run", "5km,30:00"]);
    // Three calm days but no red-flag check: never "OK to run".
    assert_eq!(status(dir.path()), "today logged · Run with care\n");
    let long = text(&stridelog(dir.path(), &["status", "--long"]).stdout);
    assert!(long.contains("no-recent-check"), "{long}");
    assert!(long.contains(stridelog::advice::DISCLAIMER), "{long}");
    // A red-flag check that found nothing, a week ago: now OK to run.
    let checked = path(dir.path(), "2026-03-03");
    std::fs::create_dir_all(checked.parent().unwrap()).unwrap();
    std::fs::write(
        &checked,
        "(version: 2, date: \"2026-03-03\", triage: Some((red_flags: [])))",
    )
    .unwrap();
    assert_eq!(status(dir.path()), "today logged · OK to run\n");
    // A run that hurt: rest.
    stridelog(dir.path(), &["log", "--run", "3km", "--run-pain", "3/6/7"]);
    assert_eq!(status(dir.path()), "today logged · Rest from running\n");
    // A day file under another name is not read: the long form says so, the line stays one.
    let misnamed = checked.with_file_name("2026-3-7.ron");
    std::fs::write(&misnamed, "(version: 2, date: \"2026-03-07\")").unwrap();
    assert_eq!(status(dir.path()), "today logged · Rest from running\n");
    let long = text(&stridelog(dir.path(), &["status", "--long"]).stdout);
    assert!(
        long.contains("Not read: 1 .ron file not named YYYY-MM-DD.ron"),
        "{long}"
    );
}

use crate::support::values_table::{Expect, Kind, TABLE, same};

/// The shell and the core read every typed value of the shared table the same way.
#[test]
fn the_shared_value_table_holds_for_the_core_and_stridelog_log() {
    use stridelog::journal::settings::Units;
    use stridelog::values;
    for (i, (kind, typed, expect)) in TABLE.iter().enumerate() {
        // The core.
        let core: Result<f64, String> = match kind {
            Kind::Score => values::parse_score(typed).map(|s| f64::from(s.unwrap().get())),
            Kind::Hours => values::parse_hours(typed).map(Option::unwrap),
            Kind::Distance => values::parse_distance(typed, Units::Km),
            Kind::Duration => values::parse_duration(typed).map(|s| f64::from(s.unwrap())),
        };
        match (expect, &core) {
            (Expect::Stored(want), Ok(got)) => assert!(same(*got, *want), "{typed}: {got}"),
            (Expect::Refused, Err(_)) => {}
            _ => panic!("core: {kind:?} {typed:?} gave {core:?}, expected {expect:?}"),
        }
        // The shell, each row on a day of its own.
        let dir = tempfile::tempdir().unwrap();
        let date = format!("2026-03-{:02}", 1 + i % 9);
        let run_arg = format!("{typed},30:00");
        let time_arg = format!("5km,{typed}");
        let args: Vec<&str> = match kind {
            Kind::Score => vec!["--worst", typed],
            Kind::Hours => vec!["--sleep", typed],
            Kind::Distance => vec!["--run", &run_arg],
            Kind::Duration => vec!["--run", &time_arg],
        };
        let mut all = vec!["log", "--date", &date];
        all.extend(args);
        let out = stridelog(dir.path(), &all);
        match expect {
            Expect::Stored(want) => {
                assert!(out.status.success(), "log {typed:?}: {}", text(&out.stderr));
                let d = day(dir.path(), &date);
                let got = match kind {
                    Kind::Score => f64::from(d.worst_pain.unwrap().get()),
                    Kind::Hours => d.sleep_hours.unwrap(),
                    Kind::Distance => d.runs[0].distance_km,
                    Kind::Duration => f64::from(d.runs[0].duration_s.unwrap()),
                };
                assert!(same(got, *want), "log {kind:?} {typed:?}: stored {got}");
            }
            Expect::Refused => {
                assert_eq!(
                    out.status.code(),
                    Some(2),
                    "log {kind:?} {typed:?} was accepted"
                );
                assert!(!path(dir.path(), &date).exists());
            }
        }
    }
}
