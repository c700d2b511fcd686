//! FIT files (Garmin and most watches), read with the `fitparser` crate. Each `session`
//! message (the summary a watch writes at the end of an activity) is one activity: its
//! `start_time`, `total_distance` and `total_timer_time` (else `total_elapsed_time`). Sessions
//! whose `sport` is not running are skipped.

use super::{Activity, BadRow, FileError, Parsed, Start, check_distance};
use crate::journal::entry::Surface;
use chrono::Utc;
use fitparser::profile::MesgNum;
use fitparser::{FitDataRecord, Value};

fn number(value: &Value) -> Option<f64> {
    match *value {
        Value::Float64(v) => Some(v),
        Value::Float32(v) => Some(f64::from(v)),
        Value::UInt32(v) | Value::UInt32z(v) => Some(f64::from(v)),
        Value::UInt16(v) | Value::UInt16z(v) => Some(f64::from(v)),
        Value::UInt8(v) | Value::UInt8z(v) => Some(f64::from(v)),
        _ => None,
    }
}

fn field<'r>(record: &'r FitDataRecord, name: &str) -> Option<&'r Value> {
    record
        .fields()
        .iter()
        .find(|f| f.name() == name)
        .map(fitparser::FitDataField::value)
}

fn text<'r>(record: &'r FitDataRecord, name: &str) -> Option<&'r str> {
    match field(record, name)? {
        Value::String(s) => Some(s.as_str()),
        _ => None,
    }
}

/// The surface a FIT `sub_sport` implies.
fn surface(sub_sport: Option<&str>) -> Option<Surface> {
    match sub_sport? {
        "trail" => Some(Surface::Trail),
        "treadmill" | "indoor_running" | "virtual_activity" => Some(Surface::Treadmill),
        "track" => Some(Surface::Track),
        "street" => Some(Surface::Road),
        _ => None,
    }
}

/// Reads a FIT file's sessions. `file` is the file name, used in messages and notes.
///
/// # Errors
/// When the bytes are not a valid FIT file (bad header or checksum).
pub fn parse(bytes: &[u8], file: &str) -> Result<Parsed, FileError> {
    let records = fitparser::from_bytes(bytes)
        .map_err(|e| FileError(format!("{file} is not a readable FIT file: {e}")))?;
    let mut parsed = Parsed::default();
    let sessions = records.iter().filter(|r| r.kind() == MesgNum::Session);
    for (index, session) in sessions.enumerate() {
        let place = format!("session {}", index + 1);
        if text(session, "sport").is_some_and(|s| s != "running") {
            parsed.not_running += 1;
            continue;
        }
        let Some(Value::Timestamp(start)) =
            field(session, "start_time").or_else(|| field(session, "timestamp"))
        else {
            parsed.bad.push(BadRow {
                place,
                message: "no start_time, so its day is unknown".into(),
            });
            continue;
        };
        let start = start.with_timezone(&Utc);
        let metres = field(session, "total_distance").and_then(number);
        let seconds = field(session, "total_timer_time")
            .or_else(|| field(session, "total_elapsed_time"))
            .and_then(number);
        let duration_s = seconds
            .filter(|s| (0.0..=f64::from(super::MAX_RUN_SECONDS)).contains(s))
            .map(|s| s.round() as u32);
        match check_distance(metres.unwrap_or(0.0) / 1000.0) {
            Ok(distance_km) => parsed.activities.push(Activity {
                place,
                start: Start::Utc(start),
                distance_km,
                duration_s,
                surface: surface(text(session, "sub_sport")),
                shoes: None,
                label: format!("FIT: {file}"),
            }),
            Err(message) => parsed.bad.push(BadRow { place, message }),
        }
    }
    if records.iter().all(|r| r.kind() != MesgNum::Session) {
        parsed.bad.push(BadRow {
            place: String::new(),
            message: "holds no session (the summary a watch writes at the end of an activity)"
                .into(),
        });
    }
    Ok(parsed)
}
