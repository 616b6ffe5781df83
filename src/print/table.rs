//! Tables in printed output, as plain text or Markdown: the columns fitted to the width
//! (numbers never cut, content's words cut with an ellipsis, headers cut last, columns left
//! out before a row could be wrapped), and a last column (a bar, a list of codes) that takes
//! the room the others leave.

use super::Format;
use crate::text;

/// How a column's cells line up.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Align {
    Left,
    /// For numbers, so that their digits line up.
    Right,
}

/// A column whose cells are known before the table is laid out.
pub(super) struct Column {
    pub header: String,
    /// Already made safe for the format ([`cell_text`]).
    pub cells: Vec<String>,
    pub align: Align,
    /// Whether its cells may be cut (content's words) or must be shown whole (numbers).
    pub cuttable: bool,
}

/// The last column, which takes the room the other columns leave: its cells are made for the
/// room it is given, and it is as wide as the widest of them.
pub(super) struct Last {
    pub header: String,
    /// The fewest columns it is worth showing in; with less room it is left out.
    pub least: usize,
}

/// The narrowest a cuttable column is cut to: a few letters and the ellipsis still tell one
/// name from another.
const CUT_LEAST: usize = 6;

/// The narrowest column of a Markdown table: its separator cell needs room for `--:`.
const MARKDOWN_LEAST: usize = 3;

/// Where each column goes within the width.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Layout {
    format: Format,
    /// Columns one space apart (in Markdown: pipes without spaces) rather than two.
    tight: bool,
    /// The width of each column kept, in order; the columns after them are left out.
    widths: Vec<usize>,
    /// The room the last column may take, when it is shown.
    pub last: Option<usize>,
    /// Whether a cut is marked with dots rather than an ellipsis.
    ascii: bool,
}

/// What starts a row, what goes between two cells and what ends a row.
fn separators(format: Format, tight: bool) -> (&'static str, &'static str, &'static str) {
    match (format, tight) {
        (Format::Text, false) => ("", "  ", ""),
        (Format::Text, true) => ("", " ", ""),
        (Format::Markdown, false) => ("| ", " | ", " |"),
        (Format::Markdown, true) => ("|", "|", "|"),
    }
}

/// The columns a row of cells of these widths takes.
fn span(format: Format, tight: bool, widths: &[usize]) -> usize {
    let (start, gap, end) = separators(format, tight);
    start.len()
        + end.len()
        + widths.iter().sum::<usize>()
        + gap.len() * widths.len().saturating_sub(1)
}

/// `widths` narrowed, none below its `least`, until they add up to `total` at most: content
/// that may be cut gives first (from the right), then headers wider than their cells. `None`
/// when even the narrowest widths add up to more.
fn narrowed(
    widths: &[usize],
    least: &[usize],
    cuttable: &[bool],
    total: usize,
) -> Option<Vec<usize>> {
    if least.iter().sum::<usize>() > total {
        return None;
    }
    let mut widths = widths.to_vec();
    let mut excess = widths.iter().sum::<usize>().saturating_sub(total);
    for cut_first in [true, false] {
        for i in (0..widths.len()).rev() {
            if cuttable[i] != cut_first || excess == 0 {
                continue;
            }
            let given = (widths[i] - least[i]).min(excess);
            widths[i] -= given;
            excess -= given;
        }
    }
    Some(widths)
}

impl Layout {
    /// Fits `columns`, and room for `last` after them, into `width` columns: at their natural widths
    /// two spaces apart, or one apart, whichever gives the last column room (or, failing
    /// that, whichever fits); else narrowed; else without the columns on the right.
    pub fn new(
        columns: &[Column],
        last: Option<&Last>,
        width: usize,
        format: Format,
        ascii: bool,
    ) -> Layout {
        let floor = match format {
            Format::Markdown => MARKDOWN_LEAST,
            Format::Text => 0,
        };
        let widest_cell = |c: &Column| c.cells.iter().map(|s| text::width(s)).max().unwrap_or(0);
        let natural: Vec<usize> = columns
            .iter()
            .map(|c| widest_cell(c).max(text::width(&c.header)).max(floor))
            .collect();
        let least: Vec<usize> = columns
            .iter()
            .zip(&natural)
            .map(|(c, &natural)| match c.cuttable {
                true => natural.min(CUT_LEAST.max(floor)),
                false => widest_cell(c).max(floor),
            })
            .collect();
        let cuttable: Vec<bool> = columns.iter().map(|c| c.cuttable).collect();
        let layout = |tight: bool, widths: Vec<usize>| {
            let last = last.and_then(|last| {
                let (_, gap, _) = separators(format, tight);
                let room = width.checked_sub(span(format, tight, &widths) + gap.len())?;
                let least = last.least.max(floor);
                (room >= least).then_some(room)
            });
            Layout {
                format,
                tight,
                widths,
                last,
                ascii,
            }
        };
        let fitting: Vec<Layout> = [false, true]
            .into_iter()
            .filter(|&tight| span(format, tight, &natural) <= width)
            .map(|tight| layout(tight, natural.clone()))
            .collect();
        if let Some(chosen) = fitting
            .iter()
            .find(|l| l.last.is_some() || last.is_none())
            .or(fitting.first())
        {
            return chosen.clone();
        }
        for kept in (1..=columns.len()).rev() {
            let room = width.saturating_sub(span(format, true, &vec![0; kept]));
            if let Some(widths) =
                narrowed(&natural[..kept], &least[..kept], &cuttable[..kept], room)
            {
                return layout(true, widths);
            }
        }
        // Not even the first column fits whole: it is cut, so that the width still holds.
        let room = width.saturating_sub(span(format, true, &[0]));
        layout(true, vec![room])
    }

    /// The table's lines: the headers, in Markdown the separator row, then one line per row
    /// of `columns`, with `last_cells` (made for [`Layout::last`]'s room) at the end.
    pub fn lines(&self, columns: &[Column], last: Option<(&Last, &[String])>) -> Vec<String> {
        let floor = match self.format {
            Format::Markdown => MARKDOWN_LEAST,
            Format::Text => 0,
        };
        let last = last.zip(self.last).map(|((last, cells), room)| {
            let widest = cells.iter().map(|c| text::width(c)).max().unwrap_or(0);
            let width = widest.max(text::width(&last.header)).max(floor).min(room);
            ((last, cells), width)
        });
        let rows = columns.first().map_or(0, |c| c.cells.len());
        let mut lines = Vec::with_capacity(rows + 2);
        let header: Vec<String> = columns
            .iter()
            .zip(&self.widths)
            .map(|(c, &w)| self.cell(&c.header, w, c.align))
            .chain(last.map(|((l, _), room)| self.cell(&l.header, room, Align::Left)))
            .collect();
        lines.push(self.row(&header));
        if self.format == Format::Markdown {
            let separator: Vec<String> = columns
                .iter()
                .zip(&self.widths)
                .map(|(c, &w)| (c.align, w))
                .chain(last.map(|(_, room)| (Align::Left, room)))
                .map(|(align, w)| match align {
                    Align::Left => "-".repeat(w.max(1)),
                    Align::Right => format!("{}:", "-".repeat(w.saturating_sub(1).max(1))),
                })
                .collect();
            lines.push(self.row(&separator));
        }
        for row in 0..rows {
            let cells: Vec<String> = columns
                .iter()
                .zip(&self.widths)
                .map(|(c, &w)| self.cell(c.cells.get(row).map_or("", |s| s), w, c.align))
                .chain(last.map(|((_, cells), room)| {
                    self.cell(cells.get(row).map_or("", |s| s), room, Align::Left)
                }))
                .collect();
            lines.push(self.row(&cells));
        }
        lines
    }

    fn row(&self, cells: &[String]) -> String {
        let (start, gap, end) = separators(self.format, self.tight);
        let mut row = format!("{start}{}{end}", cells.join(gap));
        // A last cell's padding is of no use in text, where nothing follows it.
        row.truncate(row.trim_end().len());
        row
    }

    /// `text` in exactly `width` columns: cut if wider, padded on the side `align` leaves.
    fn cell(&self, text: &str, width: usize, align: Align) -> String {
        let shown = match text::width(text) > width {
            true => cut(text, width, self.ascii),
            false => text.to_string(),
        };
        let padding = " ".repeat(width.saturating_sub(text::width(&shown)));
        match align {
            Align::Left => shown + &padding,
            Align::Right => padding + &shown,
        }
    }
}

/// `text` cut to `width` columns, the cut marked with an ellipsis, or with dots in ASCII.
pub(super) fn cut(text: &str, width: usize, ascii: bool) -> String {
    if !ascii || width == 0 {
        return text::truncate(text, width);
    }
    let dots = if width > 3 { "..." } else { "." };
    // `truncate` ends what it cuts with the one-column ellipsis, which the dots replace.
    let kept = text::truncate(text, width + 1 - dots.len());
    match kept.strip_suffix(text::ELLIPSIS) {
        Some(kept) => format!("{kept}{dots}"),
        None => kept,
    }
}

/// A text of content as one table cell: on one line (its line breaks and runs of spaces
/// become one space), and in Markdown with `|` and `\` escaped, so that no content can end
/// a cell or a row early.
pub(super) fn cell_text(content: &str, format: Format) -> String {
    let mut one_line = String::with_capacity(content.len());
    for word in content.split_whitespace() {
        if !one_line.is_empty() {
            one_line.push(' ');
        }
        match format {
            Format::Text => one_line.push_str(word),
            Format::Markdown => {
                for c in word.chars() {
                    if c == '|' || c == '\\' {
                        one_line.push('\\');
                    }
                    one_line.push(c);
                }
            }
        }
    }
    one_line
}

#[cfg(test)]
mod tests {
    use super::*;

    fn column(header: &str, cells: &[&str], align: Align, cuttable: bool) -> Column {
        Column {
            header: header.to_string(),
            cells: cells.iter().map(|s| s.to_string()).collect(),
            align,
            cuttable,
        }
    }

    fn numbers() -> Vec<Column> {
        vec![
            column("Year", &["2011", "2012"], Align::Left, false),
            column("Joined", &["15", "4"], Align::Right, false),
        ]
    }

    #[test]
    fn columns_are_two_spaces_apart_numbers_on_the_right() {
        let columns = numbers();
        let layout = Layout::new(&columns, None, 80, Format::Text, false);
        assert_eq!(
            layout.lines(&columns, None),
            ["Year  Joined", "2011      15", "2012       4"]
        );
    }

    #[test]
    fn the_last_column_takes_what_is_left() {
        let columns = numbers();
        let last = Last {
            header: String::new(),
            least: 4,
        };
        let span = text::width("Year  Joined  ");
        let layout = |width| Layout::new(&columns, Some(&last), width, Format::Text, false);
        assert_eq!(layout(80).last, Some(80 - span));
        assert_eq!(layout(span + 10).last, Some(10));
        assert_eq!(layout(span + 4).last, Some(4));
        assert_eq!(
            layout(span + 2).last,
            Some(4),
            "one space apart gives it room"
        );
        assert_eq!(layout(span).last, None, "too little room: left out");
    }

    #[test]
    fn markdown_rows_have_pipes_and_a_separator_that_aligns_numbers_right() {
        let columns = numbers();
        let last = Last {
            header: String::new(),
            least: 1,
        };
        let layout = Layout::new(&columns, Some(&last), 80, Format::Markdown, false);
        let bars = ["##".to_string(), "#".to_string()];
        assert_eq!(
            layout.lines(&columns, Some((&last, &bars))),
            [
                "| Year | Joined |     |",
                "| ---- | -----: | --- |",
                "| 2011 |     15 | ##  |",
                "| 2012 |      4 | #   |",
            ]
        );
    }

    #[test]
    fn content_is_cut_before_headers_and_columns_go_before_a_row_is_wrapped() {
        let columns = vec![
            column("Region", &["Northern America", "Asia"], Align::Left, true),
            column("Members", &["12", "3"], Align::Right, false),
        ];
        let text =
            |width| Layout::new(&columns, None, width, Format::Text, false).lines(&columns, None);
        assert_eq!(text(30)[1], "Northern America       12");
        assert_eq!(text(20)[0], "Region       Members");
        assert_eq!(
            text(20)[1],
            "Northern Am…      12",
            "the name is cut, not the header"
        );
        assert_eq!(text(13)[0], "Region Membe…", "then the header");
        assert_eq!(text(13)[1], "North…     12");
        assert_eq!(
            text(8),
            ["Region", "Norther…", "Asia"],
            "then a column goes"
        );
        for width in [30, 20, 16, 13, 10, 8, 3] {
            for line in text(width) {
                assert!(text::width(&line) <= width, "{width}: {line:?}");
            }
        }
    }

    #[test]
    fn ascii_marks_a_cut_with_dots() {
        assert_eq!(cut("Northern America", 8, true), "North...");
        assert_eq!(cut("Northern America", 3, true), "No.");
        assert_eq!(cut("Northern America", 8, false), "Norther…");
    }

    #[test]
    fn a_cell_of_content_is_one_line_and_cannot_end_a_markdown_cell() {
        assert_eq!(cell_text("East\nand  West", Format::Text), "East and West");
        assert_eq!(cell_text("A|B \\", Format::Markdown), "A\\|B \\\\");
        assert_eq!(cell_text("A|B", Format::Text), "A|B");
    }
}
