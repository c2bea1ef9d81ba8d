//! Beasley's OR-Library set-cover instances (`scp*.txt`) as catalogs: rows are skills needed
//! at level 1, columns are credentials granting the rows they cover, with the column cost as
//! hours, and one role asks for every row. The planner's benchmarks and tests use them for
//! instances with published optima.
//!
//! The format is whitespace-separated integers: the row and column counts, the cost of each
//! column, then for each row the number of columns covering it and those columns (1-based).

use crate::catalog::{Catalog, CatalogMeta, Credential, Requirement, Role, Skill};

#[derive(Debug, thiserror::Error, PartialEq)]
pub enum OrlibError {
    #[error("`{0}` is not a whole number")]
    NotANumber(String),
    #[error("the instance ends early")]
    EndsEarly,
    #[error("row {row} names column {column}, but there are {columns} columns")]
    NoSuchColumn {
        row: usize,
        column: usize,
        columns: usize,
    },
}

pub fn set_cover_catalog(text: &str) -> Result<Catalog, OrlibError> {
    let mut numbers = text.split_whitespace().map(|token| {
        token
            .parse::<usize>()
            .map_err(|_| OrlibError::NotANumber(token.to_string()))
    });
    let mut next = || numbers.next().unwrap_or(Err(OrlibError::EndsEarly));
    let (rows, columns) = (next()?, next()?);
    let costs = (0..columns)
        .map(|_| next())
        .collect::<Result<Vec<_>, _>>()?;
    let mut covers: Vec<Vec<(usize, u8)>> = vec![Vec::new(); columns];
    for row in 0..rows {
        for _ in 0..next()? {
            let column = next()?;
            let Some(cover) = column.checked_sub(1).and_then(|j| covers.get_mut(j)) else {
                return Err(OrlibError::NoSuchColumn {
                    row,
                    column,
                    columns,
                });
            };
            cover.push((row, 1));
        }
    }
    let skills = (0..rows)
        .map(|r| Skill::new(format!("row-{r}"), format!("Row {r}")))
        .collect();
    let credentials = covers
        .into_iter()
        .zip(costs)
        .enumerate()
        .map(|(j, (grants, cost))| Credential {
            id: format!("column-{j}"),
            title: format!("Column {j}"),
            provider: "OR-Library".into(),
            kind: Default::default(),
            hours: cost as f64,
            cost: 0.0,
            format: Default::default(),
            url: None,
            grants,
            requires: vec![],
            requires_any: vec![],
            requires_skills: vec![],
            parts: vec![],
            valid_years: None,
        })
        .collect();
    let role = Role {
        id: "cover".into(),
        title: "Cover every row".into(),
        description: String::new(),
        requires: (0..rows)
            .map(|skill| Requirement {
                skill,
                level: 1,
                importance: 1,
            })
            .collect(),
        optional: vec![],
        codes: vec![],
    };
    Ok(Catalog::new(
        CatalogMeta::default(),
        skills,
        credentials,
        vec![role],
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::{Person, PlanRequest, plan};

    /// Three rows, four columns: column 4 (cost 3) covers everything, columns 1 and 2 (cost 1
    /// each) cover rows 1-2 and 3 between them.
    const TINY: &str = "3 4\n1 1 5 3\n2 1 4\n2 1 4\n2 2 4\n";

    #[test]
    fn rows_become_a_role_and_columns_credentials_with_the_cost_as_hours() {
        let catalog = set_cover_catalog(TINY).unwrap();
        assert_eq!(catalog.skills.len(), 3);
        assert_eq!(catalog.credentials.len(), 4);
        assert_eq!(catalog.credentials[3].grants, vec![(0, 1), (1, 1), (2, 1)]);
        let best = plan(&catalog, &PlanRequest::new(0, Person::default())).unwrap();
        assert_eq!((best.value, best.optimal), (2.0, true));
    }

    #[test]
    fn a_malformed_instance_says_what_is_wrong() {
        assert_eq!(
            set_cover_catalog("3 4\n1 1").unwrap_err(),
            OrlibError::EndsEarly
        );
        assert_eq!(
            set_cover_catalog("1 1\n1\n1 x").unwrap_err(),
            OrlibError::NotANumber("x".into())
        );
        assert!(matches!(
            set_cover_catalog("1 1\n1\n1 2").unwrap_err(),
            OrlibError::NoSuchColumn { column: 2, .. }
        ));
    }
}
