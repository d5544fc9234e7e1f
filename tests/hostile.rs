//! Hostile and broken bundles (tests/fixtures/hostile/, written by its
//! generate.py): each one is refused with an error naming its JSON path and
//! problem, or, when it is actually valid, renders with all of its text
//! escaped. The huge inputs (20 MB, a 5 MB string, nesting 10,000 deep,
//! 1,001 figures) are made here at run time rather than committed.
#![cfg(not(target_arch = "wasm32"))]

use spector_widget::facts::{
    self, check_limits, parse_json, raw::RawBundle, validate, Bundle, ErrorKind, EMBEDDED_JSON,
};
use spector_widget::geo::World;
use spector_widget::{export, render};
use std::collections::BTreeSet;
use std::fs;
use std::path::PathBuf;
use std::process::Command;

const DIR: &str = "tests/fixtures/hostile";
const BIN: &str = env!("CARGO_BIN_EXE_spector-facts");

/// Refused fixtures: file name → a substring of the error text (all errors
/// joined by newlines), which names the JSON path first where there is one.
const REFUSED: &[(&str, &str)] = &[
    // Not JSON, or cut off.
    (
        "truncated-half.json",
        "not valid JSON: EOF while parsing a string at line 36",
    ),
    (
        "truncated-in-string.json",
        "not valid JSON: EOF while parsing a string at line 6 column 23",
    ),
    (
        "empty-file.json",
        "not valid JSON: EOF while parsing a value at line 1 column 1",
    ),
    ("whitespace-only.json", "not valid JSON: EOF while parsing a value"),
    ("trailing-comma.json", "not valid JSON: trailing comma at line 18"),
    (
        "single-quotes.json",
        "not valid JSON: use straight double quotes (\") around keys and strings, not curly or single quotes at line 1 column 2",
    ),
    (
        "curly-quotes.json",
        "not valid JSON: use straight double quotes (\") around keys and strings, not curly or single quotes at line 6 column 5",
    ),
    (
        "thousands-separator.json",
        "not valid JSON: numbers take no thousands separators and use a decimal point (write 1234567, or 1.5) at line 25 column 18",
    ),
    (
        "decimal-comma.json",
        "not valid JSON: numbers take no thousands separators and use a decimal point (write 1234567, or 1.5) at line 39 column 17",
    ),
    (
        "unquoted-key.json",
        "not valid JSON: key must be a string at line 2 column 3",
    ),
    ("comment.json", "not valid JSON: expected value at line 1 column 1"),
    ("nan-literal.json", "not valid JSON: expected value at line 25"),
    ("two-documents.json", "not valid JSON: trailing characters"),
    ("bad-escape.json", "not valid JSON: invalid escape at line 13"),
    (
        "raw-control-in-string.json",
        "not valid JSON: control character (\\u0000-\\u001F) found while parsing a string",
    ),
    (
        "lone-surrogate.json",
        "not valid JSON: lone leading surrogate in hex escape at line 13 column 26",
    ),
    ("value-1e400.json", "not valid JSON: number out of range at line 25"),
    // As text, which a file or a `src` becomes with a UTF-8 byte-order mark
    // skipped (`facts::utf8`): see the tests of bytes below.
    ("bom.json", "starts with a byte-order mark (U+FEFF)"),
    ("nesting-33.json", "nesting deeper than 32 levels at line 25 column 45"),
    // Wrong types at every level.
    ("top-array.json", "invalid type: an array, expected a bundle object"),
    (
        "top-string.json",
        "invalid type: string \"a bundle\", expected a bundle object",
    ),
    ("top-number.json", "invalid type: a number, expected a bundle object"),
    ("top-null.json", "invalid type: null, expected a bundle object"),
    ("empty-object.json", "missing field `schema`"),
    ("empty-array.json", "invalid type: an array, expected a bundle object"),
    (
        "schema-string.json",
        "schema: invalid type: string \"1\", expected a schema version number",
    ),
    (
        "operation-string.json",
        "operation: invalid type: string \"Operation Example\", expected an operation object",
    ),
    ("operation-empty.json", "operation: missing field `id`"),
    (
        "sources-object.json",
        "sources: invalid type: an object, expected an array",
    ),
    (
        "value-string.json",
        "facts[0].value: invalid type: string \"12\", expected a number",
    ),
    (
        "value-bool.json",
        "facts[0].value: invalid type: boolean `true`, expected a number",
    ),
    (
        "value-null.json",
        "facts[0].value: invalid type: null, expected a number",
    ),
    (
        "value-array.json",
        "facts[0].value: invalid type: an array, expected a number",
    ),
    (
        "citations-string.json",
        "facts[0].citations: invalid type: string \"agency\", expected an array",
    ),
    (
        "quote-number.json",
        "facts[0].citations[0].quote: invalid type: a number, expected a string",
    ),
    (
        "url-confirmed-string.json",
        "sources[0].url_confirmed: invalid type: string \"yes\", expected true or false",
    ),
    ("dates-null.json", "dates: invalid type: null, expected an array"),
    // Empty lists and texts.
    ("empty-sources.json", "sources: needs at least one source"),
    ("empty-facts.json", "facts: needs at least one figure"),
    (
        "empty-citations.json",
        "facts[1].citations: needs at least one citation",
    ),
    ("empty-name.json", "operation.name: must not be empty"),
    // Unknown fields at several levels.
    ("unknown-field-top.json", "extra: unknown field `extra`"),
    (
        "unknown-field-operation.json",
        "operation.colour: unknown field `colour`",
    ),
    ("unknown-field-source.json", "sources[0].href: unknown field `href`"),
    (
        "unknown-field-citation.json",
        "facts[0].citations[0].page: unknown field `page`",
    ),
    (
        "unknown-field-hidden-key.json",
        "operation[\"a\\u001B[2J\\u202Eb\"]: unknown field `a\\u001B[2J\\u202Eb`",
    ),
    (
        "unknown-field-claim.json",
        "facts[0].disagreement.claims[0].note: unknown field `note`",
    ),
    // References.
    (
        "citation-unknown-source.json",
        "facts[1].citations[0].source: unknown source \"nobody\"",
    ),
    (
        "claim-unknown-source.json",
        "facts[0].disagreement.claims[0].citations[0].source: unknown source \"ghost\"",
    ),
    (
        "date-claim-with-value.json",
        "dates[0].disagreement.claims[0]: a claim needs a value (for a figure) or a date",
    ),
    // Ids.
    ("duplicate-source-id.json", "sources[1].id: duplicate id \"agency\""),
    ("duplicate-fact-id.json", "facts[2].id: duplicate id \"arrests-de\""),
    (
        "duplicate-fact-and-date-id.json",
        "dates[0].id: duplicate id \"arrests-all\"",
    ),
    (
        "id-with-space.json",
        "facts[0].id: bad id \"arrests all\", expected only letters, digits, -, _ and .",
    ),
    ("id-with-quote.json", "sources[0].id: bad id \"agency\\\"><script>\""),
    ("operation-id-path.json", "operation.id: bad id \"../../etc/passwd\""),
    // Country codes.
    (
        "country-uk.json",
        "facts[1].scope: unknown country code \"UK\", expected ALL or an ISO 3166-1 alpha-2 code; write \"GB\" for the United Kingdom",
    ),
    (
        "country-el.json",
        "facts[1].scope: unknown country code \"EL\", expected ALL or an ISO 3166-1 alpha-2 code; write \"GR\" for Greece",
    ),
    (
        "country-eu.json",
        "facts[1].scope: unknown country code \"EU\", expected ALL or an ISO 3166-1 alpha-2 code",
    ),
    (
        "country-lower-us.json",
        "facts[1].scope: \"us\" must be written \"US\" (in capitals)",
    ),
    (
        "country-lower-all.json",
        "facts[1].scope: \"all\" must be written \"ALL\" (in capitals)",
    ),
    ("country-xx.json", "facts[1].scope: unknown country code \"XX\""),
    (
        "country-all-space.json",
        "facts[1].scope: \"ALL \" must be written \"ALL\" (without spaces)",
    ),
    ("country-empty.json", "facts[1].scope: unknown country code \"\""),
    // Numbers.
    ("value-negative.json", "facts[1].value: must not be negative"),
    ("value-1e308.json", "facts[0].value: must not be more than 10^15"),
    ("value-above-max.json", "facts[0].value: must not be more than 10^15"),
    (
        "value-fraction-people.json",
        "facts[1].value: must be a whole number of people",
    ),
    (
        "value-fraction-firearms.json",
        "facts[1].value: must be a whole number of firearms",
    ),
    (
        "claim-fraction-people.json",
        "facts[0].disagreement.claims[0].value: must be a whole number of people",
    ),
    (
        "claim-negative.json",
        "facts[0].disagreement.claims[0].value: must not be negative",
    ),
    // Control characters.
    (
        "control-nul-in-quote.json",
        "facts[0].citations[0].quote: contains the control character U+0000; only tab and line breaks are allowed",
    ),
    (
        "control-escape-in-name.json",
        "operation.name: contains the control character U+001B",
    ),
    (
        "control-c1-in-title.json",
        "sources[0].title: contains the control character U+0085",
    ),
    // URLs: only absolute http(s).
    (
        "url-javascript.json",
        "sources[0].url: only http(s) URLs are allowed, got \"javascript:alert(1)\"",
    ),
    (
        "url-javascript-mixed-case.json",
        "sources[0].url: only http(s) URLs are allowed, got \"JaVaScRiPt:alert(1)\"",
    ),
    (
        "url-data.json",
        "sources[0].url: only http(s) URLs are allowed, got \"data:text/html,<script>alert(1)</script>\"",
    ),
    (
        "url-whitespace.json",
        "sources[0].url: the URL \"https://police.example/news/12 arrested\" contains a space; encode it as %20",
    ),
    (
        "url-leading-space.json",
        "sources[0].url: the URL \" https://police.example/\" starts or ends with a space; remove it",
    ),
    (
        "url-one-slash.json",
        "sources[0].url: only http(s) URLs are allowed, got \"https:/x\"",
    ),
    (
        "url-protocol-relative.json",
        "sources[0].url: only http(s) URLs are allowed, got \"//evil.example/x\"",
    ),
    (
        "url-no-host.json",
        "sources[0].url: the URL \"https://\" has no host; write it after the //, as in https://example.org/",
    ),
    (
        "url-no-host-path.json",
        "sources[0].url: the URL \"https:///news/12-arrested\" has no host; write it after the //, as in https://example.org/",
    ),
    (
        "url-tab.json",
        "sources[0].url: the URL \"https://police.example/news/12\\u0009arrested\" contains whitespace; remove it",
    ),
    (
        "url-host-space.json",
        "sources[0].url: the URL \"http://police .example/news\" has a space in its host; remove it",
    ),
    // Names, units, languages and dates as the widget reads them: a
    // metric, an event, a unit and a language have one spelling each.
    (
        "named-fields-markup.json",
        "facts[0].metric: \"<script>alert(1)</script>\" must be lower-case letters a-z and digits, starting with a letter, words joined by _",
    ),
    (
        "metric-capitalised.json",
        "facts[1].metric: \"Arrests\" must be written \"arrests\" (lower case, words joined by _)",
    ),
    (
        "metric-spaces.json",
        "facts[1].metric: \"firearms seized\" must be written \"firearms_seized\" (lower case, words joined by _)",
    ),
    (
        "event-capitalised.json",
        "dates[0].event: \"Announcement\" must be written \"announcement\" (lower case, words joined by _)",
    ),
    (
        "unit-kg-for-arrests.json",
        "facts[1].unit: unit \"kg\" does not fit metric \"arrests\", expected \"people\"",
    ),
    (
        "unit-usd-for-eur.json",
        "facts[0].unit: unit \"USD\" does not fit metric \"cash_and_crypto_eur\", expected \"EUR\"",
    ),
    (
        "unit-euro-sign.json",
        "facts[0].unit: \"\u{20ac}\" must be written \"EUR\" (money by its ISO 4217 code)",
    ),
    (
        "unit-unknown.json",
        "facts[1].unit: unit \"persons\" does not fit metric \"arrests\", expected \"people\"",
    ),
    (
        "lang-english.json",
        "lang: bad language tag \"English\", expected a BCP 47 tag such as en, de or pt-BR",
    ),
    (
        "announced-month.json",
        "operation.announced: bad date \"2024-03\", expected the day of the announcement, YYYY-MM-DD",
    ),
    (
        "date-february-30.json",
        "dates[0].date: bad date \"2021-02-30\": that month has 28 days",
    ),
    // A disagreement is another value.
    (
        "claim-same-value.json",
        "facts[0].disagreement.claims[0]: claims the same value as the figure; a disagreement needs another value",
    ),
    (
        "claim-same-date.json",
        "dates[0].disagreement.claims[0]: claims the same date as the one shown; a disagreement needs another date",
    ),
    // Lengths.
    (
        "quote-10001-chars.json",
        "facts[0].citations[0].quote: text of 10001 characters is longer than the 10000-character limit",
    ),
];

/// Valid fixtures: they must render, with their text shown only escaped.
const ACCEPTED: &[&str] = &[
    "brackets-in-strings.json",
    "control-tab-newline.json",
    "markup-attribute-breakout.json",
    "markup-entities.json",
    "markup-foreign-object.json",
    "markup-img-onerror.json",
    "markup-script.json",
    "markup-svg-close.json",
    "markup-svg-use.json",
    "quote-10000-chars.json",
    "unit-own-markup.json",
    "url-quote-breakout.json",
    "url-upper-case.json",
    "value-at-max.json",
    "value-fraction-kg.json",
    "value-negative-zero.json",
    "value-zero.json",
];

/// Read as bytes: not UTF-8, each with what the widget and the CLI both say
/// (`facts::parse_bytes`). A Latin-1 "é" in "Policé" is byte 253, on line
/// 12; a UTF-16 file starts with its byte-order mark.
const NOT_UTF8: &[(&str, &str)] = &[
    (
        "invalid-utf8.bin",
        "not UTF-8: invalid byte at byte offset 253 (line 12 column 26); save the file as UTF-8",
    ),
    (
        "utf16-bom.bin",
        "not UTF-8 but UTF-16 (it starts with a UTF-16 byte-order mark); save the file as UTF-8",
    ),
];

fn read(name: &str) -> String {
    fs::read_to_string(format!("{DIR}/{name}")).unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn world() -> World<'static> {
    World::embedded().unwrap()
}

fn error_text(text: &str) -> String {
    match parse_json(text) {
        Ok(_) => panic!("accepted"),
        Err(e) => {
            assert!(!e.0.is_empty());
            assert!(e.0.iter().all(|e| !e.to_string().is_empty()));
            e.to_string()
        }
    }
}

#[test]
fn every_fixture_is_in_exactly_one_table() {
    let mut on_disk: Vec<String> = fs::read_dir(DIR)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|n| n != "generate.py")
        .collect();
    on_disk.sort();
    let mut listed: Vec<String> = REFUSED
        .iter()
        .map(|(n, _)| n.to_string())
        .chain(ACCEPTED.iter().map(|n| n.to_string()))
        .chain(NOT_UTF8.iter().map(|(n, _)| n.to_string()))
        .collect();
    listed.sort();
    let unique: BTreeSet<&String> = listed.iter().collect();
    assert_eq!(unique.len(), listed.len(), "a fixture is listed twice");
    assert_eq!(
        on_disk, listed,
        "run tests/fixtures/hostile/generate.py, and list every file in tests/hostile.rs"
    );
    assert!(on_disk.len() >= 40);
}

#[test]
fn every_refused_fixture_names_its_path_and_problem() {
    let mut wrong = Vec::new();
    for (name, expected) in REFUSED {
        let text = read(name);
        match parse_json(&text) {
            Ok(_) => wrong.push(format!("{name}: accepted, expected {expected:?}")),
            Err(errors) => {
                assert!(!errors.0.is_empty(), "{name}: Err with no errors");
                for e in &errors.0 {
                    assert!(!e.to_string().is_empty(), "{name}: empty message");
                    assert!(!e.is_warning(), "{name}: a warning in Err");
                }
                let all = errors.to_string();
                if !all.contains(expected) {
                    wrong.push(format!("{name}: expected {expected:?}, got {all:?}"));
                }
            }
        }
    }
    assert!(wrong.is_empty(), "\n{}", wrong.join("\n"));
}

/// A character that must not reach a terminal or a screen raw: one that
/// drives the terminal, or one that reorders the text around it.
fn is_hidden(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

#[test]
fn no_message_carries_a_hidden_character_from_the_bundle_in_either_reader() {
    for (name, _) in REFUSED {
        let text = read(name);
        for result in [parse_json(&text), facts::parse_json_with_serde(&text)] {
            for e in result.err().into_iter().flat_map(|errors| errors.0) {
                let message = e.to_string();
                assert!(!message.chars().any(is_hidden), "{name}: {message:?}");
            }
        }
    }
}

/// One start or end tag of the widget's markup: its name and attributes.
#[derive(Debug)]
struct Tag {
    name: String,
    closing: bool,
    attrs: Vec<(String, String)>,
}

/// Splits markup into tags. Bundle text is escaped, so every `<` in the
/// output opens a real tag and every `"` ends a real attribute value; a
/// parse of the markup's own structure is therefore a parse of what a
/// browser would build.
fn tags(markup: &str) -> Vec<Tag> {
    let bytes = markup.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(off) = markup[i..].find('<') {
        i += off + 1;
        let closing = bytes.get(i) == Some(&b'/');
        if closing {
            i += 1;
        }
        let start = i;
        while i < bytes.len() && !bytes[i].is_ascii_whitespace() && bytes[i] != b'>' && bytes[i] != b'/' {
            i += 1;
        }
        let name = markup[start..i].to_ascii_lowercase();
        let mut attrs = Vec::new();
        loop {
            while i < bytes.len() && (bytes[i].is_ascii_whitespace() || bytes[i] == b'/') {
                i += 1;
            }
            if i >= bytes.len() || bytes[i] == b'>' {
                i += 1;
                break;
            }
            let a = i;
            while i < bytes.len() && !bytes[i].is_ascii_whitespace() && !matches!(bytes[i], b'=' | b'>' | b'/') {
                i += 1;
            }
            let attr = markup[a..i].to_ascii_lowercase();
            let mut value = String::new();
            if bytes.get(i) == Some(&b'=') {
                i += 1;
                let quote = bytes[i];
                assert!(
                    quote == b'"',
                    "unquoted attribute {attr} in <{name}>: {}",
                    &markup[a..(a + 80).min(markup.len())]
                );
                i += 1;
                let v = i;
                while bytes[i] != quote {
                    i += 1;
                }
                value = markup[v..i].to_owned();
                i += 1;
            }
            attrs.push((attr, value));
        }
        out.push(Tag { name, closing, attrs });
    }
    out
}

/// The `href`s of the widget's own `<use>` elements, from the shipped
/// bundle and the minimal one.
fn own_use_hrefs() -> BTreeSet<String> {
    let world = world();
    let mut hrefs = BTreeSet::new();
    for text in [
        EMBEDDED_JSON.to_owned(),
        fs::read_to_string("tests/fixtures/valid-minimal.json").unwrap(),
    ] {
        let markup = render::widget(&parse_json(&text).unwrap(), &world);
        for tag in tags(&markup).iter().filter(|t| t.name == "use" && !t.closing) {
            for (name, value) in &tag.attrs {
                if name == "href" || name == "xlink:href" {
                    hrefs.insert(value.clone());
                }
            }
        }
    }
    hrefs
}

/// The markup has no element or attribute that bundle text could have
/// smuggled in.
fn assert_harmless(name: &str, markup: &str, own_uses: &BTreeSet<String>) {
    assert!(markup.starts_with("<div"), "{name}: {markup:.100}");
    let lower = markup.to_ascii_lowercase();
    for bad in [
        "<script",
        "<img",
        "<foreignobject",
        "<iframe",
        "<object",
        "<embed",
        "<style",
        "<!--",
        "<![cdata[",
    ] {
        assert!(!lower.contains(bad), "{name}: {bad} in the markup");
    }
    for tag in tags(markup) {
        assert!(
            !tag.name.is_empty() && tag.name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-'),
            "{name}: odd tag {tag:?}"
        );
        for (attr, value) in &tag.attrs {
            assert!(
                !attr.starts_with("on"),
                "{name}: event handler attribute {attr} on <{}>",
                tag.name
            );
            assert!(
                attr.bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b':'),
                "{name}: odd attribute {attr:?} on <{}>",
                tag.name
            );
            assert!(
                !matches!(attr.as_str(), "src" | "srcdoc" | "action" | "formaction" | "style"),
                "{name}: {attr}"
            );
            if attr == "href" || attr == "xlink:href" {
                let v = value.to_ascii_lowercase();
                let own_download = tag.name == "a"
                    && tag
                        .attrs
                        .iter()
                        .any(|(a, c)| a == "class" && c.split(' ').any(|c| c == "dl"))
                    && (v.starts_with("data:text/csv;charset=utf-8,")
                        || v.starts_with("data:application/json;charset=utf-8,"));
                let ok = v.starts_with("https://")
                    || v.starts_with("http://")
                    || own_download
                    || (v.starts_with('#') && tag.name != "use");
                let own_use = tag.name == "use" && own_uses.contains(value);
                assert!(ok || own_use, "{name}: href {value:?} on <{}>", tag.name);
                if own_download {
                    // The bundle's own text, as the body of a data: URL:
                    // nothing in it may end the attribute or the URL.
                    assert!(!value.contains(['"', '<', '>', '&', '#', ' ', '\n']), "{name}: {value}");
                } else {
                    assert!(!v.contains("javascript:"), "{name}: {value}");
                    assert!(!v.contains("data:"), "{name}: {value}");
                }
            }
        }
    }
}

fn escaped(text: &str) -> String {
    let mut out = String::new();
    spector_widget::text::push_escaped(&mut out, text);
    out
}

/// A markup fixture's bundle with its payload also in the fields the
/// checker holds to one spelling (a metric, a unit, an event, the
/// languages), where a bundle can no longer carry it: the renderer
/// escapes them all the same, as it must for any `Bundle`.
fn with_payload_in_named_fields(name: &str, mut bundle: Bundle) -> Bundle {
    if name.starts_with("markup-") {
        let payload = bundle.operation.name.clone();
        bundle.lang = payload.clone();
        bundle.sources[0].lang = payload.clone();
        bundle.facts[0].metric = payload.clone();
        bundle.facts[0].unit = payload.clone();
        bundle.dates[0].event = payload;
    }
    bundle
}

#[test]
fn every_accepted_fixture_renders_with_its_text_escaped() {
    let world = world();
    let own_uses = own_use_hrefs();
    for name in ACCEPTED {
        let text = read(name);
        let bundle = parse_json(&text).unwrap_or_else(|e| panic!("{name}: {e}"));
        let bundle = with_payload_in_named_fields(name, bundle);
        let markup = render::widget(&bundle, &world);
        assert_harmless(name, &markup, &own_uses);
        let with_json = render::widget_with_bundle_text(&bundle, &world, Some(&text));
        assert_harmless(name, &with_json, &own_uses);
        // The hostile text is there for the reader to see, escaped.
        assert!(
            markup.contains(&escaped(&bundle.operation.name)),
            "{name}: the title is not shown"
        );
        let _ = export::csv(&bundle);
        let _ = export::json(&bundle);
    }
}

#[test]
fn the_markup_payloads_reach_every_text_field_and_stay_text() {
    let text = read("markup-script.json");
    let bundle = with_payload_in_named_fields("markup-script.json", parse_json(&text).unwrap());
    let markup = render::widget(&bundle, &world());
    let shown = escaped("<script>alert(1)</script>");
    assert!(markup.matches(&shown).count() >= 3, "{markup:.400}");
    assert!(!markup.contains("<script>"));
}

#[test]
fn an_upper_case_https_url_is_a_link() {
    let bundle = parse_json(&read("url-upper-case.json")).unwrap();
    assert_eq!(
        bundle.sources[0].url.as_deref(),
        Some("HTTPS://POLICE.EXAMPLE/NEWS/12-ARRESTED")
    );
    let markup = render::widget(&bundle, &world());
    assert!(markup.contains("href=\"HTTPS://POLICE.EXAMPLE/NEWS/12-ARRESTED\""));
}

#[test]
fn zero_is_a_valid_count_and_fractions_are_fine_for_kilograms() {
    let bundle = parse_json(&read("value-zero.json")).unwrap();
    assert_eq!(bundle.facts[2].value, 0.0);
    let bundle = parse_json(&read("value-fraction-kg.json")).unwrap();
    assert_eq!(bundle.facts[0].value, 2.5);
}

#[test]
fn bytes_that_are_not_utf8_are_refused_with_where_and_why_by_the_cli_as_by_the_widget() {
    for (name, expected) in NOT_UTF8 {
        let bytes = fs::read(format!("{DIR}/{name}")).unwrap();
        assert!(String::from_utf8(bytes.clone()).is_err(), "{name}");
        // The widget's reader module reads a `src`'s bytes with
        // `parse_bytes`; so does `spector-facts`, which used to say only
        // "cannot read FILE: stream did not contain valid UTF-8" (exit 2),
        // where the widget showed "Polic\u{FFFD}" or a JSON syntax error.
        assert_eq!(facts::parse_bytes(&bytes).unwrap_err().to_string(), *expected, "{name}");
        let out = Command::new(BIN)
            .args(["check", &format!("{DIR}/{name}")])
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{name}: {stderr}");
        assert_eq!(stderr, format!("{DIR}/{name}: {expected}\n"));
    }
}

#[test]
fn bytes_are_read_as_utf8_with_a_utf8_byte_order_mark_skipped() {
    let text = read("value-zero.json");
    let message = |bytes: &[u8]| facts::parse_bytes(bytes).unwrap_err().to_string();
    // A UTF-8 byte-order mark goes, as a browser's decoding drops it; the
    // offset of a wrong byte still counts it, as a hex editor does.
    let with_bom = [&b"\xEF\xBB\xBF"[..], text.as_bytes()].concat();
    assert_eq!(facts::parse_bytes(&with_bom).unwrap(), parse_json(&text).unwrap());
    assert_eq!(facts::utf8(&with_bom).unwrap(), text);
    assert_eq!(
        message(b"\xEF\xBB\xBF{\n \"a\": \"caf\xE9\"}"),
        "not UTF-8: invalid byte at byte offset 15 (line 2 column 11); save the file as UTF-8"
    );
    // Only one: a second is the text's first character, as in a browser.
    assert_eq!(
        message(b"\xEF\xBB\xBF\xEF\xBB\xBF{}"),
        "starts with a byte-order mark (U+FEFF), which JSON does not allow; save the file as UTF-8 without BOM"
    );
    // UTF-16 in either byte order, and a sequence cut off at the end.
    for bom in [&b"\xFF\xFE{\0}\0"[..], b"\xFE\xFF\0{\0}"] {
        assert_eq!(
            message(bom),
            "not UTF-8 but UTF-16 (it starts with a UTF-16 byte-order mark); save the file as UTF-8"
        );
    }
    assert_eq!(
        message(b"{}\xE2\x82"),
        "not UTF-8: invalid byte at byte offset 2 (line 1 column 3); save the file as UTF-8"
    );
    // The CLI reads a file with a UTF-8 byte-order mark as the widget does.
    let out = Command::new(BIN)
        .args(["check", &format!("{DIR}/bom.json")])
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(
        stdout.starts_with("tests/fixtures/hostile/bom.json: ok, Operation Example"),
        "{stdout}"
    );
}

/// A scratch directory for the generated huge inputs, removed on drop.
struct Scratch(PathBuf);

impl Scratch {
    fn new(tag: &str) -> Scratch {
        let dir = std::env::temp_dir().join(format!("spector-hostile-{}-{tag}", std::process::id()));
        fs::create_dir_all(&dir).unwrap();
        Scratch(dir)
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.0);
    }
}

fn minimal() -> serde_json::Value {
    serde_json::from_str(&fs::read_to_string("tests/fixtures/valid-minimal.json").unwrap()).unwrap()
}

#[test]
fn a_20_mb_bundle_is_refused_by_the_size_cap_before_parsing() {
    let scratch = Scratch::new("big");
    let mut json = minimal();
    json["facts"][0]["citations"][0]["quote"] = "x".repeat(20_000_000).into();
    let path = scratch.0.join("big.json");
    fs::write(&path, json.to_string()).unwrap();
    let text = fs::read_to_string(&path).unwrap();
    // check_limits looks at the length only: the cap holds whatever the text.
    let limits = check_limits(&text).unwrap_err();
    assert_eq!(limits.0.len(), 1);
    assert!(matches!(
        limits.0[0].kind,
        ErrorKind::TooLarge {
            limit: facts::MAX_BYTES,
            ..
        }
    ));
    assert_eq!(limits.to_string(), "bundle is 20.1 MB, larger than the 2 MB limit");
    assert_eq!(parse_json(&text).unwrap_err(), limits);
    // Even text that is not JSON at all is refused for its size first.
    let junk = "[".repeat(facts::MAX_BYTES + 1);
    assert!(error_text(&junk).starts_with("bundle is 2.1 MB, larger than the 2 MB limit"));
    // And the CLI says the same.
    let out = Command::new(BIN).arg("check").arg(&path).output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("bundle is 20.1 MB, larger than the 2 MB limit"),
        "{stderr}"
    );
}

#[test]
fn the_size_cap_is_exact() {
    let mut json = minimal();
    json["operation"]["summary"] = "".into();
    json["sources"][0]["title"] = "".into();
    let base = json.to_string().len();
    json["operation"]["summary"] = "é".repeat(4000).into();
    let pad = facts::MAX_BYTES - base - 8000;
    json["sources"][0]["title"] = "x".repeat(pad).into();
    let text = json.to_string();
    assert_eq!(text.len(), facts::MAX_BYTES);
    assert!(check_limits(&text).is_ok());
    let over = text.replacen('x', "xx", 1);
    assert!(error_text(&over).starts_with("bundle is 2.1 MB, larger than the 2 MB limit"));
}

#[test]
fn nesting_10000_deep_is_refused_by_the_depth_cap() {
    let arrays = "[".repeat(10_000) + &"]".repeat(10_000);
    assert_eq!(error_text(&arrays), "nesting deeper than 32 levels at line 1 column 33");
    let objects = "{\"a\":".repeat(10_000) + "1" + &"}".repeat(10_000);
    assert!(error_text(&objects).starts_with("nesting deeper than 32 levels"));
    let mut json = minimal();
    let mut deep = serde_json::Value::Null;
    for _ in 0..40 {
        deep = serde_json::Value::Array(vec![deep]);
    }
    json["facts"][0]["value"] = deep;
    let text = serde_json::to_string_pretty(&json).unwrap();
    assert!(error_text(&text).starts_with("nesting deeper than 32 levels at line "));
    // Unbalanced closing brackets do not fool the count; the parser reports them.
    assert!(error_text(&("]".repeat(100) + &"[".repeat(20))).starts_with("not valid JSON"));
}

#[test]
fn nesting_up_to_the_cap_reaches_the_parser() {
    let ok = "[".repeat(facts::MAX_DEPTH) + &"]".repeat(facts::MAX_DEPTH);
    assert!(check_limits(&ok).is_ok());
    let too_deep = "[".repeat(facts::MAX_DEPTH + 1) + &"]".repeat(facts::MAX_DEPTH + 1);
    assert!(check_limits(&too_deep).is_err());
    // Brackets inside strings, after escaped quotes and backslashes, do not count.
    let in_strings = format!("[\"\\\"{}\", \"\\\\\", \"{}\"]", "[".repeat(100), "{".repeat(100));
    assert!(check_limits(&in_strings).is_ok());
    let after_backslash = format!("[\"\\\\\"{}]", "[".repeat(40) + &"]".repeat(40));
    assert!(
        check_limits(&after_backslash).is_err(),
        "the string ended at \\\\\", so these brackets count"
    );
}

#[test]
fn a_5_mb_string_is_refused() {
    let mut json = minimal();
    json["facts"][1]["citations"][0]["quote"] = "y".repeat(5_000_000).into();
    let text = json.to_string();
    assert!(error_text(&text).starts_with("bundle is 5.1 MB, larger than the 2 MB limit"));
    // Without the size cap (validate alone, as after any parser), the string
    // cap names the field.
    let raw: RawBundle = serde_json::from_str(&text).unwrap();
    let errors = validate(&raw).unwrap_err();
    assert_eq!(
        errors.to_string(),
        "facts[1].citations[0].quote: text of 5000000 characters is longer than the 10000-character limit"
    );
}

#[test]
fn every_text_field_has_the_string_cap() {
    let long = "a".repeat(facts::MAX_STRING_CHARS + 1);
    let fields: &[&[&str]] = &[
        &["lang"],
        &["operation", "id"],
        &["operation", "name"],
        &["operation", "summary"],
        &["operation", "announced"],
        &["sources", "0", "id"],
        &["sources", "0", "publisher"],
        &["sources", "0", "title"],
        &["sources", "0", "date"],
        &["sources", "0", "url"],
        &["sources", "0", "kind"],
        &["sources", "0", "seed"],
        &["sources", "0", "lang"],
        &["facts", "0", "id"],
        &["facts", "0", "metric"],
        &["facts", "0", "scope"],
        &["facts", "0", "unit"],
        &["facts", "0", "qualifier"],
        &["facts", "0", "label"],
        &["facts", "0", "citations", "0", "source"],
        &["facts", "0", "citations", "0", "quote"],
        &["dates", "0", "id"],
        &["dates", "0", "event"],
        &["dates", "0", "date"],
        &["dates", "0", "label"],
    ];
    for path in fields {
        let mut json = minimal();
        let mut node = &mut json;
        for key in &path[..path.len() - 1] {
            node = match key.parse::<usize>() {
                Ok(i) => &mut node[i],
                Err(_) => &mut node[*key],
            };
        }
        node[path[path.len() - 1]] = long.clone().into();
        let dotted = path.iter().fold(String::new(), |acc, k| match k.parse::<usize>() {
            Ok(i) => format!("{acc}[{i}]"),
            Err(_) if acc.is_empty() => k.to_string(),
            Err(_) => format!("{acc}.{k}"),
        });
        let all = error_text(&json.to_string());
        let expected = format!("{dotted}: text of 10001 characters is longer than the 10000-character limit");
        assert!(all.lines().any(|l| l == expected), "{dotted}: {all:.300}");
        // Other complaints about the same field quote at most 80 characters.
        assert!(all.lines().all(|l| l.len() < 400), "{dotted}: a long message");
    }
    // In a disagreement: the reason, a claimed date and a claim's qualifier.
    let mut json = minimal();
    json["facts"][0]["disagreement"] = serde_json::json!({
        "reason": long, "claims": [{ "value": 13, "qualifier": long, "citations": [{ "source": "agency", "quote": "x" }] }]
    });
    json["dates"][0]["disagreement"] = serde_json::json!({
        "reason": "r", "claims": [{ "date": long, "citations": [{ "source": "agency", "quote": "x" }] }]
    });
    let all = error_text(&json.to_string());
    for path in [
        "facts[0].disagreement.reason",
        "facts[0].disagreement.claims[0].qualifier",
        "dates[0].disagreement.claims[0].date",
    ] {
        assert!(
            all.contains(&format!("{path}: text of 10001 characters")),
            "{path}: {all:.500}"
        );
    }
}

fn fact(i: usize) -> serde_json::Value {
    serde_json::json!({
        "id": format!("f{i}"), "metric": format!("m{i}"), "scope": "DE", "value": i, "unit": "kg",
        "qualifier": "exact", "citations": [{ "source": "agency", "quote": "q" }]
    })
}

#[test]
fn lists_are_capped_at_1000_entries() {
    let mut json = minimal();
    json["facts"] = (0..1001).map(fact).collect::<Vec<_>>().into();
    assert!(error_text(&json.to_string()).contains("facts: 1001 entries, more than the 1000 allowed"));

    let mut json = minimal();
    let source = json["sources"][0].clone();
    json["sources"] = (0..1001)
        .map(|i| {
            let mut s = source.clone();
            s["id"] = format!("s{i}").into();
            s
        })
        .collect::<Vec<_>>()
        .into();
    json["facts"][0]["citations"][0]["source"] = "s0".into();
    json["facts"][1]["citations"][0]["source"] = "s0".into();
    json["facts"][2]["citations"][0]["source"] = "s0".into();
    json["dates"][0]["citations"][0]["source"] = "s0".into();
    assert_eq!(
        error_text(&json.to_string()),
        "sources: 1001 entries, more than the 1000 allowed"
    );

    let mut json = minimal();
    json["facts"][0]["citations"] = vec![serde_json::json!({ "source": "agency", "quote": "q" }); 1001].into();
    assert_eq!(
        error_text(&json.to_string()),
        "facts[0].citations: 1001 entries, more than the 1000 allowed"
    );

    let mut json = minimal();
    let date = json["dates"][0].clone();
    json["dates"] = (0..1001)
        .map(|i| {
            let mut d = date.clone();
            d["id"] = format!("d{i}").into();
            // An event of its own, so that the cap is the only problem.
            d["event"] = format!("event_{i}").into();
            d
        })
        .collect::<Vec<_>>()
        .into();
    assert_eq!(
        error_text(&json.to_string()),
        "dates: 1001 entries, more than the 1000 allowed"
    );

    let mut json = minimal();
    let claim = serde_json::json!({ "value": 1, "citations": [{ "source": "agency", "quote": "q" }] });
    json["facts"][0]["disagreement"] = serde_json::json!({ "reason": "r", "claims": vec![claim; 1001] });
    assert_eq!(
        error_text(&json.to_string()),
        "facts[0].disagreement.claims: 1001 entries, more than the 1000 allowed"
    );
}

#[test]
fn a_bundle_at_the_list_cap_renders() {
    let mut json = minimal();
    let mut facts: Vec<serde_json::Value> = (3..1000).map(fact).collect();
    facts.extend(json["facts"].as_array().unwrap().iter().cloned());
    json["facts"] = facts.into();
    let bundle = parse_json(&json.to_string()).unwrap();
    assert_eq!(bundle.facts.len(), 1000);
    let markup = render::widget(&bundle, &world());
    assert!(markup.starts_with("<div"));
    assert_eq!(export::csv(&bundle).lines().count(), 1001);
}

#[test]
fn infinity_from_the_browser_parser_is_refused() {
    // The browser's JSON.parse reads 1e999 as Infinity, which serde_json
    // refuses as out of range; both end in an error.
    assert!(error_text(&read("value-1e400.json")).contains("number out of range"));
    let mut raw: RawBundle = serde_json::from_str(&read("value-1e308.json")).unwrap();
    raw.facts[0].value *= 10.0;
    assert!(raw.facts[0].value.is_infinite());
    raw.facts[1].value = f64::NAN;
    raw.facts[0].disagreement = serde_json::from_value(serde_json::json!({
        "reason": "r", "claims": [{ "value": 1, "citations": [{ "source": "agency", "quote": "q" }] }]
    }))
    .unwrap();
    if let Some(d) = raw.facts[0].disagreement.as_mut() {
        d.claims[0].value = Some(f64::NEG_INFINITY);
    }
    let all = validate(&raw).unwrap_err().to_string();
    assert!(all.contains("facts[0].value: must be a finite number"), "{all}");
    assert!(all.contains("facts[1].value: must be a finite number"), "{all}");
    assert!(
        all.contains("facts[0].disagreement.claims[0].value: must be a finite number"),
        "{all}"
    );
}

#[test]
fn echoed_text_in_messages_is_cut_and_cannot_drive_a_terminal() {
    let mut json = minimal();
    json["facts"][1]["scope"] = "Q".repeat(5000).into();
    json["facts"][2]["scope"] = "\u{1b}[2J\u{7}".into();
    json["sources"][0]["kind"] = "a\"b\\c".into();
    let all = error_text(&json.to_string());
    let lines: Vec<&str> = all.lines().collect();
    assert_eq!(lines.len(), 4, "{all}");
    assert!(
        lines[0].starts_with("sources[0].kind: unknown source kind \"a\\\"b\\\\c\""),
        "{all}"
    );
    assert!(
        lines[1].starts_with(&format!(
            "facts[1].scope: unknown country code \"{}\" (cut)",
            "Q".repeat(80)
        )),
        "{all}"
    );
    assert!(
        lines[2].starts_with("facts[2].scope: contains the control character U+001B"),
        "{all}"
    );
    assert!(
        lines[3].starts_with("facts[2].scope: unknown country code \"\\u001B[2J\\u0007\""),
        "{all}"
    );
    assert!(!all.contains('\u{1b}') && !all.contains('\u{7}'));
}

#[test]
fn check_limits_and_parse_json_agree_on_the_shipped_bundle() {
    assert!(check_limits(EMBEDDED_JSON).is_ok());
    assert!(check_limits("").is_ok(), "empty text is the parser's to refuse");
    assert_eq!(
        check_limits("\u{feff}{}").unwrap_err().to_string(),
        "starts with a byte-order mark (U+FEFF), which JSON does not allow; save the file as UTF-8 without BOM"
    );
    // A byte-order mark later in the text is only a character.
    assert!(check_limits(" \u{feff}").is_ok());
}

/// A hostile publisher named as the agency a citation's words are
/// `attributed_to` ("citing …") is text, in the popovers and the static
/// version alike.
#[test]
fn an_attribution_to_a_hostile_publisher_stays_text() {
    let world = world();
    let own_uses = own_use_hrefs();
    for name in ACCEPTED.iter().filter(|n| n.starts_with("markup-")) {
        let mut json: serde_json::Value = serde_json::from_str(&read(name)).unwrap();
        let payload = json["sources"][0]["publisher"].clone();
        json["sources"].as_array_mut().unwrap().push(serde_json::json!(
            { "id": "paper", "publisher": payload, "title": "t", "date": "2024", "kind": "secondary" }
        ));
        for fact in json["facts"].as_array_mut().unwrap() {
            fact["citations"].as_array_mut().unwrap().push(serde_json::json!(
                { "source": "paper", "quote": payload, "attributed_to": "agency" }
            ));
        }
        let bundle = parse_json(&json.to_string()).unwrap_or_else(|e| panic!("{name}: {e}"));
        let bundle = with_payload_in_named_fields(name, bundle);
        // The agency's name is bundle text: in a bundle whose own language
        // (here a hostile one) is not English, it is marked with that
        // language, escaped like any attribute value.
        let name_in_lang = if bundle.lang == "en" {
            escaped(payload.as_str().unwrap())
        } else {
            format!(
                "<span lang=\"{}\">{}</span>",
                escaped(&bundle.lang),
                escaped(payload.as_str().unwrap())
            )
        };
        let citing = format!("citing {name_in_lang} [1]");
        let mut popovers = 0;
        for fact in &bundle.facts {
            for differ in [false, true] {
                if let Some(pop) = render::popover(&bundle, &fact.id, differ) {
                    assert_harmless(name, &pop, &own_uses);
                    assert!(pop.contains(&citing), "{name}: {pop}");
                    popovers += 1;
                }
            }
        }
        assert!(popovers > bundle.facts.len(), "{name}: a disagreement popover too");
        let html = spector_widget::static_page::html_fragment(&bundle, &world, 640);
        assert_harmless(name, &html, &own_uses);
        assert!(html.contains(&format!("citing {name_in_lang} <a href=")), "{name}");
        let _ = export::csv(&bundle);
    }
}
