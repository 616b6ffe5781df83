//! The presentation: one slide on the whole screen, centred with margins, its title in block
//! letters where the screen is big enough, the members' map or the charts of the conferences
//! and the growth on the slides that show them, a footer with the slide number, a progress bar and
//! the timers; or, in the speaker's view, the slide small beside the next one and the notes.
//! The parts of the screen are `geometry::present_areas`; the slide's text is `doc::slide`.

use std::time::Duration;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};
use tui_big_text::{BigText, PixelSize};

use crate::app::App;
use crate::content::Slide;
use crate::doc::Doc;
use crate::doc::slide::{self, Figure, TitleLayout};
use crate::geometry;
use crate::present::{Countdown, clock_text, countdown};
use crate::text;
use crate::ui::chart::{Growth, GrowthRow, Timeline};
use crate::ui::map::{Place, WorldMap};
use crate::ui::{block, render_lines};

/// Draws the presentation on the whole screen.
pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let Some(p) = app.presentation() else { return };
    if p.blank || area.width == 0 || area.height == 0 {
        return;
    }
    let areas = app.present_areas();
    if let Some(slide) = app.deck().get(p.slide) {
        if let Some(frame) = areas.frame {
            let title = format!("{} / {}", p.slide + 1, app.deck().len());
            block(app, &title, true, frame.width).render(frame, buf);
        }
        render_slide(app, slide, p.scroll, areas.slide, buf);
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
    let content = geometry::slide_content(area);
    let title = app.title_layout(slide, content);
    let title_height = title.rows();
    match title {
        TitleLayout::Big(lines) => {
            let big = BigText::builder()
                .pixel_size(PixelSize::Quadrant)
                .style(theme.heading())
                .lines(lines.into_iter().map(Line::from).collect::<Vec<_>>())
                .centered()
                .build();
            big.render(
                Rect::new(content.x, content.y, content.width, title_height - 1)
                    .intersection(content),
                buf,
            );
        }
        TitleLayout::Plain(lines) => {
            let lines: Vec<Line> = lines
                .into_iter()
                .map(|line| Line::styled(line, theme.heading()).centered())
                .collect();
            // Cut to the slide: on a screen of a row or two the title is longer than it.
            Paragraph::new(lines).render(
                Rect::new(
                    content.x,
                    content.y,
                    content.width,
                    title_height.saturating_sub(1),
                )
                .intersection(content),
                buf,
            );
        }
    }
    let body = app.slide_body(slide);
    if let Some(figure) = body.figure {
        render_figure(app, figure, buf);
    }
    let body_area = body.text_area;
    let total = body.text.len();
    let rows = match total > body_area.height as usize {
        // The last row is the marker's, so that it never hides a line.
        true => (body_area.height as usize).saturating_sub(1),
        false => body_area.height as usize,
    };
    render_lines(body.text.lines(scroll..scroll + rows), body_area, buf);
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

/// A slide's figure: every member on the world map, or the conferences along a line and the
/// members joining year by year.
fn render_figure(app: &App, figure: Figure, buf: &mut Buffer) {
    let theme = *app.theme();
    let lang = app.lang();
    match figure {
        Figure::Map(area) => {
            let places: Vec<Place> = app
                .content()
                .members
                .members
                .iter()
                .filter_map(|member| {
                    let location = member.location?;
                    Some(Place {
                        latitude: location.latitude,
                        longitude: location.longitude,
                        label: member.name.get(lang),
                    })
                })
                .collect();
            WorldMap::new(&places, theme)
                .too_small(app.strings().map_too_small)
                .render(area, buf);
        }
        Figure::Charts { timeline, growth } => {
            let marks = slide::timeline_marks(app.doc_context());
            Timeline::new(&marks, theme).render(timeline, buf);
            let rows: Vec<GrowthRow> = app
                .growth()
                .iter()
                .map(|g| GrowthRow::from((g.year, g.joined, g.total)))
                .collect();
            Growth::new(&rows, theme).render(growth, buf);
        }
    }
}

/// The speaker's panel: the next slide's title, the notes, the timers.
fn render_panel(app: &App, area: Rect, buf: &mut Buffer) {
    let Some(p) = app.presentation() else { return };
    let strings = app.strings();
    let theme = app.theme();
    block(app, strings.notes, false, area.width).render(area, buf);
    let inner = geometry::text_inner(area);
    let cx = app.doc_context();
    let mut doc = Doc::plain(cx, inner.width as usize);
    let next = app
        .deck()
        .get(p.slide + 1)
        .map_or(strings.end_of_deck.to_string(), |s| slide::title(cx, s));
    doc.text(format!("{}: {next}", strings.next_up), theme.label());
    doc.blank();
    let timer = timers(app);
    doc.text(timer, theme.key());
    doc.blank();
    if let Some(notes) = app.deck().get(p.slide).and_then(|s| s.notes.as_ref()) {
        doc.text(notes.shared(app.lang()), Style::new());
    }
    render_lines(doc.finish().lines(0..inner.height as usize), inner, buf);
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

/// The footer: slide number (or the number being typed), progress, timers. A notice, the
/// speaker an audience follows being away, or the paired terminal gone is said in place of
/// the progress.
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
    // A notice (until the first key), the speaker an audience follows being away, or the
    // paired terminal gone is said in place of the progress.
    let warning = app
        .notice()
        .or(p.speaker_away.then_some(app.strings().speaker_away))
        .or(p.pair_ended.then_some(app.strings().pair_ended));
    if let Some(warning) = warning {
        let spans = vec![
            Span::styled(number, theme.key()),
            Span::raw(" "),
            Span::styled(text::fit(warning, bar_width), theme.warning()),
            Span::raw(" "),
            Span::styled(timers, countdown_style(app)),
        ];
        Line::from(spans).render(area, buf);
        return;
    }
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
