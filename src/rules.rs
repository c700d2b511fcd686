//! The rules engine (design section 4, rules version 2): pure functions from a journal and a
//! date to a verdict with reasons, plus the weekly aggregates the report and charts share.
//!
//! Time is passed in (`today`), never read. Day files dated after `today` are ignored. Apart
//! from the latest triage (a red flag counts at any age, until a newer triage answers no), no
//! rule looks further back than [`LOOKBACK_DAYS`].

mod load;
mod symptoms;
mod table;
pub mod verdict;
pub mod weekly;

use crate::journal::Journal;
use crate::journal::entry::{DayEntry, PainType, RedFlag, Triage};
use crate::journal::settings::Units;
use chrono::{Days, NaiveDate};
use serde::Serialize;

pub(crate) use load::{is_spike, longest_before};
use table::table_index;
pub use table::{RULES, RULES_VERSION, RuleInfo, rule_info};
pub use verdict::{Level, Verdict};
pub use weekly::{WeekSummary, shoe_distances, weeks};

/// An upper bound on how far back any rule looks, in days before `today` (the design's
/// 42 + 30), apart from the latest triage, which counts at any age: see
/// [`crate::journal::load_for_rules`]. The windows need only [`WINDOW_DAYS`].
pub const LOOKBACK_DAYS: u64 = 72;

/// The days every rule's window falls in, today included: `today - 41 ..= today` (the
/// six-week windows and the 42-day triage; a long run of the last 7 days against the 30 days
/// before it reaches `today - 36`; the latest logged day only matters with a triage in the 42
/// days). Apart from the latest triage, which counts at any age, the rules read nothing older
/// (a test holds them to it on random journals), so the first screen reads only these days.
pub const WINDOW_DAYS: u64 = 42;

/// A rule that fired: why, with the numbers, and where the rule comes from. Serialises as the
/// design's JSON object (`id`, `level`, `message`, `evidence`, `source`, `sources`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RuleHit {
    pub id: &'static str,
    pub level: Level,
    /// One line in plain words for a runner.
    pub message: String,
    /// The dates and numbers that made it fire.
    pub evidence: String,
    /// The sources' short forms, with a note on how they bear on the rule when needed.
    pub source: String,
    /// Ids of the sources table (design section 9).
    pub sources: &'static [&'static str],
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
            source: info.source_text(),
            sources: info.sources,
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

/// Applies every rule of the table to the journal as it stood on `today`, with distances in
/// the evidence in kilometres.
#[must_use]
pub fn evaluate(journal: &Journal, today: NaiveDate) -> Evaluation {
    evaluate_in(journal, today, Units::Km)
}

/// [`evaluate`], with distances in the evidence in the runner's `units` (the thresholds are
/// the same whatever the unit).
#[must_use]
pub fn evaluate_in(journal: &Journal, today: NaiveDate, units: Units) -> Evaluation {
    let ctx = Ctx {
        journal,
        today,
        units,
    };
    let mut hits: Vec<RuleHit> = Vec::new();
    hits.extend(symptoms::red_flag(&ctx));
    hits.extend(symptoms::serious_signs(&ctx));
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
    hits.extend(symptoms::no_recent_check(&ctx));
    let serious = hits
        .iter()
        .any(|h| matches!(h.level, Level::Urgent | Level::Doctor | Level::Stop));
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
    /// The unit distances are written in, in the evidence.
    units: Units,
}

impl Ctx<'_> {
    /// A distance for the evidence, in the runner's unit: `6.4 km`, `4.0 mi`.
    fn distance(&self, km: f64) -> String {
        format!(
            "{} {}",
            format_km(self.units.from_km(km)),
            self.units.label()
        )
    }

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
        crate::triage::latest_triage(self.journal, self.today, n)
    }

    /// The triage of the most recent day on or before today that has one, however old.
    fn latest_triage_any_age(&self) -> Option<(NaiveDate, &Triage)> {
        crate::triage::latest_triage_any_age(self.journal, self.today)
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

/// A red flag in plain words: the Triage checklist's own label, so the report, the rules and the
/// banner name it the same way.
#[must_use]
pub fn red_flag_words(flag: RedFlag) -> &'static str {
    crate::triage::words::red_flag_label(flag)
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

/// A mean to one decimal, halves rounded away from zero (3.25 → 3.3): the same everywhere a
/// mean is shown (report text, Markdown, JSON, Trends tab).
pub fn one_decimal(value: f64) -> String {
    format!("{:.1}", (value * 10.0).round() / 10.0)
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
