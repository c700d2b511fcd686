//! The Routine tab: pick a routine, read its steps, and be guided through it with a big
//! countdown, sides, rests, a bell and a flash; then "pain now?" and the session is saved into
//! today's `routines`.
//!
//! Time comes in only through [`RoutineState::tick`] (the event loop's `Action::Tick(now)`, and
//! the tests' fake instants). A key acts at the instant of the last tick: the event loop sends a
//! tick just before each key, so a pause or a skip happens at the moment the key was read.
//! `update` never reads the clock. Sounds go out as [`Effect`]s that the event loop drains; the
//! flash is drawn by the view from [`RoutineState::flashing`].

mod big_digits;
mod finish;
mod hold;
mod keys;
mod picker;
mod running;
mod update;

use crate::journal::entry::RoutineSession;
use crate::journal::settings::Settings;
use crate::routine::{self, Routine, Timer, TimerConfig};
use crate::tui::ctx::Ctx;
use chrono::NaiveTime;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;
use std::cell::OnceCell;
use std::time::{Duration, Instant};

/// How long the countdown stays inverted after a cue.
pub const FLASH: Duration = Duration::from_millis(150);
/// The redraw tick while a timer runs (the gauges move smoothly at this rate).
pub const FINE_TICK: Duration = Duration::from_millis(100);

/// Something the event loop has to do outside the screen (the tab never does I/O itself).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Effect {
    /// Ring the terminal bell (write `\x07`).
    Bell,
}

/// What can happen on this tab.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RoutineAction {
    Up,
    Down,
    /// Enter on the list: show the steps.
    Open,
    /// Esc from the steps: back to the list.
    Back,
    Start,
    /// Space: resume when paused, count a rep when the step waits for taps, else pause.
    PauseOrTap,
    Skip,
    Previous,
    Restart,
    /// Esc while running: ask "stop?".
    AskStop,
    /// The answer to "stop?".
    ConfirmStop(bool),
    ToggleBell,
    ToggleFlash,
    /// A digit (or `+` as 10) answering "pain now?".
    Pain(u8),
    /// Enter after a lone `1`: the answer is 1.
    PainEnter,
    /// Backspace: forget a lone `1`.
    PainClear,
    /// `s` at "pain now?": save without a score.
    SkipPain,
    /// `r` after a failed save.
    Retry,
    /// Back to the list (after saving, or dropping a session that cannot be saved).
    Done,
}

/// Where the tab is.
#[derive(Debug)]
pub(crate) enum Mode {
    /// The list of routines.
    Pick,
    /// The steps of the selected routine, one selected.
    Detail {
        step: usize,
    },
    Run(Box<Run>),
    Finish(Finish),
}

/// A routine under way.
#[derive(Debug)]
pub(crate) struct Run {
    pub timer: Timer,
    /// Wall-clock start, for the journal.
    pub started: NaiveTime,
    /// The step it starts from (the one selected in the step list).
    pub first_step: usize,
    /// Whether "Stop the routine?" is showing.
    pub stop_question: StopQuestion,
    /// Who stopped the clock, if a question did (it starts again when the question is
    /// answered "go on"); a pause the runner chose stays.
    pub held: Hold,
}

/// Whether the "Stop the routine?" question is showing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum StopQuestion {
    Closed,
    Open,
}

/// How a routine came to its end.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Ending {
    /// It ran to its last step.
    Completed,
    /// The runner stopped it.
    Stopped,
}

/// Whether a question paused the routine's clock.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Hold {
    Free,
    ByQuestion,
}

/// After the routine: "pain now?" and the save.
#[derive(Debug)]
pub(crate) struct Finish {
    pub name: String,
    pub session: RoutineSession,
    pub ending: Ending,
    pub stage: Stage,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Stage {
    /// Waiting for the score; `one` after a lone `1` (a `0` makes 10).
    AskPain {
        one: bool,
    },
    Saved,
    /// The save failed with this message; `r` tries again.
    Failed(String),
    /// Stopped before any exercise time: nothing worth recording.
    Nothing,
}

/// The routines the tab offers.
#[derive(Debug)]
pub(crate) struct Offer {
    pub routines: Vec<Routine>,
    /// How many of `routines` are built in (the runner's own follow them).
    pub builtin_count: usize,
    /// Why the runner's own routines file could not be read.
    pub user_error: Option<String>,
}

/// The tab's state.
#[derive(Debug)]
pub struct RoutineState {
    /// Parsed from `user_file` and the built-ins the first time the tab needs them: the app
    /// opens on the Log tab, and parsing them was a tenth of its first frame.
    offer: OnceCell<Offer>,
    /// The runner's routines file, as read when the app started.
    user_file: routine::UserFile,
    pub(crate) selected: usize,
    pub(crate) mode: Mode,
    /// The latest instant seen (from a tick).
    pub(crate) now: Option<Instant>,
    flash_until: Option<Instant>,
    effects: Vec<Effect>,
}

impl RoutineState {
    /// The built-in routines and the runner's own (from `config_dir/routines.ron`). The file
    /// is read now; it and the built-ins are parsed when the tab first needs them.
    pub fn new(ctx: &Ctx) -> Self {
        let user_file = match &ctx.config_dir {
            Some(dir) => routine::read_user(&dir.join(routine::USER_FILE)),
            None => routine::UserFile::Missing,
        };
        Self::with_offer(OnceCell::new(), user_file)
    }

    /// A tab offering `routines`, the first `builtin_count` of them built in (for tests and
    /// for callers that loaded the routines themselves).
    pub fn with_routines(
        routines: Vec<Routine>,
        builtin_count: usize,
        user_error: Option<String>,
    ) -> Self {
        let offer = Offer {
            builtin_count: builtin_count.min(routines.len()),
            routines,
            user_error,
        };
        Self::with_offer(OnceCell::from(offer), routine::UserFile::Missing)
    }

    fn with_offer(offer: OnceCell<Offer>, user_file: routine::UserFile) -> Self {
        Self {
            offer,
            user_file,
            selected: 0,
            mode: Mode::Pick,
            now: None,
            flash_until: None,
            effects: Vec::new(),
        }
    }

    /// The routines offered (parsed now if they were not yet).
    pub(crate) fn offer(&self) -> &Offer {
        self.offer.get_or_init(|| {
            let builtin_count = routine::builtins().len();
            let (routines, user_error) = routine::offer(&self.user_file);
            Offer {
                builtin_count: builtin_count.min(routines.len()),
                routines,
                user_error,
            }
        })
    }

    /// The routines offered, built-ins first.
    pub fn routines(&self) -> &[Routine] {
        &self.offer().routines
    }

    /// The timer of the routine under way, if one is.
    pub fn timer(&self) -> Option<&Timer> {
        match &self.mode {
            Mode::Run(run) => Some(&run.timer),
            _ => None,
        }
    }

    /// True while "stop the routine?" is asked.
    pub fn confirming_stop(&self) -> bool {
        matches!(&self.mode, Mode::Run(run) if run.stop_question == StopQuestion::Open)
    }

    /// True while "pain now?" waits for an answer.
    pub fn asking_pain(&self) -> bool {
        matches!(&self.mode, Mode::Finish(f) if matches!(f.stage, Stage::AskPain { .. }))
    }

    /// The message of the last failed save, while it is shown.
    pub fn save_error(&self) -> Option<&str> {
        match &self.mode {
            Mode::Finish(Finish {
                stage: Stage::Failed(e),
                ..
            }) => Some(e),
            _ => None,
        }
    }

    /// True while the countdown is drawn inverted after a cue.
    pub fn flashing(&self) -> bool {
        matches!((self.flash_until, self.now), (Some(until), Some(now)) if now < until)
    }

    /// The effects queued since the last call (the event loop performs them).
    pub fn take_effects(&mut self) -> Vec<Effect> {
        std::mem::take(&mut self.effects)
    }

    /// True when quitting now would lose a routine under way or a session not yet saved.
    pub fn has_unsaved_session(&self) -> bool {
        match &self.mode {
            Mode::Run(_) => true,
            Mode::Finish(f) => matches!(f.stage, Stage::AskPain { .. } | Stage::Failed(_)),
            Mode::Pick | Mode::Detail { .. } => false,
        }
    }

    /// True while typing the pain score (keys go to the tab, not the app).
    pub fn captures_input(&self) -> bool {
        self.asking_pain()
    }
}

/// The timer's settings from the runner's settings.
pub fn timer_config(settings: &Settings) -> TimerConfig {
    TimerConfig {
        get_ready: Duration::from_secs(u64::from(settings.get_ready_seconds)),
        rest_between: Duration::from_secs(u64::from(settings.rest_seconds)),
    }
}

/// Draws the tab.
pub struct RoutineView<'a> {
    pub state: &'a RoutineState,
    pub ctx: &'a Ctx,
}

impl Widget for RoutineView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let state = self.state;
        let ctx = self.ctx;
        match &state.mode {
            Mode::Pick => picker::render_list(state, ctx, area, buf),
            Mode::Detail { step } => picker::render_detail(state, ctx, *step, area, buf),
            Mode::Run(run) => running::render(state, run, ctx, area, buf),
            Mode::Finish(f) => finish::render(f, ctx, area, buf),
        }
    }
}
