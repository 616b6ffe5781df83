//! JSON for programs: the whole pack as one document (`clsv print --format json`) and each
//! search result as a line of JSON (`clsv search --format json`). The shape is documented in
//! `docs/JSON.md` and versioned by [`FORMAT_VERSION`]: a field renamed, removed or changed in
//! meaning changes the version, so that a script can tell.

use std::io;
use std::ops::Range;

use serde::Serialize;
use serde::ser::{SerializeMap, Serializer};

use crate::content::{Content, Fact, ItemList, Lang, Localized, SourceRef};
use crate::search::{FieldKind, Hit, Query, Target};
use crate::vocabulary::Pane;

/// The version of the JSON's shape, written as its `format` field.
pub const FORMAT_VERSION: u32 = 1;

/// The languages the texts of a document are given in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Languages {
    /// Each text a string, in this language.
    One(Lang),
    /// Each text an object from language tag to text, in the pack's order of languages.
    All,
}

/// What of the pack a document holds besides its identity and sources: every pane, one
/// pane, or one item (a deep link) in its pane.
#[derive(Debug, Clone, Copy, Default)]
pub struct Part {
    pub pane: Option<Pane>,
    pub item: Option<Target>,
}

/// Writes the pack (or the part of it `part` names, with the pack's identity and sources) as
/// one JSON document.
pub fn write_pack(
    content: &Content,
    languages: Languages,
    part: Part,
    sink: &mut impl io::Write,
) -> io::Result<()> {
    let only = part.item.filter(|t| !matches!(t, Target::Intro(_)));
    let cx = Cx {
        content,
        languages,
        only,
    };
    let pane = part.item.map(Target::pane).or(part.pane);
    let shown = |p: Pane| pane.is_none_or(|wanted| wanted == p);
    let document = Document {
        format: FORMAT_VERSION,
        id: &content.id,
        date: content.date.as_deref(),
        languages: &content.languages,
        language: match languages {
            Languages::One(lang) => content.lang_tag(lang),
            Languages::All => "all",
        },
        title: cx.text(&content.title),
        attribution: content.attribution.as_ref().map(|a| cx.text(a)),
        sources: content
            .sources
            .iter()
            .map(|source| SourceOut {
                id: &source.id,
                title: cx.text(&source.title),
                url: source.url.as_deref(),
                date: source.date.as_deref(),
            })
            .collect(),
        overview: shown(Pane::Overview).then(|| cx.overview()),
        conferences: shown(Pane::Overview).then(|| cx.conferences()),
        members: shown(Pane::Members).then(|| cx.members()),
        declaration: shown(Pane::Declaration)
            .then(|| cx.items(Pane::Declaration, &content.declaration)),
        actions: shown(Pane::Actions).then(|| cx.items(Pane::Actions, &content.actions)),
    };
    serde_json::to_writer_pretty(&mut *sink, &document).map_err(io::Error::from)?;
    sink.write_all(b"\n")
}

/// Writes each search hit as one line of JSON (JSON Lines), in rank order.
pub fn write_hits(
    content: &Content,
    query: &Query,
    hits: &[Hit],
    sink: &mut impl io::Write,
) -> io::Result<()> {
    for hit in hits {
        let target = hit.target;
        let text = hit.text(content);
        let matches = query
            .matches_in_field(&text, hit.kind)
            .into_iter()
            .map(|bytes| MatchOut {
                chars: char_range(&text, bytes.clone()),
                bytes,
            })
            .collect();
        let line = HitOut {
            format: FORMAT_VERSION,
            pane: target.pane().name(),
            id: target.id(content),
            link: crate::link::link_of(content, target),
            title: target.title(content, hit.lang),
            field: field_name(hit.kind),
            language: content.lang_tag(hit.lang),
            text: &text,
            matches,
        };
        serde_json::to_writer(&mut *sink, &line).map_err(io::Error::from)?;
        sink.write_all(b"\n")?;
    }
    Ok(())
}

/// A writer of JSON that escapes every character beyond ASCII (`\u00e9`, a pair of them
/// beyond the Basic Multilingual Plane), for terminals and locales that show ASCII alone:
/// the data stays the same for a program, and no byte written is beyond ASCII. Outside
/// strings JSON is ASCII already, so each such character is inside a string, where an escape
/// means the same.
pub struct AsciiEscaped<W: io::Write> {
    inner: W,
    /// The start of a character split between two writes.
    pending: Vec<u8>,
}

impl<W: io::Write> AsciiEscaped<W> {
    pub fn new(inner: W) -> AsciiEscaped<W> {
        AsciiEscaped {
            inner,
            pending: Vec::new(),
        }
    }
}

impl<W: io::Write> io::Write for AsciiEscaped<W> {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        self.pending.extend_from_slice(bytes);
        let valid = match std::str::from_utf8(&self.pending) {
            Ok(text) => text.len(),
            // An incomplete character at the end waits for the next write; anything else is
            // not UTF-8, which serde_json never writes, and is passed on as it is.
            Err(e) if e.error_len().is_none() => e.valid_up_to(),
            Err(_) => {
                self.inner.write_all(&self.pending)?;
                self.pending.clear();
                return Ok(bytes.len());
            }
        };
        let text = String::from_utf8_lossy(&self.pending[..valid]).into_owned();
        let mut out = String::with_capacity(text.len());
        for c in text.chars() {
            match c.is_ascii() {
                true => out.push(c),
                false => {
                    let mut units = [0u16; 2];
                    for unit in c.encode_utf16(&mut units) {
                        out.push_str(&format!("\\u{unit:04x}"));
                    }
                }
            }
        }
        self.inner.write_all(out.as_bytes())?;
        self.pending.drain(..valid);
        Ok(bytes.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.inner.write_all(&self.pending)?;
        self.pending.clear();
        self.inner.flush()
    }
}

/// The name of a searched field in JSON.
fn field_name(kind: FieldKind) -> &'static str {
    match kind {
        FieldKind::Title => "title",
        FieldKind::Name => "name",
        FieldKind::Code => "code",
        FieldKind::Place => "place",
        FieldKind::Date => "date",
        FieldKind::Body => "body",
        FieldKind::Fact(_) => "fact",
        FieldKind::Note => "note",
        FieldKind::Intro => "intro",
        FieldKind::Region => "region",
        FieldKind::Joined => "joined",
    }
}

/// `bytes` of `text` counted in characters (Unicode scalar values), as JavaScript and
/// Python index strings by code points.
fn char_range(text: &str, bytes: Range<usize>) -> Range<usize> {
    let start = text.get(..bytes.start).map_or(0, |t| t.chars().count());
    let len = text.get(bytes).map_or(0, |t| t.chars().count());
    start..start + len
}

/// What the parts of a document are made with.
#[derive(Clone, Copy)]
struct Cx<'a> {
    content: &'a Content,
    languages: Languages,
    /// The one item to give, if not all.
    only: Option<Target>,
}

impl<'a> Cx<'a> {
    /// Whether `target` is given: every item is, unless one alone is asked for.
    fn shows(self, target: Target) -> bool {
        self.only.is_none_or(|only| only == target)
    }

    fn text(self, text: &'a Localized) -> Text<'a> {
        Text {
            text,
            languages: self.languages,
            tags: &self.content.languages,
        }
    }

    /// Every language's text, whatever the document's languages.
    fn every(self, text: &'a Localized) -> Text<'a> {
        Text {
            languages: Languages::All,
            ..self.text(text)
        }
    }

    fn source(self, source: SourceRef) -> Option<&'a str> {
        self.content.source(source).map(|s| s.id.as_str())
    }

    fn facts(self, facts: &'a [Fact]) -> Vec<FactOut<'a>> {
        facts
            .iter()
            .map(|fact| FactOut {
                text: self.text(&fact.text),
                source: fact.source.and_then(|s| self.source(s)),
            })
            .collect()
    }

    fn overview(self) -> OverviewOut<'a> {
        OverviewOut {
            sections: self
                .content
                .overview
                .sections
                .iter()
                .enumerate()
                .filter(|&(i, _)| self.shows(Target::Section(i)))
                .map(|(_, section)| SectionOut {
                    id: &section.id,
                    title: self.text(&section.title),
                    body: self.text(&section.body),
                    facts: self.facts(&section.facts),
                })
                .collect(),
        }
    }

    fn conferences(self) -> Vec<ConferenceOut<'a>> {
        self.content
            .overview
            .timeline
            .iter()
            .enumerate()
            .filter(|&(i, _)| self.shows(Target::Event(i)))
            .map(|(_, event)| ConferenceOut {
                id: &event.id,
                date: self.text(&event.date),
                place: self.text(&event.place),
                text: self.text(&event.text),
                source: self.source(event.source),
            })
            .collect()
    }

    fn members(self) -> MembersOut<'a> {
        let members = &self.content.members;
        let region = |i: usize| {
            members.regions.get(i).map(|region| RegionOut {
                id: &region.id,
                name: self.text(&region.name),
            })
        };
        MembersOut {
            intro: members.intro.as_ref().map(|t| self.text(t)),
            regions: (0..members.regions.len()).filter_map(region).collect(),
            members: members
                .members
                .iter()
                .enumerate()
                .filter(|&(i, _)| self.shows(Target::Member(i)))
                .map(|(_, member)| MemberOut {
                    id: &member.id,
                    name: self.text(&member.name),
                    names: self.every(&member.name),
                    code: &member.code,
                    region: region(member.region),
                    joined: member.joined,
                    location: member.location.as_ref().map(|l| LocationOut {
                        latitude: l.latitude,
                        longitude: l.longitude,
                    }),
                    note: member.note.as_ref().map(|t| self.text(t)),
                    sources: FieldSources {
                        code: self.source(member.code_source),
                        region: self.source(member.region_source),
                        joined: self.source(member.joined_source),
                        location: member.location_source.and_then(|s| self.source(s)),
                        note: member
                            .note_sources
                            .iter()
                            .filter_map(|&s| self.source(s))
                            .collect(),
                    },
                })
                .collect(),
        }
    }

    fn items(self, pane: Pane, list: &'a ItemList) -> ItemsOut<'a> {
        ItemsOut {
            intro: list.intro.as_ref().map(|t| self.text(t)),
            items: list
                .items
                .iter()
                .enumerate()
                .filter(|&(i, _)| self.shows(Target::Item(pane, i)))
                .map(|(_, item)| ItemOut {
                    id: &item.id,
                    title: self.text(&item.title),
                    body: self.text(&item.body),
                    source: item.source.and_then(|s| self.source(s)),
                    facts: self.facts(&item.facts),
                })
                .collect(),
        }
    }
}

/// A text of the content: a string in one language, or an object of every language's.
struct Text<'a> {
    text: &'a Localized,
    languages: Languages,
    tags: &'a [String],
}

impl Serialize for Text<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self.languages {
            Languages::One(lang) => serializer.serialize_str(self.text.get(lang)),
            Languages::All => {
                let mut map = serializer.serialize_map(Some(self.tags.len()))?;
                for (lang, text) in self.text.all() {
                    let tag = self.tags.get(lang.index()).map_or("", String::as_str);
                    map.serialize_entry(tag, text)?;
                }
                map.end()
            }
        }
    }
}

#[derive(Serialize)]
struct Document<'a> {
    format: u32,
    id: &'a str,
    date: Option<&'a str>,
    languages: &'a [String],
    language: &'a str,
    title: Text<'a>,
    attribution: Option<Text<'a>>,
    sources: Vec<SourceOut<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    overview: Option<OverviewOut<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    conferences: Option<Vec<ConferenceOut<'a>>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    members: Option<MembersOut<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    declaration: Option<ItemsOut<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    actions: Option<ItemsOut<'a>>,
}

#[derive(Serialize)]
struct SourceOut<'a> {
    id: &'a str,
    title: Text<'a>,
    url: Option<&'a str>,
    date: Option<&'a str>,
}

#[derive(Serialize)]
struct FactOut<'a> {
    text: Text<'a>,
    source: Option<&'a str>,
}

#[derive(Serialize)]
struct OverviewOut<'a> {
    sections: Vec<SectionOut<'a>>,
}

#[derive(Serialize)]
struct SectionOut<'a> {
    id: &'a str,
    title: Text<'a>,
    body: Text<'a>,
    facts: Vec<FactOut<'a>>,
}

#[derive(Serialize)]
struct ConferenceOut<'a> {
    id: &'a str,
    date: Text<'a>,
    place: Text<'a>,
    text: Text<'a>,
    source: Option<&'a str>,
}

#[derive(Serialize)]
struct MembersOut<'a> {
    intro: Option<Text<'a>>,
    regions: Vec<RegionOut<'a>>,
    members: Vec<MemberOut<'a>>,
}

#[derive(Serialize)]
struct RegionOut<'a> {
    id: &'a str,
    name: Text<'a>,
}

#[derive(Serialize)]
struct MemberOut<'a> {
    id: &'a str,
    name: Text<'a>,
    names: Text<'a>,
    code: &'a str,
    region: Option<RegionOut<'a>>,
    joined: u16,
    location: Option<LocationOut>,
    note: Option<Text<'a>>,
    sources: FieldSources<'a>,
}

#[derive(Serialize)]
struct LocationOut {
    latitude: f64,
    longitude: f64,
}

/// The source of each of a member's fields, by id.
#[derive(Serialize)]
struct FieldSources<'a> {
    code: Option<&'a str>,
    region: Option<&'a str>,
    joined: Option<&'a str>,
    location: Option<&'a str>,
    note: Vec<&'a str>,
}

#[derive(Serialize)]
struct ItemsOut<'a> {
    intro: Option<Text<'a>>,
    items: Vec<ItemOut<'a>>,
}

#[derive(Serialize)]
struct ItemOut<'a> {
    id: &'a str,
    title: Text<'a>,
    body: Text<'a>,
    source: Option<&'a str>,
    facts: Vec<FactOut<'a>>,
}

#[derive(Serialize)]
struct HitOut<'a> {
    format: u32,
    pane: &'static str,
    id: &'a str,
    /// The deep link that opens the item: `clsv LINK`.
    link: String,
    title: &'a str,
    field: &'static str,
    language: &'a str,
    text: &'a str,
    matches: Vec<MatchOut>,
}

/// Where a match is in the field's text, in bytes (of its UTF-8) and in characters.
#[derive(Serialize)]
struct MatchOut {
    bytes: Range<usize>,
    chars: Range<usize>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ascii_json_escapes_every_character_beyond_ascii_and_means_the_same() {
        use std::io::Write;
        let value = serde_json::json!({"name": "Ţara şi 東京 🙂", "n": 1});
        let mut out = AsciiEscaped::new(Vec::new());
        // Written a byte at a time, so that characters are split between writes.
        for byte in serde_json::to_vec(&value).unwrap() {
            out.write_all(&[byte]).unwrap();
        }
        out.flush().unwrap();
        let written = String::from_utf8(out.inner).unwrap();
        assert!(written.is_ascii(), "{written}");
        assert!(written.contains("\\u0162ara"), "{written}");
        assert!(written.contains("\\ud83d\\ude42"), "{written}");
        let back: serde_json::Value = serde_json::from_str(&written).unwrap();
        assert_eq!(back, value);
    }

    #[test]
    fn a_match_is_counted_in_characters_as_well_as_bytes() {
        let text = "Ţările şi Moldova";
        let bytes = text.find("Moldova").unwrap()..text.len();
        assert_eq!(char_range(text, bytes), 10..17);
        assert_eq!(char_range(text, 0..0), 0..0);
    }
}
