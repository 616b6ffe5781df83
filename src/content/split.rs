//! Parsing a long member list on two cores. The list is cut at the start of an element near
//! its middle; one thread parses the file up to there, with the list and the struct closed
//! after it, the other parses the rest of the list as a list of its own, and the halves are
//! joined. The result is what a parse of the whole file gives, or nothing: when either half
//! fails, or something follows the list besides the end of the struct, the caller parses the
//! file whole, so that a problem is reported exactly as a single parse finds it.

use ron::Options;
use serde::Deserialize;

use super::locate::{Locator, Step, closes_struct, element_after, header_end};

/// Files smaller than this are parsed whole: a second thread would not pay for itself.
pub const SPLIT_FROM_BYTES: usize = 1 << 20;

/// The two texts a file with a long list is parsed as.
pub struct Halves {
    /// The file up to the cut, then `]` and `)`.
    first: String,
    /// The file's leading comments and attributes (which say how it is parsed), then `[` and
    /// the file from the cut on.
    second: String,
}

impl Halves {
    /// Cuts `src` in two in the list in the field `field` of its top-level struct, or `None`
    /// if the file is small or has no such list.
    pub fn cut(src: &str, field: &'static str) -> Option<Halves> {
        if src.len() < SPLIT_FROM_BYTES {
            return None;
        }
        let list = Locator::default().find(src, &[Step::Field(field)])?;
        // The list takes most of such a file: the middle of what follows its start is close
        // enough to the middle of the list.
        let cut = element_after(src, list, list + (src.len() - list) / 2)?;
        let mut first = String::with_capacity(cut + 4);
        first.push_str(&src[..cut]);
        first.push_str("]\n)");
        let header = &src[..header_end(src)];
        let mut second = String::with_capacity(header.len() + 1 + src.len() - cut);
        second.push_str(header);
        second.push('[');
        second.push_str(&src[cut..]);
        Some(Halves { first, second })
    }

    /// Parses the halves on two threads: the first as `T`, the second as a list of `E`;
    /// `None` if either does not parse or the list is not the last field of the struct.
    pub fn parse<'h, T, E>(&'h self, options: &Options) -> Option<(T, Vec<E>)>
    where
        T: Deserialize<'h> + Send,
        E: Deserialize<'h> + Send,
    {
        std::thread::scope(|scope| {
            let second = scope.spawn(|| {
                let mut deserializer =
                    ron::Deserializer::from_str_with_options(&self.second, options).ok()?;
                let elements = Vec::<E>::deserialize(&mut deserializer).ok()?;
                closes_struct(deserializer.remainder()).then_some(elements)
            });
            let first = options.from_str::<T>(&self.first).ok();
            // A thread that panicked parsed nothing: the whole file is parsed instead.
            let second = second.join().ok().flatten();
            first.zip(second)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, Deserialize, PartialEq)]
    struct List {
        name: String,
        #[serde(default)]
        after: u32,
        items: Vec<Item>,
    }

    #[derive(Debug, Deserialize, PartialEq)]
    struct Item(u32, String);

    fn text(items: usize, after_items: &str) -> String {
        let items: String = (0..items)
            .map(|i| {
                format!("    ({i}, \"item, [{i}] \\\"quoted\\\" // not a comment\"), /* ] */\n")
            })
            .collect();
        format!(
            "// a pack\n#![enable(implicit_some)]\nList(\n  name: \"n\",\n  items: [\n{items}  ]{after_items}"
        )
    }

    fn parse_halves(src: &str) -> Option<List> {
        let halves = Halves::cut(src, "items").expect("a long list is cut");
        let (mut first, second): (List, Vec<Item>) = halves.parse(&Options::default())?;
        assert!(!first.items.is_empty() && !second.is_empty());
        first.items.extend(second);
        Some(first)
    }

    #[test]
    fn the_halves_parse_to_what_the_whole_file_does() {
        for end in [",\n)\n", "\n) // the end\n", ")"] {
            let src = text(40_000, end);
            let whole: List = Options::default().from_str(&src).unwrap();
            assert_eq!(parse_halves(&src), Some(whole), "{end:?}");
        }
    }

    #[test]
    fn a_field_after_the_list_or_a_broken_half_gives_no_result() {
        // The first half would miss the field: the file is parsed whole instead.
        assert_eq!(parse_halves(&text(40_000, ",\n  after: 7,\n)\n")), None);
        assert_eq!(parse_halves(&text(40_000, ",\n)\n) trailing")), None);
        let broken = text(40_000, ",\n)\n").replace("(39000, ", "(39000 ");
        assert_eq!(parse_halves(&broken), None);
        let broken = text(40_000, ",\n)\n").replace("(1000, ", "(1000 ");
        assert_eq!(parse_halves(&broken), None);
    }

    #[test]
    fn small_files_and_missing_lists_are_not_cut() {
        assert!(Halves::cut(&text(10, ")"), "items").is_none());
        assert!(Halves::cut(&text(40_000, ")"), "nothing").is_none());
        assert!(Halves::cut(&text(40_000, ")").replace("items: [", "items: ("), "items").is_none());
    }
}
