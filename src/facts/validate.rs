//! Turns a `RawBundle` (right shape) into a `Bundle` (right meaning), or
//! lists every problem with its JSON path.

use alloc::borrow::ToOwned;
use alloc::string::String;
use alloc::vec::Vec;

use super::country_codes::is_country_code;
use super::error::{echo, BundleError, BundleErrors, ErrorKind, Problem};
use super::model::*;
use super::raw::*;
use super::{MAX_ITEMS, MAX_STRING_CHARS, MAX_VALUE};
use crate::num;
use crate::text::is_blank;

/// Units that count whole things, so their values must be whole numbers.
const WHOLE_UNITS: [&str; 4] = ["people", "firearms", "pills", "countries"];

/// The units the widget writes with its own words or as money
/// (`render::labels`). Any other is written after the number as it
/// stands, so one of these in another case or with spaces (`People`,
/// `Kg `), or money by its symbol (`€`), would be shown as a word of the
/// bundle's (`26.7 €`) instead of as a count or as money: those are told
/// the spelling to use.
pub const UNITS: [&str; 8] = ["people", "countries", "firearms", "kg", "pills", "USD", "EUR", "GBP"];

/// The unit a metric the widget knows is counted in: a figure in another
/// one would be shown beside its peers as if it were the same kind of
/// number (`arrests` in kg, `cash_and_crypto_eur` as "$26.7 million").
/// A metric it does not know may have any unit, one of `UNITS` or one of
/// its own (`boats_sunk` in `boats`).
pub fn unit_of(metric: &str) -> Option<&'static str> {
    Some(match metric {
        "arrests" => "people",
        "countries_involved" => "countries",
        "firearms_seized" => "firearms",
        "pills_seized" => "pills",
        _ if metric.ends_with("_kg") => "kg",
        _ if metric.ends_with("_usd") => "USD",
        _ if metric.ends_with("_eur") => "EUR",
        _ if metric.ends_with("_gbp") => "GBP",
        _ => return None,
    })
}

/// Source ids, sorted, for finding a citation's source in O(log n): a
/// bundle at the limits has 1,000 sources and tens of thousands of
/// citations.
struct SourceIndex<'a> {
    ids: Vec<(&'a str, usize)>,
    sources: &'a [RawSource],
}

impl<'a> SourceIndex<'a> {
    fn new(sources: &'a [RawSource]) -> Self {
        let mut ids: Vec<(&str, usize)> = sources.iter().enumerate().map(|(i, s)| (s.id.as_str(), i)).collect();
        // Stable, so of two sources with one id (an error anyway) the first
        // sorts first.
        crate::sort::sort_by(&mut ids, |a, b| a.0.cmp(b.0));
        SourceIndex { ids, sources }
    }

    /// Whether the source at `index` is an agency's own release.
    fn is_primary(&self, index: usize) -> bool {
        self.sources.get(index).is_some_and(|s| s.kind == "primary")
    }

    /// The index in `sources` of the source with this id.
    fn find(&self, id: &str) -> Option<usize> {
        let at = self.ids.partition_point(|(k, _)| *k < id);
        self.ids.get(at).filter(|(k, _)| *k == id).map(|(_, i)| *i)
    }
}

/// What a figure or a date shows, for comparing its claims with it.
#[derive(Clone, Copy)]
enum Shown<'a> {
    Value(f64, Qualifier),
    Date(&'a str),
}

/// Collects problems while walking the bundle, each under its path. A
/// check is given the path of the object (`at`) and the field's name, and
/// joins them only for an error, so a valid bundle builds no paths but
/// those of its list items.
struct Checker {
    errors: Vec<BundleError>,
}

impl Checker {
    fn err(&mut self, at: &str, field: &str, kind: ErrorKind) {
        self.errors.push(BundleError::new(join(at, field), kind));
    }

    /// Every text in a bundle: not too long, no control characters other
    /// than tab and line breaks (they would break the widget's markup as
    /// XML and could drive a terminal showing an error).
    fn text(&mut self, at: &str, field: &str, text: &str) {
        if text.len() > MAX_STRING_CHARS {
            let chars = crate::text::char_count(text);
            if chars > MAX_STRING_CHARS {
                self.err(
                    at,
                    field,
                    ErrorKind::TooLong {
                        chars,
                        limit: MAX_STRING_CHARS,
                    },
                );
            }
        }
        if let Some(c) = text
            .chars()
            .find(|&c| c.is_control() && !matches!(c, '\t' | '\n' | '\r'))
        {
            self.err(at, field, ErrorKind::ControlCharacter(c));
        }
    }

    fn opt_text(&mut self, at: &str, field: &str, text: &Option<String>) {
        if let Some(text) = text {
            self.text(at, field, text);
        }
    }

    fn non_empty(&mut self, at: &str, field: &str, text: &str) {
        self.text(at, field, text);
        if is_blank(text) {
            self.err(at, field, ErrorKind::Empty);
        }
    }

    /// A list's length against `MAX_ITEMS`.
    fn list(&mut self, at: &str, field: &str, len: usize) {
        if len > MAX_ITEMS {
            self.err(
                at,
                field,
                ErrorKind::TooMany {
                    items: len,
                    limit: MAX_ITEMS,
                },
            );
        }
    }

    fn date(&mut self, at: &str, field: &str, text: &str) {
        self.text(at, field, text);
        if let Some(kind) = date_problem(text) {
            self.err(at, field, kind);
        }
    }

    /// A metric or an event: not empty, and written as the widget
    /// recognises it, lower-case words joined by one `_`. The widget tells
    /// a known metric by its exact text, so `Arrests` was shown in the
    /// panel but left off the map, the table and the CSV's sums.
    fn name(&mut self, at: &str, field: &str, text: &str) {
        self.non_empty(at, field, text);
        if is_blank(text) || is_name(text) {
            return;
        }
        let kind = match spelling(text) {
            Some(canonical) => ErrorKind::WriteAs {
                text: text.to_owned(),
                canonical,
                how: "lower case, words joined by _",
            },
            None => ErrorKind::BadName(text.to_owned()),
        };
        self.err(at, field, kind);
    }

    /// A figure's unit: the one its metric is counted in where the widget
    /// knows the metric, else any text. A listed unit written another way
    /// (`People`, ` kg`), or money by its symbol, is told its spelling.
    ///
    /// A unit of a metric's own may be any text, as a label may: the
    /// widget writes it after the number as it stands, escaped as all
    /// bundle text is, and the bundles of earlier releases had such units
    /// (`boats`). A rule for its characters would only refuse a spelling
    /// of the author's language.
    fn unit(&mut self, at: &str, unit: &str, metric: &str) {
        self.non_empty(at, "unit", unit);
        if is_blank(unit) {
            return;
        }
        let trimmed = unit.trim_ascii();
        let listed = UNITS.iter().find(|u| u.eq_ignore_ascii_case(trimmed)).copied();
        let canonical = listed.or_else(|| currency_code(trimmed));
        let kind = match (canonical, unit_of(metric)) {
            (canonical, Some(expected)) if canonical != Some(expected) => ErrorKind::UnitMismatch {
                unit: unit.to_owned(),
                metric: metric.to_owned(),
                expected,
            },
            (Some(canonical), _) if canonical != unit => ErrorKind::WriteAs {
                text: unit.to_owned(),
                canonical: canonical.to_owned(),
                how: if trimmed != unit {
                    "without spaces"
                } else if canonical.bytes().all(|b| b.is_ascii_uppercase()) {
                    "money by its ISO 4217 code"
                } else {
                    "in lower case"
                },
            },
            // A listed unit as written, or a unit of its own for a metric
            // the widget does not know.
            _ => return,
        };
        self.err(at, "unit", kind);
    }

    /// A language: a BCP 47 tag's shape, as the widget writes it into
    /// `lang` attributes and matches it against its translations.
    fn lang(&mut self, at: &str, field: &str, lang: &Option<String>) {
        let Some(lang) = lang else { return };
        self.text(at, field, lang);
        if !is_lang_tag(lang) {
            self.err(at, field, ErrorKind::BadLang(lang.clone()));
        }
    }

    fn qualifier(&mut self, at: &str, field: &str, text: &str) -> Qualifier {
        self.text(at, field, text);
        Qualifier::parse(text).unwrap_or_else(|| {
            self.err(at, field, ErrorKind::UnknownQualifier(text.to_owned()));
            Qualifier::Exact
        })
    }

    /// A figure's value (or a claimed one): finite, not negative, at most
    /// `MAX_VALUE`, and whole when `unit` counts whole things.
    fn number(&mut self, at: &str, value: f64, unit: &str) {
        let kind = if !value.is_finite() {
            ErrorKind::NotFinite
        } else if value < 0.0 {
            ErrorKind::Negative
        } else if value > MAX_VALUE {
            ErrorKind::TooBig
        } else if num::fract(value) != 0.0 && WHOLE_UNITS.contains(&unit) {
            ErrorKind::NotWhole(unit.to_owned())
        } else {
            return;
        };
        self.err(at, "value", kind);
    }

    /// An error at `at` if `first`, the index of an earlier figure (or
    /// `date`) naming the same figure (or date), is found.
    fn same_as(&mut self, at: &str, first: Option<usize>, date: bool) {
        if let Some(first) = first {
            self.errors
                .push(BundleError::new(at, ErrorKind::SameAs { first, date }));
        }
    }

    fn citations(&mut self, at: &str, raw: &[RawCitation], sources: &SourceIndex<'_>) -> Vec<Citation> {
        if raw.is_empty() {
            self.err(at, "citations", ErrorKind::NoCitation);
        }
        self.list(at, "citations", raw.len());
        let list = join(at, "citations");
        let mut out = Vec::new();
        for (i, c) in raw.iter().enumerate() {
            let at = index(&list, i);
            self.non_empty(&at, "quote", &c.quote);
            self.text(&at, "source", &c.source);
            let attributed_to = self.attributed_to(&at, c, sources);
            match sources.find(&c.source) {
                Some(source) => out.push(Citation {
                    source,
                    quote: c.quote.clone(),
                    attributed_to,
                }),
                None => self.err(&at, "source", ErrorKind::UnknownSource(c.source.clone())),
            }
        }
        out
    }

    /// The agency a citation's words attribute the figure to: a listed
    /// source, not the citation's own, and a primary one (an agency's
    /// release, not more reporting).
    fn attributed_to(&mut self, at: &str, c: &RawCitation, sources: &SourceIndex<'_>) -> Option<usize> {
        let id = c.attributed_to.as_ref()?;
        self.text(at, "attributed_to", id);
        let kind = match sources.find(id) {
            None => ErrorKind::UnknownSource(id.clone()),
            Some(_) if *id == c.source => ErrorKind::AttributedToItself(id.clone()),
            Some(index) if !sources.is_primary(index) => ErrorKind::AttributedToSecondary(id.clone()),
            Some(index) => return Some(index),
        };
        self.err(at, "attributed_to", kind);
        None
    }

    /// A figure's or a date's disagreement. `shown` is the figure's value
    /// and qualifier, or the date: a claim that repeats them is refused,
    /// because the widget would show "sources differ" between two equal
    /// values. (Plain values, not a `ClaimValue`: building one here made
    /// its drop glue a call of its own in the widget's wasm too.)
    fn disagreement(
        &mut self,
        at: &str,
        raw: &Option<RawDisagreement>,
        sources: &SourceIndex<'_>,
        shown: Shown<'_>,
        unit: &str,
    ) -> Option<Disagreement> {
        let about_dates = matches!(shown, Shown::Date(_));
        let raw = raw.as_ref()?;
        let path = join(at, "disagreement");
        self.non_empty(&path, "reason", &raw.reason);
        if raw.claims.is_empty() {
            self.err(&path, "claims", ErrorKind::NoClaims);
        }
        self.list(&path, "claims", raw.claims.len());
        let list = join(&path, "claims");
        let mut claims = Vec::new();
        for (i, c) in raw.claims.iter().enumerate() {
            let at = index(&list, i);
            let (value, read) = match (c.value, &c.date, about_dates) {
                (Some(v), None, false) => {
                    self.number(&at, v, unit);
                    (ClaimValue::Number(v), true)
                }
                (None, Some(d), true) => {
                    self.date(&at, "date", d);
                    (ClaimValue::Date(d.clone()), true)
                }
                _ => {
                    self.errors
                        .push(BundleError::new(at.as_str(), ErrorKind::ClaimWithoutValue));
                    (ClaimValue::Number(0.0), false)
                }
            };
            let qualifier = match &c.qualifier {
                Some(q) => self.qualifier(&at, "qualifier", q),
                None => Qualifier::Exact,
            };
            // A date has no qualifier of its own, so a claimed date is
            // compared by its text alone.
            let same = match (shown, c.value, c.date.as_deref()) {
                (Shown::Value(v, q), Some(claimed), _) => claimed == v && qualifier == q,
                (Shown::Date(d), _, Some(claimed)) => claimed == d,
                _ => false,
            };
            if read && same {
                self.errors.push(BundleError::new(
                    at.as_str(),
                    ErrorKind::SameAsShown { date: about_dates },
                ));
            }
            let citations = self.citations(&at, &c.citations, sources);
            claims.push(Claim {
                value,
                qualifier,
                citations,
            });
        }
        Some(Disagreement {
            reason: raw.reason.clone(),
            claims,
        })
    }
}

/// Checks meaning and builds the model. Returns every error found; warnings
/// (see `BundleError::is_warning`) end up in `Bundle::warnings` instead.
pub fn validate(raw: &RawBundle) -> Result<Bundle, BundleErrors> {
    let mut c = Checker { errors: Vec::new() };
    if raw.schema != 1 {
        c.err("", "schema", ErrorKind::UnsupportedSchema(raw.schema));
    }

    c.lang("", "lang", &raw.lang);
    let lang = raw.lang.as_deref().unwrap_or("en");

    let op = &raw.operation;
    c.non_empty("operation", "id", &op.id);
    if !is_blank(&op.id) && !is_id(&op.id) {
        c.err("operation", "id", ErrorKind::BadId(op.id.clone()));
    }
    c.non_empty("operation", "name", &op.name);
    c.text("operation", "summary", &op.summary);
    // The day, as the schema says: a month alone was accepted here and
    // refused by an editor checking the schema.
    c.date("operation", "announced", &op.announced);
    if op.announced.len() < 10 && date_problem(&op.announced).is_none() {
        c.err("operation", "announced", ErrorKind::NotFullDate(op.announced.clone()));
    }

    if raw.sources.is_empty() {
        c.err("", "sources", ErrorKind::NoSources);
    }
    if raw.facts.is_empty() {
        c.err("", "facts", ErrorKind::NoFacts);
    }
    c.list("", "sources", raw.sources.len());
    c.list("", "facts", raw.facts.len());
    c.list("", "dates", raw.dates.len());

    let mut ids: Vec<&str> = Vec::new();
    let mut sources = Vec::new();
    for (i, s) in raw.sources.iter().enumerate() {
        let at = index("sources", i);
        unique(&mut c, &mut ids, &at, &s.id);
        c.non_empty(&at, "publisher", &s.publisher);
        c.non_empty(&at, "title", &s.title);
        c.date(&at, "date", &s.date);
        c.opt_text(&at, "url", &s.url);
        c.opt_text(&at, "seed", &s.seed);
        c.lang(&at, "lang", &s.lang);
        c.text(&at, "kind", &s.kind);
        if let Some(url) = &s.url {
            if !is_http_url(url) {
                c.err(&at, "url", url_problem(url));
            }
        }
        let kind = match s.kind.as_str() {
            "primary" => SourceKind::Primary,
            "secondary" => SourceKind::Secondary,
            other => {
                c.err(&at, "kind", ErrorKind::UnknownSourceKind(other.to_owned()));
                SourceKind::Secondary
            }
        };
        sources.push(Source {
            id: s.id.clone(),
            publisher: s.publisher.clone(),
            title: s.title.clone(),
            date: s.date.clone(),
            url: s.url.clone().filter(|u| is_http_url(u)),
            url_confirmed: s.url_confirmed,
            kind,
            seed: s.seed.clone(),
            lang: s.lang.as_deref().unwrap_or(lang).to_owned(),
        });
    }

    let by_id = SourceIndex::new(&raw.sources);
    let mut facts = Vec::new();
    // Each figure's metric as a reader tells it apart (`reads_as`).
    let mut metrics: Vec<Vec<u8>> = Vec::new();
    for (i, f) in raw.facts.iter().enumerate() {
        let at = index("facts", i);
        unique(&mut c, &mut ids, &at, &f.id);
        c.name(&at, "metric", &f.metric);
        c.unit(&at, &f.unit, &f.metric);
        // A known metric's own unit decides whether the value must be
        // whole, so `arrests` in a wrong unit is still counted in people.
        let unit = unit_of(&f.metric).unwrap_or(&f.unit);
        c.number(&at, f.value, unit);
        c.text(&at, "scope", &f.scope);
        c.opt_text(&at, "label", &f.label);
        let scope = if f.scope == "ALL" {
            Scope::All
        } else {
            if !is_country_code(&f.scope) {
                c.err(&at, "scope", scope_problem(&f.scope));
            }
            Scope::Country(f.scope.clone())
        };
        // A metric and scope name one figure: a second one would be shown
        // beside the first as another figure, where a source's other value
        // belongs in the first's disagreement. Metrics are compared as the
        // widget names them (`reads_as`), so `Arrests` or `arrests ` is the
        // `arrests` before it; a scope is ALL or a code in capitals, so its
        // raw text is compared, not the checked `Scope`: a third caller of
        // `Scope`'s `eq` makes the widget's wasm, which never validates,
        // call it out of line.
        let metric = reads_as(&f.metric);
        let first = raw
            .facts
            .iter()
            .zip(&metrics)
            .position(|(g, m)| g.scope == f.scope && *m == metric);
        c.same_as(&at, first, false);
        metrics.push(metric);
        let qualifier = c.qualifier(&at, "qualifier", &f.qualifier);
        let citations = c.citations(&at, &f.citations, &by_id);
        let shown = Shown::Value(f.value, qualifier);
        let disagreement = c.disagreement(&at, &f.disagreement, &by_id, shown, unit);
        facts.push(Fact {
            id: f.id.clone(),
            metric: f.metric.clone(),
            scope,
            value: f.value,
            unit: f.unit.clone(),
            qualifier,
            label: f.label.clone(),
            citations,
            disagreement,
        });
    }

    let mut dates = Vec::new();
    let mut events: Vec<Vec<u8>> = Vec::new();
    for (i, d) in raw.dates.iter().enumerate() {
        let at = index("dates", i);
        unique(&mut c, &mut ids, &at, &d.id);
        c.name(&at, "event", &d.event);
        c.date(&at, "date", &d.date);
        c.opt_text(&at, "label", &d.label);
        // An event names one date, as a metric and scope name one figure,
        // and is compared as a metric is.
        let event = reads_as(&d.event);
        let first = events.iter().position(|e| *e == event);
        c.same_as(&at, first, true);
        events.push(event);
        let citations = c.citations(&at, &d.citations, &by_id);
        let disagreement = c.disagreement(&at, &d.disagreement, &by_id, Shown::Date(&d.date), "");
        dates.push(DateEntry {
            id: d.id.clone(),
            event: d.event.clone(),
            date: d.date.clone(),
            label: d.label.clone(),
            citations,
            disagreement,
        });
    }

    if !c.errors.is_empty() {
        return Err(BundleErrors(c.errors));
    }
    let mut bundle = Bundle {
        operation: Operation {
            id: op.id.clone(),
            name: op.name.clone(),
            summary: op.summary.clone(),
            announced: op.announced.clone(),
        },
        lang: lang.to_owned(),
        sources,
        facts,
        dates,
        warnings: Vec::new(),
    };
    bundle.warnings = sum_warnings(&bundle);
    Ok(bundle)
}

/// Per-country counts that do not add up to the stated total are worth
/// telling the reader about, but a total may honestly include countries no
/// source itemises, so this only warns when the parts exceed the whole or
/// when every country of the operation is itemised and the sum is off.
fn sum_warnings(bundle: &Bundle) -> Vec<Problem> {
    let mut warnings = Vec::new();
    let countries = bundle.total("countries_involved").map(|f| f.value);
    for (i, total) in bundle.facts.iter().enumerate() {
        if total.scope != Scope::All || total.qualifier != Qualifier::Exact {
            continue;
        }
        // Summed from -0.0, as `Iterator::sum` does.
        let (mut parts, mut sum) = (0usize, -0.0);
        for (_, part) in bundle.by_country(&total.metric) {
            parts += 1;
            sum += part.value;
        }
        if parts == 0 {
            continue;
        }
        let all_itemised = countries.is_some_and(|n| n == parts as f64);
        if sum > total.value || (all_itemised && sum != total.value) {
            let warning = BundleError::new(
                join(&index("facts", i), "value"),
                ErrorKind::SumMismatch {
                    metric: total.metric.clone(),
                    sum,
                    total: total.value,
                },
            );
            warnings.push(warning.worded());
        }
    }
    warnings
}

/// The metrics the widget has a name for (`render::labels`), besides the
/// `<drug>_seized_kg` of every drug it translates.
#[cfg(not(target_arch = "wasm32"))]
pub const KNOWN_METRICS: [&str; 9] = [
    "arrests",
    "countries_involved",
    "firearms_seized",
    "pills_seized",
    "drugs_seized_kg",
    "fentanyl_seized_kg",
    "lsd_and_ecstasy_seized_kg",
    "cash_and_crypto_usd",
    "cash_and_crypto_eur",
];

/// Hints for a bundle's author, not its readers: each metric or event
/// the widget has no name for that is one letter away from one it has
/// (`arrest`, `firearm_seized`, `market_lunch`), with that one. Such a
/// figure is valid, but the widget shows it as its words and leaves it
/// out wherever it looks for the known metric (`arrests` is the map).
/// `spector-facts` prints them as warnings; the widget does not show
/// them, because a reader can do nothing about a spelling. Native only,
/// so neither wasm carries the lists.
#[cfg(not(target_arch = "wasm32"))]
pub fn hints(bundle: &Bundle) -> Vec<Problem> {
    use crate::i18n::Key;
    use crate::render::labels::{drug_of, standard_event_key, standard_metric_key};
    let family = |prefix: &'static str| Key::ALL.into_iter().filter_map(move |k| k.name().strip_prefix(prefix));
    let metrics: Vec<String> = KNOWN_METRICS
        .iter()
        .map(|m| (*m).to_owned())
        .chain(family("drug.").map(|d| alloc::format!("{d}_seized_kg")))
        .collect();
    let events: Vec<&str> = family("event.").collect();
    let mut hints = Vec::new();
    let mut hint = |path: String, what: &str, text: &str, near: Option<&str>| {
        if let Some(near) = near {
            let mut words = String::new();
            crate::facts::error::push_shortened(&mut words, text);
            hints.push(Problem {
                path,
                words: alloc::format!("\"{words}\" is not {what} the widget knows; did you mean \"{near}\"?"),
            });
        }
    };
    for (i, f) in bundle.facts.iter().enumerate() {
        let known = standard_metric_key(&f.metric).is_some() || drug_of(&f.metric).and_then(Key::drug).is_some();
        if !known {
            let near = metrics.iter().find(|m| one_edit_apart(m, &f.metric));
            hint(
                join(&index("facts", i), "metric"),
                "a metric",
                &f.metric,
                near.map(String::as_str),
            );
        }
    }
    for (i, d) in bundle.dates.iter().enumerate() {
        if standard_event_key(&d.event).is_none() {
            let near = events.iter().find(|e| one_edit_apart(e, &d.event));
            hint(join(&index("dates", i), "event"), "an event", &d.event, near.copied());
        }
    }
    hints
}

/// Whether `b` is `a` with one letter added, left out, changed, or two
/// neighbours swapped.
#[cfg(not(target_arch = "wasm32"))]
fn one_edit_apart(a: &str, b: &str) -> bool {
    fn tail(s: &[u8], n: usize) -> &[u8] {
        s.get(n..).unwrap_or_default()
    }
    let (a, b) = (a.as_bytes(), b.as_bytes());
    let head = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let (ra, rb) = (tail(a, head), tail(b, head));
    match (ra.len(), rb.len()) {
        (0, 0) => false,
        (x, y) if x == y + 1 => tail(ra, 1) == rb,
        (x, y) if y == x + 1 => tail(rb, 1) == ra,
        (x, y) if x == y => {
            let swapped = ra.first() == rb.get(1) && ra.get(1) == rb.first() && tail(ra, 2) == tail(rb, 2);
            tail(ra, 1) == tail(rb, 1) || swapped
        }
        _ => false,
    }
}

/// A metric (or event) as the widget names it, for telling two apart: one
/// it has no name for is shown as its words, split at `_`, the first
/// capitalised (`arrests` and `Arrests` both read "Arrests", and so do
/// ` arrests` and `arrests_`), so the words are kept, in lower case, with
/// one `_` between them, whatever `_` and spaces separated or surrounded
/// them. (A known metric is one of these keys already.)
fn reads_as(text: &str) -> Vec<u8> {
    let mut key = Vec::new();
    let mut gap = false;
    for b in text.bytes() {
        if b == b'_' || b.is_ascii_whitespace() {
            gap = !key.is_empty();
        } else {
            if gap {
                key.push(b'_');
                gap = false;
            }
            key.push(b.to_ascii_lowercase());
        }
    }
    key
}

/// Whether a metric or event is written as the widget recognises it:
/// lower-case ASCII letters and digits, starting with a letter, words
/// joined by one `_` (the schema's `^[a-z][a-z0-9]*(_[a-z0-9]+)*$`).
pub fn is_name(text: &str) -> bool {
    let b = text.as_bytes();
    b.first().is_some_and(u8::is_ascii_lowercase)
        && b.last() != Some(&b'_')
        && b.iter()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || *c == b'_')
        // Bytes, not `str::contains`, whose substring search (and the
        // panic messages it links) cost the reader's wasm 6 KB of brotli.
        && !b.windows(2).any(|w| w == b"__")
}

/// The spelling to suggest for a metric or event the widget would not
/// recognise: its words in lower case joined by one `_` (`-` counts as a
/// gap too), if that makes a name.
fn spelling(text: &str) -> Option<String> {
    let mut key = String::new();
    let mut gap = false;
    // Bytes: a name is ASCII, so other text has no spelling to suggest.
    for b in text.bytes() {
        if !b.is_ascii() {
            return None;
        }
        if matches!(b, b'_' | b'-') || b.is_ascii_whitespace() {
            gap = !key.is_empty();
        } else {
            if gap {
                key.push('_');
                gap = false;
            }
            key.push(char::from(b.to_ascii_lowercase()));
        }
    }
    is_name(&key).then_some(key)
}

/// The ISO 4217 code of a currency written by its symbol or its name.
fn currency_code(unit: &str) -> Option<&'static str> {
    Some(match unit {
        "$" | "US$" => "USD",
        "€" | "euro" | "euros" => "EUR",
        "£" => "GBP",
        _ => return None,
    })
}

/// Why a scope other than `ALL` that is no country code is refused: a
/// code written in lower case or with spaces is told its spelling, any
/// other is unknown (with the code to write for `UK` and `EL`).
fn scope_problem(scope: &str) -> ErrorKind {
    let trimmed = scope.trim_ascii();
    // Byte by byte, not `str::to_ascii_uppercase`: the widget's wasm uses
    // that one too, and a second caller made it a call of its own there.
    // A byte that is not ASCII makes no code, so its char does no harm.
    let upper: String = trimmed.bytes().map(|b| char::from(b.to_ascii_uppercase())).collect();
    if upper != scope && (upper == "ALL" || is_country_code(&upper)) {
        let how = if trimmed == scope {
            "in capitals"
        } else {
            "without spaces"
        };
        return ErrorKind::WriteAs {
            text: scope.to_owned(),
            canonical: upper,
            how,
        };
    }
    ErrorKind::UnknownCountry(scope.to_owned())
}

/// Why a URL is not one that may become a link, saying what to change
/// where it would be one but for whitespace or its missing host.
fn url_problem(url: &str) -> ErrorKind {
    let trimmed = url.trim_ascii();
    let why = if trimmed != url && is_http_url(trimmed) {
        " starts or ends with a space; remove it"
    } else if let Some(rest) = http_rest(trimmed) {
        // The host runs to the first `/`, `?` or `#`. (Bytes, as the
        // other checks here, to keep the reader's wasm small; whitespace
        // is told by chars, so a no-break space counts as one.)
        let b = rest.as_bytes();
        let host = authority(b);
        if host_in(host).is_empty() {
            " has no host; write it after the //, as in https://example.org/"
        } else if rest.chars().any(|c| c.is_whitespace() && c != ' ') {
            // A tab or a line break is no part of an address (browsers
            // drop them), so %20 would be the wrong advice.
            " contains whitespace; remove it"
        } else if host.contains(&b' ') {
            // A host name has no spaces, encoded or not.
            " has a space in its host; remove it"
        } else if b.contains(&b' ') {
            " contains a space; encode it as %20"
        } else {
            return ErrorKind::NotHttpUrl(url.to_owned());
        }
    } else {
        return ErrorKind::NotHttpUrl(url.to_owned());
    };
    ErrorKind::BadUrl {
        url: url.to_owned(),
        why,
    }
}

/// A BCP 47 tag's shape: a language of two or three letters, then
/// subtags of one to eight letters and digits after `-` (the schema's
/// `^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$`).
pub fn is_lang_tag(tag: &str) -> bool {
    // One pass over the bytes: the length of the current subtag, and
    // whether it is the first (the language).
    let (mut run, mut first, mut ok) = (0usize, true, true);
    let fits = |run: usize, first: bool| {
        if first {
            (2..=3).contains(&run)
        } else {
            (1..=8).contains(&run)
        }
    };
    for &c in tag.as_bytes() {
        if c == b'-' {
            ok &= fits(run, first);
            (run, first) = (0, false);
        } else {
            ok &= if first {
                c.is_ascii_alphabetic()
            } else {
                c.is_ascii_alphanumeric()
            };
            run += 1;
        }
    }
    ok && fits(run, first)
}

fn unique<'a>(c: &mut Checker, ids: &mut Vec<&'a str>, at: &str, id: &'a str) {
    c.text(at, "id", id);
    let kind = if is_blank(id) {
        ErrorKind::Empty
    } else if !is_id(id) {
        ErrorKind::BadId(id.to_owned())
    } else if ids.contains(&id) {
        ErrorKind::DuplicateId(id.to_owned())
    } else {
        ids.push(id);
        return;
    };
    c.err(at, "id", kind);
}

/// `path.field`, or `field` at the top level: a JSON path one step deeper.
/// A field that is not a plain name is written `path["field"]`.
pub(crate) fn join(path: &str, field: &str) -> String {
    let mut out = String::with_capacity(path.len() + field.len() + 1);
    out.push_str(path);
    if !field.is_empty() && field.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_') {
        if !path.is_empty() {
            out.push('.');
        }
        out.push_str(field);
    } else {
        // An unknown key can hold anything: quoted and escaped as error
        // messages echo text, it cannot break the path or the screen.
        out.push_str("[\"");
        if echo(&mut out, field) {
            out.push('…');
        }
        out.push_str("\"]");
    }
    out
}

/// `path[i]`: a JSON path into an array.
pub(crate) fn index(path: &str, i: usize) -> String {
    let mut out = String::with_capacity(path.len() + 6);
    out.push_str(path);
    out.push('[');
    crate::text::push_uint(&mut out, i as u64);
    out.push(']');
    out
}

/// An id: ASCII letters, digits, `-`, `_` and `.`, so it can stand in an
/// attribute, a file name or a CSV cell as it is.
pub fn is_id(text: &str) -> bool {
    !text.is_empty()
        && text
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.'))
}

/// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, a day its month has.
pub fn is_date(text: &str) -> bool {
    date_problem(text).is_none()
}

/// What is wrong with a date, if anything: not `YYYY`, `YYYY-MM` or
/// `YYYY-MM-DD` with a month from 01 to 12 and a day from 01 to 31, or a
/// day its month does not have (`2021-02-30`, `2023-02-29`).
fn date_problem(text: &str) -> Option<ErrorKind> {
    let b = text.as_bytes();
    // Dashes after the year and the month, ASCII digits everywhere else.
    let shape = matches!(b.len(), 4 | 7 | 10)
        && b.iter().enumerate().all(|(i, &c)| {
            if i == 4 || i == 7 {
                c == b'-'
            } else {
                c.is_ascii_digit()
            }
        });
    // The digits from `at` to `to` as a number (absent parts read as 1).
    let number = |at: usize, to: usize| {
        b.get(at..to)
            .map_or(1, |d| d.iter().fold(0u32, |n, c| n * 10 + u32::from(c - b'0')))
    };
    if !shape || !(1..=12).contains(&number(5, 7)) || !(1..=31).contains(&number(8, 10)) {
        return Some(ErrorKind::BadDate(text.to_owned()));
    }
    let year = number(0, 4);
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    let days = match number(5, 7) {
        2 if leap => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    };
    (number(8, 10) > u32::from(days)).then(|| ErrorKind::NoSuchDay {
        date: text.to_owned(),
        days,
    })
}

/// Only absolute http(s) addresses may become links: a host after the
/// `//`, so neither `https://?x` nor `https://#a` (nothing before the
/// query or the fragment) nor `https:///news` is one, and neither are
/// `https://user@?x`, `https://@/x` or `https://:80/news`, whose user or
/// port comes with no host (browsers refuse all of them).
pub fn is_http_url(url: &str) -> bool {
    http_rest(url).is_some_and(|rest| {
        !host_in(authority(rest.as_bytes())).is_empty() && !rest.chars().any(|c| c.is_whitespace() || c.is_control())
    })
}

/// What follows the scheme up to the first `/`, `?` or `#`: the host, with
/// any user before it and any port after it. (Bytes, as the other checks
/// here, to keep the reader's wasm small.)
fn authority(rest: &[u8]) -> &[u8] {
    let end = rest
        .iter()
        .position(|c| matches!(c, b'/' | b'?' | b'#'))
        .unwrap_or(rest.len());
    rest.get(..end).unwrap_or_default()
}

/// The host of an authority: after the last `@`, before a `:port` (an
/// IPv6 address in brackets keeps its colons).
fn host_in(authority: &[u8]) -> &[u8] {
    let host = authority.rsplit(|&c| c == b'@').next().unwrap_or_default();
    if host.first() == Some(&b'[') {
        return host;
    }
    host.split(|&c| c == b':').next().unwrap_or_default()
}

/// What follows `http://` or `https://` (in any case), if the URL starts
/// with either.
fn http_rest(url: &str) -> Option<&str> {
    // The first eight bytes lowercased into a fixed buffer, so the scheme
    // is matched in any case without a new string.
    let mut head = [0u8; 8];
    for (h, b) in head.iter_mut().zip(url.bytes()) {
        *h = b.to_ascii_lowercase();
    }
    let scheme = if head == *b"https://" {
        8
    } else if head.starts_with(b"http://") {
        7
    } else {
        return None;
    };
    // The scheme is ASCII, so the rest starts at a character boundary.
    url.get(scheme..)
}
