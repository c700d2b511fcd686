//! A run's fields: how each stored value is shown, what a typed or picked value does to the
//! run, and clearing it; a run's one-line summary; the shoes used before. Distances are shown
//! and typed in the runner's unit (the settings'), stored in kilometres.

use super::choices::{
    SURFACES, label_of, picked, score_text, tick_option, yes_no, yes_no_from, yes_no_ticks,
};
use super::{RunField, Shown};
use crate::journal::entry::Run;
use crate::journal::settings::Units;
use crate::journal::{DayEntry, Score};
use crate::values;

impl RunField {
    /// The value as shown, or `None` when not recorded.
    pub fn display(self, run: &Run, unit: Units) -> Option<Shown> {
        let text = match self {
            RunField::Distance => Some(values::format_distance(run.distance_km, unit)),
            RunField::Duration => run.duration_s.map(values::format_duration),
            RunField::PainBefore => return run.pain_before.map(Shown::Score),
            RunField::PainDuring => return run.pain_during.map(Shown::Score),
            RunField::PainAfter => return run.pain_after.map(Shown::Score),
            RunField::GaitChanged => yes_no(run.gait_changed),
            RunField::Surface => run.surface.map(|s| label_of(SURFACES, &s).to_owned()),
            RunField::Shoes => run.shoes.clone(),
            RunField::Notes => (!run.notes.is_empty()).then(|| run.notes.clone()),
        };
        text.map(Shown::Text)
    }

    /// The text a typed field's editor starts with.
    pub fn edit_text(self, run: &Run, unit: Units) -> String {
        match self {
            RunField::Distance if run.distance_km > 0.0 => {
                values::format_number(unit.from_km(run.distance_km))
            }
            RunField::Duration => run
                .duration_s
                .map(values::format_duration)
                .unwrap_or_default(),
            RunField::PainBefore => score_text(run.pain_before),
            RunField::PainDuring => score_text(run.pain_during),
            RunField::PainAfter => score_text(run.pain_after),
            RunField::Shoes => run.shoes.clone().unwrap_or_default(),
            RunField::Notes => run.notes.clone(),
            _ => String::new(),
        }
    }

    /// Puts typed text into the run.
    ///
    /// # Errors
    /// What is accepted, when the text is not; the run is then unchanged.
    pub fn apply_text(self, run: &mut Run, text: &str, unit: Units) -> Result<(), String> {
        match self {
            RunField::Distance => {
                // Keep what was stored when the number shown is retyped unchanged (no rounding
                // drift from 2-decimal display).
                let km = values::parse_distance(text, unit)?;
                if text.trim() != self.edit_text(run, unit) {
                    run.distance_km = km;
                }
            }
            RunField::Duration => run.duration_s = values::parse_duration(text)?,
            RunField::PainBefore => run.pain_before = values::parse_score(text)?,
            RunField::PainDuring => run.pain_during = values::parse_score(text)?,
            RunField::PainAfter => run.pain_after = values::parse_score(text)?,
            RunField::Shoes => {
                let name = text.trim();
                run.shoes = (!name.is_empty()).then(|| name.to_owned());
            }
            RunField::Notes => text.trim_end().clone_into(&mut run.notes),
            _ => {}
        }
        Ok(())
    }

    pub fn ticks(self, run: &Run) -> Vec<bool> {
        match self {
            RunField::GaitChanged => yes_no_ticks(run.gait_changed),
            RunField::Surface => tick_option(SURFACES, run.surface.as_ref()),
            _ => Vec::new(),
        }
    }

    pub fn apply_choice(self, run: &mut Run, chosen: &[usize]) {
        match self {
            RunField::GaitChanged => run.gait_changed = yes_no_from(chosen),
            RunField::Surface => run.surface = picked(SURFACES, chosen).first().copied(),
            _ => {}
        }
    }

    /// Empties the field. A run always has a distance, so that one stays.
    pub fn clear(self, run: &mut Run) {
        match self {
            RunField::Distance => {}
            RunField::Duration => run.duration_s = None,
            RunField::PainBefore => run.pain_before = None,
            RunField::PainDuring => run.pain_during = None,
            RunField::PainAfter => run.pain_after = None,
            RunField::GaitChanged => run.gait_changed = None,
            RunField::Surface => run.surface = None,
            RunField::Shoes => run.shoes = None,
            RunField::Notes => run.notes.clear(),
        }
    }
}

/// A one-line summary of a run: `6.4 km · 38:00 · 5:56 /km · pain 2/3/4 · trail`.
pub fn run_summary(run: &Run, unit: Units) -> String {
    let mut parts = vec![values::format_distance(run.distance_km, unit)];
    if let Some(s) = run.duration_s {
        parts.push(values::format_duration(s));
    }
    if let Some(pace) = values::format_pace(run.distance_km, run.duration_s, unit) {
        parts.push(pace);
    }
    let pains = [run.pain_before, run.pain_during, run.pain_after];
    if pains.iter().any(Option::is_some) {
        let show = |p: Option<Score>| p.map_or("-".to_owned(), |s| s.to_string());
        parts.push(format!(
            "pain {}/{}/{}",
            show(pains[0]),
            show(pains[1]),
            show(pains[2])
        ));
    }
    if run.gait_changed == Some(true) {
        parts.push("GAIT CHANGED".into());
    }
    if let Some(surface) = run.surface {
        parts.push(label_of(SURFACES, &surface).to_owned());
    }
    if let Some(shoes) = &run.shoes {
        parts.push(shoes.clone());
    }
    parts.join(" · ")
}

/// The distinct shoes of the journal's runs, most recently used first.
pub fn known_shoes<'a>(days: impl DoubleEndedIterator<Item = &'a DayEntry>) -> Vec<String> {
    let mut shoes: Vec<String> = Vec::new();
    for day in days.rev() {
        for run in day.runs.iter().rev() {
            if let Some(name) = &run.shoes
                && !shoes.contains(name)
            {
                shoes.push(name.clone());
            }
        }
    }
    shoes
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::journal::entry::Surface;
    use chrono::NaiveDate;

    fn day() -> DayEntry {
        DayEntry::new(NaiveDate::from_ymd_opt(2026, 11, 22).unwrap())
    }

    #[test]
    fn shoes_are_distinct_and_recent_first() {
        let mut a = day();
        a.date = NaiveDate::from_ymd_opt(2026, 11, 1).unwrap();
        let run = |s: &str| Run {
            distance_km: 5.0,
            shoes: Some(s.into()),
            ..Run::default()
        };
        a.runs = vec![run("Old"), run("Pegasus")];
        let mut b = day();
        b.runs = vec![run("Kinvara")];
        let days = [a, b];
        assert_eq!(known_shoes(days.iter()), vec!["Kinvara", "Pegasus", "Old"]);
    }

    #[test]
    fn summary_shows_pace_and_pains() {
        let run = Run {
            distance_km: 6.4,
            duration_s: Some(2280),
            pain_before: Score::new(2),
            pain_after: Score::new(4),
            surface: Some(Surface::Trail),
            ..Run::default()
        };
        assert_eq!(
            run_summary(&run, Units::Km),
            "6.4 km · 38:00 · 5:56 /km · pain 2/-/4 · trail"
        );
    }
}
