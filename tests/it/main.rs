//! Every integration test in one crate: one binary to link instead of one per file. Each
//! module is one area; `support` holds what several of them share.

mod support;

mod architecture;
mod cli;
mod cli_options;
mod completions;
mod crash;
mod e2e;
#[cfg(unix)]
mod early_wakes;
mod export;
mod first_screen;
mod hostile_input;
mod hostile_parsers;
mod import;
mod import_exports;
mod insights_json;
mod insights_ledger;
mod insights_outlook;
mod insights_report;
mod insights_signal;
mod insights_stats;
mod insights_tab;
mod log_tab;
mod quick_add;
mod report;
mod report_golden;
mod routine_tab;
mod routine_timer;
mod routines_file;
mod routines_lazy;
mod rules;
mod shell;
mod store;
mod survey;
mod terminal;
mod trends_tab;
mod triage_classify;
mod triage_note;
mod triage_tab;
mod trust_cli;
mod trust_store;
mod weeks;
