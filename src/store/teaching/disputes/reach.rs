//! Whose claims a decider reaches, as SQL conditions binding `:me` (the decider) and `:admin`
//! (whether they are the admin):
//!
//! - the admin: everyone's, on every set;
//! - a set's owner: everyone's on that set;
//! - an instructor: the members' of their live classes, on the sets assigned to that class
//!   (an archived class's instructor decides no more, as its limits and exam days no longer
//!   apply). This includes the server's own sets, which have no owner.
//!
//! The first two decide "for everyone"; a ruling taken for everyone is undone only by them.

/// Whether `:me` teaches the student `user` with the set `set` (SQL expressions): the
/// instructor of a live class that has the student as a member and the set assigned.
pub(super) fn teaches(user: &str, set: &str) -> String {
    format!(
        "EXISTS (SELECT 1 FROM class_members AS member
             JOIN classes AS taught ON taught.id = member.class_id
                 AND taught.owner_id = :me AND taught.archived = 0
             JOIN class_sets AS assigned ON assigned.class_id = member.class_id
                 AND assigned.set_id = {set}
         WHERE member.user_id = {user})"
    )
}

/// Whether `:me` decides for everyone on a set owned by `owner` (an SQL expression).
pub(super) fn for_everyone(owner: &str) -> String {
    format!("(:admin OR {owner} IS :me)")
}

/// Whether `:me` may decide the claims of `user` on `set`, owned by `owner`.
pub(super) fn may_decide(user: &str, set: &str, owner: &str) -> String {
    format!("({} OR {})", for_everyone(owner), teaches(user, set))
}

/// Whether `:me` may undo the ruling `ruling` (a `claim_rulings` row) on `set`, owned by
/// `owner`: a ruling for everyone is the owner's and the admin's.
pub(super) fn may_undo(ruling: &str, set: &str, owner: &str) -> String {
    format!(
        "({} OR ({ruling}.for_everyone = 0 AND {}))",
        for_everyone(owner),
        teaches(&format!("{ruling}.user_id"), set)
    )
}
