//! Reads a bundle's shape from an already-parsed JSON value (`json::Json`,
//! the widget's own parser's result).
//!
//! It does what serde's derived `Deserialize` for `raw::RawBundle` does (wrong
//! types, missing and unknown fields, each named by its JSON path) at a
//! fraction of the wasm size: serde's generic code, the path tracking around
//! it and the float printing its messages need weighed about 60 KB before
//! optimisation. Unlike serde it reports every shape error, not only the
//! first. `tests/reader_parity.rs` checks it against the serde path.

use alloc::borrow::ToOwned;
use alloc::string::String;
use alloc::vec::Vec;

use super::error::{BundleError, BundleErrors, ErrorKind};
use super::raw::*;
use super::validate::{index, join};

/// What a JSON value is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum JsonType {
    Null,
    Bool,
    Number,
    String,
    Array,
    Object,
}

/// A parsed JSON value, as the reader needs to see it.
pub trait JsonValue: Sized {
    fn json_type(&self) -> JsonType;
    fn number(&self) -> Option<f64>;
    fn string(&self) -> Option<String>;
    fn boolean(&self) -> Option<bool>;
    /// An array's elements.
    fn items(&self) -> Vec<Self>;
    /// An object's members, in order.
    fn members(&self) -> Vec<(String, Self)>;
}

/// Reads the whole bundle, or returns every shape error found.
pub fn read_bundle<V: JsonValue>(value: &V) -> Result<RawBundle, BundleErrors> {
    let mut r = Reader { errors: Vec::new() };
    let bundle = r.bundle(value);
    match bundle {
        Some(bundle) if r.errors.is_empty() => Ok(bundle),
        _ => Err(BundleErrors(r.errors)),
    }
}

struct Reader {
    errors: Vec<BundleError>,
}

/// An object's members with the fields it may have, so that unknown ones
/// are reported and required ones looked up.
struct Object<V> {
    path: String,
    members: Vec<(String, V)>,
}

impl<V: JsonValue> Object<V> {
    fn get(&self, name: &str) -> Option<&V> {
        self.members.iter().find(|(k, _)| k == name).map(|(_, v)| v)
    }
}

impl Reader {
    fn shape(&mut self, path: &str, message: String) {
        self.errors.push(BundleError::new(path, ErrorKind::Shape(message)));
    }

    fn wrong_type<V: JsonValue>(&mut self, path: &str, value: &V, expected: &str) {
        let mut message = String::from("invalid type: ");
        describe(&mut message, value);
        message.push_str(", expected ");
        message.push_str(expected);
        self.shape(path, message);
    }

    /// An object with exactly these fields (others are an error, because
    /// they are usually typos).
    fn object<V: JsonValue>(&mut self, path: &str, value: &V, what: &str, fields: &[&str]) -> Option<Object<V>> {
        if value.json_type() != JsonType::Object {
            self.wrong_type(path, value, what);
            return None;
        }
        let members = value.members();
        for (key, _) in &members {
            if !fields.contains(&key.as_str()) {
                let mut message = String::from("unknown field `");
                message.push_str(&shorten(key));
                message.push_str("`, expected one of ");
                for (i, f) in fields.iter().enumerate() {
                    if i > 0 {
                        message.push_str(", ");
                    }
                    message.push('`');
                    message.push_str(f);
                    message.push('`');
                }
                self.shape(&join(path, key), message);
            }
        }
        Some(Object {
            path: path.to_owned(),
            members,
        })
    }

    fn required<'v, V: JsonValue>(&mut self, obj: &'v Object<V>, name: &str) -> Option<&'v V> {
        let found = obj.get(name);
        if found.is_none() {
            let mut message = String::from("missing field `");
            message.push_str(name);
            message.push('`');
            let path = obj.path.clone();
            self.shape(&path, message);
        }
        found
    }

    fn string<V: JsonValue>(&mut self, obj: &Object<V>, name: &str) -> Option<String> {
        let value = self.required(obj, name)?;
        self.string_value(&join(&obj.path, name), value)
    }

    fn string_value<V: JsonValue>(&mut self, path: &str, value: &V) -> Option<String> {
        let s = value.string();
        if s.is_none() {
            self.wrong_type(path, value, "a string");
        }
        s
    }

    /// An optional text: absent or null is `None`.
    fn optional_string<V: JsonValue>(&mut self, obj: &Object<V>, name: &str) -> Option<String> {
        match obj.get(name) {
            Some(v) if v.json_type() != JsonType::Null => self.string_value(&join(&obj.path, name), v),
            _ => None,
        }
    }

    fn number<V: JsonValue>(&mut self, obj: &Object<V>, name: &str) -> Option<f64> {
        let value = self.required(obj, name)?;
        self.number_value(&join(&obj.path, name), value)
    }

    fn number_value<V: JsonValue>(&mut self, path: &str, value: &V) -> Option<f64> {
        let n = value.number();
        if n.is_none() {
            self.wrong_type(path, value, "a number");
        }
        n
    }

    fn array<V: JsonValue>(&mut self, path: &str, value: &V) -> Option<Vec<V>> {
        if value.json_type() != JsonType::Array {
            self.wrong_type(path, value, "an array");
            return None;
        }
        Some(value.items())
    }

    /// A list of objects read by `item`; `None` if the list or any item
    /// has a shape error (all of them are reported).
    fn list<V: JsonValue, T>(
        &mut self,
        path: &str,
        value: &V,
        mut item: impl FnMut(&mut Self, &str, &V) -> Option<T>,
    ) -> Option<Vec<T>> {
        let items = self.array(path, value)?;
        let mut out = Vec::with_capacity(items.len());
        let mut ok = true;
        for (i, v) in items.iter().enumerate() {
            match item(self, &index(path, i), v) {
                Some(t) => out.push(t),
                None => ok = false,
            }
        }
        ok.then_some(out)
    }

    fn bundle<V: JsonValue>(&mut self, value: &V) -> Option<RawBundle> {
        let obj = self.object(
            "",
            value,
            "a bundle object",
            &["schema", "operation", "sources", "facts", "dates"],
        )?;
        let schema = self.required(&obj, "schema").and_then(|v| {
            let n = v.number();
            match n {
                Some(n) if n >= 0.0 && crate::num::fract(n) == 0.0 && n <= u32::MAX as f64 => Some(n as u32),
                _ => {
                    self.wrong_type("schema", v, "a schema version number");
                    None
                }
            }
        });
        let operation = self.required(&obj, "operation").and_then(|v| self.operation(v));
        let sources = self
            .required(&obj, "sources")
            .and_then(|v| self.list("sources", v, Self::source));
        let facts = self
            .required(&obj, "facts")
            .and_then(|v| self.list("facts", v, Self::fact));
        let dates = match obj.get("dates") {
            Some(v) => self.list("dates", v, Self::date),
            None => Some(Vec::new()),
        };
        Some(RawBundle {
            schema: schema?,
            operation: operation?,
            sources: sources?,
            facts: facts?,
            dates: dates?,
        })
    }

    fn operation<V: JsonValue>(&mut self, value: &V) -> Option<RawOperation> {
        let o = self.object(
            "operation",
            value,
            "an operation object",
            &["id", "name", "summary", "announced"],
        )?;
        let id = self.string(&o, "id");
        let name = self.string(&o, "name");
        let summary = self.string(&o, "summary");
        let announced = self.string(&o, "announced");
        Some(RawOperation {
            id: id?,
            name: name?,
            summary: summary?,
            announced: announced?,
        })
    }

    fn source<V: JsonValue>(&mut self, path: &str, value: &V) -> Option<RawSource> {
        let o = self.object(
            path,
            value,
            "a source object",
            &[
                "id",
                "publisher",
                "title",
                "date",
                "url",
                "url_confirmed",
                "kind",
                "seed",
                "lang",
            ],
        )?;
        let id = self.string(&o, "id");
        let publisher = self.string(&o, "publisher");
        let title = self.string(&o, "title");
        let date = self.string(&o, "date");
        let url = self.optional_string(&o, "url");
        let url_confirmed = match o.get("url_confirmed") {
            None => Some(false),
            Some(v) => {
                let b = v.boolean();
                if b.is_none() {
                    self.wrong_type(&join(path, "url_confirmed"), v, "true or false");
                }
                b
            }
        };
        let kind = self.string(&o, "kind");
        let seed = self.optional_string(&o, "seed");
        let lang = self.optional_string(&o, "lang");
        Some(RawSource {
            id: id?,
            publisher: publisher?,
            title: title?,
            date: date?,
            url,
            url_confirmed: url_confirmed?,
            kind: kind?,
            seed,
            lang,
        })
    }

    fn citation<V: JsonValue>(&mut self, path: &str, value: &V) -> Option<RawCitation> {
        let o = self.object(path, value, "a citation object", &["source", "quote"])?;
        let source = self.string(&o, "source");
        let quote = self.string(&o, "quote");
        Some(RawCitation {
            source: source?,
            quote: quote?,
        })
    }

    fn citations<V: JsonValue>(&mut self, o: &Object<V>) -> Option<Vec<RawCitation>> {
        let v = self.required(o, "citations")?;
        self.list(&join(&o.path, "citations"), v, Self::citation)
    }

    fn disagreement<V: JsonValue>(&mut self, o: &Object<V>) -> Option<Option<RawDisagreement>> {
        let Some(v) = o.get("disagreement").filter(|v| v.json_type() != JsonType::Null) else {
            return Some(None);
        };
        let path = join(&o.path, "disagreement");
        let d = self.object(&path, v, "a disagreement object", &["reason", "claims"])?;
        let reason = self.string(&d, "reason");
        let claims = self
            .required(&d, "claims")
            .and_then(|v| self.list(&join(&path, "claims"), v, Self::claim));
        Some(Some(RawDisagreement {
            reason: reason?,
            claims: claims?,
        }))
    }

    fn claim<V: JsonValue>(&mut self, path: &str, value: &V) -> Option<RawClaim> {
        let o = self.object(
            path,
            value,
            "a claim object",
            &["value", "date", "qualifier", "citations"],
        )?;
        let value = match o.get("value").filter(|v| v.json_type() != JsonType::Null) {
            Some(v) => Some(self.number_value(&join(path, "value"), v)?),
            None => None,
        };
        let date = self.optional_string(&o, "date");
        let qualifier = self.optional_string(&o, "qualifier");
        let citations = self.citations(&o);
        Some(RawClaim {
            value,
            date,
            qualifier,
            citations: citations?,
        })
    }

    fn fact<V: JsonValue>(&mut self, path: &str, value: &V) -> Option<RawFact> {
        let o = self.object(
            path,
            value,
            "a fact object",
            &[
                "id",
                "metric",
                "scope",
                "value",
                "unit",
                "qualifier",
                "label",
                "citations",
                "disagreement",
            ],
        )?;
        let id = self.string(&o, "id");
        let metric = self.string(&o, "metric");
        let scope = self.string(&o, "scope");
        let value = self.number(&o, "value");
        let unit = self.string(&o, "unit");
        let qualifier = self.string(&o, "qualifier");
        let label = self.optional_string(&o, "label");
        let citations = self.citations(&o);
        let disagreement = self.disagreement(&o);
        Some(RawFact {
            id: id?,
            metric: metric?,
            scope: scope?,
            value: value?,
            unit: unit?,
            qualifier: qualifier?,
            label,
            citations: citations?,
            disagreement: disagreement?,
        })
    }

    fn date<V: JsonValue>(&mut self, path: &str, value: &V) -> Option<RawDate> {
        let o = self.object(
            path,
            value,
            "a date object",
            &["id", "event", "date", "label", "citations", "disagreement"],
        )?;
        let id = self.string(&o, "id");
        let event = self.string(&o, "event");
        let date = self.string(&o, "date");
        let label = self.optional_string(&o, "label");
        let citations = self.citations(&o);
        let disagreement = self.disagreement(&o);
        Some(RawDate {
            id: id?,
            event: event?,
            date: date?,
            label,
            citations: citations?,
            disagreement: disagreement?,
        })
    }
}

/// "string \"7\"", "a number", "null": what was found, for messages. Text
/// is quoted and cut, never echoed whole; numbers are not printed (that
/// would need float formatting in the wasm).
fn describe<V: JsonValue>(out: &mut String, value: &V) {
    match value.json_type() {
        JsonType::Null => out.push_str("null"),
        JsonType::Bool => out.push_str(if value.boolean() == Some(true) {
            "boolean `true`"
        } else {
            "boolean `false`"
        }),
        JsonType::Number => out.push_str("a number"),
        JsonType::String => {
            out.push_str("string \"");
            out.push_str(&shorten(&value.string().unwrap_or_default()));
            out.push('"');
        }
        JsonType::Array => out.push_str("an array"),
        JsonType::Object => out.push_str("an object"),
    }
}

/// Text from the bundle as it may appear in a message: at most 80
/// characters, control characters and quotes escaped.
fn shorten(text: &str) -> String {
    let mut out = String::with_capacity(text.len().min(90));
    for (i, ch) in text.chars().enumerate() {
        if i == 80 {
            out.push_str(" (cut)");
            break;
        }
        match ch {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if c.is_control() => {
                out.push_str("\\u");
                let code = c as u32;
                for shift in [12, 8, 4, 0] {
                    let digit = (code >> shift) & 0xf;
                    out.push(char::from_digit(digit, 16).unwrap_or('0').to_ascii_uppercase());
                }
            }
            c => out.push(c),
        }
    }
    out
}
