//! Strava's bulk export, `activities.csv`.
//!
//! Quirks handled: several header names repeat (`Elapsed Time`, `Distance`, `Max Heart Rate`,
//! …), so those columns are read by position: the first `Distance` is in the account's display
//! unit (km or mi), the second in metres (older exports have no second one: the rows that show
//! both teach the unit, else `--units`, else the settings decide, and the output says so).
//! Dates look like `Oct 7, 2020, 2:43:11 PM` and are UTC. Times are seconds. Only running
//! activity types are imported. Each row keeps its `Activity ID` (`strava:<id>`), name, gear
//! (as shoes) and the `Filename` of its track, which gives the real start (see
//! [`super::archive`]).

use super::table::{foreign_header, foreign_message};
use super::{
    Activity, BadRow, CsvRows, FileError, Parsed, Start, UnitHint, check_distance, field,
    parse_app_duration, parse_number, running_type,
};
use crate::journal::settings::{KM_PER_MILE, Units};
use chrono::{NaiveDateTime, TimeZone, Utc};

/// Column positions of the fields we read.
struct Columns {
    id: Option<usize>,
    file: Option<usize>,
    date: usize,
    kind: usize,
    name: Option<usize>,
    display_distance: usize,
    metres: Option<usize>,
    moving: Option<usize>,
    elapsed: Option<usize>,
    gear: Option<usize>,
}

impl Columns {
    fn find(csv: &CsvRows) -> Result<Self, FileError> {
        if csv.first_of(&["Activity Date"]).is_none()
            && let Some(cell) = foreign_header(&csv.header)
        {
            return Err(foreign_message("Strava", cell));
        }
        let need = |name: &str| {
            csv.first_of(&[name]).ok_or_else(|| {
                FileError(format!(
                    "this is not a Strava activities.csv: it has no `{name}` column"
                ))
            })
        };
        let date = need("Activity Date")?;
        let kind = need("Activity Type")?;
        let distances = csv.positions("Distance");
        let display_distance = *distances.first().ok_or_else(|| {
            FileError("this is not a Strava activities.csv: it has no `Distance` column".into())
        })?;
        Ok(Self {
            id: csv.first_of(&["Activity ID"]),
            file: csv.first_of(&["Filename"]),
            date,
            kind,
            name: csv.first_of(&["Activity Name"]),
            display_distance,
            metres: distances.get(1).copied(),
            moving: csv.first_of(&["Moving Time"]),
            elapsed: csv.first_of(&["Elapsed Time"]),
            gear: csv.first_of(&["Activity Gear"]),
        })
    }
}

/// Parses a Strava date: `Oct 7, 2020, 2:43:11 PM` (also with the narrow no-break space newer
/// exports put before `PM`), `7 Oct 2020, 14:43:11` or ISO `2020-10-07 14:43:11`.
pub fn parse_date(text: &str) -> Option<NaiveDateTime> {
    let clean: String = text
        .chars()
        .map(|c| if c.is_whitespace() { ' ' } else { c })
        .collect();
    let clean = clean.split_whitespace().collect::<Vec<_>>().join(" ");
    [
        "%b %d, %Y, %I:%M:%S %p",
        "%b %d, %Y %I:%M:%S %p",
        "%d %b %Y, %H:%M:%S",
        "%Y-%m-%d %H:%M:%S",
        "%Y-%m-%dT%H:%M:%SZ",
    ]
    .iter()
    .find_map(|format| NaiveDateTime::parse_from_str(&clean, format).ok())
}

/// The display unit, learnt from rows holding both distances (metres / 1000 / display is 1 for
/// km and 1.609 for miles).
fn learn_unit(csv: &CsvRows, columns: &Columns) -> Option<Units> {
    let metres_col = columns.metres?;
    let (mut km, mut mi) = (0, 0);
    for (_, record) in csv.rows.iter().flatten() {
        let get = |i| record.get(i).and_then(|t| parse_number(t).ok().flatten());
        if let (Some(display), Some(metres)) = (get(columns.display_distance), get(metres_col))
            && display > 0.1
        {
            let ratio = metres / 1000.0 / display;
            if (ratio - 1.0).abs() < 0.02 {
                km += 1;
            } else if (ratio - KM_PER_MILE).abs() < 0.03 {
                mi += 1;
            }
        }
    }
    match (km, mi) {
        (0, 0) => None,
        (km, mi) if km >= mi => Some(Units::Km),
        _ => Some(Units::Miles),
    }
}

/// Reads a Strava `activities.csv`. `hint` is used only for rows without the metres column,
/// when the other rows do not show the unit.
///
/// # Errors
/// When the file is not a Strava export at all; bad rows are listed in [`Parsed::bad`].
pub fn parse(text: &str, hint: UnitHint) -> Result<Parsed, FileError> {
    let csv = CsvRows::read(text, "Strava file")?;
    let columns = Columns::find(&csv)?;
    let mut parsed = Parsed::default();
    let unit = learn_unit(&csv, &columns).or(match hint {
        UnitHint::Settings(unit) if columns.metres.is_none() => {
            parsed.notes.push(format!(
                "the Strava file has no distance in metres and does not say whether its \
                 distances are km or miles: read them as {} (your settings); pass --units {} if \
                 Strava shows the other",
                unit.label(),
                match unit {
                    Units::Km => "mi",
                    Units::Miles => "km",
                }
            ));
            Some(unit)
        }
        UnitHint::Flag(unit) | UnitHint::Settings(unit) => Some(unit),
        UnitHint::None => None,
    });
    for row in &csv.rows {
        let (line, record) = match row {
            Ok(row) => row,
            Err(bad) => {
                parsed.bad.push(bad.clone());
                continue;
            }
        };
        if record.iter().all(|f| f.trim().is_empty()) {
            continue;
        }
        match read_row(record, &columns, unit) {
            Ok(Some(activity)) => parsed.activities.push(Activity {
                place: format!("line {line}"),
                ..activity
            }),
            Ok(None) => parsed.not_running += 1,
            Err(message) => parsed.bad.push(BadRow {
                place: format!("line {line}"),
                message,
            }),
        }
    }
    Ok(parsed)
}

fn read_row(
    record: &csv::StringRecord,
    columns: &Columns,
    unit: Option<Units>,
) -> Result<Option<Activity>, String> {
    let kind = field(record, columns.kind, "Activity Type")?;
    let Some(surface) = running_type(kind) else {
        return Ok(None);
    };
    let date_text = field(record, columns.date, "Activity Date")?;
    let start = parse_date(date_text).ok_or_else(|| {
        format!("Activity Date: `{date_text}` is not a date like `Oct 7, 2020, 2:43:11 PM`")
    })?;
    let number = |index: usize, column: &str| {
        parse_number(field(record, index, column)?).map_err(|e| format!("{column}: {e}"))
    };
    let metres = match columns.metres {
        Some(i) => number(i, "Distance (metres, second Distance column)")?,
        None => None,
    };
    let distance_km = match metres {
        Some(metres) => metres / 1000.0,
        None => match number(columns.display_distance, "Distance")? {
            None => 0.0,
            Some(display) => {
                let unit = unit.ok_or(
                    "Distance: the file does not show whether it is km or miles; \
                     pass --units km or --units mi",
                )?;
                unit.to_km(display)
            }
        },
    };
    let distance_km = check_distance(distance_km).map_err(|e| format!("Distance: {e}"))?;
    let duration = |index: Option<usize>, column: &str| -> Result<Option<u32>, String> {
        match index {
            Some(i) => {
                parse_app_duration(field(record, i, column)?).map_err(|e| format!("{column}: {e}"))
            }
            None => Ok(None),
        }
    };
    let duration_s = match duration(columns.moving, "Moving Time")? {
        Some(seconds) => Some(seconds),
        None => duration(columns.elapsed, "Elapsed Time")?,
    };
    let text = |index: Option<usize>| {
        index
            .and_then(|i| record.get(i))
            .map(str::trim)
            .filter(|t| !t.is_empty())
    };
    let mut activity = Activity::new(
        "Strava",
        Start::Utc(Utc.from_utc_datetime(&start)),
        distance_km,
    );
    activity.duration_s = duration_s;
    activity.surface = surface;
    activity.shoes = text(columns.gear).map(str::to_owned);
    activity.name = text(columns.name).map(str::to_owned);
    activity.source = text(columns.id).map(|id| format!("strava:{id}"));
    activity.linked_file = text(columns.file).map(str::to_owned);
    Ok(Some(activity))
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEADER: &str = "Activity ID,Activity Date,Activity Name,Activity Type,\
        Elapsed Time,Distance,Activity Gear,Elapsed Time,Moving Time,Distance\n";

    #[test]
    fn dates_in_strava_styles() {
        let want = "2020-10-07T14:43:11".parse::<NaiveDateTime>().ok();
        assert_eq!(parse_date("Oct 7, 2020, 2:43:11 PM"), want);
        assert_eq!(parse_date("Oct 7, 2020, 2:43:11\u{202f}PM"), want);
        assert_eq!(parse_date("7 Oct 2020, 14:43:11"), want);
        assert_eq!(parse_date("yesterday"), None);
    }

    #[test]
    fn metres_column_wins_and_miles_are_learnt() {
        let text = format!(
            "{HEADER}1,\"Oct 7, 2020, 2:43:11 PM\",Easy,Run,2000,3.11,Pegasus,2000,1900,5005.2\n\
             2,\"Oct 8, 2020, 7:00:00 AM\",Hill,Trail Run,1500,2.0,,1500,,\n"
        );
        let parsed = parse(&text, UnitHint::None).unwrap();
        assert!(parsed.bad.is_empty(), "{:?}", parsed.bad);
        let [a, b] = parsed.activities.as_slice() else {
            panic!("{parsed:?}")
        };
        assert!((a.distance_km - 5.0052).abs() < 1e-9);
        assert_eq!(a.duration_s, Some(1900));
        assert_eq!(a.shoes.as_deref(), Some("Pegasus"));
        assert_eq!(a.place, "line 2");
        assert!((b.distance_km - 2.0 * KM_PER_MILE).abs() < 1e-9);
        assert_eq!(b.duration_s, Some(1500));
        assert_eq!(b.surface, Some(crate::journal::entry::Surface::Trail));
    }

    #[test]
    fn without_metres_or_a_flag_the_unit_is_unknown() {
        let text = "Activity Date,Activity Type,Distance\n\"Oct 7, 2020, 2:43:11 PM\",Run,5\n";
        let parsed = parse(text, UnitHint::None).unwrap();
        assert!(parsed.bad[0].message.contains("--units"), "{parsed:?}");
        let parsed = parse(text, UnitHint::Flag(Units::Miles)).unwrap();
        assert!((parsed.activities[0].distance_km - 5.0 * KM_PER_MILE).abs() < 1e-9);
        assert!(parsed.notes.is_empty());
    }

    #[test]
    fn without_metres_the_settings_unit_is_used_and_said() {
        let text = "Activity Date,Activity Type,Distance\n\"Oct 7, 2020, 2:43:11 PM\",Run,5\n";
        let parsed = parse(text, UnitHint::Settings(Units::Miles)).unwrap();
        assert!((parsed.activities[0].distance_km - 5.0 * KM_PER_MILE).abs() < 1e-9);
        assert!(
            parsed.notes[0].contains("read them as mi (your settings)"),
            "{parsed:?}"
        );
    }

    #[test]
    fn a_header_in_another_language_says_so() {
        let text = "Aktivitäts-ID,Datum der Aktivität,Name der Aktivität,Aktivitätsart\n";
        let err = parse(text, UnitHint::None).unwrap_err();
        assert!(
            err.0.contains("another language") && err.0.contains("English"),
            "{err}"
        );
    }

    #[test]
    fn not_a_strava_file() {
        let err = parse("Date,Title\n", UnitHint::None).unwrap_err();
        assert!(err.0.contains("Activity Date"), "{err}");
    }
}
