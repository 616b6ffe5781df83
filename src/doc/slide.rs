//! The text of a slide: its title (in block letters where the deck and the screen allow, or
//! wrapped) and its body.

use ratatui::layout::Rect;
use ratatui::style::Style;

use super::{Context, Doc, DocText, overview};
use crate::content::{Slide, SlideShows};
use crate::text;
use crate::vocabulary::Pane;

/// Rows and columns of one letter in block letters (quadrant pixels of an 8×8 font).
pub const BIG_LETTER: (u16, u16) = (4, 4);

/// The title of a slide in the language of `cx`.
pub fn title(cx: Context, slide: &Slide) -> String {
    let content = cx.content;
    let lang = cx.lang;
    match slide.shows {
        SlideShows::Title => content.title.get(lang).to_string(),
        SlideShows::Section(i) => content
            .overview
            .sections
            .get(i)
            .map_or(String::new(), |s| s.title.get(lang).to_string()),
        SlideShows::Timeline => cx.strings.timeline.to_string(),
        SlideShows::Members => format!(
            "{} ({})",
            cx.strings.pane(Pane::Members),
            content.members.members.len()
        ),
        SlideShows::Declaration(i) => content
            .declaration
            .items
            .get(i)
            .map_or(String::new(), |s| s.title.get(lang).to_string()),
        SlideShows::Action(i) => content
            .actions
            .items
            .get(i)
            .map_or(String::new(), |s| s.title.get(lang).to_string()),
    }
}

/// The body of a slide at `width` columns.
pub fn body(cx: Context, slide: &Slide, width: usize) -> DocText {
    let content = cx.content;
    let lang = cx.lang;
    let theme = cx.theme;
    let mut doc = Doc::plain(cx, width);
    match slide.shows {
        SlideShows::Title => {
            for (other, title) in content.title.all() {
                if other != lang && title != content.title.get(lang) {
                    doc.text(title, theme.dim());
                }
            }
            for &section in &slide.with {
                if let Some(section) = content.overview.sections.get(section) {
                    doc.blank();
                    doc.text(section.body.get(lang), Style::new());
                }
            }
        }
        SlideShows::Section(i) => {
            if let Some(section) = content.overview.sections.get(i) {
                doc.text(section.body.get(lang), Style::new());
                if !section.facts.is_empty() {
                    doc.blank();
                    overview::facts(&mut doc, cx, &section.facts);
                }
            }
        }
        SlideShows::Timeline => {
            for event in &content.overview.timeline {
                overview::event(&mut doc, cx, event);
            }
        }
        SlideShows::Members => {
            // Grouped by region, in the order of the regions: a slide's worth, not a table.
            for (r, region) in content.members.regions.iter().enumerate() {
                let names: Vec<&str> = content
                    .members
                    .members
                    .iter()
                    .filter(|m| m.region == r)
                    .map(|m| m.name.get(lang))
                    .collect();
                if names.is_empty() {
                    continue;
                }
                let label = format!("{}: ", region.name.get(lang));
                doc.hanging(
                    &names.join(", "),
                    (&label, theme.label()),
                    "  ",
                    Style::new(),
                );
            }
        }
        SlideShows::Declaration(i) | SlideShows::Action(i) => {
            let list = match slide.shows {
                SlideShows::Declaration(_) => &content.declaration,
                _ => &content.actions,
            };
            if let Some(item) = list.items.get(i) {
                doc.text(item.body.get(lang), Style::new());
                if !item.facts.is_empty() {
                    doc.blank();
                    overview::facts(&mut doc, cx, &item.facts);
                }
            }
        }
    }
    doc.finish()
}

/// Whether the block-letter font has every letter of `title`. It has ASCII and Latin-1:
/// a title with other letters (ţ, ş, ă) would lose them.
fn drawable(title: &str) -> bool {
    title
        .chars()
        .all(|c| c.is_ascii_graphic() || c == ' ' || ('\u{a0}'..='\u{ff}').contains(&c))
}

/// Whether the titles of `deck` are drawn in block letters at all: only when every title of
/// the deck can be, so that the slides of one talk look alike.
pub fn deck_in_block_letters(cx: Context, deck: &[Slide]) -> bool {
    deck.iter().all(|slide| drawable(&title(cx, slide)))
}

/// How a slide's title is laid out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TitleLayout {
    /// In block letters: the words of each line.
    Big(Vec<String>),
    /// In bold: the title wrapped to lines.
    Plain(Vec<String>),
}

impl TitleLayout {
    /// How `title` is laid out in `content` (the slide inside its margins): in block letters
    /// when `big_letters` allows (the deck can be, the terminal is not ASCII-only) and the
    /// screen has room, or else wrapped.
    pub fn new(title: &str, big_letters: bool, content: Rect) -> TitleLayout {
        if big_letters && let Some(lines) = big_lines(title, content) {
            return TitleLayout::Big(lines);
        }
        TitleLayout::Plain(
            text::wrap(title, content.width as usize)
                .into_iter()
                .map(|range| title[range].to_string())
                .collect(),
        )
    }

    /// The rows the title takes, with the blank row after it.
    pub fn rows(&self) -> u16 {
        let rows = match self {
            TitleLayout::Big(lines) => lines.len() as u16 * BIG_LETTER.0,
            TitleLayout::Plain(lines) => lines.len() as u16,
        };
        rows + 1
    }
}

/// The lines of words of `title` in block letters in `area`, when it has room for them.
fn big_lines(title: &str, area: Rect) -> Option<Vec<String>> {
    if area.height < 16 {
        return None;
    }
    let per_line = (area.width / BIG_LETTER.1) as usize;
    let mut lines: Vec<String> = Vec::new();
    for word in title.split_whitespace() {
        match lines.last_mut() {
            Some(line) if line.chars().count() + 1 + word.chars().count() <= per_line => {
                line.push(' ');
                line.push_str(word);
            }
            _ => lines.push(word.to_string()),
        }
    }
    let fits = lines.iter().all(|l| l.chars().count() <= per_line);
    let height = lines.len() as u16 * BIG_LETTER.0;
    (fits && !lines.is_empty() && height <= area.height / 3).then_some(lines)
}
