//! The widget and the CLI read bundles with `facts::json` and
//! `facts::reader` (`parse_json`); serde's derived `Deserialize` for
//! `raw::RawBundle` (`parse_json_with_serde`) is kept only as a second
//! opinion on that hand-written reader. Both must accept the same bundles,
//! build the same model, and point at the same place when a bundle is
//! refused.
#![cfg(not(target_arch = "wasm32"))]

use spector_widget::facts::{parse_json, parse_json_with_serde, BundleErrors};
use std::fs;
use std::path::Path;

/// Every JSON fixture the project has, valid and not.
fn fixtures() -> Vec<(String, String)> {
    let mut out = Vec::new();
    for dir in [
        "tests/fixtures",
        "tests/fixtures/invalid",
        "tests/fixtures/hostile",
        "tests/fixtures/export",
        "data",
    ] {
        for entry in fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|e| e == "json") {
                out.push((path.display().to_string(), fs::read_to_string(&path).unwrap()));
            }
        }
    }
    assert!(out.len() > 100, "expected the whole corpus, found {}", out.len());
    out
}

fn paths(errors: &BundleErrors) -> Vec<&str> {
    errors.0.iter().map(|e| e.path.as_str()).collect()
}

/// Where the two readers knowingly differ, and why.
fn known_difference(name: &str) -> bool {
    let file = Path::new(name).file_name().unwrap().to_str().unwrap();
    // serde's derived structs also accept a JSON array in field order; the
    // reader asks for objects, as the schema does.
    file == "top-array.json"
}

#[test]
fn both_readers_accept_the_same_bundles_and_build_the_same_model() {
    for (name, text) in fixtures() {
        if known_difference(&name) {
            continue;
        }
        match (parse_json_with_serde(&text), parse_json(&text)) {
            (Ok(a), Ok(b)) => assert_eq!(a, b, "{name}: the two readers built different models"),
            (Err(a), Err(b)) => {
                // serde stops at the first shape error; the reader lists
                // them all. The first must be among them (syntax errors
                // have no path and differ only in wording).
                let first = a.0[0].path.as_str();
                assert!(
                    paths(&b).contains(&first),
                    "{name}: serde says {a}, the reader says {b}"
                );
            }
            (a, b) => panic!("{name}: serde says {a:?}, the reader says {b:?}"),
        }
    }
}

#[test]
fn the_reader_reports_every_shape_error_with_its_path() {
    let text = r#"{"schema": 1, "operation": {"id": "x", "name": 3, "summary": "s", "announced": "2024"},
        "sources": [{"id": "s", "publisher": "P", "title": "T", "date": "2024", "kind": "primary", "colour": "red"}],
        "facts": [{"id": "a", "metric": "arrests", "scope": "ALL", "value": "12", "unit": "people", "qualifier": "exact"}]}"#;
    let errors = parse_json(text).unwrap_err();
    let messages: Vec<String> = errors.0.iter().map(|e| e.to_string()).collect();
    assert_eq!(
        messages,
        [
            "operation.name: invalid type: a number, expected a string",
            "sources[0].colour: unknown field `colour`, expected one of `id`, `publisher`, `title`, `date`, `url`, `url_confirmed`, `kind`, `seed`, `lang`",
            "facts[0].value: invalid type: string \"12\", expected a number",
            "facts[0]: missing field `citations`",
        ]
    );
}
