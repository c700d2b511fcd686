//! Guided routines: the built-in ones (from `assets/routines.ron`, embedded in the binary), the
//! runner's own (`<config dir>/routines.ron`, same format), and the timer that walks through
//! them. Pure: no terminal, no clock; the caller passes `now: Instant` to the timer.

pub mod def;
pub mod file;
pub mod plan;
pub mod timer;

pub use def::{Routine, Step, StepKind};
pub use file::{parse_routines, validate_list};
pub use plan::{TAPPED_REP_ESTIMATE, TimerConfig};
pub use timer::{Cue, Phase, RepCount, Side, Timer};

use std::io::ErrorKind;
use std::path::{Path, PathBuf};

/// The text of the built-in routines, as shipped.
pub const BUILTIN_RON: &str = include_str!("../assets/routines.ron");

/// The file name of the runner's own routines inside the config dir.
pub const USER_FILE: &str = "routines.ron";

/// The built-in routines, in the order of the file. The file is parsed once per process (the
/// app asks several times while it starts).
///
/// # Panics
/// If the embedded file is invalid; the test suite checks that it is not.
pub fn builtins() -> Vec<Routine> {
    static PARSED: std::sync::OnceLock<Vec<Routine>> = std::sync::OnceLock::new();
    PARSED
        .get_or_init(|| {
            parse_routines(BUILTIN_RON, &[])
                .unwrap_or_else(|e| panic!("assets/routines.ron is invalid: {e}"))
        })
        .clone()
}

/// The runner's routines file as read, before it is parsed (the app reads it when it starts
/// and parses it, with the built-ins, only when the Routine tab is first shown).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum UserFile {
    /// No file (or nowhere to look for one): no routines of the runner's own.
    Missing,
    Text {
        path: PathBuf,
        text: String,
    },
    /// The file could not be read: `path: error`.
    Unreadable(String),
}

/// Reads the runner's routines file at `path`, without parsing it.
pub fn read_user(path: &Path) -> UserFile {
    // Only a regular file is read: a FIFO would wait for ever.
    match crate::journal::diskfile::read_regular_text(path) {
        Ok(text) => UserFile::Text {
            path: path.to_path_buf(),
            text,
        },
        Err(e) if e.kind() == ErrorKind::NotFound => UserFile::Missing,
        Err(e) => UserFile::Unreadable(format!("{}: {e}", path.display())),
    }
}

/// The runner's routines in `file`, as [`load_user`] gives them.
pub fn parse_user(file: &UserFile) -> Result<Vec<Routine>, String> {
    let (path, text) = match file {
        UserFile::Missing => return Ok(Vec::new()),
        UserFile::Unreadable(error) => return Err(error.clone()),
        UserFile::Text { path, text } => (path, text),
    };
    let builtins = builtins();
    let reserved: Vec<&str> = builtins.iter().map(|r| r.id.as_str()).collect();
    parse_routines(text, &reserved).map_err(|e| {
        let sep = if e.starts_with('[') { ": " } else { ":" };
        format!("{}{sep}{e}", path.display())
    })
}

/// Reads the runner's routines from `path`. A missing (or blank) file is an empty list. A
/// broken file, or one reusing an id of a built-in routine, is an error phrased
/// `path:line:col: field: message` (or `path: [index] field: message`).
pub fn load_user(path: &Path) -> Result<Vec<Routine>, String> {
    parse_user(&read_user(path))
}

/// Every routine to offer: the built-ins, then the runner's own from `user_path`. When the
/// runner's file is broken, the built-ins still come back, with the error to show.
pub fn load_all(user_path: &Path) -> (Vec<Routine>, Option<String>) {
    offer(&read_user(user_path))
}

/// Every routine to offer, as [`load_all`] gives them, the runner's own from `file`.
pub fn offer(file: &UserFile) -> (Vec<Routine>, Option<String>) {
    let mut routines = builtins();
    match parse_user(file) {
        Ok(mine) => {
            routines.extend(mine);
            (routines, None)
        }
        Err(e) => (routines, Some(e)),
    }
}

/// The routine with `id` in `routines`.
pub fn find<'a>(routines: &'a [Routine], id: &str) -> Option<&'a Routine> {
    routines.iter().find(|r| r.id == id)
}
