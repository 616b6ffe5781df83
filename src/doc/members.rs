//! The text of the members pane: a row of the list, and the detail of a member.

use ratatui::style::Style;

use super::{Context, Doc, DocText};
use crate::search::Target;
use crate::text;

/// A row of the member list: the ISO code and the name.
pub fn row_label(cx: Context, row: usize) -> String {
    cx.content
        .members
        .members
        .get(row)
        .map_or(String::new(), |m| {
            format!("{}  {}", m.code, m.name.get(cx.lang))
        })
}

/// The detail of member `row` at `width` columns: its names in every language, code,
/// region, year of joining, note, and the source of each added fact.
pub fn doc(cx: Context, row: usize, width: usize) -> DocText {
    let content = cx.content;
    let mut doc = Doc::new(cx, width);
    let Some(member) = content.members.members.get(row) else {
        return doc.finish();
    };
    let strings = cx.strings;
    let lang = cx.lang;
    let theme = cx.theme;
    let region = content.region_of(member).map_or("", |r| r.name.get(lang));
    let joined = member.joined.to_string();

    let mut fields: Vec<(String, &str)> = member
        .name
        .all()
        .map(|(l, name)| (format!("{} ({})", strings.name, content.lang_tag(l)), name))
        .collect();
    fields.push((strings.code.to_string(), &member.code));
    fields.push((strings.region.to_string(), region));
    fields.push((strings.joined.to_string(), &joined));
    if let Some(note) = &member.note {
        fields.push((strings.note.to_string(), note.get(lang)));
    }
    let label_width = fields
        .iter()
        .map(|(l, _)| text::width(l))
        .max()
        .unwrap_or(0)
        + 2;

    doc.anchor(Target::Member(row));
    doc.text(member.name.get(lang), theme.heading());
    doc.blank();
    for (label, value) in &fields {
        doc.field(label, label_width, value);
    }
    doc.blank();
    doc.text(strings.sources, theme.heading());
    let bullet = format!("{} ", theme.glyphs().bullet);
    for (what, source) in [
        (strings.code, member.code_source),
        (strings.region, member.region_source),
        (strings.joined, member.joined_source),
    ] {
        let Some(source) = content.source(source) else {
            continue;
        };
        let mut line = format!("{what}: {}", source.title.get(lang));
        if let Some(url) = &source.url {
            line.push_str(&format!(" <{url}>"));
        }
        doc.hanging(&line, (&bullet, Style::new()), "  ", Style::new());
    }
    doc.finish()
}
