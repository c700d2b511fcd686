//! The journal: every readable day, the files that could not be read, and the store that
//! reads and writes them. The rest of the app only sees [`Journal`] and the [`store::Store`] trait.

mod dated;
pub mod dirs;
pub mod diskfile;
pub mod entry;
mod latest;
pub mod lock;
#[cfg(any(test, feature = "test-support"))]
pub mod memory;
pub mod quickparse;
pub mod read;
pub mod recovery;
mod scope;
pub mod settings;
pub mod store;
pub mod survey;
pub mod swap;
pub mod tidy;
mod triage_note;
mod walk;

use chrono::NaiveDate;
use std::collections::BTreeMap;

pub use entry::{DayEntry, Score};

/// A day file that could not be used, as shown to people: its path relative to the data dir
/// and the problem (`line:col: message` or `field: message`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub path: String,
    pub date: Option<NaiveDate>,
    pub error: String,
    pub kind: ProblemKind,
}

/// What kind of trouble a day file is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ProblemKind {
    /// It cannot be read or parsed: it is never overwritten until fixed.
    Unreadable,
    /// It comes from a newer stridelog: it is shown, kept, and read-only.
    NewerVersion,
}

impl Problem {
    /// True when the file simply comes from a newer stridelog.
    #[must_use]
    pub fn is_newer_version(&self) -> bool {
        self.kind == ProblemKind::NewerVersion
    }
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.path, self.error)
    }
}

/// Everything that was read: days by date, and the problems.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Journal {
    pub days: BTreeMap<NaiveDate, DayEntry>,
    pub problems: Vec<Problem>,
    /// Files under `days/` that are not day files (sync-tool copies, backups, temp files).
    pub stray_files: Vec<String>,
}

impl Journal {
    /// Says, once the folders have been listed, that some `.ron` files under `days/` are not
    /// read because they are not named `YYYY-MM-DD.ron` (a sync tool's conflict copy, a day
    /// renamed by hand, a copy stridelog kept in a conflict): whatever they hold is not in
    /// the journal until merged or renamed.
    #[must_use]
    pub fn unread_files_notice(&self) -> Option<String> {
        let unread = self.stray_files.iter().filter(|path| {
            std::path::Path::new(path)
                .extension()
                .is_some_and(|e| e.eq_ignore_ascii_case("ron"))
        });
        Some(match unread.count() {
            0 => return None,
            1 => "Not read: 1 .ron file not named YYYY-MM-DD.ron (`stridelog check` names it)"
                .to_owned(),
            n => format!(
                "Not read: {n} .ron files not named YYYY-MM-DD.ron (`stridelog check` names them)"
            ),
        })
    }

    /// The day on `date`, if logged and readable.
    #[must_use]
    pub fn day(&self, date: NaiveDate) -> Option<&DayEntry> {
        self.days.get(&date)
    }

    /// The problem that stops `date` from being edited, if any.
    #[must_use]
    pub fn problem_for(&self, date: NaiveDate) -> Option<&Problem> {
        self.problems.iter().find(|p| p.date == Some(date))
    }

    /// Days from `from` to `to`, both inclusive, oldest first.
    pub fn range(
        &self,
        from: NaiveDate,
        to: NaiveDate,
    ) -> impl DoubleEndedIterator<Item = &DayEntry> {
        self.days.range(from..=to).map(|(_, d)| d)
    }

    /// Adds the days and problems of `older` (a load of years this journal did not cover).
    pub fn merge(&mut self, older: Journal) {
        for (date, day) in older.days {
            self.days.entry(date).or_insert(day);
        }
        for problem in older.problems {
            if !self.problems.iter().any(|p| p.path == problem.path) {
                self.problems.push(problem);
            }
        }
        self.problems.sort_by(|a, b| a.path.cmp(&b.path));
        self.stray_files.extend(older.stray_files);
        self.stray_files.sort();
        self.stray_files.dedup();
    }

    /// True when a day on or before `today` holds a triage.
    #[must_use]
    pub fn has_triage_by(&self, today: NaiveDate) -> bool {
        self.days.range(..=today).any(|(_, d)| d.triage.is_some())
    }
}

/// Reads what the first screen needs: the days from `from` to `today` by date and, when they
/// hold no triage, the latest triage before them however old (a red flag counts at any age,
/// design section 4). What else there is can follow later ([`store::Scope::Outside`]).
///
/// # Errors
/// When the data dir cannot be read.
pub fn load_first_screen(
    store: &mut dyn store::Store,
    from: NaiveDate,
    today: NaiveDate,
) -> std::io::Result<Journal> {
    let mut journal = store.load(store::Scope::Dates { from, to: today })?;
    if !journal.has_triage_by(today) {
        journal.merge(store.load(store::Scope::LatestTriage { before: from })?);
    }
    Ok(journal)
}

/// Which years [`load_for_rules`] read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Coverage {
    /// Years from the first one asked for; older years were not needed.
    From(i32),
    /// Every year: the recent ones held no triage, so the older ones were read to find it.
    All,
}

/// Reads the years from `first` on and, when they hold no triage on or before `today`, every
/// older year too: a red flag counts at any age until a newer triage answers no (design
/// section 4), so the latest triage must be found however old it is. Most journals have a
/// triage in the recent years and pay nothing extra.
///
/// # Errors
/// When the data dir cannot be listed.
pub fn load_for_rules(
    store: &mut dyn store::Store,
    first: i32,
    today: NaiveDate,
) -> std::io::Result<(Journal, Coverage)> {
    let mut journal = store.load(store::Scope::From(first))?;
    if journal.has_triage_by(today) {
        return Ok((journal, Coverage::From(first)));
    }
    let older = store.load(store::Scope::Before(first))?;
    journal.merge(older);
    Ok((journal, Coverage::All))
}
