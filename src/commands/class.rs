//! `studyhall class ...`: what the `/teach` class pages do, from the command line. Whoever runs
//! the command runs the server, so it acts with the admin's rights ([`Teacher::console`]) on
//! the database given with `--db`; a class is made for a named instructor.

use anyhow::{Context, bail};
use jiff::Timestamp;

use crate::cli::ClassCommand;
use crate::config::study_clock;
use crate::questions::SetId;
use crate::scheduler::StudyDay;
use crate::store::{
    Assignment, ClassDetail, ClassId, ClassName, ClassSummary, Store, Teacher, User, Visibility,
};

use super::open_existing as open;

/// Runs `studyhall class ...`; what it did, or what it found, goes to standard output.
pub fn run(command: &ClassCommand) -> anyhow::Result<()> {
    let console = Teacher::console();
    let done = match command {
        ClassCommand::Create {
            name,
            instructor,
            database,
        } => create(&open(database)?, name, instructor)?,
        ClassCommand::List { database } => class_table(&open(database)?.classes_taught(console)?),
        ClassCommand::Show { class, database } => show(&detail(&open(database)?, *class)?),
        ClassCommand::NewCode { class, database } => {
            let code = open(database)?
                .regenerate_join_code(console, ClassId(*class))
                .wait()?;
            format!(
                "class {class} has the join code {}: the old one no longer works",
                code.grouped()
            )
        }
        ClassCommand::Add {
            class,
            user,
            database,
        } => add(&open(database)?, *class, user)?,
        ClassCommand::Remove {
            class,
            user,
            database,
        } => remove(&open(database)?, *class, user)?,
        ClassCommand::Archive { class, database } => {
            open(database)?
                .set_class_archived(console, ClassId(*class), true)
                .wait()?;
            format!("archived class {class}")
        }
        ClassCommand::Restore { class, database } => {
            open(database)?
                .set_class_archived(console, ClassId(*class), false)
                .wait()?;
            format!("restored class {class}")
        }
        ClassCommand::Assign {
            class,
            set,
            daily_new_limit,
            exam_date,
            clock,
            database,
        } => {
            let today = study_clock(clock)?.study_day(Timestamp::now());
            let assignment = Assignment {
                daily_new_limit: *daily_new_limit,
                exam_day: exam_date
                    .as_deref()
                    .map(|text| exam_day(text, today))
                    .transpose()?,
            };
            let set = set_id(set)?;
            open(database)?
                .assign_set(console, ClassId(*class), &set, assignment)
                .wait()?;
            format!("assigned {set} to class {class}")
        }
        ClassCommand::Unassign {
            class,
            set,
            database,
        } => {
            let set = set_id(set)?;
            if !open(database)?
                .unassign_set(console, ClassId(*class), &set)
                .wait()?
            {
                bail!("the set {set} is not assigned to class {class}");
            }
            format!("took {set} off class {class}")
        }
        ClassCommand::Visibility {
            set,
            visibility,
            database,
        } => {
            let visibility: Visibility = visibility.parse()?;
            let set = set_id(set)?;
            open(database)?
                .set_visibility(console, &set, visibility)
                .wait()?;
            format!("{set} is now {visibility}")
        }
    };
    println!("{done}");
    Ok(())
}

fn create(store: &Store, name: &str, instructor: &str) -> anyhow::Result<String> {
    let name = ClassName::parse(name).context("nothing was created")?;
    let owner = user(store, instructor)?;
    let Some(teacher) = Teacher::of(&owner) else {
        bail!(
            "{instructor} is a student: make them an instructor first \
             (studyhall user role {instructor} instructor)"
        );
    };
    let class = store.create_class(teacher, &name).wait()?;
    Ok(format!(
        "created class {} \"{}\" for {instructor}: join code {}",
        class.id.0,
        class.name,
        class.join_code.grouped()
    ))
}

fn add(store: &Store, class: i64, username: &str) -> anyhow::Result<String> {
    let student = user(store, username)?;
    let found = detail(store, class)?;
    if found.summary.archived {
        bail!("class {class} is archived: restore it first (studyhall class restore {class})");
    }
    store
        .join_class(student.id, found.summary.join_code.as_str())
        .wait()?;
    Ok(format!(
        "{username} is in class {class} \"{}\"",
        found.summary.name
    ))
}

fn remove(store: &Store, class: i64, username: &str) -> anyhow::Result<String> {
    let student = user(store, username)?;
    if !store
        .remove_member(Teacher::console(), ClassId(class), student.id)
        .wait()?
    {
        bail!("{username} is not in class {class}");
    }
    Ok(format!("took {username} out of class {class}"))
}

fn user(store: &Store, username: &str) -> anyhow::Result<User> {
    store
        .user_by_name(username)?
        .with_context(|| format!("there is no user {username:?}"))
}

fn detail(store: &Store, class: i64) -> anyhow::Result<ClassDetail> {
    store
        .class_detail(Teacher::console(), ClassId(class))?
        .with_context(|| format!("there is no class {class}: see studyhall class list"))
}

fn set_id(text: &str) -> anyhow::Result<SetId> {
    SetId::parse(text).with_context(|| format!("{text:?} is not a set id"))
}

/// The exam date as given: a real day, `today` or later.
fn exam_day(text: &str, today: StudyDay) -> anyhow::Result<StudyDay> {
    let day: StudyDay = text
        .parse()
        .with_context(|| format!("{text:?} is not a date: write the exam date as 2026-06-12"))?;
    if day < today {
        bail!("the exam date {day} has passed: give today or a later day");
    }
    Ok(day)
}

/// The classes as a table, one per line under a header.
fn class_table(classes: &[ClassSummary]) -> String {
    if classes.is_empty() {
        return "no classes yet: studyhall class create NAME --instructor USER".to_string();
    }
    let mut table = format!(
        "{:>4}  {:<24}  {:<16}  {:<9}  {:>8}  {:>4}",
        "#", "name", "instructor", "code", "students", "sets"
    );
    for class in classes {
        let code = if class.archived {
            "archived".to_string()
        } else {
            class.join_code.grouped()
        };
        table.push_str(&format!(
            "\n{:>4}  {:<24}  {:<16}  {:<9}  {:>8}  {:>4}",
            class.id.0, class.name, class.owner_name, code, class.members, class.sets
        ));
    }
    table
}

/// A class with its students and sets, for `studyhall class show`.
fn show(class: &ClassDetail) -> String {
    let summary = &class.summary;
    let state = if summary.archived { " (archived)" } else { "" };
    let mut text = format!(
        "class {} \"{}\"{state}, taught by {}\njoin code: {}\nstudents ({}):",
        summary.id.0,
        summary.name,
        summary.owner_name,
        summary.join_code.grouped(),
        class.members.len()
    );
    for member in &class.members {
        text.push_str(&format!(" {}", member.username));
    }
    text.push_str(&format!("\nsets ({}):", class.sets.len()));
    for set in &class.sets {
        let limit = set
            .daily_new_limit
            .map_or("no class limit".to_string(), |n| format!("{n} new a day"));
        let exam = set
            .exam_day
            .map_or("no exam".to_string(), |day| format!("exam {day}"));
        text.push_str(&format!(
            "\n  {} ({}): {}, {limit}, {exam}",
            set.set, set.title, set.visibility
        ));
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::{JoinCode, UserId};

    fn summary(id: i64, name: &str, archived: bool) -> ClassSummary {
        ClassSummary {
            id: ClassId(id),
            name: name.into(),
            join_code: JoinCode::parse("K7MQ2X").unwrap(),
            archived,
            owner: UserId(1),
            owner_name: "ada".into(),
            members: 12,
            sets: 2,
        }
    }

    #[test]
    fn the_class_table_lines_up_and_marks_archived_classes() {
        let table = class_table(&[summary(3, "History 9B", false), summary(14, "Old", true)]);
        let lines: Vec<&str> = table.lines().collect();
        assert_eq!(lines.len(), 3);
        assert!(
            lines[1].contains("History 9B") && lines[1].contains("K7M-Q2X"),
            "{table}"
        );
        assert!(
            lines[2].contains("archived") && !lines[2].contains("K7M"),
            "{table}"
        );
        assert_eq!(
            lines[0].find("students"),
            lines[1].find("      12"),
            "{table}"
        );
        assert!(class_table(&[]).contains("class create"));
    }

    #[test]
    fn an_exam_date_must_be_a_date_not_yet_passed() {
        let today: StudyDay = "2026-12-03".parse().unwrap();
        assert!(exam_day("2026-12-03", today).is_ok());
        let message = exam_day("2026-12-02", today).unwrap_err().to_string();
        assert!(message.contains("has passed"), "{message}");
        let message = exam_day("12/06/2026", today).unwrap_err().to_string();
        assert!(message.contains("write the exam date as"), "{message}");
    }
}
