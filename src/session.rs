//! One journal open for changes: the days read so far, the store they came from and go back
//! to, the rules' verdict on them, a day refused because it changed on disk, and this
//! session's undo and redo. Every change the app makes goes through [`Session::commit`], so it
//! can be undone (a pain score, a triage answer, a routine done); undo, redo and settling a
//! conflict save through the same private `save`. No terminal here: the time of a save is
//! passed in.

pub mod conflict;
pub mod undo;

use crate::journal::settings::Units;
use crate::journal::store::{Access, Loaded, SaveError, Scope, Store};
use crate::journal::{DayEntry, Journal};
use crate::rules::{self, Evaluation};
use chrono::{NaiveDate, NaiveTime};
pub use conflict::{Conflict, ConflictKind, Resolution};
pub use undo::{Change, Refusal};

/// The outcome of the last save, for the status line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SaveState {
    /// Nothing saved in this session yet.
    Idle,
    Saved(NaiveTime),
    Failed(String),
}

/// Whether the older years are all read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum History {
    /// Everything the journal holds is here.
    Complete,
    /// Older years are still being read in the background.
    Loading,
}

/// What trying to take over a read-only journal came to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TakeOver {
    /// Still read-only, held by the same app as before.
    Unchanged,
    /// Still read-only, but the reason changed (another holder).
    HolderChanged,
    /// Writable now; the journal was read again (or could not be: the message says why).
    Took(Result<(), String>),
}

/// The journal open in the app, and everything that changes it.
pub struct Session {
    journal: Journal,
    store: Box<dyn Store>,
    today: NaiveDate,
    units: Units,
    access: Access,
    history: History,
    evaluation: Evaluation,
    shoe_distances: Vec<(String, f64)>,
    conflict: Option<Conflict>,
    changes: undo::Changes,
    save_state: SaveState,
    /// Counts changes of the journal, so views derived from it know when to be recomputed.
    version: u64,
}

impl Session {
    /// Opens `journal`, read from `store`, on `today`.
    #[must_use]
    pub fn new(today: NaiveDate, journal: Journal, store: Box<dyn Store>) -> Self {
        let access = store.access();
        let units = Units::default();
        Self {
            evaluation: rules::evaluate_in(&journal, today, units),
            shoe_distances: rules::shoe_distances(&journal),
            journal,
            store,
            today,
            units,
            access,
            history: History::Complete,
            conflict: None,
            changes: undo::Changes::default(),
            save_state: SaveState::Idle,
            version: 0,
        }
    }

    #[must_use]
    pub fn journal(&self) -> &Journal {
        &self.journal
    }

    #[must_use]
    pub fn today(&self) -> NaiveDate {
        self.today
    }

    /// The rules' verdict on the journal as it stands.
    #[must_use]
    pub fn evaluation(&self) -> &Evaluation {
        &self.evaluation
    }

    /// Distance per pair of shoes over the whole journal.
    #[must_use]
    pub fn shoe_distances(&self) -> &[(String, f64)] {
        &self.shoe_distances
    }

    #[must_use]
    pub fn access(&self) -> &Access {
        &self.access
    }

    /// Why this app may not write, if so.
    #[must_use]
    pub fn read_only_reason(&self) -> Option<&str> {
        match &self.access {
            Access::ReadWrite => None,
            Access::ReadOnly(reason) => Some(reason),
        }
    }

    /// Where the journal lives, for the status line.
    #[must_use]
    pub fn location(&self) -> String {
        self.store.location()
    }

    #[must_use]
    pub fn history(&self) -> History {
        self.history
    }

    /// The refused save waiting for the runner's choice, if any.
    #[must_use]
    pub fn conflict(&self) -> Option<&Conflict> {
        self.conflict.as_ref()
    }

    #[must_use]
    pub fn save_state(&self) -> &SaveState {
        &self.save_state
    }

    /// Goes up by one each time the journal (or what the verdict depends on) changes.
    #[must_use]
    pub fn version(&self) -> u64 {
        self.version
    }

    /// How many changes can be undone, and redone.
    #[must_use]
    #[cfg(test)]
    pub(crate) fn undo_depth(&self) -> (usize, usize) {
        (self.changes.done.len(), self.changes.undone.len())
    }

    /// The day on `date` as stored, or a fresh empty one.
    #[must_use]
    pub fn day_or_new(&self, date: NaiveDate) -> DayEntry {
        self.journal
            .day(date)
            .cloned()
            .unwrap_or_else(|| DayEntry::new(date))
    }

    /// Something the store did on its own that the runner should hear about once.
    pub fn take_notice(&mut self) -> Option<String> {
        self.store.take_notice()
    }

    /// Today moved on (the app was left open past midnight).
    pub fn set_today(&mut self, today: NaiveDate) {
        self.today = today;
        self.refresh();
    }

    /// The runner's unit, for distances in the rules' evidence.
    pub fn set_units(&mut self, units: Units) {
        if units != self.units {
            self.units = units;
            self.refresh();
        }
    }

    /// Older years are being read in the background.
    pub fn set_history_loading(&mut self) {
        self.history = History::Loading;
    }

    /// Takes in the older years read in the background (nothing when the reading failed).
    /// Days this session already holds are kept as they are.
    pub fn adopt_history(&mut self, older: Option<Loaded>) {
        self.history = History::Complete;
        if let Some(older) = older {
            let older = self.store.adopt(older.without_known(&self.journal));
            self.journal.merge(older);
            self.refresh();
        }
    }

    /// Saves a changed day and remembers the change for [`Session::undo`]. A day equal to the
    /// stored one is not saved again. On failure nothing in the journal changes and the
    /// message says why (a day changed or deleted on disk becomes the [`Session::conflict`]).
    ///
    /// # Errors
    /// The message for the runner when nothing was saved.
    pub fn commit(
        &mut self,
        day: DayEntry,
        what: impl Into<String>,
        now: NaiveTime,
    ) -> Result<(), String> {
        let before = self.day_or_new(day.date);
        if before == day {
            return Ok(());
        }
        self.save(day.clone(), now)?;
        self.changes.done.push(Change {
            what: what.into(),
            before,
            after: day,
        });
        self.changes.undone.clear();
        Ok(())
    }

    /// Puts back the day as it was before the last change, and saves it. `Ok(None)` when
    /// there is nothing to undo.
    ///
    /// # Errors
    /// [`Refusal::Stale`] when the day changed since in another way (the change is forgotten);
    /// [`Refusal::NotSaved`] when the save failed (the change stays undoable).
    pub fn undo(&mut self, now: NaiveTime) -> Result<Option<Change>, Refusal> {
        let Some(change) = self.changes.done.pop() else {
            return Ok(None);
        };
        if self.journal.day(change.after.date) != Some(&change.after) {
            return Err(Refusal::Stale(format!(
                "cannot undo {}: that day was changed since in another way; nothing undone",
                change.what
            )));
        }
        match self.save(change.before.clone(), now) {
            Ok(()) => {
                self.changes.undone.push(change.clone());
                Ok(Some(change))
            }
            Err(e) => {
                self.changes.done.push(change);
                Err(Refusal::NotSaved(e))
            }
        }
    }

    /// Makes the last undone change again, and saves it. `Ok(None)` when there is nothing to
    /// redo.
    ///
    /// # Errors
    /// As [`Session::undo`].
    pub fn redo(&mut self, now: NaiveTime) -> Result<Option<Change>, Refusal> {
        let Some(change) = self.changes.undone.pop() else {
            return Ok(None);
        };
        if self.day_or_new(change.before.date) != change.before {
            return Err(Refusal::Stale(format!(
                "cannot redo {}: that day was changed since in another way; nothing redone",
                change.what
            )));
        }
        match self.save(change.after.clone(), now) {
            Ok(()) => {
                self.changes.done.push(change.clone());
                Ok(Some(change))
            }
            Err(e) => {
                self.changes.undone.push(change);
                Err(Refusal::NotSaved(e))
            }
        }
    }

    /// A read-only app (another stridelog had the journal open) tries to take it over; when
    /// it can, the journal is read again first, as the other one may have changed it.
    pub fn retry_write_access(&mut self) -> TakeOver {
        let took = self.store.retry_lock();
        let access = self.store.access();
        let changed = access != self.access;
        self.access = access;
        if took {
            TakeOver::Took(self.reload())
        } else if changed {
            TakeOver::HolderChanged
        } else {
            TakeOver::Unchanged
        }
    }

    /// Reads the journal from disk again (another program changed a day).
    ///
    /// # Errors
    /// The message for the runner when the data dir cannot be read; the journal is kept.
    pub fn reload(&mut self) -> Result<(), String> {
        let journal = self
            .store
            .load(Scope::All)
            .map_err(|e| format!("could not reload the journal: {e}"))?;
        self.journal = journal;
        self.refresh();
        Ok(())
    }

    /// Saves a day through the store (atomically). On success the journal holds the new day;
    /// on failure nothing changes here and the message says why.
    fn save(&mut self, day: DayEntry, now: NaiveTime) -> Result<(), String> {
        match self.store.save(&day) {
            Ok(()) => {
                self.journal.days.insert(day.date, day);
                self.refresh();
                self.save_state = SaveState::Saved(now);
                Ok(())
            }
            Err(e) => {
                let message = match &e {
                    SaveError::Changed { path } => {
                        let (keep, keep_says) = conflict::KEEP_BOTH;
                        let (reload, reload_says) = conflict::RELOAD_THEIRS;
                        self.conflict = Some(Conflict {
                            ours: day,
                            kind: ConflictKind::Changed,
                        });
                        // The same choices, in the same words, as the question on screen.
                        format!(
                            "not saved: {path} was changed by another program since stridelog \
                             read it. {keep} {keep_says}; {reload} {reload_says}"
                        )
                    }
                    SaveError::Deleted { .. } => {
                        self.conflict = Some(Conflict {
                            ours: day,
                            kind: ConflictKind::Deleted,
                        });
                        e.to_string()
                    }
                    _ => e.to_string(),
                };
                self.save_state = SaveState::Failed(message.clone());
                Err(message)
            }
        }
    }

    /// Recomputes what is derived from the journal (the rules' verdict, shoe totals).
    fn refresh(&mut self) {
        self.evaluation = rules::evaluate_in(&self.journal, self.today, self.units);
        self.shoe_distances = rules::shoe_distances(&self.journal);
        self.version += 1;
    }
}

#[cfg(test)]
mod tests;
