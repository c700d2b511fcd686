//! Importing runs recorded by watches and apps: one pure parser per format (text in, activities
//! out) and the [`plan`] that decides which of them are new runs for which days.
//!
//! Only `runs` ever receive anything: pain, sleep, triage and notes of a day are never touched.
//! The day file has no start time, so a run counts as already there when the same day holds a
//! run of the same distance (within 10 m) and the same duration (or one of the two has none).

#[cfg(feature = "fit")]
pub mod fit;
pub mod garmin;
pub mod gpx;
pub mod strava;
mod table;
pub mod tcx;

pub(crate) use table::{CsvRows, field};

use crate::journal::Journal;
use crate::journal::entry::{Run, Surface};
use crate::journal::settings::Units;
use chrono::{DateTime, NaiveDate, NaiveDateTime, TimeZone, Utc};
use std::collections::BTreeMap;

/// The longest single run accepted, in km (a typo guard, well beyond any ultramarathon stage).
pub const MAX_RUN_KM: f64 = 500.0;

/// The longest duration accepted, in seconds (two days).
pub const MAX_RUN_SECONDS: u32 = 48 * 3600;

/// Two runs closer than this (km) count as the same distance.
pub const SAME_DISTANCE_KM: f64 = 0.01;

/// When an activity started.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Start {
    /// An instant (Strava's CSV, GPX and TCX times are UTC): its day depends on the time zone.
    Utc(DateTime<Utc>),
    /// A wall-clock time already local to the runner (Garmin Connect's CSV).
    Local(NaiveDateTime),
}

impl Start {
    /// The runner's calendar day of the start, in `tz`.
    pub fn local_date<Tz: TimeZone>(self, tz: &Tz) -> NaiveDate {
        match self {
            Start::Utc(instant) => instant.with_timezone(tz).date_naive(),
            Start::Local(local) => local.date(),
        }
    }
}

/// One running activity found in a file.
#[derive(Debug, Clone, PartialEq)]
pub struct Activity {
    /// Where in the file, for messages: `line 7`, `track 2`.
    pub place: String,
    pub start: Start,
    pub distance_km: f64,
    pub duration_s: Option<u32>,
    pub surface: Option<Surface>,
    pub shoes: Option<String>,
    /// Where it came from and its title, kept in the run's notes (`Strava: Morning Run`).
    pub label: String,
}

impl Activity {
    /// The run this activity becomes: no pain values (those are the runner's to add).
    pub fn to_run(&self) -> Run {
        Run {
            distance_km: self.distance_km,
            duration_s: self.duration_s,
            surface: self.surface,
            shoes: self.shoes.clone(),
            notes: self.label.clone(),
            ..Run::default()
        }
    }
}

/// A row or track that could not be read, with where it is and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BadRow {
    pub place: String,
    pub message: String,
}

impl std::fmt::Display for BadRow {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.place, self.message)
    }
}

/// What a parser found in one file.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Parsed {
    pub activities: Vec<Activity>,
    /// Rides, swims, walks…: skipped on purpose.
    pub not_running: usize,
    pub bad: Vec<BadRow>,
    /// Things the runner should know (an assumed unit, …).
    pub notes: Vec<String>,
}

impl Parsed {
    /// Adds what another file held.
    pub fn extend(&mut self, other: Parsed) {
        self.activities.extend(other.activities);
        self.not_running += other.not_running;
        self.bad.extend(other.bad);
        self.notes.extend(other.notes);
    }
}

/// A file that cannot be imported at all (wrong format, missing columns, not XML).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileError(pub String);

impl std::fmt::Display for FileError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for FileError {}

/// The new runs for each day, and how many activities were already in the journal.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Plan {
    pub days: BTreeMap<NaiveDate, Vec<(Run, String)>>,
    pub duplicates: usize,
}

impl Plan {
    /// How many runs would be added.
    pub fn run_count(&self) -> usize {
        self.days.values().map(Vec::len).sum()
    }
}

/// True when two runs are the same activity as far as a day file can tell.
pub fn same_run(a: &Run, b: &Run) -> bool {
    let durations_agree = match (a.duration_s, b.duration_s) {
        (Some(x), Some(y)) => x == y,
        _ => true,
    };
    (a.distance_km - b.distance_km).abs() < SAME_DISTANCE_KM && durations_agree
}

/// Decides which activities are new runs: each lands on its local day in `tz`; one already in
/// the journal (or earlier in the same import) on that day is counted as a duplicate.
pub fn plan<Tz: TimeZone>(journal: &Journal, activities: &[Activity], tz: &Tz) -> Plan {
    let mut plan = Plan::default();
    for activity in activities {
        let date = activity.start.local_date(tz);
        let run = activity.to_run();
        let existing = journal.day(date).map_or(&[][..], |d| d.runs.as_slice());
        let planned = plan.days.entry(date).or_default();
        if existing.iter().any(|r| same_run(r, &run))
            || planned.iter().any(|(r, _)| same_run(r, &run))
        {
            plan.duplicates += 1;
        } else {
            planned.push((run, activity.place.clone()));
        }
    }
    plan.days.retain(|_, runs| !runs.is_empty());
    plan
}

/// A number as exported by apps: empty or `--` is missing; commas are thousands separators
/// (`"1,024.5"`) and must group three digits, so a decimal comma (`10,02`) is refused rather
/// than misread.
pub fn parse_number(text: &str) -> Result<Option<f64>, String> {
    let text = text.trim();
    if text.is_empty() || text == "--" {
        return Ok(None);
    }
    let mut groups = text.split(',');
    let head = groups.next().unwrap_or_default();
    let mut plain = head.to_owned();
    for group in groups {
        let digits = group.split('.').next().unwrap_or_default();
        if digits.len() != 3 || !digits.bytes().all(|b| b.is_ascii_digit()) {
            return Err(format!(
                "`{text}` is not a number (a comma must separate thousands)"
            ));
        }
        plain.push_str(group);
    }
    match plain.parse::<f64>() {
        Ok(value) if value.is_finite() => Ok(Some(value)),
        _ => Err(format!("`{text}` is not a number")),
    }
}

/// A duration as exported by apps: `hh:mm:ss`, `mm:ss` (either with fractions of a second) or
/// plain seconds (`1876`, `1801.0`). Empty or `--` is missing.
pub fn parse_app_duration(text: &str) -> Result<Option<u32>, String> {
    let text = text.trim();
    if text.is_empty() || text == "--" {
        return Ok(None);
    }
    let bad = || format!("`{text}` is not a duration (hh:mm:ss, mm:ss or seconds)");
    let parts: Vec<&str> = text.split(':').collect();
    let seconds = if parts.len() == 1 {
        parse_number(text).map_err(|_| bad())?.ok_or_else(bad)?
    } else {
        if parts.len() > 3 {
            return Err(bad());
        }
        let (last, whole) = parts.split_last().expect("split gives at least one part");
        let secs: f64 = last.parse().map_err(|_| bad())?;
        if !(0.0..60.0).contains(&secs) || last.starts_with(['+', '-']) {
            return Err(bad());
        }
        let mut total = 0.0;
        for (i, part) in whole.iter().enumerate() {
            if part.is_empty() || !part.bytes().all(|b| b.is_ascii_digit()) {
                return Err(bad());
            }
            let value: f64 = part.parse().map_err(|_| bad())?;
            // Minutes after hours must be below 60; a leading field may be anything.
            if i > 0 && value >= 60.0 {
                return Err(bad());
            }
            total = total * 60.0 + value;
        }
        total * 60.0 + secs
    };
    if !(0.0..=f64::from(MAX_RUN_SECONDS)).contains(&seconds) {
        return Err(format!("`{text}` is not a sensible run duration"));
    }
    Ok(Some(seconds.round() as u32))
}

/// Checks an activity's numbers before it becomes a run.
pub fn check_distance(km: f64) -> Result<f64, String> {
    if !km.is_finite() || km < 0.0 {
        Err(format!("distance {km} km is negative"))
    } else if km > MAX_RUN_KM {
        Err(format!(
            "distance {km:.1} km is more than {MAX_RUN_KM} km for one run"
        ))
    } else {
        Ok(km)
    }
}

/// Whether an activity type names a run, and the surface it implies. Covers Strava's (`Run`,
/// `Trail Run`, `Virtual Run`) and Garmin's (`Running`, `Treadmill Running`, …) names.
pub fn running_type(name: &str) -> Option<Option<Surface>> {
    let key: String = name
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .collect::<String>()
        .to_ascii_lowercase();
    let running = matches!(
        key.as_str(),
        "run"
            | "running"
            | "trailrun"
            | "trailrunning"
            | "virtualrun"
            | "virtualrunning"
            | "treadmill"
            | "treadmillrun"
            | "treadmillrunning"
            | "trackrun"
            | "trackrunning"
            | "indoorrun"
            | "indoorrunning"
            | "streetrunning"
            | "ultrarun"
            | "ultrarunning"
    );
    if !running {
        return None;
    }
    Some(if key.contains("trail") {
        Some(Surface::Trail)
    } else if key.contains("treadmill") || key.contains("virtual") || key.contains("indoor") {
        Some(Surface::Treadmill)
    } else if key.contains("track") {
        Some(Surface::Track)
    } else if key.contains("street") {
        Some(Surface::Road)
    } else {
        None
    })
}

/// Great-circle distance between two points given as (latitude, longitude) in degrees, in km.
pub fn haversine_km(a: (f64, f64), b: (f64, f64)) -> f64 {
    const EARTH_RADIUS_KM: f64 = 6_371.008_8;
    let (lat1, lon1) = (a.0.to_radians(), a.1.to_radians());
    let (lat2, lon2) = (b.0.to_radians(), b.1.to_radians());
    let h = ((lat2 - lat1) / 2.0).sin().powi(2)
        + lat1.cos() * lat2.cos() * ((lon2 - lon1) / 2.0).sin().powi(2);
    2.0 * EARTH_RADIUS_KM * h.sqrt().asin()
}

/// The unit a CSV's display distances are in, when the file cannot say.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UnitHint {
    /// Given on the command line (`--units`).
    Flag(Units),
    /// The runner's settings (used for Garmin, whose CSV does not name its unit).
    Settings(Units),
    /// Nothing known.
    None,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_with_thousands_and_missing_values() {
        assert_eq!(
            parse_number("\"1,024\"".trim_matches('"')),
            Ok(Some(1024.0))
        );
        assert_eq!(parse_number("1,024.5"), Ok(Some(1024.5)));
        assert_eq!(parse_number("--"), Ok(None));
        assert_eq!(parse_number(""), Ok(None));
        assert!(parse_number("10,02").is_err());
        assert!(parse_number("abc").is_err());
        assert!(parse_number("NaN").is_err());
    }

    #[test]
    fn durations_in_app_formats() {
        assert_eq!(parse_app_duration("00:52:13"), Ok(Some(3133)));
        assert_eq!(parse_app_duration("52:13.6"), Ok(Some(3134)));
        assert_eq!(parse_app_duration("1801.0"), Ok(Some(1801)));
        assert_eq!(parse_app_duration("--"), Ok(None));
        assert!(parse_app_duration("75:99").is_err());
        assert!(parse_app_duration("1:75:00").is_err());
        assert!(parse_app_duration("soon").is_err());
        assert!(parse_app_duration("-5").is_err());
    }

    #[test]
    fn running_types_and_their_surfaces() {
        assert_eq!(running_type("Run"), Some(None));
        assert_eq!(running_type("Trail Run"), Some(Some(Surface::Trail)));
        assert_eq!(
            running_type("Treadmill Running"),
            Some(Some(Surface::Treadmill))
        );
        assert_eq!(running_type("Virtual Run"), Some(Some(Surface::Treadmill)));
        assert_eq!(running_type("Ride"), None);
        assert_eq!(running_type("Walk"), None);
        assert_eq!(running_type("Cycling"), None);
    }

    #[test]
    fn haversine_of_one_degree_of_latitude() {
        let d = haversine_km((50.0, 0.0), (51.0, 0.0));
        assert!((d - 111.195).abs() < 0.01, "{d}");
    }

    #[test]
    fn utc_start_lands_on_the_local_day() {
        let start = Start::Utc("2026-03-01T23:30:00Z".parse().unwrap());
        let east = chrono::FixedOffset::east_opt(3600).unwrap();
        assert_eq!(start.local_date(&Utc).to_string(), "2026-03-01");
        assert_eq!(start.local_date(&east).to_string(), "2026-03-02");
    }

    #[test]
    fn same_run_within_ten_metres() {
        let a = Run {
            distance_km: 5.123,
            duration_s: Some(1900),
            ..Run::default()
        };
        let mut b = a.clone();
        b.distance_km = 5.130;
        assert!(same_run(&a, &b));
        b.distance_km = 5.140;
        assert!(!same_run(&a, &b));
        b.distance_km = 5.123;
        b.duration_s = Some(1901);
        assert!(!same_run(&a, &b));
        b.duration_s = None;
        assert!(same_run(&a, &b));
    }
}
