//! The occurrences of the accepted search, a stop each for `n`/`N`: in reading order (the
//! overview, then each list pane's introduction and its items as its list shows them, each
//! passage's occurrences in its own order), where the current one is drawn, and the view
//! moved to it.

use super::{App, Movement, Note, Occurrence, SearchPosition};
use crate::doc::{self, Context, Passage, Spot};
use crate::search::{Hit, Query};
use crate::vocabulary::{Focus, Pane};

/// The most passages counted when a search is accepted (a member's detail takes some 40 µs
/// to count, so about 10 ms): past that, each is counted when `n` or `N` first needs it, and
/// the footer counts results rather than occurrences, so that Enter on a query that finds
/// 100k members does not wait seconds.
pub const COUNTED_AT_ONCE: usize = 256;

/// A passage's place in reading order.
type ReadingPlace = (usize, usize);

/// The stops of a passage that holds `count` occurrences (unknown: not counted yet): one
/// each, or one, its start, where it shows none.
fn stops(count: Option<usize>) -> usize {
    count.map_or(1, |count| count.max(1))
}

impl App {
    /// Each passage that holds one of `hits`, once, in the pack's order, with how many
    /// times the words of `query` occur in it: counted now if there are at most
    /// [`COUNTED_AT_ONCE`] passages, later otherwise.
    pub(super) fn count_passages(
        &self,
        query: &Query,
        hits: &[Hit],
    ) -> Vec<(Passage, Option<usize>)> {
        let cx = Context {
            highlight: Some(query),
            ..self.doc_context()
        };
        let mut passages: Vec<Passage> = hits.iter().map(|hit| Passage::of(hit.target)).collect();
        passages.sort_unstable_by_key(|passage| passage.pack_order());
        passages.dedup();
        let count_now = passages.len() <= COUNTED_AT_ONCE;
        passages
            .into_iter()
            .map(|passage| {
                let count = count_now.then(|| doc::passage::occurrences(cx, passage));
                (passage, count)
            })
            .collect()
    }

    /// The stops of `passage` of the accepted search, counting its occurrences now if they
    /// were not.
    fn count_stops(&mut self, passage: Passage) -> usize {
        let Some(found) = self.found.as_ref() else {
            return 1;
        };
        let Some(i) = found.passages.iter().position(|(p, _)| *p == passage) else {
            return 1;
        };
        if let Some(count) = found.passages[i].1 {
            return stops(Some(count));
        }
        let cx = Context {
            highlight: Some(&found.query),
            ..self.doc_context()
        };
        let count = doc::passage::occurrences(cx, passage);
        if let Some(found) = self.found.as_mut() {
            found.passages[i].1 = Some(count);
        }
        stops(Some(count))
    }

    /// The passages of the accepted search that the panes show, with their places in
    /// reading order and their counts, in the pack's order. A member the filter hides is
    /// not shown: its passage is left out.
    fn shown_passages(&self) -> Vec<(ReadingPlace, Passage, Option<usize>)> {
        let Some(found) = self.found.as_ref() else {
            return Vec::new();
        };
        // The row of each member, worked out once for all the members' passages.
        let mut member_rows: Vec<Option<usize>> = Vec::new();
        if found
            .passages
            .iter()
            .any(|(p, _)| matches!(p, Passage::Detail(Pane::Members, _)))
        {
            member_rows = vec![None; self.items_in(Pane::Members)];
            for (row, &member) in self.member_rows().iter().enumerate() {
                if let Some(slot) = member_rows.get_mut(member) {
                    *slot = Some(row);
                }
            }
        }
        let place = |passage: Passage| match passage {
            Passage::Detail(Pane::Members, member) => {
                let row = member_rows.get(member).copied().flatten()?;
                Some((Pane::Members.index(), row + 1))
            }
            other => Some(other.pack_order()),
        };
        found
            .passages
            .iter()
            .filter_map(|&(passage, count)| Some((place(passage)?, passage, count)))
            .collect()
    }

    /// The passages the panes show, in reading order, with their counts.
    fn reading_order(&self) -> Vec<(Passage, Option<usize>)> {
        let mut shown = self.shown_passages();
        shown.sort_unstable_by_key(|&(place, ..)| place);
        shown
            .into_iter()
            .map(|(_, passage, count)| (passage, count))
            .collect()
    }

    /// Where the accepted search stands among the occurrences `n` goes through, or, while
    /// some passages are not counted yet, among its results.
    pub fn search_position(&self) -> Option<SearchPosition> {
        let at = self.found.as_ref()?.at;
        let shown = self.shown_passages();
        let current = shown.iter().find(|(_, passage, _)| *passage == at.passage);
        let before = |place: ReadingPlace| shown.iter().filter(move |shown| shown.0 < place);
        if shown.iter().any(|(_, _, count)| count.is_none()) {
            return Some(SearchPosition::Result {
                at: current.map(|&(place, ..)| before(place).count() + 1),
                of: shown.len(),
            });
        }
        let at = current.map(|&(place, _, count)| {
            let earlier: usize = before(place).map(|shown| stops(shown.2)).sum();
            earlier + at.nth.min(stops(count) - 1) + 1
        });
        let of = shown.iter().map(|shown| stops(shown.2)).sum();
        Some(SearchPosition::Occurrence { at, of })
    }

    /// `n` and `N`: the next or previous occurrence of the accepted search, starting over
    /// past either end (and saying so). Occurrences in members the filter hides are passed
    /// over; when it hides all of them, the filter goes, as it does for a result opened from
    /// the prompt.
    pub(super) fn next_match(&mut self, step: isize) {
        let Some(at) = self
            .found
            .as_ref()
            .filter(|found| !found.passages.is_empty())
            .map(|found| found.at)
        else {
            self.note = Some(Note::NoResults);
            return;
        };
        let forward = step >= 0;
        let mut order = self.reading_order();
        if order.is_empty() {
            self.clear_member_filter();
            order = self.reading_order();
        }
        // The counts the step needs: the current passage's, and that of the one before it,
        // where going back lands on its last occurrence.
        let Some(last) = order.len().checked_sub(1) else {
            self.note = Some(Note::NoResults);
            return;
        };
        let needed = match order.iter().position(|(p, _)| *p == at.passage) {
            Some(i) => vec![i, i.checked_sub(1).unwrap_or(last)],
            None => vec![last],
        };
        for i in needed {
            order[i].1 = Some(self.count_stops(order[i].0));
        }
        let order: Vec<(Passage, usize)> = order
            .into_iter()
            .map(|(passage, count)| (passage, stops(count)))
            .collect();
        let Some((next, wrapped)) = step_through(&order, at, forward) else {
            self.note = Some(Note::NoResults);
            return;
        };
        if wrapped {
            self.note = Some(Note::SearchWrapped);
        }
        if let Some(found) = self.found.as_mut() {
            found.at = next;
        }
        self.show_occurrence();
    }

    /// Shows the current occurrence: its pane; for an item, its row selected (the member
    /// filter cleared if it hides it) and its detail focused; the text scrolled, if it must
    /// be, so that the occurrence's line and the one above it are in view.
    pub(super) fn show_occurrence(&mut self) {
        let Some(at) = self.found.as_ref().map(|found| found.at) else {
            return;
        };
        match at.passage {
            Passage::Overview | Passage::Intro(_) => {
                self.pane = match at.passage {
                    Passage::Intro(pane) => pane,
                    _ => Pane::Overview,
                };
                self.focus = Focus::List;
            }
            Passage::Detail(pane, item) => {
                self.pane = pane;
                if let Some(list) = Self::list_index(pane) {
                    if self.row_of(pane, item).is_none() {
                        self.clear_member_filter();
                    }
                    let row = self.row_of(pane, item).unwrap_or(0);
                    self.select(list, row);
                    self.focus = Focus::Detail;
                }
                // The occurrence is in the detail, which the map would hide.
                if pane == Pane::Members {
                    self.members.map_shown = false;
                }
            }
        }
        self.clamp_all();
        let width = self.text_width();
        let Some(line) = self
            .current_in_text(width)
            .and_then(|n| self.text_doc(width).match_lines.get(n).copied())
        else {
            return;
        };
        let rows = self.text_rows();
        let scroll = self.text_scroll();
        // One line of context above the occurrence, where there is room for two.
        let top = match rows {
            0 | 1 => line,
            _ => line.saturating_sub(1),
        };
        if top < scroll || line >= scroll + rows {
            self.scroll_text(Movement::Top);
            self.scroll_text(Movement::By(top as isize));
        }
    }

    /// The passage the current pane's text shows: the overview, or the selected item's
    /// detail (none in an empty list).
    pub fn shown_passage(&self) -> Option<Passage> {
        let pane = self.pane;
        let Some(position) = self.list_position(pane) else {
            return Some(Passage::Overview);
        };
        (self.list_len(pane) > 0)
            .then(|| Passage::Detail(pane, self.item_at(pane, position.selected)))
    }

    /// Where the current occurrence is drawn in the current pane, its text `width` columns
    /// wide, if that pane's text (or its detail's box) shows it.
    fn current_spot(&self, width: usize) -> Option<Spot> {
        let at = self.found.as_ref()?.at;
        let passage = self.shown_passage().filter(|&p| p == at.passage)?;
        let in_text = self.text_doc(width).match_lines.len();
        let cx = self.doc_context();
        Some(doc::passage::spot(
            cx,
            passage,
            at.nth,
            Self::text_measure(width),
            in_text,
        ))
    }

    /// The number of the current occurrence among the marks of the current pane's text
    /// (`App::text_doc(width)`), if it is one of them.
    pub fn current_in_text(&self, width: usize) -> Option<usize> {
        match self.current_spot(width)? {
            Spot::Text(n) => Some(n),
            Spot::Title(_) | Spot::Start => None,
        }
    }

    /// The number of the current occurrence among the marks of the title on the box of the
    /// detail, its text `width` columns wide, if it is one of them.
    pub fn current_on_title(&self, width: usize) -> Option<usize> {
        match self.current_spot(width)? {
            Spot::Title(n) => Some(n),
            Spot::Text(_) | Spot::Start => None,
        }
    }

    /// The number of the current occurrence among the marks of `pane`'s introduction, if it
    /// is one of them.
    pub fn current_in_intro(&self, pane: Pane) -> Option<usize> {
        let at = self.found.as_ref()?.at;
        (at.passage == Passage::Intro(pane)).then_some(at.nth)
    }
}

/// The occurrence after `at` (before it, going back) among the stops of `order` (passages
/// in reading order, each with its number of stops, at least one), and whether that went
/// past the end (the start) and started over. A passage no longer among them starts the
/// walk from the first (the last) again. `None` when there is no stop at all.
fn step_through(
    order: &[(Passage, usize)],
    at: Occurrence,
    forward: bool,
) -> Option<(Occurrence, bool)> {
    let last = order.len().checked_sub(1)?;
    let first_of = |i: usize| Occurrence {
        passage: order[i].0,
        nth: 0,
    };
    let last_of = |i: usize| Occurrence {
        passage: order[i].0,
        nth: order[i].1.saturating_sub(1),
    };
    let Some(i) = order.iter().position(|(passage, _)| *passage == at.passage) else {
        return Some((if forward { first_of(0) } else { last_of(last) }, false));
    };
    let nth = at.nth.min(order[i].1.saturating_sub(1));
    Some(match forward {
        true if nth + 1 < order[i].1 => (Occurrence { nth: nth + 1, ..at }, false),
        true if i < last => (first_of(i + 1), false),
        true => (first_of(0), true),
        false if nth > 0 => (Occurrence { nth: nth - 1, ..at }, false),
        false if i > 0 => (last_of(i - 1), false),
        false => (last_of(last), true),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(passage: Passage, nth: usize) -> Occurrence {
        Occurrence { passage, nth }
    }

    #[test]
    fn stepping_goes_through_each_passages_stops_then_on_and_round() {
        let first = Passage::Overview;
        let second = Passage::Detail(Pane::Actions, 2);
        let order = [(first, 2), (second, 1)];
        let walk = |mut from: Occurrence, forward: bool| {
            let mut seen = Vec::new();
            for _ in 0..3 {
                let (next, wrapped) = step_through(&order, from, forward).unwrap();
                seen.push((next, wrapped));
                from = next;
            }
            seen
        };
        assert_eq!(
            walk(at(first, 0), true),
            [
                (at(first, 1), false),
                (at(second, 0), false),
                (at(first, 0), true)
            ]
        );
        assert_eq!(
            walk(at(first, 0), false),
            [
                (at(second, 0), true),
                (at(first, 1), false),
                (at(first, 0), false)
            ]
        );
        // From a passage no longer shown, the walk starts over without a remark.
        let gone = at(Passage::Detail(Pane::Members, 0), 3);
        assert_eq!(
            step_through(&order, gone, true),
            Some((at(first, 0), false))
        );
        assert_eq!(
            step_through(&order, gone, false),
            Some((at(second, 0), false))
        );
        assert_eq!(step_through(&[], gone, true), None);
    }
}
