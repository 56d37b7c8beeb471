//! `studyhall user add` and `studyhall user role`: accounts from the command line, for the
//! admin who runs the server, in the database the server made (a missing one is not created:
//! the first admin comes from the set-up link `studyhall serve` prints, or from `user add` once
//! the server has started once).
//!
//! A password is never an argument (it would stay in the shell's history and show in `ps`): on
//! a terminal it is asked twice without echo, otherwise it is read as one line from standard
//! input, so scripts can pipe it in.

use std::io::{BufRead, IsTerminal};

use anyhow::{Context, bail};

use crate::accounts::{Username, hash_password, validate_new_password};
use crate::cli::{DatabaseArgs, UserCommand};
use crate::store::Role;

use super::open_existing as open;

/// Runs `studyhall user ...`; what it did goes to standard output.
pub fn run(command: &UserCommand) -> anyhow::Result<()> {
    let done = match command {
        UserCommand::Add {
            name,
            role,
            database,
        } => add(name, *role, database)?,
        UserCommand::Role {
            name,
            role,
            database,
        } => change_role(name, *role, database)?,
    };
    println!("{done}");
    Ok(())
}

fn add(name: &str, role: Role, database: &DatabaseArgs) -> anyhow::Result<String> {
    let username = Username::parse(name).with_context(|| format!("cannot add {name:?}"))?;
    let store = open(database)?;
    // Said before the password is typed, not after.
    if store.user_by_name(username.as_str())?.is_some() {
        bail!(
            "the username {:?} is taken: choose another",
            username.as_str()
        );
    }
    let password = read_new_password(username.as_str())?;
    validate_new_password(&password).context("nothing was changed")?;
    let hash = hash_password(&password)?;
    store
        .add_user(username.as_str(), &hash, role, None)
        .wait()?;
    Ok(format!("added {} as {role}", username.as_str()))
}

fn change_role(name: &str, role: Role, database: &DatabaseArgs) -> anyhow::Result<String> {
    let store = open(database)?;
    let Some(user) = store.user_by_name(name.trim())? else {
        bail!(
            "there is no user {:?}: `studyhall user add` adds one",
            name.trim()
        );
    };
    let before = store.change_role(user.id, role, None).wait()??;
    Ok(if before == role {
        format!("{} is already {role}", user.username)
    } else {
        format!("{} is now {role} (was {before})", user.username)
    })
}

/// The new password: typed twice on a terminal, else one line of standard input.
fn read_new_password(username: &str) -> anyhow::Result<String> {
    if std::io::stdin().is_terminal() {
        let first = rpassword::prompt_password(format!("Password for {username}: "))?;
        let second = rpassword::prompt_password("Type it again: ")?;
        same_password(first, &second)
    } else {
        password_line(&mut std::io::stdin().lock())
    }
}

/// The password, if both typings agree.
fn same_password(first: String, second: &str) -> anyhow::Result<String> {
    if first != second {
        bail!("the two passwords differ; nothing was changed");
    }
    Ok(first)
}

/// One line of `input` without its line ending: the password, spaces and all.
fn password_line(input: &mut impl BufRead) -> anyhow::Result<String> {
    let mut line = String::new();
    input
        .read_line(&mut line)
        .context("could not read the password from standard input")?;
    let password = line.strip_suffix('\n').unwrap_or(&line);
    let password = password.strip_suffix('\r').unwrap_or(password);
    if password.is_empty() {
        bail!(
            "no password on standard input: type it on a terminal, or pipe one line, e.g. \
             echo 'a long password' | studyhall user add NAME"
        );
    }
    Ok(password.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_piped_password_is_the_first_line_without_its_ending() {
        let mut input = "  spaced out password \r\nsecond line\n".as_bytes();
        assert_eq!(password_line(&mut input).unwrap(), "  spaced out password ");
        let mut last = "no newline at the end".as_bytes();
        assert_eq!(password_line(&mut last).unwrap(), "no newline at the end");
    }

    #[test]
    fn an_empty_standard_input_is_refused_with_how_to_pipe_one() {
        for input in ["", "\n"] {
            let message = password_line(&mut input.as_bytes())
                .unwrap_err()
                .to_string();
            assert!(message.contains("echo '"), "{message}");
        }
    }

    #[test]
    fn two_typings_must_agree() {
        assert_eq!(same_password("abc".into(), "abc").unwrap(), "abc");
        let message = same_password("abc".into(), "abd").unwrap_err().to_string();
        assert!(message.contains("differ"), "{message}");
    }
}
