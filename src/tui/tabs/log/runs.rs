//! The fields of a run: how each is shown, typed and picked; a run's one-line summary; the
//! shoes used before. Pure, no ratatui. Distances go through [`DistanceUnit`] only.

use super::form::{
    Kind, RunField, SURFACE_LABELS, SURFACES, YES_NO_UNSET, label_of, picked, score_text,
    tick_option, yes_no, yes_no_from, yes_no_ticks,
};
use super::input::{self, DistanceUnit};
use crate::journal::entry::Run;
use crate::journal::{DayEntry, Score};

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
            RunField::GaitChanged => YES_NO_UNSET,
            RunField::Surface => SURFACE_LABELS,
            _ => &[],
        }
    }

    /// The value as shown, or `None` when not recorded.
    pub fn display(self, run: &Run, unit: DistanceUnit) -> Option<String> {
        match self {
            RunField::Distance => Some(input::format_distance(run.distance_km, unit)),
            RunField::Duration => run.duration_s.map(input::format_duration),
            RunField::PainBefore => run.pain_before.map(|s| format!("{s}/10")),
            RunField::PainDuring => run.pain_during.map(|s| format!("{s}/10")),
            RunField::PainAfter => run.pain_after.map(|s| format!("{s}/10")),
            RunField::GaitChanged => yes_no(run.gait_changed),
            RunField::Surface => run.surface.map(|s| label_of(SURFACES, &s).to_owned()),
            RunField::Shoes => run.shoes.clone(),
            RunField::Notes => (!run.notes.is_empty()).then(|| run.notes.clone()),
        }
    }

    /// The text a typed field's editor starts with.
    pub fn edit_text(self, run: &Run, unit: DistanceUnit) -> String {
        match self {
            RunField::Distance if run.distance_km > 0.0 => {
                input::format_number(unit.from_km(run.distance_km))
            }
            RunField::Duration => run
                .duration_s
                .map(input::format_duration)
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
    pub fn apply_text(self, run: &mut Run, text: &str, unit: DistanceUnit) -> Result<(), String> {
        match self {
            RunField::Distance => {
                // Keep what was stored when the number shown is retyped unchanged (no rounding
                // drift from 2-decimal display).
                let km = input::parse_distance(text, unit)?;
                if text.trim() != self.edit_text(run, unit) {
                    run.distance_km = km;
                }
            }
            RunField::Duration => run.duration_s = input::parse_duration(text)?,
            RunField::PainBefore => run.pain_before = input::parse_score(text)?,
            RunField::PainDuring => run.pain_during = input::parse_score(text)?,
            RunField::PainAfter => run.pain_after = input::parse_score(text)?,
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
pub fn run_summary(run: &Run, unit: DistanceUnit) -> String {
    let mut parts = vec![input::format_distance(run.distance_km, unit)];
    if let Some(s) = run.duration_s {
        parts.push(input::format_duration(s));
    }
    if let Some(pace) = input::format_pace(run.distance_km, run.duration_s, unit) {
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
            run_summary(&run, DistanceUnit::Km),
            "6.4 km · 38:00 · 5:56 /km · pain 2/-/4 · trail"
        );
    }
}
