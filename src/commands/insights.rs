//! `stridelog insights`: reads only the years the window needs (with the 30-day look-back
//! before it and the next morning after it), then prints what goes with the runner's pain.

use crate::insights::{self, Format, Window};
use crate::journal::store::{FsStore, Scope, Store};
use chrono::NaiveDate;
use std::io::{self, Write};
use std::path::Path;

/// Why the insights were not printed.
#[derive(Debug)]
pub enum InsightsError {
    /// The command line asked for something impossible (exit status 2).
    Usage(String),
    /// The journal could not be read.
    Io(io::Error),
}

impl std::fmt::Display for InsightsError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            InsightsError::Usage(message) => write!(f, "{message}"),
            InsightsError::Io(error) => write!(f, "{error}"),
        }
    }
}

impl std::error::Error for InsightsError {}

impl From<io::Error> for InsightsError {
    fn from(error: io::Error) -> Self {
        InsightsError::Io(error)
    }
}

/// Prints the insights of `--from` / `--to` (default: the 365 days ending `today`).
/// Unreadable day files are counted in the text and left out; the exit status stays 0.
pub fn run(
    data_dir: &Path,
    today: NaiveDate,
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
    format: Format,
    out: &mut impl Write,
) -> Result<(), InsightsError> {
    let window = Window::resolve(from, to, today);
    if window.from > window.to {
        return Err(InsightsError::Usage(format!(
            "--from {} is after --to {}: give the earlier date first",
            window.from, window.to
        )));
    }
    let (first, last) = window.years(today);
    let mut store = FsStore::open_read_only(data_dir);
    let journal = store
        .load(Scope::Years(first, last))
        .map_err(io::Error::from)?;
    let found = insights::analyse(&journal, window, today);
    out.write_all(insights::render(&found, journal.problems.len(), format).as_bytes())?;
    Ok(())
}
