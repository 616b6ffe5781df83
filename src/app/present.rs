//! Presenting: the slide shown, its scroll, the blank screen, the typed slide number and the
//! timer, as the presenter's keys and the shared slide of a talk change them.

use super::App;
use crate::action::Action;
use crate::present::Presentation;
use crate::vocabulary::Mode;

impl App {
    pub(super) fn present_from(&mut self, slide: usize) {
        let talk = self.talk;
        self.presentation = Some(Presentation::new(
            slide,
            // A talk's shared timer goes on; any other starts with the presentation.
            self.timer_from.unwrap_or(self.clock),
            talk.duration,
            talk.notes,
        ));
        self.mode = Mode::Present;
    }

    /// An action while presenting.
    pub(super) fn update_presentation(&mut self, action: Action) {
        let last = self.deck.len().saturating_sub(1);
        let last_page = self.current_slide_pages().saturating_sub(1);
        let Some(p) = self.presentation.as_mut() else {
            self.mode = Mode::Browse;
            return;
        };
        if let Action::Follow {
            slide,
            blank,
            speaker,
        } = action
        {
            if p.slide != slide.min(last) {
                p.slide = slide.min(last);
                p.page = 0;
            }
            p.blank = blank;
            p.speaker_away = !speaker;
            return;
        }
        if action == Action::PairEnded {
            p.pair_ended = true;
            return;
        }
        if p.blank {
            // Any key brings the slide back, and does nothing else.
            p.blank = false;
            return;
        }
        if !matches!(action, Action::TypeDigit(_) | Action::GoToTypedSlide) {
            p.typed.clear();
        }
        let go = |p: &mut Presentation, slide: usize| {
            if p.slide != slide {
                p.slide = slide;
                p.page = 0;
            }
        };
        match action {
            // A slide of several pages shows them in turn before the next slide.
            Action::NextSlide if p.page < last_page => p.page += 1,
            Action::NextSlide => go(p, (p.slide + 1).min(last)),
            Action::PrevSlide if p.page > 0 => p.page -= 1,
            Action::PrevSlide => go(p, p.slide.saturating_sub(1)),
            Action::FirstSlide => go(p, 0),
            Action::LastSlide => go(p, last),
            Action::TypeDigit(digit) if p.typed.len() < 4 => p.typed.push(char::from(b'0' + digit)),
            Action::GoToTypedSlide => {
                if let Ok(number) = p.typed.parse::<usize>() {
                    go(p, number.saturating_sub(1).min(last));
                }
                p.typed.clear();
            }
            Action::BlankScreen => p.blank = true,
            Action::SwitchLanguage => self.switch_language(),
            Action::ResetTimer => {
                p.timer_start = self.clock;
                // A shared timer is reset for this presentation started again too.
                if self.timer_from.is_some() {
                    self.timer_from = Some(self.clock);
                }
            }
            // The wheel turns the pages of a long slide.
            Action::Scroll(_, lines) if lines > 0 => p.page = (p.page + 1).min(last_page),
            Action::Scroll(_, _) => p.page = p.page.saturating_sub(1),
            Action::StopPresenting => {
                self.presentation = None;
                self.mode = Mode::Browse;
            }
            _ => {}
        }
    }
}
