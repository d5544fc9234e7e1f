//! Writing numbers and escaped text into markup without `format!`, whose
//! machinery would cost the wasm several kilobytes.

/// Appends an unsigned integer in decimal.
pub fn push_uint(out: &mut String, mut value: u64) {
    let mut digits = [0u8; 20];
    let mut n = 0;
    loop {
        if let Some(slot) = digits.get_mut(n) {
            *slot = b'0' + (value % 10) as u8;
        }
        n += 1;
        value /= 10;
        if value == 0 || n == digits.len() {
            break;
        }
    }
    for d in digits.iter().take(n).rev() {
        out.push(char::from(*d));
    }
}

/// Appends a signed integer in decimal.
pub fn push_int(out: &mut String, value: i64) {
    if value < 0 {
        out.push('-');
    }
    push_uint(out, value.unsigned_abs());
}

/// Appends a number with at most `decimals` digits after the point, trailing
/// zeros dropped; for coordinates and sizes in markup, not for readers.
pub fn push_fixed(out: &mut String, value: f64, decimals: u32) {
    let scale = 10u64.pow(decimals.min(6));
    let scaled = (value.abs() * scale as f64).round() as u64;
    if value < 0.0 && scaled != 0 {
        out.push('-');
    }
    push_uint(out, scaled / scale);
    let mut frac = scaled % scale;
    if frac != 0 {
        out.push('.');
        let mut div = scale / 10;
        while frac != 0 && div != 0 {
            out.push(char::from(b'0' + (frac / div) as u8));
            frac %= div;
            div /= 10;
        }
    }
}

/// Appends text escaped for use in element content and in double-quoted
/// attribute values, so no bundle text can open a tag or end an attribute.
pub fn push_escaped(out: &mut String, text: &str) {
    for ch in text.chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(ch),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(f: impl FnOnce(&mut String)) -> String {
        let mut out = String::new();
        f(&mut out);
        out
    }

    #[test]
    fn integers_are_written_in_decimal() {
        assert_eq!(s(|o| push_uint(o, 0)), "0");
        assert_eq!(s(|o| push_uint(o, 288)), "288");
        assert_eq!(s(|o| push_uint(o, u64::MAX)), "18446744073709551615");
        assert_eq!(s(|o| push_int(o, -153)), "-153");
        assert_eq!(s(|o| push_int(o, i64::MIN)), "-9223372036854775808");
    }

    #[test]
    fn fixed_point_drops_trailing_zeros() {
        assert_eq!(s(|o| push_fixed(o, 12.5, 2)), "12.5");
        assert_eq!(s(|o| push_fixed(o, 3.0, 2)), "3");
        assert_eq!(s(|o| push_fixed(o, -0.004, 2)), "0");
        assert_eq!(s(|o| push_fixed(o, -1.25, 1)), "-1.3");
        assert_eq!(s(|o| push_fixed(o, 0.05, 2)), "0.05");
    }

    #[test]
    fn markup_characters_are_escaped() {
        assert_eq!(
            s(|o| push_escaped(o, r#"<img src=x onerror="a('b')">&"#)),
            "&lt;img src=x onerror=&quot;a(&#39;b&#39;)&quot;&gt;&amp;"
        );
    }
}
