//! Shared helpers for the integration tests.

pub mod bin;
pub mod journals;
pub mod log_form;
pub mod pty;
pub mod values_table;

use chrono::NaiveDate;

/// The date written `YYYY-MM-DD`.
pub fn date(text: &str) -> NaiveDate {
    text.parse().unwrap()
}
