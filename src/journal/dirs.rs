//! Where the journal and the settings live: flags, then environment variables, then the
//! platform's usual folders.

use std::path::PathBuf;

/// Resolves the data dir: `flag` (from `--data-dir` or `$STRIDELOG_DATA_DIR`, which clap
/// already merged), else the platform data dir.
#[must_use]
pub fn data_dir(flag: Option<PathBuf>) -> PathBuf {
    flag.unwrap_or_else(|| {
        project().map_or_else(
            || PathBuf::from(".stridelog"),
            |p| p.data_dir().to_path_buf(),
        )
    })
}

/// Resolves the config dir like [`data_dir`].
#[must_use]
pub fn config_dir(flag: Option<PathBuf>) -> PathBuf {
    flag.unwrap_or_else(|| {
        project().map_or_else(
            || PathBuf::from(".stridelog"),
            |p| p.config_dir().to_path_buf(),
        )
    })
}

fn project() -> Option<directories::ProjectDirs> {
    directories::ProjectDirs::from("", "", "stridelog")
}
