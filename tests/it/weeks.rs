//! Weekly aggregates over ISO weeks (design section 5) and per-shoe distances.

use crate::support::date;
use stridelog::journal::entry::{RoutineSession, Run};
use stridelog::journal::{DayEntry, Journal, Score};
use stridelog::rules::{shoe_distances, weeks};

fn score(n: u8) -> Option<Score> {
    Score::new(n)
}

fn journal(days: Vec<DayEntry>) -> Journal {
    let mut j = Journal::default();
    for d in days {
        j.days.insert(d.date, d);
    }
    j
}

fn day(s: &str, f: impl FnOnce(&mut DayEntry)) -> DayEntry {
    let mut d = DayEntry::new(date(s));
    f(&mut d);
    d
}

fn run(km: f64, during: Option<u8>, after: Option<u8>, shoes: Option<&str>) -> Run {
    Run {
        distance_km: km,
        pain_during: during.and_then(Score::new),
        pain_after: after.and_then(Score::new),
        shoes: shoes.map(str::to_owned),
        ..Run::default()
    }
}

/// Wednesday 2026-11-18: its ISO week is Monday 16 to Sunday 22.
const TODAY: &str = "2026-11-18";

#[test]
fn weeks_are_iso_weeks_oldest_first_ending_with_todays_week() {
    let list = weeks(&Journal::default(), date(TODAY), 3);
    let bounds: Vec<(String, String)> = list
        .iter()
        .map(|w| (w.start.to_string(), w.end.to_string()))
        .collect();
    assert_eq!(
        bounds,
        [
            ("2026-11-02".into(), "2026-11-08".into()),
            ("2026-11-09".into(), "2026-11-15".into()),
            ("2026-11-16".into(), "2026-11-22".into()),
        ]
    );
    assert!(weeks(&Journal::default(), date(TODAY), 0).is_empty());
    // On a Monday and on a Sunday the week is still Monday to Sunday.
    for today in ["2026-11-16", "2026-11-22"] {
        let w = &weeks(&Journal::default(), date(today), 1)[0];
        assert_eq!((w.start, w.end), (date("2026-11-16"), date("2026-11-22")));
    }
}

#[test]
fn a_week_without_data_has_no_means_or_maximum() {
    let j = journal(vec![day("2026-11-10", |d| d.worst_pain = score(5))]);
    let list = weeks(&j, date(TODAY), 2);
    let empty = &list[1];
    assert_eq!(empty.days_logged, 0);
    assert_eq!(empty.runs, 0);
    assert!(empty.distance_km.abs() < f64::EPSILON);
    assert_eq!(empty.mean_worst_pain, None);
    assert_eq!(empty.mean_morning_pain, None);
    assert_eq!(empty.max_run_pain, None);
    assert_eq!(empty.mean_run_pain, None);
    assert_eq!(empty.routines, 0);
    assert_eq!(list[0].mean_worst_pain, Some(5.0));
}

#[test]
fn a_week_counts_days_up_to_today_and_means_of_recorded_values() {
    let session = RoutineSession {
        routine: "gentle-recovery".into(),
        ..RoutineSession::default()
    };
    let days = vec![
        day("2026-11-16", |d| {
            d.worst_pain = score(3);
            d.morning_pain = score(1);
            d.runs = vec![run(5.0, Some(2), Some(4), None), run(2.5, None, None, None)];
            d.routines = vec![session.clone(), session.clone()];
        }),
        // A day with nothing recorded: logged, but no value for the means.
        day("2026-11-17", |_| {}),
        day("2026-11-18", |d| {
            d.worst_pain = score(4);
            d.runs = vec![run(6.0, Some(5), Some(3), None)];
        }),
        // After today: not counted.
        day("2026-11-19", |d| {
            d.worst_pain = score(10);
            d.runs = vec![run(30.0, Some(9), Some(9), None)];
        }),
        // The Sunday before belongs to the previous week.
        day("2026-11-15", |d| d.worst_pain = score(8)),
    ];
    let list = weeks(&journal(days), date(TODAY), 2);
    let w = &list[1];
    assert_eq!(w.days_logged, 3);
    assert_eq!(w.runs, 3);
    assert!((w.distance_km - 13.5).abs() < 1e-9, "{}", w.distance_km);
    assert_eq!(w.mean_worst_pain, Some(3.5));
    assert_eq!(w.mean_morning_pain, Some(1.0));
    assert_eq!(w.max_run_pain, Some(5));
    assert_eq!(w.mean_run_pain, Some(3.5));
    assert_eq!(w.routines, 2);
    assert_eq!(list[0].days_logged, 1);
    assert_eq!(list[0].mean_worst_pain, Some(8.0));
}

#[test]
fn shoes_are_totalled_longest_first() {
    let days = vec![
        day("2026-11-01", |d| {
            d.runs = vec![
                run(10.0, None, None, Some("Pegasus 40")),
                run(3.0, None, None, None),
            ];
        }),
        day("2026-11-02", |d| {
            d.runs = vec![
                run(12.5, None, None, Some("Pegasus 40")),
                run(8.0, None, None, Some("Trail 2")),
            ];
        }),
        day("2026-11-03", |d| {
            d.runs = vec![run(8.0, None, None, Some("Alpha"))];
        }),
    ];
    assert_eq!(
        shoe_distances(&journal(days)),
        [
            ("Pegasus 40".to_owned(), 22.5),
            ("Alpha".to_owned(), 8.0),
            ("Trail 2".to_owned(), 8.0),
        ]
    );
    assert!(shoe_distances(&Journal::default()).is_empty());
}
