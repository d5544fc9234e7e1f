//! Writing integers into SVG path data without `format!` (which would pull
//! the formatting machinery into the wasm binary).

use alloc::string::String;

use crate::text::push_int;

/// Appends `v` as the next number of a list: a space separates it from the
/// number before, except when its minus sign already does ("5-6", "5 6").
pub(crate) fn push_next_int(out: &mut String, v: i32) {
    if v >= 0 {
        out.push(' ');
    }
    push_int(out, i64::from(v));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn int(v: i32) -> String {
        let mut s = String::new();
        push_int(&mut s, i64::from(v));
        s
    }

    #[test]
    fn geo_push_int_writes_decimal_like_std() {
        for v in [0, 1, -1, 9, 10, -10, 99, 100, 12345, -987654, i32::MAX, i32::MIN] {
            assert_eq!(int(v), v.to_string());
        }
    }

    #[test]
    fn geo_push_next_int_uses_minus_as_separator() {
        let mut s = String::from("l5");
        push_next_int(&mut s, -6);
        push_next_int(&mut s, 7);
        push_next_int(&mut s, 0);
        assert_eq!(s, "l5-6 7 0");
    }
}
