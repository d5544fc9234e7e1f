//! Writes the interface texts without their comments into `OUT_DIR`, for
//! the wasm build: translators' notes are for translators, and they were
//! 0.8 KB of every reader's download (brotli). Native builds and the tests
//! read the files as written; a test checks both parse to the same table.

use std::{env, fs, path::Path};

/// The languages of `i18n::Lang`; one missing here fails the build at its
/// `include_str!` in `src/i18n/mod.rs`.
const LANGS: [&str; 7] = ["en", "de", "fr", "nl", "es", "pt-BR", "pl"];

fn main() {
    let out = env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    let dir = Path::new(&out).join("i18n");
    fs::create_dir_all(&dir).expect("create OUT_DIR/i18n");
    for lang in LANGS {
        let source = format!("i18n/{lang}.txt");
        println!("cargo:rerun-if-changed={source}");
        let text = fs::read_to_string(&source).unwrap_or_else(|e| panic!("{source}: {e}"));
        fs::write(dir.join(format!("{lang}.txt")), compact(&text)).expect("write the compact i18n file");
    }
    println!("cargo:rerun-if-changed=build.rs");
}

/// The lines that say something, trimmed: no comments, no blank lines, no
/// spaces around the first `=` (the parser trims keys and values anyway).
fn compact(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for line in text.lines().map(str::trim) {
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        match line.split_once('=') {
            Some((key, value)) => {
                out.push_str(key.trim_end());
                out.push('=');
                out.push_str(value.trim_start());
            }
            None => out.push_str(line),
        }
        out.push('\n');
    }
    out
}
