//! The overview's text: its sections, then the timeline of conferences, as one scrollable
//! text; and the pieces other texts share with it (a conference, added facts, a source).

use ratatui::style::Style;

use super::{Context, Doc, DocText};
use crate::content::{Event, Fact, SourceRef};
use crate::search::Target;

/// The overview's text at `width` columns.
pub fn doc(cx: Context, width: usize) -> DocText {
    let lang = cx.lang;
    let overview = &cx.content.overview;
    let mut doc = Doc::new(cx, width);
    for (i, section) in overview.sections.iter().enumerate() {
        doc.anchor(Target::Section(i));
        doc.heading(section.title.shared(lang));
        doc.text(section.body.shared(lang), Style::new());
        facts(&mut doc, cx, &section.facts);
        doc.blank();
    }
    if !overview.timeline.is_empty() {
        doc.heading(cx.strings.timeline);
        for (i, event) in overview.timeline.iter().enumerate() {
            doc.anchor(Target::Event(i));
            self::event(&mut doc, cx, event);
            source(&mut doc, cx, event.source);
        }
    }
    doc.finish()
}

/// A conference: its date and place, then what happened.
pub fn event(doc: &mut Doc, cx: Context, event: &Event) {
    let lang = cx.lang;
    let separator = cx.theme.glyphs().separator;
    let heading = format!(
        "{} {separator} {}",
        event.date.get(lang),
        event.place.get(lang)
    );
    doc.text(heading, cx.theme.label());
    doc.hanging(
        event.text.shared(lang),
        ("  ", Style::new()),
        "  ",
        Style::new(),
    );
}

/// An added fact as an item of a bulleted list.
pub fn fact(doc: &mut Doc, cx: Context, fact: &Fact) {
    let bullet = format!("{} ", cx.theme.glyphs().bullet);
    doc.hanging(
        fact.text.shared(cx.lang),
        (&bullet, Style::new()),
        "  ",
        Style::new(),
    );
}

/// Added facts as a bulleted list, each followed by its source.
pub fn facts(doc: &mut Doc, cx: Context, facts: &[Fact]) {
    for added in facts {
        fact(doc, cx, added);
        if let Some(cited) = added.source {
            source(doc, cx, cited);
        }
    }
}

/// "Source: …" under a fact, indented and dim, its web address a link.
pub fn source(doc: &mut Doc, cx: Context, source: SourceRef) {
    let Some(source) = cx.content.source(source) else {
        return;
    };
    let lead = format!("{}: ", cx.strings.source);
    doc.citation(&lead, source, ("  ", Style::new()), "  ", cx.theme.dim());
}

/// The year in a conference's date ("8–9 December 2011" gives "2011"): its last run of four
/// digits, or the whole date when it has none.
pub fn year_of(date: &str) -> &str {
    let bytes = date.as_bytes();
    (0..bytes.len().saturating_sub(3))
        .rev()
        .find(|&at| {
            bytes[at..at + 4].iter().all(u8::is_ascii_digit)
                && (at == 0 || !bytes[at - 1].is_ascii_digit())
                && bytes.get(at + 4).is_none_or(|b| !b.is_ascii_digit())
        })
        .map_or(date, |at| &date[at..at + 4])
}

#[cfg(test)]
mod tests {
    use super::year_of;

    #[test]
    fn the_year_of_a_date_is_its_last_four_digits() {
        assert_eq!(year_of("8–9 decembrie 2011"), "2011");
        assert_eq!(year_of("2013"), "2013");
        assert_eq!(year_of("June 2013, then 2014"), "2014");
        assert_eq!(year_of("spring"), "spring");
        assert_eq!(year_of("12345"), "12345");
        assert_eq!(year_of(""), "");
    }
}
