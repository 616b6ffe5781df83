//! Browsing: moving between panes, through a list and through a text, the help's scroll and
//! the language.

use super::{App, Movement};
use crate::action::{Action, ScrollTarget};
use crate::search::Target;
use crate::vocabulary::{Focus, Pane};

impl App {
    /// An action while browsing the panes.
    pub(super) fn update_browse(&mut self, action: Action) {
        match action {
            Action::StartPresenting => {
                let row = self.list_position(self.pane).map_or(0, |p| p.selected);
                let item = self.item_at(self.pane, row);
                self.present_from(crate::present::slide_for(&self.deck, self.pane, item));
            }
            Action::OpenSearch => self.open_search(),
            Action::CycleOrder if self.pane == Pane::Members => self.cycle_order(),
            Action::OpenFilter if self.pane == Pane::Members => self.open_filter(),
            Action::ToggleMap if self.pane == Pane::Members => {
                self.members.map_shown = !self.members.map_shown;
                self.focus = Focus::List;
            }
            // Enter on the map brings the detail back.
            Action::FocusDetail if self.pane == Pane::Members && self.members.map_shown => {
                self.members.map_shown = false
            }
            Action::NextMatch => self.next_match(1),
            Action::PrevMatch => self.next_match(-1),
            Action::NextPane => self.show(self.pane.next()),
            Action::PrevPane => self.show(self.pane.prev()),
            Action::ShowPane(pane) => self.show(pane),
            Action::FocusDetail if self.pane.has_list() && self.list_len(self.pane) > 0 => {
                self.focus = Focus::Detail
            }
            Action::FocusDetail => {}
            Action::FocusList => self.focus = Focus::List,
            Action::Back if self.focus == Focus::Detail => self.focus = Focus::List,
            Action::Back => self.found = None,
            Action::SwitchLanguage => self.switch_language(),
            Action::CopyCitation => self.copy_citation(),
            Action::NextSection => self.step_section(true),
            Action::PrevSection => self.step_section(false),
            Action::SelectRow(row) => {
                if let Some(i) = Self::list_index(self.pane) {
                    let last = self.list_len(self.pane).saturating_sub(1);
                    self.focus = Focus::List;
                    self.select(i, row.min(last));
                }
            }
            Action::Scroll(ScrollTarget::List, lines) => {
                if let Some(i) = Self::list_index(self.pane) {
                    let selected = self.lists[i].selected;
                    let moved = Self::moved(
                        selected,
                        Movement::By(lines.into()),
                        1,
                        self.list_len(self.pane),
                    );
                    self.select(i, moved);
                }
            }
            Action::Scroll(ScrollTarget::Text, lines) => {
                self.scroll_text(Movement::By(lines.into()))
            }
            Action::MoveDown
            | Action::MoveUp
            | Action::PageDown
            | Action::PageUp
            | Action::MoveToTop
            | Action::MoveToBottom => {
                if let Some(movement) = Self::movement(action) {
                    self.navigate(movement);
                }
            }
            // Actions of the search and of the presentation ask for nothing elsewhere, and
            // `update` has carried out those of every mode.
            Action::Quit
            | Action::Resize { .. }
            | Action::Tick(_)
            | Action::TimerFrom(_)
            | Action::TimeOfDay { .. }
            | Action::OpenHelp
            | Action::CloseHelp
            | Action::Scroll(ScrollTarget::Help, _)
            | Action::InsertChar(_)
            | Action::DeleteChar
            | Action::ClearQuery
            | Action::AcceptSearch
            | Action::CancelSearch
            | Action::SelectResult(_)
            | Action::CycleOrder
            | Action::ToggleMap
            | Action::OpenFilter
            | Action::AcceptFilter
            | Action::CancelFilter
            | Action::StopPresenting
            | Action::NextSlide
            | Action::PrevSlide
            | Action::FirstSlide
            | Action::LastSlide
            | Action::TypeDigit(_)
            | Action::GoToTypedSlide
            | Action::BlankScreen
            | Action::ResetTimer
            | Action::Follow { .. }
            | Action::PairEnded => {}
        }
    }

    /// Opens on `target` (a deep link): its pane; an item selected, its detail in view; a
    /// section or a conference of the overview at the top of the text.
    pub(super) fn open_on(&mut self, target: Target) {
        self.pane = target.pane();
        self.focus = Focus::List;
        if let (Some(list), Some(item)) = (Self::list_index(self.pane), target.row()) {
            let row = self.row_of(self.pane, item).unwrap_or(0);
            self.select(list, row);
            self.focus = Focus::Detail;
        }
        self.clamp_all();
        if matches!(target, Target::Section(_) | Target::Event(_)) {
            let doc = self.text_doc(self.text_width());
            let anchor = doc.anchors.iter().find(|&&(at, _)| at == target);
            let line = anchor.map_or(0, |&(_, line)| line);
            self.scroll_text(Movement::Top);
            self.scroll_text(Movement::By(line as isize));
        }
    }

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

    /// Scrolls the current text to the heading of the next section (`forward`) or back to
    /// that of the section above its top line; at either end, nothing moves.
    fn step_section(&mut self, forward: bool) {
        let at = self.text_scroll();
        let doc = self.text_doc(self.text_width());
        let mut headings = doc.sections.iter().map(|&(line, _)| line);
        let target = match forward {
            true => headings.find(|&line| line > at),
            false => headings.rev().find(|&line| line < at),
        };
        if let Some(line) = target {
            let to = line.min(self.max_text_scroll());
            self.scroll_text(Movement::By(to as isize - at as isize));
        }
    }

    pub(super) fn scroll_help(&mut self, movement: Movement) {
        let page = self.help_rows().max(1);
        let max = self.max_help_scroll();
        self.help_scroll = Self::moved(self.help_scroll, movement, page, max + 1);
    }

    pub(super) fn switch_language(&mut self) {
        self.lang = self.pack.content.next_lang(self.lang);
        self.column_widths = Default::default();
        // Names and regions sort differently in another language.
        self.rearrange_members(None);
        // Results depend on the language.
        self.rerun_searches();
    }
}
