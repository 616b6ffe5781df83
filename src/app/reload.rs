//! Reloading: a new version of the pack from `--watch`, taken in without losing the reader's
//! place, or refused with its problem shown.

use std::sync::Arc;

use super::{App, Pack, Reload};
use crate::present;
use crate::search::Target;
use crate::vocabulary::Pane;

impl App {
    /// Takes a new version of the pack (the other way in besides `update`, for `--watch`;
    /// like `update` it does no I/O). The pane, the language, each list's selection (by the
    /// item's id, where the item still exists) and the scrolls are kept; a search is run
    /// again. A refused version leaves everything as it is and says why.
    pub fn reload(&mut self, outcome: Reload) {
        let content = match outcome {
            Reload::Failed(message) => {
                self.reload_error = Some(message);
                return;
            }
            Reload::Loaded(content) => *content,
        };
        let selected_ids: Vec<Option<String>> = Pane::ALL
            .iter()
            .map(|&pane| {
                let row = self.list_position(pane)?.selected;
                Some(
                    Self::row_target(pane, self.item_at(pane, row))?
                        .id(&self.pack.content)
                        .to_string(),
                )
            })
            .collect();
        let lang_tag = self.pack.content.lang_tag(self.lang).to_string();
        self.pack = Arc::new(Pack::of(content, self.theme.ascii));
        self.laid_out.forget();
        self.slides_laid_out.forget();
        self.deck = present::deck(&self.pack.content);
        if let Some(p) = self.presentation.as_mut() {
            p.slide = p.slide.min(self.deck.len().saturating_sub(1));
        }
        self.lang = self
            .pack
            .content
            .lang(&lang_tag)
            .unwrap_or(self.pack.content.default_language);
        // The member table's rows of the new content; the selection stays on its row unless
        // its member is found again, below.
        let lists = self.lists;
        self.rearrange_members(None);
        self.lists = lists;
        for (pane, id) in Pane::ALL.into_iter().zip(selected_ids) {
            let (Some(list), Some(id)) = (Self::list_index(pane), id) else {
                continue;
            };
            let found = (0..self.list_len(pane)).find(|&row| {
                Self::row_target(pane, self.item_at(pane, row))
                    .is_some_and(|t| t.id(&self.pack.content) == id)
            });
            if let Some(row) = found {
                self.lists[list].selected = row;
            }
        }
        self.reload_error = None;
        self.column_widths = Default::default();
        self.rerun_searches();
        self.clamp_all();
    }

    /// The search target of a row of a list pane.
    pub(super) fn row_target(pane: Pane, row: usize) -> Option<Target> {
        match pane {
            Pane::Overview => None,
            Pane::Members => Some(Target::Member(row)),
            Pane::Declaration | Pane::Actions => Some(Target::Item(pane, row)),
        }
    }
}
