//! The response ledger and the factor values, table-driven at the edge of every threshold of
//! design section 10.

use crate::support::date;
use chrono::Days;
use stridelog::insights::factors::{Band, Spike, WeeklyChange, values};
use stridelog::insights::ledger::{Gait, build};
use stridelog::insights::{FactorValue, Response, Window};
use stridelog::journal::entry::{Run, Surface};
use stridelog::journal::{DayEntry, Journal, Score};

/// Max run pain, gait, morning before, morning after, and the response expected.
type Case = (Option<u8>, Gait, Option<u8>, Option<u8>, Response);

#[test]
fn response_follows_the_design_first_match_wins() {
    use Gait::{Changed, NotReported as No};
    use Response::{Amber, Green, Red, Unknown};
    // (max run pain, gait, before, after) → response
    let cases: [Case; 17] = [
        (Some(6), No, None, None, Red),   // run pain above 5
        (Some(5), No, None, None, Amber), // 4 or 5
        (Some(4), No, None, None, Amber),
        (Some(3), No, None, None, Unknown), // no mornings, low run pain
        (None, Changed, None, None, Red),   // a changed gait
        (None, No, None, Some(6), Red),     // next morning above 5
        (None, No, None, Some(5), Unknown), // 5 is not above 5; no "before"
        (Some(2), No, Some(3), Some(5), Red), // 2 points worse
        (Some(2), No, Some(3), Some(4), Amber), // 1 point worse
        (Some(2), No, Some(5), Some(5), Green), // the same
        (Some(3), No, Some(4), Some(2), Green), // better
        (None, No, Some(2), Some(2), Green), // no run pain recorded
        (Some(5), No, Some(2), Some(2), Amber), // run pain 5 outranks a fine morning
        (Some(6), No, Some(4), Some(1), Red),
        (Some(0), No, Some(0), None, Unknown), // next morning not logged
        (Some(1), Changed, Some(2), Some(1), Red), // gait outranks a better morning
        (None, No, Some(9), Some(10), Red),    // above 5
    ];
    for (max, gait, before, after, expected) in cases {
        assert_eq!(
            Response::score(max, gait, before, after),
            expected,
            "{max:?} {gait:?} {before:?} {after:?}"
        );
    }
}

#[test]
fn weekly_change_edges_in_whole_metres() {
    let before = 10_000;
    for (recent, expected) in [
        (8_999, WeeklyChange::Down),
        (9_000, WeeklyChange::Flat), // −10 % is flat
        (10_000, WeeklyChange::Flat),
        (11_000, WeeklyChange::Flat), // +10 % is flat
        (11_001, WeeklyChange::Up),
        (13_000, WeeklyChange::Up), // +30 % is up
        (13_001, WeeklyChange::Jump),
        (0, WeeklyChange::Down),
    ] {
        assert_eq!(WeeklyChange::of(recent, before), expected, "{recent}");
    }
    assert_eq!(WeeklyChange::of(5_000, 0), WeeklyChange::New);
    assert_eq!(WeeklyChange::of(0, 0), WeeklyChange::New);
}

#[test]
fn distance_bands_include_their_lower_bound() {
    for (m, band, name) in [
        (0, Band::Under5, "<5"),
        (4_999, Band::Under5, "<5"),
        (5_000, Band::From5To10, "5-10"),
        (9_999, Band::From5To10, "5-10"),
        (10_000, Band::From10To15, "10-15"),
        (15_000, Band::From15To21, "15-21"),
        (20_999, Band::From15To21, "15-21"),
        (21_000, Band::From21, "21+"),
        (300_000, Band::From21, "21+"),
    ] {
        assert_eq!(Band::of_metres(m), band, "{m}");
        assert_eq!(band.name(), name);
    }
}

fn run(km: f64, surface: Option<Surface>, shoes: Option<&str>) -> Run {
    Run {
        distance_km: km,
        surface,
        shoes: shoes.map(str::to_owned),
        ..Run::default()
    }
}

fn journal(days: Vec<DayEntry>) -> Journal {
    let mut j = Journal::default();
    for d in days {
        j.days.insert(d.date, d);
    }
    j
}

fn day(s: &str, runs: Vec<Run>) -> DayEntry {
    let mut d = DayEntry::new(date(s));
    d.runs = runs;
    d
}

#[test]
fn a_day_counts_under_every_surface_and_shoe_of_its_runs() {
    let j = journal(vec![day(
        "2026-06-10",
        vec![
            run(3.0, Some(Surface::Trail), Some("Speedgoat 5")),
            run(2.0, Some(Surface::Road), Some("  ")),
            run(1.5, None, None),
            run(1.0, Some(Surface::Trail), Some("Speedgoat 5")),
        ],
    )]);
    let values = values(&j, j.day(date("2026-06-10")).unwrap());
    assert_eq!(
        values,
        vec![
            FactorValue::Surface(Surface::Road),
            FactorValue::Surface(Surface::Trail),
            FactorValue::Shoes("Speedgoat 5".to_owned()),
            FactorValue::Distance(Band::From5To10), // 7.5 km in total
            FactorValue::Spike(Spike::No),          // no run in the 30 days before
            FactorValue::WeeklyChange(WeeklyChange::New),
        ]
    );
    assert_eq!(values[0].name(), "Road");
    assert_eq!(values[3].name(), "5-10");
}

#[test]
fn spike_is_the_rules_long_run_spike_test() {
    let base = || {
        vec![
            day("2026-05-10", vec![run(9.0, None, None)]), // 31 days before: outside
            day("2026-05-20", vec![run(6.0, None, None)]),
        ]
    };
    let spike_of = |extra: Vec<Run>| {
        let mut days = base();
        days.push(day("2026-06-10", extra));
        let j = journal(days);
        values(&j, j.day(date("2026-06-10")).unwrap())
            .into_iter()
            .find_map(|v| match v {
                FactorValue::Spike(s) => Some(s),
                _ => None,
            })
            .unwrap()
    };
    // 6.6 km after a longest of 6.0 km is exactly 1.10: not more than 10 % longer.
    assert_eq!(spike_of(vec![run(6.6, None, None)]), Spike::No);
    assert_eq!(spike_of(vec![run(6.61, None, None)]), Spike::Yes);
    // A longer run earlier the same day does not count as "before".
    assert_eq!(
        spike_of(vec![run(8.0, None, None), run(3.0, None, None)]),
        Spike::Yes
    );
}

#[test]
fn weekly_change_compares_the_day_and_six_before_with_the_seven_before_that() {
    // 10 km on 3 June (D−7, in the earlier week) and 13.1 km on D = 10 June: a jump.
    let j = journal(vec![
        day("2026-06-03", vec![run(10.0, None, None)]),
        day("2026-06-04", vec![run(0.0, None, None)]),
        day("2026-06-10", vec![run(13.1, None, None)]),
    ]);
    let v = values(&j, j.day(date("2026-06-10")).unwrap());
    assert!(
        v.contains(&FactorValue::WeeklyChange(WeeklyChange::Jump)),
        "{v:?}"
    );
    // On 4 June the earlier week (22-28 May) is empty: new.
    let v = values(&j, j.day(date("2026-06-04")).unwrap());
    assert!(
        v.contains(&FactorValue::WeeklyChange(WeeklyChange::New)),
        "{v:?}"
    );
}

#[test]
fn ledger_holds_run_days_up_to_yesterday_and_reads_the_morning_after_to() {
    let mut days = Vec::new();
    for (s, runs, morning) in [
        ("2026-06-01", 1, Some(2)),
        ("2026-06-02", 0, Some(3)), // rest day: not in the ledger
        ("2026-06-03", 1, Some(2)),
        ("2026-06-04", 0, Some(4)), // after `to`: read as the 3rd's next morning
        ("2026-06-05", 1, Some(1)), // today: never a ledger day
        ("2026-06-06", 1, Some(1)), // after today: ignored
    ] {
        let mut d = day(s, vec![run(5.0, None, None); runs]);
        d.morning_pain = morning.and_then(Score::new);
        days.push(d);
    }
    let j = journal(days);
    let today = date("2026-06-05");
    let w = Window {
        from: date("2026-06-01"),
        to: date("2026-06-03"),
    };
    let ledger = build(&j, w, today);
    let dates: Vec<_> = ledger.iter().map(|e| e.date.to_string()).collect();
    assert_eq!(dates, ["2026-06-01", "2026-06-03"]);
    assert_eq!(ledger[0].after, Some(3));
    assert_eq!(ledger[0].response, Response::Amber); // morning 2, then 3
    assert_eq!(ledger[1].after, Some(4));
    assert_eq!(ledger[1].response, Response::Red); // morning 2, then 4
    // A window reaching past today stops at yesterday; one starting after it is empty.
    let w = Window {
        from: date("2026-06-01"),
        to: date("2026-06-30"),
    };
    assert_eq!(build(&j, w, today).last().unwrap().date, date("2026-06-03"));
    let w = Window {
        from: today,
        to: today + Days::new(3),
    };
    assert!(build(&j, w, today).is_empty());
}

#[test]
fn absurd_but_valid_distances_do_not_panic() {
    // The store accepts any finite distance of 0 km or more; nothing here may overflow.
    let mut days = Vec::new();
    for n in 0..40u64 {
        let mut d = day("2026-05-01", vec![run(1e300, Some(Surface::Road), None); 2]);
        d.date = date("2026-05-01") + Days::new(n);
        d.morning_pain = Score::new((n % 7) as u8);
        days.push(d);
    }
    let j = journal(days);
    let today = date("2026-06-15");
    let found = stridelog::insights::analyse(&j, Window::resolve(None, None, today), today);
    assert_eq!(found.ledger.len(), 40);
    let text = stridelog::insights::render(&found, 0, stridelog::insights::Format::Json);
    assert!(text.contains("\"ledger\""));
}
