//! A class's dashboard (one row per student, sortable, with the falling-behind flag, and
//! mastery per tag) and the page about one student of it.

use actix_web::{HttpResponse, web};
use serde::Deserialize;

use crate::scheduler::StudyDay;
use crate::store::{
    ClassFigures, ClassHeader, ClassId, LogEntry, LogPage, LogScope, StoreError, StudyFigures,
    TagFigures, UserId,
};
use crate::web::blocking;
use crate::web::error::{AppError, PageError};
use crate::web::pages::{Visitor, layout, render};
use crate::web::state::AppState;
use crate::web::views::{
    ClassDashboardView, ClassLine, HistoryRow, INACTIVE_DAYS, OVERDUE_LIMIT, Pager, Section,
    SetProgressRow, SortKey, StudentReportView, StudentRow, TagRow, days_ago_label, descending,
    falling_behind, instant_label, percent, sort_headers, sort_students,
};

use super::access::class_for;

/// Reviews per page of a student's history: a page that fits a screen or two, not one long
/// scroll.
const HISTORY_PAGE: u32 = 20;

#[derive(Debug, Deserialize)]
pub struct SortQuery {
    sort: Option<String>,
    dir: Option<String>,
}

#[derive(Debug, Deserialize)]
pub struct PageQuery {
    page: Option<u32>,
}

/// `GET /teach/classes/{id}/dashboard`
pub async fn dashboard(
    state: web::Data<AppState>,
    visitor: Visitor,
    path: web::Path<String>,
    query: web::Query<SortQuery>,
) -> Result<HttpResponse, PageError> {
    visitor.require_teacher()?;
    let class = class_for(&state, &visitor, &path).await?;
    let (store, id, today) = (state.store.clone(), class.id, state.today());
    let (figures, tags) = blocking(move || {
        Ok::<_, StoreError>((
            store.class_figures(id, None, today)?,
            store.class_tag_figures(id, None, today)?,
        ))
    })
    .await?;
    let sort = (
        SortKey::parse(query.sort.as_deref()),
        descending(query.dir.as_deref()),
    );
    let page = layout(&visitor, &class.name, Section::Teach);
    let view = dashboard_view(page, &class, &figures, &tags, today, sort);
    render(&state, "class_dashboard.html", &view)
}

/// `GET /teach/classes/{id}/students/{user_id}`
pub async fn student(
    state: web::Data<AppState>,
    visitor: Visitor,
    path: web::Path<(String, String)>,
    query: web::Query<PageQuery>,
) -> Result<HttpResponse, PageError> {
    visitor.require_teacher()?;
    let (class_id, user_id) = path.into_inner();
    let class = class_for(&state, &visitor, &class_id).await?;
    let not_member =
        || AppError::NotFound(format!("There is no student {user_id} in {}.", class.name));
    let user = UserId(user_id.parse().map_err(|_| not_member())?);
    let (store, id, today) = (state.store.clone(), class.id, state.today());
    let page = query.page.unwrap_or(1).max(1);
    let (figures, tags, total, history) =
        blocking(move || student_figures(&store, id, user, today, page)).await?;
    let student = figures.students.first().ok_or_else(not_member)?;
    let view = StudentReportView {
        layout: layout(&visitor, &student.username, Section::Teach),
        class: class_line(&class),
        username: student.username.clone(),
        sets: set_rows(&figures),
        tags: tag_rows(&tags, 1),
        history: history.iter().map(history_row).collect(),
        reviews: total,
        pager: Pager::new(page, HISTORY_PAGE, total),
    };
    render(&state, "class_student.html", &view)
}

/// The dashboard from the class's figures, the students sorted by `sort` (column, descending).
fn dashboard_view(
    layout: crate::web::views::LayoutView,
    class: &ClassHeader,
    figures: &ClassFigures,
    tags: &[TagFigures],
    today: StudyDay,
    (key, descending): (SortKey, bool),
) -> ClassDashboardView {
    let mut students: Vec<StudentRow> = figures
        .students
        .iter()
        .map(|student| student_row(student.user, &student.username, &student.total(), today))
        .collect();
    sort_students(&mut students, key, descending);
    ClassDashboardView {
        layout,
        class: class_line(class),
        sets: figures
            .sets
            .iter()
            .map(|set| (set.id.to_string(), set.title.clone()))
            .collect(),
        headers: sort_headers(key, descending),
        behind: students.iter().filter(|row| !row.behind.is_empty()).count(),
        students,
        rule: format!(
            "{OVERDUE_LIMIT} or more cards overdue, or cards due and no review for {INACTIVE_DAYS} days or more"
        ),
        tags: tag_rows(
            tags,
            u32::try_from(figures.students.len()).unwrap_or(u32::MAX),
        ),
    }
}

type StudentFigures = (ClassFigures, Vec<TagFigures>, u32, Vec<LogEntry>);

/// One member's figures, tags and one page of their history (empty figures: not a member).
fn student_figures(
    store: &crate::store::Store,
    class: ClassId,
    user: UserId,
    today: StudyDay,
    page: u32,
) -> Result<StudentFigures, StoreError> {
    let figures = store.class_figures(class, Some(user), today)?;
    if figures.students.is_empty() {
        return Ok((figures, Vec::new(), 0, Vec::new()));
    }
    let scope = LogScope::Class {
        class,
        only: Some(user),
    };
    let total = store.review_count(&scope)?;
    let offset = (page - 1).saturating_mul(HISTORY_PAGE);
    let history = store.review_log(
        &scope,
        Some(LogPage {
            limit: HISTORY_PAGE,
            offset,
        }),
    )?;
    Ok((
        figures,
        store.class_tag_figures(class, Some(user), today)?,
        total,
        history,
    ))
}

fn class_line(class: &ClassHeader) -> ClassLine {
    ClassLine {
        id: class.id.0,
        name: class.name.clone(),
        archived: class.archived,
    }
}

/// A student's row: their figures summed over the class's sets, flagged by the rule.
fn student_row(user: UserId, username: &str, total: &StudyFigures, today: StudyDay) -> StudentRow {
    let days_inactive = total
        .last_active_day
        .map(|day| u32::try_from(day.days_until(today)).unwrap_or(0));
    StudentRow {
        user_id: user.0,
        username: username.to_string(),
        studied: total.studied,
        due: total.due,
        overdue: total.overdue,
        retention_percent: total
            .retention_30d()
            .map(|_| percent(total.recalled_30d, total.reviewed_30d)),
        last_active: days_ago_label(days_inactive),
        last_active_ms: total.last_active_ms,
        behind: falling_behind(total.overdue, total.due, days_inactive),
    }
}

fn tag_rows(tags: &[TagFigures], students: u32) -> Vec<TagRow> {
    tags.iter()
        .map(|t| {
            TagRow::new(
                &t.tag,
                [t.cards, t.studied, t.mature, t.reviewed_30d, t.recalled_30d],
                students,
            )
        })
        .collect()
}

fn set_rows(figures: &ClassFigures) -> Vec<SetProgressRow> {
    let Some(student) = figures.students.first() else {
        return Vec::new();
    };
    figures
        .sets
        .iter()
        .zip(&student.per_set)
        .map(|(set, numbers)| SetProgressRow {
            set_id: set.id.to_string(),
            title: set.title.clone(),
            cards: set.cards,
            studied: numbers.studied,
            studied_percent: percent(numbers.studied, set.cards),
            due: numbers.due,
            overdue: numbers.overdue,
            mature: numbers.mature,
            retention_percent: numbers
                .retention_30d()
                .map(|_| percent(numbers.recalled_30d, numbers.reviewed_30d)),
        })
        .collect()
}

fn history_row(entry: &LogEntry) -> HistoryRow {
    HistoryRow {
        when: instant_label(entry.reviewed_at_ms),
        set_id: entry.set.to_string(),
        card_id: entry.card.to_string(),
        prompt: entry.prompt.clone(),
        answer: entry.answer.clone().unwrap_or_else(|| "—".to_string()),
        verdict: entry.verdict.clone(),
        quality: entry.quality,
        claim: entry.overridden.then(|| {
            entry
                .claim_decision
                .clone()
                .unwrap_or_else(|| "pending".to_string())
        }),
    }
}
