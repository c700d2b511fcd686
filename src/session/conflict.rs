//! A day whose save was refused because its file changed (or went) on disk while the app had
//! it open, and the runner's two ways out. The words of the choices live here so the question
//! and the inline message say the same thing.

use crate::journal::DayEntry;

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
