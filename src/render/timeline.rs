//! The bundle's dated events as a short chronological list, each with its
//! citation marker and, where sources disagree, a "sources differ" mark.

use alloc::string::String;
use alloc::vec::Vec;

use super::cite::{self, Item};
use super::labels;
use crate::facts::{Bundle, DateEntry};
use crate::i18n::{Key, Locale};
use crate::text::push_escaped;

/// The bundle's dates in chronological order. Dates are `YYYY`, `YYYY-MM`
/// or `YYYY-MM-DD`, so text order is time order (a bare year comes before
/// its months); entries on the same date keep bundle order.
pub fn chronological(bundle: &Bundle) -> Vec<&DateEntry> {
    let mut dates: Vec<&DateEntry> = Vec::with_capacity(bundle.dates.len());
    for entry in &bundle.dates {
        crate::sort::insert_stably(&mut dates, entry, |o| o.date <= entry.date);
    }
    dates
}

/// Appends the timeline section; nothing when the bundle has no dates.
pub fn push_timeline(out: &mut String, bundle: &Bundle, t: &Locale) {
    if bundle.dates.is_empty() {
        return;
    }
    out.push_str("<section class=\"timeline\"><h3 class=\"tl-title\">");
    t.push(out, Key::TimelineTitle);
    out.push_str("</h3><ol class=\"tl\">");
    for entry in chronological(bundle) {
        out.push_str("<li class=\"tl-item\" data-date=\"");
        push_escaped(out, &entry.id);
        out.push_str("\">");
        labels::push_time(out, t, &entry.date);
        out.push_str(" <span class=\"tl-event\">");
        labels::push_event_name_in(out, t, entry, &bundle.lang);
        out.push_str("</span> ");
        cite::push_item_marker(out, bundle, Item::Date(entry), t);
        cite::push_date_differ_mark(out, entry, t);
        out.push_str("</li>");
    }
    out.push_str("</ol></section>");
}
