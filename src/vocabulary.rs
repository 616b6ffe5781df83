//! The names every layer shares: the panes, the modes of the screen, the focus of a list pane
//! and a list's position. They sit below everything else so that naming a pane never means
//! importing the state that holds it.

/// The panes of the browser, in tab order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Pane {
    Overview,
    Members,
    Declaration,
    Actions,
}

impl Pane {
    /// Every pane, in tab order.
    pub const ALL: [Pane; 4] = [
        Pane::Overview,
        Pane::Members,
        Pane::Declaration,
        Pane::Actions,
    ];

    /// The position of the pane in the tab bar, from 0.
    pub fn index(self) -> usize {
        self as usize
    }

    /// The pane after this one, wrapping.
    pub fn next(self) -> Pane {
        Pane::ALL[(self.index() + 1) % Pane::ALL.len()]
    }

    /// The pane before this one, wrapping.
    pub fn prev(self) -> Pane {
        Pane::ALL[(self.index() + Pane::ALL.len() - 1) % Pane::ALL.len()]
    }

    /// Whether the pane is a list of items beside a detail view.
    pub fn has_list(self) -> bool {
        self != Pane::Overview
    }
}

/// What the screen is showing on top of the panes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Mode {
    /// Browsing the panes.
    Browse,
    /// The help screen over the panes.
    Help,
    /// Typing a search: the prompt and its results.
    Search,
    /// Presenting the pack as slides.
    Present,
}

/// Which part of a list pane the movement keys act on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    List,
    Detail,
}

/// Where a list pane stands: its selected row, the first row shown and the scroll of the
/// selected item's detail.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ListPosition {
    pub selected: usize,
    pub offset: usize,
    pub detail_scroll: usize,
}
