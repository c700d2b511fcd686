//! An in-memory [`Store`] for tests: holds day files as text, parses them like the real store,
//! and can be told to fail the next saves (a full disk, a read-only folder).

use super::entry::{self, DayEntry, FORMAT_VERSION};
use super::store::{
    Access, LoadError, Loaded, ReloadError, SaveError, Scope, Store, conflict_path, day_path,
    storable, unstorable,
};
use super::{Journal, Problem, ProblemKind};
use chrono::NaiveDate;
use std::collections::{BTreeMap, HashSet};
use std::io;

/// Day files kept in memory, keyed by date, as the text a real file would hold.
#[derive(Debug, Default)]
pub struct MemoryStore {
    pub files: BTreeMap<NaiveDate, String>,
    /// When set, every save fails with this message (as an I/O error) until cleared.
    pub fail_saves: Option<String>,
    pub read_only: Option<String>,
    /// How many saves succeeded.
    pub saves: usize,
    /// Conflict copies kept, by path.
    pub copies: BTreeMap<String, String>,
    blocked: HashSet<NaiveDate>,
    changed_on_disk: HashSet<NaiveDate>,
}

impl MemoryStore {
    /// An empty journal.
    #[must_use]
    pub fn new() -> Self {
        Self::default()
    }

    /// A journal holding these days.
    #[must_use]
    pub fn with_days(days: impl IntoIterator<Item = DayEntry>) -> Self {
        let mut store = Self::new();
        for day in days {
            store.files.insert(day.date, entry::format_day(&day));
        }
        store
    }
}

impl MemoryStore {
    /// Another program rewrites a day's file: the next save of that day must be refused until
    /// it is reloaded.
    pub fn change_on_disk(&mut self, day: &DayEntry) {
        self.files.insert(day.date, entry::format_day(day));
        self.changed_on_disk.insert(day.date);
    }
}

impl Store for MemoryStore {
    fn load(&mut self, scope: Scope) -> Result<Journal, LoadError> {
        let mut journal = Journal::default();
        if let Scope::LatestTriage { before } = scope {
            let latest = self.files.range(..before).rev().find_map(|(date, text)| {
                entry::parse_day(text, Some(*date))
                    .ok()
                    .filter(|day| day.version <= FORMAT_VERSION && day.triage.is_some())
            });
            if let Some(day) = latest {
                self.blocked.remove(&day.date);
                journal.days.insert(day.date, day);
            }
            return Ok(journal);
        }
        for (date, text) in &self.files {
            if !scope.contains_date(*date) {
                continue;
            }
            match entry::parse_day(text, Some(*date)) {
                Ok(day) if day.version <= FORMAT_VERSION => {
                    self.blocked.remove(date);
                    journal.days.insert(*date, day);
                }
                result => {
                    let error = match result {
                        Ok(_) => "version: written by a newer stridelog, read-only here".into(),
                        Err(e) => e.message,
                    };
                    self.blocked.insert(*date);
                    journal.problems.push(Problem {
                        path: day_path(*date),
                        date: Some(*date),
                        error,
                        kind: ProblemKind::Unreadable,
                    });
                }
            }
        }
        Ok(journal)
    }

    fn save(&mut self, day: &DayEntry) -> Result<(), SaveError> {
        if let Some(reason) = &self.read_only {
            return Err(SaveError::ReadOnly(reason.clone()));
        }
        if self.blocked.contains(&day.date) {
            return Err(SaveError::Unreadable {
                path: day_path(day.date),
                reason: "could not be read".into(),
            });
        }
        if self.changed_on_disk.contains(&day.date) {
            return Err(SaveError::Changed {
                path: day_path(day.date),
            });
        }
        if let Some(message) = &self.fail_saves {
            return Err(SaveError::Io {
                path: day_path(day.date),
                source: io::Error::other(message.clone()),
            });
        }
        if !storable(day.date) {
            return Err(SaveError::Io {
                path: day_path(day.date),
                source: unstorable(),
            });
        }
        self.files.insert(day.date, entry::format_day(day));
        self.saves += 1;
        Ok(())
    }

    fn access(&self) -> Access {
        match &self.read_only {
            Some(reason) => Access::ReadOnly(reason.clone()),
            None => Access::ReadWrite,
        }
    }

    fn location(&self) -> String {
        "(memory)".into()
    }

    fn adopt(&mut self, loaded: Loaded) -> Journal {
        loaded.journal
    }

    fn reload_day(&mut self, date: NaiveDate) -> Result<Option<DayEntry>, ReloadError> {
        self.changed_on_disk.remove(&date);
        match self.files.get(&date) {
            None => Ok(None),
            Some(text) => entry::parse_day(text, Some(date)).map(Some).map_err(|e| {
                self.blocked.insert(date);
                ReloadError(Problem {
                    path: day_path(date),
                    date: Some(date),
                    error: e.to_string(),
                    kind: ProblemKind::Unreadable,
                })
            }),
        }
    }

    fn keep_copy(&mut self, day: &DayEntry, stamp: &str) -> Result<String, SaveError> {
        let path = conflict_path(day.date, stamp);
        self.copies.insert(path.clone(), entry::format_day(day));
        Ok(path)
    }
}

/// A [`MemoryStore`] that a test keeps a handle on while the app owns a clone of it: look at
/// what was saved, or make saves fail, in the middle of a session.
#[derive(Debug, Clone, Default)]
pub struct SharedStore(pub std::rc::Rc<std::cell::RefCell<MemoryStore>>);

impl SharedStore {
    /// Shares `store`.
    pub fn with(store: MemoryStore) -> Self {
        Self(std::rc::Rc::new(std::cell::RefCell::new(store)))
    }

    /// The day file's text as the store holds it.
    pub fn text(&self, on: NaiveDate) -> Option<String> {
        self.0.borrow().files.get(&on).cloned()
    }

    /// The day as the store holds it (parsed back from its text).
    ///
    /// # Panics
    /// When the stored text does not parse: the app wrote a broken file.
    pub fn day(&self, on: NaiveDate) -> Option<DayEntry> {
        let text = self.text(on)?;
        Some(entry::parse_day(&text, Some(on)).expect("the store holds valid files"))
    }

    /// How many saves succeeded.
    pub fn saves(&self) -> usize {
        self.0.borrow().saves
    }

    /// Makes every save fail with `message` (or succeed again with `None`).
    pub fn fail(&self, message: Option<&str>) {
        self.0.borrow_mut().fail_saves = message.map(str::to_owned);
    }
}

impl Store for SharedStore {
    fn load(&mut self, scope: Scope) -> Result<Journal, LoadError> {
        self.0.borrow_mut().load(scope)
    }
    fn save(&mut self, day: &DayEntry) -> Result<(), SaveError> {
        self.0.borrow_mut().save(day)
    }
    fn access(&self) -> Access {
        self.0.borrow().access()
    }
    fn location(&self) -> String {
        self.0.borrow().location()
    }
    fn adopt(&mut self, loaded: Loaded) -> Journal {
        self.0.borrow_mut().adopt(loaded)
    }
    fn reload_day(&mut self, date: NaiveDate) -> Result<Option<DayEntry>, ReloadError> {
        self.0.borrow_mut().reload_day(date)
    }
    fn keep_copy(&mut self, day: &DayEntry, stamp: &str) -> Result<String, SaveError> {
        self.0.borrow_mut().keep_copy(day, stamp)
    }
}
