//! Search across the whole pack: an index built once at load, queries folded for case and
//! diacritics, results ranked, and match positions mapped back to the original text.
//!
//! The index keeps every searchable text folded into one string (the haystack), field after
//! field, each item's fields together. A query scans the haystack for its longest word with
//! a SIMD substring search, and checks each item that word hits once, for all the words
//! together (Aho-Corasick), before it skips to the next item: a search reads the haystack
//! at most twice (the scan, then the items it hit), however many words the query has and
//! however many items match.

pub mod fold;
mod members;

use std::borrow::Cow;
use std::ops::Range;

use aho_corasick::{AhoCorasick, AhoCorasickKind};
use memchr::memmem::Finder;

use crate::content::{Content, Lang};
use crate::text;
use crate::vocabulary::Pane;
use fold::{ends_word, fold, fold_with_origins, original_range, starts_word};

/// The longest query the search prompt takes, in characters: a search costs more with every
/// word, and one reader's paste into the prompt must not hold up the others on a shared
/// server (`clsv serve`). Any phrase a person looks for fits.
pub const MAX_QUERY_CHARS: usize = 256;

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
            Target::Intro(pane) => pane.name(),
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
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
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
    /// A member's region, by its name in each language.
    Region,
    /// The year a member joined, in digits.
    Joined,
}

impl FieldKind {
    /// Titles, names, codes, and a member's region and year rank before body text.
    pub fn is_heading(self) -> bool {
        matches!(
            self,
            FieldKind::Title
                | FieldKind::Name
                | FieldKind::Code
                | FieldKind::Place
                | FieldKind::Date
                | FieldKind::Region
                | FieldKind::Joined
        )
    }

    /// A member's region or year: the fields a field word (`region:`, `an:`) names, and
    /// the ones that rank first among the headings (see `quality`).
    pub fn is_member_attribute(self) -> bool {
        matches!(self, FieldKind::Region | FieldKind::Joined)
    }
}

/// The text of a field of `target` in `lang`, from the content: what the index folds and
/// what a view shows for that field, so that a highlight marks what the search found. Only a
/// year is made here (from its number); every other text is the content's own.
pub fn field_text(content: &Content, target: Target, kind: FieldKind, lang: Lang) -> Cow<'_, str> {
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
            return Cow::Borrowed(content.members.members.get(i).map_or("", |m| &m.code));
        }
        (Target::Member(i), FieldKind::Joined) => {
            return content
                .members
                .members
                .get(i)
                .map_or(Cow::Borrowed(""), |m| Cow::Owned(m.joined.to_string()));
        }
        (Target::Member(i), FieldKind::Name) => content.members.members.get(i).map(|m| &m.name),
        (Target::Member(i), FieldKind::Region) => content
            .members
            .members
            .get(i)
            .and_then(|m| content.region_of(m))
            .map(|r| &r.name),
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
    Cow::Borrowed(text.map_or("", |t| t.get(lang)))
}

/// One searchable text: its place in the haystack, what it belongs to, and its language.
#[derive(Debug, Clone, Copy)]
struct Field {
    start: u32,
    end: u32,
    target: u32,
    kind: FieldKind,
    lang: u16,
    /// In which languages the field is found.
    reach: Reach,
}

/// In which languages a field is found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Reach {
    /// In its own language only: a text that views show in the language chosen, where its
    /// highlight is seen.
    Own,
    /// In every language, after the matches in the language shown: a member's name or
    /// region, which the member's detail shows in each language.
    Any,
    /// In every language alike: a text that is the same in all of them (a code, a year, a
    /// name spelled alike), indexed once.
    Every,
}

impl Field {
    /// Whether the field is found when `lang` is shown.
    fn found_in(&self, lang: Lang) -> bool {
        self.reach != Reach::Own || self.lang as usize == lang.index()
    }

    /// Whether the field is found in `lang` only as a text of another language.
    fn foreign_in(&self, lang: Lang) -> bool {
        self.reach == Reach::Any && self.lang as usize != lang.index()
    }
}

/// The search index of a pack.
#[derive(Debug, Clone, Default)]
pub struct Index {
    haystack: String,
    fields: Vec<Field>,
    targets: Vec<Target>,
    /// The fields of each target, as a range of `fields`.
    target_fields: Vec<Range<u32>>,
    /// The members' targets, in the members' order, as a range of `targets`.
    member_targets: Range<u32>,
    /// The members' regions and years, each distinct set of them once, for the member
    /// filter.
    member_attributes: members::Attributes,
}

/// The field words a query may use, folded, and the field of members each names: in English
/// and in Romanian, the languages of the interface.
const FIELD_WORDS: [(&str, FieldKind); 4] = [
    ("region:", FieldKind::Region),
    ("regiune:", FieldKind::Region),
    ("year:", FieldKind::Joined),
    ("an:", FieldKind::Joined),
];

/// A word of a query, folded, and the one field of members it must be found in when a field
/// word names one.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Term {
    word: String,
    field: Option<FieldKind>,
}

impl Term {
    /// Whether an occurrence of the word in a field of `kind` counts for this term.
    fn accepts(&self, kind: FieldKind) -> bool {
        self.field.is_none_or(|field| field == kind)
    }
}

/// A query: its words, folded, each with the field a field word gave it, if any.
///
/// The rule of field words: a word that begins with `region:` or `regiune:` (a member's
/// region) or `year:` or `an:` (the year a member joined), in any case, stands for the rest
/// of that word, which must then be found in that field of a member; `region:africa`.
/// A field word applies to the one word after its colon, or to a phrase in double quotes
/// right after it (`region:"eastern europe"`); to ask for several words of a region without
/// quotes, give each its field word (`region:eastern region:europe`). Like ordinary words,
/// every field word must hold. A field word with nothing after it (`region:`, as it is being
/// typed) narrows nothing yet; any other `word:` is an ordinary word.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Query {
    terms: Vec<Term>,
}

impl Query {
    /// The words of `text`, folded, each once, with their field words read (see [`Query`]).
    pub fn new(text: &str) -> Query {
        let mut query = Query::default();
        query.add(text);
        query
    }

    /// Adds the terms of `text`.
    fn add(&mut self, text: &str) {
        let folded = fold(text);
        let mut rest = folded.trim_start();
        while !rest.is_empty() {
            let word_end = rest.find(char::is_whitespace).unwrap_or(rest.len());
            let word = &rest[..word_end];
            let mut after = &rest[word_end..];
            match field_word(word) {
                Some((name, field)) => {
                    let value = &rest[name.len()..];
                    match value.strip_prefix('"') {
                        Some(quoted) => {
                            let (phrase, after_quote) =
                                quoted.split_once('"').unwrap_or((quoted, ""));
                            let phrase: Vec<&str> = phrase.split_whitespace().collect();
                            self.push(phrase.join(" "), Some(field));
                            after = after_quote;
                        }
                        None => self.push(word[name.len()..].to_string(), Some(field)),
                    }
                }
                None => self.push(word.to_string(), None),
            }
            rest = after.trim_start();
        }
    }

    fn push(&mut self, word: String, field: Option<FieldKind>) {
        let term = Term { word, field };
        if !term.word.is_empty() && !self.terms.contains(&term) {
            self.terms.push(term);
        }
    }

    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }

    /// Every place in `text` where an ordinary word of the query occurs, as byte ranges of
    /// `text`, sorted and merged where they overlap. A field word's word is not marked here,
    /// only in its field's text ([`Query::matches_in_field`]).
    pub fn matches_in(&self, text: &str) -> Vec<Range<usize>> {
        self.marks(text, None)
    }

    /// As [`Query::matches_in`], for the text of a field of `kind` (a member's region or
    /// year as [`field_text`] gives it): the ordinary words and the words of the field words
    /// that name `kind`, which is what the search finds there.
    pub fn matches_in_field(&self, text: &str, kind: FieldKind) -> Vec<Range<usize>> {
        self.marks(text, Some(kind))
    }

    fn marks(&self, text: &str, kind: Option<FieldKind>) -> Vec<Range<usize>> {
        let mut words = self
            .terms
            .iter()
            .filter(|term| term.field.is_none() || term.field == kind)
            .map(|term| term.word.as_str())
            .peekable();
        if words.peek().is_none() || text.is_empty() {
            return Vec::new();
        }
        let (folded, origins) = fold_with_origins(text);
        let mut ranges: Vec<Range<usize>> = Vec::new();
        for word in words {
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

/// The field word that `folded` begins with, if any, and the field it names.
fn field_word(folded: &str) -> Option<(&'static str, FieldKind)> {
    FIELD_WORDS
        .iter()
        .copied()
        .find(|(name, _)| folded.starts_with(name))
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

/// How well a word matches at a place when `lang` is shown; lower is better. Body text comes
/// after every heading, and a heading found as a text of another language (a member's name
/// or region) after every heading in the language shown. Among headings a whole word comes
/// before the start of a word, before the middle of one, and at each of these a member's
/// region or year comes before the other headings; body text keeps the same order of whole
/// word, start and middle.
///
/// The region and year form a tier of their own so that `2012` or `africa` lead to the
/// members who joined that year or lie there before a conference dated 2012 or a title that
/// names Africa; the tier sits inside each kind of match, not above them all, so that a whole
/// word in a title still ranks before a part of a word in a region ("ia" of "Asia").
fn quality(field: &Field, folded: &str, at: usize, len: usize, lang: Lang) -> u8 {
    let wordness = match (starts_word(folded, at), ends_word(folded, at + len)) {
        (true, true) => 0,
        (true, false) => 1,
        _ => 2,
    };
    if !field.kind.is_heading() {
        return 12 + wordness;
    }
    let tier = if field.kind.is_member_attribute() {
        0
    } else {
        1
    };
    let foreign = if field.foreign_in(lang) { 6 } else { 0 };
    foreign + wordness * 2 + tier
}

/// The best match of a query's words in one target.
#[derive(Debug, Clone, Copy)]
struct Best {
    quality: u8,
    /// The word's place among the query's distinct words, longest first.
    pattern: usize,
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
        let first_member = index.targets.len() as u32;
        for i in 0..content.members.members.len() {
            index.add(
                content,
                Target::Member(i),
                &[
                    FieldKind::Name,
                    FieldKind::Code,
                    FieldKind::Region,
                    FieldKind::Joined,
                    FieldKind::Note,
                ],
            );
        }
        index.member_targets = first_member..index.targets.len() as u32;
        index.member_attributes = members::Attributes::new(&index);
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
            // Names and regions are found in every language (the member's detail shows them
            // in each), and indexed once where all languages spell them alike, as a code
            // and a year always are. Other texts are found in their own language only (the
            // one a view shows them in, where their highlight is seen), so a fallback is
            // indexed as that language's text too.
            let any_language = matches!(
                kind,
                FieldKind::Name | FieldKind::Code | FieldKind::Region | FieldKind::Joined
            );
            let texts: Vec<_> = (0..content.languages.len())
                .map(|l| field_text(content, target, kind, Lang(l)))
                .collect();
            let alike = texts.windows(2).all(|pair| pair[0] == pair[1]);
            let reach = match (any_language, alike) {
                (false, _) => Reach::Own,
                (true, false) => Reach::Any,
                (true, true) => Reach::Every,
            };
            for (lang, text) in (0..content.languages.len()).map(Lang).zip(&texts) {
                let repeated = lang != default && reach == Reach::Every;
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
                    reach,
                });
            }
        }
        self.target_fields.push(first..self.fields.len() as u32);
    }

    fn folded(&self, field: &Field) -> &str {
        &self.haystack[field.start as usize..field.end as usize]
    }

    fn allowed(field: &Field, lang: Lang) -> bool {
        field.found_in(lang)
    }

    /// The best match of the query's words in target `t`, if each of its terms is in a field
    /// that `lang` allows and the term accepts: one pass over those fields, for all the words
    /// at once. The best match is the one of the lowest quality, then of the longest word,
    /// then the first.
    fn best_in_target(&self, t: usize, words: &mut Words, lang: Lang) -> Option<Best> {
        let mut terms_found = 0;
        let mut best: Option<Best> = None;
        for f in self.target_fields[t].clone() {
            let field = &self.fields[f as usize];
            if !Self::allowed(field, lang) {
                continue;
            }
            let folded = self.folded(field);
            for found in words.automaton.find_overlapping_iter(folded) {
                let pattern = found.pattern().as_usize();
                // A word counts where a scan for it alone finds it (as `str::match_indices`
                // does): not where it overlaps its own occurrence before.
                let start = field.start as usize + found.start();
                if start < words.resume_at[pattern] {
                    continue;
                }
                words.resume_at[pattern] = start + found.len();
                let mut counts = false;
                for term in words.pattern_terms[pattern].clone() {
                    if words.terms[term].accepts(field.kind) {
                        counts = true;
                        if words.last_found_in[term] != t {
                            words.last_found_in[term] = t;
                            terms_found += 1;
                        }
                    }
                }
                if !counts {
                    continue;
                }
                let quality = quality(field, folded, found.start(), found.len(), lang);
                if best.is_none_or(|best| (quality, pattern) < (best.quality, best.pattern)) {
                    best = Some(Best {
                        quality,
                        pattern,
                        field: f,
                        at: found.start() as u32,
                        len: found.len() as u32,
                    });
                }
            }
        }
        best.filter(|_| terms_found == words.terms.len())
    }

    /// The items that contain every word of `query` in `lang` (member names, codes and years
    /// in any language; a field word's word in its field of members), best first: headings
    /// before body text, whole words before parts of words, a member's region and year before
    /// other headings (see `quality`), then the order of the content.
    pub fn search(&self, query: &Query, lang: Lang) -> Vec<Hit> {
        let Some(mut words) = Words::new(query) else {
            return Vec::new();
        };
        let driver = words.driver();
        let mut hits = Vec::new();
        self.scan(&driver, lang, 0..self.fields.len(), |t| {
            if let Some(best) = self.best_in_target(t, &mut words, lang) {
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
        });
        hits.sort_unstable_by_key(|hit| hit.rank);
        hits
    }

    /// Calls `visit` with each target, in order, whose fields among `fields` (a range of
    /// `self.fields`, whole targets) hold the driver where it counts ([`Driver::counts_in`]):
    /// the targets that may match the query. One scan of their part of the haystack, which
    /// skips the rest of a field where the driver does not count and the rest of a target
    /// once it is visited.
    fn scan(
        &self,
        driver: &Driver,
        lang: Lang,
        fields: Range<usize>,
        mut visit: impl FnMut(usize),
    ) {
        let (Some(first), Some(last)) = (
            self.fields.get(fields.start),
            fields.end.checked_sub(1).and_then(|f| self.fields.get(f)),
        ) else {
            return;
        };
        let haystack = self
            .haystack
            .as_bytes()
            .get(..last.end as usize)
            .unwrap_or_default();
        let mut f = fields.start;
        let mut position = first.start as usize;
        while let Some(found) = haystack
            .get(position..)
            .and_then(|rest| driver.finder.find(rest))
        {
            let at = position + found;
            f = self.field_at(f, at);
            let Some(field) = self.fields.get(f) else {
                break;
            };
            if !driver.counts_in(field, at, lang) {
                // Nor would any other occurrence in this field: on to the next one.
                position = field.end as usize + 1;
                f += 1;
                continue;
            }
            let t = field.target as usize;
            visit(t);
            // The target is decided: on past its last field (`f` is one of its fields, so it
            // has a last).
            let last_field = self.target_fields[t].end as usize - 1;
            position = self.fields[last_field].end as usize + 1;
            f = last_field + 1;
        }
    }

    /// The first field from `from` on that ends after `at`. Occurrences come in the
    /// haystack's order, so it is a few fields on as a rule: a gallop (1, 2, 4… fields
    /// ahead) brackets it, and a binary search of the bracket finds it, so that it costs
    /// a few steps near `from` and never more than twice a binary search of the rest.
    fn field_at(&self, from: usize, at: usize) -> usize {
        let ends_before = |field: &Field| field.end as usize <= at;
        let rest = self.fields.get(from..).unwrap_or_default();
        // Fields end in order: once one ends before `at`, every one before it does too.
        let mut passed = 0;
        let mut step = 1;
        while let Some(field) = rest.get(passed + step - 1) {
            if !ends_before(field) {
                break;
            }
            passed += step;
            step *= 2;
        }
        let bracket = rest
            .get(passed..(passed + step).min(rest.len()))
            .unwrap_or_default();
        from + passed + bracket.partition_point(ends_before)
    }
}

/// The query's longest word, the rarest as a rule, which the scan looks for, and the fields
/// where an occurrence of it counts.
struct Driver<'q> {
    finder: Finder<'q>,
    len: usize,
    /// The fields its terms accept (`None`: any).
    accepts: Vec<Option<FieldKind>>,
}

impl Driver<'_> {
    /// Whether the occurrence at `at` lies in `field` (not across its end), in a field that
    /// `lang` allows and a term of the word accepts.
    fn counts_in(&self, field: &Field, at: usize, lang: Lang) -> bool {
        field.start as usize <= at
            && at + self.len <= field.end as usize
            && Index::allowed(field, lang)
            && self
                .accepts
                .iter()
                .any(|accepts| accepts.is_none_or(|kind| kind == field.kind))
    }
}

/// The words of a query, longest first, looked for all at once, with what the search has
/// seen of each.
struct Words<'q> {
    /// The query's distinct words, longest first; a match's pattern is its place here.
    patterns: Vec<&'q str>,
    /// Every pattern; a match's pattern is its word's place in `patterns`.
    automaton: AhoCorasick,
    /// The query's terms, grouped by pattern.
    terms: Vec<&'q Term>,
    /// The terms of each pattern, as a range of `terms`: one as a rule, two where the same
    /// word is given alone and with a field word.
    pattern_terms: Vec<Range<usize>>,
    /// For each pattern, the haystack offset where its next occurrence may start: past the
    /// one before, as a scan for that word alone finds them.
    resume_at: Vec<usize>,
    /// For each term, the target it was last found in.
    last_found_in: Vec<usize>,
}

impl<'q> Words<'q> {
    /// `None` for an empty query, and for one beyond the automaton's limits (billions of
    /// bytes), which no one types: it finds nothing.
    fn new(query: &'q Query) -> Option<Words<'q>> {
        let mut patterns: Vec<&str> = Vec::new();
        for term in &query.terms {
            if !patterns.contains(&term.word.as_str()) {
                patterns.push(&term.word);
            }
        }
        if patterns.is_empty() {
            return None;
        }
        patterns.sort_by_key(|word| std::cmp::Reverse(word.len()));
        let mut terms = Vec::with_capacity(query.terms.len());
        let mut pattern_terms = Vec::with_capacity(patterns.len());
        for pattern in &patterns {
            let first = terms.len();
            terms.extend(query.terms.iter().filter(|term| term.word == *pattern));
            pattern_terms.push(first..terms.len());
        }
        // The automaton reads the texts of the items the scan hit, short as a rule: what a
        // search pays for is building it. A contiguous NFA builds several times faster than
        // the DFA that would be chosen for a few words (30 µs against 400 µs for one word of
        // 256 letters).
        let automaton = AhoCorasick::builder()
            .kind(Some(AhoCorasickKind::ContiguousNFA))
            .build(&patterns)
            .ok()?;
        Some(Words {
            automaton,
            resume_at: vec![0; patterns.len()],
            last_found_in: vec![usize::MAX; terms.len()],
            patterns,
            terms,
            pattern_terms,
        })
    }

    /// The scan's word: the longest.
    fn driver(&self) -> Driver<'q> {
        let word = self.patterns[0];
        Driver {
            finder: Finder::new(word.as_bytes()),
            len: word.len(),
            accepts: self.pattern_terms[0]
                .clone()
                .map(|term| self.terms[term].field)
                .collect(),
        }
    }
}

/// A line of context around a hit, and where the match is in it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Snippet {
    pub text: String,
    pub mark: Range<usize>,
}

impl Hit {
    /// The text the hit was found in (see [`field_text`]).
    pub fn text<'c>(&self, content: &'c Content) -> Cow<'c, str> {
        field_text(content, self.target, self.kind, self.lang)
    }

    /// The matched part of the original text, as a byte range of [`Hit::text`].
    pub fn original_match(&self, content: &Content) -> Range<usize> {
        self.match_in(&self.text(content))
    }

    /// The match as a byte range of `text`, the hit's text.
    fn match_in(&self, text: &str) -> Range<usize> {
        let (_, origins) = fold_with_origins(text);
        let start = self.match_start as usize;
        original_range(text, &origins, start, start + self.match_len as usize)
    }

    /// The match with some context before it, cut to `width` columns, on one line, the
    /// cuts marked with `ellipsis`.
    pub fn snippet(&self, content: &Content, width: usize, ellipsis: &str) -> Snippet {
        let text = self.text(content);
        let found = self.match_in(&text);
        snippet(&text, found, width, ellipsis)
    }
}

/// `text` around `found`, at most `width` columns, with `ellipsis` where it is cut; line
/// breaks become spaces.
pub fn snippet(text: &str, found: Range<usize>, width: usize, ellipsis: &str) -> Snippet {
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
    let prefix = if start > 0 { ellipsis } else { "" };
    let line: String = format!("{prefix}{}", &text[start..]).replace('\n', " ");
    let mark_start = prefix.len() + (found.start - start);
    let mark = mark_start..mark_start + (found.end - found.start);
    let cut = text::truncate_with(&line, width, ellipsis);
    let mark_end = mark.end.min(cut.len());
    let mark_start = mark.start.min(mark_end);
    Snippet {
        text: cut,
        mark: mark_start..mark_end,
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)] // a test fails loudly by design

    use std::cmp::Reverse;
    use std::sync::LazyLock;

    use proptest::prelude::*;

    use super::*;
    use crate::content::generate::pack_files;
    use crate::content::load::load_files;
    use crate::content::load_embedded;

    /// Whether `term` is in a field of target `t` that `lang` allows and the term accepts.
    fn naive_found(index: &Index, t: usize, term: &Term, lang: Lang) -> bool {
        index.target_fields[t].clone().any(|f| {
            let field = &index.fields[f as usize];
            Index::allowed(field, lang)
                && term.accepts(field.kind)
                && index.folded(field).contains(&term.word)
        })
    }

    /// The search as its definition reads, without the scan's shortcuts: a target is a hit
    /// when every term of the query is in a field that `lang` allows and the term accepts (a
    /// field word's term only in its field); the hit is at the first of its best matches
    /// (lowest quality, then the longest word), among the places where a scan for each word
    /// alone finds it in a field where a term of that word counts.
    fn naive_search(index: &Index, query: &Query, lang: Lang) -> Vec<Hit> {
        if query.is_empty() {
            return Vec::new();
        }
        let mut words: Vec<&str> = Vec::new();
        for term in &query.terms {
            if !words.contains(&term.word.as_str()) {
                words.push(&term.word);
            }
        }
        words.sort_by_key(|word| Reverse(word.len()));
        let mut hits = Vec::new();
        for (t, fields) in index.target_fields.iter().enumerate() {
            if !query
                .terms
                .iter()
                .all(|term| naive_found(index, t, term, lang))
            {
                continue;
            }
            // (quality, field, place, length) of each word's best match.
            let mut bests = Vec::new();
            for word in &words {
                let mut best: Option<(u8, u32, usize, usize)> = None;
                for f in fields.clone() {
                    let field = &index.fields[f as usize];
                    let counts = query
                        .terms
                        .iter()
                        .any(|term| term.word == *word && term.accepts(field.kind));
                    if !Index::allowed(field, lang) || !counts {
                        continue;
                    }
                    let folded = index.folded(field);
                    for (at, _) in folded.match_indices(word) {
                        let q = quality(field, folded, at, word.len(), lang);
                        if best.is_none_or(|best| q < best.0) {
                            best = Some((q, f, at, word.len()));
                        }
                    }
                }
                bests.extend(best);
            }
            let (q, f, at, len) = bests
                .into_iter()
                .reduce(|best, next| if next.0 < best.0 { next } else { best })
                .unwrap();
            let field = &index.fields[f as usize];
            hits.push(Hit {
                target: index.targets[t],
                kind: field.kind,
                lang: Lang(field.lang as usize),
                match_start: at as u32,
                match_len: len as u32,
                rank: (u64::from(q) << 32) | t as u64,
            });
        }
        hits.sort_by_key(|hit| hit.rank);
        hits
    }

    /// The member filter as its definition reads: each member in turn, kept when every term
    /// is in one of its fields as the search finds it.
    fn naive_members_matching(index: &Index, query: &Query, lang: Lang) -> Vec<usize> {
        let members = index.member_targets.start as usize..index.member_targets.end as usize;
        members
            .clone()
            .filter(|&t| {
                query
                    .terms
                    .iter()
                    .all(|term| naive_found(index, t, term, lang))
            })
            .map(|t| t - members.start)
            .collect()
    }

    /// The default pack, and a generated one with names in many scripts, each indexed.
    static PACKS: LazyLock<Vec<(Content, Index)>> = LazyLock::new(|| {
        [
            load_embedded().unwrap(),
            load_files(pack_files(300)).unwrap(),
        ]
        .into_iter()
        .map(|content| {
            let index = Index::new(&content);
            (content, index)
        })
        .collect()
    });

    /// Words of the packs, pieces of them, letters of several scripts, punctuation; field
    /// words with words of regions and years, in any case, and with pieces of words.
    fn pack_word() -> impl Strategy<Value = String> {
        prop_oneof![
            4 => prop::sample::select(vec![
                "libertatea",
                "tarile",
                "coaliţiei",
                "internet",
                "Moldova",
                "drepturile",
                "membru",
                "fondator",
                "2012",
                "2011",
                "iso",
                "ma",
                "stef",
                "ăn",
                "de",
                "africa",
                "europa",
                "est",
                "eastern",
                "region:africa",
                "REGIUNE:Europa",
                "region:\"de est\"",
                "region:\"eastern europe",
                "an:2012",
                "year:2013",
                "an:",
                "foo:bar",
            ])
            .prop_map(String::from),
            4 => "[a-z]{1,2}",
            2 => "[aeinrst]{1,3}",
            2 => "(region|regiune|year|an):([a-z0-9]{1,3}|\"[a-z ]{1,5}\")",
            1 => "[ăşţмоαή東京ال0-9\u{0}.-]{1,3}",
        ]
    }

    /// An index of members made by hand, of short texts in a small alphabet, where words
    /// overlap and repeat, in fields of several kinds (a region and a year among them) and
    /// both languages.
    fn small_index() -> impl Strategy<Value = Index> {
        let field = (
            "[ab -]{0,16}",
            prop::sample::select(vec![
                FieldKind::Title,
                FieldKind::Name,
                FieldKind::Body,
                FieldKind::Region,
                FieldKind::Joined,
            ]),
            0u16..2,
        );
        prop::collection::vec(prop::collection::vec(field, 1..4), 1..6).prop_map(|targets| {
            let mut index = Index::default();
            for (t, fields) in targets.into_iter().enumerate() {
                let first = index.fields.len() as u32;
                for (text, kind, lang) in fields {
                    let start = index.haystack.len() as u32;
                    index.haystack.push_str(&text);
                    let end = index.haystack.len() as u32;
                    index.haystack.push('\0');
                    index.fields.push(Field {
                        start,
                        end,
                        target: t as u32,
                        kind,
                        lang,
                        reach: match kind {
                            FieldKind::Name | FieldKind::Region => Reach::Any,
                            FieldKind::Joined => Reach::Every,
                            _ => Reach::Own,
                        },
                    });
                }
                index.targets.push(Target::Member(t));
                index.target_fields.push(first..index.fields.len() as u32);
            }
            index.member_targets = 0..index.targets.len() as u32;
            index.member_attributes = members::Attributes::new(&index);
            index
        })
    }

    /// Words of the small indexes: ordinary, or after a field word, alone or quoted.
    fn small_word() -> impl Strategy<Value = String> {
        prop_oneof![
            3 => "[ab]{1,3}",
            1 => "[ab-]{1,4}",
            2 => "(region|an):([ab]{1,3}|\"[ab ]{1,4}\")",
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]

        #[test]
        fn the_search_finds_in_a_pack_what_the_naive_search_finds(
            pack in 0usize..2,
            lang in 0usize..2,
            words in prop::collection::vec(pack_word(), 1..4),
        ) {
            let (_, index) = &PACKS[pack];
            let query = Query::new(&words.join(" "));
            prop_assert_eq!(index.search(&query, Lang(lang)), naive_search(index, &query, Lang(lang)));
        }

        #[test]
        fn the_search_finds_overlapping_words_as_the_naive_search_does(
            index in small_index(),
            lang in 0usize..2,
            words in prop::collection::vec(small_word(), 1..4),
        ) {
            let query = Query::new(&words.join(" "));
            prop_assert_eq!(index.search(&query, Lang(lang)), naive_search(&index, &query, Lang(lang)));
        }

        #[test]
        fn the_member_filter_keeps_what_the_naive_filter_keeps(
            pack in 0usize..2,
            lang in 0usize..2,
            words in prop::collection::vec(pack_word(), 0..4),
        ) {
            let (_, index) = &PACKS[pack];
            let query = Query::new(&words.join(" "));
            let lang = Lang(lang);
            let kept = index.members_matching(&query, lang);
            prop_assert_eq!(&kept, &naive_members_matching(index, &query, lang));
            // The same members as the search finds, in the members' order.
            if !query.is_empty() {
                let mut found: Vec<usize> = index
                    .search(&query, lang)
                    .into_iter()
                    .filter_map(|hit| match hit.target {
                        Target::Member(i) => Some(i),
                        _ => None,
                    })
                    .collect();
                found.sort_unstable();
                prop_assert_eq!(kept, found);
            }
        }

        #[test]
        fn the_member_filter_on_overlapping_words_keeps_what_the_naive_filter_keeps(
            index in small_index(),
            lang in 0usize..2,
            words in prop::collection::vec(small_word(), 0..4),
        ) {
            let query = Query::new(&words.join(" "));
            prop_assert_eq!(
                index.members_matching(&query, Lang(lang)),
                naive_members_matching(&index, &query, Lang(lang))
            );
        }

        #[test]
        fn the_highlight_of_a_hits_field_marks_what_the_search_found(
            pack in 0usize..2,
            lang in 0usize..2,
            words in prop::collection::vec(pack_word(), 1..4),
        ) {
            let (content, index) = &PACKS[pack];
            let query = Query::new(&words.join(" "));
            for hit in index.search(&query, Lang(lang)) {
                let text = hit.text(content);
                let found = hit.original_match(content);
                let marks = query.matches_in_field(&text, hit.kind);
                prop_assert!(
                    marks.iter().any(|m| m.start <= found.start && found.end <= m.end),
                    "{:?} in {:?}: {:?} not within {:?}", hit.kind, text, found, marks
                );
            }
        }
    }

    #[test]
    fn the_costliest_queries_find_what_the_naive_search_finds() {
        let one_letter_words: Vec<String> = ('a'..='z')
            .chain('0'..='9')
            .chain('α'..='ω')
            .chain('а'..='я')
            .take(128)
            .map(String::from)
            .collect();
        let queries = [
            "ma".repeat(MAX_QUERY_CHARS / 2),
            one_letter_words.join(" "),
            "a e i r n t o l u s c m d p v f b g h z".to_string(),
            "re at ta ti in ri te li ar er ea co pr de nt ie ul al or en on ni it a e i"
                .to_string(),
            ["ta"; 85].join(" "),
            "membru fondator embr mbru ndat onda dato ator emb mbr bru fon ond nda tor".to_string(),
            "region:a region:e an:1 an:2 a e 1 2 region:\"a de\" year:0".to_string(),
        ];
        for (_, index) in PACKS.iter() {
            for text in &queries {
                let query = Query::new(text);
                for lang in [Lang(0), Lang(1)] {
                    assert_eq!(
                        index.search(&query, lang),
                        naive_search(index, &query, lang),
                        "{text}"
                    );
                    assert_eq!(
                        index.members_matching(&query, lang),
                        naive_members_matching(index, &query, lang),
                        "{text}"
                    );
                }
            }
        }
    }

    #[test]
    fn the_field_at_an_offset_is_found_from_any_field_before_it() {
        let (_, index) = &PACKS[1];
        for at in (0..index.haystack.len()).step_by(37) {
            let expected = index.fields.partition_point(|f| f.end as usize <= at);
            for back in [0, 1, 2, 5, 8, 9, 100, 1000, expected] {
                let from = expected.saturating_sub(back);
                assert_eq!(index.field_at(from, at), expected, "{at} from {from}");
            }
        }
        let past = index.haystack.len() + 1;
        assert_eq!(index.field_at(0, past), index.fields.len());
    }

    fn term(word: &str, field: Option<FieldKind>) -> Term {
        Term {
            word: word.to_string(),
            field,
        }
    }

    #[test]
    fn a_field_word_names_the_field_of_the_word_after_its_colon() {
        let region = Some(FieldKind::Region);
        let year = Some(FieldKind::Joined);
        for text in [
            "region:africa",
            "regiune:africa",
            "REGION:AFRICA",
            "Regiune:Africa",
        ] {
            assert_eq!(Query::new(text).terms, [term("africa", region)], "{text}");
        }
        for text in ["year:2012", "an:2012", "AN:2012"] {
            assert_eq!(Query::new(text).terms, [term("2012", year)], "{text}");
        }
        assert_eq!(
            Query::new("an:2011 europa").terms,
            [term("2011", year), term("europa", None)]
        );
        assert_eq!(
            Query::new("region:eastern region:europe").terms,
            [term("eastern", region), term("europe", region)]
        );
        // The same word alone and with a field word is two terms; each term once.
        assert_eq!(
            Query::new("africa region:africa Africa regiune:AFRICA").terms,
            [term("africa", None), term("africa", region)]
        );
    }

    #[test]
    fn a_quoted_phrase_after_a_field_word_is_one_word() {
        let region = Some(FieldKind::Region);
        assert_eq!(
            Query::new("region:\"Eastern   Europe\" moldova").terms,
            [term("eastern europe", region), term("moldova", None)]
        );
        // A quote left open runs to the end, as while it is being typed.
        assert_eq!(
            Query::new("region:\"de est").terms,
            [term("de est", region)]
        );
        // Quotes mean nothing elsewhere.
        assert_eq!(
            Query::new("\"de est\"").terms,
            [term("\"de", None), term("est\"", None)]
        );
    }

    #[test]
    fn other_words_with_a_colon_are_ordinary_and_an_empty_field_word_narrows_nothing() {
        assert_eq!(Query::new("foo:bar").terms, [term("foo:bar", None)]);
        assert_eq!(Query::new("regions:x").terms, [term("regions:x", None)]);
        assert_eq!(Query::new("x an:y").terms[0], term("x", None));
        assert!(Query::new("region:").is_empty());
        assert!(Query::new("an: region:\"\"").is_empty());
        assert_eq!(Query::new("an: 2012").terms, [term("2012", None)]);
    }

    #[test]
    fn a_field_words_word_is_marked_only_in_its_field() {
        let query = Query::new("region:africa est");
        let text = "Africa de Est";
        let marked = |ranges: Vec<Range<usize>>| -> Vec<&str> {
            ranges.into_iter().map(|r| &text[r]).collect()
        };
        assert_eq!(marked(query.matches_in(text)), ["Est"]);
        assert_eq!(
            marked(query.matches_in_field(text, FieldKind::Region)),
            ["Africa", "Est"]
        );
        assert_eq!(
            marked(query.matches_in_field(text, FieldKind::Joined)),
            ["Est"]
        );
        assert!(Query::new("an:2012").matches_in("2012").is_empty());
        let year = Query::new("an:2012").matches_in_field("joined 2012", FieldKind::Joined);
        assert_eq!(year.len(), 1);
        assert_eq!(year[0], 7..11);
    }

    #[test]
    fn a_region_and_a_year_rank_before_other_headings_of_the_same_kind_of_match() {
        let (content, index) = &PACKS[0];
        let field_of = |kind: FieldKind| Field {
            start: 0,
            end: 0,
            target: 0,
            kind,
            lang: 0,
            reach: Reach::Own,
        };
        let region = field_of(FieldKind::Region);
        let title = field_of(FieldKind::Title);
        let body = field_of(FieldKind::Body);
        let text = "asia de est";
        let whole = |field: &Field| quality(field, text, 8, 3, Lang(0));
        let start = |field: &Field| quality(field, text, 0, 2, Lang(0));
        let middle = |field: &Field| quality(field, text, 1, 2, Lang(0));
        assert!(whole(&region) < whole(&title));
        assert!(whole(&title) < start(&region));
        assert!(start(&region) < start(&title));
        assert!(start(&title) < middle(&region));
        assert!(middle(&region) < middle(&title));
        assert!(middle(&title) < whole(&body));
        // In the pack: the members who joined in 2012 before the conference of 2012.
        let ro = content.lang("ro").unwrap();
        let hits = index.search(&Query::new("2012"), ro);
        let leading: Vec<FieldKind> = hits.iter().take(4).map(|hit| hit.kind).collect();
        assert_eq!(leading, [FieldKind::Joined; 4], "{hits:?}");
        assert!(hits[4..].iter().all(|hit| hit.kind != FieldKind::Joined));
    }

    #[test]
    fn the_member_filter_returns_every_member_for_an_empty_query_and_none_for_an_unknown_word() {
        for (content, index) in PACKS.iter() {
            let all: Vec<usize> = (0..content.members.members.len()).collect();
            for text in ["", "  ", "region:", "an:\"\""] {
                assert_eq!(index.members_matching(&Query::new(text), Lang(0)), all);
            }
            assert!(
                index
                    .members_matching(&Query::new("zzzzqx"), Lang(0))
                    .is_empty()
            );
        }
        assert!(
            Index::default()
                .members_matching(&Query::new("a"), Lang(0))
                .is_empty()
        );
    }
}
