//! The presentation: one slide on the whole screen, centred with margins, its title in block
//! letters where the screen is big enough, a footer with the slide number, a progress bar and
//! the timers; or, in the speaker's view, the slide small beside the next one and the notes.
//!
//! ```text
//! ┌──────────────────────────────────────────────┐
//! │   TITLE (block letters, or bold)             │ margins: a tenth of the width,
//! │                                              │ a row above
//! │   body text, wrapped; "more ↓" when longer   │
//! │ 5 / 14 ━━━━━━━━────────────── 03:12  16:48 left│ footer: 1 row
//! └──────────────────────────────────────────────┘
//! ```

use std::time::Duration;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};
use tui_big_text::{BigText, PixelSize};

use crate::app::App;
use crate::content::{Slide, SlideShows};
use crate::present::{Countdown, clock_text, countdown};
use crate::text;
use crate::ui::doc::{Doc, DocText};
use crate::ui::{block, layout, overview};

/// Rows and columns of one letter in block letters (quadrant pixels of an 8×8 font).
const BIG_LETTER: (u16, u16) = (4, 4);

/// The parts of the screen while presenting.
struct Areas {
    /// Where the slide is drawn (the whole slide, margins included).
    slide: Rect,
    /// The speaker's panel, in the speaker's view.
    panel: Option<Rect>,
    footer: Rect,
}

fn areas(app: &App) -> Areas {
    let area = app.area();
    let footer = Rect::new(
        area.x,
        area.bottom().saturating_sub(1),
        area.width,
        area.height.min(1),
    );
    let rest = Rect::new(area.x, area.y, area.width, area.height.saturating_sub(1));
    let notes = app.presentation().is_some_and(|p| p.notes);
    if notes && rest.width >= 60 {
        let (slide, panel) = crate::ui::layout::side_by_side(rest, rest.width * 3 / 5);
        return Areas {
            slide,
            panel: Some(panel),
            footer,
        };
    }
    Areas {
        slide: rest,
        panel: None,
        footer,
    }
}

/// Inside a slide: margins of a tenth of the width (at least one column) and a row above
/// where there is room.
fn content_area(slide: Rect) -> Rect {
    let margin_x = (slide.width / 10).max(1).min(slide.width / 2);
    let margin_y = u16::from(slide.height > 10);
    Rect::new(
        slide.x + margin_x,
        slide.y + margin_y,
        slide.width.saturating_sub(2 * margin_x),
        slide.height.saturating_sub(margin_y),
    )
}

/// The title of a slide in the current language.
pub fn slide_title(app: &App, slide: &Slide) -> String {
    let content = app.content();
    let lang = app.lang();
    let strings = app.strings();
    match slide.shows {
        SlideShows::Title => content.title.get(lang).to_string(),
        SlideShows::Section(i) => content
            .overview
            .sections
            .get(i)
            .map_or(String::new(), |s| s.title.get(lang).to_string()),
        SlideShows::Timeline => strings.timeline.to_string(),
        SlideShows::Members => format!(
            "{} ({})",
            strings.pane(crate::app::Pane::Members),
            content.members.members.len()
        ),
        SlideShows::Declaration(i) => content
            .declaration
            .items
            .get(i)
            .map_or(String::new(), |s| s.title.get(lang).to_string()),
        SlideShows::Action(i) => content
            .actions
            .items
            .get(i)
            .map_or(String::new(), |s| s.title.get(lang).to_string()),
    }
}

/// The body of a slide at `width` columns.
fn slide_body(app: &App, slide: &Slide, width: usize) -> DocText {
    let content = app.content();
    let lang = app.lang();
    let theme = app.theme();
    let mut doc = Doc::plain(app, width);
    match slide.shows {
        SlideShows::Title => {
            for (other, title) in content.title.all() {
                if other != lang && title != content.title.get(lang) {
                    doc.text(title, theme.dim());
                }
            }
            for &section in &slide.with {
                if let Some(section) = content.overview.sections.get(section) {
                    doc.blank();
                    doc.text(section.body.get(lang), Style::new());
                }
            }
        }
        SlideShows::Section(i) => {
            if let Some(section) = content.overview.sections.get(i) {
                doc.text(section.body.get(lang), Style::new());
                if !section.facts.is_empty() {
                    doc.blank();
                    overview::facts(&mut doc, app, &section.facts);
                }
            }
        }
        SlideShows::Timeline => {
            for event in &content.overview.timeline {
                overview::event(&mut doc, app, event);
            }
        }
        SlideShows::Members => {
            // Grouped by region, in the order of the regions: a slide's worth, not a table.
            for (r, region) in content.members.regions.iter().enumerate() {
                let names: Vec<&str> = content
                    .members
                    .members
                    .iter()
                    .filter(|m| m.region == r)
                    .map(|m| m.name.get(lang))
                    .collect();
                if names.is_empty() {
                    continue;
                }
                let label = format!("{}: ", region.name.get(lang));
                doc.hanging(
                    &names.join(", "),
                    (&label, theme.label()),
                    "  ",
                    Style::new(),
                );
            }
        }
        SlideShows::Declaration(i) | SlideShows::Action(i) => {
            let list = match slide.shows {
                SlideShows::Declaration(_) => &content.declaration,
                _ => &content.actions,
            };
            if let Some(item) = list.items.get(i) {
                doc.text(item.body.get(lang), Style::new());
                if !item.facts.is_empty() {
                    doc.blank();
                    overview::facts(&mut doc, app, &item.facts);
                }
            }
        }
    }
    doc.finish()
}

/// Whether the block-letter font has every letter of `title`. It has ASCII and Latin-1:
/// a title with other letters (ţ, ş, ă) would lose them.
fn drawable(title: &str) -> bool {
    title
        .chars()
        .all(|c| c.is_ascii_graphic() || c == ' ' || ('\u{a0}'..='\u{ff}').contains(&c))
}

/// Whether the deck's titles are drawn in block letters at all: only when every title of
/// the deck can be, so that the slides of one talk look alike.
fn deck_in_block_letters(app: &App) -> bool {
    app.deck()
        .iter()
        .all(|slide| drawable(&slide_title(app, slide)))
}

/// How a title is drawn in `area`: in block letters (the lines of words that fit) when the
/// deck is drawn so and the screen has room, or else `None` for a plain bold title.
fn big_title(app: &App, title: &str, area: Rect) -> Option<Vec<String>> {
    // Block letters are drawn with Unicode quadrants: not on an ASCII terminal.
    if app.theme().ascii || area.height < 16 || !deck_in_block_letters(app) {
        return None;
    }
    let per_line = (area.width / BIG_LETTER.1) as usize;
    let mut lines: Vec<String> = Vec::new();
    for word in title.split_whitespace() {
        match lines.last_mut() {
            Some(line) if line.chars().count() + 1 + word.chars().count() <= per_line => {
                line.push(' ');
                line.push_str(word);
            }
            _ => lines.push(word.to_string()),
        }
    }
    let fits = lines.iter().all(|l| l.chars().count() <= per_line);
    let height = lines.len() as u16 * BIG_LETTER.0;
    (fits && !lines.is_empty() && height <= area.height / 3).then_some(lines)
}

/// The rows the title takes on a slide drawn in `content` (with the blank row after it).
fn title_rows(app: &App, slide: &Slide, content: Rect) -> u16 {
    let title = slide_title(app, slide);
    match big_title(app, &title, content) {
        Some(lines) => lines.len() as u16 * BIG_LETTER.0 + 1,
        None => text::wrap(&title, content.width as usize).len() as u16 + 1,
    }
}

/// The rows of body text a slide shows at once at the current size.
pub fn body_rows(app: &App) -> usize {
    let Some(p) = app.presentation() else {
        return 0;
    };
    let Some(slide) = app.deck().get(p.slide) else {
        return 0;
    };
    let content = content_area(areas(app).slide);
    content
        .height
        .saturating_sub(title_rows(app, slide, content)) as usize
}

/// How far the current slide can scroll: its body past what the screen shows.
pub fn max_scroll(app: &App) -> usize {
    let Some(p) = app.presentation() else {
        return 0;
    };
    let Some(slide) = app.deck().get(p.slide) else {
        return 0;
    };
    overflow(app, slide).map_or(0, |(needed, shown)| needed - shown)
}

/// For a slide that does not fit: the rows its body needs and the rows it has.
pub fn overflow(app: &App, slide: &Slide) -> Option<(usize, usize)> {
    let content = content_area(areas(app).slide);
    let rows = content
        .height
        .saturating_sub(title_rows(app, slide, content)) as usize;
    let needed = slide_body(app, slide, content.width as usize).lines.len();
    // A slide that does not fit gives its last row to the "more" marker.
    (needed > rows).then_some((needed, rows.saturating_sub(1)))
}

/// Draws the presentation on the whole screen.
pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let Some(p) = app.presentation() else { return };
    if p.blank || area.width == 0 || area.height == 0 {
        return;
    }
    let areas = areas(app);
    if let Some(slide) = app.deck().get(p.slide) {
        let bordered = areas.panel.is_some();
        let slide_area = match bordered {
            true => {
                let title = format!("{} / {}", p.slide + 1, app.deck().len());
                block(app, &title, true, areas.slide.width).render(areas.slide, buf);
                layout::inner(areas.slide)
            }
            false => areas.slide,
        };
        render_slide(app, slide, p.scroll, slide_area, buf);
    }
    if let Some(panel) = areas.panel {
        render_panel(app, panel, buf);
    }
    render_footer(app, areas.footer, buf);
}

/// Draws one slide in `area`: the title, then the body from `scroll`, with a "more" marker
/// where there is more below.
fn render_slide(app: &App, slide: &Slide, scroll: usize, area: Rect, buf: &mut Buffer) {
    let theme = app.theme();
    let content = content_area(area);
    let title = slide_title(app, slide);
    let title_height = title_rows(app, slide, content);
    match big_title(app, &title, content) {
        Some(lines) => {
            let big = BigText::builder()
                .pixel_size(PixelSize::Quadrant)
                .style(theme.heading())
                .lines(lines.into_iter().map(Line::from).collect::<Vec<_>>())
                .centered()
                .build();
            big.render(
                Rect::new(content.x, content.y, content.width, title_height - 1),
                buf,
            );
        }
        None => {
            let lines: Vec<Line> = text::wrap(&title, content.width as usize)
                .into_iter()
                .map(|r| Line::styled(title[r].to_string(), theme.heading()).centered())
                .collect();
            Paragraph::new(lines).render(
                Rect::new(
                    content.x,
                    content.y,
                    content.width,
                    title_height.saturating_sub(1),
                ),
                buf,
            );
        }
    }
    let body_area = Rect::new(
        content.x,
        content.y + title_height.min(content.height),
        content.width,
        content.height.saturating_sub(title_height),
    );
    let body = slide_body(app, slide, body_area.width as usize);
    let total = body.lines.len();
    let rows = match total > body_area.height as usize {
        // The last row is the marker's, so that it never hides a line.
        true => (body_area.height as usize).saturating_sub(1),
        false => body_area.height as usize,
    };
    let visible = body.lines.get(scroll..).unwrap_or_default();
    crate::ui::render_lines(&visible[..rows.min(visible.len())], body_area, buf);
    if total > body_area.height as usize && body_area.height > 0 {
        // Never cut silently: the last row says there is more, and which way.
        let (up, down) = if theme.ascii {
            ("^", "v")
        } else {
            ("↑", "↓")
        };
        let mut marker = String::from(" ");
        if scroll > 0 {
            marker.push_str(up);
            marker.push(' ');
        }
        if scroll + rows < total {
            marker.push_str(&format!("{} {down} ", app.strings().more));
        }
        let width = (text::width(&marker) as u16).min(body_area.width);
        let x = body_area.right().saturating_sub(width);
        let y = body_area.bottom() - 1;
        Line::styled(marker, theme.key()).render(Rect::new(x, y, width, 1), buf);
    }
}

/// The speaker's panel: the next slide's title, the notes, the timers.
fn render_panel(app: &App, area: Rect, buf: &mut Buffer) {
    let Some(p) = app.presentation() else { return };
    let strings = app.strings();
    let theme = app.theme();
    block(app, strings.notes, false, area.width).render(area, buf);
    let inner = layout::text_inner(area);
    let mut doc = Doc::plain(app, inner.width as usize);
    let next = app
        .deck()
        .get(p.slide + 1)
        .map_or(strings.end_of_deck.to_string(), |s| slide_title(app, s));
    doc.text(&format!("{}: {next}", strings.next_up), theme.label());
    doc.blank();
    let timer = timers(app);
    doc.text(&timer, theme.key());
    doc.blank();
    if let Some(notes) = app.deck().get(p.slide).and_then(|s| s.notes.as_ref()) {
        doc.text(notes.get(app.lang()), Style::new());
    }
    crate::ui::render_lines(&doc.finish().lines, inner, buf);
}

/// "03:12", with "16:48 left" or "01:05 over" when the talk has a duration.
fn timers(app: &App) -> String {
    // Whole seconds, so that the time shown and the time left always add up.
    let elapsed = Duration::from_secs(app.elapsed().as_secs());
    let mut out = clock_text(elapsed);
    if let Some(duration) = app.presentation().and_then(|p| p.duration) {
        let strings = app.strings();
        match countdown(duration, elapsed) {
            Countdown::Plenty(left) | Countdown::Closing(left) => {
                out.push_str(&format!("  {} {}", clock_text(left), strings.left))
            }
            Countdown::Over(over) => {
                out.push_str(&format!("  {} {}", clock_text(over), strings.over))
            }
        }
    }
    out
}

fn countdown_style(app: &App) -> Style {
    let theme = app.theme();
    let Some(duration) = app.presentation().and_then(|p| p.duration) else {
        return theme.dim();
    };
    match countdown(duration, Duration::from_secs(app.elapsed().as_secs())) {
        Countdown::Plenty(_) => theme.dim(),
        Countdown::Closing(_) => theme.heading(),
        Countdown::Over(_) => theme.warning(),
    }
}

/// The footer: slide number (or the number being typed), progress, timers.
fn render_footer(app: &App, area: Rect, buf: &mut Buffer) {
    let Some(p) = app.presentation() else { return };
    if area.height == 0 {
        return;
    }
    let theme = app.theme();
    let len = app.deck().len();
    let number = match p.typed.is_empty() {
        true => format!(" {} / {len} ", (p.slide + 1).min(len)),
        false => format!(" → {}_ ", p.typed),
    };
    let timers = format!(" {} ", timers(app));
    let used = text::width(&number) + text::width(&timers);
    let bar_width = (area.width as usize).saturating_sub(used + 2);
    let done = match len {
        0 => 0,
        len => bar_width * (p.slide + 1) / len,
    };
    let (full, empty) = if theme.ascii {
        ("#", "-")
    } else {
        ("━", "─")
    };
    let spans = vec![
        Span::styled(number, theme.key()),
        Span::raw(" "),
        Span::styled(full.repeat(done), theme.label()),
        Span::styled(empty.repeat(bar_width - done), theme.dim()),
        Span::raw(" "),
        Span::styled(timers, countdown_style(app)),
    ];
    Line::from(spans).render(area, buf);
}
