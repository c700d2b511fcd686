//! The command line: global options and subcommands (clap derive).

use crate::commands::export::ExportFormat;
use crate::commands::log::LogArgs;
use chrono::NaiveDate;
use clap::{Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

/// A run-and-pain journal for runners who live with sciatica.
///
/// With no command, opens the journal in the terminal. Not medical advice: it helps you notice
/// patterns; it does not diagnose.
#[derive(Debug, Parser)]
#[command(name = "stridelog", version, about, long_about = None)]
pub struct Cli {
    #[command(flatten)]
    pub options: Options,

    #[command(subcommand)]
    pub command: Option<Command>,
}

/// The options that are not a command's own: where the journal is, what day it is, and the
/// app's hidden ones for tests. With nothing else on the command line (the app opening, the
/// usual case) they are all there is to parse: see [`Cli::from_args`].
#[derive(Debug, Parser)]
#[command(name = "stridelog")]
pub struct Options {
    /// Folder holding the journal's day files.
    #[arg(long, global = true, env = "STRIDELOG_DATA_DIR", value_name = "DIR")]
    pub data_dir: Option<PathBuf>,

    /// Folder holding settings.ron and routines.ron.
    #[arg(long, global = true, env = "STRIDELOG_CONFIG_DIR", value_name = "DIR")]
    pub config_dir: Option<PathBuf>,

    /// Pretend today is this date (YYYY-MM-DD), for screens, demo and reports.
    #[arg(long, global = true, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    pub today: Option<NaiveDate>,

    /// Draw the first frame, then exit (for timing the start).
    #[arg(long, hide = true)]
    pub exit_after_first_frame: bool,

    /// Start the app's clock at this local time (YYYY-MM-DDTHH:MM:SS); it runs on from there
    /// (for testing what happens at midnight).
    #[arg(long, hide = true, value_name = "YYYY-MM-DDTHH:MM:SS")]
    pub now: Option<chrono::NaiveDateTime>,
}

impl Cli {
    /// The command line of this process, as `Cli::parse()` reads it (printing help, the
    /// version or an error and exiting, as it does).
    pub fn from_env() -> Self {
        Self::from_args(std::env::args_os())
    }

    /// `args` (the program's name first) as `Cli::parse_from` reads them. clap builds the
    /// definition of every command before it parses anything, a third of a millisecond at
    /// each start, so a command line of [`Options`] alone (opening the app) is parsed with
    /// their definition only; anything else, help, the version and every error included, is
    /// parsed by the whole definition and comes out exactly as it always did.
    pub fn from_args<I, T>(args: I) -> Self
    where
        I: IntoIterator<Item = T>,
        T: Into<std::ffi::OsString> + Clone,
    {
        let args: Vec<std::ffi::OsString> = args.into_iter().map(Into::into).collect();
        Self::options_alone(&args).unwrap_or_else(|| Self::parse_from(args))
    }

    /// Like [`Cli::from_args`], returning clap's error instead of exiting.
    ///
    /// # Errors
    /// What `Cli::try_parse_from` says about `args`.
    pub fn try_from_args<I, T>(args: I) -> Result<Self, clap::Error>
    where
        I: IntoIterator<Item = T>,
        T: Into<std::ffi::OsString> + Clone,
    {
        let args: Vec<std::ffi::OsString> = args.into_iter().map(Into::into).collect();
        match Self::options_alone(&args) {
            Some(cli) => Ok(cli),
            None => Self::try_parse_from(args),
        }
    }

    /// The command line when it holds nothing but [`Options`] (and they parse), else `None`.
    pub fn options_alone(args: &[std::ffi::OsString]) -> Option<Self> {
        Options::try_parse_from(args).ok().map(|options| Self {
            options,
            command: None,
        })
    }
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// The verdict, the rules that fired with their reasons, and weekly numbers.
    Report {
        /// How many ISO weeks (Monday to Sunday) to show, ending with this week.
        #[arg(long, default_value_t = 12, value_parser = clap::value_parser!(u16).range(1..=520))]
        weeks: u16,
        /// text for the terminal, markdown for a physiotherapist, json for scripts.
        #[arg(long, value_enum, default_value_t = crate::report::Format::Text)]
        format: crate::report::Format,
    },
    /// What goes with your pain: run days scored by the next morning, the factors and daily
    /// habits that go with more pain, with honest statistics (not medical advice).
    Insights {
        /// First day to look at (YYYY-MM-DD); default: 364 days before --to.
        #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
        from: Option<NaiveDate>,
        /// Last day to look at (YYYY-MM-DD); default: today.
        #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
        to: Option<NaiveDate>,
        /// text in plain words, json for scripts.
        #[arg(long, value_enum, default_value_t = crate::insights::Format::Text)]
        format: crate::insights::Format,
    },
    /// Read every day file and list the ones that cannot be read (exit 1 if any).
    Check,
    #[command(hide = true, name = "test-hook", subcommand)]
    TestHook(Hidden),
    /// Write a realistic made-up journal into an empty folder, to try the app.
    Demo {
        /// Where to write it (must be empty or not exist yet).
        dir: PathBuf,
        /// How many days, ending today.
        #[arg(long, default_value_t = 180, value_parser = clap::value_parser!(u32).range(1..=100_000))]
        days: u32,
        /// Same seed, same journal.
        #[arg(long, default_value_t = 1)]
        seed: u64,
    },
    /// Add runs from a watch or app: a Strava or Garmin export (zip or folder), their CSVs, GPX,
    /// TCX or FIT files (also .gz).
    ///
    /// Only runs are added, each on the local day it started; pain and everything else of a day
    /// stay as they are. A run already in the journal (same source, or same start within two
    /// minutes, or same distance and duration) is counted as a duplicate, so importing the same
    /// export twice adds nothing. Exit status 1 when a file, row or day could not be read.
    Import {
        /// An export .zip or folder, files (.csv .gpx .tcx .fit .json, or .gz), or
        /// `strava FILE` / `garmin FILE` to say which app wrote a CSV.
        #[arg(required = true, value_name = "[strava|garmin] FILE")]
        args: Vec<PathBuf>,
        /// Show what would be added; write nothing.
        #[arg(long)]
        dry_run: bool,
        /// The unit of a CSV's distances when the file does not say (default: your settings).
        #[arg(long, value_enum, value_name = "km|mi")]
        units: Option<UnitArg>,
        /// Take files that name no sport as runs even when their pace does not look like
        /// running (2:30-15:00 per km).
        #[arg(long)]
        as_run: bool,
    },
    /// Write the journal as CSV (one row per day, runs summed) or JSON (full days) to stdout.
    Export {
        #[arg(long, value_enum, default_value_t = ExportFormat::Csv)]
        format: ExportFormat,
        /// First day to include (YYYY-MM-DD); older years are not even read.
        #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
        from: Option<NaiveDate>,
        /// Last day to include (YYYY-MM-DD).
        #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
        to: Option<NaiveDate>,
    },
    /// Log a day from the shell (scripts, ssh from a phone): merges into the day's file.
    Log(LogArgs),
    /// One short line for a shell prompt or tmux: is today logged, and the verdict.
    Status {
        /// Also print what the verdict means, every reason with its source, and the
        /// not-medical-advice line.
        #[arg(long)]
        long: bool,
    },
    /// Where the rules and guidance come from: every source in full.
    Sources,
    /// Every key of the app (with your keys.ron applied), as a Markdown table.
    Keys,
    /// Print a shell completion script (bash, zsh, fish, elvish or powershell).
    ///
    /// For example: `stridelog completions bash > ~/.local/share/bash-completion/completions/stridelog`.
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the man page (roff) to stdout: `stridelog man > stridelog.1`.
    Man {
        /// Instead, write stridelog.1 and one page per command (stridelog-log.1, …) here.
        #[arg(long, value_name = "DIR")]
        dir: Option<PathBuf>,
    },
}

/// The unit of distances in an imported file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum UnitArg {
    Km,
    #[value(alias = "miles")]
    Mi,
}

impl From<UnitArg> for crate::journal::settings::Units {
    fn from(unit: UnitArg) -> Self {
        match unit {
            UnitArg::Km => Self::Km,
            UnitArg::Mi => Self::Miles,
        }
    }
}

/// Hidden commands for the project's own tests.
#[derive(Debug, Subcommand)]
pub enum Hidden {
    /// Rewrite the last DAYS days through the atomic save, round after round, until killed
    /// (the crash-safety test kills it at random moments).
    SaveBurst {
        #[arg(long, default_value_t = 5)]
        days: u32,
    },
}

/// Parses a `YYYY-MM-DD` date strictly (four-digit year, two-digit month and day).
pub fn parse_date(text: &str) -> Result<NaiveDate, String> {
    let ok_shape = text.len() == 10
        && text.bytes().enumerate().all(|(i, b)| {
            if i == 4 || i == 7 {
                b == b'-'
            } else {
                b.is_ascii_digit()
            }
        });
    let date = ok_shape
        .then(|| NaiveDate::parse_from_str(text, "%Y-%m-%d").ok())
        .flatten();
    date.ok_or_else(|| format!("`{text}` is not a date: write it as YYYY-MM-DD, e.g. 2026-11-22"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_strict() {
        assert!(parse_date("2026-11-22").is_ok());
        assert!(parse_date("2026-2-30").is_err());
        assert!(parse_date("2026-02-30").is_err());
        assert!(parse_date("tomorrow").unwrap_err().contains("YYYY-MM-DD"));
    }

    #[test]
    fn global_options_work_after_the_subcommand() {
        let cli = Cli::try_parse_from([
            "stridelog",
            "check",
            "--data-dir",
            "/x",
            "--today",
            "2026-01-02",
        ])
        .unwrap();
        assert_eq!(cli.options.data_dir, Some(PathBuf::from("/x")));
        assert_eq!(cli.options.today, parse_date("2026-01-02").ok());
    }
}
