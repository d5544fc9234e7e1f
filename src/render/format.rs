//! Numbers as readers read them: digits grouped and decimals marked by the
//! language's rules (`number.*` in `i18n/<lang>.txt`), the source's
//! qualifier kept ("more than 200,000", never "200,000").

use alloc::string::String;

use crate::facts::Qualifier;
use crate::i18n::{Key, Locale, NumberFormat};
use crate::num;
use crate::text::push_uint;

/// Appends a number by `nf`: groups of three digits (only from
/// `min_grouping + 3` digits on), fractions rounded to two decimals and
/// written without trailing zeros, as the sources state them. "200,000",
/// "53.4", "26.75" in English; "200.000", "53,4" in German; "200 000"
/// (U+202F) in French; "1000" but "10 000" in Polish.
pub fn push_number_in(out: &mut String, value: f64, nf: &NumberFormat) {
    let hundredths = num::round(value.abs() * 100.0) as u64;
    if value < 0.0 && hundredths != 0 {
        out.push('-');
    }
    let whole = hundredths / 100;
    let mut digits = String::new();
    push_uint(&mut digits, whole);
    let len = digits.len();
    let grouped = len >= 3 + nf.min_grouping.max(1);
    for (i, ch) in digits.chars().enumerate() {
        if grouped && i > 0 && (len - i) % 3 == 0 {
            out.push_str(&nf.group);
        }
        out.push(ch);
    }
    let fraction = hundredths % 100;
    if fraction != 0 {
        out.push_str(&nf.decimal);
        out.push(char::from(b'0' + (fraction / 10) as u8));
        if fraction % 10 != 0 {
            out.push(char::from(b'0' + (fraction % 10) as u8));
        }
    }
}

/// Appends a number in English, e.g. `200,000`.
pub fn push_number(out: &mut String, value: f64) {
    push_number_in(out, value, &Locale::english().number);
}

/// The key of a qualifier's pattern; `None` for an exact figure.
pub fn qualifier_key(q: Qualifier) -> Option<Key> {
    match q {
        Qualifier::Exact => None,
        Qualifier::MoreThan => Some(Key::QualifierMoreThan),
        Qualifier::AtLeast => Some(Key::QualifierAtLeast),
        Qualifier::About => Some(Key::QualifierAbout),
        Qualifier::Nearly => Some(Key::QualifierNearly),
    }
}

/// Appends `written` (a number, or a number with its unit, as markup)
/// inside the qualifier's pattern: "more than 200,000 pills".
pub fn push_qualifier_around(out: &mut String, t: &Locale, q: Qualifier, written: &str) {
    match qualifier_key(q) {
        Some(key) => t.push_with(out, key, &[("n", written)]),
        None => out.push_str(written),
    }
}

/// The qualifier and value to write for a figure whose number is written
/// in `scale`s (a million, say) with at most two decimals. A value that
/// two decimals cannot hold (€26,751,234, 0.125 kg) is rounded so that
/// the sentence stays true: an exact figure becomes "about", "more than"
/// and "at least" round down (more than €53.456 million is more than
/// €53.45 million, not €53.46 million), "nearly" rounds up. The figure's
/// popover quotes the source's own number.
pub fn honest(q: Qualifier, value: f64, scale: f64) -> (Qualifier, f64) {
    let hundredths = value / scale * 100.0;
    let nearest = num::round(hundredths);
    // Within float error of a hundredth (53.4e6 / 1e6 * 100 is
    // 5340.000000000001), and no further: $1,999,999,999 is 199.9999999
    // hundredths of a billion, and reads "about $2 billion".
    if (hundredths - nearest).abs() <= 1e-9 {
        return (q, value);
    }
    let down = num::trunc(hundredths);
    let (q, hundredths) = match q {
        Qualifier::MoreThan | Qualifier::AtLeast => (q, down),
        Qualifier::Nearly => (q, down + 1.0),
        _ => (Qualifier::About, nearest),
    };
    (q, hundredths / 100.0 * scale)
}

/// Appends a qualified number, e.g. "more than 200,000", "mehr als 200.000".
pub fn push_qualified(out: &mut String, t: &Locale, q: Qualifier, value: f64) {
    let (q, value) = honest(q, value, 1.0);
    let mut n = String::with_capacity(16);
    push_number_in(&mut n, value, &t.number);
    push_qualifier_around(out, t, q, &n);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    fn n(v: f64) -> String {
        let mut s = String::new();
        push_number(&mut s, v);
        s
    }

    fn in_lang(lang: Lang, v: f64) -> String {
        let mut s = String::new();
        push_number_in(&mut s, v, &Locale::get(lang).number);
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
    fn a_qualified_number_says_how_it_was_rounded() {
        let q = |q, v| {
            let mut s = String::new();
            push_qualified(&mut s, Locale::english(), q, v);
            s
        };
        assert_eq!(q(Qualifier::Exact, 1234.125), "about 1,234.13");
        assert_eq!(q(Qualifier::MoreThan, 1234.125), "more than 1,234.12");
        assert_eq!(q(Qualifier::Nearly, 1234.125), "nearly 1,234.13");
        assert_eq!(q(Qualifier::Exact, 1234.25), "1,234.25");
    }

    #[test]
    fn keeps_up_to_two_decimals_as_the_source_gives_them() {
        assert_eq!(n(50.8), "50.8");
        assert_eq!(n(0.05), "0.05");
        assert_eq!(n(1234.25), "1,234.25");
        assert_eq!(n(1234.125), "1,234.13");
    }

    #[test]
    fn each_language_groups_and_marks_decimals_its_way() {
        assert_eq!(in_lang(Lang::De, 1234.25), "1.234,25");
        assert_eq!(in_lang(Lang::Fr, 200_000.0), "200\u{202f}000");
        assert_eq!(in_lang(Lang::Es, 1000.0), "1000");
        assert_eq!(in_lang(Lang::Es, 10_000.0), "10.000");
        assert_eq!(in_lang(Lang::Pl, 1000.0), "1000");
        assert_eq!(in_lang(Lang::Pl, 12_345.6), "12\u{a0}345,6");
    }

    #[test]
    fn qualifiers_are_never_dropped() {
        let mut s = String::new();
        push_qualified(&mut s, Locale::english(), Qualifier::MoreThan, 200_000.0);
        assert_eq!(s, "more than 200,000");
    }
}
