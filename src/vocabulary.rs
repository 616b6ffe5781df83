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

    /// The pane's name in commands, links and JSON, whatever the language shown.
    pub fn name(self) -> &'static str {
        match self {
            Pane::Overview => "overview",
            Pane::Members => "members",
            Pane::Declaration => "declaration",
            Pane::Actions => "actions",
        }
    }

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

    /// Whether the pane's list is a table, with columns and their names above them.
    pub fn is_table(self) -> bool {
        self == Pane::Members
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
    /// Typing a filter over the member table, which narrows with every key.
    Filter,
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

/// The order of the member table's rows. Ties keep the order of the source.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub enum MemberOrder {
    /// As the pack lists them.
    #[default]
    Source,
    /// By name in the language shown, ignoring case and diacritics.
    Name,
    /// By year of joining.
    Joined,
    /// By the name of the region in the language shown.
    Region,
}

impl MemberOrder {
    /// The order after this one, as `s` cycles them.
    pub fn next(self) -> MemberOrder {
        match self {
            MemberOrder::Source => MemberOrder::Name,
            MemberOrder::Name => MemberOrder::Joined,
            MemberOrder::Joined => MemberOrder::Region,
            MemberOrder::Region => MemberOrder::Source,
        }
    }
}
