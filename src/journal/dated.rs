//! Reading days by date, with no folder listed: each date's file is opened by the name it is
//! saved under, relative to its year folder. The first screen reads its few dozen days this
//! way, and the search for an old triage its most recent days, so what they cost follows the
//! number of days, not how many files the year folders hold. Files with other names (strays)
//! are left for the full read that follows, which lists the folders.

use super::diskfile::{Folder, ReadFile};
use super::read::{Candidate, days_not_a_folder};
use super::scope::Loaded;
use chrono::{Datelike, NaiveDate};
use std::io;
use std::path::{Path, PathBuf};

/// Opens day files by date, keeping the last year folder open.
pub(super) struct ByDate {
    days: PathBuf,
    /// The year folder last opened (`None` when there is none).
    year: Option<(i32, Option<Folder>)>,
}

impl ByDate {
    pub(super) fn new(root: &Path) -> Self {
        Self {
            days: root.join("days"),
            year: None,
        }
    }

    /// Reads the file of `date` (`candidate` names it): `Ok(Ok(None))` when there is none.
    ///
    /// # Errors
    /// Outside: when `days/` is a file, or the year folder is there but cannot be opened.
    /// Inside: what reading the file gave.
    pub(super) fn read(
        &mut self,
        candidate: &Candidate,
    ) -> io::Result<io::Result<Option<ReadFile>>> {
        let year = candidate.date.year();
        if self.year.as_ref().is_none_or(|(open, _)| *open != year) {
            self.year = Some((year, self.open_year(year)?));
        }
        let Some((_, Some(folder))) = &self.year else {
            return Ok(Ok(None));
        };
        let name = candidate.rel.rsplit('/').next().unwrap_or_default();
        Ok(folder.read_regular_file(name))
    }

    /// True when the year folder last opened can be listed but not entered (no search
    /// permission): then no file in it can be opened by name, there or not.
    fn closed(&self) -> bool {
        self.year
            .as_ref()
            .and_then(|(_, folder)| folder.as_ref())
            .is_some_and(|folder| {
                std::fs::metadata(folder.path().join("."))
                    .is_err_and(|e| e.kind() == io::ErrorKind::PermissionDenied)
            })
    }

    /// The folder of `year`: `None` when there is none (or no `days/` yet).
    fn open_year(&self, year: i32) -> io::Result<Option<Folder>> {
        let path = self.days.join(format!("{year:04}"));
        match Folder::open(&path) {
            // No year folder there (a file of that name is a stray, for the full read to name),
            // unless `days/` itself is a file.
            Ok(None) if self.days.metadata().is_ok_and(|m| !m.is_dir()) => {
                Err(days_not_a_folder(&self.days))
            }
            Ok(folder) => Ok(folder),
            Err(e) => Err(io::Error::new(e.kind(), format!("{}: {e}", path.display()))),
        }
    }
}

/// What reading the days by date gave.
pub(super) enum ByName {
    Read(Loaded),
    /// A year folder can be listed but not entered: its days must be found by listing it, or
    /// every date would look unreadable.
    Closed,
}

/// Reads and parses the day files from `from` to `to`, both included.
///
/// # Errors
/// When `days/` is a file, or a year folder in the range is there but cannot be opened.
pub(super) fn read_dates(root: &Path, from: NaiveDate, to: NaiveDate) -> io::Result<ByName> {
    let mut loaded = Loaded::default();
    let mut files = ByDate::new(root);
    for date in from.iter_days().take_while(|d| *d <= to) {
        let candidate = Candidate::at(date);
        match files.read(&candidate)? {
            Ok(None) => {}
            Err(e) if e.kind() == io::ErrorKind::PermissionDenied && files.closed() => {
                return Ok(ByName::Closed);
            }
            read => loaded.add(candidate.outcome_of(read).0),
        }
    }
    loaded.journal.problems.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(ByName::Read(loaded))
}
