//! GPX files (with the `gpx` crate): each track is one activity. The distance is the sum of
//! great-circle steps between its points (segment by segment, so a GPS gap adds nothing), the
//! duration is from the first to the last timed point, and the day is that of the first time.
//! A track whose `<type>` names something other than running (`cycling`, `hiking`, …) is
//! skipped; a track without a type counts as a run, since the runner chose the file.

use super::{
    Activity, BadRow, FileError, Parsed, Start, check_distance, haversine_km, running_type,
};
use chrono::{DateTime, Utc};

fn to_chrono(time: gpx::Time) -> Option<DateTime<Utc>> {
    let text = time.format().ok()?;
    DateTime::parse_from_rfc3339(&text)
        .ok()
        .map(|t| t.with_timezone(&Utc))
}

/// Whether a track's `<type>` is a run: missing, a running name, or Strava's numeric code 9.
fn is_run(kind: Option<&str>) -> bool {
    match kind.map(str::trim) {
        None | Some("") => true,
        Some(kind) => {
            kind == "9" || running_type(kind).is_some() || kind.eq_ignore_ascii_case("running")
        }
    }
}

/// Reads a GPX file's tracks. `name` is the file name, used in messages and the run's notes.
///
/// # Errors
/// When the text is not GPX.
pub fn parse(text: &str, name: &str) -> Result<Parsed, FileError> {
    let doc = gpx::read(text.as_bytes())
        .map_err(|e| FileError(format!("{name} is not a readable GPX file: {e}")))?;
    let mut parsed = Parsed::default();
    if doc.tracks.is_empty() {
        parsed.bad.push(BadRow {
            place: String::new(),
            message: "holds no track (<trk>) to import".into(),
        });
    }
    let fallback_start = doc
        .metadata
        .as_ref()
        .and_then(|m| m.time)
        .and_then(to_chrono);
    for (index, track) in doc.tracks.iter().enumerate() {
        let place = format!("track {}", index + 1);
        if !is_run(track.type_.as_deref()) {
            parsed.not_running += 1;
            continue;
        }
        let mut distance_km = 0.0;
        let mut times = Vec::new();
        for segment in &track.segments {
            for pair in segment.points.windows(2) {
                let (a, b) = (pair[0].point(), pair[1].point());
                distance_km += haversine_km((a.y(), a.x()), (b.y(), b.x()));
            }
            times.extend(
                segment
                    .points
                    .iter()
                    .filter_map(|p| p.time.and_then(to_chrono)),
            );
        }
        let first = times.iter().min().copied();
        let last = times.iter().max().copied();
        let Some(start) = first.or(fallback_start) else {
            parsed.bad.push(BadRow {
                place,
                message: "no point has a time, so its day is unknown".into(),
            });
            continue;
        };
        let duration_s = match (first, last) {
            (Some(a), Some(b)) if b > a => u32::try_from((b - a).num_seconds()).ok(),
            _ => None,
        };
        match check_distance(distance_km) {
            Ok(distance_km) => parsed.activities.push(Activity {
                place,
                start: Start::Utc(start),
                distance_km,
                duration_s,
                surface: track.type_.as_deref().and_then(running_type).flatten(),
                shoes: None,
                label: format!(
                    "GPX: {}",
                    track
                        .name
                        .as_deref()
                        .filter(|n| !n.is_empty())
                        .unwrap_or(name)
                ),
            }),
            Err(message) => parsed.bad.push(BadRow { place, message }),
        }
    }
    Ok(parsed)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn gpx(tracks: &str) -> String {
        format!(
            "<?xml version=\"1.0\"?>\n<gpx version=\"1.1\" creator=\"test\" \
             xmlns=\"http://www.topografix.com/GPX/1/1\">{tracks}</gpx>"
        )
    }

    #[test]
    fn distance_and_duration_of_a_track() {
        let text = gpx("<trk><name>Lunch</name><type>running</type><trkseg>\
            <trkpt lat=\"51.0\" lon=\"0.0\"><time>2026-03-01T12:00:00Z</time></trkpt>\
            <trkpt lat=\"51.009\" lon=\"0.0\"><time>2026-03-01T12:05:00Z</time></trkpt>\
            </trkseg></trk>\
            <trk><type>cycling</type><trkseg>\
            <trkpt lat=\"51.0\" lon=\"0.0\"><time>2026-03-01T13:00:00Z</time></trkpt>\
            </trkseg></trk>");
        let parsed = parse(&text, "a.gpx").unwrap();
        assert_eq!(parsed.not_running, 1);
        let run = &parsed.activities[0];
        assert!((run.distance_km - 1.0008).abs() < 0.001, "{run:?}");
        assert_eq!(run.duration_s, Some(300));
        assert_eq!(run.label, "GPX: Lunch");
        assert_eq!(
            run.start,
            Start::Utc("2026-03-01T12:00:00Z".parse().unwrap())
        );
    }

    #[test]
    fn a_track_without_times_is_reported() {
        let text = gpx("<trk><trkseg><trkpt lat=\"51.0\" lon=\"0.0\"></trkpt></trkseg></trk>");
        let parsed = parse(&text, "a.gpx").unwrap();
        assert!(parsed.activities.is_empty());
        assert_eq!(parsed.bad[0].place, "track 1");
    }

    #[test]
    fn not_gpx_is_a_file_error() {
        assert!(parse("hello", "a.gpx").is_err());
    }
}
