//! stridelog: a run-and-pain journal for runners who live with sciatica.
//!
//! The core (`journal`, `rules`, `triage`, `routine`, `report`) is pure and never imports
//! ratatui; the `tui` module draws it; `cli` and `commands` serve the shell.

pub mod advice;
pub mod cli;
pub mod commands;
pub mod import;
pub mod insights;
pub mod journal;
pub mod report;
pub mod routine;
pub mod rules;
pub mod session;
pub mod sources;
pub mod text;
pub mod triage;
pub mod tui;
pub mod values;
