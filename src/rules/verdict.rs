//! Levels of a rule and the verdict they add up to, with the words shown to people.

use serde::Serialize;
use std::fmt;

/// How much a fired rule matters, most serious first. `Info` never sets the verdict.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    Urgent,
    Doctor,
    Stop,
    Caution,
    Ok,
    Info,
}

impl Level {
    /// The lowercase name used in the JSON report (`"urgent"`, …).
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Urgent => "urgent",
            Self::Doctor => "doctor",
            Self::Stop => "stop",
            Self::Caution => "caution",
            Self::Ok => "ok",
            Self::Info => "info",
        }
    }

    /// 0 for the most serious level, 5 for `Info`: sorting by it puts the worst first.
    #[must_use]
    pub fn rank(self) -> u8 {
        match self {
            Self::Urgent => 0,
            Self::Doctor => 1,
            Self::Stop => 2,
            Self::Caution => 3,
            Self::Ok => 4,
            Self::Info => 5,
        }
    }

    /// The verdict this level sets on its own, if it can set one.
    #[must_use]
    pub fn verdict(self) -> Option<Verdict> {
        match self {
            Self::Urgent => Some(Verdict::Urgent),
            Self::Doctor => Some(Verdict::Doctor),
            Self::Stop => Some(Verdict::Stop),
            Self::Caution => Some(Verdict::Caution),
            Self::Ok => Some(Verdict::Ok),
            Self::Info => None,
        }
    }
}

impl fmt::Display for Level {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The one answer to "should I run today?": the highest level among the fired rules, or
/// `Unknown` when nothing above `info` fired.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Verdict {
    Urgent,
    Doctor,
    Stop,
    Caution,
    Ok,
    Unknown,
}

impl Verdict {
    /// The lowercase name used in the JSON report (`"caution"`, `"unknown"`, …).
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Urgent => "urgent",
            Self::Doctor => "doctor",
            Self::Stop => "stop",
            Self::Caution => "caution",
            Self::Ok => "ok",
            Self::Unknown => "unknown",
        }
    }

    /// The verdict as shown to people (design section 4).
    #[must_use]
    pub fn headline(self) -> &'static str {
        match self {
            Self::Urgent => "Get emergency care now",
            Self::Doctor => "See a doctor within days",
            Self::Stop => "Rest from running",
            Self::Caution => "Run with care",
            Self::Ok => "OK to run",
            Self::Unknown => "Log a few more days",
        }
    }

    /// One plain sentence on what the verdict means for today.
    #[must_use]
    pub fn meaning(self) -> &'static str {
        match self {
            // The instruction itself is in the `red-flag` rule's message and the banner.
            Self::Urgent => "You reported a sign that can mean an emergency: do not run.",
            Self::Doctor => {
                "You reported a sign that needs a doctor's check within days: rest from running \
                 until you have been seen."
            }
            Self::Stop => {
                "Your pain or your recent runs say running is making things worse: take a \
                 break from it and keep to gentle movement."
            }
            Self::Caution => {
                "Running may be fine, but something needs watching: keep runs short and easy, \
                 and read the reasons below."
            }
            Self::Ok => "Pain is low and steady: carry on running and build up gently.",
            Self::Unknown => {
                "Not enough recent entries for a verdict: record your worst pain on at least \
                 3 of the last 7 days, and answer the red-flag questions in Triage."
            }
        }
    }
}

impl fmt::Display for Verdict {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}
