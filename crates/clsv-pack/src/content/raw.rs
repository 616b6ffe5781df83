//! The files of a pack as they are written: serde types that mirror the RON, one per file.
//!
//! Nothing here is trusted yet; `validate` turns these into the checked `Content`. Unknown
//! fields are errors, so a misspelt field name is reported instead of silently ignored.
//! Strings borrow from the file's text wherever they have no escapes, so parsing a pack of
//! many thousands of members allocates little beyond the lists themselves.

use std::borrow::Cow;
use std::fmt;

use serde::Deserialize;
use serde::de::{Deserializer, MapAccess, Visitor};

/// A string of a file: borrowed from its text, or owned when it had escapes.
pub type Str<'a> = Cow<'a, str>;

/// A human text by language tag, as written: `{"ro": "…", "en": "…"}`. The pairs are kept in
/// the order written, a tag written twice included, for validation to report.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct RawText<'a>(pub Vec<(Str<'a>, Str<'a>)>);

impl RawText<'_> {
    /// The text for `lang` (the first, if it was written twice).
    pub fn get(&self, lang: &str) -> Option<&str> {
        self.0
            .iter()
            .find(|(tag, _)| tag == lang)
            .map(|(_, text)| text.as_ref())
    }

    pub fn contains(&self, lang: &str) -> bool {
        self.get(lang).is_some()
    }
}

impl<'de: 'a, 'a> Deserialize<'de> for RawText<'a> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct TextVisitor<'a>(std::marker::PhantomData<&'a ()>);

        impl<'de: 'a, 'a> Visitor<'de> for TextVisitor<'a> {
            type Value = RawText<'a>;

            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("texts by language, such as {\"ro\": \"…\", \"en\": \"…\"}")
            }

            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
                // A pack has a few languages; the hint only avoids regrowing for those.
                let mut pairs = Vec::with_capacity(map.size_hint().unwrap_or(2).min(8));
                while let Some((BorrowedStr(tag), BorrowedStr(text))) = map.next_entry()? {
                    pairs.push((tag, text));
                }
                Ok(RawText(pairs))
            }
        }

        deserializer.deserialize_map(TextVisitor(std::marker::PhantomData))
    }
}

/// A string that borrows from the input when it can (serde's `Cow` always copies).
struct BorrowedStr<'a>(Str<'a>);

impl<'de: 'a, 'a> Deserialize<'de> for BorrowedStr<'a> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct StrVisitor<'a>(std::marker::PhantomData<&'a ()>);

        impl<'de: 'a, 'a> Visitor<'de> for StrVisitor<'a> {
            type Value = BorrowedStr<'a>;

            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a string")
            }

            fn visit_borrowed_str<E>(self, text: &'de str) -> Result<Self::Value, E> {
                Ok(BorrowedStr(Cow::Borrowed(text)))
            }

            fn visit_str<E>(self, text: &str) -> Result<Self::Value, E> {
                Ok(BorrowedStr(Cow::Owned(text.to_owned())))
            }

            fn visit_string<E>(self, text: String) -> Result<Self::Value, E> {
                Ok(BorrowedStr(Cow::Owned(text)))
            }
        }

        deserializer.deserialize_str(StrVisitor(std::marker::PhantomData))
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename = "Pack")]
pub struct RawPack<'a> {
    #[serde(borrow)]
    pub id: Str<'a>,
    #[serde(borrow)]
    pub title: RawText<'a>,
    pub languages: Vec<String>,
    pub default_language: String,
    /// When the content describes the world, as a source's date is written.
    #[serde(default)]
    pub date: Option<String>,
    #[serde(default, borrow)]
    pub attribution: Option<RawText<'a>>,
    #[serde(default, borrow)]
    pub sources: Vec<RawSource<'a>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename = "Source")]
pub struct RawSource<'a> {
    #[serde(borrow)]
    pub id: Str<'a>,
    #[serde(borrow)]
    pub title: RawText<'a>,
    #[serde(default, borrow)]
    pub url: Option<Str<'a>>,
    /// When the page was published: `"2014"`, `"2014-01"` or `"2014-02-21"`.
    #[serde(default, borrow)]
    pub date: Option<Str<'a>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename = "Fact")]
pub struct RawFact<'a> {
    #[serde(borrow)]
    pub text: RawText<'a>,
    /// Optional so that a pack with an uncited fact still loads: the fact is a warning.
    #[serde(default, borrow)]
    pub source: Option<Str<'a>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename = "Overview")]
pub struct RawOverview<'a> {
    #[serde(borrow)]
    pub sections: Vec<RawSection<'a>>,
    #[serde(default, borrow)]
    pub timeline: Vec<RawEvent<'a>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename = "Section")]
pub struct RawSection<'a> {
    #[serde(borrow)]
    pub id: Str<'a>,
    #[serde(borrow)]
    pub title: RawText<'a>,
    #[serde(borrow)]
    pub body: RawText<'a>,
    #[serde(default, borrow)]
    pub facts: Vec<RawFact<'a>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename = "Event")]
pub struct RawEvent<'a> {
    #[serde(borrow)]
    pub id: Str<'a>,
    #[serde(borrow)]
    pub date: RawText<'a>,
    #[serde(borrow)]
    pub place: RawText<'a>,
    #[serde(borrow)]
    pub text: RawText<'a>,
    #[serde(borrow)]
    pub source: Str<'a>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename = "Members")]
pub struct RawMembers<'a> {
    #[serde(default, borrow)]
    pub intro: Option<RawText<'a>>,
    #[serde(borrow)]
    pub regions: Vec<RawRegion<'a>>,
    #[serde(borrow)]
    pub members: Vec<RawMember<'a>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename = "Region")]
pub struct RawRegion<'a> {
    #[serde(borrow)]
    pub id: Str<'a>,
    #[serde(borrow)]
    pub name: RawText<'a>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename = "Member")]
pub struct RawMember<'a> {
    #[serde(borrow)]
    pub id: Str<'a>,
    #[serde(borrow)]
    pub name: RawText<'a>,
    #[serde(borrow)]
    pub code: Str<'a>,
    #[serde(borrow)]
    pub region: Str<'a>,
    pub joined: u16,
    /// The capital's latitude and longitude, in decimal degrees: `location: (48.21, 16.37)`.
    #[serde(default)]
    pub location: Option<(f64, f64)>,
    #[serde(default, borrow)]
    pub note: Option<RawText<'a>>,
    #[serde(borrow)]
    pub sources: RawMemberSources<'a>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawMemberSources<'a> {
    #[serde(borrow)]
    pub code: Str<'a>,
    #[serde(borrow)]
    pub region: Str<'a>,
    #[serde(borrow)]
    pub joined: Str<'a>,
    #[serde(default, borrow)]
    pub location: Option<Str<'a>>,
    /// The sources of the member's note: one id, or a list when the note joins facts from
    /// several.
    #[serde(default, borrow)]
    pub note: Option<RawSourceIds<'a>>,
}

/// One source id, or several: `"foc-history"` or `["foc-history", "vm-ee"]`.
#[derive(Debug, Deserialize)]
#[serde(untagged)]
pub enum RawSourceIds<'a> {
    One(#[serde(borrow)] Str<'a>),
    Many(Vec<String>),
}

/// `declaration.ron`: an introduction and the principle and rights as items.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename = "Declaration")]
pub struct RawDeclaration<'a> {
    #[serde(default, borrow)]
    pub intro: Option<RawText<'a>>,
    #[serde(borrow)]
    pub items: Vec<RawItem<'a>>,
}

/// `actions.ron`: the same shape as the declaration under its own name, so that a file put
/// in the wrong place is reported.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename = "Actions")]
pub struct RawActions<'a> {
    #[serde(default, borrow)]
    pub intro: Option<RawText<'a>>,
    #[serde(borrow)]
    pub items: Vec<RawItem<'a>>,
}

/// What validation sees of either: the introduction and the items.
pub struct RawItemList<'r, 'a> {
    pub intro: Option<&'r RawText<'a>>,
    pub items: &'r [RawItem<'a>],
}

impl<'a> RawDeclaration<'a> {
    pub fn as_list(&self) -> RawItemList<'_, 'a> {
        RawItemList {
            intro: self.intro.as_ref(),
            items: &self.items,
        }
    }
}

impl<'a> RawActions<'a> {
    pub fn as_list(&self) -> RawItemList<'_, 'a> {
        RawItemList {
            intro: self.intro.as_ref(),
            items: &self.items,
        }
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename = "Item")]
pub struct RawItem<'a> {
    #[serde(borrow)]
    pub id: Str<'a>,
    #[serde(borrow)]
    pub title: RawText<'a>,
    #[serde(borrow)]
    pub body: RawText<'a>,
    /// The source that the body follows, when it has one besides the pack's source text.
    #[serde(default, borrow)]
    pub source: Option<Str<'a>>,
    #[serde(default, borrow)]
    pub facts: Vec<RawFact<'a>>,
}

/// `slides.ron` (optional): which slides a presentation shows, in which order, with notes.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename = "Slides")]
pub struct RawSlides<'a> {
    #[serde(borrow)]
    pub slides: Vec<RawSlide<'a>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename = "Slide")]
pub struct RawSlide<'a> {
    /// An item id, or `title`, `timeline`, `members`, `declaration`, `actions`; or a list of
    /// item ids, shown together a line each.
    pub show: RawShow<'a>,
    /// How it is shown: `Text`, `List`, `Chart` or `Map`.
    #[serde(default, rename = "as")]
    pub form: Option<RawSlideForm>,
    /// For the title slide: the overview sections whose text it shows.
    #[serde(default)]
    pub with: Vec<String>,
    /// A title of its own.
    #[serde(default, borrow)]
    pub title: Option<RawText<'a>>,
    #[serde(default, borrow)]
    pub notes: Option<RawText<'a>>,
}

/// What a slide shows: one id, or several items.
#[derive(Debug, Deserialize)]
#[serde(untagged)]
pub enum RawShow<'a> {
    One(#[serde(borrow)] Str<'a>),
    Many(Vec<String>),
}

/// How a slide shows what it shows, as `slides.ron` writes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
pub enum RawSlideForm {
    Text,
    List,
    Chart,
    Map,
}
