//! The progress bar of `stridelog import`: drawn on stderr only when stderr is a terminal, so a
//! piped or redirected import prints nothing but its report.

use crate::import::archive::Progress;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::io::IsTerminal;

/// Where progress goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Display {
    /// A bar on stderr, when it is a terminal.
    Terminal,
    /// Nothing.
    Hidden,
}

impl Display {
    /// A bar on a terminal, nothing when stderr is piped or redirected.
    pub fn detect() -> Self {
        if std::io::stderr().is_terminal() {
            Self::Terminal
        } else {
            Self::Hidden
        }
    }
}

/// A progress bar over the files of an import.
pub struct Bar {
    bar: ProgressBar,
}

impl Bar {
    pub fn new(display: Display) -> Self {
        let target = match display {
            Display::Terminal => ProgressDrawTarget::stderr(),
            Display::Hidden => ProgressDrawTarget::hidden(),
        };
        let bar = ProgressBar::with_draw_target(Some(0), target);
        if let Ok(style) =
            ProgressStyle::with_template("reading {bar:30} {pos}/{len} files {elapsed}")
        {
            bar.set_style(style);
        }
        Self { bar }
    }

    /// Removes the bar before the report is printed.
    pub fn finish(&self) {
        self.bar.finish_and_clear();
    }
}

impl Progress for Bar {
    fn more(&mut self, n: usize) {
        self.bar.inc_length(n as u64);
    }

    fn done(&mut self) {
        self.bar.inc(1);
    }
}
