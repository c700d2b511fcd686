//! The `stridelog` binary: parse the command line, then open the app or run a command.

use clap::CommandFactory;
use color_eyre::eyre::{Result, WrapErr};
use std::process::ExitCode;
use stridelog::cli::{Cli, Command};
use stridelog::commands;
use stridelog::journal::dirs;

fn main() -> ExitCode {
    // The panic hook (a bug of ours) keeps color-eyre's report; a user's mistake does not.
    let _ = color_eyre::install();
    match run() {
        Ok(code) => code,
        Err(report) => explain(&report),
    }
}

/// Prints an error for people: one line of causes joined by ": ", no backtrace, no source
/// location, no colour. A closed pipe (`stridelog export | head`) ends quietly.
fn explain(report: &color_eyre::Report) -> ExitCode {
    let broken_pipe = report.chain().any(|cause| {
        cause
            .downcast_ref::<std::io::Error>()
            .is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe)
    });
    if broken_pipe {
        return ExitCode::SUCCESS;
    }
    let line = report
        .chain()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join(": ");
    // A file name or a value may hold control characters: never send them to the terminal.
    eprintln!("stridelog: {}", stridelog::text::escape_controls(&line));
    ExitCode::FAILURE
}

/// The folder a reading command works on must exist: a typo in `--data-dir` must not read as
/// an empty journal.
fn require_journal(data_dir: &std::path::Path) -> Result<()> {
    if data_dir.is_dir() {
        return Ok(());
    }
    let what = if data_dir.exists() {
        "is not a folder"
    } else {
        "does not exist"
    };
    color_eyre::eyre::bail!(
        "no journal at {}: the folder {what} (check --data-dir or STRIDELOG_DATA_DIR; \
         `stridelog` opens the app and starts a journal)",
        data_dir.display()
    )
}

/// Asks before the app creates a journal folder that is not there yet (a typo in
/// `--data-dir` must not silently start an empty journal somewhere else).
fn agrees_to_create(data_dir: &std::path::Path) -> Result<bool> {
    use std::io::{BufRead, IsTerminal, Write};
    if !std::io::stdin().is_terminal() {
        color_eyre::eyre::bail!(
            "no journal at {} yet; run stridelog in a terminal to start one there",
            data_dir.display()
        );
    }
    let mut err = std::io::stderr();
    write!(
        err,
        "No journal at {} yet. Start a new one there? [y/N] ",
        data_dir.display()
    )?;
    err.flush()?;
    let mut answer = String::new();
    std::io::stdin().lock().read_line(&mut answer)?;
    let yes = matches!(answer.trim().to_ascii_lowercase().as_str(), "y" | "yes");
    if !yes {
        writeln!(err, "Nothing was created.")?;
    }
    Ok(yes)
}

fn run() -> Result<ExitCode> {
    let cli = Cli::from_env();
    let options = &cli.options;
    let today = options.today.unwrap_or_else(|| {
        options
            .now
            .map_or_else(|| chrono::Local::now().date_naive(), |now| now.date())
    });
    let data_dir = dirs::data_dir(options.data_dir.clone());
    let config_dir = dirs::config_dir(options.config_dir.clone());
    let mut stdout = std::io::stdout().lock();
    match cli.command {
        None => {
            drop(stdout);
            if !data_dir.exists() && !agrees_to_create(&data_dir)? {
                return Ok(ExitCode::SUCCESS);
            }
            let clock = match (cli.options.today, cli.options.now) {
                (Some(_), _) => stridelog::tui::runner::Today::Fixed(today),
                (None, Some(start)) => {
                    stridelog::tui::runner::Today::FromClock(stridelog::tui::ctx::Clock::Running {
                        start,
                        since: std::time::Instant::now(),
                    })
                }
                (None, None) => {
                    stridelog::tui::runner::Today::FromClock(stridelog::tui::ctx::Clock::System)
                }
            };
            stridelog::tui::runner::start(
                &data_dir,
                &config_dir,
                clock,
                cli.options.exit_after_first_frame,
            )?;
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Check) => {
            require_journal(&data_dir)?;
            let fine = commands::check::run(&data_dir, &mut stdout)
                .wrap_err_with(|| format!("could not read {}", data_dir.display()))?;
            Ok(if fine {
                ExitCode::SUCCESS
            } else {
                ExitCode::FAILURE
            })
        }
        Some(Command::Report { weeks, format }) => {
            require_journal(&data_dir)?;
            commands::report::run(
                &data_dir,
                &config_dir,
                today,
                usize::from(weeks),
                format,
                &mut stdout,
            )
            .wrap_err_with(|| format!("could not read {}", data_dir.display()))?;
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::TestHook(stridelog::cli::Hidden::SaveBurst { days })) => {
            commands::burst::run(&data_dir, today, days)?;
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Demo { dir, days, seed }) => {
            commands::demo::run(&dir, today, days, seed, &mut stdout)?;
            Ok(ExitCode::SUCCESS)
        }
        Some(other) => run_shell_command(other, &data_dir, &config_dir, today, &mut stdout),
    }
}

/// The commands that import, export, quick-add and describe the command line.
fn run_shell_command(
    command: Command,
    data_dir: &std::path::Path,
    config_dir: &std::path::Path,
    today: chrono::NaiveDate,
    stdout: &mut impl std::io::Write,
) -> Result<ExitCode> {
    match command {
        Command::Import {
            args,
            dry_run,
            units,
            as_run,
        } => {
            use commands::import::{Mode, Request};
            use stridelog::import::sanity::Unspecified;
            let request = Request {
                mode: if dry_run { Mode::DryRun } else { Mode::Save },
                units: units.map(Into::into),
                unspecified: if as_run {
                    Unspecified::TakeAsRun
                } else {
                    Unspecified::CheckPace
                },
                today,
                progress: commands::import::Display::detect(),
            };
            let result =
                commands::import::run(data_dir, config_dir, &args, request, &chrono::Local, stdout);
            Ok(match result {
                Ok(summary) if summary.complete() => ExitCode::SUCCESS,
                Ok(_) => ExitCode::FAILURE,
                Err(message) => {
                    eprintln!("stridelog import: {message}");
                    ExitCode::FAILURE
                }
            })
        }
        Command::Export { format, from, to } => {
            require_journal(data_dir)?;
            commands::export::run(data_dir, format, from, to, stdout, &mut std::io::stderr())
                .wrap_err_with(|| format!("could not export {}", data_dir.display()))?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Log(args) => {
            let result = commands::log::run(
                data_dir,
                config_dir,
                today,
                &args,
                stdout,
                &mut std::io::stderr(),
            );
            Ok(match result {
                Ok(()) => ExitCode::SUCCESS,
                Err(error) => {
                    eprintln!("stridelog log: {error}");
                    ExitCode::from(match error {
                        commands::log::LogError::Usage(_) => 2,
                        commands::log::LogError::Refused(_) => 1,
                    })
                }
            })
        }
        Command::Insights { from, to, format } => {
            insights(data_dir, today, (from, to), format, stdout)
        }
        Command::Keys => {
            let (keys, warning) = stridelog::tui::keys_file::load(config_dir);
            if let Some(warning) = warning {
                eprintln!("stridelog: {warning}");
            }
            write!(stdout, "{}", stridelog::tui::keymap::markdown(&keys))?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Sources => {
            write!(stdout, "{}", stridelog::sources::render_list())?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Status { long } => {
            require_journal(data_dir)?;
            commands::status::run(data_dir, today, long, stdout)
                .wrap_err_with(|| format!("could not read {}", data_dir.display()))?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Completions { shell } => {
            commands::completions::completions(Cli::command(), shell, stdout);
            Ok(ExitCode::SUCCESS)
        }
        Command::Man { dir: None } => {
            commands::completions::man(Cli::command(), stdout)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Man { dir: Some(dir) } => {
            commands::completions::man_pages(Cli::command(), &dir)
                .wrap_err_with(|| format!("could not write to {}", dir.display()))?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Check | Command::Report { .. } | Command::Demo { .. } | Command::TestHook(_) => {
            unreachable!("handled in main")
        }
    }
}

/// `stridelog insights`: exit 2 when `--from` is after `--to`.
fn insights(
    data_dir: &std::path::Path,
    today: chrono::NaiveDate,
    (from, to): (Option<chrono::NaiveDate>, Option<chrono::NaiveDate>),
    format: stridelog::insights::Format,
    stdout: &mut impl std::io::Write,
) -> Result<ExitCode> {
    use commands::insights::InsightsError;
    require_journal(data_dir)?;
    match commands::insights::run(data_dir, today, from, to, format, stdout) {
        Ok(()) => Ok(ExitCode::SUCCESS),
        Err(InsightsError::Usage(message)) => {
            eprintln!("stridelog insights: {message}");
            Ok(ExitCode::from(2))
        }
        Err(InsightsError::Io(error)) => {
            Err(error).wrap_err_with(|| format!("could not read {}", data_dir.display()))
        }
    }
}
