//! The checked content that the rest of the program trusts: every text exists in every
//! language of the pack (falling back to the default), every reference points somewhere,
//! every id is unique, and every string is normalized for the terminal. It can be stored and
//! read back (serde), which is how the built-in pack is kept already checked (see `build.rs`).

use std::sync::Arc;

use serde::{Deserialize, Serialize};

/// A language of the pack, as its position in `Content::languages`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Lang(pub usize);

impl Lang {
    /// The position of this language in the pack's list.
    pub fn index(self) -> usize {
        self.0
    }
}

/// A human text in every language of the pack; a missing translation shares the default
/// language's text. Each text is shared (`Arc`), not copied, wherever it is kept: a text can
/// be tens of megabytes, and a translation that falls back, or a laid-out view, holding a
/// copy of it would multiply that.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Localized(pub(crate) Box<[Arc<str>]>);

impl Localized {
    /// The text in `lang`.
    pub fn get(&self, lang: Lang) -> &str {
        // Validation builds one entry per pack language and `Lang` values only come from
        // that list, so the fallback to the first entry is never taken; it keeps this total.
        self.0
            .get(lang.0)
            .or_else(|| self.0.first())
            .map_or("", |text| text)
    }

    /// The text in `lang`, shared: to keep it (in a laid-out view, say) without a copy.
    pub fn shared(&self, lang: Lang) -> Arc<str> {
        // As in `get`: there is an entry for every `Lang`, and a first one.
        self.0
            .get(lang.0)
            .or_else(|| self.0.first())
            .map_or_else(|| Arc::from(""), Arc::clone)
    }

    /// Every language's text, in the order of the pack's languages.
    pub fn all(&self) -> impl Iterator<Item = (Lang, &str)> {
        self.0.iter().enumerate().map(|(i, s)| (Lang(i), &**s))
    }
}

/// A reference to one of the pack's sources, as its position in `Content::sources`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct SourceRef(pub(crate) usize);

impl SourceRef {
    /// The source's position in `Content::sources`, from 0.
    pub fn index(self) -> usize {
        self.0
    }
}

/// Where a fact comes from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Source {
    pub id: String,
    pub title: Localized,
    pub url: Option<String>,
    /// When it was published, as written: `2014`, `2014-01` or `2014-02-21`.
    pub date: Option<String>,
}

impl Source {
    /// How a citation names it: "title, date <url>", the date and the address when known.
    pub fn citation(&self, lang: Lang) -> String {
        let mut text = self.title.get(lang).to_string();
        if let Some(date) = &self.date {
            text.push_str(", ");
            text.push_str(date);
        }
        if let Some(url) = &self.url {
            text.push_str(" <");
            text.push_str(url);
            text.push('>');
        }
        text
    }
}

/// A statement added to the source text, with the source that supports it. A fact that
/// rests on the source text alone cites the source text's own entry among the sources. A
/// fact without a source loads, with a warning (`clsv check --strict` fails on it).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Fact {
    pub text: Localized,
    pub source: Option<SourceRef>,
}

/// A titled section of the overview.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Section {
    pub id: String,
    pub title: Localized,
    pub body: Localized,
    pub facts: Vec<Fact>,
}

/// One conference of the coalition's timeline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Event {
    pub id: String,
    pub date: Localized,
    pub place: Localized,
    pub text: Localized,
    pub source: SourceRef,
}

/// The overview pane.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Overview {
    pub sections: Vec<Section>,
    pub timeline: Vec<Event>,
}

/// A geographic region that members belong to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Region {
    pub id: String,
    pub name: Localized,
}

/// A place on Earth, in decimal degrees (WGS 84, as GeoNames gives them).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Location {
    /// North of the equator; south is negative. From -90 to 90.
    pub latitude: f64,
    /// East of Greenwich; west is negative. From -180 to 180.
    pub longitude: f64,
}

/// Validation refuses a location that is not finite, so a checked `Location` never holds a NaN,
/// and `==` on floats other than NaN is an equivalence (only 0.0 and -0.0 are equal while
/// different), which is what `Eq` promises.
impl Eq for Location {}

/// A member state and the sources of the facts about it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Member {
    pub id: String,
    pub name: Localized,
    /// ISO 3166-1 alpha-2 code.
    pub code: String,
    /// Position in `Members::regions`.
    pub region: usize,
    pub joined: u16,
    /// Where its capital is. In a checked pack every member has one, or none does.
    pub location: Option<Location>,
    pub note: Option<Localized>,
    /// The sources of `note`, in the order written; empty without a note, and for a note
    /// that cites none (a warning).
    pub note_sources: Vec<SourceRef>,
    pub code_source: SourceRef,
    pub region_source: SourceRef,
    pub joined_source: SourceRef,
    /// The source of `location`: present exactly when `location` is.
    pub location_source: Option<SourceRef>,
}

/// The members pane.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Members {
    pub intro: Option<Localized>,
    pub regions: Vec<Region>,
    pub members: Vec<Member>,
}

/// An entry of the declaration or actions pane.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Item {
    pub id: String,
    pub title: Localized,
    pub body: Localized,
    /// The source the body follows, besides the pack's source text.
    pub source: Option<SourceRef>,
    pub facts: Vec<Fact>,
}

/// The declaration and actions panes: an introduction and the items it introduces.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ItemList {
    pub intro: Option<Localized>,
    pub items: Vec<Item>,
}

/// What a slide shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum SlideShows {
    /// The pack's title, with the text of some overview sections under it.
    Title,
    /// An overview section.
    Section(usize),
    /// The conference timeline.
    Timeline,
    /// The members.
    Members,
    /// An item of the declaration.
    Declaration(usize),
    /// An area of action.
    Action(usize),
    /// Items of the declaration or the actions together, a line each: [`Slide::items`].
    List,
}

/// An item of the declaration or of the actions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ItemRef {
    Declaration(usize),
    Action(usize),
}

/// How a slide shows what it shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum SlideForm {
    /// Its text.
    Text,
    /// Items, a line each.
    List,
    /// Charts: the conferences on a timeline, with the members joining year by year.
    Chart,
    /// The world map, with the members at their capitals.
    Map,
}

impl SlideForm {
    /// How a slide shows `shows` unless `slides.ron` says otherwise: the conferences as
    /// charts, the members on the map, a list as a list, the rest as text.
    pub fn default_for(shows: SlideShows) -> SlideForm {
        match shows {
            SlideShows::Timeline => SlideForm::Chart,
            SlideShows::Members => SlideForm::Map,
            SlideShows::List => SlideForm::List,
            _ => SlideForm::Text,
        }
    }

    /// The forms a slide that shows `shows` may take.
    pub fn allowed_for(shows: SlideShows) -> &'static [SlideForm] {
        match shows {
            SlideShows::Timeline => &[SlideForm::Chart, SlideForm::Text],
            SlideShows::Members => &[SlideForm::Map, SlideForm::Text],
            SlideShows::List => &[SlideForm::List],
            _ => &[SlideForm::Text],
        }
    }
}

/// A slide of the presentation and the speaker's notes for it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Slide {
    pub shows: SlideShows,
    pub form: SlideForm,
    /// For the title slide: the overview sections shown under the title.
    pub with: Vec<usize>,
    /// For a list: its items, in order.
    pub items: Vec<ItemRef>,
    /// A title of its own, in place of the one of what it shows.
    pub title: Option<Localized>,
    pub notes: Option<Localized>,
}

impl Slide {
    /// A slide that shows `shows` in its usual form, with nothing else.
    pub fn of(shows: SlideShows) -> Slide {
        Slide {
            shows,
            form: SlideForm::default_for(shows),
            with: Vec::new(),
            items: Vec::new(),
            title: None,
            notes: None,
        }
    }
}

/// A whole pack, checked.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Content {
    pub id: String,
    pub title: Localized,
    /// Language tags in the order `pack.ron` lists them.
    pub languages: Vec<String>,
    pub default_language: Lang,
    /// When the content describes the world (`2014-04`), written as a source's date.
    pub date: Option<String>,
    pub attribution: Option<Localized>,
    pub sources: Vec<Source>,
    pub overview: Overview,
    pub members: Members,
    pub declaration: ItemList,
    pub actions: ItemList,
    /// The slides `slides.ron` chooses, or `None` to derive them from the content.
    pub slides: Option<Vec<Slide>>,
}

impl Content {
    /// The language with this tag, if the pack has it.
    pub fn lang(&self, tag: &str) -> Option<Lang> {
        self.languages
            .iter()
            .position(|l| l.eq_ignore_ascii_case(tag))
            .map(Lang)
    }

    /// The tag of a language (`"ro"`).
    pub fn lang_tag(&self, lang: Lang) -> &str {
        self.languages.get(lang.0).map_or("", String::as_str)
    }

    /// The language after `lang`, wrapping after the last.
    pub fn next_lang(&self, lang: Lang) -> Lang {
        Lang((lang.0 + 1) % self.languages.len().max(1))
    }

    /// The source a fact cites.
    pub fn source(&self, source: SourceRef) -> Option<&Source> {
        self.sources.get(source.0)
    }

    /// The region a member belongs to.
    pub fn region_of(&self, member: &Member) -> Option<&Region> {
        self.members.regions.get(member.region)
    }
}
