//! The breakdown panel, citations, disagreements, sources list and
//! timeline, rendered natively from the shipped bundle.
#![cfg(not(target_arch = "wasm32"))]

use spector_widget::facts::{parse_json, Bundle, EMBEDDED_JSON};
use spector_widget::geo::World;
use spector_widget::i18n::{Lang, Locale};
use spector_widget::render::{cite, panel, timeline};

fn spector() -> Bundle {
    parse_json(EMBEDDED_JSON).unwrap()
}

/// The shipped bundle with a second quote from the Daily News for the 288
/// arrests, attributed to the DOJ as its first is: the shipped bundle
/// cites each source once per figure, and readers of another may not.
fn spector_with_two_quotes_from_one_source() -> Bundle {
    let mut value: serde_json::Value = serde_json::from_str(EMBEDDED_JSON).unwrap();
    let arrests = value["facts"]
        .as_array_mut()
        .unwrap()
        .iter_mut()
        .find(|f| f["id"] == "arrests-all")
        .unwrap();
    arrests["citations"].as_array_mut().unwrap().push(serde_json::json!({
        "source": "seed-nydn",
        "quote": "the DOJ said 288 people were arrested",
        "attributed_to": "doj"
    }));
    parse_json(&value.to_string()).unwrap()
}

fn world() -> World<'static> {
    World::embedded().unwrap()
}

fn panel_for(bundle: &Bundle, selected: Option<&str>) -> String {
    let mut out = String::new();
    panel::push_panel(&mut out, bundle, selected, Locale::english());
    out
}

fn count(haystack: &str, needle: &str) -> usize {
    haystack.matches(needle).count()
}

/// The markup of the `<li>` row for a fact, up to its marker.
fn row<'a>(markup: &'a str, id: &str) -> &'a str {
    let start = markup
        .find(&format!("data-fact=\"{id}\""))
        .unwrap_or_else(|| panic!("no row for {id}"));
    let rest = &markup[start..];
    let end = rest.find("</button>").unwrap();
    &rest[..end]
}

fn bar_width(markup: &str, id: &str) -> f64 {
    let start = markup.find(&format!("data-fact=\"{id}\"")).unwrap();
    let rest = &markup[start..];
    let rest = &rest[..rest.find("</svg>").unwrap()];
    let at = rest.find("<rect class=\"bar-v\" width=\"").unwrap() + "<rect class=\"bar-v\" width=\"".len();
    let tail = &rest[at..];
    tail[..tail.find('"').unwrap()].parse().unwrap()
}

#[test]
fn operation_panel_states_every_figure_with_its_qualifier() {
    let markup = panel_for(&spector(), None);
    assert!(row(&markup, "arrests-all").contains("<span class=\"fig-value\">288\u{a0}people</span>"));
    assert!(row(&markup, "firearms-all").contains("<span class=\"fig-value\">117\u{a0}firearms</span>"));
    assert!(row(&markup, "drugs-all").contains("<span class=\"fig-value\">850\u{a0}kg</span>"));
    assert!(row(&markup, "fentanyl-all").contains("<span class=\"fig-value\">64\u{a0}kg</span>"));
    assert!(row(&markup, "amphetamines-all")
        .contains(">Amphetamines</span> <span class=\"fig-value\">more than 258\u{a0}kg</span>"));
    assert!(row(&markup, "cocaine-all").contains(">Cocaine</span> <span class=\"fig-value\">43\u{a0}kg</span>"));
    assert!(row(&markup, "mdma-all").contains(">MDMA</span> <span class=\"fig-value\">43\u{a0}kg</span>"));
    assert!(row(&markup, "lsd-ecstasy-all")
        .contains(">LSD and ecstasy pills</span> <span class=\"fig-value\">more than 10\u{a0}kg</span>"));
    assert!(markup.contains("<span class=\"fig-value\">more than $53.4\u{a0}million</span>"));
    assert!(markup.contains("<span class=\"fig-value\">more than €50.8\u{a0}million</span>"));
    assert!(markup.contains("<h3 class=\"panel-title\">Whole operation</h3>"));
    // No back button in the operation view, one chip per country.
    assert_eq!(count(&markup, "data-c=\"\""), 0);
    assert_eq!(count(&markup, "class=\"chip\""), 9);
    assert_eq!(count(&markup, "aria-pressed=\"true\""), 0);
}

#[test]
fn fentanyl_and_the_drug_kinds_are_parts_of_the_drugs_total() {
    let markup = panel_for(&spector(), None);
    let drugs = markup.find("data-fact=\"drugs-all\"").unwrap();
    let parts = markup.find("<ul class=\"fig-parts\">").unwrap();
    let parts_end = parts + markup[parts..].find("</ul>").unwrap();
    assert!(drugs < parts);
    for id in [
        "fentanyl-all",
        "amphetamines-all",
        "cocaine-all",
        "mdma-all",
        "lsd-ecstasy-all",
    ] {
        let at = markup.find(&format!("data-fact=\"{id}\"")).unwrap();
        assert!(
            parts < at && at < parts_end,
            "{id} is listed as a part of the drugs total"
        );
    }
    // The kinds are not presented as adding up to the total.
    assert!(markup.contains("the rest of the total is not broken down"));
    assert!(!markup.contains("Other drugs"));
}

#[test]
fn us_panel_shows_its_own_figures_only() {
    let markup = panel_for(&spector(), Some("US"));
    assert!(row(&markup, "arrests-us").contains("153\u{a0}people"));
    assert!(row(&markup, "firearms-us").contains("104\u{a0}firearms"));
    assert!(row(&markup, "pills-us").contains("more than 200,000\u{a0}pills"));
    assert!(!markup.contains("288\u{a0}people") && !markup.contains("850\u{a0}kg"));
    assert!(!markup.contains("no source gives"));
    assert_eq!(count(&markup, "<button type=\"button\" class=\"back\" data-c=\"\">"), 1);
    assert!(markup.contains("data-c=\"US\" aria-pressed=\"true\""));
    assert_eq!(count(&markup, "aria-pressed=\"true\""), 1);
}

#[test]
fn poland_panel_says_no_source_gives_seizure_figures() {
    let markup = panel_for(&spector(), Some("PL"));
    assert!(row(&markup, "arrests-pl").contains("<span class=\"fig-value\">1\u{a0}person</span>"));
    assert!(markup.contains("Poland: no source gives seizure figures."));
    assert_eq!(
        count(&markup, "class=\"fig-value\""),
        1,
        "no invented or divided figure"
    );
    assert_eq!(count(&markup, "data-c=\"\""), 1);
}

#[test]
fn a_country_without_figures_gets_a_sentence_not_a_number() {
    let markup = panel_for(&spector(), Some("IT"));
    assert!(markup.contains("Italy: no source gives figures."), "{markup}");
    assert_eq!(count(&markup, "class=\"fig-value\""), 0);
}

#[test]
fn every_figure_is_followed_by_its_marker() {
    let bundle = spector();
    for selected in [None, Some("US"), Some("GB"), Some("PL"), Some("DE")] {
        let markup = panel_for(&bundle, selected);
        let figures = count(&markup, "<span class=\"fig-value\">");
        assert!(figures > 0);
        assert_eq!(figures, count(&markup, "data-cite=\""), "{selected:?}");
        // Each value is directly followed by a marker.
        for (at, _) in markup.match_indices("<span class=\"fig-value\">") {
            let rest = &markup[at..];
            let after = &rest[rest.find("</span> ").unwrap() + "</span> ".len()..];
            assert!(
                after.starts_with("<button type=\"button\" class=\"cite\" data-cite=\""),
                "{selected:?}"
            );
        }
    }
    // All shown facts together cover every fact of the bundle.
    let mut all = panel_for(&bundle, None);
    for code in panel::countries(&bundle) {
        all.push_str(&panel_for(&bundle, Some(code)));
    }
    for fact in &bundle.facts {
        assert_eq!(count(&all, &format!("data-cite=\"{}\"", fact.id)), 1, "{}", fact.id);
    }
}

#[test]
fn marker_numbers_are_source_positions_and_name_the_publishers() {
    let bundle = spector_with_two_quotes_from_one_source();
    let markup = panel_for(&bundle, None);
    // firearms-all cites seed-b2c (4) and seed-nydn (8); the Daily News's
    // words attribute it to the DOJ (2).
    assert!(markup.contains(
        "data-cite=\"firearms-all\" aria-expanded=\"false\" aria-label=\"[2,4,8] Sources for Firearms: U.S. Department of Justice, Office of Public Affairs; Business 2 Community (reworded from The Register); New York Daily News (syndicated on Yahoo News)\">[2,<wbr>4,<wbr>8]</button>"
    ), "{}", row(&markup, "firearms-all"));
    // Two quotes from one source count once, and so does the DOJ that
    // both attribute the figure to. The visible numbers may break after a
    // comma; the name may not.
    assert!(row(&markup, "arrests-all").ends_with(">[1,<wbr>2,<wbr>4,<wbr>5,<wbr>6,<wbr>8]"));
    assert!(row(&markup, "fentanyl-all").ends_with(">[2,<wbr>4,<wbr>8]"));
}

#[test]
fn a_country_figure_attributed_to_europol_counts_europol_among_its_sources() {
    let bundle = spector();
    // "…, according to Europol." (Business 2 Community, 4), "According to
    // Europol, …" (Mimikama, 7), "…, according the operation’s worldwide
    // coordinator, Europol." (Daily News, 8): Europol is [1].
    let de = panel_for(&bundle, Some("DE"));
    assert!(
        de.contains("data-cite=\"arrests-de\" aria-expanded=\"false\" aria-label=\"[1,4,7,8] Sources for Arrests (Germany): Europol; Business 2 Community"),
        "{}",
        row(&de, "arrests-de")
    );
    assert!(row(&de, "arrests-de").ends_with(">[1,<wbr>4,<wbr>7,<wbr>8]"));
    let br = panel_for(&bundle, Some("BR"));
    assert!(
        row(&br, "arrests-br").ends_with(">[1,<wbr>4]"),
        "{}",
        row(&br, "arrests-br")
    );
    // Every per-country arrest figure of the SpecTor bundle is Europol's.
    for (code, fact) in bundle.by_country("arrests") {
        assert_eq!(cite::source_indexes(&fact.citations).first(), Some(&0), "{code}");
    }
}

#[test]
fn a_citation_popover_says_whom_the_quoted_words_cite() {
    let bundle = spector();
    let mut out = String::new();
    assert!(cite::push_popover(
        &mut out,
        &bundle,
        "arrests-de",
        false,
        Locale::english()
    ));
    // Europol's own entry: no words of its own on file, the sources that
    // attribute the figure to it.
    let europol = &out[out.find("<li><span class=\"src-n\">[1]</span>").unwrap()..];
    let europol = &europol[..europol.find("</li>").unwrap()];
    assert!(!europol.contains("<blockquote"), "{europol}");
    assert!(europol.ends_with("<p class=\"via\">Cited by [4,7,8]</p>"), "{europol}");
    // Each quote says it cites Europol, and the quote is the source's own
    // words, attribution included.
    assert_eq!(
        count(
            &out,
            "<p class=\"via\">citing Europol [1]: </p><blockquote lang=\"en\">"
        ),
        3,
        "{out}"
    );
    assert!(out.contains("<p class=\"via\">citing Europol [1]: </p><blockquote lang=\"en\">The arrests took place in America (153 arrests), the UK (55 arrests), Germany (52 arrests), the Netherlands (10 arrests), Austria (9 arrests), France (5 arrests), Switzerland (2 arrests), Poland (1 arrest), and Brazil (1 arrest), according to Europol.</blockquote>"));
    assert_eq!(count(&out, "<li>"), 4);

    // A quote without an attribution has no such line.
    let mut out = String::new();
    cite::push_popover(&mut out, &bundle, "cocaine-all", false, Locale::english());
    assert!(!out.contains("class=\"via\""), "{out}");

    // In the disagreement popover, the shown value's sources say it too.
    let mut out = String::new();
    assert!(cite::push_popover(
        &mut out,
        &bundle,
        "fentanyl-all",
        true,
        Locale::english()
    ));
    assert!(out.contains(
        "<span class=\"src-n\">[8]</span> <span class=\"src-pub\">New York Daily News (syndicated on Yahoo News)</span>, citing U.S. Department of Justice, Office of Public Affairs [2]: <q lang=\"en\">"
    ), "{out}");
    assert!(
        out.contains("<span class=\"src-pub\">Business 2 Community (reworded from The Register)</span>: <q"),
        "{out}"
    );

    // In every language.
    for (tag, words) in [
        ("de", "unter Berufung auf <span lang=\"en\">Europol</span> [1]"),
        ("fr", "citant <span lang=\"en\">Europol</span> [1]"),
        ("nl", "onder verwijzing naar <span lang=\"en\">Europol</span> [1]"),
        ("es", "citando a <span lang=\"en\">Europol</span> [1]"),
        ("pt-BR", "citando <span lang=\"en\">Europol</span> [1]"),
        ("pl", "powołując się na <span lang=\"en\">Europol</span> [1]"),
    ] {
        let mut out = String::new();
        cite::push_popover(
            &mut out,
            &bundle,
            "arrests-de",
            false,
            Locale::get(Lang::from_tag(tag).unwrap()),
        );
        assert_eq!(count(&out, words), 3, "{tag}: {out}");
    }
}

#[test]
fn each_disagreement_has_exactly_one_mark_where_it_is_shown() {
    let bundle = spector();
    let operation = panel_for(&bundle, None);
    let us = panel_for(&bundle, Some("US"));
    for fact in &bundle.facts {
        for markup in [&operation, &us] {
            let shown = markup.contains(&format!("data-fact=\"{}\"", fact.id));
            let marks = count(markup, &format!("data-differ=\"{}\"", fact.id));
            let expected = usize::from(shown && fact.disagreement.is_some());
            assert_eq!(marks, expected, "{}", fact.id);
        }
    }
    for id in ["countries-all", "firearms-all", "drugs-all", "fentanyl-all"] {
        assert!(operation.contains(&format!("data-differ=\"{id}\"")), "{id}");
    }
    assert!(us.contains("data-differ=\"arrests-us\""));
    assert!(us.contains(">sources differ</button>"));
}

#[test]
fn disagreement_popovers_list_every_claimed_value_and_the_reason() {
    let bundle = spector();
    let expected = [
        ("arrests-us", vec!["153\u{a0}people", "more than 280\u{a0}people"]),
        ("countries-all", vec!["9\u{a0}countries", "33\u{a0}countries"]),
        ("firearms-all", vec!["117\u{a0}firearms", "more than 120\u{a0}firearms"]),
        ("drugs-all", vec!["850\u{a0}kg", "more than 1,000\u{a0}kg"]),
        ("fentanyl-all", vec!["64\u{a0}kg", "54\u{a0}kg"]),
    ];
    for (id, values) in expected {
        let mut out = String::new();
        assert!(
            cite::push_popover(&mut out, &bundle, id, true, Locale::english()),
            "{id}"
        );
        for v in values {
            assert!(
                out.contains(&format!("<span class=\"claim-value\">{v}</span>")),
                "{id}: {v}\n{out}"
            );
        }
        let fact = bundle.facts.iter().find(|f| f.id == id).unwrap();
        let d = fact.disagreement.as_ref().unwrap();
        assert_eq!(count(&out, "<span class=\"claim-value\">"), d.claims.len() + 1);
        let mut reason = String::new();
        spector_widget::text::push_escaped(&mut reason, &d.reason);
        assert!(out.contains(&reason), "{id}");
        for claim in &d.claims {
            for c in &claim.citations {
                let mut quote = String::new();
                spector_widget::text::push_escaped(&mut quote, &c.quote);
                assert!(out.contains(&quote), "{id}: {quote}");
            }
        }
    }
    let mut out = String::new();
    assert!(!cite::push_popover(
        &mut out,
        &bundle,
        "arrests-gb",
        true,
        Locale::english()
    ));
    assert!(!cite::push_popover(&mut out, &bundle, "nope", true, Locale::english()));
    assert!(out.is_empty());
}

#[test]
fn citation_popover_links_only_confirmed_addresses() {
    let bundle = spector();
    let mut out = String::new();
    // Europol (unconfirmed), DOJ (no address), ICE (confirmed), Wired paraphrase (none).
    assert!(cite::push_popover(
        &mut out,
        &bundle,
        "announcement",
        false,
        Locale::english()
    ));
    assert_eq!(count(&out, "<a "), 1, "{out}");
    assert!(out.contains(
        "<a href=\"https://www.ice.gov/news/releases/largest-international-operation-against-darknet-trafficking-fentanyl-opioids-results\" target=\"_blank\" rel=\"noopener noreferrer\">"
    ));
    assert!(!out.contains("href=\"https://www.europol"));
    assert!(out.contains("https://www.europol.europa.eu/media-press/newsroom/news/288-dark-web-vendors-arrested-in-major-marketplace-seizure</span> <span class=\"src-note\">(address not confirmed)</span>"));
    assert_eq!(count(&out, "<blockquote lang=\"en\">"), 4);
    assert!(out.contains("<blockquote lang=\"en\">The Department of Justice announced Tuesday it’s made a record number of arrests and seizures</blockquote>"));
    assert!(out.contains("<time datetime=\"2023-05-02\">2 May 2023</time>"));

    // Every link in every popover is a confirmed address and opens safely.
    for id in bundle
        .facts
        .iter()
        .map(|f| &f.id)
        .chain(bundle.dates.iter().map(|d| &d.id))
    {
        let mut out = String::new();
        assert!(cite::push_popover(&mut out, &bundle, id, false, Locale::english()));
        assert_eq!(
            count(&out, "<a "),
            count(&out, "target=\"_blank\" rel=\"noopener noreferrer\""),
            "{id}"
        );
        for s in bundle.sources.iter().filter(|s| s.url.is_some()) {
            let link = format!("href=\"{}\"", s.url.as_ref().unwrap());
            if !s.url_confirmed {
                assert!(!out.contains(&link), "{id} links {}", s.id);
            }
        }
    }
    // Two quotes from one source: one entry, two quotes.
    let bundle = spector_with_two_quotes_from_one_source();
    let mut out = String::new();
    cite::push_popover(&mut out, &bundle, "arrests-all", false, Locale::english());
    assert_eq!(count(&out, "<li>"), 6);
    assert_eq!(count(&out, "<blockquote"), 6);
    // The DOJ, whom both Daily News quotes cite, has an entry of its own
    // with no quote.
    assert!(out.contains("<p class=\"via\">Cited by [8]</p>"), "{out}");
    assert_eq!(
        count(
            &out,
            "citing U.S. Department of Justice, Office of Public Affairs [2]: "
        ),
        2
    );
}

#[test]
fn sources_list_has_each_source_once_numbered_in_order() {
    let bundle = spector();
    let mut out = String::new();
    cite::push_sources(&mut out, &bundle, Locale::english());
    assert!(out.starts_with("<section class=\"sources\"><h3"));
    assert_eq!(count(&out, "<li "), bundle.sources.len());
    let mut last = 0;
    for (i, s) in bundle.sources.iter().enumerate() {
        let at = out
            .find(&format!("<li value=\"{}\" data-src=\"{}\">", i + 1, s.id))
            .unwrap();
        assert!(at > last);
        last = at;
    }
    assert_eq!(count(&out, "primary source"), 3);
    assert_eq!(count(&out, "reporting"), 5);
    assert_eq!(count(&out, "(address not confirmed)"), 1);
    assert_eq!(
        count(&out, "<a href="),
        bundle
            .sources
            .iter()
            .filter(|s| s.url.is_some() && s.url_confirmed)
            .count()
    );
    assert_eq!(count(&out, "<a href="), count(&out, "rel=\"noopener noreferrer\""));
}

#[test]
fn timeline_is_chronological_and_readable() {
    let bundle = spector();
    let mut out = String::new();
    timeline::push_timeline(&mut out, &bundle, Locale::english());
    let order: Vec<usize> = [
        "<time datetime=\"2019\">2019</time> <span class=\"tl-event\">Market launched</span>",
        "<time datetime=\"2021-10\">October 2021</time> <span class=\"tl-event\">Operation began</span>",
        "<time datetime=\"2021-12\">December 2021</time> <span class=\"tl-event\">Infrastructure seized</span>",
        "<time datetime=\"2023-05-02\">2 May 2023</time> <span class=\"tl-event\">Announced</span>",
    ]
    .iter()
    .map(|needle| out.find(needle).unwrap_or_else(|| panic!("{needle} in {out}")))
    .collect();
    assert!(order.windows(2).all(|w| w[0] < w[1]));
    assert_eq!(count(&out, "data-cite=\""), 4);
    assert_eq!(count(&out, "data-differ=\""), 0);
}

#[test]
fn kilogram_bars_share_one_scale() {
    let markup = panel_for(&spector(), None);
    let drugs = bar_width(&markup, "drugs-all");
    let fentanyl = bar_width(&markup, "fentanyl-all");
    let amphetamines = bar_width(&markup, "amphetamines-all");
    assert_eq!(drugs, 100.0);
    assert!((fentanyl - 100.0 * 64.0 / 850.0).abs() < 0.01, "{fentanyl}");
    assert!((amphetamines - 100.0 * 258.0 / 850.0).abs() < 0.01, "{amphetamines}");
    // Kilograms are never drawn on a scale shared with people or money:
    // those figures stand alone in the operation view and get no bar.
    for id in ["arrests-all", "firearms-all", "cash-crypto-usd", "countries-all"] {
        let r = &markup[markup.find(&format!("data-fact=\"{id}\"")).unwrap()..];
        let r = &r[..r.find("</li>").unwrap()];
        assert!(!r.contains("<svg"), "{id}");
    }
    // "More than" bars say so.
    let amph = &markup[markup.find("data-fact=\"amphetamines-all\"").unwrap()..];
    assert!(amph[..amph.find("</svg>").unwrap()].contains("bar-open"));
    // The bars are drawings only.
    assert!(!markup.contains("style="));
    assert_eq!(
        count(&markup, "<svg class=\"bar"),
        count(&markup, "aria-hidden=\"true\"")
    );
}

#[test]
fn a_country_figure_is_drawn_against_the_operation_total() {
    let markup = panel_for(&spector(), Some("US"));
    let arrests = bar_width(&markup, "arrests-us");
    assert!((arrests - 100.0 * 153.0 / 288.0).abs() < 0.01, "{arrests}");
    let firearms = bar_width(&markup, "firearms-us");
    assert!((firearms - 100.0 * 104.0 / 117.0).abs() < 0.01, "{firearms}");
    let pills = &markup[markup.find("data-fact=\"pills-us\"").unwrap()..];
    assert!(
        !pills[..pills.find("</li>").unwrap()].contains("<svg"),
        "no total to compare pills with"
    );
}

const HOSTILE: &str = r#"{
  "schema": 1,
  "operation": { "id": "x", "name": "<script>alert(1)</script>", "summary": "<script>", "announced": "2023-05-02" },
  "sources": [
    { "id": "s1", "publisher": "<script>pub</script>", "title": "<script>title</script>", "date": "2023-05-02",
      "url": "https://example.org/?a=\"><script>", "url_confirmed": true, "kind": "primary", "lang": "en" },
    { "id": "s2", "publisher": "P2", "title": "T2", "date": "2023",
      "url": "https://example.org/<script>", "kind": "secondary" }
  ],
  "facts": [
    { "id": "arrests-all", "metric": "arrests", "scope": "ALL", "value": 3, "unit": "people", "qualifier": "exact",
      "citations": [ { "source": "s1", "quote": "<script>q</script>" }, { "source": "s2", "quote": "q2" } ],
      "disagreement": { "reason": "<script>why</script>", "claims": [ { "value": 4, "qualifier": "exact",
        "citations": [ { "source": "s2", "quote": "<script>claim</script>" } ] } ] } },
    { "id": "boats-pl", "metric": "boats_seized_kg", "scope": "PL", "value": 3, "unit": "kg", "qualifier": "exact",
      "label": "<script>", "citations": [ { "source": "s1", "quote": "x" } ] },
    { "id": "odd-all", "metric": "odd", "scope": "ALL", "value": 2, "unit": "kg", "qualifier": "about",
      "label": "<script>label</script>", "citations": [ { "source": "s1", "quote": "x" } ] }
  ],
  "dates": [
    { "id": "d1", "event": "raid", "date": "2023-05", "label": "<script>date</script>",
      "citations": [ { "source": "s1", "quote": "<script>" } ],
      "disagreement": { "reason": "<script>", "claims": [ { "date": "2023-04", "qualifier": "exact",
        "citations": [ { "source": "s2", "quote": "<script>" } ] } ] } }
  ]
}"#;

/// `HOSTILE`, with markup also where the checker refuses it (a language,
/// metrics, a unit, an event): the renderer escapes those too.
fn hostile() -> Bundle {
    let mut bundle = parse_json(HOSTILE).unwrap();
    bundle.sources[0].lang = "en\"><script>".into();
    bundle.facts[1].metric = "<script>_seized_kg".into();
    bundle.facts[2].metric = "odd<script>".into();
    bundle.facts[2].unit = "<script>".into();
    bundle.dates[0].event = "<script>".into();
    bundle
}

#[test]
fn bundle_text_is_escaped_everywhere() {
    let bundle = hostile();
    let mut parts = vec![panel_for(&bundle, None), panel_for(&bundle, Some("PL"))];
    let mut out = String::new();
    cite::push_sources(&mut out, &bundle, Locale::english());
    timeline::push_timeline(&mut out, &bundle, Locale::english());
    for id in ["arrests-all", "boats-pl", "odd-all", "d1"] {
        assert!(cite::push_popover(&mut out, &bundle, id, false, Locale::english()));
    }
    assert!(cite::push_popover(
        &mut out,
        &bundle,
        "arrests-all",
        true,
        Locale::english()
    ));
    assert!(cite::push_popover(&mut out, &bundle, "d1", true, Locale::english()));
    parts.push(out);
    for markup in &parts {
        assert!(!markup.to_lowercase().contains("<script"), "{markup}");
    }
    let all = parts.concat();
    assert!(all.contains("&lt;script&gt;q&lt;/script&gt;"));
    assert!(all.contains("&lt;script&gt;why&lt;/script&gt;"));
    assert!(all.contains("&lt;script&gt;label&lt;/script&gt;"));
    assert!(all.contains("&lt;script&gt;date&lt;/script&gt;"));
    assert!(all.contains("<span class=\"claim-value\">April 2023</span>"));
    assert!(all.contains("lang=\"en&quot;&gt;&lt;script&gt;\""));
    // The unconfirmed address is text, the confirmed one an escaped link.
    assert!(all.contains("href=\"https://example.org/?a=&quot;&gt;&lt;script&gt;\""));
    assert!(!all.contains("href=\"https://example.org/&lt;script"));
}

// ---- The whole widget (issue #5): panel, sources, timeline, downloads ----

use spector_widget::export;
use spector_widget::render::{self, download};

fn widget(bundle: &Bundle) -> String {
    render::widget_with_bundle_text(bundle, &world(), Some(EMBEDDED_JSON))
}

/// Decodes `%XX` escapes (the test's own decoder, independent of the
/// widget's encoder).
fn percent_decode(text: &str) -> Vec<u8> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            out.push(u8::from_str_radix(std::str::from_utf8(&bytes[i + 1..i + 3]).unwrap(), 16).unwrap());
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    out
}

/// The `href` of the download link with this `download` name, decoded.
fn download_body(markup: &str, name: &str, mime: &str) -> Vec<u8> {
    let link = &markup[markup.find(&format!("download=\"{name}\"")).unwrap()..];
    let prefix = format!("href=\"data:{mime};charset=utf-8,");
    let href = &link[link.find(&prefix).unwrap() + prefix.len()..];
    let href = &href[..href.find('"').unwrap()];
    // Nothing a URL parser would strip or split on, nor anything that
    // would end the attribute or start a character reference.
    assert!(
        !href.bytes().any(|b| b <= b' ' || b"\"#&'<>\x7f".contains(&b)),
        "only characters a data: URL keeps as they are, and escapes, in the link"
    );
    percent_decode(href)
}

#[test]
fn the_widget_holds_the_panel_the_timeline_the_downloads_and_the_sources_in_reading_order() {
    let markup = widget(&spector());
    let at = |needle: &str| markup.find(needle).unwrap_or_else(|| panic!("{needle}"));
    let order = [
        at("<p class=\"stat\">"),
        at("<div class=\"main\"><figure class=\"map-col\""),
        at("<svg class=\"map\""),
        at("<div class=\"side\"><section class=\"panel\" data-scope=\"ALL\""),
        at("<section class=\"timeline\">"),
        at("<section class=\"data\">"),
        at("<section class=\"sources\">"),
        at("<div class=\"pop-slot\"></div></div>"),
    ];
    assert!(order.windows(2).all(|w| w[0] < w[1]), "{order:?}");
    assert_eq!(count(&markup, "<section class=\"panel\""), 1);
    assert!(markup.ends_with("<div class=\"pop-slot\"></div></div>"));
    assert!(
        markup.contains("<a class=\"dl dl-csv\" download=\"spector-facts.csv\" href=\"data:text/csv;charset=utf-8,")
    );
    assert!(markup
        .contains("<a class=\"dl dl-json\" download=\"spector.json\" href=\"data:application/json;charset=utf-8,"));
    // Without the bundle text (a static render), the CSV link alone.
    let plain = render::widget(&spector(), &world());
    assert!(plain.contains("download=\"spector-facts.csv\"") && !plain.contains("download=\"spector.json\""));
    // The panel's markup is what the DOM shell swaps in on a selection.
    assert!(markup.contains(&render::panel_markup(&spector(), None)));
    assert_eq!(
        render::panel_markup(&spector(), Some("US")),
        panel_for(&spector(), Some("US"))
    );
}

#[test]
fn the_csv_download_is_the_export_byte_for_byte_and_the_json_the_bundle_text() {
    let bundle = spector();
    let markup = widget(&bundle);
    let csv = download_body(&markup, "spector-facts.csv", "text/csv");
    assert_eq!(csv, export::csv(&bundle).into_bytes());
    let fixture = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/export/spector.csv"
    ))
    .unwrap();
    assert_eq!(
        csv, fixture,
        "the committed `spector-facts export data/spector.json` output"
    );
    let json = download_body(&markup, "spector.json", "application/json");
    assert_eq!(json, EMBEDDED_JSON.as_bytes());
    assert_eq!(
        download::csv_file_name(&bundle),
        format!("{}.csv", export::file_stem(&bundle))
    );
}

#[test]
fn percent_encoding_round_trips_any_text() {
    let text = "scope,metric\n\"a, b\" € ‘q’ <x> & 100% ~_.-\r\t #1 it's\u{7f}";
    let mut out = String::new();
    download::push_percent_encoded(&mut out, text);
    assert!(!out.contains(['"', '<', '>', '&', ' ', '\n', '\r', '\t', '#', '\'', '\u{7f}']));
    assert_eq!(percent_decode(&out), text.as_bytes());
}

#[test]
fn every_figure_in_the_widget_is_followed_by_its_marker() {
    let bundle = spector();
    let markup = widget(&bundle);
    let mut figures = 0;
    for (open, close) in [
        ("<span class=\"fig-value\">", "</span> "),
        ("<strong class=\"total\">", "</strong>\u{a0}arrests "),
        ("<span class=\"stat-n\">", "</span> "),
    ] {
        for (at, _) in markup.match_indices(open) {
            figures += 1;
            let rest = &markup[at..];
            let after = &rest[rest.find(close).unwrap() + close.len()..];
            assert!(
                after.starts_with("<button type=\"button\" class=\"cite\" data-cite=\""),
                "{}",
                &rest[..80]
            );
        }
    }
    // Two in the headline, eleven in the panel.
    assert_eq!(figures, 13);
    // Every date of the timeline has one too.
    assert_eq!(count(&markup, "data-cite=\""), figures + bundle.dates.len());
    for id in ["arrests-all", "countries-all", "announcement", "market-launch"] {
        let mut pop = String::new();
        assert!(cite::push_popover(&mut pop, &bundle, id, false, Locale::english()));
        assert_eq!(render::popover(&bundle, id, false), Some(pop));
    }
    assert!(render::popover(&bundle, "firearms-all", true)
        .unwrap()
        .contains("pop-differ"));
    assert_eq!(render::popover(&bundle, "arrests-gb", true), None);
    assert_eq!(render::popover(&bundle, "nope", false), None);
    // The tooltip's figure too, for every country on the map.
    for code in panel::countries(&bundle) {
        let tip = render::tooltip(&bundle, code).unwrap();
        let fact = bundle
            .facts
            .iter()
            .find(|f| f.metric == "arrests" && f.scope.code() == code)
            .unwrap();
        assert!(
            tip.contains(&format!(
                "arrest{}</span> <button type=\"button\" class=\"cite\" data-cite=\"{}\"",
                if fact.value == 1.0 { "" } else { "s" },
                fact.id
            )),
            "{tip}"
        );
    }
}

#[test]
fn a_bundle_warning_is_a_note_the_reader_sees() {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/invalid/sum-mismatch.json"
    ))
    .unwrap();
    let bundle = parse_json(&text).unwrap();
    assert_eq!(bundle.warnings.len(), 1);
    let markup = render::widget_with_bundle_text(&bundle, &world(), Some(&text));
    assert!(markup.contains(
        "<div class=\"warn\" role=\"note\"><p><b>Note: </b>the per-country arrests add up to 16, but the operation-wide figure is 12.</p></div>"
    ), "{markup:.1200}");
    assert!(
        markup.find("class=\"warn\"").unwrap() < markup.find("<svg class=\"map\"").unwrap(),
        "seen before the map"
    );
    assert!(!widget(&spector()).contains("class=\"warn\""));
}

#[test]
fn the_widget_needs_no_inline_style_script_or_handler() {
    for markup in [widget(&spector()), widget(&hostile())] {
        assert!(!markup.contains(" style=") && !markup.contains("<style"));
        assert!(!markup.to_lowercase().contains("<script"));
        // No ` onclick=` or the like: an attribute name `on…` right before `=`.
        let handlers = markup.split(" on").skip(1).filter(|rest| {
            let name: String = rest.chars().take_while(|c| c.is_ascii_lowercase()).collect();
            !name.is_empty() && rest[name.len()..].starts_with('=')
        });
        assert_eq!(handlers.count(), 0, "no inline handlers");
        // Links open safely, and only http(s) addresses are links.
        assert_eq!(
            count(&markup, "target=\"_blank\""),
            count(&markup, "target=\"_blank\" rel=\"noopener noreferrer\"")
        );
        for (at, _) in markup.match_indices("<a ") {
            let tag = &markup[at..at + markup[at..].find('>').unwrap()];
            assert!(
                tag.contains("href=\"https://") || tag.contains("href=\"http://") || tag.contains("href=\"data:"),
                "{tag}"
            );
        }
    }
}

#[test]
fn one_stylesheet_holds_the_panel_styles_and_the_wide_layout() {
    let css = render::STYLE;
    for rule in [
        ".panel{",
        ".chip,",
        ".pop{",
        ".cite{",
        ".src-list{",
        ".tl{",
        ".dl{",
        ".warn{",
        ".tip.pin{pointer-events:inherit}",
    ] {
        assert!(css.contains(rule), "{rule}");
    }
    // The widget's width, not the window's, puts the panel beside the map:
    // 720 px at the default text size, in ems, so that a larger text size
    // keeps the map one column for longer.
    assert!(css.contains(".sw{") && css.contains("container:widget/inline-size"));
    assert!(css.contains("@container widget (width>=48em){.main{display:grid"));
    assert!(!css.contains("@media (min-width"), "no viewport queries for layout");
    // Interactive targets are at least 24 px.
    assert!(css.contains(".chip,.back,.cite,.differ,.pop-close{min-width:24px;min-height:24px"));
    assert!(css.contains(".dl{display:inline-flex;align-items:center;gap:.4em;min-height:32px"));
    // The JS shell imports style.css itself: nothing lives in another file.
    assert!(!std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/src/render/panel.css")).exists());
}
