//! The rules of design section 4, one table-driven test per rule: fires, does not fire, the
//! edge of each threshold and window, missing values, and days after `today`.

use chrono::{Days, NaiveDate};
use stridelog::journal::entry::{Character, PainType, RedFlag, Run, Side, Triage};
use stridelog::journal::{DayEntry, Journal, Score};
use stridelog::rules::{Level, RULES, Verdict, evaluate};

/// A Sunday; nothing depends on the weekday here.
const TODAY: &str = "2026-11-22";

fn today() -> NaiveDate {
    TODAY.parse().unwrap()
}

/// The date `n` days before today; negative `n` is after today.
fn ago(n: i64) -> NaiveDate {
    if n >= 0 {
        today() - Days::new(n.unsigned_abs())
    } else {
        today() + Days::new(n.unsigned_abs())
    }
}

fn score(n: u8) -> Option<Score> {
    Score::new(n)
}

/// A day `n` days ago, changed by `f`.
fn day(n: i64, f: impl FnOnce(&mut DayEntry)) -> DayEntry {
    let mut d = DayEntry::new(ago(n));
    f(&mut d);
    d
}

fn worst(n: i64, pain: u8) -> DayEntry {
    day(n, |d| d.worst_pain = score(pain))
}

fn run_km(km: f64) -> Run {
    Run {
        distance_km: km,
        ..Run::default()
    }
}

fn ran(n: i64, km: f64) -> DayEntry {
    day(n, |d| d.runs.push(run_km(km)))
}

fn journal(days: Vec<DayEntry>) -> Journal {
    let mut j = Journal::default();
    for d in days {
        j.days.insert(d.date, d);
    }
    j
}

fn fired(days: Vec<DayEntry>, id: &str) -> bool {
    evaluate(&journal(days), today()).fired(id)
}

/// Checks every case of a rule's table, naming the case that fails.
fn check(id: &str, cases: Vec<(&str, Vec<DayEntry>, bool)>) {
    assert!(RULES.iter().any(|r| r.id == id), "unknown rule {id}");
    for (name, days, expected) in cases {
        let eval = evaluate(&journal(days), today());
        assert_eq!(
            eval.fired(id),
            expected,
            "rule {id}, case {name:?}: hits {:#?}",
            eval.hits
        );
        if let Some(hit) = eval.hit(id) {
            assert!(!hit.message.is_empty() && !hit.evidence.is_empty());
            assert!(!hit.source.is_empty(), "{id} has no source");
        }
    }
}

fn triage(n: i64, flags: Vec<RedFlag>, kinds: Vec<PainType>) -> DayEntry {
    day(n, |d| {
        d.triage = Some(Triage {
            red_flags: flags,
            slump: None,
            classification: kinds,
        });
    })
}

/// A triage with no red flag, `n` days ago: the check `ok-to-run` needs.
fn checked(n: i64) -> DayEntry {
    triage(n, vec![], vec![])
}

#[test]
fn red_flag() {
    let flag = || vec![RedFlag::BladderOrBowel];
    check(
        "red-flag",
        vec![
            ("flag today", vec![triage(0, flag(), vec![])], true),
            ("flag 13 days ago", vec![triage(13, flag(), vec![])], true),
            ("flag 14 days ago", vec![triage(14, flag(), vec![])], true),
            ("flag 200 days ago", vec![triage(200, flag(), vec![])], true),
            (
                "an old flag with calm days since",
                {
                    let mut days = pains(&[(0, 1), (1, 1), (2, 1)]);
                    days.push(triage(200, flag(), vec![]));
                    days
                },
                true,
            ),
            ("no flag", vec![triage(0, vec![], vec![])], false),
            (
                "a later triage without flags clears it",
                vec![triage(200, flag(), vec![]), triage(2, vec![], vec![])],
                false,
            ),
            ("flag after today", vec![triage(-1, flag(), vec![])], false),
            ("no triage", vec![worst(0, 9)], false),
            (
                "a doctor-tier flag alone is not an emergency",
                vec![triage(0, vec![RedFlag::NightPain], vec![])],
                false,
            ),
            (
                "version 1's fever-or-weight-loss counts as an emergency",
                vec![triage(30, vec![RedFlag::FeverOrWeightLoss], vec![])],
                true,
            ),
            (
                "fever is an emergency",
                vec![triage(0, vec![RedFlag::Fever], vec![])],
                true,
            ),
        ],
    );
    let eval = evaluate(&journal(vec![triage(3, flag(), vec![])]), today());
    assert_eq!(eval.verdict, Verdict::Urgent);
    assert!(eval.hits[0].evidence.contains(&ago(3).to_string()));
    assert!(
        eval.hits[0]
            .message
            .contains(stridelog::advice::URGENT_ACTION),
        "the rule's message holds the one urgent sentence"
    );
    assert!(eval.hits[0].message.contains("You reported"));
    // 200 days on, with calm days logged since, it is still the verdict.
    let mut days = pains(&[(0, 1), (1, 1), (2, 1)]);
    days.push(triage(200, flag(), vec![]));
    let eval = evaluate(&journal(days), today());
    assert_eq!(eval.verdict, Verdict::Urgent);
    assert!(!eval.fired("ok-to-run"));
}

#[test]
fn serious_signs() {
    let doctor = |n, f| triage(n, vec![f], vec![]);
    check(
        "serious-signs",
        vec![
            (
                "night pain today",
                vec![doctor(0, RedFlag::NightPain)],
                true,
            ),
            (
                "weight loss 300 days ago",
                vec![doctor(300, RedFlag::WeightLoss)],
                true,
            ),
            (
                "cancer history",
                vec![doctor(1, RedFlag::CancerHistory)],
                true,
            ),
            (
                "weakened immune system",
                vec![doctor(1, RedFlag::ImmuneSuppressed)],
                true,
            ),
            (
                "an emergency flag only",
                vec![doctor(0, RedFlag::FootDrop)],
                false,
            ),
            (
                "cleared by a newer triage",
                vec![doctor(60, RedFlag::NightPain), checked(5)],
                false,
            ),
            (
                "version 1's fever-or-weight-loss is not split",
                vec![doctor(0, RedFlag::FeverOrWeightLoss)],
                false,
            ),
        ],
    );
    let eval = evaluate(
        &journal(vec![doctor(2, RedFlag::NightPain), worst(0, 1)]),
        today(),
    );
    assert_eq!(eval.verdict, Verdict::Doctor);
    assert_eq!(eval.verdict.headline(), "See a doctor within days");
    assert!(!eval.fired("red-flag"));
    // Both tiers in one triage fire both rules; the emergency sets the verdict.
    let both = evaluate(
        &journal(vec![triage(
            1,
            vec![RedFlag::SaddleNumbness, RedFlag::CancerHistory],
            vec![],
        )]),
        today(),
    );
    assert!(both.fired("red-flag") && both.fired("serious-signs"));
    assert_eq!(both.verdict, Verdict::Urgent);
    assert_eq!(both.hits[0].id, "red-flag");
    assert_eq!(both.hits[1].id, "serious-signs");
}

#[test]
fn no_recent_check() {
    check(
        "no-recent-check",
        vec![
            ("an empty journal", vec![], true),
            (
                "calm days, no triage",
                pains(&[(0, 1), (1, 1), (2, 1)]),
                true,
            ),
            ("triage today", vec![checked(0)], false),
            ("triage 41 days ago", vec![checked(41)], false),
            ("triage 42 days ago", vec![checked(42)], true),
            ("triage after today only", vec![checked(-1)], true),
        ],
    );
    let eval = evaluate(&Journal::default(), today());
    assert_eq!(eval.verdict, Verdict::Caution);
    assert_eq!(eval.verdict.headline(), "Run with care");
    assert!(eval.hits[0].message.contains("red-flag questions"));
}

#[test]
fn bilateral_symptoms() {
    let both = |n| day(n, |d| d.side = Some(Side::Both));
    check(
        "bilateral-symptoms",
        vec![
            ("today", vec![both(0)], true),
            ("6 days ago", vec![both(6)], true),
            ("7 days ago", vec![both(7)], false),
            (
                "one side",
                vec![day(0, |d| d.side = Some(Side::Left))],
                false,
            ),
            ("after today", vec![both(-1)], false),
        ],
    );
}

#[test]
fn radiculopathy_signs() {
    let feel = |n, c| day(n, move |d| d.character = vec![Character::Dull, c]);
    let radic = |n| triage(n, vec![], vec![PainType::Radiculopathy]);
    check(
        "radiculopathy-signs",
        vec![
            (
                "numbness 6 days ago",
                vec![feel(6, Character::Numbness)],
                true,
            ),
            ("weakness today", vec![feel(0, Character::Weakness)], true),
            (
                "numbness 7 days ago",
                vec![feel(7, Character::Numbness)],
                false,
            ),
            ("tingling only", vec![feel(0, Character::Tingling)], false),
            ("triage 41 days ago", vec![radic(41)], true),
            ("triage 42 days ago", vec![radic(42)], false),
            (
                "a later triage without it replaces it",
                vec![radic(20), triage(5, vec![], vec![PainType::Referred])],
                false,
            ),
            ("triage after today", vec![radic(-1)], false),
        ],
    );
}

#[test]
fn gait_change() {
    let changed = |n| {
        day(n, |d| {
            d.runs.push(Run {
                gait_changed: Some(true),
                ..run_km(5.0)
            });
        })
    };
    check(
        "gait-change",
        vec![
            ("today", vec![changed(0)], true),
            ("6 days ago", vec![changed(6)], true),
            ("7 days ago", vec![changed(7)], false),
            ("normal gait", vec![ran(0, 5.0)], false),
            ("after today", vec![changed(-1)], false),
        ],
    );
    assert_eq!(
        evaluate(&journal(vec![changed(0)]), today()).verdict,
        Verdict::Stop
    );
}

fn run_pain(n: i64, before: Option<u8>, during: Option<u8>, after: Option<u8>) -> DayEntry {
    let s = |v: Option<u8>| v.and_then(Score::new);
    day(n, |d| {
        d.runs.push(Run {
            pain_before: s(before),
            pain_during: s(during),
            pain_after: s(after),
            ..run_km(5.0)
        });
    })
}

#[test]
fn run_pain_high() {
    check(
        "run-pain-high",
        vec![
            ("during 5", vec![run_pain(0, None, Some(5), Some(5))], false),
            ("during 6", vec![run_pain(0, None, Some(6), None)], true),
            ("after 6", vec![run_pain(0, None, Some(2), Some(6))], true),
            ("6 days ago", vec![run_pain(6, None, Some(7), None)], true),
            ("7 days ago", vec![run_pain(7, None, Some(9), None)], false),
            (
                "nothing recorded",
                vec![run_pain(0, None, None, None)],
                false,
            ),
            (
                "after today",
                vec![run_pain(-1, None, Some(9), None)],
                false,
            ),
        ],
    );
}

#[test]
fn run_pain_rising() {
    check(
        "run-pain-rising",
        vec![
            ("+2", vec![run_pain(0, Some(2), None, Some(4))], true),
            ("+1", vec![run_pain(0, Some(2), None, Some(3))], false),
            ("0 to 2", vec![run_pain(3, Some(0), None, Some(2))], true),
            (
                "before missing",
                vec![run_pain(0, None, None, Some(5))],
                false,
            ),
            (
                "after missing",
                vec![run_pain(0, Some(1), Some(5), None)],
                false,
            ),
            (
                "7 days ago",
                vec![run_pain(7, Some(1), None, Some(5))],
                false,
            ),
        ],
    );
}

#[test]
fn morning_after() {
    let run_morning = |n, m: Option<u8>| {
        day(n, move |d| {
            d.runs.push(run_km(5.0));
            d.morning_pain = m.and_then(Score::new);
        })
    };
    let morning = |n, m: u8| day(n, move |d| d.morning_pain = score(m));
    check(
        "morning-after",
        vec![
            ("higher", vec![run_morning(3, Some(2)), morning(2, 3)], true),
            ("same", vec![run_morning(3, Some(2)), morning(2, 2)], false),
            ("lower", vec![run_morning(3, Some(2)), morning(2, 1)], false),
            ("next day missing", vec![run_morning(3, Some(2))], false),
            (
                "next day without morning pain",
                vec![run_morning(3, Some(2)), worst(2, 8)],
                false,
            ),
            (
                "run day without morning pain is not zero",
                vec![run_morning(3, None), morning(2, 5)],
                false,
            ),
            (
                "run 6 days ago",
                vec![run_morning(6, Some(1)), morning(5, 2)],
                true,
            ),
            (
                "run 7 days ago",
                vec![run_morning(7, Some(1)), morning(6, 2)],
                false,
            ),
            (
                "next day after today is ignored",
                vec![run_morning(0, Some(1)), morning(-1, 5)],
                false,
            ),
            ("no run that day", vec![morning(3, 1), morning(2, 5)], false),
        ],
    );
}

#[test]
fn daily_pain_high_and_pain_moderate() {
    check(
        "daily-pain-high",
        vec![
            ("7 today", vec![worst(0, 7)], true),
            ("6 today", vec![worst(0, 6)], false),
            ("7 two days ago", vec![worst(2, 7)], true),
            ("7 three days ago", vec![worst(3, 7)], false),
            ("7 after today", vec![worst(-1, 7)], false),
        ],
    );
    check(
        "pain-moderate",
        vec![
            ("4", vec![worst(0, 2), worst(6, 4)], true),
            ("3", vec![worst(0, 3), worst(6, 3)], false),
            ("4 seven days ago", vec![worst(7, 4)], false),
            (
                "not with daily-pain-high",
                vec![worst(0, 8), worst(5, 5)],
                false,
            ),
            ("8 outside the last 3 days", vec![worst(5, 8)], true),
            ("nothing recorded", vec![day(0, |_| {})], false),
        ],
    );
}

/// Worst pain on the given days ago.
fn pains(list: &[(i64, u8)]) -> Vec<DayEntry> {
    list.iter().map(|&(n, p)| worst(n, p)).collect()
}

#[test]
fn pain_trend() {
    // Means 5.33 and 3.33: a difference of exactly 2, which floats would get wrong.
    let exact = [(0, 5), (1, 5), (2, 6), (7, 3), (8, 3), (13, 4)];
    let worse = |list: &[(i64, u8)]| fired(pains(list), "pain-trend-worsening");
    let better = |list: &[(i64, u8)]| fired(pains(list), "pain-trend-improving");
    assert!(worse(&exact));
    assert!(!better(&exact));
    assert!(worse(&[(0, 5), (3, 5), (6, 5), (7, 3), (10, 3), (13, 3)]));
    // 4.67 vs 3: 1.67 is not enough.
    assert!(!worse(&[(0, 5), (1, 5), (2, 4), (7, 3), (8, 3), (9, 3)]));
    // Only 2 values in the last 7 days, or in the 7 before.
    assert!(!worse(&[(0, 9), (1, 9), (7, 1), (8, 1), (9, 1)]));
    assert!(!worse(&[(0, 9), (1, 9), (2, 9), (8, 1), (9, 1)]));
    // A value 14 days ago is outside both windows.
    assert!(!worse(&[(0, 9), (1, 9), (2, 9), (8, 1), (9, 1), (14, 1)]));
    // Days without worst_pain do not count as zero: 4.0 against 2.0 is +2 (as zeros it would
    // be 1.7 against 2.0).
    let mut days = pains(&[(0, 4), (1, 4), (2, 4)]);
    days.extend((3..7).map(|n| day(n, |d| d.morning_pain = score(1))));
    days.extend(pains(&(7..14).map(|n| (n, 2)).collect::<Vec<_>>()));
    assert!(fired(days, "pain-trend-worsening"));
    // Improving: the mirror, at level info.
    assert!(better(&[(0, 3), (1, 3), (2, 4), (7, 5), (8, 5), (13, 6)]));
    assert!(!better(&[(0, 3), (1, 3), (2, 3), (7, 5), (8, 5), (9, 4)]));
    let eval = evaluate(
        &journal(pains(&[(0, 1), (1, 1), (2, 1), (7, 5), (8, 5), (9, 5)])),
        today(),
    );
    assert_eq!(eval.hit("pain-trend-improving").unwrap().level, Level::Info);
    assert_eq!(
        eval.verdict,
        Verdict::Caution,
        "no-recent-check sets it, not info"
    );
}

#[test]
fn long_run_spike() {
    check(
        "long-run-spike",
        vec![
            ("ratio 1.10", vec![ran(10, 6.0), ran(0, 6.6)], false),
            ("ratio 1.11", vec![ran(10, 6.0), ran(0, 6.66)], true),
            ("no earlier run", vec![ran(0, 20.0)], false),
            (
                "earlier run exactly 30 days before",
                vec![ran(30, 5.0), ran(0, 8.0)],
                true,
            ),
            (
                "earlier run 31 days before",
                vec![ran(31, 5.0), ran(0, 8.0)],
                false,
            ),
            (
                "the window follows the run's own day",
                vec![ran(36, 5.0), ran(6, 8.0)],
                true,
            ),
            ("spike 7 days ago", vec![ran(20, 5.0), ran(7, 8.0)], false),
            (
                "earlier runs of the same day do not count",
                vec![day(0, |d| d.runs = vec![run_km(5.0), run_km(8.0)])],
                false,
            ),
            (
                "a run of the last 7 days is the base of a later one",
                vec![ran(3, 6.0), ran(0, 6.7)],
                true,
            ),
            (
                "the longest earlier run is the base",
                vec![ran(20, 10.0), ran(10, 6.0), ran(0, 10.5)],
                false,
            ),
            ("after today", vec![ran(10, 6.0), ran(-1, 20.0)], false),
        ],
    );
    let eval = evaluate(&journal(vec![ran(10, 6.0), ran(2, 7.5)]), today());
    assert_eq!(
        eval.hit("long-run-spike").unwrap().evidence,
        format!(
            "{}: 7.5 km vs longest 6.0 km in the 30 days before (×1.25)",
            ago(2)
        )
    );
}

#[test]
fn weekly_jump_and_over_10() {
    let weeks = |recent: f64, before: f64| vec![ran(7, before), ran(0, recent)];
    let both = |recent, before| {
        let eval = evaluate(&journal(weeks(recent, before)), today());
        (eval.fired("weekly-jump"), eval.fired("weekly-over-10"))
    };
    assert_eq!(both(13.1, 10.0), (true, false), "1.31");
    assert_eq!(both(13.0, 10.0), (false, true), "1.30");
    assert_eq!(both(11.1, 10.0), (false, true), "1.11");
    assert_eq!(both(11.0, 10.0), (false, false), "1.10");
    assert_eq!(both(5.0, 10.0), (false, false), "less");
    // Nothing run in the 7 days before: no ratio.
    assert_eq!(
        (
            fired(vec![ran(0, 30.0)], "weekly-jump"),
            fired(vec![ran(0, 30.0)], "weekly-over-10")
        ),
        (false, false)
    );
    // Sums of several runs; 13 and 6 days ago are the window edges; 14 days ago is outside.
    let days = vec![
        ran(14, 50.0),
        ran(13, 5.0),
        ran(7, 5.0),
        ran(6, 7.0),
        ran(0, 6.1),
    ];
    assert!(fired(days, "weekly-jump"));
    // A run after today does not count.
    assert!(!fired(
        vec![ran(7, 10.0), ran(0, 10.0), ran(-1, 10.0)],
        "weekly-jump"
    ));
    // Two shorter runs make the same 1.3: no single run spikes, only info fires.
    let eval = evaluate(
        &journal(vec![ran(7, 10.0), ran(1, 6.5), ran(0, 6.5)]),
        today(),
    );
    assert!(eval.fired("weekly-over-10"));
    let eval = evaluate(
        &journal(with_check(vec![ran(7, 10.0), ran(1, 6.6), ran(0, 6.6)])),
        today(),
    );
    assert_eq!(eval.hits.len(), 1, "{:#?}", eval.hits);
    assert_eq!(eval.hits[0].id, "weekly-jump");
    assert_eq!(eval.hits[0].level, Level::Info);
    assert_eq!(
        eval.verdict,
        Verdict::Unknown,
        "info never sets the verdict: a weekly jump alone is information"
    );
}

#[test]
fn not_ready_to_run() {
    let radicular = |n| triage(n, vec![], vec![PainType::Radicular]);
    let meds = |n| day(n, |d| d.pain_medication = Some(true));
    let limited = |n, v| day(n, move |d| d.normal_activities = Some(v));
    check(
        "not-ready-to-run",
        vec![
            ("on medication", vec![radicular(10), meds(0)], true),
            (
                "not at normal activities",
                vec![radicular(10), limited(0, false)],
                true,
            ),
            (
                "back to normal",
                vec![radicular(10), limited(0, true)],
                false,
            ),
            (
                "normal activities not recorded",
                vec![radicular(10), day(0, |_| {})],
                false,
            ),
            ("triage 41 days ago", vec![radicular(41), meds(0)], true),
            ("triage 42 days ago", vec![radicular(42), meds(0)], false),
            (
                "referred, not radicular",
                vec![triage(10, vec![], vec![PainType::Referred]), meds(0)],
                false,
            ),
            (
                "only the latest logged day counts",
                vec![radicular(10), meds(3), limited(1, true)],
                false,
            ),
            (
                "latest logged day on or before today",
                vec![radicular(10), meds(3), limited(-1, true)],
                true,
            ),
            (
                "the triage day itself",
                vec![day(2, |d| {
                    d.pain_medication = Some(true);
                    d.triage = Some(Triage {
                        classification: vec![PainType::Radicular, PainType::Referred],
                        ..Triage::default()
                    });
                })],
                true,
            ),
        ],
    );
}

#[test]
fn six_weeks() {
    // One value of 3 in each window `today-7k-6 ..= today-7k`, at its oldest day.
    let edges: Vec<(i64, u8)> = (0..6).map(|k| (7 * k + 6, 3)).collect();
    assert!(fired(pains(&edges), "six-weeks"));
    let mut newest: Vec<(i64, u8)> = (0..6).map(|k| (7 * k, 4)).collect();
    assert!(fired(pains(&newest), "six-weeks"));
    // The oldest value moved from 35 to 42 days ago: the sixth window is empty.
    newest[5].0 = 42;
    assert!(!fired(pains(&newest), "six-weeks"));
    // One window's highest is 2.
    let mut low = edges.clone();
    low[2].1 = 2;
    assert!(!fired(pains(&low), "six-weeks"));
    // A window with days logged but no worst_pain is not a zero, but it is no evidence either.
    let mut days = pains(&edges[..5]);
    days.push(day(40, |d| d.morning_pain = score(6)));
    assert!(!fired(days, "six-weeks"));
}

#[test]
fn sleep_disturbed() {
    let bad = |n| day(n, |d| d.sleep_disturbed = Some(true));
    check(
        "sleep-disturbed",
        vec![
            ("3 nights", vec![bad(0), bad(3), bad(6)], true),
            ("2 nights", vec![bad(0), bad(3)], false),
            (
                "one of 3 is 7 days ago",
                vec![bad(0), bad(3), bad(7)],
                false,
            ),
            ("one of 3 after today", vec![bad(0), bad(3), bad(-1)], false),
        ],
    );
}

/// `days` with a clean red-flag check 10 days ago.
fn with_check(mut days: Vec<DayEntry>) -> Vec<DayEntry> {
    days.push(checked(10));
    days
}

#[test]
fn ok_to_run() {
    check(
        "ok-to-run",
        vec![
            (
                "3 low days",
                with_check(pains(&[(0, 1), (3, 3), (6, 0)])),
                true,
            ),
            (
                "3 low days without a red-flag check",
                pains(&[(0, 1), (3, 3), (6, 0)]),
                false,
            ),
            (
                "the check 41 days ago",
                {
                    let mut days = pains(&[(0, 1), (3, 3), (6, 0)]);
                    days.push(checked(41));
                    days
                },
                true,
            ),
            (
                "the check 42 days ago",
                {
                    let mut days = pains(&[(0, 1), (3, 3), (6, 0)]);
                    days.push(checked(42));
                    days
                },
                false,
            ),
            ("2 low days", with_check(pains(&[(0, 1), (3, 3)])), false),
            (
                "one day at 4",
                with_check(pains(&[(0, 1), (3, 4), (6, 0)])),
                false,
            ),
            (
                "a day outside the 7",
                with_check(pains(&[(0, 1), (3, 2), (7, 0)])),
                false,
            ),
            (
                "days without worst_pain do not count",
                with_check(vec![
                    worst(0, 1),
                    worst(1, 1),
                    day(2, |d| d.morning_pain = score(0)),
                ]),
                false,
            ),
            (
                "not after a doctor-tier flag",
                {
                    let mut days = pains(&[(0, 1), (3, 3), (6, 0)]);
                    days.push(triage(5, vec![RedFlag::NightPain], vec![]));
                    days
                },
                false,
            ),
            (
                "not after a stop rule",
                {
                    let mut days = with_check(pains(&[(0, 1), (3, 3), (6, 0)]));
                    days.push(day(1, |d| {
                        d.runs.push(Run {
                            gait_changed: Some(true),
                            ..run_km(3.0)
                        });
                    }));
                    days
                },
                false,
            ),
        ],
    );
    // With a caution rule it still fires, and caution is the verdict.
    let mut days = with_check(pains(&[(0, 1), (3, 3), (6, 0)]));
    days.push(day(2, |d| d.character = vec![Character::Numbness]));
    let eval = evaluate(&journal(days), today());
    assert!(eval.fired("ok-to-run"));
    assert_eq!(eval.verdict, Verdict::Caution);
}

#[test]
fn verdict_is_unknown_without_data() {
    // A recent clean check, but too few pain entries for a verdict.
    let eval = evaluate(&journal(vec![checked(3), worst(0, 1)]), today());
    assert_eq!(eval.verdict, Verdict::Unknown);
    assert!(eval.hits.is_empty(), "{:#?}", eval.hits);
    assert_eq!(eval.verdict.headline(), "Log a few more days");
}

#[test]
fn unanswered_is_never_no_and_never_yes() {
    // Three nights unanswered, two disturbed: not enough for sleep-disturbed.
    let days = vec![
        day(0, |d| d.sleep_disturbed = Some(true)),
        day(1, |d| d.sleep_disturbed = Some(true)),
        day(2, |d| d.sleep_disturbed = None),
        day(3, |d| d.sleep_disturbed = Some(false)),
    ];
    assert!(!fired(days.clone(), "sleep-disturbed"));
    let mut three = days;
    three.push(day(4, |d| d.sleep_disturbed = Some(true)));
    assert!(fired(three, "sleep-disturbed"));
    // Medication unanswered does not block a radicular runner; answered yes does.
    let radicular = triage(5, vec![], vec![PainType::Radicular]);
    let unanswered = vec![radicular.clone(), day(0, |d| d.pain_medication = None)];
    assert!(!fired(unanswered, "not-ready-to-run"));
    let yes = vec![radicular, day(0, |d| d.pain_medication = Some(true))];
    assert!(fired(yes, "not-ready-to-run"));
    // A run with gait unanswered is not a gait change.
    assert!(!fired(
        vec![day(0, |d| d.runs.push(run_km(5.0)))],
        "gait-change"
    ));
}

#[test]
fn a_journal_of_version_1_and_version_2_files_is_read_as_one() {
    use stridelog::journal::entry::parse_day;
    let v1_flag = parse_day(
        &format!(
            "(version: 1, date: \"{}\", pain_medication: false,\n triage: Some((red_flags: [FeverOrWeightLoss])))",
            ago(90)
        ),
        None,
    )
    .unwrap();
    let v2_calm = parse_day(
        &format!(
            "(version: 2, date: \"{}\", worst_pain: Some(1), sleep_disturbed: None)",
            ago(1)
        ),
        None,
    )
    .unwrap();
    let eval = evaluate(&journal(vec![v1_flag.clone(), v2_calm.clone()]), today());
    assert_eq!(eval.verdict, Verdict::Urgent, "{:#?}", eval.hits);
    assert!(
        eval.hit("red-flag")
            .unwrap()
            .evidence
            .contains("fever or unexplained weight loss")
    );
    // A newer version-2 triage that answers no clears the version-1 flag.
    let v2_clear = parse_day(
        &format!(
            "(version: 2, date: \"{}\", triage: Some((red_flags: [])))",
            ago(2)
        ),
        None,
    )
    .unwrap();
    let eval = evaluate(&journal(vec![v1_flag, v2_calm, v2_clear]), today());
    assert!(!eval.fired("red-flag"));
}

#[test]
fn hits_are_ordered_by_level_then_table() {
    let days = vec![
        worst(20, 1),
        // Against the 5 km run 7 days ago: long-run-spike (caution) and weekly-over-10 (info).
        day(0, |d| {
            d.runs.push(Run {
                pain_during: score(7),
                gait_changed: Some(true),
                ..run_km(5.6)
            });
            d.side = Some(Side::Both);
            d.sleep_disturbed = Some(true);
        }),
        triage(1, vec![RedFlag::FootDrop, RedFlag::NightPain], vec![]),
        day(2, |d| d.sleep_disturbed = Some(true)),
        day(3, |d| d.sleep_disturbed = Some(true)),
        ran(7, 5.0),
    ];
    let eval = evaluate(&journal(days), today());
    let ids: Vec<&str> = eval.hits.iter().map(|h| h.id).collect();
    assert_eq!(
        ids,
        [
            "red-flag",
            "serious-signs",
            "bilateral-symptoms",
            "gait-change",
            "run-pain-high",
            "long-run-spike",
            "sleep-disturbed",
            "weekly-over-10",
        ]
    );
    assert_eq!(eval.verdict, Verdict::Urgent);
    // Levels never go up along the list.
    let ranks: Vec<u8> = eval.hits.iter().map(|h| h.level.rank()).collect();
    assert!(ranks.windows(2).all(|w| w[0] <= w[1]));
}

#[test]
fn verdict_is_the_highest_level() {
    let caution = with_check(vec![day(0, |d| d.character = vec![Character::Weakness])]);
    assert_eq!(
        evaluate(&journal(caution), today()).verdict,
        Verdict::Caution
    );
    let stop = pains(&[(0, 7)]);
    assert_eq!(evaluate(&journal(stop), today()).verdict, Verdict::Stop);
    let both_legs = with_check(vec![day(0, |d| d.side = Some(Side::Both))]);
    assert_eq!(
        evaluate(&journal(both_legs), today()).verdict,
        Verdict::Stop,
        "both legs logged on the Log tab: rest from running"
    );
    let doctor = vec![triage(0, vec![RedFlag::ImmuneSuppressed], vec![])];
    assert_eq!(evaluate(&journal(doctor), today()).verdict, Verdict::Doctor);
    let ok = with_check(pains(&[(0, 2), (1, 2), (2, 2)]));
    assert_eq!(evaluate(&journal(ok), today()).verdict, Verdict::Ok);
}

#[test]
fn every_rule_level_matches_the_design_table() {
    let expected = [
        ("red-flag", Level::Urgent),
        ("serious-signs", Level::Doctor),
        ("bilateral-symptoms", Level::Stop),
        ("radiculopathy-signs", Level::Caution),
        ("gait-change", Level::Stop),
        ("run-pain-high", Level::Stop),
        ("run-pain-rising", Level::Caution),
        ("morning-after", Level::Caution),
        ("daily-pain-high", Level::Stop),
        ("pain-moderate", Level::Caution),
        ("pain-trend-worsening", Level::Stop),
        ("pain-trend-improving", Level::Info),
        ("long-run-spike", Level::Caution),
        ("weekly-jump", Level::Info),
        ("weekly-over-10", Level::Info),
        ("not-ready-to-run", Level::Stop),
        ("six-weeks", Level::Caution),
        ("sleep-disturbed", Level::Caution),
        ("no-recent-check", Level::Caution),
        ("ok-to-run", Level::Ok),
    ];
    let table: Vec<(&str, Level)> = RULES.iter().map(|r| (r.id, r.level)).collect();
    assert_eq!(table, expected);
}

/// A deterministic pseudo-random journal: `days` days ending 20 days after today, with gaps,
/// runs, pains, triages and flags.
fn noisy_journal(days: i64, mut seed: u64) -> Journal {
    let mut next = move |m: u64| {
        seed = seed
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (seed >> 33) % m
    };
    let mut list = Vec::new();
    for n in -20..days {
        if next(5) == 0 {
            continue;
        }
        list.push(day(n, |d| {
            d.worst_pain = (next(4) > 0).then(|| Score::new(next(11) as u8).unwrap());
            d.morning_pain = (next(3) > 0).then(|| Score::new(next(8) as u8).unwrap());
            d.sleep_disturbed = Some(next(6) == 0);
            d.pain_medication = Some(next(8) == 0);
            d.normal_activities = [None, Some(true), Some(false)][next(3) as usize];
            d.side = (next(20) == 0).then_some(Side::Both);
            for _ in 0..next(3) {
                d.runs.push(Run {
                    distance_km: next(150) as f64 / 10.0,
                    pain_before: Score::new(next(12) as u8),
                    pain_during: Score::new(next(12) as u8),
                    pain_after: Score::new(next(12) as u8),
                    gait_changed: Some(next(25) == 0),
                    ..Run::default()
                });
            }
            if next(15) == 0 {
                d.triage = Some(Triage {
                    red_flags: if next(4) == 0 {
                        vec![RedFlag::FootDrop]
                    } else {
                        vec![]
                    },
                    slump: None,
                    classification: vec![
                        [
                            PainType::Radicular,
                            PainType::Radiculopathy,
                            PainType::Referred,
                        ][next(3) as usize],
                    ],
                });
            }
        }));
    }
    journal(list)
}

/// What the first screen reads (`rules::WINDOW_DAYS` and the latest triage) is all the rules
/// need: the verdict and every reason are the same as on the whole journal.
#[test]
fn rules_only_read_the_last_42_days_the_latest_triage_and_nothing_after_today() {
    let window = i64::try_from(stridelog::rules::WINDOW_DAYS).unwrap();
    assert_eq!(window, 42);
    for seed in 0..200 {
        let full = noisy_journal(400, seed);
        let mut trimmed = Journal::default();
        for (date, d) in full.days.range(ago(window - 1)..=today()) {
            trimmed.days.insert(*date, d.clone());
        }
        if let Some((date, d)) = full
            .days
            .range(..=today())
            .rev()
            .find(|(_, d)| d.triage.is_some())
        {
            trimmed.days.insert(*date, d.clone());
        }
        assert_eq!(
            evaluate(&full, today()),
            evaluate(&trimmed, today()),
            "seed {seed}"
        );
    }
}

#[test]
fn format_km_keeps_one_or_two_decimals() {
    use stridelog::rules::format_km;
    assert_eq!(format_km(6.0), "6.0");
    assert_eq!(format_km(7.5), "7.5");
    assert_eq!(format_km(6.45), "6.45");
    assert_eq!(format_km(21.404), "21.4");
}

#[test]
fn evidence_follows_the_runners_unit_and_thresholds_do_not() {
    use stridelog::journal::settings::Units;
    use stridelog::rules::evaluate_in;
    let days = vec![ran(10, 6.0), ran(2, 7.5)];
    let miles = evaluate_in(&journal(days.clone()), today(), Units::Miles);
    let km = evaluate(&journal(days), today());
    assert_eq!(miles.fired("long-run-spike"), km.fired("long-run-spike"));
    let evidence = &miles.hit("long-run-spike").unwrap().evidence;
    assert!(
        evidence.contains("4.66 mi vs longest 3.73 mi"),
        "{evidence}"
    );
    assert!(!evidence.contains("km"), "{evidence}");
}
