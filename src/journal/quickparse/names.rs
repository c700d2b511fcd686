//! The names serde gives the variants of a day's enums (their Rust names), as the quick
//! reader matches them.

use crate::journal::entry::{Character, Location, PainType, RedFlag, Side, Slump, Surface};

/// The names serde gives the variants (their Rust names).
pub(super) const LOCATIONS: &[(&str, Location)] = &[
    ("LowerBack", Location::LowerBack),
    ("Buttock", Location::Buttock),
    ("Hip", Location::Hip),
    ("Thigh", Location::Thigh),
    ("Calf", Location::Calf),
    ("Foot", Location::Foot),
];
pub(super) const SIDES: &[(&str, Side)] = &[
    ("Left", Side::Left),
    ("Right", Side::Right),
    ("Both", Side::Both),
];
pub(super) const CHARACTERS: &[(&str, Character)] = &[
    ("Dull", Character::Dull),
    ("Sharp", Character::Sharp),
    ("Burning", Character::Burning),
    ("Shooting", Character::Shooting),
    ("Tingling", Character::Tingling),
    ("Numbness", Character::Numbness),
    ("Weakness", Character::Weakness),
];
pub(super) const SURFACES: &[(&str, Surface)] = &[
    ("Road", Surface::Road),
    ("Track", Surface::Track),
    ("Trail", Surface::Trail),
    ("Grass", Surface::Grass),
    ("Treadmill", Surface::Treadmill),
];
pub(super) const RED_FLAGS: &[(&str, RedFlag)] = &[
    ("BladderOrBowel", RedFlag::BladderOrBowel),
    ("SaddleNumbness", RedFlag::SaddleNumbness),
    ("BothLegs", RedFlag::BothLegs),
    ("ProgressiveWeakness", RedFlag::ProgressiveWeakness),
    ("FootDrop", RedFlag::FootDrop),
    ("SexualDysfunction", RedFlag::SexualDysfunction),
    ("FeverOrWeightLoss", RedFlag::FeverOrWeightLoss),
    ("MajorTrauma", RedFlag::MajorTrauma),
    ("Fever", RedFlag::Fever),
    ("WeightLoss", RedFlag::WeightLoss),
    ("CancerHistory", RedFlag::CancerHistory),
    ("ImmuneSuppressed", RedFlag::ImmuneSuppressed),
    ("NightPain", RedFlag::NightPain),
];
pub(super) const SLUMPS: &[(&str, Slump)] =
    &[("Positive", Slump::Positive), ("Negative", Slump::Negative)];
pub(super) const PAIN_TYPES: &[(&str, PainType)] = &[
    ("Referred", PainType::Referred),
    ("Radicular", PainType::Radicular),
    ("Radiculopathy", PainType::Radiculopathy),
    ("Tendon", PainType::Tendon),
    ("Unsure", PainType::Unsure),
];
