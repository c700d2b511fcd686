//! One pass over `days/`, its folders spread over the cores: each folder is listed and its day
//! files read and parsed as they are found. For `stridelog check` the same pass also notes what
//! [`tidy::open_to_others`] and [`tidy::remove_stale_temp_files`] look for, so the folders are
//! walked once instead of three times, and a day file's mode comes from reading it rather
//! than from one more look at it.

use super::dated::ByName;
use super::diskfile::{self, read_regular_file};
use super::read::{Candidate, Outcome, day_file_date, open_days, parse_year};
use super::scope::{Loaded, Scope};
use super::tidy;
use super::triage_note;
use chrono::{Datelike, NaiveDate};
use std::ffi::OsStr;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::SystemTime;

/// What a walk looks for besides the day files.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Also {
    Nothing,
    /// What others can read, and our temp files that were already old at this time.
    Tidiness(SystemTime),
}

/// One of our temp files left by an interrupted save.
#[derive(Debug)]
pub(super) struct Stale {
    pub(super) path: PathBuf,
    /// The path from the data dir.
    pub(super) rel: String,
    /// What it is to `check` if it cannot be removed.
    pub(super) if_kept: IfKept,
}

/// What a temp file that could not be removed is to `check`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum IfKept {
    /// A file under `days/` that is not a day file (it is in `days/` or a year folder).
    Stray,
    /// Nothing (it is in another folder, which `check` does not list).
    Unlisted,
}

/// What a walk found.
#[derive(Debug, Default)]
pub(super) struct Walked {
    pub(super) loaded: Loaded,
    pub(super) stale: Vec<Stale>,
    /// What others can read: the path from the data dir ("." for itself) and the mode.
    pub(super) open: Vec<(String, u32)>,
}

/// What the folders a thread walked gave, before it goes into a [`Walked`]. Each thread keeps
/// one for all its folders: maps built per folder on other threads, then moved and freed,
/// would leave their memory to those threads' allocators (megabytes on a long history).
#[derive(Default)]
struct Found {
    outcomes: Vec<Outcome>,
    strays: Vec<String>,
    stale: Vec<Stale>,
    open: Vec<(String, u32)>,
    /// The first folder that could not be listed.
    error: Option<io::Error>,
}

/// A folder under `days/` to walk.
struct Folder {
    path: PathBuf,
    name: String,
    /// The year of a year folder, whose day files are read.
    year: Option<i32>,
    /// Whether it is looked at for tidiness too.
    tidy: Tidy,
}

/// Whether a folder is looked at for tidiness (what others can read, old temp files).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tidy {
    /// Yes: it is a folder itself, as `tidy` walks them (and the walk is for tidiness).
    Look,
    /// No: a link to a folder (which `tidy` passes over), or a walk only for the days.
    Skip,
}

/// Walks `days/` under `root` for the day files of `scope` (and `also`).
///
/// # Errors
/// When `days/` or a year folder in `scope` cannot be listed, as [`read_days`].
pub(super) fn walk(root: &Path, scope: Scope, also: Also) -> io::Result<Walked> {
    let mut walked = Walked::default();
    let tidiness = matches!(also, Also::Tidiness(_));
    if tidiness {
        look(root, root, &mut walked.open);
    }
    let Some(entries) = open_days(root)? else {
        return Ok(walked);
    };
    if tidiness {
        look(root, &root.join("days"), &mut walked.open);
    }
    let mut folders = Vec::new();
    for entry in entries {
        let entry = entry?;
        let name = entry.file_name().to_string_lossy().into_owned();
        let itself_a_folder = entry.file_type().is_ok_and(|t| t.is_dir());
        if let Also::Tidiness(now) = also
            && stale_temp(&entry, &name, now)
        {
            walked.stale.push(Stale {
                path: entry.path(),
                rel: format!("days/{name}"),
                if_kept: IfKept::Stray,
            });
            continue;
        }
        let year = parse_year(&name);
        match year {
            Some(year) if scope.contains(year) => {
                if entry.path().is_dir() {
                    folders.push(Folder {
                        path: entry.path(),
                        name,
                        year: Some(year),
                        tidy: if tidiness && itself_a_folder {
                            Tidy::Look
                        } else {
                            Tidy::Skip
                        },
                    });
                } else {
                    walked
                        .loaded
                        .journal
                        .stray_files
                        .push(format!("days/{name}"));
                }
            }
            _ => {
                // The full read (all of it, or all but the first screen's days) names what
                // else is in `days/`.
                if year.is_none() && matches!(scope, Scope::All | Scope::Outside { .. }) {
                    walked
                        .loaded
                        .journal
                        .stray_files
                        .push(format!("days/{name}"));
                }
                if tidiness && itself_a_folder {
                    folders.push(Folder {
                        path: entry.path(),
                        name,
                        year: None,
                        tidy: Tidy::Look,
                    });
                }
            }
        }
    }
    let threads = std::thread::available_parallelism().map_or(1, std::num::NonZero::get);
    for found in spread(&folders, threads, |found, folder| {
        walk_folder(root, folder, scope, also, found)
    }) {
        if let Some(error) = found.error {
            return Err(error);
        }
        for outcome in found.outcomes {
            walked.loaded.add(outcome);
        }
        walked.loaded.journal.stray_files.extend(found.strays);
        walked.stale.extend(found.stale);
        walked.open.extend(found.open);
    }
    let journal = &mut walked.loaded.journal;
    journal.problems.sort_by(|a, b| a.path.cmp(&b.path));
    journal.stray_files.sort();
    Ok(walked)
}

/// Runs `work` on every folder, on up to `threads` threads taking the next folder when done
/// with one, each gathering into its own [`Found`]; a thread stops at its first error.
fn spread(
    folders: &[Folder],
    threads: usize,
    work: impl Fn(&mut Found, &Folder) -> io::Result<()> + Sync,
) -> Vec<Found> {
    let next = AtomicUsize::new(0);
    let walker = || {
        let mut found = Found::default();
        while let Some(folder) = folders.get(next.fetch_add(1, Ordering::Relaxed)) {
            if let Err(e) = work(&mut found, folder) {
                found.error = Some(e);
                break;
            }
        }
        found
    };
    let threads = threads.min(folders.len());
    if threads <= 1 {
        return vec![walker()];
    }
    std::thread::scope(|s| {
        let handles: Vec<_> = (0..threads).map(|_| s.spawn(walker)).collect();
        handles
            .into_iter()
            .map(|h| h.join().expect("a walker thread never panics"))
            .collect()
    })
}

/// One folder: its day files read (in a year folder), its other files noted as strays, and,
/// when walked for tidiness, its mode, its `.ron` files' modes and our old temp files.
fn walk_folder(
    root: &Path,
    folder: &Folder,
    scope: Scope,
    also: Also,
    found: &mut Found,
) -> io::Result<()> {
    let tidy = match also {
        Also::Tidiness(now) if folder.tidy == Tidy::Look => Some(now),
        _ => None,
    };
    if tidy.is_some() {
        look(root, &folder.path, &mut found.open);
    }
    // A folder read only for its days: its names, without a `DirEntry` (and its allocations)
    // for each of the hundreds of files listed to find a few dozen, and its files opened in
    // it.
    if tidy.is_none()
        && let Some(year) = folder.year
    {
        let Some(opened) = diskfile::Folder::open(&folder.path)? else {
            return Ok(());
        };
        return opened.each_name(|name| {
            one_name(
                root,
                folder,
                year,
                scope,
                found,
                name,
                Listing::Opened(&opened),
            );
        });
    }
    let entries = match (fs::read_dir(&folder.path), folder.year) {
        (Ok(entries), _) => entries,
        (Err(e), Some(_)) => return Err(e),
        // A folder walked only for tidiness: `tidy` passes over what it cannot read.
        (Err(_), None) => return Ok(()),
    };
    for file in entries {
        let file = match (file, folder.year) {
            (Ok(file), _) => file,
            (Err(e), Some(_)) => return Err(e),
            (Err(_), None) => continue,
        };
        let os_name = file.file_name();
        let name = os_name.to_string_lossy();
        if let Some(now) = tidy
            && stale_temp(&file, &name, now)
        {
            found.stale.push(Stale {
                path: file.path(),
                rel: rel_path(folder, &name),
                if_kept: match folder.year {
                    Some(_) => IfKept::Stray,
                    None => IfKept::Unlisted,
                },
            });
            continue;
        }
        match folder.year {
            Some(year) => one_name(
                root,
                folder,
                year,
                scope,
                found,
                &os_name,
                Listing::Entry(&file),
            ),
            None => {
                if is_ron(&os_name) {
                    look(root, &file.path(), &mut found.open);
                }
            }
        }
    }
    Ok(())
}

/// The path from the data dir of `name` in `folder`.
fn rel_path(folder: &Folder, name: &str) -> String {
    let mut rel = String::with_capacity(6 + folder.name.len() + name.len());
    rel.push_str("days/");
    rel.push_str(&folder.name);
    rel.push('/');
    rel.push_str(name);
    rel
}

fn is_ron(name: &OsStr) -> bool {
    Path::new(name).extension().is_some_and(|e| e == "ron")
}

/// How the names of a year folder were listed.
#[derive(Clone, Copy)]
enum Listing<'a> {
    /// Read only for its days: the folder was opened, and its files are opened in it.
    Opened(&'a diskfile::Folder),
    /// Walked for tidiness too: the listing's entry of this name (the `.ron` files' modes are
    /// then noted).
    Entry(&'a fs::DirEntry),
}

/// One name in a year folder (not an old temp file): a day in scope is read, any other name
/// is a stray.
fn one_name(
    root: &Path,
    folder: &Folder,
    year: i32,
    scope: Scope,
    found: &mut Found,
    os_name: &OsStr,
    listing: Listing,
) {
    // Most names need no path from the data dir (days out of scope): made when needed.
    let rel = || rel_path(folder, &os_name.to_string_lossy());
    let entry = match listing {
        Listing::Entry(entry) => Some(entry),
        Listing::Opened(_) => None,
    };
    let path = || entry.map_or_else(|| folder.path.join(os_name), fs::DirEntry::path);
    let ron = entry.is_some() && is_ron(os_name);
    let name = os_name.to_str();
    let date = name
        .and_then(day_file_date)
        .filter(|date| date.year() == year);
    let (Some(date), Some(name)) = (date, name) else {
        found.strays.push(rel());
        if ron {
            look(root, &path(), &mut found.open);
        }
        return;
    };
    if !scope.contains_date(date) {
        if ron {
            look(root, &path(), &mut found.open);
        }
        return;
    }
    let candidate = Candidate { rel: rel(), date };
    let (outcome, mode) = match listing {
        Listing::Opened(opened) => candidate.outcome_of(opened.read_regular_file(name)),
        Listing::Entry(file) => candidate.outcome_of(read_regular_file(&file.path())),
    };
    found.outcomes.push(outcome);
    if let Some(file) = entry.filter(|_| ron) {
        // What was read is what the listing named, unless the name is a link: then the
        // link itself is what `tidy` looks at.
        let plain_file = file.file_type().is_ok_and(|t| t.is_file());
        match mode {
            Some(mode) if plain_file => {
                if mode & 0o077 != 0 {
                    found.open.push((candidate.rel, mode));
                }
            }
            _ => look(root, &file.path(), &mut found.open),
        }
    }
}

/// True when `entry` is a temp file of ours last changed at least [`tidy::STALE_AFTER`]
/// before `now` (only a plain file, never a link or a folder).
fn stale_temp(entry: &fs::DirEntry, name: &str, now: SystemTime) -> bool {
    tidy::is_own_temp(name)
        && entry.path().symlink_metadata().is_ok_and(|meta| {
            meta.is_file()
                && meta
                    .modified()
                    .ok()
                    .and_then(|m| now.duration_since(m).ok())
                    .is_some_and(|age| age >= tidy::STALE_AFTER)
        })
}

/// Notes `path` when it is a folder or a file (not a link) that others can read, as
/// [`tidy::open_to_others`] does.
fn look(root: &Path, path: &Path, open: &mut Vec<(String, u32)>) {
    if let Ok(meta) = path.symlink_metadata() {
        let mode = super::diskfile::mode(&meta);
        if (meta.is_dir() || meta.is_file()) && mode & 0o077 != 0 {
            let rel = path.strip_prefix(root).unwrap_or(path).to_string_lossy();
            let rel = if rel.is_empty() { ".".into() } else { rel };
            open.push((rel.replace('\\', "/"), mode));
        }
    }
}

/// Reads and parses the day files in `scope`, spreading the work over the machine's cores.
///
/// # Errors
/// Only when the folders cannot be listed.
pub fn read_days(root: &Path, scope: Scope) -> io::Result<Loaded> {
    match scope {
        Scope::LatestTriage { before } => super::latest::latest_triage(root, before),
        Scope::Dates { from, to } => match super::dated::read_dates(root, from, to)? {
            ByName::Read(loaded) => Ok(loaded),
            ByName::Closed => Ok(walk(root, scope, Also::Nothing)?.loaded),
        },
        _ => Ok(walk(root, scope, Also::Nothing)?.loaded),
    }
}

/// Reads every day but those from `from` to `to` (the first screen's), after the first frame.
/// When `keep_note` (the app that holds the lock), it then writes the note of the days
/// holding a triage (`triage_note`), so that a later first screen need not search for it:
/// the folders are noted before the read, so anything that changes them during it makes the
/// note stale, never wrong.
///
/// # Errors
/// Only when the folders cannot be listed.
pub fn read_history(
    root: &Path,
    from: NaiveDate,
    to: NaiveDate,
    keep_note: bool,
) -> io::Result<Loaded> {
    let marks = keep_note.then(|| triage_note::Marks::take(root)).flatten();
    let older = read_days(root, Scope::Outside { from, to })?;
    if let Some(marks) = marks {
        // A note that cannot be written only means searching again next time.
        let window = super::latest::triage_days_between(root, from, to);
        let _ = triage_note::write_after_read(root, marks, &older, window);
    }
    Ok(older)
}
