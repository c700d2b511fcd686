//! Typed values, one set of rules for the app, `stridelog log` and import: scores, hours,
//! minutes, distances, run times and dates as a runner types them, with their limits.
//!
//! Pure functions, no ratatui. Each error says what *is* accepted, so a screen or the shell can
//! show it as is.

pub mod date;

use crate::journal::Score;
use crate::journal::settings::Units;

/// The most a single run may be, in kilometres (186 mi). Longer is almost surely a typo.
pub const MAX_RUN_KM: f64 = 300.0;
/// The longest run time accepted, in seconds (48 hours).
pub const MAX_RUN_SECONDS: u32 = 48 * 3600;
/// Heat or ice minutes: at most a whole day (the file format's own limit).
pub const MAX_MINUTES: u32 = 24 * 60;

/// Reads a decimal number, accepting `,` as the decimal mark. No signs, no exponents.
fn decimal(text: &str) -> Option<f64> {
    let text = text.replace(',', ".");
    let ok = !text.is_empty()
        && text.bytes().all(|b| b.is_ascii_digit() || b == b'.')
        && text.bytes().filter(|b| *b == b'.').count() <= 1
        && text != ".";
    ok.then(|| text.parse().ok()).flatten()
}

/// A whole number made of digits only.
fn whole(text: &str) -> Option<u32> {
    (!text.is_empty() && text.bytes().all(|b| b.is_ascii_digit()))
        .then(|| text.parse().ok())
        .flatten()
}

fn refused(raw: &str, accepted: &str) -> String {
    format!("\"{}\" is not accepted: {accepted}", short(raw))
}

/// What was typed, trimmed and cut to a few characters, to quote in a message: a pasted page
/// must not push the part that says what is accepted off the screen.
pub fn short(raw: &str) -> String {
    const LONGEST: usize = 24;
    let raw = raw.trim();
    let mut shown: String = raw.chars().take(LONGEST).collect();
    if shown.len() < raw.len() {
        shown.push('…');
    }
    shown
}

/// A 0-10 score. Empty clears it.
///
/// # Errors
/// What is accepted, when `text` is not a whole number from 0 to 10.
pub fn parse_score(text: &str) -> Result<Option<Score>, String> {
    let t = text.trim();
    if t.is_empty() {
        return Ok(None);
    }
    whole(t)
        .and_then(|n| u8::try_from(n).ok())
        .and_then(Score::new)
        .map(Some)
        .ok_or_else(|| refused(t, "type a whole number from 0 to 10 (empty clears it)"))
}

/// Hours in a day: `7.5`, `7,5`, `7:30`, `7h` or `7h30`, from 0 to 24. Empty clears it.
///
/// # Errors
/// What is accepted.
pub fn parse_hours(text: &str) -> Result<Option<f64>, String> {
    let t = text.trim();
    if t.is_empty() {
        return Ok(None);
    }
    let accepted = "type hours from 0 to 24, like 7.5, 7:30 or 7h30 (empty clears it)";
    let lower = t.to_ascii_lowercase();
    let clock = |h: &str, m: &str| match (whole(h), whole(m)) {
        (Some(hh), Some(mm)) if m.len() == 2 && mm < 60 => {
            Some(f64::from(hh) + f64::from(mm) / 60.0)
        }
        _ => None,
    };
    let hours = if let Some((h, m)) = lower.split_once(':') {
        clock(h, m)
    } else if let Some((h, m)) = lower.split_once('h') {
        let m = m.strip_suffix('m').unwrap_or(m);
        if m.is_empty() {
            decimal(h)
        } else {
            clock(h, m)
        }
    } else {
        decimal(&lower)
    };
    match hours {
        Some(h) if (0.0..=24.0).contains(&h) => Ok(Some(h)),
        _ => Err(refused(t, accepted)),
    }
}

/// Minutes (heat, ice): a whole number from 0 to 1440. Empty clears it.
///
/// # Errors
/// What is accepted.
pub fn parse_minutes(text: &str) -> Result<Option<u32>, String> {
    let t = text.trim();
    if t.is_empty() {
        return Ok(None);
    }
    match whole(t) {
        Some(m) if m <= MAX_MINUTES => Ok(Some(m)),
        _ => Err(refused(
            t,
            "type whole minutes from 0 to 1440, like 15 (empty clears it)",
        )),
    }
}

/// A distance as typed: a number and maybe a unit (`8`, `8.2`, `8km`, `5 mi`, `3.1miles`).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TypedDistance {
    pub value: f64,
    /// The unit written after the number; `None` means "the settings' unit".
    pub unit: Option<Units>,
}

impl TypedDistance {
    /// Reads the number and its unit; the limits are checked by [`TypedDistance::km`], once
    /// the unit of a bare number is known.
    ///
    /// # Errors
    /// What is accepted.
    pub fn parse(text: &str) -> Result<Self, String> {
        let t = text.trim();
        let lower = t.to_ascii_lowercase();
        let (number, unit) = if let Some(n) = lower.strip_suffix("km") {
            (n, Some(Units::Km))
        } else if let Some(n) = lower
            .strip_suffix("miles")
            .or_else(|| lower.strip_suffix("mile"))
            .or_else(|| lower.strip_suffix("mi"))
        {
            (n, Some(Units::Miles))
        } else {
            (lower.as_str(), None)
        };
        match decimal(number.trim_end()) {
            Some(value) => Ok(Self { value, unit }),
            None if t.is_empty() => Err(format!("a run needs a distance: {DISTANCE_ACCEPTED}")),
            None => Err(refused(t, DISTANCE_ACCEPTED)),
        }
    }

    /// In kilometres, reading a bare number in `default`.
    ///
    /// # Errors
    /// When the run is not more than 0 or longer than [`MAX_RUN_KM`] (300 km, 186 mi).
    pub fn km(self, default: Units) -> Result<f64, String> {
        let unit = self.unit.unwrap_or(default);
        let km = unit.to_km(self.value);
        if km > 0.0 && km <= MAX_RUN_KM + 1e-9 {
            Ok(km)
        } else {
            Err(format!(
                "{} {} is not accepted: {DISTANCE_ACCEPTED}",
                format_plain(self.value),
                unit.label(),
            ))
        }
    }
}

const DISTANCE_ACCEPTED: &str = "type a distance more than 0 and at most 300 km (186 mi), like \
    6.4, 6.4km or 4mi (a bare number is in your settings' unit)";

/// A number as typed back in a message: at most three decimals, no trailing zeros.
fn format_plain(value: f64) -> String {
    let text = format!("{value:.3}");
    text.trim_end_matches('0').trim_end_matches('.').to_owned()
}

/// A run's distance typed in the settings' `unit` (or with its own unit), returned in km.
///
/// # Errors
/// What is accepted: more than 0 and at most 300 km.
pub fn parse_distance(text: &str, unit: Units) -> Result<f64, String> {
    TypedDistance::parse(text)?.km(unit)
}

/// A run's time: `mm:ss`, `h:mm:ss`, or whole minutes (`38`). Empty clears it.
///
/// # Errors
/// What is accepted.
pub fn parse_duration(text: &str) -> Result<Option<u32>, String> {
    let t = text.trim();
    if t.is_empty() {
        return Ok(None);
    }
    let accepted = "type the time as mm:ss (38:20), h:mm:ss (1:05:00) or minutes (38); \
                    minutes and seconds go up to 59";
    let parts: Vec<&str> = t.split(':').collect();
    let two_digits = |s: &str| s.len() == 2;
    let seconds = match parts.as_slice() {
        [m] => whole(m).map(|m| m.saturating_mul(60)),
        [m, s] if two_digits(s) => match (whole(m), whole(s)) {
            (Some(m), Some(s)) if s < 60 => Some(m.saturating_mul(60).saturating_add(s)),
            _ => None,
        },
        [h, m, s] if two_digits(m) && two_digits(s) => match (whole(h), whole(m), whole(s)) {
            (Some(h), Some(m), Some(s)) if m < 60 && s < 60 => Some(
                h.saturating_mul(3600)
                    .saturating_add(m * 60)
                    .saturating_add(s),
            ),
            _ => None,
        },
        _ => None,
    };
    match seconds {
        Some(0) => Err(refused(t, "a run takes more than 0 seconds")),
        Some(s) if s <= MAX_RUN_SECONDS => Ok(Some(s)),
        Some(_) => Err(refused(t, "a run is at most 48 hours long")),
        None => Err(refused(t, accepted)),
    }
}

// Writing values back: what a field's editor starts with and how the form shows a value, in
// a form the parsers above read back unchanged.

/// A duration as `m:ss`, or `h:mm:ss` from an hour on (what [`parse_duration`] reads).
#[must_use]
pub fn format_duration(seconds: u32) -> String {
    let (h, m, s) = (seconds / 3600, seconds / 60 % 60, seconds % 60);
    if h > 0 {
        format!("{h}:{m:02}:{s:02}")
    } else {
        format!("{m}:{s:02}")
    }
}

/// Pace as `m:ss /km` (or `/mi`), when both distance and time are known.
#[must_use]
pub fn format_pace(distance_km: f64, duration_s: Option<u32>, unit: Units) -> Option<String> {
    let distance = unit.from_km(distance_km);
    let seconds = f64::from(duration_s?);
    if distance <= 0.0 || !distance.is_finite() {
        return None;
    }
    let per_unit = (seconds / distance).round() as u32;
    Some(format!("{} /{}", format_duration(per_unit), unit.label()))
}

/// A number with at most two decimals and no trailing zeros: `7.5`, `8`, `6.25`.
#[must_use]
pub fn format_number(value: f64) -> String {
    let text = format!("{value:.2}");
    let text = text.trim_end_matches('0').trim_end_matches('.');
    // `-0.0` (a hand-written file) and tiny negatives round to zero: show it without a sign.
    if text == "-0" { "0" } else { text }.to_owned()
}

/// A stored distance in `unit`, with the unit: `6.4 km`.
#[must_use]
pub fn format_distance(km: f64, unit: Units) -> String {
    format!("{} {}", format_number(unit.from_km(km)), unit.label())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_round_trip_for_the_eye() {
        assert_eq!(format_duration(2280), "38:00");
        assert_eq!(format_duration(3900), "1:05:00");
        assert_eq!(parse_duration(&format_duration(3900)), Ok(Some(3900)));
        assert_eq!(
            format_pace(6.4, Some(2280), Units::Km).as_deref(),
            Some("5:56 /km")
        );
        assert_eq!(format_pace(6.4, None, Units::Km), None);
        assert_eq!(format_number(7.5), "7.5");
        assert_eq!(format_number(8.0), "8");
        assert_eq!(format_distance(6.4, Units::Km), "6.4 km");
    }

    #[test]
    fn scores_accept_0_to_10_only() {
        assert_eq!(parse_score("0"), Ok(Score::new(0)));
        assert_eq!(parse_score(" 10 "), Ok(Score::new(10)));
        assert_eq!(parse_score(""), Ok(None));
        for bad in ["11", "-1", "5.5", "abc", "１"] {
            let err = parse_score(bad).unwrap_err();
            assert!(err.contains("0 to 10"), "{bad}: {err}");
        }
    }

    #[test]
    fn hours_accept_decimals_commas_and_colons_up_to_24() {
        assert_eq!(parse_hours("7.5"), Ok(Some(7.5)));
        assert_eq!(parse_hours("7,5"), Ok(Some(7.5)));
        assert_eq!(parse_hours("7:30"), Ok(Some(7.5)));
        assert_eq!(parse_hours("7h"), Ok(Some(7.0)));
        assert_eq!(parse_hours("7h30"), Ok(Some(7.5)));
        assert_eq!(parse_hours("7H30m"), Ok(Some(7.5)));
        assert_eq!(parse_hours("24"), Ok(Some(24.0)));
        assert_eq!(parse_hours(""), Ok(None));
        for bad in [
            "25", "24.5", "-1", "7:60", "abc", "1e1", "nan", ".", "7h75", "h", "25h",
        ] {
            assert!(parse_hours(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn minutes_are_whole_and_at_most_a_day() {
        assert_eq!(parse_minutes("15"), Ok(Some(15)));
        assert_eq!(parse_minutes("1440"), Ok(Some(1440)));
        assert!(parse_minutes("1441").is_err());
        assert!(parse_minutes("-5").is_err());
        assert!(parse_minutes("2.5").is_err());
    }

    #[test]
    fn distance_is_positive_and_at_most_300_km() {
        assert_eq!(parse_distance("6.4", Units::Km), Ok(6.4));
        assert_eq!(parse_distance("6,4 km", Units::Km), Ok(6.4));
        assert_eq!(parse_distance("300", Units::Km), Ok(300.0));
        for bad in ["400", "0", "400km", "190mi"] {
            let err = parse_distance(bad, Units::Km).unwrap_err();
            assert!(err.contains("at most"), "{bad}: {err}");
        }
        for bad in ["-3", "abc", "", "6.4.1", "5 furlongs", "1e3"] {
            let err = parse_distance(bad, Units::Km).unwrap_err();
            assert!(err.contains("at most 300 km"), "{bad}: {err}");
        }
    }

    #[test]
    fn miles_convert_in_one_place() {
        let km = parse_distance("10", Units::Miles).unwrap();
        assert!((km - 16.093_44).abs() < 1e-9);
        assert!(parse_distance("190", Units::Miles).is_err());
    }

    #[test]
    fn durations_take_mm_ss_h_mm_ss_and_minutes() {
        assert_eq!(parse_duration("38:20"), Ok(Some(2300)));
        assert_eq!(parse_duration("1:05:00"), Ok(Some(3900)));
        assert_eq!(parse_duration("75:30"), Ok(Some(4530)));
        assert_eq!(parse_duration("38"), Ok(Some(2280)));
        assert_eq!(parse_duration(""), Ok(None));
        for bad in [
            "75:99", "1:60:00", "-5:00", "abc", "5:5", "0:00", "49:00:00", "1:2:3:4",
        ] {
            assert!(parse_duration(bad).is_err(), "{bad}");
        }
        assert!(parse_duration("75:99").unwrap_err().contains("mm:ss"));
    }

    #[test]
    fn distances_carry_their_own_unit() {
        assert_eq!(parse_distance("8", Units::Km), Ok(8.0));
        assert_eq!(parse_distance("8km", Units::Miles), Ok(8.0));
        assert_eq!(parse_distance("8 KM", Units::Miles), Ok(8.0));
        let five_mi = parse_distance("5mi", Units::Km).unwrap();
        assert!((five_mi - 8.046_72).abs() < 1e-9);
        assert_eq!(
            parse_distance("3.1 miles", Units::Km),
            parse_distance("3.1", Units::Miles)
        );
        // The limit is in km whatever the unit: 450 mi is 724 km.
        assert!(parse_distance("450mi", Units::Km).is_err());
        assert!(parse_distance("186mi", Units::Km).is_ok());
    }
}
