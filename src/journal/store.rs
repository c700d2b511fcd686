//! The store: the only code that touches the disk. Reads day files (in parallel), saves one day
//! atomically and durably, refuses to overwrite files it could not read or that changed on disk,
//! and holds the data-dir lock so a second app opens read-only.

mod atomic;
mod error;
mod fs;

pub use super::diskfile::Fingerprint;
pub use super::read::{day_file_date, read_days};
pub use atomic::{create_private_dir, write_file_atomically};
pub use error::{LoadError, ReloadError, SaveError};
pub use fs::{FsStore, tidy_temp_files};

use super::Journal;
use super::entry::DayEntry;
use chrono::{Datelike, NaiveDate};
use std::collections::HashMap;
use std::io;

/// Whether this app may write.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Access {
    ReadWrite,
    /// Read-only, with the reason to show.
    ReadOnly(String),
}

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
    /// The days from `from` to `to`, both included, each found by its file name: no folder is
    /// listed, so the cost follows the number of days, not the date or the length of the
    /// history.
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

/// Storage behind the app: the real folder ([`FsStore`]) or an in-memory double for tests
/// (`journal::memory::MemoryStore`, built with the `test-support` feature).
pub trait Store {
    /// Reads the day files in `scope` and remembers what was read.
    ///
    /// # Errors
    /// Only when the data dir itself cannot be listed; unreadable day files become problems.
    fn load(&mut self, scope: Scope) -> Result<Journal, LoadError>;
    /// Saves one day atomically.
    ///
    /// # Errors
    /// A [`SaveError`] saying why nothing was written.
    fn save(&mut self, day: &DayEntry) -> Result<(), SaveError>;
    /// Whether this store may write.
    fn access(&self) -> Access;
    /// Where the journal lives, for the status line.
    fn location(&self) -> String;
    /// Takes over what a background [`read_days`] found (fingerprints and blocked files).
    fn adopt(&mut self, loaded: Loaded) -> Journal;
    /// Reads one day again from disk (after another program changed it): `Ok(None)` when the
    /// file is gone, `Err` with the problem when it cannot be read (the day is then blocked).
    fn reload_day(&mut self, date: NaiveDate) -> Result<Option<DayEntry>, ReloadError>;
    /// Saves `day` next to its file as `YYYY-MM-DD.conflict-<stamp>.ron` (never loaded as a
    /// day; `check` lists it) and returns that path, so a conflicting edit is kept.
    fn keep_copy(&mut self, day: &DayEntry, stamp: &str) -> Result<String, SaveError>;
    /// A read-only store whose lock was busy tries to take it again; true when it just became
    /// writable (the other stridelog has closed).
    fn retry_lock(&mut self) -> bool {
        false
    }
    /// Something the store did on its own that the runner should hear about once (files made
    /// private, old temp files removed).
    fn take_notice(&mut self) -> Option<String> {
        None
    }
}

/// The path of a conflict copy of a day, relative to the data dir.
pub fn conflict_path(date: NaiveDate, stamp: &str) -> String {
    format!("days/{:04}/{date}.conflict-{stamp}.ron", date.year())
}

/// The years a day can be stored for: folder and file names hold a four-digit year, so a day
/// outside them would be written where the journal is never read from.
pub const YEARS: std::ops::RangeInclusive<i32> = 0..=9999;

/// True when `date` can be stored (see [`YEARS`]).
#[must_use]
pub fn storable(date: NaiveDate) -> bool {
    YEARS.contains(&date.year())
}

/// Why a day outside [`YEARS`] is not saved, as an I/O error of the save.
pub(crate) fn unstorable() -> io::Error {
    io::Error::new(
        io::ErrorKind::InvalidInput,
        "only days from year 0000 to 9999 can be kept in the journal",
    )
}

/// The path of a day's file relative to the data dir, with `/` separators.
#[must_use]
pub fn day_path(date: NaiveDate) -> String {
    format!("days/{:04}/{date}.ron", date.year())
}
