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
    /// A warning, not a refusal: the per-country counts of a metric do not
    /// add up to the operation-wide figure.
    SumMismatch { metric: String, sum: f64, total: f64 },
}

impl BundleError {
    pub fn new(path: impl Into<String>, kind: ErrorKind) -> Self {
        BundleError { path: path.into(), kind }
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
            ErrorKind::DuplicateId(id) => write!(f, "duplicate id \"{id}\""),
            ErrorKind::UnknownSource(id) => write!(f, "unknown source \"{id}\""),
            ErrorKind::NoCitation => write!(f, "needs at least one citation"),
            ErrorKind::UnknownCountry(c) => write!(
                f,
                "unknown country code \"{c}\", expected ALL or an ISO 3166-1 alpha-2 code"
            ),
            ErrorKind::Negative => write!(f, "must not be negative"),
            ErrorKind::NotFinite => write!(f, "must be a finite number"),
            ErrorKind::UnknownQualifier(q) => write!(
                f,
                "unknown qualifier \"{q}\", expected exact, more_than, at_least, about or nearly"
            ),
            ErrorKind::UnknownSourceKind(k) => {
                write!(f, "unknown source kind \"{k}\", expected primary or secondary")
            }
            ErrorKind::NotHttpUrl(u) => write!(f, "only http(s) URLs are allowed, got \"{u}\""),
            ErrorKind::BadDate(d) => {
                write!(f, "bad date \"{d}\", expected YYYY, YYYY-MM or YYYY-MM-DD")
            }
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
