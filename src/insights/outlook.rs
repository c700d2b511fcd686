//! When nothing is clear yet: roughly how many more run days would help.
//!
//! How the number is found. A run day only counts once its response is known (the next
//! morning's pain logged, or a run that hurt), so the estimate is in those days. For every
//! factor value seen on both sides (at least one classified day with it and one without) whose
//! shares differ, the counts are scaled up as if the extra days split the way the days so far
//! did (same shares with and without the value, same share of days with it). The estimate for
//! that value is the fewest extra days after which the scaled table would be tested (5 days or
//! more on each side) and its Fisher p-value, multiplied by the number of such values, falls
//! below 0.10: a Bonferroni bound, stricter than the Benjamini-Hochberg q that decides
//! "clear", so the estimate errs on the side of more days. The smallest estimate over every
//! value is shown, up to [`MAX_EXTRA`]. With fewer than 10 classified days and no difference to
//! project, the honest number is the floor: 10 days are the fewest any test can use.

use super::CLEAR_Q;
use super::factors::{Counts, MIN_N};
use super::stats::{Table, fisher_two_sided};

/// Beyond this many extra run days the estimate is not given (years of running at most
/// paces; the differences so far are too small to say).
pub const MAX_EXTRA: usize = 1000;

/// What more data would do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outlook {
    /// Something is clear already.
    Clear,
    /// Fewer classified run days than any test needs: at least this many more.
    TooFew(usize),
    /// About this many more classified run days, if the patterns so far hold.
    About(usize),
    /// No difference so far that more days would make clear within [`MAX_EXTRA`].
    NoSignal,
}

/// Scales `count` of `total` days to `total + extra`, rounded to the nearest day.
fn scale(count: usize, total: usize, extra: usize) -> u64 {
    ((count as f64) * ((total + extra) as f64) / (total as f64)).round() as u64
}

/// True when `counts`, grown by `extra` days split as the days so far, would be clear even
/// after multiplying its p-value by `family`.
fn clear_after(counts: &Counts, extra: usize, family: usize) -> bool {
    let t = counts.table();
    let total = (t.a + t.b + t.c + t.d) as usize;
    let grown = Table {
        a: scale(t.a as usize, total, extra),
        b: scale(t.b as usize, total, extra),
        c: scale(t.c as usize, total, extra),
        d: scale(t.d as usize, total, extra),
    };
    let (with, without) = (grown.a + grown.b, grown.c + grown.d);
    with >= MIN_N as u64
        && without >= MIN_N as u64
        && fisher_two_sided(grown) * (family as f64) < CLEAR_Q
}

/// The fewest extra days (up to [`MAX_EXTRA`]) after which `counts` would be clear: a doubling
/// search, then a binary search (the p-value falls as days are added, up to rounding).
fn extra_needed(counts: &Counts, family: usize) -> Option<usize> {
    // Invariant: not clear at `low` (0: as things stand), clear at `high`.
    let (mut low, mut high) = (0, 1);
    while !clear_after(counts, high, family) {
        if high >= MAX_EXTRA {
            return None;
        }
        low = high;
        high = (high * 2).min(MAX_EXTRA);
    }
    while high - low > 1 {
        let mid = low + (high - low) / 2;
        if clear_after(counts, mid, family) {
            high = mid;
        } else {
            low = mid;
        }
    }
    Some(high)
}

/// The outlook when nothing is clear, from the counts of every value seen and the number of
/// classified run days.
#[must_use]
pub fn estimate(tables: &[Counts], classified: usize) -> Outlook {
    let candidates: Vec<&Counts> = tables
        .iter()
        .filter(|c| c.with.0 > 0 && c.without.0 > 0)
        .filter(|c| {
            let t = c.table();
            // Shares differ: a·(c+d) ≠ c·(a+b).
            t.a * (t.c + t.d) != t.c * (t.a + t.b)
        })
        .collect();
    let family = candidates.len().max(1);
    let best = candidates
        .iter()
        .filter_map(|c| extra_needed(c, family))
        .min();
    match best {
        Some(extra) => Outlook::About(extra),
        None if classified < 2 * MIN_N => Outlook::TooFew(2 * MIN_N - classified),
        None => Outlook::NoSignal,
    }
}
