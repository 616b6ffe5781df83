//! Laid-out text: the lines each view shows, built from the content, the theme and a few
//! explicit inputs (the language, the width, the search to highlight), never from the state
//! of the browser. `Doc` is the builder: wrapped paragraphs, label–value fields and blank
//! lines, with the words of the current search highlighted at their exact place. It also
//! remembers the line of each highlight and where each item starts, so that `n`/`N` can
//! scroll to each occurrence of the search (`passage.rs` counts them), and where each
//! source's web address lies, so that it can be made a link. The files beside this one build
//! each view's text.

use std::ops::Range;
use std::sync::Arc;

use ratatui::style::Style;
use ratatui::text::{Line, Span};

use crate::content::{Content, Lang, Localized, Source, SourceRef};
use crate::hyperlink;
use crate::i18n::Strings;
use crate::search::{FieldKind, Query, Target};
use crate::text;
use crate::theme::Theme;
use crate::vocabulary::Pane;

pub mod help;
mod memo;
pub use memo::Memo;
mod items;
mod members;
mod overview;
pub use overview::year_of;
pub mod passage;
pub use passage::{Passage, Spot};
pub mod slide;

/// What every text is laid out from besides its width: the content, the theme, the language
/// (and the interface's words in it) and the search whose words are highlighted.
#[derive(Clone, Copy)]
pub struct Context<'a> {
    pub content: &'a Content,
    pub theme: &'a Theme,
    pub lang: Lang,
    pub strings: &'static Strings,
    pub highlight: Option<&'a Query>,
}

/// The text of a pane: the overview, or the detail of item `item` of a list pane.
pub fn pane_text(cx: Context, pane: Pane, item: usize, width: usize) -> DocText {
    match pane {
        Pane::Overview => overview::doc(cx, width),
        Pane::Members => members::doc(cx, item, width),
        Pane::Declaration | Pane::Actions => items::doc(cx, pane, item, width),
    }
}

/// The cells of the list row of `pane` that shows item `item`: one, its label, but for the
/// member table (see [`column_names`]).
pub fn row_cells(cx: Context, pane: Pane, item: usize) -> Vec<String> {
    match pane {
        Pane::Overview => Vec::new(),
        Pane::Members => members::cells(cx, item),
        Pane::Declaration | Pane::Actions => vec![items::row_label(cx, pane, item)],
    }
}

/// Whether a detail's text starts with its item's title: only when the title does not fit
/// whole in the title of the detail's box (the box is as wide as the text and its padding),
/// so that a long title is never shown cut alone.
pub fn heads_with_title(title: &str, width: usize) -> bool {
    text::width(title) > width
}

/// The title of item `item` of a list pane: a member's name in the language of `cx`, or an
/// item's title.
pub fn item_title(cx: Context, pane: Pane, item: usize) -> String {
    match pane {
        Pane::Overview => String::new(),
        Pane::Members => cx
            .content
            .members
            .members
            .get(item)
            .map_or(String::new(), |m| m.name.get(cx.lang).to_string()),
        Pane::Declaration | Pane::Actions => items::row_label(cx, pane, item),
    }
}

/// The citation of item `item` of a list pane, to copy: its title, then each source it cites
/// once ("Moldova — ISO 3166-1 … <https://…>; …"). `None` on the overview, which has no
/// selected item.
pub fn citation(cx: Context, pane: Pane, item: usize) -> Option<String> {
    let content = cx.content;
    let mut cited: Vec<SourceRef> = Vec::new();
    match pane {
        Pane::Overview => return None,
        Pane::Members => {
            let member = content.members.members.get(item)?;
            cited.extend([
                member.code_source,
                member.region_source,
                member.joined_source,
            ]);
            cited.extend(member.location_source);
            cited.extend(member.note_sources.iter().copied());
        }
        Pane::Declaration | Pane::Actions => {
            let list = match pane {
                Pane::Declaration => &content.declaration,
                _ => &content.actions,
            };
            let entry = list.items.get(item)?;
            cited.extend(entry.source);
            cited.extend(entry.facts.iter().filter_map(|fact| fact.source));
        }
    }
    let mut seen: Vec<SourceRef> = Vec::new();
    cited.retain(|source| {
        let new = !seen.contains(source);
        seen.push(*source);
        new
    });
    let sources: Vec<String> = cited
        .into_iter()
        .filter_map(|source| content.source(source))
        .map(|source| source.citation(cx.lang))
        .collect();
    let title = item_title(cx, pane, item);
    Some(match sources.is_empty() {
        true => title,
        false => {
            let dash = if cx.theme.ascii { "--" } else { "—" };
            format!("{title} {dash} {}", sources.join("; "))
        }
    })
}

/// The names of the columns of a list that is a table, in the interface's language.
pub fn column_names(cx: Context, pane: Pane) -> &'static [&'static str] {
    match pane {
        Pane::Members => &cx.strings.columns,
        Pane::Overview | Pane::Declaration | Pane::Actions => &[],
    }
}

/// The introduction shown above a list pane ("" for none).
pub fn intro_text(cx: Context<'_>, pane: Pane) -> &str {
    intro_of(cx.content, pane).map_or("", |t| t.get(cx.lang))
}

/// The introduction of a list pane in every language, if it has one.
fn intro_of(content: &Content, pane: Pane) -> Option<&Localized> {
    match pane {
        Pane::Overview => None,
        Pane::Members => content.members.intro.as_ref(),
        Pane::Declaration => content.declaration.intro.as_ref(),
        Pane::Actions => content.actions.intro.as_ref(),
    }
}

/// The introduction of a list pane laid out at `width` (one column of padding on the left).
pub fn intro(cx: Context, pane: Pane, width: usize) -> DocText {
    let mut doc = Doc::new(cx, width);
    let intro = intro_of(cx.content, pane).map_or_else(|| Arc::from(""), |t| t.shared(cx.lang));
    doc.hanging(intro, (" ", Style::new()), " ", cx.theme.dim());
    doc.finish()
}

/// How many lines the introduction of a list pane takes at `width`.
pub fn intro_lines(cx: Context, pane: Pane, width: usize) -> usize {
    match intro_text(cx, pane) {
        "" => 0,
        intro => text::wrap(intro, width).len(),
    }
}

/// A laid-out text: paragraphs, each wrapped into lines that are byte ranges of its text.
/// A paragraph keeps its text shared with the content (or its own, for the few texts made
/// here), never a copy a line: a text of tens of megabytes is laid out in about a sixth of
/// its size (a range a line), and a line becomes spans only when it is drawn.
#[derive(Debug, Default)]
pub struct DocText {
    paragraphs: Vec<Paragraph>,
    /// The lines of all the paragraphs.
    len: usize,
    /// How a search highlight is drawn over the paragraph's style.
    mark_style: Style,
    /// How the search's current occurrence is drawn instead.
    current_style: Style,
    /// The line each search highlight starts on, in reading order: the `n`th occurrence of
    /// the search in the text is on line `match_lines[n]`.
    pub match_lines: Vec<usize>,
    /// The first line of each item the text shows.
    pub anchors: Vec<(Target, usize)>,
    /// The line and the title of each section's heading, in order: where `[` and `]` go.
    pub sections: Vec<(usize, Arc<str>)>,
    /// Where the web addresses that may be links lie, in order: a piece a line.
    pub links: Vec<DocLink>,
}

/// A piece of a web address on one line of a [`DocText`]: the columns it takes there,
/// counted from the line's start (its label or indent included). An address wrapped over
/// several lines is a piece on each, with the same `id`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocLink {
    pub line: usize,
    pub columns: Range<usize>,
    pub url: Arc<str>,
    /// The address's place among the text's links (see `hyperlink::Link::id`).
    pub id: u32,
}

/// A paragraph of a [`DocText`]: its text, what goes before its lines, and its lines.
#[derive(Debug)]
struct Paragraph {
    /// The line of the whole text this paragraph starts on.
    first_line: usize,
    text: Arc<str>,
    style: Style,
    /// Before the first line (a label, a bullet) and before each other line (an indent).
    first: (String, Style),
    rest: String,
    /// The search highlights: byte ranges of `text`, sorted and apart.
    marks: Vec<Range<usize>>,
    /// How many highlights the paragraphs before this one hold: the number of its first.
    first_mark: usize,
    /// Byte ranges of `text`.
    lines: Vec<Range<usize>>,
}

impl DocText {
    /// The number of lines.
    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Line `index`, ready to draw (empty past the end).
    pub fn line(&self, index: usize) -> Line<'_> {
        self.line_with_current(index, None)
    }

    /// Line `index`, ready to draw, with the `current`th highlight of the text (if it is on
    /// this line) drawn as the search's current occurrence.
    pub fn line_with_current(&self, index: usize, current: Option<usize>) -> Line<'_> {
        let after = self.paragraphs.partition_point(|p| p.first_line <= index);
        let Some(paragraph) = after.checked_sub(1).map(|i| &self.paragraphs[i]) else {
            return Line::default();
        };
        let at = index - paragraph.first_line;
        let Some(range) = paragraph.lines.get(at) else {
            return Line::default();
        };
        let prefix = match at {
            0 => Span::styled(paragraph.first.0.as_str(), paragraph.first.1),
            _ => Span::raw(paragraph.rest.as_str()),
        };
        let mut spans = vec![prefix];
        let current = current
            .and_then(|n| n.checked_sub(paragraph.first_mark))
            .map(|n| (n, self.current_style));
        push_marked_with_current(
            &mut spans,
            &paragraph.text,
            range.clone(),
            &paragraph.marks,
            paragraph.style,
            self.mark_style,
            current,
        );
        Line::from(spans)
    }

    /// The lines of `range` (those of them that exist), ready to draw.
    pub fn lines(&self, range: Range<usize>) -> impl Iterator<Item = Line<'_>> {
        self.lines_with_current(range, None)
    }

    /// The lines of `range`, ready to draw, with the `current`th highlight of the text drawn
    /// as the search's current occurrence.
    pub fn lines_with_current(
        &self,
        range: Range<usize>,
        current: Option<usize>,
    ) -> impl Iterator<Item = Line<'_>> {
        (range.start..range.end.min(self.len))
            .map(move |index| self.line_with_current(index, current))
    }

    /// The paragraph line `index` is in, and the line's place in it.
    fn paragraph_of(&self, index: usize) -> Option<(&Paragraph, usize)> {
        let after = self.paragraphs.partition_point(|p| p.first_line <= index);
        let paragraph = &self.paragraphs[after.checked_sub(1)?];
        let at = index - paragraph.first_line;
        (at < paragraph.lines.len()).then_some((paragraph, at))
    }

    /// Whether line `index` holds no text.
    pub fn is_blank(&self, index: usize) -> bool {
        self.line_text(index)
            .is_none_or(|text| text.trim().is_empty())
    }

    fn line_text(&self, index: usize) -> Option<&str> {
        let (paragraph, at) = self.paragraph_of(index)?;
        Some(&paragraph.text[paragraph.lines[at].clone()])
    }

    /// Whether a page may begin at line `index`: at the start of a paragraph (a list item is
    /// one) or of a sentence, never inside one.
    fn page_may_begin(&self, index: usize) -> bool {
        let Some((paragraph, at)) = self.paragraph_of(index) else {
            return false;
        };
        let Some(before) = at.checked_sub(1) else {
            return true;
        };
        let previous = paragraph.text[paragraph.lines[before].clone()].trim_end();
        previous.ends_with(['.', '!', '?', ';', ':', '…'])
    }

    /// The first line of each page when the text is shown `rows` lines at a time: a page
    /// begins at a paragraph or a sentence where one of these is in reach (at a line
    /// otherwise, lines being broken between words), never with a blank line, and holds at
    /// most `rows` lines.
    pub fn page_starts(&self, rows: usize) -> Vec<usize> {
        let rows = rows.max(1);
        let mut starts = Vec::new();
        let mut start = 0;
        while start < self.len {
            while start < self.len && self.is_blank(start) {
                start += 1;
            }
            if start >= self.len {
                break;
            }
            starts.push(start);
            let end = start + rows;
            if end >= self.len {
                break;
            }
            // The latest place to begin the next page, in the second half of this one so
            // that no page is left nearly empty.
            start = (start + rows.div_ceil(2)..=end)
                .rev()
                .find(|&line| self.page_may_begin(line))
                .unwrap_or(end);
        }
        if starts.is_empty() {
            starts.push(0);
        }
        starts
    }

    /// The lines of page `page` of `starts`, without the blank lines at its end.
    pub fn page_lines(&self, starts: &[usize], page: usize) -> Range<usize> {
        let Some(&start) = starts.get(page) else {
            return self.len..self.len;
        };
        let mut end = starts
            .get(page + 1)
            .copied()
            .unwrap_or(self.len)
            .min(self.len);
        while end > start && self.is_blank(end - 1) {
            end -= 1;
        }
        start..end
    }

    /// The number of the first highlight of a search result on `target`: the first one
    /// from the target's own start, when the text holds several items (the overview), and
    /// the text's first otherwise. `None` when no highlight follows that start.
    pub fn first_match_from(&self, target: Target) -> Option<usize> {
        let start = self
            .anchors
            .iter()
            .find(|(t, _)| *t == target)
            .map_or(0, |(_, line)| *line);
        self.match_lines.iter().position(|&line| line >= start)
    }
}

/// What the text of a pane is laid out from, besides the content and the theme (which are
/// never changed without forgetting the [`DocMemo`]).
#[derive(Debug, Clone, PartialEq)]
pub struct DocKey {
    pub pane: Pane,
    /// The selected item (its place in the pack), for a list pane's detail.
    pub item: usize,
    pub width: usize,
    pub lang: Lang,
    pub highlight: Option<Query>,
}

/// The text of a pane as last laid out (one: a long overview is not held twice).
pub type DocMemo = Memo<DocKey, DocText>;

impl Default for DocMemo {
    fn default() -> DocMemo {
        Memo::new(1)
    }
}

/// Builds a [`DocText`] at a width.
pub struct Doc<'a> {
    cx: Context<'a>,
    width: usize,
    out: DocText,
}

impl<'a> Doc<'a> {
    /// A text of the content, with the search of `cx` highlighted.
    pub fn new(cx: Context<'a>, width: usize) -> Doc<'a> {
        Doc {
            cx,
            width,
            out: DocText {
                mark_style: cx.theme.mark(),
                current_style: cx.theme.current_mark(),
                ..DocText::default()
            },
        }
    }

    /// A text that is never highlighted (the help, the slides).
    pub fn plain(cx: Context<'a>, width: usize) -> Doc<'a> {
        let cx = Context {
            highlight: None,
            ..cx
        };
        Doc::new(cx, width)
    }

    pub fn width(&self) -> usize {
        self.width
    }

    /// Marks where `target` starts.
    pub fn anchor(&mut self, target: Target) {
        self.out.anchors.push((target, self.out.len));
    }

    /// The heading of a section: a paragraph in the heading's style, whose line `[` and `]`
    /// go to.
    pub fn heading(&mut self, title: impl Into<Arc<str>>) {
        let title = title.into();
        self.out.sections.push((self.out.len, Arc::clone(&title)));
        self.text(title, self.cx.theme.heading());
    }

    pub fn blank(&mut self) {
        self.push(Paragraph {
            first_line: self.out.len,
            text: Arc::from(""),
            style: Style::new(),
            first: (String::new(), Style::new()),
            rest: String::new(),
            marks: Vec::new(),
            first_mark: self.out.match_lines.len(),
            // An empty text wraps to one empty line.
            lines: text::wrap("", self.width),
        });
    }

    /// A paragraph in `style`, wrapped to the width. A text of the content is given shared
    /// (`Localized::shared`), so that the layout holds no copy of it.
    pub fn text(&mut self, text: impl Into<Arc<str>>, style: Style) {
        self.hanging(text, ("", Style::new()), "", style);
    }

    /// A paragraph whose first line starts with `first` (in its own style) and whose other
    /// lines are indented by `rest`.
    pub fn hanging(
        &mut self,
        text: impl Into<Arc<str>>,
        first: (&str, Style),
        rest: &str,
        style: Style,
    ) {
        self.hanging_in(text, first, rest, style, None);
    }

    /// As [`Doc::hanging`], for the text of a searched field of `kind`, when given: its
    /// highlight marks the words of the field words that name it too (`region:africa`).
    fn hanging_in(
        &mut self,
        text: impl Into<Arc<str>>,
        first: (&str, Style),
        rest: &str,
        style: Style,
        kind: Option<FieldKind>,
    ) {
        let text = text.into();
        let first_room = self.width.saturating_sub(text::width(first.0)).max(1);
        let rest_room = self.width.saturating_sub(text::width(rest)).max(1);
        let marks = self
            .cx
            .highlight
            .map(|q| match kind {
                Some(kind) => q.matches_in_field(&text, kind),
                None => q.matches_in(&text),
            })
            .unwrap_or_default();
        let lines = text::wrap_hanging(&text, first_room, rest_room);
        let first_mark = self.out.match_lines.len();
        // Lines and marks are both in order: one pass over the two finds each mark's line,
        // the one its start is on (or, for a start in the spaces a line was broken at, the
        // next one).
        let mut line = 0;
        for mark in &marks {
            while lines.get(line + 1).is_some_and(|l| l.start <= mark.start) {
                line += 1;
            }
            let on = match lines.get(line) {
                Some(l) if mark.start >= l.end && line + 1 < lines.len() => line + 1,
                _ => line,
            };
            self.out.match_lines.push(self.out.len + on);
        }
        self.push(Paragraph {
            first_line: self.out.len,
            text,
            style,
            first: (first.0.to_string(), first.1),
            rest: rest.to_string(),
            marks,
            first_mark,
            lines,
        });
    }

    /// A paragraph citing `source`: `lead` (such as "Source: "), then its citation
    /// (`Source::citation`), laid out as [`Doc::hanging`] does. The citation's web address is
    /// recorded as a link, piece by piece over the lines it wraps to, when it may be one
    /// (`hyperlink::is_linkable`).
    pub fn citation(
        &mut self,
        lead: &str,
        source: &Source,
        first: (&str, Style),
        rest: &str,
        style: Style,
    ) {
        let text = format!("{lead}{}", source.citation(self.cx.lang));
        // The citation ends with the address in angle brackets.
        let url = source.url.as_deref().and_then(|url| {
            let end = text.len().checked_sub(1)?;
            let start = end.checked_sub(url.len())?;
            (text.get(start..end) == Some(url) && hyperlink::is_linkable(url)).then_some(start..end)
        });
        self.hanging(text, first, rest, style);
        if let Some(url) = url {
            self.link_last_paragraph(url);
        }
    }

    /// Records the bytes `url` of the last paragraph's text as a link: a piece on each line
    /// they reach, in the columns they take there.
    fn link_last_paragraph(&mut self, url: Range<usize>) {
        let Some(paragraph) = self.out.paragraphs.last() else {
            return;
        };
        let text = &paragraph.text;
        let address: Arc<str> = Arc::from(&text[url.clone()]);
        let id = self.out.links.last().map_or(0, |last| last.id + 1);
        for (at, line) in paragraph.lines.iter().enumerate() {
            let (start, end) = (url.start.max(line.start), url.end.min(line.end));
            if start >= end {
                continue;
            }
            let lead = match at {
                0 => text::width(&paragraph.first.0),
                _ => text::width(&paragraph.rest),
            };
            let from = lead + text::width(&text[line.start..start]);
            self.out.links.push(DocLink {
                line: paragraph.first_line + at,
                columns: from..from + text::width(&text[start..end]),
                url: Arc::clone(&address),
                id,
            });
        }
    }

    fn push(&mut self, paragraph: Paragraph) {
        self.out.len += paragraph.lines.len();
        self.out.paragraphs.push(paragraph);
    }

    /// A label and its value: side by side when there is room, the value under the label
    /// when there is not.
    pub fn field(&mut self, label: &str, label_width: usize, value: impl Into<Arc<str>>) {
        self.field_of(label, label_width, value, None);
    }

    /// As [`Doc::field`], for the value of a searched field of `kind`, when given (see
    /// [`Doc::hanging_in`]).
    pub fn field_of(
        &mut self,
        label: &str,
        label_width: usize,
        value: impl Into<Arc<str>>,
        kind: Option<FieldKind>,
    ) {
        let label_style = self.cx.theme.label();
        if self.width >= label_width + 12 {
            let first = self.cx.theme.fit(label, label_width);
            let rest = " ".repeat(label_width);
            self.hanging_in(value, (&first, label_style), &rest, Style::new(), kind);
        } else {
            self.text(self.cx.theme.truncate(label, self.width), label_style);
            self.hanging_in(value, ("  ", Style::new()), "  ", Style::new(), kind);
        }
    }

    /// The text, without the blank lines at its end.
    pub fn finish(mut self) -> DocText {
        let out = &mut self.out;
        while let Some(last) = out.len.checked_sub(1)
            && out.line(last).width() == 0
        {
            out.len = last;
            if let Some(paragraph) = out.paragraphs.last_mut() {
                paragraph.lines.pop();
                if paragraph.lines.is_empty() {
                    out.paragraphs.pop();
                }
            }
        }
        self.out
    }
}

/// Appends `text[range]` to `spans` in `style`, with the parts inside `marks` (byte ranges
/// of `text`, sorted and apart) in `style` patched with `mark_style`. The spans borrow
/// `text`.
pub fn push_marked<'t>(
    spans: &mut Vec<Span<'t>>,
    text: &'t str,
    range: Range<usize>,
    marks: &[Range<usize>],
    style: Style,
    mark_style: Style,
) {
    push_marked_with_current(spans, text, range, marks, style, mark_style, None);
}

/// As [`push_marked`], with mark number `current.0` of `marks` (if it is in the range) in
/// `style` patched with `current.1` instead: the search's current occurrence.
pub fn push_marked_with_current<'t>(
    spans: &mut Vec<Span<'t>>,
    text: &'t str,
    range: Range<usize>,
    marks: &[Range<usize>],
    style: Style,
    mark_style: Style,
    current: Option<(usize, Style)>,
) {
    let mut at = range.start;
    // The marks before the range are passed over without looking at each.
    let first = marks.partition_point(|m| m.end <= range.start);
    let in_range = marks[first..].iter().take_while(|m| m.start < range.end);
    for (number, mark) in (first..).zip(in_range) {
        let start = mark.start.max(range.start);
        let end = mark.end.min(range.end);
        if start > at {
            spans.push(Span::styled(&text[at..start], style));
        }
        let patch = match current {
            Some((current, current_style)) if current == number => current_style,
            _ => mark_style,
        };
        spans.push(Span::styled(&text[start..end], style.patch(patch)));
        at = end;
    }
    if at < range.end {
        spans.push(Span::styled(&text[at..range.end], style));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Pages of `paragraphs` at `width` columns, `rows` lines a page: each page's lines.
    fn pages(paragraphs: &[&str], width: usize, rows: usize) -> Vec<Vec<String>> {
        let report = crate::builtin::report();
        let content = report.content.expect("the built-in pack loads");
        let theme = Theme::new(crate::capability::ColorLevel::None, true);
        let cx = Context {
            content: &content,
            theme: &theme,
            lang: Lang(0),
            strings: crate::i18n::UiLang::English.strings(),
            highlight: None,
        };
        let mut doc = Doc::plain(cx, width);
        for (i, paragraph) in paragraphs.iter().enumerate() {
            if i > 0 {
                doc.blank();
            }
            doc.text(paragraph.to_string(), Style::new());
        }
        let text = doc.finish();
        let starts = text.page_starts(rows);
        (0..starts.len())
            .map(|page| {
                text.lines(text.page_lines(&starts, page))
                    .map(|line| line.to_string())
                    .collect()
            })
            .collect()
    }

    #[test]
    fn a_page_begins_at_a_sentence_or_a_paragraph_where_one_is_in_reach() {
        // Three sentences of two lines each at 20 columns; four lines a page.
        let text = "One two three four five. Six seven eight nine ten. Eleven twelve thirteen.";
        let shown = pages(&[text], 20, 4);
        assert!(shown.len() > 1, "{shown:?}");
        for page in &shown[1..] {
            let first = page[0].chars().next().unwrap();
            assert!(first.is_uppercase(), "a page begins a sentence: {shown:?}");
        }
        // A new paragraph is a place to begin, and no page begins with a blank line.
        let shown = pages(
            &["one two three", "four five six seven eight nine ten"],
            14,
            3,
        );
        assert_eq!(shown[0], ["one two three"], "{shown:?}");
        assert_eq!(shown[1][0], "four five six", "{shown:?}");
        // One sentence longer than a page: it goes on at a line, whole words kept.
        let long = "a ".repeat(40);
        let shown = pages(&[long.trim()], 10, 3);
        let words: usize = shown
            .iter()
            .flatten()
            .map(|line| line.split_whitespace().count())
            .sum();
        assert_eq!(words, 40);
        assert!(shown.iter().all(|page| page.len() <= 3));
    }

    #[test]
    fn a_citation_s_address_is_a_link_piece_by_piece_over_the_lines_it_wraps_to() {
        let content = crate::builtin::report()
            .content
            .expect("the built-in pack loads");
        let theme = Theme::new(crate::capability::ColorLevel::None, true);
        let cx = Context {
            content: &content,
            theme: &theme,
            lang: Lang(0),
            strings: crate::i18n::UiLang::English.strings(),
            highlight: None,
        };
        let mut source = content.sources[0].clone();
        let url = "https://example.org/a-long-path/with-several/separators.html";
        let cited = |source: &Source, width: usize| {
            let mut doc = Doc::plain(cx, width);
            doc.text("before", Style::new());
            doc.citation(
                "Source: ",
                source,
                ("[1] ", Style::new()),
                "    ",
                Style::new(),
            );
            doc.citation(
                "Source: ",
                source,
                ("[2] ", Style::new()),
                "    ",
                Style::new(),
            );
            doc.finish()
        };
        source.url = Some(url.to_string());
        for width in [200, 40, 24] {
            let text = cited(&source, width);
            // Each piece is where its line shows it, and the pieces of a link make its address.
            for id in 0..2 {
                let pieces: Vec<&DocLink> = text.links.iter().filter(|l| l.id == id).collect();
                let mut joined = String::new();
                for piece in &pieces {
                    let line = text.line(piece.line).to_string();
                    let shown: String = line
                        .chars()
                        .skip(piece.columns.start)
                        .take(piece.columns.len())
                        .collect();
                    assert_eq!(&*piece.url, url);
                    joined.push_str(&shown);
                }
                assert_eq!(joined, url, "at {width} columns: {:?}", text.links);
                if width < 60 {
                    assert!(pieces.len() > 1, "wrapped at {width} columns");
                }
            }
        }
        // An address that may not be a link is not recorded.
        source.url = Some("javascript:alert(1)".to_string());
        assert!(cited(&source, 80).links.is_empty());
        source.url = None;
        assert!(cited(&source, 80).links.is_empty());
    }
}
