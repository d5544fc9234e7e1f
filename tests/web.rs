//! The wasm build in a real browser (headless Chromium through
//! wasm-bindgen-test): mounting renders into a shadow root, and a bad bundle
//! becomes a message for the reader instead of an exception.
//!
//! Not built with the `reader-module` feature: that build is the bundle
//! reader, which has no `Widget` to mount.
#![cfg(all(target_arch = "wasm32", not(feature = "reader-module")))]

use std::cell::OnceCell;
use std::rc::Rc;

use spector_widget::Widget;
use wasm_bindgen::closure::Closure;
use wasm_bindgen_test::*;
use web_sys::{ShadowRoot, ShadowRootInit, ShadowRootMode};

wasm_bindgen_test_configure!(run_in_browser);

fn shadow_root() -> ShadowRoot {
    let document = web_sys::window().unwrap().document().unwrap();
    let host = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&host).unwrap();
    host.attach_shadow(&ShadowRootInit::new(ShadowRootMode::Open)).unwrap()
}

/// A mounted widget, with the function its listeners call: it forwards to
/// the widget once `mount` has returned it, as element.js's does.
struct Mounted {
    widget: Rc<OnceCell<Widget>>,
    _handle: Closure<dyn Fn(u32, String, f64, f64) -> bool>,
}

impl core::ops::Deref for Mounted {
    type Target = Widget;

    fn deref(&self) -> &Widget {
        self.widget.get().unwrap()
    }
}

/// `Widget::mount` with a forwarding handler, and a bundle's text read and
/// packed as the reader module does it for the page. `Fn`, not `FnMut`: moving
/// focus in a handler sends focus events at once, so the handler is
/// re-entered, and wasm-bindgen refuses to re-enter a `FnMut` closure.
fn mount(root: &ShadowRoot, bundle: Option<&str>, lang: Option<&str>) -> Mounted {
    use wasm_bindgen::JsCast;
    let widget = Rc::new(OnceCell::new());
    let to = widget.clone();
    let handle = Closure::<dyn Fn(u32, String, f64, f64) -> bool>::new(move |kind, code: String, x, y| {
        to.get().is_some_and(|w: &Widget| w.handle(kind, &code, x, y))
    });
    use spector_widget::facts::{packed, parse_json};
    let mounted = Widget::mount(
        root,
        None,
        bundle.map(Into::into),
        bundle.map(|text| packed::pack(&parse_json(text))),
        lang.map(Into::into),
        handle.as_ref().unchecked_ref(),
        0,
        0,
    );
    assert!(widget.set(mounted).is_ok());
    Mounted {
        widget,
        _handle: handle,
    }
}

fn count(root: &ShadowRoot, selector: &str) -> u32 {
    root.query_selector_all(selector).unwrap().length()
}

#[wasm_bindgen_test]
fn mounting_the_embedded_bundle_draws_the_world_and_the_nine_countries() {
    let root = shadow_root();
    let widget = mount(&root, None, None);
    // The quiet countries are one path of many rings, the nine one each.
    let land = root.query_selector("svg.map .land path").unwrap().unwrap();
    assert!(land.get_attribute("d").unwrap().matches('M').count() > 150);
    assert_eq!(count(&root, "svg.map path"), 10);
    assert_eq!(count(&root, "svg.map path.on"), 9);
    // The label group that shows is filled at once (the others after the
    // first frame).
    assert!(count(&root, "svg.map .lb text") > 0);
    assert_eq!(count(&root, "svg.map .sym.v-w circle"), 9);
    assert_eq!(count(&root, "svg.map .sym.v-e circle"), 9);
    assert_eq!(count(&root, "svg.map path.on[role=button][tabindex=\"0\"]"), 1);
    assert!(root.text_content().unwrap().contains("288"));
    // The panel, timeline, downloads and sources follow the first frame.
    for later in [".panel", ".timeline", ".data", ".sources"] {
        assert_eq!(count(&root, later), 0, "{later}");
    }
    widget.complete();
    for later in [".side > .panel", ".side + .timeline", ".data", ".sources + .live"] {
        assert_eq!(count(&root, later), 1, "{later}");
    }
}

#[wasm_bindgen_test]
fn a_bundle_with_a_bad_field_shows_its_json_path_and_no_map() {
    let root = shadow_root();
    let bundle = r#"{"schema":1,"operation":{"id":"x","name":"X","summary":"s","announced":"2023-05-02"},
        "sources":[{"id":"s","publisher":"P","title":"T","date":"2023","kind":"primary"}],
        "facts":[{"id":"a","metric":"arrests","scope":"XX","value":1,"unit":"people","qualifier":"exact",
                  "citations":[{"source":"s","quote":"q"}]}]}"#;
    let _widget = mount(&root, Some(bundle), None);
    let text = root.text_content().unwrap();
    assert!(text.contains("facts[0].scope"), "{text}");
    assert!(text.contains("unknown country code"), "{text}");
    assert_eq!(count(&root, "svg"), 0);
}

#[wasm_bindgen_test]
fn text_that_is_not_json_is_refused_with_a_message() {
    let root = shadow_root();
    let _widget = mount(&root, Some("{\"schema\": 1,"), None);
    assert!(root.text_content().unwrap().contains("not valid JSON"));
    assert_eq!(count(&root, "[role=alert]"), 1);
}

#[wasm_bindgen_test]
fn the_zoom_button_switches_to_europe_and_back() {
    use wasm_bindgen::JsCast;
    let root = shadow_root();
    let _widget = mount(&root, None, None);
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

#[wasm_bindgen_test]
fn mounting_in_german_speaks_german_and_says_so() {
    use wasm_bindgen::JsCast;
    let root = shadow_root();
    let _widget = mount(&root, None, Some("de-AT"));
    let sw = root.query_selector(".sw").unwrap().unwrap();
    assert_eq!(sw.get_attribute("lang").as_deref(), Some("de"));
    let button: web_sys::HtmlElement = root.query_selector("button.zoom").unwrap().unwrap().dyn_into().unwrap();
    assert_eq!(button.text_content().as_deref(), Some("Europa vergrößern"));
    // The click is the first event: the panel is in before it is handled.
    button.click();
    assert_eq!(button.text_content().as_deref(), Some("Weltkarte zeigen"));
    let text = root.text_content().unwrap();
    assert!(text.contains("mehr als 53,4\u{a0}Mio.\u{a0}US$"), "{text}");
    // A refused bundle is explained in the reader's language too.
    let root = shadow_root();
    let _widget = mount(&root, Some("{"), Some("pl"));
    let text = root.text_content().unwrap();
    assert!(text.contains("Nie można wyświetlić tej grafiki"), "{text}");
}

/// A widget in a fresh host, with the `spector-select` details it sends
/// (the country, or None for null) collected in `events`.
struct Hosted {
    root: ShadowRoot,
    widget: Mounted,
    events: std::rc::Rc<std::cell::RefCell<Vec<Option<String>>>>,
    _listener: wasm_bindgen::closure::Closure<dyn FnMut(web_sys::Event)>,
}

fn hosted() -> Hosted {
    use wasm_bindgen::JsCast;
    let root = shadow_root();
    let widget = mount(&root, None, None);
    // The panel follows the first frame; these tests read it at once.
    widget.complete();
    let events = std::rc::Rc::new(std::cell::RefCell::new(Vec::new()));
    let sink = events.clone();
    let listener = wasm_bindgen::closure::Closure::<dyn FnMut(web_sys::Event)>::new(move |e: web_sys::Event| {
        let detail = e.dyn_ref::<web_sys::CustomEvent>().unwrap().detail();
        let country = js_sys::Reflect::get(&detail, &"country".into()).unwrap();
        assert!(e.bubbles() && e.composed());
        sink.borrow_mut().push(country.as_string());
    });
    root.host()
        .add_event_listener_with_callback("spector-select", listener.as_ref().unchecked_ref())
        .unwrap();
    Hosted {
        root,
        widget,
        events,
        _listener: listener,
    }
}

fn text(root: &ShadowRoot, selector: &str) -> String {
    root.query_selector(selector).unwrap().unwrap().text_content().unwrap()
}

#[wasm_bindgen_test]
fn select_switches_the_panel_map_and_tooltip_and_tells_the_host() {
    let h = hosted();
    assert_eq!(h.widget.selected(), None);
    assert_eq!(count(&h.root, ".panel[data-scope=ALL]"), 1);
    h.widget.select("US");
    assert_eq!(h.widget.selected().as_deref(), Some("US"));
    assert_eq!(count(&h.root, ".panel[data-scope=US]"), 1);
    let panel = text(&h.root, ".panel");
    // Numbers and units are held together by no-break spaces.
    for figure in ["153\u{a0}people", "104\u{a0}firearms", "more than 200,000\u{a0}pills"] {
        assert!(panel.contains(figure), "{figure} in {panel}");
    }
    assert!(!panel.contains("288\u{a0}people"));
    assert_eq!(count(&h.root, "path.on[data-c=US][aria-pressed=true]"), 1);
    assert_eq!(count(&h.root, ".chip[data-c=US][aria-pressed=true]"), 1);
    assert_eq!(count(&h.root, ".tip.pin:not([hidden]) .cite[data-cite=arrests-us]"), 1);
    assert_eq!(*h.events.borrow(), vec![Some("US".to_string())]);

    // The same selection again changes nothing and says nothing; an
    // unknown code selects nothing, so the selection clears (its console
    // note says so); lower case is fine.
    h.widget.select("US");
    h.widget.select("XX");
    assert_eq!(h.widget.selected(), None);
    h.widget.select("de");
    assert_eq!(h.widget.selected().as_deref(), Some("DE"));
    assert!(text(&h.root, ".panel").contains("52\u{a0}people"));
    h.widget.select("");
    assert_eq!(h.widget.selected(), None);
    assert_eq!(count(&h.root, ".panel[data-scope=ALL]"), 1);
    assert_eq!(count(&h.root, "path.on[aria-pressed=true]"), 0);
    assert_eq!(
        *h.events.borrow(),
        vec![Some("US".to_string()), None, Some("DE".to_string()), None]
    );
}

#[wasm_bindgen_test]
fn chips_and_the_back_button_select_as_the_map_does() {
    use wasm_bindgen::JsCast;
    let h = hosted();
    let click = |selector: &str| {
        let e: web_sys::HtmlElement = h.root.query_selector(selector).unwrap().unwrap().dyn_into().unwrap();
        e.click();
    };
    click(".chip[data-c=PL]");
    assert_eq!(h.widget.selected().as_deref(), Some("PL"));
    assert!(text(&h.root, ".panel").contains("Poland: no source gives seizure figures."));
    assert_eq!(count(&h.root, "path.on[data-c=PL][aria-pressed=true]"), 1);
    click(".panel button.back");
    assert_eq!(h.widget.selected(), None);
    assert_eq!(*h.events.borrow(), vec![Some("PL".to_string()), None]);
}

#[wasm_bindgen_test]
fn a_marker_opens_one_popover_and_its_close_button_closes_it() {
    use wasm_bindgen::JsCast;
    let h = hosted();
    let button = |selector: &str| -> web_sys::HtmlElement {
        h.root.query_selector(selector).unwrap().unwrap().dyn_into().unwrap()
    };
    let marker = button(".panel [data-fact=firearms-all] > .cite");
    marker.click();
    assert_eq!(count(&h.root, ".pop-slot .pop-cite[data-for=firearms-all]"), 1);
    assert_eq!(marker.get_attribute("aria-expanded").as_deref(), Some("true"));
    assert!(text(&h.root, ".pop").contains("the seizure of 117 firearms"));
    // Focus moved into the popover.
    assert!(h.root.active_element().unwrap().has_attribute("data-close"));
    button(".panel .differ[data-differ=firearms-all]").click();
    assert_eq!(count(&h.root, ".pop"), 1);
    assert_eq!(count(&h.root, ".pop-differ[data-for=firearms-all] .claim-value"), 2);
    assert_eq!(marker.get_attribute("aria-expanded").as_deref(), Some("false"));
    let differ = button(".panel .differ[data-differ=firearms-all]");
    button(".pop [data-close]").click();
    assert_eq!(count(&h.root, ".pop"), 0);
    assert_eq!(differ.get_attribute("aria-expanded").as_deref(), Some("false"));
    assert_eq!(
        h.root.active_element().unwrap().get_attribute("data-differ").as_deref(),
        Some("firearms-all")
    );
    // No selection change on the way.
    assert!(h.events.borrow().is_empty());
}

#[wasm_bindgen_test]
fn set_view_switches_between_world_and_europe() {
    let h = hosted();
    let wrap = h.root.query_selector(".map-wrap").unwrap().unwrap();
    h.widget.set_view("europe");
    assert_eq!(wrap.get_attribute("data-view").as_deref(), Some("e"));
    h.widget.set_view("nowhere");
    assert_eq!(wrap.get_attribute("data-view").as_deref(), Some("e"));
    h.widget.set_view("world");
    assert_eq!(text(&h.root, "button.zoom"), "Zoom to Europe");
}

#[wasm_bindgen_test]
fn english_country_names_in_the_browser_are_the_names_file_s() {
    // The wasm asks the browser's Intl.DisplayNames (keeping the few names
    // browsers give their own way); native builds read i18n/countries/en.txt.
    // Every mapped country must read the same in both.
    let english = spector_widget::i18n::Locale::english();
    let on_file: Vec<(&str, &str)> = include_str!("../i18n/countries/en.txt")
        .lines()
        .filter_map(|line| line.split_once(" = "))
        .collect();
    assert!(on_file.len() > 150);
    let differ: Vec<_> = on_file
        .iter()
        .filter(|(code, name)| english.country(code) != Some(*name))
        .map(|(code, name)| (code, name, english.country(code)))
        .collect();
    assert!(differ.is_empty(), "{differ:?}");
}

#[wasm_bindgen_test]
fn the_no_std_wasm_s_float_functions_give_std_s_bits() {
    // The shipped wasm is `no_std` and takes these from the libm crate
    // (`spector_widget::num`); this test crate links std, whose methods are
    // what the wasm used before. They must agree bit for bit.
    use spector_widget::num;
    let same = |name: &str, x: f64, ours: f64, std: f64| {
        assert!(
            ours.to_bits() == std.to_bits() || (ours.is_nan() && std.is_nan()),
            "{name}({x:e}): {ours:e} vs {std:e}"
        );
    };
    let special = [
        0.0,
        -0.0,
        0.5,
        -0.5,
        1.5,
        2.5,
        -2.5,
        0.49999999999999994,
        4503599627370497.0,
        1e300,
    ];
    let special = special
        .into_iter()
        .chain([f64::NAN, f64::INFINITY, f64::NEG_INFINITY, f64::MIN_POSITIVE]);
    // A fixed pseudo-random walk over magnitudes from 1e-9 to 1e9.
    let mut seed = 0x2545_f491_4f6c_dd1d_u64;
    let walk = (0..20_000).map(move |_| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        let unit = (seed >> 11) as f64 / (1u64 << 53) as f64;
        let sign = if seed & 1 == 0 { 1.0 } else { -1.0 };
        sign * 10f64.powf(unit * 18.0 - 9.0)
    });
    for x in special.chain(walk) {
        same("round", x, num::round(x), x.round());
        same("trunc", x, num::trunc(x), x.trunc());
        same("fract", x, num::fract(x), x.fract());
        same("sqrt", x, num::sqrt(x), x.sqrt());
        same("sin", x, num::sin(x), x.sin());
        same("cos", x, num::cos(x), x.cos());
        let unit = x - x.trunc();
        same("asin", unit, num::asin(unit), unit.asin());
    }
}

#[wasm_bindgen_test]
fn a_text_without_the_readers_bytes_is_refused_not_shown_as_the_embedded_bundle() {
    let root = shadow_root();
    use wasm_bindgen::JsCast;
    let handle = Closure::<dyn Fn(u32, String, f64, f64) -> bool>::new(|_, _, _, _| false);
    let text = spector_widget::facts::EMBEDDED_JSON;
    let _widget = Widget::mount(
        &root,
        None,
        Some(text.into()),
        None,
        None,
        handle.as_ref().unchecked_ref(),
        0,
        0,
    );
    assert_eq!(count(&root, "[role=alert]"), 1);
    assert_eq!(count(&root, "svg.map"), 0);
}
