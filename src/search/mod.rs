//! Search across the whole pack: an index built once at load, queries folded for case and
//! diacritics, results ranked, and match positions mapped back to the original text.
//!
//! The index keeps every searchable text folded into one string (the haystack), field after
//! field, each item's fields together. A query scans the haystack for its longest word with
//! a SIMD substring search, checks the other words only in the items that word hits, and
//! skips to the next item as soon as one is decided, so a keystroke costs one pass over the
//! haystack at most, however many items match.

pub mod fold;

use std::ops::Range;

use memchr::memmem::Finder;

use crate::content::{Content, Lang};
use crate::text;
use crate::vocabulary::Pane;
use fold::{ends_word, fold, fold_with_origins, original_range, starts_word};

/// What a search result leads to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Target {
    /// The introduction of a list pane.
    Intro(Pane),
    /// A section of the overview.
    Section(usize),
    /// A conference of the overview's timeline.
    Event(usize),
    /// A member.
    Member(usize),
    /// An item of the declaration or actions pane.
    Item(Pane, usize),
}

impl Target {
    /// The pane the target is shown in.
    pub fn pane(self) -> Pane {
        match self {
            Target::Intro(pane) | Target::Item(pane, _) => pane,
            Target::Section(_) | Target::Event(_) => Pane::Overview,
            Target::Member(_) => Pane::Members,
        }
    }

    /// The row of its pane's list, for targets that are list items.
    pub fn row(self) -> Option<usize> {
        match self {
            Target::Member(i) | Target::Item(_, i) => Some(i),
            _ => None,
        }
    }

    /// The target's id in the pack (`"md"`, `"founding"`); intros have their pane's name.
    pub fn id(self, content: &Content) -> &str {
        match self {
            Target::Intro(Pane::Members) => "members",
            Target::Intro(Pane::Declaration) => "declaration",
            Target::Intro(Pane::Actions) => "actions",
            Target::Intro(Pane::Overview) => "overview",
            Target::Section(i) => content.overview.sections.get(i).map_or("", |s| &s.id),
            Target::Event(i) => content.overview.timeline.get(i).map_or("", |e| &e.id),
            Target::Member(i) => content.members.members.get(i).map_or("", |m| &m.id),
            Target::Item(pane, i) => items(content, pane)
                .and_then(|items| items.get(i))
                .map_or("", |item| &item.id),
        }
    }

    /// The target's title in `lang`; intros have none.
    pub fn title(self, content: &Content, lang: Lang) -> &str {
        match self {
            Target::Intro(_) => "",
            Target::Section(i) => content
                .overview
                .sections
                .get(i)
                .map_or("", |s| s.title.get(lang)),
            Target::Event(i) => content
                .overview
                .timeline
                .get(i)
                .map_or("", |e| e.place.get(lang)),
            Target::Member(i) => content
                .members
                .members
                .get(i)
                .map_or("", |m| m.name.get(lang)),
            Target::Item(pane, i) => items(content, pane)
                .and_then(|items| items.get(i))
                .map_or("", |item| item.title.get(lang)),
        }
    }
}

fn items(content: &Content, pane: Pane) -> Option<&[crate::content::Item]> {
    match pane {
        Pane::Declaration => Some(&content.declaration.items),
        Pane::Actions => Some(&content.actions.items),
        Pane::Overview | Pane::Members => None,
    }
}

/// Which text of its target a field is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FieldKind {
    Title,
    Name,
    Code,
    Place,
    Date,
    Body,
    Fact(u16),
    Note,
    Intro,
}

impl FieldKind {
    /// Titles, names and codes rank before body text.
    pub fn is_heading(self) -> bool {
        matches!(
            self,
            FieldKind::Title
                | FieldKind::Name
                | FieldKind::Code
                | FieldKind::Place
                | FieldKind::Date
        )
    }
}

/// The text of a field of `target` in `lang`, from the content.
pub fn field_text(content: &Content, target: Target, kind: FieldKind, lang: Lang) -> &str {
    let overview = &content.overview;
    let text = match (target, kind) {
        (Target::Intro(pane), _) => match pane {
            Pane::Members => content.members.intro.as_ref(),
            Pane::Declaration => content.declaration.intro.as_ref(),
            Pane::Actions => content.actions.intro.as_ref(),
            Pane::Overview => None,
        },
        (Target::Section(i), FieldKind::Title) => overview.sections.get(i).map(|s| &s.title),
        (Target::Section(i), FieldKind::Body) => overview.sections.get(i).map(|s| &s.body),
        (Target::Section(i), FieldKind::Fact(f)) => overview
            .sections
            .get(i)
            .and_then(|s| s.facts.get(f as usize))
            .map(|f| &f.text),
        (Target::Event(i), FieldKind::Place) => overview.timeline.get(i).map(|e| &e.place),
        (Target::Event(i), FieldKind::Date) => overview.timeline.get(i).map(|e| &e.date),
        (Target::Event(i), FieldKind::Body) => overview.timeline.get(i).map(|e| &e.text),
        (Target::Member(i), FieldKind::Code) => {
            return content.members.members.get(i).map_or("", |m| &m.code);
        }
        (Target::Member(i), FieldKind::Name) => content.members.members.get(i).map(|m| &m.name),
        (Target::Member(i), FieldKind::Note) => {
            content.members.members.get(i).and_then(|m| m.note.as_ref())
        }
        (Target::Item(pane, i), kind) => items(content, pane)
            .and_then(|items| items.get(i))
            .and_then(|item| match kind {
                FieldKind::Title => Some(&item.title),
                FieldKind::Body => Some(&item.body),
                FieldKind::Fact(f) => item.facts.get(f as usize).map(|f| &f.text),
                _ => None,
            }),
        _ => None,
    };
    text.map_or("", |t| t.get(lang))
}

/// One searchable text: its place in the haystack, what it belongs to, and its language.
#[derive(Debug, Clone, Copy)]
struct Field {
    start: u32,
    end: u32,
    target: u32,
    kind: FieldKind,
    lang: u16,
    /// Found whatever the current language (member names, codes).
    any_language: bool,
}

/// The search index of a pack.
#[derive(Debug, Clone, Default)]
pub struct Index {
    haystack: String,
    fields: Vec<Field>,
    targets: Vec<Target>,
    /// The fields of each target, as a range of `fields`.
    target_fields: Vec<Range<u32>>,
}

/// A query: its words, folded.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Query {
    words: Vec<String>,
}

impl Query {
    /// The words of `text`, folded, each once.
    pub fn new(text: &str) -> Query {
        let mut words: Vec<String> = Vec::new();
        for word in fold(text).split_whitespace() {
            if !words.iter().any(|w| w == word) {
                words.push(word.to_string());
            }
        }
        Query { words }
    }

    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// Every place in `text` where a word of the query occurs, as byte ranges of `text`,
    /// sorted and merged where they overlap.
    pub fn matches_in(&self, text: &str) -> Vec<Range<usize>> {
        if self.words.is_empty() || text.is_empty() {
            return Vec::new();
        }
        let (folded, origins) = fold_with_origins(text);
        let mut ranges: Vec<Range<usize>> = Vec::new();
        for word in &self.words {
            for at in memchr::memmem::find_iter(folded.as_bytes(), word.as_bytes()) {
                ranges.push(original_range(text, &origins, at, at + word.len()));
            }
        }
        ranges.sort_by_key(|r| (r.start, r.end));
        let mut merged: Vec<Range<usize>> = Vec::with_capacity(ranges.len());
        for range in ranges {
            match merged.last_mut() {
                Some(last) if range.start <= last.end => last.end = last.end.max(range.end),
                _ => merged.push(range),
            }
        }
        merged
    }
}

/// A search result: the target, and its best match (which field, where in the folded text).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    pub target: Target,
    pub kind: FieldKind,
    pub lang: Lang,
    /// The match in the field's folded text.
    match_start: u32,
    match_len: u32,
    rank: u64,
}

/// How well a word matches at a place: a heading before body text, then a whole word before
/// the start of a word before the middle of one. Lower is better.
fn quality(field: &Field, folded: &str, at: usize, len: usize) -> u8 {
    let wordness = match (starts_word(folded, at), ends_word(folded, at + len)) {
        (true, true) => 0,
        (true, false) => 1,
        _ => 2,
    };
    let class = if field.kind.is_heading() { 0 } else { 3 };
    class + wordness
}

/// The best match of one word in one target.
#[derive(Debug, Clone, Copy)]
struct Best {
    quality: u8,
    field: u32,
    at: u32,
    len: u32,
}

impl Index {
    /// Builds the index of `content`: every text in every language.
    pub fn new(content: &Content) -> Index {
        let mut index = Index::default();
        let overview = &content.overview;
        for (i, section) in overview.sections.iter().enumerate() {
            let facts = (0..section.facts.len()).map(|f| FieldKind::Fact(f as u16));
            let kinds: Vec<FieldKind> = [FieldKind::Title, FieldKind::Body]
                .into_iter()
                .chain(facts)
                .collect();
            index.add(content, Target::Section(i), &kinds);
        }
        for i in 0..overview.timeline.len() {
            index.add(
                content,
                Target::Event(i),
                &[FieldKind::Place, FieldKind::Date, FieldKind::Body],
            );
        }
        if content.members.intro.is_some() {
            index.add(content, Target::Intro(Pane::Members), &[FieldKind::Intro]);
        }
        for i in 0..content.members.members.len() {
            index.add(
                content,
                Target::Member(i),
                &[FieldKind::Name, FieldKind::Code, FieldKind::Note],
            );
        }
        for (pane, list) in [
            (Pane::Declaration, &content.declaration),
            (Pane::Actions, &content.actions),
        ] {
            if list.intro.is_some() {
                index.add(content, Target::Intro(pane), &[FieldKind::Intro]);
            }
            for (i, item) in list.items.iter().enumerate() {
                let facts = (0..item.facts.len()).map(|f| FieldKind::Fact(f as u16));
                let kinds: Vec<FieldKind> = [FieldKind::Title, FieldKind::Body]
                    .into_iter()
                    .chain(facts)
                    .collect();
                index.add(content, Target::Item(pane, i), &kinds);
            }
        }
        index
    }

    /// Adds a target with its fields in every language.
    fn add(&mut self, content: &Content, target: Target, kinds: &[FieldKind]) {
        let target_index = self.targets.len() as u32;
        self.targets.push(target);
        let first = self.fields.len() as u32;
        let default = content.default_language;
        for &kind in kinds {
            // Names are found in every language; a code is the same in all of them. Other
            // texts are found in their own language only, so a fallback is indexed as that
            // language's text too.
            let any_language = matches!(kind, FieldKind::Name | FieldKind::Code);
            let default_text = field_text(content, target, kind, default);
            for lang in (0..content.languages.len()).map(Lang) {
                let text = field_text(content, target, kind, lang);
                let repeated = lang != default && any_language && text == default_text;
                if text.is_empty() || repeated {
                    continue;
                }
                let start = self.haystack.len() as u32;
                fold::fold_into(text, &mut self.haystack, None);
                let end = self.haystack.len() as u32;
                // A separator no query can contain, so no match spans two fields.
                self.haystack.push('\0');
                self.fields.push(Field {
                    start,
                    end,
                    target: target_index,
                    kind,
                    lang: lang.index() as u16,
                    any_language,
                });
            }
        }
        self.target_fields.push(first..self.fields.len() as u32);
    }

    fn folded(&self, field: &Field) -> &str {
        &self.haystack[field.start as usize..field.end as usize]
    }

    fn allowed(field: &Field, lang: Lang) -> bool {
        field.any_language || field.lang as usize == lang.index()
    }

    /// The best match of `word` among the fields of target `t` that `lang` allows.
    fn best_in_target(&self, t: usize, word: &str, finder: &Finder, lang: Lang) -> Option<Best> {
        let mut best: Option<Best> = None;
        let range = self.target_fields[t].clone();
        for f in range {
            let field = &self.fields[f as usize];
            if !Self::allowed(field, lang) {
                continue;
            }
            let folded = self.folded(field);
            for at in finder.find_iter(folded.as_bytes()) {
                let q = quality(field, folded, at, word.len());
                if best.is_none_or(|b| q < b.quality) {
                    best = Some(Best {
                        quality: q,
                        field: f,
                        at: at as u32,
                        len: word.len() as u32,
                    });
                    if q == 0 {
                        return best;
                    }
                }
            }
        }
        best
    }

    /// The items that contain every word of `query` in `lang` (member names and codes in any
    /// language), best first: headings before body text, whole words before parts of words,
    /// then the order of the content.
    pub fn search(&self, query: &Query, lang: Lang) -> Vec<Hit> {
        if query.is_empty() {
            return Vec::new();
        }
        // The longest word is the rarest, as a rule: it drives the scan.
        let mut words: Vec<&str> = query.words.iter().map(String::as_str).collect();
        words.sort_by_key(|w| std::cmp::Reverse(w.len()));
        let finders: Vec<Finder> = words.iter().map(|w| Finder::new(w.as_bytes())).collect();
        let haystack = self.haystack.as_bytes();
        let mut hits = Vec::new();
        let mut position = 0;
        while let Some(found) = finders[0].find(&haystack[position..]) {
            let at = position + found;
            let f = self
                .fields
                .partition_point(|field| field.end as usize <= at);
            let Some(field) = self.fields.get(f) else {
                break;
            };
            let t = field.target as usize;
            let target_end = self.target_fields[t].end.saturating_sub(1) as usize;
            // The next occurrence worth looking at is past this target's last field.
            position = self
                .fields
                .get(target_end)
                .map_or(haystack.len(), |last| last.end as usize + 1)
                .max(at + 1);
            // The occurrence may be in another language than `lang`; the target may still
            // match in `lang`, which the per-target search below decides.
            let mut best: Option<Best> = None;
            let mut all = true;
            for (word, finder) in words.iter().zip(&finders) {
                let Some(found) = self.best_in_target(t, word, finder, lang) else {
                    all = false;
                    break;
                };
                if best.is_none_or(|best| found.quality < best.quality) {
                    best = Some(found);
                }
            }
            if let (true, Some(best)) = (all, best) {
                let field = &self.fields[best.field as usize];
                hits.push(Hit {
                    target: self.targets[t],
                    kind: field.kind,
                    lang: Lang(field.lang as usize),
                    match_start: best.at,
                    match_len: best.len,
                    rank: (u64::from(best.quality) << 32) | t as u64,
                });
            }
        }
        hits.sort_unstable_by_key(|hit| hit.rank);
        hits
    }
}

/// A line of context around a hit, and where the match is in it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Snippet {
    pub text: String,
    pub mark: Range<usize>,
}

impl Hit {
    /// The text the hit was found in.
    pub fn text<'c>(&self, content: &'c Content) -> &'c str {
        field_text(content, self.target, self.kind, self.lang)
    }

    /// The matched part of the original text, as a byte range of [`Hit::text`].
    pub fn original_match(&self, content: &Content) -> Range<usize> {
        let text = self.text(content);
        let (_, origins) = fold_with_origins(text);
        let start = self.match_start as usize;
        original_range(text, &origins, start, start + self.match_len as usize)
    }

    /// The match with some context before it, cut to `width` columns, on one line.
    pub fn snippet(&self, content: &Content, width: usize) -> Snippet {
        let text = self.text(content);
        let found = self.original_match(content);
        snippet(text, found, width)
    }
}

/// `text` around `found`, at most `width` columns, with an ellipsis where it is cut; line
/// breaks become spaces.
pub fn snippet(text: &str, found: Range<usize>, width: usize) -> Snippet {
    let before_room = width.saturating_sub(text::width(&text[found.clone()])) / 3;
    let mut start = found.start;
    let mut used = 0;
    for (i, c) in text[..found.start].char_indices().rev() {
        let w = text::width(c.encode_utf8(&mut [0; 4]));
        if used + w > before_room {
            break;
        }
        used += w;
        start = i;
    }
    // Start at a word where one is near.
    if start > 0
        && let Some(space) = text[start..found.start].find(' ')
    {
        start += space + 1;
    }
    let prefix = if start > 0 { text::ELLIPSIS } else { "" };
    let line: String = format!("{prefix}{}", &text[start..]).replace('\n', " ");
    let mark_start = prefix.len() + (found.start - start);
    let mark = mark_start..mark_start + (found.end - found.start);
    let cut = text::truncate(&line, width);
    let mark_end = mark.end.min(cut.len());
    let mark_start = mark.start.min(mark_end);
    Snippet {
        text: cut,
        mark: mark_start..mark_end,
    }
}
