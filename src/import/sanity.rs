//! What is never a run: a start before 1990 or after today, less than 100 m, and — for a file
//! that names no sport — a pace that does not look like running (average between 2:30 and 15:00
//! per km, no kilometre faster than 2:30: a car or a bike). Each refusal says why.

use super::{Activity, Sport};
use chrono::NaiveDate;

/// The shortest run kept, in km.
pub const MIN_RUN_KM: f64 = 0.1;

/// The fastest pace a run can have, in seconds per km (2:30).
pub const FASTEST_PACE_S: f64 = 150.0;

/// The slowest average pace a sport-less file can have to be a run, in seconds per km (15:00).
pub const SLOWEST_PACE_S: f64 = 900.0;

/// What to do with a file that names no sport.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unspecified {
    /// A run only when its pace looks like running.
    CheckPace,
    /// A run whatever its pace (`--as-run`).
    TakeAsRun,
}

fn pace(seconds_per_km: f64) -> String {
    let total = seconds_per_km.round() as u64;
    format!("{}:{:02}/km", total / 60, total % 60)
}

/// Why `activity`, starting on `date`, is not imported as a run; `None` when it is one.
pub fn refusal(
    activity: &Activity,
    date: NaiveDate,
    today: NaiveDate,
    unspecified: Unspecified,
) -> Option<String> {
    let first = NaiveDate::from_ymd_opt(1990, 1, 1).expect("a valid date");
    if date < first {
        return Some(format!("dated {date}, before 1990"));
    }
    if date > today {
        return Some(format!("dated {date}, in the future"));
    }
    if activity.distance_km < MIN_RUN_KM {
        return Some(format!(
            "{:.0} m is shorter than 100 m",
            activity.distance_km * 1000.0
        ));
    }
    if activity.sport == Sport::Unspecified && unspecified == Unspecified::CheckPace {
        let average = activity
            .duration_s
            .map(|s| f64::from(s) / activity.distance_km);
        let Some(average) = average else {
            return Some(
                "the file names no sport and has no duration to tell a run from a ride; \
                 --as-run takes it"
                    .into(),
            );
        };
        if !(FASTEST_PACE_S..=SLOWEST_PACE_S).contains(&average) {
            return Some(format!(
                "the file names no sport and its average pace {} is not a run's \
                 (2:30-15:00/km); --as-run takes it",
                pace(average)
            ));
        }
        if let Some(fastest) = activity.fastest_km_s
            && fastest < FASTEST_PACE_S
        {
            return Some(format!(
                "the file names no sport and one kilometre took {} (a car or a bike?); \
                 --as-run takes it",
                pace(fastest)
            ));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::Start;

    fn activity(km: f64, seconds: u32, sport: Sport) -> Activity {
        let mut a = Activity::new(
            "GPX",
            Start::Utc("2026-03-01T07:00:00Z".parse().unwrap()),
            km,
        );
        a.duration_s = Some(seconds);
        a.sport = sport;
        a
    }

    fn day(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn dates_and_distances_never_runs() {
        let today = day("2026-03-10");
        let run = activity(5.0, 1800, Sport::Run);
        let check = |a: &Activity, d: &str| refusal(a, day(d), today, Unspecified::TakeAsRun);
        assert!(check(&run, "1989-12-31").unwrap().contains("before 1990"));
        assert!(check(&run, "2026-03-11").unwrap().contains("future"));
        assert_eq!(check(&run, "1990-01-01"), None);
        assert_eq!(check(&run, "2026-03-10"), None);
        let short = activity(0.099, 60, Sport::Run);
        assert!(check(&short, "2026-03-01").unwrap().contains("99 m"));
    }

    #[test]
    fn a_sportless_file_is_a_run_only_at_a_running_pace() {
        let today = day("2026-03-10");
        let d = day("2026-03-01");
        let ride = activity(30.0, 3600, Sport::Unspecified); // 2:00/km
        let reason = refusal(&ride, d, today, Unspecified::CheckPace).unwrap();
        assert!(
            reason.contains("2:00/km") && reason.contains("--as-run"),
            "{reason}"
        );
        assert_eq!(refusal(&ride, d, today, Unspecified::TakeAsRun), None);
        let stroll = activity(2.0, 2000, Sport::Unspecified); // 16:40/km
        assert!(refusal(&stroll, d, today, Unspecified::CheckPace).is_some());
        let mut run = activity(10.0, 3000, Sport::Unspecified); // 5:00/km
        assert_eq!(refusal(&run, d, today, Unspecified::CheckPace), None);
        run.fastest_km_s = Some(100.0); // a kilometre in 1:40: a car ride in the middle
        let reason = refusal(&run, d, today, Unspecified::CheckPace).unwrap();
        assert!(reason.contains("1:40/km"), "{reason}");
        // A file that names running is not second-guessed.
        let mut named = activity(30.0, 3600, Sport::Run);
        named.fastest_km_s = Some(100.0);
        assert_eq!(refusal(&named, d, today, Unspecified::CheckPace), None);
    }
}
