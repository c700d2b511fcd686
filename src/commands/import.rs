//! `stridelog import`: reads Strava / Garmin CSV, GPX and TCX files, then adds the new runs to
//! their days through the atomic save. A day whose file cannot be read (or changed on disk) is
//! reported and left alone; the other days are still imported.

use crate::import::{self, FileError, Parsed, UnitHint};
use crate::journal::entry::DayEntry;
use crate::journal::lock::Holder;
use crate::journal::settings::{Settings, Units};
use crate::journal::store::{Access, FsStore, Scope, Store};
use crate::text::escape_controls;
use chrono::{Datelike, TimeZone};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// Which parser reads a file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Strava,
    Garmin,
    Gpx,
    Tcx,
    Fit,
}

/// Splits the command line into files and their kind: `strava FILE…`, `garmin FILE…`,
/// `gpx FILE…`, `tcx FILE…`, `fit FILE…`, or files whose extension says (`.gpx`, `.tcx`, `.fit`).
///
/// # Errors
/// A message saying what to type instead.
pub fn classify(args: &[PathBuf]) -> Result<Vec<(Kind, PathBuf)>, String> {
    let word = |p: &Path| p.to_str().map(str::to_ascii_lowercase);
    let named = match args.first().and_then(|p| word(p)).as_deref() {
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
            "name the file to import, e.g. `stridelog import strava activities.csv`".into(),
        );
    }
    files
        .iter()
        .map(|file| {
            if let Some(kind) = named {
                return Ok((kind, file.clone()));
            }
            let ext = file
                .extension()
                .and_then(|e| e.to_str())
                .map(str::to_ascii_lowercase);
            match ext.as_deref() {
                Some("gpx") => Ok((Kind::Gpx, file.clone())),
                Some("tcx") => Ok((Kind::Tcx, file.clone())),
                Some("csv") => Err(format!(
                    "{}: say which app wrote it: `stridelog import strava FILE` or \
                     `stridelog import garmin FILE`",
                    file.display()
                )),
                Some("fit") => Ok((Kind::Fit, file.clone())),
                Some("gz") => Err(format!(
                    "{}: decompress it first (gunzip), then import the .gpx or .tcx inside",
                    file.display()
                )),
                _ => Err(format!(
                    "{}: not a file stridelog can import (strava or garmin CSV, .gpx, .tcx, .fit)",
                    file.display()
                )),
            }
        })
        .collect()
}

/// Reads and parses every file.
///
/// # Errors
/// The first file that cannot be read or is not in the format expected.
pub fn parse_files(files: &[(Kind, PathBuf)], hint: UnitHint) -> Result<Parsed, FileError> {
    let mut all = Parsed::default();
    for (kind, path) in files {
        let bytes =
            std::fs::read(path).map_err(|e| FileError(format!("{}: {e}", path.display())))?;
        let text = || {
            std::str::from_utf8(&bytes)
                .map_err(|_| FileError(format!("{}: is not UTF-8 text", path.display())))
        };
        let name = path.file_name().map_or_else(
            || path.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        );
        let in_file = |e: FileError| FileError(format!("{}: {e}", path.display()));
        let parsed = match kind {
            Kind::Strava => import::strava::parse(text()?, hint).map_err(in_file)?,
            Kind::Garmin => import::garmin::parse(text()?, hint).map_err(in_file)?,
            Kind::Gpx => import::gpx::parse(text()?, &name)?,
            Kind::Tcx => import::tcx::parse(text()?, &name)?,
            #[cfg(feature = "fit")]
            Kind::Fit => import::fit::parse(&bytes, &name)?,
            #[cfg(not(feature = "fit"))]
            Kind::Fit => {
                return Err(FileError(format!(
                    "{}: this stridelog was built without FIT support; rebuild it with \
                     `cargo install --features fit` (or export GPX or TCX from your watch's app)",
                    path.display()
                )));
            }
        };
        let mut parsed = parsed;
        for bad in &mut parsed.bad {
            bad.place = if bad.place.is_empty() {
                name.clone()
            } else {
                format!("{name}: {}", bad.place)
            };
        }
        all.extend(parsed);
    }
    Ok(all)
}

/// What the import did, for the exit status.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Summary {
    pub added: usize,
    pub days: usize,
    pub duplicates: usize,
    pub bad_rows: usize,
    pub days_not_saved: usize,
}

impl Summary {
    /// True when every row was read and every day saved.
    pub fn complete(&self) -> bool {
        self.bad_rows == 0 && self.days_not_saved == 0
    }
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// The closing line: `added 3 runs on 2 days, skipped 1 duplicate, 1 bad row, …`.
fn summary_line(summary: &Summary, not_running: usize, dry_run: bool) -> String {
    let mut parts = vec![
        format!(
            "{}{} {} on {}",
            if dry_run { "dry run: " } else { "" },
            if dry_run { "would add" } else { "added" },
            plural(summary.added, "run", "runs"),
            plural(summary.days, "day", "days")
        ),
        format!(
            "skipped {}",
            plural(summary.duplicates, "duplicate", "duplicates")
        ),
        plural(summary.bad_rows, "bad row", "bad rows"),
    ];
    if not_running > 0 {
        parts.push(plural(
            not_running,
            "other activity (not a run)",
            "other activities (not runs)",
        ));
    }
    if summary.days_not_saved > 0 {
        parts.push(format!(
            "{} not saved",
            plural(summary.days_not_saved, "day", "days")
        ));
    }
    let mut text = parts.join(", ");
    if dry_run {
        text.push_str("; nothing was written");
    }
    text
}

/// Imports the files named on the command line.
///
/// # Errors
/// A message when nothing could be imported at all (unreadable file, wrong format, journal
/// locked by a running app); nothing was written then.
pub fn run<Tz: TimeZone>(
    data_dir: &Path,
    config_dir: &Path,
    args: &[PathBuf],
    dry_run: bool,
    units: Option<Units>,
    tz: &Tz,
    out: &mut impl Write,
) -> Result<Summary, String> {
    let files = classify(args)?;
    let (settings, settings_warning) = Settings::load(config_dir);
    let io = |e: io::Error| e.to_string();
    if let Some(w) = settings_warning {
        writeln!(out, "warning: {w}").map_err(io)?;
    }
    let hint = units.map_or(UnitHint::Settings(settings.units), UnitHint::Flag);
    let parsed = parse_files(&files, hint).map_err(|e| e.0)?;
    let mut store = if dry_run {
        FsStore::open_read_only(data_dir)
    } else {
        let store = FsStore::open_for(
            data_dir,
            Holder::Command("import"),
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
    };
    let first_year = parsed
        .activities
        .iter()
        .map(|a| a.start.local_date(tz).year())
        .min();
    let journal = match first_year {
        // A UTC start can land on the previous year locally: read one year more.
        Some(year) => store
            .load(Scope::From(year - 1))
            .map_err(|e| format!("{}: {e}", data_dir.display()))?,
        None => crate::journal::Journal::default(),
    };
    let plan = import::plan(&journal, &parsed.activities, tz);
    let units = settings.units;
    let verb = if dry_run { "would add" } else { "added" };
    let mut summary = Summary {
        added: 0,
        days: 0,
        duplicates: plan.duplicates,
        bad_rows: parsed.bad.len(),
        days_not_saved: 0,
    };
    for note in &parsed.notes {
        writeln!(out, "note: {}", escape_controls(note)).map_err(io)?;
    }
    for bad in &parsed.bad {
        writeln!(out, "skipped {}", escape_controls(&bad.to_string())).map_err(io)?;
    }
    for (date, runs) in &plan.days {
        if let Some(problem) = journal.problem_for(*date) {
            summary.days_not_saved += 1;
            writeln!(
                out,
                "not imported: {} cannot be read ({}); {} left out",
                escape_controls(&data_dir.join(&problem.path).display().to_string()),
                escape_controls(&problem.error),
                plural(runs.len(), "run", "runs")
            )
            .map_err(io)?;
            continue;
        }
        let mut day = journal
            .day(*date)
            .cloned()
            .unwrap_or_else(|| DayEntry::new(*date));
        day.runs.extend(runs.iter().map(|(run, _)| run.clone()));
        if !dry_run && let Err(e) = store.save(&day) {
            summary.days_not_saved += 1;
            writeln!(out, "not imported: {}", escape_controls(&e.to_string())).map_err(io)?;
            continue;
        }
        summary.added += runs.len();
        summary.days += 1;
        for (run, place) in runs {
            let mut line = format!(
                "{verb} {date}: {:.2} {}",
                units.from_km(run.distance_km),
                units.label()
            );
            if let Some(s) = run.duration_s {
                line = format!("{line} in {}", super::log::clock(s));
            }
            writeln!(
                out,
                "{line} ({}, {})",
                escape_controls(&run.notes),
                escape_controls(place)
            )
            .map_err(io)?;
        }
    }
    let text = summary_line(&summary, parsed.not_running, dry_run);
    writeln!(out, "{text}").map_err(io)?;
    Ok(summary)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_from_words_and_extensions() {
        let p = |s: &str| PathBuf::from(s);
        assert_eq!(
            classify(&[p("strava"), p("a.csv")]).unwrap(),
            vec![(Kind::Strava, p("a.csv"))]
        );
        assert_eq!(
            classify(&[p("a.GPX"), p("b.tcx")]).unwrap(),
            vec![(Kind::Gpx, p("a.GPX")), (Kind::Tcx, p("b.tcx"))]
        );
        assert!(classify(&[p("a.csv")]).unwrap_err().contains("strava"));
        assert_eq!(
            classify(&[p("a.fit")]).unwrap(),
            vec![(Kind::Fit, p("a.fit"))]
        );
        assert!(classify(&[p("a.fit.gz")]).unwrap_err().contains("gunzip"));
        assert!(classify(&[p("garmin")]).is_err());
    }
}
