//! Number helpers that cannot panic.

/// `value` limited to `lo..=hi`; `hi` wins when `lo > hi`.
///
/// `f64::clamp` panics when `lo > hi` and, to say so, formats both bounds
/// with `Debug`, which links the float printer (about 15 KB of wasm).
pub fn clamp(value: f64, lo: f64, hi: f64) -> f64 {
    value.max(lo).min(hi)
}

#[cfg(test)]
mod tests {
    use super::clamp;

    #[test]
    fn limits_a_value_to_its_range() {
        assert_eq!(clamp(-2.0, 0.0, 1.0), 0.0);
        assert_eq!(clamp(0.25, 0.0, 1.0), 0.25);
        assert_eq!(clamp(7.0, 0.0, 1.0), 1.0);
    }

    #[test]
    fn an_empty_range_gives_its_upper_bound_instead_of_panicking() {
        assert_eq!(clamp(5.0, 3.0, 1.0), 1.0);
    }
}
