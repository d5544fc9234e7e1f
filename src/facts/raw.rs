//! The facts bundle exactly as it is written in JSON (schema version 1).
//!
//! These types only describe shape: serde refuses wrong types, missing
//! required fields and unknown fields here, and `validate` then checks what
//! shape alone cannot (references, codes, ranges). `schema/facts.schema.json`
//! describes the same shape for people and editors; keep the two in step.

use alloc::string::String;
use alloc::vec::Vec;

use serde::Deserialize;

/// A whole bundle: one operation, its sources, its figures and its dates.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawBundle {
    /// The schema version; only `1` exists.
    pub schema: u32,
    /// The language the bundle's own text is written in (BCP 47): the
    /// operation's name and summary, publishers, reasons and labels.
    /// Default `en`.
    #[serde(default)]
    pub lang: Option<String>,
    pub operation: RawOperation,
    pub sources: Vec<RawSource>,
    pub facts: Vec<RawFact>,
    #[serde(default)]
    pub dates: Vec<RawDate>,
}

/// What the bundle is about. `Default` gives the reader a placeholder
/// where the operation has a shape error.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawOperation {
    /// A short machine name, used for file names such as `spector-facts.csv`.
    pub id: String,
    /// The name readers know, e.g. "Operation SpecTor".
    pub name: String,
    /// One sentence that says what happened, shown under the title.
    pub summary: String,
    /// The announcement date, `YYYY-MM-DD`.
    pub announced: String,
}

/// A publication that states figures. Listed once, cited by `id`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawSource {
    pub id: String,
    pub publisher: String,
    pub title: String,
    /// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    pub date: String,
    /// Only http(s). Omitted when no address is known.
    #[serde(default)]
    pub url: Option<String>,
    /// `true` when the address has been checked; an unconfirmed address is
    /// shown as such and never linked.
    #[serde(default)]
    pub url_confirmed: bool,
    /// `primary` for an agency's own release, `secondary` for reporting.
    pub kind: String,
    /// For one of the project's seed articles, its file name.
    #[serde(default)]
    pub seed: Option<String>,
    /// The language of its title and of the quotes taken from it (BCP 47);
    /// default the bundle's `lang`.
    #[serde(default)]
    pub lang: Option<String>,
}

/// One number, who said it, and who said otherwise.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawFact {
    pub id: String,
    /// e.g. `arrests`, `firearms_seized`, `drugs_seized_kg`, `cocaine_seized_kg`.
    pub metric: String,
    /// `ALL` for the whole operation, else an ISO 3166-1 alpha-2 code.
    pub scope: String,
    /// The value the widget shows.
    pub value: f64,
    /// e.g. `people`, `kg`, `firearms`, `pills`, `USD`, `EUR`, `countries`.
    pub unit: String,
    /// `exact`, `more_than`, `at_least`, `about` or `nearly`.
    pub qualifier: String,
    /// A label for a metric the widget has no name for.
    #[serde(default)]
    pub label: Option<String>,
    pub citations: Vec<RawCitation>,
    /// Present when sources disagree about this figure.
    #[serde(default)]
    pub disagreement: Option<RawDisagreement>,
}

/// A source id and the words in it that state the figure.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawCitation {
    pub source: String,
    pub quote: String,
    /// The id of a `primary` source (an agency's own release) that these
    /// words attribute the figure to ("according to Europol", "the DOJ
    /// said"), when that release's own words are not in the bundle. The
    /// agency then counts among the figure's sources; its words are never
    /// quoted through it.
    #[serde(default)]
    pub attributed_to: Option<String>,
}

/// The values other sources claim, and why the widget shows the one it shows.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawDisagreement {
    /// One sentence, e.g. "the nine per-country counts sum to 288".
    pub reason: String,
    pub claims: Vec<RawClaim>,
}

/// A value that differs from the one shown, with who claims it.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawClaim {
    /// The claimed number, for a disagreement about a figure.
    #[serde(default)]
    pub value: Option<f64>,
    /// The claimed date text, for a disagreement about a date.
    #[serde(default)]
    pub date: Option<String>,
    /// As for a figure; default `exact`.
    #[serde(default)]
    pub qualifier: Option<String>,
    pub citations: Vec<RawCitation>,
}

/// A dated event in the story, e.g. the market's launch.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawDate {
    pub id: String,
    /// `market_launch`, `infrastructure_seized`, `operation_start`,
    /// `announcement`, or another event named by `label`.
    pub event: String,
    /// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    pub date: String,
    #[serde(default)]
    pub label: Option<String>,
    pub citations: Vec<RawCitation>,
    #[serde(default)]
    pub disagreement: Option<RawDisagreement>,
}
