//! TCX files (Garmin's Training Center XML), read with a small streaming reader on `xml-rs`
//! (already used by the `gpx` crate). Each `<Activity Sport="Running">` is one run (`Sport=
//! "Other"` is a run only if its pace looks like one): the distance is the laps'
//! `DistanceMeters` (else the last trackpoint's cumulative distance, else the great-circle steps
//! between positions), the duration the laps' `TotalTimeSeconds` (timer time; else the moving
//! time of the trackpoints), the start the `<Id>`, its time zone that of the first position.
//! Leading whitespace before `<?xml` (Strava's files) is accepted.

use super::track::{self, Point};
use super::{Activity, BadRow, FileError, Parsed, Sport, Start, check_distance, running_type};
use chrono::{DateTime, Utc};
use xml::common::Position;
use xml::reader::{EventReader, XmlEvent};

/// What one `<Activity>` held.
#[derive(Default)]
struct Draft {
    line: u64,
    sport: String,
    id: Option<String>,
    lap_start: Option<String>,
    lap_metres: Option<f64>,
    lap_seconds: Option<f64>,
    point_times: Vec<String>,
    point_metres: Option<f64>,
    points: Vec<Point>,
    point_time: Option<DateTime<Utc>>,
    lat: Option<f64>,
    lon: Option<f64>,
    problem: Option<String>,
}

fn time(text: &str) -> Option<DateTime<Utc>> {
    DateTime::parse_from_rfc3339(text.trim())
        .ok()
        .map(|t| t.with_timezone(&Utc))
}

impl Draft {
    fn number(&mut self, element: &str, text: &str) -> Option<f64> {
        let value = text.trim().parse::<f64>().ok().filter(|v| v.is_finite());
        if value.is_none() && self.problem.is_none() {
            self.problem = Some(format!("{element}: `{}` is not a number", text.trim()));
        }
        value
    }

    fn text(&mut self, path: &[String], text: &str) {
        let Some((element, parents)) = path.split_last() else {
            return;
        };
        let parent = parents.last().map_or("", String::as_str);
        match (parent, element.as_str()) {
            ("Activity", "Id") => self.id = Some(text.trim().to_owned()),
            ("Lap", "TotalTimeSeconds") => {
                let v = self.number("TotalTimeSeconds", text);
                self.lap_seconds = Some(self.lap_seconds.unwrap_or(0.0) + v.unwrap_or(0.0));
            }
            ("Lap", "DistanceMeters") => {
                let v = self.number("DistanceMeters", text);
                self.lap_metres = Some(self.lap_metres.unwrap_or(0.0) + v.unwrap_or(0.0));
            }
            ("Trackpoint", "Time") => {
                self.point_time = time(text);
                self.point_times.push(text.trim().to_owned());
            }
            ("Trackpoint", "DistanceMeters") => {
                if let Some(v) = self.number("DistanceMeters", text) {
                    self.point_metres = Some(self.point_metres.map_or(v, |m: f64| m.max(v)));
                }
            }
            ("Position", "LatitudeDegrees") => self.lat = self.number("LatitudeDegrees", text),
            ("Position", "LongitudeDegrees") => self.lon = self.number("LongitudeDegrees", text),
            _ => {}
        }
    }

    fn finish(self) -> Result<Activity, BadRow> {
        let place = format!("line {}", self.line);
        let bad = |message: String| BadRow {
            place: place.clone(),
            message,
        };
        if let Some(problem) = self.problem {
            return Err(bad(problem));
        }
        let times: Vec<DateTime<Utc>> = self.point_times.iter().filter_map(|t| time(t)).collect();
        let first = times.iter().min().copied();
        let last = times.iter().max().copied();
        let start = self
            .id
            .as_deref()
            .and_then(time)
            .or_else(|| self.lap_start.as_deref().and_then(time))
            .or(first)
            .ok_or_else(|| {
                bad("no start time (<Id>, Lap StartTime or a trackpoint <Time>)".into())
            })?;
        let stats = track::stats(std::slice::from_ref(&self.points));
        let distance_km = match (self.lap_metres, self.point_metres) {
            (Some(m), _) | (None, Some(m)) => m / 1000.0,
            (None, None) => stats.distance_km,
        };
        let distance_km = check_distance(distance_km).map_err(bad)?;
        let duration_s = match (self.lap_seconds, first, last) {
            (Some(s), _, _) if s >= 0.0 && s <= f64::from(super::MAX_RUN_SECONDS) => {
                Some(s.round() as u32)
            }
            (Some(s), _, _) => return Err(bad(format!("TotalTimeSeconds: {s} is not sensible"))),
            (None, Some(a), Some(b)) if b > a => stats
                .moving_s
                .filter(|_| stats.elapsed_s.is_some())
                .or_else(|| u32::try_from((b - a).num_seconds()).ok()),
            _ => None,
        };
        let mut activity = Activity::new("TCX", Start::Utc(start), distance_km);
        activity.place = place;
        activity.position = stats.first_position;
        activity.duration_s = duration_s;
        activity.fastest_km_s = stats.fastest_km_s;
        activity.sport = if running_type(&self.sport).is_some() {
            Sport::Run
        } else {
            Sport::Unspecified
        };
        activity.surface = running_type(&self.sport).flatten();
        activity.source = self.id.map(|id| format!("tcx:{id}"));
        Ok(activity)
    }
}

/// Whether a `Sport` attribute may be a run: running, or `Other` (checked by pace later).
fn maybe_run(sport: &str) -> bool {
    running_type(sport).is_some() || sport.eq_ignore_ascii_case("other") || sport.is_empty()
}

/// Reads a TCX file's activities. `file` is the file name, used in messages.
///
/// # Errors
/// When the text is not well-formed XML or holds no `<Activity>`.
pub fn parse(text: &str, file: &str) -> Result<Parsed, FileError> {
    let text = text.trim_start_matches(['\u{feff}', ' ', '\t', '\r', '\n']);
    let mut reader = EventReader::new(text.as_bytes());
    let mut path: Vec<String> = Vec::new();
    let mut draft: Option<Draft> = None;
    let mut parsed = Parsed::default();
    let mut activities = 0;
    loop {
        let event = reader
            .next()
            .map_err(|e| FileError(format!("{file} is not a readable TCX file: {e}")))?;
        let line = reader.position().row + 1;
        match event {
            XmlEvent::StartElement {
                name, attributes, ..
            } => {
                let local = name.local_name;
                let attr = |key: &str| {
                    attributes
                        .iter()
                        .find(|a| a.name.local_name == key)
                        .map(|a| a.value.clone())
                };
                if local == "Activity" {
                    activities += 1;
                    draft = Some(Draft {
                        line,
                        sport: attr("Sport").unwrap_or_default(),
                        ..Draft::default()
                    });
                } else if let Some(d) = draft.as_mut() {
                    if local == "Lap" && d.lap_start.is_none() {
                        d.lap_start = attr("StartTime");
                    }
                    if local == "Trackpoint" {
                        d.lat = None;
                        d.lon = None;
                        d.point_time = None;
                    }
                }
                path.push(local);
            }
            XmlEvent::Characters(text) | XmlEvent::CData(text) => {
                if let Some(d) = draft.as_mut() {
                    d.text(&path, &text);
                }
            }
            XmlEvent::EndElement { name } => {
                path.pop();
                match (name.local_name.as_str(), draft.as_mut()) {
                    ("Trackpoint", Some(d)) => {
                        if let (Some(lat), Some(lon)) = (d.lat, d.lon) {
                            d.points.push(Point {
                                lat,
                                lon,
                                time: d.point_time,
                            });
                        }
                    }
                    ("Activity", Some(_)) => {
                        let d = draft.take().expect("checked just above");
                        if maybe_run(&d.sport) {
                            match d.finish() {
                                Ok(activity) => parsed.activities.push(activity),
                                Err(bad) => parsed.bad.push(bad),
                            }
                        } else {
                            parsed.not_running += 1;
                        }
                    }
                    _ => {}
                }
            }
            XmlEvent::EndDocument => break,
            _ => {}
        }
    }
    if activities == 0 {
        return Err(FileError(format!(
            "{file} holds no <Activity>: is it a TCX file?"
        )));
    }
    Ok(parsed)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tcx(activities: &str) -> String {
        format!(
            "<?xml version=\"1.0\"?>\n<TrainingCenterDatabase \
             xmlns=\"http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2\">\n\
             <Activities>\n{activities}</Activities>\n</TrainingCenterDatabase>\n"
        )
    }

    #[test]
    fn laps_give_distance_and_time() {
        let text = tcx(
            "<Activity Sport=\"Running\">\n<Id>2026-03-01T07:00:00Z</Id>\n\
            <Lap StartTime=\"2026-03-01T07:00:00Z\"><TotalTimeSeconds>600.4</TotalTimeSeconds>\
            <DistanceMeters>2000</DistanceMeters></Lap>\
            <Lap StartTime=\"2026-03-01T07:10:00Z\"><TotalTimeSeconds>700</TotalTimeSeconds>\
            <DistanceMeters>2100.5</DistanceMeters><Track><Trackpoint>\
            <Time>2026-03-01T07:10:00Z</Time><DistanceMeters>2050</DistanceMeters>\
            </Trackpoint></Track></Lap>\n</Activity>\n\
            <Activity Sport=\"Biking\"><Id>2026-03-02T07:00:00Z</Id></Activity>\n",
        );
        let parsed = parse(&text, "a.tcx").unwrap();
        assert_eq!(parsed.not_running, 1);
        let run = &parsed.activities[0];
        assert!((run.distance_km - 4.1005).abs() < 1e-9, "{run:?}");
        assert_eq!(run.duration_s, Some(1300));
        assert_eq!(run.place, "line 4");
    }

    #[test]
    fn trackpoints_alone_are_enough() {
        let text = tcx("<Activity Sport=\"Running\"><Lap><Track>\
            <Trackpoint><Time>2026-03-01T07:00:00Z</Time><Position><LatitudeDegrees>51.0\
            </LatitudeDegrees><LongitudeDegrees>0.0</LongitudeDegrees></Position></Trackpoint>\
            <Trackpoint><Time>2026-03-01T07:06:00Z</Time><Position><LatitudeDegrees>51.009\
            </LatitudeDegrees><LongitudeDegrees>0.0</LongitudeDegrees></Position></Trackpoint>\
            </Track></Lap></Activity>");
        let parsed = parse(&text, "a.tcx").unwrap();
        let run = &parsed.activities[0];
        assert!((run.distance_km - 1.0008).abs() < 0.001, "{run:?}");
        assert_eq!(run.duration_s, Some(360));
    }

    #[test]
    fn a_bad_number_is_reported_with_its_line() {
        let text = tcx(
            "<Activity Sport=\"Running\">\n<Id>2026-03-01T07:00:00Z</Id>\
            <Lap><DistanceMeters>far</DistanceMeters></Lap></Activity>\n",
        );
        let parsed = parse(&text, "a.tcx").unwrap();
        assert_eq!(parsed.bad[0].place, "line 4");
        assert!(parsed.bad[0].message.contains("far"));
        assert!(parse("<a/>", "a.tcx").is_err());
        assert!(parse("not xml", "a.tcx").is_err());
    }
}
