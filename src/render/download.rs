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

/// Whether a byte of a `data:` URL's body must be written `%XX`: the
/// characters that a URL parser strips, splits on or decodes (controls,
/// space, `#`, `%`, DEL) and those that would end or open something in a
/// double-quoted attribute (`"`, `&`, `'`, `<`, `>`).
fn must_escape(b: u8) -> bool {
    b <= b' ' || matches!(b, b'"' | b'#' | b'%' | b'&' | b'\'' | b'<' | b'>' | 0x7f)
}

/// Appends `text` as the body of a `data:` URL inside a double-quoted
/// attribute: the characters `must_escape` names become `%XX`, and the
/// rest, non-ASCII included, stay as written, which the browser's URL
/// parser keeps or encodes as UTF-8 itself. The link decodes to exactly
/// `text`. (Encoding every byte but the unreserved ones made the JSON's
/// link 3 KB longer, 42.8 KB, for the browser to parse and keep for each
/// widget; its spaces and quotes take most of the rest.)
pub fn push_percent_encoded(out: &mut String, text: &str) {
    for c in text.chars() {
        match u8::try_from(c) {
            Ok(b) if must_escape(b) => {
                out.push('%');
                out.push(hex(b >> 4));
                out.push(hex(b));
            }
            _ => out.push(c),
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
    fn percent_encoding_escapes_what_a_url_or_an_attribute_would_change() {
        let mut out = String::new();
        push_percent_encoded(&mut out, "a-Z_0.~ ,\n\"<€'%#&>{}[]?\t\u{7f}");
        assert_eq!(out, "a-Z_0.~%20,%0A%22%3C€%27%25%23%26%3E{}[]?%09%7F");
    }
}
