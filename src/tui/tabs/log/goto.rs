//! "Go to a date" on the Log tab: the words it accepts are the core's ([`crate::values::date`]).

pub use crate::values::date::{ACCEPTED, resolve};
