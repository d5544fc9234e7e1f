//! Writing integers into SVG path data without `format!` (which would pull
//! the formatting machinery into the wasm binary).

use alloc::string::String;

/// Appends the decimal digits of `v` (with a leading '-' when negative).
pub(crate) fn push_int(out: &mut String, v: i32) {
    if v < 0 {
        out.push('-');
    }
    let mut n = v.unsigned_abs();
    let mut div: u32 = 1;
    while n / div >= 10 {
        div *= 10;
    }
    loop {
        let digit = (n / div) as u8; // < 10
        out.push(char::from(b'0' + digit));
        n %= div;
        if div == 1 {
            break;
        }
        div /= 10;
    }
}

/// Appends `v` as the next number of a list: a space separates it from the
/// number before, except when its minus sign already does ("5-6", "5 6").
pub(crate) fn push_next_int(out: &mut String, v: i32) {
    if v >= 0 {
        out.push(' ');
    }
    push_int(out, v);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn int(v: i32) -> String {
        let mut s = String::new();
        push_int(&mut s, v);
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
