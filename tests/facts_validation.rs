//! Each validation rule, one fixture each: what a newsroom sees when its
//! bundle has that mistake.
#![cfg(not(target_arch = "wasm32"))]

use spector_widget::facts::validate as validator;
use spector_widget::facts::{parse_json, validate, ErrorKind, Scope};
use std::fs;

fn fixture(name: &str) -> String {
    fs::read_to_string(format!("tests/fixtures/{name}")).unwrap()
}

/// The messages for a bundle's text, one string each; it must be refused.
fn messages(text: &str) -> Vec<String> {
    match parse_json(text) {
        Ok(_) => panic!("the bundle was accepted"),
        Err(e) => e.0.iter().map(|e| e.to_string()).collect(),
    }
}

/// The messages for an invalid fixture, one string each.
fn errors(name: &str) -> Vec<String> {
    messages(&fixture(&format!("invalid/{name}.json")))
}

fn assert_error(name: &str, expected: &str) {
    let all = errors(name);
    assert!(
        all.iter().any(|m| m == expected),
        "{name}: expected {expected:?}, got {all:?}"
    );
}

#[test]
fn the_minimal_example_is_valid() {
    let bundle = parse_json(&fixture("valid-minimal.json")).unwrap();
    assert_eq!(bundle.total("arrests").unwrap().value, 12.0);
    assert_eq!(bundle.by_country("arrests").count(), 2);
    assert!(bundle.warnings.is_empty());
}

#[test]
fn malformed_json_names_line_and_column() {
    let all = errors("malformed");
    assert_eq!(all.len(), 1);
    assert!(all[0].starts_with("not valid JSON: EOF while parsing"), "{all:?}");
    assert!(all[0].contains("line ") && all[0].contains("column "), "{all:?}");
}

#[test]
fn a_wrong_type_names_its_path() {
    let all = errors("wrong-type");
    assert!(
        all[0].starts_with("facts[1].value: invalid type: string \"7\", expected a number"),
        "{all:?}"
    );
}

#[test]
fn a_missing_field_names_the_object_it_is_missing_from() {
    let all = errors("missing-field");
    assert!(all[0].starts_with("facts[0]: missing field `unit`"), "{all:?}");
}

#[test]
fn an_unknown_field_is_an_error_because_it_is_usually_a_typo() {
    let all = errors("unknown-field");
    assert!(all[0].contains("facts[2]"), "{all:?}");
    assert!(all[0].contains("unknown field `vlaue`"), "{all:?}");
}

#[test]
fn every_figure_needs_a_citation() {
    assert_error("no-citation", "facts[1].citations: needs at least one citation");
}

#[test]
fn a_citation_must_name_a_listed_source() {
    assert_error(
        "unknown-source",
        "facts[2].citations[0].source: unknown source \"agencyy\"",
    );
}

#[test]
fn attributed_to_must_name_a_listed_source() {
    assert_error(
        "attributed-to-unknown-source",
        "facts[1].citations[1].attributed_to: unknown source \"agencyy\"",
    );
}

#[test]
fn attributed_to_must_not_name_the_citations_own_source() {
    assert_error(
        "attributed-to-itself",
        "facts[1].citations[1].attributed_to: the citation's own source \"paper\", expected the agency its quote attributes the figure to",
    );
}

#[test]
fn attributed_to_must_name_a_primary_source() {
    assert_error(
        "attributed-to-secondary",
        "facts[1].citations[1].attributed_to: source \"paper\" is not primary, expected an agency's own release (kind primary)",
    );
}

#[test]
fn attributed_to_is_checked_in_claims_and_dates_too_and_kept_when_valid() {
    let mut json: serde_json::Value = serde_json::from_str(&fixture("valid-minimal.json")).unwrap();
    json["sources"].as_array_mut().unwrap().push(serde_json::json!(
        { "id": "paper", "publisher": "Example Gazette", "title": "Police arrest 12", "date": "2024-03-02", "kind": "secondary" }
    ));
    json["facts"][0]["citations"][0]["source"] = "paper".into();
    json["facts"][0]["citations"][0]["attributed_to"] = "agency".into();
    let bundle = parse_json(&json.to_string()).unwrap();
    let cited = &bundle.facts[0].citations[0];
    assert_eq!((cited.source, cited.attributed_to), (1, Some(0)));
    assert_eq!(cited.sources().collect::<Vec<_>>(), [1, 0]);
    assert_eq!(bundle.facts[1].citations[0].attributed_to, None);

    json["facts"][0]["disagreement"] = serde_json::json!({
        "reason": "r",
        "claims": [{ "value": 13, "citations": [{ "source": "paper", "quote": "13", "attributed_to": "nobody" }] }]
    });
    json["dates"][0]["citations"][0]["attributed_to"] = "agency".into();
    let all = messages(&json.to_string());
    assert_eq!(
        all,
        [
            "facts[0].disagreement.claims[0].citations[0].attributed_to: unknown source \"nobody\"",
            "dates[0].citations[0].attributed_to: the citation's own source \"agency\", expected the agency its quote attributes the figure to",
        ]
    );
}

#[test]
fn a_metric_and_scope_name_one_figure_and_an_event_one_date() {
    assert_error(
        "same-metric-and-scope",
        "facts[3]: same metric and scope as facts[1]; record another value as its disagreement",
    );
    // The operation-wide figure too, and a date by its event: each repeat
    // is refused at its own path and names the first.
    let mut json: serde_json::Value = serde_json::from_str(&fixture("valid-minimal.json")).unwrap();
    let mut total = json["facts"][0].clone();
    total["id"] = "arrests-all-about".into();
    total["value"] = 13.into();
    total["qualifier"] = "about".into();
    json["facts"].as_array_mut().unwrap().push(total);
    let mut date = json["dates"][0].clone();
    date["id"] = "announced-again".into();
    date["date"] = "2024-03-02".into();
    json["dates"].as_array_mut().unwrap().push(date);
    let all = messages(&json.to_string());
    assert_eq!(
        all,
        [
            "facts[3]: same metric and scope as facts[0]; record another value as its disagreement",
            "dates[1]: same event as dates[0]; record another date as its disagreement",
        ]
    );
    // Another metric in the same scope, or the same metric in another
    // scope, is another figure.
    let mut json: serde_json::Value = serde_json::from_str(&fixture("valid-minimal.json")).unwrap();
    let mut firearms = json["facts"][1].clone();
    firearms["id"] = "firearms-de".into();
    firearms["metric"] = "firearms_seized".into();
    firearms["unit"] = "firearms".into();
    json["facts"].as_array_mut().unwrap().push(firearms);
    assert!(parse_json(&json.to_string()).is_ok());
}

#[test]
fn a_metric_or_event_in_other_case_or_spacing_is_refused_and_still_the_same_one() {
    // The widget tells a known metric by its exact text: `Arrests` passed
    // the checker, then the map, the "Arrests by country" table and the
    // CSV left that country out. It is refused with its one spelling, and
    // still named the same figure as the `arrests` before it.
    let all = errors("same-metric-other-case");
    assert_eq!(
        all,
        [
            "facts[3].metric: \"Arrests\" must be written \"arrests\" (lower case, words joined by _)",
            "facts[3]: same metric and scope as facts[1]; record another value as its disagreement",
        ]
    );
    for (metric, event, written) in [
        ("ARRESTS", "ANNOUNCEMENT", ["ARRESTS", "ANNOUNCEMENT"]),
        (" arrests", " announcement", [" arrests", " announcement"]),
        ("arrests\t", "Announcement\n", ["arrests\\u0009", "Announcement\\u000A"]),
        ("_arrests_", "_announcement_", ["_arrests_", "_announcement_"]),
    ] {
        let mut json: serde_json::Value = serde_json::from_str(&fixture("valid-minimal.json")).unwrap();
        let mut again = json["facts"][1].clone();
        again["id"] = "arrests-de-again".into();
        again["metric"] = metric.into();
        json["facts"].as_array_mut().unwrap().push(again);
        let mut date = json["dates"][0].clone();
        date["id"] = "announced-again".into();
        date["event"] = event.into();
        json["dates"].as_array_mut().unwrap().push(date);
        assert_eq!(
            messages(&json.to_string()),
            [
                format!(
                    "facts[3].metric: \"{}\" must be written \"arrests\" (lower case, words joined by _)",
                    written[0]
                ),
                "facts[3]: same metric and scope as facts[1]; record another value as its disagreement".into(),
                format!(
                    "dates[1].event: \"{}\" must be written \"announcement\" (lower case, words joined by _)",
                    written[1]
                ),
                "dates[1]: same event as dates[0]; record another date as its disagreement".into(),
            ],
            "{metric:?}"
        );
    }
    // Words that differ are other metrics: `boats_sunk` reads "Boats sunk",
    // `boatssunk` "Boatssunk".
    let mut json: serde_json::Value = serde_json::from_str(&fixture("valid-minimal.json")).unwrap();
    for (i, metric) in ["boats_sunk", "boatssunk", "boats_sunk_count", "arrest"]
        .into_iter()
        .enumerate()
    {
        let mut other = json["facts"][1].clone();
        other["id"] = format!("other-{i}").into();
        other["metric"] = metric.into();
        json["facts"].as_array_mut().unwrap().push(other);
    }
    assert!(parse_json(&json.to_string()).is_ok());
    let mut again = json["facts"][3].clone();
    again["id"] = "boats-again".into();
    again["metric"] = "Boats__sunk".into();
    json["facts"].as_array_mut().unwrap().push(again);
    assert_eq!(
        messages(&json.to_string()),
        [
            "facts[7].metric: \"Boats__sunk\" must be written \"boats_sunk\" (lower case, words joined by _)",
            "facts[7]: same metric and scope as facts[3]; record another value as its disagreement"
        ]
    );
}

#[test]
fn a_metric_or_event_with_no_spelling_to_suggest_says_what_a_name_is() {
    let mut json: serde_json::Value = serde_json::from_str(&fixture("valid-minimal.json")).unwrap();
    json["facts"][1]["metric"] = "2nd_raid".into();
    json["facts"][2]["metric"] = "festnahmen_gesamt!".into();
    json["dates"][0]["event"] = "razzia_köln".into();
    assert_eq!(
        messages(&json.to_string()),
        [
            "facts[1].metric: \"2nd_raid\" must be lower-case letters a-z and digits, starting with a letter, words joined by _",
            "facts[2].metric: \"festnahmen_gesamt!\" must be lower-case letters a-z and digits, starting with a letter, words joined by _",
            "dates[0].event: \"razzia_köln\" must be lower-case letters a-z and digits, starting with a letter, words joined by _",
        ]
    );
    // A hyphen is a gap between words, so a kebab-case metric is told its
    // spelling.
    json["facts"][1]["metric"] = "cocaine-seized-kg".into();
    json["facts"][1]["unit"] = "kg".into();
    json["facts"][2]["metric"] = "arrests".into();
    json["dates"][0]["event"] = "announcement".into();
    assert_eq!(
        messages(&json.to_string()),
        ["facts[1].metric: \"cocaine-seized-kg\" must be written \"cocaine_seized_kg\" (lower case, words joined by _)"]
    );
}

#[test]
fn a_unit_fits_a_known_metric_and_a_listed_one_has_one_spelling() {
    let mut json: serde_json::Value = serde_json::from_str(&fixture("valid-minimal.json")).unwrap();
    // Arrests in kilograms passed, and skipped the whole-number rule.
    json["facts"][1]["unit"] = "kg".into();
    json["facts"][1]["value"] = 7.5.into();
    json["facts"][2]["unit"] = "People".into();
    let mut push = |metric: &str, unit: &str| {
        json["facts"].as_array_mut().unwrap().push(serde_json::json!({
            "id": format!("{metric}-all"), "metric": metric, "scope": "ALL", "value": 5,
            "unit": unit, "qualifier": "exact", "citations": [{ "source": "agency", "quote": "5" }]
        }));
    };
    push("cash_and_crypto_eur", "USD");
    push("cash_seized", "€");
    // A known metric in a unit of its own is as wrong as in another
    // listed one.
    push("firearms_seized", "guns");
    // A listed unit written another way is told its spelling for a metric
    // the widget does not know as well: as written, it would be shown as
    // a word after the number, not as a count or as money.
    push("catch_weight", "Kg");
    push("boats_sunk", " people");
    push("cocaine_seized_kg", "kg ");
    assert_eq!(
        messages(&json.to_string()),
        [
            "facts[1].unit: unit \"kg\" does not fit metric \"arrests\", expected \"people\"",
            "facts[1].value: must be a whole number of people",
            "facts[2].unit: \"People\" must be written \"people\" (in lower case)",
            "facts[3].unit: unit \"USD\" does not fit metric \"cash_and_crypto_eur\", expected \"EUR\"",
            "facts[4].unit: \"€\" must be written \"EUR\" (money by its ISO 4217 code)",
            "facts[5].unit: unit \"guns\" does not fit metric \"firearms_seized\", expected \"firearms\"",
            "facts[6].unit: \"Kg\" must be written \"kg\" (in lower case)",
            "facts[7].unit: \" people\" must be written \"people\" (without spaces)",
            "facts[8].unit: \"kg \" must be written \"kg\" (without spaces)",
        ]
    );
    // A metric the widget does not know may have any listed unit, and
    // each known one its own.
    json["facts"][1]["unit"] = "people".into();
    json["facts"][1]["value"] = 7.into();
    json["facts"][2]["unit"] = "people".into();
    json["facts"][3]["unit"] = "EUR".into();
    json["facts"][4]["unit"] = "GBP".into();
    json["facts"][5]["unit"] = "firearms".into();
    json["facts"][6]["unit"] = "kg".into();
    json["facts"][7]["unit"] = "countries".into();
    json["facts"][8]["unit"] = "kg".into();
    assert!(parse_json(&json.to_string()).is_ok());
}

#[test]
fn a_metric_the_widget_does_not_know_may_have_a_unit_of_its_own() {
    // docs/bundle.md's own example, refused for a while as an unknown unit.
    let mut json: serde_json::Value = serde_json::from_str(&fixture("valid-minimal.json")).unwrap();
    let mut push = |metric: &str, unit: &str, value: f64| {
        json["facts"].as_array_mut().unwrap().push(serde_json::json!({
            "id": format!("{metric}-all"), "metric": metric, "scope": "ALL", "value": value,
            "unit": unit, "qualifier": "exact", "citations": [{ "source": "agency", "quote": "5" }]
        }));
    };
    push("boats_sunk", "boats", 5.0);
    // Any text, in the bundle's language; the renderer escapes it.
    push("vessels_seized", "Fischerboote", 3.0);
    push("ammunition_seized", "rounds of 9 mm", 1200.0);
    push("fuel_seized", "m³", 2.5);
    let bundle = parse_json(&json.to_string()).unwrap();
    let units: Vec<&str> = bundle.facts[3..].iter().map(|f| f.unit.as_str()).collect();
    assert_eq!(units, ["boats", "Fischerboote", "rounds of 9 mm", "m³"]);
    // Counts of a listed whole unit stay whole for such a metric, and a
    // unit of its own may not be empty.
    json["facts"][3]["unit"] = "people".into();
    json["facts"][3]["value"] = 2.5.into();
    json["facts"][4]["unit"] = " ".into();
    assert_eq!(
        messages(&json.to_string()),
        [
            "facts[3].value: must be a whole number of people",
            "facts[4].unit: must not be empty",
        ]
    );
}

#[test]
fn a_metric_one_letter_from_a_known_one_is_valid_with_a_hint_for_the_author() {
    let mut json: serde_json::Value = serde_json::from_str(&fixture("valid-minimal.json")).unwrap();
    json["facts"][1]["metric"] = "arrest".into();
    json["facts"][2]["metric"] = "firearm_seized".into();
    json["facts"][2]["unit"] = "firearms".into();
    json["facts"].as_array_mut().unwrap().push(serde_json::json!({
        "id": "cocaine-all", "metric": "cocain_seized_kg", "scope": "ALL", "value": 5,
        "unit": "kg", "qualifier": "exact", "citations": [{ "source": "agency", "quote": "5 kg" }]
    }));
    json["facts"].as_array_mut().unwrap().push(serde_json::json!({
        "id": "boats-all", "metric": "boats_sunk", "scope": "ALL", "value": 5,
        "unit": "kg", "qualifier": "exact", "citations": [{ "source": "agency", "quote": "5" }]
    }));
    json["dates"][0]["event"] = "anouncement".into();
    let bundle = parse_json(&json.to_string()).unwrap();
    // The widget's readers are not shown them: only the author can act.
    assert!(bundle.warnings.is_empty());
    let hints: Vec<String> = validator::hints(&bundle).iter().map(|h| h.to_string()).collect();
    assert_eq!(
        hints,
        [
            "facts[1].metric: \"arrest\" is not a metric the widget knows; did you mean \"arrests\"?",
            "facts[2].metric: \"firearm_seized\" is not a metric the widget knows; did you mean \"firearms_seized\"?",
            "facts[3].metric: \"cocain_seized_kg\" is not a metric the widget knows; did you mean \"cocaine_seized_kg\"?",
            "dates[0].event: \"anouncement\" is not an event the widget knows; did you mean \"announcement\"?",
        ]
    );
    assert!(validator::hints(&parse_json(spector_widget::facts::EMBEDDED_JSON).unwrap()).is_empty());
}

#[test]
fn ids_are_unique() {
    assert_error("duplicate-id", "facts[2].id: duplicate id \"arrests-de\"");
}

#[test]
fn scope_is_all_or_an_iso_country_code() {
    assert_error(
        "unknown-country",
        "facts[1].scope: unknown country code \"UK\", expected ALL or an ISO 3166-1 alpha-2 code; write \"GB\" for the United Kingdom",
    );
}

#[test]
fn values_are_not_negative() {
    assert_error("negative-value", "facts[1].value: must not be negative");
}

#[test]
fn urls_are_only_http_or_https() {
    assert_error(
        "non-http-url",
        "sources[0].url: only http(s) URLs are allowed, got \"javascript:alert(1)\"",
    );
}

#[test]
fn a_url_that_is_nearly_one_says_what_to_change() {
    let mut json: serde_json::Value = serde_json::from_str(&fixture("valid-minimal.json")).unwrap();
    let urls = [
        "https:///news/12-arrested",
        "https://",
        "https://?id=12",
        "https://#arrests",
        "https://user@?x",
        "https://@/x",
        "https://:80/news",
        "https://police.example/news/12\tarrested",
        "https://police.example/news/12\u{a0}arrested",
        "http://police .example/news",
        "https://police.example/news/12 arrested",
        " https://police.example/news",
    ];
    let mut sources = Vec::new();
    for (i, url) in urls.iter().enumerate() {
        let mut source = json["sources"][0].clone();
        source["id"] = format!("source-{i}").into();
        source["url"] = (*url).into();
        sources.push(source);
    }
    json["sources"].as_array_mut().unwrap().extend(sources);
    assert_eq!(
        messages(&json.to_string()),
        [
            "sources[1].url: the URL \"https:///news/12-arrested\" has no host; write it after the //, as in https://example.org/",
            "sources[2].url: the URL \"https://\" has no host; write it after the //, as in https://example.org/",
            "sources[3].url: the URL \"https://?id=12\" has no host; write it after the //, as in https://example.org/",
            "sources[4].url: the URL \"https://#arrests\" has no host; write it after the //, as in https://example.org/",
            "sources[5].url: the URL \"https://user@?x\" has no host; write it after the //, as in https://example.org/",
            "sources[6].url: the URL \"https://@/x\" has no host; write it after the //, as in https://example.org/",
            "sources[7].url: the URL \"https://:80/news\" has no host; write it after the //, as in https://example.org/",
            "sources[8].url: the URL \"https://police.example/news/12\\u0009arrested\" contains whitespace; remove it",
            "sources[9].url: the URL \"https://police.example/news/12\u{a0}arrested\" contains whitespace; remove it",
            "sources[10].url: the URL \"http://police .example/news\" has a space in its host; remove it",
            "sources[11].url: the URL \"https://police.example/news/12 arrested\" contains a space; encode it as %20",
            "sources[12].url: the URL \" https://police.example/news\" starts or ends with a space; remove it",
        ]
    );
}

#[test]
fn qualifiers_come_from_a_fixed_list() {
    assert_error(
        "unknown-qualifier",
        "facts[0].qualifier: unknown qualifier \"roughly\", expected exact, more_than, at_least, about or nearly",
    );
}

#[test]
fn dates_are_iso_dates() {
    assert_error(
        "bad-date",
        "dates[0].date: bad date \"1 March 2024\", expected YYYY, YYYY-MM or YYYY-MM-DD",
    );
}

#[test]
fn only_schema_version_1_is_known() {
    assert_error("unsupported-schema", "schema: unsupported schema version 2, expected 1");
}

#[test]
fn quotes_are_not_empty() {
    assert_error("empty-quote", "facts[0].citations[0].quote: must not be empty");
}

#[test]
fn sources_are_primary_or_secondary() {
    assert_error(
        "unknown-source-kind",
        "sources[0].kind: unknown source kind \"blog\", expected primary or secondary",
    );
}

#[test]
fn a_disagreement_lists_at_least_one_other_claim() {
    assert_error(
        "disagreement-without-claims",
        "facts[0].disagreement.claims: a disagreement needs at least one other claim",
    );
}

#[test]
fn per_country_counts_above_the_total_are_a_warning_not_a_refusal() {
    let bundle = parse_json(&fixture("invalid/sum-mismatch.json")).unwrap();
    assert_eq!(bundle.warnings.len(), 1);
    assert_eq!(
        bundle.warnings[0].to_string(),
        "facts[0].value: the per-country arrests add up to 16, but the operation-wide figure is 12"
    );
}

#[test]
fn per_country_counts_below_the_total_warn_only_when_every_country_is_listed() {
    // A total may include countries no source itemises: 7 + 4 of 12 is fine.
    let mut json: serde_json::Value = serde_json::from_str(&fixture("valid-minimal.json")).unwrap();
    json["facts"][2]["value"] = 4.into();
    assert!(parse_json(&json.to_string()).unwrap().warnings.is_empty());
    // Not when `countries_involved` says the two listed are all of them.
    json["facts"].as_array_mut().unwrap().push(serde_json::json!({
        "id": "countries-all", "metric": "countries_involved", "scope": "ALL", "value": 2,
        "unit": "countries", "qualifier": "exact", "citations": [{ "source": "agency", "quote": "two countries" }]
    }));
    let warnings: Vec<String> = parse_json(&json.to_string())
        .unwrap()
        .warnings
        .iter()
        .map(|w| w.to_string())
        .collect();
    assert_eq!(
        warnings,
        ["facts[0].value: the per-country arrests add up to 11, but the operation-wide figure is 12"]
    );
    // A hedged total ("about 12") is not summed against at all.
    json["facts"][0]["qualifier"] = "about".into();
    json["facts"][2]["value"] = 40.into();
    assert!(parse_json(&json.to_string()).unwrap().warnings.is_empty());
}

#[test]
fn every_error_is_reported_not_only_the_first() {
    let mut json: serde_json::Value = serde_json::from_str(&fixture("valid-minimal.json")).unwrap();
    json["facts"][1]["scope"] = "XX".into();
    json["facts"][2]["citations"][0]["source"] = "nobody".into();
    let all = parse_json(&json.to_string()).unwrap_err().0;
    assert_eq!(all.len(), 2, "{all:?}");
}

#[test]
fn non_finite_values_are_refused() {
    // JSON text cannot say NaN, but a browser's JSON.parse turns 1e999 into
    // Infinity, so the check runs on the parsed shape.
    let mut raw: spector_widget::facts::raw::RawBundle = serde_json::from_str(&fixture("valid-minimal.json")).unwrap();
    raw.facts[1].value = f64::INFINITY;
    let all = validate(&raw).unwrap_err().0;
    assert_eq!(all[0].to_string(), "facts[1].value: must be a finite number");
    assert_eq!(all[0].kind, ErrorKind::NotFinite);
}

#[test]
fn trailing_text_after_the_bundle_is_refused() {
    let text = fixture("valid-minimal.json") + "{}";
    let all = parse_json(&text).unwrap_err().0;
    assert!(
        all[0].to_string().starts_with("not valid JSON: trailing characters"),
        "{all:?}"
    );
}

#[test]
fn the_shipped_spector_bundle_is_valid_and_its_countries_add_up() {
    let bundle = parse_json(spector_widget::facts::EMBEDDED_JSON).unwrap();
    assert!(bundle.warnings.is_empty(), "{:?}", bundle.warnings);
    let total = bundle.total("arrests").unwrap();
    assert_eq!(total.value, 288.0);
    let countries: Vec<&str> = bundle.by_country("arrests").map(|(c, _)| c).collect();
    assert_eq!(countries.len(), 9);
    for metric in ["arrests", "firearms_seized", "cash_usd", "no_such_metric"] {
        let per_country = bundle
            .facts
            .iter()
            .filter(|f| f.metric == metric && !matches!(f.scope, spector_widget::facts::Scope::All))
            .count();
        assert_eq!(per_country, bundle.by_country(metric).count(), "{metric}");
    }
    let sum: f64 = bundle.by_country("arrests").map(|(_, f)| f.value).sum();
    assert_eq!(sum, total.value);
    assert_eq!(bundle.for_country("arrests", "US").unwrap().value, 153.0);
    assert_eq!(
        bundle.for_country("arrests", "DE").unwrap().scope,
        Scope::Country("DE".into())
    );
}

#[test]
fn the_readme_example_bundle_is_valid() {
    let readme = fs::read_to_string("README.md").unwrap();
    let start = readme.find("```json\n").expect("README has a json example") + "```json\n".len();
    let end = start + readme[start..].find("```").unwrap();
    let bundle = parse_json(&readme[start..end]).unwrap();
    assert_eq!(bundle.operation.name, "Operation Example");
    assert_eq!(bundle.by_country("arrests").count(), 2);
}

#[test]
fn the_example_bundle_in_data_is_valid() {
    let bundle = parse_json(&fs::read_to_string("data/example-minimal.json").unwrap()).unwrap();
    assert!(bundle.total("arrests").is_some());
}

#[test]
fn a_date_is_one_its_month_has_and_the_announcement_is_a_day() {
    let with = |date: &str, announced: &str| {
        let mut json: serde_json::Value = serde_json::from_str(&fixture("valid-minimal.json")).unwrap();
        json["dates"][0]["date"] = date.into();
        json["operation"]["announced"] = announced.into();
        json.to_string()
    };
    for (date, days) in [
        ("2021-02-30", 28),
        ("2023-02-29", 28),
        ("2100-02-29", 28),
        ("2021-04-31", 30),
    ] {
        assert_eq!(
            messages(&with(date, "2024-03-01")),
            [format!(
                "dates[0].date: bad date \"{date}\": that month has {days} days"
            )]
        );
    }
    for date in ["2024-02-29", "2000-02-29", "2021-12-31", "2021-12", "2021"] {
        assert!(parse_json(&with(date, "2024-03-01")).is_ok(), "{date}");
    }
    // The schema and the docs said YYYY-MM-DD; the checker took a month.
    for announced in ["2021-10", "2021"] {
        assert_eq!(
            messages(&with("2024-03-01", announced)),
            [format!(
                "operation.announced: bad date \"{announced}\", expected the day of the announcement, YYYY-MM-DD"
            )]
        );
    }
    assert_eq!(
        messages(&with("2024-03-01", "2021-02-30")),
        ["operation.announced: bad date \"2021-02-30\": that month has 28 days"]
    );
}

#[test]
fn a_claim_that_repeats_the_figure_is_no_disagreement() {
    let mut json: serde_json::Value = serde_json::from_str(&fixture("valid-minimal.json")).unwrap();
    let claim = |value: serde_json::Value, qualifier: &str| serde_json::json!({ "value": value, "qualifier": qualifier, "citations": [{ "source": "agency", "quote": "q" }] });
    json["facts"][0]["disagreement"] = serde_json::json!({
        "reason": "r", "claims": [claim(12.into(), "exact"), claim(13.into(), "exact")]
    });
    json["dates"][0]["disagreement"] = serde_json::json!({
        "reason": "r", "claims": [{ "date": "2024-03-01", "citations": [{ "source": "agency", "quote": "q" }] }]
    });
    assert_eq!(
        messages(&json.to_string()),
        [
            "facts[0].disagreement.claims[0]: claims the same value as the figure; a disagreement needs another value",
            "dates[0].disagreement.claims[0]: claims the same date as the one shown; a disagreement needs another date",
        ]
    );
    // "More than 12" beside an exact 12 is another claim.
    json["facts"][0]["disagreement"]["claims"][0] = claim(12.into(), "more_than");
    json["dates"][0]["disagreement"]["claims"][0]["date"] = "2024-02".into();
    assert!(parse_json(&json.to_string()).is_ok());
}

#[test]
fn a_language_is_a_bcp_47_tag() {
    let mut json: serde_json::Value = serde_json::from_str(&fixture("valid-minimal.json")).unwrap();
    json["lang"] = "English".into();
    json["sources"][0]["lang"] = "de_DE".into();
    assert_eq!(
        messages(&json.to_string()),
        [
            "lang: bad language tag \"English\", expected a BCP 47 tag such as en, de or pt-BR",
            "sources[0].lang: bad language tag \"de_DE\", expected a BCP 47 tag such as en, de or pt-BR",
        ]
    );
    for tag in ["en", "pt-BR", "zh-Hant-TW", "gsw", "DE"] {
        json["lang"] = tag.into();
        json["sources"][0]["lang"] = tag.into();
        assert!(parse_json(&json.to_string()).is_ok(), "{tag}");
    }
}

#[test]
fn the_hints_know_every_metric_the_widget_names_and_no_other() {
    // `validator::KNOWN_METRICS` lists by hand what `standard_metric_key`
    // matches, for suggesting a spelling: the two must not drift apart.
    use spector_widget::i18n::Key;
    use spector_widget::render::labels::standard_metric_key;
    for metric in validator::KNOWN_METRICS {
        assert!(
            standard_metric_key(metric).is_some(),
            "{metric} has no name in the widget"
        );
    }
    // Each `metric.*` key of the interface words is named by some metric in
    // the list (the money ones by their currency's suffix).
    for key in Key::ALL {
        let Some(stem) = key.name().strip_prefix("metric.") else {
            continue;
        };
        assert!(
            validator::KNOWN_METRICS
                .iter()
                .any(|m| standard_metric_key(m) == Some(key)),
            "metric.{stem} is missing from KNOWN_METRICS"
        );
    }
}
