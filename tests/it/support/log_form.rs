//! Driving the Log tab's form in tests: keys, moving to a field, reading the editor.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use stridelog::tui::app::App;
use stridelog::tui::tabs::log::form::{DayField, Field, RunField};
use stridelog::tui::tabs::log::{Input, Mode};
use stridelog::tui::testing;

pub fn press(app: &mut App, code: KeyCode) {
    app.press(KeyEvent::new(code, KeyModifiers::NONE));
}

pub fn ctrl(app: &mut App, c: char) {
    app.press(KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL));
}

/// Puts the cursor on a field of the day's form.
pub fn go_to_field(app: &mut App, field: DayField) {
    for _ in 0..40 {
        press(app, KeyCode::Up);
    }
    let index = DayField::ALL.iter().position(|f| *f == field).unwrap();
    for _ in 0..index {
        press(app, KeyCode::Down);
    }
    assert_eq!(app.log.field(), Some(Field::Day(field)));
}

/// Puts the cursor on a field of the open run.
pub fn go_to_run_field(app: &mut App, field: RunField) {
    for _ in 0..20 {
        press(app, KeyCode::Up);
    }
    let index = RunField::ALL.iter().position(|f| *f == field).unwrap();
    for _ in 0..index {
        press(app, KeyCode::Down);
    }
    assert_eq!(app.log.field(), Some(Field::Run(field)));
}

pub fn edit_error(app: &App) -> Option<String> {
    match app.log.mode() {
        Mode::Edit(edit) => edit.error.clone(),
        _ => None,
    }
}

pub fn editor_text(app: &App) -> Option<String> {
    match app.log.mode() {
        Mode::Edit(edit) => match &edit.input {
            Input::Text(t) => Some(t.text()),
            Input::Choice(_) => None,
        },
        _ => None,
    }
}

pub fn message(app: &App) -> String {
    app.log
        .message()
        .map(|(_, m)| m.to_owned())
        .unwrap_or_default()
}

/// The key hints under the tab: the second-last row of a 120x40 screen, wide enough for all of
/// them. They say what the keys do now, so they show what is open.
pub fn hints(app: &App) -> String {
    let screen = testing::screen(app, 120, 40);
    screen
        .lines()
        .rev()
        .nth(1)
        .unwrap_or_default()
        .trim()
        .to_owned()
}

/// The Log tab is browsing: no editor, prompt or question is open, and its hints offer to edit
/// (or, after a failed save, to retry it).
pub fn browsing(app: &App) -> bool {
    let hints = hints(app);
    hints.contains("Enter edit") || hints.contains("retry save")
}

/// A field's editor is open (and is not asking whether to drop its changes).
pub fn editing(app: &App) -> bool {
    let hints = hints(app);
    hints.contains("save") && hints.contains("Esc cancel")
}

/// The open editor asks whether to drop its changes.
pub fn asking_to_drop(app: &App) -> bool {
    hints(app).contains("y drop the changes")
}

/// The prompt for a date to go to is open.
pub fn asking_for_a_date(app: &App) -> bool {
    testing::screen(app, 120, 40).contains("Go to: ") && hints(app).contains("Enter go")
}

/// The question whether to log into a day in the future is open.
pub fn asking_about_the_future(app: &App) -> bool {
    testing::screen(app, 120, 40).contains("Log into a future day?")
        && hints(app).contains("y log into it")
}
