//! What a recorded track says: its distance (great-circle steps, segment by segment), its
//! elapsed and moving time (pauses found from the points: a step slower than 0.5 m/s, or a gap
//! of more than 30 s covered slower than 1 m/s, is standing still), its fastest kilometre, and
//! where and when it started.

use super::haversine_km;
use chrono::{DateTime, Utc};

/// A step slower than this (m/s) is a pause.
pub const STILL_SPEED: f64 = 0.5;
/// A gap longer than this (s) covered slower than [`GAP_SPEED`] is a pause (auto-pause).
pub const GAP_S: f64 = 30.0;
/// See [`GAP_S`].
pub const GAP_SPEED: f64 = 1.0;

/// One recorded point.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Point {
    pub lat: f64,
    pub lon: f64,
    pub time: Option<DateTime<Utc>>,
}

/// The sums of a track.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Stats {
    pub distance_km: f64,
    pub first_time: Option<DateTime<Utc>>,
    pub first_position: Option<(f64, f64)>,
    pub elapsed_s: Option<u32>,
    pub moving_s: Option<u32>,
    pub fastest_km_s: Option<f64>,
}

fn valid(p: &Point) -> bool {
    p.lat.is_finite() && p.lon.is_finite() && (-90.0..=90.0).contains(&p.lat)
}

/// The sums of a track made of `segments` (a GPS gap between segments adds no distance and
/// counts as a pause).
pub fn stats(segments: &[Vec<Point>]) -> Stats {
    let mut out = Stats::default();
    let mut moving = 0.0;
    // (cumulative km, time) of every timed point, for the fastest kilometre.
    let mut timeline: Vec<(f64, DateTime<Utc>)> = Vec::new();
    for segment in segments {
        let points: Vec<&Point> = segment.iter().filter(|p| valid(p)).collect();
        if out.first_position.is_none() {
            out.first_position = points.first().map(|p| (p.lat, p.lon));
        }
        if let Some(p) = points.first()
            && let Some(t) = p.time
        {
            timeline.push((out.distance_km, t));
        }
        for pair in points.windows(2) {
            let (a, b) = (pair[0], pair[1]);
            let km = haversine_km((a.lat, a.lon), (b.lat, b.lon));
            out.distance_km += km;
            if let Some(t) = b.time {
                timeline.push((out.distance_km, t));
            }
            if let (Some(ta), Some(tb)) = (a.time, b.time) {
                let seconds = (tb - ta).num_milliseconds() as f64 / 1000.0;
                if seconds <= 0.0 {
                    continue;
                }
                let speed = km * 1000.0 / seconds;
                let still = speed < STILL_SPEED || (seconds > GAP_S && speed < GAP_SPEED);
                if !still {
                    moving += seconds;
                }
            }
        }
    }
    let times = segments.iter().flatten().filter_map(|p| p.time);
    let first = times.clone().min();
    let last = times.max();
    out.first_time = first;
    if let (Some(a), Some(b)) = (first, last)
        && b > a
    {
        out.elapsed_s = u32::try_from((b - a).num_seconds()).ok();
        out.moving_s = Some(moving.round() as u32);
    }
    out.fastest_km_s = fastest_km(&timeline);
    out
}

/// The shortest time over any stretch of at least one kilometre, scaled to one kilometre.
fn fastest_km(timeline: &[(f64, DateTime<Utc>)]) -> Option<f64> {
    let mut best: Option<f64> = None;
    let mut i = 0;
    for j in 0..timeline.len() {
        while i + 1 < j && timeline[j].0 - timeline[i + 1].0 >= 1.0 {
            i += 1;
        }
        let km = timeline[j].0 - timeline[i].0;
        if km >= 1.0 {
            let seconds = (timeline[j].1 - timeline[i].1).num_milliseconds() as f64 / 1000.0;
            if seconds > 0.0 {
                let per_km = seconds / km;
                best = Some(best.map_or(per_km, |b: f64| b.min(per_km)));
            }
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;

    fn point(lat: f64, seconds: i64) -> Point {
        let t0: DateTime<Utc> = "2026-03-01T07:00:00Z".parse().unwrap();
        Point {
            lat,
            lon: 0.0,
            time: Some(t0 + chrono::Duration::seconds(seconds)),
        }
    }

    #[test]
    fn a_pause_is_not_moving_time() {
        // 0.001° of latitude is about 111 m: 111 m every 30 s (3.7 m/s), then a 5-minute stop
        // on the spot, then on.
        let mut points: Vec<Point> = (0..10)
            .map(|i| point(51.0 + f64::from(i) * 0.001, i64::from(i) * 30))
            .collect();
        points.push(point(51.009, 270 + 300));
        points
            .extend((1..10).map(|i| point(51.009 + f64::from(i) * 0.001, 570 + i64::from(i) * 30)));
        let s = stats(&[points]);
        assert_eq!(s.elapsed_s, Some(840));
        assert_eq!(s.moving_s, Some(540));
        assert!((s.distance_km - 2.001).abs() < 0.005, "{s:?}");
        // About 270 s per km throughout.
        let fastest = s.fastest_km_s.unwrap();
        assert!((fastest - 270.0).abs() < 2.0, "{fastest}");
    }

    #[test]
    fn a_gap_between_segments_adds_no_distance_and_no_moving_time() {
        let a: Vec<Point> = (0..5)
            .map(|i| point(51.0 + f64::from(i) * 0.001, i64::from(i) * 30))
            .collect();
        let b: Vec<Point> = (0..5)
            .map(|i| point(52.0 + f64::from(i) * 0.001, 1000 + i64::from(i) * 30))
            .collect();
        let s = stats(&[a, b]);
        assert!((s.distance_km - 0.889_6).abs() < 0.01, "{s:?}");
        assert_eq!(s.moving_s, Some(240));
        assert_eq!(s.first_position, Some((51.0, 0.0)));
    }
}
