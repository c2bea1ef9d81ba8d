//! Generated catalogs for benchmarks and property tests: tiers of credentials along tracks of
//! skills, with all-of and any-of prerequisites, skill prerequisites (some of them cyclic
//! support), and costs that grow with level. Deterministic for a given spec.

use crate::catalog::{
    Catalog, CatalogMeta, Credential, CredentialKind, Level, Requirement, Role, Skill,
};

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Spec {
    pub credentials: usize,
    pub skills: usize,
    pub roles: usize,
    /// Prerequisite tiers: tier t credentials grant levels up to t+1 and require tier t-1.
    pub depth: usize,
    /// Skills each role requires.
    pub gap: usize,
    pub seed: u64,
}

/// The families the benchmarks and the HiGHS comparison measure: (credentials, depth, gap),
/// from a small catalog to the largest with the deepest prerequisites and the widest gap.
pub const BENCH_FAMILIES: [(usize, usize, usize); 6] = [
    (500, 2, 5),
    (2_000, 3, 10),
    (5_000, 4, 20),
    (5_000, 6, 40),
    (20_000, 4, 20),
    (20_000, 6, 40),
];

impl Spec {
    /// A family member: `credentials` at `depth`, with skills and roles in proportion.
    pub fn sized(credentials: usize, depth: usize, gap: usize, seed: u64) -> Self {
        Spec {
            credentials,
            skills: (credentials / 8).max(gap + 4),
            roles: 20,
            depth: depth.clamp(1, 6),
            gap,
            seed,
        }
    }
}

/// SplitMix64: small, fast and good enough to spread generated catalogs.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed ^ 0x9E37_79B9_7F4A_7C15)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in 0..n (n > 0).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n.max(1) as u64) as usize
    }

    pub fn chance(&mut self, percent: u64) -> bool {
        self.next_u64() % 100 < percent
    }
}

/// Skills per track: a track is a family of related skills (say, SQL, data modelling, ETL)
/// whose credentials build on each other, as a provider's programme does.
const TRACK_SKILLS: usize = 8;

pub fn generate(spec: &Spec) -> Catalog {
    let mut rng = Rng::new(spec.seed);
    let skills: Vec<Skill> = (0..spec.skills)
        .map(|i| Skill::new(format!("skill-{i}"), format!("Skill {i}")))
        .collect();
    let depth = spec.depth.max(1);
    let tracks = spec.skills.div_ceil(TRACK_SKILLS).max(1);
    let skill_in = |track: usize, rng: &mut Rng| {
        let first = track * TRACK_SKILLS;
        first + rng.below(TRACK_SKILLS.min(spec.skills - first))
    };
    // by_tier[track][tier]: the credentials of a track at each tier. A tier-t credential needs
    // earlier-tier credentials (or skills) of its own track.
    let mut by_tier: Vec<Vec<Vec<usize>>> = vec![vec![Vec::new(); depth]; tracks];
    let mut track_of: Vec<usize> = Vec::with_capacity(spec.credentials);
    let mut credentials: Vec<Credential> = Vec::with_capacity(spec.credentials);
    for i in 0..spec.credentials {
        let track = rng.below(tracks);
        let tier = i * depth / spec.credentials.max(1);
        let level = (1 + tier * 4 / depth).min(5) as Level;
        let mut grants = vec![(skill_in(track, &mut rng), level)];
        for _ in 0..rng.below(3) {
            // Mostly the same track; now and then a skill from elsewhere, as real courses mix.
            let other_track = if rng.chance(10) {
                rng.below(tracks)
            } else {
                track
            };
            let other = skill_in(other_track, &mut rng);
            if grants.iter().all(|(s, _)| *s != other) {
                grants.push((other, level.saturating_sub(rng.below(2) as Level).max(1)));
            }
        }
        grants.sort_unstable();
        let hours = (5 + rng.below(20)) as f64 * f64::from(level);
        let mut credential = Credential {
            id: format!("cred-{i}"),
            title: format!("Credential {i}"),
            provider: format!("Provider {}", rng.below(12)),
            kind: CredentialKind::Course,
            hours,
            cost: (hours * (2 + rng.below(8)) as f64).round(),
            format: Default::default(),
            url: None,
            grants,
            requires: Vec::new(),
            requires_any: Vec::new(),
            requires_skills: Vec::new(),
            parts: Vec::new(),
            valid_years: None,
        };
        let earlier = if tier > 0 {
            by_tier[track][tier - 1].as_slice()
        } else {
            &[]
        };
        if !earlier.is_empty() {
            match rng.below(4) {
                0 => credential.requires.push(earlier[rng.below(earlier.len())]),
                1 => {
                    let mut group: Vec<usize> = (0..2 + rng.below(2))
                        .map(|_| earlier[rng.below(earlier.len())])
                        .collect();
                    group.sort_unstable();
                    group.dedup();
                    credential.requires_any.push(group);
                }
                // Experience stated as a skill level: one that an earlier course of the
                // track teaches, as a provider would phrase it.
                2 => {
                    let teacher = &credentials[earlier[rng.below(earlier.len())]];
                    let (skill, taught) = teacher.grants[rng.below(teacher.grants.len())];
                    if credential.grants.iter().all(|(s, _)| *s != skill) {
                        credential.requires_skills.push((skill, taught));
                    }
                }
                _ => {}
            }
        }
        by_tier[track][tier].push(i);
        track_of.push(track);
        credentials.push(credential);
    }
    add_cyclic_support(&mut credentials, &track_of, &mut rng);
    let roles = (0..spec.roles)
        .map(|r| role(r, spec, tracks, &mut rng))
        .collect();
    let meta = CatalogMeta {
        name: format!("generated {}x{}", spec.credentials, depth),
        currency: "USD".into(),
        ..Default::default()
    };
    Catalog::new(meta, skills, credentials, roles)
}

/// A few credentials need a skill level that only credentials of the same track grant, some of
/// them later ones, so support can run in a loop that only an order can break.
fn add_cyclic_support(credentials: &mut [Credential], track_of: &[usize], rng: &mut Rng) {
    let n = credentials.len();
    for _ in 0..n / 50 {
        let c = rng.below(n);
        let donor = rng.below(n);
        if c == donor || track_of[c] != track_of[donor] {
            continue;
        }
        let (skill, level) = credentials[donor].grants[0];
        if credentials[c].grants.iter().all(|(s, _)| *s != skill) {
            let needs = &mut credentials[c].requires_skills;
            needs.push((skill, level.min(2)));
            needs.sort_unstable();
            needs.dedup_by_key(|(s, _)| *s);
        }
    }
}

/// A role needs `spec.gap` skills drawn from a handful of tracks, as a job mixes a few families.
fn role(r: usize, spec: &Spec, tracks: usize, rng: &mut Rng) -> Role {
    let families: Vec<usize> = (0..spec.gap.div_ceil(4).max(1))
        .map(|_| rng.below(tracks))
        .collect();
    let mut requires: Vec<Requirement> = (0..spec.gap)
        .map(|_| {
            let track = families[rng.below(families.len())];
            let first = track * TRACK_SKILLS;
            Requirement {
                skill: first + rng.below(TRACK_SKILLS.min(spec.skills - first)),
                level: (1 + rng.below(4)) as Level,
                importance: (1 + rng.below(5)) as u8,
            }
        })
        .collect();
    requires.sort_by_key(|q| q.skill);
    requires.dedup_by_key(|q| q.skill);
    Role {
        id: format!("role-{r}"),
        title: format!("Role {r}"),
        description: String::new(),
        requires,
        optional: Vec::new(),
        codes: Vec::new(),
    }
}
