//! Who may see which dashboard. Students never reach these pages (403). A class's pages are its
//! instructor's and the admin's; anyone else is told there is no such class (404), so class
//! numbers do not reveal which classes exist.
//!
//! A set's item analysis and review log: the admin and the set's owner see every student's
//! reviews; an instructor whose classes have the set assigned sees their members' only. With
//! `?class=ID` the figures narrow to that class, which must be one of the viewer's own (any
//! class for the admin).

use crate::questions::SetId;
use crate::store::{Audience, ClassHeader, ClassId, ClassRef, Role, SetHeader, User};
use crate::web::auth::SignedIn;
use crate::web::blocking;
use crate::web::error::AppError;
use crate::web::state::AppState;

/// Whether `user` may see the class: its instructor or the admin.
pub fn may_see_class(user: &User, class: &ClassHeader) -> bool {
    user.role == Role::Admin || class.owner == user.id
}

/// Whose reviews of `set` `user` may see, narrowed to the class `requested` if given; `None`
/// when they may see none. `own_classes` are the viewer's classes that have the set assigned.
pub fn analysis_audience(
    user: &User,
    set: &SetHeader,
    own_classes: &[ClassRef],
    requested: Option<ClassId>,
) -> Option<Audience> {
    let is_admin = user.role == Role::Admin;
    let owns = set.owner == Some(user.id);
    let teaches = |class: ClassId| own_classes.iter().any(|own| own.id == class);
    match requested {
        Some(class) if is_admin || teaches(class) => Some(Audience::Classes(vec![class])),
        Some(_) => None,
        None if is_admin || owns => Some(Audience::Everyone),
        None if own_classes.is_empty() => None,
        None => Some(Audience::Classes(
            own_classes.iter().map(|own| own.id).collect(),
        )),
    }
}

/// The class numbered `id`, if `visitor` may see it; 404 otherwise.
pub async fn class_for(
    state: &AppState,
    visitor: &SignedIn,
    id: &str,
) -> Result<ClassHeader, AppError> {
    let not_yours = || {
        AppError::NotFound(format!(
            "There is no class {id} among the classes you teach."
        ))
    };
    let class_id = ClassId(id.parse().map_err(|_| not_yours())?);
    let store = state.store.clone();
    let class = blocking(move || store.class_header(class_id))
        .await?
        .ok_or_else(not_yours)?;
    if may_see_class(&visitor.user, &class) {
        Ok(class)
    } else {
        Err(not_yours())
    }
}

/// The set `id` and whose reviews of it `visitor` may see (see the module's documentation);
/// 404 when it is none, or there is no such set; `?class=` must be a number.
pub async fn set_for(
    state: &AppState,
    visitor: &SignedIn,
    id: &str,
    class: Option<&str>,
) -> Result<SetAccess, AppError> {
    let not_yours = || {
        AppError::NotFound(format!(
            "There is no set {id:?} among the sets you teach with."
        ))
    };
    let requested = match class.filter(|class| !class.is_empty()) {
        Some(class) => Some(ClassId(class.parse().map_err(|_| {
            AppError::NotFound(format!(
                "There is no class {class} among the classes you teach."
            ))
        })?)),
        None => None,
    };
    let set_id = SetId::parse(id).map_err(|_| not_yours())?;
    let (store, user) = (state.store.clone(), visitor.user.id);
    let (set, own) = blocking(move || {
        let set = store.set_header(&set_id)?;
        let own = store.classes_with_set(user, &set_id)?;
        Ok::<_, crate::store::StoreError>((set, own))
    })
    .await?;
    let set = set.ok_or_else(not_yours)?;
    let audience = analysis_audience(&visitor.user, &set, &own, requested).ok_or_else(not_yours)?;
    Ok(SetAccess {
        set,
        own,
        audience,
        requested,
    })
}

/// A set a visitor may see reviews of, and whose.
#[derive(Debug, Clone)]
pub struct SetAccess {
    pub set: SetHeader,
    /// The visitor's classes that have the set assigned.
    pub own: Vec<ClassRef>,
    pub audience: Audience,
    /// The class of `?class=`, if one was asked for.
    pub requested: Option<ClassId>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::UserId;

    fn user(id: i64, role: Role) -> User {
        User {
            id: UserId(id),
            username: format!("u{id}"),
            password_hash: String::new(),
            role,
            daily_new_limit: 20,
        }
    }

    fn set(owner: Option<i64>) -> SetHeader {
        SetHeader {
            id: SetId::parse("s").unwrap(),
            title: "S".into(),
            owner: owner.map(UserId),
        }
    }

    fn classes(ids: &[i64]) -> Vec<ClassRef> {
        ids.iter()
            .map(|&id| ClassRef {
                id: ClassId(id),
                name: format!("c{id}"),
            })
            .collect()
    }

    #[test]
    fn a_class_is_seen_by_its_instructor_and_the_admin_only() {
        let class = ClassHeader {
            id: ClassId(1),
            name: "7B".into(),
            owner: UserId(2),
            archived: false,
        };
        assert!(may_see_class(&user(2, Role::Instructor), &class));
        assert!(may_see_class(&user(9, Role::Admin), &class));
        assert!(!may_see_class(&user(3, Role::Instructor), &class));
    }

    #[test]
    fn the_owner_and_the_admin_see_everyone_and_may_narrow_to_a_class() {
        let owner = user(2, Role::Instructor);
        assert_eq!(
            analysis_audience(&owner, &set(Some(2)), &[], None),
            Some(Audience::Everyone)
        );
        assert_eq!(
            analysis_audience(&owner, &set(Some(2)), &classes(&[5]), Some(ClassId(5))),
            Some(Audience::Classes(vec![ClassId(5)]))
        );
        assert_eq!(
            analysis_audience(&owner, &set(Some(2)), &classes(&[5]), Some(ClassId(6))),
            None,
            "not their class"
        );
        let admin = user(1, Role::Admin);
        assert_eq!(
            analysis_audience(&admin, &set(None), &[], None),
            Some(Audience::Everyone)
        );
        assert_eq!(
            analysis_audience(&admin, &set(None), &[], Some(ClassId(6))),
            Some(Audience::Classes(vec![ClassId(6)]))
        );
    }

    #[test]
    fn an_instructor_teaching_with_someone_elses_set_sees_their_own_members_only() {
        let teacher = user(3, Role::Instructor);
        let both = analysis_audience(&teacher, &set(None), &classes(&[4, 7]), None);
        assert_eq!(both, Some(Audience::Classes(vec![ClassId(4), ClassId(7)])));
        assert_eq!(
            analysis_audience(&teacher, &set(Some(2)), &classes(&[4, 7]), Some(ClassId(7))),
            Some(Audience::Classes(vec![ClassId(7)]))
        );
        assert_eq!(
            analysis_audience(&teacher, &set(Some(2)), &[], None),
            None,
            "no class has the set"
        );
    }
}
