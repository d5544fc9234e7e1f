//! What can be wrong with a bundle, each problem tied to the JSON path of
//! the field that has it.
//!
//! Messages follow serde_json's style: lowercase, no trailing period, the
//! path first, e.g. `facts[3].citations[0].source: unknown source "dojj"`.

use alloc::string::String;
use alloc::vec;
use alloc::vec::Vec;

use crate::text::{push_fixed, push_uint};

/// One problem found in a bundle, at one place.
#[derive(Debug, Clone, PartialEq)]
pub struct BundleError {
    /// Where the problem is, as a JSON path such as `facts[3].scope`; empty
    /// for the document as a whole.
    pub path: String,
    pub kind: ErrorKind,
}

/// The kinds of problem, few enough that a newsroom can learn them all.
#[derive(Debug, Clone, PartialEq)]
pub enum ErrorKind {
    /// The text is not JSON; the message carries line and column.
    Syntax(String),
    /// The JSON does not have the bundle's shape: a wrong type, a missing or
    /// unknown field. The message is serde's.
    Shape(String),
    /// `schema` names a version this widget does not know.
    UnsupportedSchema(u32),
    /// A required text is empty.
    Empty,
    /// The same id is used twice.
    DuplicateId(String),
    /// A citation names a source that is not listed.
    UnknownSource(String),
    /// A citation's `attributed_to` names the citation's own source.
    AttributedToItself(String),
    /// A citation's `attributed_to` names a source that is not `primary`.
    AttributedToSecondary(String),
    /// A figure or date has no citation.
    NoCitation,
    /// A scope that is neither `ALL` nor an ISO 3166-1 alpha-2 code. A
    /// code often written for a country that has another (`UK`, `EL`) is
    /// answered with that one.
    UnknownCountry(String),
    /// A value that is negative.
    Negative,
    /// A value that is NaN or infinite.
    NotFinite,
    /// A qualifier other than exact, more_than, at_least, about, nearly.
    UnknownQualifier(String),
    /// A source kind other than primary or secondary.
    UnknownSourceKind(String),
    /// A URL that is not http(s).
    NotHttpUrl(String),
    /// A date that is not `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    BadDate(String),
    /// A claim with neither a value nor a date, or with the wrong one.
    ClaimWithoutValue,
    /// A disagreement that lists no other claim.
    NoClaims,
    /// A figure with the metric and scope of an earlier one, or a date
    /// (`date`) with the event of an earlier one: the widget would show
    /// both as if they were different things. `first` is the earlier one's
    /// index in `facts` (or `dates`).
    SameAs { first: usize, date: bool },
    /// The bundle text is larger than `facts::MAX_BYTES`.
    TooLarge { bytes: usize, limit: usize },
    /// Arrays and objects nest deeper than `facts::MAX_DEPTH`; `line` and
    /// `column` (1-based) locate the bracket that goes too deep.
    TooDeep { limit: usize, line: usize, column: usize },
    /// The text starts with a byte-order mark (U+FEFF), which JSON parsers
    /// (the browser's and serde_json) refuse. Bytes lose one UTF-8 mark
    /// before they become text (`facts::utf8`), as a browser's decoding
    /// does, so only a second one gets here from a file.
    ByteOrderMark,
    /// The bytes are not UTF-8: the byte at `offset` (from 0, in the bytes
    /// as given), at `line` and `column` (from 1, the column in bytes),
    /// starts no valid character.
    NotUtf8 { offset: usize, line: usize, column: usize },
    /// The bytes start with a UTF-16 byte-order mark (FF FE or FE FF):
    /// UTF-16 text, which is not UTF-8.
    Utf16,
    /// A text longer than `facts::MAX_STRING_CHARS` characters.
    TooLong { chars: usize, limit: usize },
    /// A list with more than `facts::MAX_ITEMS` entries.
    TooMany { items: usize, limit: usize },
    /// A text holding a control character other than tab and line breaks.
    ControlCharacter(char),
    /// An id with characters other than ASCII letters, digits, `-`, `_`, `.`.
    BadId(String),
    /// A count (of people, firearms, pills, countries) that is not a whole
    /// number; the unit is named.
    NotWhole(String),
    /// A value above `facts::MAX_VALUE`.
    TooBig,
    /// A bundle with no figures.
    NoFacts,
    /// A bundle with no sources.
    NoSources,
    /// A warning, not a refusal: the per-country counts of a metric do not
    /// add up to the operation-wide figure.
    SumMismatch { metric: String, sum: f64, total: f64 },
    /// A name, code or unit written another way than the one the widget
    /// recognises (`Arrests` for `arrests`, `de` for `DE`, `€` for `EUR`):
    /// the text, its one spelling, and the rule in a few words.
    WriteAs {
        text: String,
        canonical: String,
        how: &'static str,
    },
    /// A metric or event that is not lower-case words joined by `_`, with
    /// no spelling to suggest (markup, other letters, a leading digit).
    BadName(String),
    /// A unit that contradicts its figure's known metric (`kg` or `boats`
    /// for `arrests`); `expected` is the metric's unit.
    UnitMismatch {
        unit: String,
        metric: String,
        expected: &'static str,
    },
    /// An http(s) URL that would be one but for what `why` says, after
    /// the URL: a space around it, no host, whitespace other than a space,
    /// a space in its host or in the rest (with the fix).
    BadUrl { url: String, why: &'static str },
    /// A language that is not a BCP 47 tag's shape (`English`).
    BadLang(String),
    /// A date of the right shape whose day its month does not have
    /// (`2021-02-30`); `days` is how many the month has.
    NoSuchDay { date: String, days: u8 },
    /// `operation.announced` as only a year or a month.
    NotFullDate(String),
    /// A disagreement's claim with the value (or date) and qualifier shown.
    SameAsShown { date: bool },
}

impl BundleError {
    pub fn new(path: impl Into<String>, kind: ErrorKind) -> Self {
        BundleError {
            path: path.into(),
            kind,
        }
    }

    /// Whether the bundle can still be shown despite this problem.
    pub fn is_warning(&self) -> bool {
        matches!(self.kind, ErrorKind::SumMismatch { .. })
    }
}

impl BundleError {
    /// Appends the message, `path: problem` (or only the problem for the
    /// document as a whole), without `core::fmt`, whose machinery the wasm
    /// would otherwise carry only for these messages.
    pub fn write_to(&self, out: &mut String) {
        if !self.path.is_empty() {
            out.push_str(&self.path);
            out.push_str(": ");
        }
        self.kind.write_to(out);
    }
}

impl ErrorKind {
    /// Appends the problem in words, as `Display` shows it.
    pub fn write_to(&self, out: &mut String) {
        match self {
            ErrorKind::Syntax(m) => {
                out.push_str("not valid JSON: ");
                out.push_str(m);
            }
            ErrorKind::Shape(m) => out.push_str(m),
            ErrorKind::UnsupportedSchema(v) => {
                out.push_str("unsupported schema version ");
                push_uint(out, u64::from(*v));
                out.push_str(", expected 1");
            }
            ErrorKind::Empty => out.push_str("must not be empty"),
            ErrorKind::DuplicateId(id) => {
                out.push_str("duplicate id ");
                quoted(out, id);
            }
            ErrorKind::UnknownSource(id) => {
                out.push_str("unknown source ");
                quoted(out, id);
            }
            ErrorKind::AttributedToItself(id) => {
                out.push_str("the citation's own source ");
                quoted(out, id);
                out.push_str(", expected the agency its quote attributes the figure to");
            }
            ErrorKind::AttributedToSecondary(id) => {
                out.push_str("source ");
                quoted(out, id);
                out.push_str(" is not primary, expected an agency's own release (kind primary)");
            }
            ErrorKind::NoCitation => out.push_str("needs at least one citation"),
            ErrorKind::UnknownCountry(c) => {
                out.push_str("unknown country code ");
                quoted(out, c);
                out.push_str(", expected ALL or an ISO 3166-1 alpha-2 code");
                if let Some(hint) = country_alias(c) {
                    out.push_str(hint);
                }
            }
            ErrorKind::Negative => out.push_str("must not be negative"),
            ErrorKind::NotFinite => out.push_str("must be a finite number"),
            ErrorKind::UnknownQualifier(q) => {
                out.push_str("unknown qualifier ");
                quoted(out, q);
                out.push_str(", expected exact, more_than, at_least, about or nearly");
            }
            ErrorKind::UnknownSourceKind(k) => {
                out.push_str("unknown source kind ");
                quoted(out, k);
                out.push_str(", expected primary or secondary");
            }
            ErrorKind::NotHttpUrl(u) => {
                out.push_str("only http(s) URLs are allowed, got ");
                quoted(out, u);
            }
            ErrorKind::BadDate(d) => {
                out.push_str("bad date ");
                quoted(out, d);
                out.push_str(", expected YYYY, YYYY-MM or YYYY-MM-DD");
            }
            ErrorKind::TooLarge { bytes, limit } => {
                out.push_str("bundle is ");
                megabytes(out, *bytes);
                out.push_str(", larger than the ");
                push_usize(out, limit / 1_000_000);
                out.push_str(" MB limit");
            }
            ErrorKind::TooDeep { limit, line, column } => {
                out.push_str("nesting deeper than ");
                push_usize(out, *limit);
                out.push_str(" levels at line ");
                push_usize(out, *line);
                out.push_str(" column ");
                push_usize(out, *column);
            }
            ErrorKind::ByteOrderMark => out.push_str(
                "starts with a byte-order mark (U+FEFF), which JSON does not allow; save the file as UTF-8 without BOM",
            ),
            ErrorKind::NotUtf8 { offset, line, column } => {
                out.push_str("not UTF-8: invalid byte at byte offset ");
                push_usize(out, *offset);
                out.push_str(" (line ");
                push_usize(out, *line);
                out.push_str(" column ");
                push_usize(out, *column);
                out.push_str("); save the file as UTF-8");
            }
            ErrorKind::Utf16 => {
                out.push_str("not UTF-8 but UTF-16 (it starts with a UTF-16 byte-order mark); save the file as UTF-8")
            }
            ErrorKind::TooLong { chars, limit } => {
                out.push_str("text of ");
                push_usize(out, *chars);
                out.push_str(" characters is longer than the ");
                push_usize(out, *limit);
                out.push_str("-character limit");
            }
            ErrorKind::TooMany { items, limit } => {
                push_usize(out, *items);
                out.push_str(" entries, more than the ");
                push_usize(out, *limit);
                out.push_str(" allowed");
            }
            ErrorKind::ControlCharacter(c) => {
                out.push_str("contains the control character U+");
                hex4(out, *c);
                out.push_str("; only tab and line breaks are allowed");
            }
            ErrorKind::BadId(id) => {
                out.push_str("bad id ");
                quoted(out, id);
                out.push_str(", expected only letters, digits, -, _ and .");
            }
            ErrorKind::NotWhole(unit) => {
                out.push_str("must be a whole number of ");
                out.push_str(unit);
            }
            ErrorKind::TooBig => out.push_str("must not be more than 10^15"),
            ErrorKind::NoFacts => out.push_str("needs at least one figure"),
            ErrorKind::NoSources => out.push_str("needs at least one source"),
            ErrorKind::ClaimWithoutValue => {
                out.push_str("a claim needs a value (for a figure) or a date (for a date), not both")
            }
            ErrorKind::NoClaims => out.push_str("a disagreement needs at least one other claim"),
            ErrorKind::SameAs { first, date } => {
                out.push_str(if *date {
                    "same event as dates["
                } else {
                    "same metric and scope as facts["
                });
                push_usize(out, *first);
                // Whole phrases: "value" and "date" as literals of their own
                // moved the widget's data and cost embed.js 44 B of brotli.
                out.push_str(if *date {
                    "]; record another date as its disagreement"
                } else {
                    "]; record another value as its disagreement"
                });
            }
            ErrorKind::WriteAs { text, canonical, how } => {
                quoted(out, text);
                out.push_str(" must be written ");
                quoted(out, canonical);
                out.push_str(" (");
                out.push_str(how);
                out.push(')');
            }
            ErrorKind::BadName(text) => {
                quoted(out, text);
                out.push_str(" must be lower-case letters a-z and digits, starting with a letter, words joined by _");
            }
            ErrorKind::UnitMismatch { unit, metric, expected } => {
                out.push_str("unit ");
                quoted(out, unit);
                out.push_str(" does not fit metric ");
                quoted(out, metric);
                out.push_str(", expected \"");
                out.push_str(expected);
                out.push('"');
            }
            ErrorKind::BadUrl { url, why } => {
                out.push_str("the URL ");
                quoted(out, url);
                out.push_str(why);
            }
            ErrorKind::BadLang(tag) => {
                out.push_str("bad language tag ");
                quoted(out, tag);
                out.push_str(", expected a BCP 47 tag such as en, de or pt-BR");
            }
            ErrorKind::NoSuchDay { date, days } => {
                out.push_str("bad date ");
                quoted(out, date);
                out.push_str(": that month has ");
                push_uint(out, u64::from(*days));
                out.push_str(" days");
            }
            ErrorKind::NotFullDate(d) => {
                out.push_str("bad date ");
                quoted(out, d);
                out.push_str(", expected the day of the announcement, YYYY-MM-DD");
            }
            ErrorKind::SameAsShown { date } => out.push_str(if *date {
                "claims the same date as the one shown; a disagreement needs another date"
            } else {
                "claims the same value as the figure; a disagreement needs another value"
            }),
            ErrorKind::SumMismatch { metric, sum, total } => {
                // Numbers go through `push_fixed` rather than f64's Display,
                // whose float-printing machinery would add ~15 KB to the wasm.
                out.push_str("the per-country ");
                push_shortened(out, metric);
                out.push_str(" add up to ");
                push_fixed(out, *sum, 6);
                out.push_str(", but the operation-wide figure is ");
                push_fixed(out, *total, 6);
            }
        }
    }
}

/// The code to write for a country code that is in use but not ISO 3166-1
/// alpha-2's (`iso_for_alias`).
fn country_alias(code: &str) -> Option<&'static str> {
    match super::iso_for_alias(code)? {
        "GB" => Some("; write \"GB\" for the United Kingdom"),
        _ => Some("; write \"GR\" for Greece"),
    }
}

/// A count or limit in decimal; `usize` is at most 64 bits on every target.
fn push_usize(out: &mut String, value: usize) {
    push_uint(out, value as u64);
}

/// The longest piece of bundle text an error message repeats; the rest is
/// cut, so a hostile bundle cannot make its own error message huge.
const ECHO_CHARS: usize = 80;

/// Appends bundle text in double quotes, cut as `echo` cuts it, " (cut)"
/// after the closing quote.
fn quoted(out: &mut String, text: &str) {
    out.push('"');
    let cut = echo(out, text);
    out.push('"');
    if cut {
        out.push_str(" (cut)");
    }
}

/// Appends bundle text escaped as in JSON where it matters (`\"`, `\\`,
/// hidden characters as `\u001B`) and cut after `ECHO_CHARS` characters;
/// true if it was cut. The reader's shape messages use it too, so every
/// message echoes text the same way.
pub(crate) fn echo(out: &mut String, text: &str) -> bool {
    let mut chars = text.chars();
    for c in chars.by_ref().take(ECHO_CHARS) {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c => push_visible(out, c),
        }
    }
    chars.next().is_some()
}

/// Text from the bundle as it may appear in a message without quotes (a
/// metric, an unknown key, the name in `spector-facts`' summary): cut and
/// escaped as `echo` does it, " (cut)" where it was cut.
pub fn push_shortened(out: &mut String, text: &str) {
    if echo(out, text) {
        out.push_str(" (cut)");
    }
}

/// Appends `c`, or its `\u` escape if it is hidden: a control character,
/// which could drive the terminal that shows the message, or a
/// bidirectional formatting character, which could reorder the message's
/// text on screen.
pub(crate) fn push_visible(out: &mut String, c: char) {
    if c.is_control()
        || matches!(c, '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
    {
        out.push_str("\\u");
        hex4(out, c);
    } else {
        out.push(c);
    }
}

/// Appends a code point in (at least) four upper-case hex digits.
fn hex4(out: &mut String, c: char) {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    let v = u32::from(c);
    let digits = if v > 0xFFFF { 6 } else { 4 };
    for i in (0..digits).rev() {
        let nibble = ((v >> (i * 4)) & 0xF) as usize;
        let d = HEX.get(nibble).copied().unwrap_or(b'?');
        out.push(char::from(d));
    }
}

/// Appends a byte count in megabytes (10^6 bytes) with one decimal, rounded
/// up so a bundle just over the limit does not read as equal to it.
fn megabytes(out: &mut String, bytes: usize) {
    let tenths = bytes.div_ceil(100_000);
    push_usize(out, tenths / 10);
    out.push('.');
    push_usize(out, tenths % 10);
    out.push_str(" MB");
}

/// A problem in words, as the reader and the console are shown it: what
/// the widget keeps of a `BundleError`. The widget's wasm holds only these
/// (the reader module words its problems, see `packed`), so it carries
/// none of the words of the problems it never finds itself.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Problem {
    /// The JSON path, as in `BundleError`; empty for the whole document.
    pub path: String,
    /// The problem, as `ErrorKind::write_to` writes it.
    pub words: String,
}

impl Problem {
    /// Appends `path: words`, or the words alone without a path: what
    /// `BundleError::write_to` writes for the error it was made from.
    pub fn write_to(&self, out: &mut String) {
        if !self.path.is_empty() {
            out.push_str(&self.path);
            out.push_str(": ");
        }
        out.push_str(&self.words);
    }
}

impl BundleError {
    /// The problem in words.
    pub fn worded(&self) -> Problem {
        let mut words = String::new();
        self.kind.write_to(&mut words);
        Problem {
            path: self.path.clone(),
            words,
        }
    }
}

/// The outcome of reading a bundle: every problem, not only the first.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct BundleErrors(pub Vec<BundleError>);

impl BundleErrors {
    /// Every problem in words.
    pub fn worded(&self) -> Vec<Problem> {
        self.0.iter().map(BundleError::worded).collect()
    }

    /// One problem with the document as a whole (its size, its syntax).
    pub fn whole(kind: ErrorKind) -> Self {
        BundleErrors(vec![BundleError::new("", kind)])
    }

    /// Appends every message, one per line.
    pub fn write_to(&self, out: &mut String) {
        for (i, e) in self.0.iter().enumerate() {
            if i > 0 {
                out.push('\n');
            }
            e.write_to(out);
        }
    }
}

// `Display`, for the command-line tool and tests, goes through the writers
// above so both say the same bytes. The wasm formats errors only with
// `write_to`; leaving `Display` out of it keeps `core::fmt` from creeping
// back through an innocent `to_string()`.
#[cfg(not(target_arch = "wasm32"))]
mod display {
    use super::{BundleError, BundleErrors, ErrorKind, Problem};
    use core::fmt;

    /// Formats through a type's `write_to`.
    fn via(f: &mut fmt::Formatter<'_>, write_to: impl FnOnce(&mut String)) -> fmt::Result {
        let mut text = String::new();
        write_to(&mut text);
        f.write_str(&text)
    }

    impl fmt::Display for BundleError {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            via(f, |out| self.write_to(out))
        }
    }

    impl fmt::Display for Problem {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            via(f, |out| self.write_to(out))
        }
    }

    impl fmt::Display for ErrorKind {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            via(f, |out| self.write_to(out))
        }
    }

    impl fmt::Display for BundleErrors {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            via(f, |out| self.write_to(out))
        }
    }
}
