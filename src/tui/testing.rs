//! Helpers for driving the app in tests without a terminal: build an app on a journal, press
//! keys, draw into a buffer and read it back as text.

use super::app::App;
use super::ctx::{Clock, Ctx};
use super::theme::THEME;
use crate::journal::store::Store;
use chrono::{NaiveDate, NaiveDateTime};
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::Rect;
use ratatui::widgets::Widget;

/// An app on `store`'s journal, with today and the clock fixed at `today` 12:00:00.
pub fn app(mut store: Box<dyn Store>, today: NaiveDate) -> App {
    let journal = store
        .load(crate::journal::store::Scope::All)
        .expect("the test store loads");
    let noon: NaiveDateTime = today.and_hms_opt(12, 0, 0).expect("noon exists");
    App::new(Ctx::new(today, journal, store, Clock::Fixed(noon), &THEME))
}

/// A key press without modifiers.
pub fn key(code: KeyCode) -> KeyEvent {
    KeyEvent::new(code, KeyModifiers::NONE)
}

/// Presses each character of `text` as a key.
pub fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        app.press(key(KeyCode::Char(c)));
    }
}

/// Draws the app into a fresh buffer of `width` x `height`.
pub fn draw(app: &App, width: u16, height: u16) -> Buffer {
    let area = Rect::new(0, 0, width, height);
    let mut buf = Buffer::empty(area);
    app.render(area, &mut buf);
    buf
}

/// The buffer's text, one line per row, trailing spaces trimmed.
pub fn text(buf: &Buffer) -> String {
    let area = buf.area;
    let mut out = String::new();
    for y in area.top()..area.bottom() {
        let mut line = String::new();
        for x in area.left()..area.right() {
            line.push_str(buf[(x, y)].symbol());
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

/// Draws and returns the text in one go.
pub fn screen(app: &App, width: u16, height: u16) -> String {
    text(&draw(app, width, height))
}
