//! Searching: the prompt and its results as the query is typed, the accepted search that
//! `n`/`N` walk, and the jump to a result.

use super::{App, Found, Movement, Note, Place, SearchPrompt};
use crate::action::Action;
use crate::search::{Hit, Query, Target};
use crate::vocabulary::{Focus, Mode};

impl App {
    pub(super) fn place(&self) -> Place {
        Place {
            pane: self.pane,
            focus: self.focus,
            overview_scroll: self.overview_scroll,
            lists: self.lists,
        }
    }

    pub(super) fn go_to_place(&mut self, place: Place) {
        self.pane = place.pane;
        self.focus = place.focus;
        self.overview_scroll = place.overview_scroll;
        self.lists = place.lists;
    }

    pub(super) fn open_search(&mut self) {
        self.mode = Mode::Search;
        self.prompt = Some(SearchPrompt {
            query: String::new(),
            hits: Vec::new(),
            selected: 0,
            offset: 0,
            origin: self.place(),
            edited: false,
        });
    }

    /// An action while a search is being typed.
    pub(super) fn update_search(&mut self, action: Action) {
        let Some(prompt) = self.prompt.as_mut() else {
            self.mode = Mode::Browse;
            return;
        };
        match action {
            // A full query takes no more: the prompt says so, and nothing is searched again.
            Action::InsertChar(_) if prompt.is_full() => {}
            // An edit is searched once the action, or the batch of actions, is carried out.
            Action::InsertChar(c) => {
                prompt.query.push(c);
                prompt.edited = true;
            }
            Action::DeleteChar => {
                prompt.query.pop();
                prompt.edited = true;
            }
            Action::ClearQuery => {
                prompt.query.clear();
                prompt.edited = true;
            }
            Action::CancelSearch => {
                let origin = prompt.origin;
                self.prompt = None;
                self.mode = Mode::Browse;
                self.go_to_place(origin);
            }
            Action::SelectResult(index) => {
                if index < prompt.hits.len() {
                    prompt.selected = index;
                    self.accept_search();
                }
            }
            Action::AcceptSearch => self.accept_search(),
            Action::Scroll(_, lines) => self.move_result(Movement::By(lines.into())),
            other => {
                if let Some(movement) = Self::movement(other) {
                    self.move_result(movement);
                }
            }
        }
    }

    /// Whether `action` would change nothing at all: a character typed into a full query,
    /// once the footer's remarks are gone (any key clears them). Past the query's limit, a
    /// long paste that arrives as keys is read, not carried out: every action costs a few
    /// microseconds of measuring the screen, and 64 KB of keys carried out took 0.3 s.
    pub(super) fn changes_nothing(&self, action: Action) -> bool {
        matches!(action, Action::InsertChar(_))
            && self.mode == Mode::Search
            && self.note.is_none()
            && self.notice.is_none()
            && self.prompt.as_ref().is_some_and(SearchPrompt::is_full)
    }

    /// Searches the prompt's query if it was edited since its last search, from the first
    /// result.
    pub(super) fn search_edited_query(&mut self) {
        let Some(prompt) = self.prompt.as_mut().filter(|prompt| prompt.edited) else {
            return;
        };
        prompt.hits = self.pack.search(&Query::new(&prompt.query), self.lang);
        prompt.selected = 0;
        prompt.offset = 0;
        prompt.edited = false;
        self.clamp_all();
    }

    pub(super) fn move_result(&mut self, movement: Movement) {
        let page = self.visible_results().max(1);
        if let Some(prompt) = self.prompt.as_mut() {
            prompt.selected = Self::moved(prompt.selected, movement, page, prompt.hits.len());
        }
    }

    /// Enter in the prompt: go to the selected result and follow the search. An empty query
    /// closes the prompt; one without results stays, and says so.
    pub(super) fn accept_search(&mut self) {
        let Some(prompt) = self.prompt.as_ref() else {
            return;
        };
        if prompt.query.trim().is_empty() {
            self.update_search(Action::CancelSearch);
            return;
        }
        if prompt.hits.is_empty() {
            self.note = Some(Note::NoResults);
            return;
        }
        let found = Found {
            query: Query::new(&prompt.query),
            text: prompt.query.clone(),
            hits: prompt.hits.clone(),
            current: prompt.selected,
        };
        self.prompt = None;
        self.mode = Mode::Browse;
        let hit = found.hits[found.current];
        self.found = Some(found);
        self.jump_to(hit.target);
    }

    /// `n` and `N`: the next or previous result of the accepted search, starting over past
    /// either end (and saying so).
    pub(super) fn next_match(&mut self, step: isize) {
        let Some(found) = self.found.as_mut().filter(|found| !found.hits.is_empty()) else {
            self.note = Some(Note::NoResults);
            return;
        };
        let len = found.hits.len();
        let next = found.current as isize + step;
        if next < 0 || next >= len as isize {
            self.note = Some(Note::SearchWrapped);
        }
        found.current = next.rem_euclid(len as isize) as usize;
        let target = found.hits[found.current].target;
        self.jump_to(target);
    }

    /// Shows `target`: its pane, its row selected and its detail focused, scrolled to the
    /// first highlight.
    pub(super) fn jump_to(&mut self, target: Target) {
        self.pane = target.pane();
        match (Self::list_index(self.pane), target.row()) {
            (Some(list), Some(item)) => {
                // A result hidden by the member filter is shown: the filter goes.
                if self.row_of(self.pane, item).is_none() {
                    self.clear_member_filter();
                }
                let row = self.row_of(self.pane, item).unwrap_or(0);
                self.select(list, row);
                self.lists[list].detail_scroll = 0;
                self.focus = Focus::Detail;
            }
            _ => self.focus = Focus::List,
        }
        self.clamp_all();
        if matches!(target, Target::Intro(_)) {
            return;
        }
        let width = self.text_width();
        // One line of context above the match.
        let line = self.text_doc(width).line_of_match(target).saturating_sub(1);
        self.scroll_text(Movement::Top);
        self.scroll_text(Movement::By(line as isize));
    }

    /// Runs the searches again (the one being typed and the accepted one) after the content
    /// or the language changed, each keeping the result it was on where it still exists.
    pub(super) fn rerun_searches(&mut self) {
        let keep = |hits: &[Hit], at: usize, new: &[Hit]| {
            let target = hits.get(at).map(|h| h.target);
            target
                .and_then(|t| new.iter().position(|h| h.target == t))
                .unwrap_or(0)
        };
        if let Some(prompt) = self.prompt.as_mut() {
            let hits = self.pack.search(&Query::new(&prompt.query), self.lang);
            prompt.selected = keep(&prompt.hits, prompt.selected, &hits);
            prompt.hits = hits;
            prompt.edited = false;
        }
        if let Some(found) = self.found.as_mut() {
            let hits = self.pack.search(&found.query, self.lang);
            found.current = keep(&found.hits, found.current, &hits);
            found.hits = hits;
        }
    }
}
