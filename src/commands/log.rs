//! `stridelog log`: quick add from the shell. Reads the day's file (if any), sets the fields
//! given, adds the run, appends the note, and saves atomically. Refuses, changing nothing, when
//! the day's file cannot be read or a running app holds the journal.

mod args;
mod flags;

pub use args::{
    DateArg, RunArg, RunPain, parse_date_arg, parse_distance, parse_duration, parse_hours,
    parse_run, parse_run_pain, parse_score,
};

use crate::journal::entry::{DayEntry, Run, Score};
use crate::journal::lock::Holder;
use crate::journal::settings::{Settings, Units};
use crate::journal::store::{Access, FsStore, Scope, Store, day_path};
use crate::text::escape_controls;
use chrono::{Datelike, NaiveDate};
pub use flags::LogArgs;
use std::fmt::Write as _;
use std::io::{self, Write};
use std::path::Path;
/// How long `log` waits for another command (an import, another `log`) to let go of the
/// journal, like a database's busy timeout.
pub const LOCK_PATIENCE: std::time::Duration = std::time::Duration::from_secs(5);

/// Why nothing was saved.
#[derive(Debug, PartialEq, Eq)]
pub enum LogError {
    /// The command line asked for nothing (exit status 2, like other usage errors).
    Usage(String),
    /// The journal or the day's file may not be written (exit status 1).
    Refused(String),
}

impl std::fmt::Display for LogError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            LogError::Usage(m) | LogError::Refused(m) => f.write_str(m),
        }
    }
}

fn score(value: Option<Score>) -> String {
    value.map_or_else(|| "-".to_owned(), |s| s.to_string())
}

/// Adds the `--run` of `distance_km` to the day; returns the line saying so.
fn add_run(
    day: &mut DayEntry,
    run: RunArg,
    distance_km: f64,
    args: &LogArgs,
    units: Units,
) -> String {
    let pain = args.run_pain.unwrap_or_default();
    let new = Run {
        distance_km,
        duration_s: run.duration_s,
        pain_before: pain.before,
        pain_during: pain.during,
        pain_after: pain.after,
        gait_changed: args.gait_changed,
        surface: args.surface,
        shoes: args.shoes.clone(),
        ..Run::default()
    };
    let mut line = format!(
        "run added: {:.2} {}",
        units.from_km(new.distance_km),
        units.label()
    );
    if let Some(s) = new.duration_s {
        let _ = write!(line, " in {}", crate::values::format_duration(s));
    }
    if args.run_pain.is_some() {
        let _ = write!(
            line,
            ", pain {}/{}/{}",
            score(pain.before),
            score(pain.during),
            score(pain.after)
        );
    }
    match new.gait_changed {
        Some(true) => line.push_str(", gait changed"),
        Some(false) => line.push_str(", gait not changed"),
        None => {}
    }
    if let Some(surface) = new.surface {
        let _ = write!(line, ", surface {surface:?}");
    }
    if let Some(shoes) = &new.shoes {
        let _ = write!(line, ", shoes {}", escape_controls(shoes));
    }
    day.runs.push(new);
    line
}

/// Applies the arguments to `day`, returning one line per change, for the runner to read.
///
/// # Errors
/// A `--run` distance over the limit once read in `units` (a bare number); nothing is changed.
pub fn apply(day: &mut DayEntry, args: &LogArgs, units: Units) -> Result<Vec<String>, String> {
    let run_km = args
        .run
        .map(|run| run.distance.km(units))
        .transpose()
        .map_err(|e| format!("--run: {e}"))?;
    let mut changes = Vec::new();
    let yes_no = |b: bool| if b { "yes" } else { "no" };
    if let Some(v) = args.morning {
        day.morning_pain = Some(v);
        changes.push(format!("morning pain {v}"));
    }
    if let Some(v) = args.worst {
        day.worst_pain = Some(v);
        changes.push(format!("worst pain {v}"));
    }
    if let (Some(run), Some(km)) = (args.run, run_km) {
        changes.push(add_run(day, run, km, args, units));
    }
    if let Some(v) = args.medication {
        day.pain_medication = Some(v);
        changes.push(format!("pain medication {}", yes_no(v)));
    }
    if let Some(v) = args.normal {
        day.normal_activities = Some(v);
        changes.push(format!("normal activities {}", yes_no(v)));
    }
    if let Some(v) = args.sleep {
        day.sleep_hours = Some(v);
        changes.push(format!("sleep {v} h"));
    }
    if let Some(v) = args.sleep_disturbed {
        day.sleep_disturbed = Some(v);
        changes.push(format!("sleep disturbed {}", yes_no(v)));
    }
    if let Some(v) = args.sitting {
        day.sitting_hours = Some(v);
        changes.push(format!("sitting {v} h"));
    }
    if let Some(v) = args.stress {
        day.stress = Some(v);
        changes.push(format!("stress {v}"));
    }
    if let Some(v) = args.heat {
        day.heat_minutes = Some(v);
        changes.push(format!("heat {v} min"));
    }
    if let Some(v) = args.ice {
        day.ice_minutes = Some(v);
        changes.push(format!("ice {v} min"));
    }
    if let Some(side) = args.side {
        day.side = Some(side);
        changes.push(format!("side {side:?}"));
    }
    for &location in &args.location {
        if !day.locations.contains(&location) {
            day.locations.push(location);
            changes.push(format!("location {location:?}"));
        }
    }
    for &character in &args.character {
        if !day.character.contains(&character) {
            day.character.push(character);
            changes.push(format!("pain feels {character:?}"));
        }
    }
    if let Some(note) = args
        .note
        .as_deref()
        .map(str::trim)
        .filter(|n| !n.is_empty())
    {
        if !day.notes.is_empty() && !day.notes.ends_with('\n') {
            day.notes.push('\n');
        }
        day.notes.push_str(note);
        changes.push(format!("note added: {}", escape_controls(note)));
    }
    Ok(changes)
}

/// True when the arguments ask for any change at all.
fn asks_for_something(args: &LogArgs) -> bool {
    args.morning.is_some()
        || args.worst.is_some()
        || args.run.is_some()
        || args.note.is_some()
        || args.medication.is_some()
        || args.normal.is_some()
        || args.sleep.is_some()
        || args.sleep_disturbed.is_some()
        || args.sitting.is_some()
        || args.stress.is_some()
        || args.heat.is_some()
        || args.ice.is_some()
        || args.side.is_some()
        || !args.location.is_empty()
        || !args.character.is_empty()
}

/// Merges the arguments into the day's file and saves it, then says what was saved.
///
/// # Errors
/// [`LogError`] when nothing was asked or nothing may be written; the journal is unchanged.
pub fn run(
    data_dir: &Path,
    config_dir: &Path,
    today: NaiveDate,
    args: &LogArgs,
    out: &mut impl Write,
    warn: &mut impl Write,
) -> Result<(), LogError> {
    if !asks_for_something(args) {
        return Err(LogError::Usage(
            "nothing to log: give at least one of --morning, --worst, --run, --note, \
             --medication, --sleep, … (see `stridelog log --help`)"
                .into(),
        ));
    }
    let date = match &args.date {
        Some(words) => words
            .resolve(today)
            .map_err(|e| LogError::Usage(format!("--date: {e}")))?,
        None => today,
    };
    let (settings, settings_warning) = Settings::load(config_dir);
    if let Some(w) = settings_warning {
        let _ = writeln!(warn, "warning: {w}");
    }
    let io_refusal =
        |e: io::Error| LogError::Refused(format!("not saved: {}: {e}", data_dir.display()));
    let mut store =
        FsStore::open_for(data_dir, Holder::Command("log"), LOCK_PATIENCE).map_err(io_refusal)?;
    if let Access::ReadOnly(reason) = store.access() {
        let what_to_do = match store.lock_holder() {
            Some(holder) if holder.is_app() => "log there, or close it and try again",
            Some(_) => "it did not finish within a few seconds: try again when it has",
            None => "nothing can be written there",
        };
        return Err(LogError::Refused(format!(
            "not saved: {}; {what_to_do}",
            escape_controls(&reason)
        )));
    }
    let journal = store
        .load(Scope::From(date.year()))
        .map_err(|e| io_refusal(e.into()))?;
    if let Some(problem) = journal.problem_for(date) {
        let path = escape_controls(&data_dir.join(&problem.path).display().to_string());
        return Err(LogError::Refused(if problem.is_newer_version() {
            format!(
                "not saved: {path} was written by a newer stridelog; update stridelog to change \
                 this day"
            )
        } else {
            format!(
                "not saved: {path} cannot be read ({}); fix it by hand (`stridelog check` lists \
                 the problem) or move it aside, then try again",
                escape_controls(&problem.error)
            )
        }));
    }
    let mut day = journal
        .day(date)
        .cloned()
        .unwrap_or_else(|| DayEntry::new(date));
    let existed = journal.day(date).is_some();
    let changes = apply(&mut day, args, settings.units).map_err(LogError::Usage)?;
    if let Err((field, message)) = day.validate() {
        return Err(LogError::Refused(format!("not saved: {field}: {message}")));
    }
    store
        .save(&day)
        .map_err(|e| LogError::Refused(e.to_string()))?;
    let path = data_dir.join(day_path(date));
    let write = |out: &mut dyn Write| -> io::Result<()> {
        writeln!(
            out,
            "saved {date} ({}, {}):",
            if existed { "merged" } else { "new day" },
            path.display()
        )?;
        for change in &changes {
            writeln!(out, "  {change}")?;
        }
        writeln!(
            out,
            "  the day now has {} run{}, {:.2} {}",
            day.runs.len(),
            if day.runs.len() == 1 { "" } else { "s" },
            settings.units.from_km(day.distance_km()),
            settings.units.label()
        )
    };
    // The day is saved; a closed stdout must not turn that into a failure.
    let _ = write(out);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn apply_merges_and_appends() {
        let mut day = DayEntry::new("2026-03-01".parse().unwrap());
        day.notes = "stiff".into();
        day.worst_pain = Score::new(4);
        let args = LogArgs {
            morning: Score::new(2),
            run: Some(parse_run("3mi").unwrap()),
            note: Some("better later".into()),
            location: vec![crate::journal::entry::Location::Calf],
            ..LogArgs::default()
        };
        let changes = apply(&mut day, &args, Units::Km).unwrap();
        assert_eq!(day.notes, "stiff\nbetter later");
        assert_eq!(day.worst_pain, Score::new(4));
        assert!((day.runs[0].distance_km - 3.0 * 1.609_344).abs() < 1e-9);
        assert_eq!(changes.len(), 4, "{changes:?}");
    }
}
