//! Deep links: an item named by its pane and its id in the pack (`members/md`,
//! `declaration/privacy`, `actions/civil-society-support`, `overview/moldova`), a pane alone
//! (`members`), or a slide (`present/3`, `present/members`). The command line and the words
//! after an SSH server's host take them; an unknown one is an error that names the closest.

use std::fmt;

use crate::content::Content;
use crate::present::SlideRef;
use crate::search::Target;
use crate::vocabulary::Pane;

/// Where a link leads.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Link {
    /// An item of a pane, or a pane itself (`Target::Intro`).
    Item(Target),
    /// A slide of the deck, as `clsv present --start` names it.
    Slide(SlideRef),
}

/// A link that leads nowhere, and the ids it may have meant.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LinkError {
    pub link: String,
    pub why: String,
    /// The closest names, best first.
    pub closest: Vec<String>,
}

impl fmt::Display for LinkError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "no such link \"{}\": {}", self.link, self.why)?;
        if !self.closest.is_empty() {
            write!(f, "; did you mean {}?", self.closest.join(", "))?;
        }
        Ok(())
    }
}

/// The word that starts a link to a slide.
const PRESENT: &str = "present";

/// Whether `word` is written as a link (a pane's name, with an id after a `/` or not), as
/// opposed to another word (a language's tag) where both may come.
pub fn looks_like_link(word: &str) -> bool {
    let pane = word.split('/').next().unwrap_or_default();
    word.contains('/') || pane == PRESENT || Pane::ALL.iter().any(|p| p.name() == pane)
}

/// Where `text` leads in `content`. Ids are matched exactly, as the pack writes them.
pub fn resolve(content: &Content, text: &str) -> Result<Link, LinkError> {
    let text = text.trim();
    let (pane_name, id) = match text.split_once('/') {
        Some((pane, id)) => (pane, id.trim_end_matches('/')),
        None => (text, ""),
    };
    let error = |why: String, closest: Vec<String>| LinkError {
        link: text.to_string(),
        why,
        closest,
    };
    if pane_name == PRESENT {
        return id
            .parse::<SlideRef>()
            .map(Link::Slide)
            .map_err(|why| error(why, Vec::new()));
    }
    let Some(pane) = Pane::ALL.into_iter().find(|p| p.name() == pane_name) else {
        let names: Vec<&str> = Pane::ALL
            .iter()
            .map(|p| p.name())
            .chain([PRESENT])
            .collect();
        let why = format!("a link starts with {}", names.join("/, ") + "/");
        let with_id = |pane: String| match id {
            "" => pane,
            id => format!("{pane}/{id}"),
        };
        let near = closest(pane_name, names.iter().copied());
        return Err(error(why, near.into_iter().map(with_id).collect()));
    };
    if id.is_empty() {
        return Ok(Link::Item(Target::Intro(pane)));
    }
    let candidates = targets(content, pane);
    match candidates.iter().find(|(name, _)| *name == id) {
        Some(&(_, target)) => Ok(Link::Item(target)),
        None => Err(error(
            format!("{pane_name} has no item \"{id}\""),
            closest(id, candidates.iter().map(|&(name, _)| name))
                .into_iter()
                .map(|name| format!("{pane_name}/{name}"))
                .collect(),
        )),
    }
}

/// The link of `target`: what `clsv print --format json` and search results give as its
/// pane and id.
pub fn link_of(content: &Content, target: Target) -> String {
    match target {
        Target::Intro(pane) => pane.name().to_string(),
        _ => format!("{}/{}", target.pane().name(), target.id(content)),
    }
}

/// Every item of `pane` a link can name, by id.
fn targets(content: &Content, pane: Pane) -> Vec<(&str, Target)> {
    match pane {
        Pane::Overview => {
            let overview = &content.overview;
            let sections = overview.sections.iter().enumerate();
            let events = overview.timeline.iter().enumerate();
            sections
                .map(|(i, s)| (s.id.as_str(), Target::Section(i)))
                .chain(events.map(|(i, e)| (e.id.as_str(), Target::Event(i))))
                .collect()
        }
        Pane::Members => (content.members.members.iter().enumerate())
            .map(|(i, m)| (m.id.as_str(), Target::Member(i)))
            .collect(),
        Pane::Declaration | Pane::Actions => {
            let list = match pane {
                Pane::Declaration => &content.declaration,
                _ => &content.actions,
            };
            (list.items.iter().enumerate())
                .map(|(i, item)| (item.id.as_str(), Target::Item(pane, i)))
                .collect()
        }
    }
}

/// The names among `names` closest to `wanted`, best first: at most three, each close enough
/// to be a slip (a letter or two off, or `wanted` a part of it).
fn closest<'a>(wanted: &str, names: impl Iterator<Item = &'a str>) -> Vec<String> {
    let wanted = wanted.to_lowercase();
    let mut scored: Vec<(f64, &str)> = names
        .map(|name| {
            let lower = name.to_lowercase();
            let mut score = strsim::jaro_winkler(&wanted, &lower);
            if !wanted.is_empty() && lower.contains(&wanted) {
                score = score.max(0.9);
            }
            (score, name)
        })
        .filter(|&(score, _)| score >= 0.75)
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(b.1)));
    scored.dedup_by(|a, b| a.1 == b.1);
    scored
        .into_iter()
        .take(3)
        .map(|(_, name)| name.to_string())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::load::load_embedded;

    fn pack() -> Content {
        load_embedded().unwrap()
    }

    #[test]
    fn a_link_names_an_item_of_each_pane_a_pane_or_a_slide() {
        let content = pack();
        let member = |id: &str| content.members.members.iter().position(|m| m.id == id);
        assert_eq!(
            resolve(&content, "members/md"),
            Ok(Link::Item(Target::Member(member("md").unwrap())))
        );
        assert!(matches!(
            resolve(&content, "declaration/privacy"),
            Ok(Link::Item(Target::Item(Pane::Declaration, _)))
        ));
        assert!(matches!(
            resolve(&content, "actions/civil-society-support"),
            Ok(Link::Item(Target::Item(Pane::Actions, 1)))
        ));
        assert!(matches!(
            resolve(&content, "overview/moldova"),
            Ok(Link::Item(Target::Section(_)))
        ));
        assert_eq!(
            resolve(&content, "members"),
            Ok(Link::Item(Target::Intro(Pane::Members)))
        );
        assert_eq!(
            resolve(&content, "present/3"),
            Ok(Link::Slide(SlideRef::Number(3)))
        );
        assert_eq!(
            resolve(&content, "present/members"),
            Ok(Link::Slide(SlideRef::Id("members".into())))
        );
        // Every item of the pack has its link, and it leads back to it.
        for pane in Pane::ALL {
            for (id, target) in targets(&content, pane) {
                let link = link_of(&content, target);
                assert_eq!(link, format!("{}/{id}", pane.name()));
                assert_eq!(resolve(&content, &link), Ok(Link::Item(target)));
            }
        }
    }

    #[test]
    fn an_unknown_link_names_the_closest_ids() {
        let content = pack();
        let error = resolve(&content, "declaration/privcy").unwrap_err();
        assert_eq!(
            error.closest.first().map(String::as_str),
            Some("declaration/privacy")
        );
        let text = error.to_string();
        assert!(
            text.contains("declaration has no item \"privcy\""),
            "{text}"
        );
        assert!(text.contains("did you mean declaration/privacy"), "{text}");
        let error = resolve(&content, "membrs/md").unwrap_err();
        assert_eq!(error.closest, ["members/md"]);
        assert!(error.why.contains("overview/, members/"), "{}", error.why);
        let error = resolve(&content, "members/zz").unwrap_err();
        assert!(error.to_string().contains("members has no item \"zz\""));
        assert!(resolve(&content, "present/0").is_err());
    }

    #[test]
    fn a_link_is_told_from_a_language_word() {
        assert!(looks_like_link("members/md"));
        assert!(looks_like_link("members"));
        assert!(looks_like_link("present/2"));
        assert!(!looks_like_link("en"));
        assert!(!looks_like_link("notes"));
    }
}
