//! Three small drawings of the coalition's numbers: its growth year by year (horizontal
//! bars), its conferences along a line, and its counts at a glance. Each is a widget of plain
//! inputs that fits any area, draws nothing outside it and, with ASCII glyphs, draws only
//! ASCII (the caller's words excepted, which are drawn as given).

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Span;
use ratatui::widgets::Widget;

use crate::text;
use crate::theme::Theme;

/// One year of the growth: how many joined that year, and how many members there were at its
/// end.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct GrowthRow {
    pub year: u16,
    pub joined: usize,
    pub total: usize,
}

impl From<(u16, usize, usize)> for GrowthRow {
    fn from((year, joined, total): (u16, usize, usize)) -> GrowthRow {
        GrowthRow {
            year,
            joined,
            total,
        }
    }
}

/// Consecutive years drawn as one bar: `first..=last`, the members who joined in them, and
/// the total at the end of the last.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct YearGroup {
    pub first: u16,
    pub last: u16,
    pub joined: usize,
    pub total: usize,
}

/// How many years one bar may hold, smallest first: ranges that read as round numbers
/// ("1990–1999"). The last is wider than any `u16` year, so that everything fits one bar.
const SPANS: [u32; 19] = [
    1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1_000, 2_000, 2_500, 5_000, 10_000, 20_000,
    50_000, 100_000,
];

/// The rows gathered into at most `max_groups` bars: one a year when they fit, otherwise
/// consecutive years in ranges of the smallest round span that fits (aligned, as decades
/// are), each range cut to the years the rows cover. `joined` is summed, the last `total`
/// kept. Rows out of year order only make more groups; what does not fit is left out.
pub fn group_years(rows: &[GrowthRow], max_groups: usize) -> Vec<YearGroup> {
    if max_groups == 0 || rows.is_empty() {
        return Vec::new();
    }
    let lowest = rows.iter().map(|r| r.year).min().unwrap_or_default();
    let highest = rows.iter().map(|r| r.year).max().unwrap_or_default();
    let mut groups = Vec::new();
    for span in SPANS {
        groups = groups_of(rows, span, lowest, highest);
        if groups.len() <= max_groups {
            break;
        }
    }
    groups.truncate(max_groups);
    groups
}

/// The rows gathered by runs of years in the same range of `span` years.
fn groups_of(rows: &[GrowthRow], span: u32, lowest: u16, highest: u16) -> Vec<YearGroup> {
    let range_of = |year: u16| {
        let start = u32::from(year) / span * span;
        let clamp = |y: u32| y.clamp(u32::from(lowest), u32::from(highest)) as u16;
        (clamp(start), clamp(start + span - 1))
    };
    let mut groups: Vec<YearGroup> = Vec::new();
    for row in rows {
        let (first, last) = range_of(row.year);
        match groups.last_mut() {
            Some(group) if span > 1 && (group.first, group.last) == (first, last) => {
                group.joined = group.joined.saturating_add(row.joined);
                group.total = row.total;
            }
            _ => groups.push(YearGroup {
                first: if span == 1 { row.year } else { first },
                last: if span == 1 { row.year } else { last },
                joined: row.joined,
                total: row.total,
            }),
        }
    }
    groups
}

/// The members joining year by year: one horizontal bar a year (or a range of years, when
/// there are more years than rows), as long as the total at its end, the part that joined
/// that year drawn solid and the part before it light, followed by "total (+joined)".
#[derive(Debug, Clone, Copy)]
pub struct Growth<'a> {
    pub rows: &'a [GrowthRow],
    pub theme: Theme,
}

impl<'a> Growth<'a> {
    pub fn new(rows: &'a [GrowthRow], theme: Theme) -> Growth<'a> {
        Growth { rows, theme }
    }
}

impl Widget for Growth<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        (&self).render(area, buf);
    }
}

impl Widget for &Growth<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let area = area.intersection(buf.area);
        let groups = group_years(self.rows, area.height as usize);
        if groups.is_empty() || area.width == 0 {
            return;
        }
        let glyphs = self.theme.glyphs();
        let labels: Vec<String> = groups
            .iter()
            .map(|g| match g.first == g.last {
                true => g.first.to_string(),
                false => format!("{}{}{}", g.first, glyphs.range, g.last),
            })
            .collect();
        let label_width = labels.iter().map(|l| text::width(l)).max().unwrap_or(0);
        let long_numbers: Vec<String> = groups
            .iter()
            .map(|g| format!("{} (+{})", g.total, g.joined))
            .collect();
        let short_numbers: Vec<String> = groups.iter().map(|g| g.total.to_string()).collect();
        let widest = |numbers: &[String]| numbers.iter().map(|n| n.len()).max().unwrap_or(0);
        let room = |numbers: &[String]| {
            (area.width as usize).saturating_sub(label_width + 1 + 1 + widest(numbers))
        };
        // The bars need room to compare; the joined count goes first, then the bars.
        let numbers = match room(&long_numbers) >= MIN_BAR {
            true => &long_numbers,
            false => &short_numbers,
        };
        let bar_room = room(numbers);
        let largest = groups
            .iter()
            .map(|g| g.total.max(g.joined))
            .max()
            .unwrap_or(0);
        for (i, group) in groups.iter().enumerate() {
            let y = area.y + i as u16;
            let mut x = area.x;
            let right = area.right();
            let label = self.theme.fit(&labels[i], label_width);
            x = put(buf, x, y, right, &label, self.theme.label());
            x = put(buf, x, y, right, " ", Style::new());
            if bar_room > 0 {
                let (before, joined) = bar_cells(group, largest, bar_room);
                let bar_before = glyphs.bar_before.repeat(before);
                x = put(buf, x, y, right, &bar_before, self.theme.chart_bar(true));
                let bar = glyphs.bar.repeat(joined);
                x = put(buf, x, y, right, &bar, self.theme.chart_bar(false));
                x = put(buf, x, y, right, " ", Style::new());
            }
            put(buf, x, y, right, &numbers[i], Style::new());
        }
    }
}

/// The fewest cells a bar may have to be worth drawing.
const MIN_BAR: usize = 4;

/// The cells of a group's bar out of `room` for the `largest` value: those before the year
/// and those of the year. A year in which anyone joined has at least one cell of its own.
fn bar_cells(group: &YearGroup, largest: usize, room: usize) -> (usize, usize) {
    if largest == 0 {
        return (0, 0);
    }
    let scale = |value: usize| {
        let cells = (value as u128 * room as u128 + largest as u128 / 2) / largest as u128;
        (cells as usize).min(room)
    };
    let value = group.total.max(group.joined);
    let whole = scale(value).max(usize::from(value > 0));
    let mut before = scale(value - group.joined).min(whole);
    if group.joined > 0 && before == whole {
        before = whole - 1;
    }
    (before, whole - before)
}

/// Writes `content` at (`x`, `y`), never at or past `right`, and says where it ended.
fn put(buf: &mut Buffer, x: u16, y: u16, right: u16, content: &str, style: Style) -> u16 {
    if x >= right {
        return x;
    }
    buf.set_stringn(x, y, content, (right - x) as usize, style)
        .0
}

/// `content` cut to `max_width` columns, ending with `ellipsis` when something was cut (or
/// plainly cut, where not even the ellipsis fits), never splitting a grapheme.
pub fn shorten(content: &str, max_width: usize, ellipsis: &str) -> String {
    if text::width(content) <= max_width {
        return content.to_string();
    }
    let ellipsis_width = text::width(ellipsis);
    match max_width > ellipsis_width {
        // "The…" rather than "The …": the space would say nothing was cut there.
        true => {
            prefix(content, max_width - ellipsis_width)
                .trim_end()
                .to_string()
                + ellipsis
        }
        false => prefix(content, max_width),
    }
}

/// The longest start of `content` at most `max_width` columns wide, in whole graphemes.
fn prefix(content: &str, max_width: usize) -> String {
    let mut out = String::new();
    let mut used = 0;
    for grapheme in Span::raw(content).styled_graphemes(Style::new()) {
        let width = text::width(grapheme.symbol);
        if used + width > max_width {
            break;
        }
        out.push_str(grapheme.symbol);
        used += width;
    }
    out
}

/// The conferences in order along a line: a mark for each, evenly spaced, its year above and
/// its place below (staggered over up to three rows when they are long, shortened when even
/// that is not enough); two labels never touch.
#[derive(Debug, Clone, Copy)]
pub struct Timeline<'a> {
    /// (year, place) of each conference, in order.
    pub events: &'a [(&'a str, &'a str)],
    pub theme: Theme,
}

/// The most rows the places may take below the line, and the years above it.
const PLACE_ROWS: usize = 3;
const YEAR_ROWS: usize = 2;

/// A label set on a row of a timeline, at a column from the area's left.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Placed {
    /// The label's place among the labels (some may be left out).
    index: usize,
    row: usize,
    x: u16,
    text: String,
}

/// Where everything of a timeline goes: the row of the line from the top, the marks'
/// columns, the years and the places (rows counted from the line outwards).
#[derive(Debug)]
struct TimelineLayout {
    line_row: u16,
    marks: Vec<u16>,
    years: Vec<Placed>,
    years_on_line: bool,
    places: Vec<Placed>,
}

impl<'a> Timeline<'a> {
    pub fn new(events: &'a [(&'a str, &'a str)], theme: Theme) -> Timeline<'a> {
        Timeline { events, theme }
    }

    /// The rows the timeline takes at `width` when it has all it wants (one or two rows of
    /// years, the line, up to three rows of places); 0 when there is nothing to show.
    pub fn height_for(&self, width: u16) -> u16 {
        let wanted = (YEAR_ROWS + 1 + PLACE_ROWS) as u16;
        match self.layout(width, wanted) {
            None => 0,
            Some(layout) => {
                let place_rows = layout.places.iter().map(|p| p.row + 1).max().unwrap_or(0);
                layout.line_row + 1 + place_rows as u16
            }
        }
    }

    fn layout(&self, width: u16, height: u16) -> Option<TimelineLayout> {
        let count = self.events.len();
        if count == 0 || width == 0 || height == 0 {
            return None;
        }
        // Evenly spaced, each in the middle of its share of the width.
        let marks: Vec<u16> = (0..count)
            .map(|i| ((2 * i + 1) * width as usize / (2 * count)) as u16)
            .collect();
        let ellipsis = self.theme.glyphs().ellipsis;
        let years: Vec<&str> = self.events.iter().map(|(year, _)| *year).collect();
        let places: Vec<&str> = self.events.iter().map(|(_, place)| *place).collect();
        let layout = match height {
            // The years on the line itself, and the places below it if there is a row.
            1 | 2 => TimelineLayout {
                line_row: 0,
                years: place_labels(&years, &marks, width, 1, ellipsis),
                years_on_line: true,
                places: match height {
                    2 => place_labels(&places, &marks, width, 1, ellipsis),
                    _ => Vec::new(),
                },
                marks,
            },
            _ => {
                let one_row = place_labels(&years, &marks, width, 1, ellipsis);
                let whole =
                    one_row.len() == count && one_row.iter().zip(&years).all(|(p, y)| p.text == *y);
                // A second row of years only when one is not enough and the places keep two.
                let (year_rows, years) = match whole || height < 6 {
                    true => (1, one_row),
                    false => (2, place_labels(&years, &marks, width, 2, ellipsis)),
                };
                let year_rows = years.iter().map(|p| p.row + 1).max().unwrap_or(year_rows);
                let place_rows = (height as usize - year_rows - 1).min(PLACE_ROWS);
                TimelineLayout {
                    line_row: year_rows as u16,
                    years,
                    years_on_line: false,
                    places: place_labels(&places, &marks, width, place_rows, ellipsis),
                    marks,
                }
            }
        };
        Some(layout)
    }
}

/// Sets each label centred over its mark on the first of `rows` where it fits whole without
/// touching the one before (moved right as far as its mark allows); where it fits nowhere,
/// shortened on the emptiest row to the room before the next mark's share; left out when
/// even that is no room at all, rather than set away from its mark.
fn place_labels(
    labels: &[&str],
    marks: &[u16],
    width: u16,
    rows: usize,
    ellipsis: &str,
) -> Vec<Placed> {
    let width = width as usize;
    // The first free column of each row (one past the last label, for a gap).
    let mut free = vec![0usize; rows];
    let mut placed = Vec::new();
    if rows == 0 {
        return placed;
    }
    // Each mark's share of the width ends halfway to the next mark.
    let share_end = |i: usize| match marks.get(i + 1) {
        Some(&next) => (marks[i] as usize + next as usize).div_ceil(2),
        None => width,
    };
    for (i, label) in labels.iter().enumerate() {
        let mark = marks[i] as usize;
        let label_width = text::width(label);
        let centred = mark
            .saturating_sub(label_width / 2)
            .min(width.saturating_sub(label_width));
        let whole = (0..rows).find_map(|row| {
            let start = centred.max(free[row]);
            let fits = start + label_width <= width && start <= mark;
            fits.then_some((row, start))
        });
        let (row, start, shown) = match whole {
            Some((row, start)) => (row, start, label.to_string()),
            None => {
                let (row, &start) = free
                    .iter()
                    .enumerate()
                    .min_by_key(|(_, start)| **start)
                    .unwrap_or((0, &0));
                let room = share_end(i).max(mark + 1).min(width).saturating_sub(start);
                if start > mark || room == 0 {
                    continue;
                }
                (row, start, shorten(label, room, ellipsis))
            }
        };
        let shown_width = text::width(&shown);
        if shown_width == 0 {
            continue;
        }
        free[row] = start + shown_width + 1;
        placed.push(Placed {
            index: i,
            row,
            x: start as u16,
            text: shown,
        });
    }
    placed
}

impl Widget for Timeline<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        (&self).render(area, buf);
    }
}

impl Widget for &Timeline<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let area = area.intersection(buf.area);
        let Some(layout) = self.layout(area.width, area.height) else {
            return;
        };
        let glyphs = self.theme.glyphs();
        let right = area.right();
        let line_y = area.y + layout.line_row;
        let line = glyphs.line.repeat(area.width as usize);
        put(buf, area.x, line_y, right, &line, self.theme.dim());
        for &mark in &layout.marks {
            put(
                buf,
                area.x + mark,
                line_y,
                right,
                glyphs.line_mark,
                self.theme.chart_bar(false),
            );
        }
        for year in &layout.years {
            let y = match layout.years_on_line {
                true => line_y,
                false => line_y - 1 - year.row as u16,
            };
            put(
                buf,
                area.x + year.x,
                y,
                right,
                &year.text,
                self.theme.label(),
            );
        }
        for place in &layout.places {
            let y = line_y + 1 + place.row as u16;
            put(buf, area.x + place.x, y, right, &place.text, Style::new());
        }
    }
}

/// Counts at a glance: "22 members · 4 conferences · …", the numbers bold, wrapped between
/// counts (never inside one) onto as many rows as the area has.
#[derive(Debug, Clone, Copy)]
pub struct Glance<'a> {
    /// (label, count), e.g. ("members", 22), drawn as "22 members".
    pub counts: &'a [(&'a str, usize)],
    pub theme: Theme,
}

impl<'a> Glance<'a> {
    pub fn new(counts: &'a [(&'a str, usize)], theme: Theme) -> Glance<'a> {
        Glance { counts, theme }
    }

    /// The rows the counts take at `width`.
    pub fn height_for(&self, width: u16) -> u16 {
        self.rows(width).len().min(u16::MAX as usize) as u16
    }

    /// The counts of each row, each as (number, label) shortened to the width.
    fn rows(&self, width: u16) -> Vec<Vec<(String, String)>> {
        let width = width as usize;
        let mut rows: Vec<Vec<(String, String)>> = Vec::new();
        if width == 0 {
            return rows;
        }
        let glyphs = self.theme.glyphs();
        let separator_width = text::width(glyphs.separator) + 2;
        let mut used = 0;
        for (label, count) in self.counts {
            let number = count.to_string();
            let whole_width = number.len() + 1 + text::width(label);
            let (number, label) = match whole_width <= width {
                true => (number, label.to_string()),
                false if number.len() < width => {
                    let room = width - number.len() - 1;
                    (number, shorten(label, room, glyphs.ellipsis))
                }
                false => (shorten(&number, width, glyphs.ellipsis), String::new()),
            };
            let item_width = number.len() + usize::from(!label.is_empty()) + text::width(&label);
            match rows.last_mut() {
                Some(row) if used + separator_width + item_width <= width => {
                    row.push((number, label));
                    used += separator_width + item_width;
                }
                _ => {
                    rows.push(vec![(number, label)]);
                    used = item_width;
                }
            }
        }
        rows
    }
}

impl Widget for Glance<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        (&self).render(area, buf);
    }
}

impl Widget for &Glance<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let area = area.intersection(buf.area);
        let separator = format!(" {} ", self.theme.glyphs().separator);
        let right = area.right();
        for (row, y) in self.rows(area.width).iter().zip(area.top()..area.bottom()) {
            let mut x = area.x;
            for (i, (number, label)) in row.iter().enumerate() {
                if i > 0 {
                    x = put(buf, x, y, right, &separator, self.theme.dim());
                }
                x = put(buf, x, y, right, number, self.theme.heading());
                if !label.is_empty() {
                    x = put(buf, x, y, right, &format!(" {label}"), Style::new());
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::capability::ColorLevel;

    fn rows(data: &[(u16, usize, usize)]) -> Vec<GrowthRow> {
        data.iter().map(|&row| GrowthRow::from(row)).collect()
    }

    fn shown(buf: &Buffer) -> Vec<String> {
        (0..buf.area.height)
            .map(|y| {
                (0..buf.area.width)
                    .map(|x| buf[(x, y)].symbol())
                    .collect::<String>()
                    .trim_end()
                    .to_string()
            })
            .collect()
    }

    fn drawn(widget: impl Widget, width: u16, height: u16) -> Vec<String> {
        let mut buf = Buffer::empty(Rect::new(0, 0, width, height));
        widget.render(buf.area, &mut buf);
        shown(&buf)
    }

    const FOC: [(u16, usize, usize); 4] =
        [(2011, 15, 15), (2012, 4, 19), (2013, 2, 21), (2014, 1, 22)];

    #[test]
    fn one_bar_a_year_when_they_fit() {
        let groups = group_years(&rows(&FOC), 4);
        assert_eq!(groups.len(), 4);
        assert_eq!(
            groups[1],
            YearGroup {
                first: 2012,
                last: 2012,
                joined: 4,
                total: 19
            }
        );
    }

    #[test]
    fn years_gather_into_round_ranges_when_they_do_not() {
        // A century, one member a year.
        let century: Vec<GrowthRow> = (1925..2025)
            .map(|year| GrowthRow {
                year,
                joined: 1,
                total: (year - 1924) as usize,
            })
            .collect();
        let groups = group_years(&century, 12);
        assert_eq!(groups.len(), 11, "decades: {groups:?}");
        assert_eq!((groups[0].first, groups[0].last), (1925, 1929));
        assert_eq!(groups[0].joined, 5);
        assert_eq!((groups[1].first, groups[1].last), (1930, 1939));
        assert_eq!(groups[1].joined, 10);
        assert_eq!(groups[1].total, 15, "the last total of the range");
        assert_eq!((groups[10].first, groups[10].last), (2020, 2024));
        let joined: usize = groups.iter().map(|g| g.joined).sum();
        assert_eq!(joined, 100, "nobody is lost");
        // Two rows: centuries, cut to the years there are.
        let two = group_years(&century, 2);
        assert_eq!(
            two.iter().map(|g| (g.first, g.last)).collect::<Vec<_>>(),
            [(1925, 1999), (2000, 2024)]
        );
        let three = group_years(&century, 3);
        assert_eq!(
            three.iter().map(|g| (g.first, g.last)).collect::<Vec<_>>(),
            [(1925, 1949), (1950, 1999), (2000, 2024)]
        );
        assert_eq!(group_years(&century, 1).len(), 1);
        assert!(group_years(&century, 0).is_empty());
    }

    #[test]
    fn the_growth_draws_each_year_with_its_total_and_joiners() {
        let data = rows(&FOC);
        let theme = Theme::new(ColorLevel::None, true);
        let lines = drawn(Growth::new(&data, theme), 40, 4);
        assert_eq!(
            lines,
            [
                "2011 ################## 15 (+15)",
                "2012 ==================#### 19 (+4)",
                "2013 ======================### 21 (+2)",
                "2014 =========================# 22 (+1)",
            ]
            .map(String::from)
            .to_vec()
        );
    }

    #[test]
    fn a_year_in_which_someone_joined_has_a_cell_of_its_own() {
        let group = YearGroup {
            first: 2014,
            last: 2014,
            joined: 1,
            total: 1000,
        };
        assert_eq!(bar_cells(&group, 1000, 10), (9, 1));
        let nobody = YearGroup { joined: 0, ..group };
        assert_eq!(bar_cells(&nobody, 1000, 10), (10, 0));
        let empty = YearGroup {
            joined: 0,
            total: 0,
            ..group
        };
        assert_eq!(bar_cells(&empty, 0, 10), (0, 0));
    }

    #[test]
    fn shortening_keeps_graphemes_and_the_ellipsis() {
        assert_eq!(shorten("The Hague", 9, "…"), "The Hague");
        assert_eq!(shorten("The Hague", 5, "…"), "The…");
        assert_eq!(shorten("The Hague", 6, "…"), "The H…");
        assert_eq!(shorten("The Hague", 5, "..."), "Th...");
        assert_eq!(shorten("The Hague", 2, "..."), "Th");
        assert_eq!(shorten("自由自由", 5, "…"), "自由…");
        assert_eq!(
            shorten("e\u{301}e\u{301}e\u{301}", 2, ""),
            "e\u{301}e\u{301}"
        );
    }

    #[test]
    fn labels_never_touch_and_stay_over_their_marks() {
        let labels = ["The Hague", "Nairobi", "Tunis", "Tallinn"];
        let marks = [2, 7, 12, 17];
        let placed = place_labels(&labels, &marks, 20, 3, "…");
        let mut by_row: Vec<Vec<(usize, usize)>> = vec![Vec::new(); 3];
        for p in &placed {
            let start = p.x as usize;
            by_row[p.row].push((start, start + text::width(&p.text)));
            assert!(
                start <= marks[p.index] as usize,
                "{p:?} is right of its mark"
            );
        }
        for row in by_row {
            for pair in row.windows(2) {
                assert!(pair[0].1 < pair[1].0, "{pair:?} touch");
            }
        }
        assert_eq!(placed.len(), 4, "all shown, staggered: {placed:?}");
    }
}
