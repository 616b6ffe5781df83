//! Figures derived from the checked members, so that no count is ever written twice: the
//! members joining each year with the running total, the members of each region, and whether
//! the members can be placed on a map. Each is one pass over the members, cheap for 100k.

use std::collections::BTreeMap;

use super::model::Members;

/// One year of the coalition's growth.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct YearGrowth {
    pub year: u16,
    /// The members that joined in this year (0 in a year when none did).
    pub joined: usize,
    /// The members at the end of this year: those that joined in it or before.
    pub total: usize,
}

/// How many members a region has.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RegionCount {
    /// The region's position in `Members::regions`.
    pub region: usize,
    pub members: usize,
}

impl Members {
    /// Every year from the first member's joining to the last one's, both included, with the
    /// members that joined in it and the total so far; a year when none joined is there with
    /// 0, so that the years can be drawn on an even scale. Empty without members.
    pub fn growth(&self) -> Vec<YearGrowth> {
        let mut joined_by_year = BTreeMap::new();
        for member in &self.members {
            *joined_by_year.entry(member.joined).or_insert(0) += 1;
        }
        let (Some((&first, _)), Some((&last, _))) = (
            joined_by_year.first_key_value(),
            joined_by_year.last_key_value(),
        ) else {
            return Vec::new();
        };
        let mut total = 0;
        (first..=last)
            .map(|year| {
                let joined = joined_by_year.get(&year).copied().unwrap_or(0);
                total += joined;
                YearGrowth {
                    year,
                    joined,
                    total,
                }
            })
            .collect()
    }

    /// The members of each region, for every region in the order `members.ron` declares
    /// them, a region without members included (with 0): the position in the list is the
    /// region's, and a region never vanishes from a chart.
    pub fn per_region(&self) -> Vec<RegionCount> {
        let mut counts: Vec<RegionCount> = (0..self.regions.len())
            .map(|region| RegionCount { region, members: 0 })
            .collect();
        for member in &self.members {
            // A checked member's region is a position in `regions`; `get_mut` keeps a
            // hand-made `Members` from panicking here.
            if let Some(count) = counts.get_mut(member.region) {
                count.members += 1;
            }
        }
        counts
    }

    /// Whether the members can be placed on a map: there is at least one, and every one has
    /// a location. A checked pack gives every member a location or none, so `false` means
    /// the pack has no locations (or no members).
    pub fn located(&self) -> bool {
        !self.members.is_empty() && self.members.iter().all(|m| m.location.is_some())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::load::load_files;
    use crate::content::model::{Location, Member};
    use crate::content::{generate, load_embedded};

    fn growth_of(content_members: &Members) -> Vec<(u16, usize, usize)> {
        content_members
            .growth()
            .iter()
            .map(|g| (g.year, g.joined, g.total))
            .collect()
    }

    #[test]
    fn the_default_pack_grew_from_fifteen_founders_to_twenty_two() {
        let content = load_embedded().unwrap();
        assert_eq!(
            growth_of(&content.members),
            [(2011, 15, 15), (2012, 4, 19), (2013, 2, 21), (2014, 1, 22)]
        );
    }

    /// The default pack's first member, changed by `change`.
    fn member(change: impl FnOnce(&mut Member)) -> Member {
        let content = load_embedded().unwrap();
        let mut member = content.members.members[0].clone();
        change(&mut member);
        member
    }

    #[test]
    fn a_year_when_none_joined_is_there_with_nothing_added() {
        let mut members = load_embedded().unwrap().members;
        members.members = [2020, 2016, 2020, 2017]
            .into_iter()
            .map(|joined| member(|m| m.joined = joined))
            .collect();
        assert_eq!(
            growth_of(&members),
            [
                (2016, 1, 1),
                (2017, 1, 2),
                (2018, 0, 2),
                (2019, 0, 2),
                (2020, 2, 4)
            ]
        );
        members.members.clear();
        assert_eq!(members.growth(), []);
    }

    #[test]
    fn the_growth_of_a_generated_pack_adds_up_to_its_members() {
        let members = load_files(generate::pack_files(5000)).unwrap().members;
        let growth = members.growth();
        assert_eq!(growth.last().map(|g| g.total), Some(5000));
        assert_eq!(growth.iter().map(|g| g.joined).sum::<usize>(), 5000);
        assert!(
            growth.windows(2).all(|w| w[1].year == w[0].year + 1),
            "every year, in order: {growth:?}"
        );
    }

    #[test]
    fn the_default_pack_counts_its_members_by_region_in_declared_order() {
        let members = load_embedded().unwrap().members;
        let counts: Vec<(&str, usize)> = members
            .per_region()
            .iter()
            .map(|c| (members.regions[c.region].id.as_str(), c.members))
            .collect();
        assert_eq!(
            counts,
            [
                ("western-europe", 4),
                ("northern-europe", 6),
                ("eastern-europe", 2),
                ("northern-america", 2),
                ("central-america", 2),
                ("western-asia", 1),
                ("southern-asia", 1),
                ("eastern-asia", 1),
                ("northern-africa", 1),
                ("western-africa", 1),
                ("eastern-africa", 1),
            ]
        );
    }

    #[test]
    fn a_region_without_members_is_counted_with_none() {
        let mut members = load_embedded().unwrap().members;
        members.members = vec![member(|m| m.region = 2), member(|m| m.region = 2)];
        let counts: Vec<usize> = members.per_region().iter().map(|c| c.members).collect();
        assert_eq!(counts.len(), members.regions.len());
        assert_eq!(counts[2], 2);
        assert_eq!(counts.iter().sum::<usize>(), 2);
        assert!(
            members
                .per_region()
                .iter()
                .enumerate()
                .all(|(i, c)| c.region == i)
        );
    }

    #[test]
    fn members_are_located_only_when_there_are_some_and_all_have_a_location() {
        let mut members = load_embedded().unwrap().members;
        assert!(members.located());
        let unplaced = member(|m| m.location = None);
        members.members.push(unplaced.clone());
        assert!(!members.located());
        members.members = vec![unplaced];
        assert!(!members.located());
        members.members.clear();
        assert!(!members.located());
        members.members = vec![member(|m| {
            m.location = Some(Location {
                latitude: 0.0,
                longitude: 0.0,
            })
        })];
        assert!(members.located());
    }
}
