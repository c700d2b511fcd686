//! One file's bytes to activities: which format a name is (`.gpx`, `.tcx`, `.fit`, `.csv`,
//! `.json`, each also `.gz`), gunzipping, and the parser for it. A CSV says by its header
//! whether Strava or Garmin Connect wrote it.

use super::{FileError, Parsed, UnitHint, garmin, garmin_json, gpx, strava, tcx};
use std::io::Read;

/// The largest file read into memory (an activity file is a few MB; this refuses a zip bomb).
pub const MAX_FILE_BYTES: u64 = 256 * 1024 * 1024;

/// Which parser reads a file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Strava,
    Garmin,
    /// A CSV whose header says which app wrote it.
    Csv,
    /// Garmin's `summarizedActivities.json`.
    GarminJson,
    Gpx,
    Tcx,
    Fit,
}

/// Whether a file is gzipped.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Packing {
    Plain,
    Gzip,
}

/// The kind of a file by its name (`run.gpx`, `123.fit.gz`), if stridelog reads it.
pub fn kind_of(name: &str) -> Option<(Kind, Packing)> {
    let lower = name.to_ascii_lowercase();
    let (inner, packing) = match lower.strip_suffix(".gz") {
        Some(inner) => (inner, Packing::Gzip),
        None => (lower.as_str(), Packing::Plain),
    };
    let ext = inner.rsplit_once('.')?.1;
    let kind = match ext {
        "gpx" => Kind::Gpx,
        "tcx" => Kind::Tcx,
        "fit" => Kind::Fit,
        "csv" => Kind::Csv,
        "json" if inner.ends_with("summarizedactivities.json") => Kind::GarminJson,
        _ => return None,
    };
    Some((kind, packing))
}

/// The bytes inside a gzip file.
pub fn gunzip(bytes: &[u8]) -> Result<Vec<u8>, FileError> {
    let mut out = Vec::new();
    flate2::read::MultiGzDecoder::new(bytes)
        .take(MAX_FILE_BYTES)
        .read_to_end(&mut out)
        .map_err(|e| FileError(format!("is not a readable .gz file: {e}")))?;
    Ok(out)
}

fn text(bytes: &[u8]) -> Result<&str, FileError> {
    std::str::from_utf8(bytes).map_err(|_| FileError("is not UTF-8 text".into()))
}

/// Which app wrote a CSV, from its header.
fn csv_kind(text: &str) -> Result<Kind, FileError> {
    let header = text.lines().next().unwrap_or_default();
    if header.contains("Activity Date") {
        Ok(Kind::Strava)
    } else if header.contains("Activity Type") {
        Ok(Kind::Garmin)
    } else if !header.is_ascii() {
        Err(FileError(
            "the header is in another language: stridelog reads the English exports of Strava \
             and Garmin Connect; set the app's language to English and export the file again"
                .into(),
        ))
    } else {
        Err(FileError(
            "not a CSV stridelog knows: say which app wrote it, \
             `stridelog import strava FILE` or `stridelog import garmin FILE`"
                .into(),
        ))
    }
}

/// Parses one file's (already gunzipped) bytes; `name` is used in messages.
///
/// # Errors
/// When the file cannot be read at all; its problem, without its name (the caller adds it).
pub fn parse(kind: Kind, bytes: &[u8], name: &str, hint: UnitHint) -> Result<Parsed, FileError> {
    let strip = |e: FileError| {
        FileError(
            e.0.strip_prefix(name)
                .map_or(e.0.clone(), |rest| rest.trim_start().to_owned()),
        )
    };
    match kind {
        Kind::Strava => strava::parse(text(bytes)?, hint),
        Kind::Garmin => garmin::parse(text(bytes)?, hint),
        Kind::Csv => {
            let text = text(bytes)?;
            parse(csv_kind(text)?, text.as_bytes(), name, hint)
        }
        Kind::GarminJson => garmin_json::parse(text(bytes)?),
        Kind::Gpx => gpx::parse(text(bytes)?, name).map_err(strip),
        Kind::Tcx => tcx::parse(text(bytes)?, name).map_err(strip),
        #[cfg(feature = "fit")]
        Kind::Fit => super::fit::parse(bytes, name).map_err(strip),
        #[cfg(not(feature = "fit"))]
        Kind::Fit => Err(FileError(
            "this stridelog was built without FIT support (`--no-default-features`); \
             rebuild it with the default features"
                .into(),
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_by_name() {
        assert_eq!(kind_of("a/123.GPX.gz"), Some((Kind::Gpx, Packing::Gzip)));
        assert_eq!(kind_of("watch.fit"), Some((Kind::Fit, Packing::Plain)));
        assert_eq!(
            kind_of("x_summarizedActivities.json"),
            Some((Kind::GarminJson, Packing::Plain))
        );
        assert_eq!(kind_of("photo.jpg"), None);
        assert_eq!(kind_of("other.json"), None);
    }
}
