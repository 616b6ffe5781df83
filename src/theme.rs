//! Colours and glyphs, in one place. Every style the interface uses is named here, for a
//! terminal with colours and for one without, where the selection and the focus must still
//! show (reverse video, bold, underline).

use std::borrow::Cow;

use ratatui::style::{Color, Modifier, Style};
use ratatui::symbols::border;

use crate::capability::{Capabilities, ColorLevel, Dots};
use crate::text;

/// Characters that depend on whether the terminal can show Unicode.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Glyphs {
    pub border: border::Set<'static>,
    pub bullet: &'static str,
    pub selected: &'static str,
    pub separator: &'static str,
    pub ellipsis: &'static str,
    /// A place on the map, and the selected place (a different shape, not only a colour).
    pub point: &'static str,
    pub point_selected: &'static str,
    /// A bar of a chart, and the part of it that came before (the total before a year).
    pub bar: &'static str,
    pub bar_before: &'static str,
    /// A timeline: its line, a mark on it, and the dash of a range of years.
    pub line: &'static str,
    pub line_mark: &'static str,
    pub range: &'static str,
    /// The presentation's progress bar: the part done, and the part to come.
    pub progress_done: &'static str,
    pub progress_left: &'static str,
    /// The ends of a rule across a block, joining its left and right borders.
    pub rule_ends: (&'static str, &'static str),
}

const UNICODE: Glyphs = Glyphs {
    border: border::ROUNDED,
    bullet: "•",
    selected: "›",
    separator: "·",
    ellipsis: "…",
    point: "•",
    point_selected: "◆",
    bar: "█",
    bar_before: "░",
    line: "─",
    line_mark: "┼",
    range: "–",
    progress_done: "━",
    progress_left: "─",
    rule_ends: ("├", "┤"),
};

/// What the Linux console's font has (its code page 437 glyphs): square corners and light
/// lines, no heavy bars, no rounded corners, no `›`, `…`, `◆` or `–`.
const CONSOLE: Glyphs = Glyphs {
    border: border::PLAIN,
    bullet: "•",
    selected: ">",
    separator: "·",
    ellipsis: "...",
    point: "•",
    point_selected: "♦",
    bar: "█",
    bar_before: "░",
    line: "─",
    line_mark: "┼",
    range: "-",
    progress_done: "█",
    progress_left: "░",
    rule_ends: ("├", "┤"),
};

const ASCII: Glyphs = Glyphs {
    border: border::Set {
        top_left: "+",
        top_right: "+",
        bottom_left: "+",
        bottom_right: "+",
        vertical_left: "|",
        vertical_right: "|",
        horizontal_top: "-",
        horizontal_bottom: "-",
    },
    bullet: "*",
    selected: ">",
    separator: "|",
    ellipsis: "...",
    point: "o",
    point_selected: "@",
    bar: "#",
    bar_before: "=",
    line: "-",
    line_mark: "+",
    range: "-",
    progress_done: "#",
    progress_left: "-",
    rule_ends: ("+", "+"),
};

/// The colours of one colour level.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Palette {
    accent: Color,
    bar_bg: Color,
    bar_fg: Color,
    heading: Color,
    dim: Color,
    on_accent: Color,
    warning: Color,
}

/// The 16 ANSI colours, which every colour terminal has (and whose exact shades the user's
/// terminal theme decides).
const BASIC: Palette = Palette {
    accent: Color::Cyan,
    bar_bg: Color::Blue,
    bar_fg: Color::White,
    heading: Color::Yellow,
    dim: Color::DarkGray,
    on_accent: Color::Black,
    warning: Color::Red,
};

/// The same roles in the 256-colour palette, steadier across terminal themes.
const INDEXED: Palette = Palette {
    accent: Color::Indexed(37),
    bar_bg: Color::Indexed(24),
    bar_fg: Color::Indexed(255),
    heading: Color::Indexed(214),
    dim: Color::Indexed(244),
    on_accent: Color::Indexed(16),
    warning: Color::Indexed(196),
};

/// The same roles in 24-bit colour.
const RGB: Palette = Palette {
    accent: Color::Rgb(0x2a, 0xa1, 0x98),
    bar_bg: Color::Rgb(0x1f, 0x3a, 0x5f),
    bar_fg: Color::Rgb(0xf5, 0xf5, 0xf0),
    heading: Color::Rgb(0xe8, 0xa8, 0x38),
    dim: Color::Rgb(0x8a, 0x8a, 0x8a),
    on_accent: Color::Rgb(0x10, 0x10, 0x10),
    warning: Color::Rgb(0xe0, 0x40, 0x40),
};

/// Colours a configuration can set; unset ones keep the theme's.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Colors {
    pub accent: Option<Color>,
    pub bar: Option<Color>,
    pub bar_text: Option<Color>,
    pub heading: Option<Color>,
    pub dim: Option<Color>,
    pub warning: Option<Color>,
}

/// How the interface looks on one terminal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    pub level: ColorLevel,
    pub ascii: bool,
    /// What the map is drawn with; ASCII whenever the glyphs are.
    pub dots: Dots,
    palette: Palette,
}

impl Theme {
    /// A theme with braille dots, or ASCII ones with ASCII glyphs.
    pub fn new(level: ColorLevel, ascii: bool) -> Theme {
        let palette = match level {
            ColorLevel::TrueColor => RGB,
            ColorLevel::Ansi256 => INDEXED,
            ColorLevel::Basic16 | ColorLevel::None => BASIC,
        };
        Theme {
            level,
            ascii,
            dots: if ascii { Dots::Ascii } else { Dots::Braille },
            palette,
        }
    }

    /// The theme for what was detected of the terminal.
    pub fn for_terminal(capabilities: &Capabilities) -> Theme {
        Theme::new(capabilities.color, capabilities.ascii).with_dots(capabilities.dots)
    }

    /// The theme with other dots. ASCII glyphs keep ASCII dots: a drawing must not be the one
    /// thing on the screen that the terminal cannot show.
    pub fn with_dots(mut self, dots: Dots) -> Theme {
        self.dots = if self.ascii { Dots::Ascii } else { dots };
        self
    }

    /// The theme with some of its colours replaced (from the configuration). Without colour
    /// it changes nothing.
    pub fn with_colors(mut self, colors: &Colors) -> Theme {
        let p = &mut self.palette;
        for (slot, color) in [
            (&mut p.accent, colors.accent),
            (&mut p.bar_bg, colors.bar),
            (&mut p.bar_fg, colors.bar_text),
            (&mut p.heading, colors.heading),
            (&mut p.dim, colors.dim),
            (&mut p.warning, colors.warning),
        ] {
            if let Some(color) = color {
                *slot = color;
            }
        }
        self
    }

    /// `text` as this theme can show it: transliterated to ASCII where the glyphs are ASCII
    /// (for what does not come from the content or the interface's words, which are ASCII
    /// already there: a typed query, a problem's message).
    pub fn shown<'a>(&self, text: &'a str) -> Cow<'a, str> {
        match self.ascii {
            true => text::to_ascii(text),
            false => Cow::Borrowed(text),
        }
    }

    /// `text` cut to `max_width` columns, with this theme's ellipsis where it is cut.
    pub fn truncate(&self, text: &str, max_width: usize) -> String {
        text::truncate_with(text, max_width, self.glyphs().ellipsis)
    }

    /// `text` padded or cut to exactly `columns` columns, with this theme's ellipsis where it
    /// is cut.
    pub fn fit(&self, text: &str, columns: usize) -> String {
        text::fit_with(text, columns, self.glyphs().ellipsis)
    }

    /// Whether any colour is shown.
    pub fn has_color(&self) -> bool {
        self.level != ColorLevel::None
    }

    /// The glyphs the terminal can show: ASCII, the Linux console's (where braille is not
    /// in the font, the dots are half blocks), or Unicode's.
    pub fn glyphs(&self) -> &'static Glyphs {
        match (self.ascii, self.dots) {
            (true, _) => &ASCII,
            (false, Dots::HalfBlock) => &CONSOLE,
            (false, _) => &UNICODE,
        }
    }

    fn pick(&self, colored: Style, plain: Style) -> Style {
        if self.has_color() { colored } else { plain }
    }

    /// The title bar along the top.
    pub fn title_bar(&self) -> Style {
        let p = self.palette;
        self.pick(
            Style::new()
                .fg(p.bar_fg)
                .bg(p.bar_bg)
                .add_modifier(Modifier::BOLD),
            Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD),
        )
    }

    /// A tab in the tab bar.
    pub fn tab(&self, selected: bool) -> Style {
        let p = self.palette;
        match selected {
            true => self.pick(
                Style::new()
                    .fg(p.on_accent)
                    .bg(p.accent)
                    .add_modifier(Modifier::BOLD),
                Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD),
            ),
            false => Style::new(),
        }
    }

    /// The border of a block; the focused block stands out.
    pub fn border(&self, focused: bool) -> Style {
        let p = self.palette;
        match focused {
            true => self.pick(
                Style::new().fg(p.accent),
                Style::new().add_modifier(Modifier::BOLD),
            ),
            false => self.pick(Style::new().fg(p.dim), Style::new()),
        }
    }

    /// A row of a list: the selected one is highlighted, strongly where the focus is.
    pub fn row(&self, selected: bool, focused: bool) -> Style {
        let p = self.palette;
        match (selected, focused) {
            (true, true) => self.pick(
                Style::new()
                    .fg(p.bar_fg)
                    .bg(p.bar_bg)
                    .add_modifier(Modifier::BOLD),
                Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD),
            ),
            (true, false) => self.pick(
                Style::new().fg(p.accent).add_modifier(Modifier::BOLD),
                Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
            ),
            (false, _) => Style::new(),
        }
    }

    /// The title of a section or item.
    pub fn heading(&self) -> Style {
        let p = self.palette;
        self.pick(
            Style::new().fg(p.heading).add_modifier(Modifier::BOLD),
            Style::new().add_modifier(Modifier::BOLD),
        )
    }

    /// A field name in a detail view.
    pub fn label(&self) -> Style {
        let p = self.palette;
        self.pick(
            Style::new().fg(p.accent),
            Style::new().add_modifier(Modifier::BOLD),
        )
    }

    /// Secondary text: sources, introductions, separators.
    pub fn dim(&self) -> Style {
        let p = self.palette;
        self.pick(
            Style::new().fg(p.dim),
            Style::new().add_modifier(Modifier::DIM),
        )
    }

    /// A key in the footer or the help screen.
    pub fn key(&self) -> Style {
        let p = self.palette;
        self.pick(
            Style::new().fg(p.heading).add_modifier(Modifier::BOLD),
            Style::new().add_modifier(Modifier::BOLD),
        )
    }

    /// A word of the current search, where it occurs in the text.
    pub fn mark(&self) -> Style {
        let p = self.palette;
        self.pick(
            Style::new()
                .fg(p.on_accent)
                .bg(p.heading)
                .add_modifier(Modifier::BOLD),
            Style::new().add_modifier(Modifier::REVERSED),
        )
    }

    /// The occurrence of the current search that `n`/`N` stand on: another colour than the
    /// other marks, and underlined, so that without colour (where every mark is reversed) it
    /// still stands apart.
    pub fn current_mark(&self) -> Style {
        let p = self.palette;
        self.pick(
            Style::new()
                .fg(p.on_accent)
                .bg(p.accent)
                .add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
            Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD | Modifier::UNDERLINED),
        )
    }

    /// A search's match inside text drawn in `around`: the usual mark, except without colour
    /// inside a reversed row (the selected one), where reversing again would hide it: there
    /// it is the row's text the other way round, underlined.
    pub fn mark_in(&self, around: Style) -> Style {
        if self.has_color() || !around.add_modifier.contains(Modifier::REVERSED) {
            return self.mark();
        }
        Style::new()
            .remove_modifier(Modifier::REVERSED)
            .add_modifier(Modifier::UNDERLINED | Modifier::BOLD)
    }

    /// The land of the map: faint, so that the places on it stand out.
    pub fn map_land(&self) -> Style {
        self.dim()
    }

    /// A place on the map; the selected one in reverse video without colour, so that it
    /// shows by more than its shape.
    pub fn map_point(&self, selected: bool) -> Style {
        let p = self.palette;
        match selected {
            true => self.pick(
                Style::new()
                    .fg(p.on_accent)
                    .bg(p.heading)
                    .add_modifier(Modifier::BOLD),
                Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD),
            ),
            false => self.pick(
                Style::new().fg(p.accent).add_modifier(Modifier::BOLD),
                Style::new().add_modifier(Modifier::BOLD),
            ),
        }
    }

    /// A bar of a chart, or the mark of a timeline; `before` for the part of a bar that came
    /// before (the total before a year), which is fainter.
    pub fn chart_bar(&self, before: bool) -> Style {
        let p = self.palette;
        match before {
            true => self.dim(),
            false => self.pick(Style::new().fg(p.accent), Style::new()),
        }
    }

    /// A warning such as "terminal too small".
    pub fn warning(&self) -> Style {
        let p = self.palette;
        self.pick(
            Style::new().fg(p.warning).add_modifier(Modifier::BOLD),
            Style::new().add_modifier(Modifier::BOLD | Modifier::REVERSED),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::capability::{ColorChoice, detect};

    #[test]
    fn the_terminal_s_dots_reach_the_theme() {
        let linux = |name: &str| match name {
            "TERM" => Some("linux".to_string()),
            "LANG" => Some("C.UTF-8".to_string()),
            _ => None,
        };
        let theme = Theme::for_terminal(&detect(&linux, ColorChoice::Auto, false));
        assert_eq!(theme.dots, Dots::HalfBlock);
        let ascii = Theme::for_terminal(&detect(&linux, ColorChoice::Auto, true));
        assert_eq!(ascii.dots, Dots::Ascii);
    }

    #[test]
    fn ascii_glyphs_keep_ascii_dots() {
        assert_eq!(Theme::new(ColorLevel::None, false).dots, Dots::Braille);
        assert_eq!(Theme::new(ColorLevel::None, true).dots, Dots::Ascii);
        let ascii = Theme::new(ColorLevel::Basic16, true).with_dots(Dots::Braille);
        assert_eq!(ascii.dots, Dots::Ascii);
        let unicode = Theme::new(ColorLevel::Basic16, false).with_dots(Dots::HalfBlock);
        assert_eq!(unicode.dots, Dots::HalfBlock);
    }

    #[test]
    fn ascii_glyphs_are_ascii() {
        let g = &ASCII;
        for glyph in [
            g.bullet,
            g.selected,
            g.separator,
            g.ellipsis,
            g.point,
            g.point_selected,
            g.bar,
            g.bar_before,
            g.line,
            g.line_mark,
            g.range,
        ] {
            assert!(glyph.is_ascii(), "{glyph:?}");
        }
        assert_ne!(g.point, g.point_selected);
        assert_ne!(UNICODE.point, UNICODE.point_selected);
    }
}
