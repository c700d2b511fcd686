//! GPX files (with the `gpx` crate): each track is one activity. Distance, moving time (pauses
//! found from the points) and the fastest kilometre come from [`super::track`]; the start is the
//! first timed point, and its position gives the time zone. A track whose `<type>` names
//! something other than running (`cycling`, `hiking`, …) is skipped; a track without a type is
//! a run only if its pace looks like one (see [`super::sanity`]). Leading whitespace before
//! `<?xml` (Strava's files) is accepted.

use super::track::{self, Point};
use super::{Activity, BadRow, FileError, Parsed, Sport, Start, check_distance, running_type};
use chrono::{DateTime, Utc};
use sha2::{Digest, Sha256};
use std::fmt::Write as _;

fn to_chrono(time: gpx::Time) -> Option<DateTime<Utc>> {
    let text = time.format().ok()?;
    DateTime::parse_from_rfc3339(&text)
        .ok()
        .map(|t| t.with_timezone(&Utc))
}

/// What a track's `<type>` says: a run (a running name or Strava's numeric code 9), no sport,
/// or something else (`None`).
fn sport(kind: Option<&str>) -> Option<Sport> {
    match kind.map(str::trim) {
        None | Some("") => Some(Sport::Unspecified),
        Some(kind) if kind == "9" || running_type(kind).is_some() => Some(Sport::Run),
        Some(_) => None,
    }
}

/// The `gpx:<sha256 prefix>` id of a file's bytes (design §3).
pub fn source_id(text: &str) -> String {
    let digest = Sha256::digest(text.trim().as_bytes());
    digest[..8].iter().fold(String::from("gpx:"), |mut id, b| {
        let _ = write!(id, "{b:02x}");
        id
    })
}

/// Reads a GPX file's tracks. `name` is the file name, used in messages.
///
/// # Errors
/// When the text is not GPX.
pub fn parse(text: &str, name: &str) -> Result<Parsed, FileError> {
    let text = text.trim_start_matches(['\u{feff}', ' ', '\t', '\r', '\n']);
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
    let file_id = source_id(text);
    let several = doc.tracks.len() > 1;
    for (index, trk) in doc.tracks.iter().enumerate() {
        let place = format!("track {}", index + 1);
        let Some(sport) = sport(trk.type_.as_deref()) else {
            parsed.not_running += 1;
            continue;
        };
        let segments: Vec<Vec<Point>> = trk
            .segments
            .iter()
            .map(|segment| {
                segment
                    .points
                    .iter()
                    .map(|p| Point {
                        lat: p.point().y(),
                        lon: p.point().x(),
                        time: p.time.and_then(to_chrono),
                    })
                    .collect()
            })
            .collect();
        let stats = track::stats(&segments);
        let Some(start) = stats.first_time.or(fallback_start) else {
            parsed.bad.push(BadRow {
                place,
                message: "no point has a time, so its day is unknown".into(),
            });
            continue;
        };
        match check_distance(stats.distance_km) {
            Ok(distance_km) => {
                let mut activity = Activity::new("GPX", Start::Utc(start), distance_km);
                activity.place = place;
                activity.position = stats.first_position;
                activity.duration_s = stats.moving_s.or(stats.elapsed_s);
                activity.fastest_km_s = stats.fastest_km_s;
                activity.sport = sport;
                activity.surface = trk.type_.as_deref().and_then(running_type).flatten();
                activity.name = trk.name.clone().filter(|n| !n.trim().is_empty());
                activity.source = Some(if several {
                    format!("{file_id}-{}", index + 1)
                } else {
                    file_id.clone()
                });
                parsed.activities.push(activity);
            }
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
        assert_eq!(run.name.as_deref(), Some("Lunch"));
        assert!(run.source.as_deref().unwrap().starts_with("gpx:"));
        assert_eq!(run.position, Some((51.0, 0.0)));
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
    fn leading_spaces_before_the_declaration_are_accepted() {
        let text = format!(
            "   \n  {}",
            gpx("<trk><trkseg>\
            <trkpt lat=\"51.0\" lon=\"0.0\"><time>2026-03-01T12:00:00Z</time></trkpt>\
            <trkpt lat=\"51.009\" lon=\"0.0\"><time>2026-03-01T12:05:00Z</time></trkpt>\
            </trkseg></trk>")
        );
        let parsed = parse(&text, "a.gpx").unwrap();
        assert_eq!(parsed.activities[0].sport, Sport::Unspecified);
    }

    #[test]
    fn not_gpx_is_a_file_error() {
        assert!(parse("hello", "a.gpx").is_err());
    }
}
