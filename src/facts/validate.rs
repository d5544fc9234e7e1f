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
        if !is_date(text) {
            self.err(at, field, ErrorKind::BadDate(text.to_owned()));
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

    fn disagreement(
        &mut self,
        at: &str,
        raw: &Option<RawDisagreement>,
        sources: &SourceIndex<'_>,
        about_dates: bool,
        unit: &str,
    ) -> Option<Disagreement> {
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
            let value = match (c.value, &c.date, about_dates) {
                (Some(v), None, false) => {
                    self.number(&at, v, unit);
                    ClaimValue::Number(v)
                }
                (None, Some(d), true) => {
                    self.date(&at, "date", d);
                    ClaimValue::Date(d.clone())
                }
                _ => {
                    self.errors
                        .push(BundleError::new(at.as_str(), ErrorKind::ClaimWithoutValue));
                    ClaimValue::Number(0.0)
                }
            };
            let qualifier = match &c.qualifier {
                Some(q) => self.qualifier(&at, "qualifier", q),
                None => Qualifier::Exact,
            };
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

    c.opt_text("", "lang", &raw.lang);
    let lang = raw.lang.as_deref().unwrap_or("en");

    let op = &raw.operation;
    c.non_empty("operation", "id", &op.id);
    if !is_blank(&op.id) && !is_id(&op.id) {
        c.err("operation", "id", ErrorKind::BadId(op.id.clone()));
    }
    c.non_empty("operation", "name", &op.name);
    c.text("operation", "summary", &op.summary);
    c.date("operation", "announced", &op.announced);

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
        c.opt_text(&at, "lang", &s.lang);
        c.text(&at, "kind", &s.kind);
        if let Some(url) = &s.url {
            if !is_http_url(url) {
                c.err(&at, "url", ErrorKind::NotHttpUrl(url.clone()));
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
        c.non_empty(&at, "metric", &f.metric);
        c.non_empty(&at, "unit", &f.unit);
        c.number(&at, f.value, &f.unit);
        c.text(&at, "scope", &f.scope);
        c.opt_text(&at, "label", &f.label);
        let scope = if f.scope == "ALL" {
            Scope::All
        } else {
            if !is_country_code(&f.scope) {
                c.err(&at, "scope", ErrorKind::UnknownCountry(f.scope.clone()));
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
        let disagreement = c.disagreement(&at, &f.disagreement, &by_id, false, &f.unit);
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
        c.non_empty(&at, "event", &d.event);
        c.date(&at, "date", &d.date);
        c.opt_text(&at, "label", &d.label);
        // An event names one date, as a metric and scope name one figure,
        // and is compared as a metric is.
        let event = reads_as(&d.event);
        let first = events.iter().position(|e| *e == event);
        c.same_as(&at, first, true);
        events.push(event);
        let citations = c.citations(&at, &d.citations, &by_id);
        let disagreement = c.disagreement(&at, &d.disagreement, &by_id, true, "");
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

/// `YYYY`, `YYYY-MM` or `YYYY-MM-DD` with a plausible month and day.
pub fn is_date(text: &str) -> bool {
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
    // The two digits at `at` (absent parts read as in range).
    let two = |at: usize, hi: u8| match (b.get(at), b.get(at + 1)) {
        (Some(t), Some(u)) => (1..=hi).contains(&((t - b'0') * 10 + (u - b'0'))),
        _ => true,
    };
    shape && two(5, 12) && two(8, 31)
}

/// Only absolute http(s) addresses may become links.
pub fn is_http_url(url: &str) -> bool {
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
        return false;
    };
    // The scheme is ASCII, so the rest starts at a character boundary.
    let rest = url.get(scheme..).unwrap_or_default();
    !rest.is_empty() && !rest.starts_with('/') && !rest.chars().any(|c| c.is_whitespace() || c.is_control())
}
