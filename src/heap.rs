//! The wasm's memory allocator: power-of-two size classes, one free list each.
//!
//! The standard library's dlmalloc is a fine general-purpose allocator, but
//! it is 8 KB of wasm (3 KB brotli) in a widget whose whole budget is tens of
//! kilobytes. The widget's allocations are strings and vectors whose sizes
//! repeat from one render to the next, so a block freed is soon taken again
//! by an allocation of its size class: memory stays flat over mounts and
//! unmounts (the leak test in tests/e2e/hostile.spec.js holds it to that).
//! The price is space: a block can be up to half unused.
//!
//! Not thread-safe: the wasm is built without threads, and `Heap` is only
//! installed as the global allocator there.

use core::alloc::{GlobalAlloc, Layout};
use core::cell::UnsafeCell;
use core::ptr::null_mut;

/// The smallest block: 16 bytes, which holds a free-list link and keeps
/// every block 16-byte aligned.
const MIN_SHIFT: u32 = 4;
const MIN_BLOCK: usize = 1 << MIN_SHIFT;
/// Size classes from 16 bytes to 2 GiB.
const CLASSES: usize = (usize::BITS - MIN_SHIFT) as usize;
/// Memory is asked for in steps of at least this much.
const GROW_STEP: usize = 64 * 1024;

/// Where new memory comes from: the wasm's `memory.grow`, or an arena in
/// the tests.
pub trait Grow {
    /// Adds at least `bytes` of memory; the start and end of what was added.
    fn grow(&self, bytes: usize) -> Option<(usize, usize)>;
}

/// A size-class allocator over the memory `G` provides.
pub struct Heap<G> {
    state: UnsafeCell<State>,
    grow: G,
}

struct State {
    /// The head of each class's free list (0: empty). A free block's first
    /// word holds the address of the next.
    free: [usize; CLASSES],
    /// The untouched memory left: `next..end`.
    next: usize,
    end: usize,
}

// SAFETY: the wasm runs one thread (see the module comment).
unsafe impl<G: Sync> Sync for Heap<G> {}

impl<G> Heap<G> {
    pub const fn new(grow: G) -> Self {
        Heap {
            state: UnsafeCell::new(State {
                free: [0; CLASSES],
                next: 0,
                end: 0,
            }),
            grow,
        }
    }
}

/// The size class of a layout: its index and its block size.
fn class_of(layout: Layout) -> Option<(usize, usize)> {
    let size = layout
        .size()
        .max(layout.align())
        .max(MIN_BLOCK)
        .checked_next_power_of_two()?;
    Some(((size.trailing_zeros() - MIN_SHIFT) as usize, size))
}

impl<G: Grow> Heap<G> {
    /// Carves `size` bytes aligned to `align` from untouched memory, asking
    /// for more when what is left is too small.
    fn carve(&self, state: &mut State, size: usize, align: usize) -> *mut u8 {
        let fits = |next: usize, end: usize| {
            let start = next.checked_add(align - 1)? & !(align - 1);
            let stop = start.checked_add(size)?;
            (stop <= end).then_some((start, stop))
        };
        if fits(state.next, state.end).is_none() {
            let Some(want) = size.checked_add(align).map(|w| w.max(GROW_STEP)) else {
                return null_mut();
            };
            let Some((start, end)) = self.grow.grow(want) else {
                return null_mut();
            };
            // Memory grows at its end, so new memory usually continues
            // what is left; otherwise the rest of the old region is dropped.
            if start != state.end {
                state.next = start;
            }
            state.end = end;
        }
        match fits(state.next, state.end) {
            Some((start, stop)) => {
                state.next = stop;
                start as *mut u8
            }
            None => null_mut(),
        }
    }
}

// SAFETY: blocks are handed out once until freed, are at least as large and
// as aligned as asked (size classes are powers of two no smaller than the
// alignment; free-list blocks serve only alignments up to MIN_BLOCK, which
// every block has), and a freed block goes back to the list of its class.
unsafe impl<G: Grow> GlobalAlloc for Heap<G> {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let Some((class, size)) = class_of(layout) else {
            return null_mut();
        };
        // SAFETY: one thread, and no reference to the state outlives a call.
        let state = unsafe { &mut *self.state.get() };
        if layout.align() <= MIN_BLOCK {
            if let Some(head) = state.free.get_mut(class) {
                if *head != 0 {
                    let block = *head;
                    // SAFETY: `block` is a free block of this class, whose
                    // first word `dealloc` wrote.
                    *head = unsafe { *(block as *const usize) };
                    return block as *mut u8;
                }
            }
        }
        self.carve(state, size, layout.align().max(MIN_BLOCK))
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        let Some((class, _)) = class_of(layout) else { return };
        // SAFETY: as in `alloc`.
        let state = unsafe { &mut *self.state.get() };
        if let Some(head) = state.free.get_mut(class) {
            // SAFETY: the block is at least 16 bytes, aligned, and no longer
            // in use: its first word becomes the link.
            unsafe { *(ptr as *mut usize) = *head };
            *head = ptr as usize;
        }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY: the caller guarantees `new_size`, rounded up to the
        // alignment, does not overflow `isize`.
        let new_layout = unsafe { Layout::from_size_align_unchecked(new_size, layout.align()) };
        if class_of(layout) == class_of(new_layout) {
            return ptr;
        }
        // SAFETY: forwarded from the caller.
        let moved = unsafe { self.alloc(new_layout) };
        if !moved.is_null() {
            // SAFETY: both blocks are live, distinct, and hold at least the
            // smaller of the two sizes.
            unsafe {
                core::ptr::copy_nonoverlapping(ptr, moved, layout.size().min(new_size));
                self.dealloc(ptr, layout);
            }
        }
        moved
    }
}

/// The wasm's linear memory, grown a 64 KiB page at a time.
#[cfg(target_arch = "wasm32")]
pub struct WasmMemory;

#[cfg(target_arch = "wasm32")]
impl Grow for WasmMemory {
    fn grow(&self, bytes: usize) -> Option<(usize, usize)> {
        const PAGE: usize = 64 * 1024;
        let pages = bytes.div_ceil(PAGE);
        let before = core::arch::wasm32::memory_grow(0, pages);
        if before == usize::MAX {
            return None;
        }
        Some((before * PAGE, (before + pages) * PAGE))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::cell::Cell;

    /// Memory from one big buffer, handed out in contiguous steps like
    /// `memory.grow`, up to a limit.
    struct Arena {
        base: usize,
        used: Cell<usize>,
        limit: usize,
    }

    impl Arena {
        fn new(limit: usize) -> Arena {
            let buffer: &'static mut [u128] = Vec::leak(vec![0u128; limit / 16]);
            Arena {
                base: buffer.as_mut_ptr() as usize,
                used: Cell::new(0),
                limit,
            }
        }
    }

    impl Grow for Arena {
        fn grow(&self, bytes: usize) -> Option<(usize, usize)> {
            let start = self.used.get();
            let end = start.checked_add(bytes)?;
            if end > self.limit {
                return None;
            }
            self.used.set(end);
            Some((self.base + start, self.base + end))
        }
    }

    fn heap(limit: usize) -> Heap<Arena> {
        Heap::new(Arena::new(limit))
    }

    fn layout(size: usize, align: usize) -> Layout {
        Layout::from_size_align(size, align).unwrap()
    }

    #[test]
    fn blocks_are_aligned_and_do_not_overlap() {
        let h = heap(1 << 20);
        let mut blocks = Vec::new();
        for (i, size) in [1, 7, 16, 17, 100, 4096, 3, 64, 65, 1000].into_iter().enumerate() {
            let align = [1, 2, 4, 8, 16, 32, 64][i % 7];
            let p = unsafe { h.alloc(layout(size, align)) } as usize;
            assert_ne!(p, 0);
            assert_eq!(p % align, 0, "size {size} align {align}");
            assert_eq!(p % 16, 0);
            blocks.push((p, size));
        }
        blocks.sort();
        for pair in blocks.windows(2) {
            assert!(pair[0].0 + pair[0].1 <= pair[1].0, "{pair:?} overlap");
        }
    }

    #[test]
    fn a_freed_block_is_reused_by_its_size_class() {
        let h = heap(1 << 20);
        let a = unsafe { h.alloc(layout(40, 8)) };
        unsafe { h.dealloc(a, layout(40, 8)) };
        let b = unsafe { h.alloc(layout(64, 8)) };
        assert_eq!(a, b, "40 and 64 bytes share the 64-byte class");
        let c = unsafe { h.alloc(layout(40, 8)) };
        assert_ne!(b, c);
    }

    #[test]
    fn memory_stays_flat_over_repeated_renders() {
        // Each "render" allocates strings of many sizes and frees them all.
        let h = heap(8 << 20);
        let mut after_first = 0;
        for round in 0..200 {
            let mut live = Vec::new();
            for i in 0..300usize {
                let l = layout(1 + (i * 37) % 5000, 1);
                let p = unsafe { h.alloc(l) };
                assert!(!p.is_null());
                unsafe { p.write_bytes(i as u8, l.size()) };
                live.push((p, l));
            }
            for (p, l) in live {
                unsafe { h.dealloc(p, l) };
            }
            if round == 0 {
                after_first = h.grow.used.get();
            }
        }
        assert_eq!(h.grow.used.get(), after_first, "memory grew after the first round");
    }

    #[test]
    fn realloc_keeps_the_contents_and_stays_put_within_a_class() {
        let h = heap(1 << 20);
        let l = layout(20, 1);
        let p = unsafe { h.alloc(l) };
        for i in 0..20 {
            unsafe { p.add(i).write(i as u8) };
        }
        let same = unsafe { h.realloc(p, l, 30) };
        assert_eq!(same, p, "20 and 30 bytes are both in the 32-byte class");
        let moved = unsafe { h.realloc(same, layout(30, 1), 500) };
        assert_ne!(moved, p);
        for i in 0..20 {
            assert_eq!(unsafe { moved.add(i).read() }, i as u8);
        }
    }

    #[test]
    fn running_out_of_memory_is_a_null_pointer_not_a_crash() {
        let h = heap(256 * 1024);
        assert!(unsafe { h.alloc(layout(1 << 20, 8)) }.is_null());
        assert!(unsafe { h.alloc(layout(usize::MAX / 4, 8)) }.is_null());
        assert!(!unsafe { h.alloc(layout(100, 8)) }.is_null(), "small blocks still come");
    }
}
