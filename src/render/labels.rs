//! The words the panel, citations and timeline show, in the reader's
//! language: metric and event names, units, money and dates. The words
//! themselves live in `i18n/<lang>.txt`; this file knows which key says
//! what and how the pieces fit together.
//!
//! All bundle text that passes through here is escaped.

use alloc::string::String;

use super::format::{push_number_in, push_qualified, push_qualifier_around};
use super::{close_lang, open_lang, push_in};
use crate::facts::{DateEntry, Fact, Qualifier};
use crate::i18n::{Key, Locale};
use crate::text::{capital, is_blank, parse_uint, push_escaped, push_uint, split_ascii};

/// The key of a metric the widget knows, e.g. `Key::MetricFirearmsSeized`.
pub fn standard_metric_key(metric: &str) -> Option<Key> {
    Some(match metric {
        "arrests" => Key::MetricArrests,
        "firearms_seized" => Key::MetricFirearmsSeized,
        "drugs_seized_kg" => Key::MetricDrugsSeizedKg,
        "fentanyl_seized_kg" => Key::MetricFentanylSeizedKg,
        "pills_seized" => Key::MetricPillsSeized,
        "cash_and_crypto_usd" | "cash_and_crypto_eur" => Key::MetricCashAndCrypto,
        "countries_involved" => Key::MetricCountriesInvolved,
        "lsd_and_ecstasy_seized_kg" => Key::MetricLsdAndEcstasySeizedKg,
        _ => return None,
    })
}

/// The English name of a metric the widget knows, e.g. "Firearms".
pub fn standard_metric_name(metric: &str) -> Option<&'static str> {
    standard_metric_key(metric).map(|key| Locale::english().text(key))
}

/// The drug named by a `<drug>_seized_kg` metric, if it is one.
pub fn drug_of(metric: &str) -> Option<&str> {
    metric.strip_suffix("_seized_kg").filter(|d| !d.is_empty())
}

/// Appends a metric's name: a standard name, a drug's name (translated
/// when `i18n/en.txt` has a `drug.<name>` key, else from the metric:
/// "crystal_meth" → "Crystal meth", MDMA and LSD in capitals), else the
/// bundle's label, else the metric with spaces for underscores, less a
/// last word that is its `unit` ("fines_usd" in USD → "Fines").
pub fn push_metric_name(out: &mut String, t: &Locale, metric: &str, unit: &str, label: Option<&str>) {
    if let Some(key) = standard_metric_key(metric) {
        t.push(out, key);
    } else if let Some(drug) = drug_of(metric) {
        match Key::drug(drug) {
            Some(key) => t.push(out, key),
            None => push_words(out, drug),
        }
    } else if let Some(label) = label.filter(|l| !is_blank(l)) {
        push_escaped(out, label);
    } else {
        push_words(out, without_unit(metric, unit));
    }
}

/// A metric without its last word where that word is its unit, in any
/// case: the value is written with its unit ("$5 million", "3 kg"), so
/// "Fines usd" or "Catch kg" would say it twice. A metric of one word
/// keeps it, so that it still has a name.
fn without_unit<'a>(metric: &'a str, unit: &str) -> &'a str {
    // Bytes, as `text.rs` splits, to keep the wasm small.
    let cut = metric.bytes().rposition(|b| b == b'_').unwrap_or_default();
    match (metric.get(..cut), metric.get(cut + 1..)) {
        (Some(words), Some(last)) if !words.is_empty() && last.eq_ignore_ascii_case(unit) => words,
        _ => metric,
    }
}

/// Appends a fact's name, e.g. "Fentanyl".
pub fn push_fact_name(out: &mut String, t: &Locale, fact: &Fact) {
    push_metric_name(out, t, &fact.metric, &fact.unit, fact.label.as_deref());
}

/// Appends a fact's name as element content: a name that comes from the
/// bundle (its label, or the words of its metric) is in the bundle's
/// language, `lang`, and marked so where the widget speaks another. The
/// widget's own language (`t.code()`) marks nothing, as an attribute
/// value, which cannot hold markup, needs.
pub fn push_fact_name_in(out: &mut String, t: &Locale, fact: &Fact, lang: &str) {
    let worded = standard_metric_key(&fact.metric).is_none() && drug_of(&fact.metric).and_then(Key::drug).is_none();
    let opened = worded && open_lang(out, t, lang);
    push_fact_name(out, t, fact);
    close_lang(out, opened);
}

/// The key of a standard dated event.
pub fn standard_event_key(event: &str) -> Option<Key> {
    Some(match event {
        "market_launch" => Key::EventMarketLaunch,
        "infrastructure_seized" => Key::EventInfrastructureSeized,
        "operation_start" => Key::EventOperationStart,
        "announcement" => Key::EventAnnouncement,
        _ => return None,
    })
}

/// Appends a date entry's name: the standard name, else its label, else
/// the event with spaces for underscores.
pub fn push_event_name(out: &mut String, t: &Locale, entry: &DateEntry) {
    if let Some(key) = standard_event_key(&entry.event) {
        t.push(out, key);
    } else if let Some(label) = entry.label.as_deref().filter(|l| !is_blank(l)) {
        push_escaped(out, label);
    } else {
        push_words(out, &entry.event);
    }
}

/// Appends a date entry's name as element content, a name from the bundle
/// marked with its language as `push_fact_name_in` does.
pub fn push_event_name_in(out: &mut String, t: &Locale, entry: &DateEntry, lang: &str) {
    let opened = standard_event_key(&entry.event).is_none() && open_lang(out, t, lang);
    push_event_name(out, t, entry);
    close_lang(out, opened);
}

/// Underscored words as a capitalised phrase, escaped: "crystal_meth" →
/// "Crystal meth"; "mdma" and "lsd" in capitals.
fn push_words(out: &mut String, snake: &str) {
    for (i, word) in split_ascii(snake, b'_').filter(|w| !w.is_empty()).enumerate() {
        if i > 0 {
            out.push(' ');
        }
        match word {
            "mdma" => out.push_str("MDMA"),
            "lsd" => out.push_str("LSD"),
            _ if i == 0 => {
                let mut chars = word.chars();
                if let Some(first) = chars.next() {
                    push_escaped(out, capital(first).encode_utf8(&mut [0; 4]));
                    push_escaped(out, chars.as_str());
                }
            }
            _ => push_escaped(out, word),
        }
    }
}

/// The money pattern keys of a currency unit: plain, millions, billions.
fn money_keys(unit: &str) -> Option<[Key; 3]> {
    Some(match unit {
        "USD" => [Key::MoneyUsd, Key::MoneyUsdMillion, Key::MoneyUsdBillion],
        "EUR" => [Key::MoneyEur, Key::MoneyEurMillion, Key::MoneyEurBillion],
        "GBP" => [Key::MoneyGbp, Key::MoneyGbpMillion, Key::MoneyGbpBillion],
        _ => return None,
    })
}

/// True for the units written as money.
pub fn is_money(unit: &str) -> bool {
    money_keys(unit).is_some()
}

/// Appends an amount of money in the language's pattern: "$53.4 million",
/// "53,4 Mio. US$", "53,4 millions de dollars US", "US$ 53,4 milhões",
/// "53,4 mln USD"; millions and billions keep one decimal. False for a
/// unit that is not money.
pub fn push_money(out: &mut String, t: &Locale, unit: &str, value: f64) -> bool {
    let Some([plain, million, billion]) = money_keys(unit) else {
        return false;
    };
    let scale = money_scale(value);
    let key = match scale as u32 {
        1_000_000_000 => billion,
        1_000_000 => million,
        _ => plain,
    };
    let scaled = value / scale;
    let mut n = String::with_capacity(16);
    push_number_in(&mut n, scaled, &t.number);
    t.push_plural(out, key, scaled, &[("n", &n)]);
    true
}

/// What an amount of money is written in: billions, millions or units.
fn money_scale(value: f64) -> f64 {
    if value.abs() >= 1e9 {
        1e9
    } else if value.abs() >= 1e6 {
        1e6
    } else {
        1.0
    }
}

/// The pattern key of a counted unit.
fn unit_key(unit: &str) -> Option<Key> {
    Some(match unit {
        "people" => Key::UnitPeople,
        "firearms" => Key::UnitFirearms,
        "pills" => Key::UnitPills,
        "countries" => Key::UnitCountries,
        "arrests" => Key::UnitArrests,
        "kg" => Key::UnitKg,
        _ => return None,
    })
}

/// Appends a value with its unit, no qualifier: "288 people", "850 kg",
/// "$53.4 million", "1 osoba", "5 osób", a no-break space between the
/// number and its unit. An unknown unit is written after the number: it
/// is the bundle's text, in the bundle's language `lang`, and marked so
/// where the widget speaks another (`t.code()` for an attribute value, as
/// for `push_fact_name_in`).
pub fn push_count(out: &mut String, t: &Locale, value: f64, unit: &str, lang: &str) {
    if push_money(out, t, unit, value) {
        return;
    }
    let mut n = String::with_capacity(16);
    push_number_in(&mut n, value, &t.number);
    match unit_key(unit) {
        Some(key) => t.push_plural(out, key, value, &[("n", &n)]),
        None => {
            out.push_str(&n);
            // A no-break space, as in the languages' unit patterns: a
            // line never ends between a number and its unit.
            out.push('\u{a0}');
            push_in(out, t, lang, unit);
        }
    }
}

/// Appends a value with its qualifier and unit as a reader reads it:
/// "288 people", "more than 200,000 pills", "more than $53.4 million",
/// "mehr als 53,4 Mio. US$"; a unit of the bundle's own in its `lang`
/// (see `push_count`).
pub fn push_amount(out: &mut String, t: &Locale, qualifier: Qualifier, value: f64, unit: &str, lang: &str) {
    let scale = if is_money(unit) { money_scale(value) } else { 1.0 };
    let (qualifier, value) = super::format::honest(qualifier, value, scale);
    let mut written = String::with_capacity(48);
    push_count(&mut written, t, value, unit, lang);
    push_qualifier_around(out, t, qualifier, &written);
}

/// Appends a fact's value, e.g. "more than 258 kg", a unit of the
/// bundle's own in its `lang` (see `push_count`).
pub fn push_fact_amount(out: &mut String, t: &Locale, fact: &Fact, lang: &str) {
    push_amount(out, t, fact.qualifier, fact.value, &fact.unit, lang);
}

/// Appends a fact's value for a table row that its name heads: the
/// number alone where the name already says what the unit counts
/// ("Firearms: 117", "Pills: more than 200,000", arrests under "Arrests"),
/// else with its unit ("850 kg", "$53.4 million", a unit of the bundle's
/// own in its `lang`). The repeated word ("Schusswaffen | 117
/// Schusswaffen") made the value column the widest.
pub fn push_fact_value(out: &mut String, t: &Locale, fact: &Fact, lang: &str) {
    // Keys, not strings: both lookups are in the wasm already.
    let says_unit = matches!(
        (standard_metric_key(&fact.metric), unit_key(&fact.unit)),
        (Some(Key::MetricArrests), Some(Key::UnitPeople | Key::UnitArrests))
            | (Some(Key::MetricFirearmsSeized), Some(Key::UnitFirearms))
            | (Some(Key::MetricPillsSeized), Some(Key::UnitPills))
            | (Some(Key::MetricCountriesInvolved), Some(Key::UnitCountries))
    );
    if says_unit {
        push_qualified(out, t, fact.qualifier, fact.value);
    } else {
        push_fact_amount(out, t, fact, lang);
    }
}

const MONTH_KEYS: [Key; 12] = [
    Key::Month1,
    Key::Month2,
    Key::Month3,
    Key::Month4,
    Key::Month5,
    Key::Month6,
    Key::Month7,
    Key::Month8,
    Key::Month9,
    Key::Month10,
    Key::Month11,
    Key::Month12,
];
const MONTH_DAY_KEYS: [Key; 12] = [
    Key::MonthDay1,
    Key::MonthDay2,
    Key::MonthDay3,
    Key::MonthDay4,
    Key::MonthDay5,
    Key::MonthDay6,
    Key::MonthDay7,
    Key::MonthDay8,
    Key::MonthDay9,
    Key::MonthDay10,
    Key::MonthDay11,
    Key::MonthDay12,
];

/// Appends a `YYYY`, `YYYY-MM` or `YYYY-MM-DD` date as read: "2019",
/// "December 2021", "2 May 2023"; "2. Mai 2023", "2 de mayo de 2023",
/// "2 maja 2023". Anything else is written as given.
pub fn push_date(out: &mut String, t: &Locale, date: &str) {
    let mut parts = split_ascii(date, b'-');
    let year = parts.next().unwrap_or_default();
    let month = parts.next().map(parse_uint);
    // The day is parsed as a `usize` like the month (validated dates keep
    // it below 32), by the crate's one integer parser.
    let day = parts.next().map(parse_uint);
    let extra = parts.next().is_some();
    let index = |m: Option<usize>| m.and_then(|m| m.checked_sub(1)).filter(|i| *i < 12);
    let mut y = String::with_capacity(8);
    push_escaped(&mut y, year);
    match (month, day, extra) {
        (None, None, false) => out.push_str(&y),
        (Some(m), None, false) if index(m).is_some() => {
            let key = index(m).and_then(|i| MONTH_KEYS.get(i)).copied().unwrap_or(Key::Month1);
            let mut name = String::with_capacity(16);
            t.push(&mut name, key);
            t.push_with(out, Key::DateMonth, &[("month", &name), ("y", &y)]);
        }
        (Some(m), Some(Some(d)), false) if index(m).is_some() && d > 0 => {
            let key = index(m)
                .and_then(|i| MONTH_DAY_KEYS.get(i))
                .copied()
                .unwrap_or(Key::MonthDay1);
            let mut name = String::with_capacity(16);
            t.push(&mut name, key);
            let mut day = String::with_capacity(4);
            push_uint(&mut day, d as u64);
            // A plural form lets French write "1er mai", Portuguese "1º de maio".
            t.push_plural(out, Key::DateDay, d as f64, &[("d", &day), ("month", &name), ("y", &y)]);
        }
        _ => push_escaped(out, date),
    }
}

/// Appends a `<time>` element for a bundle date.
pub fn push_time(out: &mut String, t: &Locale, date: &str) {
    out.push_str("<time datetime=\"");
    push_escaped(out, date);
    out.push_str("\">");
    push_date(out, t, date);
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

    fn en() -> &'static Locale {
        Locale::english()
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
            assert_eq!(s(|o| push_metric_name(o, en(), metric, "kg", None)), name);
        }
        assert_eq!(
            s(|o| push_metric_name(o, en(), "boats_sunk", "boats", Some("Boats <b>"))),
            "Boats &lt;b&gt;"
        );
        // A last word that is the unit says nothing the value does not.
        for (metric, unit, name) in [
            ("fines_usd", "USD", "Fines"),
            ("bail_paid_eur", "EUR", "Bail paid"),
            ("catch_kg", "kg", "Catch"),
            ("sunk_boats", "boats", "Sunk"),
            ("boats_sunk", "boats", "Boats sunk"),
            ("fines_usd", "EUR", "Fines usd"),
            ("usd", "USD", "Usd"),
            ("fines_usd", "US dollars", "Fines usd"),
        ] {
            assert_eq!(
                s(|o| push_metric_name(o, en(), metric, unit, None)),
                name,
                "{metric} in {unit}"
            );
        }
    }

    #[test]
    fn amounts_and_money() {
        let a = |q, v, u: &str| s(|o| push_amount(o, en(), q, v, u, "en"));
        // A no-break space holds each number to its unit.
        assert_eq!(
            a(Qualifier::MoreThan, 53_400_000.0, "USD"),
            "more than $53.4\u{a0}million"
        );
        assert_eq!(a(Qualifier::Exact, 53_000_000.0, "EUR"), "€53\u{a0}million");
        assert_eq!(a(Qualifier::Exact, 53_400_000.0, "USD"), "$53.4\u{a0}million");
        assert_eq!(
            a(Qualifier::MoreThan, 200_000.0, "pills"),
            "more than 200,000\u{a0}pills"
        );
        assert_eq!(a(Qualifier::Exact, 1.0, "people"), "1\u{a0}person");
        // Up to two decimals, as the source gives them: two figures a
        // disagreement sets side by side stay apart.
        assert_eq!(a(Qualifier::Exact, 26_750_000.0, "EUR"), "€26.75\u{a0}million");
        assert_eq!(a(Qualifier::Exact, 26_760_000.0, "EUR"), "€26.76\u{a0}million");
        assert_eq!(a(Qualifier::MoreThan, 0.05, "kg"), "more than 0.05\u{a0}kg");
        // What two decimals cannot hold is said to be rounded, or rounded
        // the way that keeps the sentence true.
        assert_eq!(a(Qualifier::Exact, 26_751_234.0, "EUR"), "about €26.75\u{a0}million");
        assert_eq!(a(Qualifier::Exact, 1_999_999_999.0, "USD"), "about $2\u{a0}billion");
        assert_eq!(
            a(Qualifier::MoreThan, 53_456_000.0, "USD"),
            "more than $53.45\u{a0}million"
        );
        assert_eq!(a(Qualifier::AtLeast, 0.125, "kg"), "at least 0.12\u{a0}kg");
        assert_eq!(a(Qualifier::Nearly, 0.125, "kg"), "nearly 0.13\u{a0}kg");
        assert_eq!(a(Qualifier::About, 64.355, "kg"), "about 64.36\u{a0}kg");
        assert_eq!(a(Qualifier::Exact, 3.0, "<b>"), "3\u{a0}&lt;b&gt;");
    }

    #[test]
    fn dates() {
        let d = |date| s(|o| push_date(o, en(), date));
        assert_eq!(d("2019"), "2019");
        assert_eq!(d("2021-12"), "December 2021");
        assert_eq!(d("2023-05-02"), "2 May 2023");
        assert_eq!(d("2023-13"), "2023-13");
        assert_eq!(d("2023-00-01"), "2023-00-01");
    }
}
