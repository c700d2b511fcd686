//! Reading day files: listing `days/`, telling a day file by its name, reading and parsing
//! one file. `walk::read_days` reads a whole `Scope` with these (the walk over the folders is
//! in `walk`, the days by date in `dated`, the search for an old triage in `latest`). A file
//! that cannot be used becomes a [`Problem`], never an error of the whole read.

use super::diskfile::{Fingerprint, ReadFile};
use super::entry::{DayEntry, FORMAT_VERSION, ParseErrorKind};
use super::scope::{Loaded, day_path};
use super::{Problem, ProblemKind, quickparse};
use chrono::NaiveDate;
use std::fs;
use std::io;
use std::path::Path;

/// A day file to read: its path from the data dir and its date.
pub(super) struct Candidate {
    pub(super) rel: String,
    pub(super) date: NaiveDate,
}

impl Candidate {
    /// The file of `date` (whether or not it exists).
    pub(super) fn at(date: NaiveDate) -> Self {
        Self {
            rel: day_path(date),
            date,
        }
    }
}

/// Opens `days/` for listing: `Ok(None)` when there is none yet.
pub(super) fn open_days(root: &Path) -> io::Result<Option<fs::ReadDir>> {
    let days = root.join("days");
    match fs::read_dir(&days) {
        Ok(years) => Ok(Some(years)),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(None),
        Err(_) if days.metadata().is_ok_and(|m| !m.is_dir()) => Err(days_not_a_folder(&days)),
        Err(e) => Err(io::Error::new(e.kind(), format!("{}: {e}", days.display()))),
    }
}

/// The error when `days` (the data dir's `days`) is a file.
pub(super) fn days_not_a_folder(days: &Path) -> io::Error {
    io::Error::new(
        io::ErrorKind::NotADirectory,
        format!(
            "{} is a file, not a folder: stridelog keeps the day files in a folder of that \
             name; move the file aside (or rename it) and try again",
            days.display()
        ),
    )
}

/// What `days/` holds: the year folders (in no order) and the other names there.
pub(super) struct Years {
    pub(super) folders: Vec<(i32, fs::DirEntry)>,
    pub(super) others: Vec<String>,
}

/// Lists `days/`.
pub(super) fn list_years(root: &Path) -> io::Result<Years> {
    let mut years = Years {
        folders: Vec::new(),
        others: Vec::new(),
    };
    for entry in open_days(root)?.into_iter().flatten() {
        let entry = entry?;
        let name = entry.file_name().to_string_lossy().into_owned();
        match parse_year(&name) {
            Some(year) => years.folders.push((year, entry)),
            None => years.others.push(format!("days/{name}")),
        }
    }
    Ok(years)
}

pub(super) fn parse_year(name: &str) -> Option<i32> {
    (name.len() == 4 && name.bytes().all(|b| b.is_ascii_digit())).then(|| name.parse().ok())?
}

/// The date of a file named exactly `YYYY-MM-DD.ron`, the name stridelog saves that day
/// under ([`day_path`]). Any other spelling of a date ("2026-6-30.ron") is not a day file: one
/// date has one file, which the first screen opens by that name.
#[must_use]
pub fn day_file_date(name: &str) -> Option<NaiveDate> {
    let [y0, y1, y2, y3, b'-', m0, m1, b'-', d0, d1] = *name.strip_suffix(".ron")?.as_bytes()
    else {
        return None;
    };
    if ![y0, y1, y2, y3, m0, m1, d0, d1]
        .iter()
        .all(u8::is_ascii_digit)
    {
        return None;
    }
    let digit = |b: u8| u32::from(b - b'0');
    let year = digit(y0) * 1000 + digit(y1) * 100 + digit(y2) * 10 + digit(y3);
    NaiveDate::from_ymd_opt(
        i32::try_from(year).ok()?,
        digit(m0) * 10 + digit(m1),
        digit(d0) * 10 + digit(d1),
    )
}

/// What reading one candidate gave.
pub(super) enum Outcome {
    Day(DayEntry, Fingerprint),
    /// Readable, but written by a newer stridelog: shown, never overwritten.
    Newer(DayEntry, Fingerprint, String),
    Problem(Problem),
}

impl Candidate {
    fn problem(&self, error: String, kind: ProblemKind) -> Outcome {
        Outcome::Problem(Problem {
            path: self.rel.clone(),
            date: Some(self.date),
            error,
            kind,
        })
    }

    /// Parses what was read from this candidate's file.
    pub(super) fn judge(&self, bytes: &[u8], fingerprint: Fingerprint) -> Outcome {
        let Ok(text) = std::str::from_utf8(bytes) else {
            return self.problem("is not UTF-8 text".into(), ProblemKind::Unreadable);
        };
        // Some Windows editors start a file with a byte-order mark: it is not part of the day.
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        if let Some(line) = conflict_marker_line(text) {
            return self.problem(
                format!(
                    "{line}:1: has git merge conflict markers (<<<<<<<, =======, >>>>>>>): a \
                     git merge left two versions of this day in the file; keep the lines you \
                     want, delete the marker lines, then run `stridelog check`"
                ),
                ProblemKind::Unreadable,
            );
        }
        match quickparse::parse_day(text, self.date) {
            Ok(day) if day.version > FORMAT_VERSION => {
                let reason = format!(
                    "version: written by a newer stridelog (format {}), read-only here: update \
                     stridelog to change it",
                    day.version
                );
                Outcome::Newer(day, fingerprint, reason)
            }
            Ok(day) => Outcome::Day(day, fingerprint),
            Err(e) => {
                let kind = if matches!(e.kind, ParseErrorKind::NewerVersion(_)) {
                    ProblemKind::NewerVersion
                } else {
                    ProblemKind::Unreadable
                };
                self.problem(e.message, kind)
            }
        }
    }
}

impl Candidate {
    /// What reading this candidate's file (by its path or in its
    /// [`Folder`](super::diskfile::Folder)) gave, parsed; with the file's permission bits when
    /// it could be read.
    pub(super) fn outcome_of(&self, read: io::Result<Option<ReadFile>>) -> (Outcome, Option<u32>) {
        let unreadable = |error: String| self.problem(error, ProblemKind::Unreadable);
        match read {
            Ok(Some(read)) => (self.judge(&read.bytes, read.fingerprint), Some(read.mode)),
            Ok(None) => (
                unreadable("was removed while it was being read".into()),
                None,
            ),
            Err(e) if e.kind() == io::ErrorKind::InvalidInput => (unreadable(e.to_string()), None),
            Err(e) => (unreadable(format!("cannot read: {e}")), None),
        }
    }
}

/// The line number of the first git conflict marker in `text`, if it has all three kinds.
fn conflict_marker_line(text: &str) -> Option<usize> {
    // Almost no day holds a `<`: one quick look spares walking the lines.
    if !text.contains('<') {
        return None;
    }
    let marks = |prefix: &str| {
        text.lines()
            .position(|l| l.starts_with(prefix))
            .map(|i| i + 1)
    };
    let start = marks("<<<<<<<")?;
    marks("=======")?;
    marks(">>>>>>>")?;
    Some(start)
}

impl Loaded {
    /// Adds what reading one file gave.
    pub(super) fn add(&mut self, outcome: Outcome) {
        match outcome {
            Outcome::Day(day, fp) => {
                self.fingerprints.insert(day.date, fp);
                self.journal.days.insert(day.date, day);
            }
            Outcome::Newer(day, fp, reason) => {
                self.fingerprints.insert(day.date, fp);
                self.blocked.insert(day.date, reason.clone());
                self.journal.problems.push(Problem {
                    path: day_path(day.date),
                    date: Some(day.date),
                    error: reason,
                    kind: ProblemKind::NewerVersion,
                });
                self.journal.days.insert(day.date, day);
            }
            Outcome::Problem(problem) => {
                if let Some(date) = problem.date {
                    self.blocked.insert(date, problem.error.clone());
                }
                self.journal.problems.push(problem);
            }
        }
    }
}
