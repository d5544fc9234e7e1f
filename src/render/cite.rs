//! Citations: the marker buttons after each figure ("[1,3]"), their
//! popovers with each source and its verbatim quote, the "sources differ"
//! marks and their popovers, and the numbered list of sources.
//!
//! A source's number is its position in `Bundle::sources` plus one, so a
//! marker, a popover and the Sources list always agree.

use alloc::string::String;
use alloc::vec::Vec;

use super::map::country_name;
use super::{labels, push_in};
use crate::facts::{Bundle, Citation, ClaimValue, DateEntry, Disagreement, Fact, Scope, Source, SourceKind};
use crate::i18n::{Key, Locale};
use crate::text::{push_escaped, push_uint};

/// A fact or a date: the two things that carry citations.
#[derive(Debug, Clone, Copy)]
pub enum Item<'a> {
    Fact(&'a Fact),
    Date(&'a DateEntry),
}

impl<'a> Item<'a> {
    /// The fact or date with this id (they share one namespace).
    pub fn find(bundle: &'a Bundle, id: &str) -> Option<Item<'a>> {
        if let Some(f) = bundle.facts.iter().find(|f| f.id == id) {
            return Some(Item::Fact(f));
        }
        bundle.dates.iter().find(|d| d.id == id).map(Item::Date)
    }

    pub fn id(&self) -> &'a str {
        match self {
            Item::Fact(f) => &f.id,
            Item::Date(d) => &d.id,
        }
    }

    pub fn citations(&self) -> &'a [Citation] {
        match self {
            Item::Fact(f) => &f.citations,
            Item::Date(d) => &d.citations,
        }
    }

    pub fn disagreement(&self) -> Option<&'a Disagreement> {
        match self {
            Item::Fact(f) => f.disagreement.as_ref(),
            Item::Date(d) => d.disagreement.as_ref(),
        }
    }

    /// Appends the item's name: "Firearms", "Arrests (United States)",
    /// "Market launched", a country by its name in the widget's language
    /// (a screen reader spells a code out letter by letter); a name from
    /// the bundle marked with its language `lang` where the widget speaks
    /// another (`t.code()` for an attribute value, which marks nothing;
    /// see `labels::push_fact_name_in`).
    pub fn push_name(&self, out: &mut String, t: &Locale, lang: &str) {
        match self {
            Item::Fact(f) => {
                labels::push_fact_name_in(out, t, f, lang);
                if let Scope::Country(code) = &f.scope {
                    out.push_str(" (");
                    push_escaped(out, country_name(t, code));
                    out.push(')');
                }
            }
            Item::Date(d) => labels::push_event_name_in(out, t, d, lang),
        }
    }

    /// Appends the name of the item's buttons (its marker and its "sources
    /// differ" mark), for an attribute value: its name and, for money, the
    /// amount, "Cash and crypto (more than €50.8 million)", as the same
    /// figure in dollars and in euros share the metric's name.
    fn push_button_name(&self, out: &mut String, t: &Locale) {
        self.push_name(out, t, t.code());
        if let Item::Fact(f) = self {
            if labels::is_money(&f.unit) {
                out.push_str(" (");
                labels::push_fact_amount(out, t, f, t.code());
                out.push(')');
            }
        }
    }

    /// Appends the value the widget shows: "117 firearms", "December 2021";
    /// a unit of the bundle's own marked with its language `lang`.
    pub fn push_shown_value(&self, out: &mut String, t: &Locale, lang: &str) {
        match self {
            Item::Fact(f) => labels::push_fact_amount(out, t, f, lang),
            Item::Date(d) => labels::push_date(out, t, &d.date),
        }
    }
}

/// The distinct source indexes of some citations, in ascending order:
/// the cited sources and the agencies their words attribute figures to.
pub fn source_indexes(citations: &[Citation]) -> Vec<usize> {
    // Each round takes the smallest index above the last one taken: a
    // handful of comparisons for a fact's few citations, and smaller in
    // the wasm than sorting by insertion into the vector.
    let mut v: Vec<usize> = Vec::with_capacity(citations.len());
    let mut last: Option<usize> = None;
    loop {
        let mut next: Option<usize> = None;
        let mut consider = |s: usize| {
            if last.map_or(true, |l| s > l) && next.map_or(true, |n| s < n) {
                next = Some(s);
            }
        };
        // Plain calls: `Citation::sources` in a `flat_map`, here and in
        // `export` and the credits, cost the wasm 0.5 KB of iterator code.
        for c in citations {
            consider(c.source);
            if let Some(a) = c.attributed_to {
                consider(a);
            }
        }
        let Some(n) = next else { return v };
        v.push(n);
        last = Some(n);
    }
}

/// Appends "[1,3]": the sources' numbers.
pub fn push_numbers(out: &mut String, indexes: &[usize]) {
    push_numbers_with(out, indexes, ",");
}

/// Appends the sources' numbers with `comma` between them.
fn push_numbers_with(out: &mut String, indexes: &[usize], comma: &str) {
    out.push('[');
    for (i, n) in indexes.iter().enumerate() {
        if i > 0 {
            out.push_str(comma);
        }
        push_uint(out, *n as u64 + 1);
    }
    out.push(']');
}

/// Appends the citation marker button for a fact or date with its own
/// citations: `<button type="button" class="cite" data-cite="id"
/// aria-label="[1,3] Sources for Firearms: Europol; New York Daily News">[1,<wbr>3]</button>`
/// (money with its amount: `push_button_name`).
pub fn push_item_marker(out: &mut String, bundle: &Bundle, item: Item<'_>, t: &Locale) {
    let indexes = source_indexes(item.citations());
    out.push_str("<button type=\"button\" class=\"cite\" data-cite=\"");
    push_escaped(out, item.id());
    // The name starts with the visible numbers (WCAG 2.5.3, label in
    // name): "[1,3] Sources for Firearms: Europol; …".
    out.push_str("\" aria-expanded=\"false\" aria-label=\"");
    push_numbers(out, &indexes);
    out.push(' ');
    let mut name = String::with_capacity(32);
    item.push_button_name(&mut name, t);
    t.push_with(out, Key::CiteSourcesFor, &[("name", &name)]);
    t.push(out, Key::PunctName);
    let mut named: Vec<&str> = Vec::new();
    for source in indexes.iter().filter_map(|i| bundle.source(*i)) {
        if named.contains(&source.publisher.as_str()) {
            continue;
        }
        if !named.is_empty() {
            t.push(out, Key::PunctList);
        }
        push_escaped(out, &source.publisher);
        named.push(&source.publisher);
    }
    // The visible numbers may break after a comma ("[2,4,5,/6,8]"): kept
    // whole, a marker was the widest thing in a narrow table's column.
    out.push_str("\">");
    push_numbers_with(out, &indexes, ",<wbr>");
    out.push_str("</button>");
}

/// Appends a source's publisher (in the bundle's language, `lang`), title
/// (a link only when its address is confirmed), date and, for an
/// unconfirmed address, the address as text.
fn push_source_line(out: &mut String, source: &Source, lang: &str, t: &Locale) {
    out.push_str("<span class=\"src-pub\">");
    push_in(out, t, lang, &source.publisher);
    // The title is in the source's language, as its quotes are.
    out.push_str("</span>, <cite class=\"src-title\" lang=\"");
    push_escaped(out, &source.lang);
    out.push_str("\">");
    push_title(out, source, " target=\"_blank\"");
    out.push_str("</cite>, ");
    labels::push_time(out, t, &source.date);
    if let (Some(url), false) = (&source.url, source.url_confirmed) {
        out.push_str(" <span class=\"src-url\">");
        push_escaped(out, url);
        out.push_str("</span> <span class=\"src-note\">");
        t.push(out, Key::CiteAddressNotConfirmed);
        out.push_str("</span>");
    }
}

/// Appends a source's title, escaped: a link to its address only when the
/// address is confirmed, with `attributes` (each with a leading space)
/// before `rel`. The model holds only http(s) addresses (`validate`), so
/// no other scheme can become a link here.
pub(crate) fn push_title(out: &mut String, source: &Source, attributes: &str) {
    match (&source.url, source.url_confirmed) {
        (Some(url), true) => {
            out.push_str("<a href=\"");
            push_escaped(out, url);
            out.push('"');
            out.push_str(attributes);
            out.push_str(" rel=\"noopener noreferrer\">");
            push_escaped(out, &source.title);
            out.push_str("</a>");
        }
        _ => push_escaped(out, &source.title),
    }
}

/// Appends the popover's close button.
fn push_close(out: &mut String, t: &Locale) {
    out.push_str("<button type=\"button\" class=\"pop-close\" data-close=\"\" aria-label=\"");
    t.push(out, Key::CiteClose);
    out.push_str("\">×</button>");
}

/// Opens a popover: `<div class="pop {class}" role="dialog"
/// data-for="id" aria-label="{title}">` and its title, from the pattern
/// `title_key` with the item's name (in the visible title, a name from the
/// bundle is marked with the bundle's language `lang`).
fn open_popover(out: &mut String, class: &str, title_key: Key, item: Item<'_>, lang: &str, t: &Locale) {
    let title = |out: &mut String, lang: &str| {
        let mut name = String::new();
        item.push_name(&mut name, t, lang);
        t.push_with(out, title_key, &[("name", &name)]);
    };
    out.push_str("<div class=\"pop ");
    out.push_str(class);
    out.push_str("\" role=\"dialog\" data-for=\"");
    push_escaped(out, item.id());
    out.push_str("\" aria-label=\"");
    title(out, t.code());
    out.push_str("\">");
    push_close(out, t);
    out.push_str("<p class=\"pop-title\">");
    title(out, lang);
    out.push_str("</p>");
}

/// Appends the popover for the citation marker (`differ` false) or the
/// "sources differ" mark (`differ` true) of the fact or date `id`. False
/// (nothing written) for an unknown id, or for a mark on an item whose
/// sources agree. One function finds the item and opens the popover for
/// both kinds, so the wasm has one copy of each.
pub fn push_popover(out: &mut String, bundle: &Bundle, id: &str, differ: bool, t: &Locale) -> bool {
    let Some(item) = Item::find(bundle, id) else {
        return false;
    };
    // The disagreement, for a mark; `None` for a marker.
    let disagreement = item.disagreement().filter(|_| differ);
    if differ && disagreement.is_none() {
        return false;
    }
    let (class, title_key) = match disagreement {
        Some(_) => ("pop-differ", Key::CiteSourcesDifferOn),
        None => ("pop-cite", Key::CiteSourcesFor),
    };
    open_popover(out, class, title_key, item, &bundle.lang, t);
    match disagreement {
        Some(disagreement) => push_claims(out, bundle, item, disagreement, t),
        None => push_citations(out, bundle, item, t),
    }
    true
}

/// Appends `before` and "citing Europol [1]" for a citation whose words
/// attribute the figure to an agency and returns true; nothing and false
/// otherwise.
pub(crate) fn push_citing(out: &mut String, bundle: &Bundle, c: &Citation, t: &Locale, before: &str) -> bool {
    let Some((index, agency)) = c.attributed_to.and_then(|a| Some((a, bundle.source(a)?))) else {
        return false;
    };
    out.push_str(before);
    push_citing_words(out, bundle, agency, t);
    out.push(' ');
    push_numbers(out, &[index]);
    true
}

/// Appends "citing Europol": the agency's name, in the bundle's language,
/// in the reader's words. The widget and the static version (whose
/// reference is a link) each add the agency's number after it.
pub(crate) fn push_citing_words(out: &mut String, bundle: &Bundle, agency: &Source, t: &Locale) {
    let mut name = String::with_capacity(agency.publisher.len());
    push_in(&mut name, t, &bundle.lang, &agency.publisher);
    t.push_with(out, Key::CiteCiting, &[("name", &name)]);
}

/// Appends the citation popover's body: one entry per source, numbered as
/// in the Sources list, with every quote taken from it in a
/// `<blockquote lang>` (after "citing Europol [1]:" where its words
/// attribute the figure to an agency), and under an agency the sources
/// that attribute the figure to it; then closes the popover.
fn push_citations(out: &mut String, bundle: &Bundle, item: Item<'_>, t: &Locale) {
    out.push_str("<ul class=\"cites\">");
    let cites = item.citations();
    let all = source_indexes(cites);
    for &index in &all {
        let Some(source) = bundle.source(index) else { continue };
        out.push_str("<li><span class=\"src-n\">");
        push_numbers(out, &[index]);
        out.push_str("</span> ");
        push_source_line(out, source, &bundle.lang, t);
        for c in cites.iter().filter(|c| c.source == index) {
            if push_citing(out, bundle, c, t, "<p class=\"via\">") {
                t.push(out, Key::PunctName);
                out.push_str("</p>");
            }
            out.push_str("<blockquote lang=\"");
            push_escaped(out, &source.lang);
            out.push_str("\">");
            push_escaped(out, &c.quote);
            out.push_str("</blockquote>");
        }
        // The sources whose words attribute the figure to this one.
        let mut by: Vec<usize> = Vec::new();
        for &s in &all {
            if s != index && cites.iter().any(|c| c.source == s && c.attributed_to == Some(index)) {
                by.push(s);
            }
        }
        if !by.is_empty() {
            let mut refs = String::new();
            push_numbers(&mut refs, &by);
            out.push_str("<p class=\"via\">");
            t.push_with(out, Key::CiteCitedBy, &[("refs", &refs)]);
            out.push_str("</p>");
        }
        out.push_str("</li>");
    }
    out.push_str("</ul></div>");
}

/// Appends the "sources differ" button for an item with a disagreement;
/// writes nothing and returns false otherwise.
pub fn push_item_differ_mark(out: &mut String, item: Item<'_>, t: &Locale) -> bool {
    if item.disagreement().is_none() {
        return false;
    }
    out.push_str("<button type=\"button\" class=\"differ\" data-differ=\"");
    push_escaped(out, item.id());
    out.push_str("\" aria-expanded=\"false\" aria-label=\"");
    let mut name = String::with_capacity(32);
    item.push_button_name(&mut name, t);
    t.push_with(out, Key::CiteSourcesDifferOn, &[("name", &name)]);
    out.push_str("\">");
    t.push(out, Key::CiteSourcesDiffer);
    out.push_str("</button>");
    true
}

/// Appends the "sources differ" button for a fact with a disagreement.
pub fn push_differ_mark(out: &mut String, fact: &Fact, t: &Locale) -> bool {
    push_item_differ_mark(out, Item::Fact(fact), t)
}

/// Appends a fact's markers: its citation marker and, where sources
/// disagree, its "sources differ" mark (the panel's and the table's).
pub fn push_fact_marks(out: &mut String, bundle: &Bundle, fact: &Fact, t: &Locale) {
    push_item_marker(out, bundle, Item::Fact(fact), t);
    push_differ_mark(out, fact, t);
}

/// Appends the "sources differ" button for a date with a disagreement.
pub fn push_date_differ_mark(out: &mut String, entry: &DateEntry, t: &Locale) -> bool {
    push_item_differ_mark(out, Item::Date(entry), t)
}

/// Appends one claimed value's sources: "[7] Publisher: “quote”" each, or
/// "[7] Publisher, citing Europol [1]: “quote”".
fn push_claim_sources(out: &mut String, bundle: &Bundle, citations: &[Citation], t: &Locale) {
    out.push_str("<ul class=\"claim-src\">");
    for c in citations {
        let Some(source) = bundle.source(c.source) else {
            continue;
        };
        out.push_str("<li><span class=\"src-n\">");
        push_numbers(out, &[c.source]);
        out.push_str("</span> <span class=\"src-pub\">");
        push_in(out, t, &bundle.lang, &source.publisher);
        out.push_str("</span>");
        push_citing(out, bundle, c, t, ", ");
        t.push(out, Key::PunctName);
        out.push_str("<q lang=\"");
        push_escaped(out, &source.lang);
        out.push_str("\">");
        push_escaped(out, &c.quote);
        out.push_str("</q></li>");
    }
    out.push_str("</ul>");
}

/// Appends the disagreement popover's body: the value shown with its
/// sources, every other claimed value with its qualifier, unit and
/// sources, and the reason for showing the one shown; then closes the
/// popover.
fn push_claims(out: &mut String, bundle: &Bundle, item: Item<'_>, d: &Disagreement, t: &Locale) {
    out.push_str("<ul class=\"claims\"><li class=\"claim claim-shown\"><span class=\"claim-value\">");
    item.push_shown_value(out, t, &bundle.lang);
    out.push_str("</span> <span class=\"claim-tag\">(");
    t.push(out, Key::CiteShown);
    out.push_str(")</span>");
    push_claim_sources(out, bundle, item.citations(), t);
    out.push_str("</li>");
    for claim in &d.claims {
        out.push_str("<li class=\"claim\"><span class=\"claim-value\">");
        match (&claim.value, item) {
            (ClaimValue::Number(v), Item::Fact(f)) => {
                labels::push_amount(out, t, claim.qualifier, *v, &f.unit, &bundle.lang)
            }
            (ClaimValue::Number(v), Item::Date(_)) => super::format::push_qualified(out, t, claim.qualifier, *v),
            (ClaimValue::Date(date), _) => labels::push_date(out, t, date),
        }
        out.push_str("</span>");
        push_claim_sources(out, bundle, &claim.citations, t);
        out.push_str("</li>");
    }
    out.push_str("</ul><p class=\"reason\"><b>");
    t.push(out, Key::CiteWhyShown);
    out.push_str("</b> ");
    push_in(out, t, &bundle.lang, &d.reason);
    out.push_str("</p></div>");
}

/// Appends the Sources section: every source once, in bundle order, so the
/// `<ol>`'s numbers are the markers' numbers.
pub fn push_sources(out: &mut String, bundle: &Bundle, t: &Locale) {
    out.push_str("<section class=\"sources\"><h3 class=\"sources-title\">");
    t.push(out, Key::SourcesTitle);
    out.push_str("</h3><ol class=\"src-list\">");
    for (i, source) in bundle.sources.iter().enumerate() {
        out.push_str("<li value=\"");
        push_uint(out, i as u64 + 1);
        out.push_str("\" data-src=\"");
        push_escaped(out, &source.id);
        out.push_str("\">");
        push_source_line(out, source, &bundle.lang, t);
        out.push_str(". <span class=\"src-kind\">");
        t.push(
            out,
            match source.kind {
                SourceKind::Primary => Key::CitePrimary,
                SourceKind::Secondary => Key::CiteReporting,
            },
        );
        out.push_str("</span></li>");
    }
    out.push_str("</ol></section>");
}
