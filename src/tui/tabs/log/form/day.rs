//! The day's fields: how each stored value is shown, what a typed or picked value does to
//! the day, and clearing it.

use super::choices::{
    CHARACTERS, LOCATIONS, SIDES, label_of, list_labels, picked, score_text, tick_option, ticks_of,
    yes_no, yes_no_from, yes_no_ticks,
};
use super::{DayField, Shown};
use crate::journal::DayEntry;
use crate::values;

impl DayField {
    /// The value as shown, or `None` when not recorded.
    pub fn display(self, day: &DayEntry) -> Option<Shown> {
        let hours = |h: Option<f64>| h.map(|h| format!("{} h", values::format_number(h)));
        let minutes = |m: Option<u32>| m.map(|m| format!("{m} min"));
        let text = match self {
            DayField::MorningPain => return day.morning_pain.map(Shown::Score),
            DayField::WorstPain => return day.worst_pain.map(Shown::Score),
            DayField::Stress => return day.stress.map(Shown::Score),
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
        };
        text.map(Shown::Text)
    }

    /// The text a typed field's editor starts with.
    pub fn edit_text(self, day: &DayEntry) -> String {
        let number = |v: Option<f64>| v.map(values::format_number).unwrap_or_default();
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
            DayField::MorningPain => day.morning_pain = values::parse_score(text)?,
            DayField::WorstPain => day.worst_pain = values::parse_score(text)?,
            DayField::Stress => day.stress = values::parse_score(text)?,
            DayField::SleepHours => day.sleep_hours = values::parse_hours(text)?,
            DayField::SittingHours => day.sitting_hours = values::parse_hours(text)?,
            DayField::HeatMinutes => day.heat_minutes = values::parse_minutes(text)?,
            DayField::IceMinutes => day.ice_minutes = values::parse_minutes(text)?,
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

#[cfg(test)]
mod tests {
    use super::super::{Kind, RunField};
    use super::*;
    use crate::journal::Score;
    use crate::journal::entry::{Location, Run, Side};
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
            DayField::Locations.display(&d),
            Some(Shown::Text("lower back, thigh".into()))
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
