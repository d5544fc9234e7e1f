//! `spector-facts render`: the static version (HTML fallback, SVG, PNG),
//! run as the built binary.
#![cfg(not(target_arch = "wasm32"))]

use spector_widget::facts::{self, Bundle, ClaimValue, Scope};
use spector_widget::i18n::{Key, Locale};
use spector_widget::render::labels;
use std::path::PathBuf;
use std::process::{Command, Output};

const BUNDLE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/data/spector.json");

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_spector-facts"))
        .args(args)
        .output()
        .expect("run spector-facts")
}

fn ok_stdout(args: &[&str]) -> String {
    let out = run(args);
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("utf-8")
}

fn bundle() -> Bundle {
    facts::parse_json(&std::fs::read_to_string(BUNDLE).expect("bundle")).expect("valid")
}

fn tmp(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("spector-static-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("tmp dir");
    dir.join(name)
}

fn between<'a>(s: &'a str, start: &str, end: &str) -> &'a str {
    let i = s.find(start).unwrap_or_else(|| panic!("no {start}"));
    let rest = &s[i..];
    let j = rest.find(end).unwrap_or_else(|| panic!("no {end} after {start}"));
    &rest[..j + end.len()]
}

fn amount(q: facts::Qualifier, v: f64, unit: &str) -> String {
    let mut s = String::new();
    labels::push_amount(&mut s, Locale::english(), q, v, unit, "en");
    s
}

/// The figures' tables, each from `<table>` to `</table>`.
fn tables(html: &str) -> Vec<&str> {
    html.split("<table>")
        .skip(1)
        .map(|t| &t[..t.find("</table>").expect("table closes")])
        .collect()
}

/// A table's rows, each from after `<tr>`.
fn rows(table: &str) -> Vec<&str> {
    table.split("<tr>").skip(1).collect()
}

/// A row's header cell's text, if it has one.
fn row_header(row: &str) -> Option<&str> {
    let start = row.strip_prefix("<th scope=\"row\">")?;
    Some(&start[..start.find("</th>").expect("th closes")])
}

/// The row that shows `fact`, found by its header in its scope's table
/// (arrests by country, the whole operation's figures, a country's other
/// figures), and the row after it.
fn figure_row<'a>(html: &'a str, fact: &facts::Fact) -> (&'a str, Option<&'a str>) {
    let t = Locale::english();
    let all = tables(html);
    let (table, header) = match (&fact.scope, fact.metric.as_str()) {
        (Scope::Country(code), "arrests") => (all[0], t.country(code).expect("name").to_owned()),
        (Scope::All, "arrests") => (all[0], "Total".to_owned()),
        (scope, _) => {
            let caption = match scope {
                Scope::All => t.text(Key::TableCaptionOperation).to_owned(),
                Scope::Country(code) => t.country(code).expect("name").to_owned(),
            };
            let table = all
                .iter()
                .find(|table| table.starts_with(&format!("<caption>{caption}</caption>")))
                .unwrap_or_else(|| panic!("{}: no table {caption}", fact.id));
            let mut name = String::new();
            labels::push_fact_name(&mut name, t, fact);
            (*table, name)
        }
    };
    let rows = rows(table);
    let found: Vec<usize> = (0..rows.len())
        .filter(|&i| row_header(rows[i]).is_some_and(|h| h == header || h.starts_with(&format!("{header} (part of "))))
        .collect();
    assert_eq!(found.len(), 1, "{}: {header}", fact.id);
    (rows[found[0]], rows.get(found[0] + 1).copied())
}

/// A figure's value as its row gives it: the number alone where the
/// figure's name says what it counts (arrests under "Arrests", "Firearms:
/// 117"), else with its unit ("850 kg", "more than $53.4 million").
fn value(fact: &facts::Fact) -> String {
    let counted = ["arrests", "countries_involved", "firearms_seized", "pills_seized"];
    if counted.contains(&fact.metric.as_str()) {
        let mut s = String::new();
        spector_widget::render::format::push_qualified(&mut s, Locale::english(), fact.qualifier, fact.value);
        s
    } else {
        amount(fact.qualifier, fact.value, &fact.unit)
    }
}

#[test]
fn html_tables_have_every_fact_with_its_qualifier_in_words() {
    let html = ok_stdout(&["render", BUNDLE, "--format", "html"]);
    let b = bundle();
    let tables = tables(&html);
    // Arrests by country, the whole operation's figures, the United
    // States' other figures.
    assert_eq!(tables.len(), 3);
    let captions: Vec<&str> = tables.iter().map(|t| between(t, "<caption>", "</caption>")).collect();
    assert_eq!(
        captions,
        [
            "<caption>Arrests by country</caption>",
            "<caption>Figures for the whole operation</caption>",
            "<caption>United States</caption>"
        ]
    );
    // Every fact once, in the row its scope's table gives it: a country's
    // arrests under the country's name, the total in the footer, any other
    // figure under its own name in its scope's table, euros beside dollars.
    for fact in &b.facts {
        let row = figure_row(&html, fact).0;
        let value = value(fact);
        assert!(
            row.contains(&format!("<td>{value} <a href=")) || row.contains(&format!(" ({value} <a href=")),
            "{}: {row}",
            fact.id
        );
    }
    for words in [
        "<td>more than 200,000 <a ",
        "<td>more than 258\u{a0}kg <a ",
        "<td>more than $53.4\u{a0}million <a ",
        " (more than €50.8\u{a0}million <a ",
    ] {
        assert!(html.contains(words), "{words}");
    }
    // The sources' numbers follow the value, in its cell; the total is in
    // the footer of the arrests table.
    assert!(tables[0].contains("<tfoot><tr><th scope=\"row\">Total</th><td>288 <a href=\"#sw-spector-src-1\">[1]</a> "));
    // Each headline figure cites its own sources, as the widget's markers:
    // the arrests total and the countries figure.
    let start = "<p><strong>288</strong>\u{a0}arrests ";
    let headline = between(&html, start, "</p>")
        .strip_prefix(start)
        .and_then(|h| h.strip_suffix("</p>"))
        .expect("the headline");
    let (arrests, countries) = headline
        .split_once(" in 9\u{a0}countries ")
        .expect("in 9 countries, then its references");
    let refs = |fact: &str| {
        let f = b.facts.iter().find(|f| f.id == fact).expect("fact");
        spector_widget::render::cite::source_indexes(&f.citations)
            .iter()
            .map(|n| format!("<a href=\"#sw-spector-src-{}\">[{}]</a>", n + 1, n + 1))
            .collect::<Vec<_>>()
            .join(" ")
    };
    let total = b.total("arrests").expect("total");
    let count = b.total("countries_involved").expect("countries");
    assert_eq!(arrests, refs(&total.id));
    assert_eq!(countries, refs(&count.id));
    assert!(!countries.is_empty());
}

#[test]
fn each_table_has_two_columns_and_row_headers_a_screen_reader_tells_apart() {
    for lang in ["en", "de", "fr", "nl", "es", "pt-BR", "pl"] {
        let html = ok_stdout(&["render", BUNDLE, "--lang", lang]);
        for table in tables(&html) {
            // Two columns, so the tables fit a 320 px phone: no "Where"
            // column, the table's caption says where.
            assert_eq!(table.matches("<th scope=\"col\">").count(), 2, "{lang}");
            let headers: Vec<&str> = rows(table).into_iter().filter_map(row_header).collect();
            let mut unique = headers.clone();
            unique.sort_unstable();
            unique.dedup();
            assert_eq!(unique.len(), headers.len(), "{lang}: {headers:?}");
            // A row is a figure, or the "sources differ" note of the one
            // above it, across the table.
            for row in rows(table).into_iter().skip(1) {
                assert!(
                    row_header(row).is_some() || row.starts_with("<td colspan=\"2\">"),
                    "{lang}: {row}"
                );
            }
        }
    }
    let html = ok_stdout(&["render", BUNDLE]);
    let headers: Vec<&str> = rows(tables(&html)[0]).into_iter().filter_map(row_header).collect();
    assert_eq!(
        headers,
        [
            "United States",
            "United Kingdom",
            "Germany",
            "Netherlands",
            "Austria",
            "France",
            "Switzerland",
            "Poland",
            "Brazil",
            "Total"
        ]
    );
}

#[test]
fn html_notes_every_disagreement_with_all_its_values() {
    let html = ok_stdout(&["render", BUNDLE]);
    let b = bundle();
    let mut notes = 0;
    for fact in b.facts.iter().filter(|f| f.disagreement.is_some()) {
        let d = fact.disagreement.as_ref().expect("disagreement");
        // The note is the row after the figure's, across the table.
        let row = figure_row(&html, fact)
            .1
            .unwrap_or_else(|| panic!("{}: no row after", fact.id));
        assert!(
            row.starts_with("<td colspan=\"2\">Sources differ: "),
            "{}: {row}",
            fact.id
        );
        for claim in &d.claims {
            let ClaimValue::Number(v) = claim.value else {
                panic!("number")
            };
            let claimed = amount(claim.qualifier, v, &fact.unit);
            assert!(
                row.contains(&format!("<strong>{claimed}</strong>")),
                "{}: {claimed}",
                fact.id
            );
        }
        let mut reason = String::new();
        spector_widget::text::push_escaped(&mut reason, &d.reason);
        assert!(row.contains(&reason), "{}: reason", fact.id);
        notes += 1;
    }
    assert_eq!(notes, 5);
    assert_eq!(html.matches("Sources differ: ").count(), 5);
    assert!(html.contains("<strong>33\u{a0}countries</strong>"));
    assert!(html.contains("<strong>more than 280\u{a0}people</strong>"));
}

#[test]
fn html_lists_every_source_once_with_quotes_and_safe_links() {
    let html = ok_stdout(&["render", BUNDLE]);
    let b = bundle();
    let list = between(&html, "<h3>Sources</h3><ol>", "</ol>\n");
    let mut escaped = String::new();
    for (i, source) in b.sources.iter().enumerate() {
        let anchor = format!("<li id=\"sw-spector-src-{}\" value=\"{}\">", i + 1, i + 1);
        assert_eq!(list.matches(&anchor).count(), 1, "{}", source.id);
        escaped.clear();
        spector_widget::text::push_escaped(&mut escaped, &source.publisher);
        assert_eq!(
            list.matches(&format!("{anchor}{escaped} (")).count(),
            1,
            "{}",
            source.id
        );
        // In a new tab, as in the widget: inside the iframe embed, a link
        // opened in place would load the source into the frame.
        if let (Some(url), true) = (&source.url, source.url_confirmed) {
            assert!(
                list.contains(&format!(
                    "<a href=\"{url}\" target=\"_blank\" rel=\"noopener noreferrer\">"
                )),
                "{url}"
            );
        }
    }
    assert_eq!(list.matches("<li id=").count(), b.sources.len());
    // Every quote, verbatim (escaped), is in the list.
    for fact in &b.facts {
        for c in &fact.citations {
            escaped.clear();
            spector_widget::text::push_escaped(&mut escaped, &c.quote);
            assert!(list.contains(&format!(">{escaped}</q>")), "{}", c.quote);
        }
    }
    // Words that attribute a figure to an agency say so, with a link to it,
    // and the agency's entry names who cites it, for what.
    assert!(list.contains(
        "<li>citing Europol <a href=\"#sw-spector-src-1\">[1]</a>: <q lang=\"en\">The arrests took place in America (153 arrests),"
    ), "{list}");
    assert!(list.contains(
        "<li>citing U.S. Department of Justice, Office of Public Affairs <a href=\"#sw-spector-src-2\">[2]</a>: <q lang=\"en\">Authorities seized 104 illegal guns"
    ), "{list}");
    let europol = between(list, "<li id=\"sw-spector-src-1\"", "<li id=\"sw-spector-src-2\"");
    assert!(
        europol.contains(
            "<li>Cited by <a href=\"#sw-spector-src-7\">[7]</a> for Arrests (United States); Arrests (Germany)</li>"
        ),
        "{europol}"
    );
    let doj = between(list, "<li id=\"sw-spector-src-2\"", "<li id=\"sw-spector-src-3\"");
    assert!(doj.contains("<li>Cited by <a href=\"#sw-spector-src-6\">[6]</a> for Firearms (United States); Pills (United States)</li><li>Cited by <a href=\"#sw-spector-src-8\">[8]</a> for Arrests; "), "{doj}");
    // And the table's references for a country's arrests include Europol.
    let table = between(&html, "<table>", "</table>");
    assert!(
        table.contains("<tr><th scope=\"row\">Germany</th><td>52 <a href=\"#sw-spector-src-1\">[1]</a> <a href=\"#sw-spector-src-4\">[4]</a> <a href=\"#sw-spector-src-7\">[7]</a> <a href=\"#sw-spector-src-8\">[8]</a></td></tr>"),
        "{table}"
    );
    // Europol's address is not confirmed: text, not a link, that may break
    // after a slash, so it fits a phone's column.
    assert!(!list.contains("<a href=\"https://www.europol"));
    assert!(
        list.contains(
            ", https://<wbr>www.europol.europa.eu/<wbr>media-press/<wbr>newsroom/<wbr>news/<wbr>288-dark-web-vendors-"
        ),
        "{list}"
    );
    for href in html.split("href=\"").skip(1) {
        assert!(
            href.starts_with('#') || href.starts_with("https://") || href.starts_with("http://"),
            "{href}"
        );
    }
    let dates = between(&html, "<h3>Key dates</h3><ol>", "</ol>");
    assert_eq!(dates.matches("<li>").count(), b.dates.len());
    assert!(dates.contains("<time datetime=\"2021-12\">December 2021</time>"));
}

#[test]
fn html_has_no_script_handlers_or_inline_style() {
    for args in [&["render", BUNDLE][..], &["render", BUNDLE, "--page"][..]] {
        let html = ok_stdout(args);
        let lower = html.to_ascii_lowercase();
        assert!(!lower.contains("<script"));
        assert!(!lower.contains("style="));
        assert!(!lower.contains("<style"));
        assert!(!lower.contains("javascript:"));
        // No ` onclick=`-style attribute anywhere.
        for (i, _) in lower.match_indices(" on") {
            let name: String = lower[i + 1..]
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric())
                .collect();
            let after = lower[i + 1 + name.len()..].chars().next();
            assert!(after != Some('='), "event handler attribute {name}");
        }
        // The map is inline SVG drawn with presentation attributes.
        assert!(html.contains("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"100%\" viewBox="));
        assert!(html.matches("<path d=").count() > 150);
        assert!(html.contains("fill=\"#c25100\""));
    }
}

/// Tags the renderer emits that must be closed, in order.
const PAIRED: &[&str] = &[
    "html",
    "head",
    "title",
    "body",
    "main",
    "spector-widget",
    "div",
    "h2",
    "h3",
    "p",
    "strong",
    "a",
    "figure",
    "figcaption",
    "svg",
    "desc",
    "g",
    "text",
    "table",
    "caption",
    "thead",
    "tbody",
    "tfoot",
    "tr",
    "th",
    "td",
    "ol",
    "ul",
    "li",
    "cite",
    "time",
    "q",
];
const VOID: &[&str] = &["meta", "wbr"];

/// A small structural check: tags balance and nest, self-closing only in
/// SVG, no unknown tag.
fn check_structure(html: &str) {
    let mut stack: Vec<String> = Vec::new();
    let mut rest = html;
    while let Some(i) = rest.find('<') {
        rest = &rest[i + 1..];
        let end = rest.find('>').expect("tag ends");
        let tag = &rest[..end];
        rest = &rest[end + 1..];
        if tag.starts_with("!DOCTYPE") {
            continue;
        }
        let closing = tag.starts_with('/');
        let name: String = tag
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '-')
            .collect();
        let self_closing = tag.ends_with('/');
        if self_closing {
            assert!(stack.iter().any(|t| t == "svg"), "self-closing <{name}/> outside svg");
            assert!(["path", "circle", "rect"].contains(&name.as_str()), "<{name}/>");
            continue;
        }
        if VOID.contains(&name.as_str()) {
            continue;
        }
        assert!(PAIRED.contains(&name.as_str()), "unexpected tag <{tag}>");
        if closing {
            let open = stack.pop().unwrap_or_else(|| panic!("</{name}> closes nothing"));
            assert_eq!(open, name, "</{name}> closes <{open}>");
        } else {
            stack.push(name);
        }
    }
    assert!(stack.is_empty(), "unclosed: {stack:?}");
}

#[test]
fn html_page_is_a_complete_well_formed_document() {
    let page = ok_stdout(&["render", BUNDLE, "--format", "html", "--page"]);
    assert!(page.starts_with("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">"));
    assert!(page.contains("<title>Operation SpecTor</title>"));
    assert!(page.contains("<spector-widget>\n<div lang=\"en\">"));
    assert!(page.trim_end().ends_with("</html>"));
    check_structure(&page);
    for (open, n) in [
        ("<table>", 3),
        ("<caption>", 3),
        ("<thead>", 3),
        ("<tbody>", 3),
        ("<tfoot>", 1),
        ("<h2>", 1),
        ("<html", 1),
        ("<body>", 1),
    ] {
        assert_eq!(page.matches(open).count(), n, "{open}");
    }
    // A <p> inside a <td> is fine; a <p> must not contain block content.
    for p in page.split("<p>").skip(1) {
        let body = &p[..p.find("</p>").expect("p closes")];
        for block in ["<div", "<table", "<ul", "<ol", "<p>", "<figure", "<h"] {
            assert!(!body.contains(block), "{block} inside <p>");
        }
    }
    // Ids are unique.
    let ids: Vec<&str> = page
        .split(" id=\"")
        .skip(1)
        .map(|s| &s[..s.find('"').expect("id")])
        .collect();
    let mut unique = ids.clone();
    unique.sort_unstable();
    unique.dedup();
    assert_eq!(unique.len(), ids.len());
    // Every in-page link has its target.
    for href in page.split("href=\"#").skip(1) {
        let target = &href[..href.find('"').expect("href")];
        assert!(ids.contains(&target), "#{target}");
    }
    // The fragment alone is the page's content.
    let fragment = ok_stdout(&["render", BUNDLE]);
    assert!(page.contains(&fragment));
    assert!(!fragment.contains("<html") && !fragment.contains("<!DOCTYPE"));
}

#[test]
fn svg_is_a_standalone_document_of_the_requested_width() {
    for width in [640u32, 480, 1000] {
        let w = width.to_string();
        let svg = ok_stdout(&["render", BUNDLE, "--format", "svg", "--width", &w]);
        assert!(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\" "), "{width}");
        let head = &svg[..svg.find('>').expect("tag")];
        assert!(head.contains(&format!(" width=\"{width}\"")), "{head}");
        let height: f64 = head
            .split(" height=\"")
            .nth(1)
            .and_then(|s| s.split('"').next())
            .expect("height")
            .parse()
            .expect("number");
        assert!(
            height > f64::from(width) * 0.45 && height < f64::from(width) * 0.75,
            "{width}×{height}"
        );
        assert!(svg.matches("<path").count() > 150);
        assert!(svg.trim_end().ends_with("</svg>"));
        assert_eq!(svg.matches("<svg").count(), svg.matches("</svg>").count());
        assert_eq!(svg.matches("<text").count(), svg.matches("</text>").count());
        assert!(svg.contains(">Operation SpecTor</text>"));
        assert!(svg.contains(">288</tspan>") && svg.contains("\u{a0}arrests in 9\u{a0}countries</tspan>"));
        // The agencies behind the map's figures: Europol's, and the DOJ's
        // 288 arrests as the Daily News reports them (wrapped where narrow).
        assert!(
            svg.contains(">Sources: Europol; U.S. Department of Justice,"),
            "{width}"
        );
        assert!(
            svg.contains("Map data: Natural") && svg.contains("Earth.</text>"),
            "{width}"
        );
        assert!(svg.contains(">153</text>"), "the largest country's label");
        assert!(!svg.contains("<script") && !svg.contains("style="));
    }
    // Default 640.
    let svg = ok_stdout(&["render", BUNDLE, "--format=svg"]);
    assert!(svg[..200].contains(" width=\"640\""));
}

fn png_size(bytes: &[u8]) -> (u32, u32) {
    assert!(bytes.starts_with(b"\x89PNG\r\n\x1a\n"), "PNG signature");
    assert_eq!(&bytes[12..16], b"IHDR");
    let be = |s: &[u8]| u32::from_be_bytes([s[0], s[1], s[2], s[3]]);
    (be(&bytes[16..20]), be(&bytes[20..24]))
}

#[test]
fn png_decodes_with_the_requested_width() {
    for (args, width) in [(&["--width", "800"][..], 800u32), (&[][..], 1200)] {
        let path = tmp(&format!("map-{width}.png"));
        let mut all = vec!["render", BUNDLE, "--format", "png", "-o", path.to_str().expect("path")];
        all.extend_from_slice(args);
        let out = run(&all);
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        let bytes = std::fs::read(&path).expect("png written");
        let (w, h) = png_size(&bytes);
        assert_eq!(w, width);
        assert!(h > 0 && h < w);
        let pixmap = resvg::tiny_skia::Pixmap::decode_png(&bytes).expect("decodes");
        assert_eq!((pixmap.width(), pixmap.height()), (w, h));
        // Opaque white background, and text was drawn: some dark pixels.
        let px = pixmap.pixels();
        assert!(px.iter().all(|p| p.alpha() == 255));
        let dark = px
            .iter()
            .filter(|p| p.red() < 60 && p.green() < 60 && p.blue() < 60)
            .count();
        assert!(dark > 1000, "{dark} dark pixels");
        let _ = std::fs::remove_file(&path);
    }
    // To stdout when it is not a terminal.
    let out = run(&["render", BUNDLE, "--format", "png", "--width", "320"]);
    assert!(out.status.success());
    assert_eq!(png_size(&out.stdout).0, 320);
}

#[test]
fn unsupported_language_falls_back_to_english_with_a_note() {
    let out = run(&["render", BUNDLE, "--lang", "xx"]);
    assert_eq!(out.status.code(), Some(0));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("\"xx\"") && stderr.contains("English"), "{stderr}");
    assert!(String::from_utf8_lossy(&out.stdout).contains("<div lang=\"en\">"));
    // A language the widget speaks renders without a note (tests/i18n.rs
    // checks the German words).
    let de = run(&["render", BUNDLE, "--lang", "de-AT"]);
    assert_eq!(de.status.code(), Some(0));
    assert!(de.stderr.is_empty(), "{}", String::from_utf8_lossy(&de.stderr));
    assert!(String::from_utf8_lossy(&de.stdout).contains("<div lang=\"de\">"));
    let en = run(&["render", BUNDLE, "--lang", "en", "--format", "svg"]);
    assert_eq!(en.status.code(), Some(0));
    assert!(en.stderr.is_empty(), "{}", String::from_utf8_lossy(&en.stderr));
}

#[test]
fn invalid_bundle_is_refused_with_its_errors() {
    let file = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/invalid/unknown-source.json"
    );
    for format in ["html", "svg", "png"] {
        let out = run(&[
            "render",
            file,
            "--format",
            format,
            "-o",
            tmp("never").to_str().expect("path"),
        ]);
        assert_eq!(out.status.code(), Some(1), "{format}");
        assert!(out.stdout.is_empty());
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.contains("unknown source \"agencyy\""), "{stderr}");
    }
    assert!(!tmp("never").exists());
}

#[test]
fn bad_render_command_lines_are_usage_errors() {
    for args in [
        &["render"][..],
        &["render", BUNDLE, "--format", "gif"],
        &["render", BUNDLE, "--width", "0"],
        &["render", BUNDLE, "--width", "wide"],
        &["render", BUNDLE, "--format", "svg", "--page"],
        &["render", BUNDLE, "--lang", ""],
        &["render", BUNDLE, "--colour"],
    ] {
        let out = run(args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
    }
}

#[test]
fn bundle_text_is_escaped_in_every_format() {
    let text =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/data/example-minimal.json")).expect("bundle");
    let mut json: serde_json::Value = serde_json::from_str(&text).expect("json");
    json["operation"]["name"] = "Op <script>alert(1)</script> & \"x\"".into();
    json["operation"]["summary"] = "<img src=x onerror=alert(1)>".into();
    json["sources"][0]["title"] = "<b onclick=\"x\">T</b>".into();
    let path = tmp("hostile.json");
    std::fs::write(&path, serde_json::to_string(&json).expect("json")).expect("write");
    let file = path.to_str().expect("path");
    for args in [
        &["render", file][..],
        &["render", file, "--page"],
        &["render", file, "--format", "svg"],
    ] {
        let out = ok_stdout(args);
        assert!(
            !out.contains("<script") && !out.contains("<img") && !out.contains("<b "),
            "{args:?}"
        );
        assert!(
            out.contains("Op &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;x&quot;"),
            "{args:?}"
        );
    }
}

#[test]
fn the_static_map_is_described_as_the_widget_describes_it() {
    let summary = "Map of 288\u{a0}arrests in 9\u{a0}countries. Countries with the most arrests: United States (153), United Kingdom (55) and Germany (52).";
    let html = ok_stdout(&["render", BUNDLE, "--format", "html"]);
    let desc = between(&html, "-map-d\">", "</desc>");
    assert!(desc.starts_with(&format!("-map-d\">{summary} ")), "{desc}");
    assert!(desc.contains("Germany: 52\u{a0}arrests"), "{desc}");
    let svg = ok_stdout(&["render", BUNDLE, "--format", "svg"]);
    assert!(svg.contains(&format!("<desc id=\"sw-d\">{summary} ")));
}

#[test]
fn in_another_language_the_bundles_own_text_is_marked_as_english() {
    let html = ok_stdout(&["render", BUNDLE, "--lang", "de"]);
    let b = bundle();
    let en = |text: &str| format!("<span lang=\"en\">{}</span>", text.replace('\'', "&#39;"));
    assert!(html.contains(&format!("<h2>{}</h2>", en(&b.operation.name))));
    assert!(html.contains(&format!("<p>{}</p>", en(&b.operation.summary))));
    assert!(html.contains(&format!(
        "<figcaption>Quellen: {}. Kartendaten: Natural Earth.</figcaption>",
        en("Europol")
    )));
    for source in &b.sources {
        assert!(
            html.contains(&format!("\">{} (", en(&source.publisher))),
            "{}",
            source.id
        );
    }
    let reasons: Vec<&str> = b
        .facts
        .iter()
        .filter_map(|f| f.disagreement.as_ref())
        .map(|d| d.reason.as_str())
        .collect();
    assert_eq!(reasons.len(), 5);
    for reason in reasons {
        assert!(
            html.contains(&format!("Warum diese Angabe gezeigt wird: {}</td>", en(reason))),
            "{reason}"
        );
    }
    // The share image's title line too.
    let svg = ok_stdout(&["render", BUNDLE, "--lang", "de", "--format", "svg"]);
    assert!(svg.contains("font-weight=\"700\" lang=\"en\">Operation SpecTor</text>"));

    // In English, nothing needs a mark but the sources' titles and quotes.
    let english = ok_stdout(&["render", BUNDLE]);
    assert!(!english.contains("<span lang="));
    assert!(!ok_stdout(&["render", BUNDLE, "--format", "svg"]).contains("700\" lang="));
}

#[test]
fn the_static_version_says_which_countries_the_map_does_not_draw() {
    // Singapore and Malta have figures but no outline in Natural Earth 110m.
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/valid-small-countries.json");
    let html = ok_stdout(&["render", path, "--format", "html"]);
    assert!(
        html.contains("Map data: Natural Earth. Not on the map: Singapore, Malta.</figcaption>"),
        "{html}"
    );
    let svg = ok_stdout(&["render", path, "--format", "svg", "--lang", "de"]);
    assert!(svg.contains("Nicht auf der Karte:"), "{svg}");
    assert!(svg.contains("Singapur"), "{svg}");
}

#[test]
fn without_a_countries_figure_the_static_version_gives_the_total_no_country_count() {
    let minimal = concat!(env!("CARGO_MANIFEST_DIR"), "/data/example-minimal.json");
    for args in [
        &["render", minimal][..],
        &["render", minimal, "--page"],
        &["render", minimal, "--format", "svg"],
    ] {
        let out = ok_stdout(args);
        assert!(out.contains("288"), "{args:?}");
        // The only country count is the map's own: its 208 arrests in its
        // two countries, in the description.
        assert_eq!(
            out.matches("2\u{a0}countries").count(),
            out.matches("Map of 208\u{a0}arrests in 2\u{a0}countries.").count(),
            "{args:?}: {out:.3000}"
        );
        assert!(out.contains("Map of 208\u{a0}arrests in 2\u{a0}countries."), "{args:?}");
        assert!(!out.contains("in 2\u{a0}countries</"), "{args:?}");
    }
}
