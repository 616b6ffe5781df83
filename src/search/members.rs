//! The member filter: the members whose own fields hold every word of a query, in their
//! order, fast enough to run with every key on a hundred thousand members. Ordinary words are
//! found by the search's scan, limited to the members' part of the index; a field word's word
//! is looked for once in each distinct pair of a region and a year, which each member points
//! to.

use std::collections::HashMap;

use super::{Field, Index, Query, Reach, Term, Words};
use crate::content::Lang;

/// The members' regions and years, each distinct set of them once. Thousands of members
/// share a handful of regions and years: a field word is looked for in those sets, not in
/// every member.
#[derive(Debug, Clone, Default)]
pub(super) struct Attributes {
    /// Each distinct set of a member's region and year fields (a region in each language, a
    /// year), as places in `Index::fields` of the first member with it.
    sets: Vec<Vec<u32>>,
    /// For each member, its set: a place in `sets`.
    member_set: Vec<u32>,
}

impl Attributes {
    /// The regions and years of the members of `index`, from their fields.
    pub(super) fn new(index: &Index) -> Attributes {
        let mut attributes = Attributes::default();
        // A set is known by the kind, language and folded text of each of its fields.
        let mut seen: HashMap<Vec<(super::FieldKind, u16, Reach, &str)>, u32> = HashMap::new();
        let members = index.member_targets.start as usize..index.member_targets.end as usize;
        attributes.member_set.reserve(members.len());
        let mut key = Vec::new();
        for fields in index.target_fields.get(members).unwrap_or_default() {
            let own: Vec<u32> = fields
                .clone()
                .filter(|&f| index.fields[f as usize].kind.is_member_attribute())
                .collect();
            key.clear();
            key.extend(own.iter().map(|&f| {
                let field = &index.fields[f as usize];
                (field.kind, field.lang, field.reach, index.folded(field))
            }));
            let next = attributes.sets.len() as u32;
            let set = match seen.get(&key) {
                Some(&set) => set,
                None => {
                    seen.insert(key.clone(), next);
                    attributes.sets.push(own);
                    next
                }
            };
            attributes.member_set.push(set);
        }
        attributes
    }

    /// For each member (its position in the list), whether every term of `terms`, each a
    /// field word's, is in its region or year where it counts in `lang`.
    fn members_with(&self, index: &Index, terms: &[&Term], lang: Lang) -> Vec<bool> {
        let holds = |f: u32, term: &Term| {
            let field: &Field = &index.fields[f as usize];
            Index::allowed(field, lang)
                && term.accepts(field.kind)
                && index.folded(field).contains(&term.word)
        };
        let set_holds: Vec<bool> = self
            .sets
            .iter()
            .map(|set| terms.iter().all(|term| set.iter().any(|&f| holds(f, term))))
            .collect();
        self.member_set
            .iter()
            .map(|&set| set_holds[set as usize])
            .collect()
    }
}

impl Index {
    /// The members whose own fields hold every word of `query` as the search finds them
    /// (names, code and year in any language, region and note in `lang`, a field word's word
    /// in its field), as positions in the pack's list of members, in that order; every member
    /// for an empty query. Made for a filter of the member list that runs with every key:
    /// nothing is ranked; the field words are decided from the few distinct regions and
    /// years; a scan for the longest ordinary word finds the members that may hold the
    /// ordinary words, and decides alone when there is one.
    pub fn members_matching(&self, query: &Query, lang: Lang) -> Vec<usize> {
        let members = self.member_targets.start as usize..self.member_targets.end as usize;
        let (field_terms, ordinary): (Vec<&Term>, Vec<&Term>) =
            query.terms.iter().partition(|term| term.field.is_some());
        let with_fields = (!field_terms.is_empty()).then(|| {
            self.member_attributes
                .members_with(self, &field_terms, lang)
        });
        if ordinary.is_empty() {
            return (0..members.len())
                .filter(|&m| with_fields.as_ref().is_none_or(|with| with[m]))
                .collect();
        }
        let ordinary = Query {
            terms: ordinary.into_iter().cloned().collect(),
        };
        let Some(mut words) = Words::new(&ordinary) else {
            return Vec::new();
        };
        // The members' fields: from the first member's first to the last member's last.
        let first_field = self
            .target_fields
            .get(members.start)
            .map_or(0, |fields| fields.start as usize);
        let end_field = members
            .end
            .checked_sub(1)
            .and_then(|last| self.target_fields.get(last))
            .map_or(0, |fields| fields.end as usize);
        let driver = words.driver();
        let one_term = words.terms.len() == 1;
        let mut matching = Vec::new();
        self.scan(&driver, lang, first_field..end_field, |t| {
            let m = t - members.start;
            if with_fields.as_ref().is_some_and(|with| !with[m]) {
                return;
            }
            // The scan found the one ordinary word where it counts: the member matches.
            if one_term || self.best_in_target(t, &mut words, lang).is_some() {
                matching.push(m);
            }
        });
        matching
    }
}
