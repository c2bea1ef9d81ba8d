//! The bundled catalog is what every new user plans on first, so it is held to the quality bar
//! of issue 3: it validates cleanly, it is large enough to cover the three skill families,
//! every role can be reached, every figure is sane, and plans for real career moves look like
//! what a career advisor would recommend.

use std::time::Duration;

use skillpath::catalog::load::load_bundled;
use skillpath::catalog::reach::reach_all;
use skillpath::catalog::{Catalog, Level};
use skillpath::plan::{Person, Plan, PlanRequest, plan};

fn catalog() -> Catalog {
    let loaded = load_bundled();
    let problems: Vec<String> = loaded.diagnostics.iter().map(|d| d.render(false)).collect();
    loaded
        .catalog
        .unwrap_or_else(|| panic!("the bundled catalog has errors:\n{}", problems.join("\n")))
}

/// A generous limit: these tests are about the catalog, so the solver must have time to prove
/// optimality even in a debug build on a slow machine.
const TIME_LIMIT: Duration = Duration::from_secs(30);

fn plan_for(catalog: &Catalog, role: &str, person: Person) -> Plan {
    let role = catalog
        .role(role)
        .unwrap_or_else(|| panic!("role `{role}` is in the catalog"));
    let mut request = PlanRequest::new(role, person);
    request.time_limit = TIME_LIMIT;
    plan(catalog, &request).expect("the planner answers")
}

#[test]
fn the_bundled_catalog_has_no_errors_and_no_warnings() {
    let loaded = load_bundled();
    let problems: Vec<String> = loaded.diagnostics.iter().map(|d| d.render(false)).collect();
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn the_bundled_catalog_is_large_enough_to_plan_real_career_moves() {
    let catalog = catalog();
    assert!(catalog.roles.len() >= 40, "{} roles", catalog.roles.len());
    assert!(
        catalog.credentials.len() >= 250,
        "{} credentials",
        catalog.credentials.len()
    );
    assert!(
        catalog.skills.len() >= 150,
        "{} skills",
        catalog.skills.len()
    );
}

#[test]
fn the_figures_are_dated() {
    let catalog = catalog();
    let as_of = catalog.meta.as_of.as_deref().unwrap_or("");
    // YYYY-MM, as the README shows with every plan.
    let (year, month) = as_of.split_once('-').unwrap_or(("", ""));
    assert!(
        year.len() == 4
            && year.parse::<u32>().is_ok()
            && month.parse::<u32>().is_ok_and(|m| (1..=12).contains(&m)),
        "as_of is `{as_of}`"
    );
}

#[test]
fn every_credential_has_sane_figures_and_a_url() {
    let catalog = catalog();
    for credential in &catalog.credentials {
        let id = &credential.id;
        assert!(
            (1.0..=1000.0).contains(&credential.hours),
            "`{id}` takes {} hours",
            credential.hours
        );
        assert!(
            (0.0..=10_000.0).contains(&credential.cost),
            "`{id}` costs {}",
            credential.cost
        );
        let url = credential.url.as_deref().unwrap_or("");
        assert!(
            url.starts_with("https://") && url.len() > "https://".len() + 3,
            "`{id}` has url `{url}`"
        );
    }
}

#[test]
fn every_credential_can_be_taken_from_an_empty_profile() {
    let catalog = catalog();
    let reach = reach_all(&catalog, |_| false);
    let never: Vec<&str> = catalog
        .credentials
        .iter()
        .zip(&reach.done)
        .filter(|(_, done)| !**done)
        .map(|(c, _)| c.id.as_str())
        .collect();
    assert!(never.is_empty(), "never takeable: {never:?}");
}

#[test]
fn every_role_is_fully_closable_from_an_empty_profile_with_a_proven_optimal_plan() {
    let catalog = catalog();
    for role in &catalog.roles {
        let plan = plan_for(&catalog, &role.id, Person::default());
        assert!(
            plan.uncoverable.is_empty(),
            "`{}`: {:?}",
            role.id,
            plan.uncoverable
        );
        assert!(
            plan.left_open.is_empty(),
            "`{}`: {:?}",
            role.id,
            plan.left_open
        );
        assert!(plan.optimal, "`{}` is not proven optimal", role.id);
        assert_eq!(plan.gap.len(), role.requires.len(), "`{}`", role.id);
        assert_closes_role(&catalog, &role.id, &Person::default(), &plan);
    }
}

// Career moves. Each person is described by the skills their current job gives them, at the
// levels an advisor would credit; each plan must close the whole gap, build on those skills,
// and fit in a part-time year.

/// A year of part-time study at 10 hours a week: the most a working adult changing career
/// through micro-credentials can plausibly fit in (longer is a degree, not a stack).
const PART_TIME_YEAR_HOURS: f64 = 520.0;

fn person(catalog: &Catalog, skills: &[(&str, Level)]) -> Person {
    Person {
        skills: skills
            .iter()
            .map(|&(id, level)| {
                let skill = catalog
                    .skill(id)
                    .unwrap_or_else(|| panic!("skill `{id}` is in the catalog"));
                (skill, level)
            })
            .collect(),
        ..Person::default()
    }
}

/// Replays the plan as catalog.md defines taking credentials: each step is allowed at its
/// position, and afterwards every requirement of the role is met.
fn assert_closes_role(catalog: &Catalog, role: &str, person: &Person, plan: &Plan) {
    let mut levels: Vec<Level> = (0..catalog.skills.len()).map(|s| person.level(s)).collect();
    let mut done = person.done.clone();
    for step in &plan.steps {
        let c = &catalog.credentials[step.credential];
        assert!(
            c.hard_prerequisites().all(|p| done.contains(&p))
                && c.requires_any
                    .iter()
                    .all(|group| group.iter().any(|p| done.contains(p)))
                && c.requires_skills.iter().all(|&(s, l)| levels[s] >= l),
            "`{role}`: step `{}` is taken before its prerequisites",
            c.id
        );
        for &(skill, level) in &c.grants {
            levels[skill] = levels[skill].max(level);
        }
        done.insert(step.credential);
    }
    let role = &catalog.roles[catalog.role(role).expect("role")];
    for requirement in &role.requires {
        assert!(
            levels[requirement.skill] >= requirement.level,
            "`{}` still needs `{}` at level {} after the plan",
            role.id,
            catalog.skills[requirement.skill].id,
            requirement.level
        );
    }
}

/// What a career advisor checks: the plan closes the whole gap in a valid order and is proven
/// optimal; it builds on what the person has (their strong skills are not in the gap, which is
/// smaller than a newcomer's, and the plan is shorter); and it fits in a part-time year.
/// Returns the plan for scenario-specific checks.
fn assert_sound_career_move(
    catalog: &Catalog,
    role: &str,
    skills: &[(&str, Level)],
    already_strong: &[&str],
) -> Plan {
    let someone = person(catalog, skills);
    let plan = plan_for(catalog, role, someone.clone());
    let newcomer = plan_for(catalog, role, Person::default());

    assert!(
        !plan.gap.is_empty(),
        "`{role}`: the move has something to learn"
    );
    assert!(
        plan.uncoverable.is_empty(),
        "`{role}`: {:?}",
        plan.uncoverable
    );
    assert!(plan.left_open.is_empty(), "`{role}`: {:?}", plan.left_open);
    assert!(plan.optimal, "`{role}`: the plan is not proven optimal");
    assert_closes_role(catalog, role, &someone, &plan);

    let gap_ids: Vec<&str> = plan
        .gap
        .iter()
        .map(|g| catalog.skills[g.skill].id.as_str())
        .collect();
    for skill in already_strong {
        assert!(
            !gap_ids.contains(skill),
            "`{role}`: `{skill}` is already strong but in the gap {gap_ids:?}"
        );
    }
    assert!(
        plan.gap.len() < newcomer.gap.len(),
        "`{role}`: gap {} is not smaller than a newcomer's {}",
        plan.gap.len(),
        newcomer.gap.len()
    );
    assert!(
        plan.totals.hours < newcomer.totals.hours,
        "`{role}`: {} h is not less than a newcomer's {} h",
        plan.totals.hours,
        newcomer.totals.hours
    );
    assert!(
        plan.totals.hours <= PART_TIME_YEAR_HOURS,
        "`{role}`: {} h does not fit in a part-time year",
        plan.totals.hours
    );
    plan
}

fn closes(catalog: &Catalog, plan: &Plan, skill: &str) -> bool {
    let skill = catalog.skill(skill).expect("skill");
    plan.steps.iter().any(|step| step.closes.contains(&skill))
}

#[test]
fn a_marketing_professional_moves_into_ux_design() {
    let catalog = catalog();
    let marketer = [
        ("marketing-fundamentals", 4),
        ("digital-marketing", 4),
        ("content-marketing", 3),
        ("social-media-marketing", 3),
        ("web-analytics", 3),
        ("public-speaking", 3),
        ("collaboration", 3),
        ("business-writing", 3),
        ("stakeholder-management", 3),
        // Briefing designers and building campaign assets gives a foundation in visual design.
        ("visual-design", 2),
    ];
    let plan = assert_sound_career_move(
        &catalog,
        "ux-designer",
        &marketer,
        &["public-speaking", "collaboration", "visual-design"],
    );
    // The move is about the UX craft itself.
    for skill in ["ux-design", "user-research", "prototyping"] {
        assert!(closes(&catalog, &plan, skill), "{skill}");
    }
}

#[test]
fn a_consulting_analyst_upskills_into_data_science() {
    let catalog = catalog();
    let analyst = [
        ("data-analysis", 3),
        ("spreadsheets", 4),
        ("critical-thinking", 4),
        ("problem-solving", 4),
        ("business-acumen", 3),
        ("stakeholder-management", 3),
        ("public-speaking", 3),
        ("business-writing", 3),
        ("statistics", 2),
        ("mathematics", 2),
        // Started on Python and charts in client work; machine learning is new.
        ("python", 1),
        ("data-visualization", 2),
    ];
    let plan = assert_sound_career_move(
        &catalog,
        "data-scientist",
        &analyst,
        &["data-analysis", "public-speaking"],
    );
    for skill in ["python", "data-visualization", "machine-learning"] {
        assert!(closes(&catalog, &plan, skill), "{skill}");
    }
}

#[test]
fn a_nurse_moves_into_health_informatics() {
    let catalog = catalog();
    let nurse = [
        ("medical-terminology", 4),
        // Charting in the EHR every shift, under HIPAA.
        ("electronic-health-records", 3),
        ("hipaa-compliance", 2),
        ("healthcare-quality", 3),
        ("communication", 4),
        ("active-listening", 4),
        ("emotional-intelligence", 4),
        ("critical-thinking", 3),
        ("time-management", 3),
        ("training-delivery", 2),
    ];
    let plan = assert_sound_career_move(
        &catalog,
        "health-informatics-specialist",
        &nurse,
        &[
            "medical-terminology",
            "electronic-health-records",
            "hipaa-compliance",
        ],
    );
    assert!(closes(&catalog, &plan, "health-informatics"));
}

#[test]
fn a_teacher_moves_into_instructional_design() {
    let catalog = catalog();
    let teacher = [
        ("pedagogy", 4),
        ("curriculum-development", 3),
        ("learning-assessment", 3),
        ("training-delivery", 4),
        ("public-speaking", 4),
        ("facilitation", 3),
        ("business-writing", 3),
        ("communication", 4),
        // A school's LMS and classroom technology.
        ("learning-management-systems", 2),
        ("education-technology", 2),
    ];
    let plan = assert_sound_career_move(
        &catalog,
        "instructional-designer",
        &teacher,
        &[
            "pedagogy",
            "learning-assessment",
            "learning-management-systems",
        ],
    );
    assert!(closes(&catalog, &plan, "instructional-design"));
    assert!(closes(&catalog, &plan, "elearning-development"));
}

#[test]
fn a_bank_teller_moves_into_aml_kyc_compliance() {
    let catalog = catalog();
    let teller = [
        ("customer-service", 4),
        ("active-listening", 3),
        ("sales", 2),
        ("spreadsheets", 2),
        // Tellers verify identity at account opening, spot counterfeit and suspicious
        // activity, and take the bank's annual BSA/AML training.
        ("kyc", 2),
        ("fraud-detection", 2),
        ("aml-compliance", 1),
        ("critical-thinking", 2),
        ("business-writing", 2),
    ];
    let plan = assert_sound_career_move(&catalog, "aml-kyc-analyst", &teller, &["fraud-detection"]);
    assert!(closes(&catalog, &plan, "aml-compliance"));
    assert!(closes(&catalog, &plan, "kyc"));
}
