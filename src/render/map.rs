//! The world map as SVG markup: every country as a path in pre-projected
//! grid units, the operation's countries tinted, and one proportional
//! circle per country with arrests.
//!
//! The SVG's viewBox is the geometry's grid, so the browser scales the map
//! to any width and no coordinate is ever recomputed at run time.

use super::format::push_number;
use crate::facts::Bundle;
use crate::geo::World;
use crate::text::{push_escaped, push_fixed, push_uint};

/// The metric the map shows.
pub const MAP_METRIC: &str = "arrests";

/// The largest symbol's radius as a share of the map's width: about 22 px
/// on a 600 px map, large enough to read, small enough not to hide Europe.
const MAX_RADIUS_SHARE: f64 = 0.036;

/// A circle for one country, in grid units.
#[derive(Debug, Clone, PartialEq)]
pub struct Symbol<'a> {
    pub code: &'a str,
    pub value: f64,
    pub x: f64,
    pub y: f64,
    pub r: f64,
}

/// Circles whose area is proportional to the value, largest first so that
/// smaller ones are drawn on top and stay visible.
pub fn symbols<'a>(bundle: &'a Bundle, world: &World<'_>) -> Vec<Symbol<'a>> {
    let max = bundle
        .by_country(MAP_METRIC)
        .map(|(_, f)| f.value)
        .fold(0.0_f64, f64::max);
    let max_r = world.width() as f64 * MAX_RADIUS_SHARE;
    let mut out: Vec<Symbol<'a>> = bundle
        .by_country(MAP_METRIC)
        .filter_map(|(code, fact)| {
            let country = world.country(code)?;
            let (x, y) = country.anchor();
            let r = if max > 0.0 { max_r * (fact.value / max).sqrt() } else { 0.0 };
            Some(Symbol { code, value: fact.value, x: x as f64, y: y as f64, r })
        })
        .collect();
    out.sort_by(|a, b| b.r.total_cmp(&a.r));
    out
}

/// Appends the whole `<svg>` element.
pub fn push_map(out: &mut String, bundle: &Bundle, world: &World<'_>) {
    out.push_str("<svg class=\"map\" viewBox=\"0 0 ");
    push_uint(out, world.width() as u64);
    out.push(' ');
    push_uint(out, world.height() as u64);
    out.push_str("\" role=\"group\" aria-label=\"Map of arrests by country\">");

    // Quiet land first, then the operation's countries above it, so their
    // outlines are not painted over by neighbours.
    out.push_str("<g class=\"land\" aria-hidden=\"true\">");
    for country in world.countries() {
        if bundle.for_country(MAP_METRIC, country.code()).is_none() {
            out.push_str("<path d=\"");
            country.write_path_data(out);
            out.push_str("\"/>");
        }
    }
    out.push_str("</g><g class=\"marked\">");
    for country in world.countries() {
        if bundle.for_country(MAP_METRIC, country.code()).is_some() {
            out.push_str("<path class=\"on\" data-c=\"");
            push_escaped(out, country.code());
            out.push_str("\" d=\"");
            country.write_path_data(out);
            out.push_str("\"/>");
        }
    }
    out.push_str("</g><g class=\"sym\">");
    for s in symbols(bundle, world) {
        out.push_str("<circle data-c=\"");
        push_escaped(out, s.code);
        out.push_str("\" cx=\"");
        push_fixed(out, s.x, 1);
        out.push_str("\" cy=\"");
        push_fixed(out, s.y, 1);
        out.push_str("\" r=\"");
        push_fixed(out, s.r, 1);
        out.push_str("\"/>");
    }
    out.push_str("</g></svg>");
}

/// The hover text for a country: its name and its arrests, or nothing for
/// a country without a figure.
pub fn push_tooltip(out: &mut String, bundle: &Bundle, world: &World<'_>, code: &str) -> bool {
    let Some(fact) = bundle.for_country(MAP_METRIC, code) else {
        return false;
    };
    out.push_str("<b class=\"tip-name\">");
    push_escaped(out, country_name(world, code));
    out.push_str("</b><span class=\"tip-value\">");
    out.push_str(super::format::qualifier_prefix(fact.qualifier));
    push_number(out, fact.value);
    out.push_str(if fact.value == 1.0 { " arrest" } else { " arrests" });
    out.push_str("</span>");
    true
}

/// A country's English name from the geometry, or its code when the map
/// does not draw it (a microstate, say).
pub fn country_name<'a>(world: &World<'a>, code: &'a str) -> &'a str {
    world.country(code).map(|c| c.name()).unwrap_or(code)
}
