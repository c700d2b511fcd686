//! `stridelog report`: reads only the years the report can look at, then renders it.

use crate::journal::load_for_rules;
use crate::journal::store::FsStore;
use crate::report::{self, Format};
use crate::rules::LOOKBACK_DAYS;
use chrono::{Datelike, Days, NaiveDate};
use std::io::{self, Write};
use std::path::Path;

/// The first year a report of `weeks` weeks ending on `today` needs: its oldest week plus the
/// rules' look-back.
pub fn first_year(today: NaiveDate, weeks: usize) -> i32 {
    let back = (weeks as u64) * 7 + 7 + LOOKBACK_DAYS;
    today
        .checked_sub_days(Days::new(back))
        .unwrap_or(NaiveDate::MIN)
        .year()
}

/// Writes the report. Unreadable files in the years read are listed in it; the exit status
/// stays 0 (`stridelog check` is the command that fails on them).
pub fn run(
    data_dir: &Path,
    config_dir: &Path,
    today: NaiveDate,
    weeks: usize,
    format: Format,
    out: &mut impl Write,
) -> io::Result<()> {
    let mut store = FsStore::open_read_only(data_dir);
    let mut first = first_year(today, weeks);
    if format == Format::Markdown {
        // Its "What goes with your pain" section looks at the 365 days ending today.
        let window = crate::insights::Window::resolve(None, None, today);
        first = first.min(window.years(today).0);
    }
    let (journal, _) = load_for_rules(&mut store, first, today)?;
    let (settings, _) = crate::journal::settings::Settings::load(config_dir);
    out.write_all(report::render_in(&journal, today, weeks, format, settings.units).as_bytes())
}
