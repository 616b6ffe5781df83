//! Loading a pack: read its files (embedded in the binary or from a folder), parse each into
//! the raw serde types, then validate the whole into a checked [`Content`].
//!
//! Every problem is collected, not only the first, each with the file, line and column it
//! comes from, so an author can fix a pack in one pass.

use std::collections::HashMap;
use std::fmt;
use std::io::Read;
use std::path::Path;

use ron::extensions::Extensions;
use serde::de::DeserializeOwned;

use super::locate::{Position, Step, locate};
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

/// The largest pack file read; anything larger is refused before it is read whole. Large
/// enough for a hundred thousand members, small enough that a stray file cannot exhaust
/// memory.
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

/// Text in content that is replaced by the number of members in `members.ron`, so the count is
/// never written by hand.
pub const MEMBER_COUNT_PLACEHOLDER: &str = "{member_count}";

/// The default pack, compiled into the binary.
const EMBEDDED: [(&str, &str); 5] = [
    ("pack.ron", include_str!("../../assets/content/pack.ron")),
    (
        "overview.ron",
        include_str!("../../assets/content/overview.ron"),
    ),
    (
        "members.ron",
        include_str!("../../assets/content/members.ron"),
    ),
    (
        "declaration.ron",
        include_str!("../../assets/content/declaration.ron"),
    ),
    (
        "actions.ron",
        include_str!("../../assets/content/actions.ron"),
    ),
];

/// What was wrong, where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// The file as the user would name it (a path, or `<embedded>/members.ron`).
    pub file: String,
    /// Where in the file, when the problem is inside it.
    pub position: Option<Position>,
    pub kind: ProblemKind,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
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
    #[error("language \"{lang}\" is not declared in pack.ron (languages: {declared})")]
    UndeclaredLanguage { lang: String, declared: String },
    #[error("no {what} with id \"{id}\" (known: {known})")]
    UnknownReference {
        what: &'static str,
        id: String,
        known: String,
    },
    #[error("{0}")]
    Invalid(String),
}

/// Everything wrong with a pack.
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

/// Loads the pack compiled into the binary.
pub fn load_embedded() -> Result<Content, LoadError> {
    let files = EMBEDDED
        .iter()
        .map(|&(name, text)| PackFile {
            name,
            display: format!("<embedded>/{name}"),
            text: text.to_string(),
        })
        .collect();
    load_files(files)
}

/// The files of the embedded pack, as they are written (for `clsv init` and tests).
pub fn embedded_files() -> impl Iterator<Item = (&'static str, &'static str)> {
    EMBEDDED.into_iter()
}

/// Loads a pack from a folder on disk.
pub fn load_dir(dir: &Path) -> Result<Content, LoadError> {
    if !dir.is_dir() {
        return Err(LoadError {
            problems: vec![Problem {
                file: dir.display().to_string(),
                position: None,
                kind: ProblemKind::MissingFolder,
            }],
        });
    }
    let mut files = Vec::new();
    let mut problems = Vec::new();
    for name in FILES {
        let path = dir.join(name);
        let display = path.display().to_string();
        match read_pack_file(&path) {
            Ok(text) => files.push(PackFile {
                name,
                display,
                text,
            }),
            Err((position, kind)) => problems.push(Problem {
                file: display,
                position,
                kind,
            }),
        }
    }
    // The files that could be read are still parsed, so one run reports everything.
    match load_files(files) {
        Ok(content) if problems.is_empty() => Ok(content),
        Ok(_) => Err(LoadError { problems }),
        Err(more) => {
            problems.extend(
                more.problems
                    .into_iter()
                    .filter(|p| p.kind != ProblemKind::MissingFile),
            );
            Err(LoadError { problems })
        }
    }
}

/// Reads one file, refusing a folder, a file over the size limit and text that is not UTF-8.
fn read_pack_file(path: &Path) -> Result<String, (Option<Position>, ProblemKind)> {
    let unreadable = |e: std::io::Error| (None, ProblemKind::Unreadable(e.to_string()));
    let metadata = match std::fs::metadata(path) {
        Ok(m) => m,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Err((None, ProblemKind::MissingFile));
        }
        Err(e) => return Err(unreadable(e)),
    };
    if metadata.is_dir() {
        return Err((None, ProblemKind::Unreadable("it is a folder".into())));
    }
    let too_large = |size| ProblemKind::TooLarge {
        size,
        limit: MAX_FILE_BYTES,
    };
    if metadata.len() > MAX_FILE_BYTES {
        return Err((None, too_large(metadata.len())));
    }
    let mut bytes = Vec::new();
    std::fs::File::open(path)
        .and_then(|file| file.take(MAX_FILE_BYTES + 1).read_to_end(&mut bytes))
        .map_err(unreadable)?;
    // The file may have grown since its size was read.
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err((None, too_large(bytes.len() as u64)));
    }
    String::from_utf8(bytes).map_err(|e| {
        let valid = e.utf8_error().valid_up_to();
        let bytes = e.into_bytes();
        // Everything before `valid` is UTF-8, so this conversion loses nothing.
        let prefix = String::from_utf8_lossy(&bytes[..valid]);
        let position = Position::of_offset(&prefix, prefix.len());
        (Some(position), ProblemKind::NotUtf8)
    })
}

/// Parses and validates a pack given as files. `files` holds each name of [`FILES`] once.
pub fn load_files(files: Vec<PackFile>) -> Result<Content, LoadError> {
    let mut problems = Vec::new();
    let find = |name: &str| files.iter().find(|f| f.name == name);
    for name in FILES.iter().filter(|name| find(name).is_none()) {
        problems.push(Problem {
            file: name.to_string(),
            position: None,
            kind: ProblemKind::MissingFile,
        });
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
    let (Some(pack), Some(overview), Some(members), Some(declaration), Some(actions)) =
        (pack, overview, members, declaration, actions)
    else {
        return Err(LoadError { problems });
    };

    let mut checker = Checker::new(members.1.members.len());
    let content = checker.pack(
        (pack.0, &pack.1),
        (overview.0, &overview.1),
        (members.0, &members.1),
        (declaration.0, &declaration.1.as_list()),
        (actions.0, &actions.1.as_list()),
    );
    match content {
        Some(content) if checker.problems.is_empty() => Ok(content),
        _ => Err(LoadError {
            problems: checker.problems,
        }),
    }
}

/// Parses one file, recording a syntax problem where the parser stopped.
fn parse<T: DeserializeOwned>(file: &PackFile, problems: &mut Vec<Problem>) -> Option<T> {
    let options = ron::Options::default().with_default_extension(Extensions::IMPLICIT_SOME);
    match options.from_str::<T>(&file.text) {
        Ok(value) => Some(value),
        Err(e) => {
            problems.push(Problem {
                file: file.display.clone(),
                position: Some(Position {
                    line: e.span.start.line,
                    column: e.span.start.col,
                }),
                kind: ProblemKind::Syntax(e.code.to_string()),
            });
            None
        }
    }
}

/// A path into a file, extended one step at a time.
fn at(path: &[Step], step: Step) -> Vec<Step> {
    let mut extended = path.to_vec();
    extended.push(step);
    extended
}

/// The validation of one pack: the languages and sources it declares, the ids seen so far,
/// and the problems found.
struct Checker<'a> {
    languages: Vec<String>,
    default_language: usize,
    sources: Vec<String>,
    /// Every id seen, with where it was first seen.
    ids: HashMap<String, (&'a PackFile, Vec<Step>)>,
    member_count: usize,
    problems: Vec<Problem>,
}

/// A file being validated.
type File<'a, T> = (&'a PackFile, &'a T);

impl<'a> Checker<'a> {
    fn new(member_count: usize) -> Self {
        Checker {
            languages: Vec::new(),
            default_language: 0,
            sources: Vec::new(),
            ids: HashMap::new(),
            member_count,
            problems: Vec::new(),
        }
    }

    fn report(&mut self, file: &PackFile, path: &[Step], kind: ProblemKind) {
        self.problems.push(Problem {
            file: file.display.clone(),
            position: Some(locate(&file.text, path)),
            kind,
        });
    }

    fn pack(
        &mut self,
        (pack_file, pack): File<'a, RawPack>,
        overview: File<'a, RawOverview>,
        members: File<'a, RawMembers>,
        declaration: (&'a PackFile, &RawItemList),
        actions: (&'a PackFile, &RawItemList),
    ) -> Option<Content> {
        self.languages(pack_file, pack)?;
        let id = self.id(pack_file, &[Step::Field("id")], &pack.id);
        self.sources = pack.sources.iter().map(|s| s.id.clone()).collect();
        let title = self.text(pack_file, &[Step::Field("title")], &pack.title);
        let attribution = pack
            .attribution
            .as_ref()
            .map(|a| self.text(pack_file, &[Step::Field("attribution")], a));
        let sources = pack
            .sources
            .iter()
            .enumerate()
            .map(|(i, source)| {
                let path = [Step::Field("sources"), Step::Index(i)];
                Source {
                    id: self.id(pack_file, &at(&path, Step::Field("id")), &source.id),
                    title: self.text(pack_file, &at(&path, Step::Field("title")), &source.title),
                    url: source.url.as_deref().map(normalize),
                }
            })
            .collect();
        Some(Content {
            id,
            title,
            languages: self.languages.clone(),
            default_language: Lang(self.default_language),
            attribution,
            sources,
            overview: self.overview(overview),
            members: self.members(members),
            declaration: self.item_list(declaration),
            actions: self.item_list(actions),
        })
    }

    /// Checks the declared languages; without usable ones nothing else can be checked.
    fn languages(&mut self, file: &PackFile, pack: &RawPack) -> Option<()> {
        let path = [Step::Field("languages")];
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
                    &at(&path, Step::Index(i)),
                    ProblemKind::Invalid(format!(
                        "\"{tag}\" is not a language tag (letters, digits and '-', such as \"ro\")"
                    )),
                );
            } else if pack.languages[..i].contains(tag) {
                self.report(
                    file,
                    &at(&path, Step::Index(i)),
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
                    &[Step::Field("default_language")],
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
    fn id(&mut self, file: &'a PackFile, path: &[Step], id: &str) -> String {
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
        if let Some((first_file, first_path)) = self.ids.get(id) {
            // Located only now: locating every id up front would cost a scan of the file each.
            let p = locate(&first_file.text, first_path);
            let first = format!("{}:{}:{}", first_file.display, p.line, p.column);
            self.report(
                file,
                path,
                ProblemKind::DuplicateId {
                    id: id.to_string(),
                    first,
                },
            );
        } else {
            self.ids.insert(id.to_string(), (file, path.to_vec()));
        }
        id.to_string()
    }

    /// Checks a localized text and fills in the default language where a translation is
    /// missing.
    fn text(&mut self, file: &PackFile, path: &[Step], raw: &RawText) -> Localized {
        for (lang, value) in raw {
            let value_path = at(path, Step::Key(lang.clone()));
            if !self.languages.contains(lang) {
                let declared = self.languages.join(", ");
                self.report(
                    file,
                    &value_path,
                    ProblemKind::UndeclaredLanguage {
                        lang: lang.clone(),
                        declared,
                    },
                );
            } else if value.trim().is_empty() {
                self.report(
                    file,
                    &value_path,
                    ProblemKind::EmptyText { lang: lang.clone() },
                );
            }
        }
        let default_tag = &self.languages[self.default_language];
        let default = match raw.get(default_tag) {
            Some(text) => text.as_str(),
            None => {
                let lang = default_tag.clone();
                self.report(file, path, ProblemKind::MissingDefaultText { lang });
                ""
            }
        };
        let count = self.member_count.to_string();
        let texts = self
            .languages
            .iter()
            .map(|lang| {
                let text = normalize(raw.get(lang).map_or(default, String::as_str).trim());
                match text.contains(MEMBER_COUNT_PLACEHOLDER) {
                    true => text.replace(MEMBER_COUNT_PLACEHOLDER, &count),
                    false => text,
                }
            })
            .collect();
        Localized(texts)
    }

    /// Resolves a reference to a source of `pack.ron`.
    fn source(&mut self, file: &PackFile, path: &[Step], id: &str) -> SourceRef {
        match self.sources.iter().position(|s| s == id) {
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

    fn fact(&mut self, file: &PackFile, path: &[Step], fact: &RawFact) -> Fact {
        Fact {
            text: self.text(file, &at(path, Step::Field("text")), &fact.text),
            source: self.source(file, &at(path, Step::Field("source")), &fact.source),
        }
    }

    fn facts(&mut self, file: &PackFile, path: &[Step], facts: &[RawFact]) -> Vec<Fact> {
        let path = at(path, Step::Field("facts"));
        facts
            .iter()
            .enumerate()
            .map(|(i, fact)| self.fact(file, &at(&path, Step::Index(i)), fact))
            .collect()
    }

    fn overview(&mut self, (file, overview): File<'a, RawOverview>) -> Overview {
        let sections = overview
            .sections
            .iter()
            .enumerate()
            .map(|(i, section)| {
                let path = [Step::Field("sections"), Step::Index(i)];
                Section {
                    id: self.id(file, &at(&path, Step::Field("id")), &section.id),
                    title: self.text(file, &at(&path, Step::Field("title")), &section.title),
                    body: self.text(file, &at(&path, Step::Field("body")), &section.body),
                    facts: self.facts(file, &path, &section.facts),
                }
            })
            .collect();
        let timeline = overview
            .timeline
            .iter()
            .enumerate()
            .map(|(i, event)| {
                let path = [Step::Field("timeline"), Step::Index(i)];
                Event {
                    id: self.id(file, &at(&path, Step::Field("id")), &event.id),
                    date: self.text(file, &at(&path, Step::Field("date")), &event.date),
                    place: self.text(file, &at(&path, Step::Field("place")), &event.place),
                    text: self.text(file, &at(&path, Step::Field("text")), &event.text),
                    source: self.source(file, &at(&path, Step::Field("source")), &event.source),
                }
            })
            .collect();
        Overview { sections, timeline }
    }

    fn members(&mut self, (file, members): File<'a, RawMembers>) -> Members {
        let intro = members
            .intro
            .as_ref()
            .map(|intro| self.text(file, &[Step::Field("intro")], intro));
        let regions: Vec<Region> = members
            .regions
            .iter()
            .enumerate()
            .map(|(i, region)| {
                let path = [Step::Field("regions"), Step::Index(i)];
                Region {
                    id: self.id(file, &at(&path, Step::Field("id")), &region.id),
                    name: self.text(file, &at(&path, Step::Field("name")), &region.name),
                }
            })
            .collect();
        let members = members
            .members
            .iter()
            .enumerate()
            .map(|(i, member)| {
                let path = [Step::Field("members"), Step::Index(i)];
                let field = |name| at(&path, Step::Field(name));
                let code_valid =
                    member.code.len() == 2 && member.code.bytes().all(|b| b.is_ascii_uppercase());
                if !code_valid {
                    self.report(
                        file,
                        &field("code"),
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
                            &field("region"),
                            ProblemKind::UnknownReference {
                                what: "region",
                                id: member.region.clone(),
                                known: known.join(", "),
                            },
                        );
                        0
                    }
                };
                let sources = field("sources");
                Member {
                    id: self.id(file, &field("id"), &member.id),
                    name: self.text(file, &field("name"), &member.name),
                    code: member.code.clone(),
                    region,
                    joined: member.joined,
                    note: member
                        .note
                        .as_ref()
                        .map(|note| self.text(file, &field("note"), note)),
                    code_source: self.source(
                        file,
                        &at(&sources, Step::Field("code")),
                        &member.sources.code,
                    ),
                    region_source: self.source(
                        file,
                        &at(&sources, Step::Field("region")),
                        &member.sources.region,
                    ),
                    joined_source: self.source(
                        file,
                        &at(&sources, Step::Field("joined")),
                        &member.sources.joined,
                    ),
                }
            })
            .collect();
        Members {
            intro,
            regions,
            members,
        }
    }

    fn item_list(&mut self, (file, list): (&'a PackFile, &RawItemList)) -> ItemList {
        let intro = list
            .intro
            .map(|intro| self.text(file, &[Step::Field("intro")], intro));
        let items = list
            .items
            .iter()
            .enumerate()
            .map(|(i, item)| {
                let path = [Step::Field("items"), Step::Index(i)];
                Item {
                    id: self.id(file, &at(&path, Step::Field("id")), &item.id),
                    title: self.text(file, &at(&path, Step::Field("title")), &item.title),
                    body: self.text(file, &at(&path, Step::Field("body")), &item.body),
                    facts: self.facts(file, &path, &item.facts),
                }
            })
            .collect();
        ItemList { intro, items }
    }
}
