//! Loading a pack: read its files (embedded in the binary or from a folder), parse each into
//! the raw serde types, then validate the whole into a checked [`Content`].
//!
//! Every problem is collected, not only the first, each with the file, line and column it
//! comes from, so an author can fix a pack in one pass.

use std::collections::HashMap;
use std::fmt;
use std::io::Read;
use std::ops::Range;
use std::path::Path;
use std::sync::Arc;

use ron::extensions::Extensions;
use serde::Deserialize;

use super::locate::{Locator, Position, Step, ValuePath};
use super::model::*;
use super::raw::*;
use crate::text::normalize;

/// The files of a pack, in the order they are read.
pub const FILES: [&str; 5] = [
    "pack.ron",
    "overview.ron",
    "members.ron",
    "declaration.ron",
    "actions.ron",
];

/// Files a pack may have besides [`FILES`].
pub const OPTIONAL_FILES: [&str; 1] = ["slides.ron"];

/// The largest pack file read; anything larger is refused before it is read whole. Large
/// enough for a hundred thousand members, small enough that a stray file cannot exhaust
/// memory.
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

/// Text in content that is replaced by the number of members in `members.ron`, so the count is
/// never written by hand.
pub const MEMBER_COUNT_PLACEHOLDER: &str = "{member_count}";

/// The default pack, compiled into the binary.
const EMBEDDED: [(&str, &str); 6] = [
    (
        "pack.ron",
        include_str!("../../../../assets/content/pack.ron"),
    ),
    (
        "overview.ron",
        include_str!("../../../../assets/content/overview.ron"),
    ),
    (
        "members.ron",
        include_str!("../../../../assets/content/members.ron"),
    ),
    (
        "declaration.ron",
        include_str!("../../../../assets/content/declaration.ron"),
    ),
    (
        "actions.ron",
        include_str!("../../../../assets/content/actions.ron"),
    ),
    (
        "slides.ron",
        include_str!("../../../../assets/content/slides.ron"),
    ),
];

/// How bad a problem is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    /// The pack still loads (a text falls back to the default language, say).
    Warning,
    /// The pack cannot be used.
    Error,
}

/// What was wrong, where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// The file as the user would name it (a path, or `<embedded>/members.ron`).
    pub file: String,
    /// Where in the file, when the problem is inside it.
    pub position: Option<Position>,
    /// The bytes of the file the problem is about, for pointing at them.
    pub span: Option<Range<usize>>,
    pub severity: Severity,
    pub kind: ProblemKind,
}

impl Problem {
    /// A problem with a whole file (or folder), not a place in it.
    pub fn whole(file: String, kind: ProblemKind) -> Problem {
        Problem {
            file,
            position: None,
            span: None,
            severity: Severity::Error,
            kind,
        }
    }

    /// A problem at `span` of `file`.
    fn at(file: &PackFile, span: Range<usize>, severity: Severity, kind: ProblemKind) -> Problem {
        Problem {
            file: file.display.clone(),
            position: Some(Position::of_offset(&file.text, span.start)),
            span: Some(span),
            severity,
            kind,
        }
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.severity == Severity::Warning {
            f.write_str("warning: ")?;
        }
        match self.position {
            Some(p) => write!(f, "{}:{}:{}: {}", self.file, p.line, p.column, self.kind),
            None => write!(f, "{}: {}", self.file, self.kind),
        }
    }
}

/// The kinds of problem a pack can have.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ProblemKind {
    #[error("no such folder")]
    MissingFolder,
    #[error("file not found")]
    MissingFile,
    #[error("cannot read the file: {0}")]
    Unreadable(String),
    #[error("the file is {size} bytes; a pack file may be at most {limit} bytes")]
    TooLarge { size: u64, limit: u64 },
    #[error("a binary file, not RON text (a NUL byte here)")]
    Binary,
    #[error("not UTF-8 text: an invalid byte here")]
    NotUtf8,
    #[error("{0}")]
    Syntax(String),
    #[error("duplicate id \"{id}\": it is already used at {first}")]
    DuplicateId { id: String, first: String },
    #[error("the text for language \"{lang}\" is empty")]
    EmptyText { lang: String },
    #[error("this text has no \"{lang}\" version; the pack's default language is required")]
    MissingDefaultText { lang: String },
    #[error("no \"{lang}\" version of this text; the \"{default}\" text is shown instead")]
    MissingTranslation { lang: String, default: String },
    #[error("language \"{lang}\" is not declared in pack.ron (languages: {declared})")]
    UndeclaredLanguage { lang: String, declared: String },
    #[error("no {what} with id \"{id}\" (known: {known})")]
    UnknownReference {
        what: &'static str,
        id: String,
        known: String,
    },
    /// A warning: the fact still shows, but nothing says where it comes from.
    #[error(
        "{what} cites no source: add {add} with the id of a source in pack.ron (for what rests on the source text alone, the source text's own)"
    )]
    Uncited { what: String, add: &'static str },
    #[error("{0}")]
    Invalid(String),
}

/// Everything that makes a pack unusable.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoadError {
    pub problems: Vec<Problem>,
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, problem) in self.problems.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            write!(f, "{problem}")?;
        }
        Ok(())
    }
}

impl std::error::Error for LoadError {}

/// One file's name in the pack, how to show its path, and its text.
#[derive(Debug, Clone)]
pub struct PackFile {
    pub name: &'static str,
    pub display: String,
    pub text: String,
}

/// The outcome of checking a pack: the content if it is usable, every problem (errors and
/// warnings, in the order of the files), and the files as read, to show the problems in.
#[derive(Debug, Clone)]
pub struct Report {
    pub content: Option<Content>,
    pub problems: Vec<Problem>,
    pub files: Vec<PackFile>,
}

impl Report {
    pub fn errors(&self) -> impl Iterator<Item = &Problem> {
        self.problems.iter().filter(|p| p.is_error())
    }

    pub fn warnings(&self) -> impl Iterator<Item = &Problem> {
        self.problems.iter().filter(|p| !p.is_error())
    }

    /// The content, or the errors that keep it from loading. Warnings are dropped.
    pub fn into_result(self) -> Result<Content, LoadError> {
        match self.content {
            Some(content) if self.problems.iter().all(|p| !p.is_error()) => Ok(content),
            _ => Err(LoadError {
                problems: self
                    .problems
                    .into_iter()
                    .filter(Problem::is_error)
                    .collect(),
            }),
        }
    }

    /// The text of a file of the report, by the name its problems give.
    pub fn file_text(&self, display: &str) -> Option<&str> {
        self.files
            .iter()
            .find(|f| f.display == display)
            .map(|f| f.text.as_str())
    }
}

/// The files of the pack compiled into the binary.
fn embedded_pack_files() -> Vec<PackFile> {
    EMBEDDED
        .iter()
        .map(|&(name, text)| PackFile {
            name,
            display: format!("<embedded>/{name}"),
            text: text.to_string(),
        })
        .collect()
}

/// Loads the pack compiled into the binary.
pub fn load_embedded() -> Result<Content, LoadError> {
    check_embedded().into_result()
}

/// Checks the pack compiled into the binary: its RON files, parsed and validated as any pack's.
pub fn check_embedded() -> Report {
    check_files(embedded_pack_files())
}

/// The files of the embedded pack, as they are written (for `clsv init` and tests).
pub fn embedded_files() -> impl Iterator<Item = (&'static str, &'static str)> {
    EMBEDDED.into_iter()
}

/// Loads a pack from a folder on disk.
pub fn load_dir(dir: &Path) -> Result<Content, LoadError> {
    check_dir(dir).into_result()
}

/// Checks a pack in a folder on disk: every file read (within the size limit, as UTF-8
/// text), parsed and validated, with every problem found.
pub fn check_dir(dir: &Path) -> Report {
    if !dir.is_dir() {
        return Report {
            content: None,
            problems: vec![Problem::whole(
                dir.display().to_string(),
                ProblemKind::MissingFolder,
            )],
            files: Vec::new(),
        };
    }
    let mut files = Vec::new();
    let mut unreadable = Vec::new();
    let mut problems = Vec::new();
    for name in FILES.into_iter().chain(OPTIONAL_FILES) {
        let path = dir.join(name);
        let optional = OPTIONAL_FILES.contains(&name);
        if optional && std::fs::symlink_metadata(&path).is_err() {
            continue;
        }
        match read_file(&path, name) {
            (file, None) => files.push(file),
            (file, Some(problem)) => {
                problems.push(problem);
                unreadable.push(file);
            }
        }
    }
    // The files that could be read are still checked, so one run reports everything.
    let mut report = check_files(files);
    report
        .problems
        .retain(|p| p.kind != ProblemKind::MissingFile);
    problems.append(&mut report.problems);
    // In the order of the files, as an author reads them.
    problems.sort_by_key(|p| {
        FILES
            .iter()
            .chain(&OPTIONAL_FILES)
            .position(|name| p.file.ends_with(name))
    });
    report.problems = problems;
    report.files.extend(unreadable);
    if report.errors().next().is_some() {
        report.content = None;
    }
    report
}

/// Reads the file at `path` (called `name` in problems about it) as a pack reads its files:
/// the file, and the problem if it cannot be read as text (the file then holds what of it can
/// be shown).
pub fn read_file(path: &Path, name: &'static str) -> (PackFile, Option<Problem>) {
    let display = path.display().to_string();
    match read_pack_file(path) {
        Ok(text) => (
            PackFile {
                name,
                display,
                text,
            },
            None,
        ),
        Err(ReadError { shown, at, kind }) => {
            let file = PackFile {
                name,
                display,
                text: shown.unwrap_or_default(),
            };
            let problem = match at {
                Some(at) => Problem::at(&file, at..at + 1, Severity::Error, kind),
                None => Problem::whole(file.display.clone(), kind),
            };
            (file, Some(problem))
        }
    }
}

/// Why a file could not be read as text, and what of it can still be shown.
struct ReadError {
    /// The text to show the problem in, if any is worth showing.
    shown: Option<String>,
    /// The byte the problem is at.
    at: Option<usize>,
    kind: ProblemKind,
}

/// What a file that is neither a folder nor a regular file is, in words.
fn not_a_file(file_type: &std::fs::FileType) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if file_type.is_fifo() {
            return "a named pipe (FIFO)";
        }
        if file_type.is_socket() {
            return "a socket";
        }
        if file_type.is_char_device() || file_type.is_block_device() {
            return "a device";
        }
    }
    let _ = file_type;
    "a special file"
}

/// Reads one file, refusing a folder, anything but a regular file, a file over the size
/// limit, a binary file and text that is not UTF-8. A byte-order mark at the start is
/// dropped, as editors on some systems write one, and a lone `\r` ends a line as `\n` does.
fn read_pack_file(path: &Path) -> Result<String, ReadError> {
    let whole = |kind| ReadError {
        shown: None,
        at: None,
        kind,
    };
    let unreadable = |e: std::io::Error| whole(ProblemKind::Unreadable(e.to_string()));
    let metadata = match std::fs::metadata(path) {
        Ok(m) => m,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            // A dangling symbolic link is missing too, but says so.
            return Err(match std::fs::symlink_metadata(path) {
                Ok(_) => whole(ProblemKind::Unreadable("a symbolic link to nothing".into())),
                Err(_) => whole(ProblemKind::MissingFile),
            });
        }
        Err(e) => return Err(unreadable(e)),
    };
    if metadata.is_dir() {
        return Err(whole(ProblemKind::Unreadable("it is a folder".into())));
    }
    // Opening a FIFO waits for a writer, and a device never ends: only a regular file is
    // read (a symbolic link to one is followed).
    if !metadata.is_file() {
        let kind = not_a_file(&metadata.file_type());
        return Err(whole(ProblemKind::Unreadable(format!(
            "it is {kind}, not a regular file"
        ))));
    }
    let too_large = |size| {
        whole(ProblemKind::TooLarge {
            size,
            limit: MAX_FILE_BYTES,
        })
    };
    if metadata.len() > MAX_FILE_BYTES {
        return Err(too_large(metadata.len()));
    }
    // Sized for the whole file at once: growing by doubling copies a large file many times.
    let mut bytes = Vec::with_capacity(usize::try_from(metadata.len()).unwrap_or(0) + 1);
    std::fs::File::open(path)
        .and_then(|file| file.take(MAX_FILE_BYTES + 1).read_to_end(&mut bytes))
        .map_err(unreadable)?;
    // The file may have grown since its size was read.
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(too_large(bytes.len() as u64));
    }
    lone_carriage_returns_as_line_feeds(&mut bytes);
    if let Some(nul) = memchr::memchr(0, &bytes) {
        // Shown up to the NUL only: what follows is not text.
        let shown = String::from_utf8_lossy(&bytes[..nul]).into_owned();
        return Err(ReadError {
            at: Some(shown.len()),
            shown: Some(shown),
            kind: ProblemKind::Binary,
        });
    }
    let text = String::from_utf8(bytes).map_err(|e| {
        let valid = e.utf8_error().valid_up_to();
        // Before `valid` the text is UTF-8 and the lossy form keeps every byte offset.
        let shown = String::from_utf8_lossy(e.as_bytes()).into_owned();
        ReadError {
            shown: Some(shown),
            at: Some(valid),
            kind: ProblemKind::NotUtf8,
        }
    })?;
    Ok(match text.strip_prefix('\u{feff}') {
        Some(rest) => rest.to_string(),
        None => text,
    })
}

/// Turns each `\r` not followed by `\n` (the line ending of old Mac files) into `\n`, so
/// that the parser, which ends a `//` comment at `\n` only, the locator and the diagnostics
/// all see the lines the author's editor shows. A byte for a byte: every offset stays, and
/// UTF-8 stays valid (`\r` is never part of a longer character). `\r\n` is left alone: the
/// parser takes its `\r` for a space, and a text's `\r\n` becomes `\n` when it is normalized.
fn lone_carriage_returns_as_line_feeds(bytes: &mut [u8]) {
    let mut at = 0;
    while let Some(found) = memchr::memchr(b'\r', &bytes[at..]) {
        let cr = at + found;
        if bytes.get(cr + 1) != Some(&b'\n') {
            bytes[cr] = b'\n';
        }
        at = cr + 1;
    }
}

/// Parses and validates a pack given as files. `files` holds each name of [`FILES`] once.
pub fn load_files(files: Vec<PackFile>) -> Result<Content, LoadError> {
    check_files(files).into_result()
}

/// Checks a pack given as files: parses each, then validates the whole.
pub fn check_files(files: Vec<PackFile>) -> Report {
    let (content, problems) = check_parsed(&files);
    Report {
        content,
        problems,
        files,
    }
}

/// Parses and validates `files`: the content if it has no errors, and every problem.
fn check_parsed(files: &[PackFile]) -> (Option<Content>, Vec<Problem>) {
    let mut problems = Vec::new();
    let find = |name: &str| files.iter().find(|f| f.name == name);
    for name in FILES.iter().filter(|name| find(name).is_none()) {
        problems.push(Problem::whole(name.to_string(), ProblemKind::MissingFile));
    }
    let pack = find("pack.ron").and_then(|f| parse::<RawPack>(f, &mut problems).map(|r| (f, r)));
    let overview =
        find("overview.ron").and_then(|f| parse::<RawOverview>(f, &mut problems).map(|r| (f, r)));
    let members =
        find("members.ron").and_then(|f| parse::<RawMembers>(f, &mut problems).map(|r| (f, r)));
    let declaration = find("declaration.ron")
        .and_then(|f| parse::<RawDeclaration>(f, &mut problems).map(|r| (f, r)));
    let actions =
        find("actions.ron").and_then(|f| parse::<RawActions>(f, &mut problems).map(|r| (f, r)));
    let slides = find("slides.ron").map(|f| (f, parse::<RawSlides>(f, &mut problems)));
    let (Some(pack), Some(overview), Some(members), Some(declaration), Some(actions)) =
        (pack, overview, members, declaration, actions)
    else {
        return (None, problems);
    };

    let mut checker = Checker::new(members.1.members.len());
    let mut content = checker.pack(
        (pack.0, &pack.1),
        (overview.0, &overview.1),
        (members.0, &members.1),
        (declaration.0, &declaration.1.as_list()),
        (actions.0, &actions.1.as_list()),
    );
    match (&mut content, &slides) {
        (Some(content), Some((file, Some(raw)))) => {
            content.slides = Some(checker.slides(file, raw, content));
        }
        // A slides.ron that does not parse has its problem recorded already.
        (_, Some((_, None))) => content = None,
        _ => {}
    }
    problems.append(&mut checker.problems);
    let content = content.filter(|_| problems.iter().all(|p| !p.is_error()));
    (content, problems)
}

/// How pack files are parsed: a field of an `Option` type may be written without `Some(…)`.
fn parse_options() -> ron::Options {
    ron::Options::default().with_default_extension(Extensions::IMPLICIT_SOME)
}

/// Parses one file, recording a syntax problem where the parser stopped.
pub fn parse<'f, T: Deserialize<'f>>(file: &'f PackFile, problems: &mut Vec<Problem>) -> Option<T> {
    match parse_options().from_str::<T>(&file.text) {
        Ok(value) => Some(value),
        Err(e) => {
            let position = |p: ron::error::Position| Position {
                line: p.line,
                column: p.col,
            };
            let start = position(e.span.start).offset_in(&file.text);
            let end = position(e.span.end).offset_in(&file.text).max(start);
            let mut problem = Problem::at(
                file,
                start..end,
                Severity::Error,
                ProblemKind::Syntax(e.code.to_string()),
            );
            problem.position = Some(position(e.span.start));
            problems.push(problem);
            None
        }
    }
}

/// The validation of one pack: the languages and sources it declares, the ids seen so far,
/// and the problems found. `'a` is the life of the files and of what was parsed from them.
struct Checker<'a> {
    languages: Vec<String>,
    default_language: usize,
    sources: Vec<&'a str>,
    /// Every id seen, with where it was first seen.
    ids: HashMap<&'a str, (&'a PackFile, IdPlace<'a>)>,
    /// The number of members, as `{member_count}` becomes.
    member_count: String,
    /// One per file with problems, by the file's name.
    locators: HashMap<&'static str, Locator>,
    problems: Vec<Problem>,
}

/// A file being validated.
type File<'a, T> = (&'a PackFile, &'a T);

/// Where an id was first seen. Kept for every id, though needed only for a duplicate: the
/// usual place, `list[i].id`, is kept without allocating.
enum IdPlace<'a> {
    InList(&'static str, usize),
    Other(Vec<Step<'a>>),
}

impl<'a> IdPlace<'a> {
    fn of(path: &ValuePath<'_, 'a>) -> IdPlace<'a> {
        use ValuePath::{Root, Then};
        match path {
            Then(Then(Then(Root, Step::Field(list)), Step::Index(i)), Step::Field("id")) => {
                IdPlace::InList(list, *i)
            }
            _ => IdPlace::Other(path.steps()),
        }
    }

    fn steps(&self) -> Vec<Step<'a>> {
        match self {
            IdPlace::InList(list, i) => {
                vec![Step::Field(list), Step::Index(*i), Step::Field("id")]
            }
            IdPlace::Other(steps) => steps.clone(),
        }
    }
}

/// The root of a file, where every path starts.
const ROOT: ValuePath<'static, 'static> = ValuePath::Root;

impl<'a> Checker<'a> {
    fn new(member_count: usize) -> Self {
        Checker {
            languages: Vec::new(),
            default_language: 0,
            sources: Vec::new(),
            // Every member has an id, and a pack has a few dozen others.
            ids: HashMap::with_capacity(member_count + 64),
            member_count: member_count.to_string(),
            locators: HashMap::new(),
            problems: Vec::new(),
        }
    }

    fn report(&mut self, file: &PackFile, path: &ValuePath<'_, '_>, kind: ProblemKind) {
        self.report_as(file, path, Severity::Error, kind);
    }

    fn report_as(
        &mut self,
        file: &PackFile,
        path: &ValuePath<'_, '_>,
        severity: Severity,
        kind: ProblemKind,
    ) {
        let locator = self.locators.entry(file.name).or_default();
        let span = locator.span(&file.text, &path.steps());
        self.problems.push(Problem {
            file: file.display.clone(),
            position: Some(locator.position(&file.text, span.start)),
            span: Some(span),
            severity,
            kind,
        });
    }

    fn pack(
        &mut self,
        (pack_file, pack): File<'a, RawPack<'a>>,
        overview: File<'a, RawOverview<'a>>,
        members: File<'a, RawMembers<'a>>,
        declaration: (&'a PackFile, &RawItemList<'a, 'a>),
        actions: (&'a PackFile, &RawItemList<'a, 'a>),
    ) -> Option<Content> {
        self.languages(pack_file, pack)?;
        let id = self.id(pack_file, &ROOT.field("id"), &pack.id);
        self.sources = pack.sources.iter().map(|s| s.id.as_ref()).collect();
        let title = self.text(pack_file, &ROOT.field("title"), &pack.title);
        let date = pack
            .date
            .as_deref()
            .map(|date| self.date(pack_file, &ROOT.field("date"), date));
        let attribution = pack
            .attribution
            .as_ref()
            .map(|a| self.text(pack_file, &ROOT.field("attribution"), a));
        let sources_path = ROOT.field("sources");
        let sources = pack
            .sources
            .iter()
            .enumerate()
            .map(|(i, source)| {
                let path = sources_path.index(i);
                Source {
                    id: self.id(pack_file, &path.field("id"), &source.id),
                    title: self.text(pack_file, &path.field("title"), &source.title),
                    url: source.url.as_deref().map(|url| normalize(url).into_owned()),
                    date: source
                        .date
                        .as_deref()
                        .map(|date| self.date(pack_file, &path.field("date"), date)),
                }
            })
            .collect();
        Some(Content {
            id,
            title,
            languages: self.languages.clone(),
            default_language: Lang(self.default_language),
            date,
            attribution,
            sources,
            overview: self.overview(overview),
            members: self.members(members),
            declaration: self.item_list(declaration),
            actions: self.item_list(actions),
            slides: None,
        })
    }

    /// Checks the declared languages; without usable ones nothing else can be checked.
    fn languages(&mut self, file: &PackFile, pack: &RawPack) -> Option<()> {
        let path = ROOT.field("languages");
        if pack.languages.is_empty() {
            self.report(
                file,
                &path,
                ProblemKind::Invalid("a pack needs at least one language".into()),
            );
            return None;
        }
        for (i, tag) in pack.languages.iter().enumerate() {
            let valid = !tag.is_empty()
                && tag.len() <= 16
                && tag.chars().all(|c| c.is_ascii_alphanumeric() || c == '-');
            if !valid {
                self.report(
                    file,
                    &path.index(i),
                    ProblemKind::Invalid(format!(
                        "\"{tag}\" is not a language tag (letters, digits and '-', such as \"ro\")"
                    )),
                );
            } else if pack.languages[..i].contains(tag) {
                self.report(
                    file,
                    &path.index(i),
                    ProblemKind::Invalid(format!("language \"{tag}\" is listed twice")),
                );
            }
        }
        self.languages = pack.languages.clone();
        match pack
            .languages
            .iter()
            .position(|l| *l == pack.default_language)
        {
            Some(default) => {
                self.default_language = default;
                Some(())
            }
            None => {
                self.report(
                    file,
                    &ROOT.field("default_language"),
                    ProblemKind::Invalid(format!(
                        "the default language \"{}\" is not one of the pack's languages ({})",
                        pack.default_language,
                        pack.languages.join(", ")
                    )),
                );
                None
            }
        }
    }

    /// Checks an id's form and that no other item of the pack has it.
    fn id(&mut self, file: &'a PackFile, path: &ValuePath<'_, 'a>, id: &'a str) -> String {
        let valid = !id.is_empty()
            && id
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'));
        if !valid {
            self.report(
                file,
                path,
                ProblemKind::Invalid(format!(
                    "\"{id}\" is not an id: use letters, digits, '-', '_' and '.'"
                )),
            );
        }
        match self.ids.get(id) {
            Some(&(first_file, ref first_place)) => {
                // Located only now: most ids are never needed again.
                let locator = self.locators.entry(first_file.name).or_default();
                let span = locator.span(&first_file.text, &first_place.steps());
                let p = locator.position(&first_file.text, span.start);
                let first = format!("{}:{}:{}", first_file.display, p.line, p.column);
                self.report(
                    file,
                    path,
                    ProblemKind::DuplicateId {
                        id: id.to_string(),
                        first,
                    },
                );
            }
            None => {
                self.ids.insert(id, (file, IdPlace::of(path)));
            }
        }
        id.to_string()
    }

    /// Checks a localized text and fills in the default language where a translation is
    /// missing.
    fn text(
        &mut self,
        file: &PackFile,
        path: &ValuePath<'_, 'a>,
        raw: &'a RawText<'a>,
    ) -> Localized {
        for (i, (lang, value)) in raw.0.iter().enumerate() {
            let value_path = path.key(lang);
            if !self.languages.iter().any(|declared| declared == lang) {
                let declared = self.languages.join(", ");
                self.report(
                    file,
                    &value_path,
                    ProblemKind::UndeclaredLanguage {
                        lang: lang.to_string(),
                        declared,
                    },
                );
            } else if raw.0[..i].iter().any(|(earlier, _)| earlier == lang) {
                // Marked on the whole text: a path by key leads to the first of the two.
                self.report(
                    file,
                    path,
                    ProblemKind::Invalid(format!("the \"{lang}\" text is given twice")),
                );
            } else if value.trim().is_empty() {
                self.report(
                    file,
                    &value_path,
                    ProblemKind::EmptyText {
                        lang: lang.to_string(),
                    },
                );
            }
        }
        let default_tag = &self.languages[self.default_language];
        let default = match raw.get(default_tag) {
            Some(text) => {
                for lang in 0..self.languages.len() {
                    if !raw.contains(&self.languages[lang]) {
                        let kind = ProblemKind::MissingTranslation {
                            lang: self.languages[lang].clone(),
                            default: self.languages[self.default_language].clone(),
                        };
                        self.report_as(file, path, Severity::Warning, kind);
                    }
                }
                text
            }
            None => {
                let lang = default_tag.clone();
                self.report(file, path, ProblemKind::MissingDefaultText { lang });
                ""
            }
        };
        // A missing translation shares the default text rather than holding a copy of it.
        let default = self.prepared(default);
        let texts = self
            .languages
            .iter()
            .enumerate()
            .map(|(lang, tag)| match raw.get(tag) {
                Some(text) if lang != self.default_language => self.prepared(text),
                _ => Arc::clone(&default),
            })
            .collect();
        Localized(texts)
    }

    /// A text of the pack as the model keeps it: trimmed, normalized, with the member count
    /// in place of its placeholder; copied once from the file's text.
    fn prepared(&self, raw: &str) -> Arc<str> {
        let text = normalize(raw.trim());
        match text.contains(MEMBER_COUNT_PLACEHOLDER) {
            true => Arc::from(text.replace(MEMBER_COUNT_PLACEHOLDER, &self.member_count)),
            false => Arc::from(&*text),
        }
    }

    /// Resolves a reference to a source of `pack.ron`.
    fn source(&mut self, file: &PackFile, path: &ValuePath<'_, 'a>, id: &str) -> SourceRef {
        match self.sources.iter().position(|s| *s == id) {
            Some(i) => SourceRef(i),
            None => {
                let known = self.sources.join(", ");
                self.report(
                    file,
                    path,
                    ProblemKind::UnknownReference {
                        what: "source",
                        id: id.to_string(),
                        known,
                    },
                );
                SourceRef(0)
            }
        }
    }

    /// Checks a source's date: a year, a month or a day, written as ISO 8601 writes them, so
    /// that dates read alike in every language and sort as text.
    fn date(&mut self, file: &PackFile, path: &ValuePath<'_, 'a>, date: &str) -> String {
        let parts: Vec<&str> = date.split('-').collect();
        let number = |part: &str, len: usize, range: std::ops::RangeInclusive<u32>| {
            part.len() == len
                && part.bytes().all(|b| b.is_ascii_digit())
                && part.parse::<u32>().is_ok_and(|n| range.contains(&n))
        };
        let valid = match parts.as_slice() {
            [year] => number(year, 4, 0..=9999),
            [year, month] => number(year, 4, 0..=9999) && number(month, 2, 1..=12),
            [year, month, day] => {
                number(year, 4, 0..=9999) && number(month, 2, 1..=12) && number(day, 2, 1..=31)
            }
            _ => false,
        };
        if !valid {
            self.report(
                file,
                path,
                ProblemKind::Invalid(format!(
                    "\"{date}\" is not a date: write the year, the month or the day as \"2014\", \"2014-01\" or \"2014-02-21\""
                )),
            );
        }
        date.to_string()
    }

    fn facts(
        &mut self,
        file: &PackFile,
        path: &ValuePath<'_, 'a>,
        facts: &'a [RawFact<'a>],
    ) -> Vec<Fact> {
        let path = path.field("facts");
        facts
            .iter()
            .enumerate()
            .map(|(i, fact)| {
                let path = path.index(i);
                let source = match fact.source.as_deref() {
                    Some(id) => Some(self.source(file, &path.field("source"), id)),
                    None => {
                        // The fact still shows; only where it comes from is unknown.
                        self.report_as(
                            file,
                            &path,
                            Severity::Warning,
                            ProblemKind::Uncited {
                                what: "this fact".into(),
                                add: "source: \"…\"",
                            },
                        );
                        None
                    }
                };
                Fact {
                    text: self.text(file, &path.field("text"), &fact.text),
                    source,
                }
            })
            .collect()
    }

    /// Checks the sources of a member's note: a note should cite at least one (a warning
    /// when it cites none), and sources for a note the member does not have are an error.
    fn note_sources(
        &mut self,
        file: &PackFile,
        path: &ValuePath<'_, 'a>,
        member: &RawMember<'_>,
    ) -> Vec<SourceRef> {
        let sources = path.field("sources");
        let source_path = sources.field("note");
        let id = &member.id;
        let refs: Vec<SourceRef> = match &member.sources.note {
            None => Vec::new(),
            Some(RawSourceIds::One(one)) => vec![self.source(file, &source_path, one)],
            Some(RawSourceIds::Many(many)) => many
                .iter()
                .enumerate()
                .map(|(i, source)| self.source(file, &source_path.index(i), source))
                .collect(),
        };
        match (&member.note, refs.is_empty()) {
            (Some(_), true) => {
                self.report_as(
                    file,
                    &sources,
                    Severity::Warning,
                    ProblemKind::Uncited {
                        what: format!("the note of member \"{id}\""),
                        add: "note: \"…\" to its sources",
                    },
                );
                Vec::new()
            }
            (None, false) => {
                self.report(
                    file,
                    &source_path,
                    ProblemKind::Invalid(format!(
                        "member \"{id}\" names a source for its note, but has no note"
                    )),
                );
                Vec::new()
            }
            _ => refs,
        }
    }

    fn overview(&mut self, (file, overview): File<'a, RawOverview<'a>>) -> Overview {
        let sections_path = ROOT.field("sections");
        let sections = overview
            .sections
            .iter()
            .enumerate()
            .map(|(i, section)| {
                let path = sections_path.index(i);
                Section {
                    id: self.id(file, &path.field("id"), &section.id),
                    title: self.text(file, &path.field("title"), &section.title),
                    body: self.text(file, &path.field("body"), &section.body),
                    facts: self.facts(file, &path, &section.facts),
                }
            })
            .collect();
        let timeline_path = ROOT.field("timeline");
        let timeline = overview
            .timeline
            .iter()
            .enumerate()
            .map(|(i, event)| {
                let path = timeline_path.index(i);
                Event {
                    id: self.id(file, &path.field("id"), &event.id),
                    date: self.text(file, &path.field("date"), &event.date),
                    place: self.text(file, &path.field("place"), &event.place),
                    text: self.text(file, &path.field("text"), &event.text),
                    source: self.source(file, &path.field("source"), &event.source),
                }
            })
            .collect();
        Overview { sections, timeline }
    }

    fn members(&mut self, (file, members): File<'a, RawMembers<'a>>) -> Members {
        let intro = members
            .intro
            .as_ref()
            .map(|intro| self.text(file, &ROOT.field("intro"), intro));
        let regions_path = ROOT.field("regions");
        let regions: Vec<Region> = members
            .regions
            .iter()
            .enumerate()
            .map(|(i, region)| {
                let path = regions_path.index(i);
                Region {
                    id: self.id(file, &path.field("id"), &region.id),
                    name: self.text(file, &path.field("name"), &region.name),
                }
            })
            .collect();
        let members_path = ROOT.field("members");
        let located = members
            .members
            .iter()
            .filter(|member| member.location.is_some())
            .count();
        let members = members
            .members
            .iter()
            .enumerate()
            .map(|(i, member)| {
                let path = members_path.index(i);
                let code_valid =
                    member.code.len() == 2 && member.code.bytes().all(|b| b.is_ascii_uppercase());
                if !code_valid {
                    self.report(
                        file,
                        &path.field("code"),
                        ProblemKind::Invalid(format!(
                            "\"{}\" is not an ISO 3166-1 alpha-2 code (two capital letters, such as \"MD\")",
                            member.code
                        )),
                    );
                }
                let region = match regions.iter().position(|r| r.id == member.region) {
                    Some(region) => region,
                    None => {
                        let known = regions.iter().map(|r| r.id.as_str()).collect::<Vec<_>>();
                        self.report(
                            file,
                            &path.field("region"),
                            ProblemKind::UnknownReference {
                                what: "region",
                                id: member.region.to_string(),
                                known: known.join(", "),
                            },
                        );
                        0
                    }
                };
                let (location, location_source) = self.location(file, &path, member, located);
                let note_sources = self.note_sources(file, &path, member);
                let sources = path.field("sources");
                Member {
                    id: self.id(file, &path.field("id"), &member.id),
                    name: self.text(file, &path.field("name"), &member.name),
                    code: member.code.to_string(),
                    region,
                    joined: member.joined,
                    location,
                    note: member
                        .note
                        .as_ref()
                        .map(|note| self.text(file, &path.field("note"), note)),
                    note_sources,
                    code_source: self.source(
                        file,
                        &sources.field("code"),
                        &member.sources.code,
                    ),
                    region_source: self.source(
                        file,
                        &sources.field("region"),
                        &member.sources.region,
                    ),
                    joined_source: self.source(
                        file,
                        &sources.field("joined"),
                        &member.sources.joined,
                    ),
                    location_source,
                }
            })
            .collect();
        Members {
            intro,
            regions,
            members,
        }
    }

    /// Checks a member's location and its source: a place that can be, with a source. When
    /// `located` members (this one among them or not) have a location, a member without one
    /// is a problem too, so that a map never silently lacks a member. The source is kept only
    /// with a location.
    fn location(
        &mut self,
        file: &PackFile,
        path: &ValuePath<'_, 'a>,
        member: &RawMember<'_>,
        located: usize,
    ) -> (Option<Location>, Option<SourceRef>) {
        let sources = path.field("sources");
        let source_path = sources.field("location");
        let source = member
            .sources
            .location
            .as_deref()
            .map(|id| self.source(file, &source_path, id));
        let id = &member.id;
        let Some((latitude, longitude)) = member.location else {
            if located > 0 {
                let others = match located {
                    1 => "1 other member has one".to_string(),
                    n => format!("{n} other members have one"),
                };
                self.report(
                    file,
                    path,
                    ProblemKind::Invalid(format!(
                        "member \"{id}\" has no location, while {others}: give every member a location, or none"
                    )),
                );
            }
            if source.is_some() {
                self.report(
                    file,
                    &source_path,
                    ProblemKind::Invalid(format!(
                        "member \"{id}\" names a source for its location, but has no location"
                    )),
                );
            }
            return (None, None);
        };
        let location_path = path.field("location");
        let coordinates = [
            (latitude, "latitude", 90.0, "north", "south"),
            (longitude, "longitude", 180.0, "east", "west"),
        ];
        for (i, (value, name, limit, positive, negative)) in coordinates.into_iter().enumerate() {
            // A NaN is in no range, and an infinity is past every limit.
            if !(-limit..=limit).contains(&value) {
                self.report(
                    file,
                    &location_path.index(i),
                    ProblemKind::Invalid(format!(
                        "the {name} of member \"{id}\" must be a number from -{limit} to {limit} (degrees {positive}; {negative} is negative), not {value}"
                    )),
                );
            }
        }
        if source.is_none() {
            self.report(
                file,
                &sources,
                ProblemKind::Invalid(format!(
                    "the location of member \"{id}\" has no source: add location: \"…\" (the id of a source in pack.ron) to its sources"
                )),
            );
        }
        (
            Some(Location {
                latitude,
                longitude,
            }),
            source,
        )
    }

    /// Resolves the slides of `slides.ron` against the content.
    fn slides(
        &mut self,
        file: &'a PackFile,
        raw: &'a RawSlides<'a>,
        content: &Content,
    ) -> Vec<Slide> {
        let section = |id: &str| content.overview.sections.iter().position(|s| s.id == id);
        let find = |items: &[Item], id: &str| items.iter().position(|item| item.id == id);
        let item = |id: &str| {
            find(&content.declaration.items, id)
                .map(ItemRef::Declaration)
                .or_else(|| find(&content.actions.items, id).map(ItemRef::Action))
        };
        let mut slides = Vec::new();
        let slides_path = ROOT.field("slides");
        for (i, slide) in raw.slides.iter().enumerate() {
            let path = slides_path.index(i);
            let form = slide.form.map(|form| match form {
                RawSlideForm::Text => SlideForm::Text,
                RawSlideForm::List => SlideForm::List,
                RawSlideForm::Chart => SlideForm::Chart,
                RawSlideForm::Map => SlideForm::Map,
            });
            let mut items = Vec::new();
            let shows = match &slide.show {
                RawShow::Many(ids) => {
                    for (j, id) in ids.iter().enumerate() {
                        match item(id) {
                            Some(found) => items.push(found),
                            None => self.report(
                                file,
                                &path.field("show").index(j),
                                ProblemKind::UnknownReference {
                                    what: "item",
                                    id: id.clone(),
                                    known: "the id of a right or an area of action".into(),
                                },
                            ),
                        }
                    }
                    Some(SlideShows::List)
                }
                // A whole list, as a list.
                RawShow::One(id) if form == Some(SlideForm::List) && id == "declaration" => {
                    items.extend((0..content.declaration.items.len()).map(ItemRef::Declaration));
                    Some(SlideShows::List)
                }
                RawShow::One(id) if form == Some(SlideForm::List) && id == "actions" => {
                    items.extend((0..content.actions.items.len()).map(ItemRef::Action));
                    Some(SlideShows::List)
                }
                RawShow::One(id) => match id.as_ref() {
                    "title" => Some(SlideShows::Title),
                    "timeline" => Some(SlideShows::Timeline),
                    "members" => Some(SlideShows::Members),
                    id => section(id).map(SlideShows::Section).or_else(|| {
                        item(id).map(|found| match found {
                            ItemRef::Declaration(i) => SlideShows::Declaration(i),
                            ItemRef::Action(i) => SlideShows::Action(i),
                        })
                    }),
                },
            };
            let Some(shows) = shows else {
                let id = match &slide.show {
                    RawShow::One(id) => id.to_string(),
                    RawShow::Many(_) => String::new(),
                };
                self.report(
                    file,
                    &path.field("show"),
                    ProblemKind::UnknownReference {
                        what: "slide content",
                        id,
                        known: "title, timeline, members, the id of a section, a right or an area of action, a list of such items, or declaration or actions with `as: List`".into(),
                    },
                );
                continue;
            };
            if shows == SlideShows::List && items.is_empty() {
                self.report(
                    file,
                    &path.field("show"),
                    ProblemKind::Invalid("a list slide needs at least one item".into()),
                );
                continue;
            }
            let form = match form {
                Some(form) if SlideForm::allowed_for(shows).contains(&form) => form,
                Some(form) => {
                    let allowed: Vec<String> = SlideForm::allowed_for(shows)
                        .iter()
                        .map(|form| format!("{form:?}"))
                        .collect();
                    self.report(
                        file,
                        &path.field("as"),
                        ProblemKind::Invalid(format!(
                            "this slide cannot be shown as {form:?}: it can be {}",
                            allowed.join(" or ")
                        )),
                    );
                    continue;
                }
                None => SlideForm::default_for(shows),
            };
            let mut with = Vec::new();
            let with_path = path.field("with");
            for (j, id) in slide.with.iter().enumerate() {
                match section(id) {
                    Some(index) => with.push(index),
                    None => self.report(
                        file,
                        &with_path.index(j),
                        ProblemKind::UnknownReference {
                            what: "overview section",
                            id: id.clone(),
                            known: content
                                .overview
                                .sections
                                .iter()
                                .map(|s| s.id.as_str())
                                .collect::<Vec<_>>()
                                .join(", "),
                        },
                    ),
                }
            }
            let title = slide
                .title
                .as_ref()
                .map(|title| self.text(file, &path.field("title"), title));
            let notes = slide
                .notes
                .as_ref()
                .map(|notes| self.text(file, &path.field("notes"), notes));
            slides.push(Slide {
                shows,
                form,
                with,
                items,
                title,
                notes,
            });
        }
        slides
    }

    fn item_list(&mut self, (file, list): (&'a PackFile, &RawItemList<'a, 'a>)) -> ItemList {
        let intro = list
            .intro
            .map(|intro| self.text(file, &ROOT.field("intro"), intro));
        let items_path = ROOT.field("items");
        let items = list
            .items
            .iter()
            .enumerate()
            .map(|(i, item)| {
                let path = items_path.index(i);
                Item {
                    id: self.id(file, &path.field("id"), &item.id),
                    title: self.text(file, &path.field("title"), &item.title),
                    body: self.text(file, &path.field("body"), &item.body),
                    source: item
                        .source
                        .as_deref()
                        .map(|id| self.source(file, &path.field("source"), id)),
                    facts: self.facts(file, &path, &item.facts),
                }
            })
            .collect();
        ItemList { intro, items }
    }
}
