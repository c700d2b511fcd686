//! A day file's text: parsing it (every value checked, errors naming the position or the
//! field) and writing it in the one shape stridelog writes.

use super::{DayEntry, FORMAT_VERSION};
use chrono::NaiveDate;
use serde::Deserialize;
use std::fmt;

/// Why a day file could not be used as-is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ParseErrorKind {
    /// The file holds nothing.
    Empty,
    /// Syntax error, wrong type, unknown field or value out of range.
    Invalid,
    /// The `date` inside does not match the file name.
    DateMismatch,
    /// Written by a newer stridelog; the number is the file's version.
    NewerVersion(u32),
}

/// A problem with one day file, already phrased for a person: `line:col: message` or
/// `field: message` (the caller adds the path in front).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseError {
    pub kind: ParseErrorKind,
    pub message: String,
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for ParseError {}

fn ron_options() -> ron::Options {
    ron::Options::default().with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME)
}

/// Just enough of a day file to learn its version, whatever else it holds.
#[derive(Deserialize)]
struct VersionOnly {
    version: u32,
}

/// Parses a day file's text. `expected` is the date from the file name, when there is one.
///
/// A file of a newer format version that still parses is returned as `Ok`; check
/// [`DayEntry::version`] against [`FORMAT_VERSION`] to open it read-only.
///
/// # Errors
/// A [`ParseError`] naming the position or field and the problem.
pub fn parse_day(text: &str, expected: Option<NaiveDate>) -> Result<DayEntry, ParseError> {
    if text.trim().is_empty() {
        return Err(ParseError {
            kind: ParseErrorKind::Empty,
            message: "the file is empty (a day file needs at least `version` and `date`)".into(),
        });
    }
    let options = ron_options();
    let entry = match deserialize_with_path::<DayEntry>(text, &options) {
        Ok(entry) => entry,
        Err(message) => {
            if let Ok(probe) = options.from_str::<VersionOnly>(text)
                && probe.version > FORMAT_VERSION
            {
                return Err(newer(probe.version));
            }
            return Err(ParseError {
                kind: ParseErrorKind::Invalid,
                message,
            });
        }
    };
    if let Some(expected) = expected
        && entry.date != expected
    {
        return Err(ParseError {
            kind: ParseErrorKind::DateMismatch,
            message: format!("date: is {} but the file name says {expected}", entry.date),
        });
    }
    if let Err((field, problem)) = entry.validate() {
        return Err(ParseError {
            kind: ParseErrorKind::Invalid,
            message: format!("{field}: {problem}"),
        });
    }
    Ok(entry)
}

fn newer(version: u32) -> ParseError {
    ParseError {
        kind: ParseErrorKind::NewerVersion(version),
        message: format!(
            "version: written by a newer stridelog (format {version}; this one knows up to \
             {FORMAT_VERSION}), so it is read-only here: update stridelog to edit it"
        ),
    }
}

/// Deserializes RON text, phrasing an error as `line:col: field: message`.
///
/// # Errors
/// The phrased message.
pub fn deserialize_with_path<T: serde::de::DeserializeOwned>(
    text: &str,
    options: &ron::Options,
) -> Result<T, String> {
    // The fast path: most files are fine, and tracking the field path costs time on every
    // field. Only a file that fails is parsed again to name the field.
    if let Ok(value) = options.from_str::<T>(text) {
        return Ok(value);
    }
    let mut de = ron::Deserializer::from_str_with_options(text, options)
        .map_err(|e| format!("{}: {}", e.span.start, e.code))?;
    let value = match serde_path_to_error::deserialize::<_, T>(&mut de) {
        Ok(value) => value,
        Err(error) => {
            let path = error.path().to_string();
            let spanned = de.span_error(error.into_inner());
            let position = spanned.span.start;
            return Err(if path == "." || path.is_empty() {
                format!("{position}: {}", spanned.code)
            } else {
                format!("{position}: {path}: {}", spanned.code)
            });
        }
    };
    de.end().map_err(|e| {
        let spanned = de.span_error(e);
        format!(
            "{}: unexpected text after the day: {}",
            spanned.span.start, spanned.code
        )
    })?;
    Ok(value)
}

/// Writes a day as RON text in the house style (no struct names, four-space indent), always in
/// the current format: an older day is upgraded as it is written (its values unchanged).
///
/// # Panics
/// Never in practice: every field of a [`DayEntry`] can be written as RON.
#[must_use]
pub fn format_day(entry: &DayEntry) -> String {
    let config = ron::ser::PrettyConfig::new()
        .struct_names(false)
        .compact_arrays(true)
        .indentor("    ".to_owned());
    let upgraded;
    let entry = if entry.version == FORMAT_VERSION {
        entry
    } else {
        upgraded = DayEntry {
            version: FORMAT_VERSION,
            ..entry.clone()
        };
        &upgraded
    };
    let mut text =
        ron::ser::to_string_pretty(entry, config).expect("a day entry always serialises to RON");
    text.push('\n');
    text
}
