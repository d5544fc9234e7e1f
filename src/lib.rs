//! spector-widget: a source-cited map of Operation SpecTor's arrests and
//! seizures, rendered as SVG markup by a pure Rust core.
//!
//! See ARCHITECTURE.md for the map of this crate. In short: `facts` reads and
//! checks a bundle (the only place that can fail), `geo` decodes the
//! pre-projected world, `render` turns both into markup, and `dom` (wasm
//! only) puts that markup on the page and answers events.

// The wasm is `no_std`, so std's panic machinery (its hook, its payloads)
// and the `core::fmt` code that formatted panic messages leave it: a wasm32
// panic aborts anyway and nobody reads the message, so `panic` below only
// traps. Native builds (the command-line tool, the static page, the tests)
// keep std. The `std` feature, which only the wasm tests turn on (see
// Cargo.toml), puts std back in the wasm.
#![cfg_attr(all(target_arch = "wasm32", not(feature = "std")), no_std)]
// Release code must not be able to panic inside a reader's article: a panic
// would poison the module for every widget on the page.
#![cfg_attr(
    not(test),
    deny(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)
)]

extern crate alloc;

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

// One wasm crate, two modules: the widget, and with the `reader-module`
// feature the bundle reader a page fetches for another bundle.
#[cfg(all(target_arch = "wasm32", not(feature = "reader-module")))]
mod dom;
#[cfg(all(target_arch = "wasm32", feature = "reader-module"))]
mod reader_module;

/// A small size-class allocator instead of dlmalloc (see `heap`).
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: heap::Heap<heap::WasmMemory> = heap::Heap::new(heap::WasmMemory);
#[cfg(all(target_arch = "wasm32", not(feature = "reader-module")))]
pub use dom::Widget;

/// A panic in the wasm traps, as it did with std (wasm32 panics abort), but
/// without formatting a message first: `info` is never read, so no
/// formatting code is linked. The messages' text and their file names stay
/// (about 1 KB): core's `panic_fmt`, which is never inlined, stores their
/// addresses in memory before it calls this, and wasm-opt keeps a store
/// before a trap; only a nightly std built with `panic_immediate_abort`
/// drops them.
#[cfg(all(target_arch = "wasm32", not(feature = "std")))]
#[panic_handler]
fn panic(_info: &core::panic::PanicInfo<'_>) -> ! {
    core::arch::wasm32::unreachable()
}
