//! The languages: every translation file parses, has exactly English's
//! keys, the plural forms its language needs and English's placeholders;
//! numbers, money, units and dates follow each language's rules; the whole
//! widget renders in German and Polish (and the rest) without an English
//! interface word; `spector-facts render --lang de` writes the same German
//! figures as the widget.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::{BTreeMap, BTreeSet};

use spector_widget::facts::{is_country_code, parse_json, Bundle, Qualifier, EMBEDDED_JSON};
use spector_widget::geo::World;
use spector_widget::i18n::parse::{parse, placeholders, Table};
use spector_widget::i18n::{Key, Lang, Locale};
use spector_widget::render::{self, cite::Item, labels};

const CATEGORIES: [&str; 6] = ["zero", "one", "two", "few", "many", "other"];

/// The plural categories a language's integers and one-decimal numbers
/// fall into.
fn categories(lang: Lang) -> BTreeSet<&'static str> {
    let mut out = BTreeSet::new();
    for i in 0..2_000_001u64 {
        if i > 3000 && i % 1_000_000 != 0 {
            continue;
        }
        out.insert(lang.plural(i, 0).key());
        out.insert(lang.plural(i, 1).key());
    }
    out
}

/// (base key, plural category or None) of a key: "unit.people.one" →
/// ("unit.people", Some("one")); "money.USD.million" → itself, None.
fn split(key: &str) -> (&str, Option<&str>) {
    match key.rsplit_once('.') {
        Some((base, cat)) if CATEGORIES.contains(&cat) => (base, Some(cat)),
        _ => (key, None),
    }
}

/// base key → (categories, placeholders of every variant).
fn shape(lang: Lang) -> BTreeMap<String, (BTreeSet<String>, BTreeSet<String>)> {
    let (table, errors) = parse(lang.source());
    assert!(errors.is_empty(), "i18n/{}.txt: {errors:?}", lang.code());
    let mut out: BTreeMap<String, (BTreeSet<String>, BTreeSet<String>)> = BTreeMap::new();
    for (key, value) in table.entries() {
        let (base, cat) = split(key);
        let entry = out.entry(base.to_owned()).or_default();
        if let Some(cat) = cat {
            entry.0.insert(cat.to_owned());
        }
        entry.1.extend(placeholders(value).into_iter().map(str::to_owned));
    }
    out
}

#[test]
fn every_language_has_exactly_the_english_keys_and_placeholders() {
    let english = shape(Lang::En);
    let mut problems = Vec::new();
    for lang in Lang::ALL {
        let shape = shape(lang);
        let code = lang.code();
        let missing: Vec<&String> = english.keys().filter(|k| !shape.contains_key(*k)).collect();
        let extra: Vec<&String> = shape.keys().filter(|k| !english.contains_key(*k)).collect();
        if !missing.is_empty() {
            problems.push(format!("i18n/{code}.txt lacks {missing:?}"));
        }
        if !extra.is_empty() {
            problems.push(format!("i18n/{code}.txt has keys English lacks: {extra:?}"));
        }
        let needed = categories(lang);
        for (key, (cats, names)) in &shape {
            if !cats.is_empty() {
                let have: BTreeSet<&str> = cats.iter().map(String::as_str).collect();
                if have != needed {
                    problems.push(format!(
                        "i18n/{code}.txt: {key} has forms {have:?}, {code} needs {needed:?}"
                    ));
                }
            }
            if let Some((_, en_names)) = english.get(key) {
                // A form may leave the number out ("arrestations" after a
                // bold number), never bring in a name English lacks.
                let unknown: Vec<&String> = names.difference(en_names).collect();
                let core: BTreeSet<&String> = en_names
                    .iter()
                    .filter(|n| {
                        *n != "n" || key.starts_with("qualifier") || key.starts_with("unit") || key.starts_with("money")
                    })
                    .collect();
                let lost: Vec<&&String> = core.iter().filter(|n| !names.contains(**n)).collect();
                if !unknown.is_empty() || !lost.is_empty() {
                    problems.push(format!(
                        "i18n/{code}.txt: {key} placeholders {names:?}, English has {en_names:?}"
                    ));
                }
            }
        }
    }
    assert!(problems.is_empty(), "\n{}", problems.join("\n"));
}

/// The wasm carries the `page.*` keys' places but not their text (see
/// `NATIVE_ONLY` in build.rs): only the static version, which the wasm
/// never renders, may ask for them.
#[test]
fn only_the_static_version_uses_the_keys_the_wasm_leaves_out() {
    fn rust_files(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                rust_files(&path, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                out.push(path);
            }
        }
    }
    let mut files = Vec::new();
    rust_files(
        std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/src")),
        &mut files,
    );
    let users: Vec<_> = files
        .iter()
        .filter(|path| std::fs::read_to_string(path).unwrap().contains("Key::Page"))
        .map(|path| path.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    assert_eq!(users, ["static_page.rs"]);
    assert!(Key::ALL.iter().any(|key| key.name().starts_with("page.")));
}

#[test]
fn every_country_code_has_a_name_in_every_language() {
    // Every code a bundle may use (the 250 of `is_country_code`), drawn on
    // the map or not: Singapore and Malta are too small for it.
    let world = World::embedded().unwrap();
    let mapped: BTreeSet<&str> = world.countries().map(|c| c.code()).filter(|c| !c.is_empty()).collect();
    assert!(mapped.len() > 150);
    for lang in Lang::ALL {
        let text = lang.countries_source();
        let header = text.lines().next().unwrap();
        assert!(
            header.starts_with("# generated by tools/i18n/build-countries.mjs") && header.contains("do not edit"),
            "{header}"
        );
        let (table, errors) = parse(text);
        assert!(errors.is_empty(), "i18n/countries/{}.txt: {errors:?}", lang.code());
        let named: BTreeSet<&str> = table.keys().collect();
        let missing: Vec<_> = mapped.difference(&named).collect();
        let extra: Vec<_> = named.iter().filter(|c| !is_country_code(c)).collect();
        assert!(
            missing.is_empty() && extra.is_empty() && named.len() == 250,
            "{}: missing {missing:?}, extra {extra:?}, {} names",
            lang.code(),
            named.len()
        );
        for (code, name) in table.entries() {
            assert!(
                !name.trim().is_empty() && name != code,
                "{}: {code} = {name}",
                lang.code()
            );
        }
    }
    assert_eq!(Locale::get(Lang::De).country("DE"), Some("Deutschland"));
    // English is a names file like the others, no longer world.bin's; the
    // few names the wasm keeps instead of the browser's are the same.
    let kept = include_str!("../i18n/countries/en-wasm.txt");
    assert!(kept.starts_with("# generated by tools/i18n/build-countries.mjs") && kept.contains("do not edit"));
    let (kept, errors) = parse(kept);
    assert!(
        errors.is_empty() && kept.entries().count() > 0,
        "en-wasm.txt: {errors:?}"
    );
    for (code, name) in kept.entries() {
        assert_eq!(Locale::english().country(code), Some(name), "en-wasm.txt: {code}");
    }
    assert_eq!(Locale::english().country("DE"), Some("Germany"));
    assert_eq!(Locale::get(Lang::Pl).country("DE"), Some("Niemcy"));
    assert_eq!(Locale::get(Lang::Fr).country("US"), Some("États-Unis"));
    // Not on the map, named all the same.
    assert!(world.country("SG").is_none() && world.country("MT").is_none());
    assert_eq!(Locale::english().country("SG"), Some("Singapore"));
    assert_eq!(Locale::get(Lang::De).country("SG"), Some("Singapur"));
    assert_eq!(Locale::get(Lang::De).country("MT"), Some("Malta"));
}

fn s(f: impl FnOnce(&mut String)) -> String {
    let mut out = String::new();
    f(&mut out);
    out
}

/// What a reader reads: entities decoded.
fn plain(markup: &str) -> String {
    markup
        .replace("&#39;", "'")
        .replace("&amp;", "&")
        .replace("&quot;", "\"")
}

fn amount(lang: Lang, q: Qualifier, v: f64, unit: &str) -> String {
    let t = Locale::get(lang);
    plain(&s(|o| labels::push_amount(o, t, q, v, unit, t.code())))
}

fn date(lang: Lang, d: &str) -> String {
    plain(&s(|o| labels::push_date(o, Locale::get(lang), d)))
}

const NNBSP: &str = "\u{202f}";
const NBSP: &str = "\u{a0}";

/// An expected text written with `~` for a no-break space (U+00A0) and `_`
/// for a narrow one (U+202F), the spaces that hold a number to its unit.
fn nb(text: &str) -> String {
    text.replace('~', NBSP).replace('_', NNBSP)
}

/// One locale's expectations: integers with grouping, a decimal, money in
/// USD (million, billion, plain) and EUR, kg, each qualifier, and the three
/// date forms.
struct Case {
    lang: Lang,
    ints: [&'static str; 3],
    decimal_kg: &'static str,
    usd: [&'static str; 3],
    eur: &'static str,
    qualifiers: [&'static str; 4],
    dates: [&'static str; 3],
}

fn check(c: &Case) {
    let l = c.lang;
    let q = Qualifier::Exact;
    assert_eq!(amount(l, q, 1.0, "people"), nb(c.ints[0]), "{l:?}");
    assert_eq!(amount(l, q, 1234.0, "pills"), nb(c.ints[1]), "{l:?}");
    assert_eq!(amount(l, q, 200_000.0, "pills"), nb(c.ints[2]), "{l:?}");
    assert_eq!(amount(l, q, 50.8, "kg"), nb(c.decimal_kg), "{l:?}");
    assert_eq!(
        amount(l, Qualifier::MoreThan, 53_400_000.0, "USD"),
        nb(c.usd[0]),
        "{l:?}"
    );
    assert_eq!(amount(l, q, 1_300_000_000.0, "USD"), nb(c.usd[1]), "{l:?}");
    assert_eq!(amount(l, q, 950_000.0, "USD"), nb(c.usd[2]), "{l:?}");
    assert_eq!(amount(l, Qualifier::MoreThan, 50_800_000.0, "EUR"), nb(c.eur), "{l:?}");
    let quals = [
        Qualifier::MoreThan,
        Qualifier::AtLeast,
        Qualifier::About,
        Qualifier::Nearly,
    ];
    for (qual, want) in quals.into_iter().zip(c.qualifiers) {
        assert_eq!(amount(l, qual, 258.0, "kg"), nb(want), "{l:?}");
    }
    assert_eq!(date(l, "2023-05-02"), c.dates[0], "{l:?}");
    assert_eq!(date(l, "2021-12"), c.dates[1], "{l:?}");
    assert_eq!(date(l, "2019"), c.dates[2], "{l:?}");
}

/// A number is held to its unit, currency or scale word by a no-break
/// space in every language's patterns, and a scale abbreviation to its
/// currency, so a narrow widget never ends a line between them ("50,8
/// Mio." on one line, "€)" on the next).
#[test]
fn numbers_hold_their_units_with_no_break_spaces() {
    let held = ['\u{a0}', '\u{202f}'];
    for lang in Lang::ALL {
        let (table, _) = parse(lang.source());
        let mut checked = 0;
        for (key, value) in table.entries() {
            let family = ["unit.", "money.", "stat.countries.", "desc.map."];
            if !family.iter().any(|f| key.starts_with(f)) {
                continue;
            }
            checked += 1;
            let at = |what: &str| format!("i18n/{}.txt {key} = {value:?}: {what}", lang.code());
            let Some(i) = value.find("{n}") else {
                panic!("{}", at("no {n}"))
            };
            // After the number its unit; before it, only money has a
            // symbol ("US$ {n}"): elsewhere a word such as "Map of" comes
            // first, free to end a line.
            let before = value[..i].chars().next_back().filter(|_| key.starts_with("money."));
            let after = value[i + 3..].chars().next();
            for c in [before, after].into_iter().flatten() {
                assert!(
                    !c.is_whitespace() || held.contains(&c),
                    "{}",
                    at("an ordinary space beside {n}")
                );
            }
            for scale in ["Mio. ", "Mrd. ", "mln ", "mld ", "mil millones"] {
                assert!(!value.contains(scale), "{}", at("an ordinary space after a scale word"));
            }
        }
        assert!(checked >= 20, "{}: {checked}", lang.code());
    }
    // French writes a narrow no-break space before a unit symbol (CLDR).
    assert_eq!(amount(Lang::Fr, Qualifier::Exact, 10.0, "kg"), "10\u{202f}kg");
    // An unknown unit is held to its number too.
    assert_eq!(amount(Lang::De, Qualifier::Exact, 3.0, "boats"), "3\u{a0}boats");
}

#[test]
fn english_formats() {
    check(&Case {
        lang: Lang::En,
        ints: ["1~person", "1,234~pills", "200,000~pills"],
        decimal_kg: "50.8~kg",
        usd: ["more than $53.4~million", "$1.3~billion", "$950,000"],
        eur: "more than €50.8~million",
        qualifiers: ["more than 258~kg", "at least 258~kg", "about 258~kg", "nearly 258~kg"],
        dates: ["2 May 2023", "December 2021", "2019"],
    });
}

#[test]
fn german_formats() {
    check(&Case {
        lang: Lang::De,
        ints: ["1~Person", "1.234~Tabletten", "200.000~Tabletten"],
        decimal_kg: "50,8~kg",
        usd: ["mehr als 53,4~Mio.~US$", "1,3~Mrd.~US$", "950.000~US$"],
        eur: "mehr als 50,8~Mio.~€",
        qualifiers: ["mehr als 258~kg", "mindestens 258~kg", "etwa 258~kg", "fast 258~kg"],
        dates: ["2. Mai 2023", "Dezember 2021", "2019"],
    });
}

#[test]
fn french_formats() {
    let n = |s: &str| s.replace('_', NNBSP);
    check(&Case {
        lang: Lang::Fr,
        ints: [
            "1~personne",
            Box::leak(n("1_234~comprimés").into_boxed_str()),
            Box::leak(n("200_000~comprimés").into_boxed_str()),
        ],
        decimal_kg: "50,8_kg",
        usd: [
            "plus de 53,4~millions de dollars",
            "1,3~milliard de dollars",
            Box::leak(n("950_000~dollars").into_boxed_str()),
        ],
        eur: "plus de 50,8~millions d’euros",
        qualifiers: ["plus de 258_kg", "au moins 258_kg", "environ 258_kg", "près de 258_kg"],
        dates: ["2 mai 2023", "décembre 2021", "2019"],
    });
    assert_eq!(date(Lang::Fr, "2023-05-01"), "1er mai 2023");
    assert_eq!(amount(Lang::Fr, Qualifier::Exact, 0.0, "people"), nb("0~personne"));
    assert_eq!(
        amount(Lang::Fr, Qualifier::Exact, 2_000_000.0, "people"),
        nb("2_000_000~de~personnes")
    );
}

#[test]
fn dutch_formats() {
    check(&Case {
        lang: Lang::Nl,
        ints: ["1~persoon", "1.234~pillen", "200.000~pillen"],
        decimal_kg: "50,8~kg",
        usd: ["meer dan 53,4~miljoen dollar", "1,3~miljard dollar", "950.000~dollar"],
        eur: "meer dan 50,8~miljoen euro",
        qualifiers: ["meer dan 258~kg", "minstens 258~kg", "ongeveer 258~kg", "bijna 258~kg"],
        dates: ["2 mei 2023", "december 2021", "2019"],
    });
}

#[test]
fn spanish_formats() {
    check(&Case {
        lang: Lang::Es,
        ints: ["1~persona", "1234~pastillas", "200.000~pastillas"],
        decimal_kg: "50,8~kg",
        usd: [
            "más de 53,4~millones de dólares",
            "1,3~mil~millones de dólares",
            "950.000~dólares",
        ],
        eur: "más de 50,8~millones de euros",
        qualifiers: ["más de 258~kg", "al menos 258~kg", "alrededor de 258~kg", "casi 258~kg"],
        dates: ["2 de mayo de 2023", "diciembre de 2021", "2019"],
    });
    assert_eq!(
        amount(Lang::Es, Qualifier::Exact, 1_000_000.0, "USD"),
        nb("1~millón de dólares")
    );
}

#[test]
fn brazilian_portuguese_formats() {
    check(&Case {
        lang: Lang::PtBr,
        ints: ["1~pessoa", "1.234~comprimidos", "200.000~comprimidos"],
        decimal_kg: "50,8~kg",
        usd: ["mais de US$~53,4~milhões", "US$~1,3~bilhão", "US$~950.000"],
        eur: "mais de €~50,8~milhões",
        qualifiers: ["mais de 258~kg", "pelo menos 258~kg", "cerca de 258~kg", "quase 258~kg"],
        dates: ["2 de maio de 2023", "dezembro de 2021", "2019"],
    });
    assert_eq!(date(Lang::PtBr, "2023-05-01"), "1º de maio de 2023");
}

#[test]
fn polish_formats() {
    check(&Case {
        lang: Lang::Pl,
        ints: ["1~osoba", "1234~tabletki", "200~000~tabletek"],
        decimal_kg: "50,8~kg",
        usd: ["ponad 53,4~mln~USD", "1,3~mld~USD", "950~000~USD"],
        eur: "ponad 50,8~mln~euro",
        qualifiers: ["ponad 258~kg", "co najmniej 258~kg", "około 258~kg", "prawie 258~kg"],
        dates: ["2 maja 2023", "grudzień 2021", "2019"],
    });
    // one / few / many / other
    let people = |v| amount(Lang::Pl, Qualifier::Exact, v, "people");
    assert_eq!(people(2.0), nb("2~osoby"));
    assert_eq!(people(5.0), nb("5~osób"));
    assert_eq!(people(12.0), nb("12~osób"));
    assert_eq!(people(22.0), nb("22~osoby"));
    assert_eq!(people(288.0), nb("288~osób"));
    assert_eq!(people(1.5), nb("1,5~osoby"));
    assert_eq!(
        amount(Lang::Pl, Qualifier::Exact, 117.0, "firearms"),
        nb("117~sztuk broni palnej")
    );
    assert_eq!(amount(Lang::Pl, Qualifier::Exact, 9.0, "countries"), nb("9~krajów"));
}

fn bundle() -> Bundle {
    parse_json(EMBEDDED_JSON).unwrap()
}

/// The markup without what stays in its own language: verbatim quotes,
/// source titles and publishers, the bundle's own prose (title, summary,
/// reasons), English-marked spans and the data: links' contents.
fn interface_only(markup: &str) -> String {
    let mut out = markup.to_owned();
    for (open, close) in [
        ("<blockquote", "</blockquote>"),
        ("<q ", "</q>"),
        ("<cite", "</cite>"),
        ("<span class=\"src-pub\">", "</span>"),
        ("<h2 class=\"title\"", "</h2>"),
        ("<p class=\"dek\">", "</p>"),
        ("<p class=\"reason\">", "</p>"),
        ("<span lang=\"en\">", "</span>"),
        ("href=\"data:", "\""),
    ] {
        while let Some(start) = out.find(open) {
            let end = out[start + open.len()..]
                .find(close)
                .map(|e| start + open.len() + e + close.len())
                .unwrap_or(out.len());
            out.replace_range(start..end, "");
        }
    }
    out
}

const ENGLISH: [&str; 18] = [
    "Whole operation",
    "Breakdown",
    "Show one country",
    "Sources for",
    "sources differ",
    "Timeline",
    "Get the data",
    "Figures as CSV",
    "Zoom to Europe",
    "Arrow keys",
    "Map of arrests",
    "more than",
    "$53.4\u{a0}million",
    " arrests",
    "Firearms",
    "Cash and crypto",
    "primary source",
    "December",
];

#[test]
fn every_language_renders_the_whole_widget_without_english_interface_words() {
    let bundle = bundle();
    let world = World::embedded().unwrap();
    let english = render::widget_in(&bundle, &world, Some(EMBEDDED_JSON), Locale::english());
    for word in ENGLISH {
        assert!(
            english.contains(word),
            "the check is meaningless: English lacks {word:?}"
        );
    }
    for lang in Lang::ALL.into_iter().filter(|l| *l != Lang::En) {
        let t = Locale::get(lang);
        let mut markup = render::widget_in(&bundle, &world, Some(EMBEDDED_JSON), t);
        assert!(
            markup.starts_with(&format!("<div class=\"sw\" lang=\"{}\">", lang.code())),
            "{lang:?}"
        );
        // Every popover, every country's panel and tooltip too.
        for item in bundle
            .facts
            .iter()
            .map(Item::Fact)
            .chain(bundle.dates.iter().map(Item::Date))
        {
            for differ in [false, true] {
                if let Some(pop) = render::popover_in(&bundle, item.id(), differ, t) {
                    markup.push_str(&pop);
                }
            }
        }
        for code in spector_widget::render::panel::countries(&bundle) {
            markup.push_str(&render::panel_markup_in(&bundle, Some(code), t));
            markup.push_str(&render::tooltip_in(&bundle, code, t).unwrap_or_default());
        }
        let interface = interface_only(&markup);
        let left: Vec<&str> = ENGLISH.iter().copied().filter(|w| interface.contains(w)).collect();
        let context: Vec<&str> = left
            .iter()
            .filter_map(|w| interface.find(w))
            .map(|i| &interface[i.saturating_sub(200)..(i + 60).min(interface.len())])
            .collect();
        assert!(left.is_empty(), "{lang:?} still says {left:?}: {context:?}");
        // Quotes keep their language, and say so.
        assert!(markup.contains("<blockquote lang=\"en\">"), "{lang:?}");
    }
}

#[test]
fn german_and_polish_widgets_read_right() {
    let bundle = bundle();
    let world = World::embedded().unwrap();
    let de = plain(&render::widget_in(&bundle, &world, None, Locale::get(Lang::De)));
    for want in [
        "<strong class=\"total\">288</strong>~Festnahmen",
        "in <span class=\"stat-n\">9~Ländern</span>",
        "mehr als 53,4~Mio.~US$",
        "mehr als 50,8~Mio.~€",
        "aria-label=\"Deutschland: 52~Festnahmen\"",
        ">Europa vergrößern</button>",
        "<time datetime=\"2023-05-02\">2. Mai 2023</time>",
        "Gesamte Operation",
    ] {
        assert!(de.contains(&nb(want)), "German lacks {want:?}");
    }
    let pl = plain(&render::widget_in(&bundle, &world, None, Locale::get(Lang::Pl)));
    for want in [
        "<strong class=\"total\">288</strong>~zatrzymań",
        "w <span class=\"stat-n\">9~krajach</span>",
        "ponad 53,4~mln~USD",
        "aria-label=\"Polska: 1~zatrzymanie\"",
        "aria-label=\"Niemcy: 52~zatrzymania\"",
        "aria-label=\"Szwajcaria: 2~zatrzymania\"",
        "aria-label=\"Holandia: 10~zatrzymań\"",
        "117~sztuk broni palnej",
        "<time datetime=\"2021-12\">grudzień 2021</time>",
        "<time datetime=\"2023-05-02\">2 maja 2023</time>",
    ] {
        assert!(pl.contains(&nb(want)), "Polish lacks {want:?}");
    }
}

/// The figure the e2e test (tests/e2e/i18n.spec.js) finds in the browser.
const GERMAN_MONEY: &str = "mehr als 53,4~Mio.~US$";

#[test]
fn the_cli_renders_german_with_the_widget_figures() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_spector-facts"))
        .args([
            "render",
            concat!(env!("CARGO_MANIFEST_DIR"), "/data/spector.json"),
            "--lang",
            "de",
            "--format",
            "html",
        ])
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(
        out.stderr.is_empty(),
        "no note for a spoken language: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let html = plain(&String::from_utf8(out.stdout).unwrap());
    assert!(html.starts_with("<div lang=\"de\">"));
    let (bundle, world) = (bundle(), World::embedded().unwrap());
    let mut widget = plain(&render::widget_in(&bundle, &world, None, Locale::get(Lang::De)));
    widget.push_str(&plain(&render::panel_markup_in(
        &bundle,
        Some("US"),
        Locale::get(Lang::De),
    )));
    for figure in [
        GERMAN_MONEY,
        "mehr als 50,8~Mio.~€",
        "mehr als 200.000",
        "850~kg",
        "2. Mai 2023",
    ] {
        assert!(html.contains(&nb(figure)), "CLI lacks {figure:?}");
        assert!(widget.contains(&nb(figure)), "widget lacks {figure:?}");
    }
    // A unit word the figure's name does not say: in the claims of a
    // "sources differ" note.
    assert!(html.contains(&nb("mehr als 120~Schusswaffen")));
    for word in [
        "Festnahmen nach Ländern",
        "Zahlen der gesamten Operation",
        "Kennzahl",
        "Insgesamt",
        "Wichtige Daten",
        "Deutschland",
        "Quellen",
    ] {
        assert!(html.contains(word), "CLI lacks {word:?}");
    }
    // The reasons for a shown figure are the bundle's prose.
    let mut interface = interface_only(&html);
    while let Some(start) = interface.find("Warum diese Angabe gezeigt wird:") {
        // A figure's note ends its table cell, a date's its paragraph.
        let rest = &interface[start..];
        let end = [rest.find("</td>"), rest.find("</p>")]
            .into_iter()
            .flatten()
            .min()
            .map_or(interface.len(), |e| start + e);
        interface.replace_range(start..end, "");
    }
    for word in [
        "Every figure",
        "Key dates",
        "Whole operation",
        "more than",
        "Map data",
        "primary source",
    ] {
        assert!(!interface.contains(word), "CLI German still says {word:?}");
    }
}

#[test]
fn the_shipped_files_parse_without_a_bad_line() {
    for lang in Lang::ALL {
        let (_, errors) = parse(lang.source());
        assert!(errors.is_empty(), "i18n/{}.txt: {errors:?}", lang.code());
        let t = Locale::get(lang);
        assert!(!t.number.decimal.is_empty() && !t.number.group.is_empty());
    }
}

#[test]
fn no_value_shows_a_straight_double_quote() {
    // Brazilian Portuguese said `Fontes divergem sobre "Armas de fogo"`:
    // a value that quotes uses its language's own quotation marks
    // (“…” in Portuguese, „…“ in German, « … » in French). The quotes
    // around a value that keep its spaces are the file's syntax, not text.
    for lang in Lang::ALL {
        let (table, _) = parse(lang.source());
        for (key, value) in table.entries() {
            assert!(!value.contains('"'), "i18n/{}.txt: {key} = {value}", lang.code());
        }
    }
}

/// The text a written file gives `key` in the form `form`: the form, else
/// `other`, else the key without forms (the rule `build.rs` applies).
fn written(table: &Table, key: &str, form: Option<&str>) -> Option<String> {
    let mut tries = Vec::new();
    if let Some(form) = form {
        tries.push(format!("{key}.{form}"));
        tries.push(format!("{key}.other"));
    }
    tries.push(key.to_owned());
    tries.iter().find_map(|k| table.get(k).map(str::to_owned))
}

#[test]
fn the_compiled_tables_say_exactly_what_the_written_files_say() {
    let (english, _) = parse(Lang::En.source());
    // Numbers in every category of every language: 1.5 is Polish `other`,
    // 1000000 French `many`, 22 Polish `few`.
    let numbers = [0.0, 1.0, 1.5, 2.0, 5.0, 12.0, 22.0, 101.0, 1_000_000.0, 2_500_000.0];
    for lang in Lang::ALL {
        let (table, _) = parse(lang.source());
        let t = Locale::get(lang);
        for key in Key::ALL {
            let name = key.name();
            let want = |form| written(&table, name, form).or_else(|| written(&english, name, form));
            assert_eq!(
                Some(t.text(key).to_owned()),
                want(Some("other")),
                "{}: {name}",
                lang.code()
            );
            for n in numbers {
                let form = key.is_plural().then(|| t.plural_of(n).key());
                assert_eq!(
                    Some(t.plural_text(key, n).to_owned()),
                    want(form),
                    "{}: {name} for {n}",
                    lang.code()
                );
            }
        }
    }
    // Every key of English is a `Key`, and nothing else is.
    let mut bases: Vec<&str> = english.keys().map(|k| split(k).0).collect();
    bases.dedup();
    let names: BTreeSet<&str> = Key::ALL.iter().map(|k| k.name()).collect();
    assert_eq!(bases.into_iter().collect::<BTreeSet<_>>(), names);
}
