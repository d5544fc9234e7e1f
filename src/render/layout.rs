//! Where text goes on the map: value labels beside (or inside) their
//! symbols and the size legend, placed greedily with bounding boxes in grid
//! units so that nothing collides or is clipped.
//!
//! SVG text is sized in grid units, so its size on screen grows with the
//! widget. To keep labels between about 12 and 18 px, the layout is done
//! once per width bucket (`BUCKETS`) and per view; the stylesheet shows the
//! group matching the widget's width with a container query. Within a
//! bucket, boxes in grid units do not depend on the width, so a layout that
//! is collision-free natively is collision-free at every width of its
//! bucket. The markup itself is therefore the same at every width.

use alloc::string::String;
use alloc::vec::Vec;

use super::map::Symbol;
use super::view::View;
use crate::i18n::{Key, Locale};
use crate::num;

/// Smallest map width of each bucket, in CSS px at the widget's default
/// text size (`BASE_PX`). The stylesheet's container queries use the same
/// limits in ems (`.b0` … `.b3` in style.css), so that a reader who set a
/// larger text size gets the labels of a narrower map, as large next to
/// the text as everyone else's.
pub const BUCKETS: [f64; 4] = [320.0, 480.0, 700.0, 1000.0];

/// The widget's text size at the browser's default, in CSS px
/// (`--sw-font-size`, .9375 of 16 px).
pub const BASE_PX: f64 = 15.0;

/// The label bucket the widget's container queries pick for a map this
/// wide, in ems of the widget's text: the last one whose minimum width it
/// reaches.
pub fn bucket_for(width_em: f64) -> usize {
    BUCKETS.iter().rposition(|min| width_em >= *min / BASE_PX).unwrap_or(0)
}

/// Label text size at the smallest width of its bucket, in CSS px.
pub const LABEL_PX: f64 = 12.0;

/// Width of a digit as a share of the font size (system-ui bold digits are
/// about 0.58 em; a little more to be safe).
const DIGIT_EM: f64 = 0.62;
/// Width of a lower-case letter, for the legend caption.
const LETTER_EM: f64 = 0.6;

/// An axis-aligned box in grid units.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rect {
    pub x0: f64,
    pub y0: f64,
    pub x1: f64,
    pub y1: f64,
}

impl Rect {
    /// A box of size `w` × `h` centred on (`cx`, `cy`).
    pub fn centred(cx: f64, cy: f64, w: f64, h: f64) -> Rect {
        Rect {
            x0: cx - w / 2.0,
            y0: cy - h / 2.0,
            x1: cx + w / 2.0,
            y1: cy + h / 2.0,
        }
    }

    /// True when the two boxes share some area (touching is not overlap).
    pub fn overlaps(&self, o: &Rect) -> bool {
        self.x0 < o.x1 && o.x0 < self.x1 && self.y0 < o.y1 && o.y0 < self.y1
    }

    /// True when the box lies inside the view.
    pub fn inside(&self, v: &View) -> bool {
        self.x0 >= v.x && self.y0 >= v.y && self.x1 <= v.x + v.w && self.y1 <= v.y + v.h
    }

    /// True when the box and the circle share some area.
    pub fn meets_circle(&self, cx: f64, cy: f64, r: f64) -> bool {
        let nx = crate::num::clamp(cx, self.x0, self.x1);
        let ny = crate::num::clamp(cy, self.y0, self.y1);
        let (dx, dy) = (cx - nx, cy - ny);
        dx * dx + dy * dy < r * r
    }
}

/// Font size in grid units for a view and a width bucket: `LABEL_PX` at
/// the bucket's smallest width.
pub fn font_units(view: &View, bucket: usize) -> f64 {
    let min_px = BUCKETS.get(bucket).copied().unwrap_or(320.0);
    LABEL_PX * view.w / min_px
}

/// The box of a number's text, with room for its halo.
fn text_box(cx: f64, cy: f64, chars: usize, font: f64) -> Rect {
    Rect::centred(cx, cy, (chars as f64 * DIGIT_EM + 0.3) * font, 1.05 * font)
}

/// One value label: its text is centred on (`x`, `y`).
#[derive(Debug, Clone, PartialEq)]
pub struct Label<'w> {
    pub code: &'w str,
    pub text: String,
    pub x: f64,
    pub y: f64,
    /// Drawn inside its own circle (white on the symbol's colour).
    pub inside: bool,
    pub rect: Rect,
}

/// The symbols whose centre lies in the view: the only ones labelled, and
/// the only ones a label or the legend must keep clear of. Filtered where
/// they are read rather than copied into a vector: the copy cost the wasm
/// more than the filter.
fn in_view<'a, 'w>(symbols: &'a [Symbol<'w>], view: &'a View) -> impl Iterator<Item = &'a Symbol<'w>> {
    symbols.iter().filter(|s| view.contains(s.x, s.y))
}

/// Where a label may go, in order of preference, as directions from its
/// symbol's centre: inside it, right, left, above, below, then the four
/// diagonals (above right, above left, below right, below left). A table
/// rather than nine spelt-out positions, which cost the wasm more.
const SPOTS: [(f64, f64); 9] = [
    (0.0, 0.0),
    (1.0, 0.0),
    (-1.0, 0.0),
    (0.0, -1.0),
    (0.0, 1.0),
    (1.0, -1.0),
    (-1.0, -1.0),
    (1.0, 1.0),
    (-1.0, 1.0),
];

/// How far the point is from the symbol's circle (negative inside it).
fn edge_distance(x: f64, y: f64, s: &Symbol<'_>) -> f64 {
    let (dx, dy) = (x - s.x, y - s.y);
    num::sqrt(dx * dx + dy * dy) - s.r
}

/// Labels for the symbols in the view, largest value first: inside the
/// circle when it fits, else right, left, above, below or diagonal. The
/// first label that finds no free spot (another label, another symbol in
/// the view, the legend, the edge) ends the labelling: it and every
/// smaller value go without, so no number on the map is smaller than one
/// left out (in the world view Poland's 1 was labelled while the
/// Netherlands' 10, boxed in by its neighbours, was not). The tooltip and
/// the table still tell every value.
pub fn place_labels<'w>(
    symbols: &[Symbol<'w>],
    view: &View,
    font: f64,
    legend: Option<&Rect>,
    t: &Locale,
) -> Vec<Label<'w>> {
    let mut order: Vec<&Symbol<'w>> = Vec::new();
    for s in in_view(symbols, view) {
        // Largest value first; ties keep their order.
        crate::sort::insert_stably(&mut order, s, |o| s.value.total_cmp(&o.value).is_le());
    }
    let mut placed: Vec<Label<'w>> = Vec::new();
    let gap = 0.25 * font;
    'symbols: for s in order {
        let mut text = String::with_capacity(8);
        super::format::push_number_in(&mut text, s.value, &t.number);
        let chars = crate::text::char_count(&text);
        let probe = text_box(0.0, 0.0, chars, font);
        let (w, h) = (probe.x1 - probe.x0, probe.y1 - probe.y0);
        let half_diag = num::sqrt(w * w + h * h) / 2.0;
        let (dx, dy) = (s.r + gap + w / 2.0, s.r + gap + h / 2.0);
        let diag = (s.r * 0.71) + gap;
        for (i, (kx, ky)) in SPOTS.into_iter().enumerate() {
            let inside = i == 0;
            if inside && half_diag > s.r * 0.95 {
                continue;
            }
            // A diagonal spot clears the circle by `diag` on both axes and
            // the text by half its box; the others by their whole offset.
            // Added in the order the nine spelt-out positions added them
            // (a zero or a sign flip changes no bit), so every position
            // is exactly what it was.
            let ((ax, ay), (bx, by)) = if kx != 0.0 && ky != 0.0 {
                ((diag, diag), (w / 2.0, h / 2.0))
            } else {
                ((dx, dy), (0.0, 0.0))
            };
            let (x, y) = (s.x + kx * ax + kx * bx, s.y + ky * ay + ky * by);
            let rect = text_box(x, y, chars, font);
            // Nearer its own circle than any other, so that it reads as
            // its own country's number: Germany's 52 beside Poland's tiny
            // circle read as Poland's.
            let own = edge_distance(x, y, s);
            let free = rect.inside(view)
                && legend.map_or(true, |l| !rect.overlaps(l))
                && placed.iter().all(|p| !rect.overlaps(&p.rect))
                && in_view(symbols, view)
                    .filter(|o| o.code != s.code)
                    .all(|o| !rect.meets_circle(o.x, o.y, o.r) && edge_distance(x, y, o) > own);
            if free {
                placed.push(Label {
                    code: s.code,
                    text,
                    x,
                    y,
                    inside,
                    rect,
                });
                continue 'symbols;
            }
        }
        break;
    }
    placed
}

/// "Nice" legend values for a maximum: the largest of 1, 1.5, 2, 2.5, 3,
/// 5, 7.5 × 10ⁿ not above `max`, `max / 3` and `max / 15`; for 153 that is
/// 150, 50 and 10. Largest first, no repeats, nothing below 1. With
/// `whole` (the map counts people, say) only whole numbers: a legend of
/// "7.5" arrests shows a count nobody can have, so 1.5, 2.5 and 7.5 are
/// skipped, and for 9 the values are 5 and 3.
pub fn legend_values(max: f64, whole: bool) -> Vec<f64> {
    let mut out: Vec<f64> = Vec::with_capacity(3);
    for v in [max, max / 3.0, max / 15.0] {
        if let Some(n) = nice_floor(v, whole) {
            // The values fall, so a repeat is the one before.
            if out.last() != Some(&n) {
                out.push(n);
            }
        }
    }
    out
}

fn nice_floor(v: f64, whole: bool) -> Option<f64> {
    if !v.is_finite() || v < 1.0 {
        return None;
    }
    // Below 10 a count's steps are 1, 2, 3 and 5: 1.5, 2.5 and 7.5 have a
    // fraction. Floored, and capped at 7, `v` never stops the loop below
    // at one of those, and still at the same whole step. Done once here:
    // a test per step of the unrolled loop cost the wasm more.
    let v = if whole && v < 10.0 {
        f64::from((v as u8).min(7))
    } else {
        v
    };
    let mut decade = 1.0;
    while decade * 10.0 <= v {
        decade *= 10.0;
    }
    // A plain loop: the iterator chain it replaced cost the wasm more.
    for m in [7.5, 5.0, 3.0, 2.5, 2.0, 1.5, 1.0] {
        let n = m * decade;
        if n <= v {
            return Some(n);
        }
    }
    None
}

/// The size legend: a caption, then a row of circles standing on one line,
/// each with its value centred below.
#[derive(Debug, Clone, PartialEq)]
pub struct Legend {
    /// The whole legend, background included.
    pub rect: Rect,
    pub caption: (f64, f64),
    /// (cx, cy, r, value, text x, text y) per circle.
    pub items: Vec<LegendItem>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct LegendItem {
    pub value: f64,
    pub cx: f64,
    pub cy: f64,
    pub r: f64,
    pub tx: f64,
    pub ty: f64,
}

/// The key of the legend's caption.
pub const LEGEND_CAPTION: Key = Key::MapLegend;

/// Lays the legend out in a corner of the view that no symbol touches
/// (bottom left, then top left, bottom right, top right), or bottom left
/// when every corner is taken; symbols outside the view are ignored.
/// `radius` gives a value's circle radius.
pub fn legend(
    values: &[f64],
    radius: impl Fn(f64) -> f64,
    view: &View,
    font: f64,
    symbols: &[Symbol<'_>],
    t: &Locale,
) -> Option<Legend> {
    if values.is_empty() {
        return None;
    }
    let pad = 0.4 * font;
    let gap = 0.5 * font;
    // The largest radius and the slots' total width, summed in the same
    // pass that measures them.
    let mut r_max = 0.0_f64;
    let mut widths = 0.0_f64;
    let mut slots: Vec<(f64, f64, f64)> = Vec::with_capacity(values.len()); // (value, r, slot width)
    for v in values {
        let r = radius(*v);
        r_max = r_max.max(r);
        let mut text = String::new();
        super::format::push_number_in(&mut text, *v, &t.number);
        let tw = text_box(0.0, 0.0, crate::text::char_count(&text), font);
        let slot = (2.0 * r).max(tw.x1 - tw.x0);
        widths += slot;
        slots.push((*v, r, slot));
    }
    let row = widths + gap * (slots.len().saturating_sub(1)) as f64;
    let caption_w = crate::text::char_count(t.text(LEGEND_CAPTION)) as f64 * LETTER_EM * font;
    let w = row.max(caption_w) + 2.0 * pad;
    let h = pad + 1.05 * font + gap + 2.0 * r_max + gap + 1.05 * font + pad;
    let margin = 0.5 * font;
    let left = view.x + margin;
    let right = view.x + view.w - margin - w;
    let top = view.y + margin;
    let bottom = view.y + view.h - margin - h;
    let corners = [(left, bottom), (left, top), (right, bottom), (right, top)];
    let free = |x: f64, y: f64| {
        let r = Rect {
            x0: x,
            y0: y,
            x1: x + w,
            y1: y + h,
        };
        in_view(symbols, view).all(|s| !r.meets_circle(s.x, s.y, s.r))
    };
    let (x, y) = corners
        .iter()
        .copied()
        .find(|(x, y)| free(*x, *y))
        .unwrap_or((left, bottom));
    let base = y + pad + 1.05 * font + gap + 2.0 * r_max;
    let mut items = Vec::with_capacity(slots.len());
    let mut cursor = x + pad;
    for (value, r, slot) in slots {
        let cx = cursor + slot / 2.0;
        items.push(LegendItem {
            value,
            cx,
            cy: base - r,
            r,
            tx: cx,
            ty: base + gap + 0.525 * font,
        });
        cursor += slot + gap;
    }
    Some(Legend {
        rect: Rect {
            x0: x,
            y0: y,
            x1: x + w,
            y1: y + h,
        },
        caption: (x + pad, y + pad + 0.525 * font),
        items,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nice_values_for_spector() {
        assert_eq!(legend_values(153.0, true), vec![150.0, 50.0, 10.0]);
        assert_eq!(legend_values(1.0, true), vec![1.0]);
        assert_eq!(legend_values(0.0, true), Vec::<f64>::new());
        assert_eq!(legend_values(12_000.0, true), vec![10_000.0, 3_000.0, 750.0]);
    }

    #[test]
    fn legend_values_of_counts_are_whole_numbers() {
        // Fractions only where the unit has them (kilograms, say).
        assert_eq!(legend_values(9.0, false), vec![7.5, 3.0]);
        assert_eq!(legend_values(25.0, false), vec![25.0, 7.5, 1.5]);
        assert_eq!(legend_values(9.0, true), vec![5.0, 3.0]);
        assert_eq!(legend_values(25.0, true), vec![25.0, 5.0, 1.0]);
        assert_eq!(legend_values(2.0, true), vec![2.0]);
        // Whole, never above the maximum, and otherwise the same nice
        // values, for maxima in tenths from 1 to 2,000.
        for tenths in 10..=20_000 {
            let max = f64::from(tenths) / 10.0;
            let any = legend_values(max, false);
            for (i, v) in legend_values(max, true).into_iter().enumerate() {
                assert_eq!(num::fract(v), 0.0, "{v} for {max}");
                assert!(v <= max, "{v} for {max}");
                if v >= 10.0 {
                    assert_eq!(Some(&v), any.get(i), "{max}");
                }
            }
        }
    }

    #[test]
    fn rects_overlap_only_with_shared_area() {
        let a = Rect {
            x0: 0.0,
            y0: 0.0,
            x1: 10.0,
            y1: 10.0,
        };
        assert!(a.overlaps(&Rect {
            x0: 9.0,
            y0: 9.0,
            x1: 20.0,
            y1: 20.0
        }));
        assert!(!a.overlaps(&Rect {
            x0: 10.0,
            y0: 0.0,
            x1: 20.0,
            y1: 10.0
        }));
        assert!(a.meets_circle(12.0, 5.0, 3.0));
        assert!(!a.meets_circle(14.0, 14.0, 5.0));
    }
}
