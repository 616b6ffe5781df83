//! Laid-out text: the lines each view shows, built from the content, the theme and a few
//! explicit inputs (the language, the width, the search to highlight), never from the state
//! of the browser. `Doc` is the builder: wrapped paragraphs, label–value fields and blank
//! lines, with the words of the current search highlighted at their exact place. It also
//! remembers which lines hold a highlight and where each item starts, so that a jump to a
//! search result can scroll to the match. The files beside this one build each view's text.

use std::cell::RefCell;
use std::ops::Range;
use std::sync::Arc;

use ratatui::style::Style;
use ratatui::text::{Line, Span};

use crate::content::{Content, Lang};
use crate::i18n::Strings;
use crate::search::{Query, Target};
use crate::text;
use crate::theme::Theme;
use crate::vocabulary::Pane;

pub mod help;
mod items;
mod members;
mod overview;
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

/// The text of a pane: the overview, or the detail of item `row` of a list pane.
pub fn pane_text(cx: Context, pane: Pane, row: usize, width: usize) -> DocText {
    match pane {
        Pane::Overview => overview::doc(cx, width),
        Pane::Members => members::doc(cx, row, width),
        Pane::Declaration | Pane::Actions => items::doc(cx, pane, row, width),
    }
}

/// The text of a list row of `pane`.
pub fn row_label(cx: Context, pane: Pane, row: usize) -> String {
    match pane {
        Pane::Overview => String::new(),
        Pane::Members => members::row_label(cx, row),
        Pane::Declaration | Pane::Actions => items::row_label(cx, pane, row),
    }
}

/// The introduction shown above a list pane ("" for none).
pub fn intro_text(cx: Context<'_>, pane: Pane) -> &str {
    let content = cx.content;
    let intro = match pane {
        Pane::Overview => None,
        Pane::Members => content.members.intro.as_ref(),
        Pane::Declaration => content.declaration.intro.as_ref(),
        Pane::Actions => content.actions.intro.as_ref(),
    };
    intro.map_or("", |t| t.get(cx.lang))
}

/// The introduction of a list pane laid out at `width` (one column of padding on the left).
pub fn intro(cx: Context, pane: Pane, width: usize) -> DocText {
    let mut doc = Doc::new(cx, width);
    doc.hanging(
        intro_text(cx, pane),
        (" ", Style::new()),
        " ",
        cx.theme.dim(),
    );
    doc.finish()
}

/// How many lines the introduction of a list pane takes at `width`.
pub fn intro_lines(cx: Context, pane: Pane, width: usize) -> usize {
    match intro_text(cx, pane) {
        "" => 0,
        intro => text::wrap(intro, width).len(),
    }
}

/// A laid-out text.
#[derive(Debug, Default)]
pub struct DocText {
    pub lines: Vec<Line<'static>>,
    /// The lines that hold a search highlight, in order.
    pub marked: Vec<usize>,
    /// The first line of each item the text shows.
    pub anchors: Vec<(Target, usize)>,
}

impl DocText {
    /// The line to scroll to for a search result on `target`: its first highlight (after
    /// the target's own start, when the text holds several items).
    pub fn line_of_match(&self, target: Target) -> usize {
        let start = self
            .anchors
            .iter()
            .find(|(t, _)| *t == target)
            .map_or(0, |(_, line)| *line);
        self.marked
            .iter()
            .copied()
            .find(|&line| line >= start)
            .unwrap_or(start)
    }
}

/// What the text of a pane is laid out from, besides the content and the theme (which are
/// never changed without forgetting the [`DocMemo`]).
#[derive(Debug, Clone, PartialEq)]
pub struct DocKey {
    pub pane: Pane,
    /// The selected row, for a list pane's detail.
    pub row: usize,
    pub width: usize,
    pub lang: Lang,
    pub highlight: Option<Query>,
}

/// The text of a pane as last laid out. The same text is asked for several times for one
/// key (to clamp the scroll, to jump to a match, to draw), and wrapping a long overview
/// each time would make every key and the first screen pay for it more than once.
#[derive(Debug, Default, Clone)]
pub struct DocMemo(RefCell<Option<(DocKey, Arc<DocText>)>>);

impl DocMemo {
    /// The text laid out for `key`: the one kept if it was laid out for the same key,
    /// otherwise `lay_out()`, which is kept in its place.
    pub fn get_or_lay_out(&self, key: DocKey, lay_out: impl FnOnce() -> DocText) -> Arc<DocText> {
        // No borrow is held while `lay_out` runs, so a layout that asked for a text itself
        // could not find the cell borrowed.
        if let Some((kept, text)) = self.0.borrow().as_ref()
            && *kept == key
        {
            return Arc::clone(text);
        }
        let text = Arc::new(lay_out());
        *self.0.borrow_mut() = Some((key, Arc::clone(&text)));
        text
    }

    /// Drops the kept text: the content it was laid out from has changed.
    pub fn forget(&self) {
        self.0.borrow_mut().take();
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
            out: DocText::default(),
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
        self.out.anchors.push((target, self.out.lines.len()));
    }

    pub fn blank(&mut self) {
        self.out.lines.push(Line::default());
    }

    /// A paragraph in `style`, wrapped to the width.
    pub fn text(&mut self, text: &str, style: Style) {
        self.hanging(text, ("", Style::new()), "", style);
    }

    /// A paragraph whose first line starts with `first` (in its own style) and whose other
    /// lines are indented by `rest`.
    pub fn hanging(&mut self, text: &str, first: (&str, Style), rest: &str, style: Style) {
        let first_room = self.width.saturating_sub(text::width(first.0)).max(1);
        let rest_room = self.width.saturating_sub(text::width(rest)).max(1);
        let marks = self
            .cx
            .highlight
            .map(|q| q.matches_in(text))
            .unwrap_or_default();
        let mark_style = self.cx.theme.mark();
        let lines = text::wrap_hanging(text, first_room, rest_room);
        for (i, range) in lines.into_iter().enumerate() {
            let prefix = match i {
                0 => Span::styled(first.0.to_string(), first.1),
                _ => Span::raw(rest.to_string()),
            };
            let mut spans = vec![prefix];
            let marked = push_marked(&mut spans, text, range, &marks, style, mark_style);
            if marked {
                self.out.marked.push(self.out.lines.len());
            }
            self.out.lines.push(Line::from(spans));
        }
    }

    /// A label and its value: side by side when there is room, the value under the label
    /// when there is not.
    pub fn field(&mut self, label: &str, label_width: usize, value: &str) {
        let label_style = self.cx.theme.label();
        if self.width >= label_width + 12 {
            let first = text::fit(label, label_width);
            let rest = " ".repeat(label_width);
            self.hanging(value, (&first, label_style), &rest, Style::new());
        } else {
            self.text(&text::truncate(label, self.width), label_style);
            self.hanging(value, ("  ", Style::new()), "  ", Style::new());
        }
    }

    pub fn finish(mut self) -> DocText {
        while self.out.lines.last().is_some_and(|l| l.width() == 0) {
            self.out.lines.pop();
        }
        self.out
    }
}

/// Appends `text[range]` to `spans` in `style`, with the parts inside `marks` (byte ranges
/// of `text`, sorted) in `style` patched with `mark_style`. Returns whether any part was
/// marked.
pub fn push_marked(
    spans: &mut Vec<Span<'static>>,
    text: &str,
    range: Range<usize>,
    marks: &[Range<usize>],
    style: Style,
    mark_style: Style,
) -> bool {
    let mut at = range.start;
    let mut marked = false;
    for mark in marks
        .iter()
        .filter(|m| m.end > range.start && m.start < range.end)
    {
        let start = mark.start.max(range.start);
        let end = mark.end.min(range.end);
        if start > at {
            spans.push(Span::styled(text[at..start].to_string(), style));
        }
        spans.push(Span::styled(
            text[start..end].to_string(),
            style.patch(mark_style),
        ));
        marked = true;
        at = end;
    }
    if at < range.end {
        spans.push(Span::styled(text[at..range.end].to_string(), style));
    }
    marked
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::cell::Cell;

    fn key(width: usize, highlight: Option<&str>) -> DocKey {
        DocKey {
            pane: Pane::Overview,
            row: 0,
            width,
            lang: Lang(0),
            highlight: highlight.map(Query::new),
        }
    }

    #[test]
    fn a_text_is_laid_out_again_only_for_another_key_or_after_forgetting() {
        let memo = DocMemo::default();
        let layouts = Cell::new(0);
        let lay_out = || {
            layouts.set(layouts.get() + 1);
            DocText::default()
        };
        let first = memo.get_or_lay_out(key(80, None), lay_out);
        let again = memo.get_or_lay_out(key(80, None), lay_out);
        assert!(Arc::ptr_eq(&first, &again));
        assert_eq!(layouts.get(), 1);
        memo.get_or_lay_out(key(60, None), lay_out);
        memo.get_or_lay_out(key(60, Some("haga")), lay_out);
        assert_eq!(layouts.get(), 3);
        memo.forget();
        memo.get_or_lay_out(key(60, Some("haga")), lay_out);
        assert_eq!(layouts.get(), 4);
    }
}
