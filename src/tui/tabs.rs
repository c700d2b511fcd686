//! The five tabs, one file each. Every tab has a state (`…State`) with `map_key`, `update`
//! and `hints`, an action enum, a `HELP` key list, and a view (`…View`) that only reads.

pub mod insights;
pub mod log;
pub mod routine;
pub mod trends;
pub mod triage;
