//! The member table: the order and the filter over the pack's member list, and the rows
//! they give. The list pane's rows are rows of this table: a row's member is looked up here,
//! and the selection stays on its member when the order or the filter changes.

use super::App;
use crate::action::Action;
use crate::content::{Content, Lang};
use crate::search::MAX_QUERY_CHARS;
use crate::search::fold::fold;
use crate::vocabulary::{Focus, MemberOrder, Mode, Pane};

/// The words typed into the member filter.
#[derive(Debug, Clone, Default)]
pub struct MemberFilter {
    pub text: String,
    /// The member selected when the prompt opened, to go back to when the filter is cleared.
    before: Option<usize>,
    /// The member last chosen while the filter is typed (at first the one selected before):
    /// the selection comes back to it when a word that hid it is changed.
    chosen: Option<usize>,
    /// The words changed since the rows were last worked out: a batch of keys filters once.
    edited: bool,
}

/// How the member table shows the pack's members.
#[derive(Debug, Clone, Default)]
pub(super) struct MemberTable {
    pub(super) order: MemberOrder,
    /// The filter, while it is typed or once it is kept.
    pub(super) filter: Option<MemberFilter>,
    /// The member of each row, in the order shown; only the members the filter keeps.
    pub(super) rows: Vec<usize>,
    /// The world map is shown in place of the selected member's detail.
    pub(super) map_shown: bool,
}

/// The members of `kept` (indices in the pack's order), in `order`; ties keep the pack's
/// order.
pub fn sorted_rows(
    content: &Content,
    lang: Lang,
    order: MemberOrder,
    kept: Vec<usize>,
) -> Vec<usize> {
    let members = &content.members.members;
    let mut rows = kept;
    match order {
        MemberOrder::Source => rows.sort_unstable(),
        MemberOrder::Name => rows.sort_by_cached_key(|&i| (fold(members[i].name.get(lang)), i)),
        MemberOrder::Joined => rows.sort_by_key(|&i| (members[i].joined, i)),
        MemberOrder::Region => {
            // The regions are few: each is ranked by its name once, and the members by rank.
            let regions = &content.members.regions;
            let mut by_name: Vec<usize> = (0..regions.len()).collect();
            by_name.sort_by_cached_key(|&r| fold(regions[r].name.get(lang)));
            let mut rank = vec![0; regions.len()];
            for (place, region) in by_name.into_iter().enumerate() {
                rank[region] = place;
            }
            rows.sort_by_key(|&i| (rank.get(members[i].region).copied(), i));
        }
    }
    rows
}

impl App {
    /// How the member table is ordered.
    pub fn member_order(&self) -> MemberOrder {
        self.members.order
    }

    /// The filter over the member table, while it is typed or kept.
    pub fn member_filter(&self) -> Option<&MemberFilter> {
        self.members.filter.as_ref()
    }

    /// Whether the world map is shown in place of the selected member's detail.
    pub fn map_shown(&self) -> bool {
        self.members.map_shown
    }

    /// The member on each row of the table, in the order shown.
    pub fn member_rows(&self) -> &[usize] {
        &self.members.rows
    }

    /// The item of the pack that row `row` of `pane`'s list shows: the row itself, but for
    /// the member table, whose rows are ordered and filtered.
    pub fn item_at(&self, pane: Pane, row: usize) -> usize {
        match pane {
            Pane::Members => self.members.rows.get(row).copied().unwrap_or(row),
            _ => row,
        }
    }

    /// How many items `pane` has, whether its list shows them all or not.
    pub fn items_in(&self, pane: Pane) -> usize {
        match pane {
            Pane::Members => self.pack.content.members.members.len(),
            _ => self.list_len(pane),
        }
    }

    /// The row of `pane`'s list that shows item `item`, if the list shows it.
    pub(super) fn row_of(&self, pane: Pane, item: usize) -> Option<usize> {
        match pane {
            Pane::Members => self.members.rows.iter().position(|&i| i == item),
            _ => Some(item),
        }
    }

    /// The member selected in the table, if there is one.
    fn selected_member(&self) -> Option<usize> {
        let row = self.list_position(Pane::Members)?.selected;
        self.members.rows.get(row).copied()
    }

    /// Works the rows out again from the order and the filter, keeping the selection on the
    /// member it was on (or on `keep`, if given and shown).
    pub(super) fn rearrange_members(&mut self, keep: Option<usize>) {
        let keep = keep.or_else(|| self.selected_member());
        let mut rows = match &self.members.filter {
            Some(filter) => self.pack.members_matching(&filter.text, self.lang),
            None => (0..self.pack.content.members.members.len()).collect(),
        };
        if self.members.order != MemberOrder::Source {
            let ranks = self.pack.member_ranks(self.members.order, self.lang);
            rows.sort_unstable_by_key(|&member| ranks.get(member).copied());
        }
        self.members.rows = rows;
        let row = keep
            .and_then(|member| self.row_of(Pane::Members, member))
            .unwrap_or(0);
        if let Some(list) = Self::list_index(Pane::Members) {
            self.select(list, row);
        }
    }

    /// Sorts the table by the next order.
    pub(super) fn cycle_order(&mut self) {
        self.members.order = self.members.order.next();
        self.rearrange_members(None);
    }

    /// Opens the filter prompt, with the kept filter's words to edit if there is one.
    pub(super) fn open_filter(&mut self) {
        let before = self.selected_member();
        let filter = self
            .members
            .filter
            .get_or_insert_with(MemberFilter::default);
        filter.before = before;
        filter.chosen = before;
        self.mode = Mode::Filter;
        self.focus = Focus::List;
    }

    /// An action while the filter is typed.
    pub(super) fn update_filter(&mut self, action: Action) {
        let Some(filter) = self.members.filter.as_mut() else {
            self.mode = Mode::Browse;
            return;
        };
        match action {
            Action::InsertChar(c) if filter.text.chars().count() < MAX_QUERY_CHARS => {
                filter.text.push(c);
                filter.edited = true;
            }
            Action::InsertChar(_) => {}
            Action::DeleteChar => {
                filter.text.pop();
                filter.edited = true;
            }
            Action::ClearQuery => {
                filter.text.clear();
                filter.edited = true;
            }
            Action::AcceptFilter => {
                if filter.text.trim().is_empty() {
                    self.members.filter = None;
                    self.rearrange_members(None);
                }
                self.mode = Mode::Browse;
            }
            Action::CancelFilter => {
                let before = filter.before;
                self.members.filter = None;
                self.rearrange_members(before);
                self.mode = Mode::Browse;
            }
            _ => {
                if let Some(movement) = Self::movement(action) {
                    self.navigate(movement);
                    let chosen = self.selected_member();
                    if let Some(filter) = self.members.filter.as_mut() {
                        filter.chosen = chosen;
                    }
                }
            }
        }
    }

    /// Works the rows out for the filter's words if they were edited since.
    pub(super) fn filter_edited_members(&mut self) {
        if let Some(filter) = self.members.filter.as_mut().filter(|f| f.edited) {
            filter.edited = false;
            let chosen = filter.chosen;
            self.rearrange_members(chosen);
        }
    }

    /// Shows every member again (a search result must be reachable whatever was filtered).
    pub(super) fn clear_member_filter(&mut self) {
        if self.members.filter.take().is_some() {
            self.rearrange_members(None);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_order_keeps_the_pack_order_among_equals() {
        let content = crate::content::load_embedded().unwrap();
        let all: Vec<usize> = (0..content.members.members.len()).collect();
        let lang = content.default_language;
        let members = &content.members.members;
        for order in [
            MemberOrder::Source,
            MemberOrder::Name,
            MemberOrder::Joined,
            MemberOrder::Region,
        ] {
            let rows = sorted_rows(&content, lang, order, all.clone());
            let mut seen = rows.clone();
            seen.sort_unstable();
            assert_eq!(seen, all, "{order:?} shows every member once");
            for pair in rows.windows(2) {
                let (a, b) = (&members[pair[0]], &members[pair[1]]);
                let equal = match order {
                    MemberOrder::Source => false,
                    MemberOrder::Name => fold(a.name.get(lang)) == fold(b.name.get(lang)),
                    MemberOrder::Joined => a.joined == b.joined,
                    MemberOrder::Region => a.region == b.region,
                };
                if equal || order == MemberOrder::Source {
                    assert!(pair[0] < pair[1], "{order:?}: ties in the pack's order");
                }
            }
        }
        let by_year = sorted_rows(&content, lang, MemberOrder::Joined, all.clone());
        assert!(
            by_year
                .windows(2)
                .all(|p| members[p[0]].joined <= members[p[1]].joined)
        );
        let by_name = sorted_rows(&content, lang, MemberOrder::Name, all);
        let names: Vec<String> = by_name
            .iter()
            .map(|&i| fold(members[i].name.get(lang)))
            .collect();
        assert!(names.windows(2).all(|p| p[0] <= p[1]), "{names:?}");
    }
}
