//! The passages a search's occurrences are counted and stepped through in (the overview's
//! text, a list pane's introduction, an item's detail with its title), how many times the
//! search's words occur in each, and where the `n`th of them is drawn.

use super::{Context, DocText, heads_with_title, intro, item_title, pane_text};
use crate::search::Target;
use crate::vocabulary::Pane;

/// A text a reader meets the search's words in: `n` goes through the occurrences of one
/// before it goes on to the next.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Passage {
    /// The overview's one text: its sections, then its timeline.
    Overview,
    /// The introduction above a list pane.
    Intro(Pane),
    /// The detail of item `1` (its place in the pack) of list pane `0`, with its title (on
    /// the detail's box, or heading the text where the box is too narrow for it).
    Detail(Pane, usize),
}

impl Passage {
    /// The passage a search result is in.
    pub fn of(target: Target) -> Passage {
        match target {
            Target::Section(_) | Target::Event(_) => Passage::Overview,
            Target::Intro(pane) => Passage::Intro(pane),
            Target::Member(item) => Passage::Detail(Pane::Members, item),
            Target::Item(pane, item) => Passage::Detail(pane, item),
        }
    }

    /// The passage's place in the pack: the overview, then each list pane's introduction
    /// and its items in the pack's order.
    pub fn pack_order(self) -> (usize, usize) {
        match self {
            Passage::Overview => (0, 0),
            Passage::Intro(pane) => (pane.index(), 0),
            Passage::Detail(pane, item) => (pane.index(), item.saturating_add(1)),
        }
    }
}

/// Where an occurrence of the search is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Spot {
    /// The `n`th mark of the title on the detail's box.
    Title(usize),
    /// The `n`th mark of the passage's text ([`DocText::match_lines`]).
    Text(usize),
    /// No mark: the search found the passage by a text it does not show (a name in another
    /// language that reads the same), and the passage's start stands for it.
    Start,
}

/// The text of `passage` at `width`.
pub fn passage_text(cx: Context, passage: Passage, width: usize) -> DocText {
    match passage {
        Passage::Overview => pane_text(cx, Pane::Overview, 0, width),
        Passage::Intro(pane) => intro(cx, pane, width),
        Passage::Detail(pane, item) => pane_text(cx, pane, item, width),
    }
}

/// How many of the search's marks are on the box of `passage`'s detail when its text is
/// `width` columns wide: those of the title, unless the title heads the text instead
/// ([`heads_with_title`]), where the text holds them.
pub fn marks_on_box(cx: Context, passage: Passage, width: usize) -> usize {
    let (Passage::Detail(pane, item), Some(query)) = (passage, cx.highlight) else {
        return 0;
    };
    let title = item_title(cx, pane, item);
    match heads_with_title(&title, width) {
        true => 0,
        false => query.matches_in(&title).len(),
    }
}

/// How many times the search's words occur in `passage`, its title included. The same at
/// every width: a title is either on the box or at the head of the text, never both.
pub fn occurrences(cx: Context, passage: Passage) -> usize {
    // Any width counts the same.
    const WIDTH: usize = 80;
    passage_text(cx, passage, WIDTH).match_lines.len() + marks_on_box(cx, passage, WIDTH)
}

/// Where occurrence `n` of `passage` is drawn, when its text is `width` columns wide and
/// holds `in_text` marks: the title's on the box come first, then the text's.
pub fn spot(cx: Context, passage: Passage, n: usize, width: usize, in_text: usize) -> Spot {
    match n.checked_sub(marks_on_box(cx, passage, width)) {
        None => Spot::Title(n),
        Some(n) if n < in_text => Spot::Text(n),
        Some(_) => Spot::Start,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::Content;
    use crate::search::Query;
    use crate::theme::Theme;

    fn content() -> Content {
        crate::builtin::report()
            .content
            .expect("the built-in pack loads")
    }

    #[test]
    fn a_title_counts_once_whether_it_is_on_the_box_or_heads_the_text() {
        let content = content();
        let theme = Theme::new(crate::capability::ColorLevel::None, false);
        let query = Query::new("moldova");
        let cx = Context {
            content: &content,
            theme: &theme,
            lang: content.default_language,
            strings: crate::i18n::UiLang::Romanian.strings(),
            highlight: Some(&query),
        };
        let moldova = content
            .members
            .members
            .iter()
            .position(|m| m.code == "MD")
            .expect("Moldova is a member");
        let passage = Passage::Detail(Pane::Members, moldova);
        let count = occurrences(cx, passage);
        assert!(count >= 1, "its name is an occurrence");
        for width in [4, 20, 80] {
            let text = passage_text(cx, passage, width);
            let in_text = text.match_lines.len();
            assert_eq!(marks_on_box(cx, passage, width) + in_text, count, "{width}");
            assert_eq!(spot(cx, passage, count, width, in_text), Spot::Start);
        }
        // Narrow, the name heads the text and is its first mark; wide, it is on the box.
        let narrow = passage_text(cx, passage, 4);
        assert_eq!(
            spot(cx, passage, 0, 4, narrow.match_lines.len()),
            Spot::Text(0)
        );
        let wide = passage_text(cx, passage, 80);
        assert_eq!(
            spot(cx, passage, 0, 80, wide.match_lines.len()),
            Spot::Title(0)
        );
    }
}
