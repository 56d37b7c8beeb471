//! One definition of a right answer, shared by every figure: the class dashboards, item
//! analysis, the exports, and the student's own progress and done pages. A review counts as
//! recalled by its quality (3 or more), unless a ruling on an "I was right" claim says
//! otherwise ([`super::disputes`]).
//!
//! Reviews are not rewritten when a claim is decided: the ruling is a row of its own
//! (`claim_rulings`, per student, card and normalised answer) and the figures join it at read
//! time. A ruling decides each of that student's reviews of that card the checker marked
//! `wrong` with that normalised answer, before and after the claim:
//!
//! - accepted: right;
//! - rejected: wrong, the claim itself included;
//! - no ruling (the claim is pending, or nobody claimed): as graded, so a pending claim
//!   (quality 3) is right, and so is any answer the study path grades right while its claim is
//!   pending, as long as it keeps the checker's verdict `wrong` and a quality of 3 or more.
//!
//! Reviews the checker did not mark wrong never join a ruling, so the join costs one primary
//! key lookup per wrong review and nothing for the others.

/// Joins each review `r` the checker marked wrong to its student's ruling on that card and
/// normalised answer, as `ruling`, if there is one.
pub(in crate::store) const RULING_JOIN: &str = ruling_join!();

/// [`RULING_JOIN`] as a literal, for statements put together with `concat!`.
macro_rules! ruling_join {
    () => {
        "LEFT JOIN claim_rulings AS ruling
    ON r.verdict = 'wrong' AND ruling.user_id = r.user_id AND ruling.card_id = r.card_id
    AND ruling.normalized_answer = r.normalized_answer"
    };
}
pub(in crate::store) use ruling_join;

/// 1 when review `r` counts as recalled (needs [`RULING_JOIN`]), else 0.
pub(in crate::store) const RECALLED: &str = recalled!();

/// [`RECALLED`] as a literal, for statements put together with `concat!`.
macro_rules! recalled {
    () => {
        "(CASE ruling.decision
    WHEN 'accepted' THEN 1 WHEN 'rejected' THEN 0 ELSE r.quality >= 3 END)"
    };
}
pub(in crate::store) use recalled;

/// What review `r` says of its claim, for the review log: `accepted` or `rejected` when a
/// ruling applies to it, `pending` for a claim not decided yet, NULL otherwise (needs
/// [`RULING_JOIN`]).
pub(in crate::store) const CLAIM_DECISION: &str = "coalesce(ruling.decision,
    CASE WHEN r.overridden = 1 THEN 'pending' END)";
