//! The world map as SVG markup: every country as a path in pre-projected
//! grid units, the operation's countries tinted and focusable, one
//! proportional circle per country with arrests (per view), value labels,
//! a size legend.
//!
//! The SVG's viewBox is the geometry's grid (or the Europe box within it),
//! so the browser scales the map to any width and no coordinate is ever
//! recomputed at run time.
//!
//! Colours (style.css), contrast ratios by WCAG 2 relative luminance:
//! symbols #c25100 (a darker Okabe–Ito vermillion) with a #1d1d1b outline:
//! 4.7:1 against a white page, 3.9:1 against quiet land #ecebe7, and the
//! outline 9.7:1 against the tinted countries #f3b98a; value labels inside
//! a symbol are white on #c25100 (4.7:1), outside they are #1d1d1b with a
//! white halo (16.9:1). Tinted countries are outlined in #9a4a10 (5.2:1
//! against quiet land). One hue plus greys: nothing depends on telling two
//! hues apart, so the map reads the same under protanopia, deuteranopia and
//! tritanopia.

use alloc::string::String;
use alloc::vec::Vec;

use super::format::{push_number_in, push_qualifier_around};
use super::layout::{self, Label, Legend, Rect, BUCKETS};
use super::view::{self, View, ViewKind};
use crate::facts::{Bundle, Fact, Scope, Source, SourceKind};
use crate::geo::World;
use crate::i18n::{Key, Locale};
use crate::num;
use crate::text::{push_escaped, push_fixed, push_uint};

/// The metric the map shows.
pub const MAP_METRIC: &str = "arrests";

/// The largest symbol's radius as a share of the view's width: in the
/// world view about 22 px on a 600 px map, large enough to read, small
/// enough not to hide Europe.
const WORLD_RADIUS_SHARE: f64 = 0.036;
/// In the Europe view symbols may be a little larger: the countries are.
const EUROPE_RADIUS_SHARE: f64 = 0.05;

/// How far from a symbol's edge a pointer still counts as on it, in CSS px.
pub const HIT_REACH_PX: f64 = 20.0;

/// A circle for one country, in grid units. The code borrows from the
/// geometry, so symbols of the embedded world live as long as the program.
#[derive(Debug, Clone, PartialEq)]
pub struct Symbol<'w> {
    pub code: &'w str,
    pub value: f64,
    pub x: f64,
    pub y: f64,
    pub r: f64,
}

/// The radius share of a view.
fn radius_share(kind: ViewKind) -> f64 {
    match kind {
        ViewKind::World => WORLD_RADIUS_SHARE,
        ViewKind::Europe => EUROPE_RADIUS_SHARE,
    }
}

/// Whether the map has nothing on it: no source gives arrests by country.
/// The widget and the static version then say so where the map is.
pub fn is_empty(bundle: &Bundle) -> bool {
    bundle.by_country(MAP_METRIC).next().is_none()
}

/// Whether the map draws a country with a figure, for the keyboard to
/// move between: Singapore's or Malta's alone draw none (see
/// `push_not_drawn`).
pub fn has_drawn(bundle: &Bundle, world: &World<'_>) -> bool {
    bundle
        .by_country(MAP_METRIC)
        .any(|(code, _)| world.country(code).is_some())
}

/// The largest value on the map.
fn max_value(bundle: &Bundle) -> f64 {
    bundle
        .by_country(MAP_METRIC)
        .map(|(_, f)| f.value)
        .fold(0.0_f64, f64::max)
}

/// The radius of a value's circle in a view: area proportional to value.
pub fn radius(value: f64, max: f64, view: &View, kind: ViewKind) -> f64 {
    if max > 0.0 && value > 0.0 {
        view.w * radius_share(kind) * num::sqrt(value / max)
    } else {
        0.0
    }
}

/// The world view's symbols.
pub fn symbols<'w>(bundle: &Bundle, world: &World<'w>) -> Vec<Symbol<'w>> {
    symbols_in(bundle, world, &view::world_view(world), ViewKind::World)
}

/// Circles whose area is proportional to the value, largest first so that
/// smaller ones are drawn on top and stay visible.
pub fn symbols_in<'w>(bundle: &Bundle, world: &World<'w>, view: &View, kind: ViewKind) -> Vec<Symbol<'w>> {
    let max = max_value(bundle);
    let mut out: Vec<Symbol<'w>> = Vec::new();
    for (code, fact) in bundle.by_country(MAP_METRIC) {
        let Some(country) = world.country(code) else {
            continue;
        };
        let (x, y) = country.anchor();
        let r = radius(fact.value, max, view, kind);
        let symbol = Symbol {
            code: country.code(),
            value: fact.value,
            x: f64::from(x),
            y: f64::from(y),
            r,
        };
        // Largest first; equal ones keep bundle order.
        crate::sort::insert_stably(&mut out, symbol, |o| r.total_cmp(&o.r).is_le());
    }
    out
}

/// The symbol a pointer at (`x`, `y`) (grid units) is on or near: the
/// one whose edge is nearest, within `reach` grid units; among circles the
/// point is inside, the smallest (it is drawn on top).
pub fn nearest<'a, 'w>(symbols: &'a [Symbol<'w>], x: f64, y: f64, reach: f64) -> Option<&'a Symbol<'w>> {
    let mut best: Option<(&Symbol<'w>, f64)> = None;
    for s in symbols {
        let (dx, dy) = (s.x - x, s.y - y);
        let d = num::sqrt(dx * dx + dy * dy);
        let edge = (d - s.r).max(0.0);
        if edge > reach {
            continue;
        }
        let better = match best {
            None => true,
            Some((b, be)) => edge < be || (edge == be && s.r < b.r),
        };
        if better {
            best = Some((s, edge));
        }
    }
    best.map(|(s, _)| s)
}

/// The order keyboard users meet the countries in: west to east by symbol
/// position (north first on a tie). For SpecTor: US, BR, GB, FR, NL, CH,
/// DE, AT, PL.
pub fn keyboard_order<'w>(bundle: &Bundle, world: &World<'w>) -> Vec<&'w str> {
    keyboard_order_of(&symbols(bundle, world))
}

/// `keyboard_order` from the world view's symbols (`symbols`), for a
/// caller that has them already.
pub fn keyboard_order_of<'w>(symbols: &[Symbol<'w>]) -> Vec<&'w str> {
    // Each round takes the first symbol after the last one taken, in the
    // order west to east, then north to south, then as given (so symbols at
    // one spot keep their order): a few comparisons for a map's handful of
    // symbols, and smaller in the wasm than an insertion sort.
    let before = |a: (usize, &Symbol<'w>), b: (usize, &Symbol<'w>)| {
        a.1.x
            .total_cmp(&b.1.x)
            .then(a.1.y.total_cmp(&b.1.y))
            .then(a.0.cmp(&b.0))
            .is_lt()
    };
    let mut order: Vec<&'w str> = Vec::with_capacity(symbols.len());
    let mut last: Option<(usize, &Symbol<'w>)> = None;
    loop {
        let mut next: Option<(usize, &Symbol<'w>)> = None;
        for s in symbols.iter().enumerate() {
            if last.map_or(true, |l| before(l, s)) && next.map_or(true, |n| before(s, n)) {
                next = Some(s);
            }
        }
        let Some(n) = next else { return order };
        order.push(n.1.code);
        last = Some(n);
    }
}

/// Appends a country's arrests: "52 arrests", "52 Festnahmen",
/// "more than 1 arrest".
pub fn push_arrests(out: &mut String, t: &Locale, fact: &Fact) {
    let mut n = String::with_capacity(16);
    push_number_in(&mut n, fact.value, &t.number);
    let mut written = String::with_capacity(32);
    t.push_plural(&mut written, Key::UnitArrests, fact.value, &[("n", &n)]);
    push_qualifier_around(out, t, fact.qualifier, &written);
}

/// The accessible name of a country, e.g. "Germany: 52 arrests".
pub fn push_accessible_name(out: &mut String, bundle: &Bundle, code: &str, t: &Locale) {
    push_escaped(out, country_name(t, code));
    if let Some(fact) = bundle.for_country(MAP_METRIC, code) {
        t.push(out, Key::PunctName);
        push_arrests(out, t, fact);
    }
}

/// Everything the markup and the DOM shell need about the two views.
#[derive(Debug, Clone)]
pub struct Views {
    pub world: View,
    /// `None` when no country of the bundle is in Europe.
    pub europe: Option<View>,
}

impl Views {
    pub fn new(bundle: &Bundle, world: &World<'_>) -> Views {
        Views {
            world: view::world_view(world),
            europe: view::europe_view(bundle, world),
        }
    }

    /// The box of a view (the world when there is no Europe view), by
    /// reference: a copy of its four numbers at each of the nine call
    /// sites this is inlined into cost the wasm about 0.4 KB raw.
    pub fn get(&self, kind: ViewKind) -> &View {
        match (kind, &self.europe) {
            (ViewKind::Europe, Some(europe)) => europe,
            _ => &self.world,
        }
    }

    /// The views that exist (a slice, which costs the wasm less than a
    /// filtering iterator).
    pub fn kinds(&self) -> &'static [ViewKind] {
        if self.europe.is_some() {
            &[ViewKind::World, ViewKind::Europe]
        } else {
            &[ViewKind::World]
        }
    }
}

/// The legend and the labels of one view at one width bucket.
pub fn annotations<'w>(
    bundle: &Bundle,
    symbols: &[Symbol<'w>],
    view: &View,
    kind: ViewKind,
    bucket: usize,
    t: &Locale,
) -> (Option<Legend>, Vec<Label<'w>>) {
    let font = layout::font_units(view, bucket);
    let max = max_value(bundle);
    // The map counts arrests, whole people: its legend shows no "7.5".
    let legend = layout::legend(
        &layout::legend_values(max, true),
        |v| radius(v, max, view, kind),
        view,
        font,
        symbols,
        t,
    );
    let labels = layout::place_labels(symbols, view, font, legend.as_ref().map(|l| &l.rect), t);
    (legend, labels)
}

/// Appends the whole `<svg>` element, in world view, for the bundle's
/// `views` (`Views::new`).
pub fn push_map(out: &mut String, bundle: &Bundle, world: &World<'_>, views: &Views, t: &Locale) {
    let order = keyboard_order_of(&symbols_in(bundle, world, &views.world, ViewKind::World));

    out.push_str("<svg class=\"map\" viewBox=\"");
    views.world.push_attr(out);
    out.push_str("\" data-w=\"");
    views.world.push_attr(out);
    if let Some(e) = views.europe {
        out.push_str("\" data-e=\"");
        e.push_attr(out);
    }
    out.push_str("\" role=\"group\" aria-label=\"");
    t.push(out, Key::MapLabel);
    // The keys are there only for a map with countries to move between.
    out.push_str(if has_drawn(bundle, world) {
        "\" aria-describedby=\"sw-keys\">"
    } else {
        "\">"
    });

    // Quiet land first, then the operation's countries above it, so their
    // outlines are not painted over by neighbours. The quiet countries are
    // one path: nobody points at them, and 170 elements fewer make the
    // first layout, style and paint of the widget cheaper.
    out.push_str("<g class=\"land\" aria-hidden=\"true\"><path d=\"");
    for country in world.countries() {
        if bundle.for_country(MAP_METRIC, country.code()).is_none() {
            country.write_path_data(out);
        }
    }
    out.push_str("\"/>");
    // The marked countries are the map's controls: one tab stop (roving
    // tabindex), a name with the figure, pressed when selected; in the
    // arrow keys' order, so a screen reader's list of them agrees (they
    // share fill and outline, so the order paints the same picture).
    out.push_str("</g><g class=\"marked\">");
    for (i, code) in order.iter().enumerate() {
        let Some(country) = world.country(code) else {
            continue;
        };
        out.push_str("<path class=\"on\" data-c=\"");
        push_escaped(out, code);
        out.push_str("\" role=\"button\" tabindex=\"");
        out.push_str(if i == 0 { "0" } else { "-1" });
        out.push_str("\" aria-pressed=\"false\" aria-label=\"");
        push_accessible_name(out, bundle, code, t);
        out.push_str("\" d=\"");
        country.write_path_data(out);
        out.push_str("\"/>");
    }
    out.push_str("</g>");

    for &kind in views.kinds() {
        let view = views.get(kind);
        let symbols = symbols_in(bundle, world, view, kind);
        out.push_str("<g class=\"sym v-");
        out.push_str(kind.key());
        out.push_str("\" aria-hidden=\"true\">");
        for s in &symbols {
            out.push_str("<circle data-c=\"");
            push_escaped(out, s.code);
            out.push_str("\" cx=\"");
            push_fixed(out, s.x, 1);
            out.push_str("\" cy=\"");
            push_fixed(out, s.y, 1);
            out.push_str("\" r=\"");
            push_fixed(out, s.r, 1);
            out.push_str("\"/>");
        }
        out.push_str("</g>");
        // Empty: the DOM shell fills the group the stylesheet shows before
        // the first frame and the others after it (`annotations_markup`),
        // because hidden SVG text still cost ~10 ms of the first layout.
        for bucket in 0..BUCKETS.len() {
            push_annotations_open(out, view, kind, bucket);
            out.push_str("</g>");
        }
    }
    out.push_str("</svg>");
}

/// The legend and labels of one view at one width bucket: what goes
/// inside its `<g class="lb v-… b…">`.
pub fn annotations_markup(bundle: &Bundle, world: &World<'_>, kind: ViewKind, bucket: usize, t: &Locale) -> String {
    let view = *Views::new(bundle, world).get(kind);
    let symbols = symbols_in(bundle, world, &view, kind);
    annotations_markup_with(bundle, &view, &symbols, kind, bucket, t)
}

/// `annotations_markup` with the view and its symbols already worked out
/// (the DOM shell keeps them): each costs a pass over the map file.
pub fn annotations_markup_with(
    bundle: &Bundle,
    view: &View,
    symbols: &[Symbol<'_>],
    kind: ViewKind,
    bucket: usize,
    t: &Locale,
) -> String {
    let mut out = String::with_capacity(2048);
    push_annotations_inner(&mut out, bundle, symbols, view, kind, bucket, t);
    out
}

/// A label group's opening tag: its view and bucket, which the stylesheet
/// shows at one range of widths, and its text size in grid units.
fn push_annotations_open(out: &mut String, view: &View, kind: ViewKind, bucket: usize) {
    let font = layout::font_units(view, bucket);
    out.push_str("<g class=\"lb v-");
    out.push_str(kind.key());
    out.push_str(" b");
    push_uint(out, bucket as u64);
    out.push_str("\" aria-hidden=\"true\" font-size=\"");
    push_fixed(out, font, 1);
    out.push_str("\" stroke-width=\"");
    push_fixed(out, font * 0.22, 1);
    out.push_str("\">");
}

/// The inside of a `<g class="lb v-… b…">`: legend and labels for a view
/// and bucket.
fn push_annotations_inner(
    out: &mut String,
    bundle: &Bundle,
    symbols: &[Symbol<'_>],
    view: &View,
    kind: ViewKind,
    bucket: usize,
    t: &Locale,
) {
    let font = layout::font_units(view, bucket);
    let (legend, labels) = annotations(bundle, symbols, view, kind, bucket, t);
    if let Some(l) = legend {
        out.push_str("<g class=\"legend\"><rect ");
        push_legend_box(out, &l.rect, font);
        out.push_str("/><text class=\"cap\" x=\"");
        push_fixed(out, l.caption.0, 1);
        out.push_str("\" y=\"");
        push_fixed(out, l.caption.1, 1);
        out.push_str("\">");
        t.push(out, layout::LEGEND_CAPTION);
        out.push_str("</text>");
        for item in &l.items {
            out.push_str("<circle cx=\"");
            push_fixed(out, item.cx, 1);
            out.push_str("\" cy=\"");
            push_fixed(out, item.cy, 1);
            out.push_str("\" r=\"");
            push_fixed(out, item.r, 1);
            out.push_str("\"/><text x=\"");
            push_fixed(out, item.tx, 1);
            out.push_str("\" y=\"");
            push_fixed(out, item.ty, 1);
            out.push_str("\">");
            push_number_in(out, item.value, &t.number);
            out.push_str("</text>");
        }
        out.push_str("</g>");
    }
    for label in &labels {
        out.push_str("<text class=\"");
        out.push_str(if label.inside { "val in" } else { "val" });
        out.push_str("\" data-c=\"");
        push_escaped(out, label.code);
        out.push_str("\" x=\"");
        push_fixed(out, label.x, 1);
        out.push_str("\" y=\"");
        push_fixed(out, label.y, 1);
        out.push_str("\">");
        push_escaped(out, &label.text);
        out.push_str("</text>");
    }
}

/// Appends the legend box's `x`, `y`, `width`, `height` and `rx`
/// attributes, its corners rounded in proportion to the label font.
pub(crate) fn push_legend_box(out: &mut String, rect: &Rect, font: f64) {
    out.push_str("x=\"");
    push_fixed(out, rect.x0, 1);
    out.push_str("\" y=\"");
    push_fixed(out, rect.y0, 1);
    out.push_str("\" width=\"");
    push_fixed(out, rect.x1 - rect.x0, 1);
    out.push_str("\" height=\"");
    push_fixed(out, rect.y1 - rect.y0, 1);
    out.push_str("\" rx=\"");
    push_fixed(out, font * 0.3, 1);
    out.push('"');
}

/// The hover text for a country: its name and its arrests with their
/// citation marker and, where sources disagree, the "sources differ" mark
/// the panel shows; nothing for a country without a figure. The marker and
/// the mark are the panel's buttons: while the tooltip follows the pointer
/// it is inert and the stylesheet shows them as plain text, and once it is
/// pinned beside a selected country they open their popovers.
pub fn push_tooltip(out: &mut String, bundle: &Bundle, code: &str, t: &Locale) -> bool {
    let Some(fact) = bundle.for_country(MAP_METRIC, code) else {
        return false;
    };
    out.push_str("<b class=\"tip-name\">");
    push_escaped(out, country_name(t, code));
    out.push_str("</b><span class=\"tip-value\">");
    push_arrests(out, t, fact);
    out.push_str("</span> ");
    super::cite::push_fact_marks(out, bundle, fact, t);
    true
}

/// Appends, for the Europe view, the countries whose symbols it leaves
/// out with their figures ("Outside this view: United States (153) and
/// Brazil (1)."), largest first, in a paragraph the stylesheet shows only
/// in that view: the view drops the country with the most arrests, and a
/// reader should not have to guess what the zoom hides. Nothing when
/// every symbol is inside it.
pub fn push_outside_view(out: &mut String, bundle: &Bundle, world: &World<'_>, views: &Views, t: &Locale) {
    let Some(europe) = views.europe else { return };
    let mut outside = super::table::by_value(bundle);
    outside.retain(|(code, _)| {
        world.country(code).is_some_and(|c| {
            let (x, y) = c.anchor();
            !europe.contains(f64::from(x), f64::from(y))
        })
    });
    if !outside.is_empty() {
        out.push_str("<p class=\"outside v-e\">");
        super::table::push_country_list(out, &outside, Key::MapOutsideView, t);
        out.push_str("</p>");
    }
}

/// The publishers behind the map's figures, each once, in the order the
/// bundle cites them: the sources of each country's figure of the mapped
/// metric and the agencies those sources attribute it to, only the
/// primary ones when there are any. The operation's total counts only
/// `with_total`: the widget and the static HTML give it its own markers
/// beside it, but the static image has no other place to credit it.
pub fn publishers(bundle: &Bundle, with_total: bool) -> Vec<&str> {
    // Plain loops: the iterator chains they replaced cost the wasm more.
    let mut cited: Vec<&Source> = Vec::new();
    for fact in &bundle.facts {
        if fact.metric != MAP_METRIC || (!with_total && matches!(fact.scope, Scope::All)) {
            continue;
        }
        for c in &fact.citations {
            for s in [Some(c.source), c.attributed_to] {
                if let Some(source) = s.and_then(|s| bundle.source(s)) {
                    cited.push(source);
                }
            }
        }
    }
    let primary_only = cited.iter().any(|s| s.kind == SourceKind::Primary);
    let mut named: Vec<&str> = Vec::new();
    for source in cited {
        if (!primary_only || source.kind == SourceKind::Primary) && !named.contains(&source.publisher.as_str()) {
            named.push(&source.publisher);
        }
    }
    named
}

/// Appends the names of the bundle's countries with figures that the map
/// does not draw, ", " between them (escaped when `markup`): Natural Earth
/// 110m leaves out the smallest (Singapore, Malta). The credits name them,
/// the widget's and the static version's.
pub fn push_not_drawn(out: &mut String, bundle: &Bundle, world: &World<'_>, t: &Locale, markup: bool) {
    let start = out.len();
    for code in super::panel::countries(bundle) {
        if world.country(code).is_some() {
            continue;
        }
        if out.len() > start {
            out.push_str(t.text(Key::PunctComma));
        }
        if markup {
            push_escaped(out, country_name(t, code));
        } else {
            out.push_str(country_name(t, code));
        }
    }
}

/// A country's name in the language of `t`, else in English, else its
/// code (the names files name every code a bundle may use, drawn or not;
/// in the browser, one that answers `Intl.DisplayNames` with nothing).
pub fn country_name<'a>(t: &'a Locale, code: &'a str) -> &'a str {
    t.country(code)
        .or_else(|| Locale::english().country(code))
        .unwrap_or(code)
}
