//! `stridelog check`: read every day file and list the ones that cannot be read.

use crate::journal::store::{FsStore, Scope, Store};
use crate::journal::survey;
use crate::journal::tidy;
use crate::text::escape_controls;
use std::io::{self, Write};
use std::path::Path;

/// Prints every problem as `path:line:col: message` (or `path: field: message`), the files
/// under `days/` that are not day files, and a summary. Returns true when every day file is
/// readable.
pub fn run(data_dir: &Path, out: &mut impl Write) -> io::Result<bool> {
    let shown = |rel: &str| {
        let path = if rel == "." {
            data_dir.to_path_buf()
        } else {
            data_dir.join(rel)
        };
        escape_controls(&path.display().to_string())
    };
    let now = std::time::SystemTime::now();
    // One walk over every folder; when a folder cannot be listed, the three walks of before,
    // so that what could be said still is, before the error.
    let (removed, open, journal) = if let Ok(survey) = survey::survey(data_dir, now) {
        (
            survey.removed,
            survey.open_to_others,
            Ok(survey.loaded.journal),
        )
    } else {
        let (removed, open) = survey::removed_and_open(data_dir, now);
        let journal = FsStore::open_read_only(data_dir).load(Scope::All);
        (removed, open, journal)
    };
    for removed in removed {
        writeln!(
            out,
            "{}: note: removed, a temp file left by an interrupted save",
            shown(&removed)
        )?;
    }
    for (rel, mode) in open {
        writeln!(
            out,
            "{}: warning: others on this computer can read it (mode {mode:o}); the app makes \
             it private on its next save (or run `chmod go=` on it)",
            shown(&rel)
        )?;
    }
    let journal = journal?;
    let mut broken = 0;
    let mut newer = 0;
    for problem in &journal.problems {
        let path = shown(&problem.path);
        let error = escape_controls(&problem.error);
        if problem.is_newer_version() {
            newer += 1;
            writeln!(out, "{path}: note: {error}")?;
        } else {
            broken += 1;
            writeln!(out, "{path}:{}", with_separator(&error))?;
        }
    }
    for stray in &journal.stray_files {
        let name = stray.rsplit('/').next().unwrap_or(stray);
        let what = if tidy::is_own_temp(name) {
            "a temp file of a save in progress, or one interrupted less than a minute ago \
             (removed once it is a minute old)"
        } else if stray.contains(".conflict-") {
            "a copy stridelog kept when the day changed on disk while you edited it: \
             merge what you need into the day by hand, then delete it"
        } else if stray.contains("sync-conflict") || stray.contains("conflicted copy") {
            "a sync tool's conflict copy: merge what you need into the day by hand, then delete it"
        } else {
            "not a day file (day files are named YYYY-MM-DD.ron), ignored"
        };
        writeln!(out, "{}: note: {what}", shown(stray))?;
    }
    let newer_but_shown = journal
        .problems
        .iter()
        .filter(|p| p.date.is_some_and(|d| journal.days.contains_key(&d)))
        .count();
    let readable = journal.days.len() - newer_but_shown;
    let total = readable + broken + newer;
    write!(
        out,
        "checked {total} day files in {}: {readable} fine",
        escape_controls(&data_dir.display().to_string())
    )?;
    if broken > 0 {
        write!(out, ", {broken} cannot be read")?;
    }
    if newer > 0 {
        write!(out, ", {newer} from a newer stridelog (read-only)")?;
    }
    if !journal.stray_files.is_empty() {
        write!(out, ", {} other files ignored", journal.stray_files.len())?;
    }
    writeln!(out)?;
    Ok(broken == 0)
}

/// `line:col: message` follows the path directly (`path:3:18: …`); `field: message` gets a
/// space (`path: date: …`).
fn with_separator(error: &str) -> String {
    if error.starts_with(|c: char| c.is_ascii_digit()) {
        error.to_owned()
    } else {
        format!(" {error}")
    }
}
