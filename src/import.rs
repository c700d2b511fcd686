//! Importing runs recorded by watches and apps: one pure parser per format (bytes or text in,
//! activities out), the readers of whole exports (zip, folder, gz), and the [`plan`] that
//! decides which activities are new runs for which days.
//!
//! Only `runs` ever receive anything: pain, sleep, triage and notes of a day are never touched.
//! Each run keeps where it came from (`source`), its name and its local start time (format
//! version 2), and de-duplication follows design §3: the same `source`, else a start within two
//! minutes on the same day, else (when a start is missing) the same distance within 1 % and a
//! duration within 60 s.

pub mod archive;
pub mod dedup;
#[cfg(feature = "fit")]
pub mod fit;
#[cfg(feature = "fit")]
mod fit_scan;
pub mod garmin;
pub mod garmin_json;
pub mod gpx;
pub mod read;
pub mod sanity;
pub mod strava;
mod table;
pub mod tcx;
pub mod track;
pub mod zone;

pub(crate) use table::{CsvRows, field};

pub use dedup::{Candidate, Plan, plan, same_run};

use crate::journal::entry::{Run, Surface};
use crate::journal::settings::Units;
use chrono::{DateTime, NaiveDate, NaiveDateTime, TimeZone, Utc};

/// The longest single run accepted, in km (a typo guard, well beyond any ultramarathon stage).
pub const MAX_RUN_KM: f64 = 500.0;

/// The longest duration accepted, in seconds (two days).
pub const MAX_RUN_SECONDS: u32 = 48 * 3600;

/// When an activity started.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Start {
    /// An instant (Strava's CSV, GPX and TCX times are UTC): its local time depends on the time
    /// zone where it started.
    Utc(DateTime<Utc>),
    /// A wall-clock time already local to the runner (Garmin Connect's CSV and JSON, FIT files
    /// with `local_timestamp`).
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

/// Whether the file said the activity was a run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sport {
    /// The file says running.
    Run,
    /// The file names no sport (many GPX files): a run only if its pace looks like one.
    Unspecified,
}

/// One activity found in a file, before it is placed on a day.
#[derive(Debug, Clone, PartialEq)]
pub struct Activity {
    /// Where in the file, for messages: `line 7`, `track 2`.
    pub place: String,
    pub start: Start,
    /// Where it started, (latitude, longitude) in degrees: gives the time zone.
    pub position: Option<(f64, f64)>,
    pub distance_km: f64,
    pub duration_s: Option<u32>,
    /// The fastest kilometre in seconds, when the file has a track (the car-or-bike check).
    pub fastest_km_s: Option<f64>,
    pub sport: Sport,
    pub surface: Option<Surface>,
    pub shoes: Option<String>,
    /// The activity's title (`Morning Run`), if the file has one.
    pub name: Option<String>,
    /// The id of design §3: `strava:<id>`, `garmin:<id>`, `fit:…`, `gpx:…`, `tcx:…`.
    pub source: Option<String>,
    /// The app or format it came from, for the output (`Strava`, `GPX`, …).
    pub origin: &'static str,
    /// The file a Strava CSV row links to (`activities/123.gpx.gz`).
    pub linked_file: Option<String>,
}

impl Activity {
    /// An activity with only what every format has; the parsers fill in the rest.
    pub fn new(origin: &'static str, start: Start, distance_km: f64) -> Self {
        Self {
            place: String::new(),
            start,
            position: None,
            distance_km,
            duration_s: None,
            fastest_km_s: None,
            sport: Sport::Run,
            surface: None,
            shoes: None,
            name: None,
            source: None,
            origin,
            linked_file: None,
        }
    }

    /// The run this activity becomes at local time `start`: no pain values (those are the
    /// runner's to add).
    pub fn to_run(&self, start: Option<chrono::NaiveTime>) -> Run {
        Run {
            distance_km: self.distance_km,
            duration_s: self.duration_s,
            surface: self.surface,
            shoes: self.shoes.clone(),
            start,
            name: self.name.clone(),
            source: self.source.clone(),
            ..Run::default()
        }
    }

    /// `Strava: Morning Run` or `GPX`: for the output.
    pub fn label(&self) -> String {
        match &self.name {
            Some(name) => format!("{}: {name}", self.origin),
            None => self.origin.to_owned(),
        }
    }
}

/// A row, file or track that could not be read, with where it is and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BadRow {
    pub place: String,
    pub message: String,
}

impl std::fmt::Display for BadRow {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.place.is_empty() {
            f.write_str(&self.message)
        } else {
            write!(f, "{}: {}", self.place, self.message)
        }
    }
}

/// What a parser found in one file.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Parsed {
    pub activities: Vec<Activity>,
    /// Rides, swims, walks…: skipped on purpose.
    pub not_running: usize,
    /// What could not be read: each counts as failed.
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
        for note in other.notes {
            if !self.notes.contains(&note) {
                self.notes.push(note);
            }
        }
    }

    /// Puts `prefix` (a file name) before every place, for messages.
    #[must_use]
    pub fn within(mut self, prefix: &str) -> Self {
        let join = |place: &mut String| {
            *place = if place.is_empty() {
                prefix.to_owned()
            } else {
                format!("{prefix}: {place}")
            };
        };
        self.activities.iter_mut().for_each(|a| join(&mut a.place));
        self.bad.iter_mut().for_each(|b| join(&mut b.place));
        self
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
    fn control_characters_are_escaped() {}
}
