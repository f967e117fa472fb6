//! Writing the zip back: every entry that is not replaced is copied as it
//! is stored (its local header and compressed bytes, untouched: same
//! compression, same checksum), the replaced and new parts are deflated
//! (natively) or stored (in the web build, where miniz_oxide's compressor
//! would add to the download — BENCHMARKS.md; a stored entry, method 0, is
//! as valid a zip entry as a deflated one, only bigger).
//! A writer of its own over miniz_oxide, not the zip crate: see
//! BENCHMARKS.md ("Writing .docx") for the download size this saves.

use super::zip::{corrupt, crc32, end_record, le16, le32, normalize_part};
use crate::decode::LoadError;

/// One entry of the central directory, as found.
struct Entry<'a> {
    /// The whole central directory record (header, name, extra, comment).
    record: &'a [u8],
    name: &'a [u8],
    /// The local header and the data after it, up to the next entry
    /// (with the data descriptor, if any).
    local: &'a [u8],
}

fn unsupported() -> LoadError {
    LoadError::new(
        "文件使用了 zip64 等不常见的压缩包格式，无法写回：请用 Word/WPS 另存为 .docx 后再试",
        "the file uses an unusual zip layout (zip64) that cannot be written back; save it as .docx from Word/WPS and try again",
    )
}

fn entries(bytes: &[u8]) -> Result<Vec<Entry<'_>>, LoadError> {
    let bad = || corrupt("zip 目录不完整 / the zip directory is damaged");
    let rec = end_record(bytes).ok_or_else(bad)?;
    if rec.entries >= 0xFFFF || rec.cd_offset >= 0xFFFF_FFFF {
        return Err(unsupported());
    }
    let mut at = rec.cd_offset as usize;
    let mut out = Vec::new();
    for _ in 0..rec.entries {
        if bytes.get(at..at + 4) != Some(b"PK\x01\x02") {
            return Err(bad());
        }
        let half = |off: usize| le16(bytes, at + off).map(usize::from).ok_or_else(bad);
        let (name_len, extra_len, comment_len) = (half(28)?, half(30)?, half(32)?);
        let compressed = le32(bytes, at + 20).ok_or_else(bad)?;
        let size = le32(bytes, at + 24).ok_or_else(bad)?;
        let header = le32(bytes, at + 42).ok_or_else(bad)?;
        if compressed == 0xFFFF_FFFF || size == 0xFFFF_FFFF || header == 0xFFFF_FFFF {
            return Err(unsupported());
        }
        let end = at + 46 + name_len + extra_len + comment_len;
        let record = bytes.get(at..end).ok_or_else(bad)?;
        let name = &record[46..46 + name_len];
        let h = header as usize;
        if bytes.get(h..h + 4) != Some(b"PK\x03\x04") {
            return Err(bad());
        }
        let local_name = le16(bytes, h + 26).map(usize::from).ok_or_else(bad)?;
        let local_extra = le16(bytes, h + 28).map(usize::from).ok_or_else(bad)?;
        let mut data_end = h + 30 + local_name + local_extra + compressed as usize;
        let flags = le16(bytes, at + 8).ok_or_else(bad)?;
        if flags & 8 != 0 {
            // Data descriptor: crc, sizes, optionally behind a signature.
            let sig = bytes.get(data_end..data_end + 4) == Some(b"PK\x07\x08");
            data_end += if sig { 16 } else { 12 };
        }
        let local = bytes.get(h..data_end).ok_or_else(bad)?;
        out.push(Entry {
            record,
            name,
            local,
        });
        at = end;
    }
    Ok(out)
}

fn push16(v: &mut Vec<u8>, x: u16) {
    v.extend_from_slice(&x.to_le_bytes());
}
fn push32(v: &mut Vec<u8>, x: u32) {
    v.extend_from_slice(&x.to_le_bytes());
}

/// Whether [`repack`] deflates the parts it writes (else stores them).
const DEFLATE: bool = cfg!(not(target_arch = "wasm32"));

/// An entry, deflated or stored: (local header + data, central record
/// without offset).
fn packed(
    name: &[u8],
    data: &[u8],
    like: Option<&[u8]>,
    deflate: bool,
) -> Result<(Vec<u8>, Vec<u8>), LoadError> {
    let buf;
    let deflated = if deflate {
        buf = miniz_oxide::deflate::compress_to_vec(data, 6);
        &buf[..]
    } else {
        data
    };
    let too_big = || unsupported();
    let csize = u32::try_from(deflated.len()).map_err(|_| too_big())?;
    let size = u32::try_from(data.len()).map_err(|_| too_big())?;
    let name_len = u16::try_from(name.len()).map_err(|_| too_big())?;
    let crc = crc32(data);
    // Time and date of the part replaced (1980-01-01 for a new one).
    let stamp = like.and_then(|r| r.get(12..16)).unwrap_or(&[0, 0, 0x21, 0]);
    let common = |v: &mut Vec<u8>| {
        push16(v, if deflate { 20 } else { 10 }); // version needed
        push16(v, 0x0800); // UTF-8 name
        push16(v, if deflate { 8 } else { 0 }); // method: deflate or stored
        v.extend_from_slice(stamp);
        push32(v, crc);
        push32(v, csize);
        push32(v, size);
        push16(v, name_len);
        push16(v, 0); // extra
    };
    let mut local = Vec::with_capacity(30 + name.len() + deflated.len());
    local.extend_from_slice(b"PK\x03\x04");
    common(&mut local);
    local.extend_from_slice(name);
    local.extend_from_slice(deflated);
    let mut central = Vec::with_capacity(46 + name.len());
    central.extend_from_slice(b"PK\x01\x02");
    push16(&mut central, like.and_then(|r| le16(r, 4)).unwrap_or(20));
    common(&mut central);
    push16(&mut central, 0); // comment
    push16(&mut central, 0); // disk
    push16(&mut central, like.and_then(|r| le16(r, 36)).unwrap_or(0));
    push32(&mut central, like.and_then(|r| le32(r, 38)).unwrap_or(0));
    push32(&mut central, 0); // offset, set when written
    central.extend_from_slice(name);
    Ok((local, central))
}

/// The zip `bytes` with the parts named in `replace` (name, new content)
/// replaced, or added at the end when the zip has no such part.
pub(super) fn repack(bytes: &[u8], replace: &[(String, Vec<u8>)]) -> Result<Vec<u8>, LoadError> {
    repack_as(bytes, replace, DEFLATE)
}

/// [`repack`], the written parts deflated or stored.
pub(super) fn repack_as(
    bytes: &[u8],
    replace: &[(String, Vec<u8>)],
    deflate: bool,
) -> Result<Vec<u8>, LoadError> {
    let old = entries(bytes)?;
    let mut out =
        Vec::with_capacity(bytes.len() + replace.iter().map(|(_, d)| d.len() / 4).sum::<usize>());
    let mut central = Vec::new();
    let mut done = vec![false; replace.len()];
    let mut count = 0u32;
    let mut add = |out: &mut Vec<u8>,
                   central: &mut Vec<u8>,
                   local: &[u8],
                   mut record: Vec<u8>|
     -> Result<(), LoadError> {
        let offset = u32::try_from(out.len()).map_err(|_| unsupported())?;
        record[42..46].copy_from_slice(&offset.to_le_bytes());
        out.extend_from_slice(local);
        central.extend_from_slice(&record);
        count += 1;
        Ok(())
    };
    for e in &old {
        let name = normalize_part(&String::from_utf8_lossy(e.name));
        match replace.iter().position(|(n, _)| normalize_part(n) == name) {
            Some(k) if !done[k] => {
                done[k] = true;
                let (local, record) = packed(e.name, &replace[k].1, Some(e.record), deflate)?;
                add(&mut out, &mut central, &local, record)?;
            }
            // A second entry of the same name: dropped, as readers take the first.
            Some(_) => {}
            None => add(&mut out, &mut central, e.local, e.record.to_vec())?,
        }
    }
    for (k, (name, data)) in replace.iter().enumerate() {
        if !done[k] {
            let (local, record) = packed(name.as_bytes(), data, None, deflate)?;
            add(&mut out, &mut central, &local, record)?;
        }
    }
    let cd_offset = u32::try_from(out.len()).map_err(|_| unsupported())?;
    let cd_len = u32::try_from(central.len()).map_err(|_| unsupported())?;
    let n = u16::try_from(count).map_err(|_| unsupported())?;
    out.extend_from_slice(&central);
    out.extend_from_slice(b"PK\x05\x06\0\0\0\0");
    push16(&mut out, n);
    push16(&mut out, n);
    push32(&mut out, cd_len);
    push32(&mut out, cd_offset);
    push16(&mut out, 0);
    Ok(out)
}
