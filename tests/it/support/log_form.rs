//! Driving the Log tab's form in tests: keys, moving to a field, reading the editor.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use stridelog::tui::app::App;
use stridelog::tui::tabs::log::form::{DayField, Field, RunField};
use stridelog::tui::tabs::log::{Input, Mode};

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
