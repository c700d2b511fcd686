//! The form as data: which fields the day and a run have, in what order, their labels, what
//! each means, how it is changed, and how a stored value is shown ([`Shown`]). Putting a typed
//! or picked value into a day or a run is in [`day`] and [`run`]; the option lists in
//! [`choices`]. Pure, no ratatui. What a typed value may be is decided in [`crate::values`].

mod choices;
mod day;
mod run;

use crate::journal::Score;
pub use run::{known_shoes, run_summary};
use std::fmt;

/// How a field is changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// 0-10, typed (digits start typing right away).
    Score,
    /// Another number, typed (digits start typing right away).
    Number,
    /// Free text; notes take several lines.
    Text { multiline: bool },
    /// One of a few options.
    Choice,
    /// Yes or no (and "not set" where the format allows it). Space flips it, y/n set it.
    YesNo,
    /// Any number of options.
    Multi,
}

impl Kind {
    /// True for a field typed as a number (a score, hours, minutes, a distance).
    pub fn is_number(self) -> bool {
        matches!(self, Kind::Score | Kind::Number)
    }
}

/// A field of the day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DayField {
    MorningPain,
    WorstPain,
    Locations,
    Side,
    Character,
    Medication,
    NormalActivities,
    SleepHours,
    SleepDisturbed,
    SittingHours,
    Stress,
    HeatMinutes,
    IceMinutes,
    Notes,
}

/// A field of a run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RunField {
    Distance,
    Duration,
    PainBefore,
    PainDuring,
    PainAfter,
    GaitChanged,
    Surface,
    Shoes,
    Notes,
}

/// Any field of the form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Day(DayField),
    Run(RunField),
}

impl DayField {
    /// The fields in the order of the form.
    pub const ALL: [DayField; 14] = [
        DayField::MorningPain,
        DayField::WorstPain,
        DayField::Locations,
        DayField::Side,
        DayField::Character,
        DayField::Medication,
        DayField::NormalActivities,
        DayField::SleepHours,
        DayField::SleepDisturbed,
        DayField::SittingHours,
        DayField::Stress,
        DayField::HeatMinutes,
        DayField::IceMinutes,
        DayField::Notes,
    ];

    pub fn label(self) -> &'static str {
        match self {
            DayField::MorningPain => "Morning pain",
            DayField::WorstPain => "Worst pain",
            DayField::Locations => "Where",
            DayField::Side => "Side",
            DayField::Character => "Feels like",
            DayField::Medication => "Pain medication",
            DayField::NormalActivities => "Normal activities",
            DayField::SleepHours => "Sleep",
            DayField::SleepDisturbed => "Sleep disturbed",
            DayField::SittingHours => "Sitting",
            DayField::Stress => "Stress",
            DayField::HeatMinutes => "Heat",
            DayField::IceMinutes => "Ice",
            DayField::Notes => "Notes",
        }
    }

    /// What the field means, in one or two short sentences.
    pub fn hint(self) -> &'static str {
        match self {
            DayField::MorningPain => {
                "Morning pain: pain on waking, 0 (none) to 10 (worst). Shows whether yesterday's load settled."
            }
            DayField::WorstPain => {
                "Worst pain: the worst of the whole day, 0-10. The trends and the advice use it most."
            }
            DayField::Locations => {
                "Where you feel it today: tick every place (Space ticks, Enter saves)."
            }
            DayField::Side => {
                "Which leg. Symptoms in both legs are a warning sign: answer the red-flag questions (Triage)."
            }
            DayField::Character => {
                "What it feels like: tick all that fit. Numbness or weakness needs a professional's assessment."
            }
            DayField::Medication => {
                "Did you take pain medication today? Return to running once you are off it."
            }
            DayField::NormalActivities => {
                "Did you manage normal day-to-day activities (work, chores, walking) today?"
            }
            DayField::SleepHours => "Hours slept last night, 0-24: 7.5 or 7:30.",
            DayField::SleepDisturbed => "Did pain wake you or keep you awake last night?",
            DayField::SittingHours => {
                "Hours spent sitting today, 0-24, to compare with how the pain goes."
            }
            DayField::Stress => "Stress today, 0 (none) to 10 (extreme).",
            DayField::HeatMinutes => "Minutes of heat today (heat pack, bath, shower), 0-1440.",
            DayField::IceMinutes => "Minutes of ice or cold packs today, 0-1440.",
            DayField::Notes => {
                "Anything else: what helped, what made it worse. Several lines are fine."
            }
        }
    }

    pub fn kind(self) -> Kind {
        match self {
            DayField::MorningPain | DayField::WorstPain | DayField::Stress => Kind::Score,
            DayField::SleepHours
            | DayField::SittingHours
            | DayField::HeatMinutes
            | DayField::IceMinutes => Kind::Number,
            DayField::Locations | DayField::Character => Kind::Multi,
            DayField::Side => Kind::Choice,
            DayField::Medication | DayField::NormalActivities | DayField::SleepDisturbed => {
                Kind::YesNo
            }
            DayField::Notes => Kind::Text { multiline: true },
        }
    }

    /// The options of a choice, yes/no or multi-select field.
    pub fn options(self) -> &'static [&'static str] {
        match self {
            DayField::Locations => choices::LOCATION_LABELS,
            DayField::Character => choices::CHARACTER_LABELS,
            DayField::Side => choices::SIDE_LABELS,
            DayField::Medication | DayField::SleepDisturbed | DayField::NormalActivities => {
                choices::YES_NO_UNSET
            }
            _ => &[],
        }
    }
}

impl RunField {
    /// The fields in the order of the run form.
    pub const ALL: [RunField; 9] = [
        RunField::Distance,
        RunField::Duration,
        RunField::PainBefore,
        RunField::PainDuring,
        RunField::PainAfter,
        RunField::GaitChanged,
        RunField::Surface,
        RunField::Shoes,
        RunField::Notes,
    ];

    pub fn label(self) -> &'static str {
        match self {
            RunField::Distance => "Distance",
            RunField::Duration => "Time",
            RunField::PainBefore => "Pain before",
            RunField::PainDuring => "Pain during",
            RunField::PainAfter => "Pain after",
            RunField::GaitChanged => "Gait changed",
            RunField::Surface => "Surface",
            RunField::Shoes => "Shoes",
            RunField::Notes => "Notes",
        }
    }

    /// What the field means.
    pub fn hint(self) -> &'static str {
        match self {
            RunField::Distance => "Distance of the run: more than 0, at most 300 km. Like 6.4.",
            RunField::Duration => {
                "Time running: mm:ss (38:20), h:mm:ss (1:05:00) or minutes (38). The pace is worked out."
            }
            RunField::PainBefore => "Pain just before the run, 0-10.",
            RunField::PainDuring => {
                "Worst pain during the run, 0-10. Above 5 means rest from running (Silbernagel 2007)."
            }
            RunField::PainAfter => {
                "Pain after the run, 0-10. Two or more above 'before' is a caution sign."
            }
            RunField::GaitChanged => {
                "Did you change how you ran to tolerate the pain? If so, stop (Vincent 2017)."
            }
            RunField::Surface => "What the run was on.",
            RunField::Shoes => "Which shoes. While typing, Up/Down offer shoes you used before.",
            RunField::Notes => "Anything about this run. Several lines are fine.",
        }
    }

    pub fn kind(self) -> Kind {
        match self {
            RunField::PainBefore | RunField::PainDuring | RunField::PainAfter => Kind::Score,
            RunField::Distance | RunField::Duration => Kind::Number,
            RunField::GaitChanged => Kind::YesNo,
            RunField::Surface => Kind::Choice,
            RunField::Shoes => Kind::Text { multiline: false },
            RunField::Notes => Kind::Text { multiline: true },
        }
    }

    pub fn options(self) -> &'static [&'static str] {
        match self {
            RunField::GaitChanged => choices::YES_NO_UNSET,
            RunField::Surface => choices::SURFACE_LABELS,
            _ => &[],
        }
    }
}

impl Field {
    pub fn label(self) -> &'static str {
        match self {
            Field::Day(f) => f.label(),
            Field::Run(f) => f.label(),
        }
    }

    pub fn hint(self) -> &'static str {
        match self {
            Field::Day(f) => f.hint(),
            Field::Run(f) => f.hint(),
        }
    }

    pub fn kind(self) -> Kind {
        match self {
            Field::Day(f) => f.kind(),
            Field::Run(f) => f.kind(),
        }
    }

    pub fn options(self) -> &'static [&'static str] {
        match self {
            Field::Day(f) => f.options(),
            Field::Run(f) => f.options(),
        }
    }
}

/// A stored value as the form shows it. A score stays a [`Score`] (the form draws its bar from
/// it), so nothing shown on screen is ever read back into a number.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Shown {
    /// A 0-10 score, shown as `5/10`.
    Score(Score),
    Text(String),
}

impl fmt::Display for Shown {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Shown::Score(score) => write!(f, "{score}/10"),
            Shown::Text(text) => f.write_str(text),
        }
    }
}
