//! Reading the days from one date to another by their file names, with no folder listed: each
//! date's file is opened by the name it is saved under, relative to its year folder. The first
//! screen reads its few dozen days this way, so what it costs follows the number of days, not
//! how many files the year folders hold. Files with other names (strays) are left for the
//! full read that follows, which lists the folders.

use super::diskfile::Folder;
use super::read::{Candidate, days_not_a_folder};
use super::scope::Loaded;
use chrono::{Datelike, NaiveDate};
use std::io;
use std::path::Path;

/// Reads and parses the day files from `from` to `to`, both included.
///
/// # Errors
/// When `days/` is a file, or a year folder in the range is there but cannot be opened.
pub(super) fn read_dates(root: &Path, from: NaiveDate, to: NaiveDate) -> io::Result<Loaded> {
    let mut loaded = Loaded::default();
    let days = root.join("days");
    for year in from.year()..=to.year() {
        let path = days.join(format!("{year:04}"));
        let folder = match Folder::open(&path) {
            Ok(Some(folder)) => folder,
            // No days that year (or no `days/` yet).
            Ok(None) => continue,
            Err(e) if e.kind() == io::ErrorKind::NotADirectory => {
                if days.metadata().is_ok_and(|m| !m.is_dir()) {
                    return Err(days_not_a_folder(&days));
                }
                // A file named like the year is a stray, for the full read to name.
                continue;
            }
            Err(e) => return Err(io::Error::new(e.kind(), format!("{}: {e}", path.display()))),
        };
        let first = from.max(NaiveDate::from_yo_opt(year, 1).unwrap_or(from));
        for date in first
            .iter_days()
            .take_while(|d| *d <= to && d.year() == year)
        {
            let candidate = Candidate::at(date);
            let name = candidate.rel.rsplit('/').next().unwrap_or_default();
            match folder.read_regular_file(name) {
                Ok(None) => {}
                read => loaded.add(candidate.outcome_of(read).0),
            }
        }
    }
    loaded.journal.problems.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(loaded)
}
