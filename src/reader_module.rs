//! The bundle reader as a wasm module of its own, built with the
//! `reader-module` feature (`scripts/build.sh` writes it to
//! `pkg/spector_reader.wasm`). A page fetches it only for a widget with a
//! `src`, which needs the network anyway: the widget's own wasm reads no
//! JSON (see `facts::packed`), and so leaves out the parser, the shape
//! reader, the validator and their messages.
//!
//! The interface is three plain functions over the module's memory, so no
//! glue is generated for it (`src/js/reader.js` is the whole caller):
//! `read_alloc(len)` gives room for the bundle's bytes as fetched,
//! `read(ptr, len)` reads them and returns where its answer starts (a
//! little-endian u32 length, then `facts::packed` bytes), which stays
//! valid until the next `read`. The bytes are decoded here, not by the
//! page, so bytes that are not UTF-8 are refused in the words
//! `spector-facts` uses (`facts::utf8`), where a browser's decoding would
//! have put U+FFFD in their place.

use alloc::vec::Vec;
use core::cell::RefCell;

use crate::facts;

/// The last answer, kept until the next `read` so the page can copy it.
struct LastAnswer(RefCell<Vec<u8>>);

// SAFETY: the wasm is built without threads (see `heap`), so the cell is
// only ever touched by the one thread there is.
unsafe impl Sync for LastAnswer {}

static ANSWER: LastAnswer = LastAnswer(RefCell::new(Vec::new()));

/// Room for `len` bytes of a bundle, for the page to write into and hand
/// to `read`, which frees it.
#[no_mangle]
pub extern "C" fn read_alloc(len: usize) -> *mut u8 {
    let mut room = Vec::<u8>::with_capacity(len);
    let ptr = room.as_mut_ptr();
    core::mem::forget(room);
    ptr
}

/// Reads the `len` bytes at `ptr` (from `read_alloc(len)`, filled with
/// the bundle's bytes) as a bundle: checked and packed, or refused with
/// its problems. Returns where the answer starts (null only if a `read`
/// is already under way).
///
/// # Safety
///
/// `ptr` must come from `read_alloc(len)`, and is freed here.
#[no_mangle]
pub unsafe extern "C" fn read(ptr: *mut u8, len: usize) -> *const u8 {
    // SAFETY: `read_alloc(len)` made this allocation with capacity `len`,
    // and the page wrote `len` bytes into it.
    let bytes = unsafe { Vec::from_raw_parts(ptr, len, len) };
    let packed = facts::packed::pack(&facts::parse_bytes(&bytes));
    let Ok(mut answer) = ANSWER.0.try_borrow_mut() else {
        return core::ptr::null();
    };
    answer.clear();
    answer.extend_from_slice(&(packed.len() as u32).to_le_bytes());
    answer.extend_from_slice(&packed);
    answer.as_ptr()
}
