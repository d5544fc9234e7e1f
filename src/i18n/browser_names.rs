//! Country names in the browser, from the browser's own CLDR data.
//!
//! `i18n/countries/*.txt` were generated from `Intl.DisplayNames`, and every
//! browser the widget runs in has that same API and data, so the wasm asks
//! it instead of carrying seven tables (English too: 1.2 KB brotli of
//! `world.bin` until format 3; the other six 17 KB raw, 4 KB brotli). The
//! wasm itself needs reference types (Chrome 96, Firefox 79, Safari 15),
//! newer than `Intl.DisplayNames` (Chrome 81, Firefox 86, Safari 14.1), so
//! a browser that runs it has the names; one that somehow answers nothing
//! shows the country codes. Browsers do not all take every name from CLDR
//! (Chromium names the Falklands, Hong Kong, Macao and Palestine its own
//! way, in every language), so English keeps those few from
//! `i18n/countries/en-wasm.txt` and stays the static version's word for
//! word. The embedded bundle's own countries are the exception: their
//! names are built in (see `Names::built_in`).

use alloc::string::String;
use alloc::vec::Vec;

use wasm_bindgen::prelude::wasm_bindgen;

use super::{Lang, OnceLock};
use crate::text::split_ascii;

#[wasm_bindgen(inline_js = "export function regionNames(lang) {
  let names;
  try { names = new Intl.DisplayNames([lang], { type: 'region', fallback: 'none' }); } catch (e) { return ''; }
  const out = [];
  for (let i = 0; i < 676; i++) out.push(names.of(String.fromCharCode(65 + i / 26, 65 + i % 26)) || '');
  return out.join('\\n');
}")]
extern "C" {
    /// The names of every two-letter code from AA to ZZ, one a line, in
    /// order (see `index`); an empty line for a code without a name.
    /// Every code, not only the map's: a bundle may have figures for a
    /// country the map does not draw (Singapore, Malta), and asking for
    /// all 676 takes the browser under a millisecond more than asking for
    /// the map's 175, and the wasm no list of codes.
    #[wasm_bindgen(js_name = regionNames)]
    fn region_names(lang: &str) -> String;
}

mod built_in {
    use super::Lang;
    include!(concat!(env!("OUT_DIR"), "/i18n/bundle_countries.rs"));
}

/// A language's names of every country, drawn on the map or not.
#[derive(Debug)]
pub struct Names {
    lang: Lang,
    /// The names of the embedded bundle's countries (`built_in::CODES`),
    /// generated from `i18n/countries/`: a page that shows only that
    /// bundle never asks the browser, whose first `Intl.DisplayNames` costs
    /// 15–35 ms (ICU loads its region names), a tenth of the time to the
    /// first frame.
    built_in: Vec<&'static str>,
    /// The browser's names of every country, asked for the first time a
    /// name is not built in.
    asked: OnceLock<Asked>,
}

impl Names {
    pub fn of(lang: Lang) -> Names {
        Names {
            lang,
            built_in: split_ascii(built_in::names(lang), b'\n').collect(),
            asked: OnceLock::new(),
        }
    }

    /// The name of the country `code`, if there is one.
    pub fn get(&self, code: &str) -> Option<&str> {
        if let Some(name) = position(built_in::CODES, code).and_then(|i| self.built_in.get(i)) {
            return Some(name);
        }
        self.asked.get_or_init(|| Asked::of(self.lang)).get(code)
    }
}

/// The browser's names of every country in one language.
#[derive(Debug)]
struct Asked {
    /// The name of each two-letter code, at its `index` ("" for none).
    names: Vec<&'static str>,
}

impl Asked {
    /// Asks the browser, once per language (the locale is cached), so the
    /// answer is leaked to live as long as the locale.
    fn of(lang: Lang) -> Asked {
        let mut names = Vec::new();
        names.extend(split_ascii(region_names(lang.code()).leak(), b'\n'));
        let mut answer = Asked { names };
        if lang == Lang::En {
            answer.keep(built_in::EN_WASM);
        }
        answer
    }

    /// Replaces the browser's names with the `CODE = Name` lines of `text`
    /// (other lines are skipped). Read by byte
    /// positions: `split_once(" = ")` would link core's substring search
    /// and its slicing panics, 8 KB of wasm.
    fn keep(&mut self, text: &'static str) {
        for line in split_ascii(text, b'\n') {
            if line.as_bytes().get(2..5) != Some(b" = ") {
                continue;
            }
            let (Some(code), Some(name)) = (line.get(..2), line.get(5..)) else {
                continue;
            };
            if let Some(slot) = index(code).and_then(|i| self.names.get_mut(i)) {
                *slot = name;
            }
        }
    }

    /// The name of the country `code`, if the browser has one.
    fn get(&self, code: &str) -> Option<&str> {
        let i = index(code)?;
        self.names.get(i).copied().filter(|n| !n.is_empty())
    }
}

/// Where the two-letter code `code` comes from AA (0) to ZZ (675).
fn index(code: &str) -> Option<usize> {
    match *code.as_bytes() {
        [a @ b'A'..=b'Z', b @ b'A'..=b'Z'] => Some(usize::from(a - b'A') * 26 + usize::from(b - b'A')),
        _ => None,
    }
}

/// Where `code` is among the two-letter codes run together in `codes`.
fn position(codes: &str, code: &str) -> Option<usize> {
    codes.as_bytes().chunks(2).position(|c| c == code.as_bytes())
}
