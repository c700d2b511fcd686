//! Reading one file of the journal safely: only regular files (a FIFO named like a day would
//! block the reader for ever), and with a fingerprint of what was read (size, modification
//! time, inode and content hash) to tell later whether another program replaced it.

use std::fs::{self, File, Metadata};
use std::io::{self, Read};
use std::path::Path;
use std::time::SystemTime;

/// What the disk held when a day was loaded or last saved.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Fingerprint {
    len: u64,
    hash: u64,
    modified: Option<SystemTime>,
    inode: u64,
}

impl Fingerprint {
    /// The fingerprint of a file's bytes and its metadata.
    #[must_use]
    pub fn of(bytes: &[u8], meta: &Metadata) -> Self {
        Self {
            len: bytes.len() as u64,
            hash: content_hash(bytes),
            modified: meta.modified().ok(),
            inode: inode(meta),
        }
    }
}

/// A hash of a file's bytes, eight at a time (a multiply-rotate step like `FxHash`'s, which is
/// several times faster than the standard `SipHash` here). It only has to tell a changed file
/// from the one read, next to its length, modification time and inode; nobody picks the
/// bytes to collide with it.
pub(super) fn content_hash(bytes: &[u8]) -> u64 {
    const K: u64 = 0x517c_c1b7_2722_0a95;
    let step = |hash: u64, word: u64| (hash.rotate_left(5) ^ word).wrapping_mul(K);
    let mut words = bytes.chunks_exact(8);
    let mut hash = (&mut words).fold(bytes.len() as u64, |hash, word| {
        step(
            hash,
            u64::from_le_bytes(word.try_into().expect("eight bytes")),
        )
    });
    for byte in words.remainder() {
        hash = step(hash, u64::from(*byte));
    }
    hash
}

#[cfg(unix)]
fn inode(meta: &Metadata) -> u64 {
    std::os::unix::fs::MetadataExt::ino(meta)
}

#[cfg(not(unix))]
fn inode(_meta: &Metadata) -> u64 {
    0
}

/// What kind of thing a path is, when it is not a regular file, in words.
#[must_use]
pub fn not_regular(meta: &Metadata) -> Option<&'static str> {
    let kind = meta.file_type();
    if kind.is_file() {
        return None;
    }
    if kind.is_dir() {
        return Some("a folder");
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if kind.is_fifo() {
            return Some("a named pipe (FIFO)");
        }
        if kind.is_socket() {
            return Some("a socket");
        }
        if kind.is_block_device() || kind.is_char_device() {
            return Some("a device");
        }
    }
    Some("not a regular file")
}

/// The error for a path that is not a regular file.
fn refuse(what: &str) -> io::Error {
    io::Error::new(
        io::ErrorKind::InvalidInput,
        format!("is {what}, not a regular file: skipped (move it aside)"),
    )
}

/// Reads a regular file whole, with its fingerprint: `Ok(None)` when there is no file, an
/// error (never a wait) when the path is a FIFO, a device, a socket or a folder.
///
/// # Errors
/// When the file cannot be read or is not a regular file.
pub fn read_regular(path: &Path) -> io::Result<Option<(Vec<u8>, Fingerprint)>> {
    Ok(read_regular_file(path)?.map(|read| (read.bytes, read.fingerprint)))
}

/// A regular file read whole.
pub struct ReadFile {
    pub bytes: Vec<u8>,
    pub fingerprint: Fingerprint,
    /// Its permission bits (`0o600`), as the file that was read had them.
    pub mode: u32,
}

/// Like [`read_regular`], with the permission bits of what was read.
///
/// # Errors
/// When the file cannot be read or is not a regular file.
pub fn read_regular_file(path: &Path) -> io::Result<Option<ReadFile>> {
    match open_without_waiting(path) {
        Ok(file) => read_opened(file).map(Some),
        Err(e) if e.kind() == io::ErrorKind::NotFound => {
            if fs::symlink_metadata(path).is_ok_and(|m| m.is_symlink()) {
                return Err(link_to_nowhere());
            }
            Ok(None)
        }
        Err(e) => Err(e),
    }
}

/// The error for a link to a file that is not there (say, on a drive not mounted now): what
/// it stands for cannot be read, and must not be saved over.
fn link_to_nowhere() -> io::Error {
    io::Error::new(
        io::ErrorKind::InvalidInput,
        "is a link to a file that is not there: skipped (fix the link or remove it)",
    )
}

/// Reads a file just opened, if it is a regular one.
fn read_opened(mut file: File) -> io::Result<ReadFile> {
    // What was opened decides (it may have been swapped since the path was looked at).
    let meta = file.metadata()?;
    if let Some(what) = not_regular(&meta) {
        return Err(refuse(what));
    }
    let bytes = read_all(&mut file, usize::try_from(meta.len()).unwrap_or(0))?;
    let fingerprint = Fingerprint::of(&bytes, &meta);
    Ok(ReadFile {
        bytes,
        fingerprint,
        mode: mode(&meta),
    })
}

/// A folder whose files are read by name: on Linux it is opened once and each file is opened
/// relative to it, so the system looks up one name instead of walking the whole path again
/// for each of the dozens of files the first screen reads.
pub struct Folder {
    #[cfg(target_os = "linux")]
    fd: std::os::fd::OwnedFd,
    path: std::path::PathBuf,
}

impl Folder {
    /// Opens the folder at `path` (following a link to one): `Ok(None)` when there is no
    /// folder there (nothing, a file, a link to nowhere or in a loop), which holds no days.
    ///
    /// # Errors
    /// When it is a folder that cannot be opened.
    #[cfg(target_os = "linux")]
    pub fn open(path: &Path) -> io::Result<Option<Self>> {
        use rustix::fs::{Mode, OFlags};
        let flags = OFlags::RDONLY | OFlags::DIRECTORY | OFlags::CLOEXEC;
        match rustix::fs::open(path, flags, Mode::empty()) {
            Ok(fd) => Ok(Some(Self {
                fd,
                path: path.to_path_buf(),
            })),
            Err(_) if !path.metadata().is_ok_and(|m| m.is_dir()) => Ok(None),
            Err(e) => Err(e.into()),
        }
    }

    /// Opens the folder at `path`: `Ok(None)` when there is no folder there.
    ///
    /// # Errors
    /// When it cannot be looked at.
    #[cfg(not(target_os = "linux"))]
    pub fn open(path: &Path) -> io::Result<Option<Self>> {
        match fs::metadata(path) {
            Ok(meta) if meta.is_dir() => Ok(Some(Self {
                path: path.to_path_buf(),
            })),
            Ok(_) => Ok(None),
            Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(None),
            Err(e) => Err(e),
        }
    }

    /// Calls `each` with every name in the folder but `.` and `..`, as `fs::read_dir` lists
    /// them, without allocating for each: the names come straight from the kernel's buffer.
    /// A folder is listed once (the listing goes on from where the last one ended).
    ///
    /// # Errors
    /// When the folder cannot be listed.
    #[cfg(target_os = "linux")]
    pub fn each_name(&self, mut each: impl FnMut(&std::ffi::OsStr)) -> io::Result<()> {
        use std::os::unix::ffi::OsStrExt;
        let mut buf = Vec::with_capacity(32 * 1024);
        let mut names = rustix::fs::RawDir::new(&self.fd, buf.spare_capacity_mut());
        while let Some(entry) = names.next() {
            let entry = entry?;
            let name = entry.file_name().to_bytes();
            if name != b"." && name != b".." {
                each(std::ffi::OsStr::from_bytes(name));
            }
        }
        Ok(())
    }

    /// Calls `each` with every name in the folder.
    ///
    /// # Errors
    /// When the folder cannot be listed.
    #[cfg(not(target_os = "linux"))]
    pub fn each_name(&self, mut each: impl FnMut(&std::ffi::OsStr)) -> io::Result<()> {
        for file in fs::read_dir(&self.path)? {
            each(&file?.file_name());
        }
        Ok(())
    }

    /// Where the folder is.
    #[must_use]
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Reads the regular file `name` in this folder, as [`read_regular_file`] does.
    ///
    /// # Errors
    /// When the file cannot be read or is not a regular file.
    #[cfg(target_os = "linux")]
    pub fn read_regular_file(&self, name: &str) -> io::Result<Option<ReadFile>> {
        use rustix::fs::{Mode, OFlags};
        let flags = OFlags::RDONLY | OFlags::NONBLOCK | OFlags::NOCTTY | OFlags::CLOEXEC;
        match rustix::fs::openat(&self.fd, name, flags, Mode::empty()) {
            Ok(fd) => read_opened(File::from(fd)).map(Some),
            Err(e) if e == rustix::io::Errno::NOENT => self.nothing_named(name),
            // Said why, as `open_without_waiting` does (a socket cannot be opened at all).
            Err(e) => match fs::metadata(self.path.join(name)) {
                Ok(meta) => Err(not_regular(&meta).map_or(e.into(), refuse)),
                Err(looked) => Err(looked),
            },
        }
    }

    /// Reads the regular file `name` in this folder, as [`read_regular_file`] does.
    ///
    /// # Errors
    /// When the file cannot be read or is not a regular file.
    #[cfg(not(target_os = "linux"))]
    pub fn read_regular_file(&self, name: &str) -> io::Result<Option<ReadFile>> {
        read_regular_file(&self.path.join(name))
    }

    /// What opening `name` found nothing at means: `Ok(None)` when there is nothing of that
    /// name; an error for a link to nowhere, as [`read_regular_file`] says.
    #[cfg(target_os = "linux")]
    fn nothing_named(&self, name: &str) -> io::Result<Option<ReadFile>> {
        let link = rustix::fs::statat(&self.fd, name, rustix::fs::AtFlags::SYMLINK_NOFOLLOW)
            .is_ok_and(|stat| {
                rustix::fs::FileType::from_raw_mode(stat.st_mode) == rustix::fs::FileType::Symlink
            });
        if link {
            return Err(link_to_nowhere());
        }
        Ok(None)
    }
}

/// The permission bits of `meta` (0 where there are none).
#[cfg(unix)]
#[must_use]
pub fn mode(meta: &Metadata) -> u32 {
    std::os::unix::fs::PermissionsExt::mode(&meta.permissions()) & 0o777
}

#[cfg(not(unix))]
#[must_use]
pub fn mode(_meta: &Metadata) -> u32 {
    0
}

/// Opens `path` for reading without ever waiting: with `O_NONBLOCK` a FIFO opens at once (and
/// is then refused for what it is), so the path need not be looked at first, one system call
/// per file fewer, which matters over thousands of day files. When opening fails, the path is
/// looked at to say why (a socket cannot be opened at all).
#[cfg(target_os = "linux")]
fn open_without_waiting(path: &Path) -> io::Result<File> {
    use std::os::unix::fs::OpenOptionsExt;
    let flags = rustix::fs::OFlags::NONBLOCK | rustix::fs::OFlags::NOCTTY;
    File::options()
        .read(true)
        .custom_flags(flags.bits().cast_signed())
        .open(path)
        .map_err(|e| match fs::metadata(path) {
            Ok(meta) => not_regular(&meta).map_or(e, refuse),
            Err(looked) => looked,
        })
}

/// Opens `path` for reading once it is known to be a regular file (opening a FIFO would wait
/// for a writer).
#[cfg(not(target_os = "linux"))]
fn open_without_waiting(path: &Path) -> io::Result<File> {
    let meta = fs::metadata(path)?;
    if let Some(what) = not_regular(&meta) {
        return Err(refuse(what));
    }
    File::open(path)
}

/// Reads `file` to its end into a buffer sized from the length already known (one byte more).
/// `read_to_end` would ask the system for the size and position again, two more calls for
/// each of thousands of files. A first read that gives exactly the known length is the whole
/// file (a file that grew fills the extra byte and is read on): no second read to see the end.
fn read_all(file: &mut File, expected: usize) -> io::Result<Vec<u8>> {
    let mut bytes = vec![0; expected + 1];
    let mut filled = 0;
    loop {
        if filled == bytes.len() {
            bytes.resize(bytes.len() * 2, 0);
        }
        match file.read(&mut bytes[filled..]) {
            Ok(0) => break,
            Ok(n) if filled == 0 && n == expected => {
                filled = n;
                break;
            }
            Ok(n) => filled += n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    bytes.truncate(filled);
    Ok(bytes)
}

/// Like [`read_regular`], as UTF-8 text, for the config files; a missing file is a
/// `NotFound` error.
///
/// # Errors
/// When the file is missing, cannot be read, is not a regular file or is not UTF-8.
pub fn read_regular_text(path: &Path) -> io::Result<String> {
    let (bytes, _) = read_regular(path)?.ok_or_else(|| io::Error::from(io::ErrorKind::NotFound))?;
    String::from_utf8(bytes)
        .map_err(|_| io::Error::new(io::ErrorKind::InvalidData, "is not UTF-8 text"))
}

#[cfg(test)]
mod tests {
    use super::read_all;
    use std::fs::File;

    /// Whatever length was known beforehand (right, too small: the file grew, too large: it
    /// shrank), the whole file is read.
    #[test]
    fn reads_the_whole_file_whatever_length_was_known() {
        let dir = tempfile::tempdir().unwrap();
        for size in [0usize, 1, 7, 8, 100, 4096, 70_000] {
            let path = dir.path().join(format!("{size}.ron"));
            let content: Vec<u8> = (0..size).map(|i| (i % 251) as u8).collect();
            std::fs::write(&path, &content).unwrap();
            for known in [
                size,
                size.saturating_sub(1),
                size / 2,
                0,
                size + 1,
                size * 2 + 3,
            ] {
                let mut file = File::open(&path).unwrap();
                assert_eq!(
                    read_all(&mut file, known).unwrap(),
                    content,
                    "{size} {known}"
                );
            }
        }
    }
}
