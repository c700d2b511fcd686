//! A quiet pre-pass over a FIT file's messages before `fitparser` reads it: a field whose size
//! is not a multiple of its base type's makes the library print an `ERROR:` line on the
//! terminal (and read the field as bytes). This pass finds those definitions and marks the
//! field as bytes first, so the library has nothing to print. It follows the message layout of
//! the FIT protocol (header, definition and data messages, compressed timestamps, developer
//! fields, chained files) and stops quietly where the bytes stop making sense: the real reader
//! reports that.

/// The size of a FIT base type (the type byte as `fitparser` masks it), or 1 for unknown types.
fn base_size(base: u8) -> usize {
    match base & 0x9F {
        0x83 | 0x84 | 0x8B => 2,
        0x85 | 0x86 | 0x88 | 0x8C => 4,
        0x89 | 0x8E | 0x8F | 0x90 => 8,
        _ => 1,
    }
}

/// The FIT `byte` base type: read as raw bytes, any size.
const BYTE: u8 = 0x0D;

/// A copy of `bytes` with every field whose size does not fit its base type marked as bytes.
pub fn quiet(bytes: &[u8]) -> Vec<u8> {
    let mut out = bytes.to_vec();
    let mut at = 0;
    // Chained FIT files: header, messages, CRC, again.
    while at + 12 <= out.len() {
        let header = usize::from(out[at]);
        if header < 12 || out.get(at + 8..at + 12) != Some(b".FIT") {
            break;
        }
        let data = u32::from_le_bytes([out[at + 4], out[at + 5], out[at + 6], out[at + 7]]);
        let end = (at + header).saturating_add(data as usize).min(out.len());
        scan_messages(&mut out, at + header, end);
        at = end + 2;
    }
    out
}

fn scan_messages(out: &mut [u8], mut at: usize, end: usize) {
    // Data length of each local message type, once defined.
    let mut lengths: [Option<usize>; 16] = [None; 16];
    while at < end {
        let record = out[at];
        at += 1;
        if record & 0x80 != 0 {
            // Compressed timestamp header: a data message of local type 0-3.
            let Some(len) = lengths[usize::from((record >> 5) & 0x03)] else {
                return;
            };
            at += len;
        } else if record & 0x40 != 0 {
            let developer = record & 0x20 != 0;
            let Some(&count) = out.get(at + 4) else {
                return;
            };
            let fields = at + 5;
            let mut len = 0;
            for i in 0..usize::from(count) {
                let field = fields + i * 3;
                let (Some(&size), Some(&base)) = (out.get(field + 1), out.get(field + 2)) else {
                    return;
                };
                if usize::from(size) % base_size(base) != 0 {
                    out[field + 2] = BYTE;
                }
                len += usize::from(size);
            }
            at = fields + usize::from(count) * 3;
            if developer {
                let Some(&dev_count) = out.get(at) else {
                    return;
                };
                for i in 0..usize::from(dev_count) {
                    let Some(&size) = out.get(at + 1 + i * 3 + 1) else {
                        return;
                    };
                    len += usize::from(size);
                }
                at += 1 + usize::from(dev_count) * 3;
            }
            lengths[usize::from(record & 0x0F)] = Some(len);
        } else {
            let Some(len) = lengths[usize::from(record & 0x0F)] else {
                return;
            };
            at += len;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_field_too_small_for_its_type_becomes_bytes() {
        // Header (12 bytes), then a definition of local type 0 with one uint16 field of 3 bytes,
        // then one data message of 3 bytes.
        let mut bytes = vec![12, 0x10, 0, 0];
        let body = [0x40, 0, 0, 20, 0, 1, 253, 3, 0x84, 0x00, 1, 2, 3];
        bytes.extend_from_slice(&(body.len() as u32).to_le_bytes());
        bytes.extend_from_slice(b".FIT");
        bytes.extend_from_slice(&body);
        bytes.extend_from_slice(&[0, 0]);
        let fixed = quiet(&bytes);
        assert_eq!(fixed[12 + 8], BYTE);
        assert_eq!(fixed.len(), bytes.len());
        // Garbage is left as it is.
        assert_eq!(quiet(b"not a fit file"), b"not a fit file".to_vec());
    }
}
