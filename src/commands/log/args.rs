//! The values `stridelog log` accepts, parsed by clap before anything is read: scores 0-10,
//! `5.2km,31:40`-style runs, `2/3/3` run pain, dates. The rules are the app's own
//! ([`crate::values`]); this file only splits the flags. A bad value is a usage error naming the
//! flag (exit status 2).

use crate::journal::entry::Score;
use crate::values::{self, TypedDistance};
use chrono::NaiveDate;

/// `--date`: the words as typed, resolved against `--today` once it is known (clap may read
/// `--date` before `--today`). The words are the app's own ([`crate::values::date`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateArg(pub String);

impl DateArg {
    /// The date meant, seen from `today`.
    ///
    /// # Errors
    /// What is accepted, when the words make no date from `today`.
    pub fn resolve(&self, today: NaiveDate) -> Result<NaiveDate, String> {
        crate::values::date::resolve(&self.0, today)
    }
}

/// `--run 5.2km,31:40`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RunArg {
    pub distance: TypedDistance,
    pub duration_s: Option<u32>,
}

/// `--run-pain 2/3/3`: before, during, after.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct RunPain {
    pub before: Option<Score>,
    pub during: Option<Score>,
    pub after: Option<Score>,
}

/// Parses `--date`: checked now against a fixed day, so a word that is never a date is a usage
/// error at once; resolved against `--today` later.
pub fn parse_date_arg(text: &str) -> Result<DateArg, String> {
    let reference = NaiveDate::from_ymd_opt(2000, 6, 15).unwrap_or_default();
    crate::values::date::resolve(text, reference)?;
    Ok(DateArg(text.to_owned()))
}

/// Parses a 0-10 score (required here: leave the flag out to leave the value alone).
pub fn parse_score(text: &str) -> Result<Score, String> {
    values::parse_score(text)?.ok_or_else(|| "give a whole number from 0 to 10".to_owned())
}

/// Parses hours of a day, 0-24: `7.5`, `7:30`, `7h30`.
pub fn parse_hours(text: &str) -> Result<f64, String> {
    values::parse_hours(text)?.ok_or_else(|| "give hours from 0 to 24, like 7.5 or 7:30".to_owned())
}

/// Parses a distance: `5.2km`, `5.2 km`, `3.1mi`, `3.1miles`, or a bare `5.2` (the settings'
/// unit, applied when the run is added). The unit is known here only when written, so the
/// 300 km limit is checked by [`TypedDistance::km`] then; a written unit is checked now.
pub fn parse_distance(text: &str) -> Result<TypedDistance, String> {
    let typed = TypedDistance::parse(text)?;
    if let Some(unit) = typed.unit {
        typed.km(unit)?;
    }
    Ok(typed)
}

/// Parses a run's time: `mm:ss`, `h:mm:ss` or whole minutes, as in the app.
pub fn parse_duration(text: &str) -> Result<u32, String> {
    values::parse_duration(text)?
        .ok_or_else(|| "give the time as mm:ss, h:mm:ss or minutes".to_owned())
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::journal::settings::Units;

    #[test]
    fn durations_typed_by_people() {
        assert_eq!(parse_duration("31:40"), Ok(1900));
        assert_eq!(parse_duration("1:05:00"), Ok(3900));
        assert_eq!(parse_duration("75:30"), Ok(4530));
        assert_eq!(parse_duration("31"), Ok(1860), "minutes, as in the app");
        assert!(parse_duration("75:99").is_err());
        assert!(parse_duration("1:60:00").is_err());
        assert!(parse_duration("-1:00").is_err());
        assert!(parse_duration("abc").is_err());
    }

    #[test]
    fn distances_with_and_without_units() {
        assert_eq!(
            parse_distance("5.2km"),
            Ok(TypedDistance {
                value: 5.2,
                unit: Some(Units::Km)
            })
        );
        assert_eq!(parse_distance("3.1 mi").unwrap().unit, Some(Units::Miles));
        assert_eq!(parse_distance("6").unwrap().unit, None);
        assert!(parse_distance("-3km").is_err());
        assert!(parse_distance("abc").is_err());
        assert!(parse_distance("400km").is_err());
        assert!(parse_distance("450mi").is_err());
        assert!(parse_distance("inf").is_err());
        assert!(parse_distance("5000").unwrap().km(Units::Km).is_err());
    }

    #[test]
    fn runs_and_run_pain() {
        let run = parse_run("5.2km,31:40").unwrap();
        assert_eq!(run.duration_s, Some(1900));
        assert!(parse_run("5.2km,75:99").unwrap_err().contains("75:99"));
        assert_eq!(parse_run("5,38").unwrap().duration_s, Some(2280));
        let pain = parse_run_pain("2/-/3").unwrap();
        assert_eq!((pain.before, pain.during), (Score::new(2), None));
        assert!(parse_run_pain("2/3").is_err());
        assert!(parse_run_pain("2/11/3").is_err());
    }

    #[test]
    fn dates_are_the_apps_words() {
        let today: NaiveDate = "2026-03-01".parse().unwrap();
        let resolve = |t: &str| {
            parse_date_arg(t)
                .unwrap()
                .resolve(today)
                .unwrap()
                .to_string()
        };
        assert_eq!(resolve("yesterday"), "2026-02-28");
        assert_eq!(resolve("3 days ago"), "2026-02-26");
        assert_eq!(resolve("2026-02-03"), "2026-02-03");
        assert!(parse_date_arg("2026-2-30").is_err());
        assert!(parse_date_arg("someday").is_err());
    }
}
