//! Weekly aggregates over ISO weeks (Monday to Sunday) for the report and the Trends charts,
//! and the distance run in each pair of shoes.

use super::back;
use crate::journal::{Journal, Score};
use chrono::{Datelike, Days, NaiveDate};
use std::collections::BTreeMap;

/// One ISO week of the journal, counting only days up to `today` (design section 5).
/// A mean or maximum with no data is `None`, never zero.
#[derive(Debug, Clone, PartialEq)]
pub struct WeekSummary {
    /// The Monday.
    pub start: NaiveDate,
    /// The Sunday (even when `today` falls earlier in the week).
    pub end: NaiveDate,
    /// Day files of the week.
    pub days_logged: usize,
    pub runs: usize,
    /// Sum of the runs' distances, in kilometres.
    pub distance_km: f64,
    /// Mean of the recorded `worst_pain` values.
    pub mean_worst_pain: Option<f64>,
    /// Mean of the recorded `morning_pain` values.
    pub mean_morning_pain: Option<f64>,
    /// The highest `pain_during` or `pain_after` of the week's runs.
    pub max_run_pain: Option<u8>,
    /// Routine sessions.
    pub routines: usize,
    /// Mean of the recorded `pain_during` values of the week's runs (for the Trends chart;
    /// not part of the JSON report).
    pub mean_run_pain: Option<f64>,
}

/// The Monday of the ISO week of `date`.
#[must_use]
pub fn week_start(date: NaiveDate) -> NaiveDate {
    back(date, u64::from(date.weekday().num_days_from_monday()))
}

/// The last `n` ISO weeks, ending with the week of `today`, oldest first. Days after `today`
/// are not counted.
#[must_use]
pub fn weeks(journal: &Journal, today: NaiveDate, n: usize) -> Vec<WeekSummary> {
    let this_monday = week_start(today);
    (0..n as u64)
        .rev()
        .map(|k| summarise(journal, back(this_monday, 7 * k), today))
        .collect()
}

fn mean(sum: u32, count: u32) -> Option<f64> {
    (count > 0).then(|| f64::from(sum) / f64::from(count))
}

fn summarise(journal: &Journal, start: NaiveDate, today: NaiveDate) -> WeekSummary {
    let end = start
        .checked_add_days(Days::new(6))
        .unwrap_or(NaiveDate::MAX);
    let mut week = WeekSummary {
        start,
        end,
        days_logged: 0,
        runs: 0,
        distance_km: 0.0,
        mean_worst_pain: None,
        mean_morning_pain: None,
        max_run_pain: None,
        routines: 0,
        mean_run_pain: None,
    };
    let (mut worst, mut morning, mut during) = ((0, 0), (0, 0), (0, 0));
    let add = |acc: &mut (u32, u32), value: Option<Score>| {
        if let Some(v) = value {
            acc.0 += u32::from(v.get());
            acc.1 += 1;
        }
    };
    for day in journal.range(start, end.min(today)) {
        week.days_logged += 1;
        week.routines += day.routines.len();
        add(&mut worst, day.worst_pain);
        add(&mut morning, day.morning_pain);
        for run in &day.runs {
            week.runs += 1;
            week.distance_km += run.distance_km;
            week.max_run_pain = week.max_run_pain.max(run.max_run_pain().map(Score::get));
            add(&mut during, run.pain_during);
        }
    }
    week.mean_worst_pain = mean(worst.0, worst.1);
    week.mean_morning_pain = mean(morning.0, morning.1);
    week.mean_run_pain = mean(during.0, during.1);
    week
}

/// Total distance run in each pair of shoes, in kilometres, longest first (then by name).
/// Runs without shoes are left out.
#[must_use]
pub fn shoe_distances(journal: &Journal) -> Vec<(String, f64)> {
    let mut totals: BTreeMap<&str, f64> = BTreeMap::new();
    for run in journal.days.values().flat_map(|d| &d.runs) {
        if let Some(shoes) = run.shoes.as_deref() {
            *totals.entry(shoes).or_default() += run.distance_km;
        }
    }
    let mut list: Vec<(String, f64)> = totals
        .into_iter()
        .map(|(name, km)| (name.to_owned(), km))
        .collect();
    list.sort_by(|a, b| b.1.total_cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    list
}
