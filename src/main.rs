//! The `stridelog` binary: parse the command line, then open the app or run a command.

use clap::Parser;
use color_eyre::eyre::{Result, WrapErr};
use std::process::ExitCode;
use stridelog::cli::{Cli, Command};
use stridelog::commands;
use stridelog::journal::dirs;

fn main() -> Result<ExitCode> {
    color_eyre::install()?;
    let cli = Cli::parse();
    let today = cli
        .today
        .unwrap_or_else(|| chrono::Local::now().date_naive());
    let data_dir = dirs::data_dir(cli.data_dir.clone());
    let config_dir = dirs::config_dir(cli.config_dir.clone());
    let mut stdout = std::io::stdout().lock();
    match cli.command {
        None => {
            drop(stdout);
            stridelog::tui::runner::start(
                &data_dir,
                &config_dir,
                today,
                cli.exit_after_first_frame,
            )?;
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Check) => {
            let fine = commands::check::run(&data_dir, &mut stdout)
                .wrap_err_with(|| format!("could not read {}", data_dir.display()))?;
            Ok(if fine {
                ExitCode::SUCCESS
            } else {
                ExitCode::FAILURE
            })
        }
        Some(Command::Report { weeks, format }) => {
            commands::report::run(&data_dir, today, usize::from(weeks), format, &mut stdout)
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
        Command::Sources => {
            write!(stdout, "{}", stridelog::sources::render_list())?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Status { long } => {
            commands::status::run(data_dir, today, long, stdout)
                .wrap_err_with(|| format!("could not read {}", data_dir.display()))?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Completions { shell } => {
            commands::completions::completions(shell, stdout);
            Ok(ExitCode::SUCCESS)
        }
        Command::Man { dir: None } => {
            commands::completions::man(stdout)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Man { dir: Some(dir) } => {
            commands::completions::man_pages(&dir)
                .wrap_err_with(|| format!("could not write to {}", dir.display()))?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Check | Command::Report { .. } | Command::Demo { .. } | Command::TestHook(_) => {
            unreachable!("handled in main")
        }
    }
}
