//! The last step of a save: putting the new file in place without ever losing a file that
//! another program put there a moment before. On Linux the new file is swapped in
//! (`RENAME_EXCHANGE`) and what it displaced is checked: if it is not the file that was
//! loaded, it is swapped back and the save is refused. A new day uses `RENAME_NOREPLACE`.
//! Elsewhere (or on a filesystem without these) it is a plain rename after a last check.

use super::diskfile::{Fingerprint, read_regular};
use std::io;
use std::path::Path;

/// What was found in place of the expected file.
#[derive(Debug, PartialEq, Eq)]
pub enum Swap {
    /// The new file is in place; the old one is gone.
    Done,
    /// Something else was there (changed, or created): nothing was replaced.
    Changed,
    /// The file that was loaded is not there any more.
    Deleted,
}

/// Puts the file at `staged` in place of `target`, which must still be `expected` (`None`: no
/// file). On `Changed`/`Deleted` the target is as the other program left it and `staged`
/// still names a file of ours (or what the other program wrote meanwhile), to be removed.
///
/// # Errors
/// When the rename fails.
pub fn put_in_place(
    staged: &Path,
    target: &Path,
    expected: Option<Fingerprint>,
) -> io::Result<Swap> {
    #[cfg(target_os = "linux")]
    {
        use rustix::fs::{CWD, RenameFlags, renameat_with};
        let flags = if expected.is_some() {
            RenameFlags::EXCHANGE
        } else {
            RenameFlags::NOREPLACE
        };
        match renameat_with(CWD, staged, CWD, target, flags) {
            Ok(()) if expected.is_none() => return Ok(Swap::Done),
            Ok(()) => {
                let displaced = read_regular(staged)?.map(|(_, fp)| fp);
                if displaced == expected {
                    return Ok(Swap::Done);
                }
                renameat_with(CWD, staged, CWD, target, RenameFlags::EXCHANGE)?;
                return Ok(Swap::Changed);
            }
            Err(e) if e == rustix::io::Errno::EXIST => return Ok(Swap::Changed),
            // The file went away: nothing to exchange with.
            Err(e) if e == rustix::io::Errno::NOENT && !staged.exists() => {
                return Err(e.into());
            }
            Err(e) if e == rustix::io::Errno::NOENT => return Ok(Swap::Deleted),
            // A filesystem without renameat2 flags: the portable way below.
            Err(e) if e == rustix::io::Errno::INVAL || e == rustix::io::Errno::NOSYS => {}
            Err(e) => return Err(e.into()),
        }
    }
    let found = read_regular(target)?.map(|(_, fp)| fp);
    match (found, expected) {
        (found, expected) if found == expected => {
            std::fs::rename(staged, target)?;
            Ok(Swap::Done)
        }
        (None, Some(_)) => Ok(Swap::Deleted),
        _ => Ok(Swap::Changed),
    }
}
