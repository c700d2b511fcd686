//! The statistics of the insights against reference values: tables enumerated by hand, the
//! values `scipy.stats.fisher_exact` and `scipy.stats.spearmanr` give for the same input (and
//! `SciPy`'s own regression tests for large tables), and `erfc` against published values.

// Some results are exact by construction (0, 1, ±1, a p-value of 1 for a tie) and are compared
// exactly on purpose; the rest go through `close`.
#![allow(clippy::float_cmp)]

use stridelog::insights::stats::{
    Table, benjamini_hochberg, erf, erfc, fisher_two_sided, ln_factorial, normal_cdf, rho_interval,
    spearman,
};

fn close(actual: f64, expected: f64, relative: f64) {
    let error = if expected == 0.0 {
        actual.abs()
    } else {
        ((actual - expected) / expected).abs()
    };
    assert!(
        error <= relative,
        "expected {expected:e}, got {actual:e} (relative error {error:e})"
    );
}

fn table(a: u64, b: u64, c: u64, d: u64) -> Table {
    Table { a, b, c, d }
}

#[test]
fn ln_factorial_is_exact_for_small_and_accurate_for_large_numbers() {
    assert_eq!(ln_factorial(0), 0.0);
    assert_eq!(ln_factorial(1), 0.0);
    close(ln_factorial(5), 120f64.ln(), 1e-15);
    // 20! = 2432902008176640000 (the Stirling branch).
    close(ln_factorial(20), 2_432_902_008_176_640_000f64.ln(), 1e-15);
    // ln(100!) = 363.73937555556347 (ln Γ(101)).
    close(ln_factorial(100), 363.739_375_555_563_47, 1e-15);
    // Large counts stay finite: ln(10^6 !) ≈ 12815518.384658169.
    close(ln_factorial(1_000_000), 12_815_518.384_658_17, 1e-14);
}

#[test]
fn fisher_tea_tasting_by_hand() {
    // Margins 4/4, 4/4, n = 8: P(x) = C(4,x)·C(4,4−x)/70 = 1, 16, 36, 16, 1 (/70). The table
    // seen has x = 3 (16/70); no more likely are x = 0, 1, 3, 4: 34/70.
    close(fisher_two_sided(table(3, 1, 1, 3)), 34.0 / 70.0, 1e-12);
}

#[test]
fn fisher_perfect_split_of_five_and_five_by_hand() {
    // Margins 5/5, 5/5: only x = 0 and x = 5 have probability 1/252 each.
    close(fisher_two_sided(table(0, 5, 5, 0)), 2.0 / 252.0, 1e-12);
    close(fisher_two_sided(table(5, 0, 0, 5)), 2.0 / 252.0, 1e-12);
}

#[test]
fn fisher_matches_scipy_on_small_tables() {
    // scipy.stats.fisher_exact(...).pvalue (also the exact rational sums).
    close(
        fisher_two_sided(table(8, 2, 1, 5)),
        0.034_965_034_965_034_97,
        1e-10,
    );
    close(
        fisher_two_sided(table(1, 9, 11, 3)),
        0.002_759_456_185_220_083_6,
        1e-10,
    );
    close(
        fisher_two_sided(table(9, 5, 21, 79)),
        0.001_615_904_141_147_471_8,
        1e-10,
    );
    close(
        fisher_two_sided(table(10, 2, 3, 15)),
        0.000_536_724_119_143_435_8,
        1e-10,
    );
    close(
        fisher_two_sided(table(7, 12, 0, 5)),
        0.272_068_511_198_946,
        1e-10,
    );
}

#[test]
fn fisher_matches_scipy_on_large_tables_without_overflow() {
    // SciPy's regression test gh-4130.
    close(
        fisher_two_sided(table(6, 37, 108, 200)),
        0.005_092_697_748_126,
        1e-9,
    );
    close(
        fisher_two_sided(table(22, 0, 0, 102)),
        7.175_066_786_244_521e-25,
        1e-9,
    );
    close(
        fisher_two_sided(table(94, 48, 3577, 16988)),
        2.069_356_340_993_884_7e-37,
        1e-9,
    );
    close(
        fisher_two_sided(table(500, 1500, 400, 1600)),
        0.000_175_886_741_260_622_15,
        1e-9,
    );
}

#[test]
fn fisher_ties_and_empty_margins_give_one() {
    assert_eq!(fisher_two_sided(table(2, 3, 3, 2)), 1.0);
    assert_eq!(fisher_two_sided(table(5, 5, 5, 5)), 1.0);
    assert_eq!(fisher_two_sided(table(0, 0, 3, 4)), 1.0);
    assert_eq!(fisher_two_sided(table(0, 0, 0, 0)), 1.0);
}

#[test]
fn fisher_is_symmetric_in_rows_and_columns() {
    let p = fisher_two_sided(table(9, 5, 21, 79));
    close(fisher_two_sided(table(21, 79, 9, 5)), p, 1e-12);
    close(fisher_two_sided(table(9, 21, 5, 79)), p, 1e-12);
    close(fisher_two_sided(table(5, 9, 79, 21)), p, 1e-12);
}

#[test]
fn benjamini_hochberg_by_hand() {
    // Sorted p 0.01, 0.02, 0.03, 0.5 (m = 4): p·m/rank = 0.04, 0.04, 0.04, 0.5.
    let q = benjamini_hochberg(&[0.03, 0.5, 0.01, 0.02]);
    let expected = [0.04, 0.5, 0.04, 0.04];
    for (q, e) in q.iter().zip(expected) {
        close(*q, e, 1e-12);
    }
    // A later, smaller ratio carries down: 0.01·3/1 = 0.03 and 0.02·3/2 = 0.03 become
    // 0.025·3/3 = 0.025. And q never exceeds 1.
    let q = benjamini_hochberg(&[0.01, 0.02, 0.025]);
    for (q, e) in q.iter().zip([0.025, 0.025, 0.025]) {
        close(*q, e, 1e-12);
    }
    assert_eq!(benjamini_hochberg(&[0.9, 0.8]), vec![0.9, 0.9]);
    assert_eq!(benjamini_hochberg(&[1.0, 1.0, 1.0]), vec![1.0, 1.0, 1.0]);
    assert!(benjamini_hochberg(&[]).is_empty());
}

#[test]
fn spearman_matches_scipy_with_ties() {
    // scipy.stats.spearmanr([1, 2, 3, 4, 5], [5, 6, 7, 8, 7]) (SciPy's documentation example).
    let rho = spearman(&[1.0, 2.0, 3.0, 4.0, 5.0], &[5.0, 6.0, 7.0, 8.0, 7.0]).unwrap();
    close(rho, 0.820_782_681_668_123_3, 1e-14);
    // Ties on both sides: ranks [1.5, 1.5, 3, 5, 5, 5] and [2.5, 1, 2.5, 6, 4.5, 4.5].
    let rho = spearman(
        &[1.0, 1.0, 2.0, 3.0, 3.0, 3.0],
        &[2.0, 1.0, 2.0, 5.0, 4.0, 4.0],
    )
    .unwrap();
    close(rho, 0.905_789_459_783_312_6, 1e-14);
    let rho = spearman(
        &[7.5, 6.0, 8.0, 5.0, 9.0, 6.0, 7.0],
        &[2.0, 3.0, 1.0, 4.0, 1.0, 3.0, 2.0],
    )
    .unwrap();
    close(rho, -0.981_649_817_214_042_9, 1e-14);
}

#[test]
fn spearman_perfect_agreement_is_exactly_one_and_no_variation_is_none() {
    assert_eq!(
        spearman(&[1.0, 2.0, 3.0, 4.0], &[10.0, 20.0, 25.0, 90.0]),
        Some(1.0)
    );
    assert_eq!(spearman(&[1.0, 2.0, 3.0], &[3.0, 2.0, 1.0]), Some(-1.0));
    assert_eq!(spearman(&[1.0, 1.0, 1.0], &[1.0, 2.0, 3.0]), None);
    assert_eq!(spearman(&[1.0, 2.0, 3.0], &[4.0, 4.0, 4.0]), None);
    assert_eq!(spearman(&[1.0], &[2.0]), None);
    assert_eq!(spearman(&[1.0, 2.0], &[2.0]), None);
}

#[test]
fn erfc_matches_published_values_across_its_range() {
    let cases = [
        (0.0, 1.0),
        (0.5, 0.479_500_122_186_953_5),
        (1.0, 0.157_299_207_050_285_13),
        (1.5, 0.033_894_853_524_689_274),
        (2.5, 0.000_406_952_017_444_958_9),
        (3.0, 2.209_049_699_858_543_8e-5),
        (5.0, 1.537_459_794_428_035_1e-12),
        (10.0, 2.088_487_583_762_545e-45),
        (-1.0, 1.842_700_792_949_715),
        (-2.5, 1.999_593_047_982_555),
    ];
    for (x, expected) in cases {
        close(erfc(x), expected, 1e-13);
    }
    close(erf(0.5), 0.520_499_877_813_046_5, 1e-14);
    assert_eq!(erfc(40.0), 0.0);
    assert_eq!(erfc(-40.0), 2.0);
    assert!(erfc(f64::NAN).is_nan());
}

#[test]
fn erfc_is_smooth_where_its_two_methods_meet() {
    // The series serves below 1, the continued fraction from 1: no jump at the seam.
    let below = erfc(1.0 - 1e-12);
    let at = erfc(1.0);
    assert!((below - at).abs() < 1e-12, "{below} vs {at}");
    // Monotone decreasing over a fine grid.
    let mut last = erfc(-6.0);
    for i in -599..=600 {
        let x = f64::from(i) / 100.0;
        let now = erfc(x);
        assert!(now <= last, "erfc rises at {x}");
        last = now;
    }
}

#[test]
fn normal_cdf_matches_known_values() {
    close(normal_cdf(1.96), 0.975_002_104_851_779_5, 1e-14);
    close(normal_cdf(-3.0), 0.001_349_898_031_630_095_7, 1e-13);
    assert_eq!(normal_cdf(0.0), 0.5);
}

#[test]
fn rho_interval_uses_fisher_z_with_the_spearman_standard_error() {
    // z = atanh(0.41), se = 1.06/√77: tanh(z ± 1.96·se) and 2·(1 − Φ(|z|/se)).
    let i = rho_interval(0.41, 80).unwrap();
    close(i.low, 0.196_266_725_929_202_38, 1e-12);
    close(i.high, 0.586_540_454_238_906_3, 1e-12);
    close(i.p, 0.000_310_825_520_727_747_85, 1e-10);
    let i = rho_interval(-0.25, 30).unwrap();
    close(i.low, -0.575_191_695_588_919_8, 1e-12);
    close(i.high, 0.143_425_707_872_252_53, 1e-12);
    close(i.p, 0.210_554_772_869_513_13, 1e-10);
}

#[test]
fn rho_of_one_has_no_width_and_p_zero_and_tiny_n_has_no_interval() {
    let i = rho_interval(1.0, 12).unwrap();
    assert_eq!((i.low, i.high, i.p), (1.0, 1.0, 0.0));
    let i = rho_interval(-1.0, 12).unwrap();
    assert_eq!((i.low, i.high, i.p), (-1.0, -1.0, 0.0));
    assert!(rho_interval(0.5, 3).is_none());
}
