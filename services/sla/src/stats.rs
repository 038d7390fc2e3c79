//! Summaries of a set of durations: count, mean, median and 90th percentile.
//!
//! The median of an even count is the mean of the two middle values. The 90th
//! percentile is the nearest-rank one: the smallest value with at least 90% of the
//! values at or below it, i.e. the `ceil(0.9 * n)`-th smallest. It is always a value
//! that actually occurred, which is what a contract's "90% within X" means.

/// Seconds; `None` when there is nothing to summarise.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct DurationStats {
    pub count: u64,
    pub mean: Option<f64>,
    pub median: Option<f64>,
    pub p90: Option<f64>,
}

/// Summarises `values` (seconds, any order).
pub fn summarize(mut values: Vec<i64>) -> DurationStats {
    let n = values.len();
    if n == 0 {
        return DurationStats::default();
    }
    values.sort_unstable();
    let sum: f64 = values.iter().map(|&v| v as f64).sum();
    let median = if n % 2 == 1 {
        values[n / 2] as f64
    } else {
        (values[n / 2 - 1] as f64 + values[n / 2] as f64) / 2.0
    };
    // ceil(0.9 * n) in integers, 1-based.
    let rank = (9 * n).div_ceil(10);
    DurationStats {
        count: n as u64,
        mean: Some(sum / n as f64),
        median: Some(median),
        p90: Some(values[rank - 1] as f64),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_has_no_figures() {
        assert_eq!(summarize(Vec::new()), DurationStats::default());
    }

    #[test]
    fn one_value_is_every_figure() {
        let s = summarize(vec![42]);
        assert_eq!(
            (s.count, s.mean, s.median, s.p90),
            (1, Some(42.0), Some(42.0), Some(42.0))
        );
    }

    #[test]
    fn median_of_even_count_averages_the_middle_pair() {
        let s = summarize(vec![40, 10, 30, 20]);
        assert_eq!(s.median, Some(25.0));
        assert_eq!(s.mean, Some(25.0));
        // ceil(0.9 * 4) = 4th smallest.
        assert_eq!(s.p90, Some(40.0));
    }

    #[test]
    fn p90_is_nearest_rank() {
        // 1..=10: ceil(9.0) = 9th smallest = 9.
        assert_eq!(summarize((1..=10).collect()).p90, Some(9.0));
        // 1..=11: ceil(9.9) = 10th smallest = 10.
        assert_eq!(summarize((1..=11).collect()).p90, Some(10.0));
        // 1..=20: ceil(18.0) = 18.
        assert_eq!(summarize((1..=20).rev().collect()).p90, Some(18.0));
        // Two values: ceil(1.8) = 2nd.
        assert_eq!(summarize(vec![5, 100]).p90, Some(100.0));
    }
}
