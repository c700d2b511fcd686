//! The rules engine (design section 4, rules version 1): pure functions from a journal and a
//! date to a verdict with reasons, plus the weekly aggregates the report and charts share.
//!
//! Time is passed in (`today`), never read. Day files dated after `today` are ignored, and no
//! rule looks further back than [`LOOKBACK_DAYS`], so the cost does not grow with the history.

mod load;
mod symptoms;
pub mod verdict;
pub mod weekly;

use crate::journal::Journal;
use crate::journal::entry::{DayEntry, PainType, RedFlag, Triage};
use chrono::{Days, NaiveDate};
use serde::Serialize;

pub use verdict::{Level, Verdict};
pub use weekly::{WeekSummary, shoe_distances, weeks};

/// The furthest back any rule looks, in days before `today` (42 for triage and six weeks,
/// 6 + 30 for a long run compared with the month before it).
pub const LOOKBACK_DAYS: u64 = 72;

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
        "Silbernagel 2007: pain should settle by the next morning",
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
        "Silbernagel 2007 zones",
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

/// The table entry of a rule id.
#[must_use]
pub fn rule_info(id: &str) -> Option<&'static RuleInfo> {
    RULES.iter().find(|r| r.id == id)
}

fn table_index(id: &str) -> usize {
    RULES.iter().position(|r| r.id == id).unwrap_or(RULES.len())
}

/// A rule that fired: why, with the numbers, and where the rule comes from. Serialises as the
/// design's JSON object (`id`, `level`, `message`, `evidence`, `source`, in that order).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RuleHit {
    pub id: &'static str,
    pub level: Level,
    /// One line in plain words for a runner.
    pub message: String,
    /// The dates and numbers that made it fire.
    pub evidence: String,
    pub source: &'static str,
}

impl RuleHit {
    /// A hit of the table rule `id` (its level and source come from [`RULES`]).
    ///
    /// # Panics
    /// If `id` is not in the table (a programming error caught by the tests).
    pub(crate) fn new(id: &'static str, message: impl Into<String>, evidence: String) -> Self {
        let info = rule_info(id).expect("every rule id is in the table");
        Self {
            id,
            level: info.level,
            message: message.into(),
            evidence,
            source: info.source,
        }
    }
}

/// The outcome of [`evaluate`]: the verdict and every fired rule, highest level first, then
/// in table order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Evaluation {
    pub verdict: Verdict,
    pub hits: Vec<RuleHit>,
}

impl Evaluation {
    /// The hit of rule `id`, if it fired.
    #[must_use]
    pub fn hit(&self, id: &str) -> Option<&RuleHit> {
        self.hits.iter().find(|h| h.id == id)
    }

    /// True when rule `id` fired.
    #[must_use]
    pub fn fired(&self, id: &str) -> bool {
        self.hit(id).is_some()
    }
}

/// Applies every rule of the table to the journal as it stood on `today`.
#[must_use]
pub fn evaluate(journal: &Journal, today: NaiveDate) -> Evaluation {
    let ctx = Ctx { journal, today };
    let mut hits: Vec<RuleHit> = Vec::new();
    hits.extend(symptoms::red_flag(&ctx));
    hits.extend(symptoms::bilateral(&ctx));
    hits.extend(symptoms::radiculopathy(&ctx));
    hits.extend(load::gait_change(&ctx));
    hits.extend(load::run_pain_high(&ctx));
    hits.extend(load::run_pain_rising(&ctx));
    hits.extend(load::morning_after(&ctx));
    let daily_high = symptoms::daily_pain_high(&ctx);
    if daily_high.is_none() {
        hits.extend(symptoms::pain_moderate(&ctx));
    }
    hits.extend(daily_high);
    hits.extend(symptoms::pain_trend(&ctx));
    hits.extend(load::long_run_spike(&ctx));
    hits.extend(load::weekly(&ctx));
    hits.extend(symptoms::not_ready(&ctx));
    hits.extend(symptoms::six_weeks(&ctx));
    hits.extend(symptoms::sleep_disturbed(&ctx));
    let serious = hits
        .iter()
        .any(|h| matches!(h.level, Level::Urgent | Level::Stop));
    if !serious {
        hits.extend(symptoms::ok_to_run(&ctx));
    }
    hits.sort_by_key(|h| (h.level.rank(), table_index(h.id)));
    let verdict = hits
        .iter()
        .find_map(|h| h.level.verdict())
        .unwrap_or(Verdict::Unknown);
    Evaluation { verdict, hits }
}

/// The journal seen from `today`: windows of days ending on `today` inclusive.
pub(crate) struct Ctx<'a> {
    journal: &'a Journal,
    today: NaiveDate,
}

impl Ctx<'_> {
    /// The date `n` days before today (clamped at the earliest date chrono knows).
    fn ago(&self, n: u64) -> NaiveDate {
        back(self.today, n)
    }

    /// Days logged from `from_ago` days before today to `to_ago` days before today, inclusive,
    /// oldest first.
    fn window(
        &self,
        from_ago: u64,
        to_ago: u64,
    ) -> impl DoubleEndedIterator<Item = &DayEntry> + '_ {
        self.journal.range(self.ago(from_ago), self.ago(to_ago))
    }

    /// Days logged in the last `n` days (`today-(n-1) ..= today`), oldest first.
    fn last(&self, n: u64) -> impl DoubleEndedIterator<Item = &DayEntry> + '_ {
        self.window(n.saturating_sub(1), 0)
    }

    /// The triage of the most recent day in the last `n` days that has one.
    fn latest_triage(&self, n: u64) -> Option<(NaiveDate, &Triage)> {
        self.last(n)
            .rev()
            .find_map(|d| d.triage.as_ref().map(|t| (d.date, t)))
    }

    /// The most recent day file on or before today.
    fn latest_day(&self) -> Option<&DayEntry> {
        self.journal
            .days
            .range(..=self.today)
            .next_back()
            .map(|(_, d)| d)
    }

    /// The day after `date`, if logged and not after today.
    fn next_day(&self, date: NaiveDate) -> Option<&DayEntry> {
        let next = date.succ_opt()?;
        (next <= self.today)
            .then(|| self.journal.day(next))
            .flatten()
    }
}

/// `date` minus `n` days, clamped at the earliest date chrono knows.
pub(crate) fn back(date: NaiveDate, n: u64) -> NaiveDate {
    date.checked_sub_days(Days::new(n))
        .unwrap_or(NaiveDate::MIN)
}

/// A red flag in plain words.
#[must_use]
pub fn red_flag_words(flag: RedFlag) -> &'static str {
    match flag {
        RedFlag::BladderOrBowel => "change in bladder or bowel control",
        RedFlag::SaddleNumbness => "numbness between the legs (saddle area)",
        RedFlag::BothLegs => "symptoms in both legs",
        RedFlag::ProgressiveWeakness => "weakness getting worse",
        RedFlag::FootDrop => "foot drop",
        RedFlag::SexualDysfunction => "new sexual dysfunction",
        RedFlag::FeverOrWeightLoss => "fever or unexplained weight loss",
        RedFlag::MajorTrauma => "major fall or accident",
    }
}

/// A pain type in plain words.
#[must_use]
pub fn pain_type_words(kind: PainType) -> &'static str {
    match kind {
        PainType::Referred => "referred",
        PainType::Radicular => "radicular",
        PainType::Radiculopathy => "radiculopathy",
        PainType::Tendon => "tendon",
        PainType::Unsure => "unsure",
    }
}

/// Kilometres as people write them: at least one decimal, at most two (`6.0`, `6.45`).
#[must_use]
pub fn format_km(km: f64) -> String {
    let two = format!("{km:.2}");
    match two.strip_suffix('0') {
        Some(one) => one.to_owned(),
        None => two,
    }
}

/// A distance in whole metres, so that ratios of distances compare exactly.
pub(crate) fn metres(km: f64) -> u64 {
    (km * 1000.0).round() as u64
}
