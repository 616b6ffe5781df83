//! Finds where a value sits in a RON file, by its path (`members[3].name["en"]`), so that a
//! problem found after parsing can still name the line and column it comes from.
//!
//! serde hands validation plain values without positions; rather than re-parse with a second
//! grammar, this walks the text just far enough to find the path: it knows strings, comments
//! and brackets, and treats everything else as opaque.

use std::collections::HashMap;
use std::ops::Range;

/// One step of a path into a RON value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step<'a> {
    /// A named field of a struct: `name: …`.
    Field(&'static str),
    /// An element of a list, `[a, b, …]`, or of a tuple, `(a, b)`.
    Index(usize),
    /// The value under a string key of a map: `{"en": …}`.
    Key(&'a str),
}

/// A path into a file, built one step at a time on the stack as validation descends into a
/// value (`'p`, the links; `'a`, the keys): nothing is allocated unless a problem needs the
/// steps.
#[derive(Debug, Clone, Copy)]
pub enum ValuePath<'p, 'a> {
    Root,
    Then(&'p ValuePath<'p, 'a>, Step<'a>),
}

impl<'p, 'a> ValuePath<'p, 'a> {
    pub fn then(&'p self, step: Step<'a>) -> ValuePath<'p, 'a> {
        ValuePath::Then(self, step)
    }

    pub fn field(&'p self, name: &'static str) -> ValuePath<'p, 'a> {
        self.then(Step::Field(name))
    }

    pub fn index(&'p self, index: usize) -> ValuePath<'p, 'a> {
        self.then(Step::Index(index))
    }

    pub fn key(&'p self, key: &'a str) -> ValuePath<'p, 'a> {
        self.then(Step::Key(key))
    }

    /// The steps from the root.
    pub fn steps(&self) -> Vec<Step<'a>> {
        let mut steps = Vec::new();
        let mut at = self;
        while let ValuePath::Then(parent, step) = at {
            steps.push(*step);
            at = parent;
        }
        steps.reverse();
        steps
    }
}

/// A line and column, both starting at 1; the column counts characters.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Position {
    pub line: usize,
    pub column: usize,
}

impl Position {
    /// The line and column of byte `offset` in `src`.
    pub fn of_offset(src: &str, offset: usize) -> Position {
        Locator::default().position(src, offset)
    }

    /// The byte offset of this line and column in `src` (the end of `src` if it is past it).
    pub fn offset_in(self, src: &str) -> usize {
        let line_start = if self.line <= 1 {
            Some(0)
        } else {
            src.match_indices('\n')
                .nth(self.line - 2)
                .map(|(i, _)| i + 1)
        };
        let Some(line_start) = line_start else {
            return src.len();
        };
        src[line_start..]
            .char_indices()
            .take_while(|&(_, c)| c != '\n')
            .map(|(i, _)| line_start + i)
            .chain(std::iter::once(
                line_start
                    + src[line_start..]
                        .find('\n')
                        .unwrap_or(src.len() - line_start),
            ))
            .nth(self.column.saturating_sub(1))
            .unwrap_or(src.len())
    }
}

/// The position of the value at `path` in `src`, or of the deepest part of the path that
/// exists (a problem with a missing value is reported where it should have been).
pub fn locate(src: &str, path: &[Step]) -> Position {
    let mut locator = Locator::default();
    let at = locator.span(src, path).start;
    locator.position(src, at)
}

/// The byte range of the value at `path` in `src` (or of the deepest part of the path that
/// exists), for pointing at it.
pub fn locate_span(src: &str, path: &[Step]) -> Range<usize> {
    Locator::default().span(src, path)
}

/// Locates any number of paths and offsets in one file at the cost of about one pass over
/// it: each container entered keeps its entries as far as they were read, and the starts of
/// the lines are found once. A pack of 100k members can have a problem in every member;
/// found one by one from the start of the file, they would cost a pass each.
///
/// A locator belongs to one text: the same `src` must be given to every call.
#[derive(Debug, Default)]
pub struct Locator {
    /// By the offset of a container's value (`Name(` or `[` or `{`), what is known of it.
    containers: HashMap<usize, Container>,
    line_starts: Option<Vec<usize>>,
}

#[derive(Debug)]
struct Container {
    bracket: u8,
    /// The entries read so far: the name or key (none in a list) and where the value starts.
    entries: Vec<(Option<String>, usize)>,
    /// Where reading goes on: the start of the last entry's value while `value_pending`,
    /// after it otherwise.
    resume: usize,
    value_pending: bool,
    /// The closing bracket (or the end of the text) was reached.
    done: bool,
}

impl Locator {
    /// The byte range of the value at `path` in `src` (or of the deepest part of the path
    /// that exists).
    pub fn span(&mut self, src: &str, path: &[Step]) -> Range<usize> {
        let bytes = src.as_bytes();
        let mut scanner = Scanner { src: bytes, pos: 0 };
        scanner.skip_trivia_and_attributes();
        let mut found = scanner.pos;
        for step in path {
            match self.enter(bytes, found, step) {
                Some(at) => found = at,
                None => break,
            }
        }
        let mut end = Scanner {
            src: bytes,
            pos: found,
        };
        end.skip_value();
        let mut end = end.pos.min(src.len()).max(found);
        while !src.is_char_boundary(end) {
            end += 1;
        }
        found..end
    }

    /// The line and column of byte `offset` in `src`.
    pub fn position(&mut self, src: &str, offset: usize) -> Position {
        let mut offset = offset.min(src.len());
        while !src.is_char_boundary(offset) {
            offset -= 1;
        }
        let line_starts = self.line_starts.get_or_insert_with(|| {
            std::iter::once(0)
                .chain(memchr::memchr_iter(b'\n', src.as_bytes()).map(|i| i + 1))
                .collect()
        });
        // The first line starts at 0, so at least one start is at or before `offset`.
        let line = line_starts.partition_point(|&start| start <= offset);
        let line_start = line_starts[line - 1];
        let column = src[line_start..offset].chars().count() + 1;
        Position { line, column }
    }

    /// The offset of the value that `step` names inside the value at `at`, or `None` when it
    /// is not there.
    fn enter(&mut self, src: &[u8], at: usize, step: &Step) -> Option<usize> {
        let container = match self.containers.entry(at) {
            std::collections::hash_map::Entry::Occupied(known) => known.into_mut(),
            std::collections::hash_map::Entry::Vacant(new) => {
                let mut scanner = Scanner { src, pos: at };
                let bracket = scanner.open()?;
                new.insert(Container {
                    bracket,
                    entries: Vec::new(),
                    resume: scanner.pos,
                    value_pending: false,
                    done: false,
                })
            }
        };
        let wanted = |entries: &[(Option<String>, usize)], index: usize| match step {
            Step::Index(i) => index == *i,
            Step::Field(name) => entries[index].0.as_deref() == Some(*name),
            Step::Key(key) => entries[index].0.as_deref() == Some(*key),
        };
        match (step, container.bracket) {
            (Step::Field(_), b'(') | (Step::Key(_), b'{') | (Step::Index(_), b'[' | b'(') => {}
            _ => return None,
        }
        if let Some(index) = (0..container.entries.len()).find(|&i| wanted(&container.entries, i)) {
            return Some(container.entries[index].1);
        }
        let mut scanner = Scanner {
            src,
            pos: container.resume,
        };
        if container.value_pending {
            scanner.skip_value();
            container.value_pending = false;
        }
        while !container.done {
            scanner.skip_trivia();
            match scanner.peek() {
                None | Some(b')') | Some(b']') | Some(b'}') => {
                    container.done = true;
                    break;
                }
                Some(b',') => {
                    scanner.pos += 1;
                    continue;
                }
                Some(_) => {}
            }
            let name = match container.bracket {
                b'(' => {
                    let start = scanner.pos;
                    scanner.skip_identifier();
                    let name = String::from_utf8_lossy(&src[start..scanner.pos]).into_owned();
                    scanner.skip_trivia();
                    if scanner.peek() == Some(b':') {
                        scanner.pos += 1;
                        Some(name)
                    } else {
                        // No `name:`: an element of a tuple, `(48.21, 16.37)`.
                        scanner.pos = start;
                        None
                    }
                }
                b'{' => {
                    let key = scanner.read_string();
                    scanner.skip_trivia();
                    if scanner.peek() == Some(b':') {
                        scanner.pos += 1;
                    }
                    Some(key)
                }
                _ => None,
            };
            scanner.skip_trivia();
            let value_at = scanner.pos;
            container.entries.push((name, value_at));
            if wanted(&container.entries, container.entries.len() - 1) {
                container.resume = value_at;
                container.value_pending = true;
                return Some(value_at);
            }
            scanner.skip_value();
        }
        container.resume = scanner.pos;
        None
    }
}

/// The bytes that matter inside a group: brackets, quotes and the start of a comment.
const GROUP_SYNTAX: [bool; 256] = {
    let mut table = [false; 256];
    let mut i = 0;
    while i < 9 {
        table[b"()[]{}\"'/"[i] as usize] = true;
        i += 1;
    }
    table
};

struct Scanner<'a> {
    src: &'a [u8],
    pos: usize,
}

impl Scanner<'_> {
    fn peek(&self) -> Option<u8> {
        self.src.get(self.pos).copied()
    }

    /// Skips whitespace, `//` and nested `/* */` comments.
    fn skip_trivia(&mut self) {
        loop {
            match (self.peek(), self.src.get(self.pos + 1).copied()) {
                (Some(b), _) if b.is_ascii_whitespace() => self.pos += 1,
                (Some(b'/'), Some(b'/')) => {
                    while self.peek().is_some_and(|b| b != b'\n') {
                        self.pos += 1;
                    }
                }
                (Some(b'/'), Some(b'*')) => {
                    self.pos += 2;
                    let mut depth = 1;
                    while depth > 0 && self.pos < self.src.len() {
                        if self.src[self.pos..].starts_with(b"/*") {
                            depth += 1;
                            self.pos += 2;
                        } else if self.src[self.pos..].starts_with(b"*/") {
                            depth -= 1;
                            self.pos += 2;
                        } else {
                            self.pos += 1;
                        }
                    }
                }
                _ => return,
            }
        }
    }

    /// Skips trivia and leading `#![enable(…)]` attributes.
    fn skip_trivia_and_attributes(&mut self) {
        self.skip_trivia();
        while self.src[self.pos..].starts_with(b"#!") {
            self.pos += 2;
            self.skip_value();
            self.skip_trivia();
        }
    }

    fn skip_identifier(&mut self) {
        while self
            .peek()
            .is_some_and(|b| b.is_ascii_alphanumeric() || b == b'_' || b >= 0x80)
        {
            self.pos += 1;
        }
    }

    /// Skips a string (plain or raw) or a char literal and returns its contents, unescaped
    /// only as far as `\"` and `\\` (enough to compare map keys).
    fn read_string(&mut self) -> String {
        let mut out = Vec::new();
        self.string(Some(&mut out));
        String::from_utf8_lossy(&out).into_owned()
    }

    /// Moves past a string (plain or raw) or a char literal, its contents into `out` if given.
    fn string(&mut self, mut out: Option<&mut Vec<u8>>) {
        match self.peek() {
            Some(b'r') => {
                self.pos += 1;
                let mut hashes = 0;
                while self.peek() == Some(b'#') {
                    hashes += 1;
                    self.pos += 1;
                }
                self.pos += 1; // the opening quote
                while self.pos < self.src.len() {
                    let closing = self.pos + 1..self.pos + 1 + hashes;
                    if self.src[self.pos] == b'"'
                        && self
                            .src
                            .get(closing)
                            .is_some_and(|h| h.iter().all(|&b| b == b'#'))
                    {
                        self.pos += 1 + hashes;
                        break;
                    }
                    if let Some(out) = out.as_deref_mut() {
                        out.push(self.src[self.pos]);
                    }
                    self.pos += 1;
                }
            }
            Some(quote) => {
                self.pos += 1;
                while let Some(b) = self.peek() {
                    self.pos += 1;
                    if b == quote {
                        break;
                    }
                    let b = match b {
                        b'\\' => match self.peek() {
                            Some(escaped) => {
                                self.pos += 1;
                                escaped
                            }
                            None => break,
                        },
                        b => b,
                    };
                    if let Some(out) = out.as_deref_mut() {
                        out.push(b);
                    }
                }
            }
            None => {}
        }
    }

    /// Skips one value: a bracketed group, a string, or a run of other characters.
    fn skip_value(&mut self) {
        self.skip_trivia();
        match self.peek() {
            Some(b'"') | Some(b'\'') => self.string(None),
            Some(b'r') if matches!(self.src.get(self.pos + 1), Some(b'"') | Some(b'#')) => {
                self.string(None)
            }
            Some(b'(') | Some(b'[') | Some(b'{') => self.skip_group(),
            Some(_) => {
                let start = self.pos;
                while let Some(b) = self.peek() {
                    if matches!(b, b',' | b')' | b']' | b'}' | b':') || b.is_ascii_whitespace() {
                        break;
                    }
                    if matches!(b, b'(' | b'[' | b'{') {
                        // A named struct or enum variant: `Name(…)`.
                        self.skip_group();
                        return;
                    }
                    self.pos += 1;
                }
                if self.pos == start {
                    self.pos += 1;
                }
            }
            None => {}
        }
    }

    /// Skips a balanced `(…)`, `[…]` or `{…}` starting at the current position.
    fn skip_group(&mut self) {
        let mut depth = 0usize;
        while let Some(b) = self.peek() {
            match b {
                b'(' | b'[' | b'{' => {
                    depth += 1;
                    self.pos += 1;
                }
                b')' | b']' | b'}' => {
                    self.pos += 1;
                    depth = depth.saturating_sub(1);
                    if depth == 0 {
                        return;
                    }
                }
                b'"' | b'\'' => self.string(None),
                b'/' if matches!(self.src.get(self.pos + 1), Some(b'/') | Some(b'*')) => {
                    self.skip_trivia()
                }
                _ => {
                    // Past the bytes that change nothing here, in one tight loop: a long
                    // list is skipped whole to cut it for parsing in parallel.
                    self.pos += 1;
                    while self.peek().is_some_and(|b| !GROUP_SYNTAX[usize::from(b)]) {
                        self.pos += 1;
                    }
                }
            }
        }
    }

    /// Moves into the opening bracket of the value at the current position, past any
    /// struct name or `Some`, and returns the bracket found.
    fn open(&mut self) -> Option<u8> {
        self.skip_trivia();
        if self
            .peek()
            .is_some_and(|b| b.is_ascii_alphabetic() || b == b'_')
        {
            self.skip_identifier();
            self.skip_trivia();
        }
        let bracket = self.peek()?;
        if matches!(bracket, b'(' | b'[' | b'{') {
            self.pos += 1;
            Some(bracket)
        } else {
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SRC: &str = "// a comment\nMembers(\n    intro: {\"ro\": \"x\", \"en\": \"\"},\n    /* (skip [this]) */\n    members: [\n        Member(id: \"a\", name: {\"ro\": \"A, B\"}),\n        Member(id: \"b)\", name: {}),\n    ],\n)\n";

    fn at(path: &[Step]) -> (usize, usize) {
        let p = locate(SRC, path);
        (p.line, p.column)
    }

    #[test]
    fn finds_fields_elements_and_keys() {
        assert_eq!(at(&[]), (2, 1));
        assert_eq!(at(&[Step::Field("intro")]), (3, 12));
        assert_eq!(at(&[Step::Field("intro"), Step::Key("en")]), (3, 30));
        assert_eq!(at(&[Step::Field("members"), Step::Index(1)]), (7, 9));
        assert_eq!(
            at(&[Step::Field("members"), Step::Index(1), Step::Field("name")]),
            (7, 32)
        );
        assert_eq!(
            at(&[Step::Field("members"), Step::Index(0), Step::Field("id")]),
            (6, 20)
        );
    }

    #[test]
    fn spans_cover_the_whole_value() {
        let span = locate_span(
            SRC,
            &[Step::Field("members"), Step::Index(0), Step::Field("name")],
        );
        assert_eq!(&SRC[span], "{\"ro\": \"A, B\"}");
        let span = locate_span(
            SRC,
            &[Step::Field("members"), Step::Index(1), Step::Field("id")],
        );
        assert_eq!(&SRC[span], "\"b)\"");
        let span = locate_span(SRC, &[Step::Field("members"), Step::Index(1)]);
        assert_eq!(&SRC[span], "Member(id: \"b)\", name: {})");
    }

    #[test]
    fn positions_and_offsets_agree() {
        for offset in (0..SRC.len()).filter(|&o| SRC.is_char_boundary(o)) {
            assert_eq!(Position::of_offset(SRC, offset).offset_in(SRC), offset);
        }
        let text = "ăb\nc";
        assert_eq!(Position { line: 1, column: 2 }.offset_in(text), 2);
        assert_eq!(Position { line: 2, column: 1 }.offset_in(text), 4);
        assert_eq!(Position { line: 9, column: 1 }.offset_in(text), text.len());
    }

    #[test]
    fn finds_the_elements_of_a_tuple() {
        let src =
            "Member(\n    id: \"a\",\n    location: ( 48.21 , -16.37 ),\n    joined: 2011,\n)";
        let element = |i| {
            let span = locate_span(src, &[Step::Field("location"), Step::Index(i)]);
            &src[span]
        };
        assert_eq!(element(0), "48.21");
        assert_eq!(element(1), "-16.37");
        assert_eq!(
            at_in(src, &[Step::Field("location"), Step::Index(1)]),
            (3, 25)
        );
        // Past the tuple's end, the tuple; the fields after it are still found by name.
        assert_eq!(element(2), "( 48.21 , -16.37 )");
        assert_eq!(at_in(src, &[Step::Field("joined")]), (4, 13));
    }

    fn at_in(src: &str, path: &[Step]) -> (usize, usize) {
        let p = locate(src, path);
        (p.line, p.column)
    }

    #[test]
    fn stops_at_the_deepest_part_that_exists() {
        assert_eq!(at(&[Step::Field("members"), Step::Index(9)]), (5, 14));
        assert_eq!(at(&[Step::Field("nothing")]), (2, 1));
    }

    #[test]
    fn survives_truncated_and_odd_input() {
        for cut in 0..SRC.len() {
            if SRC.is_char_boundary(cut) {
                locate(
                    &SRC[..cut],
                    &[Step::Field("members"), Step::Index(1), Step::Field("id")],
                );
            }
        }
        locate("r#\"", &[Step::Field("x")]);
        locate("#![enable(implicit_some)] (x: 1)", &[Step::Field("x")]);
    }

    #[test]
    fn one_locator_finds_many_paths_in_any_order_as_fresh_ones_do() {
        let members: String = (0..40)
            .map(|i| {
                format!(
                    "    Member(id: \"m{i}\", name: {{\"ro\": \"N{i}\", \"en\": \"E, {i})\"}}),\n"
                )
            })
            .collect();
        let src =
            format!("Members(\n  members: [\n{members}  ],\n  intro: {{\"ro\": \"x\"}},\n)\n");
        let mut paths: Vec<Vec<Step>> = Vec::new();
        for i in (0..42).rev().chain(0..42).chain([7, 3, 39, 0]) {
            let member = [Step::Field("members"), Step::Index(i)];
            paths.push(member.to_vec());
            paths.push([&member[..], &[Step::Field("name"), Step::Key("en")]].concat());
            paths.push([&member[..], &[Step::Field("id")]].concat());
            paths.push(vec![Step::Field("intro"), Step::Key("ro")]);
        }
        let mut locator = Locator::default();
        for path in &paths {
            let span = locator.span(&src, path);
            assert_eq!(span, locate_span(&src, path), "{path:?}");
            let before = &src[..span.start];
            let expected = Position {
                line: before.matches('\n').count() + 1,
                column: before.rsplit('\n').next().unwrap().chars().count() + 1,
            };
            assert_eq!(locator.position(&src, span.start), expected);
        }
    }
}
