//! Writing small zips for tests, fixtures and fuzz seeds (not used by the
//! app, so it never reaches the wasm).

pub use super::crc32;

/// An entry written as given: `data` is already compressed with
/// `method`, and `crc`/`size` are whatever the test wants declared.
pub struct RawEntry<'a> {
    pub name: &'a str,
    pub method: u16,
    pub data: &'a [u8],
    pub crc: u32,
    pub size: u32,
}

/// A zip of deflated entries with correct sizes and checksums.
pub fn zip(parts: &[(&str, &[u8])]) -> Vec<u8> {
    let packed: Vec<Vec<u8>> = parts
        .iter()
        .map(|(_, d)| miniz_oxide::deflate::compress_to_vec(d, 6))
        .collect();
    let entries: Vec<RawEntry> = parts
        .iter()
        .zip(&packed)
        .map(|((name, data), packed)| RawEntry {
            name,
            method: 8,
            data: packed,
            crc: crc32(data),
            size: data.len() as u32,
        })
        .collect();
    zip_raw(&entries)
}

pub fn zip_raw(entries: &[RawEntry]) -> Vec<u8> {
    let mut out = Vec::new();
    let mut central = Vec::new();
    for e in entries {
        let offset = out.len() as u32;
        let common = |v: &mut Vec<u8>| {
            v.extend(20u16.to_le_bytes()); // version needed
            v.extend(0x0800u16.to_le_bytes()); // UTF-8 names
            v.extend(e.method.to_le_bytes());
            v.extend([0, 0, 0x21, 0]); // time, date: 1980-01-01
            v.extend(e.crc.to_le_bytes());
            v.extend((e.data.len() as u32).to_le_bytes());
            v.extend(e.size.to_le_bytes());
            v.extend((e.name.len() as u16).to_le_bytes());
            v.extend(0u16.to_le_bytes()); // extra length
        };
        out.extend(b"PK\x03\x04");
        common(&mut out);
        out.extend(e.name.as_bytes());
        out.extend(e.data);
        central.extend(b"PK\x01\x02");
        central.extend(20u16.to_le_bytes()); // version made by
        common(&mut central);
        central.extend([0u8; 6]); // comment length, disk, internal attributes
        central.extend(0u32.to_le_bytes()); // external attributes
        central.extend(offset.to_le_bytes());
        central.extend(e.name.as_bytes());
    }
    let cd_offset = out.len() as u32;
    let n = entries.len().min(0xFFFF) as u16;
    out.extend(&central);
    out.extend(b"PK\x05\x06\0\0\0\0");
    out.extend(n.to_le_bytes());
    out.extend(n.to_le_bytes());
    out.extend((central.len() as u32).to_le_bytes());
    out.extend(cd_offset.to_le_bytes());
    out.extend(0u16.to_le_bytes());
    out
}
