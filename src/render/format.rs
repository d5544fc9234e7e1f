//! Numbers as readers read them: grouped digits, the source's qualifier
//! kept ("more than 200,000", never "200,000").

use crate::facts::Qualifier;
use crate::text::push_uint;

/// Appends a whole number with comma thousands separators, e.g. `200,000`.
/// Fractions are rounded to one decimal, as the sources state them.
pub fn push_number(out: &mut String, value: f64) {
    let tenths = (value.abs() * 10.0).round() as u64;
    if value < 0.0 && tenths != 0 {
        out.push('-');
    }
    let whole = tenths / 10;
    let mut digits = String::new();
    push_uint(&mut digits, whole);
    let len = digits.len();
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (len - i) % 3 == 0 {
            out.push(',');
        }
        out.push(ch);
    }
    if tenths % 10 != 0 {
        out.push('.');
        out.push(char::from(b'0' + (tenths % 10) as u8));
    }
}

/// The words that go before a number, e.g. "more than ".
pub fn qualifier_prefix(q: Qualifier) -> &'static str {
    match q {
        Qualifier::Exact => "",
        Qualifier::MoreThan => "more than ",
        Qualifier::AtLeast => "at least ",
        Qualifier::About => "about ",
        Qualifier::Nearly => "nearly ",
    }
}

/// Appends a qualified number, e.g. "more than 200,000".
pub fn push_qualified(out: &mut String, q: Qualifier, value: f64) {
    out.push_str(qualifier_prefix(q));
    push_number(out, value);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn n(v: f64) -> String {
        let mut s = String::new();
        push_number(&mut s, v);
        s
    }

    #[test]
    fn groups_thousands_with_commas() {
        assert_eq!(n(0.0), "0");
        assert_eq!(n(153.0), "153");
        assert_eq!(n(1000.0), "1,000");
        assert_eq!(n(200_000.0), "200,000");
        assert_eq!(n(53_400_000.0), "53,400,000");
    }

    #[test]
    fn keeps_one_decimal_when_the_source_gives_one() {
        assert_eq!(n(50.8), "50.8");
        assert_eq!(n(1234.25), "1,234.3");
    }

    #[test]
    fn qualifiers_are_never_dropped() {
        let mut s = String::new();
        push_qualified(&mut s, Qualifier::MoreThan, 200_000.0);
        assert_eq!(s, "more than 200,000");
    }
}
