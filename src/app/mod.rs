//! The state of the browser and `App::update`, the one place it changes.
//!
//! `update` does no I/O and never touches the terminal: every behaviour is a unit test away.
//! It knows the terminal's size (from `Action::Resize`) so that it can keep the selection
//! visible and stop scrolling at the end of a text; it measures with the same geometry and
//! laid-out text that rendering draws (`layout.rs`, over `geometry` and `doc`). Each mode's
//! transitions have a file: browsing, searching, presenting, reloading.

mod browse;
mod layout;
mod members;
mod occurrences;
pub use occurrences::COUNTED_AT_ONCE;
mod present;
mod reload;
mod search;

use std::cell::OnceCell;
use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, OnceLock};
use std::time::Duration;

use ratatui::layout::Rect;

use crate::action::{Action, ScrollTarget};
use crate::content::{Content, Lang, Slide, YearGrowth};
use crate::doc::slide::SlideMemo;
use crate::doc::{self, DocMemo, Passage};
use crate::i18n::{Strings, UiLang};
use crate::keymap::Keymap;
use crate::present::Presentation;
use crate::search::{Hit, Index, MAX_QUERY_CHARS, Query, Target};
use crate::theme::Theme;
use crate::vocabulary::{Focus, ListPosition, MemberOrder, Mode, Pane};
use members::MemberTable;
pub use members::{MemberFilter, sorted_rows};

/// Where the browser stands: enough to come back to exactly this view.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Place {
    pane: Pane,
    focus: Focus,
    overview_scroll: usize,
    lists: [ListPosition; 3],
}

/// A search being typed.
#[derive(Debug, Clone)]
pub struct SearchPrompt {
    pub query: String,
    /// The results for the query as typed, best first.
    pub hits: Vec<Hit>,
    pub selected: usize,
    /// The first result shown.
    pub offset: usize,
    /// Where the search began, to go back to on Esc.
    origin: Place,
    /// The query changed since it was last searched: `hits` are an earlier query's until
    /// `search_edited_query` runs.
    edited: bool,
}

impl SearchPrompt {
    /// Whether the query has [`MAX_QUERY_CHARS`] characters, so that no more are added.
    pub fn is_full(&self) -> bool {
        self.query.chars().count() >= MAX_QUERY_CHARS
    }
}

/// A search that was accepted: its words are highlighted and `n`/`N` go through their
/// occurrences, in the passages that hold its results.
#[derive(Debug, Clone)]
pub struct Found {
    pub query: Query,
    pub text: String,
    pub hits: Vec<Hit>,
    /// Each passage that holds a result, once, in the pack's order, with how many times the
    /// query's words occur in it (`doc::passage::occurrences`; none where the result was
    /// found in a text the passage does not show: the passage is then one stop, its start),
    /// or `None` until it is counted (see `occurrences::COUNTED_AT_ONCE`).
    pub passages: Vec<(Passage, Option<usize>)>,
    /// The occurrence `n`/`N` stand on.
    pub at: Occurrence,
}

/// An occurrence of the accepted search: the `nth` (from 0) in its passage, in reading
/// order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Occurrence {
    pub passage: Passage,
    pub nth: usize,
}

/// Where the accepted search stands, for the footer; `at` is `None` while the current
/// occurrence is in a member the filter hides.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SearchPosition {
    /// The current occurrence's number (from 1) among all of them, and how many there are.
    Occurrence { at: Option<usize>, of: usize },
    /// With too many results to count their occurrences at once: the number of the result
    /// (the passage) the current occurrence is in, and how many there are.
    Result { at: Option<usize>, of: usize },
}

/// A one-time remark shown in the footer until the next action.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Note {
    /// `n` or `N` went past the last or first result and started over.
    SearchWrapped,
    /// Enter on a search without results, or `n`/`N` with no search to follow.
    NoResults,
    /// `y` copied the selected item's citation to the clipboard.
    Copied,
    /// `y` where no item is selected (the overview).
    NothingToCopy,
}

/// A new version of the pack, from `--watch`: loaded, or refused with the first line of
/// its first problem.
#[derive(Debug, Clone)]
pub enum Reload {
    Loaded(Box<Content>),
    Failed(String),
}

/// Where the browser starts.
#[derive(Debug, Clone, Copy)]
pub struct StartAt {
    pub lang: Lang,
    pub pane: Pane,
    /// An item to open on (a deep link): its pane, selected, with its detail in view.
    pub item: Option<Target>,
}

/// How a presentation goes: its countdown, and whether the speaker's view is shown. With
/// `start`, clsv opens presenting at that slide (from 0).
#[derive(Debug, Clone, Copy, Default)]
pub struct Talk {
    pub start: Option<usize>,
    pub duration: Option<Duration>,
    pub notes: bool,
    /// The talk's time is shown in whole minutes: the audience's, whose clock is the
    /// speaker's to keep (a count of seconds moving on every screen in the hall would only
    /// draw eyes from the slide).
    pub in_minutes: bool,
}

/// The place of each member, by its index in the pack, in an order of the member table.
pub type Ranks = Arc<[u32]>;

/// A loaded pack and its search index, shared by every browser that shows it (each session
/// of `clsv serve` has its own `App` on one `Pack`). The index is built once, when first
/// needed or asked for: the terminal asks after the first frame, so the first screen never
/// waits for it.
///
/// A browser whose terminal shows only ASCII shows the pack's ASCII form
/// ([`Pack::for_glyphs`]): a pack of its own, with its content transliterated
/// (`Content::to_ascii`) and its own index, so that what is shown, searched and measured is
/// the same ASCII text.
#[derive(Debug)]
pub struct Pack {
    content: Content,
    /// Whether `content` is the ASCII form of the pack.
    ascii: bool,
    /// The ASCII form of this pack, made when a browser in ASCII first asks for it and then
    /// shared by every such browser.
    in_ascii: OnceLock<Arc<Pack>>,
    index: OnceLock<Index>,
    /// The members joining year by year, worked out once.
    growth: OnceLock<Vec<YearGrowth>>,
    /// The place of each member in each order of the table and language, worked out when
    /// first asked for: ordering 100k members by their folded names takes a tenth of a
    /// second, and then only once.
    ranks: Mutex<HashMap<(MemberOrder, Lang), Ranks>>,
    /// How many searches the browsers on this pack have run.
    searches: AtomicU64,
}

impl Pack {
    pub fn new(content: Content) -> Pack {
        Pack::of(content, false)
    }

    /// A pack of `content`, transliterated to ASCII first when `ascii`.
    pub fn of(content: Content, ascii: bool) -> Pack {
        match ascii {
            true => Pack::made(content.to_ascii(), true),
            false => Pack::made(content, false),
        }
    }

    /// A pack of `content`, which is the pack's ASCII form when `ascii`.
    fn made(content: Content, ascii: bool) -> Pack {
        Pack {
            content,
            ascii,
            in_ascii: OnceLock::new(),
            index: OnceLock::new(),
            growth: OnceLock::new(),
            ranks: Mutex::default(),
            searches: AtomicU64::new(0),
        }
    }

    pub fn content(&self) -> &Content {
        &self.content
    }

    /// The pack as a terminal with ASCII glyphs (`ascii`) or Unicode ones shows it: this
    /// pack, or its ASCII form.
    pub fn for_glyphs(self: &Arc<Pack>, ascii: bool) -> Arc<Pack> {
        match ascii && !self.ascii {
            true => Arc::clone(
                self.in_ascii
                    .get_or_init(|| Arc::new(Pack::made(self.content.to_ascii(), true))),
            ),
            false => Arc::clone(self),
        }
    }

    /// Whether the search index has been built.
    pub fn is_indexed(&self) -> bool {
        self.index.get().is_some()
    }

    /// The search index, built now if it was not yet.
    pub fn index(&self) -> &Index {
        self.index.get_or_init(|| Index::new(&self.content))
    }

    /// The results of `query` in `lang`, counted in [`Pack::searches`].
    pub fn search(&self, query: &Query, lang: Lang) -> Vec<Hit> {
        // A count read by nothing that orders other memory: relaxed is enough.
        self.searches.fetch_add(1, Ordering::Relaxed);
        self.index().search(query, lang)
    }

    /// How many searches the browsers on this pack have run (the prompt's, the accepted
    /// ones run again after a change of language or content).
    pub fn searches(&self) -> u64 {
        self.searches.load(Ordering::Relaxed)
    }

    /// The members joining year by year with the running total, every year from the first
    /// to the last (`Members::growth`), worked out when first asked for.
    pub fn growth(&self) -> &[YearGrowth] {
        self.growth.get_or_init(|| self.content.members.growth())
    }

    /// The place of each member (by its index in the pack) in `order`, in `lang`.
    pub fn member_ranks(&self, order: MemberOrder, lang: Lang) -> Ranks {
        let known = self
            .ranks
            .lock()
            .ok()
            .and_then(|ranks| ranks.get(&(order, lang)).cloned());
        if let Some(ranks) = known {
            return ranks;
        }
        let all = (0..self.content.members.members.len()).collect();
        let mut ranks = vec![0u32; self.content.members.members.len()];
        for (rank, member) in sorted_rows(&self.content, lang, order, all)
            .into_iter()
            .enumerate()
        {
            // A pack holds fewer than 2^32 members: its files are capped far below that.
            ranks[member] = u32::try_from(rank).unwrap_or(u32::MAX);
        }
        let ranks: Ranks = ranks.into();
        if let Ok(mut known) = self.ranks.lock() {
            known.insert((order, lang), Arc::clone(&ranks));
        }
        ranks
    }

    /// The members whose own fields hold every word of `text` as the search finds them
    /// (`Index::members_matching`), in the pack's order.
    pub fn members_matching(&self, text: &str, lang: Lang) -> Vec<usize> {
        self.index().members_matching(&Query::new(text), lang)
    }
}

/// The whole state of the browser.
#[derive(Debug, Clone)]
pub struct App {
    pack: Arc<Pack>,
    theme: Theme,
    lang: Lang,
    pane: Pane,
    mode: Mode,
    focus: Focus,
    overview_scroll: usize,
    /// Positions of the list panes: members, declaration, actions.
    lists: [ListPosition; 3],
    help_scroll: usize,
    area: Rect,
    quit: bool,
    prompt: Option<SearchPrompt>,
    found: Option<Found>,
    note: Option<Note>,
    /// Why the last edit of the pack was refused; the content shown is the last good one.
    reload_error: Option<String>,
    /// The slides of the pack.
    deck: Vec<Slide>,
    talk: Talk,
    presentation: Option<Presentation>,
    /// The time since the program started, from `Action::Tick`.
    clock: Duration,
    /// The clock time a talk's shared timer counts from (`Action::TimerFrom`), which a
    /// presentation started again takes up instead of starting its own.
    timer_from: Option<Duration>,
    /// The local time of day (hour, minute), once the event loop has said it.
    time_of_day: Option<(u8, u8)>,
    /// Text for the terminal's clipboard, until the event loop takes it to send.
    clipboard: Option<String>,
    /// The mode to go back to when the help closes.
    before_help: Mode,
    /// The keys, the user's over the defaults.
    keymap: Arc<Keymap>,
    /// A remark shown on the footer until the first key (a configuration that was refused).
    notice: Option<String>,
    /// The width of the widest cell of each column of each list in the current language
    /// (a list has one column, the member table four), so that layout measures a whole
    /// list once: when it is first laid out (not before the first frame, which a long list
    /// would delay). Forgotten with the language.
    column_widths: [OnceCell<Vec<usize>>; 3],
    /// The text of the current pane as last laid out.
    laid_out: DocMemo,
    /// The slides as last laid out.
    slides_laid_out: SlideMemo,
    /// The member table's order and filter, and the rows they give.
    members: MemberTable,
}

/// How far a movement goes.
#[derive(Debug, Clone, Copy)]
pub(super) enum Movement {
    By(isize),
    Pages(isize),
    Top,
    Bottom,
}

impl App {
    /// A browser on `content`, drawn on a terminal of `width`×`height`; in ASCII when the
    /// theme's glyphs are.
    pub fn new(content: Content, theme: Theme, start: StartAt, width: u16, height: u16) -> App {
        let pack = Pack::of(content, theme.ascii);
        App::on(Arc::new(pack), theme, start, width, height)
    }

    /// A browser on a pack that other browsers may show too: its ASCII form when the
    /// theme's glyphs are ASCII.
    pub fn on(pack: Arc<Pack>, theme: Theme, start: StartAt, width: u16, height: u16) -> App {
        let pack = pack.for_glyphs(theme.ascii);
        let deck = crate::present::deck(&pack.content);
        let mut app = App {
            pack,
            theme,
            lang: start.lang,
            pane: start.pane,
            mode: Mode::Browse,
            focus: Focus::List,
            overview_scroll: 0,
            lists: [ListPosition::default(); 3],
            help_scroll: 0,
            area: Rect::new(0, 0, width, height),
            quit: false,
            column_widths: Default::default(),
            laid_out: DocMemo::default(),
            slides_laid_out: SlideMemo::default(),
            prompt: None,
            found: None,
            note: None,
            reload_error: None,
            deck,
            talk: Talk::default(),
            presentation: None,
            clock: Duration::ZERO,
            timer_from: None,
            time_of_day: None,
            clipboard: None,
            before_help: Mode::Browse,
            keymap: Arc::new(Keymap::default()),
            notice: None,
            members: MemberTable::default(),
        };
        app.rearrange_members(None);
        app.clamp_all();
        if let Some(target) = start.item {
            app.open_on(target);
        }
        app
    }

    pub fn content(&self) -> &Content {
        &self.pack.content
    }

    /// The members joining year by year, for the overview's chart.
    pub fn growth(&self) -> &[YearGrowth] {
        self.pack.growth()
    }

    /// Builds the search index and the member table's order by name in the language shown
    /// now, unless they are built: called once a frame is out, so that neither the first
    /// frame nor the first search or `s` waits for them.
    pub fn prepare_search(&self) {
        self.pack.index();
        self.pack.member_ranks(MemberOrder::Name, self.lang);
    }

    pub fn theme(&self) -> &Theme {
        &self.theme
    }

    pub fn lang(&self) -> Lang {
        self.lang
    }

    /// The interface's words in the current language, in ASCII when the glyphs are.
    pub fn strings(&self) -> &'static Strings {
        UiLang::for_tag(self.pack.content.lang_tag(self.lang)).strings_in(self.theme.ascii)
    }

    pub fn pane(&self) -> Pane {
        self.pane
    }

    pub fn mode(&self) -> Mode {
        self.mode
    }

    pub fn focus(&self) -> Focus {
        self.focus
    }

    /// The terminal area the app is laid out in.
    pub fn area(&self) -> Rect {
        self.area
    }

    pub fn overview_scroll(&self) -> usize {
        self.overview_scroll
    }

    /// How far the current pane's text (the overview, or the selected item's detail) is
    /// scrolled.
    pub fn text_scroll(&self) -> usize {
        match Self::list_index(self.pane) {
            None => self.overview_scroll,
            Some(i) => self.lists[i].detail_scroll,
        }
    }

    pub fn help_scroll(&self) -> usize {
        self.help_scroll
    }

    /// The search being typed, in `Mode::Search`.
    pub fn prompt(&self) -> Option<&SearchPrompt> {
        self.prompt.as_ref()
    }

    /// The accepted search, whose words are highlighted.
    pub fn found(&self) -> Option<&Found> {
        self.found.as_ref()
    }

    /// The words to highlight in the text, if a search was accepted.
    pub fn highlight(&self) -> Option<&Query> {
        self.found.as_ref().map(|f| &f.query)
    }

    /// The remark for the footer, if the last action left one.
    pub fn note(&self) -> Option<Note> {
        self.note
    }

    /// Uses these keys instead of the default ones.
    pub fn with_keymap(mut self, keymap: Arc<Keymap>) -> App {
        self.keymap = keymap;
        self
    }

    /// Shows `notice` on the footer until the first key.
    pub fn with_notice(mut self, notice: String) -> App {
        self.notice = Some(notice);
        self
    }

    /// The keys in use.
    pub fn keymap(&self) -> &Keymap {
        &self.keymap
    }

    /// The remark on the footer, if there is one.
    pub fn notice(&self) -> Option<&str> {
        self.notice.as_deref()
    }

    /// Sets how presentations go; with `talk.start`, starts presenting at once.
    pub fn with_talk(mut self, talk: Talk) -> App {
        self.talk = talk;
        if let Some(start) = talk.start {
            let last = self.deck.len().saturating_sub(1);
            self.present_from(start.min(last));
        }
        self
    }

    /// The slides of the pack.
    pub fn deck(&self) -> &[Slide] {
        &self.deck
    }

    /// The presentation, while presenting.
    pub fn presentation(&self) -> Option<&Presentation> {
        self.presentation.as_ref()
    }

    /// The text `y` asked to copy, taken once by whoever writes to the terminal (which sends
    /// it with OSC 52, so that it reaches the clipboard over SSH too).
    pub fn take_clipboard(&mut self) -> Option<String> {
        self.clipboard.take()
    }

    /// `y`: the selected item's citation, for the clipboard.
    pub(super) fn copy_citation(&mut self) {
        let pane = self.pane;
        let row = self.list_position(pane).map_or(0, |p| p.selected);
        let citation = match self.list_len(pane) {
            0 => None,
            _ => doc::citation(self.doc_context(), pane, self.item_at(pane, row)),
        };
        self.note = Some(match citation {
            Some(_) => Note::Copied,
            None => Note::NothingToCopy,
        });
        self.clipboard = citation;
    }

    /// The local time of day (hour, minute), when the event loop has said it.
    pub fn time_of_day(&self) -> Option<(u8, u8)> {
        self.time_of_day
    }

    /// The clock time the presentation's timer counts from, while presenting.
    pub fn timer_start(&self) -> Option<Duration> {
        self.presentation.as_ref().map(|p| p.timer_start)
    }

    /// How the presentation is going: its countdown, the speaker's view, the clock's unit.
    pub fn talk(&self) -> Talk {
        self.talk
    }

    /// The talk's time as the footer shows it: in whole seconds (so that the time shown and
    /// the time left always add up), or in whole minutes for an audience
    /// ([`Talk::in_minutes`]). A tick that leaves it as it is changes nothing on screen.
    pub fn shown_time(&self) -> Duration {
        let seconds = self.elapsed().as_secs();
        match self.talk.in_minutes {
            true => Duration::from_secs(seconds / 60 * 60),
            false => Duration::from_secs(seconds),
        }
    }

    /// The time shown by the presentation's timer.
    pub fn elapsed(&self) -> Duration {
        self.presentation
            .as_ref()
            .map_or(Duration::ZERO, |p| self.clock.saturating_sub(p.timer_start))
    }

    /// Why the last edit of the pack was refused, while it is.
    pub fn reload_error(&self) -> Option<&str> {
        self.reload_error.as_deref()
    }

    /// Whether the user asked to leave.
    pub fn should_quit(&self) -> bool {
        self.quit
    }

    /// The position of a list pane (the overview has none).
    pub fn list_position(&self, pane: Pane) -> Option<ListPosition> {
        Self::list_index(pane).map(|i| self.lists[i])
    }

    pub(super) fn list_index(pane: Pane) -> Option<usize> {
        pane.index().checked_sub(1)
    }

    /// The number of rows in a pane's list.
    pub fn list_len(&self, pane: Pane) -> usize {
        match pane {
            Pane::Overview => 0,
            Pane::Members => self.members.rows.len(),
            Pane::Declaration => self.pack.content.declaration.items.len(),
            Pane::Actions => self.pack.content.actions.items.len(),
        }
    }

    /// Carries out one action. This is the only place the state changes (with `update_all`,
    /// which carries out several).
    pub fn update(&mut self, action: Action) {
        self.apply(action);
        self.settle_edits();
    }

    /// Carries out `actions` in order, as `update` does one by one, and stops after one that
    /// makes the app quit. The query being typed is searched once, on its last text, at the
    /// end (or before an action that reads its results): keys that arrive together, as a
    /// paste or a burst over a slow link, cost one search rather than one per character.
    pub fn update_all(&mut self, actions: impl IntoIterator<Item = Action>) {
        self.update_each(actions, |_, action| Some(action));
    }

    /// Carries out the actions that `inputs` ask for, as `update_all` does: each input is
    /// turned into its action by `action_for` against the state the inputs before it left
    /// (a "/" makes the keys after it typing), and the query is searched once, at the end.
    /// Until then the search results are those of the query's earlier text: `action_for`
    /// should read no more than the mode and the keymap. Returns whether any input asked
    /// for an action.
    pub fn update_each<I>(
        &mut self,
        inputs: impl IntoIterator<Item = I>,
        mut action_for: impl FnMut(&App, I) -> Option<Action>,
    ) -> bool {
        let mut acted = false;
        for input in inputs {
            let Some(action) = action_for(self, input) else {
                continue;
            };
            acted = true;
            if self.changes_nothing(action) {
                continue;
            }
            self.apply(action);
            if self.quit {
                break;
            }
        }
        self.settle_edits();
        acted
    }

    /// Carries out what edits leave for the end of an action or a batch: the search of the
    /// query being typed, and the filtering of the member table.
    fn settle_edits(&mut self) {
        self.search_edited_query();
        self.filter_edited_members();
    }

    /// Text pasted into the terminal. In the search or the filter prompt it is typed, as one
    /// batch (one search, one filtering): line breaks and tabs become spaces, other control characters are left out,
    /// and what a full query cannot hold is not added. Anywhere else it does nothing: pasted
    /// text is never taken for keys (a pasted "q" does not quit).
    pub fn paste(&mut self, text: &str) {
        if !matches!(self.mode, Mode::Search | Mode::Filter) {
            return;
        }
        let typed = text.chars().filter_map(|c| match c {
            c if c.is_control() && c.is_whitespace() => Some(' '),
            c if c.is_control() => None,
            c => Some(c),
        });
        // Past a full query's worth of characters, each would be refused: they are not read.
        self.update_all(typed.take(MAX_QUERY_CHARS).map(Action::InsertChar));
    }

    /// Carries out one action, except that an edit of the query is searched later, by
    /// `search_edited_query`.
    fn apply(&mut self, action: Action) {
        // Any other action may read the results of the query: they are brought up to date.
        if !matches!(
            action,
            Action::InsertChar(_) | Action::DeleteChar | Action::ClearQuery
        ) {
            self.settle_edits();
        }
        if !matches!(
            action,
            Action::Resize { .. }
                | Action::Tick(_)
                | Action::TimerFrom(_)
                | Action::TimeOfDay { .. }
        ) {
            self.note = None;
            self.notice = None;
        }
        match action {
            Action::Quit => self.quit = true,
            Action::Resize { width, height } => self.area = Rect::new(0, 0, width, height),
            Action::Tick(clock) => self.clock = clock,
            Action::TimerFrom(start) => {
                self.timer_from = Some(start);
                if let Some(p) = self.presentation.as_mut() {
                    p.timer_start = start;
                }
            }
            Action::TimeOfDay { hour, minute } => self.time_of_day = Some((hour, minute)),
            Action::OpenHelp => {
                self.before_help = self.mode;
                self.mode = Mode::Help;
                self.help_scroll = 0;
            }
            Action::CloseHelp => self.mode = self.before_help,
            Action::Scroll(ScrollTarget::Help, lines) => {
                self.scroll_help(Movement::By(lines.into()))
            }
            // What another terminal shows reaches a presentation under its help screen too,
            // so that closing the help finds the slide everyone else is on.
            Action::Follow { .. } | Action::PairEnded if self.presentation.is_some() => {
                self.update_presentation(action)
            }
            _ if self.mode == Mode::Help => {
                if let Some(movement) = Self::movement(action) {
                    self.scroll_help(movement);
                }
            }
            _ if self.mode == Mode::Search => self.update_search(action),
            _ if self.mode == Mode::Filter => self.update_filter(action),
            _ if self.mode == Mode::Present => self.update_presentation(action),
            _ => self.update_browse(action),
        }
        // Under a presentation the panes change only with the size and the language: a
        // slide's action leaves them be, which a thousand followers of a talk would each
        // pay for (laying out every list's introduction).
        let panes_unchanged = self.mode == Mode::Present
            && !matches!(action, Action::Resize { .. } | Action::SwitchLanguage);
        match panes_unchanged {
            true => self.clamp_over_panes(),
            false => self.clamp_all(),
        }
    }

    /// How far a movement key goes (`None` for an action that is not one).
    pub(super) fn movement(action: Action) -> Option<Movement> {
        Some(match action {
            Action::MoveDown => Movement::By(1),
            Action::MoveUp => Movement::By(-1),
            Action::PageDown => Movement::Pages(1),
            Action::PageUp => Movement::Pages(-1),
            Action::MoveToTop => Movement::Top,
            Action::MoveToBottom => Movement::Bottom,
            _ => return None,
        })
    }

    /// Where `position` ends up after `movement` in a range of `len`, paging by `page`.
    pub(super) fn moved(position: usize, movement: Movement, page: usize, len: usize) -> usize {
        let last = len.saturating_sub(1);
        match movement {
            Movement::By(delta) => position.saturating_add_signed(delta).min(last),
            Movement::Pages(pages) => position
                .saturating_add_signed(pages.saturating_mul(page as isize))
                .min(last),
            Movement::Top => 0,
            Movement::Bottom => last,
        }
    }

    /// Keeps every position valid for the current content, language and size: selections
    /// inside their lists and visible, scrolls no further than the end of their text.
    pub(super) fn clamp_all(&mut self) {
        self.clamp_panes();
        self.clamp_over_panes();
    }

    /// Keeps the positions of what is shown over the panes valid: the help's scroll, the
    /// slide's page, the search result selected.
    fn clamp_over_panes(&mut self) {
        if self.mode == Mode::Help {
            self.help_scroll = self.help_scroll.min(self.max_help_scroll());
        }
        // Only while presenting (its help included): laying a slide out is not free, and
        // nothing else needs it.
        if self.presentation.is_some() {
            let last_page = self.current_slide_pages().saturating_sub(1);
            if let Some(p) = self.presentation.as_mut() {
                p.page = p.page.min(last_page);
            }
        }
        let visible = self.visible_results();
        if let Some(prompt) = self.prompt.as_mut() {
            (prompt.selected, prompt.offset) =
                in_view(prompt.selected, prompt.offset, prompt.hits.len(), visible);
        }
    }

    /// Keeps the lists' selections inside their lists and visible, and the current pane's
    /// text scrolled no further than its end.
    fn clamp_panes(&mut self) {
        let current = self.pane;
        for pane in Pane::ALL {
            let len = self.list_len(pane);
            if let Some(i) = Self::list_index(pane) {
                let rows = self.list_rows_of(pane);
                let position = &mut self.lists[i];
                (position.selected, position.offset) =
                    in_view(position.selected, position.offset, len, rows);
            }
        }
        // Text lengths depend on the width and language; only the visible pane needs its
        // scroll clamped now, the others are clamped when they are shown.
        let max = self.max_text_scroll();
        match Self::list_index(current) {
            None => self.overview_scroll = self.overview_scroll.min(max),
            Some(i) => self.lists[i].detail_scroll = self.lists[i].detail_scroll.min(max),
        }
    }
}

/// A selection inside a list of `len` rows and the first row shown, moved as little as
/// possible so that the selection is among the `rows` shown and no rows are left empty
/// below the end.
fn in_view(selected: usize, offset: usize, len: usize, rows: usize) -> (usize, usize) {
    let rows = rows.max(1);
    let selected = selected.min(len.saturating_sub(1));
    let offset = offset
        .min(selected)
        .max((selected + 1).saturating_sub(rows))
        .min(len.saturating_sub(rows));
    (selected, offset)
}
