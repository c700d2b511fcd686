//! Keeping what was typed when the app is stopped from outside (a signal, a closed terminal):
//! a valid value is saved, anything else becomes a [`Recovery`] that the next start offers
//! back in the same field.

use super::super::form::{DayField, Field};
use super::super::{Edit, Input, Item, LogState, Mode, Tone, Unsaved};
use super::Then;
use crate::journal::entry;
use crate::journal::recovery::Recovery;
use crate::tui::ctx::Ctx;
use crate::tui::widgets::message::Message;

/// The text of an edit as it would be typed again.
fn typed(edit: &Edit) -> String {
    match &edit.input {
        Input::Text(text) => text.text(),
        Input::Choice(chooser) => {
            let options = edit.field.options();
            chooser
                .chosen()
                .iter()
                .filter_map(|&i| options.get(i).copied())
                .collect::<Vec<_>>()
                .join(", ")
        }
    }
}

impl LogState {
    /// What would be lost if the app ended now, without trying to save it.
    pub fn pending(&self) -> Option<Recovery> {
        if let Some(edit) = self.edit()
            && edit.changed()
        {
            return Some(Recovery {
                date: self.selected,
                field: format!("{:?}", edit.field),
                what: self.what(edit.field),
                text: typed(edit),
                reason: "stridelog was stopped while you typed it".into(),
            });
        }
        self.unsaved.as_ref().map(|unsaved| Recovery {
            date: unsaved.day.date,
            field: "Day".into(),
            what: unsaved.what.clone(),
            text: entry::format_day(&unsaved.day),
            reason: unsaved.error.clone(),
        })
    }

    /// The app is being stopped: saves a typed value if it is valid (and a change waiting for
    /// a retry), and returns what could not be saved.
    pub fn rescue(&mut self, ctx: &mut Ctx) -> Option<Recovery> {
        if self.edit().is_some_and(Edit::changed) {
            self.commit_edit(Then::Stay, ctx);
            if let Mode::Edit(edit) = &self.mode {
                let mut left = self.pending()?;
                left.reason = edit.error.clone().unwrap_or(left.reason);
                return Some(left);
            }
        }
        if let Some(unsaved) = self.unsaved.take()
            && let Err(error) = ctx.commit(unsaved.day.clone(), unsaved.what.clone())
        {
            self.unsaved = Some(Unsaved { error, ..unsaved });
            return self.pending();
        }
        None
    }

    /// Offers back what the last run could not save: a day field's value is put back in its
    /// editor (Enter saves it, Esc drops it); anything else is shown to copy by hand.
    pub fn offer(&mut self, recovery: &Recovery, ctx: &Ctx) {
        let field = DayField::ALL
            .into_iter()
            .map(Field::Day)
            .find(|f| format!("{f:?}") == recovery.field);
        let shown: String = recovery.text.escape_debug().take(200).collect();
        if let Some(field) = field
            && ctx.read_only_reason().is_none()
        {
            self.select(recovery.date, ctx);
            if let Some(i) = DayField::ALL.iter().position(|f| Field::Day(*f) == field) {
                self.day_cursor = Item::Field(DayField::ALL[i]);
            }
            self.open_editor(field, ctx);
            if let Mode::Edit(edit) = &mut self.mode
                && let Input::Text(text) = &mut edit.input
            {
                text.set_text(&recovery.text);
                self.message = Some(Message::new(
                    Tone::Info,
                    format!(
                        "Recovered what you were typing when stridelog was stopped ({}): \
                         Enter saves it, Esc drops it.",
                        recovery.what
                    ),
                ));
                return;
            }
            self.mode = Mode::Browse;
        }
        self.message = Some(Message::new(
            Tone::Error,
            format!(
                "Not saved when stridelog was stopped ({}; {}): \"{shown}\". Enter it again.",
                recovery.what, recovery.reason
            ),
        ));
    }
}
