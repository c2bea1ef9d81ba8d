//! `skillpath import onet`: catalog roles from O*NET's tab-delimited text release.
//!
//! [`read_release`] reads `Occupation Data.txt`, `Skills.txt`, `Knowledge.txt` and
//! `Technology Skills.txt`; [`import`] turns the selected occupations into roles whose
//! requirements are O*NET's Skills and Knowledge elements, mapped onto catalog skills through
//! their `codes.onet` (new skills for the rest) at catalog levels (see [`scale`]); [`to_toml`]
//! writes them as a catalog fragment that loads together with the catalog it was mapped onto.

mod convert;
mod emit;
mod error;
mod release;
pub mod scale;
mod skills;
mod table;
mod technology;

pub use convert::{
    Dropped, Import, ImportedRequirement, ImportedRole, Options, Selection, SkipReason, Skipped,
    TECHNOLOGY_LEVEL, import, role_id,
};
pub use emit::to_toml;
pub use error::ImportError;
pub use release::{Domain, Occupation, Rating, Release, Scale, Technology, read_release};
pub use skills::NewSkill;
pub use technology::TechnologyFilter;
