//! `stridelog import`: reads exports (Strava or Garmin zip or folder), CSVs, GPX, TCX and FIT
//! files (also gzipped), places each run on its local day, leaves out what is not a run (with
//! the reason) and what is already there, then adds the new runs through the atomic save. An
//! unreadable file, row or day is reported and everything else is still imported; the exit
//! status is 1 when anything failed.

mod progress;

pub use progress::Display;

use crate::import::archive::{self, Options};
use crate::import::read::Kind;
use crate::import::sanity::{self, Unspecified};
use crate::import::zone::{self, ZoneUsed};
use crate::import::{self, Candidate, Parsed, UnitHint};
use crate::journal::entry::DayEntry;
use crate::journal::settings::{Settings, Units};
use crate::journal::store::{Access, FsStore, Scope, Store};
use crate::text::escape_controls;
use chrono::{Datelike, NaiveDate, TimeZone, Timelike};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// Whether the import writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Save,
    /// Show what would be added; write nothing.
    DryRun,
}

/// What the command line asked for, besides the files.
#[derive(Debug, Clone, Copy)]
pub struct Request {
    pub mode: Mode,
    pub units: Option<Units>,
    pub unspecified: Unspecified,
    pub today: NaiveDate,
    pub progress: Display,
}

/// Splits the command line into the format named first (`strava`, `garmin`, `gpx`, `tcx`,
/// `fit`), if any, and the paths.
///
/// # Errors
/// A message saying what to type instead.
pub fn classify(args: &[PathBuf]) -> Result<(Option<Kind>, &[PathBuf]), String> {
    let word = args
        .first()
        .and_then(|p| p.to_str())
        .map(str::to_ascii_lowercase);
    let named = match word.as_deref() {
        Some("strava") => Some(Kind::Strava),
        Some("garmin") => Some(Kind::Garmin),
        Some("gpx") => Some(Kind::Gpx),
        Some("tcx") => Some(Kind::Tcx),
        Some("fit") => Some(Kind::Fit),
        _ => None,
    };
    let files = if named.is_some() { &args[1..] } else { args };
    if files.is_empty() {
        return Err(
            "name the file to import, e.g. `stridelog import export_12345.zip` or \
             `stridelog import strava activities.csv`"
                .into(),
        );
    }
    Ok((named, files))
}

/// What the import did, for the exit status.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Summary {
    pub imported: usize,
    pub days: usize,
    pub duplicates: usize,
    pub skipped: usize,
    pub failed: usize,
    pub not_running: usize,
}

impl Summary {
    /// True when nothing failed.
    pub fn complete(&self) -> bool {
        self.failed == 0
    }
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// The closing line: `imported 3 runs on 2 days, 1 duplicate, 0 skipped, 1 failed`.
fn summary_line(summary: &Summary, mode: Mode) -> String {
    let mut text = format!(
        "{}{} {} on {}, {}, {} skipped, {} failed",
        if mode == Mode::DryRun {
            "dry run: "
        } else {
            ""
        },
        if mode == Mode::DryRun {
            "would import"
        } else {
            "imported"
        },
        plural(summary.imported, "run", "runs"),
        plural(summary.days, "day", "days"),
        plural(summary.duplicates, "duplicate", "duplicates"),
        summary.skipped,
        summary.failed,
    );
    if summary.not_running > 0 {
        text.push_str(", ");
        text.push_str(&plural(
            summary.not_running,
            "other activity (not a run)",
            "other activities (not runs)",
        ));
    }
    if mode == Mode::DryRun {
        text.push_str("; nothing was written");
    }
    text
}

/// Reads everything named on the command line, with progress.
fn read_all(files: &[PathBuf], options: Options, display: Display) -> Parsed {
    let mut bar = progress::Bar::new(display);
    let mut all = Parsed::default();
    for path in files {
        all.extend(archive::import_path(path, options, &mut bar));
    }
    bar.finish();
    all
}

/// Each activity on its local day, or skipped with its reason (printed).
fn place_on_days<Tz: TimeZone>(
    parsed: &Parsed,
    request: Request,
    tz: &Tz,
    summary: &mut Summary,
    out: &mut impl Write,
) -> io::Result<Vec<Candidate>> {
    let mut candidates = Vec::new();
    for activity in &parsed.activities {
        let (local, used) = zone::local_start(activity, tz);
        let date = local.date();
        if let Some(reason) = sanity::refusal(activity, date, request.today, request.unspecified) {
            summary.skipped += 1;
            writeln!(
                out,
                "skipped {} ({}): {reason}",
                escape_controls(&activity.place),
                escape_controls(&activity.label())
            )?;
            continue;
        }
        candidates.push(Candidate {
            date,
            run: activity.to_run(local.time().with_nanosecond(0)),
            place: activity.place.clone(),
            label: activity.label(),
            zone: used,
        });
    }
    Ok(candidates)
}

/// One line per run added: `added 2026-03-02 07:05: 5.21 km in 31:40 (Strava: …, line 2)`.
fn run_line(verb: &str, date: NaiveDate, candidate: &Candidate, units: Units) -> String {
    use std::fmt::Write as _;
    let run = &candidate.run;
    let mut line = format!("{verb} {date}");
    if let Some(start) = run.start {
        let _ = write!(line, " {}", start.format("%H:%M"));
    }
    let _ = write!(
        line,
        ": {:.2} {}",
        units.from_km(run.distance_km),
        units.label()
    );
    if let Some(s) = run.duration_s {
        let _ = write!(line, " in {}", crate::values::format_duration(s));
    }
    let _ = write!(line, " ({}, {})", candidate.label, candidate.place);
    escape_controls(&line)
}

/// Says when runs were placed on this computer's time zone (no position, no recorded zone).
fn machine_zone_note(plan: &import::Plan, out: &mut impl Write) -> io::Result<()> {
    let count = plan
        .days
        .values()
        .flatten()
        .filter(|c| c.zone == ZoneUsed::Machine)
        .count();
    if count > 0 {
        writeln!(
            out,
            "note: {} no position or recorded time zone: {} on this computer's time zone",
            plural(count, "run has", "runs have"),
            if count == 1 {
                "its day and start time are"
            } else {
                "their days and start times are"
            }
        )?;
    }
    Ok(())
}

/// Imports what is named on the command line.
///
/// # Errors
/// A message when nothing could be imported at all (no file named, journal locked by a running
/// app); nothing was written then.
pub fn run<Tz: TimeZone>(
    data_dir: &Path,
    config_dir: &Path,
    args: &[PathBuf],
    request: Request,
    tz: &Tz,
    out: &mut impl Write,
) -> Result<Summary, String> {
    let (kind, files) = classify(args)?;
    let (settings, settings_warning) = Settings::load(config_dir);
    let io = |e: io::Error| e.to_string();
    if let Some(w) = settings_warning {
        writeln!(out, "warning: {w}").map_err(io)?;
    }
    let hint = request
        .units
        .map_or(UnitHint::Settings(settings.units), UnitHint::Flag);
    let mut store = match request.mode {
        Mode::DryRun => FsStore::open_read_only(data_dir),
        Mode::Save => {
            // Waits a moment for another command (`stridelog log`) holding the journal.
            let store = FsStore::open_for(
                data_dir,
                crate::journal::lock::Holder::Command("import"),
                super::log::LOCK_PATIENCE,
            )
            .map_err(|e| format!("{}: {e}", data_dir.display()))?;
            if let Access::ReadOnly(reason) = store.access() {
                return Err(format!(
                    "nothing imported: {}; close it and import again",
                    escape_controls(&reason)
                ));
            }
            store
        }
    };
    let parsed = read_all(files, Options { hint, kind }, request.progress);
    let mut summary = Summary {
        failed: parsed.bad.len(),
        not_running: parsed.not_running,
        ..Summary::default()
    };
    for note in &parsed.notes {
        writeln!(out, "note: {}", escape_controls(note)).map_err(io)?;
    }
    for bad in &parsed.bad {
        writeln!(out, "failed: {}", escape_controls(&bad.to_string())).map_err(io)?;
    }
    let candidates = place_on_days(&parsed, request, tz, &mut summary, out).map_err(io)?;
    let first_year = candidates.iter().map(|c| c.date.year()).min();
    let journal = match first_year {
        Some(year) => store
            .load(Scope::From(year - 1))
            .map_err(|e| format!("{}: {e}", data_dir.display()))?,
        None => crate::journal::Journal::default(),
    };
    let plan = import::plan(&journal, candidates);
    machine_zone_note(&plan, out).map_err(io)?;
    summary.duplicates = plan.duplicates;
    let units = settings.units;
    let verb = match request.mode {
        Mode::Save => "added",
        Mode::DryRun => "would add",
    };
    for (date, runs) in &plan.days {
        if let Some(problem) = journal.problem_for(*date) {
            summary.failed += runs.len();
            writeln!(
                out,
                "failed: {} cannot be read ({}); {} left out",
                data_dir.join(&problem.path).display(),
                problem.error,
                plural(runs.len(), "run", "runs")
            )
            .map_err(io)?;
            continue;
        }
        let mut day = journal
            .day(*date)
            .cloned()
            .unwrap_or_else(|| DayEntry::new(*date));
        day.runs.extend(runs.iter().map(|c| c.run.clone()));
        if request.mode == Mode::Save
            && let Err(e) = store.save(&day)
        {
            summary.failed += runs.len();
            writeln!(
                out,
                "failed: {e}; {} left out",
                plural(runs.len(), "run", "runs")
            )
            .map_err(io)?;
            continue;
        }
        summary.imported += runs.len();
        summary.days += 1;
        for candidate in runs {
            writeln!(out, "{}", run_line(verb, *date, candidate, units)).map_err(io)?;
        }
    }
    writeln!(out, "{}", summary_line(&summary, request.mode)).map_err(io)?;
    Ok(summary)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_format_word_then_files() {
        let p = |s: &str| PathBuf::from(s);
        let args = [p("strava"), p("a.csv")];
        let (kind, files) = classify(&args).unwrap();
        assert_eq!((kind, files), (Some(Kind::Strava), &args[1..]));
        let args = [p("export.zip")];
        assert_eq!(classify(&args).unwrap().0, None);
        assert!(classify(&[p("garmin")]).is_err());
    }
}
