//! Why the store did not do what it was asked, typed, with the message for the runner as each
//! error's `Display`.

use crate::journal::Problem;
use std::io;

/// Why a save did not happen.
#[derive(Debug, thiserror::Error)]
pub enum SaveError {
    #[error("not saved: read-only ({0})")]
    ReadOnly(String),
    /// The file on disk could not be read when loading; it is never overwritten.
    #[error("not saved: {path} could not be read ({reason}); fix or move the file first")]
    Unreadable { path: String, reason: String },
    /// The file changed on disk since it was loaded (another program wrote it).
    #[error(
        "not saved: {path} was changed by another program since it was loaded; reload to see it"
    )]
    Changed { path: String },
    /// The file was deleted on disk since it was loaded (by hand, a sync tool).
    #[error("not saved: {path} was deleted outside stridelog since it was loaded")]
    Deleted { path: String },
    #[error("not saved: {path}: {source}")]
    Io {
        path: String,
        #[source]
        source: io::Error,
    },
}

/// Why the journal's folders could not be read (a day file that cannot be read is not an
/// error: it becomes a problem of the journal).
#[derive(Debug, thiserror::Error)]
#[error(transparent)]
pub struct LoadError(#[from] pub io::Error);

/// Why one day could not be read again from disk; the day is then blocked from saving.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct ReloadError(pub Problem);

impl From<LoadError> for io::Error {
    /// Commands that report any I/O failure the same way take a load error as one.
    fn from(e: LoadError) -> Self {
        e.0
    }
}
