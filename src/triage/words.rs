//! Every word the triage checklist shows, and where each fact comes from, in one place so it
//! can be reviewed by a clinician and translated without reading the logic.
//!
//! The facts come from the project's seed articles 000 and 003 and the sources listed in the
//! design (section 4); the sentences are our own. Keep each question to one idea, in plain
//! words, and answerable with yes or no. The screen's own phrases are at the end.

use super::Sign;
use crate::journal::entry::{PainType, RedFlag};

/// Where a fact comes from: a short form for the screen and the full reference.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Source {
    pub short: &'static str,
    pub full: &'static str,
}

pub const SEED_000: Source = Source {
    short: "seed 000",
    full: "Seed article 000, \"Running with Sciatica\": red flags and the slump test",
};
pub const SEED_003: Source = Source {
    short: "seed 003",
    full: "Seed article 003, a physiotherapist on the kinds of sciatic pain in runners",
};
pub const NICE_CKS: Source = Source {
    short: "NICE CKS",
    full: "NICE Clinical Knowledge Summaries: Sciatica (lumbar radiculopathy), red flags",
};
pub const BMJ_CES: Source = Source {
    short: "BMJ Best Practice",
    full: "BMJ Best Practice: Cauda equina syndrome",
};
pub const BOGDUK_2009: Source = Source {
    short: "Bogduk 2009",
    full: "Bogduk N 2009, Pain 147:17: referred pain, radicular pain and radiculopathy differ \
           and can coexist",
};
pub const MAITLAND_1985: Source = Source {
    short: "Maitland 1985",
    full: "Maitland GD 1985, Aust J Physiother 31:215: the slump test",
};
pub const SILBERNAGEL_2007: Source = Source {
    short: "Silbernagel 2007",
    full: "Silbernagel KG et al. 2007, Am J Sports Med 35:897: pain-monitoring model \
           (developed for tendon pain)",
};

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
pub const RED_FLAG_INTRO: &str = "Warning signs first: a yes to any of these means the pain may \
need emergency care, whatever else is going on. Each needs a yes or a no.";

/// The questions, in the order they are asked (and saved).
pub const RED_FLAGS: [RedFlagText; 8] = [
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
        flag: RedFlag::FeverOrWeightLoss,
        question: "Along with the back pain, do you have a fever, or have you lost weight \
                   without trying?",
        hint: "A temperature, night sweats or feeling unwell, or clothes getting loose for no \
               reason.",
        label: "fever or unexplained weight loss",
    },
    RedFlagText {
        flag: RedFlag::MajorTrauma,
        question: "Did the pain start after a major fall, crash or other accident?",
        hint: "A fall from a height or down stairs, a road accident, a heavy blow to the back.",
        label: "after a major fall or accident",
    },
];

/// What to do now when any red flag is present: the headline and the detail.
pub const RED_FLAG_ACTION: &str =
    "Get emergency care today: an emergency department or your emergency number.";
pub const RED_FLAG_ACTION_MORE: &str = "It cannot wait for a routine appointment. Do not run.";
/// Why the warning stays on screen.
pub const RED_FLAG_STAYS: &str = "(Shown until a newer triage has no red flag.)";
/// Said when an answer was saved at once so the warning shows everywhere.
pub const RED_FLAG_SAVED_AT_ONCE: &str =
    "Red flag saved at once: the warning now shows on every tab.";
/// Shown when the eight questions are answered and all are no.
pub const RED_FLAGS_CLEAR: &str = "No red flags.";
/// All eight answered no while an earlier saved red flag still shows.
pub const RED_FLAGS_CLEAR_BANNER_STAYS: &str =
    "No red flags now. The red banner clears once you save this (Result, Enter).";
/// A yes changed to no after it was saved.
pub const RED_FLAG_CHANGED_TO_NO: &str =
    "Changed to no. The saved warning stays until you save this triage (Result, Enter).";
pub const RED_FLAG_NO_SKIP: &str =
    "Red-flag questions cannot be skipped: answer y (yes) or n (no).";
pub const RED_FLAG_SOURCES: &[Source] = &[SEED_000, NICE_CKS, BMJ_CES];

/// The short label of a red flag.
pub fn red_flag_label(flag: RedFlag) -> &'static str {
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
pub const SLUMP_SOURCES: &[Source] = &[SEED_000, MAITLAND_1985];

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
        question: "Is part of the leg or foot numb, or do you get pins and needles there?",
        hint: "Numbness around the genitals or anus is a red flag: answer that one yes.",
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
    /// What the seed suggests doing.
    pub guidance: &'static str,
    pub sources: &'static [Source],
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
        sources: &[SEED_003, BOGDUK_2009],
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
        sources: &[SEED_003],
    },
    PainTypeText {
        pain: PainType::Radiculopathy,
        name: "Radiculopathy (the nerve is not working fully)",
        means: "The nerve is not passing its messages on properly: numbness, weakness or \
                changed reflexes. It is about how the nerve works, not pain, and often comes \
                with radicular pain.",
        guidance: "Get it assessed by a doctor or physiotherapist. If the weakness or numbness \
                   gets worse, treat it as a red flag.",
        sources: &[SEED_003, BOGDUK_2009],
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
        sources: &[SEED_003, SILBERNAGEL_2007],
    },
    PainTypeText {
        pain: PainType::Unsure,
        name: "No clear pattern",
        means: "Your answers do not match one of these patterns clearly. That is common: \
                buttock and leg pain can come from many places.",
        guidance: "Keep logging. See a physiotherapist or doctor if it lasts, gets worse or \
                   worries you; most episodes of back pain settle in about six weeks.",
        sources: &[SEED_003],
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

/// The red banner on every tab.
pub fn banner(date: &str, labels: &str) -> String {
    format!(
        "RED FLAG · triage of {date}: {labels}. {RED_FLAG_ACTION} {RED_FLAG_ACTION_MORE} \
         {RED_FLAG_STAYS}"
    )
}

/// The red lines on the tab when the banner does not show the answers' red flags.
pub fn red_flags_in_answers(labels: &str) -> String {
    format!("RED FLAG in your answers: {labels}. {RED_FLAG_ACTION} {RED_FLAG_ACTION_MORE}")
}

/// The result's red-flag line; `with_action` adds what to do now.
pub fn red_flags_found(labels: &str, with_action: bool) -> String {
    if with_action {
        format!("RED FLAGS: {labels}. {RED_FLAG_ACTION} {RED_FLAG_ACTION_MORE}")
    } else {
        format!("RED FLAGS: {labels}.")
    }
}

pub const RED_FLAGS_NONE: &str = "Red flags: none of the eight.";

pub fn red_flags_to_answer(left: usize) -> String {
    format!("Red flags: {left} of 8 questions still to answer.")
}

pub fn red_flags_answered(done: usize) -> String {
    format!("{done} of 8 answered. y yes · n no")
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
