//! What was typed but could not be saved when the app was stopped (a closed terminal, a
//! signal): kept in `<data dir>/recovery.ron` so that the next start can offer it back.

use super::store::write_file_atomically;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::fs;
use std::io;
use std::path::Path;

/// The file name, in the data dir.
pub const FILE: &str = "recovery.ron";

/// A value typed into a field and not saved.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Recovery {
    /// The day it was typed for.
    pub date: NaiveDate,
    /// Which field (the form's own name for it, e.g. `Day(WorstPain)`).
    pub field: String,
    /// The change in words ("worst pain on Sun 22 Nov").
    pub what: String,
    /// What was typed (or, for a change whose save failed, the whole day as a day file).
    pub text: String,
    /// Why it was not saved.
    pub reason: String,
}

/// Writes `recovery` into the data dir `root` (atomically, private like the day files).
///
/// # Errors
/// When the file cannot be written.
pub fn save(root: &Path, recovery: &Recovery) -> io::Result<()> {
    let text = ron::ser::to_string_pretty(recovery, ron::ser::PrettyConfig::default())
        .map_err(io::Error::other)?;
    write_file_atomically(&root.join(FILE), text.as_bytes())
}

/// Reads the recovery file of `root` and removes it: `None` when there is none, `Err` (the
/// file is then left alone) when it cannot be read.
pub fn take(root: &Path) -> Option<Result<Recovery, String>> {
    let path = root.join(FILE);
    if !path.symlink_metadata().is_ok_and(|m| m.is_file()) {
        return None;
    }
    let read = fs::read_to_string(&path)
        .map_err(|e| e.to_string())
        .and_then(|text| ron::from_str::<Recovery>(&text).map_err(|e| e.to_string()));
    Some(match read {
        Ok(recovery) => fs::remove_file(&path)
            .map(|()| recovery)
            .map_err(|e| format!("{}: {e}", path.display())),
        Err(e) => Err(format!("{} could not be read: {e}", path.display())),
    })
}
