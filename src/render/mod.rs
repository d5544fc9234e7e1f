//! The widget as markup: a pure function of a validated bundle and the map
//! geometry, so it cannot fail and is tested natively.
//!
//! The DOM shell inserts this markup once; afterwards it only swaps the
//! tooltip, the breakdown panel (on a new selection) and the one open
//! popover, each rendered here too.

pub mod format;
pub mod layout;
pub mod map;
pub mod panel;
pub mod cite;
pub mod timeline;
pub mod labels;
pub mod view;
pub mod download;

use crate::facts::{Bundle, BundleErrors, SourceKind};
use crate::geo::World;
use crate::text::push_escaped;
use cite::Item;
use format::{push_qualified, push_number};

/// The widget's stylesheet, shared by the browser and the static render
/// (the JS shell imports the same file).
pub const STYLE: &str = include_str!("style.css");

/// The zoom button's text in world view.
pub const ZOOM_IN: &str = "Zoom to Europe";
/// The zoom button's text in Europe view.
pub const ZOOM_OUT: &str = "Show world";

/// The whole widget for a valid bundle, without the bundle download (its
/// text is not known here); see `widget_with_bundle_text`.
pub fn widget(bundle: &Bundle, world: &World<'_>) -> String {
    widget_with_bundle_text(bundle, world, None)
}

/// The whole widget: title, summary and total, any bundle warnings, the
/// map beside (wide) or above (narrow) the breakdown panel, the timeline,
/// the downloads (the JSON one when `bundle_json`, the text the bundle was
/// read from, is given), the numbered sources, the credits, and an empty
/// slot for the one open popover.
pub fn widget_with_bundle_text(bundle: &Bundle, world: &World<'_>, bundle_json: Option<&str>) -> String {
    let mut out = String::with_capacity(128 * 1024);
    out.push_str("<div class=\"sw\" lang=\"en\"><h2 class=\"title\">");
    push_escaped(&mut out, &bundle.operation.name);
    out.push_str("</h2><p class=\"dek\">");
    push_escaped(&mut out, &bundle.operation.summary);
    out.push_str("</p>");
    push_stat(&mut out, bundle);
    push_warnings(&mut out, bundle);

    out.push_str("<div class=\"main\"><div class=\"map-col\">");
    let europe = view::europe_view(bundle, world).is_some();
    if europe {
        out.push_str("<div class=\"zoombar\"><button type=\"button\" class=\"zoom\" aria-keyshortcuts=\"E\">");
        out.push_str(ZOOM_IN);
        out.push_str("</button></div>");
    }
    out.push_str("<div class=\"map-wrap\" data-view=\"w\">");
    map::push_map(&mut out, bundle, world);
    out.push_str("<div class=\"tip\" hidden inert></div></div><p class=\"sr\" id=\"sw-keys\">Arrow keys move between countries, Enter or Space selects one, Escape clears the selection");
    out.push_str(if europe { ", E zooms to Europe and back.</p>" } else { ".</p>" });
    push_credits(&mut out, bundle);
    out.push_str("</div><div class=\"side\">");
    panel::push_panel(&mut out, bundle, world, None);
    out.push_str("</div>");
    timeline::push_timeline(&mut out, bundle);
    out.push_str("</div>");
    download::push_downloads(&mut out, bundle, bundle_json);
    cite::push_sources(&mut out, bundle);
    out.push_str("<div class=\"pop-slot\"></div></div>");
    out
}

/// The headline figure: "288 arrests in 9 countries", each number with its
/// citation marker. The country count is the bundle's `countries_involved`
/// figure when it has one, else the number of countries on the map.
fn push_stat(out: &mut String, bundle: &Bundle) {
    let Some(total) = bundle.total(map::MAP_METRIC) else { return };
    out.push_str("<p class=\"stat\"><strong class=\"total\">");
    push_qualified(out, total.qualifier, total.value);
    out.push_str("</strong> arrests ");
    cite::push_item_marker(out, bundle, Item::Fact(total));
    match bundle.total("countries_involved") {
        Some(countries) => {
            out.push_str(" in <span class=\"stat-n\">");
            push_qualified(out, countries.qualifier, countries.value);
            out.push_str(if countries.value == 1.0 { " country" } else { " countries" });
            out.push_str("</span> ");
            cite::push_item_marker(out, bundle, Item::Fact(countries));
        }
        None => {
            let countries = bundle.by_country(map::MAP_METRIC).count();
            if countries > 0 {
                out.push_str(" in ");
                push_number(out, countries as f64);
                out.push_str(if countries == 1 { " country" } else { " countries" });
            }
        }
    }
    out.push_str("</p>");
}

/// Problems that do not stop the widget (per-country counts that do not
/// add up, say), as a note the reader sees.
fn push_warnings(out: &mut String, bundle: &Bundle) {
    if bundle.warnings.is_empty() {
        return;
    }
    out.push_str("<div class=\"warn\" role=\"note\">");
    for w in &bundle.warnings {
        out.push_str("<p><b>");
        out.push_str(labels::NOTE);
        out.push_str("</b>");
        push_escaped(out, &w.kind.to_string());
        out.push_str(".</p>");
    }
    out.push_str("</div>");
}

/// The tooltip's inner markup for a country, if it has a figure.
pub fn tooltip(bundle: &Bundle, world: &World<'_>, code: &str) -> Option<String> {
    let mut out = String::with_capacity(512);
    map::push_tooltip(&mut out, bundle, world, code).then_some(out)
}

/// The breakdown panel's markup for the whole operation (`None`) or one
/// country: what the DOM shell puts in `.side` when the selection changes.
pub fn panel_markup(bundle: &Bundle, world: &World<'_>, selected: Option<&str>) -> String {
    let mut out = String::with_capacity(16 * 1024);
    panel::push_panel(&mut out, bundle, world, selected);
    out
}

/// The popover for a citation marker (`differ` false) or a "sources
/// differ" mark (`differ` true) of the fact or date `id`; `None` for an
/// unknown id.
pub fn popover(bundle: &Bundle, id: &str, differ: bool) -> Option<String> {
    let mut out = String::with_capacity(4 * 1024);
    let written = if differ {
        cite::push_disagreement_popover(&mut out, bundle, id)
    } else {
        cite::push_citation_popover(&mut out, bundle, id)
    };
    written.then_some(out)
}

/// "Sources: …" naming the agencies behind the map's figures, then the map
/// data's credit.
fn push_credits(out: &mut String, bundle: &Bundle) {
    out.push_str("<p class=\"credits\">Sources: ");
    let mut named: Vec<&str> = Vec::new();
    let cited: Vec<_> = bundle
        .facts
        .iter()
        .filter(|f| f.metric == map::MAP_METRIC)
        .flat_map(|f| f.citations.iter())
        .filter_map(|c| bundle.source(c.source))
        .collect();
    let primary: Vec<_> = cited.iter().copied().filter(|s| s.kind == SourceKind::Primary).collect();
    let shown = if primary.is_empty() { cited } else { primary };
    for source in shown {
        if !named.contains(&source.publisher.as_str()) {
            if !named.is_empty() {
                out.push_str("; ");
            }
            push_escaped(out, &source.publisher);
            named.push(&source.publisher);
        }
    }
    out.push_str(". Map data: Natural Earth.</p>");
}

/// What a reader sees instead of the widget when its bundle is refused: a
/// plain sentence, then each problem with its JSON path.
pub fn error_panel(errors: &BundleErrors, context: &str) -> String {
    let mut out = String::with_capacity(512);
    out.push_str("<div class=\"sw sw-error\" role=\"alert\" lang=\"en\"><p class=\"error-title\">This chart could not be shown: ");
    push_escaped(&mut out, context);
    out.push_str("</p><ul class=\"errors\">");
    for e in errors.0.iter().take(10) {
        out.push_str("<li><code>");
        push_escaped(&mut out, &e.to_string());
        out.push_str("</code></li>");
    }
    if errors.0.len() > 10 {
        out.push_str("<li>and more; see the browser console</li>");
    }
    out.push_str("</ul></div>");
    out
}
