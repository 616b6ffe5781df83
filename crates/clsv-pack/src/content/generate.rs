//! Large synthetic packs, for benchmarks and scale tests: the default pack with its member
//! list replaced by any number of members with realistic names in many scripts.
//!
//! The names are made from syllables, deterministically (the same count gives the same
//! pack), so measurements can be repeated. Each member has a location somewhere in its
//! region's part of the world (on land or not), with its source, so that a map of every
//! member can be measured too.

use std::fmt::Write;

use super::load::{PackFile, embedded_files};

/// Syllables of names in several scripts, so that folding, width and search see what real
/// multilingual content has: Romanian and other Latin letters with marks, Cyrillic, Greek,
/// CJK (two columns wide) and Arabic.
const SYLLABLES: [&[&str]; 6] = [
    &[
        "ma", "ri", "ş", "tef", "ăn", "ţa", "ro", "vi", "ca", "nu", "mi", "hai", "lu", "ea", "ni",
        "ţă",
    ],
    &[
        "wło", "dzi", "mie", "rz", "ků", "chá", "ňo", "že", "ló", "pé", "ß", "øy", "ðu", "ga",
        "ne", "ra",
    ],
    &[
        "Мо", "ско", "ва", "ни", "ко", "лай", "ев", "да", "бор", "ис",
    ],
    &[
        "Αθ", "ή", "να", "Κω", "στα", "ντί", "νος", "λέ", "ξαν", "δρος",
    ],
    &["東", "京", "北", "海", "道", "大", "阪", "山", "田", "中"],
    &["مح", "مد", "عب", "د", "ال", "له", "سا", "رة", "نو", "ر"],
];

/// A small deterministic generator (xorshift), enough to vary names without a dependency.
struct Generator(u64);

impl Generator {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn name(&mut self, script: usize) -> String {
        let syllables = SYLLABLES[script];
        let count = 2 + self.below(3);
        let mut name: String = (0..count)
            .map(|_| syllables[self.below(syllables.len())])
            .collect();
        if script < 2 {
            // Latin names start with a capital, as names do.
            let mut chars = name.chars();
            if let Some(first) = chars.next() {
                name = first.to_uppercase().chain(chars).collect();
            }
        }
        name
    }
}

/// Escapes a text for a RON string.
fn ron_string(text: &str) -> String {
    format!("{text:?}")
}

/// The `members.ron` of a pack with `count` members.
pub fn members_ron(count: usize) -> String {
    let regions = [
        ("western-europe", "Europa de Vest", "Western Europe"),
        ("eastern-europe", "Europa de Est", "Eastern Europe"),
        ("eastern-asia", "Asia de Est", "Eastern Asia"),
        ("western-asia", "Asia de Vest", "Western Asia"),
        ("northern-africa", "Africa de Nord", "Northern Africa"),
    ];
    // Where each region's members are placed, in degrees: (south, north, west, east).
    let areas: [(i32, i32, i32, i32); 5] = [
        (43, 54, -5, 16),
        (44, 56, 14, 40),
        (22, 50, 100, 145),
        (12, 42, 35, 60),
        (15, 37, -17, 33),
    ];
    let mut out = String::with_capacity(count * 270);
    out.push_str("Members(\n    intro: {\"ro\": \"Pachet generat cu {member_count} membri.\", \"en\": \"A generated pack with {member_count} members.\"},\n    regions: [\n");
    for (id, ro, en) in regions {
        let _ = writeln!(
            out,
            "        Region(id: \"{id}\", name: {{\"ro\": \"{ro}\", \"en\": \"{en}\"}}),"
        );
    }
    out.push_str("    ],\n    members: [\n");
    let mut generator = Generator(0x9e37_79b9_7f4a_7c15);
    // Apart from `generator`, so that the names stay those of packs generated before.
    let mut places = Generator(0x2545_f491_4f6c_dd1d);
    for i in 0..count {
        let script = generator.below(SYLLABLES.len());
        let first = generator.name(script);
        let last = generator.name(script);
        let ro = format!("{first} {last}");
        // The English name is sometimes a transliteration, sometimes the same.
        let en = match generator.below(3) {
            0 => format!("{last} {first}"),
            _ => ro.clone(),
        };
        let code: String = (0..2)
            .map(|_| (b'A' + generator.below(26) as u8) as char)
            .collect();
        let region = regions[script % regions.len()].0;
        let joined = 2011 + generator.below(4);
        let (south, north, west, east) = areas[script % areas.len()];
        let mut degrees = |from: i32, to: i32| {
            // In hundredths of a degree, as the default pack writes them.
            let hundredths = places.below((to - from).unsigned_abs() as usize * 100 + 1);
            f64::from(from) + hundredths as f64 / 100.0
        };
        let latitude = degrees(south, north);
        let longitude = degrees(west, east);
        let _ = write!(
            out,
            "        Member(id: \"m{i}\", name: {{\"ro\": {}, \"en\": {}}}, code: \"{code}\", region: \"{region}\", joined: {joined}, location: ({latitude:.2}, {longitude:.2}), ",
            ron_string(&ro),
            ron_string(&en)
        );
        let noted = generator.below(4) == 0;
        if noted {
            let _ = write!(
                out,
                "note: {{\"ro\": \"membru fondator\", \"en\": \"founding member\"}}, "
            );
        }
        out.push_str(
            "sources: (code: \"iso-3166\", region: \"un-m49\", joined: \"mfa-lv\", location: \"geonames\"",
        );
        // A note cites its source, as every fact of the default pack does.
        if noted {
            out.push_str(", note: \"foc-history\"");
        }
        out.push_str(")),\n");
    }
    out.push_str("    ],\n)\n");
    out
}

/// The files of a pack like the default one, with `count` generated members.
pub fn pack_files(count: usize) -> Vec<PackFile> {
    embedded_files()
        .map(|(name, text)| PackFile {
            name,
            display: format!("<generated>/{name}"),
            text: match name {
                "members.ron" => members_ron(count),
                _ => text.to_string(),
            },
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::load::load_files;

    #[test]
    fn a_generated_pack_loads_with_its_count() {
        let content = load_files(pack_files(500)).unwrap();
        assert_eq!(content.members.members.len(), 500);
        let intro = content.members.intro.as_ref().unwrap();
        assert!(intro.get(content.default_language).contains("500"));
        assert_eq!(members_ron(50), members_ron(50), "deterministic");
    }

    #[test]
    fn every_generated_member_has_a_possible_location_with_its_source() {
        let content = load_files(pack_files(2000)).unwrap();
        assert!(content.members.located());
        for member in &content.members.members {
            let location = member.location.unwrap();
            assert!((-90.0..=90.0).contains(&location.latitude), "{location:?}");
            assert!(
                (-180.0..=180.0).contains(&location.longitude),
                "{location:?}"
            );
            let source = content.source(member.location_source.unwrap()).unwrap();
            assert_eq!(source.id, "geonames");
        }
        let distinct: std::collections::HashSet<(i64, i64)> = content
            .members
            .members
            .iter()
            .filter_map(|m| m.location)
            .map(|l| ((l.latitude * 100.0) as i64, (l.longitude * 100.0) as i64))
            .collect();
        assert!(distinct.len() > 1900, "places spread: {}", distinct.len());
    }
}
