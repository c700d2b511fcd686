//! `stridelog import` on what runners actually receive, built by each test from our own
//! fixtures: a Strava bulk export (zip and unpacked folder, gzipped files, Strava's spaces before
//! `<?xml`), a Garmin full data export (JSON summary plus FIT uploads in a nested zip), single
//! `.gz` files; and what the import must do with them: local days and times, durations, sanity,
//! failures that never stop the rest, de-duplication, CSV quirks, progress only on a terminal.

use crate::support;

use flate2::Compression;
use flate2::write::GzEncoder;
use std::fmt::Write as _;
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Output;
use stridelog::journal::entry::{self, DayEntry};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/import")
        .join(name)
}

fn stridelog(root: &Path, args: &[&str]) -> Output {
    support::bin::run(root, "2026-11-30", Some("UTC"), args)
}

fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn day(root: &Path, d: &str) -> DayEntry {
    let path = root.join(format!("journal/days/{}/{d}.ron", &d[..4]));
    let text = fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    entry::parse_day(&text, d.parse().ok()).unwrap()
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut encoder = GzEncoder::new(Vec::new(), Compression::default());
    encoder.write_all(bytes).unwrap();
    encoder.finish().unwrap()
}

/// A GPX track as Strava writes it (spaces before `<?xml`, `<type>running</type>` or none):
/// `points` of (latitude, longitude, seconds after `start`).
fn gpx(kind: Option<&str>, start: &str, points: &[(f64, f64, i64)]) -> String {
    let t0: chrono::DateTime<chrono::Utc> = start.parse().unwrap();
    let pts = points.iter().fold(String::new(), |mut pts, (lat, lon, s)| {
        let t = (t0 + chrono::Duration::seconds(*s)).format("%Y-%m-%dT%H:%M:%SZ");
        let _ = writeln!(
            pts,
            "<trkpt lat=\"{lat}\" lon=\"{lon}\"><time>{t}</time></trkpt>"
        );
        pts
    });
    let kind = kind.map_or(String::new(), |k| format!("<type>{k}</type>"));
    format!(
        "          <?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<gpx version=\"1.1\" \
         creator=\"StravaGPX\" xmlns=\"http://www.topografix.com/GPX/1/1\">\n<trk><name>Track\
         </name>{kind}<trkseg>\n{pts}</trkseg></trk></gpx>\n"
    )
}

/// A straight line north from (`lat`, `lon`): `steps` of 0.001° (about 111 m) every `seconds`.
fn line(lat: f64, lon: f64, steps: u32, seconds: i64) -> Vec<(f64, f64, i64)> {
    (0..=steps)
        .map(|i| (lat + f64::from(i) * 0.001, lon, i64::from(i) * seconds))
        .collect()
}

/// Strava's `activities.csv` header (repeated names and all), and rows for our files.
const STRAVA_HEADER: &str = "Activity ID,Activity Date,Activity Name,Activity Type,\
    Activity Description,Elapsed Time,Distance,Max Heart Rate,Relative Effort,Commute,\
    Activity Private Note,Activity Gear,Filename,Athlete Weight,Bike Weight,Elapsed Time,\
    Moving Time,Distance,Max Speed,Average Speed,Elevation Gain,Max Heart Rate";

fn strava_row(id: u64, date: &str, name: &str, kind: &str, metres: f64, file: &str) -> String {
    format!(
        "{id},\"{date}\",{name},{kind},,1900,{:.2},150,20,false,,Pegasus 40,{file},,,1900.0,\
         1800.0,{metres},4.0,2.8,10.0,150",
        metres / 1000.0
    )
}

/// The files of a small Strava export: a Sydney run (GPX, gzipped; 22:30 UTC is 09:30 the next
/// day there), a London TCX (gzipped, leading spaces), a FIT, and a ride.
fn strava_export_files() -> Vec<(String, Vec<u8>)> {
    let sydney = gpx(
        Some("running"),
        "2026-01-10T22:30:00Z",
        &line(-33.87, 151.21, 45, 30),
    );
    let tcx = format!(
        "   {}",
        fs::read_to_string(fixture("intervals.tcx")).unwrap()
    );
    let csv = [
        STRAVA_HEADER.to_owned(),
        strava_row(
            201,
            "Jan 10, 2026, 10:30:00 PM",
            "Harbour run",
            "Run",
            5004.0,
            "activities/201.gpx.gz",
        ),
        strava_row(
            202,
            "Mar 16, 2026, 6:30:00 AM",
            "Intervals",
            "Run",
            2234.5,
            "activities/202.tcx.gz",
        ),
        strava_row(
            203,
            "Mar 17, 2026, 6:45:00 AM",
            "Trail",
            "Trail Run",
            7012.34,
            "activities/203.fit.gz",
        ),
        strava_row(
            204,
            "Mar 18, 2026, 6:45:00 AM",
            "Commute",
            "Ride",
            12000.0,
            "activities/204.gpx.gz",
        ),
    ]
    .join("\r\n");
    vec![
        ("activities.csv".into(), csv.into_bytes()),
        ("activities/201.gpx.gz".into(), gzip(sydney.as_bytes())),
        ("activities/202.tcx.gz".into(), gzip(tcx.as_bytes())),
        (
            "activities/203.fit.gz".into(),
            gzip(&fs::read(fixture("easy-run.fit")).unwrap()),
        ),
        ("activities/204.gpx.gz".into(), b"not even gzip".to_vec()),
        ("media/photo.jpg".into(), b"\xff\xd8".to_vec()),
    ]
}

fn write_zip(path: &Path, files: &[(String, Vec<u8>)]) {
    let mut zip = zip::ZipWriter::new(fs::File::create(path).unwrap());
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for (name, bytes) in files {
        zip.start_file(name.as_str(), options).unwrap();
        zip.write_all(bytes).unwrap();
    }
    zip.finish().unwrap();
}

fn zip_bytes(files: &[(String, Vec<u8>)]) -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default();
    for (name, bytes) in files {
        zip.start_file(name.as_str(), options).unwrap();
        zip.write_all(bytes).unwrap();
    }
    zip.finish().unwrap().into_inner()
}

#[test]
fn strava_export_zip_rows_and_their_files_are_one_activity_on_the_local_day() {
    let dir = tempfile::tempdir().unwrap();
    let export = dir.path().join("export_12345.zip");
    write_zip(&export, &strava_export_files());
    let out = stridelog(dir.path(), &["import", export.to_str().unwrap()]);
    let text = stdout(&out);
    assert!(
        text.contains(
            "imported 3 runs on 3 days, 0 duplicates, 0 skipped, 0 failed, 1 other activity"
        ),
        "{text}"
    );
    assert!(out.status.success(), "{text}");
    // The Sydney run: 22:30 UTC on 10 January is 09:30 on the 11th there (UTC+11).
    let run = &day(dir.path(), "2026-01-11").runs[0];
    assert_eq!(run.start, "09:30:00".parse().ok());
    assert_eq!(run.name.as_deref(), Some("Harbour run"));
    assert_eq!(run.shoes.as_deref(), Some("Pegasus 40"));
    assert_eq!(run.source.as_deref(), Some("strava:201"));
    assert_eq!(run.duration_s, Some(1800), "the CSV's moving time");
    assert!((run.distance_km - 5.004).abs() < 1e-9, "the CSV's distance");
    // Read from the gzipped TCX with spaces before `<?xml`: London, UTC+0 in March.
    assert_eq!(
        day(dir.path(), "2026-03-16").runs[0].start,
        "06:30:00".parse().ok()
    );
    assert_eq!(day(dir.path(), "2026-03-17").runs.len(), 1);
    assert!(
        text.contains("note: 1 run has no position or recorded time zone"),
        "only the FIT file (no position, no local_timestamp) uses this computer's zone: {text}"
    );

    // Again, and the unpacked folder, and the single files: nothing new.
    let out = stridelog(dir.path(), &["import", export.to_str().unwrap()]);
    assert!(
        stdout(&out).contains("imported 0 runs on 0 days, 3 duplicates"),
        "{}",
        stdout(&out)
    );
    let folder = dir.path().join("unpacked");
    for (name, bytes) in strava_export_files() {
        let path = folder.join(&name);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, bytes).unwrap();
    }
    let out = stridelog(dir.path(), &["import", folder.to_str().unwrap()]);
    assert!(
        stdout(&out).contains("imported 0 runs on 0 days, 3 duplicates"),
        "{}",
        stdout(&out)
    );
    let gz = folder.join("activities/201.gpx.gz");
    let out = stridelog(dir.path(), &["import", gz.to_str().unwrap()]);
    assert!(
        stdout(&out).contains("imported 0 runs on 0 days, 1 duplicate"),
        "{}",
        stdout(&out)
    );
}

#[test]
fn the_csv_then_the_files_of_the_same_export_add_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("export");
    for (name, bytes) in strava_export_files() {
        let path = folder.join(&name);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, bytes).unwrap();
    }
    // The CSV of an unpacked export reads its rows' files from `activities/` beside it.
    let csv = folder.join("activities.csv");
    let out = stridelog(dir.path(), &["import", "strava", csv.to_str().unwrap()]);
    let text = stdout(&out);
    assert!(text.contains("imported 3 runs on 3 days"), "{text}");
    assert_eq!(
        day(dir.path(), "2026-01-11").runs[0].start,
        "09:30:00".parse().ok()
    );
    // Then the files themselves: the same starts, so nothing new.
    let files =
        ["201.gpx.gz", "202.tcx.gz", "203.fit.gz"].map(|f| folder.join("activities").join(f));
    let mut args = vec!["import"];
    args.extend(files.iter().map(|f| f.to_str().unwrap()));
    let out = stridelog(dir.path(), &args);
    let text = stdout(&out);
    assert!(
        text.contains("imported 0 runs on 0 days, 3 duplicates"),
        "{text}"
    );
    // Two different runs of the same length on the same day are both kept.
    let a = gpx(
        Some("running"),
        "2026-03-20T07:00:00Z",
        &line(51.5, -0.1, 45, 30),
    );
    let b = gpx(
        Some("running"),
        "2026-03-20T17:00:00Z",
        &line(51.5, -0.1, 45, 30),
    );
    let (pa, pb) = (dir.path().join("a.gpx"), dir.path().join("b.gpx"));
    fs::write(&pa, a).unwrap();
    fs::write(&pb, b).unwrap();
    let out = stridelog(
        dir.path(),
        &["import", pa.to_str().unwrap(), pb.to_str().unwrap()],
    );
    assert!(
        stdout(&out).contains("imported 2 runs on 1 day, 0 duplicates"),
        "{}",
        stdout(&out)
    );
    assert_eq!(day(dir.path(), "2026-03-20").runs.len(), 2);
}

#[test]
fn garmin_export_json_and_nested_fit_uploads() {
    let dir = tempfile::tempdir().unwrap();
    // easy-run.fit: a trail run at 06:45 UTC on 17 March; the JSON summary of the same activity
    // (local time = UTC in London in March), and one more run only in the JSON.
    let json = r#"[{"summarizedActivitiesExport": [
        {"activityId": 9001, "name": "Trail loop", "activityType": "trail_running",
         "startTimeLocal": 1773729900000, "startTimeGmt": 1773729900000,
         "distance": 701234.0, "duration": 2400500.0, "movingDuration": 2350000.0,
         "startLatitude": 51.5, "startLongitude": -0.1},
        {"activityId": 9002, "name": "Recovery", "activityType": "running",
         "startTimeLocal": 1773820800000, "startTimeGmt": 1773817200000,
         "distance": 400000.0, "duration": 1500000.0},
        {"activityId": 9003, "name": "Spin", "activityType": "indoor_cycling",
         "startTimeLocal": 1773820800000, "distance": 0.0, "duration": 1500000.0}
    ]}]"#;
    let uploads = zip_bytes(&[(
        "someone_9001.fit".into(),
        fs::read(fixture("easy-run.fit")).unwrap(),
    )]);
    let export = dir.path().join("garmin.zip");
    write_zip(
        &export,
        &[
            (
                "DI_CONNECT/DI-Connect-Fitness/someone_0_summarizedActivities.json".into(),
                json.as_bytes().to_vec(),
            ),
            (
                "DI_CONNECT/DI-Connect-Uploaded-Files/UploadedFiles_0-_Part1.zip".into(),
                uploads,
            ),
            (
                "DI_CONNECT/DI-Connect-User/user_profile.json".into(),
                b"{}".to_vec(),
            ),
        ],
    );
    let out = stridelog(dir.path(), &["import", export.to_str().unwrap()]);
    let text = stdout(&out);
    assert!(
        text.contains(
            "imported 2 runs on 2 days, 1 duplicate, 0 skipped, 0 failed, 2 other activities"
        ),
        "{text}"
    );
    let run = &day(dir.path(), "2026-03-17").runs[0];
    assert_eq!(run.source.as_deref(), Some("garmin:9001"));
    assert_eq!(run.name.as_deref(), Some("Trail loop"));
    assert_eq!(run.duration_s, Some(2350), "moving time");
    assert_eq!(run.start, "06:45:00".parse().ok());
    // 9002: 08:00 local while 07:00 UTC: the local day and time are Garmin's.
    assert_eq!(
        day(dir.path(), "2026-03-18").runs[0].start,
        "08:00:00".parse().ok()
    );
}

#[test]
fn fit_local_timestamp_gives_the_day_and_a_broken_record_stays_quiet() {
    let dir = tempfile::tempdir().unwrap();
    let fit = fixture("local-time.fit");
    let out = stridelog(dir.path(), &["import", fit.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stdout(&out));
    // 20:00 UTC on 17 March on a watch at UTC+9: 05:00 on the 18th.
    let run = &day(dir.path(), "2026-03-18").runs[0];
    assert_eq!(run.start, "05:00:00".parse().ok());
    assert_eq!(run.duration_s, Some(1750));
    // The record whose field size does not fit its type made fitparser print `ERROR:`.
    assert_eq!(String::from_utf8_lossy(&out.stderr), "");
    // A file cut short before its summary still gives what its records hold.
    let bytes = fs::read(fixture("local-time.fit")).unwrap();
    let cut = dir.path().join("cut.fit");
    fs::write(&cut, &bytes[..70]).unwrap();
    let out = stridelog(
        dir.path(),
        &["import", "--dry-run", "--as-run", cut.to_str().unwrap()],
    );
    assert!(
        stdout(&out).contains("the file breaks off"),
        "{}",
        stdout(&out)
    );
    assert_eq!(String::from_utf8_lossy(&out.stderr), "");
}

#[test]
fn one_bad_file_never_stops_the_others_and_each_failure_is_named() {
    let dir = tempfile::tempdir().unwrap();
    let broken_fit = dir.path().join("broken.fit");
    fs::write(&broken_fit, b"this is no fit file").unwrap();
    let bad_gz = dir.path().join("bad.gpx.gz");
    fs::write(&bad_gz, b"not gzip").unwrap();
    let missing = dir.path().join("missing.tcx");
    let good = fixture("park-run.gpx");
    let name = dir.path().join("evil.gpx");
    fs::write(
        &name,
        gpx(
            Some("running"),
            "2026-04-01T07:00:00Z",
            &line(51.5, -0.1, 30, 30),
        )
        .replace("<name>Track", "<name>Evil\u{9b}2J"),
    )
    .unwrap();
    let out = stridelog(
        dir.path(),
        &[
            "import",
            broken_fit.to_str().unwrap(),
            bad_gz.to_str().unwrap(),
            missing.to_str().unwrap(),
            good.to_str().unwrap(),
            name.to_str().unwrap(),
        ],
    );
    let text = stdout(&out);
    assert_eq!(out.status.code(), Some(1), "{text}");
    assert!(
        text.contains("imported 2 runs on 2 days, 0 duplicates, 0 skipped, 3 failed"),
        "{text}"
    );
    assert!(
        text.contains("broken.fit: is not a readable FIT file"),
        "{text}"
    );
    assert!(
        text.contains("bad.gpx.gz: is not a readable .gz file"),
        "{text}"
    );
    assert!(text.contains("missing.tcx: cannot be read"), "{text}");
    assert!(
        !text.contains('\u{9b}'),
        "control characters are escaped: {text}"
    );
    assert!(text.contains("Evil\\u{9b}2J"), "{text}");
}

#[test]
fn sanity_sportless_files_by_pace_dates_and_tiny_runs() {
    let dir = tempfile::tempdir().unwrap();
    let write = |name: &str, text: String| {
        let path = dir.path().join(name);
        fs::write(&path, text).unwrap();
        path.to_str().unwrap().to_owned()
    };
    // No sport: 111 m every 10 s is 1:30/km (a car); 111 m every 35 s is about 5:15/km (a run).
    let car = write(
        "car.gpx",
        gpx(None, "2026-04-02T07:00:00Z", &line(51.5, -0.1, 60, 10)),
    );
    let run = write(
        "run.gpx",
        gpx(None, "2026-04-03T07:00:00Z", &line(51.5, -0.1, 60, 35)),
    );
    let old = write(
        "old.gpx",
        gpx(
            Some("running"),
            "1989-06-01T07:00:00Z",
            &line(51.5, -0.1, 30, 30),
        ),
    );
    let future = write(
        "future.gpx",
        gpx(
            Some("running"),
            "2027-01-01T07:00:00Z",
            &line(51.5, -0.1, 30, 30),
        ),
    );
    let tiny = write(
        "tiny.gpx",
        gpx(
            Some("running"),
            "2026-04-04T07:00:00Z",
            &line(51.5, -0.1, 0, 30),
        ),
    );
    let out = stridelog(
        dir.path(),
        &["import", "--dry-run", &car, &run, &old, &future, &tiny],
    );
    let text = stdout(&out);
    assert!(
        text.contains("would import 1 run on 1 day, 0 duplicates, 4 skipped, 0 failed"),
        "{text}"
    );
    assert!(
        text.contains(
            "car.gpx: track 1 (GPX: Track): the file names no sport and its average pace 1:30/km"
        ),
        "{text}"
    );
    assert!(
        text.contains("before 1990") && text.contains("in the future"),
        "{text}"
    );
    assert!(text.contains("shorter than 100 m"), "{text}");
    assert!(out.status.success(), "skipping is not failing");
    let out = stridelog(dir.path(), &["import", "--dry-run", "--as-run", &car]);
    assert!(
        stdout(&out).contains("would import 1 run"),
        "{}",
        stdout(&out)
    );
}

#[test]
fn gpx_pauses_are_not_moving_time() {
    let dir = tempfile::tempdir().unwrap();
    // 20 steps of 111 m every 30 s, a 10-minute stop at a crossing, 20 more.
    let mut points = line(51.5, -0.1, 20, 30);
    points.extend(
        line(51.52, -0.1, 20, 30)
            .into_iter()
            .skip(1)
            .map(|(a, b, s)| (a, b, s + 600 + 600)),
    );
    let path = dir.path().join("paused.gpx");
    fs::write(&path, gpx(Some("running"), "2026-04-05T07:00:00Z", &points)).unwrap();
    let out = stridelog(dir.path(), &["import", path.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stdout(&out));
    let run = &day(dir.path(), "2026-04-05").runs[0];
    // 20 steps before the stop, 19 after it; the step across the stop is the pause.
    assert_eq!(
        run.duration_s,
        Some(39 * 30),
        "elapsed would be {}",
        40 * 30 + 600
    );
}

#[test]
fn crlf_strava_csv_names_the_right_line() {
    let dir = tempfile::tempdir().unwrap();
    let text = fs::read_to_string(fixture("strava-activities.csv")).unwrap();
    let crlf = dir.path().join("activities.csv");
    fs::write(&crlf, text.replace('\n', "\r\n")).unwrap();
    let out = stridelog(
        dir.path(),
        &["import", "--dry-run", "strava", crlf.to_str().unwrap()],
    );
    // Row 4 starts on line 6 (row 3 has a two-line description).
    assert!(
        stdout(&out).contains("activities.csv: line 6: Activity Date"),
        "{}",
        stdout(&out)
    );
}

#[test]
fn progress_only_on_a_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let export = dir.path().join("export.zip");
    write_zip(&export, &strava_export_files());
    // Piped: the report on stdout, nothing on stderr.
    let out = stridelog(
        dir.path(),
        &["import", "--dry-run", export.to_str().unwrap()],
    );
    assert!(
        stdout(&out).contains("would import 3 runs"),
        "{}",
        stdout(&out)
    );
    assert_eq!(String::from_utf8_lossy(&out.stderr), "");
    // On a terminal: a bar, cleared before the report.
    let mut tui = support::pty::Tui::start(
        &dir.path().join("journal"),
        &[
            "--today",
            "2026-11-30",
            "import",
            "--dry-run",
            export.to_str().unwrap(),
        ],
    );
    tui.wait_exit();
    let raw = String::from_utf8_lossy(&tui.raw()).into_owned();
    assert!(raw.contains("reading") && raw.contains("files"), "{raw:?}");
    assert!(raw.contains("would import 3 runs"), "{raw:?}");
}
