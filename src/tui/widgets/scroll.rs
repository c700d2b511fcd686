//! Scrolling a list or a text by steps of some rows, within its length.

/// The new top line after moving `steps` steps of `rows` rows (negative: up) from `top`, never
/// past `max`. Starts from what is on screen: a taller window may already show the end.
pub fn by(top: usize, max: usize, steps: i32, rows: usize) -> usize {
    let moved = (steps.unsigned_abs() as usize).saturating_mul(rows);
    let from = top.min(max);
    if steps < 0 {
        from.saturating_sub(moved)
    } else {
        from.saturating_add(moved).min(max)
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn stays_within_the_text() {
        assert_eq!(super::by(0, 10, 1, 3), 3);
        assert_eq!(super::by(9, 10, 1, 3), 10);
        assert_eq!(super::by(25, 10, -1, 3), 7, "from what is on screen");
        assert_eq!(super::by(2, 10, -1, 3), 0);
    }
}
