//! The local day and time an activity started: recorded by the device (FIT `local_timestamp`,
//! Garmin's local times), else from the time zone where it started (an offline lookup of the
//! start position, then that zone's offset on that day from the tz database), else — only
//! without a position or a known zone — this computer's time zone, which the output then says.

use super::{Activity, Start};
use chrono::{DateTime, NaiveDateTime, TimeDelta, TimeZone, Utc};

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
pub fn zone_at(latitude: f64, longitude: f64) -> Option<&'static str> {
    // The lookup asserts its ranges: user data is checked first, never trusted.
    if !(-90.0..=90.0).contains(&latitude) || !(-180.0..=180.0).contains(&longitude) {
        return None;
    }
    trtz::find_tz(latitude, longitude)
}

/// The wall-clock time of `instant` in the IANA zone `name`, if the tz database has it.
pub fn wall_clock_in(name: &str, instant: DateTime<Utc>) -> Option<NaiveDateTime> {
    let zone = jiff::tz::TimeZone::get(name).ok()?;
    let at = jiff::Timestamp::from_second(instant.timestamp()).ok()?;
    let offset = zone.to_offset(at).seconds();
    instant
        .naive_utc()
        .checked_add_signed(TimeDelta::seconds(i64::from(offset)))
}

/// The local wall-clock start of `activity`, and where its zone came from.
pub fn local_start<Tz: TimeZone>(activity: &Activity, machine: &Tz) -> (NaiveDateTime, ZoneUsed) {
    match activity.start {
        Start::Local(local) => (local, ZoneUsed::Recorded),
        Start::Utc(instant) => {
            let at_position = activity
                .position
                .and_then(|(lat, lon)| zone_at(lat, lon))
                .and_then(|zone| wall_clock_in(zone, instant));
            match at_position {
                Some(local) => (local, ZoneUsed::Position),
                None => (
                    instant.with_timezone(machine).naive_local(),
                    ZoneUsed::Machine,
                ),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn zones_of_known_places() {
        assert_eq!(zone_at(51.5, -0.1), Some("Europe/London"));
        assert_eq!(zone_at(-33.87, 151.21), Some("Australia/Sydney"));
        assert_eq!(zone_at(40.78, -73.97), Some("America/New_York"));
        assert_eq!(zone_at(91.0, 0.0), None);
        assert_eq!(zone_at(0.0, f64::NAN), None);
    }

    #[test]
    fn summer_time_comes_from_the_tz_database() {
        let winter = wall_clock_in("Europe/London", "2026-01-15T07:00:00Z".parse().unwrap());
        let summer = wall_clock_in("Europe/London", "2026-07-15T07:00:00Z".parse().unwrap());
        assert_eq!(winter.unwrap().to_string(), "2026-01-15 07:00:00");
        assert_eq!(summer.unwrap().to_string(), "2026-07-15 08:00:00");
        assert_eq!(wall_clock_in("Nowhere/Atlantis", Utc::now()), None);
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
