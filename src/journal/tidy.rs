//! Housekeeping of the data dir: the temp files an interrupted save left behind (only ours,
//! only old ones), and day files or folders that others can read (health data is private).

use std::fs;
use std::io;
use std::path::Path;
use std::time::{Duration, SystemTime};

/// Temp files of a save are named `.stridelog-XXXXXX.tmp`, in the target's folder.
pub const TEMP_PREFIX: &str = ".stridelog-";
pub const TEMP_SUFFIX: &str = ".tmp";

/// How old a temp file must be before it is taken for a leftover: a save in progress (in this
/// or another stridelog) takes milliseconds.
pub const STALE_AFTER: Duration = Duration::from_secs(60);

/// True when `name` is a temp file of ours.
#[must_use]
pub fn is_own_temp(name: &str) -> bool {
    name.len() > TEMP_PREFIX.len() + TEMP_SUFFIX.len()
        && name.starts_with(TEMP_PREFIX)
        && name.ends_with(TEMP_SUFFIX)
}

/// The folders a day file can be in: `days/` and `days/YYYY/`.
fn day_folders(root: &Path) -> Vec<std::path::PathBuf> {
    let days = root.join("days");
    if !days.is_dir() {
        return Vec::new();
    }
    let mut folders = vec![days.clone()];
    if let Ok(entries) = fs::read_dir(&days) {
        for entry in entries.flatten() {
            if entry.file_type().is_ok_and(|t| t.is_dir()) {
                folders.push(entry.path());
            }
        }
    }
    folders
}

/// Removes our own temp files under `days/` last changed more than `min_age` before `now`;
/// returns their paths relative to `root`. Nothing else is ever removed: not another program's
/// files, not a folder, not a link, not a FIFO.
pub fn remove_stale_temp_files(root: &Path, now: SystemTime, min_age: Duration) -> Vec<String> {
    let mut removed = Vec::new();
    for folder in day_folders(root) {
        let Ok(entries) = fs::read_dir(&folder) else {
            continue;
        };
        for entry in entries.flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            if !is_own_temp(&name) {
                continue;
            }
            let Ok(meta) = entry.path().symlink_metadata() else {
                continue;
            };
            let old = meta
                .modified()
                .ok()
                .and_then(|m| now.duration_since(m).ok())
                .is_some_and(|age| age >= min_age);
            if meta.is_file() && old && fs::remove_file(entry.path()).is_ok() {
                let rel = entry.path();
                let rel = rel.strip_prefix(root).unwrap_or(&rel);
                removed.push(rel.to_string_lossy().replace('\\', "/"));
            }
        }
    }
    removed.sort();
    removed
}

/// The data dir, `days/`, its year folders and the day files that others (group or anyone)
/// can read or write, relative to `root` ("." for the data dir itself), with their mode.
#[cfg(unix)]
pub fn open_to_others(root: &Path) -> Vec<(String, u32)> {
    use std::os::unix::fs::PermissionsExt;
    let mut found = Vec::new();
    let mut look = |path: &Path| {
        if let Ok(meta) = path.symlink_metadata() {
            let mode = meta.permissions().mode() & 0o777;
            if (meta.is_dir() || meta.is_file()) && mode & 0o077 != 0 {
                let rel = path.strip_prefix(root).unwrap_or(path).to_string_lossy();
                let rel = if rel.is_empty() { ".".into() } else { rel };
                found.push((rel.replace('\\', "/"), mode));
            }
        }
    };
    look(root);
    for folder in day_folders(root) {
        look(&folder);
        if folder == root.join("days") {
            continue;
        }
        if let Ok(entries) = fs::read_dir(&folder) {
            for entry in entries.flatten() {
                let name = entry.file_name();
                if Path::new(&name).extension().is_some_and(|e| e == "ron") {
                    look(&entry.path());
                }
            }
        }
    }
    found.sort();
    found
}

#[cfg(not(unix))]
pub fn open_to_others(_root: &Path) -> Vec<(String, u32)> {
    Vec::new()
}

/// Makes what [`open_to_others`] found private again (folders 0700, files 0600); returns how
/// many were changed.
///
/// # Errors
/// The first change that failed.
#[cfg(unix)]
pub fn make_private(root: &Path, found: &[(String, u32)]) -> io::Result<usize> {
    use std::os::unix::fs::PermissionsExt;
    for (rel, _) in found {
        let path = if rel == "." {
            root.to_path_buf()
        } else {
            root.join(rel)
        };
        let meta = path.symlink_metadata()?;
        let mode = if meta.is_dir() { 0o700 } else { 0o600 };
        fs::set_permissions(&path, fs::Permissions::from_mode(mode))?;
    }
    Ok(found.len())
}

#[cfg(not(unix))]
pub fn make_private(_root: &Path, _found: &[(String, u32)]) -> io::Result<usize> {
    Ok(0)
}
