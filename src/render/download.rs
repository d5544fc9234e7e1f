//! "Get the data": two download links built in Rust as `data:` URLs, so the
//! browser needs no script of ours to save them and a strict CSP is fine.
//!
//! The CSV is `export::csv`, byte for byte what `spector-facts export`
//! writes; the JSON is the bundle text the widget was given.

use alloc::string::String;

use crate::export;
use crate::facts::Bundle;
use crate::i18n::{Key, Locale};
use crate::text::push_escaped;

/// The hex digit of a nibble, upper case.
fn hex(nibble: u8) -> char {
    let n = nibble & 0x0f;
    char::from(if n < 10 { b'0' + n } else { b'A' + (n - 10) })
}

/// Appends `text` percent-encoded as UTF-8: every byte except the
/// unreserved characters (`A–Z a–z 0–9 - _ . ~`) becomes `%XX`. The result
/// is safe inside a double-quoted attribute and decodes to exactly `text`.
pub fn push_percent_encoded(out: &mut String, text: &str) {
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(char::from(b));
        } else {
            out.push('%');
            out.push(hex(b >> 4));
            out.push(hex(b));
        }
    }
}

/// The name the bundle is saved under: the operation id kept to
/// `[a-z0-9-]` (as the CSV's name), e.g. `spector.json`.
pub fn json_file_name(bundle: &Bundle) -> String {
    let mut name = export::id_stem(bundle);
    if name.is_empty() {
        name.push_str("bundle");
    }
    name.push_str(".json");
    name
}

/// The name the CSV is saved under, e.g. `spector-facts.csv`.
pub fn csv_file_name(bundle: &Bundle) -> String {
    let mut name = export::file_stem(bundle);
    name.push_str(".csv");
    name
}

fn push_link(out: &mut String, class: &str, name: &str, mime: &str, body: &str, text: Key, t: &Locale) {
    out.push_str("<a class=\"dl ");
    out.push_str(class);
    out.push_str("\" download=\"");
    push_escaped(out, name);
    out.push_str("\" href=\"data:");
    out.push_str(mime);
    out.push_str(";charset=utf-8,");
    push_percent_encoded(out, body);
    out.push_str("\">");
    t.push(out, text);
    out.push_str(" <span class=\"dl-name\">");
    push_escaped(out, name);
    out.push_str("</span></a>");
}

/// Appends the "Get the data" section: the figures as CSV, and the bundle
/// as JSON when its text is known.
pub fn push_downloads(out: &mut String, bundle: &Bundle, bundle_json: Option<&str>, t: &Locale) {
    out.push_str("<section class=\"data\"><h3 class=\"data-title\">");
    t.push(out, Key::DataTitle);
    out.push_str("</h3><p class=\"dls\">");
    push_link(
        out,
        "dl-csv",
        &csv_file_name(bundle),
        "text/csv",
        &export::csv(bundle),
        Key::DataCsv,
        t,
    );
    if let Some(json) = bundle_json {
        out.push(' ');
        push_link(
            out,
            "dl-json",
            &json_file_name(bundle),
            "application/json",
            json,
            Key::DataJson,
            t,
        );
    }
    out.push_str("</p></section>");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percent_encoding_keeps_only_unreserved_characters() {
        let mut out = String::new();
        push_percent_encoded(&mut out, "a-Z_0.~ ,\n\"<€'%");
        assert_eq!(out, "a-Z_0.~%20%2C%0A%22%3C%E2%82%AC%27%25");
    }
}
