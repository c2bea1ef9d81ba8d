//! The facts planning reads for every credential on every solve (what it grants, its hours and
//! cost), each in one array for all credentials. Read from the credentials themselves, each
//! is a cache miss on a record of several cache lines and again on its list of grants: a
//! tenth of a solve on 20,000 credentials, in forward reachability and dominance alone.

use crate::catalog::grouped::Grouped;
use crate::catalog::model::level_in;
use crate::catalog::{CredIdx, Credential, Level, SkillIdx};

#[derive(Debug, Clone, PartialEq, Default)]
pub(crate) struct Flat {
    grants: Grouped<(SkillIdx, Level)>,
    pub hours: Vec<f64>,
    pub cost: Vec<f64>,
}

impl Flat {
    pub fn build(credentials: &[Credential]) -> Self {
        let grants = credentials
            .iter()
            .enumerate()
            .flat_map(|(c, credential)| credential.grants.iter().map(move |&grant| (c, grant)));
        Flat {
            grants: Grouped::build(credentials.len(), grants),
            hours: credentials.iter().map(|c| c.hours).collect(),
            cost: credentials.iter().map(|c| c.cost).collect(),
        }
    }

    /// What `credential` grants, as its `grants` list says, in its order.
    pub fn grants(&self, credential: CredIdx) -> &[(SkillIdx, Level)] {
        self.grants.of(credential)
    }

    /// The level of `skill` that `credential` grants (0 if none).
    pub fn grant_of(&self, credential: CredIdx, skill: SkillIdx) -> Level {
        level_in(self.grants(credential), skill)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::synthetic::{Spec, generate};

    #[test]
    fn each_credential_reads_as_its_own_record_says() {
        let catalog = generate(&Spec::sized(300, 4, 10, 2));
        let flat = Flat::build(&catalog.credentials);
        for (c, credential) in catalog.credentials.iter().enumerate() {
            assert_eq!(
                flat.grants(c),
                credential.grants.as_slice(),
                "credential {c}"
            );
            assert_eq!(flat.hours[c], credential.hours, "credential {c}");
            assert_eq!(flat.cost[c], credential.cost, "credential {c}");
            for &(skill, level) in &credential.grants {
                assert_eq!(flat.grant_of(c, skill), level);
            }
        }
        assert_eq!(flat.grant_of(0, catalog.skills.len()), 0);
    }
}
