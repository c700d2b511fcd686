//! The shell subcommands. Each takes its inputs and a writer, so tests can run them in-process.

pub mod burst;
pub mod check;
pub mod demo;
pub mod report;
