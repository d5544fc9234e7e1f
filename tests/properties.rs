//! Properties of reading any text as a bundle: it never panics; a bundle it
//! accepts renders to the widget's markup with no script in it and exports
//! to CSV; a bundle it refuses gets at least one error, each with a message.
//!
//! Inputs: arbitrary strings, strings of JSON tokens, arbitrary JSON trees,
//! and mutations of the shipped bundle and of the minimal one (a key
//! deleted, a value replaced by an arbitrary one, an array element
//! duplicated). Bounded to 256 cases each, so `cargo test` stays quick.
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use proptest::sample::Index;
use serde_json::{Map, Value};
use spector_widget::facts::json::{self, Json};
use spector_widget::facts::{check_limits, parse_json, parse_json_with_serde, Bundle, BundleErrors, EMBEDDED_JSON};
use spector_widget::geo::World;
use spector_widget::{export, render};
use std::sync::OnceLock;

fn world() -> &'static World<'static> {
    static WORLD: OnceLock<World<'static>> = OnceLock::new();
    WORLD.get_or_init(|| World::embedded().unwrap())
}

fn config() -> ProptestConfig {
    ProptestConfig {
        cases: 256,
        ..ProptestConfig::default()
    }
}

/// The property every input must have, read by the widget's own parser and
/// reader (what the browser and the CLI use) and by serde (the second
/// opinion `tests/reader_parity.rs` compares it with).
fn holds(text: &str) -> Result<(), TestCaseError> {
    holds_for(text, parse_json(text))?;
    holds_for(text, parse_json_with_serde(text))
}

fn holds_for(text: &str, result: Result<Bundle, BundleErrors>) -> Result<(), TestCaseError> {
    match result {
        Ok(bundle) => {
            prop_assert!(check_limits(text).is_ok());
            let markup = render::widget(&bundle, world());
            prop_assert!(markup.starts_with("<div"), "{:.100}", markup);
            prop_assert!(!markup.to_ascii_lowercase().contains("<script"), "unescaped script");
            let csv = export::csv(&bundle);
            prop_assert!(csv.starts_with("scope,"), "{:.100}", csv);
            let _ = export::json(&bundle);
        }
        Err(errors) => {
            prop_assert!(!errors.0.is_empty(), "an Err without errors");
            for e in &errors.0 {
                prop_assert!(!e.to_string().is_empty(), "an empty message: {:?}", e);
            }
        }
    }
    Ok(())
}

/// Texts a bundle might hold, hostile ones included.
fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        "[A-Z]{2}",
        "[a-z_]{1,12}",
        "[0-9]{4}-[0-9]{2}-[0-9]{2}",
        Just("ALL".to_owned()),
        Just("<script>alert(1)</script>".to_owned()),
        Just("\"><img src=x onerror=alert(1)>".to_owned()),
        Just("javascript:alert(1)".to_owned()),
        Just("https://example.org/a?b=<c>&d=\"e\"".to_owned()),
        Just("people".to_owned()),
        Just("arrests".to_owned()),
        Just("agency".to_owned()),
        Just("exact".to_owned()),
    ]
}

fn number() -> impl Strategy<Value = Value> {
    prop_oneof![
        any::<i64>().prop_map(Value::from),
        (0u32..1000).prop_map(Value::from),
        any::<f64>().prop_map(Value::from),
        (0.0f64..1e6).prop_map(Value::from),
    ]
}

/// Arbitrary JSON of bounded depth and size.
fn json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        number(),
        text().prop_map(Value::String),
    ];
    leaf.prop_recursive(4, 48, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::vec((text(), inner), 0..6)
                .prop_map(|kv| Value::Object(kv.into_iter().collect::<Map<_, _>>())),
        ]
    })
}

/// One change to a bundle, at a node chosen by `at` among all nodes.
#[derive(Debug, Clone)]
enum Mutation {
    DeleteKey(Index),
    Replace(Index, Value),
    Duplicate(Index, Index),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        any::<Index>().prop_map(Mutation::DeleteKey),
        (any::<Index>(), json()).prop_map(|(at, v)| Mutation::Replace(at, v)),
        (any::<Index>(), any::<Index>()).prop_map(|(at, i)| Mutation::Duplicate(at, i)),
    ]
}

/// Every node of a tree, as a path of object keys and array indexes.
#[derive(Debug, Clone)]
enum Step {
    Key(String),
    At(usize),
}

fn paths(value: &Value, prefix: &mut Vec<Step>, out: &mut Vec<Vec<Step>>) {
    out.push(prefix.clone());
    match value {
        Value::Object(map) => {
            for (k, v) in map {
                prefix.push(Step::Key(k.clone()));
                paths(v, prefix, out);
                prefix.pop();
            }
        }
        Value::Array(items) => {
            for (i, v) in items.iter().enumerate() {
                prefix.push(Step::At(i));
                paths(v, prefix, out);
                prefix.pop();
            }
        }
        _ => {}
    }
}

fn node<'a>(root: &'a mut Value, path: &[Step]) -> &'a mut Value {
    path.iter().fold(root, |v, step| match step {
        Step::Key(k) => &mut v[k.as_str()],
        Step::At(i) => &mut v[*i],
    })
}

fn apply(root: &mut Value, m: &Mutation) {
    let mut all = Vec::new();
    paths(root, &mut Vec::new(), &mut all);
    match m {
        Mutation::DeleteKey(at) => {
            let keyed: Vec<&Vec<Step>> = all.iter().filter(|p| matches!(p.last(), Some(Step::Key(_)))).collect();
            if keyed.is_empty() {
                return;
            }
            let path = keyed[at.index(keyed.len())];
            let (last, parent) = path.split_last().unwrap();
            if let (Step::Key(k), Value::Object(map)) = (last, node(root, parent)) {
                map.remove(k);
            }
        }
        Mutation::Replace(at, value) => {
            let path = &all[at.index(all.len())];
            *node(root, path) = value.clone();
        }
        Mutation::Duplicate(at, i) => {
            let arrays: Vec<&Vec<Step>> = all
                .iter()
                .filter(|p| matches!(node(&mut root.clone(), p), Value::Array(items) if !items.is_empty()))
                .collect();
            if arrays.is_empty() {
                return;
            }
            let path = arrays[at.index(arrays.len())].clone();
            if let Value::Array(items) = node(root, &path) {
                let copy = items[i.index(items.len())].clone();
                items.insert(i.index(items.len()), copy);
            }
        }
    }
}

fn shipped() -> Value {
    serde_json::from_str(EMBEDDED_JSON).unwrap()
}

fn minimal() -> Value {
    serde_json::from_str(include_str!("fixtures/valid-minimal.json")).unwrap()
}

/// Pieces of JSON, so random sequences of them get past the tokenizer more
/// often than random characters do.
fn tokens() -> impl Strategy<Value = String> {
    let token = prop_oneof![
        Just("{".to_owned()),
        Just("}".to_owned()),
        Just("[".to_owned()),
        Just("]".to_owned()),
        Just(",".to_owned()),
        Just(":".to_owned()),
        Just("\"schema\"".to_owned()),
        Just("\"facts\"".to_owned()),
        Just("\"value\"".to_owned()),
        Just("1".to_owned()),
        Just("-0.5e3".to_owned()),
        Just("null".to_owned()),
        Just("\"\\u0000\"".to_owned()),
        Just("\"\\\"\"".to_owned()),
        Just("\u{feff}".to_owned()),
        text().prop_map(|t| Value::String(t).to_string()),
    ];
    prop::collection::vec(token, 0..64).prop_map(|t| t.concat())
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn arbitrary_strings(text in any::<String>()) {
        holds(&text)?;
    }

    #[test]
    fn strings_of_json_tokens(text in tokens()) {
        holds(&text)?;
    }

    #[test]
    fn arbitrary_json_values(value in json()) {
        holds(&value.to_string())?;
    }

    #[test]
    fn the_widget_parser_reads_json_as_serde_json_does(value in json(), pretty in any::<bool>()) {
        let text = if pretty { serde_json::to_string_pretty(&value).unwrap() } else { value.to_string() };
        let ours = json::parse(&text).map_err(|e| TestCaseError::fail(e.message()))?;
        prop_assert!(same(&ours, &value), "{} read as {:?}", text, ours);
    }

    #[test]
    fn arbitrary_json_with_the_bundle_at_the_top(value in json(), key in prop::sample::select(vec!["schema", "operation", "sources", "facts", "dates"])) {
        let mut bundle = minimal();
        bundle[key] = value;
        holds(&bundle.to_string())?;
    }

    #[test]
    fn mutations_of_the_minimal_bundle(changes in prop::collection::vec(mutation(), 1..4)) {
        let mut bundle = minimal();
        for m in &changes {
            apply(&mut bundle, m);
        }
        holds(&bundle.to_string())?;
        holds(&serde_json::to_string_pretty(&bundle).unwrap())?;
    }

    #[test]
    fn mutations_of_the_shipped_bundle(changes in prop::collection::vec(mutation(), 1..4)) {
        let mut bundle = shipped();
        for m in &changes {
            apply(&mut bundle, m);
        }
        holds(&bundle.to_string())?;
    }

    #[test]
    fn cut_off_bundles(at in any::<Index>()) {
        let text = EMBEDDED_JSON;
        let mut end = at.index(text.len());
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        holds(&text[..end])?;
    }
}

#[test]
fn the_shipped_bundle_has_the_property() {
    holds(EMBEDDED_JSON).unwrap();
    holds(include_str!("fixtures/valid-minimal.json")).unwrap();
}

#[test]
fn valid_mutations_are_reached() {
    // Deleting an optional key or repeating a figure's citation keeps a
    // bundle valid, so the Ok half of the property is exercised too.
    let mut bundle = shipped();
    if let Value::Object(map) = &mut bundle {
        map.remove("dates");
    }
    assert!(parse_json(&bundle.to_string()).is_ok());
    let mut bundle = minimal();
    let citation = bundle["facts"][0]["citations"][0].clone();
    if let Value::Array(citations) = node(
        &mut bundle,
        &[Step::Key("facts".into()), Step::At(0), Step::Key("citations".into())],
    ) {
        citations.push(citation);
    }
    assert!(parse_json(&bundle.to_string()).is_ok());
}

/// The same JSON value (numbers within one part in 10^15: serde_json reads
/// every number correctly rounded, the widget's parser exactly only where
/// figures live).
/// Whether the widget's parser read `b` closely enough: to 1e-15 of it,
/// or, below the smallest normal number, to 4 units in the last place.
/// The parser rounds more than once where a number needs many powers of
/// ten, and a subnormal has fewer significant bits, so there one unit in
/// the last place is already more than 1e-15 of the value (a bundle's
/// figures are never that small; serde_json rounds them exactly).
fn close(a: f64, b: f64) -> bool {
    if a == b || ((a - b) / b).abs() < 1e-15 {
        return true;
    }
    let ulps = (a.to_bits() as i64).wrapping_sub(b.to_bits() as i64).unsigned_abs();
    b.abs() < f64::MIN_POSITIVE && a.is_sign_negative() == b.is_sign_negative() && ulps <= 4
}

fn same(ours: &Json, theirs: &Value) -> bool {
    match (ours, theirs) {
        (Json::Null, Value::Null) => true,
        (Json::Bool(a), Value::Bool(b)) => a == b,
        (Json::Number(a), Value::Number(b)) => b.as_f64().is_some_and(|b| close(*a, b)),
        (Json::String(a), Value::String(b)) => a == b,
        (Json::Array(a), Value::Array(b)) => a.len() == b.len() && a.iter().zip(b).all(|(a, b)| same(a, b)),
        (Json::Object(a), Value::Object(b)) => {
            a.len() == b.len() && a.iter().all(|(k, v)| b.get(k).is_some_and(|w| same(v, w)))
        }
        _ => false,
    }
}
