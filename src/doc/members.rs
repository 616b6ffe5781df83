//! The text of the members pane: a row of the list, and the detail of a member.

use std::sync::Arc;

use ratatui::style::Style;

use super::{Context, Doc, DocText};
use crate::content::Lang;
use crate::search::{FieldKind, Target, field_text};
use crate::text;

/// The cells of a member's row in the table: the ISO code, the name, the region and the
/// year of joining.
pub fn cells(cx: Context, item: usize) -> Vec<String> {
    let Some(member) = cx.content.members.members.get(item) else {
        return Vec::new();
    };
    let region = cx
        .content
        .region_of(member)
        .map_or("", |r| r.name.get(cx.lang));
    vec![
        member.code.clone(),
        member.name.get(cx.lang).to_string(),
        region.to_string(),
        member.joined.to_string(),
    ]
}

/// The detail of member `row` at `width` columns: its names in every language, code,
/// region (in every language where it differs), year of joining, note, and the source of
/// each added fact.
pub fn doc(cx: Context, row: usize, width: usize) -> DocText {
    let content = cx.content;
    let mut doc = Doc::new(cx, width);
    let Some(member) = content.members.members.get(row) else {
        return doc.finish();
    };
    let strings = cx.strings;
    let lang = cx.lang;
    let theme = cx.theme;
    // The region and the year as the search indexes them, so that the field words that
    // name them (`region:`, `an:`) mark in them what the search found.
    let target = Target::Member(row);
    let region: Arc<str> = Arc::from(field_text(content, target, FieldKind::Region, lang));
    let joined = Arc::from(field_text(content, target, FieldKind::Joined, lang));

    // The member's texts shared, not copied: a note may be long.
    let mut fields: Vec<(String, Arc<str>, Option<FieldKind>)> = (0..content.languages.len())
        .map(Lang)
        .map(|l| {
            let label = format!("{} ({})", strings.name, content.lang_tag(l));
            (label, member.name.shared(l), None)
        })
        .collect();
    fields.push((
        strings.code.to_string(),
        Arc::from(member.code.as_str()),
        None,
    ));
    fields.push((
        strings.region.to_string(),
        region.clone(),
        Some(FieldKind::Region),
    ));
    // The region in every other language where it reads differently: the search finds a
    // region in any language, and what it found is marked here.
    for other in (0..content.languages.len())
        .map(Lang)
        .filter(|&l| l != lang)
    {
        let text = field_text(content, target, FieldKind::Region, other);
        if !text.is_empty() && *text != *region {
            let label = format!("{} ({})", strings.region, content.lang_tag(other));
            fields.push((label, Arc::from(text), Some(FieldKind::Region)));
        }
    }
    fields.push((strings.joined.to_string(), joined, Some(FieldKind::Joined)));
    if let Some(note) = &member.note {
        fields.push((strings.note.to_string(), note.shared(lang), None));
    }
    let label_width = fields
        .iter()
        .map(|(l, _, _)| text::width(l))
        .max()
        .unwrap_or(0)
        + 2;

    doc.anchor(target);
    doc.text(member.name.shared(lang), theme.heading());
    doc.blank();
    for (label, value, kind) in fields {
        doc.field_of(&label, label_width, value, kind);
    }
    doc.blank();
    doc.text(strings.sources, theme.heading());
    let bullet = format!("{} ", theme.glyphs().bullet);
    let notes = member
        .note_sources
        .iter()
        .map(|&source| (strings.note, source));
    for (what, source) in [
        (strings.code, member.code_source),
        (strings.region, member.region_source),
        (strings.joined, member.joined_source),
    ]
    .into_iter()
    .chain(notes)
    {
        let Some(source) = content.source(source) else {
            continue;
        };
        let line = format!("{what}: {}", source.citation(lang));
        doc.hanging(line, (&bullet, Style::new()), "  ", Style::new());
    }
    doc.finish()
}
