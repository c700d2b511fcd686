//! A day whose save was refused because its file changed (or went) on disk while the app had
//! it open, and the runner's two ways out. The words of the choices live here so the question
//! and the inline message say the same thing; settling one is here too.

use super::{SaveState, Session};
use crate::journal::DayEntry;
use chrono::{NaiveDate, NaiveDateTime, NaiveTime};

/// What happened to a day's file on disk while the app had it open.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ConflictKind {
    /// Another program rewrote it.
    Changed,
    /// Another program (or the runner, by hand) deleted it.
    Deleted,
}

/// A refused save waiting for the runner's choice: their version of the day, and why.
#[derive(Debug, Clone, PartialEq)]
pub struct Conflict {
    pub ours: DayEntry,
    pub kind: ConflictKind,
}

/// How the runner settles a conflict.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Resolution {
    /// Changed on disk: keep both (ours as a copy beside it, theirs loaded). Deleted on disk:
    /// write ours again.
    KeepMine,
    /// Changed on disk: load theirs and drop ours. Deleted on disk: leave it deleted.
    TakeTheirs,
}

/// The choices of the "changed on disk" question: key and what it does.
pub const KEEP_BOTH: (&str, &str) = (
    "k",
    "keep both: yours saved as a copy beside it, theirs loaded",
);
pub const RELOAD_THEIRS: (&str, &str) = ("r", "reload theirs and drop your change");

/// The choices of the "deleted on disk" question: key and what it does.
pub const WRITE_MINE_AGAIN: (&str, &str) = ("k", "keep mine: write your version of the day again");
pub const LEAVE_DELETED: (&str, &str) = ("r", "leave it deleted and drop your change");

impl ConflictKind {
    /// The two choices, mine first.
    #[must_use]
    pub fn choices(self) -> [(&'static str, &'static str); 2] {
        match self {
            ConflictKind::Changed => [KEEP_BOTH, RELOAD_THEIRS],
            ConflictKind::Deleted => [WRITE_MINE_AGAIN, LEAVE_DELETED],
        }
    }
}

impl Session {
    /// Settles the conflict as the runner chose; returns what to tell them. `now` stamps a
    /// kept copy's name.
    pub fn resolve_conflict(&mut self, choice: Resolution, now: NaiveDateTime) -> Option<String> {
        let Conflict { ours, kind } = self.conflict.take()?;
        let said = match kind {
            ConflictKind::Changed => self.resolve_changed(ours, choice, now),
            ConflictKind::Deleted => self.resolve_deleted(ours, choice, now.time()),
        };
        self.refresh();
        said
    }

    fn resolve_changed(
        &mut self,
        ours: DayEntry,
        choice: Resolution,
        now: NaiveDateTime,
    ) -> Option<String> {
        let kept = match choice {
            Resolution::KeepMine => {
                let stamp = now.format("%Y%m%d-%H%M%S").to_string();
                match self.store.keep_copy(&ours, &stamp) {
                    Ok(path) => Some(path),
                    Err(e) => {
                        self.save_state = SaveState::Failed(e.to_string());
                        self.conflict = Some(Conflict {
                            ours,
                            kind: ConflictKind::Changed,
                        });
                        return None;
                    }
                }
            }
            Resolution::TakeTheirs => None,
        };
        let date = ours.date;
        self.take_from_disk(date);
        self.journal.problems.retain(|p| p.date != Some(date));
        Some(match kept {
            Some(path) => {
                format!("{date} reloaded from disk; your version is kept in {path} (merge by hand)")
            }
            None => format!("{date} reloaded from disk; your change was dropped"),
        })
    }

    /// A day deleted on disk: save ours again, or leave it deleted (and drop it here too).
    fn resolve_deleted(
        &mut self,
        ours: DayEntry,
        choice: Resolution,
        now: NaiveTime,
    ) -> Option<String> {
        let date = ours.date;
        match (self.store.reload_day(date), choice) {
            // Still gone: the store forgot the old file, so ours can be written.
            (Ok(None), Resolution::KeepMine) => Some(match self.save(ours, now) {
                Ok(()) => format!("{date}: your version was saved again"),
                Err(e) => e,
            }),
            (Ok(None), Resolution::TakeTheirs) => {
                self.journal.days.remove(&date);
                Some(format!("{date} left deleted; your change was dropped"))
            }
            // It came back meanwhile: now it is a change on disk like any other.
            (Ok(Some(theirs)), _) => {
                self.journal.days.insert(date, theirs);
                self.conflict = Some(Conflict {
                    ours,
                    kind: ConflictKind::Changed,
                });
                None
            }
            (Err(problem), _) => {
                self.journal.days.remove(&date);
                self.save_state = SaveState::Failed(problem.to_string());
                None
            }
        }
    }

    /// Replaces the day on `date` with what is on disk now.
    fn take_from_disk(&mut self, date: NaiveDate) {
        match self.store.reload_day(date) {
            Ok(Some(theirs)) => {
                self.journal.days.insert(date, theirs);
            }
            Ok(None) => {
                self.journal.days.remove(&date);
            }
            Err(problem) => {
                self.journal.days.remove(&date);
                self.save_state = SaveState::Failed(problem.to_string());
            }
        }
    }
}
