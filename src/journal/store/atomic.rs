//! Writing files so that a crash or a power cut leaves either the old file or the new one,
//! never half of either; folders and new files are private (health data).

use crate::journal::tidy;
use std::fs::{self, File};
use std::io::{self, Write};
use std::path::Path;

/// Creates a new file (failing if one exists: `O_EXCL`) that only the user can read.
pub(super) fn create_new_private(path: &Path) -> io::Result<File> {
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
pub(super) fn stage(dir: &Path, bytes: &[u8]) -> io::Result<tempfile::NamedTempFile> {
    let mut tmp = tempfile::Builder::new()
        .prefix(tidy::TEMP_PREFIX)
        .suffix(tidy::TEMP_SUFFIX)
        .tempfile_in(dir)?;
    tmp.write_all(bytes)?;
    tmp.as_file().sync_all()?;
    Ok(tmp)
}

#[cfg(unix)]
pub(super) fn sync_dir(dir: &Path) -> io::Result<()> {
    File::open(dir)?.sync_all()
}

#[cfg(not(unix))]
pub(super) fn sync_dir(_dir: &Path) -> io::Result<()> {
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
