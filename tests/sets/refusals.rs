//! Bad uploads: each gets a clear error and changes nothing.

use crate::site::Site;
use crate::support::{
    COLD_WAR, Part, file_text, instructor, multipart, ownership, problems_under_lines,
};

#[test]
fn a_syntax_error_is_shown_at_its_line_and_column_right_under_that_line_and_nothing_changes() {
    let site = Site::start();
    let ada = instructor(&site, "ada");
    let broken = COLD_WAR.replace("title = \"The Cold War\"", "title = The Cold War");
    let page = ada.upload_file("cold-war.toml", broken.as_bytes());
    assert_eq!(page.status, 422, "{}", page.text());
    let text = page.text();
    assert!(text.contains("1 problem in cold-war.toml"), "{text}");
    let under = problems_under_lines(&page);
    assert_eq!(under.len(), 1, "{under:?}");
    assert_eq!(under[0].0, 3, "under line 3, the title's");
    assert!(
        under[0].1.starts_with("3:9 TOML syntax"),
        "{:?}",
        under[0].1
    );
    assert!(
        page.html.contains(r##"href="#problem-1""##),
        "the summary links to it"
    );
    assert!(
        page.html.contains("title = The Cold War\n"),
        "the text stays in the form to fix"
    );
    assert_eq!(ownership(&site, "cold-war"), None);
}

#[test]
fn every_problem_of_a_file_is_listed_under_its_own_line() {
    let site = Site::start();
    let ada = instructor(&site, "ada");
    let broken = COLD_WAR
        .replace("answer = true", "answer = \"yes\"")
        .replace("answer = \"Berlin\"", "answer = \"Bonn\"");
    let page = ada.upload_file("cold-war.toml", broken.as_bytes());
    assert_eq!(page.status, 422);
    let lines: Vec<usize> = problems_under_lines(&page)
        .iter()
        .map(|(line, _)| *line)
        .collect();
    assert_eq!(lines, [9, 22]);
}

#[test]
fn a_fixed_file_resubmitted_from_the_text_box_previews() {
    let site = Site::start();
    let ada = instructor(&site, "ada");
    let broken = COLD_WAR.replace("title = \"The Cold War\"", "title = The Cold War");
    let refused = ada.upload_file("cold-war.toml", broken.as_bytes());
    let form = refused.form("/teach/sets/preview");
    let preview = ada.submit_upload(&form, None, COLD_WAR);
    assert_eq!(preview.status, 200, "{}", preview.text());
}

#[test]
fn a_10_mb_upload_gets_the_413_page_and_changes_nothing() {
    let site = Site::start();
    let ada = instructor(&site, "ada");
    let mut huge = COLD_WAR.as_bytes().to_vec();
    huge.resize(10 * 1024 * 1024, b'#');
    let page = ada.upload_file("cold-war.toml", &huge);
    assert_eq!(page.status, 413, "{}", page.text());
    assert!(
        page.text().contains("too large (the limit is 1024 KB)"),
        "{}",
        page.text()
    );
    assert_eq!(ownership(&site, "cold-war"), None);
}

#[test]
fn a_binary_file_gets_a_clear_error_and_changes_nothing() {
    let site = Site::start();
    let ada = instructor(&site, "ada");
    let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\x01\0";
    let page = ada.upload_file("photo.png", png);
    assert_eq!(page.status, 422, "{}", page.text());
    let text = page.text();
    assert!(
        text.contains(
            "“photo.png” cannot be read as a set: the file is not UTF-8 text (byte 0x89)"
        ),
        "{text}"
    );
    assert!(text.contains("plain text (TOML, CSV or TSV)"), "{text}");
}

#[test]
fn a_csv_with_a_missing_required_column_is_told_the_line_and_column() {
    let site = Site::start();
    let ada = instructor(&site, "ada");
    let page = ada.upload_file("cold-war.csv", b"id,kind,answer\nc1,truefalse,true\n");
    assert_eq!(page.status, 422, "{}", page.text());
    let under = problems_under_lines(&page);
    assert_eq!(under.len(), 1, "{under:?}");
    assert_eq!(under[0].0, 1, "under the header");
    assert!(
        under[0]
            .1
            .starts_with("1:prompt there is no \"prompt\" column"),
        "{:?}",
        under[0].1
    );
    assert_eq!(ownership(&site, "cold-war"), None);
}

#[test]
fn an_upload_with_neither_file_nor_text_asks_for_one() {
    let site = Site::start();
    let ada = instructor(&site, "ada");
    let page = ada.paste("", "toml");
    assert_eq!(page.status, 422);
    assert!(
        page.text()
            .contains("Choose a set file, or paste the set in the box."),
        "{}",
        page.text()
    );
}

#[test]
fn publishing_a_file_with_errors_directly_is_refused_and_changes_nothing() {
    let site = Site::start();
    let ada = instructor(&site, "ada");
    let csrf = ada
        .get("/teach/sets/new")
        .form("/teach/sets/preview")
        .value("csrf_token")
        .unwrap()
        .to_string();
    let broken = COLD_WAR.replace("kind = \"choice\"", "kind = \"choise\"");
    let body = multipart(&[
        Part::Field("csrf_token", &csrf),
        Part::Field("format", "toml"),
        Part::Field("text", &broken),
    ]);
    let page = ada.post_multipart("/teach/sets/publish", body);
    assert_eq!(page.status, 422, "{}", page.text());
    assert!(
        page.text().contains("unknown kind \"choise\""),
        "{}",
        page.text()
    );
    assert_eq!(file_text(&site, "cold-war"), None);
}
