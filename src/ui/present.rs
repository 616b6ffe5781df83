//! The presentation: one slide on the whole screen, centred with margins, its title in block
//! letters where the screen is big enough, the members' map or the charts of the conferences
//! and the growth on the slides that show them, a footer with the slide number, a progress bar and
//! the timers; or, in the speaker's view, the slide small beside the next one and the notes.
//! The parts of the screen are `geometry::present_areas`; the slide's text is `doc::slide`.

use std::time::Duration;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

use crate::app::App;
use crate::doc::Doc;
use crate::doc::slide::{self, Figure, TitleLayout};
use crate::geometry;
use crate::letters::Pixels;
use crate::present::{Countdown, clock_text, countdown};
use crate::text;
use crate::ui::big_text::BigText;
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
    if p.slide < app.deck().len() {
        if let Some(frame) = areas.frame {
            let title = format!("{} / {}", p.slide + 1, app.deck().len());
            block(app, &title, true, frame.width).render(frame, buf);
        }
        render_slide(app, p.slide, p.page, areas.slide, buf);
    }
    if let Some(panel) = areas.panel {
        render_panel(app, panel, buf);
    }
    render_footer(app, areas.footer, buf);
}

/// Draws slide `index` of the deck in `area`: its title and the page `page` of its body, set
/// together in the middle (see `doc::slide::compose`), with a "more" marker when pages follow.
fn render_slide(app: &App, index: usize, page: usize, area: Rect, buf: &mut Buffer) {
    let Some(layout) = app.slide_layout_in(index, area, page) else {
        return;
    };
    let theme = app.theme();
    let content = geometry::slide_content(area);
    let title_area = layout.title.intersection(content);
    match layout.title_layout.clone() {
        TitleLayout::Big { lines, pixels } => {
            // Block letters may reach into the slide's side margins (`slide_big_title`).
            let big = geometry::slide_big_title(area);
            BigText::new(&lines, pixels).style(theme.heading()).render(
                Rect::new(big.x, title_area.y, big.width, title_area.height).intersection(big),
                buf,
            );
        }
        TitleLayout::Plain(lines) => {
            let lines: Vec<Line> = lines
                .into_iter()
                .map(|line| Line::styled(line, theme.heading()).centered())
                .collect();
            // Cut to the slide: on a screen of a row or two the title is longer than it.
            Paragraph::new(lines).render(title_area, buf);
        }
    }
    let body = &layout.body;
    if let Some(figure) = body.figure {
        render_figure(app, figure, buf);
    }
    let lines = body.text.lines(layout.lines.clone());
    match layout.centred {
        true => render_lines(lines.map(Line::centered), body.text_area, buf),
        false => render_lines(lines, body.text_area, buf),
    }
    if let Some(row) = layout.more {
        // Never cut silently: the last row says there is more, and where it stands.
        let (up, down) = if theme.ascii {
            ("^", "v")
        } else {
            ("↑", "↓")
        };
        let mut marker = String::from(" ");
        if layout.page > 0 {
            marker.push_str(up);
            marker.push(' ');
        }
        marker.push_str(&format!("{}/{} ", layout.page + 1, layout.pages.len()));
        if layout.page + 1 < layout.pages.len() {
            marker.push_str(&format!("{} {down} ", app.strings().more));
        }
        let width = (text::width(&marker) as u16).min(row.width);
        let x = row.right().saturating_sub(width);
        Line::styled(marker, theme.key()).render(Rect::new(x, row.y, width, 1), buf);
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

/// The speaker's panel: the elapsed time in large digits, the countdown and the time of day,
/// the slide's notes and sources, and the next slide drawn small.
fn render_panel(app: &App, area: Rect, buf: &mut Buffer) {
    let Some(p) = app.presentation() else { return };
    let strings = app.strings();
    let theme = app.theme();
    block(app, strings.notes, false, area.width).render(area, buf);
    let parts = geometry::speaker_panel(geometry::text_inner(area));
    let elapsed = clock_text(Duration::from_secs(app.elapsed().as_secs()));
    // In block digits of the terminal's pixels where they fit the panel's width.
    let pixels = Pixels::for_dots(theme.dots);
    let digits_fit = pixels
        .line_columns(&elapsed)
        .is_some_and(|columns| columns <= parts.clock.width);
    match parts.clock.height >= pixels.letter_rows() && digits_fit {
        true => BigText::new(std::slice::from_ref(&elapsed), pixels)
            .style(theme.heading())
            .render(parts.clock, buf),
        false => Line::styled(elapsed, theme.heading())
            .centered()
            .render(parts.clock, buf),
    }
    let mut timers = vec![];
    if let Some(countdown) = countdown_text(app) {
        timers.push(Span::styled(countdown, countdown_style(app)));
    }
    if let Some((hour, minute)) = app.time_of_day() {
        if !timers.is_empty() {
            timers.push(Span::raw(format!(" {} ", theme.glyphs().separator)));
        }
        timers.push(Span::styled(
            format!("{} {hour:02}:{minute:02}", strings.time_of_day),
            theme.dim(),
        ));
    }
    Line::from(timers).centered().render(parts.timers, buf);

    let cx = app.doc_context();
    let slide = app.deck().get(p.slide);
    let mut doc = Doc::plain(cx, parts.notes.width as usize);
    if let Some(notes) = slide.and_then(|s| s.notes.as_ref()) {
        doc.text(notes.shared(app.lang()), Style::new());
    }
    let sources = slide.map(|s| slide::sources(cx, s)).unwrap_or_default();
    if !sources.is_empty() {
        doc.blank();
        doc.text(strings.sources, theme.label());
        let bullet = format!("{} ", theme.glyphs().bullet);
        for source in sources {
            doc.hanging(source, (&bullet, Style::new()), "  ", theme.dim());
        }
    }
    let next = app.deck().get(p.slide + 1);
    if parts.preview.is_none() {
        let title = next.map_or(strings.end_of_deck.to_string(), |s| slide::title(cx, s));
        doc.blank();
        doc.text(format!("{}: {title}", strings.next_up), theme.label());
    }
    render_lines(
        doc.finish().lines(0..parts.notes.height as usize),
        parts.notes,
        buf,
    );

    if let Some(preview) = parts.preview {
        let heading = match next {
            Some(_) => format!("{} {} / {}", strings.next_up, p.slide + 2, app.deck().len()),
            None => strings.end_of_deck.to_string(),
        };
        block(app, &heading, false, preview.width).render(preview, buf);
        if next.is_some() {
            render_slide(app, p.slide + 1, 0, geometry::inner(preview), buf);
        }
    }
}

/// "16:48 left", "! 01:30 left" in the last two minutes, "01:05 over" past the time: the
/// marker and the words tell them apart without colour too. `None` without a duration.
fn countdown_text(app: &App) -> Option<String> {
    let duration = app.presentation().and_then(|p| p.duration)?;
    let strings = app.strings();
    let elapsed = Duration::from_secs(app.elapsed().as_secs());
    Some(match countdown(duration, elapsed) {
        Countdown::Plenty(left) => format!("{} {}", clock_text(left), strings.left),
        Countdown::Closing(left) => format!("! {} {}", clock_text(left), strings.left),
        Countdown::Over(over) => format!("+{} {}", clock_text(over), strings.over),
    })
}

/// "03:12", with the countdown when the talk has a duration; "12 min" for an audience.
fn timers(app: &App) -> String {
    let shown = app.shown_time();
    let mut out = match app.talk().in_minutes {
        true => format!("{} {}", shown.as_secs() / 60, app.strings().minutes),
        false => clock_text(shown),
    };
    if let Some(countdown) = countdown_text(app) {
        out.push_str("  ");
        out.push_str(&countdown);
    }
    out
}

/// The timers' look: dim while there is time, bold in the last two minutes, reversed when
/// over (in colour: yellow, then red).
fn countdown_style(app: &App) -> Style {
    let theme = app.theme();
    let Some(duration) = app.presentation().and_then(|p| p.duration) else {
        return theme.dim();
    };
    match countdown(duration, Duration::from_secs(app.elapsed().as_secs())) {
        Countdown::Plenty(_) => theme.dim(),
        Countdown::Closing(_) => theme.heading(),
        Countdown::Over(_) => theme.warning().add_modifier(Modifier::REVERSED),
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
        false => format!(" {} {}_ ", if theme.ascii { "->" } else { "→" }, p.typed),
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
            Span::styled(theme.fit(&theme.shown(warning), bar_width), theme.warning()),
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
    let (full, empty) = (theme.glyphs().progress_done, theme.glyphs().progress_left);
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
