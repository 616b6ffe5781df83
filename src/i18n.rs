//! The interface's own words in Romanian and English, and the same transliterated to ASCII.
//! Content languages without interface words here show the interface in English.

use std::borrow::Cow;
use std::sync::LazyLock;

use crate::action::Action;
use crate::text::to_ascii;
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

    /// The words of this language, transliterated to ASCII when `ascii` (for `--ascii` and
    /// terminals or locales that show nothing else): "Căutare" is "Cautare".
    pub fn strings_in(self, ascii: bool) -> &'static Strings {
        match (self, ascii) {
            (_, false) => self.strings(),
            (UiLang::Romanian, true) => &ROMANIAN_ASCII,
            (UiLang::English, true) => &ENGLISH_ASCII,
        }
    }
}

/// The words in ASCII, made from the others when first asked for.
static ROMANIAN_ASCII: LazyLock<Strings> = LazyLock::new(|| ROMANIAN.to_ascii());
static ENGLISH_ASCII: LazyLock<Strings> = LazyLock::new(|| ENGLISH.to_ascii());

/// A word of the interface in ASCII, kept for the rest of the program's life as the words
/// themselves are: each of the statics above is made once, so what is kept is one copy of
/// the words, never more.
fn ascii(text: &'static str) -> &'static str {
    match to_ascii(text) {
        Cow::Borrowed(text) => text,
        Cow::Owned(text) => Box::leak(text.into_boxed_str()),
    }
}

/// Every fixed word the interface shows.
#[derive(Debug)]
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
    /// After the talk's whole minutes on the audience's footer ("12 min").
    pub minutes: &'static str,
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
    /// Whether these are the words in ASCII, so that what is made from them at each call (a
    /// count of results, say) is made ASCII too.
    ascii: bool,
}

/// How an action is described: a sentence for the help screen, a word or two for the footer.
#[derive(Debug)]
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
    next_section: (&'static str, &'static str),
    prev_section: (&'static str, &'static str),
    open_help: (&'static str, &'static str),
    close_help: (&'static str, &'static str),
    quit: (&'static str, &'static str),
    select_row: (&'static str, &'static str),
    scroll: (&'static str, &'static str),
    resize: (&'static str, &'static str),
}

impl ActionWords {
    /// These words in ASCII.
    fn to_ascii(&'static self) -> ActionWords {
        let ActionWords {
            next_pane,
            prev_pane,
            show_pane,
            move_down,
            move_up,
            page_down,
            page_up,
            top,
            bottom,
            focus_detail,
            focus_list,
            back,
            open_search,
            insert_char,
            delete_char,
            clear_query,
            accept_search,
            cancel_search,
            cycle_order,
            toggle_map,
            open_filter,
            accept_filter,
            cancel_filter,
            select_result,
            next_match,
            prev_match,
            start_presenting,
            stop_presenting,
            next_slide,
            prev_slide,
            first_slide,
            last_slide,
            type_digit,
            go_to_typed,
            blank,
            reset_timer,
            tick,
            follow,
            pair_ended,
            switch_language,
            copy_citation,
            next_section,
            prev_section,
            open_help,
            close_help,
            quit,
            select_row,
            scroll,
            resize,
        } = self;
        ActionWords {
            next_pane: (ascii(next_pane.0), ascii(next_pane.1)),
            prev_pane: (ascii(prev_pane.0), ascii(prev_pane.1)),
            show_pane: (ascii(show_pane.0), ascii(show_pane.1)),
            move_down: (ascii(move_down.0), ascii(move_down.1)),
            move_up: (ascii(move_up.0), ascii(move_up.1)),
            page_down: (ascii(page_down.0), ascii(page_down.1)),
            page_up: (ascii(page_up.0), ascii(page_up.1)),
            top: (ascii(top.0), ascii(top.1)),
            bottom: (ascii(bottom.0), ascii(bottom.1)),
            focus_detail: (ascii(focus_detail.0), ascii(focus_detail.1)),
            focus_list: (ascii(focus_list.0), ascii(focus_list.1)),
            back: (ascii(back.0), ascii(back.1)),
            open_search: (ascii(open_search.0), ascii(open_search.1)),
            insert_char: (ascii(insert_char.0), ascii(insert_char.1)),
            delete_char: (ascii(delete_char.0), ascii(delete_char.1)),
            clear_query: (ascii(clear_query.0), ascii(clear_query.1)),
            accept_search: (ascii(accept_search.0), ascii(accept_search.1)),
            cancel_search: (ascii(cancel_search.0), ascii(cancel_search.1)),
            cycle_order: (ascii(cycle_order.0), ascii(cycle_order.1)),
            toggle_map: (ascii(toggle_map.0), ascii(toggle_map.1)),
            open_filter: (ascii(open_filter.0), ascii(open_filter.1)),
            accept_filter: (ascii(accept_filter.0), ascii(accept_filter.1)),
            cancel_filter: (ascii(cancel_filter.0), ascii(cancel_filter.1)),
            select_result: (ascii(select_result.0), ascii(select_result.1)),
            next_match: (ascii(next_match.0), ascii(next_match.1)),
            prev_match: (ascii(prev_match.0), ascii(prev_match.1)),
            start_presenting: (ascii(start_presenting.0), ascii(start_presenting.1)),
            stop_presenting: (ascii(stop_presenting.0), ascii(stop_presenting.1)),
            next_slide: (ascii(next_slide.0), ascii(next_slide.1)),
            prev_slide: (ascii(prev_slide.0), ascii(prev_slide.1)),
            first_slide: (ascii(first_slide.0), ascii(first_slide.1)),
            last_slide: (ascii(last_slide.0), ascii(last_slide.1)),
            type_digit: (ascii(type_digit.0), ascii(type_digit.1)),
            go_to_typed: (ascii(go_to_typed.0), ascii(go_to_typed.1)),
            blank: (ascii(blank.0), ascii(blank.1)),
            reset_timer: (ascii(reset_timer.0), ascii(reset_timer.1)),
            tick: (ascii(tick.0), ascii(tick.1)),
            follow: (ascii(follow.0), ascii(follow.1)),
            pair_ended: (ascii(pair_ended.0), ascii(pair_ended.1)),
            switch_language: (ascii(switch_language.0), ascii(switch_language.1)),
            copy_citation: (ascii(copy_citation.0), ascii(copy_citation.1)),
            next_section: (ascii(next_section.0), ascii(next_section.1)),
            prev_section: (ascii(prev_section.0), ascii(prev_section.1)),
            open_help: (ascii(open_help.0), ascii(open_help.1)),
            close_help: (ascii(close_help.0), ascii(close_help.1)),
            quit: (ascii(quit.0), ascii(quit.1)),
            select_row: (ascii(select_row.0), ascii(select_row.1)),
            scroll: (ascii(scroll.0), ascii(scroll.1)),
            resize: (ascii(resize.0), ascii(resize.1)),
        }
    }
}

impl Strings {
    /// These words in ASCII (see [`UiLang::strings_in`]).
    fn to_ascii(&'static self) -> Strings {
        let Strings {
            panes,
            timeline,
            source,
            name,
            code,
            region,
            joined,
            note,
            sources,
            nothing_here,
            help_title,
            too_small,
            search_title,
            search_hint,
            search_wrapped,
            no_results,
            copied,
            nothing_to_copy,
            help_browse,
            help_search,
            help_typing,
            help_present,
            help_filter,
            columns,
            orders,
            filter_label,
            map_title,
            glance_title,
            glance_counts,
            number_joiner,
            no_locations,
            map_too_small,
            growth_title,
            growth_columns,
            regions_title,
            region_columns,
            member_list,
            next_up,
            notes,
            more,
            left,
            time_of_day,
            minutes,
            over,
            speaker_away,
            pair_ended,
            end_of_deck,
            results,
            query_full,
            match_word,
            result_word,
            actions,
            ascii: _,
        } = self;
        Strings {
            panes: panes.map(ascii),
            timeline: ascii(timeline),
            source: ascii(source),
            name: ascii(name),
            code: ascii(code),
            region: ascii(region),
            joined: ascii(joined),
            note: ascii(note),
            sources: ascii(sources),
            nothing_here: ascii(nothing_here),
            help_title: ascii(help_title),
            too_small: ascii(too_small),
            search_title: ascii(search_title),
            search_hint: ascii(search_hint),
            search_wrapped: ascii(search_wrapped),
            no_results: ascii(no_results),
            copied: ascii(copied),
            nothing_to_copy: ascii(nothing_to_copy),
            help_browse: ascii(help_browse),
            help_search: ascii(help_search),
            help_typing: ascii(help_typing),
            help_present: ascii(help_present),
            help_filter: ascii(help_filter),
            columns: columns.map(ascii),
            orders: orders.map(ascii),
            filter_label: ascii(filter_label),
            map_title: ascii(map_title),
            glance_title: ascii(glance_title),
            glance_counts: glance_counts.map(|(one, many)| (ascii(one), ascii(many))),
            number_joiner: *number_joiner,
            no_locations: ascii(no_locations),
            map_too_small: ascii(map_too_small),
            growth_title: ascii(growth_title),
            growth_columns: growth_columns.map(ascii),
            regions_title: ascii(regions_title),
            region_columns: region_columns.map(ascii),
            member_list: ascii(member_list),
            next_up: ascii(next_up),
            notes: ascii(notes),
            more: ascii(more),
            left: ascii(left),
            time_of_day: ascii(time_of_day),
            minutes: ascii(minutes),
            over: ascii(over),
            speaker_away: ascii(speaker_away),
            pair_ended: ascii(pair_ended),
            end_of_deck: ascii(end_of_deck),
            results: *results,
            query_full: *query_full,
            match_word: ascii(match_word),
            result_word: ascii(result_word),
            actions: actions.to_ascii(),
            ascii: true,
        }
    }

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
            Action::Tick(_) | Action::TimerFrom(_) | Action::TimeOfDay { .. } => a.tick,
            Action::Follow { .. } => a.follow,
            Action::PairEnded => a.pair_ended,
            Action::SwitchLanguage => a.switch_language,
            Action::CopyCitation => a.copy_citation,
            Action::NextSection => a.next_section,
            Action::PrevSection => a.prev_section,
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
        self.made((self.results)(count))
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
        self.made((self.query_full)(limit))
    }

    /// Words made at a call, in ASCII when these words are.
    fn made(&self, words: String) -> String {
        match self.ascii {
            true => to_ascii(&words).into_owned(),
            false => words,
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
    minutes: "min",
    over: "depăşit",
    speaker_away: "Vorbitorul nu e conectat; urmărirea reia când revine",
    pair_ended: "Celălalt terminal s-a închis; prezentarea continuă doar aici",
    end_of_deck: "Sfârşit",
    results: romanian_results,
    query_full: romanian_query_full,
    match_word: "potrivirea",
    ascii: false,
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
        next_section: ("Secţiunea următoare a textului", "secţiuni"),
        prev_section: ("Secţiunea anterioară a textului", "secţiuni"),
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
    minutes: "min",
    over: "over",
    speaker_away: "The speaker is not connected; following resumes when they return",
    pair_ended: "The other terminal has closed; presenting here alone",
    end_of_deck: "End",
    results: english_results,
    query_full: english_query_full,
    match_word: "match",
    ascii: false,
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
        next_section: ("Next section of the text", "sections"),
        prev_section: ("Previous section of the text", "sections"),
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

    #[test]
    fn the_words_in_ascii_are_the_words_transliterated() {
        for lang in [UiLang::Romanian, UiLang::English] {
            let ascii = lang.strings_in(true);
            let words = format!("{ascii:?}");
            let odd: String = words.chars().filter(|c| !c.is_ascii()).collect();
            assert!(odd.is_empty(), "{lang:?}: {odd}");
            assert!(std::ptr::eq(lang.strings_in(false), lang.strings()));
        }
        let ro = UiLang::Romanian.strings_in(true);
        assert_eq!(ro.search_title, "Cautare");
        assert_eq!(ro.pane(Pane::Declaration), "Declaratie");
        assert_eq!(ro.describe(Action::Quit), "Iesire");
        assert_eq!(ro.hint(Action::DeleteChar), "sterge");
        assert_eq!(ro.counted(1, 4), "conferinte");
        assert_eq!(ro.query_full(256), "limita atinsa: 256 de caractere");
        assert_eq!(ro.results(20), "20 de rezultate");
        assert!(
            std::ptr::eq(ro, UiLang::Romanian.strings_in(true)),
            "made once"
        );
    }
}
