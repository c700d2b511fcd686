//! The triage checklist: red-flag questions, the slump self-test, pain-character questions, and
//! what the answers point to. Pure: no terminal, no clock, no disk. The words live in
//! [`words`].
//!
//! # How the answers are classified
//!
//! [`classify`] looks only at the slump test and the pain-character answers ([`Sign`]); red
//! flags are kept apart because they outrank everything else. A "yes" counts; "no", "skip" and
//! an unanswered question do not.
//!
//! | kind of pain      | suggested when                                                  |
//! |-------------------|-----------------------------------------------------------------|
//! | `Referred`        | [`Sign::DullAche`] and [`Sign::StaysInBack`]                    |
//! | `Radicular`       | two of [`Sign::SharpOrBurning`], [`Sign::DownTheLeg`], a positive slump test |
//! | `Radiculopathy`   | any of [`Sign::NumbOrPins`], [`Sign::Weakness`], [`Sign::ReflexChange`] (one sign of a nerve not working is enough to need an assessment) |
//! | `Tendon`          | [`Sign::SitBone`] and [`Sign::WarmsUp`]                         |
//! | `Unsure`          | none of the above, but at least one pain question or the slump test was answered yes or no |
//!
//! Several kinds can be suggested at once (Runner's World UK; Bogduk 2009). When nothing was answered
//! (everything skipped or untouched) the classification is empty: no answers, no claim.

pub mod words;

use crate::journal::Journal;
use crate::journal::entry::{FlagTier, PainType, RedFlag, Slump, Triage};
use chrono::{Days, NaiveDate};
use std::collections::BTreeMap;
use std::fmt;

/// The red flags in the order they are asked and saved: the emergency tier first, then the
/// signs that need a doctor within days. Version 1's `FeverOrWeightLoss` is read but no longer
/// asked (it is split into `Fever` and `WeightLoss`).
pub const RED_FLAG_ORDER: [RedFlag; 12] = [
    RedFlag::BladderOrBowel,
    RedFlag::SaddleNumbness,
    RedFlag::BothLegs,
    RedFlag::ProgressiveWeakness,
    RedFlag::FootDrop,
    RedFlag::SexualDysfunction,
    RedFlag::Fever,
    RedFlag::MajorTrauma,
    RedFlag::WeightLoss,
    RedFlag::CancerHistory,
    RedFlag::ImmuneSuppressed,
    RedFlag::NightPain,
];

/// How far back the history of triages goes.
pub const HISTORY_DAYS: u64 = 56;

/// One pain-character question: a sign that points to a kind of pain.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Sign {
    /// A dull, deep ache, hard to pin down.
    DullAche,
    /// The ache stays in the back or buttock, above the knee.
    StaysInBack,
    /// Sharp, burning or shooting pain.
    SharpOrBurning,
    /// Pain travels down the leg, often below the knee.
    DownTheLeg,
    /// Numbness or pins and needles in the leg or foot.
    NumbOrPins,
    /// The leg or foot is weaker than it was (not getting worse: that is a red flag).
    Weakness,
    /// A clinician found a changed reflex.
    ReflexChange,
    /// Deep buttock pain at the sitting bone.
    SitBone,
    /// Eases as a run warms up, sore afterwards.
    WarmsUp,
}

impl Sign {
    /// Every sign, in the order asked.
    pub const ALL: [Sign; 9] = [
        Sign::DullAche,
        Sign::StaysInBack,
        Sign::SharpOrBurning,
        Sign::DownTheLeg,
        Sign::NumbOrPins,
        Sign::Weakness,
        Sign::ReflexChange,
        Sign::SitBone,
        Sign::WarmsUp,
    ];

    /// The kind of pain this sign points to.
    pub fn points_to(self) -> PainType {
        match self {
            Sign::DullAche | Sign::StaysInBack => PainType::Referred,
            Sign::SharpOrBurning | Sign::DownTheLeg => PainType::Radicular,
            Sign::NumbOrPins | Sign::Weakness | Sign::ReflexChange => PainType::Radiculopathy,
            Sign::SitBone | Sign::WarmsUp => PainType::Tendon,
        }
    }
}

/// An answer to a question that may be skipped.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reply {
    Yes,
    No,
    Skip,
}

/// Everything answered so far in one triage.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Answers {
    /// Red flags answered: `true` for yes. They cannot be skipped.
    pub red_flags: BTreeMap<RedFlag, bool>,
    /// The slump test: yes = it brought on pain down the leg.
    pub slump: Option<Reply>,
    pub signs: BTreeMap<Sign, Reply>,
}

impl Answers {
    /// The answer to a red-flag question, if given.
    pub fn red_flag(&self, flag: RedFlag) -> Option<bool> {
        self.red_flags.get(&flag).copied()
    }

    /// The answer to a pain-character question, if given.
    pub fn sign(&self, sign: Sign) -> Option<Reply> {
        self.signs.get(&sign).copied()
    }

    /// True when the sign was answered yes.
    pub fn has(&self, sign: Sign) -> bool {
        self.sign(sign) == Some(Reply::Yes)
    }

    /// Sets a red-flag answer (builder style, for tests and fixtures).
    #[must_use]
    pub fn with_red_flag(mut self, flag: RedFlag, yes: bool) -> Self {
        self.red_flags.insert(flag, yes);
        self
    }

    /// Sets a pain-character answer (builder style).
    #[must_use]
    pub fn with_sign(mut self, sign: Sign, reply: Reply) -> Self {
        self.signs.insert(sign, reply);
        self
    }

    /// Sets the slump answer (builder style).
    #[must_use]
    pub fn with_slump(mut self, reply: Reply) -> Self {
        self.slump = Some(reply);
        self
    }

    /// Every red-flag question answered no (builder style).
    #[must_use]
    pub fn no_red_flags(mut self) -> Self {
        for flag in RED_FLAG_ORDER {
            self.red_flags.insert(flag, false);
        }
        self
    }

    /// The red flags answered yes, in the order asked.
    pub fn red_flags_present(&self) -> Vec<RedFlag> {
        RED_FLAG_ORDER
            .into_iter()
            .filter(|f| self.red_flag(*f) == Some(true))
            .collect()
    }

    /// The red-flag questions not answered yet, in the order asked.
    pub fn red_flags_unanswered(&self) -> Vec<RedFlag> {
        RED_FLAG_ORDER
            .into_iter()
            .filter(|f| self.red_flag(*f).is_none())
            .collect()
    }

    /// True when any answer at all has been given.
    pub fn is_empty(&self) -> bool {
        self.red_flags.is_empty() && self.slump.is_none() && self.signs.is_empty()
    }

    /// The slump result as saved: yes is positive, no is negative, skip is nothing.
    pub fn slump_result(&self) -> Option<Slump> {
        match self.slump {
            Some(Reply::Yes) => Some(Slump::Positive),
            Some(Reply::No) => Some(Slump::Negative),
            Some(Reply::Skip) | None => None,
        }
    }

    /// True when every red-flag question has a yes or a no: only then may a triage be saved
    /// as complete (saving with a question missing could clear an earlier warning).
    pub fn red_flags_complete(&self) -> bool {
        self.red_flags_unanswered().is_empty()
    }
}

/// What the answers point to; see the module documentation for the table.
pub fn classify(answers: &Answers) -> Vec<PainType> {
    let slump_positive = answers.slump == Some(Reply::Yes);
    let radicular_signs = [
        answers.has(Sign::SharpOrBurning),
        answers.has(Sign::DownTheLeg),
        slump_positive,
    ]
    .into_iter()
    .filter(|yes| *yes)
    .count();
    let mut found = Vec::new();
    if answers.has(Sign::DullAche) && answers.has(Sign::StaysInBack) {
        found.push(PainType::Referred);
    }
    if radicular_signs >= 2 {
        found.push(PainType::Radicular);
    }
    if answers.has(Sign::NumbOrPins)
        || answers.has(Sign::Weakness)
        || answers.has(Sign::ReflexChange)
    {
        found.push(PainType::Radiculopathy);
    }
    if answers.has(Sign::SitBone) && answers.has(Sign::WarmsUp) {
        found.push(PainType::Tendon);
    }
    let answered = answers
        .signs
        .values()
        .chain(answers.slump.iter())
        .any(|r| matches!(r, Reply::Yes | Reply::No));
    if found.is_empty() && answered {
        found.push(PainType::Unsure);
    }
    found
}

/// The triage to save: the red flags answered yes, the slump result and the classification.
pub fn to_triage(answers: &Answers) -> Triage {
    Triage {
        red_flags: answers.red_flags_present(),
        slump: answers.slump_result(),
        classification: classify(answers),
    }
}

/// The latest triage dated in the `days` days ending on `today` (inclusive), with its date.
pub fn latest_triage(
    journal: &Journal,
    today: NaiveDate,
    days: u64,
) -> Option<(NaiveDate, &Triage)> {
    let from = today - Days::new(days.saturating_sub(1));
    journal
        .range(from, today)
        .rev()
        .find_map(|day| day.triage.as_ref().map(|t| (day.date, t)))
}

/// The latest triage on or before `today`, however old, with its date.
pub fn latest_triage_any_age(journal: &Journal, today: NaiveDate) -> Option<(NaiveDate, &Triage)> {
    journal
        .days
        .range(..=today)
        .rev()
        .find_map(|(date, day)| day.triage.as_ref().map(|t| (*date, t)))
}

/// The red flags that stand now: those of the latest triage, however old, if it has any. They
/// stand until a newer triage answers no (design section 4, `red-flag` and `serious-signs`).
pub fn current_red_flags(journal: &Journal, today: NaiveDate) -> Option<(NaiveDate, &[RedFlag])> {
    latest_triage_any_age(journal, today)
        .filter(|(_, t)| !t.red_flags.is_empty())
        .map(|(date, t)| (date, t.red_flags.as_slice()))
}

/// The most pressing tier among `flags` (emergency before doctor), if any.
pub fn highest_tier(flags: &[RedFlag]) -> Option<FlagTier> {
    flags.iter().map(|f| f.tier()).min()
}

/// One difference between a triage and the one before it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Change {
    NewRedFlag(RedFlag),
    RedFlagGone(RedFlag),
    Slump {
        from: Option<Slump>,
        to: Option<Slump>,
    },
    NewType(PainType),
    TypeGone(PainType),
}

fn slump_word(slump: Option<Slump>) -> &'static str {
    match slump {
        Some(Slump::Positive) => words::SLUMP_WORD_POSITIVE,
        Some(Slump::Negative) => words::SLUMP_WORD_NEGATIVE,
        None => words::SLUMP_WORD_NONE,
    }
}

impl fmt::Display for Change {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            Change::NewRedFlag(flag) => {
                write!(
                    f,
                    "{}{}",
                    words::CHANGE_NEW_FLAG,
                    words::red_flag_label(flag)
                )
            }
            Change::RedFlagGone(flag) => {
                write!(
                    f,
                    "{}{}",
                    words::CHANGE_FLAG_GONE,
                    words::red_flag_label(flag)
                )
            }
            Change::Slump { from, to } => write!(
                f,
                "{}{}{}{}",
                words::CHANGE_SLUMP,
                slump_word(from),
                words::CHANGE_ARROW,
                slump_word(to)
            ),
            Change::NewType(p) => write!(f, "{}{}", words::CHANGE_NEW, words::pain_type_short(p)),
            Change::TypeGone(p) => {
                write!(f, "{}{}", words::CHANGE_GONE, words::pain_type_short(p))
            }
        }
    }
}

/// What changed from `before` to `after`: red flags first, then the slump test, then the kinds
/// of pain.
pub fn changes(before: &Triage, after: &Triage) -> Vec<Change> {
    let mut out = Vec::new();
    for flag in RED_FLAG_ORDER {
        match (
            before.red_flags.contains(&flag),
            after.red_flags.contains(&flag),
        ) {
            (false, true) => out.push(Change::NewRedFlag(flag)),
            (true, false) => out.push(Change::RedFlagGone(flag)),
            _ => {}
        }
    }
    if before.slump != after.slump {
        out.push(Change::Slump {
            from: before.slump,
            to: after.slump,
        });
    }
    for p in &after.classification {
        if !before.classification.contains(p) {
            out.push(Change::NewType(*p));
        }
    }
    for p in &before.classification {
        if !after.classification.contains(p) {
            out.push(Change::TypeGone(*p));
        }
    }
    out
}

/// One saved triage in the history, with what changed since the one before it (`None` when
/// there was no earlier triage at all).
#[derive(Debug, Clone, PartialEq)]
pub struct HistoryEntry {
    pub date: NaiveDate,
    pub triage: Triage,
    pub changes: Option<Vec<Change>>,
}

/// The triages dated in the `days` days ending on `today`, newest first. Each is compared with
/// the triage before it, even when that one is older than the window.
pub fn history(journal: &Journal, today: NaiveDate, days: u64) -> Vec<HistoryEntry> {
    let from = today - Days::new(days.saturating_sub(1));
    let mut previous: Option<&Triage> = None;
    let mut out = Vec::new();
    for day in journal.days.range(..=today).map(|(_, d)| d) {
        let Some(triage) = &day.triage else { continue };
        if day.date >= from {
            out.push(HistoryEntry {
                date: day.date,
                triage: triage.clone(),
                changes: previous.map(|before| changes(before, triage)),
            });
        }
        previous = Some(triage);
    }
    out.reverse();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_follow_the_order_asked() {
        for (i, text) in words::RED_FLAGS.iter().enumerate() {
            assert_eq!(text.flag, RED_FLAG_ORDER[i]);
        }
        for (i, text) in words::SIGNS.iter().enumerate() {
            assert_eq!(text.sign, Sign::ALL[i]);
        }
        for p in [
            PainType::Referred,
            PainType::Radicular,
            PainType::Radiculopathy,
            PainType::Tendon,
            PainType::Unsure,
        ] {
            assert_eq!(words::pain_type(p).pain, p);
            assert!(!words::pain_type(p).sources.is_empty());
        }
    }

    #[test]
    fn each_sign_points_to_a_type_the_classifier_can_reach() {
        for sign in Sign::ALL {
            let reached = classify(&Answers::default().with_sign(sign, Reply::Yes));
            // Alone, a radiculopathy sign is enough; the others need a partner.
            if sign.points_to() == PainType::Radiculopathy {
                assert_eq!(reached, vec![PainType::Radiculopathy], "{sign:?}");
            } else {
                assert_eq!(reached, vec![PainType::Unsure], "{sign:?}");
            }
        }
    }
}
