//! Every word the triage checklist shows, and where each fact comes from, in one place so it
//! can be reviewed by a clinician and translated without reading the logic.
//!
//! The facts come from the sources table ([`crate::sources`], design section 9); the sentences
//! are our own. Sources are named by id. Keep each question to one idea, in plain
//! words, and answerable with yes or no. The screen's own phrases are at the end.

use super::Sign;
use crate::advice::{DOCTOR_ACTION, RED_FLAG_STAYS, URGENT_ACTION};
use crate::journal::entry::{FlagTier, PainType, RedFlag};

/// Shown on every part of the checklist.
pub const NOT_A_DIAGNOSIS: &str = "Information to help you decide, not a diagnosis.";

// ---------------------------------------------------------------------------------------------
// Red flags
// ---------------------------------------------------------------------------------------------

/// One red-flag question.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RedFlagText {
    pub flag: RedFlag,
    /// The yes/no question.
    pub question: &'static str,
    /// An example or a clarification, shown under the selected question.
    pub hint: &'static str,
    /// A few words for the banner and the history ("foot drop").
    pub label: &'static str,
}

pub const RED_FLAG_TITLE: &str = "Red flags";
pub const RED_FLAG_SHORT: &str = "Flags";
pub const RED_FLAG_INTRO: &str = "Warning signs first. Each needs a yes or a no. The first \
eight can mean an emergency; the last four mean a doctor should see you within days.";
/// The heading over each tier's questions.
pub const TIER_EMERGENCY_HEADING: &str = "Emergency signs: a yes means emergency care now";
pub const TIER_DOCTOR_HEADING: &str = "Serious signs: a yes means a doctor within days";

/// The questions, in the order they are asked (and saved): emergency tier, then doctor tier.
pub const RED_FLAGS: [RedFlagText; 12] = [
    RedFlagText {
        flag: RedFlag::BladderOrBowel,
        question: "Has your bladder or bowel control changed or gone, including trouble \
                   starting to pass urine?",
        hint: "For example leaking, not being able to go, or not feeling that you need to.",
        label: "bladder or bowel change",
    },
    RedFlagText {
        flag: RedFlag::SaddleNumbness,
        question: "Is there numbness or odd feeling around your genitals, anus or inner thighs \
                   (the saddle area)?",
        hint: "The skin that would touch a bike saddle; wiping after the toilet may feel \
               different.",
        label: "saddle-area numbness",
    },
    RedFlagText {
        flag: RedFlag::BothLegs,
        question: "Do you have pain, numbness or weakness in both legs?",
        hint: "Sciatica usually affects one leg; both at once is a warning sign.",
        label: "symptoms in both legs",
    },
    RedFlagText {
        flag: RedFlag::ProgressiveWeakness,
        question: "Is weakness in a leg getting worse, day by day or hour by hour?",
        hint: "Weakness that is not changing is asked about later, with the pain questions.",
        label: "leg weakness getting worse",
    },
    RedFlagText {
        flag: RedFlag::FootDrop,
        question: "Does a foot drop, drag or slap on the ground when you walk?",
        hint: "For example catching your toes, or not being able to lift the front of the foot.",
        label: "foot drop",
    },
    RedFlagText {
        flag: RedFlag::SexualDysfunction,
        question: "Have you noticed a new problem with sexual function?",
        hint: "For example less feeling, or erection or arousal problems that are new.",
        label: "new sexual problems",
    },
    RedFlagText {
        flag: RedFlag::Fever,
        question: "Along with the back pain, do you have a fever or feel hot, shivery and \
                   unwell?",
        hint: "A raised temperature with back pain can mean an infection near the spine.",
        label: "fever with back pain",
    },
    RedFlagText {
        flag: RedFlag::MajorTrauma,
        question: "Did the pain start after a major fall, crash or other accident?",
        hint: "A fall from a height or down stairs, a road accident, a heavy blow to the back.",
        label: "after a major fall or accident",
    },
    RedFlagText {
        flag: RedFlag::WeightLoss,
        question: "Have you lost weight recently without trying?",
        hint: "Clothes getting loose or the scales going down when you have not changed how \
               you eat or train.",
        label: "weight loss without trying",
    },
    RedFlagText {
        flag: RedFlag::CancerHistory,
        question: "Have you ever had cancer?",
        hint: "Any cancer in the past, even if it was treated long ago.",
        label: "history of cancer",
    },
    RedFlagText {
        flag: RedFlag::ImmuneSuppressed,
        question: "Is your immune system weakened, do you take steroids long term, or do you \
                   inject drugs?",
        hint: "For example HIV, chemotherapy, medicines after a transplant, or steroid tablets \
               for months.",
        label: "weakened immune system, long-term steroids or injected drugs",
    },
    RedFlagText {
        flag: RedFlag::NightPain,
        question: "Is there pain at night that does not ease when you rest or change position?",
        hint: "Pain that wakes you and stays however you lie, not just stiffness on turning.",
        label: "night pain that rest does not ease",
    },
];

/// How many red-flag questions are asked.
pub const RED_FLAG_COUNT: usize = RED_FLAGS.len();

/// The heading of a red-flag tier ("EMERGENCY" / "SEE A DOCTOR").
pub fn tier_word(tier: FlagTier) -> &'static str {
    match tier {
        FlagTier::Emergency => "EMERGENCY RED FLAG",
        FlagTier::Doctor => "SEE A DOCTOR",
    }
}

/// What to do now for a tier: the one sentence of [`crate::advice`].
pub fn tier_action(tier: FlagTier) -> &'static str {
    match tier {
        FlagTier::Emergency => URGENT_ACTION,
        FlagTier::Doctor => DOCTOR_ACTION,
    }
}

/// Said when an answer was saved at once so the warning shows everywhere.
pub const RED_FLAG_SAVED_AT_ONCE: &str =
    "Red flag saved at once: the warning now shows on every tab.";
/// Shown when every red-flag question is answered and all are no.
pub const RED_FLAGS_CLEAR: &str = "No red flags.";
/// All answered no while an earlier saved red flag still shows.
pub const RED_FLAGS_CLEAR_BANNER_STAYS: &str =
    "No red flags now. The banner clears once you save this (Result, Enter).";
/// A yes changed to no after it was saved.
pub const RED_FLAG_CHANGED_TO_NO: &str =
    "Changed to no. The saved warning stays until you save this triage (Result, Enter).";
pub const RED_FLAG_NO_SKIP: &str =
    "Red-flag questions cannot be skipped: answer y (yes) or n (no).";
pub const RED_FLAG_SOURCES: &[&str] = &["nice-cks-sciatica", "barraclough-2021", "movaia"];

/// The labels of the flags of one tier, joined; empty when none.
pub fn tier_labels(flags: &[RedFlag], tier: FlagTier) -> String {
    flags
        .iter()
        .filter(|f| f.tier() == tier)
        .map(|f| red_flag_label(*f))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The short label of a red flag.
pub fn red_flag_label(flag: RedFlag) -> &'static str {
    if flag == RedFlag::FeverOrWeightLoss {
        // Version 1's combined question, still read from old files.
        return "fever or unexplained weight loss";
    }
    RED_FLAGS
        .iter()
        .find(|t| t.flag == flag)
        .map_or("red flag", |t| t.label)
}

// ---------------------------------------------------------------------------------------------
// The slump test
// ---------------------------------------------------------------------------------------------

pub const SLUMP_TITLE: &str = "Slump test";
pub const SLUMP_SHORT: &str = "Slump";
pub const SLUMP_INTRO: &str = "A seated check of how touchy the nerve to the leg is. Take each \
step slowly, first with one leg, then the other. Stop at any step that brings on strong pain; \
do not push through it.";

/// The seated positions, in order.
pub const SLUMP_STEPS: [&str; 8] = [
    "Sit on a firm chair, thighs supported, knees bent over the front edge.",
    "Put your hands behind your back, or sit on them.",
    "Let your back sag forward and round, shoulders dropping, as if slumping into the chair.",
    "Keep that slump and tuck your chin down to your chest.",
    "Slowly straighten one knee, lifting the lower leg as far as is comfortable.",
    "With that knee straight, pull your toes and foot up towards you.",
    "Now lift your head to look ahead again, and notice whether the leg feels easier.",
    "Relax, then go through every step again with the other leg.",
];

pub const SLUMP_QUESTION: &str = "Did any step bring on pain running down the leg (more than a \
stretch behind the knee)?";
pub const SLUMP_KEYS: &str = "y yes · n no · s skip";
pub const SLUMP_INFO: &str = "Information only: a self-test at home is not a validated \
diagnosis. A clinician reads it together with a full examination.";
pub const SLUMP_SOURCES: &[&str] = &["movaia", "maitland-1985"];

/// How a slump answer reads in the result and the history.
pub const SLUMP_POSITIVE: &str = "brought on leg pain (positive)";
pub const SLUMP_NEGATIVE: &str = "no leg pain (negative)";
pub const SLUMP_SKIPPED: &str = "skipped";
pub const SLUMP_UNANSWERED: &str = "not answered";
/// One word for the history's "what changed".
pub const SLUMP_WORD_POSITIVE: &str = "positive";
pub const SLUMP_WORD_NEGATIVE: &str = "negative";
pub const SLUMP_WORD_NONE: &str = "not done";

// ---------------------------------------------------------------------------------------------
// Pain character
// ---------------------------------------------------------------------------------------------

/// One pain-character question.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SignText {
    pub sign: Sign,
    pub question: &'static str,
    /// Shown under the selected question; may be empty.
    pub hint: &'static str,
}

pub const SIGNS_TITLE: &str = "Pain character";
pub const SIGNS_SHORT: &str = "Pain";
pub const SIGNS_INTRO: &str = "What the pain feels like and where it goes. Several kinds of pain \
can be there at once, so take each question on its own; skip any you are unsure of.";

/// The questions, in the order they are asked.
pub const SIGNS: [SignText; 9] = [
    SignText {
        sign: Sign::DullAche,
        question: "Is it a dull, deep ache that is hard to pin down to one spot?",
        hint: "",
    },
    SignText {
        sign: Sign::StaysInBack,
        question: "Does an ache stay in the lower back or buttock (maybe the upper thigh), \
                   never reaching below the knee?",
        hint: "Answer yes even if there is another, different pain further down.",
    },
    SignText {
        sign: Sign::SharpOrBurning,
        question: "Is the pain sharp, burning or shooting, like an electric jolt?",
        hint: "",
    },
    SignText {
        sign: Sign::DownTheLeg,
        question: "Does pain travel down the leg in a narrow line, often below the knee?",
        hint: "",
    },
    SignText {
        sign: Sign::NumbOrPins,
        question: "Is part of the leg or foot numb, with less feeling when you touch it?",
        hint: "Tingling or pins and needles alone do not count here. Numbness around the \
               genitals or anus is a red flag: answer that one yes.",
    },
    SignText {
        sign: Sign::Weakness,
        question: "Is the leg or foot weaker than it was, for example hard to rise onto the \
                   toes or heel on that side?",
        hint: "If the weakness is getting worse, answer that red-flag question yes.",
    },
    SignText {
        sign: Sign::ReflexChange,
        question: "Has a doctor or physio found a changed reflex at your knee or ankle?",
        hint: "Skip this if nobody has checked.",
    },
    SignText {
        sign: Sign::SitBone,
        question: "Is the pain deep in the buttock, right at the bone you sit on?",
        hint: "",
    },
    SignText {
        sign: Sign::WarmsUp,
        question: "On a run, does it ease once you are warmed up, then feel sore afterwards?",
        hint: "",
    },
];

// ---------------------------------------------------------------------------------------------
// Result
// ---------------------------------------------------------------------------------------------

/// What a kind of pain is, what helps, and where that comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PainTypeText {
    pub pain: PainType,
    pub name: &'static str,
    /// What it means, in one or two sentences.
    pub means: &'static str,
    /// What the sources suggest doing.
    pub guidance: &'static str,
    pub sources: &'static [&'static str],
}

pub const RESULT_TITLE: &str = "Result";
pub const RESULT_POINTS_TO: &str = "What your answers point to (more than one can be true):";
pub const RESULT_NOTHING_YET: &str =
    "Nothing yet: answer the slump test or the pain-character questions.";
pub const RESULT_WHAT_HELPS: &str = "What helps: ";
pub const RESULT_SOURCE: &str = "Source: ";

pub const PAIN_TYPES: [PainTypeText; 5] = [
    PainTypeText {
        pain: PainType::Referred,
        name: "Referred pain",
        means: "Pain felt away from where it starts: the joints, discs, ligaments and muscles \
                of the back can send a dull ache into the buttock or thigh.",
        guidance: "You can usually keep up your normal activities while it recovers. Let how \
                   bad the pain is, and whether it is easing or building from week to week, \
                   decide how much you run.",
        sources: &["runners-world-uk", "bogduk-2009"],
    },
    PainTypeText {
        pain: PainType::Radicular,
        name: "Radicular pain (an irritated nerve root)",
        means: "Pain from the nerve root itself, for example when a disc presses on it: sharp, \
                burning or shooting, and usually too strong to run through.",
        guidance: "Cut back and rest for a few days, but not in bed all day. Heat or cold may \
                   ease it for a while. If it spoils your sleep or you cannot cope, ask a GP or \
                   pharmacist about medication. Build up again slowly, walking first. Run again \
                   only once your normal daily activities are back and you are off pain \
                   medication.",
        sources: &["runners-world-uk"],
    },
    PainTypeText {
        pain: PainType::Radiculopathy,
        name: "Radiculopathy (the nerve is not working fully)",
        means: "The nerve is not passing its messages on properly: numbness, weakness or \
                changed reflexes. It is about how the nerve works, not pain, and often comes \
                with radicular pain.",
        guidance: "Get it assessed by a doctor or physiotherapist. If the weakness or numbness \
                   gets worse, treat it as a red flag.",
        sources: &["runners-world-uk", "bogduk-2009"],
    },
    PainTypeText {
        pain: PainType::Tendon,
        name: "Tendon pain (high hamstring)",
        means: "A deep ache where the hamstring tendon meets the sitting bone. It warms up \
                during a run and is sore afterwards; as it worsens it comes on earlier and \
                warms up less.",
        guidance: "Load it gradually rather than resting it completely. A common guide: pain \
                   during activity up to about 5 out of 10, settled by the next morning, and \
                   not building week to week.",
        sources: &["runners-world-uk", "silbernagel-2007"],
    },
    PainTypeText {
        pain: PainType::Unsure,
        name: "No clear pattern",
        means: "Your answers do not match one of these patterns clearly. That is common: \
                buttock and leg pain can come from many places.",
        guidance: "Keep logging. See a physiotherapist or doctor if it lasts, gets worse or \
                   worries you; most episodes of back pain settle in about six weeks.",
        sources: &["runners-world-uk"],
    },
];

/// The words for a kind of pain.
pub fn pain_type(pain: PainType) -> &'static PainTypeText {
    PAIN_TYPES
        .iter()
        .find(|t| t.pain == pain)
        .unwrap_or(&PAIN_TYPES[PAIN_TYPES.len() - 1])
}

/// A short name for lists ("Radicular").
pub fn pain_type_short(pain: PainType) -> &'static str {
    match pain {
        PainType::Referred => "Referred",
        PainType::Radicular => "Radicular",
        PainType::Radiculopathy => "Radiculopathy",
        PainType::Tendon => "Tendon",
        PainType::Unsure => "Unsure",
    }
}

// ---------------------------------------------------------------------------------------------
// Saving and history
// ---------------------------------------------------------------------------------------------

pub const HISTORY_TITLE: &str = "History";
pub const HISTORY_INTRO: &str = "Triages of the last 8 weeks, newest first, and what changed \
since the one before.";
pub const HISTORY_NONE: &str = "No triage saved in the last 8 weeks.";
pub const HISTORY_FIRST: &str = "first triage";
pub const HISTORY_SAME: &str = "same as the one before";
pub const HISTORY_NO_FLAGS: &str = "no red flags";
pub const HISTORY_RED_FLAGS: &str = "RED FLAGS: ";
pub const HISTORY_SLUMP: &str = "slump ";
pub const HISTORY_NO_TYPES: &str = "no pain type";

pub const CHANGE_NEW: &str = "new: ";
pub const CHANGE_GONE: &str = "gone: ";
pub const CHANGE_NEW_FLAG: &str = "new red flag: ";
pub const CHANGE_FLAG_GONE: &str = "red flag gone: ";
pub const CHANGE_SLUMP: &str = "slump ";
pub const CHANGE_ARROW: &str = " \u{2192} ";

pub const SAVED_INTO: &str = "Saved into";
pub const SAVED_NOTE: &str = "Saved. History (\u{2192}) shows what changed since the last triage.";
pub const NOT_SAVED: &str = "Not saved: ";

// ---------------------------------------------------------------------------------------------
// The screen's own phrases
// ---------------------------------------------------------------------------------------------

/// How dates are written on the tab ("Sun 22 Nov 2026").
pub const DATE_FORMAT: &str = "%a %-d %b %Y";
/// How the banner writes a date ("22 Nov 2026").
pub const BANNER_DATE_FORMAT: &str = "%-d %b %Y";

/// The tab's frame title.
pub fn title(date: &str, today: bool, has_triage: bool) -> String {
    let mut t = format!("Triage · saves into {date}");
    if today {
        t.push_str(" (today)");
    }
    if has_triage {
        t.push_str(" · has a triage");
    }
    t
}

/// The banner on every tab for the standing red flags of the triage of `date`: one line per
/// tier present, the most pressing first, each with its instruction.
pub fn banner(date: &str, flags: &[RedFlag]) -> Vec<(FlagTier, String)> {
    [FlagTier::Emergency, FlagTier::Doctor]
        .into_iter()
        .filter_map(|tier| {
            let labels = tier_labels(flags, tier);
            (!labels.is_empty()).then(|| {
                (
                    tier,
                    format!(
                        "{} · triage of {date}: {labels}. {} {RED_FLAG_STAYS}",
                        tier_word(tier),
                        tier_action(tier)
                    ),
                )
            })
        })
        .collect()
}

/// The lines for red flags answered yes (not yet shown by the banner, or in the result): one
/// per tier present, each with what to do.
pub fn red_flags_found(flags: &[RedFlag], with_action: bool) -> Vec<(FlagTier, String)> {
    [FlagTier::Emergency, FlagTier::Doctor]
        .into_iter()
        .filter_map(|tier| {
            let labels = tier_labels(flags, tier);
            (!labels.is_empty()).then(|| {
                let text = if with_action {
                    format!("{}: {labels}. {}", tier_word(tier), tier_action(tier))
                } else {
                    format!("{}: {labels}.", tier_word(tier))
                };
                (tier, text)
            })
        })
        .collect()
}

pub const RED_FLAGS_NONE: &str = "Red flags: none.";

pub fn red_flags_to_answer(left: usize) -> String {
    format!("Red flags: {left} of {RED_FLAG_COUNT} questions still to answer.")
}

pub fn red_flags_answered(done: usize) -> String {
    format!("{done} of {RED_FLAG_COUNT} answered. y yes · n no")
}

pub fn save_needs_red_flags(left: usize) -> String {
    format!(
        "Answer every red-flag question before saving ({left} left): they decide whether this \
         is urgent."
    )
}

pub const SOURCES: &str = "Sources: ";
pub const RED_FLAG_SOURCES_LABEL: &str = "Red-flag sources: ";
pub const NOTHING_YET: &str = "nothing yet";
pub const SO_FAR: &str = "So far: ";
pub const POINTS_TO: &str = "Points to: ";
pub const RESULT_SO_FAR: &str = "Result so far";
pub const SLUMP_RESULT_LABEL: &str = "Slump self-test: ";
pub const SAVES_INTO: &str = " saves this into ";
pub const REPLACING: &str = " (replacing the triage saved there)";
pub const CHANGED: &str = "changed: ";
pub const MORE_BELOW: &str = "\u{2193} more";

pub fn recent_triages(weeks: u64) -> String {
    format!("Recent triages ({weeks} weeks)")
}

pub const NEXT_SLUMP: &str = "Enter: on to the slump test.";
pub const NEXT_SIGNS: &str = "Enter: on to the pain questions.";
pub const NEXT_RESULT: &str = "Enter: see the result.";
pub const RESULT_FOOTER: &str = "Enter saves; the History part shows earlier triages.";
