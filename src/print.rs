//! Plain, linear output of a pack: for pipes, files, `TERM=dumb` and screen readers. Headings
//! are marked with text (numbers and underlines, or Markdown's `#`), lists are lines, there is
//! no box drawing and no escape sequence, and everything is wrapped to a width.
//!
//! Added facts carry a number in brackets that refers to the numbered list of sources at the
//! end, so every fact keeps its source without repeating it.

use crate::content::{Content, Fact, Lang, SourceRef};
use crate::i18n::{Strings, UiLang};
use crate::text;
use crate::vocabulary::Pane;

/// The form of the output.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Format {
    /// Plain text.
    #[default]
    Text,
    /// Markdown.
    Markdown,
}

/// What to print and how.
#[derive(Debug, Clone, Copy)]
pub struct Options {
    pub lang: Lang,
    /// One pane, or all of them.
    pub pane: Option<Pane>,
    /// Columns to wrap to.
    pub width: usize,
    pub format: Format,
}

/// The narrowest width printed to; anything narrower is widened to it.
pub const MIN_WIDTH: usize = 20;

/// The pack as linear text.
pub fn render(content: &Content, options: &Options) -> String {
    let mut out = Out {
        text: String::new(),
        width: options.width.max(MIN_WIDTH),
        format: options.format,
        numbers: [0, 0],
    };
    let lang = options.lang;
    let strings = UiLang::for_tag(content.lang_tag(lang)).strings();
    let printer = Printer {
        content,
        lang,
        strings,
    };
    out.heading(1, content.title.get(lang));
    for pane in Pane::ALL {
        if options.pane.is_some_and(|p| p != pane) {
            continue;
        }
        match pane {
            Pane::Overview => printer.overview(&mut out),
            Pane::Members => printer.members(&mut out),
            Pane::Declaration | Pane::Actions => printer.items(&mut out, pane),
        }
    }
    printer.sources(&mut out);
    if let Some(attribution) = &content.attribution {
        out.paragraph(attribution.get(lang));
    }
    while out.text.ends_with("\n\n") {
        out.text.pop();
    }
    out.text
}

/// The text being written, with its width and form.
struct Out {
    text: String,
    width: usize,
    format: Format,
    /// The numbers of the current pane and section, for plain-text headings ("2.3").
    numbers: [usize; 2],
}

impl Out {
    fn line(&mut self, line: &str) {
        self.text.push_str(line.trim_end());
        self.text.push('\n');
    }

    fn blank(&mut self) {
        if !self.text.is_empty() && !self.text.ends_with("\n\n") {
            self.text.push('\n');
        }
    }

    /// A heading of level 1 (the pack), 2 (a pane) or 3 (a section).
    fn heading(&mut self, level: usize, title: &str) {
        self.blank();
        match self.format {
            Format::Markdown => {
                let marks = "#".repeat(level);
                self.wrapped(title, &format!("{marks} "), &" ".repeat(level + 1));
            }
            Format::Text => {
                // Panes and sections are numbered, so that a heading reads as one without
                // any styling: "2. Membri", "2.1 …".
                let title = match level {
                    2 => {
                        self.numbers = [self.numbers[0] + 1, 0];
                        format!("{}. {title}", self.numbers[0])
                    }
                    3 => {
                        self.numbers[1] += 1;
                        format!("{}.{} {title}", self.numbers[0], self.numbers[1])
                    }
                    _ => title.to_string(),
                };
                let title = title.as_str();
                self.wrapped(title, "", "");
                let underline = match level {
                    1 => Some('='),
                    2 => Some('-'),
                    _ => None,
                };
                if let Some(c) = underline {
                    let width = text::width(title).min(self.width);
                    self.line(&c.to_string().repeat(width));
                }
            }
        }
        self.blank();
    }

    fn paragraph(&mut self, body: &str) {
        self.wrapped(body, "", "");
        self.blank();
    }

    fn bullet(&mut self, item: &str) {
        let mark = match self.format {
            Format::Markdown => "- ",
            Format::Text => "* ",
        };
        self.wrapped(item, mark, "  ");
    }

    fn wrapped(&mut self, body: &str, first: &str, rest: &str) {
        let room = self
            .width
            .saturating_sub(text::width(first).max(text::width(rest)))
            .max(1);
        for (i, range) in text::wrap(body, room).into_iter().enumerate() {
            let prefix = if i == 0 { first } else { rest };
            self.line(&format!("{prefix}{}", &body[range]));
        }
    }
}

/// Writes the parts of the pack.
struct Printer<'a> {
    content: &'a Content,
    lang: Lang,
    strings: &'static Strings,
}

impl Printer<'_> {
    /// The number a source is cited by: its place in the pack's list, from 1.
    fn cite(&self, source: SourceRef) -> String {
        // Validation made every reference point into the pack's sources.
        format!("[{}]", source.index() + 1)
    }

    fn facts(&self, out: &mut Out, facts: &[Fact]) {
        for fact in facts {
            out.bullet(&format!(
                "{} {}",
                fact.text.get(self.lang),
                self.cite(fact.source)
            ));
        }
        if !facts.is_empty() {
            out.blank();
        }
    }

    fn overview(&self, out: &mut Out) {
        let lang = self.lang;
        let overview = &self.content.overview;
        out.heading(2, self.strings.pane(Pane::Overview));
        for section in &overview.sections {
            out.heading(3, section.title.get(lang));
            out.paragraph(section.body.get(lang));
            self.facts(out, &section.facts);
        }
        if !overview.timeline.is_empty() {
            out.heading(3, self.strings.timeline);
            for event in &overview.timeline {
                out.bullet(&format!(
                    "{}, {}: {} {}",
                    event.date.get(lang),
                    event.place.get(lang),
                    event.text.get(lang),
                    self.cite(event.source)
                ));
            }
            out.blank();
        }
    }

    fn members(&self, out: &mut Out) {
        let lang = self.lang;
        let members = &self.content.members;
        let strings = self.strings;
        out.heading(
            2,
            &format!(
                "{} ({})",
                strings.pane(Pane::Members),
                members.members.len()
            ),
        );
        if let Some(intro) = &members.intro {
            out.paragraph(intro.get(lang));
        }
        for member in &members.members {
            let name = member.name.get(lang);
            let others: Vec<String> = member
                .name
                .all()
                .filter(|(_, other)| *other != name)
                .map(|(l, other)| format!("{}: {other}", self.content.lang_tag(l)))
                .collect();
            let mut line = name.to_string();
            if !others.is_empty() {
                line.push_str(&format!(" ({})", others.join("; ")));
            }
            let region = self
                .content
                .region_of(member)
                .map_or("", |r| r.name.get(lang));
            line.push_str(&format!(
                ". {} {} {}; {} {} {}; {} {} {}",
                strings.code,
                member.code,
                self.cite(member.code_source),
                strings.region,
                region,
                self.cite(member.region_source),
                strings.joined,
                member.joined,
                self.cite(member.joined_source),
            ));
            if let Some(note) = &member.note {
                line.push_str(&format!("; {}", note.get(lang)));
            }
            line.push('.');
            out.bullet(&line);
        }
        out.blank();
    }

    fn items(&self, out: &mut Out, pane: Pane) {
        let lang = self.lang;
        let list = match pane {
            Pane::Declaration => &self.content.declaration,
            _ => &self.content.actions,
        };
        out.heading(2, self.strings.pane(pane));
        if let Some(intro) = &list.intro {
            out.paragraph(intro.get(lang));
        }
        for item in &list.items {
            out.heading(3, item.title.get(lang));
            out.paragraph(item.body.get(lang));
            self.facts(out, &item.facts);
        }
    }

    fn sources(&self, out: &mut Out) {
        if self.content.sources.is_empty() {
            return;
        }
        out.heading(2, self.strings.sources);
        for (i, source) in self.content.sources.iter().enumerate() {
            let mut line = format!("[{}] {}", i + 1, source.title.get(self.lang));
            if let Some(url) = &source.url {
                line.push_str(&format!(" <{url}>"));
            }
            out.wrapped(&line, "", "    ");
        }
        out.blank();
    }
}
