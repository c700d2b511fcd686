//! Everything `stridelog check` looks at, in one walk over the folders on every core: every
//! day file read and parsed (as [`super::walk::read_days`] reads them), the files under
//! `days/` that are not day files, what others can read (as [`tidy::open_to_others`] finds
//! it) and our temp files left by interrupted saves (removed, as
//! [`tidy::remove_stale_temp_files`] does).

use super::scope::Loaded;
use super::tidy;
use super::walk::{Also, IfKept, walk};
use std::fs;
use std::io;
use std::path::Path;
use std::time::SystemTime;

/// What a survey found.
#[derive(Debug)]
pub struct Survey {
    /// Every day file, read.
    pub loaded: Loaded,
    /// Our temp files that were removed (paths from the data dir, sorted).
    pub removed: Vec<String>,
    /// The data dir, `days/`, its folders and `.ron` files that others can read, with their
    /// modes (sorted).
    pub open_to_others: Vec<(String, u32)>,
}

/// Surveys the journal in `root`. Temp files are removed only once every folder could be
/// listed, so that on an error nothing has changed and the caller can take the long way.
///
/// # Errors
/// When `days/` or a year folder cannot be listed.
pub fn survey(root: &Path, now: SystemTime) -> io::Result<Survey> {
    let mut walked = walk(root, super::scope::Scope::All, Also::Tidiness(now))?;
    let mut removed = Vec::new();
    for stale in walked.stale {
        if fs::remove_file(&stale.path).is_ok() {
            removed.push(stale.rel);
        } else if stale.if_kept == IfKept::Stray {
            // Still there: a file that is not a day file, like any other.
            walked.loaded.journal.stray_files.push(stale.rel);
        }
    }
    removed.sort();
    walked.loaded.journal.stray_files.sort();
    walked.open.sort();
    Ok(Survey {
        loaded: walked.loaded,
        removed,
        open_to_others: walked.open,
    })
}

/// The long way, three walks: what `check` did before [`survey`], for when a folder cannot be
/// listed (the temp files and what others can read are still reported before the error).
pub fn removed_and_open(root: &Path, now: SystemTime) -> (Vec<String>, Vec<(String, u32)>) {
    let removed = tidy::remove_stale_temp_files(root, now, tidy::STALE_AFTER);
    (removed, tidy::open_to_others(root))
}
