//! Dates as a runner types them, relative to today: the Log tab's "go to", `stridelog log
//! --date` and the report's options read dates here.
//! Accepts `2026-11-20`, `today`, `yesterday`, `tomorrow`, `3 days ago`,
//! `2 weeks ago`, `-3`, a weekday (`monday`: the latest one, today included) and
//! `last monday` (the latest one before today).

use super::short;
use crate::journal::store::storable;
use chrono::{Datelike, Days, NaiveDate, Weekday};

/// What the prompt shows when the text is not understood.
pub const ACCEPTED: &str = "try 2026-11-20, today, yesterday, 3 days ago, last monday";

/// More than this many days back is surely a typo.
const MAX_DAYS_BACK: u64 = 100 * 366;

/// The date `input` means, seen from `today`.
///
/// # Errors
/// A short message with examples of what is accepted.
pub fn resolve(input: &str, today: NaiveDate) -> Result<NaiveDate, String> {
    let date = resolve_any(input, today)?;
    if storable(date) {
        Ok(date)
    } else {
        Err(format!(
            "{date} is outside the years a journal holds (0000 to 9999): {ACCEPTED}"
        ))
    }
}

fn resolve_any(input: &str, today: NaiveDate) -> Result<NaiveDate, String> {
    let text = input.trim().to_lowercase();
    let words: Vec<&str> = text.split_whitespace().collect();
    let not_understood = || format!("\"{}\" is not a date I know: {ACCEPTED}", short(input));
    let back = |days: u64| {
        if days > MAX_DAYS_BACK {
            return Err(format!("that is more than 100 years ago: {ACCEPTED}"));
        }
        today
            .checked_sub_days(Days::new(days))
            .ok_or_else(not_understood)
    };
    match words.as_slice() {
        [] => Err(format!("type a date: {ACCEPTED}")),
        ["today" | "now"] => Ok(today),
        ["yesterday"] => back(1),
        ["tomorrow"] => today.succ_opt().ok_or_else(not_understood),
        [n, unit, "ago"] => {
            let n = count(n).ok_or_else(not_understood)?;
            match *unit {
                "day" | "days" => back(n),
                "week" | "weeks" => back(n.saturating_mul(7)),
                _ => Err(not_understood()),
            }
        }
        ["last", day] => {
            let since = days_since(today, weekday(day).ok_or_else(not_understood)?);
            back(if since == 0 { 7 } else { since })
        }
        [day] if weekday(day).is_some() => back(days_since(today, weekday(day).expect("checked"))),
        [single] => {
            if let Some(n) = single.strip_prefix('-').and_then(|n| n.parse::<u64>().ok()) {
                return back(n);
            }
            NaiveDate::parse_from_str(single, "%Y-%m-%d").map_err(|_| not_understood())
        }
        _ => Err(not_understood()),
    }
}

/// Days from the latest `weekday` on or before `today` to `today` (0 when today is one).
fn days_since(today: NaiveDate, weekday: Weekday) -> u64 {
    u64::from((today.weekday().num_days_from_monday() + 7 - weekday.num_days_from_monday()) % 7)
}

fn count(word: &str) -> Option<u64> {
    match word {
        "a" | "an" | "one" => Some(1),
        "two" => Some(2),
        "three" => Some(3),
        _ => word.parse().ok(),
    }
}

fn weekday(word: &str) -> Option<Weekday> {
    Some(match word {
        "monday" | "mon" => Weekday::Mon,
        "tuesday" | "tue" | "tues" => Weekday::Tue,
        "wednesday" | "wed" => Weekday::Wed,
        "thursday" | "thu" | "thur" | "thurs" => Weekday::Thu,
        "friday" | "fri" => Weekday::Fri,
        "saturday" | "sat" => Weekday::Sat,
        "sunday" | "sun" => Weekday::Sun,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
    }

    /// Sunday.
    const TODAY: &str = "2026-11-22";

    #[test]
    fn words_and_iso_dates() {
        let today = d(TODAY);
        assert_eq!(resolve("today", today), Ok(today));
        assert_eq!(resolve(" Yesterday ", today), Ok(d("2026-11-21")));
        assert_eq!(resolve("tomorrow", today), Ok(d("2026-11-23")));
        assert_eq!(resolve("2025-02-28", today), Ok(d("2025-02-28")));
        assert_eq!(resolve("3 days ago", today), Ok(d("2026-11-19")));
        assert_eq!(resolve("1 day ago", today), Ok(d("2026-11-21")));
        assert_eq!(resolve("a week ago", today), Ok(d("2026-11-15")));
        assert_eq!(resolve("2 weeks ago", today), Ok(d("2026-11-08")));
        assert_eq!(resolve("-10", today), Ok(d("2026-11-12")));
    }

    #[test]
    fn weekdays() {
        let sunday = d(TODAY);
        assert_eq!(resolve("last monday", sunday), Ok(d("2026-11-16")));
        assert_eq!(resolve("last saturday", sunday), Ok(d("2026-11-21")));
        assert_eq!(resolve("last sunday", sunday), Ok(d("2026-11-15")));
        assert_eq!(resolve("sunday", sunday), Ok(sunday));
        assert_eq!(resolve("fri", sunday), Ok(d("2026-11-20")));
        let monday = d("2026-11-23");
        assert_eq!(resolve("last monday", monday), Ok(d("2026-11-16")));
        assert_eq!(resolve("last tue", monday), Ok(d("2026-11-17")));
    }

    #[test]
    fn nonsense_says_what_is_accepted() {
        let today = d(TODAY);
        for bad in [
            "",
            "someday",
            "2026-13-01",
            "2026-02-30",
            "3 months ago",
            "x days ago",
            "last blursday",
            "999999 days ago",
        ] {
            let err = resolve(bad, today).unwrap_err();
            assert!(err.contains("yesterday"), "{bad}: {err}");
        }
    }
}
