//! Presentation mode: the pack as a deck of slides for a room. The deck comes from
//! `slides.ron` when the pack has one, and is derived from the content otherwise; this module
//! holds the deck and the presenter's state (slide, scroll, blank screen, timer), which
//! `App::update` changes like any other state.

use std::str::FromStr;
use std::time::Duration;

use crate::content::{Content, ItemRef, Slide, SlideShows};
use crate::vocabulary::Pane;

/// The slides of a pack: its own choice, or one slide per part of the content.
pub fn deck(content: &Content) -> Vec<Slide> {
    if let Some(slides) = &content.slides {
        return slides.clone();
    }
    let slide = Slide::of;
    let sections = content.overview.sections.len();
    let mut deck = vec![Slide {
        with: (0..sections.min(1)).collect(),
        ..Slide::of(SlideShows::Title)
    }];
    deck.extend((1..sections).map(|i| slide(SlideShows::Section(i))));
    if !content.overview.timeline.is_empty() {
        deck.push(slide(SlideShows::Timeline));
    }
    if !content.members.members.is_empty() {
        deck.push(slide(SlideShows::Members));
    }
    deck.extend((0..content.declaration.items.len()).map(|i| slide(SlideShows::Declaration(i))));
    deck.extend((0..content.actions.items.len()).map(|i| slide(SlideShows::Action(i))));
    deck
}

/// The slide that shows what the browser has selected in `pane` (`row` in a list), or the
/// first slide.
pub fn slide_for(deck: &[Slide], pane: Pane, row: usize) -> usize {
    let item = match pane {
        Pane::Declaration => Some(ItemRef::Declaration(row)),
        Pane::Actions => Some(ItemRef::Action(row)),
        _ => None,
    };
    let wanted = |slide: &Slide| match (pane, slide.shows) {
        (Pane::Members, SlideShows::Members) => true,
        (Pane::Declaration, SlideShows::Declaration(i)) => i == row,
        (Pane::Actions, SlideShows::Action(i)) => i == row,
        (_, SlideShows::List) => item.is_some_and(|item| slide.items.contains(&item)),
        _ => false,
    };
    deck.iter().position(wanted).unwrap_or(0)
}

/// A slide named on the command line: its number (from 1) or the id of what it shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SlideRef {
    Number(usize),
    Id(String),
}

impl FromStr for SlideRef {
    type Err = String;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let text = text.trim();
        if text.is_empty() {
            return Err("name a slide by its number (from 1) or the id of what it shows".into());
        }
        if !text.bytes().all(|b| b.is_ascii_digit()) {
            return Ok(SlideRef::Id(text.to_string()));
        }
        match text.parse::<usize>() {
            Ok(0) => Err("slides are numbered from 1".into()),
            Ok(number) => Ok(SlideRef::Number(number)),
            Err(_) => Err(format!("\"{text}\" is too large a slide number")),
        }
    }
}

/// The ids of what `slide` shows: `title`, `timeline`, `members`, or the id of its section
/// or of each of its items (as `slides.ron` names them).
pub fn slide_ids<'c>(content: &'c Content, slide: &Slide) -> Vec<&'c str> {
    let item_id = |item: ItemRef| match item {
        ItemRef::Declaration(i) => content.declaration.items.get(i).map_or("", |s| &s.id),
        ItemRef::Action(i) => content.actions.items.get(i).map_or("", |s| &s.id),
    };
    match slide.shows {
        SlideShows::Title => vec!["title"],
        SlideShows::Timeline => vec!["timeline"],
        SlideShows::Members => vec!["members"],
        SlideShows::Section(i) => vec![content.overview.sections.get(i).map_or("", |s| &s.id)],
        SlideShows::Declaration(i) => vec![item_id(ItemRef::Declaration(i))],
        SlideShows::Action(i) => vec![item_id(ItemRef::Action(i))],
        SlideShows::List => slide.items.iter().map(|&item| item_id(item)).collect(),
    }
}

/// The slide of `deck` (from 0) that `wanted` names. A number past the end is the last slide,
/// as typing it while presenting is; an id that no slide shows is refused with the ids there
/// are.
pub fn find_slide(content: &Content, deck: &[Slide], wanted: &SlideRef) -> Result<usize, String> {
    match wanted {
        SlideRef::Number(number) => Ok(number.saturating_sub(1)),
        SlideRef::Id(id) => deck
            .iter()
            .position(|slide| slide_ids(content, slide).contains(&id.as_str()))
            .ok_or_else(|| {
                let ids: Vec<&str> = deck.iter().flat_map(|s| slide_ids(content, s)).collect();
                format!(
                    "no slide shows \"{id}\": --start takes a number from 1 to {} or one of: {}",
                    deck.len(),
                    ids.join(", ")
                )
            }),
    }
}

/// Where the presenter is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Presentation {
    /// The slide shown, from 0.
    pub slide: usize,
    /// The page shown of a slide too long for the screen, from 0.
    pub page: usize,
    /// The screen is blank (a pause for the room's attention).
    pub blank: bool,
    /// Digits typed for "go to slide N, Enter".
    pub typed: String,
    /// The clock when the timer was (re)started.
    pub timer_start: Duration,
    /// The time the talk may take, for the countdown.
    pub duration: Option<Duration>,
    /// The speaker's view: the slide small, the next slide, the notes, the timers.
    pub notes: bool,
    /// Following a speaker who is not connected (the audience of `clsv serve --present`).
    pub speaker_away: bool,
    /// The terminal this one was paired with (`clsv present --follow`) has closed.
    pub pair_ended: bool,
}

impl Presentation {
    pub fn new(slide: usize, clock: Duration, duration: Option<Duration>, notes: bool) -> Self {
        Presentation {
            slide,
            page: 0,
            blank: false,
            typed: String::new(),
            timer_start: clock,
            duration,
            notes,
            speaker_away: false,
            pair_ended: false,
        }
    }
}

/// How the countdown stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Countdown {
    /// More than two minutes left.
    Plenty(Duration),
    /// Two minutes or less left.
    Closing(Duration),
    /// Over time by this much.
    Over(Duration),
}

/// The time left of `duration` after `elapsed`.
pub fn countdown(duration: Duration, elapsed: Duration) -> Countdown {
    const CLOSING: Duration = Duration::from_secs(120);
    match duration.checked_sub(elapsed) {
        Some(left) if left > CLOSING => Countdown::Plenty(left),
        Some(left) if !left.is_zero() => Countdown::Closing(left),
        _ => Countdown::Over(elapsed.saturating_sub(duration)),
    }
}

/// `12:03`, or `1:02:03` past an hour.
pub fn clock_text(time: Duration) -> String {
    let seconds = time.as_secs();
    let (hours, minutes, seconds) = (seconds / 3600, seconds / 60 % 60, seconds % 60);
    match hours {
        0 => format!("{minutes:02}:{seconds:02}"),
        h => format!("{h}:{minutes:02}:{seconds:02}"),
    }
}

/// Parses a duration such as `20m`, `90s`, `1h30m` or `45` (minutes).
pub fn parse_duration(text: &str) -> Result<Duration, String> {
    let text = text.trim();
    if let Ok(minutes) = text.parse::<u64>() {
        return Ok(Duration::from_secs(minutes * 60));
    }
    let mut total = 0u64;
    let mut number = String::new();
    for c in text.chars() {
        match c {
            '0'..='9' => number.push(c),
            'h' | 'm' | 's' if !number.is_empty() => {
                let n: u64 = number
                    .parse()
                    .map_err(|_| format!("\"{text}\" is too long"))?;
                total += n * match c {
                    'h' => 3600,
                    'm' => 60,
                    _ => 1,
                };
                number.clear();
            }
            _ => {
                return Err(format!(
                    "\"{text}\" is not a duration (such as 20m, 90s, 1h30m)"
                ));
            }
        }
    }
    if !number.is_empty() || total == 0 {
        return Err(format!(
            "\"{text}\" is not a duration (such as 20m, 90s, 1h30m)"
        ));
    }
    Ok(Duration::from_secs(total))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_slide_is_named_by_number_from_one_or_by_id() {
        assert_eq!("3".parse(), Ok(SlideRef::Number(3)));
        assert_eq!(" members ".parse(), Ok(SlideRef::Id("members".to_string())));
        assert_eq!("2014a".parse(), Ok(SlideRef::Id("2014a".to_string())));
        assert!("0".parse::<SlideRef>().is_err());
        assert!("".parse::<SlideRef>().is_err());
        assert!("99999999999999999999999".parse::<SlideRef>().is_err());
    }

    #[test]
    fn durations_read_as_people_write_them() {
        assert_eq!(parse_duration("20m"), Ok(Duration::from_secs(1200)));
        assert_eq!(parse_duration("90s"), Ok(Duration::from_secs(90)));
        assert_eq!(parse_duration("1h30m"), Ok(Duration::from_secs(5400)));
        assert_eq!(parse_duration("45"), Ok(Duration::from_secs(2700)));
        assert!(parse_duration("20x").is_err());
        assert!(parse_duration("m").is_err());
        assert!(parse_duration("0m").is_err());
    }

    #[test]
    fn the_countdown_warns_in_the_last_two_minutes_and_when_over() {
        let twenty = Duration::from_secs(1200);
        let at = |s| countdown(twenty, Duration::from_secs(s));
        assert_eq!(at(0), Countdown::Plenty(twenty));
        assert_eq!(at(1079), Countdown::Plenty(Duration::from_secs(121)));
        assert_eq!(at(1080), Countdown::Closing(Duration::from_secs(120)));
        assert_eq!(at(1200), Countdown::Over(Duration::ZERO));
        assert_eq!(at(1265), Countdown::Over(Duration::from_secs(65)));
        assert_eq!(clock_text(Duration::from_secs(723)), "12:03");
        assert_eq!(clock_text(Duration::from_secs(3723)), "1:02:03");
    }
}
