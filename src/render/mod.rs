//! The widget as markup: a pure function of a validated bundle and the map
//! geometry, so it cannot fail and is tested natively.
//!
//! The DOM shell inserts this markup in two steps, the map first
//! (`widget_first_in`) and the rest after the first frame
//! (`widget_rest_in`); afterwards it only swaps the tooltip, the breakdown
//! panel and the live region's words (on a new selection), the table view
//! (while shown) and the one open popover, each rendered here too.

pub mod cite;
pub mod download;
pub mod format;
pub mod labels;
pub mod layout;
pub mod map;
pub mod panel;
pub mod table;
pub mod timeline;
pub mod view;

use alloc::string::String;

use crate::facts::{Bundle, BundleErrors, Problem};
use crate::geo::World;
use crate::i18n::{Key, Lang, Locale};
use crate::text::push_escaped;
use format::push_qualified;

/// The widget's stylesheet, shared by the browser and the static render
/// (the JS shell imports the same file).
pub const STYLE: &str = include_str!("style.css");

/// The whole widget in English for a valid bundle, without the bundle
/// download (its text is not known here); see `widget_in`.
pub fn widget(bundle: &Bundle, world: &World<'_>) -> String {
    widget_in(bundle, world, None, Locale::english())
}

/// The whole widget in English; see `widget_in`.
pub fn widget_with_bundle_text(bundle: &Bundle, world: &World<'_>, bundle_json: Option<&str>) -> String {
    widget_in(bundle, world, bundle_json, Locale::english())
}

/// The whole widget: title, summary and total, any bundle warnings, the
/// map (a `<figure>` named by the title and described by its main
/// finding, with the "Show as table" button and an empty slot for the
/// table view) beside (wide) or above (narrow) the breakdown panel, the
/// timeline, the downloads (the JSON one when `bundle_json`, the text the
/// bundle was read from, is given), the numbered sources, the credits, an
/// empty polite live region and an empty slot for the one open popover;
/// in the language of `t`, whose tag is the root's `lang` (quotes carry
/// their own).
pub fn widget_in(bundle: &Bundle, world: &World<'_>, bundle_json: Option<&str>, t: &Locale) -> String {
    let rest = widget_rest_in(bundle, bundle_json, t);
    push_widget(bundle, world, Some(&rest), t)
}

/// The widget as the browser's first frame shows it: `widget_in` without
/// the parts `widget_rest_in` renders, whose places are left empty. Half
/// the widget's text is in those parts, and laying it out took about 20 of
/// the first frame's 30 ms of layout; they follow a frame later, beside
/// and below the map, so the reader sees the map sooner.
pub fn widget_first_in(bundle: &Bundle, world: &World<'_>, t: &Locale) -> String {
    push_widget(bundle, world, None, t)
}

/// The widget with nothing in it but the boxes that decide how wide the
/// map's column is (`.sw`, `.main` and its two columns, as `push_widget`
/// nests them). The DOM shell measures the column in it before the real
/// markup goes in, to pick the label group the container queries will
/// show, so that the browser lays the widget out once, in its frame,
/// instead of once more inside the script.
pub const SKELETON: &str =
    "<div class=\"sw\"><div class=\"main\"><figure class=\"map-col\"></figure><div class=\"side\"></div></div></div>";

/// What the first frame leaves out, each part for its own place.
#[derive(Debug, Clone, PartialEq)]
pub struct Rest {
    /// The breakdown panel: the content of the empty `.side`.
    pub side: String,
    /// The timeline: goes right after `.side`.
    pub timeline: String,
    /// The downloads and the numbered sources: go right before the live
    /// region (`.live`).
    pub end: String,
}

/// The parts of the widget that `widget_first_in` leaves out.
pub fn widget_rest_in(bundle: &Bundle, bundle_json: Option<&str>, t: &Locale) -> Rest {
    let mut side = String::with_capacity(8 * 1024);
    panel::push_panel(&mut side, bundle, None, t);
    let mut timeline = String::with_capacity(2 * 1024);
    timeline::push_timeline(&mut timeline, bundle, t);
    let mut end = String::with_capacity(32 * 1024);
    download::push_downloads(&mut end, bundle, bundle_json, t);
    cite::push_sources(&mut end, bundle, t);
    Rest { side, timeline, end }
}

/// The widget with `rest` in place, or with its places empty.
fn push_widget(bundle: &Bundle, world: &World<'_>, rest: Option<&Rest>, t: &Locale) -> String {
    let part = |pick: fn(&Rest) -> &String| rest.map_or("", |r| pick(r).as_str());
    let mut out = String::with_capacity(if rest.is_some() { 128 } else { 64 } * 1024);
    out.push_str("<div class=\"sw\" lang=\"");
    out.push_str(t.code());
    // The name and the summary are the bundle's words, in its language.
    out.push_str("\"><h2 class=\"title\" id=\"sw-title\">");
    push_in(&mut out, t, &bundle.lang, &bundle.operation.name);
    out.push_str("</h2><p class=\"dek\">");
    push_in(&mut out, t, &bundle.lang, &bundle.operation.summary);
    out.push_str("</p>");
    push_stat(&mut out, bundle, t);
    push_warnings(&mut out, bundle, t);

    // The figure: named by the title, described by its main finding; the
    // table (inserted by the DOM shell while shown) takes the map's place.
    // Without arrests by country the map is empty, so its description
    // (that no source gives them) is shown, as a note like the Europe
    // view's, for every reader rather than for screen readers only.
    out.push_str("<div class=\"main\"><figure class=\"map-col\" aria-labelledby=\"sw-title\" aria-describedby=\"sw-desc\"><p class=\"");
    out.push_str(if map::is_empty(bundle) { "outside" } else { "sr" });
    out.push_str("\" id=\"sw-desc\">");
    table::push_summary(&mut out, bundle, t);
    out.push_str("</p><div class=\"zoombar\"><button type=\"button\" class=\"as-table\" aria-pressed=\"false\">");
    t.push(&mut out, Key::TableShow);
    out.push_str("</button>");
    // Worked out once: each Europe view is a pass over the map file.
    let views = map::Views::new(bundle, world);
    let europe = views.europe.is_some();
    if europe {
        out.push_str("<button type=\"button\" class=\"zoom\" aria-keyshortcuts=\"E\">");
        t.push(&mut out, Key::MapZoomIn);
        out.push_str("</button>");
    }
    out.push_str("</div>");
    // The map's keys, shown while a country has keyboard focus, sit over
    // the buttons above the map (see the stylesheet): below it they hid
    // the chips, and inside it the countries on a phone. A narrow widget
    // shows them in short, since the sentence would cover the headline
    // there; the short words are hidden from screen readers, which read
    // the sentence as the map's description. A map without countries it
    // draws has nothing to move between, so no keys.
    if map::has_drawn(bundle, world) {
        out.push_str("<p class=\"sr\" id=\"sw-keys\"><span class=\"kl\">");
        let (long, short) = if europe {
            (Key::MapKeysEurope, Key::MapKeysEuropeShort)
        } else {
            (Key::MapKeys, Key::MapKeysShort)
        };
        t.push(&mut out, long);
        out.push_str("</span><span class=\"ks\" aria-hidden=\"true\">");
        t.push(&mut out, short);
        out.push_str("</span></p>");
    }
    out.push_str("<div class=\"map-wrap\" data-view=\"w\">");
    map::push_map(&mut out, bundle, world, &views, t);
    map::push_outside_view(&mut out, bundle, world, &views, t);
    out.push_str("<div class=\"tip\" hidden inert></div></div><div class=\"ftable\" hidden></div>");
    push_credits(&mut out, bundle, world, t);
    out.push_str("</figure><div class=\"side\">");
    out.push_str(part(|r| &r.side));
    out.push_str("</div>");
    out.push_str(part(|r| &r.timeline));
    out.push_str("</div>");
    out.push_str(part(|r| &r.end));
    // Announces a new selection; empty until there is one.
    out.push_str(
        "<p class=\"sr live\" aria-live=\"polite\" aria-atomic=\"true\"></p><div class=\"pop-slot\"></div></div>",
    );
    out
}

/// The table view in English; see `table_markup_in`.
pub fn table_markup(bundle: &Bundle) -> String {
    table_markup_in(bundle, Locale::english())
}

/// The tables the "Show as table" button swaps in for the map: arrests by
/// country with the total, then the operation's other figures, each with
/// its citation marker and "sources differ" mark.
pub fn table_markup_in(bundle: &Bundle, t: &Locale) -> String {
    let mut out = String::with_capacity(16 * 1024);
    table::push_table(&mut out, bundle, t);
    out
}

/// The map's one-sentence summary (markup: escaped text), as in the
/// figure's description.
pub fn summary_in(bundle: &Bundle, t: &Locale) -> String {
    let mut out = String::with_capacity(256);
    table::push_summary(&mut out, bundle, t);
    out
}

/// What the live region says when the selection becomes `selected`
/// (markup: escaped text).
pub fn announcement_in(bundle: &Bundle, selected: Option<&str>, t: &Locale) -> String {
    let mut out = String::with_capacity(96);
    table::push_announcement(&mut out, bundle, selected, t);
    out
}

/// The headline figure: "288 arrests in 9 countries", each number with its
/// citation marker and, where sources disagree, the panel's "sources
/// differ" mark. The country count is the bundle's `countries_involved`
/// figure; without one, the headline gives the total alone (the countries
/// on the map may hold only part of it).
fn push_stat(out: &mut String, bundle: &Bundle, t: &Locale) {
    let Some(total) = bundle.total(map::MAP_METRIC) else {
        return;
    };
    out.push_str("<p class=\"stat\"><strong class=\"total\">");
    push_qualified(out, t, total.qualifier, total.value);
    // A no-break space: the number keeps its word on its line.
    out.push_str("</strong>\u{a0}");
    t.push_plural(out, Key::StatArrests, total.value, &[]);
    out.push(' ');
    cite::push_fact_marks(out, bundle, total, t);
    if let Some(countries) = bundle.total("countries_involved") {
        out.push(' ');
        t.push(out, Key::StatIn);
        out.push_str(" <span class=\"stat-n\">");
        let mut n = String::with_capacity(24);
        push_qualified(&mut n, t, countries.qualifier, countries.value);
        t.push_plural(out, Key::StatCountries, countries.value, &[("n", &n)]);
        out.push_str("</span> ");
        cite::push_fact_marks(out, bundle, countries, t);
    }
    out.push_str("</p>");
}

/// Problems that do not stop the widget (per-country counts that do not
/// add up, say), as a note the reader sees.
fn push_warnings(out: &mut String, bundle: &Bundle, t: &Locale) {
    if bundle.warnings.is_empty() {
        return;
    }
    out.push_str("<div class=\"warn\" role=\"note\">");
    for w in &bundle.warnings {
        out.push_str("<p><b>");
        t.push(out, Key::Note);
        out.push_str(" </b>");
        // The problem is described in English by the bundle checker.
        push_in(out, t, "en", &w.words);
        out.push_str(".</p>");
    }
    out.push_str("</div>");
}

/// Opens a `<span lang>` for text in `lang` when the widget speaks another
/// language, so screen readers read it with the right voice; true when it
/// did (`close_lang` closes it). Languages are compared by their primary
/// subtag, as the widget resolves `lang`: a bundle in `en-GB` needs no
/// mark in an English widget.
pub(crate) fn open_lang(out: &mut String, t: &Locale, lang: &str) -> bool {
    let other = Lang::from_tag(lang) != Some(t.lang);
    if other {
        out.push_str("<span lang=\"");
        push_escaped(out, lang);
        out.push_str("\">");
    }
    other
}

/// Closes what `open_lang` opened, if it did.
pub(crate) fn close_lang(out: &mut String, opened: bool) {
    if opened {
        out.push_str("</span>");
    }
}

/// Appends text written in `lang`, escaped, marked with its language
/// where the widget speaks another (see `open_lang`).
pub(crate) fn push_in(out: &mut String, t: &Locale, lang: &str, text: &str) {
    let opened = open_lang(out, t, lang);
    push_escaped(out, text);
    close_lang(out, opened);
}

/// The tooltip's inner markup for a country, if it has a figure (English).
pub fn tooltip(bundle: &Bundle, code: &str) -> Option<String> {
    tooltip_in(bundle, code, Locale::english())
}

/// The tooltip's inner markup for a country, if it has a figure.
pub fn tooltip_in(bundle: &Bundle, code: &str, t: &Locale) -> Option<String> {
    let mut out = String::with_capacity(512);
    map::push_tooltip(&mut out, bundle, code, t).then_some(out)
}

/// The breakdown panel's markup (English); see `panel_markup_in`.
pub fn panel_markup(bundle: &Bundle, selected: Option<&str>) -> String {
    panel_markup_in(bundle, selected, Locale::english())
}

/// The breakdown panel's markup for the whole operation (`None`) or one
/// country: what the DOM shell puts in `.side` when the selection changes.
pub fn panel_markup_in(bundle: &Bundle, selected: Option<&str>, t: &Locale) -> String {
    let mut out = String::with_capacity(16 * 1024);
    panel::push_panel(&mut out, bundle, selected, t);
    out
}

/// A popover in English; see `popover_in`.
pub fn popover(bundle: &Bundle, id: &str, differ: bool) -> Option<String> {
    popover_in(bundle, id, differ, Locale::english())
}

/// The popover for a citation marker (`differ` false) or a "sources
/// differ" mark (`differ` true) of the fact or date `id`; `None` for an
/// unknown id.
pub fn popover_in(bundle: &Bundle, id: &str, differ: bool, t: &Locale) -> Option<String> {
    let mut out = String::with_capacity(4 * 1024);
    cite::push_popover(&mut out, bundle, id, differ, t).then_some(out)
}

/// "Sources: …" naming the agencies behind the map's figures, then the map
/// data's credit.
fn push_credits(out: &mut String, bundle: &Bundle, world: &World<'_>, t: &Locale) {
    out.push_str("<p class=\"credits\">");
    let mut list = String::with_capacity(128);
    let named = map::publishers(bundle, false);
    for (i, publisher) in named.iter().enumerate() {
        if i > 0 {
            t.push(&mut list, Key::PunctList);
        }
        push_in(&mut list, t, &bundle.lang, publisher);
    }
    if !named.is_empty() {
        t.push_with(out, Key::CreditsSources, &[("list", &list)]);
        out.push(' ');
    }
    t.push(out, Key::CreditsMap);
    // So that a reader knows why their figures have no symbol.
    let mut list = String::new();
    map::push_not_drawn(&mut list, bundle, world, t, true);
    if !list.is_empty() {
        out.push(' ');
        t.push_with(out, Key::CreditsNotDrawn, &[("list", &list)]);
    }
    out.push_str("</p>");
}

/// What a reader sees instead of the widget when its bundle is refused: a
/// plain sentence, then each problem with its JSON path.
pub fn error_panel(errors: &BundleErrors, context: &str) -> String {
    error_panel_in(&errors.worded(), context, Locale::english())
}

/// Why a bundle's file (the element's `src`) never arrived.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LoadFailure {
    /// The server answered with this HTTP status.
    Http(u32),
    /// No answer: the network failed, or the browser refused the request.
    Network,
    /// No answer within this many seconds.
    Timeout(u32),
    /// Anything else (the browser console has the details).
    Other,
    /// The bundle arrived, but the module that reads it
    /// (`spector_reader.wasm`, fetched from beside the script) did not.
    Reader,
    /// Nothing was fetched: `src` is not an address the widget loads (it
    /// loads http and https addresses, relative paths, and the `data:` and
    /// `blob:` URLs a page's script may make), such as a `javascript:` URL
    /// or a file path (`C:\data\x.json`).
    Address,
}

/// The reader's sentence for a bundle at `src` that never arrived, in the
/// language of `t` (plain text: `error_panel_in` escapes it).
pub fn load_failure_text(failure: LoadFailure, src: &str, t: &Locale) -> String {
    let (key, number) = match failure {
        LoadFailure::Http(status) => (Key::ErrorLoadHttp, Some(("status", status))),
        LoadFailure::Network => (Key::ErrorLoadNetwork, None),
        LoadFailure::Timeout(seconds) => (Key::ErrorLoadTimeout, Some(("seconds", seconds))),
        LoadFailure::Other => (Key::ErrorLoadUnknown, None),
        LoadFailure::Reader => (Key::ErrorLoadReader, None),
        LoadFailure::Address => (Key::ErrorLoadAddress, None),
    };
    let mut out = String::with_capacity(128 + src.len());
    // The arguments as an array on the stack, which costs the wasm less
    // than a vector. A failure without a number names it "", and no
    // pattern has a `{}` placeholder, so its "0" is never written.
    let (name, value) = number.unwrap_or(("", 0));
    let mut digits = String::new();
    crate::text::push_uint(&mut digits, u64::from(value));
    crate::i18n::fill_text(&mut out, t.text(key), &[("src", src), (name, &digits)]);
    out
}

/// The error panel in the language of `t`; `context` (why, as markup-free
/// text) is already in that language. The problems themselves, for the
/// bundle's author, stay in English.
pub fn error_panel_in(problems: &[Problem], context: &str, t: &Locale) -> String {
    let mut out = String::with_capacity(512);
    out.push_str("<div class=\"sw sw-error\" role=\"alert\" lang=\"");
    out.push_str(t.code());
    out.push_str("\"><p class=\"error-title\">");
    let mut reason = String::with_capacity(context.len());
    push_escaped(&mut reason, context);
    t.push_with(&mut out, Key::ErrorTitle, &[("reason", &reason)]);
    out.push_str("</p><ul class=\"errors\" lang=\"en\">");
    let mut message = String::new();
    for problem in problems.iter().take(10) {
        out.push_str("<li><code>");
        message.clear();
        problem.write_to(&mut message);
        push_escaped(&mut out, &message);
        out.push_str("</code></li>");
    }
    if problems.len() > 10 {
        out.push_str("<li lang=\"");
        out.push_str(t.code());
        out.push_str("\">");
        t.push(&mut out, Key::ErrorMore);
        out.push_str("</li>");
    }
    out.push_str("</ul></div>");
    out
}
