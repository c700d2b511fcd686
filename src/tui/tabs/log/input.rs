//! Showing stored values in the Log tab's form. What a typed value may be is decided in one
//! place for the app, the shell and import: [`crate::values`].

/// The unit distances are shown and typed in (from the settings). Files always hold
/// kilometres; the conversion lives in one place, [`Units`](crate::journal::settings::Units).
pub use crate::journal::settings::Units as DistanceUnit;

pub use crate::values::{
    MAX_MINUTES, MAX_RUN_KM, MAX_RUN_SECONDS, parse_distance, parse_duration, parse_hours,
    parse_minutes, parse_score, short,
};

/// A duration as `m:ss`, or `h:mm:ss` from an hour on.
pub fn format_duration(seconds: u32) -> String {
    let (h, m, s) = (seconds / 3600, seconds / 60 % 60, seconds % 60);
    if h > 0 {
        format!("{h}:{m:02}:{s:02}")
    } else {
        format!("{m}:{s:02}")
    }
}

/// Pace as `m:ss /km` (or `/mi`), when both distance and time are known.
pub fn format_pace(
    distance_km: f64,
    duration_s: Option<u32>,
    unit: DistanceUnit,
) -> Option<String> {
    let distance = unit.from_km(distance_km);
    let seconds = f64::from(duration_s?);
    if distance <= 0.0 || !distance.is_finite() {
        return None;
    }
    let per_unit = (seconds / distance).round() as u32;
    Some(format!("{} /{}", format_duration(per_unit), unit.label()))
}

/// A number with at most two decimals and no trailing zeros: `7.5`, `8`, `6.25`.
pub fn format_number(value: f64) -> String {
    let text = format!("{value:.2}");
    let text = text.trim_end_matches('0').trim_end_matches('.');
    // `-0.0` (a hand-written file) and tiny negatives round to zero: show it without a sign.
    if text == "-0" { "0" } else { text }.to_owned()
}

/// A stored distance in `unit`, with the unit: `6.4 km`.
pub fn format_distance(km: f64, unit: DistanceUnit) -> String {
    format!("{} {}", format_number(unit.from_km(km)), unit.label())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_round_trip_for_the_eye() {
        assert_eq!(format_duration(2280), "38:00");
        assert_eq!(format_duration(3900), "1:05:00");
        assert_eq!(
            format_pace(6.4, Some(2280), DistanceUnit::Km).as_deref(),
            Some("5:56 /km")
        );
        assert_eq!(format_pace(6.4, None, DistanceUnit::Km), None);
        assert_eq!(format_number(7.5), "7.5");
        assert_eq!(format_number(8.0), "8");
        assert_eq!(format_distance(6.4, DistanceUnit::Km), "6.4 km");
    }
}
