//! Any bytes through the whole pipeline a bundle takes: the input limits,
//! parsing and validation, the widget's markup, and the data exports.
//! Nothing may panic; a refused bundle names its problems; an accepted one
//! renders to markup that starts with the widget's `<div` and carries no
//! script.
#![no_main]

use libfuzzer_sys::fuzz_target;
use spector_widget::geo::World;
use spector_widget::{export, facts, render};
use std::sync::OnceLock;

fn world() -> &'static World<'static> {
    static WORLD: OnceLock<World<'static>> = OnceLock::new();
    WORLD.get_or_init(|| World::embedded().expect("the embedded map decodes"))
}

fuzz_target!(|data: &[u8]| {
    // The CLI and the widget's reader module read bytes (`parse_bytes`):
    // bytes that are not UTF-8 are refused before the parser, with one
    // message saying where.
    let text = match facts::utf8(data) {
        Ok(text) => text,
        Err(errors) => {
            assert_eq!(errors.0.len(), 1, "{errors:?}");
            assert!(!errors.to_string().is_empty());
            assert_eq!(facts::parse_bytes(data).unwrap_err(), errors);
            return;
        }
    };
    let limits = facts::check_limits(text);
    match facts::parse_json(text) {
        Ok(bundle) => {
            assert!(limits.is_ok(), "parse_json accepted text check_limits refuses");
            let world = world();
            let markup = render::widget(&bundle, world);
            assert!(markup.starts_with("<div"), "{markup:.200}");
            assert!(!markup.to_ascii_lowercase().contains("<script"), "unescaped script");
            let with_text = render::widget_with_bundle_text(&bundle, world, Some(text));
            assert!(with_text.starts_with("<div"));
            for fact in &bundle.facts {
                let _ = render::tooltip(&bundle, fact.scope.code());
            }
            let _ = export::csv(&bundle);
            let _ = export::json(&bundle);
        }
        Err(errors) => {
            assert!(!errors.0.is_empty(), "an Err with no errors");
            for e in &errors.0 {
                assert!(!e.to_string().is_empty(), "an empty error message: {e:?}");
            }
            if let Err(limit) = limits {
                assert_eq!(limit, errors, "parse_json must report the limit check_limits found");
            }
        }
    }
});
