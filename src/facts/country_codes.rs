//! ISO 3166-1 alpha-2 codes, so a bundle's `scope` can be checked without
//! a lookup table per country.
//!
//! The list is the 249 officially assigned codes plus `XK` (Kosovo), which
//! Natural Earth and most newsrooms use. It is stored as one string of
//! two-letter pairs, sorted, because that costs 500 bytes in the wasm.

/// Also the codes named in `i18n/countries/` (`tools/i18n/build-countries.mjs`
/// reads them here).
const CODES: &str = "ADAEAFAGAIALAMAOAQARASATAUAWAXAZBABBBDBEBFBGBHBIBJBLBMBNBOBQBRBSBTBVBWBYBZCACCCDCFCGCHCICKCLCMCNCOCRCUCVCWCXCYCZDEDJDKDMDODZECEEEGEHERESETFIFJFKFMFOFRGAGBGDGEGFGGGHGIGLGMGNGPGQGRGSGTGUGWGYHKHMHNHRHTHUIDIEILIMINIOIQIRISITJEJMJOJPKEKGKHKIKMKNKPKRKWKYKZLALBLCLILKLRLSLTLULVLYMAMCMDMEMFMGMHMKMLMMMNMOMPMQMRMSMTMUMVMWMXMYMZNANCNENFNGNINLNONPNRNUNZOMPAPEPFPGPHPKPLPMPNPRPSPTPWPYQARERORSRURWSASBSCSDSESGSHSISJSKSLSMSNSOSRSSSTSVSXSYSZTCTDTFTGTHTJTKTLTMTNTOTRTTTVTWTZUAUGUMUSUYUZVAVCVEVGVIVNVUWFWSXKYEYTZAZMZW";

/// Whether `code` is an assigned ISO 3166-1 alpha-2 code (upper case).
pub fn is_country_code(code: &str) -> bool {
    code.len() == 2 && CODES.as_bytes().chunks_exact(2).any(|pair| pair == code.as_bytes())
}

/// The ISO 3166-1 alpha-2 code for a code in use that is not ISO's, in any
/// case: the United Kingdom's everyday "UK" and the EU's "EL" for Greece
/// (ISO reserves both for these uses).
pub fn iso_for_alias(code: &str) -> Option<&'static str> {
    if code.eq_ignore_ascii_case("UK") {
        Some("GB")
    } else if code.eq_ignore_ascii_case("EL") {
        Some("GR")
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_the_iso_code_of_uk_and_el_in_any_case_and_nothing_else() {
        assert_eq!(iso_for_alias("UK"), Some("GB"));
        assert_eq!(iso_for_alias("uk"), Some("GB"));
        assert_eq!(iso_for_alias("El"), Some("GR"));
        for code in ["GB", "GR", "U", "UKK", ""] {
            assert_eq!(iso_for_alias(code), None, "{code}");
        }
    }

    #[test]
    fn knows_the_nine_countries_of_the_operation() {
        for code in ["US", "GB", "DE", "NL", "AT", "FR", "CH", "PL", "BR"] {
            assert!(is_country_code(code), "{code}");
        }
    }

    #[test]
    fn refuses_codes_that_are_not_assigned_or_not_upper_case() {
        for code in ["UK", "EU", "ALL", "de", "", "D", "ZZ"] {
            assert!(!is_country_code(code), "{code}");
        }
    }

    #[test]
    fn the_list_is_sorted_pairs() {
        let pairs: Vec<&[u8]> = CODES.as_bytes().chunks(2).collect();
        assert_eq!(pairs.len(), 250);
        assert!(pairs.windows(2).all(|w| w[0] < w[1]));
    }
}
