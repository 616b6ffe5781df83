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
    /// Enter or `n` with nothing found.
    pub no_results: &'static str,
    /// After `y`: before the title of what was copied; or where nothing can be.
    pub copied: &'static str,
    pub nothing_to_copy: &'static str,
    pub help_browse: &'static str,
    pub help_search: &'static str,
    pub help_typing: &'static str,
    pub help_present: &'static str,
    /// The help's heading for the filter prompt's keys.
    pub help_filter: &'static str,
    /// The member table's column headers: code, name, region, year joined.
    pub columns: [&'static str; 4],
    /// How the member table's title names each order (`MemberOrder`'s order); nothing for
    /// the source's own.
    pub orders: [&'static str; 4],
    /// The filter prompt's label.
    pub filter_label: &'static str,
    /// The map's title.
    pub map_title: &'static str,
    /// The title of the overview's block of counts and charts.
    pub glance_title: &'static str,
    /// What the overview's counts count, one and more: members, conferences, rights, areas
    /// of action (see [`Strings::counted`]).
    glance_counts: [(&'static str, &'static str); 4],
    /// The word between a number and its noun, if the language puts one there.
    number_joiner: fn(usize) -> &'static str,
    /// Why a pack shows no map.
    pub no_locations: &'static str,
    /// What a pane too small for the map shows.
    pub map_too_small: &'static str,
    /// The printed table of members joining per year, its title and column headers: the
    /// year (or span of years), the members that joined, the members so far.
    pub growth_title: &'static str,
    pub growth_columns: [&'static str; 3],
    /// The printed table of members per region, its title and column headers: the region,
    /// its members, their codes.
    pub regions_title: &'static str,
    pub region_columns: [&'static str; 3],
    /// The heading of the printed list of members, after the tables.
    pub member_list: &'static str,
    pub next_up: &'static str,
    pub notes: &'static str,
    pub more: &'static str,
    pub left: &'static str,
    /// Before the time of day in the speaker's view.
    pub time_of_day: &'static str,
    pub over: &'static str,
    /// In the audience's footer while no speaker is connected.
    pub speaker_away: &'static str,
    /// In a paired terminal's footer once the other terminal has closed.
    pub pair_ended: &'static str,
    pub end_of_deck: &'static str,
    /// "7 results", with the language's own plural.
    results: fn(usize) -> String,
    /// Said in the prompt when the query holds as many characters as it can.
    query_full: fn(usize) -> String,
    /// "match 3/7".
    pub match_word: &'static str,
    /// "result 3/900", where the occurrences are too many to count at once.
    pub result_word: &'static str,
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
    cycle_order: (&'static str, &'static str),
    toggle_map: (&'static str, &'static str),
    open_filter: (&'static str, &'static str),
    accept_filter: (&'static str, &'static str),
    cancel_filter: (&'static str, &'static str),
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
    pair_ended: (&'static str, &'static str),
    switch_language: (&'static str, &'static str),
    copy_citation: (&'static str, &'static str),
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
            Action::CycleOrder => a.cycle_order,
            Action::ToggleMap => a.toggle_map,
            Action::OpenFilter => a.open_filter,
            Action::AcceptFilter => a.accept_filter,
            Action::CancelFilter => a.cancel_filter,
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
            Action::Tick(_) | Action::TimeOfDay { .. } => a.tick,
            Action::Follow { .. } => a.follow,
            Action::PairEnded => a.pair_ended,
            Action::SwitchLanguage => a.switch_language,
            Action::CopyCitation => a.copy_citation,
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

    /// What follows the number `count` of the overview's count `which` (0 members,
    /// 1 conferences, 2 rights, 3 areas of action): "membri", "de membri", "member".
    pub fn counted(&self, which: usize, count: usize) -> String {
        let (one, many) = self.glance_counts.get(which).copied().unwrap_or(("", ""));
        let noun = if count == 1 { one } else { many };
        match (count, (self.number_joiner)(count).trim()) {
            (0, _) | (_, "") => noun.to_string(),
            (_, joiner) => format!("{joiner} {noun}"),
        }
    }

    /// The prompt's note that the query is full, at `limit` characters.
    pub fn query_full(&self, limit: usize) -> String {
        (self.query_full)(limit)
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
    no_results: "niciun rezultat",
    copied: "copiat",
    nothing_to_copy: "nimic de copiat aici: alegeţi un element dintr-o listă",
    help_browse: "Navigare",
    help_search: "Căutare",
    help_typing: "În căutare, orice altă literă se adaugă la text.",
    help_present: "Prezentare",
    help_filter: "Filtru",
    columns: ["Cod", "Nume", "Regiune", "An"],
    orders: ["", "după nume", "după an", "după regiune"],
    filter_label: "filtru:",
    map_title: "Harta",
    glance_title: "Pe scurt",
    glance_counts: [
        ("membru", "membri"),
        ("conferinţă", "conferinţe"),
        ("drept", "drepturi"),
        ("domeniu de acţiune", "domenii de acţiune"),
    ],
    number_joiner: romanian_de,
    no_locations: "Pachetul nu dă locul membrilor, aşa că nu are hartă.",
    map_too_small: "Prea mic pentru hartă",
    growth_title: "Creşterea, an de an",
    growth_columns: ["An", "Aderări", "Total"],
    regions_title: "Membri pe regiuni",
    region_columns: ["Regiune", "Membri", "Coduri"],
    member_list: "Lista membrilor",
    next_up: "Urmează",
    notes: "Note",
    more: "mai mult",
    left: "rămas",
    time_of_day: "ora",
    over: "depăşit",
    speaker_away: "Vorbitorul nu e conectat; urmărirea reia când revine",
    pair_ended: "Celălalt terminal s-a închis; prezentarea continuă doar aici",
    end_of_deck: "Sfârşit",
    results: romanian_results,
    query_full: romanian_query_full,
    match_word: "potrivirea",
    result_word: "rezultatul",
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
        cycle_order: (
            "Ordinea membrilor: ca în sursă, după nume, după an, după regiune",
            "ordine",
        ),
        open_filter: ("Filtrează membrii", "filtru"),
        toggle_map: ("Harta membrilor, sau înapoi la detalii", "hartă"),
        accept_filter: ("Păstrează filtrul şi revino la tabel", "păstrează"),
        cancel_filter: ("Renunţă la filtru", "renunţă"),
        select_result: ("Deschide rezultatul", "deschide"),
        next_match: ("Potrivirea următoare a căutării", "potrivire"),
        prev_match: ("Potrivirea anterioară a căutării", "potrivire"),
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
        pair_ended: ("Terminalul pereche s-a închis", "singur"),
        switch_language: ("Schimbă limba (conţinut şi interfaţă)", "limba"),
        copy_citation: (
            "Copiază citarea elementului ales (titlu şi surse) în clipboard",
            "copiază",
        ),
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
    no_results: "no results",
    copied: "copied",
    nothing_to_copy: "nothing to copy here: choose an item of a list",
    help_browse: "Browsing",
    help_search: "Searching",
    help_typing: "While searching, any other character is typed into the search.",
    help_present: "Presenting",
    help_filter: "Filter",
    columns: ["Code", "Name", "Region", "Year"],
    orders: ["", "by name", "by year", "by region"],
    filter_label: "filter:",
    map_title: "Map",
    glance_title: "At a glance",
    glance_counts: [
        ("member", "members"),
        ("conference", "conferences"),
        ("right", "rights"),
        ("area of action", "areas of action"),
    ],
    number_joiner: |_| "",
    no_locations: "The pack gives no member locations, so there is no map.",
    map_too_small: "Too small for the map",
    growth_title: "Growth, year by year",
    growth_columns: ["Year", "Joined", "Total"],
    regions_title: "Members by region",
    region_columns: ["Region", "Members", "Codes"],
    member_list: "The members",
    next_up: "Next",
    notes: "Notes",
    more: "more",
    left: "left",
    time_of_day: "time",
    over: "over",
    speaker_away: "The speaker is not connected; following resumes when they return",
    pair_ended: "The other terminal has closed; presenting here alone",
    end_of_deck: "End",
    results: english_results,
    query_full: english_query_full,
    match_word: "match",
    result_word: "result",
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
        cycle_order: (
            "Order the members: as in the source, by name, by year, by region",
            "order",
        ),
        open_filter: ("Filter the members", "filter"),
        toggle_map: ("The members on a map, or back to the detail", "map"),
        accept_filter: ("Keep the filter, back to the table", "keep"),
        cancel_filter: ("Clear the filter", "clear"),
        select_result: ("Open the result", "open"),
        next_match: ("Next match of the search", "match"),
        prev_match: ("Previous match of the search", "match"),
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
        pair_ended: ("The paired terminal has closed", "alone"),
        switch_language: ("Switch language (content and interface)", "language"),
        copy_citation: (
            "Copy the selected item's citation (title and sources) to the clipboard",
            "copy",
        ),
        open_help: ("Show the keys", "help"),
        close_help: ("Close the help", "close"),
        quit: ("Quit", "quit"),
        select_row: ("Select the row", "select"),
        scroll: ("Scroll", "scroll"),
        resize: ("Resize", "resize"),
    },
};

/// From twenty on (and for 100, 120, …) Romanian puts "de" between a number and its noun.
fn romanian_de(n: usize) -> &'static str {
    if n.is_multiple_of(100) || n % 100 >= 20 {
        " de"
    } else {
        ""
    }
}

fn romanian_results(count: usize) -> String {
    match count {
        0 => "niciun rezultat".to_string(),
        1 => "1 rezultat".to_string(),
        n => format!("{n}{} rezultate", romanian_de(n)),
    }
}

fn romanian_query_full(limit: usize) -> String {
    format!("limită atinsă: {limit}{} caractere", romanian_de(limit))
}

fn english_results(count: usize) -> String {
    match count {
        0 => "no results".to_string(),
        1 => "1 result".to_string(),
        n => format!("{n} results"),
    }
}

fn english_query_full(limit: usize) -> String {
    format!("limit reached: {limit} characters")
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

    #[test]
    fn the_overviews_counts_agree_with_their_number_in_each_language() {
        let ro = UiLang::Romanian.strings();
        let en = UiLang::English.strings();
        assert_eq!(ro.counted(0, 22), "de membri");
        assert_eq!(ro.counted(0, 1), "membru");
        assert_eq!(ro.counted(1, 4), "conferinţe");
        assert_eq!(ro.counted(3, 1), "domeniu de acţiune");
        assert_eq!(ro.counted(2, 0), "drepturi");
        assert_eq!(en.counted(0, 22), "members");
        assert_eq!(en.counted(1, 1), "conference");
        assert_eq!(en.counted(3, 3), "areas of action");
    }

    #[test]
    fn the_full_query_note_counts_in_each_language() {
        assert_eq!(
            UiLang::Romanian.strings().query_full(256),
            "limită atinsă: 256 de caractere"
        );
        assert_eq!(
            UiLang::Romanian.strings().query_full(12),
            "limită atinsă: 12 caractere"
        );
        assert_eq!(
            UiLang::English.strings().query_full(256),
            "limit reached: 256 characters"
        );
    }
}
