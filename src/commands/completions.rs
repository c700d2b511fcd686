//! `stridelog completions SHELL` and `stridelog man`: generated from the clap definitions
//! (`command`, from `Cli::command()`), so they never drift from the real command line.

use clap::Command;
use std::io::{self, Write};

/// Writes the completion script of `command` for `shell`.
pub fn completions(mut command: Command, shell: clap_complete::Shell, out: &mut impl Write) {
    clap_complete::generate(shell, &mut command, "stridelog", out);
}

/// Writes the man page (roff) of `stridelog`; its SUBCOMMANDS section lists every command.
pub fn man(command: Command, out: &mut impl Write) -> io::Result<()> {
    clap_mangen::Man::new(command).render(out)
}

/// Writes `stridelog.1` and one page per subcommand (`stridelog-import.1`, …) into `dir`.
pub fn man_pages(command: Command, dir: &std::path::Path) -> io::Result<()> {
    std::fs::create_dir_all(dir)?;
    clap_mangen::generate_to(command, dir)
}
