//! The pieces a day is made of: scores, runs, where and how it hurts, triage answers, routine
//! sessions. Each checks its own values when read.

use chrono::NaiveTime;
use clap::ValueEnum;
use serde::{Deserialize, Deserializer, Serialize};
use std::fmt;

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
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, ValueEnum,
)]
pub enum Location {
    LowerBack,
    Buttock,
    Hip,
    Thigh,
    Calf,
    Foot,
}

/// Which leg.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, ValueEnum,
)]
pub enum Side {
    Left,
    Right,
    Both,
}

/// What the pain feels like.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, ValueEnum,
)]
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
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, ValueEnum,
)]
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
