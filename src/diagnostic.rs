//! Problems of a pack shown the way compilers show theirs (miette): the file, line and
//! column, the offending line with a mark under the span, and what was expected. Used by
//! `clsv check`, and by every mode when a pack does not load.

use std::borrow::Cow;
use std::fmt;

use std::ops::Range;

use miette::{
    Diagnostic, GraphicalReportHandler, GraphicalTheme, LabeledSpan, MietteError,
    MietteSpanContents, SourceCode, SourceSpan, SpanContents, ThemeCharacters, ThemeStyles,
};

use crate::content::load::{Problem, Report, Severity};

/// How the diagnostics are drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Style {
    pub color: bool,
    pub ascii: bool,
    /// Columns to wrap messages to.
    pub width: usize,
}

/// One problem, ready for miette: its message, and the part of the file's text to point into.
struct Rendered<'a> {
    problem: &'a Problem,
    source: Option<Excerpt<'a>>,
    /// The problem's span, cut to what is marked.
    span: Option<Range<usize>>,
}

/// The lines of a file around a problem, given to miette in place of the whole file: miette
/// reads a source from its start to find a span's lines, which for thousands of problems in
/// a large file would read it thousands of times.
struct Excerpt<'a> {
    name: &'a str,
    /// The lines, from the start of a line; or a piece of one very long line, with an
    /// ellipsis where it was cut.
    text: Cow<'a, str>,
    /// Where `text` starts in the file: its byte offset, and its line counted from 0.
    offset: usize,
    first_line: usize,
    /// Bytes put before the file's text (an ellipsis where a long line was cut).
    lead: usize,
    /// Columns of the line left out before `text`, less those of the ellipsis put in their
    /// place, so that the columns shown are the line's own.
    columns_before: usize,
}

/// The longest line shown whole; around a problem on a longer one, this many bytes either
/// side are shown. (miette cannot draw a mark past its 65,535th column.)
const LONGEST_LINE: usize = 400;
const CUT_CONTEXT: usize = 100;

/// Lines shown around a problem: miette shows one before and one after.
const CONTEXT_LINES: usize = 2;

/// The most lines a mark covers: a problem with a large value (a whole list) is marked on its
/// first lines.
const MARKED_LINES: usize = 6;

impl<'a> Excerpt<'a> {
    /// The lines around `span` (which starts on line `line`, counted from 1) of `text`, and
    /// the span cut to [`MARKED_LINES`].
    fn around(
        name: &'a str,
        text: &'a str,
        span: Range<usize>,
        line: usize,
    ) -> (Excerpt<'a>, Range<usize>) {
        let bytes = text.as_bytes();
        let start = span.start.min(text.len());
        let mut end = span.end.clamp(start, text.len());
        let line_start = |at: usize| memchr::memrchr(b'\n', &bytes[..at]).map_or(0, |i| i + 1);
        let next_line =
            |at: usize| memchr::memchr(b'\n', &bytes[at..]).map_or(text.len(), |i| at + i + 1);
        let (line_from, line_to) = (line_start(start), next_line(start));
        if line_to - line_from > LONGEST_LINE {
            return Excerpt::cut(name, text, start..end, line, line_from..line_to);
        }
        // From the start of the span's line, CONTEXT_LINES lines up.
        let mut from = line_start(start);
        let mut first_line = line.saturating_sub(1);
        for _ in 0..CONTEXT_LINES {
            if from == 0 {
                break;
            }
            from = line_start(from - 1);
            first_line = first_line.saturating_sub(1);
        }
        // The mark ends within MARKED_LINES lines of its start.
        let limit = (0..MARKED_LINES).fold(start, |at, _| next_line(at));
        if end > limit {
            end = limit.saturating_sub(1).max(start);
        }
        // To the end of the mark's last line, and CONTEXT_LINES lines down.
        let to = (0..=CONTEXT_LINES).fold(end, |at, _| next_line(at));
        let excerpt = Excerpt {
            name,
            text: Cow::Borrowed(&text[from..to]),
            offset: from,
            first_line,
            lead: 0,
            columns_before: 0,
        };
        (excerpt, start..end)
    }

    /// The piece of a very long line (`line_range` of `text`, line `line` counted from 1)
    /// around `span`, cut with an ellipsis on each side where there is more, and the span cut
    /// to the piece.
    fn cut(
        name: &'a str,
        text: &'a str,
        span: Range<usize>,
        line: usize,
        line_range: Range<usize>,
    ) -> (Excerpt<'a>, Range<usize>) {
        let line_end = match text[line_range.clone()].ends_with('\n') {
            true => line_range.end - 1,
            false => line_range.end,
        };
        let mut from = span.start.saturating_sub(CUT_CONTEXT).max(line_range.start);
        while !text.is_char_boundary(from) {
            from -= 1;
        }
        let mut to = (span.start + CUT_CONTEXT).min(line_end);
        while !text.is_char_boundary(to) {
            to += 1;
        }
        let mut piece = String::new();
        // An ellipsis before the piece only where its bytes fit in front of it, so that every
        // offset of the piece maps back into the file.
        let lead = match from > line_range.start && from >= ELLIPSIS.len() {
            true => ELLIPSIS.len(),
            false => 0,
        };
        if lead > 0 {
            piece.push_str(ELLIPSIS);
        }
        piece.push_str(&text[from..to]);
        if to < line_end {
            piece.push_str(ELLIPSIS);
        }
        let excerpt = Excerpt {
            name,
            text: Cow::Owned(piece),
            offset: from,
            first_line: line.saturating_sub(1),
            lead,
            // miette counts columns in bytes, the ellipsis's too.
            columns_before: from - line_range.start - lead,
        };
        (excerpt, span.start..span.end.clamp(span.start, to))
    }
}

/// What marks a line cut short in an excerpt.
const ELLIPSIS: &str = "…";

impl SourceCode for Excerpt<'_> {
    fn read_span<'b>(
        &'b self,
        span: &SourceSpan,
        context_lines_before: usize,
        context_lines_after: usize,
    ) -> Result<Box<dyn SpanContents<'b> + 'b>, MietteError> {
        let inside = SourceSpan::new(
            (span.offset().saturating_sub(self.offset) + self.lead).into(),
            span.len(),
        );
        let contents =
            self.text
                .as_bytes()
                .read_span(&inside, context_lines_before, context_lines_after)?;
        Ok(Box::new(MietteSpanContents::new_named(
            self.name.to_string(),
            contents.data(),
            SourceSpan::new(
                (contents.span().offset() + self.offset - self.lead).into(),
                contents.span().len(),
            ),
            contents.line() + self.first_line,
            contents.column() + self.columns_before,
            contents.line_count() + self.first_line,
        )))
    }
}

impl fmt::Debug for Rendered<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self.problem, f)
    }
}

impl fmt::Display for Rendered<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let p = self.problem;
        match p.position {
            Some(at) => write!(f, "{}:{}:{}: {}", p.file, at.line, at.column, p.kind),
            None => write!(f, "{}: {}", p.file, p.kind),
        }
    }
}

impl std::error::Error for Rendered<'_> {}

impl Diagnostic for Rendered<'_> {
    fn severity(&self) -> Option<miette::Severity> {
        Some(match self.problem.severity {
            Severity::Error => miette::Severity::Error,
            Severity::Warning => miette::Severity::Warning,
        })
    }

    fn source_code(&self) -> Option<&dyn SourceCode> {
        self.source.as_ref().map(|s| s as &dyn SourceCode)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        let span = self.span.clone()?;
        let label =
            LabeledSpan::new_primary_with_span(Some("here".to_string()), span.start..span.end);
        Some(Box::new(std::iter::once(label)))
    }
}

/// Every problem of `report`, drawn, followed by a one-line summary.
pub fn render(report: &Report, style: Style) -> String {
    let mut out = render_problems(report, style);
    out.push_str(&summary(report));
    out.push('\n');
    out
}

/// Each problem of `report` drawn, without the summary line, for a caller that ends with a
/// line of its own.
pub fn render_problems(report: &Report, style: Style) -> String {
    let theme = GraphicalTheme {
        characters: match style.ascii {
            true => ThemeCharacters::ascii(),
            false => ThemeCharacters::unicode(),
        },
        styles: match style.color {
            true => ThemeStyles::ansi(),
            false => ThemeStyles::none(),
        },
    };
    let handler = GraphicalReportHandler::new_themed(theme)
        .with_width(style.width)
        .with_links(false);
    let mut out = String::new();
    for problem in &report.problems {
        let (source, span) = match (&problem.span, problem.position) {
            (Some(span), Some(position)) => match report.file_text(&problem.file) {
                Some(text) => {
                    let (excerpt, span) =
                        Excerpt::around(&problem.file, text, span.clone(), position.line);
                    (Some(excerpt), Some(span))
                }
                None => (None, None),
            },
            _ => (None, None),
        };
        let rendered = Rendered {
            problem,
            source,
            span,
        };
        if handler.render_report(&mut out, &rendered).is_err() {
            // Drawing failed: the plain line still says everything but the picture.
            out.push_str(&format!("{problem}\n"));
        }
        out.push('\n');
    }
    out
}

/// "2 errors and 1 warning", or "no problems".
pub fn summary(report: &Report) -> String {
    let errors = report.errors().count();
    let warnings = report.warnings().count();
    let count = |n: usize, one: &str, many: &str| match n {
        1 => format!("1 {one}"),
        n => format!("{n} {many}"),
    };
    match (errors, warnings) {
        (0, 0) => "no problems".to_string(),
        (e, 0) => count(e, "error", "errors"),
        (0, w) => count(w, "warning", "warnings"),
        (e, w) => format!(
            "{} and {}",
            count(e, "error", "errors"),
            count(w, "warning", "warnings")
        ),
    }
}
