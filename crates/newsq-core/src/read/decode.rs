//! Bytes to text: decode UTF-16 files that start with a BOM, reject binary
//! and non-UTF-8 files, strip a BOM, normalize line ends.

use super::skip::SkipReason;

/// How far to look for a NUL byte: text files never contain one, and binary
/// formats (PDF, images, archives, Office files) have one early on.
const BINARY_SNIFF_LEN: usize = 8 * 1024;

const BOM: &[u8] = b"\xEF\xBB\xBF";

/// Decode a file's bytes as article text.
///
/// A file starting with a UTF-16 byte order mark (as Windows tools save
/// "Unicode" text) is decoded as UTF-16, an unpaired surrogate becoming
/// U+FFFD. Errors: [`SkipReason::Empty`] for zero bytes or only whitespace,
/// [`SkipReason::Binary`] for a NUL byte in the first 8 KiB,
/// [`SkipReason::InvalidUtf8`] with the offset of the first bad byte in the file.
/// The bytes become the text in place: a file is not held twice.
pub(crate) fn decode(mut bytes: Vec<u8>) -> Result<String, SkipReason> {
    if bytes.is_empty() {
        return Err(SkipReason::Empty);
    }
    if let Some(text) = utf16_with_bom(&bytes) {
        if text.trim().is_empty() {
            return Err(SkipReason::Empty);
        }
        // UTF-32 (FF FE 00 00) and binary that happens to start like a BOM.
        if text.chars().take(BINARY_SNIFF_LEN).any(|c| c == '\0') {
            return Err(SkipReason::Binary);
        }
        return Ok(normalize_owned_newlines(text));
    }
    let head = bytes.get(..BINARY_SNIFF_LEN).unwrap_or(&bytes);
    if head.contains(&0) {
        return Err(SkipReason::Binary);
    }
    let skip = if bytes.starts_with(BOM) { BOM.len() } else { 0 };
    bytes.drain(..skip);
    let text = String::from_utf8(bytes).map_err(|e| SkipReason::InvalidUtf8 {
        // Offsets are reported in the file as the user sees it, BOM included.
        byte_offset: skip + e.utf8_error().valid_up_to(),
    })?;
    if text.trim().is_empty() {
        return Err(SkipReason::Empty);
    }
    Ok(normalize_owned_newlines(text))
}

/// The text of UTF-16 bytes that start with a byte order mark (FF FE for
/// little-endian, FE FF for big-endian), without the mark; `None` for any
/// other bytes. A last odd byte is dropped.
fn utf16_with_bom(bytes: &[u8]) -> Option<String> {
    let little_endian = match bytes.get(..2)? {
        [0xFF, 0xFE] => true,
        [0xFE, 0xFF] => false,
        _ => return None,
    };
    let units = bytes[2..].chunks_exact(2).map(|pair| {
        let pair = [pair[0], pair[1]];
        if little_endian {
            u16::from_le_bytes(pair)
        } else {
            u16::from_be_bytes(pair)
        }
    });
    Some(
        char::decode_utf16(units)
            .map(|c| c.unwrap_or(char::REPLACEMENT_CHARACTER))
            .collect(),
    )
}

/// `bytes` from their first character on: past a UTF-8 byte order mark and
/// white space, where a file's format shows (`WARC/`, `<html`).
pub(crate) fn content_start(bytes: &[u8]) -> &[u8] {
    bytes.strip_prefix(BOM).unwrap_or(bytes).trim_ascii_start()
}

/// Strip a leading BOM and turn `\r\n` (and a lone `\r`, old Mac files) into `\n`,
/// so that every later stage only deals with `\n`; undo UTF-8 that was read
/// as Latin-1 on the way ([`repair_mojibake`]).
pub(crate) fn normalize_newlines(text: &str) -> String {
    normalize_owned_newlines(text.to_string())
}

/// [`normalize_newlines`] without a copy when there is nothing to change.
fn normalize_owned_newlines(text: String) -> String {
    let text = match text.strip_prefix('\u{FEFF}') {
        Some(rest) => rest.to_string(),
        None => text,
    };
    let text = if text.contains('\r') {
        text.replace("\r\n", "\n").replace('\r', "\n")
    } else {
        text
    };
    repair_mojibake(text)
}

/// UTF-8 that some scraper read as Latin-1 and saved again ("FranÃ§ois"; twice
/// over, "FranÃ\u{83}Â§ois"): a user searching for "François" or "Hollande"
/// needs the letters back. Each run of two or more characters from U+0080 to
/// U+00FF is taken as bytes; the parts of it that are valid UTF-8 are decoded
/// and the rest kept as it was, so real Latin-1 letters ("café") stay. Two
/// rounds undo a double encoding.
pub(crate) fn repair_mojibake(text: String) -> String {
    // A UTF-8 lead byte read as a character (U+00C2..U+00F4, "Â" to "ô") right
    // before a continuation byte read as one (U+0080..U+00BF): in the file's
    // own UTF-8, C3 82..B4 then C2 80..BF. Real text almost never has it.
    // (Every article passes here: jump from one C3 byte to the next rather
    // than looking at every four-byte window.)
    let suspicious = |s: &str| {
        let bytes = s.as_bytes();
        let mut from = 0;
        while let Some(p) = bytes
            .get(from..)
            .and_then(|rest| rest.iter().position(|&b| b == 0xC3))
        {
            let at = from + p;
            if let Some(&[lead, c2, cont]) = bytes.get(at + 1..at + 4) {
                if (0x82..=0xB4).contains(&lead) && c2 == 0xC2 && cont <= 0xBF {
                    return true;
                }
            }
            from = at + 1;
        }
        false
    };
    let mut text = compose_split_leads(text);
    for _ in 0..2 {
        if !suspicious(&text) {
            break;
        }
        text = decode_latin1_runs(&text);
    }
    text
}

/// Mojibake saved again in decomposed form: "Ã" as "A" and a combining
/// tilde, "Â" as "A" and a combining circumflex ("TrA\u{303}©vidic"). Put
/// back together when a continuation byte read as a character (U+0080..U+00BF)
/// follows, so that `repair_mojibake` sees the usual pairs; a real "Ã" of
/// decomposed Portuguese is followed by a letter and stays as it is.
fn compose_split_leads(text: String) -> String {
    // U+0303 and U+0302 are CC 83 and CC 82: English text has no 0xCC byte.
    let bytes = text.as_bytes();
    let split_lead = |at: usize| {
        at > 0
            && bytes.get(at - 1) == Some(&b'A')
            && matches!(bytes.get(at + 1), Some(0x82 | 0x83))
            && bytes.get(at + 2) == Some(&0xC2)
            && bytes
                .get(at + 3)
                .is_some_and(|&b| (0x80..=0xBF).contains(&b))
    };
    let mut from = 0;
    let mut found = false;
    while let Some(p) = bytes
        .get(from..)
        .and_then(|rest| rest.iter().position(|&b| b == 0xCC))
    {
        if split_lead(from + p) {
            found = true;
            break;
        }
        from += p + 1;
    }
    if !found {
        return text;
    }
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == 'A' {
            let lead = match chars.peek() {
                Some('\u{303}') => Some('\u{C3}'),
                Some('\u{302}') => Some('\u{C2}'),
                _ => None,
            };
            if let Some(lead) = lead {
                let mut ahead = chars.clone();
                ahead.next();
                if ahead
                    .next()
                    .is_some_and(|n| ('\u{80}'..='\u{BF}').contains(&n))
                {
                    chars.next();
                    out.push(lead);
                    continue;
                }
            }
        }
        out.push(c);
    }
    out
}

fn decode_latin1_runs(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut run: Vec<u8> = Vec::new();
    let flush = |run: &mut Vec<u8>, out: &mut String| {
        if run.len() < 2 {
            out.extend(run.iter().map(|&b| char::from(b)));
        } else {
            for chunk in run.utf8_chunks() {
                out.push_str(chunk.valid());
                out.extend(chunk.invalid().iter().map(|&b| char::from(b)));
            }
        }
        run.clear();
    };
    for c in text.chars() {
        match u8::try_from(u32::from(c)) {
            Ok(b) if b >= 0x80 => run.push(b),
            _ => {
                flush(&mut run, &mut out);
                out.push(c);
            }
        }
    }
    flush(&mut run, &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mojibake_is_undone_and_latin1_letters_stay() {
        let twice = "President Fran\u{C3}\u{83}\u{C2}\u{A7}ois Ostby";
        assert_eq!(repair_mojibake(twice.into()), "President François Ostby");
        assert_eq!(repair_mojibake("Tr\u{C3}\u{A9}vidic".into()), "Trévidic");
        assert_eq!(
            repair_mojibake("café, naïve, Ærø".into()),
            "café, naïve, Ærø"
        );
        assert_eq!(repair_mojibake("a\u{C2}\u{A0}b".into()), "a\u{A0}b");
        // The same, saved again with its leads decomposed.
        assert_eq!(repair_mojibake("TrA\u{303}\u{A9}vidic".into()), "Trévidic");
        assert_eq!(
            repair_mojibake("FranA\u{303}\u{83}A\u{302}\u{A7}ois".into()),
            "François"
        );
        assert_eq!(repair_mojibake("Sa\u{303}o".into()), "Sa\u{303}o");
    }

    #[test]
    fn offsets_count_the_bom() {
        assert_eq!(
            decode(b"\xEF\xBB\xBFab\xFFc".to_vec()),
            Err(SkipReason::InvalidUtf8 { byte_offset: 5 })
        );
    }

    #[test]
    fn utf16_with_a_bom_is_decoded_either_way_round() {
        let text = "Harbour plan\r\n\r\n“We stay,” Ana Lopes said. 🙂";
        let expected = "Harbour plan\n\n“We stay,” Ana Lopes said. 🙂";
        let mut le = vec![0xFF, 0xFE];
        let mut be = vec![0xFE, 0xFF];
        for unit in text.encode_utf16() {
            le.extend_from_slice(&unit.to_le_bytes());
            be.extend_from_slice(&unit.to_be_bytes());
        }
        assert_eq!(decode(le.clone()).as_deref(), Ok(expected));
        assert_eq!(decode(be).as_deref(), Ok(expected));
        // An unpaired surrogate and a last odd byte do not stop the rest.
        le.extend_from_slice(&[0x00, 0xD8, b'!', 0x00, 0x41]);
        let decoded = decode(le).unwrap();
        assert!(decoded.ends_with("🙂\u{FFFD}!"), "{decoded:?}");
        assert_eq!(decode(vec![0xFF, 0xFE, b' ', 0]), Err(SkipReason::Empty));
    }

    #[test]
    fn crlf_and_bom() {
        assert_eq!(
            decode(b"\xEF\xBB\xBFa\r\nb\rc".to_vec()).as_deref(),
            Ok("a\nb\nc")
        );
        assert_eq!(decode(b" \n\t ".to_vec()), Err(SkipReason::Empty));
        assert_eq!(decode(b"a\0b".to_vec()), Err(SkipReason::Binary));
    }
}
