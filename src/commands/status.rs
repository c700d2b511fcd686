//! `stridelog status`: one short line for a shell prompt or a tmux status bar, e.g.
//! `today logged · Run with care`. Reads only the years the rules can look at.

use crate::journal::Journal;
use crate::journal::store::{FsStore, Scope, Store};
use crate::rules;
use std::io::{self, Write};
use std::path::Path;

/// The status line for `journal` as it stands on `today` (no newline).
pub fn line(journal: &Journal, today: chrono::NaiveDate) -> String {
    let logged = if journal.problem_for(today).is_some() {
        "today unreadable"
    } else if journal.day(today).is_some() {
        "today logged"
    } else {
        "today not logged"
    };
    let verdict = rules::evaluate(journal, today).verdict.headline();
    format!("{logged} · {verdict}")
}

/// Prints the status line. A missing data dir is simply an empty journal.
pub fn run(data_dir: &Path, today: chrono::NaiveDate, out: &mut impl Write) -> io::Result<()> {
    let mut store = FsStore::open_read_only(data_dir);
    let journal = store.load(Scope::From(super::report::first_year(today, 0)))?;
    writeln!(out, "{}", line(&journal, today))
}
