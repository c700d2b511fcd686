//! The one key list: every command a key can give outside a text field, the keys that give it,
//! and its words for the help. What a key does, the hint line and the help all read this table,
//! so they cannot drift apart; `<config dir>/keys.ron` can bind other keys to any command
//! (see [`super::keys_file`]).
//!
//! Typing into an open field, and the y/n answers of a question dialog, are not commands: there
//! a key is what it says.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use std::fmt;

/// Where a command applies: everywhere, or on one tab (in one of its modes).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Scope {
    Global,
    Log,
    Triage,
    /// The routine list and a routine's steps.
    RoutineList,
    /// A routine under way.
    RoutineRun,
    Trends,
    Insights,
}

impl Scope {
    /// Every scope, in the order the help and the README list them.
    pub const ALL: [Scope; 7] = [
        Scope::Global,
        Scope::Log,
        Scope::Triage,
        Scope::RoutineList,
        Scope::RoutineRun,
        Scope::Trends,
        Scope::Insights,
    ];

    /// The heading of this scope in the help.
    pub fn title(self) -> &'static str {
        match self {
            Scope::Global => "Everywhere",
            Scope::Log => "Log",
            Scope::Triage => "Triage",
            Scope::RoutineList => "Routine: choosing",
            Scope::RoutineRun => "Routine: under way",
            Scope::Trends => "Trends",
            Scope::Insights => "Insights",
        }
    }

    /// The name used in `keys.ron` (`log.undo`).
    pub fn prefix(self) -> &'static str {
        match self {
            Scope::Global => "global",
            Scope::Log => "log",
            Scope::Triage => "triage",
            Scope::RoutineList => "routine-list",
            Scope::RoutineRun => "routine-run",
            Scope::Trends => "trends",
            Scope::Insights => "insights",
        }
    }
}

/// Every command a key can give.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Command {
    Quit,
    Help,
    Settings,
    NextTab,
    PrevTab,
    /// Open tab number n (1-based).
    Tab(u8),
    // The Log tab.
    LogUp,
    LogDown,
    LogPrevDay,
    LogNextDay,
    LogWeekBack,
    LogWeekOn,
    LogToday,
    LogGoTo,
    LogEdit,
    LogToggle,
    LogYes,
    LogNo,
    LogClear,
    LogAddRun,
    LogDeleteRun,
    LogUndo,
    LogRedo,
    LogRetry,
    LogReload,
    LogBack,
    // The Triage tab.
    TriageNextPart,
    TriagePrevPart,
    TriageUp,
    TriageDown,
    TriagePageUp,
    TriagePageDown,
    TriageTop,
    TriageBottom,
    TriageYes,
    TriageNo,
    TriageSkip,
    TriageClear,
    TriageEnter,
    TriagePrevDay,
    TriageNextDay,
    TriageToday,
    // The Routine tab.
    RoutineUp,
    RoutineDown,
    RoutineOpen,
    RoutineStart,
    RoutineBack,
    RoutineBell,
    RoutineFlash,
    RoutinePause,
    RoutineSkip,
    RoutinePrevious,
    RoutineRestart,
    RoutineStop,
    // The Trends tab.
    TrendsOlder,
    TrendsNewer,
    TrendsOldest,
    TrendsCurrent,
    TrendsRange,
    TrendsScrollDown,
    TrendsScrollUp,
    TrendsPageDown,
    TrendsPageUp,
    // The Insights tab.
    InsightsScrollDown,
    InsightsScrollUp,
    InsightsPageDown,
    InsightsPageUp,
    InsightsTop,
}

/// One key, with its modifiers (Shift is part of the character for letters).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Key {
    pub code: KeyCode,
    pub ctrl: bool,
}

impl Key {
    /// The key as the event gives it (Alt never matches: it is not used).
    pub fn of(event: KeyEvent) -> Option<Self> {
        if event.modifiers.contains(KeyModifiers::ALT) {
            return None;
        }
        Some(Self::new(
            event.code,
            event.modifiers.contains(KeyModifiers::CONTROL),
        ))
    }

    /// A key; with Ctrl a letter is the same in either case (Ctrl-R is Ctrl-r).
    fn new(code: KeyCode, ctrl: bool) -> Self {
        let code = match code {
            KeyCode::Char(c) if ctrl => KeyCode::Char(c.to_ascii_lowercase()),
            other => other,
        };
        Self { code, ctrl }
    }

    /// Reads a key written by a person: `q`, `Ctrl-R`, `Up`, `PgDn`, `Space`, `Shift-Tab`, `F5`.
    ///
    /// # Errors
    /// What was not understood.
    pub fn parse(text: &str) -> Result<Self, String> {
        let (ctrl, name) = match text
            .strip_prefix("Ctrl-")
            .or_else(|| text.strip_prefix("C-"))
        {
            Some(rest) => (true, rest),
            None => (false, text),
        };
        let code = match name {
            "Up" | "↑" => KeyCode::Up,
            "Down" | "↓" => KeyCode::Down,
            "Left" | "←" => KeyCode::Left,
            "Right" | "→" => KeyCode::Right,
            "PgUp" | "PageUp" => KeyCode::PageUp,
            "PgDn" | "PageDown" => KeyCode::PageDown,
            "Home" => KeyCode::Home,
            "End" => KeyCode::End,
            "Enter" => KeyCode::Enter,
            "Esc" => KeyCode::Esc,
            "Tab" => KeyCode::Tab,
            "Shift-Tab" | "BackTab" => KeyCode::BackTab,
            "Space" => KeyCode::Char(' '),
            "Del" | "Delete" => KeyCode::Delete,
            "Backspace" => KeyCode::Backspace,
            f if f.len() > 1 && f.starts_with('F') && f[1..].parse::<u8>().is_ok() => {
                KeyCode::F(f[1..].parse().unwrap_or(1))
            }
            c if c.chars().count() == 1 => KeyCode::Char(c.chars().next().unwrap_or(' ')),
            _ => {
                return Err(format!(
                    "\"{text}\" is not a key: write a letter or sign (q, ?), Ctrl-R, Up, Down, \
                     Left, Right, PgUp, PgDn, Home, End, Enter, Esc, Tab, Shift-Tab, Space, Del, \
                     Backspace or F1-F12"
                ));
            }
        };
        Ok(Self::new(code, ctrl))
    }
}

impl fmt::Display for Key {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.ctrl {
            f.write_str("Ctrl-")?;
        }
        match self.code {
            KeyCode::Up => f.write_str("↑"),
            KeyCode::Down => f.write_str("↓"),
            KeyCode::Left => f.write_str("←"),
            KeyCode::Right => f.write_str("→"),
            KeyCode::PageUp => f.write_str("PgUp"),
            KeyCode::PageDown => f.write_str("PgDn"),
            KeyCode::Home => f.write_str("Home"),
            KeyCode::End => f.write_str("End"),
            KeyCode::Enter => f.write_str("Enter"),
            KeyCode::Esc => f.write_str("Esc"),
            KeyCode::Tab => f.write_str("Tab"),
            KeyCode::BackTab => f.write_str("Shift-Tab"),
            KeyCode::Char(' ') => f.write_str("Space"),
            KeyCode::Delete => f.write_str("Del"),
            KeyCode::Backspace => f.write_str("Backspace"),
            KeyCode::F(n) => write!(f, "F{n}"),
            KeyCode::Char(c) if self.ctrl => write!(f, "{}", c.to_ascii_uppercase()),
            KeyCode::Char(c) => write!(f, "{c}"),
            other => write!(f, "{other:?}"),
        }
    }
}

/// One row of the table: a command, where it applies, its name in `keys.ron`, its keys and what
/// it does (for the help).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Binding {
    pub command: Command,
    pub scope: Scope,
    pub name: &'static str,
    pub keys: Vec<Key>,
    pub help: &'static str,
}

/// The defaults: (command, scope, name, keys, help).
const DEFAULTS: &[(Command, Scope, &str, &[&str], &str)] = &[
    (
        Command::Tab(1),
        Scope::Global,
        "tab-1",
        &["1"],
        "open the Log tab",
    ),
    (
        Command::Tab(2),
        Scope::Global,
        "tab-2",
        &["2"],
        "open the Triage tab",
    ),
    (
        Command::Tab(3),
        Scope::Global,
        "tab-3",
        &["3"],
        "open the Routine tab",
    ),
    (
        Command::Tab(4),
        Scope::Global,
        "tab-4",
        &["4"],
        "open the Trends tab",
    ),
    (
        Command::Tab(5),
        Scope::Global,
        "tab-5",
        &["5"],
        "open the Insights tab",
    ),
    (
        Command::NextTab,
        Scope::Global,
        "next-tab",
        &["Tab"],
        "next tab",
    ),
    (
        Command::PrevTab,
        Scope::Global,
        "prev-tab",
        &["Shift-Tab"],
        "previous tab",
    ),
    (
        Command::Help,
        Scope::Global,
        "help",
        &["?"],
        "show or hide this help",
    ),
    (
        Command::Settings,
        Scope::Global,
        "settings",
        &[","],
        "settings: units, bell, rest, shoe limit",
    ),
    (
        Command::Quit,
        Scope::Global,
        "quit",
        &["q"],
        "quit (asks first if something would be lost)",
    ),
    (
        Command::LogUp,
        Scope::Log,
        "up",
        &["Up", "k"],
        "previous field",
    ),
    (
        Command::LogDown,
        Scope::Log,
        "down",
        &["Down", "j"],
        "next field",
    ),
    (
        Command::LogPrevDay,
        Scope::Log,
        "prev-day",
        &["Left", "h"],
        "the day before",
    ),
    (
        Command::LogNextDay,
        Scope::Log,
        "next-day",
        &["Right", "l"],
        "the day after",
    ),
    (
        Command::LogWeekBack,
        Scope::Log,
        "week-back",
        &["PgUp"],
        "a week back",
    ),
    (
        Command::LogWeekOn,
        Scope::Log,
        "week-on",
        &["PgDn"],
        "a week on",
    ),
    (Command::LogToday, Scope::Log, "today", &["t"], "today"),
    (
        Command::LogGoTo,
        Scope::Log,
        "go-to",
        &["g"],
        "go to a date: 2026-11-20, yesterday, 3 days ago, last mon",
    ),
    (
        Command::LogEdit,
        Scope::Log,
        "edit",
        &["Enter"],
        "open the field for typing (Enter 7 Enter logs a 7)",
    ),
    (
        Command::LogToggle,
        Scope::Log,
        "toggle",
        &["Space"],
        "yes / no / not answered, in turn",
    ),
    (Command::LogYes, Scope::Log, "yes", &["y"], "answer yes"),
    (Command::LogNo, Scope::Log, "no", &["n"], "answer no"),
    (
        Command::LogClear,
        Scope::Log,
        "clear",
        &["Del", "Backspace"],
        "clear the field (an answer goes back to not answered)",
    ),
    (
        Command::LogAddRun,
        Scope::Log,
        "add-run",
        &["a"],
        "add a run",
    ),
    (
        Command::LogDeleteRun,
        Scope::Log,
        "delete-run",
        &["d"],
        "delete the selected run (asks first)",
    ),
    (
        Command::LogUndo,
        Scope::Log,
        "undo",
        &["u"],
        "undo the last change (saved at once)",
    ),
    (
        Command::LogRedo,
        Scope::Log,
        "redo",
        &["Ctrl-R"],
        "redo what was undone (saved at once)",
    ),
    (
        Command::LogRetry,
        Scope::Log,
        "retry",
        &["r"],
        "try a failed save again",
    ),
    (
        Command::LogReload,
        Scope::Log,
        "reload",
        &["Ctrl-L"],
        "read the journal from disk again",
    ),
    (
        Command::LogBack,
        Scope::Log,
        "back",
        &["Esc"],
        "leave a run · drop a change that failed to save",
    ),
    (
        Command::TriageNextPart,
        Scope::Triage,
        "next-part",
        &["Right", "l"],
        "next part",
    ),
    (
        Command::TriagePrevPart,
        Scope::Triage,
        "prev-part",
        &["Left", "h"],
        "previous part",
    ),
    (
        Command::TriageUp,
        Scope::Triage,
        "up",
        &["Up", "k"],
        "previous question",
    ),
    (
        Command::TriageDown,
        Scope::Triage,
        "down",
        &["Down", "j"],
        "next question",
    ),
    (
        Command::TriagePageUp,
        Scope::Triage,
        "page-up",
        &["PgUp"],
        "a page up",
    ),
    (
        Command::TriagePageDown,
        Scope::Triage,
        "page-down",
        &["PgDn"],
        "a page down",
    ),
    (
        Command::TriageTop,
        Scope::Triage,
        "top",
        &["Home", "g"],
        "first question",
    ),
    (
        Command::TriageBottom,
        Scope::Triage,
        "bottom",
        &["End", "G"],
        "last question",
    ),
    (
        Command::TriageYes,
        Scope::Triage,
        "yes",
        &["y", "Y"],
        "answer yes",
    ),
    (
        Command::TriageNo,
        Scope::Triage,
        "no",
        &["n", "N"],
        "answer no",
    ),
    (
        Command::TriageSkip,
        Scope::Triage,
        "skip",
        &["s", "S"],
        "skip (red flags need a yes or a no)",
    ),
    (
        Command::TriageClear,
        Scope::Triage,
        "clear",
        &["Backspace", "Del"],
        "clear the answer",
    ),
    (
        Command::TriageEnter,
        Scope::Triage,
        "enter",
        &["Enter"],
        "on to the next part; on Result: save into the day",
    ),
    (
        Command::TriagePrevDay,
        Scope::Triage,
        "prev-day",
        &["["],
        "save into the day before",
    ),
    (
        Command::TriageNextDay,
        Scope::Triage,
        "next-day",
        &["]"],
        "save into the day after",
    ),
    (
        Command::TriageToday,
        Scope::Triage,
        "today",
        &["t"],
        "save into today",
    ),
    (
        Command::RoutineUp,
        Scope::RoutineList,
        "up",
        &["Up", "k"],
        "previous routine or step",
    ),
    (
        Command::RoutineDown,
        Scope::RoutineList,
        "down",
        &["Down", "j"],
        "next routine or step",
    ),
    (
        Command::RoutineOpen,
        Scope::RoutineList,
        "open",
        &["Enter"],
        "show the steps (on the steps: start)",
    ),
    (
        Command::RoutineStart,
        Scope::RoutineList,
        "start",
        &["s"],
        "start (from the selected step)",
    ),
    (
        Command::RoutineBack,
        Scope::RoutineList,
        "back",
        &["Esc", "Backspace"],
        "back to the routines",
    ),
    (
        Command::RoutineBell,
        Scope::RoutineList,
        "bell",
        &["b"],
        "bell on or off",
    ),
    (
        Command::RoutineFlash,
        Scope::RoutineList,
        "flash",
        &["f"],
        "flash on or off",
    ),
    (
        Command::RoutinePause,
        Scope::RoutineRun,
        "pause",
        &["Space"],
        "pause / go on (tapped reps: one rep done)",
    ),
    (
        Command::RoutineSkip,
        Scope::RoutineRun,
        "skip",
        &["n"],
        "skip ahead (a side, a rest or a step)",
    ),
    (
        Command::RoutinePrevious,
        Scope::RoutineRun,
        "previous",
        &["p"],
        "back to the previous step",
    ),
    (
        Command::RoutineRestart,
        Scope::RoutineRun,
        "restart",
        &["r"],
        "start this step again",
    ),
    (
        Command::RoutineStop,
        Scope::RoutineRun,
        "stop",
        &["Esc"],
        "stop (asks; what you did is kept)",
    ),
    (
        Command::TrendsOlder,
        Scope::Trends,
        "older",
        &["Left", "h"],
        "the week before",
    ),
    (
        Command::TrendsNewer,
        Scope::Trends,
        "newer",
        &["Right", "l"],
        "the week after",
    ),
    (
        Command::TrendsOldest,
        Scope::Trends,
        "oldest",
        &["Home"],
        "the oldest week shown",
    ),
    (
        Command::TrendsCurrent,
        Scope::Trends,
        "current",
        &["End"],
        "this week",
    ),
    (
        Command::TrendsRange,
        Scope::Trends,
        "range",
        &["w"],
        "show 12, 26 or 52 weeks",
    ),
    (
        Command::TrendsScrollDown,
        Scope::Trends,
        "scroll-down",
        &["Down", "j"],
        "scroll the reasons down",
    ),
    (
        Command::TrendsScrollUp,
        Scope::Trends,
        "scroll-up",
        &["Up", "k"],
        "scroll the reasons up",
    ),
    (
        Command::TrendsPageDown,
        Scope::Trends,
        "page-down",
        &["PgDn"],
        "reasons a page down",
    ),
    (
        Command::TrendsPageUp,
        Scope::Trends,
        "page-up",
        &["PgUp"],
        "reasons a page up",
    ),
    (
        Command::InsightsScrollDown,
        Scope::Insights,
        "scroll-down",
        &["Down", "j"],
        "scroll the findings down",
    ),
    (
        Command::InsightsScrollUp,
        Scope::Insights,
        "scroll-up",
        &["Up", "k"],
        "scroll the findings up",
    ),
    (
        Command::InsightsPageDown,
        Scope::Insights,
        "page-down",
        &["PgDn"],
        "findings a page down",
    ),
    (
        Command::InsightsPageUp,
        Scope::Insights,
        "page-up",
        &["PgUp"],
        "findings a page up",
    ),
    (
        Command::InsightsTop,
        Scope::Insights,
        "top",
        &["Home"],
        "back to the top of the findings",
    ),
];

/// The keys in use: the defaults, or the defaults with `keys.ron` applied.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Keymap {
    pub bindings: Vec<Binding>,
}

impl Default for Keymap {
    fn default() -> Self {
        let bindings = DEFAULTS
            .iter()
            .map(|(command, scope, name, keys, help)| Binding {
                command: *command,
                scope: *scope,
                name,
                keys: keys
                    .iter()
                    .map(|k| Key::parse(k).expect("the default keys are valid"))
                    .collect(),
                help,
            })
            .collect();
        Self { bindings }
    }
}

impl Keymap {
    /// The command `event` gives in `scope` (or everywhere), if any.
    pub fn command(&self, scope: Scope, event: KeyEvent) -> Option<Command> {
        let key = Key::of(event)?;
        let find = |s: Scope| {
            self.bindings
                .iter()
                .find(|b| b.scope == s && b.keys.contains(&key))
                .map(|b| b.command)
        };
        find(scope)
    }

    /// The global command `event` gives, if any.
    pub fn global(&self, event: KeyEvent) -> Option<Command> {
        self.command(Scope::Global, event)
    }

    /// The keys of `command`, as shown in a hint: the first key, or `↑↓`-style pairs joined.
    pub fn first_key(&self, command: Command) -> String {
        self.bindings
            .iter()
            .find(|b| b.command == command)
            .and_then(|b| b.keys.first())
            .map(ToString::to_string)
            .unwrap_or_default()
    }

    /// Every key of `command`, for the help (`↑ k`).
    pub fn all_keys(&self, binding: &Binding) -> String {
        binding
            .keys
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// The bindings of one scope, in table order.
    pub fn of_scope(&self, scope: Scope) -> impl Iterator<Item = &Binding> {
        self.bindings.iter().filter(move |b| b.scope == scope)
    }

    /// Two commands that the same key would give: in one scope, or a tab key that is also a
    /// global one (the tab would never see it). Returns a message naming both, if any.
    pub fn clash(&self) -> Option<String> {
        for (i, a) in self.bindings.iter().enumerate() {
            for b in &self.bindings[i + 1..] {
                let overlap =
                    a.scope == b.scope || a.scope == Scope::Global || b.scope == Scope::Global;
                if !overlap {
                    continue;
                }
                if let Some(key) = a.keys.iter().find(|k| b.keys.contains(k)) {
                    return Some(format!(
                        "the key {key} is given to both {}.{} and {}.{}",
                        a.scope.prefix(),
                        a.name,
                        b.scope.prefix(),
                        b.name
                    ));
                }
            }
        }
        None
    }
}

/// The key list as a Markdown table, one section per scope (`stridelog keys`, and the README's
/// keys section, which a test keeps equal to the defaults).
pub fn markdown(keymap: &Keymap) -> String {
    use std::fmt::Write as _;
    let mut out = String::new();
    for scope in Scope::ALL {
        let _ = writeln!(
            out,
            "**{}**\n\n| keys | what they do | name in keys.ron |\n|---|---|---|",
            scope.title()
        );
        for b in keymap.of_scope(scope) {
            let keys: Vec<String> = b.keys.iter().map(|k| format!("`{k}`")).collect();
            let _ = writeln!(
                out,
                "| {} | {} | `{}.{}` |",
                keys.join(" "),
                b.help,
                scope.prefix(),
                b.name
            );
        }
        out.push('\n');
    }
    out
}

/// A hint for the hint line: the keys of these commands, and the words.
pub fn hint(keymap: &Keymap, commands: &[Command], words: &'static str) -> (String, &'static str) {
    let keys: Vec<String> = commands.iter().map(|c| keymap.first_key(*c)).collect();
    // Arrows read as a pair (`↑↓`); other keys are kept apart (`y/n`).
    let arrows = keys
        .iter()
        .all(|k| matches!(k.as_str(), "↑" | "↓" | "←" | "→"));
    let joined = if arrows {
        keys.concat()
    } else {
        keys.join("/")
    };
    (joined, words)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_defaults_have_no_clash_and_every_command_a_key() {
        let map = Keymap::default();
        assert_eq!(map.clash(), None);
        assert!(map.bindings.iter().all(|b| !b.keys.is_empty()));
    }

    #[test]
    fn keys_read_and_write_the_same_way() {
        for text in ["q", "Ctrl-R", "Shift-Tab", "PgDn", "Space", "F5", "?", "["] {
            let key = Key::parse(text).unwrap();
            assert_eq!(Key::parse(&key.to_string()).unwrap(), key, "{text}");
        }
        assert!(Key::parse("Hyper-X").unwrap_err().contains("not a key"));
    }

    #[test]
    fn a_key_gives_its_command_in_its_scope_only() {
        let map = Keymap::default();
        let u = KeyEvent::new(KeyCode::Char('u'), KeyModifiers::NONE);
        assert_eq!(map.command(Scope::Log, u), Some(Command::LogUndo));
        assert_eq!(map.command(Scope::Trends, u), None);
        let ctrl_r = KeyEvent::new(KeyCode::Char('r'), KeyModifiers::CONTROL);
        assert_eq!(map.command(Scope::Log, ctrl_r), Some(Command::LogRedo));
        let r = KeyEvent::new(KeyCode::Char('r'), KeyModifiers::NONE);
        assert_eq!(map.command(Scope::Log, r), Some(Command::LogRetry));
    }
}
