//! From another tool's file to a set: read it with its format's reader, name and title the
//! set, and keep it as the TOML file the set format writes (what lists what was left out as
//! comments at its top). `studyhall check`/`import` and the browser upload share this.

use super::{Diagnostic, Format, Imported, QuizletOptions, aiken, anki_text, apkg, gift, quizlet};
use crate::questions::encoding::decode;
use crate::questions::model::{QuestionSet, SetId};
use crate::questions::parse::{comment, parse_set, to_toml};
use crate::questions::rules::{Problem, slug};

/// The largest file read (an Anki deck with its media can be large; the media are not kept).
pub const MOST_FILE_BYTES: usize = 100 << 20;

/// A converted file: the set, the TOML kept as its file, and what was not imported.
#[derive(Debug, Clone, PartialEq)]
pub struct Converted {
    pub set: QuestionSet,
    pub file_text: String,
    pub notes: Vec<String>,
}

/// Why a file could not be converted: problems at lines and columns (text formats), or one
/// about the whole file (a package, a set id).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ConvertError {
    Located(Vec<Diagnostic>),
    Whole(Problem),
}

/// The set's id and title when the file holds none: `--set`/`--title` (or the form's fields),
/// else the deck's title, else the file's stem.
#[derive(Debug, Clone, Copy, Default)]
pub struct Naming<'a> {
    pub set: Option<&'a str>,
    pub title: Option<&'a str>,
    pub stem: &'a str,
}

/// Reads `bytes` as `format` (one of the formats with a reader here: not TOML or a
/// spreadsheet) into a set named by `naming`.
pub fn convert(
    format: Format,
    bytes: &[u8],
    naming: Naming<'_>,
    quizlet_options: &QuizletOptions,
) -> Result<Converted, ConvertError> {
    let id = set_id(naming)?;
    let imported = match format {
        Format::Apkg => apkg::read(bytes).map_err(ConvertError::Whole)?,
        _ => {
            let text = decode(bytes.to_vec()).map_err(|not_utf8| {
                let problem = not_utf8.problem();
                ConvertError::Located(vec![Diagnostic {
                    line: not_utf8.line,
                    column: not_utf8.column,
                    message: problem.message,
                    fix: problem.fix,
                }])
            })?;
            let text = text.replace("\r\n", "\n");
            read_text(format, &text, quizlet_options).map_err(ConvertError::Located)?
        }
    };
    let Imported {
        title,
        description,
        source,
        cards,
        notes,
    } = imported;
    if cards.is_empty() {
        return Err(ConvertError::Whole(Problem::new(
            format!(
                "the file has no card studyhall can use as {}",
                format.name()
            ),
            "check that the file is what --format says, and that it holds questions",
        )));
    }
    let title = naming
        .title
        .map(str::trim)
        .filter(|title| !title.is_empty())
        .map(str::to_string)
        .or(title)
        .unwrap_or_else(|| naming.stem.to_string());
    let set = QuestionSet {
        id,
        title,
        description,
        source,
        cards,
    };
    let file_text = with_notes(&to_toml(&set), &notes);
    // The kept file must check as any set file does; a reader's slip is caught here, not by
    // a student.
    let set = parse_set(&file_text).map_err(|problems| {
        let (message, fix) = problems
            .into_iter()
            .next()
            .map_or_else(Default::default, |first| (first.message, first.fix));
        ConvertError::Whole(Problem::new(
            format!("the cards read from the file do not make a valid set: {message}"),
            fix,
        ))
    })?;
    Ok(Converted {
        set,
        file_text,
        notes,
    })
}

/// The title a text file gives its set (a GIFT file studyhall wrote keeps one), if it reads.
pub fn own_title(format: Format, text: &str, quizlet_options: &QuizletOptions) -> Option<String> {
    read_text(format, text, quizlet_options).ok()?.title
}

fn read_text(
    format: Format,
    text: &str,
    quizlet_options: &QuizletOptions,
) -> Result<Imported, Vec<Diagnostic>> {
    match format {
        Format::Gift => gift::read(text),
        Format::Aiken => aiken::read(text),
        Format::Quizlet => quizlet::read(text, quizlet_options),
        Format::AnkiText => anki_text::read(text),
        // Read by the set format's own readers, or above as a package: never converted here.
        Format::Toml | Format::Csv | Format::Tsv | Format::Apkg => Err(vec![Diagnostic {
            line: 1,
            column: 1,
            message: format!("{} is not read as another tool's text file", format.name()),
            fix: "give --format gift, aiken, quizlet or anki-text".into(),
        }]),
    }
}

/// `--set`, else the file's stem made an id ("Korean War 1950" gives "korean-war-1950").
fn set_id(naming: Naming<'_>) -> Result<SetId, ConvertError> {
    let given = naming.set.map(str::trim).filter(|set| !set.is_empty());
    let written = given.map_or_else(|| slug(naming.stem), str::to_string);
    SetId::parse(&written).map_err(|error| {
        let fix = match given {
            Some(_) => format!("use a-z, 0-9 and '-', e.g. {:?}", slug(&written)),
            None => "name the set with --set ID (a-z, 0-9 and '-')".to_string(),
        };
        ConvertError::Whole(Problem::new(
            format!("{written:?} cannot be the set id: {error}"),
            fix,
        ))
    })
}

const NOT_IMPORTED: &str = "# Not imported:";

/// What a converted file's header says was not imported (empty for any other file).
pub fn notes_in(file_text: &str) -> Vec<String> {
    let mut lines = file_text.lines();
    if lines.next() != Some(NOT_IMPORTED) {
        return Vec::new();
    }
    lines
        .map_while(|line| line.strip_prefix("# - "))
        .map(str::to_string)
        .collect()
}

/// The TOML with what was not imported as comments at its top.
fn with_notes(toml: &str, notes: &[String]) -> String {
    if notes.is_empty() {
        return toml.to_string();
    }
    let mut file = format!("{NOT_IMPORTED}\n");
    for note in notes {
        file.push_str(&comment(&format!("- {note}")));
    }
    file.push('\n');
    file.push_str(toml);
    file
}

/// The format of a `.txt` file (or pasted text), guessed from its content: Anki's text export
/// has `#separator:` or `#html:` headers; Aiken has `ANSWER:` lines; GIFT has `{…}` answer
/// blocks; Quizlet has a tab on each row. `None` when nothing fits.
pub fn detect(text: &str) -> Option<Format> {
    let lines = || text.lines().map(str::trim).filter(|line| !line.is_empty());
    lines().next()?;
    if lines()
        .take_while(|line| line.starts_with('#'))
        .any(|line| {
            [
                "#separator:",
                "#html:",
                "#tags column:",
                "#notetype",
                "#deck",
                "#columns:",
            ]
            .iter()
            .any(|header| line.starts_with(header))
        })
    {
        return Some(Format::AnkiText);
    }
    // The Aiken reader's own reading of an answer line (any case: "Answer: B").
    if lines().any(|line| aiken::answer_line(line).is_some_and(|letter| letter.len() == 1)) {
        return Some(Format::Aiken);
    }
    let answer_block = text.contains('{') && text.contains('}');
    if lines().any(|line| line.starts_with("::") || line.starts_with("$CATEGORY:"))
        || answer_block && !lines().all(|line| line.contains('\t'))
    {
        return Some(Format::Gift);
    }
    if lines().all(|line| line.contains('\t')) {
        return Some(Format::Quizlet);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detection_tells_the_text_formats_apart() {
        assert_eq!(
            detect("#separator:tab\n#html:false\nfront\tback\n"),
            Some(Format::AnkiText)
        );
        assert_eq!(
            detect("Who led North Korea?\nA. Kim Il Sung\nB. Rhee\nANSWER: A\n"),
            Some(Format::Aiken)
        );
        assert_eq!(
            detect("Who led North Korea?\nA) Kim Il Sung\nB) Rhee\nAnswer: A\n"),
            Some(Format::Aiken)
        );
        assert_eq!(
            detect("::kim:: Who led North Korea? {=Kim Il Sung ~Rhee}\n"),
            Some(Format::Gift)
        );
        assert_eq!(
            detect("Who led the North? {=Kim ~Rhee}\n"),
            Some(Format::Gift)
        );
        assert_eq!(
            detect("Kim Il Sung\tleader of North Korea\nInchon\tport of the landing\n"),
            Some(Format::Quizlet)
        );
        assert_eq!(detect("just some prose\nand more\n"), None);
        assert_eq!(detect(" \n"), None);
    }

    #[test]
    fn notes_are_comments_above_the_set() {
        let file = with_notes("[set]\n", &["line 3: essay\nskipped".into()]);
        assert_eq!(
            file,
            "# Not imported:\n# - line 3: essay skipped\n\n[set]\n"
        );
    }

    #[test]
    fn a_stem_that_is_not_an_id_is_made_one_and_a_bad_set_is_refused() {
        let naming = Naming {
            stem: "Korean War 1950",
            ..Naming::default()
        };
        assert_eq!(set_id(naming).unwrap().as_str(), "korean-war-1950");
        let bad = Naming {
            set: Some("Bad Id"),
            stem: "x",
            ..Naming::default()
        };
        let ConvertError::Whole(problem) = set_id(bad).unwrap_err() else {
            panic!("a whole-file problem")
        };
        assert!(problem.fix.contains("bad-id"), "{problem:?}");
    }
}
