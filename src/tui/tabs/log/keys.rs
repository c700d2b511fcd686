//! Keys: what each key means in each mode of the Log tab (a [`LogAction`], through the key
//! list outside a text field), and the hint line for the mode. No state changes here.

use super::form::{Field, Kind, RunField};
use super::{Edit, Input, LogAction, LogState, Mode, Page};
use crate::tui::ctx::Ctx;
use crate::tui::keymap::{Command, Scope, hint};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

const HINTS_LINE: &[(&str, &str)] = &[
    ("Enter", "save"),
    ("Tab/S-Tab", "save & move"),
    ("Esc", "cancel"),
];
const HINTS_SHOES: &[(&str, &str)] = &[
    ("Enter", "save"),
    ("↑↓", "shoes used before"),
    ("Tab", "save & next"),
    ("Esc", "cancel"),
];
const HINTS_NOTES: &[(&str, &str)] = &[
    ("Enter", "new line"),
    ("Ctrl-S", "save"),
    ("Tab", "save & next"),
    ("Esc", "cancel"),
];
const HINTS_CHOICE: &[(&str, &str)] = &[
    ("←→", "move"),
    ("Space", "tick"),
    ("Enter", "save"),
    ("Tab", "save & next"),
    ("Esc", "cancel"),
];
const HINTS_CONFIRM_DROP: &[(&str, &str)] = &[
    ("y", "drop the changes"),
    ("n", "keep editing"),
    ("Ctrl-S", "save"),
];
const HINTS_GOTO: &[(&str, &str)] = &[("Enter", "go"), ("Esc", "cancel")];
const HINTS_CONFIRM: &[(&str, &str)] = &[("y", "delete it"), ("n", "keep it")];
impl LogState {
    pub fn map_key(&self, key: KeyEvent, ctx: &Ctx) -> Option<LogAction> {
        match &self.mode {
            Mode::Browse => self.browse_key(key, ctx),
            Mode::Edit(edit) => edit_key(edit, key),
            Mode::ConfirmDrop(_) => match key.code {
                KeyCode::Char('s') if key.modifiers.contains(KeyModifiers::CONTROL) => {
                    Some(LogAction::Commit)
                }
                KeyCode::Char('y' | 'Y') => Some(LogAction::ConfirmDrop(true)),
                KeyCode::Char('n' | 'N') | KeyCode::Esc => Some(LogAction::ConfirmDrop(false)),
                _ => None,
            },
            Mode::Goto(_) => text_key(key, false).or(match key.code {
                KeyCode::Enter => Some(LogAction::Commit),
                KeyCode::Esc => Some(LogAction::Cancel),
                _ => None,
            }),
            Mode::ConfirmDelete(_) => match key.code {
                KeyCode::Char('y' | 'Y') => Some(LogAction::ConfirmDelete(true)),
                KeyCode::Char('n' | 'N') | KeyCode::Esc => Some(LogAction::ConfirmDelete(false)),
                _ => None,
            },
            Mode::ConfirmFuture => match key.code {
                KeyCode::Char('y' | 'Y') => Some(LogAction::ConfirmFuture(true)),
                KeyCode::Char('n' | 'N') | KeyCode::Esc => Some(LogAction::ConfirmFuture(false)),
                _ => None,
            },
        }
    }

    fn browse_key(&self, key: KeyEvent, ctx: &Ctx) -> Option<LogAction> {
        use LogAction as A;
        let yes_no = self.field().map(Field::kind) == Some(Kind::YesNo);
        Some(match ctx.keys.command(Scope::Log, key)? {
            Command::LogUp => A::Up,
            Command::LogDown => A::Down,
            Command::LogPrevDay => A::ShiftDay(-1),
            Command::LogNextDay => A::ShiftDay(1),
            Command::LogWeekBack => A::ShiftDay(-7),
            Command::LogWeekOn => A::ShiftDay(7),
            Command::LogToday => A::Today,
            Command::LogGoTo => A::StartGoto,
            Command::LogEdit => A::Activate,
            Command::LogToggle => A::Toggle,
            Command::LogYes if yes_no => A::SetYesNo(true),
            Command::LogNo if yes_no => A::SetYesNo(false),
            Command::LogClear => A::Clear,
            Command::LogAddRun => A::AddRun,
            Command::LogDeleteRun => A::DeleteRun,
            Command::LogUndo => A::Undo,
            Command::LogRedo => A::Redo,
            Command::LogRetry => A::Retry,
            Command::LogReload => A::Reload,
            Command::LogBack => A::Back,
            _ => return None,
        })
    }

    /// The keys shown at the bottom of the screen: the key list's keys where a command
    /// applies, the editor's own keys while a field is open.
    pub fn hints(&self, ctx: &Ctx) -> Vec<(String, &'static str)> {
        use Command as C;
        let keys = &ctx.keys;
        let fixed = |list: &[(&str, &'static str)]| -> Vec<(String, &'static str)> {
            list.iter().map(|(k, w)| ((*k).to_owned(), *w)).collect()
        };
        match &self.mode {
            Mode::Browse if self.unsaved.is_some() => vec![
                hint(keys, &[C::LogRetry], "retry save"),
                hint(keys, &[C::LogReload], "reload from disk"),
                hint(keys, &[C::LogBack], "drop change"),
            ],
            Mode::Browse => match &self.page {
                Page::Day => vec![
                    hint(keys, &[C::LogUp, C::LogDown], "field"),
                    hint(keys, &[C::LogPrevDay, C::LogNextDay], "day"),
                    hint(keys, &[C::LogEdit], "edit"),
                    hint(keys, &[C::LogAddRun], "add run"),
                    hint(keys, &[C::LogUndo, C::LogRedo], "undo/redo"),
                    hint(keys, &[C::LogGoTo], "go to"),
                ],
                Page::Run(_) | Page::NewRun(_) => vec![
                    hint(keys, &[C::LogUp, C::LogDown], "field"),
                    hint(keys, &[C::LogEdit], "edit"),
                    hint(keys, &[C::LogDeleteRun], "delete run"),
                    hint(keys, &[C::LogUndo, C::LogRedo], "undo/redo"),
                    hint(keys, &[C::LogBack], "back to day"),
                ],
            },
            Mode::ConfirmDrop(_) => fixed(HINTS_CONFIRM_DROP),
            Mode::Edit(edit) => fixed(match (&edit.input, edit.field) {
                (Input::Choice(_), _) => HINTS_CHOICE,
                (Input::Text(t), _) if t.multiline => HINTS_NOTES,
                (Input::Text(_), Field::Run(RunField::Shoes)) => HINTS_SHOES,
                (Input::Text(_), _) => HINTS_LINE,
            }),
            Mode::Goto(_) => fixed(HINTS_GOTO),
            Mode::ConfirmDelete(_) => fixed(HINTS_CONFIRM),
            Mode::ConfirmFuture => fixed(&[("y", "log into it"), ("n", "leave it")]),
        }
    }
}

/// Keys that edit text, shared by fields and the go-to prompt.
fn text_key(key: KeyEvent, multiline: bool) -> Option<LogAction> {
    use LogAction as A;
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    Some(match key.code {
        KeyCode::Char('u') if ctrl => A::ClearText,
        KeyCode::Char('s') if ctrl => A::Commit,
        KeyCode::Char(_) if ctrl || key.modifiers.contains(KeyModifiers::ALT) => return None,
        KeyCode::Char(c) => A::Insert(c),
        KeyCode::Enter if multiline => A::Newline,
        KeyCode::Backspace => A::Backspace,
        KeyCode::Delete => A::DeleteChar,
        KeyCode::Left => A::CursorLeft,
        KeyCode::Right => A::CursorRight,
        KeyCode::Home => A::Home,
        KeyCode::End => A::End,
        _ => return None,
    })
}

/// Ctrl and the letter `c` (either case).
fn is_ctrl(key: KeyEvent, c: char) -> bool {
    key.modifiers.contains(KeyModifiers::CONTROL)
        && matches!(key.code, KeyCode::Char(k) if k.eq_ignore_ascii_case(&c))
}

fn edit_key(edit: &Edit, key: KeyEvent) -> Option<LogAction> {
    use LogAction as A;
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    if is_ctrl(key, 'l') {
        return Some(A::Reload);
    }
    match key.code {
        KeyCode::Esc => return Some(A::Cancel),
        KeyCode::Tab => return Some(A::CommitMove(1)),
        KeyCode::BackTab => return Some(A::CommitMove(-1)),
        _ => {}
    }
    match &edit.input {
        Input::Text(text) => {
            let shoes = edit.field == Field::Run(RunField::Shoes);
            match key.code {
                KeyCode::Up if text.multiline => Some(A::LineUp),
                KeyCode::Down if text.multiline => Some(A::LineDown),
                KeyCode::Up if shoes => Some(A::Suggest(-1)),
                KeyCode::Down if shoes => Some(A::Suggest(1)),
                KeyCode::Up => Some(A::CommitMove(-1)),
                KeyCode::Down => Some(A::CommitMove(1)),
                KeyCode::Enter if !text.multiline => Some(A::Commit),
                _ => text_key(key, text.multiline),
            }
        }
        Input::Choice(_) => match key.code {
            KeyCode::Enter => Some(A::Commit),
            KeyCode::Char('s') if ctrl => Some(A::Commit),
            KeyCode::Left | KeyCode::Char('h') => Some(A::ChoiceMove(-1)),
            KeyCode::Right | KeyCode::Char('l') => Some(A::ChoiceMove(1)),
            KeyCode::Up => Some(A::CommitMove(-1)),
            KeyCode::Down => Some(A::CommitMove(1)),
            KeyCode::Char(' ' | 'x') => Some(A::ChoiceToggle),
            KeyCode::Char('y') if edit.field.kind() == Kind::YesNo => Some(A::ChoiceNumber(1)),
            KeyCode::Char('n') if edit.field.kind() == Kind::YesNo => Some(A::ChoiceNumber(2)),
            KeyCode::Char(c @ '1'..='9') => Some(A::ChoiceNumber(c as u8 - b'0')),
            _ => None,
        },
    }
}
