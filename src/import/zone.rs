//! The local day and time an activity started: recorded by the device (FIT `local_timestamp`,
//! Garmin's local times), else from the time zone where it started (an offline lookup of the
//! start position), else — only without a position — this computer's time zone, which the
//! output then says.

use super::{Activity, Start};
use chrono::{NaiveDateTime, TimeZone};

/// Where the local time of an activity came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ZoneUsed {
    /// The file holds the local time itself.
    Recorded,
    /// The time zone at the start position.
    Position,
    /// This computer's time zone: the file has neither.
    Machine,
}

/// The IANA time zone at a position, if the lookup knows it.
pub fn zone_at(latitude: f64, longitude: f64) -> Option<chrono_tz::Tz> {
    // The lookup asserts its ranges: user data is checked first, never trusted.
    if !(-90.0..=90.0).contains(&latitude) || !(-180.0..=180.0).contains(&longitude) {
        return None;
    }
    trtz::find_tz(latitude, longitude)?.parse().ok()
}

/// The local wall-clock start of `activity`, and where its zone came from.
pub fn local_start<Tz: TimeZone>(activity: &Activity, machine: &Tz) -> (NaiveDateTime, ZoneUsed) {
    match activity.start {
        Start::Local(local) => (local, ZoneUsed::Recorded),
        Start::Utc(instant) => match activity.position.and_then(|(lat, lon)| zone_at(lat, lon)) {
            Some(zone) => (
                instant.with_timezone(&zone).naive_local(),
                ZoneUsed::Position,
            ),
            None => (
                instant.with_timezone(machine).naive_local(),
                ZoneUsed::Machine,
            ),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn zones_of_known_places() {
        assert_eq!(zone_at(51.5, -0.1), Some(chrono_tz::Europe::London));
        assert_eq!(zone_at(-33.87, 151.21), Some(chrono_tz::Australia::Sydney));
        assert_eq!(zone_at(40.78, -73.97), Some(chrono_tz::America::New_York));
        assert_eq!(zone_at(91.0, 0.0), None);
        assert_eq!(zone_at(0.0, f64::NAN), None);
    }

    #[test]
    fn the_position_decides_over_the_machine() {
        let mut run = Activity::new(
            "GPX",
            Start::Utc("2026-07-01T22:30:00Z".parse().unwrap()),
            5.0,
        );
        run.position = Some((-33.87, 151.21));
        let (local, used) = local_start(&run, &chrono::Utc);
        assert_eq!(local.to_string(), "2026-07-02 08:30:00");
        assert_eq!(used, ZoneUsed::Position);
        run.position = None;
        let (local, used) = local_start(&run, &chrono::Utc);
        assert_eq!(local.to_string(), "2026-07-01 22:30:00");
        assert_eq!(used, ZoneUsed::Machine);
    }
}
