//! Which day files to read, what reading them brings back, and where a day's file lives:
//! shared by the store and the readers (which the store calls), so neither imports the other.

use super::Journal;
use super::diskfile::Fingerprint;
use chrono::{Datelike, NaiveDate};
use std::collections::HashMap;

/// Which day files to read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    All,
    /// Years from this one on.
    From(i32),
    /// Years before this one.
    Before(i32),
    /// Years from the first to the last, both inclusive.
    Years(i32, i32),
    /// The days from `from` to `to`, both included: only the year folders they fall in (one
    /// or two) are listed, so the cost follows the number of days and those folders, not the
    /// length of the history.
    Dates {
        from: NaiveDate,
        to: NaiveDate,
    },
    /// Every day but those from `from` to `to` (what [`Scope::Dates`] left out).
    Outside {
        from: NaiveDate,
        to: NaiveDate,
    },
    /// Only the newest readable day before `before` that holds a triage (older days are
    /// searched newest first until one does).
    LatestTriage {
        before: NaiveDate,
    },
}

impl Scope {
    /// True when days of `year` may be in scope.
    pub(super) fn contains(self, year: i32) -> bool {
        match self {
            Scope::All | Scope::Outside { .. } => true,
            Scope::From(first) => year >= first,
            Scope::Before(limit) => year < limit,
            Scope::Years(first, last) => (first..=last).contains(&year),
            Scope::Dates { from, to } => (from.year()..=to.year()).contains(&year),
            Scope::LatestTriage { before } => year <= before.year(),
        }
    }

    /// True when the day on `date` is in scope.
    pub(super) fn contains_date(self, date: NaiveDate) -> bool {
        match self {
            Scope::All | Scope::From(_) | Scope::Before(_) | Scope::Years(..) => {
                self.contains(date.year())
            }
            Scope::Dates { from, to } => (from..=to).contains(&date),
            Scope::Outside { from, to } => !(from..=to).contains(&date),
            Scope::LatestTriage { before } => date < before,
        }
    }
}

/// The result of reading some year folders, ready to be adopted by a store.
#[derive(Debug, Default)]
pub struct Loaded {
    pub journal: Journal,
    pub fingerprints: HashMap<NaiveDate, Fingerprint>,
    /// Dates whose file may not be overwritten, with the reason.
    pub blocked: HashMap<NaiveDate, String>,
}

impl Loaded {
    /// Leaves out what `journal` already holds (a day, or a problem, on the same date): a day
    /// read before, and perhaps saved since, is never replaced by an older reading of it.
    #[must_use]
    pub fn without_known(mut self, journal: &Journal) -> Self {
        let known = |date: &NaiveDate| {
            journal.days.contains_key(date)
                || journal.problems.iter().any(|p| p.date == Some(*date))
        };
        self.journal.days.retain(|date, _| !known(date));
        self.journal
            .problems
            .retain(|p| !p.date.is_some_and(|date| known(&date)));
        self.fingerprints.retain(|date, _| !known(date));
        self.blocked.retain(|date, _| !known(date));
        self
    }
}

/// The years a day can be stored for: folder and file names hold a four-digit year, so a day
/// outside them would be written where the journal is never read from.
pub const YEARS: std::ops::RangeInclusive<i32> = 0..=9999;

/// True when `date` can be stored (see [`YEARS`]).
#[must_use]
pub fn storable(date: NaiveDate) -> bool {
    YEARS.contains(&date.year())
}

/// The path of a day's file relative to the data dir, with `/` separators.
#[must_use]
pub fn day_path(date: NaiveDate) -> String {
    format!("days/{:04}/{date}.ron", date.year())
}
