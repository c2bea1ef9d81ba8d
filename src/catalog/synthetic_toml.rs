//! A catalog written back as catalog TOML (catalog.md's tables), so that generated catalogs can
//! be loaded from disk as a maintainer's would be: the loading benchmark needs large files that
//! exercise the whole parser and validator.

use std::fmt::Write as _;

use crate::catalog::{
    Catalog, CredentialKind, DeliveryFormat, Level, Requirement, SkillCategory, SkillIdx,
};

/// The catalog as one TOML document that loads back to the same skills, credentials and roles.
pub fn to_toml(catalog: &Catalog) -> String {
    let mut out = String::new();
    let meta = &catalog.meta;
    out.push_str("[catalog]\n");
    field(&mut out, "name", &quoted(&meta.name));
    field(&mut out, "currency", &quoted(&meta.currency));
    if let Some(as_of) = &meta.as_of {
        field(&mut out, "as_of", &quoted(as_of));
    }
    if let Some(version) = &meta.version {
        field(&mut out, "version", &quoted(version));
    }
    let skill_id = |s: SkillIdx| catalog.skills[s].id.as_str();
    let credential_ids = |list: &[usize]| -> String {
        let ids: Vec<String> = list
            .iter()
            .map(|&c| quoted(&catalog.credentials[c].id))
            .collect();
        format!("[{}]", ids.join(", "))
    };
    let levels = |list: &[(SkillIdx, Level)]| -> String {
        let pairs: Vec<String> = list
            .iter()
            .map(|&(s, l)| format!("{} = {l}", key(skill_id(s))))
            .collect();
        inline_table(&pairs)
    };

    for skill in &catalog.skills {
        out.push_str("\n[[skill]]\n");
        field(&mut out, "id", &quoted(&skill.id));
        field(&mut out, "name", &quoted(&skill.name));
        let category = match skill.category {
            SkillCategory::Technical => "technical",
            SkillCategory::Soft => "soft",
            SkillCategory::Industry => "industry",
        };
        field(&mut out, "category", &quoted(category));
        if !skill.aliases.is_empty() {
            let aliases: Vec<String> = skill.aliases.iter().map(|a| quoted(a)).collect();
            field(&mut out, "aliases", &format!("[{}]", aliases.join(", ")));
        }
        if !skill.description.is_empty() {
            field(&mut out, "description", &quoted(&skill.description));
        }
        if let Some(parent) = skill.parent {
            field(&mut out, "parent", &quoted(skill_id(parent)));
        }
        if !skill.codes.is_empty() {
            field(&mut out, "codes", &codes(&skill.codes));
        }
    }

    for credential in &catalog.credentials {
        out.push_str("\n[[credential]]\n");
        field(&mut out, "id", &quoted(&credential.id));
        field(&mut out, "title", &quoted(&credential.title));
        field(&mut out, "provider", &quoted(&credential.provider));
        let kind = match credential.kind {
            CredentialKind::Badge => "badge",
            CredentialKind::Course => "course",
            CredentialKind::Certificate => "certificate",
            CredentialKind::Exam => "exam",
            CredentialKind::Stack => "stack",
        };
        field(&mut out, "kind", &quoted(kind));
        field(&mut out, "hours", &number(credential.hours));
        field(&mut out, "cost", &number(credential.cost));
        let format = match credential.format {
            DeliveryFormat::Online => "online",
            DeliveryFormat::InPerson => "in-person",
            DeliveryFormat::Hybrid => "hybrid",
        };
        field(&mut out, "format", &quoted(format));
        if let Some(url) = &credential.url {
            field(&mut out, "url", &quoted(url));
        }
        if !credential.grants.is_empty() {
            field(&mut out, "grants", &levels(&credential.grants));
        }
        if !credential.requires.is_empty() {
            field(&mut out, "requires", &credential_ids(&credential.requires));
        }
        if !credential.requires_any.is_empty() {
            let groups: Vec<String> = credential
                .requires_any
                .iter()
                .map(|g| credential_ids(g))
                .collect();
            field(
                &mut out,
                "requires_any",
                &format!("[{}]", groups.join(", ")),
            );
        }
        if !credential.requires_skills.is_empty() {
            field(
                &mut out,
                "requires_skills",
                &levels(&credential.requires_skills),
            );
        }
        if !credential.parts.is_empty() {
            field(&mut out, "parts", &credential_ids(&credential.parts));
        }
        if let Some(years) = credential.valid_years {
            field(&mut out, "valid_years", &years.to_string());
        }
    }

    let requirements = |list: &[Requirement]| -> String {
        let pairs: Vec<String> = list
            .iter()
            .map(|q| {
                format!(
                    "{} = {{ level = {}, importance = {} }}",
                    key(skill_id(q.skill)),
                    q.level,
                    q.importance
                )
            })
            .collect();
        inline_table(&pairs)
    };
    for role in &catalog.roles {
        out.push_str("\n[[role]]\n");
        field(&mut out, "id", &quoted(&role.id));
        field(&mut out, "title", &quoted(&role.title));
        if !role.description.is_empty() {
            field(&mut out, "description", &quoted(&role.description));
        }
        field(&mut out, "requires", &requirements(&role.requires));
        if !role.optional.is_empty() {
            field(&mut out, "optional", &requirements(&role.optional));
        }
        if !role.codes.is_empty() {
            field(&mut out, "codes", &codes(&role.codes));
        }
    }
    out
}

fn field(out: &mut String, name: &str, value: &str) {
    let _ = writeln!(out, "{name} = {value}");
}

fn inline_table(pairs: &[String]) -> String {
    if pairs.is_empty() {
        "{}".into()
    } else {
        format!("{{ {} }}", pairs.join(", "))
    }
}

fn codes(codes: &[(String, String)]) -> String {
    let pairs: Vec<String> = codes
        .iter()
        .map(|(k, v)| format!("{} = {}", key(k), quoted(v)))
        .collect();
    inline_table(&pairs)
}

/// A key bare when TOML allows it, quoted otherwise.
fn key(name: &str) -> String {
    let bare = !name.is_empty()
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
    if bare { name.to_string() } else { quoted(name) }
}

/// A TOML basic string.
fn quoted(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if c.is_control() => {
                let _ = write!(out, "\\u{:04X}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A float as TOML writes it: Rust's shortest round-trip form, always with a fraction or
/// exponent so it stays a float.
fn number(value: f64) -> String {
    let text = value.to_string();
    if text.contains(['.', 'e', 'E']) || !value.is_finite() {
        text
    } else {
        format!("{text}.0")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::load::load_sources;
    use crate::catalog::source::SourceFile;
    use crate::catalog::synthetic::{Spec, generate};

    #[test]
    fn a_generated_catalog_loads_back_unchanged() {
        let catalog = generate(&Spec::sized(400, 4, 12, 3));
        let loaded = load_sources(&[SourceFile::new("generated.toml", to_toml(&catalog))]);
        let errors: Vec<String> = loaded.errors().map(|d| d.render(false)).collect();
        let back = loaded.catalog.unwrap_or_else(|| panic!("{errors:?}"));
        assert_eq!(back.skills, catalog.skills);
        assert_eq!(back.credentials, catalog.credentials);
        assert_eq!(back.roles, catalog.roles);
        assert_eq!(back.meta.name, catalog.meta.name);
    }

    #[test]
    fn strings_that_need_escaping_survive() {
        assert_eq!(quoted("a \"b\" \\ c\n"), r#""a \"b\" \\ c\n""#);
        assert_eq!(key("skill-1"), "skill-1");
        assert_eq!(key("o*net"), "\"o*net\"");
        assert_eq!(number(20.0), "20.0");
        assert_eq!(number(49.5), "49.5");
    }
}
