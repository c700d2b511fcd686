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
    /// The days from `from` to `to`, both included, each opened by its file name in its year
    /// folder (`dated.rs`): no folder is listed, so the cost follows the number of days, not
    /// the date or the length of the history.
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

/// The path of a day's file relative to the data dir, with `/` separators:
/// `days/2026/2026-06-30.ron`.
#[must_use]
pub fn day_path(date: NaiveDate) -> String {
    if !storable(date) {
        return format!("days/{:04}/{date}.ron", date.year());
    }
    // Made digit by digit: the first screen makes one for each of its days, and the
    // formatting machinery took a tenth of its reading time.
    let mut path = *b"days/0000/0000-00-00.ron";
    let mut put = |at: usize, digits: usize, mut n: u32| {
        for byte in path[at..at + digits].iter_mut().rev() {
            *byte = b'0' + u8::try_from(n % 10).unwrap_or(0);
            n /= 10;
        }
    };
    let year = date.year().unsigned_abs();
    put(5, 4, year);
    put(10, 4, year);
    put(15, 2, date.month());
    put(18, 2, date.day());
    String::from_utf8_lossy(&path).into_owned()
}

#[cfg(test)]
mod tests {
    use super::{day_path, storable};
    use crate::journal::read::day_file_date;
    use chrono::{Datelike, Days, NaiveDate};

    /// Digit by digit, the path is what the formatting machinery writes, and its name reads
    /// back as the same date, from year 0 to 9999 and beyond.
    #[test]
    fn a_day_path_is_the_formatted_one_and_reads_back() {
        let starts = [
            (0, 1, 1),
            (9, 12, 25),
            (999, 2, 28),
            (2024, 2, 28),
            (9999, 12, 1),
        ];
        for (year, month, day) in starts {
            let start = NaiveDate::from_ymd_opt(year, month, day).unwrap();
            for date in start.iter_days().take(70) {
                let path = day_path(date);
                assert_eq!(path, format!("days/{:04}/{date}.ron", date.year()));
                let name = path.rsplit('/').next().unwrap();
                let read = day_file_date(name);
                assert_eq!(read, storable(date).then_some(date), "{path}");
            }
        }
        let before_zero = NaiveDate::from_ymd_opt(0, 1, 1).unwrap() - Days::new(1);
        assert_eq!(day_path(before_zero), "days/-001/-0001-12-31.ron");
    }
}
