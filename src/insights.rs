//! Insights: what goes with your pain (design section 10). Pure functions from a journal, a
//! window of days and `today` to the response ledger (each run day scored green, amber or red
//! by the pain-monitoring model and the next morning), the factors that go with a worse
//! response (Fisher exact test, Benjamini-Hochberg), and the lagged links between a day's
//! values and the next morning's pain (Spearman's rho).
//!
//! Time is passed in, never read; nothing here imports ratatui. The words say "goes with",
//! never "causes": these are associations in one person's notes, not explanations.

pub mod calendar;
pub mod factors;
mod json;
pub mod ledger;
pub mod links;
pub mod outlook;
pub mod stats;
mod text;
pub mod words;

use crate::journal::Journal;
use chrono::{Datelike, Days, NaiveDate};

pub use factors::{Factor, FactorResult, FactorValue};
pub use ledger::{LedgerEntry, Response};
pub use links::{Link, LinkFactor};
pub use outlook::Outlook;

/// A value is clear when its Benjamini-Hochberg q is below this.
pub const CLEAR_Q: f64 = 0.10;

/// The days the default window covers: 365, ending today.
pub const DEFAULT_DAYS: u64 = 365;

/// How far before the window's first day the factors look: 30 days for the long-run spike,
/// 13 for the weekly change.
pub const LOOKBACK_DAYS: u64 = 30;

/// How to print the insights.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Format {
    /// Plain words for the terminal.
    #[default]
    Text,
    /// JSON for scripts (design section 10).
    Json,
}

/// The days `from ..= to` that the insights look at. Only days up to `today − 1` enter the
/// ledger (their next morning must be able to exist); the next morning itself may lie after
/// `to`, never after `today`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Window {
    pub from: NaiveDate,
    pub to: NaiveDate,
}

impl Window {
    /// The window of `--from` and `--to`: both given, as given; `--from` alone ends at
    /// today; `--to` alone starts 364 days before it; neither: the 365 days ending today.
    #[must_use]
    pub fn resolve(from: Option<NaiveDate>, to: Option<NaiveDate>, today: NaiveDate) -> Self {
        let span = DEFAULT_DAYS - 1;
        match (from, to) {
            (Some(from), Some(to)) => Self { from, to },
            (Some(from), None) => Self { from, to: today },
            (None, Some(to)) => Self {
                from: crate::rules::back(to, span),
                to,
            },
            (None, None) => Self {
                from: crate::rules::back(today, span),
                to: today,
            },
        }
    }

    /// The last day that can enter the ledger: `to`, or `today − 1` when that is earlier.
    /// `None` when no day of the window qualifies.
    #[must_use]
    pub fn last_day(&self, today: NaiveDate) -> Option<NaiveDate> {
        let last = self.to.min(today.pred_opt()?);
        (last >= self.from).then_some(last)
    }

    /// The years of day files the insights read: from the year of the first look-back day
    /// to the year of the last next morning.
    #[must_use]
    pub fn years(&self, today: NaiveDate) -> (i32, i32) {
        let first = crate::rules::back(self.from, LOOKBACK_DAYS).year();
        let last = self
            .to
            .checked_add_days(Days::new(1))
            .unwrap_or(self.to)
            .min(today)
            .year();
        (first, last.max(first))
    }
}

/// Everything the insights found in one window.
#[derive(Debug, Clone, PartialEq)]
pub struct Insights {
    pub window: Window,
    /// One entry per run day of the window, by date.
    pub ledger: Vec<LedgerEntry>,
    /// Every tested factor value, clear ones first, then by q, then by factor and value.
    pub factors: Vec<FactorResult>,
    /// Every tested link, in the same order.
    pub links: Vec<Link>,
    /// Run days whose response is known (green, amber or red).
    pub classified: usize,
    /// What more data would do when nothing is clear.
    pub outlook: Outlook,
}

impl Insights {
    /// The clear factor values, in order.
    pub fn clear_factors(&self) -> impl Iterator<Item = &FactorResult> {
        self.factors.iter().filter(|f| f.clear)
    }

    /// The clear links, in order.
    pub fn clear_links(&self) -> impl Iterator<Item = &Link> {
        self.links.iter().filter(|l| l.clear)
    }

    /// True when some factor or link is clear.
    #[must_use]
    pub fn anything_clear(&self) -> bool {
        self.clear_factors().next().is_some() || self.clear_links().next().is_some()
    }
}

/// The insights of the journal over `window`, as seen on `today`. Day files after `today`
/// are ignored.
#[must_use]
pub fn analyse(journal: &Journal, window: Window, today: NaiveDate) -> Insights {
    let ledger = ledger::build(journal, window, today);
    let analysis = factors::analyse(journal, &ledger);
    let links = links::analyse(journal, window, today);
    let classified = ledger.iter().filter(|e| e.response.is_classified()).count();
    let anything_clear = analysis.results.iter().any(|f| f.clear) || links.iter().any(|l| l.clear);
    let outlook = if anything_clear {
        Outlook::Clear
    } else {
        outlook::estimate(&analysis.tables, classified)
    };
    Insights {
        window,
        ledger,
        factors: analysis.results,
        links,
        classified,
        outlook,
    }
}

/// Renders the insights for the terminal or as JSON. The text ends with a newline.
#[must_use]
pub fn render(insights: &Insights, problems: usize, format: Format) -> String {
    match format {
        Format::Text => text::render(insights, problems),
        Format::Json => json::render(insights),
    }
}

/// The insights of the last 365 days and their calendar, computed from the journal (what the
/// app's Insights tab shows).
#[derive(Debug, Clone, PartialEq)]
pub struct Year {
    pub insights: Insights,
    pub calendar: calendar::Calendar,
}

impl Year {
    /// Analyses the 365 days ending `today`.
    #[must_use]
    pub fn new(journal: &Journal, today: NaiveDate) -> Self {
        let window = Window::resolve(None, None, today);
        let insights = analyse(journal, window, today);
        let calendar = calendar::Calendar::build(journal, &insights, today);
        Self { insights, calendar }
    }
}
