//! A package's collection as plain data: its note types, decks, notes and which cards each
//! note has. The SQLite file is untrusted: it is opened in memory, read-only, with SQLite's
//! defences on, and only plain tables are read (a view could run any query it likes).
//! The schemas' own parts are in [`schema11`](super::schema11) and
//! [`schema18`](super::schema18).

use std::collections::HashMap;

use rusqlite::{Connection, MAIN_DB, OpenFlags};

use super::limits::{MOST_FIELD_BYTES, MOST_NOTES};
use super::{REEXPORT, schema11, schema18};
use crate::questions::rules::Problem;

/// A note type: its fields' names, its templates, and whether it is a cloze type.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct NoteType {
    pub name: String,
    pub cloze: bool,
    /// Anki's image occlusion type: a cloze over an image, nothing studyhall can show.
    pub image_occlusion: bool,
    pub fields: Vec<String>,
    pub templates: Vec<Template>,
}

/// One card template: the question and answer sides.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Template {
    pub question: String,
    pub answer: String,
}

/// A note and the templates (`ord`s) it has cards for.
#[derive(Debug, Clone, PartialEq)]
pub struct Note {
    pub guid: String,
    pub note_type: i64,
    pub tags: String,
    /// As Anki stores them: HTML.
    pub fields: Vec<String>,
    pub ords: Vec<u16>,
}

/// What the import reads of a collection.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Collection {
    pub note_types: HashMap<i64, NoteType>,
    /// The deck holding the most cards, as `Parent::Child`.
    pub main_deck: Option<String>,
    pub notes: Vec<Note>,
}

/// Reads the collection in `sqlite` (the file's bytes); `member` names it in messages.
pub fn read(sqlite: &[u8], member: &str) -> Result<Collection, Problem> {
    if !sqlite.starts_with(b"SQLite format 3\0") {
        return Err(Problem::new(
            format!("{member} in the package is not an SQLite database"),
            REEXPORT,
        ));
    }
    let corrupt = |error: rusqlite::Error| {
        Problem::new(
            format!("{member} in the package cannot be read ({error})"),
            REEXPORT,
        )
    };
    let connection = open(sqlite).map_err(corrupt)?;
    let tables = tables(&connection).map_err(corrupt)?;
    let has = |name: &str| tables.iter().any(|table| table == name);
    if !(has("col") && has("notes") && has("cards")) {
        return Err(Problem::new(
            format!("{member} in the package is not an Anki collection (no notes or cards table)"),
            REEXPORT,
        ));
    }
    let (note_types, deck_names) = if has("notetypes") {
        schema18::note_types_and_decks(&connection)
    } else {
        schema11::note_types_and_decks(&connection)
    }
    .map_err(|problem| Problem::new(format!("{member}: {}", problem.message), problem.fix))?;
    let (ords, deck_counts) = cards(&connection).map_err(corrupt)?;
    let notes = notes(&connection, ords).map_err(|error| match error {
        NotesError::Sql(error) => corrupt(error),
        NotesError::Problem(problem) => problem,
    })?;
    let main_deck = deck_counts
        .into_iter()
        .filter_map(|(deck, count)| Some((count, deck_names.get(&deck)?.clone())))
        .max_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)))
        .map(|(_, name)| name);
    Ok(Collection {
        note_types,
        main_deck,
        notes,
    })
}

fn open(sqlite: &[u8]) -> rusqlite::Result<Connection> {
    let mut connection = Connection::open_with_flags(
        ":memory:",
        OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )?;
    // Anki keeps its collection in WAL mode, which the header says in bytes 18 and 19; an
    // in-memory database cannot be in WAL mode, so the copy says "rollback journal" instead.
    let mut header = [0u8; 100];
    let header_length = sqlite.len().min(100);
    header[..header_length].copy_from_slice(&sqlite[..header_length]);
    if header_length == 100 && header[18] == 2 && header[19] == 2 {
        header[18] = 1;
        header[19] = 1;
    }
    let bytes = std::io::Read::chain(&header[..header_length], &sqlite[header_length..]);
    connection.deserialize_read_exact(MAIN_DB, bytes, sqlite.len(), true)?;
    // Anki's schema-18 tables compare names with its own case-insensitive collation; reading
    // them needs one by that name (Unicode case folding is close enough to sort with).
    connection.create_collation("unicase", |a: &str, b: &str| {
        a.to_lowercase().cmp(&b.to_lowercase())
    })?;
    connection.execute_batch(
        "PRAGMA query_only = ON; PRAGMA trusted_schema = OFF; PRAGMA cell_size_check = ON;",
    )?;
    Ok(connection)
}

fn tables(connection: &Connection) -> rusqlite::Result<Vec<String>> {
    let mut statement =
        connection.prepare("SELECT name FROM sqlite_master WHERE type = 'table'")?;
    statement
        .query_map([], |row| row.get::<_, String>(0))?
        .collect()
}

type Ords = HashMap<i64, Vec<u16>>;

/// Each note's card templates, and how many cards each deck holds.
fn cards(connection: &Connection) -> rusqlite::Result<(Ords, HashMap<i64, usize>)> {
    let mut statement = connection.prepare("SELECT nid, ord, did FROM cards ORDER BY nid, ord")?;
    let mut rows = statement.query([])?;
    let mut ords: Ords = HashMap::new();
    let mut decks: HashMap<i64, usize> = HashMap::new();
    while let Some(row) = rows.next()? {
        let ord: i64 = row.get(1)?;
        let Ok(ord) = u16::try_from(ord) else {
            continue;
        };
        let note_ords = ords.entry(row.get(0)?).or_default();
        if !note_ords.contains(&ord) {
            note_ords.push(ord);
        }
        *decks.entry(row.get(2)?).or_default() += 1;
    }
    Ok((ords, decks))
}

enum NotesError {
    Sql(rusqlite::Error),
    Problem(Problem),
}

impl From<rusqlite::Error> for NotesError {
    fn from(error: rusqlite::Error) -> Self {
        NotesError::Sql(error)
    }
}

/// The notes that have cards, in the order they were added.
fn notes(connection: &Connection, mut ords: Ords) -> Result<Vec<Note>, NotesError> {
    let mut statement =
        connection.prepare("SELECT id, guid, mid, tags, flds FROM notes ORDER BY id")?;
    let mut rows = statement.query([])?;
    let mut notes = Vec::new();
    while let Some(row) = rows.next()? {
        let Some(note_ords) = ords.remove(&row.get::<_, i64>(0)?) else {
            continue;
        };
        if notes.len() == MOST_NOTES {
            return Err(NotesError::Problem(Problem::new(
                format!("the package holds more than {MOST_NOTES} notes"),
                "export the deck in parts (one subdeck at a time)",
            )));
        }
        let guid: String = row.get(1)?;
        let fields: Vec<String> = row
            .get::<_, String>(4)?
            .split('\u{1f}')
            .map(str::to_string)
            .collect();
        if let Some(long) = fields.iter().find(|field| field.len() > MOST_FIELD_BYTES) {
            return Err(NotesError::Problem(Problem::new(
                format!(
                    "a field of note {guid:?} is {} kB long; studyhall reads fields up to {} kB",
                    long.len() / 1024,
                    MOST_FIELD_BYTES / 1024
                ),
                "shorten that field in Anki (search for the note by its text), then export again",
            )));
        }
        notes.push(Note {
            guid,
            note_type: row.get(2)?,
            tags: row.get(3)?,
            fields,
            ords: note_ords,
        });
    }
    Ok(notes)
}
