//! The interface's own words in Romanian and English. Content languages without interface
//! words here show the interface in English.

use crate::action::Action;
use crate::vocabulary::Pane;

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
    pub search_title: &'static str,
    pub search_hint: &'static str,
    pub search_wrapped: &'static str,
    pub help_browse: &'static str,
    pub help_search: &'static str,
    pub help_typing: &'static str,
    pub help_present: &'static str,
    pub next_up: &'static str,
    pub notes: &'static str,
    pub more: &'static str,
    pub left: &'static str,
    pub over: &'static str,
    pub end_of_deck: &'static str,
    /// "7 results", with the language's own plural.
    results: fn(usize) -> String,
    /// "match 3/7".
    pub match_word: &'static str,
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
    back: (&'static str, &'static str),
    open_search: (&'static str, &'static str),
    insert_char: (&'static str, &'static str),
    delete_char: (&'static str, &'static str),
    clear_query: (&'static str, &'static str),
    accept_search: (&'static str, &'static str),
    cancel_search: (&'static str, &'static str),
    select_result: (&'static str, &'static str),
    next_match: (&'static str, &'static str),
    prev_match: (&'static str, &'static str),
    start_presenting: (&'static str, &'static str),
    stop_presenting: (&'static str, &'static str),
    next_slide: (&'static str, &'static str),
    prev_slide: (&'static str, &'static str),
    first_slide: (&'static str, &'static str),
    last_slide: (&'static str, &'static str),
    type_digit: (&'static str, &'static str),
    go_to_typed: (&'static str, &'static str),
    blank: (&'static str, &'static str),
    reset_timer: (&'static str, &'static str),
    tick: (&'static str, &'static str),
    follow: (&'static str, &'static str),
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
            Action::Back => a.back,
            Action::OpenSearch => a.open_search,
            Action::InsertChar(_) => a.insert_char,
            Action::DeleteChar => a.delete_char,
            Action::ClearQuery => a.clear_query,
            Action::AcceptSearch => a.accept_search,
            Action::CancelSearch => a.cancel_search,
            Action::SelectResult(_) => a.select_result,
            Action::NextMatch => a.next_match,
            Action::PrevMatch => a.prev_match,
            Action::StartPresenting => a.start_presenting,
            Action::StopPresenting => a.stop_presenting,
            Action::NextSlide => a.next_slide,
            Action::PrevSlide => a.prev_slide,
            Action::FirstSlide => a.first_slide,
            Action::LastSlide => a.last_slide,
            Action::TypeDigit(_) => a.type_digit,
            Action::GoToTypedSlide => a.go_to_typed,
            Action::BlankScreen => a.blank,
            Action::ResetTimer => a.reset_timer,
            Action::Tick(_) => a.tick,
            Action::Follow { .. } => a.follow,
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
            Action::TypeDigit(digit) => format!("{sentence} ({digit})"),
            _ => sentence.to_string(),
        }
    }

    /// The number of results, in words.
    pub fn results(&self, count: usize) -> String {
        (self.results)(count)
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
    search_title: "Căutare",
    search_hint: "Scrie ca să cauţi în toate panourile (fără diacritice, dacă vrei).",
    search_wrapped: "căutarea a reluat de la capăt",
    help_browse: "Navigare",
    help_search: "Căutare",
    help_typing: "În căutare, orice altă literă se adaugă la text.",
    help_present: "Prezentare",
    next_up: "Urmează",
    notes: "Note",
    more: "mai mult",
    left: "rămas",
    over: "depăşit",
    end_of_deck: "Sfârşit",
    results: romanian_results,
    match_word: "potrivirea",
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
        back: (
            "Înapoi la listă, sau opreşte evidenţierea căutării",
            "înapoi",
        ),
        open_search: ("Caută în toate panourile", "caută"),
        insert_char: ("Scrie în căutare", "scrie"),
        delete_char: ("Şterge ultima literă", "şterge"),
        clear_query: ("Şterge tot textul căutării", "şterge tot"),
        accept_search: ("Deschide rezultatul ales", "deschide"),
        cancel_search: ("Renunţă şi revino unde erai", "renunţă"),
        select_result: ("Deschide rezultatul", "deschide"),
        next_match: ("Rezultatul următor", "rezultat"),
        prev_match: ("Rezultatul anterior", "rezultat"),
        start_presenting: ("Prezintă, de la diapozitivul elementului ales", "prezintă"),
        stop_presenting: ("Înapoi la navigare", "înapoi"),
        next_slide: ("Diapozitivul următor", "următor"),
        prev_slide: ("Diapozitivul anterior", "anterior"),
        first_slide: ("Primul diapozitiv", "primul"),
        last_slide: ("Ultimul diapozitiv", "ultimul"),
        type_digit: ("O cifră a numărului diapozitivului", "număr"),
        go_to_typed: ("Mergi la diapozitivul cu numărul scris", "mergi"),
        blank: ("Ecran gol (orice tastă revine)", "gol"),
        reset_timer: ("Reporneşte cronometrul", "cronometru"),
        tick: ("Ceasul", "ceas"),
        follow: ("Urmează vorbitorul", "urmează"),
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
    search_title: "Search",
    search_hint: "Type to search every pane (diacritics optional).",
    search_wrapped: "search wrapped",
    help_browse: "Browsing",
    help_search: "Searching",
    help_typing: "While searching, any other character is typed into the search.",
    help_present: "Presenting",
    next_up: "Next",
    notes: "Notes",
    more: "more",
    left: "left",
    over: "over",
    end_of_deck: "End",
    results: english_results,
    match_word: "match",
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
        back: ("Back to the list, or stop highlighting the search", "back"),
        open_search: ("Search every pane", "search"),
        insert_char: ("Type into the search", "type"),
        delete_char: ("Delete the last character", "delete"),
        clear_query: ("Clear the search", "clear"),
        accept_search: ("Open the selected result", "open"),
        cancel_search: ("Cancel, back where you were", "cancel"),
        select_result: ("Open the result", "open"),
        next_match: ("Next result", "result"),
        prev_match: ("Previous result", "result"),
        start_presenting: ("Present, from the slide of the selected item", "present"),
        stop_presenting: ("Back to browsing", "back"),
        next_slide: ("Next slide", "next"),
        prev_slide: ("Previous slide", "previous"),
        first_slide: ("First slide", "first"),
        last_slide: ("Last slide", "last"),
        type_digit: ("A digit of a slide number", "number"),
        go_to_typed: ("Go to the slide whose number was typed", "go"),
        blank: ("Blank screen (any key comes back)", "blank"),
        reset_timer: ("Restart the timer", "timer"),
        tick: ("The clock", "clock"),
        follow: ("Follow the speaker", "follow"),
        switch_language: ("Switch language (content and interface)", "language"),
        open_help: ("Show the keys", "help"),
        close_help: ("Close the help", "close"),
        quit: ("Quit", "quit"),
        select_row: ("Select the row", "select"),
        scroll: ("Scroll", "scroll"),
        resize: ("Resize", "resize"),
    },
};

fn romanian_results(count: usize) -> String {
    match count {
        0 => "niciun rezultat".to_string(),
        1 => "1 rezultat".to_string(),
        // From twenty on (and for 100, 120, …) Romanian puts "de" before the noun.
        n if n % 100 == 0 || n % 100 >= 20 => format!("{n} de rezultate"),
        n => format!("{n} rezultate"),
    }
}

fn english_results(count: usize) -> String {
    match count {
        0 => "no results".to_string(),
        1 => "1 result".to_string(),
        n => format!("{n} results"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_results_in_each_language() {
        let ro = UiLang::Romanian.strings();
        let en = UiLang::English.strings();
        let cases = [
            (0, "niciun rezultat", "no results"),
            (1, "1 rezultat", "1 result"),
            (7, "7 rezultate", "7 results"),
            (20, "20 de rezultate", "20 results"),
            (101, "101 rezultate", "101 results"),
            (100, "100 de rezultate", "100 results"),
        ];
        for (n, romanian, english) in cases {
            assert_eq!(ro.results(n), romanian);
            assert_eq!(en.results(n), english);
        }
    }
}
