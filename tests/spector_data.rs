//! The shipped bundle's facts, checked against what their quotes say: the
//! rules the validator cannot know (it checks shape and references, not
//! meaning).
#![cfg(not(target_arch = "wasm32"))]

use spector_widget::facts::{parse_json, Bundle, Citation, EMBEDDED_JSON};

fn spector() -> Bundle {
    parse_json(EMBEDDED_JSON).unwrap()
}

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

#[test]
fn a_dated_events_quotes_each_state_its_date_as_precisely_as_it_is_shown() {
    // "December 2021" may only cite words that say December 2021: "in
    // 2021" or "gone offline in late 2021" do not. (A full date, the
    // announcement's, is the day the cited releases and reports came out,
    // so their words need not repeat it.)
    let bundle = spector();
    let mut checked = 0;
    for entry in bundle.dates.iter().filter(|d| d.date.len() < 10) {
        let year = &entry.date[..4];
        let month = entry.date.get(5..7).map(|m| MONTHS[m.parse::<usize>().unwrap() - 1]);
        for c in &entry.citations {
            let source = &bundle.sources[c.source].id;
            assert!(
                c.quote.contains(year),
                "{}: {source}'s quote has no {year}: {}",
                entry.id,
                c.quote
            );
            if let Some(month) = month {
                assert!(
                    c.quote.contains(&format!("{month} {year}")),
                    "{}: {source}'s quote does not say {month} {year}: {}",
                    entry.id,
                    c.quote
                );
            }
            checked += 1;
        }
    }
    assert!(checked >= 3, "{checked}");
}

#[test]
fn every_listed_source_is_cited() {
    // A numbered source no figure or date cites tells the reader nothing
    // and leaves a gap in the markers' numbers.
    let bundle = spector();
    let mut cited = vec![false; bundle.sources.len()];
    let mut mark = |citations: &[Citation]| {
        for c in citations {
            for s in c.sources() {
                cited[s] = true;
            }
        }
    };
    for f in &bundle.facts {
        mark(&f.citations);
        for claim in f.disagreement.iter().flat_map(|d| &d.claims) {
            mark(&claim.citations);
        }
    }
    for d in &bundle.dates {
        mark(&d.citations);
        for claim in d.disagreement.iter().flat_map(|d| &d.claims) {
            mark(&claim.citations);
        }
    }
    for (source, cited) in bundle.sources.iter().zip(cited) {
        assert!(
            cited,
            "{} ({}) is listed but cited by nothing",
            source.id, source.publisher
        );
    }
}

/// The ways a quote may write `value`: "288", "200,000", "200000", in
/// millions with one decimal ("53.4 million", "EUR 50.8 million"), or a
/// number up to ten in words ("nine countries").
fn spellings(value: f64) -> Vec<String> {
    const WORDS: [&str; 11] = [
        "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    ];
    let whole = format!("{value:.0}");
    let mut grouped = String::new();
    for (i, digit) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(digit);
    }
    let mut out = vec![whole, grouped];
    if value >= 1e6 {
        out.push(format!("{:.1} million", value / 1e6));
    }
    if let Some(word) = WORDS.get(value as usize).filter(|_| value.fract() == 0.0) {
        out.push(format!("{word} "));
    }
    out
}

#[test]
fn every_figures_quotes_state_its_number() {
    // The citations of a figure are the words that say it: "over 280
    // arrests" or "nearly 300 people" are not evidence for 288, and a
    // reader opening the sources of 288 should find 288 in each quote.
    // Rounder numbers from the same sources belong in the reason a
    // disagreement gives, or in a claim of their own.
    let bundle = spector();
    let mut checked = 0;
    let mut unsaid = Vec::new();
    for fact in &bundle.facts {
        let said = spellings(fact.value);
        for c in &fact.citations {
            if !said.iter().any(|s| c.quote.contains(s.as_str())) {
                let source = &bundle.sources[c.source].id;
                unsaid.push(format!(
                    "{}: {source}'s quote does not say {}: {}",
                    fact.id, said[0], c.quote
                ));
            }
            checked += 1;
        }
    }
    assert!(unsaid.is_empty(), "{}", unsaid.join("\n"));
    assert!(checked >= 30, "{checked}");
}
