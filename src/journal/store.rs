//! The store: what the app and the commands load days from and save them through (the
//! [`Store`] trait), its folder on disk ([`FsStore`], in `store/fs.rs`), atomic writes and its
//! errors. Reading the day files themselves is in `read`, `walk` and `latest`.

mod atomic;
mod error;
mod fs;

pub use super::diskfile::Fingerprint;
pub use super::read::day_file_date;
pub use super::scope::{Loaded, Scope, YEARS, day_path, storable};
pub use super::triage_note::{BeforeSave, note_path};
pub use super::walk::{read_days, read_history};
pub use atomic::{create_private_dir, write_file_atomically};
pub use error::{LoadError, ReloadError, SaveError};
pub use fs::{FsStore, tidy_temp_files};

use super::Journal;
use super::entry::DayEntry;
use chrono::{Datelike, NaiveDate};
use std::io;

/// Whether this app may write.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Access {
    ReadWrite,
    /// Read-only, with the reason to show.
    ReadOnly(String),
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

/// Why a day outside [`YEARS`] is not saved, as an I/O error of the save.
pub(crate) fn unstorable() -> io::Error {
    io::Error::new(
        io::ErrorKind::InvalidInput,
        "only days from year 0000 to 9999 can be kept in the journal",
    )
}
