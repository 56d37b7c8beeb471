//! What a student is told of their "I was right" claims: the rulings of the last two weeks on
//! cards they have not answered since, on the home page (`claim_notice.html`, see
//! `store::disputes::notices`). The verdict page tells one card's with [`claim_notice_view`].

use crate::scheduler::StudyDay;
use crate::store::{ClaimNotice, Ruling, UserId};
use crate::web::blocking;
use crate::web::error::AppError;
use crate::web::state::{AppState, now_ms};
use crate::web::views::ClaimNoticeView;

/// A ruling as `claim_notice.html` tells it, on `today`.
pub fn claim_notice_view(notice: &ClaimNotice, today: StudyDay) -> ClaimNoticeView {
    ClaimNoticeView {
        accepted: notice.ruling == Ruling::Accepted,
        answer: notice.answer.clone(),
        prompt: notice.prompt.clone(),
        set_title: notice.set_title.clone(),
        due_today: notice.due_by(today),
    }
}

/// The notices of `user`'s home page, the latest first.
pub async fn home_notices(
    state: &AppState,
    user: UserId,
) -> Result<Vec<ClaimNoticeView>, AppError> {
    let (store, today) = (state.store.clone(), state.today());
    let notices = blocking(move || store.claim_notices(user, now_ms())).await?;
    Ok(notices
        .iter()
        .map(|notice| claim_notice_view(notice, today))
        .collect())
}
