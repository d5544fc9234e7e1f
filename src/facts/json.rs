//! A small, strict JSON parser (RFC 8259) for bundle text, so the widget
//! reads a bundle without walking `JSON.parse`'s result through thousands
//! of calls across the JS/wasm boundary (5 to 13 ms of every page load),
//! and says where the text broke in the same words in every browser.
//!
//! It runs after `check_limits`, which caps the size and the nesting depth,
//! so the recursion here stays shallow. Numbers are read exactly when they
//! have at most 19 significant digits and, like every valid figure (at
//! most 10^15, a few decimals), fit Clinger's fast path; others are read to
//! within a few units in the last place, which no valid bundle can notice.

use alloc::string::String;
use alloc::vec::Vec;

/// A parsed JSON value. Objects keep their members in text order, and a
/// repeated key keeps its first place and its last value, as `JSON.parse`
/// does.
#[derive(Debug, Clone, PartialEq)]
pub enum Json {
    Null,
    Bool(bool),
    Number(f64),
    String(String),
    Array(Vec<Json>),
    Object(Vec<(String, Json)>),
}

/// Where and why the text is not JSON. `line` and `column` count from 1;
/// the column counts characters.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyntaxError {
    pub problem: &'static str,
    pub line: usize,
    pub column: usize,
}

impl SyntaxError {
    /// "expected `:` at line 3 column 7", as serde_json words it.
    pub fn message(&self) -> String {
        let mut out = String::with_capacity(self.problem.len() + 24);
        out.push_str(self.problem);
        out.push_str(" at line ");
        crate::text::push_uint(&mut out, self.line as u64);
        out.push_str(" column ");
        crate::text::push_uint(&mut out, self.column as u64);
        out
    }
}

/// Parses one JSON text: a value with only whitespace around it.
pub fn parse(text: &str) -> Result<Json, SyntaxError> {
    let mut p = Parser { text, at: 0 };
    p.document().map_err(|problem| p.fail(problem))
}

/// A key or a string in quotes JSON does not take.
const WRONG_QUOTES: &str = "use straight double quotes (\") around keys and strings, not curly or single quotes";

/// What is wrong, at the parser's position: the parser stops where it
/// finds a problem, and only `parse` turns the position into a line and a
/// column, once.
type Step<T> = Result<T, &'static str>;

struct Parser<'a> {
    text: &'a str,
    /// A byte offset into `text`, always at a character boundary.
    at: usize,
}

impl Parser<'_> {
    fn peek(&self) -> Option<u8> {
        self.text.as_bytes().get(self.at).copied()
    }

    fn space(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.at += 1;
        }
    }

    fn document(&mut self) -> Step<Json> {
        let value = self.value()?;
        self.space();
        if self.at < self.text.len() {
            return Err("trailing characters");
        }
        Ok(value)
    }

    /// The error at the current position.
    fn fail(&self, problem: &'static str) -> SyntaxError {
        // One pass over the bytes before: a line feed starts a new line, and
        // every byte that does not continue a UTF-8 sequence is a character.
        let (mut line, mut column) = (1, 1);
        for &b in self.text.as_bytes().get(..self.at).unwrap_or_default() {
            if b == b'\n' {
                line += 1;
                column = 1;
            } else if b & 0xC0 != 0x80 {
                column += 1;
            }
        }
        SyntaxError { problem, line, column }
    }

    fn eat(&mut self, byte: u8) -> bool {
        if self.peek() == Some(byte) {
            self.at += 1;
            true
        } else {
            false
        }
    }

    fn value(&mut self) -> Step<Json> {
        self.space();
        match self.peek() {
            None => Err("EOF while parsing a value"),
            Some(b'{') => self.object(),
            Some(b'[') => self.array(),
            Some(b'"') => self.string().map(Json::String),
            Some(b'-' | b'0'..=b'9') => self.number(),
            Some(_) if self.at_wrong_quote() => Err(WRONG_QUOTES),
            Some(_) => self.word(),
        }
    }

    /// Whether the text goes on with a quote JSON does not take: a curly
    /// one, as word processors and copied quotes bring in, or a single one.
    fn at_wrong_quote(&self) -> bool {
        // U+2018 to U+201D (‘ ’ ‚ ‛ “ ”) are E2 80 98 to E2 80 9D in UTF-8.
        let rest = self.text.as_bytes().get(self.at..).unwrap_or_default();
        matches!(rest, [b'\'', ..] | [0xE2, 0x80, 0x98..=0x9D, ..])
    }

    fn word(&mut self) -> Step<Json> {
        let (word, value) = match self.peek() {
            Some(b'n') => ("null", Json::Null),
            Some(b't') => ("true", Json::Bool(true)),
            _ => ("false", Json::Bool(false)),
        };
        if self.text.get(self.at..).unwrap_or_default().starts_with(word) {
            self.at += word.len();
            return Ok(value);
        }
        Err("expected value")
    }

    fn array(&mut self) -> Step<Json> {
        self.at += 1;
        let mut items = Vec::new();
        self.space();
        if self.eat(b']') {
            return Ok(Json::Array(items));
        }
        loop {
            items.push(self.value()?);
            self.space();
            if self.eat(b']') {
                return Ok(Json::Array(items));
            }
            if !self.eat(b',') {
                return Err(if self.peek().is_none() {
                    "EOF while parsing a list"
                } else {
                    "expected `,` or `]`"
                });
            }
            self.space();
            if self.peek() == Some(b']') {
                return Err("trailing comma");
            }
        }
    }

    fn object(&mut self) -> Step<Json> {
        self.at += 1;
        let mut members: Vec<(String, Json)> = Vec::new();
        self.space();
        if self.eat(b'}') {
            return Ok(Json::Object(members));
        }
        loop {
            self.space();
            match self.peek() {
                Some(b'"') => {}
                None => return Err("EOF while parsing an object"),
                Some(b'}') => return Err("trailing comma"),
                Some(_) if self.at_wrong_quote() => return Err(WRONG_QUOTES),
                Some(_) => return Err("key must be a string"),
            }
            let key = self.string()?;
            self.space();
            if !self.eat(b':') {
                return Err("expected `:`");
            }
            let value = self.value()?;
            // `26,700,000` reads as 26, then a key that is not a string:
            // after a number, a digit straight after the comma is a
            // thousands separator or a decimal comma (`1,5` for 1.5),
            // never a member (an array's `[1,2]` is read elsewhere). The
            // message names both, as `1,500` can be either.
            if matches!(value, Json::Number(_))
                && self.peek() == Some(b',')
                && matches!(self.text.as_bytes().get(self.at + 1), Some(b'0'..=b'9'))
            {
                return Err("numbers take no thousands separators and use a decimal point (write 1234567, or 1.5)");
            }
            match members.iter_mut().find(|(k, _)| *k == key) {
                Some(member) => member.1 = value,
                None => members.push((key, value)),
            }
            self.space();
            if self.eat(b'}') {
                return Ok(Json::Object(members));
            }
            if !self.eat(b',') {
                return Err(if self.peek().is_none() {
                    "EOF while parsing an object"
                } else {
                    "expected `,` or `}`"
                });
            }
        }
    }

    /// A string, the opening quote next.
    fn string(&mut self) -> Step<String> {
        self.at += 1;
        let mut out = String::new();
        loop {
            let rest = self.text.get(self.at..).unwrap_or_default();
            // Copy the plain run up to the next quote, backslash or control
            // character in one piece.
            let run = rest.bytes().position(|b| b == b'"' || b == b'\\' || b < 0x20);
            let Some(run) = run else {
                self.at = self.text.len();
                return Err("EOF while parsing a string");
            };
            out.push_str(rest.get(..run).unwrap_or_default());
            self.at += run;
            match self.peek() {
                Some(b'"') => {
                    self.at += 1;
                    return Ok(out);
                }
                Some(b'\\') => {
                    self.at += 1;
                    self.escape(&mut out)?;
                }
                _ => return Err("control character (\\u0000-\\u001F) found while parsing a string"),
            }
        }
    }

    /// One escape, the backslash read.
    fn escape(&mut self, out: &mut String) -> Step<()> {
        let simple = match self.peek() {
            Some(b'"') => '"',
            Some(b'\\') => '\\',
            Some(b'/') => '/',
            Some(b'b') => '\u{8}',
            Some(b'f') => '\u{c}',
            Some(b'n') => '\n',
            Some(b'r') => '\r',
            Some(b't') => '\t',
            Some(b'u') => {
                self.at += 1;
                let unit = self.hex4()?;
                let code = match unit {
                    0xD800..=0xDBFF => {
                        if !(self.eat(b'\\') && self.eat(b'u')) {
                            return Err("lone leading surrogate in hex escape");
                        }
                        let low = self.hex4()?;
                        if !(0xDC00..=0xDFFF).contains(&low) {
                            return Err("lone leading surrogate in hex escape");
                        }
                        0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00)
                    }
                    0xDC00..=0xDFFF => return Err("lone trailing surrogate in hex escape"),
                    _ => unit,
                };
                // Every code outside the surrogates is a char.
                out.push(char::from_u32(code).unwrap_or(char::REPLACEMENT_CHARACTER));
                return Ok(());
            }
            None => return Err("EOF while parsing a string"),
            Some(_) => return Err("invalid escape"),
        };
        self.at += 1;
        out.push(simple);
        Ok(())
    }

    fn hex4(&mut self) -> Step<u32> {
        let mut unit = 0;
        for _ in 0..4 {
            let digit = match self.peek() {
                Some(b @ b'0'..=b'9') => b - b'0',
                Some(b @ b'a'..=b'f') => b - b'a' + 10,
                Some(b @ b'A'..=b'F') => b - b'A' + 10,
                _ => return Err("invalid \\u escape"),
            };
            unit = unit * 16 + u32::from(digit);
            self.at += 1;
        }
        Ok(unit)
    }

    /// Reads a run of digits into `number`; how many there were.
    fn digits(&mut self, number: &mut Decimal, in_fraction: bool) -> usize {
        let start = self.at;
        while let Some(b @ b'0'..=b'9') = self.peek() {
            number.push(b - b'0', in_fraction);
            self.at += 1;
        }
        self.at - start
    }

    /// A number: `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`,
    /// its value gathered in the same pass that checks it.
    fn number(&mut self) -> Step<Json> {
        let negative = self.eat(b'-');
        let int_start = self.at;
        let mut number = Decimal::default();
        let int_digits = self.digits(&mut number, false);
        if int_digits == 0 {
            return Err("invalid number");
        }
        if int_digits > 1 && self.text.as_bytes().get(int_start) == Some(&b'0') {
            self.at = int_start + 1;
            return Err("invalid number");
        }
        if self.eat(b'.') && self.digits(&mut number, true) == 0 {
            return Err("invalid number");
        }
        if matches!(self.peek(), Some(b'e' | b'E')) {
            self.at += 1;
            let minus = self.eat(b'-');
            if !minus {
                self.eat(b'+');
            }
            let from = self.at;
            let mut exponent: i64 = 0;
            while let Some(b @ b'0'..=b'9') = self.peek() {
                exponent = (exponent * 10 + i64::from(b - b'0')).min(100_000);
                self.at += 1;
            }
            if self.at == from {
                return Err("invalid number");
            }
            number.scale += if minus { -exponent } else { exponent };
        }
        let value = number.value();
        if value.is_infinite() {
            // JSON has no infinity; `JSON.parse` would make one of 1e400,
            // serde_json refuses it, and so does this.
            return Err("number out of range");
        }
        Ok(Json::Number(if negative { -value } else { value }))
    }
}

/// A number's significant digits and the power of ten they are scaled by.
/// Up to 19 significant digits fit a u64; later ones are dropped and only
/// shift the scale.
#[derive(Default)]
struct Decimal {
    mantissa: u64,
    kept: u32,
    scale: i64,
}

impl Decimal {
    fn push(&mut self, digit: u8, in_fraction: bool) {
        if self.kept < 19 {
            if self.mantissa != 0 || digit != 0 {
                self.kept += 1;
            }
            self.mantissa = self.mantissa * 10 + u64::from(digit);
            if in_fraction {
                self.scale -= 1;
            }
        } else if !in_fraction {
            self.scale += 1;
        }
    }

    /// The value as an f64: exact on Clinger's fast path, within a few
    /// units in the last place elsewhere.
    fn value(&self) -> f64 {
        let (mantissa, scale) = (self.mantissa, self.scale);
        // Exact powers of ten in f64: 10^0 to 10^22.
        const EXACT: [f64; 23] = [
            1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18,
            1e19, 1e20, 1e21, 1e22,
        ];
        let m = mantissa as f64;
        if mantissa == 0 {
            return 0.0;
        }
        // Clinger's fast path: both factors exact, so one rounding.
        if mantissa < (1 << 53) {
            if let Some(&p) = usize::try_from(scale.unsigned_abs()).ok().and_then(|s| EXACT.get(s)) {
                return if scale < 0 { m / p } else { m * p };
            }
        }
        let mut value = m;
        let mut left = scale;
        while left > 0 {
            let step = left.min(22);
            value *= EXACT.get(step as usize).copied().unwrap_or(1e22);
            left -= step;
            if value.is_infinite() {
                break;
            }
        }
        while left < 0 {
            let step = (-left).min(22);
            value /= EXACT.get(step as usize).copied().unwrap_or(1e22);
            left += step;
            if value == 0.0 {
                break;
            }
        }
        value
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn num(text: &str) -> f64 {
        match parse(text) {
            Ok(Json::Number(n)) => n,
            other => panic!("{text}: {other:?}"),
        }
    }

    fn error(text: &str) -> String {
        parse(text).expect_err(text).message()
    }

    #[test]
    fn reads_every_kind_of_value_in_order() {
        let value = parse(r#" {"b": [1, -2.5, true, false, null], "a": "x\ny", "c": {}} "#).unwrap();
        let Json::Object(members) = value else { panic!() };
        let keys: Vec<&str> = members.iter().map(|(k, _)| k.as_str()).collect();
        assert_eq!(keys, ["b", "a", "c"]);
        assert_eq!(
            members[0].1,
            Json::Array(vec![
                Json::Number(1.0),
                Json::Number(-2.5),
                Json::Bool(true),
                Json::Bool(false),
                Json::Null
            ])
        );
        assert_eq!(members[1].1, Json::String("x\ny".into()));
    }

    #[test]
    fn a_repeated_key_keeps_its_first_place_and_its_last_value() {
        let value = parse(r#"{"a": 1, "b": 2, "a": 3}"#).unwrap();
        assert_eq!(
            value,
            Json::Object(vec![("a".into(), Json::Number(3.0)), ("b".into(), Json::Number(2.0))])
        );
    }

    #[test]
    fn numbers_are_read_exactly_where_figures_live() {
        for text in [
            "0",
            "288",
            "-0.5",
            "0.1",
            "12.75",
            "1e15",
            "2.5E-3",
            "1234567.891",
            "999999999999999",
            "1E+2",
        ] {
            assert_eq!(num(text), text.parse::<f64>().unwrap(), "{text}");
        }
        assert_eq!(num("0.30000000000000004"), 0.30000000000000004);
    }

    #[test]
    fn numbers_outside_the_fast_path_are_close() {
        for text in [
            "1e300",
            "123456789012345678901234567890",
            "1.5e-300",
            "0.000000000000000000000000001",
        ] {
            let exact: f64 = text.parse().unwrap();
            let read = num(text);
            assert!(((read - exact) / exact).abs() < 1e-14, "{text}: {read} vs {exact}");
        }
        assert_eq!(num("1e-400"), 0.0);
    }

    #[test]
    fn escapes_are_decoded_surrogate_pairs_included() {
        assert_eq!(
            parse(r#""\"\\\/\b\f\n\r\t\u00e9\ud83d\ude00""#).unwrap(),
            Json::String("\"\\/\u{8}\u{c}\n\r\t\u{e9}\u{1F600}".into())
        );
        assert_eq!(
            parse("\"Europol\u{2019}s\"").unwrap(),
            Json::String("Europol\u{2019}s".into())
        );
    }

    #[test]
    fn errors_say_what_and_where() {
        assert_eq!(error("{\"a\": 1,\n  \"b\" 2}"), "expected `:` at line 2 column 7");
        assert_eq!(error("[1, 2"), "EOF while parsing a list at line 1 column 6");
        assert_eq!(error("[1, 2,]"), "trailing comma at line 1 column 7");
        assert_eq!(error("{\"a\": 1,}"), "trailing comma at line 1 column 9");
        assert_eq!(error("{a: 1}"), "key must be a string at line 1 column 2");
        assert_eq!(
            error("{\"value\": 26,700,000}"),
            "numbers take no thousands separators and use a decimal point (write 1234567, or 1.5) at line 1 column 13"
        );
        // A decimal comma: following the advice for thousands alone, its
        // writer wrote 15 for 1.5.
        assert_eq!(
            error("{\"value\": 1,5}"),
            "numbers take no thousands separators and use a decimal point (write 1234567, or 1.5) at line 1 column 12"
        );
        assert_eq!(
            error("{\u{201C}value\u{201D}: 1}"),
            "use straight double quotes (\") around keys and strings, not curly or single quotes at line 1 column 2"
        );
        assert_eq!(
            error("{\"quote\": \u{201C}arrested\u{201D}}"),
            "use straight double quotes (\") around keys and strings, not curly or single quotes at line 1 column 11"
        );
        assert_eq!(
            error("{'a': 1}"),
            "use straight double quotes (\") around keys and strings, not curly or single quotes at line 1 column 2"
        );
        assert_eq!(
            error("\"a\u{1}\""),
            "control character (\\u0000-\\u001F) found while parsing a string at line 1 column 3"
        );
        assert_eq!(
            error("\"\\ud800x\""),
            "lone leading surrogate in hex escape at line 1 column 8"
        );
        assert_eq!(error("\"\\x\""), "invalid escape at line 1 column 3");
        assert_eq!(error("01"), "invalid number at line 1 column 2");
        assert_eq!(error("1."), "invalid number at line 1 column 3");
        assert_eq!(error("tru"), "expected value at line 1 column 1");
        assert_eq!(error("{} {}"), "trailing characters at line 1 column 4");
        assert_eq!(error(""), "EOF while parsing a value at line 1 column 1");
        assert_eq!(error("\"é"), "EOF while parsing a string at line 1 column 3");
        assert_eq!(error("[1e400]"), "number out of range at line 1 column 7");
    }

    // serde_json is a native-only dependency, so this comparison cannot
    // build for the wasm tests.
    #[cfg(not(target_arch = "wasm32"))]
    #[test]
    fn the_shipped_bundle_reads_as_serde_json_reads_it() {
        let text = crate::facts::EMBEDDED_JSON;
        let ours = parse(text).unwrap();
        let theirs: serde_json::Value = serde_json::from_str(text).unwrap();
        fn same(a: &Json, b: &serde_json::Value) -> bool {
            match (a, b) {
                (Json::Null, serde_json::Value::Null) => true,
                (Json::Bool(x), serde_json::Value::Bool(y)) => x == y,
                (Json::Number(x), serde_json::Value::Number(y)) => Some(*x) == y.as_f64(),
                (Json::String(x), serde_json::Value::String(y)) => x == y,
                (Json::Array(x), serde_json::Value::Array(y)) => {
                    x.len() == y.len() && x.iter().zip(y).all(|(a, b)| same(a, b))
                }
                (Json::Object(x), serde_json::Value::Object(y)) => {
                    x.len() == y.len() && x.iter().all(|(k, v)| y.get(k).is_some_and(|w| same(v, w)))
                }
                _ => false,
            }
        }
        assert!(same(&ours, &theirs));
    }
}
