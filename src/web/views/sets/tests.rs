//! The question-set views: cards as students see them, diffs and numbered listings.

use super::*;
use crate::questions::CardId;
use crate::questions::folder::BUILT_IN_SET;
use crate::questions::parse::parse_set;

fn problem(line: usize, anchor: &str) -> ProblemRow {
    ProblemRow {
        anchor: anchor.into(),
        line,
        place: format!("{line}:1"),
        message: "wrong".into(),
        fix: "fix it".into(),
    }
}

#[test]
fn a_choice_card_shows_its_options_with_the_right_one_marked() {
    let set = parse_set(BUILT_IN_SET).unwrap();
    let card = set
        .cards
        .iter()
        .find(|card| card.kind.name() == "choice")
        .unwrap();
    let preview = card_preview(card);
    assert_eq!(preview.kind, "One choice");
    let right: Vec<&str> = preview
        .choices
        .iter()
        .filter(|c| c.right)
        .map(|c| c.text.as_str())
        .collect();
    assert_eq!(right, [card.kind.expected_text().as_str()]);
}

#[test]
fn a_truefalse_card_shows_true_and_false_and_a_text_card_its_other_answers() {
    let card = |kind| Card {
        id: CardId::parse("c").unwrap(),
        prompt: "Q?".into(),
        kind,
        tags: vec![],
        explanation: None,
        source: None,
    };
    let truth = card_preview(&card(CardKind::TrueFalse { answer: false }));
    assert_eq!(
        truth.choices,
        [
            ChoicePreview {
                text: "True".into(),
                right: false
            },
            ChoicePreview {
                text: "False".into(),
                right: true
            }
        ]
    );
    let text = card_preview(&card(CardKind::Text {
        answer: "Inchon".into(),
        accept: vec!["Incheon".into()],
    }));
    assert_eq!(
        (text.answer.as_str(), text.accept.clone()),
        ("Inchon", vec!["Incheon".to_string()])
    );
}

#[test]
fn a_new_set_has_no_diff_and_an_unchanged_one_says_so() {
    let ids = |texts: &[&str]| {
        texts
            .iter()
            .map(|t| CardId::parse(t).unwrap())
            .collect::<Vec<_>>()
    };
    let mut report = ImportReport {
        set: crate::questions::SetId::parse("s").unwrap(),
        created: true,
        added: ids(&["a"]),
        restored: vec![],
        changed: vec![],
        unchanged: 0,
        retired: vec![],
    };
    assert_eq!(diff_view(&report), None);
    report.created = false;
    report.added.clear();
    report.unchanged = 3;
    assert!(diff_view(&report).unwrap().nothing);
    report.retired = ids(&["b"]);
    let diff = diff_view(&report).unwrap();
    assert_eq!((diff.retired, diff.nothing), (vec!["b".to_string()], false));
}

#[test]
fn each_problem_is_listed_under_its_line() {
    let lines = listing(
        "one\ntwo\r\nthree\n",
        &[
            problem(2, "problem-1"),
            problem(2, "problem-2"),
            problem(3, "problem-3"),
        ],
    );
    let numbers: Vec<(usize, &str, usize)> = lines
        .iter()
        .map(|l| (l.number, l.text.as_str(), l.problems.len()))
        .collect();
    assert_eq!(numbers, [(1, "one", 0), (2, "two", 2), (3, "three", 1)]);
}

#[test]
fn a_problem_past_the_end_goes_with_the_last_line_and_an_empty_file_has_one_line() {
    let lines = listing("", &[problem(1, "problem-1")]);
    assert_eq!(lines.len(), 1);
    assert_eq!(lines[0].problems.len(), 1);
    let lines = listing("a\nb", &[problem(9, "problem-1")]);
    assert_eq!(lines[1].problems.len(), 1);
}

mod pages {
    //! The question-set templates rendered with sample views: problems under their lines,
    //! every POST form with its CSRF token and multipart encoding, and text escaped.

    use super::super::*;
    use crate::web::templates::Templates;
    use crate::web::views::Section;

    fn layout() -> LayoutView {
        LayoutView::signed_in("Sets", "ada", "csrf-123", Section::Teach).with_role("instructor")
    }

    fn render<T: Serialize>(name: &str, view: &T) -> String {
        Templates::new().unwrap().render(name, view).unwrap()
    }

    fn form(text: &str) -> SetFormFields {
        SetFormFields {
            format: "toml".into(),
            text: text.into(),
            ..SetFormFields::default()
        }
    }

    fn assert_forms_are_safe(html: &str) {
        let posts = html.matches(r#"method="post""#).count() - 1; // sign out, in the layout
        assert_eq!(
            html.matches(r#"name="csrf_token" value="csrf-123""#)
                .count()
                - 1,
            posts,
            "{html}"
        );
        assert_eq!(
            html.matches(r#"enctype="multipart/form-data""#).count(),
            html.matches("/teach/sets/p").count()
        );
    }

    #[test]
    fn a_refused_upload_shows_each_problem_under_its_line_linked_from_the_summary() {
        let text = "[set]\nid = <script>\n";
        let problem = ProblemRow {
            anchor: "problem-1".into(),
            line: 2,
            place: "2:6".into(),
            message: "TOML syntax: invalid string".into(),
            fix: "put the text in double quotes".into(),
        };
        let view = SetUploadView {
            layout: layout(),
            heading: "Upload a question set".into(),
            form: form(text),
            form_errors: vec![],
            problems: vec![problem.clone()],
            listing: listing(text, &[problem]),
            max_kb: 1024,
        };
        let html = render("teach_set_upload.html", &view);
        assert!(
            html.contains(
                r##"<a href="#problem-1"><code>2:6</code></a> TOML syntax: invalid string"##
            ),
            "{html}"
        );
        let line = html.find(r#"id="line-2""#).unwrap();
        let note = html.find(r#"id="problem-1""#).unwrap();
        let next = html.find(r#"id="line-3""#).unwrap_or(html.len());
        assert!(
            line < note && note < next,
            "the problem sits right under its line"
        );
        assert!(
            html.contains("id = &lt;script&gt;") && !html.contains("<script>\n"),
            "the file is escaped"
        );
        assert!(
            html.contains("</textarea>")
                && html.contains("[set]\nid = &lt;script&gt;\n</textarea>"),
            "the text stays in the form"
        );
        assert_forms_are_safe(&html);
    }

    #[test]
    fn the_preview_posts_the_same_text_hidden_and_shows_the_diff() {
        let view = SetPreviewView {
            layout: layout(),
            set_id: "cold-war".into(),
            title: "Cold War".into(),
            description: None,
            cards: vec![],
            diff: Some(DiffView {
                added: vec!["c9".into()],
                changed: vec![],
                restored: vec![],
                retired: vec!["c2".into()],
                unchanged: 4,
                nothing: false,
            }),
            form: form("title = \"A \\\"quoted\\\" one\"\n"),
            visibility: "restricted".into(),
            not_imported: vec!["media not imported: <map>.jpg".into()],
        };
        let html = render("teach_set_preview.html", &view);
        assert!(
            html.contains(r#"name="text" value="title = &quot;A \&quot;quoted\&quot; one&quot;"#),
            "{html}"
        );
        assert!(
            html.contains("<dt>Retired</dt><dd>1 <span class=\"diff-ids\">c2</span>"),
            "{html}"
        );
        assert!(
            !html.contains(r#"name="visibility""#),
            "an existing set keeps its visibility"
        );
        assert!(
            html.contains("<li>media not imported: &lt;map&gt;.jpg</li>"),
            "what was not imported is listed, escaped: {html}"
        );
        assert_forms_are_safe(&html);
    }

    #[test]
    fn the_set_page_links_its_file_analysis_and_editing_and_posts_visibility_with_a_way_back() {
        let view = SetPageView {
            layout: layout(),
            set_id: "cold-war".into(),
            title: "Cold War".into(),
            description: Some("1947–1991".into()),
            source: None,
            cards: vec![],
            owner: "ada".into(),
            visibility: "restricted".into(),
            updated: "2025-03-03 14:05 UTC".into(),
            published: true,
            csv_download: true,
            form: SetFormFields {
                replaces: "cold-war".into(),
                ..form("")
            },
            max_kb: 1024,
        };
        let html = render("teach_set.html", &view);
        for link in [
            "/teach/sets/cold-war/file",
            "/teach/sets/cold-war/file?format=csv",
            "/teach/sets/cold-war/analysis",
            "/teach/sets/new?from=cold-war",
        ] {
            assert!(html.contains(&format!("href=\"{link}\"")), "{link}");
        }
        assert!(html.contains(r#"action="/teach/sets/cold-war/visibility""#));
        assert!(html.contains(r#"name="back" value="/teach/sets/cold-war""#));
        assert!(html.contains("Published."));
        assert!(!html.contains("<textarea"), "a new version is a file here");
        assert_forms_are_safe(&html);
    }
}
