//! A note, kept in the data dir, of the newest day that holds a triage, so that a first
//! screen whose days hold none finds the latest red-flag answer without reading every older
//! day (design section 8: the first screen must not depend on the length of the history).
//!
//! The note is only ever a pointer: the answer itself is always read from that day's file.
//! It is trusted only while `days/` and every year folder from the noted day's year on are
//! the very folders it was written against (their change times, which any file created,
//! renamed or removed in them moves on), so a day synced in or restored since makes the app
//! search as before. Written by the full read that follows the first frame, kept up to date
//! by the app's own saves, and safe to delete.

use super::read::parse_year;
use chrono::{Datelike, NaiveDate};
use std::fs;
use std::io;
use std::path::Path;

/// Where the note of this computer is in the data dir: `.latest-triage.<host>.ron`. Each
/// computer keeps its own (a note speaks of its own folders), so two computers that sync the
/// journal do not keep replacing each other's.
#[must_use]
pub fn note_path(root: &Path) -> std::path::PathBuf {
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

#[cfg(target_os = "linux")]
fn host_name() -> String {
    rustix::system::uname()
        .nodename()
        .to_string_lossy()
        .into_owned()
}

#[cfg(not(target_os = "linux"))]
fn host_name() -> String {
    std::env::var("COMPUTERNAME").unwrap_or_default()
}

/// What a folder was when the note was written: which folder (device and inode) and when it
/// last changed (its change time, which nothing but the system sets).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stamp(u64, u64, i64, i64);

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
            .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
            .unwrap_or_default();
        Self(
            0,
            0,
            i64::try_from(since.as_secs()).unwrap_or(i64::MAX),
            i64::from(since.subsec_nanos()),
        )
    }
}

/// The stamps of `days/` and of its year folders, taken before a full read so that whatever
/// changes during the read makes the note stale rather than wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stamps {
    days: Stamp,
    years: Vec<(i32, Stamp)>,
}

impl Stamps {
    /// The stamps of `days/` under `root` and of every year folder in it: `None` when there
    /// is no `days/` yet or it cannot be listed.
    #[must_use]
    pub fn take(root: &Path) -> Option<Self> {
        let days = root.join("days");
        let stamp = Stamp::of(&days)?;
        let mut years = Vec::new();
        for entry in fs::read_dir(&days).ok()? {
            let entry = entry.ok()?;
            if let Some(year) = entry.file_name().to_str().and_then(parse_year)
                && let Some(at) = Stamp::of(&entry.path())
            {
                years.push((year, at));
            }
        }
        Some(Self { days: stamp, years })
    }
}

/// The note: the stamp of `days/`, then every year folder, newest first, with its stamp and
/// the days of that year whose file holds a triage. In the file, after a first line that says
/// what it is and its version and a comment:
///
/// ```text
/// days <device> <inode> <seconds> <nanoseconds>
/// 2026 <device> <inode> <seconds> <nanoseconds> 12 45 160
/// ```
///
/// (a year's days as their number in the year, 1 to 366, oldest first). Lines, not RON: the
/// first screen reads only the lines of the years it needs, whatever the length of the
/// history.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Note {
    days: Stamp,
    years: Vec<YearLine>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
struct YearLine {
    year: i32,
    stamp: Stamp,
    /// Days of the year (1-366) whose file holds a triage, oldest first.
    triage_days: Vec<u32>,
}

/// The note's first line: what it is, and the version of its format.
const HEADER: &str = "stridelog triage note 1";

/// The note's last line: a note cut short (by a crash as it was written) is not used.
const END: &str = "end\n";

impl Note {
    fn text(root: &Path) -> Option<String> {
        let text = fs::read_to_string(note_path(root)).ok()?;
        (text.starts_with(HEADER) && text.ends_with(END)).then_some(text)
    }

    /// The lines between the header and the end, comments left out.
    fn lines(text: &str) -> impl Iterator<Item = &str> {
        let body = text[..text.len() - END.len()].lines().skip(1);
        body.filter(|line| !line.starts_with('#'))
    }

    /// The whole note (for changing it).
    fn read(root: &Path) -> Option<Self> {
        let text = Self::text(root)?;
        let mut lines = Self::lines(&text);
        let days = parse_days_line(lines.next()?)?;
        let years = lines.map(parse_year_line).collect::<Option<Vec<_>>>()?;
        Some(Self { days, years })
    }

    fn write(&self, root: &Path) -> io::Result<()> {
        use std::fmt::Write as _;
        let mut text = format!(
            "{HEADER}\n# Where stridelog last found your red-flag answers, so that it opens \
             quickly whatever the length of your journal. Checked before each use, made again \
             when needed: safe to delete.\n"
        );
        let Stamp(dev, ino, secs, nanos) = self.days;
        let _ = writeln!(text, "days {dev} {ino} {secs} {nanos}");
        for year in &self.years {
            let Stamp(dev, ino, secs, nanos) = year.stamp;
            let _ = write!(text, "{:04} {dev} {ino} {secs} {nanos}", year.year);
            for day in &year.triage_days {
                let _ = write!(text, " {day}");
            }
            text.push('\n');
        }
        text.push_str(END);
        // No need to flush it to disk: a note lost or cut short is not used.
        let mut temp = tempfile::Builder::new()
            .prefix(".latest-triage.")
            .suffix(".tmp")
            .tempfile_in(root)?;
        io::Write::write_all(&mut temp, text.as_bytes())?;
        temp.persist(note_path(root)).map_err(|e| e.error)?;
        Ok(())
    }
}

fn parse_stamp<'a>(words: &mut impl Iterator<Item = &'a str>) -> Option<Stamp> {
    Some(Stamp(
        words.next()?.parse().ok()?,
        words.next()?.parse().ok()?,
        words.next()?.parse().ok()?,
        words.next()?.parse().ok()?,
    ))
}

fn parse_days_line(line: &str) -> Option<Stamp> {
    let mut words = line.split(' ');
    (words.next()? == "days").then_some(())?;
    let stamp = parse_stamp(&mut words)?;
    words.next().is_none().then_some(stamp)
}

fn parse_year_line(line: &str) -> Option<YearLine> {
    let mut words = line.split(' ');
    let year = parse_year(words.next()?)?;
    let stamp = parse_stamp(&mut words)?;
    let triage_days = words
        .map(|day| day.parse().ok().filter(|d| (1..=366).contains(d)))
        .collect::<Option<Vec<u32>>>()?;
    Some(YearLine {
        year,
        stamp,
        triage_days,
    })
}

/// The date of day `ordinal` of `year`.
fn date_of(year: i32, ordinal: u32) -> Option<NaiveDate> {
    NaiveDate::from_yo_opt(year, ordinal)
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
    let text = Note::text(root)?;
    let mut lines = Note::lines(&text);
    let days = root.join("days");
    if Stamp::of(&days) != Some(parse_days_line(lines.next()?)?) {
        return Some(Noted::Unknown);
    }
    for line in lines {
        let year = parse_year_line(line)?;
        // A year whose days all fall on or after `before` does not matter.
        if date_of(year.year, 1).is_none_or(|first| first >= before) {
            continue;
        }
        if Stamp::of(&days.join(format!("{:04}", year.year))) != Some(year.stamp) {
            return Some(Noted::Unknown);
        }
        let newest = year
            .triage_days
            .iter()
            .rev()
            .filter_map(|day| date_of(year.year, *day))
            .find(|date| *date < before);
        if let Some(date) = newest {
            return Some(Noted::Triage(date));
        }
    }
    Some(Noted::NoTriage)
}

/// Writes the note after a full read: `triage_days` are the days the read found holding a
/// triage, `stamps` the folders as they were before it began.
///
/// # Errors
/// When the note cannot be written (the app is then only slower to open next time).
pub fn write(root: &Path, triage_days: &[NaiveDate], stamps: Stamps) -> io::Result<()> {
    let mut years: Vec<YearLine> = stamps
        .years
        .into_iter()
        .map(|(year, stamp)| {
            let mut days: Vec<u32> = triage_days
                .iter()
                .filter(|d| d.year() == year)
                .map(Datelike::ordinal)
                .collect();
            days.sort_unstable();
            days.dedup();
            YearLine {
                year,
                stamp,
                triage_days: days,
            }
        })
        .collect();
    years.sort_unstable_by_key(|y| std::cmp::Reverse(y.year));
    let note = Note {
        days: stamps.days,
        years,
    };
    if Note::read(root).as_ref() == Some(&note) {
        return Ok(());
    }
    note.write(root)
}

/// The folders a save of the day on `date` may change, stamped before it writes anything.
#[derive(Debug, Clone, Copy)]
pub struct BeforeSave {
    date: NaiveDate,
    days: Option<Stamp>,
    year: Option<Stamp>,
}

impl BeforeSave {
    #[must_use]
    pub fn take(root: &Path, date: NaiveDate) -> Self {
        let days = root.join("days");
        Self {
            date,
            days: Stamp::of(&days),
            year: Stamp::of(&days.join(format!("{:04}", date.year()))),
        }
    }

    /// Brings the note up to date after the save of a day that holds a triage or not: the
    /// folders this save changed are stamped again and the day noted or not, but only where
    /// the note held for them just before (a change by another program since stays a
    /// change). Nothing here can fail a save: a note not brought up to date is stale, never
    /// wrong.
    pub fn after(self, root: &Path, holds_triage: bool) {
        let Some(mut note) = Note::read(root) else {
            return;
        };
        let days = root.join("days");
        let days_held = self.days == Some(note.days);
        if days_held && let Some(now) = Stamp::of(&days) {
            note.days = now;
        }
        let year = self.date.year();
        let Some(now) = Stamp::of(&days.join(format!("{year:04}"))) else {
            return;
        };
        let at = note.years.iter().position(|y| y.year == year);
        let line = match (at, self.year) {
            (Some(at), Some(before)) if note.years[at].stamp == before => &mut note.years[at],
            // A year folder this save made, where the note vouched that there was none.
            (None, None) if days_held => {
                note.years.push(YearLine {
                    year,
                    stamp: now,
                    triage_days: Vec::new(),
                });
                note.years
                    .sort_unstable_by_key(|y| std::cmp::Reverse(y.year));
                let at = note.years.iter().position(|y| y.year == year);
                &mut note.years[at.expect("just added")]
            }
            _ => {
                let _ = note.write(root);
                return;
            }
        };
        line.stamp = now;
        let day = self.date.ordinal();
        line.triage_days.retain(|d| *d != day);
        if holds_triage {
            line.triage_days.push(day);
            line.triage_days.sort_unstable();
        }
        let _ = note.write(root);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    /// Waits past the clock tick of the last change: on kernels before 6.13 a folder's change
    /// time moves in ticks of a few milliseconds, so two changes in one tick look like one.
    fn next_tick() {
        std::thread::sleep(std::time::Duration::from_millis(20));
    }

    fn journal_with_years(years: &[i32]) -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        for year in years {
            fs::create_dir_all(dir.path().join(format!("days/{year}"))).unwrap();
        }
        dir
    }

    #[test]
    fn a_note_holds_until_a_year_folder_it_needs_changes() {
        let dir = journal_with_years(&[2024, 2025, 2026]);
        let root = dir.path();
        let noted = [date("2024-07-07"), date("2025-03-01"), date("2026-05-05")];
        write(root, &noted, Stamps::take(root).unwrap()).unwrap();
        assert_eq!(
            latest_before(root, date("2026-06-01")),
            Noted::Triage(date("2026-05-05"))
        );
        assert_eq!(
            latest_before(root, date("2026-05-05")),
            Noted::Triage(date("2025-03-01"))
        );
        assert_eq!(
            latest_before(root, date("2025-03-01")),
            Noted::Triage(date("2024-07-07"))
        );
        assert_eq!(latest_before(root, date("2024-07-07")), Noted::NoTriage);
        // An older year folder changing does not matter to the days after it.
        next_tick();
        fs::write(root.join("days/2024/2024-05-05.ron"), "").unwrap();
        assert_eq!(
            latest_before(root, date("2026-01-01")),
            Noted::Triage(date("2025-03-01"))
        );
        assert_eq!(latest_before(root, date("2025-01-01")), Noted::Unknown);
        // A file arriving in a later year does (a synced day may hold a newer triage).
        next_tick();
        fs::write(root.join("days/2026/2026-01-02.ron"), "").unwrap();
        assert_eq!(latest_before(root, date("2026-06-01")), Noted::Unknown);
        // But not to the days before that year.
        assert_eq!(
            latest_before(root, date("2025-12-31")),
            Noted::Triage(date("2025-03-01"))
        );
    }

    #[test]
    fn a_new_year_folder_makes_the_note_stale() {
        let dir = journal_with_years(&[2024, 2025]);
        let root = dir.path();
        write(root, &[], Stamps::take(root).unwrap()).unwrap();
        assert_eq!(latest_before(root, date("2026-01-01")), Noted::NoTriage);
        next_tick();
        fs::create_dir(root.join("days/2023")).unwrap();
        assert_eq!(latest_before(root, date("2026-01-01")), Noted::Unknown);
    }

    #[test]
    fn a_broken_or_foreign_note_is_not_used() {
        let dir = journal_with_years(&[2025]);
        let root = dir.path();
        write(root, &[date("2025-02-02")], Stamps::take(root).unwrap()).unwrap();
        let text = fs::read_to_string(note_path(root)).unwrap();
        assert_eq!(
            latest_before(root, date("2026-01-01")),
            Noted::Triage(date("2025-02-02"))
        );
        for broken in [
            String::new(),
            text[..text.len() - 4].to_owned(),
            text.replace(" 33\nend\n", "\n"),
            text.replace(HEADER, "stridelog triage note 2"),
            text.replace(" 33\n", " 367\n"),
            text.replace(" 33\n", " x\n"),
            text.replace("days ", "days 1 "),
        ] {
            fs::write(note_path(root), &broken).unwrap();
            assert_eq!(
                latest_before(root, date("2026-01-01")),
                Noted::Unknown,
                "{broken}"
            );
        }
    }

    #[test]
    fn our_own_saves_keep_the_note_up_to_date() {
        let dir = journal_with_years(&[2025, 2026]);
        let root = dir.path();
        write(root, &[date("2025-03-01")], Stamps::take(root).unwrap()).unwrap();
        let save = |day: &str, triage: bool| {
            let before = BeforeSave::take(root, date(day));
            let path = root.join(super::super::scope::day_path(date(day)));
            fs::create_dir_all(path.parent().unwrap()).unwrap();
            fs::write(&path, "").unwrap();
            before.after(root, triage);
        };
        save("2026-02-01", false);
        assert_eq!(
            latest_before(root, date("2026-06-01")),
            Noted::Triage(date("2025-03-01"))
        );
        save("2026-02-02", true);
        assert_eq!(
            latest_before(root, date("2026-06-01")),
            Noted::Triage(date("2026-02-02"))
        );
        // A new year folder made by a save.
        save("2027-01-01", true);
        assert_eq!(
            latest_before(root, date("2027-06-01")),
            Noted::Triage(date("2027-01-01"))
        );
        // Taking a triage away.
        save("2026-02-02", false);
        assert_eq!(
            latest_before(root, date("2026-06-01")),
            Noted::Triage(date("2025-03-01"))
        );
        // Another program's file in a folder, then our save there: still stale.
        next_tick();
        fs::write(root.join("days/2026/2026-03-03.ron"), "").unwrap();
        save("2026-02-03", false);
        assert_eq!(latest_before(root, date("2026-12-31")), Noted::Unknown);
        // The days after it are still known: the triage of 2027 is newer than any change.
        assert_eq!(
            latest_before(root, date("2027-06-01")),
            Noted::Triage(date("2027-01-01"))
        );
        assert_eq!(
            latest_before(root, date("2026-01-01")),
            Noted::Triage(date("2025-03-01"))
        );
    }
}
