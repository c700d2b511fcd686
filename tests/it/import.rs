//! `stridelog import`: the parsers on our own fixtures (with each app's quirks), then the real
//! binary: runs land on the right days, re-importing adds nothing, a dry run writes nothing,
//! pain data is never touched, bad rows and unreadable days are reported and skipped.

use crate::support::{self, date};
use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Output;
use stridelog::import::{self, Start, UnitHint};
use stridelog::journal::entry::{self, DayEntry, Run, Score, Surface};
use stridelog::journal::settings::{KM_PER_MILE, Units};
use stridelog::journal::store::{FsStore, Scope, Store};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/import")
        .join(name)
}

fn read_fixture(name: &str) -> String {
    fs::read_to_string(fixture(name)).unwrap()
}

/// Runs the binary with its own data and config dirs, in time zone `tz`.
fn stridelog_in(tz: &str, root: &Path, args: &[&str]) -> Output {
    support::bin::run(root, "2026-11-30", Some(tz), args)
}

fn stridelog(root: &Path, args: &[&str]) -> Output {
    stridelog_in("UTC", root, args)
}

fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn day(root: &Path, d: &str) -> DayEntry {
    let path = root.join(format!("journal/days/{}/{d}.ron", &d[..4]));
    entry::parse_day(&fs::read_to_string(path).unwrap(), Some(date(d))).unwrap()
}

/// Every file under `dir` (hidden ones too) with its bytes.
fn snapshot(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    let mut files = BTreeMap::new();
    if !dir.exists() {
        return files;
    }
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in fs::read_dir(&d).unwrap() {
            let path = e.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else {
                files.insert(path.clone(), fs::read(&path).unwrap());
            }
        }
    }
    files
}

fn strava(root: &Path, extra: &[&str]) -> Output {
    let file = fixture("strava-activities.csv");
    let mut args = vec!["import", "strava", file.to_str().unwrap()];
    args.extend_from_slice(extra);
    stridelog(root, &args)
}

// ---- parsers, on the fixtures ----

#[test]
fn strava_fixture_repeated_headers_units_types_and_a_bad_row() {
    let parsed =
        import::strava::parse(&read_fixture("strava-activities.csv"), UnitHint::None).unwrap();
    // Ride and Walk are skipped on purpose; row 4 (line 6, after a two-line description) is bad.
    assert_eq!(parsed.not_running, 2);
    assert_eq!(parsed.bad.len(), 1, "{:?}", parsed.bad);
    assert_eq!(parsed.bad[0].place, "line 6");
    assert!(
        parsed.bad[0].message.contains("Mar 5 2026 at noon"),
        "{}",
        parsed.bad[0]
    );
    let runs = &parsed.activities;
    assert_eq!(runs.len(), 4);
    // The second `Distance` column is metres; the second `Elapsed Time` is not the moving time.
    assert!((runs[0].distance_km - 5.210_399_902_343_75).abs() < 1e-12);
    assert_eq!(runs[0].duration_s, Some(1900));
    assert_eq!(runs[0].shoes.as_deref(), Some("Pegasus 40"));
    assert_eq!(runs[0].name.as_deref(), Some("Morning Run"));
    assert_eq!(runs[0].source.as_deref(), Some("strava:11000000001"));
    assert_eq!(
        runs[0].linked_file.as_deref(),
        Some("activities/11000000001.fit.gz")
    );
    assert_eq!(
        runs[0].start,
        Start::Utc("2026-03-02T07:05:12Z".parse().unwrap())
    );
    assert_eq!(runs[1].surface, Some(Surface::Trail));
    assert_eq!(runs[1].place, "line 4");
    assert_eq!(runs[2].surface, Some(Surface::Treadmill));
    assert_eq!(
        runs[3].start,
        Start::Utc("2026-03-07T23:30:00Z".parse().unwrap())
    );
}

#[test]
fn garmin_fixture_dashes_thousands_old_headers_and_miles() {
    let text = read_fixture("garmin-activities.csv");
    let parsed = import::garmin::parse(&text, UnitHint::Flag(Units::Miles)).unwrap();
    assert_eq!(parsed.not_running, 1);
    let bad: Vec<_> = parsed.bad.iter().map(ToString::to_string).collect();
    assert_eq!(bad.len(), 2, "{bad:?}");
    assert!(bad[0].starts_with("line 6: Distance: `4,2`"), "{bad:?}");
    assert!(bad[1].starts_with("line 7: has 2 fields"), "{bad:?}");
    let runs = &parsed.activities;
    assert_eq!(runs.len(), 3);
    assert!((runs[0].distance_km - 3.11 * KM_PER_MILE).abs() < 1e-9);
    assert_eq!(runs[0].duration_s, Some(1900), "`Activity Time` is read");
    assert_eq!(runs[0].name.as_deref(), Some("Easy, by the river"));
    assert_eq!(
        runs[0].start,
        Start::Local("2026-03-09T07:02:11".parse().unwrap())
    );
    assert_eq!(runs[1].duration_s, None, "`--` is missing, not zero");
    assert_eq!(runs[1].surface, Some(Surface::Treadmill));
    assert_eq!(runs[2].duration_s, Some(3751));
    assert_eq!(runs[2].surface, Some(Surface::Trail));
}

#[test]
fn gpx_fixture_distance_time_and_a_skipped_ride() {
    let parsed = import::gpx::parse(&read_fixture("park-run.gpx"), "park-run.gpx").unwrap();
    assert_eq!(parsed.not_running, 1);
    let [run] = parsed.activities.as_slice() else {
        panic!("{parsed:?}")
    };
    // 29 steps of 0.001° of latitude (about 111.2 m each), 40 s apart.
    assert!((run.distance_km - 3.2247).abs() < 0.002, "{run:?}");
    assert_eq!(run.duration_s, Some(29 * 40));
    assert_eq!(run.name.as_deref(), Some("Park run north"));
    assert_eq!(run.position, Some((51.5, -0.1)));
}

#[test]
fn tcx_fixture_laps_and_a_skipped_ride() {
    let parsed = import::tcx::parse(&read_fixture("intervals.tcx"), "intervals.tcx").unwrap();
    assert_eq!(parsed.not_running, 1);
    let [run] = parsed.activities.as_slice() else {
        panic!("{parsed:?}")
    };
    assert!((run.distance_km - 2.2345).abs() < 1e-9, "{run:?}");
    assert_eq!(run.duration_s, Some(671));
    assert_eq!(
        run.start,
        Start::Utc("2026-03-16T06:30:00Z".parse().unwrap())
    );
    assert_eq!(run.place, "line 4");
}

#[cfg(feature = "fit")]
#[test]
fn fit_fixture_session_and_a_skipped_ride() {
    // Written by tests/fixtures/import/make-fit.py from the FIT protocol, decoded by fitparser.
    let bytes = fs::read(fixture("easy-run.fit")).unwrap();
    let parsed = import::fit::parse(&bytes, "easy-run.fit").unwrap();
    assert_eq!(parsed.not_running, 1);
    assert!(parsed.bad.is_empty(), "{:?}", parsed.bad);
    let [run] = parsed.activities.as_slice() else {
        panic!("{parsed:?}")
    };
    assert!((run.distance_km - 7.01234).abs() < 1e-9, "{run:?}");
    assert_eq!(run.duration_s, Some(2350), "timer time, not elapsed");
    assert_eq!(run.surface, Some(Surface::Trail));
    assert_eq!(
        run.start,
        Start::Utc("2026-03-17T06:45:00Z".parse().unwrap())
    );
    // Session 1 of a file with two sessions.
    assert_eq!(run.source.as_deref(), Some("fit:12345-1773732600-1"));
    // Lenient: a wrong checksum does not hide the session.
    let mut damaged = bytes.clone();
    let last = damaged.len() - 1;
    damaged[last] ^= 0xFF;
    assert_eq!(
        import::fit::parse(&damaged, "x.fit")
            .unwrap()
            .activities
            .len(),
        1
    );
    // Not FIT at all is an error naming the file.
    let err = import::fit::parse(b"hello", "x.fit").unwrap_err();
    assert!(
        err.0.starts_with("x.fit is not a readable FIT file"),
        "{err}"
    );
}

// ---- the command ----

#[test]
fn import_then_reimport_adds_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let out = strava(dir.path(), &[]);
    let text = stdout(&out);
    assert!(
        text.contains(
            "imported 4 runs on 4 days, 0 duplicates, 0 skipped, 1 failed, \
             2 other activities (not runs)"
        ),
        "{text}"
    );
    assert_eq!(
        out.status.code(),
        Some(1),
        "a bad row makes the exit status 1"
    );
    let morning = day(dir.path(), "2026-03-02");
    assert_eq!(morning.runs.len(), 1);
    assert_eq!(morning.runs[0].duration_s, Some(1900));
    assert_eq!(morning.runs[0].name.as_deref(), Some("Morning Run"));
    assert_eq!(
        morning.runs[0].source.as_deref(),
        Some("strava:11000000001")
    );
    assert_eq!(morning.runs[0].start, "07:05:12".parse().ok());
    assert_eq!(morning.runs[0].notes, "");
    assert_eq!(day(dir.path(), "2026-03-07").runs.len(), 1);

    let before = snapshot(&dir.path().join("journal/days"));
    let text = stdout(&strava(dir.path(), &[]));
    assert!(
        text.contains("imported 0 runs on 0 days, 4 duplicates"),
        "{text}"
    );
    assert_eq!(snapshot(&dir.path().join("journal/days")), before);
}

#[test]
fn the_same_runs_from_another_file_in_the_same_import_count_once() {
    let dir = tempfile::tempdir().unwrap();
    let gpx = fixture("park-run.gpx");
    let gpx = gpx.to_str().unwrap();
    let out = stridelog(dir.path(), &["import", gpx, gpx]);
    let text = stdout(&out);
    assert!(
        text.contains("imported 1 run on 1 day, 1 duplicate, 0 skipped, 0 failed"),
        "{text}"
    );
    assert!(out.status.success());
}

#[test]
fn dry_run_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    // Nothing at all: not even the data dir is created.
    let out = strava(dir.path(), &["--dry-run"]);
    let text = stdout(&out);
    assert!(
        text.contains("would add 2026-03-02 07:05: 5.21 km in 31:40"),
        "{text}"
    );
    assert!(
        text.contains("dry run: would import 4 runs on 4 days")
            && text.contains("nothing was written"),
        "{text}"
    );
    assert!(!dir.path().join("journal").exists());

    // An existing journal: every byte stays the same.
    let out = stridelog(dir.path(), &["log", "--date", "2026-03-02", "--worst", "4"]);
    assert!(out.status.success());
    let before = snapshot(&dir.path().join("journal"));
    let out = strava(dir.path(), &["--dry-run"]);
    assert!(
        stdout(&out).contains("would import 4 runs"),
        "{}",
        stdout(&out)
    );
    assert_eq!(snapshot(&dir.path().join("journal")), before);
}

#[test]
fn import_never_touches_pain_data_of_an_existing_day() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("journal");
    let mut existing = entry::parse_day(
        include_str!("../fixtures/design-example.ron"),
        Some(date("2026-11-22")),
    )
    .unwrap();
    existing.date = date("2026-03-02");
    existing.runs[0].distance_km = 3.0;
    existing.notes = "Pain 5, stopped early.".into();
    {
        let mut store = FsStore::open(&root).unwrap();
        store.load(Scope::All).unwrap();
        store.save(&existing).unwrap();
    }
    strava(dir.path(), &[]);
    let after = day(dir.path(), "2026-03-02");
    assert_eq!(after.runs.len(), 2);
    assert_eq!(after.runs[0], existing.runs[0]);
    assert_eq!(after.version, 2, "saving upgrades a version-1 day");
    assert_eq!(
        DayEntry {
            runs: existing.runs.clone(),
            ..after.clone()
        },
        DayEntry {
            version: after.version,
            ..existing.clone()
        },
        "everything but the new run (and the format version, design §3) is as it was"
    );
    assert_eq!(after.runs[1].pain_during, None);
    assert_eq!(after.morning_pain, Score::new(2));
}

#[test]
fn malformed_rows_are_reported_with_their_line_and_the_rest_imports() {
    let dir = tempfile::tempdir().unwrap();
    let garmin = fixture("garmin-activities.csv");
    let out = stridelog(
        dir.path(),
        &[
            "import",
            "garmin",
            garmin.to_str().unwrap(),
            "--units",
            "mi",
        ],
    );
    let text = stdout(&out);
    assert!(
        text.contains("garmin-activities.csv: line 6: Distance: `4,2`"),
        "{text}"
    );
    assert!(
        text.contains("garmin-activities.csv: line 7: has 2 fields"),
        "{text}"
    );
    assert!(text.contains("imported 3 runs on 3 days"), "{text}");
    assert!(text.contains(", 2 failed"), "{text}");
    assert!(!text.contains("note:"), "--units given: no guess to report");
    assert_eq!(out.status.code(), Some(1));
    let run = &day(dir.path(), "2026-03-09").runs[0];
    assert!((run.distance_km - 3.11 * KM_PER_MILE).abs() < 1e-9);
}

#[test]
fn garmin_without_units_uses_the_settings_and_says_so() {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir_all(dir.path().join("config")).unwrap();
    fs::write(dir.path().join("config/settings.ron"), "(units: Miles)").unwrap();
    let garmin = fixture("garmin-activities.csv");
    let out = stridelog(
        dir.path(),
        &["import", "garmin", garmin.to_str().unwrap(), "--dry-run"],
    );
    let text = stdout(&out);
    assert!(
        text.contains("read them as mi (your settings); pass --units km"),
        "{text}"
    );
    assert!(
        text.contains("would add 2026-03-09 07:02: 3.11 mi"),
        "{text}"
    );
}

#[cfg(feature = "fit")]
#[test]
fn gpx_tcx_and_fit_files_together() {
    let dir = tempfile::tempdir().unwrap();
    let (gpx, tcx, fit) = (
        fixture("park-run.gpx"),
        fixture("intervals.tcx"),
        fixture("easy-run.fit"),
    );
    let out = stridelog(
        dir.path(),
        &[
            "import",
            gpx.to_str().unwrap(),
            tcx.to_str().unwrap(),
            fit.to_str().unwrap(),
        ],
    );
    assert!(out.status.success(), "{}", stdout(&out));
    assert!(
        stdout(&out).contains("imported 3 runs on 3 days"),
        "{}",
        stdout(&out)
    );
    assert_eq!(day(dir.path(), "2026-03-17").runs[0].duration_s, Some(2350));
    let tcx_run = &day(dir.path(), "2026-03-16").runs[0];
    assert_eq!(tcx_run.duration_s, Some(671));
    assert_eq!(tcx_run.source.as_deref(), Some("tcx:2026-03-16T06:30:00Z"));
    // London in March is UTC+0: the start is the local time at the start position.
    assert_eq!(tcx_run.start, "06:30:00".parse().ok());
    assert_eq!(day(dir.path(), "2026-03-15").runs.len(), 1);
}

#[test]
fn the_day_is_the_local_day_of_the_start() {
    let dir = tempfile::tempdir().unwrap();
    // 23:30 UTC on 7 March is 09:30 on 8 March at UTC+10.
    let file = fixture("strava-activities.csv");
    let out = stridelog_in(
        "XST-10",
        dir.path(),
        &["import", "strava", file.to_str().unwrap(), "--dry-run"],
    );
    let text = stdout(&out);
    assert!(
        text.contains("would add 2026-03-08 09:30: 3.02 km"),
        "{text}"
    );
    assert!(
        text.contains("no position or recorded time zone")
            && text.contains("this computer's time zone"),
        "the machine's zone is used only without a position, and said: {text}"
    );
}

#[test]
fn an_unreadable_day_is_reported_left_alone_and_the_rest_imports() {
    let dir = tempfile::tempdir().unwrap();
    let broken = dir.path().join("journal/days/2026/2026-03-04.ron");
    fs::create_dir_all(broken.parent().unwrap()).unwrap();
    let text = "(version: 1, date: \"2026-03-04\", worst_pain: Some(12))";
    fs::write(&broken, text).unwrap();
    let out = strava(dir.path(), &[]);
    let report = stdout(&out);
    assert!(
        report.contains("failed: ") && report.contains("2026-03-04.ron cannot be read"),
        "{report}"
    );
    assert!(
        report.contains("imported 3 runs on 3 days") && report.contains("2 failed"),
        "{report}"
    );
    assert_eq!(fs::read_to_string(&broken).unwrap(), text);
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn a_running_app_holding_the_journal_blocks_the_import() {
    let dir = tempfile::tempdir().unwrap();
    let _app = FsStore::open(&dir.path().join("journal")).unwrap();
    let out = strava(dir.path(), &[]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("nothing imported") && err.contains("another stridelog"),
        "{err}"
    );
    assert!(!dir.path().join("journal/days").exists());
}

#[test]
fn files_it_cannot_import_get_a_clear_message() {
    let dir = tempfile::tempdir().unwrap();
    let csv = fixture("strava-activities.csv");
    // A CSV says by its header which app wrote it.
    let out = stridelog(dir.path(), &["import", csv.to_str().unwrap(), "--dry-run"]);
    assert!(
        stdout(&out).contains("would import 4 runs"),
        "{}",
        stdout(&out)
    );
    // A Garmin file read as Strava says what is missing.
    let garmin = fixture("garmin-activities.csv");
    let out = stridelog(dir.path(), &["import", "strava", garmin.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stdout(&out).contains("garmin-activities.csv: this is not a Strava activities.csv: it has no `Activity Date` column"),
        "{}",
        stdout(&out)
    );
    // A file of another kind is named, with what stridelog reads.
    let other = dir.path().join("notes.txt");
    fs::write(&other, "hello").unwrap();
    let out = stridelog(dir.path(), &["import", other.to_str().unwrap()]);
    assert!(
        stdout(&out).contains("notes.txt: not a file stridelog can import"),
        "{}",
        stdout(&out)
    );
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn plan_deduplicates_against_the_journal() {
    let mut journal = stridelog::journal::Journal::default();
    let mut existing = DayEntry::new(date("2026-03-02"));
    existing.runs.push(Run {
        distance_km: 5.205,
        duration_s: Some(1900),
        ..Run::default()
    });
    journal.days.insert(existing.date, existing);
    let parsed =
        import::strava::parse(&read_fixture("strava-activities.csv"), UnitHint::None).unwrap();
    let candidates = parsed
        .activities
        .iter()
        .map(|a| import::Candidate {
            date: a.start.local_date(&chrono::Utc),
            run: a.to_run(None),
            place: a.place.clone(),
            label: a.label(),
            zone: import::zone::ZoneUsed::Machine,
        })
        .collect();
    let plan = import::plan(&journal, candidates);
    assert_eq!(plan.duplicates, 1);
    assert_eq!(plan.run_count(), 3);
    assert!(!plan.days.contains_key(&date("2026-03-02")));
}
