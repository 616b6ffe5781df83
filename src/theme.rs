//! Colours and glyphs, in one place. Every style the interface uses is named here, for a
//! terminal with colours and for one without, where the selection and the focus must still
//! show (reverse video, bold, underline).

use ratatui::style::{Color, Modifier, Style};
use ratatui::symbols::border;

/// Characters that depend on whether the terminal can show Unicode.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Glyphs {
    pub border: border::Set<'static>,
    pub bullet: &'static str,
    pub selected: &'static str,
    pub separator: &'static str,
    pub ellipsis: &'static str,
}

const UNICODE: Glyphs = Glyphs {
    border: border::ROUNDED,
    bullet: "•",
    selected: "›",
    separator: "·",
    ellipsis: "…",
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
};

/// How the interface looks on one terminal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    pub color: bool,
    pub ascii: bool,
}

const ACCENT: Color = Color::Cyan;
const BAR_BG: Color = Color::Blue;
const BAR_FG: Color = Color::White;
const HEADING: Color = Color::Yellow;
const DIM: Color = Color::DarkGray;

impl Theme {
    pub fn new(color: bool, ascii: bool) -> Theme {
        Theme { color, ascii }
    }

    pub fn glyphs(&self) -> &'static Glyphs {
        if self.ascii { &ASCII } else { &UNICODE }
    }

    fn pick(&self, colored: Style, plain: Style) -> Style {
        if self.color { colored } else { plain }
    }

    /// The title bar along the top.
    pub fn title_bar(&self) -> Style {
        self.pick(
            Style::new()
                .fg(BAR_FG)
                .bg(BAR_BG)
                .add_modifier(Modifier::BOLD),
            Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD),
        )
    }

    /// A tab in the tab bar.
    pub fn tab(&self, selected: bool) -> Style {
        match selected {
            true => self.pick(
                Style::new()
                    .fg(Color::Black)
                    .bg(ACCENT)
                    .add_modifier(Modifier::BOLD),
                Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD),
            ),
            false => Style::new(),
        }
    }

    /// The border of a block; the focused block stands out.
    pub fn border(&self, focused: bool) -> Style {
        match focused {
            true => self.pick(
                Style::new().fg(ACCENT),
                Style::new().add_modifier(Modifier::BOLD),
            ),
            false => self.pick(Style::new().fg(DIM), Style::new()),
        }
    }

    /// A row of a list: the selected one is highlighted, strongly where the focus is.
    pub fn row(&self, selected: bool, focused: bool) -> Style {
        match (selected, focused) {
            (true, true) => self.pick(
                Style::new()
                    .fg(BAR_FG)
                    .bg(BAR_BG)
                    .add_modifier(Modifier::BOLD),
                Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD),
            ),
            (true, false) => self.pick(
                Style::new().fg(ACCENT).add_modifier(Modifier::BOLD),
                Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
            ),
            (false, _) => Style::new(),
        }
    }

    /// The title of a section or item.
    pub fn heading(&self) -> Style {
        self.pick(
            Style::new().fg(HEADING).add_modifier(Modifier::BOLD),
            Style::new().add_modifier(Modifier::BOLD),
        )
    }

    /// A field name in a detail view.
    pub fn label(&self) -> Style {
        self.pick(
            Style::new().fg(ACCENT),
            Style::new().add_modifier(Modifier::BOLD),
        )
    }

    /// Secondary text: sources, introductions, separators.
    pub fn dim(&self) -> Style {
        self.pick(
            Style::new().fg(DIM),
            Style::new().add_modifier(Modifier::DIM),
        )
    }

    /// A key in the footer or the help screen.
    pub fn key(&self) -> Style {
        self.pick(
            Style::new().fg(HEADING).add_modifier(Modifier::BOLD),
            Style::new().add_modifier(Modifier::BOLD),
        )
    }

    /// A word of the current search, where it occurs in the text.
    pub fn mark(&self) -> Style {
        self.pick(
            Style::new()
                .fg(Color::Black)
                .bg(HEADING)
                .add_modifier(Modifier::BOLD),
            Style::new().add_modifier(Modifier::REVERSED),
        )
    }

    /// A warning such as "terminal too small".
    pub fn warning(&self) -> Style {
        self.pick(
            Style::new().fg(Color::Red).add_modifier(Modifier::BOLD),
            Style::new().add_modifier(Modifier::BOLD | Modifier::REVERSED),
        )
    }
}
