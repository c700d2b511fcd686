//! One week's numbers, for the week under the cursor. Means to one decimal; "—" where nothing
//! was recorded (a missing value is never shown as 0).

use super::wrap::wrap;
use crate::journal::settings::Units;
use crate::rules::WeekSummary;
use crate::tui::theme::Theme;
use chrono::{Datelike, NaiveDate};
use ratatui::text::Line;

/// Shown for a value that was not recorded.
pub const NONE: &str = "—";

/// A week's dates: "16–22 Nov 2026", "30 Nov – 6 Dec 2026", "29 Dec 2025 – 4 Jan 2026".
pub fn dates(start: NaiveDate, end: NaiveDate) -> String {
    if start.year() != end.year() {
        format!(
            "{} – {}",
            start.format("%-d %b %Y"),
            end.format("%-d %b %Y")
        )
    } else if start.month() != end.month() {
        format!("{} – {}", start.format("%-d %b"), end.format("%-d %b %Y"))
    } else {
        format!("{}–{}", start.format("%-d"), end.format("%-d %b %Y"))
    }
}

pub use crate::rules::one_decimal;

/// A mean to one decimal, or "—".
pub fn mean(value: Option<f64>) -> String {
    value.map_or_else(|| NONE.to_owned(), one_decimal)
}

/// A distance in the runner's unit to one decimal, with the unit.
pub fn distance(km: f64, units: Units) -> String {
    format!("{} {}", one_decimal(units.from_km(km)), units.label())
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// The week's numbers in two (or, when narrow, more) lines.
pub fn detail_lines(
    week: &WeekSummary,
    today: NaiveDate,
    units: Units,
    theme: &Theme,
    width: u16,
) -> Vec<Line<'static>> {
    let so_far = if today < week.end { " (so far)" } else { "" };
    let head = format!("Week {}{so_far}:", dates(week.start, week.end));
    let counts = if week.days_logged == 0 {
        format!("nothing logged · runs {NONE} · distance {NONE}")
    } else {
        format!(
            "{} logged · {} · {} · {}",
            plural(week.days_logged, "day", "days"),
            plural(week.runs, "run", "runs"),
            distance(week.distance_km, units),
            plural(week.routines, "routine", "routines"),
        )
    };
    let pain = format!(
        "worst {} · morning {} · during runs {} · run max {}",
        mean(week.mean_worst_pain),
        mean(week.mean_morning_pain),
        mean(week.mean_run_pain),
        week.max_run_pain
            .map_or_else(|| NONE.to_owned(), |p| p.to_string()),
    );
    let mut lines = wrap(&[(&head, theme.title), (&counts, theme.base)], width, 1, 3);
    lines.extend(wrap(
        &[("Mean pain:", theme.dim), (&pain, theme.base)],
        width,
        1,
        3,
    ));
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn week_dates_name_month_and_year_once_when_shared() {
        assert_eq!(dates(d(2026, 11, 16), d(2026, 11, 22)), "16–22 Nov 2026");
        assert_eq!(
            dates(d(2026, 11, 30), d(2026, 12, 6)),
            "30 Nov – 6 Dec 2026"
        );
        assert_eq!(
            dates(d(2025, 12, 29), d(2026, 1, 4)),
            "29 Dec 2025 – 4 Jan 2026"
        );
    }

    #[test]
    fn missing_means_are_a_dash_not_zero() {
        assert_eq!(mean(None), "—");
        assert_eq!(mean(Some(0.0)), "0.0");
        assert_eq!(mean(Some(3.25)), "3.3");
        assert_eq!(mean(Some(3.0)), "3.0");
    }
}
