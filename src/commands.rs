//! The shell subcommands. Each takes its inputs and a writer, so tests can run them in-process.

pub mod burst;
pub mod check;
pub mod completions;
pub mod demo;
pub mod export;
pub mod import;
pub mod insights;
pub mod log;
pub mod report;
pub mod status;
