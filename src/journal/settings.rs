//! The runner's settings, `<config dir>/settings.ron`: units, the routine timer's bell, flash
//! and rest, and the shoe mileage limit. Every field is optional in the file; a broken file is
//! reported and the defaults are used without touching it.

use super::entry::deserialize_with_path;
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};

/// How distances are shown and typed. The day files always hold kilometres.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum Units {
    #[default]
    Km,
    Miles,
}

/// Kilometres in one mile.
pub const KM_PER_MILE: f64 = 1.609_344;

impl Units {
    /// The short label shown after a distance.
    pub fn label(self) -> &'static str {
        match self {
            Units::Km => "km",
            Units::Miles => "mi",
        }
    }

    /// A stored distance (km) in this unit.
    pub fn from_km(self, km: f64) -> f64 {
        match self {
            Units::Km => km,
            Units::Miles => km / KM_PER_MILE,
        }
    }

    /// A distance typed in this unit, in km for storing.
    pub fn to_km(self, value: f64) -> f64 {
        match self {
            Units::Km => value,
            Units::Miles => value * KM_PER_MILE,
        }
    }
}

/// Everything the runner can set.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Settings {
    pub units: Units,
    /// Ring the terminal bell at the routine timer's transitions.
    pub bell: bool,
    /// Flash the screen at the routine timer's transitions.
    pub flash: bool,
    /// Rest between routine steps, in seconds.
    pub rest_seconds: u32,
    /// Count-in before each step and each side, in seconds.
    pub get_ready_seconds: u32,
    /// Shoes past this many km get a note on the Trends tab.
    pub shoe_limit_km: f64,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            units: Units::Km,
            bell: true,
            flash: true,
            rest_seconds: 10,
            get_ready_seconds: 5,
            shoe_limit_km: 700.0,
        }
    }
}

impl Settings {
    fn validate(&self) -> Result<(), String> {
        if self.rest_seconds > 600 {
            return Err(format!(
                "rest_seconds: must be 0-600, found {}",
                self.rest_seconds
            ));
        }
        if self.get_ready_seconds > 60 {
            return Err(format!(
                "get_ready_seconds: must be 0-60, found {}",
                self.get_ready_seconds
            ));
        }
        if !(self.shoe_limit_km.is_finite() && self.shoe_limit_km > 0.0) {
            return Err(format!(
                "shoe_limit_km: must be a finite number of km, more than 0, found {}",
                self.shoe_limit_km
            ));
        }
        Ok(())
    }

    /// Parses a settings file's text.
    pub fn parse(text: &str) -> Result<Self, String> {
        if text.trim().is_empty() {
            return Ok(Self::default());
        }
        let settings: Settings = deserialize_with_path(text, &ron::Options::default())?;
        settings.validate()?;
        Ok(settings)
    }

    /// The file's path in `config_dir`.
    pub fn path(config_dir: &Path) -> PathBuf {
        config_dir.join("settings.ron")
    }

    /// Reads the settings. A missing file gives the defaults; a broken one gives the defaults
    /// and a message naming the file and the problem (the file is left as it is).
    pub fn load(config_dir: &Path) -> (Self, Option<String>) {
        let path = Self::path(config_dir);
        // Only a regular file is read: a FIFO named settings.ron would wait for ever.
        match super::diskfile::read_regular_text(&path) {
            Ok(text) => match Self::parse(&text) {
                Ok(settings) => (settings, None),
                Err(e) => (
                    Self::default(),
                    Some(format!(
                        "{}:{e} (using the defaults; the file is left as it is)",
                        path.display()
                    )),
                ),
            },
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => (Self::default(), None),
            Err(e) => (
                Self::default(),
                Some(format!("{}: {e} (using the defaults)", path.display())),
            ),
        }
    }

    /// The settings as RON text.
    pub fn to_ron(&self) -> String {
        let config = ron::ser::PrettyConfig::new().struct_names(false);
        let mut text = ron::ser::to_string_pretty(self, config).expect("settings serialise to RON");
        text.push('\n');
        text
    }

    /// Saves the settings atomically into `config_dir`.
    pub fn save(&self, config_dir: &Path) -> std::io::Result<()> {
        super::store::create_private_dir(config_dir)?;
        super::store::write_file_atomically(&Self::path(config_dir), self.to_ron().as_bytes())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_partial_file_fills_in_defaults() {
        let s = Settings::parse("(units: Miles, bell: false)").unwrap();
        assert_eq!(s.units, Units::Miles);
        assert!(!s.bell);
        assert_eq!(s.rest_seconds, 10);
    }

    #[test]
    fn bad_values_and_typos_are_named() {
        assert!(
            Settings::parse("(rest_seconds: 9999)")
                .unwrap_err()
                .contains("rest_seconds")
        );
        assert!(
            Settings::parse("(unit: Miles)")
                .unwrap_err()
                .contains("unit")
        );
    }

    #[test]
    fn broken_file_is_reported_and_left_untouched() {
        let dir = tempfile::tempdir().unwrap();
        let path = Settings::path(dir.path());
        std::fs::write(&path, "(units: Furlongs)").unwrap();
        let (settings, warning) = Settings::load(dir.path());
        assert_eq!(settings, Settings::default());
        let warning = warning.unwrap();
        assert!(
            warning.contains("settings.ron:1:") && warning.contains("units"),
            "{warning}"
        );
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "(units: Furlongs)");
    }

    #[test]
    fn saved_settings_read_back() {
        let dir = tempfile::tempdir().unwrap();
        let settings = Settings {
            units: Units::Miles,
            rest_seconds: 20,
            ..Settings::default()
        };
        settings.save(dir.path()).unwrap();
        assert_eq!(Settings::load(dir.path()), (settings, None));
    }

    #[test]
    fn miles_convert_both_ways() {
        assert!((Units::Miles.to_km(1.0) - 1.609_344).abs() < 1e-12);
        assert!((Units::Miles.from_km(Units::Miles.to_km(5.2)) - 5.2).abs() < 1e-12);
        assert!((Units::Km.to_km(5.2) - 5.2).abs() < f64::EPSILON);
    }
}
