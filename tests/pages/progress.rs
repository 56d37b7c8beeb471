//! The progress page: the day's figures and the forecast chart.

use crate::html;
use crate::site::Site;

#[test]
fn the_progress_page_shows_the_days_reviews_the_stages_and_an_svg_forecast_chart() {
    let site = Site::start();
    let ada = site.student_with_limit("ada", 2);
    for answer in ["70", "Zzyzx"] {
        let form = ada.card().answer_form().fill("answer", answer);
        let verdict = ada.check(&form, &form.submit());
        let grade = verdict.grade_form();
        let (name, value, _) = grade.buttons[0].clone(); // Hard, or Continue after a miss
        assert_eq!(ada.submit(&grade, &grade.press(&name, &value)).status, 303);
    }

    let page = ada.get("/progress");
    assert_eq!(page.status, 200);
    let text = page.text();
    for expected in [
        "Reviews today 2",
        "Day streak 1 day",
        "Retention, last 30 days 50%",
        "of 84 cards",
    ] {
        assert!(text.contains(expected), "{expected:?} in {text}");
    }
    let (chart, inside) = page
        .element("svg", "class", "chart")
        .expect("the forecast chart");
    assert_eq!(chart.attr("role"), Some("img"));
    assert!(chart.attr("viewbox").is_some(), "{chart:?}");
    assert!(!html::tags(inside, "rect").is_empty(), "bars");
    assert!(
        inside.contains("<desc"),
        "the chart describes itself for screen readers"
    );
    let (_, table) = page
        .element("details", "class", "data")
        .expect("the chart as a table");
    assert!(html::text(table).contains("Reviews due"));
    let (nav, _) = page
        .element("a", "href", "/progress")
        .expect("the nav link");
    assert_eq!(nav.attr("aria-current"), Some("page"));

    let api: serde_json::Value =
        serde_json::from_str(&ada.get("/api/v1/me/progress").html).expect("JSON");
    assert_eq!(api["reviews_today"], 2, "the page and the API agree: {api}");
}
