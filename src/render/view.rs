//! The map's two views: the whole world, and a Europe box fitted natively
//! around the operation's European countries. A view is an SVG viewBox in
//! grid units; switching views swaps that attribute, nothing is projected
//! in the browser.

use alloc::string::String;

use crate::facts::Bundle;
use crate::geo::{Country, World};
use crate::num;
use crate::text::push_fixed;

use super::map::MAP_METRIC;

/// A viewBox in grid units.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct View {
    pub x: f64,
    pub y: f64,
    pub w: f64,
    pub h: f64,
}

/// Which of the two views.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ViewKind {
    World,
    Europe,
}

impl ViewKind {
    /// The short name used in markup (`data-view`, group classes).
    pub fn key(self) -> &'static str {
        match self {
            ViewKind::World => "w",
            ViewKind::Europe => "e",
        }
    }
}

impl View {
    /// Appends the `viewBox` attribute value, e.g. "0 0 2800 1230".
    pub fn push_attr(&self, out: &mut String) {
        push_fixed(out, self.x, 1);
        out.push(' ');
        push_fixed(out, self.y, 1);
        out.push(' ');
        push_fixed(out, self.w, 1);
        out.push(' ');
        push_fixed(out, self.h, 1);
    }

    /// The viewBox attribute value as a string.
    pub fn attr(&self) -> String {
        let mut s = String::with_capacity(32);
        self.push_attr(&mut s);
        s
    }

    /// True when the point lies inside the box.
    pub fn contains(&self, x: f64, y: f64) -> bool {
        x >= self.x && x <= self.x + self.w && y >= self.y && y <= self.y + self.h
    }

    /// The box `t` of the way from `self` to `to` (0 = self, 1 = to), for a
    /// stepwise animation of the viewBox.
    pub fn lerp(&self, to: &View, t: f64) -> View {
        let t = crate::num::clamp(t, 0.0, 1.0);
        let mix = |a: f64, b: f64| a + (b - a) * t;
        View {
            x: mix(self.x, to.x),
            y: mix(self.y, to.y),
            w: mix(self.w, to.w),
            h: mix(self.h, to.h),
        }
    }
}

/// ISO 3166-1 alpha-2 codes of European countries (the continent, with
/// Turkey, Russia and the Caucasus left out: their bounds would stretch the
/// box far to the east).
pub const EUROPE: &[&str] = &[
    "AD", "AL", "AT", "BA", "BE", "BG", "BY", "CH", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GB", "GR", "HR", "HU",
    "IE", "IS", "IT", "LI", "LT", "LU", "LV", "MC", "MD", "ME", "MK", "MT", "NL", "NO", "PL", "PT", "RO", "RS", "SE",
    "SI", "SK", "SM", "UA", "VA", "XK",
];

/// True for a European country code.
pub fn is_european(code: &str) -> bool {
    EUROPE.contains(&code)
}

/// The whole grid.
pub fn world_view(world: &World<'_>) -> View {
    View {
        x: 0.0,
        y: 0.0,
        w: f64::from(world.width()),
        h: f64::from(world.height()),
    }
}

/// Rings whose bounding box starts further than this from the country's
/// anchor are overseas and left out of the Europe box. (French Guiana was,
/// while the map counted it in France; it is now a country of its own.)
const MAINLAND_REACH: i32 = 150;

/// Margin around the European countries, in grid units.
const EUROPE_MARGIN: f64 = 32.0;

/// The bounds of a country's rings near its anchor: mainland and nearby
/// islands, without overseas territories.
pub fn mainland_bounds(country: &Country<'_>) -> (i32, i32, i32, i32) {
    let (ax, ay) = country.anchor();
    let mut b = (ax, ay, ax, ay);
    for ring in country.rings() {
        let mut r = (i32::MAX, i32::MAX, i32::MIN, i32::MIN);
        for (x, y) in ring.points() {
            r = (r.0.min(x), r.1.min(y), r.2.max(x), r.3.max(y));
        }
        if r.0 > r.2 {
            continue;
        }
        let dx = (r.0 - ax).max(ax - r.2).max(0);
        let dy = (r.1 - ay).max(ay - r.3).max(0);
        if dx <= MAINLAND_REACH && dy <= MAINLAND_REACH {
            b = (b.0.min(r.0), b.1.min(r.1), b.2.max(r.2), b.3.max(r.3));
        }
    }
    b
}

/// The Europe box: the mainland bounds of the bundle's European countries
/// with a margin, widened to the world's aspect ratio so the map keeps its
/// height when the view changes, and kept inside the grid. `None` when the
/// bundle has no European country.
pub fn europe_view(bundle: &Bundle, world: &World<'_>) -> Option<View> {
    // An empty box (left past right) until a country widens it, which
    // costs the wasm less than an `Option` of the box.
    let (mut x0, mut y0, mut x1, mut y1) = (i32::MAX, i32::MAX, i32::MIN, i32::MIN);
    for (code, _) in bundle.by_country(MAP_METRIC) {
        if !is_european(code) {
            continue;
        }
        let Some(country) = world.country(code) else { continue };
        let m = mainland_bounds(&country);
        (x0, y0, x1, y1) = (x0.min(m.0), y0.min(m.1), x1.max(m.2), y1.max(m.3));
    }
    if x0 > x1 {
        return None;
    }
    let full = world_view(world);
    let aspect = full.w / full.h;
    let mut w = f64::from(x1 - x0) + 2.0 * EUROPE_MARGIN;
    let mut h = f64::from(y1 - y0) + 2.0 * EUROPE_MARGIN;
    // Never closer than a box a tenth of the world wide: one small country
    // alone should not fill the map.
    w = w.max(full.w / 10.0);
    if w / h < aspect {
        w = h * aspect;
    } else {
        h = w / aspect;
    }
    w = w.min(full.w);
    h = h.min(full.h);
    let cx = f64::from(x0 + x1) / 2.0;
    let cy = f64::from(y0 + y1) / 2.0;
    let x = crate::num::clamp(cx - w / 2.0, 0.0, full.w - w);
    let y = crate::num::clamp(cy - h / 2.0, 0.0, full.h - h);
    Some(View {
        x: num::round(x),
        y: num::round(y),
        w: num::round(w),
        h: num::round(h),
    })
}
