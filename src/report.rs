//! `stridelog report`: the verdict, the fired rules, weekly numbers and unreadable files,
//! rendered as text for the terminal, Markdown for a physiotherapist, or JSON for scripts
//! (design section 5). Pure: the journal and `today` come in, a string goes out.

mod insights_md;
mod json;
mod markdown;
mod text;

use crate::journal::Journal;
use crate::journal::settings::Units;
use crate::rules::{self, Evaluation, WeekSummary};
use chrono::NaiveDate;

/// The line every report ends with: the one defined in [`crate::advice`].
pub use crate::advice::DISCLAIMER;

/// The weeks a report covers unless told otherwise.
pub const DEFAULT_WEEKS: usize = 12;

/// How to render a report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Format {
    /// Plain text for the terminal.
    #[default]
    Text,
    /// Markdown to hand to a physiotherapist.
    Markdown,
    /// JSON for scripts (design section 5).
    Json,
}

/// Everything a report shows, computed once for every format.
struct ReportData<'a> {
    journal: &'a Journal,
    today: NaiveDate,
    evaluation: Evaluation,
    weeks: Vec<WeekSummary>,
}

impl ReportData<'_> {
    /// The first day the weekly table covers (the Monday of the oldest week), or `today`.
    fn period_start(&self) -> NaiveDate {
        self.weeks.first().map_or(self.today, |w| w.start)
    }
}

/// Renders the report of the journal as it stood on `today`, with the last `weeks` ISO weeks.
/// The text ends with a newline.
#[must_use]
pub fn render(journal: &Journal, today: NaiveDate, weeks: usize, format: Format) -> String {
    render_in(journal, today, weeks, format, Units::Km)
}

/// [`render`], with the distances in the rules' evidence in the runner's `units` (the weekly
/// table and the JSON's `distance_km` stay in kilometres, as their names say).
#[must_use]
pub fn render_in(
    journal: &Journal,
    today: NaiveDate,
    weeks: usize,
    format: Format,
    units: Units,
) -> String {
    let data = ReportData {
        journal,
        today,
        evaluation: rules::evaluate_in(journal, today, units),
        weeks: rules::weeks(journal, today, weeks),
    };
    match format {
        Format::Text => text::render(&data),
        Format::Markdown => markdown::render(&data),
        Format::Json => json::render(&data),
    }
}

/// A mean to one decimal, or `-` when there is no data.
fn one_decimal(value: Option<f64>) -> String {
    value.map_or_else(|| "-".to_owned(), rules::one_decimal)
}

/// A maximum, or `-` when there is no data.
fn or_dash(value: Option<u8>) -> String {
    value.map_or_else(|| "-".to_owned(), |v| v.to_string())
}
