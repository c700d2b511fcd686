//! `stridelog log`: quick add from the shell. Reads the day's file (if any), sets the fields
//! given, adds the run, appends the note, and saves atomically. Refuses, changing nothing, when
//! the day's file cannot be read or a running app holds the journal.

use crate::cli::{CharacterArg, LocationArg, LogArgs, SideArg, SurfaceArg};
use crate::journal::entry::{Character, DayEntry, Location, Run, Score, Side, Surface};
use crate::journal::settings::{Settings, Units};
use crate::journal::store::{Access, FsStore, Scope, Store, day_path};
use chrono::{Datelike, Days, NaiveDate};
use std::fmt::Write as _;
use std::io::{self, Write};
use std::path::Path;

/// `--date`: a day, or one relative to `--today`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateArg {
    Today,
    Yesterday,
    On(NaiveDate),
}

impl DateArg {
    /// The date meant, seen from `today`.
    pub fn resolve(self, today: NaiveDate) -> NaiveDate {
        match self {
            DateArg::Today => today,
            DateArg::Yesterday => today.checked_sub_days(Days::new(1)).unwrap_or(today),
            DateArg::On(date) => date,
        }
    }
}

/// A distance as typed: a number and maybe a unit (`5.2km`, `3.1mi`, `6`).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct DistanceArg {
    pub value: f64,
    pub unit: Option<Units>,
}

impl DistanceArg {
    /// In km, reading a bare number in `default`.
    pub fn km(self, default: Units) -> f64 {
        self.unit.unwrap_or(default).to_km(self.value)
    }
}

/// `--run 5.2km,31:40`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RunArg {
    pub distance: DistanceArg,
    pub duration_s: Option<u32>,
}

/// `--run-pain 2/3/3`: before, during, after.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct RunPain {
    pub before: Option<Score>,
    pub during: Option<Score>,
    pub after: Option<Score>,
}

/// The largest distance `--run` accepts, in km or miles as typed.
const MAX_TYPED_DISTANCE: f64 = 500.0;

/// Parses `--date`.
pub fn parse_date_arg(text: &str) -> Result<DateArg, String> {
    match text.trim().to_ascii_lowercase().as_str() {
        "today" => Ok(DateArg::Today),
        "yesterday" => Ok(DateArg::Yesterday),
        _ => crate::cli::parse_date(text)
            .map(DateArg::On)
            .map_err(|e| format!("{e}, `today` or `yesterday`")),
    }
}

/// Parses a 0-10 score.
pub fn parse_score(text: &str) -> Result<Score, String> {
    text.trim()
        .parse::<u8>()
        .ok()
        .and_then(Score::new)
        .ok_or_else(|| format!("`{text}` is not a score: give a whole number from 0 to 10"))
}

/// Parses hours of a day, 0-24.
pub fn parse_hours(text: &str) -> Result<f64, String> {
    match text.trim().parse::<f64>() {
        Ok(h) if (0.0..=24.0).contains(&h) => Ok(h),
        _ => Err(format!(
            "`{text}` is not a number of hours: give 0 to 24, e.g. 7.5"
        )),
    }
}

/// Parses a distance: `5.2km`, `5.2 km`, `3.1mi`, `3.1miles`, or a bare `5.2`.
pub fn parse_distance(text: &str) -> Result<DistanceArg, String> {
    let t = text.trim().to_ascii_lowercase();
    let (number, unit) = if let Some(n) = t.strip_suffix("km") {
        (n, Some(Units::Km))
    } else if let Some(n) = t.strip_suffix("miles").or_else(|| t.strip_suffix("mi")) {
        (n, Some(Units::Miles))
    } else {
        (t.as_str(), None)
    };
    let value = number.trim().parse::<f64>().map_err(|_| {
        format!(
            "`{text}` is not a distance: write it like 5.2km, 3.1mi or 5.2 (your settings' unit)"
        )
    })?;
    if !value.is_finite() || value < 0.0 {
        return Err(format!("`{text}`: a distance must be 0 or more"));
    }
    if value > MAX_TYPED_DISTANCE {
        return Err(format!(
            "`{text}`: more than {MAX_TYPED_DISTANCE} in one run is surely a typo"
        ));
    }
    Ok(DistanceArg { value, unit })
}

/// Parses a duration typed by a person: `mm:ss` or `h:mm:ss` (seconds below 60, minutes after
/// hours below 60).
pub fn parse_duration(text: &str) -> Result<u32, String> {
    let bad =
        || format!("`{text}` is not a duration: write mm:ss or h:mm:ss, e.g. 31:40 or 1:05:00");
    let parts: Vec<&str> = text.trim().split(':').collect();
    if !(2..=3).contains(&parts.len())
        || parts
            .iter()
            .any(|p| p.is_empty() || p.len() > 4 || !p.bytes().all(|b| b.is_ascii_digit()))
    {
        return Err(bad());
    }
    let numbers: Vec<u32> = parts
        .iter()
        .map(|p| p.parse().unwrap_or(u32::MAX))
        .collect();
    let (hours, minutes, seconds) = match numbers.as_slice() {
        [m, s] => (0, *m, *s),
        [h, m, s] if *m < 60 => (*h, *m, *s),
        _ => return Err(bad()),
    };
    if seconds >= 60 {
        return Err(bad());
    }
    let total = hours * 3600 + minutes * 60 + seconds;
    if total > crate::import::MAX_RUN_SECONDS {
        return Err(format!("`{text}`: more than 48 hours is surely a typo"));
    }
    Ok(total)
}

/// Parses `--run`: a distance, then optionally a comma and a duration.
pub fn parse_run(text: &str) -> Result<RunArg, String> {
    let (distance, duration) = match text.split_once(',') {
        Some((d, t)) => (d, Some(t)),
        None => (text, None),
    };
    Ok(RunArg {
        distance: parse_distance(distance)?,
        duration_s: duration.map(parse_duration).transpose()?,
    })
}

/// Parses `--run-pain`: three scores (or `-`) separated by `/`.
pub fn parse_run_pain(text: &str) -> Result<RunPain, String> {
    let parts: Vec<&str> = text.split('/').map(str::trim).collect();
    let [before, during, after] = parts.as_slice() else {
        return Err(format!(
            "`{text}`: give pain before/during/after, e.g. 2/3/3 (`-` for not recorded)"
        ));
    };
    let score = |t: &str| {
        if t == "-" {
            Ok(None)
        } else {
            parse_score(t).map(Some)
        }
    };
    Ok(RunPain {
        before: score(before)?,
        during: score(during)?,
        after: score(after)?,
    })
}

impl From<SurfaceArg> for Surface {
    fn from(value: SurfaceArg) -> Self {
        match value {
            SurfaceArg::Road => Surface::Road,
            SurfaceArg::Track => Surface::Track,
            SurfaceArg::Trail => Surface::Trail,
            SurfaceArg::Grass => Surface::Grass,
            SurfaceArg::Treadmill => Surface::Treadmill,
        }
    }
}

impl From<SideArg> for Side {
    fn from(value: SideArg) -> Self {
        match value {
            SideArg::Left => Side::Left,
            SideArg::Right => Side::Right,
            SideArg::Both => Side::Both,
        }
    }
}

impl From<LocationArg> for Location {
    fn from(value: LocationArg) -> Self {
        match value {
            LocationArg::LowerBack => Location::LowerBack,
            LocationArg::Buttock => Location::Buttock,
            LocationArg::Hip => Location::Hip,
            LocationArg::Thigh => Location::Thigh,
            LocationArg::Calf => Location::Calf,
            LocationArg::Foot => Location::Foot,
        }
    }
}

impl From<CharacterArg> for Character {
    fn from(value: CharacterArg) -> Self {
        match value {
            CharacterArg::Dull => Character::Dull,
            CharacterArg::Sharp => Character::Sharp,
            CharacterArg::Burning => Character::Burning,
            CharacterArg::Shooting => Character::Shooting,
            CharacterArg::Tingling => Character::Tingling,
            CharacterArg::Numbness => Character::Numbness,
            CharacterArg::Weakness => Character::Weakness,
        }
    }
}

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

/// Formats seconds as `m:ss` or `h:mm:ss`.
pub fn clock(seconds: u32) -> String {
    let (h, m, s) = (seconds / 3600, seconds / 60 % 60, seconds % 60);
    if h > 0 {
        format!("{h}:{m:02}:{s:02}")
    } else {
        format!("{m}:{s:02}")
    }
}

fn score(value: Option<Score>) -> String {
    value.map_or_else(|| "-".to_owned(), |s| s.to_string())
}

/// Adds the `--run` to the day; returns the line saying so.
fn add_run(day: &mut DayEntry, run: RunArg, args: &LogArgs, units: Units) -> String {
    let pain = args.run_pain.unwrap_or_default();
    let new = Run {
        distance_km: run.distance.km(units),
        duration_s: run.duration_s,
        pain_before: pain.before,
        pain_during: pain.during,
        pain_after: pain.after,
        gait_changed: args.gait_changed,
        surface: args.surface.map(Surface::from),
        shoes: args.shoes.clone(),
        notes: String::new(),
    };
    let mut line = format!(
        "run added: {:.2} {}",
        units.from_km(new.distance_km),
        units.label()
    );
    if let Some(s) = new.duration_s {
        let _ = write!(line, " in {}", clock(s));
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
    if new.gait_changed {
        line.push_str(", gait changed");
    }
    if let Some(surface) = new.surface {
        let _ = write!(line, ", surface {surface:?}");
    }
    if let Some(shoes) = &new.shoes {
        let _ = write!(line, ", shoes {shoes}");
    }
    day.runs.push(new);
    line
}

/// Applies the arguments to `day`, returning one line per change, for the runner to read.
pub fn apply(day: &mut DayEntry, args: &LogArgs, units: Units) -> Vec<String> {
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
    if let Some(run) = args.run {
        changes.push(add_run(day, run, args, units));
    }
    if let Some(v) = args.medication {
        day.pain_medication = v;
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
        day.sleep_disturbed = v;
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
    if let Some(v) = args.side {
        let side = Side::from(v);
        day.side = Some(side);
        changes.push(format!("side {side:?}"));
    }
    for &location in &args.location {
        let location = Location::from(location);
        if !day.locations.contains(&location) {
            day.locations.push(location);
            changes.push(format!("location {location:?}"));
        }
    }
    for &character in &args.character {
        let character = Character::from(character);
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
        changes.push(format!("note added: {note}"));
    }
    changes
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
    let date = args.date.unwrap_or(DateArg::Today).resolve(today);
    let (settings, settings_warning) = Settings::load(config_dir);
    if let Some(w) = settings_warning {
        let _ = writeln!(warn, "warning: {w}");
    }
    let io_refusal =
        |e: io::Error| LogError::Refused(format!("not saved: {}: {e}", data_dir.display()));
    let mut store = FsStore::open(data_dir).map_err(io_refusal)?;
    if let Access::ReadOnly(reason) = store.access() {
        return Err(LogError::Refused(format!(
            "not saved: {reason}; log there, or close it and try again"
        )));
    }
    let journal = store.load(Scope::From(date.year())).map_err(io_refusal)?;
    if let Some(problem) = journal.problem_for(date) {
        return Err(LogError::Refused(format!(
            "not saved: {} cannot be read ({}); fix it by hand (`stridelog check` lists the \
             problem) or move it aside, then try again",
            data_dir.join(&problem.path).display(),
            problem.error
        )));
    }
    let mut day = journal
        .day(date)
        .cloned()
        .unwrap_or_else(|| DayEntry::new(date));
    let existed = journal.day(date).is_some();
    let changes = apply(&mut day, args, settings.units);
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
    fn durations_typed_by_people() {
        assert_eq!(parse_duration("31:40"), Ok(1900));
        assert_eq!(parse_duration("1:05:00"), Ok(3900));
        assert_eq!(parse_duration("75:30"), Ok(4530));
        assert!(parse_duration("75:99").is_err());
        assert!(parse_duration("1:60:00").is_err());
        assert!(parse_duration("31").is_err());
        assert!(parse_duration("-1:00").is_err());
        assert!(parse_duration("abc").is_err());
    }

    #[test]
    fn distances_with_and_without_units() {
        assert_eq!(
            parse_distance("5.2km"),
            Ok(DistanceArg {
                value: 5.2,
                unit: Some(Units::Km)
            })
        );
        assert_eq!(parse_distance("3.1 mi").unwrap().unit, Some(Units::Miles));
        assert_eq!(parse_distance("6").unwrap().unit, None);
        assert!(parse_distance("-3km").is_err());
        assert!(parse_distance("abc").is_err());
        assert!(parse_distance("5000").is_err());
        assert!(parse_distance("inf").is_err());
    }

    #[test]
    fn runs_and_run_pain() {
        let run = parse_run("5.2km,31:40").unwrap();
        assert_eq!(run.duration_s, Some(1900));
        assert!(parse_run("5.2km,75:99").unwrap_err().contains("75:99"));
        let pain = parse_run_pain("2/-/3").unwrap();
        assert_eq!((pain.before, pain.during), (Score::new(2), None));
        assert!(parse_run_pain("2/3").is_err());
        assert!(parse_run_pain("2/11/3").is_err());
    }

    #[test]
    fn dates_today_yesterday_and_strict() {
        let today: NaiveDate = "2026-03-01".parse().unwrap();
        assert_eq!(
            parse_date_arg("yesterday")
                .unwrap()
                .resolve(today)
                .to_string(),
            "2026-02-28"
        );
        assert!(parse_date_arg("2026-2-30").is_err());
    }

    #[test]
    fn apply_merges_and_appends() {
        let mut day = DayEntry::new("2026-03-01".parse().unwrap());
        day.notes = "stiff".into();
        day.worst_pain = Score::new(4);
        let args = LogArgs {
            morning: Score::new(2),
            run: Some(parse_run("3mi").unwrap()),
            note: Some("better later".into()),
            location: vec![LocationArg::Calf],
            ..LogArgs::default()
        };
        let changes = apply(&mut day, &args, Units::Km);
        assert_eq!(day.notes, "stiff\nbetter later");
        assert_eq!(day.worst_pain, Score::new(4));
        assert!((day.runs[0].distance_km - 3.0 * 1.609_344).abs() < 1e-9);
        assert_eq!(changes.len(), 4, "{changes:?}");
    }
}
