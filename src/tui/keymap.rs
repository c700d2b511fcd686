//! The one key list: every command a key can give outside a text field, the keys that give it,
//! and its words for the help. What a key does, the hint line and the help all read this table,
//! so they cannot drift apart; `<config dir>/keys.ron` can bind other keys to any command
//! (see [`super::keys_file`]).
//!
//! Typing into an open field, and the y/n answers of a question dialog, are not commands: there
//! a key is what it says.

use ratatui::crossterm::event::KeyEvent;

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

mod defaults;
mod key;
#[cfg(test)]
mod tests;

use defaults::DEFAULTS;
pub use key::Key;

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
