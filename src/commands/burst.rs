//! `stridelog test-hook save-burst` (hidden): rewrites a few days through the store's atomic
//! save, round after round, so a test can kill the process at random moments and check that
//! every day file still holds a whole day.

use crate::journal::DayEntry;
use crate::journal::store::{FsStore, Scope, Store};
use chrono::{Days, NaiveDate};
use std::io;
use std::path::Path;

/// Saves forever (until killed). Round `n` writes notes `round n` padded to a length that
/// changes every round, so a torn write would show as a parse error or a wrong length.
pub fn run(data_dir: &Path, today: NaiveDate, days: u32) -> io::Result<()> {
    let mut store = FsStore::open(data_dir)?;
    let mut journal = store.load(Scope::All)?;
    for round in 0u64.. {
        for back in 0..u64::from(days) {
            let date = today - Days::new(back);
            let mut day = journal
                .days
                .remove(&date)
                .unwrap_or_else(|| DayEntry::new(date));
            day.notes = burst_note(round);
            store.save(&day).map_err(io::Error::other)?;
            journal.days.insert(date, day);
        }
    }
    Ok(())
}

/// The note written in round `round`: its length encodes the round, so readers can verify it.
pub fn burst_note(round: u64) -> String {
    let pad = (round % 7) as usize * 300;
    format!("round {round} {}", "x".repeat(pad))
}
