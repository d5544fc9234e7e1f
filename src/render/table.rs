//! The map's figures in words and as a table: the one-sentence summary
//! that describes the map ("Map of 288 arrests in 9 countries. Countries
//! with the most arrests: …"), the data table the "Show as table" button
//! swaps in for the map, and what the live region says when the selection
//! changes.
//!
//! The table has the same citation markers and "sources differ" marks as
//! the rest of the widget (`data-cite`, `data-differ`), so their popovers
//! work there too. The DOM shell inserts it only while it is shown, so
//! the first render carries no second copy of every marker.

use alloc::string::String;
use alloc::vec::Vec;

use super::cite;
use super::format::{push_number_in, push_qualified};
use super::labels;
use super::map::{country_name, push_arrests, MAP_METRIC};
use super::panel;
use crate::facts::{Bundle, Fact, Qualifier};
use crate::i18n::{Key, Locale};
use crate::text::push_escaped;

/// How many countries the summary names.
const TOP: usize = 3;

/// The per-country figures of the map, largest first (bundle order on a
/// tie), as the map's symbols are ordered.
pub fn by_value(bundle: &Bundle) -> Vec<(&str, &Fact)> {
    let mut rows: Vec<(&str, &Fact)> = Vec::new();
    for (code, fact) in bundle.by_country(MAP_METRIC) {
        // Largest first; ties keep bundle order.
        crate::sort::insert_stably(&mut rows, (code, fact), |(_, o)| fact.value.total_cmp(&o.value).is_le());
    }
    rows
}

/// Appends the map's summary, escaped: "Map of 288 arrests in 9
/// countries. Countries with the most arrests: United States (153), United
/// Kingdom (55) and Germany (52)." The first sentence counts the total and
/// the bundle's `countries_involved` figure; without that figure, the
/// arrests on the map and its countries (the total's countries are not
/// known), when every figure on the map is exact; else the map's name
/// stands for it. Without arrests by country it says that no source gives
/// them.
pub fn push_summary(out: &mut String, bundle: &Bundle, t: &Locale) {
    let mut top = by_value(bundle);
    if top.is_empty() {
        // The map has nothing on it: "Map of 288 arrests in 9 countries"
        // would describe arrests it does not show, and the map's name
        // alone would leave a reader looking for them.
        t.push(out, Key::DescNone);
        return;
    }
    let mut n = String::with_capacity(24);
    let mut count = String::with_capacity(24);
    let figures = match (bundle.total(MAP_METRIC), bundle.total("countries_involved")) {
        (Some(total), Some(countries)) => {
            push_qualified(&mut n, t, total.qualifier, total.value);
            push_qualified(&mut count, t, countries.qualifier, countries.value);
            Some((total.value, countries.value))
        }
        (_, None) => {
            // Summed from -0.0, as `Iterator::sum` does.
            let (mut parts, mut sum, mut exact) = (0usize, -0.0, true);
            for (_, fact) in bundle.by_country(MAP_METRIC) {
                parts += 1;
                sum += fact.value;
                exact &= fact.qualifier == Qualifier::Exact;
            }
            push_number_in(&mut n, sum, &t.number);
            push_number_in(&mut count, parts as f64, &t.number);
            exact.then_some((sum, parts as f64))
        }
        _ => None,
    };
    match figures {
        Some((arrests, countries)) => {
            let mut words = String::with_capacity(32);
            t.push_plural(&mut words, Key::StatCountries, countries, &[("n", &count)]);
            t.push_plural(out, Key::DescMap, arrests, &[("n", &n), ("countries", &words)]);
        }
        None => {
            t.push(out, Key::MapLabel);
            out.push('.');
        }
    }
    top.truncate(TOP);
    out.push(' ');
    push_country_list(out, &top, Key::DescTop, t);
}

/// Appends `sentence` with its `{list}` filled, escaped: countries with
/// their arrests, "United States (153), United Kingdom (55) and Germany
/// (52)".
pub fn push_country_list(out: &mut String, countries: &[(&str, &Fact)], sentence: Key, t: &Locale) {
    let mut list = String::with_capacity(128);
    for (i, (code, fact)) in countries.iter().enumerate() {
        if i > 0 {
            let last = i + 1 == countries.len();
            t.push(&mut list, if last { Key::PunctAnd } else { Key::PunctComma });
        }
        let mut name = String::with_capacity(24);
        push_escaped(&mut name, country_name(t, code));
        let mut n = String::with_capacity(16);
        push_qualified(&mut n, t, fact.qualifier, fact.value);
        t.push_with(&mut list, Key::DescItem, &[("country", &name), ("n", &n)]);
    }
    t.push_with(out, sentence, &[("list", &list)]);
}

/// Appends a row's start up to its header cell's content: `start` (the
/// `<tr` and whatever comes before its `data-fact`), the fact's id, the
/// `<th>`, spanning the next row too for a figure with the same sum in a
/// second currency below it (`paired`; the stylesheet draws no rule
/// between the two). The kinds of row share it and
/// `push_row_end`, so their markup is written once.
fn push_row_start(out: &mut String, start: &str, fact: &Fact, paired: bool) {
    out.push_str(start);
    push_escaped(out, &fact.id);
    out.push_str(if paired {
        "\"><th scope=\"row\" rowspan=\"2\">"
    } else {
        "\"><th scope=\"row\">"
    });
}

/// Appends the rest of a row after its header cell's content: the value
/// and the markers. The value is the number alone where the row's header
/// already says what it counts (a country's arrests under "Arrests",
/// "Firearms: 117"), else with its unit ("850 kg", money): "Schusswaffen |
/// 117 Schusswaffen" made the whole operation's table too wide for a
/// 320 px phone in German, Dutch and Portuguese.
fn push_row_end(out: &mut String, bundle: &Bundle, fact: &Fact, t: &Locale) {
    push_cells(out, bundle, fact, "</th><td class=\"n\">", "</td><td>", t);
}

/// Appends a row's value cell and markers cell, the value between `open`
/// and `close`: in parentheses for the same sum in a second currency, as
/// the panel writes it.
fn push_cells(out: &mut String, bundle: &Bundle, fact: &Fact, open: &str, close: &str, t: &Locale) {
    out.push_str(open);
    labels::push_fact_value(out, t, fact, &bundle.lang);
    out.push_str(close);
    cite::push_fact_marks(out, bundle, fact, t);
    out.push_str("</td></tr>");
}

/// Appends one header row of column names.
fn push_head(out: &mut String, t: &Locale, keys: [Key; 3]) {
    out.push_str("<thead><tr>");
    for (i, key) in keys.into_iter().enumerate() {
        out.push_str(if i == 1 {
            "<th scope=\"col\" class=\"n\">"
        } else {
            "<th scope=\"col\">"
        });
        t.push(out, key);
        out.push_str("</th>");
    }
    out.push_str("</tr></thead>");
}

/// Appends the tables: the map's figure for every country (largest first)
/// with the operation's total below, then every other figure of the
/// bundle, the whole operation's and then each country's, each with its
/// markers. Under 480 px the stylesheet lets the values wrap (`.ft .n`):
/// kept on one line, "more than 200,000 pills" took the room the figures'
/// names needed, which then broke letter by letter.
pub fn push_table(out: &mut String, bundle: &Bundle, t: &Locale) {
    let countries = by_value(bundle);
    let total = bundle.total(MAP_METRIC);
    if !countries.is_empty() || total.is_some() {
        out.push_str("<table class=\"ft ft-map\"><caption>");
        t.push(out, Key::TableCaption);
        out.push_str("</caption>");
        push_head(
            out,
            t,
            [Key::TableColCountry, Key::MetricArrests, Key::StaticColSources],
        );
        out.push_str("<tbody>");
        for (code, fact) in &countries {
            out.push_str("<tr data-c=\"");
            push_escaped(out, code);
            push_row_start(out, "\" data-fact=\"", fact, false);
            push_escaped(out, country_name(t, code));
            push_row_end(out, bundle, fact, t);
        }
        out.push_str("</tbody>");
        if let Some(total) = total {
            push_row_start(out, "<tfoot><tr data-fact=\"", total, false);
            t.push(out, Key::TableTotal);
            push_row_end(out, bundle, total, t);
            out.push_str("</tfoot>");
        }
        out.push_str("</table>");
    }

    // Every other figure, as the static version lists them: the whole
    // operation's, then each country's in a table captioned with its name
    // (the United States' firearms and pills, say), each in the panel's
    // order, a part naming the figure it belongs to, and the same sum in a
    // second currency in parentheses in the row below, under the same
    // row header: two rows named "Cash and crypto" read as two seizures.
    // Only the figures the first table shows are left out: every
    // country's arrests and the total (a second total, from another
    // source, is listed here).
    let mut scopes: Vec<Option<&str>> = Vec::new();
    scopes.push(None);
    for code in panel::countries(bundle) {
        scopes.push(Some(code));
    }
    for scope in scopes {
        // (figure, the whole it is part of, the same sum in a second currency)
        let mut rows: Vec<(&Fact, Option<&Fact>, Option<&Fact>)> = Vec::new();
        for row in panel::rows(bundle, scope) {
            let above = row.fact.metric == MAP_METRIC
                && (scope.is_some() || total.is_some_and(|total| core::ptr::eq(total, row.fact)));
            if !above {
                rows.push((row.fact, None, row.alt));
            } else if let Some(alt) = row.alt {
                rows.push((alt, None, None));
            }
            for part in &row.parts {
                rows.push((part, Some(row.fact), None));
            }
        }
        if rows.is_empty() {
            continue;
        }
        match scope {
            Some(code) => {
                out.push_str("<table class=\"ft ft-one\"><caption>");
                push_escaped(out, country_name(t, code));
            }
            None => {
                out.push_str("<table class=\"ft ft-all\"><caption>");
                t.push(out, Key::TableCaptionOperation);
            }
        }
        out.push_str("</caption>");
        push_head(
            out,
            t,
            [Key::StaticColFigure, Key::StaticColValue, Key::StaticColSources],
        );
        out.push_str("<tbody>");
        for (fact, whole, alt) in rows {
            push_row_start(out, "<tr data-fact=\"", fact, alt.is_some());
            labels::push_fact_name_in(out, t, fact, &bundle.lang);
            if let Some(whole) = whole {
                out.push_str(" <span class=\"ft-part\">(");
                let mut name = String::with_capacity(24);
                labels::push_fact_name_in(&mut name, t, whole, &bundle.lang);
                t.push_with(out, Key::StaticPartOf, &[("name", &name)]);
                out.push_str(")</span>");
            }
            push_row_end(out, bundle, fact, t);
            if let Some(alt) = alt {
                out.push_str("<tr data-fact=\"");
                push_escaped(out, &alt.id);
                push_cells(out, bundle, alt, "\"><td class=\"n\">(", ")</td><td>", t);
            }
        }
        out.push_str("</tbody></table>");
    }
}

/// Appends what the live region says for a selection, escaped: "Germany
/// selected: 52 arrests", "Poland selected" (no figure on the map), or
/// "Whole operation" for none.
pub fn push_announcement(out: &mut String, bundle: &Bundle, selected: Option<&str>, t: &Locale) {
    let Some(code) = selected.filter(|c| !c.is_empty()) else {
        t.push(out, Key::PanelWholeOperation);
        return;
    };
    let mut name = String::with_capacity(24);
    push_escaped(&mut name, country_name(t, code));
    match bundle.for_country(MAP_METRIC, code) {
        Some(fact) => {
            let mut arrests = String::with_capacity(32);
            push_arrests(&mut arrests, t, fact);
            t.push_with(out, Key::LiveSelected, &[("country", &name), ("arrests", &arrests)]);
        }
        None => t.push_with(out, Key::LiveSelectedPlain, &[("country", &name)]),
    }
}
