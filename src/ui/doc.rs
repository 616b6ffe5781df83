//! A text being laid out for a view: wrapped paragraphs, label–value fields and blank lines,
//! with the words of the current search highlighted at their exact place. It also remembers
//! which lines hold a highlight and where each item starts, so that a jump to a search
//! result can scroll to the match.

use std::ops::Range;

use ratatui::style::Style;
use ratatui::text::{Line, Span};

use crate::app::App;
use crate::search::{Query, Target};
use crate::text;

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

/// Builds a [`DocText`] at a width.
pub struct Doc<'a> {
    app: &'a App,
    width: usize,
    highlight: Option<&'a Query>,
    out: DocText,
}

impl<'a> Doc<'a> {
    /// A text of the content, with the current search highlighted.
    pub fn new(app: &'a App, width: usize) -> Doc<'a> {
        Doc {
            app,
            width,
            highlight: app.highlight(),
            out: DocText::default(),
        }
    }

    /// A text of the interface itself (the help), never highlighted.
    pub fn plain(app: &'a App, width: usize) -> Doc<'a> {
        Doc {
            highlight: None,
            ..Doc::new(app, width)
        }
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
            .highlight
            .map(|q| q.matches_in(text))
            .unwrap_or_default();
        let mark_style = self.app.theme().mark();
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
        let label_style = self.app.theme().label();
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
