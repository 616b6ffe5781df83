//! What a user can ask for. Keys and mouse events become `Action`s (through the keymap and
//! the hit test); `App::update` carries them out. Nothing else changes the state.

use crate::vocabulary::Pane;

/// A user intent, independent of the key or click that expressed it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Action {
    /// Show the next pane, wrapping from the last to the first.
    NextPane,
    /// Show the previous pane, wrapping from the first to the last.
    PrevPane,
    /// Show this pane.
    ShowPane(Pane),
    /// Move the selection down one row, or scroll the text down one line.
    MoveDown,
    /// Move the selection up one row, or scroll the text up one line.
    MoveUp,
    /// Move or scroll down by a page.
    PageDown,
    /// Move or scroll up by a page.
    PageUp,
    /// Go to the first row or the top of the text.
    MoveToTop,
    /// Go to the last row or the end of the text.
    MoveToBottom,
    /// Put the focus on the detail of the selected item, so that moving scrolls it.
    FocusDetail,
    /// Put the focus back on the list.
    FocusList,
    /// Go back: from the detail to the list, or, on the list, stop highlighting the search.
    Back,
    /// Show the content and the interface in the pack's next language.
    SwitchLanguage,
    /// Copy the selected item's citation (its title and the sources it cites) to the
    /// terminal's clipboard.
    CopyCitation,
    /// Scroll the text to the heading of its next section (the overview's sections, the
    /// timeline, a detail's sources).
    NextSection,
    /// Scroll the text back to the heading of the section it is in, or of the one before.
    PrevSection,
    /// Show the help screen with every key of the browser.
    OpenHelp,
    /// Close the help screen.
    CloseHelp,
    /// Leave clsv.
    Quit,
    /// Open the search prompt; results update with every key typed.
    OpenSearch,
    /// Add a character to the search being typed.
    InsertChar(char),
    /// Remove the last character of the search being typed.
    DeleteChar,
    /// Empty the search being typed.
    ClearQuery,
    /// Go to the selected result and follow the search (`n`/`N`, highlights).
    AcceptSearch,
    /// Leave the search prompt, back where the search began.
    CancelSearch,
    /// Go to this result of the search being typed (a click).
    SelectResult(usize),
    /// Go to the next result of the accepted search, starting over after the last.
    NextMatch,
    /// Go to the previous result of the accepted search, starting over before the first.
    PrevMatch,
    /// Sort the member table by the next order: source, name, year joined, region.
    CycleOrder,
    /// Show the world map of the members in place of the selected member's detail, or the
    /// detail again.
    ToggleMap,
    /// Open the filter prompt over the member table.
    OpenFilter,
    /// Keep the filter and go back to the table.
    AcceptFilter,
    /// Clear the filter and go back to the table.
    CancelFilter,
    /// Present the pack as slides, starting at the slide of the selected item.
    StartPresenting,
    /// Leave the presentation, back to the browser.
    StopPresenting,
    /// The next slide (or, on a slide too long for the screen, the rest of it first).
    NextSlide,
    /// The previous slide (or, on a scrolled slide, its beginning first).
    PrevSlide,
    /// The first slide.
    FirstSlide,
    /// The last slide.
    LastSlide,
    /// A digit of a slide number to go to (with `GoToTypedSlide`).
    TypeDigit(u8),
    /// Go to the slide whose number was typed.
    GoToTypedSlide,
    /// Blank the screen; any key brings the slide back.
    BlankScreen,
    /// Start the presentation's timer again from zero.
    ResetTimer,
    /// Show what the speaker shows: this slide, blank or not, and whether a speaker is
    /// connected at all (the audience of `clsv serve --present`).
    Follow {
        slide: usize,
        blank: bool,
        speaker: bool,
    },
    /// The terminal this one was paired with (`clsv present --follow`) has closed: go on
    /// presenting alone, and say so on the footer.
    PairEnded,
    /// The time since the program started, for the presentation's clock.
    Tick(std::time::Duration),
    /// The talk's timer counts from this time of the clock `Tick` gives: the timer every
    /// presenter of `clsv serve --present` shares, started or reset by any of them.
    TimerFrom(std::time::Duration),
    /// The local time of day, for the speaker's view.
    TimeOfDay { hour: u8, minute: u8 },
    /// Select this row of the current pane's list (a click).
    SelectRow(usize),
    /// Scroll a region by a number of lines, negative upwards (the mouse wheel).
    Scroll(ScrollTarget, i16),
    /// The terminal now has this size.
    Resize { width: u16, height: u16 },
}

/// What the mouse wheel scrolls.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ScrollTarget {
    /// The list of the current pane: the selection moves.
    List,
    /// The text of the current pane (the detail, or the overview).
    Text,
    /// The help screen.
    Help,
}
