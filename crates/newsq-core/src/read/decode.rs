//! Bytes to text: reject binary and non-UTF-8 files, strip a BOM, normalize line ends.

use super::skip::SkipReason;

/// How far to look for a NUL byte: text files never contain one, and binary
/// formats (PDF, images, archives, Office files) have one early on.
const BINARY_SNIFF_LEN: usize = 8 * 1024;

const BOM: &[u8] = b"\xEF\xBB\xBF";

/// Decode a file's bytes as article text.
///
/// Errors: [`SkipReason::Empty`] for zero bytes or only whitespace,
/// [`SkipReason::Binary`] for a NUL byte in the first 8 KiB,
/// [`SkipReason::InvalidUtf8`] with the offset of the first bad byte in the file.
pub(crate) fn decode(bytes: &[u8]) -> Result<String, SkipReason> {
    if bytes.is_empty() {
        return Err(SkipReason::Empty);
    }
    let head = bytes.get(..BINARY_SNIFF_LEN).unwrap_or(bytes);
    if head.contains(&0) {
        return Err(SkipReason::Binary);
    }
    let (skip, rest) = match bytes.strip_prefix(BOM) {
        Some(rest) => (BOM.len(), rest),
        None => (0, bytes),
    };
    let text = std::str::from_utf8(rest).map_err(|e| SkipReason::InvalidUtf8 {
        // Offsets are reported in the file as the user sees it, BOM included.
        byte_offset: skip + e.valid_up_to(),
    })?;
    if text.trim().is_empty() {
        return Err(SkipReason::Empty);
    }
    Ok(normalize_newlines(text))
}

/// Strip a leading BOM and turn `\r\n` (and a lone `\r`, old Mac files) into `\n`,
/// so that every later stage only deals with `\n`.
pub(crate) fn normalize_newlines(text: &str) -> String {
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    if !text.contains('\r') {
        return text.to_string();
    }
    text.replace("\r\n", "\n").replace('\r', "\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_count_the_bom() {
        assert_eq!(
            decode(b"\xEF\xBB\xBFab\xFFc"),
            Err(SkipReason::InvalidUtf8 { byte_offset: 5 })
        );
    }

    #[test]
    fn crlf_and_bom() {
        assert_eq!(decode(b"\xEF\xBB\xBFa\r\nb\rc").as_deref(), Ok("a\nb\nc"));
        assert_eq!(decode(b" \n\t "), Err(SkipReason::Empty));
        assert_eq!(decode(b"a\0b"), Err(SkipReason::Binary));
    }
}
