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

#[test]
fn every_country_of_the_geometry_is_one_path() {
    let world = World::embedded().unwrap();
    let markup = render::widget(&spector(), &world);
    assert_eq!(occurrences(&markup, "<path "), world.countries().count());
    assert!(world.countries().count() > 150);
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
    assert!(markup.contains("<strong class=\"total\">288</strong> arrests in 9 countries"), "{markup:.600}");
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
    assert!(symbols.windows(2).all(|w| w[0].r >= w[1].r), "largest first, so smaller ones are drawn on top");
}

#[test]
fn symbols_sit_on_their_country() {
    let bundle = spector();
    let world = World::embedded().unwrap();
    for s in map::symbols(&bundle, &world) {
        let country = world.country(s.code).unwrap();
        assert!(country.contains(s.x, s.y), "{} symbol is outside {}", s.code, country.name());
    }
}

#[test]
fn the_tooltip_names_the_country_and_its_arrests() {
    let bundle = spector();
    let world = World::embedded().unwrap();
    let us = render::tooltip(&bundle, &world, "US").unwrap();
    assert!(us.contains("United States") && us.contains("153 arrests"), "{us}");
    let pl = render::tooltip(&bundle, &world, "PL").unwrap();
    assert!(pl.contains("Poland") && pl.contains("1 arrest<"), "{pl}");
    assert_eq!(render::tooltip(&bundle, &world, "CN"), None);
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
    assert!(markup.contains("Sources: Europol"), "the arrests are Europol's figures");
    assert!(markup.contains("Map data: Natural Earth."));
}

#[test]
fn a_refused_bundle_shows_each_problem_with_its_path() {
    let errors = parse_json("{\"schema\": 1}").unwrap_err();
    let panel = render::error_panel(&errors, "its data has errors.");
    assert!(panel.contains("role=\"alert\""));
    assert!(panel.contains("missing field `operation`"), "{panel}");
}
