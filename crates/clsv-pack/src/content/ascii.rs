//! The content in ASCII, for a terminal or a locale that shows nothing else: every text
//! transliterated once, as a whole, so that everything that reads the content (the panes, the
//! search, the slides, the printed text) sees the same ASCII text and measures its real width.
//!
//! Each structure is taken apart field by field, so that a field added to the model cannot be
//! forgotten here: it does not compile until it is handled.

use std::sync::Arc;

use super::model::*;
use crate::text::to_ascii;

impl Localized {
    /// Every language's text in ASCII. A text that is ASCII already is shared, not copied,
    /// and a translation that shared another language's text shares its ASCII form.
    pub fn to_ascii(&self) -> Localized {
        let mut done: Vec<Arc<str>> = Vec::with_capacity(self.0.len());
        for (i, text) in self.0.iter().enumerate() {
            let shared = self.0[..i]
                .iter()
                .position(|earlier| Arc::ptr_eq(earlier, text))
                .and_then(|earlier| done.get(earlier).cloned());
            done.push(shared.unwrap_or_else(|| ascii_arc(text)));
        }
        Localized(done.into_boxed_slice())
    }
}

/// A shared text in ASCII: the same text when it is ASCII already.
fn ascii_arc(text: &Arc<str>) -> Arc<str> {
    match text.is_ascii() {
        true => Arc::clone(text),
        false => Arc::from(to_ascii(text)),
    }
}

/// An optional localized text in ASCII.
fn ascii_opt(text: &Option<Localized>) -> Option<Localized> {
    text.as_ref().map(Localized::to_ascii)
}

/// A web address in ASCII: its non-ASCII characters percent-encoded (as UTF-8), which is how
/// an address is written in ASCII and still leads to the same page (browsers decode a host's
/// percent-encoding too before they turn it into its ASCII form).
fn ascii_url(url: &str) -> String {
    let mut out = String::with_capacity(url.len());
    for c in url.chars() {
        match c.is_ascii() {
            true => out.push(c),
            false => {
                let mut bytes = [0; 4];
                for byte in c.encode_utf8(&mut bytes).bytes() {
                    out.push_str(&format!("%{byte:02X}"));
                }
            }
        }
    }
    out
}

impl Content {
    /// The content with every text in ASCII: the localized texts (titles, bodies, names,
    /// notes, dates as written, places, sources' titles, slides' titles and notes) are
    /// transliterated ([`crate::text::to_ascii`]), web addresses percent-encoded. Ids,
    /// language tags, codes and the dates of sources are ASCII already (validation checks
    /// them) and stay as they are.
    pub fn to_ascii(&self) -> Content {
        let Content {
            id,
            title,
            languages,
            default_language,
            date,
            attribution,
            sources,
            overview,
            members,
            declaration,
            actions,
            slides,
        } = self;
        Content {
            id: id.clone(),
            title: title.to_ascii(),
            languages: languages.clone(),
            default_language: *default_language,
            // A date is checked to be digits and dashes.
            date: date.clone(),
            attribution: ascii_opt(attribution),
            sources: sources.iter().map(Source::to_ascii).collect(),
            overview: overview.to_ascii(),
            members: members.to_ascii(),
            declaration: declaration.to_ascii(),
            actions: actions.to_ascii(),
            slides: slides
                .as_ref()
                .map(|slides| slides.iter().map(Slide::to_ascii).collect()),
        }
    }
}

impl Source {
    fn to_ascii(&self) -> Source {
        let Source {
            id,
            title,
            url,
            date,
        } = self;
        Source {
            id: id.clone(),
            title: title.to_ascii(),
            url: url.as_deref().map(ascii_url),
            date: date.clone(),
        }
    }
}

impl Fact {
    fn to_ascii(&self) -> Fact {
        let Fact { text, source } = self;
        Fact {
            text: text.to_ascii(),
            source: *source,
        }
    }
}

impl Overview {
    fn to_ascii(&self) -> Overview {
        let Overview { sections, timeline } = self;
        Overview {
            sections: sections
                .iter()
                .map(|section| {
                    let Section {
                        id,
                        title,
                        body,
                        facts,
                    } = section;
                    Section {
                        id: id.clone(),
                        title: title.to_ascii(),
                        body: body.to_ascii(),
                        facts: facts.iter().map(Fact::to_ascii).collect(),
                    }
                })
                .collect(),
            timeline: timeline
                .iter()
                .map(|event| {
                    let Event {
                        id,
                        date,
                        place,
                        text,
                        source,
                    } = event;
                    Event {
                        id: id.clone(),
                        date: date.to_ascii(),
                        place: place.to_ascii(),
                        text: text.to_ascii(),
                        source: *source,
                    }
                })
                .collect(),
        }
    }
}

impl Members {
    fn to_ascii(&self) -> Members {
        let Members {
            intro,
            regions,
            members,
        } = self;
        Members {
            intro: ascii_opt(intro),
            regions: regions
                .iter()
                .map(|region| {
                    let Region { id, name } = region;
                    Region {
                        id: id.clone(),
                        name: name.to_ascii(),
                    }
                })
                .collect(),
            members: members.iter().map(Member::to_ascii).collect(),
        }
    }
}

impl Member {
    fn to_ascii(&self) -> Member {
        let Member {
            id,
            name,
            code,
            region,
            joined,
            location,
            note,
            note_sources,
            code_source,
            region_source,
            joined_source,
            location_source,
        } = self;
        Member {
            id: id.clone(),
            name: name.to_ascii(),
            code: code.clone(),
            region: *region,
            joined: *joined,
            location: *location,
            note: ascii_opt(note),
            note_sources: note_sources.clone(),
            code_source: *code_source,
            region_source: *region_source,
            joined_source: *joined_source,
            location_source: *location_source,
        }
    }
}

impl ItemList {
    fn to_ascii(&self) -> ItemList {
        let ItemList { intro, items } = self;
        ItemList {
            intro: ascii_opt(intro),
            items: items
                .iter()
                .map(|item| {
                    let Item {
                        id,
                        title,
                        body,
                        source,
                        facts,
                    } = item;
                    Item {
                        id: id.clone(),
                        title: title.to_ascii(),
                        body: body.to_ascii(),
                        source: *source,
                        facts: facts.iter().map(Fact::to_ascii).collect(),
                    }
                })
                .collect(),
        }
    }
}

impl Slide {
    fn to_ascii(&self) -> Slide {
        let Slide {
            shows,
            form,
            with,
            items,
            title,
            notes,
        } = self;
        Slide {
            shows: *shows,
            form: *form,
            with: with.clone(),
            items: items.clone(),
            title: ascii_opt(title),
            notes: ascii_opt(notes),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::generate::pack_files;
    use crate::content::load::{load_embedded, load_files};

    /// Every field of `content`, texts in every language among them.
    fn every_field(content: &Content) -> String {
        format!("{content:?}")
    }

    #[test]
    fn the_default_pack_in_ascii_holds_only_ascii() {
        let content = load_embedded().unwrap();
        assert!(!every_field(&content).is_ascii());
        let ascii = content.to_ascii();
        let odd: String = every_field(&ascii)
            .chars()
            .filter(|c| !c.is_ascii())
            .collect();
        assert!(odd.is_empty(), "{odd}");
        let lang = content.default_language;
        let first = |c: &Content| c.members.members[0].name.get(lang).to_string();
        assert_eq!(first(&ascii), to_ascii(&first(&content)));
    }

    #[test]
    fn a_generated_pack_s_names_in_many_scripts_are_ascii_and_not_empty() {
        let content = load_files(pack_files(2000)).unwrap().to_ascii();
        for member in &content.members.members {
            for (_, name) in member.name.all() {
                assert!(name.is_ascii() && !name.trim().is_empty(), "{name}");
            }
        }
    }

    #[test]
    fn ascii_texts_and_shared_translations_are_not_copied() {
        let shared: Arc<str> = Arc::from("Ţara");
        let plain: Arc<str> = Arc::from("plain");
        let text = Localized(vec![Arc::clone(&shared), plain.clone(), shared].into());
        let ascii = text.to_ascii();
        assert_eq!(ascii.get(Lang(0)), "Tara");
        assert!(Arc::ptr_eq(&ascii.0[0], &ascii.0[2]), "the fallback shares");
        assert!(Arc::ptr_eq(&ascii.0[1], &plain), "ASCII is kept");
    }

    #[test]
    fn a_web_address_is_percent_encoded_only_where_it_is_not_ascii() {
        assert_eq!(
            ascii_url("https://example.org/a?b=c#d"),
            "https://example.org/a?b=c#d"
        );
        assert_eq!(
            ascii_url("https://ro.wikipedia.org/wiki/Ţară"),
            "https://ro.wikipedia.org/wiki/%C5%A2ar%C4%83"
        );
    }
}
