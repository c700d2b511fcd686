//! `stridelog export`: the journal for a spreadsheet, a physiotherapist or a script.
//!
//! CSV: one row per logged day, runs summed, an empty cell for anything not recorded. JSON: an
//! array of full days with the day file's fields (reading it back gives the same days).
//! Unreadable files are listed on stderr and left out; the exit status stays 0.

use crate::journal::entry::DayEntry;
use crate::journal::store::{FsStore, Scope, Store};
use chrono::{Datelike, NaiveDate};
use clap::ValueEnum;
use std::io::{self, Write};
use std::path::Path;

/// What `stridelog export` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    /// One row per day, runs summed, for a spreadsheet or a physiotherapist.
    Csv,
    /// Every day in full, as an array of day objects (the day-file fields).
    Json,
}

/// The CSV header, in order (documented in the README).
pub const CSV_COLUMNS: [&str; 21] = [
    "date",
    "morning_pain",
    "worst_pain",
    "runs",
    "distance_km",
    "duration_s",
    "max_run_pain",
    "gait_changed_any",
    "pain_medication",
    "normal_activities",
    "sleep_hours",
    "sleep_disturbed",
    "sitting_hours",
    "stress",
    "heat_minutes",
    "ice_minutes",
    "routines",
    "red_flags",
    "slump",
    "classification",
    "notes",
];

/// `true` when a run of the day changed the gait, `false` when every answered run did not,
/// empty when no run was answered.
fn gait_changed_any(day: &DayEntry) -> Option<bool> {
    let answers = day.runs.iter().filter_map(|r| r.gait_changed);
    answers.reduce(|a, b| a || b)
}

fn opt<T: ToString>(value: Option<T>) -> String {
    value.map(|v| v.to_string()).unwrap_or_default()
}

/// A number with at most `decimals` decimals and no trailing zeros (`10.3`, `7`, `5.125`).
fn number(value: f64, decimals: usize) -> String {
    // Adding +0.0 turns -0.0 (the sum of no runs) into 0.0, so an empty day shows `0`.
    let value = value + 0.0;
    let text = format!("{value:.decimals$}");
    if text.contains('.') {
        text.trim_end_matches('0').trim_end_matches('.').to_owned()
    } else {
        text
    }
}

fn list<T: std::fmt::Debug>(items: &[T]) -> String {
    items
        .iter()
        .map(|i| format!("{i:?}"))
        .collect::<Vec<_>>()
        .join("; ")
}

/// The CSV cells of one day, in [`CSV_COLUMNS`] order.
pub fn csv_row(day: &DayEntry) -> Vec<String> {
    let durations: Vec<u32> = day.runs.iter().filter_map(|r| r.duration_s).collect();
    let duration =
        (!durations.is_empty()).then(|| durations.iter().map(|&s| u64::from(s)).sum::<u64>());
    let max_run_pain = day
        .runs
        .iter()
        .filter_map(crate::journal::entry::Run::max_run_pain)
        .max();
    let triage = day.triage.as_ref();
    vec![
        day.date.to_string(),
        opt(day.morning_pain),
        opt(day.worst_pain),
        day.runs.len().to_string(),
        number(day.distance_km(), 3),
        opt(duration),
        opt(max_run_pain),
        opt(gait_changed_any(day)),
        opt(day.pain_medication),
        opt(day.normal_activities),
        day.sleep_hours.map(|h| number(h, 2)).unwrap_or_default(),
        opt(day.sleep_disturbed),
        day.sitting_hours.map(|h| number(h, 2)).unwrap_or_default(),
        opt(day.stress),
        opt(day.heat_minutes),
        opt(day.ice_minutes),
        day.routines.len().to_string(),
        triage.map(|t| list(&t.red_flags)).unwrap_or_default(),
        triage
            .and_then(|t| t.slump)
            .map(|s| format!("{s:?}"))
            .unwrap_or_default(),
        triage.map(|t| list(&t.classification)).unwrap_or_default(),
        crate::text::csv_text(&day.notes),
    ]
}

/// Writes `days` as CSV with a header row.
pub fn write_csv<'a>(
    days: impl IntoIterator<Item = &'a DayEntry>,
    out: &mut impl Write,
) -> io::Result<()> {
    let mut writer = csv::Writer::from_writer(out);
    writer.write_record(CSV_COLUMNS)?;
    for day in days {
        writer.write_record(csv_row(day))?;
    }
    writer.flush()
}

/// Writes `days` as a JSON array of day objects.
pub fn write_json<'a>(
    days: impl IntoIterator<Item = &'a DayEntry>,
    out: &mut impl Write,
) -> io::Result<()> {
    let days: Vec<&DayEntry> = days.into_iter().collect();
    serde_json::to_writer_pretty(&mut *out, &days)?;
    writeln!(out)
}

/// Exports the days from `from` to `to` (both optional, inclusive). Reads only the years from
/// `from` on. Unreadable files in range are listed on `warn`.
pub fn run(
    data_dir: &Path,
    format: ExportFormat,
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
    out: &mut impl Write,
    warn: &mut impl Write,
) -> io::Result<()> {
    let mut store = FsStore::open_read_only(data_dir);
    let scope = from.map_or(Scope::All, |d| Scope::From(d.year()));
    let journal = store.load(scope)?;
    let from = from.unwrap_or(NaiveDate::MIN);
    let to = to.unwrap_or(NaiveDate::MAX);
    let in_range = |d: NaiveDate| from <= d && d <= to;
    let days: Vec<&DayEntry> = journal.days.values().filter(|d| in_range(d.date)).collect();
    let left_out: Vec<_> = journal
        .problems
        .iter()
        .filter(|p| {
            p.date.is_none_or(in_range) && !p.date.is_some_and(|d| journal.days.contains_key(&d))
        })
        .collect();
    for problem in &left_out {
        writeln!(
            warn,
            "warning: {}: {} (not exported)",
            crate::text::escape_controls(&data_dir.join(&problem.path).display().to_string()),
            crate::text::escape_controls(&problem.error)
        )?;
    }
    match format {
        ExportFormat::Csv => write_csv(days, out),
        ExportFormat::Json => write_json(days, out),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::journal::entry::{Run, Score};

    #[test]
    fn runs_are_summed_and_missing_values_are_empty() {
        let mut day = DayEntry::new("2026-03-01".parse().unwrap());
        day.runs = vec![
            Run {
                distance_km: 5.1,
                duration_s: Some(1800),
                pain_during: Score::new(3),
                ..Run::default()
            },
            Run {
                distance_km: 5.2,
                pain_after: Score::new(5),
                gait_changed: Some(true),
                ..Run::default()
            },
        ];
        day.notes = "line one, \"quoted\"\nline two".into();
        let row = csv_row(&day);
        assert_eq!(row.len(), CSV_COLUMNS.len());
        assert_eq!(&row[1..8], ["", "", "2", "10.3", "1800", "5", "true"]);
        let mut bytes = Vec::new();
        write_csv([&day], &mut bytes).unwrap();
        let text = String::from_utf8(bytes).unwrap();
        assert!(
            text.ends_with("\"line one, \"\"quoted\"\"\nline two\"\n"),
            "{text}"
        );
        let empty = csv_row(&DayEntry::new(day.date));
        assert_eq!(&empty[3..7], ["0", "0", "", ""]);
        assert_eq!(&empty[7..9], ["", ""], "unanswered is not \"no\"");
        assert_eq!(number(-0.0, 3), "0");
        assert_eq!(number(7.0, 2), "7");
    }
}
