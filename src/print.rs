//! Plain, linear output of a pack: for pipes, files, `TERM=dumb` and screen readers. Headings
//! are marked with text (numbers and underlines, or Markdown's `#`), lists are lines, there is
//! no box drawing and no escape sequence, and everything is wrapped to a width.
//!
//! Added facts carry a number in brackets that refers to the numbered list of sources at the
//! end, so every fact keeps its source without repeating it. The members part begins with two
//! tables derived from the members: how many joined each year, and how many each region has.

pub mod json;
mod table;

use std::cell::RefCell;
use std::io;

use crate::content::derived::{RegionCount, YearGrowth};
use crate::content::{Content, Event, Fact, Lang, Member, SourceRef};
use crate::i18n::{Strings, UiLang};
use crate::search::Target;
use crate::text;
use crate::vocabulary::Pane;
use table::{Align, Column, Last, Layout, cell_text};

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
    /// One item alone (a deep link): a section or conference, a member, a right, an area of
    /// action; its pane is the only one printed.
    pub item: Option<Target>,
    /// Columns to wrap to.
    pub width: usize,
    pub format: Format,
    /// Write only ASCII, as the interface does for `--ascii` and terminals or locales without
    /// Unicode: the content's text transliterated (`Content::to_ascii`), the interface's
    /// words too, and what the printer adds (bars, dashes, the mark of a cut) drawn in ASCII.
    pub ascii: bool,
}

/// The narrowest width printed to: `--width` below it is refused, and a narrower terminal is
/// printed for at this width.
pub const MIN_WIDTH: usize = 20;

/// The pack as linear text.
pub fn render(content: &Content, options: &Options) -> String {
    let mut bytes = Vec::new();
    // Writing into a `Vec` does not fail.
    let _ = write(content, options, &mut bytes);
    // Only `&str`s were written: the bytes are UTF-8, and the lossy form is never made.
    String::from_utf8(bytes).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

/// Writes the pack as linear text to `sink` as it goes, rather than making the whole text
/// first: a pack's text is not held twice (or, as a string grows, several times).
///
/// The sources listed at the end are those the text cites, numbered 1, 2, … in the pack's
/// order, so that a Markdown list (which renderers number by themselves) and the numbers in
/// the text agree whatever part is printed. Which they are is found by writing the text once
/// to nowhere first: the same code that cites them, at the cost of a second pass.
pub fn write(content: &Content, options: &Options, sink: &mut impl io::Write) -> io::Result<()> {
    let transliterated;
    let content = match options.ascii {
        true => {
            transliterated = content.to_ascii();
            &transliterated
        }
        false => content,
    };
    let cited = write_text(content, options, &mut io::sink(), None)?;
    let mut numbers = Vec::with_capacity(cited.len());
    let mut next = 0;
    for cited in cited {
        next += usize::from(cited);
        numbers.push(next);
    }
    write_text(content, options, sink, Some(numbers)).map(drop)
}

/// Writes the text with the sources numbered by `numbers` (each source's number if it is
/// cited), or, without them, to find which are: the sources cited, by position.
fn write_text(
    content: &Content,
    options: &Options,
    sink: &mut impl io::Write,
    numbers: Option<Vec<usize>>,
) -> io::Result<Vec<bool>> {
    let mut out = Out {
        sink,
        failure: None,
        started: false,
        pending_breaks: 0,
        width: options.width.max(MIN_WIDTH),
        format: options.format,
        ascii: options.ascii,
        numbers: [0, 0],
    };
    let lang = options.lang;
    let strings = UiLang::for_tag(content.lang_tag(lang)).strings_in(options.ascii);
    let only = options.item.filter(|t| !matches!(t, Target::Intro(_)));
    let printer = Printer {
        content,
        lang,
        strings,
        only,
        cited: RefCell::new(vec![false; content.sources.len()]),
        numbers,
    };
    out.heading(1, content.title.get(lang));
    let shown = options.item.map(Target::pane).or(options.pane);
    for pane in Pane::ALL {
        if shown.is_some_and(|p| p != pane) {
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
    out.finish()?;
    Ok(printer.cited.into_inner())
}

/// The text being written, with its width and form.
struct Out<'w, W: io::Write> {
    sink: &'w mut W,
    /// The first failure to write; nothing is written after it.
    failure: Option<io::Error>,
    /// Whether a line with text has been written.
    started: bool,
    /// The line breaks due after the last line with text: empty lines, written only when
    /// more text follows, so that the text never ends with one.
    pending_breaks: usize,
    width: usize,
    format: Format,
    ascii: bool,
    /// The numbers of the current pane and section, for plain-text headings ("2.3").
    numbers: [usize; 2],
}

impl<W: io::Write> Out<'_, W> {
    fn put(&mut self, text: &str) {
        if self.failure.is_none()
            && let Err(e) = self.sink.write_all(text.as_bytes())
        {
            self.failure = Some(e);
        }
    }

    fn line(&mut self, line: &str) {
        let line = line.trim_end();
        if line.is_empty() {
            self.pending_breaks += 1;
            return;
        }
        for _ in 0..std::mem::take(&mut self.pending_breaks) {
            self.put("\n");
        }
        self.put(line);
        self.put("\n");
        self.started = true;
    }

    /// An empty line, unless the text is empty or already ends with one.
    fn blank(&mut self) {
        let ends_with_blank = match self.started {
            true => self.pending_breaks >= 1,
            false => self.pending_breaks >= 2,
        };
        if (self.started || self.pending_breaks > 0) && !ends_with_blank {
            self.pending_breaks += 1;
        }
    }

    /// The end of the text: without empty lines after its last line (but one, for a text
    /// of nothing else).
    fn finish(mut self) -> io::Result<()> {
        if !self.started && self.pending_breaks > 0 {
            self.put("\n");
        }
        match self.failure {
            Some(e) => Err(e),
            None => Ok(()),
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

    /// A table's lines, laid out to the width already, and an empty line after them.
    fn table(&mut self, lines: &[String]) {
        for line in lines {
            self.line(line);
        }
        self.blank();
    }

    fn wrapped(&mut self, body: &str, first: &str, rest: &str) {
        self.wrapped_with_address(body, first, rest, None);
    }

    /// `body` wrapped, its first line after `first` and the others after `rest`, then a web
    /// address in angle brackets (an autolink in Markdown): on the last line if it fits there
    /// whole, else on a line of its own however long, never broken, so that it still works
    /// when copied or rendered.
    fn wrapped_with_address(&mut self, body: &str, first: &str, rest: &str, address: Option<&str>) {
        let room = self
            .width
            .saturating_sub(text::width(first).max(text::width(rest)))
            .max(1);
        let mut address = address.map(|url| format!("<{url}>"));
        let lines = text::wrap(body, room);
        let last = lines.len().saturating_sub(1);
        for (i, range) in lines.into_iter().enumerate() {
            let prefix = if i == 0 { first } else { rest };
            let mut line = format!("{prefix}{}", &body[range]);
            if i == last
                && let Some(url) =
                    address.take_if(|url| text::width(&line) + 1 + text::width(url) <= self.width)
            {
                line.push(' ');
                line.push_str(&url);
            }
            self.line(&line);
        }
        if let Some(url) = address {
            self.line(&format!("{rest}{url}"));
        }
    }
}

/// Writes the parts of the pack.
struct Printer<'a> {
    content: &'a Content,
    lang: Lang,
    strings: &'static Strings,
    /// The one item to print, if not all.
    only: Option<Target>,
    /// The sources cited so far, by position: the list at the end holds these alone.
    cited: RefCell<Vec<bool>>,
    /// The number each source is cited by, once the cited ones are known.
    numbers: Option<Vec<usize>>,
}

impl Printer<'_> {
    /// Whether `target` is printed: every item is, unless one alone is asked for.
    fn shows(&self, target: Target) -> bool {
        self.only.is_none_or(|only| only == target)
    }

    /// The number a source is cited by: its place in the pack's list, from 1.
    fn cite(&self, source: SourceRef) -> String {
        if let Some(cited) = self.cited.borrow_mut().get_mut(source.index()) {
            *cited = true;
        }
        let number = (self.numbers.as_ref())
            .and_then(|numbers| numbers.get(source.index()).copied())
            .unwrap_or(0);
        format!("[{number}]")
    }

    fn facts(&self, out: &mut Out<impl io::Write>, facts: &[Fact]) {
        for fact in facts {
            match fact.source {
                Some(source) => out.bullet(&format!(
                    "{} {}",
                    fact.text.get(self.lang),
                    self.cite(source)
                )),
                None => out.bullet(fact.text.get(self.lang)),
            }
        }
        if !facts.is_empty() {
            out.blank();
        }
    }

    fn overview(&self, out: &mut Out<impl io::Write>) {
        let lang = self.lang;
        let overview = &self.content.overview;
        out.heading(2, self.strings.pane(Pane::Overview));
        for (i, section) in overview.sections.iter().enumerate() {
            if !self.shows(Target::Section(i)) {
                continue;
            }
            out.heading(3, section.title.get(lang));
            out.paragraph(section.body.get(lang));
            self.facts(out, &section.facts);
        }
        let events: Vec<&Event> = (overview.timeline.iter().enumerate())
            .filter(|&(i, _)| self.shows(Target::Event(i)))
            .map(|(_, event)| event)
            .collect();
        if !events.is_empty() {
            out.heading(3, self.strings.timeline);
            for event in events {
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

    fn members(&self, out: &mut Out<impl io::Write>) {
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
        if let Some(intro) = members.intro.as_ref().filter(|_| self.only.is_none()) {
            out.paragraph(intro.get(lang));
        }
        if !members.members.is_empty() && self.only.is_none() {
            self.growth(out);
            self.regions(out);
            // So that the list is not read as part of the last table's section.
            out.heading(3, strings.member_list);
        }
        if out.format == Format::Markdown {
            self.member_table(out);
            return;
        }
        for member in self.shown_members() {
            let mut line = self.name_in_every_language(member);
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
                // Into the line directly: a note can be long, and a formatted copy doubles it.
                line.push_str("; ");
                line.push_str(note.get(lang));
                for &source in &member.note_sources {
                    line.push(' ');
                    line.push_str(&self.cite(source));
                }
            }
            line.push('.');
            out.bullet(&line);
        }
        out.blank();
    }

    /// The members printed: all, or the one asked for.
    fn shown_members(&self) -> impl Iterator<Item = &Member> {
        (self.content.members.members.iter().enumerate())
            .filter(|&(i, _)| self.shows(Target::Member(i)))
            .map(|(_, member)| member)
    }

    /// A member's name, and after it in brackets its name in each other language where it
    /// differs: "Republica Cehă (en: Czech Republic)".
    fn name_in_every_language(&self, member: &Member) -> String {
        let shown = member.name.get(self.lang);
        let others: Vec<String> = (member.name.all())
            .filter(|(_, other)| *other != shown)
            .map(|(lang, other)| format!("{}: {other}", self.content.lang_tag(lang)))
            .collect();
        match others.is_empty() {
            true => shown.to_string(),
            false => format!("{shown} ({})", others.join("; ")),
        }
    }

    /// The members as a Markdown table: code, name, region, year and note, each with the
    /// sources it cites (in the column's name when every member cites the same). Rows are
    /// written as they are made, their columns as wide as the widest cell, measured first; a
    /// Markdown table is never wrapped, so nothing of a member is cut.
    fn member_table(&self, out: &mut Out<impl io::Write>) {
        let strings = self.strings;
        // The one source every member cites for a field, if they all cite the same.
        let shared = |field: fn(&Member) -> SourceRef| {
            let first = field(self.shown_members().next()?);
            self.shown_members()
                .all(|m| field(m) == first)
                .then_some(first)
        };
        let sources = [
            shared(|m| m.code_source),
            shared(|m| m.region_source),
            shared(|m| m.joined_source),
        ];
        let [code, name, region, year] = strings.columns;
        let titled = |title: &str, source: Option<SourceRef>| match source {
            Some(source) => format!("{title} {}", self.cite(source)),
            None => title.to_string(),
        };
        let header = [
            titled(code, sources[0]),
            name.to_string(),
            titled(region, sources[1]),
            titled(year, sources[2]),
            strings.note.to_string(),
        ];
        let cells = |member: &Member| -> [String; 5] {
            let cited = |value: &str, source: SourceRef, shared: Option<SourceRef>| match shared {
                Some(_) => value.to_string(),
                None => format!("{value} {}", self.cite(source)),
            };
            let lang = self.lang;
            let name = self.name_in_every_language(member);
            let region = self
                .content
                .region_of(member)
                .map_or("", |r| r.name.get(lang));
            let mut note = member
                .note
                .as_ref()
                .map_or_else(String::new, |n| n.get(lang).to_string());
            for &source in &member.note_sources {
                note.push(' ');
                note.push_str(&self.cite(source));
            }
            [
                cited(&member.code, member.code_source, sources[0]),
                name,
                cited(region, member.region_source, sources[1]),
                cited(&member.joined.to_string(), member.joined_source, sources[2]),
                note,
            ]
            .map(|cell| cell_text(&cell, Format::Markdown))
        };
        // First the widths, then the rows: no row is kept.
        let mut widths = header.each_ref().map(|h| text::width(h).max(3));
        for member in self.shown_members() {
            for (width, cell) in widths.iter_mut().zip(cells(member)) {
                *width = (*width).max(text::width(&cell));
            }
        }
        let row = |cells: &[String; 5]| {
            let padded: Vec<String> = cells
                .iter()
                .zip(&widths)
                .enumerate()
                .map(|(column, (cell, &width))| match column {
                    // The year, a number, to the right.
                    3 => {
                        let pad = width.saturating_sub(text::width(cell));
                        format!("{}{cell}", " ".repeat(pad))
                    }
                    _ => text::fit(cell, width),
                })
                .collect();
            format!("| {} |", padded.join(" | "))
        };
        out.line(&row(&header));
        let rule: Vec<String> = widths
            .iter()
            .enumerate()
            .map(|(column, &width)| match column {
                3 => format!("{}:", "-".repeat(width - 1)),
                _ => "-".repeat(width),
            })
            .collect();
        out.line(&format!("| {} |", rule.join(" | ")));
        for member in self.shown_members() {
            out.line(&row(&cells(member)));
        }
        out.blank();
    }

    /// The members joining each year (or span of years, for a long history), the total so
    /// far, and a bar as long as the year's joining.
    fn growth(&self, out: &mut Out<impl io::Write>) {
        let rows = growth_rows(&self.content.members.growth());
        if rows.is_empty() {
            return;
        }
        out.heading(3, self.strings.growth_title);
        let dash = if out.ascii { "-" } else { "\u{2013}" };
        let [year, joined, total] = self.strings.growth_columns;
        let column = |header: &str, cells: Vec<String>, align| Column {
            header: header.to_string(),
            cells,
            align,
            cuttable: false,
        };
        let columns = [
            column(
                year,
                rows.iter().map(|r| r.label(dash)).collect(),
                Align::Left,
            ),
            column(
                joined,
                rows.iter().map(|r| r.joined.to_string()).collect(),
                Align::Right,
            ),
            column(
                total,
                rows.iter().map(|r| r.total.to_string()).collect(),
                Align::Right,
            ),
        ];
        let most = rows.iter().map(|r| r.joined).max().unwrap_or(0);
        // In Markdown too: every cell of the bar is the same character, so a bar's length on
        // GitHub (whatever the font) is in proportion to its year, as in the text, and the
        // table's source still reads as a chart. The column has no header, as in the text.
        let bar = Last {
            header: String::new(),
            least: most.min(LEAST_BAR),
        };
        let layout = Layout::new(
            &columns,
            (most > 0).then_some(&bar),
            out.width,
            out.format,
            out.ascii,
        );
        let glyph = if out.ascii { "#" } else { "\u{2588}" };
        let bars: Vec<String> = layout.last.map_or_else(Vec::new, |room| {
            rows.iter()
                .map(|r| glyph.repeat(bar_length(r.joined, most, room)))
                .collect()
        });
        out.table(&layout.lines(&columns, Some((&bar, &bars))));
    }

    /// The members of each region that has any, with their codes as far as the width allows.
    fn regions(&self, out: &mut Out<impl io::Write>) {
        let members = &self.content.members;
        let counts: Vec<RegionCount> = members
            .per_region()
            .into_iter()
            .filter(|c| c.members > 0)
            .collect();
        if counts.is_empty() {
            return;
        }
        out.heading(3, self.strings.regions_title);
        let [region, count, codes] = self.strings.region_columns;
        let names = counts
            .iter()
            .map(|c| {
                members.regions.get(c.region).map_or_else(String::new, |r| {
                    cell_text(r.name.get(self.lang), out.format)
                })
            })
            .collect();
        let columns = [
            Column {
                header: region.to_string(),
                cells: names,
                align: Align::Left,
                cuttable: true,
            },
            Column {
                header: count.to_string(),
                cells: counts.iter().map(|c| c.members.to_string()).collect(),
                align: Align::Right,
                cuttable: false,
            },
        ];
        let codes = Last {
            header: codes.to_string(),
            least: text::width(codes).max(LEAST_CODES),
        };
        let layout = Layout::new(&columns, Some(&codes), out.width, out.format, out.ascii);
        let cells = layout.last.map_or_else(Vec::new, |room| {
            self.region_codes(&counts, room, out.format)
        });
        out.table(&layout.lines(&columns, Some((&codes, &cells))));
    }

    /// For each region of `counts`, the codes of its members in the members' order, as many
    /// as `room` columns hold, then how many more there are: "AT FR DE +2". Only the codes
    /// shown are kept, however many members a region has.
    fn region_codes(&self, counts: &[RegionCount], room: usize, format: Format) -> Vec<String> {
        let members = &self.content.members;
        let mut row_of = vec![None; members.regions.len()];
        for (row, count) in counts.iter().enumerate() {
            if let Some(slot) = row_of.get_mut(count.region) {
                *slot = Some(row);
            }
        }
        // Each row's codes so far, their width, and whether one did not fit: the codes after
        // it are left out as well, so that those shown are the first ones.
        let mut shown: Vec<(Vec<String>, usize, bool)> = vec![(Vec::new(), 0, false); counts.len()];
        for member in &members.members {
            let Some(&Some(row)) = row_of.get(member.region) else {
                continue;
            };
            let Some((codes, used, full)) = shown.get_mut(row) else {
                continue;
            };
            if *full {
                continue;
            }
            let code = cell_text(&member.code, format);
            let needed = text::width(&code) + usize::from(!codes.is_empty());
            if *used + needed > room {
                *full = true;
                continue;
            }
            *used += needed;
            codes.push(code);
        }
        shown
            .into_iter()
            .zip(counts)
            .map(|((mut codes, _, _), count)| {
                loop {
                    // The count of the rest takes room too: codes give way to it.
                    let line = match count.members.saturating_sub(codes.len()) {
                        0 => codes.join(" "),
                        rest if codes.is_empty() => format!("+{rest}"),
                        rest => format!("{} +{rest}", codes.join(" ")),
                    };
                    if text::width(&line) <= room || codes.pop().is_none() {
                        break line;
                    }
                }
            })
            .collect()
    }

    fn items(&self, out: &mut Out<impl io::Write>, pane: Pane) {
        let lang = self.lang;
        let list = match pane {
            Pane::Declaration => &self.content.declaration,
            _ => &self.content.actions,
        };
        out.heading(2, self.strings.pane(pane));
        if let Some(intro) = list.intro.as_ref().filter(|_| self.only.is_none()) {
            out.paragraph(intro.get(lang));
        }
        for (i, item) in list.items.iter().enumerate() {
            if !self.shows(Target::Item(pane, i)) {
                continue;
            }
            out.heading(3, item.title.get(lang));
            match item.source {
                Some(source) => {
                    out.paragraph(&format!("{} {}", item.body.get(lang), self.cite(source)));
                }
                None => out.paragraph(item.body.get(lang)),
            }
            self.facts(out, &item.facts);
        }
    }

    fn sources(&self, out: &mut Out<impl io::Write>) {
        if !self.cited.borrow().contains(&true) {
            return;
        }
        out.heading(2, self.strings.sources);
        let cited = self.cited.borrow();
        for (i, source) in self.content.sources.iter().enumerate() {
            if !cited.get(i).copied().unwrap_or(false) {
                continue;
            }
            // In Markdown a numbered list, which every renderer shows as one: the number is
            // the one the text cites in brackets.
            let number = (self.numbers.as_ref())
                .and_then(|numbers| numbers.get(i).copied())
                .unwrap_or(0);
            let number = match out.format {
                Format::Markdown => format!("{number}. "),
                Format::Text => format!("[{number}] "),
            };
            let indent = " ".repeat(text::width(&number));
            let mut named = source.title.get(self.lang).to_string();
            if let Some(date) = &source.date {
                named.push_str(", ");
                named.push_str(date);
            }
            out.wrapped_with_address(&named, &number, &indent, source.url.as_deref());
        }
        out.blank();
    }
}

/// The most rows of the growth table: a pack with a longer history is shown in spans of years.
const MOST_GROWTH_ROWS: u32 = 30;

/// The lengths of the spans of years the growth table may gather, shortest first. Years are
/// `u16`, so the last gathers any history into fewer than `MOST_GROWTH_ROWS` rows.
const SPANS: [u32; 12] = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000];

/// The fewest cells of the bars: with fewer, years of different joining would look alike.
const LEAST_BAR: usize = 4;

/// The fewest columns the codes of a region are shown in: a code and the count of the rest.
const LEAST_CODES: usize = 5;

/// A row of the growth table: a year, or a span of years.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct GrowthRow {
    first: u16,
    last: u16,
    /// The members that joined in these years.
    joined: usize,
    /// The members at the end of the last of them.
    total: usize,
}

impl GrowthRow {
    /// "2011", or "1990–1999" with `dash` between.
    fn label(&self, dash: &str) -> String {
        match self.first == self.last {
            true => self.first.to_string(),
            false => format!("{}{dash}{}", self.first, self.last),
        }
    }
}

/// The rows of the growth table from `growth` (every year, in order): one a year, or, for
/// more than `MOST_GROWTH_ROWS` years, one for each span of 2, 5, 10, 20, 50, … years (the
/// shortest that is few enough), starting at a multiple of its length (1990–1999), the
/// first and last cut to the years there are. A span adds up its years' joining and keeps
/// its last year's total.
fn growth_rows(growth: &[YearGrowth]) -> Vec<GrowthRow> {
    let (Some(first), Some(last)) = (growth.first(), growth.last()) else {
        return Vec::new();
    };
    let (first, last) = (u32::from(first.year), u32::from(last.year));
    let span = SPANS
        .into_iter()
        .find(|span| last / span - first / span < MOST_GROWTH_ROWS)
        .unwrap_or(SPANS[SPANS.len() - 1]);
    let mut rows: Vec<GrowthRow> = Vec::new();
    for year in growth {
        match rows.last_mut() {
            Some(row) if u32::from(row.first) / span == u32::from(year.year) / span => {
                row.last = year.year;
                row.joined += year.joined;
                row.total = year.total;
            }
            _ => rows.push(GrowthRow {
                first: year.year,
                last: year.year,
                joined: year.joined,
                total: year.total,
            }),
        }
    }
    rows
}

/// The cells of the bar of a year that `joined`, when the most any year joined is `most` and
/// the bars have `room`: a cell a member while the longest bar fits, so that a bar can be
/// counted; otherwise in proportion, the longest `room` long, and a year when some joined never
/// without a bar.
fn bar_length(joined: usize, most: usize, room: usize) -> usize {
    if most <= room {
        return joined;
    }
    if joined == 0 {
        return 0;
    }
    let scaled = (joined as u128 * room as u128 + most as u128 / 2) / most as u128;
    // `joined` is at most `most`, so `scaled` is at most `room`.
    usize::try_from(scaled).unwrap_or(room).max(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn years(joined: &[(u16, usize)]) -> Vec<YearGrowth> {
        let mut total = 0;
        joined
            .iter()
            .map(|&(year, joined)| {
                total += joined;
                YearGrowth {
                    year,
                    joined,
                    total,
                }
            })
            .collect()
    }

    #[test]
    fn thirty_years_or_fewer_are_shown_one_a_year() {
        let growth = years(&[(2011, 15), (2012, 4), (2013, 0), (2014, 1)]);
        let rows = growth_rows(&growth);
        assert_eq!(rows.len(), 4);
        for (row, year) in rows.iter().zip(&growth) {
            assert_eq!((row.first, row.last), (year.year, year.year));
            assert_eq!((row.joined, row.total), (year.joined, year.total));
        }
        assert_eq!(rows[0].label("–"), "2011");
        let thirty: Vec<(u16, usize)> = (1990..2020).map(|y| (y, 1)).collect();
        assert_eq!(growth_rows(&years(&thirty)).len(), 30);
        assert_eq!(growth_rows(&[]), []);
    }

    #[test]
    fn a_long_history_is_gathered_into_spans_that_add_up() {
        // 1987 to 2024: 38 years, in spans of two.
        let history: Vec<(u16, usize)> = (1987..=2024).map(|y| (y, usize::from(y % 7))).collect();
        let growth = years(&history);
        let rows = growth_rows(&growth);
        assert!(rows.len() <= 30 && rows.len() > 1, "{rows:?}");
        assert_eq!(
            (rows[0].first, rows[0].last),
            (1987, 1987),
            "cut to the first year"
        );
        assert_eq!((rows[1].first, rows[1].last), (1988, 1989));
        assert_eq!(rows[1].label("-"), "1988-1989");
        let last = rows[rows.len() - 1];
        assert_eq!((last.first, last.last), (2024, 2024));
        assert_eq!(
            rows.iter().map(|r| r.joined).sum::<usize>(),
            growth.iter().map(|g| g.joined).sum::<usize>()
        );
        for row in &rows {
            let within: Vec<&YearGrowth> = growth
                .iter()
                .filter(|g| (row.first..=row.last).contains(&g.year))
                .collect();
            assert_eq!(row.joined, within.iter().map(|g| g.joined).sum::<usize>());
            assert_eq!(row.total, within[within.len() - 1].total);
        }
        assert!(rows.windows(2).all(|w| w[1].first == w[0].last + 1));

        // Three centuries: in decades, from a multiple of ten.
        let centuries: Vec<(u16, usize)> = (1700..2000).map(|y| (y, 1)).collect();
        let rows = growth_rows(&years(&centuries));
        assert_eq!(rows.len(), 30);
        assert_eq!(rows[1].label("–"), "1710–1719");
        assert!(rows.iter().all(|r| r.joined == 10));
        assert_eq!(rows[29].total, 300);
        // One more decade is too many: in spans of twenty.
        let more: Vec<(u16, usize)> = (1700..2010).map(|y| (y, 1)).collect();
        let rows = growth_rows(&years(&more));
        assert_eq!(rows.len(), 16);
        assert_eq!(rows[15].label("–"), "2000–2009", "cut to the last year");

        let everything = years(&[(0, 1), (u16::MAX, 1)]);
        assert!(growth_rows(&everything).len() <= 30);
    }

    #[test]
    fn bars_count_members_while_they_fit_and_shrink_in_proportion_when_not() {
        assert_eq!(
            [15, 4, 2, 1, 0].map(|j| bar_length(j, 15, 59)),
            [15, 4, 2, 1, 0]
        );
        assert_eq!(
            [15, 4, 2, 1, 0].map(|j| bar_length(j, 15, 9)),
            [9, 2, 1, 1, 0]
        );
        assert_eq!(bar_length(5000, 5000, 40), 40);
        assert_eq!(bar_length(2500, 5000, 40), 20);
        assert_eq!(bar_length(1, 5000, 40), 1, "some joined: never no bar");
    }
}
