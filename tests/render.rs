//! The widget's markup, rendered natively from the shipped bundle: what a
//! reader would see, checked without a browser.
#![cfg(not(target_arch = "wasm32"))]

use spector_widget::facts::{parse_json, EMBEDDED_JSON};
use spector_widget::geo::World;
use spector_widget::render::{self, map};

fn spector() -> spector_widget::facts::Bundle {
    parse_json(EMBEDDED_JSON).unwrap()
}

fn occurrences(haystack: &str, needle: &str) -> usize {
    haystack.matches(needle).count()
}

/// The map's `<svg>` element in the widget's markup (the panel's bars are
/// small SVGs of their own).
fn map_svg(markup: &str) -> &str {
    let start = markup.find("<svg class=\"map\"").unwrap();
    let end = start + markup[start..].find("</svg>").unwrap();
    &markup[start..end]
}

#[test]
fn every_country_of_the_geometry_is_drawn_the_quiet_ones_as_one_path() {
    let world = World::embedded().unwrap();
    let markup = render::widget(&spector(), &world);
    let svg = map_svg(&markup);
    // The nine marked countries, and one path for all the others.
    assert_eq!(occurrences(svg, "<path "), 9 + 1);
    let land_start = svg.find("<g class=\"land\"").unwrap();
    let land = &svg[land_start..land_start + svg[land_start..].find("</g>").unwrap()];
    assert_eq!(occurrences(land, "<path "), 1);
    let marked = ["US", "GB", "DE", "NL", "AT", "FR", "CH", "PL", "BR"];
    let mut quiet = 0;
    for country in world.countries() {
        let mut d = String::new();
        country.write_path_data(&mut d);
        assert!(!d.is_empty(), "{} has no outline", country.code());
        if marked.contains(&country.code()) {
            assert!(!land.contains(&d), "{} is drawn as quiet land", country.code());
        } else {
            assert!(land.contains(&d), "{} is missing from the land", country.code());
            quiet += 1;
        }
    }
    assert!(quiet > 150, "{quiet}");
}

#[test]
fn the_nine_countries_are_marked_and_carry_their_code() {
    let markup = render::widget(&spector(), &World::embedded().unwrap());
    assert_eq!(occurrences(&markup, "<path class=\"on\""), 9);
    for code in ["US", "GB", "DE", "NL", "AT", "FR", "CH", "PL", "BR"] {
        let marker = format!("<path class=\"on\" data-c=\"{code}\"");
        assert_eq!(occurrences(&markup, &marker), 1, "{code}");
    }
}

#[test]
fn the_total_is_stated_in_words_and_numbers() {
    let markup = render::widget(&spector(), &World::embedded().unwrap());
    assert!(markup.contains("<strong class=\"total\">288</strong>\u{a0}arrests <button type=\"button\" class=\"cite\" data-cite=\"arrests-all\""), "{markup:.900}");
    assert!(markup.contains("</button> in <span class=\"stat-n\">9\u{a0}countries</span> <button type=\"button\" class=\"cite\" data-cite=\"countries-all\""), "{markup:.900}");
}

#[test]
fn the_headline_marks_a_disputed_figure_as_the_panel_does() {
    // One source says 33 countries: the headline's "9 countries" carries
    // the same "sources differ" mark as the panel's row, right after its
    // marker; the undisputed total has none.
    let bundle = spector();
    let markup = render::widget(&bundle, &World::embedded().unwrap());
    let stat = between(&markup, "<p class=\"stat\">", "</p>");
    let countries = bundle.total("countries_involved").unwrap();
    assert!(countries.disagreement.is_some());
    let mut marks = String::new();
    render::cite::push_fact_marks(&mut marks, &bundle, countries, Locale::english());
    assert!(marks.contains("data-differ=\"countries-all\""), "{marks}");
    assert!(stat.ends_with(&marks), "{stat}");
    assert!(markup[markup.find("class=\"panel").unwrap()..].contains(&marks));
    assert_eq!(occurrences(stat, "class=\"differ\""), 1, "{stat}");
}

#[test]
fn symbol_area_is_proportional_to_arrests_and_small_ones_come_last() {
    let bundle = spector();
    let world = World::embedded().unwrap();
    let symbols = map::symbols(&bundle, &world);
    assert_eq!(symbols.len(), 9);
    let us = symbols.iter().find(|s| s.code == "US").unwrap();
    let de = symbols.iter().find(|s| s.code == "DE").unwrap();
    let area_ratio = (us.r * us.r) / (de.r * de.r);
    assert!((area_ratio - 153.0 / 52.0).abs() < 1e-9, "{area_ratio}");
    assert!(
        symbols.windows(2).all(|w| w[0].r >= w[1].r),
        "largest first, so smaller ones are drawn on top"
    );
}

#[test]
fn symbols_sit_on_their_country() {
    let bundle = spector();
    let world = World::embedded().unwrap();
    for s in map::symbols(&bundle, &world) {
        let country = world.country(s.code).unwrap();
        assert!(country.contains(s.x, s.y), "{} symbol is outside its country", s.code);
    }
}

#[test]
fn the_tooltip_names_the_country_and_its_arrests() {
    let bundle = spector();
    let us = render::tooltip(&bundle, "US").unwrap();
    assert!(us.contains("United States") && us.contains("153\u{a0}arrests"), "{us}");
    // Its marker, and the mark of the disputed U.S. figure, as in the panel.
    assert!(us.contains("data-cite=\"arrests-us\""), "{us}");
    assert!(
        us.ends_with("aria-label=\"Sources differ on Arrests (United States)\">sources differ</button>"),
        "{us}"
    );
    let pl = render::tooltip(&bundle, "PL").unwrap();
    assert!(pl.contains("Poland") && pl.contains("1\u{a0}arrest<"), "{pl}");
    assert!(!pl.contains("class=\"differ\""), "{pl}");
    assert_eq!(render::tooltip(&bundle, "CN"), None);
}

#[test]
fn bundle_text_is_escaped_so_it_cannot_become_markup() {
    let text = EMBEDDED_JSON.replace(
        "\"name\": \"Operation SpecTor\"",
        "\"name\": \"<script>alert(1)</script><img src=x onerror=alert(2)>\"",
    );
    assert_ne!(text, EMBEDDED_JSON, "the fixture must change the name");
    let markup = render::widget(&parse_json(&text).unwrap(), &World::embedded().unwrap());
    assert!(!markup.contains("<script>") && !markup.contains("<img"));
    assert!(markup.contains("&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt;"));
}

#[test]
fn credits_name_the_agency_and_the_map_data() {
    let markup = render::widget(&spector(), &World::embedded().unwrap());
    // The countries' arrests are Europol's figures. The DOJ is cited only
    // for the total, which has its own markers above the map.
    assert_eq!(
        between(&markup, "<p class=\"credits\">", "</p>"),
        "Sources: Europol. Map data: Natural Earth."
    );
    // The static HTML for readers without JavaScript credits its map alike,
    // while its image, where the total has no markers, credits both.
    let page =
        spector_widget::static_page::html_fragment_in(&spector(), &World::embedded().unwrap(), 640, Locale::english());
    assert!(
        page.contains("<figcaption>Sources: Europol. Map data: Natural Earth.</figcaption>"),
        "{page}"
    );
}

#[test]
fn a_refused_bundle_shows_each_problem_with_its_path() {
    let errors = parse_json("{\"schema\": 1}").unwrap_err();
    let panel = render::error_panel(&errors, "its data has errors.");
    assert!(panel.contains("role=\"alert\""));
    assert!(panel.contains("missing field `operation`"), "{panel}");
}

// ---- Cartography, views, keyboard and hit testing (issue #4) ----

use render::layout::{self, Rect, BASE_PX, BUCKETS};
use render::map::Views;
use render::view::{self, ViewKind};

const EUROPEAN: [&str; 7] = ["GB", "DE", "NL", "AT", "FR", "CH", "PL"];

/// One view at one width bucket: its box, symbols, legend and labels.
type Layout = (
    ViewKind,
    usize,
    view::View,
    Vec<map::Symbol<'static>>,
    Option<layout::Legend>,
    Vec<layout::Label<'static>>,
);

/// Every (view, bucket) layout of the shipped bundle.
fn layouts() -> Vec<Layout> {
    let bundle = spector();
    let world = World::embedded().unwrap();
    let views = Views::new(&bundle, &world);
    let mut out = Vec::new();
    for &kind in views.kinds() {
        let v = *views.get(kind);
        let symbols = map::symbols_in(&bundle, &world, &v, kind);
        for bucket in 0..BUCKETS.len() {
            let (legend, labels) = map::annotations(
                &bundle,
                &symbols,
                &v,
                kind,
                bucket,
                spector_widget::i18n::Locale::english(),
            );
            out.push((kind, bucket, v, symbols.clone(), legend, labels));
        }
    }
    out
}

#[test]
fn the_legend_shows_150_50_and_10_at_the_map_scale() {
    assert_eq!(layout::legend_values(153.0, true), vec![150.0, 50.0, 10.0]);
    for (kind, bucket, v, symbols, legend, _) in layouts() {
        let legend = legend.unwrap();
        let us_r = map::radius(153.0, 153.0, &v, kind);
        let values: Vec<f64> = legend.items.iter().map(|i| i.value).collect();
        assert_eq!(values, vec![150.0, 50.0, 10.0]);
        for item in &legend.items {
            // Same scale as the symbols: area proportional to the value.
            assert!((item.r * item.r / (us_r * us_r) - item.value / 153.0).abs() < 1e-9);
            let circle = Rect {
                x0: item.cx - item.r,
                y0: item.cy - item.r,
                x1: item.cx + item.r,
                y1: item.cy + item.r,
            };
            assert!(circle.x0 >= legend.rect.x0 && circle.x1 <= legend.rect.x1 && circle.y1 <= legend.rect.y1);
        }
        assert!(legend.rect.inside(&v), "{kind:?} b{bucket}: legend clipped");
        for s in symbols.iter().filter(|s| v.contains(s.x, s.y)) {
            assert!(
                !legend.rect.meets_circle(s.x, s.y, s.r),
                "{kind:?} b{bucket}: legend covers {}",
                s.code
            );
        }
    }
    // Each view's groups, which the DOM shell puts into the widget's empty
    // label groups, carry the legend's caption and values.
    let world = World::embedded().unwrap();
    for kind in [ViewKind::World, ViewKind::Europe] {
        for bucket in 0..BUCKETS.len() {
            let markup = map::annotations_markup(&spector(), &world, kind, bucket, Locale::english());
            assert!(
                markup.contains(">Arrests</text>") && markup.contains(">150</text>") && markup.contains(">10</text>"),
                "{kind:?} b{bucket}"
            );
        }
    }
}

#[test]
fn a_legend_of_people_shows_whole_numbers_whose_circles_match() {
    // Another bundle with small counts: Germany 7, France 9 arrests. Its
    // legend once read 7.5 and 3; a count of people is whole, so 5 and 3.
    let text = include_str!("fixtures/invalid/sum-mismatch.json");
    let bundle = parse_json(text).unwrap();
    let world = World::embedded().unwrap();
    let views = Views::new(&bundle, &world);
    for &kind in views.kinds() {
        let v = views.get(kind);
        let symbols = map::symbols_in(&bundle, &world, v, kind);
        for bucket in 0..BUCKETS.len() {
            let (legend, _) = map::annotations(&bundle, &symbols, v, kind, bucket, Locale::english());
            let legend = legend.unwrap();
            let values: Vec<f64> = legend.items.iter().map(|i| i.value).collect();
            assert_eq!(values, vec![5.0, 3.0], "{kind:?} b{bucket}");
            // Each circle has the area of its value on the symbols' scale.
            for item in &legend.items {
                assert_eq!(item.r, map::radius(item.value, 9.0, v, kind));
            }
            let markup = map::annotations_markup(&bundle, &world, kind, bucket, Locale::english());
            assert!(markup.contains(">5</text>") && markup.contains(">3</text>"), "{markup}");
            assert!(!markup.contains(">7.5</text>"), "{markup}");
        }
    }
}

#[test]
fn labels_never_collide_nor_leave_the_view() {
    for (kind, bucket, v, symbols, legend, labels) in layouts() {
        let at = format!("{kind:?} b{bucket}");
        for (i, a) in labels.iter().enumerate() {
            assert!(a.rect.inside(&v), "{at}: {} clipped", a.code);
            for b in labels.iter().skip(i + 1) {
                assert!(!a.rect.overlaps(&b.rect), "{at}: {} and {} overlap", a.code, b.code);
            }
            if let Some(l) = &legend {
                assert!(!a.rect.overlaps(&l.rect), "{at}: {} on the legend", a.code);
            }
            // A number reads as the country whose circle is nearest.
            let edge = |s: &map::Symbol| ((a.x - s.x).powi(2) + (a.y - s.y).powi(2)).sqrt() - s.r;
            let own = edge(symbols.iter().find(|s| s.code == a.code).unwrap());
            for s in symbols.iter().filter(|s| s.code != a.code) {
                assert!(
                    !a.rect.meets_circle(s.x, s.y, s.r),
                    "{at}: {} label covers {}",
                    a.code,
                    s.code
                );
                if v.contains(s.x, s.y) {
                    assert!(edge(s) > own, "{at}: {}'s label is nearer {}", a.code, s.code);
                }
            }
            if a.inside {
                let s = symbols.iter().find(|s| s.code == a.code).unwrap();
                let (w, h) = (a.rect.x1 - a.rect.x0, a.rect.y1 - a.rect.y0);
                assert!(
                    (w * w + h * h).sqrt() / 2.0 <= s.r,
                    "{at}: {} spills out of its circle",
                    a.code
                );
            }
        }
        let labelled: Vec<&str> = labels.iter().map(|l| l.code).collect();
        // Left out for lack of room are the smallest values only: no label
        // shows less than a symbol in view without one (the world view
        // once labelled Poland's 1 but not the Netherlands' 10).
        for s in symbols
            .iter()
            .filter(|s| v.contains(s.x, s.y) && !labelled.contains(&s.code))
        {
            for l in &labels {
                let value = symbols.iter().find(|o| o.code == l.code).unwrap().value;
                assert!(
                    value >= s.value,
                    "{at}: {} ({value}) labelled, {} ({}) not",
                    l.code,
                    s.code,
                    s.value
                );
            }
        }
        let must: &[&str] = match kind {
            ViewKind::World => &["US", "GB", "DE"],
            ViewKind::Europe => &EUROPEAN,
        };
        for code in must {
            assert!(labelled.contains(code), "{at}: {code} is not labelled ({labelled:?})");
        }
    }
}

#[test]
fn labels_are_12_px_at_the_smallest_width_of_their_bucket() {
    let v = view::world_view(&World::embedded().unwrap());
    for (bucket, min_px) in BUCKETS.iter().enumerate() {
        let px_per_unit = min_px / v.w;
        assert!((layout::font_units(&v, bucket) * px_per_unit - layout::LABEL_PX).abs() < 1e-9);
    }
}

#[test]
fn the_markup_does_not_depend_on_the_width_and_the_stylesheet_picks_the_layout() {
    // render::widget takes no width: one markup for 320, 640 and 1200 px.
    // The width only picks which label group shows, through container
    // queries whose limits must be the layout's buckets.
    let markup = render::widget(&spector(), &World::embedded().unwrap());
    for view in ["v-w", "v-e"] {
        for b in 0..BUCKETS.len() {
            assert_eq!(
                occurrences(&markup, &format!("class=\"lb {view} b{b}\"")),
                1,
                "{view} b{b}"
            );
        }
    }
    // In ems of the widget's text, so that the labels follow the reader's
    // text size; three decimals, cut (46.666em, 699.99 px), which a
    // column's width in 64ths of a px reaches exactly where it reaches the
    // bucket's px.
    for limit in BUCKETS.iter().skip(1) {
        let thousandths = (*limit / BASE_PX * 1000.0) as u32;
        let em = format!("{}.{:03}", thousandths / 1000, thousandths % 1000);
        let em = em.trim_end_matches('0').trim_end_matches('.');
        assert!(
            render::STYLE.contains(&format!("{em}em<=width")),
            "style.css lacks the {limit} px bucket as {em}em"
        );
    }
    assert_eq!(
        occurrences(render::STYLE, "@container sw"),
        BUCKETS.len() + 2,
        "one query per bucket, one for the docked tooltip, one for the map's keys in short"
    );
}

#[test]
fn the_europe_box_holds_the_seven_european_countries_and_keeps_the_aspect_ratio() {
    let bundle = spector();
    let world = World::embedded().unwrap();
    let e = view::europe_view(&bundle, &world).unwrap();
    let w = view::world_view(&world);
    for code in EUROPEAN {
        let c = world.country(code).unwrap();
        let (x, y) = c.anchor();
        assert!(e.contains(f64::from(x), f64::from(y)), "{code} anchor outside {e:?}");
        let (x0, y0, x1, y1) = view::mainland_bounds(&c);
        assert!(
            e.contains(f64::from(x0), f64::from(y0)) && e.contains(f64::from(x1), f64::from(y1)),
            "{code} mainland outside"
        );
    }
    for code in ["US", "BR"] {
        let (x, y) = world.country(code).unwrap().anchor();
        assert!(!e.contains(f64::from(x), f64::from(y)), "{code}");
    }
    // French Guiana does not stretch the box to South America.
    assert!(e.w < w.w / 4.0, "{e:?}");
    assert!(
        (e.w / e.h - w.w / w.h).abs() < 0.02,
        "same aspect ratio, so the map keeps its height"
    );
    assert!(e.x >= 0.0 && e.y >= 0.0 && e.x + e.w <= w.w && e.y + e.h <= w.h);
    // Switching views swaps these two attribute values.
    let markup = render::widget(&bundle, &world);
    assert!(markup.contains(&format!(
        "viewBox=\"0 0 2800 1230\" data-w=\"0 0 2800 1230\" data-e=\"{}\"",
        e.attr()
    )));
}

#[test]
fn europe_symbols_are_readable_and_the_zoom_button_is_a_real_button() {
    let bundle = spector();
    let world = World::embedded().unwrap();
    let e = view::europe_view(&bundle, &world).unwrap();
    let world_syms = map::symbols(&bundle, &world);
    let eu_syms = map::symbols_in(&bundle, &world, &e, ViewKind::Europe);
    // On screen (share of the view's width) Germany's circle is larger in
    // the Europe view, but its radius in grid units is smaller.
    let de = |s: &[map::Symbol]| s.iter().find(|s| s.code == "DE").unwrap().r;
    assert!(de(&eu_syms) / e.w > de(&world_syms) / 2800.0);
    assert!(de(&eu_syms) < de(&world_syms));
    let markup = render::widget(&bundle, &world);
    assert!(markup.contains("<button type=\"button\" class=\"zoom\" aria-keyshortcuts=\"E\">Zoom to Europe</button>"));
    assert!(render::STYLE.contains(".zoom,.as-table{min-width:24px;min-height:32px"));
}

#[test]
fn keyboard_order_runs_west_to_east() {
    let order = map::keyboard_order(&spector(), &World::embedded().unwrap());
    assert_eq!(order, ["US", "BR", "GB", "FR", "NL", "CH", "DE", "AT", "PL"]);
}

#[test]
fn each_country_is_one_named_button_and_the_map_one_tab_stop() {
    let markup = render::widget(&spector(), &World::embedded().unwrap());
    let markup = map_svg(&markup);
    assert_eq!(occurrences(markup, "role=\"button\""), 9);
    assert_eq!(occurrences(markup, "aria-pressed=\"false\""), 9);
    assert_eq!(occurrences(markup, "tabindex=\"0\""), 1);
    assert_eq!(occurrences(markup, "tabindex=\"-1\""), 8);
    assert!(markup.contains(
        "data-c=\"US\" role=\"button\" tabindex=\"0\" aria-pressed=\"false\" aria-label=\"United States: 153\u{a0}arrests\""
    ));
    for name in [
        "Germany: 52\u{a0}arrests",
        "Poland: 1\u{a0}arrest\"",
        "United Kingdom: 55\u{a0}arrests",
        "Switzerland: 2\u{a0}arrests",
    ] {
        assert!(markup.contains(name), "{name}");
    }
}

#[test]
fn the_nearest_symbol_within_reach_is_hit() {
    let bundle = spector();
    let world = World::embedded().unwrap();
    let symbols = map::symbols(&bundle, &world);
    let get = |code: &str| symbols.iter().find(|s| s.code == code).unwrap().clone();
    let (us, pl, nl) = (get("US"), get("PL"), get("NL"));
    // On a circle: that symbol.
    assert_eq!(map::nearest(&symbols, us.x, us.y, 0.0).unwrap().code, "US");
    // Inside overlapping circles (NL on GB and DE): the smallest, drawn on top.
    assert_eq!(map::nearest(&symbols, nl.x, nl.y, 0.0).unwrap().code, "NL");
    // 20 px at a 640 px wide world map is 87.5 grid units.
    let reach = map::HIT_REACH_PX * 2800.0 / 640.0;
    let above_us = us.y - us.r - reach + 1.0;
    assert_eq!(map::nearest(&symbols, us.x, above_us, reach).unwrap().code, "US");
    assert_eq!(map::nearest(&symbols, us.x, above_us - 2.0, reach), None);
    // East of Poland, Poland's edge is nearer than Germany's.
    assert_eq!(
        map::nearest(&symbols, pl.x + pl.r + 10.0, pl.y, reach).unwrap().code,
        "PL"
    );
    // Mid-Atlantic: nothing.
    let (x, y) = world.project(-40.0, 30.0);
    assert_eq!(map::nearest(&symbols, x, y, reach), None);
}

#[test]
fn the_markup_needs_no_inline_styles() {
    let markup = render::widget(&spector(), &World::embedded().unwrap());
    assert!(
        !markup.contains(" style=") && !markup.contains("<style"),
        "the page's CSP forbids them"
    );
}

/// WCAG 2 contrast ratio of two #rrggbb colours.
fn contrast(a: &str, b: &str) -> f64 {
    let lum = |hex: &str| {
        let c: Vec<f64> = (0..3)
            .map(|i| u8::from_str_radix(&hex[1 + 2 * i..3 + 2 * i], 16).unwrap() as f64 / 255.0)
            .map(|c| {
                if c <= 0.04045 {
                    c / 12.92
                } else {
                    ((c + 0.055) / 1.055).powf(2.4)
                }
            })
            .collect();
        0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2]
    };
    let (x, y) = (lum(a), lum(b));
    (x.max(y) + 0.05) / (x.min(y) + 0.05)
}

#[test]
fn graphics_have_at_least_3_to_1_contrast() {
    // The colours below are the light theme's (the host's custom
    // properties), and the map's rules paint with those properties.
    let css = render::STYLE;
    let light = between(css, ":host{", "}");
    for value in [
        "--sw-land:#ecebe7;",
        "--sw-marked:#f3b98a;",
        "--sw-marked-edge:#9a4a10;",
        "--sw-symbol:#c25100;",
        "--sw-symbol-edge:#1d1d1b;",
        "--sw-on-symbol:#fff;",
    ] {
        assert!(light.contains(value), "style.css changed: {value}");
    }
    for rule in [
        ".land path{fill:var(--sw-land);",
        ".marked path{fill:var(--sw-marked);stroke:var(--sw-marked-edge);",
        ".sym circle{fill:var(--sw-symbol);stroke:var(--sw-symbol-edge);",
        ".lb text.in{fill:var(--sw-on-symbol);",
    ] {
        assert!(css.contains(rule), "style.css changed: {rule}");
    }
    assert!(
        contrast("#c25100", "#ffffff") >= 4.5,
        "symbol on the page, and white labels on symbols"
    );
    assert!(contrast("#c25100", "#ecebe7") >= 3.0, "symbol on quiet land");
    assert!(
        contrast("#1d1d1b", "#f3b98a") >= 3.0,
        "symbol outline on tinted countries"
    );
    assert!(
        contrast("#9a4a10", "#ecebe7") >= 3.0,
        "tinted country outline on quiet land"
    );
    assert!(contrast("#1d1d1b", "#ffffff") >= 4.5, "labels with their halo");
}

// ---- The table view, the figure's description, the live region (issue #7) ----

use spector_widget::i18n::{Lang, Locale};

/// The text of the element that starts at `open` (up to `close`).
fn between<'a>(markup: &'a str, open: &str, close: &str) -> &'a str {
    let start = markup.find(open).unwrap_or_else(|| panic!("no {open}")) + open.len();
    let end = start + markup[start..].find(close).unwrap();
    &markup[start..end]
}

#[test]
fn the_table_holds_every_figure_of_the_map_with_its_marker() {
    let bundle = spector();
    let world = World::embedded().unwrap();
    let table = render::table_markup(&bundle);
    // Captions and header cells with their scope.
    assert!(
        table.contains("<table class=\"ft ft-map\"><caption>Arrests by country</caption>"),
        "{table:.400}"
    );
    assert!(table.contains("<caption>Figures for the whole operation</caption>"));
    assert!(table.contains("<thead><tr><th scope=\"col\">Country</th><th scope=\"col\" class=\"n\">Arrests</th><th scope=\"col\">Sources</th></tr></thead>"));
    // Three tables: the map's, the operation's other figures, and the
    // United States' firearms and pills.
    assert_eq!(occurrences(&table, "<th scope=\"col\""), 9);
    // Every country's arrests, largest first, with its name as the row
    // header, its value and its citation marker.
    let map_table = between(&table, "<table class=\"ft ft-map\">", "</table>");
    let countries: Vec<(&str, &spector_widget::facts::Fact)> = bundle.by_country(map::MAP_METRIC).collect();
    assert_eq!(countries.len(), 9);
    for (code, fact) in &countries {
        let row = between(
            map_table,
            &format!("<tr data-c=\"{code}\" data-fact=\"{}\">", fact.id),
            "</tr>",
        );
        assert!(row.starts_with("<th scope=\"row\">"), "{row}");
        assert!(row.contains(&format!("<td class=\"n\">{}</td>", fact.value)), "{row}");
        assert!(
            row.contains(&format!("class=\"cite\" data-cite=\"{}\"", fact.id)),
            "{row}"
        );
        assert_eq!(row.contains("class=\"differ\""), fact.disagreement.is_some(), "{row}");
    }
    let order: Vec<usize> = [
        "United States",
        "United Kingdom",
        "Germany",
        "Netherlands",
        "Austria",
        "France",
        "Switzerland",
        "Poland",
        "Brazil",
    ]
    .iter()
    .map(|name| {
        map_table
            .find(&format!("<th scope=\"row\">{name}</th>"))
            .unwrap_or_else(|| panic!("{name}"))
    })
    .collect();
    assert!(order.windows(2).all(|w| w[0] < w[1]), "largest first: {order:?}");
    // The United States' figure is disputed: its mark is in the table.
    assert!(map_table.contains("data-differ=\"arrests-us\""));
    // The total below, with its marker.
    let foot = between(map_table, "<tfoot>", "</tfoot>");
    assert!(
        foot.contains("<th scope=\"row\">Total</th><td class=\"n\">288</td>"),
        "{foot}"
    );
    assert!(foot.contains("data-cite=\"arrests-all\""));
    // The operation's other figures, each with its marker and, where
    // sources disagree, its mark.
    let all = between(&table, "<table class=\"ft ft-all\">", "</table>");
    for fact in bundle
        .facts
        .iter()
        .filter(|f| f.scope == spector_widget::facts::Scope::All && f.metric != map::MAP_METRIC)
    {
        assert_eq!(
            occurrences(all, &format!("data-cite=\"{}\"", fact.id)),
            1,
            "{}",
            fact.id
        );
        assert_eq!(
            all.contains(&format!("data-differ=\"{}\"", fact.id)),
            fact.disagreement.is_some(),
            "{}",
            fact.id
        );
    }
    assert!(
        all.contains(
            "<th scope=\"row\">Fentanyl or fentanyl-laced drugs <span class=\"ft-part\">(part of Drugs)</span></th><td class=\"n\">64\u{a0}kg</td>"
        ),
        "{all}"
    );
    // The DOJ, whom the Daily News quotes for the fentanyl, is among its
    // sources; in the map's table, Europol among each country's.
    assert!(
        all.contains("aria-label=\"[2,4,8] Sources for Fentanyl or fentanyl-laced drugs: U.S. Department of Justice"),
        "{all}"
    );
    assert!(
        map_table.contains(
            "data-cite=\"arrests-nl\" aria-expanded=\"false\" aria-label=\"[1,4] Sources for Arrests (Netherlands): Europol; "
        ),
        "{map_table}"
    );
    assert!(all.contains("<td class=\"n\">more than $53.4\u{a0}million</td>"));
    // Row headers everywhere: each row's own, or for the cash in euros,
    // the one above spanning it.
    assert_eq!(
        occurrences(&table, "<th scope=\"row\"") + occurrences(&table, "rowspan=\"2\""),
        occurrences(&table, "<tr") - 3
    );
    // It is not in the first render: the DOM shell inserts it on demand.
    let markup = render::widget(&bundle, &world);
    assert!(markup.contains("<div class=\"ftable\" hidden></div>"));
    assert!(!markup.contains("<table"));
    assert!(markup.contains("<button type=\"button\" class=\"as-table\" aria-pressed=\"false\">Show as table</button>"));
}

#[test]
fn the_table_says_the_cash_in_euros_is_the_same_sum_as_in_dollars_as_the_panel_does() {
    // The table once named two rows "Cash and crypto", one in dollars and
    // one in euros, which read as two seizures. As in the panel and the
    // static version, the euros are the same sum in parentheses: under the
    // dollars' row header, which spans both rows, each with its marker.
    let bundle = spector();
    let table = render::table_markup(&bundle);
    let all = between(&table, "<table class=\"ft ft-all\">", "</table>");
    assert_eq!(occurrences(all, ">Cash and crypto<"), 1, "{all}");
    let usd = between(all, "<tr data-fact=\"cash-crypto-usd\">", "</tr>");
    assert!(
        usd.starts_with(
            "<th scope=\"row\" rowspan=\"2\">Cash and crypto</th><td class=\"n\">more than $53.4\u{a0}million</td>"
        ),
        "{usd}"
    );
    assert!(usd.contains("data-cite=\"cash-crypto-usd\""), "{usd}");
    let eur = between(all, "<tr data-fact=\"cash-crypto-eur\">", "</tr>");
    assert!(
        eur.starts_with("<td class=\"n\">(more than €50.8\u{a0}million)</td>"),
        "{eur}"
    );
    assert!(eur.contains("data-cite=\"cash-crypto-eur\""), "{eur}");
    // The euros' row follows the dollars' at once, so the header spans it.
    assert!(all.contains("</tr><tr data-fact=\"cash-crypto-eur\">"), "{all}");
}

/// Every `data-fact` id in the table markup, in order.
fn table_facts(table: &str) -> Vec<&str> {
    table
        .split("data-fact=\"")
        .skip(1)
        .map(|rest| &rest[..rest.find('"').unwrap()])
        .collect()
}

#[test]
fn the_table_lists_every_figure_of_the_bundle_once_as_the_static_version_does() {
    // The table once left out every figure for a single country but the
    // arrests: the United States' firearms and pills were not in it.
    let bundle = spector();
    let table = render::table_markup(&bundle);
    let mut listed = table_facts(&table);
    listed.sort_unstable();
    let mut every: Vec<&str> = bundle.facts.iter().map(|f| f.id.as_str()).collect();
    every.sort_unstable();
    assert_eq!(listed, every);
    // A country's other figures are under its name, after the operation's.
    let us = between(
        &table,
        "<table class=\"ft ft-one\"><caption>United States</caption>",
        "</table>",
    );
    assert_eq!(table_facts(us), ["firearms-us", "pills-us"]);
    // A value does not repeat the unit its row's header says.
    assert!(
        us.contains("<th scope=\"row\">Firearms</th><td class=\"n\">104</td>"),
        "{us}"
    );
    assert!(us.contains("<td class=\"n\">more than 200,000</td>"), "{us}");
    assert!(table.find("ft-all").unwrap() < table.find("ft-one").unwrap());
    assert_eq!(occurrences(&table, "<table"), 3);

    // A second total is listed with the operation's others, not dropped as
    // the first table's total. The checker refuses a bundle with one (the
    // other value belongs in the total's disagreement), so it is added to a
    // checked bundle by hand: the table must not lose a figure whatever the
    // bundle holds.
    let mut bundle = parse_json(include_str!("fixtures/valid-minimal.json")).unwrap();
    let mut second = bundle.facts[0].clone();
    second.id = "arrests-all-about".into();
    second.value = 13.0;
    second.qualifier = spector_widget::facts::Qualifier::About;
    bundle.facts.push(second);
    let table = render::table_markup(&bundle);
    assert_eq!(
        table_facts(&table),
        ["arrests-de", "arrests-fr", "arrests-all", "arrests-all-about"]
    );
}

#[test]
fn the_table_escapes_bundle_text() {
    // Ids cannot hold markup (the checker refuses them); a figure the
    // widget does not know can, in its label.
    let mut value: serde_json::Value = serde_json::from_str(EMBEDDED_JSON).unwrap();
    let facts = value["facts"].as_array_mut().unwrap();
    let mut boats = facts[11].clone();
    boats["id"] = "boats".into();
    boats["metric"] = "boats_sunk".into();
    boats["label"] = "Boats <img src=x onerror=alert(1)>".into();
    boats.as_object_mut().unwrap().remove("disagreement");
    facts.push(boats);
    let bundle = parse_json(&value.to_string()).unwrap();
    let table = render::table_markup(&bundle);
    assert!(!table.contains("<b>") && !table.contains("<img"), "{table}");
    assert!(table.contains("Boats &lt;img src=x onerror=alert(1)&gt;"));
}

#[test]
fn the_figure_is_named_by_the_title_and_described_by_its_main_finding() {
    let bundle = spector();
    let world = World::embedded().unwrap();
    let markup = render::widget(&bundle, &world);
    assert!(markup.contains("<h2 class=\"title\" id=\"sw-title\">Operation SpecTor</h2>"));
    assert!(markup.contains("<figure class=\"map-col\" aria-labelledby=\"sw-title\" aria-describedby=\"sw-desc\"><p class=\"sr\" id=\"sw-desc\">"));
    let en = "Map of 288\u{a0}arrests in 9\u{a0}countries. Countries with the most arrests: United States (153), United Kingdom (55) and Germany (52).";
    assert_eq!(render::summary_in(&bundle, Locale::english()), en);
    assert!(markup.contains(&format!("id=\"sw-desc\">{en}</p>")));
    assert_eq!(
        render::summary_in(&bundle, Locale::get(Lang::De)),
        "Karte der 288\u{a0}Festnahmen in 9\u{a0}Ländern. Länder mit den meisten Festnahmen: Vereinigte Staaten (153), Vereinigtes Königreich (55) und Deutschland (52)."
    );
    // Every language says it in its own words, with every placeholder filled.
    for lang in Lang::ALL {
        let s = render::summary_in(&bundle, Locale::get(lang));
        assert!(
            s.contains("288") && s.contains("153") && s.contains("52"),
            "{lang:?}: {s}"
        );
        assert!(!s.contains('{') && !s.contains("desc."), "{lang:?}: {s}");
    }
}

#[test]
fn the_live_region_is_there_and_empty_until_a_selection() {
    let bundle = spector();
    let world = World::embedded().unwrap();
    let markup = render::widget(&bundle, &world);
    assert_eq!(occurrences(&markup, "aria-live="), 1);
    assert!(markup.contains("<p class=\"sr live\" aria-live=\"polite\" aria-atomic=\"true\"></p>"));
    assert_eq!(
        render::announcement_in(&bundle, Some("DE"), Locale::english()),
        "Germany selected: 52\u{a0}arrests"
    );
    assert_eq!(
        render::announcement_in(&bundle, Some("PL"), Locale::english()),
        "Poland selected: 1\u{a0}arrest"
    );
    assert_eq!(
        render::announcement_in(&bundle, None, Locale::english()),
        "Whole operation"
    );
    assert_eq!(
        render::announcement_in(&bundle, Some("DE"), Locale::get(Lang::De)),
        "Deutschland ausgewählt: 52\u{a0}Festnahmen"
    );
}

#[test]
fn a_markers_name_starts_with_its_visible_text_in_every_language() {
    let bundle = spector();
    let world = World::embedded().unwrap();
    let plain = |s: &str| s.replace("&amp;", "&").to_lowercase();
    for lang in Lang::ALL {
        let t = Locale::get(lang);
        let mut markup = render::widget_in(&bundle, &world, None, t);
        markup.push_str(&render::table_markup_in(&bundle, t));
        let mut checked = 0;
        for button in markup.split("<button ").skip(1) {
            let Some(label_at) = button.find("aria-label=\"") else {
                continue;
            };
            let head = &button[..button.find('>').unwrap()];
            if !head.contains("class=\"cite\"") && !head.contains("class=\"differ\"") {
                continue;
            }
            let label = &button[label_at + 12..];
            let label = plain(&label[..label.find('"').unwrap()]);
            // The text as read: a marker's `<wbr>`s are places to break, not text.
            let text =
                plain(&button[button.find('>').unwrap() + 1..button.find("</button>").unwrap()]).replace("<wbr>", "");
            if head.contains("class=\"cite\"") {
                assert!(
                    label.starts_with(&text),
                    "{lang:?}: {label:?} does not start with {text:?}"
                );
            } else {
                assert!(label.contains(&text), "{lang:?}: {label:?} does not contain {text:?}");
            }
            checked += 1;
        }
        assert!(checked > 20, "{lang:?}: {checked}");
    }
}

#[test]
fn the_first_frame_is_the_map_and_the_rest_completes_it_in_place() {
    use spector_widget::i18n::{Lang, Locale};
    let world = World::embedded().unwrap();
    let bundle = spector();
    for lang in [Lang::En, Lang::Pl] {
        let t = Locale::get(lang);
        let first = render::widget_first_in(&bundle, &world, t);
        // The map, its title, total and table button are there at once.
        assert_eq!(occurrences(map_svg(&first), "<path class=\"on\""), 9);
        assert_eq!(occurrences(&first, "class=\"as-table\""), 1);
        assert_eq!(occurrences(&first, "class=\"total\""), 1);
        // The panel, timeline, downloads and sources are not, but their
        // places are.
        for later in [
            "class=\"panel",
            "class=\"timeline\"",
            "class=\"data\"",
            "class=\"sources\"",
        ] {
            assert_eq!(occurrences(&first, later), 0, "{later}");
        }
        assert_eq!(occurrences(&first, "<div class=\"side\"></div>"), 1);
        // Put where the DOM shell puts them (the side's content, after
        // the side, before the live region), they make the whole widget.
        let rest = render::widget_rest_in(&bundle, Some(EMBEDDED_JSON), t);
        let side = format!("<div class=\"side\">{}</div>{}", rest.side, rest.timeline);
        let live = "<p class=\"sr live\"";
        let assembled =
            first
                .replacen("<div class=\"side\"></div>", &side, 1)
                .replacen(live, &format!("{}{live}", rest.end), 1);
        assert_eq!(assembled, render::widget_in(&bundle, &world, Some(EMBEDDED_JSON), t));
    }
}

#[test]
fn a_bundle_that_never_arrived_is_explained_in_the_readers_language() {
    use spector_widget::i18n::{Lang, Locale};
    use spector_widget::render::{load_failure_text, LoadFailure};
    let en = Locale::english();
    assert_eq!(
        load_failure_text(LoadFailure::Http(404), "/data/x.json", en),
        "the data file /data/x.json could not be loaded (HTTP 404)."
    );
    assert_eq!(
        load_failure_text(LoadFailure::Timeout(10), "x.json", en),
        "the data file x.json took longer than 10 seconds to load."
    );
    let de = Locale::get(Lang::De);
    assert_eq!(
        load_failure_text(LoadFailure::Network, "x.json", de),
        "Die Datendatei x.json konnte nicht geladen werden (Netzwerkfehler)."
    );
    // A `src` the widget does not fetch is not called a network error: the
    // journalist is told what to write instead.
    assert_eq!(
        load_failure_text(LoadFailure::Address, "javascript:alert(1)", en),
        "the data file javascript:alert(1) could not be loaded (neither an http or https address nor a relative path)."
    );
    for lang in Lang::ALL {
        let text = load_failure_text(LoadFailure::Address, "C:\\x.json", Locale::get(lang));
        let network = load_failure_text(LoadFailure::Network, "C:\\x.json", Locale::get(lang));
        assert!(
            text.contains("C:\\x.json") && text.contains("https") && text != network,
            "{text}"
        );
    }
    // Every language names the file and the status.
    for lang in Lang::ALL {
        let text = load_failure_text(LoadFailure::Http(503), "<b>.json", Locale::get(lang));
        assert!(
            text.contains("<b>.json") && text.contains("503") && !text.contains('{'),
            "{text}"
        );
        let panel = render::error_panel_in(&[], &text, Locale::get(lang));
        assert!(panel.contains("&lt;b&gt;.json") && !panel.contains("<b>"), "{panel}");
    }
}

/// `data/spector.json` with its figures' metrics unknown to the widget, so
/// their names come from the bundle's labels, and with `lang` set.
fn with_labels_and_lang(lang: Option<&str>) -> spector_widget::facts::Bundle {
    let mut json: serde_json::Value = serde_json::from_str(EMBEDDED_JSON).unwrap();
    if let Some(lang) = lang {
        json["lang"] = lang.into();
    }
    for fact in json["facts"].as_array_mut().unwrap() {
        if fact["metric"] == "firearms_seized" {
            fact["metric"] = "guns_found".into();
            fact["label"] = "Guns found".into();
        }
    }
    json["dates"][0]["event"] = "site_opened".into();
    json["dates"][0]["label"] = "Site opened".into();
    parse_json(&json.to_string()).unwrap()
}

#[test]
fn bundle_text_is_marked_with_the_bundles_language_where_the_widget_speaks_another() {
    use spector_widget::i18n::{Lang, Locale};
    let world = World::embedded().unwrap();
    let bundle = with_labels_and_lang(None);
    assert_eq!(bundle.lang, "en");
    let de = Locale::get(Lang::De);
    let en = |text: &str| format!("<span lang=\"en\">{text}</span>");
    let mut markup = render::widget_in(&bundle, &world, None, de);
    markup.push_str(&render::table_markup_in(&bundle, de));
    for id in ["firearms-all", "arrests-us"] {
        markup.push_str(&render::popover_in(&bundle, id, true, de).unwrap());
        markup.push_str(&render::popover_in(&bundle, id, false, de).unwrap());
    }
    // The name, the summary, the labels, every publisher and every reason.
    let summary = bundle.operation.summary.as_str();
    assert!(markup.contains(&format!(
        "<h2 class=\"title\" id=\"sw-title\">{}</h2>",
        en("Operation SpecTor")
    )));
    assert!(markup.contains(&format!("<p class=\"dek\">{}</p>", en(summary))));
    assert!(markup.contains(&format!("Quellen: {}", en("Europol"))), "{markup}");
    assert!(markup.contains(&format!("<span class=\"fig-label\">{}</span>", en("Guns found"))));
    assert!(markup.contains(&format!("<th scope=\"row\">{}", en("Guns found"))));
    assert!(markup.contains(&format!(
        "<p class=\"pop-title\">Quellen weichen ab: {}</p>",
        en("Guns found")
    )));
    assert!(markup.contains(&format!("<span class=\"tl-event\">{}</span>", en("Site opened"))));
    for source in &bundle.sources {
        let publisher = source.publisher.replace('\'', "&#39;");
        assert!(
            markup.contains(&format!("<span class=\"src-pub\">{}</span>", en(&publisher))),
            "{publisher}"
        );
    }
    for id in ["firearms-all", "arrests-us"] {
        let fact = bundle.facts.iter().find(|f| f.id == id).unwrap();
        let reason = fact.disagreement.as_ref().unwrap().reason.replace('\'', "&#39;");
        assert!(markup.contains(&format!("</b> {}</p>", en(&reason))), "{id}");
    }
    // An attribute cannot hold markup: names there stay plain.
    for attribute in markup.split("aria-label=\"").skip(1) {
        let value = &attribute[..attribute.find('"').unwrap()];
        assert!(!value.contains('<'), "{value}");
    }

    // In the bundle's own language nothing is marked but quotes and
    // titles, which always carry their source's language.
    let english = render::widget_in(&bundle, &world, None, Locale::english());
    assert_eq!(english.matches("<span lang=").count(), 0);
    assert_eq!(
        english.matches(" lang=\"en\"").count(),
        1 + english.matches("<cite class=\"src-title\" lang=\"en\"").count(),
        "the root and the titles"
    );

    // A bundle in German: its text is marked in the English widget, not in
    // the German one; its sources' language defaults to the bundle's.
    let german = with_labels_and_lang(Some("de-AT"));
    assert!(german.sources.iter().all(|s| s.lang == "de-AT"));
    let in_de = render::widget_in(&german, &world, None, de);
    assert_eq!(in_de.matches("<span lang=").count(), 0);
    let in_en = render::widget_in(&german, &world, None, Locale::english());
    assert!(in_en.contains("<h2 class=\"title\" id=\"sw-title\"><span lang=\"de-AT\">Operation SpecTor</span></h2>"));
}

/// The widget's markup in one language, with its table and the panels of
/// the given countries.
fn widget_table_and_panels(
    bundle: &spector_widget::facts::Bundle,
    t: &spector_widget::i18n::Locale,
    codes: &[&str],
) -> String {
    let mut markup = render::widget_in(bundle, &World::embedded().unwrap(), None, t);
    markup.push_str(&render::table_markup_in(bundle, t));
    for code in codes {
        markup.push_str(&render::panel_markup_in(bundle, Some(code), t));
    }
    markup
}

#[test]
fn a_countrys_figure_is_named_with_the_countrys_name_never_its_code() {
    use spector_widget::i18n::{Lang, Locale};
    let bundle = spector();
    for lang in Lang::ALL {
        let t = Locale::get(lang);
        let mut markup = widget_table_and_panels(&bundle, t, &["US", "CH", "PL"]);
        for code in ["US", "CH", "PL"] {
            markup.push_str(&render::tooltip_in(&bundle, code, t).unwrap());
        }
        for fact in &bundle.facts {
            for differ in [false, true] {
                markup.push_str(&render::popover_in(&bundle, &fact.id, differ, t).unwrap_or_default());
            }
        }
        // No "(US)": a code in parentheses is what the names used to end with.
        let codes: Vec<&str> = markup
            .match_indices('(')
            .filter_map(|(i, _)| markup.get(i..i + 4))
            .filter(|s| s.ends_with(')') && s[1..3].bytes().all(|b| b.is_ascii_uppercase()))
            .collect();
        assert!(codes.is_empty(), "{lang:?}: {codes:?}");
        let name = spector_widget::render::map::country_name(t, "US");
        let arrests = t.text(spector_widget::i18n::Key::MetricArrests);
        assert!(markup.contains(&format!("{arrests} ({name})")), "{lang:?}");
    }
    let de = render::popover_in(&bundle, "arrests-ch", false, Locale::get(Lang::De)).unwrap();
    assert!(
        de.contains("<p class=\"pop-title\">Quellen zu „Festnahmen (Schweiz)“</p>"),
        "{de}"
    );
    let pl = render::popover_in(&bundle, "arrests-us", true, Locale::get(Lang::Pl)).unwrap();
    assert!(
        pl.contains("aria-label=\"Źródła się różnią: Zatrzymania (Stany Zjednoczone)\""),
        "{pl}"
    );
    // The differing claims' quotes follow French punctuation too: a thin
    // space before the colon, as in the popover's other lines.
    let fr = render::popover_in(&bundle, "firearms-all", true, Locale::get(Lang::Fr)).unwrap();
    let claims = &fr[fr.find("<ul class=\"claim-src\">").unwrap()..];
    assert!(claims.contains("</span>\u{202f}: <q lang=\"en\">"), "{claims}");
    assert!(!claims.contains("</span>: <q"), "{claims}");
}

#[test]
fn a_bundle_with_figures_for_countries_only_has_no_empty_whole_operation_heading() {
    let mut bundle: serde_json::Value = serde_json::from_str(include_str!("../data/example-minimal.json")).unwrap();
    bundle["facts"].as_array_mut().unwrap().retain(|f| f["scope"] != "ALL");
    let bundle = parse_json(&bundle.to_string()).unwrap();
    let t = spector_widget::i18n::Locale::english();
    let whole = render::panel_markup_in(&bundle, None, t);
    assert!(!whole.contains("Whole operation"), "{whole}");
    assert!(whole.contains("class=\"chip\""), "{whole}");
    // A country keeps its heading.
    let one = render::panel_markup_in(&bundle, Some("US"), t);
    assert!(one.contains("<h3 class=\"panel-title\">United States</h3>"), "{one}");
    // And the full bundle keeps "Whole operation".
    assert!(render::panel_markup_in(&spector(), None, t).contains("Whole operation"));
}

/// Figures for Singapore and Malta, which the map (Natural Earth 110m)
/// does not draw, and for Germany, which it does.
fn small_countries() -> spector_widget::facts::Bundle {
    parse_json(include_str!("fixtures/valid-small-countries.json")).unwrap()
}

#[test]
fn countries_the_map_does_not_draw_are_named_not_coded() {
    use spector_widget::i18n::{Lang, Locale};
    let bundle = small_countries();
    let world = World::embedded().unwrap();
    assert!(world.country("SG").is_none() && world.country("MT").is_none());
    for (lang, singapore) in [(Lang::En, "Singapore"), (Lang::De, "Singapur")] {
        let t = Locale::get(lang);
        let mut markup = render::widget_in(&bundle, &world, None, t);
        markup.push_str(&render::table_markup_in(&bundle, t));
        markup.push_str(&render::panel_markup_in(&bundle, Some("SG"), t));
        // Chips, table rows, the description and the panel's heading.
        for code in ["SG", "MT"] {
            assert!(!markup.contains(&format!(">{code}<")), "{lang:?}: {code} as text");
            assert!(
                !markup.contains(&format!("{code} (")),
                "{lang:?}: {code} in the description"
            );
        }
        assert!(
            markup.contains(&format!("{singapore} (8)")),
            "{lang:?}: the description"
        );
        assert!(markup.contains(&format!(">{singapore}<")), "{lang:?}");
        assert!(markup.contains(">Malta<"), "{lang:?}");
    }
}

#[test]
fn the_credits_say_which_countries_with_figures_the_map_does_not_draw() {
    use spector_widget::i18n::{Lang, Locale};
    let world = World::embedded().unwrap();
    let credits = |bundle: &spector_widget::facts::Bundle, lang: Lang| {
        let markup = render::widget_first_in(bundle, &world, Locale::get(lang));
        between(&markup, "<p class=\"credits\">", "</p>").to_string()
    };
    let bundle = small_countries();
    assert_eq!(
        credits(&bundle, Lang::En),
        "Sources: Example Police. Map data: Natural Earth. Not on the map: Singapore, Malta."
    );
    assert!(
        credits(&bundle, Lang::De).ends_with("Kartendaten: Natural Earth. Nicht auf der Karte: Singapur, Malta."),
        "{}",
        credits(&bundle, Lang::De)
    );
    // Every country of the embedded bundle is drawn: nothing to say.
    assert!(credits(&spector(), Lang::En).ends_with("Map data: Natural Earth."));
}

fn minimal() -> spector_widget::facts::Bundle {
    parse_json(include_str!("../data/example-minimal.json")).unwrap()
}

#[test]
fn without_a_countries_figure_the_total_is_not_given_a_country_count() {
    // The minimal bundle: 288 arrests, per-country figures for two
    // countries only (153 + 55), no `countries_involved` figure, a summary
    // that says nine countries. Nothing may say "288 arrests in 2 countries".
    let bundle = minimal();
    let markup = render::widget(&bundle, &World::embedded().unwrap());
    let stat = between(&markup, "<p class=\"stat\">", "</p>");
    assert!(stat.contains("288</strong>"), "{stat}");
    assert!(!stat.contains("countr") && !stat.contains("stat-n"), "{stat}");
    // The map's description says what the map shows: the arrests on it, in
    // its countries.
    let en = "Map of 208\u{a0}arrests in 2\u{a0}countries. Countries with the most arrests: United States (153) and United Kingdom (55).";
    assert_eq!(render::summary_in(&bundle, Locale::english()), en);
    assert!(markup.contains(&format!("id=\"sw-desc\">{en}</p>")), "{markup:.1500}");
    for lang in Lang::ALL {
        let s = render::summary_in(&bundle, Locale::get(lang));
        assert!(s.contains("208") && !s.contains("288"), "{lang:?}: {s}");
    }
    // Parts that are not all exact do not add up to a figure: the map's
    // name stands for the first sentence.
    let mut value: serde_json::Value = serde_json::from_str(include_str!("../data/example-minimal.json")).unwrap();
    value["facts"][2]["qualifier"] = "more_than".into();
    let rough = parse_json(&value.to_string()).unwrap();
    assert_eq!(
        render::summary_in(&rough, Locale::english()),
        "Map of arrests by country. Countries with the most arrests: United States (153) and United Kingdom (more than 55)."
    );
}

/// Every `(data-cite id, aria-label)` pair of the citation markers in
/// some markup.
fn marker_names(markup: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for button in markup.split("<button ").skip(1) {
        let head = &button[..button.find('>').unwrap()];
        let (Some(id_at), Some(label_at)) = (head.find("data-cite=\""), head.find("aria-label=\"")) else {
            continue;
        };
        let id = &head[id_at + 11..];
        let label = &head[label_at + 12..];
        out.push((
            id[..id.find('"').unwrap()].to_owned(),
            label[..label.find('"').unwrap()].to_owned(),
        ));
    }
    out
}

#[test]
fn markers_of_different_figures_have_different_names_in_every_language() {
    // The cash and crypto figure in dollars and in euros share the metric's
    // name and their sources: a screen reader must still tell them apart.
    let bundle = spector();
    for lang in Lang::ALL {
        let t = Locale::get(lang);
        let markup = widget_table_and_panels(&bundle, t, &["US", "DE"]);
        // What a name says a marker is for, without the sources' numbers
        // before it and their publishers after it: two figures with the
        // same sources would differ by nothing else.
        let punct = t.text(spector_widget::i18n::Key::PunctName);
        let names: Vec<(String, String)> = marker_names(&markup)
            .into_iter()
            .map(|(id, name)| {
                let what = name[name.find(' ').unwrap()..name.rfind(punct).unwrap()].to_owned();
                (id, what)
            })
            .collect();
        assert!(names.iter().any(|(id, _)| id == "cash-crypto-eur"), "{lang:?}");
        for (id, name) in &names {
            for (other, other_name) in &names {
                assert!(
                    id == other || name != other_name,
                    "{lang:?}: {id} and {other} are both{name}"
                );
            }
        }
    }
    let names = marker_names(&render::widget(&bundle, &World::embedded().unwrap()));
    let name = |id: &str| names.iter().find(|(i, _)| i == id).unwrap().1.clone();
    assert_eq!(
        name("cash-crypto-eur"),
        "[1] Sources for Cash and crypto (more than €50.8\u{a0}million): Europol"
    );
    assert!(
        name("cash-crypto-usd").contains("Cash and crypto (more than $53.4\u{a0}million): "),
        "{}",
        name("cash-crypto-usd")
    );
    // Other figures keep their plain names.
    assert!(
        name("firearms-all").contains(" Sources for Firearms: "),
        "{}",
        name("firearms-all")
    );
}

#[test]
fn the_marked_countries_come_in_keyboard_order_so_the_accessibility_tree_agrees() {
    // Screen readers list the map's countries in document order: the same
    // west-to-east order the arrow keys follow, the first one the tab stop.
    let bundle = spector();
    let world = World::embedded().unwrap();
    let markup = render::widget(&bundle, &world);
    let in_markup: Vec<&str> = markup
        .split("<path class=\"on\" data-c=\"")
        .skip(1)
        .map(|rest| &rest[..rest.find('"').unwrap()])
        .collect();
    let order = map::keyboard_order(&bundle, &world);
    assert_eq!(in_markup, order);
    assert_eq!(order, ["US", "BR", "GB", "FR", "NL", "CH", "DE", "AT", "PL"]);
    assert!(markup.contains("<path class=\"on\" data-c=\"US\" role=\"button\" tabindex=\"0\""));
    assert_eq!(occurrences(&markup, "tabindex=\"0\" aria-pressed"), 1);
}

#[test]
fn the_europe_view_names_the_countries_it_leaves_out_and_only_those() {
    let world = World::embedded().unwrap();
    let markup = render::widget(&spector(), &world);
    assert_eq!(occurrences(&markup, "<p class=\"outside v-e\">"), 1);
    assert!(
        markup.contains("<p class=\"outside v-e\">Outside this view: United States (153) and Brazil (1).</p>"),
        "{markup}"
    );
    // Germany and France alone: the Europe view leaves nothing out.
    let european = parse_json(include_str!("fixtures/valid-minimal.json")).unwrap();
    let markup = render::widget(&european, &world);
    assert!(markup.contains("class=\"zoom\""), "a Europe view");
    assert!(!markup.contains("outside"), "{markup}");
}

/// `data/example-minimal.json` with more figures for the whole operation,
/// each its first figure's citations under another id, metric, unit and
/// value.
fn example_with(figures: &[(&str, &str, &str, u32)]) -> spector_widget::facts::Bundle {
    let mut value: serde_json::Value = serde_json::from_str(include_str!("../data/example-minimal.json")).unwrap();
    let facts = value["facts"].as_array_mut().unwrap();
    for &(id, metric, unit, n) in figures {
        let mut fact = facts[0].clone();
        fact["id"] = id.into();
        fact["metric"] = metric.into();
        fact["unit"] = unit.into();
        fact["value"] = n.into();
        facts.push(fact);
    }
    parse_json(&value.to_string()).unwrap()
}

#[test]
fn a_metric_whose_last_word_is_its_unit_is_named_without_it() {
    // `fines_usd` in USD, no label: the value says "$2.5 million", so the
    // widget, its table and the static version name the figure "Fines",
    // not "Fines usd". A unit of the bundle's own counts as one too.
    let bundle = example_with(&[
        ("fines", "fines_usd", "USD", 2_500_000),
        ("catch", "catch_boats", "boats", 4),
    ]);
    let world = World::embedded().unwrap();
    let t = Locale::english();
    let mut markup = render::widget_in(&bundle, &world, None, t);
    markup.push_str(&render::table_markup_in(&bundle, t));
    markup.push_str(&render::popover_in(&bundle, "fines", false, t).unwrap());
    let page = spector_widget::static_page::html_fragment_in(&bundle, &world, 640, t);
    for markup in [&markup, &page] {
        assert!(markup.contains("<th scope=\"row\">Fines</th>"), "{markup}");
        assert!(markup.contains("<th scope=\"row\">Catch</th>"), "{markup}");
        assert!(
            !markup.contains("Fines usd") && !markup.contains("Catch boats"),
            "{markup}"
        );
    }
    assert!(markup.contains("<span class=\"fig-label\">Fines</span>"), "{markup}");
    assert!(
        markup.contains("<p class=\"pop-title\">Sources for Fines</p>"),
        "{markup}"
    );
}

#[test]
fn two_figures_a_reader_would_see_under_one_name_share_a_row() {
    // `fines` in euros and `fines_usd` in dollars both read "Fines": as two
    // rows they looked like one figure said twice. Like the cash in both
    // currencies, the second stands in brackets beside the first, in the
    // panel, the table and the static version.
    let bundle = example_with(&[
        ("fines-eur", "fines", "EUR", 2_000_000),
        ("fines-usd", "fines_usd", "USD", 2_200_000),
    ]);
    let world = World::embedded().unwrap();
    let t = Locale::english();
    let rows = spector_widget::render::panel::rows(&bundle, None);
    let fines: Vec<_> = rows.iter().filter(|r| r.fact.id.starts_with("fines")).collect();
    assert_eq!(fines.len(), 1);
    assert_eq!(fines[0].fact.id, "fines-eur");
    assert_eq!(fines[0].alt.map(|a| a.id.as_str()), Some("fines-usd"));
    let mut markup = render::widget_in(&bundle, &world, None, t);
    markup.push_str(&render::table_markup_in(&bundle, t));
    let page = spector_widget::static_page::html_fragment_in(&bundle, &world, 640, t);
    assert_eq!(occurrences(&markup, "<span class=\"fig-label\">Fines</span>"), 1);
    // The table's row header spans the two values' rows.
    assert_eq!(occurrences(&markup, "<th scope=\"row\" rowspan=\"2\">Fines</th>"), 1);
    assert_eq!(occurrences(&markup, "<th scope=\"row\">Fines</th>"), 0);
    assert_eq!(occurrences(&page, ">Fines</th>"), 1);
    for markup in [&markup, &page] {
        let at = markup.find(">Fines</").unwrap();
        let row: String = markup[at..].chars().take(600).collect();
        assert!(
            row.contains("2\u{a0}million") && row.contains("$2.2\u{a0}million"),
            "{row}"
        );
    }
}

#[test]
fn a_unit_of_the_bundles_own_is_marked_with_the_bundles_language() {
    // `boats` is the bundle's word, written after the number untranslated:
    // a German widget reading an English bundle marks it as English, as it
    // does the figure's name, wherever the value is shown (the panel, the
    // table, the "sources differ" popover, the static version).
    let mut value: serde_json::Value = serde_json::from_str(include_str!("../data/example-minimal.json")).unwrap();
    let facts = value["facts"].as_array_mut().unwrap();
    let mut boats = facts[0].clone();
    boats["id"] = "boats".into();
    boats["metric"] = "boats_sunk".into();
    boats["unit"] = "boats".into();
    boats["value"] = 5.into();
    boats["disagreement"] = serde_json::json!({
        "reason": "The police count is later.",
        "claims": [{ "value": 7, "qualifier": "exact", "citations": [{ "source": "nydn", "quote": "7 boats" }] }]
    });
    facts.push(boats);
    let bundle = parse_json(&value.to_string()).unwrap();
    assert_eq!(bundle.lang, "en");
    let world = World::embedded().unwrap();
    let de = Locale::get(Lang::De);
    let mut markup = render::widget_in(&bundle, &world, None, de);
    markup.push_str(&render::table_markup_in(&bundle, de));
    markup.push_str(&render::popover_in(&bundle, "boats", true, de).unwrap());
    let page = spector_widget::static_page::html_fragment_in(&bundle, &world, 640, de);
    let boats = |n: u32| format!("{n}\u{a0}<span lang=\"en\">boats</span>");
    assert!(
        markup.contains(&format!("<span class=\"fig-value\">{}</span>", boats(5))),
        "{markup}"
    );
    assert!(
        markup.contains(&format!("<td class=\"n\">{}</td>", boats(5))),
        "{markup}"
    );
    assert!(
        markup.contains(&format!("<span class=\"claim-value\">{}</span>", boats(5))),
        "{markup}"
    );
    assert!(
        markup.contains(&format!("<span class=\"claim-value\">{}</span>", boats(7))),
        "{markup}"
    );
    assert!(page.contains(&boats(5)) && page.contains(&boats(7)), "{page}");
    assert!(!markup.contains("\u{a0}boats") && !page.contains("\u{a0}boats"));
    // In the bundle's own language the unit is plain text.
    let en = render::widget_in(&bundle, &world, None, Locale::english());
    assert!(en.contains("<span class=\"fig-value\">5\u{a0}boats</span>"), "{en}");
}

#[test]
fn a_map_without_arrests_by_country_says_no_source_gives_them() {
    // Only the operation's total, or no arrests at all: the map has
    // nothing on it. Its description said "Map of 288 arrests in 9
    // countries" (with the bundle's countries figure) or only the map's
    // name, for screen readers only, and the static version's ended " .".
    let world = World::embedded().unwrap();
    let mut value: serde_json::Value = serde_json::from_str(EMBEDDED_JSON).unwrap();
    value["facts"]
        .as_array_mut()
        .unwrap()
        .retain(|f| f["metric"] != "arrests" || f["scope"] == "ALL");
    let total_only = parse_json(&value.to_string()).unwrap();
    value["facts"]
        .as_array_mut()
        .unwrap()
        .retain(|f| f["metric"] != "arrests");
    let none = parse_json(&value.to_string()).unwrap();
    for bundle in [&total_only, &none] {
        for lang in Lang::ALL {
            let t = Locale::get(lang);
            let said = t.text(spector_widget::i18n::Key::DescNone);
            assert_eq!(render::summary_in(bundle, t), said, "{lang:?}");
            // Shown to every reader, where the map's description is.
            let markup = render::widget_first_in(bundle, &world, t);
            assert!(
                markup.contains(&format!("<p class=\"outside\" id=\"sw-desc\">{said}</p>")),
                "{lang:?}: {markup:.1500}"
            );
            // No keys to move between countries where there are none, for
            // a screen reader to read out or the map to point at.
            assert!(!markup.contains("sw-keys"), "{lang:?}: {markup:.1500}");
            let page = spector_widget::static_page::html_fragment_in(bundle, &world, 640, t);
            assert!(page.contains(&format!("-map-d\">{said}</desc>")), "{lang:?}");
            // And under the static version's map, for readers without
            // JavaScript, who saw an empty map with nothing said.
            assert!(page.contains(&format!("<figcaption>{said} ")), "{lang:?}");
        }
    }
    assert_eq!(
        render::summary_in(&total_only, Locale::english()),
        "No source gives arrests by country."
    );
    // Nor where the only country with a figure is one the map does not
    // draw: nothing on it takes focus.
    let mut value: serde_json::Value = serde_json::from_str(EMBEDDED_JSON).unwrap();
    let facts = value["facts"].as_array_mut().unwrap();
    facts.retain(|f| f["metric"] != "arrests" || f["scope"] == "ALL");
    facts.push(serde_json::json!({
        "id": "arrests-sg", "metric": "arrests", "scope": "SG", "value": 3, "unit": "people",
        "qualifier": "exact", "citations": [{ "source": "europol", "quote": "3 arrests in Singapore" }]
    }));
    let singapore_only = parse_json(&value.to_string()).unwrap();
    let markup = render::widget_first_in(&singapore_only, &world, Locale::english());
    assert!(!markup.contains("sw-keys"), "{markup:.1500}");
    // A map with arrests keeps its description for screen readers.
    let markup = render::widget_first_in(&spector(), &world, Locale::english());
    assert!(markup.contains("<p class=\"sr\" id=\"sw-desc\">Map of 288"));
    assert!(markup.contains("aria-describedby=\"sw-keys\"") && markup.contains("<p class=\"sr\" id=\"sw-keys\">"));
    let page = spector_widget::static_page::html_fragment_in(&spector(), &world, 640, Locale::english());
    assert!(page.contains("<figcaption>Sources: "));
}
