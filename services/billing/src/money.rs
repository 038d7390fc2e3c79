//! Money and quantities in integers only: amounts in minor units (cents), data in
//! bytes with 1 GB = 10^9 bytes (decimal, as Stripe and cloud vendors bill), and
//! one rounding rule, half up to the minor unit, applied once per line.

/// Bytes in one billed GB (decimal gigabyte, not GiB).
pub const BYTES_PER_GB: i128 = 1_000_000_000;

/// `value * num / den` rounded half up (all non-negative); 0 when `den` is 0.
pub fn mul_div_round(value: i128, num: i128, den: i128) -> i64 {
    if den <= 0 {
        return 0;
    }
    let product = value.max(0) * num.max(0);
    let rounded = (product + den / 2) / den;
    i64::try_from(rounded).unwrap_or(i64::MAX)
}

/// Bytes as an exact decimal GB string with nine decimals (`1234567890` -> `1.234567890`).
pub fn gb_string(bytes: u64) -> String {
    let whole = bytes / BYTES_PER_GB as u64;
    let frac = bytes % BYTES_PER_GB as u64;
    format!("{whole}.{frac:09}")
}

/// Bytes as decimal GB for people: exact, without trailing zeros (`50`, `1.073741824`,
/// `0.002`). Meters and CSVs keep [`gb_string`]'s fixed nine decimals.
pub fn gb_display(bytes: u64) -> String {
    let exact = gb_string(bytes);
    exact
        .trim_end_matches('0')
        .trim_end_matches('.')
        .to_string()
}

/// Minor units as a plain decimal amount for two-decimal currencies (`1050` -> `10.50`).
pub fn format_minor(amount: i64) -> String {
    let sign = if amount < 0 { "-" } else { "" };
    let abs = amount.unsigned_abs();
    format!("{sign}{}.{:02}", abs / 100, abs % 100)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rounds_half_up_once() {
        assert_eq!(mul_div_round(1, 1, 2), 1); // 0.5 -> 1
        assert_eq!(mul_div_round(1, 1, 3), 0); // 0.33 -> 0
        assert_eq!(mul_div_round(2, 1, 3), 1); // 0.67 -> 1
        assert_eq!(mul_div_round(10_000, 15, 31), 4839); // 4838.7 -> 4839
        assert_eq!(mul_div_round(5, 5, 0), 0);
    }

    #[test]
    fn gb_is_decimal_and_exact() {
        assert_eq!(gb_string(0), "0.000000000");
        assert_eq!(gb_string(1_000_000_000), "1.000000000");
        assert_eq!(gb_string(1_073_741_824), "1.073741824"); // one GiB
        assert_eq!(gb_string(123), "0.000000123");
        assert_eq!(gb_display(50_000_000_000), "50");
        assert_eq!(gb_display(1_073_741_824), "1.073741824");
        assert_eq!(gb_display(2_000_000), "0.002");
        assert_eq!(gb_display(0), "0");
        assert_eq!(format_minor(1050), "10.50");
        assert_eq!(format_minor(-7), "-0.07");
    }
}
