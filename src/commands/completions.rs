//! `stridelog completions SHELL` and `stridelog man`: generated from the clap definitions, so
//! they never drift from the real command line.

use crate::cli::Cli;
use clap::CommandFactory;
use std::io::{self, Write};

/// Writes the completion script for `shell`.
pub fn completions(shell: clap_complete::Shell, out: &mut impl Write) {
    let mut command = Cli::command();
    clap_complete::generate(shell, &mut command, "stridelog", out);
}

/// Writes the man page (roff) of `stridelog`; its SUBCOMMANDS section lists every command.
pub fn man(out: &mut impl Write) -> io::Result<()> {
    clap_mangen::Man::new(Cli::command()).render(out)
}

/// Writes `stridelog.1` and one page per subcommand (`stridelog-import.1`, …) into `dir`.
pub fn man_pages(dir: &std::path::Path) -> io::Result<()> {
    std::fs::create_dir_all(dir)?;
    clap_mangen::generate_to(Cli::command(), dir)
}
