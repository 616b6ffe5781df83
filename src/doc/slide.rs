//! A slide composed: its title (in block letters where the screen allows, or wrapped) and
//! its body (its text at a reading measure, a list, or a figure: the members' map, the charts
//! of the conferences and the growth), set together in the middle of the screen and cut into
//! pages that begin at a paragraph or a sentence when the screen is too small.

use std::ops::Range;

use ratatui::layout::Rect;
use ratatui::style::Style;

use super::{Context, Doc, DocText, Memo, overview, year_of};
use crate::content::{Fact, Item, ItemRef, Lang, Slide, SlideForm, SlideShows, SourceRef};
use crate::geometry::{self, TIMELINE_ROWS};
use crate::letters::{self, Pixels};
use crate::search::Query;
use crate::text;
use crate::vocabulary::Pane;

/// The title of a slide in the language of `cx`.
pub fn title(cx: Context, slide: &Slide) -> String {
    let content = cx.content;
    let lang = cx.lang;
    if let Some(title) = &slide.title {
        return title.get(lang).to_string();
    }
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
        SlideShows::List => match slide.items.first() {
            Some(ItemRef::Action(_)) => cx.strings.pane(Pane::Actions).to_string(),
            _ => cx.strings.pane(Pane::Declaration).to_string(),
        },
    }
}

/// The title of an item of the declaration or the actions.
fn item_title<'c>(cx: Context<'c>, item: ItemRef) -> &'c str {
    let (list, i) = match item {
        ItemRef::Declaration(i) => (&cx.content.declaration, i),
        ItemRef::Action(i) => (&cx.content.actions, i),
    };
    list.items.get(i).map_or("", |item| item.title.get(cx.lang))
}

/// The items of the declaration or the actions that a slide shows.
fn slide_items<'c>(cx: Context<'c>, slide: &Slide) -> Vec<&'c Item> {
    let content = cx.content;
    let item = |item: ItemRef| match item {
        ItemRef::Declaration(i) => content.declaration.items.get(i),
        ItemRef::Action(i) => content.actions.items.get(i),
    };
    match slide.shows {
        SlideShows::Declaration(i) => item(ItemRef::Declaration(i)).into_iter().collect(),
        SlideShows::Action(i) => item(ItemRef::Action(i)).into_iter().collect(),
        SlideShows::List => slide.items.iter().filter_map(|&i| item(i)).collect(),
        _ => Vec::new(),
    }
}

/// The facts a slide states and the sources behind them: on an audience's slide the facts
/// stand alone, and their sources go to the speaker's notes.
fn slide_facts<'c>(cx: Context<'c>, slide: &Slide) -> Vec<&'c Fact> {
    match slide.shows {
        SlideShows::Section(i) => cx
            .content
            .overview
            .sections
            .get(i)
            .map(|s| s.facts.iter().collect())
            .unwrap_or_default(),
        _ => slide_items(cx, slide)
            .into_iter()
            .flat_map(|item| &item.facts)
            .collect(),
    }
}

/// The sources of what `slide` states, once each, as "title <url>": for the speaker's notes.
pub fn sources(cx: Context, slide: &Slide) -> Vec<String> {
    let mut refs: Vec<SourceRef> = Vec::new();
    let cited = slide_items(cx, slide)
        .into_iter()
        .filter_map(|item| item.source)
        .chain(slide_facts(cx, slide).into_iter().filter_map(|f| f.source));
    for source in cited {
        if !refs.contains(&source) {
            refs.push(source);
        }
    }
    refs.into_iter()
        .filter_map(|r| cx.content.source(r))
        .map(|source| source.citation(cx.lang))
        .collect()
}

/// Added facts as a bulleted list, without their sources (which the notes give).
fn facts(doc: &mut Doc, cx: Context, facts: &[&Fact]) {
    for fact in facts {
        overview::fact(doc, cx, fact);
    }
}

/// The full text of a slide at `width` columns: what it shows when there is no room for its
/// figure (the members by region, the conferences), or on a slide that has none.
pub fn body(cx: Context, slide: &Slide, width: usize) -> DocText {
    body_spaced(cx, slide, width, true)
}

/// The text of a slide, with a list's items a blank line apart when `spaced`.
fn body_spaced(cx: Context, slide: &Slide, width: usize, spaced: bool) -> DocText {
    let content = cx.content;
    let lang = cx.lang;
    let theme = cx.theme;
    let mut doc = Doc::plain(cx, width);
    let stated = slide_facts(cx, slide);
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
                    doc.text(section.body.shared(lang), Style::new());
                }
            }
        }
        SlideShows::Section(i) => {
            if let Some(section) = content.overview.sections.get(i) {
                doc.text(section.body.shared(lang), Style::new());
                if !stated.is_empty() {
                    doc.blank();
                    facts(&mut doc, cx, &stated);
                }
            }
        }
        SlideShows::List => {
            let bullet = format!("{} ", theme.glyphs().bullet);
            for (n, &item) in slide.items.iter().enumerate() {
                if spaced && n > 0 {
                    doc.blank();
                }
                doc.hanging(
                    item_title(cx, item),
                    (&bullet, theme.label()),
                    "  ",
                    Style::new(),
                );
            }
        }
        SlideShows::Timeline => {
            for event in &content.overview.timeline {
                overview::event(&mut doc, cx, event);
            }
        }
        SlideShows::Members => {
            region_counts_line(&mut doc, cx);
            doc.blank();
            members_by_region(&mut doc, cx);
        }
        SlideShows::Declaration(i) | SlideShows::Action(i) => {
            let list = match slide.shows {
                SlideShows::Declaration(_) => &content.declaration,
                _ => &content.actions,
            };
            if let Some(item) = list.items.get(i) {
                doc.text(item.body.shared(lang), Style::new());
                if !stated.is_empty() {
                    doc.blank();
                    facts(&mut doc, cx, &stated);
                }
            }
        }
    }
    doc.finish()
}

/// The regions that have members, each with its name in the language of `cx` and how many.
fn region_counts(cx: Context<'_>) -> Vec<(&str, usize)> {
    let members = &cx.content.members;
    members
        .per_region()
        .into_iter()
        .filter(|count| count.members > 0)
        .filter_map(|count| {
            let region = members.regions.get(count.region)?;
            Some((region.name.get(cx.lang), count.members))
        })
        .collect()
}

/// "Europa de Vest 4 · Europa de Nord 6 · …", broken between counts (never inside one
/// that fits a line) and each line starting with a count, not with the separator.
fn region_counts_line(doc: &mut Doc, cx: Context) {
    let separator = format!(" {} ", cx.theme.glyphs().separator);
    let mut lines: Vec<String> = Vec::new();
    for (region, members) in region_counts(cx) {
        let count = format!("{region} {members}");
        match lines.last_mut() {
            Some(line)
                if text::width(line) + text::width(&separator) + text::width(&count)
                    <= doc.width() =>
            {
                line.push_str(&separator);
                line.push_str(&count);
            }
            _ => lines.push(count),
        }
    }
    for line in lines {
        doc.text(line, Style::new());
    }
}

/// One line a region: its name, then its count in a column of its own.
fn region_counts_list(doc: &mut Doc, cx: Context) {
    let counts = region_counts(cx);
    let name_width = counts
        .iter()
        .map(|(region, _)| text::width(region))
        .max()
        .unwrap_or(0);
    for (region, members) in counts {
        let label = format!("{} ", text::fit(region, name_width));
        doc.hanging(
            format!("{members:>2}"),
            (&label, cx.theme.label()),
            "",
            Style::new(),
        );
    }
}

/// The members' names grouped by region, in the order of the regions: a slide's worth, not a
/// table.
fn members_by_region(doc: &mut Doc, cx: Context) {
    let members = &cx.content.members;
    for (r, region) in members.regions.iter().enumerate() {
        let names: Vec<&str> = members
            .members
            .iter()
            .filter(|m| m.region == r)
            .map(|m| m.name.get(cx.lang))
            .collect();
        if names.is_empty() {
            continue;
        }
        let label = format!("{}: ", region.name.get(cx.lang));
        // Beside its region while that leaves the names room; under it on a narrow slide,
        // where a name would otherwise be broken letter by letter.
        if doc.width() >= text::width(&label) + 12 {
            doc.hanging(
                names.join(", "),
                (&label, cx.theme.label()),
                "  ",
                Style::new(),
            );
        } else {
            doc.text(label.trim_end().to_string(), cx.theme.label());
            doc.hanging(names.join(", "), ("  ", Style::new()), "  ", Style::new());
        }
    }
}

/// What a slide draws besides its text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Figure {
    /// Every member marked on the world map.
    Map(Rect),
    /// The conferences along a line and the members joining year by year.
    Charts { timeline: Rect, growth: Rect },
}

impl Figure {
    /// The row below the figure.
    pub fn bottom(self) -> u16 {
        match self {
            Figure::Map(area) => area.bottom(),
            Figure::Charts { timeline, growth } => timeline.bottom().max(growth.bottom()),
        }
    }
}

/// The body of a slide laid out in its area: the figure, if it has one and there is room,
/// and the text with the area it is drawn in.
#[derive(Debug)]
pub struct SlideBody {
    pub figure: Option<Figure>,
    pub text: DocText,
    pub text_area: Rect,
}

/// From this width a slide's body puts the members' counts beside the map, and the growth
/// beside the timeline, rather than below.
const BESIDE_FROM: u16 = 100;
/// Columns between a figure and what is beside it.
const GAP: u16 = 3;
/// The most rows the growth takes on a slide; more years are gathered into ranges.
const GROWTH_ROWS: usize = 8;
/// The widest a slide's text runs, in columns: a measure a room reads at a glance.
pub const MEASURE: u16 = 70;

/// The body of `slide` laid out in `area` (the slide below its title), from its top.
pub fn lay_out(cx: Context, slide: &Slide, area: Rect) -> SlideBody {
    let laid_out = match slide.form {
        SlideForm::Map => members_body(cx, area),
        SlideForm::Chart => timeline_body(cx, slide, area),
        SlideForm::Text | SlideForm::List => None,
    };
    laid_out.unwrap_or_else(|| {
        let width = area.width.min(MEASURE);
        // A list a blank line apart where that fits, tight where it does not.
        let spaced = body_spaced(cx, slide, width as usize, true);
        let text = match spaced.len() > area.height as usize {
            true => body_spaced(cx, slide, width as usize, false),
            false => spaced,
        };
        SlideBody {
            figure: None,
            text,
            text_area: Rect::new(area.x, area.y, width, area.height),
        }
    })
}

/// A slide set on the screen: its title and where it goes, its body, and which of its pages
/// is shown.
#[derive(Debug)]
pub struct SlideLayout {
    pub title_layout: TitleLayout,
    /// The title's rows (without the blank row after it).
    pub title: Rect,
    pub body: SlideBody,
    /// The first line of each page of the body's text.
    pub pages: Vec<usize>,
    /// The page shown (clamped to the pages there are).
    pub page: usize,
    /// The lines of the text the page shows.
    pub lines: Range<usize>,
    /// Each line set in the middle (a title page), not from the left.
    pub centred: bool,
    /// The row left free under the text for the "more" marker, on a slide of several pages.
    pub more: Option<Rect>,
}

/// `slide` composed in `content` (the slide inside its margins) under `title_layout`,
/// showing page `page`: title and body set together in the middle, the gaps above and below
/// differing by a row at most; the text at most `MEASURE` columns wide, the block centred.
fn compose(
    cx: Context,
    slide: &Slide,
    content: Rect,
    title_layout: TitleLayout,
    page: usize,
) -> SlideLayout {
    let title_rows = title_layout.rows().min(content.height);
    let room = Rect::new(
        content.x,
        content.y + title_rows,
        content.width,
        content.height - title_rows,
    );
    let mut body = lay_out(cx, slide, room);
    let centred = slide.shows == SlideShows::Title;
    let (pages, page, lines, body_rows, more) = match body.figure {
        Some(figure) => {
            let bottom = figure.bottom().max(body.text_area.bottom());
            let lines = 0..body.text.len().min(body.text_area.height as usize);
            (vec![0], 0, lines, bottom - room.y, false)
        }
        None => {
            let fits = body.text.len() <= room.height as usize;
            // A slide of several pages keeps its last row for the "more" marker.
            let rows = match fits {
                true => room.height,
                false => room.height.saturating_sub(1),
            };
            let pages = body.text.page_starts(rows as usize);
            let page = page.min(pages.len() - 1);
            let lines = body.text.page_lines(&pages, page);
            // A page holds a line at least; a screen with no row for it shows none.
            let lines = lines.start..lines.end.min(lines.start + rows as usize);
            let body_rows = lines.len() as u16;
            (pages, page, lines, body_rows, !fits)
        }
    };
    // The text's block, set in the middle of the slide's width.
    if body.figure.is_none() {
        let width = match centred {
            true => room.width,
            false => widest(&body.text, lines.clone()).min(body.text_area.width),
        };
        body.text_area.x = room.x + (room.width - width) / 2;
        body.text_area.width = width;
        body.text_area.height = body_rows;
    }
    let block = title_rows.saturating_sub(1) + u16::from(body_rows > 0) + body_rows;
    let reserved = u16::from(more);
    let gap = content.height.saturating_sub(block + reserved) / 2;
    let shift = |area: Rect| Rect {
        y: area.y + gap.min(content.bottom().saturating_sub(area.bottom())),
        ..area
    };
    let title = shift(Rect::new(
        content.x,
        content.y,
        content.width,
        title_rows.saturating_sub(1),
    ));
    body.text_area = shift(body.text_area);
    body.figure = body.figure.map(|figure| match figure {
        Figure::Map(area) => Figure::Map(shift(area)),
        Figure::Charts { timeline, growth } => Figure::Charts {
            timeline: shift(timeline),
            growth: shift(growth),
        },
    });
    let more = (more && content.height > 0)
        .then(|| Rect::new(content.x, content.bottom() - 1, content.width, 1));
    SlideLayout {
        title_layout,
        title,
        body,
        pages,
        page,
        lines,
        centred,
        more,
    }
}

/// The columns the widest of `lines` of `text` takes.
fn widest(text: &DocText, lines: Range<usize>) -> u16 {
    text.lines(lines)
        .map(|line| line.width() as u16)
        .max()
        .unwrap_or(0)
}

/// What a slide of the deck is laid out from, besides the content and the theme (which are
/// never changed without forgetting the [`SlideMemo`]).
#[derive(Debug, Clone, PartialEq)]
pub struct SlideKey {
    /// The slide's place in the deck.
    pub index: usize,
    pub area: Rect,
    pub page: usize,
    pub pixels: Pixels,
    pub lang: Lang,
    pub highlight: Option<Query>,
}

/// The slides last laid out: two, so that the speaker's view, which draws the slide and the
/// next one, lays out neither again for each frame.
pub type SlideMemo = Memo<SlideKey, SlideLayout>;

impl Default for SlideMemo {
    fn default() -> SlideMemo {
        Memo::new(2)
    }
}

/// `slide` laid out in `area` (the slide, margins included) showing page `page`, its title
/// in block letters of `pixels` where they fit, unless the body would show less under them
/// than under the title in bold: lose its figure, or take more pages. The title is
/// decoration; what the slide says comes first.
pub fn lay_out_slide(
    cx: Context,
    slide: &Slide,
    pixels: Pixels,
    area: Rect,
    page: usize,
) -> SlideLayout {
    let content = geometry::slide_content(area);
    let text = title(cx, slide);
    let under = |title: TitleLayout| compose(cx, slide, content, title, page);
    let plain = || under(TitleLayout::plain(&text, content));
    let big = TitleLayout::new(&text, pixels, content, geometry::slide_big_title(area));
    if !matches!(big, TitleLayout::Big { .. }) {
        return plain();
    }
    let big = under(big);
    let plain = plain();
    let loses_figure = plain.body.figure.is_some() && big.body.figure.is_none();
    let more_pages = big.pages.len() > plain.pages.len();
    match loses_figure || more_pages {
        true => plain,
        false => big,
    }
}

/// The map with the counts beside it (on a wide slide) or below it; `None` when the pack has
/// no locations or the slide no room for the map.
fn members_body(cx: Context, area: Rect) -> Option<SlideBody> {
    if !cx.content.members.located() {
        return None;
    }
    let map_height = |width: u16, room: u16| {
        // About as tall as the land is for its width in cells twice as tall as wide, with
        // some stretch allowed, and never less than the map needs.
        let height = (width * 3 / 10).min(room);
        (height >= geometry::MAP_MIN_HEIGHT && width >= geometry::MAP_MIN_WIDTH).then_some(height)
    };
    if area.width >= BESIDE_FROM {
        let mut doc = Doc::plain(cx, area.width as usize);
        region_counts_list(&mut doc, cx);
        let list = doc.finish();
        let list_width = (0..list.len())
            .map(|i| list.line(i).width() as u16)
            .max()
            .unwrap_or(0);
        let list_rows = (list.len() as u16).min(area.height);
        let map_width = area.width.saturating_sub(list_width + GAP);
        if let Some(height) = map_height(map_width, area.height) {
            return Some(SlideBody {
                figure: Some(Figure::Map(Rect::new(area.x, area.y, map_width, height))),
                text: list,
                text_area: Rect::new(area.x + map_width + GAP, area.y, list_width, list_rows),
            });
        }
    }
    let mut doc = Doc::plain(cx, area.width as usize);
    region_counts_line(&mut doc, cx);
    let counts = doc.finish();
    let text_rows = counts.len() as u16;
    let room = area.height.saturating_sub(text_rows + 1);
    let height = map_height(area.width, room)?;
    Some(SlideBody {
        figure: Some(Figure::Map(Rect::new(area.x, area.y, area.width, height))),
        text: counts,
        text_area: Rect::new(area.x, area.y + height + 1, area.width, text_rows),
    })
}

/// The timeline and the growth (side by side on a wide slide, one above the other
/// otherwise), with the conferences' text below when all of it fits; `None` when the slide
/// has no room for the charts.
fn timeline_body(cx: Context, slide: &Slide, area: Rect) -> Option<SlideBody> {
    let events = timeline_marks(cx);
    let years = cx.content.members.growth().len().min(GROWTH_ROWS) as u16;
    if events.is_empty() || years == 0 || area.width < geometry::MAP_MIN_WIDTH {
        return None;
    }
    let (timeline_area, growth_area) = if area.width >= BESIDE_FROM {
        let growth_width = area.width * 45 / 100;
        let timeline_width = area.width - growth_width - GAP;
        let rows = TIMELINE_ROWS.max(years);
        (
            Rect::new(area.x + growth_width + GAP, area.y, timeline_width, rows),
            Rect::new(area.x, area.y, growth_width, years),
        )
    } else {
        let rows = TIMELINE_ROWS;
        (
            Rect::new(area.x, area.y, area.width, rows),
            Rect::new(area.x, area.y + rows + 1, area.width, years),
        )
    };
    let figure_rows = timeline_area.bottom().max(growth_area.bottom()) - area.y;
    if figure_rows > area.height {
        return None;
    }
    let text = body(cx, slide, area.width as usize);
    let below = area.height - figure_rows;
    // The text only where all of it fits: the charts are the slide, and a scrolled remnant
    // of the text under them would read as the slide being cut.
    let (text, text_rows) = match text.len() < below as usize {
        true => {
            let rows = text.len() as u16;
            (text, rows)
        }
        false => (Doc::plain(cx, 0).finish(), 0),
    };
    Some(SlideBody {
        figure: Some(Figure::Charts {
            timeline: timeline_area,
            growth: growth_area,
        }),
        text,
        text_area: Rect::new(
            area.x,
            area.y + figure_rows + u16::from(text_rows > 0),
            area.width,
            text_rows,
        ),
    })
}

/// (year, place) of each conference, in the language of `cx`.
pub fn timeline_marks(cx: Context<'_>) -> Vec<(&str, &str)> {
    cx.content
        .overview
        .timeline
        .iter()
        .map(|event| (year_of(event.date.get(cx.lang)), event.place.get(cx.lang)))
        .collect()
}

/// How a slide's title is laid out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TitleLayout {
    /// In block letters drawn with `pixels`: the words of each line.
    Big { lines: Vec<String>, pixels: Pixels },
    /// In bold: the title wrapped to lines.
    Plain(Vec<String>),
}

impl TitleLayout {
    /// How `title` is laid out on a slide: in block letters of `pixels` in `big` (see
    /// `geometry::slide_big_title`) when the font has every character of it and it fits the
    /// width (and a third of the height), or else wrapped in `content` (the slide inside its
    /// margins).
    pub fn new(title: &str, pixels: Pixels, content: Rect, big: Rect) -> TitleLayout {
        if let Some(lines) = big_lines(title, pixels, big) {
            return TitleLayout::Big { lines, pixels };
        }
        TitleLayout::plain(title, content)
    }

    /// `title` wrapped to the width of `content`, in bold.
    pub fn plain(title: &str, content: Rect) -> TitleLayout {
        TitleLayout::Plain(
            text::wrap(title, content.width.min(MEASURE) as usize)
                .into_iter()
                .map(|range| title[range].to_string())
                .collect(),
        )
    }

    /// The rows the title takes, with the blank row after it.
    pub fn rows(&self) -> u16 {
        let rows = match self {
            TitleLayout::Big { lines, pixels } => lines.len() as u16 * pixels.letter_rows(),
            TitleLayout::Plain(lines) => lines.len() as u16,
        };
        rows + 1
    }
}

/// The lines of words of `title` in block letters of `pixels` in `area`, when the font has
/// all its characters, each word fits the width and the lines take at most a third of the
/// height (the body keeps the rest).
fn big_lines(title: &str, pixels: Pixels, area: Rect) -> Option<Vec<String>> {
    if !letters::drawable(title) {
        return None;
    }
    let space = pixels.letter_columns(' ')?;
    let mut lines: Vec<(String, u16)> = Vec::new();
    for word in title.split_whitespace() {
        let width = pixels.line_columns(word)?;
        match lines.last_mut() {
            Some((line, line_width))
                if line_width.saturating_add(space).saturating_add(width) <= area.width =>
            {
                line.push(' ');
                line.push_str(word);
                *line_width += space + width;
            }
            _ => lines.push((word.to_string(), width)),
        }
    }
    let fits = lines.iter().all(|(_, width)| *width <= area.width);
    let height = (lines.len() as u16).saturating_mul(pixels.letter_rows());
    (fits && !lines.is_empty() && height <= area.height / 3)
        .then(|| lines.into_iter().map(|(line, _)| line).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    const FORMS: [Pixels; 3] = [Pixels::Quadrant, Pixels::HalfBlock, Pixels::Ascii];

    /// The slide of an 80×24 screen: the screen less the footer.
    const SLIDE_80X24: Rect = Rect::new(0, 0, 80, 23);

    fn layout(title: &str, pixels: Pixels, slide: Rect) -> TitleLayout {
        let content = geometry::slide_content(slide);
        TitleLayout::new(title, pixels, content, geometry::slide_big_title(slide))
    }

    #[test]
    fn a_title_the_font_lacks_a_character_of_is_bold() {
        let wide = Rect::new(0, 0, 200, 60);
        for pixels in FORMS {
            for title in ["Ωmega", "自由", "Libertate “online”", "Ţara – ţara"] {
                assert_eq!(
                    layout(title, pixels, wide),
                    TitleLayout::Plain(vec![title.to_string()]),
                    "{title} in {pixels:?}"
                );
            }
        }
    }

    #[test]
    fn a_romanian_title_that_fits_is_big_in_every_form() {
        for pixels in FORMS {
            let principiul = layout("Principiul", pixels, SLIDE_80X24);
            assert_eq!(
                principiul,
                TitleLayout::Big {
                    lines: vec!["Principiul".to_string()],
                    pixels
                }
            );
            assert_eq!(principiul.rows(), 5, "four rows of letters and a blank one");
        }
        assert!(matches!(
            layout("Ţara şi ăla", Pixels::Quadrant, SLIDE_80X24),
            TitleLayout::Big { .. }
        ));
    }

    #[test]
    fn words_go_to_lines_as_they_fit_the_width() {
        let area = Rect::new(0, 0, 60, 40);
        // Quadrant letters are 4 columns: 15 to a line.
        assert_eq!(
            big_lines("Protecţia vieţii private", Pixels::Quadrant, area),
            Some(vec!["Protecţia".to_string(), "vieţii private".to_string()])
        );
        // Half-block letters are as wide as their ink: a word wider than the area is too big.
        let protectia = Pixels::HalfBlock.line_columns("Protecţia").unwrap();
        let narrow = Rect::new(0, 0, protectia - 1, 40);
        assert_eq!(
            big_lines("Protecţia vieţii", Pixels::HalfBlock, narrow),
            None
        );
        let just = Rect::new(0, 0, protectia, 40);
        assert_eq!(
            big_lines("Protecţia vieţii", Pixels::HalfBlock, just),
            Some(vec!["Protecţia".to_string(), "vieţii".to_string()])
        );
    }

    #[test]
    fn a_big_title_leaves_two_thirds_of_the_height_to_the_body() {
        let title = "Principiul";
        assert!(big_lines(title, Pixels::Quadrant, Rect::new(0, 0, 100, 12)).is_some());
        assert!(big_lines(title, Pixels::Quadrant, Rect::new(0, 0, 100, 11)).is_none());
        // Three lines of four rows need 36.
        let three = "Libertatea religiei sau convingerilor";
        let narrow = |height| Rect::new(0, 0, 56, height);
        assert_eq!(
            big_lines(three, Pixels::Quadrant, narrow(36)).map(|l| l.len()),
            Some(3)
        );
        assert_eq!(big_lines(three, Pixels::Quadrant, narrow(35)), None);
        assert_eq!(
            TitleLayout::new(three, Pixels::Quadrant, narrow(35), narrow(35)),
            TitleLayout::Plain(vec![three.to_string()])
        );
        assert_eq!(
            big_lines(title, Pixels::Quadrant, Rect::new(0, 0, 0, 0)),
            None
        );
        assert_eq!(
            big_lines("", Pixels::Quadrant, Rect::new(0, 0, 80, 40)),
            None
        );
    }
}
