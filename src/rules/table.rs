//! The rules table of design section 4 (version 1): each rule's id, level, when it fires in a
//! few words and its source, in table order; and the full references behind the sources.

use super::Level;

/// One rule of the table: what it is called, how serious it is and where it comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RuleInfo {
    pub id: &'static str,
    pub level: Level,
    /// When it fires, in a few words (for the help screen).
    pub when: &'static str,
    pub source: &'static str,
}

const SILBERNAGEL: &str =
    "Silbernagel 2007 pain-monitoring model (made for tendon pain; used here as a load guide)";

/// Every rule, in table order (the order of hits of the same level).
pub const RULES: [RuleInfo; 18] = [
    rule(
        "red-flag",
        Level::Urgent,
        "the latest triage of the last 14 days lists a red flag",
        "seed 000; BMJ Best Practice and NICE CKS on cauda equina",
    ),
    rule(
        "bilateral-symptoms",
        Level::Caution,
        "symptoms in both legs on a day of the last 7",
        "NICE CKS (sciatica in both legs is a warning sign: answer the red-flag questions)",
    ),
    rule(
        "radiculopathy-signs",
        Level::Caution,
        "numbness or weakness in the last 7 days, or a recent triage says radiculopathy",
        "seed 003: needs a professional assessment",
    ),
    rule(
        "gait-change",
        Level::Stop,
        "a run of the last 7 days changed how you ran",
        "seed 003; Vincent & Vincent 2017",
    ),
    rule(
        "run-pain-high",
        Level::Stop,
        "pain above 5/10 during or after a run of the last 7 days",
        SILBERNAGEL,
    ),
    rule(
        "run-pain-rising",
        Level::Caution,
        "pain after a run at least 2 points above pain before it",
        "seed 003; 2 points is the minimal important change (Ostelo 2008)",
    ),
    rule(
        "morning-after",
        Level::Caution,
        "morning pain higher the day after a run than on the day of it",
        "Silbernagel 2007: pain should settle by the next morning (a tendon-pain model, used here \
         as a load guide)",
    ),
    rule(
        "daily-pain-high",
        Level::Stop,
        "worst pain 7/10 or more on one of the last 3 days",
        "seed 003: radicular pain is usually too severe to run through",
    ),
    rule(
        "pain-moderate",
        Level::Caution,
        "worst pain 4/10 or more in the last 7 days",
        "Silbernagel 2007 zones (a tendon-pain model, used here as a load guide)",
    ),
    rule(
        "pain-trend-worsening",
        Level::Stop,
        "mean worst pain 2 points above the 7 days before",
        "seed 003 (a trend of getting worse: stop running); Ostelo 2008",
    ),
    rule(
        "pain-trend-improving",
        Level::Info,
        "mean worst pain 2 points below the 7 days before",
        "Ostelo 2008: 2 points is the minimal important change",
    ),
    rule(
        "long-run-spike",
        Level::Caution,
        "a run more than 10 % longer than the longest of the 30 days before it",
        "Frandsen 2025, BJSM: single-session spikes predict injury better than weekly ratios",
    ),
    rule(
        "weekly-jump",
        Level::Caution,
        "distance of the last 7 days more than 30 % above the 7 days before",
        "Nielsen 2014 (> 30 % increases)",
    ),
    rule(
        "weekly-over-10",
        Level::Info,
        "distance of the last 7 days 10-30 % above the 7 days before",
        "seed 004's 10 % convention (weak evidence: shown as information)",
    ),
    rule(
        "not-ready-to-run",
        Level::Stop,
        "radicular pain, and still on pain medication or not at normal activities",
        "seed 003: return when back to normal activities and off medication",
    ),
    rule(
        "six-weeks",
        Level::Caution,
        "worst pain 3/10 or more in each of the last six weeks",
        "seed 003: most back pain settles in about six weeks; get assessed",
    ),
    rule(
        "sleep-disturbed",
        Level::Caution,
        "pain disturbed sleep on 3 or more of the last 7 days",
        "seed 003: talk to a GP or pharmacist",
    ),
    rule(
        "ok-to-run",
        Level::Ok,
        "pain recorded on 3+ of the last 7 days, all 3/10 or less, nothing serious fired",
        "seed 003: low level and not getting worse",
    ),
];

const fn rule(
    id: &'static str,
    level: Level,
    when: &'static str,
    source: &'static str,
) -> RuleInfo {
    RuleInfo {
        id,
        level,
        when,
        source,
    }
}

/// The publications behind the rules, in full, for the help screen and the README.
pub const REFERENCES: [&str; 9] = [
    "Silbernagel KG et al. 2007, Am J Sports Med 35:897: pain-monitoring model (pain during \
     activity up to 5/10, settled by the next morning, not worse week to week); made for tendon \
     pain, used here as a load guide.",
    "Vincent HK, Vincent KR 2017, Curr Sports Med Rep 16:122: stop when pain rises during the \
     run, lasts into the next day, or changes your gait.",
    "Frandsen JSB et al. 2025, Br J Sports Med 59:1203: one run more than 10 % longer than the \
     longest of the previous 30 days raises injury risk; week-to-week ratios did not predict it.",
    "Nielsen RO et al. 2014, J Orthop Sports Phys Ther 44:739: weekly increases above 30 %.",
    "Ostelo RW et al. 2008, Spine 33:90: 2 points (or 30 %) is the smallest change on a 0-10 \
     pain scale that matters.",
    "BMJ Best Practice, cauda equina syndrome; NICE CKS, sciatica: bladder or bowel change, \
     saddle numbness, symptoms in both legs, worsening weakness or foot drop need emergency care.",
    "Bogduk N 2009, Pain 147:17: referred pain, radicular pain and radiculopathy differ and can \
     occur together.",
    "Gabbett 2016 (acute:chronic workload ratio), disputed by Impellizzeri 2021 and not \
     predictive in runners (Frandsen 2025): at most information, never a verdict.",
    "Seeds 000-004: the runner-facing articles this project started from (red flags, pain \
     types, when to stop and return, the 10 % convention).",
];

/// The table entry of a rule id.
#[must_use]
pub fn rule_info(id: &str) -> Option<&'static RuleInfo> {
    RULES.iter().find(|r| r.id == id)
}

pub(super) fn table_index(id: &str) -> usize {
    RULES.iter().position(|r| r.id == id).unwrap_or(RULES.len())
}
