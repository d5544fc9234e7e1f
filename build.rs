//! Compiles the interface texts, `i18n/<code>.txt`, into tables for the
//! crate (`OUT_DIR/i18n/keys.rs`, included by `src/i18n/mod.rs`):
//!
//! - `enum Key`, one variant per key of `i18n/en.txt` (plural forms share
//!   one), so a misspelt key is a compile error and no key string reaches
//!   the wasm;
//! - each language's values in key order in one string, separated by
//!   U+001F, which the crate splits once on first use.
//!
//! Plain keys come first, one entry each; then the plural groups, four
//! entries each (one, few, many, other: `i18n::Plural`'s order). A key is a
//! plural group when any language gives it forms. A form a language does
//! not give is resolved here as the crate used to at run time (the form,
//! else `.other`, else the key without forms, else English); one equal to
//! the group's `other` is written empty, and the crate reads an empty form
//! as `other`. A key a language lacks falls back to English with a warning
//! (`tests/i18n.rs` forbids it). A bad line fails the build, naming the
//! file and the line.
//!
//! It also copies the generated binary files the crate embeds
//! (`src/geo/world.bin`, `src/facts/spector.packed`) to `OUT_DIR` without
//! their first line (see `write_body`).

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::{env, fs, path::Path};

#[path = "src/i18n/line.rs"]
mod line;

/// The languages of `i18n::Lang`: file code and variant. One missing here
/// fails the build at the generated `match`.
const LANGS: [(&str, &str); 7] = [
    ("en", "En"),
    ("de", "De"),
    ("fr", "Fr"),
    ("nl", "Nl"),
    ("es", "Es"),
    ("pt-BR", "PtBr"),
    ("pl", "Pl"),
];

/// The plural forms a group holds, in `i18n::Plural`'s order.
const FORMS: [&str; 4] = ["one", "few", "many", "other"];

/// CLDR forms none of the widget's languages uses, refused by name.
const UNUSED_FORMS: [&str; 2] = ["zero", "two"];

/// Separates a language's values: a control character no value may hold.
const SEP: char = '\u{1f}';

/// Key families the crate looks up by a name it reads at run time
/// (`drug.cocaine` for the metric `cocaine_seized_kg`): each gets a
/// function from the name to its key.
const FAMILIES: [&str; 1] = ["drug"];

/// The key family only native builds show (the static version): the wasm's
/// values for it are empty. Only `src/static_page.rs` may use it, which
/// `tests/i18n.rs` checks.
const NATIVE_ONLY: &str = "page.";

/// One file, read: key → (value, line).
struct File {
    path: String,
    entries: BTreeMap<String, (String, usize)>,
    /// Keys in the order written.
    order: Vec<String>,
}

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-changed=src/i18n/line.rs");
    // Both wasm modules are linked with the stack first (from address 0
    // up), so a deeper stack traps, out of bounds, rather than overwrite
    // data, and with far less than the linker's 1 MiB of it. The bundle
    // reader (the `reader-module` feature) recurses at most
    // `facts::MAX_DEPTH` levels deep: 128 KiB is plenty, where 1 MiB would
    // be most of the memory a page with a `src` adds. The widget needs
    // between 2 and 4 KiB (the e2e suite passes with 4 KiB and traps with
    // 2 KiB); 64 KiB keeps its data below 1 MiB, where each address the
    // code names is one byte shorter (a 3-byte LEB128 instead of 4), and
    // its memory at start is 2 pages of 64 KiB instead of 17.
    if env::var("CARGO_CFG_TARGET_ARCH").is_ok_and(|arch| arch == "wasm32") {
        let stack = if env::var_os("CARGO_FEATURE_READER_MODULE").is_some() {
            131_072
        } else {
            65_536
        };
        println!("cargo:rustc-link-arg-cdylib=-zstack-size={stack}");
    }
    let files: Vec<File> = LANGS.iter().map(|(code, _)| read(code)).collect();
    let english = &files[0];

    // The keys, from English: base keys in the order written, plural forms
    // folded into their base.
    let mut bases: Vec<&str> = Vec::new();
    for key in &english.order {
        let (base, _) = split(key);
        if !bases.contains(&base) {
            bases.push(base);
        }
    }
    let mut groups: BTreeSet<&str> = BTreeSet::new();
    for file in &files {
        for key in &file.order {
            if let (base, Some(_)) = split(key) {
                groups.insert(base);
            }
        }
    }
    let (plain, plural): (Vec<&str>, Vec<&str>) = bases.iter().partition(|b| !groups.contains(*b));
    let keys: Vec<&str> = plain.iter().chain(&plural).copied().collect();

    let names: Vec<String> = keys.iter().map(|k| variant(k)).collect();
    for (i, name) in names.iter().enumerate() {
        if let Some(j) = names[..i].iter().position(|n| n == name) {
            panic!(
                "i18n/en.txt: the keys `{}` and `{}` both become `Key::{name}`; rename one",
                keys[j], keys[i]
            );
        }
    }

    // Missing and extra keys are warnings here; tests/i18n.rs fails on them.
    for file in &files[1..] {
        let have: BTreeSet<&str> = file.order.iter().map(|k| split(k).0).collect();
        for base in bases.iter().filter(|b| !have.contains(*b)) {
            println!("cargo:warning={} lacks `{base}`; English is used", file.path);
        }
        for key in &file.order {
            if !bases.contains(&split(key).0) {
                let line = file.entries[key].1;
                println!(
                    "cargo:warning={}:{line}: `{key}` is not in i18n/en.txt and is not used",
                    file.path
                );
            }
        }
    }

    // The `page.*` keys are the static version's alone (`spector-facts
    // render`, native): the wasm keeps their places but not their text.
    let wasm = env::var("CARGO_CFG_TARGET_ARCH").is_ok_and(|arch| arch == "wasm32");
    let values: Vec<String> = files.iter().map(|f| encode(f, &keys, &groups, english, wasm)).collect();

    let out = env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    let dir = Path::new(&out).join("i18n");
    fs::create_dir_all(&dir).expect("create OUT_DIR/i18n");
    let code = generate(&keys, &names, plain.len(), &values);
    fs::write(dir.join("keys.rs"), code).expect("write OUT_DIR/i18n/keys.rs");
    fs::write(dir.join("bundle_countries.rs"), bundle_countries()).expect("write OUT_DIR/i18n/bundle_countries.rs");
    for path in ["src/geo/world.bin", "src/facts/spector.packed"] {
        write_body(path, Path::new(&out));
    }
}

/// Writes the generated binary file at `path` to `OUT_DIR` under the same
/// name without its first line, the "generated by …; do not edit" notice
/// the repo's copy must start with: the crate embeds this copy, so the
/// wasm does not carry the notice (about 230 B for both files) and its
/// decoders need not skip it. A file without the notice fails the build.
fn write_body(path: &str, out: &Path) {
    println!("cargo:rerun-if-changed={path}");
    let bytes = fs::read(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let body = match bytes.iter().position(|&b| b == b'\n') {
        Some(end) if bytes.starts_with(b"generated by ") && bytes[..end].windows(11).any(|w| w == b"do not edit") => {
            &bytes[end + 1..]
        }
        _ => panic!("{path} does not start with a line \"generated by …; do not edit\""),
    };
    let name = Path::new(path).file_name().expect("a file name");
    fs::write(out.join(name), body).unwrap_or_else(|e| panic!("write OUT_DIR/{}: {e}", name.to_string_lossy()));
}

/// The text of `OUT_DIR/i18n/bundle_countries.rs`: the names of the
/// embedded bundle's countries (every two-letter `"scope"` of
/// `data/spector.json`) in every language, from `i18n/countries/`. The
/// wasm asks the browser for other countries' names only: the first
/// `Intl.DisplayNames` of a page costs 15–35 ms.
fn bundle_countries() -> String {
    let bundle_path = "data/spector.json";
    println!("cargo:rerun-if-changed={bundle_path}");
    let bundle = fs::read_to_string(bundle_path).unwrap_or_else(|e| panic!("{bundle_path}: {e}"));
    let mut codes = BTreeSet::new();
    for rest in bundle.split("\"scope\"").skip(1) {
        let value = rest.trim_start().trim_start_matches(':').trim_start();
        if let Some(code) = value.strip_prefix('"').and_then(|v| v.get(..3)) {
            if code.ends_with('"') && code[..2].bytes().all(|b| b.is_ascii_uppercase()) {
                codes.insert(code[..2].to_owned());
            }
        }
    }
    let mut s = String::new();
    macro_rules! w {
        ($($arg:tt)*) => {
            let _ = writeln!(s, $($arg)*);
        };
    }
    w!("// generated by build.rs; do not edit. The source: data/spector.json and i18n/countries/*.txt.\n");
    w!("/// The embedded bundle's country codes, run together.");
    w!(
        "pub const CODES: &str = {:?};\n",
        codes.iter().map(String::as_str).collect::<String>()
    );
    w!("/// Their names in `lang`, in the same order, one a line.");
    w!("pub fn names(lang: Lang) -> &'static str {{");
    w!("    match lang {{");
    for (code, variant) in LANGS {
        let path = format!("i18n/countries/{code}.txt");
        println!("cargo:rerun-if-changed={path}");
        let text = fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
        let names: Vec<&str> = codes
            .iter()
            .map(|c| {
                let prefix = format!("{c} = ");
                text.lines()
                    .find_map(|l| l.strip_prefix(prefix.as_str()))
                    .unwrap_or_else(|| panic!("{path}: no name for {c}, a country of {bundle_path}"))
            })
            .collect();
        w!("        Lang::{variant} => {:?},", names.join("\n"));
    }
    w!("    }}\n}}\n");
    // The wasm's English overrides without the file's comment lines, which
    // `include_str!` would put in the wasm too.
    let path = "i18n/countries/en-wasm.txt";
    println!("cargo:rerun-if-changed={path}");
    let text = fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let lines: Vec<&str> = text
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .collect();
    w!("/// The `CODE = Name` lines of `{path}`: English names browsers give their own way.");
    w!("pub const EN_WASM: &str = {:?};", lines.join("\n"));
    s
}

/// A file's values in `keys` order, separated by `SEP`; a plural group's
/// forms other than `other` empty where they equal it, and for the wasm
/// the `NATIVE_ONLY` keys' values empty.
fn encode(file: &File, keys: &[&str], groups: &BTreeSet<&str>, english: &File, wasm: bool) -> String {
    let mut out = String::new();
    for (i, key) in keys.iter().enumerate() {
        if i > 0 {
            out.push(SEP);
        }
        if wasm && key.starts_with(NATIVE_ONLY) {
            // Empty values, one per form, so every other key keeps its place.
            if groups.contains(key) {
                out.extend([SEP; FORMS.len() - 1]);
            }
            continue;
        }
        if !groups.contains(key) {
            out.push_str(&value(key, None, file, english));
            continue;
        }
        let other = value(key, Some("other"), file, english);
        for form in FORMS {
            if form != FORMS[0] {
                out.push(SEP);
            }
            let text = value(key, Some(form), file, english);
            if form == "other" || text != other {
                if text.is_empty() && !other.is_empty() {
                    let line = file.entries.get(&format!("{key}.{form}")).map_or(0, |e| e.1);
                    panic!(
                        "{}:{line}: `{key}.{form}` is empty and `{key}.other` is not; the widget reads an empty form as `other`",
                        file.path
                    );
                }
                out.push_str(&text);
            }
        }
    }
    out
}

/// Reads and checks one file; a bad line or a repeated key fails the build.
fn read(code: &str) -> File {
    let path = format!("i18n/{code}.txt");
    println!("cargo:rerun-if-changed={path}");
    let text = fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    let mut file = File {
        path,
        entries: BTreeMap::new(),
        order: Vec::new(),
    };
    for (i, raw) in text.lines().enumerate() {
        let n = i + 1;
        let (key, value) = match line::read(raw) {
            Ok(Some(entry)) => entry,
            Ok(None) => continue,
            Err(problem) => panic!("{}:{n}: {problem}: {raw}", file.path),
        };
        if value.contains(SEP) {
            panic!("{}:{n}: `{key}` holds U+001F, which separates values", file.path);
        }
        if let Some((_, first)) = file.entries.get(key) {
            panic!("{}:{n}: `{key}` is given twice (first on line {first})", file.path);
        }
        let form = key.rsplit_once('.').map(|(_, f)| f);
        if let Some(form) = form.filter(|f| UNUSED_FORMS.contains(f)) {
            panic!(
                "{}:{n}: `{key}`: none of the widget's languages has the plural form `{form}`",
                file.path
            );
        }
        file.entries.insert(key.to_owned(), (value.into_owned(), n));
        file.order.push(key.to_owned());
    }
    file
}

/// A key's base and plural form: `unit.people.one` → (`unit.people`,
/// `one`); `money.USD.million` → itself, no form.
fn split(key: &str) -> (&str, Option<&str>) {
    match key.rsplit_once('.') {
        Some((base, form)) if FORMS.contains(&form) => (base, Some(form)),
        _ => (key, None),
    }
}

/// The text of `key` (with `form`, for a plural group) in `file`: the
/// form, else `other`, else the key without forms; else the same in
/// English.
fn value(key: &str, form: Option<&str>, file: &File, english: &File) -> String {
    let find = |f: &File| {
        let mut tries = Vec::new();
        if let Some(form) = form {
            tries.push(format!("{key}.{form}"));
            tries.push(format!("{key}.other"));
        }
        tries.push(key.to_owned());
        tries
            .into_iter()
            .find_map(|k| f.entries.get(&k).map(|(v, _)| v.clone()))
    };
    find(file).or_else(|| find(english)).unwrap_or_default()
}

/// The variant of a key: `map.zoom_in` → `MapZoomIn`, `money.USD` →
/// `MoneyUsd`, `month.1` → `Month1`.
fn variant(key: &str) -> String {
    let mut out = String::new();
    for word in key.split(['.', '_', '-']).filter(|w| !w.is_empty()) {
        let mut chars = word.chars();
        if let Some(first) = chars.next() {
            out.extend(first.to_uppercase());
            out.push_str(&chars.as_str().to_lowercase());
        }
    }
    if out.starts_with(|c: char| c.is_ascii_digit()) {
        out.insert(0, 'K');
    }
    out
}

/// The text of `OUT_DIR/i18n/keys.rs`.
fn generate(keys: &[&str], names: &[String], plain: usize, values: &[String]) -> String {
    let mut s = String::new();
    // Writing to a String cannot fail.
    macro_rules! w {
        ($($arg:tt)*) => {
            let _ = writeln!(s, $($arg)*);
        };
    }
    let entries = plain + (keys.len() - plain) * FORMS.len();
    w!("// generated by build.rs; do not edit. The source: i18n/*.txt.\n");
    w!("/// A key of the interface texts: one per key of `i18n/en.txt`, its plural");
    w!("/// forms sharing one. Plain keys first, then the plural groups.");
    w!("#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]");
    w!("pub enum Key {{");
    for (key, name) in keys.iter().zip(names) {
        w!("    /// `{key}`\n    {name},");
    }
    w!("}}\n");
    w!("/// The number of plain keys: `Key`s from here on are plural groups.");
    w!("pub const PLAIN: usize = {plain};\n");
    w!("/// The number of values of every language.");
    w!("pub const ENTRIES: usize = {entries};\n");
    w!("/// The separator of a language's values.");
    w!("pub const SEP: char = {SEP:?};\n");
    w!("impl Key {{");
    w!("    /// Every key, in order.");
    w!("    pub const ALL: [Key; {}] = [", keys.len());
    for name in names {
        w!("        Key::{name},");
    }
    w!("    ];\n");
    w!("    /// The key as the files write it (native builds: tests, messages).");
    w!("    #[cfg(not(target_arch = \"wasm32\"))]");
    w!("    pub fn name(self) -> &'static str {{");
    w!("        match self {{");
    for (key, name) in keys.iter().zip(names) {
        w!("            Key::{name} => {key:?},");
    }
    w!("        }}\n    }}");
    for family in FAMILIES {
        let prefix = format!("{family}.");
        w!("\n    /// The key `{family}.<name>`, if `i18n/en.txt` has it.");
        w!("    pub fn {family}(name: &str) -> Option<Key> {{");
        w!("        Some(match name {{");
        for (key, name) in keys.iter().zip(names) {
            if let Some(rest) = key.strip_prefix(&prefix) {
                w!("            {rest:?} => Key::{name},");
            }
        }
        w!("            _ => return None,\n        }})\n    }}");
    }
    w!("}}\n");
    w!("/// A language's values in `Key` order, separated by `SEP`.");
    w!("pub fn values(lang: Lang) -> &'static str {{");
    w!("    match lang {{");
    for ((_, variant), text) in LANGS.iter().zip(values) {
        w!("        Lang::{variant} => {text:?},");
    }
    w!("    }}\n}}");
    s
}
