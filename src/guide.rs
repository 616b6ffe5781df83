//! The guides that ship inside the binary: the format of a content pack, the configuration
//! file and the JSON output, the same text as `docs/` holds, so that `clsv help TOPIC` and
//! the `README.md` that `clsv init` writes beside a pack need no file an installed clsv lacks.

/// A guide `clsv help` prints.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Topic {
    /// The content pack's files and fields (`clsv init` writes it beside a pack too).
    Content,
    /// The configuration file: language, colours, glyphs, links, theme, keys.
    Config,
    /// The JSON of `clsv print --format json` and `clsv search --format json`.
    Json,
}

/// The guide's text, in Markdown.
pub fn text(topic: Topic) -> &'static str {
    match topic {
        Topic::Content => include_str!("../docs/CONTENT.md"),
        Topic::Config => include_str!("../docs/CONFIG.md"),
        Topic::Json => include_str!("../docs/JSON.md"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_guide_is_the_document_of_its_topic() {
        assert!(text(Topic::Content).starts_with("# Content packs"));
        assert!(text(Topic::Config).starts_with("# Configuration"));
        assert!(text(Topic::Json).starts_with("# JSON output"));
    }
}
