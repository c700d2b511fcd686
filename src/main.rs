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
    }
}
