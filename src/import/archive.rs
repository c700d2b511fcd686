//! What a runner hands over, opened up: a single file (also `.gz`), a folder, or a zip — and
//! inside a folder or zip, Strava's bulk export (`activities.csv` plus `activities/`, where each
//! CSV row and its track file are one activity), Garmin's full data export
//! (`DI_CONNECT/DI-Connect-Fitness/*_summarizedActivities.json`, and the uploaded FIT files in
//! nested zips), or any set of activity files. Nothing here stops at a bad entry: each problem
//! becomes a [`BadRow`] naming the file, and the rest is read.

use super::read::{self, Kind, MAX_FILE_BYTES, Packing};
use super::{Activity, BadRow, FileError, Parsed, UnitHint};
use std::fs::File;
use std::io::{self, Read, Seek};
use std::path::{Path, PathBuf};

/// Told as files are read, to show progress.
pub trait Progress {
    /// `n` more files are known to come.
    fn more(&mut self, n: usize);
    /// One file was read.
    fn done(&mut self);
}

/// Progress nobody sees.
pub struct Silent;

impl Progress for Silent {
    fn more(&mut self, _: usize) {}
    fn done(&mut self) {}
}

/// A folder or a zip: named entries that can be read.
trait Tree {
    fn names(&self) -> Vec<String>;
    fn read(&mut self, name: &str) -> io::Result<Vec<u8>>;
}

struct Folder {
    root: PathBuf,
    names: Vec<String>,
}

impl Folder {
    fn open(root: &Path) -> io::Result<Self> {
        let mut names = Vec::new();
        let mut stack = vec![PathBuf::new()];
        while let Some(rel) = stack.pop() {
            for entry in std::fs::read_dir(root.join(&rel))? {
                let entry = entry?;
                let rel = rel.join(entry.file_name());
                if entry.file_type()?.is_dir() {
                    stack.push(rel);
                } else {
                    let parts: Vec<String> = rel
                        .components()
                        .map(|c| c.as_os_str().to_string_lossy().into_owned())
                        .collect();
                    names.push(parts.join("/"));
                }
            }
        }
        names.sort();
        Ok(Self {
            root: root.to_path_buf(),
            names,
        })
    }
}

impl Tree for Folder {
    fn names(&self) -> Vec<String> {
        self.names.clone()
    }

    fn read(&mut self, name: &str) -> io::Result<Vec<u8>> {
        read_limited(File::open(self.root.join(name))?)
    }
}

trait ReadSeek: Read + Seek {}
impl<T: Read + Seek> ReadSeek for T {}

struct Zip {
    archive: zip::ZipArchive<Box<dyn ReadSeek>>,
}

impl Zip {
    fn open(reader: Box<dyn ReadSeek>) -> Result<Self, FileError> {
        zip::ZipArchive::new(reader)
            .map(|archive| Self { archive })
            .map_err(|e| FileError(format!("is not a readable zip file: {e}")))
    }
}

impl Tree for Zip {
    fn names(&self) -> Vec<String> {
        self.archive
            .file_names()
            .filter_map(Result::ok)
            .filter(|n| !n.ends_with('/'))
            .map(std::borrow::Cow::into_owned)
            .collect()
    }

    fn read(&mut self, name: &str) -> io::Result<Vec<u8>> {
        let entry = self.archive.by_name(name).map_err(io::Error::other)?;
        read_limited(entry)
    }
}

fn read_limited(reader: impl Read) -> io::Result<Vec<u8>> {
    let mut out = Vec::new();
    reader.take(MAX_FILE_BYTES + 1).read_to_end(&mut out)?;
    if out.len() as u64 > MAX_FILE_BYTES {
        return Err(io::Error::other(
            "larger than 256 MiB, too large for an activity file",
        ));
    }
    Ok(out)
}

/// How to read what is given.
#[derive(Debug, Clone, Copy)]
pub struct Options {
    pub hint: UnitHint,
    /// The format named on the command line (`strava FILE`), if any.
    pub kind: Option<Kind>,
}

/// Everything readable in `path` (a file, `.gz`, folder or zip); each problem is a [`BadRow`].
pub fn import_path(path: &Path, options: Options, progress: &mut dyn Progress) -> Parsed {
    let label = path.display().to_string();
    let fail = |message: String| Parsed {
        bad: vec![BadRow {
            place: label.clone(),
            message,
        }],
        ..Parsed::default()
    };
    if path.is_dir() {
        return match Folder::open(path) {
            Ok(mut folder) => import_tree(&mut folder, options, progress).within(&label),
            Err(e) => fail(format!("cannot be read: {e}")),
        };
    }
    let name = path
        .file_name()
        .map_or_else(|| label.clone(), |n| n.to_string_lossy().into_owned());
    if name.to_ascii_lowercase().ends_with(".zip") && options.kind.is_none() {
        let file = match File::open(path) {
            Ok(file) => file,
            Err(e) => return fail(format!("cannot be read: {e}")),
        };
        return match Zip::open(Box::new(file)) {
            Ok(mut zip) => import_tree(&mut zip, options, progress).within(&label),
            Err(e) => fail(e.0),
        };
    }
    // Strava's CSV in an unpacked export: its rows' files are in `activities/` beside it.
    if name.eq_ignore_ascii_case("activities.csv")
        && matches!(options.kind, None | Some(Kind::Strava | Kind::Csv))
    {
        let parent = match path.parent() {
            Some(p) if !p.as_os_str().is_empty() => p,
            _ => Path::new("."),
        };
        if parent.join("activities").is_dir() {
            return match Folder::open(parent) {
                Ok(mut folder) => {
                    let names = folder.names();
                    strava_export(&mut folder, &names, "activities.csv", options, progress)
                        .within(&parent.display().to_string())
                }
                Err(e) => fail(format!("cannot be read: {e}")),
            };
        }
    }
    progress.more(1);
    let parsed = match std::fs::read(path) {
        Ok(bytes) => import_bytes(&name, &bytes, options),
        Err(e) => Err(FileError(format!("cannot be read: {e}"))),
    };
    progress.done();
    match parsed {
        Ok(parsed) => parsed.within(&label),
        Err(e) => fail(e.0),
    }
}

/// One file's bytes, gunzipped when its name ends in `.gz`.
fn import_bytes(name: &str, bytes: &[u8], options: Options) -> Result<Parsed, FileError> {
    let (kind, packing) = match (options.kind, read::kind_of(name)) {
        (Some(kind), found) => (kind, found.map_or(Packing::Plain, |(_, p)| p)),
        (None, Some(found)) => found,
        (None, None) => {
            return Err(FileError(
                "not a file stridelog can import (a Strava or Garmin export .zip or folder, \
                 a Strava or Garmin CSV, .gpx, .tcx, .fit, or any of them as .gz)"
                    .into(),
            ));
        }
    };
    let unpacked;
    let bytes = match packing {
        Packing::Plain => bytes,
        Packing::Gzip => {
            unpacked = read::gunzip(bytes)?;
            &unpacked
        }
    };
    read::parse(kind, bytes, name, options.hint)
}

/// A folder or zip: a Strava export, a Garmin export, or a set of files.
fn import_tree(tree: &mut dyn Tree, options: Options, progress: &mut dyn Progress) -> Parsed {
    let names = tree.names();
    let strava_csv = names
        .iter()
        .filter(|n| n.rsplit('/').next() == Some("activities.csv"))
        .min_by_key(|n| n.len())
        .cloned();
    if let Some(csv) = strava_csv {
        return strava_export(tree, &names, &csv, options, progress);
    }
    let garmin: Vec<&String> = names
        .iter()
        .filter(|n| n.contains("DI-Connect-Fitness/") && n.ends_with("_summarizedActivities.json"))
        .collect();
    let mut parsed = Parsed::default();
    let files: Vec<&String> = if garmin.is_empty() {
        names.iter().collect()
    } else {
        // The JSON first: its entries have ids and names; the FIT uploads of the same
        // activities then count as duplicates.
        let mut files = garmin.clone();
        files.extend(
            names
                .iter()
                .filter(|n| n.contains("DI-Connect-Uploaded-Files/")),
        );
        files
    };
    let files: Vec<&String> = files
        .into_iter()
        .filter(|n| read::kind_of(n).is_some() || n.to_ascii_lowercase().ends_with(".zip"))
        .collect();
    progress.more(files.len());
    for name in files {
        parsed.extend(import_entry(tree, name, options, progress));
        progress.done();
    }
    parsed
}

/// One entry of a tree: a file, or a nested zip read entry by entry.
fn import_entry(
    tree: &mut dyn Tree,
    name: &str,
    options: Options,
    progress: &mut dyn Progress,
) -> Parsed {
    let fail = |message: String| Parsed {
        bad: vec![BadRow {
            place: name.to_owned(),
            message,
        }],
        ..Parsed::default()
    };
    let bytes = match tree.read(name) {
        Ok(bytes) => bytes,
        Err(e) => return fail(format!("cannot be read: {e}")),
    };
    if name.to_ascii_lowercase().ends_with(".zip") {
        return match Zip::open(Box::new(io::Cursor::new(bytes))) {
            Ok(mut zip) => {
                let options = Options {
                    kind: None,
                    ..options
                };
                import_tree(&mut zip, options, progress).within(name)
            }
            Err(e) => fail(e.0),
        };
    }
    let file = name.rsplit('/').next().unwrap_or(name);
    match import_bytes(
        file,
        &bytes,
        Options {
            kind: None,
            ..options
        },
    ) {
        Ok(parsed) => parsed.within(name),
        Err(e) => fail(e.0),
    }
}

/// Strava's bulk export: each running row of `activities.csv` with the track file it names.
fn strava_export(
    tree: &mut dyn Tree,
    names: &[String],
    csv_name: &str,
    options: Options,
    progress: &mut dyn Progress,
) -> Parsed {
    let prefix = &csv_name[..csv_name.len() - "activities.csv".len()];
    progress.more(1);
    let csv = tree
        .read(csv_name)
        .map_err(|e| FileError(format!("cannot be read: {e}")))
        .and_then(|bytes| read::parse(Kind::Strava, &bytes, csv_name, options.hint));
    progress.done();
    let mut csv = match csv {
        Ok(parsed) => parsed,
        Err(e) => {
            // Without the CSV the files still hold the runs.
            let mut parsed = Parsed {
                bad: vec![BadRow {
                    place: csv_name.to_owned(),
                    message: format!("{e}; the activity files are imported without it"),
                }],
                ..Parsed::default()
            };
            let files: Vec<&String> = names
                .iter()
                .filter(|n| n.starts_with(&format!("{prefix}activities/")))
                .filter(|n| read::kind_of(n).is_some())
                .collect();
            progress.more(files.len());
            for name in files {
                parsed.extend(import_entry(tree, name, options, progress));
                progress.done();
            }
            return parsed;
        }
    };
    let linked = csv
        .activities
        .iter()
        .filter(|a| a.linked_file.is_some())
        .count();
    progress.more(linked);
    let mut bad = Vec::new();
    for activity in &mut csv.activities {
        let Some(file) = activity.linked_file.clone() else {
            continue;
        };
        let entry = format!("{prefix}{file}");
        let from_file = import_entry(tree, &entry, options, progress);
        progress.done();
        match from_file.activities.first() {
            Some(track) => merge(activity, track),
            None => {
                if let Some(problem) = from_file.bad.first() {
                    bad.push(BadRow {
                        place: activity.place.clone(),
                        message: format!(
                            "{problem}; the run is imported from the CSV row alone, with its \
                             UTC start"
                        ),
                    });
                }
            }
        }
    }
    let csv = Parsed {
        bad: csv.bad.into_iter().chain(bad).collect(),
        ..csv
    };
    csv.within(csv_name)
}

/// A Strava CSV row and its file are one activity: the row's numbers and names, the file's
/// start, position and track.
fn merge(row: &mut Activity, track: &Activity) {
    row.start = track.start;
    row.position = track.position;
    row.fastest_km_s = track.fastest_km_s;
    if row.duration_s.is_none() {
        row.duration_s = track.duration_s;
    }
}
