//! One table of typed values that the app, `stridelog log` and the core must all read the same
//! way (the one-interface rule): what is typed, and what must be stored, or that it is refused.

/// Which value is typed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Worst pain, 0-10.
    Score,
    /// Hours slept, 0-24.
    Hours,
    /// A run's distance (the settings' unit is km).
    Distance,
    /// A run's time.
    Duration,
}

/// What must happen to a typed value.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Expect {
    /// Stored as this number: the score, hours, kilometres or seconds.
    Stored(f64),
    Refused,
}

pub const TABLE: &[(Kind, &str, Expect)] = &[
    (Kind::Score, "0", Expect::Stored(0.0)),
    (Kind::Score, "10", Expect::Stored(10.0)),
    (Kind::Score, "11", Expect::Refused),
    (Kind::Score, "5.5", Expect::Refused),
    (Kind::Score, "-1", Expect::Refused),
    (Kind::Hours, "7.5", Expect::Stored(7.5)),
    (Kind::Hours, "7,5", Expect::Stored(7.5)),
    (Kind::Hours, "7:30", Expect::Stored(7.5)),
    (Kind::Hours, "7h", Expect::Stored(7.0)),
    (Kind::Hours, "7h30", Expect::Stored(7.5)),
    (Kind::Hours, "25", Expect::Refused),
    (Kind::Hours, "7:75", Expect::Refused),
    (Kind::Distance, "8", Expect::Stored(8.0)),
    (Kind::Distance, "8.2", Expect::Stored(8.2)),
    (Kind::Distance, "8km", Expect::Stored(8.0)),
    (Kind::Distance, "5mi", Expect::Stored(8.046_72)),
    (Kind::Distance, "300", Expect::Stored(300.0)),
    (Kind::Distance, "400km", Expect::Refused),
    (Kind::Distance, "450mi", Expect::Refused),
    (Kind::Distance, "0", Expect::Refused),
    (Kind::Duration, "38", Expect::Stored(2280.0)),
    (Kind::Duration, "38:10", Expect::Stored(2290.0)),
    (Kind::Duration, "1:02:03", Expect::Stored(3723.0)),
    (Kind::Duration, "75:99", Expect::Refused),
    (Kind::Duration, "49:00:00", Expect::Refused),
];

/// True when `stored` is the number the table expects (within a millionth).
pub fn same(stored: f64, expected: f64) -> bool {
    (stored - expected).abs() < 1e-6
}
