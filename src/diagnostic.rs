//! Problems of a pack shown the way compilers show theirs (miette): the file, line and
//! column, the offending line with a mark under the span, and what was expected. Used by
//! `clsv check`, and by every mode when a pack does not load.

use std::fmt;

use miette::{
    Diagnostic, GraphicalReportHandler, GraphicalTheme, LabeledSpan, NamedSource, SourceCode,
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

/// One problem, ready for miette: its message, and the file's text to point into.
struct Rendered<'a> {
    problem: &'a Problem,
    source: Option<NamedSource<String>>,
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
        let span = self.problem.span.clone()?;
        self.source.as_ref()?;
        let label =
            LabeledSpan::new_primary_with_span(Some("here".to_string()), span.start..span.end);
        Some(Box::new(std::iter::once(label)))
    }
}

/// Every problem of `report`, drawn, followed by a one-line summary.
pub fn render(report: &Report, style: Style) -> String {
    let theme = match (style.ascii, style.color) {
        (true, _) => GraphicalTheme::ascii(),
        (false, true) => GraphicalTheme::unicode(),
        (false, false) => GraphicalTheme::unicode_nocolor(),
    };
    let handler = GraphicalReportHandler::new_themed(theme)
        .with_width(style.width)
        .with_links(false);
    let mut out = String::new();
    for problem in &report.problems {
        let source = problem.span.as_ref().and_then(|_| {
            let text = report.file_text(&problem.file)?;
            Some(NamedSource::new(&problem.file, text.to_string()))
        });
        let rendered = Rendered { problem, source };
        if handler.render_report(&mut out, &rendered).is_err() {
            // Drawing failed: the plain line still says everything but the picture.
            out.push_str(&format!("{problem}\n"));
        }
        out.push('\n');
    }
    out.push_str(&summary(report));
    out.push('\n');
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
