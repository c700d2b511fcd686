//! The year calendar: every day of a window marked by its run day's response (design section
//! 10), rest days and red flags, with one glyph each so that the meaning never rests on colour
//! alone. The Insights tab and the Markdown report draw it.

use super::{Insights, Response};
use crate::journal::Journal;
use crate::journal::entry::FlagTier;
use chrono::NaiveDate;

/// What a day shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mark {
    /// No day file.
    NotLogged,
    /// Logged, no run.
    Rest,
    /// A run day, with its response (a run today is still `Unknown`: its next morning has
    /// not come).
    Run(Response),
}

/// One day of the calendar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CalendarDay {
    pub date: NaiveDate,
    pub mark: Mark,
    /// The most serious tier of the red flags the day's triage reports, if any.
    pub flag: Option<FlagTier>,
}

impl CalendarDay {
    /// The day's glyph: a red flag outranks the response.
    #[must_use]
    pub fn glyph(&self) -> char {
        if self.flag.is_some() {
            return FLAG;
        }
        match self.mark {
            Mark::NotLogged => ' ',
            Mark::Rest => '·',
            Mark::Run(response) => glyph(response),
        }
    }
}

/// The glyph of a day with a red flag.
pub const FLAG: char = '!';

/// The glyph of a response.
#[must_use]
pub fn glyph(response: Response) -> char {
    match response {
        Response::Green => 'o',
        Response::Amber => '~',
        Response::Red => 'X',
        Response::Unknown => '?',
    }
}

/// Each glyph with its meaning, for the legend.
pub const LEGEND: [(char, &str); 6] = [
    ('o', "fine"),
    ('~', "some more pain"),
    ('X', "more pain"),
    ('?', "not known yet"),
    (FLAG, "red flag"),
    ('·', "no run"),
];

/// The days of the insights' window up to `today`, oldest first.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Calendar {
    pub days: Vec<CalendarDay>,
}

impl Calendar {
    /// The calendar of the window of `insights` (up to `today`), from the journal and the
    /// ledger.
    #[must_use]
    pub fn build(journal: &Journal, insights: &Insights, today: NaiveDate) -> Self {
        let last = insights.window.to.min(today);
        let mut ledger = insights.ledger.iter().peekable();
        let mut days = Vec::new();
        let mut date = insights.window.from;
        while date <= last {
            while ledger.next_if(|e| e.date < date).is_some() {}
            let logged = journal.day(date);
            let mark = match logged {
                None => Mark::NotLogged,
                Some(day) if day.runs.is_empty() => Mark::Rest,
                Some(_) => Mark::Run(
                    ledger
                        .peek()
                        .filter(|e| e.date == date)
                        .map_or(Response::Unknown, |e| e.response),
                ),
            };
            let flag = logged
                .and_then(|d| d.triage.as_ref())
                .and_then(|t| t.red_flags.iter().map(|f| f.tier()).min());
            days.push(CalendarDay { date, mark, flag });
            let Some(next) = date.succ_opt() else {
                break;
            };
            date = next;
        }
        Self { days }
    }

    /// The day on `date`, if the calendar holds it.
    #[must_use]
    pub fn day(&self, date: NaiveDate) -> Option<&CalendarDay> {
        let first = self.days.first()?.date;
        let index = usize::try_from((date - first).num_days()).ok()?;
        self.days.get(index)
    }
}
