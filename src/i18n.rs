//! The interface's own words in Romanian and English. Content languages without interface
//! words here show the interface in English.

use crate::action::Action;
use crate::app::Pane;

/// A language of the interface.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UiLang {
    Romanian,
    English,
}

impl UiLang {
    /// The interface language for a content language tag.
    pub fn for_tag(tag: &str) -> UiLang {
        if tag.eq_ignore_ascii_case("ro") || tag.to_ascii_lowercase().starts_with("ro-") {
            UiLang::Romanian
        } else {
            UiLang::English
        }
    }

    /// The words of this language.
    pub fn strings(self) -> &'static Strings {
        match self {
            UiLang::Romanian => &ROMANIAN,
            UiLang::English => &ENGLISH,
        }
    }
}

/// Every fixed word the interface shows.
pub struct Strings {
    pub panes: [&'static str; 4],
    pub timeline: &'static str,
    pub source: &'static str,
    pub name: &'static str,
    pub code: &'static str,
    pub region: &'static str,
    pub joined: &'static str,
    pub note: &'static str,
    pub sources: &'static str,
    pub nothing_here: &'static str,
    pub help_title: &'static str,
    pub too_small: &'static str,
    pub language: &'static str,
    actions: ActionWords,
}

/// How an action is described: a sentence for the help screen, a word or two for the footer.
struct ActionWords {
    next_pane: (&'static str, &'static str),
    prev_pane: (&'static str, &'static str),
    show_pane: (&'static str, &'static str),
    move_down: (&'static str, &'static str),
    move_up: (&'static str, &'static str),
    page_down: (&'static str, &'static str),
    page_up: (&'static str, &'static str),
    top: (&'static str, &'static str),
    bottom: (&'static str, &'static str),
    focus_detail: (&'static str, &'static str),
    focus_list: (&'static str, &'static str),
    switch_language: (&'static str, &'static str),
    open_help: (&'static str, &'static str),
    close_help: (&'static str, &'static str),
    quit: (&'static str, &'static str),
    select_row: (&'static str, &'static str),
    scroll: (&'static str, &'static str),
    resize: (&'static str, &'static str),
}

impl Strings {
    /// The name of a pane in this language.
    pub fn pane(&self, pane: Pane) -> &'static str {
        self.panes[pane.index()]
    }

    fn words(&self, action: Action) -> (&'static str, &'static str) {
        let a = &self.actions;
        match action {
            Action::NextPane => a.next_pane,
            Action::PrevPane => a.prev_pane,
            Action::ShowPane(_) => a.show_pane,
            Action::MoveDown => a.move_down,
            Action::MoveUp => a.move_up,
            Action::PageDown => a.page_down,
            Action::PageUp => a.page_up,
            Action::MoveToTop => a.top,
            Action::MoveToBottom => a.bottom,
            Action::FocusDetail => a.focus_detail,
            Action::FocusList => a.focus_list,
            Action::SwitchLanguage => a.switch_language,
            Action::OpenHelp => a.open_help,
            Action::CloseHelp => a.close_help,
            Action::Quit => a.quit,
            Action::SelectRow(_) => a.select_row,
            Action::Scroll(..) => a.scroll,
            Action::Resize { .. } => a.resize,
        }
    }

    /// A sentence for the help screen.
    pub fn describe(&self, action: Action) -> String {
        let sentence = self.words(action).0;
        match action {
            Action::ShowPane(pane) => format!("{sentence} {}", self.pane(pane)),
            _ => sentence.to_string(),
        }
    }

    /// A word or two for the footer.
    pub fn hint(&self, action: Action) -> &'static str {
        self.words(action).1
    }
}

static ROMANIAN: Strings = Strings {
    panes: ["Prezentare", "Membri", "Declaraţie", "Acţiuni"],
    timeline: "Conferinţele Coaliţiei",
    source: "Sursa",
    name: "Denumire",
    code: "Cod ISO",
    region: "Regiune",
    joined: "Membru din",
    note: "Notă",
    sources: "Surse",
    nothing_here: "Nimic aici.",
    help_title: "Taste",
    too_small: "Terminal prea mic",
    language: "Limba",
    actions: ActionWords {
        next_pane: ("Panoul următor", "panou"),
        prev_pane: ("Panoul anterior", "panou"),
        show_pane: ("Deschide panoul", "panou"),
        move_down: ("În jos: rândul următor sau textul mai jos", "mută"),
        move_up: ("În sus: rândul anterior sau textul mai sus", "mută"),
        page_down: ("O pagină în jos", "pagină"),
        page_up: ("O pagină în sus", "pagină"),
        top: ("La început", "început"),
        bottom: ("La sfârşit", "sfârşit"),
        focus_detail: ("Deschide detaliile elementului ales", "deschide"),
        focus_list: ("Înapoi la listă", "înapoi"),
        switch_language: ("Schimbă limba (conţinut şi interfaţă)", "limba"),
        open_help: ("Arată tastele", "ajutor"),
        close_help: ("Închide ajutorul", "închide"),
        quit: ("Ieşire", "ieşire"),
        select_row: ("Alege rândul", "alege"),
        scroll: ("Derulează", "derulează"),
        resize: ("Redimensionează", "dimensiune"),
    },
};

static ENGLISH: Strings = Strings {
    panes: ["Overview", "Members", "Declaration", "Actions"],
    timeline: "The Coalition's conferences",
    source: "Source",
    name: "Name",
    code: "ISO code",
    region: "Region",
    joined: "Member since",
    note: "Note",
    sources: "Sources",
    nothing_here: "Nothing here.",
    help_title: "Keys",
    too_small: "Terminal too small",
    language: "Language",
    actions: ActionWords {
        next_pane: ("Next pane", "pane"),
        prev_pane: ("Previous pane", "pane"),
        show_pane: ("Go to pane", "pane"),
        move_down: ("Down: the next row, or scroll the text", "move"),
        move_up: ("Up: the previous row, or scroll the text", "move"),
        page_down: ("One page down", "page"),
        page_up: ("One page up", "page"),
        top: ("To the top", "top"),
        bottom: ("To the end", "end"),
        focus_detail: ("Open the selected item's detail", "open"),
        focus_list: ("Back to the list", "back"),
        switch_language: ("Switch language (content and interface)", "language"),
        open_help: ("Show the keys", "help"),
        close_help: ("Close the help", "close"),
        quit: ("Quit", "quit"),
        select_row: ("Select the row", "select"),
        scroll: ("Scroll", "scroll"),
        resize: ("Resize", "resize"),
    },
};
