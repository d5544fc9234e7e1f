//! A stable sort that is small in the wasm.
//!
//! The standard library's `sort_by` is fast on large slices, but each call
//! site instantiates its own copy of driftsort (about 3 KB of wasm each, 35 KB
//! for the crate). Everything this crate sorts is short: the countries of a
//! bundle, its dates, its sources, one language's interface texts. Binary
//! insertion sort is stable, needs no allocation, makes O(n log n)
//! comparisons and compiles to a few hundred bytes.

use alloc::vec::Vec;
use core::cmp::Ordering;

/// Sorts `items` by `compare`, keeping equal items in their original order.
pub fn sort_by<T>(items: &mut [T], mut compare: impl FnMut(&T, &T) -> Ordering) {
    for end in 1..items.len() {
        let (sorted, rest) = items.split_at(end);
        let Some(item) = rest.first() else { break };
        // After every item that is not greater, so equal items keep their order.
        let at = sorted.partition_point(|probe| compare(probe, item) != Ordering::Greater);
        // Swapped down into place: `rotate_right` is faster on long runs
        // but costs 0.5 KB of wasm for each type sorted.
        for i in (at..end).rev() {
            items.swap(i, i + 1);
        }
    }
}

/// Puts `item` into the sorted `items` after every item for which
/// `goes_before` holds (`goes_before` must hold for a prefix of `items`),
/// so equal items keep the order they were inserted in. Built one item at
/// a time, a list needs no separate sort: where the items come from an
/// iterator, this costs the wasm less than collecting them and then
/// calling `sort_by`, and inlined it adds nothing per type. The place is
/// found by a scan, not `partition_point`'s binary search: the insert moves
/// the items after it anyway, and each type's binary search was 151 B of
/// the wasm.
#[inline(always)]
pub fn insert_stably<T>(items: &mut Vec<T>, item: T, mut goes_before: impl FnMut(&T) -> bool) {
    let at = items.iter().position(|o| !goes_before(o)).unwrap_or(items.len());
    items.insert(at, item);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_into_ascending_order() {
        let mut v = vec![5, 3, 9, 1, 1, 8, 0, 7];
        sort_by(&mut v, i32::cmp);
        assert_eq!(v, [0, 1, 1, 3, 5, 7, 8, 9]);
    }

    #[test]
    fn equal_items_keep_their_order() {
        let mut v = vec![(2, 'a'), (1, 'b'), (2, 'c'), (1, 'd'), (2, 'e')];
        sort_by(&mut v, |a, b| a.0.cmp(&b.0));
        assert_eq!(v, [(1, 'b'), (1, 'd'), (2, 'a'), (2, 'c'), (2, 'e')]);
    }

    #[test]
    fn agrees_with_the_standard_library_on_many_inputs() {
        // A small linear congruential generator: deterministic, no dependency.
        let mut seed: u32 = 12345;
        for len in 0..60 {
            let v: Vec<(u32, usize)> = (0..len)
                .map(|i| {
                    seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12_345);
                    ((seed >> 16) % 7, i)
                })
                .collect();
            let (mut ours, mut std) = (v.clone(), v);
            sort_by(&mut ours, |a, b| a.0.cmp(&b.0));
            std.sort_by_key(|a| a.0);
            assert_eq!(ours, std, "length {len}");
        }
    }

    #[test]
    fn insert_stably_keeps_equal_items_in_insertion_order() {
        let mut v = Vec::new();
        for item in [(2, 'a'), (1, 'b'), (2, 'c'), (1, 'd'), (3, 'e'), (0, 'f')] {
            insert_stably(&mut v, item, |o: &(i32, char)| o.0 <= item.0);
        }
        assert_eq!(v, [(0, 'f'), (1, 'b'), (1, 'd'), (2, 'a'), (2, 'c'), (3, 'e')]);
    }
}
