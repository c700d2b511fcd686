//! Garmin Connect's full data export: `DI_CONNECT/DI-Connect-Fitness/*_summarizedActivities.json`,
//! shaped `[{"summarizedActivitiesExport": [ … ]}]`. Units as Garmin writes them: `distance` in
//! centimetres, `duration` and `movingDuration` in milliseconds, `startTimeLocal` the local wall
//! clock and `startTimeGmt` the instant, both in milliseconds since 1970. Each activity keeps its
//! `activityId` (`garmin:<id>`) and name; `activityType` (`running`, `trail_running`, …) says
//! whether it is a run. One entry that cannot be read is reported; the others are imported.

use super::{Activity, BadRow, FileError, Parsed, Start, check_distance, running_type};
use chrono::DateTime;
use serde_json::Value;

fn millis_to_naive(ms: f64) -> Option<chrono::NaiveDateTime> {
    DateTime::from_timestamp_millis(ms as i64).map(|t| t.naive_utc())
}

/// `activityType` is a string in the export, an object with `typeKey` in some others.
fn activity_type(entry: &Value) -> Option<&str> {
    match entry.get("activityType")? {
        Value::String(s) => Some(s),
        Value::Object(o) => o.get("typeKey")?.as_str(),
        _ => None,
    }
}

/// Reads one `summarizedActivities.json` file.
///
/// # Errors
/// When the text is not JSON of that shape.
pub fn parse(text: &str) -> Result<Parsed, FileError> {
    let doc: Value =
        serde_json::from_str(text).map_err(|e| FileError(format!("is not readable JSON: {e}")))?;
    let entries: Vec<&Value> = match &doc {
        Value::Array(chunks) => chunks
            .iter()
            .filter_map(|c| c.get("summarizedActivitiesExport")?.as_array())
            .flatten()
            .collect(),
        Value::Object(o) => o
            .get("summarizedActivitiesExport")
            .and_then(Value::as_array)
            .map(|a| a.iter().collect())
            .unwrap_or_default(),
        _ => Vec::new(),
    };
    if entries.is_empty() && !matches!(&doc, Value::Array(a) if a.is_empty()) {
        return Err(FileError(
            "holds no `summarizedActivitiesExport` list: is it Garmin's export?".into(),
        ));
    }
    let mut parsed = Parsed::default();
    for (index, entry) in entries.into_iter().enumerate() {
        let id = entry.get("activityId").map(|v| match v {
            Value::String(s) => s.clone(),
            other => other.to_string(),
        });
        let place = id.as_ref().map_or_else(
            || format!("activity {}", index + 1),
            |id| format!("activity {id}"),
        );
        let Some(kind) = activity_type(entry) else {
            parsed.bad.push(BadRow {
                place,
                message: "no activityType".into(),
            });
            continue;
        };
        let Some(surface) = running_type(kind) else {
            parsed.not_running += 1;
            continue;
        };
        match read(entry, surface) {
            Ok(mut activity) => {
                activity.place = place;
                activity.source = id.map(|id| format!("garmin:{id}"));
                parsed.activities.push(activity);
            }
            Err(message) => parsed.bad.push(BadRow { place, message }),
        }
    }
    Ok(parsed)
}

fn read(
    entry: &Value,
    surface: Option<crate::journal::entry::Surface>,
) -> Result<Activity, String> {
    let number = |key: &str| {
        entry
            .get(key)
            .and_then(Value::as_f64)
            .filter(|v| v.is_finite())
    };
    let start = if let Some(local) = number("startTimeLocal").and_then(millis_to_naive) {
        Start::Local(local)
    } else if let Some(utc) = number("startTimeGmt")
        .or_else(|| number("beginTimestamp"))
        .and_then(|ms| DateTime::from_timestamp_millis(ms as i64))
    {
        Start::Utc(utc)
    } else {
        return Err("no start time (startTimeLocal, startTimeGmt or beginTimestamp)".into());
    };
    let centimetres = number("distance").unwrap_or(0.0);
    let distance_km =
        check_distance(centimetres / 100_000.0).map_err(|e| format!("distance: {e}"))?;
    let seconds = number("movingDuration")
        .or_else(|| number("duration"))
        .map(|ms| ms / 1000.0)
        .filter(|s| (0.0..=f64::from(super::MAX_RUN_SECONDS)).contains(s));
    let mut activity = Activity::new("Garmin", start, distance_km);
    activity.duration_s = seconds.map(|s| s.round() as u32);
    activity.surface = surface;
    activity.name = entry
        .get("name")
        .and_then(Value::as_str)
        .map(str::trim)
        .filter(|n| !n.is_empty())
        .map(str::to_owned);
    activity.position = number("startLatitude").zip(number("startLongitude"));
    Ok(activity)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn units_of_the_export_and_a_bad_entry() {
        let text = r#"[{"summarizedActivitiesExport": [
            {"activityId": 111, "name": "Morning Run", "activityType": "running",
             "startTimeLocal": 1772611200000, "startTimeGmt": 1772607600000,
             "distance": 521040.0, "duration": 1980000.0, "movingDuration": 1900000.0},
            {"activityId": 112, "activityType": "road_biking", "startTimeLocal": 1772611200000,
             "distance": 3000000.0},
            {"activityId": 113, "activityType": {"typeKey": "trail_running"}, "distance": 500000}
        ]}]"#;
        let parsed = parse(text).unwrap();
        assert_eq!(parsed.not_running, 1);
        let [run] = parsed.activities.as_slice() else {
            panic!("{parsed:?}")
        };
        assert!((run.distance_km - 5.2104).abs() < 1e-9);
        assert_eq!(run.duration_s, Some(1900), "moving time, in seconds");
        assert_eq!(
            run.start,
            Start::Local("2026-03-04T08:00:00".parse().unwrap())
        );
        assert_eq!(run.source.as_deref(), Some("garmin:111"));
        assert_eq!(parsed.bad[0].place, "activity 113");
        assert!(parse("{").is_err());
    }
}
