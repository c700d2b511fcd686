//! The options of the choice fields and how stored values map to ticks and labels.

use crate::journal::Score;
use crate::journal::entry::{Character, Location, Side, Surface};

pub(super) const YES_NO_UNSET: &[&str] = &["yes", "no", "not set"];
pub(super) const LOCATIONS: &[(Location, &str)] = &[
    (Location::LowerBack, "lower back"),
    (Location::Buttock, "buttock"),
    (Location::Hip, "hip"),
    (Location::Thigh, "thigh"),
    (Location::Calf, "calf"),
    (Location::Foot, "foot"),
];
pub(super) const LOCATION_LABELS: &[&str] =
    &["lower back", "buttock", "hip", "thigh", "calf", "foot"];
pub(super) const CHARACTERS: &[(Character, &str)] = &[
    (Character::Dull, "dull"),
    (Character::Sharp, "sharp"),
    (Character::Burning, "burning"),
    (Character::Shooting, "shooting"),
    (Character::Tingling, "tingling"),
    (Character::Numbness, "numbness"),
    (Character::Weakness, "weakness"),
];
pub(super) const CHARACTER_LABELS: &[&str] = &[
    "dull", "sharp", "burning", "shooting", "tingling", "numbness", "weakness",
];
pub(super) const SIDES: &[(Side, &str)] = &[
    (Side::Left, "left"),
    (Side::Right, "right"),
    (Side::Both, "both"),
];
pub(super) const SIDE_LABELS: &[&str] = &["left", "right", "both", "not set"];
pub(super) const SURFACES: &[(Surface, &str)] = &[
    (Surface::Road, "road"),
    (Surface::Track, "track"),
    (Surface::Trail, "trail"),
    (Surface::Grass, "grass"),
    (Surface::Treadmill, "treadmill"),
];
pub(super) const SURFACE_LABELS: &[&str] =
    &["road", "track", "trail", "grass", "treadmill", "not set"];

/// The label of a value in a table of `(value, label)`.
pub(super) fn label_of<T: PartialEq>(table: &[(T, &'static str)], value: &T) -> &'static str {
    table
        .iter()
        .find(|(v, _)| v == value)
        .map_or("?", |(_, l)| *l)
}

pub(super) fn list_labels<T: PartialEq>(
    table: &[(T, &'static str)],
    values: &[T],
) -> Option<String> {
    (!values.is_empty()).then(|| {
        values
            .iter()
            .map(|v| label_of(table, v))
            .collect::<Vec<_>>()
            .join(", ")
    })
}

/// Ticks for a multi-select: one per table row.
pub(super) fn ticks_of<T: PartialEq>(table: &[(T, &'static str)], values: &[T]) -> Vec<bool> {
    table.iter().map(|(v, _)| values.contains(v)).collect()
}

/// Ticks for an optional single choice: the table's rows, then "not set".
pub(super) fn tick_option<T: PartialEq>(
    table: &[(T, &'static str)],
    value: Option<&T>,
) -> Vec<bool> {
    let mut ticks: Vec<bool> = table.iter().map(|(v, _)| Some(v) == value).collect();
    ticks.push(value.is_none());
    ticks
}

pub(super) fn picked<T: Copy>(table: &[(T, &'static str)], chosen: &[usize]) -> Vec<T> {
    chosen
        .iter()
        .filter_map(|i| table.get(*i).map(|(v, _)| *v))
        .collect()
}

pub(super) fn yes_no(value: Option<bool>) -> Option<String> {
    value.map(|v| if v { "yes" } else { "no" }.to_owned())
}

/// The ticks of a yes / no / not-set choice.
pub(super) fn yes_no_ticks(value: Option<bool>) -> Vec<bool> {
    vec![value == Some(true), value == Some(false), value.is_none()]
}

/// `Some(true)` for "yes" (index 0), `Some(false)` for "no", `None` for "not set".
pub(super) fn yes_no_from(chosen: &[usize]) -> Option<bool> {
    match chosen.first() {
        Some(0) => Some(true),
        Some(1) => Some(false),
        _ => None,
    }
}

pub(super) fn score_text(score: Option<Score>) -> String {
    score.map(|s| s.to_string()).unwrap_or_default()
}
