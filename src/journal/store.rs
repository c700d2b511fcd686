//! The store: the only code that touches the disk. Reads day files (in parallel), saves one day
//! atomically and durably, refuses to overwrite files it could not read or that changed on disk,
//! and holds the data-dir lock so a second app opens read-only.

use super::diskfile::read_regular;
use super::entry::{self, DayEntry};
use super::lock::{self, Holder, HolderInfo, Lock};
use super::read::{Candidate, Outcome, read_one};
use super::swap::{self, Swap};
use super::{Journal, tidy};
use chrono::{Datelike, NaiveDate};
use std::collections::HashMap;
use std::fs::{self, File};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// Whether this app may write.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Access {
    ReadWrite,
    /// Read-only, with the reason to show.
    ReadOnly(String),
}

/// Which day files to read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    All,
    /// Years from this one on.
    From(i32),
    /// Years before this one.
    Before(i32),
    /// Years from the first to the last, both inclusive.
    Years(i32, i32),
    /// The days from `from` to `to`, both included, each found by its file name: no folder is
    /// listed, so the cost follows the number of days, not the date or the length of the
    /// history.
    Dates {
        from: NaiveDate,
        to: NaiveDate,
    },
    /// Every day but those from `from` to `to` (what [`Scope::Dates`] left out).
    Outside {
        from: NaiveDate,
        to: NaiveDate,
    },
    /// Only the newest readable day before `before` that holds a triage (older days are
    /// searched newest first until one does).
    LatestTriage {
        before: NaiveDate,
    },
}

impl Scope {
    /// True when days of `year` may be in scope.
    pub(super) fn contains(self, year: i32) -> bool {
        match self {
            Scope::All | Scope::Outside { .. } => true,
            Scope::From(first) => year >= first,
            Scope::Before(limit) => year < limit,
            Scope::Years(first, last) => (first..=last).contains(&year),
            Scope::Dates { from, to } => (from.year()..=to.year()).contains(&year),
            Scope::LatestTriage { before } => year <= before.year(),
        }
    }

    /// True when the day on `date` is in scope.
    pub(super) fn contains_date(self, date: NaiveDate) -> bool {
        match self {
            Scope::All | Scope::From(_) | Scope::Before(_) | Scope::Years(..) => {
                self.contains(date.year())
            }
            Scope::Dates { from, to } => (from..=to).contains(&date),
            Scope::Outside { from, to } => !(from..=to).contains(&date),
            Scope::LatestTriage { before } => date < before,
        }
    }
}

pub use super::diskfile::Fingerprint;
pub use super::read::{day_file_date, read_days};

/// The result of reading some year folders, ready to be adopted by a store.
#[derive(Debug, Default)]
pub struct Loaded {
    pub journal: Journal,
    pub fingerprints: HashMap<NaiveDate, Fingerprint>,
    /// Dates whose file may not be overwritten, with the reason.
    pub blocked: HashMap<NaiveDate, String>,
}

impl Loaded {
    /// Leaves out what `journal` already holds (a day, or a problem, on the same date): a day
    /// read before, and perhaps saved since, is never replaced by an older reading of it.
    #[must_use]
    pub fn without_known(mut self, journal: &Journal) -> Self {
        let known = |date: &NaiveDate| {
            journal.days.contains_key(date)
                || journal.problems.iter().any(|p| p.date == Some(*date))
        };
        self.journal.days.retain(|date, _| !known(date));
        self.journal
            .problems
            .retain(|p| !p.date.is_some_and(|date| known(&date)));
        self.fingerprints.retain(|date, _| !known(date));
        self.blocked.retain(|date, _| !known(date));
        self
    }
}

/// Why a save did not happen. The message is written for the runner.
#[derive(Debug)]
pub enum SaveError {
    ReadOnly(String),
    /// The file on disk could not be read when loading; it is never overwritten.
    Unreadable {
        path: String,
        reason: String,
    },
    /// The file changed on disk since it was loaded (another program wrote it).
    Changed {
        path: String,
    },
    /// The file was deleted on disk since it was loaded (by hand, a sync tool).
    Deleted {
        path: String,
    },
    Io {
        path: String,
        source: io::Error,
    },
}

impl std::fmt::Display for SaveError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            SaveError::ReadOnly(reason) => write!(f, "not saved: read-only ({reason})"),
            SaveError::Unreadable { path, reason } => write!(
                f,
                "not saved: {path} could not be read ({reason}); fix or move the file first"
            ),
            SaveError::Changed { path } => write!(
                f,
                "not saved: {path} was changed by another program since it was loaded; \
                 reload to see it"
            ),
            SaveError::Deleted { path } => write!(
                f,
                "not saved: {path} was deleted outside stridelog since it was loaded"
            ),
            SaveError::Io { path, source } => write!(f, "not saved: {path}: {source}"),
        }
    }
}

impl std::error::Error for SaveError {}

/// Storage behind the app: the real folder ([`FsStore`]) or an in-memory double for tests
/// ([`super::memory::MemoryStore`]).
pub trait Store {
    /// Reads the day files in `scope` and remembers what was read.
    ///
    /// # Errors
    /// Only when the data dir itself cannot be listed; unreadable day files become problems.
    fn load(&mut self, scope: Scope) -> io::Result<Journal>;
    /// Saves one day atomically.
    ///
    /// # Errors
    /// A [`SaveError`] saying why nothing was written.
    fn save(&mut self, day: &DayEntry) -> Result<(), SaveError>;
    /// Whether this store may write.
    fn access(&self) -> Access;
    /// Where the journal lives, for the status line.
    fn location(&self) -> String;
    /// Takes over what a background [`read_days`] found (fingerprints and blocked files).
    fn adopt(&mut self, loaded: Loaded) -> Journal;
    /// Reads one day again from disk (after another program changed it): `Ok(None)` when the
    /// file is gone, `Err` with the problem when it cannot be read (the day is then blocked).
    fn reload_day(&mut self, date: NaiveDate) -> Result<Option<DayEntry>, String>;
    /// Saves `day` next to its file as `YYYY-MM-DD.conflict-<stamp>.ron` (never loaded as a
    /// day; `check` lists it) and returns that path, so a conflicting edit is kept.
    fn keep_copy(&mut self, day: &DayEntry, stamp: &str) -> Result<String, SaveError>;
    /// A read-only store whose lock was busy tries to take it again; true when it just became
    /// writable (the other stridelog has closed).
    fn retry_lock(&mut self) -> bool {
        false
    }
    /// Something the store did on its own that the runner should hear about once (files made
    /// private, old temp files removed).
    fn take_notice(&mut self) -> Option<String> {
        None
    }
}

/// The path of a conflict copy of a day, relative to the data dir.
pub fn conflict_path(date: NaiveDate, stamp: &str) -> String {
    format!("days/{:04}/{date}.conflict-{stamp}.ron", date.year())
}

/// The journal in a folder on disk.
#[derive(Debug)]
pub struct FsStore {
    root: PathBuf,
    access: Access,
    fingerprints: HashMap<NaiveDate, Fingerprint>,
    blocked: HashMap<NaiveDate, String>,
    lock: LockState,
    /// True once the journal's permissions were checked and tightened (on the first save).
    tightened: bool,
    /// What this store says to the runner once (tightened permissions, cleaned temp files).
    notices: Vec<String>,
}

/// When a store that takes the lock removes the temp files of interrupted saves.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tidy {
    /// While opening.
    Now,
    /// When the caller asks ([`tidy_temp_files`]).
    Later,
}

/// Removes the temp files an interrupted save of ours left under `root` (older than a minute)
/// and says so, if there were any. Only for the holder of the lock.
pub fn tidy_temp_files(root: &Path) -> Option<String> {
    let removed =
        tidy::remove_stale_temp_files(root, std::time::SystemTime::now(), tidy::STALE_AFTER);
    (!removed.is_empty()).then(|| {
        format!(
            "removed {} temp file(s) left by an interrupted save",
            removed.len()
        )
    })
}

/// Whether this store holds the data-dir lock.
#[derive(Debug)]
enum LockState {
    /// Held for the life of the store; the OS releases it when the process ends.
    Held(#[expect(dead_code, reason = "held for its lock, released when dropped")] File),
    /// Someone else held it when we asked: [`Store::retry_lock`] tries again.
    Busy(Holder, HolderInfo),
    /// Read-only for another reason (reading only, a folder that cannot be written).
    NotWanted,
}

impl FsStore {
    /// Opens the journal for the app: creates the folder (private) and takes the lock. When
    /// another app holds the lock the store opens read-only and says so.
    ///
    /// # Errors
    /// When the folder cannot be created or the lock file cannot be opened.
    pub fn open(root: &Path) -> io::Result<Self> {
        Self::open_for(root, Holder::App, std::time::Duration::ZERO)
    }

    /// Opens the journal to write as `who`, waiting up to `patience` for the lock when another
    /// command holds it (see [`lock::take_waiting`]).
    ///
    /// # Errors
    /// When the folder cannot be created or the lock file cannot be opened.
    pub fn open_for(root: &Path, who: Holder, patience: std::time::Duration) -> io::Result<Self> {
        Self::open_tidying(root, who, patience, Tidy::Now)
    }

    /// Opens the journal for the app like [`FsStore::open`], but leaves the temp files of
    /// interrupted saves to [`tidy_temp_files`], which the app calls after its first frame.
    ///
    /// # Errors
    /// When the folder cannot be created or the lock file cannot be opened.
    pub fn open_untidied(root: &Path) -> io::Result<Self> {
        Self::open_tidying(root, Holder::App, std::time::Duration::ZERO, Tidy::Later)
    }

    fn open_tidying(
        root: &Path,
        who: Holder,
        patience: std::time::Duration,
        tidy: Tidy,
    ) -> io::Result<Self> {
        create_private_dir(root)?;
        let taken = match lock::take_waiting(root, who, patience) {
            Ok(taken) => taken,
            // A folder we may read but not write (a read-only mount, a backup): show it.
            Err(e)
                if matches!(
                    e.kind(),
                    io::ErrorKind::PermissionDenied | io::ErrorKind::ReadOnlyFilesystem
                ) && root.is_dir() =>
            {
                let reason = format!("cannot write to {}: {e}", root.display());
                return Ok(Self::with_access(
                    root,
                    Access::ReadOnly(reason),
                    LockState::NotWanted,
                ));
            }
            Err(e) => return Err(e),
        };
        let mut store = match taken {
            Lock::Held(file) => Self::with_access(root, Access::ReadWrite, LockState::Held(file)),
            Lock::Busy(info) => Self::with_access(
                root,
                Access::ReadOnly(info.to_string()),
                LockState::Busy(who, info),
            ),
        };
        if store.lock_held() && tidy == Tidy::Now {
            store.clean_temp_files();
        }
        Ok(store)
    }

    fn lock_held(&self) -> bool {
        matches!(self.lock, LockState::Held(_))
    }

    /// Removes the temp files an interrupted save of ours left (older than a minute).
    fn clean_temp_files(&mut self) {
        self.notices.extend(tidy_temp_files(&self.root));
    }

    /// Makes day files and folders that others can read private again, once per store (on the
    /// first save), and says so once.
    fn tighten_once(&mut self) {
        if self.tightened {
            return;
        }
        self.tightened = true;
        let open = tidy::open_to_others(&self.root);
        match tidy::make_private(&self.root, &open) {
            Ok(0) => {}
            Ok(n) => self.notices.push(format!(
                "made {n} day file(s) or folder(s) private: others could read them"
            )),
            Err(e) => self.notices.push(format!(
                "could not make the journal private ({e}); `stridelog check` lists what others \
                 can read"
            )),
        }
    }

    /// Who holds the lock, when this store is read-only because another stridelog has it.
    #[must_use]
    pub fn lock_holder(&self) -> Option<&HolderInfo> {
        match &self.lock {
            LockState::Busy(_, info) => Some(info),
            _ => None,
        }
    }

    /// Opens the journal for reading only (reports, checks): no lock, no folder created.
    #[must_use]
    pub fn open_read_only(root: &Path) -> Self {
        Self::with_access(
            root,
            Access::ReadOnly("opened for reading only".into()),
            LockState::NotWanted,
        )
    }

    fn with_access(root: &Path, access: Access, lock: LockState) -> Self {
        Self {
            root: root.to_path_buf(),
            access,
            fingerprints: HashMap::new(),
            blocked: HashMap::new(),
            lock,
            tightened: false,
            notices: Vec::new(),
        }
    }

    /// The data dir.
    #[must_use]
    pub fn root(&self) -> &Path {
        &self.root
    }
}

/// The years a day can be stored for: folder and file names hold a four-digit year, so a day
/// outside them would be written where the journal is never read from.
pub const YEARS: std::ops::RangeInclusive<i32> = 0..=9999;

/// True when `date` can be stored (see [`YEARS`]).
#[must_use]
pub fn storable(date: NaiveDate) -> bool {
    YEARS.contains(&date.year())
}

/// Why a day outside [`YEARS`] is not saved, as an I/O error of the save.
pub(crate) fn unstorable() -> io::Error {
    io::Error::new(
        io::ErrorKind::InvalidInput,
        "only days from year 0000 to 9999 can be kept in the journal",
    )
}

/// The path of a day's file relative to the data dir, with `/` separators.
#[must_use]
pub fn day_path(date: NaiveDate) -> String {
    format!("days/{:04}/{date}.ron", date.year())
}

impl Store for FsStore {
    fn load(&mut self, scope: Scope) -> io::Result<Journal> {
        let loaded = read_days(&self.root, scope)?;
        Ok(self.adopt(loaded))
    }

    fn adopt(&mut self, loaded: Loaded) -> Journal {
        // A file that reads fine now (fixed by hand since) may be saved again.
        for date in loaded.fingerprints.keys() {
            if !loaded.blocked.contains_key(date) {
                self.blocked.remove(date);
            }
        }
        self.fingerprints.extend(loaded.fingerprints);
        self.blocked.extend(loaded.blocked);
        loaded.journal
    }

    fn save(&mut self, day: &DayEntry) -> Result<(), SaveError> {
        if let Access::ReadOnly(reason) = &self.access {
            return Err(SaveError::ReadOnly(reason.clone()));
        }
        let rel = day_path(day.date);
        if !storable(day.date) {
            return Err(SaveError::Io {
                path: rel,
                source: unstorable(),
            });
        }
        if let Some(reason) = self.blocked.get(&day.date) {
            return Err(SaveError::Unreadable {
                path: rel,
                reason: reason.clone(),
            });
        }
        let path = self.root.join(&rel);
        let io_err = |source| SaveError::Io {
            path: rel.clone(),
            source,
        };
        let expected = self.fingerprints.get(&day.date).copied();
        // The file must still be the one that was loaded: checked before writing anything,
        // again after the slow part (writing and flushing), and by the swap itself.
        let unchanged = || match read_regular(&path) {
            Ok(None) if expected.is_some() => Err(SaveError::Deleted { path: rel.clone() }),
            Ok(None) => Ok(()),
            Ok(Some((_, found))) if Some(found) == expected => Ok(()),
            Ok(Some(_)) => Err(SaveError::Changed { path: rel.clone() }),
            Err(e) => Err(io_err(e)),
        };
        unchanged()?;
        let text = entry::format_day(day);
        let dir = path.parent().expect("a day path has a folder");
        create_private_dir(&self.root.join("days")).map_err(io_err)?;
        create_private_dir(dir).map_err(io_err)?;
        let staged = stage(dir, text.as_bytes()).map_err(io_err)?;
        unchanged()?;
        let (written, temp_path) = staged.into_parts();
        match swap::put_in_place(&temp_path, &path, expected).map_err(io_err)? {
            Swap::Done => {}
            Swap::Changed => return Err(SaveError::Changed { path: rel }),
            Swap::Deleted => return Err(SaveError::Deleted { path: rel }),
        }
        // What the temp name holds now (the old version, or nothing) goes.
        drop(temp_path);
        let fingerprint = written
            .metadata()
            .map(|meta| Fingerprint::of(text.as_bytes(), &meta))
            .map_err(io_err)?;
        sync_dir(dir).map_err(io_err)?;
        self.fingerprints.insert(day.date, fingerprint);
        self.tighten_once();
        Ok(())
    }

    fn access(&self) -> Access {
        self.access.clone()
    }

    fn location(&self) -> String {
        self.root.display().to_string()
    }

    fn reload_day(&mut self, date: NaiveDate) -> Result<Option<DayEntry>, String> {
        let candidate = Candidate::at(&self.root, date);
        if !candidate.path.exists() {
            self.fingerprints.remove(&date);
            self.blocked.remove(&date);
            return Ok(None);
        }
        match read_one(&candidate).0 {
            Outcome::Day(day, fp) => {
                self.fingerprints.insert(date, fp);
                self.blocked.remove(&date);
                Ok(Some(day))
            }
            Outcome::Newer(day, fp, reason) => {
                self.fingerprints.insert(date, fp);
                self.blocked.insert(date, reason);
                Ok(Some(day))
            }
            Outcome::Problem(problem) => {
                self.blocked.insert(date, problem.error.clone());
                Err(problem.to_string())
            }
        }
    }

    fn retry_lock(&mut self) -> bool {
        let LockState::Busy(who, _) = self.lock else {
            return false;
        };
        match lock::try_take(&self.root, who) {
            Ok(Lock::Held(file)) => {
                self.lock = LockState::Held(file);
                self.access = Access::ReadWrite;
                self.clean_temp_files();
                true
            }
            Ok(Lock::Busy(info)) => {
                self.access = Access::ReadOnly(info.to_string());
                self.lock = LockState::Busy(who, info);
                false
            }
            Err(_) => false,
        }
    }

    fn take_notice(&mut self) -> Option<String> {
        (!self.notices.is_empty()).then(|| std::mem::take(&mut self.notices).join("; "))
    }

    fn keep_copy(&mut self, day: &DayEntry, stamp: &str) -> Result<String, SaveError> {
        if let Access::ReadOnly(reason) = &self.access {
            return Err(SaveError::ReadOnly(reason.clone()));
        }
        let rel = conflict_path(day.date, stamp);
        if !storable(day.date) {
            return Err(SaveError::Io {
                path: rel,
                source: unstorable(),
            });
        }
        let path = self.root.join(&rel);
        let dir = path.parent().expect("a day path has a folder");
        let io_err = |source| SaveError::Io {
            path: rel.clone(),
            source,
        };
        create_private_dir(dir).map_err(io_err)?;
        let text = entry::format_day(day);
        // Never over another copy (two conflicts in the same second): a new name each time,
        // created exclusively (O_EXCL).
        for n in 1..=999 {
            let rel = match n {
                1 => rel.clone(),
                n => rel.replace(".ron", &format!("-{n}.ron")),
            };
            match create_new_private(&self.root.join(&rel)) {
                Ok(mut file) => {
                    file.write_all(text.as_bytes())
                        .and_then(|()| file.sync_all())
                        .and_then(|()| sync_dir(dir))
                        .map_err(io_err)?;
                    return Ok(rel);
                }
                Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {}
                Err(e) => return Err(io_err(e)),
            }
        }
        Err(io_err(io::Error::new(
            io::ErrorKind::AlreadyExists,
            "999 conflict copies of this day already exist: merge and delete some",
        )))
    }
}

/// Creates a new file (failing if one exists: `O_EXCL`) that only the user can read.
fn create_new_private(path: &Path) -> io::Result<File> {
    let mut options = File::options();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    options.open(path)
}

/// Replaces `path` atomically and durably (see [`write_atomically`]); for files outside `days/`
/// such as settings.
pub fn write_file_atomically(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let dir = path.parent().unwrap_or_else(|| Path::new("."));
    write_atomically(dir, path, bytes)
}

/// Write to a temp file in the same folder, flush it to disk, rename it over the target, then
/// flush the folder so the rename itself survives a power cut.
fn write_atomically(dir: &Path, path: &Path, bytes: &[u8]) -> io::Result<()> {
    stage(dir, bytes)?.persist(path).map_err(|e| e.error)?;
    sync_dir(dir)
}

/// A temp file in `dir` holding `bytes`, flushed to disk, ready to be renamed into place.
fn stage(dir: &Path, bytes: &[u8]) -> io::Result<tempfile::NamedTempFile> {
    let mut tmp = tempfile::Builder::new()
        .prefix(tidy::TEMP_PREFIX)
        .suffix(tidy::TEMP_SUFFIX)
        .tempfile_in(dir)?;
    tmp.write_all(bytes)?;
    tmp.as_file().sync_all()?;
    Ok(tmp)
}

#[cfg(unix)]
fn sync_dir(dir: &Path) -> io::Result<()> {
    File::open(dir)?.sync_all()
}

#[cfg(not(unix))]
fn sync_dir(_dir: &Path) -> io::Result<()> {
    Ok(())
}

/// Creates a folder (and its parents) that only the user can read: health data is private.
///
/// # Errors
/// When the folder cannot be created.
pub fn create_private_dir(dir: &Path) -> io::Result<()> {
    if dir.is_dir() {
        return Ok(());
    }
    let mut builder = fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
    builder.create(dir)
}

impl FsStore {
    /// Writes many new day files into a folder that has none yet (the demo). Each file is
    /// created fresh (never replacing one), private, and the folders are flushed once at the
    /// end instead of after every file.
    pub fn write_batch(root: &Path, days: &[DayEntry]) -> io::Result<()> {
        create_private_dir(root)?;
        let mut folders = std::collections::BTreeSet::new();
        for day in days {
            let path = root.join(day_path(day.date));
            let dir = path
                .parent()
                .expect("a day path has a folder")
                .to_path_buf();
            if folders.insert(dir.clone()) {
                create_private_dir(&dir)?;
            }
            let mut options = File::options();
            options.write(true).create_new(true);
            #[cfg(unix)]
            std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
            options
                .open(&path)?
                .write_all(entry::format_day(day).as_bytes())?;
        }
        for dir in &folders {
            sync_dir(dir)?;
        }
        Ok(())
    }
}
