//! Reading and writing day files: versions, errors with positions, round trips.

use super::*;
use chrono::NaiveTime;

fn date(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

#[test]
fn minimal_file_needs_only_version_and_date() {
    let day = parse_day(
        "(version: 2, date: \"2026-11-22\")",
        Some(date("2026-11-22")),
    )
    .unwrap();
    assert_eq!(day, DayEntry::new(date("2026-11-22")));
    assert!(day.is_empty());
}

#[test]
fn pain_above_ten_names_field_and_position() {
    let err = parse_day(
        "(version: 1, date: \"2026-11-22\",\n worst_pain: Some(11))",
        None,
    )
    .unwrap_err();
    assert_eq!(err.kind, ParseErrorKind::Invalid);
    assert!(err.message.starts_with("2:"), "{}", err.message);
    assert!(err.message.contains("worst_pain"), "{}", err.message);
    assert!(err.message.contains("0 to 10"), "{}", err.message);
}

#[test]
fn implicit_some_accepts_bare_numbers() {
    let day = parse_day("(version: 1, date: \"2026-11-22\", worst_pain: 5)", None).unwrap();
    assert_eq!(day.worst_pain, Score::new(5));
}

#[test]
fn unknown_field_is_an_error_that_names_it() {
    let err = parse_day(
        "(version: 1, date: \"2026-11-22\", worts_pain: Some(3))",
        None,
    )
    .unwrap_err();
    assert!(err.message.contains("worts_pain"), "{}", err.message);
}

#[test]
fn date_must_match_file_name_even_when_written_loosely() {
    let err = parse_day(
        "(version: 1, date: \"2026-6-30\")",
        Some(date("2026-07-01")),
    )
    .unwrap_err();
    assert_eq!(err.kind, ParseErrorKind::DateMismatch);
    assert!(
        parse_day(
            "(version: 1, date: \"2026-6-30\")",
            Some(date("2026-06-30"))
        )
        .is_ok()
    );
}

#[test]
fn negative_distance_is_refused_not_clamped() {
    let err = parse_day(
        "(version: 1, date: \"2026-11-22\", runs: [(distance_km: -3.0)])",
        None,
    )
    .unwrap_err();
    assert!(
        err.message.contains("runs[0].distance_km"),
        "{}",
        err.message
    );
}

#[test]
fn newer_version_with_unknown_fields_is_reported_as_newer() {
    let err = parse_day("(version: 3, date: \"2026-11-22\", mood: Some(3))", None).unwrap_err();
    assert_eq!(err.kind, ParseErrorKind::NewerVersion(3));
}

#[test]
fn empty_file_is_its_own_error() {
    assert_eq!(
        parse_day("  \n", None).unwrap_err().kind,
        ParseErrorKind::Empty
    );
}

#[test]
fn format_writes_no_struct_names_and_reads_back() {
    let mut day = DayEntry::new(date("2026-11-22"));
    day.worst_pain = Score::new(4);
    day.runs.push(Run {
        distance_km: 6.4,
        ..Run::default()
    });
    let text = format_day(&day);
    assert!(
        !text.contains("DayEntry") && !text.contains("Run("),
        "{text}"
    );
    assert_eq!(parse_day(&text, Some(day.date)).unwrap(), day);
}

#[test]
fn version_1_yes_no_reads_explicit_false_as_no_and_missing_as_unanswered() {
    let day = parse_day(
        "(version: 1, date: \"2026-11-22\", pain_medication: false,\n runs: [(distance_km: 5.0, gait_changed: true)])",
        None,
    )
    .unwrap();
    assert_eq!(day.pain_medication, Some(false));
    assert_eq!(day.sleep_disturbed, None);
    assert_eq!(day.runs[0].gait_changed, Some(true));
}

#[test]
fn version_2_file_of_the_design_parses() {
    let text = r#"(
version: 2,
date: "2026-11-30",
pain_medication: None,
sleep_disturbed: Some(false),
runs: [(distance_km: 8.02, duration_s: Some(2890), start: Some("07:12:00"),
        name: Some("Morning Run"), source: Some("strava:12873491"), gait_changed: None)],
triage: Some((red_flags: [NightPain], slump: None, classification: [])),
)"#;
    let day = parse_day(text, Some(date("2026-11-30"))).unwrap();
    assert_eq!(day.sleep_disturbed, Some(false));
    assert_eq!(day.pain_medication, None);
    let run = &day.runs[0];
    assert_eq!(run.start, NaiveTime::from_hms_opt(7, 12, 0));
    assert_eq!(run.name.as_deref(), Some("Morning Run"));
    assert_eq!(run.source.as_deref(), Some("strava:12873491"));
    assert_eq!(day.triage.unwrap().red_flags[0].tier(), FlagTier::Doctor);
}

#[test]
fn saving_a_version_1_day_writes_version_2_with_the_same_values() {
    let text = "(version: 1, date: \"2026-11-22\", worst_pain: Some(4), sleep_disturbed: false,\n triage: Some((red_flags: [FeverOrWeightLoss])))";
    let day = parse_day(text, None).unwrap();
    assert_eq!(day.version, 1);
    let written = format_day(&day);
    assert!(written.contains("version: 2"), "{written}");
    let again = parse_day(&written, None).unwrap();
    assert_eq!(again.version, FORMAT_VERSION);
    assert_eq!(
        DayEntry {
            version: 1,
            ..again
        },
        day
    );
}

#[test]
fn fever_or_weight_loss_from_version_1_counts_as_an_emergency() {
    assert_eq!(RedFlag::FeverOrWeightLoss.tier(), FlagTier::Emergency);
    assert_eq!(RedFlag::Fever.tier(), FlagTier::Emergency);
    assert_eq!(RedFlag::WeightLoss.tier(), FlagTier::Doctor);
}
