//! The day file: one logged day, format version 2 (design section 3). Versions 1 and 2 are
//! read; version 2 is written.
//!
//! Everything a runner records lives here as plain data. Parsing checks every value and reports
//! problems with the file, the field and the position; nothing is clamped or fixed silently.

mod file;
mod parts;
#[cfg(test)]
mod tests;

pub use file::{ParseError, ParseErrorKind, deserialize_with_path, format_day, parse_day};
pub use parts::{
    Character, FlagTier, Location, PainType, RedFlag, RoutineSession, Run, Score, Side, Slump,
    Surface, Triage,
};

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// The newest day-file format this build reads and writes.
pub const FORMAT_VERSION: u32 = 2;

/// One day of the journal: the whole content of `days/YYYY/YYYY-MM-DD.ron`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DayEntry {
    pub version: u32,
    pub date: NaiveDate,
    /// Pain on waking, 0-10: shows whether yesterday's load settled.
    #[serde(default)]
    pub morning_pain: Option<Score>,
    /// The worst pain of the day, 0-10.
    #[serde(default)]
    pub worst_pain: Option<Score>,
    #[serde(default)]
    pub locations: Vec<Location>,
    #[serde(default)]
    pub side: Option<Side>,
    #[serde(default)]
    pub character: Vec<Character>,
    #[serde(default)]
    pub runs: Vec<Run>,
    /// Took pain medication today (`None`: not answered, never read as "no").
    #[serde(default)]
    pub pain_medication: Option<bool>,
    /// Managed normal day-to-day activities.
    #[serde(default)]
    pub normal_activities: Option<bool>,
    #[serde(default)]
    pub sleep_hours: Option<f64>,
    /// Pain woke them or kept them awake (`None`: not answered).
    #[serde(default)]
    pub sleep_disturbed: Option<bool>,
    #[serde(default)]
    pub sitting_hours: Option<f64>,
    #[serde(default)]
    pub stress: Option<Score>,
    #[serde(default)]
    pub heat_minutes: Option<u32>,
    #[serde(default)]
    pub ice_minutes: Option<u32>,
    #[serde(default)]
    pub routines: Vec<RoutineSession>,
    #[serde(default)]
    pub triage: Option<Triage>,
    #[serde(default)]
    pub notes: String,
}

impl DayEntry {
    /// An empty day in the current format.
    #[must_use]
    pub fn new(date: NaiveDate) -> Self {
        Self {
            version: FORMAT_VERSION,
            date,
            morning_pain: None,
            worst_pain: None,
            locations: Vec::new(),
            side: None,
            character: Vec::new(),
            runs: Vec::new(),
            pain_medication: None,
            normal_activities: None,
            sleep_hours: None,
            sleep_disturbed: None,
            sitting_hours: None,
            stress: None,
            heat_minutes: None,
            ice_minutes: None,
            routines: Vec::new(),
            triage: None,
            notes: String::new(),
        }
    }

    /// True when nothing but the date (and the format version) is recorded.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        let mut blank = Self::new(self.date);
        blank.version = self.version;
        *self == blank
    }

    /// True when a run of the day has `gait_changed: Some(true)`.
    #[must_use]
    pub fn gait_changed(&self) -> bool {
        self.runs.iter().any(|r| r.gait_changed == Some(true))
    }

    /// Total distance of the day's runs, in kilometres.
    #[must_use]
    pub fn distance_km(&self) -> f64 {
        // Not `sum()`: an empty f64 sum is -0.0, shown as "-0.00 km" on a day without runs.
        self.runs.iter().fold(0.0, |total, r| total + r.distance_km)
    }

    /// Checks the values serde cannot: ranges of numbers. Returns the first problem as
    /// `(field, message)`.
    ///
    /// # Errors
    /// The field path and what is wrong with it.
    pub fn validate(&self) -> Result<(), (String, String)> {
        fn hours(field: &str, value: Option<f64>) -> Result<(), (String, String)> {
            match value {
                Some(h) if !(0.0..=24.0).contains(&h) => Err((
                    field.to_owned(),
                    format!("must be between 0 and 24 hours, found {h}"),
                )),
                _ => Ok(()),
            }
        }
        fn minutes(field: &str, value: Option<u32>) -> Result<(), (String, String)> {
            match value {
                Some(m) if m > 24 * 60 => Err((
                    field.to_owned(),
                    format!("must be at most 1440 minutes (one day), found {m}"),
                )),
                _ => Ok(()),
            }
        }
        if self.version == 0 {
            return Err(("version".into(), "must be 1 or more, found 0".into()));
        }
        hours("sleep_hours", self.sleep_hours)?;
        hours("sitting_hours", self.sitting_hours)?;
        minutes("heat_minutes", self.heat_minutes)?;
        minutes("ice_minutes", self.ice_minutes)?;
        for (i, run) in self.runs.iter().enumerate() {
            let d = run.distance_km;
            if !d.is_finite() || d < 0.0 {
                let rule = if d.is_finite() {
                    "must be 0 km or more"
                } else {
                    "must be a finite number of km, 0 or more"
                };
                return Err((
                    format!("runs[{i}].distance_km"),
                    format!("{rule}, found {d}"),
                ));
            }
        }
        for (i, session) in self.routines.iter().enumerate() {
            if session.steps_done > session.steps_total {
                return Err((
                    format!("routines[{i}].steps_done"),
                    format!(
                        "is {} but steps_total is only {}",
                        session.steps_done, session.steps_total
                    ),
                ));
            }
        }
        Ok(())
    }
}
