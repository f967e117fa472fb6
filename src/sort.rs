//! One sort for the whole crate.
//!
//! Every `sort_by_key` with its own closure or element type is a separate
//! copy of the standard library's sort: nineteen of them were 92 KB of the
//! web build's code at opt-level "s". There each sort key is packed into a
//! `u128` next to the element's index, so one instantiation of
//! `<[u128]>::sort` serves every call. Natively the same keys go to the
//! standard stable sort of the elements themselves.

/// Packs three fields into a key, the first most significant. Each is
/// saturated to 32 bits: spans are byte offsets in a text far below 4 GiB
/// (the input caps), so positions keep their order.
pub fn key3(a: usize, b: usize, c: usize) -> u128 {
    let field = |x: usize| u128::from(u32::try_from(x).unwrap_or(u32::MAX));
    field(a) << 64 | field(b) << 32 | field(c)
}

/// A position key that sorts later positions first (`Reverse(end)`).
pub fn desc(x: usize) -> usize {
    u32::MAX as usize - x.min(u32::MAX as usize)
}

/// Sorts `items` by `key`, stably: equal keys keep their order. Keys use
/// at most 96 bits (`key3`); higher bits are ignored.
///
/// Natively code size does not matter and the standard sort needs no
/// key table (16 bytes an item, which on a million findings is fresh
/// memory to fault in): the same order, by the same keys.
#[allow(clippy::ptr_arg)] // the web build's path rebuilds the Vec
pub fn sort_by<T>(items: &mut Vec<T>, key: impl Fn(&T) -> u128) {
    #[cfg(not(target_arch = "wasm32"))]
    items.sort_by_key(|x| key(x) & LOW96);
    #[cfg(target_arch = "wasm32")]
    sort_packed(items, key);
}

const LOW96: u128 = (1 << 96) - 1;

/// The web build's sort: one instantiation of the standard sort, for
/// `u128`, whatever `T` is.
pub fn sort_packed<T>(items: &mut Vec<T>, key: impl Fn(&T) -> u128) {
    if items.len() < 2 {
        return;
    }
    let mut order: Vec<u128> = items
        .iter()
        .enumerate()
        .map(|(i, x)| (key(x) & LOW96) << 32 | i as u128)
        .collect();
    // The stable sort, though the index makes every key distinct: it
    // merges runs that are already in order, and the lists sorted here
    // are mostly such runs (each rule's findings come in text order). The
    // unstable sort partitions them all over again: 28,000 findings of the
    // 1.5 MB text took 5 ms longer in the browser.
    order.sort();
    // Lists often come in order already: nothing to move.
    if order
        .iter()
        .enumerate()
        .all(|(i, &k)| k as u32 as usize == i)
    {
        return;
    }
    let mut slots: Vec<Option<T>> = items.drain(..).map(Some).collect();
    items.extend(
        order
            .iter()
            .filter_map(|&k| slots.get_mut(k as u32 as usize).and_then(Option::take)),
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_stably_like_the_standard_sort() {
        let mut seed = 7u64;
        let mut items: Vec<(usize, usize, char)> = (0..2000)
            .map(|i| {
                seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1);
                (
                    (seed >> 40) as usize % 50,
                    (seed >> 20) as usize % 7,
                    char::from(b'a' + (i % 26) as u8),
                )
            })
            .collect();
        let mut want = items.clone();
        want.sort_by_key(|&(a, b, _)| (a, std::cmp::Reverse(b)));
        let mut packed = items.clone();
        sort_by(&mut items, |&(a, b, _)| key3(a, desc(b), 0));
        assert_eq!(items, want);
        sort_packed(&mut packed, |&(a, b, _)| key3(a, desc(b), 0));
        assert_eq!(packed, want);
        // Already sorted: unchanged.
        sort_packed(&mut packed, |&(a, b, _)| key3(a, desc(b), 0));
        assert_eq!(packed, want);
        let mut one = vec![3];
        sort_packed(&mut one, |&x| x as u128);
        assert_eq!(one, vec![3]);
    }

    #[test]
    fn saturates_fields_past_32_bits() {
        let big = u32::MAX as usize;
        assert!(key3(1, 0, 0) > key3(0, big, big));
        assert!(key3(0, 2, 0) > key3(0, 1, big));
        assert_eq!(desc(0), big);
        assert_eq!(desc(big), 0);
        let mut v = vec![5usize, 1, 4];
        sort_by(&mut v, |&x| x as u128);
        assert_eq!(v, vec![1, 4, 5]);
        let mut v = vec![5usize, 1, 4];
        sort_packed(&mut v, |&x| x as u128);
        assert_eq!(v, vec![1, 4, 5]);
    }
}
