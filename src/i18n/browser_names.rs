//! Country names in the browser, from the browser's own CLDR data.
//!
//! `i18n/countries/*.txt` were generated from `Intl.DisplayNames`, and every
//! browser the widget runs in has that same API and data, so the wasm asks
//! it instead of carrying six tables (17 KB raw, 4 KB brotli). A browser
//! without `Intl.DisplayNames` gets the English names of `world.bin`.

use wasm_bindgen::prelude::wasm_bindgen;

use super::Lang;
use crate::geo::World;

#[wasm_bindgen(inline_js = "export function regionNames(lang, codes) {
  let names;
  try { names = new Intl.DisplayNames([lang], { type: 'region', fallback: 'none' }); } catch (e) { return ''; }
  const out = [];
  for (let i = 0; i + 2 <= codes.length; i += 2) out.push(names.of(codes.slice(i, i + 2)) || '');
  return out.join('\\n');
}")]
extern "C" {
    /// The names of the two-letter codes run together in `codes`, one a
    /// line, in order; an empty line for a code without a name.
    #[wasm_bindgen(js_name = regionNames)]
    fn region_names(lang: &str, codes: &str) -> String;
}

/// A language's names of the embedded map's countries.
#[derive(Debug)]
pub struct Names {
    /// The two-letter codes, run together.
    codes: String,
    /// The name of each code, in the same order ("" for none).
    names: Vec<&'static str>,
}

impl Names {
    /// Asks the browser, once per language (the locale is cached), so the
    /// answer is leaked to live as long as the locale. English asks
    /// nothing: `world.bin` has its names.
    pub fn of(lang: Lang) -> Names {
        let mut codes = String::with_capacity(400);
        let mut names = Vec::new();
        if lang != Lang::En {
            if let Ok(world) = World::embedded() {
                for country in world.countries() {
                    if country.code().len() == 2 {
                        codes.push_str(country.code());
                    }
                }
            }
            names.extend(region_names(lang.code(), &codes).leak().split('\n'));
        }
        Names { codes, names }
    }

    /// The name of the country `code`, if the browser has one.
    pub fn get(&self, code: &str) -> Option<&str> {
        let i = self.codes.as_bytes().chunks(2).position(|c| c == code.as_bytes())?;
        self.names.get(i).copied().filter(|n| !n.is_empty())
    }
}
