//! The journal in a folder on disk: reads day files, saves one day atomically and durably,
//! refuses to overwrite files it could not read or that changed on disk, and holds the
//! data-dir lock so a second app opens read-only.

use super::atomic::{create_new_private, create_private_dir, stage, sync_dir};
use super::{
    Access, BeforeSave, LoadError, Loaded, ReloadError, SaveError, Scope, Store, conflict_path,
    day_path, read_days, storable, unstorable,
};
use crate::journal::diskfile::{Fingerprint, read_regular, read_regular_file};
use crate::journal::entry::{self, DayEntry};
use crate::journal::lock::{self, Holder, HolderInfo, Lock};
use crate::journal::read::{Candidate, Outcome};
use crate::journal::swap::{self, Swap};
use crate::journal::{Journal, tidy};
use chrono::NaiveDate;
use std::collections::HashMap;
use std::fs::File;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

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

impl Store for FsStore {
    fn load(&mut self, scope: Scope) -> Result<Journal, LoadError> {
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
        let note = BeforeSave::take(&self.root, day.date);
        let text = entry::format_day(day);
        let dir = path.parent().expect("a day path has a folder");
        create_private_dir(&self.root.join("days")).map_err(io_err)?;
        create_private_dir(dir).map_err(io_err)?;
        let staged = stage(dir, text.as_bytes()).map_err(io_err)?;
        unchanged()?;
        let (written, temp_path) = staged.into_parts();
        let fingerprint = written
            .metadata()
            .map(|meta| Fingerprint::of(text.as_bytes(), &meta))
            .map_err(io_err)?;
        match swap::put_in_place(&temp_path, &path, expected, fingerprint).map_err(io_err)? {
            Swap::Done => {}
            Swap::Changed => return Err(SaveError::Changed { path: rel }),
            Swap::Deleted => return Err(SaveError::Deleted { path: rel }),
        }
        // What the temp name holds now (the old version, or nothing) goes.
        drop(temp_path);
        sync_dir(dir).map_err(io_err)?;
        self.fingerprints.insert(day.date, fingerprint);
        self.tighten_once();
        // Last, after the folders were made private too: the note is brought up to date only if
        // the year folder holds what it noted plus this day's file.
        note.after(&self.root, day.triage.is_some());
        Ok(())
    }

    fn access(&self) -> Access {
        self.access.clone()
    }

    fn location(&self) -> String {
        self.root.display().to_string()
    }

    fn reload_day(&mut self, date: NaiveDate) -> Result<Option<DayEntry>, ReloadError> {
        let candidate = Candidate::at(date);
        let path = self.root.join(&candidate.rel);
        if !path.exists() {
            self.fingerprints.remove(&date);
            self.blocked.remove(&date);
            return Ok(None);
        }
        match candidate.outcome_of(read_regular_file(&path)).0 {
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
                Err(ReloadError(problem))
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
