//! Shared helpers for the integration tests.

pub mod bin;
pub mod journals;
pub mod log_form;
pub mod pty;
pub mod values_table;

use chrono::NaiveDate;
use std::fs;
use std::path::Path;
use stridelog::journal::DayEntry;
use stridelog::journal::entry::{self, RedFlag, Triage};
use stridelog::journal::store::day_path;

/// The date written `YYYY-MM-DD`.
pub fn date(text: &str) -> NaiveDate {
    text.parse().unwrap()
}

/// Writes `text` to the file `rel` under `root`, making the folders on the way.
pub fn write(root: &Path, rel: &str, text: &str) {
    let path = root.join(rel);
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(path, text).unwrap();
}

/// A command's output as text (bytes that are not UTF-8 replaced).
pub fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// Writes `day` as stridelog saves it, in its file under `root`.
pub fn save_day(root: &Path, day: &DayEntry) {
    write(root, &day_path(day.date), &entry::format_day(day));
}

/// A day whose only entry is a triage with these red flags (none: a triage that answers no).
pub fn triage_day(on: NaiveDate, red_flags: Vec<RedFlag>) -> DayEntry {
    let mut day = DayEntry::new(on);
    day.triage = Some(Triage {
        red_flags,
        ..Triage::default()
    });
    day
}
