//! This session's changes, for undo and redo: each is the whole day before and after.

use crate::journal::DayEntry;

/// One committed change of this session: the whole day before and after.
#[derive(Debug, Clone, PartialEq)]
pub struct Change {
    /// What changed, in words ("worst pain on Sun 22 Nov").
    pub what: String,
    pub before: DayEntry,
    pub after: DayEntry,
}

/// Why an undo or redo did not happen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    /// The day was changed since in another way: the change is forgotten, nothing was done.
    Stale(String),
    /// The save failed: the change is kept, so trying again may work.
    NotSaved(String),
}

impl Refusal {
    /// The message for the runner.
    #[must_use]
    pub fn message(&self) -> &str {
        match self {
            Refusal::Stale(m) | Refusal::NotSaved(m) => m,
        }
    }
}

/// Changes made (newest last) and changes undone (newest last). A new change empties the
/// redo side.
#[derive(Debug, Default)]
pub(super) struct Changes {
    pub done: Vec<Change>,
    pub undone: Vec<Change>,
}
