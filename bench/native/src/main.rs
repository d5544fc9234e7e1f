//! Times `spector_widget::render::widget(&bundle, &world)`: the whole
//! widget's markup (map SVG, panel, sources) for the shipped bundle.
//! Prints one JSON line for bench/run.mjs.

use spector_widget::facts::{parse_json, EMBEDDED_JSON};
use spector_widget::geo::World;
use spector_widget::render;
use std::hint::black_box;
use std::time::Instant;

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(|a, b| a.total_cmp(b));
    v[v.len() / 2]
}

/// Per-call times in microseconds: `batches` batches of `per_batch` calls.
fn time<F: FnMut()>(batches: usize, per_batch: usize, mut f: F) -> Vec<f64> {
    for _ in 0..per_batch {
        f(); // warm up
    }
    (0..batches)
        .map(|_| {
            let t = Instant::now();
            for _ in 0..per_batch {
                f();
            }
            t.elapsed().as_secs_f64() * 1e6 / per_batch as f64
        })
        .collect()
}

fn main() {
    let bundle = parse_json(EMBEDDED_JSON).expect("embedded bundle is valid");
    let world = World::embedded().expect("embedded world decodes");
    let markup = render::widget(&bundle, &world);
    // Country rings drawn: each subpath of a `d` attribute starts with M.
    let rings: usize = markup
        .split(" d=\"")
        .skip(1)
        .map(|d| d.split('"').next().unwrap_or("").matches('M').count())
        .sum();

    let render_us = time(51, 40, || {
        black_box(render::widget(black_box(&bundle), black_box(&world)));
    });
    let parse_us = time(51, 40, || {
        black_box(parse_json(black_box(EMBEDDED_JSON)).ok());
    });
    let world_us = time(51, 200, || {
        black_box(World::embedded().ok());
    });
    let min = |v: &Vec<f64>| v.iter().cloned().fold(f64::INFINITY, f64::min);
    let max = |v: &Vec<f64>| v.iter().cloned().fold(0.0, f64::max);
    println!(
        "{{\"markup_bytes\":{},\"rings\":{},\"render_us\":{{\"median\":{:.2},\"min\":{:.2},\"max\":{:.2},\"calls\":{}}},\"parse_us\":{{\"median\":{:.2},\"min\":{:.2},\"max\":{:.2}}},\"world_us\":{{\"median\":{:.3},\"min\":{:.3},\"max\":{:.3}}}}}",
        markup.len(),
        rings,
        median(render_us.clone()),
        min(&render_us),
        max(&render_us),
        51 * 40,
        median(parse_us.clone()),
        min(&parse_us),
        max(&parse_us),
        median(world_us.clone()),
        min(&world_us),
        max(&world_us),
    );
}
