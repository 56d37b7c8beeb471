//! How domain values sit in columns: the database keys the rest of the program holds
//! ([`UserId`], [`CardRow`]) and the `ToSql`/`FromSql` conversions for study days and ids, so
//! queries bind and read domain types, never loose strings.

use std::fmt;

use rusqlite::types::{FromSql, FromSqlError, FromSqlResult, ToSql, ToSqlOutput, ValueRef};
use serde::{Deserialize, Serialize};

use crate::questions::{CardId, SetId};
use crate::scheduler::StudyDay;

/// A user's key in the database. Holding one does not prove the user exists: the store checks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct UserId(pub i64);

/// A card's key in the database (a card's [`CardId`] is unique only within its set). The web
/// layer carries it in answer forms; the store checks that it names a card.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct CardRow(pub i64);

macro_rules! integer_key {
    ($name:ident) => {
        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, "#{}", self.0)
            }
        }

        impl ToSql for $name {
            fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
                Ok(ToSqlOutput::from(self.0))
            }
        }

        impl FromSql for $name {
            fn column_result(value: ValueRef<'_>) -> FromSqlResult<Self> {
                i64::column_result(value).map($name)
            }
        }
    };
}

integer_key!(UserId);
integer_key!(CardRow);

impl ToSql for StudyDay {
    fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
        Ok(ToSqlOutput::from(self.to_string()))
    }
}

impl FromSql for StudyDay {
    fn column_result(value: ValueRef<'_>) -> FromSqlResult<Self> {
        value
            .as_str()?
            .parse()
            .map_err(|error: jiff::Error| FromSqlError::Other(Box::new(error)))
    }
}

impl ToSql for SetId {
    fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
        Ok(ToSqlOutput::from(self.as_str()))
    }
}

impl FromSql for SetId {
    fn column_result(value: ValueRef<'_>) -> FromSqlResult<Self> {
        SetId::parse(value.as_str()?).map_err(|error| FromSqlError::Other(Box::new(error)))
    }
}

impl ToSql for CardId {
    fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
        Ok(ToSqlOutput::from(self.as_str()))
    }
}

impl FromSql for CardId {
    fn column_result(value: ValueRef<'_>) -> FromSqlResult<Self> {
        CardId::parse(value.as_str()?).map_err(|error| FromSqlError::Other(Box::new(error)))
    }
}

/// Serializes a study day as `"YYYY-MM-DD"` (the scheduler keeps its types free of serde).
pub(super) fn serialize_day<S: serde::Serializer>(
    day: &StudyDay,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    serializer.collect_str(day)
}

/// As [`serialize_day`], for a day that may be missing (`null`).
pub(super) fn serialize_optional_day<S: serde::Serializer>(
    day: &Option<StudyDay>,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    match day {
        Some(day) => serializer.collect_str(day),
        None => serializer.serialize_none(),
    }
}
