//! `<config dir>/keys.ron`: other keys for any command of the key list, for keyboards where
//! the defaults sit badly (Dvorak, Colemak, AZERTY). A map from a command's name to its keys:
//!
//! ```ron
//! {
//!     "log.up": ["Up", "c"],
//!     "log.down": ["Down", "s"],
//!     "global.quit": ["q", "Ctrl-Q"],
//! }
//! ```
//!
//! A command left out keeps its default keys. A file that cannot be read, names a command that
//! does not exist, writes a key that is not one, or gives one key to two commands is reported,
//! and the defaults are used whole (half a keymap would be more confusing than none).

use super::keymap::{Key, Keymap};
use std::collections::BTreeMap;
use std::path::Path;

/// The file's name in the config dir.
pub const FILE: &str = "keys.ron";

/// The keymap to use, and a message for the runner when `keys.ron` could not be used.
pub fn load(config_dir: &Path) -> (Keymap, Option<String>) {
    let path = config_dir.join(FILE);
    let text = match std::fs::read_to_string(&path) {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return (Keymap::default(), None),
        Err(e) => {
            return (
                Keymap::default(),
                Some(format!("{}: {e}; the usual keys are used", path.display())),
            );
        }
    };
    match parse(&text) {
        Ok(map) => (map, None),
        Err(problem) => (
            Keymap::default(),
            Some(format!(
                "{}: {problem}; the usual keys are used",
                path.display()
            )),
        ),
    }
}

/// Applies the text of a `keys.ron` to the default keymap.
///
/// # Errors
/// The first problem, naming the command or the key (and the line for a syntax error).
pub fn parse(text: &str) -> Result<Keymap, String> {
    let wanted: BTreeMap<String, Vec<String>> =
        ron::from_str(text).map_err(|e| format!("{}: {}", e.span.start, e.code))?;
    let mut map = Keymap::default();
    for (name, keys) in wanted {
        let binding = map
            .bindings
            .iter_mut()
            .find(|b| format!("{}.{}", b.scope.prefix(), b.name) == name)
            .ok_or_else(|| {
                format!("\"{name}\" is not a command (the help lists them, e.g. log.undo)")
            })?;
        if keys.is_empty() {
            return Err(format!("\"{name}\" needs at least one key"));
        }
        binding.keys = keys
            .iter()
            .map(|k| Key::parse(k).map_err(|e| format!("{name}: {e}")))
            .collect::<Result<_, _>>()?;
    }
    if let Some(clash) = map.clash() {
        return Err(clash);
    }
    Ok(map)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::keymap::{Command, Scope};
    use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

    fn key(c: char) -> KeyEvent {
        KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE)
    }

    #[test]
    fn a_remap_moves_the_command_and_keeps_the_rest() {
        let map = parse(r#"{"log.up": ["Up", "c"], "log.down": ["Down", "s"]}"#).unwrap();
        assert_eq!(map.command(Scope::Log, key('c')), Some(Command::LogUp));
        assert_eq!(map.command(Scope::Log, key('k')), None);
        assert_eq!(map.command(Scope::Log, key('u')), Some(Command::LogUndo));
    }

    #[test]
    fn mistakes_are_named() {
        assert!(
            parse(r#"{"log.upp": ["k"]}"#)
                .unwrap_err()
                .contains("log.upp")
        );
        assert!(
            parse(r#"{"log.up": ["Hyper"]}"#)
                .unwrap_err()
                .contains("not a key")
        );
        let clash = parse(r#"{"log.undo": ["a"]}"#).unwrap_err();
        assert!(
            clash.contains("log.undo") && clash.contains("log.add-run"),
            "{clash}"
        );
        let global = parse(r#"{"log.undo": ["q"]}"#).unwrap_err();
        assert!(global.contains("global.quit"), "{global}");
        assert!(parse("{\"log.up\": [").unwrap_err().starts_with('1'));
    }

    #[test]
    fn a_broken_file_falls_back_to_the_defaults_and_says_so() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join(FILE), r#"{"log.undo": ["a"]}"#).unwrap();
        let (map, message) = load(dir.path());
        assert_eq!(map, Keymap::default());
        assert!(message.unwrap().contains("keys.ron"));
        let (_, none) = load(&dir.path().join("nowhere"));
        assert_eq!(none, None);
    }
}
