//! The latest triage before a date, however old. A red flag counts at any age until a newer
//! triage answers no (design section 4), so when the days the first screen reads hold no
//! triage the older ones are searched, newest first, stopping at the first that has one. A
//! file in which every `triage` is `triage: None` is read but not parsed. When the note of
//! the newest triage (`triage_note`) still holds, its day is read instead of searching.

use super::dated::ByDate;
use super::diskfile::{Folder, ReadFile};
use super::read::{Candidate, Outcome, day_file_date, list_years};
use super::scope::Loaded;
use super::triage_note::{self, Noted};
use chrono::{Datelike, Days, NaiveDate};
use std::cmp::Reverse;
use std::fs;
use std::io;
use std::ops::Range;
use std::path::Path;

/// The newest readable day before `before` that holds a triage, alone (empty when there is
/// none). Unreadable files on the way are left for the full read to report.
///
/// # Errors
/// When the folders cannot be listed.
pub(super) fn latest_triage(root: &Path, before: NaiveDate) -> io::Result<Loaded> {
    match triage_note::latest_before(root, before) {
        Noted::NoTriage => return Ok(Loaded::default()),
        Noted::Triage(date) => {
            let candidate = Candidate::at(date);
            if let Ok(Some(read)) = ByDate::new(root).read(&candidate)?
                && let Some(found) = triage_in(date, || candidate.rel, &read)
            {
                return Ok(found);
            }
        }
        Noted::Unknown => {}
    }
    // The most recent days by date: listing a year folder costs ext4 about as much as trying
    // 50-100 days that are not there, and the triage is most often among the recent days.
    let listed_before = before
        .checked_sub_days(Days::new(PROBED_DAYS))
        .unwrap_or(NaiveDate::MIN);
    let mut files = ByDate::new(root);
    let mut date = before;
    while let Some(newer) = date.pred_opt().filter(|d| *d >= listed_before) {
        date = newer;
        let candidate = Candidate::at(date);
        if let Ok(Some(read)) = files.read(&candidate)?
            && let Some(found) = triage_in(date, || candidate.rel, &read)
        {
            return Ok(found);
        }
    }
    let mut years = list_years(root)?.folders;
    years.retain(|(year, _)| *year <= listed_before.year());
    years.sort_by_key(|(year, _)| Reverse(*year));
    for (year, entry) in years {
        let days = YearDays::list(year, &entry, |date| date < listed_before)?;
        let Some(folder) = &days.folder else {
            continue;
        };
        for (date, name) in days.newest_first() {
            let Ok(Some(read)) = folder.read_regular_file(name) else {
                continue;
            };
            let rel = || format!("days/{}/{name}", days.year_name);
            if let Some(found) = triage_in(date, rel, &read) {
                return Ok(found);
            }
        }
    }
    Ok(Loaded::default())
}

/// The days from `from` to `to` whose file holds a triage, read by date, and the years in
/// which a day could not be read (it may hold one).
pub(super) fn triage_days_between(
    root: &Path,
    from: NaiveDate,
    to: NaiveDate,
) -> (Vec<NaiveDate>, Vec<i32>) {
    let mut files = ByDate::new(root);
    let (mut found, mut unsure) = (Vec::new(), Vec::new());
    for date in from.iter_days().take_while(|d| *d <= to) {
        let candidate = Candidate::at(date);
        let read = match files.read(&candidate) {
            Ok(Ok(None)) => continue,
            Ok(read) => read,
            Err(_) => {
                unsure.push(date.year());
                continue;
            }
        };
        match candidate.outcome_of(read).0 {
            Outcome::Day(day, _) | Outcome::Newer(day, _, _) => {
                if day.triage.is_some() {
                    found.push(date);
                }
            }
            Outcome::Problem(_) => unsure.push(date.year()),
        }
    }
    (found, unsure)
}

/// How many days before the first screen's are opened by date before the year folders are
/// listed.
const PROBED_DAYS: u64 = 100;

/// The day of `date` read from the file at `rel` (its path from the data dir, made only for a
/// file that may hold a triage), alone, when it holds a triage.
fn triage_in(date: NaiveDate, rel: impl FnOnce() -> String, read: &ReadFile) -> Option<Loaded> {
    if !may_hold_triage(&read.bytes) {
        return None;
    }
    let candidate = Candidate { rel: rel(), date };
    let outcome = candidate.judge(&read.bytes, read.fingerprint);
    let (Outcome::Day(day, _) | Outcome::Newer(day, _, _)) = &outcome else {
        return None;
    };
    day.triage.as_ref()?;
    let mut loaded = Loaded::default();
    loaded.add(outcome);
    Some(loaded)
}

/// The day files of one year folder that a search may read, newest first: only their
/// dates and names are kept (in one string), and a [`Candidate`] is made only for a file
/// that may hold a triage, not for every day read. The files are opened in the folder.
struct YearDays {
    /// `None` when it is not a folder (its other files are left for the full read).
    folder: Option<Folder>,
    year_name: String,
    names: String,
    days: Vec<(NaiveDate, Range<usize>)>,
}

impl YearDays {
    /// The day files of `year` dated as `wanted` says.
    fn list(
        year: i32,
        entry: &fs::DirEntry,
        wanted: impl Fn(NaiveDate) -> bool,
    ) -> io::Result<Self> {
        let folder = Folder::open(&entry.path())?;
        let mut days = Self {
            folder: None,
            year_name: entry.file_name().to_string_lossy().into_owned(),
            names: String::new(),
            days: Vec::new(),
        };
        let Some(folder) = folder else {
            return Ok(days);
        };
        folder.each_name(|name| {
            if let Some(name) = name.to_str()
                && let Some(date) = day_file_date(name).filter(|d| d.year() == year && wanted(*d))
            {
                let at = days.names.len();
                days.names.push_str(name);
                days.days.push((date, at..days.names.len()));
            }
        })?;
        days.days.sort_by_key(|(date, _)| Reverse(*date));
        days.folder = Some(folder);
        Ok(days)
    }

    /// The dates and names of the day files, newest first.
    fn newest_first(&self) -> impl Iterator<Item = (NaiveDate, &str)> + '_ {
        self.days
            .iter()
            .map(|(date, name)| (*date, &self.names[name.clone()]))
    }
}

/// False only when every `triage` in the file is followed by `: None`: then no reading of it
/// gives a triage (a field name contains the word however it is spelled, and its value
/// follows the colon). Anything else, a note mentioning triage included, is parsed.
pub(super) fn may_hold_triage(bytes: &[u8]) -> bool {
    // Text that is not UTF-8 is no day; the full read reports it.
    let Ok(text) = std::str::from_utf8(bytes) else {
        return false;
    };
    // Every file the search opens is looked at, most only for this: the quick search.
    memchr::memmem::find_iter(text.as_bytes(), b"triage")
        .any(|at| !says_none(&text.as_bytes()[at + "triage".len()..]))
}

/// True when `text` starts with `: None` (spaces and line ends allowed around the colon) and
/// the word ends there.
fn says_none(text: &[u8]) -> bool {
    let Some(text) = trim_start(text).strip_prefix(b":") else {
        return false;
    };
    trim_start(text).strip_prefix(b"None").is_some_and(|after| {
        !after
            .first()
            .is_some_and(|b| b.is_ascii_alphanumeric() || *b == b'_' || !b.is_ascii())
    })
}

fn trim_start(text: &[u8]) -> &[u8] {
    let skip = text
        .iter()
        .take_while(|b| matches!(b, b' ' | b'\t' | b'\n' | b'\r'))
        .count();
    &text[skip..]
}

#[cfg(test)]
mod tests {
    use super::may_hold_triage;

    #[test]
    fn only_files_whose_every_triage_is_none_are_skipped() {
        assert!(!may_hold_triage(b"(version: 2, date: \"2026-11-22\")"));
        assert!(!may_hold_triage(b"(triage: None, notes: \"\")"));
        assert!(!may_hold_triage(b"(triage :\n None)"));
        for text in [
            &b"(triage: Some((red_flags: [])))"[..],
            b"(triage: (red_flags: [NightPain]))",
            b"(triage: Nonesuch)",
            b"(triage: None\xc3\xa4)",
            b"(triage /* */ : None)",
            b"(triage: None, notes: \"triage today\")",
            b"(r#triage: Some(()))",
        ] {
            assert!(may_hold_triage(text), "{}", String::from_utf8_lossy(text));
        }
    }
}
