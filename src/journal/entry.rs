//! The day file: one logged day, format version 2 (design section 3). Versions 1 and 2 are
//! read; version 2 is written.
//!
//! Everything a runner records lives here as plain data. Parsing checks every value and reports
//! problems with the file, the field and the position; nothing is clamped or fixed silently.

use chrono::{NaiveDate, NaiveTime};
use serde::{Deserialize, Deserializer, Serialize};
use std::fmt;

/// The newest day-file format this build reads and writes.
pub const FORMAT_VERSION: u32 = 2;

/// A score on the 0-10 scale (pain, stress). Out-of-range values are a load error.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(transparent)]
pub struct Score(u8);

impl Score {
    /// The highest score on the scale.
    pub const MAX: u8 = 10;

    /// A score, or `None` when `value` is above 10.
    #[must_use]
    pub fn new(value: u8) -> Option<Self> {
        (value <= Self::MAX).then_some(Self(value))
    }

    /// The number on the scale.
    #[must_use]
    pub fn get(self) -> u8 {
        self.0
    }
}

impl fmt::Display for Score {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

impl<'de> Deserialize<'de> for Score {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let value = i64::deserialize(deserializer)?;
        u8::try_from(value)
            .ok()
            .and_then(Score::new)
            .ok_or_else(|| {
                serde::de::Error::custom(format!(
                    "must be a whole number from 0 to 10, found {value}"
                ))
            })
    }
}

/// Where the pain is felt.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Location {
    LowerBack,
    Buttock,
    Hip,
    Thigh,
    Calf,
    Foot,
}

/// Which leg.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Side {
    Left,
    Right,
    Both,
}

/// What the pain feels like.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Character {
    Dull,
    Sharp,
    Burning,
    Shooting,
    Tingling,
    Numbness,
    Weakness,
}

/// What the run was on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Surface {
    Road,
    Track,
    Trail,
    Grass,
    Treadmill,
}

/// A warning sign from the red-flag questions (design section 4). Each belongs to one tier:
/// see [`RedFlag::tier`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum RedFlag {
    BladderOrBowel,
    SaddleNumbness,
    BothLegs,
    ProgressiveWeakness,
    FootDrop,
    SexualDysfunction,
    /// Version 1's combined question; still read, no longer written by the Triage tab. It is
    /// treated as an emergency because it cannot be split after the fact.
    FeverOrWeightLoss,
    MajorTrauma,
    Fever,
    WeightLoss,
    CancerHistory,
    ImmuneSuppressed,
    NightPain,
}

/// How soon a red flag needs a doctor (design section 4, after NICE CKS).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum FlagTier {
    /// Possible cauda equina syndrome or another emergency: emergency care now.
    Emergency,
    /// A sign of a serious cause that needs a doctor within days.
    Doctor,
}

impl RedFlag {
    /// The tier of this flag.
    #[must_use]
    pub fn tier(self) -> FlagTier {
        match self {
            Self::BladderOrBowel
            | Self::SaddleNumbness
            | Self::BothLegs
            | Self::ProgressiveWeakness
            | Self::FootDrop
            | Self::SexualDysfunction
            | Self::FeverOrWeightLoss
            | Self::MajorTrauma
            | Self::Fever => FlagTier::Emergency,
            Self::WeightLoss | Self::CancerHistory | Self::ImmuneSuppressed | Self::NightPain => {
                FlagTier::Doctor
            }
        }
    }
}

/// The result of the seated slump self-test.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Slump {
    Positive,
    Negative,
}

/// The kind of pain the triage answers point to. Several may be present at once.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum PainType {
    Referred,
    Radicular,
    Radiculopathy,
    Tendon,
    Unsure,
}

/// One run. Distances are kilometres whatever the display unit.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Run {
    pub distance_km: f64,
    pub duration_s: Option<u32>,
    pub pain_before: Option<Score>,
    pub pain_during: Option<Score>,
    pub pain_after: Option<Score>,
    /// Had to change how they ran to tolerate the pain (`None`: not answered).
    pub gait_changed: Option<bool>,
    pub surface: Option<Surface>,
    pub shoes: Option<String>,
    pub notes: String,
    /// Local time of day the run started (format 2).
    pub start: Option<NaiveTime>,
    /// The activity's name, e.g. from an import (format 2).
    pub name: Option<String>,
    /// Where an import found it: `strava:<id>`, `garmin:<id>`, `fit:…`, `gpx:…`, `tcx:…`
    /// (format 2).
    pub source: Option<String>,
}

impl Run {
    /// The highest of `pain_during` and `pain_after`, if either was recorded.
    #[must_use]
    pub fn max_run_pain(&self) -> Option<Score> {
        self.pain_during.max(self.pain_after)
    }
}

/// One session of a guided routine (written by the Routine tab).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct RoutineSession {
    pub routine: String,
    pub started: NaiveTime,
    pub steps_done: u32,
    pub steps_total: u32,
    pub seconds: u32,
    pub pain_after: Option<Score>,
}

/// The answers of one triage (written by the Triage tab).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Triage {
    pub red_flags: Vec<RedFlag>,
    pub slump: Option<Slump>,
    pub classification: Vec<PainType>,
}

/// One day of the journal: the whole content of `days/YYYY/YYYY-MM-DD.ron`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DayEntry {
    pub version: u32,
    pub date: NaiveDate,
    /// Pain on waking, 0-10: shows whether yesterday's load settled.
    #[serde(default)]
    pub morning_pain: Option<Score>,
    /// The worst pain of the day, 0-10.
    #[serde(default)]
    pub worst_pain: Option<Score>,
    #[serde(default)]
    pub locations: Vec<Location>,
    #[serde(default)]
    pub side: Option<Side>,
    #[serde(default)]
    pub character: Vec<Character>,
    #[serde(default)]
    pub runs: Vec<Run>,
    /// Took pain medication today (`None`: not answered, never read as "no").
    #[serde(default)]
    pub pain_medication: Option<bool>,
    /// Managed normal day-to-day activities.
    #[serde(default)]
    pub normal_activities: Option<bool>,
    #[serde(default)]
    pub sleep_hours: Option<f64>,
    /// Pain woke them or kept them awake (`None`: not answered).
    #[serde(default)]
    pub sleep_disturbed: Option<bool>,
    #[serde(default)]
    pub sitting_hours: Option<f64>,
    #[serde(default)]
    pub stress: Option<Score>,
    #[serde(default)]
    pub heat_minutes: Option<u32>,
    #[serde(default)]
    pub ice_minutes: Option<u32>,
    #[serde(default)]
    pub routines: Vec<RoutineSession>,
    #[serde(default)]
    pub triage: Option<Triage>,
    #[serde(default)]
    pub notes: String,
}

impl DayEntry {
    /// An empty day in the current format.
    #[must_use]
    pub fn new(date: NaiveDate) -> Self {
        Self {
            version: FORMAT_VERSION,
            date,
            morning_pain: None,
            worst_pain: None,
            locations: Vec::new(),
            side: None,
            character: Vec::new(),
            runs: Vec::new(),
            pain_medication: None,
            normal_activities: None,
            sleep_hours: None,
            sleep_disturbed: None,
            sitting_hours: None,
            stress: None,
            heat_minutes: None,
            ice_minutes: None,
            routines: Vec::new(),
            triage: None,
            notes: String::new(),
        }
    }

    /// True when nothing but the date (and the format version) is recorded.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        let mut blank = Self::new(self.date);
        blank.version = self.version;
        *self == blank
    }

    /// True when a run of the day has `gait_changed: Some(true)`.
    #[must_use]
    pub fn gait_changed(&self) -> bool {
        self.runs.iter().any(|r| r.gait_changed == Some(true))
    }

    /// Total distance of the day's runs, in kilometres.
    #[must_use]
    pub fn distance_km(&self) -> f64 {
        // Not `sum()`: an empty f64 sum is -0.0, shown as "-0.00 km" on a day without runs.
        self.runs.iter().fold(0.0, |total, r| total + r.distance_km)
    }

    /// Checks the values serde cannot: ranges of numbers. Returns the first problem as
    /// `(field, message)`.
    ///
    /// # Errors
    /// The field path and what is wrong with it.
    pub fn validate(&self) -> Result<(), (String, String)> {
        fn hours(field: &str, value: Option<f64>) -> Result<(), (String, String)> {
            match value {
                Some(h) if !(0.0..=24.0).contains(&h) => Err((
                    field.to_owned(),
                    format!("must be between 0 and 24 hours, found {h}"),
                )),
                _ => Ok(()),
            }
        }
        fn minutes(field: &str, value: Option<u32>) -> Result<(), (String, String)> {
            match value {
                Some(m) if m > 24 * 60 => Err((
                    field.to_owned(),
                    format!("must be at most 1440 minutes (one day), found {m}"),
                )),
                _ => Ok(()),
            }
        }
        if self.version == 0 {
            return Err(("version".into(), "must be 1 or more, found 0".into()));
        }
        hours("sleep_hours", self.sleep_hours)?;
        hours("sitting_hours", self.sitting_hours)?;
        minutes("heat_minutes", self.heat_minutes)?;
        minutes("ice_minutes", self.ice_minutes)?;
        for (i, run) in self.runs.iter().enumerate() {
            let d = run.distance_km;
            if !d.is_finite() || d < 0.0 {
                let rule = if d.is_finite() {
                    "must be 0 km or more"
                } else {
                    "must be a finite number of km, 0 or more"
                };
                return Err((
                    format!("runs[{i}].distance_km"),
                    format!("{rule}, found {d}"),
                ));
            }
        }
        for (i, session) in self.routines.iter().enumerate() {
            if session.steps_done > session.steps_total {
                return Err((
                    format!("routines[{i}].steps_done"),
                    format!(
                        "is {} but steps_total is only {}",
                        session.steps_done, session.steps_total
                    ),
                ));
            }
        }
        Ok(())
    }
}

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

#[cfg(test)]
mod tests {
    use super::*;

    fn date(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn minimal_file_needs_only_version_and_date() {
        let day = parse_day(
            "(version: 2, date: \"2026-11-22\")",
            Some(date("2026-11-22")),
        )
        .unwrap();
        assert_eq!(day, DayEntry::new(date("2026-11-22")));
        assert!(day.is_empty());
    }

    #[test]
    fn pain_above_ten_names_field_and_position() {
        let err = parse_day(
            "(version: 1, date: \"2026-11-22\",\n worst_pain: Some(11))",
            None,
        )
        .unwrap_err();
        assert_eq!(err.kind, ParseErrorKind::Invalid);
        assert!(err.message.starts_with("2:"), "{}", err.message);
        assert!(err.message.contains("worst_pain"), "{}", err.message);
        assert!(err.message.contains("0 to 10"), "{}", err.message);
    }

    #[test]
    fn implicit_some_accepts_bare_numbers() {
        let day = parse_day("(version: 1, date: \"2026-11-22\", worst_pain: 5)", None).unwrap();
        assert_eq!(day.worst_pain, Score::new(5));
    }

    #[test]
    fn unknown_field_is_an_error_that_names_it() {
        let err = parse_day(
            "(version: 1, date: \"2026-11-22\", worts_pain: Some(3))",
            None,
        )
        .unwrap_err();
        assert!(err.message.contains("worts_pain"), "{}", err.message);
    }

    #[test]
    fn date_must_match_file_name_even_when_written_loosely() {
        let err = parse_day(
            "(version: 1, date: \"2026-6-30\")",
            Some(date("2026-07-01")),
        )
        .unwrap_err();
        assert_eq!(err.kind, ParseErrorKind::DateMismatch);
        assert!(
            parse_day(
                "(version: 1, date: \"2026-6-30\")",
                Some(date("2026-06-30"))
            )
            .is_ok()
        );
    }

    #[test]
    fn negative_distance_is_refused_not_clamped() {
        let err = parse_day(
            "(version: 1, date: \"2026-11-22\", runs: [(distance_km: -3.0)])",
            None,
        )
        .unwrap_err();
        assert!(
            err.message.contains("runs[0].distance_km"),
            "{}",
            err.message
        );
    }

    #[test]
    fn newer_version_with_unknown_fields_is_reported_as_newer() {
        let err = parse_day("(version: 3, date: \"2026-11-22\", mood: Some(3))", None).unwrap_err();
        assert_eq!(err.kind, ParseErrorKind::NewerVersion(3));
    }

    #[test]
    fn empty_file_is_its_own_error() {
        assert_eq!(
            parse_day("  \n", None).unwrap_err().kind,
            ParseErrorKind::Empty
        );
    }

    #[test]
    fn format_writes_no_struct_names_and_reads_back() {
        let mut day = DayEntry::new(date("2026-11-22"));
        day.worst_pain = Score::new(4);
        day.runs.push(Run {
            distance_km: 6.4,
            ..Run::default()
        });
        let text = format_day(&day);
        assert!(
            !text.contains("DayEntry") && !text.contains("Run("),
            "{text}"
        );
        assert_eq!(parse_day(&text, Some(day.date)).unwrap(), day);
    }

    #[test]
    fn version_1_yes_no_reads_explicit_false_as_no_and_missing_as_unanswered() {
        let day = parse_day(
            "(version: 1, date: \"2026-11-22\", pain_medication: false,\n runs: [(distance_km: 5.0, gait_changed: true)])",
            None,
        )
        .unwrap();
        assert_eq!(day.pain_medication, Some(false));
        assert_eq!(day.sleep_disturbed, None);
        assert_eq!(day.runs[0].gait_changed, Some(true));
    }

    #[test]
    fn version_2_file_of_the_design_parses() {
        let text = r#"(
    version: 2,
    date: "2026-11-30",
    pain_medication: None,
    sleep_disturbed: Some(false),
    runs: [(distance_km: 8.02, duration_s: Some(2890), start: Some("07:12:00"),
            name: Some("Morning Run"), source: Some("strava:12873491"), gait_changed: None)],
    triage: Some((red_flags: [NightPain], slump: None, classification: [])),
)"#;
        let day = parse_day(text, Some(date("2026-11-30"))).unwrap();
        assert_eq!(day.sleep_disturbed, Some(false));
        assert_eq!(day.pain_medication, None);
        let run = &day.runs[0];
        assert_eq!(run.start, NaiveTime::from_hms_opt(7, 12, 0));
        assert_eq!(run.name.as_deref(), Some("Morning Run"));
        assert_eq!(run.source.as_deref(), Some("strava:12873491"));
        assert_eq!(day.triage.unwrap().red_flags[0].tier(), FlagTier::Doctor);
    }

    #[test]
    fn saving_a_version_1_day_writes_version_2_with_the_same_values() {
        let text = "(version: 1, date: \"2026-11-22\", worst_pain: Some(4), sleep_disturbed: false,\n triage: Some((red_flags: [FeverOrWeightLoss])))";
        let day = parse_day(text, None).unwrap();
        assert_eq!(day.version, 1);
        let written = format_day(&day);
        assert!(written.contains("version: 2"), "{written}");
        let again = parse_day(&written, None).unwrap();
        assert_eq!(again.version, FORMAT_VERSION);
        assert_eq!(
            DayEntry {
                version: 1,
                ..again
            },
            day
        );
    }

    #[test]
    fn fever_or_weight_loss_from_version_1_counts_as_an_emergency() {
        assert_eq!(RedFlag::FeverOrWeightLoss.tier(), FlagTier::Emergency);
        assert_eq!(RedFlag::Fever.tier(), FlagTier::Emergency);
        assert_eq!(RedFlag::WeightLoss.tier(), FlagTier::Doctor);
    }
}
