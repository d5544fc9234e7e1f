//! The `spector-facts` command as a newsroom runs it: exit codes, messages,
//! and exports compared with committed golden files.
#![cfg(not(target_arch = "wasm32"))]

use std::fs;
use std::path::PathBuf;
use std::process::{Command, Output};

const BIN: &str = env!("CARGO_BIN_EXE_spector-facts");
const HEADER: &str = "scope,metric,value,unit,qualifier,sources,disputed,id,label";

/// Runs the tool from the crate root, so relative paths match the docs.
fn run(args: &[&str]) -> Output {
    Command::new(BIN)
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("spector-facts runs")
}

fn stdout(out: &Output) -> String {
    String::from_utf8(out.stdout.clone()).unwrap()
}

fn stderr(out: &Output) -> String {
    String::from_utf8(out.stderr.clone()).unwrap()
}

fn fixture(path: &str) -> String {
    fs::read_to_string(PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(path)).unwrap()
}

fn csv_of(file: &str) -> String {
    let out = run(&["export", file]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    stdout(&out)
}

#[test]
fn check_summarises_the_shipped_bundle() {
    let out = run(&["check", "data/spector.json"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(
        stdout(&out),
        "data/spector.json: ok, Operation SpecTor, 22 figures, 4 dates, 8 sources, 5 disagreements\n"
    );
    assert_eq!(stderr(&out), "");
}

#[test]
fn check_reports_warnings_but_succeeds() {
    let out = run(&["check", "tests/fixtures/invalid/sum-mismatch.json"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 2, "{text}");
    assert!(lines[0].starts_with("tests/fixtures/invalid/sum-mismatch.json: ok, Operation Example, 3 figures"));
    assert_eq!(
        lines[1],
        "warning: tests/fixtures/invalid/sum-mismatch.json: facts[0].value: the per-country arrests add up to 16, but the operation-wide figure is 12"
    );
}

#[test]
fn check_escapes_and_cuts_the_operation_name_in_its_summary() {
    let scratch = Scratch::new("name");
    let forged = scratch.file(
        "forged.json",
        &minimal_with(|b| {
            b["operation"]["name"] =
                serde_json::json!("Evil\rreadme-min.json: ok, Operation Example\nwarning: fake\u{202E}gnp.exe");
        }),
    );
    let out = run(&["check", &forged]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(
        stdout(&out),
        format!(
            "{forged}: ok, Evil\\u000Dreadme-min.json: ok, Operation Example\\u000Awarning: fake\\u202Egnp.exe, \
             3 figures, 1 date, 1 source, 0 disagreements\n"
        )
    );
    let long = scratch.file(
        "long.json",
        &minimal_with(|b| b["operation"]["name"] = serde_json::json!("x".repeat(200))),
    );
    let out = run(&["check", &long]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(
        stdout(&out),
        format!(
            "{long}: ok, {} (cut), 3 figures, 1 date, 1 source, 0 disagreements\n",
            "x".repeat(80)
        )
    );
}

#[test]
fn check_escapes_and_cuts_the_metric_in_a_warning_and_an_error() {
    let scratch = Scratch::new("metric");
    // A metric is lower-case words joined by `_`, so one in a warning can
    // be long but holds nothing to escape; it is cut at 80 characters.
    let long = format!("arrests_{}", "y".repeat(100));
    let file = scratch.file(
        "metric.json",
        &minimal_with(|b| {
            for fact in b["facts"].as_array_mut().unwrap() {
                fact["metric"] = serde_json::json!(long);
            }
            b["facts"][1]["value"] = serde_json::json!(70);
        }),
    );
    let out = run(&["check", &file]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 2, "{text}");
    assert_eq!(
        lines[1],
        format!(
            "warning: {file}: facts[0].value: the per-country arrests_{} (cut) add up to 75, but the operation-wide figure is 12",
            "y".repeat(72)
        )
    );
    // One with a line break and a bidirectional override is refused, and
    // the error names it escaped and cut.
    let metric = format!("arrests\rwarning: fake\u{202E}{}", "y".repeat(100));
    let file = scratch.file(
        "hostile-metric.json",
        &minimal_with(|b| b["facts"][0]["metric"] = serde_json::json!(metric)),
    );
    let out = run(&["check", &file]);
    assert_eq!(out.status.code(), Some(1), "{}", stdout(&out));
    assert_eq!(
        stderr(&out),
        format!(
            "{file}: facts[0].metric: \"arrests\\u000Dwarning: fake\\u202E{}\" (cut) must be lower-case letters a-z \
             and digits, starting with a letter, words joined by _\n",
            "y".repeat(58)
        )
    );
}

#[test]
fn check_fails_on_every_invalid_fixture_and_names_the_file() {
    let mut checked = 0;
    let mut entries: Vec<_> = fs::read_dir(PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/invalid"))
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|name| name.ends_with(".json") && name != "sum-mismatch.json")
        .collect();
    entries.sort();
    for name in entries {
        let path = format!("tests/fixtures/invalid/{name}");
        let out = run(&["check", &path]);
        assert_eq!(out.status.code(), Some(1), "{path}: {}", stderr(&out));
        assert_eq!(stdout(&out), "", "{path}");
        let errors = stderr(&out);
        assert!(!errors.is_empty(), "{path}");
        for line in errors.lines() {
            let message = line
                .strip_prefix(&format!("{path}: "))
                .unwrap_or_else(|| panic!("{path}: {line}"));
            assert!(!message.is_empty(), "{path}: {line}");
        }
        checked += 1;
    }
    assert!(checked >= 15, "only {checked} invalid fixtures");
}

#[test]
fn check_prints_the_json_path_of_each_error() {
    let out = run(&["check", "tests/fixtures/invalid/unknown-source.json"]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        stderr(&out),
        "tests/fixtures/invalid/unknown-source.json: facts[2].citations[0].source: unknown source \"agencyy\"\n"
    );
}

/// A folder of its own for one test's files, removed when the test ends.
struct Scratch(PathBuf);

impl Scratch {
    fn new(tag: &str) -> Scratch {
        let dir = std::env::temp_dir().join(format!("spector-cli-{}-{tag}", std::process::id()));
        fs::create_dir_all(&dir).unwrap();
        Scratch(dir)
    }

    /// Writes `text` to `name` in the folder; its path, as the tool is given it.
    fn file(&self, name: &str, text: &str) -> String {
        let path = self.0.join(name);
        fs::write(&path, text).unwrap();
        path.to_str().unwrap().to_owned()
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.0);
    }
}

/// `tests/fixtures/valid-minimal.json` with `edit` made to it, as text.
fn minimal_with(edit: impl FnOnce(&mut serde_json::Value)) -> String {
    let mut bundle: serde_json::Value = serde_json::from_str(&fixture("tests/fixtures/valid-minimal.json")).unwrap();
    edit(&mut bundle);
    serde_json::to_string_pretty(&bundle).unwrap()
}

#[test]
fn every_command_lists_every_shape_error_in_the_widgets_words() {
    let scratch = Scratch::new("shape");
    let file = scratch.file(
        "three.json",
        &minimal_with(|b| {
            b["operation"]["name"] = serde_json::json!(3);
            b["sources"][0]["url_confirmed"] = serde_json::json!("yes");
            b["facts"][1]["value"] = serde_json::json!("7");
        }),
    );
    let expected = format!(
        "{file}: operation.name: invalid type: a number, expected a string\n\
         {file}: sources[0].url_confirmed: invalid type: string \"yes\", expected true or false\n\
         {file}: facts[1].value: invalid type: string \"7\", expected a number\n"
    );
    for command in ["check", "export", "render"] {
        let out = run(&[command, &file]);
        assert_eq!(out.status.code(), Some(1), "{command}");
        assert_eq!(stdout(&out), "", "{command}");
        assert_eq!(stderr(&out), expected, "{command}");
    }
}

#[test]
fn check_says_what_the_widget_says_about_a_document_that_is_no_bundle() {
    let scratch = Scratch::new("document");
    for (name, text, message) in [
        ("array.json", "[]", "invalid type: an array, expected a bundle object"),
        ("null.json", "null", "invalid type: null, expected a bundle object"),
        (
            "empty.json",
            "",
            "not valid JSON: EOF while parsing a value at line 1 column 1",
        ),
    ] {
        let file = scratch.file(name, text);
        let out = run(&["check", &file]);
        assert_eq!(out.status.code(), Some(1), "{name}");
        assert_eq!(stderr(&out), format!("{file}: {message}\n"), "{name}");
    }
}

#[test]
fn check_says_what_the_widget_says_about_every_refused_fixture() {
    // The widget's reader module reads a bundle's bytes with
    // `facts::parse_bytes`; the tool's errors must be those, word for word
    // and all of them, for bytes that are not UTF-8 (`.bin`) too.
    let mut checked = 0;
    for dir in ["tests/fixtures/invalid", "tests/fixtures/hostile"] {
        let mut names: Vec<String> = fs::read_dir(PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(dir))
            .unwrap()
            .map(|e| e.unwrap().file_name().into_string().unwrap())
            .filter(|name| name.ends_with(".json") || name.ends_with(".bin"))
            .collect();
        names.sort();
        for name in names {
            let path = format!("{dir}/{name}");
            let bytes = fs::read(PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(&path)).unwrap();
            let Err(errors) = spector_widget::facts::parse_bytes(&bytes) else {
                continue;
            };
            let expected: String = errors.0.iter().map(|e| format!("{path}: {e}\n")).collect();
            let out = run(&["check", &path]);
            assert_eq!(out.status.code(), Some(1), "{path}");
            assert_eq!(stderr(&out), expected, "{path}");
            checked += 1;
        }
    }
    assert!(checked >= 80, "only {checked} refused fixtures");
}

#[test]
fn a_missing_file_exits_2() {
    let out = run(&["check", "tests/fixtures/no-such-file.json"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("cannot read tests/fixtures/no-such-file.json"),
        "{}",
        stderr(&out)
    );
    assert_eq!(
        run(&["export", "tests/fixtures/no-such-file.json"]).status.code(),
        Some(2)
    );
}

#[test]
fn usage_errors_exit_2_and_help_exits_0() {
    for args in [
        &[][..],
        &["frobnicate"],
        &["check"],
        &["check", "a.json", "b.json"],
        &["check", "--verbose", "data/spector.json"],
        &["export"],
        &["export", "data/spector.json", "--format"],
        &["export", "data/spector.json", "--format", "xml"],
        &["export", "data/spector.json", "-o"],
    ] {
        let out = run(args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(
            stderr(&out).starts_with("spector-facts: "),
            "{args:?}: {}",
            stderr(&out)
        );
        assert_eq!(stdout(&out), "", "{args:?}");
    }
    for args in [&["--help"][..], &["-h"], &["help"], &["export", "--help"]] {
        let out = run(args);
        assert_eq!(out.status.code(), Some(0), "{args:?}");
        assert!(stdout(&out).contains("spector-facts check FILE"), "{args:?}");
    }
}

#[test]
fn version_prints_the_crate_version_and_exits_0() {
    for flag in ["--version", "-V"] {
        let out = run(&[flag]);
        assert_eq!(out.status.code(), Some(0), "{flag}: {}", stderr(&out));
        assert_eq!(
            stdout(&out),
            format!("spector-facts {}\n", env!("CARGO_PKG_VERSION")),
            "{flag}"
        );
        assert_eq!(stderr(&out), "", "{flag}");
    }
    assert!(stdout(&run(&["--help"])).contains("spector-facts --version"));
}

#[test]
fn version_goes_alone_and_anything_with_it_is_a_usage_error() {
    // As the usage says, `spector-facts --version` takes nothing else: an
    // argument after it was ignored (the version printed, exit 0), and
    // after a command it was only an unknown option.
    for (args, message) in [
        (
            &["--version", "extra"][..],
            "--version takes no arguments, got \"extra\"",
        ),
        (
            &["-V", "data/spector.json"],
            "-V takes no arguments, got \"data/spector.json\"",
        ),
        (
            &["--version", "--version"],
            "--version takes no arguments, got \"--version\"",
        ),
        (
            &["check", "--version"],
            "check: --version is not an option of check; run spector-facts --version on its own",
        ),
        (
            &["check", "data/spector.json", "-V"],
            "check: -V is not an option of check; run spector-facts -V on its own",
        ),
        (
            &["export", "data/spector.json", "--version"],
            "export: --version is not an option of export; run spector-facts --version on its own",
        ),
        (
            &["render", "-V", "data/spector.json"],
            "render: -V is not an option of render; run spector-facts -V on its own",
        ),
    ] {
        let out = run(args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert_eq!(stdout(&out), "", "{args:?}");
        assert_eq!(
            stderr(&out),
            format!("spector-facts: {message}\nTry 'spector-facts --help'.\n"),
            "{args:?}"
        );
    }
}

#[test]
fn export_of_an_invalid_bundle_exits_1_with_its_errors() {
    let out = run(&["export", "tests/fixtures/invalid/negative-value.json"]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(stdout(&out), "");
    assert!(
        stderr(&out).starts_with("tests/fixtures/invalid/negative-value.json: facts["),
        "{}",
        stderr(&out)
    );
}

#[test]
fn csv_export_of_the_shipped_bundle_matches_the_golden_file() {
    let csv = csv_of("data/spector.json");
    assert_eq!(csv, fixture("tests/fixtures/export/spector.csv"));
    assert_eq!(csv.lines().next(), Some(HEADER));
    assert!(csv.ends_with('\n') && !csv.ends_with("\n\n"));
    // One row per figure; dates are not rows.
    assert_eq!(csv.lines().count(), 1 + 22);
    assert!(csv.contains("\nALL,arrests,288,people,exact,"));
    let countries: Vec<&str> = csv
        .lines()
        .filter(|l| l.contains(",arrests,") && !l.starts_with("ALL,"))
        .map(|l| l.split(',').next().unwrap())
        .collect();
    assert_eq!(countries, ["US", "GB", "DE", "NL", "AT", "FR", "CH", "PL", "BR"]);
    assert!(csv.contains(",53400000,USD,more_than,"));
    assert!(!csv.contains("announcement"));
    // An agency that a source's quoted words attribute a figure to
    // ("according to Europol", "the DOJ said") is among its sources, right
    // after the source citing it.
    assert!(
        csv.contains("\nDE,arrests,52,people,exact,seed-b2c;europol;seed-mimikama;seed-nydn,,arrests-de,\n"),
        "{csv}"
    );
    assert!(
        csv.contains("\nBR,arrests,1,people,exact,seed-b2c;europol,,arrests-br,\n"),
        "{csv}"
    );
    assert!(
        csv.contains(",64,kg,exact,seed-b2c;seed-nydn;doj,54 (seed-darknet-blog),fentanyl-all,"),
        "{csv}"
    );
}

#[test]
fn csv_export_can_go_to_a_file_and_json_to_stdout() {
    let dir = std::env::temp_dir().join(format!("spector-facts-test-{}", std::process::id()));
    fs::create_dir_all(&dir).unwrap();
    let path = dir.join("out.csv");
    let out = run(&["export", "data/spector.json", "-o", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(stdout(&out), "");
    assert_eq!(
        fs::read_to_string(&path).unwrap(),
        fixture("tests/fixtures/export/spector.csv")
    );
    let out = run(&[
        "export",
        "data/spector.json",
        "--format=csv",
        "--output",
        path.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(0));
    fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn csv_quotes_commas_quotes_and_newlines() {
    let csv = csv_of("tests/fixtures/export/tricky.json");
    assert_eq!(csv, fixture("tests/fixtures/export/tricky.csv"));
    assert!(csv.contains(r#",cash-all,"Drugs, ""cash"" and crypto""#), "{csv}");
    assert!(
        csv.contains(",0.5,EUR,about,agency,nearly 1 (-dash-source) | 0.25 (agency;-dash-source),"),
        "{csv}"
    );
    assert!(
        csv.contains(",'-minus-id,\"Line one\nline two </script><b>\"\n"),
        "{csv}"
    );
}

#[test]
fn csv_neutralises_formula_looking_text() {
    let csv = csv_of("tests/fixtures/export/tricky.json");
    let row = csv.lines().find(|l| l.starts_with("DE,")).unwrap();
    assert_eq!(
        row,
        r#"DE,cocaine_seized_kg,1234567.25,kg,at_least,'-dash-source,,formula-de,"'=HYPERLINK(""http://evil.example"",""click"")""#
    );
}

#[test]
fn json_export_parses_with_one_object_per_fact() {
    let out = run(&["export", "data/spector.json", "--format", "json"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.starts_with("[\n  {\n    \"scope\": \"ALL\",\n"));
    assert!(text.ends_with("}\n]\n"));
    let rows: Vec<serde_json::Map<String, serde_json::Value>> = serde_json::from_str(&text).unwrap();
    assert_eq!(rows.len(), 22);
    let bundle = spector_widget::facts::parse_json(&fixture("data/spector.json")).unwrap();
    let keys: Vec<&str> = HEADER.split(',').collect();
    for (row, fact) in rows.iter().zip(&bundle.facts) {
        assert_eq!(row.keys().map(String::as_str).collect::<Vec<_>>().len(), keys.len());
        for key in &keys {
            assert!(row.contains_key(*key), "{key}");
        }
        assert_eq!(row["id"], fact.id.as_str());
        assert_eq!(row["value"].as_f64(), Some(fact.value));
        assert!(row["value"].is_number());
    }
    assert_eq!(rows[0]["value"], serde_json::json!(288));
    assert_eq!(rows[1]["disputed"], "more_than 280 (seed-darknet-blog)");
}

#[test]
fn json_export_matches_the_csv_cells_and_escapes_markup() {
    let out = run(&["export", "tests/fixtures/export/tricky.json", "-f", "json"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(!text.contains('<'), "{text}");
    assert!(
        text.contains(r#""label": "Line one\u000aline two \u003c/script>\u003cb>""#),
        "{text}"
    );
    let rows: Vec<serde_json::Value> = serde_json::from_str(&text).unwrap();
    assert_eq!(rows.len(), 3);
    assert_eq!(rows[0]["label"], "Drugs, \"cash\" and crypto");
    assert_eq!(rows[0]["value"], serde_json::json!(0.5));
    // JSON carries the text as it is: the apostrophe is only for spreadsheets.
    assert_eq!(rows[1]["label"], r#"=HYPERLINK("http://evil.example","click")"#);
    assert_eq!(rows[2]["label"], "Line one\nline two </script><b>");
}

/// The values of every `attr="…"` in `html`.
fn attr_values<'a>(html: &'a str, attr: &str) -> Vec<&'a str> {
    let start = format!(" {attr}=\"");
    html.split(start.as_str())
        .skip(1)
        .map(|s| &s[..s.find('"').expect("attribute closes")])
        .collect()
}

#[test]
fn two_fallbacks_of_one_bundle_on_a_page_each_lead_to_their_own_sources_with_id_prefix() {
    // A page with the English fallback and, below it, the German one, as
    // the README says to paste them.
    let first = run(&["render", "data/spector.json"]);
    let second = run(&[
        "render",
        "data/spector.json",
        "--lang",
        "de",
        "--id-prefix",
        "sw-spector-de",
    ]);
    for out in [&first, &second] {
        assert_eq!(out.status.code(), Some(0), "{}", stderr(out));
    }
    let (first, second) = (stdout(&first), stdout(&second));
    let page = format!(
        "<spector-widget>\n{first}</spector-widget>\n<spector-widget lang=\"de\">\n{second}</spector-widget>\n"
    );
    // No id twice on the page.
    let ids = attr_values(&page, "id");
    let mut unique = ids.clone();
    unique.sort_unstable();
    unique.dedup();
    assert_eq!(unique.len(), ids.len(), "{ids:?}");
    // "[1]" in the second leads to the second's list, and so does every
    // other in-page link and the map's name and description.
    let own = attr_values(&second, "id");
    assert!(own.contains(&"sw-spector-de-src-1"), "{own:?}");
    let links = attr_values(&second, "href");
    let targets: Vec<&str> = links.iter().filter_map(|h| h.strip_prefix('#')).collect();
    assert!(targets.contains(&"sw-spector-de-src-1"));
    for target in targets {
        assert!(own.contains(&target), "#{target} is not the second fallback's");
    }
    assert!(second.contains("aria-labelledby=\"sw-spector-de-map-t sw-spector-de-map-d\""));
    // The same prefix in a complete page.
    let out = run(&["render", "data/spector.json", "--page", "--id-prefix=ops2"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stdout(&out).contains("<li id=\"ops2-src-1\" value=\"1\">"));
    assert!(!stdout(&out).contains("sw-spector"));

    // A prefix that is no good id, or one for a format without ids, is a
    // usage error that says what is wanted.
    for (args, says) in [
        (
            &["render", "data/spector.json", "--id-prefix", "2nd"][..],
            "a letter, then letters, digits, - or _",
        ),
        (
            &["render", "data/spector.json", "--id-prefix", "a b"],
            "a letter, then letters, digits, - or _",
        ),
        (
            &["render", "data/spector.json", "--id-prefix", "x\"><script>"],
            "a letter, then letters, digits, - or _",
        ),
        (
            &["render", "data/spector.json", "--id-prefix", ""],
            "a letter, then letters, digits, - or _",
        ),
        (
            &["render", "data/spector.json", "--id-prefix"],
            "--id-prefix needs a value",
        ),
        (
            &["render", "data/spector.json", "--id-prefix", "a", "--id-prefix", "b"],
            "--id-prefix given twice",
        ),
        (
            &["render", "data/spector.json", "--format", "svg", "--id-prefix", "a"],
            "--id-prefix goes with --format html only",
        ),
    ] {
        let out = run(args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(stderr(&out).contains(says), "{args:?}: {}", stderr(&out));
        assert_eq!(stdout(&out), "", "{args:?}");
    }
    // --help says what it is for.
    let help = stdout(&run(&["--help"]));
    assert!(help.contains("[--id-prefix P]"), "{help}");
    assert!(
        help.contains("Give each fallback of the\n                          same bundle on one page its own"),
        "{help}"
    );
}

#[test]
fn check_hints_at_a_metric_one_letter_from_a_known_one() {
    let scratch = Scratch::new("hint");
    let file = scratch.file(
        "arrest.json",
        &minimal_with(|b| b["facts"][1]["metric"] = serde_json::json!("arrest")),
    );
    let out = run(&["check", &file]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(
        lines[1..],
        [format!(
            "warning: {file}: facts[1].metric: \"arrest\" is not a metric the widget knows; did you mean \"arrests\"?"
        )]
    );
    // `export` says so on stderr, beside its table.
    let out = run(&["export", &file]);
    assert_eq!(out.status.code(), Some(0));
    assert!(stderr(&out).contains("did you mean \"arrests\"?"), "{}", stderr(&out));
}
