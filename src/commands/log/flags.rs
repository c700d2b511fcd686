//! The flags of `stridelog log` (clap derive): they live with the command that reads them, so
//! the command line (`cli.rs`) depends on this module and never the other way round.

use super::{DateArg, RunArg, RunPain};
use crate::journal::entry::{Character, Location, Score, Side, Surface};
use clap::Args;
use clap::builder::BoolishValueParser;

/// `stridelog log`: every field is optional; what is given is set (pain, sleep, …), added (a
/// run, locations) or appended (the note).
#[derive(Debug, Clone, Default, Args)]
pub struct LogArgs {
    /// The day: YYYY-MM-DD, `today` (default) or `yesterday`.
    #[arg(long, value_name = "DATE", value_parser = crate::commands::log::parse_date_arg)]
    pub date: Option<DateArg>,
    /// Pain on waking, 0-10.
    #[arg(long, value_name = "0-10", allow_hyphen_values = true, value_parser = crate::commands::log::parse_score)]
    pub morning: Option<Score>,
    /// Worst pain of the day, 0-10.
    #[arg(long, value_name = "0-10", allow_hyphen_values = true, value_parser = crate::commands::log::parse_score)]
    pub worst: Option<Score>,
    /// Add a run: distance and optional duration, e.g. `5.2km,31:40`, `3.1mi,28:05`, `6`
    /// (your settings' unit) or `21.1km,1:58:30`.
    #[arg(long, value_name = "DIST[,TIME]", allow_hyphen_values = true, value_parser = crate::commands::log::parse_run)]
    pub run: Option<RunArg>,
    /// The run's pain before/during/after, 0-10 each, `-` for not recorded: `2/3/3`.
    #[arg(long, value_name = "B/D/A", requires = "run", allow_hyphen_values = true, value_parser = crate::commands::log::parse_run_pain)]
    pub run_pain: Option<RunPain>,
    /// Had to change how you ran to tolerate the pain (`--gait-changed` alone means yes).
    #[arg(long, value_name = "yes|no", requires = "run", num_args = 0..=1, default_missing_value = "yes", hide_possible_values = true, value_parser = BoolishValueParser::new())]
    pub gait_changed: Option<bool>,
    /// What the run was on.
    #[arg(long, value_enum, requires = "run")]
    pub surface: Option<Surface>,
    /// The run's shoes.
    #[arg(long, value_name = "NAME", requires = "run")]
    pub shoes: Option<String>,
    /// Appended to the day's notes (on a new line).
    #[arg(long, value_name = "TEXT")]
    pub note: Option<String>,
    /// Took pain medication today.
    #[arg(long, value_name = "yes|no", hide_possible_values = true, value_parser = BoolishValueParser::new())]
    pub medication: Option<bool>,
    /// Managed normal day-to-day activities.
    #[arg(long, value_name = "yes|no", hide_possible_values = true, value_parser = BoolishValueParser::new())]
    pub normal: Option<bool>,
    /// Hours slept, 0-24.
    #[arg(long, value_name = "HOURS", allow_hyphen_values = true, value_parser = crate::commands::log::parse_hours)]
    pub sleep: Option<f64>,
    /// Pain woke you or kept you awake.
    #[arg(long, value_name = "yes|no", hide_possible_values = true, value_parser = BoolishValueParser::new())]
    pub sleep_disturbed: Option<bool>,
    /// Hours spent sitting, 0-24.
    #[arg(long, value_name = "HOURS", allow_hyphen_values = true, value_parser = crate::commands::log::parse_hours)]
    pub sitting: Option<f64>,
    /// Stress, 0-10.
    #[arg(long, value_name = "0-10", allow_hyphen_values = true, value_parser = crate::commands::log::parse_score)]
    pub stress: Option<Score>,
    /// Minutes of heat.
    #[arg(long, value_name = "MIN", value_parser = clap::value_parser!(u32).range(0..=1440))]
    pub heat: Option<u32>,
    /// Minutes of ice.
    #[arg(long, value_name = "MIN", value_parser = clap::value_parser!(u32).range(0..=1440))]
    pub ice: Option<u32>,
    /// Which leg.
    #[arg(long, value_enum)]
    pub side: Option<Side>,
    /// Where the pain is (added to the day's list), comma-separated.
    #[arg(long, value_enum, value_delimiter = ',')]
    pub location: Vec<Location>,
    /// What the pain feels like (added to the day's list), comma-separated.
    #[arg(long, value_enum, value_delimiter = ',')]
    pub character: Vec<Character>,
}
