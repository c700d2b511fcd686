//! The response ledger: one entry per run day, scored by the pain-monitoring model (pain
//! during and after the run) and the next morning (design section 10).

use super::Window;
use crate::journal::{DayEntry, Journal, Score};
use chrono::NaiveDate;
use serde::Serialize;

/// How a run day went, from the run's pain and the next morning.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Response {
    /// Run pain at most 3 and the next morning no worse than the morning before.
    Green,
    /// Run pain 4 or 5, or the next morning a little worse.
    Amber,
    /// Run pain above 5, a changed gait, the next morning above 5 or 2 points worse.
    Red,
    /// Not enough recorded to tell.
    Unknown,
}

impl Response {
    /// Green, amber or red (the entries the factors compare).
    #[must_use]
    pub fn is_classified(self) -> bool {
        self != Response::Unknown
    }

    /// Amber or red: the run day went with more pain.
    #[must_use]
    pub fn is_non_green(self) -> bool {
        matches!(self, Response::Amber | Response::Red)
    }

    /// The design's scoring, first match wins: red, then amber, then green (both mornings
    /// recorded), else unknown. A missing value never counts as zero pain.
    #[must_use]
    pub fn score(
        max_run_pain: Option<u8>,
        gait: Gait,
        before: Option<u8>,
        after: Option<u8>,
    ) -> Self {
        let mornings = before.zip(after);
        if max_run_pain.is_some_and(|p| p > 5)
            || gait == Gait::Changed
            || after.is_some_and(|a| a > 5)
            || mornings.is_some_and(|(b, a)| a >= b + 2)
        {
            Response::Red
        } else if max_run_pain.is_some_and(|p| p >= 4) || mornings.is_some_and(|(b, a)| a > b) {
            Response::Amber
        } else if mornings.is_some() {
            Response::Green
        } else {
            Response::Unknown
        }
    }
}

/// Whether a run of the day had to change how it was run to cope with the pain.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gait {
    /// A run has `gait_changed: Some(true)`.
    Changed,
    /// No run says so (answered no, or not answered).
    NotReported,
}

/// One run day of the ledger (the JSON object of design section 10, in its key order).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LedgerEntry {
    pub date: NaiveDate,
    /// Runs on the day.
    pub runs: usize,
    /// Their summed distance, in kilometres.
    pub distance_km: f64,
    /// The highest `pain_during` or `pain_after` of the day's runs.
    pub max_run_pain: Option<u8>,
    /// Morning pain on the day.
    pub before: Option<u8>,
    /// Morning pain on the next day.
    pub after: Option<u8>,
    pub response: Response,
}

/// The ledger entry of a run day, given its next day (if logged). `None` for a day without
/// runs.
#[must_use]
pub fn entry(day: &DayEntry, next: Option<&DayEntry>) -> Option<LedgerEntry> {
    if day.runs.is_empty() {
        return None;
    }
    let max_run_pain = day
        .runs
        .iter()
        .filter_map(crate::journal::entry::Run::max_run_pain)
        .max()
        .map(Score::get);
    let gait = if day.runs.iter().any(|r| r.gait_changed == Some(true)) {
        Gait::Changed
    } else {
        Gait::NotReported
    };
    let before = day.morning_pain.map(Score::get);
    let after = next.and_then(|d| d.morning_pain).map(Score::get);
    Some(LedgerEntry {
        date: day.date,
        runs: day.runs.len(),
        distance_km: day.runs.iter().map(|r| r.distance_km).sum(),
        max_run_pain,
        before,
        after,
        response: Response::score(max_run_pain, gait, before, after),
    })
}

/// The ledger of the window: every run day D with `from ≤ D ≤ to` and `D ≤ today − 1`, by
/// date. The next morning is read from D + 1 (never after `today`, which `D ≤ today − 1`
/// guarantees).
#[must_use]
pub fn build(journal: &Journal, window: Window, today: NaiveDate) -> Vec<LedgerEntry> {
    let Some(last) = window.last_day(today) else {
        return Vec::new();
    };
    journal
        .range(window.from, last)
        .filter_map(|day| {
            let next = day.date.succ_opt().and_then(|d| journal.day(d));
            entry(day, next)
        })
        .collect()
}
