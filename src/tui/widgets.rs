//! Small pieces of screen shared by the tabs.

pub mod banner;
pub mod confirm;
pub mod help;
pub mod hints;
pub mod line;
pub mod lines;
pub mod message;
pub mod scroll;
pub mod settings;
pub mod split;
pub mod wrap;
