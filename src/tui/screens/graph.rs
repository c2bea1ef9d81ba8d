//! Graph: the pathway's prerequisite graph, layered by depth so stacking is visible. Held
//! credentials that steps build on are drawn dimmed; a stack lists its parts beneath it.

use std::collections::BTreeSet;

use ratatui::buffer::Buffer;
use ratatui::crossterm::event::KeyEvent;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

use crate::catalog::{Catalog, CredIdx};
use crate::plan::Plan;
use crate::tui::analysis::Outcome;
use crate::tui::context::Context;
use crate::tui::format;
use ratatui::crossterm::event::KeyCode;

use crate::tui::keymap::{Binding, HelpSection, Key, KeyHelp, describe, lookup};
use crate::tui::msg::Msg;
use crate::tui::screens::{NAV_KEYS, ScreenLogic, navigate};
use crate::tui::widgets::{Notice, panel};

/// A credential drawn in the graph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Node {
    pub credential: CredIdx,
    /// Held already: drawn dimmed, never a step.
    pub held: bool,
    /// Drawn nodes this one needs first.
    pub needs: Vec<CredIdx>,
}

/// Steps and the held credentials they build on, by depth: a node sits one layer below the
/// deepest node it needs, so layer 0 can start today.
pub fn layers(catalog: &Catalog, plan: &Plan, held: &BTreeSet<CredIdx>) -> Vec<Vec<Node>> {
    let steps: Vec<CredIdx> = plan.steps.iter().map(|s| s.credential).collect();
    let mut depth: Vec<(CredIdx, usize)> = Vec::new();
    let mut nodes: Vec<Node> = Vec::new();
    let depth_of = |depth: &[(CredIdx, usize)], c: CredIdx| {
        depth.iter().find(|(d, _)| *d == c).map(|(_, level)| *level)
    };

    // Held credentials that some step needs directly.
    for &step in &steps {
        let Some(credential) = catalog.credentials.get(step) else {
            continue;
        };
        let direct = credential
            .hard_prerequisites()
            .chain(credential.requires_any.iter().flatten().copied());
        for prerequisite in direct {
            if held.contains(&prerequisite) && depth_of(&depth, prerequisite).is_none() {
                depth.push((prerequisite, 0));
                nodes.push(Node {
                    credential: prerequisite,
                    held: true,
                    needs: Vec::new(),
                });
            }
        }
    }
    // Steps come in a valid order, so whatever a step needs is placed before it.
    for (i, step) in plan.steps.iter().enumerate() {
        let Some(credential) = catalog.credentials.get(step.credential) else {
            continue;
        };
        let mut needs: Vec<CredIdx> = plan.steps[..i]
            .iter()
            .filter(|earlier| earlier.enables.contains(&step.credential))
            .map(|earlier| earlier.credential)
            .collect();
        needs.extend(
            credential
                .hard_prerequisites()
                .chain(credential.requires_any.iter().flatten().copied())
                .filter(|c| held.contains(c) && depth_of(&depth, *c).is_some()),
        );
        needs.sort_unstable();
        needs.dedup();
        let level = needs
            .iter()
            .filter_map(|&c| depth_of(&depth, c))
            .max()
            .map_or(0, |d| d + 1);
        depth.push((step.credential, level));
        nodes.push(Node {
            credential: step.credential,
            held: false,
            needs,
        });
    }

    let deepest = depth.iter().map(|(_, d)| *d).max().unwrap_or(0);
    let mut layers: Vec<Vec<Node>> = vec![Vec::new(); deepest + 1];
    for (node, (_, level)) in nodes.into_iter().zip(depth) {
        layers[level].push(node);
    }
    layers.retain(|layer| !layer.is_empty());
    layers
}

const SCROLL_KEYS: &[Binding<Msg>] = &[
    Binding {
        keys: &[Key::code(KeyCode::Up), Key::char('k')],
        action: Msg::SelectPrevious,
        description: "scroll the graph",
        hint: Some("scroll"),
    },
    Binding {
        keys: &[Key::code(KeyCode::Down), Key::char('j')],
        action: Msg::SelectNext,
        description: "scroll the graph",
        hint: Some("scroll"),
    },
];

#[derive(Debug, Clone)]
pub struct GraphView {
    ctx: Context,
    /// First line shown.
    scroll: usize,
}

impl GraphView {
    pub fn new(ctx: Context) -> Self {
        Self { ctx, scroll: 0 }
    }

    fn lines(&self) -> Vec<Line<'static>> {
        let theme = &self.ctx.theme;
        let catalog = &self.ctx.catalog;
        let Some(plan) = self.ctx.analysis.plan() else {
            return Vec::new();
        };
        let held = &self.ctx.analysis.resolved.person.done;
        let title = |c: CredIdx| {
            catalog
                .credentials
                .get(c)
                .map_or("?", |c| c.title.as_str())
                .to_string()
        };
        let mut lines = Vec::new();
        let layers = layers(catalog, plan, held);
        let count = layers.len();
        for (depth, layer) in layers.iter().enumerate() {
            let heading = match depth {
                0 => "start here: nothing left to wait for".to_string(),
                _ => format!("after layer {depth}"),
            };
            lines.push(Line::from(vec![
                Span::styled(format!("Layer {} ", depth + 1), theme.heading),
                Span::styled(heading, theme.dim),
            ]));
            for node in layer {
                let Some(credential) = catalog.credentials.get(node.credential) else {
                    continue;
                };
                let is_stack = !credential.parts.is_empty();
                let (symbol, style) = match (node.held, is_stack) {
                    (true, _) => ("○", theme.held),
                    (false, true) => ("▣", theme.accent),
                    (false, false) => ("●", theme.text),
                };
                let mut spans = vec![
                    Span::styled(format!("  {symbol} {}", credential.title), style),
                    Span::styled(
                        if node.held {
                            "  (held)".to_string()
                        } else {
                            format!("  {}", format::hours(credential.hours))
                        },
                        theme.dim,
                    ),
                ];
                let needs: Vec<String> = node
                    .needs
                    .iter()
                    .filter(|c| !credential.parts.contains(c))
                    .map(|&c| title(c))
                    .collect();
                if !needs.is_empty() {
                    spans.push(Span::styled(format!("  ← {}", needs.join(", ")), theme.dim));
                }
                lines.push(Line::from(spans));
                for (i, &part) in credential.parts.iter().enumerate() {
                    let branch = if i + 1 == credential.parts.len() {
                        "└─"
                    } else {
                        "├─"
                    };
                    let part_style = if held.contains(&part) {
                        theme.held
                    } else {
                        theme.text
                    };
                    lines.push(Line::from(vec![
                        Span::styled(format!("      {branch} "), theme.dim),
                        Span::styled(title(part), part_style),
                        Span::styled(
                            if held.contains(&part) { "  (held)" } else { "" },
                            theme.dim,
                        ),
                    ]));
                }
            }
            if depth + 1 < count {
                lines.push(Line::styled("      ↓", theme.dim));
            }
        }
        lines
    }
}

impl ScreenLogic for GraphView {
    fn handle_key(&self, key: &KeyEvent) -> Option<Msg> {
        lookup(SCROLL_KEYS, key).or_else(|| lookup(NAV_KEYS, key))
    }

    fn update(&mut self, msg: &Msg) {
        let len = self.lines().len();
        if let Some(scroll) = navigate(msg, self.scroll, len, 10) {
            self.scroll = scroll;
        }
    }

    fn set_context(&mut self, context: Context) {
        // A new profile draws a new graph; a proof arriving for the same one keeps the place.
        if context.generation != self.ctx.generation {
            self.scroll = 0;
        }
        self.ctx = context;
    }

    fn hints(&self) -> Vec<KeyHelp> {
        describe(SCROLL_KEYS)
    }

    fn help(&self) -> Vec<HelpSection> {
        vec![HelpSection::new("Graph", SCROLL_KEYS)]
    }
}

impl Widget for &GraphView {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let theme = &self.ctx.theme;
        match &self.ctx.analysis.outcome {
            Outcome::Planned(plan) if !plan.steps.is_empty() => {}
            Outcome::Planning => {
                Notice {
                    title: "Planning…",
                    lines: vec![Line::styled(
                        "The graph of your pathway appears here in a moment.",
                        theme.dim,
                    )],
                    error: false,
                    theme,
                }
                .render(area, buf);
                return;
            }
            Outcome::Failed(error) => {
                Notice {
                    title: "No plan to draw",
                    lines: vec![Line::styled(error.clone(), theme.error)],
                    error: true,
                    theme,
                }
                .render(area, buf);
                return;
            }
            _ => {
                Notice {
                    title: "Nothing to draw",
                    lines: vec![Line::from(
                        "The graph shows your pathway's steps once you have a target role with a gap (press 1).",
                    )],
                    error: false,
                    theme,
                }
                .render(area, buf);
                return;
            }
        }
        let legend = Line::from(vec![
            Span::styled(" ● step  ", theme.text),
            Span::styled("▣ stack (its parts beneath)  ", theme.accent),
            Span::styled("○ held ", theme.held),
        ]);
        let lines = self.lines();
        let scroll = u16::try_from(self.scroll).unwrap_or(u16::MAX);
        Paragraph::new(lines)
            .scroll((scroll, 0))
            .block(panel(" Prerequisite graph ", false, theme).title_bottom(legend))
            .render(area, buf);
    }
}
