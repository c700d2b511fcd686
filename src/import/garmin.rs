//! Garmin Connect's activity list export, `Activities.csv`.
//!
//! Quirks handled: `--` for a missing value, quoted numbers with thousands separators
//! (`"1,024"`), durations as `hh:mm:ss` (sometimes with tenths), older files naming the duration
//! column `Activity Time` instead of `Time`, and local wall-clock dates (`2024-03-10 07:02:11`).
//! The file does not say whether distances are km or miles unless its header does
//! (`Distance (mi)`): then `--units`, else the runner's settings, decide, and the summary says so.

use super::table::{foreign_header, foreign_message};
use super::{
    Activity, BadRow, CsvRows, FileError, Parsed, Start, UnitHint, check_distance, field,
    parse_app_duration, parse_number, running_type,
};
use crate::journal::settings::Units;
use chrono::NaiveDateTime;

struct Columns {
    kind: usize,
    date: usize,
    title: Option<usize>,
    distance: usize,
    /// The name of the duration column found, for messages.
    time: Option<(usize, &'static str)>,
}

/// The distance column and the unit its header names, if any.
fn distance_column(csv: &CsvRows) -> Option<(usize, Option<Units>)> {
    csv.header.iter().enumerate().find_map(|(i, h)| {
        let h = h.to_ascii_lowercase();
        let unit = match h.as_str() {
            "distance" => None,
            "distance (km)" | "distance(km)" => Some(Units::Km),
            "distance (mi)" | "distance(mi)" | "distance (miles)" => Some(Units::Miles),
            _ => return None,
        };
        Some((i, unit))
    })
}

/// Parses a Garmin date: `2024-03-10 07:02:11`, without seconds, or ISO with a `T`.
pub fn parse_date(text: &str) -> Option<NaiveDateTime> {
    [
        "%Y-%m-%d %H:%M:%S",
        "%Y-%m-%d %H:%M",
        "%Y-%m-%dT%H:%M:%S",
        "%Y-%m-%dT%H:%M:%S%.f",
    ]
    .iter()
    .find_map(|format| NaiveDateTime::parse_from_str(text.trim(), format).ok())
}

/// Reads a Garmin Connect `Activities.csv`.
///
/// # Errors
/// When the file is not a Garmin export at all; bad rows are listed in [`Parsed::bad`].
pub fn parse(text: &str, hint: UnitHint) -> Result<Parsed, FileError> {
    let csv = CsvRows::read(text, "Garmin file")?;
    if csv.first_of(&["Activity Type"]).is_none()
        && let Some(cell) = foreign_header(&csv.header)
    {
        return Err(foreign_message("Garmin Connect", cell));
    }
    let need = |name: &str| {
        csv.first_of(&[name]).ok_or_else(|| {
            FileError(format!(
                "this is not a Garmin Connect Activities.csv: it has no `{name}` column"
            ))
        })
    };
    let (distance, header_unit) = distance_column(&csv).ok_or_else(|| {
        FileError("this is not a Garmin Connect Activities.csv: it has no `Distance` column".into())
    })?;
    let time = ["Time", "Activity Time", "Moving Time", "Elapsed Time"]
        .iter()
        .find_map(|name| csv.first_of(&[name]).map(|i| (i, *name)));
    let columns = Columns {
        kind: need("Activity Type")?,
        date: need("Date")?,
        title: csv.first_of(&["Title"]),
        distance,
        time,
    };
    let mut parsed = Parsed::default();
    let unit = match (header_unit, hint) {
        (Some(unit), _) | (None, UnitHint::Flag(unit)) => unit,
        (None, UnitHint::Settings(unit)) => {
            parsed.notes.push(format!(
                "the Garmin file does not say whether distances are km or miles: read them as \
                 {} (your settings); pass --units {} if Garmin Connect shows the other",
                unit.label(),
                match unit {
                    Units::Km => "mi",
                    Units::Miles => "km",
                }
            ));
            unit
        }
        (None, UnitHint::None) => {
            return Err(FileError(
                "the Garmin file does not say whether distances are km or miles: \
                 pass --units km or --units mi"
                    .into(),
            ));
        }
    };
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
        let place = format!("line {line}");
        match read_row(record, &columns, unit) {
            Ok(Some(activity)) => parsed.activities.push(Activity { place, ..activity }),
            Ok(None) => parsed.not_running += 1,
            Err(message) => parsed.bad.push(BadRow { place, message }),
        }
    }
    Ok(parsed)
}

fn read_row(
    record: &csv::StringRecord,
    columns: &Columns,
    unit: Units,
) -> Result<Option<Activity>, String> {
    let kind = field(record, columns.kind, "Activity Type")?;
    let Some(surface) = running_type(kind) else {
        return Ok(None);
    };
    let date_text = field(record, columns.date, "Date")?;
    let start = parse_date(date_text)
        .ok_or_else(|| format!("Date: `{date_text}` is not a date like `2024-03-10 07:02:11`"))?;
    let distance = parse_number(field(record, columns.distance, "Distance")?)
        .map_err(|e| format!("Distance: {e}"))?
        .unwrap_or(0.0);
    let distance_km = check_distance(unit.to_km(distance)).map_err(|e| format!("Distance: {e}"))?;
    let duration_s = match columns.time {
        Some((i, name)) => {
            parse_app_duration(field(record, i, name)?).map_err(|e| format!("{name}: {e}"))?
        }
        None => None,
    };
    let mut activity = Activity::new("Garmin", Start::Local(start), distance_km);
    activity.duration_s = duration_s;
    activity.surface = surface;
    activity.name = columns
        .title
        .and_then(|i| record.get(i))
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .map(str::to_owned);
    Ok(Some(activity))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn old_header_quoted_thousands_and_dashes() {
        let text = "Activity Type,Date,Favorite,Title,Distance,Calories,Activity Time,Avg HR\n\
            Running,2019-04-02 18:05:00,false,\"Evening, easy\",8.02,\"1,024\",00:45:10,--\n\
            Treadmill Running,2019-04-03 07:00:00,false,Mill,5.00,--,--,--\n\
            Cycling,2019-04-04 07:00:00,false,Ride,30.0,900,01:00:00,--\n";
        let parsed = parse(text, UnitHint::Flag(Units::Km)).unwrap();
        assert!(parsed.bad.is_empty(), "{parsed:?}");
        assert_eq!(parsed.not_running, 1);
        let [a, b] = parsed.activities.as_slice() else {
            panic!("{parsed:?}")
        };
        assert_eq!(a.duration_s, Some(2710));
        assert_eq!(a.name.as_deref(), Some("Evening, easy"));
        assert_eq!(
            a.start,
            Start::Local(parse_date("2019-04-02 18:05").unwrap())
        );
        assert_eq!(b.duration_s, None);
        assert_eq!(b.surface, Some(crate::journal::entry::Surface::Treadmill));
    }

    #[test]
    fn the_unit_comes_from_the_header_then_the_flag_then_settings() {
        let body =
            "Activity Type,Date,Distance (mi),Time\nRunning,2019-04-02 18:05:00,1.00,10:00\n";
        let parsed = parse(body, UnitHint::Settings(Units::Km)).unwrap();
        assert!((parsed.activities[0].distance_km - 1.609_344).abs() < 1e-9);
        assert!(parsed.notes.is_empty());
        let body = body.replace("Distance (mi)", "Distance");
        let parsed = parse(&body, UnitHint::Settings(Units::Km)).unwrap();
        assert!((parsed.activities[0].distance_km - 1.0).abs() < 1e-9);
        assert!(parsed.notes[0].contains("--units mi"), "{parsed:?}");
        assert!(parse(&body, UnitHint::None).is_err());
    }
}
