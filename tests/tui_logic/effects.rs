//! The effects the app hands back, carried out through the profile store.

use super::*;

#[test]
fn effects_save_load_and_export_through_the_store() {
    let home = tempfile::tempdir().expect("a temporary directory");
    let store = ProfileStore::at(home.path());
    let mut effects = Effects::new(store, home.path().join("out"));

    let profile = tui_fixture::profile();
    assert_eq!(
        effects.perform(Cmd::SaveProfile(Box::new(profile.clone()))),
        None
    );
    assert_eq!(effects.store().last_used().as_deref(), Some("ana"));
    assert_eq!(
        effects.perform(Cmd::LoadProfile("ana".into())),
        Some(Msg::ProfileLoaded(Box::new(profile)))
    );

    let corrupt = effects.store().path_of("broken");
    std::fs::write(&corrupt, "name = = \"x\"\n").expect("write a corrupt profile");
    let Some(Msg::NotifyError(error)) = effects.perform(Cmd::LoadProfile("broken".into())) else {
        panic!("a corrupt profile is an error");
    };
    assert!(error.contains("broken.toml"), "{error}");
    let save = effects.perform(Cmd::SaveProfile(Box::new(Profile::new("broken"))));
    assert!(matches!(save, Some(Msg::SaveFailed(_))));
    assert_eq!(
        std::fs::read_to_string(&corrupt).expect("still there"),
        "name = = \"x\"\n"
    );

    let mut app = tui_fixture::app(tui_fixture::profile());
    let Some(Cmd::Export(export)) = app.update(Msg::ExportPlan) else {
        panic!("a plan to export");
    };
    let Some(Msg::Notify(text)) = effects.perform(Cmd::Export(export)) else {
        panic!("the export succeeds");
    };
    let markdown = home.path().join("out/skillpath-ana-data-analyst.md");
    assert!(text.contains(&markdown.display().to_string()), "{text}");
    assert!(markdown.is_file());
    assert!(
        home.path()
            .join("out/skillpath-ana-data-analyst.json")
            .is_file()
    );
}

#[test]
fn an_unreadable_profile_opens_empty_with_the_reason() {
    let home = tempfile::tempdir().expect("a temporary directory");
    let store = ProfileStore::at(home.path());
    let path = store.path_of("ana");
    std::fs::create_dir_all(path.parent().expect("a parent")).expect("create profiles dir");
    std::fs::write(&path, "[skills]\nsql = 9\n").expect("write");
    let (profile, problem) = skillpath::tui::open_profile(&store, "ana").expect("opens");
    assert_eq!(profile, Profile::new("ana"));
    let problem = problem.expect("the reason is kept");
    assert!(
        problem.contains("ana.toml") && problem.contains("not saved"),
        "{problem}"
    );

    let (_, problem) = skillpath::tui::open_profile(&store, "nobody").expect("a new profile");
    assert_eq!(problem, None);
    assert!(skillpath::tui::open_profile(&store, "../etc").is_err());
}
