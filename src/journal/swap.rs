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

/// Puts the file at `staged` (ours, with fingerprint `ours`) in place of `target`, which must
/// still be `expected` (`None`: no file). On `Changed`/`Deleted` the target holds the other
/// program's newest file and `staged` names a file to remove: ours, or an older version the
/// other program itself replaced meanwhile.
///
/// # Errors
/// When the rename fails.
pub fn put_in_place(
    staged: &Path,
    target: &Path,
    expected: Option<Fingerprint>,
    ours: Fingerprint,
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
                return swap_back(staged, target, displaced, ours);
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
    let _ = ours;
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

/// Ours went in but displaced a file another program had put there: swaps it back. If the
/// other program wrote again in the meantime (over ours), what comes back out is that newer
/// file, not ours: it goes back in too, until what comes out is what we expected to find in
/// place (ours, or the older version the other program itself replaced).
#[cfg(target_os = "linux")]
fn swap_back(
    staged: &Path,
    target: &Path,
    displaced: Option<Fingerprint>,
    ours: Fingerprint,
) -> io::Result<Swap> {
    use rustix::fs::{CWD, RenameFlags, renameat_with};
    // What the staged name holds, and what the target holds, as far as we know.
    let (mut at_staged, mut at_target) = (displaced, Some(ours));
    for _ in 0..64 {
        match renameat_with(CWD, staged, CWD, target, RenameFlags::EXCHANGE) {
            Ok(()) => {}
            // The other program deleted the file meanwhile: that is its last word.
            Err(e) if e == rustix::io::Errno::NOENT => return Ok(Swap::Deleted),
            Err(e) => return Err(e.into()),
        }
        let came_back = read_regular(staged)?.map(|(_, fp)| fp);
        if came_back == at_target {
            return Ok(Swap::Changed);
        }
        // Something newer than what we knew arrived at the target: put it back in next.
        (at_target, at_staged) = (at_staged, came_back);
    }
    Ok(Swap::Changed)
}

#[cfg(all(test, target_os = "linux"))]
mod tests {
    use super::{Swap, swap_back};
    use crate::journal::diskfile::{Fingerprint, read_regular};
    use std::path::Path;

    fn write(path: &Path, text: &str) -> Fingerprint {
        std::fs::write(path, text).unwrap();
        read_regular(path).unwrap().unwrap().1
    }

    fn text(path: &Path) -> String {
        std::fs::read_to_string(path).unwrap()
    }

    #[test]
    fn swapping_back_puts_the_other_programs_file_in_place() {
        let dir = tempfile::tempdir().unwrap();
        let (staged, target) = (dir.path().join("staged"), dir.path().join("day.ron"));
        // Ours went in and displaced their file: put theirs back, ours comes out.
        let theirs = write(&staged, "theirs");
        let ours = write(&target, "ours");
        assert_eq!(
            swap_back(&staged, &target, Some(theirs), ours).unwrap(),
            Swap::Changed
        );
        assert_eq!(
            (text(&target), text(&staged)),
            ("theirs".into(), "ours".into())
        );
    }

    #[test]
    fn a_file_written_over_ours_meanwhile_is_not_lost() {
        let dir = tempfile::tempdir().unwrap();
        let (staged, target) = (dir.path().join("staged"), dir.path().join("day.ron"));
        let ours = write(&dir.path().join("ours"), "ours");
        // Ours displaced their version 1, then they wrote version 2 over ours.
        let first = write(&staged, "theirs 1");
        write(&target, "theirs 2");
        assert_eq!(
            swap_back(&staged, &target, Some(first), ours).unwrap(),
            Swap::Changed
        );
        assert_eq!(
            text(&target),
            "theirs 2",
            "their newest file stays in place"
        );
        assert_eq!(
            text(&staged),
            "theirs 1",
            "only what they replaced themselves goes"
        );
    }
}
