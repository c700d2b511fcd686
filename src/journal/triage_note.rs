//! A note, kept in the data dir, of the days that hold a triage, so that a first screen whose
//! days hold none finds the latest red-flag answer without reading every older day (design
//! section 8: the first screen must not depend on the length of the history).
//!
//! The note is only ever a pointer: the answer itself is always read from that day's file.
//! It is trusted only while `days/` and every year folder from the first screen's back to the
//! noted day's are the folders it was written against: the same folder, the same change time
//! (which any file created, renamed or removed in it moves on) and, when that time was too
//! close to the note's to tell two changes apart, the same names and inodes in it. So a day
//! synced in or restored since makes the app search as before. A year in which a day could
//! not be read, or that holds links, is never vouched for. Written by the full read that
//! follows the first frame, kept up to date by the app's own saves, and safe to delete.

use super::diskfile::read_regular_text;
use super::read::parse_year;
use super::scope::Loaded;
use super::tidy::STALE_AFTER;
use chrono::{Datelike, NaiveDate};
use std::fmt::Write as _;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

/// Where the note of this computer is in the data dir: `.latest-triage.<host>.ron`. Each
/// computer keeps its own (a note speaks of its own folders), so two computers that sync the
/// journal do not keep replacing each other's.
#[must_use]
pub fn note_path(root: &Path) -> PathBuf {
    let host: String = host_name()
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '-')
        .take(64)
        .collect();
    if host.is_empty() {
        root.join(".latest-triage.ron")
    } else {
        root.join(format!(".latest-triage.{host}.ron"))
    }
}

#[cfg(unix)]
fn host_name() -> String {
    rustix::system::uname()
        .nodename()
        .to_string_lossy()
        .into_owned()
}

#[cfg(not(unix))]
fn host_name() -> String {
    std::env::var("COMPUTERNAME").unwrap_or_default()
}

/// Which folder it is (device and inode) and when it last changed (its change time, which
/// nothing but the system sets).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Stamp(u64, u64, i64, i64);

impl Stamp {
    /// The stamp of the folder at `path`: `None` when there is none.
    fn of(path: &Path) -> Option<Self> {
        fs::metadata(path)
            .ok()
            .filter(fs::Metadata::is_dir)
            .map(|m| Self::of_meta(&m))
    }

    #[cfg(unix)]
    fn of_meta(meta: &fs::Metadata) -> Self {
        use std::os::unix::fs::MetadataExt;
        Self(meta.dev(), meta.ino(), meta.ctime(), meta.ctime_nsec())
    }

    /// Without a change time, the modification time (a folder's moves when a file is
    /// added, renamed or removed in it).
    #[cfg(not(unix))]
    fn of_meta(meta: &fs::Metadata) -> Self {
        let since = meta
            .modified()
            .ok()
            .and_then(|t| t.duration_since(SystemTime::UNIX_EPOCH).ok())
            .unwrap_or_default();
        Self(
            0,
            0,
            i64::try_from(since.as_secs()).unwrap_or(i64::MAX),
            i64::from(since.subsec_nanos()),
        )
    }

    /// The time it stands for.
    fn time(self) -> Option<SystemTime> {
        let secs = u64::try_from(self.2).ok()?;
        let nanos = u32::try_from(self.3).ok()?;
        SystemTime::UNIX_EPOCH.checked_add(Duration::new(secs, nanos))
    }
}

/// A change time closer than this to the moment it was taken may be shared by a change that
/// follows (clocks that move in ticks, file systems that keep seconds or two): the names in
/// the folder are then compared too.
const CLOSE: Duration = Duration::from_secs(3);

/// How far a folder as noted may be trusted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Trust {
    /// Its stamp unchanged is enough.
    Stamp,
    /// Its stamp unchanged and the same names and inodes in it (its change time was close to
    /// when it was noted).
    Names,
    /// Never: a day in it could not be read, or it holds links (what they point to can change
    /// elsewhere), or something named like a year folder is not one.
    Never,
}

impl Trust {
    fn letter(self) -> char {
        match self {
            Trust::Stamp => 's',
            Trust::Names => 'n',
            Trust::Never => 'x',
        }
    }

    fn of_letter(word: &str) -> Option<Self> {
        match word {
            "s" => Some(Trust::Stamp),
            "n" => Some(Trust::Names),
            "x" => Some(Trust::Never),
            _ => None,
        }
    }
}

/// A folder as noted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Mark {
    trust: Trust,
    stamp: Stamp,
    /// The names, inodes and kinds of what the folder held (see [`Listing`]).
    names: u64,
}

impl Mark {
    /// The folder at `path` now, stamped before it is listed (a change between the two moves
    /// its change time past the stamp); `None` when it is not a folder or cannot be listed.
    fn take(path: &Path, now: SystemTime) -> Option<Self> {
        Self::take_each(path, now, |_| {})
    }

    /// As [`Mark::take`], calling `each` with every entry of the folder on the way.
    fn take_each(path: &Path, now: SystemTime, each: impl FnMut(&fs::DirEntry)) -> Option<Self> {
        let stamp = Stamp::of(path)?;
        let listing = Listing::of_each(path, each)?;
        let close = stamp
            .time()
            .is_none_or(|at| now.duration_since(at).is_ok_and(|d| d < CLOSE) || at > now);
        let trust = if listing.links {
            Trust::Never
        } else if close {
            Trust::Names
        } else {
            Trust::Stamp
        };
        Some(Self {
            trust,
            stamp,
            names: listing.hash,
        })
    }

    /// True while the folder at `path` is still the one noted.
    fn holds(&self, path: &Path) -> bool {
        match self.trust {
            Trust::Never => false,
            _ if Stamp::of(path) != Some(self.stamp) => false,
            Trust::Stamp => true,
            Trust::Names => Listing::of(path).is_some_and(|l| !l.links && l.hash == self.names),
        }
    }

    fn write(&self, text: &mut String) {
        let Stamp(dev, ino, secs, nanos) = self.stamp;
        let _ = write!(
            text,
            " {} {dev} {ino} {secs} {nanos} {:016x}",
            self.trust.letter(),
            self.names
        );
    }

    fn parse<'a>(words: &mut impl Iterator<Item = &'a str>) -> Option<Self> {
        let trust = Trust::of_letter(words.next()?)?;
        let stamp = Stamp(
            words.next()?.parse().ok()?,
            words.next()?.parse().ok()?,
            words.next()?.parse().ok()?,
            words.next()?.parse().ok()?,
        );
        let names = words
            .next()
            .filter(|w| w.len() == 16)
            .and_then(|w| u64::from_str_radix(w, 16).ok())?;
        Some(Self {
            trust,
            stamp,
            names,
        })
    }
}

/// What a folder holds, summed so that the order of listing does not matter and one entry
/// can be taken out or put in: a hash of each name, inode and kind.
struct Listing {
    hash: u64,
    /// Something in it is a link.
    links: bool,
}

impl Listing {
    fn of(path: &Path) -> Option<Self> {
        Self::of_each(path, |_| {})
    }

    /// What the folder at `path` holds, calling `each` with every entry.
    fn of_each(path: &Path, mut each: impl FnMut(&fs::DirEntry)) -> Option<Self> {
        let mut listing = Self {
            hash: 0,
            links: false,
        };
        for entry in fs::read_dir(path).ok()? {
            let entry = entry.ok()?;
            each(&entry);
            let kind = entry.file_type().ok()?;
            listing.links |= kind.is_symlink();
            listing.hash = listing.hash.wrapping_add(entry_hash(
                &entry.file_name(),
                inode_of(&entry),
                kind.is_dir(),
            ));
        }
        Some(listing)
    }
}

#[cfg(unix)]
fn inode_of(entry: &fs::DirEntry) -> u64 {
    std::os::unix::fs::DirEntryExt::ino(entry)
}

#[cfg(not(unix))]
fn inode_of(_entry: &fs::DirEntry) -> u64 {
    0
}

/// One folder entry's share of a [`Listing`] (a multiply-rotate hash, as `FxHash` does).
fn entry_hash(name: &std::ffi::OsStr, inode: u64, folder: bool) -> u64 {
    const K: u64 = 0x517c_c1b7_2722_0a95;
    let step = |hash: u64, word: u64| (hash.rotate_left(5) ^ word).wrapping_mul(K);
    let mut hash = step(step(0, inode), u64::from(folder));
    for byte in name.as_encoded_bytes() {
        hash = step(hash, u64::from(*byte));
    }
    step(hash, 0xff)
}

/// The note: `days/` as noted, then every year folder, newest first, as noted, with the days
/// of that year whose file holds a triage. In the file, after a first line that says what it
/// is and its version, and a comment:
///
/// ```text
/// days s <device> <inode> <seconds> <nanoseconds> <names>
/// 2026 n <device> <inode> <seconds> <nanoseconds> <names> 12 45 160
/// end <check>
/// ```
///
/// (`s`, `n` or `x`: see [`Trust`]; a year's days as their number in the year, 1 to 366,
/// oldest first; `<check>` a hash of the lines before it, so a note cut short or edited by
/// hand is not used). Lines, not RON: the first screen reads only the lines of the years it
/// needs, whatever the length of the history.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Note {
    days: Mark,
    years: Vec<YearLine>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
struct YearLine {
    year: i32,
    mark: Mark,
    /// Days of the year (1-366) whose file holds a triage, oldest first.
    triage_days: Vec<u32>,
}

/// The note's first line: what it is, and the version of its format.
const HEADER: &str = "stridelog triage note 2";

impl Note {
    /// The note's lines between its header and its end, when it is whole and unchanged.
    fn text(root: &Path) -> Option<String> {
        let text = read_regular_text(&note_path(root)).ok()?;
        let body = text.strip_prefix(HEADER)?.strip_prefix('\n')?;
        let (body, end) = body.strip_suffix('\n')?.rsplit_once('\n')?;
        let check = u64::from_str_radix(end.strip_prefix("end ")?, 16).ok()?;
        (check == text_hash(body)).then(|| body.to_owned())
    }

    /// The lines, comments left out.
    fn lines(body: &str) -> impl Iterator<Item = &str> {
        body.lines().filter(|line| !line.starts_with('#'))
    }

    /// The whole note (for changing it).
    fn read(root: &Path) -> Option<Self> {
        Self::parse(&Self::text(root)?)
    }

    /// A note's text read without its check (tests).
    #[cfg(test)]
    fn read_unchecked(text: &str) -> Option<Self> {
        let body = text.strip_prefix(HEADER)?.strip_prefix('\n')?;
        Self::parse(body.strip_suffix('\n')?.rsplit_once('\n')?.0)
    }

    fn parse(body: &str) -> Option<Self> {
        let mut lines = Self::lines(body);
        let days = parse_days_line(lines.next()?)?;
        let years = lines.map(parse_year_line).collect::<Option<Vec<_>>>()?;
        Some(Self { days, years })
    }

    fn write(&self, root: &Path) -> io::Result<()> {
        let mut body = String::from(
            "# Where stridelog last found your red-flag answers, so that it opens quickly \
             whatever the length of your journal. Checked before each use, made again when \
             needed: safe to delete.\ndays",
        );
        self.days.write(&mut body);
        for year in &self.years {
            let _ = write!(body, "\n{:04}", year.year);
            year.mark.write(&mut body);
            for day in &year.triage_days {
                let _ = write!(body, " {day}");
            }
        }
        let text = format!("{HEADER}\n{body}\nend {:016x}\n", text_hash(&body));
        // No need to flush it to disk: a note lost or cut short is not used.
        let mut temp = tempfile::Builder::new()
            .prefix(TEMP_PREFIX)
            .suffix(TEMP_SUFFIX)
            .tempfile_in(root)?;
        io::Write::write_all(&mut temp, text.as_bytes())?;
        temp.persist(note_path(root)).map_err(|e| e.error)?;
        Ok(())
    }
}

/// A note being written is `.latest-triage.XXXXXX.tmp` in the data dir, then renamed.
const TEMP_PREFIX: &str = ".latest-triage.";
const TEMP_SUFFIX: &str = ".tmp";

/// Removes the temp files of notes whose writing was cut short (a crash in those
/// microseconds), once a minute old: the tidy-up of temp files looks only in `days/`.
fn remove_stale_temps(root: &Path, now: SystemTime) {
    let Ok(entries) = fs::read_dir(root) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(name) = name.to_str() else {
            continue;
        };
        let ours = name.len() > TEMP_PREFIX.len() + TEMP_SUFFIX.len()
            && name.starts_with(TEMP_PREFIX)
            && name.ends_with(TEMP_SUFFIX);
        let stale = entry.metadata().is_ok_and(|m| {
            m.is_file()
                && m.modified()
                    .is_ok_and(|at| now.duration_since(at).is_ok_and(|age| age >= STALE_AFTER))
        });
        if ours && stale {
            let _ = fs::remove_file(entry.path());
        }
    }
}

fn text_hash(text: &str) -> u64 {
    super::diskfile::content_hash(text.as_bytes())
}

fn parse_days_line(line: &str) -> Option<Mark> {
    let mut words = line.split(' ');
    (words.next()? == "days").then_some(())?;
    let mark = Mark::parse(&mut words)?;
    words.next().is_none().then_some(mark)
}

fn parse_year_line(line: &str) -> Option<YearLine> {
    let mut words = line.split(' ');
    let year = parse_year(words.next()?)?;
    let mark = Mark::parse(&mut words)?;
    let triage_days = words
        .map(|day| day.parse().ok().filter(|d| (1..=366).contains(d)))
        .collect::<Option<Vec<u32>>>()?;
    Some(YearLine {
        year,
        mark,
        triage_days,
    })
}

/// What the note says of the days before a date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Noted {
    /// The note cannot be used (missing, of another version, broken, or a folder it needs
    /// has changed since): the days must be searched.
    Unknown,
    /// No day before it holds a triage.
    NoTriage,
    /// The newest day before it that holds a triage (the caller checks that it still does).
    Triage(NaiveDate),
}

/// What the note says of the days before `before`, when it holds. Only the lines of the
/// years from `before`'s back to the noted day's are read and checked.
pub(super) fn latest_before(root: &Path, before: NaiveDate) -> Noted {
    noted_before(root, before).unwrap_or(Noted::Unknown)
}

fn noted_before(root: &Path, before: NaiveDate) -> Option<Noted> {
    let body = Note::text(root)?;
    let mut lines = Note::lines(&body);
    let days = root.join("days");
    if !parse_days_line(lines.next()?)?.holds(&days) {
        return Some(Noted::Unknown);
    }
    // Newest first, each year once: a note in another order was not written by us.
    let mut newer = i32::MAX;
    for line in Note::lines(&body).skip(1) {
        let year = parse_year(line.get(..4)?)?;
        if year >= newer {
            return None;
        }
        newer = year;
    }
    for line in lines {
        let year = parse_year_line(line)?;
        // A year whose days all fall on or after `before` does not matter.
        if NaiveDate::from_yo_opt(year.year, 1).is_none_or(|first| first >= before) {
            continue;
        }
        if !year.mark.holds(&days.join(format!("{:04}", year.year))) {
            return Some(Noted::Unknown);
        }
        let newest = year
            .triage_days
            .iter()
            .rev()
            .filter_map(|day| NaiveDate::from_yo_opt(year.year, *day))
            .find(|date| *date < before);
        if let Some(date) = newest {
            return Some(Noted::Triage(date));
        }
    }
    Some(Noted::NoTriage)
}

/// `days/` and its year folders, noted before a full read so that whatever changes during the
/// read makes the note stale rather than wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Marks {
    days: Mark,
    years: Vec<(i32, Mark)>,
}

impl Marks {
    /// `days/` under `root` and every year folder in it, as they are now: `None` when there
    /// is no `days/` yet or it cannot be listed.
    #[must_use]
    pub fn take(root: &Path) -> Option<Self> {
        Self::take_at(root, SystemTime::now())
    }

    /// As [`Marks::take`], with the time the folders' change times are compared with.
    fn take_at(root: &Path, now: SystemTime) -> Option<Self> {
        let days = root.join("days");
        let mut years = Vec::new();
        let mut not_folders = false;
        let mut mark = Mark::take_each(&days, now, |entry| {
            let Some(year) = entry.file_name().to_str().and_then(parse_year) else {
                return;
            };
            match Mark::take(&entry.path(), now) {
                Some(at) => years.push((year, at)),
                // A link to a folder not there now (a drive not mounted), a file: what it
                // may become is not known.
                None => not_folders = true,
            }
        })?;
        if not_folders {
            mark.trust = Trust::Never;
        }
        Some(Self { days: mark, years })
    }
}

/// Writes the note after the full read that followed the first frame: `older` is what it read
/// (every day but the first screen's), `window` the first screen's days that hold a triage
/// and the years in which one of them could not be read, looked at again after it (see
/// `latest::triage_days_between`), `marks` the folders as they were before it began.
///
/// # Errors
/// When the note cannot be written (the app is then only slower to open next time).
pub(super) fn write_after_read(
    root: &Path,
    marks: Marks,
    older: &Loaded,
    window: (Vec<NaiveDate>, Vec<i32>),
) -> io::Result<()> {
    let mut triage_days: Vec<NaiveDate> = older
        .journal
        .days
        .values()
        .filter(|day| day.triage.is_some())
        .map(|day| day.date)
        .collect();
    // A day that could not be read may hold a triage: its year is not vouched for.
    let mut unsure: Vec<i32> = older
        .journal
        .problems
        .iter()
        .filter(|p| !p.is_newer_version())
        .filter_map(|p| p.date.map(|d| d.year()))
        .collect();
    let (inside, inside_unsure) = window;
    triage_days.extend(inside);
    unsure.extend(inside_unsure);
    write(root, &triage_days, &unsure, marks)
}

/// Writes the note: `triage_days` are the days found holding a triage, `unsure` the years in
/// which a day could not be read (a triage may be in it), `marks` the folders as they were
/// before they were read.
fn write(root: &Path, triage_days: &[NaiveDate], unsure: &[i32], marks: Marks) -> io::Result<()> {
    let mut years: Vec<YearLine> = marks
        .years
        .into_iter()
        .map(|(year, mut mark)| {
            if unsure.contains(&year) {
                mark.trust = Trust::Never;
            }
            let mut days: Vec<u32> = triage_days
                .iter()
                .filter(|d| d.year() == year)
                .map(Datelike::ordinal)
                .collect();
            days.sort_unstable();
            days.dedup();
            YearLine {
                year,
                mark,
                triage_days: days,
            }
        })
        .collect();
    years.sort_unstable_by_key(|y| std::cmp::Reverse(y.year));
    let note = Note {
        days: marks.days,
        years,
    };
    remove_stale_temps(root, SystemTime::now());
    if Note::read(root).as_ref() == Some(&note) {
        return Ok(());
    }
    note.write(root)
}

/// A save of the day on `date`, looked at before it writes anything.
#[derive(Debug, Clone, Copy)]
pub struct BeforeSave {
    date: NaiveDate,
    days: Option<Stamp>,
    year: Option<Stamp>,
    /// The inode of the day's file, when there was one.
    file: Option<u64>,
}

impl BeforeSave {
    #[must_use]
    pub fn take(root: &Path, date: NaiveDate) -> Self {
        let days = root.join("days");
        let year = days.join(format!("{:04}", date.year()));
        Self {
            date,
            days: Stamp::of(&days),
            year: Stamp::of(&year),
            file: file_inode(&year.join(format!("{date}.ron"))),
        }
    }

    /// Brings the note up to date after the save of a day that holds a triage or not. Only
    /// where the note held just before the save, and only when the year folder now holds
    /// exactly what the note said plus this save's file (the same names and inodes: another
    /// program's file that came meanwhile leaves the note stale). Nothing here can fail a
    /// save: a note not brought up to date is stale, never wrong.
    pub fn after(self, root: &Path, holds_triage: bool) {
        let Some(mut note) = Note::read(root) else {
            return;
        };
        let days = root.join("days");
        let folder = days.join(format!("{:04}", self.date.year()));
        let name = format!("{}.ron", self.date);
        let Some(line) = note.years.iter_mut().find(|y| y.year == self.date.year()) else {
            // A year folder this save made: the note is left stale (once a year).
            return;
        };
        if self.days != Some(note.days.stamp)
            || self.year != Some(line.mark.stamp)
            || line.mark.trust == Trust::Never
        {
            return;
        }
        // Stamped before it is listed, as the full read does.
        let (Some(stamp), Some(listing), Some(file)) = (
            Stamp::of(&folder),
            Listing::of(&folder),
            file_inode(&folder.join(&name)),
        ) else {
            return;
        };
        let name = std::ffi::OsStr::new(&name);
        let mut expected = line.mark.names;
        if let Some(old) = self.file {
            expected = expected.wrapping_sub(entry_hash(name, old, false));
        }
        expected = expected.wrapping_add(entry_hash(name, file, false));
        if listing.links || listing.hash != expected {
            return;
        }
        // Its change time is now, too close to tell a change that follows: names checked.
        line.mark = Mark {
            trust: Trust::Names,
            stamp,
            names: listing.hash,
        };
        let day = self.date.ordinal();
        line.triage_days.retain(|d| *d != day);
        if holds_triage {
            line.triage_days.push(day);
            line.triage_days.sort_unstable();
        }
        let _ = note.write(root);
    }
}

/// The inode of the regular file at `path` (not followed if it is a link).
fn file_inode(path: &Path) -> Option<u64> {
    let meta = fs::symlink_metadata(path).ok()?;
    #[cfg(unix)]
    let inode = std::os::unix::fs::MetadataExt::ino(&meta);
    #[cfg(not(unix))]
    let inode = 0;
    meta.is_file().then_some(inode)
}

#[cfg(test)]
mod tests;
