//! The help text: every key of the browser, of the search, of the filter and of the
//! presentation with what it does, generated from the keymap.

use ratatui::style::Style;

use super::{Context, Doc, DocText};
use crate::action::Action;
use crate::keymap::Keymap;
use crate::text;
use crate::vocabulary::Mode;

/// The help text at `width`: for browsing, then for searching, filtering and presenting, one
/// entry per action with its keys and what it does; opened while presenting (`from`), the
/// presenting keys come first.
pub fn text(cx: Context, keymap: &Keymap, width: usize, from: Mode) -> DocText {
    let theme = cx.theme;
    let strings = cx.strings;
    let mut doc = Doc::plain(cx, width);
    let mut sections = vec![
        (Mode::Browse, strings.help_browse),
        (Mode::Search, strings.help_search),
        (Mode::Filter, strings.help_filter),
        (Mode::Present, strings.help_present),
    ];
    if from == Mode::Present {
        sections.rotate_right(1);
    }
    for (mode, heading) in sections {
        let mut entries: Vec<(String, String)> = Vec::new();
        for action in keymap.actions_of(mode) {
            let keys: Vec<String> = keymap
                .keys_for(mode, action)
                .map(|k| k.label(theme.ascii))
                .collect();
            match action {
                // Ten digits, one entry.
                Action::TypeDigit(0) => {
                    let description = strings.describe(action).replace(" (0)", "");
                    entries.push(("0-9".to_string(), description));
                }
                Action::TypeDigit(_) => {}
                _ => entries.push((keys.join(", "), strings.describe(action))),
            }
        }
        let key_width = entries
            .iter()
            .map(|(k, _)| text::width(k))
            .max()
            .unwrap_or(0)
            + 2;
        doc.text(heading, theme.heading());
        for (keys, description) in entries {
            if width >= key_width + 16 {
                let first = theme.fit(&keys, key_width);
                let rest = " ".repeat(key_width);
                doc.hanging(description, (&first, theme.key()), &rest, Style::new());
            } else {
                doc.text(keys, theme.key());
                doc.hanging(description, ("  ", Style::new()), "  ", Style::new());
            }
        }
        doc.blank();
    }
    doc.text(strings.help_typing, theme.dim());
    doc.finish()
}
