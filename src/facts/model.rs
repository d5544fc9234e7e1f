//! The validated facts: what the renderer draws from.
//!
//! A `Bundle` can only be made by `validate`, so every citation here points
//! at a listed source, every scope is a real country, every value is a
//! finite non-negative number and every URL is http(s). Rendering relies on
//! that and therefore cannot fail.

use alloc::string::String;
use alloc::vec::Vec;

use super::error::Problem;

#[derive(Debug, Clone, PartialEq)]
pub struct Bundle {
    pub operation: Operation,
    /// The language of the bundle's own text (BCP 47): the operation's
    /// name and summary, publishers, reasons and labels; `en` unless the
    /// bundle says otherwise. The widget marks that text with it wherever
    /// the reader's language differs.
    pub lang: String,
    pub sources: Vec<Source>,
    pub facts: Vec<Fact>,
    pub dates: Vec<DateEntry>,
    /// Problems that do not stop the widget, shown to the reader, in words.
    pub warnings: Vec<Problem>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Operation {
    pub id: String,
    pub name: String,
    pub summary: String,
    pub announced: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SourceKind {
    /// An agency's own release.
    Primary,
    /// Reporting about it.
    Secondary,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Source {
    pub id: String,
    pub publisher: String,
    pub title: String,
    pub date: String,
    /// Always http(s) when present.
    pub url: Option<String>,
    pub url_confirmed: bool,
    pub kind: SourceKind,
    pub seed: Option<String>,
    /// The language of its title and quotes: the bundle's own unless the
    /// source says otherwise.
    pub lang: String,
}

/// Where a figure applies.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Scope {
    /// The whole operation.
    All,
    /// One country, by its ISO 3166-1 alpha-2 code.
    Country(String),
}

impl Scope {
    /// The code as written in a bundle and in the CSV: `ALL` or e.g. `DE`.
    pub fn code(&self) -> &str {
        match self {
            Scope::All => "ALL",
            Scope::Country(code) => code,
        }
    }
}

/// How exactly a source states a number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Qualifier {
    Exact,
    MoreThan,
    AtLeast,
    About,
    Nearly,
}

impl Qualifier {
    pub fn parse(text: &str) -> Option<Qualifier> {
        Some(match text {
            "exact" => Qualifier::Exact,
            "more_than" => Qualifier::MoreThan,
            "at_least" => Qualifier::AtLeast,
            "about" => Qualifier::About,
            "nearly" => Qualifier::Nearly,
            _ => return None,
        })
    }

    /// The name used in bundles and in the CSV.
    pub fn as_str(self) -> &'static str {
        match self {
            Qualifier::Exact => "exact",
            Qualifier::MoreThan => "more_than",
            Qualifier::AtLeast => "at_least",
            Qualifier::About => "about",
            Qualifier::Nearly => "nearly",
        }
    }
}

/// A source and the words in it that state a figure; `source` indexes
/// `Bundle::sources`.
#[derive(Debug, Clone, PartialEq)]
pub struct Citation {
    pub source: usize,
    pub quote: String,
    /// The primary source (an agency's release, indexing
    /// `Bundle::sources`) that the quoted words attribute the figure to:
    /// "Business 2 Community, citing Europol". It counts among the
    /// figure's sources; the quote stays the citing source's.
    pub attributed_to: Option<usize>,
}

impl Citation {
    /// The sources this citation counts for: its own, then the agency
    /// its words attribute the figure to, if any. (The wasm's render paths
    /// take the two fields by hand: this chain in a `flat_map` costs it
    /// iterator code.)
    pub fn sources(&self) -> impl Iterator<Item = usize> {
        core::iter::once(self.source).chain(self.attributed_to)
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Fact {
    pub id: String,
    pub metric: String,
    pub scope: Scope,
    pub value: f64,
    pub unit: String,
    pub qualifier: Qualifier,
    pub label: Option<String>,
    pub citations: Vec<Citation>,
    pub disagreement: Option<Disagreement>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Disagreement {
    pub reason: String,
    pub claims: Vec<Claim>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum ClaimValue {
    Number(f64),
    Date(String),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Claim {
    pub value: ClaimValue,
    pub qualifier: Qualifier,
    pub citations: Vec<Citation>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct DateEntry {
    pub id: String,
    pub event: String,
    pub date: String,
    pub label: Option<String>,
    pub citations: Vec<Citation>,
    pub disagreement: Option<Disagreement>,
}

impl Bundle {
    /// The operation-wide figure for a metric, e.g. total arrests.
    pub fn total(&self, metric: &str) -> Option<&Fact> {
        self.facts.iter().find(|f| f.metric == metric && f.scope == Scope::All)
    }

    /// The per-country figures for a metric, in bundle order.
    pub fn by_country<'a>(&'a self, metric: &'a str) -> impl Iterator<Item = (&'a str, &'a Fact)> {
        self.facts.iter().filter_map(move |f| match &f.scope {
            Scope::Country(code) if f.metric == metric => Some((code.as_str(), f)),
            _ => None,
        })
    }

    /// A country's figure for a metric.
    pub fn for_country(&self, metric: &str, code: &str) -> Option<&Fact> {
        self.facts
            .iter()
            .find(|f| f.metric == metric && f.scope.code() == code && f.scope != Scope::All)
    }

    pub fn source(&self, index: usize) -> Option<&Source> {
        self.sources.get(index)
    }
}
