//! Shared helpers for the integration tests.

pub mod journals;
pub mod log_form;
pub mod pty;
pub mod values_table;
