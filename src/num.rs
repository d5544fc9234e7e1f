//! Number helpers that cannot panic, and the float functions that are
//! std's methods rather than core's.

use core::num::NonZeroU64;

/// `value` limited to `lo..=hi`; `hi` wins when `lo > hi`.
///
/// `f64::clamp` panics when `lo > hi` and, to say so, formats both bounds
/// with `Debug`, which links the float printer (about 15 KB of wasm).
pub fn clamp(value: f64, lo: f64, hi: f64) -> f64 {
    value.max(lo).min(hi)
}

// Native builds call std's methods, so the command-line tool, the static
// page and the tests compute exactly what they always did. The wasm is
// `no_std` and takes the functions from the `libm` crate instead: on wasm32,
// std's `round`, `sin`, `cos` and `asin` call compiler-builtins' copy of
// that same code, and `trunc` is an exact operation (std emitted the wasm
// instruction, which stable core cannot name; libm computes it in
// software, to the same bits). So the wasm's numbers do not change either;
// a wasm test (tests/web.rs) holds each function, `sqrt` too, to std's bits.
#[cfg(target_arch = "wasm32")]
pub use libm::{asin, cos, round, sin, trunc};

// The square root comes from the browser instead: `Math.sqrt` is the
// correctly rounded IEEE operation, as std's `f64::sqrt` is, and libm's
// software version cost about half a kilobyte of the drop-in. It is called
// a few dozen times per render and per pointer move (symbol sizes, label
// layout, the hit test), so crossing to JS for it costs nothing a reader
// could notice.
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen::prelude::wasm_bindgen]
extern "C" {
    /// The square root of `x`.
    #[wasm_bindgen(js_namespace = Math)]
    pub fn sqrt(x: f64) -> f64;
}

/// `x` rounded to the nearest integer, halfway cases away from zero.
#[cfg(not(target_arch = "wasm32"))]
pub fn round(x: f64) -> f64 {
    x.round()
}

/// `x` without its fraction (rounded toward zero).
#[cfg(not(target_arch = "wasm32"))]
pub fn trunc(x: f64) -> f64 {
    x.trunc()
}

/// The square root of `x`.
#[cfg(not(target_arch = "wasm32"))]
pub fn sqrt(x: f64) -> f64 {
    x.sqrt()
}

/// The sine of `x` (radians).
#[cfg(not(target_arch = "wasm32"))]
pub fn sin(x: f64) -> f64 {
    x.sin()
}

/// The cosine of `x` (radians).
#[cfg(not(target_arch = "wasm32"))]
pub fn cos(x: f64) -> f64 {
    x.cos()
}

/// The arcsine of `x`, in radians.
#[cfg(not(target_arch = "wasm32"))]
pub fn asin(x: f64) -> f64 {
    x.asin()
}

/// Ten to the power `exp`, for `exp` up to 19 (10^19 is the largest power
/// of ten a `u64` holds). Multiplied out in a loop: `u64::pow` squares
/// its way there, and `checked_pow` detects overflow with a 128-bit
/// multiplication (`__multi3`), together 0.2 KB of wasm for exponents
/// this small. A `NonZeroU64`, so that dividing by it has no panic path
/// (and no "attempt to divide by zero" message with a file name).
pub fn pow10(exp: u32) -> NonZeroU64 {
    let power = (0..exp).fold(1, |power: u64, _| power * 10);
    NonZeroU64::new(power).unwrap_or(NonZeroU64::MIN)
}

/// The fractional part of `x`, with its sign (`f64::fract`, which is this).
pub fn fract(x: f64) -> f64 {
    x - trunc(x)
}

#[cfg(test)]
mod tests {
    use super::{clamp, pow10};

    #[test]
    fn powers_of_ten_agree_with_pow() {
        for exp in 0..=19 {
            assert_eq!(pow10(exp).get(), 10u64.pow(exp), "{exp}");
        }
    }

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
