//! The tidy table a journalist downloads: one row per figure. Written by
//! the `spector-facts export` command and, byte for byte the same, by the
//! widget's "Get the data" button.
//!
//! Pure and infallible: a validated `Bundle` always exports. No `format!`,
//! so the wasm stays small; numbers are written by `push_number` below.
//!
//! Columns, in order: `scope`, `metric`, `value`, `unit`, `qualifier`,
//! `sources`, `disputed`, `id`, `label`. Dates are not figures and have no
//! rows.

use alloc::string::String;
use alloc::vec::Vec;

use crate::facts::{Bundle, Citation, ClaimValue, Fact};
use crate::num;
use crate::text::push_uint;

/// The column names, in order; the CSV header and the JSON keys.
pub const COLUMNS: [&str; 9] = [
    "scope",
    "metric",
    "value",
    "unit",
    "qualifier",
    "sources",
    "disputed",
    "id",
    "label",
];

/// One row of the table, borrowed from the bundle where it can be.
struct Row<'a> {
    scope: &'a str,
    metric: &'a str,
    value: f64,
    unit: &'a str,
    qualifier: &'a str,
    sources: String,
    disputed: String,
    id: &'a str,
    label: &'a str,
}

impl<'a> Row<'a> {
    fn new(bundle: &'a Bundle, fact: &'a Fact) -> Self {
        Row {
            scope: fact.scope.code(),
            metric: &fact.metric,
            value: fact.value,
            unit: &fact.unit,
            qualifier: fact.qualifier.as_str(),
            sources: source_ids(bundle, &fact.citations),
            disputed: disputed(bundle, fact),
            id: &fact.id,
            label: fact.label.as_deref().unwrap_or(""),
        }
    }

    /// The text cells by column name, in column order; `None` marks the
    /// value column, which is a number.
    fn cells(&self) -> [(&'static str, Option<&str>); 9] {
        [
            ("scope", Some(self.scope)),
            ("metric", Some(self.metric)),
            ("value", None),
            ("unit", Some(self.unit)),
            ("qualifier", Some(self.qualifier)),
            ("sources", Some(&self.sources)),
            ("disputed", Some(&self.disputed)),
            ("id", Some(self.id)),
            ("label", Some(self.label)),
        ]
    }
}

/// The cited source ids, each once, in order of first citation, joined by
/// `;`; an agency a citation's words attribute the figure to comes right
/// after the citing source.
fn source_ids(bundle: &Bundle, citations: &[Citation]) -> String {
    let mut seen: Vec<usize> = Vec::with_capacity(citations.len());
    let mut out = String::new();
    let mut add = |s: usize| {
        if seen.contains(&s) {
            return;
        }
        seen.push(s);
        if let Some(source) = bundle.source(s) {
            if !out.is_empty() {
                out.push(';');
            }
            out.push_str(&source.id);
        }
    };
    for c in citations {
        add(c.source);
        if let Some(a) = c.attributed_to {
            add(a);
        }
    }
    out
}

/// The other claimed values, e.g. `more_than 120 (seed-wired-paraphrase)`,
/// joined by ` | `; empty when no source disagrees.
fn disputed(bundle: &Bundle, fact: &Fact) -> String {
    let mut out = String::new();
    let Some(disagreement) = &fact.disagreement else {
        return out;
    };
    for (i, claim) in disagreement.claims.iter().enumerate() {
        if i > 0 {
            out.push_str(" | ");
        }
        if claim.qualifier != crate::facts::Qualifier::Exact {
            out.push_str(claim.qualifier.as_str());
            out.push(' ');
        }
        match &claim.value {
            ClaimValue::Number(v) => push_number(&mut out, *v),
            // A validated fact's claims are numbers; a date is written as is.
            ClaimValue::Date(d) => out.push_str(d),
        }
        out.push_str(" (");
        out.push_str(&source_ids(bundle, &claim.citations));
        out.push(')');
    }
    out
}

/// The table as CSV (RFC 4180, `\n` line ends), header first, one row per
/// figure in bundle order.
///
/// A text cell that a spreadsheet would take for a formula (starting with
/// `=`, `+`, `-`, `@`, a tab or a carriage return) gets a leading `'`.
pub fn csv(bundle: &Bundle) -> String {
    let mut out = String::with_capacity(256 + bundle.facts.len() * 160);
    for (i, name) in COLUMNS.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push_str(name);
    }
    out.push('\n');
    for fact in &bundle.facts {
        let row = Row::new(bundle, fact);
        for (i, (_, cell)) in row.cells().iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            match cell {
                Some(text) => push_csv_text(&mut out, text),
                None => push_number(&mut out, row.value),
            }
        }
        out.push('\n');
    }
    out
}

/// The same table as a JSON array of objects with the column names as keys;
/// `value` is a number, every other cell a string (empty when blank).
/// Two-space indentation, ending with `\n`; `<` is escaped, so the text is
/// safe inside HTML.
pub fn json(bundle: &Bundle) -> String {
    if bundle.facts.is_empty() {
        return String::from("[]\n");
    }
    let mut out = String::with_capacity(64 + bundle.facts.len() * 320);
    out.push_str("[\n");
    for (n, fact) in bundle.facts.iter().enumerate() {
        if n > 0 {
            out.push_str(",\n");
        }
        out.push_str("  {\n");
        let row = Row::new(bundle, fact);
        for (i, (key, cell)) in row.cells().iter().enumerate() {
            if i > 0 {
                out.push_str(",\n");
            }
            out.push_str("    ");
            push_json_string(&mut out, key);
            out.push_str(": ");
            match cell {
                Some(text) => push_json_string(&mut out, text),
                None => {
                    if row.value.is_finite() {
                        push_number(&mut out, row.value);
                    } else {
                        // Cannot happen for a validated bundle; keep the JSON valid.
                        out.push_str("null");
                    }
                }
            }
        }
        out.push_str("\n  }");
    }
    out.push_str("\n]\n");
    out
}

/// The file name to save the table under, without extension: `operation.id`
/// lowercased, kept to `[a-z0-9-]`, plus `-facts`, e.g. `spector-facts`.
pub fn file_stem(bundle: &Bundle) -> String {
    let mut stem = id_stem(bundle);
    if !stem.is_empty() {
        stem.push('-');
    }
    stem.push_str("facts");
    stem
}

/// `operation.id` lowercased, kept to `[a-z0-9-]`, without dashes at
/// either end (a name that starts with `-` reads as an option to
/// command-line tools), e.g. `spector`; the stem of both download names.
pub(crate) fn id_stem(bundle: &Bundle) -> String {
    let mut out = String::with_capacity(bundle.operation.id.len() + 6);
    // Dashes are held back until a letter or digit follows, so none is
    // written at either end: cheaper in the wasm than `trim_matches`, or
    // than popping characters off the end. Every byte kept is ASCII, so
    // the id is read by byte.
    let mut dashes = 0;
    for byte in bundle.operation.id.bytes() {
        let byte = byte.to_ascii_lowercase();
        if byte.is_ascii_lowercase() || byte.is_ascii_digit() {
            if !out.is_empty() {
                out.extend(core::iter::repeat('-').take(dashes));
            }
            dashes = 0;
            out.push(char::from(byte));
        } else if byte == b'-' {
            dashes += 1;
        }
    }
    out
}

/// Appends a CSV field: formula-looking text defused with `'`, and quoted
/// when it holds a comma, a quote, CR or LF (inner quotes doubled).
fn push_csv_text(out: &mut String, text: &str) {
    // Every character looked for is ASCII, so bytes find them: core's
    // search for a set of characters decodes the text and costs the wasm
    // 0.3 KB more.
    let formula = text
        .as_bytes()
        .first()
        .is_some_and(|b| matches!(b, b'=' | b'+' | b'-' | b'@' | b'\t' | b'\r'));
    let quote = text.bytes().any(|b| matches!(b, b',' | b'"' | b'\r' | b'\n'));
    if quote {
        out.push('"');
    }
    if formula {
        out.push('\'');
    }
    for ch in text.chars() {
        if ch == '"' {
            out.push('"');
        }
        out.push(ch);
    }
    if quote {
        out.push('"');
    }
}

/// Appends a JSON string literal. Besides `"`, `\` and control characters,
/// `<` (and U+2028/U+2029, which old JavaScript parsers reject) are written
/// as `\uXXXX`, so the output can sit inside an HTML `<script>`.
fn push_json_string(out: &mut String, text: &str) {
    out.push('"');
    for ch in text.chars() {
        match ch {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if (c as u32) < 0x20 || c == '<' || c == '\u{2028}' || c == '\u{2029}' => push_u_escape(out, c as u32),
            c => out.push(c),
        }
    }
    out.push('"');
}

fn push_u_escape(out: &mut String, code: u32) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    out.push_str("\\u");
    for shift in [12u32, 8, 4, 0] {
        let digit = HEX.get(((code >> shift) & 0xf) as usize).copied().unwrap_or(b'0');
        out.push(char::from(digit));
    }
}

/// The largest integer below which every integer is an exact `f64`.
const EXACT_INT: f64 = 9_007_199_254_740_992.0; // 2^53

/// Appends a finite number as a plain decimal: no exponent, no thousands
/// separators, `.` as the point, no trailing `.0` (53400000, 288, 0.5).
///
/// Uses the fewest digits after the point that read back as the same
/// `f64`, up to what 15 to 16 significant digits allow (more than any
/// figure in a bundle needs). The sign of `-0` is dropped; non-finite
/// numbers, which a validated bundle cannot hold, write nothing.
fn push_number(out: &mut String, value: f64) {
    if !value.is_finite() {
        return;
    }
    if value < 0.0 {
        out.push('-');
    }
    let value = value.abs();
    if num::fract(value) == 0.0 {
        push_integer(out, value);
        return;
    }
    let mut scale = 1.0f64;
    let mut best: Option<(u64, u32)> = None;
    // At most 19 decimals: 10^19 is the largest power of ten a u64 holds.
    for decimals in 1..=19u32 {
        scale *= 10.0; // exact up to 1e22
        let scaled = num::round(value * scale);
        if scaled >= EXACT_INT {
            break;
        }
        best = Some((scaled as u64, decimals));
        // `scaled` and `scale` are exact, so this division rounds exactly
        // as reading the decimal text back would.
        if scaled / scale == value {
            break;
        }
    }
    match best {
        Some((scaled, decimals)) => {
            // At most 19 decimals, so the power does not overflow.
            let pow = num::pow10(decimals);
            // Rounding may carry into the integer part (0.99999999999999999 → 1).
            push_uint(out, scaled / pow);
            push_fraction(out, scaled % pow, decimals);
        }
        None => {
            // value * 10 >= 2^53, so value >= 2^49 and its fraction is a
            // multiple of 1/8: three decimals hold it exactly.
            push_integer(out, num::trunc(value));
            push_fraction(out, (num::fract(value) * 1000.0) as u64, 3);
        }
    }
}

/// Appends `.` and the `decimals`-digit fraction `frac`, trailing zeros
/// dropped; nothing when it is zero.
fn push_fraction(out: &mut String, mut frac: u64, decimals: u32) {
    if frac == 0 {
        return;
    }
    let mut digits = decimals;
    while frac % 10 == 0 && digits > 0 {
        frac /= 10;
        digits -= 1;
    }
    out.push('.');
    let mut div = num::pow10(digits.saturating_sub(1)).get();
    while div != 0 {
        out.push(char::from(b'0' + ((frac / div) % 10) as u8));
        div /= 10;
    }
}

/// Appends a non-negative integral `f64` in full, however large.
fn push_integer(out: &mut String, value: f64) {
    if value < 18_446_744_073_709_551_616.0 {
        // Below 2^64, so the conversion is exact.
        push_uint(out, value as u64);
        return;
    }
    // value = mantissa * 2^exp with exp > 0: the mantissa's decimal digits,
    // lowest first, doubled exp times. A fixed array of the 309 digits the
    // largest `f64` has, walked whole each time, needs no vector and no
    // index that could be out of bounds.
    let bits = value.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i64 - 1075;
    let mut mantissa = (bits & ((1u64 << 52) - 1)) | (1u64 << 52);
    let mut digits = [0u8; 309];
    for digit in digits.iter_mut() {
        *digit = (mantissa % 10) as u8;
        mantissa /= 10;
    }
    for _ in 0..exp {
        let mut carry = 0;
        for digit in digits.iter_mut() {
            let doubled = *digit * 2 + carry;
            *digit = doubled % 10;
            carry = doubled / 10;
        }
    }
    for digit in digits.iter().rev().skip_while(|d| **d == 0) {
        out.push(char::from(b'0' + digit));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::facts::{Claim, Disagreement, Operation, Qualifier, Scope, Source, SourceKind};

    fn num(value: f64) -> String {
        let mut out = String::new();
        push_number(&mut out, value);
        out
    }

    fn source(id: &str) -> Source {
        Source {
            id: id.to_owned(),
            publisher: "P".to_owned(),
            title: "T".to_owned(),
            date: "2023".to_owned(),
            url: None,
            url_confirmed: false,
            kind: SourceKind::Secondary,
            seed: None,
            lang: "en".to_owned(),
        }
    }

    fn cite(source: usize) -> Citation {
        Citation {
            source,
            quote: "q".to_owned(),
            attributed_to: None,
        }
    }

    fn fact(id: &str, scope: Scope, value: f64, qualifier: Qualifier, citations: Vec<Citation>) -> Fact {
        Fact {
            id: id.to_owned(),
            metric: "arrests".to_owned(),
            scope,
            value,
            unit: "people".to_owned(),
            qualifier,
            label: None,
            citations,
            disagreement: None,
        }
    }

    fn bundle(facts: Vec<Fact>) -> Bundle {
        Bundle {
            operation: Operation {
                id: "spector".to_owned(),
                name: "Operation SpecTor".to_owned(),
                summary: "S".to_owned(),
                announced: "2023-05-02".to_owned(),
            },
            lang: "en".to_owned(),
            sources: vec![source("a"), source("b"), source("c")],
            facts,
            dates: Vec::new(),
            warnings: Vec::new(),
        }
    }

    #[test]
    fn numbers_are_plain_decimals() {
        assert_eq!(num(53_400_000.0), "53400000");
        assert_eq!(num(288.0), "288");
        assert_eq!(num(0.0), "0");
        assert_eq!(num(-0.0), "0");
        assert_eq!(num(0.5), "0.5");
        assert_eq!(num(21.6), "21.6");
        assert_eq!(num(0.1), "0.1");
        assert_eq!(num(1.05), "1.05");
        assert_eq!(num(50.8e6), "50800000");
        assert_eq!(num(0.000_001), "0.000001");
        assert_eq!(num(123_456.789), "123456.789");
        assert_eq!(num(1e20), "100000000000000000000");
        assert_eq!(num(2f64.powi(70)), "1180591620717411303424");
        assert_eq!(num(f64::NAN), "");
    }

    #[test]
    fn integers_beyond_u64_are_written_in_full() {
        for v in [
            2f64.powi(64),
            3.0 * 2f64.powi(64),
            1e23,
            1e100,
            2f64.powi(1000),
            f64::MAX,
        ] {
            assert_eq!(num(v), format!("{v:.0}"));
        }
    }

    #[test]
    fn numbers_too_small_for_nineteen_decimals_are_zero_not_an_overflow() {
        // Found by proptest: 22 decimals overflowed 10^n in a u64.
        assert_eq!(num(5.02e-238), "0");
        assert_eq!(num(1e-25), "0");
        assert_eq!(num(1.5e-19), "0.0000000000000000002");
    }

    #[test]
    fn numbers_read_back_as_the_same_value() {
        for v in [
            0.1,
            0.2,
            0.3,
            2.675,
            1e-7,
            2.71,
            99.99,
            1234.5678,
            4_503_599_627_370_495.5,
            1e15 + 0.25,
        ] {
            let written = num(v);
            assert!(!written.contains('e'), "{written}");
            assert_eq!(written.parse::<f64>().unwrap(), v, "{written}");
        }
    }

    #[test]
    fn the_header_names_every_column_in_order() {
        let out = csv(&bundle(Vec::new()));
        assert_eq!(out, "scope,metric,value,unit,qualifier,sources,disputed,id,label\n");
        assert_eq!(json(&bundle(Vec::new())), "[]\n");
    }

    #[test]
    fn a_row_lists_deduplicated_sources_and_disputed_claims() {
        let mut f = fact(
            "arrests-us",
            Scope::Country("US".to_owned()),
            153.0,
            Qualifier::Exact,
            vec![cite(1), cite(0), cite(1)],
        );
        f.disagreement = Some(Disagreement {
            reason: "r".to_owned(),
            claims: vec![
                Claim {
                    value: ClaimValue::Number(280.0),
                    qualifier: Qualifier::MoreThan,
                    citations: vec![cite(2)],
                },
                Claim {
                    value: ClaimValue::Number(150.5),
                    qualifier: Qualifier::Exact,
                    citations: vec![cite(0), cite(2), cite(0)],
                },
            ],
        });
        let out = csv(&bundle(vec![
            f,
            fact("arrests-all", Scope::All, 288.0, Qualifier::AtLeast, vec![cite(0)]),
        ]));
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(
            lines[1],
            "US,arrests,153,people,exact,b;a,more_than 280 (c) | 150.5 (a;c),arrests-us,"
        );
        assert_eq!(lines[2], "ALL,arrests,288,people,at_least,a,,arrests-all,");
        assert_eq!(lines.len(), 3);
        assert!(out.ends_with(",\n"));
    }

    #[test]
    fn csv_quotes_and_defuses_text() {
        let mut out = String::new();
        push_csv_text(&mut out, r#"Drugs, "cash""#);
        assert_eq!(out, r#""Drugs, ""cash""""#);
        let cases = [
            ("=HYPERLINK(\"x\")", "\"'=HYPERLINK(\"\"x\"\")\""),
            ("+1", "'+1"),
            ("-2", "'-2"),
            ("@SUM(A1)", "'@SUM(A1)"),
            ("a\nb", "\"a\nb\""),
            ("a\rb", "\"a\rb\""),
            ("plain-text", "plain-text"),
            ("", ""),
        ];
        for (input, expected) in cases {
            let mut out = String::new();
            push_csv_text(&mut out, input);
            assert_eq!(out, expected, "{input:?}");
        }
    }

    #[test]
    fn json_strings_are_escaped() {
        let mut out = String::new();
        push_json_string(&mut out, "a\"b\\c\n\u{1}</script>\u{2028}é");
        assert_eq!(out, r#""a\"b\\c\u000a\u0001\u003c/script>\u2028é""#);
    }

    #[test]
    fn json_is_pretty_printed_with_the_same_cells() {
        let mut f = fact("x", Scope::All, 0.5, Qualifier::About, vec![cite(0)]);
        f.label = Some("Half".to_owned());
        let out = json(&bundle(vec![f]));
        assert_eq!(
            out,
            "[\n  {\n    \"scope\": \"ALL\",\n    \"metric\": \"arrests\",\n    \"value\": 0.5,\n    \"unit\": \"people\",\n    \"qualifier\": \"about\",\n    \"sources\": \"a\",\n    \"disputed\": \"\",\n    \"id\": \"x\",\n    \"label\": \"Half\"\n  }\n]\n"
        );
    }

    #[test]
    fn the_file_stem_comes_from_the_operation_id() {
        let mut b = bundle(Vec::new());
        assert_eq!(file_stem(&b), "spector-facts");
        b.operation.id = "-Op_Dis/../Rupt 2024-".to_owned();
        assert_eq!(file_stem(&b), "opdisrupt2024-facts");
        b.operation.id = "ÄÖ".to_owned();
        assert_eq!(file_stem(&b), "facts");
        // Dashes inside are kept, however many and whatever was dropped
        // between them; those at either end are not.
        b.operation.id = "--a--Ü-b-é-".to_owned();
        assert_eq!(file_stem(&b), "a---b-facts");
        b.operation.id = "---".to_owned();
        assert_eq!(file_stem(&b), "facts");
    }
}
