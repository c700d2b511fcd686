//! `stridelog status`: one short line for a shell prompt or a tmux status bar, e.g.
//! `today logged · Run with care`; `--long` adds the reasons and the not-medical-advice line.
//! Reads only the years the rules can look at (and older ones only to find the latest triage).

use crate::journal::store::FsStore;
use crate::journal::{Journal, load_for_rules};
use crate::rules::{self, Verdict};
use std::fmt::Write as _;
use std::io::{self, Write};
use std::path::Path;

/// The status line for `journal` as it stands on `today` (no newline).
pub fn line(journal: &Journal, today: chrono::NaiveDate) -> String {
    let logged = if journal.problem_for(today).is_some() {
        "today unreadable"
    } else if journal.day(today).is_some() {
        "today logged"
    } else {
        "today not logged"
    };
    let verdict = rules::evaluate(journal, today).verdict;
    match verdict {
        // An emergency sign is never shortened to a headline: the one instruction goes with it.
        Verdict::Urgent => format!(
            "{logged} · {}: {}",
            verdict.headline(),
            crate::advice::URGENT_ACTION
        ),
        _ => format!("{logged} · {}", verdict.headline()),
    }
}

/// `status --long`: the line, what the verdict means, every reason with its source, and the
/// not-medical-advice sentence.
pub fn long(journal: &Journal, today: chrono::NaiveDate) -> String {
    let evaluation = rules::evaluate(journal, today);
    let mut out = line(journal, today);
    out.push('\n');
    out.push_str(evaluation.verdict.meaning());
    out.push('\n');
    for hit in &evaluation.hits {
        let _ = writeln!(
            out,
            "- {} ({}): {} [{}]",
            hit.id, hit.level, hit.message, hit.source
        );
    }
    // A red-flag answer in a file that is not read would be missing from all of the above.
    if let Some(unread) = journal.unread_files_notice() {
        let _ = writeln!(out, "{unread}");
    }
    out.push_str(crate::advice::DISCLAIMER);
    out
}

/// Prints the status line. A missing data dir is simply an empty journal.
pub fn run(
    data_dir: &Path,
    today: chrono::NaiveDate,
    long_form: bool,
    out: &mut impl Write,
) -> io::Result<()> {
    let mut store = FsStore::open_read_only(data_dir);
    let (journal, _) = load_for_rules(&mut store, super::report::first_year(today, 0), today)?;
    if long_form {
        writeln!(out, "{}", long(&journal, today))
    } else {
        writeln!(out, "{}", line(&journal, today))
    }
}
