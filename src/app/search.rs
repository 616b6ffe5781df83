//! Searching: the prompt and its results as the query is typed, and the accepted search,
//! whose occurrences `n`/`N` walk (`occurrences.rs`).

use super::{App, Found, Movement, Note, Occurrence, Place, SearchPrompt};
use crate::action::Action;
use crate::doc::Passage;
use crate::search::Query;
use crate::vocabulary::{Mode, Pane};

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

    /// Enter in the prompt: go to the first occurrence of the selected result and follow
    /// the search. An empty query closes the prompt; one without results stays, and says so.
    pub(super) fn accept_search(&mut self) {
        let Some(prompt) = self.prompt.as_ref() else {
            return;
        };
        if prompt.query.trim().is_empty() {
            self.update_search(Action::CancelSearch);
            return;
        }
        let Some(target) = prompt.hits.get(prompt.selected).map(|hit| hit.target) else {
            self.note = Some(Note::NoResults);
            return;
        };
        let query = Query::new(&prompt.query);
        let text = prompt.query.clone();
        let hits = prompt.hits.clone();
        self.prompt = None;
        self.mode = Mode::Browse;
        let passages = self.count_passages(&query, &hits);
        let passage = Passage::of(target);
        self.found = Some(Found {
            query,
            text,
            hits,
            passages,
            at: Occurrence { passage, nth: 0 },
        });
        // The overview holds many results: the selected one's first occurrence is the first
        // from its own start.
        if passage == Passage::Overview {
            self.pane = Pane::Overview;
            let nth = self
                .text_doc(self.text_width())
                .first_match_from(target)
                .unwrap_or(0);
            if let Some(found) = self.found.as_mut() {
                found.at.nth = nth;
            }
        }
        self.show_occurrence();
    }

    /// Runs the searches again (the one being typed and the accepted one) after the content
    /// or the language changed, each keeping the result, or the occurrence, it was on where
    /// it still exists.
    pub(super) fn rerun_searches(&mut self) {
        if let Some(prompt) = self.prompt.as_mut() {
            let hits = self.pack.search(&Query::new(&prompt.query), self.lang);
            let target = prompt.hits.get(prompt.selected).map(|h| h.target);
            prompt.selected = target
                .and_then(|t| hits.iter().position(|h| h.target == t))
                .unwrap_or(0);
            prompt.hits = hits;
            prompt.edited = false;
        }
        let Some(found) = self.found.as_ref() else {
            return;
        };
        let hits = self.pack.search(&found.query, self.lang);
        let passages = self.count_passages(&found.query, &hits);
        let kept = passages.iter().find(|(p, _)| *p == found.at.passage);
        let at = match (kept, hits.first()) {
            (Some(&(passage, count)), _) => Occurrence {
                passage,
                nth: count.map_or(found.at.nth, |count| {
                    found.at.nth.min(count.saturating_sub(1))
                }),
            },
            (None, Some(first)) => Occurrence {
                passage: Passage::of(first.target),
                nth: 0,
            },
            (None, None) => found.at,
        };
        if let Some(found) = self.found.as_mut() {
            found.hits = hits;
            found.passages = passages;
            found.at = at;
        }
    }
}
