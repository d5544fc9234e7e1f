//! What can be wrong with a bundle, each problem tied to the JSON path of
//! the field that has it.
//!
//! Messages follow serde_json's style: lowercase, no trailing period, the
//! path first, e.g. `facts[3].citations[0].source: unknown source "dojj"`.

use core::fmt;

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
    /// A figure or date has no citation.
    NoCitation,
    /// A scope that is neither `ALL` nor an ISO 3166-1 alpha-2 code.
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
    /// The bundle text is larger than `facts::MAX_BYTES`.
    TooLarge { bytes: usize, limit: usize },
    /// Arrays and objects nest deeper than `facts::MAX_DEPTH`; `line` and
    /// `column` (1-based) locate the bracket that goes too deep.
    TooDeep { limit: usize, line: usize, column: usize },
    /// The text starts with a UTF-8 byte-order mark (U+FEFF), which JSON
    /// parsers (the browser's and serde_json) refuse.
    ByteOrderMark,
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

impl fmt::Display for BundleError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if !self.path.is_empty() {
            write!(f, "{}: ", self.path)?;
        }
        write!(f, "{}", self.kind)
    }
}

impl fmt::Display for ErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ErrorKind::Syntax(m) => write!(f, "not valid JSON: {m}"),
            ErrorKind::Shape(m) => write!(f, "{m}"),
            ErrorKind::UnsupportedSchema(v) => {
                write!(f, "unsupported schema version {v}, expected 1")
            }
            ErrorKind::Empty => write!(f, "must not be empty"),
            ErrorKind::DuplicateId(id) => {
                f.write_str("duplicate id ")?;
                quoted(f, id)
            }
            ErrorKind::UnknownSource(id) => {
                f.write_str("unknown source ")?;
                quoted(f, id)
            }
            ErrorKind::NoCitation => write!(f, "needs at least one citation"),
            ErrorKind::UnknownCountry(c) => {
                f.write_str("unknown country code ")?;
                quoted(f, c)?;
                f.write_str(", expected ALL or an ISO 3166-1 alpha-2 code")
            }
            ErrorKind::Negative => write!(f, "must not be negative"),
            ErrorKind::NotFinite => write!(f, "must be a finite number"),
            ErrorKind::UnknownQualifier(q) => {
                f.write_str("unknown qualifier ")?;
                quoted(f, q)?;
                f.write_str(", expected exact, more_than, at_least, about or nearly")
            }
            ErrorKind::UnknownSourceKind(k) => {
                f.write_str("unknown source kind ")?;
                quoted(f, k)?;
                f.write_str(", expected primary or secondary")
            }
            ErrorKind::NotHttpUrl(u) => {
                f.write_str("only http(s) URLs are allowed, got ")?;
                quoted(f, u)
            }
            ErrorKind::BadDate(d) => {
                f.write_str("bad date ")?;
                quoted(f, d)?;
                f.write_str(", expected YYYY, YYYY-MM or YYYY-MM-DD")
            }
            ErrorKind::TooLarge { bytes, limit } => {
                f.write_str("bundle is ")?;
                megabytes(f, *bytes)?;
                write!(f, ", larger than the {} MB limit", limit / 1_000_000)
            }
            ErrorKind::TooDeep { limit, line, column } => {
                write!(f, "nesting deeper than {limit} levels at line {line} column {column}")
            }
            ErrorKind::ByteOrderMark => f.write_str(
                "starts with a byte-order mark (U+FEFF), which JSON does not allow; save the file as UTF-8 without BOM",
            ),
            ErrorKind::TooLong { chars, limit } => {
                write!(
                    f,
                    "text of {chars} characters is longer than the {limit}-character limit"
                )
            }
            ErrorKind::TooMany { items, limit } => {
                write!(f, "{items} entries, more than the {limit} allowed")
            }
            ErrorKind::ControlCharacter(c) => {
                f.write_str("contains the control character ")?;
                code_point(f, *c)?;
                f.write_str("; only tab and line breaks are allowed")
            }
            ErrorKind::BadId(id) => {
                f.write_str("bad id ")?;
                quoted(f, id)?;
                f.write_str(", expected only letters, digits, -, _ and .")
            }
            ErrorKind::NotWhole(unit) => write!(f, "must be a whole number of {unit}"),
            ErrorKind::TooBig => f.write_str("must not be more than 10^15"),
            ErrorKind::NoFacts => f.write_str("needs at least one figure"),
            ErrorKind::NoSources => f.write_str("needs at least one source"),
            ErrorKind::ClaimWithoutValue => write!(
                f,
                "a claim needs a value (for a figure) or a date (for a date), not both"
            ),
            ErrorKind::NoClaims => write!(f, "a disagreement needs at least one other claim"),
            ErrorKind::SumMismatch { metric, sum, total } => {
                // Numbers go through `push_fixed` rather than f64's Display,
                // whose float-printing machinery would add ~15 KB to the wasm.
                let (mut sum_text, mut total_text) = (String::new(), String::new());
                crate::text::push_fixed(&mut sum_text, *sum, 6);
                crate::text::push_fixed(&mut total_text, *total, 6);
                write!(
                    f,
                    "the per-country {metric} add up to {sum_text}, but the operation-wide figure is {total_text}"
                )
            }
        }
    }
}

/// The longest piece of bundle text an error message repeats; the rest is
/// cut, so a hostile bundle cannot make its own error message huge.
const ECHO_CHARS: usize = 80;

/// Writes bundle text in double quotes, escaped as in JSON where it matters
/// (`\"`, `\\`, control characters as `\u001B`, so it cannot drive a
/// terminal) and cut after `ECHO_CHARS` characters.
fn quoted(f: &mut fmt::Formatter<'_>, text: &str) -> fmt::Result {
    use fmt::Write;
    f.write_char('"')?;
    let mut chars = text.chars();
    for c in chars.by_ref().take(ECHO_CHARS) {
        match c {
            '"' => f.write_str("\\\"")?,
            '\\' => f.write_str("\\\\")?,
            c if c.is_control() => {
                f.write_str("\\u")?;
                hex4(f, c)?;
            }
            c => f.write_char(c)?,
        }
    }
    f.write_char('"')?;
    if chars.next().is_some() {
        f.write_str(" (cut)")?;
    }
    Ok(())
}

/// `U+001B` for a character.
fn code_point(f: &mut fmt::Formatter<'_>, c: char) -> fmt::Result {
    f.write_str("U+")?;
    hex4(f, c)
}

/// A code point in (at least) four upper-case hex digits.
fn hex4(f: &mut fmt::Formatter<'_>, c: char) -> fmt::Result {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    let v = u32::from(c);
    let digits = if v > 0xFFFF { 6 } else { 4 };
    for i in (0..digits).rev() {
        let nibble = ((v >> (i * 4)) & 0xF) as usize;
        let d = HEX.get(nibble).copied().unwrap_or(b'?');
        fmt::Write::write_char(f, char::from(d))?;
    }
    Ok(())
}

/// A byte count in megabytes (10^6 bytes) with one decimal, rounded up so
/// a bundle just over the limit does not read as equal to it.
fn megabytes(f: &mut fmt::Formatter<'_>, bytes: usize) -> fmt::Result {
    let tenths = bytes.div_ceil(100_000);
    write!(f, "{}.{} MB", tenths / 10, tenths % 10)
}

/// The outcome of reading a bundle: every problem, not only the first.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct BundleErrors(pub Vec<BundleError>);

impl fmt::Display for BundleErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, e) in self.0.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            write!(f, "{e}")?;
        }
        Ok(())
    }
}
