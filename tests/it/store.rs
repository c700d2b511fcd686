//! The file store: round trips, atomic saves, files it must never overwrite, the lock.

use crate::support::{date, write};
use chrono::NaiveDate;
use proptest::prelude::*;
use std::fs;
use std::path::Path;
use stridelog::journal::entry::{
    self, Character, DayEntry, Location, PainType, RedFlag, RoutineSession, Run, Score, Side,
    Slump, Surface, Triage,
};
use stridelog::journal::store::{Access, FsStore, SaveError, Scope, Store, day_path};

fn leftovers(root: &Path) -> Vec<String> {
    let mut found = Vec::new();
    for year in fs::read_dir(root.join("days")).unwrap() {
        for file in fs::read_dir(year.unwrap().path()).unwrap() {
            let name = file.unwrap().file_name().to_string_lossy().into_owned();
            if Path::new(&name).extension().is_none_or(|e| e != "ron") || name.starts_with('.') {
                found.push(name);
            }
        }
    }
    found
}

#[test]
fn design_example_parses_verbatim() {
    let text = include_str!("../fixtures/design-example.ron");
    let day = entry::parse_day(text, Some(date("2026-11-22"))).unwrap();
    assert_eq!(day.runs.len(), 1);
    assert!((day.runs[0].distance_km - 6.4).abs() < 1e-9);
    assert_eq!(day.runs[0].shoes.as_deref(), Some("Pegasus 40"));
    assert_eq!(
        day.triage.as_ref().unwrap().classification,
        vec![PainType::Radicular]
    );
    assert_eq!(day.routines[0].started.to_string(), "07:10:00");
}

#[test]
fn save_then_load_gives_the_same_day_and_leaves_no_temp_files() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = FsStore::open(dir.path()).unwrap();
    store.load(Scope::All).unwrap();
    let mut day = DayEntry::new(date("2026-11-22"));
    day.worst_pain = Score::new(4);
    store.save(&day).unwrap();
    day.morning_pain = Score::new(2);
    store.save(&day).unwrap();
    let journal = FsStore::open_read_only(dir.path())
        .load(Scope::All)
        .unwrap();
    assert_eq!(journal.day(day.date), Some(&day));
    assert!(
        leftovers(dir.path()).is_empty(),
        "{:?}",
        leftovers(dir.path())
    );
}

#[cfg(unix)]
#[test]
fn data_is_private_on_unix() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("journal");
    let mut store = FsStore::open(&root).unwrap();
    store.save(&DayEntry::new(date("2026-11-22"))).unwrap();
    let mode = |p: &Path| fs::metadata(p).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(&root), 0o700);
    assert_eq!(mode(&root.join("days/2026")), 0o700);
    assert_eq!(mode(&root.join(day_path(date("2026-11-22")))), 0o600);
}

#[test]
fn broken_empty_and_newer_files_are_never_overwritten() {
    let dir = tempfile::tempdir().unwrap();
    let cases = [
        (
            "2026-11-01",
            "(version: 1, date: \"2026-11-01\", worst_pain: Some(12))",
        ),
        ("2026-11-02", ""),
        (
            "2026-11-03",
            "(version: 9, date: \"2026-11-03\", mood: Some(3))",
        ),
        ("2026-11-04", "(version: 9, date: \"2026-11-04\")"),
    ];
    for (d, text) in cases {
        write(dir.path(), &day_path(date(d)), text);
    }
    let mut store = FsStore::open(dir.path()).unwrap();
    let journal = store.load(Scope::All).unwrap();
    assert_eq!(journal.problems.len(), 4, "{:?}", journal.problems);
    assert!(journal.problems[0].path.ends_with("2026-11-01.ron"));
    assert!(
        journal.problems[0].error.contains("worst_pain"),
        "{}",
        journal.problems[0].error
    );
    assert!(journal.problems[1].error.contains("empty"));
    assert!(journal.problems[2].is_newer_version() && journal.problems[3].is_newer_version());
    // A newer file that parses is still shown.
    assert!(journal.day(date("2026-11-04")).is_some());
    for (d, text) in cases {
        let mut day = DayEntry::new(date(d));
        day.worst_pain = Score::new(1);
        let err = store.save(&day).unwrap_err();
        assert!(matches!(err, SaveError::Unreadable { .. }), "{err}");
        assert!(err.to_string().contains(&format!("{d}.ron")), "{err}");
        assert_eq!(
            fs::read_to_string(dir.path().join(day_path(date(d)))).unwrap(),
            text
        );
    }
}

#[test]
fn a_file_changed_on_disk_after_loading_is_not_overwritten() {
    let dir = tempfile::tempdir().unwrap();
    let mut day = DayEntry::new(date("2026-11-22"));
    FsStore::write_batch(dir.path(), std::slice::from_ref(&day)).unwrap();
    let mut store = FsStore::open(dir.path()).unwrap();
    store.load(Scope::All).unwrap();
    let edited_elsewhere = "(version: 1, date: \"2026-11-22\", notes: \"from my editor\")\n";
    write(dir.path(), &day_path(day.date), edited_elsewhere);
    day.worst_pain = Score::new(3);
    let err = store.save(&day).unwrap_err();
    assert!(matches!(err, SaveError::Changed { .. }), "{err}");
    let on_disk = fs::read_to_string(dir.path().join(day_path(day.date))).unwrap();
    assert_eq!(on_disk, edited_elsewhere);
}

#[test]
fn a_file_created_elsewhere_after_loading_is_not_overwritten() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = FsStore::open(dir.path()).unwrap();
    store.load(Scope::All).unwrap();
    write(
        dir.path(),
        &day_path(date("2026-11-22")),
        "(version: 1, date: \"2026-11-22\")",
    );
    let err = store.save(&DayEntry::new(date("2026-11-22"))).unwrap_err();
    assert!(matches!(err, SaveError::Changed { .. }), "{err}");
}

#[test]
fn a_second_store_on_the_same_folder_is_read_only() {
    let dir = tempfile::tempdir().unwrap();
    let first = FsStore::open(dir.path()).unwrap();
    assert_eq!(first.access(), Access::ReadWrite);
    let mut second = FsStore::open(dir.path()).unwrap();
    assert!(matches!(second.access(), Access::ReadOnly(_)));
    let err = second.save(&DayEntry::new(date("2026-11-22"))).unwrap_err();
    assert!(matches!(err, SaveError::ReadOnly(_)));
    assert!(!dir.path().join(day_path(date("2026-11-22"))).exists());
    drop(first);
    let third = FsStore::open(dir.path()).unwrap();
    assert_eq!(
        third.access(),
        Access::ReadWrite,
        "the lock is released with its store"
    );
}

#[test]
fn files_that_are_not_day_files_are_ignored_and_listed() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "days/2026/2026-11-22.ron",
        "(version: 1, date: \"2026-11-22\")",
    );
    write(
        dir.path(),
        "days/2026/2026-11-22.sync-conflict-20261122-1.ron",
        "garbage",
    );
    write(dir.path(), "days/2026/.2026-11-22.ron.tmp", "half");
    write(dir.path(), "days/2026/2026-11-22.ron~", "backup");
    write(
        dir.path(),
        "days/2026/2025-01-01.ron",
        "(version: 1, date: \"2025-01-01\")",
    );
    let journal = FsStore::open_read_only(dir.path())
        .load(Scope::All)
        .unwrap();
    assert_eq!(journal.days.len(), 1);
    assert!(journal.problems.is_empty(), "{:?}", journal.problems);
    assert_eq!(journal.stray_files.len(), 4, "{:?}", journal.stray_files);
}

#[test]
fn scoped_loads_add_up_to_a_full_load() {
    let dir = tempfile::tempdir().unwrap();
    let days = stridelog::commands::demo::generate(date("2026-11-22"), 900, 7);
    FsStore::write_batch(dir.path(), &days).unwrap();
    let full = FsStore::open_read_only(dir.path())
        .load(Scope::All)
        .unwrap();
    let mut store = FsStore::open_read_only(dir.path());
    let mut recent = store.load(Scope::From(2025)).unwrap();
    assert!(
        recent
            .days
            .keys()
            .all(|d| chrono::Datelike::year(d) >= 2025)
    );
    recent.merge(store.load(Scope::Before(2025)).unwrap());
    assert_eq!(recent, full);
    assert_eq!(full.days.len(), days.len());
}

fn arb_score() -> impl Strategy<Value = Option<Score>> {
    prop::option::of((0u8..=10).prop_map(|v| Score::new(v).unwrap()))
}

fn arb_run() -> impl Strategy<Value = Run> {
    (
        0.0f64..300.0,
        prop::option::of(0u32..100_000),
        (arb_score(), arb_score(), arb_score()),
        prop::option::of(any::<bool>()),
        prop::option::of(prop::sample::select(vec![
            Surface::Road,
            Surface::Track,
            Surface::Trail,
            Surface::Grass,
            Surface::Treadmill,
        ])),
        prop::option::of("\\PC{0,20}"),
        "\\PC{0,40}",
        (
            prop::option::of((0u32..86_399).prop_map(|s| {
                chrono::NaiveTime::from_num_seconds_from_midnight_opt(s, 0).unwrap()
            })),
            prop::option::of("\\PC{0,20}"),
            prop::option::of("[a-z]{1,8}:[0-9]{1,12}"),
        ),
    )
        .prop_map(
            |(
                distance_km,
                duration_s,
                (b, d, a),
                gait_changed,
                surface,
                shoes,
                notes,
                (start, name, source),
            )| Run {
                distance_km,
                duration_s,
                pain_before: b,
                pain_during: d,
                pain_after: a,
                gait_changed,
                surface,
                shoes,
                notes,
                start,
                name,
                source,
            },
        )
}

fn arb_day() -> impl Strategy<Value = DayEntry> {
    (
        (arb_score(), arb_score(), arb_score()),
        prop::collection::vec(
            prop::sample::select(vec![Location::LowerBack, Location::Calf, Location::Foot]),
            0..3,
        ),
        prop::option::of(prop::sample::select(vec![
            Side::Left,
            Side::Right,
            Side::Both,
        ])),
        prop::collection::vec(
            prop::sample::select(vec![Character::Dull, Character::Numbness]),
            0..3,
        ),
        prop::collection::vec(arb_run(), 0..3),
        (
            prop::option::of(any::<bool>()),
            prop::option::of(any::<bool>()),
            prop::option::of(any::<bool>()),
        ),
        (
            prop::option::of(0.0f64..=24.0),
            prop::option::of(0.0f64..=24.0),
        ),
        (prop::option::of(0u32..=1440), prop::option::of(0u32..=1440)),
        prop::option::of((
            prop::collection::vec(
                prop::sample::select(vec![
                    RedFlag::BothLegs,
                    RedFlag::FootDrop,
                    RedFlag::NightPain,
                    RedFlag::FeverOrWeightLoss,
                ]),
                0..2,
            ),
            prop::option::of(prop::sample::select(vec![Slump::Positive, Slump::Negative])),
        )),
        "\\PC{0,80}",
        (0u32..20, 0u32..86_399),
    )
        .prop_map(
            |(
                (morning, worst, stress),
                locations,
                side,
                character,
                runs,
                (med, normal, disturbed),
                (sleep, sitting),
                (heat, ice),
                triage,
                notes,
                (done, secs),
            )| {
                let mut day = DayEntry::new(NaiveDate::from_ymd_opt(2026, 11, 22).unwrap());
                day.morning_pain = morning;
                day.worst_pain = worst;
                day.stress = stress;
                day.locations = locations;
                day.side = side;
                day.character = character;
                day.runs = runs;
                day.pain_medication = med;
                day.normal_activities = normal;
                day.sleep_disturbed = disturbed;
                day.sleep_hours = sleep;
                day.sitting_hours = sitting;
                day.heat_minutes = heat;
                day.ice_minutes = ice;
                day.triage = triage.map(|(red_flags, slump)| Triage {
                    red_flags,
                    slump,
                    classification: vec![PainType::Referred],
                });
                day.routines = vec![RoutineSession {
                    routine: "runner-strength".into(),
                    started: chrono::NaiveTime::from_num_seconds_from_midnight_opt(secs, 0)
                        .unwrap(),
                    steps_done: done,
                    steps_total: 20,
                    seconds: secs,
                    pain_after: worst,
                }];
                day.notes = notes;
                day
            },
        )
}

proptest! {
    #[test]
    fn any_valid_day_round_trips_through_the_file_format(day in arb_day()) {
        let text = entry::format_day(&day);
        let back = entry::parse_day(&text, Some(day.date)).map_err(|e| TestCaseError::fail(format!("{e}\n{text}")))?;
        prop_assert_eq!(back, day);
    }
}

#[test]
fn a_reader_never_sees_a_half_written_day() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(day_path(date("2026-11-22")));
    let mut store = FsStore::open(dir.path()).unwrap();
    store.load(Scope::All).unwrap();
    let mut day = DayEntry::new(date("2026-11-22"));
    store.save(&day).unwrap();
    let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let reader = {
        let (stop, path) = (stop.clone(), path.clone());
        std::thread::spawn(move || {
            let mut reads = 0;
            while !stop.load(std::sync::atomic::Ordering::Relaxed) {
                let text = fs::read_to_string(&path).unwrap();
                entry::parse_day(&text, None).unwrap_or_else(|e| panic!("torn read: {e}\n{text}"));
                reads += 1;
            }
            reads
        })
    };
    for i in 0..200 {
        // Alternate long and short content so a torn write would show.
        day.notes = if i % 2 == 0 {
            "x".repeat(5000)
        } else {
            String::new()
        };
        store.save(&day).unwrap();
    }
    stop.store(true, std::sync::atomic::Ordering::Relaxed);
    assert!(reader.join().unwrap() > 0);
    assert!(leftovers(dir.path()).is_empty());
}

#[test]
fn after_a_conflict_reload_reads_the_new_file_and_keep_copy_saves_ours_beside_it() {
    let dir = tempfile::tempdir().unwrap();
    let mut ours = DayEntry::new(date("2026-11-22"));
    FsStore::write_batch(dir.path(), std::slice::from_ref(&ours)).unwrap();
    let mut store = FsStore::open(dir.path()).unwrap();
    store.load(Scope::All).unwrap();
    write(
        dir.path(),
        &day_path(ours.date),
        "(version: 1, date: \"2026-11-22\", notes: \"theirs\")",
    );
    ours.notes = "ours".into();
    assert!(matches!(store.save(&ours), Err(SaveError::Changed { .. })));
    let copy = store.keep_copy(&ours, "20261122-120000").unwrap();
    assert_eq!(copy, "days/2026/2026-11-22.conflict-20261122-120000.ron");
    let theirs = store.reload_day(ours.date).unwrap().unwrap();
    assert_eq!(theirs.notes, "theirs");
    // After the reload the app may save again, and the copy is never read as a day.
    store.save(&theirs).unwrap();
    let journal = FsStore::open_read_only(dir.path())
        .load(Scope::All)
        .unwrap();
    assert_eq!(journal.days.len(), 1);
    assert_eq!(journal.stray_files, vec![copy.clone()]);
    let kept = fs::read_to_string(dir.path().join(copy)).unwrap();
    assert!(kept.contains("\"ours\""));
}
