//! The key bindings: one table from (mode, key) to action. The help screen and the footer
//! hints are generated from it, so each key is written down exactly once.

use std::fmt;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use crate::action::Action;
use crate::vocabulary::{Mode, Pane};

/// A key with the modifiers that matter for binding (Control and Alt; Shift is part of the
/// character or of `BackTab`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Key {
    pub code: KeyCode,
    pub modifiers: KeyModifiers,
}

impl Key {
    const fn plain(code: KeyCode) -> Key {
        Key {
            code,
            modifiers: KeyModifiers::NONE,
        }
    }

    const fn char(c: char) -> Key {
        Key::plain(KeyCode::Char(c))
    }

    const fn ctrl(c: char) -> Key {
        Key {
            code: KeyCode::Char(c),
            modifiers: KeyModifiers::CONTROL,
        }
    }

    /// The key of a terminal event, with Shift folded into the character it produced.
    pub fn from_event(event: &KeyEvent) -> Key {
        let mut modifiers = event.modifiers & (KeyModifiers::CONTROL | KeyModifiers::ALT);
        let code = match event.code {
            // Some terminals report Ctrl-C as uppercase when Shift is held too.
            KeyCode::Char(c) if modifiers.contains(KeyModifiers::CONTROL) => {
                KeyCode::Char(c.to_ascii_lowercase())
            }
            code => code,
        };
        if code == KeyCode::BackTab {
            modifiers = KeyModifiers::NONE;
        }
        Key { code, modifiers }
    }

    /// How the key is written on screen; `ascii` avoids arrows for terminals without them.
    pub fn label(&self, ascii: bool) -> String {
        let name = match self.code {
            KeyCode::Up if !ascii => "↑".to_string(),
            KeyCode::Down if !ascii => "↓".to_string(),
            KeyCode::Left if !ascii => "←".to_string(),
            KeyCode::Right if !ascii => "→".to_string(),
            KeyCode::Up => "Up".to_string(),
            KeyCode::Down => "Down".to_string(),
            KeyCode::Left => "Left".to_string(),
            KeyCode::Right => "Right".to_string(),
            KeyCode::Tab => "Tab".to_string(),
            KeyCode::BackTab => "Shift-Tab".to_string(),
            KeyCode::Enter => "Enter".to_string(),
            KeyCode::Esc => "Esc".to_string(),
            KeyCode::PageUp => "PgUp".to_string(),
            KeyCode::PageDown => "PgDn".to_string(),
            KeyCode::Home => "Home".to_string(),
            KeyCode::End => "End".to_string(),
            KeyCode::Backspace => "Backspace".to_string(),
            KeyCode::Char(' ') => "Space".to_string(),
            // A letter the terminal cannot show is named by its code point, not by a
            // transliteration that would name another key.
            KeyCode::Char(c) if ascii && !c.is_ascii() => format!("U+{:04X}", c as u32),
            KeyCode::Char(c) => c.to_string(),
            KeyCode::F(n) => format!("F{n}"),
            other => format!("{other:?}"),
        };
        if self.modifiers.contains(KeyModifiers::CONTROL) {
            format!("Ctrl-{}", name.to_uppercase())
        } else if self.modifiers.contains(KeyModifiers::ALT) {
            format!("Alt-{name}")
        } else {
            name
        }
    }
}

impl fmt::Display for Key {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.label(false))
    }
}

/// One row of the table: in this mode, this key does this.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Binding {
    pub mode: Mode,
    pub key: Key,
    pub action: Action,
}

const fn bind(mode: Mode, key: Key, action: Action) -> Binding {
    Binding { mode, key, action }
}

use Action as A;
use KeyCode as K;
use Mode::{Browse, Filter, Help, Present, Search};

/// Every key binding of clsv.
pub static BINDINGS: &[Binding] = &[
    bind(Browse, Key::plain(K::Tab), A::NextPane),
    bind(Browse, Key::plain(K::BackTab), A::PrevPane),
    bind(Browse, Key::char('1'), A::ShowPane(Pane::Overview)),
    bind(Browse, Key::char('2'), A::ShowPane(Pane::Members)),
    bind(Browse, Key::char('3'), A::ShowPane(Pane::Declaration)),
    bind(Browse, Key::char('4'), A::ShowPane(Pane::Actions)),
    bind(Browse, Key::plain(K::Down), A::MoveDown),
    bind(Browse, Key::char('j'), A::MoveDown),
    bind(Browse, Key::plain(K::Up), A::MoveUp),
    bind(Browse, Key::char('k'), A::MoveUp),
    bind(Browse, Key::plain(K::PageDown), A::PageDown),
    bind(Browse, Key::char(' '), A::PageDown),
    bind(Browse, Key::plain(K::PageUp), A::PageUp),
    bind(Browse, Key::plain(K::Home), A::MoveToTop),
    bind(Browse, Key::char('g'), A::MoveToTop),
    bind(Browse, Key::plain(K::End), A::MoveToBottom),
    bind(Browse, Key::char('G'), A::MoveToBottom),
    bind(Browse, Key::plain(K::Enter), A::FocusDetail),
    bind(Browse, Key::plain(K::Right), A::FocusDetail),
    bind(Browse, Key::char('l'), A::FocusDetail),
    bind(Browse, Key::plain(K::Esc), A::Back),
    bind(Browse, Key::plain(K::Left), A::FocusList),
    bind(Browse, Key::char('h'), A::FocusList),
    bind(Browse, Key::char('L'), A::SwitchLanguage),
    bind(Browse, Key::char('y'), A::CopyCitation),
    bind(Browse, Key::char(']'), A::NextSection),
    bind(Browse, Key::char('['), A::PrevSection),
    bind(Browse, Key::char('/'), A::OpenSearch),
    bind(Browse, Key::char('s'), A::CycleOrder),
    bind(Browse, Key::char('f'), A::OpenFilter),
    bind(Browse, Key::char('m'), A::ToggleMap),
    bind(Browse, Key::char('n'), A::NextMatch),
    bind(Browse, Key::char('N'), A::PrevMatch),
    bind(Browse, Key::char('p'), A::StartPresenting),
    bind(Browse, Key::char('?'), A::OpenHelp),
    bind(Browse, Key::char('q'), A::Quit),
    bind(Browse, Key::ctrl('c'), A::Quit),
    bind(Help, Key::plain(K::Down), A::MoveDown),
    bind(Help, Key::char('j'), A::MoveDown),
    bind(Help, Key::plain(K::Up), A::MoveUp),
    bind(Help, Key::char('k'), A::MoveUp),
    bind(Help, Key::plain(K::PageDown), A::PageDown),
    bind(Help, Key::char(' '), A::PageDown),
    bind(Help, Key::plain(K::PageUp), A::PageUp),
    bind(Help, Key::plain(K::Home), A::MoveToTop),
    bind(Help, Key::char('g'), A::MoveToTop),
    bind(Help, Key::plain(K::End), A::MoveToBottom),
    bind(Help, Key::char('G'), A::MoveToBottom),
    bind(Help, Key::plain(K::Esc), A::CloseHelp),
    bind(Help, Key::char('?'), A::CloseHelp),
    bind(Help, Key::char('q'), A::CloseHelp),
    bind(Help, Key::ctrl('c'), A::Quit),
    bind(Search, Key::plain(K::Enter), A::AcceptSearch),
    bind(Search, Key::plain(K::Esc), A::CancelSearch),
    bind(Search, Key::plain(K::Down), A::MoveDown),
    bind(Search, Key::ctrl('n'), A::MoveDown),
    bind(Search, Key::plain(K::Up), A::MoveUp),
    bind(Search, Key::ctrl('p'), A::MoveUp),
    bind(Search, Key::plain(K::PageDown), A::PageDown),
    bind(Search, Key::plain(K::PageUp), A::PageUp),
    bind(Search, Key::plain(K::Backspace), A::DeleteChar),
    bind(Search, Key::ctrl('u'), A::ClearQuery),
    bind(Search, Key::ctrl('c'), A::Quit),
    bind(Filter, Key::plain(K::Enter), A::AcceptFilter),
    bind(Filter, Key::plain(K::Esc), A::CancelFilter),
    bind(Filter, Key::plain(K::Down), A::MoveDown),
    bind(Filter, Key::plain(K::Up), A::MoveUp),
    bind(Filter, Key::plain(K::PageDown), A::PageDown),
    bind(Filter, Key::plain(K::PageUp), A::PageUp),
    bind(Filter, Key::plain(K::Backspace), A::DeleteChar),
    bind(Filter, Key::ctrl('u'), A::ClearQuery),
    bind(Filter, Key::ctrl('c'), A::Quit),
    bind(Present, Key::plain(K::Right), A::NextSlide),
    bind(Present, Key::char(' '), A::NextSlide),
    bind(Present, Key::plain(K::PageDown), A::NextSlide),
    bind(Present, Key::char('l'), A::NextSlide),
    bind(Present, Key::char('j'), A::NextSlide),
    bind(Present, Key::plain(K::Down), A::NextSlide),
    bind(Present, Key::plain(K::Left), A::PrevSlide),
    bind(Present, Key::plain(K::Backspace), A::PrevSlide),
    bind(Present, Key::plain(K::PageUp), A::PrevSlide),
    bind(Present, Key::char('h'), A::PrevSlide),
    bind(Present, Key::char('k'), A::PrevSlide),
    bind(Present, Key::plain(K::Up), A::PrevSlide),
    bind(Present, Key::plain(K::Home), A::FirstSlide),
    bind(Present, Key::plain(K::End), A::LastSlide),
    bind(Present, Key::char('0'), A::TypeDigit(0)),
    bind(Present, Key::char('1'), A::TypeDigit(1)),
    bind(Present, Key::char('2'), A::TypeDigit(2)),
    bind(Present, Key::char('3'), A::TypeDigit(3)),
    bind(Present, Key::char('4'), A::TypeDigit(4)),
    bind(Present, Key::char('5'), A::TypeDigit(5)),
    bind(Present, Key::char('6'), A::TypeDigit(6)),
    bind(Present, Key::char('7'), A::TypeDigit(7)),
    bind(Present, Key::char('8'), A::TypeDigit(8)),
    bind(Present, Key::char('9'), A::TypeDigit(9)),
    bind(Present, Key::plain(K::Enter), A::GoToTypedSlide),
    bind(Present, Key::char('b'), A::BlankScreen),
    bind(Present, Key::char('t'), A::ResetTimer),
    bind(Present, Key::char('L'), A::SwitchLanguage),
    bind(Present, Key::char('?'), A::OpenHelp),
    bind(Present, Key::plain(K::Esc), A::StopPresenting),
    bind(Present, Key::char('q'), A::Quit),
    bind(Present, Key::ctrl('c'), A::Quit),
];

/// A hint in the footer: the actions whose first keys it shows, and how much it is needed
/// (when the footer is too narrow, the least needed hints give way first).
#[derive(Debug, Clone, Copy)]
pub struct Hint {
    pub actions: &'static [Action],
    pub need: u8,
}

const fn hint(actions: &'static [Action], need: u8) -> Hint {
    Hint { actions, need }
}

/// The footer of browsing, in the order shown. Help and quit stay longest, then what the
/// current place needs (Enter on a list, Esc in a detail, n/N after a search: each is shown
/// only where it applies), then the language and the search; the member table's keys and
/// presenting give way first.
static BROWSE_HINTS: [Hint; 14] = [
    hint(&[A::NextPane], 4),
    hint(&[A::MoveDown, A::MoveUp], 3),
    hint(&[A::FocusDetail], 6),
    hint(&[A::Back], 6),
    hint(&[A::NextMatch, A::PrevMatch], 6),
    hint(&[A::OpenSearch], 5),
    hint(&[A::PrevSection, A::NextSection], 2),
    hint(&[A::CycleOrder], 2),
    hint(&[A::OpenFilter], 2),
    hint(&[A::ToggleMap], 2),
    hint(&[A::SwitchLanguage], 5),
    hint(&[A::StartPresenting], 1),
    hint(&[A::OpenHelp], 8),
    hint(&[A::Quit], 7),
];

/// The keys of the presentation (shown in its help; its footer shows the slide number).
static PRESENT_HINTS: [Hint; 3] = [
    hint(&[A::NextSlide, A::PrevSlide], 2),
    hint(&[A::OpenHelp], 3),
    hint(&[A::Quit], 1),
];

/// The keys shown beside the search prompt.
static SEARCH_HINTS: [Hint; 3] = [
    hint(&[A::AcceptSearch], 3),
    hint(&[A::CancelSearch], 2),
    hint(&[A::MoveDown, A::MoveUp], 1),
];

/// The keys shown beside the filter prompt.
static FILTER_HINTS: [Hint; 3] = [
    hint(&[A::AcceptFilter], 3),
    hint(&[A::CancelFilter], 2),
    hint(&[A::MoveDown, A::MoveUp], 1),
];

/// The footer of the help screen.
static HELP_HINTS: [Hint; 3] = [
    hint(&[A::MoveDown, A::MoveUp], 1),
    hint(&[A::CloseHelp], 3),
    hint(&[A::Quit], 2),
];

/// The footer hints of a mode, in the order shown.
pub fn footer_hints(mode: Mode) -> &'static [Hint] {
    match mode {
        Browse => &BROWSE_HINTS,
        Help => &HELP_HINTS,
        Search => &SEARCH_HINTS,
        Filter => &FILTER_HINTS,
        Present => &PRESENT_HINTS,
    }
}

/// The bindings in use: the table above, with the user's own keys over it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Keymap {
    bindings: Vec<Binding>,
}

impl Default for Keymap {
    fn default() -> Keymap {
        Keymap {
            bindings: BINDINGS.to_vec(),
        }
    }
}

impl Keymap {
    /// The action a key press asks for in `mode`, if any. While searching or filtering, a
    /// character with no binding of its own is typed into the prompt.
    pub fn action_for(&self, mode: Mode, event: &KeyEvent) -> Option<Action> {
        let key = Key::from_event(event);
        let bound = self
            .bindings
            .iter()
            .find(|b| b.mode == mode && b.key == key)
            .map(|b| b.action);
        match (bound, mode, key.code) {
            (None, Search | Filter, KeyCode::Char(c))
                if key.modifiers.is_empty() && !c.is_control() =>
            {
                Some(A::InsertChar(c))
            }
            _ => bound,
        }
    }

    /// The keys bound to `action` in `mode`, in the order of the table.
    pub fn keys_for(&self, mode: Mode, action: Action) -> impl Iterator<Item = Key> + '_ {
        self.bindings
            .iter()
            .filter(move |b| b.mode == mode && b.action == action)
            .map(|b| b.key)
    }

    /// The actions of `mode` in the order of the table, each once.
    pub fn actions_of(&self, mode: Mode) -> Vec<Action> {
        let mut actions: Vec<Action> = Vec::new();
        for binding in self.bindings.iter().filter(|b| b.mode == mode) {
            if !actions.contains(&binding.action) {
                actions.push(binding.action);
            }
        }
        actions
    }

    /// Binds `action` in `mode` to `keys` instead of its own keys. A key taken from another
    /// action of the mode is taken away from it, so no key is ever bound twice.
    pub fn rebind(&mut self, mode: Mode, action: Action, keys: &[Key]) {
        let position = self
            .bindings
            .iter()
            .position(|b| b.mode == mode && b.action == action)
            .unwrap_or(self.bindings.len());
        self.bindings
            .retain(|b| b.mode != mode || (b.action != action && !keys.contains(&b.key)));
        let at = position.min(self.bindings.len());
        for (i, &key) in keys.iter().enumerate() {
            self.bindings.insert(at + i, bind(mode, key, action));
        }
    }
}

/// The actions that can be given keys in a configuration, by name.
pub const ACTION_NAMES: [(&str, Action); 38] = [
    ("next_pane", A::NextPane),
    ("prev_pane", A::PrevPane),
    ("show_overview", A::ShowPane(Pane::Overview)),
    ("show_members", A::ShowPane(Pane::Members)),
    ("show_declaration", A::ShowPane(Pane::Declaration)),
    ("show_actions", A::ShowPane(Pane::Actions)),
    ("move_down", A::MoveDown),
    ("move_up", A::MoveUp),
    ("page_down", A::PageDown),
    ("page_up", A::PageUp),
    ("move_to_top", A::MoveToTop),
    ("move_to_bottom", A::MoveToBottom),
    ("focus_detail", A::FocusDetail),
    ("focus_list", A::FocusList),
    ("back", A::Back),
    ("switch_language", A::SwitchLanguage),
    ("copy_citation", A::CopyCitation),
    ("next_section", A::NextSection),
    ("prev_section", A::PrevSection),
    ("open_help", A::OpenHelp),
    ("close_help", A::CloseHelp),
    ("quit", A::Quit),
    ("open_search", A::OpenSearch),
    ("accept_search", A::AcceptSearch),
    ("cancel_search", A::CancelSearch),
    ("delete_char", A::DeleteChar),
    ("clear_query", A::ClearQuery),
    ("next_match", A::NextMatch),
    ("prev_match", A::PrevMatch),
    ("start_presenting", A::StartPresenting),
    ("stop_presenting", A::StopPresenting),
    ("next_slide", A::NextSlide),
    ("prev_slide", A::PrevSlide),
    ("first_slide", A::FirstSlide),
    ("last_slide", A::LastSlide),
    ("go_to_typed_slide", A::GoToTypedSlide),
    ("blank_screen", A::BlankScreen),
    ("reset_timer", A::ResetTimer),
];

/// The modes, by the names a configuration uses.
pub const MODE_NAMES: [(&str, Mode); 4] = [
    ("browse", Browse),
    ("help", Help),
    ("search", Search),
    ("present", Present),
];

impl std::str::FromStr for Key {
    type Err = String;

    /// A key as people write it: `q`, `G`, `Ctrl-C`, `Alt-x`, `Tab`, `Shift-Tab`, `Enter`,
    /// `Esc`, `Up`, `PgDn`, `Home`, `Backspace`, `Space`, `F5`.
    fn from_str(text: &str) -> Result<Key, String> {
        let bad = || format!("\"{text}\" is not a key (such as q, G, Ctrl-C, Tab, PgDn, F5)");
        let (modifiers, name) = match text
            .split_once('-')
            .filter(|(m, rest)| !rest.is_empty() && !m.is_empty())
        {
            Some((m, rest)) if m.eq_ignore_ascii_case("ctrl") => (KeyModifiers::CONTROL, rest),
            Some((m, rest)) if m.eq_ignore_ascii_case("alt") => (KeyModifiers::ALT, rest),
            Some((m, rest))
                if m.eq_ignore_ascii_case("shift") && rest.eq_ignore_ascii_case("tab") =>
            {
                return Ok(Key::plain(K::BackTab));
            }
            _ => (KeyModifiers::NONE, text),
        };
        let lower = name.to_ascii_lowercase();
        let code = match lower.as_str() {
            "tab" => K::Tab,
            "backtab" => K::BackTab,
            "enter" | "return" => K::Enter,
            "esc" | "escape" => K::Esc,
            "up" => K::Up,
            "down" => K::Down,
            "left" => K::Left,
            "right" => K::Right,
            "pgup" | "pageup" => K::PageUp,
            "pgdn" | "pagedown" => K::PageDown,
            "home" => K::Home,
            "end" => K::End,
            "backspace" => K::Backspace,
            "space" => K::Char(' '),
            f if f.len() > 1
                && f.starts_with('f')
                && f[1..].parse::<u8>().is_ok_and(|n| (1..=12).contains(&n)) =>
            {
                K::F(f[1..].parse().map_err(|_| bad())?)
            }
            _ => {
                let mut chars = name.chars();
                match (chars.next(), chars.next()) {
                    (Some(c), None) if !c.is_control() => {
                        // Ctrl-C and Ctrl-c are the same key.
                        K::Char(if modifiers.is_empty() {
                            c
                        } else {
                            c.to_ascii_lowercase()
                        })
                    }
                    _ => return Err(bad()),
                }
            }
        };
        Ok(Key { code, modifiers })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::action::ScrollTarget;
    use crossterm::event::KeyEventKind;
    use std::collections::HashSet;

    #[test]
    fn no_key_is_bound_twice_in_a_mode() {
        let mut seen = HashSet::new();
        for b in BINDINGS {
            assert!(
                seen.insert((b.mode, b.key)),
                "{} bound twice in {:?}",
                b.key,
                b.mode
            );
        }
    }

    /// Actions that come from the mouse or the terminal rather than from a key. The match
    /// has no wildcard, so a new action must be placed on one side or the other.
    fn needs_a_key(action: Action) -> bool {
        match action {
            A::NextPane
            | A::PrevPane
            | A::ShowPane(_)
            | A::MoveDown
            | A::MoveUp
            | A::PageDown
            | A::PageUp
            | A::MoveToTop
            | A::MoveToBottom
            | A::FocusDetail
            | A::FocusList
            | A::Back
            | A::SwitchLanguage
            | A::CopyCitation
            | A::NextSection
            | A::PrevSection
            | A::OpenHelp
            | A::CloseHelp
            | A::Quit
            | A::OpenSearch
            | A::DeleteChar
            | A::ClearQuery
            | A::AcceptSearch
            | A::CancelSearch
            | A::CycleOrder
            | A::ToggleMap
            | A::OpenFilter
            | A::AcceptFilter
            | A::CancelFilter
            | A::NextMatch
            | A::PrevMatch
            | A::StartPresenting
            | A::StopPresenting
            | A::NextSlide
            | A::PrevSlide
            | A::FirstSlide
            | A::LastSlide
            | A::TypeDigit(_)
            | A::GoToTypedSlide
            | A::BlankScreen
            | A::ResetTimer => true,
            // Typed characters, clicks, the wheel, the clock, the speaker, a paired terminal and
            // the terminal.
            A::Tick(_)
            | A::TimerFrom(_)
            | A::TimeOfDay { .. }
            | A::Follow { .. }
            | A::PairEnded
            | A::InsertChar(_)
            | A::SelectResult(_)
            | A::SelectRow(_)
            | A::Scroll(..)
            | A::Resize { .. } => false,
        }
    }

    #[test]
    fn every_action_has_a_key() {
        let mut all = vec![
            A::NextPane,
            A::PrevPane,
            A::MoveDown,
            A::MoveUp,
            A::PageDown,
            A::PageUp,
            A::MoveToTop,
            A::MoveToBottom,
            A::FocusDetail,
            A::FocusList,
            A::Back,
            A::SwitchLanguage,
            A::CopyCitation,
            A::NextSection,
            A::PrevSection,
            A::OpenHelp,
            A::CloseHelp,
            A::Quit,
            A::OpenSearch,
            A::InsertChar('x'),
            A::DeleteChar,
            A::ClearQuery,
            A::AcceptSearch,
            A::CancelSearch,
            A::SelectResult(0),
            A::NextMatch,
            A::PrevMatch,
            A::StartPresenting,
            A::StopPresenting,
            A::NextSlide,
            A::PrevSlide,
            A::FirstSlide,
            A::LastSlide,
            A::TypeDigit(7),
            A::GoToTypedSlide,
            A::BlankScreen,
            A::ResetTimer,
            A::Tick(std::time::Duration::ZERO),
            A::TimerFrom(std::time::Duration::ZERO),
            A::TimeOfDay { hour: 9, minute: 5 },
            A::Follow {
                slide: 0,
                blank: false,
                speaker: true,
            },
            A::PairEnded,
            A::SelectRow(0),
            A::Scroll(ScrollTarget::List, 1),
            A::Resize {
                width: 1,
                height: 1,
            },
        ];
        all.extend(Pane::ALL.map(A::ShowPane));
        for action in all.into_iter().filter(|a| needs_a_key(*a)) {
            assert!(
                BINDINGS.iter().any(|b| b.action == action),
                "{action:?} has no key"
            );
        }
    }

    #[test]
    fn every_footer_hint_has_a_key_in_its_mode() {
        for mode in [Browse, Help, Search, Present] {
            for hint in footer_hints(mode) {
                for action in hint.actions {
                    assert!(
                        Keymap::default().keys_for(mode, *action).next().is_some(),
                        "{action:?} in {mode:?}"
                    );
                }
            }
        }
    }

    fn press(code: KeyCode, modifiers: KeyModifiers) -> KeyEvent {
        KeyEvent::new_with_kind(code, modifiers, KeyEventKind::Press)
    }

    #[test]
    fn looks_up_keys_with_shift_folded_in() {
        let shift = KeyModifiers::SHIFT;
        assert_eq!(
            Keymap::default().action_for(Browse, &press(K::Char('G'), shift)),
            Some(A::MoveToBottom)
        );
        assert_eq!(
            Keymap::default().action_for(Browse, &press(K::Char('L'), shift)),
            Some(A::SwitchLanguage)
        );
        assert_eq!(
            Keymap::default().action_for(Browse, &press(K::BackTab, shift)),
            Some(A::PrevPane)
        );
        let ctrl = KeyModifiers::CONTROL;
        assert_eq!(
            Keymap::default().action_for(Browse, &press(K::Char('c'), ctrl)),
            Some(A::Quit)
        );
        assert_eq!(
            Keymap::default().action_for(Browse, &press(K::Char('C'), ctrl | shift)),
            Some(A::Quit)
        );
        assert_eq!(
            Keymap::default().action_for(Browse, &press(K::Char('c'), KeyModifiers::NONE)),
            None
        );
        assert_eq!(
            Keymap::default().action_for(Help, &press(K::Char('q'), KeyModifiers::NONE)),
            Some(A::CloseHelp)
        );
    }

    #[test]
    fn labels_keys_for_people() {
        assert_eq!(Key::plain(K::BackTab).label(false), "Shift-Tab");
        assert_eq!(Key::ctrl('c').label(false), "Ctrl-C");
        assert_eq!(Key::plain(K::Down).label(false), "↓");
        assert_eq!(Key::plain(K::Down).label(true), "Down");
        assert_eq!(Key::char(' ').label(false), "Space");
        assert_eq!(Key::char('ţ').label(false), "ţ");
        assert_eq!(Key::char('ţ').label(true), "U+0163", "not t, another key");
    }
}
