//! Routine definitions: the types of `routines.ron` (built-in and the user's own), how they are
//! read, and the rules a routine must follow.
//!
//! Value rules (a step lasts at least a second, a count is at least one, names are not blank)
//! are checked while parsing, so a mistake in a hand-written file is reported with its
//! `line:col`. [`Routine::validate`] checks the same rules again for routines built in code;
//! the rules about a whole list (unique ids) are in [`super::file`].

use serde::{Deserialize, Deserializer, Serialize};

/// The longest a single timed value (a hold, a rest, one side) may last: one hour.
pub const MAX_SECONDS: u32 = 60 * 60;
/// The most repetitions one step may ask for.
pub const MAX_REPS: u32 = 500;
/// The slowest pace a paced repetition may have.
pub const MAX_SECONDS_PER_REP: u32 = 60;

/// A guided routine: an ordered list of steps, with where its facts come from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Routine {
    /// Short stable name stored in the journal (`runner-strength`): letters, digits, `-`, `_`.
    #[serde(deserialize_with = "de_id")]
    pub id: String,
    /// The title shown in the picker.
    #[serde(deserialize_with = "de_text")]
    pub name: String,
    /// One line on what the routine is for.
    #[serde(default)]
    pub purpose: String,
    /// Ids of the sources table (`stridelog sources`) the routine draws on.
    #[serde(default)]
    pub sources: Vec<String>,
    /// Which part comes from which source, and what is our own choice.
    #[serde(default)]
    pub source: String,
    #[serde(deserialize_with = "de_steps")]
    pub steps: Vec<Step>,
}

/// One exercise (or a rest) of a routine.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Step {
    /// What to do, as shown in large type (`Side plank`).
    #[serde(deserialize_with = "de_text")]
    pub exercise: String,
    pub kind: StepKind,
    /// How to do it, one short instruction each.
    #[serde(default)]
    pub cues: Vec<String>,
    /// What to avoid while doing it.
    #[serde(default)]
    pub mistakes: Vec<String>,
}

/// How a step is timed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub enum StepKind {
    /// Hold a position for `seconds`; with `per_side`, once on the left then on the right.
    Hold {
        #[serde(deserialize_with = "de_seconds")]
        seconds: u32,
        #[serde(default)]
        per_side: bool,
    },
    /// `count` repetitions (per side with `per_side`). With `seconds_per_rep` the timer paces
    /// them; without it the runner taps a key after each one.
    Reps {
        #[serde(deserialize_with = "de_count")]
        count: u32,
        #[serde(default)]
        per_side: bool,
        #[serde(default, deserialize_with = "de_pace")]
        seconds_per_rep: Option<u32>,
    },
    /// A planned rest inside the routine (no extra get-ready or rest around it).
    Rest {
        #[serde(deserialize_with = "de_seconds")]
        seconds: u32,
    },
}

impl StepKind {
    /// True when the step is done once on each side (left, then right).
    pub fn per_side(self) -> bool {
        match self {
            StepKind::Hold { per_side, .. } | StepKind::Reps { per_side, .. } => per_side,
            StepKind::Rest { .. } => false,
        }
    }

    /// How many sides the step has: 2 when per side, else 1.
    pub fn sides(self) -> u32 {
        if self.per_side() { 2 } else { 1 }
    }

    /// The length of one side in seconds, or `None` for reps the runner taps (no fixed length).
    pub fn side_seconds(self) -> Option<u32> {
        match self {
            StepKind::Hold { seconds, .. } | StepKind::Rest { seconds } => Some(seconds),
            StepKind::Reps {
                count,
                seconds_per_rep,
                ..
            } => seconds_per_rep.map(|pace| pace * count),
        }
    }

    /// True for reps counted by taps rather than by the clock.
    pub fn is_tapped(self) -> bool {
        matches!(
            self,
            StepKind::Reps {
                seconds_per_rep: None,
                ..
            }
        )
    }

    /// True for a planned rest step.
    pub fn is_rest(self) -> bool {
        matches!(self, StepKind::Rest { .. })
    }

    /// Checks the numbers. Returns the field and the problem.
    pub fn check(self) -> Result<(), (&'static str, String)> {
        match self {
            StepKind::Hold { seconds, .. } | StepKind::Rest { seconds } => {
                check_seconds(seconds).map_err(|m| ("seconds", m))
            }
            StepKind::Reps {
                count,
                seconds_per_rep,
                ..
            } => {
                check_count(count).map_err(|m| ("count", m))?;
                match seconds_per_rep {
                    Some(pace) => check_pace(pace).map_err(|m| ("seconds_per_rep", m)),
                    None => Ok(()),
                }
            }
        }
    }
}

impl Routine {
    /// Where it comes from, as shown on screen: the sources' short forms, then the note
    /// (`"Movaia; stridelog: the rests between steps are ours"`). Empty when neither is given.
    pub fn source_text(&self) -> String {
        let ids: Vec<&str> = self.sources.iter().map(String::as_str).collect();
        let short = crate::sources::short_list(&ids);
        match (short.is_empty(), self.source.is_empty()) {
            (true, _) => self.source.clone(),
            (false, true) => short,
            (false, false) => format!("{short}: {}", self.source),
        }
    }

    /// The number of steps (a step done on both sides counts once).
    pub fn step_count(&self) -> usize {
        self.steps.len()
    }

    /// True when some step is timed by taps, so any planned length is an estimate.
    pub fn has_tapped_steps(&self) -> bool {
        self.steps.iter().any(|s| s.kind.is_tapped())
    }

    /// Checks every rule of one routine. The error is `field: message`, with the field
    /// relative to the routine (`steps[2].kind.seconds`).
    pub fn validate(&self) -> Result<(), String> {
        check_id(&self.id).map_err(|m| format!("id: {m}"))?;
        check_text(&self.name).map_err(|m| format!("name: {m}"))?;
        if self.steps.is_empty() {
            return Err(format!("steps: {NO_STEPS}"));
        }
        for (i, step) in self.steps.iter().enumerate() {
            check_text(&step.exercise).map_err(|m| format!("steps[{i}].exercise: {m}"))?;
            step.kind
                .check()
                .map_err(|(field, m)| format!("steps[{i}].kind.{field}: {m}"))?;
        }
        Ok(())
    }
}

const NO_STEPS: &str = "a routine needs at least one step";

fn check_seconds(seconds: u32) -> Result<(), String> {
    if seconds == 0 {
        Err("must be at least 1 second, found 0".into())
    } else if seconds > MAX_SECONDS {
        Err(format!(
            "must be at most {MAX_SECONDS} seconds (one hour), found {seconds}"
        ))
    } else {
        Ok(())
    }
}

fn check_count(count: u32) -> Result<(), String> {
    if count == 0 {
        Err("must be at least 1 repetition, found 0".into())
    } else if count > MAX_REPS {
        Err(format!(
            "must be at most {MAX_REPS} repetitions, found {count}"
        ))
    } else {
        Ok(())
    }
}

fn check_pace(pace: u32) -> Result<(), String> {
    if pace == 0 {
        Err("must be at least 1 second per repetition, found 0 (leave it out to tap each repetition instead)".into())
    } else if pace > MAX_SECONDS_PER_REP {
        Err(format!(
            "must be at most {MAX_SECONDS_PER_REP} seconds per repetition, found {pace}"
        ))
    } else {
        Ok(())
    }
}

fn check_text(text: &str) -> Result<(), String> {
    if text.trim().is_empty() {
        Err("must not be blank".into())
    } else {
        Ok(())
    }
}

fn check_id(id: &str) -> Result<(), String> {
    if id.is_empty() {
        Err("must not be blank".into())
    } else if let Some(c) = id
        .chars()
        .find(|c| !(c.is_ascii_alphanumeric() || *c == '-' || *c == '_'))
    {
        Err(format!(
            "may only hold letters, digits, '-' and '_', found {c:?} in \"{id}\""
        ))
    } else {
        Ok(())
    }
}

fn checked<'de, D, T>(deserializer: D, check: fn(&T) -> Result<(), String>) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    let value = T::deserialize(deserializer)?;
    check(&value).map_err(serde::de::Error::custom)?;
    Ok(value)
}

fn de_seconds<'de, D: Deserializer<'de>>(d: D) -> Result<u32, D::Error> {
    checked(d, |s: &u32| check_seconds(*s))
}

fn de_count<'de, D: Deserializer<'de>>(d: D) -> Result<u32, D::Error> {
    checked(d, |c: &u32| check_count(*c))
}

fn de_pace<'de, D: Deserializer<'de>>(d: D) -> Result<Option<u32>, D::Error> {
    checked(d, |p: &Option<u32>| p.map_or(Ok(()), check_pace))
}

fn de_text<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    checked(d, |t: &String| check_text(t))
}

fn de_id<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    checked(d, |t: &String| check_id(t))
}

fn de_steps<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<Step>, D::Error> {
    checked(d, |s: &Vec<Step>| {
        if s.is_empty() {
            Err(NO_STEPS.into())
        } else {
            Ok(())
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(text: &str) -> Result<Vec<Routine>, String> {
        crate::routine::file::parse_routines(text, &[])
    }

    #[test]
    fn zero_second_hold_is_refused_with_its_position() {
        let err = one("[(id: \"a\", name: \"A\", steps: [\n  (exercise: \"Plank\", kind: Hold(seconds: 0))])]")
            .unwrap_err();
        assert!(err.starts_with("2:"), "{err}");
        assert!(err.contains("seconds"), "{err}");
        assert!(err.contains("at least 1 second"), "{err}");
    }

    #[test]
    fn unknown_field_inside_a_step_kind_is_named() {
        let err =
            one("[(id: \"a\", name: \"A\", steps: [(exercise: \"P\", kind: Hold(secs: 30))])]")
                .unwrap_err();
        assert!(err.contains("secs"), "{err}");
    }

    #[test]
    fn pace_may_be_written_bare_or_left_out() {
        let r = one("[(id: \"a\", name: \"A\", steps: [\
            (exercise: \"P\", kind: Reps(count: 6, seconds_per_rep: 4)),\
            (exercise: \"Q\", kind: Reps(count: 6, per_side: true))])]")
        .unwrap();
        assert_eq!(
            r[0].steps[0].kind,
            StepKind::Reps {
                count: 6,
                per_side: false,
                seconds_per_rep: Some(4)
            }
        );
        assert!(r[0].steps[1].kind.is_tapped());
        assert_eq!(r[0].steps[1].kind.sides(), 2);
    }
}
