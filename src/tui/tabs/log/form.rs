//! The fields of the form: their labels, what they mean, how they are shown and how a typed
//! or picked value is put into a day or a run. Pure, no ratatui.

use super::input;
use crate::journal::entry::{Character, Location, Side, Surface};
use crate::journal::{DayEntry, Score};

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

pub(super) const YES_NO_UNSET: &[&str] = &["yes", "no", "not set"];
const LOCATIONS: &[(Location, &str)] = &[
    (Location::LowerBack, "lower back"),
    (Location::Buttock, "buttock"),
    (Location::Hip, "hip"),
    (Location::Thigh, "thigh"),
    (Location::Calf, "calf"),
    (Location::Foot, "foot"),
];
const LOCATION_LABELS: &[&str] = &["lower back", "buttock", "hip", "thigh", "calf", "foot"];
const CHARACTERS: &[(Character, &str)] = &[
    (Character::Dull, "dull"),
    (Character::Sharp, "sharp"),
    (Character::Burning, "burning"),
    (Character::Shooting, "shooting"),
    (Character::Tingling, "tingling"),
    (Character::Numbness, "numbness"),
    (Character::Weakness, "weakness"),
];
const CHARACTER_LABELS: &[&str] = &[
    "dull", "sharp", "burning", "shooting", "tingling", "numbness", "weakness",
];
const SIDES: &[(Side, &str)] = &[
    (Side::Left, "left"),
    (Side::Right, "right"),
    (Side::Both, "both"),
];
const SIDE_LABELS: &[&str] = &["left", "right", "both", "not set"];
pub(super) const SURFACES: &[(Surface, &str)] = &[
    (Surface::Road, "road"),
    (Surface::Track, "track"),
    (Surface::Trail, "trail"),
    (Surface::Grass, "grass"),
    (Surface::Treadmill, "treadmill"),
];
pub(super) const SURFACE_LABELS: &[&str] =
    &["road", "track", "trail", "grass", "treadmill", "not set"];

/// The label of a value in a table of `(value, label)`.
pub(super) fn label_of<T: PartialEq>(table: &[(T, &'static str)], value: &T) -> &'static str {
    table
        .iter()
        .find(|(v, _)| v == value)
        .map_or("?", |(_, l)| *l)
}

pub(super) fn list_labels<T: PartialEq>(
    table: &[(T, &'static str)],
    values: &[T],
) -> Option<String> {
    (!values.is_empty()).then(|| {
        values
            .iter()
            .map(|v| label_of(table, v))
            .collect::<Vec<_>>()
            .join(", ")
    })
}

/// Ticks for a multi-select: one per table row.
pub(super) fn ticks_of<T: PartialEq>(table: &[(T, &'static str)], values: &[T]) -> Vec<bool> {
    table.iter().map(|(v, _)| values.contains(v)).collect()
}

/// Ticks for an optional single choice: the table's rows, then "not set".
pub(super) fn tick_option<T: PartialEq>(
    table: &[(T, &'static str)],
    value: Option<&T>,
) -> Vec<bool> {
    let mut ticks: Vec<bool> = table.iter().map(|(v, _)| Some(v) == value).collect();
    ticks.push(value.is_none());
    ticks
}

pub(super) fn picked<T: Copy>(table: &[(T, &'static str)], chosen: &[usize]) -> Vec<T> {
    chosen
        .iter()
        .filter_map(|i| table.get(*i).map(|(v, _)| *v))
        .collect()
}

pub(super) fn yes_no(value: Option<bool>) -> Option<String> {
    value.map(|v| if v { "yes" } else { "no" }.to_owned())
}

/// The ticks of a yes / no / not-set choice.
pub(super) fn yes_no_ticks(value: Option<bool>) -> Vec<bool> {
    vec![value == Some(true), value == Some(false), value.is_none()]
}

/// `Some(true)` for "yes" (index 0), `Some(false)` for "no", `None` for "not set".
pub(super) fn yes_no_from(chosen: &[usize]) -> Option<bool> {
    match chosen.first() {
        Some(0) => Some(true),
        Some(1) => Some(false),
        _ => None,
    }
}

pub(super) fn score_text(score: Option<Score>) -> String {
    score.map(|s| s.to_string()).unwrap_or_default()
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
            DayField::Locations => LOCATION_LABELS,
            DayField::Character => CHARACTER_LABELS,
            DayField::Side => SIDE_LABELS,
            DayField::Medication | DayField::SleepDisturbed | DayField::NormalActivities => {
                YES_NO_UNSET
            }
            _ => &[],
        }
    }

    /// The value as shown, or `None` when not recorded.
    pub fn display(self, day: &DayEntry) -> Option<String> {
        let hours = |h: Option<f64>| h.map(|h| format!("{} h", input::format_number(h)));
        let minutes = |m: Option<u32>| m.map(|m| format!("{m} min"));
        match self {
            DayField::MorningPain => day.morning_pain.map(|s| format!("{s}/10")),
            DayField::WorstPain => day.worst_pain.map(|s| format!("{s}/10")),
            DayField::Stress => day.stress.map(|s| format!("{s}/10")),
            DayField::Locations => list_labels(LOCATIONS, &day.locations),
            DayField::Character => list_labels(CHARACTERS, &day.character),
            DayField::Side => day.side.map(|s| label_of(SIDES, &s).to_owned()),
            DayField::Medication => yes_no(day.pain_medication),
            DayField::NormalActivities => yes_no(day.normal_activities),
            DayField::SleepHours => hours(day.sleep_hours),
            DayField::SleepDisturbed => yes_no(day.sleep_disturbed),
            DayField::SittingHours => hours(day.sitting_hours),
            DayField::HeatMinutes => minutes(day.heat_minutes),
            DayField::IceMinutes => minutes(day.ice_minutes),
            DayField::Notes => (!day.notes.is_empty()).then(|| day.notes.clone()),
        }
    }

    /// The text a typed field's editor starts with.
    pub fn edit_text(self, day: &DayEntry) -> String {
        let number = |v: Option<f64>| v.map(input::format_number).unwrap_or_default();
        let whole = |v: Option<u32>| v.map(|v| v.to_string()).unwrap_or_default();
        match self {
            DayField::MorningPain => score_text(day.morning_pain),
            DayField::WorstPain => score_text(day.worst_pain),
            DayField::Stress => score_text(day.stress),
            DayField::SleepHours => number(day.sleep_hours),
            DayField::SittingHours => number(day.sitting_hours),
            DayField::HeatMinutes => whole(day.heat_minutes),
            DayField::IceMinutes => whole(day.ice_minutes),
            DayField::Notes => day.notes.clone(),
            _ => String::new(),
        }
    }

    /// Puts typed text into the day.
    ///
    /// # Errors
    /// What is accepted, when the text is not; the day is then unchanged.
    pub fn apply_text(self, day: &mut DayEntry, text: &str) -> Result<(), String> {
        match self {
            // The editor shows hours with two decimals (7:20 is 7.333… and shows as 7.33):
            // entering the shown text unchanged keeps what was stored, no rounding drift.
            DayField::SleepHours | DayField::SittingHours
                if !text.trim().is_empty() && text.trim() == self.edit_text(day) => {}
            DayField::MorningPain => day.morning_pain = input::parse_score(text)?,
            DayField::WorstPain => day.worst_pain = input::parse_score(text)?,
            DayField::Stress => day.stress = input::parse_score(text)?,
            DayField::SleepHours => day.sleep_hours = input::parse_hours(text)?,
            DayField::SittingHours => day.sitting_hours = input::parse_hours(text)?,
            DayField::HeatMinutes => day.heat_minutes = input::parse_minutes(text)?,
            DayField::IceMinutes => day.ice_minutes = input::parse_minutes(text)?,
            DayField::Notes => text.trim_end().clone_into(&mut day.notes),
            _ => {}
        }
        Ok(())
    }

    /// Which options are ticked now.
    pub fn ticks(self, day: &DayEntry) -> Vec<bool> {
        match self {
            DayField::Locations => ticks_of(LOCATIONS, &day.locations),
            DayField::Character => ticks_of(CHARACTERS, &day.character),
            DayField::Side => tick_option(SIDES, day.side.as_ref()),
            DayField::Medication => yes_no_ticks(day.pain_medication),
            DayField::SleepDisturbed => yes_no_ticks(day.sleep_disturbed),
            DayField::NormalActivities => yes_no_ticks(day.normal_activities),
            _ => Vec::new(),
        }
    }

    /// Puts the picked options (indices into [`DayField::options`]) into the day.
    pub fn apply_choice(self, day: &mut DayEntry, chosen: &[usize]) {
        match self {
            DayField::Locations => day.locations = picked(LOCATIONS, chosen),
            DayField::Character => day.character = picked(CHARACTERS, chosen),
            DayField::Side => day.side = picked(SIDES, chosen).first().copied(),
            DayField::Medication => day.pain_medication = yes_no_from(chosen),
            DayField::SleepDisturbed => day.sleep_disturbed = yes_no_from(chosen),
            DayField::NormalActivities => day.normal_activities = yes_no_from(chosen),
            _ => {}
        }
    }

    /// Empties the field (Delete on the form).
    pub fn clear(self, day: &mut DayEntry) {
        let empty = DayEntry::new(day.date);
        match self {
            DayField::MorningPain => day.morning_pain = None,
            DayField::WorstPain => day.worst_pain = None,
            DayField::Stress => day.stress = None,
            DayField::Locations => day.locations = empty.locations,
            DayField::Character => day.character = empty.character,
            DayField::Side => day.side = None,
            DayField::Medication => day.pain_medication = None,
            DayField::NormalActivities => day.normal_activities = None,
            DayField::SleepHours => day.sleep_hours = None,
            DayField::SleepDisturbed => day.sleep_disturbed = None,
            DayField::SittingHours => day.sitting_hours = None,
            DayField::HeatMinutes => day.heat_minutes = None,
            DayField::IceMinutes => day.ice_minutes = None,
            DayField::Notes => day.notes = empty.notes,
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::journal::entry::Run;
    use chrono::NaiveDate;

    fn day() -> DayEntry {
        DayEntry::new(NaiveDate::from_ymd_opt(2026, 11, 22).unwrap())
    }

    #[test]
    fn every_day_field_has_options_matching_its_ticks() {
        let d = day();
        for f in DayField::ALL {
            match f.kind() {
                Kind::Choice | Kind::YesNo | Kind::Multi => {
                    assert_eq!(f.options().len(), f.ticks(&d).len(), "{f:?}");
                }
                _ => assert!(f.options().is_empty(), "{f:?}"),
            }
        }
        let run = Run::default();
        for f in RunField::ALL {
            assert_eq!(f.options().len(), f.ticks(&run).len(), "{f:?}");
        }
    }

    #[test]
    fn choices_round_trip() {
        let mut d = day();
        DayField::Locations.apply_choice(&mut d, &[0, 3]);
        assert_eq!(d.locations, vec![Location::LowerBack, Location::Thigh]);
        assert_eq!(
            DayField::Locations.display(&d).as_deref(),
            Some("lower back, thigh")
        );
        DayField::Side.apply_choice(&mut d, &[3]);
        assert_eq!(d.side, None);
        DayField::Side.apply_choice(&mut d, &[2]);
        assert_eq!(d.side, Some(Side::Both));
        DayField::NormalActivities.apply_choice(&mut d, &[1]);
        assert_eq!(d.normal_activities, Some(false));
        assert_eq!(
            DayField::NormalActivities.ticks(&d),
            vec![false, true, false]
        );
    }

    #[test]
    fn bad_text_leaves_the_day_unchanged() {
        let mut d = day();
        d.worst_pain = Score::new(4);
        let before = d.clone();
        assert!(DayField::WorstPain.apply_text(&mut d, "11").is_err());
        assert!(DayField::SleepHours.apply_text(&mut d, "25").is_err());
        assert_eq!(d, before);
    }
}
