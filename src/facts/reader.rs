//! Reads a bundle's shape from an already-parsed JSON value (`json::Json`,
//! the widget's own parser's result).
//!
//! It does what serde's derived `Deserialize` for `raw::RawBundle` does (wrong
//! types, missing and unknown fields, each named by its JSON path) at a
//! fraction of the wasm size: serde's generic code, the path tracking around
//! it and the float printing its messages need weighed about 60 KB before
//! optimisation. Unlike serde it reports every shape error, not only the
//! first. `tests/reader_parity.rs` checks it against the serde path.

use alloc::string::String;
use alloc::vec::Vec;

use super::error::{push_shortened, BundleError, BundleErrors, ErrorKind};
use super::json::Json;
use super::raw::*;
use super::validate::{index, join};

/// Reads the whole bundle, or returns every shape error found.
pub fn read_bundle(value: &Json) -> Result<RawBundle, BundleErrors> {
    let mut r = Reader { errors: Vec::new() };
    match r.bundle(value) {
        Some(bundle) if r.errors.is_empty() => Ok(bundle),
        _ => Err(BundleErrors(r.errors)),
    }
}

struct Reader {
    errors: Vec<BundleError>,
}

/// An object's members, checked against the fields it may have, with the
/// path that its fields' errors start with.
struct Object<'a, 'p> {
    path: &'p str,
    members: &'a [(String, Json)],
}

impl<'a> Object<'a, '_> {
    fn get(&self, name: &str) -> Option<&'a Json> {
        self.members.iter().find(|(k, _)| k == name).map(|(_, v)| v)
    }

    /// Like `get`, but null counts as absent, as it does for serde's
    /// `Option` fields.
    fn get_present(&self, name: &str) -> Option<&'a Json> {
        self.get(name).filter(|v| !matches!(v, Json::Null))
    }
}

impl Reader {
    fn shape(&mut self, path: &str, message: String) {
        self.errors.push(BundleError::new(path, ErrorKind::Shape(message)));
    }

    fn wrong_type(&mut self, path: &str, value: &Json, expected: &str) {
        let mut message = String::from("invalid type: ");
        describe(&mut message, value);
        message.push_str(", expected ");
        message.push_str(expected);
        self.shape(path, message);
    }

    /// An object with exactly these fields (others are an error, because
    /// they are usually typos).
    fn object<'a, 'p>(
        &mut self,
        path: &'p str,
        value: &'a Json,
        what: &str,
        fields: &[&str],
    ) -> Option<Object<'a, 'p>> {
        let Json::Object(members) = value else {
            self.wrong_type(path, value, what);
            return None;
        };
        for (key, _) in members {
            if !fields.contains(&key.as_str()) {
                let mut message = String::from("unknown field `");
                push_shortened(&mut message, key);
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
        Some(Object { path, members })
    }

    fn required<'a>(&mut self, obj: &Object<'a, '_>, name: &str) -> Option<&'a Json> {
        let found = obj.get(name);
        if found.is_none() {
            let mut message = String::from("missing field `");
            message.push_str(name);
            message.push('`');
            self.shape(obj.path, message);
        }
        found
    }

    /// A required text; empty when it has an error (reported, so the
    /// bundle is refused and the placeholder never read).
    fn string(&mut self, obj: &Object, name: &str) -> String {
        self.required(obj, name)
            .and_then(|value| self.string_value(obj.path, name, value))
            .unwrap_or_default()
    }

    /// The text of field `name` of the object at `path`.
    fn string_value(&mut self, path: &str, name: &str, value: &Json) -> Option<String> {
        match value {
            Json::String(s) => Some(s.clone()),
            other => {
                self.wrong_type(&join(path, name), other, "a string");
                None
            }
        }
    }

    /// An optional text: absent or null is `None`.
    fn optional_string(&mut self, obj: &Object, name: &str) -> Option<String> {
        let value = obj.get_present(name)?;
        self.string_value(obj.path, name, value)
    }

    /// The number of field `name` of the object at `path`.
    fn number_value(&mut self, path: &str, name: &str, value: &Json) -> Option<f64> {
        match value {
            Json::Number(n) => Some(*n),
            other => {
                self.wrong_type(&join(path, name), other, "a number");
                None
            }
        }
    }

    /// A list of objects read by `item`, leaving out those that are not
    /// objects (their errors are reported).
    fn list<T>(&mut self, path: &str, value: &Json, item: fn(&mut Self, &str, &Json) -> Option<T>) -> Vec<T> {
        let Json::Array(items) = value else {
            self.wrong_type(path, value, "an array");
            return Vec::new();
        };
        let mut out = Vec::new();
        for (i, v) in items.iter().enumerate() {
            if let Some(t) = item(self, &index(path, i), v) {
                out.push(t);
            }
        }
        out
    }

    // The readers below return a value even where a field has an error
    // (an empty text, a zero, an empty list): the error is reported, and
    // `read_bundle` returns no bundle once there is one, so the
    // placeholders are never read. Their fields are read in the order they
    // are written, which is the order their errors are reported in.

    fn bundle(&mut self, value: &Json) -> Option<RawBundle> {
        let obj = self.object(
            "",
            value,
            "a bundle object",
            &["schema", "lang", "operation", "sources", "facts", "dates"],
        )?;
        Some(RawBundle {
            schema: match self.required(&obj, "schema") {
                Some(&Json::Number(n)) if n >= 0.0 && crate::num::fract(n) == 0.0 && n <= u32::MAX as f64 => n as u32,
                Some(other) => {
                    self.wrong_type("schema", other, "a schema version number");
                    0
                }
                None => 0,
            },
            lang: self.optional_string(&obj, "lang"),
            operation: self
                .required(&obj, "operation")
                .and_then(|v| self.operation(v))
                .unwrap_or_default(),
            sources: match self.required(&obj, "sources") {
                Some(v) => self.list("sources", v, Self::source),
                None => Vec::new(),
            },
            facts: match self.required(&obj, "facts") {
                Some(v) => self.list("facts", v, Self::fact),
                None => Vec::new(),
            },
            dates: match obj.get("dates") {
                Some(v) => self.list("dates", v, Self::date),
                None => Vec::new(),
            },
        })
    }

    fn operation(&mut self, value: &Json) -> Option<RawOperation> {
        let o = self.object(
            "operation",
            value,
            "an operation object",
            &["id", "name", "summary", "announced"],
        )?;
        Some(RawOperation {
            id: self.string(&o, "id"),
            name: self.string(&o, "name"),
            summary: self.string(&o, "summary"),
            announced: self.string(&o, "announced"),
        })
    }

    fn source(&mut self, path: &str, value: &Json) -> Option<RawSource> {
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
        Some(RawSource {
            id: self.string(&o, "id"),
            publisher: self.string(&o, "publisher"),
            title: self.string(&o, "title"),
            date: self.string(&o, "date"),
            url: self.optional_string(&o, "url"),
            url_confirmed: match o.get("url_confirmed") {
                None => false,
                Some(Json::Bool(b)) => *b,
                Some(other) => {
                    self.wrong_type(&join(path, "url_confirmed"), other, "true or false");
                    false
                }
            },
            kind: self.string(&o, "kind"),
            seed: self.optional_string(&o, "seed"),
            lang: self.optional_string(&o, "lang"),
        })
    }

    fn citation(&mut self, path: &str, value: &Json) -> Option<RawCitation> {
        let o = self.object(path, value, "a citation object", &["source", "quote", "attributed_to"])?;
        Some(RawCitation {
            source: self.string(&o, "source"),
            quote: self.string(&o, "quote"),
            attributed_to: self.optional_string(&o, "attributed_to"),
        })
    }

    fn citations(&mut self, o: &Object) -> Vec<RawCitation> {
        match self.required(o, "citations") {
            Some(v) => self.list(&join(o.path, "citations"), v, Self::citation),
            None => Vec::new(),
        }
    }

    fn disagreement(&mut self, o: &Object) -> Option<RawDisagreement> {
        let v = o.get_present("disagreement")?;
        let path = join(o.path, "disagreement");
        let d = self.object(&path, v, "a disagreement object", &["reason", "claims"])?;
        Some(RawDisagreement {
            reason: self.string(&d, "reason"),
            claims: match self.required(&d, "claims") {
                Some(v) => self.list(&join(&path, "claims"), v, Self::claim),
                None => Vec::new(),
            },
        })
    }

    fn claim(&mut self, path: &str, value: &Json) -> Option<RawClaim> {
        let o = self.object(
            path,
            value,
            "a claim object",
            &["value", "date", "qualifier", "citations"],
        )?;
        // As serde does, a claim whose value has the wrong type is not read
        // further.
        let value = match o.get_present("value") {
            Some(v) => Some(self.number_value(path, "value", v)?),
            None => None,
        };
        Some(RawClaim {
            value,
            date: self.optional_string(&o, "date"),
            qualifier: self.optional_string(&o, "qualifier"),
            citations: self.citations(&o),
        })
    }

    fn fact(&mut self, path: &str, value: &Json) -> Option<RawFact> {
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
        Some(RawFact {
            id: self.string(&o, "id"),
            metric: self.string(&o, "metric"),
            scope: self.string(&o, "scope"),
            value: self
                .required(&o, "value")
                .and_then(|v| self.number_value(path, "value", v))
                .unwrap_or_default(),
            unit: self.string(&o, "unit"),
            qualifier: self.string(&o, "qualifier"),
            label: self.optional_string(&o, "label"),
            citations: self.citations(&o),
            disagreement: self.disagreement(&o),
        })
    }

    fn date(&mut self, path: &str, value: &Json) -> Option<RawDate> {
        let o = self.object(
            path,
            value,
            "a date object",
            &["id", "event", "date", "label", "citations", "disagreement"],
        )?;
        Some(RawDate {
            id: self.string(&o, "id"),
            event: self.string(&o, "event"),
            date: self.string(&o, "date"),
            label: self.optional_string(&o, "label"),
            citations: self.citations(&o),
            disagreement: self.disagreement(&o),
        })
    }
}

/// "string \"7\"", "a number", "null": what was found, for messages. Text
/// is quoted and cut, never echoed whole; numbers are not printed (that
/// would need float formatting in the wasm).
fn describe(out: &mut String, value: &Json) {
    match value {
        Json::Null => out.push_str("null"),
        Json::Bool(true) => out.push_str("boolean `true`"),
        Json::Bool(false) => out.push_str("boolean `false`"),
        Json::Number(_) => out.push_str("a number"),
        Json::String(s) => {
            out.push_str("string \"");
            push_shortened(out, s);
            out.push('"');
        }
        Json::Array(_) => out.push_str("an array"),
        Json::Object(_) => out.push_str("an object"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_or_hostile_text_is_cut_and_escaped_inside_its_quotes() {
        let long = "k".repeat(81);
        let text = alloc::format!(r#"{{"{long}": 1, "schema": "a\"\u001b"}}"#);
        let value = crate::facts::json::parse(&text).unwrap();
        let errors = read_bundle(&value).unwrap_err();
        let mut messages = String::new();
        errors.write_to(&mut messages);
        let mut lines = messages.lines();
        let first = lines.next().unwrap_or_default();
        let cut = alloc::format!("`{} (cut)`, expected one of `schema`", &long[..80]);
        assert!(first.contains(&cut), "{first}");
        assert_eq!(
            lines.next(),
            Some("schema: invalid type: string \"a\\\"\\u001B\", expected a schema version number")
        );
    }
}
