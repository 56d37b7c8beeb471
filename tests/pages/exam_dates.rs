//! The exam day a class gives a set, as its students are told it: on the home page, per set,
//! and in the study bar above every card and verdict ("Exam in 12 days", "Exam tomorrow",
//! "Exam today"). Students outside the class are told nothing.

use studyhall::questions::SetId;
use studyhall::scheduler::StudyDay;
use studyhall::store::{Assignment, ClassId, ClassName, Role, Teacher};

use crate::common::{ESSAY_SET, today};
use crate::site::{Page, Site, Visitor, study_path};

/// A class of the instructor "tess", with the essay set assigned for an exam on `exam`, that
/// `student` joined. Returns the class, to move its exam day.
fn class_with_exam(site: &Site, student: &str, exam: StudyDay) -> (Teacher, ClassId) {
    let store = &site.app.store;
    store
        .create_user("tess", "$argon2id$not-used", Role::Instructor)
        .wait()
        .expect("the instructor is added");
    let tess = store.user_by_name("tess").expect("a read").expect("tess");
    let teacher = Teacher::of(&tess).expect("an instructor teaches");
    let name = ClassName::parse("History 9B").expect("a class name");
    let class = store
        .create_class(teacher, &name)
        .wait()
        .expect("the class is made");
    set_exam(site, teacher, class.id, exam);
    let user = site.app.user_id(student);
    store
        .join_class(user, class.join_code.as_str())
        .wait()
        .expect("the student joins");
    (teacher, class.id)
}

fn set_exam(site: &Site, teacher: Teacher, class: ClassId, exam: StudyDay) {
    let assignment = Assignment {
        daily_new_limit: None,
        exam_day: Some(exam),
    };
    let set = SetId::parse(ESSAY_SET).expect("a set id");
    site.app
        .store
        .assign_set(teacher, class, &set, assignment)
        .wait()
        .expect("the set is assigned");
}

/// The first `<time>` element on `page`: its `datetime` and its text.
#[track_caller]
fn exam_time(page: &Page) -> (String, String) {
    let tag = crate::html::tags(&page.html, "time").into_iter().next();
    let tag = tag.unwrap_or_else(|| panic!("no <time> on the page: {}", page.text()));
    let inside = crate::html::inner(&page.html, &tag);
    let datetime = tag.attr("datetime").unwrap_or_default().to_string();
    (datetime, crate::html::text(inside))
}

/// Whether `text` is a day as every page writes it: "17 Dec 2026" (one or two digits, a
/// three-letter month, four digits), not "2026-12-17" nor "Thursday 17 December 2026".
fn is_day_as_pages_write_it(text: &str) -> bool {
    let parts: Vec<&str> = text.split(' ').collect();
    matches!(parts.as_slice(), [day, month, year]
        if (1..=2).contains(&day.len()) && day.chars().all(|c| c.is_ascii_digit())
            && month.len() == 3 && month.chars().all(|c| c.is_ascii_alphabetic())
            && year.len() == 4 && year.chars().all(|c| c.is_ascii_digit()))
}

/// The verdict page of the card shown, answered "Stalin" (following a redirect to it, if the
/// answer is answered with one).
fn verdict(student: &Visitor) -> Page {
    let form = student.card().answer_form().fill("answer", "Stalin");
    let answered = student.submit(&form, &form.submit());
    match answered.status {
        303 => student.follow(&answered),
        _ => answered,
    }
}

#[test]
fn the_home_page_and_the_study_bar_count_down_to_the_exam_a_class_gives_the_set() {
    let site = Site::start();
    let sam = site.student("sam");
    let kim = site.student("kim");
    let exam = today().plus_days(12);
    let (teacher, class) = class_with_exam(&site, "sam", exam);

    let home = sam.get("/");
    assert!(
        home.text().contains("Exam in 12 days"),
        "the set's panel: {}",
        home.text()
    );
    assert_eq!(
        exam_time(&home),
        (exam.to_string(), "Exam in 12 days".to_string())
    );
    let (time, _) = home.element("time", "datetime", &exam.to_string()).unwrap();
    let title = time.attr("title").unwrap_or_default();
    assert!(
        is_day_as_pages_write_it(title),
        "the exam day in the one format for days: {title:?}"
    );
    let (progress, _) = home
        .element("a", "href", &format!("/progress?set={ESSAY_SET}"))
        .expect("the set's panel links to its progress");
    assert_eq!(
        progress.attr("aria-describedby"),
        Some(format!("set-{ESSAY_SET}").as_str())
    );

    let card = sam.card();
    let (_, bar) = card
        .element("div", "class", "study-bar")
        .expect("the study bar");
    assert!(
        crate::html::text(bar).contains("Exam in 12 days"),
        "{}",
        crate::html::text(bar)
    );
    let verdict = verdict(&sam);
    let (_, bar) = verdict
        .element("div", "class", "study-bar")
        .expect("the study bar above the verdict");
    assert!(
        crate::html::text(bar).contains("Exam in 12 days"),
        "{}",
        verdict.text()
    );

    for (exam, words) in [
        (today().plus_days(1), "Exam tomorrow"),
        (today(), "Exam today"),
    ] {
        set_exam(&site, teacher, class, exam);
        assert!(sam.get("/").text().contains(words), "{words}");
        let (_, bar) = sam
            .get(&study_path())
            .element("div", "class", "study-bar")
            .map(|(tag, inside)| (tag, crate::html::text(inside)))
            .expect("the study bar");
        assert!(bar.contains(words), "{words}: {bar}");
    }

    for page in [kim.get("/"), kim.card()] {
        assert!(
            !page.text().contains("Exam"),
            "kim is in no class: {}",
            page.text()
        );
    }
}
