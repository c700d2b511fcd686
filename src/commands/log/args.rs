//! The values `stridelog log` accepts, parsed by clap before anything is read: scores 0-10,
//! `5.2km,31:40`-style runs, `2/3/3` run pain, dates. A bad value is a usage error naming the
//! flag (exit status 2).

use crate::cli::{CharacterArg, LocationArg, SideArg, SurfaceArg};
use crate::journal::entry::{Character, Location, Score, Side, Surface};
use crate::journal::settings::Units;
use chrono::{Days, NaiveDate};

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
}
