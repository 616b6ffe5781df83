//! Where things are on the screen for the app as it is: the inputs the pure geometry needs
//! (the area, the lines of an introduction, the widest row of a list, the rows of a slide's
//! title), gathered from the state and the laid-out text. `update` pages and clamps with
//! these, rendering draws in them and the mouse finds its target in them, so the three agree.
//! The links of a frame (`App::hyperlinks`) are placed from the same areas and scrolls as
//! the text they lie in is drawn.

use std::sync::Arc;

use ratatui::layout::Rect;

use super::App;
use crate::doc::slide::{SlideKey, SlideLayout};
use crate::doc::{self, Context, DocKey, DocText};
use crate::geometry::{self, Bands, ListParts, PaneAreas, PresentAreas, ResultsLayout, TabLabel};
use crate::hyperlink::Link;
use crate::letters::Pixels;
use crate::text;
use crate::vocabulary::{Focus, Mode, Pane};

impl App {
    /// What the app's texts are laid out from: its content, theme, language and search.
    pub fn doc_context(&self) -> Context<'_> {
        Context {
            content: self.content(),
            theme: &self.theme,
            lang: self.lang,
            strings: self.strings(),
            highlight: self.highlight(),
        }
    }

    /// The current pane's text (the overview, or the selected item's detail) in `width`
    /// columns, wrapped at most at the reading measure (`geometry::READING_MEASURE`), laid out
    /// once for each [`DocKey`].
    pub fn text_doc(&self, width: usize) -> Arc<DocText> {
        let width = Self::text_measure(width);
        let pane = self.pane;
        let row = self.list_position(pane).map_or(0, |p| p.selected);
        let item = self.item_at(pane, row);
        let key = DocKey {
            pane,
            item,
            width,
            lang: self.lang,
            highlight: self.highlight().cloned(),
        };
        self.laid_out.get_or_lay_out(key, || {
            doc::pane_text(self.doc_context(), pane, item, width)
        })
    }

    /// The links on the screen as it is drawn now: the pieces of the web addresses of the
    /// sources in the pane's text that are in view, each where `ui` draws it (the text's area
    /// and scroll as `ui::render_text_block` takes them). None while the help, the search or
    /// a slide covers the panes, or the world map takes the detail's place.
    pub fn hyperlinks(&self) -> Vec<Link> {
        if !matches!(self.mode, Mode::Browse | Mode::Filter) {
            return Vec::new();
        }
        let Some(body) = self.bands().map(|bands| bands.body) else {
            return Vec::new();
        };
        let (block, scroll) = match self.pane {
            Pane::Overview => {
                let text = geometry::glance(body, self.growth_years()).map_or(body, |g| g.text);
                (Some(text), self.overview_scroll)
            }
            pane => {
                let areas = self.pane_areas(pane, body, self.focus);
                let detail = areas.detail.filter(|_| self.map_area(body).is_none());
                let scroll = self.list_position(pane).map_or(0, |p| p.detail_scroll);
                (detail, scroll)
            }
        };
        let Some(inner) = block.map(geometry::text_inner) else {
            return Vec::new();
        };
        let text = self.text_doc(inner.width as usize);
        let rows = inner.height as usize;
        let scroll = scroll.min(text.len().saturating_sub(rows));
        let shown = scroll..scroll + rows;
        let width = inner.width as usize;
        text.links
            .iter()
            .filter(|link| shown.contains(&link.line) && link.columns.start < width)
            .map(|link| {
                let columns = link.columns.start..link.columns.end.min(width);
                Link {
                    row: inner.y + (link.line - scroll) as u16,
                    columns: inner.x + columns.start as u16..inner.x + columns.end as u16,
                    url: Arc::clone(&link.url),
                    id: link.id,
                }
            })
            .collect()
    }

    /// The columns a pane's text is laid out in when `width` are free: at most the reading
    /// measure.
    pub(super) fn text_measure(width: usize) -> usize {
        width.min(geometry::READING_MEASURE)
    }

    /// The width of the widest cell of each column of a pane's list (its column name
    /// included), over every item whatever the filter shows, so that the table keeps its
    /// shape while it narrows; measured once per language.
    pub fn column_widths(&self, pane: Pane) -> &[usize] {
        let Some(i) = Self::list_index(pane) else {
            return &[];
        };
        self.column_widths[i].get_or_init(|| {
            let cx = self.doc_context();
            let mut widths: Vec<usize> = doc::column_names(cx, pane)
                .iter()
                .map(|name| text::width(name))
                .collect();
            for item in 0..self.items_in(pane) {
                for (column, cell) in doc::row_cells(cx, pane, item).iter().enumerate() {
                    let width = text::width(cell);
                    match widths.get_mut(column) {
                        Some(widest) => *widest = (*widest).max(width),
                        None => widths.push(width),
                    }
                }
            }
            widths
        })
    }

    /// The bands of the browser's screen, or `None` below the minimum size.
    pub fn bands(&self) -> Option<Bands> {
        geometry::bands(self.area)
    }

    /// How the body of a list pane is divided, for a given focus.
    pub fn pane_areas(&self, pane: Pane, body: Rect, focus: Focus) -> PaneAreas {
        let columns = self.column_widths(pane);
        if pane == Pane::Members && self.map_shown() {
            geometry::pane_areas_beside_map(body, pane, columns, focus)
        } else {
            geometry::pane_areas(body, pane, columns, focus)
        }
    }

    /// The parts inside the list block `list` of `pane`: its introduction, wrapped to the
    /// block, the column names of a table and the rows.
    pub fn list_parts(&self, pane: Pane, list: Rect) -> ListParts {
        let width = geometry::list_intro_width(list);
        let intro_lines = doc::intro_lines(self.doc_context(), pane, width);
        geometry::list_parts(list, pane, intro_lines)
    }

    /// Where the world map is drawn, while it is shown: in place of the member's detail, or,
    /// on a screen too narrow for both, of the list.
    pub fn map_area(&self, body: Rect) -> Option<Rect> {
        if !(self.pane == Pane::Members && self.map_shown()) {
            return None;
        }
        let areas = self.pane_areas(Pane::Members, body, self.focus);
        areas.detail.or(areas.list)
    }

    /// The rows a pane's list shows at once (as if the list were on screen).
    pub fn list_rows_of(&self, pane: Pane) -> usize {
        let Some(bands) = self.bands().filter(|_| pane.has_list()) else {
            return 0;
        };
        self.pane_areas(pane, bands.body, Focus::List)
            .list
            .map_or(0, |list| self.list_parts(pane, list).rows.height as usize)
    }

    /// The rows the current pane's list shows at once.
    pub fn list_rows(&self) -> usize {
        self.list_rows_of(self.pane)
    }

    /// Where the current pane's text is drawn: the overview, or the selected item's detail.
    pub fn text_area(&self) -> Option<Rect> {
        let body = self.bands()?.body;
        let pane = self.pane;
        let years = self.growth_years();
        geometry::text_area(body, pane, self.column_widths(pane), years)
    }

    /// How many sections the current pane's text has on this screen.
    pub fn section_count(&self) -> usize {
        self.text_doc(self.text_width()).sections.len()
    }

    /// The title of the section the current text's top line is in, once the text has
    /// scrolled past its beginning: what the overview's box adds to its name.
    pub fn current_section(&self) -> Option<Arc<str>> {
        let at = self.text_scroll();
        if at == 0 {
            return None;
        }
        let doc = self.text_doc(self.text_width());
        // The first line with text at the top: a blank line between two sections belongs to
        // neither.
        let top = (at..doc.len())
            .find(|&line| !doc.is_blank(line))
            .unwrap_or(at);
        doc.sections
            .iter()
            .rev()
            .find(|&&(line, _)| line <= top)
            .map(|(_, title)| Arc::clone(title))
    }

    /// How many years the overview's growth chart shows.
    pub fn growth_years(&self) -> usize {
        self.pack.growth().len()
    }

    /// The rows of text the current pane shows at once.
    pub fn text_rows(&self) -> usize {
        self.text_area().map_or(0, |a| a.height as usize)
    }

    /// The columns the current pane's text is wrapped to.
    pub fn text_width(&self) -> usize {
        self.text_area().map_or(0, |a| a.width as usize)
    }

    /// How far the current pane's text can scroll: its length past one screenful.
    pub fn max_text_scroll(&self) -> usize {
        let Some(area) = self.text_area() else {
            return 0;
        };
        self.text_doc(area.width as usize)
            .len()
            .saturating_sub(area.height as usize)
    }

    /// The tabs of the tab bar in `area`: full names if they fit, else the current tab named
    /// and the others by number.
    pub fn tab_labels(&self, area: Rect) -> Vec<TabLabel> {
        let strings = self.strings();
        let full = |pane: Pane| match pane {
            Pane::Members => format!(
                " {} {} ({}) ",
                pane.index() + 1,
                strings.pane(pane),
                self.list_len(pane)
            ),
            _ => format!(" {} {} ", pane.index() + 1, strings.pane(pane)),
        };
        let short = |pane: Pane| format!(" {} ", pane.index() + 1);
        let ellipsis = self.theme.glyphs().ellipsis;
        geometry::tab_labels(area, self.pane, ellipsis, full, short)
    }

    /// The help text at `width`, from the keymap in use.
    pub fn help_text(&self, width: usize) -> DocText {
        doc::help::text(self.doc_context(), &self.keymap, width, self.before_help)
    }

    /// The rows where the pane's text moves up and down as it scrolls, which the terminal
    /// may be asked to scroll: none while the help, the search or a slide covers the panes
    /// (looking there for text that moved would only cost time).
    pub fn scrolling_rows(&self) -> Option<std::ops::Range<u16>> {
        match self.mode {
            Mode::Browse | Mode::Filter => {
                geometry::scrolling_rows(self.area, self.pane, self.growth().len())
            }
            Mode::Help | Mode::Search | Mode::Present => None,
        }
    }

    /// Where the help box is drawn.
    pub fn help_area(&self) -> Rect {
        geometry::help_area(self.area)
    }

    /// The rows of the help text shown at once.
    pub fn help_rows(&self) -> usize {
        geometry::inner(self.help_area()).height as usize
    }

    /// How far the help can scroll.
    pub fn max_help_scroll(&self) -> usize {
        let inner = geometry::text_inner(self.help_area());
        self.help_text(inner.width as usize)
            .len()
            .saturating_sub(inner.height as usize)
    }

    /// Where the search results go.
    pub fn results_layout(&self) -> Option<ResultsLayout> {
        geometry::search_results(self.area)
    }

    /// How many search results are shown at once.
    pub fn visible_results(&self) -> usize {
        self.results_layout().map_or(0, |r| r.visible())
    }

    /// The parts of the screen while presenting.
    pub fn present_areas(&self) -> PresentAreas {
        let notes = self.presentation.as_ref().is_some_and(|p| p.notes);
        geometry::present_areas(self.area, notes)
    }

    /// Slide `index` of the deck composed on the screen at the current size, showing page
    /// `page`; `None` past the deck's end.
    pub fn slide_layout(&self, index: usize, page: usize) -> Option<Arc<SlideLayout>> {
        self.slide_layout_in(index, self.present_areas().slide, page)
    }

    /// Slide `index` of the deck composed in `area` (a whole slide, margins included),
    /// showing page `page`: its title in the pixels the terminal's drawings are made of where
    /// block letters fit. Laid out once for each [`SlideKey`].
    pub fn slide_layout_in(
        &self,
        index: usize,
        area: Rect,
        page: usize,
    ) -> Option<Arc<SlideLayout>> {
        let slide = self.deck.get(index)?;
        let pixels = Pixels::for_dots(self.theme.dots);
        let key = SlideKey {
            index,
            area,
            page,
            pixels,
            lang: self.lang,
            highlight: self.highlight().cloned(),
        };
        Some(self.slides_laid_out.get_or_lay_out(key, || {
            doc::slide::lay_out_slide(self.doc_context(), slide, pixels, area, page)
        }))
    }

    /// How many pages slide `index` takes at the current size.
    pub fn slide_pages(&self, index: usize) -> usize {
        self.slide_layout(index, 0)
            .map_or(1, |layout| layout.pages.len())
    }

    /// How many pages the current slide takes at the current size.
    pub fn current_slide_pages(&self) -> usize {
        self.presentation
            .as_ref()
            .map_or(1, |p| self.slide_pages(p.slide))
    }
}
