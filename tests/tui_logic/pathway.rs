//! The Pathway screen: steps done, exclusions, the objective, exports.

use super::*;

#[test]
fn marking_the_first_step_done_leaves_the_rest_of_the_pathway() {
    let mut app = tui_fixture::app(tui_fixture::profile());
    app.update(Msg::ShowScreen(Screen::Pathway));
    let mut before = step_ids(&app);
    let cmds = press(&mut app, KeyCode::Char('h'));
    let profile = saved(&cmds).expect("a step marked done is saved");
    let done = before.remove(0);
    assert!(profile.done.contains(&done));
    // The rest of a proven pathway is still the best, though steps the one done held back
    // may now come sooner.
    let mut after = step_ids(&app);
    after.sort();
    before.sort();
    assert_eq!(after, before);
    assert!(app.analysis().plan().is_some_and(|p| p.optimal));
}

#[test]
fn excluding_the_selected_step_replans_without_it() {
    let mut app = tui_fixture::app(tui_fixture::profile());
    app.update(Msg::ShowScreen(Screen::Pathway));
    let first = step_ids(&app)[0].clone();
    let cmds = press(&mut app, KeyCode::Char('x'));
    let profile = saved(&cmds).expect("an exclusion is saved");
    assert!(profile.exclude.contains(&first));
    assert!(!step_ids(&app).contains(&first));
}

#[test]
fn excluding_a_provider_drops_all_its_credentials() {
    let mut app = tui_fixture::app(tui_fixture::profile());
    app.update(Msg::ShowScreen(Screen::Pathway));
    // Select "Python Basics" (DataCo Academy), then exclude its provider.
    let provider = |app: &App| {
        app.pathway.selected_step().map(|s| {
            app.catalog_data().credentials[s.credential]
                .provider
                .clone()
        })
    };
    for _ in 0..10 {
        if provider(&app).as_deref() == Some("DataCo Academy") {
            break;
        }
        press(&mut app, KeyCode::Down);
    }
    assert_eq!(provider(&app).as_deref(), Some("DataCo Academy"));
    let cmds = press(&mut app, KeyCode::Char('X'));
    assert!(saved(&cmds).is_some_and(|p| p.exclude_providers.contains("DataCo Academy")));
    let catalog = app.catalog_data();
    let plan = app
        .analysis()
        .plan()
        .expect("still plannable without DataCo");
    assert!(
        plan.steps
            .iter()
            .all(|s| catalog.credentials[s.credential].provider != "DataCo Academy")
    );
}

#[test]
fn the_objective_cycles_and_the_plan_follows() {
    let mut app = tui_fixture::app(tui_fixture::profile());
    app.update(Msg::ShowScreen(Screen::Pathway));
    let cmds = press(&mut app, KeyCode::Char('o'));
    assert_eq!(saved(&cmds).map(|p| p.objective), Some(Objective::Cost));
    assert_eq!(
        app.analysis().plan().map(|p| p.objective),
        Some(Objective::Cost)
    );
}

#[test]
fn export_hands_back_markdown_and_json_of_the_plan() {
    let mut app = tui_fixture::app(tui_fixture::profile());
    app.update(Msg::ShowScreen(Screen::Pathway));
    let cmds = press(&mut app, KeyCode::Char('e'));
    let Some(Cmd::Export(export)) = cmds.first() else {
        panic!("e exports, got {cmds:?}");
    };
    assert_eq!(export.stem, "skillpath-ana-data-analyst");
    assert!(export.markdown.contains("# Pathway to Data Analyst"));
    assert!(export.markdown.contains("week 1 starts 2026-03-02"));
    let json: serde_json::Value = serde_json::from_str(&export.json).expect("valid JSON");
    assert_eq!(json["role"], "data-analyst");
    assert_eq!(
        json["steps"].as_array().map(Vec::len),
        Some(step_ids(&app).len())
    );
}

#[test]
fn export_without_a_target_explains_instead() {
    let mut app = new_person();
    let cmd = app.update(Msg::ExportPlan);
    assert_eq!(cmd, None);
    let status = app.status.as_ref().expect("a status message");
    assert!(
        status.error && status.text.contains("choose a target role"),
        "{status:?}"
    );
}
