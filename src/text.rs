//! Writing numbers and escaped text into markup without `format!`, whose
//! machinery would cost the wasm several kilobytes.

use alloc::string::String;

/// Appends an unsigned integer in decimal. The digits are written into a
/// buffer and appended at once: one `push` per digit was, in the browser's
/// first-tier compiler, the largest single cost of writing the map's path
/// data.
pub fn push_uint(out: &mut String, mut value: u64) {
    // u64::MAX has 20 digits.
    let mut digits = [0u8; 20];
    let mut start = digits.len();
    while let Some(slot) = start.checked_sub(1).and_then(|i| digits.get_mut(i)) {
        *slot = b'0' + (value % 10) as u8;
        start -= 1;
        value /= 10;
        if value == 0 {
            break;
        }
    }
    let digits = digits.get(start..).unwrap_or(&[]);
    // SAFETY: every byte is an ASCII digit, so the slice is UTF-8.
    out.push_str(unsafe { core::str::from_utf8_unchecked(digits) });
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
    let scale = crate::num::pow10(decimals.min(6));
    let scaled = crate::num::round(value.abs() * scale.get() as f64) as u64;
    if value < 0.0 && scaled != 0 {
        out.push('-');
    }
    push_uint(out, scaled / scale);
    let mut frac = scaled % scale;
    if frac != 0 {
        out.push('.');
        let mut div = scale.get() / 10;
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

/// Where the first `byte` is in `text`, which must be ASCII: the same
/// offset as `str::find` of that character, since an ASCII byte never
/// occurs inside a longer character. A byte loop rather than core's
/// character searcher, which costs the wasm about 0.9 KB.
pub fn find_ascii(text: &str, byte: u8) -> Option<usize> {
    debug_assert!(byte.is_ascii());
    text.as_bytes().iter().position(|&b| b == byte)
}

/// The parts of `text` between occurrences of the ASCII `separator`, as
/// `str::split` of that character gives them, by `find_ascii`.
pub fn split_ascii(text: &str, separator: u8) -> impl Iterator<Item = &str> {
    let mut rest = Some(text);
    core::iter::from_fn(move || {
        let part = rest?;
        let Some(at) = find_ascii(part, separator) else {
            rest = None;
            return Some(part);
        };
        rest = part.get(at + 1..);
        part.get(..at)
    })
}

/// `text` read as a decimal `usize` exactly as `str::parse` reads one (an
/// optional `+`, then ASCII digits only, `None` past `usize::MAX`), by a
/// byte loop: core's generic integer parser costs the wasm 0.3 KB.
pub fn parse_uint(text: &str) -> Option<usize> {
    let digits = match text.as_bytes() {
        [b'+', rest @ ..] => rest,
        all => all,
    };
    if digits.is_empty() {
        return None;
    }
    digits.iter().try_fold(0usize, |value, &byte| {
        let digit = byte.wrapping_sub(b'0');
        if digit > 9 {
            return None;
        }
        value.checked_mul(10)?.checked_add(usize::from(digit))
    })
}

/// `text` without the whitespace (Unicode's, as `char::is_whitespace`
/// says) at either end: what `str::trim` returns, found in one forward
/// pass from the first to the last other character. Core's `trim_matches`
/// and the decoding backwards it needs cost the wasm about 0.5 KB more;
/// the texts trimmed are short attribute values.
pub fn trim(text: &str) -> &str {
    let mut chars = text.chars();
    let (mut start, mut end) = (text.len(), 0);
    while let Some(ch) = chars.next() {
        if !ch.is_whitespace() {
            end = text.len() - chars.as_str().len();
            start = start.min(end - ch.len_utf8());
        }
    }
    text.get(start..end).unwrap_or("")
}

/// True when `text` is empty or all whitespace, as `str::trim` sees it.
pub fn is_blank(text: &str) -> bool {
    text.chars().all(char::is_whitespace)
}

/// The number of characters in `text`: its bytes that do not continue a
/// character. `str::chars().count()` is faster on long texts, but its
/// word-at-a-time version costs 1 KB of wasm, and the crate counts only to
/// report an error.
pub fn char_count(text: &str) -> usize {
    text.bytes().filter(|b| b & 0xC0 != 0x80).count()
}

/// `bytes` as text, if they are UTF-8: what `core::str::from_utf8` says, by
/// a plain loop over the characters. Its word-at-a-time version, which also
/// says where the first wrong byte is, was 0.7 KB of the wasm, where it
/// checks only the texts of a packed bundle.
pub fn utf8(bytes: &[u8]) -> Option<&str> {
    let mut i = 0;
    while let Some(&lead) = bytes.get(i) {
        // The bytes that must follow the first one, and the range of the
        // second: narrower after E0, ED, F0 and F4, which would otherwise
        // start an overlong form, a surrogate or a code point past U+10FFFF.
        let (more, low, high) = match lead {
            0x00..=0x7F => (0, 0, 0),
            0xC2..=0xDF => (1, 0x80, 0xBF),
            0xE0 => (2, 0xA0, 0xBF),
            0xE1..=0xEC | 0xEE..=0xEF => (2, 0x80, 0xBF),
            0xED => (2, 0x80, 0x9F),
            0xF0 => (3, 0x90, 0xBF),
            0xF1..=0xF3 => (3, 0x80, 0xBF),
            0xF4 => (3, 0x80, 0x8F),
            _ => return None,
        };
        for k in 1..=more {
            let b = *bytes.get(i + k)?;
            let (low, high) = if k == 1 { (low, high) } else { (0x80, 0xBF) };
            if b < low || b > high {
                return None;
            }
        }
        i += 1 + more;
    }
    // SAFETY: the loop above accepts exactly the UTF-8 sequences (RFC 3629),
    // which a test holds to `core::str::from_utf8`.
    Some(unsafe { core::str::from_utf8_unchecked(bytes) })
}

/// The capital of a lowercase letter in the Latin, Greek and Cyrillic
/// alphabets of Europe's languages (ASCII, Latin-1, Latin Extended-A,
/// basic Greek and Cyrillic); any other character is returned as it is.
/// Only a label's first letter is capitalised, and `char::to_uppercase`
/// would link all of Unicode's case tables: 13.8 KB of wasm, 3.8 KB brotli.
pub fn capital(ch: char) -> char {
    let c = u32::from(ch);
    let upper = match c {
        0x61..=0x7A | 0xE0..=0xFE if c != 0xF7 => c - 0x20,
        0xFF => 0x178,
        0x131 => 0x49,
        0x17F => 0x53,
        0x3C2 => 0x3A3,
        // Latin Extended-A pairs each capital with the letter after it,
        // except in two runs where the capital comes second.
        0x139..=0x148 | 0x179..=0x17E if c % 2 == 0 => c - 1,
        0x101..=0x137 | 0x14B..=0x177 if c % 2 == 1 => c - 1,
        0x3B1..=0x3C9 => c - 0x20,
        0x430..=0x44F => c - 0x20,
        0x450..=0x45F => c - 0x50,
        _ => c,
    };
    char::from_u32(upper).unwrap_or(ch)
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
    fn utf8_agrees_with_core() {
        let same = |bytes: &[u8]| {
            assert_eq!(utf8(bytes), core::str::from_utf8(bytes).ok(), "{bytes:x?}");
        };
        same(b"");
        // Every sequence of one or two bytes, and every three bytes whose
        // last is at an edge of the ranges above.
        let edges = [
            0x00, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC2, 0xE0, 0xF4, 0xFF,
        ];
        for a in 0..=255u8 {
            same(&[a]);
            for b in 0..=255u8 {
                same(&[a, b]);
                for &c in &edges {
                    same(&[a, b, c]);
                    same(&[0x41, a, b, c]);
                }
            }
        }
        // Four-byte sequences from each lead byte, their last two bytes at
        // the edges.
        for a in 0xF0..=0xF5u8 {
            for b in 0..=255u8 {
                for &c in &edges {
                    for &d in &edges {
                        same(&[a, b, c, d]);
                    }
                }
            }
        }
        for text in [
            "Festnahmen: 153",
            "50,8\u{A0}Mio.\u{A0}€",
            "Pa\u{144}stwa",
            "\u{10FFFF}\u{FFFF}\u{800}\u{7FF}\u{80}",
        ] {
            same(text.as_bytes());
        }
    }

    #[test]
    fn capitals_agree_with_unicode_for_europes_alphabets() {
        assert_eq!(capital('c'), 'C');
        assert_eq!(capital('é'), 'É');
        assert_eq!(capital('ł'), 'Ł');
        assert_eq!(capital('ż'), 'Ż');
        assert_eq!(capital('ő'), 'Ő');
        assert_eq!(capital('ж'), 'Ж');
        // Letters whose capital is not one character, or not a letter of
        // these alphabets, stay as they are.
        assert_eq!(capital('ß'), 'ß');
        assert_eq!(capital('ŉ'), 'ŉ');
        assert_eq!(capital('7'), '7');
        let claimed = |c: char| matches!(c, 'a'..='z' | 'à'..='ÿ' | '\u{100}'..='\u{17F}' | 'α'..='ω' | 'а'..='џ');
        for ch in ('\0'..='\u{4FF}').filter(|c| c.is_lowercase()) {
            let mut unicode = ch.to_uppercase();
            let expected = match (unicode.next(), unicode.next()) {
                (Some(u), None) if claimed(ch) => u,
                _ => ch,
            };
            assert_eq!(capital(ch), expected, "{ch:?}");
        }
    }

    #[test]
    fn ascii_splitting_agrees_with_str_split() {
        for text in ["", "-", "2023-05-02", "--a--", "Łódź-€-🚓", "a_b__c_", "\u{1f}x\u{1f}"] {
            for sep in ['-', '_', '\u{1f}'] {
                let ours: Vec<&str> = split_ascii(text, sep as u8).collect();
                let std: Vec<&str> = text.split(sep).collect();
                assert_eq!(ours, std, "{text:?} on {sep:?}");
                assert_eq!(find_ascii(text, sep as u8), text.find(sep), "{text:?}");
            }
        }
    }

    #[test]
    fn unsigned_integers_parse_as_str_parse_reads_them() {
        let max = usize::MAX.to_string();
        let past_max = format!("{max}0");
        for text in [
            "", "+", "++1", "-1", "0", "+0", "007", "12", " 1", "1 ", "1a", "٣", &max, &past_max,
        ] {
            assert_eq!(parse_uint(text), text.parse::<usize>().ok(), "{text:?}");
        }
    }

    #[test]
    fn trimming_agrees_with_str_trim() {
        for text in [
            "",
            " ",
            "a",
            " a ",
            "\t\n a b \r\n",
            "\u{a0}fr\u{3000}",
            "\u{2028}",
            " Łódź ",
            "🚓 \u{85}",
        ] {
            assert_eq!(trim(text), text.trim(), "{text:?}");
            assert_eq!(is_blank(text), text.trim().is_empty(), "{text:?}");
        }
    }

    #[test]
    fn characters_are_counted_not_bytes() {
        for text in ["", "288", "Köln", "Łódź", "€ 50,8 Mio.", "🚓🚓", "a\u{301}"] {
            assert_eq!(char_count(text), text.chars().count(), "{text}");
        }
    }

    #[test]
    fn markup_characters_are_escaped() {
        assert_eq!(
            s(|o| push_escaped(o, r#"<img src=x onerror="a('b')">&"#)),
            "&lt;img src=x onerror=&quot;a(&#39;b&#39;)&quot;&gt;&amp;"
        );
    }

    #[test]
    fn text_around_escaped_characters_is_kept_whole() {
        assert_eq!(s(|o| push_escaped(o, "")), "");
        assert_eq!(s(|o| push_escaped(o, "Köln")), "Köln");
        assert_eq!(s(|o| push_escaped(o, "€<Łódź>🚓&")), "€&lt;Łódź&gt;🚓&amp;");
        assert_eq!(s(|o| push_escaped(o, "\"«»\"")), "&quot;«»&quot;");
    }
}
