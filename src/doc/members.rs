//! The text of the members pane: a row of the list, and the detail of a member.

use std::sync::Arc;

use ratatui::style::Style;

use super::{Context, Doc, DocText};
use crate::content::{Lang, SourceRef};
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

/// The detail of member `row` at `width` columns (its box is titled with its name): its
/// name in the other languages where it differs, code, region (in every language where it
/// differs), year of joining and note, each added fact marked with its source ("[1]"), and
/// the sources listed once below, their web addresses links (`Doc::citation`).
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
    let joined: Arc<str> = Arc::from(field_text(content, target, FieldKind::Joined, lang));

    // The sources in the order the fields cite them, each once: "[1]" beside a field.
    let mut cited: Vec<SourceRef> = Vec::new();
    let mut marker = |source: SourceRef| -> String {
        if content.source(source).is_none() {
            return String::new();
        }
        let n = match cited.iter().position(|&s| s == source) {
            Some(i) => i + 1,
            None => {
                cited.push(source);
                cited.len()
            }
        };
        format!(" [{n}]")
    };
    let with_marker = |value: &str, marker: String| -> Arc<str> {
        match marker.is_empty() {
            true => Arc::from(value),
            false => Arc::from(format!("{value}{marker}")),
        }
    };

    let shown_name = member.name.get(lang);
    // The member's texts shared, not copied: a note may be long.
    let mut fields: Vec<(String, Arc<str>, Option<FieldKind>)> = (0..content.languages.len())
        .map(Lang)
        .filter(|&l| l != lang && member.name.get(l) != shown_name)
        .map(|l| {
            let label = format!("{} ({})", strings.name, content.lang_tag(l));
            (label, member.name.shared(l), None)
        })
        .collect();
    fields.push((
        strings.code.to_string(),
        with_marker(&member.code, marker(member.code_source)),
        None,
    ));
    let region_marker = marker(member.region_source);
    fields.push((
        strings.region.to_string(),
        with_marker(&region, region_marker.clone()),
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
    fields.push((
        strings.joined.to_string(),
        with_marker(&joined, marker(member.joined_source)),
        Some(FieldKind::Joined),
    ));
    if let Some(note) = &member.note {
        let markers: String = member.note_sources.iter().map(|&s| marker(s)).collect();
        // A note may be long: shared, not copied, beyond a paragraph's length, with its
        // markers on a line of their own.
        const COPIED_UP_TO: usize = 4096;
        let text = note.get(lang);
        match markers.is_empty() || text.len() > COPIED_UP_TO {
            true => {
                fields.push((strings.note.to_string(), note.shared(lang), None));
                if !markers.is_empty() {
                    fields.push((String::new(), Arc::from(markers.trim_start()), None));
                }
            }
            false => fields.push((strings.note.to_string(), with_marker(text, markers), None)),
        }
    }
    let label_width = fields
        .iter()
        .map(|(l, _, _)| text::width(l))
        .max()
        .unwrap_or(0)
        + 2;

    doc.anchor(target);
    if super::heads_with_title(shown_name, width) {
        doc.text(member.name.shared(lang), theme.heading());
        doc.blank();
    }
    for (label, value, kind) in fields {
        doc.field_of(&label, label_width, value, kind);
    }
    if cited.is_empty() {
        return doc.finish();
    }
    doc.blank();
    doc.heading(strings.sources);
    for (n, &source) in cited.iter().enumerate() {
        let Some(source) = content.source(source) else {
            continue;
        };
        let number = format!("[{}] ", n + 1);
        let indent = " ".repeat(text::width(&number));
        doc.citation("", source, (&number, Style::new()), &indent, Style::new());
    }
    doc.finish()
}
