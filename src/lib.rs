//! spector-widget: a source-cited map of Operation SpecTor's arrests and
//! seizures, rendered as SVG markup by a pure Rust core.
//!
//! See ARCHITECTURE.md for the map of this crate. In short: `facts` reads and
//! checks a bundle (the only place that can fail), `geo` decodes the
//! pre-projected world, `render` turns both into markup, and `dom` (wasm
//! only) puts that markup on the page and answers events.

// Release code must not be able to panic inside a reader's article: a panic
// would poison the module for every widget on the page.
#![cfg_attr(
    not(test),
    deny(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)
)]

pub mod export;
pub mod facts;
pub mod geo;
pub mod heap;
pub mod i18n;
pub mod num;
pub mod render;
pub mod sort;
pub mod static_page;
pub mod text;

#[cfg(target_arch = "wasm32")]
mod dom;

/// A small size-class allocator instead of dlmalloc (see `heap`).
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: heap::Heap<heap::WasmMemory> = heap::Heap::new(heap::WasmMemory);
#[cfg(target_arch = "wasm32")]
pub use dom::Widget;
