//! FIT files (Garmin and most watches), read leniently with the `fitparser` crate: checksums
//! are not required, a record that cannot be decoded is passed over, and a file that breaks off
//! keeps what came before. Each `session` message (the summary a watch writes at the end of an
//! activity) is one activity: `start_time`, `total_distance`, `total_timer_time` (else
//! `total_elapsed_time`); without a session (a file cut short), the laps, else the records. The
//! local time comes from the `activity` message's `local_timestamp`, else from the start
//! position. The library's own messages never reach the terminal (see [`super::fit_scan`]).

use super::{Activity, BadRow, FileError, Parsed, Sport, Start, check_distance, fit_scan};
use crate::journal::entry::Surface;
use chrono::{DateTime, Local, NaiveDate, NaiveDateTime, TimeDelta, TimeZone, Utc};
use fitparser::de::{DecodeOption, FitObject, FitStreamProcessor};
use fitparser::profile::MesgNum;
use fitparser::{FitDataRecord, Value};

fn number(value: &Value) -> Option<f64> {
    let n = match *value {
        Value::Float64(v) => v,
        Value::Float32(v) => f64::from(v),
        Value::UInt32(v) | Value::UInt32z(v) => f64::from(v),
        Value::SInt32(v) => f64::from(v),
        Value::UInt16(v) | Value::UInt16z(v) => f64::from(v),
        Value::UInt8(v) | Value::UInt8z(v) => f64::from(v),
        _ => return None,
    };
    n.is_finite().then_some(n)
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

fn instant(record: &FitDataRecord, name: &str) -> Option<DateTime<Utc>> {
    match field(record, name)? {
        Value::Timestamp(t) => Some(t.with_timezone(&Utc)),
        _ => None,
    }
}

/// The wall-clock time a FIT `local_date_time` field holds. The library turns it into an
/// instant by reading the FIT epoch in this computer's zone; undo that to get the device's
/// wall clock back.
fn wall_clock(record: &FitDataRecord, name: &str) -> Option<NaiveDateTime> {
    let Value::Timestamp(t) = field(record, name)? else {
        return None;
    };
    let epoch = NaiveDate::from_ymd_opt(1989, 12, 31)?.and_hms_opt(0, 0, 0)?;
    let local_epoch = Local.from_local_datetime(&epoch).earliest()?;
    let seconds = (t.with_timezone(&Local) - local_epoch).num_seconds();
    epoch.checked_add_signed(TimeDelta::try_seconds(seconds)?)
}

/// The device's offset from UTC: `local_timestamp` minus `timestamp` of the `activity`
/// message, rounded to a quarter of an hour.
fn device_offset(records: &[FitDataRecord]) -> Option<TimeDelta> {
    let activity = records.iter().find(|r| r.kind() == MesgNum::Activity)?;
    let local = wall_clock(activity, "local_timestamp")?;
    let utc = instant(activity, "timestamp")?.naive_utc();
    let minutes = (local - utc).num_minutes();
    let quarter = ((minutes as f64) / 15.0).round() as i64 * 15;
    (quarter.abs() <= 14 * 60).then(|| TimeDelta::minutes(quarter))
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

/// Degrees from FIT semicircles.
fn degrees(record: &FitDataRecord, name: &str) -> Option<f64> {
    field(record, name)
        .and_then(number)
        .map(|s| s * 180.0 / 2_147_483_648.0)
}

fn position(record: &FitDataRecord) -> Option<(f64, f64)> {
    Some((
        degrees(record, "start_position_lat")?,
        degrees(record, "start_position_long")?,
    ))
}

/// Every record the library can read; the reason it stopped early, if it did.
fn read_leniently(bytes: &[u8]) -> (Vec<FitDataRecord>, Option<String>) {
    let bytes = fit_scan::quiet(bytes);
    let mut processor = FitStreamProcessor::new();
    processor.add_option(DecodeOption::SkipHeaderCrcValidation);
    processor.add_option(DecodeOption::SkipDataCrcValidation);
    let mut records = Vec::new();
    let mut rest = bytes.as_slice();
    while !rest.is_empty() {
        match processor.deserialize_next(rest) {
            Ok((next, object)) => {
                match object {
                    FitObject::Crc(_) => processor.reset(),
                    FitObject::DataMessage(message) => {
                        // A record the profile cannot decode is passed over.
                        if let Ok(record) = processor.decode_message(message) {
                            records.push(record);
                        }
                    }
                    FitObject::Header(_) | FitObject::DefinitionMessage(_) => {}
                }
                rest = next;
            }
            Err(e) => return (records, Some(e.to_string())),
        }
    }
    (records, None)
}

/// The `fit:<serial>-<time_created>` id of the file (design §3).
fn source_id(records: &[FitDataRecord]) -> Option<String> {
    let file_id = records.iter().find(|r| r.kind() == MesgNum::FileId)?;
    let created = instant(file_id, "time_created")?.timestamp();
    let serial = field(file_id, "serial_number")
        .and_then(number)
        .map_or(0, |n| n as u64);
    Some(format!("fit:{serial}-{created}"))
}

/// Reads a FIT file's sessions. `file` is the file name, used in messages.
///
/// # Errors
/// When the bytes are not a FIT file at all (nothing readable).
pub fn parse(bytes: &[u8], file: &str) -> Result<Parsed, FileError> {
    let (records, broken) = read_leniently(bytes);
    if records.is_empty() {
        return Err(FileError(format!(
            "{file} is not a readable FIT file: {}",
            broken.unwrap_or_else(|| "it holds no messages".into())
        )));
    }
    let mut parsed = Parsed::default();
    if let Some(reason) = &broken {
        parsed.notes.push(format!(
            "{file}: the file breaks off ({reason}); what came before it was read"
        ));
    }
    let offset = device_offset(&records);
    let source = source_id(&records);
    let sessions: Vec<&FitDataRecord> = records
        .iter()
        .filter(|r| r.kind() == MesgNum::Session)
        .collect();
    let summaries: Vec<&FitDataRecord> = if sessions.is_empty() {
        records
            .iter()
            .filter(|r| r.kind() == MesgNum::Lap)
            .collect()
    } else {
        sessions
    };
    if summaries.is_empty() {
        match from_records(&records) {
            Some(activity) => parsed.activities.push(Activity {
                source,
                place: "records".into(),
                ..with_offset(activity, offset)
            }),
            None => parsed.bad.push(BadRow {
                place: String::new(),
                message: "holds no session, lap or timed record to import".into(),
            }),
        }
        return Ok(parsed);
    }
    let several = summaries.len() > 1;
    for (index, summary) in summaries.into_iter().enumerate() {
        let kind = if summary.kind() == MesgNum::Session {
            "session"
        } else {
            "lap"
        };
        let place = format!("{kind} {}", index + 1);
        let sport = match text(summary, "sport") {
            Some("running") => Sport::Run,
            None | Some("generic") => Sport::Unspecified,
            Some(_) => {
                parsed.not_running += 1;
                continue;
            }
        };
        let Some(start) = instant(summary, "start_time").or_else(|| instant(summary, "timestamp"))
        else {
            parsed.bad.push(BadRow {
                place,
                message: "no start_time, so its day is unknown".into(),
            });
            continue;
        };
        let metres = field(summary, "total_distance").and_then(number);
        let seconds = field(summary, "total_timer_time")
            .or_else(|| field(summary, "total_elapsed_time"))
            .and_then(number);
        match check_distance(metres.unwrap_or(0.0) / 1000.0) {
            Ok(distance_km) => {
                let mut activity = Activity::new("FIT", Start::Utc(start), distance_km);
                activity.place = place;
                activity.duration_s = seconds
                    .filter(|s| (0.0..=f64::from(super::MAX_RUN_SECONDS)).contains(s))
                    .map(|s| s.round() as u32);
                activity.sport = sport;
                activity.surface = surface(text(summary, "sub_sport"));
                activity.position = position(summary);
                activity.source = source.as_ref().map(|s| {
                    if several {
                        format!("{s}-{}", index + 1)
                    } else {
                        s.clone()
                    }
                });
                parsed.activities.push(with_offset(activity, offset));
            }
            Err(message) => parsed.bad.push(BadRow { place, message }),
        }
    }
    Ok(parsed)
}

/// The local start when the device recorded its offset.
fn with_offset(mut activity: Activity, offset: Option<TimeDelta>) -> Activity {
    if let (Start::Utc(instant), Some(offset)) = (activity.start, offset) {
        activity.start = Start::Local(instant.naive_utc() + offset);
    }
    activity
}

/// An activity from the `record` messages alone (a file cut short before its summary).
fn from_records(records: &[FitDataRecord]) -> Option<Activity> {
    let points: Vec<(DateTime<Utc>, Option<f64>)> = records
        .iter()
        .filter(|r| r.kind() == MesgNum::Record)
        .filter_map(|r| {
            Some((
                instant(r, "timestamp")?,
                field(r, "distance").and_then(number),
            ))
        })
        .collect();
    let (first, _) = *points.first()?;
    let (last, _) = *points.last()?;
    let metres = points.iter().filter_map(|(_, d)| *d).fold(0.0, f64::max);
    let mut activity = Activity::new(
        "FIT",
        Start::Utc(first),
        check_distance(metres / 1000.0).ok()?,
    );
    activity.duration_s = u32::try_from((last - first).num_seconds()).ok();
    activity.sport = Sport::Unspecified;
    Some(activity)
}
