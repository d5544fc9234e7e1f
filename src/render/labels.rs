//! Every English word the panel, citations and timeline show: metric and
//! event names, unit words, money, dates and the fixed phrases. Kept in one
//! file so that a translation replaces this file and nothing else.
//!
//! All bundle text that passes through here is escaped.

use super::format::{push_number, qualifier_prefix};
use crate::facts::{DateEntry, Fact, Qualifier};
use crate::text::{push_escaped, push_uint};

// Fixed phrases.
pub const WHOLE_OPERATION: &str = "Whole operation";
pub const BREAKDOWN: &str = "Breakdown";
pub const CHOOSE_COUNTRY: &str = "Show one country";
pub const BACK_TO_ALL: &str = "Back to the whole operation";
/// "No source gives seizure figures for " + country + ".".
pub const NO_SEIZURES_BEFORE: &str = "No source gives seizure figures for ";
/// "No source gives figures for " + country + ".".
pub const NO_FIGURES_BEFORE: &str = "No source gives figures for ";
pub const SENTENCE_END: &str = ".";
pub const INCLUDING: &str = "Including";
pub const PARTS_NOTE: &str = "Only the kinds the sources name; the rest of the total is not broken down.";
pub const SOURCES: &str = "Sources";
pub const SOURCES_FOR: &str = "Sources for ";
pub const SOURCES_DIFFER: &str = "sources differ";
pub const SOURCES_DIFFER_ON: &str = "Sources differ on ";
pub const SHOWN: &str = "shown";
pub const WHY_SHOWN: &str = "Why this figure is shown: ";
pub const TIMELINE: &str = "Timeline";
pub const ADDRESS_NOT_CONFIRMED: &str = "(address not confirmed)";
pub const PRIMARY_SOURCE: &str = "primary source";
pub const REPORTING: &str = "reporting";
pub const CLOSE: &str = "Close";
pub const LIST_SEPARATOR: &str = "; ";
pub const NAME_SEPARATOR: &str = ": ";
pub const GET_THE_DATA: &str = "Get the data";
pub const DOWNLOAD_CSV: &str = "Figures as CSV";
pub const DOWNLOAD_JSON: &str = "Facts bundle as JSON";
/// Before a bundle warning shown to readers.
pub const NOTE: &str = "Note: ";

const MONTHS: [&str; 12] = [
    "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
    "November", "December",
];

/// The name of a metric the widget knows, e.g. "Firearms".
pub fn standard_metric_name(metric: &str) -> Option<&'static str> {
    Some(match metric {
        "arrests" => "Arrests",
        "firearms_seized" => "Firearms",
        "drugs_seized_kg" => "Drugs",
        "fentanyl_seized_kg" => "Fentanyl",
        "pills_seized" => "Pills",
        "cash_and_crypto_usd" | "cash_and_crypto_eur" => "Cash and crypto",
        "countries_involved" => "Countries",
        "lsd_and_ecstasy_seized_kg" => "LSD and ecstasy pills",
        _ => return None,
    })
}

/// The drug named by a `<drug>_seized_kg` metric, if it is one.
pub fn drug_of(metric: &str) -> Option<&str> {
    metric.strip_suffix("_seized_kg").filter(|d| !d.is_empty())
}

/// Appends a metric's name: a standard name, a drug's name from the metric
/// ("amphetamines_seized_kg" → "Amphetamines", MDMA and LSD in capitals),
/// else the bundle's label, else the metric with spaces for underscores.
pub fn push_metric_name(out: &mut String, metric: &str, label: Option<&str>) {
    if let Some(name) = standard_metric_name(metric) {
        out.push_str(name);
    } else if let Some(drug) = drug_of(metric) {
        push_words(out, drug);
    } else if let Some(label) = label.filter(|l| !l.trim().is_empty()) {
        push_escaped(out, label);
    } else {
        push_words(out, metric);
    }
}

/// Appends a fact's name, e.g. "Fentanyl".
pub fn push_fact_name(out: &mut String, fact: &Fact) {
    push_metric_name(out, &fact.metric, fact.label.as_deref());
}

/// The name of a standard dated event.
pub fn standard_event_name(event: &str) -> Option<&'static str> {
    Some(match event {
        "market_launch" => "Market launched",
        "infrastructure_seized" => "Infrastructure seized",
        "operation_start" => "Operation began",
        "announcement" => "Announced",
        _ => return None,
    })
}

/// Appends a date entry's name: the standard name, else its label, else
/// the event with spaces for underscores.
pub fn push_event_name(out: &mut String, entry: &DateEntry) {
    if let Some(name) = standard_event_name(&entry.event) {
        out.push_str(name);
    } else if let Some(label) = entry.label.as_deref().filter(|l| !l.trim().is_empty()) {
        push_escaped(out, label);
    } else {
        push_words(out, &entry.event);
    }
}

/// Underscored words as a capitalised phrase, escaped: "crystal_meth" →
/// "Crystal meth"; "mdma" and "lsd" in capitals.
fn push_words(out: &mut String, snake: &str) {
    for (i, word) in snake.split('_').filter(|w| !w.is_empty()).enumerate() {
        if i > 0 {
            out.push(' ');
        }
        match word {
            "mdma" => out.push_str("MDMA"),
            "lsd" => out.push_str("LSD"),
            _ if i == 0 => {
                let mut chars = word.chars();
                if let Some(first) = chars.next() {
                    let mut head = String::new();
                    head.extend(first.to_uppercase());
                    push_escaped(out, &head);
                    push_escaped(out, chars.as_str());
                }
            }
            _ => push_escaped(out, word),
        }
    }
}

/// The currency sign written before an amount, for the money units.
pub fn currency_sign(unit: &str) -> Option<&'static str> {
    Some(match unit {
        "USD" => "$",
        "EUR" => "€",
        "GBP" => "£",
        _ => return None,
    })
}

/// True for the units written as money.
pub fn is_money(unit: &str) -> bool {
    currency_sign(unit).is_some()
}

/// Appends an amount of money: "$53.4 million", "€50.8 million",
/// "$1.2 billion", "$950,000". Millions and billions keep one decimal.
pub fn push_money(out: &mut String, sign: &str, value: f64) {
    out.push_str(sign);
    if value >= 1e9 {
        push_number(out, value / 1e9);
        out.push_str(" billion");
    } else if value >= 1e6 {
        push_number(out, value / 1e6);
        out.push_str(" million");
    } else {
        push_number(out, value);
    }
}

/// The word after a count, singular for exactly one.
fn unit_word(unit: &str, value: f64) -> Option<&'static str> {
    let one = value == 1.0;
    Some(match unit {
        "people" => {
            if one {
                "person"
            } else {
                "people"
            }
        }
        "firearms" => {
            if one {
                "firearm"
            } else {
                "firearms"
            }
        }
        "pills" => {
            if one {
                "pill"
            } else {
                "pills"
            }
        }
        "countries" => {
            if one {
                "country"
            } else {
                "countries"
            }
        }
        "kg" => "kg",
        _ => return None,
    })
}

/// Appends a value with its qualifier and unit as a reader reads it:
/// "288 people", "850 kg", "more than 200,000 pills",
/// "more than $53.4 million". An unknown unit is written after the number.
pub fn push_amount(out: &mut String, qualifier: Qualifier, value: f64, unit: &str) {
    out.push_str(qualifier_prefix(qualifier));
    if let Some(sign) = currency_sign(unit) {
        push_money(out, sign, value);
        return;
    }
    push_number(out, value);
    out.push(' ');
    match unit_word(unit, value) {
        Some(word) => out.push_str(word),
        None => push_escaped(out, unit),
    }
}

/// Appends a fact's value, e.g. "more than 258 kg".
pub fn push_fact_amount(out: &mut String, fact: &Fact) {
    push_amount(out, fact.qualifier, fact.value, &fact.unit);
}

/// Appends a `YYYY`, `YYYY-MM` or `YYYY-MM-DD` date as read: "2019",
/// "December 2021", "2 May 2023". Anything else is written as given.
pub fn push_date(out: &mut String, date: &str) {
    let mut parts = date.split('-');
    let year = parts.next().unwrap_or_default();
    let month = parts.next().map(|m| m.parse::<usize>().ok());
    let day = parts.next().map(|d| d.parse::<u64>().ok());
    let extra = parts.next().is_some();
    let month_name = |m: Option<usize>| m.and_then(|m| m.checked_sub(1)).and_then(|i| MONTHS.get(i));
    match (month, day, extra) {
        (None, None, false) => push_escaped(out, year),
        (Some(m), None, false) if month_name(m).is_some() => {
            if let Some(name) = month_name(m) {
                out.push_str(name);
                out.push(' ');
                push_escaped(out, year);
            }
        }
        (Some(m), Some(Some(d)), false) if month_name(m).is_some() && d > 0 => {
            if let Some(name) = month_name(m) {
                push_uint(out, d);
                out.push(' ');
                out.push_str(name);
                out.push(' ');
                push_escaped(out, year);
            }
        }
        _ => push_escaped(out, date),
    }
}

/// Appends a `<time>` element for a bundle date.
pub fn push_time(out: &mut String, date: &str) {
    out.push_str("<time datetime=\"");
    push_escaped(out, date);
    out.push_str("\">");
    push_date(out, date);
    out.push_str("</time>");
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(f: impl FnOnce(&mut String)) -> String {
        let mut out = String::new();
        f(&mut out);
        out
    }

    #[test]
    fn metric_names() {
        for (metric, name) in [
            ("arrests", "Arrests"),
            ("amphetamines_seized_kg", "Amphetamines"),
            ("mdma_seized_kg", "MDMA"),
            ("lsd_and_ecstasy_seized_kg", "LSD and ecstasy pills"),
            ("crystal_meth_seized_kg", "Crystal meth"),
            ("boats_sunk", "Boats sunk"),
        ] {
            assert_eq!(s(|o| push_metric_name(o, metric, None)), name);
        }
        assert_eq!(s(|o| push_metric_name(o, "boats_sunk", Some("Boats <b>"))), "Boats &lt;b&gt;");
    }

    #[test]
    fn amounts_and_money() {
        assert_eq!(s(|o| push_amount(o, Qualifier::MoreThan, 53_400_000.0, "USD")), "more than $53.4 million");
        assert_eq!(s(|o| push_amount(o, Qualifier::Exact, 53_000_000.0, "EUR")), "€53 million");
        assert_eq!(s(|o| push_amount(o, Qualifier::Exact, 1_250_000_000.0, "USD")), "$1.3 billion");
        assert_eq!(s(|o| push_amount(o, Qualifier::MoreThan, 200_000.0, "pills")), "more than 200,000 pills");
        assert_eq!(s(|o| push_amount(o, Qualifier::Exact, 1.0, "people")), "1 person");
        assert_eq!(s(|o| push_amount(o, Qualifier::Exact, 3.0, "<b>")), "3 &lt;b&gt;");
    }

    #[test]
    fn dates() {
        assert_eq!(s(|o| push_date(o, "2019")), "2019");
        assert_eq!(s(|o| push_date(o, "2021-12")), "December 2021");
        assert_eq!(s(|o| push_date(o, "2023-05-02")), "2 May 2023");
        assert_eq!(s(|o| push_date(o, "2023-13")), "2023-13");
    }
}
