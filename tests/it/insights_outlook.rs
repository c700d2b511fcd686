//! "Nothing is clear yet: about N more run days would help": how N is found (see
//! `src/insights/outlook.rs`), on tables worked out by hand.

use stridelog::insights::Outlook;
use stridelog::insights::factors::{Counts, FactorValue, Spike};
use stridelog::insights::outlook::estimate;
use stridelog::insights::stats::{Table, fisher_two_sided};
use stridelog::journal::entry::Surface;

fn counts(value: FactorValue, with: (usize, usize), without: (usize, usize)) -> Counts {
    Counts {
        value,
        with,
        without,
    }
}

#[test]
fn without_any_table_the_floor_is_ten_classified_days() {
    assert_eq!(estimate(&[], 0), Outlook::TooFew(10));
    assert_eq!(estimate(&[], 7), Outlook::TooFew(3));
    assert_eq!(estimate(&[], 40), Outlook::NoSignal);
}

#[test]
fn no_difference_gives_no_estimate() {
    // 6 trail days, 2 amber or red; 12 others, 4: the same third.
    let tables = [counts(
        FactorValue::Surface(Surface::Trail),
        (6, 2),
        (12, 4),
    )];
    assert_eq!(estimate(&tables, 18), Outlook::NoSignal);
}

#[test]
fn the_estimate_is_the_fewest_days_after_which_the_grown_table_is_clear() {
    // Trail: 3 of 5 amber or red; the other 10 days: 3 of 10 (p 0.33 now). Grown by E days in
    // the same proportions (×(15 + E)/15, rounded): E = 22 gives 7/5 against 7/17, E = 23
    // gives 8/5 against 8/18, the first with p below 0.10.
    let trail = counts(FactorValue::Surface(Surface::Trail), (5, 3), (10, 3));
    let at = |a, b, c, d| fisher_two_sided(Table { a, b, c, d });
    assert!(at(3, 2, 3, 7) > 0.3);
    assert!(at(7, 5, 7, 17) >= 0.10);
    assert!(at(8, 5, 8, 18) < 0.10);
    assert_eq!(
        estimate(std::slice::from_ref(&trail), 15),
        Outlook::About(23)
    );
    // A second value that differs makes the family two: p must fall below 0.05. That first
    // happens at E = 38 (11/7 against 11/25, p 0.042), as long as the second value needs
    // more.
    let spike = counts(FactorValue::Spike(Spike::Yes), (7, 3), (8, 3));
    assert_eq!(estimate(&[trail, spike], 15), Outlook::About(38));
}
