//! Folding text for search: case and diacritics removed character by character, so that
//! "Ţările", "Țările" and "tarile" are the same word, while every folded character still
//! knows which character of the original it came from.

use unicode_normalization::char::{decompose_canonical, is_combining_mark};

/// Folds `text` into `out`: lowercase, canonically decomposed, combining marks dropped.
///
/// When `origins` is given, it receives for each byte of `out` the byte offset in `text` of
/// the character it came from, so a match in the folded text maps back to whole
/// characters of the original.
pub fn fold_into(text: &str, out: &mut String, mut origins: Option<&mut Vec<u32>>) {
    for (offset, c) in text.char_indices() {
        let before = out.len();
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
        } else {
            for lower in c.to_lowercase() {
                if let Some(plain) = without_mark(lower) {
                    out.push(plain);
                    continue;
                }
                decompose_canonical(lower, |part| {
                    if !is_combining_mark(part) {
                        out.push(part);
                    }
                });
            }
        }
        if let Some(origins) = origins.as_deref_mut() {
            origins.extend(std::iter::repeat_n(offset as u32, out.len() - before));
        }
    }
}

/// Letters whose marks are part of the letter in Unicode (no decomposition), folded to
/// the base letter that readers expect them to match.
fn without_mark(c: char) -> Option<char> {
    Some(match c {
        'ł' => 'l',
        'đ' => 'd',
        'ø' => 'o',
        'ħ' => 'h',
        'ŧ' => 't',
        'ı' => 'i',
        _ => return None,
    })
}

/// `text` folded.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    fold_into(text, &mut out, None);
    out
}

/// `text` folded, with the origin of each folded byte.
pub fn fold_with_origins(text: &str) -> (String, Vec<u32>) {
    let mut out = String::with_capacity(text.len());
    let mut origins = Vec::with_capacity(text.len());
    fold_into(text, &mut out, Some(&mut origins));
    (out, origins)
}

/// The byte range in the original text of the folded range `start..end`, widened to whole
/// characters. `origins` comes from [`fold_with_origins`] on `original`.
pub fn original_range(
    original: &str,
    origins: &[u32],
    start: usize,
    end: usize,
) -> std::ops::Range<usize> {
    let from = origins.get(start).map_or(original.len(), |&o| o as usize);
    let last = origins
        .get(end.saturating_sub(1))
        .map_or(original.len(), |&o| o as usize);
    let mut to = original[last..]
        .chars()
        .next()
        .map_or(original.len(), |c| last + c.len_utf8());
    // Marks that folded to nothing belong to the character before them: keep them with it,
    // so a highlight never splits a letter from its accent.
    for c in original[to..].chars().take_while(|&c| is_combining_mark(c)) {
        to += c.len_utf8();
    }
    from..to.max(from)
}

/// Whether the folded character before `at` (if any) ends a word, so a match at `at`
/// starts one.
pub fn starts_word(folded: &str, at: usize) -> bool {
    folded[..at]
        .chars()
        .next_back()
        .is_none_or(|c| !c.is_alphanumeric())
}

/// Whether the match ending at `end` ends a word.
pub fn ends_word(folded: &str, end: usize) -> bool {
    folded[end..]
        .chars()
        .next()
        .is_none_or(|c| !c.is_alphanumeric())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_the_letters_of_romanian_and_more() {
        let table = [
            ("Ţările", "tarile"), // cedilla, as the source writes it
            ("Țările", "tarile"), // comma below, as modern Romanian does
            ("ŞŢşţ", "stst"),
            ("ȘȚșț", "stst"),
            ("ăâî", "aai"),
            ("ĂÂÎ", "aai"),
            ("Republica Cehă", "republica ceha"),
            ("Chişinău", "chisinau"),
            ("ÉCOLE Ñandú Øresund Łódź", "ecole nandu oresund lodz"),
            ("自由在线联盟", "自由在线联盟"), // CJK folds to itself
            ("👍🏽 ok", "👍🏽 ok"),               // emoji are kept
            ("İstanbul", "istanbul"),
        ];
        for (text, folded) in table {
            assert_eq!(fold(text), folded, "{text}");
        }
    }

    #[test]
    fn every_folded_byte_knows_its_original_character() {
        let text = "Ţările Române";
        let (folded, origins) = fold_with_origins(text);
        assert_eq!(folded.len(), origins.len());
        let start = folded.find("romane").unwrap();
        let range = original_range(text, &origins, start, start + "romane".len());
        assert_eq!(&text[range], "Române");
        let range = original_range(text, &origins, 0, 1);
        assert_eq!(&text[range], "Ţ");
    }

    #[test]
    fn decomposed_input_maps_back_to_whole_characters() {
        let text = "t\u{326}ara"; // t + combining comma below, not normalized
        let (folded, origins) = fold_with_origins(text);
        assert_eq!(folded, "tara");
        assert_eq!(&text[original_range(text, &origins, 0, 1)], "t\u{326}");
        assert_eq!(&text[original_range(text, &origins, 1, 4)], "ara");
    }

    #[test]
    fn knows_word_boundaries() {
        let folded = "republica ceha";
        assert!(starts_word(folded, 0));
        assert!(starts_word(folded, 10));
        assert!(!starts_word(folded, 3));
        assert!(ends_word(folded, 14));
        assert!(!ends_word(folded, 12));
    }
}
