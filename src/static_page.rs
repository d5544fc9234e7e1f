//! The static version of the widget, for readers without JavaScript (or
//! where a strict CSP forbids WebAssembly) and for share images: the same
//! bundle, map geometry, symbols, legend and label layout as the widget,
//! written as plain markup that needs no script and no stylesheet.
//!
//! - [`svg_document`]: the map alone as a standalone SVG file, with the
//!   title, the total and the credits as SVG text (the CLI rasterizes it to
//!   PNG with the bundled Liberation Sans).
//! - [`html_fragment`]: light-DOM fallback content for
//!   `<spector-widget>…</spector-widget>`: heading, summary, the map as
//!   inline SVG, every figure in tables (arrests by country, then the
//!   whole operation's and each country's other figures), disagreements,
//!   key dates and the numbered sources with their quotes. When the widget starts, its
//!   shadow root (which has no `<slot>`) hides it.
//! - [`html_page`]: that fragment in a complete HTML5 document.
//!
//! Colours and stroke widths are those of `render::STYLE`, written as SVG
//! presentation attributes (`fill=`, `stroke=`), so the map looks right
//! with no stylesheet at all and needs no `style-src` allowance. Only the
//! world view and the one label bucket matching the width are written.
//!
//! Pure string building, but native only: the browser has the live widget,
//! and leaving this out of the wasm32 build keeps the module's bytes out of
//! `pkg/embed.js` for certain. Bundle text is always escaped; only http(s)
//! addresses become links.

#![cfg(not(target_arch = "wasm32"))]

use crate::facts::{Bundle, Citation, ClaimValue, Disagreement, Fact, SourceKind};
use crate::geo::World;
use crate::i18n::{fill, fill_text, Key, Lang, Locale};
use crate::render::cite::{self, Item};
use crate::render::format::{push_number_in, push_qualified};
use crate::render::layout;
use crate::render::map::{self, MAP_METRIC};
use crate::render::view::{self, View, ViewKind};
use crate::render::{labels, panel, push_in, table, timeline};
use crate::text::{push_escaped, push_fixed, push_uint};

/// The default width of the HTML and SVG output, in CSS px.
pub const DEFAULT_WIDTH: u32 = 640;
/// The default width of a PNG share image, in pixels.
pub const DEFAULT_PNG_WIDTH: u32 = 1200;
/// The narrowest and widest accepted `width`.
pub const MIN_WIDTH: u32 = 160;
pub const MAX_WIDTH: u32 = 4096;

/// The family the standalone SVG names first; the CLI bundles it
/// (`assets/fonts/`), so a PNG looks the same on every machine.
pub const FONT_FAMILY: &str = "Liberation Sans";

/// The layout is computed for a width between these (CSS px) and scaled
/// to the requested width, so a 1200 px share image reads like the widget
/// at 640 px on a high-density screen, not like a wall of tiny text.
const MIN_LAYOUT: f64 = 320.0;
const MAX_LAYOUT: f64 = 640.0;

const SVG_FONTS: &str = "'Liberation Sans', Arial, Helvetica, sans-serif";
const HTML_FONTS: &str = "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif";

// Colours from style.css.
const INK: &str = "#1d1d1b";
const MUTED: &str = "#5a5a55";
const LAND: &str = "#ecebe7";
const MARKED: &str = "#f3b98a";
const MARKED_EDGE: &str = "#9a4a10";
const SYMBOL: &str = "#c25100";
const LEGEND_EDGE: &str = "#b5b3ad";

/// The width the layout is computed for, in CSS px.
fn layout_width(width: u32) -> f64 {
    f64::from(width.clamp(MIN_WIDTH, MAX_WIDTH)).clamp(MIN_LAYOUT, MAX_LAYOUT)
}

/// The SVG's description: the widget's summary of the map ("Map of 288
/// arrests in 9 countries. Countries with the most arrests: …"), then
/// every country's arrests, "Germany: 52 arrests; …", in the map's
/// (largest first) order.
fn push_description(out: &mut String, bundle: &Bundle, world: &World<'_>, t: &Locale) {
    table::push_summary(out, bundle, t);
    let symbols = map::symbols(bundle, world);
    // Without symbols (no arrests by country, which the summary says) there
    // is no list: a lone " ." once ended the description.
    if symbols.is_empty() {
        return;
    }
    out.push(' ');
    for (i, s) in symbols.iter().enumerate() {
        if i > 0 {
            t.push(out, Key::PunctList);
        }
        map::push_accessible_name(out, bundle, s.code, t);
    }
    out.push('.');
}

/// The map's layers, in grid units of `view`: quiet land, the operation's
/// countries, the symbols, then the legend and the value labels of one
/// bucket. `px` is one layout pixel in grid units (for stroke widths).
fn push_map_layers(
    out: &mut String,
    bundle: &Bundle,
    world: &World<'_>,
    view: &View,
    px: f64,
    bucket: usize,
    t: &Locale,
) {
    let stroke = |out: &mut String, w: f64| {
        out.push_str("\" stroke-width=\"");
        push_fixed(out, w * px, 2);
    };

    out.push_str("<g fill=\"");
    out.push_str(LAND);
    out.push_str("\" stroke=\"#fff");
    stroke(out, 0.8);
    out.push_str("\" stroke-linejoin=\"round\">");
    for country in world.countries() {
        if bundle.for_country(MAP_METRIC, country.code()).is_none() {
            out.push_str("<path d=\"");
            country.write_path_data(out);
            out.push_str("\"/>");
        }
    }
    out.push_str("</g><g fill=\"");
    out.push_str(MARKED);
    out.push_str("\" stroke=\"");
    out.push_str(MARKED_EDGE);
    stroke(out, 1.0);
    out.push_str("\" stroke-linejoin=\"round\">");
    for country in world.countries() {
        if bundle.for_country(MAP_METRIC, country.code()).is_some() {
            out.push_str("<path d=\"");
            country.write_path_data(out);
            out.push_str("\"/>");
        }
    }
    out.push_str("</g>");

    let symbols = map::symbols_in(bundle, world, view, ViewKind::World);
    out.push_str("<g fill=\"");
    out.push_str(SYMBOL);
    out.push_str("\" stroke=\"");
    out.push_str(INK);
    stroke(out, 1.0);
    out.push_str("\">");
    for s in &symbols {
        push_circle(out, s.x, s.y, s.r);
    }
    out.push_str("</g>");

    let font = layout::font_units(view, bucket);
    let (legend, labels) = map::annotations(bundle, &symbols, view, ViewKind::World, bucket, t);
    // Text is centred on its point as `dominant-baseline: central` does in
    // the widget, by moving the baseline down 0.35 em (renderers differ on
    // dominant-baseline; all agree on y).
    let drop = font * 0.35;
    out.push_str("<g font-size=\"");
    push_fixed(out, font, 1);
    out.push_str("\" font-weight=\"700\" text-anchor=\"middle\" fill=\"");
    out.push_str(INK);
    out.push_str("\" stroke=\"#fff\" stroke-width=\"");
    push_fixed(out, font * 0.22, 1);
    out.push_str("\" stroke-linejoin=\"round\" paint-order=\"stroke\">");
    if let Some(l) = legend {
        out.push_str("<rect ");
        map::push_legend_box(out, &l.rect, font);
        out.push_str(" fill=\"#fff\" fill-opacity=\"0.88\" stroke=\"");
        out.push_str(LEGEND_EDGE);
        stroke(out, 1.0);
        out.push_str("\"/><g fill=\"none\" stroke=\"");
        out.push_str(INK);
        stroke(out, 1.2);
        out.push_str("\">");
        for item in &l.items {
            push_circle(out, item.cx, item.cy, item.r);
        }
        out.push_str("</g><text x=\"");
        push_fixed(out, l.caption.0, 1);
        out.push_str("\" y=\"");
        push_fixed(out, l.caption.1 + drop, 1);
        out.push_str("\" text-anchor=\"start\" font-weight=\"600\">");
        t.push(out, layout::LEGEND_CAPTION);
        out.push_str("</text>");
        for item in &l.items {
            out.push_str("<text x=\"");
            push_fixed(out, item.tx, 1);
            out.push_str("\" y=\"");
            push_fixed(out, item.ty + drop, 1);
            out.push_str("\" font-weight=\"400\">");
            push_number_in(out, item.value, &t.number);
            out.push_str("</text>");
        }
    }
    for label in &labels {
        out.push_str("<text x=\"");
        push_fixed(out, label.x, 1);
        out.push_str("\" y=\"");
        push_fixed(out, label.y + drop, 1);
        if label.inside {
            out.push_str("\" fill=\"#fff\" stroke=\"none");
        }
        out.push_str("\">");
        push_escaped(out, &label.text);
        out.push_str("</text>");
    }
    out.push_str("</g>");
}

fn push_circle(out: &mut String, cx: f64, cy: f64, r: f64) {
    out.push_str("<circle cx=\"");
    push_fixed(out, cx, 1);
    out.push_str("\" cy=\"");
    push_fixed(out, cy, 1);
    out.push_str("\" r=\"");
    push_fixed(out, r, 1);
    out.push_str("\"/>");
}

/// "288 arrests in 9 countries" as (number, " arrests", " in 9 countries"),
/// all markup (escaped), or `None` without a total of arrests; the country
/// count as in the widget's headline, the bundle's `countries_involved`
/// figure (the third part is empty without one).
/// The fragment puts each figure's references after its words.
fn headline(bundle: &Bundle, t: &Locale) -> Option<(String, String, String)> {
    let total = bundle.total(MAP_METRIC)?;
    let mut number = String::new();
    push_qualified(&mut number, t, total.qualifier, total.value);
    // A no-break space, as in the widget: the number keeps its word.
    let mut arrests = String::from("\u{a0}");
    t.push_plural(&mut arrests, Key::StatArrests, total.value, &[]);
    let mut rest = String::new();
    if let Some(countries) = bundle.total("countries_involved") {
        let mut n = String::new();
        push_qualified(&mut n, t, countries.qualifier, countries.value);
        rest.push(' ');
        t.push(&mut rest, Key::StatIn);
        rest.push(' ');
        t.push_plural(&mut rest, Key::StatCountries, countries.value, &[("n", &n)]);
    }
    Some((number, arrests, rest))
}

/// "Sources: Europol. Map data: Natural Earth.": the publishers behind the
/// map's figures (the primary ones when there are any), as the widget's
/// credits line, and, as there, the countries with figures the map does
/// not draw ("Not on the map: Singapore, Malta."). As `markup`, escaped, each publisher marked with the
/// bundle's language where `t`'s differs (as in the widget); else plain
/// text, not escaped, for the SVG's lines.
fn credits(bundle: &Bundle, world: &World<'_>, t: &Locale, markup: bool) -> String {
    // The markup (the HTML fragment) cites the total beside it; the image
    // (plain text) has only this line to credit it.
    let named = map::publishers(bundle, !markup);
    // The interface's words, escaped for markup.
    let words = |out: &mut String, text: &str| {
        if markup {
            push_escaped(out, text);
        } else {
            out.push_str(text);
        }
    };
    let mut out = String::new();
    if !named.is_empty() {
        let mut list = String::new();
        for (i, publisher) in named.iter().enumerate() {
            if i > 0 {
                words(&mut list, t.text(Key::PunctList));
            }
            if markup {
                push_in(&mut list, t, &bundle.lang, publisher);
            } else {
                list.push_str(publisher);
            }
        }
        // The pattern's words escaped for markup, the list as built.
        let fill_in = if markup { fill } else { fill_text };
        fill_in(&mut out, t.text(Key::CreditsSources), &[("list", &list)]);
        out.push(' ');
    }
    words(&mut out, t.text(Key::CreditsMap));
    let mut list = String::new();
    map::push_not_drawn(&mut list, bundle, world, t, markup);
    if !list.is_empty() {
        out.push(' ');
        let fill_in = if markup { fill } else { fill_text };
        fill_in(&mut out, t.text(Key::CreditsNotDrawn), &[("list", &list)]);
    }
    out
}

/// Splits text into lines of at most about `max` em, by words, from an
/// average glyph width (`em_per_char`); a word longer than a line gets a
/// line of its own.
fn wrap(text: &str, max_em: f64, em_per_char: f64) -> Vec<String> {
    let max_chars = ((max_em / em_per_char).floor() as usize).max(8);
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    // Only ordinary spaces break: no-break spaces (French "Sources\u{202f}:") hold.
    for word in text.split(' ').filter(|w| !w.is_empty()) {
        let len = line.chars().count();
        if len > 0 && len + 1 + word.chars().count() > max_chars {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

/// Appends `<text>` lines starting with the first baseline at `y`; returns
/// the baseline after the last line.
fn push_lines(out: &mut String, lines: &[String], x: f64, mut y: f64, line_height: f64, attrs: &str) -> f64 {
    for line in lines {
        out.push_str("<text x=\"");
        push_fixed(out, x, 1);
        out.push_str("\" y=\"");
        push_fixed(out, y, 1);
        out.push_str("\" ");
        out.push_str(attrs);
        out.push('>');
        push_escaped(out, line);
        out.push_str("</text>");
        y += line_height;
    }
    y
}

/// The map alone as a standalone SVG document `width` px wide: the title
/// and the total above the map, the credits below, on white; the height
/// follows from the map's aspect ratio and the text. Colours and sizes are
/// presentation attributes, so any SVG viewer shows it as the widget does.
pub fn svg_document(bundle: &Bundle, world: &World<'_>, width: u32) -> String {
    svg_document_in(bundle, world, width, Locale::english())
}

/// The standalone SVG in the language of `t`.
pub fn svg_document_in(bundle: &Bundle, world: &World<'_>, width: u32, t: &Locale) -> String {
    let width = width.clamp(MIN_WIDTH, MAX_WIDTH);
    let lw = layout_width(width);
    let view = view::world_view(world);
    let pad = 12.0;
    let text_w = lw - 2.0 * pad;

    let mut body = String::with_capacity(96 * 1024);
    let title_size = 20.0;
    let title_lines = wrap(&bundle.operation.name, text_w / title_size, 0.58);
    let mut y = pad + title_size * 0.95;
    // The name is the bundle's, in its language: marked where the
    // document's differs, as in the widget.
    let mut title_attrs = String::from("font-size=\"20\" font-weight=\"700\"");
    if Lang::from_tag(&bundle.lang) != Some(t.lang) {
        title_attrs.push_str(" lang=\"");
        push_escaped(&mut title_attrs, &bundle.lang);
        title_attrs.push('"');
    }
    y = push_lines(&mut body, &title_lines, pad, y, title_size * 1.25, &title_attrs);
    let headline = headline(bundle, t);
    if let Some((number, arrests, rest)) = &headline {
        y += 30.0 - title_size * 1.25 + 6.0;
        body.push_str("<text x=\"");
        push_fixed(&mut body, pad, 1);
        body.push_str("\" y=\"");
        push_fixed(&mut body, y, 1);
        body.push_str("\"><tspan font-size=\"28\" font-weight=\"700\">");
        body.push_str(number);
        body.push_str("</tspan><tspan font-size=\"15\">");
        body.push_str(arrests);
        body.push_str(rest);
        body.push_str("</tspan></text>");
        y += 8.0;
    } else {
        y -= title_size * 1.25 - 8.0;
    }
    let map_top = y + 4.0;
    let map_h = lw * view.h / view.w;
    body.push_str("<svg x=\"0\" y=\"");
    push_fixed(&mut body, map_top, 2);
    body.push_str("\" width=\"");
    push_fixed(&mut body, lw, 2);
    body.push_str("\" height=\"");
    push_fixed(&mut body, map_h, 2);
    body.push_str("\" viewBox=\"");
    view.push_attr(&mut body);
    body.push_str("\">");
    push_map_layers(
        &mut body,
        bundle,
        world,
        &view,
        view.w / lw,
        layout::bucket_for(lw / layout::BASE_PX),
        t,
    );
    body.push_str("</svg>");
    let credit_size = 12.0;
    let credit_lines = wrap(&credits(bundle, world, t, false), text_w / credit_size, 0.52);
    let first = map_top + map_h + 6.0 + credit_size;
    let mut credit_attrs = String::from("font-size=\"12\" fill=\"");
    credit_attrs.push_str(MUTED);
    credit_attrs.push('"');
    let after = push_lines(&mut body, &credit_lines, pad, first, credit_size * 1.35, &credit_attrs);
    let layout_h = after - credit_size * 1.35 + pad;

    // Whole pixels for the output; the viewBox keeps the exact ratio.
    let scale = f64::from(width) / lw;
    let height = (layout_h * scale).round().max(1.0);
    let mut out = String::with_capacity(body.len() + 2048);
    out.push_str("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"");
    push_uint(&mut out, u64::from(width));
    out.push_str("\" height=\"");
    push_fixed(&mut out, height, 0);
    out.push_str("\" viewBox=\"0 0 ");
    push_fixed(&mut out, lw, 2);
    out.push(' ');
    push_fixed(&mut out, height / scale, 2);
    out.push_str("\" lang=\"");
    out.push_str(t.code());
    out.push_str("\" role=\"img\" aria-labelledby=\"sw-t sw-d\" font-family=\"");
    out.push_str(SVG_FONTS);
    out.push_str("\" fill=\"");
    out.push_str(INK);
    out.push_str("\"><title id=\"sw-t\">");
    push_escaped(&mut out, &bundle.operation.name);
    if let Some((number, arrests, rest)) = &headline {
        t.push(&mut out, Key::PunctName);
        out.push_str(number);
        out.push_str(arrests);
        out.push_str(rest);
    }
    out.push_str("</title><desc id=\"sw-d\">");
    push_description(&mut out, bundle, world, t);
    out.push_str("</desc><rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>");
    out.push_str(&body);
    out.push_str("</svg>\n");
    out
}

/// The id prefix of the fragment's anchors by default: "sw-" and the
/// operation id, reduced to letters, digits, `-` and `_`. Two fallbacks
/// of one bundle on a page share it, so each needs its own
/// ([`html_fragment_with_ids`], `spector-facts render --id-prefix`).
pub fn id_prefix(bundle: &Bundle) -> String {
    let mut p = String::from("sw-");
    p.extend(bundle.operation.id.chars().map(|c| {
        if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
            c
        } else {
            '-'
        }
    }));
    p
}

/// True for an id prefix the fragment can use as given: an ASCII letter,
/// then ASCII letters, digits, `-` and `_`. Such ids need no escaping in
/// an `href="#…"` or a CSS selector, and the fragment's own suffixes
/// (`-src-1`, `-map-t`) keep them apart from each other.
pub fn is_id_prefix(prefix: &str) -> bool {
    let mut chars = prefix.chars();
    chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
}

/// Appends an address as text, escaped, with a line-break opportunity
/// (`<wbr>`) after each `/` but the first of `//`: unbroken,
/// "https://www.europol.europa.eu/media-" was wider than a 320 px phone's
/// column. Copied text is unchanged, as `<wbr>` adds no character.
fn push_url_text(out: &mut String, url: &str) {
    let mut rest = url;
    while let Some(i) = rest.find('/') {
        let (part, after) = rest.split_at(i + 1);
        push_escaped(out, part);
        if !after.starts_with('/') && !after.is_empty() {
            out.push_str("<wbr>");
        }
        rest = after;
    }
    push_escaped(out, rest);
}

/// Appends numbered references to sources: `[1] [5]`, each a link to its
/// entry in the sources list.
fn push_refs(out: &mut String, prefix: &str, indexes: &[usize]) {
    for (i, n) in indexes.iter().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        out.push_str("<a href=\"#");
        push_escaped(out, prefix);
        out.push_str("-src-");
        push_uint(out, *n as u64 + 1);
        out.push_str("\">[");
        push_uint(out, *n as u64 + 1);
        out.push_str("]</a>");
    }
}

/// A headline figure's references, after a space, if it has any.
fn push_headline_refs(out: &mut String, prefix: &str, fact: &Fact) {
    let refs = cite::source_indexes(&fact.citations);
    if !refs.is_empty() {
        out.push(' ');
        push_refs(out, prefix, &refs);
    }
}

/// The "sources differ" note's words, for the caller to wrap: every other
/// claimed value with its sources, then why the shown one is shown.
fn push_disagreement(out: &mut String, prefix: &str, item: Item<'_>, d: &Disagreement, lang: &str, t: &Locale) {
    t.push(out, Key::PageSourcesDiffer);
    out.push(' ');
    for (i, claim) in d.claims.iter().enumerate() {
        if i > 0 {
            t.push(out, Key::PunctList);
        }
        out.push_str("<strong>");
        match (&claim.value, item) {
            (ClaimValue::Number(v), Item::Fact(f)) => labels::push_amount(out, t, claim.qualifier, *v, &f.unit, lang),
            (ClaimValue::Number(v), Item::Date(_)) => push_qualified(out, t, claim.qualifier, *v),
            (ClaimValue::Date(date), _) => labels::push_date(out, t, date),
        }
        out.push_str("</strong> ");
        push_refs(out, prefix, &cite::source_indexes(&claim.citations));
    }
    out.push_str(". ");
    t.push(out, Key::CiteWhyShown);
    out.push(' ');
    push_in(out, t, lang, &d.reason);
}

/// Appends a figure's row after its header cell's content: the value
/// (the number alone where the figure's name says the unit, as arrests
/// under "Arrests" and "Firearms: 117") with the numbers of its sources,
/// and the same figure in a second currency in parentheses, as the panel
/// has it ("more than $53.4 million [1] (more than €50.8 million [1])");
/// then, where sources disagree, the note in a row of its own across the
/// table, so its words and its reason take the table's width, not the
/// value column's.
fn push_row_end(out: &mut String, bundle: &Bundle, prefix: &str, fact: &Fact, alt: Option<&Fact>, t: &Locale) {
    let amount = |out: &mut String, fact: &Fact| {
        labels::push_fact_value(out, t, fact, &bundle.lang);
        let refs = cite::source_indexes(&fact.citations);
        if !refs.is_empty() {
            out.push(' ');
            push_refs(out, prefix, &refs);
        }
    };
    out.push_str("</th><td>");
    amount(out, fact);
    if let Some(alt) = alt {
        out.push_str(" (");
        amount(out, alt);
        out.push(')');
    }
    out.push_str("</td></tr>");
    for fact in core::iter::once(fact).chain(alt) {
        if let Some(d) = &fact.disagreement {
            out.push_str("<tr><td colspan=\"2\">");
            push_disagreement(out, prefix, Item::Fact(fact), d, &bundle.lang, t);
            out.push_str("</td></tr>");
        }
    }
}

/// Appends a table's caption and its header row of two column names.
fn push_table_head(out: &mut String, caption: &str, cols: [Key; 2], t: &Locale) {
    out.push_str("<table><caption>");
    out.push_str(caption);
    out.push_str("</caption><thead><tr>");
    for col in cols {
        out.push_str("<th scope=\"col\">");
        t.push(out, col);
        out.push_str("</th>");
    }
    out.push_str("</tr></thead>");
}

/// The figures as the widget's table view has them: the map's figure for
/// every country (largest first, the country as the row header) with the
/// operation's total in the footer, then one table per scope, the whole
/// operation's figures and then each country's other figures, captioned
/// with the scope, as the widget's table view has them. Each table has
/// two columns, the figure and its value with its sources' numbers, and a
/// "sources differ" note gets a row of its own: one table of three
/// columns (figure, value, where) was wider than a 320 px phone's column
/// with the browser's default styles, and its row headers said "Arrests"
/// once per country. Each table ends its line.
fn push_table(out: &mut String, bundle: &Bundle, prefix: &str, t: &Locale) {
    let countries = table::by_value(bundle);
    let total = bundle.total(MAP_METRIC);
    let mut listed: Vec<&Fact> = Vec::new();
    if !countries.is_empty() || total.is_some() {
        let mut caption = String::new();
        t.push(&mut caption, Key::TableCaption);
        push_table_head(out, &caption, [Key::TableColCountry, Key::MetricArrests], t);
        out.push_str("<tbody>");
        for (code, fact) in &countries {
            out.push_str("<tr><th scope=\"row\">");
            push_escaped(out, map::country_name(t, code));
            push_row_end(out, bundle, prefix, fact, None, t);
            listed.push(fact);
        }
        out.push_str("</tbody>");
        if let Some(total) = total {
            out.push_str("<tfoot><tr><th scope=\"row\">");
            t.push(out, Key::TableTotal);
            push_row_end(out, bundle, prefix, total, None, t);
            out.push_str("</tfoot>");
            listed.push(total);
        }
        out.push_str("</table>\n");
    }

    // Every other figure, in the panel's order: a part names the figure
    // it belongs to, and a figure in a second currency shares its row
    // (as in the panel), so no row header is said twice in a table.
    let mut scopes: Vec<Option<&str>> = vec![None];
    scopes.extend(panel::countries(bundle).into_iter().map(Some));
    for scope in scopes {
        let mut rows = String::new();
        for row in panel::rows(bundle, scope) {
            // (figure, the same in a second currency, the whole it is part of)
            let mut figures: Vec<(&Fact, Option<&Fact>, Option<&Fact>)> = Vec::new();
            if !listed.iter().any(|f| core::ptr::eq(*f, row.fact)) {
                figures.push((row.fact, row.alt, None));
            } else if let Some(alt) = row.alt {
                figures.push((alt, None, None));
            }
            figures.extend(row.parts.iter().map(|p| (*p, None, Some(row.fact))));
            for (fact, alt, whole) in figures {
                rows.push_str("<tr><th scope=\"row\">");
                labels::push_fact_name_in(&mut rows, t, fact, &bundle.lang);
                if let Some(whole) = whole {
                    rows.push_str(" (");
                    let mut name = String::with_capacity(24);
                    labels::push_fact_name_in(&mut name, t, whole, &bundle.lang);
                    t.push_with(&mut rows, Key::StaticPartOf, &[("name", &name)]);
                    rows.push(')');
                }
                push_row_end(&mut rows, bundle, prefix, fact, alt, t);
            }
        }
        if rows.is_empty() {
            continue;
        }
        let mut caption = String::new();
        match scope {
            None => t.push(&mut caption, Key::TableCaptionOperation),
            Some(code) => push_escaped(&mut caption, map::country_name(t, code)),
        }
        push_table_head(out, &caption, [Key::StaticColFigure, Key::StaticColValue], t);
        out.push_str("<tbody>");
        out.push_str(&rows);
        out.push_str("</tbody></table>\n");
    }
}

fn push_dates(out: &mut String, bundle: &Bundle, prefix: &str, t: &Locale) {
    if bundle.dates.is_empty() {
        return;
    }
    out.push_str("<h3>");
    t.push(out, Key::PageKeyDates);
    out.push_str("</h3><ol>");
    for entry in timeline::chronological(bundle) {
        out.push_str("<li>");
        labels::push_time(out, t, &entry.date);
        t.push(out, Key::PunctName);
        labels::push_event_name_in(out, t, entry, &bundle.lang);
        out.push(' ');
        push_refs(out, prefix, &cite::source_indexes(&entry.citations));
        if let Some(d) = &entry.disagreement {
            out.push_str("<p>");
            push_disagreement(out, prefix, Item::Date(entry), d, &bundle.lang, t);
            out.push_str("</p>");
        }
        out.push_str("</li>");
    }
    out.push_str("</ol>");
}

/// A quote and the agency its words attribute the figure to, or (for
/// `attributions_to`) no quote and the source that does the attributing;
/// with the names of the figures and dates it is cited for.
type Cited<'b> = ((&'b str, Option<usize>), Vec<String>);

/// Every citation in the bundle with the name of the figure or date it is
/// for, claims included.
fn all_citations<'b>(bundle: &'b Bundle, t: &Locale) -> Vec<(&'b Citation, String)> {
    let mut items: Vec<Item<'_>> = bundle.facts.iter().map(Item::Fact).collect();
    items.extend(bundle.dates.iter().map(Item::Date));
    let mut out = Vec::new();
    for item in items {
        let mut name = String::new();
        item.push_name(&mut name, t, &bundle.lang);
        let claims = item.disagreement().map(|d| d.claims.as_slice()).unwrap_or(&[]);
        let cited = item
            .citations()
            .iter()
            .chain(claims.iter().flat_map(|c| c.citations.iter()));
        out.extend(cited.map(|c| (c, name.clone())));
    }
    out
}

/// Adds `name` under `key`, keeping keys in first-seen order and names
/// once each.
fn group<'b>(out: &mut Vec<Cited<'b>>, key: (&'b str, Option<usize>), name: &str) {
    match out.iter_mut().find(|(k, _)| *k == key) {
        Some((_, names)) => {
            if !names.iter().any(|n| n == name) {
                names.push(name.to_owned());
            }
        }
        None => out.push((key, vec![name.to_owned()])),
    }
}

/// Every quote taken from source `index`, once each with the agency its
/// words attribute the figure to, with the names of the figures and dates
/// it is cited for.
fn quotes_of<'b>(cited: &[(&'b Citation, String)], index: usize) -> Vec<Cited<'b>> {
    let mut out = Vec::new();
    for (c, name) in cited.iter().filter(|(c, _)| c.source == index) {
        group(&mut out, (&c.quote, c.attributed_to), name);
    }
    out
}

/// The sources whose words attribute figures to source `index` (an
/// agency), each with the names of those figures and dates.
fn attributions_to<'b>(cited: &[(&'b Citation, String)], index: usize) -> Vec<Cited<'b>> {
    let mut out = Vec::new();
    for (c, name) in cited.iter().filter(|(c, _)| c.attributed_to == Some(index)) {
        group(&mut out, ("", Some(c.source)), name);
    }
    // In the order of the sources list.
    out.sort_by_key(|((_, by), _)| *by);
    out
}

fn push_sources(out: &mut String, bundle: &Bundle, prefix: &str, t: &Locale) {
    out.push_str("<h3>");
    t.push(out, Key::SourcesTitle);
    out.push_str("</h3><ol>");
    let cited = all_citations(bundle, t);
    // Names are already escaped by push_name.
    let mut sep = String::new();
    t.push(&mut sep, Key::PunctList);
    for (i, source) in bundle.sources.iter().enumerate() {
        out.push_str("<li id=\"");
        push_escaped(out, prefix);
        out.push_str("-src-");
        push_uint(out, i as u64 + 1);
        out.push_str("\" value=\"");
        push_uint(out, i as u64 + 1);
        out.push_str("\">");
        push_in(out, t, &bundle.lang, &source.publisher);
        out.push_str(" (");
        t.push(
            out,
            match source.kind {
                SourceKind::Primary => Key::CitePrimary,
                SourceKind::Secondary => Key::CiteReporting,
            },
        );
        // The title is in the source's language, as its quotes are.
        out.push_str("), <cite lang=\"");
        push_escaped(out, &source.lang);
        out.push_str("\">");
        // In a new tab, as the widget's: the static version is also what
        // the iframe embed shows without JavaScript, where a link opened
        // in place would load the source inside the frame (or, for a site
        // that refuses to be framed, an error).
        cite::push_title(out, source, " target=\"_blank\"");
        out.push_str("</cite>, ");
        labels::push_time(out, t, &source.date);
        if let (Some(url), false) = (&source.url, source.url_confirmed) {
            out.push_str(", ");
            push_url_text(out, url);
            out.push(' ');
            t.push(out, Key::CiteAddressNotConfirmed);
        }
        out.push('.');
        let quotes = quotes_of(&cited, i);
        let attributions = attributions_to(&cited, i);
        if !quotes.is_empty() || !attributions.is_empty() {
            out.push_str("<ul>");
            for ((quote, agency), names) in quotes {
                out.push_str("<li>");
                // "citing Europol [1]: " before words that attribute the
                // figure to an agency.
                if let Some((a, agency_source)) = agency.and_then(|a| Some((a, bundle.source(a)?))) {
                    cite::push_citing_words(out, bundle, agency_source, t);
                    out.push(' ');
                    push_refs(out, prefix, &[a]);
                    t.push(out, Key::PunctName);
                }
                out.push_str("<q lang=\"");
                push_escaped(out, &source.lang);
                out.push_str("\">");
                push_escaped(out, quote);
                out.push_str("</q>, ");
                t.push_with(out, Key::PageCitedFor, &[("names", &names.join(&sep))]);
                out.push_str("</li>");
            }
            for ((_, by), names) in attributions {
                let mut refs = String::new();
                push_refs(&mut refs, prefix, by.as_slice());
                out.push_str("<li>");
                t.push_with(out, Key::PageCitedBy, &[("refs", &refs), ("names", &names.join(&sep))]);
                out.push_str("</li>");
            }
            out.push_str("</ul>");
        }
        out.push_str("</li>");
    }
    out.push_str("</ol>");
}

/// The static widget as an HTML fragment to paste inside
/// `<spector-widget>…</spector-widget>`: no script, no event handler, no
/// `style` attribute, so it works under the strictest CSP. The map's labels
/// are laid out for `width` CSS px; the map itself fills its column.
pub fn html_fragment(bundle: &Bundle, world: &World<'_>, width: u32) -> String {
    html_fragment_in(bundle, world, width, Locale::english())
}

/// The fallback fragment in the language of `t` (its root says which).
pub fn html_fragment_in(bundle: &Bundle, world: &World<'_>, width: u32, t: &Locale) -> String {
    html_fragment_with_ids(bundle, world, width, t, &id_prefix(bundle))
}

/// The fallback fragment with its ids starting with `prefix` (`prefix-src-1`,
/// `prefix-map-t`) instead of the bundle's [`id_prefix`]: for a second
/// fallback of the same bundle on one page, whose "[1]" would otherwise
/// lead to the first one's sources. The prefix is escaped, never trusted;
/// [`is_id_prefix`] says which prefixes are good ids.
pub fn html_fragment_with_ids(bundle: &Bundle, world: &World<'_>, width: u32, t: &Locale, prefix: &str) -> String {
    let lw = layout_width(width);
    let view = view::world_view(world);
    let mut out = String::with_capacity(128 * 1024);
    out.push_str("<div lang=\"");
    out.push_str(t.code());
    // The name and the summary are the bundle's words, in its language.
    out.push_str("\"><h2>");
    push_in(&mut out, t, &bundle.lang, &bundle.operation.name);
    out.push_str("</h2>\n<p>");
    push_in(&mut out, t, &bundle.lang, &bundle.operation.summary);
    out.push_str("</p>\n");
    if let Some((number, arrests, rest)) = headline(bundle, t) {
        out.push_str("<p><strong>");
        out.push_str(&number);
        out.push_str("</strong>");
        out.push_str(&arrests);
        // Each figure's references after its words, as the widget's markers.
        if let Some(total) = bundle.total(MAP_METRIC) {
            push_headline_refs(&mut out, prefix, total);
        }
        out.push_str(&rest);
        if let (false, Some(countries)) = (rest.is_empty(), bundle.total("countries_involved")) {
            push_headline_refs(&mut out, prefix, countries);
        }
        out.push_str("</p>\n");
    }
    for w in &bundle.warnings {
        out.push_str("<p role=\"note\"><strong>");
        t.push(&mut out, Key::Note);
        out.push_str(" </strong>");
        // Described in English by the bundle checker.
        push_in(&mut out, t, "en", &w.words);
        out.push_str(".</p>\n");
    }

    out.push_str("<figure><svg xmlns=\"http://www.w3.org/2000/svg\" width=\"100%\" viewBox=\"");
    view.push_attr(&mut out);
    out.push_str("\" role=\"img\" aria-labelledby=\"");
    push_escaped(&mut out, prefix);
    out.push_str("-map-t ");
    push_escaped(&mut out, prefix);
    out.push_str("-map-d\" font-family=\"");
    out.push_str(HTML_FONTS);
    out.push_str("\"><title id=\"");
    push_escaped(&mut out, prefix);
    out.push_str("-map-t\">");
    t.push(&mut out, Key::MapLabel);
    out.push_str("</title><desc id=\"");
    push_escaped(&mut out, prefix);
    out.push_str("-map-d\">");
    push_description(&mut out, bundle, world, t);
    out.push_str("</desc>");
    push_map_layers(
        &mut out,
        bundle,
        world,
        &view,
        view.w / lw,
        layout::bucket_for(lw / layout::BASE_PX),
        t,
    );
    out.push_str("</svg><figcaption>");
    // An empty map says why, as the widget's does: its description is for
    // screen readers, and a reader without JavaScript saw nothing on it.
    if map::is_empty(bundle) {
        t.push(&mut out, Key::DescNone);
        out.push(' ');
    }
    out.push_str(&credits(bundle, world, t, true));
    out.push_str("</figcaption></figure>\n");

    push_table(&mut out, bundle, prefix, t);
    push_dates(&mut out, bundle, prefix, t);
    out.push('\n');
    push_sources(&mut out, bundle, prefix, t);
    out.push_str("\n</div>\n");
    out
}

/// The fragment inside `<spector-widget>` in a complete HTML5 document, for
/// validators and for looking at it in a browser.
pub fn html_page(bundle: &Bundle, world: &World<'_>, width: u32) -> String {
    html_page_in(bundle, world, width, Locale::english())
}

/// The complete document in the language of `t`.
pub fn html_page_in(bundle: &Bundle, world: &World<'_>, width: u32, t: &Locale) -> String {
    html_page_with_ids(bundle, world, width, t, &id_prefix(bundle))
}

/// The complete document, its fragment's ids starting with `prefix` (see
/// [`html_fragment_with_ids`]).
pub fn html_page_with_ids(bundle: &Bundle, world: &World<'_>, width: u32, t: &Locale, prefix: &str) -> String {
    let fragment = html_fragment_with_ids(bundle, world, width, t, prefix);
    let mut out = String::with_capacity(fragment.len() + 512);
    out.push_str("<!DOCTYPE html>\n<html lang=\"");
    out.push_str(t.code());
    out.push_str("\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>");
    push_escaped(&mut out, &bundle.operation.name);
    out.push_str("</title>\n</head>\n<body>\n<main>\n<spector-widget>\n");
    out.push_str(&fragment);
    out.push_str("</spector-widget>\n</main>\n</body>\n</html>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn buckets_follow_the_widget_container_queries() {
        assert_eq!(layout::bucket_for(320.0 / layout::BASE_PX), 0);
        assert_eq!(layout::bucket_for(479.0 / layout::BASE_PX), 0);
        assert_eq!(layout::bucket_for(480.0 / layout::BASE_PX), 1);
        assert_eq!(layout::bucket_for(640.0 / layout::BASE_PX), 1);
        assert_eq!(layout::bucket_for(1000.0 / layout::BASE_PX), 3);
        assert_eq!(layout_width(1200), 640.0);
        assert_eq!(layout_width(200), 320.0);
    }

    #[test]
    fn wrap_breaks_at_words() {
        let lines = wrap(
            "Sources: Europol; U.S. Department of Justice. Map data: Natural Earth.",
            20.0,
            0.5,
        );
        assert!(lines.len() > 1);
        assert!(lines.iter().all(|l| l.chars().count() <= 40));
        assert_eq!(
            lines.join(" "),
            "Sources: Europol; U.S. Department of Justice. Map data: Natural Earth."
        );
    }
}
