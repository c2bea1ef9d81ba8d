use skillpath::catalog::synthetic::{Spec, generate};
use skillpath::profile::Profile;
use std::time::Instant;
#[test]
fn timing() {
    let catalog = generate(&Spec::sized(20_000, 4, 20, 1));
    let mut profile = Profile::new("bench");
    profile.target_role = catalog.roles.first().map(|r| r.id.clone());
    for _ in 0..3 {
        let t = Instant::now();
        let resolved = profile.resolve(&catalog);
        println!("resolve {:?}", t.elapsed());
        let t = Instant::now();
        let _levels = skillpath::plan::current_levels(&catalog, &resolved.person);
        println!("levels {:?}", t.elapsed());
        let t = Instant::now();
        let mut reach = skillpath::catalog::reach::Reach::start(
            &catalog,
            &resolved.person.skills,
            resolved.person.done.iter().copied(),
        );
        let all: Vec<usize> = (0..catalog.credentials.len()).collect();
        reach.saturate(&catalog, &all);
        println!("reach {:?}", t.elapsed());
        let t = Instant::now();
        let mut request =
            skillpath::plan::PlanRequest::new(resolved.role.unwrap(), resolved.person.clone());
        request.time_limit = std::time::Duration::from_millis(1000);
        let plan = skillpath::plan::plan(&catalog, &request).unwrap();
        println!(
            "plan {:?} optimal {} nodes {}",
            t.elapsed(),
            plan.optimal,
            plan.stats.nodes
        );
        profile.skills.insert("skill-1".into(), 1);
    }
}
