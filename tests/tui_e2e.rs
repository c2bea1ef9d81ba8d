//! End to end: the real binary in a pseudo-terminal. Type a search, choose a role, read the
//! pathway, quit, and find the terminal restored.

mod tui_fixture;
mod tui_pty;

use tui_pty::Pty;

#[test]
fn search_choose_a_role_read_the_pathway_and_quit() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let catalog = dir.path().join("catalog.toml");
    std::fs::write(&catalog, tui_fixture::CATALOG).expect("write the catalog");
    let home = dir.path().join("home");
    let mut screen = Pty::start(&catalog, &home, dir.path(), &[]);

    // A first visit: the search has the cursor and the status line says what to do.
    let first = screen.wait_for("Type part of a role's name");
    assert!(first.contains("Search:"), "{first}");
    assert!(
        screen.screen().alternate_screen(),
        "the app draws on the alternate screen"
    );

    screen.send("mach");
    let narrowed = screen.wait_for("Search: mach");
    assert!(narrowed.contains("Machine Learning Engineer"), "{narrowed}");
    assert!(!narrowed.contains("Reporting Analyst"), "{narrowed}");
    // Wider search: the analyst is first.
    for _ in 0..4 {
        screen.send("\x7f");
    }
    screen.send("analyst");
    let list = screen.wait_for("Search: analyst");
    assert!(list.contains("Data Analyst"), "{list}");
    screen.send("\r");

    let pathway = screen.wait_for("Pathway to Data Analyst");
    for expected in [
        "SQL for Data Analysis",
        "Data Analytics Certificate",
        "optimal (proven)",
        "Timeline at 5 h/week",
        "week of",
        "closes",
    ] {
        assert!(
            pathway.contains(expected),
            "{expected:?} missing:\n{pathway}"
        );
    }

    screen.send("q");
    let status = screen.wait_exit("q");
    assert!(status.success(), "exit status {status:?}");
    screen.assert_restored();

    // The choice was saved for next time.
    let saved = std::fs::read_to_string(home.join("profiles/default.toml")).expect("saved");
    assert!(saved.contains("target_role = \"data-analyst\""), "{saved}");
}
