//! The wasm build in a real browser (headless Chromium through
//! wasm-bindgen-test): mounting renders into a shadow root, and a bad bundle
//! becomes a message for the reader instead of an exception.
#![cfg(target_arch = "wasm32")]

use spector_widget::Widget;
use wasm_bindgen_test::*;
use web_sys::{ShadowRoot, ShadowRootInit, ShadowRootMode};

wasm_bindgen_test_configure!(run_in_browser);

fn shadow_root() -> ShadowRoot {
    let document = web_sys::window().unwrap().document().unwrap();
    let host = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&host).unwrap();
    host.attach_shadow(&ShadowRootInit::new(ShadowRootMode::Open)).unwrap()
}

fn count(root: &ShadowRoot, selector: &str) -> u32 {
    root.query_selector_all(selector).unwrap().length()
}

#[wasm_bindgen_test]
fn mounting_the_embedded_bundle_draws_the_world_and_the_nine_countries() {
    let root = shadow_root();
    let _widget = Widget::mount(&root, None);
    assert!(count(&root, "svg.map path") > 150);
    assert_eq!(count(&root, "svg.map path.on"), 9);
    assert_eq!(count(&root, "svg.map .sym.v-w circle"), 9);
    assert_eq!(count(&root, "svg.map .sym.v-e circle"), 9);
    assert_eq!(count(&root, "svg.map path.on[role=button][tabindex=\"0\"]"), 1);
    assert!(root.text_content().unwrap().contains("288"));
}

#[wasm_bindgen_test]
fn a_bundle_with_a_bad_field_shows_its_json_path_and_no_map() {
    let root = shadow_root();
    let bundle = r#"{"schema":1,"operation":{"id":"x","name":"X","summary":"s","announced":"2023-05-02"},
        "sources":[{"id":"s","publisher":"P","title":"T","date":"2023","kind":"primary"}],
        "facts":[{"id":"a","metric":"arrests","scope":"XX","value":1,"unit":"people","qualifier":"exact",
                  "citations":[{"source":"s","quote":"q"}]}]}"#;
    let _widget = Widget::mount(&root, Some(bundle.into()));
    let text = root.text_content().unwrap();
    assert!(text.contains("facts[0].scope"), "{text}");
    assert!(text.contains("unknown country code"), "{text}");
    assert_eq!(count(&root, "svg"), 0);
}

#[wasm_bindgen_test]
fn text_that_is_not_json_is_refused_with_a_message() {
    let root = shadow_root();
    let _widget = Widget::mount(&root, Some("{\"schema\": 1,".into()));
    assert!(root.text_content().unwrap().contains("not valid JSON"));
    assert_eq!(count(&root, "[role=alert]"), 1);
}

#[wasm_bindgen_test]
fn the_zoom_button_switches_to_europe_and_back() {
    use wasm_bindgen::JsCast;
    let root = shadow_root();
    let _widget = Widget::mount(&root, None);
    let button: web_sys::HtmlElement = root.query_selector("button.zoom").unwrap().unwrap().dyn_into().unwrap();
    let wrap = root.query_selector(".map-wrap").unwrap().unwrap();
    assert_eq!(wrap.get_attribute("data-view").as_deref(), Some("w"));
    button.click();
    // Zooming in shows the Europe symbols at once; the viewBox follows.
    assert_eq!(wrap.get_attribute("data-view").as_deref(), Some("e"));
    assert_eq!(button.text_content().as_deref(), Some("Show world"));
    button.click();
    assert_eq!(button.text_content().as_deref(), Some("Zoom to Europe"));
}
