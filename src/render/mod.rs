//! The widget as markup: a pure function of a validated bundle and the map
//! geometry, so it cannot fail and is tested natively.
//!
//! The DOM shell inserts this markup once and then only swaps the tooltip.

pub mod format;
pub mod layout;
pub mod map;
pub mod panel;
pub mod cite;
pub mod timeline;
pub mod labels;
pub mod view;

use crate::facts::{Bundle, BundleErrors, SourceKind};
use crate::geo::World;
use crate::text::push_escaped;
use format::{push_qualified, push_number};

/// The widget's stylesheet, shared by the browser and the static render.
pub const STYLE: &str = include_str!("style.css");

/// The zoom button's text in world view.
pub const ZOOM_IN: &str = "Zoom to Europe";
/// The zoom button's text in Europe view.
pub const ZOOM_OUT: &str = "Show world";

/// The whole widget for a valid bundle.
pub fn widget(bundle: &Bundle, world: &World<'_>) -> String {
    let mut out = String::with_capacity(64 * 1024);
    out.push_str("<div class=\"sw\" lang=\"en\"><h2 class=\"title\">");
    push_escaped(&mut out, &bundle.operation.name);
    out.push_str("</h2><p class=\"dek\">");
    push_escaped(&mut out, &bundle.operation.summary);
    out.push_str("</p>");
    if let Some(total) = bundle.total(map::MAP_METRIC) {
        out.push_str("<p class=\"stat\"><strong class=\"total\">");
        push_qualified(&mut out, total.qualifier, total.value);
        out.push_str("</strong> arrests");
        let countries = bundle.by_country(map::MAP_METRIC).count();
        if countries > 0 {
            out.push_str(" in ");
            push_number(&mut out, countries as f64);
            out.push_str(" countries");
        }
        out.push_str("</p>");
    }
    let europe = view::europe_view(bundle, world).is_some();
    if europe {
        out.push_str("<div class=\"bar\"><button type=\"button\" class=\"zoom\" aria-keyshortcuts=\"E\">");
        out.push_str(ZOOM_IN);
        out.push_str("</button></div>");
    }
    out.push_str("<div class=\"map-wrap\" data-view=\"w\">");
    map::push_map(&mut out, bundle, world);
    out.push_str("<div class=\"tip\" hidden></div></div><p class=\"sr\" id=\"sw-keys\">Arrow keys move between countries, Enter or Space selects one, Escape clears the selection");
    out.push_str(if europe { ", E zooms to Europe and back.</p>" } else { ".</p>" });
    push_credits(&mut out, bundle);
    out.push_str("</div>");
    out
}

/// The tooltip's inner markup for a country, if it has a figure.
pub fn tooltip(bundle: &Bundle, world: &World<'_>, code: &str) -> Option<String> {
    let mut out = String::with_capacity(128);
    map::push_tooltip(&mut out, bundle, world, code).then_some(out)
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
