//! The key list: defaults, lookups, the hint line and the Markdown table.

use super::*;
use ratatui::crossterm::event::{KeyCode, KeyModifiers};

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
