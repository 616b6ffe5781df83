//! The files of a pack as they are written: serde types that mirror the RON, one per file.
//!
//! Nothing here is trusted yet; `validate` turns these into the checked `Content`. Unknown
//! fields are errors, so a misspelt field name is reported instead of silently ignored.

use std::collections::BTreeMap;

use serde::Deserialize;

/// A human text by language tag, as written: `{"ro": "…", "en": "…"}`.
pub type RawText = BTreeMap<String, String>;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename = "Pack")]
pub struct RawPack {
    pub id: String,
    pub title: RawText,
    pub languages: Vec<String>,
    pub default_language: String,
    #[serde(default)]
    pub attribution: Option<RawText>,
    #[serde(default)]
    pub sources: Vec<RawSource>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename = "Source")]
pub struct RawSource {
    pub id: String,
    pub title: RawText,
    #[serde(default)]
    pub url: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename = "Fact")]
pub struct RawFact {
    pub text: RawText,
    pub source: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename = "Overview")]
pub struct RawOverview {
    pub sections: Vec<RawSection>,
    #[serde(default)]
    pub timeline: Vec<RawEvent>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename = "Section")]
pub struct RawSection {
    pub id: String,
    pub title: RawText,
    pub body: RawText,
    #[serde(default)]
    pub facts: Vec<RawFact>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename = "Event")]
pub struct RawEvent {
    pub id: String,
    pub date: RawText,
    pub place: RawText,
    pub text: RawText,
    pub source: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename = "Members")]
pub struct RawMembers {
    #[serde(default)]
    pub intro: Option<RawText>,
    pub regions: Vec<RawRegion>,
    pub members: Vec<RawMember>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename = "Region")]
pub struct RawRegion {
    pub id: String,
    pub name: RawText,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename = "Member")]
pub struct RawMember {
    pub id: String,
    pub name: RawText,
    pub code: String,
    pub region: String,
    pub joined: u16,
    #[serde(default)]
    pub note: Option<RawText>,
    pub sources: RawMemberSources,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawMemberSources {
    pub code: String,
    pub region: String,
    pub joined: String,
}

/// `declaration.ron`: an introduction and the principle and rights as items.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename = "Declaration")]
pub struct RawDeclaration {
    #[serde(default)]
    pub intro: Option<RawText>,
    pub items: Vec<RawItem>,
}

/// `actions.ron`: the same shape as the declaration under its own name, so that a file put
/// in the wrong place is reported.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename = "Actions")]
pub struct RawActions {
    #[serde(default)]
    pub intro: Option<RawText>,
    pub items: Vec<RawItem>,
}

/// What validation sees of either: the introduction and the items.
pub struct RawItemList<'a> {
    pub intro: Option<&'a RawText>,
    pub items: &'a [RawItem],
}

impl RawDeclaration {
    pub fn as_list(&self) -> RawItemList<'_> {
        RawItemList {
            intro: self.intro.as_ref(),
            items: &self.items,
        }
    }
}

impl RawActions {
    pub fn as_list(&self) -> RawItemList<'_> {
        RawItemList {
            intro: self.intro.as_ref(),
            items: &self.items,
        }
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename = "Item")]
pub struct RawItem {
    pub id: String,
    pub title: RawText,
    pub body: RawText,
    #[serde(default)]
    pub facts: Vec<RawFact>,
}

/// `slides.ron` (optional): which slides a presentation shows, in which order, with notes.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename = "Slides")]
pub struct RawSlides {
    pub slides: Vec<RawSlide>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename = "Slide")]
pub struct RawSlide {
    /// An item id, or `title`, `timeline`, `members`.
    pub show: String,
    /// For the title slide: the overview sections whose text it shows.
    #[serde(default)]
    pub with: Vec<String>,
    #[serde(default)]
    pub notes: Option<RawText>,
}
