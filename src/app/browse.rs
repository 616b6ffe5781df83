//! Browsing: moving between panes, through a list and through a text, the help's scroll and
//! the language.

use super::{App, Movement};
use crate::vocabulary::{Focus, Pane};

impl App {
    pub(super) fn show(&mut self, pane: Pane) {
        self.pane = pane;
        self.focus = Focus::List;
    }

    /// Moves the selection or scrolls the text, whichever the focus says.
    pub(super) fn navigate(&mut self, movement: Movement) {
        match (Self::list_index(self.pane), self.focus) {
            (Some(i), Focus::List) => {
                let page = self.list_rows().max(1);
                let selected = Self::moved(
                    self.lists[i].selected,
                    movement,
                    page,
                    self.list_len(self.pane),
                );
                self.select(i, selected);
            }
            _ => self.scroll_text(movement),
        }
    }

    pub(super) fn select(&mut self, list: usize, selected: usize) {
        let position = &mut self.lists[list];
        if position.selected != selected {
            position.selected = selected;
            position.detail_scroll = 0;
        }
    }

    pub(super) fn scroll_text(&mut self, movement: Movement) {
        let page = self.text_rows().max(1);
        let max = self.max_text_scroll();
        match Self::list_index(self.pane) {
            None => {
                self.overview_scroll = Self::moved(self.overview_scroll, movement, page, max + 1)
            }
            Some(i) => {
                self.lists[i].detail_scroll =
                    Self::moved(self.lists[i].detail_scroll, movement, page, max + 1)
            }
        }
    }

    pub(super) fn scroll_help(&mut self, movement: Movement) {
        let page = self.help_rows().max(1);
        let max = self.max_help_scroll();
        self.help_scroll = Self::moved(self.help_scroll, movement, page, max + 1);
    }

    pub(super) fn switch_language(&mut self) {
        self.lang = self.pack.content.next_lang(self.lang);
        self.widest_rows = Default::default();
        // Results depend on the language.
        self.rerun_searches();
    }
}
