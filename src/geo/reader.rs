//! A bounds-checked little-endian reader over a byte slice that remembers
//! its first error instead of returning one from every read: a read that
//! fails records why (with the absolute file offset) and gives 0 or
//! nothing, and the caller asks `result` once for a whole group of reads.
//! A `Result` from every read cost the wasm a copy of the error at each
//! `?`, most of `World::decode`'s 3 KB. Nothing is lost: later failures
//! never replace the first one, so the error reported is the one that
//! returning at once would have reported.

use super::GeoError;

#[derive(Clone)]
pub(crate) struct Reader<'a> {
    bytes: &'a [u8],
    pos: usize,
    /// Absolute file offset of `bytes[0]`.
    base: usize,
    /// The first read or check that failed, if any.
    error: Option<GeoError>,
}

impl<'a> Reader<'a> {
    pub(crate) fn new(bytes: &'a [u8], base: usize) -> Self {
        Reader {
            bytes,
            pos: 0,
            base,
            error: None,
        }
    }

    /// Absolute file offset of the next byte.
    pub(crate) fn offset(&self) -> usize {
        self.base + self.pos
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.pos >= self.bytes.len()
    }

    /// Records `error` unless an earlier one is already recorded.
    pub(crate) fn fail(&mut self, error: GeoError) {
        if self.error.is_none() {
            self.error = Some(error);
        }
    }

    /// True once a read or check has failed.
    pub(crate) fn failed(&self) -> bool {
        self.error.is_some()
    }

    /// The first failure, if any.
    pub(crate) fn result(&self) -> Result<(), GeoError> {
        match &self.error {
            Some(error) => Err(error.clone()),
            None => Ok(()),
        }
    }

    /// The next `n` bytes, or nothing when fewer are left.
    pub(crate) fn take(&mut self, n: usize) -> &'a [u8] {
        let end = self.pos.saturating_add(n);
        match self.bytes.get(self.pos..end) {
            Some(out) => {
                self.pos = end;
                out
            }
            None => {
                self.fail(GeoError::Truncated { offset: self.offset() });
                &[]
            }
        }
    }

    /// Everything not read yet.
    pub(crate) fn rest(&mut self) -> &'a [u8] {
        let out = self.bytes.get(self.pos..).unwrap_or(&[]);
        self.pos = self.bytes.len();
        out
    }

    /// The next `N` bytes as an array (zeros when fewer are left):
    /// `first_chunk` says whether they are there, where `copy_from_slice`
    /// would check the length again and keep a panic path with its message.
    fn array<const N: usize>(&mut self) -> [u8; N] {
        let rest = self.bytes.get(self.pos..).unwrap_or(&[]);
        match rest.first_chunk::<N>() {
            Some(out) => {
                self.pos += N;
                *out
            }
            None => {
                self.fail(GeoError::Truncated { offset: self.offset() });
                [0; N]
            }
        }
    }

    pub(crate) fn u8(&mut self) -> u8 {
        let [b] = self.array();
        b
    }

    pub(crate) fn u16(&mut self) -> u16 {
        u16::from_le_bytes(self.array())
    }

    pub(crate) fn f64(&mut self) -> f64 {
        f64::from_le_bytes(self.array())
    }

    /// Unsigned LEB128, at most 5 bytes, value < 2^32. When it fails, the
    /// number returned is meaningless (the failure is recorded).
    pub(crate) fn varint(&mut self) -> u32 {
        let start = self.offset();
        let mut value: u32 = 0;
        let mut shift = 0;
        loop {
            // A byte past the end reads as 0, which ends the loop.
            let b = self.u8();
            if shift == 28 && b > 0x0f {
                self.fail(GeoError::BadVarint { offset: start });
                return 0;
            }
            value |= u32::from(b & 0x7f) << shift;
            if b & 0x80 == 0 {
                return value;
            }
            shift += 7;
        }
    }

    /// A zigzag-encoded signed varint: 0, -1, 1, -2, ... = 0, 1, 2, 3, ...
    pub(crate) fn zigzag(&mut self) -> i32 {
        let v = self.varint();
        ((v >> 1) as i32) ^ -((v & 1) as i32)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn geo_reader_decodes_varints_and_zigzag() {
        let bytes = [0x00, 0x7f, 0x80, 0x01, 0xff, 0xff, 0xff, 0xff, 0x0f, 0x03, 0x04];
        let mut r = Reader::new(&bytes, 10);
        assert_eq!(r.varint(), 0);
        assert_eq!(r.varint(), 127);
        assert_eq!(r.varint(), 128);
        assert_eq!(r.varint(), u32::MAX);
        assert_eq!(r.zigzag(), -2);
        assert_eq!(r.zigzag(), 2);
        assert!(r.is_empty());
        assert_eq!(r.result(), Ok(()));
        assert_eq!(r.u8(), 0);
        assert_eq!(r.result(), Err(GeoError::Truncated { offset: 21 }));
    }

    #[test]
    fn geo_reader_rejects_overlong_varints() {
        let mut r = Reader::new(&[0xff, 0xff, 0xff, 0xff, 0x10], 0);
        assert_eq!(r.varint(), 0);
        assert_eq!(r.result(), Err(GeoError::BadVarint { offset: 0 }));
        let mut r = Reader::new(&[0x80, 0x80], 3);
        assert_eq!(r.varint(), 0);
        assert_eq!(r.result(), Err(GeoError::Truncated { offset: 5 }));
    }

    #[test]
    fn geo_reader_keeps_the_first_failure() {
        let mut r = Reader::new(&[0x01], 7);
        assert_eq!(r.take(2), &[] as &[u8]);
        r.fail(GeoError::BadMagic);
        assert_eq!(r.u16(), 0);
        assert!(r.failed());
        assert_eq!(r.result(), Err(GeoError::Truncated { offset: 7 }));
    }
}
