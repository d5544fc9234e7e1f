//! The breakdown panel: the operation's figures (arrests, firearms, drugs
//! with the kinds the sources name, cash and crypto), or one country's
//! figures, each followed by its citation marker and, where sources
//! disagree, a "sources differ" mark.
//!
//! Bars are small SVGs (`viewBox="0 0 100 4"`, widths as attributes, so no
//! inline style is needed under a strict CSP). Each unit has one scale:
//! kilograms share one, and kilograms, people and money never share one.
//! A bar is drawn only where it compares something: two or more figures in
//! the same unit, or a part against its whole (fentanyl within the drugs
//! total, a country's figure within the operation's).

use alloc::string::String;
use alloc::vec::Vec;

use super::cite;
use super::labels;
use crate::facts::{Bundle, Fact, Qualifier, Scope};
use crate::i18n::{Key, Locale};
use crate::text::{push_escaped, push_fixed};

/// Metrics that are not seizures.
const NOT_SEIZURES: [&str; 2] = ["arrests", "countries_involved"];
const DRUGS: &str = "drugs_seized_kg";
const FENTANYL: &str = "fentanyl_seized_kg";
const USD: &str = "cash_and_crypto_usd";
const EUR: &str = "cash_and_crypto_eur";

/// The bar's drawing width in viewBox units.
pub const BAR_WIDTH: f64 = 100.0;

/// One line of the panel: a figure, optionally the same figure in another
/// currency, and the parts the sources name (for the drugs total).
#[derive(Debug, Clone)]
pub struct Row<'a> {
    pub fact: &'a Fact,
    pub alt: Option<&'a Fact>,
    pub parts: Vec<&'a Fact>,
}

/// A figure that may get a bar, and the whole it is part of.
struct Barred<'a> {
    fact: &'a Fact,
    whole: Option<&'a Fact>,
}

pub use super::map::country_name;

/// The countries the bundle has figures for, in bundle order (arrests
/// first, so the largest come first in the shipped bundle).
pub fn countries(bundle: &Bundle) -> Vec<&str> {
    let mut codes: Vec<&str> = Vec::new();
    for fact in &bundle.facts {
        if let Scope::Country(code) = &fact.scope {
            if !codes.contains(&code.as_str()) {
                codes.push(code);
            }
        }
    }
    codes
}

fn in_scope(fact: &Fact, selected: Option<&str>) -> bool {
    match (selected, &fact.scope) {
        (None, Scope::All) => true,
        (Some(code), Scope::Country(c)) => c == code,
        _ => false,
    }
}

/// The panel's rows for the whole operation (`None`) or one country, in
/// reading order: arrests, countries, firearms, drugs with their parts,
/// pills, cash and crypto, then any other figure in bundle order.
pub fn rows<'a>(bundle: &'a Bundle, selected: Option<&str>) -> Vec<Row<'a>> {
    // A plain loop: `filter` and `collect` cost the wasm their own
    // iterator adapter.
    let mut facts: Vec<&Fact> = Vec::new();
    for fact in &bundle.facts {
        if in_scope(fact, selected) {
            facts.push(fact);
        }
    }
    let mut used: Vec<&str> = Vec::new();
    let mut rows = Vec::new();
    let take = |metric: &str, used: &mut Vec<&'a str>| -> Option<&'a Fact> {
        let f = facts
            .iter()
            .copied()
            .find(|f| f.metric == metric && !used.contains(&f.id.as_str()))?;
        used.push(&f.id);
        Some(f)
    };

    for metric in ["arrests", "countries_involved", "firearms_seized"] {
        if let Some(fact) = take(metric, &mut used) {
            add_row(&mut rows, fact, None, Vec::new());
        }
    }

    let total = take(DRUGS, &mut used);
    let mut parts: Vec<&Fact> = Vec::new();
    if let Some(f) = take(FENTANYL, &mut used) {
        parts.push(f);
    }
    for f in facts.iter().copied() {
        if labels::drug_of(&f.metric).is_some() && !used.contains(&f.id.as_str()) {
            used.push(&f.id);
            parts.push(f);
        }
    }
    match total {
        Some(fact) => add_row(&mut rows, fact, None, parts),
        None => {
            for fact in parts {
                add_row(&mut rows, fact, None, Vec::new());
            }
        }
    }

    if let Some(fact) = take("pills_seized", &mut used) {
        add_row(&mut rows, fact, None, Vec::new());
    }
    // Dollars with euros beside them, or either alone.
    let (usd, eur) = (take(USD, &mut used), take(EUR, &mut used));
    let (cash, alt) = match usd {
        Some(usd) => (Some(usd), eur),
        None => (eur, None),
    };
    if let Some(fact) = cash {
        add_row(&mut rows, fact, alt, Vec::new());
    }
    // Any other figure, in bundle order. Two that a reader would see under
    // one name in other units ("Fines" for `fines` in EUR and `fines_usd`
    // in USD) share a row, the later beside the first, as the euros stand
    // beside the dollars: two rows named alike read as a repetition.
    for (i, f) in facts.iter().copied().enumerate() {
        if used.contains(&f.id.as_str()) {
            continue;
        }
        used.push(&f.id);
        let name = name_of(f);
        let alt = facts
            .iter()
            .copied()
            .skip(i + 1)
            .find(|g| g.unit != f.unit && !used.contains(&g.id.as_str()) && name_of(g) == name);
        if let Some(g) = alt {
            used.push(&g.id);
        }
        add_row(&mut rows, f, alt, Vec::new());
    }
    rows
}

/// A figure's name as a reader sees it, to tell two alike.
fn name_of(fact: &Fact) -> String {
    let mut name = String::new();
    labels::push_fact_name(&mut name, Locale::english(), fact);
    name
}

/// Adds a row: one place that builds a `Row`, where each of the eight
/// that did cost the wasm its own copy of the push.
#[inline(never)]
fn add_row<'a>(rows: &mut Vec<Row<'a>>, fact: &'a Fact, alt: Option<&'a Fact>, parts: Vec<&'a Fact>) {
    rows.push(Row { fact, alt, parts });
}

/// The whole a figure is compared with: the drugs total for a part, the
/// operation's figure for a country's; only in the same unit.
fn whole_of<'a>(bundle: &'a Bundle, fact: &Fact, parent: Option<&'a Fact>) -> Option<&'a Fact> {
    let whole = match (parent, &fact.scope) {
        (Some(p), _) => Some(p),
        (None, Scope::Country(_)) => bundle.total(&fact.metric),
        (None, Scope::All) => None,
    };
    whole.filter(|w| w.unit == fact.unit && w.id != fact.id)
}

/// Bar widths for every figure that gets one: `(fact id, value width,
/// whole width)` in viewBox units (0 to `BAR_WIDTH`), one scale per unit.
pub fn bar_widths<'a>(bundle: &'a Bundle, rows: &[Row<'a>]) -> Vec<(&'a str, f64, Option<f64>)> {
    let mut barred: Vec<Barred<'a>> = Vec::new();
    for row in rows {
        barred.push(Barred {
            fact: row.fact,
            whole: whole_of(bundle, row.fact, None),
        });
        for part in &row.parts {
            barred.push(Barred {
                fact: part,
                whole: whole_of(bundle, part, Some(row.fact)),
            });
        }
    }
    let mut out = Vec::new();
    for b in &barred {
        // How many figures share the unit, and the largest value among
        // them and their wholes: counted in one plain loop, which cost the
        // wasm less than a collected list and an iterator chain.
        let (mut same, mut max) = (0usize, 0.0_f64);
        for o in barred.iter().filter(|o| o.fact.unit == b.fact.unit) {
            same += 1;
            max = max.max(o.fact.value);
            if let Some(w) = o.whole {
                max = max.max(w.value);
            }
        }
        if same < 2 && b.whole.is_none() {
            continue;
        }
        if max <= 0.0 {
            continue;
        }
        let scale = |v: f64| crate::num::clamp(v / max * BAR_WIDTH, 0.0, BAR_WIDTH);
        out.push((b.fact.id.as_str(), scale(b.fact.value), b.whole.map(|w| scale(w.value))));
    }
    out
}

fn push_bar(out: &mut String, fact: &Fact, width: f64, whole: Option<f64>) {
    let open = matches!(fact.qualifier, Qualifier::MoreThan | Qualifier::AtLeast);
    out.push_str("<svg class=\"bar");
    if open {
        out.push_str(" bar-open");
    }
    out.push_str("\" viewBox=\"0 0 100 4\" preserveAspectRatio=\"none\" aria-hidden=\"true\" focusable=\"false\">");
    if let Some(w) = whole {
        out.push_str("<rect class=\"bar-t\" width=\"");
        push_fixed(out, w, 2);
        out.push_str("\" height=\"4\"/>");
    }
    out.push_str("<rect class=\"bar-v\" width=\"");
    push_fixed(out, width, 2);
    out.push_str("\" height=\"4\"/>");
    if open {
        // A small arrowhead after the bar's end: the value is a floor.
        out.push_str("<path class=\"bar-more\" d=\"M");
        push_fixed(out, (width + 0.4).min(BAR_WIDTH - 1.6), 2);
        out.push_str(" 0.5l1.6 1.5-1.6 1.5z\"/>");
    }
    out.push_str("</svg>");
}

/// Appends a figure's amount in its `fig-value` span, a unit of the
/// bundle's own in its `lang`.
fn push_value(out: &mut String, fact: &Fact, lang: &str, t: &Locale) {
    out.push_str("<span class=\"fig-value\">");
    labels::push_fact_amount(out, t, fact, lang);
    out.push_str("</span>");
}

fn push_row(
    out: &mut String,
    bundle: &Bundle,
    row_fact: &Fact,
    alt: Option<&Fact>,
    class: &str,
    bars: &[(&str, f64, Option<f64>)],
    t: &Locale,
) {
    out.push_str("<li class=\"");
    out.push_str(class);
    out.push_str("\" data-fact=\"");
    push_escaped(out, &row_fact.id);
    out.push_str("\"><span class=\"fig-label\">");
    labels::push_fact_name_in(out, t, row_fact, &bundle.lang);
    out.push_str("</span> ");
    push_value(out, row_fact, &bundle.lang, t);
    out.push(' ');
    cite::push_fact_marks(out, bundle, row_fact, t);
    if let Some(alt) = alt {
        // The parenthesis closes around the amount, and the marker follows
        // it as a footnote mark follows a parenthesis: "(€50.8 million) [1]",
        // which moves to the next line as one piece where the row wraps (an
        // inline block), and wraps inside only when wider than a line, as
        // with the spacing a reader's own style sheet may add (WCAG 1.4.12).
        out.push_str(" <span class=\"fig-alt-w\"><span class=\"fig-alt\">(");
        push_value(out, alt, &bundle.lang, t);
        out.push_str(")</span> ");
        cite::push_fact_marks(out, bundle, alt, t);
        out.push_str("</span>");
    }
    if let Some((_, w, whole)) = bars.iter().find(|(id, _, _)| *id == row_fact.id) {
        push_bar(out, row_fact, *w, *whole);
    }
}

/// Appends the breakdown panel for the whole operation (`selected` is
/// `None` or empty) or for one country (its ISO code).
pub fn push_panel(out: &mut String, bundle: &Bundle, selected: Option<&str>, t: &Locale) {
    let selected = selected.filter(|c| !c.is_empty() && *c != "ALL");
    out.push_str("<section class=\"panel\" data-scope=\"");
    push_escaped(out, selected.unwrap_or("ALL"));
    out.push_str("\" aria-label=\"");
    t.push(out, Key::PanelLabel);
    out.push_str("\">");

    push_chips(out, bundle, selected, t);
    if selected.is_some() {
        out.push_str("<p class=\"panel-nav\"><button type=\"button\" class=\"back\" data-c=\"\">");
        t.push(out, Key::PanelBack);
        out.push_str("</button></p>");
    }

    let rows = rows(bundle, selected);
    // A bundle with figures for countries only has nothing to show under
    // "Whole operation": no heading over nothing.
    if selected.is_some() || !rows.is_empty() {
        out.push_str("<h3 class=\"panel-title\">");
        match selected {
            Some(code) => push_escaped(out, country_name(t, code)),
            None => t.push(out, Key::PanelWholeOperation),
        }
        out.push_str("</h3>");
    }

    let bars = bar_widths(bundle, &rows);
    if !rows.is_empty() {
        out.push_str("<ul class=\"figs\">");
        for row in &rows {
            push_row(out, bundle, row.fact, row.alt, "fig", &bars, t);
            if !row.parts.is_empty() {
                out.push_str("<div class=\"parts\"><p class=\"parts-lead\">");
                t.push(out, Key::PanelIncluding);
                out.push_str("</p><ul class=\"fig-parts\">");
                for part in &row.parts {
                    push_row(out, bundle, part, None, "fig fig-part", &bars, t);
                    out.push_str("</li>");
                }
                out.push_str("</ul><p class=\"parts-note\">");
                t.push(out, Key::PanelPartsNote);
                out.push_str("</p></div>");
            }
            out.push_str("</li>");
        }
        out.push_str("</ul>");
    }

    if let Some(code) = selected {
        let seizures = rows.iter().any(|r| !NOT_SEIZURES.contains(&r.fact.metric.as_str()));
        if !seizures {
            out.push_str("<p class=\"no-figures\">");
            let mut name = String::with_capacity(32);
            push_escaped(&mut name, country_name(t, code));
            let key = if rows.is_empty() {
                Key::PanelNoFigures
            } else {
                Key::PanelNoSeizures
            };
            t.push_with(out, key, &[("country", &name)]);
            out.push_str("</p>");
        }
    }
    out.push_str("</section>");
}

/// The row of country buttons; the selected one is pressed.
fn push_chips(out: &mut String, bundle: &Bundle, selected: Option<&str>, t: &Locale) {
    let codes = countries(bundle);
    if codes.is_empty() {
        return;
    }
    out.push_str("<div class=\"chips\" role=\"group\" aria-label=\"");
    t.push(out, Key::PanelChooseCountry);
    out.push_str("\">");
    for code in codes {
        out.push_str("<button type=\"button\" class=\"chip\" data-c=\"");
        push_escaped(out, code);
        out.push_str("\" aria-pressed=\"");
        out.push_str(if selected == Some(code) { "true" } else { "false" });
        out.push_str("\">");
        push_escaped(out, country_name(t, code));
        out.push_str("</button>");
    }
    out.push_str("</div>");
}
