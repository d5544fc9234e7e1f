//! A bounds-checked little-endian reader over a byte slice. Every read
//! returns an error instead of panicking; offsets in errors are absolute
//! offsets in the file.

use super::GeoError;

#[derive(Clone)]
pub(crate) struct Reader<'a> {
    bytes: &'a [u8],
    pos: usize,
    /// Absolute file offset of `bytes[0]`.
    base: usize,
}

impl<'a> Reader<'a> {
    pub(crate) fn new(bytes: &'a [u8], base: usize) -> Self {
        Reader { bytes, pos: 0, base }
    }

    /// Absolute file offset of the next byte.
    pub(crate) fn offset(&self) -> usize {
        self.base.saturating_add(self.pos)
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.pos >= self.bytes.len()
    }

    pub(crate) fn take(&mut self, n: usize) -> Result<&'a [u8], GeoError> {
        let truncated = GeoError::Truncated { offset: self.offset() };
        let end = self.pos.checked_add(n).ok_or(truncated.clone())?;
        let out = self.bytes.get(self.pos..end).ok_or(truncated)?;
        self.pos = end;
        Ok(out)
    }

    /// Everything not read yet.
    pub(crate) fn rest(&mut self) -> &'a [u8] {
        let out = self.bytes.get(self.pos..).unwrap_or(&[]);
        self.pos = self.bytes.len();
        out
    }

    pub(crate) fn u8(&mut self) -> Result<u8, GeoError> {
        let b = *self
            .bytes
            .get(self.pos)
            .ok_or(GeoError::Truncated { offset: self.offset() })?;
        self.pos += 1;
        Ok(b)
    }

    /// The next `N` bytes as an array: `first_chunk` says whether they are
    /// there, where `copy_from_slice` would check the length again and keep
    /// a panic path with its message.
    fn array<const N: usize>(&mut self) -> Result<[u8; N], GeoError> {
        let rest = self.bytes.get(self.pos..).unwrap_or(&[]);
        let out = *rest
            .first_chunk::<N>()
            .ok_or(GeoError::Truncated { offset: self.offset() })?;
        self.pos += N;
        Ok(out)
    }

    pub(crate) fn u16(&mut self) -> Result<u16, GeoError> {
        self.array().map(u16::from_le_bytes)
    }

    pub(crate) fn f64(&mut self) -> Result<f64, GeoError> {
        self.array().map(f64::from_le_bytes)
    }

    /// Unsigned LEB128, at most 5 bytes, value < 2^32.
    pub(crate) fn varint(&mut self) -> Result<u32, GeoError> {
        let start = self.offset();
        let mut value: u32 = 0;
        let mut shift = 0;
        loop {
            let b = self.u8()?;
            if shift == 28 && b > 0x0f {
                return Err(GeoError::BadVarint { offset: start });
            }
            value |= u32::from(b & 0x7f) << shift;
            if b & 0x80 == 0 {
                return Ok(value);
            }
            shift += 7;
        }
    }

    /// A zigzag-encoded signed varint: 0, -1, 1, -2, ... = 0, 1, 2, 3, ...
    pub(crate) fn zigzag(&mut self) -> Result<i32, GeoError> {
        let v = self.varint()?;
        Ok(((v >> 1) as i32) ^ -((v & 1) as i32))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn geo_reader_decodes_varints_and_zigzag() {
        let bytes = [0x00, 0x7f, 0x80, 0x01, 0xff, 0xff, 0xff, 0xff, 0x0f, 0x03, 0x04];
        let mut r = Reader::new(&bytes, 10);
        assert_eq!(r.varint(), Ok(0));
        assert_eq!(r.varint(), Ok(127));
        assert_eq!(r.varint(), Ok(128));
        assert_eq!(r.varint(), Ok(u32::MAX));
        assert_eq!(r.zigzag(), Ok(-2));
        assert_eq!(r.zigzag(), Ok(2));
        assert!(r.is_empty());
        assert_eq!(r.u8(), Err(GeoError::Truncated { offset: 21 }));
    }

    #[test]
    fn geo_reader_rejects_overlong_varints() {
        let mut r = Reader::new(&[0xff, 0xff, 0xff, 0xff, 0x10], 0);
        assert_eq!(r.varint(), Err(GeoError::BadVarint { offset: 0 }));
        let mut r = Reader::new(&[0x80, 0x80], 3);
        assert_eq!(r.varint(), Err(GeoError::Truncated { offset: 5 }));
    }
}
