//! The few sentences about health that must read the same everywhere: what to do now for an
//! emergency-tier red flag, for a doctor-tier one, and the "not medical advice" line. Every
//! screen, the report, `status` and the README use these constants; none is worded twice.

/// What to do now when an emergency-tier red flag is reported (design section 4, `urgent`).
pub const URGENT_ACTION: &str = "Go to an emergency department now, or call your local \
    emergency number (999 in the UK, 112 in the EU, 911 in the US and Canada); do not wait for a \
    routine appointment.";

/// What to do when a doctor-tier red flag is reported (design section 4, `doctor`).
pub const DOCTOR_ACTION: &str = "Book a doctor (GP or family doctor) this week, and rest from \
    running until you have been seen.";

/// The one "not medical advice" sentence: help screen, README, every report, `status --long`.
pub const DISCLAIMER: &str = "Not medical advice: stridelog keeps your notes and applies \
    published rules of thumb; it cannot examine you or diagnose anything. See a physiotherapist \
    or doctor about pain that worries you.";

/// Why a red flag stays on screen.
pub const RED_FLAG_STAYS: &str = "Shown until a newer triage answers no.";

/// Shown before every routine starts and on its running screen.
pub const ROUTINE_STOP_RULE: &str = "Stop if an exercise increases your pain or sends it \
    further down the leg.";
