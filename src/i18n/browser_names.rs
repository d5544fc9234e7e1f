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
  let out = '';
  for (let i = 0; i + 2 <= codes.length; i += 2) {
    const code = codes.slice(i, i + 2);
    const name = names.of(code);
    if (name) out += code + '=' + name.replace(/\\\\/g, '\\\\\\\\') + '\\n';
  }
  return out;
}")]
extern "C" {
    /// `CODE=Name` lines for the two-letter codes run together in `codes`.
    #[wasm_bindgen(js_name = regionNames)]
    fn region_names(lang: &str, codes: &str) -> String;
}

/// The names of every country of the embedded map in `lang`, as the text of
/// a country names file. Asked once per language (the locale is cached), so
/// the string is leaked to live as long as the locale.
pub fn country_names(lang: Lang) -> &'static str {
    if lang == Lang::En {
        return "";
    }
    let mut codes = String::with_capacity(400);
    if let Ok(world) = World::embedded() {
        for country in world.countries() {
            if country.code().len() == 2 {
                codes.push_str(country.code());
            }
        }
    }
    region_names(lang.code(), &codes).leak()
}
